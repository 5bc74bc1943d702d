"""What the collection engine returns: a month's statement for one salesperson, and a
recovery schedule — immutable snapshots that explain every line."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from hrpolicy.collection.model import CollectionInputs, CollectionState, Receivables
from hrpolicy.collection.policy import CollectionPolicy
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import write_in_full
from hrpolicy.core.display import Amount, Displayable, SummaryValue, View
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Explanation, Finding, Label, Step
from hrpolicy.core.fields import (
    Money,
    NonNegativeInt,
    NonNegativeMoney,
    PositiveInt,
    Quantity,
    Text,
    checked,
    typed_fields,
)
from hrpolicy.core.money import money_sum
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
    encode_value,
    explanation_tables,
    lazy_group,
    merge_tables,
    tables_of,
)
from hrpolicy.core.recovery import (
    RECOVERY_MONTHS,
    RECOVERY_TABLES,
    RECOVERY_TOTALS,
    RecoveryMonth,
    RecoverySchedule,
)
from hrpolicy.core.statement import (
    LINE_ID,
    STATEMENT_KEYS,
    PaidMixin,
    StatementLines,
    key_steps,
)

__all__ = [
    "ACCOUNTS",
    "ADVANCES",
    "LINES",
    "MATRIX",
    "OVERDUE",
    "PERFORMANCE",
    "RECOVERY_MONTHS",
    "RECOVERY_TOTALS",
    "RESULT_TABLES",
    "STATEMENT_TOTALS",
    "CollectionLine",
    "CollectionLineKind",
    "CollectionStatement",
    "MatrixReading",
    "OverdueReading",
    "PerformanceDeduction",
    "RecoveryMonth",
    "RecoverySchedule",
    "team_tables",
]


def _result_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """:func:`~hrpolicy.core.fields.typed_fields`, with the exact figures a reading holds
    (``Fraction`` fields: an index, a rate, a coefficient) checked too."""
    namespace = vars(sys.modules[cls.__module__])
    result = []
    for field in fields:
        annotation = eval(field.type, namespace) if isinstance(field.type, str) else field.type
        if field.init and field.converter is None and annotation is Fraction:
            check = functools.partial(_exact_figure, f"{cls.__name__}.{field.name}")
            result.append(field.evolve(converter=check))
        else:
            result.append(field)
    return typed_fields(cls, result)


def _exact_figure(path: str, value: object) -> Fraction:
    """An exact number of zero or more (a ``Fraction``, ``Decimal`` or ``int``; never a
    ``float``), as a ``Fraction``."""
    if isinstance(value, bool) or not isinstance(value, (Fraction, Decimal, int)):
        raise InvalidTypeError(
            path, "an exact number (Fraction, Decimal or int; not a float)", value
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidValueError(path, "a finite number", value)
    figure = Fraction(value)
    if figure < 0:
        raise InvalidValueError(path, "a number of zero or more", value)
    return figure


class CollectionLineKind(Choice):
    """What a line of a collection statement is."""

    RELEASE = "release"  # commission released on an invoice
    CLAWBACK = "clawback"  # commission taken back on an invoice (reversal, return, bad debt)
    RESERVE_WITHHELD = "reserve_withheld"
    RESERVE_RELEASED = "reserve_released"
    TO_RECOVERY = "to_recovery"  # clawbacks beyond this month's release, carried to recovery
    RECOVERY = "recovery"  # clawbacks recovered from this month's wage, under the cap
    MILESTONE = "milestone"
    EXPENSE = "expense"  # the company's share of a relationship expense, reimbursed
    ADVANCE_REFUND = "advance_refund"
    WITHDRAWN = "withdrawn"  # paid by an earlier run of this month, no longer arising


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class CollectionLine(PaidMixin):
    """One line: a stable id (``release/INV-1``, ``reserve#withheld``…), its effect on this
    month's pay, what it is, the clause and the steps behind it. ``already_paid`` is what
    an earlier run of the same month paid on it; :attr:`due` what is left."""

    line_id: Text
    kind: CollectionLineKind
    amount: Money
    label: Label
    clause: str
    steps: tuple[Step, ...]
    invoice_id: str | None = None
    already_paid: Money = Decimal("0.00")


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class PerformanceDeduction:
    """Credited performance cut for an invoice still open past its due date (aging):
    ``deduction`` is ``rate`` (the aging table's value for ``days_overdue``) of the
    ``open_balance``, rounded half up to the fen; the invoice credits ``net_amount`` (its
    amount less credit notes), of which :attr:`credited` is left after the cut."""

    invoice_id: Text
    net_amount: NonNegativeMoney
    open_balance: NonNegativeMoney
    days_overdue: PositiveInt
    rate: Fraction
    deduction: NonNegativeMoney

    @property
    def credited(self) -> Decimal:
        """The performance the invoice still credits after aging: ``net_amount −
        deduction``."""
        return money_sum((self.net_amount, -self.deduction))


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class OverdueReading:
    """The salesperson's weighted overdue index on the month's last day, as the policy's
    overdue rule read it: ``overdue_weighted`` Σ(overdue amount × days overdue) ÷
    ``receivable_weighted`` Σ(open receivable × credit days) gives :attr:`index`, and
    ``multiplier`` is the rule's value for it, applied to the month's release. With
    nothing open on credit terms but money overdue the index is unbounded
    (:attr:`index` is ``None``) and the table's last band applies."""

    overdue_weighted: Fraction
    receivable_weighted: Fraction
    multiplier: Fraction

    @property
    def unbounded(self) -> bool:
        """Money is overdue but nothing is open on credit terms."""
        return not self.receivable_weighted and bool(self.overdue_weighted)

    @property
    def index(self) -> Fraction | None:
        """The weighted overdue index (0 when nothing is overdue); ``None`` when
        unbounded."""
        if self.receivable_weighted:
            return self.overdue_weighted / self.receivable_weighted
        return None if self.overdue_weighted else Fraction(0)


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class MatrixReading:
    """The completion × collection-rate coefficient of the month: ``completion`` (the
    target completion given), ``collection_rate`` (collected ÷ net amount of the
    salesperson's invoices of the year due by the month's last day; 1 with none due),
    ``invoices_due`` (how many there are) and the ``coefficient`` the matrix gives."""

    completion: Quantity
    collection_rate: Fraction
    invoices_due: NonNegativeInt
    coefficient: Fraction


def _portfolio_factor(overdue: OverdueReading | None, matrix: MatrixReading | None) -> Fraction:
    """The overdue multiplier times the matrix coefficient, 1 for a rule not in force: the
    factor the engine multiplies a month's rise in entitlement by."""
    multiplier = overdue.multiplier if overdue is not None else Fraction(1)
    return multiplier * (matrix.coefficient if matrix is not None else Fraction(1))


_MONEY: Final = ColumnType.MONEY
_DECIMAL: Final = ColumnType.DECIMAL
_INT: Final = ColumnType.INT
_TEXT: Final = ColumnType.TEXT


def _exact_columns(name: str, what: str) -> tuple[Column, Column]:
    """An exact figure as two columns: its decimal (``None`` when it has no exact one of
    at most 18 places) and its exact text (``0.75``, ``5500/3``)."""
    return (
        Column(name, _DECIMAL, f"{what} (None when it has no exact decimal)"),
        Column(f"{name}_text", _TEXT, f"{what}, exactly: a decimal or numerator/denominator"),
    )


def _exact_cells(value: Fraction | None) -> tuple[Decimal | None, str | None]:
    if value is None:
        return (None, None)
    _, decimal, _, _, _, text = encode_value(value)
    return (decimal, text)


#: ``totals``: one row per statement.
STATEMENT_TOTALS: Final = TableSchema(
    "totals",
    (
        *STATEMENT_KEYS,
        Column("policy_id", _TEXT, "the collection policy"),
        Column("total", _MONEY, "the sum of the lines: this month's pay"),
        Column("already_paid", _MONEY, "what an earlier run of the month paid on the lines"),
        Column("due", _MONEY, "total − already paid (negative: paid too much)"),
        Column("released", _MONEY, "commission released net of clawbacks (before reserve)"),
        Column("performance_deduction", _MONEY, "credited performance cut for aging"),
        *_exact_columns("portfolio_factor", "overdue multiplier × matrix coefficient"),
        Column("reserve", _MONEY, "the reserve balance carried to next month"),
        Column("to_recover", _MONEY, "clawbacks still to recover, carried to next month"),
        Column("lines", _INT, "how many lines"),
        Column("findings", _INT, "how many findings"),
        Column("violations", _INT, "how many findings are violations"),
    ),
    "one row per statement: its totals and the state carried out",
)
#: ``lines``: one row per statement line.
LINES: Final = TableSchema(
    "lines",
    (
        *STATEMENT_KEYS,
        Column("line", _INT, "the line's place on the statement (from 1)"),
        LINE_ID,
        Column("kind", _TEXT, "what the line is (a CollectionLineKind)"),
        Column("invoice_id", _TEXT, "the invoice it is about (None: not an invoice line)"),
        Column("amount", _MONEY, "the line's effect on this month's pay"),
        Column("already_paid", _MONEY, "what an earlier run of the month paid on it"),
        Column("due", _MONEY, "amount − already paid"),
        Column("label", _TEXT, "what the line is, in the locale"),
        Column("clause", _TEXT, "the policy clause or article it applies (None: none)"),
    ),
    "one row per line, in statement order",
)
#: ``performance``: one row per invoice whose credited performance aging cuts.
PERFORMANCE: Final = TableSchema(
    "performance",
    (
        *STATEMENT_KEYS,
        Column("invoice_id", _TEXT, "the invoice"),
        Column("net_amount", _MONEY, "its amount less credit notes"),
        Column("open_balance", _MONEY, "what is still open on it"),
        Column("days_overdue", _INT, "days past its due date on the month's last day"),
        *_exact_columns("rate", "the aging table's rate for those days"),
        Column("deduction", _MONEY, "rate × open balance, rounded to the fen"),
        Column("credited", _MONEY, "the performance it still credits: net − deduction"),
    ),
    "one row per performance deduction (aging)",
)
#: ``overdue``: the weighted overdue index read (no row without an overdue rule).
OVERDUE: Final = TableSchema(
    "overdue",
    (
        *STATEMENT_KEYS,
        *_exact_columns("overdue_weighted", "Σ overdue amount × days overdue"),
        *_exact_columns("receivable_weighted", "Σ open receivable × credit days"),
        *_exact_columns("index", "the weighted overdue index (None when unbounded)"),
        Column("unbounded", ColumnType.BOOL, "money overdue with nothing open on credit terms"),
        *_exact_columns("multiplier", "the rule's multiplier for the index"),
    ),
    "one row per statement whose policy has an overdue rule",
)
#: ``matrix``: the completion × collection-rate coefficient read.
MATRIX: Final = TableSchema(
    "matrix",
    (
        *STATEMENT_KEYS,
        Column("completion", _DECIMAL, "the target completion given"),
        *_exact_columns("collection_rate", "collected ÷ net amount of the invoices due"),
        Column("invoices_due", _INT, "how many invoices of the year are due"),
        *_exact_columns("coefficient", "the matrix's coefficient"),
    ),
    "one row per statement whose policy has a completion × collection matrix",
)
#: ``accounts``: the invoice accounts carried to next month.
ACCOUNTS: Final = TableSchema(
    "accounts",
    (
        *STATEMENT_KEYS,
        Column("invoice_id", _TEXT, "the invoice"),
        Column("settled", _MONEY, "entitlement dealt with so far"),
        Column("released", _MONEY, "of which released to the salesperson"),
        Column("layers", _INT, "how many monthly layers it keeps"),
    ),
    "one row per invoice account of the state carried out",
)
#: ``advances``: the salesperson's advances still to be refunded.
ADVANCES: Final = TableSchema(
    "advances",
    (
        *STATEMENT_KEYS,
        Column("expense_id", _TEXT, "the relationship expense"),
        Column("customer", _TEXT, "the customer"),
        Column("amount", _MONEY, "the advance still to be refunded"),
    ),
    "one row per advance outstanding in the state carried out",
)
#: ``reserve_parts``: the reserve carried to next month, by part (the shape the
#: ``reserve_parts`` input table of :func:`~hrpolicy.tables.read_collection_inputs` reads).
RESERVE_PARTS: Final = TableSchema(
    "reserve_parts",
    (
        *STATEMENT_KEYS,
        Column("part_id", _TEXT, "the reserve part"),
        Column("amount", _MONEY, "held in the part"),
        Column("withheld_in.year", _INT, "the year of the month withheld, if recorded"),
        Column("withheld_in.month", _INT, "the month withheld, if recorded"),
        Column("rate", _TEXT, "the part's rate when withheld, if recorded"),
        Column("horizon", _TEXT, "the release horizon withheld under, if recorded"),
        Column("months", _INT, "months after withholding it is released, if recorded"),
    ),
    "one row per reserve holding of the state carried out",
)
_STATEMENT_TABLES: Final = (
    STATEMENT_TOTALS,
    LINES,
    PERFORMANCE,
    OVERDUE,
    MATRIX,
    ACCOUNTS,
    ADVANCES,
    RESERVE_PARTS,
    STEPS.keyed((*STATEMENT_KEYS, LINE_ID)),
    STEP_INPUTS.keyed((*STATEMENT_KEYS, LINE_ID)),
    FINDINGS.keyed(STATEMENT_KEYS),
    FINDING_PARAMS.keyed(STATEMENT_KEYS),
)


def _statement_tables(statement: CollectionStatement, locale: str) -> Mapping[str, Table]:
    head = statement.key_values
    state = statement.state_out
    totals = (
        *head,
        statement.policy.policy_id,
        statement.total,
        statement.already_paid,
        statement.due,
        statement.released,
        statement.performance_deduction,
        *_exact_cells(statement.portfolio_factor),
        state.reserve,
        state.to_recover,
        len(statement.lines),
        len(statement.findings),
        len(statement.violations()),
    )
    lines = statement.lines_table(
        LINES,
        lambda number, line: (
            number,
            line.line_id,
            line.kind.value,
            line.invoice_id,
            line.amount,
            line.already_paid,
            line.due,
            line.label.in_locale(locale),
            line.clause or None,
        ),
    )
    performance = [
        (
            *head,
            p.invoice_id,
            p.net_amount,
            p.open_balance,
            p.days_overdue,
            *_exact_cells(p.rate),
            p.deduction,
            p.credited,
        )
        for p in statement.performance
    ]
    reading = statement.overdue
    overdue = (
        []
        if reading is None
        else [
            (
                *head,
                *_exact_cells(reading.overdue_weighted),
                *_exact_cells(reading.receivable_weighted),
                *_exact_cells(reading.index),
                reading.unbounded,
                *_exact_cells(reading.multiplier),
            )
        ]
    )
    read = statement.matrix
    matrix = (
        []
        if read is None
        else [
            (
                *head,
                read.completion,
                *_exact_cells(read.collection_rate),
                read.invoices_due,
                *_exact_cells(read.coefficient),
            )
        ]
    )

    def explained() -> Mapping[str, Table]:
        explanation = explanation_tables(
            statement.explanation, keys=STATEMENT_KEYS, values=head, locale=locale
        )
        owners = statement.step_lines(statement.steps)
        return key_steps(explanation, len(head), LINE_ID, owners)

    own = {
        "totals": Table.build(STATEMENT_TOTALS, [totals]),
        "lines": lines,
        "performance": Table.build(PERFORMANCE, performance),
        "overdue": Table.build(OVERDUE, overdue),
        "matrix": Table.build(MATRIX, matrix),
        "accounts": Table.build(
            ACCOUNTS,
            [(*head, a.invoice_id, a.settled, a.released, len(a.layers)) for a in state.accounts],
        ),
        "advances": Table.build(
            ADVANCES, [(*head, a.expense_id, a.customer, a.amount) for a in state.advances]
        ),
        "reserve_parts": Table.build(
            RESERVE_PARTS,
            [
                (
                    *head,
                    h.part_id,
                    h.amount,
                    h.withheld_in.year if h.withheld_in else None,
                    h.withheld_in.month if h.withheld_in else None,
                    str(h.rate) if h.rate else None,
                    h.horizon.value if h.horizon else None,
                    h.months,
                )
                for h in state.reserve_parts
            ],
        ),
    }
    names = ("steps", "step_inputs", "findings", "finding_params")
    return tables_of(own, lazy_group(explained, names))


def team_tables(
    statements: Iterable[CollectionStatement], locale: str = "en"
) -> Mapping[str, Table]:
    """The tables of a team's statements (what :func:`~hrpolicy.collection.settle_team`
    returns) stacked in order, keyed by employee and period: the same tables, with the
    same columns, as :meth:`CollectionStatement.tables` — empty ones for no statement.

    Args:
        statements: the statements, a list or tuple of :class:`CollectionStatement`.
        locale (optional): ``"en"`` (the default) or ``"zh_CN"``, for labels and messages.

    Returns:
        The tables by name, each a :class:`~hrpolicy.core.records.Table`.

    Raises:
        InvalidTypeError: an item is not a :class:`CollectionStatement`.
    """
    parts = []
    for index, statement in enumerate(statements):
        if not isinstance(statement, CollectionStatement):
            raise InvalidTypeError(f"statements[{index}]", "a CollectionStatement", statement)
        parts.append(_statement_tables(statement, locale))
    empty = {schema.name: Table(schema) for schema in _STATEMENT_TABLES}
    return merge_tables([empty, *parts])


_TITLE: Final = Label("回款提成结算单", "Collection-linked commission statement")
_EMPLOYEE: Final = Label("员工", "employee")
_PERIOD: Final = Label("期间", "period")
_TOTAL: Final = Label("本月合计", "total this month")
_RESERVE: Final = Label("风险金余额", "reserve balance")
_RECOVER: Final = Label("待扣回", "still to recover")
_PAID: Final = Label("此前已发", "already paid")
_DUE: Final = Label("本次应补发", "due now")


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class CollectionStatement(StatementLines[CollectionLine], Displayable):
    """One salesperson's collection-linked pay for one month.

    It holds its inputs (policy, period, receivables, inputs with the state carried in),
    the lines, every step in order (the lines' own steps included), the findings, the
    credited-performance deductions (aging) and ``state_out`` — the state to pass to next
    month's statement. Recomputing from the same inputs gives an equal statement.

    The portfolio coefficients the month applied are figures of their own: ``overdue``
    (the weighted overdue index and its multiplier) and ``matrix`` (the collection rate
    and the completion × collection coefficient), each ``None`` when the policy version in
    force on the month's last day has no such rule.
    """

    policy: CollectionPolicy
    period: Period
    employee: Text
    receivables: Receivables
    inputs: CollectionInputs
    lines: tuple[CollectionLine, ...]
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]
    performance: tuple[PerformanceDeduction, ...]
    state_out: CollectionState
    overdue: OverdueReading | None
    matrix: MatrixReading | None

    @property
    def released(self) -> Decimal:
        """Commission released on invoices this month, net of clawbacks (before reserve)."""
        kinds = (CollectionLineKind.RELEASE, CollectionLineKind.CLAWBACK)
        return money_sum(line.amount for line in self.lines if line.kind in kinds)

    @property
    def performance_deduction(self) -> Decimal:
        """The total cut in credited performance for aging receivables."""
        return money_sum(p.deduction for p in self.performance)

    @property
    def portfolio_factor(self) -> Fraction:
        """The overdue multiplier times the matrix coefficient (1 without either rule):
        what a rise in entitlement was multiplied by this month."""
        return _portfolio_factor(self.overdue, self.matrix)

    @property
    def explanation(self) -> Explanation:
        """Every step in the order the engine took it (each line's steps included), then
        the findings."""
        return Explanation(self.steps, self.findings)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The statement as tables, each row keyed by employee and period: ``totals`` (one
        row), ``lines``, ``performance`` (aging), the readings ``overdue`` and ``matrix``
        (a row each when the policy has the rule), the state carried out (``accounts``,
        ``advances``), then the explanation tables (``steps`` and ``step_inputs`` say which
        line a step explains in ``line_id``).

        >>> from hrpolicy.collection.examples import example_bad_debt
        >>> january, *_ = example_bad_debt()
        >>> [(row["line_id"], row["amount"]) for row in january.to_records("lines")]
        [('release/A-01', Decimal('3000.00')), ('reserve#withheld', Decimal('-300.00'))]
        >>> january.to_records("totals")[0]["reserve"]
        Decimal('300.00')
        """
        return _statement_tables(self, locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_EMPLOYEE, self.employee),
            (_PERIOD, str(self.period)),
            *((line.label, Amount(line.amount)) for line in self.lines),
            (_TOTAL, Amount(self.total)),
            *(
                ((_PAID, Amount(self.already_paid)), (_DUE, Amount(self.due)))
                if any(line.already_paid for line in self.lines)
                else ()
            ),
            (_RESERVE, Amount(self.state_out.reserve)),
            (_RECOVER, Amount(self.state_out.to_recover)),
        )
        return View(_TITLE, summary, self.explanation)


#: The tables of each result, in the order its ``tables()`` gives them: enough to build
#: an empty frame with the right columns. A team's statements (:func:`team_tables`) have
#: the tables of one statement.
RESULT_TABLES: Final[dict[type, tuple[TableSchema, ...]]] = {
    CollectionStatement: _STATEMENT_TABLES,
    RecoverySchedule: RECOVERY_TABLES,
}

# Parts of results: written with every field, null where missing.
write_in_full(CollectionLine, PerformanceDeduction, OverdueReading, MatrixReading)
