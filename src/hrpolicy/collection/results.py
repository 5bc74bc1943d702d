"""What the collection engine returns: a month's statement for one salesperson, and a
recovery schedule — immutable snapshots that explain every line."""

from __future__ import annotations

import functools
import sys
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from hrpolicy.collection.model import CollectionInputs, CollectionState, Receivables
from hrpolicy.collection.policy import CollectionPolicy
from hrpolicy.core.choice import Choice
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
from hrpolicy.core.statement import PaidMixin, StatementLines, steps_in_one_line

__all__ = [
    "CollectionLine",
    "CollectionLineKind",
    "CollectionStatement",
    "MatrixReading",
    "OverdueReading",
    "PerformanceDeduction",
    "RecoveryMonth",
    "RecoverySchedule",
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

    def to_record(self, locale: str = "en") -> dict[str, object]:
        """A flat row for this line."""
        return {
            "line_id": self.line_id,
            "kind": self.kind.value,
            "invoice_id": self.invoice_id,
            "amount": self.amount,
            "already_paid": self.already_paid,
            "due": self.due,
            "label": self.label.in_locale(locale),
            "clause": self.clause,
            "explanation": steps_in_one_line(self.steps, locale),
        }


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


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class RecoveryMonth:
    """One month of a recovery schedule: its label, the wage and minimum wage given, the
    cap they allow, what the month recovers and what remains after it."""

    month: Text
    wage: NonNegativeMoney
    minimum_wage: NonNegativeMoney
    cap: NonNegativeMoney
    recovered: NonNegativeMoney
    remaining: NonNegativeMoney


_SCHEDULE_TITLE: Final = Label("扣回计划", "Recovery schedule")


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class RecoverySchedule(Displayable):
    """How an amount is recovered from wages month by month under WPP Art. 16."""

    amount: NonNegativeMoney
    months: tuple[RecoveryMonth, ...]
    steps: tuple[Step, ...]

    @property
    def recovered(self) -> Decimal:
        """What the months recover in total."""
        return money_sum(m.recovered for m in self.months)

    @property
    def remaining(self) -> Decimal:
        """What is left after the last month."""
        return self.months[-1].remaining if self.months else self.amount

    def to_records(self, locale: str = "en") -> list[dict[str, object]]:
        """One row per month."""
        return [attrs.asdict(m) for m in self.months]

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (Label("应扣回", "to recover"), Amount(self.amount)),
            *((Label(m.month, m.month), Amount(m.recovered)) for m in self.months),
            (Label("尚余", "remaining"), Amount(self.remaining)),
        )
        return View(_SCHEDULE_TITLE, summary, Explanation(self.steps))
