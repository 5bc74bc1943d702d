"""Invariants over two consecutive months: the next month's case takes what the first
statement did (advances accounted for, claims held, caps and budgets used), and then
nothing is paid or recovered from wages twice."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrpolicy.core.money import money_sum
from hrpolicy.core.period import Period
from hrpolicy.expenses import (
    ClaimStatus,
    ExpenseCase,
    ExpenseStatement,
    Per,
    Reimbursed,
)
from hrpolicy.strategies import expense_cases

_SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_COUNTED = (ClaimStatus.REIMBURSABLE, ClaimStatus.HELD_FOR_TARGET)


def _next_period(period: Period) -> Period:
    following = period.last_day + timedelta(days=1)
    return Period(year=following.year, month=following.month)


def next_month(first: ExpenseCase, settled: ExpenseStatement, target_met: bool) -> ExpenseCase:
    """The following month's case, as the docs say to build it: the advances, held claims,
    plans and caps carried from ``settled``; the claims awaiting approval claimed again;
    each first-month expense claimed again as a late claim under a new id (a duplicate
    submission, which the caps must still hold); the wage months after the first, each
    with what the first statement scheduled in it as already deducted."""
    period = _next_period(first.period)
    scheduled = {m.month: m.recovered for m in settled.recovery.months} if settled.recovery else {}
    pay_months = tuple(
        attrs.evolve(m, already_deducted=m.already_deducted + scheduled.get(str(m.period), 0))
        for m in first.pay_months
        if m.period.first_day >= period.first_day
    )
    held = {c.expense for c in settled.next_held_claims()}
    again = tuple(
        e for e in first.expenses if settled.claim(e.id).status is ClaimStatus.AWAITING_APPROVAL
    )
    late = tuple(attrs.evolve(e, id=f"{e.id}-late") for e in first.expenses if e.id not in held)
    reimbursed = {(r.category, str(r.month)): r for r in settled.next_reimbursed()}
    monthly = {s.category for s in first.policy.standards if s.per is Per.MONTH}
    for expense in (*again, *late):
        month = Period(year=expense.on.year, month=expense.on.month)
        if expense.category in monthly and (expense.category, str(month)) not in reimbursed:
            reimbursed[(expense.category, str(month))] = Reimbursed(
                category=expense.category, month=month, amount=Decimal(0)
            )
    return attrs.evolve(
        first,
        period=period,
        expenses=(*again, *late),
        held_claims=settled.next_held_claims(),
        reimbursed_before=tuple(reimbursed.values()),
        advances=settled.next_advances(),
        relationship_plans=settled.next_relationship_plans(),
        base_target_met=target_met if first.policy.needs_base_target else None,
        pay_months=pay_months,
    )


@_SETTINGS
@given(expense_cases(), st.booleans())
def test_over_two_months_nothing_is_recovered_from_wages_or_reimbursed_twice(
    case: ExpenseCase, target_met: bool
) -> None:
    first = case.settle()
    second_case = next_month(case, first, target_met)
    second = second_case.settle()

    # Wages: never more than what the advances left outstanding, per advance and in all.
    given = {a.id: a for a in case.advances}
    accounted: dict[str, Decimal] = defaultdict(Decimal)
    for statement in (first, second):
        for advance_line in statement.advance_lines:
            accounted[advance_line.advance] += (
                advance_line.set_off + advance_line.lump_sum_set_off + advance_line.scheduled
            )
    for advance_id, total in accounted.items():
        assert total <= given[advance_id].outstanding
    assert first.recovered_from_wages + second.recovered_from_wages <= money_sum(
        a.outstanding for a in case.advances
    )

    # Reimbursement: each claim paid (or set off) at most what was allowed for it once.
    allowed = {c.expense: c.allowed for c in first.claims}
    settled_for: dict[str, Decimal] = defaultdict(Decimal)
    for line in first.claims:
        settled_for[line.expense] += line.paid + line.set_off
    for line in second.claims:
        if line.held_in is not None:
            settled_for[line.expense] += line.paid + line.set_off
    for expense, total in settled_for.items():
        assert total <= allowed.get(expense, Decimal(0))

    # Monthly caps: what both months count against a (category, month) stays within the
    # cap left by what came before.
    before = {(r.category, str(r.month)): r.amount for r in case.reimbursed_before}
    used: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    expenses = {e.id: e for e in (*case.expenses, *second_case.expenses)}
    for statement in (first, second):
        for line in statement.claims:
            if line.held_in is None and line.status in _COUNTED:
                if expenses[line.expense].relationship_plan:
                    continue
                key = (line.category, str(Period(year=line.on.year, month=line.on.month)))
                used[key] += line.allowed
    for (category, month), total in used.items():
        for standard in case.policy.standards_for(category):
            if standard.per is Per.MONTH:
                assert total <= max(Decimal(0), standard.limit - before.get((category, month), 0))

    # Relationship-plan budgets hold across the months.
    for plan in case.relationship_plans:
        charged = money_sum(
            line.allowed
            for statement in (first, second)
            for line in statement.claims
            if line.held_in is None
            and line.status in _COUNTED
            and expenses[line.expense].relationship_plan == plan.id
        )
        assert charged <= plan.budget - plan.charged_before
