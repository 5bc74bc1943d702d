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
    _columnar_year()


def _columnar_year() -> None:
    """A year of proportional release for payments that name their invoice: settle_run
    on the receivables beside release_columns on the same rows as NumPy columns (checked
    equal first), and release_columns alone on 100,000 invoices."""
    import numpy  # noqa: PLC0415 - the numpy extra

    from hrpolicy.collection import settle_run  # noqa: PLC0415
    from hrpolicy.collection.examples import proportional_policy  # noqa: PLC0415
    from hrpolicy.collection.fast import release_columns  # noqa: PLC0415

    def columns(count: int) -> tuple[dict[str, object], dict[str, object]]:
        rng = numpy.random.default_rng(7)
        issued = numpy.datetime64("2024-01-01", "D") + rng.integers(0, 366, count)
        amount = rng.integers(100_000, 10_000_000, count)
        paid = numpy.repeat(numpy.arange(count), 2)
        return (
            {
                "salesperson": numpy.array([f"s{n % 50:02d}" for n in range(count)]),
                "issued_on": issued,
                "amount_fen": amount,
                "commission_fen": amount * 3 // 100,
            },
            {
                "invoice": paid,
                "received_on": issued[paid] + numpy.tile([20, 50], count),
                "amount_fen": numpy.stack([amount // 2, amount - amount // 2], 1).ravel(),
            },
        )

    policy, year = proportional_policy(), Period(year=2024)
    bills, cash = columns(200)
    receivables = Receivables(
        invoices=tuple(
            Invoice(
                invoice_id=f"I{n}",
                customer="C",
                salesperson=str(bills["salesperson"][n]),  # type: ignore[index]
                issued_on=bills["issued_on"][n].item(),  # type: ignore[index]
                amount=Decimal(int(bills["amount_fen"][n])) / 100,  # type: ignore[index]
                commission=Decimal(int(bills["commission_fen"][n])) / 100,  # type: ignore[index]
            )
            for n in range(200)
        ),
        matching=MatchingRule.BY_INVOICE,
        payments=tuple(
            Payment(
                payment_id=f"P{n}",
                invoice_id=f"I{int(cash['invoice'][n])}",  # type: ignore[index]
                received_on=cash["received_on"][n].item(),  # type: ignore[index]
                amount=Decimal(int(cash["amount_fen"][n])) / 100,  # type: ignore[index]
            )
            for n in range(400)
        ),
    )
    people = sorted({str(p) for p in bills["salesperson"]})  # type: ignore[attr-defined]
    fast = release_columns(policy, 2024, invoices=bills, payments=cash)
    engine = [settle_run(policy, year, receivables, person) for person in people]
    assert fast.total == sum(run.total for run in engine)
    timed(
        "settle_run, each of 50 salespeople, 200 invoices",
        lambda: [settle_run(policy, year, receivables, person) for person in people],
        1,
    )
    timed(
        "release_columns, the same 200 invoices",
        lambda: release_columns(policy, 2024, invoices=bills, payments=cash),
        20,
    )
    big_bills, big_cash = columns(100_000)
    timed(
        "release_columns, 100,000 invoices, 200,000 payments",
        lambda: release_columns(policy, 2024, invoices=big_bills, payments=big_cash),
        1,
    )


if __name__ == "__main__":
    main()
