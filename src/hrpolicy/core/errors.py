"""The errors hrpolicy raises on purpose.

Every error derives from :class:`HRPolicyError` and also from the builtin a caller would
naturally catch (``ValueError``, ``TypeError``, ``LookupError``, ``ImportError``), so both
``except HRPolicyError`` and ``except ValueError`` work.

Which class, by one rule:

- a value of the wrong type (a float for money, text for a date that is not one, a deal
  where a list of deals is expected) — :class:`InvalidTypeError`, everywhere;
- a bad **policy** — anything a plan, a component, a band table, a collection policy, a
  bond policy or a scoring card refuses, whether a value is wrong on its own (a share
  above 100 %) or does not fit the others (shares not adding up to 100 %, bands with a
  gap, a share below its minimum) — :class:`PolicyDefinitionError`;
- a bad **fact** of a case (a negative amount, an end before its start, a missing fact
  a rule needs) — :class:`InvalidValueError`, the base class of
  :class:`PolicyDefinitionError`, so ``except InvalidValueError`` catches both;
- a question the data cannot answer (a date no version covers, a year a calendar lacks)
  — :class:`NotCoveredError`; plain data that cannot be read — :class:`ConversionError`.

Messages follow one shape: ``<field path>: expected <what was expected>, got <what came>``.
The same three parts are kept on the exception as ``path``, ``expected`` and ``actual``
(the offending value itself), so programs can react without parsing text.

>>> from hrpolicy.core.errors import InvalidTypeError
>>> err = InvalidTypeError("CostItem.amount", "an amount in CNY (Decimal, int or str)", 1.5)
>>> str(err)
'CostItem.amount: expected an amount in CNY (Decimal, int or str), got float 1.5'
>>> isinstance(err, TypeError)
True
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

__all__ = [
    "ConversionError",
    "HRPolicyError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingDependencyError",
    "NotCoveredError",
    "PolicyDefinitionError",
    "check_date",
    "describe",
    "prefixed",
]

_NO_VALUE = object()


#: The longest description an error message gives of a value; longer ones are cut with "…".
_SHORT: Final = 60
#: Fields that name an object, in the order a short description looks for them.
_NAMING_FIELDS: Final = ("id", "version", "employee", "name", "customer", "role", "item")


def describe(value: object) -> str:
    """Describe a value for an error message in a short form: its type name and the value
    (a date in ISO form, a number or rate as written, an object by its id, a long text,
    list or mapping cut short), never a whole object's repr.

    >>> describe(1.5), describe("5%"), describe(None), describe(date(2024, 3, 1))
    ('float 1.5', "str '5%'", 'None', 'date 2024-03-01')
    >>> describe(Decimal("-5")), describe(Fraction(1, 3)), describe(datetime(2024, 3, 1, 16))
    ('Decimal -5', 'Fraction 1/3', 'datetime 2024-03-01T16:00:00')
    >>> describe("x" * 100)
    "str 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    >>> describe(list(range(40)))
    'list of 40 items [0, 1, 2, 3, 4, 5, 6, 7, ...]'
    >>> from hrpolicy.core.money import Rate
    >>> describe(Rate.parse("40%"))
    'Rate 40%'
    >>> from hrpolicy.core.statement import PaidLine
    >>> describe(PaidLine(line_id="L1", amount=Decimal("5")))
    "PaidLine(line_id='L1', …)"
    """
    if value is None:
        return "None"
    cls = type(value)
    if attrs.has(cls) and "__str__" not in vars(cls):
        return f"{cls.__name__}{_attrs_short(value, cls)}"
    return f"{cls.__name__} {_short(value)}"


def _short(value: object) -> str:
    if isinstance(value, (date, datetime)):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, Fraction):
        parts = (value.numerator, value.denominator)
        return "/".join(
            str(p) if abs(p) < 10**_SHORT else f"({_digits(abs(p))} digits)" for p in parts
        )
    if isinstance(value, Decimal):
        return _cut(str(value))
    if isinstance(value, str):
        if len(value) <= _SHORT:
            return repr(value)
        return f"{repr(value[: _SHORT - 4])[:-1]}…' ({len(value)} characters)"
    if isinstance(value, int) and not isinstance(value, bool):
        return _number(value)
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        text = _REPR.repr(value)
        return text if len(value) <= _REPR.maxlist else f"of {len(value)} items {text}"
    if attrs.has(type(value)):  # a domain value with its own text (a rate: ``40%``)
        return _cut(str(value))
    return _cut(_REPR.repr(value))


def _number(number: int) -> str:
    """An int as text, or its number of digits when it is too long to show."""
    if abs(number) < 10**_SHORT:
        return str(number)
    return f"with {_digits(abs(number))} digits"


class _ShortRepr(reprlib.Repr):
    """reprlib's limits, with long ints shown by their number of digits (Python refuses to
    write an int of more than 4,300 digits as text)."""

    def repr_int(self, x: int, level: int) -> str:
        return _number(x)


#: Reprs with limits: a few items of a list, a few levels of nesting (100,000 nested lists
#: are shown as ``[[[[...]]]]``, never a RecursionError).
_REPR: Final = _ShortRepr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxtuple, _REPR.maxdict = 3, 8, 8, 6
_REPR.maxset, _REPR.maxfrozenset, _REPR.maxstring, _REPR.maxother = 8, 8, 40, _SHORT


def _attrs_short(value: object, cls: type[attrs.AttrsInstance]) -> str:
    """An attrs object by its naming field (``(id='B1', …)`` after the class name)."""
    names = [f.name for f in attrs.fields(cls) if not f.name.startswith("_")]
    for wanted in _NAMING_FIELDS:
        for name in names:
            if name == wanted or (wanted == "id" and name.endswith("_id")):
                field_value = getattr(value, name)
                if isinstance(field_value, str):
                    more = ", …" if len(names) > 1 else ""
                    return f"({name}={_cut(repr(field_value))}{more})"
    return "(…)" if names else "()"


def _digits(number: int) -> int:
    """The decimal digits of a positive int, exactly, without turning it into text (which
    Python refuses beyond 4,300 digits)."""
    digits = number.bit_length() * 30103 // 100000 + 1
    while 10**digits <= number:
        digits += 1
    while digits > 1 and 10 ** (digits - 1) > number:
        digits -= 1
    return digits


def _cut(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


class HRPolicyError(Exception):
    """Root of the hierarchy. Carries the field path, the expectation and the actual value."""

    path: str
    expected: str
    actual: object
    has_actual: bool

    def __init__(self, path: str, expected: str, actual: object = _NO_VALUE) -> None:
        self.path = path
        self.expected = expected
        self.has_actual = actual is not _NO_VALUE
        self.actual = actual if self.has_actual else None
        got = f", got {describe(actual)}" if self.has_actual else ""
        where = f"{path}: " if path else ""
        super().__init__(f"{where}expected {expected}{got}")

    def __reduce__(self) -> tuple[object, ...]:
        if self.has_actual:
            return (type(self), (self.path, self.expected, self.actual))
        return (type(self), (self.path, self.expected))

    def at(self, path: str, kind: type[HRPolicyError] | None = None) -> HRPolicyError:
        """The same error (expectation and value) at another ``path``, as ``kind`` when
        given — to name where, in what the caller wrote, the problem is.

        >>> InvalidValueError("Band.upper", "a bound above 5", 3).at("rows[2].upper")
        InvalidValueError('rows[2].upper: expected a bound above 5, got int 3')
        """
        actual = (self.actual,) if self.has_actual else ()
        return (kind or type(self))(path, self.expected, *actual)


def prefixed(error: HRPolicyError, prefix: str) -> HRPolicyError:
    """The same error with ``prefix`` before its path (``cases[3].`` …), so an error
    from one item of a batch names the item; a :class:`ConversionError` is returned as is
    (its paths are inside its data)."""
    if isinstance(error, ConversionError):
        return error
    return error.at(f"{prefix}{error.path}")


class InvalidValueError(HRPolicyError, ValueError):
    """A value of the right type that breaks a rule (negative amount, end before start…)."""


class InvalidTypeError(HRPolicyError, TypeError):
    """A value of the wrong type (a float where money is expected, a str for a date…)."""


class PolicyDefinitionError(InvalidValueError):
    """A policy that cannot be built: any value a policy object refuses — band gaps or
    overlaps, shares not summing to 100 %, a share below its minimum, a rate out of range."""


class NotCoveredError(HRPolicyError, LookupError):
    """A question outside the data a table or calendar holds (a year the calendar lacks,
    a measure no band covers). Never answered by guessing."""


class MissingDependencyError(HRPolicyError, ImportError):  # type: ignore[misc]
    """An optional dependency needed for this feature is not installed."""


class ConversionError(HRPolicyError, ValueError):
    """Plain data (dicts, lists, strings) that does not describe a valid object.

    ``errors`` lists every problem found, each with its path inside the data
    (``$.training.costs[0].amount``), so a form or an import job can point at them all.
    """

    errors: tuple[str, ...]

    def __init__(self, target: str, errors: Sequence[str]) -> None:
        self.errors = tuple(errors)
        listing = "; ".join(self.errors)
        HRPolicyError.__init__(self, target, f"data describing a valid {target}", _NO_VALUE)
        self.args = (f"{target}: cannot build from the data given: {listing}",)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.errors))


def check_date(value: object, field: str) -> None:
    """Refuse anything but a plain ``datetime.date`` for ``field``; a ``datetime`` is a
    date too in Python, and is refused, so a time of day is never dropped silently."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidTypeError(field, "a datetime.date (not a datetime)", value)
