"""Year runs and what-ifs over a year as typed tables, and read back from JSON."""

from __future__ import annotations

import contextlib
import json
from datetime import date
from decimal import Decimal
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrpolicy import HRPolicyError
from hrpolicy.commission import (
    RESULT_TABLES,
    Deal,
    Period,
    PersonInputs,
    Plan,
    Semantics,
    TeamYearRun,
    Window,
    YearComparison,
    YearRun,
    compare_year,
    evaluate_team_year,
    evaluate_year,
)
from hrpolicy.commission.examples import magazine_plan, pay_mix_plan, year_end_plan
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError
from hrpolicy.strategies import commission_deals, commission_plans
from hrpolicy.tables import to_pandas
from tests.commission.helpers import commission, plan
from tests.helpers import assert_tidy

YEAR = Period(year=2024)
SPRING = [Period(year=2024, month=m) for m in (3, 4, 5)]


def _lifts() -> list[Deal]:
    return [
        Deal(deal_id=f"D{m}", owner="li", signed_on=date(2024, m, 10), amount=Decimal(40000))
        for m in range(1, 13)
    ]


def _spring_run() -> YearRun:
    deals = [
        Deal(deal_id=f"C{m.month}", owner="li", signed_on=m.first_day, amount=Decimal(40000))
        for m in SPRING
    ]
    inputs = {m: PersonInputs(employee="li", score=Decimal(80)) for m in SPRING}
    return evaluate_year(pay_mix_plan(), SPRING, deals, "li", inputs)


def _magazines() -> list[Deal]:
    return [
        Deal(deal_id="M-1", owner="li", signed_on=date(2024, 3, 5), units=Decimal(25)),
        Deal(deal_id="M-2", owner="wang", signed_on=date(2024, 4, 6), units=Decimal(22)),
    ]


def _read_back(result: Any) -> Any:
    return from_dict(json.loads(json.dumps(to_dict(result))), type(result))


def test_a_year_run_gives_one_totals_row_per_month_and_the_year_end_with_the_pay_so_far() -> None:
    run = evaluate_year(year_end_plan(), YEAR, _lifts(), "li")
    rows = run.to_records("totals")
    assert [r["period"] for r in rows] == [f"2024-{m:02d}" for m in range(1, 13)] + ["2024"]
    assert rows[-1]["period_start"] == date(2024, 1, 1)
    assert rows[-1]["period_end"] == date(2024, 12, 31)
    assert [r["year_end"] for r in rows] == [False] * 12 + [True]
    assert rows[-1]["total"] == rows[-1]["run_to_date"] == Decimal("4800.00")
    assert rows[-1]["due"] == Decimal("4800.00")
    assert_tidy(run, RESULT_TABLES)


def test_a_year_runs_lines_table_holds_every_line_of_every_month_in_order() -> None:
    run = _spring_run()
    lines = run.to_records("lines")
    assert [(r["period"], r["line_id"]) for r in lines] == [
        (str(s.period), line.line_id) for s in run for line in s.lines
    ]
    assert sum(cast(Decimal, r["amount"]) for r in lines) == run.total
    assert [r["run_to_date"] for r in run.to_records("totals")] == [
        Decimal("8200.00"),
        Decimal("16400.00"),
        Decimal("24600.00"),
    ]


def test_a_team_year_run_stacks_everyones_statements_month_by_month() -> None:
    run = evaluate_team_year(magazine_plan(), SPRING[:2], _magazines())
    rows = run.to_records("totals")
    assert [(r["period"], r["employee"], r["total"]) for r in rows] == [
        ("2024-03", "li", Decimal("525.00")),
        ("2024-04", "wang", Decimal("450.00")),
    ]
    assert {r["employee"] for r in run.to_records("lines")} == {"li", "wang"}
    assert_tidy(run, RESULT_TABLES)


def test_a_year_comparison_gives_its_rows_then_both_sides_statements_with_a_side_column() -> None:
    what_if = compare_year(
        magazine_plan(Semantics.MARGINAL), magazine_plan(Semantics.WHOLE), SPRING[:2], _magazines()
    )
    (totals,) = what_if.to_records("totals")
    assert (totals["difference"], totals["changed"]) == (Decimal("200.00"), 2)
    statements = what_if.to_records("statements")
    assert [(r["side"], r["employee"], r["total"]) for r in statements] == [
        ("baseline", "li", Decimal("525.00")),
        ("baseline", "wang", Decimal("450.00")),
        ("candidate", "li", Decimal("625.00")),
        ("candidate", "wang", Decimal("550.00")),
    ]
    assert {r["side"] for r in what_if.to_records("lines")} == {"baseline", "candidate"}
    assert_tidy(what_if, RESULT_TABLES)


def test_a_year_run_converts_to_a_pandas_frame_with_exact_money() -> None:
    frame = to_pandas(_spring_run(), "totals")
    assert frame["total"].sum() == Decimal("24600.00")
    assert list(frame.columns) == list(RESULT_TABLES[YearRun][0].names)


def test_a_year_run_read_back_from_json_with_an_edited_total_is_refused_naming_where() -> None:
    run = _spring_run()
    assert _read_back(run) == run
    data = json.loads(json.dumps(to_dict(run)))
    data["statements"][1]["lines"][0]["amount"] = "1300.00"
    with pytest.raises(
        ConversionError, match=r"statements\[1\]\.lines\[0\]\.amount: expected 1200"
    ):
        from_dict(data, YearRun)


def test_a_year_run_whose_months_come_from_two_runs_is_refused_where_the_carries_break() -> None:
    yearly = plan(commission(window=Window.YEAR))
    months = [Period(year=2024, month=m) for m in (1, 2)]

    def run(january: int) -> YearRun:
        deals = [
            Deal(deal_id="J", owner="li", signed_on=date(2024, 1, 10), amount=Decimal(january)),
            Deal(deal_id="F", owner="li", signed_on=date(2024, 2, 10), amount=Decimal(10000)),
        ]
        return evaluate_year(yearly, months, deals, "li")

    first, second = run(25000), run(5000)
    data = json.loads(json.dumps(to_dict(first)))
    data["statements"][1] = json.loads(json.dumps(to_dict(second.statements[1])))
    del data["statements"][1]["format"]
    # Each month is right on its own; February's carry is not January's.
    with pytest.raises(ConversionError, match=r"statements\[1\]\.inputs\.carries"):
        from_dict(data, YearRun)


def test_a_team_year_run_and_a_year_comparison_read_back_from_json_refuse_an_edited_row() -> None:
    team = evaluate_team_year(magazine_plan(), SPRING[:2], _magazines())
    assert _read_back(team) == team
    what_if = compare_year(
        magazine_plan(Semantics.MARGINAL), magazine_plan(Semantics.WHOLE), SPRING[:2], _magazines()
    )
    assert _read_back(what_if) == what_if
    data = json.loads(json.dumps(to_dict(what_if)))
    data["rows"][0]["candidate"] = "700.00"
    with pytest.raises(ConversionError, match=r"rows\[0\]\.candidate: expected 625\.00"):
        from_dict(data, YearComparison)


def test_a_year_comparison_where_only_one_plan_carries_someone_reads_back_equal() -> None:
    capped = plan(commission(window=Window.YEAR))
    deals = [Deal(deal_id="J", owner="li", signed_on=date(2024, 1, 10), amount=Decimal(25000))]
    months = [Period(year=2024, month=m) for m in (1, 2)]
    what_if = compare_year(capped, plan(commission()), months, deals)
    assert _read_back(what_if) == what_if


# --- properties ---------------------------------------------------------------------------


def _inputs(employee: str) -> PersonInputs:
    return PersonInputs(
        employee=employee,
        new_dealers=2,
        score=Decimal(85),
        expenses=Decimal(100),
        branch_profit=Decimal(100000),
        pool_role="manager" if employee == "li" else "finance",
    )


@st.composite
def _deals(draw: st.DrawFn, last: int) -> list[Deal]:
    deals: list[Deal] = []
    for number in range(1, last + 1):
        month = Period(year=2024, month=number)
        for deal in draw(st.lists(commission_deals(period=month), max_size=2)):
            owner = draw(st.sampled_from(("li", "wang")))
            deals.append(attrs.evolve(deal, deal_id=f"{month}-{len(deals)}", owner=owner))
    return deals


_RUNS = st.integers(1, 12).flatmap(lambda last: st.tuples(st.just(last), _deals(last)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commission_plans(max_versions=1), commission_plans(max_versions=1), _RUNS)
def test_generated_year_runs_and_what_ifs_read_back_from_json_equal_with_typed_tables(
    baseline: Plan, candidate: Plan, run: tuple[int, list[Deal]]
) -> None:
    last, deals = run
    months = [Period(year=2024, month=m) for m in range(1, last + 1)]
    team_inputs = {m: [_inputs("li"), _inputs("wang")] for m in months}
    mine = [d for d in deals if d.owner == "li" and not d.split]
    results: list[Any] = []
    for build in (
        lambda: evaluate_year(baseline, months, mine, "li", {m: _inputs("li") for m in months}),
        lambda: evaluate_team_year(baseline, months, deals, team_inputs),
        lambda: compare_year(baseline, candidate, months, deals, team_inputs),
    ):
        with contextlib.suppress(HRPolicyError):  # data a plan refuses: nothing to read
            results.append(build())
    for result in results:
        assert _read_back(result) == result
        assert_tidy(result, RESULT_TABLES)
    assert all(isinstance(r, (YearRun, TeamYearRun, YearComparison)) for r in results)


def test_reading_a_year_runs_totals_does_not_build_the_steps_of_every_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hrpolicy.commission import results  # noqa: PLC0415

    deals = [
        Deal(deal_id=f"D{m}", owner="li", signed_on=date(2024, m, 10), amount=Decimal(40000))
        for m in (1, 2, 3)
    ]
    run = evaluate_year(
        year_end_plan(), [Period(year=2024, month=m) for m in (1, 2, 3)], deals, "li"
    )

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the explanation tables were built")

    monkeypatch.setattr(results, "explanation_tables", refuse)
    assert [row["period"] for row in run.to_records("totals")] == ["2024-01", "2024-02", "2024-03"]
    assert run.to_records("lines") == []  # a plan paid at year end has no monthly lines
    with pytest.raises(AssertionError, match="explanation tables were built"):
        run.to_records("steps")
