"""A service period with neither a training nor a special benefit behind it — a promotion
bond, as in published arbitration cases — can carry no penalty (LCL Art. 25): review, plan
and settlement all say so, with the reason in a step.

The case: a sales clerk hired in 2018 is promoted to store manager on 2019-07-01 and signs a
3-year service agreement that asks 50,000 yuan if she leaves early; she resigns with her last
day on 2020-06-30 and the employer claims the 50,000.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given

from hrpolicy import from_dict, to_dict
from hrpolicy.bonds import (
    DOMAIN_COST_SCHEDULE,
    BondAgreement,
    BondCase,
    EligibilityStatus,
    Employment,
    ExitGround,
    FlatSum,
    Outcome,
    Separation,
    ServiceLength,
    plan_bonds,
    review,
    settle,
    settle_bond,
    settle_cases,
)
from hrpolicy.core import InvalidTypeError, InvalidValueError, Label
from hrpolicy.strategies import bond_agreements
from tests.bonds.helpers import agreement, training

PROMOTION = BondAgreement(
    id="PROMO-2019",
    signed_on=date(2019, 7, 1),
    length=ServiceLength(years=3),
    penalty=FlatSum(amount=Decimal("50000"), clause_ref="Art. 3"),
)
JOB = Employment(hire_date=date(2018, 3, 1), contract_end=date(2021, 2, 28))
LEAVING = Separation(
    last_day=date(2020, 6, 30), ground=ExitGround.RESIGNATION, demanded=Decimal("50000")
)


def test_a_bond_with_no_training_and_no_benefit_settles_to_nothing_with_the_lcl_25_finding() -> (
    None
):
    result = settle_bond(PROMOTION, JOB, LEAVING)
    assert result.outcome is Outcome.VOID
    assert result.payable == Decimal("0.00")
    [finding] = [f for f in result.findings if f.code == "bond_without_training"]
    assert {c.id for c in finding.citations} == {"LCL 22(1)", "LCL 25"}
    assert "no special training funded by the employer" in finding.message("en")
    assert "不得约定由劳动者承担违约金" in finding.message("zh_CN")
    step = result.explanation.step("A1.eligibility")
    assert step.output == "no_training"
    assert step.label.en == (
        "can the bond carry a penalty: no special training funded by the employer"
    )
    assert {c.id for c in step.citations} == {"LCL 22(1)", "LCL 25"}
    assert result.explanation.step("A3.payable").output == Decimal("0.00")


def test_the_employers_claim_on_a_promotion_bond_is_all_excess() -> None:
    result = settle([PROMOTION], JOB, LEAVING)
    assert result.total_payable == Decimal("0.00")
    assert result.excess_demand == Decimal("50000.00")
    assert "demand_exceeds_lawful" in {f.code for f in result.findings}


def test_a_promotion_bond_next_to_a_training_bond_adds_nothing_to_the_total() -> None:
    course = agreement(
        training=training(start=date(2019, 9, 2), end=date(2019, 9, 30)), signed_on=date(2019, 9, 1)
    )
    both = settle([PROMOTION, course], JOB, LEAVING)
    alone = settle([course], JOB, LEAVING)
    assert both.total_payable == alone.total_payable > 0
    assert both.bond("PROMO-2019").payable == Decimal("0.00")


def test_a_review_of_a_promotion_bond_counts_service_from_signing_and_finds_no_cost() -> None:
    checked = review(PROMOTION, JOB)
    assert checked.eligibility.status is EligibilityStatus.NO_TRAINING
    assert checked.cost is None
    assert checked.service is not None
    assert checked.service.start == date(2019, 7, 1)
    start = checked.explanation.step("A4.service_start")
    assert start.input_map["start_rule"] == Label(
        "协议未约定，按默认：签订协议之日", "agreement silent, default: the signing date"
    )
    assert "bond_without_training" in checked.explanation.codes()
    assert "no special training" in checked.to_text("en")


def test_a_plan_for_a_promotion_draft_offers_no_bond_and_says_why() -> None:
    [plan] = plan_bonds([PROMOTION], JOB, DOMAIN_COST_SCHEDULE)
    assert plan.agreement == PROMOTION
    assert plan.training is None
    assert plan.length is None
    assert plan.cost.total == 0
    assert plan.eligibility.status is EligibilityStatus.NO_TRAINING
    assert plan.explanation.step("A1.eligibility").output == "no_training"
    assert {c.id for c in plan.explanation.step("plan.length").citations} == {
        "LCL 22(1)",
        "LCL 25",
    }
    assert "bond_without_training" in plan.explanation.codes()
    assert "PROMO-2019" in plan.to_text("en")


def test_a_plan_takes_a_draft_agreement_for_its_training_as_it_takes_the_training() -> None:
    draft = agreement()
    [from_draft] = plan_bonds([draft], JOB, DOMAIN_COST_SCHEDULE)
    [from_training] = plan_bonds([draft.training], JOB, DOMAIN_COST_SCHEDULE)  # type: ignore[list-item]
    assert from_draft.agreement == draft
    assert from_draft.training == from_training.training
    assert from_draft.length == from_training.length == ServiceLength(years=4)
    assert from_draft.explanation == from_training.explanation


def test_a_plan_refuses_anything_but_trainings_and_agreements_and_repeated_ids() -> None:
    with pytest.raises(
        InvalidTypeError, match=r"trainings\[1\]: expected a Training or a BondAgreement"
    ):
        plan_bonds([PROMOTION, "promotion"], JOB, DOMAIN_COST_SCHEDULE)  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match=r"trainings\[1\]: expected a unique agreement id"):
        plan_bonds([PROMOTION, PROMOTION], JOB, DOMAIN_COST_SCHEDULE)
    with pytest.raises(InvalidValueError, match=r"trainings\[1\]: expected a unique training id"):
        plan_bonds([agreement(), training()], JOB, DOMAIN_COST_SCHEDULE)


def test_a_promotion_case_round_trips_through_plain_data_and_settles_the_same() -> None:
    case = BondCase(agreements=(PROMOTION,), employment=JOB, separation=LEAVING)
    data = json.loads(json.dumps(to_dict(case)))
    assert "training" not in data["agreements"][0]  # defaults are left out
    assert "benefit" not in data["agreements"][0]
    again = from_dict(data, BondCase)
    data["agreements"][0].update(training=None, benefit=None)
    assert from_dict(data, BondCase) == again
    assert again == case
    [settled] = settle_cases([again])
    assert settled == case.settle()
    assert settled.total_payable == Decimal("0.00")


@given(bond_agreements(without_training=True))
def test_generated_promotion_bonds_round_trip(drafted: BondAgreement) -> None:
    assert drafted.training is None
    assert drafted.benefit is None
    assert from_dict(to_dict(drafted), BondAgreement) == drafted
