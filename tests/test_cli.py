"""The command line: the demo, settling a bond case, the example case, every output format
in both languages, the version and the program's name."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hrpolicy import __version__
from hrpolicy.bonds import SeparationSettlement
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.cli import _demo_results, main
from hrpolicy.core.convert import from_dict, to_dict

FORMATS = ("text", "markdown", "html", "json", "csv")
LOCALES = ("en", "zh_CN")
DEMO_ENGINES = (
    "bonds",
    "commission",
    "collection",
    "reports",
    "scoring",
    "charges",
    "awards",
    "cadences",
    "expenses",
)


def _case_file(tmp_path: Path) -> Path:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(to_dict(electrician_case())), encoding="utf-8")
    return case


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


def test_a_case_written_by_example_case_is_settled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["example-case"]) == 0
    case = tmp_path / "case.json"
    case.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["settle", str(case), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tables"]["totals"][0]["total_payable"] == "1833.33"
    assert data["result"]["bonds"][0]["payable"] == "1833.33"


def test_a_bad_case_file_is_reported_with_the_path_of_each_problem_and_status_1(
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
    err = capsys.readouterr().err
    assert err.startswith(f"hrpolicy: {case}: not a valid BondCase: ")
    assert "$.separation.ground: expected one of 'resignation'" in err
    assert err.count("\n") == 1


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
    assert list(data) == list(DEMO_ENGINES)
    results = _demo_results()
    for name, document in data.items():
        assert (document["format"], document["engine"]) == (1, name)
        assert document["type"] == type(results[name]).__name__
        assert list(document["tables"]) == list(results[name].tables())
        assert from_dict(document["result"], type(results[name])) == results[name]


def test_settling_as_json_gives_every_amount_as_an_exact_string_and_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _case_file(tmp_path)
    assert main(["settle", str(case), "--format", "json", "--locale", "zh_CN"]) == 0
    text = capsys.readouterr().out
    data = json.loads(text)
    assert list(data) == ["format", "engine", "type", "locale", "columns", "tables", "result"]
    assert (data["format"], data["engine"], data["type"], data["locale"]) == (
        1,
        "bonds",
        "SeparationSettlement",
        "zh_CN",
    )
    totals = data["tables"]["totals"][0]
    assert (totals["total_payable"], totals["refund_due"], totals["excess_demand"]) == (
        "1833.33",
        "1166.67",
        "1832.67",
    )
    assert totals["contract_extended_to"] is None
    assert totals["needs_judicial_assessment"] is False
    assert totals["last_day"] == "2012-12-07"
    assert data["columns"]["totals"]["total_payable"] == "money"
    document = data["result"]
    assert next(iter(document)) == "format"
    bond = document["bonds"][0]
    assert bond["review"]["service"]["contract_extended_to"] is None
    assert bond["review"]["cost"]["lines"][0]["recognised"] is True
    assert bond["total_units"] == "36"
    assert "yes / 是" not in text
    assert "—" not in text
    assert from_dict(document, SeparationSettlement) == electrician_case().settle()


def test_settling_as_json_carries_every_line_step_and_finding_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settlement = electrician_case().settle()
    assert main(["settle", str(_case_file(tmp_path)), "--format", "json"]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    for name, table in settlement.tables().items():
        assert len(tables[name]) == len(table), name
        assert [list(row) for row in tables[name]] == [list(table.schema.names)] * len(table)
    finding_codes = [row["code"] for row in tables["findings"]]
    assert "loss_penalty_void" in finding_codes
    cost_line = tables["cost_lines"][0]
    assert (cost_line["item_id"], cost_line["share"], cost_line["recognised"]) == (
        "tuition",
        "4800.00",
        True,
    )
    step = tables["steps"][0]
    assert isinstance(step["step"], int)
    assert step["rule"] == "policy.options"


def test_json_text_cells_are_in_the_locale_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = str(_case_file(tmp_path))
    assert main(["settle", case, "--format", "json", "--locale", "zh_CN"]) == 0
    zh = json.loads(capsys.readouterr().out)["tables"]["findings"]
    assert main(["settle", case, "--format", "json", "--locale", "en"]) == 0
    en = json.loads(capsys.readouterr().out)["tables"]["findings"]
    assert [row["code"] for row in zh] == [row["code"] for row in en]
    assert zh[0]["message"] != en[0]["message"]
    assert re.search(r"[\u4e00-\u9fff]", zh[0]["message"])
    assert not re.search(r"[\u4e00-\u9fff]", en[0]["message"])


def test_settle_help_says_what_the_json_output_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["settle", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "json: every table of the result as data plus the result's exact data" in help_text
    assert "as to_dict writes it and from_dict reads it" in help_text


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


def test_the_demo_scores_a_salespersons_month_on_the_score_card(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--engine", "scoring"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Demo 5: Li's score card for March 2024")
    assert re.search(r"monthly score +82\.70", out)
    assert "VIOLATION report_missing <li>: No report for 2024-W12: it scores 0." in out


def test_the_demo_returns_a_part_time_salespersons_deposit_and_the_unlawful_deduction(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--engine", "charges"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Demo 6: a part-time salesperson's agreement (20 hours a week)")
    assert re.search(r"deposits to return +CN¥800\.00", out)
    assert re.search(r"unlawfully taken, to return +CN¥60\.00", out)
    assert re.search(r"scheduled from wages +CN¥45\.00", out)
    assert "VIOLATION deposit_unlawful <1>" in out
    assert "VIOLATION per_item_charge_void <2>" in out


def test_the_charges_demo_speaks_chinese_citing_the_labour_contract_law(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--engine", "charges", "--locale", "zh_CN"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("示例六：兼职促销员")
    assert re.search(r"现应退还合计 +¥860\.00", out)
    assert "《劳动合同法》第八十四条第二款" in out


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


def test_a_case_file_saved_with_a_byte_order_mark_is_settled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.json"
    case.write_bytes(b"\xef\xbb\xbf" + json.dumps(to_dict(electrician_case())).encode())
    assert main(["settle", str(case), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["tables"]["totals"][0]["total_payable"] == (
        "1833.33"
    )


# --- every format, both languages ------------------------------------------------------


def _first_line_of_title(result_name: str, locale: str) -> str:
    result = _demo_results()[result_name]
    return result.to_text(locale).split("\n", 1)[0]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("engine", DEMO_ENGINES)
def test_the_demo_of_each_engine_prints_in_each_format_and_language(
    engine: str, output: str, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--engine", engine, "--format", output, "--locale", locale]) == 0
    out = capsys.readouterr().out
    result = _demo_results()[engine]
    title = _first_line_of_title(engine, locale)
    if output == "text":
        assert title in out
    elif output == "markdown":
        assert f"### {title}" in out
    elif output == "html":
        assert f"<h3>{title}</h3>" in out
    elif output == "json":
        document = json.loads(out)[engine]
        assert document["locale"] == locale
        assert from_dict(document["result"], type(result)) == result
    else:
        rows = list(csv.reader(io.StringIO(out)))
        first = next(iter(result.tables(locale).values()))
        assert rows[0] == list(first.schema.names)
        assert len(rows) == 1 + len(first)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("output", FORMATS)
def test_a_bond_case_settles_in_each_format_and_language(
    output: str, locale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = str(_case_file(tmp_path))
    assert main(["settle", case, "--format", output, "--locale", locale]) == 0
    out = capsys.readouterr().out
    refund = "¥1,166.67" if locale == "zh_CN" else "CN¥1,166.67"
    if output in ("text", "markdown", "html"):
        assert refund in out
        assert ("应退还" in out) is (locale == "zh_CN")
        assert ("refund due" in out) is (locale == "en")
    elif output == "json":
        assert json.loads(out)["tables"]["totals"][0]["refund_due"] == "1166.67"
    else:
        (record,) = csv.DictReader(io.StringIO(out))
        assert (record["refund_due"], record["contract_extended_to"]) == ("1166.67", "")
        assert record["needs_judicial_assessment"] == "false"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("table", ["totals", "bonds", "cost_lines", "steps", "findings"])
def test_csv_writes_the_table_asked_for_in_the_locale_asked_for(
    table: str, locale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = str(_case_file(tmp_path))
    args = ["settle", case, "--format", "csv", "--table", table, "--locale", locale]
    assert main(args) == 0
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = to_dict(electrician_case().settle().table(table, locale).to_records())
    assert records == [{name: _csv_cell(value) for name, value in row.items()} for row in expected]


def _csv_cell(value: object) -> str:
    """A value of plain data as the CSV output writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_csv_money_keeps_its_exact_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = str(_case_file(tmp_path))
    assert main(["settle", case, "--format", "csv", "--table", "cost_lines"]) == 0
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [Decimal(row["share"]) for row in records] == [
        Decimal("4800.00"),
        Decimal("560.00"),
        Decimal("640.00"),
    ]
    assert records[0]["share"] == "4800.00"


def test_csv_of_a_table_the_result_does_not_have_lists_the_tables_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = str(_case_file(tmp_path))
    assert main(["settle", case, "--format", "csv", "--table", "lines"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "hrpolicy: --table: expected one of totals, bonds, cost_lines, steps, step_inputs, "
        "findings, finding_params, got 'lines'\n"
    )


def test_a_table_asked_for_without_csv_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--engine", "bonds", "--table", "totals"]) == 2
    assert capsys.readouterr().err == (
        "hrpolicy: --table applies to --format csv only (the format is text)\n"
    )


def test_csv_of_every_engine_at_once_asks_for_one_engine(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--format", "csv"]) == 2
    assert "choose one engine with --engine" in capsys.readouterr().err


# --- the program ---------------------------------------------------------------------


def test_the_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"hrpolicy {__version__}\n"


def test_usage_names_the_program_hrpolicy_however_it_is_started(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: hrpolicy ")
    assert "python -m" not in err


def test_help_documents_every_command_and_the_exit_statuses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("run", "check", "example-case", "schema", "settle", "demo"):
        assert re.search(rf"^    {command}\b", out, re.MULTILINE), command
    assert "exit status:\n  0  done\n  1  an invalid case" in out
    assert "2  a usage error, or input that cannot be read" in out


def test_a_missing_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2
    assert "the following arguments are required: COMMAND" in capsys.readouterr().err


def test_the_installed_script_says_hrpolicy_in_its_usage_and_prints_its_version() -> None:
    script = shutil.which("hrpolicy", path=str(Path(sys.executable).parent))
    assert script is not None, "the hrpolicy script is installed next to the interpreter"
    usage = subprocess.run([script, "--help"], capture_output=True, text=True, check=True)
    assert usage.stdout.startswith("usage: hrpolicy [-h] [--version]")
    version = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout == f"hrpolicy {__version__}\n"
    wrong = subprocess.run([script, "settle"], capture_output=True, text=True, check=False)
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("usage: hrpolicy settle")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "command", [["demo"], ["example-case", "scoring"], ["check", "tests/downstream/cases"]]
)
def test_output_to_a_full_disk_ends_in_one_line_and_status_2(command: list[str]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "hrpolicy", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=Path(__file__).parent.parent,
        )
    assert done.returncode == 2
    assert done.stderr == "hrpolicy: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("stream", ["stdout", "stdin"])
def test_a_program_started_with_standard_output_or_input_closed_says_so_in_one_line(
    stream: str,
) -> None:
    line = "demo >&-" if stream == "stdout" else "run - <&-"
    done = subprocess.run(
        ["sh", "-c", f'"$0" -m hrpolicy {line}', sys.executable],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    expected = (
        "cannot write the output: standard output is closed"
        if stream == "stdout"
        else "cannot read standard input: it is closed"
    )
    assert done.stderr == f"hrpolicy: {expected}\n"
