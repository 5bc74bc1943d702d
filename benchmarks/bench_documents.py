"""Policy documents and case files: what reading the text costs beside building the object.

Run (after installing the ``documents`` extra)::

    python benchmarks/bench_documents.py

For the task-base plan written as ``to_dict`` writes it, each syntax is timed three ways:
the parser alone (``parse``), the whole read (``loads``: parse and ``from_dict``), and
``from_dict`` of the already-parsed data, so the ratios say what the text costs over the
converter. Then every engine's worked example as a self-checking case file is read, run
and compared (``loads_case`` + ``check_case``), beside running the same case from its
Python object, so the last column is what the file and the comparison add. Times are the
best of five repeats; the interpreter and machine are printed first.
"""

from __future__ import annotations

import functools
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best, show

from hrpolicy.commission import Plan
from hrpolicy.commission.examples import example_month
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.engines import ENGINE_NAMES, engine
from hrpolicy.documents import SYNTAXES, check_case, dump, loads, loads_case, parse
from hrpolicy.documents.cases import example_case_file


def _check(text: str) -> object:
    return check_case(loads_case(text, syntax="toml"))


def main() -> None:
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores"
    )
    data = to_dict(example_month()[0])
    build = best(lambda: from_dict(data, Plan), 200)
    print(f"\nthe task-base plan (from_dict of parsed data: {build * 1e6:.1f} µs)")
    for syntax in SYNTAXES:
        text = dump(data, syntax)
        parsed = best(functools.partial(parse, text, syntax), 200)
        read = best(functools.partial(loads, text, Plan, syntax=syntax), 200)
        show(f"{syntax}: parse", parsed, f"{parsed / build:5.1f}× from_dict")
        show(f"{syntax}: loads (parse + from_dict)", read, f"{read / build:5.1f}× from_dict")
    print("\nevery engine's worked example as a case file (TOML), read, run and checked")
    for name in ENGINE_NAMES:
        spec = engine(name)
        case = spec.example_case()
        text = example_case_file(name, syntax="toml")
        run = best(functools.partial(spec.run, case), 5)
        checked = best(functools.partial(_check, text), 5)
        show(f"{name}: check the file", checked, f"{checked / run:5.1f}× running the case")


if __name__ == "__main__":
    main()
