"""The tables of the weekly-report and scoring results, declared once.

Every result — a :class:`~hrpolicy.reports.validation.ReportCheck`, a
:class:`~hrpolicy.reports.scoring.MonthlyScore`, an
:class:`~hrpolicy.reports.scoring.AnnualScore` — reads as tidy, typed tables
(``result.tables(locale)``): its own first, then the four explanation tables of
:mod:`hrpolicy.core.records`, every row keyed by who and which period it is about
(``employee``, ``period`` as text such as ``2024-W10`` or ``2024-03``, and
``period_start`` / ``period_end`` as dates). :data:`RESULT_TABLES` lists the layouts of
each result type (enough to build an empty frame); :func:`team_tables` stacks a team's
results; :func:`consequence_tables` gives what :func:`~hrpolicy.reports.consequences`
returns as tables.

Points that may be exact fractions (a mean of weekly shares) come as two columns: ``x``,
rounded half up to 0.01 as the displays show it, and ``x_exact``, exactly by
:func:`~hrpolicy.core.records.exact_text` (``"100/3"``).

>>> from hrpolicy.reports.examples import example_team_week
>>> li, wang = example_team_week()
>>> row = wang.to_records("totals")[0]
>>> row["employee"], row["period"], row["points"], row["late"], row["passed"]
('wang', '2024-W10', Decimal('33.00'), False, False)
>>> [(r["employee"], r["item"], r["status"]) for r in team_tables([li, wang])["items"].to_records()
...  if r["status"] != "passed"]
[('wang', 'sales_volume', 'untrue'), ('wang', 'competitor_moves', 'too_short')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Final

from hrpolicy.core.errors import InvalidTypeError
from hrpolicy.core.explain import Explanation, Finding
from hrpolicy.core.fields import arguments
from hrpolicy.core.money import round_money
from hrpolicy.core.period import Period
from hrpolicy.core.records import (
    FINDING_PARAMS,
    FINDINGS,
    STEP_INPUTS,
    STEPS,
    Column,
    ColumnType,
    Table,
    TableSchema,
    exact_columns,
    exact_text,
    explanation_tables,
    merge_tables,
)
from hrpolicy.reports.scoring import AnnualScore, MonthlyScore
from hrpolicy.reports.validation import ReportCheck

__all__ = [
    "ANNUAL_TOTALS",
    "COMPONENTS",
    "DEDUCTIONS",
    "ITEMS",
    "MONTHS",
    "MONTH_TOTALS",
    "REPORT_TOTALS",
    "RESULT_TABLES",
    "check_tables",
    "consequence_tables",
    "month_tables",
    "team_tables",
    "year_tables",
]


def _col(name: str, kind: ColumnType, doc: str) -> Column:
    return Column(name, kind, doc)


_EMPLOYEE: Final = _col("employee", ColumnType.TEXT, "whose result it is")
_PERIOD: Final = (
    _col("period", ColumnType.TEXT, "the week (2024-W10), month (2024-03) or year (2024)"),
    _col("period_start", ColumnType.DATE, "its first day"),
    _col("period_end", ColumnType.DATE, "its last day"),
)
_REPORT: Final = _col("report_id", ColumnType.TEXT, "the weekly report's id")
_REPORT_KEYS: Final = (_REPORT, _EMPLOYEE, *_PERIOD)
_MONTH_KEYS: Final = (_EMPLOYEE, *_PERIOD)

#: A report check: one row.
REPORT_TOTALS: Final = TableSchema(
    "totals",
    (
        *_REPORT_KEYS,
        _col("due_on", ColumnType.DATE, "the day the report was due"),
        _col("due_at", ColumnType.TEXT, "when it was due (YYYY-MM-DD HH:MM)"),
        _col("submitted_on", ColumnType.DATE, "the day it came in"),
        _col("submitted_at", ColumnType.TEXT, "when it came in (YYYY-MM-DD HH:MM)"),
        _col("late", ColumnType.BOOL, "whether it came in after the grace period"),
        _col("illegible", ColumnType.BOOL, "whether the manager found it illegible"),
        _col("passed", ColumnType.BOOL, "whether it lost no points"),
        _col("points", ColumnType.DECIMAL, "the points it scored"),
        _col("maximum", ColumnType.INT, "the points it could score"),
        _col("points_deducted", ColumnType.INT, "the points the deductions cost"),
    ),
    "one row: the report checked",
)
#: How each required summary item fared.
ITEMS: Final = TableSchema(
    "items",
    (
        *_REPORT_KEYS,
        _col("item", ColumnType.TEXT, "the Item value"),
        _col("status", ColumnType.TEXT, "the ItemStatus value"),
        _col("passed", ColumnType.BOOL, "whether the item passed"),
    ),
    "one row per required summary item",
)
#: The deductions a report took.
DEDUCTIONS: Final = TableSchema(
    "deductions",
    (
        *_REPORT_KEYS,
        _col("code", ColumnType.TEXT, "the finding code that cost points"),
        _col("points", ColumnType.INT, "the points it cost"),
    ),
    "one row per deduction",
)
#: A monthly score: one row.
MONTH_TOTALS: Final = TableSchema(
    "totals",
    (
        *_MONTH_KEYS,
        _col("card", ColumnType.TEXT, "the score card's id"),
        _col(
            "scored",
            ColumnType.BOOL,
            "whether the components were scored (False: a daily-work score was given)",
        ),
        *exact_columns("daily_work", "the daily-work score (0-100)"),
        *exact_columns("double_deductions", "the on-time double deductions"),
        *exact_columns("attendance", "the attendance score (0-100)"),
        _col("daily_weight", ColumnType.DECIMAL, "the weight of daily work"),
        _col("attendance_weight", ColumnType.DECIMAL, "the weight of attendance"),
        _col("score", ColumnType.DECIMAL, "the monthly score, rounded half up to 0.01"),
        *exact_columns("pay_coefficient", "score ÷ 80"),
    ),
    "one row: the month scored",
)
#: Each component of a monthly score.
COMPONENTS: Final = TableSchema(
    "components",
    (
        *_MONTH_KEYS,
        _col("component", ColumnType.TEXT, "the component's id"),
        _col("name", ColumnType.TEXT, "its name"),
        *exact_columns("points", "the points it scored"),
        _col("maximum", ColumnType.INT, "the points it could score"),
        *exact_columns(
            "double_deduction", "its points again, when missed two months running", "'100/3'"
        ),
        _col("findings", ColumnType.INT, "how many findings it raised"),
    ),
    "one row per component of the card (none when daily work was given)",
)
#: An annual score: one row.
ANNUAL_TOTALS: Final = TableSchema(
    "totals",
    (
        *_MONTH_KEYS,
        _col("year", ColumnType.INT, "the year"),
        _col("score", ColumnType.DECIMAL, "the mean of the twelve months, to 0.01"),
        _col("months_under_70", ColumnType.INT, "months that scored under 70"),
        _col("months_under_60", ColumnType.INT, "months that scored under 60"),
        _col("consequences", ColumnType.INT, "how many consequences the months trigger"),
    ),
    "one row: the year",
)
#: The twelve months of an annual score.
MONTHS: Final = TableSchema(
    "months",
    (
        *_MONTH_KEYS,
        _col("month", ColumnType.INT, "the month's number (1-12)"),
        _col("score", ColumnType.DECIMAL, "its score"),
    ),
    "one row per month of the year",
)


def _explained(keys: Sequence[Column]) -> tuple[TableSchema, ...]:
    return tuple(s.keyed(keys) for s in (STEPS, STEP_INPUTS, FINDINGS, FINDING_PARAMS))


#: Every table of every result, in the order ``tables()`` gives them.
RESULT_TABLES: Final[Mapping[type, tuple[TableSchema, ...]]] = {
    ReportCheck: (REPORT_TOTALS, ITEMS, DEDUCTIONS, *_explained(_REPORT_KEYS)),
    MonthlyScore: (MONTH_TOTALS, COMPONENTS, *_explained(_MONTH_KEYS)),
    AnnualScore: (ANNUAL_TOTALS, MONTHS, *_explained(_MONTH_KEYS)),
}


def _rounded(value: Fraction) -> tuple[Decimal, str]:
    return round_money(value), exact_text(value)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes")


def check_tables(check: ReportCheck, locale: str = "en") -> Mapping[str, Table]:
    """The tables of one report check (what :meth:`ReportCheck.tables` gives)."""
    report = check.report
    week = report.week
    keys = (report.report_id, report.employee, str(week), week.first_day, week.last_day)
    totals = (
        *keys,
        check.due_at.date(),
        _stamp(check.due_at),
        report.submitted_at.date(),
        _stamp(report.submitted_at),
        check.late,
        check.illegible,
        check.passed,
        check.points,
        check.maximum,
        sum(points for _, points in check.deductions),
    )
    return {
        "totals": Table.build(REPORT_TOTALS, [totals]),
        "items": Table.build(
            ITEMS,
            [(*keys, i.value, s.value, s.value == "passed") for i, s in check.items],
        ),
        "deductions": Table.build(DEDUCTIONS, [(*keys, c, p) for c, p in check.deductions]),
        **explanation_tables(
            Explanation(check.steps, check.findings),
            keys=_REPORT_KEYS,
            values=keys,
            locale=locale,
        ),
    }


def _month_keys(employee: str, first: date, last: date, period: str) -> tuple[object, ...]:
    return (employee, period, first, last)


def month_tables(month: MonthlyScore, locale: str = "en") -> Mapping[str, Table]:
    """The tables of one monthly score (what :meth:`MonthlyScore.tables` gives)."""
    period = month.month
    keys = _month_keys(month.employee, period.first_day, period.last_day, str(period))
    card = month.card
    totals = (
        *keys,
        card.card_id,
        bool(month.components),
        *_rounded(month.daily_work),
        *_rounded(month.double_deductions),
        *_rounded(month.attendance),
        card.daily_weight.value,
        card.attendance_weight.value,
        month.score,
        *_rounded(month.pay_coefficient),
    )
    components = [
        (
            *keys,
            c.component_id,
            c.name,
            *_rounded(c.points),
            c.maximum,
            *_rounded(c.double_deduction),
            len(c.findings),
        )
        for c in month.components
    ]
    return {
        "totals": Table.build(MONTH_TOTALS, [totals]),
        "components": Table.build(COMPONENTS, components),
        **explanation_tables(
            Explanation(month.steps, month.findings),
            keys=_MONTH_KEYS,
            values=keys,
            locale=locale,
        ),
    }


def year_tables(year: AnnualScore, locale: str = "en") -> Mapping[str, Table]:
    """The tables of one annual score (what :meth:`AnnualScore.tables` gives)."""
    whole = Period(year=year.year)
    keys = _month_keys(year.employee, whole.first_day, whole.last_day, str(whole))
    totals = (
        *keys,
        year.year,
        year.score,
        sum(1 for m in year.months if m < 70),
        sum(1 for m in year.months if m < 60),
        len(year.findings),
    )
    months = []
    for number, score in enumerate(year.months, 1):
        month = Period(year=year.year, month=number)
        months.append((year.employee, str(month), month.first_day, month.last_day, number, score))
    return {
        "totals": Table.build(ANNUAL_TOTALS, [totals]),
        "months": Table.build(MONTHS, months),
        **explanation_tables(
            Explanation(year.steps, year.findings),
            keys=_MONTH_KEYS,
            values=keys,
            locale=locale,
        ),
    }


def team_tables(
    results: Iterable[ReportCheck | MonthlyScore | AnnualScore], locale: str = "en"
) -> Mapping[str, Table]:
    """A team's results of one type stacked, table by table, in the order given (every
    row already names its employee and period).

    Args:
        results: report checks (what :func:`~hrpolicy.reports.validate` returns), monthly
            scores or annual scores, all of one type (a list or tuple).
        locale: the language of text cells (``'en'`` or ``'zh_CN'``).

    Returns:
        The tables of :data:`RESULT_TABLES` for that type, by name (an empty team has
        none).

    Raises:
        InvalidTypeError: ``results`` is not a list of results of one type (the path
            names the item).
    """
    if isinstance(results, (str, bytes, Mapping)) or not isinstance(results, Iterable):
        raise InvalidTypeError("results", "a list or tuple of ReportCheck", results)
    items = tuple(results)
    kind: type = type(items[0]) if items and type(items[0]) in RESULT_TABLES else ReportCheck
    given: tuple[ReportCheck | MonthlyScore | AnnualScore, ...] = arguments(items, kind, "results")
    return merge_tables(result.tables(locale) for result in given)


def consequence_tables(findings: Sequence[Finding], locale: str = "en") -> Mapping[str, Table]:
    """What :func:`~hrpolicy.reports.consequences` returns, as the ``findings`` and
    ``finding_params`` tables keyed by ``employee`` (each finding's subject): the month,
    its score, and for a run of three the month it began, as typed parameters.

    Example:
        >>> from decimal import Decimal
        >>> from hrpolicy.reports import Period, consequences
        >>> found = consequences({Period(year=2024, month=4): Decimal("58.5")}, employee="li")
        >>> for r in consequence_tables(found)["finding_params"].to_records():
        ...     print(r["employee"], r["name"], r["value_text"] or r["value_decimal"])
        li trigger 2024-04 scored 58.50, under 60
        li month 2024-04
        li score 58.50
    """
    given = arguments(findings, Finding, "findings")
    employee = given[0].subject if given else None
    tables = explanation_tables(
        Explanation(findings=given), keys=(_EMPLOYEE,), values=(employee,), locale=locale
    )
    return {name: tables[name] for name in ("findings", "finding_params")}
