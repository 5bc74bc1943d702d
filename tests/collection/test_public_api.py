"""What a user builds a month from comes from ``hrpolicy.collection`` alone: the engine's
own types and the core types its functions take and return."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrpolicy import collection, core


def test_the_core_types_a_collection_month_takes_and_returns_import_from_the_engine() -> None:
    for name in (
        "Band",
        "BandTable",
        "Explanation",
        "Finding",
        "Label",
        "PaidLine",
        "Period",
        "Rate",
        "Semantics",
        "Severity",
        "Side",
        "Step",
    ):
        assert getattr(collection, name) is getattr(core, name), name
        assert name in collection.__all__, name


def test_a_staged_month_with_a_reserve_and_a_rerun_is_built_from_the_engine_module_only() -> None:
    c = collection
    stages = c.BandTable.from_thresholds(
        [0, "0.5", 1], [0, "0.5", 1], closed=c.Side.LOWER, semantics=c.Semantics.WHOLE
    )
    policy = c.CollectionPolicy(
        policy_id="p",
        name="p",
        versions=(
            c.CollectionVersion(
                version="2024",
                effective_from=date(2024, 1, 1),
                release=c.Staged(stages=stages),
                reserve=c.RiskReserve(rate=c.Rate.parse("10%")),
            ),
        ),
    )
    receivables = c.Receivables(
        invoices=(
            c.Invoice(
                invoice_id="I1",
                customer="ACME",
                salesperson="li",
                issued_on=date(2024, 1, 10),
                amount=Decimal(100000),
                commission=Decimal(3000),
            ),
        ),
        matching=c.MatchingRule.FIFO,
        payments=(
            c.Payment(
                payment_id="P1",
                customer="ACME",
                received_on=date(2024, 2, 1),
                amount=Decimal(60000),
            ),
        ),
    )
    period = c.Period(year=2024, month=2)
    first = c.settle_month(policy, period, receivables, c.CollectionInputs(employee="li"))
    assert first.line("release/I1").amount == 1500
    paid = tuple(c.PaidLine(line_id=x.line_id, amount=x.amount) for x in first.lines)
    again = c.settle_month(
        policy, period, receivables, c.CollectionInputs(employee="li", paid=paid)
    )
    assert again.due == 0
