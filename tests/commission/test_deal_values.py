"""A deal's named values (contract, list, equipment…), read only by the components that
need them, and named in the error when one is missing."""

from __future__ import annotations

import pickle
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    PolicyDefinitionError,
    from_dict,
    to_dict,
)
from hrpolicy.commission import (
    BandTable,
    Carry,
    Deal,
    DealValues,
    Label,
    Measure,
    OverListShare,
    Period,
    Plan,
    Rate,
    Semantics,
    TaskBase,
    statement_from_dict,
)
from hrpolicy.commission.examples import (
    elevator_plan,
    gross_margin_plan,
    magazine_plan,
    over_list_plan,
    task_base_plan,
)
from hrpolicy.strategies import amounts, band_tables
from tests.commission.helpers import amounts as line_amounts
from tests.commission.helpers import commission, deal, plan, run

DECEMBER = Period(year=2024, month=12)
MARGINAL_RISING = band_tables(semantics=Semantics.MARGINAL, unbounded=True, non_decreasing=True)


def test_a_magazine_deal_counted_in_units_needs_no_contract_amount() -> None:
    subscriptions = deal("M1", None, units=Decimal(25))
    assert run(magazine_plan(), [subscriptions]).total == Decimal("525.00")


def test_a_deal_below_the_sales_target_needs_no_list_price_in_its_0_percent_band() -> None:
    # 24,000 of a 30,000 target: the above-target table pays 0 on all of it, so the list
    # price it would be paid on is never read.
    statement = run(task_base_plan(), [deal("D1", 24000)], new_dealers=3)
    assert line_amounts(statement) == {
        "above-target/D1": Decimal("0.00"),
        "base": Decimal("2400.00"),
    }
    step = statement.line("above-target/D1").steps[0].input_map
    assert step["basis"] == Label("金额（list）", "list value")
    assert str(step["paid_on"]) == "not read: the bands it falls in pay 0 / 未读取：所在各档比例为0"


def test_a_deal_above_target_without_a_list_price_is_refused_naming_value_and_component() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"Deal\(D2\)\.values\['list'\]: expected a value: component 'above-target' reads it",
    ):
        run(task_base_plan(), [deal("D1", 24000), deal("D2", 10000, "2024-03-20")], new_dealers=3)


def test_the_elevator_pays_on_equipment_value_leaving_the_list_price_to_an_over_list_share() -> (
    None
):
    # The elevator plan plus a monthly over-list share of 50 % after 13 % VAT. One 4-unit
    # deal from 46 units: 2 within target at 5‰ of the contract (3,000), 2 over at 1 % of
    # the equipment value (5,000), half collected: 1,500 + 2,500. Over list: 1,200,000 −
    # 1,087,000 = 113,000, ÷ 1.13 = 100,000, half = 50,000.
    version = elevator_plan().versions[0]
    share = OverListShare(
        component_id="over-list",
        name="超价分成",
        share=Rate.parse("50%"),
        vat_rate=Rate.parse("13%"),
    )
    both = attrs.evolve(
        elevator_plan(),
        versions=(attrs.evolve(version, components=(*version.components, share)),),
    )
    elevator = deal(
        "E1",
        1200000,
        "2024-12-05",
        units=Decimal(4),
        values={"equipment": Decimal(1000000), "list": Decimal(1087000)},
        collected=Decimal(600000),
    )
    carries = (
        Carry(component="within-target", measure_to_date=Decimal(46)),
        Carry(component="over-target", measure_to_date=Decimal(46)),
    )
    statement = run(both, [elevator], period=DECEMBER, carries=carries)
    assert line_amounts(statement) == {
        "within-target/E1": Decimal("1500.00"),
        "over-target/E1": Decimal("2500.00"),
        "over-list/E1": Decimal("50000.00"),
    }
    over_target = statement.line("over-target/E1").steps[0].input_map
    assert over_target["basis"] == Label("金额（equipment）", "equipment value")
    assert over_target["paid_on"] == 1000000


def test_a_deals_step_names_what_it_is_paid_on_in_chinese_and_in_english() -> None:
    statement = run(task_base_plan(), [deal("D1", 24000)], new_dealers=3)

    def basis(locale: str) -> object:
        rows = statement.to_records("step_inputs", locale=locale)
        (value,) = [
            r["value_text"]
            for r in rows
            if r["line_id"] == "above-target/D1" and r["name"] == "basis"
        ]
        return value

    assert basis("zh_CN") == "金额（list）"
    assert basis("en") == "list value"


def test_an_elevator_deal_within_target_needs_no_equipment_value() -> None:
    within = deal("E1", 1200000, "2024-12-05", units=Decimal(2), collected=Decimal(1200000))
    carries = (
        Carry(component="within-target", measure_to_date=Decimal(40)),
        Carry(component="over-target", measure_to_date=Decimal(40)),
    )
    statement = run(elevator_plan(), [within], period=DECEMBER, carries=carries)
    assert line_amounts(statement) == {
        "within-target/E1": Decimal("6000.00"),
        "over-target/E1": Decimal("0.00"),
    }


def test_a_plan_pays_on_whatever_value_it_names_when_the_deal_carries_it() -> None:
    # Units decide the band; the installation value is paid on: 2 % of 50,000.
    installation = commission(
        ["0"], ["0.02"], measure=Measure.UNITS, basis="installation", component_id="install"
    )
    fitted = deal(amount=None, units=Decimal(3), values={"installation": Decimal(50000)})
    assert run(plan(installation), [fitted]).total == Decimal("1000.00")
    with pytest.raises(
        InvalidValueError,
        match=r"Deal\(D2\)\.values\['installation'\]: expected a value: component 'install'",
    ):
        run(plan(installation), [fitted, deal("D2", units=Decimal(1))])


def test_an_over_list_share_can_share_the_price_above_another_named_value() -> None:
    above_floor = OverListShare(
        component_id="over-floor", name="超底价分成", share=Rate.parse("30%"), above="floor"
    )
    floor_deal = deal(amount=12000, values={"floor": Decimal(10000), "list": Decimal(13000)})
    statement = run(plan(above_floor), [floor_deal])
    assert statement.total == Decimal("600.00")  # 30 % of 2,000
    step = statement.lines[0].steps[0]
    assert (step.input_map["above"], step.input_map["above_value"]) == ("floor", Decimal(10000))
    assert step.label == Label(
        "超底价分成：合同D1超出金额（floor）的部分", "超底价分成: deal D1 above floor"
    )


def test_an_over_list_share_above_a_value_named_like_a_step_input_keeps_every_input() -> None:
    # Sharing the price above a value named "excess" (or "share", "vat_rate"…) must not
    # overwrite the step's own input of that name.
    for name in ("excess", "share", "vat_rate", "credit_share", "company_negotiated"):
        above = OverListShare(
            component_id="o",
            name="超价",
            share=Rate.parse("50%"),
            above=name,
            vat_rate=Rate.parse("0%"),
        )
        priced = deal(amount=12000, values={name: Decimal(10000)})
        step = run(plan(above), [priced]).lines[0].steps[0].input_map
        assert step["above"] == name
        assert step["above_value"] == Decimal(10000)
        assert step["excess"] == 2000
        assert step["share"] == Rate.parse("50%")
        assert step["vat_rate"] == Rate.parse("0%")
        assert step["credit_share"] == 1
        assert step["company_negotiated"] is False


def test_a_missing_fact_is_refused_naming_the_deal_the_fact_and_the_component() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"Deal\(G1\)\.product_cost: expected a value: component 'margin' reads it "
        r"\(gross margin\)",
    ):
        run(gross_margin_plan(), [deal("G1", 100000)])
    base = TaskBase(
        component_id="base", name="任务底薪", amount=Decimal(3000), sales_target=Decimal(30000)
    )
    with pytest.raises(
        InvalidValueError,
        match=r"Deal\(M1\)\.amount: expected a value: component 'base' reads it \(sales\)",
    ):
        run(plan(base), [deal("M1", None, units=Decimal(3))])
    with pytest.raises(
        InvalidValueError, match=r"Deal\(D1\)\.amount: expected a value: component 'over-list'"
    ):
        run(over_list_plan(), [deal(amount=None, values={"list": Decimal(100)})])


def test_a_deal_settled_on_collection_that_earns_nothing_needs_no_collection_figure() -> None:
    settled = plan(commission([0, 30000], ["0", "0.01"], settle_on_collection=True))
    assert run(settled, [deal(amount=10000)]).total == Decimal("0.00")
    with pytest.raises(InvalidValueError, match=r"Deal\(D2\)\.collected: expected a value"):
        run(settled, [deal(amount=10000), deal("D2", 30000, "2024-03-11")])


def test_a_deal_with_a_list_price_but_no_amount_cannot_be_checked_against_it() -> None:
    checked = plan(commission(measure=Measure.UNITS), approval_below_list=True)
    units_only = deal(amount=None, units=Decimal(2), values={"list": Decimal(500)})
    with pytest.raises(
        InvalidValueError,
        match=r"Deal\(D1\)\.amount: expected a value: plan version v1 checks deals against",
    ):
        run(checked, [units_only])


def test_a_deal_with_nothing_to_measure_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Deal\(D1\): expected an amount, units or"):
        deal(amount=None)


def test_a_value_named_like_a_measure_or_the_contract_is_refused() -> None:
    for name in ("contract", "sales", "units", "gross_margin", "collected", " list", ""):
        with pytest.raises(InvalidValueError, match=r"Deal\.values\[.*\]: expected the name"):
            deal(values={name: Decimal(1)})
    with pytest.raises(InvalidTypeError, match=r"Deal\.values: expected a mapping"):
        deal(values=[("list", Decimal(1))])
    with pytest.raises(InvalidTypeError, match=r"Deal\.values\['list'\]: .*float"):
        deal(values={"list": 1.5})


def test_deal_values_built_apart_are_checked_as_a_deals_values_are() -> None:
    with pytest.raises(InvalidValueError, match=r"DealValues\['contract'\]: expected the name"):
        DealValues({"contract": Decimal(-5)})
    with pytest.raises(InvalidTypeError, match=r"DealValues\['list'\]: .*float"):
        DealValues({"list": 1.5})  # type: ignore[dict-item]
    with pytest.raises(
        InvalidValueError, match=r"DealValues\['list'\]: expected an amount of zero or more"
    ):
        DealValues({"list": Decimal(-5)})
    with pytest.raises(InvalidTypeError, match=r"DealValues\[1\]: expected the name of a deal"):
        DealValues({1: Decimal(5)})  # type: ignore[dict-item]


def test_a_deal_given_unchecked_deal_values_is_never_built() -> None:
    with pytest.raises(InvalidValueError, match=r"DealValues\['contract'\]"):
        deal(values=DealValues({"contract": Decimal(-5), "list": 1.5}))  # type: ignore[dict-item]


def test_deal_values_of_none_or_of_a_list_are_refused_as_the_wrong_type() -> None:
    for wrong in (None, [("list", Decimal(1))], "list"):
        with pytest.raises(InvalidTypeError, match=r"^DealValues: expected a mapping"):
            DealValues(wrong)  # type: ignore[arg-type]


def test_deal_values_take_keywords_as_dict_does_and_refuse_a_name_given_twice() -> None:
    values = DealValues({"list": 1150000}, equipment="1000000.00")
    assert values == {"list": Decimal(1150000), "equipment": Decimal("1000000.00")}
    assert list(values) == ["equipment", "list"]
    assert DealValues() == {}
    assert deal(values=values).values is values
    with pytest.raises(InvalidValueError, match=r"DealValues\['list'\]: expected a name given"):
        DealValues({"list": 1}, list=2)
    with pytest.raises(InvalidValueError, match=r"DealValues\['sales'\]: expected the name"):
        DealValues(sales=1)


def test_deal_values_survive_pickling_and_stay_equal() -> None:
    values = DealValues({"list": Decimal("1087000.00")})
    assert pickle.loads(pickle.dumps(values)) == values
    assert hash(pickle.loads(pickle.dumps(values))) == hash(values)


@given(st.dictionaries(st.sampled_from(["list", "equipment", "floor"]), amounts()))
def test_deal_values_and_a_deals_values_field_accept_and_refuse_alike(
    given_values: dict[str, Decimal],
) -> None:
    assert deal(values=DealValues(given_values)) == deal(values=given_values)


def test_a_measure_written_in_another_case_is_refused_not_read_as_a_deal_value() -> None:
    for name in ("Sales", "SALES", "Units", "Gross_Margin"):
        with pytest.raises(
            PolicyDefinitionError,
            match=rf"Commission\.measure: expected '{name.lower()}' \(measures are written in "
            rf"lower case\), got str '{name}'",
        ):
            commission(measure=name)
        with pytest.raises(InvalidValueError, match=r"Deal\.values\[.*\]: expected the name"):
            deal(values={name: Decimal(1)})
    with pytest.raises(PolicyDefinitionError, match=r"Commission\.basis: expected 'sales' for"):
        commission(measure=Measure.UNITS, basis="Contract")


def test_an_old_plan_measuring_list_value_is_refused_when_loaded_pointing_to_basis_list() -> None:
    data = to_dict(plan(commission()))
    data["versions"][0]["components"][0]["measure"] = "list_value"
    with pytest.raises(
        ConversionError,
        match=r"components\[0\]\.measure: expected 'list' for the list price .*basis='list'",
    ):
        from_dict(data, Plan)
    with pytest.raises(PolicyDefinitionError, match=r"OverListShare\.above: expected 'list'"):
        OverListShare(component_id="o", name="超价", share=Rate.parse("50%"), above="List_Value")
    with pytest.raises(InvalidValueError, match=r"Deal\.values\['list_value'\]: expected 'list'"):
        deal(values={"list_value": Decimal(1)})


def test_asking_a_deal_for_a_value_by_a_list_is_refused_as_the_wrong_type() -> None:
    with pytest.raises(InvalidTypeError, match=r"^name: expected the name of a deal value \(str\)"):
        deal().value(["x"])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^which: expected a Measure or the name"):
        deal().read(["x"])  # type: ignore[arg-type]


def test_a_plan_naming_the_contract_as_a_basis_is_told_to_use_sales() -> None:
    with pytest.raises(
        PolicyDefinitionError, match=r"Commission\.basis: expected 'sales' for the contract amount"
    ):
        commission(measure=Measure.UNITS, basis="contract")
    with pytest.raises(PolicyDefinitionError, match=r"OverListShare\.above"):
        OverListShare(component_id="o", name="超价", share=Rate.parse("50%"), above="sales")


def test_a_deal_with_named_values_converts_to_plain_data_and_back() -> None:
    elevator = deal(
        "E1", 1200000, units=Decimal(4), values={"list": Decimal(1087000), "equipment": 10**6}
    )
    data = to_dict(elevator)
    assert data["values"] == {"equipment": "1000000", "list": "1087000"}
    assert from_dict(data, Deal) == elevator
    plain = {"deal_id": "M1", "owner": "li", "signed_on": "2024-03-05", "units": "25"}
    assert from_dict(plain, Deal) == deal("M1", None, "2024-03-05", units=Decimal(25))
    statement = run(task_base_plan(), [elevator], new_dealers=3)
    assert statement_from_dict(statement.to_dict()) == statement


def test_a_plan_paying_on_a_named_value_converts_to_plain_data_and_back() -> None:
    the_plan = elevator_plan()
    data = to_dict(the_plan)
    assert data["versions"][0]["components"][1]["basis"] == "equipment"
    assert from_dict(data, Plan) == the_plan


@given(MARGINAL_RISING, st.lists(amounts(max_value=90_000), max_size=6))
def test_paying_on_a_named_value_equal_to_the_contract_pays_what_paying_on_sales_pays(
    table: BandTable, contracts: list[Decimal]
) -> None:
    deals = [
        deal(f"D{i}", amount, f"2024-03-{i + 1:02d}", values={"copy": amount})
        for i, amount in enumerate(contracts)
    ]
    on_sales = run(plan(commission(table=table)), deals)
    on_copy = run(plan(commission(table=table, basis="copy")), deals)
    measured_on_copy = run(plan(commission(table=table, measure="copy")), deals)
    assert line_amounts(on_copy) == line_amounts(on_sales) == line_amounts(measured_on_copy)
