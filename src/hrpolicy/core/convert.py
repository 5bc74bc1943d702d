"""Conversion between domain objects and plain data (dicts, lists, strings, ints).

One :mod:`cattrs` converter serves the whole library. Plain data is JSON-friendly: amounts
and other exact numbers as strings (``"6000.00"``), dates as ``"YYYY-MM-DD"``, rates in the
notation they were given (``"5‰"``), enums by value, tuples as lists, and the variants of a
union (such as the forms of a penalty clause) tagged by a ``"kind"`` key.

Reading is strict: floats, booleans written as strings, unknown keys, unknown enum values
and missing required keys are all errors, and :func:`from_dict` reports **every** problem at
once as a :class:`~hrpolicy.core.errors.ConversionError` whose ``errors`` name the path of
each one inside the data (``$.training.costs[0].amount``).

>>> from hrpolicy.core.bands import Band
>>> band = from_dict({"lower": "0", "upper": "2000", "lower_closed": False,
...                   "upper_closed": True, "value": "1"}, Band)
>>> band.describe(), to_dict(band)["upper"]
('(0, 2000]', '2000')
>>> from_dict({"lower": 0.5, "upper": "2000", "lower_closed": "no", "upper_closed": True,
...            "value": "1", "colour": "red"}, Band)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: Band: cannot build from the data given: $.lower: expected ...
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from hrpolicy.core.checked import MISSING_HINT, missing_expectation
from hrpolicy.core.errors import (
    ConversionError,
    HRPolicyError,
    InvalidTypeError,
    InvalidValueError,
    describe,
)
from hrpolicy.core.fields import (
    _check_bool,
    _check_date,
    _check_datetime,
    _check_enum,
    _check_int,
    _check_str,
)
from hrpolicy.core.money import Rate, parse_decimal

__all__ = ["converter", "from_dict", "register_tagged_union", "to_dict"]

T = TypeVar("T")

#: The library's converter. Engines register their unions on it at import time.
converter: Final = cattrs.Converter(forbid_extra_keys=True)


def _structure_decimal(value: object, _: type) -> Decimal:
    return parse_decimal(value, field="", expected="a number written as str or int (no floats)")


def _structure_rate(value: object, _: type) -> Rate:
    return Rate.parse(value, field="")


def _structure_enum(value: object, enum_type: type[enum.Enum]) -> enum.Enum:
    return _check_enum(enum_type, value, "")


converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(Decimal, lambda value: format(value, "f"))
converter.register_structure_hook(Rate, _structure_rate)
converter.register_unstructure_hook(Rate, lambda rate: rate.notation)
converter.register_structure_hook(datetime, lambda value, _: _check_datetime(value, ""))
converter.register_unstructure_hook(datetime, lambda value: value.isoformat())
converter.register_structure_hook(date, lambda value, _: _check_date(value, ""))
converter.register_unstructure_hook(date, lambda value: value.isoformat())
converter.register_structure_hook(bool, lambda value, _: _check_bool(value, ""))
converter.register_structure_hook(int, lambda value, _: _check_int(None, value, ""))
converter.register_structure_hook(str, lambda value, _: _check_str(value, ""))
converter.register_structure_hook(enum.Enum, _structure_enum)
converter.register_unstructure_hook(enum.Enum, lambda value: value.value)


def register_tagged_union(union: Any, tags: Mapping[type, str], *, tag_name: str = "kind") -> None:
    """Teach the converter a union of attrs classes, told apart by ``tag_name``.

    Reading checks the tag and names the allowed values when it is missing or unknown;
    writing adds the tag. The optional form (``union | None``) is registered too.
    """
    members = typing.get_args(union)
    missing = [m for m in members if m not in tags]
    if missing:
        raise TypeError(f"register_tagged_union: no tag for {missing!r}")
    by_tag = {tag: cls for cls, tag in tags.items()}
    allowed = "one of " + ", ".join(repr(tag) for tag in by_tag)

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise InvalidTypeError("", f"a mapping with a {tag_name!r} key", value)
        if tag_name not in value:
            raise InvalidValueError(tag_name, f"a {tag_name!r} key: {allowed}")
        cls = by_tag.get(value[tag_name])
        if cls is None:
            raise InvalidValueError(tag_name, allowed, value[tag_name])
        return converter.structure({k: v for k, v in value.items() if k != tag_name}, cls)

    def unstructure(value: Any) -> Any:
        data = converter.unstructure(value, unstructure_as=type(value))
        data[tag_name] = tags[type(value)]
        return data

    optional = typing.Optional[union]  # noqa: UP045 - a runtime type object is needed
    converter.register_structure_hook(union, structure)
    converter.register_unstructure_hook(union, unstructure)
    converter.register_structure_hook(
        optional, lambda value, _: None if value is None else structure(value, union)
    )
    converter.register_unstructure_hook(
        optional, lambda value: None if value is None else unstructure(value)
    )


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(tp: Any) -> Any:
    """Read ``tuple[X, ...]`` from a JSON list only (text, mappings and None are refused),
    reporting every bad element with its index."""
    element = typing.get_args(tp)[0]

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise InvalidTypeError("", "a list", value)
        results = [_structure_element(item, element, index) for index, item in enumerate(value)]
        errors = [error for _, error in results if error is not None]
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return tuple(item for item, _ in results)

    return structure


def _structure_element(item: Any, element: Any, index: int) -> tuple[Any, Exception | None]:
    try:
        return converter.structure(item, element), None
    except Exception as exc:  # every failure is reported, with its index
        note = IterableValidationNote(f"Structuring element @ index {index}", index, element)
        exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
        return None, exc


converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)


def to_dict(obj: Any, as_type: Any = None) -> Any:
    """Plain, JSON-friendly data for a domain object (usually a ``dict``).

    Pass ``as_type`` to write a member of a union with its tag, e.g.
    ``to_dict(PerLaw(), PenaltyClause)`` gives ``{"clause_ref": "", "kind": "per_law"}``.
    """
    if as_type is None:
        return converter.unstructure(obj)
    return converter.unstructure(obj, unstructure_as=as_type)


@typing.overload
def from_dict(data: Any, cls: type[T]) -> T: ...


@typing.overload
def from_dict(data: Any, cls: Any) -> Any: ...


def from_dict(data: Any, cls: Any) -> Any:
    """Build a ``cls`` from plain data, or raise :class:`ConversionError` listing every
    problem with its path."""
    try:
        return converter.structure(data, cls)
    except (
        cattrs.BaseValidationError,
        HRPolicyError,
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
    ) as exc:
        raise ConversionError(_type_name(cls), _messages(exc, "$")) from exc


def _type_name(cls: Any) -> str:
    args = typing.get_args(cls)
    if args:
        return " | ".join(_type_name(arg) for arg in args)
    return str(getattr(cls, "__name__", cls))


def _messages(exc: BaseException, path: str) -> list[str]:
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        out: list[str] = []
        for inner, note in with_notes:
            out += _messages(inner, f"{path}[{note.index!r}]")
        for inner in without:
            out += _messages(inner, path)
        return out
    if isinstance(exc, ClassValidationError):
        with_notes_cls, without_cls = exc.group_exceptions()
        out = []
        fields = attrs.fields_dict(exc.cl) if attrs.has(exc.cl) else {}
        for inner, attr_note in with_notes_cls:
            where = f"{path}.{attr_note.name}"
            field = fields.get(attr_note.name)
            if isinstance(inner, KeyError) and field is not None and MISSING_HINT in field.metadata:
                # A required key left out: say what to give, as the constructor does.
                out.append(f"{where}: expected {missing_expectation(field)}, got nothing")
            else:
                out += _messages(inner, where)
        for inner in without_cls:
            out += _messages(inner, path)
        return out
    if isinstance(exc, cattrs.BaseValidationError):  # e.g. a union's own group of errors
        return [m for inner in exc.exceptions for m in _messages(inner, path)]
    return [_describe_error(exc, path)]


def _field_of(error_path: str) -> str:
    """``"CostItem.amount"`` → ``"amount"``: constructors name ``Class.field``."""
    if error_path[:1].isupper():
        return error_path.split(".", 1)[1] if "." in error_path else ""
    return error_path


def _describe_error(exc: BaseException, path: str) -> str:
    if isinstance(exc, HRPolicyError):
        field = _field_of(exc.path)
        where = f"{path}.{field}" if field else path
        got = f", got {describe(exc.actual)}" if exc.has_actual else ""
        return f"{where}: expected {exc.expected}{got}"
    if isinstance(exc, KeyError):
        return f"{path}: expected this required key, got nothing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return (
            f"{path}: expected only known keys, got unknown {', '.join(sorted(exc.extra_fields))}"
        )
    if isinstance(exc, AttributeError):
        return f"{path}: expected a mapping (dict), got something else ({exc})"
    return f"{path}: expected valid data, got an error ({type(exc).__name__}: {exc})"
