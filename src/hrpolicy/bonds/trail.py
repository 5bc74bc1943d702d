"""The bond engine's :class:`~hrpolicy.core.explain.Trail`: the same steps and findings,
each finding's placeholders read from its catalog entry once rather than at every finding.

>>> from datetime import date
>>> trail = BondTrail()
>>> trail.find("service_completed", end=date(2013, 11, 5))
>>> trail.findings[0] == CATALOG.finding("service_completed", end=date(2013, 11, 5))
True
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from hrpolicy.bonds.messages import CATALOG
from hrpolicy.core.explain import _FINDING_VALUE_TYPES, Finding, FindingSpec, Trail

__all__ = ["BondTrail"]

#: Each finding code the engine has reported, with its catalog entry and the placeholders
#: its messages use.
_SPECS: Final[dict[str, tuple[FindingSpec, frozenset[str]]]] = {}


def _spec(code: str) -> tuple[FindingSpec, frozenset[str]] | None:
    found = _SPECS.get(code)
    if found is None and code in CATALOG:
        spec = CATALOG[code]
        found = _SPECS[code] = (spec, spec.placeholders(spec.en))
    return found


class BondTrail(Trail):
    """A trail of the bond catalog: :meth:`find` builds the finding
    :meth:`~hrpolicy.core.explain.Catalog.finding` builds, after the same checks (a known
    code, a value for every placeholder, values a step can hold); anything those checks
    refuse goes to the catalog, which raises its error."""

    def __init__(self) -> None:
        super().__init__(CATALOG)

    def find(self, code: str, subject: str = "", **params: Any) -> None:
        """Record the finding ``code`` with its message parameters."""
        known = _SPECS.get(code) or _spec(code)
        if known is not None and known[1] <= params.keys():
            for value in params.values():
                if not isinstance(value, _FINDING_VALUE_TYPES) or isinstance(value, datetime):
                    break
            else:
                spec = known[0]
                self.findings.append(
                    Finding(
                        code=code,
                        severity=spec.severity,
                        params=tuple(params.items()),
                        citations=tuple(spec.citations),
                        subject=subject,
                        catalog=CATALOG.name,
                    )
                )
                return
        super().find(code, subject, **params)
