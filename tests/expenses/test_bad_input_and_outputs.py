"""What the expenses engine refuses, naming the field, what it expected and what came; and
its statement as text, tables, plain data and spreadsheet rows."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import attrs
import pytest

from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    PolicyDefinitionError,
)
from hrpolicy.core.period import Period
from hrpolicy.expenses import (
    RESULT_TABLES,
    Advance,
    Basis,
    Expense,
    ExpensePolicy,
    ExpenseStatement,
    LumpSum,
    PayMonth,
    Standard,
    settle_expenses,
)
from hrpolicy.expenses import examples as ex
from hrpolicy.tables import read_expense_cases


def test_an_expense_given_in_float_yuan_is_refused_naming_its_amount() -> None:
    with pytest.raises(InvalidTypeError, match=r"^Expense\.amount: expected an amount"):
        Expense(id="E1", category="phone", on=date(2026, 4, 1), amount=12.5)  # type: ignore[arg-type]


def test_a_share_above_100_percent_is_a_policy_error() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"^Standard\.share: expected a share"):
        Standard(category="phone", limit=Decimal(100), share="150%")  # type: ignore[arg-type]


def test_a_category_in_two_lump_sums_is_a_policy_error_naming_both() -> None:
    lump = LumpSum(ref="L1", basis=Basis.MONTH, amount=Decimal(800), covers=("phone",))
    with pytest.raises(PolicyDefinitionError, match=r"covered by 'L1'"):
        ExpensePolicy(lump_sums=(lump, attrs.evolve(lump, ref="L2")))


def test_a_per_unit_lump_sum_without_its_unit_is_a_policy_error() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"^LumpSum\.unit: expected the unit"):
        LumpSum(ref="L1", basis=Basis.UNIT, amount=Decimal("0.3"), covers=("fares",))


def test_a_per_unit_lump_sum_with_no_units_sold_is_refused_naming_units_sold() -> None:
    case = attrs.evolve(ex.per_unit_lump_sum_case(), units_sold=None)
    with pytest.raises(InvalidValueError, match=r"^ExpenseCase\.units_sold: expected the units"):
        case.settle()


def test_an_expense_after_the_month_is_refused_naming_its_day() -> None:
    case = ex.at_cost_case()
    late = attrs.evolve(case.expenses[0], on=date(2026, 5, 2))
    with pytest.raises(InvalidValueError, match=r"^ExpenseCase\.expenses\[0\]\.on: expected a day"):
        attrs.evolve(case, expenses=(late,)).settle()


def test_an_advance_against_a_plan_the_case_lacks_is_refused_listing_the_plans() -> None:
    case = ex.advance_reconciled_case()
    stray = Advance(id="A9", on=date(2026, 5, 4), amount=Decimal(100), plan_week="2026-W30")
    with pytest.raises(InvalidValueError, match=r"2026-W19, 2026-W20\), got str '2026-W30'"):
        attrs.evolve(case, advances=(stray,)).settle()


def test_more_repaid_than_advanced_and_a_wage_month_before_the_month_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"^Advance\.repaid: expected at most"):
        Advance(
            id="A1", on=date(2026, 5, 4), amount=Decimal(100), plan_week="W", repaid=Decimal(101)
        )
    case = ex.advance_reconciled_case()
    april = PayMonth(
        period=Period(year=2026, month=4), wage=Decimal(3000), minimum_wage=Decimal(2690)
    )
    with pytest.raises(InvalidValueError, match=r"pay_months\[0\]\.period: expected a month from"):
        attrs.evolve(case, pay_months=(april,)).settle()


def test_a_year_is_not_a_month_to_settle() -> None:
    with pytest.raises(InvalidValueError, match=r"^ExpenseCase\.period: expected a month"):
        attrs.evolve(ex.at_cost_case(), period=Period(year=2026))


def test_the_engine_refuses_what_is_not_a_case_or_a_policy() -> None:
    with pytest.raises(InvalidTypeError, match=r"^case: expected an ExpenseCase"):
        settle_expenses("case")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^policy: expected an ExpensePolicy"):
        settle_expenses(ex.at_cost_case(), "policy")  # type: ignore[arg-type]


def test_the_statement_reads_as_tables_with_their_declared_columns() -> None:
    result = ex.advance_reconciled_case().settle()
    tables = result.tables()
    schemas = RESULT_TABLES[ExpenseStatement]
    assert list(tables) == [s.name for s in schemas]
    for schema in schemas:
        assert tables[schema.name].schema == schema
    (totals,) = result.to_records("totals")
    assert (totals["salesperson"], totals["period"], totals["advance_balance"]) == (
        "S-WANG",
        "2026-05",
        Decimal("770.00"),
    )
    months = result.to_records("recovery")
    assert [(m["month"], m["period_start"], m["recovered"]) for m in months] == [
        ("2026-05", date(2026, 5, 1), Decimal("310.00")),
        ("2026-06", date(2026, 6, 1), Decimal("310.00")),
        ("2026-07", date(2026, 7, 1), Decimal("150.00")),
    ]


def test_the_statement_shows_in_both_languages() -> None:
    result = ex.relationship_plan_case().settle()
    assert "Expenses settled" in result.to_text("en")
    assert "费用结算" in result.to_text("zh_CN")
    assert "总经理" in result.to_text("zh_CN")
    assert "<table" in result._repr_html_()


def test_a_stored_statement_reads_back_only_with_the_figures_its_case_settles_to() -> None:
    result = ex.relationship_plan_case().settle()
    data = json.loads(json.dumps(to_dict(result)))
    assert from_dict(data, ExpenseStatement) == result
    data["awaiting_approval"] = "0.00"
    with pytest.raises(ConversionError, match=r"\$\.awaiting_approval: expected 3260\.00"):
        from_dict(data, ExpenseStatement)


def test_an_expense_case_and_policy_round_trip_through_plain_data() -> None:
    for build in (ex.advance_reconciled_case, ex.relationship_plan_case, ex.per_unit_lump_sum_case):
        case = build()
        assert from_dict(json.loads(json.dumps(to_dict(case))), type(case)) == case


def test_a_month_read_from_spreadsheet_rows_settles_as_the_one_built_in_python() -> None:
    built = ex.relationship_plan_case()
    rows = {
        "expenses": [
            {"case_id": "M1", **{k: v for k, v in to_dict(e).items() if k != "sign_offs"}}
            for e in built.expenses
        ],
        "expense_sign_offs": [
            {"case_id": "M1", "expense_id": e.id, **to_dict(s)}
            for e in built.expenses
            for s in e.sign_offs
        ],
        "relationship_plans": [
            {"case_id": "M1", "id": "PR-1", "budget": "3000"},
        ],
        "plan_sign_offs": [
            {"case_id": "M1", "plan_id": "PR-1", **to_dict(s)}
            for s in built.relationship_plans[0].sign_offs
        ],
    }
    for row in rows["expenses"]:
        row.pop("format", None)
    for table in ("expense_sign_offs", "plan_sign_offs"):
        for row in rows[table]:
            row.pop("format", None)
    cases = read_expense_cases(
        [{"case_id": "M1", "salesperson": "S-WANG", "period.year": 2026, "period.month": 6}],
        policy=built.policy,
        expenses=rows["expenses"],
        expense_sign_offs=rows["expense_sign_offs"],
        relationship_plans=rows["relationship_plans"],
        plan_sign_offs=rows["plan_sign_offs"],
    )
    assert cases["M1"] == built
    assert cases["M1"].settle() == built.settle()
