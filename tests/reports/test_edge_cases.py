"""Edge cases, kept as tests: each states the rule it protects."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, Rate
from hrpolicy.reports import (
    Absence,
    Assessment,
    Deadline,
    Deductions,
    Failure,
    IsoWeek,
    Item,
    ItemEntry,
    MonthInputs,
    Period,
    Review,
    Tolerance,
    Visit,
    Weekday,
    hr_due_date,
    pay_coefficient,
    score_month,
    terminal_reports_on_time,
    validate,
)
from hrpolicy.reports.examples import domain_report_policy, regional_manager_card, salesperson_card
from tests.reports.helpers import CALENDAR, reference, replace_item, report, summary

MARCH = Period(year=2024, month=3)
POLICY = domain_report_policy()


def _month(**facts: object) -> MonthInputs:
    base: dict[str, object] = {
        "employee": "li",
        "reports": validate(
            [report(IsoWeek(year=2024, week=w)) for w in (10, 11, 12, 13)], POLICY, CALENDAR
        ),
        "terminal_reports": terminal_reports_on_time(MARCH, CALENDAR),
        "rebate_forms_on": date(2024, 3, 20),
        "assessed": (Assessment(component="other-management", points=Decimal(30)),),
    }
    base.update(facts)
    return MonthInputs(**base)  # type: ignore[arg-type]


def test_two_checks_of_the_same_week_are_refused_instead_of_one_silently_winning() -> None:
    (late,) = validate([report(submitted_at=datetime(2024, 3, 12, 9))], POLICY, CALENDAR)
    (on_time,) = validate([report()], POLICY, CALENDAR)
    with pytest.raises(InvalidValueError, match="unique week"):
        _month(reports=(late, on_time))


def test_weekly_reports_are_scored_by_each_checks_own_maximum() -> None:
    fifty = attrs.evolve(POLICY, points=50)
    checks = validate(
        [report(IsoWeek(year=2024, week=w)) for w in (10, 11, 12, 13)], fifty, CALENDAR
    )
    assert checks[0].maximum == 50
    score = score_month(salesperson_card(), MARCH, _month(reports=checks), CALENDAR)
    assert score.component("weekly-reports").points == 40
    assert score.score == Decimal("100.00")


def test_copies_of_one_recorded_visit_confirm_only_one_visit() -> None:
    copies = tuple(Visit(customer="C00", on=date(2024, 3, 4)) for _ in range(20))
    entries = replace_item(summary(), Item.CUSTOMER_VISITS, count=20)
    (result,) = validate(
        [report(visits=copies, summary=entries)],
        POLICY,
        CALENDAR,
        references=[reference(visits=(Visit(customer="C00", on=date(2024, 3, 4)),))],
    )
    assert result.status(Item.CUSTOMER_VISITS).value == "untrue"
    assert "visits_quota_missed" in [f.code for f in result.findings]


def test_a_relative_tolerance_on_visits_allows_that_share_unrecorded() -> None:
    lenient = attrs.evolve(
        POLICY, tolerances=(Tolerance(item=Item.CUSTOMER_VISITS, relative=Rate.parse("25%")),)
    )
    crm = reference(visits=report().visits[5:])  # 5 of 20 not recorded: 25 %
    (result,) = validate([report()], lenient, CALENDAR, references=[crm])
    assert result.points == Decimal("40.00")


def test_a_short_week_asks_for_its_share_of_the_visit_quota() -> None:
    # Week 14 of 2024: Thursday 4 and Friday 5 April are holidays, Sunday 7 April a make-up
    # workday: 4 workdays, so 16 visits (20 × 4 ÷ 5) meet the quota.
    week = IsoWeek(year=2024, week=14)
    visits = tuple(Visit(customer=f"C{n}", on=date(2024, 4, 1 + n % 3)) for n in range(16))
    calls = tuple(
        attrs.evolve(c, on=d) for c, d in zip(report(week).calls, week.days, strict=False)
    )
    extra = (*calls[:3], attrs.evolve(calls[0], on=date(2024, 4, 7)))
    entries = replace_item(summary(), Item.CUSTOMER_VISITS, count=16)
    (result,) = validate(
        [report(week, visits=visits, calls=extra, summary=entries)], POLICY, CALENDAR
    )
    assert result.points == Decimal("40.00")


def test_card_weights_must_each_lie_between_0_and_100_percent() -> None:
    with pytest.raises(InvalidValueError, match="0 to 100%"):
        attrs.evolve(
            salesperson_card(),
            daily_weight=Rate.parse("110%"),
            attendance_weight=Rate.parse("-10%"),
        )


def test_an_absence_on_a_day_off_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="a workday"):
        score_month(
            salesperson_card(), MARCH, _month(absences=(Absence(on=date(2024, 3, 9)),)), CALENDAR
        )


def test_a_card_may_have_only_one_deductions_component() -> None:
    card = salesperson_card()
    dealer = card.components[0]
    assert isinstance(dealer, Deductions)
    second = attrs.evolve(dealer, component_id="second", points=10)
    other = attrs.evolve(card.components[2], points=20)
    with pytest.raises(InvalidValueError, match="at most one Deductions component"):
        attrs.evolve(card, components=(dealer, second, card.components[1], other))


def test_a_missing_terminal_report_counts_as_late() -> None:
    reports = terminal_reports_on_time(MARCH, CALENDAR)[1:]  # 1 March never filed
    score = score_month(salesperson_card(), MARCH, _month(terminal_reports=reports), CALENDAR)
    assert score.component("dealer-management").points == 25
    with pytest.raises(InvalidValueError, match="the month's terminal daily reports"):
        score_month(salesperson_card(), MARCH, _month(terminal_reports=None), CALENDAR)


def test_rebate_forms_dated_before_the_month_and_reports_filed_before_their_day_are_refused() -> (
    None
):
    with pytest.raises(InvalidValueError, match="rebate_forms_on"):
        score_month(salesperson_card(), MARCH, _month(rebate_forms_on=date(2023, 1, 1)), CALENDAR)
    early = attrs.evolve(
        terminal_reports_on_time(MARCH, CALENDAR)[0], submitted_at=datetime(2024, 2, 29, 9)
    )
    with pytest.raises(InvalidValueError, match="on or after its day"):
        _month(terminal_reports=(early,))


def test_month_facts_no_component_reads_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="OnTime components of card salesperson"):
        score_month(
            salesperson_card(), MARCH, _month(missed_last_month=("report-on-tme",)), CALENDAR
        )
    manager = MonthInputs(employee="zhao", failures=(Failure(code="x", on=date(2024, 3, 4)),))
    with pytest.raises(InvalidValueError, match="has no Deductions component"):
        score_month(regional_manager_card(), MARCH, manager, CALENDAR)


def test_the_explanation_states_the_cards_own_weights_and_absence_rule() -> None:
    card = attrs.evolve(
        salesperson_card(),
        daily_weight=Rate.parse("60%"),
        attendance_weight=Rate.parse("40%"),
        points_per_absent_day=5,
        half_day_counts_whole=False,
    )
    score = score_month(
        card, MARCH, _month(absences=(Absence(on=date(2024, 3, 4), half=True),)), CALENDAR
    )
    assert score.attendance == Decimal("97.5")
    labels = [step.label.en for step in score.steps]
    assert "attendance = 100 − 5 × days absent (half a day counts half)" in labels
    assert "monthly score = daily work × 60% + attendance × 40%" in labels


def test_a_spot_check_of_an_item_the_policy_does_not_score_is_refused() -> None:
    review = Review(report_id=report().report_id, untrue=(Item.LOCAL_POLICY_CHANGES,))
    with pytest.raises(InvalidValueError, match="required summary items"):
        validate([report()], POLICY, CALENDAR, reviews=[review])


def test_passed_means_no_point_was_lost() -> None:
    no_deduction = attrs.evolve(POLICY, deductions=())
    (result,) = validate(
        [
            report(
                visits=report().visits[:19],
                summary=replace_item(summary(), Item.CUSTOMER_VISITS, count=19),
            )
        ],
        no_deduction,
        CALENDAR,
    )
    assert result.findings
    assert result.passed


def test_helpers_refuse_bad_arguments_with_typed_errors() -> None:
    with pytest.raises(InvalidValueError, match="a score above 0"):
        pay_coefficient(Decimal(80), 0)
    with pytest.raises(InvalidTypeError, match="score"):
        pay_coefficient(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="a month"):
        hr_due_date(Period(year=2024), CALENDAR)
    with pytest.raises(InvalidTypeError, match="approved_plans"):
        validate([report()], POLICY, CALENDAR, approved_plans=[1])  # type: ignore[arg-type]
    (check,) = validate([report()], POLICY, CALENDAR)
    with pytest.raises(InvalidValueError, match="a required summary item"):
        check.status(Item.LOCAL_POLICY_CHANGES)


def test_blank_customer_names_and_an_expense_figure_without_lines_are_caught() -> None:
    with pytest.raises(InvalidValueError, match="customers"):
        ItemEntry(item=Item.KEY_CUSTOMERS, text="重点", customers=("",))
    (result,) = validate([report(expenses=(), travel_report_attached=False)], POLICY, CALENDAR)
    assert result.status(Item.SALES_EXPENSES).value == "implausible"


def test_an_excused_week_is_left_out_of_the_weekly_report_mean() -> None:
    checks = validate([report(IsoWeek(year=2024, week=w)) for w in (10, 11, 13)], POLICY, CALENDAR)
    excused = _month(reports=checks, excused_weeks=(IsoWeek(year=2024, week=12),))
    score = score_month(salesperson_card(), MARCH, excused, CALENDAR)
    assert score.component("weekly-reports").points == 40
    assert not [f for f in score.findings if f.code == "report_missing"]


def test_a_deadline_before_the_end_of_the_reports_own_week_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="Friday, Saturday or Sunday"):
        Deadline(weekday=Weekday.MONDAY, hour=12, weeks_after=0)
    assert Deadline(weekday=Weekday.FRIDAY, hour=17, weeks_after=0).weeks_after == 0
