"""The command line: the demo, settling a case from JSON, and the example case."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hrpolicy.__main__ import _demo_results, main
from hrpolicy.bonds import SeparationSettlement
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core.convert import from_dict, to_dict


def test_the_demo_settles_the_seed_case_and_shows_explanation_and_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"bond SP-2010-017 +CN¥1,833\.33", out)
    assert re.search(r"refund due +CN¥1,166\.67", out)
    assert "[A3.cap2] cap 2: at most the cost allocated to the unserved period" in out
    assert "VIOLATION loss_penalty_void <Art. 5>" in out


def test_the_demo_speaks_chinese_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--locale", "zh_CN"]) == 0
    out = capsys.readouterr().out
    assert "应退还" in out
    assert "《劳动合同法》第二十五条" in out


def test_a_case_written_as_json_is_settled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["example-case"]) == 0
    case = tmp_path / "case.json"
    case.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["settle", str(case), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total_payable"] == "1833.33"
    assert data["bonds"][0]["payable"] == "1833.33"


def test_a_bad_case_file_is_reported_with_the_path_of_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "bad.json"
    case.write_text(
        json.dumps(
            {
                "agreements": [],
                "employment": {"hire_date": "2020-01-01", "contract_end": None},
                "separation": {"last_day": "2021-01-01", "ground": "fired"},
            }
        ),
        encoding="utf-8",
    )
    assert main(["settle", str(case)]) == 1
    assert "$.separation.ground: expected one of 'resignation'" in capsys.readouterr().err


def test_an_unreadable_case_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["settle", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_markdown_output_is_available(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--format", "markdown"]) == 0
    assert "| violation | loss_penalty_void |" in capsys.readouterr().out


def test_python_dash_m_runs_the_demo() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hrpolicy", "demo"], capture_output=True, text=True, check=True
    )
    assert "1833.33" in done.stdout


def test_the_demo_also_computes_a_commission_month_with_its_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--engine", "commission"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"超任务提成: deal C-102 +CN¥106\.67", out)
    assert re.search(r"total pay +CN¥3,106\.67", out)
    assert "bond" not in out


def test_the_demo_as_json_gives_each_engines_result_as_exact_data(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(data) == ["bonds", "collection", "commission", "reports"]
    assert all(document["format"] == 1 for document in data.values())
    results = _demo_results()
    for name, document in data.items():
        assert from_dict(document, type(results[name])) == results[name]


def test_settling_as_json_gives_the_amounts_as_exact_strings_and_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(to_dict(electrician_case())), encoding="utf-8")
    assert main(["settle", str(case), "--format", "json", "--locale", "zh_CN"]) == 0
    text = capsys.readouterr().out
    data = json.loads(text)
    assert next(iter(data)) == "format"
    assert (data["total_payable"], data["refund_due"], data["excess_demand"]) == (
        "1833.33",
        "1166.67",
        "1832.67",
    )
    bond = data["bonds"][0]
    assert bond["review"]["service"]["contract_extended_to"] is None
    assert bond["review"]["cost"]["lines"][0]["recognised"] is True
    assert bond["total_units"] == "36"
    assert "yes / 是" not in text
    assert "—" not in text
    assert from_dict(data, SeparationSettlement) == electrician_case().settle()


def test_settle_help_says_what_the_json_output_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["settle", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "json: the result's exact data, as to_dict writes it and from_dict reads it" in (
        help_text
    )


def test_the_demo_shows_a_bad_debt_clawback_recovered_under_the_wage_cap(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--engine", "collection", "--locale", "zh_CN"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"从本月工资中扣回 +-¥700\.00", out)
    assert re.search(r"待扣回 +¥2,000\.00", out)
    assert "《工资支付暂行规定》第十六条" in out


def test_the_demo_checks_a_teams_weekly_reports(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--engine", "reports"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"points +33\.00", out)
    assert "VIOLATION untrue" in out


def test_a_reader_that_stops_early_ends_the_output_without_a_traceback() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "hrpolicy", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()  # like `| head -c 10`
        errors = process.stderr.read().decode()
        process.wait(timeout=120)
    assert "Traceback" not in errors
    assert process.returncode == 141


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'\xff\xfe{"agreements": []}', "not UTF-8 text (byte 0xff at offset 0)"),
        (b'{"agreements": ' + b"1" * 5000 + b"}", "a number of more than 4300 digits"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply"),
    ],
    ids=["not UTF-8", "a 5000-digit number", "nested 100000 deep"],
)
def test_a_case_file_that_is_not_readable_json_is_reported_with_why_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    case = tmp_path / "case.json"
    case.write_bytes(content)
    assert main(["settle", str(case)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"hrpolicy: cannot read {case}: ")
    assert reason in err
    assert "Traceback" not in err


def test_a_case_file_saved_with_a_byte_order_mark_is_settled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.json"
    case.write_bytes(b"\xef\xbb\xbf" + json.dumps(to_dict(electrician_case())).encode())
    assert main(["settle", str(case), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total_payable"] == "1833.33"
