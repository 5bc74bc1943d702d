"""Each example commission plan, evaluated on a month or year checked by hand."""

from __future__ import annotations

from decimal import Decimal

from hrpolicy.commission import Carry, Credit, Deal, Period, Semantics, evaluate_team
from hrpolicy.commission.examples import (
    EXAMPLE_PLANS,
    elevator_plan,
    gross_margin_plan,
    magazine_plan,
    manager_pool_plan,
    over_list_plan,
    pay_mix_plan,
    task_base_plan,
    year_end_plan,
)
from tests.commission.helpers import amounts, deal, run

YEAR = Period(year=2024)
DECEMBER = Period(year=2024, month=12)


def test_meeting_both_targets_earns_the_full_base_and_2_percent_of_list_above_target() -> None:
    # 20,000 + 15,000 = 35,000 of sales; the second deal crosses 30,000, so 5,000 of its
    # 15,000 (one third) is above target: 16,000 list × 1/3 × 2 % = 106.67.
    statement = run(
        task_base_plan(),
        [
            deal("D1", 20000, "2024-03-04", values={"list": Decimal(19000)}),
            deal("D2", 15000, "2024-03-20", values={"list": Decimal(16000)}),
        ],
        new_dealers=3,
    )
    assert amounts(statement) == {
        "above-target/D1": Decimal("0.00"),
        "above-target/D2": Decimal("106.67"),
        "base": Decimal("3000.00"),
    }
    assert statement.total == Decimal("3106.67")


def test_below_the_sales_target_the_base_is_paid_pro_rata() -> None:
    # 24,000 of 30,000 = 80 %; 3 dealers met: 3,000 × 80 % = 2,400.
    statement = run(
        task_base_plan(), [deal("D1", 24000, values={"list": Decimal(24000)})], new_dealers=3
    )
    assert statement.component_total("base") == Decimal("2400.00")
    assert statement.component_total("above-target") == Decimal("0.00")


def test_missing_the_dealer_target_prorates_the_base_even_when_sales_are_met() -> None:
    # Sales 36,000 (120 %) but 2 of 3 dealers: the lower attainment 2/3 → 2,000.
    statement = run(
        task_base_plan(), [deal("D1", 36000, values={"list": Decimal(36000)})], new_dealers=2
    )
    assert statement.component_total("base") == Decimal("2000.00")
    assert statement.component_total("above-target") == Decimal("120.00")


def test_half_the_price_above_list_after_13_percent_vat_goes_to_the_salesperson() -> None:
    # 111,300 − 100,000 = 11,300; ÷ 1.13 = 10,000; × 50 % = 5,000.
    statement = run(over_list_plan(), [deal("D1", 111300, values={"list": Decimal(100000)})])
    assert statement.total == Decimal("5000.00")


def test_no_over_list_share_is_paid_when_the_company_negotiated_the_deal() -> None:
    statement = run(
        over_list_plan(),
        [deal("D1", 111300, values={"list": Decimal(100000)}, company_negotiated=True)],
    )
    assert statement.total == Decimal("0.00")
    assert [f.code for f in statement.findings] == ["company_negotiated"]


def test_year_end_bonus_is_1_percent_of_all_sales_at_400000_and_half_a_percent_below() -> None:
    at_threshold = run(
        year_end_plan(),
        [deal("D1", 250000, "2024-03-01"), deal("D2", 150000, "2024-09-01")],
        period=YEAR,
    )
    below = run(year_end_plan(), [deal("D1", "399999.99", "2024-03-01")], period=YEAR)
    assert at_threshold.total == Decimal("4000.00")
    assert below.total == Decimal("2000.00")  # 1,999.99995 rounds half up


def test_the_year_end_bonus_is_not_part_of_a_monthly_statement() -> None:
    statement = run(year_end_plan(), [deal("D1", 500000)])
    assert statement.lines == ()


def test_twenty_five_magazine_subscriptions_pay_525_or_625_as_the_plan_reads_the_tier() -> None:
    deals = [deal("D1", 0, units=Decimal(12)), deal("D2", 0, "2024-03-20", units=Decimal(13))]
    marginal = run(magazine_plan(Semantics.MARGINAL), deals)
    whole = run(magazine_plan(Semantics.WHOLE), deals)
    # Marginal: 20 × 20 + 5 × 25 = 525. Whole: 25 × 25 = 625, the crossing deal carrying
    # the uplift on the first twelve (12 × 5 = 60).
    assert marginal.total == Decimal("525.00")
    assert whole.total == Decimal("625.00")
    assert amounts(whole) == {
        "subscriptions/D1": Decimal("240.00"),
        "subscriptions/D2": Decimal("385.00"),
    }


def test_exactly_twenty_subscriptions_pay_400_in_both_readings() -> None:
    deals = [deal("D1", 0, units=Decimal(20))]
    assert run(magazine_plan(Semantics.MARGINAL), deals).total == Decimal("400.00")
    assert run(magazine_plan(Semantics.WHOLE), deals).total == Decimal("400.00")


def test_an_elevator_deal_crossing_the_48_unit_target_is_paid_on_collection_in_each_band() -> None:
    # 46 units sold before December; a 4-unit deal: 2 within target, 2 over.
    # Within: 1,200,000 × 2/4 × 5‰ = 3,000; over: 1,000,000 × 2/4 × 1 % = 5,000.
    # Half the contract is collected, so 1,500 + 2,500 = 4,000 is settled now.
    statement = run(
        elevator_plan(),
        [
            deal(
                "E1",
                1200000,
                "2024-12-05",
                units=Decimal(4),
                values={"equipment": Decimal(1000000)},
                collected=Decimal(600000),
            )
        ],
        period=DECEMBER,
        carries=(
            Carry(component="within-target", measure_to_date=Decimal(46)),
            Carry(component="over-target", measure_to_date=Decimal(46)),
        ),
    )
    assert amounts(statement) == {
        "within-target/E1": Decimal("1500.00"),
        "over-target/E1": Decimal("2500.00"),
    }
    assert [f.code for f in statement.findings] == ["collection_withheld", "collection_withheld"]
    carry = statement.carry("over-target")
    assert carry is not None
    assert carry.measure_to_date == 50


def test_the_elevator_year_end_pays_500_per_unit_over_target_less_expense_overspend() -> None:
    # 50 units in the year: 2 over target × 500 = 1,000. Allowance 50 × 500 = 25,000;
    # spent 25,600, so 600 comes off the bonus: 400.
    deals = [
        deal(
            "E1", 3000000, "2024-06-01", units=Decimal(46), values={"equipment": Decimal(2500000)}
        ),
        deal("E2", 300000, "2024-12-05", units=Decimal(4), values={"equipment": Decimal(250000)}),
    ]
    statement = run(elevator_plan(), deals, period=YEAR, expenses=Decimal(25600))
    assert amounts(statement) == {
        "unit-bonus/E1": Decimal("0.00"),
        "unit-bonus/E2": Decimal("1000.00"),
        "expenses": Decimal("-600.00"),
    }
    assert statement.total == Decimal("400.00")


def test_gross_margin_commission_with_a_new_customer_uplift() -> None:
    # 200,000 − 120,000 − 10,000 − 10,000 = 60,000 margin: 50,000 × 5 % + 10,000 × 8 %
    # = 3,300, × 1.2 for a new customer = 3,960.
    statement = run(
        gross_margin_plan(),
        [
            deal(
                "G1",
                200000,
                product_cost=Decimal(120000),
                customer_expenses=Decimal(10000),
                internal_allocation=Decimal(10000),
                new_customer=True,
            )
        ],
    )
    assert statement.total == Decimal("3960.00")


def test_a_gross_margin_deal_shared_with_a_service_manager_is_split_70_30() -> None:
    shared = deal(
        "G2",
        100000,
        product_cost=Decimal(60000),
        customer_expenses=Decimal(0),
        internal_allocation=Decimal(0),
        split=(Credit(employee="li", role="sales"), Credit(employee="wang", role="service")),
    )
    team = evaluate_team(gross_margin_plan(), Period(year=2024, month=3), [shared])
    # Margin 40,000: li is credited 28,000 × 5 % = 1,400; wang 12,000 × 5 % = 600.
    assert team.of("li").total == Decimal("1400.00")
    assert team.of("wang").total == Decimal("600.00")


def test_thirty_forty_thirty_pay_mix_with_score_90_and_100000_of_sales() -> None:
    # 3,000 base + 4,000 × 90/80 = 4,500 + 3 % of 100,000 = 3,000: 10,500.
    statement = run(pay_mix_plan(), [deal("D1", 100000)], score=Decimal(90))
    assert amounts(statement) == {
        "commission/D1": Decimal("3000.00"),
        "base": Decimal("3000.00"),
        "performance": Decimal("4500.00"),
    }
    assert statement.variable_pay == Decimal("7500.00")


def test_manager_and_finance_lead_share_20_percent_of_branch_profit_to_the_fen() -> None:
    # Pool: 333,333.33 × 20 % = 66,666.666 → 66,666.67. 60 % = 40,000.002, 40 % =
    # 26,666.668: the missing fen goes to the larger remainder (the finance lead).
    manager = run(manager_pool_plan(), [], branch_profit=Decimal("333333.33"), pool_role="manager")
    finance = run(manager_pool_plan(), [], branch_profit=Decimal("333333.33"), pool_role="finance")
    assert manager.total == Decimal("40000.00")
    assert finance.total == Decimal("26666.67")
    assert manager.total + finance.total == Decimal("66666.67")


def test_a_branch_without_profit_pays_no_pool() -> None:
    statement = run(manager_pool_plan(), [], branch_profit=Decimal(-5000), pool_role="manager")
    assert statement.total == Decimal("0.00")
    assert [f.code for f in statement.findings] == ["pool_no_profit"]


def test_every_example_plan_is_listed_by_its_id() -> None:
    assert sorted(EXAMPLE_PLANS) == [
        "credit-sales",
        "elevator",
        "gross-margin",
        "magazine-marginal",
        "magazine-whole",
        "manager-pool",
        "over-list",
        "pay-mix",
        "task-base",
        "year-end",
    ]


def test_a_loss_making_deal_offsets_the_months_margin_whatever_the_signing_order() -> None:
    def margin_deal(deal_id: str, day: str, amount: int, cost: int) -> Deal:
        return deal(
            deal_id,
            amount,
            day,
            product_cost=Decimal(cost),
            customer_expenses=Decimal(0),
            internal_allocation=Decimal(0),
        )

    # A 10,000 loss and a 20,000 margin: 10,000 net at 5 % = 500, in either order.
    loss_first = [
        margin_deal("L", "2024-03-01", 50000, 60000),
        margin_deal("P", "2024-03-02", 50000, 30000),
    ]
    loss_last = [
        margin_deal("L", "2024-03-02", 50000, 60000),
        margin_deal("P", "2024-03-01", 50000, 30000),
    ]
    assert run(gross_margin_plan(), loss_first).total == Decimal("500.00")
    assert run(gross_margin_plan(), loss_last).total == Decimal("500.00")


def test_a_month_of_losses_pays_no_negative_commission() -> None:
    loss = deal(
        "L",
        50000,
        product_cost=Decimal(60000),
        customer_expenses=Decimal(0),
        internal_allocation=Decimal(0),
    )
    statement = run(gross_margin_plan(), [loss])
    assert amounts(statement) == {"margin/L": Decimal("-500.00"), "margin#floor": Decimal("500.00")}
    assert statement.total == Decimal("0.00")
