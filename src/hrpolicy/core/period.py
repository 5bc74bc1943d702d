"""A period: a calendar month, a calendar quarter, a named season or a calendar year.

Statements of every engine are for one period; plan years are calendar years.

- **Month** — ``Period(year=2025, month=3)``, written ``2025-03``.
- **Quarter** — ``Period(year=2025, quarter=1)``: January to March, written ``2025-Q1``.
- **Season** — ``Period(year=2025, season=Season(...))``: the explicit date range of a
  named season (a farm-supply sales season, say), written ``2025-<name>``. A season is
  data, never computed: its first and last day are given, and the period's ``year`` is
  the year of its first day (a winter season from November to February belongs to the
  year it starts in).
- **Year** — ``Period(year=2025)``, written ``2025``.

At most one of ``month``, ``quarter`` and ``season`` is given. Months and years are
written, stored and compared exactly as before quarters and seasons existed.

>>> Period(year=2024, month=2).last_day, Period(year=2024).last_day
(datetime.date(2024, 2, 29), datetime.date(2024, 12, 31))
>>> q1 = Period.parse("2025-Q1")
>>> str(q1), q1.kind, [str(m) for m in q1.months]
('2025-Q1', <PeriodKind.QUARTER: 'quarter'>, ['2025-01', '2025-02', '2025-03'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Final

import attrs
from dateutil.relativedelta import relativedelta

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import (
    FIRST_DATE,
    LAST_DATE,
    PositiveInt,
    Text,
    checked,
    require,
    typed_fields,
)
from hrpolicy.core.label import Label, label

__all__ = ["Period", "PeriodKind", "Season"]


class PeriodKind(Choice):
    """What a :class:`Period` spans: a month, a quarter, a named season or a year.

    >>> PeriodKind("quarter").label.zh_CN
    '季度'
    """

    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"

    @property
    def label(self) -> Label:
        """The kind's name in zh_CN and en."""
        return _KIND_LABELS[self]


_KIND_LABELS: Final = {
    PeriodKind.MONTH: label("月", "month"),
    PeriodKind.QUARTER: label("季度", "quarter"),
    PeriodKind.SEASON: label("销售季", "season"),
    PeriodKind.YEAR: label("年", "year"),
}

#: A season name may not read as a month (``03``) or a quarter (``Q1``), nor hold spaces.
_MONTH_OR_QUARTER: Final = re.compile(r"(?i)^(\d.*|q\d.*)$")
_TEXT: Final = re.compile(r"([0-9]{4})(?:-(.+))?")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Season:
    """A named season: an explicit date range (``first_day`` to ``last_day``, inclusive)
    with the company's ``name`` for it (``"spring"``, ``"春耕"``).

    A season is at most a year long (its last day comes before the same day a year after
    its first). The name is how the season's period is written (``2025-spring``): it may
    not hold spaces or read as a month or a quarter (start with a digit, or with ``Q``
    and a digit).

    >>> spring = Season(name="spring", first_day=date(2025, 2, 1), last_day=date(2025, 5, 31))
    >>> spring.contains(date(2025, 3, 8)), spring.contains(date(2025, 6, 1))
    (True, False)
    >>> Season(name="Q2", first_day=date(2025, 4, 1), last_day=date(2025, 6, 30))
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: Season.name: expected a name that does not read
    as a month or a quarter (no leading digit, no 'Q' and a digit) and holds no spaces, got
    str 'Q2'
    """

    name: Text
    first_day: date
    last_day: date

    def __attrs_post_init__(self) -> None:
        require(
            not _MONTH_OR_QUARTER.match(self.name) and not any(c.isspace() for c in self.name),
            "Season.name",
            "a name that does not read as a month or a quarter (no leading digit, no 'Q' and "
            "a digit) and holds no spaces",
            self.name,
        )
        require(
            self.first_day <= self.last_day,
            f"Season({self.name}).last_day",
            f"a day on or after the first day {self.first_day}",
            self.last_day,
        )
        require(
            self.last_day < self.first_day + relativedelta(years=1),
            f"Season({self.name}).last_day",
            f"a day before {self.first_day + relativedelta(years=1)} (a season is at most "
            "a year long)",
            self.last_day,
        )

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the season."""
        return self.first_day <= day <= self.last_day


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields, repr=False)
class Period:
    """A statement period: a calendar month (``month`` 1–12), a calendar quarter
    (``quarter`` 1–4), a named :class:`Season` (``season``), or — with none of them — a
    calendar year. Plan years are calendar years.

    >>> Period(year=2024, month=2).last_day, Period(year=2024).last_day
    (datetime.date(2024, 2, 29), datetime.date(2024, 12, 31))
    >>> q4 = Period(year=2024, quarter=4)
    >>> q4, str(q4), q4.kind
    (Period(year=2024, quarter=4), '2024-Q4', <PeriodKind.QUARTER: 'quarter'>)
    >>> q4.first_day, q4.last_day
    (datetime.date(2024, 10, 1), datetime.date(2024, 12, 31))
    >>> Period(year=2024, month=3, quarter=1)
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: Period.quarter: expected None when a month is
    given (a period is a month, a quarter, a season or a year), got int 1
    """

    year: PositiveInt
    month: Annotated[int, IntSpec(min_value=1, max_value=12)] | None = None
    quarter: Annotated[int, IntSpec(min_value=1, max_value=4)] | None = None
    season: Season | None = None
    # Bounds computed once: statements ask for them for every deal.
    _first: date = attrs.field(init=False, eq=False, repr=False)
    _last: date = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        low, high = FIRST_DATE.year, LAST_DATE.year
        require(low <= self.year <= high, "Period.year", f"a year from {low} to {high}", self.year)
        if self.month is not None:
            require(1 <= self.month <= 12, "Period.month", "a month from 1 to 12", self.month)
        given = [
            (name, value)
            for name, value in (
                ("month", self.month),
                ("quarter", self.quarter),
                ("season", self.season),
            )
            if value is not None
        ]
        if len(given) > 1:
            (first_name, _), (name, value) = given[0], given[1]
            raise InvalidValueError(
                f"Period.{name}",
                f"None when a {first_name} is given (a period is a month, a quarter, a "
                "season or a year)",
                value,
            )
        if self.season is not None:
            require(
                self.season.first_day.year == self.year,
                "Period.year",
                f"the year season {self.season.name!r} starts in "
                f"({self.season.first_day.year}: a season belongs to the year of its first "
                "day)",
                self.year,
            )
            first, last = self.season.first_day, self.season.last_day
        else:
            if self.month is not None:
                first, length = date(self.year, self.month, 1), relativedelta(months=1)
            elif self.quarter is not None:
                first = date(self.year, 3 * self.quarter - 2, 1)
                length = relativedelta(months=3)
            else:
                first, length = date(self.year, 1, 1), relativedelta(years=1)
            last = first + length - relativedelta(days=1)
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_last", last)

    @classmethod
    def parse(
        cls, text: object, *, seasons: Iterable[Season] = (), field: str = "period"
    ) -> Period:
        """The period ``text`` writes, as :class:`str` of a period writes it.

        Args:
            text: ``"2025-03"`` (a month), ``"2025-Q1"`` (a quarter; ``q1`` also reads),
                ``"2025"`` (a year) or ``"2025-<season name>"`` (a season of ``seasons``).
            seasons: the seasons a season's name is looked up in: the one with that name
                whose first day falls in the year written.
            field: the name errors give the text (``"period"``).

        Returns:
            The :class:`Period`.

        Raises:
            InvalidTypeError: ``text`` is not a ``str``, or ``seasons`` holds something
                other than :class:`Season` objects.
            InvalidValueError: ``text`` is not one of those forms, names a month or
                quarter that does not exist, or names a season ``seasons`` lacks.

        >>> Period.parse("2024-03"), Period.parse("2024"), str(Period.parse("2024-q3"))
        (Period(year=2024, month=3), Period(year=2024), '2024-Q3')
        >>> spring = Season(name="spring", first_day=date(2025, 2, 1),
        ...                 last_day=date(2025, 5, 31))
        >>> Period.parse("2025-spring", seasons=[spring]).last_day
        datetime.date(2025, 5, 31)
        >>> Period.parse("2025-summer", seasons=[spring])
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: period: expected a season starting in 2025 of
        those given (spring), got str '2025-summer'
        >>> Period.parse("2025-13")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: period: expected a month from 01 to 12, got
        str '2025-13'
        """
        if not isinstance(text, str):
            raise InvalidTypeError(field, "period text (2025-03, 2025-Q1, 2025)", text)
        known = tuple(seasons)
        for index, season in enumerate(known):
            if not isinstance(season, Season):
                raise InvalidTypeError(f"seasons[{index}]", "a Season", season)
        match = _TEXT.fullmatch(text)
        if match is None:
            raise InvalidValueError(
                field,
                "period text: YYYY-MM (a month), YYYY-Qn (a quarter), YYYY (a year) or "
                "YYYY-<season name>",
                text,
            )
        year, rest = int(match.group(1)), match.group(2)
        if rest is None:
            return cls(year=year)
        if re.fullmatch(r"[0-9]{2}", rest):
            if not 1 <= int(rest) <= 12:
                raise InvalidValueError(field, "a month from 01 to 12", text)
            return cls(year=year, month=int(rest))
        if re.fullmatch(r"[Qq][0-9]", rest):
            if not 1 <= int(rest[1]) <= 4:
                raise InvalidValueError(field, "a quarter from Q1 to Q4", text)
            return cls(year=year, quarter=int(rest[1]))
        for season in known:
            if season.name == rest and season.first_day.year == year:
                return cls(year=year, season=season)
        if rest.isdigit():
            raise InvalidValueError(field, "a month written with two digits (YYYY-MM)", text)
        names = ", ".join(dict.fromkeys(s.name for s in known if s.first_day.year == year))
        raise InvalidValueError(
            field,
            f"a season starting in {year} of those given ({names or 'none'})",
            text,
        )

    @property
    def kind(self) -> PeriodKind:
        """What the period spans: a month, a quarter, a season or a year."""
        if self.month is not None:
            return PeriodKind.MONTH
        if self.quarter is not None:
            return PeriodKind.QUARTER
        if self.season is not None:
            return PeriodKind.SEASON
        return PeriodKind.YEAR

    @property
    def is_year(self) -> bool:
        """Whether the period is a whole calendar year."""
        return self.month is None and self.quarter is None and self.season is None

    @property
    def is_month(self) -> bool:
        """Whether the period is a calendar month."""
        return self.month is not None

    @property
    def first_day(self) -> date:
        """The first day of the period."""
        return self._first

    @property
    def last_day(self) -> date:
        """The last day of the period (inclusive)."""
        return self._last

    @property
    def opens_year(self) -> bool:
        """Whether the period begins on the 1st of January of its year (January, the first
        quarter, the year itself, or a season starting on New Year's day)."""
        return self._first == date(self.year, 1, 1)

    @property
    def months(self) -> tuple[Period, ...]:
        """The calendar months of the period, in order: a month gives itself, a quarter
        its three months, a year its twelve, a season every month it touches (the first
        and the last possibly only in part: compare with :attr:`first_day` and
        :attr:`last_day`).

        >>> [str(m) for m in Period(year=2024, quarter=2).months]
        ['2024-04', '2024-05', '2024-06']
        >>> winter = Season(name="winter", first_day=date(2024, 11, 15),
        ...                 last_day=date(2025, 2, 10))
        >>> [str(m) for m in Period(year=2024, season=winter).months]
        ['2024-11', '2024-12', '2025-01', '2025-02']
        """
        if self.month is not None:
            return (self,)
        found: list[Period] = []
        day = date(self._first.year, self._first.month, 1)
        while day <= self._last:
            found.append(Period(year=day.year, month=day.month))
            day += relativedelta(months=1)
        return tuple(found)

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.first_day <= day <= self.last_day

    def following(self) -> Period:
        """The period right after this one, of the same kind: the next month, quarter or
        year — the one rule every engine uses for "the next period".

        Returns:
            The next :class:`Period` of the same kind.

        Raises:
            InvalidValueError: the period is a season (seasons are explicit date ranges,
                so a season has no next period of its own), or the next period lies past
                the calendar's last year.

        >>> [str(Period.parse(p).following()) for p in ["2024-12", "2024-Q4", "2024"]]
        ['2025-01', '2025-Q1', '2025']
        """
        return self.months_later(1) if self.is_month else _following(self)

    def months_later(self, count: int) -> Period:
        """The month ``count`` months after this month (``count`` may be 0).

        Args:
            count: how many months later, 0 or more.

        Returns:
            The month :class:`Period`.

        Raises:
            InvalidTypeError: ``count`` is not an ``int``.
            InvalidValueError: the period is not a month, ``count`` is negative, or the
                month it gives lies past the calendar's last year (the path is
                ``months``).

        >>> str(Period(year=2024, month=11).months_later(3))
        '2025-02'
        >>> Period(year=2199, month=1).months_later(12)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: months: expected a number of months that
        stays within the calendar (to 2199-12 from 2199-01), got int 12
        """
        if isinstance(count, bool) or not isinstance(count, int):
            raise InvalidTypeError("months", "an int", count)
        require(self.is_month, "period", "a month", str(self))
        require(count >= 0, "months", "0 or more months", count)
        assert self.month is not None
        index = self.year * 12 + self.month - 1 + count
        year, month = divmod(index, 12)
        if year > LAST_DATE.year:
            raise InvalidValueError(
                "months",
                f"a number of months that stays within the calendar (to {LAST_DATE.year}-12 "
                f"from {self})",
                count,
            )
        return Period(year=year, month=month + 1)

    def __str__(self) -> str:
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year}-Q{self.quarter}"
        if self.season is not None:
            return f"{self.year}-{self.season.name}"
        return str(self.year)

    def __repr__(self) -> str:
        given = [f"year={self.year!r}"]
        for name in ("month", "quarter", "season"):
            value = getattr(self, name)
            if value is not None:
                given.append(f"{name}={value!r}")
        return f"Period({', '.join(given)})"


def _following(period: Period) -> Period:
    """The quarter or year after ``period`` (a season is refused)."""
    if period.season is not None:
        raise InvalidValueError(
            "period", "a month, a quarter or a year (a season has no next period)", str(period)
        )
    if period.year >= LAST_DATE.year and (period.quarter is None or period.quarter == 4):
        raise InvalidValueError(
            "period", f"a period before the calendar's last one ({LAST_DATE.year})", str(period)
        )
    if period.quarter is not None:
        if period.quarter == 4:
            return Period(year=period.year + 1, quarter=1)
        return Period(year=period.year, quarter=period.quarter + 1)
    return Period(year=period.year + 1)
