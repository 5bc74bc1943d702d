"""From a CSV of a year of deals to a year of team statements and back out as frames.

Run (after installing the ``pandas`` extra)::

    python benchmarks/bench_tables.py              # 10,000 deals, 20 people, 2024
    python benchmarks/bench_tables.py --deals 2000 # a smaller run

The CSV is made in memory from a fixed seed, then timed stage by stage: pandas reads it as
text (``dtype=str``), ``hrpolicy.tables.read_deals`` checks every cell and builds the
deals, ``evaluate_team_year`` runs the team over the twelve months, ``to_pandas`` builds
the typed frame of pay per person per month and of every line, and Parquet writes and
reads the lines back. Each stage is shown beside pandas' own CSV parse, as a ratio, with
the interpreter and machine it ran on. Each stage runs once (the run is long and its
parts do not warm up much); the machine and its load move the figures.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import pandas as pd

from hrpolicy import tables
from hrpolicy.commission import (
    BandTable,
    Commission,
    Measure,
    Period,
    Plan,
    PlanVersion,
    Semantics,
    Side,
    evaluate_team_year,
)

_T = TypeVar("_T")


def plan() -> Plan:
    """A 3-band marginal commission on sales, the whole of 2024."""
    table = BandTable.from_thresholds(
        [0, 30000, 100000],
        ["0.01", "0.02", "0.03"],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    component = Commission(component_id="c", name="提成", measure=Measure.SALES, table=table)
    version = PlanVersion(version="2024", effective_from=date(2024, 1, 1), components=(component,))
    return Plan(plan_id="team", name="team", versions=(version,))


def deals_csv(count: int, people: int, seed: int = 1) -> str:
    """``count`` deals of 2024 for ``people`` salespeople, as CSV text."""
    rng = random.Random(seed)
    rows = ["deal_id,owner,signed_on,amount"]
    for number in range(count):
        owner = f"s{rng.randrange(people):02d}"
        signed = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
        amount = f"{rng.randrange(10_000, 5_000_000) / 100:.2f}"
        rows.append(f"D{number:06d},{owner},{signed.isoformat()},{amount}")
    return "\n".join(rows) + "\n"


def stage(label: str, call: Callable[[], _T], timings: dict[str, float]) -> _T:
    """Run ``call`` once, remember how long it took under ``label``."""
    started = time.perf_counter()
    result = call()
    timings[label] = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=10_000, help="how many deals (10,000)")
    parser.add_argument("--people", type=int, default=20, help="how many salespeople (20)")
    options = parser.parse_args()
    if options.deals < 1 or options.people < 1:
        parser.error("--deals and --people must be at least 1")
    if os.environ.get("HRPOLICY_BENCH_SMOKE") == "1":  # the test suite's check that it runs
        options.deals = min(options.deals, 200)

    text = deals_csv(options.deals, options.people)
    timings: dict[str, float] = {}
    frame = stage(
        "pandas.read_csv(dtype=str)", lambda: pd.read_csv(io.StringIO(text), dtype=str), timings
    )
    deals = stage(
        "tables.read_deals (every cell checked)", lambda: tables.read_deals(frame), timings
    )
    run = stage(
        "evaluate_team_year (12 chained months)",
        lambda: evaluate_team_year(plan(), Period(year=2024), deals),
        timings,
    )
    statements = [statement for team in run.teams for statement in team.statements]
    pay = stage(
        "to_pandas: pay per person per month", lambda: tables.to_pandas(run, "totals"), timings
    )
    lines = stage("to_pandas: every line", lambda: tables.to_pandas(run, "lines"), timings)

    def parquet_round_trip() -> pd.DataFrame:
        buffer = io.BytesIO()
        lines.to_parquet(buffer)
        buffer.seek(0)
        return pd.read_parquet(buffer, dtype_backend="pyarrow")

    back = stage("Parquet write + read of the lines", parquet_round_trip, timings)
    if not back.equals(lines):
        raise SystemExit("the lines read back from Parquet differ from what was written")

    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.machine()} × {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"pandas {pd.__version__}"
    )
    print(
        f"{len(deals):,} deals, {options.people} people, {len(statements)} monthly statements, "
        f"{len(lines):,} lines; total pay {sum(pay['total'])}"
    )
    base = timings["pandas.read_csv(dtype=str)"]
    print(f"  {'stage':44} {'seconds':>9} {'per deal':>10} {'÷ read_csv':>11}")
    per_deal = 1e6 / len(deals)
    for label, seconds in timings.items():
        print(f"  {label:44} {seconds:9.3f} {seconds * per_deal:8.1f}µs {seconds / base:10.1f}×")
    total = sum(timings.values())
    print(f"  {'end to end':44} {total:9.3f} {total * per_deal:8.1f}µs {total / base:10.1f}×")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
