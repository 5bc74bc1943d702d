"""Results as tidy, typed tables: one table per concept, one type per column.

Every result of the library can be read as a set of named :class:`Table` s — its totals,
its lines, its steps, the steps' inputs, its findings and the findings' parameters — each
with a stated :class:`TableSchema`. A schema names every column and its
:class:`ColumnType`; a table checks every cell against it when it is built, so a column
holds one type only:

- ``money`` — a ``Decimal`` with at most two places (one fen);
- ``decimal`` — any other exact number, a ``Decimal`` below 10^18 with at most 18 places;
- ``int``, ``bool``, ``date``, ``text`` — exactly that Python type;
- every column may hold ``None``: "missing" or "does not apply", never a placeholder text.

No ``Fraction`` appears in any table. An exact rational is shown by one rule, used by
records, JSON and the command line alike (:func:`exact_text`): its exact decimal when it has
one (``0.75``), otherwise ``numerator/denominator`` in lowest terms (``5500/3``) — text
that :class:`fractions.Fraction` reads back exactly.

Step inputs and finding parameters vary in kind from one row to the next, so they are
*long* tables of name and value with one typed value column per kind
(:data:`VALUE_COLUMNS`): ``value_kind`` says which kind the row holds (``decimal``,
``ratio``, ``rate``, ``int``, ``bool``, ``date``, ``text``, ``label`` or ``none``) and only
the matching column is filled — a ratio's exact decimal goes in ``value_decimal`` when it
has one of at most 18 places, its text (:func:`exact_text`) in ``value_text``; a rate's
value goes in ``value_decimal`` and its notation (``5‰``) in ``value_text``.

>>> from decimal import Context, Decimal
>>> from fractions import Fraction
>>> encode_value(Fraction(5500, 3))
('ratio', None, None, None, None, '5500/3')
>>> encode_value(Decimal("860.00"))
('decimal', Decimal('860.00'), None, None, None, None)
>>> table = Table.build(
...     TableSchema("pay", (Column("employee", ColumnType.TEXT), Column("due", ColumnType.MONEY))),
...     [("li", Decimal("3106.67"))],
... )
>>> table.to_records()
[{'employee': 'li', 'due': Decimal('3106.67')}]
>>> Table.build(table.schema, [("li", 3106.67)])
Traceback (most recent call last):
...
hrpolicy.core.errors.InvalidTypeError: pay[0].due: expected money (...) or None, got float 3106.67
"""

from __future__ import annotations

import abc
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Explanation, StepValue
from hrpolicy.core.label import Label
from hrpolicy.core.money import EXACT, Rate

__all__ = [
    "FINDINGS",
    "FINDING_PARAMS",
    "STEPS",
    "STEP_INPUTS",
    "VALUE_COLUMNS",
    "Column",
    "ColumnType",
    "LazyTables",
    "Table",
    "TableSchema",
    "Tabular",
    "ValueKind",
    "encode_value",
    "exact_columns",
    "exact_text",
    "explanation_tables",
    "lazy_group",
    "merge_tables",
    "tables_of",
]


class ColumnType(Choice):
    """The one type every cell of a column has (or ``None``)."""

    MONEY = "money"
    DECIMAL = "decimal"
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    TEXT = "text"


class ValueKind(Choice):
    """Which kind of value a row of a long table (step inputs, finding parameters) holds."""

    DECIMAL = "decimal"
    RATIO = "ratio"
    RATE = "rate"
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    TEXT = "text"
    LABEL = "label"
    NONE = "none"


@attrs.frozen
class Column:
    """One column of a table: its ``name``, its :class:`ColumnType` and what it holds."""

    name: str
    type: ColumnType
    doc: str = ""


@attrs.frozen
class TableSchema:
    """The layout of one table: its ``name``, its columns in order and what a row is."""

    name: str
    columns: tuple[Column, ...]
    doc: str = ""

    def __attrs_post_init__(self) -> None:
        names = [column.name for column in self.columns]
        for index, name in enumerate(names):
            if name in names[:index]:
                raise InvalidValueError(f"{self.name}.columns[{index}]", "a unique name", name)

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(column.name for column in self.columns)

    def keyed(self, keys: Sequence[Column]) -> TableSchema:
        """This layout with ``keys`` as its first columns (who or what each row is about)."""
        return TableSchema(self.name, (*keys, *self.columns), self.doc)


_MONEY_PLACES: Final = 2
_DECIMAL_PLACES: Final = 18
_DECIMAL_LIMIT: Final = Decimal("1e18")
_EXPECTED: Final = {
    ColumnType.MONEY: "money (a Decimal of at most 2 places)",
    ColumnType.DECIMAL: "a Decimal below 10^18 with at most 18 places",
    ColumnType.INT: "an int",
    ColumnType.BOOL: "True or False",
    ColumnType.DATE: "a datetime.date",
    ColumnType.TEXT: "a str",
}


_WIDE: Final = Context(prec=120)


def _places_ok(value: Decimal, places: int) -> bool:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    if exponent >= -places:
        return True
    if value.adjusted() > 80:
        return False
    return value == value.quantize(Decimal(1).scaleb(-places), context=_WIDE)


def _cell_ok(kind: ColumnType, value: object) -> bool:
    if value is None:
        return True
    if kind is ColumnType.MONEY:
        return isinstance(value, Decimal) and value.is_finite() and _places_ok(value, 2)
    if kind is ColumnType.DECIMAL:
        return (
            isinstance(value, Decimal)
            and value.is_finite()
            and value.copy_abs() < _DECIMAL_LIMIT
            and _places_ok(value, _DECIMAL_PLACES)
        )
    if kind is ColumnType.INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is ColumnType.BOOL:
        return isinstance(value, bool)
    if kind is ColumnType.DATE:
        return isinstance(value, date) and not isinstance(value, datetime)
    return isinstance(value, str)


@attrs.frozen
class Table:
    """Rows under a :class:`TableSchema`; every cell was checked against its column.

    Build one with :meth:`build`; read it with :meth:`to_records` (dicts, for
    ``pandas.DataFrame``), :meth:`column` or iteration over :attr:`rows`. The frame
    libraries build from :attr:`schema`, never by inference (see :mod:`hrpolicy.tables`).
    """

    schema: TableSchema
    rows: tuple[tuple[object, ...], ...] = ()

    @classmethod
    def build(cls, schema: TableSchema, rows: Iterable[Sequence[object]]) -> Table:
        """The table of ``rows`` (each a sequence in the schema's column order), every cell
        checked: a cell of another type is an
        :class:`~hrpolicy.core.errors.InvalidTypeError` naming the table, row and column."""
        columns = schema.columns
        checked: list[tuple[object, ...]] = []
        for number, row in enumerate(rows):
            cells = tuple(row)
            if len(cells) != len(columns):
                raise InvalidValueError(
                    f"{schema.name}[{number}]",
                    f"{len(columns)} cells ({', '.join(schema.names)})",
                    cells,
                )
            for column, value in zip(columns, cells, strict=True):
                if not _cell_ok(column.type, value):
                    raise InvalidTypeError(
                        f"{schema.name}[{number}].{column.name}",
                        f"{_EXPECTED[column.type]} or None",
                        value,
                    )
            checked.append(cells)
        return cls(schema, tuple(checked))

    @classmethod
    def concat(cls, schema: TableSchema, tables: Iterable[Table]) -> Table:
        """One table of the rows of ``tables``, in order; each must have ``schema``."""
        rows: list[tuple[object, ...]] = []
        for index, table in enumerate(tables):
            if table.schema != schema:
                raise InvalidValueError(
                    f"tables[{index}]", f"a table laid out as {schema.name}", table.schema.name
                )
            rows.extend(table.rows)
        return cls(schema, tuple(rows))

    def keyed(self, keys: Sequence[Column], values: Sequence[object]) -> Table:
        """This table with ``keys`` as first columns, every row holding ``values``."""
        return Table.build(self.schema.keyed(keys), [(*values, *row) for row in self.rows])

    @property
    def name(self) -> str:
        """The schema's name."""
        return self.schema.name

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> tuple[object, ...]:
        """The cells of column ``name``, in row order."""
        names = self.schema.names
        if name not in names:
            raise InvalidValueError("column", f"one of {', '.join(names)}", name)
        index = names.index(name)
        return tuple(row[index] for row in self.rows)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row, keyed by column name."""
        names = self.schema.names
        return [dict(zip(names, row, strict=True)) for row in self.rows]


def exact_text(value: Fraction | Decimal | int) -> str:
    """An exact rational as text, by the library's one rule: its exact decimal when it
    has one, otherwise ``numerator/denominator`` in lowest terms.

    >>> exact_text(Fraction(3, 4)), exact_text(Fraction(11000, 6)), exact_text(Fraction(-4, 2))
    ('0.75', '5500/3', '-2')
    >>> Fraction(exact_text(Fraction(11000, 6))) == Fraction(11000, 6)
    True
    """
    q = Fraction(value)
    decimal = _terminating(q)
    if decimal is None:
        return f"{q.numerator}/{q.denominator}"
    text = format(decimal, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact_columns(
    name: str, doc: str, example: str = "'0.75' or '5500/3'"
) -> tuple[Column, Column]:
    """The two columns an exact rational is written in: ``name``, rounded half up to 0.01
    as shown, and ``name_exact``, its :func:`exact_text`.

    >>> [(c.name, c.type.value) for c in exact_columns("points", "the points it scored")]
    [('points', 'decimal'), ('points_exact', 'text')]
    """
    return (
        Column(name, ColumnType.DECIMAL, f"{doc}, rounded half up to 0.01 (as shown)"),
        Column(f"{name}_exact", ColumnType.TEXT, f"{doc}, exactly ({example})"),
    )


def _terminating(q: Fraction) -> Decimal | None:
    denominator = q.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return None
    return EXACT.divide(Decimal(q.numerator), Decimal(q.denominator))


#: The typed value columns of a long table, after ``value_kind``.
VALUE_COLUMNS: Final = (
    Column("value_kind", ColumnType.TEXT, "which kind the value is (a ValueKind)"),
    Column("value_decimal", ColumnType.DECIMAL, "a number; a rate's value; a ratio's decimal"),
    Column("value_int", ColumnType.INT, "a count"),
    Column("value_bool", ColumnType.BOOL, "a yes or no"),
    Column("value_date", ColumnType.DATE, "a date"),
    Column("value_text", ColumnType.TEXT, "text; a label; a rate's notation; a ratio exactly"),
)

EncodedValue = tuple[str, Decimal | None, int | None, bool | None, date | None, str | None]


def encode_value(value: StepValue, locale: str = "en") -> EncodedValue:
    """``value`` spread over the :data:`VALUE_COLUMNS` (kind first, then one typed cell).

    >>> from hrpolicy.core.money import Rate
    >>> encode_value(Rate.parse("5‰", field="rate"))
    ('rate', Decimal('0.005'), None, None, None, '5‰')
    >>> encode_value(Label("应付", "owed"), "zh_CN")
    ('label', None, None, None, None, '应付')
    """
    if value is None:
        return ("none", None, None, None, None, None)
    if isinstance(value, bool):
        return ("bool", None, None, value, None, None)
    if isinstance(value, int):
        return ("int", None, value, None, None, None)
    if isinstance(value, Decimal):
        return ("decimal", value, None, None, None, None)
    if isinstance(value, Fraction):
        decimal = _terminating(value)
        fits = decimal is not None and _cell_ok(ColumnType.DECIMAL, decimal)
        return ("ratio", decimal if fits else None, None, None, None, exact_text(value))
    if isinstance(value, Rate):
        return ("rate", value.value, None, None, None, value.notation)
    if isinstance(value, Label):
        return ("label", None, None, None, None, value.in_locale(locale))
    if isinstance(value, date):
        return ("date", None, None, None, value, None)
    return ("text", None, None, None, None, str(value))


def _prefixed(prefix: str) -> tuple[Column, ...]:
    return tuple(
        Column(column.name.replace("value", prefix, 1), column.type, column.doc)
        for column in VALUE_COLUMNS
    )


_ORDER: Final = Column("step", ColumnType.INT, "the step's place in the explanation (from 1)")
_RULE: Final = Column("rule", ColumnType.TEXT, "the rule's id")
_CITATION: Final = Column("citation", ColumnType.TEXT, "the articles cited, in the locale")
_FINDING: Final = Column("finding", ColumnType.INT, "the finding's place (from 1)")
_CODE: Final = Column("code", ColumnType.TEXT, "the finding's stable code")
_NAME: Final = Column("name", ColumnType.TEXT, "the input's or parameter's name")

#: One row per step: which rule, what it is, what it cites and its output.
STEPS: Final = TableSchema(
    "steps",
    (
        _ORDER,
        _RULE,
        Column("label", ColumnType.TEXT, "what the step computes, in the locale"),
        _CITATION,
        *_prefixed("output"),
    ),
    "one row per rule applied, in order",
)
#: One row per input of a step (long: name and typed value).
STEP_INPUTS: Final = TableSchema(
    "step_inputs", (_ORDER, _RULE, _NAME, *VALUE_COLUMNS), "one row per input of each step"
)
#: One row per finding: code, severity, what it is about, its message and citations.
FINDINGS: Final = TableSchema(
    "findings",
    (
        _FINDING,
        _CODE,
        Column("severity", ColumnType.TEXT, "info, warning or violation"),
        Column("subject", ColumnType.TEXT, "the line, clause or invoice it is about"),
        Column("message", ColumnType.TEXT, "the message in the locale"),
        _CITATION,
    ),
    "one row per finding, in order",
)
#: One row per parameter of a finding (long: name and typed value).
FINDING_PARAMS: Final = TableSchema(
    "finding_params",
    (_FINDING, _CODE, _NAME, *VALUE_COLUMNS),
    "one row per parameter of each finding: the values its message uses",
)


def explanation_tables(
    explanation: Explanation,
    *,
    keys: Sequence[Column] = (),
    values: Sequence[object] = (),
    locale: str = "en",
) -> Mapping[str, Table]:
    """The four explanation tables (``steps``, ``step_inputs``, ``findings``,
    ``finding_params``) of ``explanation``, each row starting with ``values`` under the
    ``keys`` columns (who or what the explanation is about)."""
    head = tuple(values)
    steps: list[tuple[object, ...]] = []
    inputs: list[tuple[object, ...]] = []
    findings: list[tuple[object, ...]] = []
    params: list[tuple[object, ...]] = []
    for number, step in enumerate(explanation.steps, 1):
        cite = "; ".join(c.cite(locale) for c in step.citations) or None
        label = step.label.in_locale(locale)
        steps.append((*head, number, step.rule, label, cite, *encode_value(step.output, locale)))
        inputs.extend(
            (*head, number, step.rule, name, *encode_value(value, locale))
            for name, value in step.inputs
        )
    for number, finding in enumerate(explanation.findings, 1):
        cite = "; ".join(c.cite(locale) for c in finding.citations) or None
        findings.append(
            (
                *head,
                number,
                finding.code,
                finding.severity.value,
                finding.subject or None,
                finding.message(locale),
                cite,
            )
        )
        params.extend(
            (*head, number, finding.code, name, *encode_value(value, locale))
            for name, value in finding.params
        )
    return {
        "steps": Table.build(STEPS.keyed(keys), steps),
        "step_inputs": Table.build(STEP_INPUTS.keyed(keys), inputs),
        "findings": Table.build(FINDINGS.keyed(keys), findings),
        "finding_params": Table.build(FINDING_PARAMS.keyed(keys), params),
    }


#: Locale names a caller may pass where a table name goes (``to_records("zh_CN")``).
_LOCALES: Final = frozenset({"en", "zh_CN", "zh", "en_US", "zh_Hans_CN"})


class Tabular(abc.ABC):
    """Mixed into anything that reads as tables: given :meth:`tables`, it provides
    :meth:`table` and :meth:`to_records` (every result, and the fast path's runs)."""

    __slots__ = ()

    @abc.abstractmethod
    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """Every table, by name, in a stated order."""

    def table(self, name: str, locale: str = "en") -> Table:
        """The table ``name`` (one of :meth:`tables`); another name is an
        :class:`~hrpolicy.core.errors.InvalidValueError` listing the names."""
        tables = self.tables(locale)
        if name not in tables:
            hint = " (the locale is a keyword: locale=...)" if name in _LOCALES else ""
            raise InvalidValueError("table", f"one of {', '.join(tables)}{hint}", name)
        return tables[name]

    def to_records(self, table: str | None = None, *, locale: str = "en") -> list[dict[str, Any]]:
        """The rows of one table as dicts (for ``pandas.DataFrame``): ``table``, or the
        first table (the totals or lines) when none is named."""
        if table is None:
            return next(iter(self.tables(locale).values())).to_records()
        return self.table(table, locale).to_records()


class LazyTables(Mapping[str, Table]):
    """A result's tables by name, in order, each built the first time it is read: asking
    for a statement's ``totals`` does not build the steps of every line.

    >>> pay = TableSchema("pay", (Column("due", ColumnType.MONEY),))
    >>> built: list[str] = []
    >>> def build() -> Table:
    ...     built.append("pay")
    ...     return Table.build(pay, [(Decimal("1.00"),)])
    >>> tables = LazyTables({"pay": build})
    >>> list(tables), built
    (['pay'], [])
    >>> len(tables["pay"]), len(tables["pay"]), built
    (1, 1, ['pay'])
    """

    __slots__ = ("_builders", "_built")

    def __init__(self, builders: Mapping[str, Callable[[], Table]]) -> None:
        self._builders = dict(builders)
        self._built: dict[str, Table] = {}

    def __getitem__(self, name: str) -> Table:
        if name not in self._built:
            if name not in self._builders:
                raise KeyError(name)
            self._built[name] = self._builders[name]()
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __contains__(self, name: object) -> bool:
        return name in self._builders

    def __len__(self) -> int:
        return len(self._builders)

    def __repr__(self) -> str:
        return f"LazyTables({', '.join(self._builders)})"


def _given(table: Table) -> Table:
    return table


def tables_of(*parts: Mapping[str, Table | Callable[[], Table]]) -> LazyTables:
    """The tables of ``parts``, in order, as :class:`LazyTables`: a part's entry may be a
    table, or a builder called when the table is first read; a lazy part's tables stay
    unbuilt. A later part's table of a name already given replaces it in its place."""
    builders: dict[str, Callable[[], Table]] = {}
    for part in parts:
        for name in part:
            if isinstance(part, LazyTables):
                builders[name] = functools.partial(part.__getitem__, name)
                continue
            entry = part[name]
            builders[name] = functools.partial(_given, entry) if isinstance(entry, Table) else entry
    return LazyTables(builders)


def lazy_group(
    build: Callable[[], Mapping[str, Table]], names: Iterable[str]
) -> dict[str, Callable[[], Table]]:
    """Builders for ``names`` that share one call of ``build`` (tables computed together,
    such as the four explanation tables), made the first time any of them is read."""
    made: list[Mapping[str, Table]] = []

    def one(name: str) -> Table:
        if not made:
            made.append(build())
        return made[0][name]

    return {name: functools.partial(one, name) for name in names}


def merge_tables(parts: Iterable[Mapping[str, Table]]) -> LazyTables:
    """Tables of the same names and layouts stacked, name by name, in order; each stacked
    table is built when it is read, from only that table of each part."""
    pieces = list(parts)
    names: dict[str, None] = {}
    for part in pieces:
        names.update(dict.fromkeys(part))

    def stack(name: str) -> Table:
        tables = [part[name] for part in pieces if name in part]
        return Table.concat(tables[0].schema, tables)

    return LazyTables({name: functools.partial(stack, name) for name in names})
