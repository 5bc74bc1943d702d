"""Band tables: explicit boundaries, no gaps or overlaps, four semantics."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hrpolicy.core import (
    Band,
    BandTable,
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
    Semantics,
    Side,
)
from hrpolicy.strategies import band_tables
from tests.helpers import band


def test_the_plan_decides_whether_thirty_thousand_is_in_the_lower_or_the_higher_band() -> None:
    upper_inclusive = BandTable.from_thresholds(
        [0, 30000], ["0.01", "0.015"], closed=Side.UPPER, semantics=Semantics.WHOLE
    )
    lower_inclusive = BandTable.from_thresholds(
        [0, 30000], ["0.01", "0.015"], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    assert upper_inclusive.value_at(30000) == Fraction(1, 100)
    assert lower_inclusive.value_at(30000) == Fraction(15, 1000)
    assert upper_inclusive.apply(30000).total == 300
    assert lower_inclusive.apply(30000).total == 450


def test_the_magazine_plan_in_both_readings() -> None:
    # 20 yuan each; above 20 subscriptions, 25 yuan each: for all units, or only above 20?
    marginal = BandTable.from_thresholds(
        [0, 20], ["20", "25"], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    whole = marginal.with_semantics(Semantics.WHOLE)
    assert [marginal.apply(n).total for n in (0, 19, 20, 21, 30)] == [0, 380, 400, 425, 650]
    assert [whole.apply(n).total for n in (0, 19, 20, 21, 30)] == [0, 380, 400, 525, 750]


def test_interpolated_values_run_linearly_between_band_ends() -> None:
    table = BandTable(
        bands=(
            band(0, 80, "0", end_value=Decimal("0.5")),
            band(80, 100, "0.5", end_value=Decimal("1"), upper_closed=True),
            band(100, None, "1.2", lower_closed=False),
        ),
        semantics=Semantics.INTERPOLATED,
    )
    assert table.value_at(90) == Fraction(3, 4)
    assert table.value_at(100) == 1
    assert table.value_at(150) == Fraction(6, 5)
    assert table.apply(90).total == Fraction(135, 2)


def test_mixed_semantics_rerate_below_a_threshold_and_pay_only_the_increment_above_another() -> (
    None
):
    table = BandTable(
        bands=(
            band(0, 20, "20"),
            band(20, 50, "25", rerate_below=True),
            band(50, None, "30"),
        ),
        semantics=Semantics.MIXED,
    )
    assert table.apply(10).total == 200
    assert table.apply(30).total == 30 * 25  # reaching 20 re-rates everything at 25
    assert table.apply(60).total == 50 * 25 + 10 * 30  # 50 pays only its increment


def test_lump_sums_are_paid_once_a_band_is_reached() -> None:
    table = BandTable(
        bands=(band(0, 100, "0"), band(100, None, "0", lump_sum=Decimal("500"))),
        semantics=Semantics.MARGINAL,
    )
    assert table.apply(99).total == 0
    assert table.apply(100).total == 500
    assert table.apply(250).total == 500
    assert (table.apply(99).lumps, table.apply(250).lumps) == (Fraction(0), Fraction(500))
    assert [piece.lump for piece in table.apply(250).pieces] == [False, False, True]


def test_a_gap_between_bands_is_rejected_when_the_table_is_built() -> None:
    with pytest.raises(PolicyDefinitionError, match="no gap"):
        BandTable(bands=(band(0, 10, "1"), band(11, None, "2")), semantics=Semantics.MARGINAL)
    with pytest.raises(PolicyDefinitionError, match="no gap"):
        BandTable(
            bands=(band(0, 10, "1", upper_closed=False), band(10, None, "2", lower_closed=False)),
            semantics=Semantics.WHOLE,
        )


def test_an_overlap_between_bands_is_rejected_when_the_table_is_built() -> None:
    with pytest.raises(PolicyDefinitionError, match="no overlap"):
        BandTable(bands=(band(0, 10, "1"), band(5, None, "2")), semantics=Semantics.MARGINAL)
    with pytest.raises(PolicyDefinitionError, match="no overlap"):
        BandTable(
            bands=(band(0, 10, "1", upper_closed=True), band(10, None, "2", lower_closed=True)),
            semantics=Semantics.WHOLE,
        )


@pytest.mark.parametrize(
    ("bands", "semantics", "message"),
    [
        ((), Semantics.WHOLE, "at least one band"),
        (
            (band(0, None, "1"), band(10, None, "2")),
            Semantics.WHOLE,
            "only the last band may be unbounded",
        ),
        ((band(0, 10, "1"),), Semantics.INTERPOLATED, "a value at the upper bound"),
        ((band(0, 10, "1", end_value=Decimal(2)),), Semantics.WHOLE, "only interpolated tables"),
        ((band(0, 10, "1", rerate_below=True),), Semantics.MARGINAL, "only mixed tables re-rate"),
    ],
)
def test_malformed_tables_are_rejected(
    bands: tuple[Band, ...], semantics: Semantics, message: str
) -> None:
    with pytest.raises(PolicyDefinitionError, match=message):
        BandTable(bands=bands, semantics=semantics)


def test_a_band_must_have_its_lower_bound_below_its_upper_bound() -> None:
    with pytest.raises(PolicyDefinitionError, match="a bound above lower"):
        band(10, 10, "1")


def test_a_measure_outside_the_table_is_an_error_not_zero() -> None:
    table = BandTable.from_thresholds(
        [0, 2000], ["1"], closed=Side.UPPER, first_closed=False, semantics=Semantics.WHOLE
    )
    assert table.domain() == "(0, 2000]"
    for outside in (0, -1, Decimal("2000.01")):
        with pytest.raises(NotCoveredError, match=r"a measure within \(0, 2000\]"):
            table.value_at(outside)


def test_a_payout_explains_its_pieces() -> None:
    table = BandTable.from_thresholds(
        [0, 20], ["20", "25"], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    assert table.apply(25).describe() == "[0, 20] 20 × 20 = 400; (20, ∞) 5 × 25 = 125"


_measures = st.integers(0, 300_000).map(Decimal)


@given(band_tables(semantics=Semantics.MARGINAL, unbounded=True), _measures, _measures)
def test_marginal_payouts_never_fall_as_the_measure_rises(
    table: BandTable, a: Decimal, b: Decimal
) -> None:
    low, high = sorted((a, b))
    assert table.apply(low).total <= table.apply(high).total


@given(band_tables(semantics=Semantics.MARGINAL, unbounded=True))
def test_marginal_payouts_are_continuous_at_every_boundary(table: BandTable) -> None:
    for band_ in table.bands[1:]:
        at = Fraction(band_.lower)
        epsilon = Fraction(1, 10**9)
        gap = (
            table.apply(at + epsilon).total
            - table.apply(at - epsilon if at - epsilon >= 0 else at).total
        )
        assert abs(gap) <= 2 * epsilon * max(Fraction(b.value) for b in table.bands)


@given(band_tables(semantics=Semantics.MARGINAL, unbounded=True, non_decreasing=True), _measures)
def test_whole_amount_pays_at_least_marginal_when_rates_rise(
    table: BandTable, measure: Decimal
) -> None:
    assert table.with_semantics(Semantics.WHOLE).apply(measure).total >= table.apply(measure).total


@given(band_tables(unbounded=True), _measures)
def test_a_payout_is_the_sum_of_its_pieces(table: BandTable, measure: Decimal) -> None:
    application = table.apply(measure)
    assert application.total == sum((p.amount for p in application.pieces), Fraction(0))
    assert table.bands[application.reached_index].contains(Fraction(measure))


@given(band_tables(), st.fractions(min_value=-10, max_value=400_000))
def test_every_measure_falls_in_exactly_one_band_or_is_refused(
    table: BandTable, measure: Fraction
) -> None:
    containing = [i for i, b in enumerate(table.bands) if b.contains(measure)]
    assert len(containing) <= 1
    if containing:
        assert table.index_of(measure) == containing[0]
    else:
        with pytest.raises(NotCoveredError):
            table.index_of(measure)


@given(band_tables(semantics=Semantics.MIXED, unbounded=True))
def test_mixed_without_rerating_is_marginal(table: BandTable) -> None:
    plain = attrs.evolve(
        table, bands=tuple(attrs.evolve(b, rerate_below=False) for b in table.bands)
    )
    assume(len(plain.bands) > 1)
    for measure in (0, 1000, 50_000, 250_000):
        assert (
            plain.apply(measure).total
            == plain.with_semantics(Semantics.MARGINAL).apply(measure).total
        )


def test_thresholds_must_be_a_list_of_numbers() -> None:
    with pytest.raises(InvalidTypeError, match="thresholds"):
        BandTable.from_thresholds("012", [1, 2], closed=Side.LOWER, semantics=Semantics.WHOLE)
    with pytest.raises(InvalidTypeError, match="values"):
        BandTable.from_thresholds([0, 1], 5, closed=Side.LOWER, semantics=Semantics.WHOLE)  # type: ignore[arg-type]


def test_a_band_table_given_upper_as_text_is_read_as_the_upper_side() -> None:
    table = BandTable.from_thresholds(
        [0, 30000, 60000],
        ["0.01", "0.015", "0.02"],
        closed="upper",
        semantics="marginal",
    )
    assert [b.describe() for b in table.bands] == ["[0, 30000]", "(30000, 60000]", "(60000, ∞)"]
    assert table.semantics is Semantics.MARGINAL
    assert table.with_semantics("whole").semantics is Semantics.WHOLE


def test_a_side_that_is_not_a_side_is_refused_listing_the_sides() -> None:
    with pytest.raises(InvalidValueError, match="closed: expected one of 'lower', 'upper'"):
        BandTable.from_thresholds(
            [0, 30000],
            ["0.01", "0.02"],
            closed="above",
            semantics=Semantics.MARGINAL,
        )
    with pytest.raises(InvalidValueError, match="semantics: expected one of 'marginal', "):
        BandTable.from_thresholds([0], ["0.01"], closed=Side.LOWER, semantics="累进")


# --- rows ----------------------------------------------------------------------------


def test_a_commission_table_is_written_as_rows_with_its_inclusivity_stated_once() -> None:
    table = BandTable.from_rows(
        [[0, 30000, "1%"], [30000, 60000, "1.5%"], [60000, "2%"]],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    expected = BandTable.from_thresholds(
        [0, 30000, 60000],
        ["0.01", "0.015", "0.02"],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    assert table == expected
    assert table.apply(70000).total == 300 + 450 + 200


def test_a_row_that_needs_more_is_written_as_a_mapping() -> None:
    table = BandTable.from_rows(
        [
            [0, 48, "0.005"],
            {"lower": 48, "value": "1%", "lump_sum": "500", "label": "over target"},
        ],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    assert table.bands[1].lump_sum == 500
    assert table.bands[1].label == "over target"
    assert table.bands[1].describe() == "(48, ∞)"
    own_bounds = BandTable.from_rows(
        [[0, 100, 1], {"lower": 100, "upper": 200, "value": 2, "upper_closed": True}],
        closed=Side.LOWER,
        semantics=Semantics.WHOLE,
    )
    assert [b.describe() for b in own_bounds.bands] == ["[0, 100)", "[100, 200]"]


def test_a_flat_rate_is_one_call() -> None:
    assert BandTable.flat("3%").apply(12000).total == 360
    assert BandTable.flat("3%").domain() == "[0, ∞)"


def test_rows_with_a_gap_or_an_open_row_before_the_last_name_the_row() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"rows\[1\]\.lower: expected no gap"):
        BandTable.from_rows(
            [[0, 100, 1], [200, 2]], closed=Side.UPPER, semantics=Semantics.MARGINAL
        )
    with pytest.raises(PolicyDefinitionError, match=r"rows\[0\]: expected an upper bound"):
        BandTable.from_rows([[0, 1], [1, 2]], closed=Side.UPPER, semantics=Semantics.MARGINAL)
    with pytest.raises(PolicyDefinitionError, match=r"rows\[0\]\.upper: expected a bound above"):
        BandTable.from_rows([[100, 50, 1]], closed=Side.UPPER, semantics=Semantics.MARGINAL)


def test_a_row_with_an_unknown_key_or_a_float_is_refused_naming_it() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"rows\[0\]\.rate: expected one of the keys"):
        BandTable.from_rows(
            [{"lower": 0, "rate": "1%"}], closed=Side.UPPER, semantics=Semantics.MARGINAL
        )
    with pytest.raises(InvalidTypeError, match=r"rows\[0\]\.value: .*got float 0\.01"):
        BandTable.from_rows([[0, 0.01]], closed=Side.UPPER, semantics=Semantics.MARGINAL)
    with pytest.raises(InvalidTypeError, match="rows: expected a list of rows"):
        BandTable.from_rows("0-100: 1%", closed=Side.UPPER, semantics=Semantics.MARGINAL)


@given(band_tables(), st.sampled_from(list(Side)), st.booleans())
def test_a_table_written_as_rows_reads_back_as_the_same_table(
    table: BandTable, closed: Side, first_closed: bool
) -> None:
    rows = table.to_rows(closed=closed, first_closed=first_closed)
    again = BandTable.from_rows(
        rows, closed=closed, first_closed=first_closed, semantics=table.semantics
    )
    assert again == table


def test_rows_with_a_side_that_is_not_a_side_or_no_rows_are_policy_errors_naming_rows() -> None:
    with pytest.raises(PolicyDefinitionError, match="closed: expected one of 'lower', 'upper'"):
        BandTable.from_rows([[0, 1]], closed="top", semantics=Semantics.MARGINAL)
    with pytest.raises(PolicyDefinitionError, match=r"^rows: expected at least one band"):
        BandTable.from_rows([], closed=Side.UPPER, semantics=Semantics.MARGINAL)
    with pytest.raises(InvalidTypeError, match="first_closed: expected True or False"):
        BandTable.flat(1).to_rows(closed=Side.LOWER, first_closed="no")  # type: ignore[arg-type]


def test_a_flat_rate_from_a_start_above_zero_pays_marginally_only_above_the_start() -> None:
    marginal = BandTable.flat("3%", start=100)
    assert marginal.apply(200).total == 3
    assert marginal.with_semantics(Semantics.WHOLE).apply(200).total == 6
