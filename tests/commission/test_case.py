"""A commission case holds every input of one run: it evaluates to what the engine
computes from the same inputs, reads back from the data it writes, and bad data is
refused naming the place in it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import hrpolicy.strategies  # noqa: F401 - registers the case strategies
from hrpolicy import ConversionError, from_dict, to_dict
from hrpolicy.commission import (
    CommissionCase,
    Deal,
    Period,
    PersonInputs,
    Plan,
    TeamStatement,
    evaluate_team,
)
from hrpolicy.commission.examples import example_month, year_end_plan
from hrpolicy.core.engines import engine


def _through_json(data: Any) -> Any:
    return json.loads(json.dumps(data), parse_float=Decimal)


def test_the_example_case_evaluates_to_the_worked_example_month() -> None:
    case = engine("commission").example_case()
    team = case.evaluate()
    assert team == evaluate_team(*example_month())
    assert [(s.employee, s.total) for s in team] == [("li", Decimal("3106.67"))]
    assert {line.line_id: line.amount for line in team.of("li").lines} == {
        "base": Decimal("3000.00"),
        "above-target/C-101": Decimal("0.00"),  # wholly below the 30,000 target
        "above-target/C-102": Decimal("106.67"),
    }


def test_the_engine_runs_its_example_case_to_its_declared_result_type() -> None:
    spec = engine("commission")
    result = spec.run(spec.example_case())
    assert type(result) is spec.result_type is TeamStatement
    assert spec.case_type is CommissionCase
    assert spec.policy_types == (Plan,)
    assert "li" in result.to_text("en")
    assert result.to_records("totals")[0]["total"] == Decimal("3106.67")


def test_a_deal_amount_written_as_a_float_is_refused_naming_its_path() -> None:
    data = to_dict(engine("commission").example_case())
    data["deals"][0]["amount"] = 20000.5
    with pytest.raises(ConversionError, match=r"\$\.deals\[0\]\.amount: expected"):
        from_dict(data, CommissionCase)


def test_a_case_must_list_its_deals_even_when_there_are_none() -> None:
    data = to_dict(engine("commission").example_case())
    del data["deals"]
    with pytest.raises(ConversionError, match=r"\$\.deals: expected"):
        from_dict(data, CommissionCase)


def test_a_year_case_evaluates_the_year_end_statement_of_the_year_s_deals() -> None:
    deals = tuple(
        Deal(deal_id=f"D{m}", owner="li", signed_on=date(2024, m, 10), amount=Decimal(40000))
        for m in range(1, 13)
    )
    case = CommissionCase(plan=year_end_plan(), period=Period(year=2024), deals=deals)
    team = case.evaluate()
    assert team.total == Decimal("4800.00")  # 480,000 of sales reach the 1 % rate
    assert from_dict(_through_json(to_dict(case)), CommissionCase) == case


def test_a_person_with_inputs_and_no_deal_is_in_the_team() -> None:
    plan, period, deals, inputs = example_month()
    wang = PersonInputs(employee="wang", new_dealers=0, minimum_wage=Decimal(2690))
    team = CommissionCase(plan=plan, period=period, deals=deals, inputs=(*inputs, wang)).evaluate()
    assert [(s.employee, s.total) for s in team] == [
        ("li", Decimal("3106.67")),
        ("wang", Decimal("0.00")),  # no sales: no part of the task base
    ]


def test_a_deal_given_twice_is_refused_on_reading_naming_the_second() -> None:
    data = to_dict(engine("commission").example_case())
    data["deals"].append(data["deals"][0])
    with pytest.raises(ConversionError, match=r"\$\.deals\[2\]: expected a unique deal_id"):
        from_dict(data, CommissionCase)


def test_two_inputs_of_one_person_are_refused_on_reading_naming_the_second() -> None:
    data = to_dict(engine("commission").example_case())
    data["inputs"].append(data["inputs"][0])
    with pytest.raises(ConversionError, match=r"\$\.inputs\[1\]: expected a unique employee"):
        from_dict(data, CommissionCase)
