"""Each component on its own: tables, bases, multipliers, collection, caps, floors,
carry-forward, score-linked pay, task base, expense allowances and draws."""

from __future__ import annotations

from decimal import Decimal

from hrpolicy.commission import (
    BandTable,
    Carry,
    Condition,
    CustomerOverride,
    Draw,
    ExpenseAllowance,
    FixedPay,
    Label,
    LineKind,
    Measure,
    Multiplier,
    Period,
    Proration,
    Semantics,
    TaskBase,
)
from tests.commission.helpers import amounts, commission, deal, plan, run
from tests.helpers import band

APRIL = Period(year=2024, month=4)


def test_marginal_tiers_pay_each_part_of_sales_at_its_own_rate() -> None:
    # 30,000 × 1 % + 10,000 × 2 % = 500.
    assert run(plan(commission()), [deal(amount=40000)]).total == Decimal("500.00")


def test_whole_amount_tiers_pay_all_sales_at_the_rate_reached() -> None:
    assert run(plan(commission(semantics=Semantics.WHOLE)), [deal(amount=40000)]).total == (
        Decimal("800.00")
    )


def test_thirty_thousand_exactly_stays_in_the_one_percent_band_when_the_band_includes_it() -> None:
    assert run(plan(commission(semantics=Semantics.WHOLE)), [deal(amount=30000)]).total == (
        Decimal("300.00")
    )


def test_an_interpolated_rate_rises_linearly_within_the_band() -> None:
    table = BandTable(
        bands=(band(0, 100000, "0.01", upper_closed=True, end_value=Decimal("0.03")),),
        semantics=Semantics.INTERPOLATED,
    )
    # At 50,000 the rate is 2 %: 1,000.
    statement = run(plan(commission(table=table)), [deal(amount=50000)])
    assert statement.total == Decimal("1000.00")


def test_a_mixed_table_re_rates_below_a_threshold_and_pays_only_the_increment_above() -> None:
    table = BandTable(
        bands=(
            band(0, 10000, "0.01", upper_closed=True),
            band(10000, 20000, "0.02", lower_closed=False, upper_closed=True, rerate_below=True),
            band(20000, None, "0.03", lower_closed=False),
        ),
        semantics=Semantics.MIXED,
    )
    # Reaching the second band re-rates 0–20,000 at 2 % (400); 5,000 above at 3 % (150).
    assert run(plan(commission(table=table)), [deal(amount=25000)]).total == Decimal("550.00")


def test_deals_earn_the_increase_they_cause_so_lines_add_up_to_the_period_amount() -> None:
    statement = run(
        plan(commission()),
        [deal("D1", 20000, "2024-03-01"), deal("D2", 20000, "2024-03-02")],
    )
    # D1: 200; D2 crosses 30,000: 10,000 × 1 % + 10,000 × 2 % = 300.
    assert amounts(statement) == {"c/D1": Decimal("200.00"), "c/D2": Decimal("300.00")}


def test_rounding_is_applied_once_to_the_component_and_shared_out_over_the_deals() -> None:
    # Three deals of 0.50 at 1 %: each earns 0.005 exactly; the component 0.015 → 0.02,
    # shared so that the lines add up: 0.01, 0.01, 0.00 (earlier deals first on ties).
    deals = [deal(f"D{i}", "0.50", f"2024-03-0{i}") for i in (1, 2, 3)]
    statement = run(plan(commission()), deals)
    assert [line.amount for line in statement.lines] == [
        Decimal("0.01"),
        Decimal("0.01"),
        Decimal("0.00"),
    ]
    assert statement.total == Decimal("0.02")


def test_multipliers_for_a_new_customer_and_a_self_developed_market_multiply_together() -> None:
    component = commission(
        ["0"],
        ["0.01"],
        multipliers=(
            Multiplier(condition=Condition.NEW_CUSTOMER, factor=Decimal("1.2")),
            Multiplier(condition=Condition.SELF_DEVELOPED_MARKET, factor=Decimal("1.5")),
        ),
    )
    statement = run(
        plan(component), [deal(amount=10000, new_customer=True, self_developed_market=True)]
    )
    assert statement.total == Decimal("180.00")  # 100 × 1.2 × 1.5


def test_a_customer_override_replaces_the_multipliers_and_names_its_approval() -> None:
    component = commission(
        ["0"],
        ["0.01"],
        multipliers=(Multiplier(condition=Condition.NEW_CUSTOMER, factor=Decimal(2)),),
        overrides=(
            CustomerOverride(customer="ACME", factor=Decimal("0.5"), reference="签呈2024-17"),
        ),
    )
    statement = run(plan(component), [deal(amount=10000, new_customer=True, customer="ACME")])
    assert statement.total == Decimal("50.00")
    step = statement.lines[0].steps[0]
    assert step.input_map["multiplier_reason"] == Label(
        "客户特批 签呈2024-17", "override 签呈2024-17"
    )


def test_a_deals_step_gives_its_multipliers_and_bands_in_chinese_and_in_english() -> None:
    # Units decide the band, the contract is paid on: 10 units, 8 at 1 % and 2 at 2 %.
    component = commission(
        ["0", "8"],
        ["0.01", "0.02"],
        measure=Measure.UNITS,
        basis=Measure.SALES,
        multipliers=(
            Multiplier(condition=Condition.NEW_CUSTOMER, factor=Decimal("1.5")),
            Multiplier(condition=Condition.SELF_DEVELOPED_MARKET, factor=Decimal(2)),
        ),
    )
    sold = deal(amount=10000, units=Decimal(10), new_customer=True, self_developed_market=True)
    step = run(plan(component), [sold]).lines[0].steps[0]
    assert step.input_map["multiplier_reason"] == Label(
        "新客户 ×1.5，自主开发市场 ×2", "new_customer ×1.5, self_developed_market ×2"
    )
    assert step.input_map["bands"] == Label(
        "[0, 8]：其中0.8按0.01；(8, ∞)：其中0.2按0.02",
        "[0, 8] at 0.01 on 0.8 of it; (8, ∞) at 0.02 on 0.2 of it",
    )
    assert step.input_map["multiplier_reason"] == Label(
        "新客户 ×1.5，自主开发市场 ×2", "new_customer ×1.5, self_developed_market ×2"
    )


def test_commission_settled_on_collection_pays_the_collected_share_and_reports_the_rest() -> None:
    component = commission(["0"], ["0.01"], settle_on_collection=True)
    statement = run(plan(component), [deal(amount=10000, collected=Decimal(2500))])
    assert statement.total == Decimal("25.00")
    assert [f.code for f in statement.findings] == ["collection_withheld"]
    assert "75.00 awaits collection" in statement.findings[0].message_en


def test_collection_above_the_contract_counts_only_up_to_the_contract() -> None:
    component = commission(["0"], ["0.01"], settle_on_collection=True)
    statement = run(plan(component), [deal(amount=10000, collected=Decimal(12000))])
    assert statement.total == Decimal("100.00")


def test_units_decide_the_band_while_contract_value_is_paid_on() -> None:
    component = commission([0, 10], ["0.01", "0.02"], measure=Measure.UNITS, basis=Measure.SALES)
    # 12 units worth 60,000: 10/12 of it at 1 % (500), 2/12 at 2 % (200).
    statement = run(plan(component), [deal(amount=60000, units=Decimal(12))])
    assert statement.total == Decimal("700.00")


def test_a_cap_without_carry_forward_pays_the_cap_and_reports_the_excess_as_not_paid() -> None:
    statement = run(plan(commission(cap=Decimal(300))), [deal(amount=40000)])
    assert amounts(statement) == {"c/D1": Decimal("500.00"), "c#cap": Decimal("-200.00")}
    assert statement.total == Decimal("300.00")
    assert [f.code for f in statement.findings] == ["cap_excess_forfeited"]
    assert statement.carry_out == ()


def test_a_capped_excess_carried_forward_is_paid_in_the_next_month() -> None:
    capped = plan(commission(cap=Decimal(300), carry_forward=True))
    march = run(capped, [deal(amount=40000)])
    assert march.carry_out == (Carry(component="c", carried=Decimal("200.00")),)
    april = run(
        capped, [deal(amount=5000, day="2024-04-03")], period=APRIL, carries=march.carry_out
    )
    # 50 earned + 200 carried = 250, under the cap.
    assert amounts(april) == {"c/D1": Decimal("50.00"), "c#carried-in": Decimal("200.00")}
    assert april.carry_out == (Carry(component="c", carried=Decimal(0)),)


def test_a_floor_tops_commission_up_and_with_carry_forward_recovers_it_later() -> None:
    floored = plan(commission(floor=Decimal(200), carry_forward=True))
    march = run(floored, [deal(amount=5000)])
    assert march.total == Decimal("200.00")
    assert march.carry_out == (Carry(component="c", carried=Decimal("-150.00")),)
    april = run(
        floored, [deal(amount=40000, day="2024-04-03")], period=APRIL, carries=march.carry_out
    )
    assert april.total == Decimal("350.00")  # 500 earned − 150 recovered


def test_score_linked_pay_is_proportional_to_the_score_with_80_as_full_pay() -> None:
    pay = FixedPay(component_id="perf", name="绩效工资", amount=Decimal(4000), score_linked=True)
    assert run(plan(pay), [], score=Decimal(60)).total == Decimal("3000.00")
    assert run(plan(pay), [], score=Decimal(80)).total == Decimal("4000.00")
    assert run(plan(pay), [], score=Decimal(100)).total == Decimal("5000.00")


def test_a_task_base_that_pays_nothing_below_target_pays_nothing_one_fen_short() -> None:
    base = TaskBase(
        component_id="base",
        name="任务底薪",
        amount=Decimal(3000),
        sales_target=Decimal(30000),
        proration=Proration.NOTHING,
    )
    assert run(plan(base), [deal(amount="29999.99")]).total == Decimal("0.00")
    assert run(plan(base), [deal(amount=30000)]).total == Decimal("3000.00")


def test_expense_overspend_beyond_the_bonus_is_reported_and_never_taken_from_wages() -> None:
    the_plan = plan(
        commission(["0"], ["0.01"]),
        ExpenseAllowance(
            component_id="exp", name="费用包干", per_unit=Decimal(500), deduct_from=("c",)
        ),
    )
    statement = run(the_plan, [deal(amount=10000, units=Decimal(1))], expenses=Decimal(800))
    # Overspend 300; the bonus is only 100, so 100 is deducted and 200 reported.
    assert amounts(statement) == {"c/D1": Decimal("100.00"), "exp": Decimal("-100.00")}
    assert [f.code for f in statement.findings] == ["overspend_unrecovered"]


def test_spending_within_the_allowance_deducts_nothing() -> None:
    the_plan = plan(
        commission(["0"], ["0.01"]),
        ExpenseAllowance(
            component_id="exp", name="费用包干", per_unit=Decimal(500), deduct_from=("c",)
        ),
    )
    statement = run(the_plan, [deal(amount=10000, units=Decimal(2))], expenses=Decimal(900))
    assert statement.component_total("exp") == Decimal("0.00")


def test_a_recoverable_draw_tops_up_a_weak_month_and_is_recovered_from_a_strong_one() -> None:
    the_plan = plan(
        commission(["0"], ["0.01"]),
        Draw(
            component_id="draw",
            name="提成保障",
            amount=Decimal(2000),
            covers=("c",),
            recoverable=True,
        ),
    )
    march = run(the_plan, [deal(amount=50000)])  # earns 500, drawn up to 2,000
    assert march.line("draw").amount == Decimal("1500.00")
    assert march.carry_out == (Carry(component="draw", carried=Decimal("1500.00")),)
    april = run(
        the_plan, [deal(amount=400000, day="2024-04-02")], period=APRIL, carries=march.carry_out
    )
    # Earns 4,000; 1,500 recovered leaves 2,500, above the draw.
    assert april.line("draw").amount == Decimal("-1500.00")
    assert april.total == Decimal("2500.00")
    assert april.carry_out == (Carry(component="draw", carried=Decimal(0)),)


def test_a_non_recoverable_draw_is_a_guarantee_that_is_never_taken_back() -> None:
    the_plan = plan(
        commission(["0"], ["0.01"]),
        Draw(
            component_id="draw", name="保底", amount=Decimal(2000), covers=("c",), recoverable=False
        ),
    )
    weak = run(the_plan, [deal(amount=50000)])
    strong = run(the_plan, [deal(amount=400000)])
    assert (weak.total, strong.total) == (Decimal("2000.00"), Decimal("4000.00"))
    assert weak.carry_out == ()
    assert strong.line("draw").kind is LineKind.DRAW
    assert strong.line("draw").amount == Decimal("0.00")


def test_a_lump_sum_is_paid_when_a_band_is_reached_even_with_a_separate_basis() -> None:
    table = BandTable(
        bands=(
            band(0, 10, "0.01", upper_closed=True),
            band(10, None, "0.01", lower_closed=False, lump_sum=Decimal(5000)),
        ),
        semantics=Semantics.MARGINAL,
    )
    component = commission(table=table, measure=Measure.UNITS, basis=Measure.SALES)
    # 12 units worth 150,000: 1 % of it (1,500) plus 5,000 for passing 10 units.
    statement = run(plan(component), [deal(amount=150000, units=Decimal(12))])
    assert statement.total == Decimal("6500.00")


def test_a_draw_guarantees_commission_net_of_the_expense_overspend_taken_from_it() -> None:
    the_plan = plan(
        commission(["0"], ["0.01"]),
        ExpenseAllowance(
            component_id="exp", name="费用包干", per_unit=Decimal(0), deduct_from=("c",)
        ),
        Draw(
            component_id="draw", name="保底", amount=Decimal(1000), covers=("c",), recoverable=False
        ),
    )
    # Earns 1,000, overspend 800 deducted: 200 net, topped up by the draw to 1,000.
    statement = run(the_plan, [deal(amount=100000, units=Decimal(1))], expenses=Decimal(800))
    assert amounts(statement) == {
        "c/D1": Decimal("1000.00"),
        "exp": Decimal("-800.00"),
        "draw": Decimal("800.00"),
    }


def test_a_deal_id_that_looks_like_a_special_line_cannot_collide_with_it() -> None:
    statement = run(plan(commission(cap=Decimal(100))), [deal("cap", 40000)])
    assert [x.line_id for x in statement.lines] == ["c/cap", "c#cap"]


def test_a_decelerator_pays_a_lower_rate_on_everything_once_sales_pass_a_ceiling() -> None:
    # Whole-amount rates that fall: 2 % up to 50,000, 1 % above. A 30,000 deal pays 600;
    # a second 30,000 deal takes the month to 60,000, re-rating all of it at 1 % (600 in
    # total), so its line is 0; a third takes it to 90,000 at 1 % = 900, a line of 300.
    falling = commission([0, 50000], ["0.02", "0.01"], semantics=Semantics.WHOLE)
    deals = [
        deal("D1", 30000, "2024-03-01"),
        deal("D2", 30000, "2024-03-02"),
        deal("D3", 30000, "2024-03-03"),
    ]
    statement = run(plan(falling), deals)
    assert amounts(statement) == {
        "c/D1": Decimal("600.00"),
        "c/D2": Decimal("0.00"),
        "c/D3": Decimal("300.00"),
    }
    assert statement.total == Decimal("900.00")


def test_a_decelerator_can_give_a_deal_a_negative_line_that_the_month_absorbs() -> None:
    falling = commission([0, 50000], ["0.02", "0.01"], semantics=Semantics.WHOLE)
    deals = [deal("D1", 45000, "2024-03-01"), deal("D2", 10000, "2024-03-02")]
    statement = run(plan(falling), deals)
    # D1 pays 900; D2 takes the month to 55,000 at 1 % = 550: its line is −350.
    assert amounts(statement) == {"c/D1": Decimal("900.00"), "c/D2": Decimal("-350.00")}
    assert statement.total == Decimal("550.00")
