"""Work calendars: which days are workdays, rest days, statutory holidays or make-up
workdays (调休上班).

:class:`WorkCalendar` is the protocol engines accept: one method, :meth:`day_kind`. These
implementations ship:

- :class:`TableCalendar` — plain data (covered years, holidays, extra rest days, make-up
  workdays, the weekend), buildable from dicts and round-trippable; it raises
  :class:`~hrpolicy.core.errors.NotCoveredError` for a date outside its covered years.
- :class:`ChineseStatutoryCalendar` — an adapter over the ``chinesecalendar`` package
  (``pip install "hrpolicy[cn-calendar]"``) that raises ``NotCoveredError`` for years the
  package has no data for, never guessing. The adapter reports the days the package lists
  as holidays as ``STATUTORY_HOLIDAY`` unless the package marks them as in-lieu rest days
  (``REST_DAY``); the package lists most weekend days inside a holiday's days off as
  holidays, but leaves out the weekend it joins to a holiday in some years (8–9 June
  2024), which are then ordinary ``REST_DAY`` s.
- :class:`StatutoryCalendar` — that calendar named as data (``{"kind":
  "chinese_statutory"}``), the package loaded when a day is first asked for.
- :class:`LayeredCalendar` — tables laid over a base calendar (a year the State Council
  has announced, written as a :class:`TableCalendar` with its ``source``, over the
  statutory data): the first layer covering a date answers, and a date none covers is
  ``NotCoveredError`` naming the years each covers.

The helpers :func:`is_workday`, :func:`next_workday`, :func:`previous_workday`,
:func:`add_workdays` and :func:`count_workdays` work with any calendar.

Days off carry the holiday they belong to (:class:`Holiday`): a calendar may name them
with a ``holiday(day)`` method (:class:`HolidayNaming`). The statutory adapter takes the
names from the ``chinesecalendar`` data; a :class:`TableCalendar` names them as data
(:class:`NamedHoliday` ranges). :func:`holiday_of` asks any calendar, and
:func:`holiday_stretch` finds the first and last day off of a named holiday in a year.

>>> from datetime import date
>>> cal = TableCalendar(name="demo", first_year=2025, last_year=2025,
...                     holidays=(date(2025, 10, 1),), makeup_workdays=(date(2025, 9, 28),))
>>> cal.day_kind(date(2025, 10, 1)), cal.day_kind(date(2025, 9, 28))
(<DayKind.STATUTORY_HOLIDAY: 'statutory_holiday'>, <DayKind.MAKEUP_WORKDAY: 'makeup_workday'>)
>>> next_workday(cal, date(2025, 10, 1))
datetime.date(2025, 10, 2)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Annotated, Any, Final, Protocol, TypeAlias, runtime_checkable

import attrs

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union
from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    NotCoveredError,
    PolicyDefinitionError,
    check_date,
)
from hrpolicy.core.fields import (
    FIRST_DATE,
    LAST_DATE,
    Text,
    checked,
    enum_argument,
    typed_fields,
)
from hrpolicy.core.label import Label, label

__all__ = [
    "BaseCalendar",
    "ChineseStatutoryCalendar",
    "DayKind",
    "Holiday",
    "HolidayNaming",
    "LayeredCalendar",
    "NamedHoliday",
    "StatutoryCalendar",
    "TableCalendar",
    "WorkCalendar",
    "add_workdays",
    "check_calendar",
    "count_workdays",
    "holiday_of",
    "holiday_stretch",
    "holiday_stretches",
    "is_workday",
    "next_workday",
    "previous_workday",
    "subtract_workdays",
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


class Holiday(Choice):
    """A public holiday of mainland China, by name: the seven annual holidays, and the
    one-off days the statutory data holds (the 70th anniversary of the victory in the War
    of Resistance, 3 September 2015).

    >>> Holiday.SPRING_FESTIVAL.label.zh_CN, Holiday("national_day").label.en
    ('春节', 'National Day')
    """

    NEW_YEARS_DAY = "new_years_day"
    SPRING_FESTIVAL = "spring_festival"
    TOMB_SWEEPING_DAY = "tomb_sweeping_day"
    LABOUR_DAY = "labour_day"
    DRAGON_BOAT_FESTIVAL = "dragon_boat_festival"
    MID_AUTUMN_FESTIVAL = "mid_autumn_festival"
    NATIONAL_DAY = "national_day"
    ANTI_FASCIST_70TH_DAY = "anti_fascist_70th_day"

    @property
    def label(self) -> Label:
        """The holiday's name in zh_CN and en."""
        return _HOLIDAY_LABELS[self]


_HOLIDAY_LABELS: Final = {
    Holiday.NEW_YEARS_DAY: label("元旦", "New Year's Day"),
    Holiday.SPRING_FESTIVAL: label("春节", "Spring Festival"),
    Holiday.TOMB_SWEEPING_DAY: label("清明节", "Tomb-sweeping Day"),
    Holiday.LABOUR_DAY: label("劳动节", "Labour Day"),
    Holiday.DRAGON_BOAT_FESTIVAL: label("端午节", "Dragon Boat Festival"),
    Holiday.MID_AUTUMN_FESTIVAL: label("中秋节", "Mid-autumn Festival"),
    Holiday.NATIONAL_DAY: label("国庆节", "National Day"),
    Holiday.ANTI_FASCIST_70TH_DAY: label(
        "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
        "70th anniversary of the victory of the Chinese People's War of Resistance "
        "against Japanese Aggression and the World Anti-Fascist War",
    ),
}


@runtime_checkable
class WorkCalendar(Protocol):
    """Anything that can classify a date. Must raise ``NotCoveredError`` for dates it has
    no data for."""

    def day_kind(self, day: date) -> DayKind:
        """The kind of ``day``."""
        ...


@runtime_checkable
class HolidayNaming(Protocol):
    """A calendar that names the holiday each day off belongs to (optional beside
    :class:`WorkCalendar`). Must raise ``NotCoveredError`` for dates it has no data for,
    and for a day off it cannot name."""

    def holiday(self, day: date) -> Holiday | None:
        """The holiday ``day`` belongs to, or ``None`` for a workday or an ordinary
        weekend day."""
        ...


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NamedHoliday:
    """Days off from ``first_day`` to ``last_day`` inclusive that belong to ``holiday``
    (as the State Council's arrangement names them: "春节：2月15日至23日放假调休").

    >>> NamedHoliday(holiday=Holiday.SPRING_FESTIVAL, first_day=date(2026, 2, 15),
    ...              last_day=date(2026, 2, 23)).days
    9
    """

    holiday: Holiday
    first_day: date
    last_day: date

    def __attrs_post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise PolicyDefinitionError(
                "NamedHoliday.last_day",
                f"a date on or after first_day {self.first_day.isoformat()}",
                self.last_day,
            )

    @property
    def days(self) -> int:
        """How many days the range holds."""
        return (self.last_day - self.first_day).days + 1

    def dates(self) -> tuple[date, ...]:
        """Every date of the range, in order."""
        return tuple(self.first_day + timedelta(days=n) for n in range(self.days))


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TableCalendar:
    """A calendar given as data for the years ``first_year`` to ``last_year`` inclusive.

    ``holidays`` are statutory holidays; ``rest_days`` extra days off on weekdays (in-lieu
    rest days); ``makeup_workdays`` weekend days worked; ``weekend`` the weekday numbers of
    the weekly rest days (Monday = 0; default Saturday and Sunday). The years are those of
    the dates the library accepts (1900 to 2199).

    ``first_day`` and ``last_day``, if given, state the dates the table answers for
    instead of whole years: a State Council notice for a year may change days of the
    December before (the 2019 notice made 29 December 2018 a make-up workday and 30–31
    December 2018 days off), so a table for that year may begin in that December; a
    correction may cover part of a year. By default the table covers 1 January of
    ``first_year`` to 31 December of ``last_year``.

    ``named_holidays`` name the holiday days off belong to (:class:`NamedHoliday` ranges,
    every day of which must be a day off in the table, no two overlapping); ``source``
    says where the arrangement comes from (the State Council notice on the year's
    holiday arrangement, 国务院办公厅关于某年部分节假日安排的通知). A day listed in
    ``holidays`` or ``rest_days`` that no range names cannot be named: :meth:`holiday`
    raises ``NotCoveredError`` for it rather than guess.
    """

    name: Text
    first_year: _Year
    last_year: _Year
    holidays: tuple[date, ...] = ()
    rest_days: tuple[date, ...] = ()
    makeup_workdays: tuple[date, ...] = ()
    weekend: tuple[_Weekday, ...] = (5, 6)
    named_holidays: tuple[NamedHoliday, ...] = ()
    source: str = ""
    first_day: date | None = None
    last_day: date | None = None
    _kinds: dict[date, DayKind] = attrs.field(init=False, eq=False, repr=False)
    _names: dict[date, Holiday] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.last_year < self.first_year:
            raise PolicyDefinitionError(
                "TableCalendar.last_year",
                f"a year on or after first_year {self.first_year}",
                self.last_year,
            )
        if self.covered_to < self.covered_from:
            raise PolicyDefinitionError(
                "TableCalendar.last_day",
                f"a date on or after the first day covered {self.covered_from.isoformat()}",
                self.covered_to,
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
                if not self.covers(day):
                    raise PolicyDefinitionError(path, f"a date in {self.coverage}", day)
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
        names: dict[date, Holiday] = {}
        for index, named in enumerate(self.named_holidays):
            path = f"TableCalendar.named_holidays[{index}]"
            for day in named.dates():
                if not self.covers(day):
                    raise PolicyDefinitionError(path, f"dates in {self.coverage}", day)
                if day in names:
                    raise PolicyDefinitionError(
                        path, f"a date not already named {names[day].value}", day
                    )
                if self._kind(day).is_work:
                    raise PolicyDefinitionError(
                        path, "days off only (a holiday, a rest day or a weekend day)", day
                    )
                names[day] = named.holiday
        object.__setattr__(self, "_names", names)

    def _kind(self, day: date) -> DayKind:
        kind = self._kinds.get(day)
        if kind is not None:
            return kind
        return DayKind.REST_DAY if day.weekday() in self.weekend else DayKind.WORKDAY

    @property
    def covered_from(self) -> date:
        """The first day the table answers for: ``first_day``, else 1 January of
        ``first_year``."""
        return self.first_day if self.first_day is not None else date(self.first_year, 1, 1)

    @property
    def covered_to(self) -> date:
        """The last day the table answers for: ``last_day``, else 31 December of
        ``last_year``."""
        return self.last_day if self.last_day is not None else date(self.last_year, 12, 31)

    @property
    def coverage(self) -> str:
        """What the table covers, as messages name it: "the covered years 2026–2027", or
        the dates when the table states them."""
        if self.first_day is None and self.last_day is None:
            return f"the covered years {self.first_year}–{self.last_year}"
        return f"the covered dates {self.covered_from.isoformat()}–{self.covered_to.isoformat()}"

    def covers(self, day: date) -> bool:
        """Whether the calendar has data for ``day``."""
        return self.covered_from <= day <= self.covered_to

    def day_kind(self, day: date) -> DayKind:
        """The kind of ``day``; ``NotCoveredError`` outside what the table covers."""
        check_date(day, "day")
        if not self.covers(day):
            raise NotCoveredError(f"TableCalendar({self.name})", f"a date in {self.coverage}", day)
        return self._kind(day)

    def holiday(self, day: date) -> Holiday | None:
        """The holiday ``day`` belongs to (a :class:`NamedHoliday` range names it), or
        ``None`` for a workday or a weekend day no range names; ``NotCoveredError`` outside
        the covered years, and for a listed holiday or rest day that no range names.

        >>> cal = TableCalendar(name="demo", first_year=2026, last_year=2026,
        ...     holidays=(date(2026, 1, 1),),
        ...     named_holidays=(NamedHoliday(holiday=Holiday.NEW_YEARS_DAY,
        ...                                  first_day=date(2026, 1, 1),
        ...                                  last_day=date(2026, 1, 1)),))
        >>> cal.holiday(date(2026, 1, 1)), cal.holiday(date(2026, 1, 2))
        (<Holiday.NEW_YEARS_DAY: 'new_years_day'>, None)
        """
        kind = self.day_kind(day)
        name = self._names.get(day)
        if name is not None:
            return name
        if kind is DayKind.STATUTORY_HOLIDAY or (
            kind is DayKind.REST_DAY and day.weekday() not in self.weekend
        ):
            raise NotCoveredError(
                f"TableCalendar({self.name}).named_holidays",
                f"a named holiday range holding {day.isoformat()}, listed as {kind.value}",
                day,
            )
        return None


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
        # The package's names are its Holiday members' values; ours are their member names.
        self._package_names: dict[str, str] = {
            member.value: member.name for member in chinese_calendar.Holiday
        }
        self._named: dict[date, str] = dict(chinese_calendar.holidays)

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

    def holiday(self, day: date) -> Holiday | None:
        """The holiday the package names for day off ``day``, or ``None`` for a workday (a
        make-up workday too) and a weekend day the package names for no holiday;
        ``NotCoveredError`` for years without data. The package names in-lieu rest days
        and, for most years, the weekend days inside a holiday's days off; the weekend
        days it joins to a holiday in some years ("与周末连休": 2–3 January 2016, 8–9 June
        2024) it leaves unnamed, and they are ``None`` here —
        :func:`holiday_stretch` still counts them in the holiday's stretch. A holiday
        merged into another (the Mid-autumn Festival of 2020, inside National Day) carries
        the other's name on every day.

        >>> calendar = ChineseStatutoryCalendar()
        >>> calendar.holiday(date(2025, 10, 4)) is Holiday.NATIONAL_DAY
        True
        >>> calendar.holiday(date(2025, 10, 6)) is Holiday.MID_AUTUMN_FESTIVAL
        True
        """
        if self.day_kind(day).is_work:
            return None
        package_name = self._named.get(day)
        if package_name is None:
            return None
        member = self._package_names.get(package_name)
        if member is None or member not in Holiday._value2member_map_:
            raise NotCoveredError(
                "ChineseStatutoryCalendar",
                f"a holiday name the library knows (one of {', '.join(h.value for h in Holiday)})",
                package_name,
            )
        return Holiday(member)

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
        named: list[NamedHoliday] = []
        for day in days:
            holiday = self.holiday(day)
            if holiday is None:
                continue
            last = named[-1] if named else None
            if last is not None and last.holiday is holiday and last.last_day == day - _ONE_DAY:
                named[-1] = NamedHoliday(holiday=holiday, first_day=last.first_day, last_day=day)
            else:
                named.append(NamedHoliday(holiday=holiday, first_day=day, last_day=day))
        return TableCalendar(
            name=f"chinesecalendar {first_year}–{last_year}",
            first_year=first_year,
            last_year=last_year,
            holidays=tuple(d for d, k in kinds if k is DayKind.STATUTORY_HOLIDAY),
            rest_days=tuple(d for d, k in kinds if k is DayKind.REST_DAY and d.weekday() < 5),
            makeup_workdays=tuple(d for d, k in kinds if k is DayKind.MAKEUP_WORKDAY),
            named_holidays=tuple(named),
            source=f"chinesecalendar {getattr(self._module, '__version__', '')}".strip(),
        )


@functools.cache
def _statutory() -> ChineseStatutoryCalendar:
    """The package's calendar, loaded once (a missing package is reported each time)."""
    return ChineseStatutoryCalendar()


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class StatutoryCalendar:
    """Mainland China's statutory calendar, named: it classifies and names days as
    :class:`ChineseStatutoryCalendar` does, from the ``chinesecalendar`` package
    (``pip install "hrpolicy[cn-calendar]"``), loaded when a day is first asked for — so a
    case naming it is read and written without the package, and only running it needs the
    package (:class:`~hrpolicy.core.errors.MissingDependencyError` otherwise). Years
    outside the package's data are :class:`~hrpolicy.core.errors.NotCoveredError`.

    >>> StatutoryCalendar().day_kind(date(2024, 10, 1))
    <DayKind.STATUTORY_HOLIDAY: 'statutory_holiday'>
    """

    @property
    def first_year(self) -> int:
        """The first year of the package's data."""
        return _statutory().first_year

    @property
    def last_year(self) -> int:
        """The last year of the package's data."""
        return _statutory().last_year

    def covers(self, day: date) -> bool:
        """Whether the package has data for ``day``'s year."""
        return _statutory().covers(day)

    def day_kind(self, day: date) -> DayKind:
        """The kind of ``day``; ``NotCoveredError`` for years without data."""
        return _statutory().day_kind(day)

    def holiday(self, day: date) -> Holiday | None:
        """The holiday the package names for day off ``day``
        (:meth:`ChineseStatutoryCalendar.holiday`)."""
        return _statutory().holiday(day)


#: A calendar a :class:`LayeredCalendar` rests on: a table written out, or the statutory
#: one named.
BaseCalendar: TypeAlias = TableCalendar | StatutoryCalendar
register_tagged_union(
    BaseCalendar, {TableCalendar: "table", StatutoryCalendar: "chinese_statutory"}
)


def _base_span(calendar: TableCalendar | StatutoryCalendar) -> tuple[date, date] | None:
    """The first and last day a base calendar covers (``None``: the statutory package is
    not installed, so the base covers no day)."""
    if isinstance(calendar, TableCalendar):
        return calendar.covered_from, calendar.covered_to
    try:
        statutory = _statutory()
    except MissingDependencyError:
        return None
    return date(statutory.first_year, 1, 1), date(statutory.last_year, 12, 31)


def _describe(calendar: TableCalendar | StatutoryCalendar) -> str:
    if isinstance(calendar, TableCalendar):
        source = f", {calendar.source}" if calendar.source else ""
        if calendar.first_day is None and calendar.last_day is None:
            covered = f"{calendar.first_year}–{calendar.last_year}"
        else:
            covered = f"{calendar.covered_from.isoformat()}–{calendar.covered_to.isoformat()}"
        return f"table {calendar.name!r}{source}: {covered}"
    return f"chinese statutory: {calendar.first_year}–{calendar.last_year}"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LayeredCalendar:
    """Tables laid over a base calendar: for each date the first of ``layers`` that
    covers it answers, else ``base``; a date none covers is ``NotCoveredError`` naming the
    years each covers.

    This is how a year the statutory data does not hold yet is added: the State
    Council's announced arrangement for it, written as a :class:`TableCalendar` with its
    ``source``, laid over :class:`StatutoryCalendar` (the docs' "How to add a year"). A
    layer covers the dates its table covers (whole years, or the ``first_day`` to
    ``last_day`` it states: a notice's days of the December before).

    No two layers may cover the same day. A layer covering a day the base covers too
    replaces the base for every such day, so it is refused unless ``replaces_base`` says
    that is meant (a correction; the base's data for those days is then not read). Over
    :class:`StatutoryCalendar` this is checked when the ``chinesecalendar`` package is
    installed (without it the base answers for no day).

    Attributes:
        base: the calendar underneath (:data:`BaseCalendar`).
        layers: one or more :class:`TableCalendar`, none covering a day another covers.
        replaces_base: whether the layers may answer for days the base covers (default
            ``False``: such a layer is a :class:`~hrpolicy.core.errors.PolicyDefinitionError`).

    >>> extra = TableCalendar(name="example year 2199", first_year=2199, last_year=2199,
    ...                       holidays=(date(2199, 1, 1),), source="made up for the example")
    >>> base = TableCalendar(name="2198", first_year=2198, last_year=2198)
    >>> cal = LayeredCalendar(base=base, layers=(extra,))
    >>> cal.day_kind(date(2199, 1, 1)), cal.source_of(date(2199, 1, 1))
    (<DayKind.STATUTORY_HOLIDAY: 'statutory_holiday'>, 'made up for the example')
    >>> cal.day_kind(date(2197, 12, 31))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.NotCoveredError: LayeredCalendar: expected a date in the years ...31
    """

    base: BaseCalendar
    layers: tuple[TableCalendar, ...]
    replaces_base: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.layers:
            raise PolicyDefinitionError(
                "LayeredCalendar.layers", "one or more TableCalendar layers", self.layers
            )
        for index, layer in enumerate(self.layers):
            span = f"{layer.covered_from.isoformat()}–{layer.covered_to.isoformat()}"
            for other in self.layers[:index]:
                if (
                    layer.covered_from <= other.covered_to
                    and other.covered_from <= layer.covered_to
                ):
                    raise PolicyDefinitionError(
                        f"LayeredCalendar.layers[{index}]",
                        f"dates no other layer covers (layer {other.name!r} covers "
                        f"{other.covered_from.isoformat()}–{other.covered_to.isoformat()})",
                        span,
                    )
            if self.replaces_base:
                continue
            base_span = _base_span(self.base)
            if base_span is None:
                continue
            first, last = base_span
            if layer.covered_from <= last and first <= layer.covered_to:
                overlap_from = max(first, layer.covered_from).isoformat()
                overlap_to = min(last, layer.covered_to).isoformat()
                raise PolicyDefinitionError(
                    f"LayeredCalendar.layers[{index}]",
                    f"dates the base does not cover (base {_describe(self.base)}; "
                    f"{overlap_from} to {overlap_to} would be replaced — set "
                    "replaces_base=True if the layer is meant to correct the base)",
                    span,
                )

    def _answering(self, day: date) -> TableCalendar | StatutoryCalendar:
        check_date(day, "day")
        for layer in self.layers:
            if layer.covers(day):
                return layer
        if self.base.covers(day):
            return self.base
        covered = "; ".join(
            [f"layer {_describe(layer)}" for layer in self.layers]
            + [f"base {_describe(self.base)}"]
        )
        raise NotCoveredError(
            "LayeredCalendar", f"a date in the years a calendar covers ({covered})", day
        )

    def covers(self, day: date) -> bool:
        """Whether a layer or the base has data for ``day``."""
        check_date(day, "day")
        return any(layer.covers(day) for layer in self.layers) or self.base.covers(day)

    def day_kind(self, day: date) -> DayKind:
        """The kind of ``day`` from the calendar that answers for it."""
        return self._answering(day).day_kind(day)

    def holiday(self, day: date) -> Holiday | None:
        """The holiday ``day`` belongs to, from the calendar that answers for it."""
        return self._answering(day).holiday(day)

    def source_of(self, day: date) -> str:
        """Where the answer for ``day`` comes from: the answering table's ``source`` (its
        name when it states none), or ``"chinesecalendar"`` for the statutory base."""
        answering = self._answering(day)
        if isinstance(answering, TableCalendar):
            return answering.source or answering.name
        return "chinesecalendar"


def check_calendar(calendar: object, field: str = "calendar") -> None:
    """Refuse anything that is not a :class:`WorkCalendar` for ``field``."""
    if not isinstance(calendar, WorkCalendar):
        raise InvalidTypeError(
            field, "a WorkCalendar (TableCalendar, ChineseStatutoryCalendar…)", calendar
        )


def holiday_of(calendar: WorkCalendar, day: date) -> Holiday | None:
    """The holiday ``day`` belongs to on ``calendar``, or ``None`` when it belongs to none.

    A calendar that names its holidays (:class:`HolidayNaming`: the statutory adapter, a
    :class:`TableCalendar` with ``named_holidays``) answers for itself. Of any other
    calendar only a workday is known to belong to no holiday: for a day off it cannot name,
    ``NotCoveredError`` — never a guess.

    Args:
        calendar: any :class:`WorkCalendar`.
        day: the date.

    Returns:
        The :class:`Holiday`, or ``None`` for a workday (a make-up workday too) and an
        ordinary day off.

    Raises:
        InvalidTypeError: ``calendar`` is not a calendar, ``day`` not a date.
        NotCoveredError: the calendar has no data for ``day``, or cannot name its day off.

    >>> cal = TableCalendar(name="demo", first_year=2026, last_year=2026,
    ...     holidays=(date(2026, 10, 1), date(2026, 10, 2)),
    ...     named_holidays=(NamedHoliday(holiday=Holiday.NATIONAL_DAY,
    ...         first_day=date(2026, 10, 1), last_day=date(2026, 10, 4)),))
    >>> holiday_of(cal, date(2026, 10, 3)), holiday_of(cal, date(2026, 10, 5))
    (<Holiday.NATIONAL_DAY: 'national_day'>, None)
    """
    check_calendar(calendar)
    check_date(day, "day")
    kind = calendar.day_kind(day)
    if isinstance(calendar, HolidayNaming):
        return calendar.holiday(day)
    if kind.is_work:
        return None
    raise NotCoveredError(
        f"calendar {type(calendar).__name__}",
        "a calendar that names its holidays (a holiday(day) method)",
        day,
    )


def _check_year(year: object, field: str) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError(field, "an int year", year)
    if not FIRST_DATE.year <= year <= LAST_DATE.year:
        raise InvalidValueError(field, f"a year from {FIRST_DATE.year} to {LAST_DATE.year}", year)
    return year


def _walk_off(calendar: WorkCalendar, holiday: Holiday, day: date, step: timedelta) -> date:
    """The far end of ``holiday``'s stretch reached from ``day`` (named so) stepping over
    the run of consecutive days off: the farthest day named ``holiday``, then on over the
    unnamed days off beyond it, up to a workday or a day named for another holiday."""
    run: list[tuple[date, Holiday | None]] = []
    current = day
    for _ in range(_MAX_RUN_OFF):
        current += step
        if calendar.day_kind(current).is_work:
            break
        run.append((current, holiday_of(calendar, current)))
    else:
        raise NotCoveredError(
            "calendar", f"a workday within {_MAX_RUN_OFF} days of {day.isoformat()}", current
        )
    farthest, last_named = day, -1
    for index, (off, name) in enumerate(run):
        if name is holiday:
            farthest, last_named = off, index
    for off, name in run[last_named + 1 :]:
        if name is not None:
            break  # another holiday's day off: the stretch ends before it
        farthest = off
    return farthest


def holiday_stretches(
    calendar: WorkCalendar, holiday: Holiday, first: date, last: date
) -> Iterator[tuple[date, date]]:
    """Every stretch of ``holiday`` with a day named so from ``first`` to ``last``, in
    order, as (first day off, last day off), one at a time (a caller that needs the first
    looks no further than it; the arguments are checked on the first ``next``). A
    stretch is found from the run of consecutive days off that holds the days named
    ``holiday``: it runs from the first to the last of them (so a Mid-autumn day inside
    the National Day days off leaves one National Day stretch), and on over the unnamed
    days off at either end — the weekend a notice joins to the holiday ("与周末连休"),
    which the statutory data names for some years and not for others — up to a workday or
    a day named for another holiday. It may reach beyond ``first`` and ``last``, and
    looking there needs the calendar's data.

    >>> cal = TableCalendar(name="demo", first_year=2025, last_year=2026,
    ...     holidays=(date(2026, 1, 1), date(2026, 12, 31)),
    ...     named_holidays=(
    ...         NamedHoliday(holiday=Holiday.NEW_YEARS_DAY,
    ...                      first_day=date(2026, 1, 1), last_day=date(2026, 1, 1)),
    ...         NamedHoliday(holiday=Holiday.NEW_YEARS_DAY,
    ...                      first_day=date(2026, 12, 31), last_day=date(2026, 12, 31))))
    >>> tuple(holiday_stretches(cal, Holiday.NEW_YEARS_DAY, date(2026, 1, 2),
    ...                         date(2026, 6, 30)))
    ()
    >>> tuple(holiday_stretches(cal, Holiday.NEW_YEARS_DAY, date(2026, 1, 1),
    ...                         date(2026, 6, 30)))
    ((datetime.date(2026, 1, 1), datetime.date(2026, 1, 1)),)
    """
    check_calendar(calendar)
    holiday = enum_argument(holiday, Holiday, "holiday")
    check_date(first, "first")
    check_date(last, "last")
    if last < first:
        raise InvalidValueError("last", f"a date on or after first {first.isoformat()}", last)
    day = first
    while day <= last:
        if not calendar.day_kind(day).is_work and holiday_of(calendar, day) is holiday:
            start = _walk_off(calendar, holiday, day, -_ONE_DAY)
            end = _walk_off(calendar, holiday, day, _ONE_DAY)
            yield start, end
            day = end
        day += _ONE_DAY


def holiday_stretch(calendar: WorkCalendar, holiday: Holiday, year: int) -> tuple[date, date]:
    """The first and last day off of ``holiday`` in ``year``: the first stretch (see
    :func:`holiday_stretches`) with a day named ``holiday`` in ``year``. A New Year's Day
    stretch may begin in the December before (30 December 2023 to 1 January 2024 is the
    New Year's Day holiday of 2024, and the 2023 one is 31 December 2022 to 2 January
    2023); a Spring Festival stretch always lies within its year. Looking at the days
    just before 1 January or after 31 December needs the calendar's data for them.

    Args:
        calendar: any :class:`WorkCalendar` that names its holidays.
        holiday: the :class:`Holiday` (or its value, ``"spring_festival"``).
        year: the year.

    Returns:
        (first day off, last day off), both inclusive.

    Raises:
        InvalidTypeError: a wrong type of argument.
        InvalidValueError: the calendar has no such holiday in ``year`` (the 2015 victory
            day in 2016), or ``year`` lies outside 1900–2199.
        NotCoveredError: the calendar has no data for the days looked at, or cannot name
            a day off.

    >>> cal = TableCalendar(name="demo", first_year=2026, last_year=2026,
    ...     holidays=tuple(date(2026, 2, d) for d in (16, 17, 18, 19, 20, 23)),
    ...     makeup_workdays=(date(2026, 2, 14), date(2026, 2, 28)),
    ...     named_holidays=(NamedHoliday(holiday=Holiday.SPRING_FESTIVAL,
    ...         first_day=date(2026, 2, 15), last_day=date(2026, 2, 23)),))
    >>> holiday_stretch(cal, Holiday.SPRING_FESTIVAL, 2026)
    (datetime.date(2026, 2, 15), datetime.date(2026, 2, 23))
    """
    holiday = enum_argument(holiday, Holiday, "holiday")
    year = _check_year(year, "year")
    for stretch in holiday_stretches(calendar, holiday, date(year, 1, 1), date(year, 12, 31)):
        return stretch
    raise InvalidValueError(
        "holiday", f"a holiday the calendar has days off for in {year}", holiday.value
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


def subtract_workdays(calendar: WorkCalendar, day: date, count: int) -> date:
    """The ``count``-th workday before ``day`` (``count`` from 1 as for
    :func:`add_workdays`), e.g. "documents in two working days before the bid".

    Args:
        calendar: the work calendar.
        day: the day counted back from (itself never counted).
        count: how many workdays back.

    Returns:
        The workday.

    Raises:
        InvalidValueError: a count out of range.
        NotCoveredError: a day the calendar has no data for.

    >>> cal = TableCalendar(name="2024", first_year=2024, last_year=2024)
    >>> subtract_workdays(cal, date(2024, 3, 11), 2)  # Monday: Thursday 7 March
    datetime.date(2024, 3, 7)
    """
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= _MAX_WORKDAYS:
        raise InvalidValueError("count", f"an int from 1 to {_MAX_WORKDAYS}", count)
    current = day
    for _ in range(count):
        current = previous_workday(calendar, current - _ONE_DAY)
    return current
