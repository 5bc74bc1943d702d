"""Typed, checked fields for the library's frozen domain objects.

Every domain object is an ``attrs`` class declared as::

    @checked
    @attrs.frozen(kw_only=True, field_transformer=typed_fields)
    class CostItem:
        amount: NonNegativeMoney
        has_voucher: bool

:func:`typed_fields` reads each field's annotation and installs a converter that checks the
value and names the field in any error (``CostItem.amount: expected …, got float 1.5``):

- ``Money`` / ``NonNegativeMoney`` — :func:`~hrpolicy.core.money.parse_money` (no floats,
  at most two decimal places, sign as declared); ``Quantity`` — any finite non-negative
  ``Decimal``;
- ``Rate`` — :meth:`~hrpolicy.core.money.Rate.parse`;
- ``datetime.date`` — a ``date`` (a ``datetime`` is refused) or an ISO ``YYYY-MM-DD`` string,
  or from a data frame a pandas ``Timestamp`` at midnight (no time zone) or a NumPy
  ``datetime64`` naming a whole day (a time of day is refused, never dropped);
- ``datetime.datetime`` — a naive local time (the company's wall clock; a time zone is
  refused, so no conversion can happen silently) or ISO ``YYYY-MM-DDTHH:MM[:SS[.ffffff]]``
  text;
- ``bool``, ``int``, ``str`` — exactly that type (``True`` is not an ``int``);
  ``PositiveInt`` / ``NonNegativeInt`` / ``Text`` (non-empty) add bounds; every int field
  states a maximum (:class:`~hrpolicy.core.checked.IntSpec`, 10⁹ unless it says less);
- an ``enum.Enum`` — a member or its value (``"resignation"``), anything else is an error
  listing the allowed values;
- ``tuple[X, ...]`` — a list or tuple, each element checked as ``X`` (path ``field[i]``);
- an ``attrs`` class, or a union of them — an instance of one of them;
- ``X | None`` — ``None`` or an ``X``.

:func:`checked` makes a missing required field or an unknown keyword a typed error too
(``InvalidTypeError``), instead of the interpreter's bare ``TypeError``.

The Python API is statically typed as ``Decimal``/``date``/enums; the converters also take
``int``/``str`` for notebook convenience, never ``float``.
"""

from __future__ import annotations

import enum
import functools
import numbers
import operator
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Final, TypeVar, Union, cast

import attrs

from hrpolicy.core.checked import (
    IntSpec,
    MoneySpec,
    QuantitySpec,
    TextSpec,
    checked,
    policy_checked,
    policy_errors,
    split_annotated,
    type_name,
)
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.money import Rate, is_numpy_bool, parse_decimal, parse_money

__all__ = [
    "Money",
    "NonNegativeInt",
    "NonNegativeMoney",
    "PositiveInt",
    "Quantity",
    "Text",
    "argument",
    "arguments",
    "checked",
    "enum_argument",
    "parse_date",
    "policy_checked",
    "policy_errors",
    "require",
    "require_unique",
    "trusted",
    "typed_fields",
]


#: An amount of money in CNY, any sign.
Money = Annotated[Decimal, MoneySpec(non_negative=False)]
#: An amount of money in CNY, zero or more.
NonNegativeMoney = Annotated[Decimal, MoneySpec(non_negative=True)]
#: A non-negative exact number that is not money (a multiple, a count of units, a score).
Quantity = Annotated[Decimal, QuantitySpec(non_negative=True)]
#: An ``int`` from 1 to :data:`~hrpolicy.core.checked.MAX_COUNT` (10⁹); fields with a
#: smaller natural maximum state it as ``Annotated[int, IntSpec(min_value=…, max_value=…)]``.
PositiveInt = Annotated[int, IntSpec(min_value=1)]
#: An ``int`` from 0 to :data:`~hrpolicy.core.checked.MAX_COUNT` (10⁹).
NonNegativeInt = Annotated[int, IntSpec(min_value=0)]
#: A non-empty, non-blank ``str``.
Text = Annotated[str, TextSpec()]

_Check = Callable[[object, str], object]
_E = TypeVar("_E", bound=enum.Enum)
_NONE_TYPE: Final = type(None)


def typed_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """``attrs`` field transformer: install a checking converter on every field."""
    namespace = vars(sys.modules[cls.__module__])
    result = []
    for field in fields:
        if field.init and field.converter is None and field.type is not None:
            annotation: Any = field.type
            if isinstance(annotation, str):
                # ``from __future__ import annotations``: resolve in the defining module.
                annotation = eval(annotation, namespace)
            path = f"{cls.__name__}.{field.name}"
            check = _check_for(annotation, path)
            result.append(field.evolve(converter=functools.partial(_apply, check, path)))
        else:
            result.append(field)
    return result


def _apply(check: _Check, path: str, value: object) -> object:
    return check(value, path)


@functools.cache
def _check_for(annotation: object, context: str) -> _Check:
    """Build the checking function for one annotation (cached per annotation)."""
    base, spec = split_annotated(annotation)
    origin = typing.get_origin(base)

    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(base) if arg is not _NONE_TYPE]
        nullable = len(options) < len(typing.get_args(base))
        # Unions of domain classes take an instance of one of them; a rate (an attrs
        # class too) is read from its text like any ``Rate`` field.
        if all(isinstance(o, type) and attrs.has(o) and o is not Rate for o in options):
            classes = tuple(o for o in options if isinstance(o, type))
            return _instance_check(classes, nullable=nullable)
        if len(options) != 1:
            raise TypeError(f"{context}: unsupported union annotation {annotation!r}")
        inner = _check_for(options[0], context)
        if not nullable:
            return inner
        return lambda value, path: None if value is None else inner(value, path)

    if origin is tuple:
        args = typing.get_args(base)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"{context}: only tuple[X, ...] fields are supported, not {base!r}")
        element = _check_for(args[0], context)
        return functools.partial(_check_tuple, element, type_name(args[0]))

    if isinstance(spec, MoneySpec):
        return functools.partial(_check_money, spec.non_negative)
    if isinstance(spec, QuantitySpec) or base is Decimal:
        return _check_quantity if spec is not None else _check_decimal
    if isinstance(spec, IntSpec):
        return functools.partial(_check_int, spec.min_value, max_value=spec.max_value)
    if isinstance(spec, TextSpec):
        return _check_text
    if base is Rate:
        return _check_rate
    if base is datetime:
        return _check_datetime
    if base is date:
        return _check_date
    if base is bool:
        return _check_bool
    if base is int:
        return functools.partial(_check_int, None)
    if base is str:
        return _check_str
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return functools.partial(_check_enum, base)
    if isinstance(base, type) and attrs.has(base):
        return _instance_check((base,), nullable=False)
    if base is object or base is Any:
        return lambda value, path: value
    raise TypeError(f"{context}: no checker for annotation {annotation!r}")


def _instance_check(classes: tuple[type, ...], *, nullable: bool) -> _Check:
    names = " or ".join(c.__name__ for c in classes)
    expected = f"{names}{' or None' if nullable else ''}"

    def check(value: object, path: str) -> object:
        if value is None and nullable:
            return None
        if not isinstance(value, classes):
            raise InvalidTypeError(path, expected, value)
        return value

    return check


def _check_tuple(
    element: _Check, element_name: str, value: object, path: str
) -> tuple[object, ...]:
    if isinstance(value, (str, bytes)) or not (isinstance(value, Sequence) or _is_column(value)):
        raise InvalidTypeError(path, f"a list or tuple of {element_name}", value)
    items: Iterable[object] = value  # type: ignore[assignment] # a sequence or a column
    return tuple(element(item, f"{path}[{index}]") for index, item in enumerate(items))


def _is_column(value: object) -> bool:
    """A one-dimensional NumPy array or pandas / polars Series (told without importing
    them): read like a list."""
    return (
        hasattr(value, "__array__") and getattr(value, "ndim", 1) == 1 and hasattr(value, "__len__")
    )


def _check_money(non_negative: bool, value: object, path: str) -> Decimal:
    return parse_money(value, field=path, non_negative=non_negative)


def _check_quantity(value: object, path: str) -> Decimal:
    result = parse_decimal(value, field=path)
    if result < 0:
        raise InvalidValueError(path, "a number of zero or more", value)
    return result


def _check_decimal(value: object, path: str) -> Decimal:
    return parse_decimal(value, field=path)


def _check_int(
    min_value: int | None, value: object, path: str, *, max_value: int | None = None
) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or is_numpy_bool(value):
        raise InvalidTypeError(path, "an int", value)
    value = operator.index(value)  # a NumPy integer as the int it holds
    if min_value is not None and max_value is not None and not min_value <= value <= max_value:
        raise InvalidValueError(path, f"an int from {min_value} to {max_value}", value)
    if min_value is not None and value < min_value:
        raise InvalidValueError(path, f"an int of {min_value} or more", value)
    if max_value is not None and value > max_value:
        raise InvalidValueError(path, f"an int of {max_value} or less", value)
    return value


def _check_text(value: object, path: str) -> str:
    text = _check_str(value, path)
    if not text.strip():
        raise InvalidValueError(path, "a non-empty text", value)
    return text


def _check_str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(path, "a str", value)
    return value


def _check_bool(value: object, path: str) -> bool:
    if is_numpy_bool(value):
        return bool(value)  # a NumPy bool, told by its type without importing NumPy
    if not isinstance(value, bool):
        raise InvalidTypeError(path, "True or False", value)
    return value


def _check_rate(value: object, path: str) -> Rate:
    return Rate.parse(value, field=path)


#: Dates the library accepts: wide enough for any employment record, narrow enough that
#: adding a service period (at most 50 years) never leaves the calendar.
FIRST_DATE: Final = date(1900, 1, 1)
LAST_DATE: Final = date(2199, 12, 31)
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: object, *, field: str) -> date:
    """A ``date`` (not a ``datetime``) or ``YYYY-MM-DD`` text, as every date field reads
    it, within the dates the library accepts.

    A date from a data frame is read too, without importing its library: a pandas
    ``Timestamp`` at midnight with no time zone, or a NumPy ``datetime64`` whose value is
    a whole day. A time of day is never dropped: such a timestamp is refused.

    >>> parse_date("2024-03-01", field="effective_from")
    datetime.date(2024, 3, 1)
    >>> import pandas
    >>> parse_date(pandas.Timestamp("2024-03-01"), field="signed_on")
    datetime.date(2024, 3, 1)
    >>> parse_date(pandas.Timestamp("2024-03-01 09:30"), field="signed_on")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: signed_on: expected a date without a time of day
    (the time would be lost; take the date part first if it is meant, e.g. .dt.normalize()),
    got Timestamp 2024-03-01T09:30:00
    """
    return _check_date(value, field)


def _frame_scalar(value: object) -> str | None:
    """``"timestamp"`` for a pandas ``Timestamp``, ``"datetime64"`` for a NumPy
    ``datetime64``, told by their types without importing either library."""
    kind = type(value)
    module = kind.__module__.split(".", 1)[0]
    if module == "pandas" and kind.__name__ == "Timestamp":
        return "timestamp"
    if module == "numpy" and kind.__name__ == "datetime64":
        return "datetime64"
    if module == "pandas" and kind.__name__ == "NaTType":
        return "nat"
    return None


#: The units of a NumPy ``datetime64`` that can hold a day exactly (coarser ones, months
#: and years, name no day).
_DAY_UNITS: Final = frozenset({"D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"})

_TIME_OF_DAY: Final = (
    "a date without a time of day (the time would be lost; take the date part first if it "
    "is meant, e.g. .dt.normalize())"
)


def _frame_date(value: Any, kind: str, path: str) -> date:
    """The day a pandas ``Timestamp`` or NumPy ``datetime64`` names, refusing a time of
    day, a time zone and a missing value (``NaT``)."""
    if kind == "nat":
        raise InvalidValueError(path, "a date, not a missing one (NaT)", value)
    if kind == "timestamp":
        if value.tzinfo is not None:
            raise InvalidValueError(path, "a date (a timestamp with no time zone)", value)
        if (value.hour, value.minute, value.second, value.microsecond, value.nanosecond) != (
            0,
            0,
            0,
            0,
            0,
        ):
            raise InvalidValueError(path, _TIME_OF_DAY, value)
        return date(value.year, value.month, value.day)
    unit = str(value.dtype).partition("[")[2].rstrip("]")
    if unit not in _DAY_UNITS or str(value) == "NaT":
        raise InvalidValueError(
            path, "a datetime64 naming a day (not NaT, a month or a year)", value
        )
    day = value.astype("datetime64[D]")
    if day != value:
        raise InvalidValueError(path, _TIME_OF_DAY, value)
    result = day.item()
    if not isinstance(result, date):  # a day outside Python's calendar
        raise InvalidValueError(path, f"a date from {FIRST_DATE} to {LAST_DATE}", value)
    return result


def _check_date(value: object, path: str) -> date:
    kind = _frame_scalar(value)
    if kind is not None:
        value = _frame_date(value, kind, path)
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.fullmatch(text):
            raise InvalidValueError(path, "a date written YYYY-MM-DD", value)
        try:
            value = date.fromisoformat(text)
        except ValueError:
            raise InvalidValueError(path, "a date written YYYY-MM-DD", value) from None
    if isinstance(value, datetime):
        raise InvalidTypeError(
            path, "a datetime.date (not a datetime): its time of day would be lost", value
        )
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidTypeError(path, "a datetime.date (not a datetime) or 'YYYY-MM-DD'", value)
    if not FIRST_DATE <= value <= LAST_DATE:
        raise InvalidValueError(path, f"a date from {FIRST_DATE} to {LAST_DATE}", value)
    return value


_ISO_DATETIME: Final = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{3}(\d{3})?)?)?")


def _check_datetime(value: object, path: str) -> datetime:
    expected = "a local date and time written YYYY-MM-DDTHH:MM[:SS[.fff[fff]]]"
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_DATETIME.fullmatch(text):
            raise InvalidValueError(path, expected, value)
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidValueError(path, expected, value) from None
    kind = _frame_scalar(value)
    if kind is not None:
        value = _frame_datetime(value, kind, path)
    if not isinstance(value, datetime):
        raise InvalidTypeError(path, "a datetime.datetime or " + expected[2:], value)
    if value.tzinfo is not None:
        raise InvalidValueError(path, "a naive local time (no time zone)", value)
    if not FIRST_DATE <= value.date() <= LAST_DATE:
        raise InvalidValueError(path, f"a time from {FIRST_DATE} to {LAST_DATE}", value)
    return value


def _frame_datetime(value: Any, kind: str, path: str) -> datetime:
    """A pandas ``Timestamp`` or NumPy ``datetime64`` as a ``datetime``, refusing a part
    of a microsecond (Python's datetimes hold none: it would be lost) and ``NaT``."""
    if kind == "nat":
        raise InvalidValueError(path, "a time, not a missing one (NaT)", value)
    if kind == "timestamp":
        if value.nanosecond:
            raise InvalidValueError(path, "a time in whole microseconds", value)
        result = value.to_pydatetime()
    else:
        unit = str(value.dtype).partition("[")[2].rstrip("]")
        if unit not in _DAY_UNITS or str(value) == "NaT":
            raise InvalidValueError(path, "a datetime64 naming a time (not NaT)", value)
        result = value.astype("datetime64[us]").item()
        if value.astype("datetime64[us]") != value:
            raise InvalidValueError(path, "a time in whole microseconds", value)
    if not isinstance(result, datetime):  # a day only, or outside Python's calendar
        if isinstance(result, date):
            return datetime(result.year, result.month, result.day)
        raise InvalidValueError(path, f"a time from {FIRST_DATE} to {LAST_DATE}", value)
    return result


def _check_enum(enum_type: type[_E], value: object, path: str) -> _E:
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in enum_type)
        raise InvalidValueError(path, f"one of {allowed}", value) from None


def require(condition: bool, path: str, expected: str, actual: object) -> None:
    """Raise :class:`InvalidValueError` unless ``condition`` holds (cross-field checks)."""
    if not condition:
        raise InvalidValueError(path, expected, actual)


def require_unique(keys: Sequence[str], path: str, what: str) -> None:
    """Raise :class:`InvalidValueError` naming the first repeated key."""
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key in seen:
            raise InvalidValueError(f"{path}[{index}]", f"a unique {what}", key)
        seen.add(key)


_T = TypeVar("_T")


def argument(value: object, expected: type[_T], name: str) -> _T:
    """``value`` if it is an ``expected``; otherwise :class:`InvalidTypeError` naming the
    argument (engines check their arguments with it)."""
    if not isinstance(value, expected):
        kind = expected.__name__
        raise InvalidTypeError(name, f"{'an' if kind[0] in 'AEIOU' else 'a'} {kind}", value)
    return value


def enum_argument(value: object, enum_type: type[_E], name: str) -> _E:
    """``value`` as a member of ``enum_type``: a member, or a member's value (``"upper"``
    for ``Side.UPPER``); anything else is refused naming the argument and listing the
    allowed values — the same rule every enum field follows.

    >>> from hrpolicy.core.bands import Side
    >>> enum_argument("upper", Side, "closed")
    <Side.UPPER: 'upper'>
    >>> enum_argument("top", Side, "closed")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: closed: expected one of 'lower', 'upper', got str 'top'
    """
    return _check_enum(enum_type, value, name)


def arguments(values: object, expected: type[_T], name: str) -> tuple[_T, ...]:
    """A list, tuple or other iterable of ``expected``, as a tuple; one object, ``None``,
    text or a mapping is refused."""
    kind = type(values)
    if (
        kind is not list
        and kind is not tuple
        and (isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable))
    ):
        raise InvalidTypeError(name, f"a list or tuple of {expected.__name__}", values)
    items: tuple[object, ...] = tuple(cast("Iterable[object]", values))  # checked above
    for index, value in enumerate(items):
        if not isinstance(value, expected):
            argument(value, expected, f"{name}[{index}]")  # raises, naming the item
    return cast("tuple[_T, ...]", items)


_TRUSTED_FIELDS: Final[dict[type, frozenset[str]]] = {}


def _trusted_fields(cls: type) -> frozenset[str]:
    """The fields :func:`trusted` sets on ``cls``: every field of a frozen ``attrs`` class
    that has nothing to run after its fields are set (worked out once per class)."""
    found = _TRUSTED_FIELDS.get(cls)
    if found is not None:
        return found
    if not attrs.has(cls) or "__attrs_post_init__" in dir(cls):
        raise TypeError(f"trusted: {cls.__name__} is not an attrs class without a post-init")
    fields = attrs.fields(cls)
    if any(not field.init for field in fields):
        raise TypeError(f"trusted: {cls.__name__} has a field its constructor does not set")
    found = _TRUSTED_FIELDS[cls] = frozenset(field.name for field in fields)
    return found


def trusted(cls: type[_T], /, **values: object) -> _T:
    """An instance of the frozen ``attrs`` class ``cls`` holding ``values`` as they are,
    without the fields' checks: for an engine building its own result from values it
    computed and checked itself, each already what the field's check returns for it (a
    tuple, not a list; a ``Decimal``; an enum member). Every field is given; a class with an
    ``__attrs_post_init__`` is refused (it would not run). ``cls(**values)`` is the same
    object, checked: what the public constructor takes, it still checks field by field.

    >>> import attrs
    >>> @attrs.frozen(kw_only=True, field_transformer=typed_fields)
    ... class Pair:
    ...     left: int
    ...     right: int
    >>> trusted(Pair, left=1, right=2) == Pair(left=1, right=2)
    True
    >>> trusted(Pair, left=1)
    Traceback (most recent call last):
    ...
    TypeError: trusted: Pair takes the fields left, right, not left
    """
    names = _trusted_fields(cls)
    if values.keys() != names:
        raise TypeError(
            f"trusted: {cls.__name__} takes the fields {', '.join(sorted(names))}, "
            f"not {', '.join(sorted(values))}"
        )
    instance = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(instance, name, value)
    return instance
