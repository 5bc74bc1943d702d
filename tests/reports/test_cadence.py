"""Every activity cadence of the handbooks, checked on worked examples computed by hand.

Dates are in 2024 on the test calendar (weekends off; Qingming on Thursday 4 and Friday 5
April, a make-up workday on Sunday 7 April) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.deadlines import DayOfNextMonth, Roll
from hrpolicy.core.engines import engine
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.reports import ChineseStatutoryCalendar, IsoWeek, Period
from hrpolicy.reports.cadence import (
    Activity,
    Ahead,
    ByNextMonth,
    CadenceCheck,
    CadencePolicy,
    CadenceUnit,
    ObligationStatus,
    Stage,
    Within,
    check_cadences,
    report_activities,
)
from hrpolicy.reports.examples import (
    after_sales_cadences,
    bid_documents_cadence,
    delivery_revisit_cadences,
    example_report,
    handbook_cadences,
    mentoring_cadence,
    project_revisit_cadences,
    promotion_notice_cadences,
    score_sheet_cadence,
)
from hrpolicy.tables import read_inputs
from tests.helpers import json_roundtrip
from tests.reports.helpers import CALENDAR


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


def _statuses(check: CadenceCheck, rule_id: str) -> list[tuple[str, str, date | None]]:
    return [(o.subject, o.status.value, o.done_on) for o in check.of(rule_id)]


MARCH = (date(2024, 3, 1), date(2024, 3, 31))


# --- after-sales ------------------------------------------------------------------------------


def test_a_customer_file_made_three_days_after_a_service_visit_is_one_day_late() -> None:
    # Service Monday 4 March; due by day 2 = Wednesday 6 March; filed Thursday 7 March.
    log = [_a("service", date(2024, 3, 4), "C1"), _a("customer_file", date(2024, 3, 7), "C1")]
    check = _check(after_sales_cadences(), log, *MARCH)
    (file,) = check.of("customer-file")
    assert (file.status, file.due_by, file.done_on) == (
        ObligationStatus.LATE,
        date(2024, 3, 6),
        date(2024, 3, 7),
    )
    finding = next(f for f in check.findings if f.param("rule_id") == "customer-file")
    assert finding.code == "cadence_late"
    assert finding.param("days_late") == 1
    assert finding.param("start") == date(2024, 3, 4)
    assert "晚1天" in finding.message("zh_CN")


def test_follow_up_calls_on_day_five_and_day_ten_after_a_service_meet_both_call_rules() -> None:
    # Service 4 March: first call days 3-7 (7-11 March), second days 8-14 (12-18 March).
    log = [
        _a("service", date(2024, 3, 4), "C1"),
        _a("customer_file", date(2024, 3, 4), "C1"),
        _a("follow_up_call", date(2024, 3, 9), "C1"),
        _a("follow_up_call", date(2024, 3, 14), "C1"),
    ]
    check = _check(after_sales_cadences(), log, *MARCH)
    assert _statuses(check, "first-follow-up") == [("C1", "met", date(2024, 3, 9))]
    assert _statuses(check, "second-follow-up") == [("C1", "met", date(2024, 3, 14))]
    assert check.passed
    assert check.findings == ()


def test_one_follow_up_call_the_day_after_the_service_is_early_and_the_second_is_missing() -> None:
    # The call of 5 March is before the first window (7-11 March); it is one call, so it
    # is judged once: the second call (12-18 March) was never made.
    log = [_a("service", date(2024, 3, 4), "C1"), _a("follow_up_call", date(2024, 3, 5), "C1")]
    check = _check(after_sales_cadences(), log, *MARCH)
    assert _statuses(check, "first-follow-up") == [("C1", "early", date(2024, 3, 5))]
    assert _statuses(check, "second-follow-up") == [("C1", "missing", None)]
    (early,) = [f for f in check.findings if f.code == "cadence_early"]
    assert (early.param("due_from"), early.param("due_by")) == (date(2024, 3, 7), date(2024, 3, 11))
    # The customer file was never made either: missing, due by 6 March.
    missing = [f for f in check.findings if f.code == "cadence_missing"]
    assert [(f.param("rule_id"), f.param("due_by"), f.param("as_of")) for f in missing] == [
        ("customer-file", date(2024, 3, 6), date(2024, 3, 31)),
        ("second-follow-up", date(2024, 3, 18), date(2024, 3, 31)),
    ]


def test_a_customer_file_due_within_two_workdays_after_qingming_counts_the_make_up_sunday() -> None:
    # Service Wednesday 3 April; 4-5 April are holidays, Saturday 6 off, Sunday 7 a make-up
    # workday (workday 1), Monday 8 (workday 2): due by 8 April.
    policy = CadencePolicy(
        policy_id="workday-file",
        rules=(
            Within(
                rule_id="file",
                zh_CN="服务后两个工作日内建档",
                en="customer file within two workdays",
                after="service",
                activity="customer_file",
                latest=2,
                unit=CadenceUnit.WORKDAYS,
            ),
        ),
    )
    log = [_a("service", date(2024, 4, 3), "C1"), _a("customer_file", date(2024, 4, 8), "C1")]
    (file,) = _check(policy, log, date(2024, 4, 1), date(2024, 4, 30)).obligations
    assert (file.status, file.due_by) == (ObligationStatus.MET, date(2024, 4, 8))


# --- bids and promotions ----------------------------------------------------------------------


def test_bid_documents_delivered_the_day_before_the_bid_are_a_day_late() -> None:
    # Bid Friday 15 March: due by Wednesday 13 March; delivered Thursday 14 March.
    log = [_a("bid", date(2024, 3, 15), "P1"), _a("bid_documents", date(2024, 3, 14), "P1")]
    check = _check(bid_documents_cadence(), log, *MARCH)
    (bid,) = check.obligations
    assert (bid.status, bid.due_by, bid.done_on) == (
        ObligationStatus.LATE,
        date(2024, 3, 13),
        date(2024, 3, 14),
    )
    assert check.findings[0].param("days_late") == 1


def test_bid_documents_due_two_workdays_ahead_of_a_bid_after_qingming_are_due_on_3_april() -> None:
    # Bid Monday 8 April; workdays before it: Sunday 7 (make-up), then Wednesday 3 April.
    (days,) = bid_documents_cadence().rules
    assert isinstance(days, Ahead)
    rule = attrs.evolve(days, unit=CadenceUnit.WORKDAYS)
    policy = CadencePolicy(policy_id="bids-in-workdays", rules=(rule,))
    log = [_a("bid", date(2024, 4, 8), "P1"), _a("bid_documents", date(2024, 4, 5), "P1")]
    (bid,) = _check(policy, log, date(2024, 4, 1), date(2024, 4, 30)).obligations
    assert (bid.status, bid.due_by) == (ObligationStatus.LATE, date(2024, 4, 3))


def test_a_second_bid_needs_its_own_documents_delivered_after_the_first_bid() -> None:
    # Bids on 8 and 22 March; documents only on 5 March: they serve the first bid (due 6
    # March), and the second (due by 20 March) has nothing.
    log = [
        _a("bid", date(2024, 3, 8), "P1"),
        _a("bid", date(2024, 3, 22), "P1"),
        _a("bid_documents", date(2024, 3, 5), "P1"),
    ]
    check = _check(bid_documents_cadence(), log, *MARCH)
    assert [(o.status.value, o.due_from, o.due_by) for o in check.obligations] == [
        ("met", None, date(2024, 3, 6)),
        ("missing", None, date(2024, 3, 20)),
    ]


def test_a_promotion_call_two_days_short_of_two_weeks_is_late_and_its_letter_is_on_time() -> None:
    # Promotion from 1 June: calls due by 18 May. C1 called 16 May (on time), letter 20 May
    # (due by 18 May: 2 days late); C2 called 20 May (2 days late), letter 21 May (due 22).
    log = [
        _a("promotion", date(2024, 6, 1), "C1"),
        _a("promotion", date(2024, 6, 1), "C2"),
        _a("promotion_call", date(2024, 5, 16), "C1"),
        _a("promotion_letter", date(2024, 5, 20), "C1"),
        _a("promotion_call", date(2024, 5, 20), "C2"),
        _a("promotion_letter", date(2024, 5, 21), "C2"),
    ]
    check = _check(promotion_notice_cadences(), log, date(2024, 5, 1), date(2024, 6, 30))
    assert _statuses(check, "promotion-call-two-weeks-ahead") == [
        ("C1", "met", date(2024, 5, 16)),
        ("C2", "late", date(2024, 5, 20)),
    ]
    assert _statuses(check, "promotion-letter") == [
        ("C1", "late", date(2024, 5, 20)),
        ("C2", "met", date(2024, 5, 21)),
    ]
    assert [f.param("days_late") for f in check.findings] == [2, 2]


# --- projects by stage ------------------------------------------------------------------------


def test_a_project_revisited_twelve_days_apart_in_early_design_and_left_in_tendering() -> None:
    # Early design from Friday 1 March: visits 6 March (due 8, met), 13 March (due 13, met),
    # 25 March (due 20: 5 days late); tendering from 26 March asks every 14 days, counted
    # from the last visit (25 March): the visit of 12 April is 4 days late (due 8 April),
    # and none by 26 April (missing).
    stages = (
        Stage(subject="P1", stage="early_design", since=date(2024, 3, 1)),
        Stage(subject="P1", stage="tendering", since=date(2024, 3, 26)),
    )
    log = [
        _a("visit", day, "P1")
        for day in (date(2024, 3, 6), date(2024, 3, 13), date(2024, 3, 25), date(2024, 4, 12))
    ]
    check = _check(project_revisit_cadences(), log, date(2024, 3, 1), date(2024, 4, 30), stages)
    assert [(o.status.value, o.due_by, o.done_on) for o in check.of("early-design-weekly")] == [
        ("met", date(2024, 3, 8), date(2024, 3, 6)),
        ("met", date(2024, 3, 13), date(2024, 3, 13)),
        ("late", date(2024, 3, 20), date(2024, 3, 25)),
    ]
    assert [(o.status.value, o.due_by, o.stage) for o in check.of("other-stages-fortnightly")] == [
        ("late", date(2024, 4, 8), "tendering"),
        ("missing", date(2024, 4, 26), "tendering"),
    ]
    assert [f.param("days_late") for f in check.findings if f.code == "cadence_late"] == [5, 4]
    assert [step.output for step in check.steps] == [2, 1, 2]  # rules, then misses per rule


def test_a_won_project_asks_for_no_more_revisits() -> None:
    stages = (
        Stage(subject="P1", stage="early_design", since=date(2024, 3, 1)),
        Stage(subject="P1", stage="won", since=date(2024, 3, 5)),
    )
    check = _check(project_revisit_cadences(), [], *MARCH, stages)
    assert check.obligations == ()


def test_visits_from_the_weekly_report_count_as_project_revisits() -> None:
    # Li's week 10 report visits C3 on Thursday 7 March; C3 entered early design on Monday
    # 26 February, so a visit was due by 4 March: 3 days late.
    report = example_report("li", IsoWeek(year=2024, week=10), CALENDAR)
    log = list(report_activities([report]))
    assert [a.on for a in log if a.subject == "C3"] == [date(2024, 3, 7)]
    stages = (Stage(subject="C3", stage="early_design", since=date(2024, 2, 26)),)
    check = _check(project_revisit_cadences(), log, date(2024, 3, 1), date(2024, 3, 10), stages)
    (visit,) = check.obligations
    assert (visit.status, visit.due_by, visit.done_on) == (
        ObligationStatus.LATE,
        date(2024, 3, 4),
        date(2024, 3, 7),
    )
    assert check.findings[0].param("stage") == "early_design"


# --- deliveries, score sheets, mentoring ------------------------------------------------------


def test_revisits_after_a_delivery_on_31_january_clip_to_month_ends() -> None:
    # Delivered 31 January: one month is 29 February, two months 31 March (revisit on 29
    # February: met); three months 30 April, four months 31 May (revisit 3 June: 3 days late).
    log = [
        _a("delivery", date(2024, 1, 31), "C1"),
        _a("revisit", date(2024, 2, 29), "C1"),
        _a("revisit", date(2024, 6, 3), "C1"),
    ]
    check = _check(delivery_revisit_cadences(), log, date(2024, 1, 1), date(2024, 6, 30))
    assert [(o.due_from, o.due_by, o.status.value) for o in check.obligations] == [
        (date(2024, 2, 29), date(2024, 3, 31), "met"),
        (date(2024, 4, 30), date(2024, 5, 31), "late"),
    ]
    assert check.findings[0].param("days_late") == 3


def test_score_sheets_for_march_in_time_april_missing_and_may_a_day_late() -> None:
    # March's due 8 April (Monday): sent 8 April. April's due 8 May: none. May's: 8 June is
    # a Saturday, so due Monday 10 June; sent 11 June, a day late.
    log = [
        _a("score_sheet", date(2024, 4, 8), "sales-department", period=Period(year=2024, month=3)),
        _a("score_sheet", date(2024, 6, 11), "sales-department", period=Period(year=2024, month=5)),
    ]
    check = _check(score_sheet_cadence(), log, date(2024, 4, 1), date(2024, 6, 30))
    assert [(str(o.period), o.due_by, o.status.value) for o in check.obligations] == [
        ("2024-03", date(2024, 4, 8), "met"),
        ("2024-04", date(2024, 5, 8), "missing"),
        ("2024-05", date(2024, 6, 10), "late"),
    ]
    assert [f.code for f in check.findings] == ["cadence_month_missing", "cadence_month_late"]
    assert check.findings[1].message("en") == (
        "score sheets to HR by the 8th of the next month: sales-department's submission for "
        "2024-05 was due by 2024-06-10 and came on 2024-06-11, 1 day(s) late."
    )


def test_a_may_score_sheet_on_chinas_statutory_calendar_is_due_after_the_dragon_boat_holiday() -> (
    None
):
    # 8-9 June 2024 is a weekend and Monday 10 June the Dragon Boat Festival: due 11 June.
    log = [
        _a("score_sheet", date(2024, 6, 11), "sales-department", period=Period(year=2024, month=5))
    ]
    check = check_cadences(
        score_sheet_cadence(),
        log,
        ChineseStatutoryCalendar(),
        first_day=date(2024, 6, 1),
        as_of=date(2024, 6, 30),
    )
    assert [(o.due_by, o.status.value) for o in check.obligations] == [(date(2024, 6, 11), "met")]


def test_a_new_hire_with_four_mentoring_sessions_in_three_months_falls_one_short() -> None:
    # Mentoring from 1 March, window to 1 June: sessions 5 and 12 March, 2 April, 20 May (4);
    # the one of 5 June is after the window.
    sessions = (
        date(2024, 3, 5),
        date(2024, 3, 12),
        date(2024, 4, 2),
        date(2024, 5, 20),
        date(2024, 6, 5),
    )
    log = [_a("mentoring_start", date(2024, 3, 1), "N1")] + [
        _a("mentoring_session", day, "N1") for day in sessions
    ]
    check = _check(mentoring_cadence(), log, date(2024, 6, 1), date(2024, 6, 30))
    (five,) = check.obligations
    assert (five.status, five.due_by, five.count) == (ObligationStatus.TOO_FEW, date(2024, 6, 1), 4)
    assert check.findings[0].message("zh_CN") == (
        "师傅带教不少于5次：N1在2024-03-01至2024-06-01之间应至少5次，实际4次。"
    )


# --- the range, the boundary, bad input -------------------------------------------------------


def test_an_obligation_is_judged_in_the_check_whose_range_holds_its_due_day() -> None:
    # Service 30 March: the file is due 1 April, so March's check does not judge it and
    # April's does.
    log = [_a("service", date(2024, 3, 30), "C1")]
    policy = after_sales_cadences()
    assert _check(policy, log, *MARCH).of("customer-file") == ()
    (file,) = _check(policy, log, date(2024, 4, 1), date(2024, 4, 30)).of("customer-file")
    assert (file.status, file.due_by) == (ObligationStatus.MISSING, date(2024, 4, 1))


def test_the_handbook_cadences_read_back_from_plain_data_unchanged() -> None:
    policy = handbook_cadences()
    assert len(policy.rules) == 12
    assert from_dict(to_dict(policy), CadencePolicy) == policy
    assert json_roundtrip(policy) == policy
    assert to_dict(policy)["rules"][0]["kind"] == "every"


def test_a_cadence_check_reads_as_an_obligations_table_with_the_days_late() -> None:
    log = [_a("service", date(2024, 3, 4), "C1"), _a("customer_file", date(2024, 3, 7), "C1")]
    check = _check(after_sales_cadences(), log, *MARCH)
    rows = check.to_records("obligations")
    assert [(r["rule_id"], r["status"], r["days_late"]) for r in rows] == [
        ("customer-file", "late", 1),
        ("first-follow-up", "missing", None),
        ("second-follow-up", "missing", None),
    ]
    assert "Activity cadence check" in check.to_text("en")
    assert json_roundtrip(check) == check


def test_a_window_that_closes_before_it_opens_is_refused_naming_the_rule() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"Within\(x\)\.earliest"):
        Within(rule_id="x", zh_CN="x", en="x", after="a", activity="b", earliest=5, latest=2)


def test_two_rules_with_one_id_are_refused() -> None:
    rule = after_sales_cadences().rules[0]
    with pytest.raises(PolicyDefinitionError, match="rule_id"):
        CadencePolicy(policy_id="p", rules=(rule, rule))


def test_a_score_sheet_without_the_month_it_is_for_is_refused_naming_the_entry() -> None:
    log = [
        _a("visit", date(2024, 4, 1), "C1"),
        _a("score_sheet", date(2024, 4, 8), "sales-department"),
    ]
    with pytest.raises(InvalidValueError, match=r"activities\[1\]\.period"):
        _check(score_sheet_cadence(), log, date(2024, 4, 1), date(2024, 4, 30))


def test_a_check_ending_before_it_starts_and_a_log_of_the_wrong_type_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="as_of"):
        _check(after_sales_cadences(), [], date(2024, 3, 2), date(2024, 3, 1))
    with pytest.raises(InvalidTypeError, match="activities"):
        check_cadences(
            after_sales_cadences(),
            ["visit"],  # type: ignore[list-item]
            CALENDAR,
            first_day=date(2024, 3, 1),
            as_of=date(2024, 3, 2),
        )


def test_two_stage_records_for_a_project_on_one_day_are_refused() -> None:
    stages = (
        Stage(subject="P1", stage="early_design", since=date(2024, 3, 1)),
        Stage(subject="P1", stage="tendering", since=date(2024, 3, 1)),
    )
    with pytest.raises(InvalidValueError, match="stages"):
        _check(project_revisit_cadences(), [], *MARCH, stages)


# --- the engine and the tables room ---------------------------------------------------------


def test_the_cadences_engine_s_worked_example_finds_the_tutorial_s_six_misses() -> None:
    # C2: late in early design (due 20 March, visited 25), late in tendering (due 8 April,
    # two weeks after the visit of 25 March; visited 12), then missing (due 26 April);
    # C7's file a day late; February's and March's score sheets (due 8 March and 8 April)
    # missing.
    spec = engine("cadences")
    case = spec.example_case()
    check = spec.run(case)
    assert [(o.rule_id, o.subject, o.status.value, o.due_by) for o in check.misses] == [
        ("early-design-weekly", "C2", "late", date(2024, 3, 20)),
        ("other-stages-fortnightly", "C2", "late", date(2024, 4, 8)),
        ("other-stages-fortnightly", "C2", "missing", date(2024, 4, 26)),
        ("customer-file", "C7", "late", date(2024, 3, 6)),
        ("score-sheets-by-the-8th", "sales-department", "missing", date(2024, 3, 8)),
        ("score-sheets-by-the-8th", "sales-department", "missing", date(2024, 4, 8)),
    ]
    (totals,) = check.to_records("totals")
    assert (totals["obligations"], totals["met"], totals["missed"]) == (10, 4, 6)
    assert json_roundtrip(case) == case


def test_an_activity_log_and_stages_read_from_rows_become_typed_activities() -> None:
    rows = [
        {"kind": "visit", "on": "2024-03-04", "subject": "P1", "employee": "li"},
        {
            "kind": "score_sheet",
            "on": "2024-04-08",
            "subject": "sales-department",
            "period.year": 2024,
            "period.month": 3,
        },
    ]
    log = read_inputs("reports", "activities", {"activities": rows}, unknown_columns="refuse")
    assert log == (
        Activity(kind="visit", on=date(2024, 3, 4), subject="P1", employee="li"),
        Activity(
            kind="score_sheet",
            on=date(2024, 4, 8),
            subject="sales-department",
            period=Period(year=2024, month=3),
        ),
    )
    (stage,) = read_inputs(
        "reports",
        "stages",
        {"stages": [{"subject": "P1", "stage": "tendering", "since": "2024-03-01"}]},
    )
    assert stage == Stage(subject="P1", stage="tendering", since=date(2024, 3, 1))


def test_a_company_moving_the_8th_earlier_wants_mays_score_sheet_by_friday_7_june() -> None:
    # 8 June 2024 is a Saturday; rolled to the workday before, May's sheet is due Friday 7.
    (rule,) = score_sheet_cadence().rules
    assert isinstance(rule, ByNextMonth)
    earlier = attrs.evolve(rule, due=DayOfNextMonth(day=8, roll=Roll.PREVIOUS_WORKDAY))
    log = [
        _a("score_sheet", date(2024, 6, 10), "sales-department", period=Period(year=2024, month=5))
    ]
    policy = CadencePolicy(policy_id="earlier", rules=(earlier,))
    (may,) = _check(policy, log, date(2024, 6, 1), date(2024, 6, 30)).obligations
    assert (may.due_by, may.status, may.done_on) == (
        date(2024, 6, 7),
        ObligationStatus.LATE,
        date(2024, 6, 10),
    )
