"""Edge cases of the fast paths, kept as tests: each states the rule it protects."""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal

import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, NotCoveredError, PolicyDefinitionError
from hrpolicy.collection import CollectionInputs, MilestoneEvent, MilestoneKind, settle_team
from hrpolicy.collection.examples import reserve_policy
from hrpolicy.commission import Deal, Period, evaluate_team
from hrpolicy.commission.fast import (
    compare_columns,
    compare_partition,
    merge_partitions,
    run_columns,
)
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.compiled import CompiledTable
from tests.collection.helpers import books, invoice
from tests.commission.helpers import commission, plan
from tests.helpers import band

MARCH = Period(year=2024, month=3)


def _engine(the_plan: object, fen: list[int]) -> Decimal:
    deals = [
        Deal(deal_id=f"D{i}", owner="li", signed_on=date(2024, 3, 1 + i), amount=Decimal(f) / 100)
        for i, f in enumerate(fen)
    ]
    return evaluate_team(the_plan, MARCH, deals).of("li").total  # type: ignore[arg-type]


def test_a_month_pays_the_increase_from_zero_even_when_the_table_pays_something_at_zero() -> None:
    lump = BandTable(
        bands=(
            band(0, 1000, "0.1", upper_closed=True, lump_sum=Decimal(50)),
            band(1000, None, "0.2", lower_closed=False),
        ),
        semantics=Semantics.MARGINAL,
    )
    the_plan = plan(commission(table=lump))
    fast = run_columns(the_plan, ["li"], [date(2024, 3, 1)], [50_000])
    assert fast.month("li", 2024, 3) == _engine(the_plan, [50_000]) == Decimal("50.00")


def test_a_table_that_does_not_cover_zero_is_refused_as_the_engine_refuses_it() -> None:
    open_at_zero = BandTable.from_thresholds(
        [0, 1000],
        ["0.1", "0.2"],
        closed=Side.UPPER,
        first_closed=False,
        semantics=Semantics.MARGINAL,
    )
    with pytest.raises(NotCoveredError):
        run_columns(plan(commission(table=open_at_zero)), ["li"], [date(2024, 3, 1)], [50_000])
    with pytest.raises(NotCoveredError):
        _engine(plan(commission(table=open_at_zero)), [50_000])


def test_the_callers_decimal_context_changes_nothing() -> None:
    table = BandTable.from_thresholds(
        [0, 1234567], ["0.01", "0.05"], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    the_plan = plan(commission(table=table))
    expected = _engine(the_plan, [123_456_900])
    with decimal.localcontext(decimal.Context(prec=4, traps=[decimal.Inexact])):
        fast = run_columns(the_plan, ["li"], [date(2024, 3, 1)], [123_456_900])
        compiled = CompiledTable.of(table).payout(Decimal("123456.78"))
    assert fast.month("li", 2024, 3) == expected == Decimal("61728.45")
    assert compiled == Decimal("1234.57")


def test_bounds_and_values_with_many_digits_compile_exactly() -> None:
    table = BandTable.from_thresholds(
        [0, "12345678901.120000000000000001"],
        ["1", "2"],
        closed=Side.UPPER,
        semantics=Semantics.WHOLE,
    )
    measure = Decimal("12345678901.12")
    assert CompiledTable.of(table).exact(measure) == table.apply(measure).total


def test_wrong_types_and_sizes_are_refused_with_typed_errors() -> None:
    fast = CompiledTable.of(
        BandTable.from_thresholds([0], ["0.01"], closed=Side.LOWER, semantics=Semantics.MARGINAL)
    )
    with pytest.raises(InvalidTypeError, match="units"):
        fast.payout_fen(1.5)  # type: ignore[arg-type]
    flag: object = True
    with pytest.raises(InvalidTypeError, match="units"):
        fast.payout_fen(flag)  # type: ignore[arg-type]
    the_plan = plan(commission())
    day = date(2024, 3, 1)
    for owners, days, fen, field in (
        ([""], [day], [1], "owners"),
        ([1], [day], [1], "owners"),
        (["li"], [day], [10**22], "amounts_fen"),
        (["li"], [date(2200, 1, 1)], [1], "days"),
    ):
        with pytest.raises(InvalidValueError, match=field):
            run_columns(the_plan, owners, days, fen)


def test_partitions_and_their_results_are_checked() -> None:
    the_plan = plan(commission())
    with pytest.raises(InvalidValueError, match=r"rows\[0\]"):
        compare_partition(the_plan, the_plan, [("li", date(2024, 3, 1))])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="two ints"):
        merge_partitions([{"li": (Decimal("1.5"), 2)}])  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError, match="parts"):
        merge_partitions("ab")  # type: ignore[arg-type]


def test_a_mixed_table_is_refused_with_the_component_named() -> None:
    mixed = commission(
        table=commission().table.with_semantics(Semantics.MIXED), component_id="tier"
    )
    with pytest.raises(PolicyDefinitionError, match=r"\.tier"):
        run_columns(plan(mixed), ["li"], [date(2024, 3, 1)], [1])


def test_a_run_keeps_its_own_copy_of_the_columns() -> None:
    amounts = [2_000_000]
    run = run_columns(plan(commission()), ["li"], [date(2024, 3, 1)], amounts)
    amounts[0] = 0
    assert run.statement("li", 2024, 3).total == run.month("li", 2024, 3) == Decimal("200.00")


def test_a_what_if_names_the_plan_that_is_not_a_plan() -> None:
    with pytest.raises(InvalidTypeError, match="candidate"):
        compare_columns(plan(commission()), None, [], [], [])  # type: ignore[arg-type]


def test_an_error_in_a_team_month_names_the_person() -> None:
    event = MilestoneEvent(
        event_id="M1",
        kind=MilestoneKind.SAMPLE_CERTIFIED,
        customer="ACME",
        achieved_on=date(2024, 3, 2),
    )
    people = [
        CollectionInputs(employee="li"),
        CollectionInputs(employee="wang", milestones=(event,)),
    ]
    with pytest.raises(InvalidValueError, match=r"^inputs\[1\]\(wang\)\."):
        settle_team(reserve_policy(), MARCH, books(invoice()), people)
