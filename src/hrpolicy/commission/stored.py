"""Commission results read back from plain data: recomputed, never trusted.

A :class:`~hrpolicy.commission.results.Statement` holds its inputs (plan, period, deals,
person inputs); a team run and a comparison hold their statements. ``from_dict(data,
Statement)`` (and the same for :class:`~hrpolicy.commission.results.TeamStatement` and
:class:`~hrpolicy.commission.results.Comparison`) builds the stored result, computes it
afresh from those inputs, and refuses data whose figures differ from the recomputation
with a :class:`~hrpolicy.core.errors.ConversionError` naming the first place they differ.
Every result is written in format 1 (the ``"format"`` key of
:func:`~hrpolicy.core.convert.to_dict`).

>>> import json
>>> from hrpolicy.commission import Deal, Period, PersonInputs, Statement, evaluate
>>> from hrpolicy.commission.examples import pay_mix_plan
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> deal = Deal(deal_id="C-1", owner="li", signed_on="2024-03-04", amount=100000)
>>> march = evaluate(pay_mix_plan(), Period(year=2024, month=3), [deal],
...                  PersonInputs(employee="li", score=90))
>>> data = json.loads(json.dumps(to_dict(march)))
>>> data["format"], from_dict(data, Statement) == march
(1, True)
>>> data["lines"][0]["amount"] = "3100.00"
>>> from_dict(data, Statement)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: Statement: cannot build from the data given:
$.lines[0].amount: expected 3000.00, as recomputed from the stored plan, period, deals
and inputs (the data was edited, or computed under other rules), got Decimal 3100.00
"""

from __future__ import annotations

from typing import Final

from hrpolicy.commission.engine import compare, evaluate, evaluate_team
from hrpolicy.commission.model import Deal
from hrpolicy.commission.results import Comparison, Statement, TeamStatement
from hrpolicy.core.convert import register_format
from hrpolicy.core.statement import register_recomputed

__all__ = ["RESULT_FORMAT"]

#: The format version every commission result is written in.
RESULT_FORMAT: Final = 1


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


for _cls in (Statement, TeamStatement, Comparison):
    register_format(_cls, RESULT_FORMAT)
register_recomputed(Statement, _statement, "the stored plan, period, deals and inputs")
register_recomputed(
    TeamStatement, _team, "the stored plan, period and each statement's deals and inputs"
)
register_recomputed(
    Comparison, _comparison, "the stored plans, period and the baseline's deals and inputs"
)
