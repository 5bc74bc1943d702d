"""What the commission engine returns: statements, team runs and what-if comparisons —
immutable snapshots that explain every line."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from hrpolicy.commission.model import Carry, Deal, Period, PersonInputs
from hrpolicy.commission.plan import Plan
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import to_dict
from hrpolicy.core.display import Amount, Change, Displayable, SummaryValue, View
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Explanation, Finding, Label, Step
from hrpolicy.core.fields import Money, Text, checked, typed_fields
from hrpolicy.core.money import money_sum
from hrpolicy.core.statement import PaidMixin, StatementLines, steps_in_one_line

__all__ = ["Comparison", "ComparisonRow", "Line", "LineKind", "Statement", "TeamStatement"]


class LineKind(Choice):
    """What a statement line is."""

    PAY = "pay"  # fixed pay, task base, a profit-pool share: one line per component
    DEAL = "deal"  # a deal's commission or over-list share
    TRUE_UP = "true_up"  # year-to-date earned − already paid
    CARRIED_IN = "carried_in"  # excess or top-up carried from the previous statement
    CAP = "cap"  # amount above the cap held back
    FLOOR = "floor"  # top-up to the floor
    DEDUCTION = "deduction"  # expense overspend deducted from a bonus
    DRAW = "draw"  # draw top-up (positive) or draw recovery (negative)
    WITHDRAWN = "withdrawn"  # paid by an earlier run, no longer arising: amount 0


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Line(PaidMixin):
    """One line of a statement. ``line_id`` is stable: the same inputs give the same ids
    (``component/deal``, ``component#true-up``, ``component#cap``…), so a salesperson can
    dispute one line and a later run can be matched against it. ``already_paid`` is what
    earlier runs of the same period paid on the line (an input) and :attr:`due` what is
    left to pay (negative: to be recovered). ``variable`` marks
    commission and bonus pay (the part averaged for severance under Regs Art. 27)."""

    line_id: Text
    component: Text
    kind: LineKind
    amount: Money
    label: Label
    clause: str
    variable: bool
    steps: tuple[Step, ...]
    deal_id: str | None = None
    already_paid: Money = Decimal("0.00")

    def to_record(self, locale: str = "en") -> dict[str, object]:
        """A flat row: ids, amount, what it is and how it was computed."""
        return {
            "line_id": self.line_id,
            "component": self.component,
            "kind": self.kind.value,
            "deal_id": self.deal_id,
            "amount": self.amount,
            "already_paid": self.already_paid,
            "due": self.due,
            "label": self.label.in_locale(locale),
            "clause": self.clause,
            "variable": self.variable,
            "explanation": steps_in_one_line(self.steps, locale),
        }


_TITLE: Final = Label("提成结算单", "Commission statement")
_TOTAL: Final = Label("应发合计", "total pay")
_VARIABLE: Final = Label("其中提成与奖金", "of which commission and bonus")
_EMPLOYEE: Final = Label("员工", "employee")
_PERIOD: Final = Label("期间", "period")
_PLAN: Final = Label("方案", "plan")
_PAID: Final = Label("此前已发", "already paid")
_DUE: Final = Label("本次应补发", "due now")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Statement(StatementLines[Line], Displayable):
    """One person's statement for one period.

    It holds the inputs it was computed from (plan, period, deals, person inputs), the
    lines, the statement-level steps (version resolution) and checks (minimum wage), the
    findings, and
    ``carry_out`` — the carries to pass to the next period's statement. Recomputing from
    the same inputs gives an equal statement; :meth:`to_dict` and ``statement_from_dict``
    round-trip it and check the stored lines against a recomputation.
    """

    plan: Plan
    period: Period
    employee: Text
    deals: tuple[Deal, ...]
    inputs: PersonInputs
    lines: tuple[Line, ...]
    steps: tuple[Step, ...]
    checks: tuple[Step, ...]
    findings: tuple[Finding, ...]
    carry_out: tuple[Carry, ...]

    @property
    def variable_pay(self) -> Decimal:
        """Commission and bonus lines only (for a 12-month average, Regs Art. 27)."""
        return money_sum(line.amount for line in self.lines if line.variable)

    def component_total(self, component: str) -> Decimal:
        """The sum of one component's lines."""
        return money_sum(line.amount for line in self.lines if line.component == component)

    def carry(self, component: str) -> Carry | None:
        """The carry out for ``component``, if any."""
        for carry in self.carry_out:
            if carry.component == component:
                return carry
        return None

    @property
    def explanation(self) -> Explanation:
        """Statement steps, each line's steps in line order, the checks (minimum wage),
        then the findings."""
        line_steps = tuple(step for line in self.lines for step in line.steps)
        return Explanation(self.steps + line_steps + self.checks, self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the inputs, and each line's id and amount (as text).
        :func:`~hrpolicy.commission.statement_from_dict` reads it back."""
        return {
            "plan": to_dict(self.plan),
            "period": to_dict(self.period),
            "deals": to_dict(list(self.deals)),
            "inputs": to_dict(self.inputs),
            "lines": [{"line_id": x.line_id, "amount": str(x.amount)} for x in self.lines],
            "total": str(self.total),
        }

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_EMPLOYEE, self.employee),
            (_PERIOD, str(self.period)),
            (_PLAN, self.plan.plan_id),
            *((line.label, Amount(line.amount)) for line in self.lines),
            (_TOTAL, Amount(self.total)),
            (_VARIABLE, Amount(self.variable_pay)),
            *(
                ((_PAID, Amount(self.already_paid)), (_DUE, Amount(self.due)))
                if any(line.already_paid for line in self.lines)
                else ()
            ),
        )
        return View(_TITLE, summary, self.explanation)


_TEAM_TITLE: Final = Label("团队提成结算", "Team commission run")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TeamStatement(Displayable):
    """Every person's statement for one period under one plan, ordered by employee."""

    plan: Plan
    period: Period
    statements: tuple[Statement, ...]

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.statements)

    def __len__(self) -> int:
        return len(self.statements)

    def of(self, employee: str) -> Statement:
        """The statement of ``employee``."""
        for statement in self.statements:
            if statement.employee == employee:
                return statement
        raise InvalidValueError(
            "employee", f"one of {', '.join(s.employee for s in self.statements)}", employee
        )

    @property
    def total(self) -> Decimal:
        """What the run pays in total."""
        return money_sum(s.total for s in self.statements)

    def to_records(self, locale: str = "en") -> list[dict[str, object]]:
        """Every line of every statement as flat rows."""
        return [row for s in self.statements for row in s.to_records(locale)]

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_PLAN, self.plan.plan_id),
            (_PERIOD, str(self.period)),
            *((Label(s.employee, s.employee), Amount(s.total)) for s in self.statements),
            (_TOTAL, Amount(self.total)),
        )
        findings = tuple(f for s in self.statements for f in s.findings)
        return View(_TEAM_TITLE, summary, Explanation((), findings))


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ComparisonRow:
    """One person's pay under the baseline and the candidate plan."""

    employee: Text
    baseline: Money
    candidate: Money

    @property
    def difference(self) -> Decimal:
        """candidate − baseline."""
        return money_sum((self.candidate, -self.baseline))


_COMPARE_TITLE: Final = Label("方案对比", "Plan comparison")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Comparison(Displayable):
    """A what-if: the same deals and inputs under two plans, per person and in total."""

    baseline: TeamStatement
    candidate: TeamStatement
    rows: tuple[ComparisonRow, ...]

    @property
    def baseline_total(self) -> Decimal:
        """Total pay under the baseline plan."""
        return self.baseline.total

    @property
    def candidate_total(self) -> Decimal:
        """Total pay under the candidate plan."""
        return self.candidate.total

    @property
    def difference(self) -> Decimal:
        """candidate − baseline, in total."""
        return money_sum((self.candidate_total, -self.baseline_total))

    def to_records(self, locale: str = "en") -> list[dict[str, object]]:
        """One row per person: baseline, candidate, difference."""
        return [
            {
                "employee": row.employee,
                "baseline": row.baseline,
                "candidate": row.candidate,
                "difference": row.difference,
            }
            for row in self.rows
        ]

    def _view(self) -> View:
        base, cand = self.baseline.plan.plan_id, self.candidate.plan.plan_id
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            *((Label(r.employee, r.employee), Change(r.baseline, r.candidate)) for r in self.rows),
            (
                Label(f"合计（{base} → {cand}）", f"total ({base} → {cand})"),
                Change(self.baseline_total, self.candidate_total),
            ),
        )
        return View(_COMPARE_TITLE, summary, Explanation())
