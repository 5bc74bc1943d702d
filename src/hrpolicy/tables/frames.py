"""Rows out of whatever holds them: a sequence of mappings, a pandas or polars
``DataFrame``, an Arrow table. The frame is read through its own methods (no frame
library is imported to tell what it is); every cell comes out as the Python value the
library gives for it, with the row's position and, for a pandas frame with an index of
its own, the row's index label.

>>> columns, rows = frame_rows([{"deal_id": "C-1", "amount": "100"}], "deals")
>>> columns, rows[0].cells, rows[0].where
(('deal_id', 'amount'), {'deal_id': 'C-1', 'amount': '100'}, 'row 0')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.tables.libraries import require_library

__all__ = ["NarrowFloat", "Row", "frame_rows"]

_EXPECTED = "rows: a list of mappings, a pandas or polars DataFrame, or an Arrow table"


@attrs.define(eq=False)
class Row:
    """One row of a table: its 0-based position, its index label (a pandas frame's own
    index; ``None`` when the position is the label) and its cells by column."""

    position: int
    label: object
    cells: dict[str, object]

    @property
    def where(self) -> str:
        """``row 3``, or ``row 3 (index 'D-3')`` for a frame with an index of its own."""
        if self.label is None:
            return f"row {self.position}"
        return f"row {self.position} (index {self.label!r})"


class NarrowFloat(float):
    """A cell of a float column narrower than 64 bits (``float32``, ``float16``), as the
    Python float it widens to: such a float keeps about 7 (or 3) significant digits, so
    its value may already differ from the number written, and the reader refuses it
    where an exact number is wanted rather than read the widened value.

    >>> cell = NarrowFloat(12345679.0, "float32")
    >>> cell == 12345679.0, cell.dtype
    (True, 'float32')
    """

    dtype: str

    def __new__(cls, value: float, dtype: str) -> NarrowFloat:
        cell = super().__new__(cls, value)
        cell.dtype = dtype
        return cell


def _narrowed(values: list[object], dtype: str | None) -> list[object]:
    """``values`` with each float marked as read from a ``dtype`` column (``None``: a
    column of 64-bit floats or of no floats)."""
    if dtype is None:
        return values
    return [NarrowFloat(v, dtype) if type(v) is float else v for v in values]


def _pandas_narrow(dtype: Any) -> str | None:
    if str(dtype) == "category":
        dtype = dtype.categories.dtype
    if getattr(dtype, "kind", None) == "f" and getattr(dtype, "itemsize", 8) < 8:
        return {2: "float16", 4: "float32"}.get(dtype.itemsize, f"float{8 * dtype.itemsize}")
    return None


def _polars_narrow(dtype: Any) -> str | None:
    if dtype.is_float() and str(dtype) != "Float64":
        return str(dtype).lower()
    return None


def _arrow_narrow(kind: Any) -> str | None:
    kind = getattr(kind, "value_type", kind)  # a dictionary's values
    if str(kind) in ("float", "halffloat"):
        return f"float{kind.bit_width}"
    return None


def _library(value: object) -> str:
    return type(value).__module__.split(".", 1)[0]


def frame_rows(rows: object, table: str) -> tuple[tuple[str, ...], list[Row]]:
    """The columns and rows of ``rows``, the table named ``table`` (for errors).

    Args:
        rows: a list or tuple of mappings (column → value), a pandas ``DataFrame``, a
            polars ``DataFrame`` or an Arrow ``Table`` / ``RecordBatch``.
        table: the table's name, for errors.

    Returns:
        The column names, in order, and the rows.

    Raises:
        InvalidTypeError: ``rows`` is none of these, a row is not a mapping or a column
            name is not text.
        InvalidValueError: a column name comes twice.

    Example:
        >>> import pandas
        >>> frame = pandas.DataFrame({"amount": ["5.00"]}, index=["D-1"])
        >>> frame_rows(frame, "deals")[1][0].where
        "row 0 (index 'D-1')"
    """
    kind = type(rows).__name__
    library = _library(rows)
    frame: Any = rows
    if library == "pandas" and kind == "DataFrame":
        return _pandas(frame, table)
    if library == "polars" and kind == "DataFrame":
        return _columnar(
            tuple(frame.columns),
            lambda c: _narrowed(
                frame.get_column(c).to_list(), _polars_narrow(frame.get_column(c).dtype)
            ),
            table,
        )
    if library == "pyarrow" and kind in ("Table", "RecordBatch"):
        return _columnar(
            tuple(frame.column_names),
            lambda c: _narrowed(frame.column(c).to_pylist(), _arrow_narrow(frame.column(c).type)),
            table,
        )
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Sequence):
        raise InvalidTypeError(table, _EXPECTED, rows)
    columns: dict[str, None] = {}
    result = []
    for position, item in enumerate(rows):
        if not isinstance(item, Mapping):
            raise InvalidTypeError(
                f"{table} row {position}", "a mapping of column names to values", item
            )
        for name in item:
            if not isinstance(name, str):
                raise InvalidTypeError(f"{table} row {position}", "text column names", name)
            columns.setdefault(name)
        result.append(Row(position, None, dict(item)))
    return tuple(columns), result


def _checked_columns(names: Sequence[object], table: str) -> tuple[str, ...]:
    seen: set[str] = set()
    for name in names:
        if not isinstance(name, str):
            raise InvalidTypeError(table, "text column names", name)
        if name in seen:
            raise InvalidValueError(table, "each column once", name)
        seen.add(name)
    return tuple(str(name) for name in names)


def _pandas(frame: Any, table: str) -> tuple[tuple[str, ...], list[Row]]:
    pandas = require_library("pandas", "pandas")
    columns = _checked_columns(list(frame.columns), table)
    values = {
        name: _narrowed(frame[name].tolist(), _pandas_narrow(frame[name].dtype)) for name in columns
    }
    index = frame.index
    default = isinstance(index, pandas.RangeIndex) and index.start == 0 and index.step == 1
    labels: list[object] = [None] * len(frame) if default else index.tolist()
    rows = [
        Row(position, labels[position], {name: values[name][position] for name in columns})
        for position in range(len(frame))
    ]
    return columns, rows


def _columnar(
    names: Sequence[object], column: Any, table: str
) -> tuple[tuple[str, ...], list[Row]]:
    columns = _checked_columns(names, table)
    values = {name: column(name) for name in columns}
    size = len(values[columns[0]]) if columns else 0
    rows = [
        Row(position, None, {name: values[name][position] for name in columns})
        for position in range(size)
    ]
    return columns, rows
