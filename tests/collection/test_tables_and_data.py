"""Collection results as typed tables, findings with their numbers, and results and the
carried state read back from JSON."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import from_dict, to_dict
from hrpolicy.collection import (
    RESULT_FORMAT,
    RESULT_TABLES,
    STATE_FORMAT,
    CollectionInputs,
    CollectionPolicy,
    CollectionState,
    CollectionStatement,
    MatchingRule,
    MatrixReading,
    OverdueReading,
    Period,
    Receivables,
    RecoverySchedule,
    recovery_schedule,
    settle_team,
    team_tables,
)
from hrpolicy.collection.examples import (
    aging_policy,
    example_bad_debt,
    full_collection_policy,
    matrix_policy,
    overdue_policy,
    proportional_policy,
    reserve_policy,
    staged_policy,
)
from hrpolicy.core.convert import format_of
from hrpolicy.core.errors import ConversionError, InvalidTypeError
from hrpolicy.strategies import amounts, collection_receivables
from tests.collection.helpers import books, invoice, month, months, payment
from tests.helpers import assert_typed

WAGES = {"month_wage": Decimal(6000), "minimum_wage": Decimal(2690)}


def _json(result: object) -> Any:
    return json.loads(json.dumps(to_dict(result), ensure_ascii=False))


def _two_invoices_in_march() -> Receivables:
    return books(
        invoice("I1", issued="2024-02-01"),
        invoice("I2", 50000, 1500, issued="2024-03-01", credit_days=60),
        payments=(
            payment("P1", 60000, "2024-03-01", invoice_id="I1"),
            payment("P2", 25000, "2024-03-15", invoice_id="I2"),
        ),
        matching=MatchingRule.BY_INVOICE,
    )


def _both_rules() -> CollectionPolicy:
    matrix = matrix_policy().versions[0]
    return attrs.evolve(
        matrix_policy(),
        versions=(attrs.evolve(matrix, overdue=overdue_policy().versions[0].overdue),),
    )


def _schedule() -> RecoverySchedule:
    return recovery_schedule(
        Decimal(1500),
        [("2024-05", Decimal(5000), Decimal(2690)), ("bonus month", Decimal(3000), Decimal(2690))],
    )


# --- tables ---------------------------------------------------------------------------


def test_a_statements_totals_row_holds_its_totals_and_the_state_carried_out() -> None:
    march = example_bad_debt()[-1]
    (row,) = march.to_records("totals")
    assert (row["employee"], row["period"], row["period_end"]) == (
        "li",
        "2024-03",
        date(2024, 3, 31),
    )
    assert (row["reserve"], row["to_recover"]) == (Decimal("0.00"), Decimal("2000.00"))
    assert row["total"] == march.total
    assert (row["portfolio_factor"], row["portfolio_factor_text"]) == (Decimal(1), "1")


def test_an_overdue_index_with_no_exact_decimal_is_given_exactly_as_text() -> None:
    statement = month(_both_rules(), _two_invoices_in_march(), 3, completion=Decimal("0.85"))
    (overdue,) = statement.to_records("overdue")
    assert (overdue["index"], overdue["index_text"]) == (None, "58/135")
    assert (overdue["multiplier"], overdue["unbounded"]) == (Decimal("0.8"), False)
    (matrix,) = statement.to_records("matrix")
    assert (matrix["collection_rate"], matrix["coefficient"]) == (Decimal("0.6"), Decimal("0.6"))
    assert matrix["invoices_due"] == 1
    (totals,) = statement.to_records("totals")
    assert (totals["portfolio_factor"], totals["portfolio_factor_text"]) == (
        Decimal("0.48"),
        "0.48",
    )


def test_a_policy_without_portfolio_rules_gives_empty_reading_tables() -> None:
    statement = example_bad_debt()[0]
    assert statement.to_records("overdue") == []
    assert statement.to_records("matrix") == []


def test_an_aging_invoice_has_a_performance_row_with_its_rate_and_what_it_credits() -> None:
    receivables = books(
        invoice("I1", issued="2024-01-01"), payments=(payment("P1", 20000, "2024-01-15"),)
    )
    (row,) = month(aging_policy(), receivables, 5).to_records("performance")
    assert (row["invoice_id"], row["days_overdue"]) == ("I1", 121)
    assert (row["rate"], row["rate_text"]) == (Decimal("0.8"), "0.8")
    assert (row["deduction"], row["credited"]) == (Decimal("64000.00"), Decimal("36000.00"))


def test_a_statements_steps_say_which_line_they_explain() -> None:
    january = example_bad_debt()[0]
    steps = january.to_records("steps")
    assert steps[0]["line_id"] is None
    assert {r["line_id"] for r in steps} >= {"release/A-01", "reserve#withheld"}
    owned = [r["rule"] for r in steps if r["line_id"] == "reserve#withheld"]
    assert owned
    assert all(str(rule).startswith("reserve") for rule in owned)


def test_a_teams_statements_stack_into_one_set_of_tables() -> None:
    receivables = books(
        invoice("A-01", 10000, 500, salesperson="wang"),
        invoice("A-02", 10000, 500),
        payments=(payment("P1", 15000, "2024-02-01"),),
    )
    team = settle_team(
        proportional_policy(),
        Period(year=2024, month=2),
        receivables,
        [CollectionInputs(employee="wang"), CollectionInputs(employee="li")],
    )
    tables = team_tables(team)
    assert [(r["employee"], r["total"]) for r in tables["totals"].to_records()] == [
        ("li", Decimal("250.00")),
        ("wang", Decimal("500.00")),
    ]
    assert tuple(t.schema for t in tables.values()) == RESULT_TABLES[CollectionStatement]


def test_no_statements_give_empty_tables_with_their_columns() -> None:
    tables = team_tables([])
    assert tuple(t.schema for t in tables.values()) == RESULT_TABLES[CollectionStatement]
    assert all(len(t) == 0 for t in tables.values())


def test_team_tables_refuse_something_that_is_not_a_statement() -> None:
    with pytest.raises(InvalidTypeError, match=r"statements\[0\]: expected a CollectionStatement"):
        team_tables(["li"])  # type: ignore[list-item]


def test_a_recovery_schedule_gives_its_months_with_their_dates_when_they_have_them() -> None:
    schedule = _schedule()
    (totals,) = schedule.to_records("totals")
    assert (totals["amount"], totals["recovered"], totals["remaining"]) == (
        Decimal("1500.00"),
        Decimal("1310.00"),
        Decimal("190.00"),
    )
    months_ = schedule.to_records("months")
    assert [(m["month"], m["period_start"], m["recovered"]) for m in months_] == [
        ("2024-05", date(2024, 5, 1), Decimal("1000.00")),
        ("bonus month", None, Decimal("310.00")),
    ]
    assert [s["month"] for s in schedule.to_records("steps")] == ["2024-05", "bonus month"]


@pytest.mark.parametrize(
    "result",
    [
        *example_bad_debt(),
        month(_both_rules(), _two_invoices_in_march(), 3, completion=Decimal("0.85")),
        _schedule(),
    ],
)
def test_every_result_lays_out_its_tables_as_its_declared_schemas(result: Any) -> None:
    tables = result.tables("zh_CN")
    assert tuple(t.schema for t in tables.values()) == RESULT_TABLES[type(result)]
    assert_typed(tables)


# --- findings carry their numbers -------------------------------------------------------


def test_a_capped_recovery_finding_carries_the_wage_and_minimum_wage_it_was_capped_by() -> None:
    march = example_bad_debt()[-1]
    finding = next(f for f in march.findings if f.code == "recovery_capped")
    assert (finding.param("wage"), finding.param("minimum_wage")) == (
        Decimal("3500.00"),
        Decimal("2690"),
    )
    assert finding.param("remaining") == Decimal("2000.00")


def test_a_coefficient_cut_finding_carries_the_amount_cut_and_each_coefficient() -> None:
    statement = month(_both_rules(), _two_invoices_in_march(), 3, completion=Decimal("0.85"))
    finding = next(f for f in statement.findings if f.code == "coefficient_cut")
    assert finding.param("cut") == finding.param("gross") - finding.param("kept")  # type: ignore[operator]
    assert finding.param("overdue_multiplier") == Fraction(4, 5)
    assert finding.param("matrix_coefficient") == Fraction(3, 5)


# --- reading back -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "result",
    [
        *example_bad_debt(),
        month(_both_rules(), _two_invoices_in_march(), 3, completion=Decimal("0.85")),
        _schedule(),
    ],
)
def test_every_result_reads_back_from_json_unchanged_with_its_format(result: Any) -> None:
    data = _json(result)
    # A recovery schedule is the core's shape, in the core's format; the room's results
    # are in the room's (2 since states hold the reserve by part).
    expected = (
        format_of(RecoverySchedule) if isinstance(result, RecoverySchedule) else RESULT_FORMAT
    )
    assert data["format"] == expected
    assert from_dict(data, type(result)) == result


def test_the_readings_read_back_from_json_on_their_own() -> None:
    statement = month(_both_rules(), _two_invoices_in_march(), 3, completion=Decimal("0.85"))
    assert statement.overdue is not None
    assert statement.matrix is not None
    assert from_dict(_json(statement.overdue), OverdueReading) == statement.overdue
    assert from_dict(_json(statement.matrix), MatrixReading) == statement.matrix


def test_the_state_carried_to_next_month_has_its_own_format_version() -> None:
    state = example_bad_debt()[-1].state_out
    data = _json(state)
    assert data["format"] == STATE_FORMAT
    assert from_dict(data, CollectionState) == state
    with pytest.raises(ConversionError, match=r"\$\.format: expected a format from 1 to 3"):
        from_dict({**data, "format": 7}, CollectionState)


def test_a_stored_statement_with_an_edited_line_is_refused_naming_the_line() -> None:
    data = _json(example_bad_debt()[0])
    data["lines"][1]["amount"] = "-200.00"
    with pytest.raises(ConversionError, match=r"\$\.lines\[1\]\.amount: expected -300\.00"):
        from_dict(data, CollectionStatement)


def test_a_stored_schedule_with_an_edited_cap_is_refused_naming_the_month() -> None:
    data = _json(_schedule())
    data["months"][0]["cap"] = "1500.00"
    with pytest.raises(ConversionError, match=r"\$\.months\[0\]\.cap: expected 1000\.00"):
        from_dict(data, RecoverySchedule)


# --- properties -----------------------------------------------------------------------

POLICIES = st.sampled_from(
    [proportional_policy(), full_collection_policy(), staged_policy(), reserve_policy()]
)


@settings(max_examples=15, deadline=None)
@given(POLICIES, collection_receivables(), st.integers(1, 12))
def test_generated_statements_read_back_from_json_unchanged(
    policy: CollectionPolicy, receivables: Receivables, last: int
) -> None:
    statement = months(policy, receivables, last, **WAGES)[-1]
    assert from_dict(_json(statement), CollectionStatement) == statement
    assert from_dict(_json(statement.state_out), CollectionState) == statement.state_out


@settings(max_examples=15, deadline=None)
@given(POLICIES, collection_receivables())
def test_generated_statements_have_one_type_per_column_in_every_table(
    policy: CollectionPolicy, receivables: Receivables
) -> None:
    statements = months(policy, receivables, 12, **WAGES)
    assert_typed(team_tables(statements, "zh_CN"))
    for statement in statements:
        assert_typed(statement.tables())


@settings(max_examples=30, deadline=None)
@given(amounts(max_value=20_000), st.lists(amounts(max_value=20_000), max_size=6))
def test_generated_recovery_schedules_read_back_and_tabulate_typed(
    amount: Decimal, wages: list[Decimal]
) -> None:
    schedule = recovery_schedule(
        amount, [(f"2024-{n:02d}", wage, Decimal(2690)) for n, wage in enumerate(wages, 1)]
    )
    assert from_dict(_json(schedule), RecoverySchedule) == schedule
    assert_typed(schedule.tables())
