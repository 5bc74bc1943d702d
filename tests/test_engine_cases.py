"""What every engine's case type promises, engine by engine: its worked example runs to its
declared result, any case reads back from JSON unchanged and runs to a result or a typed
error, and the document types list it with its policies."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hrpolicy.strategies
from hrpolicy.core.convert import to_dict
from hrpolicy.core.engines import ENGINE_NAMES, document_types, engine
from hrpolicy.core.errors import HRPolicyError
from tests.helpers import json_roundtrip

assert hrpolicy.strategies.REGISTERED_TYPES  # registers st.from_type for the case types


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_every_engine_runs_its_example_case_to_its_result_type(name: str) -> None:
    spec = engine(name)
    case = spec.example_case()
    assert type(case) is spec.case_type
    assert type(spec.run(case)) is spec.result_type
    assert to_dict(case)["format"] == 1
    assert json_roundtrip(case) == case


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_any_case_of_every_engine_reads_back_from_its_json_unchanged(name: str) -> None:
    spec = engine(name)

    @settings(max_examples=20)
    @given(st.from_type(spec.case_type))
    def check(case: Any) -> None:
        assert json_roundtrip(case) == case

    check()


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_any_case_of_every_engine_runs_to_its_result_or_a_typed_error(name: str) -> None:
    spec = engine(name)

    @settings(max_examples=20)
    @given(st.from_type(spec.case_type))
    def check(case: Any) -> None:
        try:
            result = spec.run(case)
        except HRPolicyError as error:  # a typed error naming the field, never a traceback
            message = str(error)
        else:
            assert type(result) is spec.result_type
            assert result.to_text("en")
            return
        assert ": expected " in message

    check()


def test_document_types_list_every_engine_s_case_and_policy_types() -> None:
    types = document_types()
    for name in ENGINE_NAMES:
        spec = engine(name)
        for cls in (spec.case_type, *spec.policy_types):
            assert types[cls.__name__] is cls
    assert list(types) == [
        "BondCase",
        "BondPolicy",
        "ServiceSchedule",
        "CommissionCase",
        "Plan",
        "CollectionCase",
        "CollectionPolicy",
        "ReportCase",
        "ReportPolicy",
        "ScoringCase",
        "ScoreCard",
    ]
