"""Measuring service and the contract against the service period (Regs Art. 17), and the timeline:
before the service starts and after it ends nothing is owed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from hrpolicy.bonds import (
    BondAgreement,
    BondPolicy,
    Outcome,
    ServiceLength,
    StartRule,
    TrainingKind,
    review,
)
from hrpolicy.core import InvalidValueError, Rounding, TimeUnit
from tests.bonds.helpers import (
    agreement,
    codes,
    employment,
    separation,
    settle_standard,
    training,
)


def test_service_starts_the_day_after_training_ends_when_the_agreement_is_silent() -> None:
    result = review(agreement(), employment())
    assert result.service is not None
    assert result.service.start == date(2020, 4, 1)
    assert result.service.last_day == date(2023, 3, 31)
    assert result.service.start_source == "agreement silent, default: the day after training ends"


def test_an_explicit_start_date_in_the_agreement_always_wins() -> None:
    result = review(
        agreement(start_date=date(2020, 5, 15)),
        employment(),
        BondPolicy(start_convention=StartRule.SIGNING),
    )
    assert result.service is not None
    assert result.service.start == date(2020, 5, 15)
    assert result.service.last_day == date(2023, 5, 14)


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        pytest.param(
            StartRule.TRAINING_START, date(2020, 3, 2), id="from the first day of training"
        ),
        pytest.param(StartRule.SIGNING, date(2020, 3, 1), id="from signing"),
        pytest.param(StartRule.CONTRACT_START, date(2019, 1, 1), id="from the contract start"),
        pytest.param(
            StartRule.DAY_AFTER_TRAINING_ENDS, date(2020, 4, 1), id="from the return to work"
        ),
    ],
)
def test_an_agreed_start_rule_is_applied(rule: StartRule, start: date) -> None:
    result = review(agreement(start_rule=rule), employment(contract_start=date(2019, 1, 1)))
    assert result.service is not None
    assert result.service.start == start


def test_a_trainee_who_quits_mid_course_is_covered_only_when_service_starts_with_the_training() -> (
    None
):
    mid_course = separation(last_day=date(2020, 3, 20))
    default = settle_standard(
        agreement_=agreement(signed_on=date(2020, 3, 1)), separation_=mid_course
    )
    assert default.outcome is Outcome.NOT_BREACHED
    assert "left_before_service_start" in codes(default)
    covered = settle_standard(
        agreement_=agreement(start_rule=StartRule.TRAINING_START), separation_=mid_course
    )
    assert covered.outcome is Outcome.PAYABLE
    # 19 days of a 3-year service → 1 month (nearest); 35 of 36 months unserved.
    assert covered.payable == Decimal("11666.67")


@pytest.mark.parametrize(
    ("last_day", "served"),
    [
        pytest.param(date(2021, 1, 26), 10, id="9 months 26 days counts as 10 months"),
        pytest.param(date(2021, 3, 11), 11, id="11 months 11 days counts as 11 months"),
        pytest.param(date(2020, 4, 14), 0, id="14 days is under half a month"),
        pytest.param(date(2020, 4, 15), 1, id="15 days is half a month and counts"),
    ],
)
def test_a_partial_month_counts_when_it_reaches_half_a_month(last_day: date, served: int) -> None:
    result = settle_standard(separation_=separation(last_day=last_day))
    assert result.served is not None
    assert result.served.value == served


def test_three_years_seven_months_counts_as_four_years_when_counting_in_years() -> None:
    result = settle_standard(
        agreement_=agreement(length=ServiceLength(years=5)),
        separation_=separation(last_day=date(2023, 10, 31)),
        policy=BondPolicy(unit=TimeUnit.YEARS),
    )
    assert result.served is not None
    assert result.served.whole == 3
    assert result.served.value == 4
    assert result.payable == Decimal("2400.00")  # 12,000 × 1/5


@pytest.mark.parametrize(
    ("rounding", "served", "payable"),
    [
        pytest.param(
            Rounding.NEAREST, Fraction(13), "7666.67", id="nearest: 12 months 20 days → 13"
        ),
        pytest.param(Rounding.FLOOR, Fraction(12), "8000.00", id="floor: complete months only"),
        pytest.param(Rounding.CEIL, Fraction(13), "7666.67", id="ceil: any part of a month counts"),
        pytest.param(
            Rounding.EXACT, 12 + Fraction(20, 30), "7777.78", id="exact: 12 months and 20/30"
        ),
    ],
)
def test_the_rounding_of_a_partial_month_is_a_switchable_option(
    rounding: Rounding, served: Fraction, payable: str
) -> None:
    result = settle_standard(
        separation_=separation(last_day=date(2021, 4, 20)), policy=BondPolicy(rounding=rounding)
    )
    assert result.served is not None
    assert result.served.value == served
    assert result.payable == Decimal(payable)
    assert result.explanation.step("policy.options").input_map["rounding"] == rounding.value


def test_counting_in_days_is_available() -> None:
    result = settle_standard(policy=BondPolicy(unit=TimeUnit.DAYS))
    # 2020-04-01..2023-03-31 is 1,095 days; 365 served (2020-04-01..2021-03-31); 730 unserved.
    assert result.total_units == 1095
    assert result.unserved_units == 730
    assert result.payable == Decimal("8000.00")


def test_nothing_is_owed_on_the_last_day_of_service_or_after() -> None:
    on_the_day = settle_standard(separation_=separation(last_day=date(2023, 3, 31)))
    after = settle_standard(separation_=separation(last_day=date(2024, 6, 30)))
    for result in (on_the_day, after):
        assert result.outcome is Outcome.NOT_BREACHED
        assert result.payable == Decimal("0.00")
        assert "service_completed" in codes(result)


def test_a_contract_ending_before_the_service_period_is_extended_to_its_end() -> None:
    result = review(agreement(), employment(contract_end=date(2021, 12, 31)))
    assert result.service is not None
    assert result.service.contract_extended_to == date(2023, 3, 31)
    assert "contract_extended" in {f.code for f in result.findings}


def test_a_contract_outlasting_the_service_period_is_not_extended() -> None:
    result = review(agreement(), employment(contract_end=date(2024, 12, 31)))
    assert result.service is not None
    assert result.service.contract_extended_to is None


@pytest.mark.parametrize(
    "void",
    [
        pytest.param(agreement(training=training(kind=TrainingKind.MANAGEMENT)), id="management"),
        pytest.param(agreement(training=training(took_place=False)), id="never held"),
        pytest.param(agreement(training=None), id="no training"),
    ],
)
def test_a_bond_that_cannot_carry_a_penalty_does_not_extend_the_contract(
    void: BondAgreement,
) -> None:
    result = review(void, employment(contract_end=date(2021, 12, 31)))
    assert result.service is not None
    assert result.service.contract_extended_to is None
    assert "contract_extended" not in {f.code for f in result.findings}
    step = result.explanation.step("A5.contract_extension")
    assert step.output is None
    assert step.label.en == "no contract extension: the bond cannot carry a service period"
    assert "Regs 17" in {c.id for c in step.citations}


def test_an_open_ended_contract_is_never_extended() -> None:
    result = review(agreement(), employment(contract_end=None))
    assert result.service is not None
    assert result.service.contract_extended_to is None


def test_counting_from_the_contract_start_needs_the_contract_start() -> None:
    with pytest.raises(InvalidValueError, match=r"Employment\.contract_start"):
        review(agreement(start_rule=StartRule.CONTRACT_START), employment())


def test_a_service_period_that_ended_before_the_agreement_was_signed_is_refused() -> None:
    backdated = agreement(start_date=date(2015, 1, 1), signed_on=date(2020, 3, 1))
    with pytest.raises(InvalidValueError, match="ends on or after signing"):
        review(backdated, employment())
