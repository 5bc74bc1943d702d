"""Effective-dated versions: one mechanism for every policy that changes over time.

A policy (a commission plan, a collection policy) is a list of versions, each in force
from ``effective_from`` to ``effective_to`` (both inclusive). ``effective_to=None`` means
*until replaced*: the version is in force until the day before the next version starts,
or for good when no later version exists. So a new version is added by giving only its
start date; the one before needs no end date.

A version with an end date may not run into the next one (it must end before the next
starts), and two versions may not start on the same day: either is refused as an overlap
(:class:`~hrpolicy.core.errors.PolicyDefinitionError`). A gap after a version with an end
date is allowed and means no version is in force, so asking for a day in it raises
:class:`~hrpolicy.core.errors.NotCoveredError` rather than falling back to a neighbour.

>>> import attrs
>>> @attrs.frozen
... class V:
...     version: str
...     effective_from: date
...     effective_to: date | None = None
>>> ordered = ordered_versions("plan", [V("2025", date(2025, 1, 1)), V("2024", date(2024, 1, 1))])
>>> version_on("plan", ordered, date(2024, 12, 31)).version, end_of(ordered, 0)
('2024', datetime.date(2024, 12, 31))
>>> version_on("plan", ordered, date(2031, 5, 1)).version, end_of(ordered, 1) is None
('2025', True)
>>> version_on("plan", ordered, date(2023, 12, 31))
Traceback (most recent call last):
...
hrpolicy.core.errors.NotCoveredError: plan: expected a date on which a version is in force ...
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol, TypeVar

from hrpolicy.core.errors import NotCoveredError, PolicyDefinitionError
from hrpolicy.core.fields import require, require_unique

__all__ = ["Dated", "check_dates", "end_of", "ordered_versions", "version_on"]


class Dated(Protocol):
    """What a version must have."""

    @property
    def version(self) -> str: ...

    @property
    def effective_from(self) -> date: ...

    @property
    def effective_to(self) -> date | None: ...


V = TypeVar("V", bound=Dated)


def check_dates(path: str, version: Dated) -> None:
    """Refuse a version that ends before it starts (``path`` names it in the error)."""
    if version.effective_to is not None:
        require(
            version.effective_to >= version.effective_from,
            f"{path}.effective_to",
            f"a date on or after effective_from {version.effective_from}",
            version.effective_to,
        )


def ordered_versions(path: str, versions: Sequence[V]) -> tuple[V, ...]:
    """The versions in date order, after checking there is at least one, that names are
    unique, that no two start on the same day and that no version with an end date runs
    into the next one."""
    require(bool(versions), path, "at least one version", versions)
    require_unique([v.version for v in versions], path, "version name")
    ordered = tuple(sorted(versions, key=lambda v: v.effective_from))
    for earlier, later in itertools.pairwise(ordered):
        if earlier.effective_from == later.effective_from:
            raise PolicyDefinitionError(
                path,
                f"versions that start on different days: {earlier.version} and "
                f"{later.version} both start on {earlier.effective_from}",
                str(later.effective_from),
            )
        if earlier.effective_to is not None and earlier.effective_to >= later.effective_from:
            raise PolicyDefinitionError(
                path,
                f"versions that do not overlap: {earlier.version} "
                f"(from {earlier.effective_from} to {earlier.effective_to}) "
                f"runs into {later.version}",
                str(later.effective_from),
            )
    return ordered


def end_of(ordered: Sequence[V], index: int) -> date | None:
    """The last day the version at ``index`` of ``ordered`` is in force: its
    ``effective_to``, or, until replaced, the day before the next version starts
    (``None``: in force for good)."""
    version = ordered[index]
    if version.effective_to is not None:
        return version.effective_to
    if index + 1 < len(ordered):
        return ordered[index + 1].effective_from - timedelta(days=1)
    return None


def version_on(owner: str, ordered: Sequence[V], day: date) -> V:
    """The version in force on ``day`` (``ordered`` as :func:`ordered_versions` gives it);
    :class:`NotCoveredError` naming ``owner`` and the versions' dates when none is."""
    index = bisect.bisect_right([v.effective_from for v in ordered], day) - 1
    if index >= 0:
        end = end_of(ordered, index)
        if end is None or day <= end:
            return ordered[index]
    raise NotCoveredError(
        owner,
        "a date on which a version is in force ("
        + ", ".join(
            f"{v.version}: {v.effective_from} to {end_of(ordered, i) or 'open'}"
            for i, v in enumerate(ordered)
        )
        + ")",
        day,
    )
