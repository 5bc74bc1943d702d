"""Each rule of the charges engine on the standard case (tests/charges/helpers.py), with
the figures worked by hand in each test's comment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrpolicy.charges import (
    ChargePolicy,
    CompensationPayment,
    Deposit,
    Fine,
    FineRule,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    NonCompetePay,
    PayPeriod,
    Penalty,
    PenaltyAndLoss,
    Rate,
    Region,
    Relationship,
    ReturnReason,
    Role,
    Taking,
    Trigger,
    Verdict,
    settle_charges,
)
from tests.charges.helpers import case, month

_FINE = Fine(ref="F", amount=Decimal(200), trigger=Trigger.RULE_BREACH, in_democratic_rules=True)
_LATE = Incident(id="I-1", trigger=Trigger.RULE_BREACH, on=date(2026, 3, 2))
_FINE_PAID = Taking(
    id="T-1", clause="F", amount=Decimal(200), means=Means.PAID, on=date(2026, 3, 3), incident="I-1"
)
_CONTESTED = ChargePolicy(fines=FineRule.CONTESTED_IN_DEMOCRATIC_RULES)


# --- fines ---------------------------------------------------------------------------------


def test_a_fine_under_a_labour_contract_is_unlawful_and_the_200_yuan_paid_comes_back() -> None:
    # Decree 516: no fine has a legal basis. The 200 paid comes back; nothing is claimable
    # (no loss proven).
    settled = case(_FINE, incidents=(_LATE,), takings=(_FINE_PAID,)).settle()
    assert settled.clause("F").verdict is Verdict.UNLAWFUL
    assert settled.unlawful_to_return == Decimal("200.00")
    assert settled.takings[0].reason is ReturnReason.UNLAWFUL_CHARGE
    assert settled.claimable == Decimal("0.00")


def test_a_fine_in_democratically_adopted_rules_stands_contested_when_the_option_says_so() -> None:
    # With the option, the fine counts as a penalty that stands: claimable max(200, 0) =
    # 200; the 200 paid is applied to it; nothing comes back, nothing is outstanding.
    settled = case(_FINE, incidents=(_LATE,), takings=(_FINE_PAID,), policy=_CONTESTED).settle()
    assert settled.clause("F").verdict is Verdict.CONTESTED
    assert settled.explanation.has("fine_contested")
    assert settled.claimable == settled.applied == Decimal("200.00")
    assert settled.to_return == settled.outstanding == Decimal("0.00")


def test_a_fine_in_guangdong_is_unlawful_whatever_the_option() -> None:
    policy = ChargePolicy(fines=FineRule.CONTESTED_IN_DEMOCRATIC_RULES, region=Region.GUANGDONG)
    settled = case(_FINE, incidents=(_LATE,), takings=(_FINE_PAID,), policy=policy).settle()
    assert settled.clause("F").verdict is Verdict.UNLAWFUL
    assert settled.clause("F").articles == ("GD-LSS 51", "Decree-516")
    assert settled.to_return == Decimal("200.00")


def test_a_fine_outside_democratically_adopted_rules_stays_unlawful_under_the_option() -> None:
    fine = Fine(ref="F", amount=Decimal(200), trigger=Trigger.RULE_BREACH)
    settled = case(fine, policy=_CONTESTED).settle()
    assert settled.clause("F").verdict is Verdict.UNLAWFUL


def test_the_policy_argument_overrides_the_cases_policy_for_a_what_if() -> None:
    given = case(_FINE, incidents=(_LATE,), takings=(_FINE_PAID,))
    assert settle_charges(given, _CONTESTED).to_return == Decimal("0.00")
    assert given.settle().to_return == Decimal("200.00")


# --- loss and the wage cap ------------------------------------------------------------------

_LOSS = LossCompensation(ref="L", trigger=Trigger.LOST_OR_DAMAGED)
_LOST = Incident(
    id="I-1", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 5), proven_loss=Decimal(1000)
)
_DEDUCTED = Taking(
    id="T-1",
    clause="L",
    amount=Decimal(400),
    means=Means.DEDUCTED_FROM_WAGES,
    on=date(2026, 3, 15),
    incident="I-1",
)


def test_a_loss_deducted_beyond_the_months_cap_comes_back_and_the_rest_is_scheduled() -> None:
    # Cap of March: min(600.00, 310.00) = 310.00. Deducted 400: 90.00 over the cap comes
    # back; 310.00 is applied to the loss of 1,000. Outstanding 690.00: March has no room
    # left (310 already deducted), April and May recover 310.00 each = 620.00; 70.00 is
    # carried while the salesperson is still employed.
    settled = case(_LOSS, incidents=(_LOST,), takings=(_DEDUCTED,)).settle()
    (outcome,) = settled.takings
    assert (outcome.applied, outcome.to_return, outcome.reason) == (
        Decimal("310.00"),
        Decimal("90.00"),
        ReturnReason.OVER_CAP,
    )
    over = next(f for f in settled.findings if f.code == "deduction_over_cap")
    assert (over.param("deducted"), over.param("cap"), over.param("excess")) == (
        Decimal("400.00"),
        Decimal("310.00"),
        Decimal("90.00"),
    )
    assert settled.outstanding == Decimal("690.00")
    assert settled.recovery is not None
    assert [(m.month, m.already_deducted, m.recovered) for m in settled.recovery.months] == [
        ("2026-03", Decimal("310.00"), Decimal("0.00")),
        ("2026-04", Decimal("0.00"), Decimal("310.00")),
        ("2026-05", Decimal("0.00"), Decimal("310.00")),
    ]
    assert (settled.scheduled, settled.carried, settled.claim) == (
        Decimal("620.00"),
        Decimal("70.00"),
        Decimal("0.00"),
    )


def test_what_remains_after_the_last_wage_of_a_leaver_is_a_claim_not_a_schedule() -> None:
    # The salesperson leaves on 2026-04-30: March (room 0) and April (310.00) are the
    # schedule; 690 − 310 = 380.00 is a claim after departure (LCL 90, LL 102).
    settled = case(
        _LOSS,
        incidents=(_LOST,),
        takings=(_DEDUCTED,),
        pay_periods=(month(2026, 3), month(2026, 4)),
        worker_changes={"left_on": date(2026, 4, 30)},
    ).settle()
    assert (settled.scheduled, settled.carried, settled.claim) == (
        Decimal("310.00"),
        Decimal("0.00"),
        Decimal("380.00"),
    )
    assert settled.explanation.has("claim_after_departure")


def test_the_loss_claimed_is_the_proven_loss_times_the_workers_share_rounded_half_up() -> None:
    # 333.33 × 50 % = 166.665 → 166.67 (half up, to the fen).
    lost = Incident(
        id="I-1",
        trigger=Trigger.LOST_OR_DAMAGED,
        on=date(2026, 3, 5),
        proven_loss=Decimal("333.33"),
        liability=Rate.parse("50%"),
    )
    settled = case(_LOSS, incidents=(lost,)).settle()
    assert settled.claims[0].loss_allowed == settled.claimable == Decimal("166.67")


def test_compensate_all_losses_with_no_loss_proven_allows_nothing_and_says_so() -> None:
    lost = Incident(id="I-1", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 5))
    settled = case(_LOSS, incidents=(lost,)).settle()
    assert settled.lines[0].asked is None
    assert settled.claimable == Decimal("0.00")
    found = next(f for f in settled.findings if f.code == "loss_not_proven")
    assert [c.id for c in found.citations] == ["WPP 16", "LCL 90", "LL 102"]


def test_a_part_time_pay_period_over_15_days_is_flagged_and_its_floor_is_hours_at_minimum() -> None:
    # 2026-03-01..31 is 31 days > 15 (LCL 72(2)). Floor 86.5 h × 24.01 = 2,076.865 →
    # 2,076.87 (rounded up); cap min(20 % × 2,500 = 500.00, 2,500 − 2,076.87 = 423.13)
    # = 423.13: all of a 100-yuan loss is scheduled.
    period = PayPeriod(
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
        wage=Decimal(2500),
        hours=Decimal("86.5"),
        hourly_minimum_wage=Decimal("24.01"),
    )
    lost = Incident(
        id="I-1", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 5), proven_loss=Decimal(100)
    )
    settled = case(
        _LOSS, relationship=Relationship.PART_TIME, incidents=(lost,), pay_periods=(period,)
    ).settle()
    found = next(f for f in settled.findings if f.code == "part_time_pay_interval")
    assert found.param("days") == 31
    assert settled.recovery is not None
    (row,) = settled.recovery.months
    assert (row.minimum_wage, row.cap, row.recovered) == (
        Decimal("2076.87"),
        Decimal("423.13"),
        Decimal("100.00"),
    )


# --- penalties ------------------------------------------------------------------------------

_PENALTY = Penalty(ref="P", amount=Decimal(500), trigger=Trigger.COMPETITOR_DURING)
_COMPETITOR = Incident(
    id="C-1", trigger=Trigger.COMPETITOR_DURING, on=date(2026, 3, 10), proven_loss=Decimal(100)
)


def test_a_competitor_penalty_is_void_under_a_labour_contract_but_the_loss_is_claimable() -> None:
    # LCL 25: void (and LCL 39 item 4: it may justify dismissal). The loss 100 may be
    # claimed whatever the clauses say (LCL 90): claimable 100.
    settled = case(_PENALTY, incidents=(_COMPETITOR,)).settle()
    assert settled.clause("P").verdict is Verdict.VOID
    assert settled.lines[0].allowed == Decimal("0.00")
    assert settled.claimable == Decimal("100.00")


def test_cumulated_penalty_and_loss_are_claimed_together_under_labour_service() -> None:
    # Labour service, CUMULATED: 500 + 100 = 600.
    policy = ChargePolicy(penalty_and_loss=PenaltyAndLoss.CUMULATED)
    settled = case(
        _PENALTY, relationship=Relationship.LABOUR_SERVICE, incidents=(_COMPETITOR,), policy=policy
    ).settle()
    assert settled.claimable == settled.claim == Decimal("600.00")
    assert settled.explanation.has("civil_claim")
    assert settled.recovery is None


def test_a_penalty_within_30_percent_of_the_proven_loss_is_not_flagged() -> None:
    # Threshold 400 × 1.3 = 520.00 ≥ 500: not excessive.
    competitor = Incident(
        id="C-1", trigger=Trigger.COMPETITOR_DURING, on=date(2026, 3, 10), proven_loss=Decimal(400)
    )
    settled = case(
        _PENALTY, relationship=Relationship.LABOUR_SERVICE, incidents=(competitor,)
    ).settle()
    assert not settled.explanation.has("penalty_excessive")


def test_labour_service_with_neither_a_student_nor_a_pension_is_flagged() -> None:
    settled = case(
        _PENALTY,
        relationship=Relationship.LABOUR_SERVICE,
        worker_changes={"enrolled_student": False},
    ).settle()
    assert settled.explanation.has("labour_service_unsupported")


# --- deposits -------------------------------------------------------------------------------

_DEPOSIT = Deposit(ref="D", amount=Decimal(500), refund_within_days=7)
_DEPOSIT_PAID = Taking(
    id="T-0", clause="D", amount=Decimal(500), means=Means.PAID, on=date(2026, 1, 1)
)
_DRAW = Taking(
    id="T-1",
    clause="L",
    amount=Decimal(100),
    means=Means.FROM_DEPOSIT,
    on=date(2026, 3, 6),
    incident="I-1",
)
_LOST_100 = Incident(
    id="I-1", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 5), proven_loss=Decimal(100)
)


def test_a_draw_on_an_employees_deposit_does_not_count_the_deposit_comes_back_whole() -> None:
    # The 500 deposit comes back whole (LCL 9, 84(2)); the 100 drawn for the loss is an
    # unlawful offset: it neither reduces the deposit nor the claim, so the loss 100 stays
    # outstanding and April's wage recovers it (cap 310.00).
    settled = case(_DEPOSIT, _LOSS, incidents=(_LOST_100,), takings=(_DEPOSIT_PAID, _DRAW)).settle()
    assert settled.deposits_to_return == settled.to_return == Decimal("500.00")
    assert settled.explanation.has("deposit_offset")
    assert settled.outstanding == settled.scheduled == Decimal("100.00")


def test_a_draw_on_a_deposit_under_labour_service_is_a_set_off_already_made() -> None:
    # The draw of 100 pays the loss of 100; 500 − 100 = 400 is left of the deposit and
    # comes back (nothing else outstanding).
    settled = case(
        _DEPOSIT,
        _LOSS,
        relationship=Relationship.LABOUR_SERVICE,
        incidents=(_LOST_100,),
        takings=(_DEPOSIT_PAID, _DRAW),
    ).settle()
    assert settled.applied == Decimal("100.00")
    assert settled.deposits_to_return == settled.to_return == Decimal("400.00")
    assert settled.outstanding == Decimal("0.00")


def test_a_labour_service_deposit_still_held_after_its_refund_period_is_flagged() -> None:
    # Left on 2026-06-30; refund within 7 days: due by 2026-07-07; settled 2026-07-10 with
    # the 500 still held.
    settled = case(
        _DEPOSIT,
        relationship=Relationship.LABOUR_SERVICE,
        takings=(_DEPOSIT_PAID,),
        pay_periods=(),
        as_of=date(2026, 7, 10),
        worker_changes={"left_on": date(2026, 6, 30)},
    ).settle()
    found = next(f for f in settled.findings if f.code == "deposit_refund_overdue")
    assert (found.param("due_on"), found.param("held")) == (date(2026, 7, 7), Decimal("500.00"))


# --- non-competes ---------------------------------------------------------------------------

_NON_COMPETE = NonCompete(ref="NC", penalty=Decimal(50000), months=12)
_LEFT: dict[str, object] = {"left_on": date(2026, 1, 31), "role": Role.SENIOR_TECHNICAL}
_PAY = NonCompetePay(
    average_monthly_wage=Decimal(10000),
    minimum_wage=Decimal(2500),
    payments=(CompensationPayment(on=date(2026, 2, 28), amount=Decimal(3000)),),
)


def _after(on: date) -> Incident:
    return Incident(id="NC-1", trigger=Trigger.COMPETITOR_AFTER, on=on)


def test_a_non_compete_penalty_is_owed_for_a_breach_after_compensation_was_paid() -> None:
    # Monthly compensation max(30 % × 10,000 = 3,000.00, 2,500) = 3,000.00. From
    # 2026-02-01 to 2026-06-15, 4 whole months (to 05-31): due 12,000.00, paid 3,000.00,
    # unpaid 9,000.00. Unpaid reaches 3 × 3,000 at the end of May: the worker may end the
    # restriction from 2026-05-31 (SPC-I 38). The breach on 2026-03-10 came after a
    # payment: the 50,000 penalty is owed, a claim as the worker has left.
    settled = case(
        _NON_COMPETE,
        incidents=(_after(date(2026, 3, 10)),),
        pay_periods=(),
        as_of=date(2026, 6, 15),
        worker_changes=_LEFT,
        non_compete=_PAY,
    ).settle()
    unpaid = next(f for f in settled.findings if f.code == "non_compete_compensation_unpaid")
    assert (unpaid.param("months"), unpaid.param("due"), unpaid.param("unpaid")) == (
        4,
        Decimal("12000.00"),
        Decimal("9000.00"),
    )
    assert settled.compensation_due == Decimal("9000.00")
    ending = next(f for f in settled.findings if f.code == "non_compete_may_end")
    assert ending.param("on") == date(2026, 5, 31)
    assert settled.claimable == settled.claim == Decimal("50000.00")


def test_a_breach_after_the_worker_may_end_the_non_compete_owes_no_penalty() -> None:
    settled = case(
        _NON_COMPETE,
        incidents=(_after(date(2026, 6, 5)),),
        pay_periods=(),
        as_of=date(2026, 6, 15),
        worker_changes=_LEFT,
        non_compete=_PAY,
    ).settle()
    assert settled.explanation.has("non_compete_not_breached")
    assert settled.claimable == Decimal("0.00")


def test_a_breach_before_any_compensation_was_paid_owes_no_penalty() -> None:
    unpaid = NonCompetePay(average_monthly_wage=Decimal(10000), minimum_wage=Decimal(2500))
    settled = case(
        _NON_COMPETE,
        incidents=(_after(date(2026, 3, 10)),),
        pay_periods=(),
        as_of=date(2026, 3, 20),
        worker_changes=_LEFT,
        non_compete=unpaid,
    ).settle()
    assert settled.explanation.has("non_compete_unpaid_penalty")
    assert settled.claimable == Decimal("0.00")


def test_a_non_compete_on_a_worker_the_law_does_not_let_it_bind_is_void() -> None:
    settled = case(
        _NON_COMPETE,
        incidents=(_after(date(2026, 3, 10)),),
        pay_periods=(),
        worker_changes={"left_on": date(2026, 1, 31)},
    ).settle()
    assert settled.clause("NC").verdict is Verdict.VOID
    assert settled.compensation_due == settled.claimable == Decimal("0.00")


def test_a_36_month_non_compete_runs_24_and_pays_at_least_the_minimum_wage() -> None:
    # 36 months agreed: the restriction runs 24 (LCL 24). Monthly compensation max(30 % ×
    # 5,000 = 1,500.00, 2,500) = 2,500.00; one whole month (02-01..02-28) by 2026-03-20:
    # due 2,500.00, nothing paid.
    long = NonCompete(ref="NC", penalty=Decimal(50000), months=36)
    pay = NonCompetePay(average_monthly_wage=Decimal(5000), minimum_wage=Decimal(2500))
    settled = case(long, pay_periods=(), worker_changes=_LEFT, non_compete=pay).settle()
    assert settled.clause("NC").verdict is Verdict.LIMITED
    step = settled.explanation.step("non_compete.compensation")
    assert step.input_map["monthly"] == Decimal("2500.00")
    assert step.input_map["restriction_months"] == 24
    assert settled.compensation_due == Decimal("2500.00")
