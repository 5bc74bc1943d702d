"""Documents against their schemas, as a user checks them: everything the loader reads
validates (every worked example, generated policies and cases, hand-written documents
in JSON, TOML and YAML), and everything a schema rejects the loader rejects too (a
corpus of bad documents, and good documents broken at random)."""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

import hrpolicy.strategies
from hrpolicy.bonds import DOMAIN_COST_SCHEDULE
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.engines import document_types, engines
from hrpolicy.core.errors import ConversionError
from hrpolicy.documents.schema import schema_of
from hrpolicy.documents.text import parse, syntax_of

assert hrpolicy.strategies.REGISTERED_TYPES  # registers st.from_type for the domain types

CORPUS = Path(__file__).parent / "corpus"
TYPES = document_types()
EXAMPLE_MODULES = tuple(
    f"hrpolicy.{name}.examples"
    for name in dict.fromkeys(spec.case_type.__module__.split(".")[1] for spec in engines())
)


_VALIDATORS: dict[type, Any] = {}


def validator(cls: type) -> Any:
    """A validator of ``cls``'s schema, asserting formats, as a user would build it."""
    if cls not in _VALIDATORS:
        _VALIDATORS[cls] = jsonschema.Draft202012Validator(
            schema_of(cls), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
    return _VALIDATORS[cls]


def loads(data: Any, cls: type) -> bool:
    """Whether the loader reads ``data`` as a ``cls`` (any refusal must be a
    ConversionError: anything else would escape as a traceback)."""
    try:
        from_dict(data, cls)
    except ConversionError:
        return False
    return True


def _json(data: Any) -> Any:
    """``data`` written as JSON and read back, bare decimals as ``Decimal``."""
    return json.loads(json.dumps(data), parse_float=Decimal)


def _held(value: object, found: list[Any], depth: int = 0) -> list[Any]:
    """Every policy and case ``value`` holds (in tuples, lists, mappings and objects)."""
    if depth > 8:
        return found
    if type(value) in TYPES.values():
        found.append(value)  # and what it holds: a case's policy is a document too
    if isinstance(value, (list, tuple)):
        for item in value:
            _held(item, found, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            _held(item, found, depth + 1)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            _held(getattr(value, field.name), found, depth + 1)
    return found


def _examples() -> list[Any]:
    """Every policy and case in the engines' examples modules (their public values and
    what their functions without required arguments return, and the policies inside
    them), every engine's worked example case, and the bond engine's schedule."""
    found: list[Any] = []
    for name in EXAMPLE_MODULES:
        module = importlib.import_module(name)
        for key, value in vars(module).items():
            if key.startswith("_") or inspect.ismodule(value) or inspect.isclass(value):
                continue
            if inspect.isfunction(value):
                if value.__module__ != name:
                    continue
                params = inspect.signature(value).parameters.values()
                if any(p.default is inspect.Parameter.empty for p in params):
                    continue
                _held(value(), found)
            else:
                _held(value, found)
    for spec in engines():
        _held(spec.example_case(), found)
    _held(DOMAIN_COST_SCHEDULE, found)
    return found


EXAMPLES = _examples()
EXAMPLE_IDS = [
    f"{type(x).__name__}-{getattr(x, 'plan_id', '') or getattr(x, 'policy_id', '')}-{i}"
    for i, x in enumerate(EXAMPLES)
]


def test_the_examples_hold_every_document_type() -> None:
    assert {type(x) for x in EXAMPLES} == set(TYPES.values())


def _errors(cls: type, data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message[:200]}" for e in validator(cls).iter_errors(data)]


@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_every_worked_example_validates_as_written_and_read_back_from_json(
    example: Any,
) -> None:
    cls = type(example)
    data = to_dict(example)
    assert _errors(cls, data) == []
    assert _errors(cls, _json(data)) == []
    assert from_dict(_json(data), cls) == example


def test_a_scoring_case_written_by_to_dict_holds_its_report_items_as_lists() -> None:
    case = next(x for x in EXAMPLES if type(x) is TYPES["ScoringCase"])
    written = to_dict(case)
    items = written["inputs"]["reports"][0]["items"]
    assert items[0] == ["sales_volume", "passed"]
    assert all(type(pair) is list for pair in items)
    assert validator(TYPES["ScoringCase"]).is_valid(written)


@pytest.mark.parametrize("name", list(TYPES))
@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_generated_policy_or_case_validates_as_written_and_read_back_from_json(
    name: str, data: st.DataObject
) -> None:
    cls = TYPES[name]
    drawn = data.draw(st.from_type(cls))
    written = to_dict(drawn)
    assert _errors(cls, written) == []
    assert _errors(cls, _json(written)) == []


def _corpus(kind: str) -> list[Path]:
    return sorted(p for p in (CORPUS / kind).iterdir() if p.suffix in (".json", ".toml", ".yaml"))


def _read(path: Path) -> tuple[type, Any]:
    """The type a corpus file holds (its name before ``--``) and its parsed data."""
    return TYPES[path.name.split("--")[0]], parse(path.read_bytes(), syntax_of(path.name))


@pytest.mark.parametrize("path", _corpus("good"), ids=lambda p: p.name)
def test_a_hand_written_document_validates_and_loads(path: Path) -> None:
    cls, data = _read(path)
    assert _errors(cls, data) == []
    assert isinstance(from_dict(data, cls), cls)


def _path_of(message: str) -> str:
    """The key path of a loader error, written as jsonschema writes it."""
    where = message.split(": expected", 1)[0]
    return re.sub(r"\['([^']*)'\]", r".\1", where)


@pytest.mark.parametrize("path", _corpus("bad"), ids=lambda p: p.name)
def test_a_bad_document_is_rejected_by_its_schema_and_refused_by_the_loader(path: Path) -> None:
    cls, data = _read(path)
    best = jsonschema.exceptions.best_match(validator(cls).iter_errors(data))
    assert best is not None, "the schema accepts it"
    with pytest.raises(ConversionError) as refused:
        from_dict(data, cls)
    # The schema and the loader point at the same place (the schema may stop at the
    # union or the row holding the value the loader names).
    assert any(_path_of(error).startswith(best.json_path) for error in refused.value.errors), (
        best.json_path,
        refused.value.errors,
    )


def test_the_bad_corpus_has_one_document_for_each_kind_of_error() -> None:
    names = {p.name.split("--")[0] for p in _corpus("bad")}
    assert len(_corpus("bad")) >= 40
    assert names >= {
        "Plan",
        "BondCase",
        "BondPolicy",
        "ServiceSchedule",
        "CommissionCase",
        "ChargeCase",
        "ChargePolicy",
    }


# --- good documents broken at random --------------------------------------------------------

GOOD = [(type(x), _json(to_dict(x))) for x in EXAMPLES]


def _places(data: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, (*at, index))


def _at(data: Any, place: tuple[Any, ...]) -> Any:
    for step in place:
        data = data[step]
    return data


_WRONG: list[Any] = [
    None, True, False, 0, -1, 1, 10**20, Decimal("1.5"), Decimal("-0.001"), Decimal("1E+3"),
    "", " ", "x", "-5", "5%", "5‰", "0.001", "1e3", "1_000", "٣", "2024-13-01", "2024-02-30",
    "1899-01-01", "2024-03-01T09:00", [], {}, [1, 2, 3, 4], ["a"], {"kind": "x"}, "units",
    "sales", "contract", "Sales", " a ",
]  # fmt: skip
_VALUES = st.one_of(
    st.sampled_from(_WRONG),
    st.text(max_size=6),
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
_KEYS = st.sampled_from(["extra", "kind", "format", "value", "rows", "upper", "lower_closed"])
_CHARACTERS = st.sampled_from([*"0123456789._-+eE%‰ xX/:T", "٣", "\u3000", "\n"])
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _edited(draw: st.DrawFn, value: object) -> str:
    text = str(value)
    how = draw(st.sampled_from(["insert", "delete", "upper", "negate", "pad"]))
    if how == "insert":
        index = draw(st.integers(0, len(text)))
        text = text[:index] + draw(_CHARACTERS) + text[index:]
    elif how == "delete" and text:
        index = draw(st.integers(0, len(text) - 1))
        text = text[:index] + text[index + 1 :]
    elif how == "upper":
        text = text.upper()
    elif how == "negate":
        text = "-" + text
    elif how == "pad":
        text = f" {text}\t"
    # A date with spaces around it: the loader reads it, a date format refuses it (see
    # test_a_date_with_spaces_around_it_is_read_by_the_loader_and_accepted_by_its_schema).
    assume(not (_ISO_DAY.fullmatch(text.strip()) and text != text.strip()))
    return text


@st.composite
def broken_documents(draw: st.DrawFn) -> tuple[type, Any]:
    """A good document with one change: a key dropped or added, an item removed or
    added, a value replaced by one of another type, or a text or number edited."""
    cls, good = draw(st.sampled_from(GOOD))
    data = copy.deepcopy(good)
    place = draw(st.sampled_from(list(_places(data))))
    target = _at(data, place)
    change = draw(st.sampled_from(["replace", "drop", "add", "append", "pop", "edit", "edit"]))
    if change == "drop" and isinstance(target, dict) and target:
        del target[draw(st.sampled_from(sorted(target)))]
    elif change == "add" and isinstance(target, dict):
        target[draw(_KEYS)] = draw(_VALUES)
    elif change == "append" and isinstance(target, list):
        target.append(draw(_VALUES))
    elif change == "pop" and isinstance(target, list) and target:
        target.pop(draw(st.integers(0, len(target) - 1)))
    elif change == "edit" and place and isinstance(target, (str, int, Decimal)):
        _at(data, place[:-1])[place[-1]] = _edited(draw, target)
    elif place:
        _at(data, place[:-1])[place[-1]] = draw(_VALUES)
    else:
        data = draw(_VALUES)
    note(f"{change} at {place}")
    return cls, data


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(broken_documents())
def test_whatever_a_schema_rejects_in_a_broken_document_the_loader_refuses(
    broken: tuple[type, Any],
) -> None:
    cls, data = broken
    if not validator(cls).is_valid(data):
        assert not loads(data, cls), _errors(cls, data)
    else:
        loads(data, cls)  # accepted or refused, but always with a ConversionError


# --- what the loader reads and a schema cannot say ------------------------------------------


@pytest.mark.xfail(
    reason="the loader strips spaces around a date; the 'date' format (asserted here, as "
    "a user asserts it) does not",
    strict=True,
)
def test_a_date_with_spaces_around_it_is_read_by_the_loader_and_accepted_by_its_schema() -> None:
    plan = _json(to_dict(next(x for x in EXAMPLES if type(x) is TYPES["Plan"])))
    plan["versions"][0]["effective_from"] = " 2024-01-01 "
    assert loads(plan, TYPES["Plan"])
    assert validator(TYPES["Plan"]).is_valid(plan)
