"""The open reading of "untrue content scores zero": the single item, or the whole summary."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import PolicyDefinitionError
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.reports import (
    SUMMARY_ITEMS,
    IsoWeek,
    Item,
    ItemStatus,
    Reference,
    ReportPolicy,
    Review,
    TableCalendar,
    UntrueContent,
    validate,
)
from hrpolicy.reports.case import ReportChecks
from hrpolicy.reports.examples import (
    domain_report_policy,
    example_report,
    whole_summary_truth_policy,
)

WEEK = IsoWeek(year=2024, week=10)
CALENDAR = TableCalendar(name="2024", first_year=2024, last_year=2024)
REPORT = example_report("li", WEEK, CALENDAR, sales=Decimal(95000))
CRM = Reference(employee="li", week=WEEK, sales=Decimal(120000), visits=REPORT.visits)


def test_by_default_sales_found_untrue_lose_only_their_own_point_of_the_summary() -> None:
    # 10 summary points × 9 of 10 items passed = 9, plus the 30 report points: 39.
    (check,) = validate([REPORT], domain_report_policy(), CALENDAR, references=[CRM])
    assert check.points == Decimal("39.00")
    assert check.status(Item.SALES_VOLUME) is ItemStatus.UNTRUE
    step = next(s for s in check.steps if s.rule == "report.points")
    assert dict(step.inputs)["untrue_zeroes"] == "item"


def test_under_the_strict_reading_untrue_sales_zero_the_whole_ten_point_summary() -> None:
    # The summary scores 0 whatever else passed; the report part keeps its 30: 30 in all.
    (check,) = validate([REPORT], whole_summary_truth_policy(), CALENDAR, references=[CRM])
    assert check.points == Decimal("30.00")
    step = next(s for s in check.steps if s.rule == "report.points")
    assert dict(step.inputs)["untrue_zeroes"] == "summary"
    assert dict(step.inputs)["summary_points"] == 0
    finding = next(f for f in check.findings if f.code == "untrue_zeroes_summary")
    # Under the item reading the summary would have scored 9: those 9 points are lost.
    assert finding.param("lost") == Decimal("9.00")
    assert finding.param("untrue_count") == 1
    assert "whole last-week summary" in finding.message("en")


def test_a_spot_check_that_finds_an_already_short_item_untrue_still_zeroes_the_summary() -> None:
    # Competitors "无" is too short (it already scores 0); the manager's call also finds
    # it untrue. By item: 10 × 9/10 + 30 = 39. Strict: the summary is 0, so 0 + 30 = 30.
    report = example_report("wang", WEEK, CALENDAR, competitors="无")
    review = Review(report_id=report.report_id, untrue=(Item.COMPETITOR_MOVES,))
    (item_read,) = validate([report], domain_report_policy(), CALENDAR, reviews=[review])
    (strict,) = validate([report], whole_summary_truth_policy(), CALENDAR, reviews=[review])
    assert item_read.points == Decimal("39.00")  # 9 of 10 items pass, + 30
    assert strict.points == Decimal("30.00")


def test_a_report_with_nothing_untrue_scores_the_same_under_both_readings() -> None:
    report = example_report("li", WEEK, CALENDAR, competitors="无")
    (item_read,) = validate([report], domain_report_policy(), CALENDAR)
    (strict,) = validate([report], whole_summary_truth_policy(), CALENDAR)
    assert item_read.points == strict.points == Decimal("39.00")
    step = next(s for s in strict.steps if s.rule == "report.points")
    assert "untrue_zeroes" not in dict(step.inputs)  # no untrue content: the reading is idle


def test_a_late_report_scores_zero_without_a_summary_finding_under_the_strict_reading() -> None:
    report = example_report("li", WEEK, CALENDAR, sales=Decimal(95000), late_by_minutes=600)
    (check,) = validate([report], whole_summary_truth_policy(), CALENDAR, references=[CRM])
    assert check.points == Decimal("0.00")
    assert "untrue_zeroes_summary" not in [f.code for f in check.findings]


def test_the_reading_round_trips_through_plain_data_and_an_unknown_one_is_refused() -> None:
    policy = whole_summary_truth_policy()
    data = to_dict(policy)
    assert data["untrue_zeroes"] == "summary"
    assert from_dict(data, ReportPolicy) == policy
    assert "untrue_zeroes" not in to_dict(domain_report_policy())  # the default: as before
    with pytest.raises(PolicyDefinitionError) as raised:
        attrs.evolve(policy, untrue_zeroes="half")  # type: ignore[arg-type]
    assert str(raised.value) == (
        "ReportPolicy.untrue_zeroes: expected one of 'item', 'summary', got str 'half'"
    )


@settings(max_examples=60, deadline=None)
@given(
    spot_checked=st.lists(st.sampled_from(SUMMARY_ITEMS), unique=True, max_size=4),
    sales=st.integers(min_value=0, max_value=200_000),
)
def test_the_strict_reading_never_scores_more_and_differs_only_when_something_is_untrue(
    spot_checked: list[Item], sales: int
) -> None:
    report = example_report("li", WEEK, CALENDAR, sales=Decimal(sales))
    review = Review(report_id=report.report_id, untrue=tuple(spot_checked))
    (item_read,) = validate(
        [report], domain_report_policy(), CALENDAR, references=[CRM], reviews=[review]
    )
    (strict,) = validate(
        [report], whole_summary_truth_policy(), CALENDAR, references=[CRM], reviews=[review]
    )
    assert strict.points <= item_read.points
    untrue = any(status is ItemStatus.UNTRUE for _, status in item_read.items)
    if not untrue:
        assert strict.points == item_read.points
    else:
        # The whole summary goes: what is left is the report part, 30 here.
        assert strict.points == Decimal("30.00")
    assert UntrueContent.SUMMARY.label.en == "the whole last-week summary"


# --- checks stored before the reading was named ---------------------------------------------

_FORMAT_1_CHECKS = Path(__file__).parent / "data" / "format-1-report-checks-untrue.json"


def test_report_checks_stored_before_the_untrue_reading_was_named_still_read() -> None:
    # Written at 4043ba4 (format 1): li reported 95,000 of sales against 120,000 in the
    # CRM, so the sales item was untrue and scored 0 — the single-item reading, the only
    # one then, which format 2 names in the score step. Read today it recomputes the same.
    data = json.loads(_FORMAT_1_CHECKS.read_text(encoding="utf-8"))
    assert data["format"] == 1
    checks = from_dict(data, ReportChecks)
    assert checks == checks.case.validate()
    (check,) = checks.checks
    assert check.points == Decimal("39.00")
    score = next(step for step in check.steps if step.rule == "report.points")
    names = [name for name, _ in score.inputs]
    assert names[names.index("summary_items_passed") + 1] == "untrue_zeroes"
    assert score.input_map["untrue_zeroes"] == "item"
    assert to_dict(checks)["format"] == 2


def test_report_checks_of_format_1_without_untrue_content_read_unchanged() -> None:
    data = json.loads(_FORMAT_1_CHECKS.read_text(encoding="utf-8"))
    case = from_dict(data, ReportChecks).case
    honest = attrs.evolve(case, references=())
    stored = to_dict(honest.validate())
    stored["format"] = 1
    assert from_dict(stored, ReportChecks) == honest.validate()
