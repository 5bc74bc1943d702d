"""The shipped examples follow the work calendar they are given, as real reports do."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.core.workcal import is_workday
from hrpolicy.reports import (
    ChineseStatutoryCalendar,
    IsoWeek,
    TableCalendar,
    WeeklyReport,
    validate,
)
from hrpolicy.reports.examples import domain_report_policy, example_report, example_team_week
from tests.reports.helpers import CALENDAR

POLICY = domain_report_policy()
NEW_YEAR = TableCalendar(
    name="2026–27", first_year=2026, last_year=2027, holidays=(date(2027, 1, 1),)
)


def _days(report: WeeklyReport) -> set[date]:
    return {c.on for c in report.calls} | {v.on for v in report.visits}


def test_an_example_report_for_new_years_week_leaves_the_holiday_out_and_scores_full() -> None:
    week = IsoWeek(year=2026, week=53)  # Monday 28 December 2026 to Sunday 3 January 2027
    report = example_report("li", week, NEW_YEAR)
    assert date(2027, 1, 1) not in _days(report)
    assert sorted(c.on for c in report.calls) == [
        date(2026, 12, 28) + timedelta(days=n) for n in range(4)
    ]
    assert all(is_workday(NEW_YEAR, e.on) for e in report.expenses)
    (check,) = validate([report], POLICY, NEW_YEAR)
    assert check.points == Decimal("40.00")
    assert check.findings == ()


def test_an_example_report_for_a_week_with_a_make_up_sunday_calls_on_it_and_scores_full() -> None:
    # 2024-W14: Qingming on Thursday 4 and Friday 5 April, a make-up workday on Sunday 7.
    report = example_report("li", IsoWeek(year=2024, week=14), CALENDAR)
    assert sorted(c.on for c in report.calls) == [
        date(2024, 4, 1),
        date(2024, 4, 2),
        date(2024, 4, 3),
        date(2024, 4, 7),
    ]
    assert not _days(report) & {date(2024, 4, 4), date(2024, 4, 5)}
    (check,) = validate([report], POLICY, CALENDAR)
    assert check.points == Decimal("40.00")


def test_an_example_on_chinas_statutory_calendar_leaves_out_the_national_day_week() -> None:
    # 2024-W40: only Monday 30 September is worked; 1–7 October is the National Day holiday,
    # so the report goes in on Tuesday 8 October.
    statutory = ChineseStatutoryCalendar()
    report = example_report("li", IsoWeek(year=2024, week=40), statutory)
    assert {c.on for c in report.calls} == {date(2024, 9, 30)}
    assert report.submitted_at.date() == date(2024, 10, 8)
    (check,) = validate([report], POLICY, statutory)
    assert check.points == Decimal("40.00")


def test_an_example_plans_next_weeks_visit_on_its_first_workday_past_a_holiday_monday() -> None:
    # 2026-W53 is followed by 2027-W01, whose Monday 4 January is a holiday here.
    calendar = TableCalendar(
        name="2026–27", first_year=2026, last_year=2027, holidays=(date(2027, 1, 4),)
    )
    report = example_report("li", IsoWeek(year=2026, week=53), calendar)
    assert [v.on for v in report.plan.visits] == [date(2027, 1, 5)]
    assert report.submitted_at.date() == date(2027, 1, 5)


def test_the_tutorial_builds_its_reports_with_example_report_not_a_copy_of_it() -> None:
    tutorial = (Path(__file__).parents[2] / "docs" / "reports.md").read_text(encoding="utf-8")
    assert "example_report(" in tutorial
    assert "WeeklyReport(" not in tutorial


def test_the_example_team_week_follows_its_calendar() -> None:
    li, wang = example_team_week()
    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    for check in (li, wang):
        assert all(is_workday(calendar, day) for day in _days(check.report))
    assert (li.points, wang.points) == (Decimal("40.00"), Decimal("33.00"))


def test_an_example_for_a_week_without_workdays_or_with_bad_counts_is_refused() -> None:
    week = IsoWeek(year=2026, week=10)
    closed = TableCalendar(name="closed", first_year=2026, last_year=2026, holidays=week.days)
    with pytest.raises(InvalidValueError, match="week: expected a week with a workday"):
        example_report("li", week, closed)
    with pytest.raises(InvalidValueError, match="visits: expected an int from 0 to 1000"):
        example_report("li", week, NEW_YEAR, visits=-1)
    with pytest.raises(InvalidTypeError, match="late_by_minutes: expected an int"):
        example_report("li", week, NEW_YEAR, late_by_minutes=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="calendar"):
        example_report("li", week, "2026")  # type: ignore[arg-type]
