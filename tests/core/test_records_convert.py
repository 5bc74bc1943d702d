"""Results as typed tables, and the data shapes of steps and findings."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.bonds import BondCase
from hrpolicy.core.convert import (
    format_of,
    from_dict,
    register_format,
    structure_value,
    to_dict,
    unstructure_value,
)
from hrpolicy.core.errors import ConversionError, InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Catalog, Explanation, FindingSpec, Severity, Step, StepValue
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.records import (
    Column,
    ColumnType,
    Table,
    TableSchema,
    encode_value,
    exact_text,
    explanation_tables,
)
from hrpolicy.law.provisions import provision

_CATALOG = Catalog(
    "test.records",
    {
        "wage.short": FindingSpec(
            Severity.VIOLATION,
            "{month}工资低于最低工资{gap}元",
            "{month}: wage below the minimum by {gap}",
            (provision("LCL 30"),),
        )
    },
)


def _explanation() -> Explanation:
    step = Step(
        "bond.cap2",
        Label("未履行部分分摊", "unserved share"),
        (
            ("cost", Decimal("6000.00")),
            ("unserved", Fraction(11, 36)),
            ("rate", Rate(value=Decimal("0.05"))),
            ("last_day", date(2024, 3, 31)),
            ("months", 25),
            ("vouchered", True),
            ("unit", Label("月", "month")),
            ("note", "text"),
            ("none", None),
        ),
        Fraction(11000, 6),
        (provision("LCL 22(1)"),),
    )
    finding = _CATALOG.finding("wage.short", month="2024-03", gap=Decimal("860.00"))
    return Explanation((step,), (finding,))


def test_a_minimum_wage_shortfall_is_in_the_finding_as_a_number_not_only_in_its_text() -> None:
    finding = _explanation().findings[0]
    assert finding.param("gap") == Decimal("860.00")
    assert finding.message_en == "2024-03: wage below the minimum by 860.00"
    params = explanation_tables(_explanation())["finding_params"].to_records()
    gap = next(row for row in params if row["name"] == "gap")
    assert gap["value_kind"] == "decimal"
    assert gap["value_decimal"] == Decimal("860.00")


def test_every_step_input_lands_in_the_value_column_of_its_kind() -> None:
    rows = explanation_tables(_explanation())["step_inputs"].to_records()
    kinds = {row["name"]: row["value_kind"] for row in rows}
    assert kinds == {
        "cost": "decimal",
        "unserved": "ratio",
        "rate": "rate",
        "last_day": "date",
        "months": "int",
        "vouchered": "bool",
        "unit": "label",
        "note": "text",
        "none": "none",
    }
    unserved = next(row for row in rows if row["name"] == "unserved")
    assert unserved["value_text"] == "11/36"
    assert unserved["value_decimal"] is None


def test_a_step_whose_output_is_an_exact_fraction_shows_it_by_the_one_rule() -> None:
    (row,) = explanation_tables(_explanation())["steps"].to_records()
    assert row["output_kind"] == "ratio"
    assert row["output_text"] == "5500/3"
    assert row["citation"] == provision("LCL 22(1)").cite("en")


def test_no_table_of_an_explanation_holds_a_fraction_or_a_float() -> None:
    for table in explanation_tables(_explanation(), locale="zh_CN").values():
        for row in table.rows:
            assert not any(isinstance(cell, (Fraction, float)) for cell in row)


def test_a_cell_of_the_wrong_type_is_refused_naming_the_table_row_and_column() -> None:
    schema = TableSchema("pay", (Column("due", ColumnType.MONEY), Column("on", ColumnType.DATE)))
    with pytest.raises(InvalidTypeError, match=r"pay\[1\]\.on"):
        Table.build(schema, [(Decimal("1.00"), date(2024, 1, 1)), (Decimal("2.00"), "2024-01-02")])
    with pytest.raises(InvalidTypeError, match=r"pay\[0\]\.due"):
        Table.build(schema, [(Decimal("1.005"), None)])


def test_a_table_with_two_columns_of_one_name_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="unique"):
        TableSchema("t", (Column("a", ColumnType.INT), Column("a", ColumnType.TEXT)))


def test_steps_and_findings_survive_json_unchanged() -> None:
    explanation = _explanation()
    data = json.loads(json.dumps(to_dict(explanation)))
    back = from_dict(data, Explanation)
    assert back == explanation
    assert back.findings[0].message("zh_CN") == explanation.findings[0].message("zh_CN")


def test_a_finding_loaded_with_a_parameter_missing_is_refused() -> None:
    data = to_dict(_explanation())
    data["findings"][0]["params"] = data["findings"][0]["params"][:1]
    with pytest.raises(ConversionError, match="placeholder"):
        from_dict(data, Explanation)


_values: st.SearchStrategy[StepValue] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, max_value=10**9, min_value=-(10**9)
    ),
    st.fractions(max_denominator=1000),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
    st.builds(Label, zh_CN=st.text(max_size=3), en=st.text(max_size=3)),
)


@given(_values)
def test_every_step_value_round_trips_through_json(value: StepValue) -> None:
    back = structure_value(json.loads(json.dumps(unstructure_value(value))))
    assert back == value
    assert type(back) is type(value)


@given(st.fractions())
def test_the_text_of_an_exact_rational_reads_back_to_the_same_number(value: Fraction) -> None:
    assert Fraction(exact_text(value)) == value


@given(_values)
def test_an_encoded_value_fills_exactly_one_typed_column(value: StepValue) -> None:
    kind, *cells = encode_value(value)
    filled = [cell for cell in cells if cell is not None]
    if kind == "none":
        assert filled == []
    elif kind == "ratio":
        assert 1 <= len(filled) <= 2
    else:
        assert len(filled) == 1


def test_a_bond_case_built_from_nothing_says_a_mapping_was_expected() -> None:
    with pytest.raises(ConversionError, match=r"expected a mapping .*, got None"):
        from_dict(None, BondCase)


def test_from_dict_with_its_arguments_swapped_says_which_comes_first() -> None:
    with pytest.raises(InvalidTypeError, match="the data first and the type second"):
        from_dict(BondCase, {"agreements": []})


def test_a_document_of_a_newer_format_than_this_release_reads_is_refused() -> None:
    with pytest.raises(ConversionError, match=r"\$\.format: expected a format from 1 to 1"):
        from_dict({"format": 7, "zh_CN": "是", "en": "yes"}, Label)


def test_a_domain_object_is_written_with_its_format_first() -> None:
    data = to_dict(Label("是", "yes"))
    assert next(iter(data)) == "format"
    assert from_dict(data, Label) == Label("是", "yes")


def test_a_decimal_cell_just_below_the_limit_is_kept_exactly() -> None:
    schema = TableSchema("t", (Column("x", ColumnType.DECIMAL),))
    value = Decimal("999999999999999999.999999999999999999")
    assert Table.build(schema, [(value,)]).rows == ((value,),)


def test_a_money_cell_of_thirty_digits_with_trailing_zeros_is_a_typed_refusal_or_kept() -> None:
    schema = TableSchema("t", (Column("x", ColumnType.MONEY),))
    value = Decimal("12345678901234567890123456789.000")
    assert Table.build(schema, [(value,)]).rows == ((value,),)
    with pytest.raises(InvalidTypeError, match=r"t\[0\]\.x"):
        Table.build(schema, [(Decimal("12345678901234567890123456789.001"),)])


def test_a_document_of_an_older_format_is_read_through_the_reader_registered_for_it() -> None:
    @attrs.frozen
    class Wage:
        month: str
        amount: Decimal

    def from_version_1(old: dict[str, object]) -> dict[str, object]:
        # version 1 wrote the amount under "pay"
        return {"month": old["month"], "amount": old["pay"]}

    register_format(Wage, 2, readers={1: from_version_1})
    assert format_of(Wage) == 2
    assert to_dict(Wage("2024-03", Decimal("860.00")))["format"] == 2
    old = {"format": 1, "month": "2024-03", "pay": "860.00"}
    assert from_dict(old, Wage) == Wage("2024-03", Decimal("860.00"))
    assert from_dict({"format": 2, "month": "2024-03", "amount": "860.00"}, Wage) == Wage(
        "2024-03", Decimal("860.00")
    )


def test_a_finding_given_a_date_and_time_for_a_date_is_refused_when_built() -> None:
    from datetime import datetime  # noqa: PLC0415

    with pytest.raises(InvalidTypeError, match=r"test\.records\.wage\.short\.month"):
        _CATALOG.finding("wage.short", month=datetime(2024, 3, 1, 9), gap=Decimal(1))
