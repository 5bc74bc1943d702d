"""What holds for any activity log under the handbook cadences: the order of the log never
matters, consecutive checks judge each obligation exactly once, every miss is one finding
with dates that fit its status, an unvisited project keeps accruing misses, no window
opens after it closes, and one activity serves at most one obligation of a rule group."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.core.workcal import TableCalendar
from hrpolicy.reports import Period
from hrpolicy.reports.cadence import (
    Activity,
    ByNextMonth,
    CadencePolicy,
    CadenceRule,
    CadenceUnit,
    Every,
    Obligation,
    ObligationStatus,
    Stage,
    Within,
    check_cadences,
)
from hrpolicy.reports.examples import handbook_cadences

CALENDAR = TableCalendar(
    name="2023–2025",
    first_year=2023,
    last_year=2025,
    holidays=(date(2024, 4, 4), date(2024, 4, 5), date(2024, 10, 1), date(2024, 10, 2)),
    makeup_workdays=(date(2024, 4, 7), date(2024, 9, 29)),
)
#: The handbook's rules, and one counting workdays, so both ways of counting are drawn.
POLICY = CadencePolicy(
    policy_id="all",
    rules=(
        *handbook_cadences().rules,
        Within(
            rule_id="file-in-workdays",
            zh_CN="两个工作日内建档",
            en="file within two workdays",
            after="service",
            activity="customer_file",
            latest=2,
            unit=CadenceUnit.WORKDAYS,
        ),
    ),
)
KINDS = (
    "visit",
    "bid",
    "bid_documents",
    "service",
    "customer_file",
    "follow_up_call",
    "promotion",
    "promotion_call",
    "promotion_letter",
    "delivery",
    "revisit",
    "mentoring_start",
    "mentoring_session",
)
SUBJECTS = ("C1", "C2", "P1", "sales-department")
STAGES = ("early_design", "tendering", "construction", "won")
START = date(2024, 1, 1)
DAYS = 300

days = st.integers(min_value=0, max_value=DAYS).map(lambda n: START + timedelta(days=n))


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    on = draw(days)
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        back = draw(st.integers(min_value=0, max_value=1))
        first = (on.replace(day=1) - timedelta(days=1)).replace(day=1) if back else on
        return Activity(
            kind="score_sheet",
            on=on,
            subject="sales-department",
            period=Period(year=first.year, month=first.month),
        )
    return Activity(
        kind=draw(st.sampled_from(KINDS)), on=on, subject=draw(st.sampled_from(SUBJECTS))
    )


stage_records = st.lists(
    st.builds(Stage, subject=st.sampled_from(SUBJECTS), stage=st.sampled_from(STAGES), since=days),
    max_size=6,
    unique_by=lambda s: (s.subject, s.since),
)
logs = st.lists(activities(), max_size=40)


@st.composite
def ranges(draw: st.DrawFn) -> tuple[date, date, date]:
    """A check's first day, a day inside it to split at, and its last day."""
    first = draw(days)
    length = draw(st.integers(min_value=1, max_value=120))
    split = draw(st.integers(min_value=0, max_value=length - 1))
    return first, first + timedelta(days=split), first + timedelta(days=length)


def _key(o: Obligation) -> tuple[object, ...]:
    return (o.rule_id, o.subject, o.due_by, o.start, o.status.value, o.done_on, o.count, o.stage)


@settings(max_examples=150, deadline=None)
@given(logs, stage_records, ranges(), st.randoms(use_true_random=False))
def test_the_order_of_the_log_and_of_the_stage_records_never_changes_a_check(
    log: list[Activity], stages: list[Stage], span: tuple[date, date, date], shuffler: object
) -> None:
    first, _, last = span
    before = check_cadences(POLICY, log, CALENDAR, first_day=first, as_of=last, stages=stages)
    shuffled, reordered = list(log), list(stages)
    shuffler.shuffle(shuffled)  # type: ignore[attr-defined]
    shuffler.shuffle(reordered)  # type: ignore[attr-defined]
    after = check_cadences(
        POLICY, shuffled, CALENDAR, first_day=first, as_of=last, stages=reordered
    )
    assert after == before


@settings(max_examples=150, deadline=None)
@given(logs, stage_records, ranges())
def test_two_consecutive_checks_judge_exactly_the_obligations_of_one_check_over_both(
    log: list[Activity], stages: list[Stage], span: tuple[date, date, date]
) -> None:
    first, split, last = span
    whole = check_cadences(POLICY, log, CALENDAR, first_day=first, as_of=last, stages=stages)
    head = check_cadences(POLICY, log, CALENDAR, first_day=first, as_of=split, stages=stages)
    tail = check_cadences(
        POLICY, log, CALENDAR, first_day=split + timedelta(days=1), as_of=last, stages=stages
    )
    assert sorted(map(_key, whole)) == sorted(map(_key, (*head, *tail)))


@settings(max_examples=150, deadline=None)
@given(logs, stage_records, ranges())
def test_every_miss_is_one_finding_and_every_outcome_s_dates_fit_its_status(
    log: list[Activity], stages: list[Stage], span: tuple[date, date, date]
) -> None:
    first, _, last = span
    check = check_cadences(POLICY, log, CALENDAR, first_day=first, as_of=last, stages=stages)
    assert len(check.findings) == len(check.misses)
    for obligation, finding in zip(check.misses, check.findings, strict=True):
        assert finding.subject == obligation.subject
        assert finding.param("rule_id") == obligation.rule_id
        assert finding.param("due_by") == obligation.due_by
    for o in check:
        assert first <= o.due_by <= last
        if o.status is ObligationStatus.MET and o.done_on is not None:
            assert o.due_from is None or o.due_from <= o.done_on
            assert o.done_on <= o.due_by
        elif o.status is ObligationStatus.LATE:
            assert o.done_on is not None
            assert o.done_on > o.due_by
        elif o.status is ObligationStatus.EARLY:
            assert o.done_on is not None
            assert o.due_from is not None
            assert o.done_on < o.due_from
        elif o.status is ObligationStatus.MISSING:
            assert o.done_on is None


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=30),
    days,
    st.integers(min_value=0, max_value=200),
    st.lists(days, max_size=10),
)
def test_a_project_left_unvisited_in_a_watched_stage_keeps_accruing_misses(
    every: int, start: date, length: int, visits: list[date]
) -> None:
    # In the stage over [start, end] with no visit inside it: at least
    # floor((end - start) / every) - 1 missed intervals are due in it.
    end = start + timedelta(days=length)
    policy = CadencePolicy(
        policy_id="p",
        rules=(
            Every(
                rule_id="weekly",
                zh_CN="每周",
                en="weekly",
                activity="visit",
                every=every,
                stages=("early_design",),
            ),
        ),
    )
    log = [Activity(kind="visit", on=v, subject="P1") for v in visits if not start <= v <= end]
    stages = [Stage(subject="P1", stage="early_design", since=start)]
    check = check_cadences(policy, log, CALENDAR, first_day=start, as_of=end, stages=stages)
    assert len(check.misses) >= length // every - 1


@st.composite
def close_events(draw: st.DrawFn) -> list[Activity]:
    """Two bids or promotions of one subject at most 13 days apart (closer than a lead)."""
    kind = draw(st.sampled_from(("bid", "promotion")))
    subject = draw(st.sampled_from(SUBJECTS))
    on = draw(days)
    gap = draw(st.integers(min_value=0, max_value=13))
    return [
        Activity(kind=kind, on=on, subject=subject),
        Activity(kind=kind, on=on + timedelta(days=gap), subject=subject),
    ]


@settings(max_examples=150, deadline=None)
@given(logs, st.lists(close_events(), max_size=3), stage_records, ranges())
def test_no_window_opens_after_it_closes(
    log: list[Activity],
    events: list[list[Activity]],
    stages: list[Stage],
    span: tuple[date, date, date],
) -> None:
    first, _, last = span
    log = [*log, *(a for pair in events for a in pair)]
    check = check_cadences(POLICY, log, CALENDAR, first_day=first, as_of=last, stages=stages)
    for o in check:
        assert o.due_from is None or o.due_from <= o.due_by


def _group(rule: CadenceRule) -> tuple[str, str]:
    """The rules that share responses (Within rules on one trigger and response kind),
    with the kind of response they read."""
    if isinstance(rule, Within):
        return f"within {rule.after} {rule.activity}", rule.activity
    return f"rule {rule.rule_id}", rule.activity


@settings(max_examples=150, deadline=None)
@given(logs, stage_records)
def test_one_activity_serves_at_most_one_obligation_of_a_rule_group(
    log: list[Activity], stages: list[Stage]
) -> None:
    check = check_cadences(
        POLICY,
        log,
        CALENDAR,
        first_day=START,
        as_of=START + timedelta(days=DAYS + 150),
        stages=stages,
    )
    rules = {r.rule_id: r for r in POLICY.rules}
    served: Counter[tuple[str, str, str, date]] = Counter()
    for o in check:
        rule = rules[o.rule_id]
        if o.done_on is None or isinstance(rule, ByNextMonth):
            continue
        group, kind = _group(rule)
        served[(group, kind, o.subject, o.done_on)] += 1
    for (_, kind, subject, day), times in served.items():
        entries = sum(1 for a in log if (a.kind, a.subject, a.on) == (kind, subject, day))
        assert times <= max(entries, 1)
