"""Commission over many deals at once: the fast path for what-ifs over years of deals.

Deals come as columns (owner, signing date, amount in fen) rather than one
:class:`~hrpolicy.commission.Deal` object each, and a plan's commission tables are
compiled to integers (:class:`~hrpolicy.core.compiled.CompiledTable`). The result is,
for every owner and month, exactly the commission :func:`~hrpolicy.commission.evaluate`
computes: a component's month is rounded once, on the month's total (its deal lines add up
to that), so the fast path needs only each month's total per owner.

The fast path takes plans whose components are all monthly commission tables on sales
(marginal or whole, no separate basis, multipliers, overrides, collection settlement,
caps or floors, and no year window) and no approval rules (the columns carry no credit
flags or sign-offs); anything else is refused with the component named —
evaluate those with :func:`~hrpolicy.commission.evaluate_team`. A month whose deals fall
under two plan versions is refused the same way. :meth:`FastRun.statement` rebuilds one
owner's month through the full engine, with every line explained, on request.

>>> from datetime import date
>>> from hrpolicy.commission.examples import pay_mix_plan
>>> from hrpolicy.commission import Commission, Plan, PlanVersion
>>> plan = pay_mix_plan()
>>> commission_only = Plan(plan_id="c", name="c", versions=(PlanVersion(
...     version="v", effective_from=date(2024, 1, 1),
...     components=tuple(c for c in plan.versions[0].components if isinstance(c, Commission))),))
>>> run = run_columns(commission_only, ["li", "li", "wang"],
...                   [date(2024, 3, 1), date(2024, 3, 9), date(2024, 3, 9)],
...                   [1_000_000, 2_000_000, 500_000])
>>> run.owner_total("li"), run.total
(Decimal('900.00'), Decimal('1050.00'))

Columns held by NumPy, pandas, polars or Arrow are read, grouped and paid by vectorised
code (:mod:`hrpolicy.commission.columnar`); owners may come as integer codes with their
names in ``owner_names`` — how a frame's categorical or a Parquet dictionary column holds
them. The run keeps such columns as read-only NumPy-backed sequences.

>>> import numpy
>>> coded = run_columns(commission_only, numpy.array([0, 0, 1]),
...                     numpy.array(["2024-03-01", "2024-03-09", "2024-03-09"], "datetime64[D]"),
...                     numpy.array([1_000_000, 2_000_000, 500_000]), owner_names=["li", "wang"])
>>> coded == run, coded.owners
(True, OwnerColumn(3 rows))

A run's tables (:data:`FAST_TABLES`) are built only when asked for: ``totals``, one row
per owner (``people``) and per owner and month (``months``), money as exact ``Decimal``.

>>> [(row["employee"], row["sales"], row["commission"]) for row in run.to_records("people")]
[('li', Decimal('30000.00'), Decimal('900.00')), ('wang', Decimal('5000.00'),
 Decimal('150.00'))]

Both are read back from plain data (:func:`~hrpolicy.core.convert.to_dict`,
:func:`~hrpolicy.core.convert.from_dict`) by computing them again from the plan and the
columns they hold; a stored figure that differs is refused, naming the owner and month.

>>> import json
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> data = json.loads(json.dumps(to_dict(run)))
>>> data["months"][0]
['li', 2024, 3, 90000]
>>> from_dict(data, FastRun) == run
True
>>> data["months"][0][3] = 95000
>>> from_dict(data, FastRun)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: FastRun: cannot build from the data given:
$.months[li 2024-03]: expected 90000 fen, as recomputed from the stored plan and columns
(the data was edited, or computed under other rules), got int 95000
"""

from __future__ import annotations

import importlib.util
import numbers
import operator
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from hrpolicy.commission import columnar
from hrpolicy.commission.engine import evaluate
from hrpolicy.commission.model import Deal, Measure, Period, PersonInputs
from hrpolicy.commission.plan import Commission, Frequency, Plan, PlanVersion, Window
from hrpolicy.commission.results import Statement
from hrpolicy.core import vector
from hrpolicy.core.bands import Semantics
from hrpolicy.core.compiled import CompiledTable
from hrpolicy.core.convert import converter
from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.core.fields import (
    FIRST_DATE,
    LAST_DATE,
    argument,
    checked,
    parse_date,
    require,
    typed_fields,
)
from hrpolicy.core.money import fen_to_money
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema, Tabular
from hrpolicy.core.statement import EMPLOYEE, STATEMENT_KEYS, period_cells

__all__ = [
    "FAST_TABLES",
    "FastComparison",
    "FastRun",
    "as_column",
    "compare_columns",
    "compare_partition",
    "merge_partitions",
    "run_columns",
]


def _check_component(plan: Plan, version: PlanVersion, component: object) -> Commission:
    where = f"Plan({plan.plan_id})[{version.version}]"
    if not isinstance(component, Commission):
        raise PolicyDefinitionError(
            f"{where}.{getattr(component, 'component_id', '?')}",
            "only commission tables on the fast path (use evaluate_team for this plan)",
            type(component).__name__,
        )
    plain = (
        component.measure is Measure.SALES
        and component.basis in (None, Measure.SALES)
        and component.window is Window.PERIOD
        and component.frequency is Frequency.MONTHLY
        and not component.multipliers
        and not component.overrides
        and not component.settle_on_collection
        and component.cap is None
        and component.floor is None
        and component.table.semantics in (Semantics.MARGINAL, Semantics.WHOLE)
    )
    if not plain:
        raise PolicyDefinitionError(
            f"{where}.{component.component_id}",
            "a monthly marginal or whole sales table without basis, multipliers, overrides, "
            "collection, caps, floors or year window on the fast path (use evaluate_team)",
            component.component_id,
        )
    return component


class _Compiled:
    """A plan's versions with their commission tables compiled, checked once."""

    def __init__(self, plan: Plan, name: str = "plan") -> None:
        argument(plan, Plan, name)
        self.plan = plan
        self.tables: dict[str, list[CompiledTable]] = {}
        for version in plan.versions:
            if version.approvals:
                # Columns carry no credit flags or sign-offs: the rules could not be checked.
                raise PolicyDefinitionError(
                    f"Plan({plan.plan_id})[{version.version}].approvals",
                    "no approval rules on the fast path (deal columns carry no credit flags "
                    "or sign-offs to check them against; use evaluate_team for this plan)",
                    ", ".join(rule.kind for rule in version.approvals),
                )
            self.tables[version.version] = [
                CompiledTable.of(_check_component(plan, version, c).table)
                for c in version.components
            ]

    def month_fen(self, version: str, total_fen: int) -> int:
        # A month's measure accumulates from 0: each component pays the increase from 0
        # to the month's total, rounded once — as the full engine does.
        return sum(table.increase_fen(0, total_fen) for table in self.tables[version])


@attrs.frozen
class _Group:
    owner: str
    year: int
    month: int
    total_fen: int
    first: date
    last: date


def as_column(column: object, name: str) -> Sequence[Any]:
    """A column of the fast path as a sequence of Python values: a list or tuple as it is;
    a NumPy array, a pandas or polars ``Series`` or an Arrow array through its own
    ``tolist()`` / ``to_list()`` / ``to_pylist()`` (read by duck typing: no frame library
    is imported). A NumPy ``datetime64`` column is read element by element, so each day
    is checked as a date field checks it (a time of day is refused, never dropped).

    >>> as_column((1, 2), "amounts_fen")
    (1, 2)
    >>> import numpy
    >>> as_column(numpy.array([100, 250]), "amounts_fen")
    [100, 250]
    >>> as_column("li", "owners")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidTypeError: owners: expected a sequence (list, tuple, NumPy
    array, pandas or polars Series, Arrow array), got str 'li'
    """
    if isinstance(column, (list, tuple)):
        return column
    if not isinstance(column, (str, bytes, Mapping)):
        dtype = getattr(column, "dtype", None)
        if getattr(dtype, "kind", None) == "M" and isinstance(column, Iterable):
            return list(column)  # datetime64 values, each checked as a date
        for method in ("tolist", "to_list", "to_pylist"):
            convert = getattr(column, method, None)
            if callable(convert):
                values = convert()
                if isinstance(values, list):
                    return values
        if isinstance(column, Sequence):
            return column
    raise InvalidTypeError(
        name,
        "a sequence (list, tuple, NumPy array, pandas or polars Series, Arrow array)",
        column,
    )


def _day(value: object, path: str) -> date:
    """A fast-path day: a ``date``, or a date scalar of a frame (a pandas ``Timestamp``
    at midnight, a NumPy ``datetime64`` of a whole day), checked as date fields are."""
    if type(value) is not date and type(value).__module__.split(".")[0] in ("pandas", "numpy"):
        value = parse_date(value, field=path)
    if type(value) is not date or not FIRST_DATE <= value <= LAST_DATE:
        raise InvalidValueError(path, f"a date from {FIRST_DATE} to {LAST_DATE}", value)
    return value


def _fen(value: object, path: str) -> int:
    """A fast-path amount in fen: an ``int`` or a NumPy integer (not a bool, not a
    float), from 0 to below 10^18 yuan."""
    fen = value
    if type(value).__module__ == "numpy" and isinstance(value, numbers.Integral):
        fen = operator.index(value)  # a NumPy integer (NumPy's bool is no Integral)
    if type(fen) is not int or not 0 <= fen < _LIMIT_FEN:
        raise InvalidValueError(path, "a whole number of fen, from 0 to below 10^18 yuan", value)
    return fen


def _owner(value: object, path: str) -> str:
    """A fast-path owner: non-empty text (a NumPy ``str_`` is read as the ``str`` it is)."""
    if isinstance(value, str) and type(value) is not str:
        value = str(value)
    if type(value) is not str or not value.strip():
        raise InvalidValueError(path, "an employee id (non-empty text)", value)
    return value


def _code(value: object, path: str, names: tuple[str, ...]) -> str:
    """The owner an owner code stands for: an ``int`` (or NumPy integer) indexing
    ``owner_names``."""
    code = value
    if type(value).__module__ == "numpy" and isinstance(value, numbers.Integral):
        code = operator.index(value)
    if type(code) is not int or not 0 <= code < len(names):
        raise InvalidValueError(
            path, f"an owner code from 0 to {len(names) - 1} (an index into owner_names)", value
        )
    return names[code]


def _normalised(
    owners: object, days: object, amounts_fen: object, owner_names: object = None
) -> tuple[list[str], list[date], list[int]]:
    """The three columns checked row by row, as lists of plain Python values."""
    owner_column = as_column(owners, "owners")
    if owner_names is not None:
        names = columnar.checked_owner_names(owner_names)
        owner_column = [
            _code(code, f"owners[{row}]", names) for row, code in enumerate(owner_column)
        ]
    day_column = as_column(days, "days")
    fen_column = as_column(amounts_fen, "amounts_fen")
    if not len(owner_column) == len(day_column) == len(fen_column):
        raise InvalidValueError(
            "columns",
            "owners, days and amounts_fen of one length",
            (len(owner_column), len(day_column), len(fen_column)),
        )
    fens, day_list, owner_list = [], [], []
    for row, (owner, day, fen) in enumerate(zip(owner_column, day_column, fen_column, strict=True)):
        fens.append(_fen(fen, f"amounts_fen[{row}]"))
        day_list.append(_day(day, f"days[{row}]"))
        owner_list.append(_owner(owner, f"owners[{row}]"))
    return owner_list, day_list, fens


def _group(owners: Sequence[str], days: Sequence[date], amounts_fen: Sequence[int]) -> list[_Group]:
    """Each owner's months with their totals (the columns checked by :func:`_normalised`)."""
    if not len(owners) == len(days) == len(amounts_fen):
        raise InvalidValueError(
            "columns",
            "owners, days and amounts_fen of one length",
            (len(owners), len(days), len(amounts_fen)),
        )
    totals: dict[tuple[str, int, int], _Month] = {}
    for owner, day, fen in zip(owners, days, amounts_fen, strict=True):
        key = (owner, day.year, day.month)
        month = totals.get(key)
        if month is None:
            month = totals[key] = _Month(day)
        month.total += fen
        month.first = min(month.first, day)
        month.last = max(month.last, day)
    return [
        _Group(key[0], key[1], key[2], m.total, m.first, m.last)
        for key, m in sorted(totals.items())
    ]


_LIMIT_FEN = 10**20


class _Month:
    """An owner's month being added up."""

    __slots__ = ("first", "last", "total")

    def __init__(self, day: date) -> None:
        self.total = 0
        self.first = day
        self.last = day


def _column(value: object, kind: type, path: str) -> Sequence[Any]:
    """A :class:`FastRun` column: a list or tuple of ``kind`` exactly, kept as a tuple
    (its rows were checked one by one when the run was computed), or a column read on
    NumPy (:mod:`hrpolicy.commission.columnar`), kept as it is."""
    if isinstance(value, columnar._Column):
        expected: dict[type, type] = {
            str: columnar.OwnerColumn,
            date: columnar.DayColumn,
            int: columnar.FenColumn,
        }
        if not isinstance(value, expected[kind]):
            raise InvalidTypeError(path, f"a column of {kind.__name__}", value)
        return value
    if not isinstance(value, (list, tuple)):
        raise InvalidTypeError(path, f"a list or tuple of {kind.__name__}", value)
    column = tuple(value)
    if not set(map(type, column)) <= {kind}:
        row = next(i for i, item in enumerate(column) if type(item) is not kind)
        raise InvalidTypeError(f"{path}[{row}]", f"a {kind.__name__}", column[row])
    return column


def _owners(value: object) -> Sequence[str]:
    return _column(value, str, "FastRun.owners")


def _days(value: object) -> Sequence[date]:
    return _column(value, date, "FastRun.days")


def _amounts_fen(value: object) -> Sequence[int]:
    return _column(value, int, "FastRun.amounts_fen")


def _months(value: object) -> dict[tuple[str, int, int], int]:
    """The converter of :attr:`FastRun.months`: fen by (owner, year, month)."""
    path = "FastRun.months"
    if not isinstance(value, dict):
        raise InvalidTypeError(path, "a dict of fen by (owner, year, month)", value)
    for key, fen in value.items():
        if (
            not isinstance(key, tuple)
            or len(key) != 3
            or type(key[0]) is not str
            or type(key[1]) is not int
            or type(key[2]) is not int
            or type(fen) is not int
        ):
            raise InvalidTypeError(
                f"{path}[{key!r}]", "whole fen (int) by (owner, year, month)", fen
            )
    return dict(value)


_MONEY: Final = ColumnType.MONEY
_INT: Final = ColumnType.INT
_TEXT: Final = ColumnType.TEXT
_RUN_TOTALS: Final = TableSchema(
    "totals",
    (
        Column("plan_id", _TEXT, "the plan"),
        Column("deals", _INT, "how many deals (rows of the columns)"),
        Column("people", _INT, "how many owners"),
        Column("sales", _MONEY, "the deals' amount"),
        Column("commission", _MONEY, "the commission of every owner and month"),
    ),
    "one row: the run in total",
)
_RUN_PEOPLE: Final = TableSchema(
    "people",
    (
        EMPLOYEE,
        Column("deals", _INT, "how many deals the owner has"),
        Column("sales", _MONEY, "their amount"),
        Column("commission", _MONEY, "the owner's commission over all months"),
    ),
    "one row per owner, ordered by owner",
)
_RUN_MONTHS: Final = TableSchema(
    "months",
    (
        *STATEMENT_KEYS,
        Column("deals", _INT, "how many deals the owner signed in the month"),
        Column("sales", _MONEY, "their amount"),
        Column("commission", _MONEY, "the month's commission, as evaluate computes it"),
    ),
    "one row per owner and month with deals, ordered by owner then month",
)
_COMPARISON_TOTALS: Final = TableSchema(
    "totals",
    (
        Column("baseline_plan", _TEXT, "the baseline plan's id"),
        Column("candidate_plan", _TEXT, "the candidate plan's id"),
        Column("baseline_total", _MONEY, "all commission under the baseline"),
        Column("candidate_total", _MONEY, "all commission under the candidate"),
        Column("difference", _MONEY, "candidate − baseline"),
        Column("people", _INT, "how many owners"),
        Column("changed", _INT, "how many owners' commission differs"),
    ),
    "one row: the what-if in total",
)
_COMPARISON_PEOPLE: Final = TableSchema(
    "people",
    (
        EMPLOYEE,
        Column("baseline", _MONEY, "the owner's commission under the baseline"),
        Column("candidate", _MONEY, "under the candidate"),
        Column("difference", _MONEY, "candidate − baseline"),
    ),
    "one row per owner, ordered by owner (the rows merge_partitions gives)",
)
_COMPARISON_MONTHS: Final = TableSchema(
    "months",
    (
        *STATEMENT_KEYS,
        Column("baseline", _MONEY, "the month's commission under the baseline"),
        Column("candidate", _MONEY, "under the candidate"),
        Column("difference", _MONEY, "candidate − baseline"),
    ),
    "one row per owner and month with deals, ordered by owner then month",
)


def _period(key: tuple[str, int, int]) -> tuple[object, ...]:
    return (key[0], *period_cells(Period(year=key[1], month=key[2])))


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FastRun(Tabular):
    """Commission per owner and month under one plan, from columns: ``months`` holds the
    fen each owner earns in each month with deals, and the columns the deals it was
    computed from (deal ``i`` is ``owners[i]``'s, signed on ``days[i]``, for
    ``amounts_fen[i]`` fen)."""

    plan: Plan
    owners: Sequence[str] = attrs.field(converter=_owners)
    days: Sequence[date] = attrs.field(converter=_days)
    amounts_fen: Sequence[int] = attrs.field(converter=_amounts_fen)
    months: dict[tuple[str, int, int], int] = attrs.field(converter=_months)

    def __attrs_post_init__(self) -> None:
        require(
            len(self.owners) == len(self.days) == len(self.amounts_fen),
            "FastRun",
            "owners, days and amounts_fen of one length",
            (len(self.owners), len(self.days), len(self.amounts_fen)),
        )

    @property
    def total(self) -> Decimal:
        """All commission, in yuan."""
        return fen_to_money(sum(self.months.values()))

    def owner_total(self, owner: str) -> Decimal:
        """One owner's commission over all months, in yuan."""
        return fen_to_money(sum(v for k, v in self.months.items() if k[0] == owner))

    def month(self, owner: str, year: int, month: int) -> Decimal:
        """One owner's commission for one month, in yuan."""
        key = (owner, year, month)
        if key not in self.months:
            raise InvalidValueError("month", "an owner and month with deals", key)
        return fen_to_money(self.months[key])

    def _arrays(self) -> columnar.DealArrays | None:
        """The columns' NumPy arrays, when the run's columns were read on NumPy."""
        owners, days, fen = self.owners, self.days, self.amounts_fen
        if (
            isinstance(owners, columnar.OwnerColumn)
            and isinstance(days, columnar.DayColumn)
            and isinstance(fen, columnar.FenColumn)
        ):
            return columnar.DealArrays(owners.array, owners.names, days.array, fen.array)
        return None

    def _sales(self) -> dict[tuple[str, int, int], tuple[int, int]]:
        """(deals, fen) by (owner, year, month), in one pass over the columns."""
        arrays = self._arrays()
        if arrays is not None:
            return columnar.sales(columnar.Months(arrays))
        sales: dict[tuple[str, int, int], tuple[int, int]] = {}
        for owner, day, fen in zip(self.owners, self.days, self.amounts_fen, strict=True):
            key = (owner, day.year, day.month)
            count, total = sales.get(key, (0, 0))
            sales[key] = (count + 1, total + fen)
        return sales

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The run as tables (:data:`FAST_TABLES`), built when asked: ``totals`` (one
        row), ``people`` (one row per owner) and ``months`` (one row per owner and month
        with deals). ``locale`` is accepted for the tables' common interface; no cell is
        text in a language."""
        sales = self._sales()
        people: dict[str, list[int]] = {}
        months = []
        for key in sorted(self.months):
            count, fen = sales[key]
            months.append((*_period(key), count, fen_to_money(fen), fen_to_money(self.months[key])))
            person = people.setdefault(key[0], [0, 0, 0])
            person[0] += count
            person[1] += fen
            person[2] += self.months[key]
        total = (
            self.plan.plan_id,
            len(self.owners),
            len(people),
            fen_to_money(sum(self.amounts_fen)),
            self.total,
        )
        return {
            "totals": Table.build(_RUN_TOTALS, [total]),
            "people": Table.build(
                _RUN_PEOPLE,
                [
                    (owner, n, fen_to_money(fen), fen_to_money(paid))
                    for owner, (n, fen, paid) in people.items()
                ],
            ),
            "months": Table.build(_RUN_MONTHS, months),
        }

    def statement(self, owner: str, year: int, month: int) -> Statement:
        """The full, explained statement of one owner's month (recomputed on request)."""
        self.month(owner, year, month)
        arrays = self._arrays()
        if arrays is None:
            rows = [
                row
                for row, (who, day) in enumerate(zip(self.owners, self.days, strict=True))
                if who == owner and (day.year, day.month) == (year, month)
            ]
        else:
            rows = columnar.rows_of(arrays, owner, year, month)
        deals = [
            Deal(
                deal_id=f"row-{row}",
                owner=owner,
                signed_on=self.days[row],
                amount=fen_to_money(self.amounts_fen[row]),
            )
            for row in rows
        ]
        return evaluate(
            self.plan, Period(year=year, month=month), deals, PersonInputs(employee=owner)
        )


def _run(compiled: _Compiled, groups: list[_Group]) -> dict[tuple[str, int, int], int]:
    plan = compiled.plan
    months: dict[tuple[str, int, int], int] = {}
    for group in groups:
        version = plan.version_on(group.first)
        if plan.version_on(group.last) is not version:
            raise PolicyDefinitionError(
                f"Plan({plan.plan_id})",
                "one version for each owner's month on the fast path (use evaluate_team)",
                f"{group.owner} {group.year}-{group.month:02d}",
            )
        months[(group.owner, group.year, group.month)] = compiled.month_fen(
            version.version, group.total_fen
        )
    return months


def _run_arrays(compiled: _Compiled, months: columnar.Months) -> dict[tuple[str, int, int], int]:
    """:func:`_run` on months grouped on NumPy: the same fen, the same errors. A month the
    vectorised path cannot pay (no version or two, a total a table does not cover, a figure
    beyond int64) sends the whole run through :func:`_run`, month by month in the row
    path's order, so the first error is the row path's and big figures are exact."""
    np = columnar._numpy()
    ordered = sorted(compiled.plan.versions, key=lambda v: v.effective_from)

    def pay(version: int, totals: Any) -> Any | None:
        try:
            parts = [
                vector.increases_fen(table, 0, totals)
                for table in compiled.tables[ordered[version].version]
            ]
        except (InvalidValueError, NotCoveredError):
            return None
        reach = sum(int(np.abs(part).max()) for part in parts if len(part))
        if reach > vector.INT64_MAX:
            return None  # the components' sum could pass 2**63
        return sum(parts, np.zeros(len(totals), dtype=np.int64))

    def by_rows() -> dict[tuple[str, int, int], int]:
        groups = [
            _Group(key[0], key[1], key[2], total, first, last)
            for key, total, first, last in columnar.groups_by_name(months)
        ]
        return _run(compiled, groups)

    return columnar.pay_months(months, columnar.version_index(ordered), pay, by_rows)


def _runs(
    compiled: Sequence[_Compiled],
    owners: object,
    days: object,
    amounts_fen: object,
    owner_names: object,
) -> list[FastRun]:
    """Every plan's run on the same columns, grouped once: on NumPy when the columns are
    arrays a vectorised reading passes, otherwise row by row."""
    arrays = None
    if importlib.util.find_spec("numpy") is not None:
        names = None if owner_names is None else columnar.checked_owner_names(owner_names)
        arrays = columnar.read_arrays(owners, days, amounts_fen, names)
    if arrays is not None:
        months = columnar.Months(arrays)
        kept = arrays.columns()
        return [FastRun(plan=c.plan, **kept, months=_run_arrays(c, months)) for c in compiled]
    rows = _normalised(owners, days, amounts_fen, owner_names)
    groups = _group(*rows)
    columns = _columns(*rows)
    return [FastRun(plan=c.plan, **columns, months=_run(c, groups)) for c in compiled]


def run_columns(
    plan: Plan,
    owners: Sequence[str] | Sequence[int] | columnar.ArrayLike,
    days: Sequence[date] | columnar.ArrayLike,
    amounts_fen: Sequence[int] | columnar.ArrayLike,
    *,
    owner_names: Sequence[str] | None = None,
) -> FastRun:
    """Commission per owner and month under ``plan``: deal ``i`` is ``owners[i]``'s,
    signed on ``days[i]``, for ``amounts_fen[i]`` fen.

    Each column is a list or tuple, or a NumPy array, a pandas or polars ``Series`` or an
    Arrow array; every row is checked the same way whatever holds it: owners non-empty
    text, days dates (a frame's midnight timestamps and whole-day ``datetime64`` values
    too; a time of day is refused), amounts whole fen as ints (NumPy integers too; never
    floats; :func:`~hrpolicy.commission.columnar.fen_column` turns decimal yuan into
    fen). With ``owner_names``, ``owners`` holds integer codes: code ``k`` is
    ``owner_names[k]``.

    Columns of native NumPy or Arrow types are read, grouped and paid by vectorised code
    (:mod:`hrpolicy.commission.columnar`) and kept by the run as read-only NumPy-backed
    sequences; lists, tuples and columns of Python objects are read row by row (see
    :func:`as_column`). Both give the same figures to the fen, and the same error for a
    bad row."""
    return _runs([_Compiled(plan)], owners, days, amounts_fen, owner_names)[0]


def _columns(
    owners: Sequence[str], days: Sequence[date], amounts_fen: Sequence[int]
) -> dict[str, tuple[Any, ...]]:
    """The columns as a run keeps them (tuples, however they came)."""
    return {"owners": tuple(owners), "days": tuple(days), "amounts_fen": tuple(amounts_fen)}


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FastComparison(Tabular):
    """A what-if over columns: each owner's commission under two plans."""

    baseline: FastRun
    candidate: FastRun

    @property
    def difference(self) -> Decimal:
        """candidate − baseline, in total."""
        return self.candidate.total - self.baseline.total

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The what-if as tables (:data:`FAST_TABLES`), built when asked: ``totals``
        (one row: both plans' totals, the difference, how many owners and how many
        changed), ``people`` (one row per owner: the rows :func:`merge_partitions` gives)
        and ``months`` (one row per owner and month with deals)."""
        people = merge_partitions([_owner_totals(self.baseline, self.candidate)])
        before, after = self.baseline.months, self.candidate.months
        months = []
        for key in sorted(before.keys() | after.keys()):
            a, b = before.get(key, 0), after.get(key, 0)
            months.append((*_period(key), fen_to_money(a), fen_to_money(b), fen_to_money(b - a)))
        total = (
            self.baseline.plan.plan_id,
            self.candidate.plan.plan_id,
            self.baseline.total,
            self.candidate.total,
            self.difference,
            len(people),
            sum(1 for row in people if row["difference"]),
        )
        return {
            "totals": Table.build(_COMPARISON_TOTALS, [total]),
            "people": Table.build(_COMPARISON_PEOPLE, [tuple(row.values()) for row in people]),
            "months": Table.build(_COMPARISON_MONTHS, months),
        }


#: The tables of each fast-path result, in the order its ``tables()`` gives them.
FAST_TABLES: Final[dict[type, tuple[TableSchema, ...]]] = {
    FastRun: (_RUN_TOTALS, _RUN_PEOPLE, _RUN_MONTHS),
    FastComparison: (_COMPARISON_TOTALS, _COMPARISON_PEOPLE, _COMPARISON_MONTHS),
}


def compare_columns(
    baseline: Plan,
    candidate: Plan,
    owners: Sequence[str] | Sequence[int] | columnar.ArrayLike,
    days: Sequence[date] | columnar.ArrayLike,
    amounts_fen: Sequence[int] | columnar.ArrayLike,
    *,
    owner_names: Sequence[str] | None = None,
) -> FastComparison:
    """The same deals under two plans; the deals are grouped once for both. The columns
    (and ``owner_names``) are read as :func:`run_columns` reads them (lists, NumPy arrays,
    Series, Arrow arrays)."""
    first, second = _Compiled(baseline, "baseline"), _Compiled(candidate, "candidate")
    before, after = _runs([first, second], owners, days, amounts_fen, owner_names)
    return FastComparison(baseline=before, candidate=after)


def compare_partition(
    baseline: Plan, candidate: Plan, rows: Sequence[tuple[str, date, int]]
) -> dict[str, tuple[int, int]]:
    """One partition of a what-if: ``{owner: (baseline fen, candidate fen)}`` for the
    ``(owner, date, amount in fen)`` rows given.

    A plain function of its arguments — plans and rows pickle, nothing global is read — so
    a cluster can run it on partitions (Dask, Spark). Partition by owner, so that each
    owner's months are whole in one partition; :func:`merge_partitions` refuses an owner
    found in two.
    """
    given: object = rows
    if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
        raise InvalidTypeError("rows", "a sequence of (owner, date, amount in fen) rows", rows)
    for index, row in enumerate(rows):
        if not isinstance(row, tuple) or len(row) != 3:
            raise InvalidValueError(f"rows[{index}]", "an (owner, date, amount in fen) tuple", row)
    owners = [row[0] for row in rows]
    result = compare_columns(
        baseline, candidate, owners, [row[1] for row in rows], [row[2] for row in rows]
    )
    return _owner_totals(result.baseline, result.candidate)


def _owner_totals(baseline: FastRun, candidate: FastRun) -> dict[str, tuple[int, int]]:
    """Each owner's fen under both runs, in one pass over their months."""
    totals: dict[str, list[int]] = {}
    for side, run in enumerate((baseline, candidate)):
        for (owner, _, _), fen in run.months.items():
            totals.setdefault(owner, [0, 0])[side] += fen
    return {owner: (pair[0], pair[1]) for owner, pair in totals.items()}


def merge_partitions(parts: Sequence[dict[str, tuple[int, int]]]) -> list[dict[str, Any]]:
    """The partitions' results as one row per owner (baseline, candidate, difference in
    yuan), ordered by owner; an owner found in two partitions is refused (their months
    would have been split)."""
    merged: dict[str, tuple[int, int]] = {}
    given: object = parts
    if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
        raise InvalidTypeError("parts", "a sequence of compare_partition results", parts)
    for index, part in enumerate(parts):
        if not isinstance(part, dict):
            raise InvalidTypeError(f"parts[{index}]", "a compare_partition result (dict)", part)
        for owner, pair in part.items():
            if (
                type(owner) is not str
                or not isinstance(pair, tuple)
                or len(pair) != 2
                or any(type(fen) is not int for fen in pair)
            ):
                raise InvalidValueError(
                    f"parts[{index}][{owner!r}]", "(baseline fen, candidate fen) as two ints", pair
                )
            if owner in merged:
                raise InvalidValueError(
                    f"parts[{index}]", "each owner in one partition (partition by owner)", owner
                )
            merged[owner] = pair
    return [
        {
            "employee": owner,
            "baseline": fen_to_money(before),
            "candidate": fen_to_money(after),
            "difference": fen_to_money(after - before),
        }
        for owner, (before, after) in sorted(merged.items())
    ]


def _unstructure_run(run: FastRun) -> dict[str, Any]:
    return {
        "plan": converter.unstructure(run.plan),
        "owners": list(run.owners),
        "days": [day.isoformat() for day in run.days],
        "amounts_fen": list(run.amounts_fen),
        "months": [[*key, fen] for key, fen in sorted(run.months.items())],
    }


def _structure_run(value: Any, _: Any) -> FastRun:
    """A run from plain data, computed again from its plan and columns; a stored month
    that differs is refused, naming the owner and month."""
    if not isinstance(value, dict):
        raise InvalidTypeError("FastRun", "a mapping", value)
    known = {"plan", "owners", "days", "amounts_fen", "months"}
    extra = sorted(set(value) - known)
    if extra:
        raise InvalidValueError(f"FastRun.{extra[0]}", "no such field", extra[0])
    missing = sorted(known - set(value))
    if missing:
        raise InvalidValueError(f"FastRun.{missing[0]}", "a value", "nothing")
    plan = converter.structure(value["plan"], Plan)
    days = converter.structure(value["days"], tuple[date, ...])
    fresh = run_columns(plan, value["owners"], days, value["amounts_fen"])
    rows = value["months"]
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and len(row) == 4 for row in rows
    ):
        raise InvalidTypeError("months", "a list of [owner, year, month, fen] rows", rows)
    stored = _months({(row[0], row[1], row[2]): row[3] for row in rows})
    for key in sorted(stored.keys() | fresh.months.keys(), key=repr):
        mine, theirs = stored.get(key), fresh.months.get(key)
        if mine != theirs:
            where = f"months[{key[0]} {key[1]}-{key[2]:02d}]"
            expected = "no such month" if theirs is None else f"{theirs} fen"
            raise InvalidValueError(
                where,
                f"{expected}, as recomputed from the stored plan and columns (the data was "
                "edited, or computed under other rules)",
                "nothing" if mine is None else mine,
            )
    return fresh


converter.register_unstructure_hook(FastRun, _unstructure_run)
converter.register_structure_hook(FastRun, _structure_run)
