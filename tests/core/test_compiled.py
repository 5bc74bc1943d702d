"""The compiled (integer) path gives exactly the numbers of the explained path."""

from __future__ import annotations

import pickle
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import InvalidValueError, NotCoveredError, round_money
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.compiled import CompiledTable
from hrpolicy.strategies import amounts, band_tables

TABLES = st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]).flatmap(
    lambda semantics: band_tables(semantics=semantics, unbounded=True)
)


@given(TABLES, amounts(max_value=400_000))
def test_a_compiled_table_pays_exactly_what_the_band_table_pays(
    table: BandTable, measure: Decimal
) -> None:
    fast = CompiledTable.of(table)
    assert fast.exact(measure) == table.apply(measure).total
    assert fast.payout(measure) == round_money(table.apply(measure).total)
    assert fast.explain(measure) == table.apply(measure)


@given(TABLES, st.lists(amounts(max_value=400_000), max_size=20))
def test_the_batch_path_gives_the_same_numbers_as_one_at_a_time(
    table: BandTable, measures: list[Decimal]
) -> None:
    fast = CompiledTable.of(table)
    units = [fast.units(m) for m in measures]
    assert fast.payouts_fen(units) == [fast.payout_fen(u) for u in units]
    assert fast.payouts(measures) == [round_money(table.apply(m).total) for m in measures]


def test_a_boundary_falls_in_the_band_the_table_says() -> None:
    upper = BandTable.from_thresholds(
        [0, 30000], ["0.01", "0.02"], closed=Side.UPPER, semantics=Semantics.WHOLE
    )
    lower = BandTable.from_thresholds(
        [0, 30000], ["0.01", "0.02"], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    assert CompiledTable.of(upper).payout(30000) == Decimal("300.00")
    assert CompiledTable.of(lower).payout(30000) == Decimal("600.00")


def test_lump_sums_and_finer_thresholds_compile_exactly() -> None:
    table = BandTable.from_thresholds(
        [0, "10.5"], ["20", "25"], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    with_lump = BandTable(
        bands=(table.bands[0], attrs.evolve(table.bands[1], lump_sum=Decimal("0.05"))),
        semantics=Semantics.MARGINAL,
    )
    fast = CompiledTable.of(with_lump, places=0)
    assert fast.exact(12) == with_lump.apply(12).total


def test_a_measure_outside_the_table_or_too_fine_is_refused() -> None:
    bounded = BandTable.from_thresholds(
        [0, 100], ["0.1"], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    fast = CompiledTable.of(bounded)
    with pytest.raises(NotCoveredError):
        fast.payout(101)
    with pytest.raises(InvalidValueError, match="at most 2 decimal places"):
        fast.payout(Decimal("1.001"))
    with pytest.raises(InvalidValueError, match="'marginal' or 'whole' to compile"):
        CompiledTable.of(bounded.with_semantics(Semantics.MIXED))


def test_a_compiled_table_pickles_for_other_processes() -> None:
    table = BandTable.from_thresholds(
        [0, 30000], ["0.01", "0.02"], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    fast = pickle.loads(pickle.dumps(CompiledTable.of(table)))
    assert fast.payout(40000) == Decimal("500.00")
