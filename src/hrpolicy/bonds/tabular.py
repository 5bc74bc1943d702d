"""The bond engine's inputs as tables: what :mod:`hrpolicy.tables` reads.

Plain data, read by the tables room (this module imports no frame library); the shape is
described in :mod:`hrpolicy.commission.tabular`. A case is one row, named by a
``case_id`` column of its own (a key, not a field of :class:`BondCase`), with the
employment and the separation as ``employment.*`` and ``separation.*`` columns. Its
agreements are a child table keyed by ``case_id``; each agreement's training costs, other
clauses and waivers are child tables keyed by ``case_id`` and ``agreement_id`` (the
agreement's ``id``); the money already collected, and the waivers whose condition was met
(one ``entry`` per row), are child tables of the case; an entry that names no waiver of
the case's agreements is refused at its row of ``waivers_met``.

A penalty clause is chosen by ``penalty.kind`` (``choices``: tag → form); its
parameters are the ``penalty.*`` columns. A stepped schedule (a band table) does not fit
in a cell: build such agreements in Python or in a policy document.
"""

from __future__ import annotations

from typing import Any, Final

from hrpolicy.bonds.case import BondCase
from hrpolicy.bonds.model import (
    BondAgreement,
    Clause,
    Collection,
    CostItem,
    CostMultiple,
    FlatSum,
    PerLaw,
    PerUnservedUnit,
    ProRata,
    Waiver,
)
from hrpolicy.bonds.rules import check_waivers_met
from hrpolicy.core.errors import InvalidValueError

__all__ = ["INPUTS", "TABLES"]

_BY_AGREEMENT: Final = {"case_id": "case_id", "agreement_id": "id"}

TABLES: Final[dict[str, dict[str, Any]]] = {
    "cases": {
        "type": BondCase,
        "key": "case_id",
        "columns": (
            "employment.employee",
            "employment.hire_date",
            "employment.contract_start",
            "employment.contract_end",
            "employment.probation_end",
            "employment.regime",
            "separation.last_day",
            "separation.ground",
            "separation.settles_bond",
            "separation.demanded",
            "separation.revenue_produced",
        ),
    },
    "agreements": {
        "type": BondAgreement,
        "parent": "cases",
        "field": "agreements",
        "key": {"case_id": "case_id"},
        "choices": {
            "penalty": {
                "flat_sum": FlatSum,
                "cost_multiple": CostMultiple,
                "pro_rata": ProRata,
                "per_unserved_unit": PerUnservedUnit,
                "per_law": PerLaw,
            },
        },
        "columns": (
            "id",
            "signed_on",
            "length.years",
            "length.months",
            "length.days",
            "penalty.kind",
            "penalty.amount",
            "penalty.multiple",
            "penalty.rate",
            "penalty.unit",
            "penalty.rounding",
            "penalty.clause_ref",
            "training.id",
            "training.kind",
            "training.provider",
            "training.start",
            "training.end",
            "training.during_probation",
            "training.took_place",
            "training.full_time_off_job",
            "training.title",
            "benefit.kind",
            "benefit.value",
            "benefit.description",
            "start_rule",
            "start_date",
            "stated_cost",
            "stated_cost_range.low",
            "stated_cost_range.high",
        ),
    },
    "costs": {
        "type": CostItem,
        "parent": "agreements",
        "field": "training.costs",
        "key": _BY_AGREEMENT,
        "columns": (
            "id",
            "category",
            "amount",
            "has_voucher",
            "paid_by",
            "shared_by",
            "description",
        ),
    },
    "clauses": {
        "type": Clause,
        "parent": "agreements",
        "field": "clauses",
        "key": _BY_AGREEMENT,
        "columns": ("kind", "ref", "amount", "text"),
    },
    "waivers": {
        "type": Waiver,
        "parent": "agreements",
        "field": "waivers",
        "key": _BY_AGREEMENT,
        "columns": ("condition", "clause_ref", "effect", "share", "amount", "threshold", "text"),
    },
    "collections": {
        "type": Collection,
        "parent": "cases",
        "field": "separation.collections",
        "key": {"case_id": "case_id"},
        "columns": ("amount", "method", "on"),
    },
    "waivers_met": {
        "type": str,
        "parent": "cases",
        "field": "separation.waivers_met",
        "key": {"case_id": "case_id"},
        "columns": ("entry",),
    },
}


def _check_case(case: BondCase) -> None:
    """Refuse, as the tables are read, a ``waivers_met`` entry that names no waiver of the
    case's agreements (what settling the case would refuse), its path from the case."""
    try:
        check_waivers_met(case.agreements, case.separation)
    except InvalidValueError as error:
        raise InvalidValueError(f"BondCase.{error.path}", error.expected, error.actual) from None


#: ``check``: run on each case built, its refusals placed at their table, row and column.
INPUTS: Final[dict[str, dict[str, Any]]] = {
    "bond_cases": {"table": "cases", "arguments": ("policy",), "check": _check_case},
}
