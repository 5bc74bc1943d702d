"""Every int a field or an engine's argument takes has a stated maximum: a figure above it
is refused with the library's typed error naming the field, and the largest figure
allowed still runs through the engines without an ``OverflowError``."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from hrpolicy.bonds import CostCategory, CostItem, Payer
from hrpolicy.commission import TaskBase
from hrpolicy.core.checked import MAX_COUNT
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.workcal import TableCalendar, add_workdays
from hrpolicy.reports import IsoWeek, validate
from hrpolicy.reports.examples import domain_report_policy, example_report
from hrpolicy.reports.model import CallDay

CALENDAR = TableCalendar(name="2026", first_year=2026, last_year=2026)


def test_a_report_policy_with_a_grace_period_of_a_billion_minutes_is_refused_naming_the_field() -> (
    None
):
    with pytest.raises(
        PolicyDefinitionError,
        match=r"ReportPolicy\.grace_minutes: expected an int from 0 to 10080, got int 1000000000",
    ):
        attrs.evolve(domain_report_policy(), grace_minutes=10**9)


def test_a_report_policy_with_a_grace_period_of_10_to_the_18_minutes_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"ReportPolicy\.grace_minutes"):
        attrs.evolve(domain_report_policy(), grace_minutes=10**18)


def test_a_week_of_grace_validates_a_report_a_month_late_without_overflow() -> None:
    policy = attrs.evolve(domain_report_policy(), grace_minutes=7 * 24 * 60)
    week = IsoWeek(year=2026, week=10)
    report = example_report("li", week, CALENDAR, late_by_minutes=31 * 24 * 60)
    (check,) = validate([report], policy, CALENDAR)
    assert check.late


def test_a_report_policy_with_a_quota_of_a_million_calls_a_day_is_refused() -> None:
    with pytest.raises(
        PolicyDefinitionError, match=r"calls_per_workday: expected an int from 0 to 1000"
    ):
        attrs.evolve(domain_report_policy(), calls_per_workday=10**6)


def test_a_report_worth_more_than_the_cards_100_points_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"ReportPolicy\.points: expected an int"):
        attrs.evolve(domain_report_policy(), points=101)


def test_an_example_report_late_by_10_to_the_18_minutes_is_refused_naming_the_argument() -> None:
    with pytest.raises(InvalidValueError, match=r"late_by_minutes: expected an int from 0 to"):
        example_report("li", IsoWeek(year=2026, week=10), CALENDAR, late_by_minutes=10**18)


def test_an_example_report_with_a_billion_visits_is_refused_instead_of_filling_memory() -> None:
    with pytest.raises(InvalidValueError, match=r"visits: expected an int from 0 to 1000"):
        example_report("li", IsoWeek(year=2026, week=10), CALENDAR, visits=10**9)


def test_a_cost_shared_by_10_to_the_18_trainees_is_refused_naming_the_field() -> None:
    with pytest.raises(
        InvalidValueError, match=r"CostItem\.shared_by: expected an int from 1 to 10000"
    ):
        CostItem(
            id="c",
            category=CostCategory.TUITION,
            amount=1000,
            has_voucher=True,
            paid_by=Payer.EMPLOYER,
            shared_by=10**18,
        )


def test_a_task_base_with_a_dealer_target_of_10_to_the_18_is_refused() -> None:
    with pytest.raises(
        PolicyDefinitionError, match=r"TaskBase\.dealer_target: expected an int from 0 to 10000"
    ):
        TaskBase(
            component_id="t",
            name="任务底薪",
            amount=1000,
            sales_target=0,
            dealer_target=10**18,
            proration="lowest",
        )


def test_a_count_above_a_billion_is_refused_where_no_smaller_maximum_is_stated() -> None:
    CallDay(on=date(2026, 3, 2), calls=MAX_COUNT)
    with pytest.raises(
        InvalidValueError, match=rf"CallDay\.calls: expected an int from 0 to {MAX_COUNT}"
    ):
        CallDay(on=date(2026, 3, 2), calls=MAX_COUNT + 1)


def test_a_calendar_for_the_year_a_billion_is_refused_naming_the_field() -> None:
    with pytest.raises(
        InvalidValueError, match=r"TableCalendar\.last_year: expected an int from 1900 to 2199"
    ):
        TableCalendar(name="x", first_year=2026, last_year=10**9)


def test_adding_10_to_the_18_workdays_is_refused_instead_of_running_off_the_calendar() -> None:
    with pytest.raises(InvalidValueError, match=r"count: expected an int from 1 to"):
        add_workdays(CALENDAR, date(2026, 1, 5), 10**18)
