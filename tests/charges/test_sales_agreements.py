"""The two sales agreements of the source material, settled for an ordinary exit and for
a lost set of materials, under their own relationship and under a labour contract.

Figures are worked by hand in each test's comment (the facts are in
:mod:`hrpolicy.charges.examples`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from hrpolicy.charges import Incident, Relationship, ReturnReason, Trigger, Verdict
from hrpolicy.charges.examples import (
    part_time_exit_case,
    part_time_lost_materials_case,
    student_exit_case,
    student_lost_materials_case,
)


def _verdicts(settled: object) -> dict[str, str]:
    return {c.ref: c.verdict.value for c in settled.clauses}  # type: ignore[attr-defined]


def test_a_part_time_salespersons_goods_deposit_is_returned_in_full_even_when_materials_were_lost() -> None:  # noqa: E501  # fmt: skip
    # Part-time labour is a labour relationship: the 800-yuan goods deposit (LCL 9) comes
    # back whole; the 60 yuan deducted as 2 sets × 30 yuan is under a void per-item clause
    # (LCL 25) and comes back too: 800 + 60 = 860 owed back now. The proven loss of 45.00
    # (× 100 % liability) may still be claimed, and the next pay period (2026-04-13..26:
    # wage 1,200; floor 40 h × 25.30 = 1,012.00; cap min(240.00, 188.00) = 188.00)
    # recovers all 45.00.
    settled = part_time_lost_materials_case().settle()
    assert settled.deposits_to_return == Decimal("800.00")
    assert settled.unlawful_to_return == Decimal("60.00")
    assert settled.to_return == Decimal("860.00")
    assert settled.claimable == Decimal("45.00")
    assert settled.applied == Decimal("0.00")
    assert settled.outstanding == Decimal("45.00")
    assert settled.scheduled == Decimal("45.00")
    assert (settled.carried, settled.claim) == (Decimal("0.00"), Decimal("0.00"))
    assert settled.recovery is not None
    first = settled.recovery.months[0]
    assert (first.month, first.minimum_wage, first.cap, first.recovered) == (
        "2026-04-13..2026-04-26",
        Decimal("1012.00"),
        Decimal("188.00"),
        Decimal("45.00"),
    )
    reasons = {t.taking: t.reason for t in settled.takings}
    assert reasons == {"T-DEP": ReturnReason.DEPOSIT, "T-SETS": ReturnReason.UNLAWFUL_CHARGE}
    explanation = settled.explanation
    assert explanation.has("deposit_unlawful")
    assert explanation.has("wage_deduction_unlawful")


def test_a_part_time_salespersons_agreement_has_only_its_loss_clause_standing() -> None:
    # Under part-time labour: the deposit is unlawful (LCL 9), the 30-yuan per-set charge
    # void (LCL 25), the 500-yuan fine unlawful (Decree 516), "compensate all losses"
    # limited to the proven loss (WPP 16).
    settled = part_time_exit_case().settle()
    assert _verdicts(settled) == {"1": "unlawful", "2": "void", "3": "unlawful", "4": "limited"}
    deposit = settled.clause("1")
    assert deposit.articles == ("LCL 9", "LCL 84(2)")
    found = next(f for f in settled.findings if f.code == "deposit_unlawful")
    assert (found.param("amount"), found.param("fine_low"), found.param("fine_high")) == (
        Decimal("800.00"),
        Decimal(500),
        Decimal(2000),
    )


def test_a_part_time_salesperson_leaving_with_nothing_lost_gets_800_back_and_owes_nothing() -> None:
    # No incident: nothing claimable; the deposit 800 comes back in full.
    settled = part_time_exit_case().settle()
    assert settled.to_return == Decimal("800.00")
    assert settled.claimable == settled.outstanding == Decimal("0.00")
    assert settled.recovery is None


def test_the_part_time_clauses_under_a_labour_contract_leave_the_same_return_and_claim() -> None:
    # Under a labour contract the verdicts are the same; the deduction 60 (in 2026-04) is
    # returned; the loss 45.00 is recovered from the April wage: cap min(20 % × 4,000 =
    # 800.00, 4,000 − 2,500 = 1,500) = 800.00 ≥ 45.00.
    settled = part_time_lost_materials_case(Relationship.LABOUR_CONTRACT).settle()
    assert _verdicts(settled) == {"1": "unlawful", "2": "void", "3": "unlawful", "4": "limited"}
    assert settled.to_return == Decimal("860.00")
    assert settled.recovery is not None
    assert [(m.month, m.cap, m.recovered) for m in settled.recovery.months] == [
        ("2026-04", Decimal("800.00"), Decimal("45.00")),
        ("2026-05", Decimal("800.00"), Decimal("0.00")),
    ]
    assert not settled.explanation.has("part_time_hourly_pay_not_checked")


def test_a_student_sellers_agreed_500_yuan_penalty_stands_but_is_flagged_when_the_proven_loss_is_100() -> None:  # noqa: E501  # fmt: skip
    # Labour service (a student working in spare time while studying, MOL-309 12): the
    # penalty 500 stands (CC 585(1)). Threshold 100 × (1 + 30 %) = 130.00 < 500: flagged
    # (CC 585(2)); excess over the loss 500 − 100 = 400. Not cumulated: claimable
    # max(500, 100) = 500. The 500 deposit is set off against it (CC 568(1)): nothing owed
    # back, nothing outstanding.
    case = student_exit_case()
    competitor = Incident(
        id="C1", trigger=Trigger.COMPETITOR_DURING, on=date(2026, 5, 20), proven_loss=Decimal(100)
    )
    settled = attrs.evolve(case, incidents=(competitor,)).settle()
    assert settled.clause("3").verdict is Verdict.LAWFUL
    (claim,) = settled.claims
    assert (claim.penalties_allowed, claim.loss_allowed, claim.claimable) == (
        Decimal("500.00"),
        Decimal("100.00"),
        Decimal("500.00"),
    )
    flagged = next(f for f in settled.findings if f.code == "penalty_excessive")
    assert flagged.subject == "C1"
    assert flagged.param_map == {
        "incident": "C1",
        "clauses": "3",
        "penalty": Decimal("500.00"),
        "loss": Decimal("100.00"),
        "share": flagged.param("share"),
        "threshold": Decimal("130.00"),
        "excess": Decimal("400.00"),
    }
    assert settled.takings[0].applied == Decimal("500.00")
    assert settled.to_return == settled.outstanding == Decimal("0.00")


def test_a_student_sellers_30_yuan_a_set_stands_and_is_set_off_against_the_deposit() -> None:
    # One set lost, proven loss 20.00. The per-set charge 30 stands (CC 585(1)); threshold
    # 20 × 1.3 = 26.00 < 30: flagged, excess 10.00. Claimable max(30, 20) = 30.00. The
    # 500 deposit is set off by 30 (CC 568(1)) and 470.00 comes back.
    settled = student_lost_materials_case().settle()
    assert settled.claimable == Decimal("30.00")
    assert settled.applied == Decimal("30.00")
    assert settled.deposits_to_return == settled.to_return == Decimal("470.00")
    assert settled.outstanding == Decimal("0.00")
    assert settled.recovery is None
    flagged = next(f for f in settled.findings if f.code == "penalty_excessive")
    assert (flagged.param("threshold"), flagged.param("excess")) == (
        Decimal("26.00"),
        Decimal("10.00"),
    )
    assert settled.explanation.step("deposit.set_off").output == Decimal("30.00")


def test_a_student_sellers_deposit_is_returned_in_full_at_an_ordinary_end_of_the_agreement() -> (
    None
):
    # Nothing lost: the 500-yuan deposit comes back on the last day, not overdue (refund
    # within 0 days of 2026-06-30, settled that day).
    settled = student_exit_case().settle()
    assert settled.to_return == Decimal("500.00")
    assert not settled.explanation.has("deposit_refund_overdue")
    assert not settled.explanation.has("labour_service_unsupported")


def test_a_student_sellers_clauses_under_a_labour_contract_leave_the_loss_as_a_claim() -> None:
    # Under a labour contract: the student is flagged (MOL-309 12) but the input stands;
    # the deposit 500 comes back whole; the per-set charge is void, the proven loss 20.00
    # claimable. The worker has left on 2026-06-30 and no pay period ends after the
    # settlement that day: the 20.00 is a claim (LCL 90), not a schedule.
    settled = student_lost_materials_case(Relationship.LABOUR_CONTRACT).settle()
    assert settled.explanation.has("student_in_labour_relationship")
    assert _verdicts(settled) == {"1": "unlawful", "2": "void", "3": "void", "4": "limited"}
    assert settled.deposits_to_return == Decimal("500.00")
    assert settled.claimable == settled.claim == Decimal("20.00")
    assert settled.recovery is None
    assert settled.explanation.has("claim_after_departure")
    assert next(f for f in settled.findings if f.code == "penalty_void_competitor").citations[
        1
    ].id == ("LCL 39 item 4")
