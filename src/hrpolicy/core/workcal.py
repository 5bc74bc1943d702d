"""Work calendars: which days are workdays, rest days, statutory holidays or make-up
workdays (调休上班).

:class:`WorkCalendar` is the protocol engines accept: one method, :meth:`day_kind`. Two
implementations ship:

- :class:`TableCalendar` — plain data (covered years, holidays, extra rest days, make-up
  workdays, the weekend), buildable from dicts and round-trippable; it raises
  :class:`~hrpolicy.core.errors.NotCoveredError` for a date outside its covered years.
- :class:`ChineseStatutoryCalendar` — an adapter over the ``chinesecalendar`` package
  (``pip install "hrpolicy[cn-calendar]"``) that raises ``NotCoveredError`` for years the
  package has no data for, never guessing. That package marks every day off inside a
  holiday stretch as a holiday, so the adapter reports such days as ``STATUTORY_HOLIDAY``
  unless the package marks them as in-lieu rest days (``REST_DAY``).

The helpers :func:`is_workday`, :func:`next_workday`, :func:`previous_workday`,
:func:`add_workdays` and :func:`count_workdays` work with any calendar.

>>> from datetime import date
>>> cal = TableCalendar(name="demo", first_year=2025, last_year=2025,
...                     holidays=(date(2025, 10, 1),), makeup_workdays=(date(2025, 9, 28),))
>>> cal.day_kind(date(2025, 10, 1)), cal.day_kind(date(2025, 9, 28))
(<DayKind.STATUTORY_HOLIDAY: 'statutory_holiday'>, <DayKind.MAKEUP_WORKDAY: 'makeup_workday'>)
>>> next_workday(cal, date(2025, 10, 1))
datetime.date(2025, 10, 2)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, Final, Protocol, runtime_checkable

import attrs

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    NotCoveredError,
    PolicyDefinitionError,
    check_date,
)
from hrpolicy.core.fields import FIRST_DATE, LAST_DATE, Text, checked, typed_fields

__all__ = [
    "ChineseStatutoryCalendar",
    "DayKind",
    "TableCalendar",
    "WorkCalendar",
    "add_workdays",
    "check_calendar",
    "count_workdays",
    "is_workday",
    "next_workday",
    "previous_workday",
]

_ONE_DAY: Final = timedelta(days=1)
#: A search for the next workday gives up after this many days (no real calendar has a
#: longer run of days off; a longer run means the calendar data is wrong).
_MAX_RUN_OFF: Final = 60
#: The most workdays :func:`add_workdays` counts: no more days lie between the first and
#: the last date the library accepts.
_MAX_WORKDAYS: Final = (LAST_DATE - FIRST_DATE).days
#: A calendar's years: those of the dates the library accepts.
_Year = Annotated[int, IntSpec(min_value=FIRST_DATE.year, max_value=LAST_DATE.year)]
#: A weekday number, Monday = 0.
_Weekday = Annotated[int, IntSpec(min_value=0, max_value=6)]


class DayKind(Choice):
    """What a day is in a work calendar."""

    WORKDAY = "workday"
    REST_DAY = "rest_day"
    STATUTORY_HOLIDAY = "statutory_holiday"
    MAKEUP_WORKDAY = "makeup_workday"

    @property
    def is_work(self) -> bool:
        """Whether people work on a day of this kind."""
        return self in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)


@runtime_checkable
class WorkCalendar(Protocol):
    """Anything that can classify a date. Must raise ``NotCoveredError`` for dates it has
    no data for."""

    def day_kind(self, day: date) -> DayKind:
        """The kind of ``day``."""
        ...


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TableCalendar:
    """A calendar given as data for the years ``first_year`` to ``last_year`` inclusive.

    ``holidays`` are statutory holidays; ``rest_days`` extra days off on weekdays (in-lieu
    rest days); ``makeup_workdays`` weekend days worked; ``weekend`` the weekday numbers of
    the weekly rest days (Monday = 0; default Saturday and Sunday). The years are those of
    the dates the library accepts (1900 to 2199).
    """

    name: Text
    first_year: _Year
    last_year: _Year
    holidays: tuple[date, ...] = ()
    rest_days: tuple[date, ...] = ()
    makeup_workdays: tuple[date, ...] = ()
    weekend: tuple[_Weekday, ...] = (5, 6)
    _kinds: dict[date, DayKind] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.last_year < self.first_year:
            raise PolicyDefinitionError(
                "TableCalendar.last_year",
                f"a year on or after first_year {self.first_year}",
                self.last_year,
            )
        if any(day > 6 for day in self.weekend) or len(set(self.weekend)) != len(self.weekend):
            raise PolicyDefinitionError(
                "TableCalendar.weekend", "distinct weekday numbers 0 (Monday) to 6", self.weekend
            )
        kinds: dict[date, DayKind] = {}
        for field_name, days, kind in (
            ("holidays", self.holidays, DayKind.STATUTORY_HOLIDAY),
            ("rest_days", self.rest_days, DayKind.REST_DAY),
            ("makeup_workdays", self.makeup_workdays, DayKind.MAKEUP_WORKDAY),
        ):
            for index, day in enumerate(days):
                path = f"TableCalendar.{field_name}[{index}]"
                if not self.first_year <= day.year <= self.last_year:
                    raise PolicyDefinitionError(
                        path, f"a date in the covered years {self.first_year}–{self.last_year}", day
                    )
                if day in kinds:
                    raise PolicyDefinitionError(
                        path, f"a date not already listed as {kinds[day].value}", day
                    )
                if kind is DayKind.MAKEUP_WORKDAY and day.weekday() not in self.weekend:
                    raise PolicyDefinitionError(
                        path, "a weekend day (only those can be made up)", day
                    )
                if kind is DayKind.REST_DAY and day.weekday() in self.weekend:
                    raise PolicyDefinitionError(
                        path, "a weekday (weekend days are rest days already)", day
                    )
                kinds[day] = kind
        object.__setattr__(self, "_kinds", kinds)

    def covers(self, day: date) -> bool:
        """Whether the calendar has data for ``day``."""
        return self.first_year <= day.year <= self.last_year

    def day_kind(self, day: date) -> DayKind:
        """The kind of ``day``; ``NotCoveredError`` outside the covered years."""
        check_date(day, "day")
        if not self.covers(day):
            raise NotCoveredError(
                f"TableCalendar({self.name})",
                f"a date in the covered years {self.first_year}–{self.last_year}",
                day,
            )
        kind = self._kinds.get(day)
        if kind is not None:
            return kind
        return DayKind.REST_DAY if day.weekday() in self.weekend else DayKind.WORKDAY


class ChineseStatutoryCalendar:
    """Mainland China's statutory calendar from the ``chinesecalendar`` package.

    Raises :class:`~hrpolicy.core.errors.MissingDependencyError` when the package is not
    installed and :class:`~hrpolicy.core.errors.NotCoveredError` for years outside its data.
    """

    def __init__(self) -> None:
        try:
            import chinese_calendar  # noqa: PLC0415 - optional dependency, loaded on use
        except ImportError:
            raise MissingDependencyError(
                "ChineseStatutoryCalendar",
                'the chinesecalendar package: pip install "hrpolicy[cn-calendar]"',
            ) from None
        self._module: Any = chinese_calendar
        years = [d.year for d in chinese_calendar.holidays]
        self.first_year: int = min(years)
        self.last_year: int = max(years)
        self._workdays: frozenset[date] = frozenset(chinese_calendar.workdays)
        self._in_lieu: frozenset[date] = frozenset(chinese_calendar.in_lieu_days)
        self._holidays: frozenset[date] = frozenset(chinese_calendar.holidays)

    def covers(self, day: date) -> bool:
        """Whether the package has data for ``day``'s year."""
        return self.first_year <= day.year <= self.last_year

    def day_kind(self, day: date) -> DayKind:
        """The kind of ``day``; ``NotCoveredError`` for years without data."""
        check_date(day, "day")
        if not self.covers(day):
            raise NotCoveredError(
                "ChineseStatutoryCalendar",
                f"a date in the years its data covers ({self.first_year}–{self.last_year})",
                day,
            )
        if day in self._workdays:
            return DayKind.MAKEUP_WORKDAY
        if day in self._in_lieu:
            return DayKind.REST_DAY
        if day in self._holidays:
            return DayKind.STATUTORY_HOLIDAY
        return DayKind.REST_DAY if day.weekday() >= 5 else DayKind.WORKDAY

    def to_table(self, first_year: int, last_year: int) -> TableCalendar:
        """A :class:`TableCalendar` snapshot of the given years (plain data, round-trippable)."""
        for name, year in (("first_year", first_year), ("last_year", last_year)):
            if isinstance(year, bool) or not isinstance(year, int):
                raise InvalidTypeError(name, "an int year", year)
            if not self.first_year <= year <= self.last_year:
                raise NotCoveredError(
                    name, f"a year the data covers ({self.first_year}–{self.last_year})", year
                )
        if last_year < first_year:
            raise InvalidValueError("last_year", f"a year on or after {first_year}", last_year)
        days = [
            date.fromordinal(n)
            for n in range(
                date(first_year, 1, 1).toordinal(), date(last_year, 12, 31).toordinal() + 1
            )
        ]
        kinds = [(d, self.day_kind(d)) for d in days]
        return TableCalendar(
            name=f"chinesecalendar {first_year}–{last_year}",
            first_year=first_year,
            last_year=last_year,
            holidays=tuple(d for d, k in kinds if k is DayKind.STATUTORY_HOLIDAY),
            rest_days=tuple(d for d, k in kinds if k is DayKind.REST_DAY and d.weekday() < 5),
            makeup_workdays=tuple(d for d, k in kinds if k is DayKind.MAKEUP_WORKDAY),
        )


def check_calendar(calendar: object, field: str = "calendar") -> None:
    """Refuse anything that is not a :class:`WorkCalendar` for ``field``."""
    if not isinstance(calendar, WorkCalendar):
        raise InvalidTypeError(
            field, "a WorkCalendar (TableCalendar, ChineseStatutoryCalendar…)", calendar
        )


def is_workday(calendar: WorkCalendar, day: date) -> bool:
    """Whether people work on ``day``."""
    return calendar.day_kind(day).is_work


def _step_to_workday(calendar: WorkCalendar, day: date, step: timedelta) -> date:
    current = day
    for _ in range(_MAX_RUN_OFF):
        if calendar.day_kind(current).is_work:
            return current
        current += step
    raise NotCoveredError(
        "calendar", f"a workday within {_MAX_RUN_OFF} days of {day.isoformat()}", current
    )


def next_workday(calendar: WorkCalendar, day: date) -> date:
    """``day`` if it is a workday, else the first workday after it (a due date that falls on
    a day off moves forward)."""
    return _step_to_workday(calendar, day, _ONE_DAY)


def previous_workday(calendar: WorkCalendar, day: date) -> date:
    """``day`` if it is a workday, else the last workday before it (wages due on a holiday
    are paid earlier)."""
    return _step_to_workday(calendar, day, -_ONE_DAY)


def count_workdays(calendar: WorkCalendar, start: date, end: date) -> int:
    """The number of workdays in ``[start, end)``."""
    if end < start:
        raise InvalidValueError("end", f"a date on or after start {start.isoformat()}", end)
    return sum(
        1
        for n in range(start.toordinal(), end.toordinal())
        if calendar.day_kind(date.fromordinal(n)).is_work
    )


def add_workdays(calendar: WorkCalendar, day: date, count: int) -> date:
    """The ``count``-th workday after ``day`` (``count`` from 1 to the days between the first
    and the last date the library accepts), e.g. a deadline of "three working days after
    the event"."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= _MAX_WORKDAYS:
        raise InvalidValueError("count", f"an int from 1 to {_MAX_WORKDAYS}", count)
    current = day
    for _ in range(count):
        current = next_workday(calendar, current + _ONE_DAY)
    return current
