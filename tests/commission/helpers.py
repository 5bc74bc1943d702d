"""Small builders for commission tests: a one-version plan, a deal and a month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hrpolicy.commission import (
    BandTable,
    Commission,
    Component,
    Deal,
    Measure,
    Period,
    PersonInputs,
    Plan,
    PlanVersion,
    Semantics,
    Side,
    Statement,
    evaluate,
)

MARCH = Period(year=2024, month=3)


def plan(*components: Component, **version: Any) -> Plan:
    """A plan with one version in force from 2024-01-01."""
    return Plan(
        plan_id="p",
        name="test plan",
        versions=(
            PlanVersion(
                version="v1", effective_from=date(2024, 1, 1), components=components, **version
            ),
        ),
    )


def tiers(
    thresholds: list[int | str],
    values: list[str],
    semantics: Semantics = Semantics.MARGINAL,
    closed: Side = Side.UPPER,
) -> BandTable:
    """A band table from thresholds (e.g. ``[0, 30000]``) and values."""
    return BandTable.from_thresholds(thresholds, values, closed=closed, semantics=semantics)


def commission(
    thresholds: list[int | str] | None = None,
    values: list[str] | None = None,
    semantics: Semantics = Semantics.MARGINAL,
    **changes: Any,
) -> Commission:
    """Sales commission: 1 % up to 30,000, 2 % above, unless told otherwise."""
    fields: dict[str, Any] = {
        "component_id": "c",
        "name": "提成",
        "measure": Measure.SALES,
        "table": tiers(thresholds or [0, 30000], values or ["0.01", "0.02"], semantics),
    }
    fields.update(changes)
    return Commission(**fields)


def deal(
    deal_id: str = "D1",
    amount: str | int | Decimal | None = 10000,
    day: str = "2024-03-10",
    **changes: Any,
) -> Deal:
    """A deal owned by 'li', signed in March 2024 (``amount=None``: no contract amount)."""
    return Deal(
        deal_id=deal_id,
        owner="li",
        signed_on=date.fromisoformat(day),
        amount=None if amount is None else Decimal(amount),
        **changes,
    )


def run(the_plan: Plan, deals: list[Deal], period: Period = MARCH, **inputs: Any) -> Statement:
    """Li's statement for the period (March 2024 by default)."""
    return evaluate(the_plan, period, deals, PersonInputs(employee="li", **inputs))


def amounts(statement: Statement) -> dict[str, Decimal]:
    """Line id → amount."""
    return {line.line_id: line.amount for line in statement.lines}
