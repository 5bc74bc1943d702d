"""Collection-linked release over many invoices at once: a year from columns, on NumPy.

:func:`release_columns` gives, for every salesperson and month of a year, exactly the
total :func:`~hrpolicy.collection.settle_run` releases — for the receivables and policies
whose release is a function of each invoice's cash alone:

- payments name their invoice (``MatchingRule.BY_INVOICE``): a payment is a row of the
  payment columns with the row of its invoice, its day and its amount in fen; an invoice
  is never paid above its amount;
- no credit notes, reversals or write-offs;
- every policy version in force releases ``OnInvoice``, ``Proportional`` or
  ``FullCollection``, without a days-to-collect table, overdue index, completion matrix,
  aging table, reserve, milestones or expense advance.

Each invoice's settled entitlement at a month's end is its commission × the share released
(1 on invoicing; collected ÷ amount; 1 once fully collected), rounded half up to the fen —
in integers, ``(2 × commission × collected + amount) // (2 × amount)`` — and a month
releases the rise of its salesperson's settled total, as the engine does. The cash
collected by each month's end is added with one ``numpy.add.at`` over an invoices × months
grid and a running sum.

What is refused, and why: a version with any other rule is refused with the field named
(:class:`~hrpolicy.core.errors.PolicyDefinitionError`) — FIFO and pro-rata matching settle
the customer's open invoices in an order each payment and each new invoice changes, and
share payments by the largest remainder; credit notes, reversals and write-offs reopen
invoices and claw back the latest layers at the coefficient they were released at; a
days-to-collect table weighs each portion by its own day; reserves, portfolio coefficients
and wage recovery carry state from month to month. Those are sequential rules; a
vectorised copy of them would be a second engine. Settle such receivables with
:func:`~hrpolicy.collection.settle_run` or :func:`~hrpolicy.collection.settle_team`.

>>> import numpy
>>> from hrpolicy.collection.examples import proportional_policy
>>> year = release_columns(
...     proportional_policy(),
...     2024,
...     invoices={
...         "salesperson": numpy.array(["li", "wang"]),
...         "issued_on": numpy.array(["2024-01-10", "2024-02-01"], "datetime64[D]"),
...         "amount_fen": numpy.array([10_000_000, 5_000_000]),
...         "commission_fen": numpy.array([300_000, 150_000]),
...     },
...     payments={
...         "invoice": numpy.array([0, 0, 1]),
...         "received_on": numpy.array(["2024-02-05", "2024-03-01", "2024-03-02"], "datetime64[D]"),
...         "amount_fen": numpy.array([4_000_000, 6_000_000, 5_000_000]),
...     },
... )
>>> year.month("li", 2, 2024), year.month("li", 3, 2024), year.total
(Decimal('1200.00'), Decimal('1800.00'), Decimal('4500.00'))

NumPy is imported when the function is called (extra ``numpy``).
"""

from __future__ import annotations

import numbers
import operator
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from hrpolicy.collection.policy import (
    CollectionPolicy,
    CollectionVersion,
    FullCollection,
    OnInvoice,
    Proportional,
)
from hrpolicy.commission import columnar
from hrpolicy.commission.fast import _day, _fen, _owner, as_column
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.core.fields import argument, checked, typed_fields
from hrpolicy.core.money import fen_to_money
from hrpolicy.core.period import Period
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema, Tabular
from hrpolicy.core.statement import EMPLOYEE, STATEMENT_KEYS, period_cells

__all__ = ["INVOICE_COLUMNS", "PAYMENT_COLUMNS", "FastRelease", "release_columns"]

#: The invoice columns :func:`release_columns` reads, in order.
INVOICE_COLUMNS: Final = ("salesperson", "issued_on", "amount_fen", "commission_fen")
#: The payment columns: ``invoice`` is the row of the invoice paid.
PAYMENT_COLUMNS: Final = ("invoice", "received_on", "amount_fen")

_RULES: Final = (OnInvoice, Proportional, FullCollection)
_ABSENT: Final = (
    ("days_to_collect", "no days-to-collect table"),
    ("overdue", "no overdue index"),
    ("matrix", "no completion matrix"),
    ("aging", "no aging table"),
    ("reserve", "no reserve"),
    ("milestones", "no milestones"),
    ("expense_advance", "no expense advance"),
)


def _check_version(policy: CollectionPolicy, version: CollectionVersion) -> int:
    """The index of the version's release rule in :data:`_RULES`; anything the fast path
    does not compute is refused with its field named."""
    where = f"CollectionPolicy({policy.policy_id})[{version.version}]"
    if not isinstance(version.release, _RULES):
        raise PolicyDefinitionError(
            f"{where}.release",
            "on_invoice, proportional or full_collection release on the fast path "
            "(use settle_run for this policy)",
            type(version.release).__name__,
        )
    for field, expected in _ABSENT:
        if getattr(version, field):
            raise PolicyDefinitionError(
                f"{where}.{field}",
                f"{expected} on the fast path (use settle_run for this policy)",
                getattr(version, field),
            )
    return _RULES.index(type(version.release))


def _columns(value: object, names: tuple[str, ...], what: str) -> Mapping[str, object]:
    """The named columns of a mapping, a pandas or polars frame or an Arrow table."""
    frame: Any = value
    if isinstance(value, Mapping):
        present = list(value.keys())
    elif hasattr(value, "column_names"):  # an Arrow table
        present = list(frame.column_names)
    elif hasattr(value, "columns"):
        present = [str(name) for name in frame.columns]
    else:
        raise InvalidTypeError(
            what, f"a mapping, frame or Arrow table of columns {', '.join(names)}", value
        )
    for name in names:
        if name not in present:
            raise InvalidValueError(
                f"{what}.{name}", f"a column {name!r} (columns: {present})", "nothing"
            )
    return {name: frame[name] for name in names}


def _invoice_row(value: object, path: str) -> int:
    """A payment's invoice: the row of the invoice columns, as an int (or NumPy integer)."""
    row = value
    if type(value).__module__ == "numpy" and isinstance(value, numbers.Integral):
        row = operator.index(value)
    if type(row) is not int:
        raise InvalidValueError(path, "the row of an invoice (an int)", value)
    return row


def _rows(np: Any, column: object, path: str, check: Any, dtype: str) -> Any:
    """A column checked row by row (a list, or a column the vectorised reading refused),
    as a NumPy array: the first bad row is refused by ``check``."""
    values = as_column(column, path)
    return np.array([check(value, f"{path}[{row}]") for row, value in enumerate(values)], dtype)


def _read(np: Any, columns: Mapping[str, object], what: str) -> dict[str, Any]:
    """Every column as a checked NumPy array; owners as (codes, names)."""
    read: dict[str, Any] = {}
    for name, column in columns.items():
        path = f"{what}.{name}"
        if name == "salesperson":
            found = columnar._owners(np, column, None)
            if found is None:
                text = _rows(np, column, path, _owner, "object")
                unique, codes = np.unique(text, return_inverse=True)
                found = codes, tuple(unique.tolist())
            codes, names = found
            used = np.unique(codes)
            if len(used) < len(names):  # a categorical's unused categories are no one
                found = np.searchsorted(used, codes), tuple(names[i] for i in used.tolist())
            read[name] = found
        elif name in ("issued_on", "received_on"):
            days = columnar._days(np, column)
            if days is None:
                dates = _rows(np, column, path, _day, "datetime64[D]")
                days = dates.astype(np.int64)
            read[name] = days.astype(np.int64)
        elif name == "invoice":
            given = columnar._as_array(np, column)
            if given is None or given.dtype.kind not in "iu":
                given = _rows(np, column, path, _invoice_row, "object")
            if given.size and given.max() > columnar._INT64_MAX:
                raise InvalidValueError(path, "rows of the invoices", int(given.max()))
            read[name] = given.astype(np.int64)
        else:
            values = columnar._fen(np, column)
            if values is None:
                values = _rows(np, column, path, _fen, "object")
                if values.size and values.max() > columnar._INT64_MAX:
                    raise InvalidValueError(path, "amounts below 2^63 fen", int(values.max()))
                values = values.astype(np.int64)
            read[name] = values
    lengths = {len(v[0]) if isinstance(v, tuple) else len(v) for v in read.values()}
    if len(lengths) > 1:
        raise InvalidValueError(
            what,
            "columns of one length",
            {n: len(v) for n, v in columns.items()},  # type: ignore[arg-type]
        )
    return read


def _positive(np: Any, values: Any, path: str) -> None:
    columnar.refuse_first(np, values <= 0, path, "an amount above 0", lambda row: int(values[row]))


def _months_of(value: object) -> dict[tuple[str, int], int]:
    """The converter of :attr:`FastRelease.months`: fen by (salesperson, month)."""
    path = "FastRelease.months"
    if not isinstance(value, dict):
        raise InvalidTypeError(path, "a dict of fen by (salesperson, month)", value)
    for key, fen in value.items():
        if not (
            isinstance(key, tuple)
            and len(key) == 2
            and type(key[0]) is str
            and type(key[1]) is int
            and 1 <= key[1] <= 12
            and type(fen) is int
        ):
            raise InvalidTypeError(
                f"{path}[{key!r}]", "whole fen (int) by (salesperson, month)", fen
            )
    return dict(value)


_MONTHS: Final = TableSchema(
    "months",
    (
        *STATEMENT_KEYS,
        Column("released", ColumnType.MONEY, "what the month releases, as settle_run does"),
    ),
    "one row per salesperson and month of the year, ordered by salesperson then month",
)
_PEOPLE: Final = TableSchema(
    "people",
    (EMPLOYEE, Column("released", ColumnType.MONEY, "the year's release")),
    "one row per salesperson, ordered by salesperson",
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FastRelease(Tabular):
    """A year's release per salesperson and month: ``months`` holds the fen released in
    each month, as :func:`~hrpolicy.collection.settle_run` releases it."""

    policy: CollectionPolicy
    year: int
    months: dict[tuple[str, int], int] = attrs.field(converter=_months_of)

    @property
    def total(self) -> Decimal:
        """Everything released in the year, in yuan."""
        return fen_to_money(sum(self.months.values()))

    def month(self, salesperson: str, month: int, year: int | None = None) -> Decimal:
        """What ``salesperson``'s ``month`` releases, in yuan."""
        if year is not None and year != self.year:
            raise InvalidValueError("year", f"the run's year {self.year}", year)
        key = (salesperson, month)
        if key not in self.months:
            raise InvalidValueError("month", "a salesperson with invoices and a month 1–12", key)
        return fen_to_money(self.months[key])

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``months`` (one row per salesperson and month) and ``people`` (the year's
        release per salesperson); ``locale`` is accepted for the common interface."""
        people: dict[str, int] = {}
        rows = []
        for (person, month), fen in sorted(self.months.items()):
            rows.append(
                (person, *period_cells(Period(year=self.year, month=month)), fen_to_money(fen))
            )
            people[person] = people.get(person, 0) + fen
        return {
            "months": Table.build(_MONTHS, rows),
            "people": Table.build(
                _PEOPLE, [(person, fen_to_money(fen)) for person, fen in people.items()]
            ),
        }


def release_columns(
    policy: CollectionPolicy, year: int, *, invoices: object, payments: object
) -> FastRelease:
    """Every salesperson's release in each month of ``year``, from columns (see the module
    documentation for what is taken and what is refused).

    Args:
        policy: the collection policy; each invoice is released under the version in force
            on its issue date, and every month's last day must fall under a version.
        year: the year settled, its months from an empty state (as ``settle_run`` starts).
        invoices: a mapping or frame of columns :data:`INVOICE_COLUMNS`: the salesperson
            (text), the issue day, the amount (whole fen, above 0) and the commission on it
            (whole fen). Columns are lists, NumPy arrays, Series or Arrow arrays.
        payments: a mapping or frame of columns :data:`PAYMENT_COLUMNS`: the row of the
            invoice paid, the day received (not before the invoice's issue) and the amount
            (whole fen, above 0). Payments after the year are ignored.

    Raises:
        InvalidTypeError, InvalidValueError: a column missing, of another length, or a
            bad row (named by column and row); an invoice paid above its amount.
        PolicyDefinitionError: a policy version with a rule the fast path does not compute.
        NotCoveredError: no version in force on an invoice's issue day or a month's end.
    """
    np = columnar._numpy()
    argument(policy, CollectionPolicy, "policy")
    if type(year) is not int or not 1901 <= year <= 9998:
        raise InvalidValueError("year", "a year from 1901 to 9998 (int)", year)
    bills, cash = _checked(np, invoices, payments)
    months = _released(np, policy, year, bills, cash)
    return FastRelease(policy=policy, year=year, months=months)


def _checked(np: Any, invoices: object, payments: object) -> tuple[dict[str, Any], dict[str, Any]]:
    """The invoice and payment columns read and checked against each other."""
    bills = _read(np, _columns(invoices, INVOICE_COLUMNS, "invoices"), "invoices")
    cash = _read(np, _columns(payments, PAYMENT_COLUMNS, "payments"), "payments")
    issued, amount, commission = bills["issued_on"], bills["amount_fen"], bills["commission_fen"]
    _positive(np, amount, "invoices.amount_fen")
    _positive(np, cash["amount_fen"], "payments.amount_fen")
    columnar.refuse_first(
        np,
        commission < 0,
        "invoices.commission_fen",
        "a commission of 0 or more",
        lambda row: int(commission[row]),
    )
    paid, received = cash["invoice"], cash["received_on"]
    columnar.refuse_first(
        np,
        (paid < 0) | (paid >= len(amount)),
        "payments.invoice",
        f"the row of an invoice, 0 to {len(amount) - 1}",
        lambda row: int(paid[row]),
    )
    early = received < issued[paid]
    if early.any():
        first = int(np.argmax(early))
        columnar.refuse_first(
            np,
            early,
            "payments.received_on",
            f"a day on or after its invoice's issue ({columnar.day_of(issued[paid[first]])})",
            lambda row: columnar.day_of(received[row]),
        )

    return bills, cash


def _released(
    np: Any, policy: CollectionPolicy, year: int, bills: dict[str, Any], cash: dict[str, Any]
) -> dict[tuple[str, int], int]:
    """Fen released by (salesperson, month) of ``year``."""
    codes, names = bills["salesperson"]
    issued, amount, commission = bills["issued_on"], bills["amount_fen"], bills["commission_fen"]
    paid, received = cash["invoice"], cash["received_on"]

    # The version of each invoice (by issue day) and of each month's end.
    ordered = sorted(policy.versions, key=lambda v: v.effective_from)
    kinds = [_check_version(policy, version) for version in ordered]
    month_ends = [Period(year=year, month=m).last_day for m in range(1, 13)]
    for day in month_ends:
        policy.version_on(day)  # refuses a month no version covers, as settle_run does
    version = columnar.version_index(ordered)(issued)
    by_year_end = issued <= (month_ends[-1] - columnar._EPOCH).days
    uncovered = (version < 0) & by_year_end
    if uncovered.any():
        # The version lookup refuses the first invoice no version covers, as settle_run does.
        policy.version_on(columnar.day_of(issued[int(np.argmax(uncovered))]))
    rule = np.array([*kinds, 0], dtype=np.int64)[version]  # -1 (issued later) reads 0, unused

    # Cash collected by each month's end: column 0 before the year, 1–12 its months.
    ends = np.array([(d - columnar._EPOCH).days for d in month_ends], dtype=np.int64)
    slot = np.searchsorted(ends, received, side="left") + 1
    start = (date(year, 1, 1) - columnar._EPOCH).days
    slot = np.where(received < start, 0, slot)
    counted = slot <= 12
    grid = np.zeros((len(amount), 13), dtype=np.int64)
    np.add.at(grid, (paid[counted], slot[counted]), cash["amount_fen"][counted])
    total = np.zeros(len(amount), dtype=object)  # what the year's payments put on each
    np.add.at(total, paid[counted], cash["amount_fen"][counted].astype(object))
    over = total > amount.astype(object)
    if over.any():
        row = int(np.argmax(over))
        raise InvalidValueError(
            f"payments (invoice row {row})",
            f"payments of at most the invoice's amount, {int(amount[row])} fen (an advance "
            "or deposit above it: use settle_run with an excess_reason)",
            int(total[row]),
        )
    collected = np.cumsum(grid, axis=1)[:, 1:]  # by the end of each month, 12 columns

    # Each invoice's settled entitlement at each month's end, to the fen, half up.
    largest_commission = int(commission.max(initial=0))
    largest_amount = int(amount.max(initial=0))
    wide = (
        2 * largest_commission * largest_amount + largest_amount > columnar._INT64_MAX
        or len(amount) * largest_commission > columnar._INT64_MAX  # a salesperson's total
    )
    kind = object if wide else np.int64
    c, a, k = commission.astype(kind)[:, None], amount.astype(kind)[:, None], collected.astype(kind)
    settled = np.where(
        rule[:, None] == 1,
        (2 * c * k + a) // (2 * a),
        np.where((rule[:, None] == 0) | (k == a), c, 0),
    )
    settled = np.where(issued[:, None] <= ends[None, :], settled, 0)

    # A salesperson's month releases the rise of their settled total.
    per_person = np.zeros((len(names), 12), dtype=kind)
    np.add.at(per_person, codes, settled)
    released = np.diff(per_person, axis=1, prepend=0)
    return {
        (name, month + 1): int(released[person, month])
        for person, name in enumerate(names)
        for month in range(12)
    }
