"""Named holidays: which holiday a day off belongs to, and a holiday's days off in a year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import from_dict, to_dict
from hrpolicy.core import (
    ChineseStatutoryCalendar,
    DayKind,
    Holiday,
    HolidayNaming,
    InvalidTypeError,
    InvalidValueError,
    NamedHoliday,
    NotCoveredError,
    PolicyDefinitionError,
    TableCalendar,
    holiday_of,
    holiday_stretch,
    is_workday,
)
from hrpolicy.core.workcal import holiday_stretches

STATUTORY = ChineseStatutoryCalendar()

# The State Council's arrangement for the 2026 Spring Festival: 15–23 February off (the
# weekdays 16–20 and 23 February listed as holidays), Saturdays 14 and 28 February worked.
SPRING_2026 = TableCalendar(
    name="2026 excerpt",
    first_year=2026,
    last_year=2026,
    holidays=tuple(date(2026, 2, d) for d in (16, 17, 18, 19, 20, 23)),
    makeup_workdays=(date(2026, 2, 14), date(2026, 2, 28)),
    named_holidays=(
        NamedHoliday(
            holiday=Holiday.SPRING_FESTIVAL, first_day=date(2026, 2, 15), last_day=date(2026, 2, 23)
        ),
    ),
    source="国务院办公厅关于2026年部分节假日安排的通知",
)


class _KindsOnly:
    """A calendar that knows the kinds of days but not their holidays' names."""

    def day_kind(self, day: date) -> DayKind:
        return DayKind.REST_DAY if day.weekday() >= 5 else DayKind.WORKDAY


def test_every_holiday_has_a_chinese_and_an_english_name() -> None:
    assert Holiday.SPRING_FESTIVAL.label.zh_CN == "春节"
    assert Holiday.MID_AUTUMN_FESTIVAL.label.en == "Mid-autumn Festival"
    assert all(h.label.zh_CN and h.label.en for h in Holiday)


def test_an_unknown_holiday_name_is_refused_listing_the_names() -> None:
    with pytest.raises(InvalidValueError, match="spring_festival"):
        Holiday("chinese_new_year")


def test_the_statutory_calendar_names_the_weekend_inside_the_spring_festival_holiday() -> None:
    # 21–22 February 2026 are the Saturday and Sunday inside the 15–23 February days off.
    assert holiday_of(STATUTORY, date(2026, 2, 21)) is Holiday.SPRING_FESTIVAL
    assert isinstance(STATUTORY, HolidayNaming)


def test_the_statutory_calendar_names_an_in_lieu_rest_day_after_its_holiday() -> None:
    # Friday 2 January 2026 is an in-lieu rest day of New Year's Day.
    assert STATUTORY.day_kind(date(2026, 1, 2)) is DayKind.REST_DAY
    assert holiday_of(STATUTORY, date(2026, 1, 2)) is Holiday.NEW_YEARS_DAY


def test_a_make_up_workday_and_an_ordinary_weekend_belong_to_no_holiday() -> None:
    # Saturday 14 February 2026 is worked for the Spring Festival; 7 March is a plain Saturday.
    assert holiday_of(STATUTORY, date(2026, 2, 14)) is None
    assert holiday_of(STATUTORY, date(2026, 3, 7)) is None


def test_the_spring_festival_holiday_of_2026_runs_from_15_to_23_february() -> None:
    assert holiday_stretch(STATUTORY, Holiday.SPRING_FESTIVAL, 2026) == (
        date(2026, 2, 15),
        date(2026, 2, 23),
    )


def test_the_new_years_day_holiday_of_2024_began_on_30_december_2023() -> None:
    assert holiday_stretch(STATUTORY, Holiday.NEW_YEARS_DAY, 2024) == (
        date(2023, 12, 30),
        date(2024, 1, 1),
    )


def test_the_new_years_day_holiday_of_2023_is_the_one_that_ended_on_2_january() -> None:
    # Two New Year's Day stretches touch 2023: 31 Dec 2022 – 2 Jan 2023 and 30 Dec 2023 –
    # 1 Jan 2024; the year's holiday is the first.
    assert holiday_stretch(STATUTORY, Holiday.NEW_YEARS_DAY, 2023) == (
        date(2022, 12, 31),
        date(2023, 1, 2),
    )
    assert tuple(
        holiday_stretches(STATUTORY, Holiday.NEW_YEARS_DAY, date(2023, 1, 1), date(2023, 12, 31))
    ) == ((date(2022, 12, 31), date(2023, 1, 2)), (date(2023, 12, 30), date(2024, 1, 1)))


def test_a_mid_autumn_day_inside_the_2025_national_day_days_off_leaves_one_stretch() -> None:
    # 1–8 October 2025 off; the data names 6 October the Mid-autumn Festival.
    assert holiday_stretch(STATUTORY, Holiday.NATIONAL_DAY, 2025) == (
        date(2025, 10, 1),
        date(2025, 10, 8),
    )
    assert holiday_stretch(STATUTORY, Holiday.MID_AUTUMN_FESTIVAL, 2025) == (
        date(2025, 10, 6),
        date(2025, 10, 6),
    )


def test_the_mid_autumn_festival_of_2023_is_the_day_before_the_national_day_days_off() -> None:
    assert holiday_stretch(STATUTORY, Holiday.MID_AUTUMN_FESTIVAL, 2023) == (
        date(2023, 9, 29),
        date(2023, 9, 29),
    )
    assert holiday_stretch(STATUTORY, Holiday.NATIONAL_DAY, 2023) == (
        date(2023, 9, 30),
        date(2023, 10, 6),
    )


def test_the_one_off_victory_day_of_2015_is_named_and_found_only_in_2015() -> None:
    # The data names 3 and 4 September 2015; Saturday 5 September, unnamed, was off with
    # them (Sunday 6 September was a make-up workday).
    assert holiday_stretch(STATUTORY, Holiday.ANTI_FASCIST_70TH_DAY, 2015) == (
        date(2015, 9, 3),
        date(2015, 9, 5),
    )
    with pytest.raises(InvalidValueError, match="in 2016"):
        holiday_stretch(STATUTORY, Holiday.ANTI_FASCIST_70TH_DAY, 2016)


def test_a_year_the_statutory_data_does_not_cover_is_refused() -> None:
    with pytest.raises(NotCoveredError, match="2004–2026"):
        holiday_stretch(STATUTORY, Holiday.SPRING_FESTIVAL, 2027)
    with pytest.raises(NotCoveredError):
        holiday_of(STATUTORY, date(2027, 1, 1))


def test_new_years_day_2004_is_refused_because_the_data_cannot_say_whether_it_began_in_2003() -> (
    None
):
    with pytest.raises(NotCoveredError, match="2003-12-31"):
        holiday_stretch(STATUTORY, Holiday.NEW_YEARS_DAY, 2004)


def test_a_table_calendar_names_its_holidays_as_data() -> None:
    assert holiday_of(SPRING_2026, date(2026, 2, 15)) is Holiday.SPRING_FESTIVAL
    assert holiday_of(SPRING_2026, date(2026, 2, 24)) is None
    assert holiday_stretch(SPRING_2026, "spring_festival", 2026) == (  # type: ignore[arg-type]
        date(2026, 2, 15),
        date(2026, 2, 23),
    )


def test_a_table_holiday_no_range_names_cannot_be_named() -> None:
    unnamed = TableCalendar(
        name="unnamed", first_year=2026, last_year=2026, holidays=(date(2026, 10, 1),)
    )
    with pytest.raises(NotCoveredError, match="named_holidays"):
        holiday_of(unnamed, date(2026, 10, 1))
    assert holiday_of(unnamed, date(2026, 10, 3)) is None  # an ordinary Saturday


def test_a_calendar_that_does_not_name_holidays_answers_only_for_workdays() -> None:
    calendar = _KindsOnly()
    assert holiday_of(calendar, date(2026, 3, 2)) is None
    with pytest.raises(NotCoveredError, match="names its holidays"):
        holiday_of(calendar, date(2026, 3, 7))


def test_holiday_of_refuses_what_is_not_a_calendar_or_a_date() -> None:
    with pytest.raises(InvalidTypeError, match="calendar"):
        holiday_of("2026", date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="day"):
        holiday_of(SPRING_2026, "2026-01-01")  # type: ignore[arg-type]


def test_holiday_stretch_refuses_a_year_that_is_not_an_int() -> None:
    with pytest.raises(InvalidTypeError, match="year"):
        holiday_stretch(SPRING_2026, Holiday.SPRING_FESTIVAL, "2026")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="holiday"):
        holiday_stretch(SPRING_2026, "new_year", 2026)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("named", "message"),
    [
        (
            NamedHoliday(
                holiday=Holiday.SPRING_FESTIVAL,
                first_day=date(2026, 2, 13),
                last_day=date(2026, 2, 15),
            ),
            "days off only",
        ),
        (
            NamedHoliday(
                holiday=Holiday.NEW_YEARS_DAY,
                first_day=date(2025, 12, 31),
                last_day=date(2026, 1, 1),
            ),
            "covered years",
        ),
    ],
)
def test_a_named_range_over_a_workday_or_outside_the_table_is_refused(
    named: NamedHoliday, message: str
) -> None:
    with pytest.raises(PolicyDefinitionError, match=message):
        TableCalendar(
            name="bad",
            first_year=2026,
            last_year=2026,
            holidays=(date(2026, 1, 1),),
            named_holidays=(named,),
        )


def test_overlapping_named_ranges_are_refused() -> None:
    first = NamedHoliday(
        holiday=Holiday.NATIONAL_DAY, first_day=date(2026, 10, 3), last_day=date(2026, 10, 4)
    )
    second = NamedHoliday(
        holiday=Holiday.MID_AUTUMN_FESTIVAL, first_day=date(2026, 10, 4), last_day=date(2026, 10, 4)
    )
    with pytest.raises(PolicyDefinitionError, match=r"named_holidays\[1\]"):
        TableCalendar(name="bad", first_year=2026, last_year=2026, named_holidays=(first, second))


def test_a_named_range_that_ends_before_it_begins_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="last_day"):
        NamedHoliday(
            holiday=Holiday.LABOUR_DAY, first_day=date(2026, 5, 5), last_day=date(2026, 5, 1)
        )


def test_a_snapshot_of_the_statutory_data_keeps_the_names_and_round_trips() -> None:
    table = STATUTORY.to_table(2022, 2026)
    assert table.source.startswith("chinesecalendar")
    assert from_dict(to_dict(table), TableCalendar) == table
    for year in range(2023, 2027):
        for holiday in (h for h in Holiday if h is not Holiday.ANTI_FASCIST_70TH_DAY):
            assert holiday_stretch(table, holiday, year) == holiday_stretch(
                STATUTORY, holiday, year
            )


def test_a_table_calendar_written_before_holidays_had_names_still_reads() -> None:
    data = {"name": "2024", "first_year": 2024, "last_year": 2024, "holidays": ["2024-10-01"]}
    table = from_dict(data, TableCalendar)
    assert table.named_holidays == ()
    assert table.source == ""


def test_every_statutory_stretch_is_days_off_named_for_its_holiday_between_workdays() -> None:
    # The stretch is the holiday's whole break: the day before it and the day after it
    # are workdays, or days off of another holiday (Mid-autumn beside National Day).
    for year in range(2005, 2027):
        for holiday in Holiday:
            for first, last in holiday_stretches(
                STATUTORY, holiday, date(year, 1, 1), date(year, 12, 31)
            ):
                days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
                assert not any(is_workday(STATUTORY, d) for d in days)
                assert holiday in {holiday_of(STATUTORY, d) for d in days}
                assert {holiday_of(STATUTORY, d) for d in days} <= {holiday, None} | (
                    {Holiday.MID_AUTUMN_FESTIVAL} if holiday is Holiday.NATIONAL_DAY else set()
                )
                for beside in (first - timedelta(days=1), last + timedelta(days=1)):
                    assert is_workday(STATUTORY, beside) or holiday_of(STATUTORY, beside) not in (
                        None,
                        holiday,
                    ), (holiday, first, last, beside)


@pytest.mark.parametrize(
    ("holiday", "year", "first", "last"),
    [
        # "6月10日放假，与周末连休": Saturday 8 and Sunday 9 June, which the data leaves unnamed.
        (Holiday.DRAGON_BOAT_FESTIVAL, 2024, date(2024, 6, 8), date(2024, 6, 10)),
        (Holiday.NEW_YEARS_DAY, 2018, date(2017, 12, 30), date(2018, 1, 1)),
        (Holiday.NEW_YEARS_DAY, 2016, date(2016, 1, 1), date(2016, 1, 3)),
        (Holiday.LABOUR_DAY, 2015, date(2015, 5, 1), date(2015, 5, 3)),
        (Holiday.ANTI_FASCIST_70TH_DAY, 2015, date(2015, 9, 3), date(2015, 9, 5)),
    ],
)
def test_a_holiday_joined_to_the_weekend_runs_over_the_weekend_the_data_leaves_unnamed(
    holiday: Holiday, year: int, first: date, last: date
) -> None:
    assert holiday_stretch(STATUTORY, holiday, year) == (first, last)


def test_the_unnamed_saturday_of_the_2016_new_year_break_has_no_name_but_is_in_its_stretch() -> (
    None
):
    assert holiday_of(STATUTORY, date(2016, 1, 2)) is None
    first, last = holiday_stretch(STATUTORY, Holiday.NEW_YEARS_DAY, 2016)
    assert first <= date(2016, 1, 2) <= last


def test_the_mid_autumn_festival_of_2020_merged_into_national_day_carries_its_name() -> None:
    assert holiday_stretch(STATUTORY, Holiday.NATIONAL_DAY, 2020) == (
        date(2020, 10, 1),
        date(2020, 10, 8),
    )
    with pytest.raises(InvalidValueError, match="days off for in 2020"):
        holiday_stretch(STATUTORY, Holiday.MID_AUTUMN_FESTIVAL, 2020)


@st.composite
def _named_tables(draw: st.DrawFn) -> tuple[TableCalendar, Holiday]:
    """A one-year table with one to three named ranges of one holiday, each of days off."""
    year = draw(st.integers(2008, 2040))
    holiday = draw(st.sampled_from(list(Holiday)))
    starts = sorted(draw(st.sets(st.integers(1, 350), min_size=1, max_size=3)))
    ranges: list[NamedHoliday] = []
    holidays: set[date] = set()
    last_end = -10
    for start in starts:
        if start <= last_end + 1:
            continue
        length = draw(st.integers(1, 8))
        end = min(start + length - 1, 364)
        first, last = date(year, 1, 1) + timedelta(start), date(year, 1, 1) + timedelta(end)
        ranges.append(NamedHoliday(holiday=holiday, first_day=first, last_day=last))
        holidays.update(first + timedelta(n) for n in range((last - first).days + 1))
        last_end = end
    table = TableCalendar(
        name=f"drawn {year}",
        first_year=year,
        last_year=year,
        holidays=tuple(sorted(d for d in holidays if d.weekday() < 5)),
        named_holidays=tuple(ranges),
    )
    return table, holiday


@given(_named_tables())
def test_a_holidays_stretch_is_named_days_off_holding_a_day_of_the_year(
    drawn: tuple[TableCalendar, Holiday],
) -> None:
    table, holiday = drawn
    year = table.first_year
    try:
        first, last = holiday_stretch(table, holiday, year)
    except NotCoveredError:
        # A stretch reaching 31 December looks at 1 January of a year the table lacks.
        return
    days = [first + timedelta(n) for n in range((last - first).days + 1)]
    assert any(d.year == year and holiday_of(table, d) is holiday for d in days)
    assert all(not is_workday(table, d) for d in days)
    assert {holiday_of(table, d) for d in days} <= {holiday, None}
    # The stretch is the whole run of days off: a workday lies on each side of it.
    before = first - timedelta(1)
    assert before < date(year, 1, 1) or is_workday(table, before)
    after = last + timedelta(1)
    assert after > date(year, 12, 31) or is_workday(table, after)


SNAPSHOT = STATUTORY.to_table(2004, 2026)


@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 12, 31)))
def test_a_snapshot_of_the_statutory_data_names_every_day_as_the_data_does(day: date) -> None:
    assert SNAPSHOT.day_kind(day) is STATUTORY.day_kind(day)
    assert holiday_of(SNAPSHOT, day) is holiday_of(STATUTORY, day)
