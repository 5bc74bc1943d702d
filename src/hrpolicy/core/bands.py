"""Band tables: one mechanism for bond schedules, commission tiers, aging coefficients and
score bands.

A :class:`BandTable` is an ordered list of :class:`Band` objects over a measure (an amount,
a count of units, days, a score). Each band states its bounds **and whether each bound
belongs to it**, so "is 30,000 in the 1 % band or the 1.5 % band?" is always answered by the
data. The bands must tile one interval: a gap or an overlap between neighbours, a band
whose lower bound is not below its upper bound, or an unbounded band that is not last, is
rejected when the table is built (:class:`~hrpolicy.core.errors.PolicyDefinitionError`).
A measure outside the tiled interval raises :class:`~hrpolicy.core.errors.NotCoveredError`;
it is never answered with a silent 0.

Two questions can be asked of a table:

- :meth:`BandTable.value_at` — *lookup*: the value of the band the measure falls in
  (years of service for a training cost, a coefficient for days to collect); for an
  ``INTERPOLATED`` table, the value linearly interpolated between the band's
  ``value`` (at its lower bound) and ``end_value`` (at its upper bound).
- :meth:`BandTable.apply` — *payout*: the measure paid at the bands' values (rates, or
  amounts per unit) under the table's :class:`Semantics`:

  ``MARGINAL`` (累进)
      each part of the measure is paid at the value of the band it falls in.
  ``WHOLE`` (全额)
      the whole measure is paid at the value of the band it reaches.
  ``INTERPOLATED``
      the whole measure is paid at the interpolated value.
  ``MIXED``
      bands are marginal, except that reaching a band with ``rerate_below`` re-rates
      everything below it at that band's value; a higher band without the flag pays only
      its increment.

  Bands may also carry a ``lump_sum`` paid once the band is reached (every reached band's
  lump under ``MARGINAL``/``MIXED``; only the reached band's under ``WHOLE``/``INTERPOLATED``).

All arithmetic is exact (:class:`fractions.Fraction`); rounding is the caller's declared step.

>>> magazine = BandTable.from_thresholds(
...     [0, 20], ["20", "25"], closed=Side.UPPER, semantics=Semantics.MARGINAL)
>>> magazine.apply(25).total, magazine.with_semantics(Semantics.WHOLE).apply(25).total
(Fraction(525, 1), Fraction(625, 1))
>>> magazine.apply(20).total, magazine.with_semantics(Semantics.WHOLE).apply(20).total
(Fraction(400, 1), Fraction(400, 1))
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import (
    HRPolicyError,
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.core.fields import (
    Money,
    Text,
    enum_argument,
    policy_checked,
    policy_errors,
    typed_fields,
)
from hrpolicy.core.money import Rate, format_exact, parse_decimal

if TYPE_CHECKING:
    from hrpolicy.core.compiled import CompiledTable

__all__ = [
    "Band",
    "BandApplication",
    "BandTable",
    "Piece",
    "Semantics",
    "Side",
    "require_lookup",
]


class Semantics(Choice):
    """How :meth:`BandTable.apply` pays a measure. See the module documentation."""

    MARGINAL = "marginal"
    WHOLE = "whole"
    INTERPOLATED = "interpolated"
    MIXED = "mixed"


class Side(Choice):
    """Which bound of each band belongs to it, for :meth:`BandTable.from_thresholds`."""

    LOWER = "lower"  # [a, b): "from a up to but not including b"
    UPPER = "upper"  # (a, b]: "above a up to and including b"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Band:
    """One band: bounds with their inclusivity, a value, and optional extras.

    ``upper=None`` means unbounded above (only the last band). ``end_value`` is used only by
    ``INTERPOLATED`` tables (the value at ``upper``); ``rerate_below`` only by ``MIXED`` ones.
    """

    lower: Decimal
    upper: Decimal | None
    lower_closed: bool
    upper_closed: bool
    value: Decimal
    end_value: Decimal | None = None
    lump_sum: Money = Decimal(0)
    rerate_below: bool = False
    label: str = ""
    # Exact values and the interval text, computed once (tables are evaluated many times).
    _lo: Fraction = attrs.field(init=False, eq=False, repr=False)
    _hi: Fraction | None = attrs.field(init=False, eq=False, repr=False)
    _val: Fraction = attrs.field(init=False, eq=False, repr=False)
    _lump: Fraction = attrs.field(init=False, eq=False, repr=False)
    _text: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.upper is not None and self.upper <= self.lower:
            raise PolicyDefinitionError(
                "Band.upper", f"a bound above lower {self.lower}", self.upper
            )
        if self.upper is None and self.upper_closed:
            raise PolicyDefinitionError(
                "Band.upper_closed", "False for a band without an upper bound", self.upper_closed
            )
        left = "[" if self.lower_closed else "("
        right = "]" if self.upper_closed else ")"
        upper = "∞" if self.upper is None else format(self.upper, "f")
        setattr_ = object.__setattr__
        setattr_(self, "_lo", Fraction(self.lower))
        setattr_(self, "_hi", None if self.upper is None else Fraction(self.upper))
        setattr_(self, "_val", Fraction(self.value))
        setattr_(self, "_lump", Fraction(self.lump_sum))
        setattr_(self, "_text", f"{left}{format(self.lower, 'f')}, {upper}{right}")

    def contains(self, x: Fraction) -> bool:
        """Whether the measure ``x`` falls in this band."""
        lower = self._lo
        if x < lower or (x == lower and not self.lower_closed):
            return False
        upper = self._hi
        return upper is None or x < upper or (x == upper and self.upper_closed)

    def describe(self) -> str:
        """The band in interval notation, e.g. ``(2000, 5000]``."""
        return self._text


@attrs.frozen
class Piece:
    """Part of a payout: the band, the slice of the measure it paid, the value and amount.
    ``lump`` marks the piece holding the lump sums of the bands reached (its portion is 1)."""

    band_index: int
    band: str
    portion: Fraction
    value: Fraction
    amount: Fraction
    lump: bool = False


@attrs.frozen
class BandApplication:
    """The payout of a measure: exact ``total``, the ``pieces`` and the band reached."""

    measure: Fraction
    semantics: Semantics
    reached_index: int
    total: Fraction
    pieces: tuple[Piece, ...]
    # Set by the integer path of BandTable.apply: (the compiled table, band reached, the
    # measure in its units), from which describe() renders the text without Fractions.
    _render: tuple[CompiledTable, int, int] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )

    @property
    def lumps(self) -> Fraction:
        """The lump sums paid for the bands reached (0 when there are none)."""
        return sum((p.amount for p in self.pieces if p.lump), Fraction(0))

    def describe(self) -> str:
        """One line per piece, e.g. ``'[0, 20] 20 × 20 = 400'``."""
        render = self._render
        if render is not None:
            compiled, reached, units = render
            return compiled.describe(reached, units)
        return "; ".join(
            f"{piece.band} {format_exact(piece.portion)} × {format_exact(piece.value)}"
            f" = {format_exact(piece.amount)}"
            for piece in self.pieces
        )


class _Compiled:
    """A band table's integer tables (:class:`~hrpolicy.core.compiled.CompiledTable`),
    built on first use: by decimal places, and by the denominator of a measure seen."""

    __slots__ = ("by_denominator", "by_places")

    def __init__(self) -> None:
        self.by_places: dict[int, CompiledTable] = {}
        self.by_denominator: dict[int, CompiledTable] = {}

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt on first use after unpickling or copying (it refers back to the table).
        return (_Compiled, ())


#: The finest measure the integer path of ``apply`` takes: 10^-18 (as parse_decimal).
_FINEST: Final = 18


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BandTable:
    """An ordered, gap-free, overlap-free list of bands with declared semantics."""

    bands: tuple[Band, ...]
    semantics: Semantics
    name: Text = "bands"
    _lowers: tuple[Fraction, ...] = attrs.field(init=False, eq=False, repr=False)
    _compiled: _Compiled = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        path = f"BandTable({self.name}).bands"
        if not self.bands:
            raise PolicyDefinitionError(path, "at least one band", self.bands)
        for index, band in enumerate(self.bands):
            where = f"{path}[{index}]"
            if band.upper is None and index != len(self.bands) - 1:
                raise PolicyDefinitionError(
                    f"{where}.upper", "a bound (only the last band may be unbounded)", None
                )
            if self.semantics is Semantics.INTERPOLATED:
                if band.upper is not None and band.end_value is None:
                    raise PolicyDefinitionError(
                        f"{where}.end_value",
                        "a value at the upper bound for an interpolated table",
                        None,
                    )
                if band.upper is None and band.end_value is not None:
                    raise PolicyDefinitionError(
                        f"{where}.end_value",
                        "None for an unbounded band (its value is constant)",
                        band.end_value,
                    )
            elif band.end_value is not None:
                raise PolicyDefinitionError(
                    f"{where}.end_value",
                    "None: only interpolated tables use end_value",
                    band.end_value,
                )
            if band.rerate_below and self.semantics is not Semantics.MIXED:
                raise PolicyDefinitionError(
                    f"{where}.rerate_below", "False: only mixed tables re-rate", band.rerate_below
                )
        for index, (left, right) in enumerate(itertools.pairwise(self.bands), 1):
            where = f"{path}[{index}]"
            assert left.upper is not None  # checked above: only the last band is unbounded
            if right.lower > left.upper or (
                right.lower == left.upper and not (left.upper_closed or right.lower_closed)
            ):
                raise PolicyDefinitionError(
                    f"{where}.lower",
                    f"no gap after band {left.describe()} (bands must tile without gaps)",
                    right.describe(),
                )
            if right.lower < left.upper or (left.upper_closed and right.lower_closed):
                raise PolicyDefinitionError(
                    f"{where}.lower",
                    f"no overlap with band {left.describe()} (each value in exactly one band)",
                    right.describe(),
                )
        object.__setattr__(self, "_lowers", tuple(b._lo for b in self.bands))
        object.__setattr__(self, "_compiled", _Compiled())

    # --- construction helpers ----------------------------------------------------------

    @classmethod
    def from_thresholds(
        cls,
        thresholds: Sequence[Decimal | int | str],
        values: Sequence[Decimal | int | str],
        *,
        closed: Side | str,
        semantics: Semantics | str,
        first_closed: bool = True,
        end_values: Sequence[Decimal | int | str] | None = None,
        name: str = "bands",
    ) -> BandTable:
        """Build a table from ascending thresholds ``t0 < t1 < … < tn``.

        With ``n`` values the last band ends at ``tn``; with ``n + 1`` values a last,
        unbounded band starts at ``tn``. ``closed`` says which bound each band includes;
        ``first_closed`` whether the first band includes ``t0``.

        >>> t = BandTable.from_thresholds([0, 2000, 5000], [1, 2], closed=Side.UPPER,
        ...                               first_closed=False, semantics=Semantics.WHOLE)
        >>> [b.describe() for b in t.bands]
        ['(0, 2000]', '(2000, 5000]']
        """
        for argument, given in (("thresholds", thresholds), ("values", values)):
            if isinstance(given, (str, bytes)) or not isinstance(given, (list, tuple)):
                raise InvalidTypeError(argument, "a list or tuple of numbers", given)
        if end_values is not None and (
            isinstance(end_values, (str, bytes)) or not isinstance(end_values, (list, tuple))
        ):
            raise InvalidTypeError("end_values", "a list or tuple of numbers", end_values)
        _check_flag(first_closed, "first_closed")
        with policy_errors():
            closed = enum_argument(closed, Side, "closed")
            semantics = enum_argument(semantics, Semantics, "semantics")
            points = [parse_decimal(t, field=f"thresholds[{i}]") for i, t in enumerate(thresholds)]
            if len(values) not in (len(points) - 1, len(points)) or len(points) < 1:
                raise InvalidValueError(
                    "values",
                    f"{len(points) - 1} or {len(points)} values for {len(points)} thresholds",
                    len(values),
                )
            bounded = len(points) - 1  # bands with an upper bound
            if end_values is not None and len(end_values) != bounded:
                raise InvalidValueError(
                    "end_values",
                    f"{bounded} end values, one for each band with an upper bound",
                    len(end_values),
                )
            ends = [
                None if end_values is None or index >= bounded else end_values[index]
                for index in range(len(values))
            ]
            parsed = [band_value(v, f"values[{i}]") for i, v in enumerate(values)]
            parsed_ends = [
                None if e is None else band_value(e, f"end_values[{i}]") for i, e in enumerate(ends)
            ]
        bands = []
        for index, value in enumerate(parsed):
            lower = points[index]
            upper = points[index + 1] if index + 1 < len(points) else None
            lower_closed = first_closed if index == 0 else closed is Side.LOWER
            upper_closed = upper is not None and closed is Side.UPPER
            bands.append(
                Band(
                    lower=lower,
                    upper=upper,
                    lower_closed=lower_closed,
                    upper_closed=upper_closed,
                    value=value,
                    end_value=parsed_ends[index],
                )
            )
        return cls(bands=tuple(bands), semantics=semantics, name=name)

    @classmethod
    def from_rows(
        cls,
        rows: Sequence[Sequence[object] | Mapping[str, object]],
        *,
        closed: Side | str,
        semantics: Semantics | str,
        first_closed: bool = True,
        name: str = "bands",
    ) -> BandTable:
        """Build a table from rows, one per band, with the inclusivity stated once.

        A row is ``[lower, upper, value]``; the last row may be ``[lower, value]`` (or have
        ``upper`` ``None``) when the table is open above. ``closed`` says which bound of each
        band belongs to it — ``Side.UPPER``: ``(a, b]``, ``Side.LOWER``: ``[a, b)`` — and
        ``first_closed`` whether the first band includes its lower bound. A row that needs
        more is a mapping with ``lower``, ``upper`` (absent or ``None``: open above),
        ``value`` and any of ``end_value``, ``lump_sum``, ``rerate_below``, ``label``, and
        ``lower_closed`` / ``upper_closed`` for its own bounds. Bounds and values are
        ``Decimal``, ``int`` or text; a value may be written ``"1.5%"`` or ``"5‰"``.

        >>> tiers = BandTable.from_rows(
        ...     [[0, 30000, "1%"], [30000, 60000, "1.5%"], [60000, "2%"]],
        ...     closed=Side.UPPER, semantics=Semantics.MARGINAL)
        >>> [b.describe() for b in tiers.bands], tiers.apply(40000).total
        (['[0, 30000]', '(30000, 60000]', '(60000, ∞)'], Fraction(450, 1))
        >>> bonus = BandTable.from_rows(
        ...     [[0, 400000, "0.5%"], {"lower": 400000, "value": "1%", "lower_closed": True}],
        ...     closed=Side.LOWER, semantics=Semantics.WHOLE)
        >>> bonus.value_at(400000)
        Fraction(1, 100)
        """
        if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Sequence):
            raise InvalidTypeError("rows", "a list of rows [lower, upper, value]", rows)
        _check_flag(first_closed, "first_closed")
        bands = []
        with policy_errors():
            closed = enum_argument(closed, Side, "closed")
            semantics = enum_argument(semantics, Semantics, "semantics")
            for index, row in enumerate(rows):
                last = index == len(rows) - 1
                fields = _row_fields(row, f"rows[{index}]", last=last)
                bounded = fields["upper"] is not None
                lower_closed = first_closed if index == 0 else closed is Side.LOWER
                fields.setdefault("lower_closed", lower_closed)
                fields.setdefault("upper_closed", bounded and closed is Side.UPPER)
                try:
                    bands.append(Band(**fields))  # type: ignore[arg-type]
                except HRPolicyError as error:
                    # ``Band.upper`` → ``rows[2].upper``: name the row the user wrote.
                    field = error.path.removeprefix("Band").lstrip(".")
                    raise error.at(f"rows[{index}]" + (f".{field}" if field else "")) from None
            try:
                return cls(bands=tuple(bands), semantics=semantics, name=name)
            except PolicyDefinitionError as error:
                # No rows, a gap or an overlap: name the rows as they were written.
                own = f"BandTable({name}).bands"
                raise error.at("rows" + error.path.removeprefix(own)) from None

    @classmethod
    def flat(
        cls,
        value: Decimal | int | str,
        *,
        start: Decimal | int | str = 0,
        semantics: Semantics = Semantics.MARGINAL,
        name: str = "bands",
    ) -> BandTable:
        """A table of one band, ``[start, ∞)`` at ``value`` — a flat rate. From a start of
        0 every semantics pays the same (measure × value); from another start a
        ``MARGINAL`` table pays only the part above it ((measure − start) × value), a
        ``WHOLE`` one the whole measure.

        >>> BandTable.flat("3%").apply(12000).total
        Fraction(360, 1)
        """
        return cls.from_rows([[start, value]], closed=Side.LOWER, semantics=semantics, name=name)

    def to_rows(
        self, *, closed: Side | str, first_closed: bool = True
    ) -> list[list[Decimal] | dict[str, object]]:
        """The table as :meth:`from_rows` rows for the inclusivity ``closed``: a band that
        follows the convention is a list (``[lower, value]`` for an open last band), one
        that does not (or has a lump sum, an end value, a re-rating or a label) a mapping
        with only what differs. ``from_rows(t.to_rows(closed=c), closed=c,
        semantics=t.semantics)`` rebuilds the same table, for either side.

        >>> BandTable.from_rows([[0, 100, 1], [100, 2]], closed=Side.LOWER,
        ...                     semantics=Semantics.WHOLE).to_rows(closed=Side.LOWER)
        [[Decimal('0'), Decimal('100'), Decimal('1')], [Decimal('100'), Decimal('2')]]
        """
        closed = enum_argument(closed, Side, "closed")
        _check_flag(first_closed, "first_closed")
        rows: list[list[Decimal] | dict[str, object]] = []
        for index, band in enumerate(self.bands):
            lower_closed = first_closed if index == 0 else closed is Side.LOWER
            upper_closed = band.upper is not None and closed is Side.UPPER
            row: dict[str, object] = {"lower": band.lower}
            if band.upper is not None:
                row["upper"] = band.upper
            row["value"] = band.value
            if band.lower_closed != lower_closed:
                row["lower_closed"] = band.lower_closed
            if band.upper_closed != upper_closed:
                row["upper_closed"] = band.upper_closed
            for extra, default in _ROW_EXTRAS.items():
                if getattr(band, extra) != default:
                    row[extra] = getattr(band, extra)
            if set(row) <= {"lower", "upper", "value"}:
                rows.append([band.lower, *([] if band.upper is None else [band.upper]), band.value])
            else:
                rows.append(row)
        return rows

    def with_semantics(self, semantics: Semantics | str) -> BandTable:
        """The same bands read with other semantics (e.g. to compare both readings)."""
        return attrs.evolve(self, semantics=enum_argument(semantics, Semantics, "semantics"))

    # --- questions --------------------------------------------------------------------

    @property
    def start(self) -> Decimal:
        """The lowest bound of the table."""
        return self.bands[0].lower

    def index_of(self, measure: Decimal | int | Fraction) -> int:
        """The index of the band ``measure`` falls in; ``NotCoveredError`` outside."""
        return self._index(_exact(measure), measure)

    def _index(self, x: Fraction, measure: object) -> int:
        position = bisect.bisect_right(self._lowers, x) - 1
        for candidate in (position, position - 1):
            if 0 <= candidate < len(self.bands) and self.bands[candidate].contains(x):
                return candidate
        raise NotCoveredError(
            f"BandTable({self.name})", f"a measure within {self.domain()}", measure
        )

    def domain(self) -> str:
        """The interval the table covers, e.g. ``(0, 50000]``."""
        first, last = self.bands[0], self.bands[-1]
        left = "[" if first.lower_closed else "("
        right = "]" if last.upper_closed else ")"
        upper = "∞" if last.upper is None else format(last.upper, "f")
        return f"{left}{format(first.lower, 'f')}, {upper}{right}"

    def band_for(self, measure: Decimal | int | Fraction) -> Band:
        """The band ``measure`` falls in."""
        return self.bands[self.index_of(measure)]

    def value_at(self, measure: Decimal | int | Fraction) -> Fraction:
        """Lookup: the band's value, interpolated for ``INTERPOLATED`` tables."""
        x = _exact(measure)
        return self._value_in(self.bands[self._index(x, measure)], x)

    def _value_in(self, band: Band, x: Fraction) -> Fraction:
        start = band._val
        upper = band._hi
        if self.semantics is not Semantics.INTERPOLATED or upper is None:
            return start
        assert band.end_value is not None
        lower = band._lo
        return start + (Fraction(band.end_value) - start) * (x - lower) / (upper - lower)

    def apply(self, measure: Decimal | int | Fraction) -> BandApplication:
        """Payout: ``measure`` paid at the bands' values under the table's semantics.

        A ``MARGINAL`` or ``WHOLE`` table pays a measure with a finite decimal expansion
        on its compiled integer table (:class:`~hrpolicy.core.compiled.CompiledTable`,
        built once per table): the same pieces, total and text, without Fraction
        arithmetic. Any other table or measure is paid on Fractions."""
        x = measure if type(measure) is Fraction else _exact(measure)
        if self.semantics is Semantics.MARGINAL or self.semantics is Semantics.WHOLE:
            denominator = x.denominator
            compiled = self._compiled_for(denominator)
            if compiled is not None:
                units = x.numerator * (compiled._unit // denominator)
                return compiled.application(units, x, measure)
        return self._apply_exact(x, measure)

    def _compiled_for(self, denominator: int) -> CompiledTable | None:
        """The integer table for measures of this denominator (at least fen), or ``None``
        when such a measure has no finite decimal expansion of at most 18 places."""
        known = self._compiled.by_denominator.get(denominator)
        if known is not None:
            return known
        places = next(
            (p for p in range(_FINEST + 1) if 10**p % denominator == 0),
            None,
        )
        if places is None:
            return None
        compiled = self._compiled_at(max(places, 2))
        self._compiled.by_denominator[denominator] = compiled
        return compiled

    def _compiled_at(self, places: int) -> CompiledTable:
        """This ``MARGINAL`` or ``WHOLE`` table on integers, for measures of at most
        ``places`` decimal places (more when a bound has more), built once and kept."""
        found = self._compiled.by_places.get(places)
        if found is None:
            from hrpolicy.core.compiled import CompiledTable  # noqa: PLC0415 - it imports bands

            needed = max(
                _decimal_places(bound)
                for band in self.bands
                for bound in (band.lower, band.upper)
                if bound is not None
            )
            found = self._compiled.by_places.get(max(places, needed))
            if found is None:
                found = CompiledTable(self, max(places, needed))
                self._compiled.by_places[max(places, needed)] = found
            self._compiled.by_places[places] = found
        return found

    def _apply_exact(self, x: Fraction, measure: object) -> BandApplication:
        """:meth:`apply` on Fractions, for every semantics and any exact measure."""
        reached = self._index(x, measure)
        table_start = self._lowers[0]
        pieces: list[Piece] = []
        lumps = Fraction(0)
        if self.semantics in (Semantics.WHOLE, Semantics.INTERPOLATED):
            band = self.bands[reached]
            value = self._value_in(band, x)
            pieces.append(Piece(reached, band._text, x, value, x * value))
            lumps = band._lump
        else:
            for index in range(reached + 1):
                band = self.bands[index]
                upper = band._hi
                top = x if index == reached or upper is None else upper
                value = band._val
                lumps += band._lump
                if band.rerate_below:
                    portion = top - table_start
                    text = f"re-rated up to {band._text}"
                    pieces = [Piece(index, text, portion, value, portion * value)]
                else:
                    portion = top - band._lo
                    pieces.append(Piece(index, band._text, portion, value, portion * value))
        if lumps:
            pieces.append(Piece(reached, "lump sum", Fraction(1), lumps, lumps, lump=True))
        total = sum((p.amount for p in pieces), Fraction(0))
        return BandApplication(x, self.semantics, reached, total, tuple(pieces))


def require_lookup(table: BandTable, field: str, *, why: str, lump_why: str = "") -> None:
    """Refuse a table that :meth:`BandTable.value_at` cannot read as written: a lookup
    reads one band's value, so the table must be ``WHOLE`` or ``INTERPOLATED`` (a
    ``MARGINAL`` or ``MIXED`` table pays parts of the measure in several bands) and no band
    may carry a lump sum (a lookup never adds one).

    Args:
        table: the table.
        field: the path of the table in its owner (``"Quota(visits).bands"``).
        why: why the owner looks values up, shown in the error.
        lump_why: why lump sums are refused (``why`` when not given).

    Raises:
        PolicyDefinitionError: naming ``<field>.semantics`` or ``<field>.bands[i].lump_sum``.

    Example:
        >>> marginal = BandTable.from_rows([[0, 50, 1], [50, 2]], closed=Side.LOWER,
        ...                                semantics=Semantics.MARGINAL)
        >>> require_lookup(marginal, "Quota(visits).bands", why="a coefficient is looked up")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.PolicyDefinitionError: Quota(visits).bands.semantics: expected ...
    """
    if table.semantics not in (Semantics.WHOLE, Semantics.INTERPOLATED):
        raise PolicyDefinitionError(
            f"{field}.semantics", f"'whole' or 'interpolated' ({why})", table.semantics.value
        )
    for index, band in enumerate(table.bands):
        if band.lump_sum != 0:
            raise PolicyDefinitionError(
                f"{field}.bands[{index}].lump_sum", f"0 ({lump_why or why})", band.lump_sum
            )


#: What a mapping row may say beyond its bounds and value, with each one's default.
_ROW_EXTRAS: Final[dict[str, object]] = {
    "end_value": None,
    "lump_sum": Decimal(0),
    "rerate_below": False,
    "label": "",
}
_ROW_KEYS: Final = ("lower", "upper", "value", "lower_closed", "upper_closed", *_ROW_EXTRAS)


def _row_fields(row: object, path: str, *, last: bool) -> dict[str, object]:
    """The :class:`Band` fields a row gives (inclusivity left out unless the row says)."""
    if isinstance(row, Mapping):
        unknown = sorted(str(key) for key in row if key not in _ROW_KEYS)
        if unknown:
            raise InvalidValueError(
                f"{path}.{unknown[0]}", f"one of the keys {', '.join(_ROW_KEYS)}", unknown[0]
            )
        for key in ("lower", "value"):
            if key not in row:
                raise InvalidValueError(path, f"a {key!r} key in the row", dict(row))
        fields = {str(key): value for key, value in row.items()}
    elif isinstance(row, (list, tuple)):
        if len(row) == 3:
            fields = {"lower": row[0], "upper": row[1], "value": row[2]}
        elif len(row) == 2:
            fields = {"lower": row[0], "upper": None, "value": row[1]}
        else:
            raise InvalidValueError(path, "a row [lower, upper, value] or [lower, value]", row)
    else:
        raise InvalidTypeError(
            path, "a row [lower, upper, value], [lower, value] or a mapping", row
        )
    fields.setdefault("upper", None)
    if fields["upper"] is None and not last:
        raise InvalidValueError(
            path, "an upper bound (only the last row may be open above: [lower, value])", row
        )
    for key in ("lower", "upper"):
        if fields[key] is not None:
            fields[key] = parse_decimal(fields[key], field=f"{path}.{key}")
    for key in ("value", "end_value"):
        if fields.get(key) is not None:
            fields[key] = band_value(fields[key], f"{path}.{key}")
    return fields


def _check_flag(value: object, name: str) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(name, "True or False", value)


def band_value(value: object, field: str) -> Decimal:
    """A band's value: a number, or a rate written ``"1.5%"`` / ``"5‰"`` (its fraction).

    >>> band_value("1.5%", "value"), band_value("20", "value")
    (Decimal('0.015'), Decimal('20'))
    """
    return Rate.parse(value, field=field).value


def _decimal_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: parsed decimals only
    return max(0, -exponent)


def _exact(measure: Decimal | int | Fraction) -> Fraction:
    if isinstance(measure, Fraction):
        return measure
    numerator, denominator = parse_decimal(measure, field="measure").as_integer_ratio()
    return Fraction(numerator, denominator)
