"""What every pay statement shares: lines with stable ids, what earlier runs paid on
them, and the findings — totals, lookups and flat records computed one way for all."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Generic, Protocol, TypeVar, cast

import attrs

from hrpolicy.core.display import render_value
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Finding, Severity, Step, step_of
from hrpolicy.core.fields import Money, Text, checked, typed_fields
from hrpolicy.core.label import Label, label
from hrpolicy.core.money import ZERO, money_sum, round_money

__all__ = [
    "LineLike",
    "PaidLine",
    "PaidMixin",
    "StatementLines",
    "apply_paid",
    "steps_in_one_line",
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

    def to_record(self, locale: str = "en") -> dict[str, object]: ...


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


def steps_in_one_line(steps: Sequence[Step], locale: str = "en") -> str:
    """A line's steps as one text cell for a flat record: ``name=value; … → output`` per
    step, steps separated by `` | ``."""
    return " | ".join(
        "; ".join(f"{name}={render_value(value, locale)}" for name, value in step.inputs)
        + f" → {render_value(step.output, locale)}"
        for step in steps
    )


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

    def to_records(self, locale: str = "en") -> list[dict[str, object]]:
        """One flat row per line (for ``pandas.DataFrame``), with employee and period."""
        return [
            {"employee": self.employee, "period": str(self.period), **line.to_record(locale)}
            for line in self.lines
        ]
