"""KPI card figures and quota months read from tables (rows or data frames)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hrpolicy.core.period import Period
from hrpolicy.reports.cards import PayPart, apply_quotas, score_card
from hrpolicy.reports.examples import quarterly_kpi_card, visit_and_closing_quotas
from hrpolicy.tables import TableError, read_inputs

CARD_FIGURES: list[dict[str, object]] = [
    {"employee": "li", "indicator": "sales", "actual": "285000", "target": "300000"},
    {"employee": "li", "indicator": "profit", "actual": "60000", "target": "60000"},
    {"employee": "li", "indicator": "satisfaction", "actual": "88"},
    {"employee": "li", "indicator": "new_customers", "actual": 4, "target": 5},
    {"employee": "li", "indicator": "growth", "actual": "285000", "prior": "250000"},
]


def test_a_teams_card_figures_read_from_rows_score_as_the_tutorial_says() -> None:
    (li,) = read_inputs(
        "reports",
        "card_inputs",
        {"card_inputs": [{"employee": "li", "bonus_base": "6000"}], "card_figures": CARD_FIGURES},
    )
    assert li.bonus_base == Decimal(6000)
    result = score_card(quarterly_kpi_card(), Period(year=2025, quarter=1), li)
    assert (result.score, result.bonus) == (Decimal("85.00"), Decimal("6000.00"))


def test_a_float_figure_in_a_card_table_is_refused_naming_the_table_row_and_column() -> None:
    rows = [{**CARD_FIGURES[0], "actual": 285000.5}]
    with pytest.raises(TableError, match=r"card_figures row 0, column 'actual'"):
        read_inputs(
            "reports", "card_inputs", {"card_inputs": [{"employee": "li"}], "card_figures": rows}
        )


def test_a_quota_month_read_from_rows_pays_as_the_policy_says() -> None:
    (li,) = read_inputs(
        "reports",
        "quota_inputs",
        {
            "quota_inputs": [{"employee": "li"}],
            "quota_counts": [
                {"employee": "li", "quota": "visits", "done": 72},
                {"employee": "li", "quota": "closed", "done": 5},
            ],
            "quota_pay": [
                {"employee": "li", "part": "performance_pay", "amount": "2000"},
                {"employee": "li", "part": "commission", "amount": "3500.50"},
            ],
        },
    )
    result = apply_quotas(visit_and_closing_quotas(), Period(year=2025, month=3), li)
    assert result.part(PayPart.PERFORMANCE_PAY).paid == Decimal("1800.00")  # 2,000 × 0.9
