"""Periods: months and years as before, calendar quarters, and named seasons given as
explicit date ranges — their dates, their months, their text and their plain data."""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from hrpolicy import strategies
from hrpolicy.core import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    Period,
    PeriodKind,
    Season,
    from_dict,
    to_dict,
)
from hrpolicy.core.whatif import next_month

SPRING = Season(name="spring", first_day=date(2025, 2, 10), last_day=date(2025, 5, 20))
WINTER = Season(name="winter", first_day=date(2025, 11, 1), last_day=date(2026, 2, 28))


def test_months_and_years_are_written_and_stored_exactly_as_before() -> None:
    march, year = Period(year=2025, month=3), Period(year=2025)
    assert (str(march), str(year)) == ("2025-03", "2025")
    assert (repr(march), repr(year)) == ("Period(year=2025, month=3)", "Period(year=2025)")
    assert to_dict(march) == {"format": 1, "year": 2025, "month": 3}
    assert to_dict(year) == {"format": 1, "year": 2025}
    assert (march.kind, year.kind) == (PeriodKind.MONTH, PeriodKind.YEAR)
    assert (march.is_month, march.is_year, year.is_month, year.is_year) == (
        True,
        False,
        False,
        True,
    )


def test_the_first_quarter_runs_from_the_first_of_january_to_the_thirty_first_of_march() -> None:
    q1 = Period(year=2025, quarter=1)
    assert (q1.first_day, q1.last_day) == (date(2025, 1, 1), date(2025, 3, 31))
    assert str(q1) == "2025-Q1"
    assert q1.kind is PeriodKind.QUARTER
    assert (q1.is_year, q1.is_month, q1.opens_year) == (False, False, True)
    assert [str(m) for m in q1.months] == ["2025-01", "2025-02", "2025-03"]


def test_the_fourth_quarter_ends_on_new_years_eve_and_does_not_open_the_year() -> None:
    q4 = Period(year=2024, quarter=4)
    assert (q4.first_day, q4.last_day, q4.opens_year) == (
        date(2024, 10, 1),
        date(2024, 12, 31),
        False,
    )


def test_a_year_holds_its_twelve_months_and_a_month_holds_itself() -> None:
    assert [m.month for m in Period(year=2024).months] == list(range(1, 13))
    march = Period(year=2024, month=3)
    assert march.months == (march,)


def test_a_spring_season_knows_its_own_dates_and_the_months_it_touches() -> None:
    spring = Period(year=2025, season=SPRING)
    assert (spring.first_day, spring.last_day) == (date(2025, 2, 10), date(2025, 5, 20))
    assert str(spring) == "2025-spring"
    assert spring.kind is PeriodKind.SEASON
    assert [str(m) for m in spring.months] == ["2025-02", "2025-03", "2025-04", "2025-05"]
    assert spring.contains(date(2025, 2, 10))
    assert not spring.contains(date(2025, 2, 9))


def test_a_winter_season_belongs_to_the_year_it_starts_in() -> None:
    winter = Period(year=2025, season=WINTER)
    assert winter.last_day == date(2026, 2, 28)
    assert str(winter) == "2025-winter"
    with pytest.raises(InvalidValueError, match=r"Period\.year: expected the year season"):
        Period(year=2026, season=WINTER)


def test_a_period_is_one_of_a_month_a_quarter_a_season_or_a_year() -> None:
    with pytest.raises(InvalidValueError, match=r"Period\.quarter: expected None when a month"):
        Period(year=2025, month=1, quarter=1)
    with pytest.raises(InvalidValueError, match=r"Period\.season: expected None when a quarter"):
        Period(year=2025, quarter=1, season=SPRING)
    with pytest.raises(InvalidValueError, match=r"Period\.quarter: expected an int from 1 to 4"):
        Period(year=2025, quarter=5)
    with pytest.raises(InvalidTypeError, match=r"Period\.season"):
        Period(year=2025, season="spring")  # type: ignore[arg-type]


def test_a_season_must_end_on_or_after_its_start_and_last_at_most_a_year() -> None:
    with pytest.raises(InvalidValueError, match=r"Season\(spring\)\.last_day: expected a day on"):
        Season(name="spring", first_day=date(2025, 5, 1), last_day=date(2025, 4, 30))
    with pytest.raises(InvalidValueError, match="at most a year long"):
        Season(name="long", first_day=date(2025, 1, 1), last_day=date(2026, 1, 1))
    one_year = Season(name="all", first_day=date(2025, 1, 1), last_day=date(2025, 12, 31))
    assert one_year.last_day == date(2025, 12, 31)


@pytest.mark.parametrize("name", ["03", "Q1", "q4", "early spring", ""])
def test_a_season_name_may_not_read_as_a_month_or_a_quarter_or_hold_spaces(name: str) -> None:
    with pytest.raises(InvalidValueError, match=r"Season\.name"):
        Season(name=name, first_day=date(2025, 1, 1), last_day=date(2025, 3, 1))


def test_period_text_reads_months_quarters_years_and_seasons_of_a_table() -> None:
    assert Period.parse("2025-03") == Period(year=2025, month=3)
    assert Period.parse("2025-Q2") == Period(year=2025, quarter=2)
    assert Period.parse("2025-q2") == Period(year=2025, quarter=2)
    assert Period.parse("2025") == Period(year=2025)
    assert Period.parse("2025-winter", seasons=[SPRING, WINTER]) == Period(year=2025, season=WINTER)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-13", "a month from 01 to 12"),
        ("2025-00", "a month from 01 to 12"),
        ("2025-Q0", "a quarter from Q1 to Q4"),
        ("2025-Q5", "a quarter from Q1 to Q4"),
        ("25-03", "period text"),
        ("2025-spring", r"a season starting in 2025 of those given \(none\)"),
        ("2026-spring", r"a season starting in 2026 of those given \(none\)"),
    ],
)
def test_period_text_that_names_no_period_is_refused_with_what_was_expected(
    text: str, message: str
) -> None:
    seasons = [SPRING] if text.startswith("2026") else []
    with pytest.raises(InvalidValueError, match=message):
        Period.parse(text, seasons=seasons)


def test_period_text_must_be_text_and_seasons_must_be_seasons() -> None:
    with pytest.raises(InvalidTypeError, match="period: expected period text"):
        Period.parse(202503)
    with pytest.raises(InvalidTypeError, match=r"seasons\[0\]: expected a Season"):
        Period.parse("2025-spring", seasons=["spring"])  # type: ignore[list-item]


def test_quarters_and_seasons_round_trip_through_plain_data_and_json() -> None:
    for period in (Period(year=2025, quarter=3), Period(year=2025, season=WINTER)):
        data = json.loads(json.dumps(to_dict(period)))
        assert from_dict(data, Period) == period
    assert to_dict(Period(year=2025, quarter=3)) == {"format": 1, "year": 2025, "quarter": 3}


def test_plain_data_may_write_a_month_quarter_or_year_as_its_text() -> None:
    assert from_dict("2025-Q1", Period) == Period(year=2025, quarter=1)
    assert from_dict({"year": 2025, "quarter": 1}, Period) == Period(year=2025, quarter=1)
    with pytest.raises(ConversionError, match=r"\$: expected a quarter from Q1 to Q4"):
        from_dict("2025-Q7", Period)
    with pytest.raises(ConversionError, match=r"\$.quarter: expected None when a month"):
        from_dict({"year": 2025, "month": 2, "quarter": 1}, Period)


# --- properties ---------------------------------------------------------------------------

_years = st.integers(2000, 2060)


@st.composite
def _seasons(draw: st.DrawFn) -> Season:
    first = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
    length = draw(st.integers(0, 364))
    name = draw(st.sampled_from(["spring", "summer", "autumn", "winter", "春耕", "秋收"]))
    return Season(name=name, first_day=first, last_day=first + timedelta(days=length))


@st.composite
def _any_periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(list(PeriodKind)))
    if kind is PeriodKind.SEASON:
        season = draw(_seasons())
        return Period(year=season.first_day.year, season=season)
    year = draw(_years)
    if kind is PeriodKind.MONTH:
        return Period(year=year, month=draw(st.integers(1, 12)))
    if kind is PeriodKind.QUARTER:
        return Period(year=year, quarter=draw(st.integers(1, 4)))
    return Period(year=year)


@given(_any_periods())
def test_every_period_reads_back_from_its_own_text(period: Period) -> None:
    seasons = [period.season] if period.season is not None else []
    assert Period.parse(str(period), seasons=seasons) == period


@given(_any_periods())
def test_every_period_round_trips_through_plain_data(period: Period) -> None:
    assert from_dict(json.loads(json.dumps(to_dict(period))), Period) == period


@given(_any_periods())
def test_a_periods_months_are_consecutive_and_cover_exactly_its_days(period: Period) -> None:
    months = period.months
    assert all(m.kind is PeriodKind.MONTH for m in months)
    for before, after in itertools.pairwise(months):
        assert before.last_day + timedelta(days=1) == after.first_day
    assert months[0].contains(period.first_day)
    assert months[-1].contains(period.last_day)
    if period.kind is not PeriodKind.SEASON:
        assert (months[0].first_day, months[-1].last_day) == (period.first_day, period.last_day)
    expected = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}
    if period.kind in expected:
        assert len(months) == expected[period.kind]


@given(_years, st.integers(1, 12))
def test_each_month_lies_in_exactly_one_quarter_of_its_year(year: int, month: int) -> None:
    day = Period(year=year, month=month).first_day
    holding = [q for q in range(1, 5) if Period(year=year, quarter=q).contains(day)]
    assert holding == [(month - 1) // 3 + 1]
    assert Period(year=year, month=month) in Period(year=year, quarter=holding[0]).months


@given(strategies.periods(kinds=("month", "quarter", "season", "year")))
def test_the_period_strategy_draws_every_kind_and_each_round_trips(period: Period) -> None:
    assert from_dict(to_dict(period), Period) == period
    assert period.first_day.year == period.year


def test_the_period_strategy_refuses_a_kind_it_does_not_know() -> None:
    with pytest.raises(InvalidArgument, match=r"kinds=.*'week'"):
        strategies.periods(kinds=("week",))


def test_a_month_written_without_its_leading_zero_is_told_to_use_two_digits() -> None:
    with pytest.raises(
        InvalidValueError, match=r"expected a month written with two digits \(YYYY-MM\)"
    ):
        Period.parse("2025-3")


def test_the_period_after_december_a_fourth_quarter_and_a_year_start_the_next_year() -> None:
    assert Period(year=2024, month=12).following() == Period(year=2025, month=1)
    assert Period(year=2024, quarter=4).following() == Period(year=2025, quarter=1)
    assert Period(year=2024, quarter=2).following() == Period(year=2024, quarter=3)
    assert Period(year=2024).following() == Period(year=2025)


def test_a_season_has_no_next_period_and_the_calendars_last_month_has_none_either() -> None:
    spring = Season(name="spring", first_day=date(2025, 2, 1), last_day=date(2025, 5, 31))
    with pytest.raises(InvalidValueError, match="a season has no next period"):
        Period(year=2025, season=spring).following()
    with pytest.raises(InvalidValueError, match="months: expected a number of months that stays"):
        Period(year=2199, month=12).following()


def test_the_what_if_next_month_is_the_periods_next_period() -> None:
    for month in Period(year=2024).months:
        assert next_month(month) == month.following()


@given(st.integers(min_value=1900, max_value=2190), st.integers(1, 12), st.integers(0, 100))
def test_months_later_counts_calendar_months(year: int, month: int, count: int) -> None:
    later = Period(year=year, month=month).months_later(count)
    assert later.month is not None
    assert (later.year * 12 + later.month) - (year * 12 + month) == count
