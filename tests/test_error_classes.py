"""One rule for error classes: a bad policy raises PolicyDefinitionError, whether a value is
wrong on its own or does not fit the others; a bad fact raises InvalidValueError (its base
class); a value of the wrong type raises InvalidTypeError everywhere."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.bonds import BondPolicy
from hrpolicy.collection import RiskReserve
from hrpolicy.commission import Deal, PlanVersion, PoolShare, RoleShare
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.money import Rate
from hrpolicy.reports import OnTime
from tests.commission.helpers import commission


def test_a_role_split_not_adding_up_and_a_share_below_its_minimum_are_both_policy_errors() -> None:
    with pytest.raises(PolicyDefinitionError, match="shares adding up to 100%"):
        PlanVersion(
            version="v1",
            effective_from=date(2024, 1, 1),
            components=(commission(),),
            roles=(RoleShare(role="sales", share=Rate.parse("70%")),),
        )
    with pytest.raises(PolicyDefinitionError, match="at least the minimum 50%"):
        PoolShare(role="manager", share=Rate.parse("40%"), minimum=Rate.parse("50%"))


def test_a_value_out_of_range_in_any_policy_is_a_policy_error() -> None:
    with pytest.raises(PolicyDefinitionError, match="below 100%"):
        RiskReserve(rate=Rate.parse("100%"))
    with pytest.raises(PolicyDefinitionError, match=r"OnTime\.due_day: expected 1 to 31"):
        OnTime(component_id="report", name="月报", points=10, due_day=32)
    with pytest.raises(PolicyDefinitionError, match=r"BondPolicy\.unit"):
        BondPolicy(unit="weeks")  # type: ignore[arg-type]
    with pytest.raises(PolicyDefinitionError, match="1 or 2 values for 2 thresholds"):
        BandTable.from_thresholds([0, 100], [], closed=Side.UPPER, semantics=Semantics.WHOLE)


def test_a_bad_fact_is_a_value_error_but_not_a_policy_error() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Deal(deal_id="D1", owner="li", signed_on=date(2024, 3, 1), amount=Decimal(-5))
    assert not isinstance(caught.value, PolicyDefinitionError)


def test_a_wrong_type_in_a_policy_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError):
        PoolShare(role="manager", share=0.4)  # type: ignore[arg-type]
