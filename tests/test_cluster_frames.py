"""The per-partition what-if on pandas frames: shaped as Spark's Arrow conversion delivers
them (LongType as int64, StringType as object str, DateType as object datetime.date,
TimestampType as datetime64[ns], DecimalType as object Decimal), as Parquet reads back
through Dask on a local cluster, and refused with the column named when a frame is bad."""

from __future__ import annotations

import importlib.util
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.commission.fast import compare_columns
from tests.helpers import what_if_plan

pandas = pytest.importorskip("pandas")
frames = pytest.importorskip("hrpolicy.commission.frames")


BASELINE, CANDIDATE = what_if_plan("a", 30000), what_if_plan("b", 25000)


def _rows(count: int, seed: int = 7) -> list[tuple[str, date, int]]:
    rng = random.Random(seed)
    return [
        (
            f"s{rng.randrange(12):02d}",
            date(2024, 1, 1) + timedelta(days=rng.randrange(366)),
            rng.randrange(100, 3_000_000),
        )
        for _ in range(count)
    ]


def _single(rows: list[tuple[str, date, int]]) -> list[dict[str, object]]:
    owners, days, fens = (list(column) for column in zip(*rows, strict=True))
    return compare_columns(BASELINE, CANDIDATE, owners, days, fens).to_records("people")


def _spark_frame(rows: list[tuple[str, date, int]]) -> Any:
    """A frame as Spark's Arrow conversion gives a (string, date, long) row batch."""
    return pandas.DataFrame(
        {
            "owner": pandas.Series([r[0] for r in rows], dtype=object),
            "signed_on": pandas.Series([r[1] for r in rows], dtype=object),
            "amount_fen": pandas.Series([r[2] for r in rows], dtype="int64"),
        }
    )


def test_a_spark_batch_with_dates_as_datetime_date_gives_the_single_process_answer() -> None:
    rows = _rows(400)
    result = frames.compare_frame(BASELINE, CANDIDATE, _spark_frame(rows))
    assert list(result.columns) == list(frames.RESULT_COLUMNS)
    assert str(result.baseline_fen.dtype) == "int64"
    assert frames.merge_frame(result) == _single(rows)


def test_timestamps_at_midnight_in_datetime64_ns_read_as_their_days() -> None:
    rows = _rows(200)
    frame = _spark_frame(rows)
    frame["signed_on"] = pandas.to_datetime(frame["signed_on"]).astype("datetime64[ns]")
    assert frames.merge_frame(frames.compare_frame(BASELINE, CANDIDATE, frame)) == _single(rows)


def test_decimal_yuan_from_a_spark_decimal_column_read_as_whole_fen() -> None:
    rows = _rows(200)
    frame = _spark_frame(rows).drop(columns="amount_fen")
    frame["amount"] = pandas.Series([Decimal(r[2]).scaleb(-2) for r in rows], dtype=object)
    result = frames.compare_frame(BASELINE, CANDIDATE, frame, amount_yuan="amount")
    assert frames.merge_frame(result) == _single(rows)


def test_an_owner_whose_deals_come_in_two_spark_batches_is_paid_on_the_whole_month() -> None:
    rows = _rows(300)
    whole = _spark_frame(rows)
    batches = [whole.iloc[:120].reset_index(drop=True), whole.iloc[120:].reset_index(drop=True)]
    (result,) = frames.what_if_batches(BASELINE, CANDIDATE, iter(batches))
    assert frames.merge_frame(result) == _single(rows)


def test_a_partition_with_no_batches_yields_an_empty_result() -> None:
    (result,) = frames.what_if_batches(BASELINE, CANDIDATE, iter([]))
    assert result.empty
    assert list(result.columns) == list(frames.RESULT_COLUMNS)


def test_a_missing_column_is_refused_naming_it() -> None:
    frame = _spark_frame(_rows(5)).drop(columns="amount_fen")
    with pytest.raises(InvalidValueError, match=r"frame\.amount_fen: expected a column"):
        frames.compare_frame(BASELINE, CANDIDATE, frame)


def test_a_null_amount_from_a_nullable_long_column_is_refused_naming_the_row() -> None:
    frame = _spark_frame(_rows(5))
    frame["amount_fen"] = frame["amount_fen"].astype("float64")  # how Arrow gives a null long
    frame.loc[3, "amount_fen"] = float("nan")
    with pytest.raises(InvalidValueError, match=r"amount_fen\[3\]: expected a value \(no nulls\)"):
        frames.compare_frame(BASELINE, CANDIDATE, frame)


def test_amounts_as_floats_are_refused_naming_the_column() -> None:
    frame = _spark_frame(_rows(5))
    frame["amount_fen"] = frame["amount_fen"].astype("float64")
    with pytest.raises(InvalidTypeError, match=r"frame\.amount_fen: expected whole fen"):
        frames.compare_frame(BASELINE, CANDIDATE, frame)


def test_a_null_owner_is_refused_naming_the_row() -> None:
    frame = _spark_frame(_rows(5))
    frame.loc[2, "owner"] = None
    with pytest.raises(InvalidValueError, match=r"owner\[2\]: expected a value"):
        frames.compare_frame(BASELINE, CANDIDATE, frame)


def test_a_timestamp_with_a_time_of_day_is_refused_not_truncated() -> None:
    frame = _spark_frame(_rows(5))
    frame["signed_on"] = pandas.Series(
        [datetime(2024, 5, 1, 0, 0)] * 4 + [datetime(2024, 5, 1, 9, 30)], dtype="datetime64[ns]"
    )
    with pytest.raises(InvalidValueError, match=r"signed_on\[4\]: expected a day"):
        frames.compare_frame(BASELINE, CANDIDATE, frame)


def test_days_as_text_are_refused_naming_the_column() -> None:
    frame = _spark_frame(_rows(5))
    frame["signed_on"] = frame["signed_on"].map(str).astype(object)
    with pytest.raises(InvalidTypeError, match=r"frame\.signed_on: expected dates"):
        frames.compare_frame(BASELINE, CANDIDATE, frame)


def test_a_decimal_with_a_fraction_of_a_fen_is_refused_naming_the_row() -> None:
    frame = _spark_frame(_rows(3))
    frame["amount"] = pandas.Series([Decimal("1.00"), Decimal("2.005"), Decimal(3)], dtype=object)
    with pytest.raises(InvalidValueError, match=r"amount\[1\]: expected a whole number of fen"):
        frames.compare_frame(BASELINE, CANDIDATE, frame, amount_yuan="amount")


def test_an_owner_in_two_partition_results_is_refused() -> None:
    rows = _rows(100)
    part = frames.compare_frame(BASELINE, CANDIDATE, _spark_frame(rows))
    with pytest.raises(InvalidValueError, match="each owner in one partition"):
        frames.merge_frame(pandas.concat([part, part.iloc[:1]], ignore_index=True))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::FutureWarning")
@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_what_if_over_partitioned_parquet_on_a_local_cluster_equals_one_process(
    tmp_path: Path,
) -> None:
    distributed = pytest.importorskip("distributed")
    dd = pytest.importorskip("dask.dataframe")
    pytest.importorskip("pyarrow")
    rows = _rows(3000, seed=11)
    whole = _spark_frame(rows)
    for month in range(1, 13):  # a data set partitioned by month, as it is often stored
        in_month = whole[[day.month == month for day in whole["signed_on"]]]
        in_month.to_parquet(tmp_path / f"month={month:02d}.parquet", index=False)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        deals = dd.read_parquet(str(tmp_path / "*.parquet"))
        assert deals.npartitions == 12
        by_owner = deals.shuffle("owner", npartitions=4)  # each owner's months in one partition
        parts = by_owner.map_partitions(
            lambda part: frames.compare_frame(BASELINE, CANDIDATE, part.reset_index(drop=True)),
            meta=frames.result_meta(),
        )
        collected = parts.compute()
    assert frames.merge_frame(collected.reset_index(drop=True)) == _single(rows)


def test_the_spark_example_function_pays_batches_of_one_partition_as_one_process() -> None:
    spec = importlib.util.spec_from_file_location(
        "spark_what_if", Path(__file__).parent.parent / "examples" / "spark_what_if.py"
    )
    assert spec is not None
    assert spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)  # pyspark is imported only inside main()
    rows = _rows(500, seed=3)
    whole = _spark_frame(rows)
    batches = [whole.iloc[i : i + 128].reset_index(drop=True) for i in range(0, 500, 128)]
    (result,) = example.what_if(iter(batches))
    owners, days, fens = (list(column) for column in zip(*rows, strict=True))
    expected = compare_columns(example.BASELINE, example.CANDIDATE, owners, days, fens)
    assert frames.merge_frame(result) == expected.to_records("people")
