"""Case files: one engine's inputs and the outputs they must give, read, run and compared
exactly, each mismatch naming the step that produced the figure."""

from __future__ import annotations

import copy
import functools
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core.convert import to_dict
from hrpolicy.core.engines import ENGINE_NAMES, engine
from hrpolicy.core.errors import ConversionError, InvalidTypeError
from hrpolicy.core.records import ColumnType
from hrpolicy.documents.cases import (
    CASE_FORMAT,
    CaseFile,
    Expected,
    RowCount,
    check_case,
    dumps_case,
    example_case_file,
    expected_of,
    is_case_file,
    loads_case,
    read_case,
)
from hrpolicy.documents.text import SYNTAXES, Syntax, dump


@functools.cache
def _example(name: str) -> tuple[Any, dict[str, Any]]:
    """An engine's worked example and what its result holds, as a case file expects."""
    spec = engine(name)
    case = spec.example_case()
    return case, expected_of(spec.run(case))


def _body(name: str) -> dict[str, Any]:
    case, _ = _example(name)
    return {key: value for key, value in to_dict(case).items() if key != "format"}


def _file(name: str, expected: Any, **extra: Any) -> dict[str, Any]:
    return {"format": 1, "engine": name, "case": _body(name), "expected": expected, **extra}


def _check(name: str, expected: Any, source: str = "<case>") -> Any:
    return check_case(read_case(_file(name, expected), source=source))


def _errors(data: Any) -> tuple[str, ...]:
    with pytest.raises(ConversionError) as caught:
        check_case(read_case(data))
    return caught.value.errors


# --- every engine's example ---------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_every_engines_example_written_with_its_expected_figures_passes_in_every_syntax(
    name: str, syntax: Syntax
) -> None:
    case, expected = _example(name)
    text = dumps_case(case, syntax=syntax, expected=expected, title="worked example")
    read = loads_case(text, syntax=syntax, source=f"{name}.case.{syntax}")
    assert read.case == case
    assert (read.engine, read.title) == (name, "worked example")
    assert read.expected is not None
    assert read.expected.to_data() == expected
    report = check_case(read)
    assert report.ok, report.render()
    assert report.checked == _figures(expected)


def _figures(expected: dict[str, Any]) -> int:
    """How many comparisons ``expected`` asks for: each cell, a list's row count, the
    lines and the findings."""
    totals = expected["totals"]
    cells = len(totals) if isinstance(totals, dict) else 1 + sum(len(row) for row in totals)
    return cells + ("lines" in expected) + ("findings" in expected)


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_the_example_case_file_of_each_engine_checks_itself(name: str) -> None:
    for syntax in SYNTAXES:
        report = check_case(loads_case(example_case_file(name, syntax=syntax), syntax=syntax))
        assert report.ok, report.render()
        assert report.title.startswith(f"the worked example of the {name} engine")


def test_expected_of_writes_every_totals_figure_line_id_and_finding_code() -> None:
    spec = engine("commission")
    result = spec.run(spec.example_case())
    expected = expected_of(result)
    totals = result.table("totals").to_records()[0]
    assert expected["totals"] == {
        key: (format(value, "f") if isinstance(value, Decimal) else value)
        if not isinstance(value, date)
        else value.isoformat()
        for key, value in totals.items()
        if value is not None
    }
    assert expected["lines"] == [row["line_id"] for row in result.to_records("lines")]
    assert expected["findings"] == []
    assert expected["findings_exact"] is True


def test_a_result_with_several_totals_rows_is_expected_as_a_list_of_rows() -> None:
    _, expected = _example("collection")
    assert isinstance(expected["totals"], list)
    assert [row["period"] for row in expected["totals"]] == ["2024-01", "2024-02", "2024-03"]


# --- amounts, dates and the step that produced them ----------------------------------------


def test_a_case_whose_expected_payable_is_one_fen_off_fails_naming_the_step_that_computed_it() -> (
    None
):
    report = _check("bonds", {"totals": {"total_payable": "1833.34"}})
    assert not report.ok
    (mismatch,) = report.mismatches
    assert mismatch.what == "totals.total_payable"
    assert (mismatch.expected, mismatch.got) == (Decimal("1833.34"), Decimal("1833.33"))
    assert mismatch.step is not None
    assert mismatch.step.rule == "total.payable"
    assert mismatch.step.label.en == "bonds settled separately, then totalled"
    assert "step total.payable: bonds settled separately, then totalled" in report.render()


def test_an_amount_written_with_fewer_places_matches_the_same_value() -> None:
    report = _check(
        "bonds", {"totals": {"collected": "3000", "paid": 3000, "refund_due": "1166.670"}}
    )
    assert report.ok, report.render()
    assert report.checked == 3


def test_a_bare_decimal_read_exactly_by_the_parser_matches_the_amount() -> None:
    text = dumps_case(_example("bonds")[0], syntax="json")
    data = {**_parse_json(text), "expected": {"totals": {"total_payable": Decimal("1833.33")}}}
    document = dump(data, "yaml")
    assert "total_payable: 1833.33\n" in document
    assert check_case(loads_case(document, syntax="yaml")).ok


def _parse_json(text: str) -> dict[str, Any]:
    from hrpolicy.documents.text import parse  # noqa: PLC0415

    data: dict[str, Any] = parse(text, "json")
    return data


@pytest.mark.parametrize(
    "written", ["3,000.00", "3000.0.0", "1e3", "¥3000", " 3000", "NaN", "", "٣٠٠٠", "3000."]
)
def test_an_amount_not_written_as_exact_decimal_text_is_an_error_in_the_case_file(
    written: str,
) -> None:
    (error,) = _errors(_file("bonds", {"totals": {"collected": written}}))
    assert error.startswith("$.expected.totals.collected: expected an amount written exactly")


def test_a_float_amount_is_refused_when_the_case_file_is_read() -> None:
    with pytest.raises(ConversionError) as caught:
        read_case(_file("bonds", {"totals": {"collected": 3000.0}}))
    assert caught.value.errors[0].startswith("$.expected.totals.collected: expected a value")
    assert "got float 3000.0" in caught.value.errors[0]


def test_a_date_is_compared_exactly_as_an_iso_date() -> None:
    assert _check("bonds", {"totals": {"last_day": "2012-12-07"}}).ok
    (mismatch,) = _check("bonds", {"totals": {"last_day": "2012-12-08"}}).mismatches
    assert (mismatch.expected, mismatch.got) == (date(2012, 12, 8), date(2012, 12, 7))
    (error,) = _errors(_file("bonds", {"totals": {"last_day": "07/12/2012"}}))
    assert error == (
        "$.expected.totals.last_day: expected a date written YYYY-MM-DD, got str '07/12/2012'"
    )


def test_a_date_written_natively_in_toml_is_compared_as_the_same_date() -> None:
    text = dumps_case(_example("commission")[0], syntax="toml")
    text += "\n[expected.totals]\nperiod_start = 2024-03-01\n"
    assert check_case(loads_case(text, syntax="toml")).ok


def test_a_count_a_yes_or_no_and_text_match_only_the_same_kind_of_value() -> None:
    assert _check("bonds", {"totals": {"bond_count": 1, "ground": "resignation"}}).ok
    errors = _errors(
        _file("bonds", {"totals": {"bond_count": "1", "needs_judicial_assessment": "false"}})
    )
    assert errors == (
        "$.expected.totals.bond_count: expected an int, got str '1'",
        "$.expected.totals.needs_judicial_assessment: expected true or false, got str 'false'",
    )


def test_null_expects_a_missing_figure() -> None:
    assert _check("bonds", {"totals": {"contract_extended_to": None}}).ok
    (mismatch,) = _check("bonds", {"totals": {"total_payable": None}}).mismatches
    assert (mismatch.expected, mismatch.got) == (None, Decimal("1833.33"))


def test_a_line_amount_rounded_from_an_exact_share_names_the_step_and_its_exact_output() -> None:
    rows = [{"line_id": "above-target/C-101"}, {"amount": "106.66"}, {"amount": "3000.00"}]
    report = _check("commission", {"tables": {"lines": rows}})
    (mismatch,) = report.mismatches
    assert mismatch.what == "tables.lines[1].amount"
    assert mismatch.step is not None
    assert (mismatch.step.rule, mismatch.step.output) == ("commission.above-target.deal", "320/3")
    assert "320/3 rounded to the fen" in report.render()
    assert "320/3 四舍五入到分" in report.render("zh_CN")


def test_a_figure_no_single_step_produces_says_so() -> None:
    report = _check("commission", {"totals": {"total": "3106.68"}})
    (mismatch,) = report.mismatches
    assert mismatch.step is None
    assert "step: none — no single step of the explanation gives this figure" in report.render()
    assert "步骤：无" in report.render("zh_CN")


def test_a_total_that_is_an_input_of_a_step_is_not_taken_for_that_steps_output() -> None:
    # wages_to_pay (0.00) is an input of total.unlawful_means, whose output is also 0.00.
    (mismatch,) = _check("bonds", {"totals": {"wages_to_pay": "0.01"}}).mismatches
    assert mismatch.step is None


def test_a_bond_row_names_the_step_of_its_own_agreement() -> None:
    (mismatch,) = _check("bonds", {"tables": {"bonds": {"payable": "1833.00"}}}).mismatches
    assert mismatch.step is not None
    assert (mismatch.step.rule, mismatch.step.owner) == ("A3.payable", "SP-2010-017")


# --- rows, lines and findings ---------------------------------------------------------------


def test_a_team_totals_table_is_expected_row_by_row_and_a_missing_row_is_a_mismatch() -> None:
    _, expected = _example("collection")
    two = copy.deepcopy(expected["totals"][:2])
    report = _check("collection", {"totals": two})
    (mismatch,) = report.mismatches
    assert mismatch.what == "totals"
    assert (mismatch.expected, mismatch.got) == (RowCount(2), RowCount(3))
    assert "- expected 2 rows" in report.render()
    assert "+ got      3 rows" in report.render()


def test_a_figure_of_the_second_row_is_named_by_its_place() -> None:
    rows: list[dict[str, Any]] = [{}, {"total": "0.01"}, {}]
    (mismatch,) = _check("collection", {"totals": rows}).mismatches
    assert mismatch.what == "totals[1].total"


def test_a_one_row_mapping_for_a_table_of_several_rows_is_an_error() -> None:
    (error,) = _errors(_file("collection", {"totals": {"total": "2700.00"}}))
    assert error == (
        "$.expected.totals: expected a list of rows: the totals table has 3 rows, got one mapping"
    )


def test_line_ids_are_compared_in_order() -> None:
    lines = ["above-target/C-101", "above-target/C-102", "base"]
    assert _check("commission", {"lines": lines}).ok
    (mismatch,) = _check("commission", {"lines": list(reversed(lines))}).mismatches
    assert mismatch.what == "lines"
    assert mismatch.note is not None
    assert mismatch.note.en == "the same lines in another order"


def test_a_missing_line_is_named() -> None:
    (mismatch,) = _check("commission", {"lines": ["base", "bonus"]}).mismatches
    assert mismatch.note is not None
    assert (
        mismatch.note.en == "missing: bonus; not expected: above-target/C-101, above-target/C-102"
    )


def test_listed_finding_codes_must_all_appear_but_others_may_too() -> None:
    assert _check("bonds", {"findings": ["refund_due"]}).ok
    (mismatch,) = _check("bonds", {"findings": ["refund_due", "probation_training"]}).mismatches
    assert mismatch.what == "findings"
    assert mismatch.note is not None
    assert mismatch.note.en == "missing: probation_training"


def test_a_code_listed_twice_must_appear_twice() -> None:
    assert _check("scoring", {"findings": ["deduction", "deduction"]}).ok
    assert not _check("bonds", {"findings": ["refund_due", "refund_due"]}).ok


def test_an_exact_findings_list_fails_on_a_code_the_case_does_not_list() -> None:
    codes = [
        "signed_after_training_ended",
        "penalty_not_prorated",
        "loss_penalty_void",
        "penalty_cut_to_cap",
        "waiver_not_met",
        "refund_due",
    ]
    report = _check("bonds", {"findings": codes, "findings_exact": True})
    (mismatch,) = report.mismatches
    assert mismatch.note is not None
    assert mismatch.note.en == (
        "not expected (the case lists the codes exactly): demand_exceeds_lawful"
    )
    in_any_order = [*reversed(codes), "demand_exceeds_lawful"]
    assert _check("bonds", {"findings": in_any_order, "findings_exact": True}).ok


def test_an_exact_findings_list_of_none_passes_a_result_without_findings() -> None:
    assert _check("commission", {"findings": [], "findings_exact": True}).ok
    assert not _check("bonds", {"findings": [], "findings_exact": True}).ok


def test_findings_exact_without_a_findings_list_is_refused() -> None:
    with pytest.raises(ConversionError) as caught:
        read_case(_file("bonds", {"findings_exact": True}))
    assert caught.value.errors == (
        "$.expected.findings_exact: expected a findings list to hold the result to "
        "(findings = [] for none), got no findings list",
    )


# --- errors in the case file ------------------------------------------------------------------


def test_a_column_the_totals_table_lacks_is_an_error_listing_the_columns_it_has() -> None:
    (error,) = _errors(_file("bonds", {"totals": {"payable": "1833.33"}}))
    assert error.startswith(
        "$.expected.totals.payable: expected a column of the totals table (last_day, ground, "
    )
    assert error.endswith("needs_judicial_assessment), got str 'payable'")


def test_a_table_the_result_lacks_is_an_error_listing_its_tables() -> None:
    (error,) = _errors(_file("bonds", {"tables": {"lines": []}}))
    assert error == (
        "$.expected.tables.lines: expected a table the result has (totals, bonds, cost_lines, "
        "steps, step_inputs, findings, finding_params), got str 'lines'"
    )
    (error,) = _errors(_file("bonds", {"lines": ["SP-2010-017"]}))
    assert error.startswith("$.expected.lines: expected a result with a lines table")


def test_expected_tables_written_as_null_is_an_error_not_an_empty_check() -> None:
    with pytest.raises(ConversionError) as caught:
        loads_case("format: 1\nengine: bonds\ncase: {}\nexpected:\n  tables: null\n", syntax="yaml")
    assert "line 5: $.expected.tables: expected a mapping of table name to rows, got None" in (
        caught.value.errors
    )


def test_a_case_read_from_data_with_a_key_that_is_not_text_is_an_error_naming_the_key() -> None:
    with pytest.raises(ConversionError) as caught:
        read_case({"format": 1, "engine": "bonds", "case": {**_body("bonds"), 1: "x"}})
    assert caught.value.errors == ("$.case: expected only known keys, got unknown 1",)


def test_every_error_of_the_expected_figures_is_reported_at_once() -> None:
    errors = _errors(
        _file("bonds", {"totals": {"payable": "1", "collected": "x"}, "tables": {"nope": {}}})
    )
    assert [error.split(":")[0] for error in errors] == [
        "$.expected.totals.payable",
        "$.expected.totals.collected",
        "$.expected.tables.nope",
    ]


def test_unknown_keys_are_refused_naming_their_path() -> None:
    with pytest.raises(ConversionError) as caught:
        read_case(_file("bonds", {"totals": {}, "total": {}}, colour="red", **{"two words": 1}))
    assert caught.value.errors == (
        "$.colour: expected one of the keys format, engine, title, case, expected, "
        "got an unknown key",
        "$['two words']: expected one of the keys format, engine, title, case, expected, "
        "got an unknown key",
        "$.expected.total: expected one of the keys totals, tables, lines, findings, "
        "findings_exact, got an unknown key",
    )


def test_a_case_file_reports_every_problem_at_once_with_its_key_path() -> None:
    body = _body("bonds")
    body["separation"] = {**body["separation"], "last_day": "2012-13-01"}
    with pytest.raises(ConversionError) as caught:
        read_case({"format": 2, "engine": "bonds", "case": body, "title": 7}, source="x.json")
    assert str(caught.value).startswith("x.json: cannot build from the data given: ")
    assert caught.value.errors == (
        "$.format: expected a case-file format from 1 to 1, got int 2",
        "$.title: expected text, got int 7",
        "$.case.separation.last_day: expected a date written YYYY-MM-DD, got str '2012-13-01'",
    )


def test_a_missing_format_engine_or_case_is_named() -> None:
    with pytest.raises(ConversionError) as caught:
        read_case({})
    assert caught.value.errors == (
        "$.format: expected the case-file format 1, got nothing",
        "$.engine: expected one of bonds, commission, collection, reports, scoring, charges, "
        "awards, cadences, expenses, got nothing",
        "$.case: expected the engine's case (its inputs), got nothing",
    )


@pytest.mark.parametrize(("data", "shown"), [([], "list []"), (None, "None"), ("x", "str 'x'")])
def test_a_document_that_is_not_a_mapping_is_refused(data: Any, shown: str) -> None:
    with pytest.raises(ConversionError) as caught:
        read_case(data)
    assert caught.value.errors == (
        f"$: expected a mapping (format, engine, title, case, expected), got {shown}",
    )


def test_a_case_error_in_yaml_names_its_line() -> None:
    text = "format: 1\nengine: bonds\ncase:\n  agreements: []\n  employment: 3\n"
    with pytest.raises(ConversionError) as caught:
        loads_case(text, syntax="yaml", source="li.case.yaml")
    assert any(e.startswith("line 5: $.case.employment: ") for e in caught.value.errors)
    assert any(e.startswith("line 3: $.case.separation: ") for e in caught.value.errors)


def test_a_format_key_inside_the_case_is_read_as_the_case_types_format() -> None:
    data = _file("bonds", None)
    del data["expected"]
    data["case"] = {"format": 1, **data["case"]}
    assert read_case(data).case == _example("bonds")[0]
    data["case"]["format"] = 9
    with pytest.raises(ConversionError) as caught:
        read_case(data)
    assert caught.value.errors == ("$.case.format: expected a format from 1 to 1, got int 9",)


# --- reports, writing ---------------------------------------------------------------------------


def test_a_case_file_without_expected_runs_and_passes() -> None:
    data = _file("scoring", None)
    del data["expected"]
    report = check_case(read_case(data, source="score.case.json"))
    assert report.ok
    assert report.render() == "PASS score.case.json (scoring): 0 figures checked"


def test_the_report_renders_a_diff_in_both_languages() -> None:
    report = _check("bonds", {"totals": {"total_payable": "1833.34"}}, source="li.case.toml")
    assert report.render("en").splitlines() == [
        "FAIL li.case.toml (bonds): 1 of 1 figures differs",
        "  totals.total_payable",
        "  - expected 1833.34",
        "  + got      1833.33",
        "    step total.payable: bonds settled separately, then totalled",
    ]
    assert report.render("zh_CN").splitlines() == [
        "不符 li.case.toml（bonds）：1 项中 1 项不符",
        "  totals.total_payable",
        "  - 预期 1833.34",
        "  + 实得 1833.33",
        "    步骤 total.payable：各服务期分别结算后合计",
    ]


def test_dumps_case_refuses_an_object_that_is_not_an_engines_case() -> None:
    with pytest.raises(InvalidTypeError, match=r"^case: expected a case of one of the engines"):
        dumps_case({"agreements": []}, syntax="json")


def test_dumps_case_refuses_an_invalid_expected() -> None:
    with pytest.raises(ConversionError) as caught:
        dumps_case(_example("bonds")[0], syntax="json", expected={"totals": [1]})
    assert caught.value.errors == (
        "$.expected.totals[0]: expected a mapping of column to value, got int 1",
    )


def test_expected_of_refuses_what_is_not_a_result() -> None:
    with pytest.raises(InvalidTypeError, match=r"^result: expected an engine's result"):
        expected_of(_example("bonds")[0])


def test_an_expected_object_is_written_as_its_data() -> None:
    case, _ = _example("bonds")
    expected = Expected(findings=("refund_due",), findings_exact=False)
    again = loads_case(dumps_case(case, syntax="yaml", expected=expected), syntax="yaml")
    assert again.expected == expected


def test_a_case_file_is_named_by_its_suffix() -> None:
    assert [is_case_file(n) for n in ("a.case.toml", "a.case.yml", "a.case.json", "a.toml")] == [
        True,
        True,
        True,
        False,
    ]
    assert CASE_FORMAT == 1
    assert CaseFile("bonds", None).source == "<case>"


# --- the property ---------------------------------------------------------------------------


def _amounts(name: str) -> list[tuple[int | None, str]]:
    """The expected amounts of an example: (row or None for one mapping, column)."""
    spec = engine(name)
    _, expected = _example(name)
    totals = spec.run(spec.example_case()).table("totals")
    amounts = {
        c.name for c in totals.schema.columns if c.type in (ColumnType.MONEY, ColumnType.DECIMAL)
    }
    rows = expected["totals"]
    if isinstance(rows, dict):
        return [(None, column) for column in rows if column in amounts]
    return [
        (index, column) for index, row in enumerate(rows) for column in row if column in amounts
    ]


_AMOUNTS = [(name, row, column) for name in ENGINE_NAMES for row, column in _amounts(name)]


@given(st.sampled_from(_AMOUNTS), st.sampled_from([Decimal("0.01"), Decimal("-0.01")]))
def test_changing_any_one_expected_amount_by_a_fen_fails_with_exactly_that_mismatch(
    where: tuple[str, int | None, str], change: Decimal
) -> None:
    name, row, column = where
    expected = copy.deepcopy(_example(name)[1])
    cells = expected["totals"] if row is None else expected["totals"][row]
    was = Decimal(cells[column])
    cells[column] = format(was + change, "f")
    report = _check(name, expected)
    (mismatch,) = report.mismatches
    place = "totals" if row is None else f"totals[{row}]"
    assert mismatch.what == f"{place}.{column}"
    assert (mismatch.expected, mismatch.got) == (was + change, was)
    assert f"  - expected {was + change}" in report.render()
