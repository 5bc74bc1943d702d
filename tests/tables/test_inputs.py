"""Engine inputs read from rows and data frames: what is accepted, what is refused, and how
problems are named."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.bonds.examples import electrician_case
from hrpolicy.collection import Invoice, MatchingRule, Payment, Receivables
from hrpolicy.commission import Credit, Deal
from hrpolicy.core.errors import ConversionError, InvalidValueError, MissingDependencyError
from hrpolicy.core.money import Rate
from hrpolicy.tables import (
    ENGINES,
    FLOAT_LIMIT,
    TableError,
    read_bond_cases,
    read_deals,
    read_inputs,
    read_person_inputs,
    read_receivables,
    read_weekly_reports,
    require_library,
)
from hrpolicy.tables.inputs import _spec
from tests.tables.writer import as_text, write

DEALS_CSV = """deal_id,owner,signed_on,amount,values.list,units
C-1,li,2024-03-04,18771.97,20000,
C-2,li,2024-03-09,5000.10,,3
C-3,wang,2024-03-09,0.30,,
"""

HAND_BUILT = (
    Deal(
        deal_id="C-1",
        owner="li",
        signed_on=date(2024, 3, 4),
        amount=Decimal("18771.97"),
        values={"list": Decimal(20000)},
    ),
    Deal(
        deal_id="C-2",
        owner="li",
        signed_on=date(2024, 3, 9),
        amount=Decimal("5000.10"),
        units=Decimal(3),
    ),
    Deal(deal_id="C-3", owner="wang", signed_on=date(2024, 3, 9), amount=Decimal("0.30")),
)


def _problems(error: pytest.ExceptionInfo[TableError]) -> list[tuple[object, ...]]:
    return [(p.table, p.row, p.column) for p in error.value.problems]


def test_a_deals_csv_read_as_text_gives_the_deals_built_by_hand() -> None:
    frame = pd.read_csv(io.StringIO(DEALS_CSV), dtype=str)
    assert read_deals(frame) == HAND_BUILT


def test_a_deals_csv_read_by_polars_as_text_gives_the_deals_built_by_hand() -> None:
    frame = pl.read_csv(io.StringIO(DEALS_CSV), infer_schema=False)
    assert read_deals(frame) == HAND_BUILT


def test_a_deal_amount_read_from_csv_as_float_is_refused_unless_the_whole_fen_opt_in_is_given() -> (
    None
):
    frame = pd.read_csv(io.StringIO(DEALS_CSV))
    assert frame["amount"].dtype == float
    with pytest.raises(TableError) as error:
        read_deals(frame)
    assert ("deals", 0, "amount") in _problems(error)
    assert "dtype=str" in str(error.value)
    assert read_deals(frame, floats="whole_fen") == HAND_BUILT


def test_a_float_not_a_whole_number_of_fen_is_refused_naming_row_and_column_even_with_opt_in() -> (
    None
):
    frame = pd.read_csv(io.StringIO(DEALS_CSV.replace("5000.10", "5000.105")))
    with pytest.raises(TableError) as error:
        read_deals(frame, floats="whole_fen")
    assert _problems(error) == [("deals", 1, "amount")]
    assert error.value.problems[0].actual == 5000.105


def test_a_float_beyond_what_a_float_holds_to_the_fen_is_refused_even_with_the_opt_in() -> None:
    rows = [
        {"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": float(FLOAT_LIMIT)}
    ]
    with pytest.raises(TableError, match="whole number of fen below"):
        read_deals(rows, floats="whole_fen")
    rows[0]["amount"] = 9999999999999.99
    assert read_deals(rows, floats="whole_fen")[0].amount == Decimal("9999999999999.99")


def test_a_float_amount_above_ten_trillion_is_refused_as_its_fen_could_have_changed() -> None:
    # 77,317,845,048,360.54 yuan is read into the float whose repr is 77317845048360.55.
    rows = [
        {"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": 77317845048360.54}
    ]
    with pytest.raises(TableError, match="whole number of fen below 10000000000000 yuan"):
        read_deals(rows, floats="whole_fen")


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_every_whole_fen_amount_below_the_float_limit_is_read_back_from_its_float(
    fen: int,
) -> None:
    amount = Decimal(fen).scaleb(-2)
    assert amount < FLOAT_LIMIT
    rows = [{"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": float(amount)}]
    assert read_deals(rows, floats="whole_fen")[0].amount == amount


def test_units_from_a_float_column_are_read_from_their_shortest_repr_under_the_opt_in() -> None:
    rows = [{"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "units": 0.1}]
    assert read_deals(rows, floats="whole_fen")[0].units == Decimal("0.1")
    with pytest.raises(TableError, match="not a float"):
        read_deals(rows)


def test_a_count_read_as_float_because_of_an_empty_cell_needs_the_opt_in_and_no_fraction() -> None:
    frame = pd.DataFrame({"employee": ["li", "wang"], "new_dealers": [3, None]})
    assert frame["new_dealers"].dtype == float
    with pytest.raises(TableError):
        read_person_inputs(frame)
    li, wang = read_person_inputs(frame, floats="whole_fen")
    assert (li.new_dealers, wang.new_dealers) == (3, None)
    with pytest.raises(TableError, match="whole number"):
        read_person_inputs(frame.assign(new_dealers=[2.5, None]), floats="whole_fen")


def test_every_problem_in_a_table_is_reported_each_with_its_row_and_column() -> None:
    rows = [
        {"deal_id": "C-1", "owner": "li", "signed_on": "2024-13-01", "amount": "5"},
        {"deal_id": "C-2", "owner": "", "signed_on": "2024-03-01", "amount": "-5"},
        {"deal_id": "C-3", "owner": "li", "signed_on": "2024-03-01", "amount": "0.001"},
    ]
    with pytest.raises(TableError) as error:
        read_deals(rows)
    assert _problems(error) == [
        ("deals", 0, "signed_on"),
        ("deals", 1, "owner"),
        ("deals", 1, "amount"),
        ("deals", 2, "amount"),
    ]
    assert isinstance(error.value, ConversionError)
    assert "deals row 2, column 'amount': expected an amount with at most 2" in str(error.value)


def test_a_problem_names_the_frames_index_label_when_it_has_its_own_index() -> None:
    frame = pd.read_csv(io.StringIO(DEALS_CSV), dtype=str).set_index("deal_id", drop=False)
    frame.loc["C-2", "owner"] = None
    with pytest.raises(TableError) as error:
        read_deals(frame)
    (problem,) = error.value.problems
    assert (problem.row, problem.label, problem.column) == (1, "C-2", "owner")
    assert "deals row 1 (index 'C-2'), column 'owner': expected a value" in str(error.value)
    assert "got an empty cell" in str(error.value)


def test_an_empty_cell_is_not_given_for_an_optional_field_whatever_the_frame_calls_it() -> None:
    frame = pd.DataFrame(
        {
            "deal_id": ["C-1", "C-2", "C-3"],
            "owner": ["li"] * 3,
            "signed_on": pd.to_datetime(["2024-03-01", None, "2024-03-01"]),
            "amount": ["5", "6", "7"],
            "customer": pd.array(["ACME", pd.NA, None], dtype="string"),
        }
    )
    with pytest.raises(TableError) as error:
        read_deals(frame)
    assert _problems(error) == [("deals", 1, "signed_on")]
    deals = read_deals(frame.drop(index=1))
    assert [d.customer for d in deals] == ["ACME", None]


def test_a_column_the_table_does_not_know_is_refused_unless_unknown_columns_are_ignored() -> None:
    frame = pd.read_csv(io.StringIO(DEALS_CSV), dtype=str).assign(colour="red")
    with pytest.raises(TableError) as error:
        read_deals(frame)
    assert _problems(error) == [("deals", None, "colour")]
    assert read_deals(frame, unknown_columns="ignore") == HAND_BUILT


def test_a_column_under_the_users_own_name_is_read_once_mapped_to_the_librarys() -> None:
    frame = pd.read_csv(io.StringIO(DEALS_CSV), dtype=str).rename(
        columns={"amount": "Amount", "owner": "销售"}
    )
    assert read_deals(frame, columns={"Amount": "amount", "销售": "owner"}) == HAND_BUILT
    with pytest.raises(InvalidValueError, match="columns"):
        read_deals(frame, columns={"Amount": "amount", "Ownr": "owner"})


def test_a_missing_required_column_is_reported_once_for_the_table() -> None:
    frame = pd.read_csv(io.StringIO(DEALS_CSV), dtype=str).drop(columns="owner")
    with pytest.raises(TableError) as error:
        read_deals(frame)
    assert _problems(error) == [("deals", None, "owner")]


def test_a_deal_date_with_a_time_of_day_is_refused_naming_its_row() -> None:
    frame = pd.read_csv(io.StringIO(DEALS_CSV), dtype=str)
    frame["signed_on"] = pd.to_datetime(
        ["2024-03-04 00:00", "2024-03-09 14:30", "2024-03-09 00:00"]
    )
    with pytest.raises(TableError, match="without a time of day") as error:
        read_deals(frame)
    assert _problems(error) == [("deals", 1, "signed_on")]


def test_dates_and_decimals_typed_by_arrow_are_read_exactly() -> None:
    table = pa.table(
        {
            "deal_id": ["C-1", "C-2"],
            "owner": ["li", "li"],
            "signed_on": pa.array([datetime(2024, 3, 4), datetime(2024, 3, 9)], pa.timestamp("us")),
            "amount": pa.array([Decimal("18771.97"), Decimal("5000.10")], pa.decimal128(12, 2)),
        }
    )
    deals = read_deals(table)
    assert [d.amount for d in deals] == [Decimal("18771.97"), Decimal("5000.10")]
    assert [d.signed_on for d in deals] == [date(2024, 3, 4), date(2024, 3, 9)]


def test_a_polars_float_column_of_money_is_refused_and_a_decimal_column_is_read() -> None:
    frame = pl.DataFrame(
        {"deal_id": ["C-1"], "owner": ["li"], "signed_on": [date(2024, 3, 4)], "amount": [0.3]}
    )
    with pytest.raises(TableError, match="not a float"):
        read_deals(frame)
    exact = frame.with_columns(pl.col("amount").cast(pl.Decimal(12, 2)))
    assert read_deals(exact)[0].amount == Decimal("0.30")


def test_an_id_read_as_a_number_is_refused_asking_for_text() -> None:
    frame = pd.DataFrame(
        {"deal_id": [1001], "owner": ["li"], "signed_on": ["2024-03-04"], "amount": ["5"]}
    )
    with pytest.raises(TableError, match=r"text \(read the column as text"):
        read_deals(frame)


def test_a_split_row_naming_no_deal_is_refused_naming_its_row() -> None:
    with pytest.raises(TableError) as error:
        read_deals(
            [{"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": "5"}],
            splits=[
                {"deal_id": "C-1", "employee": "li", "role": "sales", "share": "60%"},
                {"deal_id": "C-9", "employee": "li", "role": "sales"},
            ],
        )
    assert _problems(error) == [("splits", 1, "deal_id")]


def test_split_rows_credit_their_deal_in_the_order_given() -> None:
    (deal,) = read_deals(
        [{"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": "5"}],
        splits=[
            {"deal_id": "C-1", "employee": "li", "role": "sales", "share": "60%"},
            {"deal_id": "C-1", "employee": "wang", "role": "service", "share": "40%"},
        ],
    )
    assert deal.split == (
        Credit(employee="li", role="sales", share=Rate.parse("60%")),
        Credit(employee="wang", role="service", share=Rate.parse("40%")),
    )


def test_invoice_and_payment_tables_give_the_receivables_built_by_hand() -> None:
    invoices = pd.read_csv(
        io.StringIO(
            "invoice_id,customer,salesperson,issued_on,amount,commission,credit_days\n"
            "A-01,ACME,li,2024-01-10,1000.00,30.00,30\n"
            "A-02,ACME,li,2024-02-01,2000.00,60.00,\n"
        ),
        dtype=str,
    )
    payments = pd.read_csv(
        io.StringIO("payment_id,received_on,amount,customer\nP1,2024-02-05,400.00,ACME\n"),
        dtype=str,
    )
    expected = Receivables(
        invoices=(
            Invoice(
                invoice_id="A-01",
                customer="ACME",
                salesperson="li",
                issued_on=date(2024, 1, 10),
                amount=Decimal(1000),
                commission=Decimal(30),
                credit_days=30,
            ),
            Invoice(
                invoice_id="A-02",
                customer="ACME",
                salesperson="li",
                issued_on=date(2024, 2, 1),
                amount=Decimal(2000),
                commission=Decimal(60),
            ),
        ),
        matching=MatchingRule.FIFO,
        payments=(
            Payment(
                payment_id="P1", received_on=date(2024, 2, 5), amount=Decimal(400), customer="ACME"
            ),
        ),
    )
    assert read_receivables(invoices, payments=payments, matching="fifo") == expected


def test_a_payment_lacking_what_its_matching_rule_needs_is_reported_at_its_row_and_column() -> None:
    invoices = [
        {
            "invoice_id": "A-01",
            "customer": "ACME",
            "salesperson": "li",
            "issued_on": "2024-01-10",
            "amount": "1000",
            "commission": "30",
        }
    ]
    payments = [
        {"payment_id": "P1", "received_on": "2024-02-05", "amount": "400", "customer": "ACME"}
    ]
    with pytest.raises(TableError) as error:
        read_receivables(invoices, payments=payments, matching="by_invoice")
    assert _problems(error) == [("payments", 0, "invoice_id")]


def test_a_bond_case_spreadsheet_gives_the_case_built_by_hand_and_settles_the_same() -> None:
    case = electrician_case()
    tables = as_text(write("bonds", "cases", [case]))
    cases = read_bond_cases(
        pd.DataFrame(tables["cases"], dtype=str),
        agreements=pd.DataFrame(tables["agreements"], dtype=str),
        costs=pd.DataFrame(tables["costs"], dtype=str),
        clauses=pd.DataFrame(tables["clauses"], dtype=str),
        collections=pd.DataFrame(tables["collections"], dtype=str),
        waivers=pd.DataFrame(tables["waivers"], dtype=str),
        policy=case.policy,
    )
    assert cases == {"K0": case}
    assert cases["K0"].settle().total_payable == case.settle().total_payable


def test_a_penalty_parameter_its_form_does_not_have_is_refused() -> None:
    cases = [
        {
            "case_id": "K1",
            "employment.hire_date": "2020-01-01",
            "employment.contract_end": None,
            "separation.last_day": "2021-06-30",
            "separation.ground": "resignation",
        }
    ]
    agreement = {
        "case_id": "K1",
        "id": "A1",
        "signed_on": "2020-02-01",
        "length.years": "3",
        "penalty.kind": "per_law",
        "penalty.amount": "9000",
    }
    with pytest.raises(TableError) as error:
        read_bond_cases(cases, agreements=[agreement])
    assert _problems(error) == [("agreements", 0, "penalty.amount")]
    with pytest.raises(TableError) as error:
        read_bond_cases(cases, agreements=[{**agreement, "penalty.kind": None}])
    assert _problems(error) == [("agreements", 0, "penalty.kind")]


def test_two_cases_with_one_case_id_are_refused() -> None:
    case = {
        "case_id": "K1",
        "employment.hire_date": "2020-01-01",
        "employment.contract_end": None,
        "separation.last_day": "2021-06-30",
        "separation.ground": "resignation",
    }
    with pytest.raises(TableError) as error:
        read_bond_cases([case, case], agreements=[])
    assert _problems(error) == [("cases", 1, "case_id")]


def test_a_planned_visit_outside_next_week_is_reported_at_its_row_in_the_plan_table() -> None:
    with pytest.raises(TableError) as error:
        read_weekly_reports(
            [
                {
                    "report_id": "R1",
                    "employee": "wang",
                    "week.year": "2024",
                    "week.week": "10",
                    "submitted_at": "2024-03-11T09:00",
                    "plan.local_policy_changes": "none",
                    "travel_report_attached": "TRUE",
                }
            ],
            planned_visits=[{"report_id": "R1", "customer": "ACME", "on": "2024-03-05"}],
        )
    assert _problems(error) == [("planned_visits", 0, "on")]


def test_each_engine_declares_tables_whose_columns_all_name_fields() -> None:
    for engine in ENGINES:
        spec = _spec(engine)
        for name in spec.inputs:
            with pytest.raises((TableError, InvalidValueError)):
                # no rows at all: the main table is missing
                read_inputs(engine, name, {})
        for table in spec.tables.values():
            assert table.columns, table.name
            if table.parent is not None:
                assert table.parent in spec.tables, table.name


def test_a_missing_frame_library_is_named_with_the_extra_that_installs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(MissingDependencyError, match=r"hrpolicy\[polars\]"):
        require_library("polars", "polars")


def test_a_float_quantity_of_more_than_fifteen_digits_is_refused_even_with_the_opt_in() -> None:
    rows = [
        {"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "units": 1234567.123456789}
    ]
    with pytest.raises(TableError, match=r"units.*at most 15 significant digits"):
        read_deals(rows, floats="whole_fen")
    rows[0]["units"] = 1234567.25
    assert read_deals(rows, floats="whole_fen")[0].units == Decimal("1234567.25")


_DEAL = {"deal_id": ["C-1"], "owner": ["li"], "signed_on": ["2024-03-04"]}
_NARROW_AMOUNTS: dict[str, Callable[[], object]] = {
    "pandas float32": lambda: pd.DataFrame(
        {**_DEAL, "amount": pd.array([12345678.9], dtype="float32")}
    ),
    "pandas Float32": lambda: pd.DataFrame(
        {**_DEAL, "amount": pd.array([12345678.9], dtype="Float32")}
    ),
    "pandas float16": lambda: pd.DataFrame(
        {**_DEAL, "amount": pd.array([2049.0], dtype="float16")}
    ),
    "pandas Arrow float": lambda: pd.DataFrame(
        {**_DEAL, "amount": pd.array([12345678.9], dtype=pd.ArrowDtype(pa.float32()))}
    ),
    "polars Float32": lambda: pl.DataFrame(
        {**_DEAL, "amount": pl.Series([12345678.9], dtype=pl.Float32)}
    ),
    "Arrow float32": lambda: pa.table({**_DEAL, "amount": pa.array([12345678.9], pa.float32())}),
    "a NumPy float32 in a row": lambda: [
        {**{k: v[0] for k, v in _DEAL.items()}, "amount": np.float32(12345678.9)}
    ],
}


@pytest.mark.parametrize("form", _NARROW_AMOUNTS)
def test_a_float32_amount_is_refused_even_with_the_whole_fen_opt_in(form: str) -> None:
    # 12345678.9 as a float32 is 12345679.0: a whole number of fen, but not the one written.
    with pytest.raises(TableError) as caught:
        read_deals(_NARROW_AMOUNTS[form](), floats="whole_fen")
    (problem,) = caught.value.problems
    assert (problem.table, problem.row, problem.column) == ("deals", 0, "amount")
    assert problem.expected.startswith("an exact number, not a float")
    assert "float16" in problem.expected or "float32" in problem.expected


def test_a_float64_column_is_still_read_under_the_whole_fen_opt_in() -> None:
    frame = pd.DataFrame(
        {"deal_id": ["C-1"], "owner": ["li"], "signed_on": ["2024-03-04"], "amount": [18771.97]}
    )
    assert read_deals(frame, floats="whole_fen")[0].amount == Decimal("18771.97")


def test_a_deal_given_twice_is_refused_naming_the_row_and_the_column() -> None:
    rows = [
        {"Deal": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": "5"},
        {"Deal": "C-2", "owner": "li", "signed_on": "2024-03-05", "amount": "6"},
        {"Deal": "C-1", "owner": "li", "signed_on": "2024-03-06", "amount": "7"},
    ]
    with pytest.raises(TableError) as caught:
        read_deals(rows, columns={"Deal": "deal_id"})
    (problem,) = caught.value.problems
    assert (problem.table, problem.row, problem.column, problem.actual) == (
        "deals",
        2,
        "Deal",
        "C-1",
    )
    assert "row 0 has it too" in problem.expected


def test_a_mistyped_column_to_rename_is_refused_even_when_its_new_name_is_a_column() -> None:
    rows = [{"deal_id": "C-1", "owner": "li", "signed_on": "2024-03-04", "amount": "5"}]
    with pytest.raises(InvalidValueError, match=r"columns\['Deal ID'\]"):
        read_deals(rows, columns={"Deal ID": "deal_id"})


_ONE_BOND_CASE = [
    {
        "case_id": "K1",
        "employment.hire_date": "2020-01-01",
        "employment.contract_end": None,
        "separation.last_day": "2021-06-30",
        "separation.ground": "resignation",
    }
]
_ONE_AGREEMENT = [
    {
        "case_id": "K1",
        "id": "A1",
        "signed_on": "2020-02-01",
        "length.years": "3",
        "penalty.kind": "flat_sum",
        "penalty.amount": "9000",
    }
]
_SUCCESSOR_WAIVER = {
    "case_id": "K1",
    "agreement_id": "A1",
    "condition": "trained_successor",
    "clause_ref": "Art. 6",
}


def test_a_waiver_listed_as_met_that_the_agreements_lack_is_refused_at_its_row_and_entry() -> None:
    with pytest.raises(TableError) as error:
        read_bond_cases(
            _ONE_BOND_CASE,
            agreements=_ONE_AGREEMENT,
            waivers=[_SUCCESSOR_WAIVER],
            waivers_met=[
                {"case_id": "K1", "entry": "Art. 6"},
                {"case_id": "K1", "entry": "Art. 9"},
            ],
        )
    assert _problems(error) == [("waivers_met", 1, "entry")]
    assert "(Art. 6)" in str(error.value)


@pytest.mark.parametrize(
    ("tables", "where"),
    [
        pytest.param(
            {"waivers": [_SUCCESSOR_WAIVER, _SUCCESSOR_WAIVER]},
            ("waivers", 1, "clause_ref"),
            id="two waivers with one clause ref",
        ),
        pytest.param(
            {
                "waivers": [_SUCCESSOR_WAIVER],
                "waivers_met": [{"case_id": "K1", "entry": "Art. 6"}] * 2,
            },
            ("waivers_met", 1, "entry"),
            id="one waiver listed as met twice",
        ),
        pytest.param(
            {
                "costs": [
                    {
                        "case_id": "K1",
                        "agreement_id": "A1",
                        "id": "fee",
                        "category": "tuition",
                        "amount": "100",
                        "has_voucher": "true",
                        "paid_by": "employer",
                    }
                ]
                * 2
            },
            ("costs", 1, "id"),
            id="two cost items with one id",
        ),
    ],
)
def test_a_repeated_key_in_a_bond_table_is_refused_at_the_column_holding_it(
    tables: dict[str, object], where: tuple[object, ...]
) -> None:
    agreement = {
        **_ONE_AGREEMENT[0],
        "training.id": "T1",
        "training.kind": "professional_technical",
        "training.provider": "external",
        "training.start": "2020-01-06",
        "training.end": "2020-01-31",
    }
    with pytest.raises(TableError) as error:
        read_bond_cases(_ONE_BOND_CASE, agreements=[agreement], **tables)  # type: ignore[arg-type]
    assert _problems(error) == [where]
    assert "expected a unique" in str(error.value)
