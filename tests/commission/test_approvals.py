"""Sign-offs a deal needs under a plan version's approval rules: sales on credit, below list."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.commission import (
    GENERAL_MANAGER,
    ApprovalRule,
    Deal,
    Holds,
    LineKind,
    Measure,
    OverListShare,
    PaidLine,
    Plan,
    SignOff,
    Statement,
)
from hrpolicy.commission.examples import credit_sales_plan, gross_margin_plan
from hrpolicy.core.approvals import AWARD, BELOW_LIST, DEPARTMENT_MANAGER, ON_CREDIT
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.money import Rate
from hrpolicy.strategies import commission_plans
from tests.commission.helpers import amounts, commission, deal, plan, run

GM_SIGNED = SignOff(
    approver="general_manager", reference="GM-2024-031", signed_on=date(2024, 3, 12)
)

CREDIT_NEEDS_GM = ApprovalRule(
    kind=ON_CREDIT, approvers=(GENERAL_MANAGER,), holds=Holds.COMMISSION, reference="第8条"
)


def credit_month() -> list[Deal]:
    """Li's March 2024 under the credit-sales plan: a cash sale, a credit sale nobody
    signed, a credit sale the general manager signed, and a sale below list."""
    return [
        deal("C-201", 100000, "2024-03-04", collected=Decimal(100000)),
        deal("C-202", 50000, "2024-03-08", collected=Decimal(20000), on_credit=True),
        deal(
            "C-203",
            40000,
            "2024-03-11",
            collected=Decimal(40000),
            on_credit=True,
            sign_offs=(GM_SIGNED,),
        ),
        deal(
            "C-204",
            9000,
            "2024-03-20",
            collected=Decimal(9000),
            values={"list": Decimal(10000)},
        ),
    ]


def test_a_credit_sale_the_general_manager_did_not_sign_earns_nothing_until_signed() -> None:
    # 3 % of sales, settled on collection:
    #   C-201 cash:   100,000 × 3 % = 3,000.00
    #   C-202 credit:  50,000 × 3 % = 1,500 earned × 20,000/50,000 collected = 600.00 — held
    #   C-203 credit:  40,000 × 3 % = 1,200.00, signed by the general manager
    #   C-204 below list: 9,000 × 3 % = 270.00, paid (the rule only reports)
    # Total 3,000 + 0 + 1,200 + 270 = 4,470.00.
    statement = run(credit_sales_plan(), credit_month())
    assert amounts(statement) == {
        "commission/C-201": Decimal("3000.00"),
        "commission/C-202": Decimal("0.00"),
        "commission/C-203": Decimal("1200.00"),
        "commission/C-204": Decimal("270.00"),
    }
    assert statement.total == Decimal("4470.00")
    held = [f for f in statement.findings if f.code == "approval_missing_held"]
    assert [(f.subject, f.param("role"), f.param("at_stake")) for f in held] == [
        ("C-202", "general_manager", Decimal("600.00"))
    ]
    reported = [f for f in statement.findings if f.code == "approval_missing"]
    assert [(f.subject, f.param("at_stake")) for f in reported] == [("C-204", Decimal("0.00"))]
    assert held[0].message("zh_CN") == (
        "C-202：按销售管理制度 第8条（赊销须经总经理签字），赊销（50000.00元）须经总经理批准，"
        "未见签批；该笔提成600.00元暂扣，签批后发放。"
    )
    # Only C-202's 1,500 − 600 = 900 awaits collection (the 600 collected awaits the
    # general manager, which the finding above says): 5,970 earned, 5,070 settled.
    (collection,) = [f for f in statement.findings if f.code == "collection_withheld"]
    assert (
        collection.param("earned"),
        collection.param("settled"),
        collection.param("withheld"),
    ) == (Decimal("5970.00"), Decimal("5070.00"), Decimal("900.00"))


def test_the_held_line_and_the_statement_explain_who_must_sign_and_what_is_held() -> None:
    statement = run(credit_sales_plan(), credit_month())
    (line,) = [line for line in statement.lines if line.line_id == "commission/C-202"]
    held = line.steps[-1]
    assert held.rule == "approvals.held"
    assert held.input_map == {"earned": Decimal("600.00"), "missing": "general_manager"}
    assert held.output == Decimal("0.00")
    checks = [s for s in statement.steps if s.rule == "approvals.check"]
    # One check per deal a rule applies to: the two credit sales and the one below list.
    assert [s.input_map["subject"] for s in checks] == ["C-202", "C-203", "C-204"]
    assert [s.output for s in checks] == [Decimal("600.00"), Decimal("0.00"), Decimal("0.00")]
    assert checks[0].input_map["references"] == "销售管理制度 第8条（赊销须经总经理签字）"
    assert checks[1].input_map["signed"] == "general_manager GM-2024-031 2024-03-12"


def test_once_the_general_manager_signs_a_rerun_pays_the_held_commission_and_nothing_twice() -> (
    None
):
    first = run(credit_sales_plan(), credit_month())
    paid = [PaidLine(line_id=line.line_id, amount=line.amount) for line in first.lines]
    signed = [
        attrs.evolve(d, sign_offs=(GM_SIGNED,)) if d.deal_id == "C-202" else d
        for d in credit_month()
    ]
    again = run(credit_sales_plan(), signed, paid=paid)
    assert again.total == Decimal("5070.00")  # 4,470 + the 600 no longer held
    assert again.due == Decimal("600.00")
    assert not any(f.code == "approval_missing_held" for f in again.findings)


def test_a_credit_sale_rule_that_only_reports_pays_the_commission_and_flags_the_deal() -> None:
    reported = ApprovalRule(kind=ON_CREDIT, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    statement = run(plan(commission(), approvals=(reported,)), [deal("D1", 10000, on_credit=True)])
    assert statement.total == Decimal("100.00")  # 10,000 × 1 %
    assert [f.code for f in statement.findings] == ["approval_missing"]


def test_a_held_deal_still_counts_towards_the_tiers_of_the_deals_after_it() -> None:
    # 1 % to 30,000, 2 % above. D1 (credit, unsigned) 30,000 fills the first band: its
    # 300.00 is held. D2 20,000 falls wholly above 30,000: 400.00, as without the rule.
    deals = [
        deal("D1", 30000, "2024-03-01", on_credit=True),
        deal("D2", 20000, "2024-03-02"),
    ]
    held = run(plan(commission(), approvals=(CREDIT_NEEDS_GM,)), deals)
    assert amounts(held) == {"c/D1": Decimal("0.00"), "c/D2": Decimal("400.00")}
    assert run(plan(commission()), deals).total == Decimal("700.00")


def test_a_held_deal_is_held_before_the_cap_so_the_cap_applies_to_what_remains() -> None:
    # 1 % flat, cap 150. D1 (unsigned credit) 10,000 → 100 held; D2 10,000 → 100.
    # Without the hold: 200 capped to 150. With it: 100, under the cap.
    capped = commission([0], ["0.01"], cap=Decimal(150))
    deals = [deal("D1", 10000, "2024-03-01", on_credit=True), deal("D2", 10000, "2024-03-02")]
    assert run(plan(capped), deals).total == Decimal("150.00")
    assert run(plan(capped, approvals=(CREDIT_NEEDS_GM,)), deals).total == Decimal("100.00")


def test_an_over_list_share_of_an_unsigned_credit_sale_is_held_too() -> None:
    # 50 % of the 2,000 above list, no VAT: 1,000 — held with the deal's commission.
    share = OverListShare(
        component_id="over", name="超价分成", share=Rate.parse("50%"), above="list"
    )
    the_plan = plan(share, approvals=(CREDIT_NEEDS_GM,))
    credit = deal("D1", 12000, values={"list": Decimal(10000)}, on_credit=True)
    assert amounts(run(the_plan, [credit])) == {"over/D1": Decimal("0.00")}
    signed = attrs.evolve(credit, sign_offs=(GM_SIGNED,))
    assert amounts(run(the_plan, [signed])) == {"over/D1": Decimal("1000.00")}


def test_a_credit_sale_above_a_threshold_needs_signing_and_one_at_it_does_not() -> None:
    large = attrs.evolve(CREDIT_NEEDS_GM, above=Decimal(50000))
    the_plan = plan(commission([0], ["0.01"]), approvals=(large,))
    at = run(the_plan, [deal("D1", 50000, on_credit=True)])
    above = run(the_plan, [deal("D1", "50000.01", on_credit=True)])
    assert at.total == Decimal("500.00")
    assert at.findings == ()
    assert above.total == Decimal("0.00")


def test_the_below_list_flag_still_reports_as_before_and_holds_nothing() -> None:
    flagged = plan(commission(), approval_below_list=True)
    statement = run(flagged, [deal("D1", 9000, values={"list": Decimal(10000)})])
    assert [f.code for f in statement.findings] == ["below_list_without_approval"]
    assert statement.total == Decimal("90.00")
    assert not any(s.rule == "approvals.check" for s in statement.steps)
    approved = run(
        flagged, [deal("D1", 9000, values={"list": Decimal(10000)}, approval="总经理签呈")]
    )
    assert approved.findings == ()


def test_the_gross_margin_example_keeps_its_below_list_flag_readable_from_plain_data() -> None:
    example = gross_margin_plan()
    data = to_dict(example)
    assert data["versions"][0]["approval_below_list"] is True
    assert from_dict(data, Plan) == example


def test_the_credit_sales_plan_and_a_signed_deal_round_trip_through_plain_data() -> None:
    example = credit_sales_plan()
    assert from_dict(to_dict(example), Plan) == example
    signed = credit_month()[2]
    assert from_dict(to_dict(signed), Deal) == signed


def test_a_statement_holding_a_deal_reads_back_from_plain_data() -> None:
    statement = run(credit_sales_plan(), credit_month())
    assert from_dict(to_dict(statement), Statement) == statement


# --- a hold never raises pay, never takes back what was paid -----------------------------

_NO_COSTS: dict[str, Any] = {"customer_expenses": Decimal(0), "internal_allocation": Decimal(0)}


def margin_commission(**changes: Any) -> Any:
    """Gross-margin commission: 5 % of each deal's margin, a band from −1,000,000,000 so
    a loss offsets the month."""
    return commission(
        [-1_000_000_000],
        ["0.05"],
        component_id="m",
        name="毛利提成",
        measure=Measure.GROSS_MARGIN,
        **changes,
    )


def test_an_unsigned_loss_making_credit_sale_does_not_raise_capped_pay_by_escaping_its_loss() -> (
    None
):
    # Sales 10 % capped at 100; margin 5 % floored at 0.
    # D1 cash 15,000, no cost: sales 1,500, margin 15,000 × 5 % = 750.
    # D2 credit 15,000 at a cost of 35,000, unsigned: sales 1,500 (held), margin
    # (15,000 − 35,000) × 5 % = −1,000 (a loss: left as it is, it still offsets).
    # Without the rule: sales 3,000 → cap 100; margin 750 − 1,000 = −250 → floor 0: 100.
    # With it: sales 1,500 → cap 100; margin −250 → floor 0: 100 (not 850).
    sales = commission([0], ["0.10"], component_id="s", name="销售提成", cap=Decimal(100))
    margin = margin_commission(floor=Decimal(0))
    deals = [
        deal("D1", 15000, "2024-03-01", product_cost=Decimal(0), **_NO_COSTS),
        deal("D2", 15000, "2024-03-02", product_cost=Decimal(35000), on_credit=True, **_NO_COSTS),
    ]
    assert run(plan(sales, margin), deals).total == Decimal("100.00")
    held = run(plan(sales, margin, approvals=(CREDIT_NEEDS_GM,)), deals)
    assert held.total == Decimal("100.00")
    lines = amounts(held)
    assert (lines["s/D2"], lines["m/D2"]) == (Decimal("0.00"), Decimal("-1000.00"))
    (finding,) = [f for f in held.findings if f.code == "approval_missing_held"]
    assert finding.param("at_stake") == Decimal("1500.00")  # the sales line only


def test_a_loss_making_credit_sale_nobody_signed_still_offsets_the_margin_and_holds_nothing() -> (
    None
):
    # D1 50,000 at a cost of 10,000: 40,000 × 5 % = 2,000. D2 (credit, unsigned) 10,000 at
    # a cost of 30,000: −20,000 × 5 % = −1,000, nothing to hold. 2,000 − 1,000 = 1,000.
    the_plan = plan(margin_commission(), approvals=(CREDIT_NEEDS_GM,))
    good = deal("D1", 50000, "2024-03-01", product_cost=Decimal(10000), **_NO_COSTS)
    loss = deal("D2", 10000, "2024-03-02", product_cost=Decimal(30000), on_credit=True, **_NO_COSTS)
    statement = run(the_plan, [good, loss])
    assert amounts(statement) == {"m/D1": Decimal("2000.00"), "m/D2": Decimal("-1000.00")}
    assert statement.total == Decimal("1000.00")
    (check,) = [s for s in statement.steps if s.rule == "approvals.check"]
    assert check.output == Decimal("0.00")
    assert run(the_plan, [loss]).total == Decimal("-1000.00")


def test_a_rerun_without_the_sign_off_keeps_the_100_already_paid_and_holds_nothing_back() -> None:
    # D1 10,000 × 1 % = 100, paid in the first run (signed). The rerun's data lack the
    # sign-off: the 100 already paid stays paid (a hold is no recovery from wages); due 0.
    the_plan = plan(commission([0], ["0.01"]), approvals=(CREDIT_NEEDS_GM,))
    first = run(the_plan, [deal("D1", 10000, on_credit=True, sign_offs=(GM_SIGNED,))])
    assert first.total == Decimal("100.00")
    paid = [PaidLine(line_id="c/D1", amount=Decimal(100))]
    again = run(the_plan, [deal("D1", 10000, on_credit=True)], paid=paid)
    assert (again.total, again.due) == (Decimal("100.00"), Decimal("0.00"))
    (line,) = again.lines
    held = line.steps[-1]
    assert held.rule == "approvals.held"
    assert held.input_map["already_paid"] == Decimal("100.00")
    assert held.output == Decimal("100.00")
    # Sold 15,000 now (150): the 100 paid stays, the other 50 waits for the signature.
    more = run(the_plan, [deal("D1", 15000, on_credit=True)], paid=paid)
    assert (more.total, more.due) == (Decimal("100.00"), Decimal("0.00"))
    (finding,) = [f for f in more.findings if f.code == "approval_missing_held"]
    assert finding.param("at_stake") == Decimal("50.00")


# --- one consent, whichever field records it ---------------------------------------------


def test_the_gms_below_list_consent_counts_whether_recorded_as_approval_or_sign_off() -> None:
    # The flag and the documented rule it stands for give the same findings on the
    # same deals: none when the consent is recorded either way.
    flag = plan(commission(), approval_below_list=True)
    rule = plan(
        commission(),
        approvals=(
            ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING),
        ),
    )
    listed: dict[str, Any] = {"values": {"list": Decimal(10000)}}
    as_approval = deal("D1", 9000, approval="总经理签呈-7", **listed)
    as_sign_off = deal("D1", 9000, sign_offs=(GM_SIGNED,), **listed)
    for the_plan in (flag, rule):
        assert run(the_plan, [as_approval]).findings == ()
        assert run(the_plan, [as_sign_off]).findings == ()
        assert len(run(the_plan, [deal("D1", 9000, **listed)]).findings) == 1


def test_the_general_managers_signature_on_credit_terms_does_not_release_a_below_list_hold() -> (
    None
):
    # 9,000 below a list of 10,000, on credit; both rules hold the 90 commission.
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.COMMISSION)
    the_plan = plan(commission(), approvals=(CREDIT_NEEDS_GM, below))
    credit_only = attrs.evolve(GM_SIGNED, covers=(ON_CREDIT,))
    listed: dict[str, Any] = {"values": {"list": Decimal(10000)}, "on_credit": True}
    assert run(the_plan, [deal("D1", 9000, sign_offs=(credit_only,), **listed)]).total == 0
    price = SignOff(approver="general_manager", reference="GM-价格-2", covers=(BELOW_LIST,))
    both = deal("D1", 9000, sign_offs=(credit_only, price), **listed)
    assert run(the_plan, [both]).total == Decimal("90.00")
    consent = deal("D1", 9000, sign_offs=(credit_only,), approval="GM-价格-3", **listed)
    assert run(the_plan, [consent]).total == Decimal("90.00")
    unsigned = run(the_plan, [deal("D1", 9000, **listed)])
    codes = [f.code for f in unsigned.findings]
    assert codes == ["approval_missing_held", "approval_missing_also_held"]


def test_the_held_step_names_only_the_approvers_whose_signature_would_release_the_line() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(DEPARTMENT_MANAGER,), holds=Holds.NOTHING)
    the_plan = plan(commission(), approvals=(CREDIT_NEEDS_GM, below))
    statement = run(the_plan, [deal("D1", 9000, values={"list": Decimal(10000)}, on_credit=True)])
    (line,) = statement.lines
    assert line.steps[-1].input_map["missing"] == "general_manager"


def test_a_deal_signed_off_under_a_mistyped_role_is_held_and_the_sign_off_reported() -> None:
    typo = SignOff(approver="General_Manager", reference="GM-9")
    statement = run(
        plan(commission(), approvals=(CREDIT_NEEDS_GM,)),
        [deal("D1", 10000, on_credit=True, sign_offs=(typo,))],
    )
    assert statement.total == Decimal("0.00")
    (unused,) = [f for f in statement.findings if f.code == "approval_sign_off_unused"]
    assert (unused.subject, unused.param("role")) == ("D1", "General_Manager")


# --- bad plans and deals ------------------------------------------------------------------


def test_a_rule_over_a_fact_deals_do_not_carry_is_refused() -> None:
    award = ApprovalRule(kind=AWARD, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    with pytest.raises(
        PolicyDefinitionError, match=r"approvals\[0\]\.kind: expected a fact a deal"
    ):
        plan(commission(), approvals=(award,))


def test_a_deal_rule_holding_back_a_reimbursement_is_refused() -> None:
    wrong = ApprovalRule(kind=ON_CREDIT, approvers=(GENERAL_MANAGER,), holds=Holds.REIMBURSEMENT)
    with pytest.raises(PolicyDefinitionError, match=r"approvals\[0\]\.holds"):
        plan(commission(), approvals=(wrong,))


def test_a_below_list_rule_beside_the_below_list_flag_is_refused() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.COMMISSION)
    with pytest.raises(PolicyDefinitionError, match="beside approval_below_list"):
        plan(commission(), approval_below_list=True, approvals=(below,))


def test_two_sign_offs_by_one_approver_on_a_deal_are_refused_naming_the_deal() -> None:
    with pytest.raises(InvalidValueError, match=r"Deal\(D1\)\.sign_offs\[1\]"):
        deal("D1", sign_offs=(GM_SIGNED, attrs.evolve(GM_SIGNED, reference="GM-2")))


def test_a_plan_version_with_the_same_rule_twice_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"approvals\[1\]: expected rules that"):
        plan(commission(), approvals=(CREDIT_NEEDS_GM, CREDIT_NEEDS_GM))


def test_a_threshold_credit_rule_on_a_deal_without_an_amount_is_an_error_naming_the_deal() -> None:
    large = attrs.evolve(CREDIT_NEEDS_GM, above=Decimal(50000))
    units_plan = plan(commission(measure="units"), approvals=(large,))
    with pytest.raises(InvalidValueError, match=r"Deal\(D1\)\.amount: expected a value: plan"):
        run(units_plan, [deal("D1", None, units=Decimal(3), on_credit=True)])


# --- property: approvals never raise pay --------------------------------------------------

_SALES_LIMITS: st.SearchStrategy[dict[str, Any]] = st.sampled_from(
    [{}, {"cap": Decimal(250)}, {"floor": Decimal(120)}, {"settle_on_collection": True}]
)
_MARGIN_LIMITS: st.SearchStrategy[dict[str, Any]] = st.sampled_from(
    [{}, {"floor": Decimal(0)}, {"cap": Decimal(300)}]
)


@st.composite
def _components(draw: st.DrawFn) -> tuple[Any, ...]:
    """A sales commission (capped, floored or settled on collection) and, mostly, a
    gross-margin one whose table has a band below zero, so a loss-making deal pays a
    negative line, capped or floored."""
    sales = commission(**draw(_SALES_LIMITS))
    if not draw(st.booleans()):
        return (sales,)
    margin = commission(
        [-1_000_000_000, 0],
        ["0.05", draw(st.sampled_from(["0.03", "0.05", "0.08"]))],
        component_id="m",
        name="毛利提成",
        measure=Measure.GROSS_MARGIN,
        **draw(_MARGIN_LIMITS),
    )
    return (sales, margin)


@st.composite
def _deals(draw: st.DrawFn) -> list[Deal]:
    count = draw(st.integers(min_value=0, max_value=5))
    made = []
    for index in range(count):
        amount = draw(st.integers(min_value=0, max_value=60000))
        made.append(
            deal(
                f"D{index}",
                amount,
                f"2024-03-{index + 1:02d}",
                collected=Decimal(draw(st.integers(min_value=0, max_value=amount))),
                values={"list": Decimal(draw(st.integers(min_value=1, max_value=60000)))},
                # Up to three times the amount: many deals lose money.
                product_cost=Decimal(draw(st.integers(min_value=0, max_value=3 * amount + 1))),
                customer_expenses=Decimal(draw(st.integers(min_value=0, max_value=2000))),
                internal_allocation=Decimal(0),
                on_credit=draw(st.booleans()),
                sign_offs=draw(
                    st.sampled_from(
                        [(), (GM_SIGNED,), (attrs.evolve(GM_SIGNED, covers=(ON_CREDIT,)),)]
                    )
                ),
            )
        )
    return made


_RULES = st.lists(
    st.builds(
        ApprovalRule,
        kind=st.sampled_from([ON_CREDIT, BELOW_LIST]),
        approvers=st.sampled_from([(GENERAL_MANAGER,), (DEPARTMENT_MANAGER, GENERAL_MANAGER)]),
        holds=st.sampled_from([Holds.NOTHING, Holds.COMMISSION]),
        above=st.none() | st.integers(min_value=0, max_value=60000).map(Decimal),
    ),
    max_size=3,
    unique=True,
)


@settings(max_examples=150, deadline=None)
@given(_components(), _deals(), _RULES)
def test_approval_rules_never_raise_what_a_statement_pays(
    components: tuple[Any, ...], deals: list[Deal], rules: list[ApprovalRule]
) -> None:
    without = run(plan(*components), deals)
    with_rules = run(plan(*components, approvals=tuple(rules)), deals)
    assert with_rules.total <= without.total
    for component in components:
        cid = component.component_id
        assert sum_of(with_rules, cid) <= sum_of(without, cid)
    unsigned = [attrs.evolve(d, sign_offs=()) for d in deals]
    assert run(plan(*components, approvals=tuple(rules)), unsigned).total <= with_rules.total
    # A rerun without any sign-off never takes back what the signed run paid on a line.
    paid = [PaidLine(line_id=line.line_id, amount=line.amount) for line in with_rules.lines]
    again = run(plan(*components, approvals=tuple(rules)), unsigned, paid=paid)
    for line in again.lines:
        if line.kind is LineKind.DEAL and line.already_paid > 0:
            assert line.amount >= min(line.already_paid, _unheld(without, line.line_id))


def sum_of(statement: Statement, component_id: str) -> Decimal:
    """What a statement pays on one component (its lines, caps and floors included)."""
    return sum(
        (line.amount for line in statement.lines if line.component == component_id),
        Decimal(0),
    )


def _unheld(statement: Statement, line_id: str) -> Decimal:
    """The line's amount in a statement without approval rules."""
    return next(line.amount for line in statement.lines if line.line_id == line_id)


def test_the_fast_path_refuses_a_plan_with_approval_rules_it_could_not_check() -> None:
    from hrpolicy.commission.fast import run_columns  # noqa: PLC0415 - the fast path only here

    checked = plan(commission(), approvals=(CREDIT_NEEDS_GM,))
    with pytest.raises(PolicyDefinitionError, match=r"Plan\(p\)\[v1\]\.approvals: expected no"):
        run_columns(checked, ["li"], [date(2024, 3, 1)], [1_000_000])
    assert run_columns(plan(commission()), ["li"], [date(2024, 3, 1)], [1_000_000]).total == (
        Decimal("100.00")
    )


@settings(max_examples=20, deadline=None)
@given(commission_plans(approvals=False))
def test_generated_plans_without_approval_rules_are_the_ones_the_fast_path_takes(
    generated: Plan,
) -> None:
    assert all(version.approvals == () for version in generated.versions)
