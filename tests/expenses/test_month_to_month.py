"""The rules that run across months, and the inputs the next month's case takes from a
statement: advances fall due when their plan week has ended, an advance states what was
already accounted for, held claims are paid once, caps and budgets count what came
before — and the lesser rules the review of the room named."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hrpolicy.core.approvals import ON_CREDIT as ON_CREDIT_KIND
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.period import Period
from hrpolicy.expenses import (
    BRANCH_MANAGER,
    EXPENSE_ABOVE,
    Advance,
    ApprovalRule,
    Basis,
    ClaimStatus,
    Expense,
    ExpenseCase,
    ExpensePolicy,
    Holds,
    LumpSum,
    PayMonth,
    RelationshipPlan,
    SignOff,
    UnmetTarget,
    VisitPlan,
    examples,
)

D = Decimal


def _may() -> ExpenseCase:
    return examples.advance_reconciled_case()


# --- D1: an advance is recovered only once it is due ---------------------------------------


def test_an_800_yuan_advance_for_next_weeks_plan_is_carried_not_taken_from_mays_wages() -> None:
    c = _may()
    case = attrs.evolve(
        c,
        visit_plans=(*c.visit_plans, VisitPlan(week="2026-W23", budget=D(800), approved_by="Zhao")),
        advances=(
            *c.advances,
            Advance(id="A3", on=date(2026, 5, 29), amount=D(800), plan_week="2026-W23"),
        ),
    )
    result = case.settle()
    # 2,200 + 800 advanced, 1,430 set off against the due advances A1/A2 first: 770 due
    # (recovered 310 + 310 + 150, as without A3); A3's 800 falls due on 7 June: carried.
    assert result.recovered_from_wages == D("770.00")
    assert result.advance_open == D("800.00")
    line = result.advance("A3")
    assert (line.due, line.falls_due, line.scheduled, line.carried) == (
        False,
        date(2026, 6, 7),
        D("0.00"),
        D("800.00"),
    )
    assert any(f.code == "advance_open" and f.subject == "A3" for f in result.findings)


def test_an_advance_dated_after_the_month_is_refused() -> None:
    c = _may()
    late = Advance(id="A9", on=date(2027, 1, 1), amount=D(500), plan_week="2026-W20")
    with pytest.raises(InvalidValueError, match=r"^ExpenseCase\.advances\[2\]\.on: expected a day"):
        attrs.evolve(c, advances=(*c.advances, late)).settle()


def test_a_visit_plan_week_must_be_an_iso_week() -> None:
    with pytest.raises(InvalidValueError, match=r"^VisitPlan\.week: expected an ISO week"):
        VisitPlan(week="week 19", budget=D(100))
    with pytest.raises(InvalidValueError, match=r"^VisitPlan\.week: expected an ISO week of 2027"):
        VisitPlan(week="2027-W53", budget=D(100))


def test_a_week_to_reconcile_moves_the_day_an_advance_falls_due() -> None:
    c = _may()
    policy = attrs.evolve(c.policy, reconcile_within_days=21)
    result = c.settle(policy)
    # W19 ends 10 May, W20 17 May: +21 days is 31 May and 7 June: A2 is not yet due, so
    # the set-off (1,430) goes to A1 (1,200) first, 230 to A2, and A2's 770 is carried.
    assert result.advance("A1").due
    assert not result.advance("A2").due
    assert (result.recovered_from_wages, result.advance_open) == (D("0.00"), D("770.00"))


# --- D2: an advance restated next month is never recovered twice ---------------------------


def test_the_770_owed_in_may_is_recovered_once_when_june_restates_the_advances() -> None:
    c = _may()
    may = attrs.evolve(c, pay_months=c.pay_months[:1]).settle()
    june = attrs.evolve(
        c,
        period=Period(year=2026, month=6),
        expenses=(),
        advances=may.next_advances(),
        pay_months=c.pay_months[1:],
    ).settle()
    # May: 1,430 set off, 310 from May's wage, 460 carried; June takes A2 with 230 + 310
    # accounted, so 460 is left: 310 from June, 150 from July. 310 + 460 = 770 in all.
    assert (may.recovered_from_wages, may.advance_carried) == (D("310.00"), D("460.00"))
    assert june.advances == D("460.00")
    assert june.recovered_from_wages == D("460.00")
    assert may.recovered_from_wages + june.recovered_from_wages == D("770.00")


def test_more_accounted_for_than_advanced_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"^Advance\.accounted_before: expected at most"):
        Advance(
            id="A",
            on=date(2026, 5, 4),
            amount=D(100),
            plan_week="2026-W19",
            repaid=D(40),
            accounted_before=D(61),
        )


# --- D3: held claims are listed as held, and paid once --------------------------------------


def test_aprils_held_claims_are_named_and_may_pays_only_the_340_still_due() -> None:
    april = attrs.evolve(
        examples.target_not_met_case(),
        visit_plans=(VisitPlan(week="2026-W15", budget=D(1000), approved_by="Zhao"),),
        advances=(Advance(id="A1", on=date(2026, 4, 6), amount=D(500), plan_week="2026-W15"),),
    )
    held = april.settle()
    # 840 reimbursable; 500 of it set off against the advance (E1 400, E2 80, E3 20 by
    # day), the other 340 (E3 240, E4 100) held for the target.
    assert (held.set_off, held.held_for_target) == (D("500.00"), D("340.00"))
    assert {c.expense: c.held for c in held.claims if c.held} == {
        "E3": D("240.00"),
        "E4": D("100.00"),
    }
    assert {c.status for c in held.claims if c.held} == {ClaimStatus.HELD_FOR_TARGET}
    may = ExpenseCase(
        salesperson="S-WANG",
        period=Period(year=2026, month=5),
        policy=april.policy,
        held_claims=held.next_held_claims(),
        base_target_met=True,
    ).settle()
    assert may.reimbursement_paid == D("340.00")  # 500 + 340 = 840 in all, once


def test_a_held_claim_brought_back_as_an_expense_too_is_refused() -> None:
    april = examples.target_not_met_case().settle()
    held = april.next_held_claims()
    again = next(e for e in examples.target_not_met_case().expenses if e.id == held[0].expense)
    with pytest.raises(InvalidValueError, match=r"^ExpenseCase\.held_claims\[0\]\.expense"):
        ExpenseCase(
            salesperson="S-WANG",
            period=Period(year=2026, month=5),
            policy=examples.target_gated_policy(),
            expenses=(again,),
            held_claims=held,
            base_target_met=True,
        )


# --- D4: caps and budgets count what came before --------------------------------------------


def test_a_late_april_phone_bill_gets_only_what_is_left_of_aprils_100_yuan_cap() -> None:
    policy = examples.at_cost_policy("100%")
    april = ExpenseCase(
        salesperson="S",
        period=Period(year=2026, month=4),
        policy=policy,
        expenses=(Expense(id="P1", category="phone", on=date(2026, 4, 10), amount=D(150)),),
    ).settle()
    late = Expense(id="P2", category="phone", on=date(2026, 4, 20), amount=D(80))
    may = ExpenseCase(
        salesperson="S",
        period=Period(year=2026, month=5),
        policy=policy,
        reimbursed_before=april.next_reimbursed(),
        expenses=(late,),
    ).settle()
    assert (april.paid_now, may.paid_now) == (D("100.00"), D("0.00"))  # 100 of 100 used
    with pytest.raises(InvalidValueError, match=r"reimbursed_before for \(phone, 2026-04\)"):
        ExpenseCase(
            salesperson="S", period=Period(year=2026, month=5), policy=policy, expenses=(late,)
        ).settle()


def test_a_relationship_plan_over_two_months_has_one_3000_yuan_budget() -> None:
    rp = examples.relationship_plan_case(general_manager_signed=True)
    june = attrs.evolve(rp, expenses=rp.expenses[:1]).settle()
    july = attrs.evolve(
        rp,
        period=Period(year=2026, month=7),
        relationship_plans=june.next_relationship_plans(),
        expenses=(
            Expense(
                id="E7",
                category="gifts",
                on=date(2026, 7, 3),
                amount=D(2000),
                relationship_plan="PR-1",
                sign_offs=rp.expenses[0].sign_offs,
            ),
        ),
    ).settle()
    # 1,800 in June; July's 2,000 gets what is left: 3,000 − 1,800 = 1,200.
    assert (june.reimbursable, july.reimbursable) == (D("1800.00"), D("1200.00"))


# --- D5, D6: lump sums ---------------------------------------------------------------------


def test_a_1500_yuan_fare_charged_to_a_relationship_plan_is_reimbursed_not_in_the_lump_sum() -> (
    None
):
    case = ExpenseCase(
        salesperson="S",
        period=Period(year=2026, month=3),
        policy=examples.monthly_lump_sum_policy(),
        relationship_plans=(RelationshipPlan(id="PR", budget=D(5000)),),
        expenses=(
            Expense(
                id="X",
                category="fares",
                on=date(2026, 3, 3),
                amount=D(1500),
                relationship_plan="PR",
            ),
        ),
    )
    result = case.settle()
    assert (result.claims[0].status, result.claims[0].allowed) == (
        ClaimStatus.REIMBURSABLE,
        D("1500.00"),
    )
    assert (result.lump_sums[0].spent, result.lump_sums[0].overspend) == (D("0.00"), D("0.00"))


def test_a_600_yuan_fares_advance_is_set_against_the_1000_yuan_lump_sum_not_taken_from_wages() -> (
    None
):
    case = ExpenseCase(
        salesperson="S",
        period=Period(year=2026, month=3),
        policy=examples.monthly_lump_sum_policy(),
        visit_plans=(VisitPlan(week="2026-W11", budget=D(600), approved_by="Z"),),
        advances=(Advance(id="A", on=date(2026, 3, 9), amount=D(600), plan_week="2026-W11"),),
        expenses=(
            Expense(
                id="F", category="fares", on=date(2026, 3, 10), amount=D(580), plan_week="2026-W11"
            ),
        ),
        pay_months=(
            PayMonth(period=Period(year=2026, month=3), wage=D(6000), minimum_wage=D(2690)),
        ),
    )
    result = case.settle()
    # 1,000 lump sum − 600 advance = 400 paid; nothing from wages.
    assert (result.lump_sum_set_off, result.recovered_from_wages, result.paid_now) == (
        D("600.00"),
        D("0.00"),
        D("400.00"),
    )
    assert any(f.code == "advance_set_against_lump_sums" for f in result.findings)
    by_wages = case.settle(attrs.evolve(case.policy, lump_sum_settles_advances=False))
    assert (by_wages.recovered_from_wages, by_wages.paid_now) == (D("600.00"), D("1000.00"))


def test_a_per_unit_lump_sum_may_be_a_rate_below_the_fen() -> None:
    lump = LumpSum(ref="U", basis=Basis.UNIT, amount=D("0.025"), unit="kg", covers=("fares",))
    case = ExpenseCase(
        salesperson="S",
        period=Period(year=2026, month=3),
        policy=ExpensePolicy(lump_sums=(lump,)),
        units_sold=D(1001),
    )
    # 0.025 × 1,001 = 25.025, rounded half up once: 25.03.
    assert case.settle().lump_sums_paid == D("25.03")


# --- D8: advances above the budget are what was drawn ---------------------------------------


def test_a_1500_yuan_advance_on_a_1200_budget_is_flagged_though_400_was_repaid() -> None:
    c = _may()
    big = Advance(id="A1", on=date(2026, 5, 4), amount=D(1500), plan_week="2026-W19", repaid=D(400))
    result = attrs.evolve(c, advances=(big, c.advances[1])).settle()
    line = result.plans[0]
    assert (line.advanced, line.above_budget, line.outstanding) == (
        D("1500.00"),
        D("300.00"),
        D("1100.00"),
    )
    assert any(f.code == "advance_above_budget" for f in result.findings)


# --- D9, D10: bad input named, contradictions refused --------------------------------------


def test_a_deduction_already_above_the_cap_is_refused_on_the_pay_month() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"^PayMonth\.already_deducted: expected at most the month's deduction cap 0\.00",
    ):
        PayMonth(
            period=Period(year=2026, month=5),
            wage=D(2000),
            minimum_wage=D(2690),
            already_deducted=D(500),
        )


def test_two_sign_offs_by_one_approver_on_a_claim_are_refused_on_the_claim() -> None:
    twice = SignOff(approver="branch_manager", reference="BM-1")
    with pytest.raises(InvalidValueError, match=r"^Expense\.sign_offs\[1\]"):
        Expense(
            id="E", category="fares", on=date(2026, 5, 4), amount=D(1), sign_offs=(twice, twice)
        )


def test_approval_rules_the_engine_never_applies_are_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"^ExpensePolicy\.approvals\[0\]\.kind"):
        ExpensePolicy(
            approvals=(
                ApprovalRule(kind=ON_CREDIT_KIND, approvers=(BRANCH_MANAGER,), holds=Holds.NOTHING),
            )
        )
    with pytest.raises(PolicyDefinitionError, match=r"^ExpensePolicy\.approvals\[0\]\.holds"):
        ExpensePolicy(
            approvals=(
                ApprovalRule(
                    kind=EXPENSE_ABOVE, approvers=(BRANCH_MANAGER,), holds=Holds.COMMISSION
                ),
            )
        )


def test_contradictory_lump_sum_and_target_options_are_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"LumpSum\.unit"):
        LumpSum(ref="M", basis=Basis.MONTH, amount=D(800), unit="kg", covers=("fares",))
    with pytest.raises(PolicyDefinitionError, match=r"^ExpensePolicy\.unmet_target"):
        ExpensePolicy(unmet_target=UnmetTarget.FORFEITED)
    with pytest.raises(InvalidValueError, match=r"^ExpenseCase\.units_sold"):
        attrs.evolve(examples.at_cost_case(), units_sold=D(10)).settle()


# --- D11: the statement says what it does ----------------------------------------------------


def test_a_claim_the_lump_sum_covers_shows_nothing_borne_and_mays_recovery_is_split_by_month() -> (
    None
):
    covered = examples.monthly_lump_sum_case().settle().claims[0]
    assert (covered.status, covered.not_reimbursed) == (ClaimStatus.COVERED, D("0.00"))
    may = _may().settle()
    assert (may.recovered_from_wages, may.recovered_this_month) == (D("770.00"), D("310.00"))
