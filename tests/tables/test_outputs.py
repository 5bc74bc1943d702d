"""Results as Arrow tables, pandas and polars frames: typed from the schema, exact, and
the same after a Parquet round trip."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.bonds import SeparationSettlement, settle
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, MissingDependencyError
from hrpolicy.core.records import (
    FINDINGS,
    Column,
    ColumnType,
    Table,
    TableSchema,
)
from hrpolicy.tables import (
    arrow_schema,
    from_arrow,
    from_pandas,
    from_polars,
    to_arrow,
    to_pandas,
    to_polars,
)

ARROW_TYPES = {
    ColumnType.MONEY: pa.decimal128(38, 2),
    ColumnType.DECIMAL: pa.decimal128(38, 18),
    ColumnType.INT: pa.int64(),
    ColumnType.BOOL: pa.bool_(),
    ColumnType.DATE: pa.date32(),
    ColumnType.TEXT: pa.string(),
}
POLARS_TYPES = {
    ColumnType.MONEY: pl.Decimal(38, 2),
    ColumnType.DECIMAL: pl.Decimal(38, 18),
    ColumnType.INT: pl.Int64(),
    ColumnType.BOOL: pl.Boolean(),
    ColumnType.DATE: pl.Date(),
    ColumnType.TEXT: pl.String(),
}

PAY = TableSchema(
    "pay",
    (
        Column("employee", ColumnType.TEXT, "who is paid"),
        Column("month_start", ColumnType.DATE, "the month's first day"),
        Column("due", ColumnType.MONEY, "the pay due"),
        Column("share", ColumnType.DECIMAL, "the share of the pool"),
        Column("deals", ColumnType.INT, "deals closed"),
        Column("confirmed", ColumnType.BOOL, "whether the month is confirmed"),
    ),
    "one row per employee and month",
)


def _settlement() -> SeparationSettlement:
    case = electrician_case()
    return settle(case.agreements, case.employment, case.separation)


def _pay() -> Table:
    return Table.build(
        PAY,
        [
            ("li", date(2024, 1, 1), Decimal("3106.67"), Decimal("0.333333333333333333"), 3, True),
            ("li", date(2024, 2, 1), Decimal("0.33"), Decimal("0.5"), 0, False),
            ("wang", None, None, None, None, None),
        ],
    )


def _parquet(arrow: pa.Table) -> io.BytesIO:
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    buffer.seek(0)
    return buffer


# --- examples ----------------------------------------------------------------------------


def test_a_settlements_findings_become_an_arrow_table_typed_from_their_schema() -> None:
    result = _settlement()
    arrow = to_arrow(result, "findings")
    expected = result.table("findings").schema
    assert expected.names[-len(FINDINGS.names) :] == FINDINGS.names
    assert arrow.column_names == list(expected.names)
    assert [field.type for field in arrow.schema] == [
        ARROW_TYPES[column.type] for column in expected.columns
    ]
    assert all(field.nullable for field in arrow.schema)
    assert arrow.to_pylist() == result.table("findings").to_records()


def test_a_result_without_a_table_name_gives_its_first_table() -> None:
    result = _settlement()
    first = next(iter(result.tables().values()))
    assert to_arrow(result).column_names == list(first.schema.names)


def test_money_in_pandas_is_an_arrow_decimal_column_whose_sum_is_exact() -> None:
    frame = to_pandas(_pay())
    assert frame["due"].dtype == pd.ArrowDtype(pa.decimal128(38, 2))
    assert frame["due"].sum() == Decimal("3107.00")
    assert isinstance(frame["due"].sum(), Decimal)
    assert all(isinstance(dtype, pd.ArrowDtype) for dtype in frame.dtypes)


def test_the_pandas_mean_of_money_is_rounded_to_the_fen_half_away_from_zero() -> None:
    schema = TableSchema("m", (Column("due", ColumnType.MONEY),))
    cases = [
        (["0.01", "0.02"], "0.02"),
        (["-0.01", "-0.02"], "-0.02"),
        (["0.01", "0.04"], "0.03"),
        (["1.00", "2.00", "2.00"], "1.67"),
    ]
    for cells, mean in cases:
        frame = to_pandas(Table.build(schema, [(Decimal(cell),) for cell in cells]))
        assert frame["due"].mean() == Decimal(mean), cells


def test_a_settlements_step_inputs_in_polars_are_decimal_and_text_never_a_float() -> None:
    result = _settlement()
    frame = to_polars(result, "step_inputs")
    assert frame.schema["value_decimal"] == pl.Decimal(38, 18)
    assert frame.schema["value_date"] == pl.Date()
    assert frame.schema["value_bool"] == pl.Boolean()
    assert not [dtype for dtype in frame.dtypes if dtype.is_float()]
    ratios = frame.filter(pl.col("value_kind") == "ratio")
    assert ratios.height > 0
    records = result.table("step_inputs").to_records()
    assert frame["value_decimal"].to_list() == [r["value_decimal"] for r in records]
    assert frame["value_date"].to_list() == [r["value_date"] for r in records]


def test_a_results_tables_written_to_parquet_read_back_with_pandas_equal_what_was_written() -> None:
    result = _settlement()
    for name in result.tables():
        arrow = to_arrow(result, name)
        back = pd.read_parquet(_parquet(arrow), dtype_backend="pyarrow")
        pd.testing.assert_frame_equal(back, to_pandas(result, name))


def test_a_results_tables_written_to_parquet_read_back_with_polars_equal_what_was_written() -> None:
    result = _settlement()
    for name in result.tables():
        back = pl.read_parquet(_parquet(to_arrow(result, name)))
        assert back.equals(to_polars(result, name), null_equal=True)
        assert back.schema == to_polars(result, name).schema


def test_a_table_through_parquet_reads_back_as_the_same_core_table_without_its_schema() -> None:
    original = _pay()
    back = from_arrow(pq.read_table(_parquet(to_arrow(original))))
    assert back == original
    assert back.schema == PAY
    assert back.rows[0][2] == Decimal("3106.67")
    cell = back.rows[1][2]
    assert isinstance(cell, Decimal)
    assert cell.as_tuple().exponent == -2


def test_every_explanation_table_of_a_result_reads_back_after_parquet_equal() -> None:
    result = _settlement()
    for name, table in result.tables().items():
        assert from_arrow(pq.read_table(_parquet(to_arrow(table)))) == table, name
        assert from_pandas(to_pandas(table), table.schema) == table, name
        assert from_polars(to_polars(table), table.schema) == table, name


def test_the_columns_doc_and_type_survive_parquet_in_the_field_metadata() -> None:
    back = pq.read_table(_parquet(to_arrow(_pay())))
    field = back.schema.field("due")
    assert field.metadata == {b"hrpolicy.type": b"money", b"hrpolicy.doc": b"the pay due"}
    assert back.schema.metadata[b"hrpolicy.table"] == b"pay"
    assert back.schema == arrow_schema(PAY)


def test_an_empty_table_gives_empty_frames_with_the_schemas_columns_and_types() -> None:
    empty = Table(PAY)
    arrow = to_arrow(empty)
    assert arrow.num_rows == 0
    assert arrow.schema == arrow_schema(PAY)
    frame = to_pandas(empty)
    assert list(frame.columns) == list(PAY.names)
    assert [dtype.pyarrow_dtype for dtype in frame.dtypes] == [
        ARROW_TYPES[c.type] for c in PAY.columns
    ]
    polars = to_polars(empty)
    assert polars.height == 0
    assert list(polars.schema.values()) == [POLARS_TYPES[c.type] for c in PAY.columns]
    assert from_arrow(arrow) == empty


def test_a_column_of_only_none_keeps_its_declared_type() -> None:
    table = Table.build(PAY, [("li", None, None, None, None, None)])
    assert to_polars(table).schema["due"] == pl.Decimal(38, 2)
    assert to_pandas(table)["month_start"].dtype == pd.ArrowDtype(pa.date32())


def test_a_teams_results_stack_into_one_frame_in_order() -> None:
    first, second = _settlement(), _settlement()
    month = Column("month", ColumnType.TEXT, "the month")
    keyed = [
        r.table("step_inputs").keyed([month], [m])
        for r, m in ((first, "2024-01"), (second, "2024-02"))
    ]
    frame = to_pandas(keyed)
    assert len(frame) == len(keyed[0]) + len(keyed[1])
    assert list(frame["month"].unique()) == ["2024-01", "2024-02"]
    assert from_pandas(frame, keyed[0].schema) == Table.concat(keyed[0].schema, keyed)
    stacked = to_polars([first, second], "findings")
    assert stacked.height == 2 * len(first.table("findings"))


def test_stacking_tables_of_different_layouts_is_refused_naming_the_odd_one() -> None:
    result = _settlement()
    with pytest.raises(InvalidValueError, match=r"source\[1\]: expected a table laid out as"):
        to_arrow([result.table("steps"), result.table("findings")])


def test_an_empty_list_of_results_is_refused_with_how_to_get_an_empty_frame() -> None:
    with pytest.raises(InvalidValueError, match=r"Table\(schema\)"):
        to_pandas([])


def test_asking_for_a_table_the_result_lacks_lists_the_tables_it_has() -> None:
    with pytest.raises(InvalidValueError, match=r"source\.table: expected one of totals, "):
        to_arrow(_settlement(), "totalz")


def test_naming_another_table_for_a_core_table_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"source\.table: expected the table's own name"):
        to_arrow(_pay(), "findings")


def test_something_that_is_not_a_table_or_result_is_refused_as_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match="source: expected a core Table"):
        to_arrow({"due": [1]})  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"source\[0\]: expected a core Table"):
        to_arrow(["pay"])  # type: ignore[list-item]


def test_an_int_outside_int64_is_refused_naming_table_row_and_column() -> None:
    schema = TableSchema("counts", (Column("n", ColumnType.INT),))
    table = Table.build(schema, [(1,), (2**63,)])
    with pytest.raises(InvalidValueError, match=r"counts\[1\]\.n: expected an int within int64"):
        to_arrow(table)
    assert to_arrow(Table.build(schema, [(2**63 - 1,), (-(2**63),)])).num_rows == 2


def test_money_of_ten_to_the_36_is_refused_rather_than_wrapped() -> None:
    schema = TableSchema("big", (Column("due", ColumnType.MONEY),))
    largest = Decimal("9" * 36 + ".99")
    assert to_arrow(Table.build(schema, [(largest,)])).column(0).to_pylist() == [largest]
    with pytest.raises(InvalidValueError, match=r"big\[0\]\.due: expected money below 10\^36"):
        to_polars(Table.build(schema, [(largest + Decimal("0.01"),)]))


def test_a_table_built_without_checks_has_its_wrong_cell_named() -> None:
    unchecked = Table(PAY, (("li", None, 3106.67, None, None, None),))
    with pytest.raises(InvalidTypeError, match=r"pay\[0\]\.due: expected money"):
        to_pandas(unchecked)


def test_reading_back_a_float_column_as_money_is_refused() -> None:
    schema = TableSchema("pay", (Column("due", ColumnType.MONEY),))
    floats = pa.table({"due": pa.array([3106.67], pa.float64())})
    with pytest.raises(InvalidTypeError, match=r"pay\.due: expected an Arrow column for money"):
        from_arrow(floats, schema)
    with pytest.raises(InvalidTypeError, match=r"pay\.due: expected an Arrow column for money"):
        from_pandas(pd.DataFrame({"due": [3106.67]}), schema)


def test_reading_back_a_table_missing_or_adding_a_column_is_refused() -> None:
    arrow = to_arrow(_pay())
    with pytest.raises(InvalidValueError, match=r"pay\.deals: expected a column of that name"):
        from_arrow(arrow.drop_columns(["deals"]), PAY)
    with pytest.raises(InvalidValueError, match=r"pay\.columns: expected only employee"):
        from_arrow(arrow.append_column("extra", pa.array([1, 2, 3])), PAY)


def test_reading_back_money_of_more_places_names_the_cell() -> None:
    schema = TableSchema("pay", (Column("due", ColumnType.MONEY),))
    wide = pa.table({"due": pa.array([Decimal("1.2500"), Decimal("1.2345")], pa.decimal128(9, 4))})
    with pytest.raises(InvalidTypeError, match=r"pay\[1\]\.due: expected money"):
        from_arrow(wide, schema)
    assert from_arrow(wide.slice(0, 1), schema).rows == ((Decimal("1.25"),),)


def test_reading_back_an_arrow_table_without_metadata_asks_for_the_schema() -> None:
    with pytest.raises(InvalidValueError, match="schema: expected a TableSchema"):
        from_arrow(pa.table({"due": pa.array([1])}))


def test_polars_frames_read_back_through_arrow_with_large_strings() -> None:
    frame = to_polars(_pay())
    assert from_polars(frame, PAY) == _pay()
    assert pa.types.is_string_view(frame.to_arrow().schema.field("employee").type) or (
        pa.types.is_large_string(frame.to_arrow().schema.field("employee").type)
    )


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pyarrow", lambda: to_arrow(_pay()), "hrpolicy[arrow]"),
        ("pyarrow", lambda: arrow_schema(PAY), "hrpolicy[arrow]"),
        ("pyarrow", lambda: to_pandas(_pay()), "hrpolicy[pandas]"),
        ("pandas", lambda: to_pandas(_pay()), "hrpolicy[pandas]"),
        ("polars", lambda: to_polars(_pay()), "hrpolicy[polars]"),
        ("pyarrow", lambda: to_polars(_pay()), "hrpolicy[polars]"),
        ("pyarrow", lambda: from_arrow(None), "hrpolicy[arrow]"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_missing_frame_library_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str, call: object, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingDependencyError, match=rf"pip install '{extra}'".replace("[", r"\[")):
        call()  # type: ignore[operator]


def test_importing_hrpolicy_and_its_tables_loads_no_frame_library() -> None:
    code = (
        "import sys, hrpolicy, hrpolicy.tables, hrpolicy.tables.outputs, hrpolicy.bonds\n"
        "print(sorted({'pyarrow', 'pandas', 'polars', 'numpy'} & set(sys.modules)))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert done.stdout.strip() == "[]"


# --- properties --------------------------------------------------------------------------


def _scaled(limit: int, places: int) -> st.SearchStrategy[Decimal]:
    """Decimals of ``places`` places up to ``limit`` units of the last place, built from
    text (exact at any length; hypothesis' decimals round wide bounds to 28 digits)."""
    return st.integers(-limit, limit).map(lambda n: Decimal(f"{n}E-{places}"))


_CELLS: dict[ColumnType, st.SearchStrategy[object]] = {
    ColumnType.MONEY: st.one_of(
        _scaled(10**38 - 1, 2),
        st.integers(-(10**9), 10**9).map(Decimal),
        st.sampled_from([Decimal("1.500"), Decimal("-0.00"), Decimal("1E+3"), Decimal("0.1")]),
    ),
    ColumnType.DECIMAL: st.one_of(
        # (up to 10^18 - 10^-9: core rounds wider values to 28 digits when it checks them)
        _scaled(10**36 - 10**9, 18),
        st.decimals(-(10**6), 10**6, places=3),
        st.sampled_from([Decimal("0.005"), Decimal("1E+17"), Decimal("-0E-18")]),
    ),
    ColumnType.INT: st.integers(-(2**63), 2**63 - 1),
    ColumnType.BOOL: st.booleans(),
    ColumnType.DATE: st.dates(),
    ColumnType.TEXT: st.text(max_size=12),
}


@st.composite
def core_tables(draw: st.DrawFn) -> Table:
    """A table of a random layout (1–6 columns of random types) and 0–8 random rows."""
    names = draw(
        st.lists(
            st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=6),
            min_size=1,
            max_size=6,
            unique=True,
        )
    )
    kinds = [draw(st.sampled_from(list(ColumnType))) for _ in names]
    docs = [draw(st.text(max_size=10)) for _ in names]
    schema = TableSchema(
        draw(st.text(max_size=8)),
        tuple(Column(n, k, d) for n, k, d in zip(names, kinds, docs, strict=True)),
        draw(st.text(max_size=10)),
    )
    rows = draw(
        st.lists(
            st.tuples(*(st.none() | _CELLS[kind] for kind in kinds)),
            max_size=8,
        )
    )
    return Table.build(schema, rows)


def _same_cells(back: Table, original: Table) -> None:
    assert back == original
    for column, cells in zip(back.schema.columns, zip(*back.rows, strict=True), strict=False):
        for cell in cells:
            assert not isinstance(cell, float)
            if column.type is ColumnType.MONEY and cell is not None:
                assert isinstance(cell, Decimal)
                assert cell.as_tuple().exponent == -2


@settings(max_examples=60)
@given(core_tables())
def test_any_table_keeps_every_value_through_arrow_and_parquet(table: Table) -> None:
    arrow = to_arrow(table)
    assert arrow.schema == arrow_schema(table.schema)
    assert [f.type for f in arrow.schema] == [ARROW_TYPES[c.type] for c in table.schema.columns]
    _same_cells(from_arrow(arrow, table.schema), table)
    _same_cells(from_arrow(pq.read_table(_parquet(arrow))), table)


@settings(max_examples=60)
@given(core_tables())
def test_any_table_in_pandas_has_its_schemas_arrow_dtypes_and_reads_back_exactly(
    table: Table,
) -> None:
    frame = to_pandas(table)
    assert list(frame.columns) == list(table.schema.names)
    for column, dtype in zip(table.schema.columns, frame.dtypes, strict=True):
        assert isinstance(dtype, pd.ArrowDtype)
        assert dtype.pyarrow_dtype == ARROW_TYPES[column.type]
    _same_cells(from_pandas(frame, table.schema), table)
    back = pd.read_parquet(_parquet(to_arrow(table)), dtype_backend="pyarrow")
    pd.testing.assert_frame_equal(back, frame)


@settings(max_examples=60)
@given(core_tables())
def test_any_table_in_polars_has_its_schemas_types_never_a_float_and_reads_back_exactly(
    table: Table,
) -> None:
    frame = to_polars(table)
    assert list(frame.schema.values()) == [POLARS_TYPES[c.type] for c in table.schema.columns]
    assert not [dtype for dtype in frame.dtypes if dtype.is_float()]
    _same_cells(from_polars(frame, table.schema), table)
    back = pl.read_parquet(_parquet(to_arrow(table)))
    assert back.schema == frame.schema
    assert back.equals(frame, null_equal=True)


_PAY = TableSchema("pay", (Column("due", ColumnType.MONEY), Column("who", ColumnType.TEXT)))


def test_a_frame_read_back_with_a_column_twice_is_refused_naming_the_column() -> None:
    frame = to_pandas(Table.build(_PAY, [(Decimal("1.00"), "li")]))
    twice = pd.concat([frame, frame[["who"]]], axis=1)
    with pytest.raises(InvalidValueError, match=r"pay\.columns: expected each column once"):
        from_pandas(twice, _PAY)
    arrow = pa.Table.from_arrays(
        [pa.array([Decimal("1.00")]), pa.array(["li"]), pa.array(["wang"])],
        names=["due", "who", "who"],
    )
    with pytest.raises(InvalidValueError, match=r"got str 'who'"):
        from_arrow(arrow, _PAY)


def test_a_pandas_column_of_mixed_cells_read_back_is_refused_naming_the_column() -> None:
    frame = pd.DataFrame({"due": [Decimal("1.00"), "2.00"], "who": ["li", "wang"]})
    with pytest.raises(InvalidTypeError, match=r"^pay\.due: expected cells of one type"):
        from_pandas(frame, _PAY)


def test_an_unsigned_arrow_int_beyond_int64_is_refused_when_read_back_naming_the_cell() -> None:
    counts = TableSchema("counts", (Column("n", ColumnType.INT),))
    arrow = pa.table({"n": pa.array([1, 2**63], type=pa.uint64())})
    with pytest.raises(InvalidValueError, match=r"counts\[1\]\.n: expected an int within int64"):
        from_arrow(arrow, counts)
