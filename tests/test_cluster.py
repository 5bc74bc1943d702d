"""A what-if over a partitioned data set on a local Dask cluster of worker processes:
plans, rows and results cross process boundaries by pickling, nothing global is read, and
the answer equals the single-process one."""

from __future__ import annotations

import pickle
import random
from datetime import date, timedelta

import pytest

from hrpolicy import InvalidValueError
from hrpolicy.commission.fast import compare_columns, compare_partition, merge_partitions
from tests.helpers import what_if_plan

distributed = pytest.importorskip("distributed")


def _rows(count: int) -> list[tuple[str, date, int]]:
    rng = random.Random(7)
    return [
        (
            f"s{rng.randrange(40):02d}",
            date(2024, 1, 1) + timedelta(days=rng.randrange(366)),
            rng.randrange(100, 3_000_000),
        )
        for _ in range(count)
    ]


def test_plans_and_results_pickle_cleanly() -> None:
    baseline = what_if_plan("a", 30000)
    assert pickle.loads(pickle.dumps(baseline)) == baseline
    result = compare_partition(baseline, what_if_plan("b", 25000), _rows(50))
    assert pickle.loads(pickle.dumps(result)) == result


def test_an_owner_split_across_partitions_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="each owner in one partition"):
        merge_partitions([{"li": (1, 1)}, {"li": (2, 2)}])


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_what_if_on_a_local_cluster_equals_the_single_process_answer() -> None:
    baseline, candidate = what_if_plan("a", 30000), what_if_plan("b", 25000)
    rows = _rows(5000)
    partitions: dict[int, list[tuple[str, date, int]]] = {}
    for row in rows:  # partition by owner: each owner's months stay whole
        partitions.setdefault(int(row[0][1:]) % 4, []).append(row)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        futures = [
            client.submit(compare_partition, baseline, candidate, part, pure=True)
            for part in partitions.values()
        ]
        merged = merge_partitions(client.gather(futures))
    single = compare_columns(
        baseline, candidate, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
    )
    assert merged == single.to_records("people")
