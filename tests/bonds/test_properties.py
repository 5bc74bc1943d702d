"""Invariants of the bond engine, checked on generated cases (hypothesis)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from random import Random

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from hrpolicy.bonds import (
    BondCase,
    BondPolicy,
    ExitGround,
    MutualAgreementRule,
    Outcome,
    ProbationRule,
    review,
    settle,
    settle_bond,
)
from hrpolicy.strategies import bond_cases, bond_policies, consistent_separation

_NUMBERLESS = (Outcome.JUDICIAL_ASSESSMENT, Outcome.OUT_OF_SCOPE)

#: Grounds on which nothing is owed whatever the options (Regs Art. 26).
_ALWAYS_EXEMPT = (
    ExitGround.RESIGNATION_EMPLOYER_FAULT,
    ExitGround.DISMISSAL_FAILED_PROBATION,
    ExitGround.DISMISSAL_NO_FAULT,
    ExitGround.LAYOFF,
    ExitGround.UNLAWFUL_DISMISSAL,
    ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING,
    ExitGround.RETIREMENT,
    ExitGround.DEATH,
    ExitGround.EMPLOYER_BANKRUPTCY,
    ExitGround.EMPLOYER_CLOSURE,
)


@given(bond_cases(eligible_only=True))
def test_payable_never_exceeds_the_training_cost_nor_the_agreed_amount(case: BondCase) -> None:
    for bond in case.settle().bonds:
        if bond.outcome is Outcome.PAYABLE:
            assert bond.payable is not None
            assert bond.cap1 is not None
            assert bond.cap2 is not None
            assert bond.agreed is not None
            assert Decimal(0) <= bond.payable <= bond.cap2 <= bond.cap1
            assert bond.payable <= bond.agreed
        elif bond.outcome not in _NUMBERLESS:
            assert bond.payable == Decimal("0.00")


@given(bond_cases())
def test_every_case_settles_to_a_number_or_says_why_not(case: BondCase) -> None:
    result = case.settle()
    for bond in result.bonds:
        assert (bond.payable is None) == (bond.outcome in _NUMBERLESS)
        if bond.payable is not None and bond.review.cost is not None:
            assert bond.payable <= bond.review.cost.amount
    assert result.total_payable == sum(
        (b.payable for b in result.bonds if b.payable is not None), Decimal("0.00")
    )


@given(bond_cases(eligible_only=True), st.integers(0, 3000), st.integers(0, 3000))
def test_payable_does_not_rise_with_time_served(case: BondCase, first: int, second: int) -> None:
    agreement = case.agreements[0]
    checked = review(agreement, case.employment, case.policy)
    assume(checked.service is not None)
    assert checked.service is not None
    # Leaving in probation owes nothing by default (a contested point), so time served is
    # compared from the end of probation on.
    after_probation = (
        case.employment.probation_end + timedelta(days=1)
        if case.employment.probation_end is not None
        else date(2008, 1, 1)
    )
    start = max(
        checked.service.start,
        agreement.signed_on,
        case.employment.hire_date,
        date(2008, 1, 1),
        after_probation,
    )
    earlier, later = sorted((start + timedelta(days=first), start + timedelta(days=second)))
    ground = ExitGround.RESIGNATION
    results = [
        settle_bond(
            agreement,
            case.employment,
            attrs.evolve(case.separation, last_day=day, ground=ground, settles_bond=False),
            case.policy,
        )
        for day in (earlier, later)
    ]
    assert results[0].payable is not None
    assert results[1].payable is not None
    assert results[1].payable <= results[0].payable


@given(bond_cases(eligible_only=True), st.integers(0, 2000))
def test_nothing_is_owed_at_or_after_the_end_of_service(case: BondCase, days_after: int) -> None:
    agreement = case.agreements[0]
    checked = review(agreement, case.employment, case.policy)
    assert checked.service is not None
    last_day = max(checked.service.last_day + timedelta(days=days_after), agreement.signed_on)
    separation = attrs.evolve(
        case.separation, last_day=last_day, ground=ExitGround.RESIGNATION, settles_bond=False
    )
    result = settle_bond(agreement, case.employment, separation, case.policy)
    assert result.payable == Decimal("0.00")
    assert result.outcome is Outcome.NOT_BREACHED


@given(bond_cases(), st.sampled_from(_ALWAYS_EXEMPT))
def test_nothing_is_owed_on_any_exempt_ground(case: BondCase, ground: ExitGround) -> None:
    separation = consistent_separation(
        attrs.evolve(case.separation, ground=ground, settles_bond=False), case.employment
    )
    assume(separation.ground is ground)
    result = settle(case.agreements, case.employment, separation, case.policy)
    for bond in result.bonds:
        assert bond.payable in (None, Decimal("0.00"))
    assert result.total_payable == Decimal("0.00")


@given(bond_cases(), bond_policies())
def test_mutual_agreement_and_probation_defaults_owe_nothing_unless_switched(
    case: BondCase, policy: BondPolicy
) -> None:
    defaults = attrs.evolve(
        policy,
        mutual_agreement=MutualAgreementRule.EXEMPT_UNLESS_SETTLED,
        probation=ProbationRule.EXEMPT,
    )
    separation = attrs.evolve(
        case.separation, ground=ExitGround.MUTUAL_AGREEMENT, settles_bond=False
    )
    result = settle(case.agreements, case.employment, separation, defaults)
    assert result.total_payable == Decimal("0.00")


@given(bond_cases(max_bonds=4), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_the_bonds(
    case: BondCase, random: Random
) -> None:
    shuffled = list(case.agreements)
    random.shuffle(shuffled)
    assert settle(shuffled, case.employment, case.separation, case.policy) == case.settle()


@given(bond_cases(max_bonds=4))
def test_money_is_conserved_between_total_payments_refund_and_what_is_still_owed(
    case: BondCase,
) -> None:
    result = case.settle()
    assert result.collected == result.paid + result.wages_to_pay + sum(
        (c.amount for c in case.separation.collections if c.method.value == "taken_from_deposit"),
        Decimal(0),
    )
    if result.needs_judicial_assessment:
        assert result.refund_due is None
        assert result.still_owed is None
        return
    assert result.refund_due is not None
    assert result.still_owed is not None
    # What was paid either settles part of the lawful total or comes back as a refund.
    assert result.paid - result.refund_due == result.total_payable - result.still_owed
    assert min(result.refund_due, result.still_owed) == 0
    if result.excess_demand is not None:
        assert case.separation.demanded is not None
        assert result.excess_demand == max(
            case.separation.demanded - result.total_payable, Decimal(0)
        )


@given(bond_cases())
def test_settling_twice_gives_the_same_result(case: BondCase) -> None:
    assert case.settle() == case.settle()


@given(bond_cases(max_bonds=3))
def test_chinese_messages_never_show_internal_codes(case: BondCase) -> None:
    for finding in case.settle().findings:
        assert not re.search(r"[a-z]+_[a-z]+", finding.message_zh_CN), finding.message_zh_CN
        assert not re.search(r"[a-z]+_[a-z]+", finding.message_en), finding.message_en
