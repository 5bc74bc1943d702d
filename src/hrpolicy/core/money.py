"""Money and rates: exact, in CNY, never floats.

Amounts are :class:`decimal.Decimal` values in yuan (元). They enter through
:func:`parse_money`, which takes a ``Decimal``, an ``int`` or a numeric string and refuses
``float`` (binary floats cannot hold 0.10 exactly), ``bool``, NaN and infinities, and any
amount finer than one fen (0.01).

Engines compute with exact rationals (:class:`fractions.Fraction`) and round **once**, half
up (四舍五入, ties away from zero), to 0.01 at the points their rules declare, using
:func:`round_money`. Nothing here reads or depends on the ambient :mod:`decimal` context.

>>> parse_money("6000", field="amount")
Decimal('6000')
>>> round_money(Fraction(11000, 6))
Decimal('1833.33')
>>> round_money(Decimal("0.125")), round_money(Decimal("-0.125"))
(Decimal('0.13'), Decimal('-0.13'))
>>> Rate.parse("5‰").value, Rate.parse("5%").value, Rate.parse("0.05").value
(Decimal('0.005'), Decimal('0.05'), Decimal('0.05'))
"""

from __future__ import annotations

import decimal
import math
import numbers
import operator
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.core.checked import checked
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "CENT",
    "EXACT",
    "FROM_FLOAT",
    "ZERO",
    "Rate",
    "allocate",
    "exact",
    "fen_to_money",
    "format_exact",
    "is_numpy_bool",
    "money_sum",
    "parse_decimal",
    "parse_money",
    "round_money",
]

ZERO: Final = Decimal("0.00")
CENT: Final = Decimal("0.01")

#: A context used for the few Decimal operations the library performs itself. Generous
#: precision and the ``Inexact`` trap mean it either computes exactly or raises: it never
#: rounds silently, whatever context the caller has set.
EXACT: Final = decimal.Context(
    prec=120,
    rounding=decimal.ROUND_HALF_UP,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact],
)

_MONEY_EXPECTED: Final = "an amount in CNY as Decimal, int or numeric str (floats are not accepted)"

#: Bounds on every number read: far beyond any real amount or rate, and small enough that
#: the library's exact arithmetic never needs more precision than ``EXACT`` has.
_LIMIT: Final = Decimal("1e18")
_LIMIT_INT: Final = 10**18
_MAX_PLACES: Final = 18
_TINY: Final = Decimal("1e-18")

# Quantizing to check for extra decimal places must not trap on Inexact; this context
# only ever quantizes to a precision far below its own.
_LOOSE: Final = decimal.Context(prec=120, rounding=decimal.ROUND_HALF_UP)


def parse_decimal(
    value: object, *, field: str, expected: str = "a Decimal, int or numeric str"
) -> Decimal:
    """Turn a ``Decimal``, ``int`` or numeric ``str`` into a finite ``Decimal``.

    Any integer type counts as an ``int`` (a NumPy ``int64`` from a data frame too: it is
    read through :func:`operator.index`, without importing NumPy). ``float`` (NumPy floats
    included), ``bool`` (NumPy's too) and any other non-integral number are refused with
    :class:`~hrpolicy.core.errors.InvalidTypeError`; text that is not a number, NaN and
    infinities with :class:`~hrpolicy.core.errors.InvalidValueError`. A ``Decimal`` made
    from a float (``Decimal(0.1)``: dozens of binary digits beyond the 18 places allowed)
    is refused with a message saying so and what to do instead.

    >>> parse_decimal(" 2.50 ", field="multiple")
    Decimal('2.50')
    >>> parse_decimal(2.5, field="multiple")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidTypeError: multiple: expected a Decimal, ..., got float 2.5
    >>> parse_decimal(Decimal(18771.97), field="amount")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: amount: expected an exact number, not a float: this
    looks like a float converted to Decimal: read money as text (dtype=str) or as Arrow
    decimals, or use the float opt-in of hrpolicy.tables, got Decimal 18771.9700000000011...
    """
    if isinstance(value, (bool, float)) or is_numpy_bool(value):
        raise InvalidTypeError(field, expected, value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, numbers.Integral):
        result = Decimal(operator.index(value))
    elif isinstance(value, str):
        text = value.strip().replace("_", "")
        try:
            result = Decimal(text)
        except decimal.InvalidOperation:
            raise InvalidValueError(field, expected, value) from None
    else:
        raise InvalidTypeError(field, expected, value)
    if not result.is_finite():
        raise InvalidValueError(field, "a finite number", value)
    exponent = result.as_tuple().exponent
    too_fine = (
        isinstance(exponent, int)
        and exponent < -_MAX_PLACES
        and result != result.quantize(_TINY, context=_LOOSE)
    )
    if too_fine and _from_float(result):
        raise InvalidValueError(field, FROM_FLOAT, value)
    if result.adjusted() >= _LIMIT.adjusted() or too_fine:
        raise InvalidValueError(
            field,
            f"a number below 10^{_LIMIT.adjusted()} with at most {_MAX_PLACES} decimal places",
            value,
        )
    if isinstance(exponent, int) and exponent < -_MAX_PLACES:
        # Only zeros lie beyond the 18th place: drop them, or "0E-1000000000" would be
        # written out as a billion digits wherever the number is shown.
        result = result.quantize(_TINY, context=_LOOSE)
    return result


#: What a message says of a ``Decimal`` holding a binary float's exact value.
FROM_FLOAT: Final = (
    "an exact number, not a float: this looks like a float converted to Decimal: read money "
    "as text (dtype=str) or as Arrow decimals, or use the float opt-in of hrpolicy.tables"
)


def _from_float(number: Decimal) -> bool:
    """Whether ``number`` is exactly a binary float's value (``Decimal(0.1)``): only asked
    of numbers with more places than any written amount has."""
    try:
        as_float = float(number)
    except OverflowError:  # pragma: no cover - beyond every float
        return False
    return math.isfinite(as_float) and Decimal(as_float) == number


def is_numpy_bool(value: object) -> bool:
    """A NumPy ``bool`` (not a Python ``bool`` subclass), told by its type without
    importing NumPy."""
    kind = type(value)
    return kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_")


def parse_money(value: object, *, field: str, non_negative: bool = False) -> Decimal:
    """Validate an amount of money in CNY and return it as a ``Decimal``.

    The amount must be finite, have at most two decimal places (one fen), and be
    non-negative when ``non_negative`` is set.

    >>> parse_money("3000.50", field="collected")
    Decimal('3000.50')
    >>> parse_money("0.001", field="fee")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: fee: expected ... at most 2 ..., got str '0.001'
    >>> parse_money(-5, field="fee", non_negative=True)
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: fee: expected an amount of zero or more, got int -5
    """
    result = parse_decimal(value, field=field, expected=_MONEY_EXPECTED)
    exponent = result.as_tuple().exponent
    if (
        isinstance(exponent, int)
        and exponent < -2
        and result != result.quantize(CENT, context=_LOOSE)
    ):
        raise InvalidValueError(field, "an amount with at most 2 decimal places (fen)", value)
    if non_negative and result < 0:
        raise InvalidValueError(field, "an amount of zero or more", value)
    return result


def _ratio_maker() -> Callable[[int, int], Fraction]:
    """How the integer path makes ``Fraction(numerator, denominator)`` (a positive
    denominator): reduced by the greatest common divisor and stored as
    :class:`~fractions.Fraction` stores itself, without its constructor's argument
    parsing, which is most of the cost of a Fraction made from two integers. It is used
    only if, on this Python, it makes Fractions equal to the constructor's in value, type,
    hash and text; otherwise the constructor is."""
    new, gcd = object.__new__, math.gcd

    def exact_ratio(numerator: int, denominator: int) -> Fraction:
        common = gcd(numerator, denominator)
        made = new(Fraction)
        made._numerator = numerator // common  # type: ignore[attr-defined]
        made._denominator = denominator // common  # type: ignore[attr-defined]
        return made

    samples = [(0, 7), (-6, 4), (30000, 100), (10**30 + 3, 10**20), (7, 1)]
    try:
        same = all(
            type(exact_ratio(n, d)) is Fraction
            and exact_ratio(n, d) == Fraction(n, d)
            and (exact_ratio(n, d).numerator, exact_ratio(n, d).denominator)
            == (Fraction(n, d).numerator, Fraction(n, d).denominator)
            and hash(exact_ratio(n, d)) == hash(Fraction(n, d))
            and repr(exact_ratio(n, d)) == repr(Fraction(n, d))
            and exact_ratio(n, d) + 1 == Fraction(n, d) + 1
            for n, d in samples
        )
    except (AttributeError, TypeError):  # pragma: no cover - another Fraction layout
        same = False
    return exact_ratio if same else Fraction


#: ``Fraction(numerator, denominator)`` for a positive denominator (see _ratio_maker).
exact_ratio: Callable[[int, int], Fraction] = _ratio_maker()
#: Zero as an exact ``Fraction``, shared (a Fraction cannot change).
ZERO_EXACT: Final = Fraction(0)


def exact(value: Decimal | int | Fraction) -> Fraction:
    """The exact rational value of a number (no rounding is involved).

    >>> exact(Decimal("1833.335")), exact(7), exact(Fraction(2, 4))
    (Fraction(366667, 200), Fraction(7, 1), Fraction(1, 2))
    """
    kind = type(value)
    if kind is Decimal or kind is int:  # their ratio has a positive denominator
        return exact_ratio(*value.as_integer_ratio())
    # After those: isinstance is quick for a Fraction itself, slow for anything else
    # (Fraction's abstract base class is asked).
    if isinstance(value, Fraction):
        return value
    return Fraction(value)


def round_money(value: Decimal | int | Fraction) -> Decimal:
    """Round to 0.01 CNY, half up (四舍五入): ties go away from zero.

    The rounding is done on the exact rational value, so the result does not depend on
    any :mod:`decimal` context and there is no double rounding.

    >>> round_money(Fraction(1, 200))
    Decimal('0.01')
    >>> round_money(Fraction(-1, 300))
    Decimal('0.00')
    >>> round_money(6000)
    Decimal('6000.00')
    """
    if type(value) is not Fraction:  # a Fraction needs no check but its size, below
        if isinstance(value, bool) or not isinstance(value, (Decimal, int, Fraction)):
            raise InvalidTypeError(
                "value", "a Decimal, int or Fraction to round (not a float)", value
            )
        if isinstance(value, Decimal):
            if not value.is_finite():
                raise InvalidValueError("value", "a finite number to round", value)
            if value.adjusted() >= _LIMIT.adjusted():
                raise InvalidValueError(
                    "value", f"a number below 10^{_LIMIT.adjusted()} to round", value
                )
            # Quantizing a Decimal is exact half-up rounding on its own digits.
            result = value.quantize(CENT, rounding=decimal.ROUND_HALF_UP, context=_LOOSE)
            return ZERO if result.is_zero() else result
    # In integers, for x = n / d (d > 0): |x| < L is |n| < L × d, and
    # floor(|x| × 100 + 1/2) = floor((200 |n| + d) / 2d).
    numerator, denominator = value.numerator, value.denominator
    if abs(numerator) >= _LIMIT_INT * denominator:
        raise InvalidValueError("value", f"a number below 10^{_LIMIT.adjusted()} to round", value)
    cents = (200 * abs(numerator) + denominator) // (2 * denominator)
    # Text with exponent -2 is read exactly, whatever the decimal context.
    return Decimal(f"{-cents if numerator < 0 else cents}e-2") if cents else ZERO


def allocate(parts: Sequence[Fraction | Decimal | int]) -> tuple[Decimal, ...]:
    """Round exact parts to fen so that they add up to their rounded total.

    The total is rounded once, half up (:func:`round_money`). Each part is first rounded
    down to the fen; the fen still missing go, one each, to the parts with the largest
    remainders, ties going to the earlier part (the largest-remainder, or Hamilton,
    method). So no fen is created or lost, and no part moves by a whole fen or more from
    its exact value.

    >>> allocate([Fraction(100, 3)] * 3)
    (Decimal('33.34'), Decimal('33.33'), Decimal('33.33'))
    >>> allocate([Fraction(1, 200), Fraction(1, 200)])
    (Decimal('0.01'), Decimal('0.00'))
    >>> allocate([Fraction(-1, 200)])
    (Decimal('-0.01'),)
    >>> allocate([0.5])
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidTypeError: parts[0]: expected an exact number ..., got float 0.5
    """
    if isinstance(parts, (str, bytes)) or not isinstance(parts, Sequence):
        raise InvalidTypeError("parts", "a list or tuple of exact numbers", parts)
    for index, part in enumerate(parts):
        if isinstance(part, bool) or not isinstance(part, (Fraction, Decimal, int)):
            raise InvalidTypeError(
                f"parts[{index}]", "an exact number (Fraction, Decimal or int; not a float)", part
            )
        if isinstance(part, Decimal) and not part.is_finite():
            raise InvalidValueError(f"parts[{index}]", "a finite number", part)
        if not -_LIMIT_INT < part < _LIMIT_INT:
            raise InvalidValueError(f"parts[{index}]", "a number between -10^18 and 10^18", part)
    fen = [exact(part) * 100 for part in parts]
    floors = [value.__floor__() for value in fen]
    target = int(round_money(sum(fen, Fraction(0)) / 100).scaleb(2, context=EXACT))
    missing = target - sum(floors)
    # Largest remainder first; among equal remainders, the earlier part first.
    order = sorted(range(len(fen)), key=lambda i: (-(fen[i] - floors[i]), i))
    for index in order[:missing]:
        floors[index] += 1
    return tuple(ZERO if f == 0 else Decimal(f).scaleb(-2, context=EXACT) for f in floors)


def fen_to_money(fen: int) -> Decimal:
    """A whole number of fen as yuan, exactly, whatever the caller's decimal context.

    >>> fen_to_money(-12345), fen_to_money(0)
    (Decimal('-123.45'), Decimal('0.00'))
    """
    if type(fen) is not int:
        raise InvalidTypeError("fen", "a whole number of fen (int)", fen)
    return Decimal(fen).scaleb(-2, context=EXACT)


def money_sum(values: Iterable[Decimal]) -> Decimal:
    """Add amounts exactly, independent of the caller's decimal context.

    >>> money_sum([Decimal("0.10"), Decimal("0.20")])
    Decimal('0.30')
    >>> money_sum([])
    Decimal('0.00')
    """
    total = ZERO
    for value in values:
        total = EXACT.add(total, value)
    return total


def format_exact(value: Fraction | Decimal | int) -> str:
    """Show an exact value: in full when it has a finite decimal expansion, otherwise
    to ten places followed by ``…``.

    >>> format_exact(Fraction(3, 4))
    '0.75'
    >>> format_exact(Fraction(5000, 3))
    '1666.6666666666…'
    >>> format_exact(Fraction(-1, 3))
    '-0.3333333333…'
    """
    q = exact(value)
    denominator = q.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:
        as_decimal = EXACT.divide(Decimal(q.numerator), Decimal(q.denominator))
        text = format(as_decimal, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text
    sign = "-" if q < 0 else ""
    scaled = (abs(q) * 10**10).__floor__()
    whole, frac = divmod(scaled, 10**10)
    return f"{sign}{whole}.{frac:010d}…"


_PERCENT_SIGNS: Final = {"%": -2, "％": -2, "‰": -3}


_RATE_EXPECTED: Final = "a rate such as '5%', '5‰', '0.05' or a Decimal"


def _rate_text(value: str, field: str, expected: str) -> Decimal:
    """The fraction a rate's text says: ``"5%"`` → 0.05, ``"5‰"`` → 0.005, ``"0.05"``."""
    text = value.strip()
    shift = 0
    if text and text[-1] in _PERCENT_SIGNS:
        shift = _PERCENT_SIGNS[text[-1]]
        text = text[:-1].strip()
    number = parse_decimal(text, field=field, expected=expected)
    return number.scaleb(shift, context=EXACT) if shift else number


def _plain_notation(rate: Rate) -> str:
    """The notation of a rate built from its value alone: the value written out."""
    return format(rate.value, "f") if isinstance(rate.value, Decimal) else ""


@checked
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Rate:
    """A rate such as a commission percentage or a share, held as an exact fraction.

    ``value`` is the fraction (0.05 for 5 %); ``notation`` is how the rate was written and
    is kept for display and for converting back to data (built from a value alone, the
    value written out). Two rates are equal when their values are equal, whatever the
    notation. :meth:`parse` reads the usual notations.

    >>> Rate.parse("5%") == Rate.parse("0.05")
    True
    >>> str(Rate.parse("5‰")), Rate.parse("5‰")
    ('5‰', Rate('5‰'))
    >>> Rate.parse("1.5%").of(Decimal("200000"))
    Decimal('3000.000')
    >>> Rate(value=Decimal("0.2")), Rate(value=Decimal("0.2"), notation="20%")
    (Rate('0.2'), Rate('20%'))
    """

    value: Decimal
    notation: str = attrs.field(default=attrs.Factory(_plain_notation, takes_self=True))

    def __attrs_post_init__(self) -> None:
        # Built directly rather than through parse, a rate gets the same checks.
        if not isinstance(self.value, Decimal):
            raise InvalidTypeError(
                "Rate.value",
                "a Decimal fraction such as Decimal('0.05') (or use Rate.parse)",
                self.value,
            )
        parse_decimal(self.value, field="Rate.value")
        if not isinstance(self.notation, str):
            raise InvalidTypeError("Rate.notation", "a str", self.notation)
        # The notation is what displays and data show: it must say the same rate.
        written = _rate_text(self.notation, "Rate.notation", _RATE_EXPECTED)
        if written != self.value:
            raise InvalidValueError(
                "Rate.notation",
                f"a notation of the value {format(self.value, 'f')} (such as "
                f"{format(self.value.scaleb(2, context=EXACT).normalize(context=EXACT), 'f')}%)",
                self.notation,
            )

    @classmethod
    def parse(cls, value: object, *, field: str = "rate") -> Rate:
        """Read a rate from ``"5%"``, ``"5‰"``, ``"0.05"``, a ``Decimal``, an ``int`` or a
        :class:`Rate`. Floats are refused.

        >>> Rate.parse(0.05)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidTypeError: rate: expected a rate such as ..., got float 0.05
        """
        if isinstance(value, Rate):
            return value
        if isinstance(value, str):
            fraction = _rate_text(value, field, _RATE_EXPECTED)
            return cls(value=fraction, notation=value.strip())
        if isinstance(value, bool):
            raise InvalidTypeError(field, _RATE_EXPECTED, value)
        if isinstance(value, (Decimal, numbers.Integral)):
            number = parse_decimal(value, field=field, expected=_RATE_EXPECTED)
            return cls(value=number, notation=str(number))
        raise InvalidTypeError(field, _RATE_EXPECTED, value)

    @property
    def exact(self) -> Fraction:
        """The rate as an exact rational."""
        return Fraction(self.value)

    def of(self, amount: Decimal | int) -> Decimal:
        """The rate applied to an amount, exactly (no rounding).

        >>> Rate.parse("20%").of(6000)
        Decimal('1200.00')
        """
        return EXACT.multiply(self.value, Decimal(amount))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rate):
            return self.value == other.value
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.value)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Rate):
            return NotImplemented
        return self.value < other.value

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Rate):
            return NotImplemented
        return self.value <= other.value

    def __str__(self) -> str:
        return self.notation

    def __repr__(self) -> str:
        return f"Rate({self.notation!r})"
