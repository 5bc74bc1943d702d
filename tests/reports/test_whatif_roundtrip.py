"""A score-card what-if read back from JSON: equal, and an edited row is refused."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest

from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError
from hrpolicy.reports import CardComparison, MonthInputs, Period, Rate, TableCalendar, compare_cards
from hrpolicy.reports.examples import salesperson_card


def test_a_card_what_if_read_back_from_json_with_an_edited_score_is_refused_naming_the_row() -> (
    None
):
    card = salesperson_card()
    heavier = attrs.evolve(
        card,
        card_id="daily-80",
        daily_weight=Rate.parse("80%"),
        attendance_weight=Rate.parse("20%"),
    )
    what_if = compare_cards(
        card,
        heavier,
        Period(year=2024, month=3),
        [MonthInputs(employee="li", daily_work=Decimal(90))],
        TableCalendar(name="2024", first_year=2024, last_year=2024),
    )
    data = json.loads(json.dumps(to_dict(what_if)))
    assert from_dict(data, CardComparison) == what_if
    data["rows"][0]["baseline"] = "99.00"
    with pytest.raises(ConversionError, match=r"rows\[0\]\.baseline: expected"):
        from_dict(data, CardComparison)
    data = json.loads(json.dumps(to_dict(what_if)))
    data["candidate_card"] = "other"
    with pytest.raises(ConversionError, match="candidate_card: expected daily-80"):
        from_dict(data, CardComparison)
