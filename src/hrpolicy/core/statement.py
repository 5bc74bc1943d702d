"""What every pay statement shares: lines with stable ids, what earlier runs paid on
them, and the findings — totals, lookups and flat records computed one way for all."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Generic, Protocol, TypeVar

from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Finding, Severity
from hrpolicy.core.money import money_sum

__all__ = ["LineLike", "StatementLines"]


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

    def to_record(self, locale: str = "en") -> dict[str, object]: ...


L = TypeVar("L", bound=LineLike)


class StatementLines(Generic[L]):
    """Mixed into a statement with ``lines``, ``findings``, ``employee`` and ``period``."""

    __slots__ = ()

    lines: Sequence[L]
    findings: Sequence[Finding]
    employee: str
    period: object

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
        """The line with ``line_id``."""
        for candidate in self.lines:
            if candidate.line_id == line_id:
                return candidate
        raise InvalidValueError(
            "line_id", f"one of {', '.join(x.line_id for x in self.lines)}", line_id
        )

    def violations(self) -> tuple[Finding, ...]:
        """The findings of severity ``VIOLATION``."""
        return tuple(f for f in self.findings if f.severity is Severity.VIOLATION)

    def to_records(self, locale: str = "en") -> list[dict[str, object]]:
        """One flat row per line (for ``pandas.DataFrame``), with employee and period."""
        return [
            {"employee": self.employee, "period": str(self.period), **line.to_record(locale)}
            for line in self.lines
        ]
