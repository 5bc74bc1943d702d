"""The expenses engine: one salesperson's expense month, line by line.

:func:`settle_expenses` settles one :class:`~hrpolicy.expenses.model.ExpenseCase`:

1. every **lump sum** is paid — a fixed sum for the month, or a sum per unit sold
   (rounded half up to the fen once) — and set against what was spent in the month on
   the categories it covers: the salesperson keeps the saving and bears the overspend,
   both stated; an overspend is never deducted from wages (WPP 15);
2. every other expense is **reimbursed at cost to its standards**: the share of the cost
   the standard reimburses (rounded half up to the fen), at most each limit — per claim,
   per day or trip (times the claim's quantity), per calendar month across the
   category's claims dated in it (taken in order of day, then id); without a receipt, or
   without any standard, nothing (each a finding);
   An expense charged to a relationship-building plan is reimbursed at cost against
   the plan's budget (what earlier statements charged to it counted), whatever its
   category; a monthly cap counts what earlier statements reimbursed for the month;
   claims held for the target by an earlier statement are paid as they stand;
3. the **advances** against the weekly visit plans are checked against them (a plan not
   approved, advances drawn above the budget: findings) and **reconciled** against the
   reimbursable claims: the claims first settle the advances (``set_off``, taken from
   the claims by day and id, and given to the advances due first), the rest is the
   reimbursement due;
4. the reimbursement due is paid — unless the policy pays it only in a month the task
   base target is met and it was not: then each claim's part not set off is held (or,
   by option, forfeited), claim by claim;
5. an **advance balance** owed by the salesperson on an advance that is due (its plan's
   week has ended by the month's end, plus the policy's days to reconcile) is set
   against the month's lump sums (by option, the default), then recovered from the wage
   months given, each at most 20 % of the wage and never leaving less than the local
   minimum wage (WPP 16, through :func:`hrpolicy.core.recovery.recovery_schedule`), the
   rest carried; an advance not yet due is carried — always stated in a finding, never
   silently.

Expenses are taken by (day, id), advances by (day, id) and plans by week, so the order
they are given in changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import attrs

from hrpolicy.core.approvals import (
    BUDGET_ABOVE,
    EXPENSE_ABOVE,
    RELATIONSHIP_PLAN,
    ApprovalOutcome,
    ApprovalSubject,
    Fact,
    SignOff,
    check_approvals,
)
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import StepValue, Trail
from hrpolicy.core.fields import argument
from hrpolicy.core.label import label
from hrpolicy.core.money import ZERO, exact, money_sum, round_money
from hrpolicy.core.recovery import RecoverySchedule, recovery_schedule
from hrpolicy.expenses.messages import CATALOG
from hrpolicy.expenses.model import Advance, Expense, ExpenseCase
from hrpolicy.expenses.policy import Basis, ExpensePolicy, LumpSum, Per, Standard, UnmetTarget
from hrpolicy.expenses.results import (
    AdvanceLine,
    ClaimLine,
    ClaimStatus,
    ExpenseStatement,
    LumpSumLine,
    PlanLine,
)
from hrpolicy.law.provisions import provision as p

__all__ = ["settle_expenses"]


def settle_expenses(case: ExpenseCase, policy: ExpensePolicy | None = None) -> ExpenseStatement:
    """Settle one salesperson's expense month.

    Args:
        case: the salesperson, the month, the policy, the expenses, the units sold, the
            base-target outcome, the visit plans, the advances and the wage months.
        policy: the rules to settle under instead of ``case.policy`` (a what-if).

    Returns:
        An :class:`~hrpolicy.expenses.results.ExpenseStatement`: each lump sum with its
        saving or overspend, each expense reimbursed to its standards, each plan's
        advances, the reconciliation and the recovery of a balance owed.

    Raises:
        InvalidTypeError: ``case`` is not an ``ExpenseCase`` or ``policy`` not an
            ``ExpensePolicy``.
        InvalidValueError: an input contradicts another, naming it — an expense or an
            advance after the month (``expenses[0].on``, ``advances[0].on``), an expense
            or advance under a plan the case lacks (``advances[0].plan_week``), a claim
            for an earlier month under a monthly cap with no ``reimbursed_before`` row for
            that month, a ``reimbursed_before`` row not before the month, a lump sum per
            unit with no ``units_sold`` (or ``units_sold`` with none), a policy paying
            reimbursement only when the base target is met with no ``base_target_met``
            stated, a wage month before the month settled. (A lump sum's expense outside
            the month is no error: it counts against no lump sum, and a finding says
            so.)

    Example:
        >>> from hrpolicy.expenses.examples import monthly_lump_sum_case
        >>> statement = settle_expenses(monthly_lump_sum_case())
        >>> statement.lump_sums[0].saving, statement.paid_now
        (Decimal('120.00'), Decimal('1000.00'))
    """
    argument(case, ExpenseCase, "case")
    chosen = case.policy if policy is None else argument(policy, ExpensePolicy, "policy")
    return _Settlement(case, chosen).run()


def _fen(value: Decimal) -> Decimal:
    """An amount given to the fen, written with two places."""
    return money_sum((value,))


class _Settlement:
    """One settlement in progress: the case, the policy and the trail."""

    def __init__(self, case: ExpenseCase, policy: ExpensePolicy) -> None:
        self.case = case
        self.policy = policy
        self.period = case.period
        self.who = case.salesperson
        self.trail = Trail(CATALOG)
        self.expenses = sorted(enumerate(case.expenses), key=lambda x: (x[1].on, x[1].id))
        self.advances = sorted(enumerate(case.advances), key=lambda x: (x[1].on, x[1].id))
        self.plans = {plan.week: plan for plan in case.visit_plans}
        self.relationship = {plan.id: plan for plan in case.relationship_plans}
        self.before = {
            (r.category, r.month.year, r.month.month): r.amount for r in case.reimbursed_before
        }
        days = timedelta(days=policy.reconcile_within_days)
        #: The day each plan's advances fall due for reconciliation.
        self.falls_due = {week: plan.ends_on + days for week, plan in self.plans.items()}

    def run(self) -> ExpenseStatement:
        self._policy_step()
        self._check()
        lump_lines = [self._lump_sum(lump) for lump in self.policy.lump_sums]
        claims = self._claims()
        plans = self._plans()
        return self._reconcile(lump_lines, claims, plans)

    def _policy_step(self) -> None:
        policy = self.policy
        self.trail.step(
            "policy.options",
            label("适用的选项", "options in force"),
            {
                "receipts_required": policy.receipts_required,
                "needs_base_target": policy.needs_base_target,
                "unmet_target": policy.unmet_target.value,
                "reconcile_within_days": policy.reconcile_within_days,
                "lump_sum_settles_advances": policy.lump_sum_settles_advances,
            },
            policy.summary(),
        )

    # --- checks ---------------------------------------------------------------------------

    def _check(self) -> None:
        last = self.period.last_day
        for index, expense in self.expenses:
            where = f"ExpenseCase.expenses[{index}]"
            if expense.on > last:
                raise InvalidValueError(
                    f"{where}.on",
                    f"a day on or before the month's last day {last.isoformat()} (an expense "
                    "is claimed in the month it was spent or later)",
                    expense.on,
                )
            if expense.plan_week and expense.plan_week not in self.plans:
                raise InvalidValueError(
                    f"{where}.plan_week", self._weeks_expected(), expense.plan_week
                )
            if expense.relationship_plan and expense.relationship_plan not in self.relationship:
                ids = ", ".join(sorted(self.relationship)) or "none given"
                raise InvalidValueError(
                    f"{where}.relationship_plan",
                    f"the id of a relationship-building plan in the case ({ids})",
                    expense.relationship_plan,
                )
            earlier = expense.on < self.period.first_day
            key = (expense.category, expense.on.year, expense.on.month)
            monthly = any(s.per is Per.MONTH for s in self.policy.standards_for(expense.category))
            if earlier and monthly and key not in self.before and not expense.relationship_plan:
                raise InvalidValueError(
                    f"{where}.on",
                    f"a day in {self.period}, or a row of ExpenseCase.reimbursed_before for "
                    f"({expense.category}, {expense.on.year:04d}-{expense.on.month:02d}) "
                    "stating what earlier statements reimbursed against that month's cap "
                    "(0 if nothing)",
                    expense.on,
                )
        for index, row in enumerate(self.case.reimbursed_before):
            if row.month.first_day >= self.period.first_day:
                raise InvalidValueError(
                    f"ExpenseCase.reimbursed_before[{index}].month",
                    f"a month before {self.period} (what earlier statements reimbursed)",
                    str(row.month),
                )
        for index, advance in self.advances:
            if advance.on > last:
                raise InvalidValueError(
                    f"ExpenseCase.advances[{index}].on",
                    f"a day on or before the month's last day {last.isoformat()} (an advance "
                    "drawn later belongs to a later month's case)",
                    advance.on,
                )
            if advance.plan_week not in self.plans:
                raise InvalidValueError(
                    f"ExpenseCase.advances[{index}].plan_week",
                    self._weeks_expected(),
                    advance.plan_week,
                )
        for index, month in enumerate(self.case.pay_months):
            if month.period.first_day < self.period.first_day:
                raise InvalidValueError(
                    f"ExpenseCase.pay_months[{index}].period",
                    f"a month from {self.period} on (an advance balance is recovered from "
                    "wages still to be paid)",
                    str(month.period),
                )

        per_unit = any(lump.basis is Basis.UNIT for lump in self.policy.lump_sums)
        if self.case.units_sold is not None and not per_unit:
            raise InvalidValueError(
                "ExpenseCase.units_sold",
                "None: the policy has no lump sum per unit sold to pay for them",
                self.case.units_sold,
            )

    def _weeks_expected(self) -> str:
        weeks = ", ".join(sorted(self.plans)) or "none given"
        return f"the week of a visit plan in the case ({weeks})"

    # --- lump sums --------------------------------------------------------------------------

    def _lump_sum(self, lump: LumpSum) -> LumpSumLine:
        units: Decimal | None = None
        if lump.basis is Basis.UNIT:
            if self.case.units_sold is None:
                raise InvalidValueError(
                    "ExpenseCase.units_sold",
                    f"the units sold in the month (lump sum {lump.ref} is paid per {lump.unit})",
                    None,
                )
            units = self.case.units_sold
            allowance = round_money(exact(lump.amount) * Fraction(units))
            self.trail.step(
                f"lump_sum.{lump.ref}.allowance",
                label(
                    f"包干{lump.ref}：每{lump.unit}{lump.amount}元 × 销售量",
                    f"lump sum {lump.ref}: {lump.amount} yuan per {lump.unit} × units sold",
                ),
                {"per_unit": lump.amount, "units_sold": units},
                allowance,
            )
        else:
            allowance = _fen(lump.amount)
            self.trail.step(
                f"lump_sum.{lump.ref}.allowance",
                label(f"包干{lump.ref}：每月定额", f"lump sum {lump.ref}: a fixed sum a month"),
                {"monthly": lump.amount},
                allowance,
            )
        spent_on: list[Decimal] = []
        for _, expense in self.expenses:
            if expense.category not in lump.covers or expense.relationship_plan:
                continue
            if self.period.contains(expense.on):
                spent_on.append(expense.amount)
            else:
                self.trail.find(
                    "outside_lump_sum_month",
                    subject=expense.id,
                    ref=expense.id,
                    category=expense.category,
                    lump_sum=lump.ref,
                    on=expense.on,
                    period=str(self.period),
                )
        spent = money_sum(spent_on)
        saving = max(ZERO, money_sum((allowance, -spent)))
        overspend = max(ZERO, money_sum((spent, -allowance)))
        self.trail.step(
            f"lump_sum.{lump.ref}.balance",
            label(
                "包干节余归业务员，超支由业务员承担（不从工资中扣除）",
                "the saving is kept, the overspend borne (never deducted from wages)",
            ),
            {"allowance": allowance, "spent": spent, "saving": saving, "overspend": overspend},
            money_sum((saving, -overspend)),
            p("WPP 15"),
        )
        if overspend:
            self.trail.find(
                "lump_sum_overspend_borne",
                subject=lump.ref,
                ref=lump.ref,
                allowance=allowance,
                spent=spent,
                overspend=overspend,
            )
        else:
            self.trail.find(
                "lump_sum_saving_kept",
                subject=lump.ref,
                ref=lump.ref,
                allowance=allowance,
                spent=spent,
                saving=saving,
            )
        return LumpSumLine(
            ref=lump.ref,
            basis=lump.basis,
            units=units,
            allowance=allowance,
            spent=spent,
            saving=saving,
            overspend=overspend,
        )

    # --- claims at cost -----------------------------------------------------------------------

    def _claims(self) -> list[ClaimLine]:
        # What each monthly cap has left, by (category, year, month).
        room: dict[tuple[str, int, int], Decimal] = {}
        budgets = {
            pid: money_sum((plan.budget, -plan.charged_before))
            for pid, plan in self.relationship.items()
        }
        lines: list[ClaimLine] = []
        for held in self.case.held_claims:
            amount = _fen(held.amount)
            self.trail.step(
                f"claim.{held.expense}",
                label(
                    f"{held.category}：{held.held_in}暂缓支付的报销，本月按原核定金额结算",
                    f"{held.category}: held for the target in {held.held_in}, settled now "
                    "as allowed then",
                ),
                {"held_in": str(held.held_in), "held": amount},
                amount,
            )
            lines.append(
                ClaimLine(
                    expense=held.expense,
                    category=held.category,
                    on=held.on,
                    amount=amount,
                    allowed=amount,
                    not_reimbursed=ZERO,
                    status=ClaimStatus.REIMBURSABLE,
                    held_in=held.held_in,
                )
            )
        for _, expense in self.expenses:
            plan = self.plans.get(expense.plan_week)
            if plan is not None and not plan.approved:
                self.trail.find(
                    "claim_plan_not_approved",
                    subject=expense.id,
                    ref=expense.id,
                    amount=expense.amount,
                    week=plan.week,
                )
            if self.policy.lump_sum_for(expense.category) is not None and not (
                expense.relationship_plan
            ):
                lines.append(self._line(expense, ZERO, ClaimStatus.COVERED))
                continue
            standards = self.policy.standards_for(expense.category)
            # A relationship-building plan's budget is the standard of what is charged to it.
            if not standards and not expense.relationship_plan:
                self._refuse(expense, "no_standard")
                lines.append(self._line(expense, ZERO, ClaimStatus.NO_STANDARD))
                continue
            if self.policy.receipts_required and not expense.receipt:
                self._refuse(expense, "no_receipt")
                lines.append(self._line(expense, ZERO, ClaimStatus.NO_RECEIPT))
                continue
            line = self._to_standard(expense, standards, room, budgets)
            lines.append(self._claim_approval(expense, line))
        lines = self._plan_approvals(lines)
        return sorted(lines, key=lambda ln: (ln.on, ln.expense))

    def _approve(
        self, subject: ApprovalSubject, sign_offs: tuple[SignOff, ...]
    ) -> ApprovalOutcome | None:
        """The policy's approval rules applied to ``subject`` (``None`` when the policy has
        none); the outcome's step and findings join the trail."""
        if not self.policy.approvals:
            return None
        outcome = check_approvals(self.policy.approvals, subject, sign_offs)
        self.trail.extend(outcome.steps, outcome.findings)
        return outcome

    def _claim_approval(self, expense: Expense, line: ClaimLine) -> ClaimLine:
        """A claim needs the sign-offs the rules of kind ``expense_above`` ask for; a
        missing one that holds the reimbursement holds the claim back."""
        subject = ApprovalSubject(
            subject_id=expense.id,
            facts=(Fact(kind=EXPENSE_ABOVE, amount=expense.amount),),
            at_stake=line.allowed,
        )
        outcome = self._approve(subject, expense.sign_offs)
        if outcome is not None and outcome.held:
            return attrs.evolve(line, status=ClaimStatus.AWAITING_APPROVAL)
        return line

    def _plan_approvals(self, lines: list[ClaimLine]) -> list[ClaimLine]:
        """A relationship-building plan needs the sign-offs the rules of kind
        ``relationship_plan`` (and ``budget_above``, on its budget) ask for; a missing one
        that holds the reimbursement holds back every claim charged to the plan."""
        charged = {e.id: e.relationship_plan for _, e in self.expenses}
        charged.update((h.expense, "") for h in self.case.held_claims)
        for plan_id in sorted(self.relationship):
            plan = self.relationship[plan_id]
            mine = [
                ln
                for ln in lines
                if charged[ln.expense] == plan_id and ln.status is ClaimStatus.REIMBURSABLE
            ]
            subject = ApprovalSubject(
                subject_id=plan_id,
                facts=(
                    Fact(kind=RELATIONSHIP_PLAN, amount=plan.budget),
                    Fact(kind=BUDGET_ABOVE, amount=plan.budget),
                ),
                at_stake=money_sum(ln.allowed for ln in mine),
            )
            outcome = self._approve(subject, plan.sign_offs)
            if outcome is not None and outcome.held:
                held = {ln.expense for ln in mine}
                lines = [
                    attrs.evolve(ln, status=ClaimStatus.AWAITING_APPROVAL)
                    if ln.expense in held
                    else ln
                    for ln in lines
                ]
        return lines

    def _refuse(self, expense: Expense, code: str) -> None:
        self.trail.find(
            code,
            subject=expense.id,
            ref=expense.id,
            category=expense.category,
            amount=expense.amount,
        )

    def _to_standard(
        self,
        expense: Expense,
        standards: tuple[Standard, ...],
        room: dict[tuple[str, int, int], Decimal],
        budgets: dict[str, Decimal],
    ) -> ClaimLine:
        inputs: dict[str, StepValue] = {"amount": expense.amount}
        allowed = _fen(expense.amount)
        for standard in standards:
            share = round_money(exact(expense.amount) * standard.share.exact)
            if standard.share.value != 1:
                inputs["share"] = standard.share
                allowed = min(allowed, share)
            if standard.per is Per.MONTH:
                key = (expense.category, expense.on.year, expense.on.month)
                before = self.before.get(key, ZERO)
                left = room.setdefault(key, max(ZERO, money_sum((standard.limit, -before))))
                inputs["month_limit"] = standard.limit
                if key in self.before:
                    inputs["month_reimbursed_before"] = before
                inputs["month_left"] = left
                allowed = min(allowed, left)
            elif standard.per is Per.CLAIM:
                inputs["claim_limit"] = standard.limit
                allowed = min(allowed, _fen(standard.limit))
            else:
                limit = _fen(standard.limit * expense.quantity)
                inputs[f"{standard.per.value}_limit"] = standard.limit
                inputs[f"{standard.per.value}s"] = expense.quantity
                allowed = min(allowed, limit)
        plan = expense.relationship_plan
        if plan:
            if self.relationship[plan].charged_before:
                inputs["plan_charged_before"] = self.relationship[plan].charged_before
            inputs["plan_budget_left"] = budgets[plan]
            allowed = min(allowed, budgets[plan])
            budgets[plan] = money_sum((budgets[plan], -allowed))
        for standard in standards:
            if standard.per is Per.MONTH:
                key = (expense.category, expense.on.year, expense.on.month)
                room[key] = money_sum((room[key], -allowed))
        self.trail.step(
            f"claim.{expense.id}",
            label(
                f"{expense.category}：按实报销，不超过标准",
                f"{expense.category}: at cost, up to the standard",
            ),
            inputs,
            allowed,
        )
        excess = money_sum((expense.amount, -allowed))
        if excess:
            self.trail.find(
                "above_standard",
                subject=expense.id,
                ref=expense.id,
                category=expense.category,
                amount=expense.amount,
                allowed=allowed,
                excess=excess,
            )
        return self._line(expense, allowed, ClaimStatus.REIMBURSABLE)

    def _line(self, expense: Expense, allowed: Decimal, status: ClaimStatus) -> ClaimLine:
        # A claim a lump sum covers is paid for by the lump sum: nothing of it is borne
        # beyond what the lump sum's line states (its overspend).
        borne = ZERO if status is ClaimStatus.COVERED else money_sum((expense.amount, -allowed))
        return ClaimLine(
            expense=expense.id,
            category=expense.category,
            on=expense.on,
            amount=_fen(expense.amount),
            allowed=allowed,
            not_reimbursed=borne,
            status=status,
        )

    # --- visit plans and advances -----------------------------------------------------------

    def _plans(self) -> list[PlanLine]:
        by_week: dict[str, list[Decimal]] = defaultdict(list)
        open_by_week: dict[str, list[Decimal]] = defaultdict(list)
        for _, advance in self.advances:
            plan = self.plans[advance.plan_week]
            if not plan.approved:
                self.trail.find(
                    "advance_plan_not_approved",
                    subject=advance.id,
                    ref=advance.id,
                    amount=advance.amount,
                    week=plan.week,
                )
            by_week[plan.week].append(advance.amount)
            open_by_week[plan.week].append(advance.outstanding)
        lines = []
        for week in sorted(self.plans):
            plan = self.plans[week]
            advanced = money_sum(by_week[week])
            outstanding = money_sum(open_by_week[week])
            above = max(ZERO, money_sum((advanced, -plan.budget)))
            self.trail.step(
                f"plan.{week}",
                label(
                    f"{week}拜访计划：借支不超过计划预算",
                    f"visit plan {week}: advances up to the plan's budget",
                ),
                {
                    "budget": plan.budget,
                    "approved": plan.approved,
                    "advanced": advanced,
                    "outstanding": outstanding,
                },
                above,
            )
            if above:
                self.trail.find(
                    "advance_above_budget",
                    subject=week,
                    week=week,
                    advanced=advanced,
                    budget=_fen(plan.budget),
                    excess=above,
                )
            lines.append(
                PlanLine(
                    week=week,
                    budget=_fen(plan.budget),
                    approved=plan.approved,
                    advanced=advanced,
                    above_budget=above,
                    outstanding=outstanding,
                )
            )
        return lines

    # --- reconciliation, the target, recovery -------------------------------------------------

    def _reconcile(
        self,
        lump_lines: list[LumpSumLine],
        claims: list[ClaimLine],
        plans: list[PlanLine],
    ) -> ExpenseStatement:
        lumps = money_sum(s.allowance for s in lump_lines)
        reimbursable = money_sum(c.allowed for c in claims if c.status is ClaimStatus.REIMBURSABLE)
        pending = money_sum(c.allowed for c in claims if c.status is ClaimStatus.AWAITING_APPROVAL)
        # The advances due first (by day, id), then those not yet due: a set-off settles
        # what could otherwise be taken from wages before what could not.
        order = sorted(
            (a for _, a in self.advances),
            key=lambda a: (not self._due(a), a.on, a.id),
        )
        outstanding = [a.outstanding for a in order]
        advances = money_sum(outstanding)
        set_off = min(advances, reimbursable)
        due = money_sum((reimbursable, -set_off))
        self._total("lump_sums_paid", "包干合计", "lump sums paid", {}, lumps)
        self._total("reimbursable", "可报销合计", "reimbursable", {}, reimbursable)
        self._total("awaiting_approval", "待审批", "awaiting approval", {}, pending)
        self._total("advances", "借支未结", "advances outstanding", {}, advances)
        self._total(
            "set_off",
            "报销先冲抵借支",
            "reimbursable claims settle the advances first",
            {"advances": advances, "reimbursable": reimbursable},
            set_off,
        )
        self._total(
            "reimbursement_due",
            "冲抵后应付报销",
            "reimbursement due after the set-off",
            {"reimbursable": reimbursable, "set_off": set_off},
            due,
        )
        claims = self._claim_set_off(claims, set_off)
        paid, held, forfeited = self._target(due)
        claims = self._claim_target(claims, held, forfeited)
        adv_set_off = _allocate(set_off, outstanding)
        left = [money_sum((o, -x)) for o, x in zip(outstanding, adv_set_off, strict=True)]
        balance = money_sum((advances, -set_off))
        covered = min(balance, pending)
        adv_covered = _allocate(covered, left)
        left = [money_sum((o, -x)) for o, x in zip(left, adv_covered, strict=True)]
        self._total(
            "advance_balance",
            "借支余额（业务员应归还）",
            "advance balance owed by the salesperson",
            {"advances": advances, "set_off": set_off},
            balance,
        )
        if covered:
            self.trail.find("advance_awaiting_approval", subject=self.who, amount=covered)
        self._total(
            "covered_by_pending",
            "由待审批报销覆盖",
            "covered by claims awaiting approval",
            {"advance_balance": balance, "awaiting_approval": pending},
            covered,
        )
        due_left = [x if self._due(a) else ZERO for a, x in zip(order, left, strict=True)]
        owed_due = money_sum(due_left)
        for advance, rest in zip(order, left, strict=True):
            if rest and not self._due(advance):
                self.trail.find(
                    "advance_open",
                    subject=advance.id,
                    ref=advance.id,
                    week=advance.plan_week,
                    amount=rest,
                    falls_due=self.falls_due[advance.plan_week],
                )
        lump_set_off = ZERO
        if self.policy.lump_sum_settles_advances:
            lump_set_off = min(owed_due, lumps)
        self._total(
            "lump_sum_set_off",
            "包干冲抵借支余额",
            "the advance balance due set against the lump sums",
            {
                "advance_balance_due": owed_due,
                "lump_sums_paid": lumps,
                "lump_sum_settles_advances": self.policy.lump_sum_settles_advances,
            },
            lump_set_off,
        )
        if lump_set_off:
            self.trail.find(
                "advance_set_against_lump_sums",
                subject=self.who,
                amount=lump_set_off,
                owed=owed_due,
                lump_sums=lumps,
            )
        adv_lump = _allocate(lump_set_off, due_left)
        due_left = [money_sum((o, -x)) for o, x in zip(due_left, adv_lump, strict=True)]
        to_recover = money_sum(due_left)
        schedule, recovered, carried_due, this_month = self._recover(to_recover)
        adv_scheduled = _allocate(recovered, due_left)
        open_total = money_sum(x for a, x in zip(order, left, strict=True) if not self._due(a))
        carried = money_sum((carried_due, open_total))
        self._total(
            "advance_open",
            "未到期借支结转",
            "advances not yet due, carried",
            {},
            open_total,
        )
        self._total(
            "advance_carried",
            "结转",
            "carried",
            {"balance_due_carried": carried_due, "advance_open": open_total},
            carried,
            "WPP 16",
        )
        paid_now = money_sum((lumps, -lump_set_off, paid))
        self._total(
            "paid_now",
            "本月支付",
            "paid now",
            {"lump_sums_paid": lumps, "lump_sum_set_off": lump_set_off, "reimbursement_paid": paid},
            paid_now,
        )
        lines = self._advance_lines(
            order=order,
            left=left,
            adv_set_off=adv_set_off,
            adv_covered=adv_covered,
            adv_lump=adv_lump,
            adv_scheduled=adv_scheduled,
        )
        return ExpenseStatement(
            case=self.case,
            policy=self.policy,
            salesperson=self.who,
            period=self.period,
            lump_sums=tuple(lump_lines),
            claims=tuple(claims),
            plans=tuple(plans),
            advance_lines=tuple(lines),
            recovery=schedule,
            lump_sums_paid=lumps,
            reimbursable=reimbursable,
            awaiting_approval=pending,
            advances=advances,
            set_off=set_off,
            reimbursement_due=due,
            reimbursement_paid=paid,
            held_for_target=held,
            forfeited=forfeited,
            advance_balance=balance,
            covered_by_pending=covered,
            lump_sum_set_off=lump_set_off,
            recovered_from_wages=recovered,
            recovered_this_month=this_month,
            advance_carried=carried,
            advance_open=open_total,
            paid_now=paid_now,
            explanation=self.trail.explanation(),
        )

    def _advance_lines(
        self,
        *,
        order: list[Advance],
        left: list[Decimal],
        adv_set_off: list[Decimal],
        adv_covered: list[Decimal],
        adv_lump: list[Decimal],
        adv_scheduled: list[Decimal],
    ) -> list[AdvanceLine]:
        """One line per advance, by day then id: what became of its outstanding part."""
        lines = []
        for index, advance in enumerate(order):
            is_due = self._due(advance)
            rest = money_sum((left[index], -adv_lump[index], -adv_scheduled[index]))
            lines.append(
                AdvanceLine(
                    advance=advance.id,
                    on=advance.on,
                    plan_week=advance.plan_week,
                    amount=_fen(advance.amount),
                    repaid=_fen(advance.repaid),
                    accounted_before=_fen(advance.accounted_before),
                    outstanding=_fen(advance.outstanding),
                    due=is_due,
                    falls_due=self.falls_due[advance.plan_week],
                    set_off=adv_set_off[index],
                    covered_by_pending=adv_covered[index],
                    lump_sum_set_off=adv_lump[index],
                    scheduled=adv_scheduled[index],
                    carried=rest,
                )
            )
        return sorted(lines, key=lambda ln: (ln.on, ln.advance))

    def _due(self, advance: Advance) -> bool:
        """Whether ``advance`` is due for reconciliation by the month's end."""
        return self.falls_due[advance.plan_week] <= self.period.last_day

    def _claim_set_off(self, claims: list[ClaimLine], set_off: Decimal) -> list[ClaimLine]:
        """The set-off taken from the reimbursable claims, by day then id."""
        cleared = [c for c in claims if c.status is ClaimStatus.REIMBURSABLE]
        taken = dict(
            zip(
                (c.expense for c in cleared),
                _allocate(set_off, [c.allowed for c in cleared]),
                strict=True,
            )
        )
        return [
            attrs.evolve(c, set_off=taken[c.expense]) if c.expense in taken else c for c in claims
        ]

    def _claim_target(
        self, claims: list[ClaimLine], held: Decimal, forfeited: Decimal
    ) -> list[ClaimLine]:
        """Each reimbursable claim's part not set off, held or forfeited claim by claim."""
        if not held and not forfeited:
            return claims
        status = ClaimStatus.HELD_FOR_TARGET if held else ClaimStatus.FORFEITED
        result = []
        for claim in claims:
            rest = money_sum((claim.allowed, -claim.set_off))
            if claim.status is ClaimStatus.REIMBURSABLE and rest:
                result.append(
                    attrs.evolve(
                        claim,
                        status=status,
                        held=rest if held else ZERO,
                        forfeited=ZERO if held else rest,
                    )
                )
            else:
                result.append(claim)
        return result

    def _target(self, due: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """What of the reimbursement due is paid, held and forfeited."""
        if not self.policy.needs_base_target:
            self._total("reimbursement_paid", "支付报销", "reimbursement paid", {}, due)
            return due, ZERO, ZERO
        met = self.case.base_target_met
        if met is None:
            raise InvalidValueError(
                "ExpenseCase.base_target_met",
                "True or False: whether the month's task base target was met (the policy "
                "pays reimbursement only in a month it is met; take it from the month's "
                "commission statement)",
                None,
            )
        paid = due if met else ZERO
        self.trail.step(
            "target.reimbursement",
            label(
                "只在完成任务底薪目标的月份支付报销",
                "reimbursement is paid only in a month the task base target is met",
            ),
            {"base_target_met": met, "reimbursement_due": due},
            paid,
        )
        if met or not due:
            self._total("reimbursement_paid", "支付报销", "reimbursement paid", {}, paid)
            return paid, ZERO, ZERO
        if self.policy.unmet_target is UnmetTarget.FORFEITED:
            self.trail.find(
                "reimbursement_forfeited", subject=self.who, period=str(self.period), amount=due
            )
            self._total("reimbursement_paid", "支付报销", "reimbursement paid", {}, ZERO)
            self._total("forfeited", "不予支付", "forfeited", {}, due, "WPP-S 3", "LCL 4")
            return ZERO, ZERO, due
        self.trail.find(
            "reimbursement_held_for_target", subject=self.who, period=str(self.period), amount=due
        )
        self._total("reimbursement_paid", "支付报销", "reimbursement paid", {}, ZERO)
        self._total("held_for_target", "暂缓支付", "held for the target", {}, due)
        return ZERO, due, ZERO

    def _recover(
        self, amount: Decimal
    ) -> tuple[RecoverySchedule | None, Decimal, Decimal, Decimal]:
        """Schedule ``amount`` of the advance balance due for recovery from the wage
        months under the cap (WPP 16); the rest is carried. Both are stated in findings.
        Returns the schedule, what it recovers, what is carried and what of it comes
        from this month's wage."""
        if not amount:
            self._total(
                "recovered_from_wages",
                "计划从工资扣回",
                "scheduled for recovery from wages",
                {},
                ZERO,
            )
            self._total("recovered_this_month", "本月工资扣回", "from this month's wage", {}, ZERO)
            return None, ZERO, ZERO, ZERO
        schedule = None
        recovered = ZERO
        this_month = ZERO
        months = sorted(enumerate(self.case.pay_months), key=lambda x: x[1].period.first_day)
        if months:
            rows = [(str(m.period), m.wage, m.minimum_wage, m.already_deducted) for _, m in months]
            try:
                schedule = recovery_schedule(amount, rows)
            except InvalidValueError as error:  # pragma: no cover - PayMonth checks first
                raise InvalidValueError(
                    "ExpenseCase.pay_months", "wage months the cap can be applied to", str(error)
                ) from error
            self.trail.extend(schedule.steps)
            recovered = schedule.recovered
            this_month = money_sum(
                m.recovered for m in schedule.months if m.month == str(self.period)
            )
            self.trail.find(
                "advance_recovered_from_wages",
                subject=self.who,
                amount=amount,
                recovered=recovered,
                months=sum(1 for m in schedule.months if m.recovered),
            )
        carried = money_sum((amount, -recovered))
        self._total(
            "recovered_from_wages",
            "计划从工资扣回",
            "scheduled for recovery from wages",
            {"to_recover": amount},
            recovered,
            "WPP 16",
        )
        self._total(
            "recovered_this_month",
            "本月工资扣回",
            "from this month's wage",
            {"recovered_from_wages": recovered},
            this_month,
        )
        if carried:
            self.trail.find("advance_balance_carried", subject=self.who, amount=carried)
        return schedule, recovered, carried, this_month

    def _total(
        self,
        name: str,
        zh: str,
        en: str,
        inputs: dict[str, StepValue],
        value: Decimal,
        *cites: str,
    ) -> None:
        self.trail.step(
            f"totals.{name}", label(zh, en), dict(inputs), value, *(p(c) for c in cites)
        )


def _allocate(total: Decimal, parts: Sequence[Decimal]) -> list[Decimal]:
    """``total`` given to ``parts`` in order, each at most its size (what is left of
    ``total`` after the parts is dropped: callers give at most their sum)."""
    given = []
    left = total
    for part in parts:
        take = min(left, part)
        given.append(_fen(take))
        left = money_sum((left, -take))
    return given
