"""The engine pays commission tables on their compiled integers: the statements, their
steps and their text are those of the same computation on Fractions, and the totals are
those of the fast path over columns, to the fen."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any
from unittest import mock

import attrs
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.commission import (
    BandTable,
    CommissionCase,
    Credit,
    Deal,
    Period,
    PersonInputs,
    Semantics,
    Side,
    TeamStatement,
    engine,
    evaluate,
    evaluate_team,
)
from hrpolicy.commission.fast import run_columns
from hrpolicy.commission.results import Line
from hrpolicy.core.convert import to_dict
from hrpolicy.core.errors import HRPolicyError
from hrpolicy.core.money import Rate, allocate
from hrpolicy.strategies import amounts, band_tables
from tests.commission.helpers import MARCH, commission, plan


@contextlib.contextmanager
def _on_fractions() -> Iterator[None]:
    """The engine as it computed before the integer path: every band application on
    Fractions, the deal amounts allocated by ``allocate``, every line through the
    constructor's checks."""

    def checked_line(*fields: Any) -> Line:
        names = [a.name for a in attrs.fields(Line)]
        return Line(**dict(zip(names, fields, strict=False)))

    def exact(table: BandTable, measure: Any) -> Any:
        x = measure if isinstance(measure, Fraction) else Fraction(measure)
        return table._apply_exact(x, measure)

    with (
        mock.patch.object(engine._Memo, "increase", return_value=None),
        mock.patch.object(BandTable, "apply", exact),
        mock.patch.object(engine, "_allocate", allocate),
        mock.patch.object(Line, "of_checked", checked_line),
    ):
        yield


def _team(case: CommissionCase) -> TeamStatement | str:
    try:
        return case.evaluate()
    except HRPolicyError as error:
        return f"{type(error).__name__}: {error}"


@given(st.from_type(CommissionCase))
def test_statements_on_integers_equal_those_on_fractions(case: CommissionCase) -> None:
    fast = _team(case)
    with _on_fractions():
        exact = _team(case)
    assert fast == exact
    if isinstance(fast, TeamStatement):
        assert isinstance(exact, TeamStatement)
        assert to_dict(fast) == to_dict(exact)
        for mine, theirs in zip(fast.statements, exact.statements, strict=True):
            assert mine.explanation.to_text("en") == theirs.explanation.to_text("en")
            assert mine.explanation.to_text("zh_CN") == theirs.explanation.to_text("zh_CN")


_TABLES = st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]).flatmap(
    lambda s: band_tables(semantics=s, unbounded=True, non_decreasing=True)
)
_AMOUNTS = st.lists(amounts(max_value=120_000), min_size=1, max_size=60)
_SHARES = st.sampled_from([None, "50%", "25%", "100%", "33.33%", "12.345%"])


def _deals(amounts_: list[Decimal], share: str | None) -> list[Deal]:
    split: tuple[Credit, ...] = ()
    if share is not None:
        split = (Credit(employee="li", role="sales", share=Rate.parse(share)),)
    return [
        Deal(
            deal_id=f"D{n:03d}",
            owner="li",
            signed_on=date(2024, 3, 1 + n % 31),
            amount=amount,
            split=split,
        )
        for n, amount in enumerate(amounts_)
    ]


@given(_TABLES, _AMOUNTS, _SHARES)
def test_a_month_on_integers_explains_every_deal_as_on_fractions(
    table: BandTable, amounts_: list[Decimal], share: str | None
) -> None:
    the_plan = plan(commission(table=table))
    deals = _deals(amounts_, share)
    paid: list[object] = []
    real = engine._Memo.increase

    def increase(memo: engine._Memo, *args: Any) -> Any:
        paid.append(real(memo, *args))
        return paid[-1]

    with mock.patch.object(engine._Memo, "increase", increase):
        statement = evaluate(the_plan, MARCH, deals, PersonInputs(employee="li"))
    # Every deal was paid on the integers.
    assert len(paid) == len(deals)
    assert None not in paid
    with _on_fractions():
        exact = evaluate(the_plan, MARCH, deals, PersonInputs(employee="li"))
    assert statement == exact
    for mine, theirs in zip(statement.lines, exact.lines, strict=True):
        assert mine.steps == theirs.steps
        for step in mine.steps:
            assert set(dict(step.inputs)) >= {"accumulated_before", "accumulated_after", "bands"}
            assert step.rule == "commission.c.deal"
    assert statement.explanation.to_text("en") == exact.explanation.to_text("en")


@given(_TABLES, _AMOUNTS)
def test_a_month_on_integers_pays_what_the_fast_path_pays_to_the_fen(
    table: BandTable, amounts_: list[Decimal]
) -> None:
    the_plan = plan(commission(table=table))
    deals = _deals(amounts_, None)
    statement = evaluate(the_plan, MARCH, deals, PersonInputs(employee="li"))
    fast = run_columns(
        the_plan,
        ["li"] * len(deals),
        [d.signed_on for d in deals],
        [int(a * 100) for a in amounts_],
    )
    assert fast.month("li", 2024, 3) == statement.total
    # The deal lines add up to the month's commission, each explained by its step.
    assert sum(line.amount for line in statement.lines) == statement.total
    for line in statement.lines:
        (step,) = line.steps
        assert step.output is not None


@given(
    st.lists(
        st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**6),
        max_size=30,
    )
    | st.lists(
        st.integers(-(10**9), 10**9).map(lambda n: Fraction(n, 10**4)),
        max_size=30,
    )
)
def test_deal_amounts_are_allocated_on_integers_as_allocate_does(parts: list[Fraction]) -> None:
    assert engine._allocate(parts) == allocate(parts)


def test_an_engine_line_is_the_line_the_constructor_makes() -> None:
    table = BandTable.from_thresholds(
        [0, 30000, 100000], ["0.01", "0.02", "0.03"], closed=Side.UPPER, semantics=Semantics.WHOLE
    )
    deals = _deals([Decimal("40000"), Decimal("70000.55")], None)
    statement = evaluate(plan(commission(table=table)), MARCH, deals, PersonInputs(employee="li"))
    assert [line.amount for line in statement.lines] == [Decimal("800.00"), Decimal("2500.02")]
    for line in statement.lines:
        fields = {a.name: getattr(line, a.name) for a in attrs.fields(Line)}
        rebuilt = Line(**fields)
        assert rebuilt == line
        assert hash(rebuilt) == hash(line)
        assert repr(rebuilt) == repr(line)
    (step,) = statement.lines[1].steps
    assert step.input_map["bands"] == "(100000, ∞) 110000.55 × 0.03 = 3300.0165"
    assert step.input_map["payout_before"] == Fraction(800)
    assert step.input_map["payout_after"] == Fraction(33000165, 10000)


def test_a_deal_split_between_two_people_is_paid_alike_on_both_paths() -> None:
    table = BandTable.from_thresholds(
        [0, 30000], ["0.01", "0.02"], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    deal = Deal(
        deal_id="T-1",
        owner="li",
        signed_on=date(2024, 3, 4),
        amount=Decimal(90000),
        split=(
            Credit(employee="li", role="sales", share=Rate.parse("50%")),
            Credit(employee="wang", role="sales", share=Rate.parse("50%")),
        ),
    )
    team = evaluate_team(plan(commission(table=table)), Period(year=2024, month=3), [deal])
    with _on_fractions():
        exact = evaluate_team(plan(commission(table=table)), Period(year=2024, month=3), [deal])
    assert team == exact
    assert [s.total for s in team] == [Decimal("600.00"), Decimal("600.00")]
