"""The JSON Schemas of documents: generated from the types, valid draft 2020-12, every
class inside a document described field by field, and every notation as the loader
reads it."""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hrpolicy.bonds.results import SeparationSettlement
from hrpolicy.commission.examples import example_month
from hrpolicy.commission.model import Deal
from hrpolicy.core.checked import split_annotated
from hrpolicy.core.convert import converter, from_dict, register_tagged_union, to_dict
from hrpolicy.core.engines import ENGINE_NAMES, document_types, engine
from hrpolicy.core.errors import ConversionError, InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import Money, NonNegativeMoney, Quantity, Text, typed_fields
from hrpolicy.core.money import Rate
from hrpolicy.documents.schema import (
    DIALECT,
    LOADER_REFUSES_MORE,
    schema_id,
    schema_named,
    schema_of,
)

Schema = dict[str, Any]
NAMES = list(document_types())
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


def _validator(schema: Schema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=FORMATS)


def _subschemas(schema: Any) -> Iterator[Schema]:
    """Every schema inside ``schema`` (itself included), where a value is described."""
    if not isinstance(schema, dict):
        return
    yield schema
    for key in ("properties", "$defs"):
        for inner in schema.get(key, {}).values():
            yield from _subschemas(inner)
    for key in ("anyOf", "oneOf", "prefixItems"):
        for inner in schema.get(key, []):
            yield from _subschemas(inner)
    for branch in schema.get("allOf", []):  # a tagged union: the member its tag picks
        yield from _subschemas(branch["then"])
    for key in ("items", "additionalProperties", "propertyNames"):
        yield from _subschemas(schema.get(key))


def _is_generated(cls: type) -> bool:
    hook = converter.get_structure_hook(cls)
    return hook.__code__.co_filename.startswith("<cattrs generated structure")


def _classes(tp: object, seen: dict[str, type]) -> dict[str, type]:
    """Every attrs class a value of ``tp`` holds, by name, not looking inside the classes
    the converter reads with a hook of its own (a rate, a band table, a step…)."""
    base, _ = split_annotated(tp)
    args = typing.get_args(base)
    if args:
        for arg in args:
            if arg is not Ellipsis:
                _classes(arg, seen)
    elif isinstance(base, type) and attrs.has(base) and base.__name__ not in seen:
        seen[base.__name__] = base
        if _is_generated(base):
            hints = typing.get_type_hints(base, include_extras=True)
            for field in attrs.fields(base):
                if field.init:
                    _classes(hints[field.name], seen)
    return seen


@pytest.mark.parametrize("name", NAMES)
def test_every_document_type_has_a_valid_2020_12_schema(name: str) -> None:
    schema = schema_named(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert schema["$id"] == schema_id(name) == f"urn:hrpolicy:schema:{name}"
    assert schema["title"] == name
    assert schema["type"] == "object"
    assert schema["properties"]["format"] == {
        "type": "integer",
        "const": 1,
        "description": "the version of the document's shape (optional)",
    }
    assert "format" not in schema.get("required", [])


@pytest.mark.parametrize("name", NAMES)
def test_a_schema_describes_its_type_and_says_the_loader_refuses_more(name: str) -> None:
    cls = document_types()[name]
    description = schema_named(name)["description"]
    summary = " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())
    assert description == f"{summary} {LOADER_REFUSES_MORE}".strip()
    assert "band rows that tile one interval without gaps or overlaps" in description
    assert "versions whose dates do not overlap" in description


@pytest.mark.parametrize("name", NAMES)
def test_every_class_in_a_document_is_described_field_by_field(name: str) -> None:
    root = document_types()[name]
    schema = schema_named(name)
    titled = {d["title"]: d for d in schema.get("$defs", {}).values() if "title" in d}
    titled[name] = schema
    for class_name, cls in _classes(root, {}).items():
        described = titled.get(class_name) or schema["$defs"].get(class_name)
        assert described, f"{class_name} has no definition"
        if not _is_generated(cls):
            continue  # read with a hook of its own (a rate from its notation…)
        fields = [f for f in attrs.fields(cls) if f.init]
        properties = described["properties"]
        tag = {"kind"} if "const" in properties.get("kind", {}) else set()
        assert set(properties) - {"format"} == {f.name for f in fields} | tag, class_name
        required = {f.name for f in fields if f.default is attrs.NOTHING} | tag
        assert set(described.get("required", [])) == required, class_name
        assert described["additionalProperties"] is False
    for inner in _subschemas(schema):
        assert inner.keys() & {"type", "enum", "const", "$ref", "anyOf", "oneOf"}, inner


@pytest.mark.parametrize("name", NAMES)
def test_every_reference_resolves_and_every_definition_is_used(name: str) -> None:
    schema = schema_named(name)
    text = json.dumps(schema, ensure_ascii=False)
    refs = {inner["$ref"] for inner in _subschemas(schema) if "$ref" in inner}
    defined = {f"#/$defs/{key}" for key in schema.get("$defs", {})}
    assert refs == defined
    assert json.loads(text) == schema  # plain JSON data, written the same each time
    assert json.dumps(schema_named(name), ensure_ascii=False) == text


def test_a_tagged_union_is_the_member_its_kind_names_each_with_its_kind_required() -> None:
    schema = schema_named("Plan")
    components = schema["$defs"]["PlanVersion"]["properties"]["components"]["items"]
    refs = [branch["then"]["$ref"] for branch in components["allOf"]]
    members = [schema["$defs"][ref.rsplit("/", 1)[1]] for ref in refs]
    kinds = [member["properties"]["kind"]["const"] for member in members]
    assert kinds == [
        "fixed_pay",
        "task_base",
        "commission",
        "over_list",
        "profit_pool",
        "expense_allowance",
        "draw",
    ]
    assert all(member["required"][0] == "kind" for member in members)
    assert components["required"] == ["kind"]
    penalty = schema_named("BondCase")["$defs"]["BondAgreement"]["properties"]["penalty"]
    assert penalty["anyOf"][1] == {"type": "null"}
    assert len(penalty["anyOf"][0]["allOf"]) == 6
    assert components["properties"]["kind"]["enum"] == kinds


def test_a_band_table_is_described_as_the_rows_a_person_writes() -> None:
    table = schema_named("ServiceSchedule")["$defs"]["BandTable"]
    assert table["required"] == ["rows", "closed", "semantics"]
    assert set(table["properties"]) == {"rows", "closed", "semantics", "first_closed", "name"}
    row = {"$ref": "#/$defs/BandTable", "$defs": schema_named("ServiceSchedule")["$defs"]}
    validator = _validator(row)
    good = {"rows": [[0, 6000, 1], ["6000", "1e4", "2"], {"lower": 10000, "value": 3}]}
    assert validator.is_valid({**good, "closed": "upper", "semantics": "whole"})
    for rows in ([[0]], [[0, 1, 2, 3]], [], [{"upper": 1, "value": 1}], [{"lower": 0}]):
        assert not validator.is_valid({"rows": rows, "closed": "upper", "semantics": "whole"})


def test_schema_named_takes_a_type_or_an_engine_and_its_type() -> None:
    assert schema_named("commission.Plan") == schema_named("Plan")
    assert schema_named("bonds.BondCase") == schema_of(engine("bonds").case_type)
    for spec_name in ENGINE_NAMES:
        spec = engine(spec_name)
        for cls in (spec.case_type, *spec.policy_types):
            assert schema_named(f"{spec_name}.{cls.__name__}")["title"] == cls.__name__


@pytest.mark.parametrize("name", ["Payslip", "bonds.Plan", "payroll.Plan", "", "plan", 5])
def test_a_name_that_is_no_document_type_is_refused_listing_the_names(name: object) -> None:
    with pytest.raises(InvalidValueError) as raised:
        schema_named(name)  # type: ignore[arg-type]
    assert raised.value.path == "type"
    assert raised.value.expected.startswith("one of " + ", ".join(NAMES))


def test_a_class_read_by_a_hook_of_its_own_that_is_not_described_is_refused_by_name() -> None:
    # A settlement read back is recomputed from the case it holds: a hook of its own.
    with pytest.raises(InvalidTypeError) as raised:
        schema_of(SeparationSettlement)
    assert raised.value.path == "SeparationSettlement"
    assert raised.value.actual == "hrpolicy.bonds.loading._checked.<locals>.structure"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class _Handed:
    """A field whose type the converter has no hook for: handed as it is to its own
    converter, which the generator knows nothing about."""

    either: int | str = attrs.field(converter=lambda value: value)  # type: ignore[var-annotated]


@attrs.frozen(kw_only=True)
class _Mapped:
    counts: dict[str, int]


@attrs.frozen(kw_only=True)
class _Hooked:
    x: int


converter.register_structure_hook(_Hooked, lambda value, _: _Hooked(x=int(value)))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class _Inside:
    hooked: _Hooked


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class _Tagged:
    kind: str = ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class _Other:
    pass


register_tagged_union(_Tagged | _Other, {_Tagged: "tagged", _Other: "other"})


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class _HoldsTagged:
    member: _Tagged | _Other


@pytest.mark.parametrize(
    ("cls", "path", "named"),
    [
        (_Handed, "_Handed.either", "test_schema._Handed.<lambda>"),
        (_Mapped, "_Mapped.counts", "dict[str, int]"),
        (_Inside, "_Hooked", "test_schema.<lambda>"),
        (_HoldsTagged, "_Tagged.kind", "kind"),
    ],
)
def test_a_part_the_generator_cannot_describe_is_refused_naming_it(
    cls: type, path: str, named: str
) -> None:
    with pytest.raises(InvalidTypeError) as raised:
        schema_of(cls)
    assert raised.value.path == path
    assert named in str(raised.value.actual)


@pytest.mark.parametrize("given_type", [dict, int, "Plan", Rate.parse("5%")])
def test_schema_of_takes_only_an_attrs_class(given_type: object) -> None:
    with pytest.raises(InvalidTypeError, match=r"^cls: expected an attrs class"):
        schema_of(given_type)  # type: ignore[arg-type]


# --- every notation, as the loader reads it ------------------------------------------------


_NO_RATE = Rate(value=Decimal(0))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class _Values:
    """One field of each kind of value a document holds."""

    number: Decimal = Decimal(0)
    money: Money = Decimal(0)
    amount: NonNegativeMoney = Decimal(0)
    quantity: Quantity = Decimal(0)
    rate: Rate = _NO_RATE
    day: date = date(2024, 1, 1)
    moment: datetime = datetime(2024, 1, 1)
    ratio: Fraction = attrs.field(default=Fraction(0), converter=Fraction)
    text: Text = "x"
    count: int = 0


_VALUES = _validator(schema_of(_Values))
_FIELDS = [f.name for f in attrs.fields(_Values)]


def _loads(data: dict[str, object]) -> bool:
    try:
        from_dict(data, _Values)
    except ConversionError:
        return False
    return True


_NUMBER_TEXT = st.text(
    st.sampled_from(
        [*"0123456789012_..eE+--%‰", " ", "\t", "\u3000", "５", "٣", "٠", "x", "/", ":", "T", "n"]
    ),
    max_size=14,
)
_DAY_TEXT = st.builds(
    lambda day, pad, cut: (pad + day.isoformat() + pad)[cut:],
    st.dates(date(1890, 1, 1), date(2210, 1, 1)),
    st.sampled_from(["", " "]),
    st.integers(0, 2),
)
_VALUE = st.one_of(
    _NUMBER_TEXT,
    _DAY_TEXT.map(lambda day: day.strip()),
    st.from_regex(r"\A\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?\Z"),
    st.integers(-(10**20), 10**20),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.text(max_size=4),
)


@given(st.sampled_from(_FIELDS), _VALUE)
@example("money", "-0.00")
@example("amount", "-0")
@example("amount", "-0.000e5")
@example("money", "1_000.5_0")
@example("money", "12.300")
@example("number", " _5_ ")
@example("number", "١٢٣")
@example("quantity", "٠.٥")
@example("rate", " 1.5 % ")
@example("rate", "5‰")
@example("rate", Decimal("0.05"))
@example("ratio", "5500/3")
@example("ratio", Decimal("0.75"))
@example("moment", "2024-03-11 09:00")
@example("text", "\u3000x")
def test_every_value_the_loader_reads_validates_and_every_value_refused_is_refused_by_it(
    name: str, value: object
) -> None:
    """For each kind of value: whatever the loader reads validates, so whatever the
    schema rejects the loader rejects too (dates padded with spaces aside: see the
    schema corpus's known gaps)."""
    data = {name: value}
    if _loads(data):
        assert _VALUES.is_valid(data), data
    if not _VALUES.is_valid(data):
        assert not _loads(data), data


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("amount", "-5"),
        ("amount", -1),
        ("amount", Decimal("-0.01")),
        ("money", "0.001"),
        ("money", "1.2345"),
        ("number", "1e"),
        ("number", "+-1"),
        ("number", "1 000"),
        ("number", "五"),
        ("number", True),
        ("number", 10**18),
        ("quantity", "-1e-3"),
        ("rate", "5%%"),
        ("rate", "five percent"),
        ("rate", "%"),
        ("rate", False),
        ("day", "2024/03/01"),
        ("day", "1899-12-31"),
        ("day", "2024-13-01"),
        ("day", "2024-02-30"),
        ("day", 20240301),
        ("moment", "2024-03-11T09:00+08:00"),
        ("moment", "2024-03-11T24:00"),
        ("ratio", "1/2/3"),
        ("text", " \t"),
        ("text", ""),
        ("count", "3"),
        ("count", Decimal("3.0")),
        ("count", False),
    ],
)
def test_a_value_of_the_wrong_notation_is_refused_by_the_schema_and_the_loader(
    name: str, value: object
) -> None:
    assert not _VALUES.is_valid({name: value})
    assert not _loads({name: value})


@given(st.text(max_size=12))
@example("Sales")
@example(" list")
@example("list_value")
@example("GROSS_MARGIN")
@example("contract")
@example("a\nb")
def test_a_deal_value_name_the_loader_takes_validates(name: str) -> None:
    schema = schema_named("CommissionCase")
    deal = {"$defs": schema["$defs"], "$ref": "#/$defs/Deal"}
    data = {"deal_id": "d", "owner": "li", "signed_on": "2024-03-01", "values": {name: "10"}}
    try:
        from_dict(data, Deal)
    except ConversionError:
        return
    assert _validator(deal).is_valid(data)


def test_a_wrong_value_inside_a_named_kind_is_reported_at_that_value() -> None:
    data = to_dict(example_month()[0])
    data["versions"][0]["components"][0]["proration"] = "lowst"
    best = jsonschema.exceptions.best_match(_validator(schema_named("Plan")).iter_errors(data))
    assert best is not None
    assert list(best.absolute_path) == ["versions", 0, "components", 0, "proration"]
    assert best.message.startswith("'lowst' is not one of")
