"""What the command line reads: files and standard input in JSON, TOML or YAML, and input
it cannot read — each ends in one line on standard error and exit status 2, never a
traceback."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.bonds.examples import electrician_case
from hrpolicy.cli import main
from hrpolicy.core.convert import to_dict
from hrpolicy.documents.text import dumps

#: The commands that read a document, as the first words of their command line.
READERS = [pytest.param(["settle"], id="settle"), pytest.param(["run"], id="run")]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _one_line(err: str) -> str:
    assert err.endswith("\n"), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def _refund(out: str) -> str:
    refund: str = json.loads(out)["tables"]["totals"][0]["refund_due"]
    return refund


@pytest.mark.parametrize("syntax", ["json", "toml", "yaml"])
def test_a_bond_case_written_in_any_syntax_is_settled_by_its_suffix(
    syntax: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / f"case.{syntax}"
    case.write_text(dumps(electrician_case(), syntax=syntax), encoding="utf-8")  # type: ignore[arg-type]
    assert main(["settle", str(case), "--format", "json"]) == 0
    assert _refund(capsys.readouterr().out) == "1166.67"


@pytest.mark.parametrize("syntax", ["json", "toml", "yaml"])
def test_example_case_writes_the_seed_case_in_the_syntax_asked_for(
    syntax: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["example-case", "--syntax", syntax]) == 0
    written = capsys.readouterr().out
    assert written == dumps(electrician_case(), syntax=syntax)  # type: ignore[arg-type]
    case = tmp_path / "case.txt"
    case.write_text(written, encoding="utf-8")
    assert main(["settle", str(case), "--syntax", syntax, "--format", "json"]) == 0
    assert _refund(capsys.readouterr().out) == "1166.67"


def test_a_yml_suffix_is_read_as_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "case.YML"
    case.write_text(dumps(electrician_case(), syntax="yaml"), encoding="utf-8")
    assert main(["settle", str(case), "--format", "json"]) == 0
    assert _refund(capsys.readouterr().out) == "1166.67"


def test_a_json_case_on_standard_input_is_settled_without_naming_its_syntax(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"\n  " + json.dumps(to_dict(electrician_case())).encode())
    assert main(["settle", "-", "--format", "json"]) == 0
    assert _refund(capsys.readouterr().out) == "1166.67"


@pytest.mark.parametrize("syntax", ["toml", "yaml"])
def test_a_toml_or_yaml_case_on_standard_input_is_settled_with_its_syntax_named(
    syntax: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, dumps(electrician_case(), syntax=syntax).encode())  # type: ignore[arg-type]
    assert main(["settle", "-", "--syntax", syntax, "--format", "json"]) == 0
    assert _refund(capsys.readouterr().out) == "1166.67"


def test_standard_input_that_is_not_json_asks_for_its_syntax(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, dumps(electrician_case(), syntax="yaml").encode())
    assert main(["settle", "-"]) == 2
    assert _one_line(capsys.readouterr().err) == (
        "hrpolicy: cannot read standard input: give its syntax with --syntax json, toml or "
        "yaml (only JSON starting with '{' is recognised without it)\n"
    )


def test_a_case_piped_into_the_program_is_settled() -> None:
    case = json.dumps(to_dict(electrician_case()))
    done = subprocess.run(
        [sys.executable, "-m", "hrpolicy", "settle", "-", "--format", "csv"],
        input=case,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "1833.33" in done.stdout


def test_a_yaml_case_with_a_bad_value_names_its_line_and_key_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = dumps(electrician_case(), syntax="yaml").replace("ground: resignation", "ground: fired")
    case = tmp_path / "case.yaml"
    case.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  ground: fired") + 1
    assert main(["settle", str(case)]) == 1
    err = _one_line(capsys.readouterr().err)
    assert err.startswith(
        f"hrpolicy: {case}: not a valid BondCase: line {line}: $.separation.ground: "
        "expected one of 'resignation'"
    )


# --- input that cannot be read ---------------------------------------------------------


@attrs.frozen
class Hostile:
    """A document the command line cannot read: its syntax, its bytes, and words the one
    line on standard error says."""

    syntax: str
    content: bytes
    reason: str


_BOMB = b"".join(
    [b'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [
        f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]\n".encode()
        for before, name in zip("abcdefgh", "bcdefghi", strict=True)
    ]
)

HOSTILE = [
    pytest.param(
        Hostile("json", b'\xff\xfe{"agreements": []}', "0xff at offset 0 is not UTF-8 text"),
        id="json bytes that are not UTF-8",
    ),
    pytest.param(
        Hostile("json", b'{"agreements": ' + b"1" * 5000 + b"}", "5000 digits"),
        id="json a 5000-digit integer",
    ),
    pytest.param(
        Hostile("json", b"[" * 100_000 + b"]" * 100_000, "nests deeper than 64 levels"),
        id="json 100000 nested brackets",
    ),
    pytest.param(
        Hostile("json", b"null", "expected a mapping of keys at the top of the document, got null"),
        id="json null",
    ),
    pytest.param(Hostile("json", b"[1, 2]", "got a list of 2 items"), id="json a top-level list"),
    pytest.param(Hostile("json", b'"a case"', "got str 'a case'"), id="json a string"),
    pytest.param(Hostile("json", b"", "an empty document"), id="json an empty file"),
    pytest.param(Hostile("json", b'{"agreements": [', "line 1, column 17"), id="json cut short"),
    pytest.param(
        Hostile("json", b'{"a": 1, "a": 2}', "the key 'a' is given twice"),
        id="json a key given twice",
    ),
    pytest.param(Hostile("json", b'{"a": NaN}', "not a number"), id="json NaN"),
    pytest.param(
        Hostile("json", b'{"a": 1e9999999999999999999}', "exponent beyond what a decimal holds"),
        id="json an exponent no decimal holds",
    ),
    pytest.param(
        Hostile("yaml", b"a: \xff", "0xff at offset 3 is not UTF-8 text"),
        id="yaml bytes that are not UTF-8",
    ),
    pytest.param(
        Hostile("yaml", b"a: " + b"1" * 5000, "5000 digits"), id="yaml a 5000-digit integer"
    ),
    pytest.param(
        Hostile("yaml", b"[" * 100_000 + b"]" * 100_000, "nests deeper than 64 levels"),
        id="yaml 100000 nested brackets",
    ),
    pytest.param(
        Hostile(
            "yaml", b"".join(b" " * i + b"-\n" for i in range(5000)), "nests deeper than 64 levels"
        ),
        id="yaml 5000 nested block lists",
    ),
    pytest.param(
        Hostile("yaml", _BOMB, "YAML anchors and aliases are not read"), id="yaml an alias bomb"
    ),
    pytest.param(Hostile("yaml", b"null\n", "got null"), id="yaml null"),
    pytest.param(
        Hostile("yaml", b"- 1\n- 2\n", "got a list of 2 items"), id="yaml a top-level list"
    ),
    pytest.param(Hostile("yaml", b"", "an empty document"), id="yaml an empty file"),
    pytest.param(
        Hostile("yaml", b"a: !!python/object:os.system x\n", "the tag"), id="yaml a python tag"
    ),
    pytest.param(
        Hostile("yaml", b"a: 1\n---\nb: 2\n", "found another document"), id="yaml two documents"
    ),
    pytest.param(
        Hostile("toml", b'a = "\xff"', "0xff at offset 5 is not UTF-8 text"),
        id="toml bytes that are not UTF-8",
    ),
    pytest.param(
        Hostile("toml", b"a = " + b"1" * 5000, "longer than Python reads"),
        id="toml a 5000-digit integer",
    ),
    pytest.param(
        Hostile("toml", b"a = " + b"[" * 100_000 + b"]" * 100_000, "nests deeper than 64 levels"),
        id="toml 100000 nested brackets",
    ),
    pytest.param(Hostile("toml", b"a = = 1", "line 1"), id="toml a syntax error"),
    pytest.param(
        Hostile("toml", b"a = 1e9999999999999999999", "exponent beyond what a decimal holds"),
        id="toml an exponent no decimal holds",
    ),
    pytest.param(
        Hostile("yaml", b"a: 1e9999999999999999999", "exponent beyond what a decimal holds"),
        id="yaml an exponent no decimal holds",
    ),
]


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_file_that_cannot_be_read_ends_in_one_line_and_status_2(
    command: list[str], hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / f"case.{hostile.syntax}"
    case.write_bytes(hostile.content)
    assert main([*command, str(case)]) == 2
    err = _one_line(capsys.readouterr().err)
    assert err.startswith(f"hrpolicy: cannot read {case}")
    assert hostile.reason in err


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_standard_input_that_cannot_be_read_ends_in_one_line_and_status_2(
    command: list[str],
    hostile: Hostile,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, hostile.content)
    assert main([*command, "-", "--syntax", hostile.syntax]) == 2
    err = _one_line(capsys.readouterr().err)
    assert err.startswith("hrpolicy: cannot read standard input")
    assert hostile.reason in err


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_case_file_that_cannot_be_read_makes_check_exit_2_saying_why(
    hostile: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / f"hostile.case.{hostile.syntax}"
    case.write_bytes(hostile.content)
    assert main(["check", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    first, summary = captured.out.splitlines()
    assert first.startswith(f"ERROR cannot read {case}")
    assert hostile.reason in first
    assert summary == "1 case file: 0 passed, 0 failed, 1 could not be read"
    assert _one_line(captured.err) == f"hrpolicy: {summary}\n"


@pytest.mark.parametrize("command", READERS)
def test_a_missing_file_is_reported_with_status_2(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main([*command, str(missing)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"hrpolicy: cannot read {missing}: No such file or directory\n"
    )


@pytest.mark.parametrize("command", READERS)
def test_a_directory_given_as_a_case_file_is_reported_with_status_2(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cases.json"
    folder.mkdir()
    assert main([*command, str(folder)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"hrpolicy: cannot read {folder}: Is a directory\n"
    )


@pytest.mark.parametrize("command", READERS)
def test_a_file_of_unknown_syntax_asks_for_its_syntax(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.txt"
    case.write_text("{}", encoding="utf-8")
    assert main([*command, str(case)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"hrpolicy: cannot read {case}: expected a file name ending in .json, .toml, .yaml "
        "or .yml, or a syntax given with --syntax\n"
    )


def test_an_unknown_syntax_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["settle", "-", "--syntax", "xml"])
    assert exited.value.code == 2
    assert "argument --syntax: invalid choice: 'xml'" in capsys.readouterr().err


def test_an_alias_bomb_is_refused_by_the_installed_program_without_a_traceback(
    tmp_path: Path,
) -> None:
    case = tmp_path / "bomb.yaml"
    case.write_bytes(_BOMB)
    done = subprocess.run(
        [sys.executable, "-m", "hrpolicy", "settle", str(case)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"hrpolicy: cannot read {case}, line 1, column 4: YAML anchors and aliases are not read\n"
    )


def _without_yaml(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line run with PyYAML not importable (as when the extra is missing)."""
    program = (
        "import sys; sys.modules['yaml'] = None; "
        "from hrpolicy.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    return subprocess.run(
        [sys.executable, "-c", program, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_reading_yaml_without_pyyaml_names_the_extra_and_exits_2(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\n", encoding="utf-8")
    done = _without_yaml("settle", str(case))
    assert done.returncode == 2
    assert done.stderr == (
        f"hrpolicy: cannot read {case}: needs the PyYAML library, installed with the extra: "
        "pip install 'hrpolicy[documents]'\n"
    )


def test_writing_yaml_without_pyyaml_names_the_extra_and_exits_2() -> None:
    done = _without_yaml("example-case", "--syntax", "yaml")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "hrpolicy: cannot write YAML: needs the PyYAML library, installed with the extra: "
        "pip install 'hrpolicy[documents]'\n"
    )


def _run_on_stdin(argv: list[str], data: bytes) -> tuple[int, str, str]:
    """``main(argv)`` with ``data`` as standard input: its status, output and errors."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=200),
    syntax=st.sampled_from(["json", "toml", "yaml"]),
    command=st.sampled_from(["settle", "run"]),
)
def test_any_bytes_on_standard_input_end_in_status_1_or_2_and_one_line(
    data: bytes, syntax: str, command: str
) -> None:
    status, out, err = _run_on_stdin([command, "-", "--syntax", syntax], data)
    assert status in (1, 2)
    assert out == ""
    _one_line(err)


@settings(max_examples=60, deadline=None)
@given(value=_JSON_VALUES, command=st.sampled_from(["settle", "run"]))
def test_any_json_document_that_is_not_a_case_ends_in_status_1_or_2_and_one_line(
    value: object, command: str
) -> None:
    text = json.dumps(value, default=str)
    status, out, err = _run_on_stdin([command, "-", "--syntax", "json"], text.encode())
    assert status in (1, 2)
    assert out == ""
    _one_line(err)


def test_output_the_terminal_cannot_encode_ends_in_one_line_and_status_2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hrpolicy", "demo", "--engine", "bonds", "--locale", "zh_CN"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "hrpolicy: cannot write the output in the encoding of standard output (ascii); "
        "set PYTHONIOENCODING=utf-8\n"
    )


def test_a_demand_written_with_ten_million_zero_places_settles_in_a_short_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = to_dict(electrician_case())
    data["separation"]["demanded"] = "0E-10000000"
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    for output in ("text", "json"):
        assert main(["settle", str(case), "--format", output]) == 0
        assert len(capsys.readouterr().out) < 100_000
