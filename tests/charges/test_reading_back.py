"""A charges settlement stored as data and read back: it holds the case it settles, is
settled afresh from it, and is refused where a stored figure no longer follows."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from hrpolicy import from_dict, to_dict
from hrpolicy.charges import ChargePolicy, ChargeSettlement, PenaltyAndLoss
from hrpolicy.charges.examples import part_time_lost_materials_case, student_lost_materials_case
from hrpolicy.core.errors import ConversionError


def _stored(settled: ChargeSettlement) -> Any:
    return json.loads(json.dumps(to_dict(settled)))


def test_a_settlement_holds_the_case_it_settles_and_reads_back_equal() -> None:
    case = part_time_lost_materials_case()
    settled = case.settle()
    assert settled.case == case
    assert from_dict(_stored(settled), ChargeSettlement) == settled


def test_a_stored_settlement_whose_860_yuan_to_return_was_edited_to_800_is_refused_naming_it() -> (
    None
):
    # The part-timer is owed 800 (the deposit) + 60 (the per-set deduction) = 860 back.
    data = _stored(part_time_lost_materials_case().settle())
    data["to_return"] = "800.00"
    with pytest.raises(ConversionError) as raised:
        from_dict(data, ChargeSettlement)
    (error,) = raised.value.errors
    assert error.startswith("$.to_return: expected 860.00, as recomputed from the stored case")
    assert "got Decimal 800.00" in error


def test_a_stored_settlement_whose_case_was_edited_under_its_figures_is_refused() -> None:
    # The loss proven raised from 45 to 90 while the stored claim still says 45.
    data = _stored(part_time_lost_materials_case().settle())
    data["case"]["incidents"][0]["proven_loss"] = "90.00"
    with pytest.raises(ConversionError, match=r"\$\.claims\[0\]\.proven_loss: expected 90\.00"):
        from_dict(data, ChargeSettlement)


def test_a_what_if_settled_under_another_policy_reads_back_under_that_policy() -> None:
    # The student's lost set under CUMULATED: 30 (the per-set charge) + 20 (the loss) = 50.
    cumulated = ChargePolicy(penalty_and_loss=PenaltyAndLoss.CUMULATED)
    settled = student_lost_materials_case().settle(cumulated)
    assert settled.claimable == Decimal("50.00")
    assert from_dict(_stored(settled), ChargeSettlement) == settled


def test_a_stored_what_if_whose_policy_was_edited_is_refused() -> None:
    cumulated = ChargePolicy(penalty_and_loss=PenaltyAndLoss.CUMULATED)
    data = _stored(student_lost_materials_case().settle(cumulated))
    data["policy"]["penalty_and_loss"] = "not_cumulated"
    with pytest.raises(ConversionError, match="as recomputed from the stored case and policy"):
        from_dict(data, ChargeSettlement)
