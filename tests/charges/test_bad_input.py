"""Inputs that contradict each other are refused with a typed error naming the field,
what was expected and what came — never clamped or defaulted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy.charges import (
    Deposit,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    PayPeriod,
    Relationship,
    Role,
    Taking,
    Trigger,
    settle_charges,
)
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from tests.charges.helpers import case, month

_LOSS = LossCompensation(ref="L", trigger=Trigger.LOST_OR_DAMAGED)
_DEPOSIT = Deposit(ref="D", amount=Decimal(500))


def _refused(given: object) -> InvalidValueError:
    with pytest.raises(InvalidValueError) as raised:
        settle_charges(given)  # type: ignore[arg-type]
    return raised.value


def test_an_incident_before_the_first_day_of_work_is_refused_naming_it() -> None:
    early = Incident(id="I", trigger=Trigger.LOST_OR_DAMAGED, on=date(2025, 12, 31))
    error = _refused(case(_LOSS, incidents=(early,)))
    assert error.path == "incidents[0].on"
    assert "2026-01-01" in error.expected


def test_working_for_a_competitor_during_the_agreement_after_leaving_is_refused() -> None:
    late = Incident(id="I", trigger=Trigger.COMPETITOR_DURING, on=date(2026, 3, 2))
    error = _refused(
        case(
            _LOSS,
            incidents=(late,),
            pay_periods=(),
            worker_changes={"left_on": date(2026, 2, 28)},
        )
    )
    assert error.path == "incidents[0].on"


def test_working_for_a_competitor_after_leaving_before_the_worker_left_is_refused() -> None:
    after = Incident(id="I", trigger=Trigger.COMPETITOR_AFTER, on=date(2026, 3, 2))
    error = _refused(case(NonCompete(ref="N", penalty=Decimal(1), months=6), incidents=(after,)))
    assert error.path == "incidents[0].on"
    assert "has not left" in error.expected


def test_a_taking_under_a_clause_the_agreement_lacks_is_refused() -> None:
    taking = Taking(id="T", clause="Z", amount=Decimal(5), means=Means.PAID, on=date(2026, 3, 1))
    error = _refused(case(_LOSS, takings=(taking,)))
    assert error.path == "takings[0].clause"
    assert "(L)" in error.expected


def test_a_taking_for_an_incident_not_in_the_case_is_refused() -> None:
    taking = Taking(
        id="T", clause="L", amount=Decimal(5), means=Means.PAID, on=date(2026, 3, 1), incident="X"
    )
    assert _refused(case(_LOSS, takings=(taking,))).path == "takings[0].incident"


def test_a_deposit_drawn_from_a_deposit_is_refused() -> None:
    taking = Taking(
        id="T", clause="D", amount=Decimal(5), means=Means.FROM_DEPOSIT, on=date(2026, 3, 1)
    )
    assert _refused(case(_DEPOSIT, takings=(taking,))).path == "takings[0].means"


def test_more_drawn_from_deposits_than_they_hold_is_refused() -> None:
    paid = Taking(id="T0", clause="D", amount=Decimal(100), means=Means.PAID, on=date(2026, 1, 5))
    drawn = Taking(
        id="T1", clause="L", amount=Decimal(150), means=Means.FROM_DEPOSIT, on=date(2026, 3, 1)
    )
    error = _refused(case(_DEPOSIT, _LOSS, takings=(paid, drawn)))
    assert error.path == "takings[1].amount"
    assert "at most 100.00 yuan" in error.expected


def test_a_wage_deduction_in_no_pay_period_given_is_refused() -> None:
    taking = Taking(
        id="T", clause="L", amount=Decimal(5), means=Means.DEDUCTED_FROM_WAGES, on=date(2026, 2, 1)
    )
    assert _refused(case(_LOSS, takings=(taking,))).path == "takings[0].on"


def test_overlapping_pay_periods_are_refused() -> None:
    overlap = PayPeriod(
        start=date(2026, 3, 20), end=date(2026, 4, 5), wage=Decimal(1), minimum_wage=Decimal(0)
    )
    error = _refused(case(_LOSS, pay_periods=(month(2026, 3), overlap)))
    assert error.path == "pay_periods[1].start"


def test_a_pay_period_starting_after_the_last_day_worked_is_refused() -> None:
    error = _refused(
        case(
            _LOSS,
            pay_periods=(month(2026, 3), month(2026, 4)),
            worker_changes={"left_on": date(2026, 3, 31)},
        )
    )
    assert error.path == "pay_periods[1].start"


def test_a_deduction_under_a_labour_contract_needs_the_minimum_wage_of_its_period() -> None:
    lost = Incident(
        id="I", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 1), proven_loss=Decimal(9)
    )
    taking = Taking(
        id="T",
        clause="L",
        amount=Decimal(5),
        means=Means.DEDUCTED_FROM_WAGES,
        on=date(2026, 3, 2),
        incident="I",
    )
    error = _refused(
        case(
            _LOSS, incidents=(lost,), takings=(taking,), pay_periods=(month(2026, 3, minimum=None),)
        )
    )
    assert error.path == "pay_periods[0].minimum_wage"


def test_a_part_time_schedule_needs_the_hours_of_each_period() -> None:
    lost = Incident(
        id="I", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 1), proven_loss=Decimal(9)
    )
    period = PayPeriod(start=date(2026, 3, 1), end=date(2026, 3, 14), wage=Decimal(900))
    error = _refused(
        case(
            _LOSS,
            relationship=Relationship.PART_TIME,
            incidents=(lost,),
            pay_periods=(period,),
            as_of=date(2026, 3, 5),
        )
    )
    assert error.path == "pay_periods[0].hours"


def test_a_non_compete_without_agreed_compensation_needs_the_average_monthly_wage() -> None:
    error = _refused(
        case(
            NonCompete(ref="N", penalty=Decimal(1), months=6),
            pay_periods=(),
            worker_changes={"left_on": date(2026, 1, 31), "role": Role.SENIOR_MANAGER},
        )
    )
    assert error.path == "non_compete.average_monthly_wage"


def test_a_case_of_the_wrong_type_is_a_typed_error() -> None:
    with pytest.raises(InvalidTypeError) as raised:
        settle_charges("case")  # type: ignore[arg-type]
    assert raised.value.path == "case"
    with pytest.raises(InvalidTypeError):
        settle_charges(case(_LOSS), policy="protective")  # type: ignore[arg-type]
