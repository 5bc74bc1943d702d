"""Year runs and what-ifs over a year of commission."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import HRPolicyError, InvalidTypeError, InvalidValueError, NotCoveredError
from hrpolicy.commission import (
    Carry,
    Deal,
    FixedPay,
    Frequency,
    Period,
    PersonInputs,
    Plan,
    Semantics,
    Statement,
    TeamStatement,
    Window,
    YearRun,
    compare_year,
    evaluate,
    evaluate_team,
    evaluate_team_year,
    evaluate_year,
)
from hrpolicy.commission.examples import example_month, magazine_plan, pay_mix_plan, year_end_plan
from hrpolicy.strategies import commission_deals, commission_plans
from tests.commission.helpers import commission, plan

YEAR = Period(year=2024)
SPRING = [Period(year=2024, month=m) for m in (3, 4, 5)]
YEARLY = plan(commission(window=Window.YEAR))


def _deal(
    deal_id: str, day: str, amount: int = 10000, owner: str = "li", **changes: object
) -> Deal:
    return Deal(
        deal_id=deal_id,
        owner=owner,
        signed_on=date.fromisoformat(day),
        amount=Decimal(amount),
        **changes,  # type: ignore[arg-type]
    )


def test_a_year_of_deals_on_a_year_end_plan_pays_the_bonus_in_the_year_end_statement() -> None:
    deals = [_deal(f"D{m}", f"2024-{m:02d}-10", 40000) for m in range(1, 13)]
    run = evaluate_year(year_end_plan(), YEAR, deals, "li")
    assert [s.period.month for s in run] == list(range(1, 13))
    assert all(s.total == 0 for s in run)
    assert run.year_end is not None
    assert run.year_end.total == Decimal("4800.00")
    assert run.total == Decimal("4800.00")
    assert run.of(YEAR) is run.year_end


def test_each_month_of_a_year_window_plan_continues_from_the_months_before() -> None:
    deals = [_deal("M1", "2024-01-10", 25000), _deal("M2", "2024-02-10", 10000)]
    run = evaluate_year(
        YEARLY, [Period(year=2024, month=1), Period(year=2024, month=2)], deals, "li"
    )
    assert [s.total for s in run] == [Decimal("250.00"), Decimal("150.00")]
    assert run.carry_out[0].measure_to_date == Decimal(35000)
    assert run.year_end is None


def test_a_run_starting_in_april_reads_the_carry_of_march_from_aprils_inputs() -> None:
    april, may = Period(year=2024, month=4), Period(year=2024, month=5)
    deals = [_deal("A", "2024-04-10", 5000)]
    with pytest.raises(InvalidValueError) as refused:
        evaluate_year(YEARLY, [april, may], deals, "li")
    assert refused.value.path == "month(2024-04).PersonInputs(li).carries"
    march = Carry(
        component="c",
        measure_to_date=Decimal(28000),
        earned_to_date=Decimal(280),
        paid_to_date=Decimal(280),
    )
    run = evaluate_year(
        YEARLY, [april, may], deals, "li", {april: PersonInputs(employee="li", carries=(march,))}
    )
    assert run.of(april).total == Decimal("80.00")  # 2,000 at 1 %, 3,000 at 2 %
    assert run.carry_out[0].measure_to_date == Decimal(33000)


def test_carries_given_for_a_later_month_are_refused_as_they_contradict_the_chain() -> None:
    stray = PersonInputs(employee="li", carries=(Carry(component="c"),))
    with pytest.raises(InvalidValueError) as refused:
        evaluate_year(
            YEARLY,
            [Period(year=2024, month=1), Period(year=2024, month=2)],
            [],
            "li",
            {Period(year=2024, month=2): stray},
        )
    assert refused.value.path == "inputs[2024-02](li).carries"


def test_months_out_of_order_or_with_a_gap_are_refused_naming_the_month() -> None:
    for months, bad in (
        ([Period(year=2024, month=4), Period(year=2024, month=3)], "months[1]"),
        ([Period(year=2024, month=3), Period(year=2024, month=5)], "months[1]"),
        ([Period(year=2024, month=3), Period(year=2024, month=3)], "months[1]"),
        ([Period(year=2024, month=3), YEAR], "months[1]"),
    ):
        with pytest.raises(InvalidValueError) as refused:
            evaluate_year(magazine_plan(), months, [], "li")
        assert refused.value.path == bad


def test_a_run_crossing_into_the_next_year_is_refused() -> None:
    months = [Period(year=2024, month=12), Period(year=2025, month=1)]
    with pytest.raises(InvalidValueError) as refused:
        evaluate_team_year(magazine_plan(), months, [])
    assert refused.value.path == "months"
    assert "one calendar year" in refused.value.expected


def test_no_months_and_months_given_as_text_are_refused() -> None:
    with pytest.raises(InvalidValueError):
        evaluate_year(magazine_plan(), [], [], "li")
    with pytest.raises(InvalidTypeError) as refused:
        evaluate_year(magazine_plan(), "2024-03", [], "li")  # type: ignore[arg-type]
    assert refused.value.path == "months"


def test_a_deal_signed_outside_the_run_is_refused_rather_than_dropped() -> None:
    with pytest.raises(InvalidValueError) as refused:
        evaluate_team_year(magazine_plan(), SPRING, [_deal("JUNE", "2024-06-01")])
    assert refused.value.path == "Deal(JUNE).signed_on"


def test_a_deal_signed_before_the_run_counts_only_in_the_year_end_statement() -> None:
    autumn = [Period(year=2024, month=m) for m in (10, 11, 12)]
    deals = [_deal("EARLY", "2024-03-01", 300000), _deal("LATE", "2024-11-01", 100000)]
    run = evaluate_year(year_end_plan(), autumn, deals, "li")
    assert [len(s.deals) for s in run] == [0, 1, 0]
    assert run.year_end is not None
    assert {d.deal_id for d in run.year_end.deals} == {"EARLY", "LATE"}
    assert run.year_end.total == Decimal("4000.00")  # 400,000 reach the 1 % rate


def test_inputs_for_a_month_outside_the_run_or_another_person_are_refused() -> None:
    june = Period(year=2024, month=6)
    with pytest.raises(InvalidValueError) as outside:
        evaluate_year(magazine_plan(), SPRING, [], "li", {june: PersonInputs(employee="li")})
    assert outside.value.path == "inputs[2024-06]"
    with pytest.raises(InvalidValueError) as other:
        evaluate_year(magazine_plan(), SPRING, [], "li", {SPRING[0]: PersonInputs(employee="wang")})
    assert other.value.path == "inputs[2024-03].employee"
    with pytest.raises(InvalidTypeError) as listed:
        evaluate_team_year(magazine_plan(), SPRING, [], [PersonInputs(employee="li")])  # type: ignore[arg-type]
    assert listed.value.path == "inputs"


def test_a_team_member_with_no_deal_this_month_still_carries_the_year_to_date_forward() -> None:
    deals = [
        _deal("J1", "2024-01-10", 25000),
        _deal("J2", "2024-01-12", 5000, owner="wang"),
        _deal("F1", "2024-02-10", 10000),
        _deal("M1", "2024-03-10", 1000, owner="wang"),
    ]
    months = [Period(year=2024, month=m) for m in (1, 2, 3)]
    run = evaluate_team_year(YEARLY, months, deals)
    wang_february = run.statement("wang", months[1])
    assert wang_february is not None
    assert wang_february.total == 0
    assert run.carry_out("wang")[0].measure_to_date == Decimal(6000)
    assert run.pay("wang", months[2]) == Decimal("10.00")
    assert run.person_total("li") == Decimal("400.00")
    assert run.total == run.person_total("li") + run.person_total("wang")


def test_a_team_run_names_the_month_and_the_person_whose_facts_are_missing() -> None:
    deals = [_deal("C1", "2024-04-03", 1000)]
    inputs = {SPRING[0]: [PersonInputs(employee="li", score=Decimal(80))]}
    with pytest.raises(InvalidValueError) as refused:
        evaluate_team_year(pay_mix_plan(), SPRING, deals, inputs)
    assert refused.value.path == "month(2024-04).team(li).PersonInputs(li).score"


def test_a_year_comparison_shows_each_month_and_person_with_the_difference() -> None:
    deals = [
        _deal("M-1", "2024-03-05", 0, units=Decimal(25)),
        _deal("M-2", "2024-04-06", 0, owner="wang", units=Decimal(22)),
    ]
    what_if = compare_year(
        magazine_plan(Semantics.MARGINAL), magazine_plan(Semantics.WHOLE), SPRING[:2], deals
    )
    assert [(str(r.period), r.subject, r.difference) for r in what_if.rows] == [
        ("2024-03", "li", Decimal("100.00")),
        ("2024-04", "wang", Decimal("100.00")),
    ]
    assert what_if.baseline_total == Decimal("975.00")
    assert what_if.candidate_total == Decimal("1175.00")
    assert [(r.subject, r.difference) for r in what_if.by_subject()] == [
        ("li", Decimal("100.00")),
        ("wang", Decimal("100.00")),
    ]
    assert what_if.to_records("rows")[0] == {
        "period": "2024-03",
        "period_start": date(2024, 3, 1),
        "period_end": date(2024, 3, 31),
        "subject": "li",
        "baseline": Decimal("525.00"),
        "candidate": Decimal("625.00"),
        "difference": Decimal("100.00"),
    }
    assert "CN¥975.00 → CN¥1,175.00" in what_if.to_text()


def test_a_year_end_bonus_only_the_candidate_plan_has_is_compared_against_nothing() -> None:
    monthly = plan(commission())
    both = attrs.evolve(
        monthly,
        versions=(
            attrs.evolve(
                monthly.versions[0],
                components=(
                    *monthly.versions[0].components,
                    commission(component_id="bonus", frequency=Frequency.YEARLY),
                ),
            ),
        ),
    )
    deals = [_deal("D", "2024-12-01", 10000)]
    what_if = compare_year(monthly, both, [Period(year=2024, month=12)], deals)
    year_row = what_if.row("li", YEAR)
    assert (year_row.baseline, year_row.candidate) == (Decimal("0.00"), Decimal("100.00"))
    assert what_if.baseline.year_end is None


def test_a_comparison_names_the_plan_whose_run_refused_the_data() -> None:
    fixed = plan(
        FixedPay(component_id="base", name="底薪", amount=Decimal(3000), score_linked=True)
    )
    with pytest.raises(InvalidValueError) as refused:
        compare_year(magazine_plan(), fixed, SPRING, [], {SPRING[0]: [PersonInputs(employee="li")]})
    assert refused.value.path.startswith("candidate.month(2024-03).team(li).")


def test_a_plan_no_version_covers_is_not_covered_in_the_run() -> None:
    with pytest.raises(NotCoveredError) as refused:
        evaluate_team_year(magazine_plan(), [Period(year=2023, month=12)], [])
    assert refused.value.path.startswith("month(2023-12).")


def test_a_year_run_shows_each_month_and_the_total() -> None:
    run = evaluate_year(
        magazine_plan(), SPRING[:1], [_deal("M", "2024-03-05", 0, units=Decimal(5))], "li"
    )
    text = run.to_text()
    assert "2024-03" in text
    assert "CN¥100.00" in text
    (row,) = run.to_records()
    assert (row["employee"], row["period"], row["total"]) == ("li", "2024-03", Decimal("100.00"))
    assert (row["year_end"], row["run_to_date"]) == (False, Decimal("100.00"))
    with pytest.raises(InvalidValueError):
        YearRun(plan=magazine_plan(), employee="wang", statements=run.statements)


# --- properties -------------------------------------------------------------------------------


def _inputs(employee: str) -> PersonInputs:
    """Every fact a generated plan may read; no carries (a run from January needs none)."""
    return PersonInputs(
        employee=employee,
        new_dealers=2,
        score=Decimal(85),
        expenses=Decimal(100),
        branch_profit=Decimal(100000),
        pool_role="manager" if employee == "li" else "finance",
    )


def _months(last: int) -> list[Period]:
    return [Period(year=2024, month=m) for m in range(1, last + 1)]


@st.composite
def _year_of_deals(draw: st.DrawFn, *, owners: tuple[str, ...] = ("li",)) -> list[Deal]:
    deals: list[Deal] = []
    for month in _months(12):
        for deal in draw(st.lists(commission_deals(period=month), max_size=2)):
            owner = draw(st.sampled_from(owners))
            deals.append(attrs.evolve(deal, deal_id=f"{month}-{len(deals)}", owner=owner))
    return deals


def _has_year_end(the_plan: Plan) -> bool:
    return any(c.frequency is Frequency.YEARLY for v in the_plan.versions for c in v.components)


@settings(max_examples=40)
@given(commission_plans(max_versions=1), _year_of_deals(), st.just(12) | st.integers(1, 11))
def test_a_year_run_equals_the_months_chained_by_hand(
    the_plan: Plan, deals: list[Deal], last: int
) -> None:
    months = _months(last)
    inputs = {m: _inputs("li") for m in months}
    try:
        by_hand: list[Statement] = []
        for month in months:
            own = inputs[month]
            if by_hand:
                own = attrs.evolve(own, carries=by_hand[-1].carry_out)
            signed = [d for d in deals if Period(year=2024, month=d.signed_on.month) == month]
            by_hand.append(evaluate(the_plan, month, signed, own))
        year_end = None
        if last == 12 and _has_year_end(the_plan):
            year_end = evaluate(the_plan, YEAR, deals, PersonInputs(employee="li"))
    except HRPolicyError as error:
        with pytest.raises(type(error)):
            evaluate_year(the_plan, months, _within(deals, last), "li", inputs)
        return
    run = evaluate_year(the_plan, months, _within(deals, last), "li", inputs)
    assert run.statements == tuple(by_hand)
    assert run.year_end == year_end
    assert run.total == sum((s.total for s in by_hand), Decimal(0)) + (
        year_end.total if year_end else 0
    )


def _within(deals: list[Deal], last: int) -> list[Deal]:
    return [d for d in deals if d.signed_on.month <= last]


@settings(max_examples=30)
@given(
    commission_plans(max_versions=1),
    _year_of_deals(owners=("li", "wang")),
    st.just(12) | st.integers(1, 11),
)
def test_a_team_year_run_equals_the_team_months_chained_by_hand(
    the_plan: Plan, deals: list[Deal], last: int
) -> None:
    months = _months(last)
    deals = _within(deals, last)
    try:
        by_hand: list[TeamStatement] = []
        for month in months:
            people = {}
            for name in ("li", "wang"):
                own = _inputs(name)
                if by_hand:
                    before = [s for s in by_hand[-1] if s.employee == name]
                    own = attrs.evolve(own, carries=before[0].carry_out if before else ())
                people[name] = own
            signed = [d for d in deals if d.signed_on.month == month.month]
            by_hand.append(evaluate_team(the_plan, month, signed, list(people.values())))
    except HRPolicyError as error:
        with pytest.raises(type(error)):
            evaluate_team_year(
                the_plan,
                months,
                deals,
                {m: [_inputs(n) for n in ("li", "wang")] for m in months},
            )
        return
    run = evaluate_team_year(
        the_plan,
        months,
        deals,
        {m: [_inputs(n) for n in ("li", "wang")] for m in months},
    )
    assert run.months == tuple(by_hand)


@settings(max_examples=30)
@given(commission_plans(max_versions=1), _year_of_deals(owners=("li", "wang")))
def test_a_what_if_of_a_plan_against_itself_has_zero_differences(
    the_plan: Plan, deals: list[Deal]
) -> None:
    inputs = {m: [_inputs(n) for n in ("li", "wang")] for m in _months(12)}
    try:
        what_if = compare_year(the_plan, the_plan, YEAR, deals, inputs)
    except HRPolicyError:
        return
    assert what_if.rows
    assert all(row.difference == 0 for row in what_if.rows)
    assert what_if.difference == 0
    assert what_if.changed == ()


def test_a_year_run_shown_as_text_explains_each_month_with_its_steps() -> None:
    plan, period, deals, inputs = example_month()
    run = evaluate_year(plan, [period], deals, "li", {period: inputs[0]})
    text = run.to_text("en")
    assert text.count("[plan.versions]") == len(run.every)
    assert "[task_base.base]" in text
