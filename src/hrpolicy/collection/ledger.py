"""Match payments to invoices and read each invoice's position on a day.

:func:`ledger` replays the receivables' events up to ``as_of``, in date order; on one day
credit notes come first, then payments, then reversals, then write-offs, each kind in id
order — so the order events are listed in never matters. Payments are matched by the
:class:`~hrpolicy.collection.model.MatchingRule`; a reversal takes money back from the
payment's unapplied excess first, then from the invoices it settled, the most recently
settled first.

Refused, with a typed error naming the item: a payment dated before any invoice it could
settle, a payment above what the customer owes without an ``excess_reason``, a reversal
above what is left of its payment, a credit note above the invoice's remaining value (less
what was written off), and a write-off above the open balance.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from hrpolicy.collection.model import (
    CreditNote,
    Invoice,
    MatchingRule,
    Payment,
    Receivables,
    Reversal,
    WriteOff,
)
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import NonNegativeMoney, Text, argument, checked, typed_fields
from hrpolicy.core.money import ZERO, allocate, money_sum, parse_money

__all__ = ["InvoicePosition", "Ledger", "Portion", "ledger"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Portion:
    """Money of one payment applied to one invoice (after any reversal)."""

    payment_id: Text
    received_on: date
    amount: NonNegativeMoney


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InvoicePosition:
    """An invoice on the ledger's day: what it is worth after credit notes, what was
    collected (portion by portion), written off and still open."""

    invoice: Invoice
    credited: NonNegativeMoney
    written_off: NonNegativeMoney
    portions: tuple[Portion, ...]

    @property
    def net_amount(self) -> Decimal:
        """The invoice less credit notes."""
        return money_sum((self.invoice.amount, -self.credited))

    @property
    def collected(self) -> Decimal:
        """Money applied to the invoice, after reversals."""
        return money_sum(p.amount for p in self.portions)

    @property
    def counted(self) -> Decimal:
        """Collected money that counts for commission: never more than the net amount
        (a return after payment leaves a refund due to the customer, not more commission)."""
        return min(self.collected, self.net_amount)

    @property
    def refund_due(self) -> Decimal:
        """What the customer paid beyond the net amount (after a return)."""
        return max(ZERO, money_sum((self.collected, -self.net_amount)))

    @property
    def open_balance(self) -> Decimal:
        """Still owed: net amount − collected − written off (never below 0)."""
        return max(ZERO, money_sum((self.net_amount, -self.collected, -self.written_off)))

    @property
    def ratio(self) -> Fraction:
        """Counted ÷ net amount (an invoice credited down to 0 counts as 0 collected)."""
        net = self.net_amount
        return Fraction(self.counted) / Fraction(net) if net else Fraction(0)

    def days_overdue(self, day: date) -> int:
        """Days past the due date on ``day`` while money is still open, else 0."""
        if not self.open_balance or day <= self.invoice.due_on:
            return 0
        return (day - self.invoice.due_on).days


def _positions(value: object) -> dict[str, InvoicePosition]:
    """``Ledger.positions``: each invoice's position by its id."""
    path = "Ledger.positions"
    if not isinstance(value, Mapping):
        raise InvalidTypeError(path, "a mapping of invoice ids to InvoicePosition", value)
    for key, position in value.items():
        if not isinstance(position, InvoicePosition):
            raise InvalidTypeError(f"{path}[{key!r}]", "an InvoicePosition", position)
        if key != position.invoice.invoice_id:
            raise InvalidValueError(
                f"{path}[{key!r}]", f"the position of invoice {key}", position.invoice.invoice_id
            )
    return dict(value)


def _unapplied(value: object) -> tuple[tuple[str, Decimal, str], ...]:
    """``Ledger.unapplied``: ``(customer, amount, reason)`` triples."""
    path = "Ledger.unapplied"
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise InvalidTypeError(path, "a list or tuple of (customer, amount, reason)", value)
    triples = []
    for index, item in enumerate(value):
        where = f"{path}[{index}]"
        if not isinstance(item, (list, tuple)) or len(item) != 3:
            raise InvalidTypeError(where, "a (customer, amount, reason) triple", item)
        customer, amount, reason = item
        if not isinstance(customer, str) or not isinstance(reason, str):
            raise InvalidTypeError(where, "a customer and a reason as str", item)
        triples.append((customer, parse_money(amount, field=f"{where}[1]"), reason))
    return tuple(triples)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Ledger:
    """Every invoice's position on ``as_of`` (by invoice id), and customers' unapplied
    credit as ``(customer, amount, reason)``: payments above what was owed, each with its
    reason."""

    as_of: date
    positions: dict[str, InvoicePosition] = attrs.field(converter=_positions)
    unapplied: tuple[tuple[str, Decimal, str], ...] = attrs.field(converter=_unapplied)

    def of(self, invoice_id: str) -> InvoicePosition:
        """The position of one invoice."""
        return self.positions[invoice_id]

    def for_salesperson(self, employee: str) -> list[InvoicePosition]:
        """The positions of the invoices credited to ``employee``, by issue date and id."""
        return sorted(
            (p for p in self.positions.values() if p.invoice.salesperson == employee),
            key=lambda p: (p.invoice.issued_on, p.invoice.invoice_id),
        )


class _Book:
    """Mutable state while replaying events."""

    def __init__(self, invoices: Iterable[Invoice]) -> None:
        self.invoices = {i.invoice_id: i for i in invoices}
        self.by_customer: dict[str, list[Invoice]] = {}
        for invoice in self.invoices.values():
            self.by_customer.setdefault(invoice.customer, []).append(invoice)
        self.credited = dict.fromkeys(self.invoices, ZERO)
        self.written_off = dict.fromkeys(self.invoices, ZERO)
        # Per invoice, the money applied to it: [payment id, received on, amount] each.
        self.portions: dict[str, list[list[Any]]] = {i: [] for i in self.invoices}
        self.collected = dict.fromkeys(self.invoices, ZERO)  # kept with the portions
        # amount − credited − collected − written off, kept with each change (below 0
        # when a return leaves more collected than the invoice is worth).
        self.owed = {i: invoice.amount for i, invoice in self.invoices.items()}
        # Per payment: where its money went, in order: (invoice id or None for excess, amount).
        self.applied: dict[str, list[tuple[str | None, Decimal]]] = {}
        self.excess: dict[str, tuple[str, Decimal, str]] = {}
        # Per customer, its issued invoices with money open, in matching order (oldest
        # due, then issued, then id), and what they owe in all: kept with each change,
        # so a payment neither re-sums nor re-sorts the customer's invoices.
        self.issued: set[str] = set()
        self.open: dict[str, list[tuple[date, date, str]]] = {}
        self.customer_owed: dict[str, Decimal] = {}

    def issue(self, invoice: Invoice) -> None:
        self.issued.add(invoice.invoice_id)
        self.open.setdefault(invoice.customer, [])
        self.customer_owed.setdefault(invoice.customer, ZERO)
        self._reopen(invoice.invoice_id, ZERO, self.open_balance(invoice.invoice_id))

    def open_balance(self, invoice_id: str) -> Decimal:
        return max(ZERO, self.owed[invoice_id])

    def less_owed(self, invoice_id: str, amount: Decimal) -> None:
        before = self.open_balance(invoice_id)
        self.owed[invoice_id] = money_sum((self.owed[invoice_id], -amount))
        if invoice_id in self.issued:
            self._reopen(invoice_id, before, self.open_balance(invoice_id))

    def _reopen(self, invoice_id: str, before: Decimal, after: Decimal) -> None:
        invoice = self.invoices[invoice_id]
        customer = invoice.customer
        self.customer_owed[customer] = money_sum((self.customer_owed[customer], after, -before))
        if bool(before) == bool(after):
            return
        key = (invoice.due_on, invoice.issued_on, invoice_id)
        held = self.open[customer]
        if after:
            bisect.insort(held, key)
        else:
            del held[bisect.bisect_left(held, key)]

    def apply(self, payment: Payment, invoice_id: str, amount: Decimal) -> None:
        if amount:
            self.portions[invoice_id].append([payment.payment_id, payment.received_on, amount])
            self.collected[invoice_id] = money_sum((self.collected[invoice_id], amount))
            self.less_owed(invoice_id, amount)
            self.applied[payment.payment_id].append((invoice_id, amount))


def _credit(book: _Book, note: CreditNote) -> None:
    invoice = book.invoices[note.invoice_id]
    # What was written off is gone already: it cannot also be credited.
    remaining = money_sum(
        (invoice.amount, -book.credited[note.invoice_id], -book.written_off[note.invoice_id])
    )
    if note.amount > remaining:
        raise InvalidValueError(
            f"CreditNote({note.note_id}).amount",
            f"at most the invoice's remaining value {remaining} (after credit notes and "
            "write-offs)",
            note.amount,
        )
    book.credited[note.invoice_id] = money_sum((book.credited[note.invoice_id], note.amount))
    book.less_owed(note.invoice_id, note.amount)


def _pay(book: _Book, payment: Payment, receivables: Receivables) -> None:
    book.applied[payment.payment_id] = []
    rule = receivables.matching
    customer = receivables.customer_of(payment)
    # Receivables checked that every payment names its invoice under BY_INVOICE (and
    # none under the other rules).
    named = receivables.invoice_of(payment)
    if named is not None:
        if named.issued_on > payment.received_on:
            raise InvalidValueError(
                f"Payment({payment.payment_id}).received_on",
                f"a date on or after invoice {named.invoice_id} was issued ({named.issued_on})",
                payment.received_on,
            )
        balance = book.open_balance(named.invoice_id)
        open_ids = [named.invoice_id] if balance > 0 else []
        owed = balance
        any_issued = True
    else:
        # Oldest due first (then issued, then id): the order FIFO settles in, and the
        # order pro-rata ties take the odd fen in — never the order the invoices were
        # listed in. Only invoices issued by the payment's day are held (issues are
        # replayed on their day, before the day's other events).
        open_ids = [key[2] for key in book.open.get(customer, ())]
        owed = book.customer_owed.get(customer, ZERO)
        any_issued = customer in book.open
    if not any_issued and payment.excess_reason is None:
        raise InvalidValueError(
            f"Payment({payment.payment_id}).received_on",
            f"a date on or after an invoice of customer {customer} is issued",
            payment.received_on,
        )
    if payment.amount > owed and payment.excess_reason is None:
        raise InvalidValueError(
            f"Payment({payment.payment_id}).amount",
            f"at most the {owed} customer {customer} owes on {payment.received_on} "
            "(or an excess_reason for the rest)",
            payment.amount,
        )
    to_apply = min(payment.amount, owed)
    if rule is MatchingRule.PRO_RATA and open_ids:
        shares = [book.open_balance(i) for i in open_ids]
        parts = allocate([Fraction(to_apply) * Fraction(b) / Fraction(owed) for b in shares])
        for invoice_id, part in zip(open_ids, parts, strict=True):
            book.apply(payment, invoice_id, part)
    else:
        left = to_apply
        settled: list[tuple[str, Decimal]] = []
        for invoice_id in open_ids:
            if not left:  # the payment is used up
                break
            part = min(left, book.open_balance(invoice_id))
            settled.append((invoice_id, part))
            left = money_sum((left, -part))
        for invoice_id, part in settled:
            book.apply(payment, invoice_id, part)
    excess = money_sum((payment.amount, -to_apply))
    if excess:
        assert payment.excess_reason is not None
        book.applied[payment.payment_id].insert(0, (None, excess))
        book.excess[payment.payment_id] = (customer, excess, payment.excess_reason)


def _reverse(book: _Book, reversal: Reversal) -> None:
    applied = book.applied.get(reversal.payment_id)
    if applied is None:
        raise InvalidValueError(
            f"Reversal({reversal.reversal_id}).reversed_on",
            f"a date on or after its payment {reversal.payment_id} is received",
            reversal.reversed_on,
        )
    left_on_payment = money_sum(amount for _, amount in applied)
    if reversal.amount > left_on_payment:
        raise InvalidValueError(
            f"Reversal({reversal.reversal_id}).amount",
            f"at most the {left_on_payment} left of payment {reversal.payment_id}",
            reversal.amount,
        )
    amounts = [amount for _, amount in applied]
    # Unapplied excess first (it is stored first), then invoices, the latest settled first.
    order = [0] if applied[0][0] is None else []
    order += [i for i in range(len(applied) - 1, -1, -1) if applied[i][0] is not None]
    left = reversal.amount
    for index in order:
        if not left:
            break
        invoice_id = applied[index][0]
        take = min(left, amounts[index])
        amounts[index] = money_sum((amounts[index], -take))
        left = money_sum((left, -take))
        if invoice_id is None:
            customer, excess, reason = book.excess[reversal.payment_id]
            book.excess[reversal.payment_id] = (customer, money_sum((excess, -take)), reason)
        else:
            _take_back(book, invoice_id, reversal.payment_id, take)
    book.applied[reversal.payment_id] = [
        (invoice_id, amount)
        for (invoice_id, _), amount in zip(applied, amounts, strict=True)
        if amount
    ]


def _take_back(book: _Book, invoice_id: str, payment_id: str, amount: Decimal) -> None:
    book.collected[invoice_id] = money_sum((book.collected[invoice_id], -amount))
    book.less_owed(invoice_id, -amount)
    portions = book.portions[invoice_id]
    for index in range(len(portions) - 1, -1, -1):
        portion = portions[index]
        if portion[0] != payment_id or not amount:
            continue
        take = min(amount, portion[2])
        amount = money_sum((amount, -take))
        rest = money_sum((portion[2], -take))
        if rest:
            portion[2] = rest
        else:
            del portions[index]


def _write_off(book: _Book, write_off: WriteOff) -> None:
    open_balance = book.open_balance(write_off.invoice_id)
    if write_off.amount > open_balance:
        raise InvalidValueError(
            f"WriteOff({write_off.write_off_id}).amount",
            f"at most the open balance {open_balance} on {write_off.written_off_on}",
            write_off.amount,
        )
    book.written_off[write_off.invoice_id] = money_sum(
        (book.written_off[write_off.invoice_id], write_off.amount)
    )
    book.less_owed(write_off.invoice_id, write_off.amount)


def ledger(receivables: Receivables, as_of: date) -> Ledger:
    """Replay ``receivables`` up to and including ``as_of``."""
    argument(receivables, Receivables, "receivables")
    if not isinstance(as_of, date):
        raise InvalidTypeError("as_of", "a date", as_of)
    book = _Book(receivables.invoices)
    events: list[tuple[date, int, str, Invoice | CreditNote | Payment | Reversal | WriteOff]] = [
        *((i.issued_on, -1, i.invoice_id, i) for i in receivables.invoices),
        *((n.issued_on, 0, n.note_id, n) for n in receivables.credit_notes),
        *((p.received_on, 1, p.payment_id, p) for p in receivables.payments),
        *((r.reversed_on, 2, r.reversal_id, r) for r in receivables.reversals),
        *((w.written_off_on, 3, w.write_off_id, w) for w in receivables.write_offs),
    ]
    for day, _, _, event in sorted(events, key=lambda e: e[:3]):
        if day > as_of:
            break
        if isinstance(event, Invoice):
            book.issue(event)
        elif isinstance(event, CreditNote):
            _credit(book, event)
        elif isinstance(event, Payment):
            _pay(book, event, receivables)
        elif isinstance(event, Reversal):
            _reverse(book, event)
        else:
            _write_off(book, event)
    positions = {
        invoice_id: InvoicePosition(
            invoice=invoice,
            credited=book.credited[invoice_id],
            written_off=book.written_off[invoice_id],
            portions=tuple(
                Portion(payment_id=payment_id, received_on=received_on, amount=amount)
                for payment_id, received_on, amount in book.portions[invoice_id]
            ),
        )
        for invoice_id, invoice in book.invoices.items()
        if invoice.issued_on <= as_of
    }
    unapplied = tuple(
        (customer, amount, reason)
        for customer, amount, reason in (book.excess[k] for k in sorted(book.excess))
        if amount
    )
    return Ledger(as_of=as_of, positions=positions, unapplied=unapplied)
