"""Timing shared by the benchmark scripts: the best of several repeats, shown in µs.

With ``HRPOLICY_BENCH_SMOKE=1`` in the environment every timing runs its call once: the
test suite runs each script that way to check that it still works, without measuring.
"""

from __future__ import annotations

import os
import timeit
from collections.abc import Callable

_SMOKE = os.environ.get("HRPOLICY_BENCH_SMOKE") == "1"


def best(call: Callable[[], object], number: int, repeat: int = 5) -> float:
    """Seconds per call, the best of ``repeat`` runs of ``number`` calls."""
    if _SMOKE:
        number, repeat = 1, 1
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


def show(label: str, seconds: float, note: str = "") -> None:
    """Print one timing line."""
    print(f"  {label:56} {seconds * 1e6:10.2f} µs  {note}".rstrip())


def show_rate(label: str, seconds_each: float) -> None:
    """Print how many items a second ``seconds_each`` per item makes."""
    print(f"  {'→ ' + label:56} {1 / seconds_each:10.0f} /s")


def timed(label: str, call: Callable[[], object], number: int, items: int = 1) -> float:
    """Print and return the best time per item of ``number`` calls each handling
    ``items``."""
    seconds = best(call, number) / items
    show(label, seconds)
    return seconds
