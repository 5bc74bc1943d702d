"""Invariants of the collection engine, on generated receivables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from random import Random
from typing import Any

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from hrpolicy.collection import (
    CollectionLineKind,
    CollectionPolicy,
    CollectionStatement,
    MatchingRule,
    Payment,
    Receivables,
    recovery_cap,
)
from hrpolicy.collection.examples import (
    days_to_collect_policy,
    full_collection_policy,
    proportional_policy,
    reserve_policy,
    staged_policy,
)
from hrpolicy.strategies import amounts, collection_receivables
from tests.collection.helpers import month, months

POLICIES = st.sampled_from(
    [proportional_policy(), full_collection_policy(), staged_policy(), reserve_policy()]
)
WAGES = {"month_wage": Decimal(6000), "minimum_wage": Decimal(2690)}


def _year(policy: CollectionPolicy, receivables: Receivables) -> list[CollectionStatement]:
    return months(policy, receivables, 12, **WAGES)


@given(POLICIES, collection_receivables())
def test_released_commission_never_exceeds_what_the_invoice_earns(
    policy: CollectionPolicy, receivables: Receivables
) -> None:
    commission = {i.invoice_id: i.commission for i in receivables.invoices}
    for statement in _year(policy, receivables):
        for account in statement.state_out.accounts:
            assert Decimal(0) <= account.released <= commission[account.invoice_id]


@given(
    st.sampled_from([proportional_policy(), full_collection_policy(), staged_policy()]),
    collection_receivables(matching=MatchingRule.BY_INVOICE, adjustments=False),
    st.data(),
)
def test_more_money_collected_never_releases_less(
    policy: CollectionPolicy, receivables: Receivables, data: st.DataObject
) -> None:
    invoice = data.draw(st.sampled_from(receivables.invoices))
    paid = sum(
        (p.amount for p in receivables.payments if p.invoice_id == invoice.invoice_id), Decimal(0)
    )
    room = invoice.amount - paid
    assume(room > 0)
    extra = Payment(
        payment_id="EXTRA",
        customer="ACME",
        received_on=data.draw(st.dates(min_value=invoice.issued_on, max_value=date(2024, 12, 31))),
        amount=data.draw(amounts(min_value=Decimal("0.01"), max_value=room)),
        invoice_id=invoice.invoice_id,
    )
    more = attrs.evolve(receivables, payments=(*receivables.payments, extra))
    before = _year(policy, receivables)[-1].state_out.accounts
    after = _year(policy, more)[-1].state_out.accounts
    for old, new in zip(before, after, strict=True):
        assert new.released >= old.released


@given(POLICIES, collection_receivables(), st.integers(1, 12))
def test_running_a_month_again_on_its_own_result_releases_nothing_more(
    policy: CollectionPolicy, receivables: Receivables, number: int
) -> None:
    statements = _year(policy, receivables)
    done = statements[number - 1]
    again = month(policy, receivables, number, done.state_out, **WAGES)
    assert not [x for x in again.lines if x.kind is CollectionLineKind.RELEASE]
    assert again.state_out.accounts == done.state_out.accounts


@given(
    st.sampled_from([days_to_collect_policy(), staged_policy(), reserve_policy()]),
    collection_receivables(),
    st.randoms(use_true_random=False),
    st.integers(1, 12),
)
def test_the_order_events_are_listed_in_never_changes_a_month(
    policy: CollectionPolicy, receivables: Receivables, shuffler: Random, number: int
) -> None:
    # Same events, listed in another order: the ledger replays them by date and id, so
    # every line, step, finding and carried state is the same (pro rata included).
    def shuffled(items: tuple[Any, ...]) -> tuple[Any, ...]:
        listed = list(items)
        shuffler.shuffle(listed)
        return tuple(listed)

    relisted = attrs.evolve(
        receivables,
        invoices=shuffled(receivables.invoices),
        payments=shuffled(receivables.payments),
        reversals=shuffled(receivables.reversals),
        credit_notes=shuffled(receivables.credit_notes),
        write_offs=shuffled(receivables.write_offs),
    )
    before = month(policy, receivables, number, None, **WAGES)
    after = month(policy, relisted, number, None, **WAGES)
    assert (after.lines, after.steps, after.findings, after.state_out) == (
        before.lines,
        before.steps,
        before.findings,
        before.state_out,
    )


@given(amounts(max_value=100_000), amounts(max_value=10_000))
def test_a_recovery_never_takes_more_than_20_percent_nor_below_the_minimum_wage(
    wage: Decimal, minimum: Decimal
) -> None:
    cap = recovery_cap(wage, minimum)
    assert 0 <= cap <= wage / 5
    assert cap == 0 or wage - cap >= minimum


@given(collection_receivables(), amounts(min_value=0, max_value=20_000), amounts(max_value=5_000))
def test_every_recovery_line_respects_the_cap_of_its_month(
    receivables: Receivables, wage: Decimal, minimum: Decimal
) -> None:
    for statement in months(
        reserve_policy(), receivables, 12, month_wage=wage, minimum_wage=minimum
    ):
        for line in statement.lines:
            if line.kind is CollectionLineKind.RECOVERY:
                month_wage = wage + max(Decimal(0), statement.total - line.amount)
                assert -line.amount <= month_wage / 5
                assert month_wage + line.amount >= minimum


@given(POLICIES, collection_receivables())
def test_money_is_conserved_across_release_reserve_and_clawback(
    policy: CollectionPolicy, receivables: Receivables
) -> None:
    statements = _year(policy, receivables)
    paid = sum((s.total for s in statements), Decimal(0))
    end = statements[-1].state_out
    released = sum((a.released for a in end.accounts), Decimal(0))
    assert paid + end.reserve - end.to_recover == released
    assert end.reserve == 0  # released in December


@given(POLICIES, collection_receivables())
def test_recomputing_a_year_gives_the_same_statements(
    policy: CollectionPolicy, receivables: Receivables
) -> None:
    assert _year(policy, receivables) == _year(policy, receivables)


@given(POLICIES, collection_receivables(matching=MatchingRule.BY_INVOICE), st.integers(1, 12))
def test_by_invoice_a_payment_settles_the_same_with_or_without_its_customer(
    policy: CollectionPolicy, receivables: Receivables, number: int
) -> None:
    customers = {i.invoice_id: i.customer for i in receivables.invoices}
    named = attrs.evolve(
        receivables,
        payments=tuple(
            attrs.evolve(p, customer=customers[p.invoice_id or ""]) for p in receivables.payments
        ),
    )
    bare = attrs.evolve(
        receivables,
        payments=tuple(attrs.evolve(p, customer=None) for p in receivables.payments),
    )
    with_customer = month(policy, named, number, None, **WAGES)
    without = month(policy, bare, number, None, **WAGES)
    assert without.lines == with_customer.lines
    assert without.findings == with_customer.findings
    assert without.state_out == with_customer.state_out
