"""Invariants of report validation and scoring, on generated reports."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.commission import Period
from hrpolicy.reports import (
    Absence,
    Assessment,
    Failure,
    IsoWeek,
    MonthInputs,
    Reference,
    WeeklyReport,
    score_month,
    terminal_reports_on_time,
    validate,
)
from hrpolicy.reports.examples import domain_report_policy, salesperson_card
from hrpolicy.strategies import weekly_reports
from tests.reports.helpers import CALENDAR

POLICY = domain_report_policy()
MARCH = Period(year=2024, month=3)
MARCH_WEEKS = st.sampled_from([IsoWeek(year=2024, week=w) for w in (10, 11, 12, 13)])
WORKDAYS = [r.day for r in terminal_reports_on_time(MARCH, CALENDAR)]
FAILURES = st.sampled_from(
    [
        "network_plan_not_met",
        "end_user_problem_unsolved",
        "policy_not_followed",
        "special_problem_not_reported",
    ]
)


@given(weekly_reports(compliant=True))
def test_a_complete_punctual_truthful_report_loses_no_points(
    case: tuple[WeeklyReport, Reference],
) -> None:
    report, reference = case
    (result,) = validate([report], POLICY, CALENDAR, references=[reference])
    assert result.points == Decimal("40.00")
    assert result.passed


@given(weekly_reports())
def test_a_reports_points_stay_between_0_and_40(case: tuple[WeeklyReport, Reference]) -> None:
    report, reference = case
    (result,) = validate([report], POLICY, CALENDAR, references=[reference])
    assert Decimal(0) <= result.points <= Decimal(40)


@given(
    st.lists(weekly_reports(), min_size=1, max_size=4, unique_by=lambda c: str(c[0].week)),
    st.randoms(use_true_random=False),
)
def test_validation_is_deterministic_and_independent_of_order(
    cases: list[tuple[WeeklyReport, Reference]], rng: random.Random
) -> None:
    reports = [r for r, _ in cases]
    references = [ref for _, ref in cases]
    first = validate(reports, POLICY, CALENDAR, references=references)
    rng.shuffle(reports)
    rng.shuffle(references)
    assert validate(reports, POLICY, CALENDAR, references=references) == first


@st.composite
def months(draw: st.DrawFn) -> MonthInputs:
    weeks = draw(st.lists(MARCH_WEEKS, unique=True, max_size=4))
    cases = [draw(weekly_reports(week=w)) for w in weeks]
    checks = validate([r for r, _ in cases], POLICY, CALENDAR, references=[ref for _, ref in cases])
    return MonthInputs(
        employee="li",
        reports=checks,
        failures=tuple(
            Failure(code=code, on=date(2024, 3, day))
            for code, day in draw(st.lists(st.tuples(FAILURES, st.integers(1, 31)), max_size=4))
        ),
        rebate_forms_on=draw(st.none() | st.dates(date(2024, 3, 1), date(2024, 3, 31))),
        assessed=(
            Assessment(component="other-management", points=Decimal(draw(st.integers(0, 30)))),
        ),
        terminal_reports=tuple(
            attrs.evolve(r, submitted_at=r.submitted_at + timedelta(hours=draw(st.integers(0, 3))))
            for r in terminal_reports_on_time(MARCH, CALENDAR)
        ),
        absences=tuple(
            Absence(on=day, half=draw(st.booleans()))
            for day in draw(st.lists(st.sampled_from(WORKDAYS), unique=True, max_size=21))
        ),
    )


@given(months())
def test_a_monthly_score_stays_between_0_and_100(inputs: MonthInputs) -> None:
    score = score_month(salesperson_card(), MARCH, inputs, CALENDAR)
    assert 0 <= score.daily_work <= 100
    assert 0 <= score.attendance <= 100
    assert Decimal(0) <= score.score <= Decimal(100)


@given(months(), FAILURES, st.integers(1, 31), st.sampled_from(WORKDAYS))
def test_adding_a_failure_or_an_absence_never_raises_a_score(
    inputs: MonthInputs, code: str, day: int, absent: date
) -> None:
    before = score_month(salesperson_card(), MARCH, inputs, CALENDAR).score
    failed = attrs.evolve(
        inputs, failures=(*inputs.failures, Failure(code=code, on=date(2024, 3, day)))
    )
    assert score_month(salesperson_card(), MARCH, failed, CALENDAR).score <= before
    if all(a.on != absent for a in inputs.absences):
        away = attrs.evolve(inputs, absences=(*inputs.absences, Absence(on=absent)))
        assert score_month(salesperson_card(), MARCH, away, CALENDAR).score <= before
