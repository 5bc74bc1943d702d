"""The compact shape: what ``to_dict`` writes for policies and case inputs (what a person
writes by hand), and the full shape of results."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrpolicy.strategies
from hrpolicy.bonds import DOMAIN_COST_SCHEDULE
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.collection.examples import reserve_policy
from hrpolicy.commission import Component, Plan, PlanVersion, evaluate
from hrpolicy.commission.examples import example_month
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.convert import from_dict, to_dict, union_tags
from hrpolicy.core.errors import ConversionError

assert hrpolicy.strategies.REGISTERED_TYPES  # registers st.from_type for the domain types


def _keys(data: Any) -> int:
    if isinstance(data, dict):
        return len(data) + sum(_keys(v) for v in data.values())
    if isinstance(data, list):
        return sum(_keys(v) for v in data)
    return 0


def test_a_one_band_plan_is_written_with_only_the_keys_a_person_would_write() -> None:
    plan = from_dict(
        {
            "plan_id": "flat",
            "name": "3 % of sales",
            "versions": [
                {
                    "version": "2024",
                    "effective_from": "2024-01-01",
                    "components": [
                        {
                            "kind": "commission",
                            "component_id": "c",
                            "name": "commission",
                            "measure": "sales",
                            "table": {
                                "rows": [["0", "3%"]],
                                "closed": "lower",
                                "semantics": "marginal",
                            },
                        }
                    ],
                }
            ],
        },
        Plan,
    )
    data = to_dict(plan)
    assert data["versions"][0]["components"][0]["table"] == {
        "rows": [["0", "0.03"]],
        "closed": "upper",
        "semantics": "marginal",
    }
    assert _keys(data) <= 15
    assert from_dict(data, Plan) == plan


def test_a_band_table_is_written_as_rows_with_its_inclusivity_stated_once() -> None:
    table = BandTable.from_rows(
        [[0, 30000, "1%"], [30000, 60000, "1.5%"], [60000, "2%"]],
        closed=Side.LOWER,
        semantics=Semantics.MARGINAL,
        name="tiers",
    )
    data = to_dict(table)
    assert data == {
        "format": 1,
        "rows": [["0", "30000", "0.01"], ["30000", "60000", "0.015"], ["60000", "0.02"]],
        "closed": "lower",
        "semantics": "marginal",
        "name": "tiers",
    }
    assert from_dict(data, BandTable) == table


def test_a_band_table_in_the_long_form_of_bands_is_refused_naming_the_keys() -> None:
    with pytest.raises(ConversionError, match=r"\$: expected only the keys rows, closed"):
        from_dict({"bands": [], "semantics": "marginal"}, BandTable)


def test_a_bad_row_in_a_plan_document_is_named_by_its_path() -> None:
    plan, *_ = example_month()
    data = to_dict(plan)
    data["versions"][0]["components"][1]["table"]["rows"][1] = ["30000", "abc"]
    with pytest.raises(ConversionError) as raised:
        from_dict(data, Plan)
    assert "$.versions[0].components[1].table.rows[1]" in str(raised.value)


def test_bare_decimals_of_a_document_are_read_exactly_where_text_would_be() -> None:
    table = from_dict(
        {"rows": [[Decimal(0), Decimal("0.1")]], "closed": "lower", "semantics": "whole"},
        BandTable,
    )
    assert table.bands[0].value == Decimal("0.1")


def test_results_are_written_in_full_with_null_where_a_value_is_missing() -> None:
    plan, period, deals, inputs = example_month()
    statement = evaluate(plan, period, deals, inputs[0])
    line = to_dict(statement)["lines"][0]
    assert set(line) == {f.name for f in attrs.fields(type(statement.lines[0]))}
    settled = electrician_case().settle()
    review = to_dict(settled)["bonds"][0]["review"]
    assert set(review) == {f.name for f in attrs.fields(type(settled.bonds[0].review))}


def test_a_version_reference_is_kept_and_cited_in_the_explanation() -> None:
    plan, period, deals, inputs = example_month()
    version = attrs.evolve(plan.versions[0], reference="销售管理办法（2024年修订）")
    plan = attrs.evolve(plan, versions=(version,))
    assert to_dict(plan)["versions"][0]["reference"] == "销售管理办法（2024年修订）"
    statement = evaluate(plan, period, deals, inputs[0])
    step = statement.explanation.step("plan.versions")
    assert dict(step.inputs)["reference"] == "销售管理办法（2024年修订）"
    assert "reference" not in to_dict(example_month()[0])["versions"][0]


def test_a_collection_policy_version_reference_round_trips() -> None:
    policy = reserve_policy()
    version = attrs.evolve(policy.versions[0], reference="回款管理办法 2024")
    policy = attrs.evolve(policy, versions=(version,))
    again = from_dict(json.loads(json.dumps(to_dict(policy))), type(policy))
    assert again.versions[0].reference == "回款管理办法 2024"


def test_the_tags_of_a_union_are_known_to_the_schema_generator() -> None:
    found = union_tags(Component)
    assert found is not None
    assert found[0] == "kind"
    assert "commission" in found[1].values()
    assert union_tags(int) is None


@given(st.from_type(BandTable))
def test_every_band_table_round_trips_through_its_rows(table: BandTable) -> None:
    data = json.loads(json.dumps(to_dict(table)))
    assert from_dict(data, BandTable) == table
    assert set(data) <= {"format", "rows", "closed", "semantics", "first_closed", "name"}


@given(st.from_type(Plan))
def test_no_default_is_written_for_a_plan(plan: Plan) -> None:
    data = to_dict(plan)
    for version, written in zip(plan.versions, data["versions"], strict=True):
        for field in attrs.fields(PlanVersion):
            if getattr(version, field.name) == field.default:
                assert field.name not in written
    assert from_dict(json.loads(json.dumps(data)), Plan) == plan


def test_a_date_default_is_left_out_but_a_given_date_is_written() -> None:
    plan, *_ = example_month()
    closed = attrs.evolve(plan.versions[0], effective_to=date(2024, 12, 31))
    data = to_dict(attrs.evolve(plan, versions=(closed,)))
    assert data["versions"][0]["effective_to"] == "2024-12-31"


def test_a_service_schedule_keeps_its_clause_and_the_step_that_reads_it_cites_it() -> None:
    case = electrician_case()
    schedule = attrs.evolve(DOMAIN_COST_SCHEDULE, clause="培训管理制度 第12条")
    case = attrs.evolve(case, policy=attrs.evolve(case.policy, schedule=schedule))
    assert to_dict(schedule)["clause"] == "培训管理制度 第12条"
    steps = [s for b in case.settle().bonds for s in b.explanation.steps]
    (step,) = [s for s in steps if s.rule.endswith("policy.schedule")]
    assert dict(step.inputs)["clause"] == "培训管理制度 第12条"
