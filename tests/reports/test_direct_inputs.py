"""The common inputs of a card in their direct form: a known daily-work score, one
component scored alone, and only the late terminal reports."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.reports import (
    Absence,
    Assessment,
    Deductions,
    Failure,
    IsoWeek,
    MonthInputs,
    Period,
    ReportCheck,
    Submission,
    TerminalReport,
    score_component,
    score_month,
    terminal_reports_on_time,
    validate,
)
from hrpolicy.reports.examples import domain_report_policy, regional_manager_card, salesperson_card
from tests.reports.helpers import CALENDAR, report

MARCH = Period(year=2024, month=3)
CARD = salesperson_card()
DEALER, WEEKLY, OTHER = CARD.components


def _checks(*weeks: int) -> tuple[ReportCheck, ...]:
    reports = [report(IsoWeek(year=2024, week=w)) for w in weeks]
    return validate(reports, domain_report_policy(), CALENDAR)


def _dealer(**facts: object) -> Fraction:
    inputs = MonthInputs(employee="li", rebate_forms_on=date(2024, 3, 20), **facts)  # type: ignore[arg-type]
    return score_component(DEALER, MARCH, inputs, CALENDAR).points


def test_a_known_daily_work_score_is_given_directly_and_weighted_with_attendance() -> None:
    inputs = MonthInputs(
        employee="li", daily_work=Decimal("77.5"), absences=(Absence(on=date(2024, 3, 19)),)
    )
    month = score_month(CARD, MARCH, inputs, CALENDAR)
    # 77.5 × 70 % + (100 − 4) × 30 % = 54.25 + 28.8 = 83.05
    assert (month.daily_work, month.attendance, month.score) == (
        Fraction(155, 2),
        Fraction(96),
        Decimal("83.05"),
    )
    assert month.components == ()
    assert month.steps[0].label.en == "daily work (as given)"
    assert month.steps[0].input_map == {"given": Decimal("77.5")}


def test_a_known_daily_work_score_is_refused_with_component_facts_or_above_100() -> None:
    with pytest.raises(InvalidValueError, match="reports: expected nothing: daily_work is given"):
        MonthInputs(employee="li", daily_work=Decimal(80), reports=_checks(10))
    with pytest.raises(InvalidValueError, match="daily_work: expected a daily-work score from 0"):
        MonthInputs(employee="li", daily_work=Decimal("100.5"))
    month = score_month(CARD, MARCH, MonthInputs(employee="li", daily_work=Decimal(80)), CALENDAR)
    with pytest.raises(InvalidValueError, match="the daily-work score was given"):
        month.component("weekly-reports")


@pytest.mark.parametrize("name", ["terminal_reports", "late_terminal_reports"])
def test_a_known_daily_work_score_beside_terminal_reports_given_as_none_is_refused(
    name: str,
) -> None:
    # terminal_reports=() says no report was filed (every workday late), and
    # late_terminal_reports=() that none was late: both are facts, not "nothing given".
    with pytest.raises(
        InvalidValueError, match=rf"MonthInputs\.{name}: expected nothing: daily_work is given"
    ):
        MonthInputs(employee="li", daily_work=Decimal(90), **{name: ()})  # type: ignore[arg-type]


def test_one_component_scored_alone_is_scored_as_on_its_card() -> None:
    checks = _checks(10, 11, 13)
    alone = score_component(WEEKLY, MARCH, MonthInputs(employee="li", reports=checks), CALENDAR)
    on_card = score_month(
        CARD,
        MARCH,
        MonthInputs(
            employee="li",
            reports=checks,
            late_terminal_reports=(),
            rebate_forms_on=date(2024, 3, 20),
            assessed=(Assessment(component="other-management", points=Decimal(30)),),
        ),
        CALENDAR,
    )
    assert alone == on_card.component("weekly-reports")
    assert alone.points == 30  # 40, 40, 0 (week 12 missing), 40
    assert [f.code for f in alone.findings] == ["report_missing"]
    assert ("clause", "销售人员考核办法 第3条") in alone.steps[0].inputs


def test_a_component_scored_alone_refuses_facts_it_does_not_read() -> None:
    with pytest.raises(InvalidValueError, match="Assessed components of component weekly-reports"):
        score_component(
            WEEKLY,
            MARCH,
            MonthInputs(
                employee="li",
                assessed=(Assessment(component="other-management", points=Decimal(30)),),
            ),
            CALENDAR,
        )
    with pytest.raises(InvalidValueError, match="absences: expected nothing when one component"):
        score_component(
            WEEKLY,
            MARCH,
            MonthInputs(employee="li", absences=(Absence(on=date(2024, 3, 4)),)),
            CALENDAR,
        )
    with pytest.raises(InvalidTypeError, match="component: expected a component"):
        score_component(CARD, MARCH, MonthInputs(employee="li"), CALENDAR)  # type: ignore[arg-type]


def test_an_on_time_document_missed_again_scored_alone_carries_its_double_deduction() -> None:
    on_time = regional_manager_card().components[5]
    inputs = MonthInputs(
        employee="zhao",
        submitted=(Submission(component="report-on-time", on=None),),
        missed_last_month=("report-on-time",),
    )
    score = score_component(on_time, MARCH, inputs, CALENDAR)
    assert (score.points, score.double_deduction) == (Fraction(0), Fraction(10))
    assert "deducted double" in score.findings[0].message_en


def test_a_late_terminal_report_is_recorded_on_its_own_and_costs_5_points() -> None:
    late = TerminalReport(day=date(2024, 3, 12), submitted_at=datetime(2024, 3, 12, 16, 20))
    assert _dealer(late_terminal_reports=(late,)) == 25
    every_day = tuple(
        late if r.day == late.day else r for r in terminal_reports_on_time(MARCH, CALENDAR)
    )
    assert _dealer(terminal_reports=every_day) == 25
    assert _dealer(late_terminal_reports=()) == 30
    unfiled = score_component(
        DEALER,
        MARCH,
        MonthInputs(
            employee="li",
            late_terminal_reports=(TerminalReport(day=date(2024, 3, 12)),),
            rebate_forms_on=date(2024, 3, 20),
        ),
        CALENDAR,
    )
    assert unfiled.points == 25
    assert unfiled.steps[0].input_map["days"] == "2024-03-12 (not filed)"


def test_a_terminal_report_listed_as_late_that_was_on_time_is_refused() -> None:
    on_time = TerminalReport(day=date(2024, 3, 12), submitted_at=datetime(2024, 3, 12, 15))
    with pytest.raises(InvalidValueError, match="only late reports are listed here"):
        _dealer(late_terminal_reports=(on_time,))
    with pytest.raises(
        InvalidValueError, match=r"late_terminal_reports\[0\].day: expected a day in"
    ):
        _dealer(late_terminal_reports=(TerminalReport(day=date(2024, 4, 1)),))


def test_a_terminal_report_for_a_saturday_is_refused_naming_the_day_not_deducted() -> None:
    saturday = TerminalReport(day=date(2024, 3, 16))  # "not filed", but none was due
    with pytest.raises(InvalidValueError) as raised:
        _dealer(late_terminal_reports=(saturday,))
    assert str(raised.value) == (
        "MonthInputs.late_terminal_reports[0].day: expected a workday (no terminal report is "
        "due on a day off), got date 2024-03-16"
    )
    filed = TerminalReport(day=date(2024, 3, 16), submitted_at=datetime(2024, 3, 16, 18))
    every_day = (*terminal_reports_on_time(MARCH, CALENDAR), filed)
    with pytest.raises(InvalidValueError, match=r"terminal_reports\[21\].day: expected a workday"):
        _dealer(terminal_reports=every_day)


def test_terminal_reports_in_both_forms_or_as_a_failure_record_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="late_terminal_reports: expected nothing when"):
        MonthInputs(
            employee="li",
            terminal_reports=terminal_reports_on_time(MARCH, CALENDAR),
            late_terminal_reports=(),
        )
    with pytest.raises(
        InvalidValueError, match=r"failures\[0\].code: expected a failure the manager"
    ):
        MonthInputs(
            employee="li", failures=(Failure(code="terminal_report_late", on=date(2024, 3, 12)),)
        )


def test_terminal_reports_for_a_card_that_does_not_deduct_for_them_are_refused() -> None:
    assert isinstance(DEALER, Deductions)
    no_terminal = attrs.evolve(
        DEALER, rules=tuple(r for r in DEALER.rules if r.code != "terminal_report_late")
    )
    with pytest.raises(InvalidValueError, match="no deduction for late terminal reports"):
        score_component(
            no_terminal,
            MARCH,
            MonthInputs(employee="li", late_terminal_reports=(), rebate_forms_on=date(2024, 3, 20)),
            CALENDAR,
        )
