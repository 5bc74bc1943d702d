"""What-ifs of two scoring cards over the same month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.reports import (
    Absence,
    MonthInputs,
    Period,
    Rate,
    ScoreCard,
    TableCalendar,
    compare_cards,
)
from hrpolicy.reports.examples import regional_manager_card, salesperson_card
from hrpolicy.strategies import score_cards

MARCH = Period(year=2024, month=3)
CALENDAR = TableCalendar(name="2024", first_year=2024, last_year=2024)
CARD = salesperson_card()
HEAVIER = attrs.evolve(
    CARD,
    card_id="daily-80",
    daily_weight=Rate.parse("80%"),
    attendance_weight=Rate.parse("20%"),
)
PEOPLE = [
    MonthInputs(employee="wang", daily_work=Decimal(70)),
    MonthInputs(employee="li", daily_work=Decimal(90), absences=(Absence(on=date(2024, 3, 19)),)),
]


def test_weighing_daily_work_more_lowers_the_score_of_whoever_works_below_their_attendance() -> (
    None
):
    what_if = compare_cards(CARD, HEAVIER, MARCH, PEOPLE, CALENDAR)
    assert [(r.subject, r.baseline, r.candidate, r.difference) for r in what_if.rows] == [
        ("li", Decimal("91.80"), Decimal("91.20"), Decimal("-0.60")),
        ("wang", Decimal("79.00"), Decimal("76.00"), Decimal("-3.00")),
    ]
    assert all(r.period == MARCH for r in what_if.rows)
    assert [s.employee for s in what_if.candidate] == ["li", "wang"]
    assert what_if.difference == Decimal("-3.60")
    assert "salesperson → daily-80" in what_if.to_text()


def test_a_fact_a_card_needs_and_the_month_lacks_is_refused_naming_the_side_and_person() -> None:
    partial = MonthInputs(employee="li", trainings=2, reviewed=1, to_review=1)
    with pytest.raises(InvalidValueError) as refused:
        compare_cards(regional_manager_card(), CARD, MARCH, [partial], CALENDAR)
    assert refused.value.path == "baseline.inputs[0](li).MonthInputs(li).assessed"


def test_an_employee_listed_twice_or_a_card_given_as_text_is_refused() -> None:
    with pytest.raises(InvalidValueError) as twice:
        compare_cards(CARD, HEAVIER, MARCH, [PEOPLE[0], PEOPLE[0]], CALENDAR)
    assert twice.value.path == "inputs[1]"
    with pytest.raises(InvalidTypeError) as text:
        compare_cards(CARD, "daily-80", MARCH, PEOPLE, CALENDAR)  # type: ignore[arg-type]
    assert text.value.path == "candidate"


@settings(max_examples=30)
@given(score_cards(), st.lists(st.integers(0, 100), min_size=1, max_size=4))
def test_a_what_if_of_a_card_against_itself_has_zero_differences(
    card: ScoreCard, daily: list[int]
) -> None:
    people = [
        MonthInputs(employee=f"p{i}", daily_work=Decimal(value)) for i, value in enumerate(daily)
    ]
    what_if = compare_cards(card, card, MARCH, people, CALENDAR)
    assert len(what_if.rows) == len(people)
    assert all(row.difference == 0 for row in what_if.rows)
    assert what_if.baseline == what_if.candidate


def test_a_score_card_comparison_shows_scores_as_points_not_as_money() -> None:
    what_if = compare_cards(CARD, HEAVIER, MARCH, PEOPLE, CALENDAR)
    for locale in ("en", "zh_CN"):
        text = what_if.to_text(locale=locale)
        assert "91.80 → 91.20 (-0.60)" in text
        assert "¥" not in text
