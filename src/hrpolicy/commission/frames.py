"""What-ifs on pandas frames, one partition at a time: the function a cluster runs.

A Dask ``map_partitions`` or a Spark ``mapInPandas`` hands each worker a pandas
``DataFrame``. :func:`compare_frame` reads such a frame — one row per deal, with an owner,
a signing day and an amount — computes every owner's commission under two plans with
:func:`hrpolicy.commission.fast.compare_columns`, and returns a frame of one row per owner
(``owner``, ``baseline_fen``, ``candidate_fen``, both ``int64``). :func:`merge_frame`
turns the collected result into the rows :func:`~hrpolicy.commission.fast.merge_partitions`
gives, refusing an owner found in two partitions (their months would have been split).
:func:`what_if_batches` is the function Spark's ``mapInPandas`` calls.

The columns are read as the frames arrive from Parquet (through pyarrow) and from Spark's
Arrow conversion:

- the owner: text — ``object`` holding ``str``, a pandas string dtype, or a categorical of
  text (a hive-partitioned Parquet column reads back as one);
- the day: ``object`` holding ``datetime.date`` (Spark's ``DateType``, Arrow's ``date32``),
  or ``datetime64`` of any unit when every value is a midnight (a ``TimestampType`` column,
  or a frame built by hand); a time of day is refused, never dropped;
- the amount: integer fen in an integer dtype (Spark's ``LongType`` is ``int64``), or, when
  named with ``amount_yuan=``, ``decimal.Decimal`` yuan in an ``object`` column (Spark's
  ``DecimalType``), each a whole number of fen.

A missing column, a column of another dtype and a null are refused with a typed error
naming the column (and the row, counted from 0 in the frame given). pandas is imported
only when a frame is read; without it the call raises
:class:`~hrpolicy.core.errors.MissingDependencyError` naming the ``pandas`` extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from types import ModuleType
from typing import Any, Final

from hrpolicy.commission.fast import compare_columns, merge_partitions
from hrpolicy.commission.plan import Plan
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.libraries import require_library

__all__ = ["RESULT_COLUMNS", "compare_frame", "merge_frame", "result_meta", "what_if_batches"]

#: The columns of :func:`compare_frame`'s result, in order.
RESULT_COLUMNS: Final[tuple[str, str, str]] = ("owner", "baseline_fen", "candidate_fen")

_HUNDRED: Final = Decimal(100)


def _pandas() -> ModuleType:
    return require_library("pandas", "pandas", "hrpolicy.commission.frames")


def _series(frame: Any, name: str) -> Any:
    """The column ``name`` of ``frame``, refused when absent or holding a null."""
    if name not in frame.columns:
        raise InvalidValueError(
            f"frame.{name}", f"a column {name!r} (columns: {list(map(str, frame.columns))})"
        )
    series = frame[name]
    missing = series.isna().to_numpy().nonzero()[0]
    if len(missing):
        row = int(missing[0])
        raise InvalidValueError(f"{name}[{row}]", "a value (no nulls)", series.iloc[row])
    return series


def _wrong_dtype(name: str, expected: str, series: Any) -> InvalidTypeError:
    return InvalidTypeError(f"frame.{name}", expected, f"a column of dtype {series.dtype}")


def _owners(series: Any, name: str) -> list[str]:
    kind = series.dtype.kind
    values: list[Any] = series.tolist()
    if kind not in ("O", "U", "T") and str(series.dtype) not in ("category", "string", "str"):
        raise _wrong_dtype(name, "text (object str, a string dtype or a categorical)", series)
    for row, value in enumerate(values):
        if type(value) is not str or not value.strip():
            raise InvalidValueError(f"{name}[{row}]", "an employee id (non-empty text)", value)
    return values


def _days(series: Any, name: str) -> list[date]:
    if series.dtype.kind == "M":
        midnight = series.dt.normalize() == series
        late = (~midnight.to_numpy()).nonzero()[0]
        if len(late):
            row = int(late[0])
            raise InvalidValueError(f"{name}[{row}]", "a day (a midnight)", series.iloc[row])
        # datetime64 gives Timestamps; an Arrow date32 dtype (kind "M" too) gives dates
        return [day if type(day) is date else day.date() for day in series.tolist()]
    values: list[Any] = series.tolist()
    for row, value in enumerate(values):
        if type(value) is not date:  # a datetime is a date subclass: refused too
            if row == 0 and not isinstance(value, date):
                raise _wrong_dtype(name, "dates (object datetime.date, or datetime64)", series)
            raise InvalidValueError(f"{name}[{row}]", "a datetime.date", value)
    return values


def _fen_array(series: Any, name: str) -> Any:
    """Whole fen as the column's NumPy integer array."""
    if series.dtype.kind not in ("i", "u"):
        raise _wrong_dtype(name, "whole fen in an integer dtype (int64)", series)
    return series.to_numpy()


def _fen(series: Any, name: str) -> list[int]:
    values: list[int] = _fen_array(series, name).tolist()
    return values


def _yuan(series: Any, name: str) -> list[int]:
    fens = []
    for row, value in enumerate(series.tolist()):
        if type(value) is not Decimal or not value.is_finite():
            if row == 0 and series.dtype.kind != "O":
                raise _wrong_dtype(name, "decimal.Decimal yuan (an object column)", series)
            raise InvalidValueError(f"{name}[{row}]", "a decimal.Decimal amount in yuan", value)
        fen = value * _HUNDRED
        if fen != fen.to_integral_value():
            raise InvalidValueError(f"{name}[{row}]", "a whole number of fen", value)
        fens.append(int(fen))
    return fens


def compare_frame(
    baseline: Plan,
    candidate: Plan,
    frame: Any,
    *,
    owner: str = "owner",
    day: str = "signed_on",
    amount_fen: str = "amount_fen",
    amount_yuan: str | None = None,
) -> Any:
    """Each owner's commission under ``baseline`` and ``candidate`` for the deals of
    ``frame`` (a pandas ``DataFrame``, one row per deal), as a frame of
    :data:`RESULT_COLUMNS` ordered by owner. The deals of an owner must all be in this
    frame (partition by owner): their months are paid as a whole.

    Args:
        baseline: the plan in force.
        candidate: the plan compared with it.
        frame: the deals; other columns are ignored.
        owner (optional): the column of employee ids.
        day (optional): the column of signing days.
        amount_fen (optional): the column of amounts in whole fen (integer dtype).
        amount_yuan (optional): read amounts from this column of ``decimal.Decimal``
            yuan instead (a Spark ``DecimalType``).

    >>> import pandas
    >>> from datetime import date
    >>> from hrpolicy.commission import Commission, Measure, Plan, PlanVersion
    >>> from hrpolicy.core import BandTable, Semantics, Side
    >>> def plan(plan_id: str, second_band_from: int) -> Plan:
    ...     table = BandTable.from_thresholds(
    ...         [0, second_band_from], ["0.01", "0.02"], closed=Side.UPPER,
    ...         semantics=Semantics.MARGINAL,
    ...     )
    ...     sales = Commission(component_id="c", name="提成", measure=Measure.SALES, table=table)
    ...     version = PlanVersion(version="v", effective_from=date(2025, 1, 1), components=(sales,))
    ...     return Plan(plan_id=plan_id, name=plan_id, versions=(version,))
    >>> deals = pandas.DataFrame(
    ...     {
    ...         "owner": ["wang", "li", "li"],
    ...         "signed_on": [date(2025, 3, 5), date(2025, 3, 3), date(2025, 3, 20)],
    ...         "amount_fen": [500_000, 3_000_000, 4_000_000],
    ...     }
    ... )
    >>> compare_frame(plan("now", 30000), plan("new", 20000), deals)
      owner  baseline_fen  candidate_fen
    0    li        110000         120000
    1  wang          5000           5000
    >>> compare_frame(plan("now", 30000), plan("new", 20000), deals.drop(columns="signed_on"))
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: frame.signed_on: expected a column 'signed_on'
    (columns: ['owner', 'amount_fen'])
    """
    pandas = _pandas()
    if not isinstance(frame, pandas.DataFrame):
        raise InvalidTypeError("frame", "a pandas DataFrame", frame)
    numpy = require_library("numpy", "numpy", "hrpolicy.commission.frames")
    # Checked here by column name and row, then handed over as NumPy arrays so that
    # compare_columns groups and pays them with vectorised code.
    owners = numpy.array(_owners(_series(frame, owner), owner), dtype=object)
    days = _days(_series(frame, day), day)
    if amount_yuan is None:
        fen_array = _fen_array(_series(frame, amount_fen), amount_fen)
    else:
        yuan = _yuan(_series(frame, amount_yuan), amount_yuan)
        fen_array = numpy.array(yuan, dtype=object if max(yuan, default=0) >> 63 else numpy.int64)
    day_array = numpy.array(days, dtype="datetime64[D]")
    result = compare_columns(baseline, candidate, owners, day_array, fen_array)
    totals: dict[str, list[int]] = {}
    for side, run in enumerate((result.baseline, result.candidate)):
        for (name, _, _), fen in run.months.items():
            totals.setdefault(name, [0, 0])[side] += fen
    names = sorted(totals)
    return pandas.DataFrame(
        {
            "owner": pandas.Series(names, dtype=object),
            "baseline_fen": pandas.Series([totals[n][0] for n in names], dtype="int64"),
            "candidate_fen": pandas.Series([totals[n][1] for n in names], dtype="int64"),
        }
    )


def result_meta() -> Any:
    """An empty frame shaped as :func:`compare_frame`'s result (Dask's ``meta=``)."""
    pandas = _pandas()
    return pandas.DataFrame(
        {
            "owner": pandas.Series([], dtype=object),
            "baseline_fen": pandas.Series([], dtype="int64"),
            "candidate_fen": pandas.Series([], dtype="int64"),
        }
    )


def what_if_batches(
    baseline: Plan, candidate: Plan, batches: Iterable[Any], **columns: Any
) -> Iterator[Any]:
    """The function Spark's ``mapInPandas`` runs on one partition: its batches (pandas
    frames, as Spark's Arrow conversion delivers them) read together — an owner's deals may
    come in several batches of the partition — and one :func:`compare_frame` result
    yielded. ``columns`` are :func:`compare_frame`'s keyword options."""
    pandas = _pandas()
    frames = list(batches)
    if not frames:
        yield result_meta()
        return
    whole = pandas.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    yield compare_frame(baseline, candidate, whole.reset_index(drop=True), **columns)


def merge_frame(frame: Any) -> list[dict[str, Any]]:
    """The collected results of every partition (a frame of :data:`RESULT_COLUMNS`) as one
    row per owner in yuan, as :func:`~hrpolicy.commission.fast.merge_partitions` gives
    them; an owner in two rows (split across partitions) is refused."""
    pandas = _pandas()
    if not isinstance(frame, pandas.DataFrame):
        raise InvalidTypeError("frame", "a pandas DataFrame", frame)
    owners = _owners(_series(frame, "owner"), "owner")
    before = _fen(_series(frame, "baseline_fen"), "baseline_fen")
    after = _fen(_series(frame, "candidate_fen"), "candidate_fen")
    return merge_partitions(
        [{name: (b, c)} for name, b, c in zip(owners, before, after, strict=True)]
    )
