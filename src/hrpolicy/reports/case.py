"""Whole cases of the weekly-report and scoring engines, each as one object: what a case
file of the ``reports`` or ``scoring`` engine holds (its ``case`` section is
:func:`~hrpolicy.core.convert.to_dict` of a :class:`ReportCase` or a
:class:`ScoringCase`), and what ``python -m hrpolicy run`` computes.

A work calendar in a case is data: a :class:`~hrpolicy.core.workcal.TableCalendar`
written out (``{"kind": "table", "name": …, "first_year": …, …}``), or
:class:`StatutoryCalendar`, which names mainland China's statutory calendar as the
``chinesecalendar`` package ships it (``{"kind": "chinese_statutory"}``) — that calendar
is read from the package, so it is named rather than written; or a
:class:`~hrpolicy.core.workcal.LayeredCalendar` (``{"kind": "layered", "base": …,
"layers": […]}``) laying tables — a year the State Council has announced but the package
does not hold yet — over either.

A :class:`ReportCase` validates a set of weekly reports (a team's week, or several
weeks) to one :class:`ReportChecks`; a :class:`ScoringCase` scores one person's month to
a :class:`~hrpolicy.reports.MonthlyScore`.

>>> from hrpolicy.reports.examples import example_team_week
>>> from hrpolicy.core.engines import engine
>>> case = engine("reports").example_case()
>>> checks = case.validate()
>>> [(c.report.employee, c.points) for c in checks]
[('li', Decimal('40.00')), ('wang', Decimal('33.00'))]
>>> checks.checks == example_team_week()
True
>>> from hrpolicy.core.convert import to_dict
>>> to_dict(case)["calendar"]["kind"], to_dict(StatutoryCalendar(), CaseCalendar)
('table', {'format': 1, 'kind': 'chinese_statutory'})
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, TypeAlias

import attrs

from hrpolicy.core.convert import register_format, register_tagged_union
from hrpolicy.core.display import Displayable, SummaryValue, View
from hrpolicy.core.engines import EngineSpec
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Explanation
from hrpolicy.core.fields import Text, checked, require, require_unique, typed_fields
from hrpolicy.core.label import Label
from hrpolicy.core.period import Period
from hrpolicy.core.records import Table, TableSchema, merge_tables
from hrpolicy.core.statement import insert_step_input, register_recomputed
from hrpolicy.core.workcal import LayeredCalendar, StatutoryCalendar, TableCalendar
from hrpolicy.reports.awards import AwardPolicy, TeamYear, YearEndAwards, year_end_awards
from hrpolicy.reports.model import SUMMARY_ITEMS, NextWeekPlan, Reference, WeeklyReport
from hrpolicy.reports.results import RESULT_TABLES as _REPORT_RESULT_TABLES
from hrpolicy.reports.scoring import MonthInputs, MonthlyScore, ScoreCard, score_month
from hrpolicy.reports.validation import (
    ItemStatus,
    ReportCheck,
    ReportPolicy,
    Review,
    UntrueContent,
    validate,
)

__all__ = [
    "ENGINES",
    "RESULT_TABLES",
    "ApprovedPlan",
    "AwardCase",
    "CaseCalendar",
    "ReportCase",
    "ReportChecks",
    "ScoringCase",
    "StatutoryCalendar",
]


#: A work calendar as a case holds it: a table written out, the statutory one named, or
#: tables laid over either (a year the statutory data does not hold yet).
CaseCalendar: TypeAlias = TableCalendar | StatutoryCalendar | LayeredCalendar
register_tagged_union(
    CaseCalendar,
    {TableCalendar: "table", StatutoryCalendar: "chinese_statutory", LayeredCalendar: "layered"},
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ApprovedPlan:
    """The plan a manager approved for a report's week (last week's plan, as approved),
    which the report's visits are checked against."""

    report_id: Text
    plan: NextWeekPlan


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportCase:
    """Everything needed to validate a set of weekly reports.

    Attributes:
        policy: the :class:`~hrpolicy.reports.ReportPolicy`.
        calendar: the work calendar (:data:`CaseCalendar`): deadlines move to its next
            workday, and the call quota applies on its workdays.
        reports: the weekly reports, at most one per employee and week, with distinct ids.
        references: what the company's systems recorded, at most one per employee and
            week, each for a report of the case.
        reviews: the manager's reviews, at most one per report.
        approved_plans: the plan approved for a report's week, at most one per report.
    """

    policy: ReportPolicy
    calendar: CaseCalendar
    reports: tuple[WeeklyReport, ...]
    references: tuple[Reference, ...] = ()
    reviews: tuple[Review, ...] = ()
    approved_plans: tuple[ApprovedPlan, ...] = ()

    def __attrs_post_init__(self) -> None:
        require_unique([r.report_id for r in self.reports], "ReportCase.reports", "report_id")
        require_unique(
            [p.report_id for p in self.approved_plans], "ReportCase.approved_plans", "report_id"
        )

    def validate(self) -> ReportChecks:
        """Validate every report (see :func:`hrpolicy.reports.validate`)."""
        checks = validate(
            self.reports,
            self.policy,
            self.calendar,
            references=self.references,
            reviews=self.reviews,
            approved_plans={p.report_id: p.plan for p in self.approved_plans},
        )
        return ReportChecks(case=self, checks=checks)


_CHECK_TABLES: Final = _REPORT_RESULT_TABLES[ReportCheck]
_TITLE: Final = Label("周报检查", "Weekly report checks")
_POLICY: Final = Label("周报制度", "report policy")
_PASSED: Final = Label("未扣分的周报", "reports that lost no points")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportChecks(Displayable):
    """The checks of a :class:`ReportCase`'s reports, one per report, ordered by
    employee, week and report id (as :func:`~hrpolicy.reports.validate` returns them),
    with the case they come from. Read back from plain data, it is validated again from
    the case and refused where a stored figure differs."""

    case: ReportCase
    checks: tuple[ReportCheck, ...]

    def __attrs_post_init__(self) -> None:
        given = sorted(c.report.report_id for c in self.checks)
        expected = sorted(r.report_id for r in self.case.reports)
        require(
            given == expected,
            "ReportChecks.checks",
            f"one check per report of the case ({', '.join(expected) or 'none'})",
            given,
        )

    def __iter__(self) -> Iterator[ReportCheck]:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)

    def of(self, report_id: str) -> ReportCheck:
        """The check of the report ``report_id``."""
        for check in self.checks:
            if check.report.report_id == report_id:
                return check
        known = ", ".join(c.report.report_id for c in self.checks) or "none"
        raise InvalidValueError("report_id", f"one of {known}", report_id)

    @property
    def points(self) -> Decimal:
        """The points of every report together."""
        return sum((c.points for c in self.checks), Decimal(0))

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """Every check's tables stacked in order: ``totals`` (one row per report),
        ``items``, ``deductions`` and the explanation tables, each row keyed by report,
        employee and week (layouts in :data:`RESULT_TABLES`)."""
        empty = {schema.name: Table(schema) for schema in _CHECK_TABLES}
        return merge_tables([empty, *(c.tables(locale) for c in self.checks)])

    def _view(self) -> View:
        passed = sum(1 for c in self.checks if c.passed)
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_POLICY, self.case.policy.policy_id),
            *((_subject(c), c.points) for c in self.checks),
            (_PASSED, f"{passed}/{len(self.checks)}"),
        )
        findings = tuple(f for c in self.checks for f in c.findings)
        return View(_TITLE, summary, Explanation((), findings))


def _subject(check: ReportCheck) -> Label:
    name = f"{check.report.employee} {check.report.week}"
    return Label(name, name)


#: The tables of the results this module adds, in the order ``tables()`` gives them.
RESULT_TABLES: Final[Mapping[type, tuple[TableSchema, ...]]] = {ReportChecks: _CHECK_TABLES}

register_recomputed(ReportChecks, lambda stored: stored.case.validate(), "the stored case")

#: The format version report checks are written in: 2 since the score of a report with
#: content found untrue names the reading that applied (``untrue_zeroes``).
CHECKS_FORMAT: Final = 2


def _untrue_in(check: Mapping[str, Any], reviews: Sequence[Any]) -> bool:
    """Whether a stored check found a summary item untrue: an item marked so, or one the
    manager's review of the report found untrue."""
    summary = {item.value for item in SUMMARY_ITEMS}
    marked = {
        pair[0]
        for pair in check.get("items") or ()
        if isinstance(pair, list) and len(pair) == 2 and pair[1] == ItemStatus.UNTRUE.value
    }
    report = check.get("report")
    report_id = report.get("report_id") if isinstance(report, Mapping) else None
    reviewed = {
        item
        for review in reviews
        if isinstance(review, Mapping) and review.get("report_id") == report_id
        for item in review.get("untrue") or ()
    }
    return bool((marked | reviewed) & summary)


def _checks_from_version_1(old: dict[str, Any]) -> dict[str, Any]:
    """Format 1 checks: the score of a report with content found untrue was computed under
    the only reading there was — the single item scores 0 — which format 2 names in the
    score step (``untrue_zeroes``, right after ``summary_items_passed``)."""
    body = dict(old)
    case = body.get("case")
    reviews = case.get("reviews") or () if isinstance(case, Mapping) else ()
    if isinstance(body.get("checks"), list):
        body["checks"] = [
            insert_step_input(
                check,
                lambda step: step["rule"] == "report.points",
                "summary_items_passed",
                "untrue_zeroes",
                UntrueContent.ITEM.value,
            )
            if isinstance(check, Mapping) and _untrue_in(check, reviews)
            else check
            for check in body["checks"]
        ]
    return body


register_format(ReportChecks, CHECKS_FORMAT, readers={1: _checks_from_version_1})


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScoringCase:
    """Everything needed to score one person's month on a score card.

    Attributes:
        card: the :class:`~hrpolicy.reports.ScoreCard`.
        month: the month (a :class:`~hrpolicy.core.period.Period` with a month).
        inputs: the month's facts (:class:`~hrpolicy.reports.MonthInputs`), the checks of
            the person's weekly reports among them.
        calendar: the work calendar (:data:`CaseCalendar`): deadlines move to its next
            workday, terminal reports are due on its workdays, absences fall on them.
    """

    card: ScoreCard
    month: Period
    inputs: MonthInputs
    calendar: CaseCalendar

    def score(self) -> MonthlyScore:
        """Score the month (see :func:`hrpolicy.reports.score_month`)."""
        return score_month(self.card, self.month, self.inputs, self.calendar)


_EXAMPLE_CALENDAR: Final = TableCalendar(name="2024", first_year=2024, last_year=2024)


def _example_report_case() -> ReportCase:
    """:func:`~hrpolicy.reports.examples.example_team_week` as a case: Li's and Wang's
    reports of week 10 of 2024, the CRM's records, the policy and the calendar."""
    from hrpolicy.reports.examples import (  # noqa: PLC0415 - loaded on use
        domain_report_policy,
        example_team_week,
    )

    reports = tuple(check.report for check in example_team_week())
    crm = tuple(
        Reference(employee=r.employee, week=r.week, sales=Decimal(120000), visits=r.visits)
        for r in reports
    )
    return ReportCase(
        policy=domain_report_policy(),
        calendar=_EXAMPLE_CALENDAR,
        reports=reports,
        references=crm,
    )


def _example_scoring_case() -> ScoringCase:
    """Li's March 2024 on the salesperson card (the tutorial's month, ``docs/reports.md``):
    weeks 10, 11 and 13 filed on time and in full, week 12 missing; the terminal report of
    12 March in at 16:20; rebate forms on the 26th; 27 points assessed; half a day absent.
    It scores 82.70."""
    from hrpolicy.reports.examples import (  # noqa: PLC0415 - loaded on use
        domain_report_policy,
        example_report,
        salesperson_card,
    )
    from hrpolicy.reports.model import IsoWeek  # noqa: PLC0415
    from hrpolicy.reports.scoring import Absence, Assessment, TerminalReport  # noqa: PLC0415

    calendar = _EXAMPLE_CALENDAR
    weeks = [IsoWeek(year=2024, week=n) for n in (10, 11, 13)]
    reports = [example_report("li", week, calendar) for week in weeks]
    late = TerminalReport(day=date(2024, 3, 12), submitted_at=datetime(2024, 3, 12, 16, 20))
    inputs = MonthInputs(
        employee="li",
        reports=validate(reports, domain_report_policy(), calendar),
        late_terminal_reports=(late,),
        rebate_forms_on=date(2024, 3, 26),
        assessed=(Assessment(component="other-management", points=Decimal(27)),),
        absences=(Absence(on=date(2024, 3, 19), half=True),),
    )
    return ScoringCase(
        card=salesperson_card(), month=Period(year=2024, month=3), inputs=inputs, calendar=calendar
    )


#: The weekly-report and scoring engines as the boundary (case files, the command line,
#: schemas) sees them.
ENGINES: tuple[EngineSpec, ...] = (
    EngineSpec(
        name="reports",
        summary="validate and score weekly reports under a report policy and a work calendar",
        case_type=ReportCase,
        policy_types=(ReportPolicy,),
        result_type=ReportChecks,
        run=ReportCase.validate,
        example_case=_example_report_case,
    ),
    EngineSpec(
        name="scoring",
        summary="score a person's month on a score card",
        case_type=ScoringCase,
        policy_types=(ScoreCard,),
        result_type=MonthlyScore,
        run=ScoringCase.score,
        example_case=_example_scoring_case,
    ),
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AwardCase:
    """Everything needed to compute a team's year-end awards: what a case file of the
    ``awards`` engine holds.

    Attributes:
        policy: the :class:`~hrpolicy.reports.AwardPolicy`.
        team_year: the team's year (:class:`~hrpolicy.reports.TeamYear`): members, their
            measures, margins, customers, sign-offs and payment days, and the pool.
        calendar: the work calendar (:data:`CaseCalendar`) the policy's pay-by rule is
            applied on; ``None`` when the policy has no pay-by rule.
    """

    policy: AwardPolicy
    team_year: TeamYear
    calendar: CaseCalendar | None = None

    def award(self) -> YearEndAwards:
        """Compute the awards (see :func:`hrpolicy.reports.year_end_awards`)."""
        return year_end_awards(self.policy, self.team_year, calendar=self.calendar)


def _example_award_case() -> AwardCase:
    """The East China sales team's 2025 awards under the handbook's rule
    (:func:`~hrpolicy.reports.examples.sales_team_awards`), on the first three months of
    2026 written as data (:func:`~hrpolicy.reports.examples.awards_calendar_2026`), so the
    case runs without the ``cn-calendar`` extra."""
    from hrpolicy.reports.examples import (  # noqa: PLC0415 - loaded on use
        awards_calendar_2026,
        sales_team_awards,
        sales_team_year,
    )

    return AwardCase(
        policy=sales_team_awards(), team_year=sales_team_year(), calendar=awards_calendar_2026()
    )


#: The year-end awards engine as the boundary sees it.
ENGINES = (
    *ENGINES,
    EngineSpec(
        name="awards",
        summary="a team's year-end awards: by ranking, for gross-margin growth and major "
        "customers, and whether they were paid by the deadline",
        case_type=AwardCase,
        policy_types=(AwardPolicy,),
        result_type=YearEndAwards,
        run=AwardCase.award,
        example_case=_example_award_case,
    ),
)
