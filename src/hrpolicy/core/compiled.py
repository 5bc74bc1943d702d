"""Band tables compiled to integer arithmetic, for evaluating many measures fast.

:meth:`CompiledTable.of` turns a ``MARGINAL`` or ``WHOLE`` :class:`~hrpolicy.core.bands.
BandTable` into integers: measures in units of ``10**-places`` (fen for money), values
scaled to whole numbers, and each band's payout at its lower bound added up once. A payout
is then one bisection and one multiplication on Python integers — exact, with no
:class:`~fractions.Fraction` or :class:`~decimal.Decimal` on the way — and is rounded half
up to the fen the same way :func:`~hrpolicy.core.money.round_money` rounds.

The compiled table gives exactly the numbers of :meth:`BandTable.apply` (the test suite
checks this on generated tables). It is also how ``apply`` explains a measure of a
``MARGINAL`` or ``WHOLE`` table: :meth:`CompiledTable.application` builds the band
breakdown (:class:`~hrpolicy.core.bands.BandApplication`) from the integers — the pieces of
the bands below the one reached, their text and the lump sums are made once per table, and
only the reached band's piece per measure — and its text is rendered when read.
:meth:`CompiledTable.explain` returns that breakdown of one measure, computed only when
asked for.

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

from hrpolicy.core.bands import BandApplication, BandTable, Piece, Semantics
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, NotCoveredError
from hrpolicy.core.money import EXACT, exact_ratio, fen_to_money, format_exact, parse_decimal

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


def _decimal_text(number: int, places: int) -> str:
    """``number × 10**-places`` written as :func:`~hrpolicy.core.money.format_exact` writes
    it (a finite expansion: in full, without trailing zeros)."""
    if not places:
        return str(number)
    whole, fraction = divmod(-number if number < 0 else number, 10**places)
    sign = "-" if number < 0 else ""
    if not fraction:
        return f"{sign}{whole}"
    return f"{sign}{whole}." + f"{fraction:0{places}d}".rstrip("0")


class _Explained:
    """What a compiled table's breakdowns share, per band reached: the pieces and text of
    the full bands below it, its own interval and value, and the lump-sum piece."""

    __slots__ = ("band_texts", "below", "below_text", "lump", "lump_text", "value_texts", "values")

    def __init__(self, compiled: CompiledTable) -> None:
        table = compiled.table
        unit, denominator = compiled._unit, compiled._denominator
        places, amount_places = compiled._places, compiled._amount_places
        marginal = compiled._marginal
        self.band_texts: list[str] = [b._text for b in table.bands]
        self.values: list[Fraction] = [b._val for b in table.bands]
        self.value_texts: list[str] = [format_exact(b._val) for b in table.bands]
        self.below: list[tuple[Piece, ...]] = []
        self.below_text: list[str] = []
        self.lump: list[tuple[Piece, ...]] = []
        self.lump_text: list[str] = []
        pieces: tuple[Piece, ...] = ()
        text = ""
        lumps = Fraction(0)
        for index, band in enumerate(table.bands):
            self.below.append(pieces if marginal else ())
            self.below_text.append(text if marginal else "")
            lumps = lumps + band._lump if marginal else band._lump
            if lumps:
                lump = format_exact(lumps)
                self.lump.append((Piece(index, "lump sum", Fraction(1), lumps, lumps, lump=True),))
                self.lump_text.append(f"; lump sum 1 × {lump} = {lump}")
            else:
                self.lump.append(())
                self.lump_text.append("")
            if band.upper is not None:
                width = _whole(band.upper, unit) - compiled._lowers[index]
                amount = width * compiled._values[index]
                full = Piece(
                    index,
                    band._text,
                    Fraction(width, unit),
                    band._val,
                    Fraction(amount, denominator),
                )
                pieces = (*pieces, full)
                text += (
                    f"{band._text} {_decimal_text(width, places)} × {self.value_texts[index]}"
                    f" = {_decimal_text(amount, amount_places)}; "
                )


class CompiledTable:
    """A ``MARGINAL`` or ``WHOLE`` band table on integers. Build with :meth:`of`."""

    __slots__ = (
        "_amount_places",
        "_closed_lower",
        "_cumulative",
        "_denominator",
        "_explained",
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
        self._amount_places: int = len(str(self._denominator)) - 1  # a power of ten
        self._explained: _Explained | None = None
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
        return table._compiled_at(places)  # built once per table and places

    # --- evaluation on integers ---------------------------------------------------------

    def _band(self, units: int, shown: object = None) -> int:
        """The index of the band a measure of ``units`` falls in; outside the table, a
        ``NotCoveredError`` showing the measure as ``shown`` (``None``: ``units / unit``)."""
        index = bisect.bisect_right(self._lowers, units) - 1
        if index >= 0 and units == self._lowers[index] and not self._closed_lower[index]:
            index -= 1
        last_upper = self._last_upper
        if index < 0 or (
            last_upper is not None
            and (units > last_upper or (units == last_upper and not self._last_upper_closed))
        ):
            raise NotCoveredError(
                f"BandTable({self.table.name})",
                f"a measure within {self.table.domain()}",
                Fraction(units, self._unit) if shown is None else shown,
            )
        return index

    def scaled(self, units: int) -> int:
        """The exact payout of a measure of ``units`` (in ``10**-places``), in
        ``1 / denominator`` yuan."""
        if type(units) is not int:
            raise InvalidTypeError("units", f"a whole number of 10^-{self._places} (int)", units)
        if not -self._limit < units < self._limit:
            raise InvalidValueError("units", "a measure below 10^18", units)
        return self.reached(units)[1]

    def reached(self, units: int, shown: object = None) -> tuple[int, int]:
        """The band a measure of ``units`` reaches and its exact payout in ``1 /
        denominator`` yuan, for a measure of any size; outside the table a
        ``NotCoveredError`` showing the measure as ``shown`` (by default as the exact
        ``units / unit``)."""
        index = self._band(units, shown)
        if self._marginal:
            return index, (
                self._cumulative[index] + (units - self._lowers[index]) * self._values[index]
            )
        return index, units * self._values[index] + self._cumulative[index]

    @property
    def unit(self) -> int:
        """Measures are whole numbers of ``1 / unit`` (``10**places``)."""
        return self._unit

    @property
    def denominator(self) -> int:
        """Payouts are whole numbers of ``1 / denominator`` yuan."""
        return self._denominator

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

    # --- explanations from the integers ---------------------------------------------------

    def application(self, units: int, measure: Fraction, shown: object) -> BandApplication:
        """The breakdown :meth:`BandTable.apply` gives for ``measure``, which is ``units``
        (in ``10**-places``): every figure from the integers, the pieces of the full bands
        below the one reached made once per table, and the text rendered only when
        :meth:`BandApplication.describe` is called. ``shown`` is the measure as given, for
        the error of a measure outside the table."""
        index = self._band(units, shown)
        explained = self._explained or self._explain()
        if self._marginal:
            portion_units = units - self._lowers[index]
            portion = exact_ratio(portion_units, self._unit)
        else:
            portion_units = units
            portion = measure
        amount = portion_units * self._values[index]
        denominator = self._denominator
        reached = Piece(
            index,
            explained.band_texts[index],
            portion,
            explained.values[index],
            exact_ratio(amount, denominator),
        )
        application = BandApplication(
            measure,
            self.table.semantics,
            index,
            exact_ratio(self._cumulative[index] + amount, denominator),
            (*explained.below[index], reached, *explained.lump[index]),
        )
        object.__setattr__(application, "_render", (self, index, units))
        return application

    def describe(self, index: int, units: int) -> str:
        """The text of :meth:`BandApplication.describe` for a measure of ``units`` in the
        band ``index``, from the integers."""
        explained = self._explained or self._explain()
        portion = units - self._lowers[index] if self._marginal else units
        return (
            f"{explained.below_text[index]}{explained.band_texts[index]}"
            f" {_decimal_text(portion, self._places)} × {explained.value_texts[index]}"
            f" = {_decimal_text(portion * self._values[index], self._amount_places)}"
            f"{explained.lump_text[index]}"
        )

    def _explain(self) -> _Explained:
        explained = self._explained = _Explained(self)
        return explained

    def __reduce__(self) -> tuple[object, ...]:
        return (CompiledTable, (self.table, self._places))
