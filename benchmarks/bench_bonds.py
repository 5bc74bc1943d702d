"""Speed of the bond engine and the core it rests on.

Run: ``python benchmarks/bench_bonds.py``. It prints the time per call, best of five
repeats, for settling the seed case, settling generated cases, measuring time spans and
paying a marginal band table. There is no other Python implementation of Chinese
training-bond settlement to compare against; the numbers are a baseline for this
library's own changes (record them in the CHANGELOG when they move).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from _timing import show_rate, timed
from hypothesis import HealthCheck, given, settings

from hrpolicy.bonds import BondCase
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core import BandTable, Rounding, Semantics, Side, TimeUnit, measure
from hrpolicy.strategies import bond_cases


def _generated_cases(count: int) -> list[BondCase]:
    cases: list[BondCase] = []

    @settings(
        max_examples=count, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(bond_cases(eligible_only=True, max_bonds=2))
    def collect(case: BondCase) -> None:
        cases.append(case)

    collect()
    return cases


def main() -> None:
    seed = electrician_case()
    timed("settle the seed case (1 bond, 5 findings)", seed.settle, 2000)

    cases = _generated_cases(200)

    def settle_all() -> None:
        for case in cases:
            case.settle()

    per_case = timed(f"settle {len(cases)} generated cases, per case", settle_all, 3, len(cases))
    show_rate("cases", per_case)

    start = date(2010, 11, 6)
    ends = [start + timedelta(days=n) for n in range(0, 3650, 7)]

    def spans() -> None:
        for end in ends:
            measure(start, end, TimeUnit.MONTHS, Rounding.NEAREST)

    timed(f"measure {len(ends)} spans in months, per span", spans, 20, len(ends))

    table = BandTable.from_thresholds(
        [0, 30000, 100000, 400000],
        ["0.005", "0.01", "0.015", "0.02"],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    amounts = [Decimal(n * 997) for n in range(1000)]

    def pay() -> None:
        for amount in amounts:
            table.apply(amount)

    timed("apply a 4-band marginal table, per amount", pay, 5, len(amounts))


if __name__ == "__main__":
    main()
