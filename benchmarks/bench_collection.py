"""Speed of the collection engine.

Run: ``python benchmarks/bench_collection.py``. It prints the time per call, best of five
repeats, for: replaying a ledger of 50 invoices and 150 payments; one month's statement
over them; and a year of twelve chained statements. The figures are a baseline for this
library's own changes (record them in the CHANGELOG when they move).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from _timing import timed

from hrpolicy.collection import (
    CollectionInputs,
    CollectionState,
    CollectionStatement,
    Invoice,
    MatchingRule,
    Payment,
    Receivables,
    ledger,
    settle_month,
)
from hrpolicy.collection.examples import days_to_collect_policy
from hrpolicy.core import Period


def _receivables(count: int) -> Receivables:
    invoices: list[Invoice] = []
    payments: list[Payment] = []
    for n in range(count):
        issued = date(2024, 1, 1) + timedelta(days=3 * n)
        amount = Decimal(10000 + 250 * n)
        invoices.append(
            Invoice(
                invoice_id=f"I{n}",
                customer=f"C{n % 10}",
                salesperson="li",
                issued_on=issued,
                amount=amount,
                commission=amount * Decimal("0.03"),
                credit_days=30,
            )
        )
        payments.extend(
            Payment(
                payment_id=f"P{n}-{k}",
                customer=f"C{n % 10}",
                received_on=issued + timedelta(days=20 + 25 * k),
                amount=amount / 4,
            )
            for k in range(3)
        )
    return Receivables(
        invoices=tuple(invoices), matching=MatchingRule.FIFO, payments=tuple(payments)
    )


def main() -> None:
    receivables = _receivables(50)
    timed(
        "ledger: 50 invoices, 150 payments, to year end",
        lambda: ledger(receivables, date(2024, 12, 31)),
        20,
    )
    policy = days_to_collect_policy()
    june = Period(year=2024, month=6)
    timed(
        "one month's statement over them",
        lambda: settle_month(policy, june, receivables, CollectionInputs(employee="li")),
        20,
    )

    def year() -> CollectionStatement:
        state = CollectionState()
        for month in range(1, 13):
            inputs = CollectionInputs(employee="li", state=state)
            statement = settle_month(policy, Period(year=2024, month=month), receivables, inputs)
            state = statement.state_out
        return statement

    timed("a year of 12 chained statements", year, 2)


if __name__ == "__main__":
    main()
