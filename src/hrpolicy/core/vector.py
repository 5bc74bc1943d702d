"""A compiled band table evaluated on a whole NumPy array of measures at once.

:func:`payouts_fen` gives, for every measure of an integer array, exactly what
:meth:`~hrpolicy.core.compiled.CompiledTable.payout_fen` gives for it: the band found by
one ``searchsorted``, the payout by one multiplication and addition, rounded half up
(ties away from zero) to the fen. :func:`increases_fen` gives what
:meth:`~hrpolicy.core.compiled.CompiledTable.increase_fen` gives.

NumPy's int64 arithmetic wraps silently, so the bound of every intermediate figure is
worked out before computing, from the largest measure and the table's integers: with
``U`` the largest measure (in absolute value), ``L``, ``V`` and ``C`` the largest lower
bound, scaled rate and cumulative payout of the table, ``S`` the payout subtracted (0 or
the start's) and ``D`` the table's denominator, the path stays on int64 only when
``((U + L) × V + C + S) × 200 + 2 × D < 2**63``. Above the bound the same arithmetic
runs on exact Python integers (a NumPy object array) — slower, never wrong. A payout that
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
    bound = (
        (largest + max(map(abs, lowers))) * max(map(abs, values))
        + max(map(abs, cumulative))
        + abs(start)
    ) * 200 + 2 * table._denominator
    wide = bound > INT64_MAX or units.dtype == np.uint64
    kind: Any = object if wide else np.int64
    measures = units.astype(kind)
    lower_array = np.array(lowers, dtype=kind)
    index = np.searchsorted(lower_array, measures, side="right") - 1
    clipped = np.maximum(index, 0)
    open_lower = ~np.array(table._closed_lower, dtype=bool)
    index = index - ((index >= 0) & (measures == lower_array[clipped]) & open_lower[clipped])
    outside = index < 0
    if table._last_upper is not None:
        outside |= measures > table._last_upper
        if not table._last_upper_closed:
            outside |= measures == table._last_upper
    if outside.any():
        row = int(np.argmax(outside))
        raise NotCoveredError(
            f"{name}[{row}]",
            f"a measure within {table.table.domain()}",
            Decimal(int(units[row])).scaleb(-table._places, context=EXACT),
        )
    clipped = np.maximum(index, 0)
    value = np.array(values, dtype=kind)[clipped]
    total = np.array(cumulative, dtype=kind)[clipped]
    if table._marginal:
        scaled = total + (measures - lower_array[clipped]) * value
    else:
        scaled = measures * value + total
    return scaled - start if start else scaled


def _rounded(np: Any, table: CompiledTable, scaled: Any, name: str) -> Any:
    """Half up to the fen (ties away from zero), as ``CompiledTable._fen`` rounds."""
    denominator = table._denominator
    magnitude = (np.abs(scaled) * 200 + denominator) // (2 * denominator)
    fen = np.where(scaled >= 0, magnitude, -magnitude)
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
