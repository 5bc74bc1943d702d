"""Milestone awards, expense advances, clauses the law overrides, matching rules, re-runs,
the bridge from commission statements, and how a statement reads."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from hrpolicy import InvalidValueError
from hrpolicy.collection import (
    Agreement,
    CollectionPolicy,
    MatchingRule,
    MilestoneEvent,
    MilestoneKind,
    PaidLine,
    Rate,
    RelationshipExpense,
    RiskReserve,
    WriteOff,
    ledger,
)
from hrpolicy.collection.examples import (
    invoices_with_commission,
    key_account_policy,
    proportional_policy,
    reserve_policy,
)
from hrpolicy.commission.engine import evaluate
from hrpolicy.commission.examples import example_month
from tests.collection.helpers import books, invoice, month, months, payment


def _with(policy: CollectionPolicy, **changes: Any) -> CollectionPolicy:
    version = attrs.evolve(policy.versions[0], **changes)
    return attrs.evolve(policy, versions=(version,))


def _milestone(
    event_id: str, kind: MilestoneKind, approved: int | None, day: str = "2024-03-08"
) -> MilestoneEvent:
    return MilestoneEvent(
        event_id=event_id,
        kind=kind,
        customer="ACME",
        achieved_on=date.fromisoformat(day),
        approved=None if approved is None else Decimal(approved),
    )


def test_an_approved_sample_certification_award_is_paid_within_its_range() -> None:
    statement = month(
        key_account_policy(),
        books(invoice()),
        3,
        milestones=(_milestone("M1", MilestoneKind.SAMPLE_CERTIFIED, 1500),),
    )
    assert statement.line("milestone/M1").amount == Decimal("1500.00")
    assert statement.state_out.milestones_paid == ("sample_certified:ACME",)


def test_a_supplier_list_award_awaiting_approval_is_reported_with_its_range_and_not_paid() -> None:
    statement = month(
        key_account_policy(),
        books(invoice()),
        3,
        milestones=(_milestone("M2", MilestoneKind.SUPPLIER_LISTED, None),),
    )
    assert statement.lines == ()
    assert "3000 to 5000" in statement.findings[0].message_en


def test_an_award_outside_its_range_or_paid_twice_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="from 1000 to 2000"):
        month(
            key_account_policy(),
            books(invoice()),
            3,
            milestones=(_milestone("M1", MilestoneKind.CAPABILITY_AUDIT, 2500),),
        )
    first = month(
        key_account_policy(),
        books(invoice()),
        3,
        milestones=(_milestone("M1", MilestoneKind.CAPABILITY_AUDIT, 1200),),
    )
    with pytest.raises(InvalidValueError, match="not already paid"):
        month(
            key_account_policy(),
            books(invoice()),
            4,
            first.state_out,
            milestones=(_milestone("M9", MilestoneKind.CAPABILITY_AUDIT, 1200, "2024-04-02"),),
        )


def test_the_salesperson_advances_20_percent_of_relationship_expenses_until_a_sale_follows() -> (
    None
):
    spent = RelationshipExpense(
        expense_id="E1", customer="NEWCO", spent_on=date(2024, 2, 10), amount=Decimal(10000)
    )
    signed = (Agreement(customer="NEWCO", signed_on=date(2024, 4, 1)),)
    first_sale = invoice("N1", 50000, 1500, issued="2024-04-20", customer="NEWCO")
    receivables = books(invoice(), first_sale)
    february = month(key_account_policy(), receivables, 2, expenses=(spent,))
    assert february.line("expense/E1").amount == Decimal("8000.00")
    assert february.state_out.advances[0].amount == Decimal("2000.00")
    march = month(key_account_policy(), receivables, 3, february.state_out, agreements=signed)
    assert march.lines == ()  # signed 1 April: not yet
    april = month(key_account_policy(), receivables, 4, march.state_out, agreements=signed)
    assert april.line("advance/E1").amount == Decimal("2000.00")
    assert april.state_out.advances == ()


def test_a_clause_making_staff_bear_half_of_bad_debts_is_reported_void_and_not_applied() -> None:
    policy = _with(reserve_policy(), bad_debt_share=Rate.parse("50%"))
    receivables = books(
        invoice(),
        write_offs=(
            WriteOff(
                write_off_id="W1",
                invoice_id="I1",
                written_off_on=date(2024, 2, 20),
                amount=Decimal(10000),
                reason="客户失联",
            ),
        ),
    )
    february = months(policy, receivables, 2, month_wage=Decimal(6000), minimum_wage=Decimal(2690))[
        1
    ]
    (finding,) = february.violations()
    assert finding.code == "bad_debt_share_void"
    assert "(5000.00 this month)" in finding.message_en
    # Only the commission on the bad debt (3 % of 10,000) is clawed back, from the reserve.
    assert february.line("clawback/I1").amount == Decimal("-300.00")
    assert february.total == Decimal("0.00")


def test_netting_bad_debt_principal_against_the_reserve_is_reported_void_in_december() -> None:
    reserve = RiskReserve(rate=Rate.parse("10%"), nets_bad_debt_principal=True)
    policy = _with(reserve_policy(), reserve=reserve)
    receivables = books(
        invoice(),
        write_offs=(
            WriteOff(
                write_off_id="W1",
                invoice_id="I1",
                written_off_on=date(2024, 6, 20),
                amount=Decimal(1000),
                reason="尾款坏账",
            ),
        ),
    )
    december = months(
        policy, receivables, 12, month_wage=Decimal(6000), minimum_wage=Decimal(2690)
    )[-1]
    assert [f.code for f in december.violations()] == ["reserve_principal_void"]
    # The reserve of 300 paid the 30 of commission on the bad debt; 270 comes back.
    assert december.line("reserve#released").amount == Decimal("270.00")


def test_commission_on_money_collected_after_departure_is_paid_despite_a_forfeiture_clause() -> (
    None
):
    policy = _with(proportional_policy(), forfeit_after_departure=True)
    receivables = books(invoice(), payments=(payment("P1", 100000, "2024-04-15"),))
    april = month(policy, receivables, 4, left_on=date(2024, 3, 31))
    assert april.total == Decimal("3000.00")
    (finding,) = april.violations()
    assert finding.code == "post_departure_forfeiture_void"
    assert "Guangzhou" in finding.citations[0].cite("en")


def test_fifo_pro_rata_and_by_invoice_matching_settle_different_invoices() -> None:
    old = invoice("OLD", 60000, 1800, issued="2024-01-05")
    new = invoice("NEW", 40000, 1200, issued="2024-02-05")
    cash = payment("P1", 50000, "2024-02-20")
    fifo = ledger(books(old, new, payments=(cash,)), date(2024, 2, 29))
    pro_rata = ledger(
        books(old, new, payments=(cash,), matching=MatchingRule.PRO_RATA), date(2024, 2, 29)
    )
    named = attrs.evolve(cash, invoice_id="NEW", amount=Decimal(40000))
    by_invoice = ledger(
        books(old, new, payments=(named,), matching=MatchingRule.BY_INVOICE), date(2024, 2, 29)
    )
    assert [fifo.of(i).collected for i in ("OLD", "NEW")] == [Decimal(50000), Decimal(0)]
    assert [pro_rata.of(i).collected for i in ("OLD", "NEW")] == [
        Decimal("30000.00"),
        Decimal("20000.00"),
    ]
    assert [by_invoice.of(i).collected for i in ("OLD", "NEW")] == [Decimal(0), Decimal(40000)]


def test_a_pro_rata_payments_odd_fen_goes_to_the_invoice_due_first_in_either_listing() -> None:
    # 0.01 over two open balances of 100: half a fen each, a tie; the fen goes to OLD,
    # due first, however the invoices are listed.
    old = invoice("OLD", 100, 3, issued="2024-01-05")
    new = invoice("NEW", 100, 3, issued="2024-02-05")
    cash = payment("P1", "0.01", "2024-02-20")
    for listed in ((old, new), (new, old)):
        book = ledger(
            books(*listed, payments=(cash,), matching=MatchingRule.PRO_RATA), date(2024, 2, 29)
        )
        assert [book.of(i).collected for i in ("OLD", "NEW")] == [Decimal("0.01"), Decimal(0)]


def test_a_month_re_run_after_a_late_payment_pays_only_the_difference() -> None:
    first = books(invoice(), payments=(payment("P1", 40000, "2024-02-05"),))
    late = books(
        invoice(), payments=(payment("P1", 40000, "2024-02-05"), payment("P2", 10000, "2024-02-27"))
    )
    run = month(proportional_policy(), first, 2)
    paid = tuple(PaidLine(line_id=x.line_id, amount=x.amount) for x in run.lines)
    rerun = month(proportional_policy(), late, 2, paid=paid)
    assert (rerun.total, rerun.already_paid, rerun.due) == (
        Decimal("1500.00"),
        Decimal("1200.00"),
        Decimal("300.00"),
    )


def test_running_the_next_month_on_the_carried_state_never_releases_the_same_money_twice() -> None:
    receivables = books(invoice(), payments=(payment("P1", 40000, "2024-02-05"),))
    february = month(proportional_policy(), receivables, 2)
    again = month(proportional_policy(), receivables, 3, february.state_out)
    assert again.total == Decimal("0.00")
    assert again == month(proportional_policy(), receivables, 3, february.state_out)


def test_the_commission_a_statement_earned_is_shared_over_each_deals_invoices() -> None:
    plan, period, deals, inputs = example_month()
    statement = evaluate(plan, period, deals, inputs[0])
    billed = (
        invoice("C-102-a", 10000, 0, issued="2024-03-20", contract_id="C-102"),
        invoice("C-102-b", 5000, 0, issued="2024-03-25", contract_id="C-102"),
        invoice("C-101-a", 20000, 0, issued="2024-03-04", contract_id="C-101"),
    )
    with_commission = invoices_with_commission(statement, billed)
    # C-102 earned 106.67: two thirds and one third, to the fen.
    assert [i.commission for i in with_commission] == [
        Decimal("71.11"),
        Decimal("35.56"),
        Decimal("0.00"),
    ]


def test_a_deal_with_commission_but_no_invoice_is_refused_by_the_bridge() -> None:
    plan, period, deals, inputs = example_month()
    statement = evaluate(plan, period, deals, inputs[0])
    only_one = (invoice("C-101-a", 20000, 0, issued="2024-03-04", contract_id="C-101"),)
    with pytest.raises(InvalidValueError, match="an invoice for every deal"):
        invoices_with_commission(statement, only_one)


def test_a_statement_reads_in_chinese_and_gives_typed_rows() -> None:
    receivables = books(invoice(), payments=(payment("P1", 40000, "2024-02-05"),))
    statement = month(reserve_policy(), receivables, 1)
    assert "回款提成结算单" in statement.to_text("zh_CN")
    rows = statement.to_records("lines")
    assert [r["line_id"] for r in rows] == ["release/I1", "reserve#withheld"]
    assert "<table" in statement._repr_html_()
