"""Work calendars: table-backed and the chinesecalendar adapter; neither guesses."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from hypothesis import given

from hrpolicy import from_dict, to_dict
from hrpolicy.core import (
    ChineseStatutoryCalendar,
    DayKind,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    NotCoveredError,
    PolicyDefinitionError,
    TableCalendar,
    WorkCalendar,
    add_workdays,
    count_workdays,
    is_workday,
    next_workday,
    previous_workday,
)
from hrpolicy.strategies import table_calendars

# National Day 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked.
NATIONAL_DAY_2025 = TableCalendar(
    name="2025 excerpt",
    first_year=2025,
    last_year=2025,
    holidays=tuple(date(2025, 10, d) for d in range(1, 9) if date(2025, 10, d).weekday() < 5),
    makeup_workdays=(date(2025, 9, 28), date(2025, 10, 11)),
)


def test_a_table_calendar_classifies_every_kind_of_day() -> None:
    assert NATIONAL_DAY_2025.day_kind(date(2025, 10, 1)) is DayKind.STATUTORY_HOLIDAY
    assert NATIONAL_DAY_2025.day_kind(date(2025, 10, 4)) is DayKind.REST_DAY
    assert NATIONAL_DAY_2025.day_kind(date(2025, 9, 28)) is DayKind.MAKEUP_WORKDAY
    assert NATIONAL_DAY_2025.day_kind(date(2025, 10, 9)) is DayKind.WORKDAY
    assert isinstance(NATIONAL_DAY_2025, WorkCalendar)


def test_a_due_date_on_a_holiday_moves_to_the_next_workday() -> None:
    assert next_workday(NATIONAL_DAY_2025, date(2025, 10, 3)) == date(2025, 10, 9)
    assert next_workday(NATIONAL_DAY_2025, date(2025, 10, 9)) == date(2025, 10, 9)


def test_wages_due_on_a_holiday_are_paid_on_the_previous_workday() -> None:
    assert previous_workday(NATIONAL_DAY_2025, date(2025, 10, 5)) == date(2025, 9, 30)


def test_workdays_are_counted_and_added_with_make_up_days() -> None:
    # Sun 28 Sep (made up), Mon 29, Tue 30, Thu 9 Oct, Fri 10, Sat 11 (made up).
    assert count_workdays(NATIONAL_DAY_2025, date(2025, 9, 27), date(2025, 10, 12)) == 6
    assert add_workdays(NATIONAL_DAY_2025, date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert is_workday(NATIONAL_DAY_2025, date(2025, 10, 11))


def test_a_date_outside_the_covered_years_is_an_error() -> None:
    with pytest.raises(NotCoveredError, match="covered years 2025–2025"):
        NATIONAL_DAY_2025.day_kind(date(2026, 1, 1))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"holidays": (date(2024, 10, 1),)}, "covered years"),
        ({"makeup_workdays": (date(2025, 10, 9),)}, "a weekend day"),
        ({"rest_days": (date(2025, 10, 4),)}, "a weekday"),
        (
            {"holidays": (date(2025, 10, 1),), "rest_days": (date(2025, 10, 1),)},
            "not already listed",
        ),
        ({"last_year": 2024}, "on or after first_year"),
    ],
)
def test_inconsistent_calendar_data_is_rejected(changes: dict[str, object], message: str) -> None:
    data = {"name": "bad", "first_year": 2025, "last_year": 2025, **changes}
    with pytest.raises(PolicyDefinitionError, match=message):
        TableCalendar(**data)  # type: ignore[arg-type]


@given(table_calendars())
def test_a_table_calendar_round_trips_and_next_workday_is_a_workday(
    calendar: TableCalendar,
) -> None:
    assert from_dict(to_dict(calendar), TableCalendar) == calendar
    start = date(calendar.first_year, 3, 1)
    assert calendar.day_kind(next_workday(calendar, start)).is_work


def test_arguments_to_the_helpers_are_checked() -> None:
    with pytest.raises(InvalidValueError):
        add_workdays(NATIONAL_DAY_2025, date(2025, 1, 2), 0)
    with pytest.raises(InvalidValueError):
        count_workdays(NATIONAL_DAY_2025, date(2025, 2, 1), date(2025, 1, 1))


def test_the_chinese_calendar_adapter_knows_national_day_and_make_up_workdays() -> None:
    calendar = ChineseStatutoryCalendar()
    assert calendar.day_kind(date(2024, 10, 1)) is DayKind.STATUTORY_HOLIDAY
    assert calendar.day_kind(date(2024, 9, 29)) is DayKind.MAKEUP_WORKDAY  # a Sunday worked
    assert calendar.day_kind(date(2024, 10, 7)) is DayKind.REST_DAY  # an in-lieu rest day
    assert calendar.day_kind(date(2024, 10, 8)) is DayKind.WORKDAY
    assert next_workday(calendar, date(2024, 10, 1)) == date(2024, 10, 8)


def test_the_chinese_calendar_adapter_refuses_years_without_data() -> None:
    calendar = ChineseStatutoryCalendar()
    with pytest.raises(NotCoveredError, match="ChineseStatutoryCalendar"):
        calendar.day_kind(date(calendar.last_year + 1, 1, 5))
    with pytest.raises(NotCoveredError):
        calendar.day_kind(date(calendar.first_year - 1, 6, 1))


def test_a_snapshot_of_the_chinese_calendar_is_a_table_calendar_that_agrees_with_it() -> None:
    calendar = ChineseStatutoryCalendar()
    table = calendar.to_table(2024, 2024)
    for ordinal in range(date(2024, 1, 1).toordinal(), date(2024, 12, 31).toordinal() + 1):
        day = date.fromordinal(ordinal)
        assert table.day_kind(day) is calendar.day_kind(day)


def test_without_the_chinesecalendar_package_the_adapter_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)
    with pytest.raises(MissingDependencyError, match=r"hrpolicy\[cn-calendar\]") as caught:
        ChineseStatutoryCalendar()
    assert isinstance(caught.value, ImportError)


def test_calendars_check_what_they_are_asked() -> None:
    with pytest.raises(InvalidTypeError, match=r"day: expected a datetime\.date"):
        NATIONAL_DAY_2025.day_kind("2025-01-01")  # type: ignore[arg-type]
    calendar = ChineseStatutoryCalendar()
    with pytest.raises(InvalidTypeError):
        calendar.day_kind(None)  # type: ignore[arg-type]
    with pytest.raises(NotCoveredError, match="first_year"):
        calendar.to_table(0, 2020)
    with pytest.raises(InvalidTypeError, match="first_year"):
        calendar.to_table("2020", 2020)  # type: ignore[arg-type]
    with pytest.raises(PolicyDefinitionError, match="distinct"):
        TableCalendar(name="x", first_year=2025, last_year=2025, weekend=(5, 5))
