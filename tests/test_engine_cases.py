"""What every engine's case type promises, engine by engine: its worked example runs to its
declared result, any case reads back from JSON unchanged and runs to a result or a typed
error, and the document types list it with its policies."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hrpolicy.strategies
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.commission.examples import task_base_plan
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.engines import ENGINE_NAMES, document_types, engine
from hrpolicy.core.errors import ConversionError, HRPolicyError
from hrpolicy.reports.examples import domain_report_policy, salesperson_card
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
        "ChargeCase",
        "ChargePolicy",
        "AwardCase",
        "AwardPolicy",
        "CadenceCase",
        "CadencePolicy",
        "ExpenseCase",
        "ExpensePolicy",
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("commission", "plan"),
        ("collection", "receivables"),
        ("reports", "policy"),
        ("scoring", "month"),
        ("charges", "agreement"),
    ],
)
def test_a_case_without_a_required_input_is_refused_naming_it(name: str, key: str) -> None:
    spec = engine(name)
    data = to_dict(spec.example_case())
    del data[key]
    with pytest.raises(ConversionError) as raised:
        from_dict(data, spec.case_type)
    assert any(e.startswith(f"$.{key}: expected") for e in raised.value.errors), raised.value.errors


@pytest.mark.parametrize(
    ("name", "key", "other"),
    [
        ("commission", "deals", lambda: [to_dict(electrician_case().agreements[0])]),
        ("collection", "policy", lambda: to_dict(task_base_plan())),
        ("reports", "policy", lambda: to_dict(salesperson_card())),
        ("scoring", "card", lambda: to_dict(domain_report_policy())),
        ("charges", "policy", lambda: to_dict(task_base_plan())),
        ("charges", "worker", lambda: to_dict(electrician_case().employment)),
    ],
    ids=[
        "a bond agreement as a deal",
        "a plan as the policy",
        "a card as the policy",
        "a policy as the card",
        "a plan as the charges policy",
        "a bond employment as the worker",
    ],
)
def test_another_engine_s_document_in_a_case_is_refused_naming_where_it_was_given(
    name: str, key: str, other: Any
) -> None:
    spec = engine(name)
    data = to_dict(spec.example_case())
    data[key] = other()
    with pytest.raises(ConversionError) as raised:
        from_dict(data, spec.case_type)
    assert raised.value.errors
    assert all(e.startswith(f"$.{key}") for e in raised.value.errors), raised.value.errors
