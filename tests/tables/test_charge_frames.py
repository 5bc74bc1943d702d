"""A charges settlement out as typed frames: every sum exact to the fen in Arrow, pandas
and polars, and the same figures as the settlement itself, for a case read in from
tables."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pyarrow as pa
from hypothesis import given, settings

from hrpolicy import strategies as hs
from hrpolicy.charges import ChargeCase
from hrpolicy.charges.examples import part_time_lost_materials_case
from hrpolicy.tables import from_arrow, read_charge_cases, to_arrow, to_pandas, to_polars
from tests.tables.writer import as_text, write


def test_a_part_timers_sums_to_return_come_out_in_pandas_as_exact_decimals_adding_up() -> None:
    settlement = part_time_lost_materials_case().settle()
    takings = to_pandas(settlement, "takings")
    assert str(takings["to_return"].dtype) == "decimal128(38, 2)[pyarrow]"
    assert list(zip(takings["taking"], takings["reason"], takings["to_return"], strict=True)) == [
        ("T-DEP", "deposit", Decimal("800.00")),
        ("T-SETS", "unlawful_charge", Decimal("60.00")),
    ]
    totals = to_pandas(settlement, "totals")
    assert totals["to_return"][0] == sum(takings["to_return"]) == settlement.to_return


def test_a_part_timers_recovery_schedule_in_arrow_keeps_each_periods_cap_and_recovery() -> None:
    settlement = part_time_lost_materials_case().settle()
    recovery = to_arrow(settlement, "recovery")
    assert recovery.schema.field("cap").type == pa.decimal128(38, 2)
    assert recovery.column("recovered").to_pylist() == [Decimal("45.00"), Decimal("0.00")]
    assert sum(recovery.column("recovered").to_pylist()) == settlement.scheduled
    assert from_arrow(recovery) == settlement.table("recovery")


def test_a_case_read_from_tables_settles_to_frames_equal_to_those_of_the_case_built_by_hand() -> (
    None
):
    case = part_time_lost_materials_case()
    tables = as_text(write("charges", "cases", [case]))
    read = read_charge_cases(
        tables["cases"],
        charges=tables.get("charges"),
        incidents=tables.get("incidents"),
        takings=tables.get("takings"),
        pay_periods=tables.get("pay_periods"),
        compensation_payments=tables.get("compensation_payments"),
    )["K0"]
    assert read == case
    for name in case.settle().tables():
        assert to_pandas(read.settle(), name).equals(to_pandas(case.settle(), name)), name


@settings(max_examples=20, database=None)
@given(hs.charge_cases())
def test_every_table_of_a_generated_settlement_is_typed_in_polars_with_no_float_column(
    case: ChargeCase,
) -> None:
    settlement = case.settle()
    for name, table in settlement.tables().items():
        frame = to_polars(settlement, name)
        assert frame.height == len(table)
        assert not [dtype for dtype in frame.dtypes if dtype.is_float()], name
        assert isinstance(to_pandas(settlement, name), pd.DataFrame)
