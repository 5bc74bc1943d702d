"""Command line: ``python -m hrpolicy …`` — the only part of the library that prints or
reads files.

- ``demo`` settles the seed case (the electrician's 6,000-yuan course) and
  computes a month of commission under the task-base example plan and a month of
  collection-linked pay with a bad-debt clawback, and checks a team's weekly reports,
  printing each result with its explanation and findings (``--engine`` picks one);
- ``settle CASE.json`` settles a case given as JSON (the shape ``example-case`` prints);
- ``example-case`` prints the seed case as JSON, a template for your own cases.

``--format json`` prints the exact data of each result: its
:func:`~hrpolicy.core.convert.to_dict` document (``"format"`` first, amounts and other
exact numbers as strings such as ``"1833.33"``, exact rationals by
:func:`~hrpolicy.core.records.exact_text`, dates ISO, booleans ``true``/``false``,
``null`` for a value that is missing or does not apply), which
:func:`~hrpolicy.core.convert.from_dict` reads back — a settlement is then recomputed and
refused if a figure was changed. ``--locale`` does not apply to it: findings are data (a
code and typed parameters), their messages rendered from the catalog.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from hrpolicy.bonds.case import BondCase
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.collection.examples import example_bad_debt
from hrpolicy.commission.engine import evaluate
from hrpolicy.commission.examples import example_month
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.display import Displayable
from hrpolicy.core.errors import HRPolicyError
from hrpolicy.reports.examples import example_team_week

__all__ = ["main"]


def _data(result: Displayable) -> Any:
    """The exact data of ``result`` (its ``to_dict`` document), ready for ``json.dumps``."""
    return to_dict(result)


def _render(result: Displayable, output: str, locale: str) -> str:
    if output == "markdown":
        return result.to_markdown()
    if output == "json":
        return json.dumps(_data(result), ensure_ascii=False, indent=2)
    return result.to_text(locale)


_INTROS: Final = {
    "bonds": (
        "示例一：电工参加一个月的专业培训（费用6,000元，不含工资），回岗后签订3年服务期协议，"
        "2012年12月辞职；公司要求3,666元（含“生产损失”），实际收取3,000元。\n",
        "Demo 1: an electrician's one-month professional course (6,000 yuan, wages "
        "excluded), a 3-year bond signed on return, resignation in December 2012; the "
        "employer demanded 3,666 yuan (including 'losses to production') and took 3,000.\n",
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
    "commission": (
        "示例二：任务底薪方案（月销售3万元且新签3家经销商拿全额底薪3,000元，超任务部分按公司"
        "价格的2%提成），2024年3月两笔合同共3.5万元。\n",
        "Demo 2: the task-base plan (30,000 of sales and 3 new dealers earn the full base "
        "of 3,000; 2 % of list value above target), March 2024 with two deals totalling "
        "35,000.\n",
    ),
}


def _demo_results() -> dict[str, Displayable]:
    plan, period, deals, inputs = example_month()
    return {
        "bonds": electrician_case().settle(),
        "commission": evaluate(plan, period, deals, inputs[0]),
        "collection": example_bad_debt()[-1],
        "reports": example_team_week()[1],
    }


def _demo(args: argparse.Namespace) -> int:
    results = _demo_results()
    chosen = list(results) if args.engine == "all" else [args.engine]
    if args.format == "json":
        data = {name: _data(results[name]) for name in chosen}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for name in chosen:
        if args.format == "text":
            zh, en = _INTROS[name]
            print(zh if args.locale.startswith("zh") else en)
        print(_render(results[name], args.format, args.locale))
        print()
    return 0


def _read_json(path: str) -> Any:
    """The JSON document in the file ``path`` (UTF-8, with or without a byte-order
    mark); a file that cannot be read as one raises :class:`_UnreadableError` saying why."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
        return json.loads(text)
    except OSError as exc:
        raise _UnreadableError(str(exc)) from None
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start]
        reason = f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start})"
        raise _UnreadableError(reason) from None
    except json.JSONDecodeError as exc:
        raise _UnreadableError(str(exc)) from None
    except ValueError:  # an integer literal longer than Python converts
        raise _UnreadableError(
            f"a number of more than {sys.get_int_max_str_digits()} digits (no figure of a "
            "case is that long)"
        ) from None
    except RecursionError:
        raise _UnreadableError("JSON nested too deeply (a case is a few levels deep)") from None


class _UnreadableError(Exception):
    """A case file that is not a JSON document; the message says why."""


def _settle(args: argparse.Namespace) -> int:
    try:
        data: Any = _read_json(args.case)
    except _UnreadableError as exc:
        print(f"hrpolicy: cannot read {args.case}: {exc}", file=sys.stderr)
        return 2
    try:
        case = from_dict(data, BondCase)
        settlement = case.settle()
    except HRPolicyError as exc:
        print(f"hrpolicy: {exc}", file=sys.stderr)
        return 1
    print(_render(settlement, args.format, args.locale))
    return 0


def _example_case(_: argparse.Namespace) -> int:
    print(json.dumps(to_dict(electrician_case()), ensure_ascii=False, indent=2))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hrpolicy",
        description="Policy engines for Chinese HR and sales-compensation rules.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def outputs(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--locale",
            choices=("en", "zh_CN"),
            default="en",
            help="the language of text output (json is data and has none)",
        )
        command.add_argument(
            "--format",
            choices=("text", "markdown", "json"),
            default="text",
            help="text or markdown to read; json: the result's exact data, as to_dict "
            'writes it and from_dict reads it (amounts as strings like "1833.33", '
            'exact ratios like "5500/3", ISO dates, true/false, null when missing)',
        )

    demo = sub.add_parser(
        "demo",
        help="run a worked example of each engine (bonds, commission, collection, reports) "
        "and explain it",
    )
    outputs(demo)
    demo.add_argument(
        "--engine",
        choices=("all", "bonds", "commission", "collection", "reports"),
        default="all",
    )
    demo.set_defaults(run=_demo)
    settle_cmd = sub.add_parser("settle", help="settle a bond case given as JSON")
    settle_cmd.add_argument("case", help="path to a JSON file shaped like `example-case` output")
    outputs(settle_cmd)
    settle_cmd.set_defaults(run=_settle)
    example = sub.add_parser("example-case", help="print the seed case as JSON")
    example.set_defaults(run=_example_case)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    A reader that stops early (``… | head``) ends the output quietly, as other command-line
    tools do, instead of with a traceback.
    """
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader has gone: point stdout at nothing so the interpreter's own flush at
        # exit does not fail again, and end as a pipe's writer conventionally does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return status


if __name__ == "__main__":
    sys.exit(main())
