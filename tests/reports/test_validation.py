"""Weekly report validation, one rule at a time, against the standard report."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from hrpolicy import InvalidValueError
from hrpolicy.reports import (
    CallDay,
    Deadline,
    IsoWeek,
    Item,
    ItemStatus,
    NextWeekPlan,
    PlannedVisit,
    ReportCheck,
    Review,
    Visit,
    Weekday,
    WeeklyReport,
    validate,
)
from hrpolicy.reports.examples import domain_report_policy
from tests.reports.helpers import CALENDAR, WEEK, reference, replace_item, report, summary

POLICY = domain_report_policy()


def check(*reports: WeeklyReport, **options: Any) -> tuple[ReportCheck, ...]:
    """Validate under the DOMAIN policy and the 2024 calendar."""
    return validate(list(reports), POLICY, CALENDAR, **options)


def test_a_complete_punctual_truthful_report_scores_all_40_points() -> None:
    (result,) = check(report(), references=[reference()])
    assert (result.points, result.findings, result.late) == (Decimal("40.00"), (), False)
    assert result.due_at == datetime(2024, 3, 11, 12, 0)


def test_a_report_after_the_grace_hour_is_late_and_scores_nothing() -> None:
    (result,) = check(report(submitted_at=datetime(2024, 3, 11, 13, 1)))
    assert (result.late, result.points) == (True, Decimal("0.00"))
    assert [f.code for f in result.findings] == ["late"]


def test_a_report_within_the_grace_hour_is_on_time_and_noted() -> None:
    (result,) = check(report(submitted_at=datetime(2024, 3, 11, 12, 45)))
    assert result.points == Decimal("40.00")
    assert [f.code for f in result.findings] == ["in_grace"]


def test_a_deadline_on_a_holiday_moves_to_the_next_workday_even_a_make_up_sunday() -> None:
    # Due Thursday of the following week: week 13's is 4 April (Qingming), the 5th is a
    # holiday too, the 6th a Saturday; Sunday 7 April is a make-up workday.
    thursday = attrs.evolve(POLICY, deadline=Deadline(weekday=Weekday.THURSDAY, hour=12))
    week = IsoWeek(year=2024, week=13)
    late_on_holiday = report(week, submitted_at=datetime(2024, 4, 7, 11, 0))
    (result,) = validate([late_on_holiday], thursday, CALENDAR)
    assert result.due_at == datetime(2024, 4, 7, 12, 0)
    assert not result.late


def test_a_missing_summary_item_loses_its_share_of_the_summary_points() -> None:
    (result,) = check(report(summary=replace_item(summary(), Item.COMPETITOR_MOVES, remove=True)))
    assert result.points == Decimal("39.00")  # 9 of 10 summary points + 30
    assert result.status(Item.COMPETITOR_MOVES) is ItemStatus.MISSING


def test_too_little_text_and_a_missing_figure_each_lose_the_item() -> None:
    entries = replace_item(summary(), Item.PROSPECTS, text="无")
    entries = replace_item(entries, Item.COLLECTIONS, amount=None)
    (result,) = check(report(summary=entries))
    assert result.points == Decimal("38.00")
    assert [f.code for f in result.findings] == ["item_incomplete", "item_too_short"]


def test_key_customers_must_be_named() -> None:
    (result,) = check(report(summary=replace_item(summary(), Item.KEY_CUSTOMERS, customers=())))
    assert result.status(Item.KEY_CUSTOMERS) is ItemStatus.INCOMPLETE


def test_travel_costs_without_the_travel_expense_report_leave_expenses_incomplete() -> None:
    (result,) = check(report(travel_report_attached=False))
    assert result.status(Item.SALES_EXPENSES) is ItemStatus.INCOMPLETE
    assert "travel expense report" in result.findings[0].message_en


def test_a_visit_count_that_does_not_match_the_visit_log_is_implausible() -> None:
    (result,) = check(report(summary=replace_item(summary(), Item.CUSTOMER_VISITS, count=25)))
    assert result.status(Item.CUSTOMER_VISITS) is ItemStatus.IMPLAUSIBLE
    assert "reported 25, the detail gives 20" in result.findings[0].message_en


def test_an_expense_figure_that_does_not_add_up_is_implausible() -> None:
    (result,) = check(
        report(summary=replace_item(summary(), Item.SALES_EXPENSES, amount=Decimal(2000)))
    )
    assert result.status(Item.SALES_EXPENSES) is ItemStatus.IMPLAUSIBLE


def test_sales_beyond_the_tolerance_of_the_crm_are_untrue_and_score_zero() -> None:
    # 120,000 reported; 118,000 recorded: the tolerance is the larger of 100 and 1 % of
    # 118,000 (1,180), and 2,000 is beyond it.
    (result,) = check(report(), references=[reference(sales=Decimal(118000))])
    assert result.status(Item.SALES_VOLUME) is ItemStatus.UNTRUE
    assert result.points == Decimal("39.00")
    (close,) = check(report(), references=[reference(sales=Decimal(119000))])
    assert close.points == Decimal("40.00")


def test_a_reported_visit_the_crm_does_not_know_makes_the_visits_untrue() -> None:
    crm = reference(visits=tuple(v for v in reference().visits or () if v.customer != "C05"))
    (result,) = check(report(), references=[crm])
    assert result.status(Item.CUSTOMER_VISITS) is ItemStatus.UNTRUE


def test_an_item_a_phone_spot_check_finds_untrue_scores_zero() -> None:
    review = Review(report_id=report().report_id, untrue=(Item.KEY_CUSTOMERS,))
    (result,) = check(report(), reviews=[review])
    assert result.status(Item.KEY_CUSTOMERS) is ItemStatus.UNTRUE
    assert [f.code for f in result.findings] == ["untrue_spot_check"]


def test_an_illegible_report_scores_nothing() -> None:
    (result,) = check(report(), reviews=[Review(report_id=report().report_id, illegible=True)])
    assert result.points == Decimal("0.00")


def test_fewer_than_30_calls_on_a_workday_costs_5_points() -> None:
    calls = (*report().calls[:4], CallDay(on=date(2024, 3, 8), calls=29))
    (result,) = check(report(calls=calls))
    assert result.points == Decimal("35.00")
    assert "2024-03-08" in result.findings[0].message_en


def test_fewer_than_20_visits_in_the_week_costs_5_points() -> None:
    fewer = report().visits[:19]
    entries = replace_item(summary(), Item.CUSTOMER_VISITS, count=19)
    (result,) = check(report(visits=fewer, summary=entries))
    assert result.points == Decimal("35.00")
    assert [f.code for f in result.findings] == ["visits_quota_missed"]


def test_last_weeks_approved_plan_must_be_80_percent_visited() -> None:
    approved = NextWeekPlan(
        visits=tuple(
            PlannedVisit(customer=c, on=date(2024, 3, 5)) for c in ("C00", "C01", "C02", "X1", "X2")
        ),
        local_policy_changes="无变化",
    )
    (result,) = check(report(), approved_plans={report().report_id: approved})
    # 3 of 5 planned customers visited: 60 %, below 80 %.
    assert result.points == Decimal("35.00")
    assert "not visited: X1, X2" in result.findings[0].message_en


def test_a_plan_without_local_policy_changes_costs_5_points() -> None:
    plan = attrs.evolve(report().plan, local_policy_changes="")
    (result,) = check(report(plan=plan))
    assert result.points == Decimal("35.00")


def test_many_reports_are_validated_in_one_call_in_a_fixed_order() -> None:
    other = report(IsoWeek(year=2024, week=11))
    wang = report(report_id="R-wang", employee="wang", visits=report().visits)
    results = check(wang, other, report())
    assert [(r.report.employee, str(r.report.week)) for r in results] == [
        ("li", "2024-W10"),
        ("li", "2024-W11"),
        ("wang", "2024-W10"),
    ]
    assert results == check(report(), wang, other)


def test_a_visit_outside_the_week_is_refused_when_the_report_is_built() -> None:
    with pytest.raises(InvalidValueError, match=r"visits\[0\]\.on: expected a date in 2024-W10"):
        report(visits=(Visit(customer="C00", on=date(2024, 3, 11)),))


def test_a_week_that_does_not_exist_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="a week of 2024"):
        IsoWeek(year=2024, week=53)
    assert IsoWeek(year=2020, week=53).last_day == date(2021, 1, 3)
    assert WEEK.contains(date(2024, 3, 10))
