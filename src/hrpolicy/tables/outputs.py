"""Results as Arrow tables, pandas and polars frames, typed from their schemas.

Every result's :meth:`~hrpolicy.core.display.Displayable.tables` are core
:class:`~hrpolicy.core.records.Table` s with a stated
:class:`~hrpolicy.core.records.TableSchema`. The functions here turn them into frames
built from that schema, never by inference, so a column has its declared type even when
it is empty or all ``None``:

============  ==========================  ==================  =====================
ColumnType    Arrow                       pandas              polars
============  ==========================  ==================  =====================
``money``     ``decimal128(38, 2)``       ``ArrowDtype``      ``Decimal(38, 2)``
``decimal``   ``decimal128(38, 18)``      ``ArrowDtype``      ``Decimal(38, 18)``
``int``       ``int64``                   ``ArrowDtype``      ``Int64``
``bool``      ``bool``                    ``ArrowDtype``      ``Boolean``
``date``      ``date32``                  ``ArrowDtype``      ``Date``
``text``      ``string``                  ``ArrowDtype``      ``String``
============  ==========================  ==================  =====================

Every column is nullable (``None`` is "missing" or "does not apply"). No column is ever a
float: money stays exact, and ``sum()`` is exact. Each Arrow field carries its column's
type and doc in its metadata (``hrpolicy.type``, ``hrpolicy.doc``), the schema its
table's name and doc (``hrpolicy.table``, ``hrpolicy.doc``); Parquet keeps them, so
:func:`from_arrow` reads a file written from :func:`to_arrow` back without being told
the layout.

Why these precisions: a ``money`` cell has at most 2 places and a ``decimal`` cell is
below 10^18 with at most 18 places (:mod:`hrpolicy.core.records`), so a decimal needs 36
digits — within ``decimal128``'s 38, leaving 20 digits before the point; money gets 36
digits before the point. A money cell of 10^36 or more, or an int outside int64, is
refused with an :class:`~hrpolicy.core.errors.InvalidValueError` naming the table, row
and column — never wrapped or rounded.

pyarrow, pandas and polars are optional: they are imported when one of these functions
is called, never by ``import hrpolicy`` or ``import hrpolicy.tables``. When one is
missing, a :class:`~hrpolicy.core.errors.MissingDependencyError` names the extra to
install: ``hrpolicy[arrow]`` (pyarrow), ``hrpolicy[pandas]`` (pandas and pyarrow) or
``hrpolicy[polars]`` (polars and pyarrow).

>>> from decimal import Decimal
>>> from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
>>> pay = TableSchema(
...     "pay", (Column("employee", ColumnType.TEXT), Column("due", ColumnType.MONEY, "owed"))
... )
>>> frame = to_pandas(Table.build(pay, [("li", Decimal("3106.67")), ("wang", Decimal("0.33"))]))
>>> frame["due"].dtype
decimal128(38, 2)[pyarrow]
>>> frame["due"].sum()
Decimal('3107.00')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Context, Decimal
from typing import TYPE_CHECKING, Any, Final, Protocol, runtime_checkable

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
from hrpolicy.tables.libraries import require_library

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

__all__ = [
    "DECIMAL_PRECISION",
    "MONEY_PRECISION",
    "HasTables",
    "TableSource",
    "arrow_schema",
    "from_arrow",
    "from_pandas",
    "from_polars",
    "to_arrow",
    "to_pandas",
    "to_polars",
]

#: Arrow ``(precision, scale)`` of a ``money`` column.
MONEY_PRECISION: Final = (38, 2)
#: Arrow ``(precision, scale)`` of a ``decimal`` column.
DECIMAL_PRECISION: Final = (38, 18)

_INT64_MIN: Final = -(2**63)
_INT64_MAX: Final = 2**63 - 1
#: Enough digits to rescale any cell that fits decimal128 exactly.
_WIDE: Final = Context(prec=80)
_SCALES: Final = {ColumnType.MONEY: MONEY_PRECISION, ColumnType.DECIMAL: DECIMAL_PRECISION}
_TYPE_KEY: Final = b"hrpolicy.type"
_DOC_KEY: Final = b"hrpolicy.doc"
_TABLE_KEY: Final = b"hrpolicy.table"


@runtime_checkable
class HasTables(Protocol):
    """Anything with typed tables by name: every result of the library."""

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """Every table of the result, by name, the result's own first."""
        ...  # pragma: no cover


#: What the converters take: a core table, a result, or a sequence of them.
TableSource = Table | HasTables | Sequence[Table | HasTables]


def _pyarrow(feature: str, extra: str) -> Any:
    return require_library("pyarrow", extra, feature)


def _pandas(feature: str) -> Any:
    return require_library("pandas", "pandas", feature)


def _polars(feature: str) -> Any:
    return require_library("polars", "polars", feature)


# --- choosing the core table -------------------------------------------------------------


def _pick(result: HasTables, table: str | None, locale: str, path: str) -> Table:
    tables = result.tables(locale)
    if table is None:
        if not tables:
            raise InvalidValueError(path, "a result with at least one table", result)
        return next(iter(tables.values()))
    if table not in tables:
        raise InvalidValueError(f"{path}.table", f"one of {', '.join(tables)}", table)
    return tables[table]


def _one(item: object, table: str | None, locale: str, path: str) -> Table:
    if isinstance(item, Table):
        if table is not None and item.name != table:
            raise InvalidValueError(f"{path}.table", f"the table's own name {item.name}", table)
        return item
    if isinstance(item, HasTables):
        return _pick(item, table, locale, path)
    raise InvalidTypeError(path, "a core Table or a result (with tables())", item)


def _core_table(source: object, table: str | None, locale: str) -> Table:
    if isinstance(source, (Table, HasTables)):
        found = _one(source, table, locale, "source")
    elif isinstance(source, Sequence) and not isinstance(source, (str, bytes)):
        parts = [_one(item, table, locale, f"source[{i}]") for i, item in enumerate(source)]
        if not parts:
            raise InvalidValueError(
                "source",
                "at least one result or table (for an empty frame, pass Table(schema))",
                source,
            )
        schema = parts[0].schema
        for index, part in enumerate(parts):
            if part.schema != schema:
                raise InvalidValueError(
                    f"source[{index}]",
                    f"a table laid out as source[0]'s {schema.name} ({', '.join(schema.names)})",
                    f"{part.name} ({', '.join(part.schema.names)})",
                )
        found = Table.concat(schema, parts)
    else:
        raise InvalidTypeError(
            "source", "a core Table, a result (with tables()) or a list of them", source
        )
    # A Table made without Table.build has unchecked cells: check them here, so a wrong
    # cell is named rather than failing inside Arrow.
    return Table.build(found.schema, found.rows)


# --- Arrow -------------------------------------------------------------------------------


def _arrow_type(pa: Any, kind: ColumnType) -> Any:
    if kind in _SCALES:
        return pa.decimal128(*_SCALES[kind])
    return {
        ColumnType.INT: pa.int64,
        ColumnType.BOOL: pa.bool_,
        ColumnType.DATE: pa.date32,
        ColumnType.TEXT: pa.string,
    }[kind]()


def _arrow_schema(pa: Any, schema: TableSchema) -> Any:
    fields = [
        pa.field(
            column.name,
            _arrow_type(pa, column.type),
            nullable=True,
            metadata={_TYPE_KEY: column.type.value.encode(), _DOC_KEY: column.doc.encode()},
        )
        for column in schema.columns
    ]
    metadata = {_TABLE_KEY: schema.name.encode(), _DOC_KEY: schema.doc.encode()}
    return pa.schema(fields, metadata=metadata)


def arrow_schema(schema: TableSchema) -> pa.Schema:
    """The Arrow schema of a table laid out as ``schema``: one nullable field per column,
    typed as the module's table says, with the column's type and doc in the field's
    metadata and the table's name and doc in the schema's.

    Args:
        schema: the core layout (e.g. :data:`hrpolicy.core.records.FINDINGS`).

    Returns:
        A ``pyarrow.Schema``.

    Raises:
        MissingDependencyError: pyarrow is not installed (``hrpolicy[arrow]``).

    Example:
        >>> from hrpolicy.core.records import FINDINGS
        >>> schema = arrow_schema(FINDINGS)
        >>> schema.field("finding").type, schema.field("code").type
        (DataType(int64), DataType(string))
        >>> schema.field("severity").metadata[b"hrpolicy.doc"].decode()
        'info, warning or violation'
    """
    return _arrow_schema(_pyarrow("arrow_schema", "arrow"), schema)


def _where(table: Table, row: int, column: Column) -> str:
    return f"{table.name}[{row}].{column.name}"


def _scaled(table: Table, row: int, column: Column, value: Decimal) -> Decimal:
    precision, scale = _SCALES[column.type]
    if value.copy_abs() >= Decimal(10) ** (precision - scale):  # copy_abs: no rounding
        raise InvalidValueError(
            _where(table, row, column),
            f"{column.type.value} below 10^{precision - scale} in magnitude "
            f"(Arrow decimal128({precision}, {scale}))",
            value,
        )
    return value.quantize(Decimal(1).scaleb(-scale), context=_WIDE)


def _cells(table: Table, index: int, column: Column) -> list[object]:
    cells = [row[index] for row in table.rows]
    if column.type in _SCALES:
        return [
            None if value is None else _scaled(table, row, column, value)  # type: ignore[arg-type]
            for row, value in enumerate(cells)
        ]
    if column.type is ColumnType.INT:
        for row, value in enumerate(cells):
            if value is not None and not _INT64_MIN <= value <= _INT64_MAX:  # type: ignore[operator]
                raise InvalidValueError(
                    _where(table, row, column), "an int within int64 (-2^63 to 2^63-1)", value
                )
    return cells


def _to_arrow(pa: Any, table: Table) -> Any:
    if not table.schema.columns and table.rows:
        raise InvalidValueError(
            f"{table.name}.columns", "at least one column for a table with rows", len(table)
        )
    schema = _arrow_schema(pa, table.schema)
    arrays = [
        pa.array(_cells(table, index, column), type=schema.field(index).type)
        for index, column in enumerate(table.schema.columns)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def to_arrow(source: TableSource, table: str | None = None, *, locale: str = "en") -> pa.Table:
    """One table of ``source`` as a ``pyarrow.Table`` typed from its schema (see the
    module's table of types).

    Args:
        source: a core :class:`~hrpolicy.core.records.Table`; a result (anything with
            ``tables(locale)``); or a sequence of those with one layout, stacked in order
            (a team's statements month by month become one table). For an empty table of
            a layout pass ``Table(schema)``.
        table: the name of the result's table (``"totals"``, ``"findings"``…); by
            default each result's first table. For a core table, its own name or
            ``None``.
        locale: the language of text cells (labels, messages, citations).

    Returns:
        A ``pyarrow.Table`` with one nullable field per column.

    Raises:
        MissingDependencyError: pyarrow is not installed (``hrpolicy[arrow]``).
        InvalidTypeError: ``source`` is not a table, a result or a sequence of them; a
            cell of another type than its column's.
        InvalidValueError: no table of that name; tables of different layouts stacked;
            an empty sequence; a money cell of 10^36 or more or an int outside int64
            (naming table, row and column).

    Example:
        >>> from hrpolicy.bonds import settle
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case = electrician_case()
        >>> result = settle(case.agreements, case.employment, case.separation)
        >>> findings = to_arrow(result, "findings")
        >>> findings.schema.field("finding").type, findings.num_rows > 0
        (DataType(int64), True)
        >>> to_arrow(result, "step_inputs").schema.field("value_decimal").type
        Decimal128Type(decimal128(38, 18))
    """
    pa = _pyarrow("to_arrow", "arrow")
    return _to_arrow(pa, _core_table(source, table, locale))


def to_pandas(source: TableSource, table: str | None = None, *, locale: str = "en") -> pd.DataFrame:
    """One table of ``source`` as a ``pandas.DataFrame`` whose every column has an
    Arrow dtype (``pd.ArrowDtype``) from its schema: money is ``decimal128(38, 2)``, so
    cells are exact ``Decimal`` and ``sum()`` is exact. No column is ``object`` or float.

    ``mean()`` of a decimal column is a ``Decimal`` rounded to the column's scale, half
    away from zero (a mean of money is rounded to the fen); ``median()``, ``std()`` and
    ``quantile()`` give floats. For an exact mean, divide the ``sum()`` yourself (see
    docs/tables.md).

    Args:
        source: as for :func:`to_arrow`.
        table: as for :func:`to_arrow`.
        locale: as for :func:`to_arrow`.

    Returns:
        A ``pandas.DataFrame`` with a default index, one column per schema column.

    Raises:
        MissingDependencyError: pandas or pyarrow is not installed (``hrpolicy[pandas]``).
        InvalidTypeError: as for :func:`to_arrow`.
        InvalidValueError: as for :func:`to_arrow`.

    Example:
        >>> from decimal import Decimal
        >>> from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
        >>> schema = TableSchema("pay", (Column("due", ColumnType.MONEY),))
        >>> frame = to_pandas(Table.build(schema, [(Decimal("1.00"),), (Decimal("0.01"),)]))
        >>> frame["due"].sum(), frame["due"].mean()
        (Decimal('1.01'), Decimal('0.51'))
        >>> to_pandas(Table(schema)).dtypes.to_dict()
        {'due': decimal128(38, 2)[pyarrow]}
    """
    pa = _pyarrow("to_pandas", "pandas")
    pd_ = _pandas("to_pandas")
    arrow = _to_arrow(pa, _core_table(source, table, locale))
    return arrow.to_pandas(types_mapper=pd_.ArrowDtype)


def to_polars(source: TableSource, table: str | None = None, *, locale: str = "en") -> pl.DataFrame:
    """One table of ``source`` as a ``polars.DataFrame`` typed from its schema: money
    ``Decimal(38, 2)``, decimals ``Decimal(38, 18)``, ``Int64``, ``Boolean``, ``Date``,
    ``String``. No column is ever a float. (Polars' ``Series.mean()`` of a decimal column
    returns a float: divide the ``sum()`` for an exact mean.)

    Args:
        source: as for :func:`to_arrow`.
        table: as for :func:`to_arrow`.
        locale: as for :func:`to_arrow`.

    Returns:
        A ``polars.DataFrame``, one column per schema column.

    Raises:
        MissingDependencyError: polars or pyarrow is not installed (``hrpolicy[polars]``).
        InvalidTypeError: as for :func:`to_arrow`.
        InvalidValueError: as for :func:`to_arrow`.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
        >>> schema = TableSchema(
        ...     "pay", (Column("day", ColumnType.DATE), Column("due", ColumnType.MONEY))
        ... )
        >>> frame = to_polars(Table.build(schema, [(date(2024, 3, 31), Decimal("2.5"))]))
        >>> frame.schema
        Schema([('day', Date), ('due', Decimal(precision=38, scale=2))])
        >>> frame["due"].sum()
        Decimal('2.50')
    """
    pa = _pyarrow("to_polars", "polars")
    pl_ = _polars("to_polars")
    arrow = _to_arrow(pa, _core_table(source, table, locale))
    frame = pl_.from_arrow(arrow, rechunk=False)
    if not isinstance(frame, pl_.DataFrame):  # pragma: no cover - a Table gives a frame
        raise TypeError("polars.from_arrow returned a Series for a table")
    typed: pl.DataFrame = frame
    return typed


# --- reading back ------------------------------------------------------------------------


def _schema_from_metadata(arrow_schema_: Any) -> TableSchema:
    table_meta = arrow_schema_.metadata or {}
    columns: list[Column] = []
    for field in arrow_schema_:
        meta = field.metadata or {}
        if _TYPE_KEY not in meta:
            raise InvalidValueError(
                "schema",
                "a TableSchema, or an Arrow table from to_arrow (its fields name their "
                f"ColumnType in {_TYPE_KEY.decode()} metadata)",
                f"field {field.name} without it",
            )
        kind = meta[_TYPE_KEY].decode()
        if kind not in {member.value for member in ColumnType}:
            raise InvalidValueError(
                f"{field.name}.{_TYPE_KEY.decode()}",
                f"one of {', '.join(member.value for member in ColumnType)}",
                kind,
            )
        columns.append(Column(field.name, ColumnType(kind), meta.get(_DOC_KEY, b"").decode()))
    name = table_meta.get(_TABLE_KEY, b"table").decode()
    return TableSchema(name, tuple(columns), table_meta.get(_DOC_KEY, b"").decode())


def _type_fits(pa: Any, kind: ColumnType, arrow_type: Any) -> bool:
    if pa.types.is_null(arrow_type):
        return True
    tests: dict[ColumnType, Callable[[Any], bool]] = {
        ColumnType.MONEY: pa.types.is_decimal,
        ColumnType.DECIMAL: pa.types.is_decimal,
        ColumnType.INT: pa.types.is_integer,
        ColumnType.BOOL: pa.types.is_boolean,
        ColumnType.DATE: pa.types.is_date,
        ColumnType.TEXT: lambda t: (
            pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)
        ),
    }
    return tests[kind](arrow_type)


def _trimmed(value: Decimal) -> Decimal:
    """A decimal cell without the trailing zeros of the 18-place scale (``0.005``,
    ``860``), keeping its digits before the point."""
    normal = value.normalize(_WIDE)
    exponent = normal.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return normal.quantize(Decimal(1), context=_WIDE)
    return normal


def _read_cell(kind: ColumnType, value: object) -> object:
    if value is None or not isinstance(value, Decimal):
        return value
    if kind is ColumnType.MONEY and value == value.quantize(Decimal("0.01"), context=_WIDE):
        return value.quantize(Decimal("0.01"), context=_WIDE)
    if kind is ColumnType.DECIMAL:
        return _trimmed(value)
    return value  # money of more places: Table.build names it


def _from_arrow(pa: Any, arrow: Any, schema: TableSchema | None) -> Table:
    if not isinstance(arrow, pa.Table):
        raise InvalidTypeError("table", "a pyarrow.Table", arrow)
    layout = _schema_from_metadata(arrow.schema) if schema is None else schema
    if not isinstance(layout, TableSchema):
        raise InvalidTypeError("schema", "a TableSchema or None", layout)
    names = list(arrow.column_names)
    _check_unique(names, layout)
    extra = [name for name in names if name not in layout.names]
    if extra:
        raise InvalidValueError(
            f"{layout.name}.columns", f"only {', '.join(layout.names)}", ", ".join(extra)
        )
    columns: list[list[object]] = []
    for column in layout.columns:
        if column.name not in names:
            raise InvalidValueError(f"{layout.name}.{column.name}", "a column of that name")
        data = arrow.column(column.name)
        if not _type_fits(pa, column.type, data.type):
            raise InvalidTypeError(
                f"{layout.name}.{column.name}",
                f"an Arrow column for {column.type.value} cells",
                str(data.type),
            )
        cells = []
        for row, value in enumerate(data.to_pylist()):
            out_of_range = isinstance(value, int) and not _INT64_MIN <= value <= _INT64_MAX
            if column.type is ColumnType.INT and out_of_range:
                # an unsigned 64-bit column can hold more than an int cell may: refuse it
                # on the way in rather than when the table is written out again
                raise InvalidValueError(
                    f"{layout.name}[{row}].{column.name}",
                    "an int within int64 (-2^63 to 2^63-1)",
                    value,
                )
            cells.append(_read_cell(column.type, value))
        columns.append(cells)
    rows = list(zip(*columns, strict=True)) if columns else []
    return Table.build(layout, rows)


def _check_unique(names: Sequence[object], layout: TableSchema) -> None:
    repeated = sorted({str(name) for name in names if names.count(name) > 1})
    if repeated:
        raise InvalidValueError(f"{layout.name}.columns", "each column once", ", ".join(repeated))


def from_arrow(table: pa.Table, schema: TableSchema | None = None) -> Table:
    """A ``pyarrow.Table`` (from :func:`to_arrow`, or a Parquet file of one) read back as
    a core :class:`~hrpolicy.core.records.Table`, every cell checked by
    :meth:`Table.build <hrpolicy.core.records.Table.build>`: money ``Decimal`` at 2 places,
    decimals without the trailing zeros of their 18-place scale, dates as ``date``.

    Args:
        table: the Arrow table. Its columns must be exactly the schema's (in any order);
            an integer column of any width, a decimal of any scale that loses nothing,
            a string, large string or string view are accepted; a float column is not.
        schema: the layout; by default read from the field metadata :func:`to_arrow`
            writes (kept by Parquet, lost by pandas and polars).

    Returns:
        The core table, columns in the schema's order.

    Raises:
        MissingDependencyError: pyarrow is not installed (``hrpolicy[arrow]``).
        InvalidTypeError: a column of an Arrow type its schema type cannot hold (a float
            for money); a cell its column refuses (money of more than 2 places).
        InvalidValueError: a column missing, not in the schema or given twice; no schema
            given and the table has no hrpolicy metadata.

    Example:
        >>> import io
        >>> import pyarrow.parquet as pq
        >>> from decimal import Decimal
        >>> from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
        >>> schema = TableSchema(
        ...     "pay", (Column("due", ColumnType.MONEY), Column("rate", ColumnType.DECIMAL))
        ... )
        >>> original = Table.build(schema, [(Decimal("3106.67"), Decimal("0.005"))])
        >>> buffer = io.BytesIO()
        >>> pq.write_table(to_arrow(original), buffer)
        >>> back = from_arrow(pq.read_table(io.BytesIO(buffer.getvalue())))
        >>> back == original, back.rows
        (True, ((Decimal('3106.67'), Decimal('0.005')),))
    """
    return _from_arrow(_pyarrow("from_arrow", "arrow"), table, schema)


def _arrow_problem(pa: Any, column: Any) -> str | None:
    """Why Arrow cannot hold the pandas ``column``, or ``None`` when it can."""
    try:
        pa.array(column, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        return str(error)
    return None


def from_pandas(frame: pd.DataFrame, schema: TableSchema) -> Table:
    """A ``pandas.DataFrame`` (such as :func:`to_pandas` gives) read back as a core
    :class:`~hrpolicy.core.records.Table` laid out as ``schema``; the index is dropped.

    Args:
        frame: the frame; Arrow dtypes or ``object`` columns of the cells' Python types.
        schema: the layout (pandas keeps no hrpolicy metadata).

    Returns:
        The core table, every cell checked as :func:`from_arrow` does.

    Raises:
        MissingDependencyError: pandas or pyarrow is not installed (``hrpolicy[pandas]``).
        InvalidTypeError: as for :func:`from_arrow` (a float column among them); an
            ``object`` column whose cells Arrow cannot hold as one type.
        InvalidValueError: as for :func:`from_arrow`.

    Example:
        >>> from decimal import Decimal
        >>> from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
        >>> schema = TableSchema("pay", (Column("due", ColumnType.MONEY),))
        >>> original = Table.build(schema, [(Decimal("3106.67"),), (None,)])
        >>> from_pandas(to_pandas(original), schema) == original
        True
    """
    pa = _pyarrow("from_pandas", "pandas")
    pd_ = _pandas("from_pandas")
    if not isinstance(frame, pd_.DataFrame):
        raise InvalidTypeError("frame", "a pandas.DataFrame", frame)
    if not isinstance(schema, TableSchema):
        raise InvalidTypeError("schema", "a TableSchema", schema)
    names = list(frame.columns)
    _check_unique(names, schema)
    try:
        arrow = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        # An object column whose cells are of different types (a Decimal and a str):
        # name the column Arrow cannot hold as one type.
        for name in names:
            problem = _arrow_problem(pa, frame[name])
            if problem is not None:
                raise InvalidTypeError(
                    f"{schema.name}.{name}",
                    "cells of one type (Arrow cannot hold this column)",
                    problem,
                ) from None
        raise InvalidTypeError(schema.name, "a frame Arrow can hold", str(error)) from None
    return _from_arrow(pa, arrow, schema)


def from_polars(frame: pl.DataFrame, schema: TableSchema) -> Table:
    """A ``polars.DataFrame`` (such as :func:`to_polars` gives) read back as a core
    :class:`~hrpolicy.core.records.Table` laid out as ``schema``.

    Args:
        frame: the frame.
        schema: the layout (polars keeps no hrpolicy metadata).

    Returns:
        The core table, every cell checked as :func:`from_arrow` does.

    Raises:
        MissingDependencyError: polars or pyarrow is not installed (``hrpolicy[polars]``).
        InvalidTypeError: as for :func:`from_arrow` (a float column among them).
        InvalidValueError: as for :func:`from_arrow`.

    Example:
        >>> from datetime import date
        >>> from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
        >>> schema = TableSchema("days", (Column("day", ColumnType.DATE),))
        >>> original = Table.build(schema, [(date(2024, 2, 29),), (None,)])
        >>> from_polars(to_polars(original), schema) == original
        True
    """
    pa = _pyarrow("from_polars", "polars")
    pl_ = _polars("from_polars")
    if not isinstance(frame, pl_.DataFrame):
        raise InvalidTypeError("frame", "a polars.DataFrame", frame)
    return _from_arrow(pa, frame.to_arrow(), schema)
