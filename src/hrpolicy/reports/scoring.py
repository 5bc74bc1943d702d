"""Score a month from a scoring card, and a year from twelve months.

A :class:`ScoreCard` is data: components whose points add up to 100 (the daily-work
score), the weights of daily work and attendance (70 % / 30 %), and the attendance rule
(100, less 4 a day absent, a half day counting whole). Components:

- :class:`Deductions` — starts full and loses ``points`` for each failure (or once a month
  per failure, as the rule says), not below 0. Two failures are found from deadlines: the
  terminal daily sales report after 16:00 the same day (every workday's reports are
  given, or only the late ones), and rebate forms after the 25th (moved to the next workday
  when that is not one); the others are recorded by the manager as :class:`Failure` events.
- :class:`WeeklyReports` — the mean of the month's weekly report points (weeks belong to
  the month of their Thursday; a week without a report scores 0), scaled to the component.
- :class:`Assessed` — a figure the manager gives (e.g. the monthly report's summary, plan
  and local proposal), from 0 to its points.
- :class:`OnTime` — full if the document came in by a day of the month (the 30th, or the
  month's last day when shorter, moved to the next workday), else 0; missed this month and
  the last, it is deducted double (its points again off the daily-work score).
- :class:`Training` — full with at least ``minimum`` recorded trainings in the month.
- :class:`ReviewShare` — its points times the share of the team's weekly reports reviewed.

A daily-work score known already may be given instead of the components' facts
(``MonthInputs.daily_work``); :func:`score_component` scores one component alone.

The monthly score is daily work × its weight + attendance × its weight, rounded half up
to 0.01 once; a :class:`MonthlyScore` always agrees with itself. The annual score is the
mean of twelve monthly scores — computed, or known already and given by month — rounded
the same way.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Final

import attrs

from hrpolicy.core.calendar_examples import score_sheets_due
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union, write_in_full
from hrpolicy.core.deadlines import DayOfNextMonth, Roll, due_date
from hrpolicy.core.display import Displayable, View
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.core.explain import Explanation, Finding, Label, Step, StepValue, Trail, step_of
from hrpolicy.core.fields import (
    NonNegativeInt,
    PositiveInt,
    Quantity,
    Text,
    argument,
    arguments,
    checked,
    policy_checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import label
from hrpolicy.core.money import Rate, format_exact, parse_decimal, round_money
from hrpolicy.core.period import Period
from hrpolicy.core.records import Table
from hrpolicy.core.runs import (
    Comparison,
    RunMatch,
    RunPolicy,
    RunRule,
    Threshold,
    find_runs,
    number_words,
)
from hrpolicy.core.workcal import WorkCalendar, check_calendar, is_workday
from hrpolicy.reports.messages import CATALOG
from hrpolicy.reports.model import IsoWeek, _key_text
from hrpolicy.reports.validation import ReportCheck

__all__ = [
    "FOUND_FROM_DEADLINES",
    "SCORE_RUNS",
    "Absence",
    "AnnualScore",
    "Assessed",
    "Assessment",
    "Card",
    "Component",
    "ComponentScore",
    "DeductionRule",
    "Deductions",
    "Failure",
    "KnownScores",
    "MonthInputs",
    "MonthlyScore",
    "OnTime",
    "Per",
    "ReviewShare",
    "ScoreCard",
    "Submission",
    "TerminalReport",
    "Training",
    "WeeklyReports",
    "annual_score",
    "consequences",
    "hr_due_date",
    "pay_coefficient",
    "score_component",
    "score_month",
    "terminal_reports_on_time",
    "weeks_of",
]

#: A component's (or a rule's) points: a card has 100 points of daily work.
_Points = Annotated[int, IntSpec(min_value=1, max_value=100)]
#: The least trainings a month must record.
_Trainings = Annotated[int, IntSpec(min_value=1, max_value=1000)]


class Per(Choice):
    """Whether a deduction applies to each failure or once in the month."""

    OCCURRENCE = "occurrence"
    MONTH = "month"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DeductionRule:
    """A failure and the points it costs (1 to 100). Codes ``terminal_report_late`` and
    ``rebate_forms_late`` are found from deadlines; any other code comes from the
    manager's :class:`Failure` records."""

    code: Text
    zh_CN: Text
    en: Text
    points: _Points
    per: Per = Per.MONTH


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deductions:
    """A component that starts at ``points`` (1 to 100) and loses points per failure, not
    below 0.
    ``terminal_report_by`` is the hour the terminal daily sales report is due the same day;
    ``rebate_forms_by`` the day of the month rebate forms are due."""

    component_id: Text
    name: Text
    points: _Points
    rules: tuple[DeductionRule, ...]
    terminal_report_by: NonNegativeInt = 16
    rebate_forms_by: PositiveInt = 25
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require_unique([r.code for r in self.rules], f"Deductions({self.component_id})", "code")
        require(
            self.terminal_report_by <= 23,
            "Deductions.terminal_report_by",
            "0 to 23",
            self.terminal_report_by,
        )
        require(
            self.rebate_forms_by <= 28,
            "Deductions.rebate_forms_by",
            "1 to 28",
            self.rebate_forms_by,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class WeeklyReports:
    """The month's weekly reports: the mean of their shares of full points (each check's
    points ÷ its maximum), times ``points``; excused weeks (leave, a week of holidays) are
    left out of the mean."""

    component_id: Text
    name: Text
    points: _Points
    clause: str = ""


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Assessed:
    """A figure the manager gives, from 0 to ``points``."""

    component_id: Text
    name: Text
    points: _Points
    clause: str = ""


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OnTime:
    """Full ``points`` when the document is in by ``due_day`` of the month (the month's
    last day when shorter; moved to the next workday), else 0; missed two months running,
    its points come off the daily-work score once more."""

    component_id: Text
    name: Text
    points: _Points
    due_day: PositiveInt = 30
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require(self.due_day <= 31, "OnTime.due_day", "1 to 31", self.due_day)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Training:
    """Full ``points`` (1 to 100) with at least ``minimum`` (1 to 1 000) recorded trainings in
    the month, else 0."""

    component_id: Text
    name: Text
    points: _Points
    minimum: _Trainings = 1
    clause: str = ""


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReviewShare:
    """``points`` times the share of the team's weekly reports the manager reviewed."""

    component_id: Text
    name: Text
    points: _Points
    clause: str = ""


#: The components a scoring card is built from.
Component = Deductions | WeeklyReports | Assessed | OnTime | Training | ReviewShare

register_tagged_union(
    Component,
    {
        Deductions: "deductions",
        WeeklyReports: "weekly_reports",
        Assessed: "assessed",
        OnTime: "on_time",
        Training: "training",
        ReviewShare: "review_share",
    },
)


class Card(Choice):
    """Who a card scores."""

    SALESPERSON = "salesperson"
    REGIONAL_MANAGER = "regional_manager"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScoreCard:
    """A scoring card: components adding up to 100 points of daily work, the weights of
    daily work and attendance, and the attendance rule (``points_per_absent_day``, 1 to
    100)."""

    card_id: Text
    card: Card
    components: tuple[Component, ...]
    daily_weight: Rate = Rate.parse("70%")  # noqa: RUF009 - a value object, immutable
    attendance_weight: Rate = Rate.parse("30%")  # noqa: RUF009 - a value object, immutable
    points_per_absent_day: _Points = 4
    half_day_counts_whole: bool = True
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"ScoreCard({self.card_id})"
        require_unique([c.component_id for c in self.components], f"{path}.components", "id")
        total = sum(c.points for c in self.components)
        require(total == 100, f"{path}.components", "points adding up to 100", total)
        for name, weight in (
            ("daily_weight", self.daily_weight),
            ("attendance_weight", self.attendance_weight),
        ):
            require(Decimal(0) <= weight.value <= 1, f"{path}.{name}", "0 to 100%", weight)
        for kind in (Deductions, WeeklyReports):
            require(
                sum(1 for c in self.components if isinstance(c, kind)) <= 1,
                f"{path}.components",
                f"at most one {kind.__name__} component",
                self.components,
            )
        weights = self.daily_weight.value + self.attendance_weight.value
        require(
            weights == 1,
            f"{path}.attendance_weight",
            "weights adding up to 100%",
            f"{weights * 100}%",
        )


# --- a month's facts -----------------------------------------------------------------------

#: Failure codes a deductions component finds from deadlines, never from the manager's
#: :class:`Failure` records.
FOUND_FROM_DEADLINES: Final = ("terminal_report_late", "rebate_forms_late")

#: The facts of a month only the card's components read.
_COMPONENT_FACTS: Final = (
    "reports",
    "excused_weeks",
    "failures",
    "terminal_reports",
    "late_terminal_reports",
    "rebate_forms_on",
    "assessed",
    "submitted",
    "missed_last_month",
    "trainings",
    "reviewed",
    "to_review",
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Failure:
    """A failure the manager recorded, e.g. ``dealer_problem_unsolved`` on a day."""

    code: Text
    on: date
    note: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TerminalReport:
    """The terminal daily sales report for ``day``, submitted at ``submitted_at``
    (``None``: not filed at all)."""

    day: date
    submitted_at: datetime | None = None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Absence:
    """A day absent; ``half`` for half a day."""

    on: date
    half: bool = False


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Assessment:
    """The manager's figure for an assessed component."""

    component: Text
    points: Quantity


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Submission:
    """When the document of an on-time component came in (``None``: not at all)."""

    component: Text
    on: date | None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MonthInputs:
    """One person's facts for a month.

    ``reports``: the checks of their weekly reports (from :func:`validate`);
    ``excused_weeks``: weeks of leave or holidays left out of the weekly-report mean;
    ``failures`` (the manager's records), the terminal daily reports and
    ``rebate_forms_on``: for deduction components — the terminal reports either as
    ``terminal_reports``, every workday's report (one missing counts as late), or as
    ``late_terminal_reports``, only those that came in late or not at all (``()``: all on
    time);
    ``assessed``: the manager's figures; ``submitted``: when each on-time document came
    in;
    ``missed_last_month``: on-time components missed last month too; ``trainings``:
    recorded trainings; ``reviewed`` / ``to_review``: team weekly reports reviewed;
    ``absences``: days absent.

    ``daily_work``: a daily-work score known already (0 to 100); the card's components
    are then not scored, so none of their facts may be given — only absences. An empty
    ``terminal_reports`` or ``late_terminal_reports`` is a fact too (no report filed; none
    late), and is refused beside it.
    """

    employee: Text
    reports: tuple[ReportCheck, ...] = ()
    excused_weeks: tuple[IsoWeek, ...] = ()
    failures: tuple[Failure, ...] = ()
    terminal_reports: tuple[TerminalReport, ...] | None = None
    rebate_forms_on: date | None = None
    assessed: tuple[Assessment, ...] = ()
    submitted: tuple[Submission, ...] = ()
    missed_last_month: tuple[str, ...] = ()
    trainings: NonNegativeInt | None = None
    reviewed: NonNegativeInt | None = None
    to_review: NonNegativeInt | None = None
    absences: tuple[Absence, ...] = ()
    late_terminal_reports: tuple[TerminalReport, ...] | None = None
    daily_work: Quantity | None = None

    def __attrs_post_init__(self) -> None:
        require_unique([a.component for a in self.assessed], "MonthInputs.assessed", "component")
        require_unique([a.component for a in self.submitted], "MonthInputs.submitted", "component")
        require_unique([str(a.on) for a in self.absences], "MonthInputs.absences", "day")
        require_unique([str(c.report.week) for c in self.reports], "MonthInputs.reports", "week")
        require(
            self.terminal_reports is None or self.late_terminal_reports is None,
            "MonthInputs.late_terminal_reports",
            "nothing when terminal_reports lists every workday's report (give one form)",
            self.late_terminal_reports,
        )
        for name, reports in (
            ("terminal_reports", self.terminal_reports or ()),
            ("late_terminal_reports", self.late_terminal_reports or ()),
        ):
            for index, report in enumerate(reports):
                require(
                    report.submitted_at is None or report.submitted_at.date() >= report.day,
                    f"MonthInputs.{name}[{index}].submitted_at",
                    f"a time on or after its day {report.day}",
                    report.submitted_at,
                )
            require_unique([str(t.day) for t in reports], f"MonthInputs.{name}", "day")
        for index, failure in enumerate(self.failures):
            require(
                failure.code not in FOUND_FROM_DEADLINES,
                f"MonthInputs.failures[{index}].code",
                "a failure the manager records (late terminal reports are given as "
                "terminal_reports or late_terminal_reports, rebate forms as rebate_forms_on)",
                failure.code,
            )
        if self.daily_work is not None:
            require(
                self.daily_work <= 100,
                "MonthInputs.daily_work",
                "a daily-work score from 0 to 100",
                self.daily_work,
            )
            for name in _COMPONENT_FACTS:
                require(
                    not _given(self, name),
                    f"MonthInputs.{name}",
                    "nothing: daily_work is given, so no component is scored",
                    getattr(self, name),
                )
        for check in self.reports:
            require(
                check.report.employee == self.employee,
                "MonthInputs.reports",
                f"reports of {self.employee}",
                check.report.employee,
            )
        if self.reviewed is not None or self.to_review is not None:
            require(
                self.reviewed is not None
                and self.to_review is not None
                and self.reviewed <= self.to_review,
                "MonthInputs.reviewed",
                "reviewed and to_review given together, reviewed ≤ to_review",
                (self.reviewed, self.to_review),
            )


def _given(inputs: MonthInputs, name: str) -> bool:
    """Whether the fact ``name`` is given: anything but its default. A fact whose default
    is ``None`` is given as soon as it is not ``None`` — ``terminal_reports=()`` says no
    report was filed, ``late_terminal_reports=()`` that none was late."""
    default = attrs.fields_dict(MonthInputs)[name].default
    value = getattr(inputs, name)
    return value is not None if default is None else bool(value != default)


# --- results -------------------------------------------------------------------------------


def _exact(path: str, value: object) -> Fraction:
    """An exact number of points (``Fraction``, ``int`` or ``Decimal``) as a ``Fraction``."""
    if isinstance(value, bool) or not isinstance(value, (Fraction, int, Decimal)):
        raise InvalidTypeError(path, "an exact number (Fraction, int or Decimal)", value)
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidValueError(path, "a finite number", value)
    return Fraction(value)


def _exact_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """:func:`~hrpolicy.core.fields.typed_fields` for results, whose points may be exact
    fractions (a mean of four weeks' shares): a ``Fraction`` field takes a ``Fraction``,
    ``int`` or finite ``Decimal`` (never a float), kept as a ``Fraction``."""
    exact = [
        field.evolve(converter=functools.partial(_exact, f"{cls.__name__}.{field.name}"))
        if field.type in (Fraction, "Fraction") and field.converter is None
        else field
        for field in fields
    ]
    return typed_fields(cls, exact)


@checked
@attrs.frozen(kw_only=True, field_transformer=_exact_fields)
class ComponentScore:
    """A component's points out of its maximum, with the steps behind them, the findings
    the component raised, and the double deduction it adds to the daily-work score (its
    maximum, for an on-time document missed two months running; else 0).

    Built by :func:`score_month` and :func:`score_component`; one built by hand is checked
    like any fact: every field typed (a missing or unknown one is refused), its points
    from 0 to its maximum.
    """

    component_id: Text
    name: Text
    points: Fraction
    maximum: PositiveInt
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...] = ()
    double_deduction: Fraction = Fraction(0)

    def __attrs_post_init__(self) -> None:
        path = f"ComponentScore({self.component_id})"
        maximum = self.maximum
        require(0 <= self.points <= maximum, f"{path}.points", f"0 to {maximum}", self.points)
        require(
            self.double_deduction == 0 or (self.double_deduction == maximum and self.points == 0),
            f"{path}.double_deduction",
            f"0, or its {maximum} points again when it scored 0",
            self.double_deduction,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=_exact_fields)
class MonthlyScore(Displayable):
    """A month's score: components, daily work (0–100), attendance (0–100), the weighted
    monthly score, the pay coefficient (score ÷ 80) and findings.

    A monthly score agrees with itself and its card, whoever builds it: every field is
    typed (a missing or unknown one is refused), the components are the card's (or none,
    when the daily-work score was given), daily work is their sum less the double
    deductions, attendance is 100 less the card's points a day absent, and the score is
    the card's weighting of the two, rounded half up to 0.01. Anything else — such as
    ``attrs.evolve(month, score=…)`` with another score — is refused with
    :class:`~hrpolicy.core.errors.InvalidValueError`; known monthly scores go to
    :func:`annual_score` and :func:`consequences` directly, as a mapping of month to
    score.
    """

    card: ScoreCard
    month: Period
    employee: Text
    components: tuple[ComponentScore, ...]
    double_deductions: Fraction
    daily_work: Fraction
    attendance: Fraction
    score: Quantity
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]

    def __attrs_post_init__(self) -> None:
        card, month = self.card, self.month
        require(month.is_month, "MonthlyScore.month", "a month", month)
        path = f"MonthlyScore({self.employee} {month})"
        components = self.components
        double, daily, attendance = self.double_deductions, self.daily_work, self.attendance
        if components:
            expected = [(c.component_id, c.name, c.points) for c in card.components]
            got = [(c.component_id, c.name, c.maximum) for c in components]
            require(
                got == expected,
                f"{path}.components",
                f"the components of card {card.card_id} "
                f"({', '.join(c.component_id for c in card.components)}), in order",
                [c.component_id for c in components],
            )
            doubled = sum((c.double_deduction for c in components), Fraction(0))
            require(
                double == doubled,
                f"{path}.double_deductions",
                f"{format_exact(doubled)} (the components' double deductions)",
                self.double_deductions,
            )
            total = sum((c.points for c in components), Fraction(0))
            require(
                daily == max(Fraction(0), total - double),
                f"{path}.daily_work",
                f"{format_exact(max(Fraction(0), total - double))} (components "
                f"{format_exact(total)} − double deductions {format_exact(double)}, not "
                "below 0)",
                self.daily_work,
            )
        else:
            require(double == 0, f"{path}.double_deductions", "0 (no component)", double)
            require(
                0 <= daily <= 100, f"{path}.daily_work", "a daily-work score from 0 to 100", daily
            )
        per_day = Fraction(card.points_per_absent_day, 1 if card.half_day_counts_whole else 2)
        require(
            0 <= attendance <= 100 and (attendance == 0 or (100 - attendance) % per_day == 0),
            f"{path}.attendance",
            f"100 less {card.points_per_absent_day} a day absent (a half day counting "
            f"{'whole' if card.half_day_counts_whole else 'half'}), not below 0",
            self.attendance,
        )
        score = round_money(
            daily * card.daily_weight.exact + attendance * card.attendance_weight.exact
        )
        require(
            self.score == score,
            f"{path}.score",
            f"{score} (daily work {format_exact(daily)} × {card.daily_weight} + attendance "
            f"{format_exact(attendance)} × {card.attendance_weight}, rounded half up to 0.01)",
            self.score,
        )
        object.__setattr__(self, "score", score)

    @property
    def pay_coefficient(self) -> Fraction:
        """The score ÷ 80: the share of base + performance pay earned."""
        return pay_coefficient(self.score)

    def component(self, component_id: str) -> ComponentScore:
        """One component's score."""
        for candidate in self.components:
            if candidate.component_id == component_id:
                return candidate
        raise InvalidValueError(
            "component_id",
            f"one of {', '.join(c.component_id for c in self.components)}"
            if self.components
            else "no component: the daily-work score was given, not scored",
            component_id,
        )

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``components``, then the explanation tables, every row
        keyed by employee and month (layouts in
        :data:`hrpolicy.reports.results.RESULT_TABLES`)."""
        from hrpolicy.reports.results import month_tables  # noqa: PLC0415 - it imports this

        return month_tables(self, locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, StepValue], ...] = (
            (Label("员工", "employee"), self.employee),
            (Label("月份", "month"), str(self.month)),
            *(
                (Label(c.name, c.name), f"{round_money(c.points)} / {c.maximum}")
                for c in self.components
            ),
            (Label("日常工作", "daily work"), round_money(self.daily_work)),
            (Label("出勤", "attendance"), round_money(self.attendance)),
            (Label("月度得分", "monthly score"), self.score),
            (Label("薪酬系数", "pay coefficient"), self.pay_coefficient),
        )
        return View(
            Label("月度考核", "Monthly score"), summary, Explanation(self.steps, self.findings)
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AnnualScore(Displayable):
    """The mean of twelve monthly scores, with the step that takes it and the
    consequences the months trigger. Every field is typed (a missing or unknown one is
    refused); each month is a monthly score (0 to 100, at most two decimals) and the
    score is always the months' mean, rounded half up to 0.01."""

    employee: Text
    year: int
    months: tuple[Quantity, ...]
    score: Quantity
    findings: tuple[Finding, ...]
    steps: tuple[Step, ...] = ()

    def __attrs_post_init__(self) -> None:
        path = f"AnnualScore({self.employee} {self.year})"
        require(len(self.months) == 12, f"{path}.months", "the twelve monthly scores", self.months)
        months = tuple(
            _check_score(month, f"{path}.months[{index}]")
            for index, month in enumerate(self.months, 1)
        )
        mean = round_money(sum((Fraction(m) for m in months), Fraction(0)) / 12)
        require(
            self.score == mean,
            f"{path}.score",
            f"{mean} (the mean of the twelve months, rounded half up to 0.01)",
            self.score,
        )
        object.__setattr__(self, "months", months)
        object.__setattr__(self, "score", mean)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``months``, then the explanation tables, every row keyed
        by employee and year (layouts in :data:`hrpolicy.reports.results.RESULT_TABLES`)."""
        from hrpolicy.reports.results import year_tables  # noqa: PLC0415 - it imports this

        return year_tables(self, locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, StepValue], ...] = (
            *((Label(f"{n}月", f"month {n}"), s) for n, s in enumerate(self.months, 1)),
            (Label("年度得分", "annual score"), self.score),
        )
        return View(
            Label("年度考核", "Annual score"), summary, Explanation(self.steps, self.findings)
        )


# --- computing -----------------------------------------------------------------------------


def weeks_of(month: Period) -> tuple[IsoWeek, ...]:
    """The ISO weeks that belong to ``month``: those whose Thursday falls in it.

    >>> [str(w) for w in weeks_of(Period(year=2024, month=3))]  # 1 March 2024 is a Friday
    ['2024-W10', '2024-W11', '2024-W12', '2024-W13']
    """
    argument(month, Period, "month")
    require(month.is_month, "month", "a month", month)
    thursday = month.first_day + timedelta(days=(3 - month.first_day.weekday()) % 7)
    weeks = []
    while thursday <= month.last_day:
        weeks.append(IsoWeek.of(thursday))
        thursday += timedelta(days=7)
    return tuple(weeks)


def _due_day(month: Period, day: int, calendar: WorkCalendar) -> date:
    """Day ``day`` of ``month`` (its last day when the month is shorter), moved to the next
    workday when it is a day off: the deadline rule "day N of the next month"
    (:class:`~hrpolicy.core.deadlines.DayOfNextMonth`) applied to the month before."""
    before = month.first_day - timedelta(days=1)
    return due_date(
        DayOfNextMonth(day=day, roll=Roll.NEXT_WORKDAY),
        period=Period(year=before.year, month=before.month),
        calendar=calendar,
    )


def terminal_reports_on_time(
    month: Period, calendar: WorkCalendar, *, hour: int = 15
) -> tuple[TerminalReport, ...]:
    """A terminal daily report for every workday of ``month``, each filed at ``hour``:00 —
    a starting point for a month's facts, changed where a report was late or missing."""
    argument(month, Period, "month")
    check_calendar(calendar)
    require(0 <= hour <= 23, "hour", "0 to 23", hour)
    return tuple(
        TerminalReport(day=day, submitted_at=datetime.combine(day, time(hour)))
        for day in _days(month)
        if is_workday(calendar, day)
    )


def hr_due_date(month: Period, calendar: WorkCalendar) -> date:
    """When a month's scores are due to HR: the 8th of the next month, moved to the next
    workday when that is not one — the deadline rule
    :func:`~hrpolicy.core.calendar_examples.score_sheets_due`
    (``DayOfNextMonth(day=8)``) applied to ``month``; :func:`~hrpolicy.core.deadlines.deadline`
    gives the same date with its explanation.

    >>> from hrpolicy.core.workcal import TableCalendar
    >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    >>> hr_due_date(Period(year=2024, month=5), calendar)  # 8 June 2024 is a Saturday
    datetime.date(2024, 6, 10)
    """
    argument(month, Period, "month")
    require(month.is_month, "month", "a month", month)
    check_calendar(calendar)
    return due_date(score_sheets_due(), period=month, calendar=calendar)


def pay_coefficient(score: Decimal | Fraction, reference: int = 80) -> Fraction:
    """Score ÷ ``reference``: 80 earns the full base + performance wage, proportionally
    more above and less below.

    >>> pay_coefficient(Decimal(90)), pay_coefficient(Decimal(60))
    (Fraction(9, 8), Fraction(3, 4))
    """
    value = score if isinstance(score, Fraction) else parse_decimal(score, field="score")
    require(
        isinstance(reference, int) and not isinstance(reference, bool) and reference > 0,
        "reference",
        "a score above 0",
        reference,
    )
    return Fraction(value) / reference


class _Month(Trail):
    """The trail of one person's month: findings are about that person."""

    def __init__(self, employee: str) -> None:
        super().__init__(CATALOG)
        self.employee = employee

    def find(self, code: str, subject: str = "", **params: Any) -> None:
        super().find(code, subject or self.employee, **params)


def _deductions(
    component: Deductions, month: Period, inputs: MonthInputs, calendar: WorkCalendar, work: _Month
) -> ComponentScore:
    failures: list[tuple[str, date, str]] = [(f.code, f.on, f.note) for f in inputs.failures]
    codes = {r.code for r in component.rules}
    where = f"MonthInputs({inputs.employee})"
    if "terminal_report_late" in codes:
        by = component.terminal_report_by
        if inputs.late_terminal_reports is not None:
            for index, late in enumerate(inputs.late_terminal_reports):
                require(
                    late.submitted_at is None
                    or late.submitted_at > datetime.combine(late.day, time(by)),
                    f"{where}.late_terminal_reports[{index}].submitted_at",
                    f"a time after {by}:00 on {late.day}, or None (not filed): only late "
                    "reports are listed here",
                    late.submitted_at,
                )
                failures.append(("terminal_report_late", late.day, _filed(late)))
        else:
            require(
                inputs.terminal_reports is not None,
                f"{where}.terminal_reports",
                "the month's terminal daily reports (the card deducts for late ones): every "
                "workday's as terminal_reports, or only the late ones as "
                "late_terminal_reports",
                None,
            )
            filed = {r.day: r for r in inputs.terminal_reports or ()}
            for day in _days(month):
                report = filed.get(day)
                if report is None and not is_workday(calendar, day):
                    continue
                due = datetime.combine(day, time(by))
                if report is None or report.submitted_at is None or report.submitted_at > due:
                    failures.append(("terminal_report_late", day, _filed(report)))
    rebate_due = _due_day(month, component.rebate_forms_by, calendar)
    if inputs.rebate_forms_on is not None:
        require(
            inputs.rebate_forms_on >= month.first_day,
            f"{where}.rebate_forms_on",
            f"a date on or after {month.first_day} (the forms of {month})",
            inputs.rebate_forms_on,
        )
    if "rebate_forms_late" in codes and (
        inputs.rebate_forms_on is None or inputs.rebate_forms_on > rebate_due
    ):
        failures.append(
            ("rebate_forms_late", rebate_due, str(inputs.rebate_forms_on or "not submitted"))
        )
    lost = 0
    steps = []
    for rule in component.rules:
        hits = sorted((day, note) for code, day, note in failures if code == rule.code)
        if not hits:
            continue
        times = len(hits) if rule.per is Per.OCCURRENCE else 1
        lost += rule.points * times
        steps.append(
            step_of(
                f"deduction.{rule.code}",
                label(rule.zh_CN, rule.en),
                {
                    "failures": len(hits),
                    "days": ", ".join(f"{d} ({note})" if note else str(d) for d, note in hits),
                    "per": rule.per.value,
                    "points_each": rule.points,
                },
                -rule.points * times,
            )
        )
        work.find(
            "deduction",
            rule=Label(rule.zh_CN, rule.en),
            points=rule.points * times,
            count=len(hits),
        )
    unknown = sorted({code for code, _, _ in failures} - codes)
    if unknown:
        raise InvalidValueError(
            f"MonthInputs({inputs.employee}).failures",
            f"failure codes of component {component.component_id} ({', '.join(sorted(codes))})",
            unknown,
        )
    points = Fraction(max(0, component.points - lost))
    return _score_of(component, points, tuple(steps))


def _score_of(component: Component, points: Fraction, steps: tuple[Step, ...]) -> ComponentScore:
    """The component's score: ``points`` of its maximum, with the steps behind them."""
    return ComponentScore(
        component_id=component.component_id,
        name=component.name,
        points=points,
        maximum=component.points,
        steps=steps,
    )


def _filed(report: TerminalReport | None) -> str:
    if report is None or report.submitted_at is None:
        return "not filed"
    return report.submitted_at.isoformat(sep=" ", timespec="minutes")


def _days(month: Period) -> list[date]:
    return [
        month.first_day + timedelta(days=n)
        for n in range((month.last_day - month.first_day).days + 1)
    ]


def _weekly(
    component: WeeklyReports, month: Period, inputs: MonthInputs, work: _Month
) -> ComponentScore:
    by_week = {str(c.report.week): c for c in inputs.reports}
    weeks = weeks_of(month)
    extra = sorted(set(by_week) - {str(w) for w in weeks})
    if extra:
        raise InvalidValueError(
            f"MonthInputs({inputs.employee}).reports",
            f"reports of the weeks of {month} ({', '.join(str(w) for w in weeks)})",
            extra,
        )
    excused = {str(w) for w in inputs.excused_weeks}
    unknown = sorted(excused - {str(w) for w in weeks})
    if unknown:
        raise InvalidValueError(
            f"MonthInputs({inputs.employee}).excused_weeks",
            f"weeks of {month} ({', '.join(str(w) for w in weeks)})",
            unknown,
        )
    counted = [w for w in weeks if str(w) not in excused]
    points = []
    for week in counted:
        check = by_week.get(str(week))
        if check is None:
            work.find(
                "report_missing", week=str(week), week_start=week.first_day, week_end=week.last_day
            )
            points.append(Fraction(0))
        else:
            points.append(Fraction(check.points) / check.maximum)
    mean = sum(points, Fraction(0)) / len(points) if points else Fraction(1)
    scaled = mean * component.points
    step = step_of(
        f"weekly_reports.{component.component_id}",
        label(
            "本月各周周报得分率的平均值（缺交为0，请假周不计）",
            "mean share of full points of the month's weekly reports (missing: 0; excused "
            "weeks left out)",
        ),
        {
            "weeks": ", ".join(
                f"{w}={format_exact(p)}" for w, p in zip(counted, points, strict=True)
            ),
            "excused": ", ".join(sorted(excused)) or None,
            "mean_share": mean,
        },
        scaled,
    )
    return _score_of(component, scaled, (step,))


def _value(entries: tuple[Assessment, ...] | tuple[Submission, ...], key: str) -> tuple[bool, Any]:
    for entry in entries:
        if entry.component == key:
            return True, entry.points if isinstance(entry, Assessment) else entry.on
    return False, None


def _component(
    component: Component, month: Period, inputs: MonthInputs, calendar: WorkCalendar, work: _Month
) -> tuple[ComponentScore, Fraction]:
    """The component's score and any double deduction it adds."""
    cid = component.component_id
    where = f"MonthInputs({inputs.employee})"
    if isinstance(component, Deductions):
        return _deductions(component, month, inputs, calendar, work), Fraction(0)
    if isinstance(component, WeeklyReports):
        return _weekly(component, month, inputs, work), Fraction(0)
    if isinstance(component, Assessed):
        given, value = _value(inputs.assessed, cid)
        require(given, f"{where}.assessed", f"the manager's figure for '{cid}'", None)
        require(
            0 <= value <= component.points,
            f"{where}.assessed[{cid}]",
            f"0 to {component.points}",
            value,
        )
        step = step_of(
            f"assessed.{cid}",
            label("主管评分", "manager's figure"),
            {"given": value},
            Fraction(value),
        )
        return _score_of(component, Fraction(value), (step,)), Fraction(0)
    if isinstance(component, OnTime):
        given, submitted = _value(inputs.submitted, cid)
        require(given, f"{where}.submitted", f"when '{cid}' came in (on=None: not at all)", None)
        due = _due_day(month, component.due_day, calendar)
        on_time = submitted is not None and submitted <= due
        repeated = not on_time and cid in inputs.missed_last_month
        double = Fraction(component.points) if repeated else Fraction(0)
        if not on_time:
            work.find(
                "submission_missed",
                document=component.name,
                due=due,
                repeated=Label(
                    "（连续缺交，加倍扣分）" if repeated else "",
                    " (missed again: deducted double)" if repeated else "",
                ),
            )
        step = step_of(
            f"on_time.{cid}",
            label("按期提交", "in on time"),
            {"due": due, "submitted": submitted, "missed_last_month": repeated or None},
            Fraction(component.points if on_time else 0),
        )
        return _score_of(component, Fraction(component.points if on_time else 0), (step,)), double
    if isinstance(component, Training):
        require(
            inputs.trainings is not None,
            f"{where}.trainings",
            f"the number of recorded trainings for '{cid}'",
            None,
        )
        assert inputs.trainings is not None
        full = inputs.trainings >= component.minimum
        step = step_of(
            f"training.{cid}",
            label("每月至少培训并记录", "recorded trainings in the month"),
            {"trainings": inputs.trainings, "minimum": component.minimum},
            Fraction(component.points if full else 0),
        )
        return _score_of(component, Fraction(component.points if full else 0), (step,)), Fraction(0)
    require(
        inputs.to_review is not None,
        f"{where}.to_review",
        f"the team's reports reviewed for '{cid}'",
        None,
    )
    assert inputs.reviewed is not None
    assert inputs.to_review is not None
    share = Fraction(inputs.reviewed, inputs.to_review) if inputs.to_review else Fraction(1)
    points = component.points * share
    step = step_of(
        f"review.{cid}",
        label("审阅下属周报的比例", "share of team reports reviewed"),
        {"reviewed": inputs.reviewed, "to_review": inputs.to_review},
        points,
    )
    return _score_of(component, points, (step,)), Fraction(0)


def _check_inputs_fit(components: Sequence[Component], owner: str, inputs: MonthInputs) -> None:
    """Every fact given must be read by one of ``components`` (those of ``owner``, a card
    or a component scored alone): nothing is ignored."""
    where = f"MonthInputs({inputs.employee})"

    def ids(kind: type) -> list[str]:
        return [c.component_id for c in components if isinstance(c, kind)]

    keyed: tuple[tuple[str, list[str], type], ...] = (
        ("assessed", [a.component for a in inputs.assessed], Assessed),
        ("submitted", [a.component for a in inputs.submitted], OnTime),
        ("missed_last_month", list(inputs.missed_last_month), OnTime),
    )
    for name, keys, kind in keyed:
        allowed = ids(kind)
        for key in keys:
            require(
                key in allowed,
                f"{where}.{name}",
                f"{kind.__name__} components of {owner} ({', '.join(allowed) or 'none'})",
                key,
            )
    codes = {r.code for c in components if isinstance(c, Deductions) for r in c.rules}
    flags: tuple[tuple[str, bool, bool, str], ...] = (
        ("failures", bool(inputs.failures), bool(ids(Deductions)), "Deductions component"),
        (
            "terminal_reports",
            inputs.terminal_reports is not None,
            "terminal_report_late" in codes,
            "deduction for late terminal reports",
        ),
        (
            "late_terminal_reports",
            inputs.late_terminal_reports is not None,
            "terminal_report_late" in codes,
            "deduction for late terminal reports",
        ),
        (
            "rebate_forms_on",
            inputs.rebate_forms_on is not None,
            "rebate_forms_late" in codes,
            "deduction for late rebate forms",
        ),
        ("reports", bool(inputs.reports), bool(ids(WeeklyReports)), "WeeklyReports component"),
        (
            "excused_weeks",
            bool(inputs.excused_weeks),
            bool(ids(WeeklyReports)),
            "WeeklyReports component",
        ),
        ("trainings", inputs.trainings is not None, bool(ids(Training)), "Training component"),
        ("reviewed", inputs.reviewed is not None, bool(ids(ReviewShare)), "ReviewShare component"),
    )
    for name, given, read, reader in flags:
        require(
            not given or read,
            f"{where}.{name}",
            f"nothing: {owner} has no {reader} to read it",
            name,
        )


def _with_clause(score: ComponentScore, clause: str) -> ComponentScore:
    """The component's steps naming the card clause that adopts it, when there is one."""
    if not clause:
        return score
    steps = tuple(attrs.evolve(s, inputs=(*s.inputs, ("clause", clause))) for s in score.steps)
    return attrs.evolve(score, steps=steps)


def _check_month_facts(month: Period, inputs: MonthInputs, calendar: WorkCalendar) -> None:
    """The dated facts fall in ``month``; absences and terminal reports on its workdays."""
    argument(month, Period, "month")
    argument(inputs, MonthInputs, "inputs")
    check_calendar(calendar)
    require(month.is_month, "month", "a month", month)
    for index, absence in enumerate(inputs.absences):
        require(
            month.contains(absence.on),
            f"MonthInputs.absences[{index}].on",
            f"a day in {month}",
            absence.on,
        )
        require(
            is_workday(calendar, absence.on),
            f"MonthInputs.absences[{index}].on",
            "a workday (no one is absent on a day off)",
            absence.on,
        )
    for index, failure in enumerate(inputs.failures):
        require(
            month.contains(failure.on),
            f"MonthInputs.failures[{index}].on",
            f"a day in {month}",
            failure.on,
        )
    for name, reports in (
        ("terminal_reports", inputs.terminal_reports or ()),
        ("late_terminal_reports", inputs.late_terminal_reports or ()),
    ):
        for index, report in enumerate(reports):
            require(
                month.contains(report.day),
                f"MonthInputs.{name}[{index}].day",
                f"a day in {month}",
                report.day,
            )
            require(
                is_workday(calendar, report.day),
                f"MonthInputs.{name}[{index}].day",
                "a workday (no terminal report is due on a day off)",
                report.day,
            )


def _scored(
    component: Component, month: Period, inputs: MonthInputs, calendar: WorkCalendar
) -> ComponentScore:
    """One component's score, with its findings, double deduction and clause."""
    work = _Month(inputs.employee)
    score, double = _component(component, month, inputs, calendar, work)
    return _with_clause(
        attrs.evolve(score, findings=tuple(work.findings), double_deduction=double),
        component.clause,
    )


_COMPONENT_TYPES: Final = typing.get_args(Component)


def score_component(
    component: Component, month: Period, inputs: MonthInputs, calendar: WorkCalendar
) -> ComponentScore:
    """Score one component alone — from a card, or built on its own — on the facts of
    ``inputs.employee``'s ``month``, exactly as :func:`score_month` scores it on a card.

    Args:
        component: a :class:`Deductions`, :class:`WeeklyReports`, :class:`Assessed`,
            :class:`OnTime`, :class:`Training` or :class:`ReviewShare` component.
        month: the month (a :class:`~hrpolicy.core.period.Period` with a month).
        inputs: the month's facts the component reads, and no others (``daily_work`` and
            ``absences`` belong to a whole card).
        calendar: the work calendar deadlines move on.

    Returns:
        The :class:`ComponentScore`: points, steps, findings, and the double deduction it
        adds to a card's daily-work score.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: a fact the component does not read, a fact it needs missing, or a
            fact outside the month.
        NotCoveredError: a day the calendar does not cover.

    Example:
        >>> from hrpolicy.reports import Period, TableCalendar
        >>> from hrpolicy.reports.examples import salesperson_card
        >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
        >>> march = Period(year=2024, month=3)
        >>> dealer = salesperson_card().components[0]
        >>> late = TerminalReport(
        ...     day=date(2024, 3, 12), submitted_at=datetime(2024, 3, 12, 16, 20)
        ... )
        >>> facts = MonthInputs(
        ...     employee="li", late_terminal_reports=(late,), rebate_forms_on=date(2024, 3, 20)
        ... )
        >>> score = score_component(dealer, march, facts, calendar)
        >>> score.points, score.maximum
        (Fraction(25, 1), 30)
        >>> print(score.findings[0].message("en"))
        terminal daily sales report not in by 16:00: 1 time(s), 5 points off.
        >>> score_component(dealer, march, MonthInputs(employee="li", trainings=1), calendar)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: MonthInputs(li).trainings: expected nothing: ...
    """
    if not isinstance(component, _COMPONENT_TYPES):
        raise InvalidTypeError(
            "component",
            f"a component ({', '.join(t.__name__ for t in _COMPONENT_TYPES)})",
            component,
        )
    _check_month_facts(month, inputs, calendar)
    for name in ("daily_work", "absences"):
        require(
            not _given(inputs, name),
            f"MonthInputs({inputs.employee}).{name}",
            "nothing when one component is scored (it belongs to a whole card)",
            getattr(inputs, name),
        )
    _check_inputs_fit((component,), f"component {component.component_id}", inputs)
    return _scored(component, month, inputs, calendar)


def score_month(
    card: ScoreCard, month: Period, inputs: MonthInputs, calendar: WorkCalendar
) -> MonthlyScore:
    """Score ``inputs.employee``'s ``month`` on ``card``: each component from the facts
    it reads (or the daily-work score as given), attendance from the absences, and the
    card's weighting of the two, rounded half up to 0.01 once.

    Args:
        card: the :class:`ScoreCard`.
        month: the month (a :class:`~hrpolicy.core.period.Period` with a month).
        inputs: the month's facts (:class:`MonthInputs`); every fact given must be read by a
            component of the card, and every fact a component needs must be given — or
            ``daily_work`` given instead of them all.
        calendar: the work calendar: deadlines move to its next workday, terminal reports
            are due on its workdays, absences fall on them.

    Returns:
        The :class:`MonthlyScore`, with its steps and findings.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: a fact no component reads, a fact a component needs missing, or a
            fact outside the month (a day, a week, an absence or a terminal report on a day
            off).
        NotCoveredError: a day the calendar does not cover.

    Example:
        >>> from hrpolicy.reports import Period, TableCalendar, validate
        >>> from hrpolicy.reports.examples import (
        ...     domain_report_policy,
        ...     example_report,
        ...     salesperson_card,
        ... )
        >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
        >>> march = Period(year=2024, month=3)
        >>> reports = [example_report("li", week, calendar) for week in weeks_of(march)]
        >>> checks = validate(reports, domain_report_policy(), calendar)
        >>> month = score_month(
        ...     salesperson_card(),
        ...     march,
        ...     MonthInputs(
        ...         employee="li",
        ...         reports=checks,
        ...         late_terminal_reports=(),
        ...         rebate_forms_on=date(2024, 3, 26),
        ...         assessed=(Assessment(component="other-management", points=Decimal(27)),),
        ...         absences=(Absence(on=date(2024, 3, 19), half=True),),
        ...     ),
        ...     calendar,
        ... )
        >>> [str(c.points) for c in month.components]  # rebate forms after the 25th: −5
        ['25', '40', '27']
        >>> month.daily_work, month.attendance, month.score  # 92 × 70 % + 96 × 30 %
        (Fraction(92, 1), Fraction(96, 1), Decimal('93.20'))
        >>> score_month(salesperson_card(), march, MonthInputs(employee="li"), calendar)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: MonthInputs(li).terminal_reports: expected ...
    """
    argument(card, ScoreCard, "card")
    _check_month_facts(month, inputs, calendar)
    _check_inputs_fit(card.components, f"card {card.card_id}", inputs)
    steps: list[Step] = []
    if inputs.daily_work is None:
        components = tuple(_scored(c, month, inputs, calendar) for c in card.components)
        double = sum((c.double_deduction for c in components), Fraction(0))
        total = sum((c.points for c in components), Fraction(0))
        daily = max(Fraction(0), total - double)
        steps.append(
            step_of(
                "score.daily_work",
                label(
                    "日常工作分 = 各项之和 − 连续缺交加倍扣分",
                    "daily work = components − double deductions",
                ),
                {"components": total, "double_deductions": double or None},
                daily,
            )
        )
    else:
        components = ()
        double = Fraction(0)
        daily = Fraction(inputs.daily_work)
        steps.append(
            step_of(
                "score.daily_work",
                label("日常工作分（已给定）", "daily work (as given)"),
                {"given": inputs.daily_work},
                daily,
            )
        )
    days = sum(
        Fraction(1) if (not a.half or card.half_day_counts_whole) else Fraction(1, 2)
        for a in inputs.absences
    )
    attendance = max(Fraction(0), Fraction(100) - card.points_per_absent_day * days)
    score = round_money(daily * card.daily_weight.exact + attendance * card.attendance_weight.exact)
    steps.append(
        step_of(
            "score.attendance",
            label(
                f"出勤 = 100 − {card.points_per_absent_day} × 缺勤天数（半天按"
                f"{'一天' if card.half_day_counts_whole else '半天'}计）",
                f"attendance = 100 − {card.points_per_absent_day} × days absent (half a day "
                f"counts {'whole' if card.half_day_counts_whole else 'half'})",
            ),
            {"days_absent": days, "points_per_day": card.points_per_absent_day},
            attendance,
        )
    )
    steps.append(
        step_of(
            "score.month",
            label(
                f"月度得分 = 日常工作 × {card.daily_weight} + 出勤 × {card.attendance_weight}",
                f"monthly score = daily work × {card.daily_weight} + attendance × "
                f"{card.attendance_weight}",
            ),
            {
                "daily_work": daily,
                "daily_weight": card.daily_weight,
                "attendance": attendance,
                "attendance_weight": card.attendance_weight,
                "clause": card.clause or None,
            },
            score,
        )
    )
    return MonthlyScore(
        card=card,
        month=month,
        employee=inputs.employee,
        components=components,
        double_deductions=double,
        daily_work=daily,
        attendance=attendance,
        score=score,
        steps=tuple(step for c in components for step in c.steps) + tuple(steps),
        findings=tuple(finding for c in components for finding in c.findings),
    )


#: Known monthly scores: a mapping of month to score, e.g. ``{Period(year=2024, month=1):
#: Decimal("82.5")}``.
KnownScores = Mapping[Period, Decimal | int | str]


def _check_score(value: object, path: str) -> Decimal:
    """A monthly score: 0 to 100, to 0.01 at most, as a Decimal with two places."""
    score = parse_decimal(value, field=path, expected="a monthly score (Decimal, int or str)")
    require(
        0 <= score <= 100 and score == round_money(score),
        path,
        "a monthly score from 0 to 100, to 0.01 at most",
        value,
    )
    return round_money(score)


def _months_of(
    scores: object, employee: str | None
) -> tuple[str, tuple[tuple[Period, Decimal], ...]]:
    """The employee and their (month, score) pairs in month order, from monthly scores or
    a mapping of known scores."""
    if employee is not None:
        argument(employee, str, "employee")
        require(bool(employee.strip()), "employee", "a non-empty text", employee)
    if isinstance(scores, Mapping):
        if employee is None:
            raise InvalidTypeError(
                "employee", "the employee the scores are of, when they are given by month", None
            )
        pairs = []
        for key, value in scores.items():
            if not isinstance(key, Period):
                raise InvalidTypeError(f"scores[{_key_text(key)}]", "a month as a Period", key)
            require(key.is_month, f"scores[{key}]", "a month, not a year", key)
            pairs.append((key, _check_score(value, f"scores[{key}]")))
        who = employee
    else:
        if isinstance(scores, (str, bytes)) or not isinstance(scores, Iterable):
            raise InvalidTypeError(
                "scores",
                "a list of MonthlyScore or a mapping of month (Period) to score",
                scores,
            )
        given = arguments(scores, MonthlyScore, "scores")
        names = sorted({s.employee for s in given})
        require(len(names) <= 1, "scores", "one employee's months", names)
        if employee is not None:
            require(
                not names or names == [employee],
                "employee",
                f"the employee the scores are of ({', '.join(names)})",
                employee,
            )
        who = names[0] if names else (employee or "")
        pairs = [(s.month, s.score) for s in given]
    ordered = tuple(sorted(pairs, key=lambda pair: (pair[0].year, pair[0].month or 0)))
    require_unique([str(month) for month, _ in ordered], "scores", "month")
    return who, ordered


#: The consequence code of a retraining rule: the only consequence a rule over the monthly
#: score may lead to in :func:`consequences` (other consequences of runs belong to
#: :func:`hrpolicy.reports.cards.run_consequences`).
_RETRAINING: Final = "retraining_or_transfer"


#: The domain's rule over runs of monthly scores: one month under 60, or three consecutive
#: months under 70 (each full run of three), sends the person to retraining or another
#: post; the month under 60 takes precedence when both land on the same month.
SCORE_RUNS: Final = RunPolicy(
    name="score consequences",
    rules=(
        RunRule(
            rule_id="under_60",
            when=(Threshold(measure="score", comparison=Comparison.BELOW, value=Decimal(60)),),
            consequence=_RETRAINING,
            zh_CN="培训或调整岗位",
            en="retraining or another post",
        ),
        RunRule(
            rule_id="three_under_70",
            when=(Threshold(measure="score", comparison=Comparison.BELOW, value=Decimal(70)),),
            periods=3,
            consequence=_RETRAINING,
            zh_CN="培训或调整岗位",
            en="retraining or another post",
        ),
    ),
)


def _trigger(match: RunMatch) -> Label:
    """What a run of scores did, in words: "2024-04 scored 58.50, under 60", or "three
    consecutive months under 70 (2024-03 to 2024-05)"."""
    words = [t.words() for t in match.rule.when]
    zh = "、".join(w.zh_CN for w in words)
    en = " and ".join(w.en for w in words)
    month, score = match.last, match.figure("score")
    if match.rule.periods == 1:
        return Label(f"{month}得分{score}，{zh}分", f"{month} scored {score}, {en}")
    count = number_words(match.rule.periods)
    return Label(
        f"{match.first}至{month}连续{count.zh_CN}个月{zh}分",
        f"{count.en} consecutive months {en} ({match.first} to {month})",
    )


def _check_score_rules(rules: RunPolicy) -> None:
    """A company's own score rules: over the measure ``score`` only, each leading to
    retraining, each a floor missed (``below`` or ``at_most``)."""
    argument(rules, RunPolicy, "rules")
    require(
        rules.measures == ("score",),
        "rules",
        "run rules over the monthly score only (measure 'score')",
        list(rules.measures),
    )
    for index, rule in enumerate(rules.rules):
        path = f"rules.rules[{index}]"
        if rule.consequence != _RETRAINING:
            raise PolicyDefinitionError(
                f"{path}.consequence",
                f"'{_RETRAINING}' (a low-score rule leads to retraining or another post; "
                "other consequences go to run_consequences)",
                rule.consequence,
            )
        for position, threshold in enumerate(rule.when):
            if threshold.comparison not in (Comparison.BELOW, Comparison.AT_MOST):
                raise PolicyDefinitionError(
                    f"{path}.when[{position}].comparison",
                    "'below' or 'at_most' (a low-score rule tests a score under a floor)",
                    threshold.comparison.value,
                )


def _consequences(
    employee: str,
    months: Sequence[tuple[Period, Decimal]],
    *,
    retrained: bool,
    rules: RunPolicy = SCORE_RUNS,
) -> tuple[tuple[Finding, ...], tuple[Step, ...]]:
    if not isinstance(retrained, bool):
        raise InvalidTypeError("retrained", "a bool", retrained)
    _check_score_rules(rules)
    found = find_runs(rules, {month: {"score": score} for month, score in months})
    code = "incompetent_after_retraining" if retrained else "retraining_or_transfer"
    findings = []
    for match in found.matches:
        data: dict[str, Any] = {"month": str(match.last), "score": match.figure("score")}
        if match.rule.periods > 1:
            data |= {"run_from": str(match.first), "run_months": match.rule.periods}
        findings.append(CATALOG.finding(code, subject=employee, trigger=_trigger(match), **data))
    return tuple(findings), found.steps


def consequences(
    scores: Sequence[MonthlyScore] | KnownScores,
    *,
    employee: str | None = None,
    retrained: bool = False,
    rules: RunPolicy = SCORE_RUNS,
) -> tuple[Finding, ...]:
    """What a run of monthly scores triggers: three consecutive months under 70 (each full
    run of three), or one under 60, sends the person to retraining or another post; if that
    has already happened (``retrained``), the employer may dismiss for incompetence — with
    30 days' notice or a month's pay, and severance (LCL Art. 40) — never at once. The
    runs are found by :func:`hrpolicy.core.runs.find_runs` from ``rules``
    (:data:`SCORE_RUNS` by default); a gap in the months breaks a run.

    Args:
        scores: one employee's months, in any order and over any years: the
            :class:`MonthlyScore` results of :func:`score_month`, or scores known already as
            a mapping of month (:class:`~hrpolicy.core.period.Period`) to score (0 to 100,
            at most two decimals; ``Decimal``, ``int`` or ``str``).
        employee (optional): whose scores they are; required with a mapping, and checked
            against monthly scores when given.
        retrained (optional): whether the person was already retrained or moved to another
            post.
        rules (optional): a company's own low-score rules over runs of monthly scores (a
            :class:`~hrpolicy.core.runs.RunPolicy` testing the measure ``score`` only,
            every rule with the consequence ``'retraining_or_transfer'``
            and every threshold ``below`` or ``at_most``), e.g. two consecutive months
            under 65; each match is a retraining (or, with ``retrained``, an incompetence)
            finding. Other consequences (promotion, demotion …) belong to
            :func:`hrpolicy.reports.cards.run_consequences`.

    Returns:
        The findings, in month order (none when nothing is triggered).

    Raises:
        InvalidTypeError: scores of the wrong type, a key that is not a ``Period``, a float
            score, or a mapping without ``employee``.
        InvalidValueError: a score outside 0–100 or with more than two decimals, a year for
            a month, a month given twice, months of different employees, or rules testing
            another measure than ``score``.
        PolicyDefinitionError: a rule with another consequence than retraining, or a
            threshold that is not ``below`` / ``at_most`` (naming the rule's index).

    Example:
        >>> from hrpolicy.reports import Period
        >>> april, may, june = (Period(year=2024, month=m) for m in (4, 5, 6))
        >>> (finding,) = consequences({april: Decimal("58.5"), may: Decimal(72)}, employee="li")
        >>> print(finding.message("en"))
        2024-04 scored 58.50, under 60: retraining or another post, as the policy provides.
        >>> run = {april: Decimal(69), may: Decimal("68.5"), june: Decimal(65)}
        >>> [f.code for f in consequences(run, employee="li", retrained=True)]
        ['incompetent_after_retraining']
        >>> consequences({april: 58.5}, employee="li")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidTypeError: scores[2024-04]: expected ..., got float 58.5
    """
    who, months = _months_of(scores, employee)
    findings, _ = _consequences(who, months, retrained=retrained, rules=rules)
    return findings


def annual_score(
    scores: Sequence[MonthlyScore] | KnownScores,
    *,
    employee: str | None = None,
    retrained: bool = False,
    rules: RunPolicy = SCORE_RUNS,
) -> AnnualScore:
    """The mean of one person's twelve monthly scores of one year, rounded half up to
    0.01 once, with the consequences the months trigger (see :func:`consequences`) and a
    step for each run that triggers one.

    Args:
        scores: the twelve months of one year: the :class:`MonthlyScore` results of
            :func:`score_month`, or scores known already as a mapping of month
            (:class:`~hrpolicy.core.period.Period`) to score (0 to 100, at most two
            decimals; ``Decimal``, ``int`` or ``str``).
        employee (optional): whose scores they are; required with a mapping, and checked
            against monthly scores when given.
        retrained (optional): whether the person was already retrained or moved to another
            post.
        rules (optional): a company's own low-score rules, as :func:`consequences` takes
            them (:data:`SCORE_RUNS` by default).

    Returns:
        The :class:`AnnualScore`, with its steps (the mean, then one per run that
        triggered) and findings.

    Raises:
        InvalidTypeError: scores of the wrong type, a key that is not a ``Period``, a float
            score, or a mapping without ``employee``.
        InvalidValueError: anything but the twelve months of one year, a score outside 0–100
            or with more than two decimals, or months of different employees.
        PolicyDefinitionError: own rules that are not low-score rules (see
            :func:`consequences`).

    Example:
        >>> from hrpolicy.reports import Period
        >>> scores = [82, 75, 69, 68, 66, 74, 80, 81, 79, 83, 85, 84]
        >>> year = annual_score(
        ...     {Period(year=2024, month=m): s for m, s in enumerate(scores, 1)}, employee="li"
        ... )
        >>> year.score  # 926 / 12 = 77.1666…
        Decimal('77.17')
        >>> [f.code for f in year.findings]  # March to May under 70
        ['retraining_or_transfer']
        >>> annual_score({Period(year=2024, month=1): 80}, employee="li")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: scores: expected the twelve months of one year, ...
    """
    who, months = _months_of(scores, employee)
    require(
        len({m.year for m, _ in months}) == 1
        and [m.month for m, _ in months] == list(range(1, 13)),
        "scores",
        "the twelve months of one year",
        [str(m) for m, _ in months],
    )
    values = tuple(score for _, score in months)
    total = sum((Fraction(v) for v in values), Fraction(0))
    mean = round_money(total / 12)
    step = step_of(
        "score.year",
        label("年度得分 = 12个月得分的平均值", "annual score = the mean of the twelve months"),
        {"months": ", ".join(str(v) for v in values), "total": total},
        mean,
    )
    findings, run_steps = _consequences(who, months, retrained=retrained, rules=rules)
    return AnnualScore(
        employee=who,
        year=months[0][0].year,
        months=values,
        score=mean,
        findings=findings,
        steps=(step, *run_steps),
    )


# Parts of results: written with every field, null where missing.
write_in_full(ComponentScore)
