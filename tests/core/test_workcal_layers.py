"""A layered calendar: a year the statutory data does not hold yet, laid over it as data."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from hrpolicy import from_dict, to_dict
from hrpolicy.core import (
    BaseCalendar,
    BeforeHoliday,
    DayKind,
    Holiday,
    InvalidTypeError,
    LayeredCalendar,
    NamedHoliday,
    NotCoveredError,
    Period,
    PolicyDefinitionError,
    StatutoryCalendar,
    TableCalendar,
    count_workdays,
    due_date,
    holiday_of,
    holiday_stretch,
)
from hrpolicy.reports import IsoWeek, ReportCase, validate
from hrpolicy.reports.examples import domain_report_policy, example_report
from hrpolicy.strategies import layered_calendars

# An arrangement for 2027 MADE UP FOR THE TESTS — not the State Council's: New Year's Day
# Friday 1 January to Sunday 3 January off; the Spring Festival Friday 5 to Friday 12
# February off (the weekdays 5, 8–12 February listed as holidays), Saturday 13 February
# worked.
EXAMPLE_2027 = TableCalendar(
    name="2027 (example, not the official arrangement)",
    first_year=2027,
    last_year=2027,
    holidays=(date(2027, 1, 1), *(date(2027, 2, d) for d in (5, 8, 9, 10, 11, 12))),
    makeup_workdays=(date(2027, 2, 13),),
    named_holidays=(
        NamedHoliday(
            holiday=Holiday.NEW_YEARS_DAY, first_day=date(2027, 1, 1), last_day=date(2027, 1, 3)
        ),
        NamedHoliday(
            holiday=Holiday.SPRING_FESTIVAL,
            first_day=date(2027, 2, 5),
            last_day=date(2027, 2, 12),
        ),
    ),
    source="example only — not an official arrangement",
)
LAYERED = LayeredCalendar(base=StatutoryCalendar(), layers=(EXAMPLE_2027,))


def test_the_added_year_answers_for_its_days_and_the_statutory_data_for_the_rest() -> None:
    assert LAYERED.day_kind(date(2027, 2, 13)) is DayKind.MAKEUP_WORKDAY
    assert LAYERED.day_kind(date(2026, 10, 1)) is DayKind.STATUTORY_HOLIDAY
    assert LAYERED.source_of(date(2027, 2, 13)) == "example only — not an official arrangement"
    assert LAYERED.source_of(date(2026, 10, 1)) == "chinesecalendar"


def test_a_year_neither_covers_is_refused_naming_the_years_each_covers() -> None:
    with pytest.raises(NotCoveredError) as raised:
        LAYERED.day_kind(date(2028, 1, 3))
    message = str(raised.value)
    assert "2027–2027" in message
    assert "chinese statutory: 2004–2026" in message
    assert "2028-01-03" in message
    assert not LAYERED.covers(date(2028, 1, 3))


def test_the_2026_bonus_paid_before_the_next_spring_festival_is_due_on_4_february_2027() -> None:
    # The example's Spring Festival days off begin on Friday 5 February 2027; Thursday the
    # 4th is the last workday before them.
    rule = BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL)
    assert due_date(rule, period=Period(year=2026), calendar=LAYERED) == date(2027, 2, 4)
    assert due_date(rule, year=2027, calendar=LAYERED) == date(2027, 2, 4)


def test_without_the_added_year_the_same_bonus_deadline_is_refused() -> None:
    rule = BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL)
    with pytest.raises(NotCoveredError, match="2004–2026"):
        due_date(rule, period=Period(year=2026), calendar=StatutoryCalendar())


def test_a_holiday_stretch_may_reach_from_the_added_year_back_into_the_statutory_data() -> None:
    # Looking before 1 January 2027 asks the statutory data: Thursday 31 December 2026 is
    # a workday, so the example's New Year's Day holiday is 1–3 January 2027.
    assert holiday_stretch(LAYERED, Holiday.NEW_YEARS_DAY, 2027) == (
        date(2027, 1, 1),
        date(2027, 1, 3),
    )
    assert holiday_of(LAYERED, date(2026, 10, 3)) is Holiday.NATIONAL_DAY


def test_workdays_are_counted_across_the_seam_between_the_data_and_the_added_year() -> None:
    # 28–31 December 2026 (Mon–Thu) are four workdays; 1–3 January 2027 off; 4–7 January
    # (Mon–Thu) four more: eight in [28 Dec, 8 Jan).
    assert count_workdays(LAYERED, date(2026, 12, 28), date(2027, 1, 8)) == 8


def test_a_correcting_layer_answers_for_a_year_the_base_covers_too() -> None:
    correction = TableCalendar(
        name="2026 as the company keeps it",
        first_year=2026,
        last_year=2026,
        rest_days=(date(2026, 12, 31),),
    )
    calendar = LayeredCalendar(
        base=StatutoryCalendar(), layers=(correction, EXAMPLE_2027), replaces_base=True
    )
    assert calendar.day_kind(date(2026, 12, 31)) is DayKind.REST_DAY
    assert StatutoryCalendar().day_kind(date(2026, 12, 31)) is DayKind.WORKDAY


def test_a_layer_over_a_year_the_base_covers_is_refused_unless_it_says_it_replaces_the_base() -> (
    None
):
    # A 2026–27 table over the statutory data would replace all of 2026 (the 2026 Spring
    # Festival among it) without a word: refused, naming the days it would replace.
    big = TableCalendar(
        name="2026-27", first_year=2026, last_year=2027, holidays=(date(2027, 1, 1),)
    )
    with pytest.raises(
        PolicyDefinitionError,
        match=r"layers\[0\]: expected dates the base does not cover .*2026-01-01 to 2026-12-31 "
        r"would be replaced",
    ):
        LayeredCalendar(base=StatutoryCalendar(), layers=(big,))
    corrected = LayeredCalendar(base=StatutoryCalendar(), layers=(big,), replaces_base=True)
    assert corrected.day_kind(date(2026, 2, 16)) is DayKind.WORKDAY  # as the table says


def test_a_2019_notice_s_december_2018_days_are_written_in_a_layer_that_begins_in_december() -> (
    None
):
    # The 2019 notice (国办发明电〔2018〕15号): 30 December 2018 to 1 January 2019 off,
    # Saturday 29 December 2018 worked. Over a base of 2018 up to 28 December (as a
    # company might have kept it), a layer from 29 December 2018 holds those days.
    base_2018 = TableCalendar(
        name="2018", first_year=2018, last_year=2018, last_day=date(2018, 12, 28)
    )
    notice = TableCalendar(
        name="2019",
        first_year=2019,
        last_year=2019,
        first_day=date(2018, 12, 29),
        holidays=(date(2018, 12, 31), date(2019, 1, 1)),
        makeup_workdays=(date(2018, 12, 29),),
        named_holidays=(
            NamedHoliday(
                holiday=Holiday.NEW_YEARS_DAY,
                first_day=date(2018, 12, 30),
                last_day=date(2019, 1, 1),
            ),
        ),
        source="国办发明电〔2018〕15号",
    )
    calendar = LayeredCalendar(base=base_2018, layers=(notice,))
    assert calendar.day_kind(date(2018, 12, 29)) is DayKind.MAKEUP_WORKDAY
    assert calendar.source_of(date(2018, 12, 31)) == "国办发明电〔2018〕15号"
    assert calendar.day_kind(date(2018, 12, 28)) is DayKind.WORKDAY  # the base's Friday
    assert holiday_stretch(calendar, Holiday.NEW_YEARS_DAY, 2019) == (
        date(2018, 12, 30),
        date(2019, 1, 1),
    )
    assert from_dict(to_dict(calendar), LayeredCalendar) == calendar


def test_a_table_refuses_a_day_outside_the_years_or_the_dates_it_states() -> None:
    with pytest.raises(
        PolicyDefinitionError,
        match=r"makeup_workdays\[0\]: expected a date in the covered years 2019–2019.*"
        r"got date 2018-12-29",
    ):
        TableCalendar(
            name="2019", first_year=2019, last_year=2019, makeup_workdays=(date(2018, 12, 29),)
        )
    with pytest.raises(
        PolicyDefinitionError,
        match=r"rest_days\[0\]: expected a date in the covered dates 2018-12-29–2019-12-31",
    ):
        TableCalendar(
            name="2019",
            first_year=2019,
            last_year=2019,
            first_day=date(2018, 12, 29),
            rest_days=(date(2018, 12, 28),),
        )
    with pytest.raises(PolicyDefinitionError, match=r"TableCalendar\.last_day"):
        TableCalendar(
            name="x",
            first_year=2019,
            last_year=2019,
            first_day=date(2019, 6, 1),
            last_day=date(2019, 5, 31),
        )


def test_two_layers_for_the_same_year_are_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"layers\[1\]"):
        LayeredCalendar(base=StatutoryCalendar(), layers=(EXAMPLE_2027, EXAMPLE_2027))


def test_a_layered_calendar_without_a_layer_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="one or more"):
        LayeredCalendar(base=StatutoryCalendar(), layers=())


def test_the_base_must_be_a_table_or_the_statutory_calendar_named() -> None:
    with pytest.raises(InvalidTypeError, match="base"):
        LayeredCalendar(base="chinese", layers=(EXAMPLE_2027,))  # type: ignore[arg-type]


def test_a_layered_calendar_round_trips_as_plain_data_with_its_sources() -> None:
    data = to_dict(LAYERED)
    assert data["base"] == {"kind": "chinese_statutory"}
    assert data["layers"][0]["source"] == "example only — not an official arrangement"
    assert from_dict(data, LayeredCalendar) == LAYERED
    table_base = LayeredCalendar(
        base=TableCalendar(name="2026", first_year=2026, last_year=2026), layers=(EXAMPLE_2027,)
    )
    assert from_dict(to_dict(table_base), LayeredCalendar) == table_base
    assert to_dict(StatutoryCalendar(), BaseCalendar) == {"format": 1, "kind": "chinese_statutory"}


def test_a_weekly_report_of_january_2027_is_validated_on_the_added_year() -> None:
    week = IsoWeek(year=2027, week=1)  # 4–10 January 2027
    report = example_report("li", week, LAYERED)
    assert [str(c.on) for c in report.calls] == [f"2027-01-0{d}" for d in range(4, 9)]
    case = ReportCase(policy=domain_report_policy(), calendar=LAYERED, reports=(report,))
    back = from_dict(to_dict(case), ReportCase)
    assert back == case
    assert back.validate().checks == validate([report], domain_report_policy(), LAYERED)
    with pytest.raises(NotCoveredError):
        validate([report], domain_report_policy(), StatutoryCalendar())


@given(layered_calendars())
def test_each_day_is_answered_by_the_layer_covering_it_else_by_the_base(
    calendar: LayeredCalendar,
) -> None:
    layer = calendar.layers[0]
    for month in range(1, 13):
        day = date(layer.first_year, month, 15)
        assert calendar.day_kind(day) is layer.day_kind(day)
    before = date(layer.first_year - 1, 6, 15)
    if calendar.base.covers(before):
        assert calendar.day_kind(before) is calendar.base.day_kind(before)
    else:
        with pytest.raises(NotCoveredError):
            calendar.day_kind(before)
