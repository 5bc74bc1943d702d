"""The expenses engine as the boundary sees it: a whole expense month as one object
(:class:`~hrpolicy.expenses.model.ExpenseCase` — the salesperson, the month, the policy,
the expenses, the plans, the advances and the wages), which is what ``hrpolicy run``
reads for the expenses engine, and the statement it settles to."""

from __future__ import annotations

from hrpolicy.core.engines import EngineSpec
from hrpolicy.expenses.model import ExpenseCase
from hrpolicy.expenses.policy import ExpensePolicy
from hrpolicy.expenses.results import ExpenseStatement

__all__ = ["ENGINES", "ExpenseCase"]


def _example_case() -> ExpenseCase:
    from hrpolicy.expenses.examples import advance_reconciled_case  # noqa: PLC0415 - examples import this module

    return advance_reconciled_case()


def _run(case: ExpenseCase) -> ExpenseStatement:
    return case.settle()


#: The expenses engine as the boundary (case files, the command line, schemas) sees it.
ENGINES = (
    EngineSpec(
        name="expenses",
        summary="settle a salesperson's expense month: lump sums, reimbursement to "
        "standards, advances reconciled",
        case_type=ExpenseCase,
        policy_types=(ExpensePolicy,),
        result_type=ExpenseStatement,
        run=_run,
        example_case=_example_case,
    ),
)
