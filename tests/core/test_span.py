"""Measuring time between dates: half-open intervals, anniversaries with month-end
clipping, and an explicit rounding of the partial unit."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core import (
    InvalidTypeError,
    InvalidValueError,
    Rounding,
    TimeUnit,
    add_units,
    measure,
    through,
)

_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


def test_the_interval_is_half_open() -> None:
    assert measure(date(2020, 1, 1), date(2020, 2, 1), TimeUnit.MONTHS).value == 1
    assert measure(date(2020, 1, 1), through(date(2020, 1, 31)), TimeUnit.MONTHS).value == 1
    assert measure(date(2020, 1, 1), date(2020, 1, 1), TimeUnit.DAYS).value == 0


def test_a_month_from_the_thirty_first_of_january_ends_on_the_last_day_of_february() -> None:
    assert add_units(date(2011, 1, 31), TimeUnit.MONTHS, 1) == date(2011, 2, 28)
    assert add_units(date(2012, 1, 31), TimeUnit.MONTHS, 1) == date(2012, 2, 29)
    assert add_units(date(2011, 1, 31), TimeUnit.MONTHS, 2) == date(2011, 3, 31)
    span = measure(date(2011, 1, 31), date(2011, 2, 28), TimeUnit.MONTHS)
    assert (span.whole, span.remainder_days) == (1, 0)


def test_a_year_from_the_twenty_ninth_of_february_ends_on_the_twenty_eighth() -> None:
    assert add_units(date(2012, 2, 29), TimeUnit.YEARS, 1) == date(2013, 2, 28)
    assert measure(date(2012, 2, 29), date(2016, 2, 29), TimeUnit.YEARS).whole == 4


@pytest.mark.parametrize(
    ("end", "rounding", "value"),
    [
        (date(2020, 2, 15), Rounding.NEAREST, Fraction(1)),  # 1 month 14 days
        (date(2020, 2, 16), Rounding.NEAREST, Fraction(2)),  # 1 month 15 days
        (date(2020, 2, 16), Rounding.FLOOR, Fraction(1)),
        (date(2020, 2, 2), Rounding.CEIL, Fraction(2)),
        (date(2020, 2, 16), Rounding.EXACT, 1 + Fraction(15, 29)),  # February 2020 has 29 days
    ],
)
def test_a_partial_month_is_rounded_as_asked(
    end: date, rounding: Rounding, value: Fraction
) -> None:
    assert measure(date(2020, 1, 1), end, TimeUnit.MONTHS, rounding).value == value


def test_half_a_year_is_six_months() -> None:
    start = date(2020, 1, 1)
    assert measure(start, date(2023, 7, 1), TimeUnit.YEARS).value == 4
    assert measure(start, date(2023, 6, 30), TimeUnit.YEARS).value == 3


def test_days_are_always_whole() -> None:
    span = measure(date(2020, 1, 1), date(2020, 3, 1), TimeUnit.DAYS, Rounding.CEIL)
    assert span.value == 60
    assert span.describe() == "60 days"


def test_a_span_describes_itself() -> None:
    span = measure(date(2010, 11, 6), date(2012, 12, 8), TimeUnit.MONTHS)
    assert span.describe() == "25 months 2 days → 25 months (nearest)"


def test_an_end_before_the_start_is_an_error() -> None:
    with pytest.raises(InvalidValueError, match="end: expected a date on or after start"):
        measure(date(2020, 1, 2), date(2020, 1, 1), TimeUnit.DAYS)


def test_datetimes_are_not_dates_here() -> None:
    with pytest.raises(InvalidTypeError):
        measure(datetime(2020, 1, 1), date(2020, 2, 1), TimeUnit.DAYS)


def test_a_unit_and_a_rounding_given_as_text_are_read_as_their_values() -> None:
    span = measure(date(2020, 1, 1), date(2020, 2, 20), "months", "floor")
    assert span.unit is TimeUnit.MONTHS
    assert span.value == 1
    assert add_units(date(2020, 1, 31), "months", 1) == date(2020, 2, 29)


def test_a_unit_that_is_not_one_of_the_units_is_refused_listing_them() -> None:
    with pytest.raises(InvalidValueError, match="unit: expected one of 'days', 'months', 'years'"):
        measure(date(2020, 1, 1), date(2020, 2, 1), "weeks")


@given(
    _dates,
    st.integers(0, 4000),
    st.integers(0, 400),
    st.sampled_from(list(TimeUnit)),
    st.sampled_from(list(Rounding)),
)
def test_the_measure_never_falls_as_the_end_moves_later(
    start: date, length: int, extra: int, unit: TimeUnit, rounding: Rounding
) -> None:
    end = start + timedelta(days=length)
    later = end + timedelta(days=extra)
    assert measure(start, end, unit, rounding).value <= measure(start, later, unit, rounding).value


@given(_dates, st.integers(0, 4000), st.sampled_from([TimeUnit.MONTHS, TimeUnit.YEARS]))
def test_rounded_values_lie_between_floor_and_ceil_and_exact_is_consistent(
    start: date, length: int, unit: TimeUnit
) -> None:
    end = start + timedelta(days=length)
    floor = measure(start, end, unit, Rounding.FLOOR).value
    ceil = measure(start, end, unit, Rounding.CEIL).value
    exact = measure(start, end, unit, Rounding.EXACT)
    nearest = measure(start, end, unit, Rounding.NEAREST).value
    assert floor <= exact.value <= ceil
    assert floor <= nearest <= ceil
    assert ceil - floor in (0, 1)
    assert exact.value == exact.whole + exact.partial
    assert 0 <= exact.partial < 1
    assert add_units(start, unit, exact.whole) <= end < add_units(start, unit, exact.whole + 1)


@given(_dates, st.integers(0, 1200))
def test_whole_months_are_the_anniversaries_reached(start: date, months: int) -> None:
    end = add_units(start, TimeUnit.MONTHS, months)
    span = measure(start, end, TimeUnit.MONTHS, Rounding.EXACT)
    # Clipping can make two anniversaries fall on the same day (Jan 31 → Feb 28 and
    # Jan 28 → Feb 28); the measure counts the most reached.
    assert span.whole >= months
    assert span.remainder_days == 0 or span.whole == months


def test_adding_units_checks_its_arguments() -> None:
    with pytest.raises(InvalidValueError, match="unit: expected one of 'days', 'months'"):
        add_units(date(2020, 1, 31), "month", 1)
    with pytest.raises(InvalidTypeError, match="count: expected an int"):
        add_units(date(2020, 1, 31), TimeUnit.MONTHS, 1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="within the calendar"):
        add_units(date(2020, 1, 31), TimeUnit.YEARS, 9000)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(-1200, 1200),
)
def test_adding_months_or_years_lands_where_relativedelta_lands(start: date, count: int) -> None:
    assert add_units(start, TimeUnit.MONTHS, count) == start + relativedelta(months=count)
    assert add_units(start, TimeUnit.YEARS, count // 12) == start + relativedelta(years=count // 12)


def test_adding_months_past_the_calendar_is_refused_as_a_count() -> None:
    with pytest.raises(InvalidValueError, match=r"^count: expected a count that stays within"):
        add_units(date(9999, 12, 31), TimeUnit.MONTHS, 1)
    with pytest.raises(InvalidValueError, match=r"^count: expected a count that stays within"):
        add_units(date(1, 1, 31), TimeUnit.MONTHS, -1)
