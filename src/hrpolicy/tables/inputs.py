"""Engine inputs built from tables: rows and data frames in, checked domain objects out.

Each engine declares its input tables once, in its own room (``hrpolicy.<engine>.tabular``:
table → type, columns, child tables and their keys); :func:`read_inputs` reads any of
them, and the ``read_*`` functions name the usual ones. A table is a list of mappings, a
pandas or polars ``DataFrame`` or an Arrow table; columns are named after the fields they
fill (``amount``; ``employment.hire_date`` for a field of a field) and can be renamed with
``columns={"Amount": "amount"}``.

Cells are read exactly:

- **money** and other exact numbers: ``Decimal`` (Arrow decimals), ``int`` or text
  (``"18771.97"``) — read money columns as text (``pandas.read_csv(..., dtype=str)``,
  ``polars.read_csv(..., infer_schema=False)``) or as Arrow decimals. A float is refused
  unless ``floats="whole_fen"`` is given; then each float must be a whole number of fen
  (its shortest ``repr`` has at most two decimals) below 10^13 yuan (ten trillion: an
  amount of at most 15 digits, which a float holds so that its ``repr`` writes it back;
  beyond, neighbouring fen share one float), and is read as the number its ``repr``
  writes — never rounded. Exact numbers that are not money (units, scores) are
  read from a float's shortest ``repr`` under the same opt-in; whole numbers (counts,
  days) only from a float with no fraction.
  A float narrower than 64 bits (``float32``) is refused even so: it keeps about 7
  digits, so it may not be the number written.
- **dates**: ``date``, ``YYYY-MM-DD`` text, a date-only pandas ``Timestamp``, NumPy
  ``datetime64`` of a whole day, Arrow ``date32`` or a timestamp at midnight; a time of day
  is refused, never dropped. Times (``submitted_at``) take a timestamp or ISO text.
- **yes/no**: ``True``/``False`` or the text ``true``/``false`` (any case).
- **text**: text only (an id read as a number would have lost its leading zeros).
- an **empty cell** (``None``, ``NaN``, ``pd.NA``, ``NaT``, blank text) is "not given":
  the field's default, or ``None`` where the field may be ``None``; for a field with
  neither it is an error.

Every problem is reported, not only the first, as a :class:`TableError` (a
:class:`~hrpolicy.core.errors.ConversionError`) whose :attr:`~TableError.problems` name
the table, the row (0-based position, and a pandas frame's index label) and the column,
what was expected and what came.

>>> deals = read_deals([{"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04",
...                      "amount": "20000.00", "values.list": "21000"}])
>>> deals[0].amount, deals[0].values
(Decimal('20000.00'), {'list': Decimal('21000')})
"""

from __future__ import annotations

import enum
import functools
import importlib
import math
import re
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from types import UnionType
from typing import Any, Final, Union

import attrs

from hrpolicy.bonds.case import BondCase
from hrpolicy.bonds.policy import BondPolicy
from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.policy import ChargePolicy
from hrpolicy.collection.model import CollectionInputs, MatchingRule, Receivables
from hrpolicy.commission.model import Deal, PersonInputs
from hrpolicy.core.checked import IntSpec, MoneySpec, QuantitySpec, TextSpec, split_annotated
from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import (
    HRPolicyError,
    InvalidTypeError,
    InvalidValueError,
)
from hrpolicy.core.fields import enum_argument, parse_date
from hrpolicy.core.money import Rate, parse_money
from hrpolicy.expenses.case import ExpenseCase
from hrpolicy.expenses.policy import ExpensePolicy
from hrpolicy.reports.model import Reference, WeeklyReport
from hrpolicy.tables.errors import TableError, TableProblem
from hrpolicy.tables.frames import NarrowFloat, Row, frame_rows

__all__ = [
    "ENGINES",
    "FLOAT_LIMIT",
    "Floats",
    "TableError",
    "TableProblem",
    "read_bond_cases",
    "read_charge_cases",
    "read_collection_inputs",
    "read_deals",
    "read_expense_cases",
    "read_inputs",
    "read_person_inputs",
    "read_receivables",
    "read_references",
    "read_weekly_reports",
]

#: The engines whose inputs can be read from tables: each has a ``tabular`` module.
ENGINES: Final = ("bonds", "charges", "collection", "commission", "reports", "expenses")

#: Below this many yuan an amount in fen has at most 15 digits, so the float read for it
#: writes it back exactly (``repr``); above, two amounts a fen apart can be one float (a
#: float holds 15 decimal digits, not every fen up to 2**53 fen).
FLOAT_LIMIT: Final = Decimal(10**13)
#: How many significant digits a float read under ``floats="whole_fen"`` may have: every
#: decimal of up to 15 significant digits reads back from its float exactly.
_FLOAT_DIGITS: Final = 15


class Floats(Choice):
    """How float cells are read: ``WHOLE_FEN`` accepts a float whose shortest ``repr``
    is an exact amount (for money, whole fen below :data:`FLOAT_LIMIT`)."""

    WHOLE_FEN = "whole_fen"


class _UnknownColumns(Choice):
    REFUSE = "refuse"
    IGNORE = "ignore"


# --- the specs of the engines -------------------------------------------------------------


@attrs.frozen
class _Table:
    """One table of an engine's spec, read into a shape the reader uses."""

    name: str
    type: Any
    columns: tuple[str, ...]
    parent: str | None
    field: str | None
    key: tuple[tuple[str, str], ...]  # child column → parent column
    own_key: str | None
    choices: Mapping[str, Mapping[str, type]]
    #: For a table whose rows are one of several forms: its ``kind`` tag → form.
    forms: Mapping[str, type] = attrs.field(factory=dict)
    wildcards: tuple[str, ...] = attrs.field(init=False)

    @wildcards.default
    def _wildcards(self) -> tuple[str, ...]:
        return tuple(c[:-1] for c in self.columns if c.endswith(".*"))


@attrs.frozen
class _Spec:
    engine: str
    tables: Mapping[str, _Table]
    inputs: Mapping[str, Mapping[str, Any]]

    by_parent: Mapping[str, tuple[_Table, ...]] = attrs.field(init=False)

    @by_parent.default
    def _by_parent(self) -> Mapping[str, tuple[_Table, ...]]:
        found: dict[str, list[_Table]] = {}
        for table in self.tables.values():
            if table.parent is not None:
                found.setdefault(table.parent, []).append(table)
        return {parent: tuple(tables) for parent, tables in found.items()}

    def children(self, parent: str) -> tuple[_Table, ...]:
        return self.by_parent.get(parent, ())


@functools.cache
def _spec(engine: str) -> _Spec:
    if engine not in ENGINES:
        raise InvalidValueError("engine", "one of " + ", ".join(map(repr, ENGINES)), engine)
    module = importlib.import_module(f"hrpolicy.{engine}.tabular")
    tables = {}
    for name, data in module.TABLES.items():
        key = data.get("key", {})
        tables[name] = _Table(
            name=name,
            type=data["type"],
            columns=tuple(data["columns"]),
            parent=data.get("parent"),
            field=data.get("field"),
            key=tuple(key.items()) if isinstance(key, Mapping) else (),
            own_key=key if isinstance(key, str) else None,
            choices=data.get("choices", {}),
            forms=data.get("forms", {}),
        )
    return _Spec(engine, tables, module.INPUTS)


# --- fields and cells -------------------------------------------------------------------


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


@functools.cache
def _fields(cls: type) -> dict[str, attrs.Attribute[Any]]:
    return dict(attrs.fields_dict(cls))


@functools.cache
def _optional(annotation: object) -> tuple[object, bool]:
    """The annotation without ``| None``, and whether ``None`` was allowed."""
    if typing.get_origin(annotation) in (Union, UnionType):
        args = typing.get_args(annotation)
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            return options[0], len(options) < len(args)
        return Union[tuple(options)], len(options) < len(args)  # noqa: UP007
    return annotation, False


@functools.cache
def _kind(annotation: object) -> str:
    """What a cell for a field of this (non-optional) annotation holds."""
    base, spec = split_annotated(annotation)
    if isinstance(spec, MoneySpec):
        return "money"
    if isinstance(spec, QuantitySpec) or base is Decimal:
        return "decimal"
    if isinstance(spec, IntSpec) or base is int:
        return "int"
    if isinstance(spec, TextSpec):
        return "text"
    if base is str:
        return "str"
    if base is Rate:
        return "rate"
    if base is datetime:
        return "datetime"
    if base is date:
        return "date"
    if base is bool:
        return "bool"
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return "enum"
    return "object"


#: The column naming the form of a row of a table of several forms.
_KIND: Final = "kind"


class _Empty:
    def __repr__(self) -> str:
        return "an empty cell"


_EMPTY: Final = _Empty()
_INTEGER: Final = re.compile(r"[+-]?\d+")
_FLOAT_HINT: Final = (
    "read the column as text (dtype=str) or as Arrow decimals, or pass floats='whole_fen'"
)


class _CellError(Exception):
    def __init__(self, expected: str, actual: object) -> None:
        super().__init__(expected)
        self.expected = expected
        self.actual = actual


def _is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Decimal):
        return value.is_nan()
    if isinstance(value, str):
        return not value.strip()
    kind = type(value)
    module = kind.__module__.split(".", 1)[0]
    if module == "pandas" and kind.__name__ in ("NAType", "NaTType"):
        return True
    return module == "numpy" and kind.__name__ == "datetime64" and str(value) == "NaT"


def _plain(value: object) -> object:
    """A NumPy scalar as the Python value it holds (bools, ints, floats, text)."""
    kind = type(value)
    if kind.__module__ != "numpy" or kind.__name__ == "datetime64":
        return value
    item = getattr(value, "item", None)
    if not callable(item):
        return value
    plain = item()
    if type(plain) is float and kind.__name__ in ("float32", "float16"):
        return NarrowFloat(plain, kind.__name__)
    return plain


def _float(value: float, kind: str, floats: Floats | None) -> object:
    if isinstance(value, NarrowFloat):
        # Widened to 64 bits it reads as a number, but only its first 7 (float32) or 3
        # (float16) digits are the ones written: 12345678.9 comes as 12345679.0.
        raise _CellError(
            f"an exact number, not a {value.dtype} (it keeps too few digits to be the "
            "number written; read the column as text or as Arrow decimals)",
            value,
        )
    if floats is None:
        what = {"int": "a whole number", "rate": "a rate"}.get(kind, "an exact number")
        raise _CellError(f"{what}, not a float ({_FLOAT_HINT})", value)
    if not math.isfinite(value):
        raise _CellError("a finite number", value)
    if kind == "int":
        if not value.is_integer() or abs(value) >= 2**53:
            raise _CellError("a whole number below 2**53 (read from a float)", value)
        return int(value)
    exact = Decimal(repr(value))
    if kind != "money" and len(exact.normalize().as_tuple().digits) > _FLOAT_DIGITS:
        # repr writes the shortest text that reads back as this float; beyond 15
        # significant digits it may not be the number that was written.
        raise _CellError(
            f"an exact number of at most {_FLOAT_DIGITS} significant digits "
            "(a float holds no more; read the column as text)",
            value,
        )
    if kind == "money":
        exponent = exact.as_tuple().exponent
        if abs(exact) >= FLOAT_LIMIT or not isinstance(exponent, int) or exponent < -2:
            raise _CellError(
                f"a whole number of fen below {FLOAT_LIMIT} yuan (floats='whole_fen')", value
            )
    return exact


def _cell(value: object, kind: str, floats: Floats | None) -> object:
    """A cell as the value a field of ``kind`` takes (or :data:`_EMPTY`); a value the
    field's own check refuses is passed through for it to name."""
    if _is_empty(value):
        return _EMPTY
    value = _plain(value)
    if isinstance(value, float) and kind in ("money", "decimal", "rate", "int"):
        return _float(value, kind, floats)
    if kind == "int":
        if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
            return int(value.strip())
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return int(value)
    elif kind == "bool":
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
    elif kind in ("date", "datetime"):
        return _moment(value, kind)
    elif kind in ("text", "str", "enum") and isinstance(value, (int, float, Decimal)):
        raise _CellError("text (read the column as text, e.g. dtype=str)", value)
    return value


def _moment(value: object, kind: str) -> object:
    if type(value) is datetime and kind == "date":  # a polars or Arrow timestamp
        if value.tzinfo is not None or value.time() != datetime.min.time():
            raise _CellError(
                "a date without a time of day or time zone (the time would be lost)", value
            )
        return value.date()
    if kind == "date" and not isinstance(value, str):
        return parse_date(value, field="")  # a pandas Timestamp or datetime64, checked
    return value


# --- reading ----------------------------------------------------------------------------


@attrs.define(eq=False)
class _Data:
    """A table given: its spec, columns and rows."""

    table: _Table
    columns: tuple[str, ...]
    rows: list[Row]
    broken: bool = False


@attrs.define(eq=False)
class _Node:
    """A row being built: its children by the field they fill, and what it became."""

    data: _Data
    row: Row
    children: dict[str, list[_Node]] = attrs.Factory(dict)
    result: object = None
    failed: bool = False


class _Reader:
    def __init__(
        self,
        spec: _Spec,
        floats: Floats | None,
        unknown: _UnknownColumns,
    ) -> None:
        self.spec = spec
        self.floats = floats
        self.unknown = unknown
        self.problems: list[TableProblem] = []
        self.seen: set[tuple[str, int | None, str | None]] = set()
        self.given: dict[str, _Data] = {}
        #: The column names as the tables gave them, before any renaming.
        self.sources: set[str] = set()

    # problems

    def problem(
        self,
        table: str,
        row: Row | None,
        column: str | None,
        expected: str,
        actual: object = None,
        *,
        has_actual: bool = True,
        empty: bool = False,
    ) -> None:
        position = None if row is None else row.position
        if (table, position, column) in self.seen:
            return  # one problem per cell (a key is checked for each table it links)
        self.seen.add((table, position, column))
        self.problems.append(
            TableProblem(
                table,
                None if row is None else row.position,
                None if row is None else row.label,
                column,
                expected,
                actual,
                has_actual,
                empty or (has_actual and _is_empty(actual) and not isinstance(actual, str)),
            )
        )

    # reading the tables

    def load(self, name: str, rows: object, renames: Mapping[str, str]) -> None:
        table = self.spec.tables[name]
        try:
            columns, data = frame_rows(rows, name)
        except HRPolicyError as error:
            self.problem(name, None, None, error.expected, error.actual)
            return
        self.sources.update(columns)
        if renames:
            columns = tuple(renames.get(c, c) for c in columns)
            for row in data:
                row.cells = {renames.get(c, c): v for c, v in row.cells.items()}
            repeated = sorted({c for c in columns if columns.count(c) > 1})
            for column in repeated:
                self.problem(name, None, column, "each column once (after renaming)", column)
        known = set(table.columns) | {c for c, _ in table.key}
        if table.own_key:
            known.add(table.own_key)
        for column in columns:
            if column in known or self._wild(table, column):
                continue
            if self.unknown is _UnknownColumns.IGNORE:
                for row in data:
                    row.cells.pop(column, None)
                continue
            self.problem(
                name,
                None,
                column,
                f"one of the columns of {name}: " + ", ".join(sorted(known)),
                column,
            )
        if self.unknown is _UnknownColumns.IGNORE:
            columns = tuple(c for c in columns if c in known or self._wild(table, c))
        broken = False
        for column in self._required(table) if data else ():
            if column not in columns:
                broken = True
                self.problem(
                    name,
                    None,
                    column,
                    f"a column {column!r} (a required field)",
                    has_actual=False,
                )
        self.given[name] = _Data(table, columns, data, broken)

    def _wild(self, table: _Table, column: str) -> bool:
        return any(column.startswith(w) and len(column) > len(w) for w in table.wildcards)

    def _required(self, table: _Table) -> list[str]:
        """Columns every row needs: the key columns, and fields with no default reached
        through fields with no default."""
        required = [c for c, _ in table.key]
        if table.own_key:
            required.append(table.own_key)
        if table.type is str:
            return [*required, table.columns[0]]
        if table.forms:  # the kind, and the fields every form needs
            needed_by_all = [
                column
                for column in table.columns
                if all(
                    column in attrs.fields_dict(form)
                    and attrs.fields_dict(form)[column].default is attrs.NOTHING
                    for form in table.forms.values()
                )
            ]
            return [*required, _KIND, *needed_by_all]
        for column in table.columns:
            cls: Any = table.type
            segments = column.split(".")
            needed = True
            for depth, segment in enumerate(segments):
                prefix = ".".join(segments[:depth])
                if prefix in table.choices or not attrs.has(cls):
                    needed = False
                    break
                field = attrs.fields_dict(cls).get(segment)
                if field is None or field.default is not attrs.NOTHING:
                    needed = False
                    break
                cls, _ = _optional(_hints(cls)[field.name])
            if needed:
                required.append(column)
        return required

    # keys and children

    def key_value(self, data: _Data, node: Row, column: str, like: tuple[_Table, str]) -> object:
        """The value of a key ``column`` of a row, read as the column ``like`` is."""
        table, source = self._resolve(*like)
        raw = node.cells.get(column, None)
        try:
            if source == table.own_key:
                value = _cell(raw, "text", self.floats)
                if value is _EMPTY or not isinstance(value, str):
                    raise _CellError("an id (text) naming the row", raw)
                return value
            cls, annotation = self._leaf(table.type, source)
            base, _ = _optional(annotation)
            value = _cell(raw, _kind(base), self.floats)
            if value is _EMPTY:
                raise _CellError("a value (it is a key: rows of other tables refer to it)", raw)
            return self._check(cls, source.rsplit(".", 1)[-1], value)
        except _CellError as problem:
            self.problem(data.table.name, node, column, problem.expected, problem.actual)
        except HRPolicyError as error:
            self.problem(data.table.name, node, column, error.expected, error.actual)
        return _EMPTY

    def _resolve(self, table: _Table, column: str) -> tuple[_Table, str]:
        """The table and column a key column takes its values from: itself, or, for a
        column that is a key to the parent (``employee`` of an account), the parent's."""
        for child_column, parent_column in table.key:
            if child_column == column and table.parent is not None:
                return self._resolve(self.spec.tables[table.parent], parent_column)
        return table, column

    def _leaf(self, cls: Any, path: str) -> tuple[Any, object]:
        """The class owning the last field of ``path`` and that field's annotation."""
        segments = path.split(".")
        for segment in segments[:-1]:
            cls, _ = _optional(_hints(cls)[segment])
        return cls, _hints(cls)[segments[-1]]

    def _check(self, cls: Any, name: str, value: object) -> object:
        field = _fields(cls)[name]
        return field.converter(value) if callable(field.converter) else value

    def link(self, root: str) -> list[_Node]:
        """The nodes of ``root``'s rows, with the rows of every given child table below."""
        data = self.given.get(root)
        if data is None:
            return []
        nodes = [_Node(data, row) for row in data.rows]
        self._attach(data, nodes)
        return nodes

    def _attach(self, data: _Data, nodes: list[_Node]) -> None:
        for child in self.spec.children(data.table.name):
            child_data = self.given.get(child.name)
            if child_data is None:
                continue
            child_nodes = [_Node(child_data, row) for row in child_data.rows]
            assert child.field is not None
            if not child.key:  # a bundle's table: every row belongs to the one parent
                for node in nodes:
                    node.children[child.field] = child_nodes
            else:
                self._match(data, nodes, child_data, child_nodes)
            self._attach(child_data, child_nodes)

    def _match(
        self, data: _Data, nodes: list[_Node], child_data: _Data, child_nodes: list[_Node]
    ) -> None:
        child = child_data.table
        assert child.field is not None
        by_key: dict[tuple[object, ...], _Node] = {}
        complete = True
        for node in nodes:
            key = tuple(
                self.key_value(data, node.row, parent, (data.table, parent))
                for _, parent in child.key
            )
            if any(part is _EMPTY for part in key):
                complete = False
                node.failed = True
                continue
            if key in by_key:
                names = ", ".join(p for _, p in child.key)
                self.problem(
                    data.table.name,
                    node.row,
                    child.key[0][1],
                    f"a unique {names} ({child.name} rows are matched by it)",
                    key[0] if len(key) == 1 else key,
                )
                node.failed = True
                continue
            by_key[key] = node
            node.children.setdefault(child.field, [])
        for child_node in child_nodes:
            key = tuple(
                self.key_value(child_data, child_node.row, column, (data.table, parent))
                for column, parent in child.key
            )
            if any(part is _EMPTY for part in key):
                child_node.failed = True
                continue
            parent_node = by_key.get(key)
            if parent_node is None:
                if complete:
                    self.problem(
                        child.name,
                        child_node.row,
                        child.key[0][0],
                        f"the {', '.join(c for c, _ in child.key)} of a row of {data.table.name}",
                        key[0] if len(key) == 1 else key,
                    )
                child_node.failed = True
                continue
            parent_node.children.setdefault(child.field, []).append(child_node)

    # building

    def build(self, node: _Node, arguments: Mapping[str, object]) -> object:
        """The object of ``node`` (children first), or :data:`_EMPTY` when a problem was
        found in it or below it."""
        failed = node.failed or node.data.broken
        for nodes in node.children.values():
            for child in nodes:
                failed = self.build(child, {}) is _EMPTY or failed
        if node.data.broken:
            return _EMPTY
        table = node.data.table
        if table.type is str:
            result = self._scalar(node)
        elif table.forms:
            result = self._form(node, construct=not failed)
        else:
            result = self._object(table.type, "", node, arguments, construct=not failed)
        if failed or result is _EMPTY:
            return _EMPTY
        node.result = result
        return result

    def _scalar(self, node: _Node) -> object:
        table = node.data.table
        column = table.columns[0]
        parent = self.spec.tables[table.parent] if table.parent else None
        assert parent is not None
        assert table.field is not None
        _, annotation = self._leaf(parent.type, table.field)
        (element,) = typing.get_args(_optional(annotation)[0])[:1]
        try:
            value = _cell(node.row.cells.get(column), _kind(element), self.floats)
            if value is _EMPTY:
                raise _CellError("a value", node.row.cells.get(column))
            return value
        except _CellError as problem:
            self.problem(table.name, node.row, column, problem.expected, problem.actual)
        return _EMPTY

    def _present(self, node: _Node, prefix: str) -> bool:
        """Whether any cell under ``prefix`` is filled or any child table fills a field
        under it."""
        if any(c.startswith(prefix) and not _is_empty(v) for c, v in node.row.cells.items()):
            return True
        return any(field.startswith(prefix) and kids for field, kids in node.children.items())

    def _object(
        self,
        cls: Any,
        prefix: str,
        node: _Node,
        arguments: Mapping[str, object],
        *,
        construct: bool = True,
    ) -> object:
        """The ``cls`` the row's cells under ``prefix`` describe; every cell is checked
        (problems recorded) even when ``construct`` is false (a row below failed)."""
        table = node.data.table
        hints = _hints(cls)
        kwargs: dict[str, object] = {}
        ok = True
        for field in attrs.fields(cls):
            if not field.init:
                continue
            name = field.alias
            column = prefix + name
            base, nullable = _optional(hints[field.name])
            has_default = field.default is not attrs.NOTHING
            if name in arguments and not prefix:
                if arguments[name] is not None:
                    kwargs[name] = arguments[name]
            elif column in node.children or self._fills(table, column):
                if column in node.children:
                    kwargs[name] = tuple(child.result for child in node.children[column])
                elif not has_default:
                    kwargs[name] = ()
            elif column in table.choices:
                value = self._choice(table, column, node, nullable, construct=construct)
                if value is _EMPTY:
                    ok = False
                elif value is not None or not has_default:
                    kwargs[name] = value
            elif isinstance(base, type) and attrs.has(base) and base is not Rate:
                if self._present(node, column + ".") or not (has_default or nullable):
                    value = self._object(base, column + ".", node, {}, construct=construct)
                    ok = ok and value is not _EMPTY
                    kwargs[name] = value
                elif not has_default:
                    kwargs[name] = None
            elif column + "." in table.wildcards:
                values = self._named(table, column, node)
                if values is None:
                    ok = False
                elif values:
                    kwargs[name] = values
            elif column in node.row.cells:
                value = self._read(
                    node, cls, field.name, column, base, nullable=nullable, has_default=has_default
                )
                if value is _EMPTY:
                    ok = False
                elif value is not _OMIT:
                    kwargs[name] = value
        if not ok or not construct:
            return _EMPTY
        try:
            return cls(**kwargs)
        except HRPolicyError as error:
            self.refuse(error, cls, prefix, node)
            return _EMPTY

    def refuse(self, error: HRPolicyError, cls: Any, prefix: str, node: _Node) -> None:
        """Record ``error``, raised building ``node``'s object, at the row and column its
        path points at. A path naming a whole child row (``BondAgreement.waivers[1]``: a
        repeated key) points at the row's cell that holds the value refused."""
        where, column = self._locate(error.path, cls, prefix, node)
        if column is None and where is not node and error.has_actual:
            column = self._holding(where, error.actual)
        self.problem(
            where.data.table.name,
            where.row,
            column,
            error.expected if column else f"{error.expected} ({error.path})",
            error.actual,
            has_actual=error.has_actual,
        )

    @staticmethod
    def _holding(node: _Node, value: object) -> str | None:
        """The one column of ``node``'s row whose field, as built, is ``value``."""
        table = node.data.table
        if table.type is str:
            return table.columns[0] if node.result == value else None
        holding = [
            column
            for column in table.columns
            if "." not in column
            and column in node.row.cells
            and getattr(node.result, column, _EMPTY) == value
        ]
        return holding[0] if len(holding) == 1 else None

    def _fills(self, table: _Table, column: str) -> bool:
        """Whether a child table (given or not) fills the field ``column``."""
        return any(child.field == column for child in self.spec.children(table.name))

    def _read(
        self,
        node: _Node,
        cls: Any,
        name: str,
        column: str,
        base: object,
        *,
        nullable: bool,
        has_default: bool,
    ) -> object:
        """The value of the cell ``column`` for the field ``name`` of ``cls``."""
        table = node.data.table
        raw = node.row.cells[column]
        kind = _kind(base)
        try:
            value = _cell(raw, kind, self.floats)
        except _CellError as problem:
            self.problem(table.name, node.row, column, problem.expected, problem.actual)
            return _EMPTY
        except HRPolicyError as error:
            self.problem(table.name, node.row, column, error.expected, error.actual)
            return _EMPTY
        if value is _EMPTY:
            if nullable:
                return None
            if has_default:
                return _OMIT
            if kind == "str":
                return ""
            self.problem(
                table.name, node.row, column, "a value (the field is required)", raw, empty=True
            )
            return _EMPTY
        try:
            return self._check(cls, name, value)
        except HRPolicyError as error:
            self.problem(table.name, node.row, column, error.expected, error.actual)
            return _EMPTY

    def _choice(
        self, table: _Table, column: str, node: _Node, nullable: bool, *, construct: bool
    ) -> object:
        forms = table.choices[column]
        kind_column = f"{column}.kind"
        if not self._present(node, column + "."):
            if nullable:
                return None
            self.problem(table.name, node.row, kind_column, "one of " + ", ".join(map(repr, forms)))
            return _EMPTY
        raw = node.row.cells.get(kind_column)
        tag = None if _is_empty(raw) else raw
        if not isinstance(tag, str) or tag.strip() not in forms:
            self.problem(
                table.name,
                node.row,
                kind_column,
                "one of " + ", ".join(map(repr, forms)) + f" (the form of the {column})",
                raw,
                has_actual=tag is not None,
            )
            return _EMPTY
        form = forms[tag.strip()]
        fields = attrs.fields_dict(form)
        ok = True
        for cell_column, value in node.row.cells.items():
            if (
                cell_column.startswith(column + ".")
                and cell_column != kind_column
                and not _is_empty(value)
                and cell_column[len(column) + 1 :] not in fields
            ):
                self.problem(
                    table.name,
                    node.row,
                    cell_column,
                    f"an empty cell for the form {tag.strip()!r} (it has no such parameter)",
                    value,
                )
                ok = False
        result = self._object(form, column + ".", node, {}, construct=construct and ok)
        return result if ok else _EMPTY

    def _form(self, node: _Node, *, construct: bool) -> object:
        """The object of a row that is one of its table's forms, chosen by its ``kind``
        cell; a cell filled for a field the form lacks is a problem."""
        table = node.data.table
        raw = node.row.cells.get(_KIND)
        tag = None if _is_empty(raw) else raw
        if not isinstance(tag, str) or tag.strip() not in table.forms:
            self.problem(
                table.name,
                node.row,
                _KIND,
                "one of " + ", ".join(map(repr, table.forms)) + f" (the form of a row of "
                f"{table.name})",
                raw,
                has_actual=tag is not None,
            )
            return _EMPTY
        form = table.forms[tag.strip()]
        fields = attrs.fields_dict(form)
        keys = {column for column, _ in table.key}
        ok = True
        for column, value in node.row.cells.items():
            if column == _KIND or column in keys or column in fields or _is_empty(value):
                continue
            self.problem(
                table.name,
                node.row,
                column,
                f"an empty cell for the form {tag.strip()!r} (it has no such field)",
                value,
            )
            ok = False
        result = self._object(form, "", node, {}, construct=construct and ok)
        return result if ok else _EMPTY

    def _named(self, table: _Table, column: str, node: _Node) -> dict[str, object] | None:
        """The ``<column>.<name>`` cells: named amounts (a deal's values)."""
        values: dict[str, object] = {}
        ok = True
        for cell_column, raw in node.row.cells.items():
            if not cell_column.startswith(column + ".") or _is_empty(raw):
                continue
            try:
                value = _cell(raw, "money", self.floats)
                values[cell_column[len(column) + 1 :]] = parse_money(
                    value, field=cell_column, non_negative=True
                )
            except _CellError as problem:
                self.problem(table.name, node.row, cell_column, problem.expected, problem.actual)
                ok = False
            except HRPolicyError as error:
                self.problem(table.name, node.row, cell_column, error.expected, error.actual)
                ok = False
        return values if ok else None

    def _locate(self, path: str, cls: Any, prefix: str, node: _Node) -> tuple[_Node, str | None]:
        """The row and column an error's ``path`` (``Deal(C-1).split[1].share``) points at."""
        plain = re.sub(r"\([^()]*\)", "", path)
        tokens = re.findall(r"\.([A-Za-z_]\w*)(?:\[(\d+)\])?", plain[plain.find(".") :])
        if "." not in plain:
            tokens = []
        current, current_prefix, column = node, prefix, None
        for name, index in tokens:
            full = current_prefix + name
            kids = current.children.get(full)
            if kids is not None and index:
                if int(index) >= len(kids):
                    break
                current, current_prefix, column = kids[int(index)], "", None
                continue
            column = full
            current_prefix = full + "."
        table = current.data.table
        if column is not None and not any(
            c == column or c.startswith(column + ".") for c in (*table.columns, *current.row.cells)
        ):
            column = None
        return current, column


class _Omit:
    pass


_OMIT: Final = _Omit()


def _options(floats: object, unknown_columns: object) -> tuple[Floats | None, _UnknownColumns]:
    chosen = None if floats is None else enum_argument(floats, Floats, "floats")
    return chosen, enum_argument(unknown_columns, _UnknownColumns, "unknown_columns")


def read_inputs(
    engine: str,
    name: str,
    tables: Mapping[str, object],
    *,
    columns: Mapping[str, str] | None = None,
    floats: str | Floats | None = None,
    unknown_columns: str = "refuse",
    arguments: Mapping[str, object] | None = None,
) -> Any:
    """Build the input ``name`` of ``engine`` from its tables, as the engine's
    ``tabular`` module declares them.

    Args:
        engine: ``"commission"``, ``"collection"``, ``"reports"``, ``"bonds"`` or
            ``"charges"``.
        name: the input (``"deals"``, ``"receivables"``, ``"bond_cases"``,
            ``"charge_cases"``…: the keys of
            the engine's ``tabular.INPUTS``).
        tables: each table given, by its name (``{"deals": frame, "splits": rows}``);
            tables not given are empty.
        columns (optional): your column names → the library's (``{"Amount": "amount"}``),
            for every table.
        floats (optional): ``"whole_fen"`` to accept float cells that are exact amounts
            (see the module); otherwise a float is refused.
        unknown_columns (optional): ``"refuse"`` (the default) or ``"ignore"``.
        arguments (optional): the input's arguments (``matching``, ``policy``).

    Returns:
        The objects of the main table's rows, in order (a tuple; a ``dict`` by the key
        for a table named by a key of its own, as bond cases are), or the one object a
        bundle of tables builds (:class:`~hrpolicy.collection.Receivables`).

    Raises:
        TableError: any problem in the tables, all of them listed with table, row and
            column.
        InvalidValueError: an unknown engine, input, table, option or renamed column.

    Example:
        >>> read_inputs("commission", "deals", {"deals": [
        ...     {"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": 1.5}]})
        Traceback (most recent call last):
        ...
        hrpolicy.tables.errors.TableError: deals: cannot build from the data given: deals row
        0, column 'amount': expected an exact number, not a float (read the column as text
        (dtype=str) or as Arrow decimals, or pass floats='whole_fen'), got float 1.5
    """
    spec = _spec(engine)
    wanted = spec.inputs.get(name) if isinstance(name, str) else None
    if wanted is None:
        raise InvalidValueError("name", "one of " + ", ".join(map(repr, spec.inputs)), name)
    chosen, unknown = _options(floats, unknown_columns)
    renames = dict(columns or {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in renames.items()):
        raise InvalidTypeError(
            "columns", "a mapping of column names (text) to column names", columns
        )
    if not isinstance(tables, Mapping):
        raise InvalidTypeError("tables", "a mapping of table names to rows or frames", tables)
    bundle: Mapping[str, str] = wanted.get("bundle", {})
    root = wanted.get("table")
    allowed = _tables_of(spec, root, bundle)
    for table_name in tables:
        if table_name not in allowed:
            raise InvalidValueError(
                "tables", f"tables of {name}: " + ", ".join(map(repr, allowed)), table_name
            )
    given = dict(arguments or {})
    for argument in given:
        if argument not in wanted.get("arguments", ()):
            raise InvalidValueError(
                "arguments", "one of " + ", ".join(map(repr, wanted.get("arguments", ()))), argument
            )
    if root is not None and tables.get(root) is None:
        raise InvalidValueError("tables", f"the table {root!r} (the rows of {name})", None)
    reader = _Reader(spec, chosen, unknown)
    for table_name, rows in tables.items():
        if rows is not None:
            reader.load(table_name, rows, renames)
    _check_renames(renames, reader)
    if bundle:
        return _read_bundle(reader, name, wanted, bundle, given)
    assert isinstance(root, str)
    nodes = reader.link(root)
    keys = _own_keys(reader, spec.tables[root], nodes)
    results = [reader.build(node, given) for node in nodes]
    check = wanted.get("check")
    if check is not None:
        for node, built in zip(nodes, results, strict=True):
            if built is _EMPTY:
                continue
            try:
                check(built)
            except HRPolicyError as error:
                reader.refuse(error, type(built), "", node)
    if reader.problems:
        raise TableError(name, reader.problems)
    if keys is not None:
        return dict(zip(keys, results, strict=True))
    return tuple(results)


def _own_keys(reader: _Reader, table: _Table, nodes: list[_Node]) -> list[object] | None:
    """The values of the key naming each row of ``table`` (``case_id``), checked unique;
    ``None`` for a table without one."""
    if table.own_key is None or table.name not in reader.given:
        return None
    data = reader.given[table.name]
    if data.broken:
        return []
    keys: list[object] = []
    for node in nodes:
        key = reader.key_value(data, node.row, table.own_key, (table, table.own_key))
        if key is not _EMPTY and key in keys:
            reader.problem(table.name, node.row, table.own_key, "a unique id", key)
        keys.append(key)
    return keys


def _tables_of(spec: _Spec, root: str | None, bundle: Mapping[str, str]) -> list[str]:
    names = list(bundle.values()) if bundle else [root]
    found: list[str] = []
    while names:
        current = names.pop(0)
        assert current is not None
        found.append(current)
        names.extend(t.name for t in spec.children(current))
    return found


def _check_renames(renames: Mapping[str, str], reader: _Reader) -> None:
    """Every renamed column is one the tables have: a name mistyped in ``columns`` is
    refused, never ignored."""
    if reader.problems and not reader.given:
        return  # the tables themselves could not be read: that is the problem to report
    for source in renames:
        if source not in reader.sources:
            raise InvalidValueError(
                f"columns[{source!r}]", "a column found in the tables given", source
            )


def _read_bundle(
    reader: _Reader,
    name: str,
    wanted: Mapping[str, Any],
    bundle: Mapping[str, str],
    arguments: Mapping[str, object],
) -> object:
    """One object from several whole tables (each fills a field)."""
    cls = wanted["type"]
    root = _Table(name, cls, (), None, None, (), None, {})
    tables = dict(reader.spec.tables)
    for field, table_name in bundle.items():
        tables[table_name] = attrs.evolve(tables[table_name], parent=name, field=field)
    reader.spec = attrs.evolve(reader.spec, tables=tables)
    node = _Node(_Data(root, (), []), Row(0, None, {}))
    reader._attach(node.data, [node])
    reader.build(node, arguments)
    if reader.problems:
        raise TableError(name, reader.problems)
    return node.result


# --- the usual inputs, by name ------------------------------------------------------------


def read_deals(
    deals: object,
    *,
    splits: object = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
    sign_offs: object = None,
) -> tuple[Deal, ...]:
    """Commission deals from a table of deals and, optionally, a table of credit splits
    and one of sign-offs.

    Args:
        deals: one row per :class:`~hrpolicy.commission.Deal`: columns ``deal_id``,
            ``owner``, ``signed_on``, ``amount``, ``currency``, ``units``,
            ``product_cost``, ``customer_expenses``, ``internal_allocation``,
            ``collected``, ``customer``, ``new_customer``, ``self_developed_market``,
            ``company_negotiated``, ``approval``, ``on_credit``, and ``values.<name>``
            for each named value (``values.list`` for the list price).
        splits (optional): one row per person credited: ``deal_id``, ``employee``,
            ``role``, ``share`` (a deal with split rows is credited by them).
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.
        sign_offs (optional): one row per sign-off given for a deal: ``deal_id``,
            ``approver`` (the role, ``general_manager``), ``reference``, ``signed_on``
            (:class:`~hrpolicy.core.approvals.SignOff`).

    Returns:
        The deals, in row order.

    Raises:
        TableError: every problem found, with its table, row and column.

    Example:
        >>> import pandas
        >>> frame = pandas.DataFrame({"Deal": ["C-1"], "owner": ["li"],
        ...                           "signed_on": ["2024-03-04"], "amount": ["8000.00"]})
        >>> read_deals(frame, columns={"Deal": "deal_id"}, splits=[
        ...     {"deal_id": "C-1", "employee": "li", "role": "sales", "share": "60%"},
        ...     {"deal_id": "C-1", "employee": "wang", "role": "service", "share": "40%"},
        ... ])[0].credits[1].share
        Rate('40%')
    """
    result: tuple[Deal, ...] = read_inputs(
        "commission",
        "deals",
        {"deals": deals, "splits": splits, "sign_offs": sign_offs},
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
    )
    # An engine refuses a deal given twice, but only the table can say which row it is.
    column = next((own for own, field in (columns or {}).items() if field == "deal_id"), "deal_id")
    first: dict[str, int] = {}
    repeated = []
    for row, deal in enumerate(result):
        if deal.deal_id in first:
            expected = f"a unique deal_id (row {first[deal.deal_id]} has it too)"
            repeated.append(TableProblem("deals", row, None, column, expected, deal.deal_id))
        first.setdefault(deal.deal_id, row)
    if repeated:
        raise TableError("deals", repeated)
    return result


def read_person_inputs(
    people: object,
    *,
    carries: object = None,
    paid: object = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
) -> tuple[PersonInputs, ...]:
    """People's month inputs besides deals (:class:`~hrpolicy.commission.PersonInputs`).

    Args:
        people: one row per person: ``employee``, ``new_dealers``, ``score``,
            ``expenses``, ``branch_profit``, ``pool_role``, ``branch``, ``minimum_wage``,
            ``other_pay``, ``signed_dealers``.
        carries (optional): what each component carries in: ``employee``,
            ``component``, ``measure_to_date``, ``earned_to_date``, ``paid_to_date``,
            ``carried``.
        paid (optional): what earlier runs paid: ``employee``, ``line_id``, ``amount``.
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.

    Returns:
        One :class:`~hrpolicy.commission.PersonInputs` per row, in order.

    Raises:
        TableError: every problem found, with its table, row and column.

    Example:
        >>> (li,) = read_person_inputs([{"employee": "li", "minimum_wage": "2690"}],
        ...                            paid=[{"employee": "li", "line_id": "c", "amount": "5"}])
        >>> li.minimum_wage, li.paid[0].amount
        (Decimal('2690'), Decimal('5'))
    """
    result: tuple[PersonInputs, ...] = read_inputs(
        "commission",
        "person_inputs",
        {"people": people, "carries": carries, "paid": paid},
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
    )
    return result


def read_receivables(
    invoices: object,
    *,
    matching: MatchingRule | str,
    payments: object = None,
    reversals: object = None,
    credit_notes: object = None,
    write_offs: object = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
) -> Receivables:
    """Receivables (:class:`~hrpolicy.collection.Receivables`) from their tables.

    Args:
        invoices: ``invoice_id``, ``customer``, ``salesperson``, ``issued_on``,
            ``amount``, ``commission``, ``credit_days``, ``contract_id``.
        matching: which invoices a payment settles (a
            :class:`~hrpolicy.collection.MatchingRule` or its value, ``"fifo"``…).
        payments (optional): ``payment_id``, ``received_on``, ``amount``, ``customer``,
            ``invoice_id``, ``excess_reason``.
        reversals (optional): ``reversal_id``, ``payment_id``, ``reversed_on``, ``amount``.
        credit_notes (optional): ``note_id``, ``invoice_id``, ``issued_on``, ``amount``,
            ``reason``.
        write_offs (optional): ``write_off_id``, ``invoice_id``, ``written_off_on``,
            ``amount``, ``reason``.
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.

    Returns:
        The receivables; a reference between tables that does not hold (a payment naming
        an unknown invoice) is reported at the row and column that make it.

    Raises:
        TableError: every problem found, with its table, row and column.

    Example:
        >>> receivables = read_receivables(
        ...     [{"invoice_id": "A-01", "customer": "ACME", "salesperson": "li",
        ...       "issued_on": "2024-01-10", "amount": "1000", "commission": "30"}],
        ...     payments=[{"payment_id": "P1", "received_on": "2024-02-05", "amount": "400",
        ...                "invoice_id": "A-02"}],
        ...     matching="by_invoice")
        Traceback (most recent call last):
        ...
        hrpolicy.tables.errors.TableError: receivables: cannot build from the data given:
        payments row 0, column 'invoice_id': expected an invoice in these receivables, got
        str 'A-02'
    """
    rule = enum_argument(matching, MatchingRule, "matching")
    result: Receivables = read_inputs(
        "collection",
        "receivables",
        {
            "invoices": invoices,
            "payments": payments,
            "reversals": reversals,
            "credit_notes": credit_notes,
            "write_offs": write_offs,
        },
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
        arguments={"matching": rule},
    )
    return result


def read_collection_inputs(
    salespeople: object,
    *,
    milestones: object = None,
    expenses: object = None,
    agreements: object = None,
    paid: object = None,
    accounts: object = None,
    layers: object = None,
    advances: object = None,
    milestones_paid: object = None,
    reserve_parts: object = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
) -> tuple[CollectionInputs, ...]:
    """Salespeople's month facts for collection (:class:`~hrpolicy.collection.CollectionInputs`).

    Args:
        salespeople: one row per salesperson: ``employee``, ``month_wage``,
            ``minimum_wage``, ``completion``, ``left_on``, and the state carried in,
            ``state.reserve`` and ``state.to_recover``.
        milestones, expenses, agreements, paid (optional): the month's milestone events,
            relationship expenses, agreements and earlier payments, keyed by ``employee``
            (columns named after their fields).
        accounts, layers, advances, milestones_paid (optional): the state carried in:
            invoice accounts (``employee``, ``invoice_id``, ``settled``, ``released``), their
            layers (``employee``, ``invoice_id``, ``settled``, ``released``), advances, and
            the milestones already paid (``employee``, ``entry``).
        reserve_parts (optional): the reserve carried in, by part
            (:class:`~hrpolicy.collection.ReserveHolding`): ``employee``, ``part_id``,
            ``amount``, ``withheld_in.year`` and ``withheld_in.month`` (the month
            withheld, for a part released months after withholding), and the terms
            withheld under: ``rate``, ``horizon``, ``months``. Its amounts add up to the
            row's ``state.reserve``; without it, ``state.reserve`` is all the single
            reserve's.
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.

    Returns:
        One :class:`~hrpolicy.collection.CollectionInputs` per row, in order.

    Raises:
        TableError: every problem found, with its table, row and column.

    Example:
        >>> (li,) = read_collection_inputs(
        ...     [{"employee": "li", "month_wage": "8000", "state.reserve": "120.50"}],
        ...     milestones_paid=[{"employee": "li", "entry": "first_order:ACME"}])
        >>> li.state.reserve, li.state.milestones_paid
        (Decimal('120.50'), ('first_order:ACME',))
    """
    result: tuple[CollectionInputs, ...] = read_inputs(
        "collection",
        "collection_inputs",
        {
            "salespeople": salespeople,
            "milestones": milestones,
            "expenses": expenses,
            "agreements": agreements,
            "paid": paid,
            "accounts": accounts,
            "layers": layers,
            "advances": advances,
            "milestones_paid": milestones_paid,
            "reserve_parts": reserve_parts,
        },
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
    )
    return result


def read_weekly_reports(
    reports: object,
    *,
    items: object = None,
    item_customers: object = None,
    visits: object = None,
    calls: object = None,
    expenses: object = None,
    planned_visits: object = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
) -> tuple[WeeklyReport, ...]:
    """Weekly reports (:class:`~hrpolicy.reports.WeeklyReport`) from a table of reports and
    child tables keyed by ``report_id``.

    Args:
        reports: one row per report: ``report_id``, ``employee``, ``week.year``,
            ``week.week``, ``submitted_at``, ``plan.local_policy_changes``,
            ``travel_report_attached``.
        items (optional): the summary: ``report_id``, ``item``, ``text``, ``amount``,
            ``count``.
        item_customers (optional): customers an item names: ``report_id``, ``item``,
            ``customer``.
        visits, calls, expenses (optional): the week's visit log (``customer``, ``on``,
            ``purpose``), call days (``on``, ``calls``) and expenses (``expense_id``,
            ``on``, ``amount``, ``category``, ``travel``).
        planned_visits (optional): next week's plan (``customer``, ``on``).
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.

    Returns:
        One report per row, in order.

    Raises:
        TableError: every problem found, with its table, row and column.

    Example:
        >>> (report,) = read_weekly_reports(
        ...     [{"report_id": "R1", "employee": "wang", "week.year": "2024", "week.week": "10",
        ...       "submitted_at": "2024-03-11T09:00", "plan.local_policy_changes": "none"}],
        ...     items=[{"report_id": "R1", "item": "sales_volume", "text": "steady",
        ...             "amount": "95000"}],
        ...     calls=[{"report_id": "R1", "on": "2024-03-04", "calls": "12"}])
        >>> str(report.week), report.summary[0].amount, report.calls[0].calls
        ('2024-W10', Decimal('95000'), 12)
    """
    result: tuple[WeeklyReport, ...] = read_inputs(
        "reports",
        "weekly_reports",
        {
            "reports": reports,
            "items": items,
            "item_customers": item_customers,
            "visits": visits,
            "calls": calls,
            "expenses": expenses,
            "planned_visits": planned_visits,
        },
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
    )
    return result


def read_references(
    references: object,
    *,
    visits: object = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
) -> tuple[Reference, ...]:
    """The reference data reports are checked against (:class:`~hrpolicy.reports.Reference`).

    Args:
        references: one row per employee and week: ``employee``, ``week.year``,
            ``week.week``, ``sales``, ``collections``, ``expenses`` (an empty cell: not
            known, so not checked).
        visits (optional): the visits the CRM recorded: ``employee``, ``week.year``,
            ``week.week``, ``customer``, ``on``, ``purpose``. When this table is given,
            every reference has its recorded visits (none for a week without rows); when
            it is not, visits are not known.
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.

    Returns:
        One reference per row, in order.

    Raises:
        TableError: every problem found, with its table, row and column.

    Example:
        >>> (crm,) = read_references([{"employee": "wang", "week.year": 2024, "week.week": 10,
        ...                            "sales": "120000"}], visits=[])
        >>> crm.sales, crm.collections, crm.visits
        (Decimal('120000'), None, ())
    """
    result: tuple[Reference, ...] = read_inputs(
        "reports",
        "references",
        {"references": references, "reference_visits": visits},
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
    )
    return result


def read_bond_cases(
    cases: object,
    *,
    agreements: object,
    costs: object = None,
    clauses: object = None,
    collections: object = None,
    waivers: object = None,
    waivers_met: object = None,
    policy: BondPolicy | None = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
) -> dict[str, BondCase]:
    """Bond cases (:class:`~hrpolicy.bonds.BondCase`) from a spreadsheet of cases and its
    child tables.

    Args:
        cases: one row per case: ``case_id`` (your name for the case), and
            ``employment.employee``, ``employment.hire_date``,
            ``employment.contract_start``, ``employment.contract_end`` (an empty cell: an
            open-ended contract; the column itself is required), ``employment.probation_end``,
            ``employment.regime``, ``separation.last_day``, ``separation.ground``,
            ``separation.settles_bond``, ``separation.demanded``,
            ``separation.revenue_produced``.
        agreements: one row per agreement: ``case_id``, ``id``, ``signed_on``,
            ``length.years`` / ``.months`` / ``.days``, the penalty clause
            (``penalty.kind``: ``flat_sum``, ``cost_multiple``, ``pro_rata``,
            ``per_unserved_unit`` or ``per_law``, with its ``penalty.amount``,
            ``penalty.multiple``, ``penalty.rate``, ``penalty.unit``, ``penalty.rounding``,
            ``penalty.clause_ref``; all empty: no penalty clause), the training
            (``training.id``, ``.kind``, ``.provider``, ``.start``, ``.end``,
            ``.during_probation``, ``.took_place``, ``.full_time_off_job``, ``.title``) or a
            benefit (``benefit.kind``, ``.value``, ``.description``), ``start_rule``,
            ``start_date``, ``stated_cost`` or ``stated_cost_range.low`` /
            ``stated_cost_range.high``.
        costs (optional): training costs: ``case_id``, ``agreement_id``, ``id``,
            ``category``, ``amount``, ``has_voucher``, ``paid_by``, ``shared_by``,
            ``description``.
        clauses (optional): other clauses: ``case_id``, ``agreement_id``, ``kind``,
            ``ref``, ``amount``, ``text``.
        collections (optional): money already collected: ``case_id``, ``amount``,
            ``method``, ``on``.
        waivers (optional): waiver clauses: ``case_id``, ``agreement_id``, ``condition``,
            ``clause_ref``, ``effect``, ``share``, ``amount``, ``threshold``, ``text``.
        waivers_met (optional): the waivers whose condition was met: ``case_id``,
            ``entry`` (a waiver's clause ref, or ``<agreement id>/<clause ref>``).
        policy (optional): the :class:`~hrpolicy.bonds.BondPolicy` for every case (its
            defaults when not given).
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.

    Returns:
        The cases by ``case_id``, in row order.

    Raises:
        TableError: every problem found, with its table, row and column.

    Example:
        >>> cases = read_bond_cases(
        ...     [{"case_id": "K1", "employment.hire_date": "2020-01-01",
        ...       "employment.contract_end": None, "separation.last_day": "2021-06-30",
        ...       "separation.ground": "resignation"}],
        ...     agreements=[{"case_id": "K1", "id": "A1", "signed_on": "2020-02-01",
        ...                  "length.years": "3", "penalty.kind": "flat_sum",
        ...                  "penalty.amount": "9000"}])
        >>> cases["K1"].agreements[0].penalty
        FlatSum(amount=Decimal('9000'), clause_ref='')
    """
    if policy is not None and not isinstance(policy, BondPolicy):
        raise InvalidTypeError("policy", "a BondPolicy", policy)
    result: dict[str, BondCase] = read_inputs(
        "bonds",
        "bond_cases",
        {
            "cases": cases,
            "agreements": agreements,
            "costs": costs,
            "clauses": clauses,
            "collections": collections,
            "waivers": waivers,
            "waivers_met": waivers_met,
        },
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
        arguments={"policy": policy},
    )
    return result


def read_charge_cases(
    cases: object,
    *,
    charges: object = None,
    incidents: object = None,
    takings: object = None,
    pay_periods: object = None,
    compensation_payments: object = None,
    policy: ChargePolicy | None = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
) -> dict[str, ChargeCase]:
    """Charges cases (:class:`~hrpolicy.charges.case.ChargeCase`) from a spreadsheet of
    cases and its child tables, each keyed by ``case_id``.

    Args:
        cases: one row per case: ``case_id`` (your name for the case), the worker
            (``worker.id``, ``worker.relationship``, ``worker.started``,
            ``worker.left_on``, ``worker.enrolled_student``, ``worker.drawing_pension``,
            ``worker.weekly_hours``, ``worker.role``, ``worker.name``), the agreement
            (``agreement.id``, ``agreement.signed_on``, ``agreement.ends_on``,
            ``agreement.title``), ``as_of``, and the wage facts of a non-compete
            (``non_compete.average_monthly_wage``, ``non_compete.minimum_wage``; all
            empty and no compensation payments: none given).
        charges (optional): the agreement's charge clauses: ``case_id``, ``kind``
            (``deposit``, ``fine``, ``penalty``, ``per_item``, ``loss_compensation`` or
            ``non_compete``), ``ref`` and the form's own fields — ``amount``,
            ``trigger``, ``basis``, ``refund_within_days``, ``in_democratic_rules``,
            ``penalty``, ``months``, ``monthly_compensation``, ``text`` (a cell for a
            field the form lacks must be empty).
        incidents (optional): ``case_id``, ``id``, ``trigger``, ``on``, ``items``,
            ``proven_loss`` (an empty cell: no loss proven), ``liability``,
            ``description``.
        takings (optional): ``case_id``, ``id``, ``clause``, ``amount``, ``means``,
            ``on``, ``incident``, ``returned``.
        pay_periods (optional): ``case_id``, ``start``, ``end``, ``wage``,
            ``minimum_wage``, ``hours``, ``hourly_minimum_wage``.
        compensation_payments (optional): non-compete compensation paid after leaving:
            ``case_id``, ``on``, ``amount``.
        policy (optional): the :class:`~hrpolicy.charges.policy.ChargePolicy` for every
            case (its defaults when not given).
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.

    Returns:
        The cases by ``case_id``, in row order.

    Raises:
        TableError: every problem found, with its table, row and column.
        InvalidTypeError: ``policy`` is not a :class:`~hrpolicy.charges.policy.ChargePolicy`.

    Example:
        >>> cases = read_charge_cases(
        ...     [{"case_id": "S1", "worker.id": "wang", "worker.relationship": "labour_service",
        ...       "worker.started": "2025-07-01", "worker.enrolled_student": "true",
        ...       "agreement.id": "A1", "agreement.signed_on": "2025-07-01",
        ...       "as_of": "2025-08-31"}],
        ...     charges=[{"case_id": "S1", "kind": "deposit", "ref": "3", "amount": "500"},
        ...              {"case_id": "S1", "kind": "per_item", "ref": "5", "amount": "30",
        ...               "trigger": "lost_or_damaged"}])
        >>> [type(c).__name__ for c in cases["S1"].agreement.charges]
        ['Deposit', 'PerItemCharge']
        >>> read_charge_cases(
        ...     [{"case_id": "S1", "worker.id": "wang", "worker.relationship": "part_time",
        ...       "worker.started": "2025-07-01", "agreement.id": "A1",
        ...       "agreement.signed_on": "2025-07-01", "as_of": "2025-08-31"}],
        ...     charges=[{"case_id": "S1", "kind": "deposit", "ref": "3", "amount": "500",
        ...               "trigger": "lost_or_damaged"}])
        Traceback (most recent call last):
        ...
        hrpolicy.tables.errors.TableError: charge_cases: cannot build from the data given:
        charges row 0, column 'trigger': expected an empty cell for the form 'deposit' (it
        has no such field), got str 'lost_or_damaged'
    """
    if policy is not None and not isinstance(policy, ChargePolicy):
        raise InvalidTypeError("policy", "a ChargePolicy", policy)
    result: dict[str, ChargeCase] = read_inputs(
        "charges",
        "charge_cases",
        {
            "cases": cases,
            "charges": charges,
            "incidents": incidents,
            "takings": takings,
            "pay_periods": pay_periods,
            "compensation_payments": compensation_payments,
        },
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
        arguments={"policy": policy},
    )
    return result


def read_expense_cases(
    cases: object,
    *,
    policy: ExpensePolicy,
    expenses: object = None,
    expense_sign_offs: object = None,
    visit_plans: object = None,
    advances: object = None,
    relationship_plans: object = None,
    plan_sign_offs: object = None,
    pay_months: object = None,
    columns: Mapping[str, str] | None = None,
    floats: str | None = None,
    unknown_columns: str = "refuse",
    held_claims: object = None,
    reimbursed_before: object = None,
) -> dict[str, ExpenseCase]:
    """Expense months (:class:`~hrpolicy.expenses.model.ExpenseCase`) from a spreadsheet
    of cases and its child tables, each keyed by ``case_id``, under one ``policy``.

    Args:
        cases: one row per salesperson's month: ``case_id`` (your name for the case),
            ``salesperson``, ``period.year``, ``period.month``, ``units_sold`` and
            ``base_target_met`` (empty cells: not stated).
        policy: the :class:`~hrpolicy.expenses.policy.ExpensePolicy` of every case.
        expenses (optional): ``case_id``, ``id``, ``category``, ``on``, ``amount``,
            ``quantity``, ``receipt``, ``plan_week``, ``relationship_plan``,
            ``description``.
        expense_sign_offs (optional): the sign-offs of an expense: ``case_id``,
            ``expense_id``, ``approver``, ``reference``, ``signed_on``.
        visit_plans (optional): ``case_id``, ``week``, ``budget``, ``approved_by``.
        advances (optional): ``case_id``, ``id``, ``on``, ``amount``, ``plan_week``,
            ``repaid``, ``accounted_before``.
        relationship_plans (optional): ``case_id``, ``id``, ``budget``,
            ``charged_before``, ``description``.
        plan_sign_offs (optional): the sign-offs of a relationship-building plan:
            ``case_id``, ``plan_id``, ``approver``, ``reference``, ``signed_on``.
        pay_months (optional): ``case_id``, ``period.year``, ``period.month``, ``wage``,
            ``minimum_wage``, ``already_deducted``.
        columns, floats, unknown_columns: as :func:`read_inputs` takes them.
        held_claims (optional): claims held for the target by an earlier statement:
            ``case_id``, ``expense``, ``category``, ``on``, ``held_in.year``,
            ``held_in.month``, ``amount``.
        reimbursed_before (optional): what earlier statements reimbursed against a
            monthly cap: ``case_id``, ``category``, ``month.year``, ``month.month``,
            ``amount``.

    Returns:
        The cases by ``case_id``, in row order.

    Raises:
        TableError: every problem found, with its table, row and column.
        InvalidTypeError: ``policy`` is not an :class:`~hrpolicy.expenses.policy.ExpensePolicy`.

    Example:
        >>> from hrpolicy.expenses.examples import at_cost_policy
        >>> cases = read_expense_cases(
        ...     [{"case_id": "M1", "salesperson": "wang", "period.year": 2026,
        ...       "period.month": 4}],
        ...     policy=at_cost_policy(),
        ...     expenses=[{"case_id": "M1", "id": "E1", "category": "lodging",
        ...                "on": "2026-04-08", "amount": "460", "quantity": 2}],
        ...     expense_sign_offs=[{"case_id": "M1", "expense_id": "E1",
        ...                         "approver": "branch_manager", "reference": "BM-1",
        ...                         "signed_on": "2026-04-10"}])
        >>> cases["M1"].settle().reimbursable
        Decimal('400.00')
        >>> read_expense_cases([{"case_id": "M1", "salesperson": "wang", "period.year": 2026,
        ...                      "period.month": 13}], policy=at_cost_policy())
        Traceback (most recent call last):
        ...
        hrpolicy.tables.errors.TableError: expense_cases: cannot build from the data given:
        cases row 0, column 'period.month': expected an int from 1 to 12, got int 13
    """
    if not isinstance(policy, ExpensePolicy):
        raise InvalidTypeError("policy", "an ExpensePolicy", policy)
    result: dict[str, ExpenseCase] = read_inputs(
        "expenses",
        "expense_cases",
        {
            "cases": cases,
            "expenses": expenses,
            "expense_sign_offs": expense_sign_offs,
            "visit_plans": visit_plans,
            "advances": advances,
            "relationship_plans": relationship_plans,
            "plan_sign_offs": plan_sign_offs,
            "pay_months": pay_months,
            "held_claims": held_claims,
            "reimbursed_before": reimbursed_before,
        },
        columns=columns,
        floats=floats,
        unknown_columns=unknown_columns,
        arguments={"policy": policy},
    )
    return result
