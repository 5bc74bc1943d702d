"""The collection engine's inputs as tables: what :mod:`hrpolicy.tables` reads.

Plain data, read by the tables room (this module imports no frame library); the shape is
described in :mod:`hrpolicy.commission.tabular`. :class:`Receivables` is built from five
tables at once (``bundle``: field → table) and the matching rule, an argument.
"""

from __future__ import annotations

from typing import Any, Final

from hrpolicy.collection.model import (
    Advance,
    Agreement,
    CollectionInputs,
    CreditNote,
    Invoice,
    InvoiceAccount,
    Layer,
    MilestoneEvent,
    Payment,
    Receivables,
    RelationshipExpense,
    ReserveHolding,
    Reversal,
    WriteOff,
)
from hrpolicy.core.statement import PaidLine

__all__ = ["INPUTS", "TABLES"]

_BY_EMPLOYEE: Final = {"employee": "employee"}

TABLES: Final[dict[str, dict[str, Any]]] = {
    "invoices": {
        "type": Invoice,
        "columns": (
            "invoice_id",
            "customer",
            "salesperson",
            "issued_on",
            "amount",
            "commission",
            "credit_days",
            "contract_id",
        ),
    },
    "payments": {
        "type": Payment,
        "columns": (
            "payment_id",
            "received_on",
            "amount",
            "customer",
            "invoice_id",
            "excess_reason",
        ),
    },
    "reversals": {
        "type": Reversal,
        "columns": ("reversal_id", "payment_id", "reversed_on", "amount"),
    },
    "credit_notes": {
        "type": CreditNote,
        "columns": ("note_id", "invoice_id", "issued_on", "amount", "reason"),
    },
    "write_offs": {
        "type": WriteOff,
        "columns": ("write_off_id", "invoice_id", "written_off_on", "amount", "reason"),
    },
    "salespeople": {
        "type": CollectionInputs,
        "columns": (
            "employee",
            "month_wage",
            "minimum_wage",
            "completion",
            "left_on",
            "state.reserve",
            "state.to_recover",
        ),
    },
    "milestones": {
        "type": MilestoneEvent,
        "parent": "salespeople",
        "field": "milestones",
        "key": _BY_EMPLOYEE,
        "columns": ("event_id", "kind", "customer", "achieved_on", "approved"),
    },
    "expenses": {
        "type": RelationshipExpense,
        "parent": "salespeople",
        "field": "expenses",
        "key": _BY_EMPLOYEE,
        "columns": ("expense_id", "customer", "spent_on", "amount"),
    },
    "agreements": {
        "type": Agreement,
        "parent": "salespeople",
        "field": "agreements",
        "key": _BY_EMPLOYEE,
        "columns": ("customer", "signed_on"),
    },
    "paid": {
        "type": PaidLine,
        "parent": "salespeople",
        "field": "paid",
        "key": _BY_EMPLOYEE,
        "columns": ("line_id", "amount"),
    },
    "accounts": {
        "type": InvoiceAccount,
        "parent": "salespeople",
        "field": "state.accounts",
        "key": _BY_EMPLOYEE,
        "columns": ("invoice_id", "settled", "released"),
    },
    "layers": {
        "type": Layer,
        "parent": "accounts",
        "field": "layers",
        "key": {"employee": "employee", "invoice_id": "invoice_id"},
        "columns": ("settled", "released"),
    },
    "advances": {
        "type": Advance,
        "parent": "salespeople",
        "field": "state.advances",
        "key": _BY_EMPLOYEE,
        "columns": ("expense_id", "customer", "amount"),
    },
    "reserve_parts": {
        "type": ReserveHolding,
        "parent": "salespeople",
        "field": "state.reserve_parts",
        "key": _BY_EMPLOYEE,
        "columns": (
            "part_id",
            "amount",
            "withheld_in.year",
            "withheld_in.month",
            "rate",
            "horizon",
            "months",
        ),
    },
    "milestones_paid": {
        "type": str,
        "parent": "salespeople",
        "field": "state.milestones_paid",
        "key": _BY_EMPLOYEE,
        "columns": ("entry",),
    },
}

INPUTS: Final[dict[str, dict[str, Any]]] = {
    "receivables": {
        "type": Receivables,
        "bundle": {
            "invoices": "invoices",
            "payments": "payments",
            "reversals": "reversals",
            "credit_notes": "credit_notes",
            "write_offs": "write_offs",
        },
        "arguments": ("matching",),
    },
    "collection_inputs": {"table": "salespeople"},
}
