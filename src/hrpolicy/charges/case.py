"""A whole charges case as one object: the worker, the agreement, what happened, what was
taken, the wages and the policy. It is what ``hrpolicy run`` reads for the charges engine."""

from __future__ import annotations

from datetime import date

import attrs

from hrpolicy.charges.model import (
    ChargeAgreement,
    Incident,
    NonCompetePay,
    PayPeriod,
    Taking,
    Worker,
)
from hrpolicy.charges.policy import ChargePolicy
from hrpolicy.charges.results import ChargeSettlement
from hrpolicy.core.engines import EngineSpec
from hrpolicy.core.fields import checked, require_unique, typed_fields

__all__ = ["ENGINES", "ChargeCase"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ChargeCase:
    """Everything needed to settle the charges an agreement puts on one worker, as of one
    day (``as_of``: the day of the settlement; pay periods ending after it are still to
    come, so recovery from wages is scheduled over them).

    Ids of incidents and takings are unique; the engine refuses a taking under a clause
    the agreement lacks, a deduction in no pay period given, and pay periods that overlap.
    """

    worker: Worker
    agreement: ChargeAgreement
    as_of: date
    incidents: tuple[Incident, ...] = ()
    takings: tuple[Taking, ...] = ()
    pay_periods: tuple[PayPeriod, ...] = ()
    non_compete: NonCompetePay | None = None
    policy: ChargePolicy = attrs.field(factory=ChargePolicy)

    def __attrs_post_init__(self) -> None:
        require_unique([i.id for i in self.incidents], "ChargeCase.incidents", "incident id")
        require_unique([t.id for t in self.takings], "ChargeCase.takings", "taking id")

    def settle(self, policy: ChargePolicy | None = None) -> ChargeSettlement:
        """Settle the case (see :func:`hrpolicy.charges.settle_charges`); ``policy``
        overrides :attr:`policy`, for a what-if."""
        from hrpolicy.charges.engine import settle_charges  # noqa: PLC0415 - the engine imports this module

        return settle_charges(self, policy)


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
