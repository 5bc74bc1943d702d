"""The core checks take what data frames hand them: NumPy scalars, pandas timestamps,
datetime64 values; they refuse floats, a time of day and a float turned Decimal, saying why."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest

from hrpolicy.collection import Invoice, MatchingRule, Receivables
from hrpolicy.commission import Deal
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.money import Rate, parse_decimal, parse_money
from hrpolicy.reports import CallDay, Expense
from hrpolicy.reports.model import WeeklyReport


def _deal(**changes: Any) -> Deal:
    fields: dict[str, Any] = {
        "deal_id": "C-1",
        "owner": "li",
        "signed_on": date(2024, 3, 4),
        "amount": Decimal(5),
        **changes,
    }
    return Deal(**fields)


def _build(cls: Any, **fields: Any) -> Any:
    return cls(**fields)


def test_a_numpy_integer_amount_is_read_as_the_int_it_holds() -> None:
    assert parse_money(np.int64(6000), field="amount") == Decimal(6000)
    assert parse_decimal(np.int32(-3), field="units") == Decimal(-3)
    assert Rate.parse(np.int64(1)).value == Decimal(1)


def test_a_numpy_float_amount_is_refused_like_a_python_float() -> None:
    with pytest.raises(InvalidTypeError, match="floats are not accepted"):
        parse_money(np.float64(1.5), field="amount")
    with pytest.raises(InvalidTypeError, match="got float32"):
        parse_money(np.float32(1.5), field="amount")


def test_a_numpy_bool_is_refused_as_an_amount_but_read_as_a_yes_or_no() -> None:
    with pytest.raises(InvalidTypeError):
        parse_money(np.True_, field="amount")
    expense = _build(
        Expense,
        expense_id="E1",
        on=date(2024, 3, 4),
        amount=Decimal(10),
        category="taxi",
        travel=np.True_,
    )
    assert expense.travel is True


def test_a_decimal_made_from_a_float_is_refused_saying_so_and_what_to_do() -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse_money(Decimal(float("18771.97")), field="Deal.amount")
    message = str(caught.value)
    assert "looks like a float converted to Decimal" in message
    assert "dtype=str" in message
    assert "at most 18 decimal places" not in message


def test_a_decimal_with_too_many_places_that_no_float_holds_keeps_the_places_message() -> None:
    with pytest.raises(InvalidValueError, match="at most 18 decimal places"):
        parse_decimal(Decimal("0." + "1" * 25), field="units")


def test_a_midnight_pandas_timestamp_is_read_as_the_date_it_names() -> None:
    deal = _deal(signed_on=pd.Timestamp("2024-03-04"))
    assert deal.signed_on == date(2024, 3, 4)
    assert type(deal.signed_on) is date


def test_a_whole_day_datetime64_is_read_as_a_date() -> None:
    assert _build(CallDay, on=np.datetime64("2024-03-04"), calls=3).on == date(2024, 3, 4)
    midnight = np.datetime64("2024-03-04T00:00", "ns")
    assert _build(CallDay, on=midnight, calls=3).on == date(2024, 3, 4)


@pytest.mark.parametrize(
    "moment",
    [pd.Timestamp("2024-03-04 09:30"), np.datetime64("2024-03-04T09:30")],
)
def test_a_timestamp_with_a_time_of_day_is_refused_for_a_date_field(moment: object) -> None:
    with pytest.raises(InvalidValueError, match="without a time of day"):
        _deal(signed_on=moment)


def test_a_timestamp_with_a_time_zone_or_a_missing_date_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="no time zone"):
        _deal(signed_on=pd.Timestamp("2024-03-04", tz="UTC"))
    with pytest.raises(InvalidValueError, match="NaT"):
        _deal(signed_on=pd.NaT)
    with pytest.raises(InvalidValueError, match="NaT"):
        _deal(signed_on=np.datetime64("NaT"))


def test_a_python_datetime_is_still_refused_for_a_date_field() -> None:
    with pytest.raises(InvalidTypeError, match="time of day would be lost"):
        _deal(signed_on=datetime(2024, 3, 4))


def test_a_pandas_timestamp_is_read_for_a_time_field_unless_it_holds_nanoseconds() -> None:
    convert: Any = attrs.fields_dict(WeeklyReport)["submitted_at"].converter
    assert convert(pd.Timestamp("2024-03-11 09:00")) == datetime(2024, 3, 11, 9)
    with pytest.raises(InvalidValueError, match="whole microseconds"):
        convert(pd.Timestamp("2024-03-11 09:00:00.000000001"))


def test_a_numpy_integer_is_read_as_an_int_for_a_count_field() -> None:
    invoice = Invoice(
        invoice_id="A-01",
        customer="ACME",
        salesperson="li",
        issued_on=date(2024, 1, 10),
        amount=Decimal(100),
        commission=Decimal(3),
        credit_days=np.int64(30),
    )
    assert invoice.credit_days == 30
    assert type(invoice.credit_days) is int


def test_a_numpy_bool_or_float_is_refused_for_a_count_field() -> None:
    for bad in (np.True_, np.float64(30)):
        with pytest.raises(InvalidTypeError, match=r"Invoice\.credit_days: expected an int"):
            Invoice(
                invoice_id="A-01",
                customer="ACME",
                salesperson="li",
                issued_on=date(2024, 1, 10),
                amount=Decimal(100),
                commission=Decimal(3),
                credit_days=bad,  # type: ignore[arg-type]
            )


def test_a_list_field_takes_a_numpy_array_or_a_pandas_series_of_objects() -> None:
    invoice = Invoice(
        invoice_id="A-01",
        customer="ACME",
        salesperson="li",
        issued_on=date(2024, 1, 10),
        amount=Decimal(100),
        commission=Decimal(3),
    )
    for column in (np.array([invoice], dtype=object), pd.Series([invoice])):
        receivables = Receivables(invoices=column, matching=MatchingRule.FIFO)  # type: ignore[arg-type]
        assert receivables.invoices == (invoice,)
    table = np.array([[invoice]], dtype=object)
    with pytest.raises(InvalidTypeError, match=r"Receivables\.invoices"):
        Receivables(invoices=table, matching=MatchingRule.FIFO)  # type: ignore[arg-type]
