"""Speed of the commission engine.

Run: ``python benchmarks/bench_commission.py``. It prints the time per call, best of five
repeats, for: one statement of the task-base example month; a month of 50 deals under a
marginal plan; a team of 20 people; a what-if over the same team; and a year of twelve
chained monthly statements on a year-accumulating table. The figures are a baseline for
this library's own changes (record them in the CHANGELOG when they move).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from _timing import show_rate, timed

from hrpolicy.commission import (
    Commission,
    Deal,
    Measure,
    Period,
    PersonInputs,
    Plan,
    PlanVersion,
    Statement,
    Window,
    compare,
    evaluate,
    evaluate_team,
)
from hrpolicy.commission.examples import example_month
from hrpolicy.core import BandTable, Semantics, Side


def _plan(plan_id: str, threshold: int, window: Window = Window.PERIOD) -> Plan:
    table = BandTable.from_thresholds(
        [0, threshold, 100000, 200000],
        ["0.01", "0.02", "0.03", "0.04"],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    commission = Commission(
        component_id="c", name="提成", measure=Measure.SALES, table=table, window=window
    )
    version = PlanVersion(version="v", effective_from=date(2024, 1, 1), components=(commission,))
    return Plan(plan_id=plan_id, name=plan_id, versions=(version,))


def _deals(owner: str, count: int, month: int = 3) -> list[Deal]:
    return [
        Deal(
            deal_id=f"{owner}-{month}-{n}",
            owner=owner,
            signed_on=date(2024, month, 1 + n % 28),
            amount=Decimal(1000 + 137 * n),
        )
        for n in range(count)
    ]


def main() -> None:
    plan, period, deals, inputs = example_month()
    timed(
        "example month (task base + commission, 2 deals)",
        lambda: evaluate(plan, period, deals, inputs[0]),
        500,
    )

    march = Period(year=2024, month=3)
    base = _plan("base", 30000)
    fifty = _deals("li", 50)
    li = PersonInputs(employee="li")
    per_deal = timed(
        "one statement of 50 deals, per deal", lambda: evaluate(base, march, fifty, li), 50, 50
    )
    show_rate("deals", per_deal)

    team_deals = [d for n in range(20) for d in _deals(f"p{n}", 50)]
    per_statement = timed(
        "team of 20 × 50 deals, per statement",
        lambda: evaluate_team(base, march, team_deals),
        3,
        20,
    )
    show_rate("statements", per_statement)

    candidate = _plan("candidate", 25000)
    timed(
        "what-if over the team (2 plans × 1,000 deals), per deal",
        lambda: compare(base, candidate, march, team_deals),
        3,
        1000,
    )

    yearly = _plan("yearly", 30000, Window.YEAR)
    months = {m: _deals("li", 20, m) for m in range(1, 13)}

    def chain() -> Statement:
        statement = evaluate(yearly, Period(year=2024, month=1), months[1], li)
        for m in range(2, 13):
            carried = PersonInputs(employee="li", carries=statement.carry_out)
            statement = evaluate(yearly, Period(year=2024, month=m), months[m], carried)
        return statement

    timed("a year of 12 chained monthly statements (240 deals)", chain, 5)


if __name__ == "__main__":
    main()
