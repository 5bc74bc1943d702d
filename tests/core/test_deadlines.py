"""Deadlines as data: before a named holiday, and a day of the next month."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import from_dict, to_dict
from hrpolicy.core import (
    BeforeHoliday,
    ChineseStatutoryCalendar,
    DayOfNextMonth,
    DeadlineRule,
    Holiday,
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    Period,
    Roll,
    TableCalendar,
    deadline,
    due_date,
    holiday_stretch,
    is_workday,
)
from hrpolicy.core.calendar_examples import score_sheets_due, year_end_bonus_paid_by
from hrpolicy.reports.scoring import hr_due_date
from hrpolicy.strategies import table_calendars

STATUTORY = ChineseStatutoryCalendar()
SPRING = BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL)


def test_a_year_end_bonus_paid_before_the_2026_spring_festival_is_due_on_saturday_14_february() -> (
    None
):
    # 15–23 February 2026 off; Saturday 14 February is a make-up workday, so it is the last
    # workday before the holiday.
    assert due_date(SPRING, year=2026, calendar=STATUTORY) == date(2026, 2, 14)


def test_the_2025_bonus_paid_before_the_next_spring_festival_is_due_on_14_february_2026() -> None:
    # The first Spring Festival days off after 31 December 2025 begin on 15 February 2026.
    assert due_date(SPRING, period=Period(year=2025), calendar=STATUTORY) == date(2026, 2, 14)


def test_a_bonus_due_before_the_2025_spring_festival_is_due_on_monday_27_january() -> None:
    # 28 January – 4 February 2025 off; Sunday 26 January is worked, Monday 27 too: the last
    # workday before is 27 January.
    assert due_date(SPRING, year=2025, calendar=STATUTORY) == date(2025, 1, 27)


def test_three_workdays_before_the_2026_spring_festival_is_thursday_12_february() -> None:
    # Workdays back from 15 Feb: Sat 14 (made up) is the 1st, Fri 13 the 2nd, Thu 12 the 3rd.
    rule = BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL, workdays_before=3)
    assert due_date(rule, year=2026, calendar=STATUTORY) == date(2026, 2, 12)


def test_before_the_2023_national_day_holiday_skips_the_mid_autumn_day_off() -> None:
    # 30 September – 6 October 2023 off for National Day, 29 September for Mid-autumn:
    # the last workday before National Day is Thursday 28 September.
    rule = BeforeHoliday(holiday=Holiday.NATIONAL_DAY)
    assert due_date(rule, year=2023, calendar=STATUTORY) == date(2023, 9, 28)


def test_the_deadline_explains_itself_with_the_holidays_days_off() -> None:
    found = deadline(SPRING, year=2026, calendar=STATUTORY)
    assert found.due == date(2026, 2, 14)
    assert found.label.zh_CN == "春节假期（2026-02-15至2026-02-23）前的最后一个工作日"
    assert found.input_map() == {
        "holiday": Holiday.SPRING_FESTIVAL.label,
        "year": 2026,
        "holiday_first_day": date(2026, 2, 15),
        "holiday_last_day": date(2026, 2, 23),
        "workdays_before": 1,
    }


def test_score_sheets_for_january_2026_are_due_on_monday_9_february() -> None:
    # The 8th of February 2026 is a Sunday; the deadline moves to Monday the 9th.
    rule = DayOfNextMonth(day=8)
    assert due_date(rule, period=Period(year=2026, month=1), calendar=STATUTORY) == date(2026, 2, 9)


def test_score_sheets_for_september_2025_are_due_on_thursday_9_october() -> None:
    # 8 October 2025 is the last day of the National Day holiday; 9 October is a workday.
    rule = DayOfNextMonth(day=8)
    assert due_date(rule, period=Period(year=2025, month=9), calendar=STATUTORY) == date(
        2025, 10, 9
    )


def test_a_deadline_on_a_day_off_can_move_to_the_workday_before() -> None:
    # 8 February 2026 (Sunday): the workday before is Friday 6 February.
    rule = DayOfNextMonth(day=8, roll=Roll.PREVIOUS_WORKDAY)
    assert due_date(rule, period=Period(year=2026, month=1), calendar=STATUTORY) == date(2026, 2, 6)


def test_a_deadline_kept_on_a_day_off_stays_there() -> None:
    rule = DayOfNextMonth(day=8, roll=Roll.NONE)
    assert due_date(rule, period=Period(year=2026, month=1), calendar=STATUTORY) == date(2026, 2, 8)


def test_by_the_30th_of_february_is_the_last_day_of_february_and_says_so() -> None:
    # January 2026's report "by the 30th of the next month": February 2026 has 28 days;
    # Saturday 28 February 2026 is a make-up workday.
    found = deadline(DayOfNextMonth(day=30), period=Period(year=2026, month=1), calendar=STATUTORY)
    assert found.due == date(2026, 2, 28)
    assert found.input_map()["clipped_to_month_end"] is True
    assert "2026-02-28" in found.label.en


def test_a_quarters_deadline_falls_in_the_month_after_its_last_month() -> None:
    # A year's deadline "by the 8th of the next month": 8 January 2026 (a Thursday).
    rule = DayOfNextMonth(day=8)
    assert due_date(rule, period=Period(year=2025), calendar=STATUTORY) == date(2026, 1, 8)


def test_a_year_the_calendar_does_not_cover_is_refused() -> None:
    with pytest.raises(NotCoveredError, match="2027"):
        due_date(SPRING, year=2027, calendar=STATUTORY)
    with pytest.raises(NotCoveredError, match="2027"):
        due_date(SPRING, period=Period(year=2026), calendar=STATUTORY)
    with pytest.raises(NotCoveredError, match="2027"):
        due_date(DayOfNextMonth(day=8), period=Period(year=2026, month=12), calendar=STATUTORY)


def test_a_rule_needs_exactly_the_time_it_is_for() -> None:
    with pytest.raises(InvalidValueError, match="year or a period"):
        due_date(SPRING, calendar=STATUTORY)
    with pytest.raises(InvalidValueError, match="no year when a period"):
        due_date(SPRING, year=2026, period=Period(year=2025), calendar=STATUTORY)
    with pytest.raises(InvalidValueError, match="takes a period"):
        due_date(DayOfNextMonth(day=8), year=2026, calendar=STATUTORY)
    with pytest.raises(InvalidValueError, match="a Period"):
        due_date(DayOfNextMonth(day=8), calendar=STATUTORY)


def test_wrong_types_of_argument_are_refused() -> None:
    with pytest.raises(InvalidTypeError, match="rule"):
        due_date("spring", year=2026, calendar=STATUTORY)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="period"):
        due_date(DayOfNextMonth(day=8), period="2026-01", calendar=STATUTORY)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="calendar"):
        due_date(SPRING, year=2026, calendar="cn")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="year"):
        due_date(SPRING, year="2026", calendar=STATUTORY)  # type: ignore[arg-type]


def test_rules_out_of_range_cannot_be_built() -> None:
    with pytest.raises(InvalidValueError, match=r"DayOfNextMonth\.day"):
        DayOfNextMonth(day=32)
    with pytest.raises(InvalidValueError, match="workdays_before"):
        BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL, workdays_before=0)
    with pytest.raises(InvalidValueError, match="holiday"):
        BeforeHoliday(holiday="lunar_new_year")  # type: ignore[arg-type]


def test_deadline_rules_round_trip_as_tagged_data() -> None:
    for rule in (SPRING, DayOfNextMonth(day=8, roll=Roll.PREVIOUS_WORKDAY)):
        data = to_dict(rule, DeadlineRule)
        assert from_dict(data, DeadlineRule) == rule
    assert to_dict(SPRING, DeadlineRule) == {
        "format": 1,
        "kind": "before_holiday",
        "holiday": "spring_festival",
    }


@given(st.integers(2005, 2026), st.integers(1, 5))
def test_the_due_date_before_a_holiday_is_a_workday_with_exactly_n_minus_1_workdays_after_it(
    year: int, n: int
) -> None:
    rule = BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL, workdays_before=n)
    due = due_date(rule, year=year, calendar=STATUTORY)
    first, _ = holiday_stretch(STATUTORY, Holiday.SPRING_FESTIVAL, year)
    assert is_workday(STATUTORY, due)
    assert due < first
    between = [due + timedelta(d) for d in range(1, (first - due).days)]
    assert sum(is_workday(STATUTORY, d) for d in between) == n - 1


@given(
    table_calendars(year=2026),
    st.integers(1, 10),
    st.integers(1, 31),
    st.sampled_from(list(Roll)),
)
def test_a_day_of_the_next_month_moves_only_over_days_off(
    calendar: TableCalendar, month: int, day: int, roll: Roll
) -> None:
    found = deadline(
        DayOfNextMonth(day=day, roll=roll), period=Period(year=2026, month=month), calendar=calendar
    )
    nominal = found.input_map()["nominal_date"]
    assert isinstance(nominal, date)
    assert nominal.month == month + 1
    assert nominal.day == min(day, monthrange(2026, month + 1)[1])
    low, high = sorted((nominal, found.due))
    skipped = [low + timedelta(n) for n in range((high - low).days)]
    if roll is Roll.NONE:
        assert found.due == nominal
    else:
        assert is_workday(calendar, found.due)
        assert not any(is_workday(calendar, d) for d in skipped if d not in (found.due, nominal))
        assert found.due == nominal or not is_workday(calendar, nominal)


# --- the handbooks' calendar rules, as data (hrpolicy.core.calendar_examples) -------------


def test_the_2025_year_end_bonus_must_be_paid_by_saturday_14_february_2026() -> None:
    # The Spring Festival after 2025: 15–23 February 2026 off; Saturday the 14th is worked.
    rule = year_end_bonus_paid_by()
    assert due_date(rule, period=Period(year=2025), calendar=STATUTORY) == date(2026, 2, 14)


def test_the_2024_year_end_bonus_must_be_paid_by_monday_27_january_2025() -> None:
    # The Spring Festival after 2024 is 28 January – 4 February 2025; Monday 27 January is
    # the last workday before it.
    rule = year_end_bonus_paid_by()
    assert due_date(rule, period=Period(year=2024), calendar=STATUTORY) == date(2025, 1, 27)


def test_march_2024_score_sheets_reach_hr_by_monday_8_april() -> None:
    # 8 April 2024 is a Monday and a workday (Tomb-sweeping Day was 4–6 April).
    assert due_date(
        score_sheets_due(), period=Period(year=2024, month=3), calendar=STATUTORY
    ) == date(2024, 4, 8)


def test_september_2025_scores_reach_hr_on_9_october_after_the_national_day_days_off() -> None:
    # 8 October 2025 is the last of the 1–8 October days off; 9 October is a workday.
    assert hr_due_date(Period(year=2025, month=9), STATUTORY) == date(2025, 10, 9)
    found = deadline(score_sheets_due(), period=Period(year=2025, month=9), calendar=STATUTORY)
    assert found.due == date(2025, 10, 9)
    assert found.label.en == (
        "day 8 of the next month (2025-10-08), moved to the next workday if it is a day off"
    )


def test_january_2026_scores_reach_hr_on_monday_9_february_as_the_8th_is_a_sunday() -> None:
    assert hr_due_date(Period(year=2026, month=1), STATUTORY) == date(2026, 2, 9)


def test_the_hr_due_date_of_the_last_month_the_library_accepts_is_refused_naming_the_period() -> (
    None
):
    # The 8th of the next month would be 8 January 2200, past the last date accepted.
    calendar = TableCalendar(name="2199", first_year=2199, last_year=2199)
    with pytest.raises(InvalidValueError, match=r"period: expected a period ending before"):
        hr_due_date(Period(year=2199, month=12), calendar)


NEW_YEAR = BeforeHoliday(holiday=Holiday.NEW_YEARS_DAY)


@pytest.mark.parametrize(
    ("year", "due", "first", "last"),
    [
        # 30 Dec 2018 – 1 Jan 2019 off; Saturday 29 December 2018 was a make-up workday.
        (2018, date(2018, 12, 29), date(2018, 12, 30), date(2019, 1, 1)),
        # 31 Dec 2022 – 2 Jan 2023 off; Friday 30 December is the last workday before.
        (2022, date(2022, 12, 30), date(2022, 12, 31), date(2023, 1, 2)),
        # 30 Dec 2023 – 1 Jan 2024 off; Friday 29 December is the last workday before.
        (2023, date(2023, 12, 29), date(2023, 12, 30), date(2024, 1, 1)),
    ],
)
def test_a_new_year_holiday_that_begins_before_the_year_ends_is_the_one_the_year_s_rule_takes(
    year: int, due: date, first: date, last: date
) -> None:
    found = deadline(NEW_YEAR, period=Period(year=year), calendar=STATUTORY)
    assert found.due == due  # not a year later, before the next New Year's Day
    assert (found.input_map()["holiday_first_day"], found.input_map()["holiday_last_day"]) == (
        first,
        last,
    )
    assert found.input_map()["holiday_begins_in_period"] is True
    assert found.label.en.endswith(f"a holiday that begins before {year} ends")
    assert "结束前开始" in found.label.zh_CN


def test_a_new_year_holiday_that_begins_after_the_year_ends_says_nothing_of_the_period() -> None:
    found = deadline(NEW_YEAR, period=Period(year=2024), calendar=STATUTORY)
    # 1 January 2025 (a Wednesday) alone is off: due Tuesday 31 December 2024.
    assert found.due == date(2024, 12, 31)
    assert "holiday_begins_in_period" not in found.input_map()
