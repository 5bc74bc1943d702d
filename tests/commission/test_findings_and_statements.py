"""What a statement reports and how it is read: findings, line ids, records, display,
plain data, teams and what-ifs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy import InvalidValueError
from hrpolicy.commission import (
    Credit,
    Deal,
    FixedPay,
    LineKind,
    PaidLine,
    PersonInputs,
    Rate,
    RoleShare,
    Severity,
    compare,
    evaluate_team,
    statement_from_dict,
)
from tests.commission.helpers import MARCH, commission, deal, plan, run

ROLES = (
    RoleShare(role="sales", share=Rate.parse("70%")),
    RoleShare(role="service", share=Rate.parse("30%")),
)


def test_a_deal_below_list_without_approval_is_a_violation_of_the_plan() -> None:
    statement = run(
        plan(commission(), approval_below_list=True),
        [deal(amount=9000, values={"list": Decimal(10000)})],
    )
    assert [f.code for f in statement.violations()] == ["below_list_without_approval"]
    assert statement.total == Decimal("90.00")  # still computed; the finding is the flag


def test_a_deal_below_list_with_an_approval_reference_is_not_reported() -> None:
    statement = run(
        plan(commission(), approval_below_list=True),
        [deal(amount=9000, values={"list": Decimal(10000)}, approval="总经理签呈2024-03")],
    )
    assert statement.findings == ()


def test_a_credit_split_adding_up_to_90_percent_is_reported_and_credited_as_listed() -> None:
    split = (
        Credit(employee="li", role="sales", share=Rate.parse("60%")),
        Credit(employee="wang", role="service", share=Rate.parse("30%")),
    )
    statement = run(plan(commission(["0"], ["0.01"])), [deal(amount=10000, split=split)])
    assert statement.total == Decimal("60.00")
    finding = statement.findings[0]
    assert (finding.code, finding.severity) == ("split_not_100", Severity.VIOLATION)
    assert "90%" in finding.message_en


def test_roles_without_a_share_take_the_plan_standard_split() -> None:
    split = (Credit(employee="li", role="sales"), Credit(employee="wang", role="service"))
    team = evaluate_team(
        plan(commission(["0"], ["0.01"]), roles=ROLES), MARCH, [deal(amount=10000, split=split)]
    )
    assert [(s.employee, s.total) for s in team] == [
        ("li", Decimal("70.00")),
        ("wang", Decimal("30.00")),
    ]
    assert team.total == Decimal("100.00")


def test_a_role_the_plan_does_not_know_needs_an_explicit_share() -> None:
    split = (Credit(employee="li", role="presales"),)
    with pytest.raises(InvalidValueError, match="presales"):
        run(plan(commission(), roles=ROLES), [deal(split=split)])


def test_pay_below_the_local_minimum_wage_is_a_violation_with_the_shortfall() -> None:
    statement = run(
        plan(commission(["0"], ["0.01"])), [deal(amount=100000)], minimum_wage=Decimal(2690)
    )
    finding = statement.violations()[0]
    assert finding.code == "below_minimum_wage"
    assert "1690.00 must be added" in finding.message_en
    assert {c.id for c in finding.citations} == {"MWP 12", "LL 48"}


def test_other_wages_of_the_month_count_towards_the_minimum_wage() -> None:
    statement = run(
        plan(commission(["0"], ["0.01"])),
        [deal(amount=100000)],
        minimum_wage=Decimal(2690),
        other_pay=Decimal(2000),
    )
    assert statement.violations() == ()


def test_line_ids_are_stable_across_recomputation_and_name_component_and_deal() -> None:
    the_plan = plan(
        commission(cap=Decimal(100)),
        FixedPay(component_id="base", name="底薪", amount=Decimal(3000)),
    )
    deals = [deal("A", 20000), deal("B", 20000, "2024-03-11")]
    first, second = run(the_plan, deals), run(the_plan, list(reversed(deals)))
    assert [x.line_id for x in first.lines] == ["c/A", "c/B", "c#cap", "base"]
    assert first == second


def test_records_are_typed_rows_ready_for_a_data_frame() -> None:
    statement = run(plan(commission()), [deal(amount=40000)])
    (row,) = statement.to_records("lines")
    assert row["line_id"] == "c/D1"
    assert row["amount"] == Decimal("500.00")
    assert row["variable"] is True
    assert (row["period"], row["period_start"]) == ("2024-03", date(2024, 3, 1))
    inputs = statement.to_records("step_inputs")
    (after,) = [r for r in inputs if r["line_id"] == "c/D1" and r["name"] == "accumulated_after"]
    assert (after["value_kind"], after["value_text"]) == ("ratio", "40000")


def test_the_statement_reads_in_chinese_and_renders_for_notebooks() -> None:
    statement = run(plan(commission()), [deal(amount=40000)], minimum_wage=Decimal(2690))
    text = statement.to_text("zh_CN")
    assert "提成结算单" in text
    assert "低于当地最低工资" in text
    assert "<table" in statement._repr_html_()
    assert "| " in statement._repr_markdown_()


def test_a_stored_statement_whose_amount_was_edited_is_refused_on_reading() -> None:
    data = run(plan(commission()), [deal(amount=40000)]).to_dict()
    data["lines"][0]["amount"] = "600.00"
    with pytest.raises(InvalidValueError, match="recomputed"):
        statement_from_dict(data)


def test_a_what_if_shows_each_person_and_the_total_under_both_plans() -> None:
    wang = Deal(deal_id="B", owner="wang", signed_on=date(2024, 3, 5), amount=Decimal(10000))
    deals = [deal("A", 40000), wang]
    result = compare(
        plan(commission()), plan(commission(["0", 25000], ["0.01", "0.02"])), MARCH, deals
    )
    assert [
        (r["employee"], r["baseline"], r["candidate"], r["difference"])
        for r in result.to_records("people")
    ] == [
        ("li", Decimal("500.00"), Decimal("550.00"), Decimal("50.00")),
        ("wang", Decimal("100.00"), Decimal("100.00"), Decimal("0.00")),
    ]
    assert result.difference == Decimal("50.00")
    assert "Plan comparison" in result.to_text()


def test_a_team_run_includes_people_with_inputs_but_no_deals() -> None:
    the_plan = plan(FixedPay(component_id="base", name="底薪", amount=Decimal(3000)))
    team = evaluate_team(the_plan, MARCH, [], [PersonInputs(employee="zhao")])
    assert [(s.employee, s.total) for s in team] == [("zhao", Decimal("3000.00"))]
    assert len(team.to_records("totals")) == 1


def test_variable_pay_excludes_fixed_pay_for_the_severance_average() -> None:
    the_plan = plan(
        commission(["0"], ["0.01"]),
        FixedPay(component_id="base", name="底薪", amount=Decimal(3000)),
    )
    statement = run(the_plan, [deal(amount=10000)])
    assert (statement.total, statement.variable_pay) == (Decimal("3100.00"), Decimal("100.00"))


def test_a_stored_statement_with_an_edited_total_or_malformed_lines_is_refused() -> None:
    data = run(plan(commission()), [deal(amount=40000)]).to_dict()
    edited = {**data, "total": "999.00"}
    with pytest.raises(InvalidValueError, match=r"statement\.total"):
        statement_from_dict(edited)
    malformed = {**data, "lines": ["c/D1"]}
    with pytest.raises(InvalidValueError, match=r"statement\.lines\[0\]"):
        statement_from_dict(malformed)
    same_value = {**data, "lines": [{"line_id": "c/D1", "amount": "500"}]}
    assert statement_from_dict(same_value).total == Decimal("500.00")


def test_re_running_a_month_after_more_cash_arrives_pays_only_the_difference() -> None:
    settled = plan(commission(["0"], ["0.01"], settle_on_collection=True))
    half = run(settled, [deal(amount=40000, collected=Decimal(20000))])
    assert half.total == Decimal("200.00")
    paid = tuple(PaidLine(line_id=x.line_id, amount=x.amount) for x in half.lines)
    full = run(settled, [deal(amount=40000, collected=Decimal(40000))], paid=paid)
    assert (full.total, full.already_paid, full.due) == (
        Decimal("400.00"),
        Decimal("200.00"),
        Decimal("200.00"),
    )
    again = run(
        settled,
        [deal(amount=40000, collected=Decimal(40000))],
        paid=(PaidLine(line_id="c/D1", amount=Decimal(400)),),
    )
    assert again.due == Decimal("0.00")


def test_a_paid_line_that_no_longer_arises_is_kept_as_withdrawn_and_flagged() -> None:
    statement = run(
        plan(commission(["0"], ["0.01"])),
        [deal("D2", 10000)],
        paid=(PaidLine(line_id="c/D1", amount=Decimal(100)),),
    )
    withdrawn = statement.line("c/D1")
    assert (withdrawn.kind, withdrawn.amount, withdrawn.due) == (
        LineKind.WITHDRAWN,
        Decimal("0.00"),
        Decimal("-100.00"),
    )
    assert statement.due == Decimal("0.00")  # 100 for D2 less 100 paid on the withdrawn D1
    assert [f.code for f in statement.findings] == ["line_withdrawn"]
