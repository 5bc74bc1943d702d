"""Effective-dated versions: one mechanism for every policy that changes over time.

A policy (a commission plan, a collection policy) is a list of versions, each in force
from ``effective_from`` to ``effective_to`` (inclusive; ``None``: until replaced). Versions
may not overlap; a gap between them is allowed and means no version is in force, so
asking for a day in it raises :class:`~hrpolicy.core.errors.NotCoveredError` rather than
falling back to a neighbour.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Protocol, TypeVar

from hrpolicy.core.errors import NotCoveredError, PolicyDefinitionError
from hrpolicy.core.fields import require, require_unique

__all__ = ["Dated", "check_dates", "in_force", "ordered_versions", "version_on"]


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
    unique and that no two overlap."""
    require(bool(versions), path, "at least one version", versions)
    require_unique([v.version for v in versions], path, "version name")
    ordered = tuple(sorted(versions, key=lambda v: v.effective_from))
    for earlier, later in itertools.pairwise(ordered):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise PolicyDefinitionError(
                path,
                f"versions that do not overlap: {earlier.version} "
                f"(from {earlier.effective_from}, to {earlier.effective_to or 'open'}) "
                f"runs into {later.version}",
                str(later.effective_from),
            )
    return ordered


def in_force(version: Dated, day: date) -> bool:
    """Whether ``version`` is in force on ``day``."""
    return version.effective_from <= day and (
        version.effective_to is None or day <= version.effective_to
    )


def version_on(owner: str, ordered: Sequence[V], day: date) -> V:
    """The version in force on ``day``; :class:`NotCoveredError` naming ``owner`` and the
    versions' dates when none is."""
    for version in ordered:
        if in_force(version, day):
            return version
    raise NotCoveredError(
        owner,
        "a date on which a version is in force ("
        + ", ".join(
            f"{v.version}: {v.effective_from} to {v.effective_to or 'open'}" for v in ordered
        )
        + ")",
        day,
    )
