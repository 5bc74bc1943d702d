"""Activity cadences: rules over dated activity, checked on the work calendar.

A sales handbook says when things must happen, counted from something else that
happened: the customer file within two days of a service visit; the first follow-up call
three days to a week after it; bid documents with the contractor two days before the bid;
a project in early design revisited at least weekly; score sheets to HR by the 8th of the
next month; at least five mentoring sessions in a new hire's first three months. Each is a
rule of a :class:`CadencePolicy`, checked by :func:`check_cadences` against an activity
log (:class:`Activity`: what was done, on which day, for which customer, project or
person — the subject), the projects' stages (:class:`Stage`) and a
:class:`~hrpolicy.core.workcal.WorkCalendar`. The visits the weekly reports record join
the log through :func:`report_activities`.

**The rules.**

- :class:`Within` — after each ``after`` activity, the ``activity`` between ``earliest``
  and ``latest`` units after it, both days included ("within 2 days", "3 days to a
  week"). A response belongs to the latest trigger on or before it: one made on or after
  the subject's next ``after`` activity answers that one. The ``Within`` rules of a
  policy that read the same ``after`` and ``activity`` (the first and the second
  follow-up call) share the responses: each response serves at most one of their
  obligations. Windows are filled in the order they open, first with responses inside
  them (met); then, in the same order, an unfilled window takes the first unused
  response after it (late) or else the last unused one before it (early).
- :class:`Ahead` — before each ``before`` activity (a bid date, a promotion's start),
  the ``activity`` at least ``lead`` units ahead of it. Events are taken in day order and
  each response serves one event: an event takes the latest unused response on or before
  its due-by day (met), else the first unused one after that day up to the event (late).
- :class:`Every` — while a subject is in one of ``stages`` (or in any stage but
  ``except_stages``), the ``activity`` at least every ``every`` units. Consecutive stage
  records the rule watches are one stretch: the clock carries across a change between
  them. On entering the rule's stages the clock starts at the last ``activity`` since the
  subject entered the stages that some ``Every`` rule of the policy on the same activity
  watches, and at the day it entered them when there was none (so coming from a stage no
  cadence watches, the day the stage began). Each activity restarts the clock. When no
  activity comes by a due-by day, the next interval counts from that due-by day: every
  missed interval is an obligation. The first missed interval before a late activity is
  ``LATE`` (done on that activity), the others before it ``MISSING``; then the clock
  restarts at the activity. An activity on the day the clock starts (the stage's first
  day) restarts it and meets nothing. A due-by day before the stretch began was the business of
  the stages before and is passed over; a stretch that ends before the next due-by day
  asks nothing more; a current stage keeps asking up to ``as_of``.
- :class:`AtLeast` — after each ``after`` activity, the ``activity`` at least ``times``
  times within ``within`` units (both ends included). A count in a calendar window with
  no trigger (visits a week, calls a month) is a quota of the KPI cards room, not a
  cadence.
- :class:`ByNextMonth` — for each month, each of ``subjects`` records the ``activity``
  for that month (:attr:`Activity.period`, a month) by the day a
  :class:`~hrpolicy.core.deadlines.DayOfNextMonth` gives (the 8th of the next month,
  moved to the next workday when that day is not one), and not before the month begins
  (``EARLY``: a sheet dated in the month counts).

No rule answers itself: ``after`` (``before``) and ``activity`` must differ. A trigger
logged twice for a subject on one day is one trigger (one obligation); repeated responses
each count.

**Counting.** A rule counts in ``days`` (calendar days, :func:`~hrpolicy.core.span.add_units`),
``months`` (monthly anniversaries with month-end clipping, the same function) or
``workdays`` of the calendar: *n* workdays after a day is the *n*-th workday after it
(:func:`~hrpolicy.core.workcal.add_workdays`), *n* workdays before it the *n*-th
workday before it (:func:`~hrpolicy.core.workcal.subtract_workdays`), and 0 units the
day itself. A monthly due day is found by :func:`~hrpolicy.core.deadlines.deadline`, and
a step per month judged says how (the nominal day and the roll past days off). Only the
months whose due day can fall in the range are asked about: a due day moves at most
fourteen days past days off (the statutory calendar's longest run is ten), so a check of
January never asks the calendar about October or November. How late something came is measured in
calendar days with :func:`~hrpolicy.core.span.measure`.

**What a check covers.** Every obligation has a last day it can be met (its *due-by*
day); :func:`check_cadences` judges the obligations whose due-by day falls from
``first_day`` to ``as_of``, so consecutive checks judge each obligation exactly once and
none is judged before its time is up. Responses are looked for in the whole log; the log
should therefore reach back to the triggers and stage starts of the obligations due in
the range (a stage record gives the day a stage began), and a check should be run once
the log for its range is complete: an obligation judged missing is not judged again by
the next range.

**Outcomes.** How an obligation fared rests on the whole log, never on the range: the
range only says which obligations are judged. Each obligation is :attr:`ObligationStatus.MET`, or
missed as ``LATE`` (done, but after the due-by day), ``EARLY`` (done only before the
window opened), ``MISSING`` (nothing recorded) or ``TOO_FEW`` (fewer than the times
required). Every miss is a finding with its dates as parameters. The order of the log
never matters.

>>> from datetime import date
>>> from hrpolicy.core.workcal import TableCalendar
>>> policy = CadencePolicy(policy_id="after-sales", rules=(
...     Within(rule_id="file", zh_CN="服务后两日内建档", en="customer file within 2 days",
...            after="service_visit", activity="customer_file", latest=2),))
>>> log = (Activity(kind="service_visit", on=date(2024, 3, 4), subject="C1"),
...        Activity(kind="customer_file", on=date(2024, 3, 7), subject="C1"))
>>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
>>> check = check_cadences(policy, log, calendar, first_day=date(2024, 3, 1),
...                        as_of=date(2024, 3, 31))
>>> [(o.status.value, o.due_by, o.done_on) for o in check.obligations]
[('late', datetime.date(2024, 3, 6), datetime.date(2024, 3, 7))]
>>> print(check.findings[0].message("en"))
customer file within 2 days: C1 was due by 2024-03-06 (counted from 2024-03-04) and was
done on 2024-03-07, 1 day(s) late.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Annotated, Any, Final, TypeAlias

import attrs

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union
from hrpolicy.core.deadlines import DayOfNextMonth, DueDate, Roll, deadline
from hrpolicy.core.display import Displayable, SummaryValue, View
from hrpolicy.core.engines import EngineSpec
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import (
    Catalog,
    Explanation,
    Finding,
    FindingSpec,
    Severity,
    Step,
    step_of,
)
from hrpolicy.core.fields import (
    NonNegativeInt,
    Text,
    argument,
    arguments,
    checked,
    policy_checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label, label
from hrpolicy.core.period import Period, PeriodKind
from hrpolicy.core.records import (
    FINDING_PARAMS,
    FINDINGS,
    STEP_INPUTS,
    STEPS,
    Column,
    ColumnType,
    Table,
    TableSchema,
    explanation_tables,
)
from hrpolicy.core.span import TimeUnit, add_units, measure
from hrpolicy.core.workcal import (
    TableCalendar,
    WorkCalendar,
    add_workdays,
    check_calendar,
    subtract_workdays,
)
from hrpolicy.reports.case import CaseCalendar
from hrpolicy.reports.model import WeeklyReport

__all__ = [
    "CADENCE_CATALOG",
    "CADENCE_TABLES",
    "ENGINES",
    "Activity",
    "Ahead",
    "AtLeast",
    "ByNextMonth",
    "CadenceCase",
    "CadenceCheck",
    "CadencePolicy",
    "CadenceRule",
    "CadenceUnit",
    "Every",
    "Obligation",
    "ObligationStatus",
    "Stage",
    "Within",
    "check_cadences",
    "report_activities",
]

_ONE_DAY: Final = timedelta(days=1)
#: A count of units in a rule: up to ten years of days.
_Count = Annotated[int, IntSpec(min_value=0, max_value=3660)]
_PositiveCount = Annotated[int, IntSpec(min_value=1, max_value=3660)]
#: How many times an activity is required.
_Times = Annotated[int, IntSpec(min_value=1, max_value=1000)]


class CadenceUnit(Choice):
    """What a cadence counts in: calendar days, workdays of the calendar, or months."""

    DAYS = "days"
    WORKDAYS = "workdays"
    MONTHS = "months"


_UNITS: Final = {
    CadenceUnit.DAYS: Label("天", "day(s)"),
    CadenceUnit.WORKDAYS: Label("个工作日", "workday(s)"),
    CadenceUnit.MONTHS: Label("个月", "month(s)"),
}


class ObligationStatus(Choice):
    """How an obligation fared."""

    MET = "met"
    EARLY = "early"
    LATE = "late"
    MISSING = "missing"
    TOO_FEW = "too_few"


# --- the log ----------------------------------------------------------------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Activity:
    """One dated entry of an activity log.

    Attributes:
        kind: what was done, as the company's log names it (``"visit"``,
            ``"service_visit"``, ``"follow_up_call"``, ``"bid"``, ``"score_sheet"`` …);
            rules name the kinds they read.
        on: the day it was done (or, for an event such as a bid, the day it falls on).
        subject: whom or what it concerns: the customer, the project, the new hire, the
            person who owes a monthly submission.
        employee: who did it (optional).
        period: the month a monthly submission is for (what :class:`ByNextMonth` reads).
        note: free text.
    """

    kind: Text
    on: date
    subject: Text
    employee: str = ""
    period: Period | None = None
    note: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Stage:
    """A subject (a project) is in ``stage`` from ``since`` until its next stage record."""

    subject: Text
    stage: Text
    since: date


def report_activities(
    reports: Sequence[WeeklyReport], *, kind: str = "visit"
) -> tuple[Activity, ...]:
    """The visits the weekly reports record, as activities of ``kind``: one per visit,
    its customer the subject, the report's employee who made it, its purpose the note.

    Args:
        reports: the weekly reports.
        kind: the activity kind the visits become (default ``"visit"``).

    Returns:
        The activities, in the reports' order and each report's visit order.

    Raises:
        InvalidTypeError: a report that is not a ``WeeklyReport``, or a kind not text.
        InvalidValueError: an empty kind.

    Example:
        >>> from datetime import date
        >>> from hrpolicy.reports import IsoWeek, TableCalendar
        >>> from hrpolicy.reports.examples import example_report
        >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
        >>> report = example_report("li", IsoWeek(year=2024, week=10), calendar, visits=2)
        >>> [(a.kind, a.subject, a.on, a.employee) for a in report_activities([report])]
        [('visit', 'C0', datetime.date(2024, 3, 4), 'li'),
         ('visit', 'C1', datetime.date(2024, 3, 5), 'li')]
    """
    given = arguments(reports, WeeklyReport, "reports")
    kind = argument(kind, str, "kind")
    require(bool(kind.strip()), "kind", "a non-empty activity kind", kind)
    return tuple(
        Activity(
            kind=kind, on=visit.on, subject=visit.customer, employee=r.employee, note=visit.purpose
        )
        for r in given
        for visit in r.visits
    )


# --- the rules --------------------------------------------------------------------------------


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Within:
    """After each ``after`` activity of a subject, the ``activity`` for the same subject
    between ``earliest`` and ``latest`` ``unit`` after it, both ends included (0: the
    same day). ``zh_CN`` and ``en`` name the rule in findings; ``clause`` cites the
    handbook."""

    rule_id: Text
    zh_CN: Text
    en: Text
    after: Text
    activity: Text
    latest: _Count
    earliest: _Count = 0
    unit: CadenceUnit = CadenceUnit.DAYS
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            self.earliest <= self.latest,
            f"Within({self.rule_id}).earliest",
            f"at most latest ({self.latest})",
            self.earliest,
        )
        _not_itself(self.after, self.activity, f"Within({self.rule_id}).activity", "after")


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Ahead:
    """Before each ``before`` activity of a subject (a bid date, the start of a
    promotion), the ``activity`` for the same subject at least ``lead`` ``unit`` ahead
    of it (on or before the day ``lead`` units before); each response serves one event
    (see the module)."""

    rule_id: Text
    zh_CN: Text
    en: Text
    before: Text
    activity: Text
    lead: _PositiveCount
    unit: CadenceUnit = CadenceUnit.DAYS
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        _not_itself(self.before, self.activity, f"Ahead({self.rule_id}).activity", "before")


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Every:
    """While a subject is in one of ``stages`` — or, given ``except_stages`` instead, in
    any stage but those (every stage name a log may use, known or not) — the
    ``activity`` at least every ``every`` ``unit``: the first no later than ``every``
    units after the clock starts, each next no later than ``every`` units after the one
    before (the module says when the clock starts and how missed intervals count).
    Exactly one of ``stages`` and ``except_stages`` is given."""

    rule_id: Text
    zh_CN: Text
    en: Text
    activity: Text
    every: _PositiveCount
    stages: tuple[Text, ...] = ()
    except_stages: tuple[Text, ...] = ()
    unit: CadenceUnit = CadenceUnit.DAYS
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"Every({self.rule_id}).stages"
        require(
            bool(self.stages) != bool(self.except_stages),
            path,
            "exactly one of stages and except_stages",
            {"stages": self.stages, "except_stages": self.except_stages},
        )
        require_unique(list(self.stages), path, "stage")
        require_unique(list(self.except_stages), f"Every({self.rule_id}).except_stages", "stage")

    def watches(self, stage: str) -> bool:
        """Whether the rule asks for the activity while a subject is in ``stage``."""
        if self.stages:
            return stage in self.stages
        return stage not in self.except_stages


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AtLeast:
    """After each ``after`` activity of a subject, the ``activity`` at least ``times``
    times within ``within`` ``unit`` (from the day of the ``after`` activity to the day
    ``within`` units later, both included)."""

    rule_id: Text
    zh_CN: Text
    en: Text
    after: Text
    activity: Text
    times: _Times
    within: _PositiveCount
    unit: CadenceUnit = CadenceUnit.DAYS
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        _not_itself(self.after, self.activity, f"AtLeast({self.rule_id}).activity", "after")


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ByNextMonth:
    """Each of ``subjects`` records the ``activity`` for each month (its
    :attr:`Activity.period`) by the day ``due`` gives for that month: a
    :class:`~hrpolicy.core.deadlines.DayOfNextMonth` (``DayOfNextMonth(day=8)``: the 8th
    of the next month, moved to the next workday when it is a day off)."""

    rule_id: Text
    zh_CN: Text
    en: Text
    activity: Text
    due: DayOfNextMonth
    subjects: tuple[Text, ...]
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"ByNextMonth({self.rule_id}).subjects"
        require(bool(self.subjects), path, "at least one subject who owes it", self.subjects)
        require_unique(list(self.subjects), path, "subject")


def _not_itself(trigger: str, activity: str, path: str, name: str) -> None:
    require(trigger != activity, path, f"an activity other than {name} ({trigger!r})", activity)


#: One cadence rule, as a policy holds it (tagged by ``kind`` in plain data).
CadenceRule: TypeAlias = Within | Ahead | Every | AtLeast | ByNextMonth
register_tagged_union(
    CadenceRule,
    {
        Within: "within",
        Ahead: "ahead",
        Every: "every",
        AtLeast: "at_least",
        ByNextMonth: "by_next_month",
    },
)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CadencePolicy:
    """A company's cadence rules, each with a distinct ``rule_id``."""

    policy_id: Text
    rules: tuple[CadenceRule, ...]
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"CadencePolicy({self.policy_id}).rules"
        require(bool(self.rules), path, "at least one rule", self.rules)
        require_unique([r.rule_id for r in self.rules], path, "rule_id")


# --- the catalog ------------------------------------------------------------------------------

#: Every finding a cadence check can report.
CADENCE_CATALOG: Final = Catalog(
    "reports.cadence",
    {
        "cadence_late": FindingSpec(
            Severity.WARNING,
            "{rule}：{who}应于{due_by}前完成（自{start}起算），实际{done_on}完成，晚{days_late}天。",
            "{rule}: {who} was due by {due_by} (counted from {start}) and was done on "
            "{done_on}, {days_late} day(s) late.",
        ),
        "cadence_early": FindingSpec(
            Severity.WARNING,
            "{rule}：{who}应于{due_from}至{due_by}之间完成（自{start}起算），{done_on}的记录早于期间，不算数。",
            "{rule}: {who} was due from {due_from} to {due_by} (counted from {start}); the "
            "record of {done_on} came before that and does not count.",
        ),
        "cadence_missing": FindingSpec(
            Severity.WARNING,
            "{rule}：{who}应于{due_by}前完成（自{start}起算），截至{as_of}没有记录。",
            "{rule}: {who} was due by {due_by} (counted from {start}); nothing recorded "
            "by {as_of}.",
        ),
        "cadence_too_few": FindingSpec(
            Severity.WARNING,
            "{rule}：{who}在{due_from}至{due_by}之间应至少{times}次，实际{count}次。",
            "{rule}: {who} needed at least {times} between {due_from} and {due_by}; "
            "{count} recorded.",
        ),
        "cadence_month_late": FindingSpec(
            Severity.WARNING,
            "{rule}：{who}{month}的提交应于{due_by}前送达，实际{done_on}送达，晚{days_late}天。",
            "{rule}: {who}'s submission for {month} was due by {due_by} and came on "
            "{done_on}, {days_late} day(s) late.",
        ),
        "cadence_month_early": FindingSpec(
            Severity.WARNING,
            "{rule}：{who}{month}的提交应于{due_from}至{due_by}之间送达，{done_on}的记录早于该月，不算数。",
            "{rule}: {who}'s submission for {month} was due from {due_from} to {due_by}; the "
            "record of {done_on} came before the month began and does not count.",
        ),
        "cadence_month_missing": FindingSpec(
            Severity.WARNING,
            "{rule}：{who}{month}的提交应于{due_by}前送达，截至{as_of}没有记录。",
            "{rule}: {who}'s submission for {month} was due by {due_by}; nothing "
            "recorded by {as_of}.",
        ),
    },
)


# --- the outcome ------------------------------------------------------------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Obligation:
    """One obligation a rule made and how it fared.

    Attributes:
        rule_id: the rule.
        subject: whom or what it concerns.
        status: the :class:`ObligationStatus`.
        start: the day it was counted from (the triggering activity, the stage start or
            the activity before, the month's first day).
        due_from: the first day that counts (``None``: no lower bound, for
            :class:`Ahead`).
        due_by: the last day that counts.
        done_on: the day it was done (the first in the window — for :class:`Ahead` the
            last —, the first after it when late, the last before it when early);
            ``None`` when nothing was recorded, and for a count.
        count: for :class:`AtLeast`, the activities in the window.
        stage: for :class:`Every`, the stage.
        period: for :class:`ByNextMonth`, the month.
    """

    rule_id: Text
    subject: Text
    status: ObligationStatus
    start: date
    due_from: date | None
    due_by: date
    done_on: date | None = None
    count: NonNegativeInt | None = None
    stage: str = ""
    period: Period | None = None

    @property
    def missed(self) -> bool:
        """Whether the obligation was missed."""
        return self.status is not ObligationStatus.MET


def _c(name: str, kind: ColumnType, doc: str) -> Column:
    return Column(name, kind, doc)


_KEYS: Final = (Column("policy_id", ColumnType.TEXT, "the cadence policy"),)
#: The tables of a :class:`CadenceCheck`, in the order ``tables()`` gives them: its own
#: (``totals``, ``obligations``), then the four explanation tables keyed by the policy.
CADENCE_TABLES: Final[tuple[TableSchema, ...]] = (
    TableSchema(
        "totals",
        (
            _c("policy_id", ColumnType.TEXT, "the cadence policy"),
            _c("first_day", ColumnType.DATE, "the first due-by day judged"),
            _c("as_of", ColumnType.DATE, "the last due-by day judged"),
            _c("obligations", ColumnType.INT, "the obligations judged"),
            _c("met", ColumnType.INT, "those met"),
            _c("missed", ColumnType.INT, "those missed"),
            _c("passed", ColumnType.BOOL, "whether nothing was missed"),
        ),
        "one row: the check",
    ),
    TableSchema(
        "obligations",
        (
            _c("policy_id", ColumnType.TEXT, "the cadence policy"),
            _c("rule_id", ColumnType.TEXT, "the rule"),
            _c("subject", ColumnType.TEXT, "whom or what the obligation concerns"),
            _c("status", ColumnType.TEXT, "the ObligationStatus value"),
            _c("missed", ColumnType.BOOL, "whether it was missed"),
            _c("start", ColumnType.DATE, "the day it was counted from"),
            _c("due_from", ColumnType.DATE, "the first day that counts (empty: no bound)"),
            _c("due_by", ColumnType.DATE, "the last day that counts"),
            _c("done_on", ColumnType.DATE, "the day it was done (empty: not recorded)"),
            _c("days_late", ColumnType.INT, "calendar days after due_by (late ones)"),
            _c("count", ColumnType.INT, "activities in the window (at-least rules)"),
            _c("stage", ColumnType.TEXT, "the stage (every rules)"),
            _c("period", ColumnType.TEXT, "the month (monthly submissions)"),
        ),
        "one row per obligation judged",
    ),
    *(table.keyed(_KEYS) for table in (STEPS, STEP_INPUTS, FINDINGS, FINDING_PARAMS)),
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CadenceCheck(Displayable):
    """What :func:`check_cadences` found: every obligation due from ``first_day`` to
    ``as_of``, ordered by rule (as the policy lists them), subject, due-by day and start,
    with the steps and findings."""

    policy_id: Text
    first_day: date
    as_of: date
    obligations: tuple[Obligation, ...]
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]

    def __iter__(self) -> Iterator[Obligation]:
        return iter(self.obligations)

    def __len__(self) -> int:
        return len(self.obligations)

    @property
    def misses(self) -> tuple[Obligation, ...]:
        """The obligations missed."""
        return tuple(o for o in self.obligations if o.missed)

    @property
    def passed(self) -> bool:
        """Whether nothing was missed."""
        return not self.misses

    def of(self, rule_id: str) -> tuple[Obligation, ...]:
        """The obligations of the rule ``rule_id``."""
        return tuple(o for o in self.obligations if o.rule_id == rule_id)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``obligations`` (one row per obligation), then the
        explanation tables, each row keyed by the policy (layouts in
        :data:`CADENCE_TABLES`)."""
        rows = [
            (
                self.policy_id,
                o.rule_id,
                o.subject,
                o.status.value,
                o.missed,
                o.start,
                o.due_from,
                o.due_by,
                o.done_on,
                _days_after(o.due_by, o.done_on) if o.status is ObligationStatus.LATE else None,
                o.count,
                o.stage or None,
                None if o.period is None else str(o.period),
            )
            for o in self.obligations
        ]
        return {
            "totals": Table.build(
                CADENCE_TABLES[0],
                [
                    (
                        self.policy_id,
                        self.first_day,
                        self.as_of,
                        len(self.obligations),
                        len(self.obligations) - len(self.misses),
                        len(self.misses),
                        self.passed,
                    )
                ],
            ),
            "obligations": Table.build(CADENCE_TABLES[1], rows),
            **explanation_tables(
                Explanation(self.steps, self.findings),
                keys=_KEYS,
                values=(self.policy_id,),
                locale=locale,
            ),
        }

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (Label("节奏规则", "cadence policy"), self.policy_id),
            (Label("检查期间", "checked"), f"{self.first_day} – {self.as_of}"),
            (Label("应办事项", "obligations"), len(self.obligations)),
            (Label("未按时办理", "missed"), len(self.misses)),
        )
        return View(
            Label("活动节奏检查", "Activity cadence check"),
            summary,
            Explanation(self.steps, self.findings),
        )


# --- counting ---------------------------------------------------------------------------------


def _after(calendar: WorkCalendar, day: date, count: int, unit: CadenceUnit) -> date:
    """The day ``count`` units after ``day`` (``day`` itself for 0)."""
    if count == 0:
        return day
    if unit is CadenceUnit.WORKDAYS:
        return add_workdays(calendar, day, count)
    return add_units(day, TimeUnit.DAYS if unit is CadenceUnit.DAYS else TimeUnit.MONTHS, count)


def _before(calendar: WorkCalendar, day: date, count: int, unit: CadenceUnit) -> date:
    """The day ``count`` units before ``day``: for workdays, the ``count``-th workday
    before it."""
    if unit is not CadenceUnit.WORKDAYS:
        return add_units(
            day, TimeUnit.DAYS if unit is CadenceUnit.DAYS else TimeUnit.MONTHS, -count
        )
    return subtract_workdays(calendar, day, count)


def _days_after(due_by: date, done_on: date | None) -> int | None:
    """Calendar days from ``due_by`` to ``done_on`` (the one time measure)."""
    if done_on is None or done_on <= due_by:
        return None
    return measure(due_by, done_on, TimeUnit.DAYS).whole


def _month_due(calendar: WorkCalendar, month: Period, rule: ByNextMonth) -> DueDate:
    """The day the submission for ``month`` is due, with how it was found (the shared
    deadline rule)."""
    return deadline(rule.due, period=month, calendar=calendar)


#: The most days a monthly due day is moved past days off, for choosing the months a
#: check asks the calendar about (the statutory calendar's longest run of days off, the
#: Spring Festival of 2020, is ten days).
_LONGEST_ROLL: Final = timedelta(days=14)


def _nominal(rule: ByNextMonth, month: Period) -> date:
    """Day ``rule.due.day`` of the month after ``month``, clipped to that month's end,
    before any move past days off (no calendar asked)."""
    following = _shift_month(month, 1)
    return min(following.first_day + timedelta(days=rule.due.day - 1), following.last_day)


class _Log:
    """The activity log indexed by (kind, subject), each list sorted by day."""

    def __init__(self, activities: Sequence[Activity]) -> None:
        by: dict[tuple[str, str], list[date]] = defaultdict(list)
        for activity in activities:
            by[(activity.kind, activity.subject)].append(activity.on)
        self._days = {key: sorted(days) for key, days in by.items()}

    def days(self, kind: str, subject: str) -> list[date]:
        """Every entry's day, repeats kept (responses: each counts)."""
        return self._days.get((kind, subject), [])

    def triggers(self, kind: str, subject: str) -> list[date]:
        """The distinct days (a trigger logged twice on one day is one trigger)."""
        return sorted(set(self._days.get((kind, subject), [])))

    def subjects(self, kind: str) -> list[str]:
        return sorted({subject for k, subject in self._days if k == kind})


class _Judge:
    """Collects the obligations due in the range, their findings and a step per rule."""

    def __init__(self, policy: CadencePolicy, first_day: date, as_of: date) -> None:
        self.policy = policy
        self.first_day = first_day
        self.as_of = as_of
        self.obligations: list[Obligation] = []
        self.findings: list[Finding] = []
        self.steps: list[Step] = []
        #: The obligations of each group of ``Within`` rules, by (after, activity).
        self.shared: dict[tuple[str, str], list[Obligation]] = {}

    def due_in_range(self, due_by: date) -> bool:
        return self.first_day <= due_by <= self.as_of

    def record(self, rule: CadenceRule, obligation: Obligation) -> None:
        self.obligations.append(obligation)
        o = obligation
        params: dict[str, Any] = {
            "rule": Label(rule.zh_CN, rule.en),
            "rule_id": rule.rule_id,
            "who": o.subject,
        }
        if o.period is not None:
            params.update(month=str(o.period), due_by=o.due_by)
            late, missing, early = (
                "cadence_month_late",
                "cadence_month_missing",
                "cadence_month_early",
            )
        else:
            params.update(start=o.start, due_from=o.due_from, due_by=o.due_by)
            late, missing, early = "cadence_late", "cadence_missing", "cadence_early"
        if o.status is ObligationStatus.LATE:
            code = late
            params.update(done_on=o.done_on, days_late=_days_after(o.due_by, o.done_on))
        elif o.status is ObligationStatus.EARLY:
            code = early
            params.update(done_on=o.done_on, due_from=o.due_from)
        elif o.status is ObligationStatus.MISSING:
            code = missing
            params.update(as_of=self.as_of)
        elif o.status is ObligationStatus.TOO_FEW and isinstance(rule, AtLeast):
            code = "cadence_too_few"
            params.update(times=rule.times, count=o.count)
        else:
            return
        if o.stage:
            params["stage"] = o.stage
        self.findings.append(CADENCE_CATALOG.finding(code, subject=o.subject, **params))

    def step(self, rule: CadenceRule, what: Label, judged: list[Obligation]) -> None:
        missed = sum(1 for o in judged if o.missed)
        self.steps.append(
            step_of(
                f"cadence.{_KIND[type(rule)]}",
                what,
                {
                    "rule_id": rule.rule_id,
                    "rule": Label(rule.zh_CN, rule.en),
                    "obligations_due": len(judged),
                    "met": len(judged) - missed,
                    "clause": rule.clause or None,
                },
                missed,
            )
        )


_KIND: Final[dict[type, str]] = {
    Within: "within",
    Ahead: "ahead",
    Every: "every",
    AtLeast: "at_least",
    ByNextMonth: "by_next_month",
}


def _within(rule: Within, log: _Log, calendar: WorkCalendar, judge: _Judge) -> list[Obligation]:
    group = [
        r
        for r in judge.policy.rules
        if isinstance(r, Within) and (r.after, r.activity) == (rule.after, rule.activity)
    ]
    key = (rule.after, rule.activity)
    if key not in judge.shared:
        judge.shared[key] = _within_group(group, log, calendar)
    return [
        o for o in judge.shared[key] if o.rule_id == rule.rule_id and judge.due_in_range(o.due_by)
    ]


def _within_group(group: list[Within], log: _Log, calendar: WorkCalendar) -> list[Obligation]:
    """Every obligation of the ``Within`` rules reading one trigger and one response kind,
    each response serving at most one of them (the module says in which order)."""
    first = group[0]
    judged = []
    for subject in log.subjects(first.after):
        done = log.days(first.activity, subject)
        triggers = log.triggers(first.after, subject)
        used: set[int] = set()
        for n, trigger in enumerate(triggers):
            following = triggers[n + 1] if n + 1 < len(triggers) else None
            # A response on or after the next trigger answers that one.
            pool = [
                i
                for i, d in enumerate(done)
                if trigger <= d and (following is None or d < following)
            ]
            windows = sorted(
                (
                    (
                        _after(calendar, trigger, rule.earliest, rule.unit),
                        _after(calendar, trigger, rule.latest, rule.unit),
                        order,
                        rule,
                    )
                    for order, rule in enumerate(group)
                ),
                key=lambda w: (w[0], w[1], w[2]),
            )
            outcome: dict[int, tuple[ObligationStatus, date | None]] = {}
            for due_from, due_by, order, _rule in windows:
                inside = [i for i in pool if i not in used and due_from <= done[i] <= due_by]
                if inside:
                    used.add(inside[0])
                    outcome[order] = (ObligationStatus.MET, done[inside[0]])
            for due_from, due_by, order, _rule in windows:
                if order in outcome:
                    continue
                later = [i for i in pool if i not in used and done[i] > due_by]
                early = [i for i in pool if i not in used and done[i] < due_from]
                if later:
                    used.add(later[0])
                    outcome[order] = (ObligationStatus.LATE, done[later[0]])
                elif early:
                    used.add(early[-1])
                    outcome[order] = (ObligationStatus.EARLY, done[early[-1]])
                else:
                    outcome[order] = (ObligationStatus.MISSING, None)
            for due_from, due_by, order, rule in windows:
                status, on = outcome[order]
                judged.append(
                    Obligation(
                        rule_id=rule.rule_id,
                        subject=subject,
                        status=status,
                        start=trigger,
                        due_from=due_from,
                        due_by=due_by,
                        done_on=on,
                    )
                )
    return judged


def _ahead(rule: Ahead, log: _Log, calendar: WorkCalendar, judge: _Judge) -> list[Obligation]:
    judged = []
    for subject in log.subjects(rule.before):
        done = log.days(rule.activity, subject)
        used: set[int] = set()
        for event in log.triggers(rule.before, subject):
            due_by = _before(calendar, event, rule.lead, rule.unit)
            inside = [i for i, d in enumerate(done) if i not in used and d <= due_by]
            later = [i for i, d in enumerate(done) if i not in used and due_by < d <= event]
            if inside:
                status, pick = ObligationStatus.MET, inside[-1]
            elif later:
                status, pick = ObligationStatus.LATE, later[0]
            else:
                status, pick = ObligationStatus.MISSING, None
            if pick is not None:
                used.add(pick)
            if not judge.due_in_range(due_by):
                continue
            judged.append(
                Obligation(
                    rule_id=rule.rule_id,
                    subject=subject,
                    status=status,
                    start=event,
                    due_from=None,
                    due_by=due_by,
                    done_on=None if pick is None else done[pick],
                )
            )
    return judged


#: A subject's stage records as (stage, first day, last day or ``None`` while current).
_Stretch: TypeAlias = tuple[str, date, date | None]


def _stretches(stages: Sequence[Stage]) -> dict[str, list[_Stretch]]:
    """Each subject's stages as (stage, first day, last day or ``None`` while current)."""
    by: dict[str, list[Stage]] = defaultdict(list)
    for stage in stages:
        by[stage.subject].append(stage)
    stretches: dict[str, list[_Stretch]] = {}
    for subject, records in by.items():
        ordered = sorted(records, key=lambda s: s.since)
        stretches[subject] = [
            (
                record.stage,
                record.since,
                ordered[n + 1].since - _ONE_DAY if n + 1 < len(ordered) else None,
            )
            for n, record in enumerate(ordered)
        ]
    return stretches


def _every(
    rule: Every,
    log: _Log,
    stretches: Mapping[str, list[_Stretch]],
    calendar: WorkCalendar,
    judge: _Judge,
) -> list[Obligation]:
    # The rules on the same activity: between their stages the last visit carries over.
    kin = [r for r in judge.policy.rules if isinstance(r, Every) and r.activity == rule.activity]
    judged = []
    for subject in sorted(stretches):
        records = stretches[subject]
        visits = log.triggers(rule.activity, subject)
        n = 0
        while n < len(records):
            if not rule.watches(records[n][0]):
                n += 1
                continue
            m = n
            while m + 1 < len(records) and rule.watches(records[m + 1][0]):
                m += 1
            k = n
            while k > 0 and any(r.watches(records[k - 1][0]) for r in kin):
                k -= 1
            first = records[n][1]
            before = [v for v in visits if records[k][1] <= v < first]
            clock = before[-1] if before else records[k][1]
            judged.extend(
                _every_chain(
                    rule,
                    subject,
                    records[n : m + 1],
                    clock=clock,
                    visits=visits,
                    calendar=calendar,
                    judge=judge,
                )
            )
            n = m + 1
    return [o for o in judged if judge.due_in_range(o.due_by)]


def _every_chain(
    rule: Every,
    subject: str,
    stretch: list[_Stretch],
    *,
    clock: date,
    visits: list[date],
    calendar: WorkCalendar,
    judge: _Judge,
) -> list[Obligation]:
    """The obligations of one watched stretch (consecutive stage records the rule
    watches), the clock starting at ``clock``."""
    first, last = stretch[0][1], stretch[-1][2]
    horizon = judge.as_of if last is None else last
    pending = [v for v in visits if first <= v and (last is None or v <= last)]

    def stage_on(day: date) -> str:
        on = day if last is None else min(day, last)
        return next((s for s, since, _ in reversed(stretch) if since <= on), stretch[0][0])

    judged = []
    late_told = False
    while True:
        due = _after(calendar, clock, rule.every, rule.unit)
        visit = pending[0] if pending else None
        if visit is not None and visit <= due:
            # A visit on the day the clock starts only restarts it; a visit after a late
            # one was told of is that one.
            if not late_told and visit > clock:
                judged.append(
                    Obligation(
                        rule_id=rule.rule_id,
                        subject=subject,
                        status=ObligationStatus.MET,
                        start=clock,
                        due_from=clock,
                        due_by=due,
                        done_on=visit,
                        stage=stage_on(due),
                    )
                )
            clock, late_told = visit, False
            pending.pop(0)
            continue
        if due > horizon:
            return judged
        if due >= first:
            # A missed interval: late if the visit that ends the gap is the first told of.
            late = visit is not None and not late_told
            judged.append(
                Obligation(
                    rule_id=rule.rule_id,
                    subject=subject,
                    status=ObligationStatus.LATE if late else ObligationStatus.MISSING,
                    start=clock,
                    due_from=clock,
                    due_by=due,
                    done_on=visit if late else None,
                    stage=stage_on(due),
                )
            )
            late_told = late_told or late
        clock = due


def _at_least(rule: AtLeast, log: _Log, calendar: WorkCalendar, judge: _Judge) -> list[Obligation]:
    judged = []
    for subject in log.subjects(rule.after):
        done = log.days(rule.activity, subject)
        for trigger in log.days(rule.after, subject):
            due_by = _after(calendar, trigger, rule.within, rule.unit)
            if not judge.due_in_range(due_by):
                continue
            count = sum(1 for d in done if trigger <= d <= due_by)
            judged.append(
                Obligation(
                    rule_id=rule.rule_id,
                    subject=subject,
                    status=ObligationStatus.MET
                    if count >= rule.times
                    else ObligationStatus.TOO_FEW,
                    start=trigger,
                    due_from=trigger,
                    due_by=due_by,
                    count=count,
                )
            )
    return judged


def _months_due(
    rule: ByNextMonth, calendar: WorkCalendar, judge: _Judge
) -> list[tuple[Period, DueDate]]:
    """The months whose submission falls due in the range, with the due day. Only the
    months whose nominal day (day ``rule.due.day`` of the next month) lies within
    :data:`_LONGEST_ROLL` of the range on the side the roll moves from are asked about."""
    low, high = judge.first_day, judge.as_of
    if rule.due.roll is Roll.NEXT_WORKDAY:
        low -= _LONGEST_ROLL
    elif rule.due.roll is Roll.PREVIOUS_WORKDAY:
        high += _LONGEST_ROLL
    # The nominal day falls in the month after; start three months before the range.
    month = _shift_month(Period(year=low.year, month=low.month), -2)
    found = []
    while month.first_day <= high:
        if low <= _nominal(rule, month) <= high:
            due = _month_due(calendar, month, rule)
            if judge.due_in_range(due.due):
                found.append((month, due))
        month = _shift_month(month, 1)
    return found


def _shift_month(month: Period, count: int) -> Period:
    first = add_units(month.first_day, TimeUnit.MONTHS, count)
    return Period(year=first.year, month=first.month)


def _by_next_month(
    rule: ByNextMonth,
    activities: Sequence[Activity],
    calendar: WorkCalendar,
    judge: _Judge,
) -> list[Obligation]:
    submitted: dict[tuple[str, Period], list[date]] = defaultdict(list)
    for index, activity in enumerate(activities):
        if activity.kind != rule.activity:
            continue
        if activity.period is None or activity.period.kind is not PeriodKind.MONTH:
            raise InvalidValueError(
                f"activities[{index}].period",
                f"the month a {rule.activity!r} submission is for (rule {rule.rule_id})",
                None if activity.period is None else str(activity.period),
            )
        submitted[(activity.subject, activity.period)].append(activity.on)
    months = _months_due(rule, calendar, judge)
    for month, due in months:
        judge.steps.append(
            step_of(
                "cadence.due_day",
                label(
                    f"{rule.zh_CN}：{month}的截止日为{due.label.zh_CN}",
                    f"{rule.en}: {month} is due on {due.label.en}",
                ),
                {"rule_id": rule.rule_id, **due.input_map()},
                due.due,
            )
        )
    judged = []
    for subject in sorted(rule.subjects):
        for month, due in months:
            due_by = due.due
            days = sorted(submitted.get((subject, month), []))
            inside = [d for d in days if month.first_day <= d <= due_by]
            later = [d for d in days if d > due_by]
            early = [d for d in days if d < month.first_day]
            if inside:
                status, on = ObligationStatus.MET, inside[0]
            elif later:
                status, on = ObligationStatus.LATE, later[0]
            elif early:
                status, on = ObligationStatus.EARLY, early[-1]
            else:
                status, on = ObligationStatus.MISSING, None
            judged.append(
                Obligation(
                    rule_id=rule.rule_id,
                    subject=subject,
                    status=status,
                    start=month.first_day,
                    due_from=month.first_day,
                    due_by=due_by,
                    done_on=on,
                    period=month,
                )
            )
    return judged


def _describe(rule: CadenceRule) -> Label:
    if isinstance(rule, Within):
        unit = _UNITS[rule.unit]
        if rule.earliest:
            return label(
                f"每次「{rule.after}」后第{rule.earliest}至{rule.latest}{unit.zh_CN}内须有「{rule.activity}」",
                f"{rule.activity} {rule.earliest} to {rule.latest} {unit.en} after each "
                f"{rule.after}",
            )
        return label(
            f"每次「{rule.after}」后{rule.latest}{unit.zh_CN}内须有「{rule.activity}」",
            f"{rule.activity} within {rule.latest} {unit.en} after each {rule.after}",
        )
    if isinstance(rule, Ahead):
        unit = _UNITS[rule.unit]
        return label(
            f"每次「{rule.before}」前至少{rule.lead}{unit.zh_CN}须有「{rule.activity}」",
            f"{rule.activity} at least {rule.lead} {unit.en} before each {rule.before}",
        )
    if isinstance(rule, Every):
        unit = _UNITS[rule.unit]
        if rule.stages:
            zh_in, en_in = (
                f"处于「{'、'.join(rule.stages)}」阶段时",
                f"while in {', '.join(rule.stages)}",
            )
        else:
            zh_in = f"处于「{'、'.join(rule.except_stages)}」以外的阶段时"
            en_in = f"while in any stage but {', '.join(rule.except_stages)}"
        return label(
            f"{zh_in}至少每{rule.every}{unit.zh_CN}一次「{rule.activity}」",
            f"{rule.activity} at least every {rule.every} {unit.en} {en_in}",
        )
    if isinstance(rule, AtLeast):
        unit = _UNITS[rule.unit]
        return label(
            f"每次「{rule.after}」后{rule.within}{unit.zh_CN}内至少{rule.times}次「{rule.activity}」",
            f"{rule.activity} at least {rule.times} times within {rule.within} {unit.en} "
            f"after each {rule.after}",
        )
    roll = _ROLLS[rule.due.roll]
    return label(
        f"每月的「{rule.activity}」须于次月{rule.due.day}日前提交（{roll.zh_CN}）",
        f"each month's {rule.activity} by day {rule.due.day} of the next month ({roll.en})",
    )


_ROLLS: Final = {
    Roll.NEXT_WORKDAY: Label("遇非工作日顺延", "moved to the next workday if a day off"),
    Roll.PREVIOUS_WORKDAY: Label("遇非工作日提前", "moved to the workday before if a day off"),
    Roll.NONE: Label("遇非工作日不调整", "kept on a day off"),
}


def check_cadences(
    policy: CadencePolicy,
    activities: Sequence[Activity],
    calendar: WorkCalendar,
    *,
    first_day: date,
    as_of: date,
    stages: Sequence[Stage] = (),
) -> CadenceCheck:
    """Judge every obligation of ``policy``'s rules whose due-by day falls from
    ``first_day`` to ``as_of``, against the activity log, as the module describes.

    Args:
        policy: the :class:`CadencePolicy`.
        activities: the activity log (:class:`Activity`), in any order; add the weekly
            reports' visits with :func:`report_activities`.
        calendar: the work calendar rules counting workdays count on, and monthly due
            days move past.
        first_day: the first due-by day judged.
        as_of: the last due-by day judged (the day the check is made).
        stages (optional): the subjects' :class:`Stage` records, at most one per subject
            and day (what :class:`Every` rules read).

    Returns:
        A :class:`CadenceCheck`: the obligations (by rule as the policy lists them, then
        subject, due-by day, start), a step per rule and a finding per miss.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: ``as_of`` before ``first_day``; two stage records for a subject
            on one day; a monthly submission without the month it is for.
        NotCoveredError: a day the calendar does not cover, where a rule counts workdays
            or a monthly due day must move past days off.

    Example:
        >>> from datetime import date
        >>> from hrpolicy.core.workcal import TableCalendar
        >>> policy = CadencePolicy(policy_id="projects", rules=(
        ...     Every(rule_id="design", zh_CN="初步设计阶段每周回访", en="weekly in early design",
        ...           activity="visit", every=7, stages=("early_design",)),))
        >>> stages = [Stage(subject="P1", stage="early_design", since=date(2024, 3, 1))]
        >>> log = [Activity(kind="visit", on=date(2024, 3, 6), subject="P1")]
        >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
        >>> check = check_cadences(policy, log, calendar, first_day=date(2024, 3, 1),
        ...                        as_of=date(2024, 3, 31), stages=stages)
        >>> [(o.status.value, o.start, o.due_by) for o in check.misses]
        [('missing', datetime.date(2024, 3, 6), datetime.date(2024, 3, 13)),
         ('missing', datetime.date(2024, 3, 13), datetime.date(2024, 3, 20)),
         ('missing', datetime.date(2024, 3, 20), datetime.date(2024, 3, 27))]
        >>> check_cadences(policy, log, calendar, first_day=date(2024, 3, 2),
        ...                as_of=date(2024, 3, 1))
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: as_of: expected a date on or after first_day ...
    """
    argument(policy, CadencePolicy, "policy")
    log_entries = arguments(activities, Activity, "activities")
    check_calendar(calendar)
    argument(first_day, date, "first_day")
    argument(as_of, date, "as_of")
    require(
        as_of >= first_day, "as_of", f"a date on or after first_day {first_day.isoformat()}", as_of
    )
    stage_records = arguments(stages, Stage, "stages")
    require_unique(
        [f"{s.subject} {s.since.isoformat()}" for s in stage_records],
        "stages",
        "stage record per subject and day",
    )
    log = _Log(log_entries)
    stretches = _stretches(stage_records)
    judge = _Judge(policy, first_day, as_of)
    judge.steps.append(
        step_of(
            "cadence.range",
            label(
                "检查的规则数（判断截止日落在期间内的应办事项）",
                "rules checked (judging the obligations due from first_day to as_of)",
            ),
            {
                "first_day": first_day,
                "as_of": as_of,
                "activities": len(log_entries),
                "clause": policy.clause or None,
            },
            len(policy.rules),
        )
    )
    for rule in policy.rules:
        if isinstance(rule, Within):
            judged = _within(rule, log, calendar, judge)
        elif isinstance(rule, Ahead):
            judged = _ahead(rule, log, calendar, judge)
        elif isinstance(rule, Every):
            judged = _every(rule, log, stretches, calendar, judge)
        elif isinstance(rule, AtLeast):
            judged = _at_least(rule, log, calendar, judge)
        else:
            judged = _by_next_month(rule, log_entries, calendar, judge)
        judged.sort(key=lambda o: (o.subject, o.due_by, o.start))
        for obligation in judged:
            judge.record(rule, obligation)
        judge.step(rule, _describe(rule), judged)
    return CadenceCheck(
        policy_id=policy.policy_id,
        first_day=first_day,
        as_of=as_of,
        obligations=tuple(judge.obligations),
        steps=tuple(judge.steps),
        findings=tuple(judge.findings),
    )


# --- the case ---------------------------------------------------------------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CadenceCase:
    """Everything a cadence check needs: what a case file of the ``cadences`` engine
    holds.

    Attributes:
        policy: the :class:`CadencePolicy`.
        calendar: the work calendar (a table written out, or the statutory one named, as
            in a :class:`~hrpolicy.reports.ReportCase`).
        first_day: the first due-by day judged.
        as_of: the last due-by day judged.
        activities: the activity log.
        stages: the subjects' :class:`Stage` records.
        reports: weekly reports whose visits join the log (as ``visit_kind``).
        visit_kind: the kind a report's visits become (default ``"visit"``).
    """

    policy: CadencePolicy
    calendar: CaseCalendar
    first_day: date
    as_of: date
    activities: tuple[Activity, ...] = ()
    stages: tuple[Stage, ...] = ()
    reports: tuple[WeeklyReport, ...] = ()
    visit_kind: Text = "visit"

    def check(self) -> CadenceCheck:
        """Check the case (see :func:`check_cadences`)."""
        return check_cadences(
            self.policy,
            (*self.activities, *report_activities(self.reports, kind=self.visit_kind)),
            self.calendar,
            first_day=self.first_day,
            as_of=self.as_of,
            stages=self.stages,
        )


def _example_cadence_case() -> CadenceCase:
    """The tutorial's case (``docs/reports.md``, activity cadences): Li's week 10 report
    of 2024 with three visits, C2's project in early design from 1 March and in tendering
    from 26 March, later visits to it, a service visit at C7 with its file and calls, under
    :func:`~hrpolicy.reports.examples.handbook_cadences`, judged from 1 March to 30 April."""
    from hrpolicy.reports.examples import (  # noqa: PLC0415 - loaded on use
        example_report,
        handbook_cadences,
    )
    from hrpolicy.reports.model import IsoWeek  # noqa: PLC0415

    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    report = example_report("li", IsoWeek(year=2024, week=10), calendar, visits=3)
    later = (date(2024, 3, 13), date(2024, 3, 25), date(2024, 4, 12))
    return CadenceCase(
        policy=handbook_cadences(),
        calendar=calendar,
        first_day=date(2024, 3, 1),
        as_of=date(2024, 4, 30),
        activities=(
            *(Activity(kind="visit", on=day, subject="C2") for day in later),
            Activity(kind="service", on=date(2024, 3, 4), subject="C7"),
            Activity(kind="customer_file", on=date(2024, 3, 7), subject="C7"),
            Activity(kind="follow_up_call", on=date(2024, 3, 8), subject="C7"),
            Activity(kind="follow_up_call", on=date(2024, 3, 15), subject="C7"),
        ),
        stages=(
            Stage(subject="C2", stage="early_design", since=date(2024, 3, 1)),
            Stage(subject="C2", stage="tendering", since=date(2024, 3, 26)),
        ),
        reports=(report,),
    )


#: The cadence engine as the boundary (case files, the command line, schemas) sees it.
ENGINES = (
    EngineSpec(
        name="cadences",
        summary="check dated activity against cadence rules on a work calendar",
        case_type=CadenceCase,
        policy_types=(CadencePolicy,),
        result_type=CadenceCheck,
        run=CadenceCase.check,
        example_case=_example_cadence_case,
    ),
)
