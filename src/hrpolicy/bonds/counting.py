"""Time and money as the bond engine counts them, in integers.

:func:`measure` is :func:`hrpolicy.core.span.measure` and :func:`fen` is
:func:`hrpolicy.core.money.round_money` for the arguments the engine passes them, worked
out in whole numbers: a monthly anniversary by year and month arithmetic with the same
month-end clipping (31 January + 1 month = 28 or 29 February) instead of a
``relativedelta``, and rounding half up to the fen by integer division instead of
``Fraction`` arithmetic. The rules stay those of :mod:`hrpolicy.core.span` and
:mod:`hrpolicy.core.money`: whatever these do not cover (an end before the start, a date
past the calendar, a number beyond the money limits) goes to the originals, which refuse
it with their typed errors.

>>> from datetime import date
>>> months_after(date(2011, 1, 31), 1), months_after(date(2012, 2, 29), 12)
(datetime.date(2011, 2, 28), datetime.date(2013, 2, 28))
>>> measure(date(2019, 3, 1), date(2019, 12, 27), TimeUnit.MONTHS, Rounding.NEAREST).value
Fraction(10, 1)
>>> fen(Fraction(11000, 6)), fen(Fraction(-1, 200))
(Decimal('1833.33'), Decimal('-0.01'))
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Final

from hrpolicy.core import span
from hrpolicy.core.money import EXACT, ZERO, round_money
from hrpolicy.core.span import Rounding, Span, TimeUnit

__all__ = ["end_after", "fen", "measure", "months_after", "years_after"]

_HALF_MONTH_DAYS: Final = 15  # as in hrpolicy.core.span
_HALF_YEAR_MONTHS: Final = 6
_LIMIT: Final = 10**18  # round_money's bound on the numbers it rounds
_ZERO_UNITS: Final = Fraction(0)


def months_after(start: date, months: int) -> date:
    """``start`` plus ``months`` months (``months`` ≥ 0), a day the month lacks clipped to
    its last day: ``start + relativedelta(months=months)``.

    Raises:
        ValueError: the date would be past the year 9999.
    """
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    day = start.day
    if day > 28:
        day = min(day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def years_after(start: date, years: int) -> date:
    """:func:`hrpolicy.core.span.add_units` of ``years`` years: the same date (29 February
    to 28 February in a common year); a date past the calendar is left to ``add_units``
    to refuse."""
    try:
        return months_after(start, 12 * years)
    except (OverflowError, ValueError):
        return span.add_units(start, TimeUnit.YEARS, years)


def end_after(start: date, years: int, months: int, days: int) -> date:
    """The exclusive end of ``years`` years, ``months`` months and ``days`` days from
    ``start``: ``start + relativedelta(years=years, months=months, days=days)`` (the
    months first, clipped to the month's end, then the days).

    Raises:
        ValueError, OverflowError: the date would be past the year 9999.
    """
    return months_after(start, 12 * years + months) + timedelta(days=days)


def _after(start: date, unit: TimeUnit, count: int) -> date:
    return months_after(start, count if unit is TimeUnit.MONTHS else 12 * count)


def measure(start: date, end: date, unit: TimeUnit, rounding: Rounding) -> Span:
    """:func:`hrpolicy.core.span.measure` of ``[start, end)``: the same :class:`Span`.

    An end before the start, or an anniversary past the calendar, is left to
    :func:`~hrpolicy.core.span.measure` to refuse.
    """
    if end < start or not isinstance(unit, TimeUnit) or not isinstance(rounding, Rounding):
        return span.measure(start, end, unit, rounding)
    if unit is TimeUnit.DAYS:
        days = (end - start).days
        return Span(start, end, unit, rounding, days, 0, _ZERO_UNITS, Fraction(days))
    try:
        months = (end.year - start.year) * 12 + (end.month - start.month)
        whole = months if unit is TimeUnit.MONTHS else months // 12
        # The calendar difference can overshoot by one when end's day-of-month is earlier.
        while whole > 0 and _after(start, unit, whole) > end:
            whole -= 1
        while _after(start, unit, whole + 1) <= end:
            whole += 1
        whole = max(whole, 0)
        anniversary = _after(start, unit, whole)
        following = _after(start, unit, whole + 1)
        halfway = (
            months_after(anniversary, _HALF_YEAR_MONTHS)
            if unit is TimeUnit.YEARS and rounding is Rounding.NEAREST
            else None
        )
    except (OverflowError, ValueError):
        return span.measure(start, end, unit, rounding)
    remainder_days = (end - anniversary).days
    partial = Fraction(remainder_days, (following - anniversary).days)
    if remainder_days == 0 or rounding is Rounding.FLOOR:
        value = Fraction(whole)
    elif rounding is Rounding.CEIL:
        value = Fraction(whole + 1)
    elif rounding is Rounding.EXACT:
        value = whole + partial
    elif halfway is None:
        value = Fraction(whole + (1 if remainder_days >= _HALF_MONTH_DAYS else 0))
    else:
        value = Fraction(whole + (1 if end >= halfway else 0))
    return Span(start, end, unit, rounding, whole, remainder_days, partial, value)


def fen(value: Fraction) -> Decimal:
    """:func:`hrpolicy.core.money.round_money` of an exact ``value``: half up (away from
    zero) to 0.01, the same ``Decimal``; a value beyond the money limits is left to
    :func:`~hrpolicy.core.money.round_money` to refuse."""
    numerator, denominator = value.numerator, value.denominator
    if not -_LIMIT * denominator < numerator < _LIMIT * denominator:
        return round_money(value)
    # floor(|x| × 100 + 1/2) = floor((200 |n| + d) / 2d) for x = n / d.
    cents = (200 * abs(numerator) + denominator) // (2 * denominator)
    if cents == 0:
        return ZERO
    return Decimal(-cents if numerator < 0 else cents).scaleb(-2, context=EXACT)
