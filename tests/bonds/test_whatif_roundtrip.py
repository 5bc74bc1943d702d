"""A bond what-if read back from JSON: equal, and an edited row is refused."""

from __future__ import annotations

import json

import pytest

from hrpolicy.bonds import BondComparison, BondPolicy, TimeUnit, compare_policies
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError


def test_a_bond_what_if_read_back_from_json_with_an_edited_figure_is_refused_naming_the_row() -> (
    None
):
    what_if = compare_policies(
        [electrician_case()], BondPolicy(), BondPolicy(unit=TimeUnit.DAYS, name="by day")
    )
    data = json.loads(json.dumps(to_dict(what_if)))
    assert from_dict(data, BondComparison) == what_if
    data["rows"][0]["candidate"] = "1000.00"
    with pytest.raises(ConversionError, match=r"rows\[0\]\.candidate: expected 1822\.99"):
        from_dict(data, BondComparison)


def test_a_bond_what_if_read_back_with_a_row_renamed_to_another_employee_is_refused() -> None:
    what_if = compare_policies(
        [electrician_case()], BondPolicy(), BondPolicy(unit=TimeUnit.DAYS, name="by day")
    )
    data = json.loads(json.dumps(to_dict(what_if)))
    data["rows"][0]["subject"] = "cases[0] someone else"
    with pytest.raises(ConversionError, match=r"rows\[0\]\.subject"):
        from_dict(data, BondComparison)
