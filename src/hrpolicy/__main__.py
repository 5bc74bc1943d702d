"""Command line: ``python -m hrpolicy …`` — the only part of the library that prints or
reads files.

- ``demo`` settles the seed case of DOMAIN.md §1 (the electrician's 6,000-yuan course) and
  prints the settlement, its explanation and its findings;
- ``settle CASE.json`` settles a case given as JSON (the shape ``example-case`` prints);
- ``example-case`` prints the seed case as JSON, a template for your own cases.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hrpolicy.bonds.case import BondCase
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.bonds.results import SeparationSettlement
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.display import render_value
from hrpolicy.core.errors import HRPolicyError

__all__ = ["main"]


def _render(settlement: SeparationSettlement, output: str, locale: str) -> str:
    if output == "markdown":
        return settlement.to_markdown()
    if output == "json":
        rows = [
            {
                key: value if isinstance(value, str) else render_value(value)
                for key, value in row.items()
            }
            for row in settlement.to_records(locale)
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    return settlement.to_text(locale)


def _demo(args: argparse.Namespace) -> int:
    case = electrician_case()
    settlement = case.settle()
    if args.format == "text":
        intro = (
            "示例：电工参加一个月的专业培训（费用6,000元，不含工资），回岗后签订3年服务期协议，"
            "2012年12月辞职；公司要求3,666元（含“生产损失”），实际收取3,000元。\n"
            if args.locale.startswith("zh")
            else "Demo: an electrician's one-month professional course (6,000 yuan, wages "
            "excluded), a 3-year bond signed on return, resignation in December 2012; the "
            "employer demanded 3,666 yuan (including 'losses to production') and took 3,000.\n"
        )
        print(intro)
    print(_render(settlement, args.format, args.locale))
    return 0


def _settle(args: argparse.Namespace) -> int:
    try:
        data: Any = json.loads(Path(args.case).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
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
        command.add_argument("--locale", choices=("en", "zh_CN"), default="en")
        command.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    demo = sub.add_parser("demo", help="settle the seed training-bond case and explain it")
    outputs(demo)
    demo.set_defaults(run=_demo)
    settle_cmd = sub.add_parser("settle", help="settle a bond case given as JSON")
    settle_cmd.add_argument("case", help="path to a JSON file shaped like `example-case` output")
    outputs(settle_cmd)
    settle_cmd.set_defaults(run=_settle)
    example = sub.add_parser("example-case", help="print the seed case as JSON")
    example.set_defaults(run=_example_case)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
