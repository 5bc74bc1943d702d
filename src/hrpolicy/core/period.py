"""A pay period: a calendar month or a calendar year.

Statements of every engine are for one period; plan years are calendar years.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import attrs
from dateutil.relativedelta import relativedelta

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.fields import (
    FIRST_DATE,
    LAST_DATE,
    PositiveInt,
    checked,
    require,
    typed_fields,
)

__all__ = ["Period"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Period:
    """A statement period: a calendar month (``month`` 1–12) or, with ``month=None``, a
    calendar year. Plan years are calendar years.

    >>> Period(year=2024, month=2).last_day, Period(year=2024).last_day
    (datetime.date(2024, 2, 29), datetime.date(2024, 12, 31))
    """

    year: PositiveInt
    month: Annotated[int, IntSpec(min_value=1, max_value=12)] | None = None
    # Bounds computed once: statements ask for them for every deal.
    _first: date = attrs.field(init=False, eq=False, repr=False)
    _last: date = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        low, high = FIRST_DATE.year, LAST_DATE.year
        require(low <= self.year <= high, "Period.year", f"a year from {low} to {high}", self.year)
        if self.month is not None:
            require(1 <= self.month <= 12, "Period.month", "a month from 1 to 12", self.month)
        first = date(self.year, self.month or 1, 1)
        length = relativedelta(months=1) if self.month else relativedelta(years=1)
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_last", first + length - relativedelta(days=1))

    @property
    def is_year(self) -> bool:
        """Whether the period is a whole calendar year."""
        return self.month is None

    @property
    def first_day(self) -> date:
        """The first day of the period."""
        return self._first

    @property
    def last_day(self) -> date:
        """The last day of the period (inclusive)."""
        return self._last

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return str(self.year) if self.month is None else f"{self.year}-{self.month:02d}"
