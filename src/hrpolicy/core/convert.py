"""Conversion between domain objects and plain data (dicts, lists, strings, ints).

One :mod:`cattrs` converter serves the whole library. Plain data is JSON-friendly: amounts
and other exact numbers as strings (``"6000.00"``), dates as ``"YYYY-MM-DD"``, rates in the
notation they were given (``"5‰"``), enums by value, tuples as lists, and the variants of a
union (such as the forms of a penalty clause) tagged by a ``"kind"`` key.

Reading is strict: floats, booleans written as strings, unknown keys, unknown enum values
and missing required keys are all errors, and :func:`from_dict` reports **every** problem at
once as a :class:`~hrpolicy.core.errors.ConversionError` whose ``errors`` name the path of
each one inside the data (``$.training.costs[0].amount``).

>>> from hrpolicy.core.bands import Band
>>> band = from_dict({"lower": "0", "upper": "2000", "lower_closed": False,
...                   "upper_closed": True, "value": "1"}, Band)
>>> band.describe(), to_dict(band)["upper"]
('(0, 2000]', '2000')
>>> from_dict({"lower": 0.5, "upper": "2000", "lower_closed": "no", "upper_closed": True,
...            "value": "1", "colour": "red"}, Band)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: Band: cannot build from the data given: $.lower: expected ...
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.checked import MISSING_HINT, missing_expectation
from hrpolicy.core.errors import (
    ConversionError,
    HRPolicyError,
    InvalidTypeError,
    InvalidValueError,
    describe,
)
from hrpolicy.core.explain import Explanation, Finding, Severity, Step, StepValue
from hrpolicy.core.fields import (
    _check_bool,
    _check_date,
    _check_datetime,
    _check_enum,
    _check_int,
    _check_str,
)
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate, parse_decimal
from hrpolicy.core.period import Period
from hrpolicy.core.records import Tabular, exact_text
from hrpolicy.law.provisions import Provision, provision

__all__ = [
    "FORMAT_KEY",
    "converter",
    "format_of",
    "from_dict",
    "register_format",
    "register_tagged_union",
    "structure_value",
    "to_dict",
    "union_tags",
    "unstructure_value",
    "write_in_full",
]

T = TypeVar("T")

#: The library's converter. Engines register their unions on it at import time.
converter: Final = cattrs.Converter(forbid_extra_keys=True)


def _structure_decimal(value: object, _: type) -> Decimal:
    return parse_decimal(value, field="", expected="a number written as str or int (no floats)")


def _structure_rate(value: object, _: type) -> Rate:
    return Rate.parse(value, field="")


def _structure_enum(value: object, enum_type: type[enum.Enum]) -> enum.Enum:
    return _check_enum(enum_type, value, "")


converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(Decimal, lambda value: format(value, "f"))
converter.register_structure_hook(Rate, _structure_rate)
converter.register_unstructure_hook(Rate, lambda rate: rate.notation)
converter.register_structure_hook(datetime, lambda value, _: _check_datetime(value, ""))
converter.register_unstructure_hook(datetime, lambda value: value.isoformat())
converter.register_structure_hook(date, lambda value, _: _check_date(value, ""))
converter.register_unstructure_hook(date, lambda value: value.isoformat())
converter.register_structure_hook(bool, lambda value, _: _check_bool(value, ""))
converter.register_structure_hook(int, lambda value, _: _check_int(None, value, ""))
converter.register_structure_hook(str, lambda value, _: _check_str(value, ""))
converter.register_structure_hook(enum.Enum, _structure_enum)
converter.register_unstructure_hook(enum.Enum, lambda value: value.value)


def _structure_fraction(value: object, _: type) -> Fraction:
    """An exact rational from its text (``"0.75"``, ``"5500/3"``) or an int."""
    expected = "an exact number written as text ('0.75' or '5500/3') or an int"
    if isinstance(value, Decimal) and value.is_finite():  # a bare decimal of a document
        return Fraction(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidTypeError("", expected, value)
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise InvalidValueError("", expected, value) from None


converter.register_structure_hook(Fraction, _structure_fraction)
converter.register_unstructure_hook(Fraction, exact_text)


def _structure_provision(value: object, _: type) -> Provision:
    if not isinstance(value, str):
        raise InvalidTypeError("", "a provision id such as 'LCL 22(2)'", value)
    return provision(value)


converter.register_structure_hook(Provision, _structure_provision)
converter.register_unstructure_hook(Provision, lambda value: value.id)


_period_fields: Final = make_dict_structure_fn(Period, converter, _cattrs_forbid_extra_keys=True)


def _structure_period(value: object, _: type) -> Period:
    """A :class:`~hrpolicy.core.period.Period` from its fields (``{"year": 2025,
    "quarter": 1}``, as :func:`to_dict` writes it) or from its text (``"2025-03"``,
    ``"2025-Q1"``, ``"2025"``; a season needs its dates, so only its fields read)."""
    if isinstance(value, str):
        return Period.parse(value, field="")
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "", "a mapping of the period's fields or period text (2025-03, 2025-Q1, 2025)", value
        )
    return _period_fields(value, Period)


converter.register_structure_hook(Period, _structure_period)

#: How a step value that JSON cannot hold natively is written: ``{"decimal": "6000.00"}``,
#: ``{"ratio": "5500/3"}``, ``{"date": "2024-03-01"}``, ``{"rate": "5%"}``; a label is
#: ``{"zh_CN": …, "en": …}``; ``int``, ``bool``, text and ``None`` are written as they are.
_VALUE_TAGS: Final[dict[str, Any]] = {
    "decimal": Decimal,
    "ratio": Fraction,
    "date": date,
    "rate": Rate,
}


def unstructure_value(value: StepValue) -> Any:
    """A step input, output or finding parameter as plain, unambiguous JSON data."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return {"decimal": format(value, "f")}
    if isinstance(value, Fraction):
        return {"ratio": exact_text(value)}
    if isinstance(value, Rate):
        return {"rate": value.notation}
    if isinstance(value, Label):
        return {"zh_CN": value.zh_CN, "en": value.en}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    raise InvalidTypeError("value", "a step value (Decimal, Fraction, int, date, text…)", value)


def structure_value(value: Any, _: Any = None) -> StepValue:
    """The step value written by :func:`unstructure_value`."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Mapping):
        keys = set(value)
        if keys == {"zh_CN", "en"}:
            return converter.structure(dict(value), Label)
        if len(keys) == 1:
            (tag,) = keys
            if tag in _VALUE_TAGS:
                return converter.structure(value[tag], _VALUE_TAGS[tag])  # type: ignore[no-any-return]
    raise InvalidValueError(
        "",
        "a value: an int, true/false, text, null, {'decimal': …}, {'ratio': …}, "
        "{'date': …}, {'rate': …} or a label {'zh_CN': …, 'en': …}",
        value,
    )


def _pairs(value: Any, what: str) -> list[tuple[str, StepValue]]:
    if not isinstance(value, (list, tuple)):
        raise InvalidTypeError("", f"a list of [name, value] {what}", value)
    pairs = []
    for index, pair in enumerate(value):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2 or not isinstance(pair[0], str):
            raise InvalidValueError(f"[{index}]", f"a [name, value] {what}", pair)
        pairs.append((pair[0], structure_value(pair[1])))
    return pairs


def _mapping(value: Any, cls: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("", f"a mapping (the fields of {_a(cls)})", value)
    return value


def _structure_step(value: Any, _: Any) -> Step:
    data = _mapping(value, "Step")
    known = {"rule", "label", "inputs", "output", "citations"}
    extra = sorted(set(data) - known)
    if extra:
        raise InvalidValueError("", "only the keys " + ", ".join(sorted(known)), extra)
    return Step(
        converter.structure(data["rule"], str),
        converter.structure(data["label"], Label),
        tuple(_pairs(data.get("inputs", []), "input")),
        structure_value(data.get("output")),
        converter.structure(data.get("citations", []), tuple[Provision, ...]),
    )


def _unstructure_step(step: Step) -> dict[str, Any]:
    return {
        "rule": step.rule,
        "label": {"zh_CN": step.label.zh_CN, "en": step.label.en},
        "inputs": [[name, unstructure_value(value)] for name, value in step.inputs],
        "output": unstructure_value(step.output),
        "citations": [c.id for c in step.citations],
    }


def _structure_finding(value: Any, _: Any) -> Finding:
    from hrpolicy.core.explain import catalog_named  # noqa: PLC0415 - explain is loaded already

    data = _mapping(value, "Finding")
    known = {"catalog", "code", "severity", "params", "citations", "subject"}
    extra = sorted(set(data) - known)
    if extra:
        raise InvalidValueError("", "only the keys " + ", ".join(sorted(known)), extra)
    catalog = catalog_named(converter.structure(data["catalog"], str))
    code = converter.structure(data["code"], str)
    if code not in catalog:
        raise InvalidValueError("code", f"a code of the {catalog.name} catalog", code)
    params = _pairs(data.get("params", []), "parameter")
    missing = sorted(catalog[code].placeholders(catalog[code].en) - {name for name, _ in params})
    if missing:
        raise InvalidValueError("params", "a value for every placeholder of the message", missing)
    return Finding(
        code=code,
        severity=converter.structure(data["severity"], Severity),
        params=tuple(params),
        citations=converter.structure(data.get("citations", []), tuple[Provision, ...]),
        subject=converter.structure(data.get("subject", ""), str),
        catalog=catalog.name,
    )


def _unstructure_finding(finding: Finding) -> dict[str, Any]:
    return {
        "catalog": finding.catalog,
        "code": finding.code,
        "severity": finding.severity.value,
        "params": [[name, unstructure_value(value)] for name, value in finding.params],
        "citations": [c.id for c in finding.citations],
        "subject": finding.subject,
    }


converter.register_structure_hook(Step, _structure_step)
converter.register_unstructure_hook(Step, _unstructure_step)
converter.register_structure_hook(Finding, _structure_finding)
converter.register_unstructure_hook(Finding, _unstructure_finding)
converter.register_structure_hook(StepValue, structure_value)
converter.register_unstructure_hook(StepValue, unstructure_value)

#: The key of the format version every top-level document written by :func:`to_dict` has.
FORMAT_KEY: Final = "format"
#: The current format version of every shape, and the readers of older versions.
_FORMATS: dict[type, int] = {}
_READERS: dict[tuple[type, int], Any] = {}


def register_format(cls: type, version: int, *, readers: Mapping[int, Any] | None = None) -> None:
    """Say that ``cls`` is written in format ``version`` and how to read older ones:
    ``readers[v]`` turns a document of version ``v`` into one of version ``v + 1``.

    A shape that changes bumps its version and registers the reader of the old one, so a
    document written by an earlier release still loads.
    """
    _FORMATS[cls] = version
    for old, reader in (readers or {}).items():
        _READERS[(cls, old)] = reader


def format_of(cls: Any) -> int:
    """The current format version of ``cls`` (1 unless a later one was registered)."""
    return _FORMATS.get(cls, 1)


def _read_format(data: Any, cls: Any) -> Any:
    """``data`` without its format key, upgraded to the current format of ``cls``."""
    if not isinstance(data, Mapping) or FORMAT_KEY not in data:
        return data
    current = format_of(cls)
    version = data[FORMAT_KEY]
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= current:
        raise ConversionError(
            _type_name(cls),
            [f"$.{FORMAT_KEY}: expected a format from 1 to {current}, got {describe(version)}"],
        )
    body = {k: v for k, v in data.items() if k != FORMAT_KEY}
    while version < current:
        reader = _READERS.get((cls, version))
        if reader is None:
            raise ConversionError(
                _type_name(cls), [f"$.{FORMAT_KEY}: no reader for format {version}"]
            )
        body = reader(body)
        version += 1
    return body


#: Every tagged union registered, with its tag key and the tag of each member.
_UNIONS: dict[Any, tuple[str, dict[type, str]]] = {}


def union_tags(tp: Any) -> tuple[str, dict[type, str]] | None:
    """The tag key and the members' tags of the tagged union ``tp`` (or of its optional
    form), or ``None`` when ``tp`` is not one — for the schema generator.

    >>> from hrpolicy.bonds import PenaltyClause
    >>> found = union_tags(PenaltyClause)
    >>> assert found is not None
    >>> found[0], sorted(found[1].values())[:2]
    ('kind', ['cost_multiple', 'flat_sum'])
    """
    args = typing.get_args(tp)
    if tp not in _UNIONS and type(None) in args:
        rest = tuple(arg for arg in args if arg is not type(None))
        tp = rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007 - a runtime type
    return _UNIONS.get(tp)


def register_tagged_union(union: Any, tags: Mapping[type, str], *, tag_name: str = "kind") -> None:
    """Teach the converter a union of attrs classes, told apart by ``tag_name``.

    Reading checks the tag and names the allowed values when it is missing or unknown;
    writing adds the tag. The optional form (``union | None``) is registered too.
    """
    members = typing.get_args(union)
    missing = [m for m in members if m not in tags]
    if missing:
        raise TypeError(f"register_tagged_union: no tag for {missing!r}")
    _UNIONS[union] = (tag_name, dict(tags))
    by_tag = {tag: cls for cls, tag in tags.items()}
    allowed = "one of " + ", ".join(repr(tag) for tag in by_tag)

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise InvalidTypeError("", f"a mapping with a {tag_name!r} key", value)
        if tag_name not in value:
            raise InvalidValueError(tag_name, f"a {tag_name!r} key: {allowed}")
        tag = value[tag_name]
        # A list or a mapping as the tag (``kind: [a]``) is named as the wrong tag, not
        # left to fail as an unhashable key.
        cls = by_tag.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise InvalidValueError(tag_name, allowed, tag)
        return converter.structure({k: v for k, v in value.items() if k != tag_name}, cls)

    def unstructure(value: Any) -> Any:
        data = converter.unstructure(value, unstructure_as=type(value))
        data[tag_name] = tags[type(value)]
        return data

    optional = typing.Optional[union]  # noqa: UP045 - a runtime type object is needed
    converter.register_structure_hook(union, structure)
    converter.register_unstructure_hook(union, unstructure)
    converter.register_structure_hook(
        optional, lambda value, _: None if value is None else structure(value, union)
    )
    converter.register_unstructure_hook(
        optional, lambda value: None if value is None else unstructure(value)
    )


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(tp: Any) -> Any:
    """Read ``tuple[X, ...]`` from a JSON list only (text, mappings and None are refused),
    reporting every bad element with its index."""
    element = typing.get_args(tp)[0]

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise InvalidTypeError("", "a list", value)
        results = [_structure_element(item, element, index) for index, item in enumerate(value)]
        errors = [error for _, error in results if error is not None]
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return tuple(item for item, _ in results)

    return structure


def _structure_element(item: Any, element: Any, index: int) -> tuple[Any, Exception | None]:
    try:
        return converter.structure(item, element), None
    except Exception as exc:  # every failure is reported, with its index
        note = IterableValidationNote(f"Structuring element @ index {index}", index, element)
        exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
        return None, exc


converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)


def _is_fixed_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and bool(args) and Ellipsis not in args


def _fixed_tuple_hook(tp: Any) -> Any:
    """Write ``tuple[X, Y]`` (a pair such as ``(item, status)``) as a JSON list, as every
    other sequence is written, not as a Python tuple."""
    args = typing.get_args(tp)
    return lambda value: [
        converter.unstructure(item, arg) for item, arg in zip(value, args, strict=True)
    ]


converter.register_unstructure_hook_factory(_is_fixed_tuple, _fixed_tuple_hook)

#: Result classes written with every field (besides every :class:`Tabular` result).
_IN_FULL: set[type] = set()


def write_in_full(*classes: type) -> None:
    """Say that ``classes`` — the parts of results, such as a statement's lines — are
    written with every field, ``null`` where a value is missing. Everything else (policies
    and case inputs) is written compactly: a field equal to its default is left out, as a
    person writing the document by hand would leave it out. Call it where the classes are
    defined, before any is written."""
    _IN_FULL.update(classes)


def _written_compactly(cls: Any) -> bool:
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and cls not in _IN_FULL
        and not issubclass(cls, Tabular)
    )


write_in_full(Explanation)
converter.register_unstructure_hook_factory(
    _written_compactly,
    lambda cls: make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True),
)

_TABLE_KEYS: Final = ("rows", "closed", "semantics", "first_closed", "name")


def _unstructure_table(table: BandTable) -> dict[str, Any]:
    """A band table as the rows :meth:`BandTable.from_rows` takes, with the inclusivity
    that needs the fewest rows written as mappings (the upper side on a tie)."""
    first_closed = table.bands[0].lower_closed
    candidates = [
        (side, table.to_rows(closed=side, first_closed=first_closed))
        for side in (Side.UPPER, Side.LOWER)
    ]
    side, rows = min(candidates, key=lambda c: sum(isinstance(row, dict) for row in c[1]))
    data: dict[str, Any] = {
        "rows": converter.unstructure(rows),
        "closed": side.value,
        "semantics": table.semantics.value,
    }
    if not first_closed:
        data["first_closed"] = False
    if table.name != "bands":
        data["name"] = table.name
    return data


def _structure_table(value: Any, _: Any) -> BandTable:
    data = _mapping(value, "BandTable")
    extra = sorted(set(data) - set(_TABLE_KEYS))
    if extra:
        raise InvalidValueError("", "only the keys " + ", ".join(_TABLE_KEYS), extra)
    for key in ("rows", "closed", "semantics"):
        if key not in data:
            raise InvalidValueError(key, "this required key", None)
    return BandTable.from_rows(
        data["rows"],
        closed=_check_enum(Side, data["closed"], "closed"),
        semantics=_check_enum(Semantics, data["semantics"], "semantics"),
        first_closed=_check_bool(data.get("first_closed", True), "first_closed"),
        name=_check_str(data.get("name", "bands"), "name"),
    )


converter.register_unstructure_hook(BandTable, _unstructure_table)
converter.register_structure_hook(BandTable, _structure_table)


def to_dict(obj: Any, as_type: Any = None) -> Any:
    """Plain, JSON-friendly data for a domain object (usually a ``dict``).

    A domain object is written with its format version under ``"format"``, first, so a
    later change of shape can come with a reader for the old one. Pass ``as_type`` to write
    a member of a union with its tag, e.g. ``to_dict(PerLaw(), PenaltyClause)`` gives
    ``{"format": 1, "clause_ref": "", "kind": "per_law"}``.
    """
    data = (
        converter.unstructure(obj)
        if as_type is None
        else converter.unstructure(obj, unstructure_as=as_type)
    )
    if isinstance(data, dict) and attrs.has(type(obj)):
        return {FORMAT_KEY: format_of(type(obj)), **data}
    return data


def _period_text(data: Any, cls: Any) -> bool:
    """Whether ``data`` is a period's text (``"2025-Q1"``) read as a ``Period``."""
    return cls is Period and isinstance(data, str)


@typing.overload
def from_dict(data: Any, cls: type[T]) -> T: ...


@typing.overload
def from_dict(data: Any, cls: Any) -> Any: ...


def from_dict(data: Any, cls: Any) -> Any:
    """Build a ``cls`` from plain data, or raise :class:`ConversionError` listing every
    problem with its path.

    The data comes first and the type second; a ``"format"`` key, when present, must be a
    format version this release reads (older versions are upgraded by their readers).
    """
    if isinstance(data, type) and not isinstance(cls, type):
        raise InvalidTypeError(
            "from_dict(data, cls)",
            "the data first and the type second",
            f"the type {data.__name__} as the data",
        )
    if attrs.has(cls) and not isinstance(data, Mapping) and not _period_text(data, cls):
        raise ConversionError(
            _type_name(cls),
            [f"$: expected a mapping (the fields of {_a(_type_name(cls))}), got {describe(data)}"],
        )
    data = _read_format(data, cls)
    try:
        return converter.structure(data, cls)
    except (
        cattrs.BaseValidationError,
        HRPolicyError,
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
    ) as exc:
        raise ConversionError(_type_name(cls), _messages(exc, "$")) from exc


def _a(name: str) -> str:
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def _type_name(cls: Any) -> str:
    args = typing.get_args(cls)
    if args:
        return " | ".join(_type_name(arg) for arg in args)
    return str(getattr(cls, "__name__", cls))


def _messages(exc: BaseException, path: str) -> list[str]:
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        out: list[str] = []
        for inner, note in with_notes:
            out += _messages(inner, f"{path}[{note.index!r}]")
        for inner in without:
            out += _messages(inner, path)
        return out
    if isinstance(exc, ClassValidationError):
        with_notes_cls, without_cls = exc.group_exceptions()
        out = []
        fields = attrs.fields_dict(exc.cl) if attrs.has(exc.cl) else {}
        for inner, attr_note in with_notes_cls:
            where = f"{path}.{attr_note.name}"
            field = fields.get(attr_note.name)
            if isinstance(inner, KeyError) and field is not None and MISSING_HINT in field.metadata:
                # A required key left out: say what to give, as the constructor does.
                out.append(f"{where}: expected {missing_expectation(field)}, got nothing")
            else:
                out += _messages(inner, where)
        for inner in without_cls:
            out += _messages(inner, path)
        return out
    if isinstance(exc, cattrs.BaseValidationError):  # e.g. a union's own group of errors
        return [m for inner in exc.exceptions for m in _messages(inner, path)]
    return [_describe_error(exc, path)]


def _field_of(error_path: str) -> str:
    """``"CostItem.amount"`` → ``"amount"``: constructors name ``Class.field``."""
    if error_path[:1].isupper():
        return error_path.split(".", 1)[1] if "." in error_path else ""
    return error_path


def _describe_error(exc: BaseException, path: str) -> str:
    if isinstance(exc, HRPolicyError):
        field = _field_of(exc.path)
        where = f"{path}.{field}" if field else path
        got = f", got {describe(exc.actual)}" if exc.has_actual else ""
        return f"{where}: expected {exc.expected}{got}"
    if isinstance(exc, KeyError):
        return f"{path}: expected this required key, got nothing"
    if isinstance(exc, ForbiddenExtraKeysError):
        # Keys that are not text (data from another parser: ``{1: …}``) are shown as such.
        extra = sorted(key if isinstance(key, str) else repr(key) for key in exc.extra_fields)
        return f"{path}: expected only known keys, got unknown {', '.join(extra)}"
    if isinstance(exc, AttributeError):
        return f"{path}: expected a mapping (dict), got something else ({exc})"
    return f"{path}: expected valid data, got an error ({type(exc).__name__}: {exc})"
