"""Constructors that refuse bad calls with the library's typed error.

:func:`checked` wraps an ``attrs`` class's ``__init__`` so that a missing required field,
an unknown keyword or a positional argument raises
:class:`~hrpolicy.core.errors.InvalidTypeError` naming the field, instead of the
interpreter's bare ``TypeError`` (a field's ``MISSING_HINT`` metadata says what to give
when it is left out); :func:`policy_checked` adds the rule that anything a policy object
refuses is a :class:`~hrpolicy.core.errors.PolicyDefinitionError`.

It stands below :mod:`hrpolicy.core.fields` (which imports :mod:`hrpolicy.core.money`) so
that the lowest classes (:class:`~hrpolicy.core.money.Rate`) can use it too; for the
same reason the ``Annotated`` markers of field types (``MoneySpec``…) and
:func:`type_name`, which the messages need, live here and ``fields`` imports them.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import typing
from collections.abc import Iterator
from typing import Annotated, Final, TypeVar

import attrs

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError

__all__ = [
    "MAX_COUNT",
    "MISSING_HINT",
    "IntSpec",
    "MoneySpec",
    "QuantitySpec",
    "TextSpec",
    "checked",
    "missing_expectation",
    "policy_checked",
    "policy_errors",
    "split_annotated",
    "type_name",
    "value_checked",
]

_C = TypeVar("_C", bound=type)

#: The attrs metadata key of a required field's hint: what to give when it is left out,
#: said by the constructor and by ``from_dict`` alike (``attrs.field(metadata=…)``).
MISSING_HINT: Final = "hrpolicy.missing"


def missing_expectation(field: attrs.Attribute[object]) -> str:
    """What a message expects of a required ``field`` that was left out."""
    hint = field.metadata.get(MISSING_HINT)
    if hint is not None:
        return str(hint)
    return f"a value for this required field ({type_name(field.type)})"


# Markers in ``Annotated`` field types, read by :mod:`hrpolicy.core.fields`.


@attrs.frozen
class MoneySpec:
    non_negative: bool


@attrs.frozen
class QuantitySpec:
    non_negative: bool


#: The largest int a field takes unless its type states a smaller maximum: no count of
#: things, days or points in an HR record comes near it, and it keeps every sum and every
#: date step the engines take far from an overflow.
MAX_COUNT: Final = 10**9


@attrs.frozen
class IntSpec:
    """An int field's bounds, both inclusive: every int field states its maximum."""

    min_value: int
    max_value: int = MAX_COUNT


@attrs.frozen
class TextSpec:
    pass


def checked(cls: _C) -> _C:
    """Turn a missing required field, an unknown keyword or a positional argument into an
    :class:`~hrpolicy.core.errors.InvalidTypeError` naming the field."""
    return _checked(cls, policy=False, positional=False)


def value_checked(cls: _C) -> _C:
    """:func:`checked` for small value classes built positionally as well
    (``Label("应付", "owed")``): arguments are read in field order."""
    return _checked(cls, policy=False, positional=True)


def policy_checked(cls: _C) -> _C:
    """:func:`checked` for the objects a policy is built from (a plan and its components,
    a band table, a collection policy, a scoring card…): besides, any value the object
    refuses raises :class:`~hrpolicy.core.errors.PolicyDefinitionError` — the one rule is
    that a bad *policy* is a ``PolicyDefinitionError`` and a bad *fact* an
    :class:`~hrpolicy.core.errors.InvalidValueError` (its base class), whether the value is
    wrong on its own (a share above 100 %) or does not fit the others (shares not adding
    up to 100 %, a share below its minimum). Wrong types stay
    :class:`~hrpolicy.core.errors.InvalidTypeError` everywhere."""
    return _checked(cls, policy=True, positional=False)


def _checked(cls: _C, *, policy: bool, positional: bool) -> _C:
    fields = attrs.fields(cls)
    order = tuple(f.alias for f in fields if f.init)
    allowed = frozenset(order)
    required = tuple(
        (f.alias, missing_expectation(f)) for f in fields if f.init and f.default is attrs.NOTHING
    )
    original = cls.__dict__["__init__"]
    name = cls.__name__

    @functools.wraps(original)
    def checked_init(self: object, *args: object, **kwargs: object) -> None:
        if args and not positional:
            raise InvalidTypeError(name, "keyword arguments only", args)
        if args:
            if len(args) > len(order):
                raise InvalidTypeError(name, f"at most {len(order)} arguments", args)
            for alias, value in zip(order, args, strict=False):
                if alias in kwargs:
                    raise InvalidTypeError(f"{name}.{alias}", "one value, not two", value)
                kwargs[alias] = value
        for alias, expected in required:
            if alias not in kwargs:
                raise InvalidTypeError(f"{name}.{alias}", f"{expected}, got nothing")
        unknown = sorted(kwargs.keys() - allowed)
        if unknown:
            raise InvalidTypeError(
                f"{name}.{unknown[0]}",
                f"one of the fields {', '.join(sorted(allowed))}" if allowed else "no fields",
                unknown[0],
            )
        if not policy:
            original(self, **kwargs)
            return
        with policy_errors():
            original(self, **kwargs)

    cls.__init__ = checked_init  # type: ignore[misc]
    return cls


@contextlib.contextmanager
def policy_errors() -> Iterator[None]:
    """Raise any :class:`~hrpolicy.core.errors.InvalidValueError` from the block as a
    :class:`~hrpolicy.core.errors.PolicyDefinitionError` (same path, expectation and
    value): for code that builds a policy outside a constructor."""
    try:
        yield
    except PolicyDefinitionError:
        raise
    except InvalidValueError as error:
        raise error.at(error.path, PolicyDefinitionError) from None


def type_name(annotation: object) -> str:
    base, spec = split_annotated(annotation)
    if isinstance(spec, MoneySpec):
        return "an amount in CNY"
    if isinstance(base, type):
        if issubclass(base, enum.Enum):
            return "one of " + ", ".join(repr(m.value) for m in base)
        return base.__name__
    return str(annotation).replace("typing.", "")


def split_annotated(annotation: object) -> tuple[object, object]:
    if typing.get_origin(annotation) is Annotated:
        base, *extras = typing.get_args(annotation)
        return base, extras[0] if extras else None
    return annotation, None
