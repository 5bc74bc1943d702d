"""Columns given as NumPy, pandas, polars or Arrow are read, grouped and paid by
vectorised code, with the same figures and the same errors as lists read row by row."""

from __future__ import annotations

import pickle
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.commission import BandTable, Commission, Plan, PlanVersion, Semantics
from hrpolicy.commission.columnar import ArrayLike, DayColumn, FenColumn, OwnerColumn, fen_column
from hrpolicy.commission.fast import compare_columns, run_columns
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.strategies import band_tables
from tests.commission.helpers import commission, plan

NAMES = ["li", "wang", "zhao", "陈"]
DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31))
ROWS = st.lists(
    st.tuples(st.integers(0, len(NAMES) - 1), DAYS, st.integers(0, 10**10)), max_size=40
)
TABLES = st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]).flatmap(
    lambda s: band_tables(semantics=s, unbounded=True, non_decreasing=True)
)


def _plans(tables: list[BandTable]) -> Plan:
    return plan(*(commission(table=t, component_id=f"c{i}") for i, t in enumerate(tables)))


def _lists(rows: list[tuple[int, date, int]]) -> tuple[list[str], list[date], list[int]]:
    return [NAMES[r[0]] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


Form = tuple[ArrayLike, ArrayLike, ArrayLike, "list[str] | None"]


def _array_forms(rows: list[tuple[int, date, int]]) -> list[Form]:
    """The same columns as NumPy, pandas, Arrow and polars hold them: (owners, days, fen,
    owner_names)."""
    codes = np.array([r[0] for r in rows], dtype=np.int64)
    names = np.array([NAMES[r[0]] for r in rows], dtype=str)
    days = np.array([r[1] for r in rows], dtype="datetime64[D]")
    fen = np.array([r[2] for r in rows], dtype=np.int64)
    stamps = days.astype("datetime64[ns]")
    small = fen.astype(np.uint64)
    return [
        (codes, days, fen, NAMES),
        (names, stamps, small, None),
        (pd.Series(names).astype("category"), pd.Series(stamps), pd.Series(fen), None),
        (pa.array(names.tolist()).dictionary_encode(), pa.array(days), pa.array(fen), None),
        (
            pa.chunked_array([pa.array(names.tolist())]),
            pa.array(days.tolist(), pa.date32()),
            pa.array(fen),
            None,
        ),
        (pl.Series(names.tolist()), pl.Series(days.tolist()), pl.Series(fen), None),
        (names.astype(object), days.astype("datetime64[s]"), fen, None),
    ]


@given(st.lists(TABLES, min_size=1, max_size=2), ROWS)
def test_columns_held_by_numpy_pandas_or_arrow_are_paid_to_the_fen_as_lists_are(
    tables: list[BandTable], rows: list[tuple[int, date, int]]
) -> None:
    the_plan = _plans(tables)
    by_rows = run_columns(the_plan, *_lists(rows))
    for owners, days, fen, owner_names in _array_forms(rows):
        by_arrays = run_columns(the_plan, owners, days, fen, owner_names=owner_names)
        # Read on NumPy whenever there is a row to read (an empty Arrow list has no type).
        assert isinstance(by_arrays.owners, OwnerColumn) or not rows
        assert by_arrays.months == by_rows.months
        assert by_arrays == by_rows
        assert by_arrays.to_records("months") == by_rows.to_records("months")
        assert by_arrays.to_records("people") == by_rows.to_records("people")


@given(TABLES, TABLES, ROWS)
def test_a_what_if_on_arrays_equals_the_what_if_on_lists_for_every_owner_and_month(
    first: BandTable, second: BandTable, rows: list[tuple[int, date, int]]
) -> None:
    a, b = _plans([first]), _plans([second])
    owners, days, fen, names = _array_forms(rows)[0]
    by_arrays = compare_columns(a, b, owners, days, fen, owner_names=names)
    by_rows = compare_columns(a, b, *_lists(rows))
    assert by_arrays.difference == by_rows.difference
    assert by_arrays.to_records("months") == by_rows.to_records("months")
    assert by_arrays.to_records("people") == by_rows.to_records("people")


def test_a_run_read_from_arrays_keeps_its_columns_read_only_and_explains_a_month() -> None:
    days = np.array(["2024-03-01", "2024-03-09", "2024-03-09"], dtype="datetime64[D]")
    owners = np.array([0, 0, 1])
    fen = np.array([1_000_000, 2_000_000, 500_000])
    run = run_columns(plan(commission()), owners, days, fen, owner_names=["li", "wang"])
    fen[0] = 0  # the caller's array changes; the run's copy does not
    assert list(run.amounts_fen) == [1_000_000, 2_000_000, 500_000]
    assert isinstance(run.days, DayColumn)
    assert isinstance(run.amounts_fen, FenColumn)
    assert run.days[1] == date(2024, 3, 9)
    assert run.owners[2] == "wang"
    assert run.owners[0:2] == ("li", "li")
    with pytest.raises(ValueError, match="read-only"):
        run.amounts_fen.array[0] = 1
    statement = run.statement("li", 2024, 3)
    assert statement.total == run.month("li", 2024, 3)
    assert [deal.deal_id for deal in statement.deals] == ["row-0", "row-1"]
    assert pickle.loads(pickle.dumps(run)) == run
    assert from_dict(to_dict(run), type(run)) == run


def test_a_time_of_day_in_a_datetime64_column_is_refused_naming_its_row() -> None:
    days = np.array(["2024-03-01T00:00", "2024-03-02T09:30"], dtype="datetime64[m]")
    with pytest.raises(InvalidValueError, match=r"^days\[1\]"):
        run_columns(plan(commission()), np.array(["li", "li"]), days, np.array([1, 2]))


def test_a_negative_amount_a_missing_day_or_an_empty_owner_is_refused_naming_its_row() -> None:
    the_plan = plan(commission())
    days = np.array(["2024-03-01", "2024-03-02"], dtype="datetime64[D]")
    with pytest.raises(InvalidValueError, match=r"^amounts_fen\[1\]"):
        run_columns(the_plan, np.array(["li", "li"]), days, np.array([5, -5]))
    with pytest.raises(InvalidValueError, match=r"^days\[1\]"):
        run_columns(
            the_plan,
            np.array(["li", "li"]),
            np.array(["2024-03-01", "NaT"], "datetime64[D]"),
            np.array([5, 5]),
        )
    with pytest.raises(InvalidValueError, match=r"^owners\[0\]"):
        run_columns(the_plan, np.array([" ", "li"]), days, np.array([5, 5]))
    with pytest.raises(InvalidValueError, match=r"^amounts_fen\[0\]"):
        run_columns(the_plan, pa.array(["li", "li"]), pa.array(days), pa.array([None, 5]))


def test_owner_codes_outside_owner_names_or_names_given_twice_are_refused() -> None:
    the_plan = plan(commission())
    days = np.array(["2024-03-01", "2024-03-02"], dtype="datetime64[D]")
    with pytest.raises(
        InvalidValueError, match=r"^owners\[1\]: expected an owner code from 0 to 1"
    ):
        run_columns(the_plan, np.array([0, 2]), days, np.array([5, 5]), owner_names=["li", "wang"])
    with pytest.raises(
        InvalidValueError, match=r"^owners\[1\]: expected an owner code from 0 to 1"
    ):
        run_columns(the_plan, [0, 2], list(days.tolist()), [5, 5], owner_names=["li", "wang"])
    with pytest.raises(InvalidValueError, match=r"^owner_names\[1\]: expected a name not given"):
        run_columns(the_plan, np.array([0, 1]), days, np.array([5, 5]), owner_names=["li", "li"])
    with pytest.raises(InvalidValueError, match=r"^owners\[0\]: expected an owner code"):
        run_columns(the_plan, np.array(["li", "li"]), days, np.array([5, 5]), owner_names=["li"])


def test_sums_beyond_int64_are_added_as_exact_integers_rather_than_wrapped() -> None:
    the_plan = plan(commission())
    big = 2**62  # two of them pass 2**63 - 1
    days = np.array(["2024-03-01", "2024-03-02", "2024-04-01"], dtype="datetime64[D]")
    owners, fen = np.array(["li", "li", "li"]), np.array([big, big, 5], dtype=np.int64)
    by_arrays = run_columns(the_plan, owners, days, fen)
    by_rows = run_columns(the_plan, owners.tolist(), days.tolist(), fen.tolist())
    assert by_arrays.months == by_rows.months
    march = by_arrays.to_records("months")[0]
    assert march["sales"] * 100 == 2 * big > 2**63 - 1


def _two_versions(a_ends: date, b_starts: date, b_pays: Commission) -> Plan:
    """Version ``a`` (the helpers' commission) from 2024-01-01 to ``a_ends``, then version
    ``b`` paying ``b_pays`` from ``b_starts``."""
    versions = (
        PlanVersion(
            version="a",
            effective_from=date(2024, 1, 1),
            effective_to=a_ends,
            components=(commission(),),
        ),
        PlanVersion(version="b", effective_from=b_starts, components=(b_pays,)),
    )
    return Plan(plan_id="p", name="two versions", versions=versions)


def test_a_month_under_two_versions_or_none_is_refused_on_arrays_as_on_lists() -> None:
    split = _two_versions(date(2024, 3, 10), date(2024, 3, 15), commission(values=["0.02", "0.03"]))
    for days in (["2024-03-01", "2024-03-20"], ["2024-03-12", "2024-03-12"], ["2023-12-01"] * 2):
        columns = (["li", "li"], [date.fromisoformat(d) for d in days], [100, 200])
        with pytest.raises((PolicyDefinitionError, NotCoveredError)) as by_rows:
            run_columns(split, *columns)
        with pytest.raises(type(by_rows.value)) as by_arrays:
            run_columns(
                split, np.array(columns[0]), np.array(days, "datetime64[D]"), np.array([100, 200])
            )
        assert str(by_arrays.value) == str(by_rows.value)
    april = run_columns(
        split, np.array(["li"]), np.array(["2024-04-02"], "datetime64[D]"), np.array([10_000_000])
    )
    assert april.months == run_columns(split, ["li"], [date(2024, 4, 2)], [10_000_000]).months
    march = run_columns(split, ["li"], [date(2024, 3, 2)], [10_000_000]).months
    assert april.months[("li", 2024, 4)] > march[("li", 2024, 3)]  # version b's higher rates


def test_a_decimal_column_of_yuan_becomes_whole_fen_exactly_or_is_refused_by_row() -> None:
    amounts = pa.array([Decimal("12.30"), Decimal("0.05")], pa.decimal128(12, 2))
    assert fen_column(amounts).tolist() == [1230, 5]
    assert fen_column(pd.Series([Decimal("1"), Decimal("9999999999999999.99")])).tolist() == [
        100,
        999_999_999_999_999_999,
    ]
    with pytest.raises(InvalidValueError, match=r"^amounts\[1\]: expected a whole number of fen"):
        fen_column([Decimal("1"), Decimal("1.005")])
    with pytest.raises(InvalidValueError, match=r"^amounts\[0\]: expected a decimal"):
        fen_column([1.5])
    with pytest.raises(InvalidTypeError, match=r"^amounts: expected an Arrow decimal"):
        fen_column(pa.array([1, 2]))


def test_an_empty_set_of_columns_pays_nothing() -> None:
    run = run_columns(
        plan(commission()),
        np.array([], dtype=str),
        np.array([], "datetime64[D]"),
        np.array([], dtype=np.int64),
    )
    assert run.months == {}
    assert run.total == 0
    assert len(run.owners) == 0


def test_days_spread_over_many_years_group_into_their_own_months() -> None:
    start = date(2024, 1, 1)
    days = [start + timedelta(days=n * 40) for n in range(60)]
    owners, fen = ["li"] * 60, [1_000_000] * 60
    by_arrays = run_columns(
        plan(commission()), np.array(owners), np.array(days, "datetime64[D]"), np.array(fen)
    )
    assert by_arrays.months == run_columns(plan(commission()), owners, days, fen).months


@given(
    st.lists(
        st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False),
        max_size=20,
    ),
    st.integers(0, 3),
)
def test_an_arrow_decimal_column_reads_as_the_same_fen_as_its_decimals_one_by_one(
    yuan: list[Decimal], chunk: int
) -> None:
    column = pa.array(yuan, pa.decimal128(20, 4))
    chunked = pa.chunked_array([column[:chunk], column[chunk:]], pa.decimal128(20, 4))
    expected = [int(value * 100) for value in yuan]
    assert fen_column(column).tolist() == expected
    assert fen_column(chunked).tolist() == expected
    assert fen_column(column.slice(min(chunk, len(yuan)))).tolist() == expected[chunk:]


def test_an_arrow_decimal_with_a_fraction_of_a_fen_a_null_or_a_negative_is_refused_by_row() -> None:
    with pytest.raises(InvalidValueError, match=r"^amounts\[1\]: expected a whole number of fen"):
        fen_column(pa.array([Decimal("1.00"), Decimal("1.005")], pa.decimal128(10, 3)))
    with pytest.raises(InvalidValueError, match=r"^amounts\[1\]: expected a decimal"):
        fen_column(pa.array([Decimal("1.00"), None], pa.decimal128(10, 2)))
    with pytest.raises(InvalidValueError, match=r"^amounts\[0\]: expected a decimal"):
        fen_column(pa.array([Decimal("-1.00")], pa.decimal128(10, 2)))
    with pytest.raises(InvalidValueError, match=r"^amounts\[0\]: expected an amount below 2\^63"):
        fen_column(pa.array([Decimal(10**17)], pa.decimal256(40, 2)))


def test_owner_columns_compare_by_the_names_they_hold_not_by_their_codes() -> None:
    first = OwnerColumn(np.array([0, 1]), ("li", "wang"))
    assert first == OwnerColumn(np.array([1, 0]), ("wang", "li"))
    assert first != OwnerColumn(np.array([1, 0, 0]), ("wang", "li"))
    assert first == ("li", "wang")
    assert first != ["li"]
    assert repr(first) == "OwnerColumn(2 rows)"


def _both(the_plan: Plan, owners: list[str], days: list[date], fen: list[int]) -> tuple[str, str]:
    """What the row path and the vectorised path give for the same columns: the months, or
    the error's type and text."""

    def outcome(call: object) -> str:
        try:
            return repr(call())  # type: ignore[operator]
        except Exception as error:
            return f"{type(error).__name__}: {error}"

    rows = outcome(lambda: run_columns(the_plan, owners, days, fen).months)
    arrays = outcome(
        lambda: (
            run_columns(
                the_plan,
                pd.Series(owners).astype("category"),
                np.array(days, "datetime64[D]"),
                np.array(fen, dtype=np.int64),
            ).months
        )
    )
    return rows, arrays


def test_components_whose_sum_passes_int64_are_added_exactly_not_wrapped() -> None:
    whole = [commission(component_id=c, thresholds=[0], values=["1"]) for c in ("a", "b")]
    rows, arrays = _both(plan(*whole), ["li"], [date(2024, 3, 1)], [5 * 10**18])
    assert rows == arrays == "{('li', 2024, 3): 10000000000000000000}"


def test_a_payout_beyond_int64_is_paid_exactly_on_arrays_as_on_lists() -> None:
    double = plan(commission(thresholds=[0], values=["2"]))
    rows, arrays = _both(double, ["li"], [date(2024, 3, 1)], [9 * 10**18])
    assert rows == arrays == "{('li', 2024, 3): 18000000000000000000}"


def test_with_several_bad_months_the_error_is_the_one_the_row_path_names_first() -> None:
    bounded = commission(thresholds=[0, 1], values=["0.01", "0.02"])
    split = _two_versions(date(2024, 2, 29), date(2024, 3, 1), bounded)
    owners = ["wang", "wang", "li", "li", "zhao"]
    days = [date(2024, 1, 5), date(2024, 3, 5), date(2024, 1, 5), date(2024, 3, 5)]
    days.append(date(2023, 12, 30))
    rows, arrays = _both(split, owners, days, [100, 300, 100, 200, 5])
    assert rows == arrays
    assert rows.startswith(("NotCoveredError", "PolicyDefinitionError", "InvalidValueError"))


def test_a_time_zone_or_a_timestamp_column_is_read_as_the_row_path_reads_it() -> None:
    the_plan = plan(commission())
    new_york = pa.array(
        np.array(["2024-04-01T00:00"], "datetime64[s]"), pa.timestamp("s", tz="America/New_York")
    )
    for days in (new_york, pa.array(np.array(["2024-03-01"], "datetime64[us]"))):
        with pytest.raises(InvalidValueError, match=r"^days\[0\]"):
            run_columns(the_plan, np.array(["li"]), days, np.array([100]))
    with pytest.raises(InvalidValueError, match=r"^amounts_fen\[1\]"):
        run_columns(
            the_plan,
            np.array(["li", "li"]),
            np.array(["2024-03-01", "2024-03-02"], "datetime64[us]"),
            np.array([100, -5]),
        )
    with pytest.raises(InvalidValueError, match=r"^days\[0\]"):
        run_columns(
            the_plan, np.array(["li"]), np.array(["2024-03-01"], "datetime64[2D]"), np.array([1])
        )


def test_a_masked_value_is_refused_rather_than_read_through_its_mask() -> None:
    masked = np.ma.masked_array([100_000, 999_999_999], mask=[False, True])
    with pytest.raises(InvalidValueError, match=r"^amounts_fen\[1\]"):
        run_columns(
            plan(commission()),
            np.array(["li", "li"]),
            np.array(["2024-03-01", "2024-03-02"], "datetime64[D]"),
            masked,
        )
