"""Speed of weekly-report validation and monthly scoring.

Run: ``python benchmarks/bench_reports.py``. It prints the time per report for validating
a team's week of 50 reports with reference data, and the time to score one month on the
salesperson card. The figures are a baseline for this library's own changes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from _timing import show_rate, timed

from hrpolicy.core import Period, TableCalendar
from hrpolicy.reports import (
    Assessment,
    IsoWeek,
    MonthInputs,
    Reference,
    score_month,
    terminal_reports_on_time,
    validate,
)
from hrpolicy.reports.examples import domain_report_policy, example_report, salesperson_card


def main() -> None:
    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    policy = domain_report_policy()
    week = IsoWeek(year=2024, week=10)
    reports = [example_report(f"s{n:02d}", week, calendar) for n in range(50)]
    references = [
        Reference(employee=r.employee, week=week, sales=Decimal(120000), visits=r.visits)
        for r in reports
    ]
    per_report = timed(
        "validate 50 reports with reference data, per report",
        lambda: validate(reports, policy, calendar, references=references),
        10,
        50,
    )
    show_rate("reports validated", per_report)
    weeks = [IsoWeek(year=2024, week=n) for n in (10, 11, 12, 13)]
    checks = validate([example_report("li", w, calendar) for w in weeks], policy, calendar)
    month = Period(year=2024, month=3)
    inputs = MonthInputs(
        employee="li",
        reports=checks,
        terminal_reports=terminal_reports_on_time(month, calendar),
        rebate_forms_on=date(2024, 3, 22),
        assessed=(Assessment(component="other-management", points=Decimal(28)),),
    )
    card = salesperson_card()
    timed(
        "score a month on the salesperson card",
        lambda: score_month(card, month, inputs, calendar),
        200,
    )


if __name__ == "__main__":
    main()
