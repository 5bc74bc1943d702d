"""What the expenses engine returns: one salesperson's expense month settled — each lump
sum with its saving kept or overspend borne, each claim reimbursed to its standards,
each visit plan's advances, the reconciliation of the advances against the claims and
how a balance owed is recovered from wages — an immutable snapshot that explains itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import write_in_full
from hrpolicy.core.display import Displayable, SummaryValue, View, amount
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Explanation, Finding
from hrpolicy.core.label import Label
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
    explanation_tables,
    tables_of,
)
from hrpolicy.core.recovery import RECOVERY_MONTHS, RecoverySchedule
from hrpolicy.expenses.model import ExpenseCase
from hrpolicy.expenses.policy import Basis, ExpensePolicy

__all__ = [
    "CLAIM_STATUSES",
    "EXPENSE_CLAIMS",
    "EXPENSE_LUMP_SUMS",
    "EXPENSE_PLANS",
    "EXPENSE_RECOVERY",
    "EXPENSE_TOTALS",
    "RESULT_TABLES",
    "ClaimLine",
    "ClaimStatus",
    "ExpenseStatement",
    "LumpSumLine",
    "PlanLine",
]


class ClaimStatus(Choice):
    """What became of one expense.

    - ``COVERED`` — in a lump sum's category: paid for by the lump sum, not reimbursed;
    - ``REIMBURSABLE`` — reimbursed at cost to the standards;
    - ``AWAITING_APPROVAL`` — reimbursable to the standards once a sign-off still missing
      is given (held back meanwhile);
    - ``NO_STANDARD`` — no lump sum or standard covers the category: not reimbursed;
    - ``NO_RECEIPT`` — no receipt, and reimbursement at cost needs one: not reimbursed.
    """

    COVERED = "covered"
    REIMBURSABLE = "reimbursable"
    AWAITING_APPROVAL = "awaiting_approval"
    NO_STANDARD = "no_standard"
    NO_RECEIPT = "no_receipt"


#: Each claim status in both languages.
CLAIM_STATUSES: Final[Mapping[ClaimStatus, Label]] = {
    ClaimStatus.COVERED: Label("包干内", "covered by a lump sum"),
    ClaimStatus.REIMBURSABLE: Label("可报销", "reimbursable"),
    ClaimStatus.AWAITING_APPROVAL: Label("待审批", "awaiting approval"),
    ClaimStatus.NO_STANDARD: Label("无标准", "no standard"),
    ClaimStatus.NO_RECEIPT: Label("无票据", "no receipt"),
}


@attrs.frozen
class LumpSumLine:
    """One lump sum for the month: its ``ref`` and ``basis``, the ``units`` sold it is paid
    for (``None`` for a monthly sum), the ``allowance`` paid, what was ``spent`` on its
    categories in the month, the ``saving`` kept and the ``overspend`` borne (one of the
    two is 0)."""

    ref: str
    basis: Basis
    units: Decimal | None
    allowance: Decimal
    spent: Decimal
    saving: Decimal
    overspend: Decimal


@attrs.frozen
class ClaimLine:
    """One expense: its id, category and day, the ``amount`` spent, the ``allowed`` amount
    under the standards (0 unless reimbursable or awaiting approval), the part
    ``not_reimbursed`` and its ``status``."""

    expense: str
    category: str
    on: date
    amount: Decimal
    allowed: Decimal
    not_reimbursed: Decimal
    status: ClaimStatus


@attrs.frozen
class PlanLine:
    """One weekly visit plan: its week, ``budget``, whether it was approved, the advances
    drawn against it (outstanding) and the part of them above the budget."""

    week: str
    budget: Decimal
    approved: bool
    advanced: Decimal
    above_budget: Decimal


@attrs.frozen
class ExpenseStatement(Displayable):
    """One salesperson's expense month settled.

    - ``case`` — the month settled (read back from plain data, the statement is computed
      afresh from it and ``policy``, and refused where a stored figure differs);
      ``salesperson`` and ``period`` are the case's, ``policy`` the rules settled under;
    - ``lump_sums``, ``claims`` and ``plans`` — one line each;
    - ``recovery`` — how an advance balance owed is recovered from wages (``None`` when
      nothing is, or no wage month is given).

    Totals (CNY): ``lump_sums_paid``; ``reimbursable`` (claims cleared) and
    ``awaiting_approval`` (claims held for a sign-off); ``advances`` outstanding, of which
    ``set_off`` against the reimbursable claims; ``reimbursement_due`` = reimbursable −
    set off, which is ``reimbursement_paid`` + ``held_for_target`` + ``forfeited``;
    ``advance_balance`` = advances − set off, which is ``covered_by_pending`` (claims
    awaiting approval) + ``recovered_from_wages`` + ``advance_carried``; ``paid_now`` =
    lump sums + reimbursement paid.
    """

    case: ExpenseCase
    policy: ExpensePolicy
    salesperson: str
    period: Period
    lump_sums: tuple[LumpSumLine, ...]
    claims: tuple[ClaimLine, ...]
    plans: tuple[PlanLine, ...]
    recovery: RecoverySchedule | None
    lump_sums_paid: Decimal
    reimbursable: Decimal
    awaiting_approval: Decimal
    advances: Decimal
    set_off: Decimal
    reimbursement_due: Decimal
    reimbursement_paid: Decimal
    held_for_target: Decimal
    forfeited: Decimal
    advance_balance: Decimal
    covered_by_pending: Decimal
    recovered_from_wages: Decimal
    advance_carried: Decimal
    paid_now: Decimal
    explanation: Explanation

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, in order."""
        return self.explanation.findings

    def claim(self, expense: str) -> ClaimLine:
        """The line of expense ``expense``; another id is an
        :class:`~hrpolicy.core.errors.InvalidValueError` listing the ids."""
        for line in self.claims:
            if line.expense == expense:
                return line
        raise InvalidValueError(
            "expense", "one of " + ", ".join(c.expense for c in self.claims), expense
        )

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``lump_sums``, ``claims``, ``plans``, ``recovery`` (one
        row per wage month of the schedule), then the explanation tables, every row
        starting with the salesperson and the month. See :data:`RESULT_TABLES`."""
        head = (self.salesperson, str(self.period))
        own = {
            "totals": Table.build(EXPENSE_TOTALS, [(*head, *_totals(self))]),
            "lump_sums": Table.build(
                EXPENSE_LUMP_SUMS,
                [
                    (
                        *head,
                        s.ref,
                        s.basis.value,
                        s.units,
                        s.allowance,
                        s.spent,
                        s.saving,
                        s.overspend,
                    )
                    for s in self.lump_sums
                ],
            ),
            "claims": Table.build(
                EXPENSE_CLAIMS,
                [
                    (
                        *head,
                        c.expense,
                        c.category,
                        c.on,
                        c.amount,
                        c.allowed,
                        c.not_reimbursed,
                        c.status.value,
                    )
                    for c in self.claims
                ],
            ),
            "plans": Table.build(
                EXPENSE_PLANS,
                [
                    (*head, p.week, p.budget, p.approved, p.advanced, p.above_budget)
                    for p in self.plans
                ],
            ),
            "recovery": Table.build(EXPENSE_RECOVERY, self._recovery_rows()),
        }
        explained = explanation_tables(self.explanation, keys=_KEYS, values=head, locale=locale)
        return tables_of(own, explained)

    def _recovery_rows(self) -> list[tuple[object, ...]]:
        if self.recovery is None:
            return []
        months = {str(m.period): m.period for m in self.case.pay_months}
        return [
            (
                self.salesperson,
                str(self.period),
                m.month,
                months[m.month].first_day,
                months[m.month].last_day,
                m.wage,
                m.minimum_wage,
                m.cap,
                m.already_deducted,
                m.recovered,
                m.remaining,
            )
            for m in self.recovery.months
        ]

    def _view(self) -> View:
        rows: list[tuple[Label, SummaryValue]] = [
            (Label("业务员", "salesperson"), self.salesperson),
            (Label("月份", "month"), str(self.period)),
            (Label("包干", "lump sums"), amount(self.lump_sums_paid)),
            (Label("可报销", "reimbursable"), amount(self.reimbursable)),
        ]
        if self.awaiting_approval:
            rows.append((Label("待审批", "awaiting approval"), amount(self.awaiting_approval)))
        rows += [
            (Label("借支", "advances"), amount(self.advances)),
            (Label("借支冲抵", "set off against advances"), amount(self.set_off)),
            (Label("应付报销", "reimbursement due"), amount(self.reimbursement_due)),
        ]
        if self.held_for_target:
            rows.append((Label("暂缓支付", "held for the target"), amount(self.held_for_target)))
        if self.forfeited:
            rows.append((Label("不予支付", "forfeited"), amount(self.forfeited)))
        if self.advance_balance:
            rows += [
                (Label("借支余额", "advance balance owed"), amount(self.advance_balance)),
                (Label("从工资扣回", "recovered from wages"), amount(self.recovered_from_wages)),
                (Label("结转", "carried"), amount(self.advance_carried)),
            ]
        rows.append((Label("本月支付", "paid now"), amount(self.paid_now)))
        return View(
            Label("费用结算", "Expenses settled"),
            tuple(rows),
            self.explanation,
        )


# --- tables ----------------------------------------------------------------------------


_SALESPERSON: Final = Column("salesperson", ColumnType.TEXT, "the salesperson's id")
_MONTH: Final = Column("period", ColumnType.TEXT, "the month settled (2026-03)")
_KEYS: Final = (_SALESPERSON, _MONTH)


def _money(name: str, doc: str) -> Column:
    return Column(name, ColumnType.MONEY, doc)


def _text(name: str, doc: str) -> Column:
    return Column(name, ColumnType.TEXT, doc)


#: The totals of a statement: one row.
EXPENSE_TOTALS: Final = TableSchema(
    "totals",
    (
        *_KEYS,
        _text("policy", "the options in force (their summary, in English)"),
        _money("lump_sums_paid", "the lump sums paid"),
        _money("reimbursable", "the claims reimbursable to their standards"),
        _money("awaiting_approval", "claims held back for a missing sign-off"),
        _money("advances", "the advances outstanding"),
        _money("set_off", "advances set off against reimbursable claims"),
        _money("reimbursement_due", "reimbursable − set off"),
        _money("reimbursement_paid", "the reimbursement paid this month"),
        _money("held_for_target", "held until a month the base target is met"),
        _money("forfeited", "forfeited (by option) for the unmet target"),
        _money("advance_balance", "advances − set off: owed by the salesperson"),
        _money("covered_by_pending", "of it, covered by claims awaiting approval"),
        _money("recovered_from_wages", "of it, recovered from wages under the cap"),
        _money("advance_carried", "of it, carried"),
        _money("paid_now", "lump sums + reimbursement paid"),
    ),
    "one row: the statement's totals",
)
#: One row per lump sum.
EXPENSE_LUMP_SUMS: Final = TableSchema(
    "lump_sums",
    (
        *_KEYS,
        _text("lump_sum", "the lump sum's ref"),
        _text("basis", "the Basis value (month or unit)"),
        Column("units", ColumnType.DECIMAL, "the units sold it is paid for (None: monthly)"),
        _money("allowance", "the lump sum paid"),
        _money("spent", "spent on its categories in the month"),
        _money("saving", "kept by the salesperson"),
        _money("overspend", "borne by the salesperson, never deducted from wages"),
    ),
    "one row per lump sum, in the policy's order",
)
#: One row per expense.
EXPENSE_CLAIMS: Final = TableSchema(
    "claims",
    (
        *_KEYS,
        _text("expense", "the expense's id"),
        _text("category", "its category"),
        Column("on", ColumnType.DATE, "the day it was spent"),
        _money("amount", "what was spent"),
        _money("allowed", "reimbursable to the standards"),
        _money("not_reimbursed", "amount − allowed"),
        _text("status", "the ClaimStatus value"),
    ),
    "one row per expense, by day then id",
)
#: One row per visit plan.
EXPENSE_PLANS: Final = TableSchema(
    "plans",
    (
        *_KEYS,
        _text("week", "the plan's week"),
        _money("budget", "the plan's expense budget"),
        Column("approved", ColumnType.BOOL, "whether a manager approved it"),
        _money("advanced", "advances outstanding drawn against it"),
        _money("above_budget", "advances above the budget"),
    ),
    "one row per visit plan, by week",
)
#: The recovery schedule of an advance balance: the columns of
#: :data:`hrpolicy.core.recovery.RECOVERY_MONTHS`, keyed by the salesperson and month.
EXPENSE_RECOVERY: Final = TableSchema(
    "recovery",
    (*_KEYS, *RECOVERY_MONTHS.columns),
    "one row per wage month of the schedule, in order",
)

#: Every table of the result, in the order :meth:`ExpenseStatement.tables` gives them.
RESULT_TABLES: Final[Mapping[type, tuple[TableSchema, ...]]] = {
    ExpenseStatement: (
        EXPENSE_TOTALS,
        EXPENSE_LUMP_SUMS,
        EXPENSE_CLAIMS,
        EXPENSE_PLANS,
        EXPENSE_RECOVERY,
        *(s.keyed(_KEYS) for s in (STEPS, STEP_INPUTS, FINDINGS, FINDING_PARAMS)),
    ),
}


def _totals(s: ExpenseStatement) -> tuple[object, ...]:
    return (
        s.policy.summary().en,
        s.lump_sums_paid,
        s.reimbursable,
        s.awaiting_approval,
        s.advances,
        s.set_off,
        s.reimbursement_due,
        s.reimbursement_paid,
        s.held_for_target,
        s.forfeited,
        s.advance_balance,
        s.covered_by_pending,
        s.recovered_from_wages,
        s.advance_carried,
        s.paid_now,
    )


# Parts of results: written with every field, null where missing.
write_in_full(LumpSumLine, ClaimLine, PlanLine)
