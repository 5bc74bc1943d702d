"""The fast path's columns on NumPy: read, checked, grouped and paid by vectorised code.

:func:`~hrpolicy.commission.fast.run_columns` and
:func:`~hrpolicy.commission.fast.compare_columns` hand their columns here first. When
every column is a NumPy array, a pandas or polars ``Series`` or an Arrow array of a native
type, they are read without a Python object per row:

- owners: text (NumPy ``str``, ``object`` text, a pandas categorical, an Arrow string or
  dictionary array), or integer codes indexing ``owner_names``;
- days: NumPy or pandas ``datetime64`` of any unit from days to nanoseconds, without a
  time zone (every value a midnight), Arrow ``date32``/``date64`` or polars ``Date`` (an
  Arrow timestamp or a polars datetime is read row by row, where a ``datetime`` is
  refused);
- amounts: whole fen in an integer dtype (:func:`fen_column` turns a decimal column of
  yuan into one, exactly).

Each owner's months are found with one sort of an integer key, their totals added with
``numpy.add.reduceat`` and paid with :mod:`hrpolicy.core.vector` on each plan version's
compiled tables. Sums in int64 are used only when ``rows × the largest amount`` stays below
``2**63``, and the components' payouts only while their sum does; otherwise — and for a
month under two versions or none, or a total a table does not cover — the run is paid by
the row path, month by month in its order, in exact Python integers: never wrapped, and
with the row path's error.

A column that is not clean (a null, a negative amount, a float, a time of day, a date out
of range, an owner that is not text) is not read here: the caller reads it row by row,
which refuses the first bad row with the error it always gave. The results are the same
figures, to the fen, whichever way the columns were read (property-tested).

NumPy is imported only when a column is read (extra ``numpy``).
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final, Generic, Protocol, TypeVar, overload

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import FIRST_DATE, LAST_DATE
from hrpolicy.core.libraries import require_library
from hrpolicy.core.money import EXACT

__all__ = [
    "ArrayLike",
    "DayColumn",
    "DealArrays",
    "FenColumn",
    "OwnerColumn",
    "fen_column",
    "read_arrays",
]

_EPOCH: Final = date(1970, 1, 1)
_FIRST_DAY: Final = (FIRST_DATE - _EPOCH).days
_LAST_DAY: Final = (LAST_DATE - _EPOCH).days
_INT64_MAX: Final = 2**63 - 1
_FINE_UNITS: Final = ("D", "h", "m", "s", "ms", "us", "ns")
#: Rows converted to Python values at a time when a column is iterated.
_CHUNK: Final = 65_536

T = TypeVar("T")


class ArrayLike(Protocol):
    """A column held by a frame or array library — a NumPy array, a pandas or polars
    ``Series``, an Arrow array: anything NumPy can read through ``__array__``."""

    def __array__(self) -> Any: ...


def _numpy() -> Any:
    return require_library("numpy", "numpy", "hrpolicy.commission.fast (NumPy columns)")


# ------------------------------------------------------------------ the columns a run keeps


class _Column(Sequence[T], Generic[T]):
    """A read-only column of a run held as a NumPy array and read as Python values; equal
    to any sequence of the same values (a list or tuple of them included)."""

    __slots__ = ("_values",)

    def __init__(self, values: Any) -> None:
        values.setflags(write=False)
        self._values = values

    @property
    def array(self) -> Any:
        """The column's NumPy array (read-only)."""
        return self._values

    @abc.abstractmethod
    def _read(self, values: list[Any]) -> list[T]:
        """The Python values of a slice of the array (as ``tolist()`` gives it)."""

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self._read(self._values[index].tolist()))
        return self._read([self._values[index].item()])[0]

    def __iter__(self) -> Iterator[T]:
        for start in range(0, len(self._values), _CHUNK):
            yield from self._read(self._values[start : start + _CHUNK].tolist())

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._same(other)
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def _same(self, other: Any) -> bool:
        return bool(_numpy().array_equal(self._values, other._values))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} rows)"

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self._values,))


class FenColumn(_Column[int]):
    """Amounts in whole fen, held as int64."""

    __slots__ = ()

    def _read(self, values: list[Any]) -> list[int]:
        return values


class DayColumn(_Column[date]):
    """Days, held as int32 days since 1970-01-01."""

    __slots__ = ()

    def _read(self, values: list[Any]) -> list[date]:
        epoch = _EPOCH.toordinal()
        return [date.fromordinal(epoch + day) for day in values]


class OwnerColumn(_Column[str]):
    """Owners, held as integer codes into ``names``."""

    __slots__ = ("names",)

    def __init__(self, codes: Any, names: tuple[str, ...]) -> None:
        super().__init__(codes)
        self.names = names

    def _read(self, values: list[Any]) -> list[str]:
        names = self.names
        return [names[code] for code in values]

    def _same(self, other: Any) -> bool:
        if self.names == other.names:
            return super()._same(other)
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __reduce__(self) -> tuple[object, ...]:
        return (OwnerColumn, (self._values, self.names))


# ------------------------------------------------------------------ reading the columns


class DealArrays:
    """The three columns read and checked: owner codes into ``names``, days since
    1970-01-01 (int32) and fen (int64), each a fresh read-only array."""

    __slots__ = ("codes", "days", "fen", "names")

    def __init__(self, codes: Any, names: tuple[str, ...], days: Any, fen: Any) -> None:
        self.codes, self.names, self.days, self.fen = codes, names, days, fen

    def columns(self) -> dict[str, _Column[Any]]:
        """The columns as a run keeps them."""
        return {
            "owners": OwnerColumn(self.codes, self.names),
            "days": DayColumn(self.days),
            "amounts_fen": FenColumn(self.fen),
        }


def _library_of(column: object) -> str | None:
    module = type(column).__module__.split(".")[0]
    return module if module in ("numpy", "pandas", "polars", "pyarrow") else None


def _as_array(np: Any, column: object) -> Any | None:
    """A column as a NumPy array when it holds a native type, else ``None``."""
    kind = _library_of(column)
    if kind == "numpy":
        plain = type(column) is np.ndarray  # not a masked array: its mask would be lost
        array: Any = column
        return array if plain and array.ndim == 1 else None
    if kind == "pyarrow":
        if getattr(column, "null_count", 1) != 0:
            return None
        to_numpy = getattr(column, "to_numpy", None)
        try:
            return None if to_numpy is None else np.asarray(to_numpy(zero_copy_only=False))
        except (TypeError, ValueError, NotImplementedError):
            return None
    if kind in ("pandas", "polars"):
        if kind == "pandas" and getattr(column, "hasnans", True):
            return None
        if kind == "polars" and getattr(column, "null_count", lambda: 1)() != 0:
            return None
        to_numpy = getattr(column, "to_numpy", None)
        try:
            values = None if to_numpy is None else np.asarray(to_numpy())
        except (TypeError, ValueError):
            return None
        return values if values is not None and values.ndim == 1 else None
    return None


def _codes_of_category(np: Any, column: object) -> tuple[Any, tuple[Any, ...]] | None:
    """A pandas categorical or Arrow dictionary column as (codes, categories)."""
    kind = _library_of(column)
    if kind == "pandas" and str(getattr(column, "dtype", "")) == "category":
        cat: Any = column
        codes = np.asarray(cat.cat.codes.to_numpy())
        return codes, tuple(cat.cat.categories.tolist())
    if kind == "pyarrow" and hasattr(column, "dictionary") and hasattr(column, "indices"):
        arrow: Any = column
        if arrow.null_count:
            return None
        return np.asarray(arrow.indices.to_numpy(zero_copy_only=False)), tuple(
            arrow.dictionary.to_pylist()
        )
    return None


def _clean_names(names: Sequence[Any]) -> tuple[str, ...] | None:
    """Owner names as ``str``, or ``None`` when one is not non-empty text."""
    result = []
    for given in names:
        name = str(given) if isinstance(given, str) else given  # a NumPy str_ as str
        if type(name) is not str or not name.strip():
            return None
        result.append(name)
    return tuple(result)


def refuse_first(
    np: Any, bad: Any, column: str, expected: str, value: Callable[[int], object]
) -> None:
    """Refuse the first row where ``bad`` (a boolean array) holds, as
    ``column[row]``: ``expected``, got ``value(row)``."""
    if bad.any():
        row = int(np.argmax(bad))
        raise InvalidValueError(f"{column}[{row}]", expected, value(row))


def _owners(np: Any, owners: object, owner_names: Sequence[str] | None) -> Any | None:
    """(codes, names) of the owners column, or ``None`` to read it row by row."""
    if owner_names is not None:
        codes = _as_array(np, owners)
        if codes is None:
            return None
        if codes.dtype.kind not in "iu":
            return None  # refused row by row, naming the first row that is not a code
        names = checked_owner_names(owner_names)
        given: Any = codes
        refuse_first(
            np,
            (given < 0) | (given >= len(names)),
            "owners",
            f"an owner code from 0 to {len(names) - 1} (an index into owner_names)",
            lambda row: int(given[row]),
        )
        return codes.astype(np.int32 if len(names) < 2**31 else np.int64), names
    category = _codes_of_category(np, owners)
    if category is not None:
        codes, categories = category
        clean = _clean_names(categories)
        if clean is None or len(set(clean)) != len(clean) or (len(codes) and codes.min() < 0):
            return None
        return codes.astype(np.int32 if len(clean) < 2**31 else np.int64), clean
    values = _as_array(np, owners)
    if values is None or values.dtype.kind not in "UOT":
        return None
    try:
        unique, codes = np.unique(values, return_inverse=True)
    except TypeError:  # objects that do not compare: read row by row
        return None
    clean = _clean_names(unique.tolist())
    if clean is None:
        return None
    return codes.astype(np.int32 if len(clean) < 2**31 else np.int64), clean


def checked_owner_names(owner_names: object) -> tuple[str, ...]:
    """``owner_names`` as a tuple of distinct employee ids, each non-empty text."""
    if isinstance(owner_names, (str, bytes)) or not isinstance(owner_names, Sequence):
        as_list = getattr(owner_names, "tolist", None)
        if not callable(as_list):
            raise InvalidTypeError(
                "owner_names", "a sequence of employee ids (the owner codes' names)", owner_names
            )
        owner_names = as_list()
    assert isinstance(owner_names, Sequence)
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, given in enumerate(owner_names):
        name = str(given) if isinstance(given, str) else given  # a NumPy str_ as str
        if type(name) is not str or not name.strip():
            raise InvalidValueError(
                f"owner_names[{index}]", "an employee id (non-empty text)", name
            )
        if name in seen:
            raise InvalidValueError(
                f"owner_names[{index}]",
                f"a name not given before (owner_names[{seen[name]}] is {name!r} too)",
                name,
            )
        seen[name] = index
        names.append(name)
    return tuple(names)


def _day_type(days: object) -> bool:
    """Whether a column's type holds days, as the row-by-row reading takes them: NumPy or
    pandas ``datetime64`` without a time zone, Arrow ``date32``/``date64``, polars
    ``Date``. Arrow timestamps and polars datetimes read as ``datetime`` row by row, which
    is refused there, so they are not read here either; nor is a time zone, which would
    be dropped."""
    library = _library_of(days)
    if library == "pyarrow":
        return str(getattr(days, "type", "")).startswith("date")
    if library == "polars":
        return str(getattr(days, "dtype", "")) == "Date"
    if library == "pandas":
        return getattr(getattr(days, "dtype", None), "tz", None) is None
    return True


def _days(np: Any, days: object) -> Any | None:
    """Days since 1970-01-01 as int32, or ``None`` to read the column row by row."""
    if not _day_type(days):
        return None
    values = _as_array(np, days)
    if values is None or values.dtype.kind != "M":
        return None
    unit, count = np.datetime_data(values.dtype)
    if unit not in _FINE_UNITS or count != 1 or (len(values) and np.isnat(values).any()):
        return None
    whole = values.astype("datetime64[D]", copy=False)
    if unit != "D" and (whole.astype(values.dtype) != values).any():
        return None  # a time of day: refused row by row
    numbers = whole.astype(np.int64, copy=False)
    if len(numbers) and (numbers.min() < _FIRST_DAY or numbers.max() > _LAST_DAY):
        return None
    return numbers.astype(np.int32)


def _fen(np: Any, amounts_fen: object) -> Any | None:
    """Fen as int64, or ``None`` to read the column row by row."""
    values = _as_array(np, amounts_fen)
    if values is None or values.dtype.kind not in "iu":
        return None
    if len(values) and (
        values.min() < 0 or (values.dtype.kind == "u" and values.max() > _INT64_MAX)
    ):
        return None
    return values.astype(np.int64)  # always a copy: the run keeps its own


def read_arrays(
    owners: object, days: object, amounts_fen: object, owner_names: Sequence[str] | None
) -> DealArrays | None:
    """The columns read on NumPy, or ``None`` when one of them must be read row by row
    (a list or tuple, or a column with a value the vectorised checks do not pass)."""
    if not all(_library_of(c) for c in (owners, days, amounts_fen)):
        return None
    np = _numpy()
    read_owners = _owners(np, owners, owner_names)
    if read_owners is None:
        return None
    day_numbers = _days(np, days)
    if day_numbers is None:
        return None
    fen = _fen(np, amounts_fen)
    if fen is None:
        return None
    codes, names = read_owners
    if not len(codes) == len(day_numbers) == len(fen):
        raise InvalidValueError(
            "columns",
            "owners, days and amounts_fen of one length",
            (len(codes), len(day_numbers), len(fen)),
        )
    for array in (codes, day_numbers, fen):
        array.setflags(write=False)
    return DealArrays(codes, names, day_numbers, fen)


# ------------------------------------------------------------------ grouping and paying


def day_of(number: Any) -> date:
    """The date of a day number (days since 1970-01-01)."""
    return _EPOCH + timedelta(days=int(number))


def _months_since_1970(np: Any, days: Any) -> Any:
    """The month of every day number, as months since January 1970 (int64)."""
    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


class Months:
    """Each owner's months with deals, in order of (owner code, month): the code, the
    month (months since January 1970), the first and last day and the total fen (int64,
    or Python integers when int64 could not hold a sum)."""

    __slots__ = ("codes", "counts", "first", "last", "month", "names", "totals")

    def __init__(self, arrays: DealArrays) -> None:
        np = _numpy()
        self.names = arrays.names
        months = _months_since_1970(np, arrays.days)
        low = int(months.min()) if len(months) else 0
        span = (int(months.max()) - low + 1) if len(months) else 1
        key = arrays.codes.astype(np.int64) * span + (months - low)
        del months
        order = np.argsort(key, kind="stable")
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else key[:0]
        grouped = key[starts]
        del key
        self.codes = grouped // span
        self.month = grouped % span + low
        self.counts = np.diff(np.r_[starts, len(order)])
        days = arrays.days[order]
        self.first = np.minimum.reduceat(days, starts) if len(starts) else days
        self.last = np.maximum.reduceat(days, starts) if len(starts) else days
        del days
        fen = arrays.fen[order]
        del order
        largest = int(arrays.fen.max()) if len(arrays.fen) else 0
        if largest and len(arrays.fen) > _INT64_MAX // largest:
            fen = fen.astype(object)  # the sum could pass 2**63: exact integers instead
        self.totals = np.add.reduceat(fen, starts) if len(starts) else fen

    def __len__(self) -> int:
        return len(self.codes)

    def order_by_name(self) -> Any:
        """The months in order of (owner name, month), as the row path gives them."""
        np = _numpy()
        rank = np.empty(len(self.names), dtype=np.int64)
        rank[np.argsort(np.array(self.names, dtype=object), kind="stable")] = np.arange(
            len(self.names)
        )
        return np.lexsort((self.month, rank[self.codes]))


def version_index(ordered: Sequence[Any]) -> Callable[[Any], Any]:
    """For versions in date order (``effective_from``, ``effective_to`` or until the next
    starts), a function from an array of day numbers (days since 1970-01-01) to the index
    of the version in force on each (-1 where none is)."""
    from hrpolicy.core.versions import end_of  # noqa: PLC0415

    np = _numpy()
    starts = np.array([(v.effective_from - _EPOCH).days for v in ordered], dtype=np.int64)
    ends = np.array(
        [
            _LAST_DAY if end is None else (end - _EPOCH).days
            for end in (end_of(ordered, i) for i in range(len(ordered)))
        ],
        dtype=np.int64,
    )

    def version_of(days: Any) -> Any:
        index = np.searchsorted(starts, days, side="right") - 1
        covered = (index >= 0) & (days <= ends[np.maximum(index, 0)])
        return np.where(covered, index, -1)

    return version_of


def pay_months(
    months: Months,
    version_of: Callable[[Any], Any],
    pay: Callable[[int, Any], Any | None],
    by_rows: Callable[[], dict[tuple[str, int, int], int]],
) -> dict[tuple[str, int, int], int]:
    """Fen by (owner, year, month): ``version_of`` gives a version index for every day of
    an array (-1 where none is in force) and ``pay(version, totals)`` pays an array of
    totals under one version as an int64 array, or ``None`` when it cannot (a total a table
    does not cover, a payout or a sum beyond int64). A month whose first and last day fall
    under different versions or none, or a version ``pay`` cannot pay, hands the whole run
    to ``by_rows`` — the row path, month by month in (owner name, month) order — which
    raises the error the row path raises, or pays in exact integers."""
    np = _numpy()
    if not len(months):
        return {}
    if months.totals.dtype == object:
        return by_rows()  # a month's sum is beyond int64
    first, last = version_of(months.first), version_of(months.last)
    if ((first < 0) | (first != last)).any():
        return by_rows()
    fen = [0] * len(months)
    for version in np.unique(first).tolist():
        chosen = np.flatnonzero(first == version)
        paid = pay(version, months.totals[chosen])
        if paid is None:
            return by_rows()
        for index, value in zip(chosen.tolist(), paid.tolist(), strict=True):
            fen[index] = value
    return dict(zip(_keys(months), fen, strict=True))


def groups_by_name(months: Months) -> list[tuple[tuple[str, int, int], int, date, date]]:
    """Every month as ((owner, year, month), total fen, first day, last day), in (owner
    name, month) order — what the row path goes through."""
    keys = _keys(months)
    totals = months.totals.tolist()
    first, last = months.first.tolist(), months.last.tolist()
    return [
        (
            keys[i],
            int(totals[i]),
            day_of(first[i]),
            day_of(last[i]),
        )
        for i in months.order_by_name().tolist()
    ]


def _keys(months: Months) -> list[tuple[str, int, int]]:
    names = months.names
    return [
        (names[code], 1970 + month // 12, month % 12 + 1)
        for code, month in zip(months.codes.tolist(), months.month.tolist(), strict=True)
    ]


def sales(months: Months) -> dict[tuple[str, int, int], tuple[int, int]]:
    """(deals, fen) by (owner, year, month)."""
    return dict(
        zip(
            _keys(months),
            zip(months.counts.tolist(), months.totals.tolist(), strict=True),
            strict=True,
        )
    )


def rows_of(arrays: DealArrays, owner: str, year: int, month: int) -> list[int]:
    """The rows of one owner's month."""
    np = _numpy()
    if owner not in arrays.names:
        return []
    code = arrays.names.index(owner)
    number = (year - 1970) * 12 + month - 1
    months = _months_since_1970(np, arrays.days)
    return np.flatnonzero((arrays.codes == code) & (months == number)).tolist()  # type: ignore[no-any-return]


def _arrow_fen(np: Any, yuan: Any) -> Any | None:
    """An Arrow decimal column as int64 fen without a Python object per row, or ``None``
    when a row must be refused (the row-by-row reading then names it): the column is
    rescaled to two places (Arrow refuses a rescaling that would lose a digit) and each
    value's 128-bit integer read off the buffer, kept when it fits in int64."""
    import pyarrow  # noqa: PLC0415 - present: the column is an Arrow array
    import pyarrow.compute  # noqa: PLC0415

    chunks = yuan.chunks if isinstance(yuan, pyarrow.ChunkedArray) else [yuan]
    parts = []
    for chunk in chunks:
        if chunk.null_count:
            return None
        try:
            cents = pyarrow.compute.cast(chunk, pyarrow.decimal128(38, 2))
        except (pyarrow.ArrowInvalid, pyarrow.ArrowNotImplementedError):
            return None
        words = np.frombuffer(cents.buffers()[1], dtype="<i8")
        words = words[2 * cents.offset : 2 * (cents.offset + len(cents))].reshape(-1, 2)
        low, high = words[:, 0], words[:, 1]
        if len(low) and ((high != 0).any() or (low < 0).any()):
            return None  # negative, or beyond int64: refused row by row
        parts.append(low)
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)


def fen_column(yuan: object, *, name: str = "amounts") -> Any:
    """A decimal column of yuan as an int64 NumPy array of fen, exactly: an Arrow
    ``decimal128``/``decimal256`` array (or chunked array), or a sequence of
    ``decimal.Decimal`` (a pandas ``object`` Series of them). A value with more than two
    places, a null, a negative or a non-decimal value is refused naming its row; amounts
    at or above 2**63 fen too.

    >>> from decimal import Decimal
    >>> fen_column([Decimal("12.30"), Decimal("7")]).tolist()
    [1230, 700]
    >>> fen_column([Decimal("0.001")])
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: amounts[0]: expected a whole number of fen (at most
    two decimal places), got Decimal 0.001
    """
    np = _numpy()
    values: Any = yuan
    if _library_of(yuan) == "pyarrow":
        arrow_type = getattr(yuan, "type", None)
        if not str(arrow_type).startswith("decimal"):
            raise InvalidTypeError(name, "an Arrow decimal array (yuan)", f"type {arrow_type}")
        fen = _arrow_fen(np, yuan)
        if fen is not None:
            return fen
        values = yuan.to_pylist()  # type: ignore[attr-defined]  # refused row by row
    elif isinstance(yuan, (str, bytes)) or not isinstance(yuan, Sequence):
        as_list = getattr(yuan, "tolist", None)
        if not callable(as_list):
            raise InvalidTypeError(name, "a column of decimal.Decimal yuan", yuan)
        values = as_list()
    fen = np.empty(len(values), dtype=np.int64)
    for row, value in enumerate(values):
        if type(value) is not Decimal or not value.is_finite() or value < 0:
            raise InvalidValueError(
                f"{name}[{row}]", "a decimal.Decimal amount in yuan, 0 or more", value
            )
        scaled = value.scaleb(2, context=EXACT)  # exact, whatever the caller's context
        if scaled != scaled.to_integral_value(context=EXACT):
            raise InvalidValueError(
                f"{name}[{row}]", "a whole number of fen (at most two decimal places)", value
            )
        whole = int(scaled)
        if whole > _INT64_MAX:
            raise InvalidValueError(f"{name}[{row}]", "an amount below 2^63 fen", value)
        fen[row] = whole
    return fen
