"""The ledger carried in the state from month to month: a month goes on from the previous
month's ledger with its own events, and gives exactly the figures of a replay from the
first day — also when events are booked late into a month already settled."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from hrpolicy.collection import (
    CarriedCredit,
    CarriedInvoice,
    CarriedLedger,
    CollectionInputs,
    CollectionPolicy,
    CollectionRun,
    CollectionState,
    CollectionStatement,
    CreditNote,
    MatchingRule,
    Payment,
    Period,
    Portion,
    Receivables,
    Reversal,
    carried_ledger,
    ledger,
    settle_month,
    settle_run,
    settle_team,
    settle_team_run,
    why_replayed,
)
from hrpolicy.collection.examples import (
    days_to_collect_policy,
    example_bad_debt,
    full_collection_policy,
    proportional_policy,
    reserve_policy,
    staged_policy,
)
from hrpolicy.collection.model import carried_checksum
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError, HRPolicyError, InvalidValueError
from hrpolicy.strategies import amounts, dates, invoice_sets
from tests.collection.helpers import books, invoice, month, payment

DATA = Path(__file__).parent / "data"
WAGES: dict[str, Any] = {"month_wage": Decimal(6000), "minimum_wage": Decimal(2690)}
POLICIES = st.sampled_from(
    [
        proportional_policy(),
        full_collection_policy(),
        staged_policy(),
        reserve_policy(),
        days_to_collect_policy(),
    ]
)
LAST = date(2024, 12, 31)


@st.composite
def years(draw: st.DrawFn) -> Receivables:
    """A year of two customers' invoices sold by li and wang, with payments, reversals,
    credit notes and write-offs — or, instead of write-offs, advances: payments above what
    is owed, held as the customer's credit."""
    drawn = draw(invoice_sets(customers=("ACME", "BETA"), min_size=1, max_size=6))
    invoices = tuple(
        attrs.evolve(i, salesperson="wang") if draw(st.booleans()) else i for i in drawn.invoices
    )
    payments = list(drawn.payments)
    write_offs = drawn.write_offs
    if draw(st.booleans()):
        # Advances: every payment may then exceed what is owed, so none is refused;
        # write-offs are left out (an advance may leave nothing open to write off).
        write_offs = ()
        payments = [attrs.evolve(p, excess_reason="advance") for p in payments]
        for number in range(draw(st.integers(1, 3))):
            paid_for = draw(st.sampled_from(invoices))
            by_invoice = drawn.matching is MatchingRule.BY_INVOICE
            payments.append(
                Payment(
                    payment_id=f"A{number}",
                    customer=paid_for.customer,
                    invoice_id=paid_for.invoice_id if by_invoice else None,
                    received_on=draw(
                        dates(
                            min_value=paid_for.issued_on if by_invoice else date(2024, 1, 1),
                            max_value=LAST,
                        )
                    ),
                    amount=draw(amounts(min_value=Decimal("0.01"), max_value=300_000)),
                    excess_reason="advance",
                )
            )
    reversals = tuple(
        Reversal(
            reversal_id=f"R-{p.payment_id}",
            payment_id=p.payment_id,
            reversed_on=draw(dates(min_value=p.received_on, max_value=LAST)),
            amount=draw(amounts(min_value=Decimal("0.01"), max_value=p.amount)),
        )
        for p in payments
        if draw(st.booleans())
    )
    return attrs.evolve(
        drawn,
        invoices=invoices,
        payments=tuple(payments),
        reversals=reversals,
        write_offs=write_offs,
    )


def _outcome(compute: Callable[..., Any], *args: Any) -> Any:
    """What ``compute(*args)`` gives, or the error it raises (its type and message)."""
    try:
        return compute(*args)
    except HRPolicyError as error:
        return (type(error).__name__, str(error))


def _stripped(state: CollectionState) -> CollectionState:
    return attrs.evolve(state, ledger=None)


def _through_json(state: CollectionState) -> CollectionState:
    """``state`` written out and read back, as a monthly run stored between months."""
    return from_dict(json.loads(json.dumps(to_dict(state))), CollectionState)


def _figures(statement: CollectionStatement) -> tuple[Any, ...]:
    """Everything a statement says, and the state it carries out (with its ledger)."""
    return (
        statement.lines,
        statement.steps,
        statement.findings,
        statement.performance,
        statement.overdue,
        statement.matrix,
        statement.state_out,
        statement.total,
    )


def _li(
    policy: CollectionPolicy, receivables: Receivables, number: int, state: CollectionState
) -> CollectionStatement:
    return settle_month(
        policy,
        Period(year=2024, month=number),
        receivables,
        CollectionInputs(employee="li", state=state, **WAGES),
    )


# --- properties ---------------------------------------------------------------------------


@settings(max_examples=40)
@given(POLICIES, years(), st.booleans())
def test_a_year_settled_on_the_carried_ledger_equals_the_year_replayed_from_the_first_day(
    policy: CollectionPolicy, receivables: Receivables, stored: bool
) -> None:
    carried = replayed = CollectionState()
    for number in range(1, 13):
        state_in = _through_json(carried) if stored else carried
        if number > 1:
            assert state_in.ledger is not None
            assert (
                why_replayed(receivables, Period(year=2024, month=number).last_day, state_in.ledger)
                is None
            )
        on_carried = _outcome(_li, policy, receivables, number, state_in)
        on_replay = _outcome(_li, policy, receivables, number, _stripped(replayed))
        if not isinstance(on_replay, CollectionStatement):
            assert on_carried == on_replay  # refused the same way, naming the same item
            return
        assert isinstance(on_carried, CollectionStatement)
        assert _figures(on_carried) == _figures(on_replay)
        carried, replayed = on_carried.state_out, on_replay.state_out


def _known_on(receivables: Receivables, day: date) -> Receivables:
    """``receivables`` as the books stood on ``day``: what was issued, paid, reversed,
    credited and written off by then (every invoice, when a payment's customer would
    otherwise have none yet)."""
    events: dict[str, Any] = {
        "payments": tuple(p for p in receivables.payments if p.received_on <= day),
        "reversals": tuple(r for r in receivables.reversals if r.reversed_on <= day),
        "credit_notes": tuple(n for n in receivables.credit_notes if n.issued_on <= day),
        "write_offs": tuple(w for w in receivables.write_offs if w.written_off_on <= day),
    }
    issued = tuple(i for i in receivables.invoices if i.issued_on <= day)
    try:
        return attrs.evolve(receivables, invoices=issued, **events)
    except HRPolicyError:
        return attrs.evolve(receivables, **events)


@settings(max_examples=40)
@given(POLICIES, years(), st.booleans())
def test_a_year_settled_on_the_books_as_they_grow_month_by_month_equals_the_year_replayed(
    policy: CollectionPolicy, receivables: Receivables, stored: bool
) -> None:
    # Each month is settled on the books as they stood at its end — new invoices, new
    # payments — going on from the ledger the month before carried.
    carried = replayed = CollectionState()
    for number in range(1, 13):
        day = Period(year=2024, month=number).last_day
        books_then = _known_on(receivables, day)
        state_in = _through_json(carried) if stored else carried
        if number > 1:  # nothing dated back: the month goes on from the carried ledger
            assert state_in.ledger is not None
            assert why_replayed(books_then, day, state_in.ledger) is None
        on_carried = _outcome(_li, policy, books_then, number, state_in)
        on_replay = _outcome(_li, policy, books_then, number, _stripped(replayed))
        if not isinstance(on_replay, CollectionStatement):
            assert on_carried == on_replay
            return
        assert isinstance(on_carried, CollectionStatement)
        assert _figures(on_carried) == _figures(on_replay)
        carried, replayed = on_carried.state_out, on_replay.state_out


@settings(max_examples=60)
@given(years(), st.lists(dates(min_value=date(2024, 1, 1), max_value=LAST), max_size=6), st.data())
def test_the_ledger_carried_from_day_to_day_equals_the_ledger_replayed(
    receivables: Receivables, days: list[date], data: st.DataObject
) -> None:
    carried: CarriedLedger | None = None
    for day in sorted(days):
        replayed = _outcome(carried_ledger, receivables, day)
        if data.draw(st.booleans()) and carried is not None:  # read back from plain data
            carried = from_dict(json.loads(json.dumps(to_dict(carried))), CarriedLedger)
        goes_on = _outcome(carried_ledger, receivables, day, carried)
        assert goes_on == replayed
        if not isinstance(replayed, tuple) or isinstance(replayed[0], str):
            return
        assert replayed[0] == ledger(receivables, day)
        carried = goes_on[1]


@settings(max_examples=40)
@given(POLICIES, years(), st.integers(2, 12), st.data())
def test_an_event_dated_back_into_a_settled_month_gives_the_figures_of_a_replay(
    policy: CollectionPolicy, receivables: Receivables, number: int, data: st.DataObject
) -> None:
    months = [Period(year=2024, month=m) for m in range(1, number)]
    wages = {m: CollectionInputs(employee="li", **WAGES) for m in months}
    before = _outcome(settle_run, policy, months, receivables, "li", wages)
    if not isinstance(before, CollectionRun):
        reject()
    settled = Period(year=2024, month=number - 1).last_day
    issued = [i for i in receivables.invoices if i.issued_on <= settled]
    kind = data.draw(st.sampled_from(["payments", "credit_notes", "reversals"]))
    late: dict[str, Any]
    if kind == "payments" or not issued:
        kind = "payments"
        target = data.draw(st.sampled_from(issued or list(receivables.invoices)))
        day = data.draw(dates(min_value=min(target.issued_on, settled), max_value=settled))
        extra = Payment(
            payment_id="LATE",
            customer=target.customer,
            invoice_id=target.invoice_id
            if receivables.matching is MatchingRule.BY_INVOICE and target.issued_on <= day
            else None,
            received_on=day,
            amount=Decimal("50.00"),
            excess_reason="deposit",
        )
        if receivables.matching is MatchingRule.BY_INVOICE and extra.invoice_id is None:
            reject()
        late = {"payments": (*receivables.payments, extra)}
    elif kind == "credit_notes":
        target = data.draw(st.sampled_from(issued))
        note = CreditNote(
            note_id="LATE",
            invoice_id=target.invoice_id,
            issued_on=data.draw(dates(min_value=target.issued_on, max_value=settled)),
            amount=Decimal("0.01"),
            reason="price cut agreed late",
        )
        late = {"credit_notes": (*receivables.credit_notes, note)}
    else:
        reversed_ = {r.payment_id for r in receivables.reversals}
        paid = [
            p
            for p in receivables.payments
            if p.received_on <= settled and p.payment_id not in reversed_
        ]
        if not paid:
            reject()
        undone = data.draw(st.sampled_from(paid))
        reversal = Reversal(
            reversal_id="LATE",
            payment_id=undone.payment_id,
            reversed_on=data.draw(dates(min_value=undone.received_on, max_value=settled)),
            amount=Decimal("0.01"),
        )
        late = {"reversals": (*receivables.reversals, reversal)}
    changed = attrs.evolve(receivables, **late)
    state = before.state_out
    assert state.ledger is not None
    reason = why_replayed(changed, Period(year=2024, month=number).last_day, state.ledger)
    assert reason is not None
    assert kind.replace("_", " ") in reason
    on_carried = _outcome(_li, policy, changed, number, state)
    on_replay = _outcome(_li, policy, changed, number, _stripped(state))
    if isinstance(on_replay, CollectionStatement):
        assert isinstance(on_carried, CollectionStatement)
        assert _figures(on_carried) == _figures(on_replay)
    else:
        assert on_carried == on_replay


@settings(max_examples=40)
@given(POLICIES, years())
def test_a_team_year_on_the_carried_ledger_equals_the_team_year_replayed(
    policy: CollectionPolicy, receivables: Receivables
) -> None:
    people = [CollectionInputs(employee=name, **WAGES) for name in ("li", "wang")]
    every_month = {Period(year=2024, month=m): people for m in range(1, 13)}
    run = _outcome(settle_team_run, policy, Period(year=2024), receivables, every_month)
    states = {p.employee: CollectionState() for p in people}
    for number in range(1, 13):
        period = Period(year=2024, month=number)
        inputs = [attrs.evolve(p, state=_stripped(states[p.employee])) for p in people]
        replayed = _outcome(settle_team, policy, period, receivables, inputs)
        if isinstance(replayed[0], str):  # refused: the run is refused the same way
            assert isinstance(run, tuple)
            assert run[1].endswith(replayed[1])
            return
        assert not isinstance(run, tuple)
        carried = [s for s in run.statements if s.period == period]
        assert [_figures(s) for s in carried] == [_figures(s) for s in replayed]
        states = {s.employee: s.state_out for s in replayed}


# --- examples -----------------------------------------------------------------------------


def _books(*extra: Payment, **items: Any) -> Receivables:
    """Li's invoice A-01 of 100,000 (3,000 commission), paid 40,000 on 5 February and
    60,000 on 5 March, with ``extra`` payments and other events given by keyword."""
    return books(
        invoice("A-01", 100000, 3000, "2024-01-10"),
        payments=(
            payment("P1", 40000, "2024-02-05"),
            payment("P2", 60000, "2024-03-05"),
            *extra,
        ),
        **items,
    )


def _month(
    receivables: Receivables, number: int, state: CollectionState | None = None
) -> CollectionStatement:
    """Li's month of 2024 under the proportional policy, on ``state``."""
    return month(proportional_policy(), receivables, number, state, **WAGES)


def _replayed(receivables: Receivables, number: int, state: CollectionState) -> CollectionStatement:
    """The month settled on ``state`` without its carried ledger: replayed from 1 January."""
    return _month(receivables, number, _stripped(state))


def _portion(payment_id: str, day: str, amount: int) -> Portion:
    return Portion(
        payment_id=payment_id, received_on=date.fromisoformat(day), amount=Decimal(amount)
    )


def test_a_payment_in_march_settles_the_invoice_carried_from_february() -> None:
    receivables = _books()
    february = _month(receivables, 2)
    carried = february.state_out.ledger
    assert carried is not None
    assert carried.as_of == date(2024, 2, 29)
    assert carried.invoices == (
        CarriedInvoice(invoice_id="A-01", portions=(_portion("P1", "2024-02-05", 40000),)),
    )
    assert why_replayed(receivables, date(2024, 3, 31), carried) is None
    march = _month(receivables, 3, february.state_out)
    assert [(x.line_id, x.amount) for x in march.lines] == [("release/A-01", Decimal("1800.00"))]
    assert march.state_out.ledger is not None
    assert march.state_out.ledger.invoices[0].portions == (
        _portion("P1", "2024-02-05", 40000),
        _portion("P2", "2024-03-05", 60000),
    )
    assert _figures(march) == _figures(_replayed(receivables, 3, february.state_out))


def test_a_payment_booked_late_into_february_counts_when_march_is_settled() -> None:
    february = _month(_books(), 2)
    # After February was settled, 10,000 of the March payment turns out to have come in on
    # 20 February: March cannot go on from February's ledger, so it replays the year.
    late = books(
        invoice("A-01", 100000, 3000, "2024-01-10"),
        payments=(
            payment("P1", 40000, "2024-02-05"),
            payment("P-LATE", 10000, "2024-02-20"),
            payment("P2", 50000, "2024-03-05"),
        ),
    )
    carried = february.state_out.ledger
    assert carried is not None
    assert why_replayed(late, date(2024, 3, 31), carried) == (
        "the payments dated on or before 2024-02-29 are not those the ledger was carried "
        "with (one was added, changed or removed since, or the matching rule changed)"
    )
    march = _month(late, 3, february.state_out)
    assert march.state_out.ledger is not None
    assert [p.payment_id for p in march.state_out.ledger.invoices[0].portions] == [
        "P1",
        "P-LATE",
        "P2",
    ]
    assert march.state_out.accounts[0].released == Decimal("3000.00")
    assert _figures(march) == _figures(_replayed(late, 3, february.state_out))


def test_a_reversal_in_march_of_a_february_payment_claws_back_on_the_carried_ledger() -> None:
    bounced = Reversal(
        reversal_id="R1", payment_id="P1", reversed_on=date(2024, 3, 3), amount=Decimal(40000)
    )
    receivables = books(
        invoice("A-01", 100000, 3000, "2024-01-10"),
        payments=(payment("P1", 40000, "2024-02-05"),),
        reversals=(bounced,),
    )
    february = _month(receivables, 2)
    assert february.state_out.ledger is not None
    assert why_replayed(receivables, date(2024, 3, 31), february.state_out.ledger) is None
    march = _month(receivables, 3, february.state_out)
    # The 40 % collected is gone: its 1,200 is clawed back, recovered from the wage.
    assert [(x.line_id, x.amount) for x in march.lines] == [
        ("clawback/A-01", Decimal("-1200.00")),
        ("clawback#to-recovery", Decimal("1200.00")),
        ("clawback#recovery", Decimal("-1200.00")),
    ]
    assert march.state_out.ledger is not None
    assert march.state_out.ledger.invoices == ()  # nothing left collected on A-01
    assert _figures(march) == _figures(_replayed(receivables, 3, february.state_out))


def test_a_credit_note_dated_back_into_january_is_counted_when_march_is_settled() -> None:
    february = _month(_books(), 2)
    returned = CreditNote(
        note_id="C1",
        invoice_id="A-01",
        issued_on=date(2024, 1, 31),
        amount=Decimal(20000),
        reason="goods returned",
    )
    late = books(
        invoice("A-01", 100000, 3000, "2024-01-10"),
        payments=(payment("P1", 40000, "2024-02-05"), payment("P2", 40000, "2024-03-05")),
        credit_notes=(returned,),
    )
    assert february.state_out.ledger is not None
    reason = why_replayed(late, date(2024, 3, 31), february.state_out.ledger)
    assert reason is not None
    assert reason.startswith("the credit notes dated on or before 2024-02-29 are not those")
    march = _month(late, 3, february.state_out)
    assert _figures(march) == _figures(_replayed(late, 3, february.state_out))
    assert march.state_out.ledger is not None
    assert march.state_out.ledger.invoices[0].credited == Decimal("20000.00")
    assert march.state_out.accounts[0].released == Decimal("2400.00")  # 3,000 × 80,000 / 100,000


def test_a_customer_advance_carried_from_january_is_still_reported_in_march() -> None:
    receivables = books(
        invoice("A-01", 100000, 3000, "2024-01-10"),
        payments=(payment("P0", 120000, "2024-01-15", excess_reason="advance"),),
    )
    january = _month(receivables, 1)
    assert january.state_out.ledger is not None
    assert january.state_out.ledger.credits == (
        CarriedCredit(payment_id="P0", amount=Decimal("20000.00")),
    )
    february = _month(receivables, 2, january.state_out)
    march = _month(receivables, 3, february.state_out)
    assert [f.code for f in march.findings] == ["unapplied_credit"]
    assert _figures(march) == _figures(_replayed(receivables, 3, february.state_out))


def test_a_state_from_a_later_month_is_not_continued_and_the_month_replays() -> None:
    receivables = _books()
    march = _month(receivables, 3)
    assert march.state_out.ledger is not None
    assert why_replayed(receivables, date(2024, 2, 29), march.state_out.ledger) == (
        "the ledger carried is that of 2024-03-31, after 2024-02-29"
    )
    again = _month(receivables, 2, march.state_out)
    assert _figures(again) == _figures(_replayed(receivables, 2, march.state_out))


def test_a_month_settled_again_on_its_own_state_goes_on_from_its_own_ledger() -> None:
    receivables = _books()
    march = _month(receivables, 3)
    assert march.state_out.ledger is not None
    assert why_replayed(receivables, date(2024, 3, 31), march.state_out.ledger) is None
    again = _month(receivables, 3, march.state_out)
    assert (again.total, again.state_out) == (Decimal("0.00"), march.state_out)


def test_a_carried_ledger_whose_figures_were_edited_is_refused_naming_the_checksum() -> None:
    state = _month(_books(), 2).state_out
    data = json.loads(json.dumps(to_dict(state)))
    data["ledger"]["invoices"][0]["portions"][0]["amount"] = "90000.00"
    with pytest.raises(
        ConversionError, match=r"\$\.ledger\.checksum: expected [0-9a-f]{32}, the checksum"
    ):
        from_dict(data, CollectionState)


def test_a_carried_ledger_naming_an_invoice_the_receivables_lack_is_refused() -> None:
    receivables = _books()
    carried = _month(receivables, 2).state_out.ledger
    assert carried is not None
    stranger = (CarriedInvoice(invoice_id="Z-99", credited=Decimal(5)),)
    forged = CarriedLedger(
        as_of=carried.as_of,
        events=carried.events,
        invoices=stranger,
        checksum=carried_checksum(carried.as_of, carried.events, stranger, ()),
    )
    with pytest.raises(
        InvalidValueError,
        match=r"CarriedLedger.invoices\[0\].invoice_id: expected an invoice of the "
        r"receivables issued by 2024-02-29, got str 'Z-99'",
    ):
        carried_ledger(receivables, date(2024, 3, 31), forged)


def test_a_state_written_in_format_2_still_loads_and_the_next_month_replays() -> None:
    data = json.loads((DATA / "format-2-state-bad-debt-february.json").read_text("utf-8"))
    assert data["format"] == 2
    state = from_dict(data, CollectionState)
    _, february, march = example_bad_debt()
    assert state.ledger is None
    assert state == _stripped(february.state_out)
    assert (
        why_replayed(march.receivables, date(2024, 3, 31), state.ledger) == "no ledger is carried"
    )
    again = settle_month(
        march.policy, march.period, march.receivables, attrs.evolve(march.inputs, state=state)
    )
    assert _figures(again) == _figures(march)


def test_a_statement_and_a_run_written_in_format_2_still_load_without_a_carried_ledger() -> None:
    data = json.loads((DATA / "format-2-statement-bad-debt-march.json").read_text("utf-8"))
    assert data["format"] == 2
    statement = from_dict(data, CollectionStatement)
    march = example_bad_debt()[-1]
    assert statement.state_out.ledger is None
    assert _figures(statement)[:-2] == _figures(march)[:-2]
    assert statement.state_out == _stripped(march.state_out)
    data = json.loads((DATA / "format-2-run-four-invoices-first-quarter.json").read_text("utf-8"))
    run = from_dict(data, CollectionRun)
    assert [s.state_out.ledger for s in run.statements] == [None, None, None]
    assert run.total == Decimal("300.00")
    data["statements"][1]["lines"][0]["amount"] = "1.00"  # still checked, line by line
    with pytest.raises(ConversionError, match=r"\$\.statements\[1\]\.lines\[0\]\.amount"):
        from_dict(data, CollectionRun)
