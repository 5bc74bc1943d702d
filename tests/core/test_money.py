"""Money and rates: exact Decimal CNY, floats refused, half-up rounding at declared points."""

from __future__ import annotations

import decimal
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core import (
    InvalidTypeError,
    InvalidValueError,
    Rate,
    allocate,
    format_exact,
    money_sum,
    parse_money,
    round_money,
)
from hrpolicy.core.errors import HRPolicyError
from hrpolicy.core.label import Label
from hrpolicy.strategies import amounts, rates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (6000, Decimal("6000")),
        ("6000.50", Decimal("6000.50")),
        (Decimal("0.01"), Decimal("0.01")),
        (" 1_000 ", Decimal("1000")),
        ("12.300", Decimal("12.300")),
    ],
)
def test_money_is_read_from_decimals_ints_and_numeric_strings(
    value: object, expected: Decimal
) -> None:
    assert parse_money(value, field="amount") == expected


@pytest.mark.parametrize("value", [6000.0, 0.1, True])
def test_floats_and_booleans_are_never_money(value: object) -> None:
    with pytest.raises(InvalidTypeError, match="amount: expected an amount in CNY"):
        parse_money(value, field="amount")


@pytest.mark.parametrize(
    "value", ["six thousand", "NaN", "Infinity", Decimal("NaN"), "1e999999999999", "1e18", "1e-19"]
)
def test_text_that_is_not_a_finite_number_is_refused(value: object) -> None:
    with pytest.raises(InvalidValueError):
        parse_money(value, field="amount")


def test_amounts_finer_than_one_fen_are_refused_not_rounded() -> None:
    with pytest.raises(InvalidValueError, match="at most 2 decimal places"):
        parse_money("10.005", field="amount")


def test_negative_amounts_are_refused_where_the_field_says_so() -> None:
    assert parse_money("-3", field="adjustment") == Decimal("-3")
    with pytest.raises(InvalidValueError, match="zero or more"):
        parse_money("-3", field="fee", non_negative=True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(1, 200), "0.01"),
        (Fraction(-1, 200), "-0.01"),
        (Decimal("2.675"), "2.68"),
        (Decimal("2.665"), "2.67"),
        (Fraction(5000, 3), "1666.67"),
        (Fraction(1, 1000), "0.00"),
        (7, "7.00"),
    ],
)
def test_rounding_is_half_up_to_the_fen(value: Decimal | Fraction | int, expected: str) -> None:
    assert round_money(value) == Decimal(expected)
    assert str(round_money(value)) == expected


def test_results_do_not_depend_on_the_callers_decimal_context() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        assert round_money(Decimal("2000.005")) == Decimal("2000.01")
        assert round_money(Fraction(4000011, 2000)) == Decimal("2000.01")
        assert money_sum([Decimal("1234.56"), Decimal("7890.12")]) == Decimal("9124.68")
        assert Rate.parse("1.5%").of(Decimal("123456.78")) == Decimal("1851.8517")


@given(amounts(min_value=-(10**9), max_value=10**9))
def test_rounding_an_amount_already_in_fen_changes_nothing(amount: Decimal) -> None:
    assert round_money(amount) == amount


@given(
    st.fractions(min_value=-(10**6), max_value=10**6),
    st.fractions(min_value=-(10**6), max_value=10**6),
)
def test_rounding_is_monotone(a: Fraction, b: Fraction) -> None:
    low, high = sorted((a, b))
    assert round_money(low) <= round_money(high)


@given(st.integers(-(10**17), 10**17), st.integers(0, 6))
def test_a_fraction_rounds_to_the_same_fen_and_text_as_its_exact_decimal(
    numerator: int, places: int
) -> None:
    value = Fraction(numerator, 10**places)
    as_decimal = Decimal(numerator).scaleb(-places)
    assert str(round_money(value)) == str(round_money(as_decimal))


@given(st.fractions(min_value=-(10**6), max_value=10**6))
def test_rounding_moves_a_value_by_at_most_half_a_fen(value: Fraction) -> None:
    assert abs(Fraction(round_money(value)) - value) <= Fraction(1, 200)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5%", "0.05"),
        ("5‰", "0.005"),
        ("0.05", "0.05"),
        ("1.5 %", "0.015"),
        ("５％", "0.05"),
        ("100%", "1"),
        ("0", "0"),
    ],
)
def test_rates_are_read_from_percent_per_mille_and_fractions(text: str, value: str) -> None:
    assert Rate.parse(text).value == Decimal(value)


def test_rates_keep_their_notation_but_compare_by_value() -> None:
    assert Rate.parse("5‰") == Rate.parse("0.5%") == Rate.parse(Decimal("0.005"))
    assert str(Rate.parse("5‰")) == "5‰"
    assert len({Rate.parse("5‰"), Rate.parse("0.005")}) == 1
    assert Rate.parse("1%") < Rate.parse("2%")


@pytest.mark.parametrize("bad", [0.05, "five percent", "%", None, [5]])
def test_a_rate_that_cannot_be_read_is_refused(bad: object) -> None:
    with pytest.raises(HRPolicyError):
        Rate.parse(bad)


@given(rates(max_value=5))
def test_a_rate_survives_being_written_out_and_read_back(rate: Rate) -> None:
    assert Rate.parse(rate.notation) == rate


def test_exact_values_print_in_full_or_with_an_ellipsis() -> None:
    assert format_exact(Fraction(11000, 6)) == "1833.3333333333…"
    assert format_exact(Fraction(7, 8)) == "0.875"
    assert format_exact(Decimal("6000.00")) == "6000"


def test_errors_survive_pickling_for_multiprocessing() -> None:
    err = InvalidTypeError("CostItem.amount", "an amount in CNY", 1.5)
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err)
    assert again.actual == 1.5


@pytest.mark.parametrize("bad", [2.675, True, "2.675", None])
def test_only_exact_numbers_are_rounded(bad: object) -> None:
    with pytest.raises(InvalidTypeError, match="not a float"):
        round_money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity")])
def test_only_finite_numbers_are_rounded(bad: Decimal) -> None:
    with pytest.raises(InvalidValueError, match="finite"):
        round_money(bad)


def test_a_rate_built_from_its_value_alone_writes_the_value_as_its_notation() -> None:
    rate = Rate(value=Decimal("0.2"))
    assert rate == Rate.parse("20%")
    assert str(rate) == "0.2"


def test_a_rate_built_without_a_value_names_the_missing_field() -> None:
    with pytest.raises(InvalidTypeError, match=r"Rate\.value: expected a value for this required"):
        Rate()  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match="Rate: expected keyword arguments only"):
        Rate(Decimal("0.2"))  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match=r"Rate\.rate: expected one of the fields"):
        Rate(value=Decimal("0.2"), rate="20%")  # type: ignore[call-arg]


def test_a_label_of_numbers_is_refused_naming_the_language() -> None:
    with pytest.raises(InvalidTypeError, match=r"Label\.en: expected a str, got int 2"):
        Label("二", 2)  # type: ignore[arg-type]


@given(st.lists(st.fractions(min_value=-(10**6), max_value=10**6), max_size=30))
def test_shares_allocated_add_up_to_the_rounded_total_and_each_is_within_a_fen(
    parts: list[Fraction],
) -> None:
    shares = allocate(parts)
    assert sum(shares, Decimal(0)) == round_money(sum(parts, Fraction(0)))
    for share, part in zip(shares, parts, strict=True):
        assert abs(Fraction(share) - part) < Fraction(1, 100)


def test_allocate_is_exported_from_the_core_and_refuses_floats() -> None:
    with pytest.raises(InvalidTypeError, match=r"parts\[1\]: expected an exact number"):
        allocate([Fraction(1, 3), 0.5])  # type: ignore[list-item]


def test_a_rate_whose_notation_says_another_rate_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Rate\.notation: expected a notation of"):
        Rate(value=Decimal("0.2"), notation="30%")
    with pytest.raises(InvalidValueError, match=r"Rate\.notation"):
        Rate(value=Decimal("0.2"), notation="banana")
    assert Rate(value=Decimal("0.005"), notation="5‰") == Rate.parse("0.5%")


@given(rates())
def test_a_rate_built_from_its_value_and_notation_is_the_rate_parsed(rate: Rate) -> None:
    assert Rate(value=rate.value, notation=rate.notation) == rate
    assert Rate.parse(rate.notation).value == rate.value


def test_an_amount_written_with_a_billion_zero_places_is_read_with_at_most_eighteen() -> None:
    amount = parse_money("0E-1000000000", field="amount")
    assert amount == 0
    assert len(format(amount, "f")) <= 20
    assert str(parse_money("12.30000000000000000000000", field="amount")) == "12.300000000000000000"


@given(
    st.fractions(min_value=-(10**15), max_value=10**15, max_denominator=10**6)
    | st.integers(-(10**9), 10**9).map(Fraction)
    | st.fractions(min_value=-(10**17), max_value=10**17)
)
def test_rounding_to_the_fen_equals_half_up_decimal_rounding_of_the_exact_value(
    value: Fraction,
) -> None:
    # An independent reference: the quotient in 60-digit decimal arithmetic, rounded half up.
    wide = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)
    quotient = wide.divide(Decimal(value.numerator), Decimal(value.denominator))
    expected = quotient.quantize(Decimal("0.01"), context=wide)
    rounded = round_money(value)
    assert rounded == expected
    assert rounded.as_tuple().exponent == -2


@given(st.sampled_from([-1, 1]), st.integers(1, 1000))
def test_an_exact_value_just_below_ten_to_the_eighteen_rounds_and_one_at_it_is_refused(
    sign: int, denominator: int
) -> None:
    below = Fraction(sign * (10**18 * denominator - 1), denominator)
    assert abs(round_money(below)) <= Decimal(10**18)
    with pytest.raises(InvalidValueError, match=r"^value: expected a number below 10\^18"):
        round_money(Fraction(sign * 10**18 * denominator, denominator))
    with pytest.raises(InvalidValueError, match=r"^value: expected a number below 10\^18"):
        round_money(sign * 10**18)
