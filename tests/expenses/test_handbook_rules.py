"""The expense rules of the handbooks, each as data in hrpolicy.expenses.examples, checked
by the figures an HR manager would work out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.period import Period
from hrpolicy.expenses import (
    Advance,
    ClaimStatus,
    Expense,
    PayMonth,
    UnmetTarget,
    VisitPlan,
    settle_expenses,
)
from hrpolicy.expenses import examples as ex


def test_a_salesperson_who_spends_880_of_a_1000_yuan_monthly_lump_sum_keeps_the_120_saved() -> None:
    # 430 fares + 150 phone + 300 travel = 880; 1,000 − 880 = 120 kept; 1,000 paid.
    result = ex.monthly_lump_sum_case().settle()
    (line,) = result.lump_sums
    assert (line.allowance, line.spent, line.saving, line.overspend) == (
        Decimal("1000.00"),
        Decimal("880.00"),
        Decimal("120.00"),
        Decimal("0.00"),
    )
    assert result.paid_now == Decimal("1000.00")
    assert result.findings[0].code == "lump_sum_saving_kept"
    assert result.findings[0].param("saving") == Decimal("120.00")
    assert all(c.status is ClaimStatus.COVERED for c in result.claims)


def test_on_an_800_yuan_lump_sum_a_salesperson_spending_880_bears_80_and_is_paid_800() -> None:
    # 880 spent − 800 lump sum = 80 overspent, borne by the salesperson; nothing deducted.
    result = ex.monthly_lump_sum_case(Decimal(800)).settle()
    (line,) = result.lump_sums
    assert (line.saving, line.overspend) == (Decimal("0.00"), Decimal("80.00"))
    assert result.paid_now == Decimal("800.00")
    assert result.recovered_from_wages == Decimal("0.00")
    finding = result.findings[0]
    assert finding.code == "lump_sum_overspend_borne"
    assert finding.param("overspend") == Decimal("80.00")
    assert "never deducted from wages" in finding.message("en")
    assert [c.cite() for c in finding.citations] == ["WPP Art. 15", "LCL Art. 30"]


def test_3250_kg_sold_at_30_fen_a_kg_gives_975_yuan_and_1020_spent_is_45_overspent() -> None:
    # 3,250 × 0.30 = 975.00; 520 + 150 + 350 = 1,020; 1,020 − 975 = 45 borne.
    result = ex.per_unit_lump_sum_case().settle()
    (line,) = result.lump_sums
    assert (line.units, line.allowance, line.spent, line.overspend) == (
        Decimal(3250),
        Decimal("975.00"),
        Decimal("1020.00"),
        Decimal("45.00"),
    )
    assert result.paid_now == Decimal("975.00")


def test_a_lump_sum_per_kg_rounds_half_up_to_the_fen_once() -> None:
    # 1,234.5 kg × 0.3 = 370.35 exactly; 1,234.55 kg × 0.3 = 370.365 → 370.37 (half up).
    case = ex.per_unit_lump_sum_case()
    assert attrs.evolve(case, units_sold=Decimal("1234.5")).settle().lump_sums_paid == Decimal(
        "370.35"
    )
    assert attrs.evolve(case, units_sold=Decimal("1234.55")).settle().lump_sums_paid == Decimal(
        "370.37"
    )


def test_april_claims_are_reimbursed_at_cost_to_the_standards_840_yuan_in_all() -> None:
    # Lodging 460 for 2 nights, at most 200 a night: 400. Meals 80 for 2 days (≤ 100): 80.
    # Fares 260 for one trip (≤ 300): 260. Phone 268, half is 134, at most 100 a month: 100.
    # Gifts 500: no standard, 0. A night without a receipt: 0. 400 + 80 + 260 + 100 = 840.
    result = ex.at_cost_case().settle()
    allowed = {c.expense: c.allowed for c in result.claims}
    assert allowed == {
        "E1": Decimal("400.00"),
        "E2": Decimal("80.00"),
        "E3": Decimal("260.00"),
        "E4": Decimal("100.00"),
        "E5": Decimal("0.00"),
        "E6": Decimal("0.00"),
    }
    assert result.claim("E5").status is ClaimStatus.NO_STANDARD
    assert result.claim("E6").status is ClaimStatus.NO_RECEIPT
    assert result.reimbursable == result.paid_now == Decimal("840.00")
    assert {f.code for f in result.findings} >= {"no_standard", "no_receipt", "above_standard"}


def test_the_phone_reimbursed_in_full_up_to_100_a_month_pays_100_of_a_268_yuan_bill() -> None:
    # 100 % of 268 = 268, capped at 100 a month: 100 — the same as half of it would be.
    case = attrs.evolve(ex.at_cost_case(), policy=ex.at_cost_policy(phone_share="100%"))
    assert case.settle().claim("E4").allowed == Decimal("100.00")


def test_two_phone_bills_in_one_month_share_its_100_yuan_cap() -> None:
    # Half of 120 = 60 (cap left 100 → 60), half of 90 = 45 (cap left 40 → 40): 100 in all.
    bills = (
        Expense(id="P1", category="phone", on=date(2026, 4, 10), amount=Decimal(120)),
        Expense(id="P2", category="phone", on=date(2026, 4, 20), amount=Decimal(90)),
    )
    result = attrs.evolve(ex.at_cost_case(), expenses=bills).settle()
    assert [c.allowed for c in result.claims] == [Decimal("60.00"), Decimal("40.00")]


def test_reimbursement_is_held_in_a_month_the_base_target_is_missed_and_nothing_is_paid() -> None:
    # The 840 of April's claims are held until a month the target is met.
    result = ex.target_not_met_case().settle()
    assert (result.reimbursement_due, result.reimbursement_paid, result.held_for_target) == (
        Decimal("840.00"),
        Decimal("0.00"),
        Decimal("840.00"),
    )
    assert result.explanation.has("reimbursement_held_for_target")
    assert result.explanation.step("target.reimbursement").input_map["base_target_met"] is False


def test_reimbursement_is_paid_in_a_month_the_base_target_is_met() -> None:
    result = attrs.evolve(ex.target_not_met_case(), base_target_met=True).settle()
    assert result.reimbursement_paid == Decimal("840.00")
    assert result.held_for_target == Decimal("0.00")


def test_a_policy_forfeiting_reimbursement_for_a_missed_target_is_flagged_with_840_lost() -> None:
    result = ex.target_not_met_case(UnmetTarget.FORFEITED).settle()
    assert result.forfeited == Decimal("840.00")
    finding = next(f for f in result.findings if f.code == "reimbursement_forfeited")
    assert finding.param("amount") == Decimal("840.00")
    assert [c.cite() for c in finding.citations] == ["WPP-S Art. 3", "LCL Art. 4"]


def test_770_yuan_of_advances_not_spent_is_recovered_from_wages_at_310_a_month_under_the_cap() -> (
    None
):
    # Advanced 1,200 + 1,000 = 2,200; reimbursable 600 + 420 + 150 + 180 + 80 = 1,430;
    # owed back 770. Cap: 20 % of 3,000 = 600, but 3,000 − 2,690 = 310 leaves the minimum:
    # 310 in May, 310 in June, 150 in July.
    result = ex.advance_reconciled_case().settle()
    assert (result.advances, result.reimbursable, result.set_off) == (
        Decimal("2200.00"),
        Decimal("1430.00"),
        Decimal("1430.00"),
    )
    assert result.advance_balance == Decimal("770.00")
    assert result.recovery is not None
    assert [m.recovered for m in result.recovery.months] == [
        Decimal("310.00"),
        Decimal("310.00"),
        Decimal("150.00"),
    ]
    assert result.recovered_from_wages == Decimal("770.00")
    assert result.paid_now == Decimal("0.00")
    finding = next(f for f in result.findings if f.code == "advance_recovered_from_wages")
    assert (finding.param("amount"), finding.param("months")) == (Decimal("770.00"), 3)


def test_an_advance_balance_beyond_the_wage_months_given_is_carried_and_said_so() -> None:
    # Only May given: 310 recovered, 460 carried.
    case = ex.advance_reconciled_case()
    result = attrs.evolve(case, pay_months=case.pay_months[:1]).settle()
    assert (result.recovered_from_wages, result.advance_carried) == (
        Decimal("310.00"),
        Decimal("460.00"),
    )
    assert result.explanation.has("advance_balance_carried")


def test_claims_above_the_advances_are_paid_after_settling_them() -> None:
    # Advance 1,000; claims 1,430: 1,000 set off, 430 paid.
    case = ex.advance_reconciled_case()
    advance = Advance(id="A1", on=date(2026, 5, 4), amount=Decimal(1000), plan_week="2026-W19")
    result = attrs.evolve(case, advances=(advance,)).settle()
    assert (result.set_off, result.reimbursement_paid, result.advance_balance) == (
        Decimal("1000.00"),
        Decimal("430.00"),
        Decimal("0.00"),
    )


def test_an_advance_against_an_unapproved_plan_or_above_its_budget_is_flagged() -> None:
    case = ex.advance_reconciled_case()
    plans = (
        VisitPlan(week="2026-W19", budget=Decimal(1000)),
        case.visit_plans[1],
    )
    result = attrs.evolve(case, visit_plans=plans).settle()
    codes = [f.code for f in result.findings]
    assert "advance_plan_not_approved" in codes
    # The week-19 claims were spent under the unapproved plan: each is flagged, still paid.
    flagged = [f.subject for f in result.findings if f.code == "claim_plan_not_approved"]
    assert flagged == ["E1", "E2", "E3"]
    above = next(f for f in result.findings if f.code == "advance_above_budget")
    assert above.param("excess") == Decimal("200.00")
    assert result.plans[0].above_budget == Decimal("200.00")


def test_an_unsigned_relationship_plan_holds_back_its_3000_yuan_and_unsigned_fares_their_260() -> (
    None
):
    # Dinner 1,800 + gifts 1,500 = 3,300, up to the 3,000 budget: 1,800 + 1,200.
    # The general manager has not approved the plan: the 3,000 held; fares 260 unsigned.
    result = ex.relationship_plan_case().settle()
    assert [c.allowed for c in result.claims] == [
        Decimal("1800.00"),
        Decimal("1200.00"),
        Decimal("260.00"),
    ]
    assert all(c.status is ClaimStatus.AWAITING_APPROVAL for c in result.claims)
    assert result.awaiting_approval == Decimal("3260.00")
    assert result.paid_now == Decimal("0.00")
    missing = [f for f in result.findings if f.code == "approval_missing_held"]
    assert [(f.subject, f.param("approver").en) for f in missing] == [  # type: ignore[union-attr]
        ("E3", "branch manager"),
        ("PR-1", "general manager"),
    ]
    assert missing[1].param("at_stake") == Decimal("3000.00")


def test_once_the_general_manager_approves_the_plan_its_3000_yuan_is_reimbursed() -> None:
    result = ex.relationship_plan_case(general_manager_signed=True).settle()
    assert (result.reimbursable, result.awaiting_approval) == (
        Decimal("3000.00"),
        Decimal("260.00"),
    )


def test_a_claim_above_2000_yuan_also_needs_the_general_manager() -> None:
    # 2,400 of lodging over 12 nights (≤ 200 a night) with the branch manager's sign-off only.
    case = ex.relationship_plan_case(general_manager_signed=True)
    big = attrs.evolve(
        case.expenses[0],
        id="E9",
        category="lodging",
        amount=Decimal(2400),
        quantity=12,
        relationship_plan="",
    )
    result = attrs.evolve(case, expenses=(big,), relationship_plans=()).settle()
    assert result.claim("E9").status is ClaimStatus.AWAITING_APPROVAL
    (finding,) = [f for f in result.findings if f.code == "approval_missing_held"]
    assert finding.param("approver").en == "general manager"  # type: ignore[union-attr]


def test_an_advance_balance_covered_by_claims_awaiting_approval_is_not_taken_from_wages() -> None:
    # 2,200 advanced; 1,430 of claims, the 80 phone bill unsigned under a branch-manager
    # rule: 1,350 reimbursable, 80 awaiting; balance 850, of which 80 awaits the sign-off;
    # 770 recovered.
    case = ex.advance_reconciled_case()
    policy = attrs.evolve(case.policy, approvals=ex.relationship_plan_policy().approvals[:1])
    signed = ex.relationship_plan_case().expenses[0].sign_offs
    expenses = tuple(
        e if e.id == "E5" else attrs.evolve(e, sign_offs=signed) for e in case.expenses
    )
    result = attrs.evolve(case, policy=policy, expenses=expenses).settle()
    assert (result.reimbursable, result.awaiting_approval) == (
        Decimal("1350.00"),
        Decimal("80.00"),
    )
    assert (result.advance_balance, result.covered_by_pending, result.recovered_from_wages) == (
        Decimal("850.00"),
        Decimal("80.00"),
        Decimal("770.00"),
    )


def test_a_what_if_under_the_target_rule_settles_the_same_month_under_it() -> None:
    case = attrs.evolve(ex.at_cost_case(), base_target_met=False)
    result = settle_expenses(case, ex.target_gated_policy())
    assert result.policy.needs_base_target
    assert result.held_for_target == Decimal("840.00")
    assert case.settle().reimbursement_paid == Decimal("840.00")


def test_a_month_under_the_target_rule_with_no_target_outcome_stated_is_refused_naming_it() -> None:
    with pytest.raises(InvalidValueError, match=r"^ExpenseCase\.base_target_met: expected True"):
        settle_expenses(ex.at_cost_case(), ex.target_gated_policy())


def test_a_wage_month_already_carrying_a_deduction_recovers_only_what_the_cap_leaves() -> None:
    # May already has 200 deducted: 310 − 200 = 110 in May, then 310 and 310; 730 of 770.
    case = ex.advance_reconciled_case()
    months = (
        PayMonth(
            period=Period(year=2026, month=5),
            wage=Decimal(3000),
            minimum_wage=Decimal(2690),
            already_deducted=Decimal(200),
        ),
        *case.pay_months[1:],
    )
    result = attrs.evolve(case, pay_months=months).settle()
    assert result.recovered_from_wages == Decimal("730.00")
    assert result.advance_carried == Decimal("40.00")
