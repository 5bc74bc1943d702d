"""Every class ``hrpolicy.collection`` exports is built by keyword and refuses a missing
field, an unknown one or a value of the wrong kind with the library's typed error, the
figures a statement reads included."""

from __future__ import annotations

import enum
import inspect
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, core
from hrpolicy import collection as c
from hrpolicy.collection.examples import overdue_policy
from tests.collection.helpers import books, invoice, month, payment

CLASSES = [
    getattr(c, name)
    for name in c.__all__
    if inspect.isclass(getattr(c, name))
    and attrs.has(getattr(c, name))
    and not issubclass(getattr(c, name), enum.Enum)
    and getattr(core, name, None) is not getattr(c, name)
]


def _required(cls: type) -> list[str]:
    return [f.alias for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING]


def test_the_readings_the_deductions_and_the_ledger_are_among_the_classes_checked() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"OverdueReading", "MatrixReading", "PerformanceDeduction", "Ledger"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_collection_object_with_an_unknown_field_is_refused_naming_it(cls: type) -> None:
    # Every required field named (the unknown one is refused before any value is read).
    given = dict.fromkeys(_required(cls))
    with pytest.raises(InvalidTypeError, match=rf"^{cls.__name__}\.colour: expected one of"):
        cls(**given, colour="red")


@pytest.mark.parametrize(
    "cls", [cls for cls in CLASSES if _required(cls)], ids=lambda cls: cls.__name__
)
def test_a_collection_object_missing_a_required_field_is_refused_naming_it(cls: type) -> None:
    with pytest.raises(
        InvalidTypeError,
        match=rf"^{cls.__name__}\.{_required(cls)[0]}: expected a value for this required",
    ):
        cls()


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_collection_object_given_positional_arguments_is_refused(cls: type) -> None:
    with pytest.raises(InvalidTypeError, match=rf"^{cls.__name__}: expected keyword arguments"):
        cls("x")


def test_a_reading_with_a_float_or_a_negative_figure_is_refused_naming_the_field() -> None:
    with pytest.raises(
        InvalidTypeError,
        match=r"^OverdueReading\.multiplier: expected an exact number \(Fraction, Decimal or "
        r"int; not a float\), got float 0\.8$",
    ):
        c.OverdueReading(
            overdue_weighted=Fraction(0),
            receivable_weighted=Fraction(1),
            multiplier=0.8,  # type: ignore[arg-type]
        )
    with pytest.raises(
        InvalidValueError, match=r"^MatrixReading\.collection_rate: expected a number of zero"
    ):
        c.MatrixReading(
            completion=Decimal(1),
            collection_rate=Fraction(-1, 2),
            invoices_due=1,
            coefficient=Fraction(1),
        )
    with pytest.raises(InvalidValueError, match=r"^PerformanceDeduction\.days_overdue: expected"):
        c.PerformanceDeduction(
            invoice_id="I1",
            net_amount=Decimal(100),
            open_balance=Decimal(100),
            days_overdue=0,
            rate=Fraction(1, 5),
            deduction=Decimal(20),
        )


def test_a_reading_built_by_hand_reads_like_the_engines() -> None:
    # The overdue reading of the readings tests' March, from its two sums.
    receivables = books(
        invoice("I1", issued="2024-02-01"),
        invoice("I2", 50000, 1500, issued="2024-03-01", credit_days=60),
        payments=(
            payment("P1", 60000, "2024-03-01", invoice_id="I1"),
            payment("P2", 25000, "2024-03-15", invoice_id="I2"),
        ),
        matching=c.MatchingRule.BY_INVOICE,
    )
    engine = month(overdue_policy(), receivables, 3).overdue
    by_hand = c.OverdueReading(
        overdue_weighted=Fraction(1160000),
        receivable_weighted=Fraction(2700000),
        multiplier=Fraction(4, 5),
    )
    assert by_hand == engine
    assert by_hand.index == Fraction(58, 135)


def test_a_ledger_refuses_a_position_filed_under_another_invoice() -> None:
    book = c.ledger(books(invoice("I1"), invoice("I2")), date(2024, 1, 31))
    with pytest.raises(
        InvalidValueError,
        match=r"^Ledger\.positions\['I2'\]: expected the position of invoice I2, got str 'I1'$",
    ):
        c.Ledger(as_of=book.as_of, positions={"I2": book.of("I1")}, unapplied=())
    with pytest.raises(InvalidTypeError, match=r"^Ledger\.unapplied\[0\]: expected a \(customer"):
        c.Ledger(as_of=book.as_of, positions={}, unapplied=[("ACME", Decimal(5))])
