"""Measuring the time between two dates in years, months or days.

One measurement serves every engine: time served under a training bond, the age of a
receivable, the lateness of a report. Its semantics are fixed here and nowhere else.

**Intervals are half-open.** ``measure(start, end)`` measures ``[start, end)``: ``start``
counts, ``end`` does not. To measure up to and including a last day, pass the day after it
(:func:`through` does that).

**Anniversaries.** The *n*-th monthly anniversary of ``start`` is ``start`` plus *n* months
counted from ``start`` itself (never by chaining), as
:class:`dateutil.relativedelta.relativedelta` adds them (:func:`shift_months` does it in
year and month arithmetic, property-tested equal), so a day that a month lacks is clipped
to that month's last day: the first
monthly anniversary of 31 January is 28 (or 29) February, the second is 31 March. Yearly
anniversaries work the same way (29 February → 28 February in common years).

**Whole units** are the number of anniversaries reached on or before ``end``. **The partial
unit** is what is left between the last anniversary reached and ``end``; its length as a
fraction is measured in days against the unit it falls in (the days between that
anniversary and the next one).

**Rounding a partial unit** is an explicit :class:`Rounding`:

- ``NEAREST`` — a partial unit counts as whole once it reaches half a unit, where half a
  month is **15 days** and half a year is **6 months** (the arithmetic published courts
  use: 9 months 26 days counts as 10 months, 11 months 11 days as 11, 3 years 7 months as
  4 years). It is the default for service.
- ``FLOOR`` — only whole units count.
- ``CEIL`` — any partial unit counts as whole.
- ``EXACT`` — whole units plus the exact fraction of the partial unit.

Days are always whole, so rounding does not apply to them.

>>> from datetime import date
>>> s = measure(date(2019, 3, 1), date(2019, 12, 27), TimeUnit.MONTHS)
>>> s.whole, s.remainder_days, s.value
(9, 26, Fraction(10, 1))
>>> measure(date(2011, 1, 31), date(2011, 2, 28), TimeUnit.MONTHS).whole
1
>>> measure(date(2010, 11, 8), date(2013, 11, 8), TimeUnit.MONTHS).value
Fraction(36, 1)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, check_date
from hrpolicy.core.fields import enum_argument
from hrpolicy.core.money import ZERO_EXACT, exact_ratio, format_exact

__all__ = [
    "Rounding",
    "Span",
    "TimeUnit",
    "add_units",
    "measure",
    "measure_checked",
    "shift_months",
    "through",
]

_HALF_MONTH_DAYS: Final = 15
_HALF_YEAR_MONTHS: Final = 6
_ONE_DAY: Final = timedelta(days=1)


class TimeUnit(Choice):
    """The unit time is counted in."""

    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


class Rounding(Choice):
    """What to do with a partial unit. See the module documentation for the exact rules."""

    NEAREST = "nearest"
    FLOOR = "floor"
    CEIL = "ceil"
    EXACT = "exact"


def shift_months(start: date, months: int) -> date:
    """``start`` plus ``months`` months (any sign), a day the month lacks clipped to its last
    day — what ``start + relativedelta(months=months)`` gives, in year and month arithmetic.
    The arguments are not checked (see :func:`add_units`).

    >>> shift_months(date(2011, 1, 31), 1), shift_months(date(2012, 2, 29), 12)
    (datetime.date(2011, 2, 28), datetime.date(2013, 2, 28))

    Raises:
        ValueError: the date would fall outside the years 1 to 9999.
    """
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    day = start.day
    if day > 28:
        day = min(day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _shift(start: date, unit: TimeUnit, count: int) -> date:
    """:func:`add_units` for arguments already checked."""
    try:
        if unit is TimeUnit.DAYS:
            return start + timedelta(days=count)
        return shift_months(start, count if unit is TimeUnit.MONTHS else 12 * count)
    except (OverflowError, ValueError):
        raise InvalidValueError("count", "a count that stays within the calendar", count) from None


def add_units(start: date, unit: TimeUnit | str, count: int) -> date:
    """The date ``count`` units after ``start``, with month-end clipping.

    >>> add_units(date(2012, 2, 29), TimeUnit.YEARS, 1)
    datetime.date(2013, 2, 28)
    >>> add_units(date(2011, 1, 31), TimeUnit.MONTHS, 1)
    datetime.date(2011, 2, 28)
    """
    check_date(start, "start")
    unit = enum_argument(unit, TimeUnit, "unit")
    if isinstance(count, bool) or not isinstance(count, int):
        raise InvalidTypeError("count", "an int", count)
    return _shift(start, unit, count)


def through(last_day: date) -> date:
    """The exclusive end of a period whose last day is ``last_day`` (the day after it)."""
    return last_day + _ONE_DAY


@attrs.frozen
class Span:
    """The result of :func:`measure`: what was counted and how it was rounded.

    ``whole`` whole units; ``remainder_days`` days of the partial unit; ``partial`` the
    partial unit as an exact fraction of the unit it falls in; ``value`` the measure after
    ``rounding`` (an exact rational: a whole number unless the rounding is ``EXACT``).
    """

    start: date
    end: date
    unit: TimeUnit
    rounding: Rounding
    whole: int
    remainder_days: int
    partial: Fraction
    value: Fraction

    @property
    def exact_value(self) -> Fraction:
        """Whole units plus the exact partial unit, whatever the rounding."""
        return self.whole + self.partial

    def describe(self) -> str:
        """Plain description, e.g. ``'25 months 10 days → 25 months (nearest)'``."""
        unit = self.unit.value
        if self.unit is TimeUnit.DAYS:
            return f"{self.whole} days"
        shown = f"{self.whole} {unit}"
        if self.remainder_days:
            shown += f" {self.remainder_days} days"
        return f"{shown} → {format_exact(self.value)} {unit} ({self.rounding.value})"


def measure(
    start: date,
    end: date,
    unit: TimeUnit | str,
    rounding: Rounding | str = Rounding.NEAREST,
) -> Span:
    """Measure ``[start, end)`` in ``unit``, rounding a partial unit as ``rounding`` says.

    ``end`` before ``start`` is an error; ``end == start`` measures zero.

    >>> measure(date(2020, 1, 1), date(2023, 8, 1), TimeUnit.YEARS).value
    Fraction(4, 1)
    >>> measure(date(2020, 1, 1), date(2020, 12, 12), TimeUnit.MONTHS, Rounding.FLOOR).value
    Fraction(11, 1)
    >>> measure(date(2020, 1, 1), date(2020, 1, 17), TimeUnit.MONTHS, Rounding.EXACT).value
    Fraction(16, 31)
    >>> measure(date(2020, 1, 2), date(2020, 1, 1), TimeUnit.DAYS)
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: end: expected a date on or after start 2020-01-02...
    """
    check_date(start, "start")
    check_date(end, "end")
    unit = enum_argument(unit, TimeUnit, "unit")
    rounding = enum_argument(rounding, Rounding, "rounding")
    return measure_checked(start, end, unit, rounding)


def measure_checked(start: date, end: date, unit: TimeUnit, rounding: Rounding) -> Span:
    """:func:`measure` for arguments an engine has already checked (dates, a
    :class:`TimeUnit` and a :class:`Rounding`): the same :class:`Span` and the same errors
    for an end before the start or an anniversary past the calendar."""
    if end < start:
        raise InvalidValueError("end", f"a date on or after start {start.isoformat()}", end)

    if unit is TimeUnit.DAYS:
        days = (end - start).days
        return Span(start, end, unit, rounding, days, 0, ZERO_EXACT, exact_ratio(days, 1))

    whole, anniversary, following = _whole_units(start, end, unit)
    remainder_days = (end - anniversary).days
    partial = exact_ratio(remainder_days, (following - anniversary).days)

    if remainder_days == 0 or rounding is Rounding.FLOOR:
        counted = whole
    elif rounding is Rounding.CEIL:
        counted = whole + 1
    elif rounding is Rounding.EXACT:
        counted = None
    elif unit is TimeUnit.MONTHS:
        counted = whole + (1 if remainder_days >= _HALF_MONTH_DAYS else 0)
    else:
        halfway = _shift(anniversary, TimeUnit.MONTHS, _HALF_YEAR_MONTHS)
        counted = whole + (1 if end >= halfway else 0)
    value = whole + partial if counted is None else exact_ratio(counted, 1)
    return Span(start, end, unit, rounding, whole, remainder_days, partial, value)


def _whole_units(start: date, end: date, unit: TimeUnit) -> tuple[int, date, date]:
    """The whole units from ``start`` to ``end`` (``end`` not before ``start``), the last
    anniversary on or before ``end`` and the one after it."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    guess = max(months if unit is TimeUnit.MONTHS else months // 12, 0)
    anniversary = _shift(start, unit, guess)
    # The calendar difference can overshoot by one when end's day-of-month is earlier.
    while guess > 0 and anniversary > end:
        guess -= 1
        anniversary = _shift(start, unit, guess)
    following = _shift(start, unit, guess + 1)
    while following <= end:
        guess += 1
        anniversary, following = following, _shift(start, unit, guess + 1)
    return guess, anniversary, following
