"""Case files on the command line: ``example-case ENGINE`` writes one, ``run`` runs any
engine's, ``check`` compares results with what the files expect, ``schema`` prints the
JSON Schema of each type a document holds."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hrpolicy.cli import main
from hrpolicy.core.convert import from_dict
from hrpolicy.core.engines import ENGINE_NAMES, document_types, engine
from hrpolicy.documents.cases import example_case_file, loads_case, run_case
from hrpolicy.documents.schema import schema_named

FORMATS = ("text", "markdown", "html", "json", "csv")
LOCALES = ("en", "zh_CN")
SYNTAXES = ("json", "toml", "yaml")


def _example(engine_name: str, folder: Path, syntax: str = "yaml") -> Path:
    """The engine's worked example written by ``example-case`` into ``folder``."""
    path = folder / f"{engine_name}.case.{syntax}"
    path.write_text(example_case_file(engine_name, syntax=syntax), encoding="utf-8")  # type: ignore[arg-type]
    return path


def _result(path: Path) -> Any:
    """The result of the case file at ``path``, computed in Python."""
    syntax = path.suffix.removeprefix(".")
    return run_case(loads_case(path.read_bytes(), syntax=syntax, source=str(path)))  # type: ignore[arg-type]


def _one_line(err: str) -> str:
    assert err.endswith("\n"), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


# --- example-case ENGINE ---------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_example_case_writes_each_engines_worked_example_as_a_case_file(
    engine_name: str, syntax: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["example-case", engine_name, "--syntax", syntax]) == 0
    written = capsys.readouterr().out
    assert written == example_case_file(engine_name, syntax=syntax)  # type: ignore[arg-type]
    case_file = loads_case(written, syntax=syntax)  # type: ignore[arg-type]
    assert case_file.engine == engine_name
    assert case_file.case == engine(engine_name).example_case()
    assert case_file.expected is not None


def test_example_case_of_an_unknown_engine_lists_the_engines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["example-case", "payroll"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument ENGINE: invalid choice: 'payroll'" in err
    assert all(name in err for name in ENGINE_NAMES)


def test_example_case_without_an_engine_is_the_bond_case_settle_reads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["example-case"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "engine" not in data
    assert data["agreements"][0]["id"] == "SP-2010-017"


# --- run ---------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_run_prints_each_engines_case_in_each_format_and_language(
    engine_name: str,
    output: str,
    locale: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _example(engine_name, tmp_path)
    assert main(["run", str(path), "--format", output, "--locale", locale]) == 0
    out = capsys.readouterr().out
    result = _result(path)
    title = result.to_text(locale).split("\n", 1)[0]
    if output == "text":
        assert out == result.to_text(locale) + "\n"
    elif output == "markdown":
        assert out == result.to_markdown(locale) + "\n"
        assert out.startswith(f"### {title}")
    elif output == "html":
        assert f"<h3>{title}</h3>" in out
    elif output == "json":
        document = json.loads(out)
        assert (document["engine"], document["type"], document["locale"]) == (
            engine_name,
            type(result).__name__,
            locale,
        )
        assert list(document["tables"]) == list(result.tables(locale))
        for name, table in result.tables(locale).items():
            assert len(document["tables"][name]) == len(table)
        assert from_dict(document["result"], type(result)) == result
    else:
        rows = list(csv.reader(io.StringIO(out)))
        totals = result.table("totals", locale)
        assert rows[0] == list(totals.schema.names)
        assert len(rows) == 1 + len(totals)


@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_run_as_json_carries_each_engines_totals_as_exact_strings(
    engine_name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example(engine_name, tmp_path)
    assert main(["run", str(path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    totals = _result(path).table("totals")
    columns = document["columns"]["totals"]
    for row, cells in zip(document["tables"]["totals"], totals.rows, strict=True):
        for column, cell in zip(totals.schema.columns, cells, strict=True):
            value = row[column.name]
            assert columns[column.name] == column.type.value
            if cell is None:
                assert value is None
            elif column.type.value in ("money", "decimal"):
                assert value == format(cell, "f")
            elif column.type.value == "date":
                assert value == cell.isoformat()
            else:
                assert value == cell


@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_run_reads_each_engines_case_file_from_standard_input(
    engine_name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = example_case_file(engine_name, syntax="toml")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["run", "-", "--syntax", "toml", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["engine"] == engine_name


def test_run_with_a_table_of_a_commission_case_writes_its_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example("commission", tmp_path)
    assert main(["run", str(path), "--format", "csv", "--table", "lines"]) == 0
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["line_id"], row["due"]) for row in records] == [
        ("above-target/C-101", "0.00"),
        ("above-target/C-102", "106.67"),
        ("base", "3000.00"),
    ]


def test_a_bond_case_without_an_engine_is_not_a_case_file_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["example-case"]) == 0
    path = tmp_path / "case.json"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["run", str(path)]) == 1
    err = _one_line(capsys.readouterr().err)
    assert err.startswith(f"hrpolicy: {path}: not a valid case file: ")
    assert "$.engine: expected one of bonds, commission, collection, reports, scoring, " in err
    assert "scoring, charges, awards, cadences, expenses, got nothing" in err
    assert "got nothing" in err


def test_a_case_file_with_a_wrong_value_names_its_line_and_key_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example("bonds", tmp_path)
    text = path.read_text(encoding="utf-8").replace("ground: resignation", "ground: fired")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    ground: fired") + 1
    assert main(["run", str(path)]) == 1
    err = _one_line(capsys.readouterr().err)
    assert err.startswith(
        f"hrpolicy: {path}: not a valid case file: line {line}: $.case.separation.ground: "
        "expected one of 'resignation'"
    )


def test_a_case_whose_facts_the_engine_refuses_exits_1_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example("bonds", tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "last_day: '2012-12-07'", "last_day: '2008-01-31'"
    )
    path.write_text(text, encoding="utf-8")
    assert main(["run", str(path)]) == 1
    err = _one_line(capsys.readouterr().err)
    assert err.startswith(f"hrpolicy: {path}: ")
    assert "last_day" in err
    assert "2008-03-01" in err


# --- settle and case files ---------------------------------------------------------------


def test_settle_also_settles_a_bond_case_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example("bonds", tmp_path)
    assert main(["settle", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["tables"]["totals"][0]["total_payable"] == (
        "1833.33"
    )


def test_settle_sends_a_case_file_of_another_engine_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example("commission", tmp_path)
    assert main(["settle", str(path)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"hrpolicy: {path}: settle settles bond cases; this case file is for the commission "
        f"engine (run it with: hrpolicy run {path})\n"
    )


# --- check -------------------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_each_engines_example_case_file_passes_its_check(
    engine_name: str, syntax: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example(engine_name, tmp_path, syntax)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert re.match(rf"PASS {re.escape(str(path))} \({engine_name}\): \d+ figures checked\n", out)
    assert out.endswith("1 case file: 1 passed, 0 failed, 0 could not be read\n")


def test_check_searches_a_folder_recursively_and_skips_hidden_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "team" / "march").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    _example("bonds", tmp_path)
    _example("commission", tmp_path / "team", "toml")
    _example("scoring", tmp_path / "team" / "march", "json")
    _example("reports", tmp_path / ".cache")
    (tmp_path / "notes.yaml").write_text("not: a case file\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    passed = re.findall(r"^PASS (\S+) \((\w+)\)", out, re.MULTILINE)
    assert passed == [
        (str(tmp_path / "bonds.case.yaml"), "bonds"),
        (str(tmp_path / "team" / "commission.case.toml"), "commission"),
        (str(tmp_path / "team" / "march" / "scoring.case.json"), "scoring"),
    ]
    assert out.endswith("3 case files: 3 passed, 0 failed, 0 could not be read\n")


def test_a_changed_figure_fails_the_check_with_a_diff_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _example("bonds", tmp_path)
    path = _example("commission", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "    due: '3106.67'\n" in text
    path.write_text(text.replace("    due: '3106.67'\n", "    due: '3106.68'\n"), encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert (
        f"FAIL {path} (commission): 1 of 14 figures differs\n"
        "  the worked example of the commission engine: compute a team's commission "
        "statements for a month or a year under a plan\n"
        "  totals.due\n"
        "  - expected 3106.68\n"
        "  + got      3106.67\n"
    ) in captured.out
    assert captured.out.endswith("2 case files: 1 passed, 1 failed, 0 could not be read\n")
    assert _one_line(captured.err) == (
        "hrpolicy: 2 case files: 1 passed, 1 failed, 0 could not be read\n"
    )


def test_a_failed_check_speaks_chinese_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example("bonds", tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("refund_due: '1166.67'", "refund_due: '1166.00'"), encoding="utf-8"
    )
    assert main(["check", str(path), "--locale", "zh_CN"]) == 1
    captured = capsys.readouterr()
    assert f"不符 {path}（bonds）：14 项中 1 项不符" in captured.out
    assert "  - 预期 1166.00\n  + 实得 1166.67\n" in captured.out
    assert captured.err == "hrpolicy: 共 1 个案例文件：通过 0，不符或无效 1，无法读取 0\n"


def test_an_invalid_case_file_among_others_is_reported_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _example("bonds", tmp_path)
    bad = tmp_path / "bad.case.json"
    bad.write_text('{"format": 1, "engine": "payroll", "case": {}}', encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert (
        f"ERROR {bad}: not a valid case file: $.engine: expected one of bonds, commission, "
        "collection, reports, scoring, charges, awards, cadences, expenses, got str 'payroll'\n"
    ) in out
    assert f"PASS {tmp_path / 'bonds.case.yaml'} (bonds)" in out
    assert out.endswith("2 case files: 1 passed, 1 failed, 0 could not be read\n")


def test_a_case_file_expecting_a_column_the_result_lacks_is_invalid_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example("bonds", tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("refund_due:", "refund_owed:"), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"ERROR {path}: not a valid case file: ")
    assert "refund_owed" in out


def test_an_unreadable_case_file_makes_the_check_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _example("bonds", tmp_path)
    broken = tmp_path / "broken.case.yaml"
    broken.write_bytes(b"a: &a [1]\nb: *a\n")
    assert main(["check", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert (
        f"ERROR cannot read {broken}, line 1, column 4: YAML anchors and aliases are not read\n"
    ) in captured.out
    assert _one_line(captured.err) == (
        "hrpolicy: 2 case files: 1 passed, 0 failed, 1 could not be read\n"
    )


def test_a_folder_without_case_files_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plan.yaml").write_text("a: 1\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"hrpolicy: no case files in {tmp_path} (files named *.case.toml, *.case.yaml, "
        "*.case.yml, *.case.json)\n"
    )


def test_a_missing_path_to_check_is_reported_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.case.toml"
    assert main(["check", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith(f"ERROR cannot read {missing}: No such file or directory\n")


def test_check_as_json_gives_each_files_outcome_and_mismatches_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _example("scoring", tmp_path)
    path = _example("bonds", tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("refund_due: '1166.67'", "refund_due: '1166.00'"), encoding="utf-8"
    )
    missing = tmp_path / "missing.case.json"
    assert main(["check", str(path), str(good), str(missing), "--format", "json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert (data["format"], data["passed"], data["failed"], data["unreadable"]) == (1, 1, 1, 1)
    failed, passed, unreadable = data["cases"]
    assert (failed["source"], failed["outcome"], failed["engine"]) == (str(path), "failed", "bonds")
    (mismatch,) = failed["mismatches"]
    assert (mismatch["what"], mismatch["expected"], mismatch["got"]) == (
        "totals.refund_due",
        "1166.00",
        "1166.67",
    )
    assert passed["outcome"] == "passed"
    assert passed["mismatches"] == []
    assert passed["checked"] > 0
    assert unreadable == {
        "source": str(missing),
        "outcome": "unreadable",
        "error": f"cannot read {missing}: No such file or directory",
    }


def test_check_help_says_how_case_files_are_found(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "files named *.case.toml, *.case.yaml, *.case.yml, *.case.json" in out


# --- schema ------------------------------------------------------------------------------


@pytest.mark.parametrize("type_name", list(document_types()))
def test_schema_prints_each_document_types_json_schema(
    type_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", type_name]) == 0
    assert json.loads(capsys.readouterr().out) == schema_named(type_name)


def test_schema_takes_an_engine_and_a_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "bonds.BondCase"]) == 0
    assert json.loads(capsys.readouterr().out) == schema_named("BondCase")


@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_each_engines_example_case_is_valid_under_the_schema_the_command_prints(
    engine_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = engine(engine_name)
    assert main(["schema", spec.case_type.__name__]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert main(["example-case", engine_name]) == 0
    case = json.loads(capsys.readouterr().out)["case"]
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(case)) == []


def test_schema_without_a_type_lists_the_types(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out.split() == list(document_types())


def test_the_schema_of_an_unknown_type_lists_the_types_and_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema", "Payslip"]) == 2
    err = _one_line(capsys.readouterr().err)
    assert err.startswith("hrpolicy: schema: expected one of BondCase, BondPolicy, ")
    assert err.endswith("(or ENGINE.TYPE, such as bonds.BondCase), got 'Payslip'\n")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("output", ["text", "json"])
@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_check_reports_each_engines_case_in_each_format_and_language(
    engine_name: str,
    output: str,
    locale: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _example(engine_name, tmp_path)
    assert main(["check", str(path), "--format", output, "--locale", locale]) == 0
    out = capsys.readouterr().out
    if output == "json":
        (entry,) = json.loads(out)["cases"]
        assert (entry["source"], entry["engine"], entry["outcome"]) == (
            str(path),
            engine_name,
            "passed",
        )
    elif locale == "zh_CN":
        assert out.startswith(f"通过 {path}（{engine_name}）：核对 ")
        assert out.endswith("共 1 个案例文件：通过 1，不符或无效 0，无法读取 0\n")
    else:
        assert out.startswith(f"PASS {path} ({engine_name}): ")


def test_settle_reads_a_bond_case_file_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = example_case_file("bonds", syntax="json")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["settle", "-", "--format", "csv"]) == 0
    (record,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert record["total_payable"] == "1833.33"
