"""Monthly and annual scores on the example cards, checked by hand."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from hrpolicy import InvalidValueError
from hrpolicy.reports import (
    Absence,
    Assessment,
    Deductions,
    Failure,
    IsoWeek,
    MonthInputs,
    MonthlyScore,
    Per,
    Period,
    ReportCheck,
    Submission,
    TerminalReport,
    annual_score,
    consequences,
    hr_due_date,
    pay_coefficient,
    score_month,
    terminal_reports_on_time,
    validate,
    weeks_of,
)
from hrpolicy.reports.examples import domain_report_policy, regional_manager_card, salesperson_card
from tests.reports.helpers import CALENDAR, report

MARCH = Period(year=2024, month=3)


def _checks(*weeks: int, **changes: object) -> tuple[ReportCheck, ...]:
    reports = [report(IsoWeek(year=2024, week=w), **changes) for w in weeks]
    return validate(reports, domain_report_policy(), CALENDAR)


def _salesperson(**facts: object) -> MonthlyScore:
    inputs = MonthInputs(
        employee="li",
        **{
            "reports": _checks(10, 11, 12, 13),
            "terminal_reports": terminal_reports_on_time(MARCH, CALENDAR),
            "rebate_forms_on": date(2024, 3, 22),
            "assessed": (Assessment(component="other-management", points=Decimal(30)),),
            **facts,
        },  # type: ignore[arg-type]
    )
    return score_month(salesperson_card(), MARCH, inputs, CALENDAR)


def _late_on(*days: int, at: tuple[int, int]) -> tuple[TerminalReport, ...]:
    """The month's terminal reports, on time except on ``days``, filed ``at``."""
    return tuple(
        attrs.evolve(r, submitted_at=datetime(2024, 3, r.day.day, *at)) if r.day.day in days else r
        for r in terminal_reports_on_time(MARCH, CALENDAR)
    )


def test_the_weeks_of_a_month_are_those_whose_thursday_falls_in_it() -> None:
    # 1 March 2024 is a Friday: week 9's Thursday is 29 February, so March has weeks 10–13.
    assert [str(w) for w in weeks_of(MARCH)] == ["2024-W10", "2024-W11", "2024-W12", "2024-W13"]


def test_a_faultless_month_with_full_attendance_scores_100() -> None:
    score = _salesperson()
    assert (score.daily_work, score.attendance) == (Fraction(100), Fraction(100))
    assert score.score == Decimal("100.00")
    assert score.findings == ()


def test_a_month_with_failures_a_missing_week_and_absences_is_scored_by_the_card() -> None:
    # Dealer management: terminal report at 16:30 (−5), a special problem not reported
    # (−5), rebate forms on the 26th, after the 25th (−5): 15 of 30.
    # Weekly reports: 35 (a call quota missed), 40, missing (0), 40: mean 28.75 of 40.
    # Other management: 25. Daily work 15 + 28.75 + 25 = 68.75.
    # Attendance: one day and one half day absent count as 2 days: 100 − 8 = 92.
    # Monthly: 68.75 × 70 % + 92 × 30 % = 48.125 + 27.6 = 75.725, rounded half up 75.73.
    weeks = _checks(11, 13)
    short_calls = validate(
        [report(IsoWeek(year=2024, week=10), calls=report().calls[:4])],
        domain_report_policy(),
        CALENDAR,
    )
    score = _salesperson(
        reports=(*weeks, *short_calls),
        terminal_reports=_late_on(12, at=(16, 30)),
        failures=(Failure(code="special_problem_not_reported", on=date(2024, 3, 20)),),
        rebate_forms_on=date(2024, 3, 26),
        assessed=(Assessment(component="other-management", points=Decimal(25)),),
        absences=(Absence(on=date(2024, 3, 7)), Absence(on=date(2024, 3, 14), half=True)),
    )
    assert score.component("dealer-management").points == 15
    assert score.component("weekly-reports").points == Fraction(115, 4)
    assert (score.daily_work, score.attendance) == (Fraction(275, 4), Fraction(92))
    assert score.score == Decimal("75.73")
    assert score.pay_coefficient == Fraction(7573, 8000)
    assert "report_missing" in [f.code for f in score.findings]


def test_a_deduction_counted_per_occurrence_takes_5_points_each_time() -> None:
    card = salesperson_card()
    dealer = card.components[0]
    assert isinstance(dealer, Deductions)
    rules = tuple(attrs.evolve(r, per=Per.OCCURRENCE) for r in dealer.rules)
    per_time = attrs.evolve(
        card, components=(attrs.evolve(dealer, rules=rules), *card.components[1:])
    )
    late = _late_on(4, 5, 6, at=(17, 0))
    inputs = MonthInputs(
        employee="li",
        reports=_checks(10, 11, 12, 13),
        terminal_reports=late,
        rebate_forms_on=date(2024, 3, 25),
        assessed=(Assessment(component="other-management", points=Decimal(30)),),
    )
    assert (
        score_month(per_time, MARCH, inputs, CALENDAR).component("dealer-management").points == 15
    )
    assert (
        score_month(salesperson_card(), MARCH, inputs, CALENDAR)
        .component("dealer-management")
        .points
        == 25
    )


def test_a_regional_manager_is_scored_on_the_monthly_report_review_training_and_timeliness() -> (
    None
):
    # 18 + 17 + 15 assessed; 8 of 10 reports reviewed = 8; one training = 10; the report
    # was due on the 30th, a Saturday, so by Monday 1 April, and came then = 10;
    # accountability 9. Daily work 87; full attendance: 87 × 0.7 + 30 = 90.9.
    inputs = MonthInputs(
        employee="zhao",
        assessed=(
            Assessment(component="monthly-summary", points=Decimal(18)),
            Assessment(component="monthly-plan", points=Decimal(17)),
            Assessment(component="local-proposal", points=Decimal(15)),
            Assessment(component="accountability", points=Decimal(9)),
        ),
        reviewed=8,
        to_review=10,
        trainings=1,
        submitted=(Submission(component="report-on-time", on=date(2024, 4, 1)),),
    )
    score = score_month(regional_manager_card(), MARCH, inputs, CALENDAR)
    assert score.daily_work == 87
    assert score.score == Decimal("90.90")


def test_a_monthly_report_missed_two_months_running_is_deducted_double() -> None:
    inputs = MonthInputs(
        employee="zhao",
        assessed=(
            Assessment(component="monthly-summary", points=Decimal(18)),
            Assessment(component="monthly-plan", points=Decimal(17)),
            Assessment(component="local-proposal", points=Decimal(15)),
            Assessment(component="accountability", points=Decimal(9)),
        ),
        reviewed=8,
        to_review=10,
        trainings=1,
        submitted=(Submission(component="report-on-time", on=None),),
        missed_last_month=("report-on-time",),
    )
    score = score_month(regional_manager_card(), MARCH, inputs, CALENDAR)
    # 87 − 10 (the report's own points) − 10 (deducted again) = 67.
    assert score.daily_work == 67
    assert "deducted double" in score.findings[0].message_en


def test_a_half_day_absent_counts_as_a_whole_day_and_attendance_stops_at_zero() -> None:
    half = _salesperson(absences=(Absence(on=date(2024, 3, 4), half=True),))
    assert half.attendance == 96
    workdays = [r.day for r in terminal_reports_on_time(MARCH, CALENDAR)]
    many = _salesperson(absences=tuple(Absence(on=d) for d in workdays[:-1]))
    assert len(workdays) - 1 == 20  # 21 workdays in March 2024: 100 − 4 × 20 = 20
    assert many.attendance == 20
    every_day = _salesperson(absences=tuple(Absence(on=d) for d in workdays))
    assert every_day.attendance == 16


def test_the_annual_score_is_the_mean_of_twelve_months() -> None:
    months = {Period(year=2024, month=m): Decimal(70 + m) for m in range(1, 13)}
    year = annual_score(months, employee="li")
    assert year.score == Decimal("76.50")  # (71 + … + 82) / 12
    assert year.steps[0].output == Decimal("76.50")
    with pytest.raises(InvalidValueError, match="twelve months"):
        annual_score(dict(list(months.items())[:11]), employee="li")


def _run(*scores: int) -> dict[Period, Decimal]:
    return {Period(year=2024, month=m): Decimal(s) for m, s in enumerate(scores, 1)}


def test_three_consecutive_months_under_70_send_the_salesperson_to_retraining() -> None:
    assert consequences(_run(69, 69, 71, 69, 69), employee="li") == ()
    (finding,) = consequences(_run(75, 69, 68, 65), employee="li")
    assert finding.code == "retraining_or_transfer"
    assert "2024-02 to 2024-04" in finding.message_en
    # A fourth month under 70 continues the same run; the sixth starts a new finding.
    assert len(consequences(_run(69, 69, 69, 69, 69, 69), employee="li")) == 2


def test_one_month_under_60_sends_the_salesperson_to_retraining() -> None:
    (finding,) = consequences(_run(80, 59), employee="li")
    assert "scored 59.00, under 60" in finding.message_en


def test_failing_again_after_retraining_allows_dismissal_only_with_notice_and_severance() -> None:
    (finding,) = consequences(_run(80, 55), employee="li", retrained=True)
    assert finding.code == "incompetent_after_retraining"
    assert "30 days' written notice" in finding.message_en
    assert finding.citations[0].id == "LCL 40"


def test_score_80_earns_full_pay_and_pay_moves_in_proportion() -> None:
    assert pay_coefficient(Decimal(80)) == 1
    assert pay_coefficient(Decimal(90)) == Fraction(9, 8)
    assert pay_coefficient(Decimal(60)) == Fraction(3, 4)


def test_scores_are_due_to_hr_on_the_8th_of_the_next_month_or_the_next_workday() -> None:
    assert hr_due_date(MARCH, CALENDAR) == date(2024, 4, 8)
    assert hr_due_date(Period(year=2024, month=5), CALENDAR) == date(2024, 6, 10)  # 8th a Saturday


def test_a_failure_the_card_does_not_know_and_a_missing_assessment_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="failure codes of component dealer-management"):
        _salesperson(failures=(Failure(code="rude_to_customer", on=date(2024, 3, 3)),))
    with pytest.raises(InvalidValueError, match="the manager's figure for 'other-management'"):
        _salesperson(assessed=())
    with pytest.raises(InvalidValueError, match="0 to 30"):
        _salesperson(assessed=(Assessment(component="other-management", points=Decimal(31)),))
