"""Runs over many periods and what-ifs, shared by every engine.

A *run* is a consecutive series of months, each statement chained to the one before
(:func:`month_run` checks the months, :func:`by_period` the per-month inputs keyed by
period). A *what-if* puts the same facts under a baseline and a candidate policy and
reports, per period and per person (or case), both figures and the difference
(:class:`WhatIfRow`), with totals (:class:`WhatIfRows`).

>>> from decimal import Decimal
>>> row = WhatIfRow(subject="li", period=Period(year=2024, month=3),
...                 baseline=Decimal("525.00"), candidate=Decimal("625.00"))
>>> row.difference
Decimal('100.00')
>>> [str(p) for p in month_run(Period(year=2024), "months")][:3]
['2024-01', '2024-02', '2024-03']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import ClassVar, Final, Protocol, TypeVar

import attrs

from hrpolicy.core.convert import write_in_full
from hrpolicy.core.display import Change, SummaryValue, View
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Explanation
from hrpolicy.core.fields import Text, argument, arguments, checked, require, typed_fields
from hrpolicy.core.label import Label
from hrpolicy.core.money import ZERO, money_sum
from hrpolicy.core.period import Period
from hrpolicy.core.records import (
    Column,
    ColumnType,
    LazyTables,
    Table,
    TableSchema,
    merge_tables,
    tables_of,
)

__all__ = [
    "RunStatement",
    "WhatIfRow",
    "WhatIfRows",
    "by_period",
    "month_run",
    "next_month",
    "run_tables",
    "whatif_rows",
    "whatif_schemas",
    "whatif_view",
]

_T = TypeVar("_T")


def next_month(month: Period) -> Period:
    """The month after ``month`` (January after December).

    >>> str(next_month(Period(year=2024, month=12)))
    '2025-01'
    """
    assert month.month is not None
    return month.following()


def month_run(months: object, name: str, *, one_year: bool = False) -> tuple[Period, ...]:
    """``months`` as a tuple of consecutive months: a year :class:`Period` stands for
    its twelve months, a quarter for its three; a list or tuple of month periods must be
    in order with no gap and no month twice (with ``one_year``, all in one calendar year).

    Raises:
        InvalidTypeError: ``months`` is neither a period nor a list of periods.
        InvalidValueError: no month, a year among the months, a month out of order, a
            gap, or (with ``one_year``) months of two years; the path names the item.

    Example:
        >>> march, may = Period(year=2024, month=3), Period(year=2024, month=5)
        >>> month_run([march, may], "months")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: months[1]: expected the month after 2024-03
        (consecutive months, in order), got Period 2024-05
    """
    if isinstance(months, Period):
        require(
            months.season is None,
            name,
            "a month, a quarter, a year or a list of months (a season's first and last "
            "months may lie only partly in it: list the months)",
            months,
        )
        return months.months
    given = arguments(months, Period, name)
    if not given:
        raise InvalidValueError(name, "at least one month", given)
    for index, month in enumerate(given):
        if not month.is_month:
            raise InvalidValueError(
                f"{name}[{index}]", "a month (pass the year itself for its twelve months)", month
            )
        if index:
            expected = next_month(given[index - 1])
            if month != expected:
                raise InvalidValueError(
                    f"{name}[{index}]",
                    f"the month after {given[index - 1]} (consecutive months, in order)",
                    month,
                )
    if one_year and given[0].year != given[-1].year:
        raise InvalidValueError(
            name,
            f"months of one calendar year (a run ends with December {given[0].year}; "
            "start the next year's run from its January)",
            f"{given[0]} to {given[-1]}",
        )
    return given


def by_period(
    values: object,
    expected: type[_T],
    name: str,
    periods: Sequence[Period],
    *,
    many: bool,
) -> dict[Period, tuple[_T, ...]]:
    """Per-period inputs: a mapping of :class:`Period` to one ``expected`` (or, with
    ``many``, a list or tuple of them), every period one of ``periods``.

    Raises:
        InvalidTypeError: not a mapping, a key not a period, a value of the wrong type.
        InvalidValueError: a period outside ``periods`` (nothing is dropped silently).
    """
    if not isinstance(values, Mapping):
        kind = f"a list or tuple of {expected.__name__}" if many else f"a {expected.__name__}"
        raise InvalidTypeError(name, f"a mapping of Period to {kind}", values)
    allowed = ", ".join(str(p) for p in periods)
    result: dict[Period, tuple[_T, ...]] = {}
    for key, value in values.items():
        period = argument(key, Period, f"{name} key")
        if period not in periods:
            raise InvalidValueError(f"{name}[{period}]", f"a period of the run ({allowed})", period)
        where = f"{name}[{period}]"
        result[period] = (
            arguments(value, expected, where) if many else (argument(value, expected, where),)
        )
    return result


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class WhatIfRow:
    """One figure under the baseline and under the candidate: a person's pay in a month,
    a case's payable total, a person's score. ``period`` is ``None`` where the figure has
    none (a bond case)."""

    subject: Text
    baseline: Decimal
    candidate: Decimal
    period: Period | None = None

    @property
    def difference(self) -> Decimal:
        """candidate − baseline."""
        return money_sum((self.candidate, -self.baseline))

    def cells(self) -> tuple[object, ...]:
        """The row's cells in the layout of :func:`whatif_schemas`' ``rows`` table."""
        period = self.period
        return (
            None if period is None else str(period),
            None if period is None else period.first_day,
            None if period is None else period.last_day,
            self.subject,
            self.baseline,
            self.candidate,
            self.difference,
        )


class WhatIfRows:
    """Mixed into a what-if result with ``rows``: totals, lookups and flat records."""

    __slots__ = ()

    rows: tuple[WhatIfRow, ...]

    @property
    def baseline_total(self) -> Decimal:
        """The sum of the baseline figures."""
        return money_sum(row.baseline for row in self.rows)

    @property
    def candidate_total(self) -> Decimal:
        """The sum of the candidate figures."""
        return money_sum(row.candidate for row in self.rows)

    @property
    def difference(self) -> Decimal:
        """candidate − baseline, in total."""
        return money_sum((self.candidate_total, -self.baseline_total))

    @property
    def changed(self) -> tuple[WhatIfRow, ...]:
        """The rows whose figure differs."""
        return tuple(row for row in self.rows if row.difference)

    def by_subject(self) -> tuple[WhatIfRow, ...]:
        """One row per subject (in first-seen order) adding up its periods."""
        order: dict[str, list[WhatIfRow]] = {}
        for row in self.rows:
            order.setdefault(row.subject, []).append(row)
        return tuple(
            WhatIfRow(
                subject=subject,
                baseline=money_sum(r.baseline for r in rows),
                candidate=money_sum(r.candidate for r in rows),
            )
            for subject, rows in order.items()
        )

    def row(self, subject: str, period: Period | None = None) -> WhatIfRow:
        """The row of ``subject`` in ``period``."""
        for row in self.rows:
            if row.subject == subject and row.period == period:
                return row
        known = ", ".join(
            f"{r.subject}@{r.period}" if r.period is not None else r.subject for r in self.rows
        )
        raise InvalidValueError("subject", f"one of {known or 'no row'}", subject)

    #: Money for pay and payable totals; a what-if of scores says ``DECIMAL``.
    figure_type: ClassVar[ColumnType] = ColumnType.MONEY

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row: both totals, the difference, the rows that changed) and
        ``rows`` (one row per period and subject: both figures and the difference); the
        layouts are :func:`whatif_schemas`."""
        totals, rows = whatif_schemas(self.figure_type)
        changed = len(self.changed)
        return {
            "totals": Table.build(
                totals,
                [
                    (
                        self.baseline_total,
                        self.candidate_total,
                        self.difference,
                        len(self.rows),
                        changed,
                    )
                ],
            ),
            "rows": Table.build(rows, [row.cells() for row in self.rows]),
        }


def whatif_schemas(figure: ColumnType = ColumnType.MONEY) -> tuple[TableSchema, TableSchema]:
    """The ``totals`` and ``rows`` layouts of a what-if whose figures are ``figure``
    (money for pay, decimal for scores)."""
    totals = TableSchema(
        "totals",
        (
            Column("baseline_total", figure, "the sum of the baseline figures"),
            Column("candidate_total", figure, "the sum of the candidate figures"),
            Column("difference", figure, "candidate − baseline, in total"),
            Column("rows", ColumnType.INT, "how many rows the what-if has"),
            Column("changed", ColumnType.INT, "how many rows differ"),
        ),
        "one row: the what-if in total",
    )
    rows = TableSchema(
        "rows",
        (
            Column("period", ColumnType.TEXT, "the period (2024-03, 2024); None for a case"),
            Column("period_start", ColumnType.DATE, "the period's first day"),
            Column("period_end", ColumnType.DATE, "the period's last day"),
            Column("subject", ColumnType.TEXT, "the person or case"),
            Column("baseline", figure, "the figure under the baseline"),
            Column("candidate", figure, "the figure under the candidate"),
            Column("difference", figure, "candidate − baseline"),
        ),
        "one row per period and person (or case)",
    )
    return totals, rows


class RunStatement(Protocol):
    """What :func:`run_tables` reads of a run's statement."""

    @property
    def employee(self) -> str: ...

    @property
    def total(self) -> Decimal: ...

    def tables(self, locale: str = "en") -> Mapping[str, Table]: ...


_S = TypeVar("_S", bound=RunStatement)


def run_tables(
    statements: Sequence[_S],
    empty: Iterable[TableSchema],
    run_totals: TableSchema,
    locale: str,
    extra: Callable[[_S], tuple[object, ...]] = lambda statement: (),
) -> LazyTables:
    """A run's tables: its statements' tables stacked in order (``empty`` gives the
    layouts when there is none), the ``totals`` extended to ``run_totals`` by ``extra``
    cells of each statement and each person's pay so far in the run."""
    parts: list[Mapping[str, Table]] = [{schema.name: Table(schema) for schema in empty}]
    parts += [statement.tables(locale) for statement in statements]
    stacked = merge_tables(parts)

    def totals() -> Table:
        paid: dict[str, Decimal] = {}
        rows = []
        for statement, row in zip(statements, stacked["totals"].rows, strict=True):
            so_far = money_sum((paid.get(statement.employee, ZERO), statement.total))
            paid[statement.employee] = so_far
            rows.append((*row, *extra(statement), so_far))
        return Table.build(run_totals, rows)

    return tables_of(stacked, {"totals": totals})


def whatif_rows(
    pairs: Iterable[tuple[Period | None, str, Decimal, Decimal]],
) -> tuple[WhatIfRow, ...]:
    """Rows from ``(period, subject, baseline, candidate)`` tuples."""
    return tuple(
        WhatIfRow(period=period, subject=subject, baseline=baseline, candidate=candidate)
        for period, subject, baseline, candidate in pairs
    )


_TOTAL: Final = ("合计", "total")


def whatif_view(
    title: Label,
    baseline: str,
    candidate: str,
    rows: Sequence[WhatIfRow],
    *,
    money: bool = True,
) -> View:
    """The view of a what-if: one line per row (``period subject``) showing the change,
    then the total (``baseline → candidate``); ``money=False`` for figures that are not
    money (scores), shown without a currency."""
    summary: list[tuple[Label, SummaryValue]] = []
    for row in rows:
        name = row.subject if row.period is None else f"{row.period} {row.subject}"
        summary.append((Label(name, name), Change(row.baseline, row.candidate, money)))
    summary.append(
        (
            Label(
                f"{_TOTAL[0]}（{baseline} → {candidate}）",
                f"{_TOTAL[1]} ({baseline} → {candidate})",
            ),
            Change(
                money_sum(r.baseline for r in rows), money_sum(r.candidate for r in rows), money
            ),
        )
    )
    return View(title, tuple(summary), Explanation())


# Parts of results: written with every field, null where missing.
write_in_full(WhatIfRow)
