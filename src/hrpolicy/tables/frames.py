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

__all__ = ["Row", "frame_rows"]

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
        return _columnar(tuple(frame.columns), lambda c: frame.get_column(c).to_list(), table)
    if library == "pyarrow" and kind in ("Table", "RecordBatch"):
        return _columnar(tuple(frame.column_names), lambda c: frame.column(c).to_pylist(), table)
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
    values = {name: frame[name].tolist() for name in columns}
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
