"""Where only a month will do, a quarter or a season is refused rather than read as a
month; where a run of months is taken, a quarter stands for its three months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy.collection import (
    CollectionInputs,
    MatchingRule,
    Receivables,
    ReserveHolding,
    settle_month,
    settle_run,
)
from hrpolicy.collection.examples import proportional_policy
from hrpolicy.commission import Deal, PersonInputs, evaluate_year
from hrpolicy.commission.examples import pay_mix_plan
from hrpolicy.core import InvalidValueError, Period, Season, TableCalendar, recovery_schedule
from hrpolicy.core.whatif import month_run
from hrpolicy.reports import hr_due_date, weeks_of

Q1 = Period(year=2024, quarter=1)
SPRING = Period(
    year=2024,
    season=Season(name="spring", first_day=date(2024, 2, 1), last_day=date(2024, 5, 31)),
)


def test_a_quarter_given_for_a_run_of_months_stands_for_its_three_months() -> None:
    assert [str(m) for m in month_run(Q1, "months")] == ["2024-01", "2024-02", "2024-03"]


def test_a_season_is_not_taken_for_a_run_of_months_as_its_edge_months_lie_only_partly_in_it() -> (
    None
):
    with pytest.raises(InvalidValueError, match="months: expected a month, a quarter, a year"):
        month_run(SPRING, "months")
    with pytest.raises(InvalidValueError, match=r"months\[1\]: expected a month"):
        month_run([Period(year=2024, month=1), Q1], "months")


def test_a_collection_statement_for_a_quarter_is_refused_as_collection_is_settled_monthly() -> None:
    with pytest.raises(InvalidValueError, match=r"a month \(collection statements are monthly\)"):
        settle_month(
            proportional_policy(),
            Q1,
            Receivables(invoices=(), matching=MatchingRule.FIFO),
            CollectionInputs(employee="li"),
        )


def test_a_collection_run_over_the_first_quarter_settles_january_to_march() -> None:
    run = settle_run(
        proportional_policy(), Q1, Receivables(invoices=(), matching=MatchingRule.FIFO), "li"
    )
    assert [str(m) for m in run.months] == ["2024-01", "2024-02", "2024-03"]


def test_the_weeks_and_the_hr_due_date_of_a_monthly_score_are_refused_for_a_quarter() -> None:
    with pytest.raises(InvalidValueError, match="month: expected a month, got Period 2024-Q1"):
        weeks_of(Q1)
    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    with pytest.raises(InvalidValueError, match="month: expected a month, got Period 2024-Q1"):
        hr_due_date(Q1, calendar)


def test_a_wage_recovery_month_given_as_a_quarter_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"months\[0\]\.month: expected a month"):
        recovery_schedule(Decimal(100), [(Q1, Decimal(5000), Decimal(2000))])


def test_a_year_run_of_a_monthly_plan_over_a_quarter_runs_its_three_months() -> None:
    deal = Deal(deal_id="C-1", owner="li", signed_on=date(2024, 2, 5), amount=Decimal(100000))
    run = evaluate_year(
        pay_mix_plan(),
        Q1,
        [deal],
        "li",
        inputs={m: PersonInputs(employee="li", score=Decimal(80)) for m in Q1.months},
    )
    assert [str(s.period) for s in run] == ["2024-01", "2024-02", "2024-03"]
    # February: 3 % of 100,000 = 3,000 commission, 3,000 base, 4,000 performance at score 80.
    assert run.of(Period(year=2024, month=2)).total == Decimal("10000.00")


def test_a_reserve_holding_withheld_in_a_quarter_is_refused_as_reserves_are_withheld_monthly() -> (
    None
):
    with pytest.raises(
        InvalidValueError, match=r"ReserveHolding\(q\)\.withheld_in: expected a month"
    ):
        ReserveHolding(part_id="q", amount=Decimal(120), withheld_in=Period(year=2024, quarter=1))
