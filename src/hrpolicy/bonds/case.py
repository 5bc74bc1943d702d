"""A whole bond case as one object: the agreements, the employment, the separation and the
policy. It is what ``python -m hrpolicy settle case.json`` reads, and what
:func:`hrpolicy.bonds.examples.electrician_case` returns."""

from __future__ import annotations

import attrs

from hrpolicy.bonds.engine import settle
from hrpolicy.bonds.model import BondAgreement, Employment, Separation
from hrpolicy.bonds.policy import BondPolicy
from hrpolicy.bonds.results import SeparationSettlement
from hrpolicy.core.fields import checked, typed_fields

__all__ = ["BondCase"]


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
