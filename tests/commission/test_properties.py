"""Invariants of the commission engine, checked on generated plans and deals."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import from_dict, round_money, to_dict
from hrpolicy.commission import (
    BandTable,
    Carry,
    Commission,
    Deal,
    Frequency,
    Measure,
    Period,
    PersonInputs,
    Plan,
    PoolShare,
    ProfitPool,
    Rate,
    Semantics,
    Window,
    evaluate,
    statement_from_dict,
)
from hrpolicy.core.money import allocate
from hrpolicy.strategies import amounts, band_tables, commission_deals, commission_plans
from tests.commission.helpers import MARCH, commission, deal, plan, run

MARGINAL_RISING = band_tables(semantics=Semantics.MARGINAL, unbounded=True, non_decreasing=True)
MARCH_DEALS = st.lists(commission_deals(period=MARCH), max_size=8, unique_by=lambda d: d.deal_id)


def _sales_plan(table: BandTable, **changes: Any) -> Plan:
    return plan(commission(table=table, **changes))


@given(MARGINAL_RISING, amounts(max_value=300_000), amounts(max_value=1_000))
def test_marginal_commission_never_falls_and_never_jumps_as_sales_grow(
    table: BandTable, sales: Decimal, more: Decimal
) -> None:
    low = table.apply(sales).total
    high = table.apply(sales + more).total
    top_rate = max(Fraction(b.value) for b in table.bands)
    assert low <= high <= low + top_rate * Fraction(more)
    the_plan = _sales_plan(table)
    assert (
        run(the_plan, [deal(amount=sales)]).total
        <= run(the_plan, [deal(amount=sales + more)]).total
    )


@given(MARGINAL_RISING, amounts(max_value=300_000))
def test_whole_amount_pays_at_least_the_marginal_amount_when_rates_rise(
    table: BandTable, sales: Decimal
) -> None:
    marginal = run(_sales_plan(table), [deal(amount=sales)]).total
    whole = run(_sales_plan(table.with_semantics(Semantics.WHOLE)), [deal(amount=sales)]).total
    assert whole >= marginal


@given(MARGINAL_RISING, MARCH_DEALS)
def test_per_deal_lines_add_up_to_the_period_end_amount_on_total_sales(
    table: BandTable, deals: list[Deal]
) -> None:
    statement = run(_sales_plan(table), deals)
    total_sales = sum((d.measure(Measure.SALES) for d in deals), Fraction(0))
    assert statement.total == round_money(table.apply(total_sales).total)
    assert len(statement.lines) == len(deals)


@given(commission_plans(max_versions=1), MARCH_DEALS, st.randoms(use_true_random=False))
def test_the_order_deals_are_given_in_never_changes_the_statement(
    the_plan: Plan, deals: list[Deal], rng: random.Random
) -> None:
    inputs = PersonInputs(
        employee="li",
        new_dealers=2,
        score=Decimal(85),
        branch_profit=Decimal(100000),
        pool_role="manager",
        carries=tuple(
            Carry(component=c.component_id)
            for c in the_plan.versions[0].components
            if isinstance(c, Commission)
            and c.window is Window.YEAR
            and c.frequency is Frequency.MONTHLY
        ),
    )
    shuffled = list(deals)
    rng.shuffle(shuffled)
    assert evaluate(the_plan, MARCH, deals, inputs) == evaluate(the_plan, MARCH, shuffled, inputs)


@given(
    st.lists(st.fractions(min_value=-10_000, max_value=10_000, max_denominator=10_000), max_size=12)
)
def test_sharing_out_never_creates_or_loses_a_fen(parts: list[Fraction]) -> None:
    shared = allocate(parts)
    assert sum(shared, Decimal(0)) == round_money(sum(parts, Fraction(0)))
    assert all(abs(Fraction(a) - p) < Fraction(1, 100) for a, p in zip(shared, parts, strict=True))


@given(amounts(min_value=-1_000_000, max_value=10_000_000), st.integers(0, 100))
def test_a_profit_pool_is_shared_to_the_fen(profit: Decimal, manager_percent: int) -> None:
    pool = ProfitPool(
        component_id="pool",
        name="利润提成",
        share=Rate.parse("20%"),
        shares=(
            PoolShare(role="manager", share=Rate.parse(f"{manager_percent}%")),
            PoolShare(role="finance", share=Rate.parse(f"{100 - manager_percent}%")),
        ),
    )
    paid = [
        run(plan(pool), [], branch_profit=profit, pool_role=role).total
        for role in ("manager", "finance")
    ]
    assert sum(paid, Decimal(0)) == round_money(max(Fraction(0), Fraction(profit)) / 5)


@given(MARGINAL_RISING, amounts(min_value=0, max_value=5_000), MARCH_DEALS)
def test_a_capped_component_never_pays_above_its_cap(
    table: BandTable, cap: Decimal, deals: list[Deal]
) -> None:
    statement = run(_sales_plan(table, cap=cap), deals)
    assert statement.total <= cap


@given(MARGINAL_RISING, st.lists(amounts(max_value=50_000), min_size=12, max_size=12))
def test_twelve_monthly_statements_on_a_year_window_pay_what_the_year_earns(
    table: BandTable, monthly_sales: list[Decimal]
) -> None:
    the_plan = plan(commission(table=table, window=Window.YEAR))
    carries: tuple[Carry, ...] = ()
    paid = Decimal(0)
    for month, sales in enumerate(monthly_sales, 1):
        period = Period(year=2024, month=month)
        statement = run(
            the_plan, [deal(amount=sales, day=f"2024-{month:02d}-15")], period, carries=carries
        )
        paid += statement.total
        carries = statement.carry_out
    earned = table.apply(sum(monthly_sales, Decimal(0))).total
    # Each month rounds once, so the year can differ from the exact total by half a fen a month.
    assert abs(Fraction(paid) - earned) <= Fraction(12, 200)
    year_end = carries[0]
    assert year_end.measure_to_date == sum(monthly_sales, Decimal(0))
    assert year_end.earned_to_date == paid


@given(commission_plans())
def test_a_plan_converts_to_plain_data_and_back_unchanged(the_plan: Plan) -> None:
    assert from_dict(to_dict(the_plan), Plan) == the_plan


@given(MARGINAL_RISING, MARCH_DEALS)
def test_a_statement_converts_to_plain_data_and_back_after_checking_every_line(
    table: BandTable, deals: list[Deal]
) -> None:
    statement = run(_sales_plan(table), deals)
    assert statement_from_dict(statement.to_dict()) == statement
