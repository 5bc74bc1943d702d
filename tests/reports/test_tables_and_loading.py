"""Report checks and scores as typed tables, findings carrying their numbers, and results
read back from JSON."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError, InvalidTypeError
from hrpolicy.reports import (
    RESULT_TABLES,
    AnnualScore,
    IsoWeek,
    MonthInputs,
    MonthlyScore,
    Period,
    WeeklyReport,
    annual_score,
    consequence_tables,
    consequences,
    score_month,
    team_tables,
    validate,
)
from hrpolicy.reports.examples import (
    domain_report_policy,
    example_report,
    example_team_week,
    salesperson_card,
)
from hrpolicy.strategies import weekly_reports
from tests.helpers import assert_tidy, json_roundtrip
from tests.reports.helpers import CALENDAR
from tests.reports.test_properties import MARCH, months

POLICY = domain_report_policy()
WEEK = IsoWeek(year=2024, week=10)
SCORES = [82, 75, 69, 68, 66, 74, 80, 81, 79, 83, 85, 84]


def _year() -> AnnualScore:
    return annual_score(
        {Period(year=2024, month=m): s for m, s in enumerate(SCORES, 1)}, employee="li"
    )


def test_a_report_check_gives_its_week_as_text_and_dates_and_its_flags_as_booleans() -> None:
    _, wang = example_team_week()
    (row,) = wang.to_records()
    assert (row["period"], row["period_start"], row["period_end"]) == (
        "2024-W10",
        date(2024, 3, 4),
        date(2024, 3, 10),
    )
    assert row["late"] is False
    assert row["passed"] is False
    assert row["points"] == Decimal("33.00")


def test_a_teams_checks_stack_with_each_row_naming_report_and_employee() -> None:
    tables = team_tables(example_team_week())
    assert tables["totals"].column("employee") == ("li", "wang")
    assert set(tables["findings"].column("employee")) == {"wang"}


def test_a_team_of_mixed_results_is_refused_naming_the_item() -> None:
    li, _ = example_team_week()
    with pytest.raises(InvalidTypeError, match=r"results\[1\]"):
        team_tables([li, _year()])


def test_a_late_report_finding_carries_the_due_day_and_the_minutes_late_as_numbers() -> None:
    report = example_report("li", WEEK, CALENDAR, late_by_minutes=500)
    (check,) = validate([report], POLICY, CALENDAR)
    (found,) = [f for f in check.findings if f.code == "late"]
    assert found.param("minutes_late") == int(
        (report.submitted_at - check.due_at).total_seconds() // 60
    )
    assert found.param("due_on") == check.due_at.date()
    assert found.param("submitted_on") == report.submitted_at.date()
    assert check.to_records()[0]["late"] is True


def test_a_month_under_60_triggers_a_consequence_carrying_the_month_and_its_score() -> None:
    (found,) = consequences({Period(year=2024, month=4): Decimal("58.5")}, employee="li")
    assert found.param("month") == "2024-04"
    assert found.param("score") == Decimal("58.50")
    (row,) = [
        r
        for r in consequence_tables([found])["finding_params"].to_records()
        if r["name"] == "score"
    ]
    assert (row["employee"], row["value_decimal"]) == ("li", Decimal("58.50"))


def test_three_months_under_70_carry_where_the_run_began() -> None:
    (found,) = _year().findings
    assert (found.param("run_from"), found.param("month")) == ("2024-03", "2024-05")
    assert found.param("run_months") == 3


def test_an_annual_score_has_its_twelve_months_with_their_dates() -> None:
    year = _year()
    (total,) = year.to_records()
    assert (total["score"], total["months_under_70"], total["consequences"]) == (
        Decimal("77.17"),
        3,
        1,
    )
    months = year.to_records("months")
    assert (months[1]["period"], months[1]["period_end"]) == ("2024-02", date(2024, 2, 29))
    assert_tidy(year, RESULT_TABLES)


def test_a_monthly_score_from_a_known_daily_work_score_gives_its_coefficient_exactly() -> None:
    score = score_month(
        salesperson_card(), MARCH, MonthInputs(employee="li", daily_work=Decimal("80")), CALENDAR
    )
    (row,) = score.to_records()
    assert row["scored"] is False
    assert row["score"] == Decimal("86.00")
    assert (row["pay_coefficient"], row["pay_coefficient_exact"]) == (Decimal("1.08"), "1.075")
    assert (row["period_start"], row["period_end"]) == (date(2024, 3, 1), date(2024, 3, 31))
    assert score.to_records("components") == []


def test_an_annual_score_with_an_edited_score_is_refused_on_loading() -> None:
    data = json.loads(json.dumps(to_dict(_year())))
    data["score"] = "90.00"
    with pytest.raises(ConversionError, match=r"score"):
        from_dict(data, AnnualScore)


@settings(max_examples=25, deadline=None)
@given(months())
def test_every_generated_month_tables_tidily_and_reads_back_equal(inputs: MonthInputs) -> None:
    score = score_month(salesperson_card(), MARCH, inputs, CALENDAR)
    for result in (score, *inputs.reports):
        assert_tidy(result, RESULT_TABLES)
        assert json_roundtrip(result) == result
    assert isinstance(json_roundtrip(score), MonthlyScore)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 100), min_size=12, max_size=12), st.booleans())
def test_every_generated_year_tables_tidily_and_reads_back_equal(
    scores: list[int], retrained: bool
) -> None:
    year = annual_score(
        {Period(year=2024, month=m): s for m, s in enumerate(scores, 1)},
        employee="li",
        retrained=retrained,
    )
    assert_tidy(year, RESULT_TABLES)
    assert json_roundtrip(year) == year


@settings(max_examples=25, deadline=None)
@given(weekly_reports())
def test_every_generated_report_check_tables_tidily_and_reads_back_equal(
    case: tuple[WeeklyReport, object],
) -> None:
    report, reference = case
    (check,) = validate([report], POLICY, CALENDAR, references=[reference])  # type: ignore[list-item]
    assert_tidy(check, RESULT_TABLES)
    assert json_roundtrip(check) == check
