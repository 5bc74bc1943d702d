"""Effective-dated plan versions, late deals, year-to-date accumulation and true-ups."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy import InvalidValueError, NotCoveredError
from hrpolicy.commission import (
    Carry,
    Period,
    PersonInputs,
    Plan,
    PlanVersion,
    Window,
    compare,
    evaluate,
    evaluate_team,
)
from tests.commission.helpers import MARCH, amounts, commission, deal, plan, run

APRIL = Period(year=2024, month=4)


def _two_versions() -> Plan:
    return Plan(
        plan_id="p",
        name="rate change",
        versions=(
            PlanVersion(
                version="old",
                effective_from=date(2024, 1, 1),
                effective_to=date(2024, 3, 15),
                components=(commission(["0"], ["0.01"], clause="2023 handbook §4"),),
            ),
            PlanVersion(
                version="new",
                effective_from=date(2024, 3, 16),
                components=(commission(["0"], ["0.02"], clause="2024 handbook §4"),),
            ),
        ),
    )


def test_a_new_rate_applies_from_its_date_and_earlier_deals_keep_the_old_rate() -> None:
    statement = run(
        _two_versions(), [deal("D1", 10000, "2024-03-15"), deal("D2", 10000, "2024-03-16")]
    )
    assert amounts(statement) == {"c/D1": Decimal("100.00"), "c/D2": Decimal("200.00")}
    versions = statement.steps[0].input_map
    assert versions["deal_versions"] == "D1@old, D2@new"
    assert versions["period_version"] == "new"


def test_each_deal_line_cites_the_clause_of_the_version_it_was_computed_under() -> None:
    statement = run(
        _two_versions(), [deal("D1", 10000, "2024-03-15"), deal("D2", 10000, "2024-03-16")]
    )
    assert [line.clause for line in statement.lines] == ["2023 handbook §4", "2024 handbook §4"]


def test_a_date_no_version_covers_is_refused_rather_than_paid_at_zero() -> None:
    with pytest.raises(NotCoveredError, match="2023-12-31"):
        run(plan(commission()), [deal(day="2023-12-31")], period=Period(year=2023, month=12))


def _from_2025() -> Plan:
    return Plan(
        plan_id="p",
        name="next year's plan",
        versions=(
            PlanVersion(
                version="2025",
                effective_from=date(2025, 1, 1),
                components=(commission(), commission(component_id="bonus", frequency="yearly")),
            ),
        ),
    )


def test_a_year_statement_of_a_year_the_plan_does_not_cover_is_refused_as_not_covered() -> None:
    with pytest.raises(
        NotCoveredError,
        match=r"^Plan\(p\): expected a date on which a version is in force \(2025: 2025-01-01 "
        r"to open\), got date 2024-12-31$",
    ):
        evaluate(_from_2025(), Period(year=2024), [], PersonInputs(employee="li"))


def test_a_team_run_in_a_year_or_month_the_plan_does_not_cover_is_refused_as_not_covered() -> None:
    for period in (Period(year=2024), MARCH):
        with pytest.raises(NotCoveredError, match=r"^Plan\(p\): expected a date on which"):
            evaluate_team(_from_2025(), period, [])
        with pytest.raises(NotCoveredError, match=r"^baseline\.Plan\(p\): expected a date"):
            compare(_from_2025(), plan(commission()), period, [])


def test_a_late_deal_is_credited_in_this_period_and_reported() -> None:
    statement = run(plan(commission(["0"], ["0.01"])), [deal(day="2024-02-20")])
    assert statement.total == Decimal("100.00")
    assert [f.code for f in statement.findings] == ["late_deal"]


def test_a_deal_after_the_period_or_from_another_year_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="signed_on"):
        run(plan(commission()), [deal(day="2024-04-01")])
    with pytest.raises(InvalidValueError, match="signed_on"):
        run(plan(commission()), [deal(day="2023-12-20")])


def test_a_year_window_after_january_needs_the_carried_year_to_date_measure() -> None:
    with pytest.raises(InvalidValueError, match="year-to-date measure"):
        run(plan(commission(window=Window.YEAR)), [deal()])


def test_a_year_window_continues_the_tiers_from_the_carried_measure() -> None:
    # 25,000 already this year: a 10,000 deal has 5,000 at 1 % and 5,000 at 2 %.
    statement = run(
        plan(commission(window=Window.YEAR)),
        [deal(amount=10000)],
        carries=(Carry(component="c", measure_to_date=Decimal(25000)),),
    )
    assert statement.total == Decimal("150.00")
    assert statement.carry_out == (
        Carry(
            component="c",
            measure_to_date=Decimal(35000),
            earned_to_date=Decimal("150.00"),
            paid_to_date=Decimal("150.00"),
        ),
    )


def test_a_january_statement_refuses_a_carried_measure_because_the_year_starts_afresh() -> None:
    with pytest.raises(InvalidValueError, match="starts afresh"):
        run(
            plan(commission(window=Window.YEAR)),
            [deal(day="2024-01-10")],
            period=Period(year=2024, month=1),
            carries=(Carry(component="c", measure_to_date=Decimal(5000)),),
        )


def test_the_true_up_pays_what_was_earned_to_date_but_not_yet_paid() -> None:
    statement = run(
        plan(commission(window=Window.YEAR)),
        [deal(amount=1000)],
        carries=(
            Carry(
                component="c",
                measure_to_date=Decimal(20000),
                earned_to_date=Decimal(200),
                paid_to_date=Decimal(150),
            ),
        ),
    )
    assert amounts(statement) == {"c/D1": Decimal("10.00"), "c#true-up": Decimal("50.00")}
    carry = statement.carry("c")
    assert carry is not None
    assert (carry.earned_to_date, carry.paid_to_date) == (Decimal("210.00"), Decimal("210.00"))


def test_an_overpayment_to_date_is_taken_back_by_a_negative_true_up() -> None:
    statement = run(
        plan(commission(window=Window.YEAR)),
        [],
        period=APRIL,
        carries=(
            Carry(
                component="c",
                measure_to_date=Decimal(20000),
                earned_to_date=Decimal(200),
                paid_to_date=Decimal(260),
            ),
        ),
    )
    assert amounts(statement) == {"c#true-up": Decimal("-60.00")}


def test_the_period_window_starts_every_month_afresh() -> None:
    the_plan = plan(commission())
    assert run(the_plan, [deal(amount=20000)]).total == Decimal("200.00")
    april = run(the_plan, [deal(amount=20000, day="2024-04-02")], period=APRIL)
    assert april.total == Decimal("200.00")
    assert MARCH.first_day == date(2024, 3, 1)
