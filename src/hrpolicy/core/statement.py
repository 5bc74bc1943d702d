"""What every pay statement shares: lines with stable ids, what earlier runs paid on
them, and the findings — totals, lookups and tables computed one way for all.

A statement's tables start with the same key columns (:data:`STATEMENT_KEYS`: employee,
period, its first and last day); its ``lines`` table has one row per line
(:meth:`StatementLines.lines_table`), and its steps can say which line each belongs to
(:func:`key_steps`). A result that holds its inputs is read back from plain data by
recomputing it (:func:`register_recomputed`): a stored figure that differs from the
recomputation is refused, naming where it differs."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Generic, Protocol, TypeVar, cast

import attrs
import cattrs

from hrpolicy.core.convert import converter, write_in_full
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Finding, Severity, Step, step_of
from hrpolicy.core.fields import Money, Text, checked, typed_fields
from hrpolicy.core.label import Label, label
from hrpolicy.core.money import ZERO, money_sum, round_money
from hrpolicy.core.period import Period
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema

__all__ = [
    "EMPLOYEE",
    "LINE_ID",
    "STATEMENT_KEYS",
    "LineLike",
    "PaidLine",
    "PaidMixin",
    "StatementLines",
    "apply_paid",
    "first_difference",
    "insert_step_input",
    "key_steps",
    "period_cells",
    "register_recomputed",
]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PaidLine:
    """What an earlier run of the same period already paid on the line ``line_id``."""

    line_id: Text
    amount: Money


class LineLike(Protocol):
    """A statement line: a stable id, an amount and what an earlier run paid on it."""

    @property
    def line_id(self) -> str: ...

    @property
    def amount(self) -> Decimal: ...

    @property
    def already_paid(self) -> Decimal: ...

    @property
    def due(self) -> Decimal: ...


L = TypeVar("L", bound=LineLike)

# Lines are attrs classes, which a protocol cannot say: evolve them untyped.
_evolve: Callable[..., Any] = attrs.evolve


class PaidMixin:
    """Mixed into a line with ``amount`` and ``already_paid``: what is still due."""

    __slots__ = ()

    amount: Decimal
    already_paid: Decimal

    @property
    def due(self) -> Decimal:
        """``amount − already_paid`` (negative: paid too much)."""
        return money_sum((self.amount, -self.already_paid))


_WITHDRAWN_STEP: Final = Label("此前已发、本次不再产生的行", "paid before, no longer arising")


def apply_paid(
    lines: Sequence[L],
    paid: Mapping[str, Decimal],
    withdrawn: Callable[[str, Decimal, Label, Step], L],
) -> list[L]:
    """The lines with what an earlier run paid on each (``paid``, by line id) set as
    ``already_paid``, followed by a withdrawn line of 0 for every paid line that no longer
    arises — so its payment is recovered rather than forgotten. The engine builds that
    line with ``withdrawn(line_id, amount, label, step)``; the label and the step that
    explains it are the same for every engine."""
    left = dict(paid)
    result = [
        cast(L, _evolve(line, already_paid=round_money(left.pop(line.line_id))))
        if line.line_id in left
        else line
        for line in lines
    ]
    for line_id, amount in left.items():
        paid_before = round_money(amount)
        step = step_of(
            "paid.withdrawn",
            _WITHDRAWN_STEP,
            {"line_id": line_id, "already_paid": paid_before},
            ZERO,
        )
        text = label(f"已撤销：{line_id}", f"withdrawn: {line_id}")
        result.append(withdrawn(line_id, paid_before, text, step))
    return result


class StatementLines(Generic[L]):
    """Mixed into a statement with ``lines``, ``findings``, ``employee`` and ``period``."""

    __slots__ = ()

    lines: Sequence[L]
    findings: Sequence[Finding]
    employee: str
    period: Period

    @property
    def total(self) -> Decimal:
        """The sum of the lines: what this statement pays."""
        return money_sum(line.amount for line in self.lines)

    @property
    def already_paid(self) -> Decimal:
        """What earlier runs of the same period paid on these lines."""
        return money_sum(line.already_paid for line in self.lines)

    @property
    def due(self) -> Decimal:
        """What is left to pay: ``total − already_paid`` (negative: paid too much)."""
        return money_sum(line.due for line in self.lines)

    def line(self, line_id: str) -> L:
        """The line with ``line_id``; a line the statement does not have is an
        :class:`~hrpolicy.core.errors.InvalidValueError` listing the ids it has (use
        :meth:`find_line` to ask for a line that may be absent)."""
        found = self.find_line(line_id)
        if found is None:
            raise InvalidValueError(
                "line_id", f"one of {', '.join(x.line_id for x in self.lines)}", line_id
            )
        return found

    def find_line(self, line_id: str) -> L | None:
        """The line with ``line_id``, or ``None`` when the statement has no such line (a
        month without a release on an invoice, a reserve nothing was withheld for)."""
        if not isinstance(line_id, str):
            raise InvalidTypeError("line_id", "a str", line_id)
        for candidate in self.lines:
            if candidate.line_id == line_id:
                return candidate
        return None

    def violations(self) -> tuple[Finding, ...]:
        """The findings of severity ``VIOLATION``."""
        return tuple(f for f in self.findings if f.severity is Severity.VIOLATION)

    @property
    def key_values(self) -> tuple[object, ...]:
        """The cells of :data:`STATEMENT_KEYS` for this statement: employee, period, first
        and last day."""
        return (self.employee, *period_cells(self.period))

    def lines_table(
        self, schema: TableSchema, cells: Callable[[int, L], Sequence[object]]
    ) -> Table:
        """The ``lines`` table laid out by ``schema`` (the :data:`STATEMENT_KEYS` first):
        one row per line, in order, the statement's key values then ``cells(number,
        line)`` (``number`` the line's place, from 1)."""
        head = self.key_values
        rows = [(*head, *cells(number, line)) for number, line in enumerate(self.lines, 1)]
        return Table.build(schema, rows)

    def step_lines(self, steps: Sequence[Step]) -> tuple[str | None, ...]:
        """For each of ``steps`` (the statement's explanation, in order), the id of the
        line it explains, or ``None`` for a step of the statement itself. The lines'
        steps are found in order, as the engine took them."""
        owned = [(line.line_id, step) for line in self.lines for step in _steps_of(line)]
        result: list[str | None] = []
        position = 0
        for step in steps:
            if position < len(owned) and owned[position][1] == step:
                result.append(owned[position][0])
                position += 1
            else:
                result.append(None)
        return tuple(result)


def _steps_of(line: object) -> tuple[Step, ...]:
    steps = getattr(line, "steps", ())
    return tuple(steps)


#: The employee a statement's row is about.
EMPLOYEE: Final = Column("employee", ColumnType.TEXT, "the employee")
#: The line a row is about (``None``: the statement itself).
LINE_ID: Final = Column("line_id", ColumnType.TEXT, "the line's stable id")
#: The key columns every table of a statement starts with.
STATEMENT_KEYS: Final = (
    EMPLOYEE,
    Column(
        "period",
        ColumnType.TEXT,
        "the period: 2024-03 for a month, 2024-Q1 for a quarter, 2025-spring for a season, "
        "2024 for a year",
    ),
    Column("period_start", ColumnType.DATE, "the period's first day"),
    Column("period_end", ColumnType.DATE, "the period's last day"),
)


def period_cells(period: Period) -> tuple[str, object, object]:
    """The ``period``, ``period_start`` and ``period_end`` cells of ``period``."""
    return (str(period), period.first_day, period.last_day)


def key_steps(
    tables: Mapping[str, Table], at: int, column: Column, cells: Sequence[object]
) -> Mapping[str, Table]:
    """The explanation ``tables`` with ``column`` inserted at position ``at`` of the
    ``steps`` and ``step_inputs`` tables: the row of step ``n`` (the ``step`` column, just
    after the keys) gets ``cells[n - 1]``; the other tables are unchanged."""
    result = dict(tables)
    for name in ("steps", "step_inputs"):
        table = tables[name]
        columns = table.schema.columns
        schema = TableSchema(
            table.schema.name, (*columns[:at], column, *columns[at:]), table.schema.doc
        )
        number = table.schema.names.index("step")
        rows = [(*row[:at], cells[cast(int, row[number]) - 1], *row[at:]) for row in table.rows]
        result[name] = Table.build(schema, rows)
    return result


def first_difference(stored: object, fresh: object, path: str = "") -> tuple[str, object, object]:
    """Where ``stored`` first differs from ``fresh``: the path (``lines[0].amount``), the
    stored value and the fresh one. Attrs objects of one class are compared field by
    field, tuples of one length item by item."""
    if type(stored) is type(fresh) and attrs.has(type(stored)):
        for field in attrs.fields(cast(Any, type(stored))):
            if not field.eq:
                continue
            mine, theirs = getattr(stored, field.name), getattr(fresh, field.name)
            if mine != theirs:
                where = f"{path}.{field.name}" if path else field.name
                return first_difference(mine, theirs, where)
    if isinstance(stored, tuple) and isinstance(fresh, tuple) and len(stored) == len(fresh):
        for index, (mine, theirs) in enumerate(zip(stored, fresh, strict=True)):
            if mine != theirs:
                return first_difference(mine, theirs, f"{path}[{index}]")
    return (path, stored, fresh)


_R = TypeVar("_R")


def insert_step_input(
    data: Any,
    matches: Callable[[Mapping[str, Any]], bool],
    after: str,
    name: str,
    value: Any,
) -> Any:
    """A copy of plain data (as :func:`~hrpolicy.core.convert.to_dict` writes it) with the
    input ``(name, value)`` placed right after the input ``after`` in every step that
    ``matches``, has ``after`` and lacks ``name`` — for the reader of an older format
    whose steps did not yet name an input the engine now records (a reading's default,
    say). Steps are found at any depth; nothing else changes.

    Args:
        data: the document, or any part of one.
        matches: whether a step (its mapping: ``rule``, ``inputs``, ...) takes the input.
        after: the input the new one follows.
        name: the new input's name.
        value: its value, as plain data.

    Returns:
        The upgraded copy (``data`` itself is left as it is).

    >>> step = {"rule": "r.a", "label": {}, "inputs": [["x", 1], ["z", 2]], "output": 3}
    >>> insert_step_input({"steps": [step]}, lambda s: True, "x", "y", "new")["steps"][0]["inputs"]
    [['x', 1], ['y', 'new'], ['z', 2]]
    """
    if isinstance(data, list):
        return [insert_step_input(item, matches, after, name, value) for item in data]
    if not isinstance(data, Mapping):
        return data
    body = {k: insert_step_input(v, matches, after, name, value) for k, v in data.items()}
    inputs = body.get("inputs")
    if isinstance(body.get("rule"), str) and isinstance(inputs, list) and matches(body):
        names = [pair[0] if isinstance(pair, list) and pair else None for pair in inputs]
        if after in names and name not in names:
            at = names.index(after) + 1
            body["inputs"] = [*inputs[:at], [name, value], *inputs[at:]]
    return body


def register_recomputed(cls: type[_R], recompute: Callable[[_R], _R], what: str) -> None:
    """Read ``cls`` from plain data by recomputing it: the stored object is built, then
    ``recompute(stored)`` computes it afresh from the inputs it holds; a stored figure that
    differs is an :class:`~hrpolicy.core.errors.InvalidValueError` naming the first place
    it differs (``lines[0].amount``), which :func:`~hrpolicy.core.convert.from_dict`
    reports as a :class:`~hrpolicy.core.errors.ConversionError`. ``what`` names the
    inputs recomputed from (``"the stored plan, period, deals and inputs"``)."""
    stored_of = cattrs.gen.make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def structure(value: Any, _: Any) -> _R:
        stored = stored_of(value, cls)
        fresh = recompute(stored)
        if fresh != stored:
            path, mine, theirs = first_difference(stored, fresh)
            raise InvalidValueError(
                path or cls.__name__,
                f"{_short(theirs)}, as recomputed from {what} (the data was edited, or "
                "computed under other rules)",
                mine,
            )
        return fresh

    converter.register_structure_hook(cls, structure)


def _short(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 80 else text[:77] + "..."


# Parts of results: written with every field, null where missing.
write_in_full(PaidLine)
