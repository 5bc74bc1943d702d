"""The error of tables that do not describe valid inputs: every problem, each with its
table, row and column.

>>> problem = TableProblem("deals", 3, None, "amount", "an amount in CNY", 1.5)
>>> str(problem)
"deals row 3, column 'amount': expected an amount in CNY, got float 1.5"
>>> error = TableError("deals", [problem])
>>> error.problems[0].row, isinstance(error, ValueError)
(3, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from hrpolicy.core.errors import ConversionError, describe

__all__ = ["TableError", "TableProblem"]


@attrs.frozen
class TableProblem:
    """One problem found in the tables: where (``table``, ``row`` position, ``label`` —
    a pandas frame's index label or ``None`` — and ``column``, ``None`` for a problem of
    the whole row or table), what was expected and what came (``actual``; ``has_actual``
    is false when nothing came; ``empty`` is true when an empty cell came: ``None``,
    ``NaN``, ``pd.NA``, ``NaT`` or blank text)."""

    table: str
    row: int | None
    label: object
    column: str | None
    expected: str
    actual: object = None
    has_actual: bool = True
    empty: bool = False

    def __str__(self) -> str:
        where = self.table
        if self.row is not None:
            where += f" row {self.row}"
            if self.label is not None:
                where += f" (index {self.label!r})"
        if self.column is not None:
            where += f", column {self.column!r}"
        if self.empty:
            got = ", got an empty cell"
        else:
            got = f", got {describe(self.actual)}" if self.has_actual else ""
        return f"{where}: expected {self.expected}{got}"


#: The most problems a message lists (all are in :attr:`TableError.problems`).
_LISTED: Final = 20


class TableError(ConversionError):
    """Tables that do not describe valid inputs; :attr:`problems` lists every problem
    found, each naming its table, row and column."""

    problems: tuple[TableProblem, ...]

    def __init__(self, target: str, problems: Sequence[TableProblem]) -> None:
        self.problems = tuple(problems)
        listed = [str(p) for p in self.problems[:_LISTED]]
        more = len(self.problems) - len(listed)
        if more:
            listed.append(f"… and {more} more problems (see .problems)")
        super().__init__(target, listed)
        self.errors = tuple(str(p) for p in self.problems)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.problems))
