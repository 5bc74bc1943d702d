"""Invariants of the expenses engine on generated months: lump-sum savings never make wages
negative, claims reimbursed never exceed their standards and caps, the totals add up,
approvals never raise what is paid, and the order of the inputs changes nothing."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from random import Random
from typing import TypeVar

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrpolicy.core.money import money_sum, round_money
from hrpolicy.core.recovery import recovery_cap
from hrpolicy.expenses import ClaimStatus, ExpenseCase, ExpenseStatement, Per
from hrpolicy.strategies import expense_cases

_T = TypeVar("_T")
_CLEARED = (ClaimStatus.REIMBURSABLE, ClaimStatus.HELD_FOR_TARGET, ClaimStatus.FORFEITED)
_SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _settle(case: ExpenseCase) -> ExpenseStatement:
    """The statement: generated months are consistent, so none is refused."""
    return case.settle()


@_SETTINGS
@given(expense_cases())
def test_lump_sum_savings_and_overspends_never_touch_wages_and_wages_never_go_negative(
    case: ExpenseCase,
) -> None:
    result = _settle(case)
    for line in result.lump_sums:
        assert line.saving >= 0
        assert line.overspend >= 0
        assert line.saving == 0 or line.overspend == 0
        assert line.allowance - line.spent == line.saving - line.overspend
    # What wages give up is the balance of advances due only, never a lump sum's
    # overspend, and never an advance whose plan week has not ended.
    due = sum((a.outstanding for a in result.advance_lines if a.due), Decimal(0))
    assert result.recovered_from_wages <= due - min(due, result.set_off)
    for advance in result.advance_lines:
        assert advance.due or advance.scheduled == advance.lump_sum_set_off == 0
        assert advance.due == (advance.falls_due <= case.period.last_day)
    months = {str(m.period): m for m in case.pay_months}
    for month in result.recovery.months if result.recovery else ():
        given = months[month.month]
        taken = month.recovered + given.already_deducted
        assert taken <= recovery_cap(given.wage, given.minimum_wage)
        assert given.wage - taken >= min(given.wage, given.minimum_wage) >= 0


@_SETTINGS
@given(expense_cases())
def test_no_claim_is_reimbursed_above_its_cost_share_or_any_limit_of_its_standards(
    case: ExpenseCase,
) -> None:
    result = _settle(case)
    expenses = {e.id: e for e in case.expenses}
    per_month: dict[tuple[str, int, int], list[Decimal]] = defaultdict(list)
    for line in result.claims:
        expense = expenses[line.expense]
        assert 0 <= line.allowed <= expense.amount
        if line.status is ClaimStatus.COVERED:
            assert line.not_reimbursed == 0
        else:
            assert line.allowed + line.not_reimbursed == expense.amount
        if line.status in (ClaimStatus.COVERED, ClaimStatus.NO_STANDARD, ClaimStatus.NO_RECEIPT):
            assert line.allowed == 0
        per_month[(expense.category, expense.on.year, expense.on.month)].append(line.allowed)
        for standard in result.policy.standards_for(expense.category):
            assert line.allowed <= round_money(Fraction(expense.amount) * standard.share.exact)
            if standard.per is Per.CLAIM:
                assert line.allowed <= standard.limit
            elif standard.per in (Per.DAY, Per.TRIP):
                assert line.allowed <= standard.limit * expense.quantity
    for (category, _, _), allowed in per_month.items():
        for standard in result.policy.standards_for(category):
            if standard.per is Per.MONTH:
                assert money_sum(allowed) <= standard.limit
    for plan in case.relationship_plans:
        charged = [
            ln.allowed for ln in result.claims if expenses[ln.expense].relationship_plan == plan.id
        ]
        assert money_sum(charged) <= plan.budget


@_SETTINGS
@given(expense_cases())
def test_the_totals_add_up_and_every_sum_is_accounted_for(case: ExpenseCase) -> None:
    result = _settle(case)
    assert result.reimbursable == money_sum(
        c.allowed for c in result.claims if c.status in _CLEARED
    )
    assert result.set_off == money_sum(c.set_off for c in result.claims)
    assert result.held_for_target == money_sum(c.held for c in result.claims)
    assert result.forfeited == money_sum(c.forfeited for c in result.claims)
    assert result.reimbursement_paid == money_sum(
        c.paid for c in result.claims if c.status in _CLEARED
    )
    assert result.set_off == money_sum(a.set_off for a in result.advance_lines)
    assert result.recovered_from_wages == money_sum(a.scheduled for a in result.advance_lines)
    assert result.advance_carried == money_sum(a.carried for a in result.advance_lines)
    assert result.set_off + result.reimbursement_due == result.reimbursable
    assert result.reimbursement_due == (
        result.reimbursement_paid + result.held_for_target + result.forfeited
    )
    assert result.advance_balance == result.advances - result.set_off
    assert result.advance_balance == (
        result.covered_by_pending
        + result.lump_sum_set_off
        + result.recovered_from_wages
        + result.advance_carried
    )
    assert result.paid_now == (
        result.lump_sums_paid - result.lump_sum_set_off + result.reimbursement_paid
    )
    assert result.to_text("en")
    assert result.to_text("zh_CN")


@_SETTINGS
@given(expense_cases(), st.data())
def test_approvals_never_raise_pay_removing_a_sign_off_never_pays_more(
    case: ExpenseCase, data: st.DataObject
) -> None:
    result = _settle(case)
    stripped = attrs.evolve(
        case,
        expenses=tuple(attrs.evolve(e, sign_offs=e.sign_offs[:-1]) for e in case.expenses),
        relationship_plans=tuple(
            attrs.evolve(r, sign_offs=r.sign_offs[:-1]) for r in case.relationship_plans
        ),
    )
    fewer = _settle(stripped)
    assert fewer.paid_now <= result.paid_now
    assert fewer.reimbursable <= result.reimbursable
    # Without any approval rule nothing is held for a sign-off and no less is paid.
    free = _settle(attrs.evolve(case, policy=attrs.evolve(case.policy, approvals=())))
    assert free.awaiting_approval == 0
    assert free.paid_now >= result.paid_now


@_SETTINGS
@given(expense_cases(), st.randoms(use_true_random=False))
def test_the_order_expenses_advances_and_plans_are_given_in_changes_nothing(
    case: ExpenseCase, random: Random
) -> None:
    result = _settle(case)

    def shuffled(items: tuple[_T, ...]) -> tuple[_T, ...]:
        listed = list(items)
        random.shuffle(listed)
        return tuple(listed)

    other = attrs.evolve(
        case,
        expenses=shuffled(case.expenses),
        advances=shuffled(case.advances),
        visit_plans=shuffled(case.visit_plans),
        relationship_plans=shuffled(case.relationship_plans),
    )
    again = other.settle()
    assert again.explanation == result.explanation
    assert again.claims == result.claims
    assert again.paid_now == result.paid_now
