"""The figures a month's statement rests on are attributes of the statement: the
weighted overdue index and its multiplier, the collection rate and the matrix
coefficient, and each aging invoice's credited performance after the cut."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from hrpolicy.collection import MatchingRule, OverdueReading, Receivables
from hrpolicy.collection.examples import (
    aging_policy,
    matrix_policy,
    overdue_policy,
    proportional_policy,
)
from tests.collection.helpers import books, invoice, month, payment


def _two_invoices_in_march() -> Receivables:
    return books(
        invoice("I1", issued="2024-02-01"),
        invoice("I2", 50000, 1500, issued="2024-03-01", credit_days=60),
        payments=(
            payment("P1", 60000, "2024-03-01", invoice_id="I1"),
            payment("P2", 25000, "2024-03-15", invoice_id="I2"),
        ),
        matching=MatchingRule.BY_INVOICE,
    )


def test_the_overdue_index_of_a_month_is_read_from_the_statement() -> None:
    # 40,000 × 29 ÷ (40,000 × 30 + 25,000 × 60) = 1,160,000 ÷ 2,700,000 = 58/135.
    statement = month(overdue_policy(), _two_invoices_in_march(), 3)
    reading = statement.overdue
    assert reading is not None
    assert (reading.overdue_weighted, reading.receivable_weighted) == (
        Fraction(1160000),
        Fraction(2700000),
    )
    assert reading.index == Fraction(58, 135)
    assert reading.multiplier == Fraction(4, 5)
    assert not reading.unbounded
    assert statement.portfolio_factor == Fraction(4, 5)
    # The same figures as the step that explains the cut.
    step = next(s for s in statement.steps if s.rule == "coefficient.overdue")
    assert step.input_map["index"] == reading.index
    assert step.output == reading.multiplier


def test_money_overdue_with_nothing_on_credit_terms_reads_as_an_unbounded_index() -> None:
    # A cash-on-delivery invoice (0 credit days) unpaid for 31 days at the end of March.
    receivables = books(invoice(issued="2024-02-29", credit_days=0))
    reading = month(overdue_policy(), receivables, 3).overdue
    assert reading is not None
    assert reading.unbounded
    assert reading.index is None
    assert reading.multiplier == 0  # the last band, the zeroing threshold


def test_nothing_overdue_reads_as_an_index_of_zero() -> None:
    reading = OverdueReading(
        overdue_weighted=Fraction(0), receivable_weighted=Fraction(0), multiplier=Fraction(1)
    )
    assert (reading.index, reading.unbounded) == (Fraction(0), False)


def test_a_policy_without_portfolio_rules_reads_no_index_and_a_factor_of_one() -> None:
    statement = month(proportional_policy(), _two_invoices_in_march(), 3)
    assert (statement.overdue, statement.matrix) == (None, None)
    assert statement.portfolio_factor == 1


def test_the_collection_rate_and_matrix_coefficient_are_read_from_the_statement() -> None:
    # 75 % collected of the invoice due by 31 March, completion 85 %: ×0.8.
    receivables = books(
        invoice(issued="2024-01-10"), payments=(payment("P1", 75000, "2024-03-01"),)
    )
    statement = month(matrix_policy(), receivables, 3, completion=Decimal("0.85"))
    reading = statement.matrix
    assert reading is not None
    assert (reading.completion, reading.collection_rate) == (Decimal("0.85"), Fraction(3, 4))
    assert (reading.invoices_due, reading.coefficient) == (1, Fraction(4, 5))
    assert statement.overdue is None
    assert statement.portfolio_factor == Fraction(4, 5)


def test_an_aging_invoice_reports_the_performance_it_still_credits() -> None:
    # 100,000 invoiced, 80,000 open 121 days past due on 31 May: 80 % of 80,000 is cut,
    # so the invoice credits 100,000 − 64,000 = 36,000.
    receivables = books(
        invoice("I1", issued="2024-01-01"),
        payments=(payment("P1", 20000, "2024-01-15"),),
    )
    (row,) = month(aging_policy(), receivables, 5).performance
    assert (row.net_amount, row.open_balance, row.deduction) == (
        Decimal("100000.00"),
        Decimal("80000.00"),
        Decimal("64000.00"),
    )
    assert row.credited == Decimal("36000.00")


def test_a_month_under_both_portfolio_rules_releases_at_the_factor_the_statement_reads() -> None:
    # Overdue index 58/135 (×0.8, as above); 60 % collected of the invoice due by 31 March
    # with completion 85 % (×0.6): each rise is multiplied by 0.48, so 2,550 releases 1,224.
    matrix = matrix_policy().versions[0]
    both = attrs.evolve(
        matrix_policy(),
        versions=(attrs.evolve(matrix, overdue=overdue_policy().versions[0].overdue),),
    )
    statement = month(both, _two_invoices_in_march(), 3, completion=Decimal("0.85"))
    assert statement.overdue is not None
    assert statement.matrix is not None
    assert (statement.overdue.multiplier, statement.matrix.coefficient) == (
        Fraction(4, 5),
        Fraction(3, 5),
    )
    assert statement.portfolio_factor == Fraction(12, 25)
    releases = [s for s in statement.steps if s.rule.startswith("release.")]
    assert [s.input_map["portfolio_factor"] for s in releases] == [Fraction(12, 25)] * 2
    assert [s.output for s in releases] == [Decimal("864.00"), Decimal("360.00")]
    assert statement.total == Decimal("1224.00")
