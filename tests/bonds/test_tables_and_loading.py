"""Bond results as typed tables, and read back from JSON checked against a recomputation."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.bonds import (
    DOMAIN_COST_SCHEDULE,
    BondCase,
    BondPlan,
    BondReview,
    SeparationSettlement,
    plan_bonds,
    review,
    settle,
)
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.bonds.results import RESULT_TABLES, batch_tables
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.display import Displayable
from hrpolicy.core.errors import ConversionError, InvalidTypeError
from hrpolicy.strategies import bond_cases
from tests.helpers import assert_tidy, json_roundtrip

from .helpers import agreement, employment, separation


def _results(case: BondCase) -> list[Displayable]:
    settled = case.settle()
    return [settled, *settled.bonds, *(bond.review for bond in settled.bonds)]


def test_a_separations_totals_hold_every_amount_as_money_and_missing_ones_as_none() -> None:
    (row,) = electrician_case().settle().to_records("totals")
    assert row["total_payable"] == Decimal("1833.33")
    assert row["refund_due"] == Decimal("1166.67")
    assert row["excess_demand"] == Decimal("1832.67")
    assert row["wages_to_pay"] == Decimal("0.00")
    assert row["contract_extended_to"] is None
    assert row["needs_judicial_assessment"] is False


def test_a_bond_row_gives_units_rounded_and_exact_side_by_side() -> None:
    (row,) = electrician_case().settle().to_records("bonds")
    assert (row["total_units"], row["total_units_exact"]) == (Decimal("36.00"), "36")
    assert (row["unserved_units"], row["unserved_units_exact"]) == (Decimal("11.00"), "11")
    assert row["outcome"] == "payable"
    assert row["eligible"] is True


def test_a_shared_cost_item_shows_its_exact_share_as_a_ratio() -> None:
    case = electrician_case()
    training = case.agreements[0].training
    assert training is not None
    shared = attrs.evolve(
        training, costs=(attrs.evolve(training.costs[0], amount=Decimal("2000"), shared_by=3),)
    )
    result = review(attrs.evolve(case.agreements[0], training=shared), case.employment)
    (line,) = result.to_records("cost_lines")
    assert (line["share"], line["share_exact"]) == (Decimal("666.67"), "2000/3")


def test_each_bonds_explanation_rows_carry_its_agreement_and_the_separations_none() -> None:
    settled = electrician_case().settle()
    agreements = {row["agreement"] for row in settled.to_records("findings")}
    assert agreements == {"SP-2010-017", None}


def test_a_plan_has_its_totals_and_cost_lines_keyed_by_training() -> None:
    case = electrician_case()
    training = case.agreements[0].training
    assert training is not None
    (plan,) = plan_bonds([training], case.employment, DOMAIN_COST_SCHEDULE)
    (row,) = plan.to_records()
    assert (row["training"], row["agreement"], row["length_years"]) == ("T-2010-10", None, 3)
    assert {r["training"] for r in plan.to_records("cost_lines")} == {"T-2010-10"}
    assert_tidy(plan, RESULT_TABLES)


def test_a_batch_of_settlements_stacks_every_table_under_case_and_employee() -> None:
    stacked = batch_tables([electrician_case().settle(), settle_standard_case().settle()])
    cases = stacked["totals"].column("case")
    assert cases == (0, 1)
    assert stacked["steps"].schema.names[:3] == ("case", "employee", "agreement")


def test_a_batch_of_something_else_is_refused_naming_the_item() -> None:
    with pytest.raises(InvalidTypeError, match=r"results\[1\]"):
        batch_tables([electrician_case().settle(), "x"])  # type: ignore[list-item]


def settle_standard_case() -> BondCase:
    return BondCase(agreements=(agreement(),), employment=employment(), separation=separation())


def test_a_refund_finding_carries_paid_lawful_and_refund_as_numbers() -> None:
    settled = electrician_case().settle()
    (found,) = [f for f in settled.findings if f.code == "refund_due"]
    assert found.param("refund") == Decimal("1166.67")
    assert found.param("lawful") == Decimal("1833.33")


def test_a_settlement_loaded_from_json_equals_the_one_written() -> None:
    settled = electrician_case().settle()
    assert json_roundtrip(settled) == settled
    assert json_roundtrip(settled.bonds[0].review) == settled.bonds[0].review
    assert json_roundtrip(settled.bonds[0]) == settled.bonds[0]


def test_a_settlement_whose_refund_was_edited_is_refused_on_loading() -> None:
    data = json.loads(json.dumps(to_dict(electrician_case().settle())))
    data["refund_due"] = "0.00"
    with pytest.raises(ConversionError, match=r"\$\.refund_due: expected 1166\.67"):
        from_dict(data, SeparationSettlement)


def test_a_review_whose_recognised_cost_was_edited_is_refused_on_loading() -> None:
    data = json.loads(json.dumps(to_dict(electrician_case().settle().bonds[0].review)))
    data["cost"]["total"] = "9000"
    with pytest.raises(ConversionError, match=r"\$\.cost\.total: expected 6000"):
        from_dict(data, BondReview)


def test_a_settlement_whose_finding_was_dropped_is_refused_on_loading() -> None:
    data = json.loads(json.dumps(to_dict(electrician_case().settle())))
    data["explanation"]["findings"] = data["explanation"]["findings"][:-1]
    with pytest.raises(ConversionError, match=r"\$\.explanation\.findings"):
        from_dict(data, SeparationSettlement)


@settings(max_examples=40, deadline=None)
@given(bond_cases(max_bonds=3))
def test_every_result_of_a_generated_case_reads_back_from_json_equal(case: BondCase) -> None:
    for result in _results(case):
        assert json_roundtrip(result) == result


@settings(max_examples=40, deadline=None)
@given(bond_cases(max_bonds=3))
def test_every_table_of_a_generated_case_has_one_type_per_column(case: BondCase) -> None:
    for result in _results(case):
        assert_tidy(result, RESULT_TABLES)


@settings(max_examples=20, deadline=None)
@given(bond_cases(max_bonds=3), st.booleans())
def test_every_plan_of_generated_trainings_tables_and_reads_back(
    case: BondCase, as_agreements: bool
) -> None:
    items = (
        list(case.agreements)
        if as_agreements
        else [a.training for a in case.agreements if a.training is not None]
    )
    plans = plan_bonds(items, case.employment, DOMAIN_COST_SCHEDULE, case.policy)
    for plan in plans:
        assert isinstance(plan, BondPlan)
        assert_tidy(plan, RESULT_TABLES)
        assert json_roundtrip(plan) == plan
    if plans:
        stacked = batch_tables(plans)
        assert stacked["totals"].column("case") == tuple(range(len(plans)))


def test_a_separation_without_bonds_read_back_with_an_edited_total_is_refused() -> None:
    case = electrician_case()
    settled = settle([], case.employment, case.separation)
    data = json.loads(json.dumps(to_dict(settled)))
    assert from_dict(data, SeparationSettlement) == settled
    data["refund_due"] = "0.00"
    with pytest.raises(ConversionError, match=r"refund_due: expected 3000\.00"):
        from_dict(data, SeparationSettlement)
