"""Case files: one engine's inputs and, optionally, the outputs they must give.

A case file is a TOML, YAML or JSON document with these keys, and no others:

- ``format`` — the case-file format, an int (:data:`CASE_FORMAT`, 1);
- ``engine`` — the engine that runs the case, one of
  :data:`~hrpolicy.core.engines.ENGINE_NAMES` (``bonds``, ``commission``…);
- ``title`` — optional, a line saying what the case is;
- ``case`` — the engine's case type in the compact shape :func:`~hrpolicy.core.convert.to_dict`
  writes, without its own ``format`` key: the case file's ``format`` stands for it (a body
  that carries one is read as :func:`~hrpolicy.core.convert.from_dict` reads it);
- ``expected`` — optional, what the result must hold, read from the result's tables:

  - ``totals`` — the result's ``totals`` table: a mapping ``{column: value}`` when it has
    one row, or a list of such mappings, one per row in the table's order (a team's
    statements, one per employee); a column left out is not compared;
  - ``tables`` — the same for any other table of the result, by name
    (``tables.lines``, ``tables.bonds``…), each a mapping (one row) or a list of rows;
  - ``lines`` — the line ids of the result's ``lines`` table, all of them, in order;
  - ``findings`` — finding codes that must all appear (a code listed twice must appear
    twice); others may appear too, unless ``findings_exact = true``: then the result has
    exactly these codes, as many times each, in any order.

Matching is exact. An amount (a ``money`` or ``decimal`` column) is written as text of
plain decimal digits (``"3000.00"``), an int or a bare decimal the parser read exactly,
and equals the figure in value: ``"3000"`` matches ``3000.00``. Nothing goes through a
float, and an amount written any other way (``"3,000"``, ``"1e3"`` as text, a float) is
an error in the case file. A date is an ISO date (``2024-03-31``) and matches that date;
a count is an int, a yes or no is ``true``/``false``, text matches the same text;
``null`` (in JSON or YAML) expects a missing figure. A table or a column the result does
not have is an error in the case file that lists what the result has.

:func:`check_case` runs the case and compares; each figure that differs is a
:class:`Mismatch` saying what (``totals.total_payable``), what was expected, what came,
and the step of the result's explanation that produced it: the step whose output is the
figure (exactly, or rounded to the fen) and whose rule id names the column
(``total.payable`` for ``total_payable``; for a total, a rule id ending in the column's
own name first: ``totals.to_return`` for ``to_return``, not
``totals.deposits_to_return``) or, for a row of a line or a bond, the one step of that row
whose output it is. When no single step gives the figure (a sum, a count),
the mismatch says so.

>>> from hrpolicy.bonds.examples import electrician_case
>>> from hrpolicy.core.convert import to_dict
>>> body = {k: v for k, v in to_dict(electrician_case()).items() if k != "format"}
>>> case_file = read_case({
...     "format": 1, "engine": "bonds", "case": body,
...     "expected": {"totals": {"total_payable": "1833.34", "refund_due": "1166.67"}},
... })
>>> report = check_case(case_file)
>>> report.ok, [m.what for m in report.mismatches]
(False, ['totals.total_payable'])
>>> print(report.render("en"))
FAIL <case> (bonds): 1 of 2 figures differs
  totals.total_payable
  - expected 1833.34
  + got      1833.33
    step total.payable: bonds settled separately, then totalled
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from hrpolicy.core.convert import FORMAT_KEY, from_dict, to_dict
from hrpolicy.core.engines import ENGINE_NAMES, EngineSpec, engine, engines
from hrpolicy.core.errors import ConversionError, InvalidTypeError, describe
from hrpolicy.core.label import Label, is_chinese
from hrpolicy.core.money import round_money
from hrpolicy.core.records import STEPS, Column, ColumnType, Table, Tabular
from hrpolicy.documents.text import Syntax, _parse, _path_parts, dump

__all__ = [
    "CASE_FORMAT",
    "CASE_SUFFIXES",
    "CaseFile",
    "CaseReport",
    "Expected",
    "Mismatch",
    "RowCount",
    "RowsExpected",
    "StepRef",
    "check_case",
    "dumps_case",
    "example_case_file",
    "expected_of",
    "is_case_file",
    "loads_case",
    "read_case",
    "run_case",
]

#: The case-file format this release writes and reads.
CASE_FORMAT: Final = 1
#: How a case file's name ends: what the pytest plugin collects.
CASE_SUFFIXES: Final = (".case.toml", ".case.yaml", ".case.yml", ".case.json")

_TOP_KEYS: Final = ("format", "engine", "title", "case", "expected")
_EXPECTED_KEYS: Final = ("totals", "tables", "lines", "findings", "findings_exact")
_TOTALS: Final = "totals"
_EXACT_DECIMAL: Final = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_KEY: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

#: A value a case file may expect: as the parser gives it.
Value = str | int | Decimal | bool | None


def is_case_file(name: str) -> bool:
    """Whether a file called ``name`` is a case file by its name (:data:`CASE_SUFFIXES`).

    >>> is_case_file("electrician.case.toml"), is_case_file("plan.toml")
    (True, False)
    """
    return name.endswith(CASE_SUFFIXES)


# --- what a case file expects ------------------------------------------------------------


@attrs.frozen
class RowsExpected:
    """What a case expects of one table of the result.

    Attributes:
        single: the rows were written as one mapping: the table has exactly one row.
        rows: each expected row's ``(column, value)`` pairs, in the order written.
    """

    single: bool
    rows: tuple[tuple[tuple[str, Value], ...], ...]

    def to_data(self) -> dict[str, Value] | list[dict[str, Value]]:
        """The rows as a case file writes them."""
        rows = [dict(row) for row in self.rows]
        return rows[0] if self.single else rows


@attrs.frozen
class Expected:
    """What a case file expects of its result (see the module's description).

    Attributes:
        tables: the expected rows of each table, by table name (``totals`` first).
        lines: the line ids expected, in order, or ``None`` when not checked.
        findings: the finding codes expected, or ``None`` when not checked.
        findings_exact: whether the result has exactly ``findings`` and no others.
    """

    tables: tuple[tuple[str, RowsExpected], ...] = ()
    lines: tuple[str, ...] | None = None
    findings: tuple[str, ...] | None = None
    findings_exact: bool = False

    def table(self, name: str) -> RowsExpected | None:
        """The rows expected of the table ``name``, or ``None`` when it is not checked."""
        return dict(self.tables).get(name)

    def to_data(self) -> dict[str, Any]:
        """The expectations as a case file writes them (``expected`` of
        :func:`dumps_case` takes it back)."""
        data: dict[str, Any] = {}
        others = {name: rows.to_data() for name, rows in self.tables if name != _TOTALS}
        totals = self.table(_TOTALS)
        if totals is not None:
            data[_TOTALS] = totals.to_data()
        if others:
            data["tables"] = others
        if self.lines is not None:
            data["lines"] = list(self.lines)
        if self.findings is not None:
            data["findings"] = list(self.findings)
        if self.findings_exact:
            data["findings_exact"] = True
        return data


@attrs.frozen
class CaseFile:
    """One case file, read: the engine's name, its case (an instance of the engine's
    case type), what is expected (``None``: the case only runs) and where it came from.

    Attributes:
        engine: the engine's name (one of :data:`~hrpolicy.core.engines.ENGINE_NAMES`).
        case: the engine's case, built from the file's ``case``.
        expected: what the result must hold, or ``None``.
        title: the file's title (``""`` when it has none).
        source: where the file came from (its name), for messages.
    """

    engine: str
    case: Any
    expected: Expected | None = None
    title: str = ""
    source: str = "<case>"


def _at(parent: str, key: object) -> str:
    if isinstance(key, str) and _KEY.fullmatch(key):
        return f"{parent}.{key}"
    return f"{parent}[{key!r}]"


def _unknown(data: Mapping[Any, Any], known: Sequence[str], parent: str) -> list[str]:
    return [
        f"{_at(parent, key)}: expected one of the keys {', '.join(known)}, got an unknown key"
        for key in data
        if key not in known
    ]


def _scalar_errors(value: object, where: str) -> list[str]:
    if value is None or isinstance(value, (str, int, Decimal)):  # bool is an int
        return []
    if isinstance(value, date) and not isinstance(value, datetime):
        return []
    return [
        f"{where}: expected a value (an amount as text such as '1833.33', an int, "
        f"true or false, a date 'YYYY-MM-DD', text or null), got {describe(value)}"
    ]


def _read_row(data: object, where: str, errors: list[str]) -> tuple[tuple[str, Value], ...]:
    if not isinstance(data, Mapping):
        errors.append(f"{where}: expected a mapping of column to value, got {describe(data)}")
        return ()
    row: list[tuple[str, Value]] = []
    for column, value in data.items():
        place = _at(where, column)
        if not isinstance(column, str):
            errors.append(f"{place}: expected a column name (text), got {describe(column)}")
            continue
        found = _scalar_errors(value, place)
        errors += found
        if not found:
            cell = value.isoformat() if isinstance(value, date) else value
            row.append((column, cell))
    return tuple(row)


def _read_rows(data: object, where: str, errors: list[str]) -> RowsExpected:
    if isinstance(data, Mapping):
        return RowsExpected(single=True, rows=(_read_row(data, where, errors),))
    if isinstance(data, (list, tuple)):
        rows = tuple(_read_row(row, f"{where}[{i}]", errors) for i, row in enumerate(data))
        return RowsExpected(single=False, rows=rows)
    errors.append(
        f"{where}: expected a mapping of column to value (a table of one row) or a list of "
        f"them (one per row), got {describe(data)}"
    )
    return RowsExpected(single=False, rows=())


def _read_texts(data: object, where: str, what: str, errors: list[str]) -> tuple[str, ...]:
    if not isinstance(data, (list, tuple)):
        errors.append(f"{where}: expected a list of {what}, got {describe(data)}")
        return ()
    bad = [
        f"{where}[{i}]: expected {what[:-1]} (text), got {describe(item)}"
        for i, item in enumerate(data)
        if not isinstance(item, str)
    ]
    errors += bad
    return tuple(item for item in data if isinstance(item, str))


def _read_expected(data: object, where: str, errors: list[str]) -> Expected:
    if not isinstance(data, Mapping):
        errors.append(
            f"{where}: expected a mapping ({', '.join(_EXPECTED_KEYS)}), got {describe(data)}"
        )
        return Expected()
    errors += _unknown(data, _EXPECTED_KEYS, where)
    tables: list[tuple[str, RowsExpected]] = []
    if _TOTALS in data:
        tables.append((_TOTALS, _read_rows(data[_TOTALS], f"{where}.totals", errors)))
    others = data.get("tables")
    if "tables" in data and not isinstance(others, Mapping):
        errors.append(
            f"{where}.tables: expected a mapping of table name to rows, got {describe(others)}"
        )
    elif others is not None:
        for name, rows in others.items():
            place = _at(f"{where}.tables", name)
            if name == _TOTALS:
                errors.append(f"{place}: expected the totals under {where}.totals, got them here")
            elif not isinstance(name, str):
                errors.append(f"{place}: expected a table name (text), got {describe(name)}")
            else:
                tables.append((name, _read_rows(rows, place, errors)))
    lines = findings = None
    if "lines" in data:
        lines = _read_texts(data["lines"], f"{where}.lines", "line ids", errors)
    if "findings" in data:
        findings = _read_texts(data["findings"], f"{where}.findings", "finding codes", errors)
    exact = data.get("findings_exact", False)
    if not isinstance(exact, bool):
        errors.append(f"{where}.findings_exact: expected true or false, got {describe(exact)}")
        exact = False
    elif exact and findings is None:
        errors.append(
            f"{where}.findings_exact: expected a findings list to hold the result to "
            "(findings = [] for none), got no findings list"
        )
    return Expected(tuple(tables), lines, findings, exact)


def _case_errors(error: ConversionError, where: str) -> list[str]:
    return [
        where + message[1:] if message.startswith("$") else f"{where}: {message}"
        for message in error.errors
    ]


def _read_body(data: object, spec: EngineSpec, errors: list[str]) -> Any:
    if not isinstance(data, Mapping):
        errors.append(
            f"$.case: expected a mapping (the fields of a {spec.case_type.__name__}), "
            f"got {describe(data)}"
        )
        return None
    try:
        return from_dict(dict(data), spec.case_type)
    except ConversionError as error:
        errors += _case_errors(error, "$.case")
    except RecursionError:
        errors.append("$.case: expected data nested less deeply, got too deep a nesting")
    return None


def read_case(data: Any, *, source: str = "<case>") -> CaseFile:
    """A case file from parsed data (what :func:`hrpolicy.documents.text.parse` gives).

    Args:
        data: the document: a mapping with ``format``, ``engine``, optional ``title``,
            ``case`` and optional ``expected`` (see the module's description).
        source: the file's name, for messages.

    Returns:
        The :class:`CaseFile`, its case built as the engine's case type.

    Raises:
        ConversionError: anything wrong, every problem at once, each naming its key path
            (``$.expected.totals.payable``, ``$.case.separation.last_day``).

    Example:
        >>> read_case({"format": 1, "engine": "payroll", "case": {}, "colour": "red"})
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.ConversionError: <case>: cannot build from the data given:
        $.colour: expected one of the keys format, engine, title, case, expected, got an
        unknown key; $.engine: expected one of bonds, commission, ..., got str 'payroll'
    """
    if not isinstance(data, Mapping):
        raise ConversionError(
            source,
            [f"$: expected a mapping ({', '.join(_TOP_KEYS)}), got {describe(data)}"],
        )
    errors = _unknown(data, _TOP_KEYS, "$")
    version = data.get(FORMAT_KEY)
    if "format" not in data:
        errors.append(f"$.format: expected the case-file format {CASE_FORMAT}, got nothing")
    elif isinstance(version, bool) or not isinstance(version, int) or version != CASE_FORMAT:
        errors.append(
            f"$.format: expected a case-file format from 1 to {CASE_FORMAT}, "
            f"got {describe(version)}"
        )
    name = data.get("engine")
    spec = None
    if "engine" not in data:
        errors.append(f"$.engine: expected one of {', '.join(ENGINE_NAMES)}, got nothing")
    elif not isinstance(name, str) or name not in ENGINE_NAMES:
        errors.append(f"$.engine: expected one of {', '.join(ENGINE_NAMES)}, got {describe(name)}")
    else:
        spec = engine(name)
    title = data.get("title", "")
    if not isinstance(title, str):
        errors.append(f"$.title: expected text, got {describe(title)}")
    case = None
    if "case" not in data:
        errors.append("$.case: expected the engine's case (its inputs), got nothing")
    elif spec is not None:
        case = _read_body(data["case"], spec, errors)
    expected = None
    if "expected" in data:
        expected = _read_expected(data["expected"], "$.expected", errors)
    if errors or spec is None:
        raise ConversionError(source, errors)
    return CaseFile(
        engine=spec.name,
        case=case,
        expected=expected,
        title=title if isinstance(title, str) else "",
        source=source,
    )


def loads_case(text: str | bytes, *, syntax: Syntax, source: str = "<case>") -> CaseFile:
    """A case file from its text.

    Args:
        text: the document (bytes are read as UTF-8).
        syntax: ``"json"``, ``"toml"`` or ``"yaml"``
            (:func:`hrpolicy.documents.text.syntax_of` tells it by the file's name).
        source: the file's name, for messages.

    Returns:
        The :class:`CaseFile`.

    Raises:
        DocumentError: the text does not parse (the error gives the line).
        ConversionError: the document is not a valid case file (see :func:`read_case`).

    Example:
        >>> from hrpolicy.documents.cases import loads_case
        >>> loads_case('{"format": 1, "engine": "bonds"}', syntax="json").case
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.ConversionError: <case>: cannot build from the data given:
        $.case: expected the engine's case (its inputs), got nothing
    """
    data, lines = _parse(text, syntax, source, with_lines=True)
    try:
        return read_case(data, source=source)
    except ConversionError as error:
        if not lines:
            raise
        raise ConversionError(source, [_located(m, lines) for m in error.errors]) from None


def _located(message: str, lines: Mapping[tuple[str | int, ...], int]) -> str:
    """``message`` with the line of the key it names (or of the mapping lacking it)."""
    parts = _path_parts(message)
    if parts is None:
        return message
    while parts and parts not in lines:
        parts = parts[:-1]
    return f"line {lines[parts]}: {message}" if parts in lines else message


def _spec_of(case: object) -> EngineSpec:
    for spec in engines():
        if type(case) is spec.case_type:
            return spec
    names = ", ".join(spec.case_type.__name__ for spec in engines())
    raise InvalidTypeError("case", f"a case of one of the engines ({names})", case)


def dumps_case(
    case: Any,
    *,
    syntax: Syntax,
    expected: Mapping[str, Any] | Expected | None = None,
    title: str = "",
) -> str:
    """A case file's text for ``case``, and what it must give when ``expected`` is given.

    Args:
        case: an instance of an engine's case type (a
            :class:`~hrpolicy.bonds.case.BondCase`…): it says which engine runs it.
        syntax: ``"json"``, ``"toml"`` or ``"yaml"``.
        expected: what the result must hold, as a case file writes it (a mapping with
            ``totals``, ``tables``, ``lines``, ``findings``, ``findings_exact``; see
            :func:`expected_of`), or an :class:`Expected`; ``None``: the file only runs.
        title: a line saying what the case is (left out when empty).

    Returns:
        The document, which :func:`loads_case` reads back to the same case.

    Raises:
        InvalidTypeError: ``case`` is not an engine's case, or ``title`` is not text.
        DocumentError: the case's data cannot be written in this syntax.
        ConversionError: ``expected`` is not what a case file may expect.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case = electrician_case()
        >>> text = dumps_case(case, syntax="json", expected={"findings": ["refund_due"]})
        >>> again = loads_case(text, syntax="json")
        >>> again.case == case, again.engine, check_case(again).ok
        (True, 'bonds', True)
    """
    spec = _spec_of(case)
    if not isinstance(title, str):
        raise InvalidTypeError("title", "text", title)
    body = to_dict(case)
    data: dict[str, Any] = {FORMAT_KEY: CASE_FORMAT, "engine": spec.name}
    if title:
        data["title"] = title
    data["case"] = {key: value for key, value in body.items() if key != FORMAT_KEY}
    if expected is not None:
        plain = expected.to_data() if isinstance(expected, Expected) else expected
        errors: list[str] = []
        read = _read_expected(plain, "$.expected", errors)
        if errors:
            raise ConversionError("expected", errors)
        data["expected"] = read.to_data()
    return dump(data, syntax)


# --- writing what a result gives ------------------------------------------------------------


def _row_data(table: Table, row: Sequence[object]) -> dict[str, Value]:
    """A row's figures by the library's one rule for plain data (``to_dict``), the missing
    ones left out."""
    return {
        column.name: to_dict(cell)
        for column, cell in zip(table.schema.columns, row, strict=True)
        if cell is not None
    }


def expected_of(result: Any) -> dict[str, Any]:
    """What ``result`` holds, written as a case file's ``expected``: every figure of its
    ``totals`` table (missing ones left out), the ids of its lines (when it has a
    ``lines`` table) and every finding code, exactly.

    A case file written with it checks itself: :func:`check_case` finds no mismatch
    until the engine's rules change.

    Args:
        result: an engine's result (what :func:`run_case` returns).

    Returns:
        The mapping to pass as ``expected`` to :func:`dumps_case`.

    Raises:
        InvalidTypeError: ``result`` is not a result with tables.

    Example:
        >>> from hrpolicy.core.engines import engine
        >>> spec = engine("bonds")
        >>> data = expected_of(spec.run(spec.example_case()))
        >>> data["totals"]["total_payable"], data["findings_exact"], "lines" in data
        ('1833.33', True, False)
    """
    if not isinstance(result, Tabular):
        raise InvalidTypeError("result", "an engine's result (its tables)", result)
    tables = result.tables("en")
    data: dict[str, Any] = {}
    if _TOTALS in tables:
        totals = tables[_TOTALS]
        rows = [_row_data(totals, row) for row in totals.rows]
        data[_TOTALS] = rows[0] if len(rows) == 1 else rows
    lines = _line_ids(tables)
    if lines is not None:
        data["lines"] = list(lines)
    codes = _codes(tables)
    if codes is not None:
        data["findings"] = list(codes)
        data["findings_exact"] = True
    return data


def example_case_file(name: str, *, syntax: Syntax) -> str:
    """The worked example of the engine ``name`` as a case file that checks itself: its
    case (built from the engine's ``examples`` module) and :func:`expected_of` its result.

    Example:
        >>> text = example_case_file("bonds", syntax="toml")
        >>> check_case(loads_case(text, syntax="toml")).ok
        True
    """
    spec = engine(name)
    case = spec.example_case()
    title = f"the worked example of the {spec.name} engine: {spec.summary}"
    return dumps_case(case, syntax=syntax, expected=expected_of(spec.run(case)), title=title)


def _line_ids(tables: Mapping[str, Table]) -> tuple[str, ...] | None:
    lines = tables.get("lines")
    if lines is None or "line_id" not in lines.schema.names:
        return None
    return tuple(str(cell) for cell in lines.column("line_id"))


def _codes(tables: Mapping[str, Table]) -> tuple[str, ...] | None:
    findings = tables.get("findings")
    if findings is None or "code" not in findings.schema.names:
        return None
    return tuple(str(cell) for cell in findings.column("code"))


# --- checking ---------------------------------------------------------------------------------


@attrs.frozen
class StepRef:
    """The step of a result's explanation that produced a figure.

    Attributes:
        rule: the step's rule id (``total.payable``).
        label: what the step computes, in both languages.
        owner: what the step belongs to when not the result itself (a line id, an
            agreement), else ``""``.
        output: the step's output as text when the figure is it rounded to the fen
            (``5500/3``), else ``""``.
    """

    rule: str
    label: Label
    owner: str = ""
    output: str = ""


@attrs.frozen
class Mismatch:
    """One figure that differs from what the case file expects.

    Attributes:
        what: where, as the case file names it (``totals.total_payable``,
            ``tables.lines[2].amount``, ``lines``, ``findings``).
        expected: the value expected (a ``Decimal``, date, int, bool, text, ``None``, a
            tuple of ids or codes, or a :class:`RowCount`).
        got: the value the result holds, of the same kind.
        step: the step that produced ``got``, or ``None`` when no single step did.
        note: what else to know (which codes are missing…), or ``None``.
    """

    what: str
    expected: object
    got: object
    step: StepRef | None = None
    note: Label | None = None


@attrs.frozen
class CaseReport:
    """The outcome of checking one case file.

    Attributes:
        source: the file's name.
        engine: the engine that ran it.
        title: the file's title.
        checked: how many figures (and lists of ids or codes) were compared.
        mismatches: every figure that differs, in the order the file lists them.
    """

    source: str
    engine: str
    title: str
    checked: int
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """Whether every expected figure matched."""
        return not self.mismatches

    def render(self, locale: str = "en") -> str:
        """The report as text in ``locale`` (``"en"`` or ``"zh_CN"``): a first line
        saying whether the case passed, then each mismatch as a diff — ``- expected`` and
        ``+ got`` — with the step that produced the figure.

        Example:
            >>> report = CaseReport("a.case.toml", "bonds", "", 3, ())
            >>> print(report.render("en")); print(report.render("zh_CN"))
            PASS a.case.toml (bonds): 3 figures checked
            通过 a.case.toml（bonds）：核对 3 项
        """
        zh = is_chinese(locale)
        return "\n".join(_render(self, zh))


def _render(report: CaseReport, zh: bool) -> Iterator[str]:
    n, total = len(report.mismatches), report.checked
    if zh:
        head = (
            f"通过 {report.source}（{report.engine}）：核对 {total} 项"
            if report.ok
            else f"不符 {report.source}（{report.engine}）：{total} 项中 {n} 项不符"
        )
    elif report.ok:
        head = f"PASS {report.source} ({report.engine}): {total} figures checked"
    else:
        verb = "differs" if n == 1 else "differ"
        head = f"FAIL {report.source} ({report.engine}): {n} of {total} figures {verb}"
    yield head
    if report.title:
        yield f"  {report.title}"
    for mismatch in report.mismatches:
        yield f"  {mismatch.what}"
        width = 2 if zh else 8
        expected, got = ("预期", "实得") if zh else ("expected", "got")
        yield f"  - {expected.ljust(width)} {_shown(mismatch.expected, zh)}"
        yield f"  + {got.ljust(width)} {_shown(mismatch.got, zh)}"
        if mismatch.note is not None:
            yield f"    {mismatch.note.in_locale('zh_CN' if zh else 'en')}"
        if not _is_list(mismatch):
            yield f"    {_step_line(mismatch.step, zh)}"


def _is_list(mismatch: Mismatch) -> bool:
    """Whether the mismatch is about a list (line ids, codes) or a row count, which no
    step computes."""
    return isinstance(mismatch.got, (tuple, RowCount))


def _shown(value: object, zh: bool) -> str:
    if value is None:
        return "（无）" if zh else "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(str(item) for item in value) + "]"
    if isinstance(value, RowCount):
        return f"{value.count} 行" if zh else f"{value.count} row{'' if value.count == 1 else 's'}"
    return str(value)


def _step_line(step: StepRef | None, zh: bool) -> str:
    if step is None:
        if zh:
            return "步骤：无——说明中没有哪一步单独得出此数"
        return "step: none — no single step of the explanation gives this figure"
    owner = (f"（{step.owner}）" if zh else f" ({step.owner})") if step.owner else ""
    text = step.label.in_locale("zh_CN" if zh else "en")
    rounded = ""
    if step.output:
        rounded = f"；{step.output} 四舍五入到分" if zh else f"; {step.output} rounded to the fen"
    if zh:
        return f"步骤 {step.rule}{owner}：{text}{rounded}"
    return f"step {step.rule}{owner}: {text}{rounded}"


@attrs.frozen
class RowCount:
    """A table's number of rows: what a :class:`Mismatch` of ``totals`` or
    ``tables.<name>`` holds when a list of rows and the table differ in length."""

    count: int


def run_case(case_file: CaseFile) -> Any:
    """The result of the case (the engine's tabular result).

    Raises:
        HRPolicyError: whatever the engine refuses in the case's facts.
    """
    return engine(case_file.engine).run(case_file.case)


def check_case(case_file: CaseFile) -> CaseReport:
    """Run the case and compare the result with what the file expects.

    Args:
        case_file: the case file (:func:`loads_case`, :func:`read_case`).

    Returns:
        The :class:`CaseReport`: ``ok`` when every expected figure matched; each
        mismatch with expected, got and the step that produced the figure. A file that
        expects nothing passes once its case runs.

    Raises:
        ConversionError: the file expects a table or a column the result does not have
            (the message lists those it has), or a value of the wrong kind for its column
            (an amount that is not exact decimal text); every such problem at once.
        HRPolicyError: the engine refuses the case's facts.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case_file = CaseFile("bonds", electrician_case(),
        ...                      Expected(findings=("no_such_code",)))
        >>> print(check_case(case_file).render("zh_CN"))
        不符 <case>（bonds）：1 项中 1 项不符
          findings
          - 预期 [no_such_code]
          + 实得 [signed_after_training_ended, penalty_not_prorated, loss_penalty_void,
          penalty_cut_to_cap, waiver_not_met, refund_due, demand_exceeds_lawful]
            缺少：no_such_code
    """
    result = run_case(case_file)
    expected = case_file.expected
    if expected is None:
        return CaseReport(case_file.source, case_file.engine, case_file.title, 0, ())
    check = _Check(result)
    for name, rows in expected.tables:
        check.table(name, rows)
    if expected.lines is not None:
        check.lines(expected.lines)
    if expected.findings is not None:
        check.findings(expected.findings, exact=expected.findings_exact)
    if check.errors:
        raise ConversionError(case_file.source, check.errors)
    return CaseReport(
        case_file.source,
        case_file.engine,
        case_file.title,
        check.checked,
        tuple(check.mismatches),
    )


def _table_path(name: str) -> str:
    return "totals" if name == _TOTALS else _at("tables", name)


def _expected_cell(column: Column, value: Value, where: str) -> object:
    """The value a case file expects, as the column holds it; a value of another kind is
    an error in the case file (a message)."""
    kind = column.type
    if value is None:
        return None
    if kind in (ColumnType.MONEY, ColumnType.DECIMAL):
        if isinstance(value, Decimal) and value.is_finite():
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        if isinstance(value, str) and _EXACT_DECIMAL.fullmatch(value):
            return Decimal(value)
        what = "an amount" if kind is ColumnType.MONEY else "a number"
        raise _CaseError(
            f"{where}: expected {what} written exactly, as decimal text ('1833.33') or an "
            f"int, got {describe(value)}"
        )
    if kind is ColumnType.DATE:
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise _CaseError(f"{where}: expected a date written YYYY-MM-DD, got {describe(value)}")
    if kind is ColumnType.INT:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _CaseError(f"{where}: expected an int, got {describe(value)}")
    if kind is ColumnType.BOOL:
        if isinstance(value, bool):
            return value
        raise _CaseError(f"{where}: expected true or false, got {describe(value)}")
    if isinstance(value, str):
        return value
    raise _CaseError(f"{where}: expected text, got {describe(value)}")


class _CaseError(Exception):
    """An error in the case file found while comparing (collected, then reported)."""


_STEP_COLUMNS: Final = frozenset(STEPS.names)
_COMMON_WORDS: Final = frozenset({"the", "and", "for", "per", "its", "all", "any"})


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", text.lower()) if len(w) >= 3} - _COMMON_WORDS


def _related(column: str, rule: str) -> int:
    """How many words of the column name the rule id names (``refund`` names
    ``refund_due``; ``release`` names ``released``)."""
    rule_words = _words(rule)
    return sum(
        1
        for word in _words(column)
        if any(
            word == other
            or (
                min(len(word), len(other)) >= 4
                and (word.startswith(other) or other.startswith(word))
            )
            for other in rule_words
        )
    )


def _output(row: Mapping[str, object]) -> object:
    kind = row.get("output_kind")
    if kind in ("decimal", "rate"):
        return row.get("output_decimal")
    if kind == "ratio":
        text = row.get("output_text")
        return Fraction(text) if isinstance(text, str) else None
    if kind == "int":
        return row.get("output_int")
    if kind == "bool":
        return row.get("output_bool")
    if kind == "date":
        return row.get("output_date")
    if kind in ("text", "label"):
        return row.get("output_text")
    return None


def _gives(kind: ColumnType, output: object, figure: object) -> tuple[bool, str]:
    """Whether a step's ``output`` is the ``figure`` of a column of ``kind``: exactly, or
    (money) rounded to the fen, then with the output's exact text."""
    if kind in (ColumnType.MONEY, ColumnType.DECIMAL):
        if not isinstance(output, (Decimal, Fraction, int)) or isinstance(output, bool):
            return False, ""
        if not isinstance(figure, Decimal):
            return False, ""
        exact = Fraction(output)
        if exact == Fraction(figure):
            return True, ""
        if kind is ColumnType.MONEY and round_money(exact) == figure:
            text = format(output, "f") if isinstance(output, Decimal) else str(exact)
            return True, text
        return False, ""
    if kind is ColumnType.INT:
        return type(output) is int and output == figure, ""
    return type(output) is type(figure) and output == figure, ""


class _Check:
    """Compares one result with what a case file expects, collecting mismatches and
    errors in the case file."""

    def __init__(self, result: Any) -> None:
        self.result = result
        self.tables: Mapping[str, Table] = result.tables("en")
        self.mismatches: list[Mismatch] = []
        self.errors: list[str] = []
        self.checked = 0
        self._chinese: tuple[object, ...] | None = None

    def _missing_table(self, name: str, where: str) -> None:
        self.errors.append(
            f"{where}: expected a table the result has ({', '.join(self.tables)}), "
            f"got {describe(name)}"
        )

    def table(self, name: str, expected: RowsExpected) -> None:
        where = f"$.expected.{_table_path(name)}"
        if name not in self.tables:
            self._missing_table(name, where)
            return
        table = self.tables[name]
        path = _table_path(name)
        if expected.single and len(table) != 1:
            self.errors.append(
                f"{where}: expected a list of rows: the {name} table has {len(table)} rows, "
                f"got one mapping"
            )
            return
        records = table.rows
        if not expected.single:
            self.checked += 1
            if len(records) != len(expected.rows):
                self.mismatches.append(
                    Mismatch(path, RowCount(len(expected.rows)), RowCount(len(records)))
                )
        for index, row in enumerate(expected.rows):
            place = path if expected.single else f"{path}[{index}]"
            at = where if expected.single else f"{where}[{index}]"
            cells = (
                dict(zip(table.schema.names, records[index], strict=True))
                if index < len(records)
                else None
            )
            self._row(table, row, cells, place, at)

    def _row(
        self,
        table: Table,
        row: tuple[tuple[str, Value], ...],
        cells: dict[str, object] | None,
        place: str,
        where: str,
    ) -> None:
        columns = {column.name: column for column in table.schema.columns}
        for name, value in row:
            at = _at(where, name)
            column = columns.get(name)
            if column is None:
                self.errors.append(
                    f"{at}: expected a column of the {table.name} table "
                    f"({', '.join(table.schema.names)}), got {describe(name)}"
                )
                continue
            try:
                want = _expected_cell(column, value, at)
            except _CaseError as error:
                self.errors.append(str(error))
                continue
            if cells is None:
                continue  # a row the result does not have: its count differs already
            self.checked += 1
            got = cells[name]
            if not _same(want, got):
                step = self._step(cells, column, got, of_totals=table.name == _TOTALS)
                self.mismatches.append(Mismatch(_at(place, name), want, got, step))

    def _step(
        self, cells: Mapping[str, object], column: Column, figure: object, *, of_totals: bool
    ) -> StepRef | None:
        """The step that produced ``figure``, the cell of ``column`` in the row ``cells``
        (of the totals table when ``of_totals``; see the module's description), or ``None``
        when no single step did."""
        steps = self.tables.get("steps")
        if steps is None or figure is None:
            return None
        keys = [name for name in steps.schema.names if name not in _STEP_COLUMNS]
        shared = [name for name in keys if name in cells]
        extra = [name for name in keys if name not in cells]
        totals = self.tables.get(_TOTALS)
        statement = set(totals.schema.names) if totals is not None else set()
        # A row of a line or a bond: keyed by more than the statement is.
        narrowed = any(name not in statement for name in shared)
        found: list[tuple[tuple[int, int, int, int, int], int, dict[str, Any], str]] = []
        for number, row in enumerate(steps.to_records()):
            if any(row[name] != cells[name] for name in shared):
                continue
            gives, rounded = _gives(column.type, _output(row), figure)
            if gives:
                own = all(row[name] is None for name in extra)
                named = _related(column.name, str(row["rule"]))
                # A total's rule id ending in the column's own name (totals.to_return for
                # to_return) names it before one sharing a word (deposits_to_return).
                exact = of_totals and str(row["rule"]).rsplit(".", 1)[-1] == column.name
                rank = (int(named > 0), int(own), int(exact), named, int(not rounded))
                found.append((rank, number, row, rounded))
        if not found:
            return None
        best = max(rank for rank, _, _, _ in found)
        top = [(number, row, rounded) for rank, number, row, rounded in found if rank == best]
        if len({row["rule"] for _, row, _ in top}) != 1 or not (best[0] or narrowed):
            return None
        number, row, rounded = top[-1]
        return StepRef(
            rule=str(row["rule"]),
            label=self._label(number, str(row["label"])),
            owner=", ".join(
                str(row[name]) for name in keys if name not in statement and row[name] is not None
            ),
            output=rounded,
        )

    def _label(self, number: int, english: str) -> Label:
        """The label of the ``number``-th step (from 0) in both languages."""
        if self._chinese is None:
            self._chinese = self.result.tables("zh_CN")["steps"].column("label")
        chinese = self._chinese[number] if number < len(self._chinese) else None
        return Label(zh_CN=str(chinese) if chinese is not None else english, en=english)

    def lines(self, expected: tuple[str, ...]) -> None:
        got = _line_ids(self.tables)
        if got is None:
            self.errors.append(
                "$.expected.lines: expected a result with a lines table (this result has "
                f"{', '.join(self.tables)}), got a list of line ids"
            )
            return
        self.checked += 1
        if got != expected:
            self.mismatches.append(Mismatch("lines", expected, got, note=_list_note(expected, got)))

    def findings(self, expected: tuple[str, ...], *, exact: bool) -> None:
        got = _codes(self.tables)
        if got is None:
            self.errors.append(
                f"$.expected.findings: expected a result with a findings table (this result "
                f"has {', '.join(self.tables)}), got a list of finding codes"
            )
            return
        self.checked += 1
        missing = Counter(expected) - Counter(got)
        extra = Counter(got) - Counter(expected) if exact else Counter[str]()
        if missing or extra:
            self.mismatches.append(
                Mismatch("findings", expected, got, note=_codes_note(missing, extra))
            )


def _same(want: object, got: object) -> bool:
    if want is None or got is None:
        return want is None and got is None
    if isinstance(want, Decimal):
        return isinstance(got, Decimal) and want == got
    return type(want) is type(got) and want == got


def _listing(counter: Counter[str]) -> str:
    return ", ".join(code for code in counter.elements())


def _codes_note(missing: Counter[str], extra: Counter[str]) -> Label:
    zh, en = [], []
    if missing:
        zh.append(f"缺少：{_listing(missing)}")
        en.append(f"missing: {_listing(missing)}")
    if extra:
        zh.append(f"未列出（本案要求完全一致）：{_listing(extra)}")
        en.append(f"not expected (the case lists the codes exactly): {_listing(extra)}")
    return Label("；".join(zh), "; ".join(en))


def _list_note(expected: Iterable[str], got: Iterable[str]) -> Label:
    want, have = Counter(expected), Counter(got)
    missing, extra = want - have, have - want
    if not missing and not extra:
        return Label("行相同，顺序不同", "the same lines in another order")
    zh, en = [], []
    if missing:
        zh.append(f"缺少：{_listing(missing)}")
        en.append(f"missing: {_listing(missing)}")
    if extra:
        zh.append(f"多出：{_listing(extra)}")
        en.append(f"not expected: {_listing(extra)}")
    return Label("；".join(zh), "; ".join(en))
