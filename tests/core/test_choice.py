"""The library's enums: members found by value, and usable as keys however they travel."""

from __future__ import annotations

import copy
import pickle

import pytest

from hrpolicy.bonds import Outcome
from hrpolicy.core.bands import Side
from hrpolicy.core.errors import InvalidValueError


@pytest.mark.parametrize("member", [*Side, *Outcome])
def test_a_member_is_the_same_key_after_a_copy_a_pickle_or_a_lookup_by_value(
    member: Side | Outcome,
) -> None:
    table = {member: "found"}
    for again in (
        copy.copy(member),
        copy.deepcopy(member),
        pickle.loads(pickle.dumps(member)),
        type(member)(member.value),
    ):
        assert again is member
        assert hash(again) == hash(member)
        assert table[again] == "found"


def test_a_member_is_not_the_same_key_as_its_value() -> None:
    value: object = "upper"
    assert value != Side.UPPER
    assert value not in {Side.UPPER: 1}


def test_a_value_that_names_no_member_is_a_typed_error_listing_the_allowed_values() -> None:
    with pytest.raises(InvalidValueError, match="expected one of 'lower', 'upper'"):
        Side("top")
