"""A whole bond case as one object: the agreements, the employment, the separation and the
policy. It is what ``python -m hrpolicy settle case.json`` reads, and what
:func:`hrpolicy.bonds.examples.electrician_case` returns."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from hrpolicy.bonds.engine import settle
from hrpolicy.bonds.model import BondAgreement, Employment, Separation
from hrpolicy.bonds.policy import BondPolicy, ServiceSchedule
from hrpolicy.bonds.results import SeparationSettlement
from hrpolicy.core.engines import EngineSpec
from hrpolicy.core.errors import HRPolicyError, prefixed
from hrpolicy.core.fields import arguments, checked, typed_fields

__all__ = ["ENGINES", "BondCase", "settle_cases"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BondCase:
    """Everything needed to settle one employee's bonds at one separation."""

    agreements: tuple[BondAgreement, ...]
    employment: Employment
    separation: Separation
    policy: BondPolicy = attrs.field(factory=BondPolicy)

    def settle(self) -> SeparationSettlement:
        """Settle every bond of the case (see :func:`hrpolicy.bonds.settle`)."""
        return settle(self.agreements, self.employment, self.separation, self.policy)


def settle_cases(cases: Sequence[BondCase]) -> tuple[SeparationSettlement, ...]:
    """Settle many cases in one call, in the order given.

    Args:
        cases: the cases (a list or tuple of :class:`BondCase`), each settled as
            :meth:`BondCase.settle` does.

    Returns:
        One :class:`~hrpolicy.bonds.results.SeparationSettlement` per case, in order.

    Raises:
        InvalidTypeError: ``cases`` is not a list of cases (the path names the item).
        HRPolicyError: whatever settling a case raises, its path prefixed with the case
            (``cases[3].separation.last_day: …``), so a batch of thousands can be
            corrected case by case.

    Example:
        >>> import attrs
        >>> from datetime import date
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case = electrician_case()
        >>> [r.total_payable for r in settle_cases([case, case])]
        [Decimal('1833.33'), Decimal('1833.33')]
        >>> before_hire = attrs.evolve(
        ...     case, separation=attrs.evolve(case.separation, last_day=date(2008, 1, 31))
        ... )
        >>> from hrpolicy import InvalidValueError
        >>> try:
        ...     settle_cases([case, before_hire])
        ... except InvalidValueError as error:
        ...     print(error.path, "|", error.expected)
        cases[1].separation.last_day | a date on or after the hire date 2008-03-01
    """
    given = arguments(cases, BondCase, "cases")
    index = 0
    settlements = []
    try:  # one handler around the loop: no per-case exception-handling cost
        for index, case in enumerate(given):  # noqa: B007 - read by the handler
            settlements.append(case.settle())
    except HRPolicyError as error:
        raise prefixed(error, f"cases[{index}].") from error
    return tuple(settlements)


def _example_case() -> BondCase:
    from hrpolicy.bonds.examples import electrician_case  # noqa: PLC0415 - examples import this module

    return electrician_case()


#: The bond engine as the boundary (case files, the command line, schemas) sees it.
ENGINES = (
    EngineSpec(
        name="bonds",
        summary="settle an employee's training bonds at a separation",
        case_type=BondCase,
        policy_types=(BondPolicy, ServiceSchedule),
        result_type=SeparationSettlement,
        run=BondCase.settle,
        example_case=_example_case,
    ),
)
