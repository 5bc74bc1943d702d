"""Builders shared by tests of several engines."""

from __future__ import annotations

import typing
from decimal import Decimal

from hrpolicy.core.bands import Band


def band(
    lower: int,
    upper: int | None,
    value: str,
    *,
    lower_closed: bool = True,
    upper_closed: bool = False,
    **extra: object,
) -> Band:
    return Band(
        lower=Decimal(lower),
        upper=None if upper is None else Decimal(upper),
        lower_closed=lower_closed,
        upper_closed=upper_closed,
        value=Decimal(value),
        **extra,  # type: ignore[arg-type]
    )


def core_types(annotation: object) -> set[type]:
    """The hrpolicy.core classes an annotation mentions, however nested."""
    found: set[type] = set()
    if isinstance(annotation, type) and annotation.__module__.startswith("hrpolicy.core"):
        found.add(annotation)
    for arg in typing.get_args(annotation):
        found |= core_types(arg)
    return found
