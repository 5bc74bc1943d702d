"""Commission results read back from plain data: recomputed, never trusted.

A :class:`~hrpolicy.commission.results.Statement` holds its inputs (plan, period, deals,
person inputs); a team run, a comparison, a year run (:class:`~hrpolicy.commission.runs.
YearRun`, :class:`~hrpolicy.commission.runs.TeamYearRun`) and a what-if over a year
(:class:`~hrpolicy.commission.runs.YearComparison`) hold their statements, and a run is
read back by running it again on its plan, months, deals and inputs — so a statement
whose carries do not follow from the month before is refused too. ``from_dict(data,
Statement)`` (and the same for :class:`~hrpolicy.commission.results.TeamStatement` and
:class:`~hrpolicy.commission.results.Comparison`) builds the stored result, computes it
afresh from those inputs, and refuses data whose figures differ from the recomputation
with a :class:`~hrpolicy.core.errors.ConversionError` naming the first place they differ.
Every result is written in format :data:`RESULT_FORMAT` (the ``"format"`` key of
:func:`~hrpolicy.core.convert.to_dict`); a format 1 result (written before a task base
named its reading of the dealers) still reads.

>>> import json
>>> from datetime import date
>>> from decimal import Decimal
>>> from hrpolicy.commission import Deal, Period, PersonInputs, Statement, evaluate
>>> from hrpolicy.commission.examples import pay_mix_plan
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> deal = Deal(deal_id="C-1", owner="li", signed_on=date(2024, 3, 4), amount=Decimal(100000))
>>> march = evaluate(pay_mix_plan(), Period(year=2024, month=3), [deal],
...                  PersonInputs(employee="li", score=Decimal(90)))
>>> data = json.loads(json.dumps(to_dict(march)))
>>> data["format"], from_dict(data, Statement) == march
(2, True)
>>> data["lines"][0]["amount"] = "3100.00"
>>> from_dict(data, Statement)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: Statement: cannot build from the data given:
$.lines[0].amount: expected 3000.00, as recomputed from the stored plan, period, deals
and inputs (the data was edited, or computed under other rules), got Decimal 3100.00
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from hrpolicy.commission.engine import compare, evaluate, evaluate_team
from hrpolicy.commission.model import Deal, Period, PersonInputs
from hrpolicy.commission.results import Comparison, Statement, TeamStatement
from hrpolicy.commission.runs import (
    TeamYearRun,
    YearComparison,
    YearRun,
    compare_year,
    evaluate_team_year,
    evaluate_year,
)
from hrpolicy.core.convert import register_format
from hrpolicy.core.statement import insert_step_input, register_recomputed

__all__ = ["RESULT_FORMAT"]

#: The format version every commission result is written in: 2 since a task base with a
#: dealer target names the reading of its dealers (``dealers_counted``) in its step.
RESULT_FORMAT: Final = 2


def _from_version_1(old: dict[str, Any]) -> dict[str, Any]:
    """A format 1 result: its task-base steps with a dealer target were computed under
    the only reading there was — dealers counted when new — which format 2 names in the
    step (``dealers_counted``, right after ``dealer_target``)."""
    result: dict[str, Any] = insert_step_input(
        old,
        lambda step: step["rule"].startswith("task_base."),
        "dealer_target",
        "dealers_counted",
        "new",
    )
    return result


def _statement(stored: Statement) -> Statement:
    return evaluate(stored.plan, stored.period, stored.deals, stored.inputs)


def _deals_of(team: TeamStatement) -> list[Deal]:
    """Each deal of the team once (a shared deal is held by each person it credits)."""
    seen: dict[str, Deal] = {}
    for statement in team.statements:
        for deal in statement.deals:
            seen.setdefault(deal.deal_id, deal)
    return list(seen.values())


def _team(stored: TeamStatement) -> TeamStatement:
    people = [statement.inputs for statement in stored.statements]
    return evaluate_team(stored.plan, stored.period, _deals_of(stored), people)


def _comparison(stored: Comparison) -> Comparison:
    base = stored.baseline
    people = [statement.inputs for statement in base.statements]
    return compare(base.plan, stored.candidate.plan, base.period, _deals_of(base), people)


def _in_order(lists: Iterable[Sequence[Deal]]) -> list[Deal]:
    """Each deal once, in an order that keeps every list's own order (the statements of
    one run each hold their deals in the order the run was given them)."""
    deals: dict[str, Deal] = {}
    after: dict[str, set[str]] = {}
    before: dict[str, int] = {}
    for deals_of in lists:
        for index, deal in enumerate(deals_of):
            deals.setdefault(deal.deal_id, deal)
            before.setdefault(deal.deal_id, 0)
            if index:
                earlier = deals_of[index - 1].deal_id
                if deal.deal_id not in after.setdefault(earlier, set()):
                    after[earlier].add(deal.deal_id)
                    before[deal.deal_id] += 1
    order = list(deals)
    ready = [d for d in order if not before[d]]
    result: list[Deal] = []
    while ready:
        current = ready.pop(0)
        result.append(deals[current])
        for later in sorted(after.get(current, ()), key=order.index):
            before[later] -= 1
            if not before[later]:
                ready.append(later)
    # Orders that contradict each other (edited data) leave deals out: add them, and let
    # the recomputation report the difference.
    return result + [deals[d] for d in order if deals[d] not in result]


def _run_inputs(
    months: Sequence[Sequence[Statement]],
) -> dict[Period, list[PersonInputs]]:
    """The inputs each month was given: every statement's, with the carries it read from
    its previous month (the run passes those on) taken out."""
    result: dict[Period, list[PersonInputs]] = {}
    previous: set[str] = set()
    for month in months:
        for statement in month:
            own = statement.inputs
            if statement.employee in previous:
                own = attrs.evolve(own, carries=())
            result.setdefault(statement.period, []).append(own)
        previous = {statement.employee for statement in month}
    return result


def _year_run(stored: YearRun) -> YearRun:
    every = [s.deals for s in stored.every]
    inputs = {p: people[0] for p, people in _run_inputs([[s] for s in stored.statements]).items()}
    if stored.year_end is not None:
        inputs[stored.year_end.period] = stored.year_end.inputs
    return evaluate_year(stored.plan, stored.months, _in_order(every), stored.employee, inputs)


def _team_run_data(
    run: TeamYearRun,
) -> tuple[list[Period], list[Deal], dict[Period, list[PersonInputs]]]:
    """The months, deals and inputs a team run was computed from."""
    deals = _in_order(s.deals for team in run.teams for s in team)
    inputs = _run_inputs([team.statements for team in run.months])
    if run.year_end is not None:
        inputs[run.year_end.period] = [s.inputs for s in run.year_end]
    return [team.period for team in run.months], deals, inputs


def _team_year_run(stored: TeamYearRun) -> TeamYearRun:
    months, deals, inputs = _team_run_data(stored)
    return evaluate_team_year(stored.plan, months, deals, inputs)


def _year_comparison(stored: YearComparison) -> YearComparison:
    base, candidate = stored.baseline, stored.candidate
    months, _, inputs = _team_run_data(base)
    deals = _in_order(s.deals for run in (base, candidate) for team in run.teams for s in team)
    # Someone both plans settle in a month was given (or carried) there under both; one
    # only a plan's carry brings in was not given at all.
    under_both = {(team.period, s.employee) for team in candidate.teams for s in team}
    given = {
        period: [i for i in people if (period, i.employee) in under_both]
        for period, people in inputs.items()
        if period.is_month
    }
    # Inputs for the year end can be given only when both plans have one (a run without
    # a year end refuses them); it takes no carries, so its people are the same in both.
    if base.year_end is not None and candidate.year_end is not None:
        given[base.year_end.period] = [s.inputs for s in base.year_end]
    return compare_year(base.plan, candidate.plan, months, deals, given)


for _cls in (Statement, TeamStatement, Comparison, YearRun, TeamYearRun, YearComparison):
    register_format(_cls, RESULT_FORMAT, readers={1: _from_version_1})
register_recomputed(Statement, _statement, "the stored plan, period, deals and inputs")
register_recomputed(
    TeamStatement, _team, "the stored plan, period and each statement's deals and inputs"
)
register_recomputed(
    Comparison, _comparison, "the stored plans, period and the baseline's deals and inputs"
)
register_recomputed(YearRun, _year_run, "the stored plan, months, deals and inputs")
register_recomputed(
    TeamYearRun, _team_year_run, "the stored plan, months and the statements' deals and inputs"
)
register_recomputed(
    YearComparison,
    _year_comparison,
    "the stored plans, months and the statements' deals and inputs",
)
