"""The downstream system's own tests, run beside its hrpolicy case files."""

from __future__ import annotations

from decimal import Decimal

from hrpolicy.bonds.examples import electrician_case


def test_the_payroll_books_the_refund_hrpolicy_computes_for_the_electrician() -> None:
    settlement = electrician_case().settle()
    assert settlement.refund_due == Decimal("1166.67")
    assert settlement.still_owed == Decimal("0.00")
