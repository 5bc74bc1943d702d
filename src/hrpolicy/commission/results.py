"""What the commission engine returns: statements, team runs and what-if comparisons —
immutable snapshots that explain every line."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from hrpolicy.commission.model import Carry, Deal, Period, PersonInputs
from hrpolicy.commission.plan import Plan
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import to_dict, write_in_full
from hrpolicy.core.display import Amount, Change, Displayable, SummaryValue, View
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Explanation, Finding, Label, Step
from hrpolicy.core.fields import Money, Text, checked, typed_fields
from hrpolicy.core.money import money_sum
from hrpolicy.core.records import (
    FINDING_PARAMS,
    FINDINGS,
    STEP_INPUTS,
    STEPS,
    Column,
    ColumnType,
    Table,
    TableSchema,
    explanation_tables,
    lazy_group,
    merge_tables,
    tables_of,
)
from hrpolicy.core.statement import (
    EMPLOYEE,
    LINE_ID,
    STATEMENT_KEYS,
    PaidMixin,
    StatementLines,
    key_steps,
    period_cells,
)

__all__ = [
    "COMPARISON_PEOPLE",
    "COMPARISON_TOTALS",
    "LINES",
    "RESULT_TABLES",
    "STATEMENT_CARRIES",
    "STATEMENT_TOTALS",
    "Comparison",
    "ComparisonRow",
    "Line",
    "LineKind",
    "Statement",
    "TeamStatement",
]


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

    @classmethod
    def of_checked(  # noqa: PLR0917 - the line's fields, in order
        cls,
        line_id: str,
        component: str,
        kind: LineKind,
        amount: Decimal,
        label: Label,
        clause: str,
        variable: bool,
        steps: tuple[Step, ...],
        deal_id: str | None = None,
    ) -> Line:
        """The line the constructor makes of these fields, for values already of their
        checked types (as the engine has them: component ids, an amount in fen from
        :func:`~hrpolicy.core.money.allocate`, a tuple of steps), made without checking
        each field again. The constructor is the way in for anything else."""
        line = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(line, "line_id", line_id)
        setattr_(line, "component", component)
        setattr_(line, "kind", kind)
        setattr_(line, "amount", amount)
        setattr_(line, "label", label)
        setattr_(line, "clause", clause)
        setattr_(line, "variable", variable)
        setattr_(line, "steps", steps)
        setattr_(line, "deal_id", deal_id)
        setattr_(line, "already_paid", _NOTHING_PAID)
        return line


#: What a line has been paid before, by default (the field's default).
_NOTHING_PAID: Final = attrs.fields(Line).already_paid.default


_MONEY: Final = ColumnType.MONEY
_INT: Final = ColumnType.INT
_TEXT: Final = ColumnType.TEXT

#: ``totals``: one row per statement.
STATEMENT_TOTALS: Final = TableSchema(
    "totals",
    (
        *STATEMENT_KEYS,
        Column("plan_id", _TEXT, "the plan"),
        Column("total", _MONEY, "the sum of the lines: what the statement pays"),
        Column("variable_pay", _MONEY, "of which commission and bonus (Regs Art. 27)"),
        Column("already_paid", _MONEY, "what earlier runs of the period paid on the lines"),
        Column("due", _MONEY, "total − already paid (negative: paid too much)"),
        Column("lines", _INT, "how many lines"),
        Column("findings", _INT, "how many findings"),
        Column("violations", _INT, "how many findings are violations"),
    ),
    "one row per statement: its totals",
)
#: ``lines``: one row per statement line.
LINES: Final = TableSchema(
    "lines",
    (
        *STATEMENT_KEYS,
        Column("line", _INT, "the line's place on the statement (from 1)"),
        LINE_ID,
        Column("component", _TEXT, "the plan component the line belongs to"),
        Column("kind", _TEXT, "what the line is (a LineKind)"),
        Column("deal_id", _TEXT, "the deal the line is paid on (None: not a deal line)"),
        Column("amount", _MONEY, "what the line pays"),
        Column("already_paid", _MONEY, "what an earlier run of the period paid on it"),
        Column("due", _MONEY, "amount − already paid"),
        Column("label", _TEXT, "what the line is, in the locale"),
        Column("clause", _TEXT, "the plan clause it applies (None: none)"),
        Column("variable", ColumnType.BOOL, "commission or bonus pay (Regs Art. 27)"),
    ),
    "one row per line, in statement order",
)
#: ``carries``: one row per carry passed to the next statement.
STATEMENT_CARRIES: Final = TableSchema(
    "carries",
    (
        *STATEMENT_KEYS,
        Column("component", _TEXT, "the component carried for"),
        Column("measure_to_date", ColumnType.DECIMAL, "the year-to-date measure reached"),
        Column("earned_to_date", _MONEY, "what statements made payable this year (or None)"),
        Column("paid_to_date", _MONEY, "what was paid this year (or None)"),
        Column("carried", _MONEY, "an amount carried: cap excess (+), floor top-up (−)"),
    ),
    "one row per carry out, by component: the next statement's carries",
)
_STATEMENT_TABLES: Final = (
    STATEMENT_TOTALS,
    LINES,
    STATEMENT_CARRIES,
    STEPS.keyed((*STATEMENT_KEYS, LINE_ID)),
    STEP_INPUTS.keyed((*STATEMENT_KEYS, LINE_ID)),
    FINDINGS.keyed(STATEMENT_KEYS),
    FINDING_PARAMS.keyed(STATEMENT_KEYS),
)
_SIDE: Final = Column("side", _TEXT, "which plan: baseline or candidate")
#: ``totals`` of a comparison: one row, the two plans' totals.
COMPARISON_TOTALS: Final = TableSchema(
    "totals",
    (
        Column("baseline_plan", _TEXT, "the baseline plan's id"),
        Column("candidate_plan", _TEXT, "the candidate plan's id"),
        *STATEMENT_KEYS[1:],
        Column("baseline_total", _MONEY, "total pay under the baseline"),
        Column("candidate_total", _MONEY, "total pay under the candidate"),
        Column("difference", _MONEY, "candidate − baseline"),
    ),
    "one row: the comparison's totals",
)
#: ``people`` of a comparison: one row per person.
COMPARISON_PEOPLE: Final = TableSchema(
    "people",
    (
        EMPLOYEE,
        *STATEMENT_KEYS[1:],
        Column("baseline", _MONEY, "the person's pay under the baseline"),
        Column("candidate", _MONEY, "the person's pay under the candidate"),
        Column("difference", _MONEY, "candidate − baseline"),
    ),
    "one row per person, ordered by employee",
)
_STATEMENTS: Final = TableSchema(
    "statements", STATEMENT_TOTALS.columns, "one row per statement of either side"
)
_COMPARISON_TABLES: Final = (
    COMPARISON_TOTALS,
    COMPARISON_PEOPLE,
    *(schema.keyed((_SIDE,)) for schema in (_STATEMENTS, *_STATEMENT_TABLES[1:])),
)


def _empty(schemas: tuple[TableSchema, ...]) -> Mapping[str, Table]:
    return {schema.name: Table(schema) for schema in schemas}


def _statement_tables(
    statement: Statement, locale: str, side: str | None = None
) -> Mapping[str, Table]:
    head: tuple[object, ...] = () if side is None else (side,)
    keys: tuple[Column, ...] = () if side is None else (_SIDE,)
    values = (*head, *statement.key_values)
    totals = (
        _STATEMENTS.keyed(keys) if side is not None else STATEMENT_TOTALS,
        [
            (
                *values,
                statement.plan.plan_id,
                statement.total,
                statement.variable_pay,
                statement.already_paid,
                statement.due,
                len(statement.lines),
                len(statement.findings),
                len(statement.violations()),
            )
        ],
    )
    lines = [
        (
            *values,
            number,
            line.line_id,
            line.component,
            line.kind.value,
            line.deal_id,
            line.amount,
            line.already_paid,
            line.due,
            line.label.in_locale(locale),
            line.clause or None,
            line.variable,
        )
        for number, line in enumerate(statement.lines, 1)
    ]
    carries = [
        (
            *values,
            carry.component,
            carry.measure_to_date,
            carry.earned_to_date,
            carry.paid_to_date,
            carry.carried,
        )
        for carry in statement.carry_out
    ]

    def explained() -> Mapping[str, Table]:
        explanation = explanation_tables(
            statement.explanation, keys=(*keys, *STATEMENT_KEYS), values=values, locale=locale
        )
        owners: list[str | None] = [None] * len(statement.steps)
        owners += [line.line_id for line in statement.lines for _ in line.steps]
        owners += [None] * len(statement.checks)
        return key_steps(explanation, len(values), LINE_ID, owners)

    own = {
        "statements" if side is not None else "totals": Table.build(*totals),
        "lines": Table.build(LINES.keyed(keys), lines),
        "carries": Table.build(STATEMENT_CARRIES.keyed(keys), carries),
    }
    return tables_of(own, lazy_group(explained, _EXPLANATION_NAMES))


_EXPLANATION_NAMES: Final = ("steps", "step_inputs", "findings", "finding_params")


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

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The statement as tables: ``totals`` (one row), ``lines``, ``carries``, then the
        explanation tables (``steps`` and ``step_inputs`` say which line a step explains
        in ``line_id``, ``None`` for the statement's own steps and checks), each row keyed
        by employee and period.

        >>> from datetime import date
        >>> from hrpolicy.commission import Deal, Period, PersonInputs, evaluate
        >>> from hrpolicy.commission.examples import pay_mix_plan
        >>> deal = Deal(
        ...     deal_id="C-1", owner="li", signed_on=date(2024, 3, 4), amount=Decimal(100000)
        ... )
        >>> march = evaluate(pay_mix_plan(), Period(year=2024, month=3), [deal],
        ...                  PersonInputs(employee="li", score=Decimal(90)))
        >>> [(row["line_id"], row["amount"]) for row in march.to_records("lines")]
        [('commission/C-1', Decimal('3000.00')), ('base', Decimal('3000.00')),
         ('performance', Decimal('4500.00'))]
        >>> march.to_records("totals")[0]["total"]
        Decimal('10500.00')
        """
        return _statement_tables(self, locale)

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

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """Every statement's tables stacked, ordered by employee: ``totals`` (one row per
        person), ``lines``, ``carries`` and the explanation tables, as for
        :meth:`Statement.tables`."""
        parts = [_statement_tables(s, locale) for s in self.statements]
        return merge_tables([_empty(_STATEMENT_TABLES), *parts])

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

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The what-if as tables: ``totals`` (one row: both plans' totals and the
        difference), ``people`` (one row per person), then both team runs' tables stacked
        with a ``side`` key (``baseline`` or ``candidate``): ``statements`` (each
        statement's totals), ``lines``, ``carries`` and the explanation tables."""
        period = period_cells(self.baseline.period)
        totals = Table.build(
            COMPARISON_TOTALS,
            [
                (
                    self.baseline.plan.plan_id,
                    self.candidate.plan.plan_id,
                    *period,
                    self.baseline_total,
                    self.candidate_total,
                    self.difference,
                )
            ],
        )
        people = Table.build(
            COMPARISON_PEOPLE,
            [
                (row.employee, *period, row.baseline, row.candidate, row.difference)
                for row in self.rows
            ],
        )
        sides = [
            _statement_tables(statement, locale, side)
            for side, team in (("baseline", self.baseline), ("candidate", self.candidate))
            for statement in team.statements
        ]
        stacked = merge_tables([_empty(_COMPARISON_TABLES[2:]), *sides])
        return {"totals": totals, "people": people, **stacked}

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


#: The tables of each result, in the order :meth:`~Statement.tables` gives them: enough
#: to build an empty frame with the right columns.
RESULT_TABLES: Final[dict[type, tuple[TableSchema, ...]]] = {
    Statement: _STATEMENT_TABLES,
    TeamStatement: _STATEMENT_TABLES,
    Comparison: _COMPARISON_TABLES,
}

# Parts of results: written with every field, null where missing.
write_in_full(Line, ComparisonRow)
