"""The common policies and payments are short to write: a one-version policy from its
release rule, and payments that give only the facts their matching rule needs."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, PolicyDefinitionError, from_dict, to_dict
from hrpolicy.collection import (
    CollectionPolicy,
    CollectionVersion,
    DaysToCollect,
    MatchingRule,
    OnInvoice,
    Payment,
    Proportional,
    Rate,
    Receivables,
    RiskReserve,
    ledger,
)
from hrpolicy.collection.examples import DAYS_TO_COLLECT, proportional_policy, reserve_policy
from tests.collection.helpers import books, invoice, months, payment


def test_a_proportional_policy_with_a_reserve_is_one_call() -> None:
    short = CollectionPolicy.of(
        Proportional(clause="第2条"),
        effective_from=date(2024, 1, 1),
        reserve=RiskReserve(rate=Rate.parse("10%"), clause="第8条"),
    )
    long = CollectionPolicy(
        policy_id="proportional",
        name="proportional",
        versions=(
            CollectionVersion(
                version="2024-01-01",
                effective_from=date(2024, 1, 1),
                release=Proportional(clause="第2条"),
                reserve=RiskReserve(rate=Rate.parse("10%"), clause="第8条"),
            ),
        ),
    )
    assert short == long
    assert from_dict(json.loads(json.dumps(to_dict(short))), CollectionPolicy) == short
    receivables = books(invoice(), payments=(payment("P1", 40000, "2024-02-05"),))
    february = months(short, receivables, 2)[1]
    assert (february.total, february.state_out.reserve) == (Decimal("1080.00"), Decimal("120.00"))


def test_a_short_policy_takes_its_id_name_and_version_when_given() -> None:
    policy = CollectionPolicy.of(
        OnInvoice(),
        effective_from="2024-03-01",  # type: ignore[arg-type]
        policy_id="reserve",
        name="风险金",
        version="2024",
        reserve=RiskReserve(rate=Rate.parse("10%")),
    )
    assert (policy.policy_id, policy.name, policy.versions[0].version) == (
        "reserve",
        "风险金",
        "2024",
    )
    assert policy.versions[0].effective_from == date(2024, 3, 1)


def test_a_short_policy_refuses_what_a_version_refuses() -> None:
    with pytest.raises(InvalidTypeError, match="release: expected a release rule"):
        CollectionPolicy.of("proportional", effective_from=date(2024, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(PolicyDefinitionError, match=r"^effective_from: expected a date"):
        CollectionPolicy.of(Proportional(), effective_from="2024-13-01")  # type: ignore[arg-type]
    with pytest.raises(
        PolicyDefinitionError, match=r"CollectionVersion\(2024-01-01\)\.days_to_collect"
    ):
        CollectionPolicy.of(
            OnInvoice(),
            effective_from=date(2024, 1, 1),
            days_to_collect=DaysToCollect(table=DAYS_TO_COLLECT),
        )


def test_each_matching_rule_says_which_payment_facts_it_needs() -> None:
    assert MatchingRule.BY_INVOICE.needs == ("invoice_id",)
    assert MatchingRule.FIFO.needs == ("customer",)
    assert MatchingRule.PRO_RATA.needs == ("customer",)


def test_a_payment_settled_by_invoice_may_leave_out_the_customer() -> None:
    bare = Payment(
        payment_id="P1", invoice_id="I2", received_on=date(2024, 2, 5), amount=Decimal(50000)
    )
    named = Payment(
        payment_id="P1",
        customer="BETA",
        invoice_id="I2",
        received_on=date(2024, 2, 5),
        amount=Decimal(50000),
    )
    invoices = (invoice("I1"), invoice("I2", customer="BETA"))
    without = books(*invoices, payments=(bare,), matching=MatchingRule.BY_INVOICE)
    with_customer = books(*invoices, payments=(named,), matching=MatchingRule.BY_INVOICE)
    assert without.customer_of(bare) == "BETA"
    assert from_dict(to_dict(without), Receivables) == without
    assert ledger(without, date(2024, 2, 29)) == ledger(with_customer, date(2024, 2, 29))
    statement = months(proportional_policy(), without, 2)[1]
    assert statement.line("release/I2").amount == Decimal("1500.00")
    assert statement.total == months(proportional_policy(), with_customer, 2)[1].total


def test_a_payment_by_invoice_gives_its_invoice_and_customer_from_the_receivables() -> None:
    bare = Payment(
        payment_id="P1", invoice_id="I2", received_on=date(2024, 2, 5), amount=Decimal(500)
    )
    receivables = books(
        invoice("I1"),
        invoice("I2", customer="BETA"),
        payments=(bare,),
        matching=MatchingRule.BY_INVOICE,
    )
    assert receivables.invoice_of(bare) == receivables.invoices[1]
    assert receivables.customer_of(bare) == "BETA"
    fifo = books(invoice(), payments=(payment("P2", 500, "2024-02-05"),))
    assert fifo.invoice_of(fifo.payments[0]) is None
    assert fifo.customer_of(fifo.payments[0]) == "ACME"
    stray = attrs.evolve(bare, payment_id="P9", invoice_id="NOPE")
    with pytest.raises(
        InvalidValueError,
        match=r"^Payment\(P9\)\.invoice_id: expected an invoice in these receivables, "
        r"got str 'NOPE'$",
    ):
        receivables.customer_of(stray)


def test_an_excess_paid_by_invoice_without_the_customer_is_held_for_the_invoices_customer() -> None:
    paid = Payment(
        payment_id="P1",
        invoice_id="I1",
        received_on=date(2024, 2, 5),
        amount=Decimal(100500),
        excess_reason="deposit",
    )
    receivables = books(invoice(), payments=(paid,), matching=MatchingRule.BY_INVOICE)
    assert ledger(receivables, date(2024, 2, 29)).unapplied == (
        ("ACME", Decimal("500.00"), "deposit"),
    )


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        (MatchingRule.FIFO, "the fifo rule settles that customer's oldest open invoices first"),
        (MatchingRule.PRO_RATA, "the pro_rata rule shares the payment over that customer's"),
    ],
)
def test_a_payment_without_its_customer_is_refused_where_the_rule_needs_it(
    rule: MatchingRule, why: str
) -> None:
    bare = Payment(payment_id="P7", received_on=date(2024, 2, 5), amount=Decimal(100))
    with pytest.raises(InvalidValueError) as caught:
        books(invoice(), payments=(bare,), matching=rule)
    message = str(caught.value)
    assert message.startswith(
        "Receivables.payments[0](P7).customer: expected the paying customer ("
    )
    assert why in message
    assert message.endswith("got None")


def test_a_payment_by_invoice_for_another_customers_invoice_is_refused() -> None:
    with pytest.raises(
        InvalidValueError, match=r"\(P1\)\.invoice_id: expected an invoice of customer BETA"
    ):
        books(
            invoice(),
            invoice("I2", customer="BETA"),
            payments=(payment("P1", 100, "2024-02-05", customer="BETA", invoice_id="I1"),),
            matching=MatchingRule.BY_INVOICE,
        )
    with pytest.raises(
        InvalidValueError, match=r"\(P1\)\.invoice_id: expected an invoice in these"
    ):
        books(
            invoice(),
            payments=(payment("P1", 100, "2024-02-05", invoice_id="NOPE"),),
            matching=MatchingRule.BY_INVOICE,
        )


def test_the_reserve_example_built_in_one_call_is_the_same_policy() -> None:
    example = reserve_policy()
    short = CollectionPolicy.of(
        example.versions[0].release,
        effective_from=example.versions[0].effective_from,
        policy_id=example.policy_id,
        name=example.name,
        version=example.versions[0].version,
        reserve=example.versions[0].reserve,
    )
    assert short == example
