"""Collection results and the carried state read back from plain data.

A :class:`~hrpolicy.collection.results.CollectionStatement` holds its inputs (policy,
period, receivables, the salesperson's inputs with the state carried in), and a
:class:`~hrpolicy.collection.results.RecoverySchedule` its amount and months:
``from_dict(data, CollectionStatement)`` (or ``RecoverySchedule``) builds the stored
result, computes it afresh from those inputs, and refuses data whose figures differ with
a :class:`~hrpolicy.core.errors.ConversionError` naming the first place they differ.

The state a statement carries to the next month (:class:`CollectionState`, its
``state_out``) is a document of its own — stored between monthly runs — written in format
:data:`STATE_FORMAT` (the ``"format"`` key of :func:`~hrpolicy.core.convert.to_dict`);
results are written in format :data:`RESULT_FORMAT`.

>>> import json
>>> from hrpolicy.collection import CollectionState, CollectionStatement
>>> from hrpolicy.collection.examples import example_bad_debt
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> january, february, march = example_bad_debt()
>>> state = to_dict(march.state_out)
>>> state["format"], state["to_recover"]
(1, '2000.00')
>>> from_dict(json.loads(json.dumps(state)), CollectionState) == march.state_out
True
>>> data = json.loads(json.dumps(to_dict(january)))
>>> from_dict(data, CollectionStatement) == january
True
>>> data["state_out"]["reserve"] = "0.00"
>>> from_dict(data, CollectionStatement)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: CollectionStatement: cannot build from the data
given: $.state_out.reserve: expected 300.00, as recomputed from the stored policy,
period, receivables and inputs (the data was edited, or computed under other rules), got
Decimal 0.00
"""

from __future__ import annotations

from typing import Final

from hrpolicy.collection.engine import recovery_schedule, settle_month
from hrpolicy.collection.model import CollectionState
from hrpolicy.collection.results import (
    CollectionStatement,
    MatrixReading,
    OverdueReading,
    PerformanceDeduction,
    RecoveryMonth,
    RecoverySchedule,
)
from hrpolicy.core.convert import register_format
from hrpolicy.core.statement import register_recomputed

__all__ = ["RESULT_FORMAT", "STATE_FORMAT"]

#: The format version every collection result (and reading) is written in.
RESULT_FORMAT: Final = 1
#: The format version of the state carried from one month to the next.
STATE_FORMAT: Final = 1


def _statement(stored: CollectionStatement) -> CollectionStatement:
    return settle_month(stored.policy, stored.period, stored.receivables, stored.inputs)


def _schedule(stored: RecoverySchedule) -> RecoverySchedule:
    months = [(m.month, m.wage, m.minimum_wage) for m in stored.months]
    return recovery_schedule(stored.amount, months)


register_format(CollectionState, STATE_FORMAT)
for _cls in (
    CollectionStatement,
    RecoverySchedule,
    RecoveryMonth,
    OverdueReading,
    MatrixReading,
    PerformanceDeduction,
):
    register_format(_cls, RESULT_FORMAT)
register_recomputed(
    CollectionStatement, _statement, "the stored policy, period, receivables and inputs"
)
register_recomputed(RecoverySchedule, _schedule, "the stored amount and months")
