"""Policy documents as text: JSON, TOML and YAML read into plain data and written back.

The library reads no files: it parses the text (or bytes) handed to it. Every syntax is
read into one data model, JSON's: a ``dict`` with text keys, a ``list``, a ``str``, an
``int``, a :class:`~decimal.Decimal` (every number with a fraction or an exponent, read
exactly from its text, never through a float), a ``bool`` or ``None``. TOML dates and
times become ISO text, so :func:`~hrpolicy.core.convert.from_dict` and a JSON Schema see
the same data whichever syntax an analyst wrote.

>>> parse('rate: 0.1\\nactive: no\\nsince: 2024-03-01\\n', "yaml")
{'rate': Decimal('0.1'), 'active': 'no', 'since': '2024-03-01'}
>>> parse(b'{"rate": 0.1, "ids": [1, 2]}', "json")
{'rate': Decimal('0.1'), 'ids': [1, 2]}
>>> print(dump({"active": "no", "amount": "3000.00", "rate": Decimal("0.05")}, "yaml"))
active: 'no'
amount: '3000.00'
rate: 0.05
<BLANKLINE>

YAML is read by the YAML 1.2 core schema: only ``true`` and ``false`` are booleans
(``no``, ``yes``, ``on`` and ``off`` stay text), ``null``, ``~`` and an empty value are
``None``, integers are decimal, ``0o`` octal or ``0x`` hexadecimal, every other number is
a ``Decimal`` (``1e3`` reads as ``Decimal("1E+3")``, equal to 1000), and a date stays
text. Anchors and aliases, tags outside the core schema (``!!python/object``…), keys that
are not text and keys given twice are refused, in every syntax. A document nesting more
than :data:`MAX_DEPTH` levels, an integer longer than Python reads as text, a number that
is not finite (``NaN``, ``.inf``) and bytes that are not UTF-8 are refused too. Every
refusal is a :class:`DocumentError` naming the source, the line and column where the
parser gives them, and the key path where it is known:

>>> parse("base: &b {rate: 1}\\ncopy: *b\\n", "yaml", source="plan.yaml")
Traceback (most recent call last):
...
hrpolicy.documents.text.DocumentError: plan.yaml, line 1, column 7: YAML anchors and aliases
are not read

An empty JSON or YAML document (nothing but white space or comments) is refused as "an
empty document"; an empty TOML document is an empty table, ``{}`` (TOML's own reading),
and :func:`loads` then names every key it lacks.

Writing (:func:`dump`) takes the same data model: JSON with two-space indentation, TOML
through ``tomli-w``, YAML in block style with every text that a YAML reader — 1.2 like
this one or 1.1 like many tools — would read as something else quoted (``'no'``,
``'1e3'``, ``'2024-03-01'``), and never an anchor. A ``Decimal`` is written as its exact
text; one without a fraction or exponent gains ``.0`` (``Decimal("3000")`` is written
``3000.0``) so that it reads back as a ``Decimal`` of the same value, not as an int.

:func:`loads` and :func:`dumps` join parsing to :func:`~hrpolicy.core.convert.from_dict`
and :func:`~hrpolicy.core.convert.to_dict`. PyYAML and tomli-w (and tomli before Python
3.11) come with the ``documents`` extra: ``pip install 'hrpolicy[documents]'``.
"""

from __future__ import annotations

import ast
import codecs
import functools
import importlib
import json
import re
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import date, time
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast, get_args

from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import (
    ConversionError,
    HRPolicyError,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    describe,
)

if TYPE_CHECKING:
    import yaml

__all__ = [
    "MAX_DEPTH",
    "SYNTAXES",
    "DocumentError",
    "Syntax",
    "dump",
    "dumps",
    "loads",
    "parse",
    "syntax_of",
]

T = TypeVar("T")

#: The three syntaxes a document may be written in.
Syntax = Literal["json", "toml", "yaml"]
#: The syntaxes, in the order they are listed.
SYNTAXES: Final[tuple[Syntax, ...]] = get_args(Syntax)
#: The deepest nesting of mappings and lists read or written. A policy nests a dozen
#: levels at most; a deeper document is refused with its place, never a RecursionError.
MAX_DEPTH: Final = 64

#: File name suffixes and their syntax.
_SUFFIXES: Final[dict[str, Syntax]] = {
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
}
_EXTRA: Final = "pip install 'hrpolicy[documents]'"
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_TOML_PLACE: Final = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\Z")


class DocumentError(HRPolicyError, ValueError):
    """A document that cannot be read (or data that cannot be written in a syntax).

    ``source`` names the document (the file name a caller passes); ``line`` and
    ``column`` (from 1) are given where the parser gives them, else ``None``; ``path`` is
    the key path of the value concerned (``$.versions[0].rate``) where it is known, else
    ``""``; ``reason`` says what is wrong. ``str()`` is one line.

    >>> err = DocumentError("plan.toml", "a duplicate key 'rate'", line=3, column=5)
    >>> str(err)
    "plan.toml, line 3, column 5: a duplicate key 'rate'"
    >>> str(DocumentError("plan.json", "NaN is not a number", path="$.rates[2]"))
    'plan.json: $.rates[2]: NaN is not a number'
    >>> isinstance(err, ValueError), err.line, err.column, err.path
    (True, 3, 5, '')
    """

    source: str
    line: int | None
    column: int | None
    reason: str

    def __init__(
        self,
        source: str,
        reason: str,
        line: int | None = None,
        column: int | None = None,
        path: str = "",
    ) -> None:
        HRPolicyError.__init__(self, path, reason)
        self.source = source
        self.reason = reason
        self.line = line
        self.column = column
        where = source
        if line is not None:
            where += f", line {line}"
            if column is not None:
                where += f", column {column}"
        at = f"{path}: " if path else ""
        self.args = (f"{where}: {at}{reason}",)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.source, self.reason, self.line, self.column, self.path))

    def at(self, path: str, kind: type[HRPolicyError] | None = None) -> HRPolicyError:
        """The same error at another key ``path`` (as ``kind``, when given)."""
        if kind is None or issubclass(DocumentError, kind):
            return DocumentError(self.source, self.reason, self.line, self.column, path)
        return super().at(path, kind)


# --------------------------------------------------------------------------- arguments


def syntax_of(name: str) -> Syntax:
    """The syntax of a document from its file name's suffix (any case).

    Args:
        name: a file name or path (``plan.yaml``, ``cases/li.TOML``).

    Returns:
        ``"json"``, ``"toml"`` or ``"yaml"`` (for ``.yaml`` and ``.yml``).

    Raises:
        InvalidTypeError: ``name`` is not text.
        InvalidValueError: another suffix, or none.

    Example:
        >>> syntax_of("plans/2024.YML"), syntax_of("case.json")
        ('yaml', 'json')
        >>> syntax_of("plan.txt")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: name: expected a file name ending in .json,
        .toml, .yaml or .yml, got str 'plan.txt'
    """
    if not isinstance(name, str):
        raise InvalidTypeError("name", "a file name (str)", name)
    base = re.split(r"[/\\]", name)[-1]
    dot = base.rfind(".")
    syntax = _SUFFIXES.get(base[dot:].lower()) if dot > 0 else None
    if syntax is None:
        raise InvalidValueError("name", "a file name ending in .json, .toml, .yaml or .yml", name)
    return syntax


def _syntax(syntax: object) -> Syntax:
    if not isinstance(syntax, str):
        raise InvalidTypeError("syntax", "one of 'json', 'toml', 'yaml' (str)", syntax)
    if syntax not in SYNTAXES:
        raise InvalidValueError("syntax", "one of 'json', 'toml', 'yaml'", syntax)
    return syntax


def _require(module: str, library: str) -> ModuleType:
    """Import ``module`` or name the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            "hrpolicy.documents",
            f"the {library} library, installed with the extra: {_EXTRA}",
        ) from None


def _tomllib() -> ModuleType:
    if sys.version_info >= (3, 11):
        return importlib.import_module("tomllib")
    return _require("tomli", "tomli")  # pragma: no cover - Python 3.10 only


# --------------------------------------------------------------------------- paths


def _path(parts: tuple[str | int, ...]) -> str:
    """``("versions", 0, "rate")`` → ``$.versions[0].rate``; keys that are not names are
    written as ``['a key']`` (the form :func:`~hrpolicy.core.convert.from_dict` uses)."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENTIFIER.match(part):
            out.append(f".{part}")
        else:
            out.append(f"[{part!r}]")
    return "".join(out)


_PATH_TOKEN: Final = re.compile(
    r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(-?\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]"
)


def _path_parts(message: str) -> tuple[str | int, ...] | None:
    """The key path at the start of a conversion message (``$.a[0]: expected …``)."""
    if not message.startswith("$"):
        return None
    parts: list[str | int] = []
    index = 1
    while index < len(message) and message[index] in ".[":
        match = _PATH_TOKEN.match(message, index)
        if match is None:
            break
        name, number, quoted = match.groups()
        if name is not None:
            parts.append(name)
        elif number is not None:
            parts.append(int(number))
        else:
            parts.append(str(ast.literal_eval(quoted)))
        index = match.end()
    return tuple(parts)


# --------------------------------------------------------------------------- reading


def parse(text: str | bytes, syntax: Syntax, *, source: str = "<document>") -> Any:
    """Read a document into plain data (JSON's data model; see the module's notes).

    Args:
        text: the document: text, or bytes in UTF-8 (a byte-order mark allowed).
        syntax: ``"json"``, ``"toml"`` or ``"yaml"`` (see :func:`syntax_of`).
        source (optional): the document's name, for error messages (a file name).

    Returns:
        The data: a ``dict`` for a mapping (TOML: always), else a ``list``, ``str``,
        ``int``, ``Decimal``, ``bool`` or ``None``.

    Raises:
        DocumentError: the document cannot be read: a syntax error, bytes that are not
            UTF-8, an empty JSON or YAML document, a key given twice or not text, a YAML
            anchor, alias or tag outside the core schema, a number that is not finite,
            an integer longer than Python reads, nesting deeper than :data:`MAX_DEPTH`.
        InvalidTypeError: ``text`` is neither text nor bytes.
        InvalidValueError: an unknown ``syntax``.
        MissingDependencyError: YAML without PyYAML (the ``documents`` extra).

    Example:
        >>> parse('rate = 0.1\\nsince = 2024-03-01\\n', "toml")
        {'rate': Decimal('0.1'), 'since': '2024-03-01'}
        >>> parse('{"rate": 0.1, "rate": 0.2}', "json", source="plan.json")
        Traceback (most recent call last):
        ...
        hrpolicy.documents.text.DocumentError: plan.json: $: the key 'rate' is given twice
    """
    data, _ = _parse(text, syntax, source, with_lines=False)
    return data


def _parse(
    text: object, syntax: object, source: object, *, with_lines: bool
) -> tuple[Any, dict[tuple[str | int, ...], int] | None]:
    chosen = _syntax(syntax)
    if not isinstance(source, str):
        raise InvalidTypeError("source", "the document's name (str)", source)
    decoded = _decode(text, source)
    if chosen == "json":
        return _parse_json(decoded, source), None
    if chosen == "toml":
        return _parse_toml(decoded, source), None
    lines: dict[tuple[str | int, ...], int] | None = {} if with_lines else None
    return _parse_yaml(decoded, source, lines), lines


def _decode(text: object, source: str) -> str:
    if isinstance(text, str):
        return text[1:] if text.startswith("\ufeff") else text
    if not isinstance(text, (bytes, bytearray)):
        raise InvalidTypeError("text", "the document's text (str or bytes)", text)
    raw = bytes(text)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line_start = raw.rfind(b"\n", 0, start) + 1
        column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
        raise DocumentError(
            source,
            f"the byte 0x{raw[start]:02x} at offset {start} is not UTF-8 text",
            line=raw.count(b"\n", 0, start) + 1,
            column=column,
        ) from None


def _is_empty(text: str) -> bool:
    return not text.strip()


def _empty(source: str) -> DocumentError:
    return DocumentError(source, "an empty document (nothing but white space or comments)")


def _too_deep(source: str, path: str = "", line: int | None = None) -> DocumentError:
    return DocumentError(
        source, f"the document nests deeper than {MAX_DEPTH} levels", line=line, path=path
    )


@functools.cache
def _int_ceiling(limit: int) -> int:
    ceiling: int = 10**limit
    return ceiling


def _digit_limit() -> int:
    """The most digits Python reads or writes as an int's text (0: no limit; Python
    before 3.10.7 has none)."""
    get_limit: Callable[[], int] | None = getattr(sys, "get_int_max_str_digits", None)
    return get_limit() if get_limit is not None else 0


def _int_too_long(value: int) -> bool:
    limit = _digit_limit()
    return limit > 0 and abs(value) >= _int_ceiling(limit)


def _long_int_reason(digits: int | None = None) -> str:
    limit = _digit_limit()
    size = f"of {digits} digits " if digits is not None else ""
    return f"an integer {size}is longer than Python reads as text (at most {limit} digits)"


class _Refused:
    """What a JSON hook returns for a value it refuses; the check of the data that
    follows finds it and names its key path."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any] | _Refused:
    mapping = dict(pairs)
    if len(mapping) == len(pairs):
        return mapping
    seen: set[str] = set()
    for key, _ in pairs:  # pragma: no branch - a key is given twice
        if key in seen:
            return _Refused(f"the key {key!r} is given twice")
        seen.add(key)
    raise AssertionError  # pragma: no cover


def _json_constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a number a document may hold")


def _decimal(text: str) -> Decimal | _Refused:
    """A number with a fraction or an exponent as the ``Decimal`` of its text; one whose
    exponent is beyond what a ``Decimal`` holds (``1e9999999999999999999``) is refused."""
    try:
        return Decimal(text)
    except InvalidOperation:
        shown = text if len(text) <= 40 else text[:37] + "..."
        return _Refused(f"the number {shown} has an exponent beyond what a decimal holds")


def _json_int(text: str) -> int | _Refused:
    limit = _digit_limit()
    digits = len(text) - text.startswith("-")
    if limit > 0 and digits > limit:
        return _Refused(_long_int_reason(digits))
    return int(text)


def _parse_json(text: str, source: str) -> Any:
    if _is_empty(text):
        raise _empty(source)
    try:
        data = json.loads(
            text,
            parse_float=_decimal,
            parse_int=_json_int,
            parse_constant=_json_constant,
            object_pairs_hook=_json_pairs,
        )
    except json.JSONDecodeError as exc:
        raise DocumentError(source, exc.msg, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise _too_deep(source) from None
    except ValueError as exc:  # pragma: no cover - every hook refuses by returning
        raise DocumentError(source, str(exc)) from None
    return _checked(data, source)


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text, parse_float=_decimal)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, source) from None
    except RecursionError:
        raise _too_deep(source) from None
    except ValueError as exc:  # an integer too long for int(), a date out of range
        reason = _long_int_reason() if "integer string conversion" in str(exc) else str(exc)
        raise DocumentError(source, reason) from None
    return cast("dict[str, Any]", _checked(data, source))


def _toml_error(exc: Exception, source: str) -> DocumentError:
    message = str(getattr(exc, "msg", None) or exc)
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "colno", None)
    place = _TOML_PLACE.search(message)
    if place is not None:
        message = message[: place.start()]
        if place.group(1) is not None and line is None:
            line, column = int(place.group(1)), int(place.group(2))
        elif place.group(1) is None:
            message += " (at the end of the document)"
    return DocumentError(source, message, line=line, column=column)


def _checked(data: Any, source: str) -> Any:
    """The parsed data in JSON's model, checked all through without recursion: dates and
    times as ISO text, every refused value, lone surrogate and too deep nesting named by
    its key path."""
    root: list[Any] = [data]
    stack: list[tuple[Any, Any, tuple[str | int, ...], int]] = [(root, 0, (), 0)]
    while stack:
        holder, key, parts, depth = stack.pop()
        value = holder[key]
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise _too_deep(source, _path(parts))
            items: Iterator[tuple[str | int, Any]] = (
                iter(value.items()) if isinstance(value, dict) else enumerate(value)
            )
            stack.extend((value, k, (*parts, k), depth + 1) for k, _ in reversed(list(items)))
        elif isinstance(value, _Refused):
            raise DocumentError(source, value.reason, path=_path(parts))
        elif isinstance(value, str):
            if not value.isascii() and _SURROGATE.search(value):
                raise DocumentError(source, _SURROGATE_REASON, path=_path(parts))
        elif isinstance(value, Decimal):
            if not value.is_finite():
                raise DocumentError(
                    source, f"{value} is not a number a document may hold", path=_path(parts)
                )
        elif isinstance(value, (date, time)):  # a datetime is a date
            holder[key] = value.isoformat()
    return root[0]


_SURROGATE_REASON: Final = "text holding a lone surrogate, which is not Unicode text"


# --------------------------------------------------------------------------- YAML

_CORE: Final = "tag:yaml.org,2002:"
_STR: Final = _CORE + "str"
_NULL_RE: Final = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL_RE: Final = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_INT_RE: Final = re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_FLOAT_RE: Final = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF_RE: Final = re.compile(r"[-+]?(?:\.inf|\.Inf|\.INF)\Z")
_NAN_RE: Final = re.compile(r"(?:\.nan|\.NaN|\.NAN)\Z")
#: The YAML 1.2 core schema's implicit resolvers: (tag, pattern, first characters).
_CORE_RESOLVERS: Final = (
    (_CORE + "null", _NULL_RE, ["~", "n", "N", ""]),
    (_CORE + "bool", _BOOL_RE, list("tTfF")),
    (_CORE + "int", _INT_RE, list("-+0123456789")),
    (_CORE + "float", _FLOAT_RE, list("-+.0123456789")),
    (_CORE + "float", _INF_RE, list("-+.")),
    (_CORE + "float", _NAN_RE, ["."]),
)


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


class _YAML:
    """PyYAML's pieces built on the YAML 1.2 core schema (made on first use, so that
    ``import hrpolicy`` never imports PyYAML)."""

    def __init__(self) -> None:
        import yaml  # noqa: PLC0415 - PyYAML is imported on first use

        self.yaml: ModuleType = yaml
        self.resolvers_12: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
        for tag, pattern, first in _CORE_RESOLVERS:
            for char in first:
                self.resolvers_12.setdefault(char, []).append((tag, pattern))
        self.resolvers_11: Mapping[Any, list[tuple[str, re.Pattern[str]]]] = (
            yaml.resolver.Resolver.yaml_implicit_resolvers
        )
        self.loader = _loader_class(self)
        self.dumper = _dumper_class(self)

    @staticmethod
    def implicit_tag(value: str, resolvers: Mapping[Any, list[tuple[str, re.Pattern[str]]]]) -> str:
        """The tag a plain scalar resolves to by ``resolvers``."""
        for tag, pattern in [*resolvers.get(value[:1], []), *resolvers.get(None, [])]:
            if pattern.match(value):
                return tag
        return _STR


def _loader_class(kit: _YAML) -> Callable[[str], Any]:
    import yaml  # noqa: PLC0415 - PyYAML is imported on first use

    resolvers = kit.resolvers_12

    class CoreResolver(yaml.resolver.BaseResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is yaml.ScalarNode and implicit[0]:
                return kit.implicit_tag(value, resolvers)
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]

    class Loader(
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        CoreResolver,
    ):
        """Composes one document's node tree; refuses anchors, aliases and nesting deeper
        than MAX_DEPTH as they come, so nothing is ever expanded."""

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            CoreResolver.__init__(self)
            self.depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise yaml.composer.ComposerError(
                    None, None, "YAML anchors and aliases are not read", event.start_mark
                )
            if isinstance(event, yaml.ScalarEvent):
                if event.tag == "!":  # the non-specific tag: text, whatever it looks like
                    event.tag = _STR
                return super().compose_node(parent, index)
            if self.depth >= MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"the document nests deeper than {MAX_DEPTH} levels",
                    event.start_mark,
                )
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return Loader


def _dumper_class(kit: _YAML) -> type[yaml.SafeDumper]:
    import yaml  # noqa: PLC0415 - PyYAML is imported on first use

    resolvers_12, resolvers_11 = kit.resolvers_12, kit.resolvers_11

    class Dumper(yaml.SafeDumper):
        """Writes plain data; quotes any text a YAML 1.2 or 1.1 reader would read as
        something else, and never writes an anchor."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is yaml.ScalarNode and implicit[0]:
                tag = kit.implicit_tag(value, resolvers_12)
                return tag if tag != _STR else kit.implicit_tag(value, resolvers_11)
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]

    def represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
        return dumper.represent_scalar(_CORE + "float", _decimal_text(value))

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = '"' if any(ch in value for ch in "\n\r\x85\u2028\u2029") else None
        return dumper.represent_scalar(_STR, value, style=style)

    def represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
        # A short row of plain values on one line, as an analyst writes a band's row:
        # ``- ['0', '2000', '1']``; anything else one item a line.
        return dumper.represent_sequence(_CORE + "seq", value, flow_style=_one_line(value))

    Dumper.add_representer(Decimal, represent_decimal)
    Dumper.add_representer(str, represent_str)
    Dumper.add_representer(list, represent_list)
    return Dumper


#: The longest row of plain values (by the length of their text) YAML writes on one line.
_ONE_LINE: Final = 60


def _one_line(items: list[Any]) -> bool:
    width = 0
    for item in items:
        if isinstance(item, (dict, list)):
            return False
        text = item if isinstance(item, str) else str(item)
        if any(ch in text for ch in "\n\r\x85\u2028\u2029"):
            return False
        width += len(text) + 4
    return 0 < width <= _ONE_LINE


@functools.cache
def _yaml() -> _YAML:
    _require("yaml", "PyYAML")
    return _YAML()


def _parse_yaml(text: str, source: str, lines: dict[tuple[str | int, ...], int] | None) -> Any:
    kit = _yaml()
    yaml = kit.yaml
    loader = None
    try:
        loader = kit.loader(text)  # PyYAML checks the characters here
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, source) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        reason = f"the character {_codepoint(exc.character)} is not allowed in YAML"
        raise DocumentError(source, reason, line=line, column=column) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error is one of those
        raise DocumentError(source, str(exc)) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH refuses first
        raise _too_deep(source) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        raise _empty(source)
    return _yaml_data(kit, root, source, lines)


def _codepoint(character: object) -> str:
    if isinstance(character, str):  # pragma: no cover - PyYAML gives the code point
        character = ord(character)
    if isinstance(character, int):
        return f"U+{character:04X}"
    return repr(character)  # pragma: no cover - text is decoded before PyYAML reads it


def _yaml_error(exc: Any, source: str) -> DocumentError:
    mark = exc.problem_mark or exc.context_mark
    reason = str(exc.problem or exc.context or "not a YAML document")
    if exc.context and exc.problem:
        context_mark = exc.context_mark
        where = ""
        if context_mark is not None and context_mark is not mark:
            where = f" at line {context_mark.line + 1}, column {context_mark.column + 1}"
        if reason.startswith("but "):  # "expected a single document…, but found another"
            reason = f"{exc.context}{where}, {reason}"
        else:
            reason = f"{reason} ({exc.context}{where})"
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return DocumentError(source, reason, line=line, column=column)


class _NodeError(Exception):
    """A scalar that cannot be read, with the reason (turned into a DocumentError at the
    node's place)."""


def _yaml_data(
    kit: _YAML, root: Any, source: str, lines: dict[tuple[str | int, ...], int] | None
) -> Any:
    """The node tree as plain data, walked without recursion in document order."""
    yaml = kit.yaml

    def refuse(node: Any, reason: str, parts: tuple[str | int, ...]) -> DocumentError:
        mark = node.start_mark
        return DocumentError(source, reason, mark.line + 1, mark.column + 1, _path(parts))

    result: list[Any] = [None]
    # (node, holder, key, parts); key None for a mapping entry's (key node, value node).
    stack: list[tuple[Any, Any, Any, tuple[str | int, ...]]] = [(root, result, 0, ())]
    if lines is not None:
        lines[()] = root.start_mark.line + 1
    while stack:
        node, holder, key, parts = stack.pop()
        if isinstance(node, tuple):  # a mapping entry: check the key, then its value
            key_node, value_node = node
            name = _yaml_key(yaml, key_node, parts, refuse)
            if name in holder:
                raise refuse(key_node, f"the key {name!r} is given twice", parts)
            holder[name] = None
            node, key, parts = value_node, name, (*parts, name)
            if lines is not None:
                lines[parts] = key_node.start_mark.line + 1
        elif lines is not None and parts:
            lines[parts] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            try:
                holder[key] = _yaml_scalar(node)
            except _NodeError as problem:
                raise refuse(node, str(problem), parts) from None
        elif isinstance(node, yaml.SequenceNode):
            if node.tag != _CORE + "seq":
                raise refuse(node, _tag_reason(node.tag, "a list"), parts)
            items: list[Any] = [None] * len(node.value)
            holder[key] = items
            stack.extend(
                (item, items, index, (*parts, index))
                for index, item in reversed(list(enumerate(node.value)))
            )
        else:
            if node.tag != _CORE + "map":
                raise refuse(node, _tag_reason(node.tag, "a mapping"), parts)
            mapping: dict[str, Any] = {}
            holder[key] = mapping
            stack.extend((pair, mapping, None, parts) for pair in reversed(node.value))
    return result[0]


def _yaml_key(
    yaml: ModuleType,
    node: Any,
    parts: tuple[str | int, ...],
    refuse: Callable[[Any, str, tuple[str | int, ...]], DocumentError],
) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise refuse(node, "a key that is a list or a mapping; keys are text", parts)
    if node.tag != _STR:
        try:
            value = _yaml_scalar(node)
        except _NodeError as problem:
            raise refuse(node, str(problem), parts) from None
        raise refuse(
            node,
            f"the key {node.value!r} is read as {describe(value)}; keys are text"
            " (put it in quotes)",
            parts,
        )
    return str(node.value)


def _tag_reason(tag: str, what: str) -> str:
    return (
        f"the tag {_shown_tag(tag)} on {what} is not read (only YAML's core schema: "
        "!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)"
    )


def _yaml_scalar(node: Any) -> Any:
    tag, text = node.tag, node.value
    if tag == _STR:
        if not text.isascii() and _SURROGATE.search(text):
            raise _NodeError(_SURROGATE_REASON)
        return text
    if tag == _CORE + "null" and _NULL_RE.match(text):
        return None
    if tag == _CORE + "bool" and _BOOL_RE.match(text):
        return text[0] in "tT"
    if tag == _CORE + "int" and _INT_RE.match(text):
        return _yaml_int(text)
    if tag == _CORE + "float":
        if _INF_RE.match(text) or _NAN_RE.match(text):
            raise _NodeError(f"{text} is not a number a document may hold")
        if _FLOAT_RE.match(text):
            number = _decimal(text)
            if isinstance(number, _Refused):
                raise _NodeError(number.reason)
            return number
    if tag in {_CORE + name for name in ("null", "bool", "int", "float")}:
        raise _NodeError(f"{text!r} is not a YAML core {_shown_tag(tag)}")
    raise _NodeError(_tag_reason(tag, "a value"))


def _yaml_int(text: str) -> int:
    try:
        if text.startswith(("0o", "0x")):
            value = int(text[2:], 8 if text[1] == "o" else 16)
        else:
            value = int(text)
    except ValueError:
        raise _NodeError(_long_int_reason(len(text.lstrip("+-")))) from None
    if _int_too_long(value):
        raise _NodeError(_long_int_reason())
    return value


# --------------------------------------------------------------------------- writing


def dump(data: Any, syntax: Syntax) -> str:
    """Write plain data (JSON's data model) as a document.

    JSON is written with two-space indentation and text as it is (not ``\\u`` escapes);
    TOML through tomli-w (the data must be a mapping, and hold no ``None``: TOML has no
    null); YAML in block style, keys in their order, text a YAML reader would take for
    something else quoted, never an anchor or alias. The text ends with a newline (an
    empty TOML table is the empty text), and :func:`parse` reads back the same data.

    Args:
        data: a ``dict`` (text keys), ``list``, ``str``, ``int``, ``Decimal``, ``bool`` or
            ``None``, nested at most :data:`MAX_DEPTH` levels (any mapping and tuple are
            taken as a dict and a list).
        syntax: ``"json"``, ``"toml"`` or ``"yaml"``.

    Returns:
        The document's text.

    Raises:
        DocumentError: the data cannot be written in this syntax: a ``None`` or a
            top-level value that is not a mapping in TOML, a ``Decimal`` that is not
            finite, an int longer than Python writes, text with a lone surrogate, nesting
            deeper than :data:`MAX_DEPTH` (the key path is named).
        InvalidTypeError: a value outside the data model (a float, a date, an object) or
            a key that is not text.
        InvalidValueError: an unknown ``syntax``.
        MissingDependencyError: TOML or YAML without tomli-w or PyYAML.

    Example:
        >>> print(dump({"rows": [["0", "2000", "1"]], "closed": "upper"}, "json"))
        {
          "rows": [
            [
              "0",
              "2000",
              "1"
            ]
          ],
          "closed": "upper"
        }
        <BLANKLINE>
        >>> dump({"schedule": None}, "toml")
        Traceback (most recent call last):
        ...
        hrpolicy.documents.text.DocumentError: <data>: $.schedule: TOML has no null (a value
        that must be written as none needs JSON or YAML)
    """
    chosen = _syntax(syntax)
    plain = _plain(data, chosen)
    if chosen == "json":
        return _dump_json(plain)
    if chosen == "toml":
        if not isinstance(plain, dict):
            raise DocumentError(
                "<data>", f"a TOML document is a mapping of keys, not {describe(data)}"
            )
        tomli_w = _require("tomli_w", "tomli-w")
        return str(tomli_w.dumps(plain))
    kit = _yaml()
    text = kit.yaml.dump(
        plain,
        Dumper=kit.dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**31 - 1,
    )
    return str(text)


def _decimal_text(value: Decimal) -> str:
    """A finite Decimal's exact text, with ``.0`` when it has neither a fraction nor an
    exponent, so that it reads back as a Decimal and not as an int."""
    text = str(value)
    return text if any(ch in text for ch in ".eE") else text + ".0"


def _plain(data: Any, syntax: Syntax) -> Any:
    """``data`` as plain dicts and lists, checked all through without recursion."""
    root: list[Any] = [data]
    stack: list[tuple[Any, Any, tuple[str | int, ...], int]] = [(root, 0, (), 0)]
    while stack:
        holder, key, parts, depth = stack.pop()
        value = holder[key]
        if isinstance(value, Mapping):
            if depth >= MAX_DEPTH:
                raise _too_deep("<data>", _path(parts))
            copy: dict[str, Any] = {}
            for name, item in value.items():
                if not isinstance(name, str):
                    raise InvalidTypeError(f"{_path(parts)} key", "a key that is text (str)", name)
                copy[name] = item
            holder[key] = copy
            stack.extend((copy, name, (*parts, name), depth + 1) for name in reversed(copy))
        elif isinstance(value, (list, tuple)):
            if depth >= MAX_DEPTH:
                raise _too_deep("<data>", _path(parts))
            items = list(value)
            holder[key] = items
            stack.extend(
                (items, index, (*parts, index), depth + 1) for index in reversed(range(len(items)))
            )
        else:
            _check_plain(value, syntax, parts)
    return root[0]


def _check_plain(value: Any, syntax: Syntax, parts: tuple[str | int, ...]) -> None:
    if value is None:
        if syntax == "toml":
            raise DocumentError(
                "<data>",
                "TOML has no null (a value that must be written as none needs JSON or YAML)",
                path=_path(parts),
            )
    elif isinstance(value, str):
        if not value.isascii() and _SURROGATE.search(value):
            raise DocumentError("<data>", _SURROGATE_REASON, path=_path(parts))
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        if _int_too_long(value):
            raise DocumentError("<data>", _long_int_reason(), path=_path(parts))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise DocumentError(
                "<data>", f"{value} is not a number a document may hold", path=_path(parts)
            )
    else:
        raise InvalidTypeError(
            _path(parts),
            "a value a document holds (dict, list, str, int, Decimal, bool or None)",
            value,
        )


def _dump_json(plain: Any) -> str:
    # json.dumps cannot write a Decimal as a number: each is written as a marker text
    # first, then the marker is replaced by the number's text. The marker is random; it
    # is drawn again in the (vanishingly unlikely) case that some text of the data holds it.
    while True:
        numbers: list[str] = []
        marker = f"\x00number-{uuid.uuid4().hex}-"

        def placeholder(value: Any, numbers: list[str] = numbers, marker: str = marker) -> str:
            numbers.append(_decimal_text(value))
            return f"{marker}{len(numbers) - 1}"

        text = json.dumps(plain, ensure_ascii=False, indent=2, default=placeholder)
        quoted = json.dumps(marker, ensure_ascii=False)[:-1]
        if text.count(quoted) == len(numbers):
            break
    if numbers:
        pattern = re.escape(quoted) + r'(\d+)"'
        text = re.sub(pattern, lambda match: numbers[int(match.group(1))], text)
    return text + "\n"


# --------------------------------------------------------------------------- objects


def loads(text: str | bytes, cls: type[T], *, syntax: Syntax, source: str = "<document>") -> T:
    """Read a document and build a ``cls`` from it (:func:`parse`, then
    :func:`~hrpolicy.core.convert.from_dict`).

    Args:
        text: the document (text, or UTF-8 bytes).
        cls: the type to build (a policy or a case type, e.g. ``BondPolicy``).
        syntax: ``"json"``, ``"toml"`` or ``"yaml"``.
        source (optional): the document's name, for error messages.

    Returns:
        The object.

    Raises:
        DocumentError: the document cannot be read (see :func:`parse`).
        ConversionError: the data does not describe a ``cls``; each of its ``errors``
            starts with the source and, in YAML, the line of the key concerned (or of the
            mapping lacking it): ``plan.yaml, line 3: $.unit: expected one of …``. JSON
            and TOML give no lines for values, so none is named.

    Example:
        >>> from hrpolicy.bonds import BondPolicy
        >>> loads("unit = 'days'\\n", BondPolicy, syntax="toml").unit.value
        'days'
        >>> loads("format: 1\\nunit: weeks\\n", BondPolicy, syntax="yaml", source="bond.yaml")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.ConversionError: BondPolicy: cannot build from the data given:
        bond.yaml, line 2: $.unit: expected one of 'days', 'months', 'years', got str 'weeks'
    """
    data, lines = _parse(text, syntax, source, with_lines=True)
    try:
        return from_dict(data, cls)
    except ConversionError as exc:
        errors = [_located(message, str(source), lines) for message in exc.errors]
        raise ConversionError(exc.path, errors) from exc


def _located(message: str, source: str, lines: Mapping[tuple[str | int, ...], int] | None) -> str:
    parts = _path_parts(message) if lines is not None else None
    if lines is None or parts is None:
        return f"{source}: {message}"
    while parts not in lines:  # a key left out: the line of the mapping lacking it
        parts = parts[:-1]
    return f"{source}, line {lines[parts]}: {message}"


def dumps(obj: Any, *, syntax: Syntax) -> str:
    """Write a policy or case object as a document (:func:`~hrpolicy.core.convert.to_dict`,
    then :func:`dump`).

    Args:
        obj: the object (a policy, a case input…).
        syntax: ``"json"``, ``"toml"`` or ``"yaml"``.

    Returns:
        The document's text; :func:`loads` reads it back as an equal object.

    Raises:
        DocumentError: the object's data cannot be written in this syntax (see
            :func:`dump`).

    Example:
        >>> from hrpolicy.bonds import BondPolicy, TimeUnit
        >>> policy = BondPolicy(unit=TimeUnit.DAYS)
        >>> print(dumps(policy, syntax="yaml"))
        format: 1
        unit: days
        <BLANKLINE>
        >>> loads(dumps(policy, syntax="toml"), BondPolicy, syntax="toml") == policy
        True
    """
    return dump(to_dict(obj), syntax)
