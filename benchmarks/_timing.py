"""Timing shared by the benchmark scripts: the best of several repeats, shown in µs."""

from __future__ import annotations

import timeit
from collections.abc import Callable


def best(call: Callable[[], object], number: int, repeat: int = 5) -> float:
    """Seconds per call, the best of ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


def show(label: str, seconds: float, note: str = "") -> None:
    """Print one timing line."""
    print(f"  {label:56} {seconds * 1e6:10.2f} µs  {note}".rstrip())


def timed(label: str, call: Callable[[], object], number: int, items: int = 1) -> float:
    """Print and return the best time per item of ``number`` calls each handling
    ``items``."""
    seconds = best(call, number) / items
    show(label, seconds)
    return seconds
