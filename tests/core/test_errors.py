"""Error messages show what came in a short form: the type and the value as a person
would write it, an object by its id, a long value cut short — never a whole repr."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.bonds import settle
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.collection import CollectionVersion, DaysToCollect, OnInvoice
from hrpolicy.collection.examples import DAYS_TO_COLLECT
from hrpolicy.commission import Credit, PoolShare
from hrpolicy.core import BandTable, Semantics, Side, allocate
from hrpolicy.core.errors import describe
from hrpolicy.core.money import Rate


def test_one_agreement_given_where_a_list_is_expected_is_named_by_its_id() -> None:
    case = electrician_case()
    with pytest.raises(InvalidTypeError) as caught:
        settle(case.agreements[0], case.employment, case.separation)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message == (
        "agreements: expected a list or tuple of BondAgreement, "
        "got BondAgreement(id='SP-2010-017', …)"
    )


def test_a_rate_in_an_error_reads_as_written() -> None:
    assert describe(Rate.parse("40%")) == "Rate 40%"
    assert describe(Decimal("0.40")) == "Decimal 0.40"


def test_an_object_without_an_id_is_shown_by_its_class_only() -> None:
    assert describe(OnInvoice()) == "OnInvoice(…)"


def test_a_table_given_a_release_rule_names_the_rule_briefly() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        DaysToCollect(table=OnInvoice())  # type: ignore[arg-type]
    assert str(caught.value) == "DaysToCollect.table: expected BandTable, got OnInvoice(…)"


def test_a_very_long_text_is_cut_and_its_length_given() -> None:
    assert describe("a" * 5000).endswith("…' (5000 characters)")
    assert len(describe("a" * 5000)) < 90


def test_a_huge_integer_is_described_by_its_number_of_digits() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Rate.parse(10**5000)
    assert str(caught.value).endswith("got int with 5001 digits")


def test_a_days_to_collect_rule_on_invoice_release_is_named_briefly() -> None:
    with pytest.raises(InvalidValueError) as caught:
        CollectionVersion(
            version="v1",
            effective_from=date(2024, 1, 1),
            release=OnInvoice(),
            days_to_collect=DaysToCollect(table=DAYS_TO_COLLECT),
        )
    assert str(caught.value).endswith("got DaysToCollect(…)")


def test_deeply_nested_lists_are_described_without_a_crash() -> None:
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    assert describe(nested) == "list [[[[...]]]]"


def test_an_optional_rate_is_read_from_its_text_like_any_rate() -> None:
    # Text for a rate is accepted at run time (the annotations say Rate: see docs/core.md).
    pool = PoolShare(role="manager", share="60%", minimum="50%")  # type: ignore[arg-type]
    assert pool.minimum == Rate.parse("50%")
    credit = Credit(employee="li", role="sales", share="40%")  # type: ignore[arg-type]
    assert credit.share == Rate.parse("0.4")


def test_errors_about_numbers_too_long_to_write_still_name_the_field() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"rows\[0\]: .*got list \[with 5001 digits\]"):
        BandTable.from_rows([[10**5000]], closed=Side.UPPER, semantics=Semantics.MARGINAL)
    with pytest.raises(InvalidTypeError, match=r"got Fraction \(5001 digits\)/1$"):
        Rate.parse(Fraction(10**5000))
    with pytest.raises(InvalidValueError, match=r"parts\[0\]: expected a number between"):
        allocate([Decimal("1E+5000")])


def test_a_date_and_time_is_shown_in_iso_form() -> None:
    assert describe(datetime(2024, 3, 12, 15, 0)) == "datetime 2024-03-12T15:00:00"
