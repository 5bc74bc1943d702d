"""Band tables compiled to integer arithmetic, for evaluating many measures fast.

:meth:`CompiledTable.of` turns a ``MARGINAL`` or ``WHOLE`` :class:`~hrpolicy.core.bands.
BandTable` into integers: measures in units of ``10**-places`` (fen for money), values
scaled to whole numbers, and each band's payout at its lower bound added up once. A payout
is then one bisection and one multiplication on Python integers — exact, with no
:class:`~fractions.Fraction` or :class:`~decimal.Decimal` on the way — and is rounded half
up to the fen the same way :func:`~hrpolicy.core.money.round_money` rounds.

The compiled table gives exactly the numbers of :meth:`BandTable.apply` (the test suite
checks this on generated tables); :meth:`CompiledTable.explain` returns the band table's
own explanation of one measure, computed only when asked for.

>>> from hrpolicy.core.bands import BandTable, Semantics, Side
>>> table = BandTable.from_thresholds(
...     [0, 30000, 100000], ["0.01", "0.02", "0.03"], closed=Side.UPPER,
...     semantics=Semantics.MARGINAL)
>>> fast = CompiledTable.of(table)
>>> fast.payout(Decimal("150000")), fast.payout_fen(15_000_000)
(Decimal('3200.00'), 320000)
>>> fast.explain(Decimal("150000")).describe().split("; ")[-1]
'(100000, ∞) 50000 × 0.03 = 1500'
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

from hrpolicy.core.bands import BandApplication, BandTable, Semantics
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, NotCoveredError
from hrpolicy.core.money import EXACT, fen_to_money, parse_decimal

__all__ = ["CompiledTable"]


def _whole(value: Decimal, scale: int) -> int:
    """``value × scale``, which must be a whole number, computed exactly."""
    scaled = Fraction(value) * scale
    assert scaled.denominator == 1  # scale covers every place of the value
    return scaled.numerator


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: parsed decimals only
    return max(0, -exponent)


class CompiledTable:
    """A ``MARGINAL`` or ``WHOLE`` band table on integers. Build with :meth:`of`."""

    __slots__ = (
        "_closed_lower",
        "_cumulative",
        "_denominator",
        "_last_upper",
        "_last_upper_closed",
        "_limit",
        "_lowers",
        "_marginal",
        "_places",
        "_unit",
        "_values",
        "table",
    )

    def __init__(self, table: BandTable, places: int) -> None:
        self.table = table
        self._places = places
        self._unit: int = 10**places
        self._limit: int = 10 ** (18 + places)
        scale = 10 ** max(_places(b.value) for b in table.bands)
        # Payouts are integers of 1 / denominator yuan; the factor 100 keeps lump sums
        # (whole fen) integral too. Every conversion goes through Fraction: exact, and free
        # of the caller's decimal context.
        self._denominator: int = self._unit * scale * 100
        self._lowers: list[int] = [_whole(b.lower, self._unit) for b in table.bands]
        self._closed_lower: list[bool] = [b.lower_closed for b in table.bands]
        self._values: list[int] = [_whole(b.value, scale) * 100 for b in table.bands]
        lumps = [_whole(b.lump_sum, self._denominator) for b in table.bands]
        self._marginal: bool = table.semantics is Semantics.MARGINAL
        last = table.bands[-1]
        self._last_upper: int | None = (
            None if last.upper is None else _whole(last.upper, self._unit)
        )
        self._last_upper_closed: bool = last.upper_closed
        cumulative: list[int] = []
        total = 0
        lump_total = 0
        for index, band in enumerate(table.bands):
            lump_total += lumps[index]
            cumulative.append(total + lump_total if self._marginal else lumps[index])
            if band.upper is not None:
                total += (_whole(band.upper, self._unit) - self._lowers[index]) * self._values[
                    index
                ]
        self._cumulative: list[int] = cumulative

    @classmethod
    def of(cls, table: BandTable, *, places: int = 2) -> CompiledTable:
        """Compile ``table`` for measures with at most ``places`` decimal places (2: fen)."""
        if not isinstance(table, BandTable):
            raise InvalidTypeError("table", "a BandTable", table)
        if table.semantics not in (Semantics.MARGINAL, Semantics.WHOLE):
            raise InvalidValueError(
                f"BandTable({table.name}).semantics",
                "'marginal' or 'whole' to compile (evaluate others with BandTable.apply)",
                table.semantics,
            )
        if not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= 6:
            raise InvalidValueError("places", "0 to 6 decimal places", places)
        needed = max(
            _places(bound)
            for band in table.bands
            for bound in (band.lower, band.upper)
            if bound is not None
        )
        return cls(table, max(places, needed))

    # --- evaluation on integers ---------------------------------------------------------

    def scaled(self, units: int) -> int:
        """The exact payout of a measure of ``units`` (in ``10**-places``), in
        ``1 / denominator`` yuan."""
        if type(units) is not int:
            raise InvalidTypeError("units", f"a whole number of 10^-{self._places} (int)", units)
        if not -self._limit < units < self._limit:
            raise InvalidValueError("units", "a measure below 10^18", units)
        index = bisect.bisect_right(self._lowers, units) - 1
        if index >= 0 and units == self._lowers[index] and not self._closed_lower[index]:
            index -= 1
        if index < 0 or (
            self._last_upper is not None
            and (
                units > self._last_upper
                or (units == self._last_upper and not self._last_upper_closed)
            )
        ):
            raise NotCoveredError(
                f"BandTable({self.table.name})",
                f"a measure within {self.table.domain()}",
                Fraction(units, self._unit),
            )
        if self._marginal:
            return self._cumulative[index] + (units - self._lowers[index]) * self._values[index]
        return units * self._values[index] + self._cumulative[index]

    def payout_fen(self, units: int) -> int:
        """The payout of a measure of ``units``, rounded half up to the fen (ties away from
        zero, as :func:`~hrpolicy.core.money.round_money`)."""
        return self._fen(self.scaled(units))

    def increase_fen(self, start: int, end: int) -> int:
        """What a measure growing from ``start`` to ``end`` units adds to the payout,
        rounded once, half up, to the fen — how a statement pays a month whose measure
        accumulates from 0."""
        return self._fen(self.scaled(end) - self.scaled(start))

    def _fen(self, scaled: int) -> int:
        denominator = self._denominator
        if scaled >= 0:
            return (scaled * 200 + denominator) // (2 * denominator)
        return -((-scaled * 200 + denominator) // (2 * denominator))

    def payouts_fen(self, units: Iterable[int]) -> list[int]:
        """:meth:`payout_fen` of many measures (the table is compiled once, so each
        measure costs one bisection and one multiplication)."""
        return [self.payout_fen(u) for u in units]

    # --- evaluation on decimals ---------------------------------------------------------

    def units(self, measure: Decimal | int) -> int:
        """A measure as whole ``10**-places`` units; more decimal places are refused."""
        value = measure if type(measure) is Decimal else parse_decimal(measure, field="measure")
        if type(measure) is Decimal and not value.is_finite():
            parse_decimal(measure, field="measure")  # refuses NaN and infinities, typed
        # scaleb with the library's own context is exact, whatever the caller's context.
        scaled = value.scaleb(self._places, context=EXACT)
        if scaled != scaled.to_integral_value(context=EXACT):
            raise InvalidValueError(
                "measure", f"a measure with at most {self._places} decimal places", measure
            )
        return int(scaled)

    def exact(self, measure: Decimal | int) -> Fraction:
        """The exact payout, equal to ``table.apply(measure).total``."""
        return Fraction(self.scaled(self.units(measure)), self._denominator)

    def payout(self, measure: Decimal | int) -> Decimal:
        """The payout rounded half up to the fen."""
        return fen_to_money(self.payout_fen(self.units(measure)))

    def payouts(self, measures: Sequence[Decimal | int]) -> list[Decimal]:
        """:meth:`payout` of many measures."""
        return [self.payout(m) for m in measures]

    def explain(self, measure: Decimal | int) -> BandApplication:
        """The band table's own breakdown of ``measure`` (computed when asked for)."""
        return self.table.apply(measure)

    def __reduce__(self) -> tuple[object, ...]:
        return (CompiledTable, (self.table, self._places))
