"""A collection case holds every input of a run of months: it settles to what the engine
computes from the same inputs, reads back from the data it writes, and bad data is
refused naming the place in it."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import pytest

import hrpolicy.strategies  # noqa: F401 - registers the case strategies
from hrpolicy import ConversionError, InvalidValueError, from_dict, to_dict
from hrpolicy.collection import (
    CollectionCase,
    CollectionInputs,
    CollectionMonth,
    CollectionPolicy,
    Period,
    TeamCollectionRun,
)
from hrpolicy.collection.examples import example_bad_debt
from hrpolicy.core.engines import engine


def _through_json(data: Any) -> Any:
    return json.loads(json.dumps(data), parse_float=Decimal)


def test_the_example_case_settles_to_the_worked_bad_debt_months() -> None:
    run = engine("collection").example_case().settle()
    january, february, march = example_bad_debt()
    assert run.statements == (january, february, march)
    assert [(str(s.period), s.total) for s in run] == [
        ("2024-01", Decimal("2700.00")),
        ("2024-02", Decimal("0.00")),
        ("2024-03", Decimal("-700.00")),
    ]
    assert run.run_of("li").state_out.to_recover == Decimal("2000.00")


def test_the_engine_runs_its_example_case_to_its_declared_result_type() -> None:
    spec = engine("collection")
    result = spec.run(spec.example_case())
    assert type(result) is spec.result_type is TeamCollectionRun
    assert spec.case_type is CollectionCase
    assert spec.policy_types == (CollectionPolicy,)
    assert [r["period"] for r in result.to_records("totals")] == ["2024-01", "2024-02", "2024-03"]
    assert "li" in result.to_text("zh_CN")


def test_a_gap_between_months_is_refused_naming_the_month_after_it() -> None:
    data = to_dict(engine("collection").example_case())
    data["months"][2]["period"] = {"year": 2024, "month": 4}
    with pytest.raises(
        ConversionError, match=r"\$\.months\[2\]\.period: expected the month after 2024-02"
    ):
        from_dict(data, CollectionCase)


def test_a_year_given_as_a_month_is_refused_naming_it() -> None:
    data = to_dict(engine("collection").example_case())
    data["months"][1]["period"] = {"year": 2024}
    with pytest.raises(ConversionError, match=r"\$\.months\[1\]\.period: expected a month"):
        from_dict(data, CollectionCase)


def test_a_case_with_no_month_is_refused() -> None:
    case = engine("collection").example_case()
    with pytest.raises(InvalidValueError, match=r"CollectionCase\.months: expected at least one"):
        attrs.evolve(case, months=())


def test_a_salesperson_listed_twice_in_a_month_is_refused_naming_the_month() -> None:
    data = to_dict(engine("collection").example_case())
    data["months"][0]["inputs"].append(data["months"][0]["inputs"][0])
    with pytest.raises(ConversionError, match=r"\$\.months\[0\]\.inputs\[1\]: expected a unique"):
        from_dict(data, CollectionCase)


def test_a_state_given_after_a_person_s_first_month_is_refused_when_run() -> None:
    case = engine("collection").example_case()
    state = example_bad_debt()[0].state_out
    march = case.months[2]
    late_state = attrs.evolve(march, inputs=(attrs.evolve(march.inputs[0], state=state),))
    with pytest.raises(InvalidValueError, match=r"inputs\[2024-03\]\(li\)\.state"):
        attrs.evolve(case, months=(*case.months[:2], late_state)).settle()


def test_a_person_listed_only_from_the_second_month_joins_the_run_then() -> None:
    case = engine("collection").example_case()
    wang = CollectionMonth(
        period=Period(year=2024, month=2),
        inputs=(*case.months[1].inputs, CollectionInputs(employee="wang")),
    )
    run = attrs.evolve(case, months=(case.months[0], wang, case.months[2])).settle()
    assert [(str(s.period), s.employee) for s in run] == [
        ("2024-01", "li"),
        ("2024-02", "li"),
        ("2024-02", "wang"),
        ("2024-03", "li"),
        ("2024-03", "wang"),
    ]
