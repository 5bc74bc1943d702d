"""A weekly-report case and a scoring case hold every input of one run, the work calendar
as data among them: each computes what the engine computes from the same inputs, reads
back from the data it writes, and bad data is refused naming the place in it."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import jsonschema
import pytest

import hrpolicy.strategies  # noqa: F401 - registers the case strategies
from hrpolicy import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    from_dict,
    to_dict,
)
from hrpolicy.core import workcal
from hrpolicy.core.engines import engine
from hrpolicy.core.errors import MissingDependencyError
from hrpolicy.documents import Syntax, dumps_case, loads_case, schema_of
from hrpolicy.reports import (
    Absence,
    ApprovedPlan,
    Assessment,
    ChineseStatutoryCalendar,
    IsoWeek,
    MonthInputs,
    MonthlyScore,
    NextWeekPlan,
    Period,
    ReportCase,
    ReportChecks,
    ReportPolicy,
    Review,
    ScoreCard,
    ScoringCase,
    StatutoryCalendar,
    TableCalendar,
    TerminalReport,
    score_month,
    validate,
)
from hrpolicy.reports import case as case_module
from hrpolicy.reports.examples import (
    domain_report_policy,
    example_report,
    example_team_week,
    salesperson_card,
)
from hrpolicy.tables import to_arrow, to_pandas
from tests.helpers import assert_tidy


def _through_json(data: Any) -> Any:
    return json.loads(json.dumps(data), parse_float=Decimal)


# --- the weekly-report engine ---------------------------------------------------------------


def test_the_example_report_case_validates_to_the_worked_team_week() -> None:
    checks = engine("reports").example_case().validate()
    assert checks.checks == example_team_week()
    assert [(c.report.employee, c.points) for c in checks] == [
        ("li", Decimal("40.00")),
        ("wang", Decimal("33.00")),
    ]
    assert checks.points == Decimal("73.00")
    assert checks.of("wang-2024-W10").points == Decimal("33.00")


def test_the_reports_engine_runs_its_example_case_to_its_declared_result_type() -> None:
    spec = engine("reports")
    result = spec.run(spec.example_case())
    assert type(result) is spec.result_type is ReportChecks
    assert spec.case_type is ReportCase
    assert spec.policy_types == (ReportPolicy,)
    text = result.to_text("en")
    assert "wang 2024-W10" in text
    assert "untrue" in text
    assert "周报检查" in result.to_markdown()


def test_a_team_week_reads_as_its_checks_tables_stacked() -> None:
    result = engine("reports").example_case().validate()
    assert_tidy(result, case_module.RESULT_TABLES)
    totals = result.to_records("totals")
    assert [(r["employee"], r["points"]) for r in totals] == [
        ("li", Decimal("40.00")),
        ("wang", Decimal("33.00")),
    ]
    codes = [r["code"] for r in result.to_records("findings") if r["employee"] == "wang"]
    assert codes == ["in_grace", "item_too_short", "untrue", "visits_quota_missed"]


def test_a_case_with_no_reports_gives_empty_tables_of_the_declared_layouts() -> None:
    case = attrs.evolve(engine("reports").example_case(), reports=(), references=())
    result = case.validate()
    assert len(result) == 0
    assert_tidy(result, case_module.RESULT_TABLES)
    assert all(not table.rows for table in result.tables().values())


def test_checks_read_back_are_validated_again_and_an_edited_point_is_refused() -> None:
    result = engine("reports").example_case().validate()
    data = _through_json(to_dict(result))
    assert from_dict(data, ReportChecks) == result
    data["checks"][1]["points"] = "40.00"
    with pytest.raises(ConversionError, match=r"\$\.checks\[1\]\.points: expected 33\.00"):
        from_dict(data, ReportChecks)


def test_checks_that_are_not_the_case_s_reports_are_refused() -> None:
    result = engine("reports").example_case().validate()
    with pytest.raises(InvalidValueError, match=r"ReportChecks\.checks: expected one check per"):
        attrs.evolve(result, checks=result.checks[:1])


def test_the_example_report_case_reads_back_from_its_json_unchanged() -> None:
    case = engine("reports").example_case()
    data = _through_json(to_dict(case))
    assert data["format"] == 1
    assert data["calendar"]["kind"] == "table"
    assert from_dict(data, ReportCase) == case


def test_reviews_and_approved_plans_in_a_case_reach_the_checks() -> None:
    case = engine("reports").example_case()
    li = case.reports[0]
    nowhere = NextWeekPlan(visits=(), local_policy_changes="无")
    reviewed = attrs.evolve(
        case,
        reviews=(Review(report_id=li.report_id, illegible=True),),
        approved_plans=(ApprovedPlan(report_id=li.report_id, plan=nowhere),),
    )
    direct = validate(
        reviewed.reports,
        reviewed.policy,
        reviewed.calendar,
        references=reviewed.references,
        reviews=reviewed.reviews,
        approved_plans={li.report_id: nowhere},
    )
    assert reviewed.validate().checks == direct
    assert reviewed.validate().of(li.report_id).illegible
    assert from_dict(_through_json(to_dict(reviewed)), ReportCase) == reviewed


def test_two_approved_plans_for_one_report_are_refused_naming_the_second() -> None:
    case = engine("reports").example_case()
    plan = ApprovedPlan(
        report_id="li-2024-W10", plan=NextWeekPlan(visits=(), local_policy_changes="")
    )
    with pytest.raises(InvalidValueError, match=r"ReportCase.approved_plans\[1\]: expected a"):
        attrs.evolve(case, approved_plans=(plan, plan))


# --- the calendar in a case -------------------------------------------------------------------


def test_a_calendar_without_its_kind_is_refused_listing_the_kinds() -> None:
    data = to_dict(engine("reports").example_case())
    del data["calendar"]["kind"]
    with pytest.raises(
        ConversionError, match=r"\$\.calendar\.kind: expected a 'kind' key: one of 'table', "
    ):
        from_dict(data, ReportCase)


def test_a_calendar_of_an_unknown_kind_is_refused_listing_the_kinds() -> None:
    data = to_dict(engine("reports").example_case())
    data["calendar"] = {"kind": "hong_kong"}
    with pytest.raises(
        ConversionError,
        match=r"\$\.calendar\.kind: expected one of 'table', 'chinese_statutory', 'layered', got",
    ):
        from_dict(data, ReportCase)


def test_a_case_naming_the_statutory_calendar_validates_as_the_package_calendar_does() -> None:
    week = IsoWeek(year=2024, week=40)  # 30 September, then National Day to 6 October
    package = ChineseStatutoryCalendar()
    report = example_report("li", week, package)
    case = ReportCase(
        policy=domain_report_policy(), calendar=StatutoryCalendar(), reports=(report,)
    )
    data = _through_json(to_dict(case))
    assert data["calendar"] == {"kind": "chinese_statutory"}
    back = from_dict(data, ReportCase)
    assert back == case
    assert back.validate().checks == validate([report], domain_report_policy(), package)
    assert [str(c.on) for c in report.calls] == ["2024-09-30"]  # the week's one workday


def test_a_case_naming_the_statutory_calendar_reads_without_the_package_and_runs_only_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = engine("scoring").example_case()
    data = _through_json(to_dict(attrs.evolve(case, calendar=StatutoryCalendar())))
    workcal._statutory.cache_clear()
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)
    try:
        back = from_dict(data, ScoringCase)
        assert back.calendar == StatutoryCalendar()
        with pytest.raises(MissingDependencyError, match="chinesecalendar"):
            back.score()
    finally:
        workcal._statutory.cache_clear()


# --- the scoring engine -----------------------------------------------------------------------


def _li_s_march_directly() -> MonthlyScore:
    """Li's March as the tutorial scores it (docs/reports.md, section 3)."""
    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    weeks = [IsoWeek(year=2024, week=n) for n in (10, 11, 13)]
    checks = validate(
        [example_report("li", w, calendar) for w in weeks], domain_report_policy(), calendar
    )
    late = TerminalReport(day=date(2024, 3, 12), submitted_at=datetime(2024, 3, 12, 16, 20))
    return score_month(
        salesperson_card(),
        Period(year=2024, month=3),
        MonthInputs(
            employee="li",
            reports=checks,
            late_terminal_reports=(late,),
            rebate_forms_on=date(2024, 3, 26),
            assessed=(Assessment(component="other-management", points=Decimal(27)),),
            absences=(Absence(on=date(2024, 3, 19), half=True),),
        ),
        calendar,
    )


def test_the_example_scoring_case_scores_the_tutorial_s_month() -> None:
    month = engine("scoring").example_case().score()
    assert month == _li_s_march_directly()
    assert [(c.component_id, c.points) for c in month.components] == [
        ("dealer-management", Fraction(20)),
        ("weekly-reports", Fraction(30)),
        ("other-management", Fraction(27)),
    ]
    assert (month.daily_work, month.attendance, month.score) == (
        Fraction(77),
        Fraction(96),
        Decimal("82.70"),
    )


def test_the_scoring_engine_runs_its_example_case_to_its_declared_result_type() -> None:
    spec = engine("scoring")
    result = spec.run(spec.example_case())
    assert type(result) is spec.result_type is MonthlyScore
    assert spec.case_type is ScoringCase
    assert spec.policy_types == (ScoreCard,)
    assert result.to_records("totals")[0]["score"] == Decimal("82.70")


def test_the_example_scoring_case_reads_back_from_its_json_unchanged() -> None:
    case = engine("scoring").example_case()
    data = _through_json(to_dict(case))
    assert data["format"] == 1
    back = from_dict(data, ScoringCase)
    assert back == case
    assert back.score() == case.score()


def test_a_report_given_twice_is_refused_on_reading_naming_the_second() -> None:
    data = to_dict(engine("reports").example_case())
    data["reports"].append(data["reports"][0])
    with pytest.raises(ConversionError, match=r"\$\.reports\[2\]: expected a unique report_id"):
        from_dict(data, ReportCase)


def test_the_named_statutory_calendar_given_a_field_is_refused_saying_it_takes_none() -> None:
    with pytest.raises(
        InvalidTypeError, match=r"^StatutoryCalendar\.year: expected no fields, got str 'year'$"
    ):
        StatutoryCalendar(year=2024)  # type: ignore[call-arg]
    data = {"kind": "chinese_statutory", "first_year": 2024}
    with pytest.raises(ConversionError, match=r"\$\.calendar"):
        from_dict({**to_dict(engine("scoring").example_case()), "calendar": data}, ScoringCase)


def test_a_team_week_s_checks_become_frames_of_exact_columns() -> None:
    result = engine("reports").example_case().validate()
    for name in result.tables():
        table = to_arrow(result, name)
        assert not any(str(field.type).startswith(("float", "double")) for field in table.schema)
    frame = to_pandas(result, "totals")
    assert list(frame["employee"]) == ["li", "wang"]
    assert sum(frame["points"]) == Decimal("73.00")


@pytest.mark.parametrize("syntax", ["json", "toml", "yaml"])
def test_a_terminal_report_stamped_to_the_microsecond_reads_back_from_its_case_file(
    syntax: Syntax,
) -> None:
    case = engine("scoring").example_case()
    (late,) = case.inputs.late_terminal_reports
    stamped = attrs.evolve(late, submitted_at=late.submitted_at.replace(microsecond=250_001))
    inputs = attrs.evolve(case.inputs, late_terminal_reports=(stamped,))
    case = attrs.evolve(case, inputs=inputs)
    back = loads_case(dumps_case(case, syntax=syntax), syntax=syntax).case
    assert back.inputs.late_terminal_reports[0].submitted_at == stamped.submitted_at
    jsonschema.validate(_through_json(to_dict(case)), schema_of(ScoringCase))
