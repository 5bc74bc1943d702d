"""A compiled table evaluated on a NumPy array pays each measure what it pays one by one."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.compiled import CompiledTable
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, NotCoveredError
from hrpolicy.core.vector import INT64_MAX, increases_fen, payouts_fen
from hrpolicy.strategies import band_tables

TABLES = st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]).flatmap(
    lambda s: band_tables(semantics=s, unbounded=True, non_decreasing=True)
)
MEASURES = st.lists(st.integers(min_value=0, max_value=10**17), max_size=30)


def _tiers() -> CompiledTable:
    return CompiledTable.of(
        BandTable.from_thresholds(
            [0, 30000, 100000, 200000],
            ["0.01", "0.02", "0.03", "0.04"],
            closed=Side.UPPER,
            semantics=Semantics.MARGINAL,
        )
    )


@given(TABLES, MEASURES)
def test_an_array_of_measures_is_paid_to_the_fen_what_each_measure_is_paid_alone(
    table: BandTable, measures: list[int]
) -> None:
    compiled = CompiledTable.of(table)
    units = np.array(measures, dtype=np.int64)
    try:
        expected = [compiled.payout_fen(u) for u in measures]
    except (NotCoveredError, InvalidValueError) as error:
        with pytest.raises(type(error)):
            payouts_fen(compiled, units)
        return
    if any(abs(fen) > INT64_MAX for fen in expected):
        with pytest.raises(InvalidValueError, match="int64"):
            payouts_fen(compiled, units)
        return
    assert payouts_fen(compiled, units).tolist() == expected


@given(TABLES, MEASURES)
def test_a_month_growing_from_zero_is_paid_on_an_array_as_one_by_one(
    table: BandTable, measures: list[int]
) -> None:
    compiled = CompiledTable.of(table)
    try:
        expected = [compiled.increase_fen(0, u) for u in measures]
    except (NotCoveredError, InvalidValueError):
        return
    if any(abs(fen) > INT64_MAX for fen in expected):
        return
    assert increases_fen(compiled, 0, np.array(measures, dtype=np.int64)).tolist() == expected


def test_measures_just_below_and_above_the_int64_bound_are_both_paid_exactly() -> None:
    table = _tiers()
    # 0.04 is 400 in 1 / 1,000,000 yuan, so int64 holds the arithmetic up to about 10^14 fen;
    # 10^15 fen and more run on exact Python integers instead of wrapping.
    measures = [10**12, 10**14, 10**15, 10**17, 10**18 - 1]
    got = payouts_fen(table, np.array(measures, dtype=np.int64))
    assert got.dtype == np.int64
    assert got.tolist() == [table.payout_fen(u) for u in measures]


def test_a_measure_outside_the_table_is_refused_naming_its_row() -> None:
    with pytest.raises(NotCoveredError, match=r"^units\[2\]"):
        payouts_fen(_tiers(), np.array([0, 5, -5]))


def test_an_unsigned_measure_above_the_int64_maximum_is_paid_exactly() -> None:
    measure = 2**63 + 5
    got = payouts_fen(_tiers(), np.array([0, measure], dtype=np.uint64))
    assert got.tolist() == [0, _tiers().payout_fen(measure)]


def test_a_float_array_or_a_list_is_refused_as_measures() -> None:
    with pytest.raises(InvalidTypeError, match="integers"):
        payouts_fen(_tiers(), np.array([1.5]))
    with pytest.raises(InvalidTypeError, match="NumPy array"):
        payouts_fen(_tiers(), [1, 2])


@given(
    st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]).flatmap(
        lambda s: band_tables(semantics=s, min_bands=17, max_bands=30, start=-50000)
    ),
    st.lists(st.integers(min_value=-(10**9), max_value=10**9), max_size=30),
)
def test_long_tables_with_negative_measures_are_paid_on_an_array_as_one_by_one(
    table: BandTable, measures: list[int]
) -> None:
    # More than sixteen bands are searched rather than compared; any side of each boundary.
    compiled = CompiledTable.of(table)
    try:
        expected = [compiled.payout_fen(u) for u in measures]
    except NotCoveredError:
        with pytest.raises(NotCoveredError):
            payouts_fen(compiled, np.array(measures, dtype=np.int64))
        return
    assert payouts_fen(compiled, np.array(measures, dtype=np.int64)).tolist() == expected


def _covered(table: CompiledTable, units: int) -> bool:
    try:
        table.payout_fen(units)
    except NotCoveredError:
        return False
    return True


@given(
    band_tables(semantics=Semantics.MARGINAL, start=-50000, unbounded=False),
    st.lists(st.integers(min_value=-(10**8), max_value=10**8), min_size=1, max_size=30),
)
def test_a_measure_beyond_a_bounded_table_is_refused_naming_the_first_such_row(
    table: BandTable, measures: list[int]
) -> None:
    compiled = CompiledTable.of(table)
    outside = [row for row, units in enumerate(measures) if not _covered(compiled, units)]
    if not outside:
        assert payouts_fen(compiled, np.array(measures)).tolist() == compiled.payouts_fen(measures)
        return
    with pytest.raises(NotCoveredError, match=rf"^units\[{outside[0]}\]"):
        payouts_fen(compiled, np.array(measures))


def test_a_whole_table_with_a_boundary_beyond_int64_pays_small_measures_exactly() -> None:
    table = CompiledTable.of(
        BandTable.from_thresholds(
            [*range(19), 10**17], ["0.01"] * 20, closed=Side.UPPER, semantics=Semantics.WHOLE
        )
    )
    assert payouts_fen(table, np.array([250, 5])).tolist() == [
        table.payout_fen(250),
        table.payout_fen(5),
    ]
