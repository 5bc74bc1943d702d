"""The weekly-report engine's inputs as tables: what :mod:`hrpolicy.tables` reads.

Plain data, read by the tables room (this module imports no frame library); the shape is
described in :mod:`hrpolicy.commission.tabular`. A report is one row (its week as
``week.year`` and ``week.week``); its summary items, visits, call days, expenses and
next week's planned visits are child tables keyed by ``report_id``; the customers an item
names are a child table of the items. Reference data (what the CRM recorded) is one row
per employee and week, with its visits as a child table keyed by both. A KPI card's
figures are one row per person (``card_inputs``) with the indicators' figures as a child
table keyed by employee (``card_figures``); a month under quotas likewise
(``quota_inputs``, with ``quota_counts`` and ``quota_pay``).
"""

from __future__ import annotations

from typing import Any, Final

from hrpolicy.reports.cadence import Activity, Stage
from hrpolicy.reports.cards import (
    CardInputs,
    IndicatorFigure,
    PayAmount,
    QuotaCount,
    QuotaInputs,
)
from hrpolicy.reports.model import (
    CallDay,
    Expense,
    ItemEntry,
    PlannedVisit,
    Reference,
    Visit,
    WeeklyReport,
)

__all__ = ["INPUTS", "TABLES"]

_BY_REPORT: Final = {"report_id": "report_id"}

TABLES: Final[dict[str, dict[str, Any]]] = {
    "reports": {
        "type": WeeklyReport,
        "columns": (
            "report_id",
            "employee",
            "week.year",
            "week.week",
            "submitted_at",
            "plan.local_policy_changes",
            "travel_report_attached",
        ),
    },
    "items": {
        "type": ItemEntry,
        "parent": "reports",
        "field": "summary",
        "key": _BY_REPORT,
        "columns": ("item", "text", "amount", "count"),
    },
    "item_customers": {
        "type": str,
        "parent": "items",
        "field": "customers",
        "key": {"report_id": "report_id", "item": "item"},
        "columns": ("customer",),
    },
    "visits": {
        "type": Visit,
        "parent": "reports",
        "field": "visits",
        "key": _BY_REPORT,
        "columns": ("customer", "on", "purpose"),
    },
    "calls": {
        "type": CallDay,
        "parent": "reports",
        "field": "calls",
        "key": _BY_REPORT,
        "columns": ("on", "calls"),
    },
    "expenses": {
        "type": Expense,
        "parent": "reports",
        "field": "expenses",
        "key": _BY_REPORT,
        "columns": ("expense_id", "on", "amount", "category", "travel"),
    },
    "planned_visits": {
        "type": PlannedVisit,
        "parent": "reports",
        "field": "plan.visits",
        "key": _BY_REPORT,
        "columns": ("customer", "on"),
    },
    "references": {
        "type": Reference,
        "columns": ("employee", "week.year", "week.week", "sales", "collections", "expenses"),
    },
    "reference_visits": {
        "type": Visit,
        "parent": "references",
        "field": "visits",
        "key": {"employee": "employee", "week.year": "week.year", "week.week": "week.week"},
        "columns": ("customer", "on", "purpose"),
    },
}

# An activity log (what cadence rules read) is one row per activity; a monthly
# submission's month is ``period.year`` and ``period.month`` (both empty: none).
TABLES["activities"] = {
    "type": Activity,
    "columns": ("kind", "on", "subject", "employee", "period.year", "period.month", "note"),
}
TABLES["stages"] = {"type": Stage, "columns": ("subject", "stage", "since")}

INPUTS: Final[dict[str, dict[str, Any]]] = {
    "weekly_reports": {"table": "reports"},
    "references": {"table": "references"},
    "activities": {"table": "activities"},
    "stages": {"table": "stages"},
}

# KPI card figures (one row per person, the indicators' figures as a child table keyed by
# employee) and quota months (one row per person, counts and pay parts as child tables).
_BY_EMPLOYEE: Final = {"employee": "employee"}
TABLES.update(
    {
        "card_inputs": {"type": CardInputs, "columns": ("employee", "bonus_base")},
        "card_figures": {
            "type": IndicatorFigure,
            "parent": "card_inputs",
            "field": "figures",
            "key": _BY_EMPLOYEE,
            "columns": ("indicator", "actual", "target", "prior"),
        },
        "quota_inputs": {"type": QuotaInputs, "columns": ("employee",)},
        "quota_counts": {
            "type": QuotaCount,
            "parent": "quota_inputs",
            "field": "counts",
            "key": _BY_EMPLOYEE,
            "columns": ("quota", "done", "target"),
        },
        "quota_pay": {
            "type": PayAmount,
            "parent": "quota_inputs",
            "field": "pay",
            "key": _BY_EMPLOYEE,
            "columns": ("part", "amount"),
        },
    }
)
INPUTS.update(
    {
        "card_inputs": {"table": "card_inputs"},
        "quota_inputs": {"table": "quota_inputs"},
    }
)
