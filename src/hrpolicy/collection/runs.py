"""Runs over many months: a salesperson's or a team's statements one after the other,
each month's ``state_out`` passed on as the next month's state; and the what-if of two
policies over the same months of receivables.

The rules:

- **Months.** A run is consecutive months, in order (a year :class:`Period` stands for
  its twelve months); it may cross into the next year — the state runs on, and the
  reserve left in December is released in December as a single month would.
- **State.** The first month's state is the caller's (``CollectionInputs.state`` of that
  month; the empty state by default). After that each statement's ``state_out`` is the
  next month's state; a state given for such a month is refused, as it would contradict
  the chain. The state carries the receivables' ledger at the end of its month, so each
  month after the first goes on from it with its own events instead of replaying the
  months before (:func:`~hrpolicy.collection.ledger.carried_ledger`).
- **People** (a team run). Everyone listed in some month's inputs, from the first month
  they are listed to the end of the run: a month they are not listed in is settled with
  empty inputs and their chained state, so a clawback or a reserve is never lost.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from hrpolicy.collection.engine import settle_month, settle_team
from hrpolicy.collection.model import CollectionInputs, CollectionState, Receivables
from hrpolicy.collection.policy import CollectionPolicy
from hrpolicy.collection.results import RESULT_TABLES, STATEMENT_TOTALS, CollectionStatement
from hrpolicy.core.display import Amount, Displayable, SummaryValue, View
from hrpolicy.core.errors import HRPolicyError, InvalidValueError, prefixed
from hrpolicy.core.explain import Explanation
from hrpolicy.core.fields import (
    Text,
    argument,
    checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label
from hrpolicy.core.money import ZERO, money_sum
from hrpolicy.core.period import Period
from hrpolicy.core.records import (
    Column,
    ColumnType,
    Table,
    TableSchema,
    merge_tables,
)
from hrpolicy.core.whatif import (
    WhatIfRow,
    WhatIfRows,
    by_period,
    month_run,
    next_month,
    run_tables,
    whatif_schemas,
    whatif_view,
)

__all__ = [
    "RUN_TOTALS",
    "CollectionRun",
    "PolicyComparison",
    "TeamCollectionRun",
    "compare_policies",
    "settle_run",
    "settle_team_run",
]

_EMPTY: Final = CollectionState()
_EMPLOYEE: Final = Label("员工", "employee")
_POLICY: Final = Label("制度", "policy")
_TOTAL: Final = Label("合计", "total")
_RESERVE: Final = Label("期末风险准备金", "reserve at the end")
_RECOVER: Final = Label("期末待追回", "still to recover at the end")


#: ``totals`` of a run: one row per statement (month by month; for a team, everyone of a
#: month before the next month), with the statement's totals and the state carried out.
RUN_TOTALS: Final = TableSchema(
    "totals",
    (
        *STATEMENT_TOTALS.columns,
        Column("run_to_date", ColumnType.MONEY, "what the run has paid the person up to this row"),
    ),
    "one row per statement of the run: its totals, in run order",
)
_STATEMENT_TABLES: Final = RESULT_TABLES[CollectionStatement]
#: The tables of a run: :data:`RUN_TOTALS`, then the statements' other tables stacked.
_RUN_TABLES: Final = (RUN_TOTALS, *_STATEMENT_TABLES[1:])
_SIDE: Final = Column("side", ColumnType.TEXT, "which policy: baseline or candidate")
_COMPARISON_TABLES: Final = (
    *whatif_schemas(ColumnType.MONEY),
    TableSchema(
        "statements", RUN_TOTALS.columns, "one row per statement of either side's run"
    ).keyed((_SIDE,)),
    *(schema.keyed((_SIDE,)) for schema in _RUN_TABLES[1:]),
)


def _run_tables(statements: Sequence[CollectionStatement], locale: str) -> Mapping[str, Table]:
    """The statements' tables stacked in order, their ``totals`` extended to
    :data:`RUN_TOTALS` (each person's pay so far in the run)."""
    return run_tables(statements, _STATEMENT_TABLES, RUN_TOTALS, locale)


def _side_tables(
    side: str, statements: Sequence[CollectionStatement], locale: str
) -> Mapping[str, Table]:
    """A run's tables with a ``side`` first column, its ``totals`` named ``statements``."""
    schemas = {schema.name: schema for schema in _COMPARISON_TABLES[2:]}
    result = {}
    for name, table in _run_tables(statements, locale).items():
        key = "statements" if name == "totals" else name
        result[key] = Table(schemas[key], tuple((side, *row) for row in table.rows))
    return result


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectionRun(Displayable):
    """One salesperson's months in order, each settled on the state the one before left.
    ``state_out`` is the last month's: what the month after the run starts from."""

    policy: CollectionPolicy
    employee: Text
    statements: tuple[CollectionStatement, ...]

    def __attrs_post_init__(self) -> None:
        require(bool(self.statements), "CollectionRun.statements", "at least one month", ())
        for index, statement in enumerate(self.statements):
            require(
                statement.employee == self.employee,
                f"CollectionRun.statements[{index}].employee",
                repr(self.employee),
                statement.employee,
            )
            if index:
                before = self.statements[index - 1].period
                require(
                    statement.period == next_month(before),
                    f"CollectionRun.statements[{index}].period",
                    f"the month after {before}",
                    str(statement.period),
                )

    def __iter__(self) -> Iterator[CollectionStatement]:
        return iter(self.statements)

    def __len__(self) -> int:
        return len(self.statements)

    @property
    def months(self) -> tuple[Period, ...]:
        """The months of the run, in order."""
        return tuple(s.period for s in self.statements)

    @property
    def state_out(self) -> CollectionState:
        """The last month's state, for the month after the run."""
        return self.statements[-1].state_out

    def of(self, period: Period) -> CollectionStatement:
        """The statement of the month ``period``."""
        for statement in self.statements:
            if statement.period == period:
                return statement
        known = ", ".join(str(p) for p in self.months)
        raise InvalidValueError("period", f"one of {known}", period)

    @property
    def total(self) -> Decimal:
        """What the months pay together."""
        return money_sum(s.total for s in self.statements)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The run as tables: ``totals`` (:data:`RUN_TOTALS`: one row per month, with the
        reserve and what is still to recover at its end, and the pay so far), then every
        month's ``lines``, ``performance``, ``overdue``, ``matrix``, ``accounts``,
        ``advances`` and explanation tables stacked in month order, each row keyed by
        employee and period (as :meth:`CollectionStatement.tables
        <hrpolicy.collection.CollectionStatement.tables>` gives them)."""
        return _run_tables(self.statements, locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_EMPLOYEE, self.employee),
            (_POLICY, self.policy.policy_id),
            *((Label(str(s.period), str(s.period)), Amount(s.total)) for s in self.statements),
            (_TOTAL, Amount(self.total)),
            (_RESERVE, Amount(self.state_out.reserve)),
            (_RECOVER, Amount(self.state_out.to_recover)),
        )
        return View(
            Label("回款挂钩多月结算", "Collection run over months"),
            summary,
            Explanation.joined(s.explanation for s in self.statements),
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TeamCollectionRun(Displayable):
    """A team's months: the months in order and every statement, ordered by month then
    employee; each person's statements form a :class:`CollectionRun` (:meth:`run_of`)."""

    policy: CollectionPolicy
    months: tuple[Period, ...]
    statements: tuple[CollectionStatement, ...]

    def __attrs_post_init__(self) -> None:
        require(bool(self.months), "TeamCollectionRun.months", "at least one month", ())
        order = [(self.months.index(s.period), s.employee) for s in self.statements]
        require(
            order == sorted(order) and len(set(order)) == len(order),
            "TeamCollectionRun.statements",
            "one statement per person and month, ordered by month then employee",
            [f"{s.period} {s.employee}" for s in self.statements],
        )

    @property
    def employees(self) -> tuple[str, ...]:
        """Everyone in the run, in order."""
        return tuple(sorted({s.employee for s in self.statements}))

    def run_of(self, employee: str) -> CollectionRun:
        """``employee``'s months, from the first they are in."""
        mine = tuple(s for s in self.statements if s.employee == employee)
        if not mine:
            raise InvalidValueError(
                "employee", f"one of {', '.join(self.employees) or 'nobody'}", employee
            )
        return CollectionRun(policy=self.policy, employee=employee, statements=mine)

    def statement(self, employee: str, period: Period) -> CollectionStatement | None:
        """``employee``'s statement for ``period``, or ``None`` before they join."""
        for statement in self.statements:
            if statement.employee == employee and statement.period == period:
                return statement
        return None

    def pay(self, employee: str, period: Period) -> Decimal:
        """What ``employee`` is paid for ``period`` (0.00 before they join)."""
        statement = self.statement(employee, period)
        return statement.total if statement is not None else ZERO

    def month_total(self, period: Period) -> Decimal:
        """What the team is paid for ``period``."""
        return money_sum(s.total for s in self.statements if s.period == period)

    @property
    def total(self) -> Decimal:
        """What the run pays in total."""
        return money_sum(s.total for s in self.statements)

    def __iter__(self) -> Iterator[CollectionStatement]:
        return iter(self.statements)

    def __len__(self) -> int:
        return len(self.statements)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The run as tables: ``totals`` (:data:`RUN_TOTALS`: one row per person and
        month, by month then employee), then every statement's other tables stacked in
        the same order, as for :meth:`CollectionRun.tables`."""
        return _run_tables(self.statements, locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_POLICY, self.policy.policy_id),
            *((Label(name, name), Amount(self.run_of(name).total)) for name in self.employees),
            *((Label(str(p), str(p)), Amount(self.month_total(p))) for p in self.months),
            (_TOTAL, Amount(self.total)),
        )
        findings = tuple(f for s in self.statements for f in s.findings)
        return View(
            Label("团队回款挂钩多月结算", "Team collection run over months"),
            summary,
            Explanation((), findings),
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PolicyComparison(WhatIfRows, Displayable):
    """A what-if over months: the same receivables and inputs under two collection
    policies, one row per month and person — both pays and the difference — and the
    totals."""

    baseline: TeamCollectionRun
    candidate: TeamCollectionRun
    rows: tuple[WhatIfRow, ...]

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The what-if as tables: ``totals`` (one row: both totals, the difference, how
        many rows changed) and ``rows`` (one row per month and person), then both runs'
        tables stacked with a ``side`` key (``baseline`` or ``candidate``):
        ``statements`` (each statement's totals, as a run's ``totals``), ``lines`` and
        the statements' other tables."""
        sides = [
            _side_tables(side, run.statements, locale)
            for side, run in (("baseline", self.baseline), ("candidate", self.candidate))
        ]
        return {**WhatIfRows.tables(self, locale), **merge_tables(sides)}

    def _view(self) -> View:
        return whatif_view(
            Label("回款制度对比", "Collection policy comparison"),
            self.baseline.policy.policy_id,
            self.candidate.policy.policy_id,
            self.rows,
        )


RESULT_TABLES.update(
    {
        CollectionRun: _RUN_TABLES,
        TeamCollectionRun: _RUN_TABLES,
        PolicyComparison: _COMPARISON_TABLES,
    }
)


# --- the runs -----------------------------------------------------------------------------


def _in_month(error: HRPolicyError, period: Period) -> HRPolicyError:
    return prefixed(error, f"month({period}).")


def _chained(inputs: CollectionInputs, state: CollectionState, period: Period) -> CollectionInputs:
    """``inputs`` with the previous month's state; a state of its own is refused."""
    require(
        inputs.state == _EMPTY,
        f"inputs[{period}]({inputs.employee}).state",
        "the empty state: the run passes on the previous month's state_out (give a state "
        "only in a person's first month in the run)",
        inputs.state,
    )
    return attrs.evolve(inputs, state=state)


def settle_run(
    policy: CollectionPolicy,
    months: Period | Sequence[Period],
    receivables: Receivables,
    employee: str,
    inputs: Mapping[Period, CollectionInputs] | None = None,
) -> CollectionRun:
    """``employee``'s months under ``policy``, one after the other, each month's
    ``state_out`` passed on as the next month's state (the rules in the module
    documentation).

    Args:
        policy: the :class:`CollectionPolicy`, as for
            :func:`~hrpolicy.collection.settle_month`.
        months: a year (:class:`Period` without a month: its twelve months), or a list or
            tuple of consecutive months, in order.
        receivables: every invoice of the customers concerned, with their events; each
            month reads those up to its last day.
        employee: the salesperson.
        inputs (optional): the salesperson's :class:`CollectionInputs` by month; a month
            without inputs is settled with empty ones. The first month's ``state`` is the
            run's starting state (empty by default); later months' states come from the
            chain.

    Returns:
        A :class:`CollectionRun`: the statements in month order, the last ``state_out``
        and the total.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: months out of order or with a gap; inputs for a month outside
            the run or for another employee; a state given for a month after the first;
            and whatever :func:`~hrpolicy.collection.settle_month` refuses, its path
            prefixed with the month (``month(2024-03).``).
        NotCoveredError: no policy version covers a month or an invoice's issue date,
            prefixed the same way.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.collection import (
        ...     Invoice, MatchingRule, Payment, Period, Receivables, settle_run)
        >>> from hrpolicy.collection.examples import proportional_policy
        >>> receivables = Receivables(
        ...     invoices=(Invoice(invoice_id="A-01", customer="ACME", salesperson="li",
        ...                       issued_on=date(2024, 1, 10), amount=Decimal(100000),
        ...                       commission=Decimal(3000), credit_days=30),),
        ...     matching=MatchingRule.BY_INVOICE,
        ...     payments=(
        ...         Payment(payment_id="P1", invoice_id="A-01",
        ...                 received_on=date(2024, 2, 5), amount=Decimal(40000)),
        ...         Payment(payment_id="P2", invoice_id="A-01",
        ...                 received_on=date(2024, 4, 5), amount=Decimal(60000)),
        ...     ),
        ... )
        >>> quarter = [Period(year=2024, month=m) for m in (2, 3, 4)]
        >>> run = settle_run(proportional_policy(), quarter, receivables, "li")
        >>> [(str(s.period), s.total) for s in run]
        [('2024-02', Decimal('1200.00')), ('2024-03', Decimal('0.00')),
         ('2024-04', Decimal('1800.00'))]
        >>> account = run.state_out.account("A-01")
        >>> assert account is not None
        >>> run.total, account.released
        (Decimal('3000.00'), Decimal('3000.00'))
    """
    checked_policy = argument(policy, CollectionPolicy, "policy")
    run = month_run(months, "months")
    argument(receivables, Receivables, "receivables")
    person = argument(employee, str, "employee")
    require(bool(person.strip()), "employee", "a non-empty text", person)
    given = by_period({} if inputs is None else inputs, CollectionInputs, "inputs", run, many=False)
    for period, (item,) in given.items():
        require(
            item.employee == person,
            f"inputs[{period}].employee",
            f"{person!r}, the salesperson of the run",
            item.employee,
        )
    statements: list[CollectionStatement] = []
    for period in run:
        own = given.get(period, (CollectionInputs(employee=person),))[0]
        if statements:
            own = _chained(own, statements[-1].state_out, period)
        try:
            statements.append(settle_month(checked_policy, period, receivables, own))
        except HRPolicyError as error:
            raise _in_month(error, period) from error
    return CollectionRun(policy=checked_policy, employee=person, statements=tuple(statements))


def settle_team_run(
    policy: CollectionPolicy,
    months: Period | Sequence[Period],
    receivables: Receivables,
    inputs: Mapping[Period, Sequence[CollectionInputs]],
) -> TeamCollectionRun:
    """A team's months under ``policy``: each month is
    :func:`~hrpolicy.collection.settle_team` for everyone in the run, each person's state
    passed on from their previous month.

    Args:
        policy: the :class:`CollectionPolicy`.
        months: a year (its twelve months), or a list or tuple of consecutive months, in
            order.
        receivables: every invoice of the customers concerned, with their events.
        inputs: by month, a list or tuple of :class:`CollectionInputs`, at most one per
            employee. A person is in the run from the first month they are listed; their
            state in that month is their starting state.

    Returns:
        A :class:`TeamCollectionRun`: every statement by month then employee, each
        person's :class:`CollectionRun`, and the totals.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: months out of order or with a gap; inputs for a month outside
            the run; an employee listed twice in a month; a state given for a person
            whose previous month is in the run; and whatever
            :func:`~hrpolicy.collection.settle_team` refuses, prefixed with the month
            (``month(2024-03).inputs[1](wang).``).
        NotCoveredError: no policy version covers a month or an invoice's issue date,
            prefixed the same way.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.collection import (CollectionInputs, Invoice, MatchingRule,
        ...     Payment, Period, Receivables, settle_team_run)
        >>> from hrpolicy.collection.examples import proportional_policy
        >>> def sale(invoice_id: str, salesperson: str) -> Invoice:
        ...     return Invoice(invoice_id=invoice_id, customer="ACME",
        ...                    salesperson=salesperson, issued_on=date(2024, 1, 10),
        ...                    amount=Decimal(10000), commission=Decimal(500),
        ...                    credit_days=30)
        >>> receivables = Receivables(
        ...     invoices=(sale("A-01", "wang"), sale("A-02", "li")),
        ...     matching=MatchingRule.FIFO,
        ...     payments=(Payment(payment_id="P1", customer="ACME",
        ...                       received_on=date(2024, 2, 1), amount=Decimal(15000)),
        ...               Payment(payment_id="P2", customer="ACME",
        ...                       received_on=date(2024, 3, 1), amount=Decimal(5000))),
        ... )
        >>> february, march = Period(year=2024, month=2), Period(year=2024, month=3)
        >>> team = settle_team_run(
        ...     proportional_policy(), [february, march], receivables,
        ...     {february: [CollectionInputs(employee="li"), CollectionInputs(employee="wang")]})
        >>> [(str(s.period), s.employee, s.total) for s in team]
        [('2024-02', 'li', Decimal('250.00')), ('2024-02', 'wang', Decimal('500.00')),
         ('2024-03', 'li', Decimal('250.00')), ('2024-03', 'wang', Decimal('0.00'))]
        >>> team.run_of("li").total, team.total
        (Decimal('500.00'), Decimal('1000.00'))
    """
    checked_policy = argument(policy, CollectionPolicy, "policy")
    run = month_run(months, "months")
    argument(receivables, Receivables, "receivables")
    given = by_period(inputs, CollectionInputs, "inputs", run, many=True)
    statements: list[CollectionStatement] = []
    previous: dict[str, CollectionStatement] = {}
    for period in run:
        listed = given.get(period, ())
        require_unique([i.employee for i in listed], f"inputs[{period}]", "employee")
        people = {i.employee: i for i in listed}
        for name, before in previous.items():
            own = people.get(name, CollectionInputs(employee=name))
            people[name] = _chained(own, before.state_out, period)
        try:
            month = settle_team(
                checked_policy, period, receivables, [people[n] for n in sorted(people)]
            )
        except HRPolicyError as error:
            raise _in_month(error, period) from error
        statements.extend(month)
        previous = {s.employee: s for s in month}
    return TeamCollectionRun(policy=checked_policy, months=run, statements=tuple(statements))


def compare_policies(
    baseline: CollectionPolicy,
    candidate: CollectionPolicy,
    months: Period | Sequence[Period],
    receivables: Receivables,
    inputs: Mapping[Period, Sequence[CollectionInputs]],
) -> PolicyComparison:
    """A what-if over months: the same receivables and inputs under ``baseline`` and
    ``candidate`` (each as :func:`settle_team_run` runs it), one row per month and person
    with both pays and the difference, and the totals.

    Args:
        baseline: the :class:`CollectionPolicy` in force, or the one compared against.
        candidate: the :class:`CollectionPolicy` proposed.
        months: a year, or consecutive months, as for :func:`settle_team_run`.
        receivables: the receivables, used unchanged under both.
        inputs: the :class:`CollectionInputs` by month, as for :func:`settle_team_run`,
            used unchanged under both (each policy's run chains its own states).

    Returns:
        A :class:`PolicyComparison`: both runs, the rows (months in order, people in
        order within each) and the totals.

    Raises:
        InvalidTypeError: an argument is of the wrong type, prefixed ``baseline.`` or
            ``candidate.`` when one policy's run refuses it.
        InvalidValueError: what :func:`settle_team_run` refuses under either policy,
            prefixed ``baseline.`` or ``candidate.``.
        NotCoveredError: a month or an issue date one of the policies does not cover,
            prefixed the same way.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.collection import (CollectionInputs, Invoice, MatchingRule,
        ...     Payment, Period, Receivables, compare_policies)
        >>> from hrpolicy.collection.examples import full_collection_policy, proportional_policy
        >>> receivables = Receivables(
        ...     invoices=(Invoice(invoice_id="A-01", customer="ACME", salesperson="li",
        ...                       issued_on=date(2024, 1, 10), amount=Decimal(100000),
        ...                       commission=Decimal(3000), credit_days=30),),
        ...     matching=MatchingRule.BY_INVOICE,
        ...     payments=(
        ...         Payment(payment_id="P1", invoice_id="A-01",
        ...                 received_on=date(2024, 2, 5), amount=Decimal(40000)),
        ...         Payment(payment_id="P2", invoice_id="A-01",
        ...                 received_on=date(2024, 3, 5), amount=Decimal(60000)),
        ...     ),
        ... )
        >>> february, march = Period(year=2024, month=2), Period(year=2024, month=3)
        >>> what_if = compare_policies(
        ...     proportional_policy(), full_collection_policy(), [february, march],
        ...     receivables, {february: [CollectionInputs(employee="li")]})
        >>> for row in what_if.rows:
        ...     print(row.period, row.subject, row.baseline, row.candidate, row.difference)
        2024-02 li 1200.00 0.00 -1200.00
        2024-03 li 1800.00 3000.00 1200.00
        >>> what_if.difference
        Decimal('0.00')
    """
    before = _side("baseline", baseline, months, receivables, inputs)
    after = _side("candidate", candidate, months, receivables, inputs)
    return PolicyComparison(baseline=before, candidate=after, rows=_rows(before, after))


def _rows(before: TeamCollectionRun, after: TeamCollectionRun) -> tuple[WhatIfRow, ...]:
    """One row per month and person with a statement under either policy."""
    return tuple(
        WhatIfRow(
            period=period,
            subject=name,
            baseline=before.pay(name, period),
            candidate=after.pay(name, period),
        )
        for period in before.months
        for name in sorted(
            {s.employee for run in (before, after) for s in run if s.period == period}
        )
    )


def _side(
    name: str,
    policy: CollectionPolicy,
    months: Period | Sequence[Period],
    receivables: Receivables,
    inputs: Mapping[Period, Sequence[CollectionInputs]],
) -> TeamCollectionRun:
    try:
        return settle_team_run(policy, months, receivables, inputs)
    except HRPolicyError as error:
        raise prefixed(error, f"{name}.") from error
