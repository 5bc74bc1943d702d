"""Time and money as the bond engine counts them, for arguments it has already checked.

:func:`measure` is :func:`hrpolicy.core.span.measure` without its argument checks
(:func:`~hrpolicy.core.span.measure_checked`), and :func:`fen` is
:func:`hrpolicy.core.money.round_money`; the dates a bond's length and the statutory
years reach are counted with :func:`~hrpolicy.core.span.shift_months`, the year and month
arithmetic ``relativedelta`` does (31 January + 1 month = 28 or 29 February). Their rules,
and their typed errors, are those of :mod:`hrpolicy.core.span` and
:mod:`hrpolicy.core.money`.

>>> from datetime import date
>>> from fractions import Fraction
>>> from hrpolicy.core.span import Rounding
>>> months_after(date(2011, 1, 31), 1), months_after(date(2012, 2, 29), 12)
(datetime.date(2011, 2, 28), datetime.date(2013, 2, 28))
>>> measure(date(2019, 3, 1), date(2019, 12, 27), TimeUnit.MONTHS, Rounding.NEAREST).value
Fraction(10, 1)
>>> fen(Fraction(11000, 6)), fen(Fraction(-1, 200))
(Decimal('1833.33'), Decimal('-0.01'))
"""

from __future__ import annotations

from datetime import date, timedelta

from hrpolicy.core import span
from hrpolicy.core.money import round_money
from hrpolicy.core.span import TimeUnit, measure_checked, shift_months

__all__ = ["end_after", "fen", "measure", "months_after", "years_after"]

#: ``start`` plus a number of months (``relativedelta(months=...)``).
months_after = shift_months
#: What a statement pays, rounded half up to the fen.
fen = round_money
#: A span of time served, for dates, a unit and a rounding already checked.
measure = measure_checked


def years_after(start: date, years: int) -> date:
    """:func:`hrpolicy.core.span.add_units` of ``years`` years: the same date (29 February
    to 28 February in a common year), and the same error past the calendar."""
    return span.add_units(start, TimeUnit.YEARS, years)


def end_after(start: date, years: int, months: int, days: int) -> date:
    """The exclusive end of ``years`` years, ``months`` months and ``days`` days from
    ``start``: ``start + relativedelta(years=years, months=months, days=days)`` (the
    months first, clipped to the month's end, then the days).

    Raises:
        ValueError, OverflowError: the date would be past the year 9999.
    """
    return shift_months(start, 12 * years + months) + timedelta(days=days)
