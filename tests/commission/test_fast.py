"""The fast path over columns gives exactly the numbers of the explained path."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.commission import BandTable, Deal, Period, Plan, PlanVersion, Semantics, evaluate_team
from hrpolicy.commission.examples import gross_margin_plan, magazine_plan
from hrpolicy.commission.fast import (
    FAST_TABLES,
    FastComparison,
    FastRun,
    compare_columns,
    run_columns,
)
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError
from hrpolicy.strategies import amounts, band_tables
from hrpolicy.tables import to_pandas
from tests.commission.helpers import commission, plan

OWNERS = st.sampled_from(["li", "wang", "zhao"])
MARCH_APRIL = st.dates(min_value=date(2024, 3, 1), max_value=date(2024, 4, 30))
ROWS = st.lists(st.tuples(OWNERS, MARCH_APRIL, amounts(max_value=90_000)), max_size=25)
TABLES = st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]).flatmap(
    lambda s: band_tables(semantics=s, unbounded=True, non_decreasing=True)
)


def _columns(rows: list[tuple[str, date, Decimal]]) -> tuple[list[str], list[date], list[int]]:
    return [r[0] for r in rows], [r[1] for r in rows], [int(r[2] * 100) for r in rows]


@given(st.lists(TABLES, min_size=1, max_size=2), ROWS)
def test_the_fast_path_pays_each_owner_and_month_what_the_full_engine_pays(
    tables: list[BandTable], rows: list[tuple[str, date, Decimal]]
) -> None:
    components = [commission(table=t, component_id=f"c{i}") for i, t in enumerate(tables)]
    the_plan = plan(*components)
    fast = run_columns(the_plan, *_columns(rows))
    for owner, year, month in fast.months:
        deals = [
            Deal(deal_id=f"D{i}", owner=o, signed_on=d, amount=a)
            for i, (o, d, a) in enumerate(rows)
            if o == owner and (d.year, d.month) == (year, month)
        ]
        team = evaluate_team(the_plan, Period(year=year, month=month), deals)
        assert fast.month(owner, year, month) == team.of(owner).total
        assert fast.statement(owner, year, month).total == team.of(owner).total


def test_a_what_if_over_columns_reports_each_owner_under_both_plans() -> None:
    owners, days, fen = (
        ["li", "li", "wang"],
        [date(2024, 3, 4)] * 3,
        [2_000_000, 2_000_000, 1_000_000],
    )
    result = compare_columns(
        plan(commission()), plan(commission(["0", 25000], ["0.01", "0.02"])), owners, days, fen
    )
    assert result.to_records("people") == [
        {
            "employee": "li",
            "baseline": Decimal("500.00"),
            "candidate": Decimal("550.00"),
            "difference": Decimal("50.00"),
        },
        {
            "employee": "wang",
            "baseline": Decimal("100.00"),
            "candidate": Decimal("100.00"),
            "difference": Decimal("0.00"),
        },
    ]
    assert result.difference == Decimal("50.00")


def test_plans_the_fast_path_cannot_compute_are_refused_with_the_component_named() -> None:
    with pytest.raises(PolicyDefinitionError, match="margin"):
        run_columns(gross_margin_plan(), ["li"], [date(2024, 3, 1)], [100])
    with pytest.raises(PolicyDefinitionError, match="subscriptions"):
        run_columns(magazine_plan(), ["li"], [date(2024, 3, 1)], [100])
    assert isinstance(gross_margin_plan(), Plan)


def test_columns_of_different_lengths_or_float_amounts_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="one length"):
        run_columns(plan(commission()), ["li"], [], [100])
    with pytest.raises(InvalidValueError, match="whole number of fen"):
        run_columns(plan(commission()), ["li"], [date(2024, 3, 1)], [1.5])  # type: ignore[list-item]


def test_a_month_in_which_an_open_version_is_replaced_is_refused_on_the_fast_path() -> None:
    versions = (
        PlanVersion(version="a", effective_from=date(2024, 1, 1), components=(commission(),)),
        PlanVersion(
            version="b",
            effective_from=date(2024, 3, 15),
            components=(commission(values=["0.02", "0.03"]),),
        ),
    )
    replaced = Plan(plan_id="p", name="replaced mid-month", versions=versions)
    with pytest.raises(PolicyDefinitionError, match="one version for each owner's month"):
        run_columns(replaced, ["li", "li"], [date(2024, 3, 1), date(2024, 3, 20)], [100, 200])


def test_a_fast_run_built_by_hand_with_a_missing_field_or_a_wrong_column_is_refused_typed() -> None:
    run = run_columns(plan(commission()), ["li"], [date(2024, 3, 1)], [1_000_000])
    with pytest.raises(InvalidTypeError, match=r"^FastRun\.plan: expected a value"):
        FastRun()  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match=r"^FastRun\.bogus: expected one of the fields"):
        attrs.evolve(run, bogus=1)  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match=r"^FastRun\.days\[0\]: expected a date"):
        attrs.evolve(run, days=["2024-03-01"])
    with pytest.raises(InvalidTypeError, match=r"^FastRun\.months\[\('li',\)\]: expected whole"):
        attrs.evolve(run, months={("li",): 1})
    with pytest.raises(InvalidValueError, match=r"^FastRun: expected owners, days and amounts"):
        attrs.evolve(run, owners=())
    with pytest.raises(InvalidTypeError, match=r"^FastComparison: expected keyword arguments"):
        FastComparison(run, run)  # type: ignore[call-arg]
    assert FastComparison(baseline=run, candidate=run).difference == Decimal(0)


def test_a_fast_run_and_what_if_give_typed_tables_and_read_back_from_json() -> None:
    owners, days, fen = (
        ["li", "li", "wang"],
        [date(2024, 3, 4), date(2024, 4, 4), date(2024, 3, 9)],
        [2_000_000, 2_000_000, 1_000_000],
    )
    result = compare_columns(
        plan(commission()), plan(commission(["0", 25000], ["0.01", "0.02"])), owners, days, fen
    )
    for item in (result, result.baseline):
        tables = item.tables()
        assert tuple(t.schema for t in tables.values()) == FAST_TABLES[type(item)]
    (totals,) = result.to_records()
    assert (totals["difference"], totals["people"], totals["changed"]) == (Decimal("0.00"), 2, 0)
    months = result.baseline.to_records("months")
    assert [(r["employee"], r["period"], r["deals"], r["sales"]) for r in months] == [
        ("li", "2024-03", 1, Decimal("20000.00")),
        ("li", "2024-04", 1, Decimal("20000.00")),
        ("wang", "2024-03", 1, Decimal("10000.00")),
    ]
    assert to_pandas(result, "people")["baseline"].sum() == result.baseline.total
    data = json.loads(json.dumps(to_dict(result)))
    assert from_dict(data, FastComparison) == result
    run = json.loads(json.dumps(to_dict(result.baseline)))
    run["months"][0][3] += 1
    with pytest.raises(ConversionError, match=r"months\[li 2024-03\]"):
        from_dict(run, FastRun)
