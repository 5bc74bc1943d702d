"""Deadlines as data: rules that give a due date on a work calendar.

A company rule names a deadline in words — "paid before the Spring Festival holiday",
"score sheets reach HR by the 8th of the next month". Each is a small frozen rule here:

- :class:`BeforeHoliday` — the last workday (or the N-th workday) before a named
  holiday's days off (:func:`~hrpolicy.core.workcal.holiday_stretch`);
- :class:`DayOfNextMonth` — a day of the month after a period, moved to a workday as the
  rule's :class:`Roll` says.

:func:`due_date` gives the date; :func:`deadline` gives it with what an explanation step
needs (a label in zh_CN and en, and the inputs in order), so an engine records it as
``trail.step(rule_id, d.label, d.input_map(), d.due, *citations)``. Rules are plain data
and round-trip through :mod:`hrpolicy.core.convert` (:data:`DeadlineRule`, tagged by
``kind``).

>>> from datetime import date
>>> from hrpolicy.core.period import Period
>>> from hrpolicy.core.workcal import Holiday, NamedHoliday, TableCalendar
>>> cal = TableCalendar(name="2026 excerpt", first_year=2026, last_year=2026,
...     holidays=tuple(date(2026, 2, d) for d in (16, 17, 18, 19, 20, 23)),
...     makeup_workdays=(date(2026, 2, 14), date(2026, 2, 28)),
...     named_holidays=(NamedHoliday(holiday=Holiday.SPRING_FESTIVAL,
...         first_day=date(2026, 2, 15), last_day=date(2026, 2, 23)),))
>>> due_date(BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL), year=2026, calendar=cal)
datetime.date(2026, 2, 14)
>>> due_date(DayOfNextMonth(day=8), period=Period(year=2026, month=1), calendar=cal)
datetime.date(2026, 2, 9)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Final, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import StepValue
from hrpolicy.core.fields import LAST_DATE, argument, checked, typed_fields
from hrpolicy.core.label import Label, label
from hrpolicy.core.period import Period
from hrpolicy.core.workcal import (
    Holiday,
    WorkCalendar,
    check_calendar,
    holiday_stretch,
    holiday_stretches,
    next_workday,
    previous_workday,
)

__all__ = [
    "BeforeHoliday",
    "DayOfNextMonth",
    "DeadlineRule",
    "DueDate",
    "Roll",
    "deadline",
    "due_date",
]

_ONE_DAY: Final = timedelta(days=1)
#: How far ahead of a period's end :class:`BeforeHoliday` looks for the holiday: every
#: annual holiday comes round within a year and a month.
_LOOKAHEAD: Final = timedelta(days=400)
#: The most workdays before a holiday a rule may name (two months of workdays).
_MAX_WORKDAYS_BEFORE: Final = 40


class Roll(Choice):
    """Where a due date that falls on a day off moves."""

    #: To the next workday (a deadline "by the 8th" falling on a Sunday is met on Monday).
    NEXT_WORKDAY = "next_workday"
    #: To the workday before (wages due on a holiday are paid earlier).
    PREVIOUS_WORKDAY = "previous_workday"
    #: Nowhere: the date stands even on a day off.
    NONE = "none"


_ROLL_TEXT: Final = {
    Roll.NEXT_WORKDAY: (
        "，遇休息日顺延至下一个工作日",
        ", moved to the next workday if it is a day off",
    ),
    Roll.PREVIOUS_WORKDAY: (
        "，遇休息日提前至上一个工作日",
        ", moved to the workday before if it is a day off",
    ),
    Roll.NONE: ("，遇休息日不调整", ", kept even if it is a day off"),
}


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BeforeHoliday:
    """Due on the ``workdays_before``-th workday before the first day off of ``holiday``
    (1, the default: the last workday before the holiday; 1 to 40).

    "Year-end bonuses are paid before the Spring Festival holiday" is
    ``BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL)``.
    """

    holiday: Holiday
    workdays_before: Annotated[int, IntSpec(min_value=1, max_value=_MAX_WORKDAYS_BEFORE)] = 1


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DayOfNextMonth:
    """Due on day ``day`` (1 to 31) of the month after a period, moved as ``roll`` says
    when that is a day off (default: to the next workday). A day past the end of that month
    is its last day (day 31 in April is 30 April), and the explanation says so.

    "Score sheets reach HR by the 8th of the next month" is ``DayOfNextMonth(day=8)``.
    """

    day: Annotated[int, IntSpec(min_value=1, max_value=31)]
    roll: Roll = Roll.NEXT_WORKDAY


#: A deadline rule, as a case or policy holds it.
DeadlineRule: TypeAlias = BeforeHoliday | DayOfNextMonth
register_tagged_union(
    DeadlineRule, {BeforeHoliday: "before_holiday", DayOfNextMonth: "day_of_next_month"}
)


@attrs.frozen
class DueDate:
    """A due date with its explanation: ``label`` says how it was found, ``inputs`` the
    values it was found from (in order), ready for an explanation step."""

    rule: DeadlineRule
    due: date
    label: Label
    inputs: tuple[tuple[str, StepValue], ...]

    def input_map(self) -> dict[str, StepValue]:
        """The inputs as a dict, in order."""
        return dict(self.inputs)


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{({1: 'st', 2: 'nd', 3: 'rd'}).get(n % 10, 'th')}"


def _stretch_after(calendar: WorkCalendar, holiday: Holiday, period: Period) -> tuple[date, date]:
    """The first stretch of ``holiday`` that ends after ``period`` ends: it holds a day
    named so after the period's last day, and may begin on or before it (the New Year's
    Day stretch of 31 December 2022 to 2 January 2023 follows the year 2022)."""
    end = period.last_day
    if end >= LAST_DATE:
        raise InvalidValueError(
            "period", f"a period ending before {LAST_DATE.isoformat()}", str(period)
        )
    first = end + _ONE_DAY
    last = min(end + _LOOKAHEAD, LAST_DATE)
    for start, stop in holiday_stretches(calendar, holiday, first, last):
        return start, stop
    raise InvalidValueError(
        "holiday",
        f"a holiday the calendar has days off for between {first.isoformat()} and "
        f"{last.isoformat()}",
        holiday.value,
    )


def _before_holiday(
    rule: BeforeHoliday, year: int | None, period: Period | None, calendar: WorkCalendar
) -> DueDate:
    straddles = False
    if period is not None:
        start, stop = _stretch_after(calendar, rule.holiday, period)
        when: tuple[str, StepValue] = ("period", str(period))
        straddles = start <= period.last_day
    elif year is not None:
        start, stop = holiday_stretch(calendar, rule.holiday, year)
        when = ("year", year)
    else:
        raise InvalidValueError("year", "a year or a period for a BeforeHoliday rule", None)
    due = start
    for _ in range(rule.workdays_before):
        due = previous_workday(calendar, due - _ONE_DAY)
    name = rule.holiday.label
    zh_dates = f"{start.isoformat()}至{stop.isoformat()}"
    en_dates = f"{start.isoformat()} to {stop.isoformat()}"
    if rule.workdays_before == 1:
        text = label(
            f"{name.zh_CN}假期（{zh_dates}）前的最后一个工作日",
            f"the last workday before the {name.en} holiday ({en_dates})",
        )
    else:
        text = label(
            f"{name.zh_CN}假期（{zh_dates}）前倒数第{rule.workdays_before}个工作日",
            f"the {_ordinal(rule.workdays_before)} workday before the {name.en} holiday "
            f"({en_dates})",
        )
    inputs: tuple[tuple[str, StepValue], ...] = (
        ("holiday", name),
        when,
        ("holiday_first_day", start),
        ("holiday_last_day", stop),
        ("workdays_before", rule.workdays_before),
    )
    if straddles:
        assert period is not None
        text = label(
            f"{text.zh_CN}（该假期于{period}结束前开始）",
            f"{text.en}, a holiday that begins before {period} ends",
        )
        inputs += (("holiday_begins_in_period", True),)
    return DueDate(rule=rule, due=due, label=text, inputs=inputs)


def _day_of_next_month(rule: DayOfNextMonth, period: Period, calendar: WorkCalendar) -> DueDate:
    end = period.last_day
    month_first = end.replace(day=1) + relativedelta(months=1)
    if month_first > LAST_DATE:
        raise InvalidValueError(
            "period", f"a period ending before {LAST_DATE.isoformat()}", str(period)
        )
    month_last = month_first + relativedelta(months=1) - _ONE_DAY
    nominal = min(month_first + timedelta(days=rule.day - 1), month_last)
    clipped = nominal.day != rule.day
    if rule.roll is Roll.NEXT_WORKDAY:
        due = next_workday(calendar, nominal)
    elif rule.roll is Roll.PREVIOUS_WORKDAY:
        due = previous_workday(calendar, nominal)
    else:
        calendar.day_kind(nominal)  # the calendar must cover the day all the same
        due = nominal
    roll_zh, roll_en = _ROLL_TEXT[rule.roll]
    month = f"{month_first.year:04d}-{month_first.month:02d}"
    if clipped:
        day_zh = f"次月{rule.day}日（该月无此日，取月末{nominal.isoformat()}）"
        day_en = f"day {rule.day} of the next month (that month ends sooner: {nominal.isoformat()})"
    else:
        day_zh = f"次月{rule.day}日（{nominal.isoformat()}）"
        day_en = f"day {rule.day} of the next month ({nominal.isoformat()})"
    inputs: tuple[tuple[str, StepValue], ...] = (
        ("period", str(period)),
        ("month", month),
        ("day", rule.day),
        ("nominal_date", nominal),
        ("clipped_to_month_end", clipped),
        ("roll", rule.roll.value),
    )
    return DueDate(
        rule=rule, due=due, label=label(day_zh + roll_zh, day_en + roll_en), inputs=inputs
    )


def deadline(
    rule: DeadlineRule,
    *,
    year: int | None = None,
    period: Period | None = None,
    calendar: WorkCalendar,
) -> DueDate:
    """The due date ``rule`` gives, with its explanation.

    A :class:`BeforeHoliday` rule takes ``year`` (the holiday of that year:
    :func:`~hrpolicy.core.workcal.holiday_stretch`) or ``period`` (the first holiday
    stretch that ends after the period ends: for the year 2025's bonus, the Spring Festival
    of 2026). A stretch that begins on or before the period's last day and ends after it
    (New Year's Day from 31 December 2022 to 2 January 2023, after the year 2022) is the
    one taken — its last workday before may lie inside the period — and the label and the
    input ``holiday_begins_in_period`` say so; a stretch that ends within the period is
    over, and the next one is taken. A :class:`DayOfNextMonth` rule takes ``period`` (a
    month: the next month; a quarter or a year: the month after its last month).

    Args:
        rule: a :data:`DeadlineRule`.
        year: the year, for :class:`BeforeHoliday` only.
        period: the :class:`~hrpolicy.core.period.Period` the deadline follows.
        calendar: the work calendar (for a holiday, one that names its holidays).

    Returns:
        A :class:`DueDate`: ``due``, ``label`` and ``inputs``.

    Raises:
        InvalidTypeError: a wrong type of argument.
        InvalidValueError: neither or both of ``year`` and ``period``, a ``year`` for a
            :class:`DayOfNextMonth`, or a holiday the calendar has no days off for.
        NotCoveredError: the calendar has no data for a day it must look at.

    >>> from hrpolicy.core.workcal import Holiday, NamedHoliday, TableCalendar
    >>> cal = TableCalendar(name="2026 excerpt", first_year=2026, last_year=2026,
    ...     holidays=tuple(date(2026, 2, d) for d in (16, 17, 18, 19, 20, 23)),
    ...     makeup_workdays=(date(2026, 2, 14), date(2026, 2, 28)),
    ...     named_holidays=(NamedHoliday(holiday=Holiday.SPRING_FESTIVAL,
    ...         first_day=date(2026, 2, 15), last_day=date(2026, 2, 23)),))
    >>> d = deadline(BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL, workdays_before=2),
    ...              year=2026, calendar=cal)
    >>> d.due
    datetime.date(2026, 2, 13)
    >>> print(d.label.en)
    the 2nd workday before the Spring Festival holiday (2026-02-15 to 2026-02-23)
    """
    check_calendar(calendar)
    if year is not None and period is not None:
        raise InvalidValueError("year", "no year when a period is given", year)
    if period is not None:
        argument(period, Period, "period")
    if isinstance(rule, BeforeHoliday):
        return _before_holiday(rule, year, period, calendar)
    if isinstance(rule, DayOfNextMonth):
        if year is not None:
            raise InvalidValueError(
                "year", "no year for a DayOfNextMonth rule (it takes a period)", year
            )
        if period is None:
            raise InvalidValueError("period", "a Period for a DayOfNextMonth rule", None)
        return _day_of_next_month(rule, period, calendar)
    raise InvalidTypeError("rule", "a deadline rule (BeforeHoliday, DayOfNextMonth)", rule)


def due_date(
    rule: DeadlineRule,
    *,
    year: int | None = None,
    period: Period | None = None,
    calendar: WorkCalendar,
) -> date:
    """The due date ``rule`` gives: :func:`deadline`'s ``due``, without the explanation.

    Args:
        rule: a :data:`DeadlineRule`.
        year: the year, for :class:`BeforeHoliday` only.
        period: the :class:`~hrpolicy.core.period.Period` the deadline follows.
        calendar: the work calendar.

    Returns:
        The date.

    Raises:
        InvalidTypeError, InvalidValueError, NotCoveredError: as :func:`deadline`.

    >>> from hrpolicy.core.workcal import TableCalendar
    >>> cal = TableCalendar(name="2026", first_year=2026, last_year=2026)
    >>> due_date(DayOfNextMonth(day=31), period=Period(year=2026, month=3), calendar=cal)
    datetime.date(2026, 4, 30)
    """
    return deadline(rule, year=year, period=period, calendar=calendar).due
