"""Which training can carry a bond (LCL Art. 22(1)) and what counts as its cost (Regs Art. 16)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hrpolicy.bonds import (
    BenefitKind,
    BondPolicy,
    Collection,
    CollectionMethod,
    CostCategory,
    CostMultiple,
    EligibilityStatus,
    ExitGround,
    Outcome,
    Payer,
    PerUnservedUnit,
    ProRata,
    Provider,
    Regime,
    Region,
    ServiceLength,
    SpecialBenefit,
    TrainingKind,
    review,
    settle,
)
from hrpolicy.core import Rate, Rounding, TimeUnit
from tests.bonds.helpers import (
    agreement,
    cited,
    codes,
    cost,
    employment,
    separation,
    settle_standard,
    training,
)


def test_employer_funded_professional_training_with_vouchers_can_carry_a_bond() -> None:
    result = review(agreement(), employment())
    assert result.eligibility.status is EligibilityStatus.ELIGIBLE
    assert result.cost is not None
    assert result.cost.amount == Decimal("12000.00")


def test_special_operation_certificate_training_cannot_carry_a_bond_outside_shanghai() -> None:
    special = agreement(training=training(kind=TrainingKind.SPECIAL_OPERATION_CERTIFICATE))
    result = settle_standard(agreement_=special)
    assert result.outcome is Outcome.VOID
    assert "bond_on_safety_training" in codes(result)


def test_shanghai_lets_special_operation_certificate_training_carry_a_bond() -> None:
    special = agreement(training=training(kind=TrainingKind.SPECIAL_OPERATION_CERTIFICATE))
    result = settle_standard(agreement_=special, policy=BondPolicy(region=Region.SHANGHAI))
    assert result.outcome is Outcome.PAYABLE
    assert result.payable == Decimal("8000.00")
    assert "shanghai_special_operation" in codes(result)


def test_training_that_never_happened_carries_no_bond() -> None:
    result = settle_standard(agreement_=agreement(training=training(took_place=False)))
    assert result.outcome is Outcome.VOID
    assert "training_not_held" in codes(result)


def test_a_housing_bond_goes_to_a_court_and_no_number_is_given() -> None:
    housing = agreement(training=None, benefit=SpecialBenefit(kind=BenefitKind.HOUSING))
    result = settle([housing], employment(), separation())
    bond = result.bond("A1")
    assert bond.outcome is Outcome.JUDICIAL_ASSESSMENT
    assert bond.payable is None
    assert result.needs_judicial_assessment == ("A1",)
    assert result.total_payable == Decimal("0.00")
    assert {"special_benefit_requires_court", "assessment_outside_total"} <= {
        f.code for f in result.findings
    }


def test_a_pilots_bond_is_out_of_scope_and_no_number_is_given() -> None:
    result = settle_standard(employment_=employment(regime=Regime.CIVIL_AVIATION_PILOT))
    assert result.outcome is Outcome.OUT_OF_SCOPE
    assert result.payable is None
    assert "out_of_scope_regime" in codes(result)


def test_vouchered_fees_travel_lodging_meals_visas_exams_and_materials_all_count() -> None:
    direct = [
        CostCategory.TUITION,
        CostCategory.TRAVEL,
        CostCategory.LODGING,
        CostCategory.MEALS,
        CostCategory.VISA,
        CostCategory.EXAM_CERTIFICATION,
        CostCategory.MATERIALS,
        CostCategory.OTHER_DIRECT,
    ]
    costs = tuple(cost("100", category, item_id=category.value) for category in direct)
    result = review(agreement(training=training(costs=costs)), employment())
    assert result.cost is not None
    assert result.cost.total == Fraction(800)
    assert not result.cost.excluded


def test_costs_without_a_voucher_do_not_count() -> None:
    costs = (cost(), cost("3000", CostCategory.TRAVEL, item_id="taxi", has_voucher=False))
    result = review(agreement(training=training(costs=costs)), employment())
    assert result.cost is not None
    assert result.cost.total == Fraction(12000)
    [excluded] = result.cost.excluded
    assert excluded.item_id == "taxi"
    assert "voucher" in excluded.reason.en
    assert "costs_excluded" in {f.code for f in result.findings}


def test_in_house_trainer_time_and_lost_production_are_not_training_cost() -> None:
    costs = (
        cost(),
        cost("2000", CostCategory.TRAINER_TIME, item_id="mentor"),
        cost("9000", CostCategory.LOST_PRODUCTION, item_id="downtime"),
    )
    result = review(
        agreement(training=training(costs=costs, provider=Provider.IN_HOUSE)), employment()
    )
    assert result.cost is not None
    assert result.cost.total == Fraction(12000)
    assert {line.item_id for line in result.cost.excluded} == {"mentor", "downtime"}
    assert "in_house_provider" in {f.code for f in result.findings}


def test_a_cost_paid_by_a_customer_or_the_employee_does_not_count() -> None:
    costs = (
        cost(),
        cost("500", CostCategory.TRAVEL, item_id="customer", paid_by=Payer.THIRD_PARTY),
        cost("300", CostCategory.MATERIALS, item_id="own", paid_by=Payer.EMPLOYEE),
    )
    result = review(agreement(training=training(costs=costs)), employment())
    assert result.cost is not None
    assert result.cost.total == Fraction(12000)


def test_a_group_course_is_shared_per_trainee_and_computed_exactly() -> None:
    group = training(costs=(cost("10000", shared_by=3),))
    result = settle_standard(agreement_=agreement(training=group))
    assert result.review.cost is not None
    assert result.review.cost.total == Fraction(10000, 3)
    # 10000/3 × 24/36 = 20000/9 = 2222.222… → 2222.22, rounded once at the end.
    assert result.payable == Decimal("2222.22")


def test_wages_count_only_under_the_contested_option_for_full_time_off_job_training() -> None:
    costs = (cost(), cost("6000", CostCategory.WAGES, item_id="salary"))
    offjob = training(costs=costs, full_time_off_job=True)
    default = review(agreement(training=offjob), employment())
    assert default.cost is not None
    assert default.cost.total == Fraction(12000)
    option = review(
        agreement(training=offjob), employment(), BondPolicy(include_offjob_training_wages=True)
    )
    assert option.cost is not None
    assert option.cost.total == Fraction(18000)
    assert "offjob_wages_included_contested" in {f.code for f in option.findings}
    on_the_job = review(
        agreement(training=training(costs=costs)),
        employment(),
        BondPolicy(include_offjob_training_wages=True),
    )
    assert on_the_job.cost is not None
    assert on_the_job.cost.total == Fraction(12000)


def test_a_cost_stated_in_the_agreement_above_the_vouchers_is_flagged() -> None:
    result = review(agreement(stated_cost=Decimal("20000")), employment())
    assert "stated_cost_above_recognised" in {f.code for f in result.findings}


def test_a_clause_computes_on_the_real_cost_not_an_inflated_stated_one() -> None:
    # The agreement states 20,000; only 12,000 is vouchered. "10 % per unserved year"
    # with 2 whole years unserved asks 10 % × 2 × 12,000 = 2,400, not 4,000.
    inflated = agreement(
        stated_cost=Decimal("20000"),
        penalty=PerUnservedUnit(
            rate=Rate.parse("10%"), unit=TimeUnit.YEARS, rounding=Rounding.FLOOR
        ),
    )
    result = settle_standard(agreement_=inflated)
    assert result.agreed == Decimal("2400.00")
    assert result.payable == Decimal("2400.00")
    assert "stated_cost_above_recognised" in codes(result)
    half = settle_standard(
        agreement_=agreement(
            stated_cost=Decimal("20000"), penalty=CostMultiple(multiple=Decimal("0.5"))
        )
    )
    assert half.agreed == Decimal("6000.00")


def test_a_lower_cost_stated_in_the_agreement_stands() -> None:
    lower = agreement(
        stated_cost=Decimal("9000"), penalty=ProRata(unit=TimeUnit.MONTHS, rounding=Rounding.FLOOR)
    )
    result = settle_standard(agreement_=lower)
    assert result.agreed == Decimal("6000.00")  # 9,000 × 24/36
    assert result.payable == Decimal("6000.00")


def test_a_housing_bond_served_in_full_owes_nothing() -> None:
    housing = agreement(
        training=None,
        benefit=SpecialBenefit(kind=BenefitKind.HOUSING),
        length=ServiceLength(years=1),
    )
    result = settle([housing], employment(), separation())
    assert result.bond("A1").outcome is Outcome.NOT_BREACHED
    assert result.total_payable == Decimal("0.00")
    assert result.refund_due == Decimal("0.00")


def test_a_housing_bond_left_for_the_employers_fault_owes_nothing() -> None:
    housing = agreement(training=None, benefit=SpecialBenefit(kind=BenefitKind.HOUSING))
    result = settle(
        [housing], employment(), separation(ground=ExitGround.RESIGNATION_EMPLOYER_FAULT)
    )
    assert result.bond("A1").outcome is Outcome.EXEMPT


def test_while_a_court_must_assess_a_bond_the_refund_and_demand_are_not_judged() -> None:
    housing = agreement(training=None, benefit=SpecialBenefit(kind=BenefitKind.HOUSING))
    result = settle(
        [housing],
        employment(),
        separation(
            demanded=Decimal("50000"),
            collections=(
                Collection(amount=Decimal("20000"), method=CollectionMethod.PAID_BY_EMPLOYEE),
            ),
        ),
    )
    assert result.refund_due is None
    assert result.excess_demand is None
    assert result.still_owed is None
    assert "refund_due" not in {f.code for f in result.findings}


def test_a_benefit_bond_counts_service_from_signing_when_silent() -> None:
    housing = agreement(training=None, benefit=SpecialBenefit(kind=BenefitKind.CAR))
    checked = review(housing, employment())
    assert checked.service is not None
    assert checked.service.start == date(2020, 3, 1)
    assert checked.service.start_source == "agreement silent, default: the signing date"


def test_a_pilots_bond_cites_the_pilot_regime_not_public_institutions() -> None:
    result = settle_standard(employment_=employment(regime=Regime.CIVIL_AVIATION_PILOT))
    assert cited(result, "out_of_scope_regime") == {"Regime-Pilots"}
    public = settle_standard(employment_=employment(regime=Regime.PUBLIC_INSTITUTION))
    assert cited(public, "out_of_scope_regime") == {"LCL 96"}


def test_a_pilots_bond_is_not_said_to_await_a_court() -> None:
    result = settle([agreement()], employment(regime=Regime.CIVIL_AVIATION_PILOT), separation())
    found = {f.code for f in result.findings}
    assert "regime_outside_total" in found
    assert "assessment_outside_total" not in found
    assert result.refund_due is None


def test_a_settlement_reads_in_chinese() -> None:
    text = settle(
        [agreement()], employment(), separation(ground=ExitGround.RESIGNATION_EMPLOYER_FAULT)
    ).to_text("zh_CN")
    assert "因用人单位过错辞职" in text
    assert "因离职原因免除" in text
    assert "resignation_employer_fault" not in text.split("步骤")[0]
