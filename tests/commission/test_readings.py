"""The task base's open readings: which dealers count, and the literal sales proration."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import InvalidValueError, PolicyDefinitionError
from hrpolicy.commission import (
    DealerCount,
    Plan,
    Proration,
    Statement,
    TaskBase,
    TeamStatement,
    evaluate,
    evaluate_team,
)
from hrpolicy.commission.examples import (
    example_month,
    literal_task_base_plan,
    signed_dealers_task_base_plan,
    task_base_plan,
)
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.tables import read_person_inputs
from tests.commission.helpers import MARCH, deal, run


def _base_step(statement: Statement) -> dict[str, object]:
    """The inputs of the step that computed the base line."""
    line = statement.find_line("base")
    assert line is not None
    (step,) = line.steps
    assert step.rule == "task_base.base"
    return dict(step.inputs)


def test_a_renewed_dealer_counts_when_the_plan_counts_every_dealer_signed() -> None:
    # 30,000 of sales (100 %); 1 new dealer and 2 renewed: 3 signed of the 3 targeted.
    # Counting signed dealers, both targets are met: the full 3,000.
    sales = [deal("D1", 30000, values={"list": Decimal(30000)})]
    statement = run(signed_dealers_task_base_plan(), sales, new_dealers=1, signed_dealers=3)
    assert statement.component_total("base") == Decimal("3000.00")
    inputs = _base_step(statement)
    assert inputs["dealers_counted"] == "signed"
    assert inputs["signed_dealers"] == 3
    assert "new_dealers" not in inputs


def test_the_same_month_counting_only_new_dealers_pays_a_third_of_the_base() -> None:
    # Only the 1 new dealer counts: 1/3 attainment, the lower one: 3,000 × 1/3 = 1,000.
    sales = [deal("D1", 30000, values={"list": Decimal(30000)})]
    statement = run(task_base_plan(), sales, new_dealers=1, signed_dealers=3)
    assert statement.component_total("base") == Decimal("1000.00")
    assert _base_step(statement)["dealers_counted"] == "new"


def test_a_plan_counting_signed_dealers_needs_the_signed_count() -> None:
    sales = [deal("D1", 30000, values={"list": Decimal(30000)})]
    with pytest.raises(InvalidValueError) as raised:
        run(signed_dealers_task_base_plan(), sales, new_dealers=3)
    assert str(raised.value) == (
        "PersonInputs(li).signed_dealers: expected a value: component 'base' needs it, got None"
    )


def test_fewer_dealers_signed_than_new_dealers_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"signed_dealers: expected at least the 3"):
        run(task_base_plan(), [], new_dealers=3, signed_dealers=2)


def test_read_literally_sales_on_target_pay_the_full_base_with_a_dealer_short() -> None:
    # Sales 36,000 (120 %), 2 of 3 dealers. Literal reading: pro rata to sales, capped at
    # 100 %: 3,000. The lower-attainment reading would pay 3,000 × 2/3 = 2,000.
    sales = [deal("D1", 36000, values={"list": Decimal(36000)})]
    statement = run(literal_task_base_plan(), sales, new_dealers=2)
    assert statement.component_total("base") == Decimal("3000.00")
    finding = next(f for f in statement.findings if f.code == "task_base_literal_reading")
    assert finding.severity.value == "warning"
    assert (finding.param("amount"), finding.param("lowest_amount")) == (
        Decimal("3000.00"),
        Decimal("2000.00"),
    )
    # The step names the reading by the policy field that chose it.
    assert _base_step(statement)["literal_sales_proration"] is True
    assert "reading" not in _base_step(statement)


def test_read_literally_24000_of_sales_pay_80_percent_whatever_the_dealers() -> None:
    # 24,000 ÷ 30,000 = 80 %; no dealer signed: still 3,000 × 80 % = 2,400 (the lower
    # attainment, 0 dealers, would pay nothing).
    sales = [deal("D1", 24000, values={"list": Decimal(24000)})]
    statement = run(literal_task_base_plan(), sales, new_dealers=0)
    assert statement.component_total("base") == Decimal("2400.00")
    finding = next(f for f in statement.findings if f.code == "task_base_literal_reading")
    assert finding.param("lowest_amount") == Decimal("0.00")


def test_read_literally_with_both_targets_met_there_is_nothing_to_report() -> None:
    sales = [deal("D1", 30000, values={"list": Decimal(30000)})]
    statement = run(literal_task_base_plan(), sales, new_dealers=3)
    assert statement.component_total("base") == Decimal("3000.00")
    assert "task_base_literal_reading" not in [f.code for f in statement.findings]


def test_prorating_on_sales_with_a_dealer_target_still_needs_the_literal_option() -> None:
    fields = {
        "component_id": "base",
        "name": "任务底薪",
        "amount": Decimal(3000),
        "sales_target": Decimal(30000),
        "dealer_target": 3,
        "proration": Proration.SALES,
    }
    with pytest.raises(PolicyDefinitionError, match="set literal_sales_proration"):
        TaskBase(**fields)  # type: ignore[arg-type]
    with pytest.raises(PolicyDefinitionError, match=r"^TaskBase\.literal_sales_proration"):
        TaskBase(**{**fields, "proration": Proration.LOWEST, "literal_sales_proration": True})  # type: ignore[arg-type]
    with pytest.raises(PolicyDefinitionError, match=r"^TaskBase\.dealers_counted"):
        TaskBase(**{**fields, "dealer_target": 0, "dealers_counted": DealerCount.SIGNED})  # type: ignore[arg-type]


def test_both_readings_round_trip_through_plain_data_and_the_defaults_are_not_written() -> None:
    for plan in (literal_task_base_plan(), signed_dealers_task_base_plan()):
        assert from_dict(to_dict(plan), Plan) == plan
    written = to_dict(task_base_plan())["versions"][0]["components"][0]
    assert "dealers_counted" not in written
    assert "literal_sales_proration" not in written


@settings(max_examples=80, deadline=None)
@given(
    sales=st.integers(min_value=0, max_value=60_000),
    new=st.integers(min_value=0, max_value=5),
    renewed=st.integers(min_value=0, max_value=5),
)
def test_counting_signed_dealers_or_reading_literally_never_pays_less_than_the_default(
    sales: int, new: int, renewed: int
) -> None:
    deals = [deal("D1", sales, values={"list": Decimal(sales)})] if sales else []

    def base(plan: Plan) -> Decimal:
        statement = run(plan, deals, new_dealers=new, signed_dealers=new + renewed)
        return statement.component_total("base")

    default = base(task_base_plan())
    signed = base(signed_dealers_task_base_plan())
    literal = base(literal_task_base_plan())
    assert default <= signed <= Decimal(3000)
    assert default <= literal <= Decimal(3000)
    # The literal reading is the sales attainment alone, capped at the full base.
    expected = min(Decimal(3000), Decimal(3000) * Decimal(sales) / Decimal(30000))
    assert literal == expected.quantize(Decimal("0.01"))
    if not renewed:
        assert signed == default


def test_a_people_table_gives_the_signed_dealers_a_plan_counting_them_needs() -> None:
    (li,) = read_person_inputs([{"employee": "li", "new_dealers": "1", "signed_dealers": "3"}])
    sales = [deal("D1", 30000, values={"list": Decimal(30000)})]
    statement = evaluate(signed_dealers_task_base_plan(), MARCH, sales, li)
    assert (li.signed_dealers, statement.component_total("base")) == (3, Decimal("3000.00"))


# --- results stored before the readings were named ------------------------------------------

_FORMAT_1_TEAM = Path(__file__).parent / "data" / "format-1-team-statement-task-base.json"


def test_a_team_statement_stored_before_the_dealer_reading_was_named_still_reads() -> None:
    # Written at 4043ba4 (format 1): its task base with a dealer target carries no
    # dealers_counted input; read today it is the reading it was computed under (new
    # dealers) and recomputes to the same statement.
    data = json.loads(_FORMAT_1_TEAM.read_text(encoding="utf-8"))
    assert data["format"] == 1
    team = from_dict(data, TeamStatement)
    assert team == evaluate_team(*example_month())
    (step,) = team.statements[0].line("base").steps
    names = [name for name, _ in step.inputs]
    assert names[names.index("dealer_target") + 1] == "dealers_counted"
    assert step.input_map["dealers_counted"] == "new"
    assert to_dict(team)["format"] == 2
