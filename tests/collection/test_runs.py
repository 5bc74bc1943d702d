"""Runs over many collection months and what-ifs of two policies."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.collection import (
    CollectionInputs,
    CollectionPolicy,
    CollectionRun,
    CollectionState,
    Period,
    Receivables,
    compare_policies,
    settle_run,
    settle_team_run,
)
from hrpolicy.collection.examples import (
    full_collection_policy,
    proportional_policy,
    reserve_policy,
    staged_policy,
)
from hrpolicy.core.engines import engine
from hrpolicy.strategies import collection_receivables
from tests.collection.helpers import books, invoice, month, payment
from tests.collection.test_properties import POLICIES, WAGES

FEBRUARY, MARCH, APRIL = (Period(year=2024, month=m) for m in (2, 3, 4))
LI_WAGED = CollectionInputs(employee="li", month_wage=Decimal(6000), minimum_wage=Decimal(2690))
BOOKS = books(
    invoice("A-01"),
    invoice("B-01", salesperson="wang", issued="2024-01-20"),
    payments=(payment("P1", 40000, "2024-02-05"), payment("P2", 60000, "2024-03-05")),
)


def test_a_quarter_releases_commission_as_the_cash_comes_in_month_after_month() -> None:
    run = settle_run(proportional_policy(), [FEBRUARY, MARCH, APRIL], BOOKS, "li")
    assert [s.total for s in run] == [Decimal("1200.00"), Decimal("1800.00"), Decimal("0.00")]
    assert run.total == Decimal("3000.00")
    assert run.of(MARCH).inputs.state == run.of(FEBRUARY).state_out
    assert run.state_out == run.statements[-1].state_out


def test_a_run_starts_from_the_state_the_caller_gives_for_its_first_month() -> None:
    february = month(proportional_policy(), BOOKS, 2)
    run = settle_run(
        proportional_policy(),
        [MARCH],
        BOOKS,
        "li",
        {MARCH: CollectionInputs(employee="li", state=february.state_out)},
    )
    assert run.total == Decimal("1800.00")


def test_a_state_given_for_a_later_month_is_refused_as_it_contradicts_the_chain() -> None:
    stray = CollectionInputs(employee="li", state=CollectionState(reserve=Decimal(10)))
    with pytest.raises(InvalidValueError) as refused:
        settle_run(proportional_policy(), [FEBRUARY, MARCH], BOOKS, "li", {MARCH: stray})
    assert refused.value.path == "inputs[2024-03](li).state"


def test_months_with_a_gap_or_inputs_outside_the_run_are_refused() -> None:
    with pytest.raises(InvalidValueError) as gap:
        settle_run(proportional_policy(), [FEBRUARY, APRIL], BOOKS, "li")
    assert gap.value.path == "months[1]"
    with pytest.raises(InvalidValueError) as outside:
        settle_run(
            proportional_policy(), [FEBRUARY], BOOKS, "li", {MARCH: CollectionInputs(employee="li")}
        )
    assert outside.value.path == "inputs[2024-03]"
    with pytest.raises(InvalidValueError) as other:
        settle_run(
            proportional_policy(),
            [FEBRUARY],
            BOOKS,
            "li",
            {FEBRUARY: CollectionInputs(employee="wang")},
        )
    assert other.value.path == "inputs[2024-02].employee"
    with pytest.raises(InvalidTypeError) as wrong:
        settle_run(proportional_policy(), [FEBRUARY], "books", "li")  # type: ignore[arg-type]
    assert wrong.value.path == "receivables"


def test_a_run_may_cross_into_the_next_year_with_the_state_running_on() -> None:
    months = [Period(year=2024, month=12), Period(year=2025, month=1)]
    run = settle_run(reserve_policy(), months, BOOKS, "li", {months[0]: LI_WAGED})
    assert run.months == tuple(months)
    assert run.statements[0].state_out.reserve == 0  # released in December


def test_a_team_member_is_settled_every_month_from_the_first_month_they_are_listed() -> None:
    team = settle_team_run(
        proportional_policy(),
        [FEBRUARY, MARCH, APRIL],
        BOOKS,
        {FEBRUARY: [CollectionInputs(employee="li")], MARCH: [CollectionInputs(employee="wang")]},
    )
    assert [(str(s.period), s.employee) for s in team] == [
        ("2024-02", "li"),
        ("2024-03", "li"),
        ("2024-03", "wang"),
        ("2024-04", "li"),
        ("2024-04", "wang"),
    ]
    assert team.pay("wang", FEBRUARY) == 0
    assert team.statement("wang", FEBRUARY) is None
    assert team.run_of("li").total == team.run_of("li").of(FEBRUARY).total + team.pay(
        "li", MARCH
    ) + team.pay("li", APRIL)
    assert team.total == sum((s.total for s in team), Decimal(0))
    with pytest.raises(InvalidValueError):
        team.run_of("zhao")


def test_an_employee_listed_twice_in_a_month_is_refused_naming_the_month() -> None:
    li = CollectionInputs(employee="li")
    with pytest.raises(InvalidValueError) as refused:
        settle_team_run(proportional_policy(), [FEBRUARY, MARCH], BOOKS, {FEBRUARY: [li, li]})
    assert refused.value.path == "inputs[2024-02][1]"


def test_two_policies_compared_over_months_show_when_the_pay_moves() -> None:
    what_if = compare_policies(
        proportional_policy(),
        full_collection_policy(),
        [FEBRUARY, MARCH],
        BOOKS,
        {FEBRUARY: [CollectionInputs(employee="li")]},
    )
    assert [(str(r.period), r.subject, r.baseline, r.candidate) for r in what_if.rows] == [
        ("2024-02", "li", Decimal("1200.00"), Decimal("0.00")),
        ("2024-03", "li", Decimal("1800.00"), Decimal("3000.00")),
    ]
    assert what_if.difference == 0
    assert len(what_if.changed) == 2
    assert "Collection policy comparison" in what_if.to_text()


def test_a_comparison_names_the_policy_whose_run_refused_the_data() -> None:
    with pytest.raises(InvalidValueError) as refused:
        compare_policies(
            proportional_policy(), full_collection_policy(), [FEBRUARY, APRIL], BOOKS, {}
        )
    assert refused.value.path == "baseline.months[1]"


def test_a_collection_run_built_by_hand_must_hold_consecutive_months() -> None:
    run = settle_run(proportional_policy(), [FEBRUARY, MARCH], BOOKS, "li")
    with pytest.raises(InvalidValueError):
        CollectionRun(policy=run.policy, employee="li", statements=tuple(reversed(run.statements)))


@settings(max_examples=40)
@given(POLICIES, collection_receivables())
def test_a_run_of_months_equals_the_months_chained_by_hand(
    policy: CollectionPolicy, receivables: Receivables
) -> None:
    by_hand = []
    state = CollectionState()
    for number in range(1, 13):
        statement = month(policy, receivables, number, state, **WAGES)
        by_hand.append(statement)
        state = statement.state_out
    months = [Period(year=2024, month=m) for m in range(1, 13)]
    run = settle_run(
        policy,
        Period(year=2024),
        receivables,
        "li",
        dict.fromkeys(months, LI_WAGED),
    )
    assert run.statements == tuple(by_hand)
    assert run.total == sum((s.total for s in by_hand), Decimal(0))


@settings(max_examples=30)
@given(POLICIES, collection_receivables())
def test_a_what_if_of_a_policy_against_itself_has_zero_differences(
    policy: CollectionPolicy, receivables: Receivables
) -> None:
    months = [Period(year=2024, month=m) for m in range(1, 13)]
    what_if = compare_policies(
        policy,
        policy,
        months,
        receivables,
        {m: [LI_WAGED] for m in months},
    )
    assert len(what_if.rows) == 12
    assert all(row.difference == 0 for row in what_if.rows)
    assert what_if.baseline_total == what_if.candidate_total


def test_every_example_policy_runs_a_year_of_the_same_books() -> None:
    for policy in (
        proportional_policy(),
        full_collection_policy(),
        staged_policy(),
        reserve_policy(),
    ):
        run = settle_run(
            policy,
            Period(year=2024),
            BOOKS,
            "li",
            {Period(year=2024, month=1): LI_WAGED},
        )
        assert len(run) == 12


def test_a_run_shown_as_text_explains_each_month_with_its_steps() -> None:
    spec = engine("collection")
    run = spec.run(spec.example_case()).run_of("li")
    text = run.to_text("en")
    assert text.count("[policy.version]") == len(run.statements) == 3
    assert "[reserve.withheld]" in text
    steps = [step for s in run.statements for step in s.explanation.steps]
    assert run.to_markdown("en").count("policy.version") == len(run.statements)
    assert len(steps) > len(run.statements)
