"""Every public strategy generates objects the library accepts, and they round-trip
through plain data: what downstream test suites rely on."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import from_dict, strategies, to_dict

#: Strategies whose objects are domain types that convert to plain data and back.
ROUND_TRIPS = [
    "band_tables",
    "bond_agreements",
    "bond_cases",
    "bond_policies",
    "collection_inputs",
    "collection_policies",
    "collection_receivables",
    "commission_components",
    "commission_deals",
    "commission_plans",
    "cost_items",
    "credits",
    "employments",
    "iso_weeks",
    "periods",
    "person_inputs",
    "report_policies",
    "score_cards",
    "separations",
    "service_lengths",
    "table_calendars",
    "trainings",
]


def test_every_public_strategy_is_listed_here_or_generates_plain_values() -> None:
    plain = {
        "amounts",
        "dates",
        "rates",
        "clauses",
        "penalty_clauses",
        "special_benefits",
        "bond_collections",
        "consistent_separation",
        "weekly_reports",
    }
    assert set(strategies.__all__) == set(ROUND_TRIPS) | plain


@pytest.mark.parametrize("name", ROUND_TRIPS)
def test_each_strategy_generates_objects_that_round_trip(name: str) -> None:
    strategy: st.SearchStrategy[Any] = getattr(strategies, name)()

    @settings(max_examples=15)
    @given(strategy)
    def check(value: Any) -> None:
        assert from_dict(to_dict(value), type(value)) == value

    check()


@settings(max_examples=15)
@given(strategies.weekly_reports())
def test_generated_reports_and_references_round_trip(case: tuple[Any, Any]) -> None:
    report, reference = case
    assert from_dict(to_dict(report), type(report)) == report
    assert from_dict(to_dict(reference), type(reference)) == reference
