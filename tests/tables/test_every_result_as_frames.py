"""Every table of a result of every engine becomes an Arrow table, a pandas frame of Arrow
dtypes and a polars frame with no float column, and comes back from Parquet unchanged."""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from hrpolicy.bonds import settle_cases
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.collection.examples import example_bad_debt
from hrpolicy.commission import evaluate_team
from hrpolicy.commission.examples import example_month
from hrpolicy.reports import MonthInputs, Period, score_month
from hrpolicy.reports.examples import example_team_week, salesperson_card
from hrpolicy.tables import from_arrow, to_arrow, to_pandas, to_polars


def _team() -> Any:
    return evaluate_team(*example_month())


def _score() -> Any:
    from hrpolicy.core import TableCalendar  # noqa: PLC0415

    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    return score_month(
        salesperson_card(),
        Period(year=2024, month=3),
        MonthInputs(employee="li", daily_work=Decimal(70)),
        calendar,
    )


def _year_run() -> Any:
    from datetime import date  # noqa: PLC0415

    from hrpolicy.commission import Deal, compare_year, evaluate_team_year  # noqa: PLC0415
    from hrpolicy.commission.examples import magazine_plan  # noqa: PLC0415

    deals = [
        Deal(deal_id="M-1", owner="li", signed_on=date(2024, 3, 5), units=Decimal(25)),
        Deal(deal_id="M-2", owner="wang", signed_on=date(2024, 4, 6), units=Decimal(22)),
    ]
    spring = [Period(year=2024, month=m) for m in (3, 4)]
    return evaluate_team_year(magazine_plan(), spring, deals), compare_year(
        magazine_plan("marginal"), magazine_plan("whole"), spring, deals
    )


def _collection_run() -> Any:
    from hrpolicy.collection import settle_run  # noqa: PLC0415
    from hrpolicy.collection.examples import reserve_policy  # noqa: PLC0415

    receivables = example_bad_debt()[-1].receivables
    return settle_run(
        reserve_policy(), [Period(year=2024, month=m) for m in (1, 2)], receivables, "li"
    )


def _bond_what_if() -> Any:
    from hrpolicy.bonds import BondPolicy, TimeUnit, compare_policies  # noqa: PLC0415

    return compare_policies([electrician_case()], BondPolicy(), BondPolicy(unit=TimeUnit.DAYS))


def _recovery() -> Any:
    from hrpolicy.collection import recovery_schedule  # noqa: PLC0415

    return recovery_schedule(
        Decimal(2000),
        [("2024-04", Decimal(3500), Decimal(2690)), ("2024-05", Decimal(2800), Decimal(2690))],
    )


def _annual() -> Any:
    from hrpolicy.reports import annual_score  # noqa: PLC0415

    scores = [82, 75, 69, 68, 66, 74, 80, 81, 79, 83, 85, 84]
    year = {Period(year=2024, month=m): Decimal(s) for m, s in enumerate(scores, 1)}
    return annual_score(year, employee="li")


def _fast() -> Any:
    from datetime import date  # noqa: PLC0415

    from hrpolicy.commission import (  # noqa: PLC0415
        BandTable,
        Commission,
        Measure,
        Plan,
        PlanVersion,
        Semantics,
        Side,
    )
    from hrpolicy.commission.fast import compare_columns  # noqa: PLC0415

    def plan(second: int) -> Plan:
        table = BandTable.from_thresholds(
            [0, second], ["0.01", "0.02"], closed=Side.UPPER, semantics=Semantics.MARGINAL
        )
        component = Commission(component_id="c", name="提成", measure=Measure.SALES, table=table)
        version = PlanVersion(version="v", effective_from=date(2024, 1, 1), components=(component,))
        return Plan(plan_id=f"p{second}", name="p", versions=(version,))

    days = [date(2024, 3, 5), date(2024, 4, 6)]
    return compare_columns(plan(30000), plan(25000), ["li", "wang"], days, [2_500_000, 1_000_000])


def _charges() -> Any:
    from hrpolicy.charges.examples import part_time_lost_materials_case  # noqa: PLC0415

    return part_time_lost_materials_case().settle()


def _charges_after_leaving() -> Any:
    from hrpolicy.charges import Relationship  # noqa: PLC0415
    from hrpolicy.charges.examples import student_lost_materials_case  # noqa: PLC0415

    return student_lost_materials_case(Relationship.LABOUR_CONTRACT).settle()


RESULTS: dict[str, Callable[[], Any]] = {
    "a charges settlement with recovery from wages": _charges,
    "a charges settlement after leaving, under a labour contract": _charges_after_leaving,
    "a recovery schedule under the wage cap": _recovery,
    "an annual score": _annual,
    "a columnar what-if": _fast,
    "a team's year run": lambda: _year_run()[0],
    "a what-if of two plans over months": lambda: _year_run()[1],
    "a collection run": _collection_run,
    "a what-if of two bond policies": _bond_what_if,
    "a separation settlement": lambda: settle_cases([electrician_case()])[0],
    "a team's commission month": _team,
    "a collection statement with a clawback": lambda: example_bad_debt()[-1],
    "a weekly report check": lambda: example_team_week()[0],
    "a monthly score": _score,
}


@pytest.mark.parametrize("name", RESULTS)
def test_every_table_of_the_result_is_typed_in_every_frame_library(name: str) -> None:
    result = RESULTS[name]()
    for table_name, table in result.tables().items():
        arrow = to_arrow(result, table_name)
        assert arrow.num_rows == len(table)
        frame = to_pandas(result, table_name)
        assert all(isinstance(dtype, pd.ArrowDtype) for dtype in frame.dtypes), table_name
        polars_frame = to_polars(result, table_name)
        assert not [d for d in polars_frame.dtypes if d.is_float()], table_name
        buffer = io.BytesIO()
        pq.write_table(arrow, buffer)
        assert from_arrow(pq.read_table(io.BytesIO(buffer.getvalue()))) == table, table_name
        back = pd.read_parquet(io.BytesIO(buffer.getvalue()), dtype_backend="pyarrow")
        assert back.equals(frame), table_name
        assert pl.read_parquet(io.BytesIO(buffer.getvalue())).equals(
            polars_frame, null_equal=True
        ), table_name
