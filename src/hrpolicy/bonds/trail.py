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

from hrpolicy.bonds.messages import CATALOG
from hrpolicy.core.explain import Trail

__all__ = ["BondTrail"]


class BondTrail(Trail):
    """A trail of the bond catalog (:data:`hrpolicy.bonds.messages.CATALOG`). It keeps each
    step's inputs mapping as given: every step in the bond engine is given a mapping made
    for it and not changed afterwards."""

    keeps_inputs = True

    def __init__(self) -> None:
        super().__init__(CATALOG)
