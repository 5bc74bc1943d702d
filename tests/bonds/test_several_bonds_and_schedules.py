"""Several trainings are several bonds (LCL Art. 22(2)), and company schedules as data
(cost → years, two trainings in a year bonded separately)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy.bonds import (
    DOMAIN_COST_SCHEDULE,
    BondAgreement,
    BondPolicy,
    EligibilityStatus,
    ExitGround,
    ServiceLength,
    ServiceSchedule,
    TrainingKind,
    plan_bonds,
    review,
    settle,
)
from hrpolicy.core import (
    BandTable,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
    Semantics,
    Side,
)
from tests.bonds.helpers import agreement, cost, employment, separation, training


def _second_bond() -> BondAgreement:
    # A 4,000-yuan course in June 2020, its own 2-year bond: 2020-07-01 to 2022-06-30.
    return agreement(
        id="A2",
        signed_on=date(2020, 6, 1),
        length=ServiceLength(years=2),
        training=training(
            id="T2", start=date(2020, 6, 1), end=date(2020, 6, 30), costs=(cost("4000"),)
        ),
    )


def test_two_trainings_are_settled_as_two_bonds_and_totalled() -> None:
    result = settle([agreement(), _second_bond()], employment(), separation())
    assert [b.agreement_id for b in result.bonds] == ["A1", "A2"]
    # A1: 8,000.00 (24 of 36 unserved). A2: served 9 of 24 months → 4,000 × 15/24 = 2,500.
    assert result.bond("A1").payable == Decimal("8000.00")
    assert result.bond("A2").payable == Decimal("2500.00")
    assert result.total_payable == Decimal("10500.00")


def test_overlapping_service_periods_run_concurrently() -> None:
    result = settle(
        [agreement(), _second_bond()], employment(), separation(last_day=date(2022, 12, 31))
    )
    # A2 ended 2022-06-30: fully served; A1 still has 3 months to run: 12,000 × 3/36.
    assert result.bond("A2").payable == Decimal("0.00")
    assert result.bond("A1").payable == Decimal("1000.00")


def test_the_result_does_not_depend_on_the_order_the_bonds_are_given_in() -> None:
    forward = settle([agreement(), _second_bond()], employment(), separation())
    backward = settle([_second_bond(), agreement()], employment(), separation())
    assert forward == backward


def test_two_agreements_with_the_same_id_are_rejected() -> None:
    with pytest.raises(InvalidValueError, match=r"agreements\[1\]"):
        settle([agreement(), agreement()], employment(), separation())


def test_an_exempt_ground_zeroes_every_bond() -> None:
    result = settle(
        [agreement(), _second_bond()], employment(), separation(ground=ExitGround.LAYOFF)
    )
    assert result.total_payable == Decimal("0.00")


def test_the_domain_schedule_maps_cost_to_years_with_upper_bounds_included() -> None:
    years = DOMAIN_COST_SCHEDULE.years_for
    assert [
        years(Decimal(c))
        for c in ("0.01", "2000", "2000.01", "5000", "10000", "15000", "20000", "50000")
    ] == [
        1,
        1,
        2,
        2,
        3,
        4,
        5,
        8,
    ]
    with pytest.raises(NotCoveredError):
        years(Decimal("50000.01"))
    with pytest.raises(NotCoveredError):
        years(Decimal("0"))


def test_two_trainings_in_one_year_are_bonded_on_their_own_costs_not_merged() -> None:
    # 3,000 + 3,000: each needs 2 years on its own; merged (6,000) would stretch to 3.
    assert DOMAIN_COST_SCHEDULE.length_for(Decimal("3000")) == ServiceLength(years=2)
    assert DOMAIN_COST_SCHEDULE.years_for(Decimal("6000")) == 3


def test_an_agreement_longer_than_the_company_schedule_is_flagged() -> None:
    policy = BondPolicy(schedule=DOMAIN_COST_SCHEDULE)
    # 12,000 yuan → the schedule gives 4 years; 5 years agreed.
    result = review(agreement(length=ServiceLength(years=5)), employment(), policy)
    assert result.schedule_years == 4
    assert "length_exceeds_schedule" in {f.code for f in result.findings}
    fitting = review(agreement(length=ServiceLength(years=4)), employment(), policy)
    assert "length_exceeds_schedule" not in {f.code for f in fitting.findings}


def test_a_cost_the_company_schedule_does_not_cover_is_reported_not_guessed() -> None:
    policy = BondPolicy(schedule=DOMAIN_COST_SCHEDULE)
    big = agreement(training=training(costs=(cost("60000"),)))
    result = review(big, employment(), policy)
    assert result.schedule_years is None
    assert "schedule_does_not_cover_cost" in {f.code for f in result.findings}


def test_a_schedule_must_give_whole_years() -> None:
    table = BandTable.from_thresholds(
        [0, 1000], ["1.5"], closed=Side.UPPER, semantics=Semantics.WHOLE
    )
    with pytest.raises(PolicyDefinitionError, match="whole number of years"):
        ServiceSchedule(table=table)


def test_a_plan_bonds_each_training_of_the_year_on_its_own_cost() -> None:
    march = training(id="T-03", costs=(cost("3000"),))
    june = training(id="T-06", start=date(2020, 6, 1), end=date(2020, 6, 5), costs=(cost("3000"),))
    plans = plan_bonds([march, june], employment(), DOMAIN_COST_SCHEDULE)
    assert [(plan.training, plan.length) for plan in plans] == [
        (march, ServiceLength(years=2)),
        (june, ServiceLength(years=2)),
    ]
    # Merged, 6,000 yuan would have stretched one bond to 3 years; the plan never merges.
    assert all(plan.cost.total == 3000 for plan in plans)


def test_a_plan_offers_no_bond_for_training_the_employer_owes_anyway() -> None:
    [plan] = plan_bonds(
        [training(kind=TrainingKind.ONBOARDING)], employment(), DOMAIN_COST_SCHEDULE
    )
    assert plan.eligibility.status is EligibilityStatus.STATUTORY_TRAINING
    assert plan.length is None
    assert "bond_on_statutory_training" in plan.explanation.codes()


def test_a_plan_reports_a_cost_the_schedule_does_not_cover() -> None:
    [plan] = plan_bonds([training(costs=(cost("80000"),))], employment(), DOMAIN_COST_SCHEDULE)
    assert plan.length is None
    assert "schedule_does_not_cover_cost" in plan.explanation.codes()
    assert "Bond plan" in plan.to_text()


def test_a_plan_refuses_two_trainings_with_the_same_id() -> None:
    with pytest.raises(InvalidValueError, match=r"trainings\[1\]"):
        plan_bonds([training(), training()], employment(), DOMAIN_COST_SCHEDULE)


def test_one_training_cannot_be_bonded_twice() -> None:
    amended = agreement(id="A1-amended", length=ServiceLength(years=5))
    with pytest.raises(InvalidValueError, match=r"agreements\[1\]\.training\.id: .*agreement A1"):
        settle([agreement(), amended], employment(), separation())
