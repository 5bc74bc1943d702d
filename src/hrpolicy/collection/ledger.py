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

The book a replay keeps is linear: each invoice's open balance is kept with every change,
not re-summed; each customer's open invoices are held in matching order and dropped when
paid; a payment stops at the invoice that uses it up.

**The ledger carried from month to month.** :func:`carried_ledger` gives the same ledger
and, besides, the :class:`~hrpolicy.collection.model.CarriedLedger` a statement carries in
its ``state_out``: each invoice's credit notes, write-offs and portions, and the credit
left from payments above what was owed, at the end of ``as_of``. Given the previous
month's, it plays only the events after that day on it (and keeps the positions of the
invoices they leave alone as they were); the figures are those of a replay. It replays
from the first day instead — never going on from a ledger that no longer holds — when
:func:`why_replayed` says why: no ledger is carried, the ledger is of a later day, or the
receivables' events on or before its day are not those it was carried with (a payment
booked late into a settled month, a reversal of an older payment, a credit note or
write-off dated back, an event changed or removed, the matching rule changed). A carried
ledger whose figures were edited is refused (its ``checksum``), and one naming an invoice
or a payment the receivables do not have by its day is refused naming the item.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from hrpolicy.collection.model import (
    CARRIED_EVENTS,
    CarriedCredit,
    CarriedInvoice,
    CarriedLedger,
    CreditNote,
    Invoice,
    MatchingRule,
    Payment,
    Portion,
    Receivables,
    Reversal,
    WriteOff,
    _token,
    carried_checksum,
)
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import NonNegativeMoney, argument, checked, typed_fields
from hrpolicy.core.money import ZERO, allocate, money_sum, parse_money

__all__ = ["InvoicePosition", "Ledger", "Portion", "carried_ledger", "ledger", "why_replayed"]


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
        self.credited = dict.fromkeys(self.invoices, ZERO)
        self.written_off = dict.fromkeys(self.invoices, ZERO)
        # Per invoice, the money applied to it, portion by portion in the order applied.
        self.portions: dict[str, list[Portion]] = {i: [] for i in self.invoices}
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
        # The invoices whose figures changed (credited, collected, written off): their
        # positions are rebuilt, those of the others carried as they were.
        self.touched: set[str] = set()

    def copy(self, invoices: Iterable[Invoice]) -> _Book:
        """A book to go on from with ``invoices`` (those issued so far are the same;
        later ones may differ), leaving this one as it is."""
        book = _Book(invoices)
        issued = self.issued
        for invoice_id in book.invoices:
            if invoice_id in issued:  # nothing happens to an invoice before it is issued
                book.credited[invoice_id] = self.credited[invoice_id]
                book.written_off[invoice_id] = self.written_off[invoice_id]
                book.portions[invoice_id] = list(self.portions[invoice_id])
                book.collected[invoice_id] = self.collected[invoice_id]
                book.owed[invoice_id] = self.owed[invoice_id]
        book.applied = {i: list(a) for i, a in self.applied.items()}
        book.excess = dict(self.excess)
        book.issued = set(self.issued)
        book.open = {c: list(keys) for c, keys in self.open.items()}
        book.customer_owed = dict(self.customer_owed)
        book.touched = set()
        return book

    def issue(self, invoice: Invoice) -> None:
        self.issued.add(invoice.invoice_id)
        self.open.setdefault(invoice.customer, [])
        self.customer_owed.setdefault(invoice.customer, ZERO)
        self._reopen(invoice.invoice_id, ZERO, self.open_balance(invoice.invoice_id))

    def open_balance(self, invoice_id: str) -> Decimal:
        return max(ZERO, self.owed[invoice_id])

    def less_owed(self, invoice_id: str, amount: Decimal) -> None:
        self.touched.add(invoice_id)
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
            portion = Portion(
                payment_id=payment.payment_id, received_on=payment.received_on, amount=amount
            )
            self.portions[invoice_id].append(portion)
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
        if portion.payment_id != payment_id or not amount:
            continue
        take = min(amount, portion.amount)
        amount = money_sum((amount, -take))
        rest = money_sum((portion.amount, -take))
        if rest:
            portions[index] = attrs.evolve(portion, amount=rest)
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


# --- replay order, fingerprints and the carried ledger ---------------------------------------

_Event = Invoice | CreditNote | Payment | Reversal | WriteOff


def _event_token(event: _Event, receivables: Receivables) -> bytes:
    """What of ``event`` the ledger reads (a payment with the customer it is matched to)."""
    if isinstance(event, Invoice):
        return _token(
            event.invoice_id,
            event.customer,
            event.salesperson,
            event.issued_on,
            event.amount,
            event.commission,
            event.credit_days,
            event.contract_id,
        )
    if isinstance(event, Payment):
        return _token(
            event.payment_id,
            event.received_on,
            event.amount,
            receivables.customer_of(event),
            event.invoice_id,
            event.excess_reason,
        )
    if isinstance(event, Reversal):
        return _token(event.reversal_id, event.payment_id, event.reversed_on, event.amount)
    if isinstance(event, CreditNote):
        return _token(event.note_id, event.invoice_id, event.issued_on, event.amount, event.reason)
    return _token(
        event.write_off_id, event.invoice_id, event.written_off_on, event.amount, event.reason
    )


class _Replay:
    """The receivables' events in replay order — by day; on one day invoices issued,
    then credit notes, payments, reversals and write-offs, each kind in id order — with
    the fingerprint of each kind's events up to the end of every day that has any."""

    def __init__(self, receivables: Receivables) -> None:
        events: list[tuple[date, int, str, _Event]] = [
            *((i.issued_on, -1, i.invoice_id, i) for i in receivables.invoices),
            *((n.issued_on, 0, n.note_id, n) for n in receivables.credit_notes),
            *((p.received_on, 1, p.payment_id, p) for p in receivables.payments),
            *((r.reversed_on, 2, r.reversal_id, r) for r in receivables.reversals),
            *((w.written_off_on, 3, w.write_off_id, w) for w in receivables.write_offs),
        ]
        events.sort(key=lambda e: e[:3])
        self.events = events
        self.days = [e[0] for e in events]
        digests = [hashlib.blake2b(digest_size=16) for _ in CARRIED_EVENTS]
        digests[2].update(_token(receivables.matching.value))  # the payments' matching rule
        current = [d.hexdigest() for d in digests]
        self.none: tuple[str, ...] = tuple(current)
        self.ends: list[date] = []
        self.prints: list[tuple[str, ...]] = []
        for index, (day, kind, _, event) in enumerate(events):
            digests[kind + 1].update(_event_token(event, receivables))
            if index + 1 == len(events) or events[index + 1][0] != day:
                current = [d.hexdigest() for d in digests]
                self.ends.append(day)
                self.prints.append(tuple(current))

    def fingerprints(self, day: date) -> tuple[str, ...]:
        """Each kind's fingerprint over the events on or before ``day``."""
        index = bisect.bisect_right(self.ends, day)
        return self.prints[index - 1] if index else self.none

    def between(self, after: date | None, day: date) -> list[tuple[date, int, str, _Event]]:
        """The events after ``after`` (from the first, for ``None``) up to ``day``."""
        start = 0 if after is None else bisect.bisect_right(self.days, after)
        return self.events[start : bisect.bisect_right(self.days, day)]


def _replay_of(receivables: Receivables) -> _Replay:
    """The receivables' :class:`_Replay`, built once (receivables never change)."""
    replay = receivables._replay
    if replay is None:
        replay = _Replay(receivables)
        object.__setattr__(receivables, "_replay", replay)
    assert isinstance(replay, _Replay)
    return replay


def _play(
    book: _Book, receivables: Receivables, events: Iterable[tuple[date, int, str, _Event]]
) -> None:
    for _, _, _, event in events:
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


def _position(book: _Book, invoice: Invoice) -> InvoicePosition:
    invoice_id = invoice.invoice_id
    return InvoicePosition(
        invoice=invoice,
        credited=book.credited[invoice_id],
        written_off=book.written_off[invoice_id],
        portions=tuple(book.portions[invoice_id]),
    )


def _unapplied_of(book: _Book) -> tuple[tuple[str, Decimal, str], ...]:
    return tuple(
        (customer, amount, reason)
        for customer, amount, reason in (book.excess[k] for k in sorted(book.excess))
        if amount
    )


def ledger(receivables: Receivables, as_of: date) -> Ledger:
    """Replay ``receivables`` up to and including ``as_of``."""
    argument(receivables, Receivables, "receivables")
    if not isinstance(as_of, date):
        raise InvalidTypeError("as_of", "a date", as_of)
    book = _Book(receivables.invoices)
    _play(book, receivables, _replay_of(receivables).between(None, as_of))
    positions = {
        invoice.invoice_id: _position(book, invoice)
        for invoice in receivables.invoices
        if invoice.issued_on <= as_of
    }
    return Ledger(as_of=as_of, positions=positions, unapplied=_unapplied_of(book))


def why_replayed(
    receivables: Receivables, as_of: date, carried: CarriedLedger | None
) -> str | None:
    """Why :func:`carried_ledger` replays ``receivables`` up to ``as_of`` from the first
    day instead of continuing ``carried``; ``None`` when it continues.

    It replays when nothing is carried; when ``carried`` is the ledger of a later day
    than ``as_of``; and when the receivables' events on or before the carried day are not
    those it was carried with — an event of that time added (a payment booked late, a
    reversal of an older payment, a credit note or write-off dated back), changed or
    removed, or the matching rule changed. The reason names the kinds of events that
    differ.
    """
    argument(receivables, Receivables, "receivables")
    if not isinstance(as_of, date):
        raise InvalidTypeError("as_of", "a date", as_of)
    if carried is None:
        return "no ledger is carried"
    argument(carried, CarriedLedger, "carried")
    if carried.as_of > as_of:
        return f"the ledger carried is that of {carried.as_of}, after {as_of}"
    now = _replay_of(receivables).fingerprints(carried.as_of)
    changed = [k for k, a, b in zip(CARRIED_EVENTS, now, carried.events, strict=True) if a != b]
    if not changed:
        return None
    kinds = ", ".join(kind.replace("_", " ") for kind in changed)
    return (
        f"the {kinds} dated on or before {carried.as_of} are not those the ledger was "
        "carried with (one was added, changed or removed since, or the matching rule "
        "changed)"
    )


def _resume(receivables: Receivables, replay: _Replay, carried: CarriedLedger) -> _Book:
    """A book as the carried ledger left it at the end of its day."""
    book = _Book(receivables.invoices)
    day = carried.as_of
    for index, entry in enumerate(carried.invoices):
        invoice_id = entry.invoice_id
        invoice = book.invoices.get(invoice_id)
        if invoice is None or invoice.issued_on > day:
            raise InvalidValueError(
                f"CarriedLedger.invoices[{index}].invoice_id",
                f"an invoice of the receivables issued by {day}",
                invoice_id,
            )
        collected = money_sum(p.amount for p in entry.portions)
        book.credited[invoice_id] = entry.credited
        book.written_off[invoice_id] = entry.written_off
        book.collected[invoice_id] = collected
        book.portions[invoice_id] = list(entry.portions)
        book.owed[invoice_id] = money_sum(
            (invoice.amount, -entry.credited, -collected, -entry.written_off)
        )
    held: dict[str, list[tuple[date, date, str]]] = {}
    owed: dict[str, list[Decimal]] = {}
    payments: dict[str, Payment] = {}
    for _, kind, _, event in replay.between(None, day):
        if isinstance(event, Invoice):
            invoice_id, customer = event.invoice_id, event.customer
            book.issued.add(invoice_id)
            balance = book.open_balance(invoice_id)
            held.setdefault(customer, [])
            owed.setdefault(customer, []).append(balance)
            if balance:
                held[customer].append((event.due_on, event.issued_on, invoice_id))
        elif kind == 1:
            assert isinstance(event, Payment)
            payments[event.payment_id] = event
            book.applied[event.payment_id] = []
    for customer, keys in held.items():
        keys.sort()
        book.open[customer] = keys
        book.customer_owed[customer] = money_sum(owed[customer])
    for index, credit in enumerate(carried.credits):
        payment = payments.get(credit.payment_id)
        if payment is None or payment.excess_reason is None:
            raise InvalidValueError(
                f"CarriedLedger.credits[{index}].payment_id",
                f"a payment received by {day} with an excess_reason",
                credit.payment_id,
            )
        book.applied[credit.payment_id].append((None, credit.amount))
        customer = receivables.customer_of(payment)
        book.excess[credit.payment_id] = (customer, credit.amount, payment.excess_reason)
    # Where each payment's money went, in the order it was applied: the matching order of
    # the invoices (due, issued, id) — each gets one portion of a payment at most.
    spread: dict[str, list[tuple[tuple[date, date, str], Decimal]]] = {}
    for index, entry in enumerate(carried.invoices):
        invoice = book.invoices[entry.invoice_id]
        key = (invoice.due_on, invoice.issued_on, invoice.invoice_id)
        for portion in entry.portions:
            if portion.payment_id not in payments:
                raise InvalidValueError(
                    f"CarriedLedger.invoices[{index}].portions",
                    f"portions of payments received by {day}",
                    portion.payment_id,
                )
            spread.setdefault(portion.payment_id, []).append((key, portion.amount))
    for payment_id, parts in spread.items():
        parts.sort()
        book.applied[payment_id].extend((key[2], amount) for key, amount in parts)
    return book


def _carried_invoice(book: _Book, invoice_id: str) -> CarriedInvoice:
    return CarriedInvoice(
        invoice_id=invoice_id,
        credited=book.credited[invoice_id],
        written_off=book.written_off[invoice_id],
        portions=tuple(book.portions[invoice_id]),
    )


def carried_ledger(
    receivables: Receivables, as_of: date, carried: CarriedLedger | None = None
) -> tuple[Ledger, CarriedLedger]:
    """The ledger of ``receivables`` on ``as_of`` — the same as :func:`ledger`'s — and
    the :class:`~hrpolicy.collection.model.CarriedLedger` to carry to the next month.

    With ``carried`` (the previous month's), only the events after its day are played on
    it, and the positions of the invoices they leave alone are kept as they were; when it
    cannot be continued (:func:`why_replayed`), every event is replayed from the first
    day, as without it. Either way the figures are those of a replay.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: what :func:`ledger` refuses; a carried ledger naming an invoice
            or a payment the receivables do not have by its day.

    Example:
        >>> from decimal import Decimal
        >>> from hrpolicy.collection import Invoice, MatchingRule, Payment, Receivables
        >>> receivables = Receivables(
        ...     invoices=(Invoice(invoice_id="A-01", customer="ACME", salesperson="li",
        ...                       issued_on=date(2024, 1, 10), amount=Decimal(1000),
        ...                       commission=Decimal(30)),),
        ...     matching=MatchingRule.FIFO,
        ...     payments=(Payment(payment_id="P1", customer="ACME",
        ...                       received_on=date(2024, 2, 5), amount=Decimal(400)),
        ...               Payment(payment_id="P2", customer="ACME",
        ...                       received_on=date(2024, 3, 5), amount=Decimal(600))),
        ... )
        >>> february, carried = carried_ledger(receivables, date(2024, 2, 29))
        >>> february.of("A-01").open_balance, carried.as_of
        (Decimal('600.00'), datetime.date(2024, 2, 29))
        >>> march, _ = carried_ledger(receivables, date(2024, 3, 31), carried)
        >>> march == ledger(receivables, date(2024, 3, 31)), march.of("A-01").open_balance
        (True, Decimal('0.00'))
        >>> late = attrs.evolve(receivables, payments=(*receivables.payments,
        ...     Payment(payment_id="P0", customer="ACME", received_on=date(2024, 2, 20),
        ...             amount=Decimal(100), excess_reason="deposit")))
        >>> why_replayed(late, date(2024, 3, 31), carried)
        'the payments dated on or before 2024-02-29 are not those the ledger was carried
        with (one was added, changed or removed since, or the matching rule changed)'
    """
    argument(receivables, Receivables, "receivables")
    if not isinstance(as_of, date):
        raise InvalidTypeError("as_of", "a date", as_of)
    replay = _replay_of(receivables)
    kept: dict[str, InvoicePosition] = {}
    carried_by_id: dict[str, CarriedInvoice] = {}
    if carried is not None and why_replayed(receivables, as_of, carried) is None:
        start: date | None = carried.as_of
        if carried._kept is not None:  # made by this process: its book and positions
            before, kept = carried._kept
            book = before.copy(receivables.invoices)
            # Held for one month: a second month from the same ledger (a re-run) rebuilds
            # the book from its figures, so a run keeps one book in memory, not twelve.
            object.__setattr__(carried, "_kept", None)
        else:
            book = _resume(receivables, replay, carried)
        carried_by_id = {entry.invoice_id: entry for entry in carried.invoices}
    else:
        book = _Book(receivables.invoices)
        start = None
    _play(book, receivables, replay.between(start, as_of))
    touched = book.touched
    positions = {}
    for invoice in receivables.invoices:
        if invoice.issued_on > as_of:
            continue
        invoice_id = invoice.invoice_id
        position = kept.get(invoice_id)
        if position is None or invoice_id in touched:
            position = _position(book, invoice)
        positions[invoice_id] = position
    result = Ledger(as_of=as_of, positions=positions, unapplied=_unapplied_of(book))
    entries = []
    for invoice_id in sorted(positions):
        entry = carried_by_id.get(invoice_id)
        if entry is None or invoice_id in touched:
            if not (
                book.credited[invoice_id]
                or book.written_off[invoice_id]
                or book.portions[invoice_id]
            ):
                continue
            entry = _carried_invoice(book, invoice_id)
        entries.append(entry)
    credits = tuple(
        CarriedCredit(payment_id=payment_id, amount=book.excess[payment_id][1])
        for payment_id in sorted(book.excess)
        if book.excess[payment_id][1]
    )
    events = replay.fingerprints(as_of)
    invoices = tuple(entries)
    out = CarriedLedger(
        as_of=as_of,
        events=events,
        invoices=invoices,
        credits=credits,
        checksum=carried_checksum(as_of, events, invoices, credits),
    )
    object.__setattr__(out, "_kept", (book, positions))
    return result, out
