"""The command line, ``hrpolicy …`` (or ``python -m hrpolicy …``): the only part of the
library that prints, or reads files and standard input.

Commands:

- ``run CASE`` runs a case file of any engine (the file names its engine: ``bonds``,
  ``commission``, ``collection``, ``reports``, ``scoring``, ``charges``, ``awards``,
  ``cadences``, ``expenses``) and prints the result;
- ``check FILE_OR_DIR…`` runs case files and compares each result with what the file
  expects (:mod:`hrpolicy.documents.cases`): a folder is searched recursively, outside
  hidden folders, for files named ``*.case.toml``, ``*.case.yaml``, ``*.case.yml`` or
  ``*.case.json``; each file's report (a diff for every figure that differs, with the step
  that produced it), then a summary line;
- ``example-case [ENGINE]`` writes an engine's worked example as a case file that checks
  itself (its result's figures as what is expected); without ``ENGINE``, the seed bond
  case as ``settle`` reads it (``--syntax json|toml|yaml``, JSON by default);
- ``schema [TYPE]`` prints the JSON Schema of a policy or case type's document
  (:func:`hrpolicy.documents.schema.schema_named`); without ``TYPE`` it lists the types;
- ``settle CASE`` settles a bond case (the shape ``example-case`` writes, or a case file
  of the bonds engine);
- ``demo`` computes a worked example of each engine — the electrician's 6,000-yuan course
  settled, a month of commission under the task-base plan, a month of collection-linked
  pay with a bad-debt clawback, a team's weekly reports checked, a salesperson's month
  scored, a part-time salesperson's deposit, fine and charge for lost materials
  settled — and prints each result with its explanation and findings (``--engine`` picks
  one).

Input: ``CASE`` is a path, or ``-`` for standard input, a document in JSON, TOML or YAML
read by :func:`hrpolicy.documents.text.parse` (exact decimals, no YAML anchors or
aliases, nesting capped). Its syntax comes from ``--syntax``, else from the file name's
suffix (``.json``, ``.toml``, ``.yaml``, ``.yml``); standard input without ``--syntax`` is
read as JSON when it starts with ``{`` and is otherwise refused (a TOML document may start
with ``[`` as JSON does, so nothing else is guessed).

Output (``--format``): ``text`` (the default), ``markdown`` or ``html`` to read, in
``--locale`` (``en`` or ``zh_CN``); ``json``, the result as data; ``csv``, one of its
tables (``--table``, the first by default). JSON and CSV write every value by the library's
one rule (:func:`~hrpolicy.core.convert.to_dict`): money and other decimals as strings of
their exact digits (``"1833.33"``), exact rationals by
:func:`~hrpolicy.core.records.exact_text` (``"5500/3"``), dates ISO, booleans as
``true``/``false``, and a value that is missing or does not apply as ``null`` (in CSV, an
empty cell); their text cells (labels, messages, citations) are in ``--locale``.

The JSON document of a result (:func:`result_document`)::

    {"format": 1, "engine": "bonds", "type": "SeparationSettlement", "locale": "en",
     "columns": {"totals": {"total_payable": "money", ...}, ...},
     "tables": {"totals": [{"total_payable": "1833.33", "refund_due": "1166.67", ...}],
                "steps": [...], "findings": [...], ...},
     "result": {...}}

``tables`` holds every table of the result (:meth:`~hrpolicy.core.records.Tabular.tables`)
as a list of rows, ``columns`` the type of each column (``money``, ``decimal``, ``int``,
``bool``, ``date``, ``text``), and ``result`` the result's own
:func:`~hrpolicy.core.convert.to_dict` document, which
:func:`~hrpolicy.core.convert.from_dict` reads back (recomputing it, and refusing a changed
figure). ``demo --format json`` writes one such document per engine, by engine name.

``check --format json`` writes ``{"format": 1, "cases": [...], "passed": n, "failed": n,
"unreadable": n}``, one entry per file: its ``source``, ``outcome`` (``passed``,
``failed`` or ``unreadable``) and either its ``engine``, ``title``, ``checked`` and
``mismatches`` (each with ``what``, ``expected``, ``got``, ``step`` and ``note``) or the
``error`` that stopped it.

Exit status: 0 done; 1 an invalid case (the data does not describe one, or the engine
refuses its facts) or, for ``check``, a figure that differs; 2 a usage error or input
that cannot be read (no such file, a folder, not UTF-8, not a document, a YAML anchor or
alias, a number too long, nesting too deep, a document that is not a mapping, a syntax
library not installed). ``check`` exits with the highest status of its files. Every
failure is one line on standard error, ``hrpolicy: …``, never a traceback. A reader that
stops early (``… | head``) ends the output quietly, with status 141, as other
command-line tools do; an interrupt (Ctrl-C) ends it with 130.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import importlib.metadata
import io
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, cast

from hrpolicy.core.convert import to_dict
from hrpolicy.core.display import Displayable
from hrpolicy.core.engines import ENGINE_NAMES, engine
from hrpolicy.core.errors import (
    ConversionError,
    HRPolicyError,
    InvalidValueError,
    MissingDependencyError,
    describe,
)
from hrpolicy.core.records import Table
from hrpolicy.documents.cases import (
    CASE_SUFFIXES,
    CaseFile,
    CaseReport,
    RowCount,
    check_case,
    example_case_file,
    is_case_file,
    loads_case,
    run_case,
)
from hrpolicy.documents.text import (
    SYNTAXES,
    DocumentError,
    Syntax,
    dumps,
    loads,
    parse,
    syntax_of,
)

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "JSON_FORMAT",
    "main",
    "result_document",
    "table_csv",
]

#: The exit status of a command that did what it was asked.
EXIT_OK: Final = 0
#: The exit status when a case is invalid (its data does not describe one).
EXIT_INVALID: Final = 1
#: The exit status of a usage error or of input that cannot be read.
EXIT_USAGE: Final = 2
#: The version of the JSON document :func:`result_document` writes (its ``"format"``).
JSON_FORMAT: Final = 1

_EPILOG: Final = """\
exit status:
  0  done
  1  an invalid case (the data does not describe one, or the engine refuses its
     facts), or for check a figure that differs from what the case file expects
  2  a usage error, or input that cannot be read
check exits with the highest status of its files. Every failure is one line on
standard error, starting "hrpolicy: ".
"""

_FORMATS: Final = ("text", "markdown", "html", "json", "csv")
_LOCALES: Final = ("en", "zh_CN")


class _CommandError(Exception):
    """Ends a command: ``message`` goes to standard error, ``status`` is the exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _shown(name: str) -> str:
    """How the input ``name`` is called in messages (``-`` is standard input)."""
    return "standard input" if name == "-" else name


# --- output --------------------------------------------------------------------------


def result_document(result: Displayable, engine: str, locale: str = "en") -> dict[str, Any]:
    """The JSON document of ``result``, a result of the engine ``engine``: every table
    (text cells in ``locale``) as rows of plain data, the type of each column, and the
    result's own :func:`~hrpolicy.core.convert.to_dict` document under ``"result"``.

    Args:
        result: a result of the library (anything :class:`~hrpolicy.core.display.Displayable`).
        engine: the engine's name (``"bonds"``…), written under ``"engine"``.
        locale: the language of the tables' text cells (``"en"`` or ``"zh_CN"``).

    Returns:
        A dict ready for :func:`json.dumps`; its values are strings, ints, booleans,
        ``None``, lists and dicts.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> document = result_document(electrician_case().settle(), "bonds")
        >>> list(document)
        ['format', 'engine', 'type', 'locale', 'columns', 'tables', 'result']
        >>> totals = document["tables"]["totals"][0]
        >>> totals["total_payable"], totals["refund_due"], totals["contract_extended_to"]
        ('1833.33', '1166.67', None)
        >>> document["columns"]["totals"]["total_payable"]
        'money'
    """
    tables = result.tables(locale)
    return {
        "format": JSON_FORMAT,
        "engine": engine,
        "type": type(result).__name__,
        "locale": locale,
        "columns": {
            name: {column.name: column.type.value for column in table.schema.columns}
            for name, table in tables.items()
        },
        "tables": {name: to_dict(table.to_records()) for name, table in tables.items()},
        "result": to_dict(result),
    }


def _cell(value: Any) -> str:
    """One CSV cell of plain data (as :func:`~hrpolicy.core.convert.to_dict` wrote it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_csv(table: Table) -> str:
    """``table`` as CSV: a header of column names, then one line per row, every value by
    the library's one rule (as in JSON), a missing value as an empty cell.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> print(table_csv(electrician_case().settle().table("cost_lines")), end="")
        agreement,training,item_id,category,amount,share,share_exact,recognised,rule,...
        SP-2010-017,T-2010-10,tuition,tuition,4800,4800.00,4800,true,vouchered_direct_cost,...
        ...
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = table.schema.names
    writer.writerow(names)
    for record in to_dict(table.to_records()):
        writer.writerow([_cell(record[name]) for name in names])
    return out.getvalue()


def _chosen_table(result: Displayable, name: str | None, locale: str) -> Table:
    if name is None:
        return next(iter(result.tables(locale).values()))
    try:
        return result.table(name, locale)
    except InvalidValueError as exc:
        raise _CommandError(f"--table: expected {exc.expected}, got {name!r}", EXIT_USAGE) from None


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse output options that would be ignored: ``--table`` without ``--format csv``."""
    if args.table is not None and args.format != "csv":
        raise _CommandError(
            f"--table applies to --format csv only (the format is {args.format})", EXIT_USAGE
        )


def _render(result: Displayable, engine: str, args: argparse.Namespace) -> str:
    """``result`` in the ``--format`` and ``--locale`` of ``args`` (no final newline)."""
    output: str = args.format
    locale: str = args.locale
    if output == "markdown":
        return result.to_markdown(locale)
    if output == "html":
        return result.to_html(locale)
    if output == "json":
        return json.dumps(result_document(result, engine, locale), ensure_ascii=False, indent=2)
    if output == "csv":
        return table_csv(_chosen_table(result, args.table, locale)).removesuffix("\n")
    return result.to_text(locale)


def _stdout() -> Any:
    """Standard output; when the program was started with it closed, a
    :class:`_CommandError` with status 2."""
    if sys.stdout is None:
        raise _CommandError("cannot write the output: standard output is closed", EXIT_USAGE)
    return sys.stdout


def _emit(text: str) -> None:
    _stdout().write(text + "\n")


# --- input ---------------------------------------------------------------------------


def _read_bytes(name: str) -> bytes:
    """The bytes of the file ``name``, or of standard input for ``-``."""
    if name == "-":
        if sys.stdin is None:  # the program was started with standard input closed
            raise _CommandError("cannot read standard input: it is closed", EXIT_USAGE)
        stream = getattr(sys.stdin, "buffer", None)
        try:
            if stream is None:  # a text stream put in place of stdin (an embedding program)
                return str(sys.stdin.read()).encode("utf-8")
            data: bytes = stream.read()
        except OSError as exc:
            reason = exc.strerror or exc
            raise _CommandError(f"cannot read standard input: {reason}", EXIT_USAGE) from None
        return data
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise _CommandError(f"cannot read {name}: {exc.strerror or exc}", EXIT_USAGE) from None


def _syntax(name: str, given: str | None, raw: bytes) -> Syntax:
    """The syntax to read ``name`` in: ``--syntax`` when given, else the file name's
    suffix; standard input is read as JSON when it starts with ``{``, and otherwise needs
    ``--syntax`` (a TOML document may start with ``[`` as JSON does)."""
    if given is not None:
        return cast("Syntax", given)
    if name == "-":
        if raw.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
            return "json"
        raise _CommandError(
            "cannot read standard input: give its syntax with --syntax json, toml or yaml "
            "(only JSON starting with '{' is recognised without it)",
            EXIT_USAGE,
        )
    try:
        return syntax_of(name)
    except InvalidValueError as exc:
        raise _CommandError(
            f"cannot read {name}: expected {exc.expected}, or a syntax given with --syntax",
            EXIT_USAGE,
        ) from None


def _needs(exc: MissingDependencyError) -> str:
    """What a missing optional library means to the user."""
    return f"needs {exc.expected}"


def _document(name: str, given: str | None) -> tuple[bytes, Syntax, dict[str, Any]]:
    """The file ``name`` (``-``: standard input) read: its bytes, its syntax and its data,
    a mapping. Input that cannot be read as one is a :class:`_CommandError` with status 2
    saying why and, where the parser gives them, the line and the column."""
    raw = _read_bytes(name)
    syntax = _syntax(name, given, raw)
    try:
        data = parse(raw, syntax, source=_shown(name))
    except DocumentError as exc:
        raise _CommandError(f"cannot read {exc}", EXIT_USAGE) from None
    except MissingDependencyError as exc:
        raise _CommandError(f"cannot read {_shown(name)}: {_needs(exc)}", EXIT_USAGE) from None
    return raw, syntax, _mapping(name, data)


def _kind(data: Any) -> str:
    """What a parsed document holds at its top, in the documents' own words."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return str(data).lower()
    if isinstance(data, list):
        return f"a list of {len(data)} items"
    return describe(data)


def _mapping(name: str, data: Any) -> dict[str, Any]:
    """``data``, the document read from ``name``, when it is a mapping (every case and
    policy document is one); anything else is a :class:`_CommandError` with status 2."""
    if not isinstance(data, dict):
        raise _CommandError(
            f"cannot read {_shown(name)}: expected a mapping of keys at the top of the "
            f"document, got {_kind(data)}",
            EXIT_USAGE,
        )
    return data


def _invalid(name: str, exc: HRPolicyError) -> str:
    """The message for ``exc``, raised building or running what ``name`` holds: the file
    first, then each problem with its line (where the syntax gives one) and key path."""
    shown = _shown(name)
    if isinstance(exc, ConversionError):
        what = "case file" if exc.path == shown else exc.path
        problems = [
            error[len(shown) :].lstrip(",: ") if error.startswith(shown) else error
            for error in exc.errors
        ]
        return f"{shown}: not a valid {what}: {'; '.join(problems)}"
    return f"{shown}: {exc}"


def _built(name: str, build: Callable[[], Any]) -> Any:
    """``build()``; a library error (invalid data) is a :class:`_CommandError` with
    status 1."""
    try:
        return build()
    except HRPolicyError as exc:
        raise _CommandError(_invalid(name, exc), EXIT_INVALID) from None


# --- commands ------------------------------------------------------------------------

_INTROS: Final = {
    "bonds": (
        "示例一：电工参加一个月的专业培训（费用6,000元，不含工资），回岗后签订3年服务期协议，"
        "2012年12月辞职；公司要求3,666元（含“生产损失”），实际收取3,000元。\n",
        "Demo 1: an electrician's one-month professional course (6,000 yuan, wages "
        "excluded), a 3-year bond signed on return, resignation in December 2012; the "
        "employer demanded 3,666 yuan (including 'losses to production') and took 3,000.\n",
    ),
    "commission": (
        "示例二：任务底薪方案（月销售3万元且新签3家经销商拿全额底薪3,000元，超任务部分按公司"
        "价格的2%提成），2024年3月两笔合同共3.5万元。\n",
        "Demo 2: the task-base plan (30,000 of sales and 3 new dealers earn the full base "
        "of 3,000; 2 % of list value above target), March 2024 with two deals totalling "
        "35,000.\n",
    ),
    "collection": (
        "示例三：风险金制度下，10万元发票的提成3,000元在开票时发放（预留10%风险金），3月客户破产"
        "核销坏账：冲回3,000元，先抵风险金，再按当月工资20%且不低于最低工资扣回，其余结转。\n",
        "Demo 3: commission of 3,000 on a 100,000 invoice released on invoicing with 10 % "
        "held in reserve; in March the customer goes bankrupt: 3,000 is clawed back, from "
        "the reserve first, then from the wage under the 20 % / minimum-wage cap, the rest "
        "carried.\n",
    ),
    "reports": (
        "示例四：两名业务员2024年第10周的周报：李完整按时（40分）；王在宽限期内提交、拜访18次、"
        "竞品动态只写“无”、销售额与CRM不符（33分）。\n",
        "Demo 4: two salespeople's reports for week 10 of 2024: Li's is complete and on time "
        "(40 points); Wang's came in the grace hour with 18 visits, 'none' for competitors "
        "and sales the CRM does not show (33 points).\n",
    ),
    "scoring": (
        "示例五：业务员李2024年3月的月度考核：终端日销售报表和返利表格各迟交一次（各扣5分），"
        "第12周未交周报（该周0分），缺勤一天；日常工作按70%、出勤按30%计入月度得分。\n",
        "Demo 5: Li's score card for March 2024: the terminal daily sales report and the "
        "rebate forms each late once (5 points off each), no weekly report in week 12 (it "
        "scores 0), one day absent; daily work weighs 70 % and attendance 30 % of the "
        "month's score.\n",
    ),
    "charges": (
        "示例六：兼职促销员（每周20小时）的协议：押金800元（等于带出的样品价值）、宣传资料每丢失"
        "一套扣30元、为竞争对手工作罚款500元并“赔偿全部损失”；2026年4月丢失两套资料（经证实的损失"
        "45元），当期工资已扣60元。\n",
        "Demo 6: a part-time salesperson's agreement (20 hours a week): an 800-yuan deposit "
        "equal to the samples taken out, 30 yuan for each set of promotional material lost, "
        "a 500-yuan fine plus 'compensate all losses' for working for a competitor; in "
        "April 2026 two sets are lost (a proven loss of 45 yuan) and 60 yuan was deducted "
        "from that period's wage.\n",
    ),
    "awards": (
        "示例七：华东销售一组2025年年终奖励：6万元奖金池按综合排名50%/30%/20%分配（并列者平分），"
        "毛利较上年增长奖、独立开发大客户奖；奖励超过一万元须经总经理审批；春节假期前发放。\n",
        "Demo 7: the East China sales team's 2025 year-end awards: a 60,000-yuan pool split "
        "50 % / 30 % / 20 % by overall ranking (ties share), awards for gross-margin growth "
        "and for major customers developed alone; awards above 10,000 need the general "
        "manager's approval; paid before the Spring Festival holiday.\n",
    ),
    "cadences": (
        "示例八：2024年3月至4月的活动节奏：项目C2初步设计阶段两次回访相隔12天（晚5天），招投标阶段"
        "回访晚4天、此后未再回访；客户C7服务后第3天才建档（晚1天）；两个月的考核表未报人力资源部。\n",
        "Demo 8: activity cadences in March and April 2024: project C2 revisited 12 days apart "
        "in early design (5 days late), late in tendering and then not at all; customer C7's "
        "file made on day 3 after the service (a day late); two months' score sheets never "
        "reached HR.\n",
    ),
    "expenses": (
        "示例九：业务员王2026年5月的费用：第19、20周拜访计划经批准，借支1,200元和1,000元；"
        "按标准可报销1,430元，先冲抵借支；余下770元应归还，从工资中扣回，每月不超过工资的20%、"
        "扣后不低于最低工资2,690元（5月310元、6月310元、7月150元）。\n",
        "Demo 9: Wang's expenses for May 2026: the visit plans of weeks 19 and 20 approved, "
        "1,200 and 1,000 yuan advanced; 1,430 yuan of claims reimbursable to the standards "
        "settle the advances first; the 770 yuan left is owed back and recovered from wages, "
        "at most 20 % a month and never below the 2,690-yuan minimum wage (310 in May, 310 "
        "in June, 150 in July).\n",
    ),
}
_DEMO_ENGINES: Final = ENGINE_NAMES


def _demo_results() -> dict[str, Displayable]:
    """The result of each engine's worked example, by engine name (what ``demo`` shows)."""
    from hrpolicy.bonds.examples import electrician_case  # noqa: PLC0415 - loaded when run
    from hrpolicy.charges.examples import part_time_lost_materials_case  # noqa: PLC0415
    from hrpolicy.collection.examples import example_bad_debt  # noqa: PLC0415
    from hrpolicy.commission.engine import evaluate  # noqa: PLC0415
    from hrpolicy.commission.examples import example_month  # noqa: PLC0415
    from hrpolicy.expenses.examples import advance_reconciled_case  # noqa: PLC0415
    from hrpolicy.reports.examples import example_team_week  # noqa: PLC0415

    plan, period, deals, inputs = example_month()
    scoring = engine("scoring")
    awards = engine("awards")
    cadences = engine("cadences")
    return {
        "bonds": electrician_case().settle(),
        "commission": evaluate(plan, period, deals, inputs[0]),
        "collection": example_bad_debt()[-1],
        "reports": example_team_week()[1],
        "scoring": scoring.run(scoring.example_case()),
        "charges": part_time_lost_materials_case().settle(),
        "awards": awards.run(awards.example_case()),
        "cadences": cadences.run(cadences.example_case()),
        "expenses": advance_reconciled_case().settle(),
    }


def _demo(args: argparse.Namespace) -> int:
    _check_outputs(args)
    chosen = list(_DEMO_ENGINES) if args.engine == "all" else [args.engine]
    if args.format == "csv" and len(chosen) > 1:
        raise _CommandError(
            "--format csv writes one table: choose one engine with --engine", EXIT_USAGE
        )
    results = _demo_results()
    if args.format == "json":
        data = {name: result_document(results[name], name, args.locale) for name in chosen}
        _emit(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for name in chosen:
        if args.format == "text":
            zh, en = _INTROS[name]
            _emit(zh if args.locale == "zh_CN" else en)
        _emit(_render(results[name], name, args))
        if args.format != "csv":
            _emit("")
    return EXIT_OK


def _case_file(name: str, given: str | None) -> CaseFile:
    """The case file ``name`` (``-``: standard input), read and built: unreadable input
    ends with status 2, a file that is not a valid case file with status 1."""
    raw, syntax, _ = _document(name, given)
    return _case_file_of(name, raw, syntax)


def _case_file_of(name: str, raw: bytes, syntax: Syntax) -> CaseFile:
    """The case file ``raw`` (read from ``name`` and parsed once already), built."""
    source = _shown(name)
    case_file: CaseFile = _built(name, lambda: loads_case(raw, syntax=syntax, source=source))
    return case_file


def _run(args: argparse.Namespace) -> int:
    _check_outputs(args)
    case_file = _case_file(args.case, args.syntax)
    result = _built(args.case, lambda: run_case(case_file))
    _emit(_render(result, case_file.engine, args))
    return EXIT_OK


def _settle(args: argparse.Namespace) -> int:
    from hrpolicy.bonds.case import BondCase  # noqa: PLC0415 - loaded when run

    _check_outputs(args)
    raw, syntax, data = _document(args.case, args.syntax)
    source = _shown(args.case)
    if "engine" in data:  # a case file: run it if it is a bond case
        case_file = _case_file_of(args.case, raw, syntax)  # standard input is read once
        if case_file.engine != "bonds":
            raise _CommandError(
                f"{source}: settle settles bond cases; this case file is for the "
                f"{case_file.engine} engine (run it with: hrpolicy run {args.case})",
                EXIT_USAGE,
            )
        case = case_file.case
    else:
        case = _built(args.case, lambda: loads(raw, BondCase, syntax=syntax, source=source))
    settlement = _built(args.case, case.settle)
    _emit(_render(settlement, "bonds", args))
    return EXIT_OK


_CASE_NAMES: Final = ", ".join(CASE_SUFFIXES)


def _walk(folder: str) -> list[str]:
    """The case files under ``folder`` (by :data:`~hrpolicy.documents.cases.CASE_SUFFIXES`),
    searched recursively but not into hidden folders (``.git``, ``.venv``), in order."""
    found: list[str] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if is_case_file(name))
    return found


def _case_paths(names: Sequence[str]) -> list[str]:
    """Every case file ``names`` stand for: a folder for the case files in it, anything
    else for itself; a folder holding none is a usage error."""
    paths: list[str] = []
    for name in names:
        if name != "-" and os.path.isdir(name):
            found = _walk(name)
            if not found:
                raise _CommandError(
                    f"no case files in {name} (files named *{_CASE_NAMES.replace(', ', ', *')})",
                    EXIT_USAGE,
                )
            paths.extend(found)
        else:
            paths.append(name)
    return paths


def _checked(name: str, given: str | None) -> tuple[int, CaseReport | None, str]:
    """One case file checked: its status (0 passed, 1 a mismatch or an invalid case, 2
    unreadable), its report (``None`` when it could not be checked) and why not."""
    try:
        case_file = _case_file(name, given)
        report: CaseReport = _built(name, lambda: check_case(case_file))
    except _CommandError as failure:
        return failure.status, None, _one_line(failure.message)
    return (EXIT_OK if report.ok else EXIT_INVALID), report, ""


def _value(value: object) -> Any:
    """A value a mismatch holds, as plain data (by the one rule of ``to_dict``)."""
    if isinstance(value, RowCount):
        return {"rows": value.count}
    return to_dict(value)


def _report_data(report: CaseReport, locale: str) -> dict[str, Any]:
    mismatches = []
    for mismatch in report.mismatches:
        step = mismatch.step
        mismatches.append(
            {
                "what": mismatch.what,
                "expected": _value(mismatch.expected),
                "got": _value(mismatch.got),
                "step": None
                if step is None
                else {
                    "rule": step.rule,
                    "label": step.label.in_locale(locale),
                    "owner": step.owner or None,
                    "output": step.output or None,
                },
                "note": None if mismatch.note is None else mismatch.note.in_locale(locale),
            }
        )
    return {
        "engine": report.engine,
        "title": report.title or None,
        "checked": report.checked,
        "mismatches": mismatches,
    }


_OUTCOMES: Final = {EXIT_OK: "passed", EXIT_INVALID: "failed", EXIT_USAGE: "unreadable"}


def _summary(counts: Mapping[str, int], total: int, zh: bool) -> str:
    if zh:
        return (
            f"共 {total} 个案例文件：通过 {counts['passed']}，不符或无效 {counts['failed']}，"
            f"无法读取 {counts['unreadable']}"
        )
    files = "case file" if total == 1 else "case files"
    return (
        f"{total} {files}: {counts['passed']} passed, {counts['failed']} failed, "
        f"{counts['unreadable']} could not be read"
    )


def _check(args: argparse.Namespace) -> int:
    zh = args.locale == "zh_CN"
    paths = _case_paths(args.paths)
    counts = dict.fromkeys(_OUTCOMES.values(), 0)
    status = EXIT_OK
    documents: list[dict[str, Any]] = []
    for name in paths:
        outcome, report, reason = _checked(name, args.syntax)
        counts[_OUTCOMES[outcome]] += 1
        status = max(status, outcome)
        if args.format == "json":
            entry: dict[str, Any] = {"source": _shown(name), "outcome": _OUTCOMES[outcome]}
            entry.update(_report_data(report, args.locale) if report else {"error": reason})
            documents.append(entry)
        elif report is not None:
            _emit(report.render(args.locale))
        else:
            _emit(f"{'错误' if zh else 'ERROR'} {reason}")
    summary = _summary(counts, len(paths), zh)
    if args.format == "json":
        data = {"format": JSON_FORMAT, "cases": documents, **counts}
        _emit(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _emit(summary)
    if status != EXIT_OK:
        sys.stdout.flush()
        print(f"hrpolicy: {summary}", file=sys.stderr)
    return status


def _written(syntax: str, write: Callable[[], str]) -> str:
    """``write()``, a document in ``syntax``; a library it needs that is not installed is
    a :class:`_CommandError` with status 2."""
    try:
        return write()
    except MissingDependencyError as exc:
        raise _CommandError(f"cannot write {syntax.upper()}: {_needs(exc)}", EXIT_USAGE) from None


def _schema(args: argparse.Namespace) -> int:
    from hrpolicy.core.engines import document_types  # noqa: PLC0415 - imports every engine
    from hrpolicy.documents.schema import schema_named  # noqa: PLC0415

    name: str | None = args.type
    if name is None:
        _emit("\n".join(document_types()))
        return EXIT_OK
    try:
        schema = schema_named(name)
    except InvalidValueError as exc:
        raise _CommandError(f"schema: expected {exc.expected}, got {name!r}", EXIT_USAGE) from None
    _emit(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


def _example_case(args: argparse.Namespace) -> int:
    from hrpolicy.bonds.examples import electrician_case  # noqa: PLC0415 - loaded when run

    syntax: Syntax = args.syntax
    name: str | None = args.engine
    if name is None:
        text = _written(syntax, lambda: dumps(electrician_case(), syntax=syntax))
    else:
        text = _written(syntax, lambda: example_case_file(name, syntax=syntax))
    _stdout().write(text)
    return EXIT_OK


# --- the parser ----------------------------------------------------------------------


def _version() -> str:
    """The installed distribution's version (the package's own when run from a source
    tree that is not installed)."""
    try:
        return importlib.metadata.version("hrpolicy")
    except importlib.metadata.PackageNotFoundError:
        from hrpolicy import __version__  # noqa: PLC0415 - only when not installed

        return __version__


def _syntax_option(command: argparse.ArgumentParser, *, writes: bool = False) -> None:
    """The ``--syntax`` option of a command that reads (or, ``writes``, writes) documents."""
    if writes:
        help_text = "the syntax to write (default: json)"
    else:
        help_text = (
            "the syntax of the input (default: from the file name's suffix, .json, .toml, "
            ".yaml or .yml; standard input is read as JSON when it starts with '{')"
        )
    command.add_argument(
        "--syntax",
        choices=SYNTAXES,
        default="json" if writes else None,
        help=help_text,
    )


def _outputs(command: argparse.ArgumentParser) -> None:
    """The output options every command that prints a result takes."""
    command.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        help="text (the default), markdown or html to read; json: every table of the result "
        "as data plus the result's exact data, as to_dict writes it and from_dict reads it "
        '(amounts as strings like "1833.33", exact ratios like "5500/3", ISO dates, '
        "true/false, null when missing); csv: one table (see --table)",
    )
    command.add_argument(
        "--locale",
        choices=_LOCALES,
        default="en",
        help="the language of the output: text, markdown and html, and the text cells "
        "(labels, messages, citations) of json and csv (default: en)",
    )
    command.add_argument(
        "--table",
        metavar="NAME",
        help="with --format csv: the table to write (totals, lines, steps, step_inputs, "
        "findings, finding_params, or another table of the result; default: its first)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hrpolicy",
        description="Policy engines for Chinese HR and sales-compensation rules: settle, "
        "compute and check cases, and explain every figure.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"hrpolicy {_version()}",
        help="print the version of hrpolicy and exit",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, run: Callable[[argparse.Namespace], int]) -> Any:
        made = sub.add_parser(
            name,
            help=summary,
            description=summary[:1].upper() + summary[1:] + ".",
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        made.set_defaults(run=run)
        return made

    run = command("run", "run a case file of any engine and print its result", _run)
    run.add_argument(
        "case",
        metavar="CASE",
        help="a case file in JSON, TOML or YAML (it names its engine: see example-case "
        "ENGINE); - reads standard input",
    )
    _syntax_option(run)
    _outputs(run)

    check = command(
        "check",
        "check case files: run each and compare its result with what the file expects",
        _check,
    )
    check.add_argument(
        "paths",
        metavar="FILE_OR_DIR",
        nargs="+",
        help="a case file, - for standard input, or a folder searched (outside hidden "
        f"folders) for files named *{_CASE_NAMES.replace(', ', ', *')}",
    )
    _syntax_option(check)
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: each file's report (a diff for each figure that differs, with the "
        "step that produced it) and a summary line; json: the same as data",
    )
    check.add_argument(
        "--locale",
        choices=_LOCALES,
        default="en",
        help="the language of the reports (default: en)",
    )

    example = command(
        "example-case",
        "print an engine's worked example as a case file, or with no ENGINE the seed bond "
        "case as settle reads it",
        _example_case,
    )
    example.add_argument(
        "engine",
        metavar="ENGINE",
        nargs="?",
        choices=ENGINE_NAMES,
        help=f"one of {', '.join(ENGINE_NAMES)}: its worked example as a case file, with "
        "the figures its result holds as what is expected (check passes on it); without "
        "ENGINE: the seed bond case, as settle reads it",
    )
    _syntax_option(example, writes=True)

    schema = command(
        "schema",
        "print the JSON Schema (2020-12) of a policy or case type's document",
        _schema,
    )
    schema.add_argument(
        "type",
        metavar="TYPE",
        nargs="?",
        help="a policy or case type (BondPolicy, Plan, CommissionCase…), or ENGINE.TYPE "
        "(bonds.BondCase); without TYPE, list the types",
    )

    settle = command("settle", "settle a bond case", _settle)
    settle.add_argument(
        "case",
        metavar="CASE",
        help="a bond case in JSON, TOML or YAML, shaped like the output of example-case "
        "(or a case file for the bonds engine); - reads standard input",
    )
    _syntax_option(settle)
    _outputs(settle)

    demo = command(
        "demo",
        "run a worked example of each engine (bonds, commission, collection, reports, "
        "scoring, charges, awards, cadences, expenses) and explain it",
        _demo,
    )
    demo.add_argument(
        "--engine",
        choices=("all", *_DEMO_ENGINES),
        default="all",
        help="the engine whose example to run (default: all)",
    )
    _outputs(demo)
    return parser


def _one_line(message: str) -> str:
    return re.sub(r"\s*\n\s*", " ", message.strip())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (the process's arguments when ``None``).

    Returns:
        The exit status: 0 done, 1 an invalid case, 2 a usage error or unreadable input
        (argparse's own usage errors exit with 2 too); 141 when the reader of the output
        went away, 130 on an interrupt.
    """
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except _CommandError as failure:
        print(f"hrpolicy: {_one_line(failure.message)}", file=sys.stderr)
        return failure.status
    except BrokenPipeError:
        # The reader has gone: point stdout at nothing so the interpreter's own flush at
        # exit does not fail again, and end as a pipe's writer conventionally does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:  # the output cannot be written: a full disk, a device error
        with contextlib.suppress(OSError, ValueError):  # so that the flush at exit succeeds
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"hrpolicy: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except UnicodeEncodeError as exc:
        encoding = getattr(sys.stdout, "encoding", None) or exc.encoding
        print(
            f"hrpolicy: cannot write the output in the encoding of standard output "
            f"({encoding}); set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return status
