"""The expenses engine's inputs as tables: what :mod:`hrpolicy.tables` reads.

Plain data, read by the tables room (this module imports no frame library); the shape is
described in :mod:`hrpolicy.commission.tabular`. A case is one salesperson's month, one
row named by a ``case_id`` column of its own (a key, not a field of
:class:`~hrpolicy.expenses.model.ExpenseCase`), with the month as ``period.year`` and
``period.month``; the policy is one argument for every case. The expenses, the visit
plans, the advances, the relationship-building plans and the wage months are child tables
keyed by ``case_id``; the sign-offs of an expense are a child table of the expenses, keyed
by ``case_id`` and ``expense_id``, and those of a relationship-building plan one of the
plans, keyed by ``case_id`` and ``plan_id``.
"""

from __future__ import annotations

from typing import Any, Final

from hrpolicy.core.approvals import SignOff
from hrpolicy.expenses.case import ExpenseCase
from hrpolicy.expenses.model import (
    Advance,
    Expense,
    HeldClaim,
    PayMonth,
    Reimbursed,
    RelationshipPlan,
    VisitPlan,
)

__all__ = ["INPUTS", "TABLES"]

_BY_CASE: Final = {"case_id": "case_id"}
_SIGN_OFF_COLUMNS: Final = ("approver", "reference", "signed_on")

TABLES: Final[dict[str, dict[str, Any]]] = {
    "cases": {
        "type": ExpenseCase,
        "key": "case_id",
        "columns": (
            "salesperson",
            "period.year",
            "period.month",
            "units_sold",
            "base_target_met",
        ),
    },
    "expenses": {
        "type": Expense,
        "parent": "cases",
        "field": "expenses",
        "key": _BY_CASE,
        "columns": (
            "id",
            "category",
            "on",
            "amount",
            "quantity",
            "receipt",
            "plan_week",
            "relationship_plan",
            "description",
        ),
    },
    "expense_sign_offs": {
        "type": SignOff,
        "parent": "expenses",
        "field": "sign_offs",
        "key": {"case_id": "case_id", "expense_id": "id"},
        "columns": _SIGN_OFF_COLUMNS,
    },
    "visit_plans": {
        "type": VisitPlan,
        "parent": "cases",
        "field": "visit_plans",
        "key": _BY_CASE,
        "columns": ("week", "budget", "approved_by"),
    },
    "advances": {
        "type": Advance,
        "parent": "cases",
        "field": "advances",
        "key": _BY_CASE,
        "columns": ("id", "on", "amount", "plan_week", "repaid", "accounted_before"),
    },
    "relationship_plans": {
        "type": RelationshipPlan,
        "parent": "cases",
        "field": "relationship_plans",
        "key": _BY_CASE,
        "columns": ("id", "budget", "charged_before", "description"),
    },
    "plan_sign_offs": {
        "type": SignOff,
        "parent": "relationship_plans",
        "field": "sign_offs",
        "key": {"case_id": "case_id", "plan_id": "id"},
        "columns": _SIGN_OFF_COLUMNS,
    },
    "held_claims": {
        "type": HeldClaim,
        "parent": "cases",
        "field": "held_claims",
        "key": _BY_CASE,
        "columns": ("expense", "category", "on", "held_in.year", "held_in.month", "amount"),
    },
    "reimbursed_before": {
        "type": Reimbursed,
        "parent": "cases",
        "field": "reimbursed_before",
        "key": _BY_CASE,
        "columns": ("category", "month.year", "month.month", "amount"),
    },
    "pay_months": {
        "type": PayMonth,
        "parent": "cases",
        "field": "pay_months",
        "key": _BY_CASE,
        "columns": ("period.year", "period.month", "wage", "minimum_wage", "already_deducted"),
    },
}

INPUTS: Final[dict[str, dict[str, Any]]] = {
    "expense_cases": {"table": "cases", "arguments": ("policy",)},
}
