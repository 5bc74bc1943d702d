"""A monthly score agrees with itself and its card, and scores known already go to the
year functions as they are."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.reports import (
    Absence,
    Assessment,
    IsoWeek,
    MonthInputs,
    MonthlyScore,
    Period,
    annual_score,
    consequences,
    score_month,
    terminal_reports_on_time,
    validate,
)
from hrpolicy.reports.examples import domain_report_policy, salesperson_card
from tests.reports.helpers import CALENDAR, report

MARCH = Period(year=2024, month=3)


def _march(**facts: object) -> MonthlyScore:
    weeks = [report(IsoWeek(year=2024, week=w)) for w in (10, 11, 12, 13)]
    inputs: dict[str, object] = {
        "employee": "li",
        "reports": validate(weeks, domain_report_policy(), CALENDAR),
        "terminal_reports": terminal_reports_on_time(MARCH, CALENDAR),
        "rebate_forms_on": date(2024, 3, 20),
        "assessed": (Assessment(component="other-management", points=Decimal(30)),),
        **facts,
    }
    return score_month(salesperson_card(), MARCH, MonthInputs(**inputs), CALENDAR)  # type: ignore[arg-type]


def _given(month: int, daily_work: str) -> MonthlyScore:
    inputs = MonthInputs(employee="li", daily_work=Decimal(daily_work))
    return score_month(salesperson_card(), Period(year=2024, month=month), inputs, CALENDAR)


def test_a_monthly_score_changed_to_a_score_its_figures_do_not_give_is_refused() -> None:
    month = _march()
    with pytest.raises(InvalidValueError) as raised:
        attrs.evolve(month, score=Decimal(59))
    assert str(raised.value) == (
        "MonthlyScore(li 2024-03).score: expected 100.00 (daily work 100 × 70% + attendance "
        "100 × 30%, rounded half up to 0.01), got Decimal 59"
    )


def test_a_monthly_score_whose_figures_contradict_each_other_or_the_card_is_refused() -> None:
    month = _march(absences=(Absence(on=date(2024, 3, 4)),))
    with pytest.raises(InvalidValueError, match=r"daily_work: expected 100 \(components 100"):
        attrs.evolve(month, daily_work=Fraction(50))
    with pytest.raises(InvalidValueError, match="attendance: expected 100 less 4 a day absent"):
        attrs.evolve(month, attendance=Fraction(97))
    with pytest.raises(InvalidValueError, match="components: expected the components of card"):
        attrs.evolve(month, components=month.components[::-1])
    with pytest.raises(InvalidValueError, match="double_deductions: expected 0"):
        attrs.evolve(month, double_deductions=Fraction(10))
    with pytest.raises(InvalidValueError, match=r"points: expected 0 to 30"):
        attrs.evolve(month.components[0], points=Fraction(31))
    with pytest.raises(InvalidTypeError, match="score: expected a Decimal"):
        attrs.evolve(month, score=97.2)  # type: ignore[arg-type]
    # Consistent changes stand: the same figures for another month.
    april = attrs.evolve(month, month=Period(year=2024, month=4))
    assert april.score == month.score == Decimal("98.80")


def test_the_annual_score_of_known_scores_given_by_month_is_their_mean() -> None:
    scores: list[Decimal | int | str] = [
        "82",
        "75.5",
        69,
        68,
        66,
        74,
        80,
        81,
        79,
        83,
        85,
        Decimal("84.25"),
    ]
    year = annual_score(
        {Period(year=2024, month=m): s for m, s in enumerate(scores, 1)}, employee="li"
    )
    # 926.75 / 12 = 77.229…, rounded half up.
    assert year.score == Decimal("77.23")
    assert year.months[1] == Decimal("75.50")
    assert year.steps[0].input_map["total"] == Fraction(92675, 100)
    assert [f.code for f in year.findings] == ["retraining_or_transfer"]
    with pytest.raises(InvalidValueError, match=r"score: expected 77\.23"):
        attrs.evolve(year, score=Decimal(90))


def test_scores_computed_and_the_same_scores_given_by_month_make_the_same_year() -> None:
    computed = [_given(m, f"{30 + 4 * m}.5") for m in range(1, 13)]
    known = {s.month: s.score for s in computed}
    from_results = annual_score(computed, retrained=True)
    from_known = annual_score(known, employee="li", retrained=True)
    assert (from_results.score, from_results.months) == (from_known.score, from_known.months)
    assert from_results.findings == from_known.findings
    assert consequences(computed) == consequences(known, employee="li")
    assert from_results.findings[0].code == "incompetent_after_retraining"


def test_known_scores_that_are_not_monthly_scores_are_refused_naming_the_month() -> None:
    march = Period(year=2024, month=3)
    with pytest.raises(InvalidTypeError, match=r"scores\[2024-03\]: expected a monthly score"):
        consequences({march: 59.5}, employee="li")  # type: ignore[dict-item]
    with pytest.raises(
        InvalidValueError, match=r"scores\[2024-03\]: expected a monthly score from"
    ):
        consequences({march: Decimal("100.5")}, employee="li")
    with pytest.raises(InvalidValueError, match=r"to 0\.01 at most"):
        consequences({march: Decimal("82.345")}, employee="li")
    with pytest.raises(
        InvalidTypeError, match=r"scores\['2024-03'\]: expected a month as a Period"
    ):
        consequences({"2024-03": 80}, employee="li")  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError, match="a month, not a year"):
        consequences({Period(year=2024): 80}, employee="li")
    with pytest.raises(InvalidTypeError, match="employee: expected the employee the scores are of"):
        consequences({march: 80})
    with pytest.raises(InvalidTypeError, match="a list of MonthlyScore or a mapping"):
        annual_score(80)  # type: ignore[arg-type]
    mixed = {Period(year=2023, month=12): 80} | {
        Period(year=2024, month=m): 80 for m in range(1, 12)
    }
    with pytest.raises(InvalidValueError, match="the twelve months of one year"):
        annual_score(mixed, employee="li")


def test_a_score_keyed_by_something_long_names_the_key_briefly_in_the_error() -> None:
    month = _march()
    with pytest.raises(InvalidTypeError) as raised:
        consequences({month: 80}, employee="li")  # type: ignore[dict-item]
    assert str(raised.value) == (
        "scores[MonthlyScore]: expected a month as a Period, got MonthlyScore(employee='li', …)"
    )
    with pytest.raises(InvalidTypeError) as raised:
        consequences({"2024-03 " + "x" * 300: 80}, employee="li")  # type: ignore[dict-item]
    assert raised.value.path == "scores['2024-03 xxxxxxxxxxxxxxxxxxxxx…']"
    with pytest.raises(InvalidTypeError) as raised:
        validate(
            [report(IsoWeek(year=2024, week=10))],
            domain_report_policy(),
            CALENDAR,
            approved_plans={"R-li-2024-W10": month},  # type: ignore[dict-item]
        )
    assert str(raised.value) == (
        "approved_plans['R-li-2024-W10']: expected a NextWeekPlan, got "
        "MonthlyScore(employee='li', …)"
    )
    assert len(str(raised.value)) < 100


def test_monthly_scores_of_another_employee_than_the_one_named_are_refused() -> None:
    months = [_given(m, "80") for m in range(1, 13)]
    with pytest.raises(
        InvalidValueError, match=r"employee: expected the employee the scores are of \(li\)"
    ):
        annual_score(months, employee="wang")
    assert annual_score(months, employee="li").score == Decimal("86.00")
