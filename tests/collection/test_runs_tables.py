"""Collection runs and what-ifs over months as typed tables, and read back from JSON."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings

from hrpolicy.collection import (
    RESULT_TABLES,
    CollectionInputs,
    CollectionPolicy,
    CollectionRun,
    Period,
    PolicyComparison,
    Receivables,
    TeamCollectionRun,
    compare_policies,
    settle_run,
    settle_team_run,
)
from hrpolicy.collection.examples import full_collection_policy, proportional_policy
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError
from hrpolicy.strategies import collection_receivables
from hrpolicy.tables import to_pandas
from tests.collection.test_properties import POLICIES
from tests.collection.test_runs import BOOKS, LI_WAGED
from tests.helpers import assert_tidy

FEBRUARY, MARCH, APRIL = (Period(year=2024, month=m) for m in (2, 3, 4))
QUARTER = [FEBRUARY, MARCH, APRIL]
TEAM = {FEBRUARY: [CollectionInputs(employee="li"), CollectionInputs(employee="wang")]}


def _read_back(result: Any) -> Any:
    return from_dict(json.loads(json.dumps(to_dict(result))), type(result))


def test_a_collection_run_gives_one_totals_row_per_month_with_the_state_and_pay_so_far() -> None:
    run = settle_run(proportional_policy(), QUARTER, BOOKS, "li")
    rows = run.to_records("totals")
    assert [(r["period"], r["total"], r["run_to_date"]) for r in rows] == [
        ("2024-02", Decimal("1200.00"), Decimal("1200.00")),
        ("2024-03", Decimal("1800.00"), Decimal("3000.00")),
        ("2024-04", Decimal("0.00"), Decimal("3000.00")),
    ]
    assert all(r["reserve"] == r["to_recover"] == Decimal("0.00") for r in rows)
    lines = run.table("lines")
    assert sum(cast(Decimal, amount) for amount in lines.column("amount")) == run.total
    assert {r["period"] for r in run.to_records("accounts")} == {"2024-02", "2024-03", "2024-04"}
    assert_tidy(run, RESULT_TABLES)
    assert to_pandas(run)["total"].sum() == Decimal("3000.00")


def test_a_team_run_stacks_everyones_months_and_a_what_if_adds_both_sides() -> None:
    team = settle_team_run(proportional_policy(), QUARTER, BOOKS, TEAM)
    assert [(r["period"], r["employee"]) for r in team.to_records("totals")] == [
        (str(p), name) for p in QUARTER for name in ("li", "wang")
    ]
    assert_tidy(team, RESULT_TABLES)
    what_if = compare_policies(
        proportional_policy(), full_collection_policy(), QUARTER, BOOKS, TEAM
    )
    (totals,) = what_if.to_records("totals")
    assert totals["rows"] == 6
    sides = [r["side"] for r in what_if.to_records("statements")]
    assert sides == ["baseline"] * 6 + ["candidate"] * 6
    assert_tidy(what_if, RESULT_TABLES)


def test_a_collection_run_read_back_from_json_with_an_edited_total_is_refused_naming_where() -> (
    None
):
    run = settle_run(proportional_policy(), QUARTER, BOOKS, "li")
    assert _read_back(run) == run
    data = json.loads(json.dumps(to_dict(run)))
    data["statements"][1]["lines"][0]["amount"] = "1900.00"
    with pytest.raises(ConversionError, match=r"statements\[1\]\.lines\[0\]\.amount: expected"):
        from_dict(data, CollectionRun)


def test_a_collection_run_whose_state_does_not_follow_from_the_month_before_is_refused() -> None:
    run = settle_run(proportional_policy(), QUARTER, BOOKS, "li")
    later = settle_run(proportional_policy(), [MARCH, APRIL], BOOKS, "li")
    data = json.loads(json.dumps(to_dict(run)))
    # March settled afresh (empty state) is right on its own, but not after February.
    data["statements"][1] = json.loads(json.dumps(to_dict(later.statements[0])))
    del data["statements"][1]["format"]
    with pytest.raises(ConversionError, match=r"statements\[1\]"):
        from_dict(data, CollectionRun)


def test_a_team_run_and_a_policy_comparison_read_back_from_json_refuse_an_edited_row() -> None:
    team = settle_team_run(proportional_policy(), QUARTER, BOOKS, TEAM)
    assert _read_back(team) == team
    what_if = compare_policies(
        proportional_policy(), full_collection_policy(), QUARTER, BOOKS, TEAM
    )
    assert _read_back(what_if) == what_if
    data = json.loads(json.dumps(to_dict(what_if)))
    data["rows"][0]["baseline"] = "0.00"
    with pytest.raises(ConversionError, match=r"rows\[0\]\.baseline: expected"):
        from_dict(data, PolicyComparison)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(POLICIES, POLICIES, collection_receivables())
def test_generated_collection_runs_and_what_ifs_read_back_from_json_equal_with_typed_tables(
    baseline: CollectionPolicy, candidate: CollectionPolicy, receivables: Receivables
) -> None:
    months = [Period(year=2024, month=m) for m in range(1, 13)]
    inputs = {m: [LI_WAGED] for m in months}
    results: list[Any] = [
        settle_run(baseline, months, receivables, "li", dict.fromkeys(months, LI_WAGED)),
        settle_team_run(baseline, months, receivables, inputs),
        compare_policies(baseline, candidate, months, receivables, inputs),
    ]
    for result in results:
        assert isinstance(result, (CollectionRun, TeamCollectionRun, PolicyComparison))
        assert _read_back(result) == result
        assert_tidy(result, RESULT_TABLES)
