"""Bad plans and bad deals are refused when built, with the field, what was expected and
what came; nothing is clamped, dropped or defaulted."""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

import hrpolicy.commission as commission_engine
from hrpolicy import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
    from_dict,
    to_dict,
)
from hrpolicy.commission import (
    BandTable,
    Carry,
    ComparisonRow,
    Deal,
    Draw,
    ExpenseAllowance,
    FixedPay,
    Frequency,
    Line,
    Measure,
    Period,
    PersonInputs,
    Plan,
    PlanVersion,
    PoolShare,
    ProfitPool,
    Proration,
    Rate,
    RoleShare,
    Semantics,
    TaskBase,
    TeamStatement,
    Window,
    evaluate,
    evaluate_team,
)
from hrpolicy.commission.examples import manager_pool_plan, over_list_plan
from tests.commission.helpers import MARCH, commission, deal, plan, run, tiers
from tests.helpers import band


def test_bands_with_a_gap_are_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="no gap"):
        BandTable(
            bands=(
                band(0, 30000, "0.01"),
                band(30000, None, "0.02", lower_closed=False),
            ),
            semantics=Semantics.MARGINAL,
        )


def test_bands_that_overlap_are_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="no overlap"):
        BandTable(
            bands=(
                band(0, 30000, "0.01", upper_closed=True),
                band(30000, None, "0.02"),
            ),
            semantics=Semantics.MARGINAL,
        )


def test_a_negative_commission_rate_is_refused() -> None:
    with pytest.raises(
        PolicyDefinitionError, match=r"bands\[1\]\.value: expected a rate of 0 or more"
    ):
        commission(values=["0.01", "-0.02"])


def test_a_separate_basis_needs_a_marginal_table() -> None:
    with pytest.raises(InvalidValueError, match="'marginal' when a separate basis"):
        commission(semantics=Semantics.WHOLE, basis="list")


def test_role_shares_that_do_not_add_up_to_100_percent_are_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="adding up to 100%"):
        plan(
            commission(),
            roles=(
                RoleShare(role="sales", share=Rate.parse("70%")),
                RoleShare(role="service", share=Rate.parse("20%")),
            ),
        )


def test_a_profit_pool_giving_the_manager_less_than_the_minimum_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="at least the minimum 50%"):
        PoolShare(role="manager", share=Rate.parse("40%"), minimum=Rate.parse("50%"))


def test_profit_pool_shares_must_add_up_to_100_percent() -> None:
    with pytest.raises(PolicyDefinitionError, match="adding up to 100%"):
        ProfitPool(
            component_id="pool",
            name="利润提成",
            share=Rate.parse("20%"),
            shares=(PoolShare(role="manager", share=Rate.parse("50%")),),
        )


def test_versions_with_overlapping_dates_are_refused() -> None:
    versions = (
        PlanVersion(
            version="a",
            effective_from=date(2024, 1, 1),
            effective_to=date(2024, 6, 30),
            components=(commission(),),
        ),
        PlanVersion(version="b", effective_from=date(2024, 6, 1), components=(commission(),)),
    )
    with pytest.raises(PolicyDefinitionError, match="do not overlap: a"):
        Plan(plan_id="p", name="overlap", versions=versions)


def test_an_open_ended_version_runs_until_the_next_version_starts() -> None:
    versions = (
        PlanVersion(version="a", effective_from=date(2024, 1, 1), components=(commission(),)),
        PlanVersion(
            version="b",
            effective_from=date(2025, 1, 1),
            components=(commission(values=["0.02", "0.03"]),),
        ),
    )
    renewed = Plan(plan_id="p", name="renewed yearly", versions=versions)
    december = run(renewed, [deal(day="2024-12-20")], Period(year=2024, month=12))
    january = run(renewed, [deal(day="2025-01-02")], Period(year=2025, month=1))
    assert (december.total, january.total) == (Decimal("100.00"), Decimal("200.00"))


def test_a_component_id_cannot_change_its_measure_between_versions() -> None:
    versions = (
        PlanVersion(
            version="a",
            effective_from=date(2024, 1, 1),
            effective_to=date(2024, 6, 30),
            components=(commission(),),
        ),
        PlanVersion(
            version="b",
            effective_from=date(2024, 7, 1),
            components=(commission(measure=Measure.UNITS),),
        ),
    )
    with pytest.raises(PolicyDefinitionError, match="same kind, measure"):
        Plan(plan_id="p", name="changed", versions=versions)


def test_a_draw_must_cover_components_of_its_own_version() -> None:
    with pytest.raises(PolicyDefinitionError, match="references to pay components"):
        plan(
            commission(),
            Draw(
                component_id="d", name="保障", amount=Decimal(1), covers=("nope",), recoverable=True
            ),
        )


def test_a_negative_balance_carried_into_a_recoverable_draw_is_refused() -> None:
    the_plan = plan(
        commission(),
        Draw(component_id="d", name="保障", amount=Decimal(1), covers=("c",), recoverable=True),
    )
    with pytest.raises(InvalidValueError, match=r"Carry\(d\)\.carried: expected a balance of 0"):
        run(the_plan, [deal()], carries=(Carry(component="d", carried=Decimal(-5)),))


def test_an_allowance_cannot_deduct_from_a_yearly_bonus_in_a_monthly_statement() -> None:
    with pytest.raises(PolicyDefinitionError, match="components settled monthly"):
        plan(
            commission(frequency=Frequency.YEARLY),
            ExpenseAllowance(
                component_id="e", name="费用", per_unit=Decimal(1), deduct_from=("c",)
            ),
        )


def test_a_floor_above_the_cap_and_a_carry_forward_with_nothing_to_carry_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="at most the cap"):
        commission(cap=Decimal(100), floor=Decimal(200))
    with pytest.raises(InvalidValueError, match="carry_forward"):
        commission(carry_forward=True)


def test_duplicate_component_ids_in_a_version_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="unique component_id"):
        plan(commission(), commission())


def test_a_float_amount_in_a_deal_is_refused() -> None:
    with pytest.raises(InvalidTypeError, match=r"Deal.amount: .*float 1000.5"):
        Deal(deal_id="D", owner="li", signed_on=date(2024, 3, 1), amount=1000.5)  # type: ignore[arg-type]


def test_a_deal_in_another_currency_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Deal\.currency: expected 'CNY'"):
        deal(currency="USD")


def test_a_deal_without_a_date_is_refused_from_plain_data() -> None:
    data: dict[str, Any] = to_dict(deal())
    del data["signed_on"]
    with pytest.raises(ConversionError, match="signed_on"):
        from_dict(data, Deal)


def test_a_plan_with_an_unknown_component_kind_is_refused_from_plain_data() -> None:
    data = to_dict(plan(commission()))
    data["versions"][0]["components"][0]["kind"] = "bonus_of_the_month"
    with pytest.raises(ConversionError, match="bonus_of_the_month"):
        from_dict(data, Plan)


def test_the_same_deal_twice_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="unique deal_id"):
        run(plan(commission()), [deal("D1"), deal("D1")])


def test_a_deal_that_does_not_credit_the_person_is_refused() -> None:
    other = Deal(deal_id="X", owner="wang", signed_on=date(2024, 3, 1), amount=Decimal(1))
    with pytest.raises(InvalidValueError, match="a credit for employee 'li'"):
        run(plan(commission()), [other])


def test_a_fact_a_component_needs_is_never_assumed() -> None:
    with pytest.raises(InvalidValueError, match=r"Deal\(D1\)\.units: expected a value"):
        run(plan(commission(measure=Measure.UNITS)), [deal()])
    with pytest.raises(InvalidValueError, match=r"score: expected a value: component 'perf'"):
        run(
            plan(FixedPay(component_id="perf", name="绩效", amount=Decimal(1), score_linked=True)),
            [],
        )
    with pytest.raises(InvalidValueError, match="new_dealers"):
        run(
            plan(
                TaskBase(
                    component_id="b",
                    name="底薪",
                    amount=Decimal(1),
                    sales_target=Decimal(1),
                    dealer_target=3,
                    proration=Proration.LOWEST,
                )
            ),
            [],
        )
    with pytest.raises(
        InvalidValueError,
        match=r"Deal\(D1\)\.values\['list'\]: expected a value: component 'over-list'",
    ):
        run(over_list_plan(), [deal()])


def test_a_carry_for_a_component_the_plan_does_not_have_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="carries only for components of plan p"):
        run(plan(commission()), [], carries=(Carry(component="bonus"),))


def test_a_carry_for_a_component_that_carries_nothing_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"carries only for .* \(none\), got str 'c'"):
        run(plan(commission()), [deal()], carries=(Carry(component="c", carried=Decimal(5)),))
    with pytest.raises(InvalidValueError, match="carries only for components"):
        run(
            plan(FixedPay(component_id="base", name="底薪", amount=Decimal(3000))),
            [],
            carries=(Carry(component="base"),),
        )


def test_a_carry_of_the_wrong_sign_for_its_cap_or_floor_is_refused() -> None:
    floored = plan(commission(floor=Decimal(100), carry_forward=True))
    with pytest.raises(InvalidValueError, match="only a capped component"):
        run(floored, [deal()], carries=(Carry(component="c", carried=Decimal(50)),))
    capped = plan(commission(cap=Decimal(100), carry_forward=True))
    with pytest.raises(InvalidValueError, match="only a component with a floor"):
        run(capped, [deal()], carries=(Carry(component="c", carried=Decimal(-500)),))


def test_a_january_carry_cannot_bring_last_years_earnings_into_the_new_year() -> None:
    yearly = plan(commission(window=Window.YEAR))
    last_year = Carry(component="c", earned_to_date=Decimal(4000), paid_to_date=Decimal(0))
    with pytest.raises(InvalidValueError, match="None in January"):
        run(
            yearly,
            [deal(day="2024-01-05")],
            period=Period(year=2024, month=1),
            carries=(last_year,),
        )


def test_paid_to_date_without_earned_to_date_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="earned_to_date"):
        Carry(component="c", paid_to_date=Decimal(10))


def test_the_engine_refuses_arguments_of_the_wrong_type() -> None:
    with pytest.raises(InvalidTypeError, match="deals: expected a list or tuple of Deal"):
        evaluate(plan(commission()), MARCH, "D1", PersonInputs(employee="li"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="period: expected a Period"):
        evaluate(plan(commission()), "2024-03", [], PersonInputs(employee="li"))  # type: ignore[arg-type]


PUBLIC_CLASSES = [
    getattr(commission_engine, name)
    for name in commission_engine.__all__
    if inspect.isclass(getattr(commission_engine, name))
    and attrs.has(getattr(commission_engine, name))
    and getattr(commission_engine, name).__module__.startswith("hrpolicy.commission")
]


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda cls: cls.__name__)
def test_every_public_class_refuses_a_missing_field_or_a_positional_argument_typed(
    cls: type,
) -> None:
    with pytest.raises(InvalidTypeError, match=rf"^{cls.__name__}\.\w+: expected a value"):
        cls()
    with pytest.raises(InvalidTypeError, match=rf"^{cls.__name__}: expected keyword arguments"):
        cls(1)


def test_a_statement_line_or_row_built_by_hand_with_an_unknown_or_wrong_field_is_refused() -> None:
    statement = run(plan(commission()), [deal()])
    line = statement.lines[0]
    with pytest.raises(InvalidTypeError, match=r"^Line\.bogus: expected one of the fields"):
        Line(**{f.name: getattr(line, f.name) for f in attrs.fields(Line)}, bogus=1)  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match=r"^Statement\.deal: expected one of the fields"):
        attrs.evolve(statement, deal=deal())  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match=r"^Statement\.lines\[0\]: expected Line"):
        attrs.evolve(statement, lines=("c/D1",))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^ComparisonRow\.baseline: .*float"):
        ComparisonRow(employee="li", baseline=1.5, candidate=Decimal(0))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^TeamStatement\.statements: expected a list"):
        TeamStatement(plan=statement.plan, period=MARCH, statements=statement)  # type: ignore[arg-type]


def test_a_period_month_outside_1_to_12_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Period\.month"):
        Period(year=2024, month=13)


def test_a_measure_that_falls_below_the_table_is_refused_rather_than_paid_at_zero() -> None:
    margin = commission(measure=Measure.GROSS_MARGIN, table=tiers([0, 50000], ["0.05", "0.08"]))
    loss = deal(
        product_cost=Decimal(12000), customer_expenses=Decimal(0), internal_allocation=Decimal(0)
    )
    with pytest.raises(NotCoveredError, match="a measure within"):
        run(plan(margin), [loss])


def test_two_people_holding_one_pool_role_in_a_branch_are_refused() -> None:
    people = [
        PersonInputs(employee=name, branch_profit=Decimal(50000), pool_role="manager")
        for name in ("li", "wang")
    ]
    with pytest.raises(InvalidValueError, match="unique pool role"):
        evaluate_team(manager_pool_plan(), MARCH, [], people)


def test_one_branch_with_two_different_profits_is_refused() -> None:
    people = [
        PersonInputs(employee="li", branch_profit=Decimal(100000), pool_role="manager"),
        PersonInputs(employee="wang", branch_profit=Decimal(900000), pool_role="finance"),
    ]
    with pytest.raises(InvalidValueError, match="one branch profit"):
        evaluate_team(manager_pool_plan(), MARCH, [], people)


def test_two_branches_named_apart_each_share_their_own_pool() -> None:
    people = [
        PersonInputs(
            employee=f"{role}-{branch}", branch=branch, branch_profit=profit, pool_role=role
        )
        for branch, profit in (("north", Decimal(100000)), ("south", Decimal(50000)))
        for role in ("manager", "finance")
    ]
    team = evaluate_team(manager_pool_plan(), MARCH, [], people)
    assert team.total == Decimal("30000.00")  # 20 % of 100,000 + 20 % of 50,000


def test_a_dealer_target_cannot_be_prorated_on_sales_alone() -> None:
    with pytest.raises(InvalidValueError, match="'lowest' or 'nothing' when there is a dealer"):
        TaskBase(
            component_id="b",
            name="底薪",
            amount=Decimal(1),
            sales_target=Decimal(1),
            dealer_target=3,
        )


def test_collected_cash_cannot_be_settled_on_collection_a_second_time() -> None:
    with pytest.raises(InvalidValueError, match="discount collection twice"):
        commission(measure=Measure.COLLECTED, settle_on_collection=True)


def test_expense_overspend_cannot_be_deducted_from_base_pay_or_twice_from_one_bonus() -> None:
    base = FixedPay(component_id="base", name="底薪", amount=Decimal(3000))
    with pytest.raises(PolicyDefinitionError, match="may not be taken from base pay"):
        plan(
            base,
            ExpenseAllowance(
                component_id="e", name="费用", per_unit=Decimal(1), deduct_from=("base",)
            ),
        )
    with pytest.raises(InvalidValueError, match="one allowance per bonus"):
        plan(
            commission(),
            ExpenseAllowance(
                component_id="e1", name="费用1", per_unit=Decimal(1), deduct_from=("c",)
            ),
            ExpenseAllowance(
                component_id="e2", name="费用2", per_unit=Decimal(1), deduct_from=("c",)
            ),
        )
