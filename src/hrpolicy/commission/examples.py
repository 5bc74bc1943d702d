"""Commission plans companies run, as data, each ready to evaluate.

Figures the companies' rules leave open (the base salary, the commission rate above target, the
VAT rate, the margin bands) are chosen here and named in each docstring; the structure
is the companies'. Every plan takes effect on 2024-01-01 and is tested against a statement
checked by hand (``tests/commission/test_example_plans.py``).

>>> from hrpolicy.commission import Period, PersonInputs, Deal, evaluate
>>> deal = Deal(deal_id="M1", owner="li", signed_on=date(2024, 3, 5), units=Decimal(25))
>>> evaluate(magazine_plan(), Period(year=2024, month=3), [deal],
...          PersonInputs(employee="li")).total
Decimal('525.00')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from hrpolicy.commission.model import Deal, Measure, Period, PersonInputs
from hrpolicy.commission.plan import (
    Commission,
    Component,
    Condition,
    DealerCount,
    ExpenseAllowance,
    FixedPay,
    Frequency,
    Multiplier,
    OverListShare,
    Plan,
    PlanVersion,
    PoolShare,
    ProfitPool,
    Proration,
    RoleShare,
    TaskBase,
    Window,
)
from hrpolicy.core.approvals import BELOW_LIST, GENERAL_MANAGER, ON_CREDIT, ApprovalRule, Holds
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.fields import enum_argument
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Season

__all__ = [
    "EXAMPLE_PLANS",
    "FARM_SEASONS",
    "credit_sales_plan",
    "elevator_plan",
    "example_month",
    "farm_supply_plan",
    "gross_margin_plan",
    "literal_task_base_plan",
    "magazine_plan",
    "manager_pool_plan",
    "over_list_plan",
    "pay_mix_plan",
    "quarterly_bonus_plan",
    "signed_dealers_task_base_plan",
    "task_base_plan",
    "year_end_plan",
]

_FROM: Final = date(2024, 1, 1)


def _plan(plan_id: str, name: str, *components: Component, **version: object) -> Plan:
    return Plan(
        plan_id=plan_id,
        name=name,
        versions=(
            PlanVersion(version="2024", effective_from=_FROM, components=components, **version),  # type: ignore[arg-type]
        ),
    )


def task_base_plan() -> Plan:
    """Monthly task base (任务底薪): 30,000 of sales **and** 3 new signed dealers earn the
    full base (chosen: 3,000); below target the base is paid pro rata to the lower of the
    two attainments. Sales above the 30,000 target earn 2 % (chosen) of the company list
    price (the deal value ``"list"``) of the part above target; a deal wholly below target
    needs no list price."""
    return _plan(
        "task-base",
        "任务底薪 + 超任务提成",
        TaskBase(
            component_id="base",
            name="任务底薪",
            amount=Decimal(3000),
            sales_target=Decimal(30000),
            dealer_target=3,
            proration=Proration.LOWEST,
            clause="销售管理办法 第3条",
        ),
        Commission(
            component_id="above-target",
            name="超任务提成",
            measure=Measure.SALES,
            basis="list",
            table=BandTable.from_thresholds(
                [0, 30000], ["0", "0.02"], closed=Side.UPPER, semantics=Semantics.MARGINAL
            ),
            clause="销售管理办法 第4条",
        ),
    )


def signed_dealers_task_base_plan() -> Plan:
    """:func:`task_base_plan` counting every dealer signed, new or not: "每月完成销售任务
    3万元并签约代理商/经销商3家，享受全额底薪及费用报销" — "30,000 yuan of sales and 3
    agents or dealers signed in the month earn the full base salary and expense
    reimbursement". The source says *signed*, not *new*; this plan reads it so
    (:attr:`~hrpolicy.commission.DealerCount.SIGNED`: ``PersonInputs.signed_dealers``
    counts, a renewed dealer included). Below target, as in :func:`task_base_plan`.

    >>> base = signed_dealers_task_base_plan().versions[0].component("base")
    >>> assert isinstance(base, TaskBase)
    >>> base.dealers_counted
    <DealerCount.SIGNED: 'signed'>
    """
    plan = task_base_plan()
    version = plan.versions[0]
    base = version.component("base")
    assert isinstance(base, TaskBase)
    components = tuple(
        attrs.evolve(base, dealers_counted=DealerCount.SIGNED) if c is base else c
        for c in version.components
    )
    return attrs.evolve(
        plan,
        plan_id="task-base-signed",
        versions=(attrs.evolve(version, components=components),),
    )


def literal_task_base_plan() -> Plan:
    """:func:`task_base_plan` read literally: "未完成任务的，按任务完成比例发放底薪" — "below
    target the base is paid in proportion to the target completed" — taken as the
    *sales* target whatever the dealer count
    (``proration=Proration.SALES`` with ``literal_sales_proration=True``). Sales on target
    then earn the full base even with a dealer short; the statement reports it.

    >>> base = literal_task_base_plan().versions[0].component("base")
    >>> assert isinstance(base, TaskBase)
    >>> base.proration.value, base.literal_sales_proration
    ('sales', True)
    """
    plan = task_base_plan()
    version = plan.versions[0]
    base = version.component("base")
    assert isinstance(base, TaskBase)
    literal = attrs.evolve(base, proration=Proration.SALES, literal_sales_proration=True)
    components = tuple(literal if c is base else c for c in version.components)
    return attrs.evolve(
        plan,
        plan_id="task-base-literal",
        versions=(attrs.evolve(version, components=components),),
    )


def over_list_plan() -> Plan:
    """Price over list (超价): 50 % of the part of the contract above the company price,
    after VAT (chosen: 13 %), to the salesperson — nothing when the company ran the
    negotiation itself."""
    return _plan(
        "over-list",
        "超价分成",
        OverListShare(
            component_id="over-list",
            name="超价分成",
            share=Rate.parse("50%"),
            vat_rate=Rate.parse("13%"),
            clause="销售管理办法 第5条",
        ),
    )


def year_end_plan() -> Plan:
    """Year-end bonus: 1 % of annual sales when they reach 400,000 (400,000 included),
    otherwise 0.5 % — the whole year's sales at the rate reached."""
    return _plan(
        "year-end",
        "年终奖",
        Commission(
            component_id="year-end",
            name="年终奖",
            measure=Measure.SALES,
            frequency=Frequency.YEARLY,
            table=BandTable.from_thresholds(
                [0, 400000], ["0.005", "0.01"], closed=Side.LOWER, semantics=Semantics.WHOLE
            ),
            clause="年终奖办法 第2条",
        ),
    )


def magazine_plan(reading: Semantics | str = Semantics.MARGINAL) -> Plan:
    """Magazine subscriptions: 20 yuan each; above 20 subscriptions, 25 yuan each. The
    sources read this both ways, so the plan says which: ``MARGINAL`` pays 25 only for the
    21st subscription on (25 → 525), ``WHOLE`` pays 25 for all once above 20 (25 → 625)."""
    reading = enum_argument(reading, Semantics, "reading")
    return _plan(
        f"magazine-{reading.value}",
        "杂志订阅提成",
        Commission(
            component_id="subscriptions",
            name="订阅提成",
            measure=Measure.UNITS,
            table=BandTable.from_thresholds(
                [0, 20], ["20", "25"], closed=Side.UPPER, semantics=reading
            ),
            clause="发行提成办法",
        ),
    )


def elevator_plan() -> Plan:
    """Elevator sales, yearly target 48 units (4 a month): within target 5‰ of contract
    value, over target 1 % of the equipment value (the deal value ``"equipment"``), both
    settled in proportion to cash collected; 500 yuan per unit over target and a
    500-per-unit expense allowance, both at year end, overspend deducted from that bonus.
    A deal within target needs no equipment value; a deal's list price (``"list"``) stays
    free for an over-list share the plan may add."""
    units = (0, 48)

    def by_units(within: str, over: str) -> BandTable:
        return BandTable.from_thresholds(
            list(units), [within, over], closed=Side.UPPER, semantics=Semantics.MARGINAL
        )

    return _plan(
        "elevator",
        "电梯销售提成",
        Commission(
            component_id="within-target",
            name="任务内提成",
            measure=Measure.UNITS,
            basis=Measure.SALES,
            window=Window.YEAR,
            table=by_units("0.005", "0"),
            settle_on_collection=True,
            clause="电梯销售提成办法 第2条",
        ),
        Commission(
            component_id="over-target",
            name="超任务提成",
            measure=Measure.UNITS,
            basis="equipment",
            window=Window.YEAR,
            table=by_units("0", "0.01"),
            settle_on_collection=True,
            clause="电梯销售提成办法 第3条",
        ),
        Commission(
            component_id="unit-bonus",
            name="超任务台数奖",
            measure=Measure.UNITS,
            frequency=Frequency.YEARLY,
            table=by_units("0", "500"),
            clause="电梯销售提成办法 第4条",
        ),
        ExpenseAllowance(
            component_id="expenses",
            name="销售费用包干",
            per_unit=Decimal(500),
            deduct_from=("unit-bonus",),
            frequency=Frequency.YEARLY,
            clause="电梯销售提成办法 第5条",
        ),
    )


def gross_margin_plan() -> Plan:
    """Gross-margin commission: margin = sales − product cost − the customer group's
    expenses − internal allocated cost; 5 % of the month's margin up to 50,000 and 8 %
    above (chosen), ×1.2 for a new customer and ×1.1 for a self-developed market; a loss on
    one deal offsets margin on the others, and a month is never below zero; a deal
    below list needs the general manager's approval; a deal shared with a service manager
    is split 70 / 30."""
    return _plan(
        "gross-margin",
        "毛利提成",
        Commission(
            component_id="margin",
            name="毛利提成",
            measure=Measure.GROSS_MARGIN,
            # A loss-making deal lowers the month's margin (the first band reaches below
            # zero); the floor keeps the month's commission from going negative.
            table=BandTable.from_thresholds(
                [-1_000_000_000, 50000],
                ["0.05", "0.08"],
                closed=Side.UPPER,
                semantics=Semantics.MARGINAL,
            ),
            floor=Decimal(0),
            multipliers=(
                Multiplier(condition=Condition.NEW_CUSTOMER, factor=Decimal("1.2")),
                Multiplier(condition=Condition.SELF_DEVELOPED_MARKET, factor=Decimal("1.1")),
            ),
            clause="毛利提成办法 第3条",
        ),
        roles=(
            RoleShare(role="sales", share=Rate.parse("70%")),
            RoleShare(role="service", share=Rate.parse("30%")),
        ),
        approval_below_list=True,
    )


def credit_sales_plan() -> Plan:
    """Commission tied to collection, and sales on credit signed by the general manager.

    The handbook: "按回款率结算提成；赊销须经总经理签字。低于公司价格销售须经总经理批准。" —
    "Commission is settled in proportion to the collection rate; sales on credit need the
    general manager's signature. Selling below the company price needs the general
    manager's approval." (The stricter rule "所有业绩工资和奖金都与全款回笼挂钩" — nothing
    until the contract price is collected in full — is
    :class:`hrpolicy.collection.FullCollection`, not this plan.)

    As data: 3 % of sales (chosen), settled in proportion to the cash collected; a sale on
    credit without the general manager's sign-off has its commission held back until it
    is signed; a deal below the list price without the general manager's approval is
    reported (its commission is paid: the handbook names no consequence but the
    approval).
    """
    return _plan(
        "credit-sales",
        "回款挂钩提成（赊销须总经理签字）",
        Commission(
            component_id="commission",
            name="销售提成",
            measure=Measure.SALES,
            table=BandTable.from_thresholds(
                [0], ["0.03"], closed=Side.LOWER, semantics=Semantics.MARGINAL
            ),
            settle_on_collection=True,
            clause="销售管理制度 第6条",
        ),
        approvals=(
            ApprovalRule(
                kind=ON_CREDIT,
                approvers=(GENERAL_MANAGER,),
                holds=Holds.COMMISSION,
                reference="销售管理制度 第8条（赊销须经总经理签字）",
            ),
            ApprovalRule(
                kind=BELOW_LIST,
                approvers=(GENERAL_MANAGER,),
                holds=Holds.NOTHING,
                reference="销售管理制度 第9条（低于公司价格须经总经理批准）",
            ),
        ),
    )


def pay_mix_plan() -> Plan:
    """Field-sales pay mix 30 / 40 / 30 of a 10,000 target (chosen): base 3,000;
    performance pay 4,000 times score ÷ 80; commission 3 % of sales (3,000 at 100,000)."""
    return _plan(
        "pay-mix",
        "薪酬结构 30/40/30",
        FixedPay(component_id="base", name="基本工资", amount=Decimal(3000), clause="薪酬制度"),
        FixedPay(
            component_id="performance",
            name="绩效工资",
            amount=Decimal(4000),
            score_linked=True,
            clause="绩效考核办法",
        ),
        Commission(
            component_id="commission",
            name="销售提成",
            measure=Measure.SALES,
            table=BandTable.from_thresholds(
                [0], ["0.03"], closed=Side.LOWER, semantics=Semantics.MARGINAL
            ),
            clause="薪酬制度 提成条款",
        ),
    )


def manager_pool_plan() -> Plan:
    """Managers take no commission: 20 % of the branch's profit goes to the manager and
    the finance lead, at least half of it to the manager (split chosen: 60 / 40)."""
    return _plan(
        "manager-pool",
        "分公司利润提成",
        ProfitPool(
            component_id="profit-pool",
            name="利润提成",
            share=Rate.parse("20%"),
            shares=(
                PoolShare(role="manager", share=Rate.parse("60%"), minimum=Rate.parse("50%")),
                PoolShare(role="finance", share=Rate.parse("40%")),
            ),
            clause="分公司经理薪酬办法 第2条",
        ),
    )


#: The sales seasons of the farm-supply plan, by the year its version adopts them.
FARM_SEASONS: Final = {
    2025: (
        Season(name="spring", first_day=date(2025, 2, 1), last_day=date(2025, 5, 31)),
        Season(name="autumn", first_day=date(2025, 9, 1), last_day=date(2025, 11, 30)),
    ),
    2026: (
        Season(name="spring", first_day=date(2026, 2, 15), last_day=date(2026, 6, 10)),
        Season(name="autumn", first_day=date(2026, 9, 1), last_day=date(2026, 11, 30)),
    ),
}


def farm_supply_plan() -> Plan:
    """Farm-supply sales are seasonal, so commission is settled by sales season (农资销售
    季节性强，提成按销售季结算，而非按月或按年): a monthly base salary (chosen: 2,500),
    and each season's sales earn 1 % up to 100,000 and 2 % above (chosen), settled in the
    season's own statement.

    The seasons are data, adopted with each year's version of the plan (the company
    announces them by the farming calendar): in 2025 spring runs 1 February to 31 May and
    autumn 1 September to 30 November; in 2026 the spring season is announced for
    15 February to 10 June (a late thaw; chosen). A season's statement is settled under
    the version in force on its last day, for a season that version names."""

    def version(year: int) -> PlanVersion:
        return PlanVersion(
            version=str(year),
            effective_from=date(year, 1, 1),
            reference=f"农资销售提成办法（{year}年版）",
            seasons=FARM_SEASONS[year],
            components=(
                FixedPay(
                    component_id="base",
                    name="基本工资",
                    amount=Decimal(2500),
                    clause="农资销售提成办法 第2条",
                ),
                Commission(
                    component_id="season-commission",
                    name="销售季提成",
                    measure=Measure.SALES,
                    frequency=Frequency.SEASONAL,
                    table=BandTable.from_thresholds(
                        [0, 100000],
                        ["0.01", "0.02"],
                        closed=Side.UPPER,
                        semantics=Semantics.MARGINAL,
                    ),
                    clause="农资销售提成办法 第3条",
                ),
            ),
        )

    return Plan(
        plan_id="farm-supply", name="农资销售季提成", versions=(version(2025), version(2026))
    )


def quarterly_bonus_plan() -> Plan:
    """A quarterly sales bonus (季度销售奖金): each calendar quarter's sales earn 1 % up to
    300,000 and 1.5 % above (chosen), settled in the quarter's statement, beside a
    monthly base salary (chosen: 3,000)."""
    return Plan(
        plan_id="quarterly-bonus",
        name="季度销售奖金",
        versions=(
            PlanVersion(
                version="2025",
                effective_from=date(2025, 1, 1),
                reference="销售奖金办法（2025年版）",
                components=(
                    FixedPay(
                        component_id="base",
                        name="基本工资",
                        amount=Decimal(3000),
                        clause="销售奖金办法 第2条",
                    ),
                    Commission(
                        component_id="quarter-bonus",
                        name="季度销售奖金",
                        measure=Measure.SALES,
                        frequency=Frequency.QUARTERLY,
                        table=BandTable.from_thresholds(
                            [0, 300000],
                            ["0.01", "0.015"],
                            closed=Side.UPPER,
                            semantics=Semantics.MARGINAL,
                        ),
                        clause="销售奖金办法 第3条",
                    ),
                ),
            ),
        ),
    )


def example_month() -> tuple[Plan, Period, tuple[Deal, ...], tuple[PersonInputs, ...]]:
    """A March 2024 for Li under :func:`task_base_plan`: two deals (the second crosses
    the 30,000 target), three new dealers, and the local minimum wage (2,690, Shanghai
    2024) to check against. Li earns the full base of 3,000 and 2 % of the list value of
    the part above target: 16,000 × 5,000/15,000 × 2 % = 106.67."""
    deals = (
        Deal(
            deal_id="C-101",
            owner="li",
            signed_on=date(2024, 3, 4),
            amount=Decimal(20000),
            values={"list": Decimal(19000)},
        ),
        Deal(
            deal_id="C-102",
            owner="li",
            signed_on=date(2024, 3, 20),
            amount=Decimal(15000),
            values={"list": Decimal(16000)},
        ),
    )
    inputs = (PersonInputs(employee="li", new_dealers=3, minimum_wage=Decimal(2690)),)
    return task_base_plan(), Period(year=2024, month=3), deals, inputs


#: Every example plan by id (the magazine plan in both readings).
EXAMPLE_PLANS: Final = {
    plan.plan_id: plan
    for plan in (
        task_base_plan(),
        over_list_plan(),
        year_end_plan(),
        magazine_plan(Semantics.MARGINAL),
        magazine_plan(Semantics.WHOLE),
        elevator_plan(),
        gross_margin_plan(),
        pay_mix_plan(),
        manager_pool_plan(),
        credit_sales_plan(),
    )
}
