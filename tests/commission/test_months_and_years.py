"""Month statements settle the monthly components and year statements the yearly ones; a
statement that could only be empty says so."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy import InvalidValueError
from hrpolicy.commission import (
    FixedPay,
    Frequency,
    Period,
    Plan,
    PlanVersion,
    evaluate_team,
)
from hrpolicy.commission.examples import elevator_plan, pay_mix_plan, year_end_plan
from tests.commission.helpers import amounts, commission, deal, run

YEAR = Period(year=2024)
BASE = FixedPay(component_id="base", name="底薪", amount=Decimal(3000))


def test_a_year_statement_of_a_plan_paid_only_monthly_is_refused_naming_its_components() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"period: expected a month: plan pay-mix has no component settled yearly in 2024 "
        r"\(base, performance, commission: all settled monthly\)",
    ):
        run(pay_mix_plan(), [deal("D1", 100000)], period=YEAR, score=Decimal(80))


def test_a_team_year_statement_of_a_monthly_plan_is_refused_even_with_nobody_in_it() -> None:
    with pytest.raises(InvalidValueError, match="plan pay-mix has no component settled yearly"):
        evaluate_team(pay_mix_plan(), YEAR, [])


def test_a_year_statement_of_a_mixed_plan_holds_only_its_yearly_components() -> None:
    deals = [deal("E1", 3000000, "2024-06-01", units=Decimal(50))]
    statement = run(elevator_plan(), deals, period=YEAR, expenses=Decimal(0))
    assert amounts(statement) == {"unit-bonus/E1": Decimal("1000.00"), "expenses": Decimal("0.00")}
    assert statement.findings == ()


def test_a_month_of_a_plan_paid_only_at_year_end_has_no_lines_and_says_why() -> None:
    statement = run(year_end_plan(), [deal("D1", 500000)])
    assert statement.lines == ()
    assert [f.code for f in statement.findings] == ["nothing_to_settle"]
    finding = statement.findings[0]
    assert finding.message_en == (
        "Plan year-end settles nothing monthly for 2024-03: its components (year-end) are "
        "settled yearly and are not part of this statement."
    )
    assert "按年结算" in finding.message("zh_CN")


def test_a_year_whose_yearly_bonus_ended_mid_year_is_not_refused_and_may_settle_nothing() -> None:
    bonus = commission(["0"], ["0.01"], component_id="bonus", frequency=Frequency.YEARLY)
    plan = Plan(
        plan_id="p",
        name="bonus dropped in July",
        versions=(
            PlanVersion(version="h1", effective_from=date(2024, 1, 1), components=(BASE, bonus)),
            PlanVersion(version="h2", effective_from=date(2024, 7, 1), components=(BASE,)),
        ),
    )
    empty = run(plan, [], period=YEAR)
    assert empty.lines == ()
    assert [f.code for f in empty.findings] == ["nothing_to_settle"]
    # A deal signed while the bonus was in force still earns it at year end.
    earned = run(plan, [deal("D1", 50000, "2024-03-01")], period=YEAR)
    assert amounts(earned) == {"bonus/D1": Decimal("500.00")}
    assert earned.findings == ()


def test_a_plan_whose_yearly_bonus_starts_next_year_has_no_year_statement_this_year() -> None:
    bonus = commission(["0"], ["0.01"], component_id="bonus", frequency=Frequency.YEARLY)
    plan = Plan(
        plan_id="p",
        name="bonus from 2025",
        versions=(
            PlanVersion(version="2024", effective_from=date(2024, 1, 1), components=(BASE,)),
            PlanVersion(version="2025", effective_from=date(2025, 1, 1), components=(BASE, bonus)),
        ),
    )
    with pytest.raises(InvalidValueError, match=r"plan p has no component settled yearly in 2024"):
        run(plan, [], period=YEAR)
    next_year = run(plan, [deal("D1", 10000, "2025-02-01")], period=Period(year=2025))
    assert amounts(next_year) == {"bonus/D1": Decimal("100.00")}
