"""What the command line reads: files and standard input, and input it cannot read — each
ends in one line on standard error and exit status 2, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hrpolicy.bonds.examples import electrician_case
from hrpolicy.cli import main
from hrpolicy.core.convert import to_dict


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _one_line(err: str) -> str:
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_a_case_on_standard_input_is_settled(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, json.dumps(to_dict(electrician_case())).encode())
    assert main(["settle", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["tables"]["totals"][0]["refund_due"] == "1166.67"


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


def test_a_missing_file_is_reported_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["settle", str(missing)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"hrpolicy: cannot read {missing}: No such file or directory\n"
    )


def test_a_directory_given_as_a_case_file_is_reported_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["settle", str(tmp_path)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"hrpolicy: cannot read {tmp_path}: Is a directory\n"
    )


HOSTILE_JSON = [
    pytest.param(b'\xff\xfe{"agreements": []}', "not UTF-8", id="bytes that are not UTF-8"),
    pytest.param(b'{"agreements": ' + b"1" * 5000 + b"}", "digits", id="a 5000-digit integer"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, "nested", id="100000 nested brackets"),
    pytest.param(b"null", "expected a mapping", id="null"),
    pytest.param(b"[1, 2]", "expected a mapping", id="a top-level list"),
    pytest.param(b"", "", id="an empty file"),
    pytest.param(b'{"agreements": [', "", id="a document cut short"),
]


@pytest.mark.parametrize(("content", "reason"), HOSTILE_JSON)
def test_a_json_case_that_cannot_be_read_ends_in_one_line_and_status_2(
    content: bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.json"
    case.write_bytes(content)
    assert main(["settle", str(case)]) == 2
    err = _one_line(capsys.readouterr().err)
    assert err.startswith(f"hrpolicy: cannot read {case}: ")
    assert reason in err


@pytest.mark.parametrize(("content", "reason"), HOSTILE_JSON)
def test_standard_input_that_cannot_be_read_ends_in_one_line_and_status_2(
    content: bytes,
    reason: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, content)
    assert main(["settle", "-"]) == 2
    err = _one_line(capsys.readouterr().err)
    assert err.startswith("hrpolicy: cannot read standard input: ")
    assert reason in err
