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
    explanation_tables,
    tables_of,
)
from hrpolicy.core.recovery import RECOVERY_MONTHS, RecoverySchedule
from hrpolicy.expenses.model import (
    Advance,
    ExpenseCase,
    HeldClaim,
    Reimbursed,
    RelationshipPlan,
)
from hrpolicy.expenses.policy import Basis, ExpensePolicy

__all__ = [
    "CLAIM_STATUSES",
    "EXPENSE_ADVANCES",
    "EXPENSE_CLAIMS",
    "EXPENSE_LUMP_SUMS",
    "EXPENSE_PLANS",
    "EXPENSE_RECOVERY",
    "EXPENSE_TOTALS",
    "RESULT_TABLES",
    "AdvanceLine",
    "ClaimLine",
    "ClaimStatus",
    "ExpenseStatement",
    "LumpSumLine",
    "PlanLine",
]


class ClaimStatus(Choice):
    """What became of one expense.

    - ``COVERED`` — in a lump sum's category: paid for by the lump sum, not reimbursed;
    - ``REIMBURSABLE`` — reimbursed at cost to the standards (paid, or set off against
      an advance);
    - ``HELD_FOR_TARGET`` — reimbursable, but the part not set off (``held``) is held
      until a month the base target is met: bring it into that month's case as a
      :class:`~hrpolicy.expenses.model.HeldClaim`;
    - ``FORFEITED`` — reimbursable, but the part not set off is forfeited (by option) for
      the unmet target;
    - ``AWAITING_APPROVAL`` — reimbursable to the standards once a sign-off still missing
      is given (held back meanwhile);
    - ``NO_STANDARD`` — no lump sum or standard covers the category: not reimbursed;
    - ``NO_RECEIPT`` — no receipt, and reimbursement at cost needs one: not reimbursed.
    """

    COVERED = "covered"
    REIMBURSABLE = "reimbursable"
    HELD_FOR_TARGET = "held_for_target"
    FORFEITED = "forfeited"
    AWAITING_APPROVAL = "awaiting_approval"
    NO_STANDARD = "no_standard"
    NO_RECEIPT = "no_receipt"


#: Each claim status in both languages.
CLAIM_STATUSES: Final[Mapping[ClaimStatus, Label]] = {
    ClaimStatus.COVERED: Label("包干内", "covered by a lump sum"),
    ClaimStatus.REIMBURSABLE: Label("可报销", "reimbursable"),
    ClaimStatus.HELD_FOR_TARGET: Label("暂缓支付", "held for the target"),
    ClaimStatus.FORFEITED: Label("不予支付", "forfeited"),
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
    under the standards (0 unless reimbursable, held, forfeited or awaiting approval), the
    part ``not_reimbursed`` (what the salesperson bears: 0 for a claim covered by a lump
    sum, which the lump sum pays for) and its ``status``; of ``allowed``, what was
    ``set_off`` against the advances, ``held`` for the target and ``forfeited``; and
    ``held_in``, the month an earlier statement held it (a held claim brought forward;
    ``None`` otherwise)."""

    expense: str
    category: str
    on: date
    amount: Decimal
    allowed: Decimal
    not_reimbursed: Decimal
    status: ClaimStatus
    set_off: Decimal = attrs.field(default=Decimal("0.00"))
    held: Decimal = attrs.field(default=Decimal("0.00"))
    forfeited: Decimal = attrs.field(default=Decimal("0.00"))
    held_in: Period | None = None

    @property
    def paid(self) -> Decimal:
        """What of the claim is paid this month: allowed − set off − held − forfeited,
        for a claim cleared (0 for one awaiting approval)."""
        if self.status is ClaimStatus.AWAITING_APPROVAL:
            return Decimal("0.00")
        return money_sum((self.allowed, -self.set_off, -self.held, -self.forfeited))


@attrs.frozen
class AdvanceLine:
    """One advance: its id, day and plan week; the ``amount`` drawn, ``repaid`` in cash
    and ``accounted_before`` by earlier statements; the ``outstanding`` rest; whether it
    is ``due`` (its plan's week ended, plus the policy's days to reconcile, by the
    month's end) and the day it ``falls_due``; of the outstanding, what was ``set_off``
    against claims, ``covered_by_pending`` claims awaiting approval, ``lump_sum_set_off``
    against the lump sums, ``scheduled`` for recovery from wages and ``carried``
    (``open``: not yet due); ``accounted`` — what the next month's case states as its
    ``accounted_before`` (earlier + set off + lump sums + scheduled)."""

    advance: str
    on: date
    plan_week: str
    amount: Decimal
    repaid: Decimal
    accounted_before: Decimal
    outstanding: Decimal
    due: bool
    falls_due: date
    set_off: Decimal
    covered_by_pending: Decimal
    lump_sum_set_off: Decimal
    scheduled: Decimal
    carried: Decimal

    @property
    def accounted(self) -> Decimal:
        """What earlier statements and this one accounted for."""
        return money_sum(
            (self.accounted_before, self.set_off, self.lump_sum_set_off, self.scheduled)
        )

    @property
    def remainder(self) -> Decimal:
        """What is left to account for in a later month."""
        return money_sum((self.covered_by_pending, self.carried))


@attrs.frozen
class PlanLine:
    """One weekly visit plan: its week, ``budget``, whether it was approved, the advances
    drawn against it (``advanced``: the amounts drawn, whatever was repaid since), the
    part of them above the budget, and what of them is still ``outstanding``."""

    week: str
    budget: Decimal
    approved: bool
    advanced: Decimal
    above_budget: Decimal
    outstanding: Decimal = attrs.field(default=Decimal("0.00"))


@attrs.frozen
class ExpenseStatement(Displayable):
    """One salesperson's expense month settled.

    - ``case`` — the month settled (read back from plain data, the statement is computed
      afresh from it and ``policy``, and refused where a stored figure differs);
      ``salesperson`` and ``period`` are the case's, ``policy`` the rules settled under;
    - ``lump_sums``, ``claims``, ``plans`` and ``advance_lines`` — one line each;
    - ``recovery`` — how an advance balance owed is recovered from wages (``None`` when
      nothing is, or no wage month is given).

    Totals (CNY): ``lump_sums_paid``; ``reimbursable`` (claims cleared) and
    ``awaiting_approval`` (claims held for a sign-off); ``advances`` outstanding, of which
    ``set_off`` against the reimbursable claims; ``reimbursement_due`` = reimbursable −
    set off, which is ``reimbursement_paid`` + ``held_for_target`` + ``forfeited``;
    ``advance_balance`` = advances − set off, which is ``covered_by_pending`` (claims
    awaiting approval) + ``lump_sum_set_off`` (set against the lump sums) +
    ``recovered_from_wages`` (scheduled from the wage months, of which
    ``recovered_this_month`` from this month's wage) + ``advance_carried`` (of which
    ``advance_open``: advances not yet due); ``paid_now`` = lump sums − lump-sum set-off +
    reimbursement paid.

    The next month's case takes :meth:`next_advances`, :meth:`next_held_claims`,
    :meth:`next_reimbursed` and :meth:`next_relationship_plans` from this statement, so
    nothing is paid or recovered twice.
    """

    case: ExpenseCase
    policy: ExpensePolicy
    salesperson: str
    period: Period
    lump_sums: tuple[LumpSumLine, ...]
    claims: tuple[ClaimLine, ...]
    plans: tuple[PlanLine, ...]
    advance_lines: tuple[AdvanceLine, ...]
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
    lump_sum_set_off: Decimal
    recovered_from_wages: Decimal
    recovered_this_month: Decimal
    advance_carried: Decimal
    advance_open: Decimal
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

    def advance(self, advance: str) -> AdvanceLine:
        """The line of advance ``advance``; another id is an
        :class:`~hrpolicy.core.errors.InvalidValueError` listing the ids."""
        for line in self.advance_lines:
            if line.advance == advance:
                return line
        raise InvalidValueError(
            "advance", "one of " + ", ".join(a.advance for a in self.advance_lines), advance
        )

    def next_advances(self) -> tuple[Advance, ...]:
        """The advances the next month's case restates: each advance with something left
        to account for, its ``accounted_before`` what this and earlier statements
        accounted for (set off, set against lump sums, scheduled from wages). The wage
        deductions scheduled for later months are stated there as the pay months'
        ``already_deducted``.

        >>> from hrpolicy.expenses.examples import advance_reconciled_case
        >>> case = advance_reconciled_case()
        >>> import attrs
        >>> may = attrs.evolve(case, pay_months=case.pay_months[:1]).settle()
        >>> [(a.id, a.accounted_before) for a in may.next_advances()]
        [('A2', Decimal('540.00'))]
        """
        given = {a.id: a for a in self.case.advances}
        return tuple(
            attrs.evolve(given[line.advance], accounted_before=line.accounted)
            for line in self.advance_lines
            if line.remainder
        )

    def next_held_claims(self) -> tuple[HeldClaim, ...]:
        """The claims held for the target, as the next month's case states them (each
        to be paid once, as it stands)."""
        return tuple(
            HeldClaim(
                expense=line.expense,
                category=line.category,
                on=line.on,
                held_in=line.held_in or self.period,
                amount=line.held,
            )
            for line in self.claims
            if line.held
        )

    def next_relationship_plans(self) -> tuple[RelationshipPlan, ...]:
        """The relationship-building plans as the next month's case states them: each
        ``charged_before`` what this and earlier statements charged to it (reimbursed
        or held for the target)."""
        charged = {e.id: e.relationship_plan for e in self.case.expenses}
        return tuple(
            attrs.evolve(
                plan,
                charged_before=money_sum(
                    (
                        plan.charged_before,
                        *(
                            c.allowed
                            for c in self.claims
                            if charged.get(c.expense) == plan.id and c.status in _COUNTED
                        ),
                    )
                ),
            )
            for plan in self.case.relationship_plans
        )

    def next_reimbursed(self) -> tuple[Reimbursed, ...]:
        """What was reimbursed (or held for the target) per category and month, this
        statement's ``reimbursed_before`` rows added in: the next month's case states
        them, so a late claim never gets a monthly cap afresh."""
        used: dict[tuple[str, Period], Decimal] = {
            (r.category, r.month): r.amount for r in self.case.reimbursed_before
        }
        for line in self.claims:
            if line.held_in is not None or line.status not in _COUNTED:
                continue
            month = Period(year=line.on.year, month=line.on.month)
            key = (line.category, month)
            used[key] = money_sum((used.get(key, Decimal(0)), line.allowed))
        return tuple(
            Reimbursed(category=category, month=month, amount=amount)
            for (category, month), amount in sorted(
                used.items(), key=lambda x: (x[0][1].first_day, x[0][0])
            )
        )

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``lump_sums``, ``claims``, ``plans``, ``advances``,
        ``recovery`` (one row per wage month of the schedule), then the explanation
        tables, every row starting with the salesperson and the month. See :data:`RESULT_TABLES`."""
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
                        c.set_off,
                        c.held,
                        c.forfeited,
                        str(c.held_in) if c.held_in is not None else None,
                    )
                    for c in self.claims
                ],
            ),
            "plans": Table.build(
                EXPENSE_PLANS,
                [
                    (
                        *head,
                        p.week,
                        p.budget,
                        p.approved,
                        p.advanced,
                        p.above_budget,
                        p.outstanding,
                    )
                    for p in self.plans
                ],
            ),
            "advances": Table.build(
                EXPENSE_ADVANCES,
                [
                    (
                        *head,
                        a.advance,
                        a.on,
                        a.plan_week,
                        a.amount,
                        a.repaid,
                        a.accounted_before,
                        a.outstanding,
                        a.due,
                        a.falls_due,
                        a.set_off,
                        a.covered_by_pending,
                        a.lump_sum_set_off,
                        a.scheduled,
                        a.carried,
                        a.accounted,
                    )
                    for a in self.advance_lines
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
            rows.append((Label("借支余额", "advance balance owed"), amount(self.advance_balance)))
            if self.lump_sum_set_off:
                rows.append(
                    (
                        Label("包干冲抵借支", "set against the lump sums"),
                        amount(self.lump_sum_set_off),
                    )
                )
            rows += [
                (
                    Label("计划从工资扣回", "scheduled for recovery from wages"),
                    amount(self.recovered_from_wages),
                ),
                (
                    Label("其中本月工资扣回", "of it, from this month's wage"),
                    amount(self.recovered_this_month),
                ),
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
        _money("lump_sum_set_off", "of it, set against the lump sums"),
        _money("recovered_from_wages", "of it, scheduled for recovery from wages under the cap"),
        _money("recovered_this_month", "of that, from this month's wage"),
        _money("advance_carried", "of it, carried"),
        _money("advance_open", "of the carried, advances not yet due"),
        _money("paid_now", "lump sums − lump-sum set-off + reimbursement paid"),
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
        _money("not_reimbursed", "borne by the salesperson (0 when a lump sum covers it)"),
        _text("status", "the ClaimStatus value"),
        _money("set_off", "of allowed, set off against the advances"),
        _money("held", "of allowed, held for the target"),
        _money("forfeited", "of allowed, forfeited for the target"),
        _text("held_in", "the month an earlier statement held it (None: claimed now)"),
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
        _money("advanced", "the advances drawn against it"),
        _money("above_budget", "advances drawn above the budget"),
        _money("outstanding", "of the advances, still to account for"),
    ),
    "one row per visit plan, by week",
)
#: One row per advance.
EXPENSE_ADVANCES: Final = TableSchema(
    "advances",
    (
        *_KEYS,
        _text("advance", "the advance's id"),
        Column("on", ColumnType.DATE, "the day it was drawn"),
        _text("plan_week", "the visit plan's ISO week"),
        _money("amount", "the amount drawn"),
        _money("repaid", "repaid in cash"),
        _money("accounted_before", "accounted for by earlier statements"),
        _money("outstanding", "amount − repaid − accounted before"),
        Column("due", ColumnType.BOOL, "whether it is due for reconciliation this month"),
        Column("falls_due", ColumnType.DATE, "the day it falls due"),
        _money("set_off", "set off against reimbursable claims"),
        _money("covered_by_pending", "covered by claims awaiting approval"),
        _money("lump_sum_set_off", "set against the lump sums"),
        _money("scheduled", "scheduled for recovery from wages"),
        _money("carried", "carried to a later month"),
        _money("accounted", "the next case's accounted_before"),
    ),
    "one row per advance, by day then id",
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
        EXPENSE_ADVANCES,
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
        s.lump_sum_set_off,
        s.recovered_from_wages,
        s.recovered_this_month,
        s.advance_carried,
        s.advance_open,
        s.paid_now,
    )


#: The statuses whose allowed amount counts against a monthly cap (paid or held: a claim
#: awaiting approval is claimed again, and settled then).
_COUNTED: Final = frozenset({ClaimStatus.REIMBURSABLE, ClaimStatus.HELD_FOR_TARGET})

# Parts of results: written with every field, null where missing.
write_in_full(LumpSumLine, ClaimLine, PlanLine, AdvanceLine)
