"""The charges engine as the boundary sees it: a whole case as one object
(:class:`~hrpolicy.charges.model.ChargeCase` — the worker, the agreement, what happened,
what was taken, the wages and the policy), which is what ``hrpolicy run`` reads for the
charges engine, and the result it settles to."""

from __future__ import annotations

from hrpolicy.charges.model import ChargeCase
from hrpolicy.charges.policy import ChargePolicy
from hrpolicy.charges.results import ChargeSettlement
from hrpolicy.core.engines import EngineSpec

__all__ = ["ENGINES", "ChargeCase"]


def _example_case() -> ChargeCase:
    from hrpolicy.charges.examples import part_time_lost_materials_case  # noqa: PLC0415 - examples import this module

    return part_time_lost_materials_case()


def _run(case: ChargeCase) -> ChargeSettlement:
    return case.settle()


#: The charges engine as the boundary (case files, the command line, schemas) sees it.
ENGINES = (
    EngineSpec(
        name="charges",
        summary="settle the deposits, fines, penalties and charges an agreement puts on a worker",
        case_type=ChargeCase,
        policy_types=(ChargePolicy,),
        result_type=ChargeSettlement,
        run=_run,
        example_case=_example_case,
    ),
)
