"""Every documented call type-checks: the examples of the README, the guides in docs/ and
the docstrings of the package are run through ``mypy --strict``, as a user's own code
would be. A docstring's examples run in their module's namespace, so its module's imports
and names come first.

An example whose expected output is a traceback shows a refusal on purpose and is left
out; a refusal caught in a ``try`` block carries the ``# type: ignore[...]`` a user would
need, so the reader sees that the type checker catches the mistake before run time. A
guide reuses a name for the next example as a notebook does, so a name may be bound again
to another type (``--allow-redefinition``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
MODULES = sorted((ROOT / "src" / "hrpolicy").rglob("*.py"))
_PROMPT = re.compile(r"^(\s*)>>> ?(.*)$")


def documented_code(text: str) -> str:
    """The source of every example in ``text`` that is not meant to fail, in order."""
    lines = text.splitlines()
    kept: list[str] = []
    index = 0
    while index < len(lines):
        match = _PROMPT.match(lines[index])
        if match is None:
            index += 1
            continue
        indent, source = match.group(1), [match.group(2)]
        index += 1
        continuation = re.compile(rf"^{re.escape(indent)}\.\.\.( |$)")
        while index < len(lines) and continuation.match(lines[index]):
            source.append(lines[index][len(indent) + 4 :])
            index += 1
        want = []
        while (
            index < len(lines)
            and lines[index].strip()
            and not _PROMPT.match(lines[index])
            and not lines[index].strip().startswith("```")
        ):
            want.append(lines[index].strip())
            index += 1
        if not (want and want[0].startswith("Traceback")):
            kept.extend(source)
    return "\n".join(kept) + "\n"


def module_context(path: Path, code: str) -> str:
    """What a docstring's examples see without importing it: the module's imports and
    its own top-level names (less those the examples bind themselves)."""
    source = path.read_text(encoding="utf-8")
    parts = path.relative_to(ROOT / "src").with_suffix("").parts
    module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    head: list[str] = []
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
                head.append(ast.unparse(node))
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    bound: set[str] = set()
    for found in ast.walk(ast.parse(code)):
        if isinstance(found, ast.Name) and isinstance(found.ctx, ast.Store):
            bound.add(found.id)
        elif isinstance(found, (ast.FunctionDef, ast.ClassDef)):
            bound.add(found.name)
        elif isinstance(found, ast.alias):
            bound.add((found.asname or found.name).split(".")[0])
    if names - bound:
        head.append(f"from {module} import " + ", ".join(sorted(names - bound)))
    return "\n".join(head) + "\n"


def test_the_extractor_keeps_examples_and_leaves_out_the_ones_that_show_a_traceback() -> None:
    text = (
        ">>> x = 1\n>>> def f() -> int:\n...     return x\n"
        ">>> int('a')\nTraceback (most recent call last):\nValueError\n>>> f()\n1\n"
    )
    assert documented_code(text) == "x = 1\ndef f() -> int:\n    return x\nf()\n"


def test_every_documented_call_passes_mypy_strict(tmp_path: Path) -> None:
    files = []
    for document in DOCUMENTS:
        code = documented_code(document.read_text(encoding="utf-8"))
        target = tmp_path / ("doc_" + re.sub(r"\W", "_", document.stem) + ".py")
        target.write_text(code, encoding="utf-8")
        files.append(str(target))
    for module in MODULES:
        code = documented_code(module.read_text(encoding="utf-8"))
        if not code.strip():
            continue
        name = re.sub(r"\W", "_", str(module.relative_to(ROOT / "src").with_suffix("")))
        target = tmp_path / f"src_{name}.py"
        target.write_text(module_context(module, code) + code, encoding="utf-8")
        files.append(str(target))
    stdout, stderr, status = mypy_api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--strict",
            "--allow-redefinition",
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            *files,
        ]
    )
    assert status == 0, stdout + stderr
