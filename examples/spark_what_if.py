"""A two-plan commission what-if on Spark, one partition of owners per task.

Run with PySpark installed (it brings its own JVM launcher; Java 17 must be on PATH):

    pip install 'hrpolicy[pandas]' pyspark
    python examples/spark_what_if.py

The deals are generated here so the example runs as written; replace ``deals`` with your
own table of (owner string, signed_on date, amount_fen long). Each owner's deals are sent
to one partition (``repartition("owner")``), the partition's Arrow batches are read
together by :func:`hrpolicy.commission.frames.what_if_batches` (an owner may span several
batches), and the collected rows are checked by ``merge_frame``: an owner found in two
partitions is refused.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from hrpolicy.commission import Commission, Measure, Plan, PlanVersion
from hrpolicy.commission.fast import compare_columns
from hrpolicy.commission.frames import merge_frame, what_if_batches
from hrpolicy.core import BandTable, Semantics, Side


def plan(plan_id: str, second_band_from: int) -> Plan:
    """A marginal 1 % / 2 % / 3 % sales commission whose second band starts as given."""
    table = BandTable.from_thresholds(
        [0, second_band_from, 100000],
        ["0.01", "0.02", "0.03"],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    component = Commission(component_id="c", name="提成", measure=Measure.SALES, table=table)
    version = PlanVersion(version="v", effective_from=date(2024, 1, 1), components=(component,))
    return Plan(plan_id=plan_id, name=plan_id, versions=(version,))


BASELINE, CANDIDATE = plan("current", 30000), plan("candidate", 25000)


def what_if(batches: Iterator[Any]) -> Iterator[Any]:
    """Runs on the executors; the plans are pickled to them with this function."""
    return what_if_batches(BASELINE, CANDIDATE, batches)


def main() -> None:
    from pyspark.sql import SparkSession  # noqa: PLC0415 - needed only where Spark runs

    spark = SparkSession.builder.appName("hrpolicy what-if").getOrCreate()
    spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "true")
    rng = random.Random(1)
    rows = [
        (
            f"s{rng.randrange(30):02d}",
            date(2024, 1, 1) + timedelta(days=rng.randrange(366)),
            rng.randrange(100, 2_000_000),
        )
        for _ in range(3000)
    ]
    deals = spark.createDataFrame(rows, schema="owner string, signed_on date, amount_fen long")
    result = deals.repartition(8, "owner").mapInPandas(
        what_if, schema="owner string, baseline_fen long, candidate_fen long"
    )
    merged = merge_frame(result.toPandas())
    single = compare_columns(BASELINE, CANDIDATE, *map(list, zip(*rows, strict=True)))
    assert merged == single.to_records("people"), "the cluster and one process disagree"
    for row in merged[:5]:
        print(row["employee"], row["baseline"], row["candidate"], row["difference"])
    print("total difference", single.difference, "yuan over", len(merged), "people")
    spark.stop()


if __name__ == "__main__":
    main()
