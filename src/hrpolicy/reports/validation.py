"""Validate weekly reports against a policy the moment they arrive.

:func:`validate` checks many reports in one call, in (employee, week, report id) order
whatever order they come in. For each report, in this order:

1. **Deadline.** The due time is the policy's weekday and time in the week after the
   report's week (or, due Friday to Sunday, in its own week); a due date that is not a
   workday in the caller's :class:`~hrpolicy.core.workcal.WorkCalendar` moves to the
   next workday. Within the grace minutes the report is on time but noted; after them
   it is late and scores 0. A report the manager marks illegible also scores 0.
2. **Contents.** Each required item must be present, with at least its minimum text and,
   where the rule asks, a figure or named customers; sales expenses with travel costs
   need the travel report. An item that fails scores 0.
3. **Plausibility.** The visit count must match the visit log, and the expense figure the
   expense lines.
4. **Truth.** Against the reference data passed in (CRM sales, collections, visits,
   expense claims), within the policy's tolerances, and the manager's phone spot-checks:
   an item found untrue scores 0 — or, under the policy's
   :attr:`ReportPolicy.untrue_zeroes` reading :attr:`UntrueContent.SUMMARY`, the whole
   last-week summary scores 0 (the source's "that part scores zero" leaves both open).
5. **Quotas and plan.** Calls on each workday and visits in the week against the quotas;
   last week's approved plan against the visits made; the plan's local policy changes.
   Each failure deducts the policy's points from the report part.

A report's points: 0 if late, illegible or missing; otherwise the summary part (its points
× the share of required summary items that pass) plus the report part (its points less
the deductions, not below 0), rounded half up to 0.01 once.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Final

import attrs

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.display import Displayable, View
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.core.explain import (
    Explanation,
    Finding,
    Label,
    Step,
    StepValue,
)
from hrpolicy.core.fields import (
    NonNegativeInt,
    NonNegativeMoney,
    PositiveInt,
    Quantity,
    Text,
    argument,
    arguments,
    checked,
    enum_argument,
    policy_checked,
    require,
    require_unique,
    trusted,
    typed_fields,
)
from hrpolicy.core.label import label
from hrpolicy.core.money import EXACT, ZERO, Rate, round_money
from hrpolicy.core.records import Table
from hrpolicy.core.workcal import WorkCalendar, check_calendar, is_workday, next_workday
from hrpolicy.reports.messages import CATALOG
from hrpolicy.reports.model import (
    ITEMS,
    SUMMARY_ITEMS,
    IsoWeek,
    Item,
    ItemEntry,
    NextWeekPlan,
    Reference,
    WeeklyReport,
    _key_text,
)

__all__ = [
    "CATALOG",
    "Deadline",
    "Deduction",
    "ItemRule",
    "ItemStatus",
    "Need",
    "ReportCheck",
    "ReportPolicy",
    "Review",
    "Tolerance",
    "UntrueContent",
    "Weekday",
    "validate",
]


_NONE: Final = Rate.parse("0")


class Need(Choice):
    """What an item must carry besides text."""

    TEXT = "text"
    AMOUNT = "amount"
    COUNT = "count"
    CUSTOMERS = "customers"


class UntrueContent(Choice):
    """What content found untrue scores 0 — the source's "where content is found not to
    match, that part scores zero" (内容不实的，该部分计0分) reads either way, so a policy
    states which:

    - ``ITEM`` — the single summary item found untrue (the default);
    - ``SUMMARY`` — the whole last-week summary (its ``summary_points``, 10 of the 40),
      whichever of its items was found untrue.

    >>> UntrueContent("summary").label.en
    'the whole last-week summary'
    """

    ITEM = "item"
    SUMMARY = "summary"

    @property
    def label(self) -> Label:
        """What scores 0, in Chinese and English."""
        return _UNTRUE_READINGS[self]


_UNTRUE_READINGS: Final = {
    UntrueContent.ITEM: Label("不实的单项", "the single item found untrue"),
    UntrueContent.SUMMARY: Label("整个上周总结", "the whole last-week summary"),
}


#: Points of a report, its summary or a deduction: a report is part of a 100-point card.
_Points = Annotated[int, IntSpec(min_value=1, max_value=100)]
_SummaryPoints = Annotated[int, IntSpec(min_value=0, max_value=100)]
#: A grace period of at most a week (7 × 24 × 60 minutes).
_GraceMinutes = Annotated[int, IntSpec(min_value=0, max_value=7 * 24 * 60)]
#: A quota of calls a workday or visits a week.
_Quota = Annotated[int, IntSpec(min_value=0, max_value=1000)]
#: The least characters an item's text must have.
_Chars = Annotated[int, IntSpec(min_value=1, max_value=10_000)]


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ItemRule:
    """A required item: at least ``min_chars`` characters of text (1 to 10 000) and, per
    ``need``, a figure or named customers."""

    item: Item
    min_chars: _Chars = 1
    need: Need = Need.TEXT


class Weekday(Choice):
    """Days of the week, Monday first."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


_END_OF_WEEK: Final = (Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deadline:
    """Due on ``weekday`` at ``hour``:``minute`` of the week after the report's week
    (``weeks_after=1``) or of its own week (``0``)."""

    weekday: Weekday
    hour: NonNegativeInt
    minute: NonNegativeInt = 0
    weeks_after: NonNegativeInt = 1

    def __attrs_post_init__(self) -> None:
        require(self.hour <= 23, "Deadline.hour", "0 to 23", self.hour)
        require(self.minute <= 59, "Deadline.minute", "0 to 59", self.minute)
        require(self.weeks_after <= 1, "Deadline.weeks_after", "0 or 1", self.weeks_after)
        require(
            self.weeks_after == 1 or self.weekday in _END_OF_WEEK,
            "Deadline.weekday",
            "Friday, Saturday or Sunday for a deadline in the report's own week (earlier, "
            "every report would be late before its week is over)",
            self.weekday,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Tolerance:
    """How far a reported figure may be from the reference before it is untrue: the
    larger of ``absolute`` and ``relative`` × the reference."""

    item: Item
    absolute: NonNegativeMoney = Decimal(0)
    relative: Rate = _NONE

    def limit(self, base: Decimal | int) -> Fraction:
        """The largest difference allowed on ``base``: the absolute amount or the relative
        share of ``base``, whichever is larger."""
        return max(Fraction(self.absolute), self.relative.exact * Fraction(base))

    def allows(self, reported: Decimal, reference: Decimal) -> bool:
        """Whether ``reported`` is within tolerance of ``reference``."""
        return abs(Fraction(reported) - Fraction(reference)) <= self.limit(reference)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deduction:
    """Points a report loses for a failure (``code`` from :data:`CATALOG`), 1 to 100."""

    code: Text
    points: _Points


#: Failures a policy may attach deductions to.
DEDUCTIBLE: Final = (
    "calls_quota_missed",
    "visits_quota_missed",
    "plan_not_followed",
    "plan_item_missing",
)

_ALLOWED_TOLERANCES: Final = (
    Item.SALES_VOLUME,
    Item.COLLECTIONS,
    Item.SALES_EXPENSES,
    Item.CUSTOMER_VISITS,
)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportPolicy:
    """A weekly-report policy as data.

    ``points``: what a report is worth (40 of the salesperson's monthly card);
    ``summary_points``: the last-week summary's share of it (10); ``deductions``: points
    off the report part for quota, plan and plan-item failures; ``plan_share``: the share
    of last week's approved plan visits that must have been made; ``untrue_zeroes``: what
    content found untrue scores 0 — the single item (:attr:`UntrueContent.ITEM`, the
    default) or the whole last-week summary (:attr:`UntrueContent.SUMMARY`).

    Every count states its maximum: ``grace_minutes`` at most a week (10 080 minutes),
    ``calls_per_workday`` and ``visits_per_week`` at most 1 000, ``points`` 1 to 100 and
    ``summary_points`` 0 to 100."""

    policy_id: Text
    required: tuple[ItemRule, ...]
    deadline: Deadline
    grace_minutes: _GraceMinutes = 0
    calls_per_workday: _Quota = 0
    visits_per_week: _Quota = 0
    tolerances: tuple[Tolerance, ...] = ()
    plan_share: Rate = _NONE
    points: _Points = 40
    summary_points: _SummaryPoints = 10
    deductions: tuple[Deduction, ...] = ()
    clause: str = ""
    untrue_zeroes: UntrueContent = UntrueContent.ITEM

    def __attrs_post_init__(self) -> None:
        path = f"ReportPolicy({self.policy_id})"
        require_unique([r.item.value for r in self.required], f"{path}.required", "item")
        require(
            any(r.item in SUMMARY_ITEMS for r in self.required) or not self.summary_points,
            f"{path}.required",
            "at least one summary item when the summary is worth points",
            self.required,
        )
        require(
            self.summary_points <= self.points,
            f"{path}.summary_points",
            f"at most the report's {self.points} points",
            self.summary_points,
        )
        require_unique([t.item.value for t in self.tolerances], f"{path}.tolerances", "item")
        for index, tolerance in enumerate(self.tolerances):
            require(
                tolerance.item in _ALLOWED_TOLERANCES,
                f"{path}.tolerances[{index}].item",
                "an item with a figure (sales, collections, expenses, visits)",
                tolerance.item,
            )
        require_unique([d.code for d in self.deductions], f"{path}.deductions", "code")
        for index, deduction in enumerate(self.deductions):
            if deduction.code not in DEDUCTIBLE:
                raise PolicyDefinitionError(
                    f"{path}.deductions[{index}].code",
                    f"one of {', '.join(DEDUCTIBLE)}",
                    deduction.code,
                )
        require(
            Decimal(0) <= self.plan_share.value <= 1,
            f"{path}.plan_share",
            "0 to 100%",
            self.plan_share,
        )

    def rule(self, item: Item | str) -> ItemRule | None:
        """The rule for ``item``, if it is required."""
        item = enum_argument(item, Item, "item")
        for rule in self.required:
            if rule.item is item:
                return rule
        return None

    def tolerance(self, item: Item | str) -> Tolerance:
        """The tolerance for ``item`` (none: the figures must agree exactly)."""
        item = enum_argument(item, Item, "item")
        for tolerance in self.tolerances:
            if tolerance.item is item:
                return tolerance
        return Tolerance(item=item)

    def deduction(self, code: str) -> int:
        """The points ``code`` costs (0 if the policy sets none)."""
        for deduction in self.deductions:
            if deduction.code == code:
                return deduction.points
        return 0


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Review:
    """The manager's review of a report: marked illegible, and items a phone spot-check
    found untrue."""

    report_id: Text
    illegible: bool = False
    untrue: tuple[Item, ...] = ()


class ItemStatus(Choice):
    """How a required item fared."""

    PASSED = "passed"
    MISSING = "missing"
    TOO_SHORT = "too_short"
    INCOMPLETE = "incomplete"
    IMPLAUSIBLE = "implausible"
    UNTRUE = "untrue"


_STATUS: Final = {
    ItemStatus.PASSED: Label("合格", "passed"),
    ItemStatus.MISSING: Label("缺失", "missing"),
    ItemStatus.TOO_SHORT: Label("内容过少", "too short"),
    ItemStatus.INCOMPLETE: Label("不完整", "incomplete"),
    ItemStatus.IMPLAUSIBLE: Label("前后不一致", "implausible"),
    ItemStatus.UNTRUE: Label("不真实", "untrue"),
}


def _pairs(value: object, path: str, what: str) -> tuple[tuple[object, object], ...]:
    """A list or tuple of pairs (``what`` names them), each a 2-item tuple or list."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise InvalidTypeError(path, f"a list or tuple of pairs {what}", value)
    pairs = []
    for index, pair in enumerate(value):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise InvalidTypeError(f"{path}[{index}]", f"a pair {what}", pair)
        pairs.append((pair[0], pair[1]))
    return tuple(pairs)


def _item_statuses(value: object) -> tuple[tuple[Item, ItemStatus], ...]:
    """``ReportCheck.items``: each summary item with how it fared."""
    path = "ReportCheck.items"
    return tuple(
        (
            enum_argument(item, Item, f"{path}[{index}][0]"),
            enum_argument(status, ItemStatus, f"{path}[{index}][1]"),
        )
        for index, (item, status) in enumerate(_pairs(value, path, "(Item, ItemStatus)"))
    )


def _deduction_points(value: object) -> tuple[tuple[str, int], ...]:
    """``ReportCheck.deductions``: each deduction's code with the points it cost."""
    path = "ReportCheck.deductions"
    deductions = []
    for index, (given, points) in enumerate(_pairs(value, path, "(code, points)")):
        code = argument(given, str, f"{path}[{index}][0]")
        if isinstance(points, bool) or not isinstance(points, int):
            raise InvalidTypeError(f"{path}[{index}][1]", "an int", points)
        require(points >= 1, f"{path}[{index}][1]", "an int of 1 or more", points)
        deductions.append((code, points))
    return tuple(deductions)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportCheck(Displayable):
    """The validation of one report: when it was due, whether it was late, how each
    required item fared, the deductions, the points and the findings. Built by
    :func:`validate`; every field is typed (a missing or unknown one is refused)."""

    report: WeeklyReport
    due_at: datetime
    late: bool
    illegible: bool
    items: tuple[tuple[Item, ItemStatus], ...] = attrs.field(converter=_item_statuses)
    deductions: tuple[tuple[str, int], ...] = attrs.field(converter=_deduction_points)
    points: Quantity
    maximum: PositiveInt
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        """Whether the report lost no points."""
        return self.points == self.maximum

    def status(self, item: Item | str) -> ItemStatus:
        """How the required summary item ``item`` fared."""
        item = enum_argument(item, Item, "item")
        found = dict(self.items)
        if item not in found:
            raise InvalidValueError(
                "item", f"a required summary item ({', '.join(i.value for i in found)})", item
            )
        return found[item]

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``items``, ``deductions``, then the explanation tables,
        every row keyed by report, employee and week (layouts in
        :data:`hrpolicy.reports.results.RESULT_TABLES`)."""
        from hrpolicy.reports.results import check_tables  # noqa: PLC0415 - it imports this

        return check_tables(self, locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, StepValue], ...] = (
            (Label("员工", "employee"), self.report.employee),
            (Label("周次", "week"), str(self.report.week)),
            (Label("应交时间", "due"), self.due_at.isoformat(sep=" ", timespec="minutes")),
            *((ITEMS[item], _STATUS[status]) for item, status in self.items),
            (Label("得分", "points"), self.points),
        )
        return View(
            Label("周报检查", "Weekly report check"),
            summary,
            Explanation(self.steps, self.findings),
        )


# --- the checks -----------------------------------------------------------------------------


#: Each weekday's place in the week, Monday 0.
_WEEKDAY_INDEX: Final = {day: index for index, day in enumerate(Weekday)}


class _Rules:
    """What the checks read of a policy, worked out once per :func:`validate` call rather
    than again for every report: the required items in the policy's order, the deadline
    as an offset from the week's Monday, the deductions and tolerances by key."""

    __slots__ = (
        "all_passed",
        "contents",
        "deadline_days",
        "deadline_time",
        "deductions",
        "grace",
        "local",
        "policy",
        "required",
        "summary",
        "summary_set",
        "tolerances",
    )

    def __init__(self, policy: ReportPolicy) -> None:
        deadline = policy.deadline
        self.policy = policy
        self.deadline_days = timedelta(
            days=7 * deadline.weeks_after + _WEEKDAY_INDEX[deadline.weekday]
        )
        self.deadline_time = time(deadline.hour, deadline.minute)
        self.grace = timedelta(minutes=policy.grace_minutes)
        # Item ids are unique within a policy, so a dict or set answers what a search did.
        # Items are looked up by name: an enum member hashes in Python, its name in C.
        self.contents = tuple(
            (
                r.item,
                r.item._name_,
                r.min_chars,
                None if r.need is Need.TEXT else r.need,
                r.item is Item.SALES_EXPENSES,
            )
            for r in policy.required
            if r.item is not Item.LOCAL_POLICY_CHANGES
        )
        self.required = frozenset(r.item for r in policy.required)
        self.summary = tuple(r.item for r in policy.required if r.item in SUMMARY_ITEMS)
        self.summary_set = frozenset(self.summary)
        #: ``ReportCheck.items`` of a report whose every summary item passed (shared).
        self.all_passed = tuple((item, ItemStatus.PASSED) for item in self.summary)
        self.local = policy.rule(Item.LOCAL_POLICY_CHANGES)
        self.deductions = {d.code: d.points for d in policy.deductions}
        self.tolerances: dict[Item, Tolerance] = {}

    def tolerance(self, item: Item) -> Tolerance:
        """The policy's tolerance for ``item`` (asked of the policy once)."""
        found = self.tolerances.get(item)
        if found is None:
            found = self.tolerances[item] = self.policy.tolerance(item)
        return found


class _Weeks:
    """Each week's due time and workdays, asked of the calendar once per :func:`validate`
    call (every salesperson's report of a week has the same ones)."""

    __slots__ = ("_calendar", "_due", "_rules", "_workdays")

    def __init__(self, rules: _Rules, calendar: WorkCalendar) -> None:
        self._rules = rules
        self._calendar = calendar
        self._due: dict[tuple[int, int], tuple[datetime, str]] = {}
        self._workdays: dict[tuple[int, int], list[date]] = {}

    def due(self, week: IsoWeek) -> tuple[datetime, str]:
        """When a report of ``week`` is due (moved past days off), and as text."""
        key = (week.year, week.week)
        found = self._due.get(key)
        if found is None:
            rules = self._rules
            day = next_workday(self._calendar, week.first_day + rules.deadline_days)
            due = datetime.combine(day, rules.deadline_time)
            found = self._due[key] = (due, due.isoformat(sep=" ", timespec="minutes"))
        return found

    def workdays(self, week: IsoWeek) -> list[date]:
        """The workdays of ``week``, in order."""
        key = (week.year, week.week)
        found = self._workdays.get(key)
        if found is None:
            found = [d for d in week.days if is_workday(self._calendar, d)]
            self._workdays[key] = found
        return found


class _Check:
    def __init__(self, report: WeeklyReport) -> None:
        self.report = report
        # Items are unique within a report's summary: the entry of each by the item's name.
        self.entries: dict[str, ItemEntry] = {e.item._name_: e for e in report.summary}
        self.steps: list[Step] = []
        self.findings: list[Finding] = []
        # The items that failed, with how (an item not here passed).
        self.failed: dict[Item, ItemStatus] = {}
        # Every item found untrue, even one that had already failed for another reason:
        # under the summary reading any of them zeroes the whole summary.
        self.untrue: list[Item] = []
        self.deductions: list[tuple[str, int]] = []

    def find(self, code: str, **params: Any) -> None:
        self.findings.append(CATALOG.finding(code, subject=self.report.report_id, **params))

    def fail(self, item: Item, status: ItemStatus, code: str, **params: Any) -> None:
        if status is ItemStatus.UNTRUE and item not in self.untrue:
            self.untrue.append(item)
        if item not in self.failed:
            self.failed[item] = status
            self.find(code, item=ITEMS[item], **params)

    def entry(self, item: Item) -> ItemEntry | None:
        """The report's entry for ``item``, if it has one."""
        return self.entries.get(item._name_)

    def items(self, rules: _Rules) -> tuple[tuple[Item, ItemStatus], ...]:
        """Each required summary item with how it fared, in the policy's order."""
        if not self.failed:
            return rules.all_passed
        failed = self.failed
        return tuple((item, failed.get(item, ItemStatus.PASSED)) for item in rules.summary)


#: What an item that needs a figure or names lacks, for the finding.
_NEEDED: Final = {
    Need.AMOUNT: Label("金额", "an amount"),
    Need.COUNT: Label("数量", "a count"),
    Need.CUSTOMERS: Label("客户名单", "the customers named"),
}


def _contents(check: _Check, rules: _Rules) -> None:
    report = check.report
    entries = check.entries
    # need: None when text alone is enough; expenses: the item is the sales expenses.
    for item, name, min_chars, need, expenses in rules.contents:
        entry = entries.get(name)
        if entry is None:
            check.fail(item, ItemStatus.MISSING, "item_missing")
            continue
        chars = len(entry.text.strip())
        if chars < min_chars:
            check.fail(
                item,
                ItemStatus.TOO_SHORT,
                "item_too_short",
                chars=chars,
                minimum=min_chars,
            )
            continue
        if need is not None and (
            (need is Need.AMOUNT and entry.amount is None)
            or (need is Need.COUNT and entry.count is None)
            or (need is Need.CUSTOMERS and not entry.customers)
        ):
            check.fail(item, ItemStatus.INCOMPLETE, "item_incomplete", missing=_NEEDED[need])
        elif (
            expenses
            and any(e.travel for e in report.expenses)
            and not report.travel_report_attached
        ):
            check.fail(
                item,
                ItemStatus.INCOMPLETE,
                "item_incomplete",
                missing=Label("差旅费用报告", "the travel expense report"),
            )


def _plausibility(check: _Check, rules: _Rules) -> None:
    report = check.report
    required = rules.required
    visits = check.entry(Item.CUSTOMER_VISITS)
    if (
        Item.CUSTOMER_VISITS in required
        and visits is not None
        and visits.count is not None
        and visits.count != len(report.visits)
    ):
        check.fail(
            Item.CUSTOMER_VISITS,
            ItemStatus.IMPLAUSIBLE,
            "implausible",
            reported=visits.count,
            detail=len(report.visits),
        )
    spent = check.entry(Item.SALES_EXPENSES)
    if Item.SALES_EXPENSES in required and spent is not None and spent.amount is not None:
        total = sum((e.amount for e in report.expenses), Decimal(0))
        if spent.amount != total:
            check.fail(
                Item.SALES_EXPENSES,
                ItemStatus.IMPLAUSIBLE,
                "implausible",
                reported=spent.amount,
                detail=total,
            )


def _truth(
    check: _Check, rules: _Rules, reference: Reference | None, review: Review | None
) -> None:
    report = check.report
    if reference is not None:
        for item, recorded in (
            (Item.SALES_VOLUME, reference.sales),
            (Item.COLLECTIONS, reference.collections),
            (Item.SALES_EXPENSES, reference.expenses),
        ):
            entry = check.entry(item)
            if recorded is None or entry is None or entry.amount is None:
                continue
            if not rules.tolerance(item).allows(entry.amount, recorded):
                check.fail(
                    item, ItemStatus.UNTRUE, "untrue", reported=entry.amount, reference=recorded
                )
        if reference.visits is not None:
            # One recorded visit confirms one reported visit: copies do not count twice.
            in_crm = Counter(map(_VISIT_KEY, reference.visits))
            in_report = Counter(map(_VISIT_KEY, report.visits))
            unrecorded = sum((in_report - in_crm).values())
            # The tolerance is counted on the visits reported.
            limit = rules.tolerance(Item.CUSTOMER_VISITS).limit(len(report.visits))
            if unrecorded > limit:
                check.fail(
                    Item.CUSTOMER_VISITS,
                    ItemStatus.UNTRUE,
                    "untrue",
                    reported=len(report.visits),
                    reference=len(report.visits) - unrecorded,
                )
    if review is not None:
        for item in review.untrue:
            if item not in rules.required or item not in SUMMARY_ITEMS:
                raise InvalidValueError(
                    f"Review({review.report_id}).untrue",
                    "required summary items (only they can score 0)",
                    item,
                )
            check.fail(item, ItemStatus.UNTRUE, "untrue_spot_check")


#: A visit as the checks count it: one customer on one day.
_VISIT_KEY: Final = operator.attrgetter("customer", "on")


def _quotas_and_plan(
    check: _Check, rules: _Rules, weeks: _Weeks, approved: NextWeekPlan | None
) -> None:
    report = check.report
    policy = rules.policy

    def deduct(code: str, **params: Any) -> None:
        check.find(code, **params)
        points = rules.deductions.get(code, 0)
        if points:
            check.deductions.append((code, points))

    # The calendar is asked only when a quota needs it (it may not cover every year).
    quotas = policy.calls_per_workday or policy.visits_per_week
    workdays = weeks.workdays(report.week) if quotas else []
    if policy.calls_per_workday:
        calls = {c.on: c.calls for c in report.calls}
        short = [day for day in workdays if calls.get(day, 0) < policy.calls_per_workday]
        if short:
            deduct(
                "calls_quota_missed",
                days=", ".join(d.isoformat() for d in short),
                quota=policy.calls_per_workday,
                short_days=len(short),
                first_short_day=short[0],
            )
    if policy.visits_per_week:
        # A short week (holidays) asks for its share of the weekly quota, rounded up.
        quota = -(-policy.visits_per_week * min(len(workdays), 5) // 5)
        distinct = len(set(map(_VISIT_KEY, report.visits)))
        if distinct < quota:
            deduct("visits_quota_missed", visits=distinct, quota=quota)
    if approved is not None and approved.visits:
        made = {v.customer for v in report.visits}
        missed = sorted({p.customer for p in approved.visits if p.customer not in made})
        planned = len({p.customer for p in approved.visits})
        done = planned - len(missed)
        if Fraction(done, planned) < policy.plan_share.exact:
            deduct(
                "plan_not_followed",
                done=done,
                planned=planned,
                share=policy.plan_share,
                missed=", ".join(missed),
                missed_count=len(missed),
            )
    rule = rules.local
    if rule is not None and len(report.plan.local_policy_changes.strip()) < rule.min_chars:
        deduct("plan_item_missing")


def _round_points(summary: Fraction, rest: int) -> Decimal:
    """``round_money(summary + rest)`` for a non-negative ``summary`` and ``rest``, in
    integers: half up to the fen, the same ``Decimal``."""
    numerator, denominator = summary.numerator + rest * summary.denominator, summary.denominator
    if numerator == 0:
        return ZERO
    # floor(x × 100 + 1/2) = floor((200 n + d) / 2d) for x = n / d ≥ 0.
    cents = (200 * numerator + denominator) // (2 * denominator)
    return Decimal(cents).scaleb(-2, context=EXACT) if cents else ZERO


_POINTS_LABEL: Final = label(
    "得分 = 总结分 × 合格项比例 + 其余分 − 扣分（迟交、无法辨认为0）",
    "points = summary × share of items passed + the rest − deductions (0 if late or illegible)",
)


def _score(check: _Check, rules: _Rules, *, zero: bool) -> Decimal:
    policy = rules.policy
    summary_items = rules.summary
    passed = len(summary_items) - sum(1 for item in check.failed if item in rules.summary_set)
    summary = (
        Fraction(policy.summary_points * passed, len(summary_items))
        if summary_items
        else Fraction(0)
    )
    untrue = [item for item in check.untrue if item in SUMMARY_ITEMS]
    whole = bool(untrue) and policy.untrue_zeroes is UntrueContent.SUMMARY
    if whole and not zero and summary:
        check.find(
            "untrue_zeroes_summary",
            items=Label(
                "、".join(ITEMS[item].zh_CN for item in untrue),
                ", ".join(ITEMS[item].en for item in untrue),
            ),
            untrue_count=len(untrue),
            lost=round_money(summary),
            summary_points=policy.summary_points,
        )
    if whole:
        summary = Fraction(0)
    deducted = sum(p for _, p in check.deductions)
    rest = max(0, policy.points - policy.summary_points - deducted)
    points = ZERO if zero else _round_points(summary, rest)
    # The step step_of builds: the inputs that do not apply (None) left out.
    inputs: list[tuple[str, StepValue]] = [
        ("summary_items_passed", f"{passed}/{len(summary_items)}")
    ]
    if untrue:
        # The reading is named where content was found untrue: it decides the score.
        inputs.append(("untrue_zeroes", policy.untrue_zeroes.value))
    inputs.append(("summary_points", summary))
    if deducted:
        inputs.append(("deductions", deducted))
    inputs.append(("report_points", rest))
    if zero:
        inputs.append(("scored_zero", True))
    if policy.clause:
        inputs.append(("clause", policy.clause))
    check.steps.append(Step("report.points", _POINTS_LABEL, tuple(inputs), points))
    return points


_DEADLINE_LABEL: Final = label(
    "截止时间（遇非工作日顺延）与宽限", "deadline (moved past non-workdays) and grace"
)


def _check_one(
    report: WeeklyReport,
    *,
    rules: _Rules,
    weeks: _Weeks,
    reference: Reference | None,
    review: Review | None,
    approved: NextWeekPlan | None,
) -> ReportCheck:
    policy = rules.policy
    check = _Check(report)
    due, due_text = weeks.due(report.week)
    submitted = report.submitted_at
    late = submitted > due + rules.grace
    stamp = submitted.isoformat(sep=" ", timespec="minutes")
    # The step step_of builds (no input is None, no provision is cited).
    check.steps.append(
        Step(
            "report.deadline",
            _DEADLINE_LABEL,
            (("due", due_text), ("grace_minutes", policy.grace_minutes), ("submitted", stamp)),
            not late,
        )
    )
    if submitted > due:  # late, or within the grace minutes
        # The times as typed data too: the day each fell on, and the minutes past the deadline.
        check.find(
            "late" if late else "in_grace",
            due=due_text,
            submitted=stamp,
            due_on=due.date(),
            submitted_on=submitted.date(),
            minutes_late=int((submitted - due).total_seconds() // 60),
            grace_minutes=policy.grace_minutes,
        )
    illegible = review is not None and review.illegible
    if illegible:
        check.find("illegible")
    _contents(check, rules)
    _plausibility(check, rules)
    _truth(check, rules, reference, review)
    _quotas_and_plan(check, rules, weeks, approved)
    points = _score(check, rules, zero=late or illegible)
    # Every value is what the fields' checks would make of it: built unchecked.
    return trusted(
        ReportCheck,
        report=report,
        due_at=due,
        late=late,
        illegible=illegible,
        items=check.items(rules),
        deductions=tuple(check.deductions),
        points=points,
        maximum=policy.points,
        steps=tuple(check.steps),
        findings=tuple(check.findings),
    )


def _keyed(items: Iterable[Any], name: str, key: str) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for index, item in enumerate(items):
        ident = (item.employee, str(item.week)) if key == "week" else (item.report_id, "")
        if ident in found:
            raise InvalidValueError(f"{name}[{index}]", f"one {name[:-1]} per {key}", ident)
        found[ident] = item
    return found


def validate(
    reports: Sequence[WeeklyReport],
    policy: ReportPolicy,
    calendar: WorkCalendar,
    *,
    references: Sequence[Reference] = (),
    reviews: Sequence[Review] = (),
    approved_plans: Mapping[str, NextWeekPlan] | None = None,
) -> tuple[ReportCheck, ...]:
    """Validate ``reports`` under ``policy``: deadline, contents, plausibility, truth,
    quotas and plan, as the module describes, and score each report.

    Args:
        reports: the weekly reports (:class:`~hrpolicy.reports.model.WeeklyReport`), at most
            one per employee and week, with distinct report ids.
        policy: the :class:`ReportPolicy`.
        calendar: the work calendar: deadlines move to its next workday, and the call quota
            applies on its workdays.
        references (optional): what the company's systems recorded
            (:class:`~hrpolicy.reports.model.Reference`), at most one per employee and week,
            each for a report being validated; items without reference data are not checked
            for truth.
        reviews (optional): the manager's :class:`Review` of a report (illegible, items
            found untrue on a spot-check), at most one per report.
        approved_plans (optional): a report id mapped to the plan approved for its week
            (last week's plan, as the manager approved it).

    Returns:
        One :class:`ReportCheck` per report, ordered by employee, week and report id
        whatever the order of the input.

    Raises:
        InvalidTypeError: an argument of the wrong type (a report that is not a
            ``WeeklyReport``, ``approved_plans`` that is not a mapping, …).
        InvalidValueError: two reports with the same id or for the same employee and week; a
            reference, review or plan that matches no report or comes twice; a spot-check of
            an item the policy does not score.
        NotCoveredError: a due date or quota day the calendar does not cover.

    Example:
        >>> from decimal import Decimal
        >>> from hrpolicy.reports import IsoWeek, Item, Reference, TableCalendar
        >>> from hrpolicy.reports.examples import domain_report_policy, example_report
        >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
        >>> week = IsoWeek(year=2024, week=10)
        >>> report = example_report("wang", week, calendar, sales=Decimal(95000))
        >>> crm = Reference(employee="wang", week=week, sales=Decimal(120000))
        >>> (check,) = validate([report], domain_report_policy(), calendar, references=[crm])
        >>> check.points, check.status(Item.SALES_VOLUME)
        (Decimal('39.00'), <ItemStatus.UNTRUE: 'untrue'>)
        >>> print(check.findings[0].message("en"))
        sales volume does not match the records (reported 95000, recorded 120000): untrue, ...
        >>> validate([report, report], domain_report_policy(), calendar)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: reports[1]: expected a unique report_id, got ...
    """
    given = arguments(reports, WeeklyReport, "reports")
    argument(policy, ReportPolicy, "policy")
    check_calendar(calendar)
    require_unique([r.report_id for r in given], "reports", "report_id")
    require_unique(
        [f"{r.employee} {r.week}" for r in given], "reports", "report per employee and week"
    )
    by_week = _keyed(arguments(references, Reference, "references"), "references", "week")
    by_id = _keyed(arguments(reviews, Review, "reviews"), "reviews", "report")
    if approved_plans is not None and not isinstance(approved_plans, Mapping):
        raise InvalidTypeError(
            "approved_plans", "a mapping of report id to NextWeekPlan", approved_plans
        )
    plans = dict(approved_plans or {})
    for plan_id, plan in plans.items():
        argument(plan, NextWeekPlan, f"approved_plans[{_key_text(plan_id)}]")
    weeks = {(r.employee, str(r.week)) for r in given} if by_week else set()
    ids = {r.report_id for r in given} if by_id or plans else set()
    for week_key in by_week:
        require(
            week_key in weeks, "references", "a reference for a report being validated", week_key
        )
    for review_key, _ in by_id:
        require(review_key in ids, "reviews", "a review of a report being validated", review_key)
    for plan_key in plans:
        require(
            plan_key in ids, "approved_plans", "plans keyed by a report being validated", plan_key
        )
    ordered = sorted(given, key=lambda r: (r.employee, r.week.year, r.week.week, r.report_id))
    rules = _Rules(policy)
    on_calendar = _Weeks(rules, calendar)
    return tuple(
        _check_one(
            report,
            rules=rules,
            weeks=on_calendar,
            reference=by_week.get((report.employee, str(report.week))) if by_week else None,
            review=by_id.get((report.report_id, "")) if by_id else None,
            approved=plans.get(report.report_id) if plans else None,
        )
        for report in ordered
    )
