"""Builders for collection tests: invoices, payments and a month's statement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hrpolicy.collection import (
    CollectionInputs,
    CollectionPolicy,
    CollectionState,
    CollectionStatement,
    Invoice,
    MatchingRule,
    Payment,
    Period,
    Receivables,
    settle_month,
)


def invoice(
    invoice_id: str = "I1",
    amount: int | str = 100000,
    commission: int | str = 3000,
    issued: str = "2024-01-10",
    *,
    credit_days: int = 30,
    customer: str = "ACME",
    **changes: Any,
) -> Invoice:
    """An invoice credited to 'li' (100,000 with 3,000 of commission unless told)."""
    return Invoice(
        invoice_id=invoice_id,
        customer=customer,
        salesperson=changes.pop("salesperson", "li"),
        issued_on=date.fromisoformat(issued),
        amount=Decimal(amount),
        commission=Decimal(commission),
        credit_days=credit_days,
        **changes,
    )


def payment(
    payment_id: str, amount: int | str, day: str, customer: str = "ACME", **changes: Any
) -> Payment:
    """A payment from the customer."""
    return Payment(
        payment_id=payment_id,
        customer=customer,
        received_on=date.fromisoformat(day),
        amount=Decimal(amount),
        **changes,
    )


def books(
    *invoices: Invoice, matching: MatchingRule = MatchingRule.FIFO, **items: Any
) -> Receivables:
    """Receivables of the invoices, with payments etc. given by keyword."""
    return Receivables(invoices=invoices, matching=matching, **items)


def month(
    policy: CollectionPolicy,
    receivables: Receivables,
    number: int,
    state: CollectionState | None = None,
    **inputs: Any,
) -> CollectionStatement:
    """Li's statement for a month of 2024."""
    return settle_month(
        policy,
        Period(year=2024, month=number),
        receivables,
        CollectionInputs(employee="li", state=state or CollectionState(), **inputs),
    )


def months(
    policy: CollectionPolicy, receivables: Receivables, last: int, **inputs: Any
) -> list[CollectionStatement]:
    """Li's statements from January to month ``last``, each carrying the last's state."""
    statements: list[CollectionStatement] = []
    state = CollectionState()
    for number in range(1, last + 1):
        statement = month(policy, receivables, number, state, **inputs)
        statements.append(statement)
        state = statement.state_out
    return statements


def totals(statements: list[CollectionStatement]) -> list[Decimal]:
    """Each month's total."""
    return [s.total for s in statements]
