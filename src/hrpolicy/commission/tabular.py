"""The commission engine's inputs as tables: what :mod:`hrpolicy.tables` reads.

Plain data, read by the tables room (this module imports no frame library). ``TABLES``
names each table, the type one of its rows becomes, and its columns (a column is named
after the field it fills; ``a.b`` fills field ``b`` of field ``a``; ``values.*`` is any
column ``values.<name>``, a named value of the deal). A child table fills a tuple field
of its parent (``field``), its rows matched to their parent by ``key`` (child column →
parent column). ``INPUTS`` names what a user builds and the table it starts from.
"""

from __future__ import annotations

from typing import Any, Final

from hrpolicy.commission.model import Carry, Credit, Deal, PersonInputs
from hrpolicy.core.approvals import SignOff
from hrpolicy.core.statement import PaidLine

__all__ = ["INPUTS", "TABLES"]

TABLES: Final[dict[str, dict[str, Any]]] = {
    "deals": {
        "type": Deal,
        "columns": (
            "deal_id",
            "owner",
            "signed_on",
            "amount",
            "currency",
            "units",
            "values.*",
            "product_cost",
            "customer_expenses",
            "internal_allocation",
            "collected",
            "customer",
            "new_customer",
            "self_developed_market",
            "company_negotiated",
            "approval",
            "on_credit",
        ),
    },
    "sign_offs": {
        "type": SignOff,
        "parent": "deals",
        "field": "sign_offs",
        "key": {"deal_id": "deal_id"},
        "columns": ("approver", "reference", "signed_on"),
    },
    "splits": {
        "type": Credit,
        "parent": "deals",
        "field": "split",
        "key": {"deal_id": "deal_id"},
        "columns": ("employee", "role", "share"),
    },
    "people": {
        "type": PersonInputs,
        "columns": (
            "employee",
            "new_dealers",
            "score",
            "expenses",
            "branch_profit",
            "pool_role",
            "branch",
            "minimum_wage",
            "other_pay",
        ),
    },
    "carries": {
        "type": Carry,
        "parent": "people",
        "field": "carries",
        "key": {"employee": "employee"},
        "columns": ("component", "measure_to_date", "earned_to_date", "paid_to_date", "carried"),
    },
    "paid": {
        "type": PaidLine,
        "parent": "people",
        "field": "paid",
        "key": {"employee": "employee"},
        "columns": ("line_id", "amount"),
    },
}

INPUTS: Final[dict[str, dict[str, Any]]] = {
    "deals": {"table": "deals"},
    "person_inputs": {"table": "people"},
}
