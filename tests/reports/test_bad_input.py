"""Bad reports, policies, cards and month facts are refused with typed errors."""

from __future__ import annotations

import enum
import inspect
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from hrpolicy import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    PolicyDefinitionError,
    Rate,
    from_dict,
    reports,
    to_dict,
)
from hrpolicy.reports import (
    Absence,
    AnnualScore,
    Assessed,
    Card,
    ComponentScore,
    Deduction,
    IsoWeek,
    Item,
    ItemEntry,
    ItemRule,
    MonthInputs,
    MonthlyScore,
    Period,
    PlannedVisit,
    ReportPolicy,
    Review,
    ScoreCard,
    Tolerance,
    WeeklyReport,
    score_month,
    validate,
)
from hrpolicy.reports.examples import (
    domain_report_policy,
    regional_manager_card,
    salesperson_card,
)
from tests.reports.helpers import CALENDAR, reference, report

POLICY = domain_report_policy()


def test_a_plan_dated_outside_the_following_week_is_refused() -> None:
    plan = attrs.evolve(report().plan, visits=(PlannedVisit(customer="C1", on=date(2024, 3, 9)),))
    with pytest.raises(InvalidValueError, match="a date in the following week 2024-W11"):
        report(plan=plan)


def test_a_report_submitted_before_its_week_began_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="on or after the week's first day"):
        report(submitted_at=datetime(2024, 3, 1, 9, 0))


def test_an_item_twice_or_a_plan_item_in_the_summary_is_refused() -> None:
    twice = (*report().summary, ItemEntry(item=Item.PROSPECTS, text="again"))
    with pytest.raises(InvalidValueError, match="unique item"):
        report(summary=twice)
    with pytest.raises(InvalidValueError, match="local policy changes belong to the plan"):
        report(summary=(ItemEntry(item=Item.LOCAL_POLICY_CHANGES, text="限行"),))


def test_an_unknown_item_name_or_a_malformed_report_is_refused_from_plain_data() -> None:
    data: dict[str, Any] = to_dict(report())
    data["summary"][0]["item"] = "gossip"
    with pytest.raises(ConversionError, match="gossip"):
        from_dict(data, WeeklyReport)
    data = to_dict(report())
    data["submitted_at"] = "Monday morning"
    with pytest.raises(ConversionError, match="submitted_at"):
        from_dict(data, WeeklyReport)
    assert from_dict(to_dict(report()), WeeklyReport) == report()


def test_a_time_zone_on_the_submission_time_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="naive local time"):
        report(submitted_at=datetime.fromisoformat("2024-03-11T09:00:00+08:00"))


def test_references_and_reviews_must_match_the_reports_being_validated() -> None:
    other_week = reference(week=IsoWeek(year=2024, week=11))
    with pytest.raises(InvalidValueError, match="a reference for a report being validated"):
        validate([report()], POLICY, CALENDAR, references=[other_week])
    with pytest.raises(InvalidValueError, match="a review of a report being validated"):
        validate([report()], POLICY, CALENDAR, reviews=[Review(report_id="nope")])
    with pytest.raises(InvalidValueError, match="report per employee and week"):
        validate([report(), report(report_id="again")], POLICY, CALENDAR)


def test_the_engine_refuses_arguments_of_the_wrong_type() -> None:
    with pytest.raises(InvalidTypeError, match="reports: expected a list or tuple"):
        validate(report(), POLICY, CALENDAR)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="calendar: expected a WorkCalendar"):
        validate([report()], POLICY, "weekdays")  # type: ignore[arg-type]


def test_a_policy_with_a_tolerance_on_a_text_item_or_an_unknown_deduction_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="an item with a figure"):
        attrs.evolve(POLICY, tolerances=(Tolerance(item=Item.PROSPECTS),))
    with pytest.raises(PolicyDefinitionError, match="one of calls_quota_missed"):
        attrs.evolve(POLICY, deductions=(Deduction(code="rudeness", points=5),))
    with pytest.raises(InvalidValueError, match="unique item"):
        attrs.evolve(
            POLICY, required=(ItemRule(item=Item.PROSPECTS), ItemRule(item=Item.PROSPECTS))
        )


def test_a_card_whose_components_do_not_add_up_to_100_is_refused() -> None:
    card = salesperson_card()
    with pytest.raises(InvalidValueError, match="points adding up to 100"):
        attrs.evolve(card, components=card.components[:2])
    with pytest.raises(InvalidValueError, match="weights adding up to 100%"):
        ScoreCard(
            card_id="x",
            card=Card.SALESPERSON,
            components=(Assessed(component_id="all", name="全部", points=100),),
            attendance_weight=Rate.parse("20%"),
        )


def test_month_facts_outside_the_month_or_incomplete_are_refused() -> None:
    march = Period(year=2024, month=3)
    with pytest.raises(InvalidValueError, match=r"absences\[0\]\.on: expected a day in 2024-03"):
        score_month(
            salesperson_card(),
            march,
            MonthInputs(employee="li", absences=(Absence(on=date(2024, 4, 1)),)),
            CALENDAR,
        )
    with pytest.raises(InvalidValueError, match="reviewed ≤ to_review"):
        MonthInputs(employee="zhao", reviewed=11, to_review=10)
    with pytest.raises(InvalidValueError, match="the manager's figure for 'monthly-summary'"):
        score_month(
            regional_manager_card(),
            march,
            MonthInputs(employee="zhao", reviewed=1, to_review=1),
            CALENDAR,
        )


def test_cards_and_policies_convert_to_plain_data_and_back() -> None:
    for card in (salesperson_card(), regional_manager_card()):
        assert from_dict(to_dict(card), ScoreCard) == card
    assert from_dict(to_dict(POLICY), ReportPolicy) == POLICY


_OWN_CLASSES = [
    value
    for name in reports.__all__
    if inspect.isclass(value := getattr(reports, name))
    and attrs.has(value)
    and not issubclass(value, enum.Enum)
    and value.__module__.startswith("hrpolicy.reports")
]


@pytest.mark.parametrize("cls", _OWN_CLASSES, ids=lambda c: c.__name__)
def test_any_class_of_the_engine_built_with_a_missing_or_unknown_field_names_it_in_a_typed_error(
    cls: type,
) -> None:
    required = [f.alias for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING]
    if required:  # a class with nothing required (the named statutory calendar) builds bare
        with pytest.raises(InvalidTypeError) as missing:
            cls()
        assert missing.value.path == f"{cls.__name__}.{required[0]}"
    with pytest.raises(InvalidTypeError) as unknown:
        cls(**dict.fromkeys(required), colour="red")
    assert unknown.value.path == f"{cls.__name__}.colour"


def test_a_monthly_score_built_by_hand_is_typed_field_by_field() -> None:
    month = score_month(
        salesperson_card(),
        Period(year=2024, month=3),
        MonthInputs(employee="li", daily_work=Decimal(80)),
        CALENDAR,
    )
    fields = {f.name: getattr(month, f.name) for f in attrs.fields(MonthlyScore)}
    with pytest.raises(InvalidTypeError, match=r"^MonthlyScore\.daily_work: expected an exact"):
        MonthlyScore(**{**fields, "daily_work": 80.0})
    with pytest.raises(InvalidValueError, match=r"^MonthlyScore\.employee: expected a non-empty"):
        MonthlyScore(**{**fields, "employee": " "})
    with pytest.raises(InvalidTypeError, match=r"^MonthlyScore\.steps\[0\]: expected Step"):
        MonthlyScore(**{**fields, "steps": ["daily work"]})
    with pytest.raises(InvalidTypeError, match=r"^ComponentScore\.maximum: expected an int"):
        ComponentScore(component_id="x", name="x", points=Fraction(1), maximum=True, steps=())
    with pytest.raises(InvalidTypeError, match=r"^AnnualScore\.months\[0\]: expected a Decimal"):
        AnnualScore(
            employee="li",
            year=2024,
            months=[80.0] * 12,  # type: ignore[arg-type]
            score=Decimal(80),
            findings=(),
        )
    # Built from lists and plain numbers, the same score stands.
    assert MonthlyScore(**{**fields, "steps": list(month.steps), "daily_work": 80}) == month
