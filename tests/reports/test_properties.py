"""Invariants of report validation and scoring, on generated reports."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import InvalidValueError
from hrpolicy.core.money import round_money
from hrpolicy.reports import (
    Absence,
    Assessment,
    ComponentScore,
    Failure,
    IsoWeek,
    MonthInputs,
    Period,
    Reference,
    TerminalReport,
    WeeklyReport,
    annual_score,
    consequences,
    score_component,
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
MARCH_DAYS = [date(2024, 3, day) for day in range(1, 32)]
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
            attrs.evolve(
                r, submitted_at=datetime.combine(r.day, time(15 + draw(st.integers(0, 3))))
            )
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


@given(months(), st.sampled_from([Decimal("0.01"), Decimal("-0.01"), Decimal(1)]))
def test_a_monthly_score_agrees_with_itself_and_refuses_any_other_score(
    inputs: MonthInputs, change: Decimal
) -> None:
    score = score_month(salesperson_card(), MARCH, inputs, CALENDAR)
    assert attrs.evolve(score) == score
    with pytest.raises(InvalidValueError, match="score: expected"):
        attrs.evolve(score, score=score.score + change)


@given(months())
def test_a_known_daily_work_score_scores_the_month_as_the_components_giving_it(
    inputs: MonthInputs,
) -> None:
    scored = score_month(salesperson_card(), MARCH, inputs, CALENDAR)
    daily = scored.daily_work
    # Daily work is exact in decimals here (the card's points over at most four weeks).
    assert Decimal(daily.numerator) / Decimal(daily.denominator) == daily
    known = attrs.evolve(
        inputs,
        daily_work=Decimal(daily.numerator) / Decimal(daily.denominator),
        reports=(),
        failures=(),
        terminal_reports=None,
        rebate_forms_on=None,
        assessed=(),
    )
    assert known.daily_work == daily
    assert score_month(salesperson_card(), MARCH, known, CALENDAR).score == scored.score


@given(
    st.dictionaries(
        st.sampled_from(MARCH_DAYS),
        st.none() | st.integers(16 * 60 + 1, 23 * 60 + 59),
        max_size=8,
    )
)
def test_only_the_late_terminal_reports_score_as_every_workdays_would_and_a_day_off_is_refused(
    late: dict[date, int | None],
) -> None:
    def filed(day: date) -> TerminalReport:
        minutes = late[day]
        if minutes is None:
            return TerminalReport(day=day)
        return TerminalReport(
            day=day, submitted_at=datetime.combine(day, time()) + timedelta(minutes=minutes)
        )

    days_off = [day for day in late if day not in WORKDAYS]
    every_day = tuple(
        filed(r.day) if r.day in late else r for r in terminal_reports_on_time(MARCH, CALENDAR)
    ) + tuple(filed(day) for day in days_off)

    def dealer_points(**facts: tuple[TerminalReport, ...]) -> ComponentScore:
        inputs = MonthInputs(employee="li", rebate_forms_on=date(2024, 3, 20), **facts)  # type: ignore[arg-type]
        return score_component(salesperson_card().components[0], MARCH, inputs, CALENDAR)

    by_late = tuple(filed(d) for d in late)
    if days_off:
        # No terminal report is due on a day off: either form naming one is refused, and
        # the error names the first such day.
        for facts in ({"late_terminal_reports": by_late}, {"terminal_reports": every_day}):
            with pytest.raises(InvalidValueError, match="expected a workday") as raised:
                dealer_points(**facts)
            assert raised.value.actual == days_off[0]
    else:
        assert dealer_points(late_terminal_reports=by_late) == dealer_points(
            terminal_reports=every_day
        )


@given(
    st.lists(st.integers(0, 10000).map(lambda n: Decimal(n) / 100), min_size=12, max_size=12),
    st.booleans(),
)
def test_the_annual_score_of_known_scores_is_their_mean_rounded_half_up(
    scores: list[Decimal], retrained: bool
) -> None:
    known = {Period(year=2024, month=m): s for m, s in enumerate(scores, 1)}
    year = annual_score(known, employee="li", retrained=retrained)
    assert year.score == round_money(sum(map(Fraction, scores), Fraction(0)) / 12)
    assert min(scores) <= year.score <= max(scores)
    assert year.findings == consequences(known, employee="li", retrained=retrained)
    assert bool(year.findings) == (
        min(scores) < 60 or any(all(s < 70 for s in scores[i : i + 3]) for i in range(10))
    )
