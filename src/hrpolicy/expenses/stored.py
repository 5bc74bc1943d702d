"""Expense statements read back from plain data, checked against a recomputation.

An :class:`~hrpolicy.expenses.results.ExpenseStatement` holds the case it settles and the
policy it was settled under: ``from_dict(data, ExpenseStatement)`` builds the stored
statement, settles the stored case afresh under the stored policy, and refuses data whose
figures, steps or findings differ with a :class:`~hrpolicy.core.errors.ConversionError`
naming the first place they differ.

>>> import json
>>> from hrpolicy.expenses import ExpenseStatement
>>> from hrpolicy.expenses.examples import advance_reconciled_case
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> settled = advance_reconciled_case().settle()
>>> data = json.loads(json.dumps(to_dict(settled)))
>>> from_dict(data, ExpenseStatement) == settled
True
>>> data["paid_now"] = "9999.00"
>>> from_dict(data, ExpenseStatement)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: ExpenseStatement: cannot build from the data given:
$.paid_now: expected ..., as recomputed from the stored case and policy (the data was
edited, or computed under other rules), got Decimal 9999.00
"""

from __future__ import annotations

from hrpolicy.core.statement import register_recomputed
from hrpolicy.expenses.engine import settle_expenses
from hrpolicy.expenses.results import ExpenseStatement

__all__: list[str] = []


def _settlement(stored: ExpenseStatement) -> ExpenseStatement:
    return settle_expenses(stored.case, stored.policy)


register_recomputed(ExpenseStatement, _settlement, "the stored case and policy")
