"""The speed goals measured side by side in one run, each as a ratio with its goal.

Run (after installing the ``bench`` extra)::

    python benchmarks/run.py                 # every goal, full counts
    python benchmarks/run.py --quick         # smaller counts
    python benchmarks/run.py --only G3,G4    # a subset of the goals, by name
    python benchmarks/run.py --check         # exit 1 naming each goal missed

It first prints the interpreter (version, implementation, compiler, build date, flags,
whether a debug or free-threaded build, the configure options that change speed) and the
machine, because the figures depend on both. Every goal is a ratio of two timings taken in
the same process (best of several repeats), never an absolute time: the load on the
machine moves both sides alike. A goal whose interface this installation lacks prints
"not available" and the reason; it is neither measured nor counted as met or missed.

The hand ``Decimal`` loop (``hand_loop``) is the floor for exact arithmetic in Python: a
4-band marginal commission table (1 % to 30,000, 2 % to 100,000, 3 % to 200,000, 4 % above)
written out by hand and evaluated on 150,000.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from _timing import best, show

AMOUNT = Decimal(150000)
THRESHOLDS = [0, 30000, 100000, 200000]
RATES = ["0.01", "0.02", "0.03", "0.04"]
SMOKE = os.environ.get("HRPOLICY_BENCH_SMOKE") == "1"


def hand_loop(amount: Decimal) -> Decimal:
    """The 4-band marginal table written out by hand in Decimal."""
    if amount <= 30000:
        return amount * Decimal("0.01")
    if amount <= 100000:
        return Decimal(300) + (amount - 30000) * Decimal("0.02")
    if amount <= 200000:
        return Decimal(1700) + (amount - 100000) * Decimal("0.03")
    return Decimal(4700) + (amount - 200000) * Decimal("0.04")


class NotAvailableError(Exception):
    """The interface a goal needs is missing from this installation (the message says which)."""


@dataclass(frozen=True)
class Goal:
    name: str
    what: str
    limit: float
    at_least: bool  # True: the ratio must be >= limit; False: <= limit
    measure: Callable[[bool], float]

    def met(self, ratio: float) -> bool:
        return ratio >= self.limit if self.at_least else ratio <= self.limit

    @property
    def bound(self) -> str:
        return f"{'≥' if self.at_least else '≤'} {self.limit:g}×"


# ---------------------------------------------------------------- environment


def environment() -> dict[str, str]:
    """The interpreter, its build and the machine the figures were taken on."""
    config = sysconfig.get_config_vars()
    args = str(config.get("CONFIG_ARGS") or "")
    options = [
        flag
        for flag in ("--enable-optimizations", "--with-lto", "--enable-shared", "--with-pydebug")
        if flag in args
    ]
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        cpu = platform.processor()
    gil = getattr(sys, "_is_gil_enabled", None)
    flags = {name: getattr(sys.flags, name) for name in dir(sys.flags) if not name.startswith("_")}
    set_flags = {
        k: v for k, v in flags.items() if isinstance(v, int) and v and not k.startswith("n_")
    }
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "executable": sys.executable,
        "compiler": platform.python_compiler(),
        "build": " ".join(platform.python_build()),
        "debug build": "yes"
        if hasattr(sys, "gettotalrefcount") or config.get("Py_DEBUG")
        else "no",
        "free-threaded": ("yes" if config.get("Py_GIL_DISABLED") else "no")
        + ("" if gil is None else f" (GIL {'enabled' if gil() else 'disabled'})"),
        "configure speed options": " ".join(options)
        or "none of --enable-optimizations, --with-lto",
        "OPT": str(config.get("OPT") or ""),
        "sys.flags set": ", ".join(f"{k}={v}" for k, v in sorted(set_flags.items())) or "none",
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpu": cpu or "unknown",
        "cores": str(os.cpu_count()),
        "load average": (
            " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
        ),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


# ---------------------------------------------------------------- shared inputs


def _table() -> Any:
    from hrpolicy.core import BandTable, Semantics, Side  # noqa: PLC0415

    return BandTable.from_thresholds(
        THRESHOLDS, RATES, closed=Side.UPPER, semantics=Semantics.MARGINAL
    )


def _hand(quick: bool) -> float:
    assert hand_loop(AMOUNT) == Decimal(3200)
    return best(lambda: hand_loop(AMOUNT), 20_000 if quick else 200_000)


def _numpy() -> Any:
    try:
        import numpy  # noqa: PLC0415 - optional
    except ImportError as missing:
        raise NotAvailableError("numpy not installed: pip install numpy") from missing
    return numpy


def _vector() -> Any:
    try:
        vector: Any = importlib.import_module("hrpolicy.core.vector")
    except ImportError as missing:
        raise NotAvailableError(
            "hrpolicy.core.vector (NumPy batch tier path) does not exist in this version"
        ) from missing
    return vector


# ---------------------------------------------------------------- G1


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


def g1(quick: bool) -> float:
    """zen-engine decision table ÷ hrpolicy's explained evaluation (breakdown and text)."""
    zen = zen_decision()
    if zen is None:
        raise NotAvailableError("zen-engine not installed: pip install zen-engine")
    table = _table()
    assert table.apply(AMOUNT).total == 3200
    n = 1_000 if quick else 10_000
    explained = best(lambda: table.apply(AMOUNT).describe(), n)
    show("hrpolicy explained (band breakdown and text)", explained)
    zen_time = best(zen, n // 2)
    show("zen-engine (GoRules) decision", zen_time)
    rule = rule_engine_rule()
    if rule is not None:
        show("rule-engine (for comparison, no goal)", best(rule, n))
    return zen_time / explained


# ---------------------------------------------------------------- G2


def g2(quick: bool) -> float:
    """Full ``evaluate`` per deal, 1,000 deals one owner one month ÷ the hand loop."""
    import attrs  # noqa: PLC0415

    from hrpolicy.commission import Commission, Measure, Plan, PlanVersion, evaluate  # noqa: PLC0415
    from hrpolicy.commission.examples import example_month  # noqa: PLC0415

    _, period, deals, inputs = example_month()
    component = Commission(component_id="c", name="提成", measure=Measure.SALES, table=_table())
    version = PlanVersion(version="v", effective_from=date(2020, 1, 1), components=(component,))
    plan = Plan(plan_id="p", name="p", versions=(version,))
    assert period.month is not None
    first = attrs.evolve(deals[0], values={})
    month = [
        attrs.evolve(
            first,
            deal_id=f"D{n}",
            signed_on=date(period.year, period.month, 1 + n % 28),
            amount=Decimal(1000 + 7 * n),
        )
        for n in range(1000)
    ]
    per_deal = best(lambda: evaluate(plan, period, month, inputs[0]), 1, 3 if quick else 5) / 1000
    show("evaluate, per deal (1,000 deals, one owner, one month)", per_deal)
    hand = _hand(quick)
    show("hand-written Decimal loop", hand)
    return per_deal / hand


# ---------------------------------------------------------------- G3


def g3(quick: bool) -> float:
    """Cost per invoice-month of a year for one salesperson and one customer, 1,000 ÷ 100."""
    from hrpolicy.collection import settle_run  # noqa: PLC0415

    examples: Any = importlib.import_module("hrpolicy.collection.examples")
    one_customer_year = getattr(examples, "one_customer_year", None)
    if one_customer_year is None:
        raise NotAvailableError(
            "collection.examples.one_customer_year does not exist in this version"
        )
    small, large = (10, 100) if SMOKE else (100, 1000)

    def per_invoice_month(count: int, repeat: int) -> float:
        policy, receivables, year = one_customer_year(count)
        seconds = best(lambda: settle_run(policy, year, receivables, "li"), 1, repeat)
        return seconds / (count * 12)

    low = per_invoice_month(small, 5)
    show(f"collection, per invoice-month, {small:,} invoices", low)
    high = per_invoice_month(large, 2 if quick else 3)
    show(f"collection, per invoice-month, {large:,} invoices", high)
    return high / low


# ---------------------------------------------------------------- G4, G9 inputs


def _columns(count: int) -> dict[str, Any]:
    """Deals of 1,000 owners over 24 months as NumPy columns (owner codes, days, int64 fen)."""
    numpy = _numpy()
    rng = numpy.random.default_rng(2024)
    return {
        "owners": rng.integers(0, 1000, count, dtype=numpy.int64),
        "days": numpy.datetime64("2023-01-01", "D")
        + rng.integers(0, 730, count).astype("timedelta64[D]"),
        "amounts": rng.integers(10_000, 500_000_000, count, dtype=numpy.int64),
        "names": [f"s{n:04d}" for n in range(1000)],
    }


def _plan(plan_id: str, second: int) -> Any:
    from hrpolicy.commission import Commission, Measure, Plan, PlanVersion  # noqa: PLC0415
    from hrpolicy.core import BandTable, Semantics, Side  # noqa: PLC0415

    table = BandTable.from_thresholds(
        [0, second, 100000, 200000], RATES, closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    component = Commission(component_id="c", name="提成", measure=Measure.SALES, table=table)
    version = PlanVersion(version="v", effective_from=date(2020, 1, 1), components=(component,))
    return Plan(plan_id=plan_id, name=plan_id, versions=(version,))


def _numpy_marginal(numpy: Any, fen: Any, second: int) -> Any:
    """The 4-band marginal table on int64 fen, vectorised by hand, half-up to the fen."""
    lowers = numpy.array([0, second * 100, 10_000_000, 20_000_000], dtype=numpy.int64)
    rates = numpy.array([1, 2, 3, 4], dtype=numpy.int64)  # per cent
    uppers = numpy.append(lowers[1:], numpy.iinfo(numpy.int64).max)
    hundredths = numpy.zeros(fen.shape, dtype=numpy.int64)
    for lower, upper, rate in zip(lowers, uppers, rates, strict=True):
        hundredths += (numpy.clip(fen, lower, upper) - lower) * rate
    return (hundredths + 50) // 100


def _numpy_what_if(numpy: Any, cols: dict[str, Any]) -> Any:
    """Two plans on the monthly totals per owner, in plain NumPy: the reference for G4."""
    months = cols["days"].astype("datetime64[M]").astype(numpy.int64)
    key = cols["owners"] * 10_000 + months
    order = numpy.argsort(key, kind="stable")
    ordered = key[order]
    starts = numpy.flatnonzero(numpy.r_[True, ordered[1:] != ordered[:-1]])
    totals = numpy.add.reduceat(cols["amounts"][order], starts)
    return _numpy_marginal(numpy, totals, 25000) - _numpy_marginal(numpy, totals, 30000)


def what_if_by_name(cols: dict[str, Any]) -> Any:
    """The two-plan what-if given the owners' names as a NumPy string column (looked up
    from the codes inside the call, so its cost counts)."""
    from hrpolicy.commission import fast  # noqa: PLC0415

    numpy = _numpy()
    a, b = _plan("a", 30000), _plan("b", 25000)
    names = numpy.asarray(cols["names"])
    return lambda: fast.compare_columns(a, b, names[cols["owners"]], cols["days"], cols["amounts"])


def what_if_call(cols: dict[str, Any]) -> tuple[str, Any]:
    """The library's two-plan what-if on the columns, and how it is given them: owner codes
    with ``owner_names`` where ``compare_columns`` takes them, otherwise the owners' names
    looked up from the codes (a NumPy string column, built inside the call so its cost and
    memory count)."""
    from hrpolicy.commission import fast  # noqa: PLC0415

    _numpy()  # refuses clearly when NumPy is missing
    compare_columns: Any = fast.compare_columns
    a, b = _plan("a", 30000), _plan("b", 25000)
    if "owner_names" in inspect.signature(compare_columns).parameters:

        def by_code() -> object:
            return compare_columns(
                a, b, cols["owners"], cols["days"], cols["amounts"], owner_names=cols["names"]
            )

        return "owner codes with owner_names", by_code
    return "owners as a NumPy string column", what_if_by_name(cols)


def g4(quick: bool) -> float:
    """1M-deal two-plan what-if from NumPy columns ÷ the same computation in plain NumPy."""
    numpy = _numpy()
    count = 10_000 if SMOKE else 100_000 if quick else 1_000_000
    cols = _columns(count)
    how, call = what_if_call(cols)
    result: Any = call()
    if int(result.difference.scaleb(2)) != int(_numpy_what_if(numpy, cols).sum()):
        raise AssertionError("compare_columns and the plain NumPy what-if disagree")
    library = best(call, 1, 3)
    show(f"compare_columns, {count:,} deals, {how}", library)
    if how != "owners as a NumPy string column":
        by_name = best(what_if_by_name(cols), 1, 3)
        show("  the same, owners as a NumPy string column (no goal)", by_name)
    plain = best(lambda: _numpy_what_if(numpy, cols), 1, 3)
    show(f"the same in plain NumPy, {count:,} deals", plain)
    return library / plain


# ---------------------------------------------------------------- G5


def g5(quick: bool) -> float:
    """Batch tier path (CompiledTable on an int64 array) ÷ NumPy vectorised by hand."""
    numpy = _numpy()
    vector = _vector()
    from hrpolicy.core import CompiledTable  # noqa: PLC0415

    compiled = CompiledTable.of(_table())
    count = 1_000 if SMOKE else 100_000 if quick else 1_000_000
    units = numpy.random.default_rng(5).integers(0, 50_000_000, count, dtype=numpy.int64)
    library = vector.payouts_fen(compiled, units)
    by_hand = _numpy_marginal(numpy, units, 30000)
    if not numpy.array_equal(library, by_hand):
        raise AssertionError("payouts_fen and the NumPy hand path disagree")
    lib = best(lambda: vector.payouts_fen(compiled, units), 1, 5) / count
    show("core.vector.payouts_fen, per measure", lib)
    hand = best(lambda: _numpy_marginal(numpy, units, 30000), 1, 5) / count
    show("NumPy vectorised by hand, per measure", hand)
    return lib / hand


# ---------------------------------------------------------------- G6, G7


def g6(quick: bool) -> float:
    """One explained bond settlement (in a batch of 200) ÷ the hand loop."""
    from hrpolicy.bonds import settle_cases  # noqa: PLC0415
    from hrpolicy.bonds.examples import electrician_case  # noqa: PLC0415

    cases = [electrician_case()] * 200
    per_case = best(lambda: settle_cases(cases), 1 if quick else 3, 3) / len(cases)
    show("bond settlement, explained, per case", per_case)
    hand = _hand(quick)
    show("hand-written Decimal loop", hand)
    return per_case / hand


def g7(quick: bool) -> float:
    """One validated weekly report (in a batch of 50 via reports.validate) ÷ the hand loop."""
    from hrpolicy.core import TableCalendar  # noqa: PLC0415
    from hrpolicy.reports import IsoWeek, validate  # noqa: PLC0415
    from hrpolicy.reports.examples import domain_report_policy, example_report  # noqa: PLC0415

    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    week = IsoWeek(year=2024, week=10)
    reports = [example_report(f"s{n:02d}", week, calendar) for n in range(50)]
    policy = domain_report_policy()
    per_report = best(lambda: validate(reports, policy, calendar), 2 if quick else 10) / 50
    show("weekly report validated, per report", per_report)
    hand = _hand(quick)
    show("hand-written Decimal loop", hand)
    return per_report / hand


# ---------------------------------------------------------------- G8


def _import_seconds(modules: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"
    # Warm bytecode: the children may write .pyc files even when this interpreter may not.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", f"import {modules}"], check=True, env=env)
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def g8(quick: bool) -> float:
    """``import hrpolicy`` ÷ ``import attrs, cattrs``: fresh interpreters, warm bytecode, median."""
    runs = 3 if SMOKE else 7 if quick else 15
    base = _import_seconds("attrs, cattrs", runs)
    show(f"import attrs, cattrs (median of {runs})", base)
    ours = _import_seconds("hrpolicy", runs)
    show(f"import hrpolicy (median of {runs})", ours)
    show(
        f"import hrpolicy.commission (median of {runs}, no goal)",
        _import_seconds("hrpolicy.commission", runs),
    )
    return ours / base


# ---------------------------------------------------------------- G9

_G9_CHILD = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {here!r})
    from run import _columns, what_if_call

    def high_water_kib():
        with open("/proc/self/status", encoding="utf-8") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    import numpy
    cols = _columns({count})
    how, call = what_if_call(cols)
    raw = cols["owners"].nbytes + cols["days"].nbytes + cols["amounts"].nbytes
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # the peak so far becomes the present size
    except OSError:
        pass
    before = high_water_kib()
    result = call()
    after = high_water_kib()
    print(json.dumps({{"added": (after - before) * 1024, "raw": raw}}))
    """
)


def g9(quick: bool) -> float:
    """Peak resident memory the 1M what-if adds (inputs from the columns + the call) ÷ raw
    int64 columns' bytes, in a fresh interpreter."""
    count = 10_000 if SMOKE else 200_000 if quick else 1_000_000
    here = os.path.dirname(os.path.abspath(__file__))
    code = _G9_CHILD.format(here=here, count=count)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    print(
        f"  {'peak RSS added, ' + format(count, ',') + ' deals':56}"
        f" {figures['added'] / 2**20:10.1f} MiB  raw columns {figures['raw'] / 2**20:.1f} MiB"
    )
    return float(figures["added"]) / float(figures["raw"])


GOALS = [
    Goal("G1", "zen-engine ÷ hrpolicy explained tier evaluation", 5, at_least=True, measure=g1),
    Goal(
        "G2",
        "evaluate per deal (1,000 deals, one month) ÷ hand Decimal loop",
        30,
        at_least=False,
        measure=g2,
    ),
    Goal(
        "G3", "collection per invoice-month, 1,000 invoices ÷ 100", 1.3, at_least=False, measure=g3
    ),
    Goal(
        "G4",
        "1M-deal two-plan what-if from NumPy columns ÷ plain NumPy",
        10,
        at_least=False,
        measure=g4,
    ),
    Goal("G5", "batch tier path on int64 array ÷ NumPy by hand", 3, at_least=False, measure=g5),
    Goal(
        "G6", "one explained bond settlement ÷ hand Decimal loop", 150, at_least=False, measure=g6
    ),
    Goal("G7", "one validated weekly report ÷ hand Decimal loop", 40, at_least=False, measure=g7),
    Goal("G8", "import hrpolicy ÷ import attrs, cattrs", 1.3, at_least=False, measure=g8),
    Goal(
        "G9", "peak RSS added by the 1M what-if ÷ raw int64 columns", 3, at_least=False, measure=g9
    ),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller counts")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--only", default="", help="comma-separated goal names, e.g. G3,G4")
    args = parser.parse_args(argv)
    names = {goal.name for goal in GOALS}
    wanted = [n.strip().upper() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in names]
    if unknown:
        parser.error(
            f"unknown goal {', '.join(unknown)}; expected some of {', '.join(sorted(names))}"
        )
    chosen = [goal for goal in GOALS if not wanted or goal.name in wanted]

    print("Interpreter and machine:")
    for key, value in environment().items():
        print(f"  {key + ':':26} {value}")
    results: list[tuple[Goal, float | None, str]] = []
    ratio: float | None
    for goal in chosen:
        print(f"{goal.name}: {goal.what}")
        try:
            ratio = goal.measure(args.quick)
        except NotAvailableError as why:
            print(f"  not available: {why}")
            results.append((goal, None, str(why)))
            continue
        verdict = "met" if goal.met(ratio) else "MISSED"
        if SMOKE:  # each timing ran once: the ratio is not a measurement
            verdict = "not judged (HRPOLICY_BENCH_SMOKE=1: one call per timing)"
        print(f"  ratio {ratio:8.2f}×   goal {goal.bound}   {verdict}")
        results.append((goal, ratio, verdict))

    print("Summary (ratio, goal):")
    missed = []
    for goal, ratio, verdict in results:
        figure = "not available" if ratio is None else f"{ratio:8.2f}×"
        shown = verdict if ratio is not None else ""
        print(f"  {goal.name}  {figure:>14}  {goal.bound:>8}  {shown}  {goal.what}")
        if ratio is not None and not SMOKE and not goal.met(ratio):
            missed.append(goal)
    if args.check and missed:
        for goal in missed:
            print(f"missed {goal.name}: {goal.what} (goal {goal.bound})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
