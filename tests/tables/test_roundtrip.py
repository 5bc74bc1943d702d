"""Objects written as rows, CSV read by pandas or polars, or Arrow tables, and read back,
equal the objects built by hand."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hrpolicy import strategies as hs
from hrpolicy.bonds.model import ServedTimeSchedule
from hrpolicy.tables import (
    read_bond_cases,
    read_charge_cases,
    read_collection_inputs,
    read_deals,
    read_person_inputs,
    read_receivables,
    read_references,
    read_weekly_reports,
)
from tests.tables.writer import as_csv, as_text, write

Tables = dict[str, Any]


def _rows(tables: dict[str, list[dict[str, Any]]]) -> Tables:
    return dict(tables)


def _text_rows(tables: dict[str, list[dict[str, Any]]]) -> Tables:
    return as_text(tables)


def _pandas_csv(tables: dict[str, list[dict[str, Any]]]) -> Tables:
    return {
        name: pd.read_csv(io.StringIO(as_csv(rows)), dtype=str) if rows else []
        for name, rows in tables.items()
    }


def _polars_csv(tables: dict[str, list[dict[str, Any]]]) -> Tables:
    return {
        name: pl.read_csv(io.StringIO(as_csv(rows)), infer_schema=False) if rows else []
        for name, rows in tables.items()
    }


def _arrow(tables: dict[str, list[dict[str, Any]]]) -> Tables:
    # Typed columns (dates as date32, ints as int64), money as text: Arrow infers one
    # decimal scale per column, which amounts of different scales would not share.
    result: Tables = {}
    for name, rows in as_text(tables).items():
        columns: dict[str, None] = {}
        for row in rows:
            columns.update(dict.fromkeys(row))
        result[name] = pa.table({c: pa.array([row.get(c) for row in rows]) for c in columns})
    return result


FORMS: dict[str, Callable[[dict[str, list[dict[str, Any]]]], Tables]] = {
    "rows": _rows,
    "text rows": _text_rows,
    "pandas CSV": _pandas_csv,
    "polars CSV": _polars_csv,
    "Arrow": _arrow,
}
forms = st.sampled_from(sorted(FORMS))


@settings(max_examples=25)
@given(deals=st.lists(hs.commission_deals(), max_size=4, unique_by=lambda d: d.deal_id), form=forms)
def test_deals_read_from_tables_equal_the_deals_written(deals: list[Any], form: str) -> None:
    tables = FORMS[form](write("commission", "deals", deals))
    assert read_deals(
        tables["deals"], splits=tables.get("splits"), sign_offs=tables.get("sign_offs")
    ) == tuple(deals)


@settings(max_examples=25)
@given(
    people=st.lists(
        st.sampled_from(["li", "wang", "zhao"]).flatmap(lambda e: hs.person_inputs(employee=e)),
        max_size=3,
        unique_by=lambda p: p.employee,
    ),
    form=forms,
)
def test_person_inputs_read_from_tables_equal_those_written(people: list[Any], form: str) -> None:
    tables = FORMS[form](write("commission", "people", people))
    assert read_person_inputs(tables["people"]) == tuple(people)


@settings(max_examples=25)
@given(receivables=hs.collection_receivables(), form=forms)
def test_receivables_read_from_tables_equal_those_written(receivables: Any, form: str) -> None:
    written: dict[str, list[dict[str, Any]]] = {}
    for field in ("invoices", "payments", "reversals", "credit_notes", "write_offs"):
        written.update(write("collection", field, getattr(receivables, field)))
    tables = FORMS[form](written)
    read = read_receivables(
        tables["invoices"],
        matching=receivables.matching,
        payments=tables["payments"],
        reversals=tables["reversals"],
        credit_notes=tables["credit_notes"],
        write_offs=tables["write_offs"],
    )
    assert read == receivables


@settings(max_examples=25)
@given(inputs=hs.collection_inputs(), form=forms)
def test_collection_inputs_read_from_tables_equal_those_written(inputs: Any, form: str) -> None:
    tables = FORMS[form](write("collection", "salespeople", [inputs]))
    assert read_collection_inputs(
        tables["salespeople"], **{k: v for k, v in tables.items() if k != "salespeople"}
    ) == (inputs,)


@settings(max_examples=25)
@given(pair=hs.weekly_reports(), form=forms)
def test_weekly_reports_read_from_tables_equal_those_written(pair: Any, form: str) -> None:
    report, reference = pair
    tables = FORMS[form](write("reports", "reports", [report]))
    assert read_weekly_reports(
        tables["reports"], **{k: v for k, v in tables.items() if k != "reports"}
    ) == (report,)
    refs = FORMS[form](write("reports", "references", [reference]))
    visits = refs.get("reference_visits", []) if reference.visits is not None else None
    assert read_references(refs["references"], visits=visits) == (reference,)


@settings(max_examples=25)
@given(case=hs.bond_cases(), form=forms)
def test_bond_cases_read_from_tables_equal_those_written(case: Any, form: str) -> None:
    assume(not any(isinstance(a.penalty, ServedTimeSchedule) for a in case.agreements))
    tables = FORMS[form](write("bonds", "cases", [case]))
    read = read_bond_cases(
        tables["cases"],
        agreements=tables["agreements"],
        costs=tables.get("costs"),
        clauses=tables.get("clauses"),
        collections=tables.get("collections"),
        waivers=tables.get("waivers"),
        waivers_met=tables.get("waivers_met"),
        policy=case.policy,
    )
    assert read == {"K0": case}


@settings(max_examples=40)
@given(case=hs.charge_cases(), form=forms)
def test_charge_cases_read_from_tables_equal_those_written(case: Any, form: str) -> None:
    tables = FORMS[form](write("charges", "cases", [case]))
    read = read_charge_cases(
        tables["cases"], **{k: v for k, v in tables.items() if k != "cases"}, policy=case.policy
    )
    assert read == {"K0": case}
