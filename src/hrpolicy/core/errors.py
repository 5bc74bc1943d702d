"""The errors hrpolicy raises on purpose.

Every error derives from :class:`HRPolicyError` and also from the builtin a caller would
naturally catch (``ValueError``, ``TypeError``, ``LookupError``, ``ImportError``), so both
``except HRPolicyError`` and ``except ValueError`` work.

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
from collections.abc import Sequence
from datetime import date, datetime

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


def describe(value: object) -> str:
    """Describe a value for an error message: its type name and its repr (a date in ISO
    form).

    >>> describe(1.5)
    'float 1.5'
    >>> describe("5%")
    "str '5%'"
    >>> describe(None)
    'None'
    >>> describe(date(2024, 3, 1))
    'date 2024-03-01'
    """
    if value is None:
        return "None"
    if type(value) is date:
        return f"date {value.isoformat()}"
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__} {value.value!r}"
    return f"{type(value).__name__} {value!r}"


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


def prefixed(error: HRPolicyError, prefix: str) -> HRPolicyError:
    """The same error with ``prefix`` before its path (``cases[3].`` …), so an error
    from one item of a batch names the item; a :class:`ConversionError` is returned as is
    (its paths are inside its data)."""
    if isinstance(error, ConversionError):
        return error
    actual = (error.actual,) if error.has_actual else ()
    return type(error)(f"{prefix}{error.path}", error.expected, *actual)


class InvalidValueError(HRPolicyError, ValueError):
    """A value of the right type that breaks a rule (negative amount, end before start…)."""


class InvalidTypeError(HRPolicyError, TypeError):
    """A value of the wrong type (a float where money is expected, a str for a date…)."""


class PolicyDefinitionError(InvalidValueError):
    """A policy that cannot be built: band gaps or overlaps, shares not summing to 100 %…"""


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
