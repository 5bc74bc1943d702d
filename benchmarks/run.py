"""hrpolicy side by side with other ways to pay a commission tier, and each engine's
throughput.

Run (after installing the ``bench`` extra)::

    python benchmarks/run.py            # the full run (about a minute)
    python benchmarks/run.py --quick    # smaller counts, for a smoke test

It prints, for one 4-band marginal commission table (1 % to 30,000, 2 % to 100,000, 3 % to
200,000, 4 % above) evaluated on 150,000:

- a hand-written ``Decimal`` loop (the floor for exact arithmetic in Python);
- hrpolicy's compiled table, one measure at a time and in batches;
- hrpolicy's explained evaluation (the band table with its breakdown);
- the GoRules zen-engine Python binding and rule-engine, on the same table (skipped, and
  said so, when not installed);

then the ratios the project targets, a what-if of 1,000,000 deals under two plans, each
engine's throughput, and the time ``import hrpolicy`` takes in a fresh interpreter.
Numbers are the best of several repeats; the machine and its load move them.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from _timing import best, show

from hrpolicy.bonds import settle_cases
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.collection import settle_month
from hrpolicy.collection.examples import example_bad_debt, reserve_policy
from hrpolicy.commission import Commission, Measure, Plan, PlanVersion, evaluate
from hrpolicy.commission.examples import example_month
from hrpolicy.commission.fast import compare_columns
from hrpolicy.core import BandTable, CompiledTable, Semantics, Side, TableCalendar
from hrpolicy.reports import IsoWeek, validate
from hrpolicy.reports.examples import domain_report_policy, example_report

AMOUNT = Decimal(150000)
THRESHOLDS = [0, 30000, 100000, 200000]
RATES = ["0.01", "0.02", "0.03", "0.04"]


def hand_loop(amount: Decimal) -> Decimal:
    """The 4-band marginal table written out by hand in Decimal."""
    if amount <= 30000:
        return amount * Decimal("0.01")
    if amount <= 100000:
        return Decimal(300) + (amount - 30000) * Decimal("0.02")
    if amount <= 200000:
        return Decimal(1700) + (amount - 100000) * Decimal("0.03")
    return Decimal(4700) + (amount - 200000) * Decimal("0.04")


def zen_decision() -> Callable[[], object] | None:
    try:
        import zen  # noqa: PLC0415 - optional peer
    except ImportError:
        return None
    expression = (
        "(min([amount, 30000]) * 0.01) + (max([min([amount, 100000]) - 30000, 0]) * 0.02)"
        " + (max([min([amount, 200000]) - 100000, 0]) * 0.03)"
        " + (max([amount - 200000, 0]) * 0.04)"
    )
    graph = {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "in", "position": {"x": 0, "y": 0}},
            {
                "id": "tier",
                "type": "expressionNode",
                "name": "tier",
                "position": {"x": 0, "y": 0},
                "content": {"expressions": [{"id": "e", "key": "commission", "value": expression}]},
            },
            {"id": "out", "type": "outputNode", "name": "out", "position": {"x": 0, "y": 0}},
        ],
        "edges": [
            {"id": "a", "sourceId": "in", "targetId": "tier", "type": "edge"},
            {"id": "b", "sourceId": "tier", "targetId": "out", "type": "edge"},
        ],
    }
    decision = zen.ZenEngine().create_decision(json.dumps(graph))
    assert decision.evaluate({"amount": 150000})["result"]["commission"] == 3200
    return lambda: decision.evaluate({"amount": 150000})


def rule_engine_rule() -> Callable[[], object] | None:
    try:
        import rule_engine  # noqa: PLC0415 - optional peer
    except ImportError:
        return None
    rule = rule_engine.Rule(
        "(amount < 30000 ? amount : 30000) * 0.01"
        " + (amount > 30000 ? ((amount < 100000 ? amount : 100000) - 30000) : 0) * 0.02"
        " + (amount > 100000 ? ((amount < 200000 ? amount : 200000) - 100000) : 0) * 0.03"
        " + (amount > 200000 ? (amount - 200000) : 0) * 0.04"
    )
    assert rule.evaluate({"amount": AMOUNT}) == Decimal(3200)
    return lambda: rule.evaluate({"amount": AMOUNT})


def tiers(quick: bool) -> None:
    n = 20_000 if quick else 200_000
    table = BandTable.from_thresholds(
        THRESHOLDS, RATES, closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    fast = CompiledTable.of(table)
    assert fast.payout(AMOUNT) == hand_loop(AMOUNT) == Decimal(3200)
    batch = [fast.units(Decimal(a)) for a in range(1000, 1000 + n * 3, 3)]

    print("One tier evaluation (4-band marginal table, 150,000 → 3,200.00):")
    hand = best(lambda: hand_loop(AMOUNT), n)
    show("hand-written Decimal loop", hand)
    single = best(lambda: fast.payout(AMOUNT), n)
    show("hrpolicy compiled, one Decimal measure", single)
    batched = best(lambda: fast.payouts_fen(batch), 1) / len(batch)
    show("hrpolicy compiled, batch of integer fen, per measure", batched)
    explained = best(lambda: table.apply(AMOUNT).describe(), n // 20)
    show("hrpolicy explained (band breakdown and text)", explained)
    zen = zen_decision()
    zen_time = best(zen, n // 50) if zen else None
    show(
        "zen-engine (GoRules)",
        zen_time or 0.0,
        "" if zen else "not installed: pip install zen-engine",
    )
    rule = rule_engine_rule()
    rule_time = best(rule, n // 10) if rule else None
    show("rule-engine", rule_time or 0.0, "" if rule else "not installed: pip install rule-engine")
    print("Ratios (targets in brackets):")
    if zen_time:
        print(f"  zen-engine ÷ hrpolicy explained        {zen_time / explained:6.1f}×   [≥ 3×]")
    if rule_time:
        print(f"  rule-engine ÷ hrpolicy explained       {rule_time / explained:6.1f}×")
    print(f"  hrpolicy batch ÷ hand Decimal loop     {batched / hand:6.2f}×   [≤ 2×]")
    print(f"  hrpolicy one Decimal ÷ hand loop       {single / hand:6.2f}×")


def what_if(quick: bool) -> None:
    count = 100_000 if quick else 1_000_000
    rng = random.Random(2024)
    owners = [f"s{rng.randrange(1000):04d}" for _ in range(count)]
    start = date(2023, 1, 1)
    days = [start + timedelta(days=rng.randrange(730)) for _ in range(count)]
    amounts = [rng.randrange(100, 5_000_000) for _ in range(count)]

    def plan(plan_id: str, second: int) -> Plan:
        table = BandTable.from_thresholds(
            [0, second, 100000, 200000], RATES, closed=Side.UPPER, semantics=Semantics.MARGINAL
        )
        component = Commission(component_id="c", name="提成", measure=Measure.SALES, table=table)
        version = PlanVersion(version="v", effective_from=date(2020, 1, 1), components=(component,))
        return Plan(plan_id=plan_id, name=plan_id, versions=(version,))

    seconds = best(
        lambda: compare_columns(plan("a", 30000), plan("b", 25000), owners, days, amounts), 1, 3
    )
    print(f"What-if: {count:,} deals (1,000 people × 24 months) under two plans:")
    target = "< 10 s" if count == 1_000_000 else "full run: 1,000,000 deals < 10 s"
    print(f"  {seconds:.2f} s   [{target}]")


def throughput(quick: bool) -> None:
    scale = 0.1 if quick else 1.0
    print("Throughput (per second):")
    cases = [electrician_case()] * 200
    per_case = best(lambda: settle_cases(cases), max(1, int(5 * scale))) / len(cases)
    print(f"  bond settlements                       {1 / per_case:10.0f}")
    plan, period, deals, inputs = example_month()
    per_statement = best(lambda: evaluate(plan, period, deals, inputs[0]), max(1, int(500 * scale)))
    print(f"  commission statements (2 deals)        {1 / per_statement:10.0f}")
    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    week = IsoWeek(year=2024, week=10)
    reports = [example_report(f"s{n:02d}", week, calendar) for n in range(50)]
    per_report = (
        best(lambda: validate(reports, domain_report_policy(), calendar), max(1, int(10 * scale)))
        / 50
    )
    print(f"  weekly reports validated               {1 / per_report:10.0f}")
    march = example_bad_debt()[-1]
    inputs_march = march.inputs
    per_month = best(
        lambda: settle_month(reserve_policy(), march.period, march.receivables, inputs_march),
        max(1, int(500 * scale)),
    )
    print(f"  collection statements (1 invoice)      {1 / per_month:10.0f}")


def import_time() -> None:
    code = "import time; t = time.perf_counter(); import hrpolicy; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(7)
    ]
    median = statistics.median(runs) * 1000
    print(f"import hrpolicy (fresh interpreter, median of 7): {median:.0f} ms   [< 150 ms]")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller counts, for a smoke test")
    quick = parser.parse_args(argv).quick
    tiers(quick)
    what_if(quick)
    throughput(quick)
    import_time()


if __name__ == "__main__":
    main()
