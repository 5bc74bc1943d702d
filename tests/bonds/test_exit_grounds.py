"""Exit grounds, one by one (Regs Art. 26): which exit grounds leave the capped penalty owed.

The standard case (see helpers) leaves 24 of 36 months unserved on a 12,000-yuan course:
the capped amount is 8,000.00.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy.bonds import (
    BondPolicy,
    BondSettlement,
    ExitGround,
    MutualAgreementRule,
    Outcome,
    ProbationRule,
)
from hrpolicy.bonds.rules import GROUNDS
from hrpolicy.core import InvalidValueError
from tests.bonds.helpers import (
    agreement,
    cited,
    codes,
    employment,
    separation,
    settle_standard,
    training,
)

CAPPED = Decimal("8000.00")

# A hire in probation: hired 2020-02-01, probation to 2020-07-31, the course (in probation)
# from 2020-03-02 to 2020-03-31, last day 2020-06-30: 3 months served, 33 unserved.
CAPPED_IN_PROBATION = Decimal("11000.00")


def settle_in_probation(
    ground: ExitGround = ExitGround.RESIGNATION, policy: BondPolicy | None = None
) -> BondSettlement:
    return settle_standard(
        agreement_=agreement(training=training(during_probation=True)),
        employment_=employment(hire_date=date(2020, 2, 1), probation_end=date(2020, 7, 31)),
        separation_=separation(last_day=date(2020, 6, 30), ground=ground),
        policy=policy,
    )


def test_an_employee_who_resigns_on_notice_owes_the_cost_of_the_unserved_months() -> None:
    result = settle_standard(separation_=separation(ground=ExitGround.RESIGNATION))
    assert result.outcome is Outcome.PAYABLE
    assert result.payable == CAPPED
    assert "LCL 37" in {c.id for s in result.explanation.steps for c in s.citations}


def test_an_employee_who_walks_out_owes_the_capped_amount_and_losses_are_a_separate_claim() -> None:
    result = settle_standard(separation_=separation(ground=ExitGround.ABSCONDED))
    assert result.payable == CAPPED
    assert "damages_claim_separate" in codes(result)
    assert "LCL 90" in cited(result, "damages_claim_separate")


def test_an_employee_who_resigns_for_unpaid_social_insurance_owes_nothing() -> None:
    result = settle_standard(separation_=separation(ground=ExitGround.RESIGNATION_EMPLOYER_FAULT))
    assert result.outcome is Outcome.EXEMPT
    assert result.payable == Decimal("0.00")
    assert "Regs 26(1)" in cited(result, "exempt_ground")


def test_an_employee_dismissed_for_serious_misconduct_owes_the_capped_amount() -> None:
    result = settle_standard(separation_=separation(ground=ExitGround.DISMISSAL_MISCONDUCT))
    assert result.payable == CAPPED
    step = result.explanation.step("A6.exit_ground")
    assert "Regs 26(2)" in {c.id for c in step.citations}


def test_an_employee_dismissed_for_failing_probation_owes_nothing() -> None:
    result = settle_in_probation(ExitGround.DISMISSAL_FAILED_PROBATION)
    assert result.outcome is Outcome.EXEMPT
    assert result.payable == Decimal("0.00")
    assert "LCL 39 item 1" in cited(result, "exempt_ground")


@pytest.mark.parametrize(
    ("ground", "article"),
    [
        pytest.param(
            ExitGround.DISMISSAL_NO_FAULT,
            "LCL 40",
            id="an employee dismissed for incompetence or illness owes nothing",
        ),
        pytest.param(ExitGround.LAYOFF, "LCL 41", id="an employee laid off owes nothing"),
        pytest.param(
            ExitGround.UNLAWFUL_DISMISSAL,
            "LCL 48",
            id="an unlawfully dismissed employee owes nothing",
        ),
        pytest.param(
            ExitGround.RETIREMENT, "LCL 44 item 2-5", id="a retiring employee owes nothing"
        ),
        pytest.param(
            ExitGround.DEATH, "LCL 44 item 2-5", id="nothing is owed on the employee's death"
        ),
        pytest.param(
            ExitGround.EMPLOYER_BANKRUPTCY,
            "LCL 44 item 2-5",
            id="nothing is owed when the employer goes bankrupt",
        ),
        pytest.param(
            ExitGround.EMPLOYER_CLOSURE,
            "LCL 44 item 2-5",
            id="nothing is owed when the employer closes",
        ),
    ],
)
def test_grounds_outside_the_employees_control_owe_nothing(
    ground: ExitGround, article: str
) -> None:
    result = settle_standard(separation_=separation(ground=ground))
    assert result.outcome is Outcome.EXEMPT
    assert result.payable == Decimal("0.00")
    assert article in cited(result, "exempt_ground")


def test_when_the_employer_lets_the_contract_lapse_inside_the_service_period_nothing_is_owed() -> (
    None
):
    result = settle_standard(
        employment_=employment(contract_end=date(2021, 3, 31)),
        separation_=separation(ground=ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING),
    )
    assert "contract_extended" in codes(result)
    assert result.outcome is Outcome.EXEMPT
    assert result.payable == Decimal("0.00")
    assert "Regs 17" in cited(result, "exempt_ground")


def test_an_employee_refusing_to_continue_the_contract_in_the_service_period_owes_the_cap() -> None:
    result = settle_standard(
        employment_=employment(contract_end=date(2021, 3, 31)),
        separation_=separation(ground=ExitGround.EXPIRY_EMPLOYEE_REFUSES),
    )
    assert result.outcome is Outcome.PAYABLE
    assert result.payable == CAPPED


def test_leaving_by_mutual_agreement_owes_nothing_unless_the_separation_agreement_settles_it() -> (
    None
):
    silent = settle_standard(separation_=separation(ground=ExitGround.MUTUAL_AGREEMENT))
    assert silent.outcome is Outcome.EXEMPT
    assert silent.payable == Decimal("0.00")
    settled = settle_standard(
        separation_=separation(ground=ExitGround.MUTUAL_AGREEMENT, settles_bond=True)
    )
    assert settled.payable == CAPPED
    assert "mutual_agreement_settles_bond" in codes(settled)


def test_the_mutual_agreement_option_can_make_the_capped_amount_owed() -> None:
    result = settle_standard(
        separation_=separation(ground=ExitGround.MUTUAL_AGREEMENT),
        policy=BondPolicy(mutual_agreement=MutualAgreementRule.CAPPED),
    )
    assert result.payable == CAPPED
    options = result.explanation.step("policy.options").input_map
    assert options["mutual_agreement"] == "capped"


def test_an_employee_who_quits_in_probation_owes_nothing_by_default_and_it_is_flagged() -> None:
    result = settle_in_probation()
    assert result.outcome is Outcome.EXEMPT
    assert result.payable == Decimal("0.00")
    assert "contested_probation" in codes(result)


def test_the_probation_option_computes_the_cap_and_still_flags_the_contested_point() -> None:
    result = settle_in_probation(policy=BondPolicy(probation=ProbationRule.CAPPED))
    assert result.payable == CAPPED_IN_PROBATION
    assert "contested_probation" in codes(result)


def test_a_resignation_after_probation_ended_is_not_treated_as_a_probation_exit() -> None:
    result = settle_standard(employment_=employment(probation_end=date(2019, 6, 30)))
    assert result.payable == CAPPED
    assert "contested_probation" not in codes(result)


def test_every_exit_ground_has_a_rule() -> None:
    assert set(GROUNDS) == set(ExitGround)


def test_an_exit_at_contract_expiry_must_fall_on_the_contracts_last_day() -> None:
    with pytest.raises(InvalidValueError, match="the contract's last day 2024-12-31"):
        settle_standard(separation_=separation(ground=ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING))


def test_a_dismissal_for_failed_probation_must_happen_in_probation() -> None:
    with pytest.raises(InvalidValueError, match="only during probation"):
        settle_standard(separation_=separation(ground=ExitGround.DISMISSAL_FAILED_PROBATION))
