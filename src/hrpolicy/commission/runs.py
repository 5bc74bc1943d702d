"""Runs over a year: a person's or a team's months one after the other, each month's
carries passed on to the next, with the year-end statement where the plan has one; and
the what-if of two plans over the same year of data.

The rules:

- **Months.** A run is consecutive months of one calendar year, in order (a year
  :class:`Period` stands for its twelve months, a quarter for its three). A plan with a
  component settled by quarter or by season in the run is refused: a run settles months
  and the year end, so evaluate those statements one by one. A year window starts afresh in January,
  so a run never crosses into the next year: run each year, and start the next from its
  January.
- **Deals.** Each month's deals are those signed in it (by the signing date, as a month
  statement takes them). A deal signed after the run, in another year, or — without a
  year-end statement — before the run's first month is refused, never dropped.
- **Carries.** The first month's carries are the caller's (in that month's
  :class:`PersonInputs`; a run starting after January of a plan with a year window needs
  the carry of the month before). After that each statement's ``carry_out`` is the next
  month's carries; carries given for such a month are refused, as they would contradict
  the chain.
- **Year end.** When the run ends in December and the plan settles a component yearly
  that year, the year statement is computed on all the run's deals, and on deals signed
  earlier in the year, which count only there. Its inputs are those keyed by the year
  (``Period(year=2024)``).
- **People** (a team run). In each month: those the month's deals credit, those the
  month's inputs list, and anyone whose previous statement carries something forward —
  a carry is always passed on, so a year-to-date measure is never lost.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from hrpolicy.commission.engine import evaluate, evaluate_team
from hrpolicy.commission.model import Carry, Deal, Period, PersonInputs
from hrpolicy.commission.plan import Frequency, Plan
from hrpolicy.commission.results import (
    RESULT_TABLES,
    STATEMENT_TOTALS,
    Statement,
    TeamStatement,
)
from hrpolicy.core.display import Amount, Displayable, SummaryValue, View
from hrpolicy.core.errors import HRPolicyError, InvalidValueError, prefixed
from hrpolicy.core.explain import Explanation
from hrpolicy.core.fields import (
    Text,
    argument,
    arguments,
    checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label
from hrpolicy.core.money import ZERO, money_sum
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
    run_tables,
    whatif_schemas,
    whatif_view,
)

__all__ = [
    "RUN_TOTALS",
    "TeamYearRun",
    "YearComparison",
    "YearRun",
    "compare_year",
    "evaluate_team_year",
    "evaluate_year",
]

# --- results ------------------------------------------------------------------------------

_RUN_TITLE: Final = Label("年度提成结算", "Commission year run")
_TEAM_RUN_TITLE: Final = Label("团队年度提成结算", "Team commission year run")
_EMPLOYEE: Final = Label("员工", "employee")
_PLAN: Final = Label("方案", "plan")
_YEAR_END: Final = Label("年终结算", "year end")
_TOTAL: Final = Label("合计", "total")


def _check_months(periods: Sequence[Period], path: str) -> None:
    """Each period the month after the one before, in one calendar year."""
    for index in range(1, len(periods)):
        before, after = periods[index - 1], periods[index]
        require(
            after.is_month
            and before.month is not None
            and after.month == before.month + 1
            and after.year == before.year,
            f"{path}[{index}].period",
            f"the month after {before}",
            str(after),
        )


#: ``totals`` of a run: one row per statement (each month in order, then the year end;
#: for a team, everyone of a month before the next month), with the statement's totals.
RUN_TOTALS: Final = TableSchema(
    "totals",
    (
        *STATEMENT_TOTALS.columns,
        Column("year_end", ColumnType.BOOL, "the row is the year-end statement"),
        Column("run_to_date", ColumnType.MONEY, "what the run has paid the person up to this row"),
    ),
    "one row per statement of the run: its totals, in run order",
)
_STATEMENT_TABLES: Final = RESULT_TABLES[Statement]
#: The tables of a run: :data:`RUN_TOTALS`, then the statements' other tables stacked.
_RUN_TABLES: Final = (RUN_TOTALS, *_STATEMENT_TABLES[1:])
_SIDE: Final = Column("side", ColumnType.TEXT, "which plan: baseline or candidate")
_COMPARISON_TABLES: Final = (
    *whatif_schemas(ColumnType.MONEY),
    TableSchema(
        "statements", RUN_TOTALS.columns, "one row per statement of either side's run"
    ).keyed((_SIDE,)),
    *(schema.keyed((_SIDE,)) for schema in _RUN_TABLES[1:]),
)


def _run_tables(statements: Sequence[Statement], locale: str) -> Mapping[str, Table]:
    """The statements' tables stacked in order, their ``totals`` extended to
    :data:`RUN_TOTALS` (the year-end flag and each person's pay so far)."""
    return run_tables(
        statements,
        _STATEMENT_TABLES,
        RUN_TOTALS,
        locale,
        lambda statement: (statement.period.is_year,),
    )


def _side_tables(side: str, statements: Sequence[Statement], locale: str) -> Mapping[str, Table]:
    """A run's tables with a ``side`` first column, its ``totals`` named ``statements``."""
    schemas = {schema.name: schema for schema in _COMPARISON_TABLES[2:]}
    result = {}
    for name, table in _run_tables(statements, locale).items():
        key = "statements" if name == "totals" else name
        result[key] = Table(schemas[key], tuple((side, *row) for row in table.rows))
    return result


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class YearRun(Displayable):
    """One person's months in order, each chained to the one before, and the year-end
    statement if the plan has one (``None`` otherwise). ``carry_out`` is the last
    month's: what the month after the run reads."""

    plan: Plan
    employee: Text
    statements: tuple[Statement, ...]
    year_end: Statement | None = None

    def __attrs_post_init__(self) -> None:
        require(bool(self.statements), "YearRun.statements", "at least one month", ())
        _check_months([s.period for s in self.statements], "YearRun.statements")
        for statement in self.every:
            require(
                statement.employee == self.employee,
                "YearRun.statements",
                f"statements of {self.employee}",
                statement.employee,
            )

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.statements)

    def __len__(self) -> int:
        return len(self.statements)

    @property
    def months(self) -> tuple[Period, ...]:
        """The months of the run, in order."""
        return tuple(s.period for s in self.statements)

    @property
    def every(self) -> tuple[Statement, ...]:
        """Every statement: the months in order, then the year end."""
        closing: tuple[Statement, ...] = () if self.year_end is None else (self.year_end,)
        return self.statements + closing

    @property
    def carry_out(self) -> tuple[Carry, ...]:
        """The last month's carries, for the month after the run."""
        return self.statements[-1].carry_out

    def of(self, period: Period) -> Statement:
        """The statement of ``period`` (a month of the run, or the year for the year end)."""
        for statement in self.every:
            if statement.period == period:
                return statement
        known = ", ".join(str(s.period) for s in self.statements)
        raise InvalidValueError("period", f"one of {known}", period)

    @property
    def total(self) -> Decimal:
        """What the months and the year end pay together."""
        year_end = self.year_end.total if self.year_end is not None else ZERO
        return money_sum((*(s.total for s in self.statements), year_end))

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The run as tables: ``totals`` (:data:`RUN_TOTALS`: one row per statement, the
        months in order then the year end), then every statement's ``lines``,
        ``carries`` and explanation tables stacked in the same order, each row keyed by
        employee and period (as :meth:`Statement.tables <hrpolicy.commission.Statement.
        tables>` gives them).

        >>> from hrpolicy.commission import Deal, Period, evaluate_year
        >>> from hrpolicy.commission.examples import year_end_plan
        >>> deals = [Deal(deal_id=f"D{m}", owner="li", signed_on=date(2024, m, 10),
        ...               amount=Decimal(40000)) for m in range(1, 13)]
        >>> year = evaluate_year(year_end_plan(), Period(year=2024), deals, "li")
        >>> last = year.to_records("totals")[-1]
        >>> last["period"], last["year_end"], last["total"], last["run_to_date"]
        ('2024', True, Decimal('4800.00'), Decimal('4800.00'))
        """
        return _run_tables(self.every, locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_EMPLOYEE, self.employee),
            (_PLAN, self.plan.plan_id),
            *((Label(str(s.period), str(s.period)), Amount(s.total)) for s in self.statements),
            *(((_YEAR_END, Amount(self.year_end.total)),) if self.year_end else ()),
            (_TOTAL, Amount(self.total)),
        )
        return View(_RUN_TITLE, summary, Explanation.joined(s.explanation for s in self.every))


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TeamYearRun(Displayable):
    """A team's months in order (each a :class:`TeamStatement`), and the year-end team
    statement if the plan has one (``None`` otherwise)."""

    plan: Plan
    months: tuple[TeamStatement, ...]
    year_end: TeamStatement | None = None

    def __attrs_post_init__(self) -> None:
        require(bool(self.months), "TeamYearRun.months", "at least one month", ())
        _check_months([team.period for team in self.months], "TeamYearRun.months")

    def __iter__(self) -> Iterator[TeamStatement]:
        return iter(self.months)

    def __len__(self) -> int:
        return len(self.months)

    @property
    def employees(self) -> tuple[str, ...]:
        """Everyone with a statement in the run, in order."""
        names = {s.employee for team in self.teams for s in team}
        return tuple(sorted(names))

    @property
    def teams(self) -> tuple[TeamStatement, ...]:
        """Every team statement: the months in order, then the year end."""
        closing: tuple[TeamStatement, ...] = () if self.year_end is None else (self.year_end,)
        return self.months + closing

    def of(self, period: Period) -> TeamStatement:
        """The team statement of ``period`` (a month, or the year for the year end)."""
        for team in self.teams:
            if team.period == period:
                return team
        known = ", ".join(str(t.period) for t in self.teams)
        raise InvalidValueError("period", f"one of {known}", period)

    def statement(self, employee: str, period: Period) -> Statement | None:
        """The statement of ``employee`` for ``period``, or ``None`` when they have none
        that month (no deal, no inputs, nothing carried)."""
        for statement in self.of(period):
            if statement.employee == employee:
                return statement
        return None

    def pay(self, employee: str, period: Period) -> Decimal:
        """What ``employee``'s statement for ``period`` pays (0.00 with no statement)."""
        statement = self.statement(employee, period)
        return statement.total if statement is not None else ZERO

    def carry_out(self, employee: str) -> tuple[Carry, ...]:
        """``employee``'s carries after the run's last month (none if they have no
        statement in it)."""
        statement = self.statement(employee, self.months[-1].period)
        return statement.carry_out if statement is not None else ()

    def person_total(self, employee: str) -> Decimal:
        """What the run pays ``employee``, the months and the year end together."""
        return money_sum(self.pay(employee, team.period) for team in self.teams)

    @property
    def total(self) -> Decimal:
        """What the run pays in total."""
        return money_sum(team.total for team in self.teams)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The run as tables: ``totals`` (:data:`RUN_TOTALS`: one row per statement,
        month by month and by employee within a month, then the year end), then every
        statement's ``lines``, ``carries`` and explanation tables stacked in the same
        order, each row keyed by employee and period."""
        return _run_tables([s for team in self.teams for s in team], locale)

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (_PLAN, self.plan.plan_id),
            *((Label(name, name), Amount(self.person_total(name))) for name in self.employees),
            *((Label(str(t.period), str(t.period)), Amount(t.total)) for t in self.months),
            *(((_YEAR_END, Amount(self.year_end.total)),) if self.year_end else ()),
            (_TOTAL, Amount(self.total)),
        )
        findings = tuple(f for team in self.teams for s in team for f in s.findings)
        return View(_TEAM_RUN_TITLE, summary, Explanation((), findings))


_COMPARE_TITLE: Final = Label("方案年度对比", "Plan comparison over a year")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class YearComparison(WhatIfRows, Displayable):
    """A what-if over a year: the same deals and inputs under two plans, one row per
    period (each month, then the year end) and person — both pays and the difference —
    and the totals. A person with no statement under one plan that month is paid 0.00
    under it."""

    baseline: TeamYearRun
    candidate: TeamYearRun
    rows: tuple[WhatIfRow, ...]

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The what-if as tables: ``totals`` (one row: both totals, the difference, how
        many rows changed) and ``rows`` (one row per period and person), then both runs'
        tables stacked with a ``side`` key (``baseline`` or ``candidate``):
        ``statements`` (each statement's totals, as a run's ``totals``), ``lines``,
        ``carries`` and the explanation tables."""
        sides = [
            _side_tables(side, [s for team in run.teams for s in team], locale)
            for side, run in (("baseline", self.baseline), ("candidate", self.candidate))
        ]
        return {**WhatIfRows.tables(self, locale), **merge_tables(sides)}

    def _view(self) -> View:
        return whatif_view(
            _COMPARE_TITLE, self.baseline.plan.plan_id, self.candidate.plan.plan_id, self.rows
        )


RESULT_TABLES.update(
    {YearRun: _RUN_TABLES, TeamYearRun: _RUN_TABLES, YearComparison: _COMPARISON_TABLES}
)


# --- the runs -----------------------------------------------------------------------------


def _settles_yearly(plan: Plan, year: int) -> bool:
    versions = plan.versions_between(date(year, 1, 1), date(year, 12, 31))
    return any(c.frequency is Frequency.YEARLY for v in versions for c in v.components)


def _check_run_frequencies(plan: Plan, run: tuple[Period, ...]) -> None:
    """A run settles months and the year end only: a plan with a component settled by
    quarter or season in the run's months is refused rather than run without it."""
    versions = plan.versions_between(run[0].first_day, run[-1].last_day)
    other = {
        c.component_id: c.frequency
        for v in versions
        for c in v.components
        if c.frequency not in (Frequency.MONTHLY, Frequency.YEARLY)
    }
    require(
        not other,
        "plan",
        f"a plan settled by month and year (plan {plan.plan_id} settles "
        + ", ".join(f"{cid} {f.value}" for cid, f in other.items())
        + ": evaluate each quarter or season with evaluate or evaluate_team)",
        plan.plan_id,
    )


def _plan_months(plan: object, months: object) -> tuple[Plan, tuple[Period, ...], Period | None]:
    """The plan, the months, and the year if the run ends with a year-end statement."""
    checked_plan = argument(plan, Plan, "plan")
    run = month_run(months, "months", one_year=True)
    year = run[-1].year
    _check_run_frequencies(checked_plan, run)
    has_year_end = run[-1].month == 12 and _settles_yearly(checked_plan, year)
    return checked_plan, run, Period(year=year) if has_year_end else None


def _deals_by_month(
    deals: object, run: tuple[Period, ...], year_end: Period | None
) -> tuple[dict[Period, list[Deal]], list[Deal]]:
    """Each month's deals, and every deal of the year (for the year end)."""
    given = arguments(deals, Deal, "deals")
    require_unique([d.deal_id for d in given], "deals", "deal_id")
    by_month: dict[Period, list[Deal]] = {month: [] for month in run}
    first, last = run[0], run[-1]
    for deal in given:
        day = deal.signed_on
        month = Period(year=day.year, month=day.month)
        if month in by_month:
            by_month[month].append(deal)
            continue
        earlier = year_end is not None and day.year == first.year and day < first.first_day
        if not earlier:
            within = f"a date from {first.first_day} to {last.last_day}, the run's months" + (
                f" (or earlier in {first.year}, for the year-end statement)"
                if year_end is not None
                else ""
            )
            raise InvalidValueError(f"Deal({deal.deal_id}).signed_on", within, day)
    return by_month, list(given)


def _in_run(error: HRPolicyError, period: Period) -> HRPolicyError:
    where = f"year({period.year})." if period.is_year else f"month({period})."
    return prefixed(error, where)


def _chain_carries(
    inputs: PersonInputs, carries: tuple[Carry, ...], period: Period
) -> PersonInputs:
    """``inputs`` with the previous month's carries; carries of its own are refused."""
    require(
        not inputs.carries,
        f"inputs[{period}]({inputs.employee}).carries",
        "no carries: the run passes on the previous month's carry_out (give carries only "
        "in the first month a person is in the run)",
        ", ".join(c.component for c in inputs.carries),
    )
    return attrs.evolve(inputs, carries=carries)


def evaluate_year(
    plan: Plan,
    months: Period | Sequence[Period],
    deals: Sequence[Deal],
    employee: str,
    inputs: Mapping[Period, PersonInputs] | None = None,
) -> YearRun:
    """``employee``'s months under ``plan``, one after the other, each month's
    ``carry_out`` passed on as the next month's carries, and the year-end statement when
    the run ends in December and the plan settles something yearly that year (the rules
    in the module documentation).

    Args:
        plan: the :class:`Plan`, as for :func:`~hrpolicy.commission.evaluate`.
        months: a year (:class:`Period` without a month: its twelve months), or a list or
            tuple of consecutive months of one year, in order.
        deals: a list or tuple of every :class:`Deal` crediting the person in the run;
            each month takes those signed in it.
        employee: the person.
        inputs (optional): the person's :class:`PersonInputs` by period — a month of the
            run, or the year for the year-end statement; a month without inputs is
            evaluated with empty ones. Carries only in the first month.

    Returns:
        A :class:`YearRun`: the statements in month order, the year end (or ``None``),
        the last month's ``carry_out`` and the totals.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: months out of order, with a gap, of two years; a deal outside
            the run; inputs for a period outside the run or for another employee; carries
            given for a month after the first; and whatever
            :func:`~hrpolicy.commission.evaluate` refuses, its path prefixed with the
            month (``month(2024-03).``) or the year end (``year(2024).``).
        NotCoveredError: a date no plan version covers, prefixed the same way.

    Example:
        >>> from hrpolicy.commission import Deal, Period, PersonInputs, evaluate_year
        >>> from hrpolicy.commission.examples import year_end_plan, pay_mix_plan
        >>> deals = [Deal(deal_id=f"D{m}", owner="li", signed_on=date(2024, m, 10),
        ...               amount=Decimal(40000)) for m in range(1, 13)]
        >>> year = evaluate_year(year_end_plan(), Period(year=2024), deals, "li")
        >>> assert year.year_end is not None
        >>> len(year), year.year_end.total, year.total  # 480,000 reach the 1 % rate
        (12, Decimal('4800.00'), Decimal('4800.00'))
        >>> spring = [Period(year=2024, month=m) for m in (3, 4, 5)]
        >>> run = evaluate_year(pay_mix_plan(), spring, deals[2:5], "li",
        ...                     {m: PersonInputs(employee="li", score=Decimal(80)) for m in spring})
        >>> [str(s.total) for s in run], run.total
        (['8200.00', '8200.00', '8200.00'], Decimal('24600.00'))
        >>> evaluate_year(pay_mix_plan(), spring, deals, "li")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: Deal(D1).signed_on: expected a date from
        2024-03-01 to 2024-05-31, the run's months, got date 2024-01-10
    """
    checked_plan, run, year_end = _plan_months(plan, months)
    person = argument(employee, str, "employee")
    require(bool(person.strip()), "employee", "a non-empty text", person)
    periods = (*run, *((year_end,) if year_end else ()))
    given = by_period({} if inputs is None else inputs, PersonInputs, "inputs", periods, many=False)
    for period, (item,) in given.items():
        require(
            item.employee == person,
            f"inputs[{period}].employee",
            f"{person!r}, the person of the run",
            item.employee,
        )
    by_month, every = _deals_by_month(deals, run, year_end)
    statements: list[Statement] = []
    for period in run:
        own = given.get(period, (PersonInputs(employee=person),))[0]
        if statements:
            own = _chain_carries(own, statements[-1].carry_out, period)
        try:
            statements.append(evaluate(checked_plan, period, by_month[period], own))
        except HRPolicyError as error:
            raise _in_run(error, period) from error
    closing = None
    if year_end is not None:
        own = given.get(year_end, (PersonInputs(employee=person),))[0]
        try:
            closing = evaluate(checked_plan, year_end, every, own)
        except HRPolicyError as error:
            raise _in_run(error, year_end) from error
    return YearRun(
        plan=checked_plan, employee=person, statements=tuple(statements), year_end=closing
    )


def evaluate_team_year(
    plan: Plan,
    months: Period | Sequence[Period],
    deals: Sequence[Deal],
    inputs: Mapping[Period, Sequence[PersonInputs]] | None = None,
) -> TeamYearRun:
    """A team's months under ``plan``, one after the other: each month is
    :func:`~hrpolicy.commission.evaluate_team` on the deals signed in it, every person's
    carries passed on from their previous month; then the year-end team statement when
    the run ends in December and the plan settles something yearly that year.

    Args:
        plan: the :class:`Plan`.
        months: a year (its twelve months), or a list or tuple of consecutive months of
            one year, in order.
        deals: a list or tuple of every :class:`Deal` of the team in the run, each given
            once however many people it credits.
        inputs (optional): by period (a month of the run, or the year for the year end),
            a list or tuple of :class:`PersonInputs`, at most one per employee. Carries
            only in a person's first month in the run.

    Returns:
        A :class:`TeamYearRun`: the team statements in month order and the year end (or
        ``None``), with each person's pay per month and in total.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: months out of order, with a gap, of two years; a deal outside
            the run; inputs for a period outside the run; carries for a person whose
            previous month is in the run; and whatever
            :func:`~hrpolicy.commission.evaluate_team` refuses, prefixed with the month
            (``month(2024-03).team(li).``) or the year end (``year(2024).``).
        NotCoveredError: a date no plan version covers, prefixed the same way.

    Example:
        >>> from hrpolicy.commission import Deal, Period, evaluate_team_year
        >>> from hrpolicy.commission.examples import magazine_plan
        >>> deals = [
        ...     Deal(deal_id="M-1", owner="li", signed_on=date(2024, 3, 5), units=Decimal(25)),
        ...     Deal(deal_id="M-2", owner="wang", signed_on=date(2024, 4, 6), units=Decimal(10)),
        ... ]
        >>> spring = [Period(year=2024, month=m) for m in (3, 4)]
        >>> run = evaluate_team_year(magazine_plan(), spring, deals)
        >>> for row in run.to_records():
        ...     print(row["period"], row["employee"], row["total"])
        2024-03 li 525.00
        2024-04 wang 200.00
        >>> run.person_total("li"), run.total
        (Decimal('525.00'), Decimal('725.00'))
    """
    checked_plan, run, year_end = _plan_months(plan, months)
    periods = (*run, *((year_end,) if year_end else ()))
    given = by_period({} if inputs is None else inputs, PersonInputs, "inputs", periods, many=True)
    by_month, every = _deals_by_month(deals, run, year_end)
    teams: list[TeamStatement] = []
    for period in run:
        listed = given.get(period, ())
        require_unique([i.employee for i in listed], f"inputs[{period}]", "employee")
        people = {i.employee: i for i in listed}
        if teams:
            for statement in teams[-1]:
                own = people.get(statement.employee)
                if own is not None:
                    people[statement.employee] = _chain_carries(own, statement.carry_out, period)
                elif statement.carry_out:
                    people[statement.employee] = PersonInputs(
                        employee=statement.employee, carries=statement.carry_out
                    )
        try:
            teams.append(
                evaluate_team(checked_plan, period, by_month[period], list(people.values()))
            )
        except HRPolicyError as error:
            raise _in_run(error, period) from error
    closing = None
    if year_end is not None:
        try:
            closing = evaluate_team(checked_plan, year_end, every, given.get(year_end, ()))
        except HRPolicyError as error:
            raise _in_run(error, year_end) from error
    return TeamYearRun(plan=checked_plan, months=tuple(teams), year_end=closing)


def compare_year(
    baseline: Plan,
    candidate: Plan,
    months: Period | Sequence[Period],
    deals: Sequence[Deal],
    inputs: Mapping[Period, Sequence[PersonInputs]] | None = None,
) -> YearComparison:
    """A what-if over a year: the same deals and inputs run under ``baseline`` and
    ``candidate`` (each as :func:`evaluate_team_year` runs it), one row per period and
    person with both pays and the difference, and the totals.

    Args:
        baseline: the :class:`Plan` in force, or the one compared against.
        candidate: the :class:`Plan` proposed.
        months: a year, or consecutive months of one year, as for
            :func:`evaluate_team_year`.
        deals: every :class:`Deal` of the team in the run, used unchanged under both.
        inputs (optional): the :class:`PersonInputs` by period, used unchanged under both.

    Returns:
        A :class:`YearComparison`: both runs, the rows (months in order, then the year
        end; people in order within each) and the totals. A person or a year end one
        plan has and the other not is 0.00 on the side without it.

    Raises:
        InvalidTypeError: an argument is of the wrong type, prefixed ``baseline.`` or
            ``candidate.`` when one plan's run refuses it.
        InvalidValueError: what :func:`evaluate_team_year` refuses under either plan,
            prefixed ``baseline.`` or ``candidate.``.
        NotCoveredError: a date one of the plans does not cover, prefixed the same way.

    Example:
        >>> from hrpolicy.commission import Deal, Period, compare_year
        >>> from hrpolicy.commission.examples import magazine_plan
        >>> deals = [Deal(deal_id="M-1", owner="li", signed_on=date(2024, 3, 5), units=Decimal(25)),
        ...          Deal(deal_id="M-2", owner="li", signed_on=date(2024, 4, 6), units=Decimal(22))]
        >>> spring = [Period(year=2024, month=m) for m in (3, 4)]
        >>> what_if = compare_year(magazine_plan("marginal"), magazine_plan("whole"),
        ...                        spring, deals)
        >>> for row in what_if.rows:
        ...     print(row.period, row.subject, row.baseline, row.candidate, row.difference)
        2024-03 li 525.00 625.00 100.00
        2024-04 li 450.00 550.00 100.00
        >>> what_if.difference
        Decimal('200.00')
    """
    before = _side("baseline", baseline, months, deals, inputs)
    after = _side("candidate", candidate, months, deals, inputs)
    return YearComparison(baseline=before, candidate=after, rows=_rows(before, after))


def _rows(before: TeamYearRun, after: TeamYearRun) -> tuple[WhatIfRow, ...]:
    """One row per period (the months, then the year end if either run has one) and
    person with a statement under either plan."""
    periods = [team.period for team in before.months]
    if before.year_end is not None or after.year_end is not None:
        periods.append(Period(year=periods[-1].year))
    return tuple(
        WhatIfRow(
            period=period,
            subject=name,
            baseline=_pay(before, name, period),
            candidate=_pay(after, name, period),
        )
        for period in periods
        for name in _people(before, after, period)
    )


def _people(before: TeamYearRun, after: TeamYearRun, period: Period) -> list[str]:
    """Everyone with a statement for ``period`` under either plan, in order."""
    return sorted(
        {s.employee for run in (before, after) for t in run.teams if t.period == period for s in t}
    )


def _pay(run: TeamYearRun, employee: str, period: Period) -> Decimal:
    if period.is_year and run.year_end is None:
        return ZERO
    return run.pay(employee, period)


def _side(
    name: str,
    plan: Plan,
    months: Period | Sequence[Period],
    deals: Sequence[Deal],
    inputs: Mapping[Period, Sequence[PersonInputs]] | None,
) -> TeamYearRun:
    try:
        return evaluate_team_year(plan, months, deals, inputs)
    except HRPolicyError as error:
        raise prefixed(error, f"{name}.") from error
