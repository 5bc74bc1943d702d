"""The charges engine's inputs as tables: what :mod:`hrpolicy.tables` reads.

Plain data, read by the tables room (this module imports no frame library); the shape is
described in :mod:`hrpolicy.commission.tabular`. A case is one row, named by a
``case_id`` column of its own (a key, not a field of :class:`ChargeCase`), with the
worker, the agreement and the non-compete wage facts as ``worker.*``, ``agreement.*``
and ``non_compete.*`` columns. The agreement's charge clauses, the incidents, the
takings, the pay periods and the non-compete compensation paid are child tables keyed
by ``case_id``.

A charge clause row is one of six forms, chosen by its ``kind`` column (``forms``: tag →
form): ``deposit``, ``fine``, ``penalty``, ``per_item``, ``loss_compensation`` or
``non_compete``; the other columns are the form's fields, and a cell filled for a field
the form lacks is refused.
"""

from __future__ import annotations

from typing import Any, Final

from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.model import (
    Charge,
    CompensationPayment,
    Deposit,
    Fine,
    Incident,
    LossCompensation,
    NonCompete,
    PayPeriod,
    Penalty,
    PerItemCharge,
    Taking,
)

__all__ = ["INPUTS", "TABLES"]

_BY_CASE: Final = {"case_id": "case_id"}

TABLES: Final[dict[str, dict[str, Any]]] = {
    "cases": {
        "type": ChargeCase,
        "key": "case_id",
        "columns": (
            "worker.id",
            "worker.relationship",
            "worker.started",
            "worker.left_on",
            "worker.enrolled_student",
            "worker.drawing_pension",
            "worker.weekly_hours",
            "worker.role",
            "worker.name",
            "agreement.id",
            "agreement.signed_on",
            "agreement.ends_on",
            "agreement.title",
            "as_of",
            "non_compete.average_monthly_wage",
            "non_compete.minimum_wage",
        ),
    },
    "charges": {
        "type": Charge,
        "parent": "cases",
        "field": "agreement.charges",
        "key": _BY_CASE,
        "forms": {
            "deposit": Deposit,
            "fine": Fine,
            "penalty": Penalty,
            "per_item": PerItemCharge,
            "loss_compensation": LossCompensation,
            "non_compete": NonCompete,
        },
        "columns": (
            "kind",
            "ref",
            "amount",
            "trigger",
            "basis",
            "refund_within_days",
            "in_democratic_rules",
            "penalty",
            "months",
            "monthly_compensation",
            "text",
        ),
    },
    "incidents": {
        "type": Incident,
        "parent": "cases",
        "field": "incidents",
        "key": _BY_CASE,
        "columns": ("id", "trigger", "on", "items", "proven_loss", "liability", "description"),
    },
    "takings": {
        "type": Taking,
        "parent": "cases",
        "field": "takings",
        "key": _BY_CASE,
        "columns": ("id", "clause", "amount", "means", "on", "incident", "returned"),
    },
    "pay_periods": {
        "type": PayPeriod,
        "parent": "cases",
        "field": "pay_periods",
        "key": _BY_CASE,
        "columns": ("start", "end", "wage", "minimum_wage", "hours", "hourly_minimum_wage"),
    },
    "compensation_payments": {
        "type": CompensationPayment,
        "parent": "cases",
        "field": "non_compete.payments",
        "key": _BY_CASE,
        "columns": ("on", "amount"),
    },
}

INPUTS: Final[dict[str, dict[str, Any]]] = {
    "charge_cases": {"table": "cases", "arguments": ("policy",)},
}
