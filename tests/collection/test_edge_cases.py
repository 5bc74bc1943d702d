"""Edge cases, kept as tests: each states the rule it protects."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, NotCoveredError
from hrpolicy.collection import (
    Agreement,
    BandTable,
    CollectionInputs,
    CollectionLineKind,
    CollectionState,
    CreditNote,
    DaysToCollect,
    InvoiceAccount,
    MatchingRule,
    MilestoneEvent,
    MilestoneKind,
    OverdueIndex,
    PaidLine,
    Period,
    RelationshipExpense,
    Reversal,
    Semantics,
    Side,
    Staged,
    WriteOff,
    settle_month,
)
from hrpolicy.collection.examples import (
    DAYS_TO_COLLECT,
    invoices_with_commission,
    key_account_policy,
    proportional_policy,
    reserve_policy,
    staged_policy,
)
from hrpolicy.commission import Commission, PersonInputs, evaluate
from hrpolicy.commission.examples import gross_margin_plan
from hrpolicy.commission.model import Deal
from tests.collection.helpers import books, invoice, month, months, payment


def test_expense_refunds_are_not_wages_when_capping_a_recovery() -> None:
    # 5,000 to recover; a 3,000 wage and a 2,690 minimum allow 310, however much expense
    # money the statement also returns.
    spent = RelationshipExpense(
        expense_id="E1", customer="ACME", spent_on=date(2024, 3, 2), amount=Decimal(10000)
    )
    statement = month(
        key_account_policy(),
        books(invoice()),
        3,
        CollectionState(to_recover=Decimal(5000)),
        month_wage=Decimal(3000),
        minimum_wage=Decimal(2690),
        expenses=(spent,),
    )
    assert statement.line("clawback#recovery").amount == Decimal("-310.00")


def test_a_written_off_amount_cannot_also_be_credited() -> None:
    receivables = books(
        invoice(amount=100, commission=10),
        write_offs=(
            WriteOff(
                write_off_id="W1",
                invoice_id="I1",
                written_off_on=date(2024, 2, 1),
                amount=Decimal(60),
                reason="坏账",
            ),
        ),
        credit_notes=(
            CreditNote(
                note_id="C1",
                invoice_id="I1",
                issued_on=date(2024, 3, 1),
                amount=Decimal(50),
                reason="退货",
            ),
        ),
    )
    with pytest.raises(InvalidValueError, match=r"remaining value 40\.00"):
        months(
            reserve_policy(), receivables, 3, month_wage=Decimal(6000), minimum_wage=Decimal(2690)
        )


def test_more_cash_without_a_new_stage_never_claws_back_under_days_weighting() -> None:
    policy = attrs.evolve(
        staged_policy(),
        versions=(
            attrs.evolve(
                staged_policy().versions[0],
                days_to_collect=DaysToCollect(table=DAYS_TO_COLLECT),
            ),
        ),
    )
    receivables = books(
        invoice(issued="2024-01-10"),
        payments=(payment("P1", 80000, "2024-01-15"), payment("P2", 10000, "2024-08-10")),
    )
    statements = months(
        policy, receivables, 8, month_wage=Decimal(6000), minimum_wage=Decimal(2690)
    )
    # The 80 % stage was reached after 5 days (×1.1): 3,000 × 50 % × 1.1 = 1,650, and the
    # later 10 % reaches no new stage, so nothing moves.
    assert statements[0].total == Decimal("1650.00")
    assert [s.total for s in statements[1:]] == [Decimal("0.00")] * 7


def test_a_reversal_claws_back_the_latest_release_at_the_coefficient_it_was_paid_at() -> None:
    # February: 50,000 of I1 (60-day terms) released at ×1: 1,500. March: I2, due on
    # 11 March and unpaid, puts the overdue index at 2 (×0.5), so P2's 50,000 releases 750.
    # Reversing P2 in April takes back those 750, not an average of the two months.
    table = BandTable.from_thresholds(
        [0, "0.2"], [1, "0.5"], closed=Side.UPPER, semantics=Semantics.WHOLE
    )
    policy = attrs.evolve(
        proportional_policy(),
        versions=(
            attrs.evolve(proportional_policy().versions[0], overdue=OverdueIndex(table=table)),
        ),
    )
    receivables = books(
        invoice("I1", issued="2024-02-01", credit_days=60),
        invoice("I2", 100000, 0, issued="2024-03-01", credit_days=10),
        payments=(
            payment("P1", 50000, "2024-02-05", invoice_id="I1"),
            payment("P2", 50000, "2024-03-20", invoice_id="I1"),
        ),
        reversals=(
            Reversal(
                reversal_id="R1",
                payment_id="P2",
                reversed_on=date(2024, 4, 2),
                amount=Decimal(50000),
            ),
        ),
        matching=MatchingRule.BY_INVOICE,
    )
    statements = months(
        policy, receivables, 4, month_wage=Decimal(6000), minimum_wage=Decimal(2690)
    )
    assert statements[1].line("release/I1").amount == Decimal("1500.00")
    assert statements[2].line("release/I1").amount == Decimal("750.00")
    assert statements[3].line("clawback/I1").amount == Decimal("-750.00")


def test_a_re_run_that_pays_less_than_the_first_run_recovers_the_difference_under_the_cap() -> None:
    first = books(invoice(), payments=(payment("P1", 100000, "2024-02-05"),))
    run = month(
        proportional_policy(), first, 2, month_wage=Decimal(3000), minimum_wage=Decimal(2690)
    )
    bounced = attrs.evolve(
        first,
        reversals=(
            Reversal(
                reversal_id="R1",
                payment_id="P1",
                reversed_on=date(2024, 2, 20),
                amount=Decimal(90000),
            ),
        ),
    )
    paid = tuple(PaidLine(line_id=x.line_id, amount=x.amount) for x in run.lines)
    rerun = month(
        proportional_policy(),
        bounced,
        2,
        paid=paid,
        month_wage=Decimal(3000),
        minimum_wage=Decimal(2690),
    )
    # 3,000 was paid; only 300 is due now: 2,700 overpaid goes to recovery, and this month
    # may take at most min(20 % of 3,300, 3,300 − 2,690) = 610.
    assert rerun.line("paid#to-recovery").amount == Decimal("2700.00")
    assert rerun.line("clawback#recovery").amount == Decimal("-610.00")
    assert rerun.state_out.to_recover == Decimal("2090.00")


def test_a_milestone_approved_a_month_after_it_was_reached_is_paid_then() -> None:
    reached = MilestoneEvent(
        event_id="M1",
        kind=MilestoneKind.SUPPLIER_LISTED,
        customer="ACME",
        achieved_on=date(2024, 3, 28),
        approved=Decimal(4000),
    )
    april = month(key_account_policy(), books(invoice()), 4, milestones=(reached,))
    assert april.line("milestone/M1").amount == Decimal("4000.00")


def test_the_reserve_is_paid_out_in_the_month_the_salesperson_leaves() -> None:
    january = month(reserve_policy(), books(invoice()), 1)
    march = month(
        reserve_policy(), books(invoice()), 3, january.state_out, left_on=date(2024, 3, 15)
    )
    assert march.line("reserve#released").amount == Decimal("300.00")
    assert march.line("reserve#released").steps[0].citations[0].id == "WPP 9"


def test_an_impossible_account_is_refused_before_it_can_move_money() -> None:
    with pytest.raises(InvalidValueError, match="released: expected 0 or more"):
        InvoiceAccount(invoice_id="I1", settled=Decimal(0), released=Decimal(-5))
    later = CollectionState(
        accounts=(InvoiceAccount(invoice_id="I2", settled=Decimal(1), released=Decimal(1)),)
    )
    with pytest.raises(InvalidValueError, match="issued by 2024-02-29"):
        month(proportional_policy(), books(invoice(), invoice("I2", issued="2024-05-01")), 2, later)


def test_an_invoice_issued_before_the_policy_is_named_in_the_error() -> None:
    with pytest.raises(NotCoveredError, match=r"Invoice\(OLD\)\.issued_on"):
        month(proportional_policy(), books(invoice("OLD", issued="2023-12-20")), 1)


def test_an_advance_is_not_refunded_on_a_sale_that_was_fully_credited_back() -> None:
    cancelled = invoice("N1", 1000, 30, issued="2024-03-10", customer="NEWCO")
    receivables = books(
        invoice(),
        cancelled,
        credit_notes=(
            CreditNote(
                note_id="C1",
                invoice_id="N1",
                issued_on=date(2024, 3, 12),
                amount=Decimal(1000),
                reason="取消",
            ),
        ),
    )
    spent = RelationshipExpense(
        expense_id="E1", customer="NEWCO", spent_on=date(2024, 3, 1), amount=Decimal(500)
    )
    statement = month(
        key_account_policy(),
        receivables,
        3,
        expenses=(spent,),
        agreements=(Agreement(customer="NEWCO", signed_on=date(2024, 3, 5)),),
    )
    assert CollectionLineKind.ADVANCE_REFUND not in [x.kind for x in statement.lines]


def test_the_bridge_refuses_capped_components_and_negative_deals() -> None:
    plan = gross_margin_plan()
    margin = plan.versions[0].components[0]
    assert isinstance(margin, Commission)
    capped_component = attrs.evolve(margin, cap=Decimal(500))
    capped = attrs.evolve(
        plan, versions=(attrs.evolve(plan.versions[0], components=(capped_component,)),)
    )
    deal = Deal(
        deal_id="G1",
        owner="li",
        signed_on=date(2024, 3, 5),
        amount=Decimal(100000),
        product_cost=Decimal(60000),
        customer_expenses=Decimal(0),
        internal_allocation=Decimal(0),
    )
    statement = evaluate(capped, Period(year=2024, month=3), [deal], PersonInputs(employee="li"))
    billed = (invoice("G1-a", 100000, 0, issued="2024-03-05", contract_id="G1"),)
    with pytest.raises(InvalidValueError, match="belongs to no single deal"):
        invoices_with_commission(statement, billed)


def test_a_stage_table_must_release_nothing_before_cash() -> None:
    table = BandTable.from_thresholds(
        [0, 1], ["0.2", "1"], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    with pytest.raises(InvalidValueError, match="nothing is released before any money"):
        Staged(stages=table)


def test_settle_month_refuses_a_state_of_the_wrong_type() -> None:
    with pytest.raises(InvalidTypeError, match="CollectionState"):
        settle_month(
            proportional_policy(),
            Period(year=2024, month=1),
            books(invoice()),
            CollectionInputs(employee="li", state="empty"),  # type: ignore[arg-type]
        )
