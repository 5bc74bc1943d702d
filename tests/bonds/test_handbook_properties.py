"""Invariants of the handbook rules, on generated cases (hypothesis): a waiver only ever
lowers what is owed, a stated cost range never moves a figure, and the living-subsidy
option never lowers the recognised cost."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.bonds import BondCase, Outcome, WaiverCondition, review
from hrpolicy.strategies import bond_cases, cost_ranges, waivers


def _stripped(case: BondCase) -> BondCase:
    """The case with every waiver, and every waiver met, taken out."""
    return attrs.evolve(
        case,
        agreements=tuple(attrs.evolve(a, waivers=()) for a in case.agreements),
        separation=attrs.evolve(case.separation, waivers_met=()),
    )


@st.composite
def _cases_with_waivers(draw: st.DrawFn) -> BondCase:
    """Eligible cases whose agreements carry drawn waivers, any subset of them met."""
    case = draw(bond_cases(eligible_only=True))
    agreements = []
    met = []
    for agreement in case.agreements:
        drawn = draw(st.lists(waivers(), max_size=3, unique_by=lambda w: w.clause_ref))
        agreements.append(attrs.evolve(agreement, waivers=tuple(drawn)))
        met += [
            f"{agreement.id}/{w.clause_ref}"
            for w in drawn
            if w.condition is not WaiverCondition.REVENUE_PRODUCED and draw(st.booleans())
        ]
    revenue = draw(st.none() | st.integers(0, 600_000).map(Decimal))
    separation = attrs.evolve(case.separation, waivers_met=tuple(met), revenue_produced=revenue)
    return attrs.evolve(case, agreements=tuple(agreements), separation=separation)


@given(_cases_with_waivers())
def test_any_set_of_waivers_leaves_every_bond_owing_no_more_than_without_them(
    case: BondCase,
) -> None:
    with_waivers, without = case.settle(), _stripped(case).settle()
    for bond, plain in zip(with_waivers.bonds, without.bonds, strict=True):
        assert bond.outcome is plain.outcome
        if bond.payable is not None and plain.payable is not None:
            assert Decimal(0) <= bond.payable <= plain.payable
    assert with_waivers.total_payable <= without.total_payable
    if with_waivers.refund_due is not None and without.refund_due is not None:
        assert with_waivers.refund_due >= without.refund_due


@given(_cases_with_waivers())
def test_what_was_waived_and_what_is_payable_add_up_to_the_capped_figure(case: BondCase) -> None:
    for bond in case.settle().bonds:
        if bond.outcome is Outcome.PAYABLE:
            assert bond.capped is not None
            assert bond.payable is not None
            waived = bond.waived if bond.waived is not None else Decimal(0)
            assert bond.capped - waived == bond.payable
            assert (bond.waived is None) == (not bond.review.agreement.waivers)
        else:
            assert bond.waived is None


@given(_cases_with_waivers())
def test_the_reductions_the_waiver_findings_report_add_up_to_what_was_waived(
    case: BondCase,
) -> None:
    for bond in case.settle().bonds:
        applied = [f for f in bond.explanation.findings if f.code == "waiver_applied"]
        reported = Decimal(0)
        for finding in applied:
            reduction, left = finding.param("reduction"), finding.param("left")
            assert isinstance(reduction, Decimal)
            assert isinstance(left, Decimal)
            assert Decimal(0) <= reduction <= left
            reported += reduction
        assert reported == (bond.waived if bond.waived is not None else Decimal(0))


@given(bond_cases(), st.data())
def test_a_stated_cost_range_never_changes_a_figure(case: BondCase, data: st.DataObject) -> None:
    ranged = attrs.evolve(
        case,
        agreements=tuple(
            attrs.evolve(a, stated_cost=None, stated_cost_range=data.draw(cost_ranges()))
            for a in case.agreements
        ),
    )
    plain = attrs.evolve(
        case,
        agreements=tuple(
            attrs.evolve(a, stated_cost=None, stated_cost_range=None) for a in case.agreements
        ),
    )
    first, second = ranged.settle(), plain.settle()
    assert [b.payable for b in first.bonds] == [b.payable for b in second.bonds]
    assert first.total_payable == second.total_payable


@given(bond_cases())
def test_counting_the_living_subsidy_never_lowers_the_recognised_cost(case: BondCase) -> None:
    for agreement in case.agreements:
        off = review(
            agreement, case.employment, attrs.evolve(case.policy, include_living_subsidy=False)
        )
        on = review(
            agreement, case.employment, attrs.evolve(case.policy, include_living_subsidy=True)
        )
        if off.cost is not None and on.cost is not None:
            assert on.cost.total >= off.cost.total
