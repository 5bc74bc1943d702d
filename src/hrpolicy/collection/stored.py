"""Collection results and the carried state read back from plain data.

A :class:`~hrpolicy.collection.results.CollectionStatement` holds its inputs (policy,
period, receivables, the salesperson's inputs with the state carried in), and a
:class:`~hrpolicy.collection.results.RecoverySchedule` its amount and months:
``from_dict(data, CollectionStatement)`` (or ``RecoverySchedule``) builds the stored
result, computes it afresh from those inputs, and refuses data whose figures differ with
a :class:`~hrpolicy.core.errors.ConversionError` naming the first place they differ. A
run of months (:class:`~hrpolicy.collection.runs.CollectionRun`,
:class:`~hrpolicy.collection.runs.TeamCollectionRun`) and a what-if over one
(:class:`~hrpolicy.collection.runs.PolicyComparison`) are read back by running them again
on their policies, months, receivables and inputs — so a month whose state does not
follow from the month before is refused too.

The state a statement carries to the next month (:class:`CollectionState`, its
``state_out``) is a document of its own — stored between monthly runs — written in format
:data:`STATE_FORMAT` (the ``"format"`` key of :func:`~hrpolicy.core.convert.to_dict`);
results are written in format :data:`RESULT_FORMAT`. Since format 3 a state carries the
receivables' ledger at the end of its month (``ledger``), which the next month goes on
from; states and results written in formats 1 and 2 still read, with no ledger (the month
after replays from the first day). A stored result whose states record no ledger is
compared with its recomputation without one: the ledger is an aid to speed, no figure.

>>> import json
>>> from hrpolicy.collection import CollectionState, CollectionStatement
>>> from hrpolicy.collection.examples import example_bad_debt
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> january, february, march = example_bad_debt()
>>> state = to_dict(march.state_out)
>>> state["format"], state["to_recover"], state["ledger"]["as_of"]
(3, '2000.00', '2024-03-31')
>>> from_dict(json.loads(json.dumps(state)), CollectionState) == march.state_out
True
>>> data = json.loads(json.dumps(to_dict(january)))
>>> from_dict(data, CollectionStatement) == january
True
>>> data["state_out"]["reserve"] = "0.00"
>>> del data["state_out"]["reserve_parts"]  # else they no longer add up to the reserve
>>> from_dict(data, CollectionStatement)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: CollectionStatement: cannot build from the data
given: $.state_out.reserve: expected 300.00, as recomputed from the stored policy,
period, receivables and inputs (the data was edited, or computed under other rules), got
Decimal 0.00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from hrpolicy.collection.engine import settle_month
from hrpolicy.collection.model import CollectionInputs, CollectionState
from hrpolicy.collection.results import (
    CollectionStatement,
    MatrixReading,
    OverdueReading,
    PerformanceDeduction,
)
from hrpolicy.collection.runs import (
    CollectionRun,
    PolicyComparison,
    TeamCollectionRun,
    _rows,
    compare_policies,
    settle_run,
    settle_team_run,
)
from hrpolicy.core.convert import register_format
from hrpolicy.core.period import Period
from hrpolicy.core.statement import register_recomputed

__all__ = ["RESULT_FORMAT", "STATE_FORMAT"]

#: The format version every collection result (and reading) is written in: 3 since the
#: carried states inside a result hold the receivables' ledger (``ledger``); 2 since they
#: hold the reserve by part (``reserve_parts``).
RESULT_FORMAT: Final = 3
#: The format version of the state carried from one month to the next: 3 since it holds
#: the receivables' ledger at the end of its month (``ledger``, a
#: :class:`~hrpolicy.collection.model.CarriedLedger`); 2 since it holds the reserve by part
#: (``reserve_parts``). A format 1 state's ``reserve`` is read as the single reserve's; a
#: format 1 or 2 state has no ledger, so the month after it replays the receivables from
#: the first day.
STATE_FORMAT: Final = 3


def _from_version_1(old: dict[str, Any]) -> dict[str, Any]:
    """A format 1 document reads as it is: a state's reserve balance written without parts
    is the single reserve's, as :class:`CollectionState` itself holds a balance given
    without parts (one rule, in the model), and nothing else changed shape."""
    return old


def _from_version_2(old: dict[str, Any]) -> dict[str, Any]:
    """A format 2 document reads as it is: its states carry no ledger (``ledger`` is
    ``None``: the month after replays from the first day), and nothing else changed
    shape."""
    return old


_READERS: Final = {1: _from_version_1, 2: _from_version_2}


def _state_as_stored(fresh: CollectionState, stored: CollectionState) -> CollectionState:
    """``fresh`` without its carried ledger when ``stored`` has none: a stored state
    without one (written before format 3, or left out) loses nothing but speed."""
    if stored.ledger is None and fresh.ledger is not None:
        return attrs.evolve(fresh, ledger=None)
    return fresh


def _as_stored(fresh: CollectionStatement, stored: CollectionStatement) -> CollectionStatement:
    """``fresh`` with the carried ledgers ``stored`` does not record left out, in its
    state in and its state out (see :func:`_state_as_stored`)."""
    state = _state_as_stored(fresh.inputs.state, stored.inputs.state)
    state_out = _state_as_stored(fresh.state_out, stored.state_out)
    if state is fresh.inputs.state and state_out is fresh.state_out:
        return fresh
    return attrs.evolve(fresh, inputs=attrs.evolve(fresh.inputs, state=state), state_out=state_out)


def _all_as_stored(
    fresh: Sequence[CollectionStatement], stored: Sequence[CollectionStatement]
) -> tuple[CollectionStatement, ...]:
    if len(fresh) != len(stored):  # the difference is reported as it is
        return tuple(fresh)
    return tuple(_as_stored(f, s) for f, s in zip(fresh, stored, strict=True))


def _statement(stored: CollectionStatement) -> CollectionStatement:
    fresh = settle_month(stored.policy, stored.period, stored.receivables, stored.inputs)
    return _as_stored(fresh, stored)


_EMPTY: Final = CollectionState()


def _run_inputs(
    months: Sequence[Period], statements: Sequence[CollectionStatement]
) -> dict[Period, list[CollectionInputs]]:
    """The inputs each month was given: every statement's, with the state it read from
    its previous month (the run passes that on) taken out."""
    result: dict[Period, list[CollectionInputs]] = {month: [] for month in months}
    seen: dict[str, Period] = {}
    for statement in statements:
        own = statement.inputs
        if statement.employee in seen:
            own = attrs.evolve(own, state=_EMPTY)
        seen[statement.employee] = statement.period
        result[statement.period].append(own)
    return result


def _collection_run(stored: CollectionRun) -> CollectionRun:
    statements = stored.statements
    inputs = {p: people[0] for p, people in _run_inputs(stored.months, statements).items()}
    first = statements[0]
    fresh = settle_run(stored.policy, stored.months, first.receivables, stored.employee, inputs)
    return attrs.evolve(fresh, statements=_all_as_stored(fresh.statements, statements))


def _team_run(stored: TeamCollectionRun) -> TeamCollectionRun:
    if not stored.statements:  # nothing was settled: nothing to recompute
        return stored
    inputs = _run_inputs(stored.months, stored.statements)
    receivables = stored.statements[0].receivables
    fresh = settle_team_run(stored.policy, stored.months, receivables, inputs)
    return attrs.evolve(fresh, statements=_all_as_stored(fresh.statements, stored.statements))


def _policy_comparison(stored: PolicyComparison) -> PolicyComparison:
    base, candidate = stored.baseline, stored.candidate
    if not base.statements:  # nobody in the run: only the rows to check
        return attrs.evolve(stored, rows=_rows(base, candidate))
    inputs = _run_inputs(base.months, base.statements)
    receivables = base.statements[0].receivables
    fresh = compare_policies(base.policy, candidate.policy, base.months, receivables, inputs)
    sides = {}
    for side in ("baseline", "candidate"):
        run, kept = getattr(fresh, side), getattr(stored, side)
        sides[side] = attrs.evolve(run, statements=_all_as_stored(run.statements, kept.statements))
    return attrs.evolve(fresh, **sides)


register_format(CollectionState, STATE_FORMAT, readers=_READERS)
for _cls in (
    CollectionStatement,
    OverdueReading,
    MatrixReading,
    PerformanceDeduction,
    CollectionRun,
    TeamCollectionRun,
    PolicyComparison,
):
    register_format(_cls, RESULT_FORMAT, readers=_READERS)
register_recomputed(
    CollectionStatement, _statement, "the stored policy, period, receivables and inputs"
)
register_recomputed(
    CollectionRun, _collection_run, "the stored policy, months, receivables and inputs"
)
register_recomputed(
    TeamCollectionRun, _team_run, "the stored policy, months, receivables and inputs"
)
register_recomputed(
    PolicyComparison,
    _policy_comparison,
    "the stored policies, months, receivables and the baseline's inputs",
)
