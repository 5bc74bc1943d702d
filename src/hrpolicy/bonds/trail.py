"""The bond engine's :class:`~hrpolicy.core.explain.Trail`: a trail of the bond catalog.

Its steps and findings are checked when recorded and built when read, as every trail's
are.

>>> from datetime import date
>>> trail = BondTrail()
>>> trail.find("service_completed", end=date(2013, 11, 5))
>>> trail.findings[0] == CATALOG.finding("service_completed", end=date(2013, 11, 5))
True
"""

from __future__ import annotations

from collections.abc import Mapping

from hrpolicy.bonds.messages import CATALOG
from hrpolicy.core.explain import Label, StepValue, Trail
from hrpolicy.law.provisions import Provision

__all__ = ["BondTrail"]


class BondTrail(Trail):
    """A trail of the bond catalog (:data:`hrpolicy.bonds.messages.CATALOG`)."""

    def __init__(self) -> None:
        super().__init__(CATALOG)

    def step(
        self,
        rule: str,
        text: Label,
        inputs: Mapping[str, StepValue],
        output: StepValue,
        *citations: Provision,
    ) -> None:
        """Record a rule applied, as :meth:`Trail.step` does, keeping ``inputs`` itself
        rather than a copy: every call in the bond engine passes a mapping it made for the
        step and does not change afterwards."""
        self._steps.append((rule, text, inputs, output, citations))
