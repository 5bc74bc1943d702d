"""A compiled band table evaluated on a whole NumPy array of measures at once.

:func:`payouts_fen` gives, for every measure of an integer array, exactly what
:meth:`~hrpolicy.core.compiled.CompiledTable.payout_fen` gives for it: the band found by
one ``searchsorted``, the payout by one multiplication and addition, rounded half up
(ties away from zero) to the fen. :func:`increases_fen` gives what
:meth:`~hrpolicy.core.compiled.CompiledTable.increase_fen` gives.

NumPy's int64 arithmetic wraps silently, so the bound of every intermediate figure is
worked out before computing, from the largest measure and the table's integers. A band's
exact payout is ``offset + measure × value`` (the offset folds in what the bands below pay,
or the band's lump sum); with ``U`` the largest measure (in absolute value), ``V`` and ``O``
the largest scaled rate and offset (in absolute value), ``S`` the payout subtracted (0 or
the start's) and ``E`` the hundredth of the table's denominator (one fen in its units),
the path stays on int64 only when ``2 × (U × V + O + S) + 2 × E < 2**63`` and every band
boundary is below ``2**63`` too. Above the
bound the same arithmetic runs on exact Python integers (a NumPy object array) — slower,
never wrong. A payout that
does not itself fit in int64 is refused, naming the row.

NumPy is imported when a function is called (extra ``numpy``), never by ``import
hrpolicy``.

>>> import numpy
>>> from hrpolicy.core.bands import BandTable, Semantics, Side
>>> from hrpolicy.core.compiled import CompiledTable
>>> table = CompiledTable.of(BandTable.from_thresholds(
...     [0, 30000, 100000], ["0.01", "0.02", "0.03"], closed=Side.UPPER,
...     semantics=Semantics.MARGINAL))
>>> payouts_fen(table, numpy.array([0, 15_000_000, 3_000_000])).tolist()
[0, 320000, 30000]
>>> payouts_fen(table, numpy.array([-1]))
Traceback (most recent call last):
...
hrpolicy.core.errors.NotCoveredError: units[0]: expected a measure within [0, ∞), got Decimal -0.01
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
)
from hrpolicy.core.libraries import require_library
from hrpolicy.core.money import EXACT

if TYPE_CHECKING:
    from hrpolicy.core.compiled import CompiledTable

__all__ = ["INT64_MAX", "increases_fen", "payouts_fen"]

#: The largest int64; every figure computed on the int64 path stays below it.
INT64_MAX = 2**63 - 1


def _measures(np: Any, units: object, name: str) -> Any:
    if not isinstance(units, np.ndarray) or units.ndim != 1:
        raise InvalidTypeError(name, "a one-dimensional NumPy array of integers", units)
    if units.dtype.kind not in "iu":
        raise InvalidTypeError(name, "a NumPy array of integers (int64)", units.dtype)
    return units


#: Up to this many bands, the band of every measure is found by one comparison per band
#: boundary (a pass each, cheaper than a binary search per measure for short tables).
_COMPARED_BANDS = 16


def _outside_row(np: Any, table: CompiledTable, measures: Any) -> int | None:
    """The first row outside the table's domain, or ``None``: read off the smallest and
    largest measures first, so a covered array costs two reductions."""
    first_lower, first_closed = table._lowers[0], table._closed_lower[0]
    smallest, largest = measures.min(), measures.max()
    below = smallest < first_lower or (smallest == first_lower and not first_closed)
    upper = table._last_upper
    above = upper is not None and (
        largest > upper or (largest == upper and not table._last_upper_closed)
    )
    if not (below or above):
        return None
    outside = (measures < first_lower) if first_closed else (measures <= first_lower)
    if upper is not None:
        outside |= (measures > upper) if table._last_upper_closed else (measures >= upper)
    return int(np.argmax(outside))


def _bands(np: Any, table: CompiledTable, measures: Any, kind: Any) -> Any:
    """The band index of every measure (each measure already known to be covered): a
    measure on a boundary belongs to the band above when that band's lower bound is
    closed, to the band below otherwise."""
    lowers, closed = table._lowers, table._closed_lower
    if len(lowers) <= _COMPARED_BANDS:
        index = np.zeros(len(measures), dtype=np.intp)
        for lower, lower_closed in zip(lowers[1:], closed[1:], strict=True):
            index += (measures >= lower) if lower_closed else (measures > lower)
        return index
    lower_array = np.array(lowers, dtype=kind)
    index = np.searchsorted(lower_array, measures, side="right") - 1
    on_open = (measures == lower_array[index]) & ~np.array(closed, dtype=bool)[index]
    return index - on_open


def _scaled(np: Any, table: CompiledTable, units: Any, start: int, name: str) -> Any:
    """``scaled(u) - start`` for every measure, exact: int64 when the bound allows,
    Python integers (object array) otherwise."""
    if len(units) == 0:
        return np.zeros(0, dtype=np.int64)
    largest = max(abs(int(units.max())), abs(int(units.min())))
    if largest >= table._limit:
        row = int(np.argmax(np.abs(units.astype(object)) >= table._limit))
        raise InvalidValueError(f"{name}[{row}]", "a measure below 10^18", int(units[row]))
    lowers, values, cumulative = table._lowers, table._values, table._cumulative
    # A band's payout is offset + measure × value, the offset folding in the payout below
    # its lower bound (marginal) or its lump sum (whole).
    offsets = [
        total - lower * value if table._marginal else total
        for lower, value, total in zip(lowers, values, cumulative, strict=True)
    ]
    unit = table._denominator // 100
    bound = 2 * (largest * max(map(abs, values)) + max(map(abs, offsets)) + abs(start)) + 2 * unit
    # Every constant the measures are compared with must fit too (a whole table's bound
    # can pass 2**63 while its payouts do not).
    edges = [*lowers, 0 if table._last_upper is None else table._last_upper]
    wide = bound > INT64_MAX or max(map(abs, edges)) > INT64_MAX or units.dtype == np.uint64
    kind: Any = object if wide else np.int64
    measures = units.astype(kind, copy=False)
    outside = _outside_row(np, table, measures)
    if outside is not None:
        raise NotCoveredError(
            f"{name}[{outside}]",
            f"a measure within {table.table.domain()}",
            Decimal(int(units[outside])).scaleb(-table._places, context=EXACT),
        )
    index = _bands(np, table, measures, kind)
    scaled = np.array(offsets, dtype=kind).take(index)
    scaled += measures * np.array(values, dtype=kind).take(index)
    if start:
        scaled -= start
    return scaled


def _rounded(np: Any, table: CompiledTable, scaled: Any, name: str) -> Any:
    """Half up to the fen (ties away from zero), as ``CompiledTable._fen`` rounds: a
    payout of ``scaled / denominator`` yuan is ``scaled / unit`` fen, ``unit`` being the
    denominator's hundredth."""
    unit = table._denominator // 100
    if len(scaled) == 0:
        return scaled
    negative = scaled.min() < 0
    magnitude = np.abs(scaled) if negative else scaled
    # ``unit`` is a power of ten: a whole fen when 1, else even, so half of it is exact.
    fen = magnitude if unit == 1 else (magnitude + unit // 2) // unit
    if negative:
        fen = np.where(scaled < 0, -fen, fen)
    if fen.dtype == object:
        too_big = np.abs(fen) > INT64_MAX
        if too_big.any():
            row = int(np.argmax(too_big))
            raise InvalidValueError(
                f"{name}[{row}]", "a payout that fits in int64 fen (below 2^63)", int(fen[row])
            )
        return fen.astype(np.int64)
    return fen


def payouts_fen(table: CompiledTable, units: object, *, name: str = "units") -> Any:
    """The payout of every measure in ``units`` (a NumPy integer array of
    ``10**-places`` units, fen for money), rounded half up to the fen, as an int64 array
    equal to ``[table.payout_fen(int(u)) for u in units]``. ``name`` is the column named
    in errors (``units[3]``)."""
    np = require_library("numpy", "numpy", "hrpolicy.core.vector.payouts_fen")
    measures = _measures(np, units, name)
    return _rounded(np, table, _scaled(np, table, measures, 0, name), name)


def increases_fen(table: CompiledTable, start: int, ends: object, *, name: str = "units") -> Any:
    """What a measure growing from ``start`` to each of ``ends`` adds to the payout,
    rounded once, half up, to the fen: ``[table.increase_fen(start, int(e)) for e in
    ends]`` as an int64 array (a statement's month paid from 0 is ``start=0``)."""
    np = require_library("numpy", "numpy", "hrpolicy.core.vector.increases_fen")
    measures = _measures(np, ends, name)
    base = table.scaled(start)
    return _rounded(np, table, _scaled(np, table, measures, base, name), name)
