"""Receivables as data: invoices with their terms, payments, reversals, returns (credit
notes) and write-offs, and the rule that says which payment settles which invoice.

Every object is frozen and validated on construction. Dates are inclusive calendar days;
an event dated on a statement's last day counts in that statement. Money is CNY
``Decimal``; floats are refused.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs

from hrpolicy.collection.policy import SINGLE_PART, MilestoneKind, ReserveHorizon
from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.fields import (
    Money,
    NonNegativeInt,
    NonNegativeMoney,
    PositiveInt,
    Quantity,
    Text,
    checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.money import Rate, money_sum
from hrpolicy.core.period import Period
from hrpolicy.core.statement import PaidLine

__all__ = [
    "Advance",
    "Agreement",
    "CarriedCredit",
    "CarriedInvoice",
    "CarriedLedger",
    "CollectionInputs",
    "CollectionState",
    "CreditNote",
    "Invoice",
    "InvoiceAccount",
    "Layer",
    "MatchingRule",
    "MilestoneEvent",
    "Payment",
    "Portion",
    "Receivables",
    "RelationshipExpense",
    "ReserveHolding",
    "Reversal",
    "WriteOff",
]


_MAX_CREDIT_DAYS = 3650


class MatchingRule(Choice):
    """Which open invoices of the customer a payment settles. It moves real money (which
    invoice counts as collected, and when), so it is always stated.

    - ``BY_INVOICE`` — the payment names its invoice (``Payment.invoice_id``); the paying
      customer is that invoice's, so the payment need not repeat it;
    - ``FIFO`` — the paying customer's oldest open invoice first: by due date, then issue
      date, then id;
    - ``PRO_RATA`` — every open invoice of the paying customer in proportion to its open
      balance, shared to the fen by the largest-remainder rule; between equal remainders
      the odd fen goes to the invoice due first (then issued first, then by id), whatever
      order the invoices are listed in.

    Only invoices issued on or before the payment date are open to it. :attr:`needs`
    says which facts a payment must give under each rule:

    >>> MatchingRule.BY_INVOICE.needs, MatchingRule.FIFO.needs
    (('invoice_id',), ('customer',))
    """

    BY_INVOICE = "by_invoice"
    FIFO = "fifo"
    PRO_RATA = "pro_rata"

    @property
    def needs(self) -> tuple[str, ...]:
        """The fields of :class:`Payment` this rule needs given: the invoice under
        ``BY_INVOICE``; the paying customer under ``FIFO`` and ``PRO_RATA``, which choose
        among that customer's open invoices."""
        return tuple(_NEEDS[self])


#: Per rule, the payment facts it needs and why (for the error when one is missing).
_NEEDS: Final = {
    MatchingRule.BY_INVOICE: {
        "invoice_id": "the invoice the payment settles (the by_invoice rule matches by it)",
    },
    MatchingRule.FIFO: {
        "customer": "the paying customer (the fifo rule settles that customer's oldest open "
        "invoices first)",
    },
    MatchingRule.PRO_RATA: {
        "customer": "the paying customer (the pro_rata rule shares the payment over that "
        "customer's open invoices)",
    },
}


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Invoice:
    """An invoice (or a contract's billing) owed by ``customer``, credited to
    ``salesperson``. ``commission`` is the commission earned on it (from the commission
    engine, or agreed); collection rules decide when it is released. It is due
    ``credit_days`` after ``issued_on``."""

    invoice_id: Text
    customer: Text
    salesperson: Text
    issued_on: date
    amount: NonNegativeMoney
    commission: NonNegativeMoney
    credit_days: NonNegativeInt = 0
    contract_id: str | None = None

    def __attrs_post_init__(self) -> None:
        require(
            self.amount > 0,
            f"Invoice({self.invoice_id}).amount",
            "an amount above 0",
            self.amount,
        )
        require(
            self.credit_days <= _MAX_CREDIT_DAYS,
            f"Invoice({self.invoice_id}).credit_days",
            f"at most {_MAX_CREDIT_DAYS} days",
            self.credit_days,
        )

    @property
    def due_on(self) -> date:
        """The last day to pay without being overdue."""
        return self.issued_on + timedelta(days=self.credit_days)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Payment:
    """Money received from ``customer``. ``invoice_id`` names the invoice under the
    ``BY_INVOICE`` rule, which reads the customer from that invoice, so ``customer`` may
    then be left out; the other rules need it (:attr:`MatchingRule.needs`), and
    :class:`Receivables` refuses a payment lacking what its rule needs. A payment above
    what the customer owes needs ``excess_reason`` (an advance, a deposit); the excess is
    then held as the customer's credit and earns nothing."""

    payment_id: Text
    received_on: date
    amount: NonNegativeMoney
    customer: Text | None = None
    invoice_id: str | None = None
    excess_reason: str | None = None

    def __attrs_post_init__(self) -> None:
        require(
            self.amount > 0, f"Payment({self.payment_id}).amount", "an amount above 0", self.amount
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Reversal:
    """Part or all of a payment undone (a bounced transfer, a refund): ``amount`` comes
    off the invoices the payment settled, the most recently settled first."""

    reversal_id: Text
    payment_id: Text
    reversed_on: date
    amount: NonNegativeMoney

    def __attrs_post_init__(self) -> None:
        require(
            self.amount > 0,
            f"Reversal({self.reversal_id}).amount",
            "an amount above 0",
            self.amount,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CreditNote:
    """Goods returned or a price cut (退货 / 折让): the invoice is worth ``amount`` less,
    and so is its commission, at the invoice's own rate."""

    note_id: Text
    invoice_id: Text
    issued_on: date
    amount: NonNegativeMoney
    reason: Text

    def __attrs_post_init__(self) -> None:
        require(
            self.amount > 0, f"CreditNote({self.note_id}).amount", "an amount above 0", self.amount
        )

    @property
    def day(self) -> date:
        """The day it takes effect."""
        return self.issued_on


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class WriteOff:
    """A bad debt (坏账) written off: ``amount`` of the invoice's open balance will never be
    collected."""

    write_off_id: Text
    invoice_id: Text
    written_off_on: date
    amount: NonNegativeMoney
    reason: Text

    def __attrs_post_init__(self) -> None:
        require(
            self.amount > 0,
            f"WriteOff({self.write_off_id}).amount",
            "an amount above 0",
            self.amount,
        )

    @property
    def day(self) -> date:
        """The day it takes effect."""
        return self.written_off_on


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Receivables:
    """Everything owed and received for a set of customers, with the matching rule.

    Pass every invoice of the customers concerned (whoever sold them): a customer's payment
    is matched across all of its invoices. References are checked here: every payment's
    customer has invoices, every reversal names a payment, every credit note and write-off
    an invoice; ids are unique.
    """

    invoices: tuple[Invoice, ...]
    matching: MatchingRule
    payments: tuple[Payment, ...] = ()
    reversals: tuple[Reversal, ...] = ()
    credit_notes: tuple[CreditNote, ...] = ()
    write_offs: tuple[WriteOff, ...] = ()
    _invoices: dict[str, Invoice] = attrs.field(init=False, eq=False, repr=False)
    #: The events in replay order with their fingerprints, built by the ledger on first
    #: use (the receivables never change, so neither does it).
    _replay: Any = attrs.field(init=False, eq=False, repr=False, default=None)

    def __attrs_post_init__(self) -> None:
        require_unique([i.invoice_id for i in self.invoices], "Receivables.invoices", "id")
        require_unique([p.payment_id for p in self.payments], "Receivables.payments", "id")
        require_unique([r.reversal_id for r in self.reversals], "Receivables.reversals", "id")
        require_unique([n.note_id for n in self.credit_notes], "Receivables.credit_notes", "id")
        require_unique([w.write_off_id for w in self.write_offs], "Receivables.write_offs", "id")
        customers = {i.customer for i in self.invoices}
        invoices = {i.invoice_id: i for i in self.invoices}
        object.__setattr__(self, "_invoices", invoices)
        payments = {p.payment_id: p for p in self.payments}
        needs = _NEEDS[self.matching]
        for index, payment in enumerate(self.payments):
            where = f"Receivables.payments[{index}]({payment.payment_id})"
            for fact, why in needs.items():
                require(getattr(payment, fact) is not None, f"{where}.{fact}", why, None)
            if payment.customer is not None:
                require(
                    payment.customer in customers,
                    f"{where}.customer",
                    "a customer with invoices in these receivables",
                    payment.customer,
                )
            if payment.invoice_id is not None:
                require(
                    self.matching is MatchingRule.BY_INVOICE,
                    f"{where}.invoice_id",
                    f"None under the {self.matching.value} rule (it chooses the invoices)",
                    payment.invoice_id,
                )
                invoice = invoices.get(payment.invoice_id)
                require(
                    invoice is not None,
                    f"{where}.invoice_id",
                    "an invoice in these receivables",
                    payment.invoice_id,
                )
                assert invoice is not None
                require(
                    payment.customer in (None, invoice.customer),
                    f"{where}.invoice_id",
                    f"an invoice of customer {payment.customer}",
                    payment.invoice_id,
                )
        for index, reversal in enumerate(self.reversals):
            paid = payments.get(reversal.payment_id)
            require(
                paid is not None,
                f"Receivables.reversals[{index}].payment_id",
                "a payment in these receivables",
                reversal.payment_id,
            )
            assert paid is not None
            require(
                reversal.reversed_on >= paid.received_on,
                f"Receivables.reversals[{index}].reversed_on",
                f"a date on or after the payment's {paid.received_on}",
                reversal.reversed_on,
            )
        adjustments: list[tuple[str, CreditNote | WriteOff]] = [
            *((f"credit_notes[{i}]", n) for i, n in enumerate(self.credit_notes)),
            *((f"write_offs[{i}]", w) for i, w in enumerate(self.write_offs)),
        ]
        for where, item in adjustments:
            invoice = invoices.get(item.invoice_id)
            require(
                invoice is not None,
                f"Receivables.{where}.invoice_id",
                "an invoice in these receivables",
                item.invoice_id,
            )
            assert invoice is not None
            require(
                item.day >= invoice.issued_on,
                f"Receivables.{where}",
                f"a date on or after the invoice's {invoice.issued_on}",
                item.day,
            )

    def invoice_of(self, payment: Payment) -> Invoice | None:
        """The invoice ``payment`` names (under the ``BY_INVOICE`` rule, where every
        payment names one), or ``None`` when it names none.

        >>> from datetime import date
        >>> receivables = Receivables(
        ...     invoices=(Invoice(invoice_id="A-01", customer="ACME", salesperson="li",
        ...                       issued_on=date(2024, 1, 10), amount=Decimal(1000),
        ...                       commission=Decimal(30)),),
        ...     matching=MatchingRule.BY_INVOICE,
        ...     payments=(Payment(payment_id="P1", invoice_id="A-01",
        ...                       received_on=date(2024, 2, 5), amount=Decimal(400)),),
        ... )
        >>> invoice = receivables.invoice_of(receivables.payments[0])
        >>> assert invoice is not None  # the payment names its invoice
        >>> invoice.invoice_id
        'A-01'
        >>> receivables.customer_of(receivables.payments[0])
        'ACME'
        """
        if payment.invoice_id is None:
            return None
        invoice = self._invoices.get(payment.invoice_id)
        if invoice is None:
            raise InvalidValueError(
                f"Payment({payment.payment_id}).invoice_id",
                "an invoice in these receivables",
                payment.invoice_id,
            )
        return invoice

    def customer_of(self, payment: Payment) -> str:
        """The customer who made ``payment``: its own ``customer``, or, under the
        ``BY_INVOICE`` rule, the customer of the invoice it names (:meth:`invoice_of`).
        The ledger matches every payment to the customer this gives."""
        if payment.customer is not None:
            return payment.customer
        invoice = self.invoice_of(payment)
        if invoice is None:
            raise InvalidValueError(
                f"Payment({payment.payment_id})",
                "a payment with its customer or the invoice it settles",
                payment.payment_id,
            )
        return invoice.customer


# --- a salesperson's period: events, and what earlier statements left ------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MilestoneEvent:
    """A milestone reached with a customer; ``approved`` is the figure approved within the
    policy's range (``None`` while awaiting approval: nothing is paid, and it is reported)."""

    event_id: Text
    kind: MilestoneKind
    customer: Text
    achieved_on: date
    approved: NonNegativeMoney | None = None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RelationshipExpense:
    """A relationship-building expense (公关费用) spent for ``customer``."""

    expense_id: Text
    customer: Text
    spent_on: date
    amount: NonNegativeMoney


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Agreement:
    """A formal agreement signed with ``customer``."""

    customer: Text
    signed_on: date


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Layer:
    """Entitlement settled in one month and the part of it released (the rest was cut
    by a portfolio coefficient). Falls in entitlement undo the latest layers first."""

    settled: NonNegativeMoney
    released: NonNegativeMoney

    def __attrs_post_init__(self) -> None:
        require(
            self.settled > 0,
            "Layer.settled",
            "more than 0 (a layer is entitlement settled in a month; releases rest on it)",
            self.settled,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InvoiceAccount:
    """What earlier statements did with one invoice's commission: ``settled`` is the
    entitlement already dealt with (released, reserved or cut by a coefficient), and
    ``released`` the part released to the salesperson (paid or put in reserve); ``layers``
    keeps them month by month, so that a fall claws back the latest releases first, at the
    coefficient they were released at."""

    invoice_id: Text
    settled: Money
    released: Money
    layers: tuple[Layer, ...] = ()

    def __attrs_post_init__(self) -> None:
        where = f"InvoiceAccount({self.invoice_id})"
        require(self.settled >= 0, f"{where}.settled", "0 or more", self.settled)
        require(self.released >= 0, f"{where}.released", "0 or more", self.released)
        require(
            self.settled > 0 or not self.released,
            f"{where}.released",
            "0 while nothing is settled (a release rests on settled entitlement)",
            self.released,
        )
        if self.layers:
            settled = money_sum(layer.settled for layer in self.layers)
            released = money_sum(layer.released for layer in self.layers)
            require(
                (settled, released) == (self.settled, self.released),
                f"{where}.layers",
                f"layers adding up to settled {self.settled} and released {self.released}",
                f"{settled} and {released}",
            )

    def stack(self) -> tuple[Layer, ...]:
        """The layers, or the whole account as one layer when none are recorded."""
        if self.layers:
            return self.layers
        if not self.settled and not self.released:
            return ()
        return (Layer(settled=self.settled, released=self.released),)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Advance:
    """The salesperson's share of a relationship expense, still to be refunded."""

    expense_id: Text
    customer: Text
    amount: NonNegativeMoney


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReserveHolding:
    """Money held in one part of the risk reserve: ``amount`` (above 0) of part
    ``part_id``, withheld in the month ``withheld_in`` — recorded for a part released a
    number of months after withholding, ``None`` for a part released all at once (at year
    end or on departure), whose withholdings are held together.

    A holding of a reserve in parts keeps the terms it was withheld under — ``rate``,
    ``horizon`` and ``months`` (of a months-after part) — so a later policy version that
    changes the part (or drops it) cannot change when money already withheld is released.
    A holding without them (the single reserve's, or a state written before holdings
    recorded their terms) is treated under the part as the version in force defines it.

    >>> ReserveHolding(part_id="q", amount=Decimal(120), withheld_in=Period(year=2024, quarter=1))
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: ReserveHolding(q).withheld_in: expected a month
    (reserves are withheld from monthly statements), got Period 2024-Q1
    """

    part_id: Text
    amount: NonNegativeMoney
    withheld_in: Period | None = None
    rate: Rate | None = None
    horizon: ReserveHorizon | None = None
    months: PositiveInt | None = None

    def __attrs_post_init__(self) -> None:
        where = f"ReserveHolding({self.part_id})"
        require(
            self.amount > 0,
            f"{where}.amount",
            "more than 0 (nothing held: no holding)",
            self.amount,
        )
        if self.withheld_in is not None:
            require(
                self.withheld_in.is_month,
                f"{where}.withheld_in",
                "a month (reserves are withheld from monthly statements)",
                self.withheld_in,
            )
        months_after = self.horizon is ReserveHorizon.MONTHS_AFTER
        require(
            (self.months is not None) == months_after,
            f"{where}.months",
            "a number of months exactly when the horizon withheld under is months_after",
            self.months,
        )
        if months_after:
            require(
                self.withheld_in is not None,
                f"{where}.withheld_in",
                "the month withheld: the holding is released months after it",
                self.withheld_in,
            )

    @property
    def terms(self) -> tuple[ReserveHorizon, int | None] | None:
        """The release terms the holding was withheld under (``None``: not recorded)."""
        return None if self.horizon is None else (self.horizon, self.months)


# --- the ledger carried from one month to the next -------------------------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Portion:
    """Money of one payment applied to one invoice (after any reversal)."""

    payment_id: Text
    received_on: date
    amount: NonNegativeMoney


def _token(*parts: object) -> bytes:
    """``parts`` as bytes that tell any two different lists of parts apart."""
    return repr(tuple(_text(p) for p in parts)).encode() + b"\n"


def _text(part: object) -> str | None:
    """``part`` as text, the same for equal amounts (``5000`` and ``5000.00``)."""
    if part is None:
        return None
    if isinstance(part, Decimal):
        return format(part.normalize(), "f")
    return str(part)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CarriedInvoice:
    """One invoice as the ledger carries it to the next month: what was credited and
    written off, and the money applied to it, portion by portion in the order applied.
    Its open balance follows: amount − credited − collected − written off."""

    invoice_id: Text
    credited: NonNegativeMoney = Decimal(0)
    written_off: NonNegativeMoney = Decimal(0)
    portions: tuple[Portion, ...] = ()
    _token: bytes = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        require_unique(
            [p.payment_id for p in self.portions],
            f"CarriedInvoice({self.invoice_id}).portions",
            "payment (a payment is applied to an invoice once)",
        )
        token = _token(
            self.invoice_id,
            self.credited,
            self.written_off,
            *(f"{p.payment_id}@{p.received_on}={_text(p.amount)}" for p in self.portions),
        )
        object.__setattr__(self, "_token", token)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CarriedCredit:
    """A payment's money above what its customer owed, still held as the customer's
    credit (an advance, a deposit) when the ledger is carried to the next month."""

    payment_id: Text
    amount: NonNegativeMoney

    def __attrs_post_init__(self) -> None:
        require(
            self.amount > 0,
            f"CarriedCredit({self.payment_id}).amount",
            "more than 0 (no credit left: nothing carried)",
            self.amount,
        )


#: The kinds of events a carried ledger holds a fingerprint of, in that order.
CARRIED_EVENTS: Final = ("invoices", "credit_notes", "payments", "reversals", "write_offs")


def carried_checksum(
    as_of: date,
    events: tuple[str, ...],
    invoices: tuple[CarriedInvoice, ...],
    credits: tuple[CarriedCredit, ...],
) -> str:
    """The checksum of a carried ledger's figures (:attr:`CarriedLedger.checksum`)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(_token(as_of, *events))
    for invoice in invoices:
        digest.update(invoice._token)
    for credit in credits:
        digest.update(_token(credit.payment_id, credit.amount))
    return digest.hexdigest()


def _is_digest(value: str) -> bool:
    return len(value) == 32 and all(c in "0123456789abcdef" for c in value)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CarriedLedger:
    """The receivables' ledger at the end of ``as_of``, carried in the state so that the
    next month continues from it with only its own events instead of replaying every
    event from the first day (:func:`~hrpolicy.collection.ledger.carried_ledger`).

    ``invoices`` holds, by id, every invoice issued by ``as_of`` with anything credited,
    written off or collected on it (an invoice not listed has its full amount open);
    ``credits``, by payment id, the payments' money above what was owed, still held.
    ``events`` is a fingerprint of the events it was replayed from, one per kind
    (:data:`CARRIED_EVENTS`): invoices, credit notes, payments (with the matching rule),
    reversals and write-offs dated on or before ``as_of``. A month whose receivables
    hold other events on or before that day (a payment booked late, a reversal of an
    older payment, a credit note dated back) replays from the first day instead — so
    the figures are always those of a replay. ``checksum`` covers the rest: a ledger
    whose figures were edited is refused.
    """

    as_of: date
    events: tuple[str, ...]
    invoices: tuple[CarriedInvoice, ...] = ()
    credits: tuple[CarriedCredit, ...] = ()
    checksum: str
    #: The book and the invoices' positions on ``as_of``, kept by the ledger that made
    #: it until the next month goes on from them (never written out): that month copies
    #: the book and rebuilds only the positions its events change.
    _kept: Any = attrs.field(init=False, eq=False, repr=False, default=None)

    def __attrs_post_init__(self) -> None:
        require(
            len(self.events) == len(CARRIED_EVENTS) and all(map(_is_digest, self.events)),
            "CarriedLedger.events",
            f"{len(CARRIED_EVENTS)} fingerprints of 32 hex digits (of the "
            f"{', '.join(CARRIED_EVENTS)})",
            self.events,
        )
        ids = [i.invoice_id for i in self.invoices]
        require(
            ids == sorted(set(ids)),
            "CarriedLedger.invoices",
            "invoices ordered by id, each once",
            ids,
        )
        paid = [c.payment_id for c in self.credits]
        require(
            paid == sorted(set(paid)),
            "CarriedLedger.credits",
            "credits ordered by payment id, each once",
            paid,
        )
        expected = carried_checksum(self.as_of, self.events, self.invoices, self.credits)
        require(
            self.checksum == expected,
            "CarriedLedger.checksum",
            f"{expected}, the checksum of the figures carried (they were edited, or the "
            "checksum was)",
            self.checksum,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectionState:
    """What the previous statement leaves to the next: invoice accounts, the reserve
    balance, clawbacks still to recover, milestones paid (``kind:customer``) and advances
    outstanding. A statement's ``state_out`` is the next statement's state; the first
    statement starts from the empty state.

    ``reserve_parts`` is the reserve balance by part (and, for a part released months after
    withholding, by month withheld), adding up to ``reserve``. A state given only its
    ``reserve`` (as states were written before reserves could be held in parts, format 1)
    holds it all in the single part :data:`~hrpolicy.collection.policy.SINGLE_PART`:

    >>> CollectionState(reserve=Decimal("300.00")).reserve_parts
    ... # doctest: +NORMALIZE_WHITESPACE
    (ReserveHolding(part_id='reserve', amount=Decimal('300.00'), withheld_in=None,
                    rate=None, horizon=None, months=None),)

    ``ledger`` is the receivables' ledger at the end of the month the state comes from
    (:class:`CarriedLedger`, format 3): the next month continues it with its own events
    instead of replaying the receivables from the first day. It changes no figure: a
    state without one (the empty state, a state written in format 1 or 2, or read from
    tables) replays, as does one whose receivables have changed on or before its day.
    """

    accounts: tuple[InvoiceAccount, ...] = ()
    reserve: NonNegativeMoney = Decimal(0)
    to_recover: NonNegativeMoney = Decimal(0)
    milestones_paid: tuple[str, ...] = ()
    advances: tuple[Advance, ...] = ()
    reserve_parts: tuple[ReserveHolding, ...] = ()
    ledger: CarriedLedger | None = None

    def __attrs_post_init__(self) -> None:
        require_unique([a.invoice_id for a in self.accounts], "CollectionState.accounts", "id")
        require_unique(list(self.milestones_paid), "CollectionState.milestones_paid", "entry")
        require_unique([a.expense_id for a in self.advances], "CollectionState.advances", "id")
        require_unique(
            [f"{h.part_id}@{h.withheld_in}@{h.rate}@{h.terms}" for h in self.reserve_parts],
            "CollectionState.reserve_parts",
            "part, month withheld and terms",
        )
        if not self.reserve_parts and self.reserve:
            # A balance without parts is the single reserve's (format 1 states).
            single = ReserveHolding(part_id=SINGLE_PART, amount=self.reserve)
            object.__setattr__(self, "reserve_parts", (single,))
        held = money_sum(h.amount for h in self.reserve_parts)
        require(
            held == self.reserve,
            "CollectionState.reserve_parts",
            f"holdings adding up to the reserve of {self.reserve}",
            held,
        )

    def account(self, invoice_id: str) -> InvoiceAccount | None:
        """The account of ``invoice_id``, if an earlier statement opened one."""
        for account in self.accounts:
            if account.invoice_id == invoice_id:
                return account
        return None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectionInputs:
    """One salesperson's facts for one month besides the receivables.

    ``month_wage``: the month's other wages before any deduction (the cap on recovering
    clawbacks is 20 % of the month's wage, this statement's pay included, and what remains
    may not fall below ``minimum_wage`` — WPP Art. 16); ``completion``: target completion
    as a fraction (for a completion × collection matrix); ``left_on``: the last day of
    employment, if the salesperson has left; ``paid``: what an earlier run of this same
    month paid, line by line (a re-run then pays only the difference).
    """

    employee: Text
    state: CollectionState = CollectionState()
    month_wage: NonNegativeMoney | None = None
    minimum_wage: NonNegativeMoney | None = None
    completion: Quantity | None = None
    left_on: date | None = None
    milestones: tuple[MilestoneEvent, ...] = ()
    expenses: tuple[RelationshipExpense, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    paid: tuple[PaidLine, ...] = ()

    def __attrs_post_init__(self) -> None:
        require_unique([m.event_id for m in self.milestones], "CollectionInputs.milestones", "id")
        require_unique([e.expense_id for e in self.expenses], "CollectionInputs.expenses", "id")
        require_unique([p.line_id for p in self.paid], "CollectionInputs.paid", "line_id")
