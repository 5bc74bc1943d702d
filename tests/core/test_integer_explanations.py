"""A marginal or whole table explains a measure from its compiled integers: the same
pieces, total and text as the explanation computed on Fractions."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core import BandApplication, BandTable, NotCoveredError, Semantics, Side
from hrpolicy.core.compiled import CompiledTable
from hrpolicy.core.money import exact_ratio, format_exact
from hrpolicy.strategies import band_tables


def _fraction_text(application: BandApplication) -> str:
    """The text written out from the pieces' Fractions, as ``describe`` did before."""
    return "; ".join(
        f"{p.band} {format_exact(p.portion)} × {format_exact(p.value)} = {format_exact(p.amount)}"
        for p in application.pieces
    )


@st.composite
def _tables(draw: st.DrawFn) -> BandTable:
    """Marginal and whole tables with finer bounds and values, a start below or above 0
    and lump sums, as well as the library's own generated tables."""
    semantics = draw(st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]))
    start = Decimal(draw(st.integers(-5000, 5000))).scaleb(-draw(st.integers(0, 3)))
    table = draw(band_tables(semantics=semantics, start=start, max_bands=5))
    scale = draw(st.integers(0, 4))
    bands = []
    for band in table.bands:
        lump = draw(st.sampled_from([0, 0, 0, 50, Decimal("0.05"), Decimal("-1.25")]))
        value = (
            band.value
            if not scale
            else band.value + Decimal(draw(st.integers(0, 99))).scaleb(-3 - scale)
        )
        bands.append(attrs.evolve(band, lump_sum=Decimal(str(lump)), value=value))
    return BandTable(bands=tuple(bands), semantics=semantics, name=table.name)


def _measures(table: BandTable) -> st.SearchStrategy[Decimal | int | Fraction]:
    low = table.bands[0].lower
    last = table.bands[-1]
    high = last.upper if last.upper is not None else low + 400_000
    places = st.integers(0, 6)
    decimals = st.builds(
        lambda units, p: Decimal(units).scaleb(-p),
        st.integers(int(low * 10**6) - 10, int(high * 10**6) + 10),
        places,
    ).map(lambda d: d.quantize(Decimal(1).scaleb(-6)).normalize())
    bounds = st.sampled_from(
        [b.lower for b in table.bands] + [b.upper for b in table.bands if b.upper is not None]
    )
    fractions = st.fractions(
        min_value=Fraction(int(low) - 2), max_value=Fraction(int(high) + 2), max_denominator=64
    )
    return st.one_of(decimals, bounds, bounds.map(int), fractions)


def _same_as_on_fractions(table: BandTable, measure: Decimal | int | Fraction) -> None:
    x = measure if isinstance(measure, Fraction) else Fraction(measure)
    if not any(band.contains(x) for band in table.bands):
        # Outside the table: the same error on both paths, naming the measure as given.
        with pytest.raises(NotCoveredError) as exact_error:
            table._apply_exact(x, measure)
        with pytest.raises(NotCoveredError) as fast_error:
            table.apply(measure)
        assert str(fast_error.value) == str(exact_error.value)
        return
    fast = table.apply(measure)
    exact = table._apply_exact(x, measure)
    assert fast == exact
    # Every measure of at most 18 decimal places took the integer path.
    assert (fast._render is not None) == (10**18 % x.denominator == 0)
    assert [attrs.astuple(p) for p in fast.pieces] == [attrs.astuple(p) for p in exact.pieces]
    assert fast.total == exact.total
    assert fast.lumps == exact.lumps
    assert fast.describe() == exact.describe() == _fraction_text(exact)


@given(_tables().flatmap(lambda t: st.tuples(st.just(t), _measures(t))))
def test_the_integer_explanation_equals_the_fraction_one(
    case: tuple[BandTable, Decimal | int | Fraction],
) -> None:
    table, measure = case
    _same_as_on_fractions(table, measure)


@given(_tables().flatmap(lambda t: st.tuples(st.just(t), st.lists(_measures(t), max_size=8))))
def test_a_table_explains_many_measures_alike_in_any_order(
    case: tuple[BandTable, list[Decimal | int | Fraction]],
) -> None:
    # The integer tables and the shared pieces are built once and reused: a measure's
    # explanation never depends on the ones computed before it.
    table, measures = case
    for measure in [*measures, *reversed(measures)]:
        _same_as_on_fractions(table, measure)


@given(band_tables(unbounded=True), st.integers(0, 300_000))
def test_every_semantics_explains_the_same_way_on_either_path(
    table: BandTable, measure: int
) -> None:
    # Interpolated and mixed tables are paid on Fractions; marginal and whole on integers.
    application = table.apply(measure)
    assert application == table._apply_exact(Fraction(measure), measure)
    assert application.describe() == _fraction_text(application)


def test_the_explanation_names_each_band_its_slice_value_and_amount() -> None:
    table = BandTable.from_thresholds(
        [0, 30000, 100000, 200000],
        ["0.01", "0.02", "0.03", "0.04"],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    application = table.apply(Decimal("150000.05"))
    assert application.total == Fraction(3200) + Fraction(15, 10000)
    assert application.describe() == (
        "[0, 30000] 30000 × 0.01 = 300; (30000, 100000] 70000 × 0.02 = 1400; "
        "(100000, 200000] 50000.05 × 0.03 = 1500.0015"
    )
    lumped = BandTable.from_rows(
        [[0, 10, "2"], {"lower": 10, "value": "3", "lump_sum": "100"}],
        closed=Side.UPPER,
        semantics=Semantics.WHOLE,
    )
    assert lumped.apply(12).describe() == "(10, ∞) 12 × 3 = 36; lump sum 1 × 100 = 100"
    assert lumped.apply(12).total == 136
    assert lumped.apply(Fraction(1, 3)).describe() == "[0, 10] 0.3333333333… × 2 = 0.6666666666…"


def test_a_table_and_its_explanations_pickle_and_copy_without_their_integer_tables() -> None:
    table = BandTable.from_thresholds(
        [0, 30000], ["0.01", "0.02"], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    application = table.apply(40000)
    for copied in (pickle.loads(pickle.dumps(table)), copy.deepcopy(table), copy.copy(table)):
        assert copied == table
        assert hash(copied) == hash(table)
        assert copied.apply(40000) == application
        assert copied.apply(40000).describe() == application.describe()
    again = pickle.loads(pickle.dumps(application))
    assert again == application
    assert again.describe() == application.describe() == _fraction_text(application)
    # A table's compiled tables are built once and shared.
    assert CompiledTable.of(table) is CompiledTable.of(table)
    assert CompiledTable.of(table).explain(40000) == application


def test_an_edited_explanation_describes_its_own_pieces() -> None:
    table = BandTable.flat("3%")
    application = table.apply(1000)
    assert application.describe() == "[0, ∞) 1000 × 0.03 = 30"
    halved = attrs.evolve(
        application, pieces=(attrs.evolve(application.pieces[0], amount=Fraction(15)),)
    )
    assert halved.describe() == "[0, ∞) 1000 × 0.03 = 15"


@given(st.integers(-(10**40), 10**40), st.integers(1, 10**30))
def test_the_integer_path_makes_the_fractions_the_constructor_makes(
    numerator: int, denominator: int
) -> None:
    made = exact_ratio(numerator, denominator)
    expected = Fraction(numerator, denominator)
    assert type(made) is Fraction
    assert (made.numerator, made.denominator) == (expected.numerator, expected.denominator)
    assert hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    assert pickle.loads(pickle.dumps(made)) == expected
    assert made * 3 - expected == 2 * expected
