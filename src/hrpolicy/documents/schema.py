"""JSON Schemas (draft 2020-12) of the documents hrpolicy reads: every policy type and
every engine's case type, in the compact shape :func:`~hrpolicy.core.convert.to_dict`
writes and :func:`~hrpolicy.core.convert.from_dict` reads.

The schemas are generated from the types, not written by hand: one walk over each
class's ``attrs`` fields, reading each field's type as the library's converter reads it,
and a table of pieces for the types the converter reads with a hook of its own (exact
numbers as text or numbers, rates in their notations, dates, band tables as rows, a
deal's named values…). A type the converter reads in a way the table does not know is
refused by name rather than described loosely, so a schema never says ``{}`` for a part
of a document.

A schema states what each value may be on its own; the loader refuses more — the rules
between values (band rows that tile without gaps or overlaps, versions that do not
overlap, shares that add up…) — and every schema's description says so. Whatever the
schema rejects, the loader rejects too, with one exception: a date with spaces around it
(``" 2024-03-01"``), which the loader reads and a validator asserting the ``date``
format refuses.

>>> schema = schema_named("BondPolicy")
>>> schema["$schema"], schema["$id"], schema["title"]
('https://json-schema.org/draft/2020-12/schema', 'urn:hrpolicy:schema:BondPolicy', 'BondPolicy')
>>> schema["properties"]["unit"]
{'enum': ['days', 'months', 'years'], 'default': 'months'}
>>> import jsonschema
>>> validator = jsonschema.Draft202012Validator(schema)
>>> validator.is_valid({"format": 1, "unit": "days"}), validator.is_valid({"unit": "weeks"})
(True, False)
>>> rows = {"rows": [[0, 6000, 1], [6000, "2"]], "closed": "upper", "semantics": "whole"}
>>> validator.is_valid({"schedule": {"table": rows}})
True
>>> error = jsonschema.exceptions.best_match(
...     validator.iter_errors({"schedule": {"table": rows, "years": 3}}))
>>> error.json_path, error.message
('$.schedule', "Additional properties are not allowed ('years' was unexpected)")
"""

from __future__ import annotations

import enum
import functools
import inspect
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, Union

import attrs
from cattrs.errors import StructureHandlerNotFoundError

from hrpolicy.core.checked import IntSpec, MoneySpec, QuantitySpec, TextSpec, split_annotated
from hrpolicy.core.convert import FORMAT_KEY, converter, format_of, union_tags
from hrpolicy.core.engines import ENGINE_NAMES, document_types, engine
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.period import Period

__all__ = ["DIALECT", "LOADER_REFUSES_MORE", "schema_id", "schema_named", "schema_of"]

#: The JSON Schema dialect of every schema: draft 2020-12.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

#: What every schema says of the loader, after the type's own description.
LOADER_REFUSES_MORE: Final = (
    "A document this schema accepts may still be refused when it is loaded: the schema "
    "checks each value on its own (its type, notation and bounds, the keys of each "
    "object), while the loader also checks the rules between values, which a schema "
    "cannot express: band rows that tile one interval without gaps or overlaps, with "
    "only the last row open above; versions whose dates do not overlap; shares that add "
    "up; dates in order; ids given once; and calendar dates that exist. It also refuses "
    "numbers of 10^18 or more or with more than 18 decimal places, and amounts finer "
    "than one fen written as a bare number or with an exponent. Whatever this schema "
    "rejects, the loader rejects too, but for one thing: the loader reads a date with "
    "spaces around it, which a validator asserting the 'date' format refuses."
)

Schema = dict[str, Any]

_NONE: Final = type(None)

# --- the notations of numbers, as the loader reads them -----------------------------------
#
# ``parse_decimal`` strips the text, removes every underscore and reads what is left as a
# ``Decimal``; the patterns below accept exactly that shape (Python's ``re``, as the
# ``jsonschema`` package uses: ``\d`` is any Unicode decimal digit, as ``Decimal`` reads
# them). What they cannot say — the magnitude limits — the loader still refuses.

_DIGIT: Final = r"\d"
#: A digit that may be a zero: ``0``, or a digit of another script (one of them is).
_ZERO: Final = r"(?:0|(?![1-9])\d)"


def _run(digit: str) -> str:
    """One digit, then digits and underscores."""
    return f"{digit}(?:_|{digit})*"


def _mantissa(digit: str = _DIGIT) -> str:
    """``12``, ``12.``, ``12.5`` or ``.5`` (underscores anywhere among the digits)."""
    return rf"(?:{_run(digit)}(?:\.(?:_|{digit})*)?|\._*{_run(digit)})"


_EXPONENT: Final = rf"[eE]_*[+-]?_*{_run(_DIGIT)}"
#: An amount without an exponent: at most two decimal places that are not zeros.
_CENTS: Final = (
    rf"(?:{_run(_DIGIT)}(?:\.(?:_*{_DIGIT}){{0,2}}(?:_|{_ZERO})*)?"
    rf"|\._*{_DIGIT}(?:_*{_DIGIT})?(?:_|{_ZERO})*)"
)


def _number_text(*, money: bool, non_negative: bool) -> str:
    """The pattern of a number written as text: any number, or money (at most two
    decimal places unless an exponent is written), of any sign or zero or more (``-0``
    is zero)."""
    plain = f"(?:{_CENTS}|{_mantissa()}{_EXPONENT})" if money else f"{_mantissa()}(?:{_EXPONENT})?"
    if non_negative:
        body = rf"(?:\+?_*{plain}|-_*{_mantissa(_ZERO)}(?:{_EXPONENT})?)"
    else:
        body = f"[+-]?_*{plain}"
    return rf"^[\s_]*{body}[\s_]*$"


#: A rate: a number, or a number followed by ``%``, ``％`` or ``‰``.
_RATE_TEXT: Final = rf"^[\s_]*[+-]?_*{_mantissa()}(?:{_EXPONENT})?[\s_]*(?:[%％‰]\s*)?$"
#: An exact rational as :class:`fractions.Fraction` reads it: ``5500/3``, ``0.75``, ``1e3``.
_FRACTION_TEXT: Final = r"^\s*[+-]?(?=\.?\d)[\d_]*(?:/[\d_]+|(?:\.[\d_]*)?(?:[eE][+-]?[\d_]+)?)\s*$"
_DAY: Final = r"(?:19|2[01])[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_DATE_TEXT: Final = rf"^\s*{_DAY}\s*$"
#: Seconds, with milliseconds or microseconds (what ``datetime.isoformat`` writes).
_SECONDS: Final = r"(?::[0-5][0-9](?:\.[0-9]{3}(?:[0-9]{3})?)?)?"
_DATETIME_TEXT: Final = rf"^\s*{_DAY}[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]{_SECONDS}\s*$"
#: Text that is not blank.
_NOT_BLANK: Final = r"\S"
#: Text without surrounding whitespace (and not empty).
_TRIMMED: Final = r"^\S(?:[\s\S]*\S)?$"
#: The magnitude the loader reads a number up to (exclusive).
_LIMIT: Final = 10**18


def _decimal_name(spec: object) -> str:
    if isinstance(spec, MoneySpec):
        return "NonNegativeMoney" if spec.non_negative else "Money"
    if isinstance(spec, QuantitySpec) and spec.non_negative:
        return "Quantity"
    return "Number"


def _decimal_ref(generator: _Generator, spec: object) -> Schema:
    return generator.define(_decimal_name(spec), lambda _: _decimal(spec))


def _decimal(spec: object) -> Schema:
    """An exact number: text in decimal notation, or a JSON number (an int, or the
    ``Decimal`` a document parsed with ``parse_float=Decimal`` holds)."""
    money = isinstance(spec, MoneySpec)
    non_negative = isinstance(spec, (MoneySpec, QuantitySpec)) and spec.non_negative
    number: Schema = {"type": "number", "exclusiveMaximum": _LIMIT}
    if non_negative:
        number["minimum"] = 0
    else:
        number["exclusiveMinimum"] = -_LIMIT
    text: Schema = {
        "type": "string",
        "pattern": _number_text(money=money, non_negative=non_negative),
    }
    what = "an amount in CNY" if money else "an exact number"
    if non_negative:
        what += " of zero or more"
    if money:
        what += " (at most 2 decimal places)"
    return {"description": f"{what}, as text or a number", "anyOf": [text, number]}


def _rate() -> Schema:
    return {
        "description": "a rate: '5%', '5‰' or '0.05', or a number",
        "anyOf": [
            {"type": "string", "pattern": _RATE_TEXT},
            {"type": "number", "exclusiveMinimum": -_LIMIT, "exclusiveMaximum": _LIMIT},
        ],
    }


def _int(spec: object) -> Schema:
    schema: Schema = {"type": "integer"}
    if isinstance(spec, IntSpec):
        schema["minimum"] = spec.min_value
        schema["maximum"] = spec.max_value
    return schema


def _str(spec: object) -> Schema:
    if isinstance(spec, TextSpec):
        return {"type": "string", "minLength": 1, "pattern": _NOT_BLANK}
    return {"type": "string"}


def _date() -> Schema:
    return {"type": "string", "format": "date", "pattern": _DATE_TEXT}


def _datetime() -> Schema:
    # Not ``format: date-time``: RFC 3339 times carry an offset, and a time here is the
    # company's wall clock, with no time zone.
    return {
        "type": "string",
        "description": (
            "a local date and time, YYYY-MM-DDTHH:MM[:SS[.fff[fff]]], without a time zone"
        ),
        "pattern": _DATETIME_TEXT,
    }


def _fraction() -> Schema:
    return {
        "description": "an exact number: '5500/3', '0.75', or a number",
        "anyOf": [
            {"type": "string", "pattern": _FRACTION_TEXT},
            {"type": "number"},
        ],
    }


def _provision() -> Schema:
    from hrpolicy.law.provisions import PROVISIONS  # noqa: PLC0415 - only when asked for

    return {"description": "a provision of the law by its id", "enum": list(PROVISIONS)}


def _choices(values: list[object]) -> Schema:
    return {"enum": values}


# --- the pieces of the converter's own hooks -------------------------------------------------


@attrs.frozen
class _Piece:
    """How the converter reads a type with a hook of its own, and its schema.

    ``hook`` is the module and qualified name of the structure hook the piece describes:
    a piece applies only while the converter still reads the type with that hook."""

    hook: tuple[str, str]
    build: Callable[[_Generator, object], Schema]


_CONVERT: Final = "hrpolicy.core.convert"
_LAMBDA: Final = "<lambda>"


def _band_table(generator: _Generator, _: object) -> Schema:
    return generator.define("BandTable", _band_table_schema)


def _band_table_schema(generator: _Generator) -> Schema:
    """A band table as ``BandTable.from_rows`` takes it: ``rows`` with the inclusivity
    stated once by ``closed``, ``semantics``, and optionally ``first_closed`` and
    ``name``."""
    from hrpolicy.core.bands import Band, BandTable, Semantics, Side  # noqa: PLC0415

    bound = _decimal_ref(generator, None)
    value = generator.define("Rate", lambda _: _rate())
    fields = attrs.fields_dict(Band)
    mapping: Schema = {
        "type": "object",
        "description": "a band that needs more than [lower, upper, value]: its own "
        "inclusivity (lower_closed, upper_closed), an end value, a lump sum, a re-rating "
        "or a label; without upper it is open above",
        "properties": {},
        "required": ["lower", "value"],
        "additionalProperties": False,
    }
    for name, field in fields.items():
        if not field.init:
            continue
        if name in ("value", "end_value"):  # a band's value may be written as a rate
            schema = value if name == "value" else _nullable(value)
        else:
            schema = generator.field_value(Band, field)
        mapping["properties"][name] = schema
    rows: Schema = {
        "type": "array",
        "minItems": 1,
        "description": "one row per band, in order: [lower, upper, value], or [lower, value] "
        "for a last band open above, or a mapping",
        "items": {
            "anyOf": [
                {
                    "type": "array",
                    "prefixItems": [bound, _nullable(bound), value],
                    "minItems": 3,
                    "items": False,
                },
                {"type": "array", "prefixItems": [bound, value], "minItems": 2, "items": False},
                mapping,
            ]
        },
    }
    name_field = attrs.fields_dict(BandTable)["name"]
    return {
        "type": "object",
        "title": "BandTable",
        "description": _summary(BandTable),
        "properties": {
            "rows": rows,
            "closed": {
                "description": "which bound of each band belongs to it: 'upper' (a, b], "
                "'lower' [a, b)",
                **_choices([side.value for side in Side]),
            },
            "semantics": _choices([semantics.value for semantics in Semantics]),
            "first_closed": {
                "type": "boolean",
                "default": True,
                "description": "whether the first band includes its lower bound",
            },
            "name": {**generator.field_value(BandTable, name_field), "default": "bands"},
        },
        "required": ["rows", "closed", "semantics"],
        "additionalProperties": False,
    }


def _deal_values(generator: _Generator, _: object) -> Schema:
    """A deal's named values: names of values (not the measures' names) to amounts."""
    from hrpolicy.commission.model import RESERVED_VALUE_NAMES  # noqa: PLC0415

    return {
        "type": "object",
        "description": "named values of the deal (the list price 'list', an equipment "
        "value…), each an amount of zero or more",
        "propertyNames": _value_name(RESERVED_VALUE_NAMES),
        "additionalProperties": _decimal_ref(generator, MoneySpec(non_negative=True)),
    }


def _any_case(word: str) -> str:
    """A pattern matching ``word`` in any case, without inline flags (which not every
    regular-expression dialect of JSON Schema validators has)."""
    return "".join(
        f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else _escape(c) for c in word
    )


#: The characters a regular expression gives a meaning of their own.
_REGEX_SPECIAL: Final = frozenset("\\^$.|?*+()[]{}/")


def _escape(character: str) -> str:
    return "\\" + character if character in _REGEX_SPECIAL else character


def _value_name(reserved: frozenset[str]) -> Schema:
    words = "|".join(_any_case(word) for word in sorted(reserved))
    return {
        "type": "string",
        "pattern": _TRIMMED,
        "not": {"pattern": f"^(?:{words})$"},
    }


def _reading(nullable: bool) -> Callable[[_Generator, object], Schema]:
    """What a commission table measures or pays on: a measure, or the name of a value
    the deals carry."""

    def build(_: _Generator, __: object) -> Schema:
        from hrpolicy.commission.model import RESERVED_VALUE_NAMES, Measure  # noqa: PLC0415

        schema: Schema = {
            "description": "a measure, or the name of a value the deals carry",
            "anyOf": [
                _choices([measure.value for measure in Measure]),
                _value_name(RESERVED_VALUE_NAMES),
            ],
        }
        return _nullable(schema) if nullable else schema

    return build


def _pair(generator: _Generator) -> Schema:
    """A ``[name, value]`` pair of a step's inputs or a finding's parameters."""
    return {
        "type": "array",
        "prefixItems": [{"type": "string"}, _step_value_ref(generator)],
        "minItems": 2,
        "items": False,
    }


def _step_value_ref(generator: _Generator) -> Schema:
    return generator.define("StepValue", _step_value)


def _step_value(generator: _Generator) -> Schema:
    """A value of a step or a finding: JSON's own scalars, or a number, ratio, date or
    rate tagged by its kind, or a label in both languages."""
    from hrpolicy.core.label import Label  # noqa: PLC0415

    def tagged(tag: str, schema: Schema) -> Schema:
        return {
            "type": "object",
            "properties": {tag: schema},
            "required": [tag],
            "additionalProperties": False,
        }

    return {
        "description": "an int, true/false, text, null, {'decimal': …}, {'ratio': …}, "
        "{'date': …}, {'rate': …} or a label {'zh_CN': …, 'en': …}",
        "anyOf": [
            {"type": ["null", "boolean", "integer", "string"]},
            tagged("decimal", _decimal_ref(generator, None)),
            tagged("ratio", generator.define("Ratio", lambda _: _fraction())),
            tagged("date", _date()),
            tagged("rate", generator.define("Rate", lambda _: _rate())),
            generator.object_ref(Label),
        ],
    }


def _citations(generator: _Generator) -> Schema:
    return {"type": "array", "items": generator.define("Provision", lambda _: _provision())}


def _step(generator: _Generator, _: object) -> Schema:
    from hrpolicy.core.explain import Step  # noqa: PLC0415
    from hrpolicy.core.label import Label  # noqa: PLC0415

    def build(generator: _Generator) -> Schema:
        return {
            "type": "object",
            "title": "Step",
            "description": _summary(Step),
            "properties": {
                "rule": {"type": "string"},
                "label": generator.object_ref(Label),
                "inputs": {"type": "array", "items": _pair(generator), "default": []},
                "output": {**_step_value_ref(generator), "default": None},
                "citations": {**_citations(generator), "default": []},
            },
            "required": ["rule", "label"],
            "additionalProperties": False,
        }

    return generator.define("Step", build)


def _finding(generator: _Generator, _: object) -> Schema:
    from hrpolicy.core.explain import Finding, Severity  # noqa: PLC0415

    def build(generator: _Generator) -> Schema:
        return {
            "type": "object",
            "title": "Finding",
            "description": _summary(Finding),
            "properties": {
                "catalog": {"type": "string", "description": "the engine's message catalog"},
                "code": {"type": "string", "description": "a code of that catalog"},
                "severity": _choices([severity.value for severity in Severity]),
                "params": {"type": "array", "items": _pair(generator), "default": []},
                "citations": {**_citations(generator), "default": []},
                "subject": {"type": "string", "default": ""},
            },
            "required": ["catalog", "code", "severity"],
            "additionalProperties": False,
        }

    return generator.define("Finding", build)


#: A period's text: a month (2025-03), a quarter (2025-Q1) or a year (2025).
_PERIOD_TEXT: Final = r"^[0-9]{4}(-(0[1-9]|1[0-2])|-[Qq][1-4])?$"


def _period(generator: _Generator, _: object) -> Schema:
    """A period: its fields (a season needs its dates), or the text of a month, quarter
    or year."""

    def build(generator: _Generator) -> Schema:
        text: Schema = {
            "type": "string",
            "pattern": _PERIOD_TEXT,
            "description": "a month (2025-03), a quarter (2025-Q1) or a year (2025)",
        }
        return {"anyOf": [generator.attrs_fields(Period), text]}

    return generator.define("Period", build)


def _simple(make: Callable[[], Schema]) -> Callable[[_Generator, object], Schema]:
    return lambda _, __: make()


def _defined(name: str, make: Callable[[], Schema]) -> Callable[[_Generator, object], Schema]:
    return lambda generator, _: generator.define(name, lambda _: make())


def _with_spec(make: Callable[[object], Schema]) -> Callable[[_Generator, object], Schema]:
    return lambda _, spec: make(spec)


#: The types the converter reads with a hook of its own, by qualified name.
_PIECES: Final[dict[str, _Piece]] = {
    "decimal.Decimal": _Piece((_CONVERT, "_structure_decimal"), _decimal_ref),
    "builtins.int": _Piece((_CONVERT, _LAMBDA), _with_spec(_int)),
    "builtins.str": _Piece((_CONVERT, _LAMBDA), _with_spec(_str)),
    "builtins.bool": _Piece((_CONVERT, _LAMBDA), _simple(lambda: {"type": "boolean"})),
    "datetime.date": _Piece((_CONVERT, _LAMBDA), _simple(_date)),
    "datetime.datetime": _Piece((_CONVERT, _LAMBDA), _simple(_datetime)),
    "fractions.Fraction": _Piece((_CONVERT, "_structure_fraction"), _defined("Ratio", _fraction)),
    "hrpolicy.core.money.Rate": _Piece((_CONVERT, "_structure_rate"), _defined("Rate", _rate)),
    "hrpolicy.law.provisions.Provision": _Piece(
        (_CONVERT, "_structure_provision"), _defined("Provision", _provision)
    ),
    "hrpolicy.core.explain.Step": _Piece((_CONVERT, "_structure_step"), _step),
    "hrpolicy.core.explain.Finding": _Piece((_CONVERT, "_structure_finding"), _finding),
    "hrpolicy.core.bands.BandTable": _Piece((_CONVERT, "_structure_table"), _band_table),
    "hrpolicy.core.period.Period": _Piece((_CONVERT, "_structure_period"), _period),
    "hrpolicy.commission.model.DealValues": _Piece(
        ("hrpolicy.commission.model", "_structure_values"), _deal_values
    ),
}

#: Fields the converter hands as they are to the field's own converter (there is no hook
#: for their type), by the converter's qualified name.
_FIELD_CONVERTERS: Final[dict[str, Callable[[_Generator, object], Schema]]] = {
    "hrpolicy.commission.plan._measure": _reading(nullable=False),
    "hrpolicy.commission.plan._basis": _reading(nullable=True),
}


def _qualified(thing: object) -> str:
    module = getattr(thing, "__module__", None)
    name = getattr(thing, "__qualname__", None) or getattr(thing, "__name__", repr(thing))
    return f"{module}.{name}" if module else str(name)


def _hook_of(tp: object) -> Any:
    """The converter's structure hook for ``tp``, or ``None`` when it has none."""
    try:
        return converter.get_structure_hook(tp)
    except StructureHandlerNotFoundError:
        return None


def _is_generated(hook: object) -> bool:
    """Whether ``hook`` is the structure function cattrs generates for an attrs class
    (its keys and fields read one by one), not a hook of the library's own."""
    code = getattr(hook, "__code__", None)
    return code is not None and code.co_filename.startswith("<cattrs generated structure")


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    doc = inspect.getdoc(cls) if cls.__doc__ else None
    if not doc:
        return ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _plain(value: Any) -> Any:
    """Unstructured data as JSON's data model (tuples as lists)."""
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _default(field: attrs.Attribute[Any]) -> tuple[bool, Any]:
    """Whether the field has a default that can be shown, and that default as data."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory: Any = default
        if factory.takes_self:
            return False, None
        default = factory.factory()
    return True, _plain(converter.unstructure(default))


class _Generator:
    """Builds one document's schema: the root object and the ``$defs`` it refers to."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}
        self._names: dict[object, str] = {}

    def define(
        self, name: str, build: Callable[[_Generator], Schema], key: object = None
    ) -> Schema:
        """A ``$ref`` to the definition ``name`` (built once; ``key`` tells apart two
        definitions that would have the same name)."""
        key = name if key is None else key
        if key not in self._names:
            unique = name
            taken = set(self._names.values())
            suffix = 2
            while unique in taken:
                unique = f"{name}{suffix}"
                suffix += 1
            self._names[key] = unique
            self.defs[unique] = {}  # a placeholder, for classes that refer to themselves
            self.defs[unique] = build(self)
        return {"$ref": f"#/$defs/{self._names[key]}"}

    def object_ref(self, cls: type, tag: tuple[str, str] | None = None) -> Schema:
        return self.define(
            cls.__name__, lambda generator: generator.fields_of(cls, tag), key=(cls, tag)
        )

    def fields_of(self, cls: type, tag: tuple[str, str] | None = None) -> Schema:
        """The object schema of an attrs class read field by field (with its union tag
        when it is read as a member of a tagged union)."""
        hook = _hook_of(cls)
        if not _is_generated(hook):
            raise InvalidTypeError(
                cls.__name__,
                "a class the converter reads field by field, or a type the schema "
                "generator has a piece for, not one read by the structure hook",
                _qualified(hook),
            )
        return self.attrs_fields(cls, tag)

    def attrs_fields(self, cls: type, tag: tuple[str, str] | None = None) -> Schema:
        """The object schema of ``cls``'s fields, as :meth:`fields_of` describes them
        (for a piece whose hook reads the fields and some other form besides)."""
        properties: Schema = {}
        required: list[str] = []
        if tag is not None:
            tag_name, tag_value = tag
            if tag_name in attrs.fields_dict(cls):
                raise InvalidTypeError(
                    f"{cls.__name__}.{tag_name}",
                    "a field name other than the tag of its union",
                    tag_name,
                )
            properties[tag_name] = {"const": tag_value}
            required.append(tag_name)
        use_alias = bool(getattr(converter, "use_alias", False))
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = field.alias if use_alias else field.name
            schema = self.field_value(cls, field)
            shown, default = (False, None)
            if field.default is attrs.NOTHING:
                required.append(key)
            else:
                shown, default = _default(field)
            properties[key] = {**schema, "default": default} if shown else schema
        schema = {"type": "object", "title": cls.__name__}
        summary = _summary(cls)
        if summary:
            schema["description"] = summary
        schema["properties"] = properties
        if required:
            schema["required"] = required
        if converter.forbid_extra_keys:
            schema["additionalProperties"] = False
        return schema

    def field_value(self, cls: type, field: attrs.Attribute[Any]) -> Schema:
        """What the converter reads for one field: its type's hook, or — when its type
        has none — what the field's own converter takes."""
        where = f"{cls.__name__}.{field.name}"
        annotation = _annotation(cls, field)
        if _hook_of(annotation) is not None:
            return self.value(annotation, where)
        piece = _FIELD_CONVERTERS.get(_qualified(field.converter))
        if piece is None:
            raise InvalidTypeError(
                where,
                f"a field whose type the converter reads, or a field converter the schema "
                f"generator has a piece for ({annotation!r} is handed as it is to the "
                "field's converter)",
                _qualified(field.converter),
            )
        return piece(self, None)

    def value(self, annotation: object, where: str) -> Schema:
        """The schema of one value of type ``annotation``."""
        base, spec = split_annotated(annotation)
        origin = typing.get_origin(base)
        if origin in (Union, types.UnionType):
            return self._union(base, where)
        if origin is tuple:
            return self._tuple(base, where)
        piece = _PIECES.get(_qualified(base))
        if piece is not None:
            hook = _hook_of(base)
            if (getattr(hook, "__module__", None), getattr(hook, "__qualname__", None)) != (
                piece.hook
            ):
                raise InvalidTypeError(
                    where,
                    f"{_qualified(base)} read with the hook {'.'.join(piece.hook)}, which "
                    "the schema generator describes, not one read by the structure hook",
                    _qualified(hook),
                )
            return piece.build(self, spec)
        if isinstance(base, type) and issubclass(base, enum.Enum):
            hook = _hook_of(base)
            if _qualified(hook) != f"{_CONVERT}._structure_enum":
                raise InvalidTypeError(
                    where, "an enum read by its value, not by the structure hook", _qualified(hook)
                )
            return _choices([member.value for member in base])
        if isinstance(base, type) and attrs.has(base):
            return self.object_ref(base)
        raise InvalidTypeError(where, "a type the schema generator can describe", str(base))

    def _tuple(self, tp: object, where: str) -> Schema:
        """``tuple[X, ...]``: a list of ``X``; ``tuple[X, Y]``: a list of exactly an ``X``
        and a ``Y`` (as cattrs reads a tuple of fixed length)."""
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.value(args[0], f"{where}[]")}
        hook = _hook_of(tp)
        if not args or Ellipsis in args or getattr(hook, "__qualname__", None) != "structure_tuple":
            raise InvalidTypeError(
                where, "a tuple[X, ...] type, or tuple[X, Y] read by cattrs", str(tp)
            )
        return {
            "type": "array",
            "prefixItems": [self.value(arg, f"{where}[{i}]") for i, arg in enumerate(args)],
            "minItems": len(args),
            "items": False,
        }

    def _union(self, union: object, where: str) -> Schema:
        args = typing.get_args(union)
        members = [arg for arg in args if arg is not _NONE]
        nullable = len(members) < len(args)
        tags = union_tags(union)
        if tags is not None:
            tag_name, by_class = tags
            # The tag picks the member (if/then, as a discriminator), so a document that
            # names its kind is told what is wrong inside that member, not only that it
            # matches none of them.
            schema: Schema = {
                "type": "object",
                "required": [tag_name],
                "properties": {tag_name: {"enum": list(by_class.values())}},
                "allOf": [
                    {
                        "if": {"required": [tag_name], "properties": {tag_name: {"const": tag}}},
                        "then": self.object_ref(member, (tag_name, tag)),
                    }
                    for member, tag in by_class.items()
                ],
            }
        elif len(members) == 1:
            schema = self.value(members[0], where)
        else:
            raise InvalidTypeError(where, "a tagged union or an optional value", str(union))
        return _nullable(schema) if nullable else schema

    def document(self, cls: type) -> Schema:
        """The schema of a whole document holding a ``cls``: its object, with the
        optional ``format`` key, and every definition it refers to."""
        name = cls.__name__
        if _qualified(cls) in _PIECES:  # a class read by a hook of its own (a band table)
            ref = self.value(cls, name)["$ref"]
            body = self.defs.pop(ref.rsplit("/", 1)[1])
        else:
            body = self.fields_of(cls)
        summary = body.get("description", "")
        schema: Schema = {
            "$schema": DIALECT,
            "$id": schema_id(name),
            "title": name,
            "description": f"{summary} {LOADER_REFUSES_MORE}".strip(),
            "type": "object",
            "properties": {
                FORMAT_KEY: {
                    "type": "integer",
                    "const": format_of(cls),
                    "description": "the version of the document's shape (optional)",
                },
                **body["properties"],
            },
        }
        for key in ("required", "additionalProperties"):
            if key in body:
                schema[key] = body[key]
        if self.defs:
            schema["$defs"] = dict(sorted(self.defs.items()))
        return schema


def _annotation(cls: type, field: attrs.Attribute[Any]) -> object:
    return _hints(cls)[field.name]


@functools.cache
def _hints(cls: type) -> Mapping[str, object]:
    return typing.get_type_hints(cls, include_extras=True)


def schema_id(name: str) -> str:
    """The ``$id`` of the schema of the document type ``name``.

    >>> schema_id("Plan")
    'urn:hrpolicy:schema:Plan'
    """
    return f"urn:hrpolicy:schema:{name}"


def schema_of(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document holding a ``cls``, in the compact
    shape :func:`~hrpolicy.core.convert.to_dict` writes.

    Args:
        cls: an attrs class the library reads from documents: a policy type or a case
            type (the keys of :func:`hrpolicy.core.engines.document_types`), or any of
            the classes inside them.

    Returns:
        A schema with ``$schema``, ``$id``, ``title``, a ``description`` (the class's
        own, then what the loader refuses beyond the schema), the class's fields as
        ``properties`` (with an optional ``format``), the fields without a default as
        ``required``, no other keys, and the classes inside under ``$defs``.

    Raises:
        InvalidTypeError: ``cls`` is not an attrs class, or the converter reads a type
            inside it with a hook the generator has no piece for (the error names it).

    Example:
        >>> from hrpolicy.reports import ReportPolicy
        >>> schema = schema_of(ReportPolicy)
        >>> schema["required"], schema["properties"]["format"]["const"]
        (['policy_id', 'required', 'deadline'], 1)
        >>> schema["properties"]["grace_minutes"]
        {'type': 'integer', 'minimum': 0, 'maximum': 10080, 'default': 0}
        >>> sorted(schema["$defs"])
        ['Deadline', 'Deduction', 'ItemRule', 'NonNegativeMoney', 'Rate', 'Tolerance']
        >>> schema_of(dict)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidTypeError: cls: expected an attrs class (a policy or case
        type), got type <class 'dict'>
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise InvalidTypeError("cls", "an attrs class (a policy or case type)", cls)
    return _Generator().document(cls)


def schema_named(name: str) -> dict[str, Any]:
    """The schema of the document type called ``name``: a key of
    :func:`~hrpolicy.core.engines.document_types` (``"Plan"``) or an engine and one of its
    types (``"commission.Plan"``).

    Args:
        name: the type's name.

    Returns:
        :func:`schema_of` the type.

    Raises:
        InvalidValueError: no document type has that name (the names are listed).

    Example:
        >>> schema_named("bonds.ServiceSchedule")["required"]
        ['table']
        >>> schema_named("Payslip")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: type: expected one of BondCase, BondPolicy, ...
    """
    types_ = document_types()
    if isinstance(name, str) and name in types_:
        return schema_of(types_[name])
    if isinstance(name, str) and "." in name:
        engine_name, _, class_name = name.partition(".")
        if engine_name in ENGINE_NAMES:
            spec = engine(engine_name)
            for cls in (spec.case_type, *spec.policy_types):
                if cls.__name__ == class_name:
                    return schema_of(cls)
    raise InvalidValueError(
        "type",
        "one of " + ", ".join(types_) + " (or ENGINE.TYPE, such as bonds.BondCase)",
        name,
    )
