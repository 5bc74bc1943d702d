"""The commission fast path takes a frame's columns as they are: NumPy arrays, pandas and
polars Series, Arrow arrays, each row checked as a list's rows are."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from hrpolicy.commission import Commission, Plan, PlanVersion
from hrpolicy.commission.examples import pay_mix_plan
from hrpolicy.commission.fast import compare_columns, run_columns
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError

OWNERS = ["li", "li", "wang"]
DAYS = [date(2024, 3, 1), date(2024, 3, 9), date(2024, 3, 9)]
FEN = [1_000_000, 2_000_000, 500_000]


def _plan() -> Plan:
    plan = pay_mix_plan()
    return Plan(
        plan_id="c",
        name="c",
        versions=(
            PlanVersion(
                version="v",
                effective_from=date(2024, 1, 1),
                components=tuple(
                    c for c in plan.versions[0].components if isinstance(c, Commission)
                ),
            ),
        ),
    )


COLUMNS: dict[str, Any] = {
    "NumPy arrays": (np.array(OWNERS), np.array(DAYS, dtype="datetime64[D]"), np.array(FEN)),
    "NumPy nanosecond days": (OWNERS, np.array(DAYS, dtype="datetime64[ns]"), FEN),
    "pandas Series": (pd.Series(OWNERS), pd.Series(pd.to_datetime(DAYS)), pd.Series(FEN)),
    "polars Series": (pl.Series(OWNERS), pl.Series(DAYS), pl.Series(FEN)),
    "Arrow arrays": (pa.array(OWNERS), pa.array(DAYS), pa.array(FEN)),
    "Arrow chunked arrays": (
        pa.chunked_array([OWNERS]),
        pa.chunked_array([DAYS]),
        pa.chunked_array([FEN]),
    ),
}


@pytest.mark.parametrize("kind", sorted(COLUMNS))
def test_the_fast_path_gives_the_same_commission_from_a_frames_columns_as_from_lists(
    kind: str,
) -> None:
    plan = _plan()
    expected = run_columns(plan, OWNERS, DAYS, FEN)
    run = run_columns(plan, *COLUMNS[kind])
    assert run.months == expected.months
    assert run.days == tuple(DAYS)
    assert all(type(d) is date for d in run.days)
    assert compare_columns(plan, plan, *COLUMNS[kind]).difference == 0


def test_a_float_column_of_fen_is_refused_on_the_fast_path_naming_the_row() -> None:
    floats: Any = np.array(FEN, dtype=float)
    with pytest.raises(InvalidValueError, match=r"amounts_fen\[0\]"):
        run_columns(_plan(), OWNERS, DAYS, floats)


def test_a_day_with_a_time_of_day_is_refused_on_the_fast_path() -> None:
    days = pd.Series(pd.to_datetime(["2024-03-01 10:00", "2024-03-09 00:00", "2024-03-09 00:00"]))
    with pytest.raises(InvalidValueError, match="without a time of day"):
        run_columns(_plan(), OWNERS, days, FEN)


def test_text_is_refused_as_a_column_on_the_fast_path() -> None:
    owners: Any = "li"
    with pytest.raises(InvalidTypeError, match="NumPy array"):
        run_columns(_plan(), owners, DAYS, FEN)
