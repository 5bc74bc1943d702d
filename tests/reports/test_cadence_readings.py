"""The cadence readings a review asked for, each on a worked example computed by hand.

Dates are in 2024 on the test calendar (weekends off; Qingming on Thursday 4 and Friday 5
April, a make-up workday on Sunday 7 April) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.workcal import TableCalendar, subtract_workdays
from hrpolicy.reports import ChineseStatutoryCalendar, Period
from hrpolicy.reports.cadence import (
    Activity,
    Ahead,
    AtLeast,
    CadenceCheck,
    CadencePolicy,
    Every,
    Stage,
    Within,
    check_cadences,
)
from hrpolicy.reports.examples import (
    after_sales_cadences,
    bid_documents_cadence,
    delivery_revisit_cadences,
    handbook_cadences,
    project_revisit_cadences,
    promotion_notice_cadences,
    score_sheet_cadence,
)
from tests.reports.helpers import CALENDAR

ONE_YEAR = TableCalendar(name="2024", first_year=2024, last_year=2024)


def _a(kind: str, on: date, subject: str, **more: object) -> Activity:
    return Activity(kind=kind, on=on, subject=subject, **more)  # type: ignore[arg-type]


def _check(
    policy: CadencePolicy,
    log: list[Activity],
    first: date,
    last: date,
    stages: tuple[Stage, ...] = (),
) -> CadenceCheck:
    return check_cadences(policy, log, CALENDAR, first_day=first, as_of=last, stages=stages)


def _rows(check: CadenceCheck, rule_id: str) -> list[tuple[str, date, date | None]]:
    return [(o.status.value, o.due_by, o.done_on) for o in check.of(rule_id)]


def _weeks(*days: int, month: int) -> list[date]:
    return [date(2024, month, d) for d in days]


# --- every: the clock and the missed intervals ------------------------------------------------


def test_a_project_in_early_design_unvisited_from_4_march_to_20_may_is_missed_every_week() -> None:
    # Visit 4 March (due 8 March: met). Next due 11 March; the next visit is 20 May: 11 March
    # is late (done 20 May), then each week counted from the missed day is missing: 18 and
    # 25 March, 1 to 29 April, 6 and 13 May (9). The visit of 20 May restarts the clock:
    # due 27 May, missing.
    stages = (Stage(subject="P1", stage="early_design", since=date(2024, 3, 1)),)
    log = [_a("visit", date(2024, 3, 4), "P1"), _a("visit", date(2024, 5, 20), "P1")]
    policy = project_revisit_cadences()
    whole = _check(policy, log, date(2024, 3, 1), date(2024, 5, 31), stages)
    assert _rows(whole, "early-design-weekly") == [
        ("met", date(2024, 3, 8), date(2024, 3, 4)),
        ("late", date(2024, 3, 11), date(2024, 5, 20)),
        *(
            ("missing", day, None)
            for day in (
                *_weeks(18, 25, month=3),
                *_weeks(1, 8, 15, 22, 29, month=4),
                *_weeks(6, 13, 27, month=5),
            )
        ),
    ]
    assert len(whole.misses) == 11
    # Checked month by month, April and May are no longer passed.
    months = [
        (date(2024, 3, 1), date(2024, 3, 31)),
        (date(2024, 4, 1), date(2024, 4, 30)),
        (date(2024, 5, 1), date(2024, 5, 31)),
    ]
    assert [len(_check(policy, log, a, b, stages).misses) for a, b in months] == [3, 5, 3]


def test_a_visit_27_days_apart_across_a_change_from_drawings_to_tendering_is_late() -> None:
    # Drawings from 1 March (visited that day), tendering from 14 March: both are "other
    # stages", so the fortnightly clock runs on from 1 March: due 15 March, visited 28 March
    # (13 days late); then due 11 and 25 April, both missing.
    stages = (
        Stage(subject="P1", stage="construction_drawings", since=date(2024, 3, 1)),
        Stage(subject="P1", stage="tendering", since=date(2024, 3, 14)),
    )
    log = [_a("visit", date(2024, 3, 1), "P1"), _a("visit", date(2024, 3, 28), "P1")]
    check = _check(project_revisit_cadences(), log, date(2024, 3, 1), date(2024, 4, 30), stages)
    assert _rows(check, "other-stages-fortnightly") == [
        ("late", date(2024, 3, 15), date(2024, 3, 28)),
        ("missing", date(2024, 4, 11), None),
        ("missing", date(2024, 4, 25), None),
    ]
    assert check.findings[0].param("days_late") == 13


def test_moving_from_early_design_to_tendering_counts_two_weeks_from_the_last_visit() -> None:
    # Visited 1 March in early design, tendering from 8 March: the next visit is due two
    # weeks after 1 March, on 15 March; the visit of 22 March is 7 days late.
    stages = (
        Stage(subject="P1", stage="early_design", since=date(2024, 3, 1)),
        Stage(subject="P1", stage="tendering", since=date(2024, 3, 8)),
    )
    log = [_a("visit", date(2024, 3, 1), "P1"), _a("visit", date(2024, 3, 22), "P1")]
    check = _check(project_revisit_cadences(), log, date(2024, 3, 1), date(2024, 3, 31), stages)
    assert _rows(check, "other-stages-fortnightly") == [
        ("late", date(2024, 3, 15), date(2024, 3, 22))
    ]


def test_a_project_flipping_stages_every_six_days_without_a_visit_still_misses_its_visits() -> None:
    # Early design on 1, 13 and 25 March, tendering on 7 and 19 March and from 31 March; no
    # visit. The clock runs from 1 March: weekly due days 8, 15, 22, 29 March, of which 15
    # and 29 March fall in early design; fortnightly due days 15 and 29 March fall in early
    # design (passed over), then 12 and 26 April in tendering.
    stages = tuple(
        Stage(subject="P1", stage=stage, since=date(2024, 3, day))
        for day, stage in (
            (1, "early_design"),
            (7, "tendering"),
            (13, "early_design"),
            (19, "tendering"),
            (25, "early_design"),
            (31, "tendering"),
        )
    )
    check = _check(project_revisit_cadences(), [], date(2024, 3, 1), date(2024, 4, 30), stages)
    assert [(o.rule_id, o.due_by) for o in check.misses] == [
        ("early-design-weekly", date(2024, 3, 15)),
        ("early-design-weekly", date(2024, 3, 29)),
        ("other-stages-fortnightly", date(2024, 4, 12)),
        ("other-stages-fortnightly", date(2024, 4, 26)),
    ]


def test_projects_in_stages_spelled_otherwise_are_other_stages_and_are_visited_fortnightly() -> (
    None
):
    # Neither name is known; both are "other stages": due 15 and 29 March, 12 and 26 April,
    # 10 and 24 May, 7 and 21 June, all missing (8 each).
    stages = (
        Stage(subject="P1", stage="construction_drawing", since=date(2024, 3, 1)),
        Stage(subject="P2", stage="design_development", since=date(2024, 3, 1)),
    )
    check = _check(project_revisit_cadences(), [], date(2024, 3, 1), date(2024, 6, 30), stages)
    assert [(o.subject, o.status.value) for o in check.misses] == [
        *([("P1", "missing")] * 8),
        *([("P2", "missing")] * 8),
    ]
    assert not check.passed


def test_an_every_rule_names_either_its_stages_or_the_stages_it_leaves_out() -> None:
    common = {"rule_id": "x", "zh_CN": "x", "en": "x", "activity": "visit", "every": 7}
    with pytest.raises(PolicyDefinitionError, match=r"Every\(x\)\.stages"):
        Every(**common)  # type: ignore[arg-type]
    with pytest.raises(PolicyDefinitionError, match=r"Every\(x\)\.stages"):
        Every(**common, stages=("a",), except_stages=("b",))  # type: ignore[arg-type]


# --- ahead: one response per event ------------------------------------------------------------


def test_two_promotions_a_week_apart_each_called_twenty_days_ahead_are_both_met() -> None:
    # Promotions 1 and 8 June: calls due by 18 and 25 May; called 12 and 19 May.
    log = [
        _a("promotion", date(2024, 6, 1), "C1"),
        _a("promotion", date(2024, 6, 8), "C1"),
        _a("promotion_call", date(2024, 5, 12), "C1"),
        _a("promotion_call", date(2024, 5, 19), "C1"),
    ]
    check = _check(promotion_notice_cadences(), log, date(2024, 5, 1), date(2024, 6, 30))
    assert _rows(check, "promotion-call-two-weeks-ahead") == [
        ("met", date(2024, 5, 18), date(2024, 5, 12)),
        ("met", date(2024, 5, 25), date(2024, 5, 19)),
    ]
    assert all(o.due_from is None for o in check.of("promotion-call-two-weeks-ahead"))


def test_a_bid_logged_twice_on_one_day_asks_for_one_set_of_documents() -> None:
    # Bid 10 March twice: one obligation, due 8 March; documents 7 March: met.
    log = [
        _a("bid", date(2024, 3, 10), "P1"),
        _a("bid", date(2024, 3, 10), "P1"),
        _a("bid_documents", date(2024, 3, 7), "P1"),
    ]
    check = _check(bid_documents_cadence(), log, date(2024, 3, 1), date(2024, 3, 31))
    assert _rows(check, "bid-documents-two-days-ahead") == [
        ("met", date(2024, 3, 8), date(2024, 3, 7))
    ]


def test_documents_two_workdays_before_monday_8_april_after_qingming_fall_on_wednesday_3() -> None:
    # Workdays before 8 April: Sunday 7 (make-up), then Wednesday 3 (4-6 April off).
    assert subtract_workdays(CALENDAR, date(2024, 4, 8), 1) == date(2024, 4, 7)
    assert subtract_workdays(CALENDAR, date(2024, 4, 8), 2) == date(2024, 4, 3)
    with pytest.raises(InvalidValueError, match="count"):
        subtract_workdays(CALENDAR, date(2024, 4, 8), 0)


# --- within: one response per obligation ------------------------------------------------------


def test_one_follow_up_call_on_day_ten_meets_the_second_call_and_leaves_the_first_missing() -> None:
    # Service 4 March: first call 7-11 March, second 12-18 March; one call, on 14 March.
    log = [
        _a("service", date(2024, 3, 4), "C1"),
        _a("customer_file", date(2024, 3, 4), "C1"),
        _a("follow_up_call", date(2024, 3, 14), "C1"),
    ]
    check = _check(after_sales_cadences(), log, date(2024, 3, 1), date(2024, 3, 31))
    assert _rows(check, "first-follow-up") == [("missing", date(2024, 3, 11), None)]
    assert _rows(check, "second-follow-up") == [("met", date(2024, 3, 18), date(2024, 3, 14))]


def test_a_single_revisit_two_and_a_half_months_after_delivery_is_late_once() -> None:
    # Delivered 15 January: one-month window 15 February-15 March, three-month window
    # 15 April-15 May. One revisit, 31 March: the one-month revisit 16 days late, the
    # three-month one missing.
    log = [_a("delivery", date(2024, 1, 15), "C1"), _a("revisit", date(2024, 3, 31), "C1")]
    check = _check(delivery_revisit_cadences(), log, date(2024, 1, 1), date(2024, 5, 31))
    assert _rows(check, "revisit-one-month") == [("late", date(2024, 3, 15), date(2024, 3, 31))]
    assert _rows(check, "revisit-three-months") == [("missing", date(2024, 5, 15), None)]


def test_one_revisit_three_and_a_half_months_after_delivery_meets_only_the_three_month_one() -> (
    None
):
    # Delivered 15 January; one revisit, 1 May: inside the three-month window.
    log = [_a("delivery", date(2024, 1, 15), "C1"), _a("revisit", date(2024, 5, 1), "C1")]
    check = _check(delivery_revisit_cadences(), log, date(2024, 1, 1), date(2024, 5, 31))
    assert _rows(check, "revisit-one-month") == [("missing", date(2024, 3, 15), None)]
    assert _rows(check, "revisit-three-months") == [("met", date(2024, 5, 15), date(2024, 5, 1))]


def test_a_customer_file_made_after_the_next_service_answers_that_service_only() -> None:
    # Services 4 March (no file) and 1 April (file 2 April): March's file is missing.
    log = [
        _a("service", date(2024, 3, 4), "C1"),
        _a("service", date(2024, 4, 1), "C1"),
        _a("customer_file", date(2024, 4, 2), "C1"),
    ]
    check = _check(after_sales_cadences(), log, date(2024, 3, 1), date(2024, 4, 30))
    assert _rows(check, "customer-file") == [
        ("missing", date(2024, 3, 6), None),
        ("met", date(2024, 4, 3), date(2024, 4, 2)),
    ]


def test_a_service_logged_twice_on_one_day_asks_for_one_customer_file() -> None:
    log = [_a("service", date(2024, 3, 4), "C1"), _a("service", date(2024, 3, 4), "C1")]
    check = _check(after_sales_cadences(), log, date(2024, 3, 1), date(2024, 3, 31))
    assert _rows(check, "customer-file") == [("missing", date(2024, 3, 6), None)]
    assert [f.param("rule_id") for f in check.findings].count("customer-file") == 1


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (
            lambda: Within(rule_id="x", zh_CN="x", en="x", after="call", activity="call", latest=7),
            r"Within\(x\)\.activity",
        ),
        (
            lambda: AtLeast(
                rule_id="x", zh_CN="x", en="x", after="call", activity="call", times=1, within=7
            ),
            r"AtLeast\(x\)\.activity",
        ),
        (
            lambda: Ahead(rule_id="x", zh_CN="x", en="x", before="bid", activity="bid", lead=2),
            r"Ahead\(x\)\.activity",
        ),
    ],
)
def test_a_rule_whose_trigger_would_answer_itself_is_refused_naming_the_rule(
    build: object, path: str
) -> None:
    with pytest.raises(PolicyDefinitionError, match=path):
        build()  # type: ignore[operator]


# --- monthly submissions ----------------------------------------------------------------------


def test_a_december_check_on_a_calendar_of_one_year_needs_no_day_of_the_next_year() -> None:
    # November's sheet is due 9 December (the 8th a Sunday): missing. December's is due in
    # January 2025 and is not asked about.
    check = check_cadences(
        handbook_cadences(), [], ONE_YEAR, first_day=date(2024, 12, 1), as_of=date(2024, 12, 31)
    )
    assert [(str(o.period), o.due_by, o.status.value) for o in check.obligations] == [
        ("2024-11", date(2024, 12, 9), "missing")
    ]


def test_a_january_check_on_a_calendar_of_one_year_judges_decembers_sheet_only() -> None:
    # December 2023's sheet is due Monday 8 January 2024, sent that day.
    log = [
        _a("score_sheet", date(2024, 1, 8), "sales-department", period=Period(year=2023, month=12))
    ]
    check = check_cadences(
        score_sheet_cadence(), log, ONE_YEAR, first_day=date(2024, 1, 1), as_of=date(2024, 1, 31)
    )
    assert [(str(o.period), o.due_by, o.status.value) for o in check.obligations] == [
        ("2023-12", date(2024, 1, 8), "met")
    ]


def test_a_december_2026_check_on_the_statutory_calendar_runs() -> None:
    # The statutory data end with 2026; November's sheet is due Tuesday 8 December 2026.
    check = check_cadences(
        handbook_cadences(),
        [],
        ChineseStatutoryCalendar(),
        first_day=date(2026, 12, 1),
        as_of=date(2026, 12, 31),
    )
    assert [(str(o.period), o.due_by) for o in check.obligations] == [
        ("2026-11", date(2026, 12, 8))
    ]


def test_the_step_for_mays_score_sheet_says_the_8th_of_june_was_a_saturday() -> None:
    check = _check(score_sheet_cadence(), [], date(2024, 6, 1), date(2024, 6, 30))
    (step,) = [s for s in check.steps if s.rule == "cadence.due_day"]
    assert step.output == date(2024, 6, 10)
    assert step.input_map["nominal_date"] == date(2024, 6, 8)
    assert step.input_map["roll"] == "next_workday"
    assert "2024-06-08" in step.label.en


def test_a_quarterly_score_sheet_is_refused_naming_the_entry() -> None:
    log = [
        _a("score_sheet", date(2024, 4, 2), "sales-department", period=Period(year=2024, quarter=1))
    ]
    with pytest.raises(InvalidValueError, match=r"activities\[0\]\.period"):
        _check(score_sheet_cadence(), log, date(2024, 4, 1), date(2024, 4, 30))


def test_a_march_score_sheet_dated_1_february_is_early_and_does_not_count() -> None:
    log = [
        _a("score_sheet", date(2024, 2, 1), "sales-department", period=Period(year=2024, month=3))
    ]
    check = _check(score_sheet_cadence(), log, date(2024, 4, 1), date(2024, 4, 30))
    (march,) = check.obligations
    assert (march.status.value, march.due_from, march.due_by, march.done_on) == (
        "early",
        date(2024, 3, 1),
        date(2024, 4, 8),
        date(2024, 2, 1),
    )
    assert check.findings[0].message("en") == (
        "score sheets to HR by the 8th of the next month: sales-department's submission for "
        "2024-03 was due from 2024-03-01 to 2024-04-08; the record of 2024-02-01 came before "
        "the month began and does not count."
    )


# --- the explanation --------------------------------------------------------------------------


def test_the_first_step_counts_the_rules_checked_and_says_so() -> None:
    check = _check(handbook_cadences(), [], date(2024, 3, 1), date(2024, 3, 31))
    first = check.steps[0]
    assert first.output == len(handbook_cadences().rules) == 12
    assert first.label.en.startswith("rules checked")
