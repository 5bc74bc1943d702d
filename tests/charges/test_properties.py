"""Invariants of the charges engine, checked on generated consistent cases (hypothesis):
nothing is recovered from a pay period beyond its cap, deposits always come back in full
under a labour relationship, the order the facts are given in changes nothing, and the
money is conserved."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.charges import (
    Charge,
    ChargeAgreement,
    ChargeCase,
    ChargePolicy,
    ChargeSettlement,
    Deposit,
    Fine,
    FineRule,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    NonCompetePay,
    PayPeriod,
    Penalty,
    PenaltyAndLoss,
    PerItemCharge,
    Rate,
    Region,
    Relationship,
    Role,
    Taking,
    Trigger,
    Worker,
)
from hrpolicy.core.money import money_sum
from hrpolicy.core.recovery import recovery_cap

_START = date(2026, 1, 1)
_DURING = (Trigger.LOST_OR_DAMAGED, Trigger.COMPETITOR_DURING, Trigger.RULE_BREACH)


def _money(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.integers(low * 100, high * 100).map(lambda fen: Decimal(fen).scaleb(-2))


def _month(number: int) -> tuple[date, date]:
    following = date(2026 + number // 12, number % 12 + 1, 1)
    return date(2026, number, 1), following - timedelta(days=1)


@st.composite
def charge_cases(draw: st.DrawFn) -> ChargeCase:
    relationship = draw(st.sampled_from(Relationship))
    labour = relationship.is_labour
    left_month = draw(st.one_of(st.none(), st.integers(1, 5)))
    left_on = None if left_month is None else _month(left_month)[1]
    last_month = left_month if left_month is not None else 6
    as_of = draw(st.dates(date(2026, 1, 15), date(2026, 8, 31)))
    if left_on is None:
        as_of = min(as_of, date(2026, 6, 30))
    worker = Worker(
        id="W",
        relationship=relationship,
        started=_START,
        left_on=left_on,
        enrolled_student=not labour,
        weekly_hours=Decimal(20) if relationship is Relationship.PART_TIME else None,
        role=draw(st.sampled_from(Role)),
    )
    periods = []
    for number in range(1, last_month + 1):
        start, end = _month(number)
        wage = draw(_money(1000, 9000))
        if relationship is Relationship.LABOUR_CONTRACT:
            extra: dict[str, Any] = {"minimum_wage": draw(_money(800, 3000))}
        elif relationship is Relationship.PART_TIME:
            extra = {
                "hours": Decimal(draw(st.integers(20, 100))),
                "hourly_minimum_wage": draw(_money(15, 30)),
            }
        else:
            extra = {}
        periods.append(PayPeriod(start=start, end=end, wage=wage, **extra))
    charges: list[Charge] = [Deposit(ref="D", amount=draw(_money(0, 1000)))]
    trigger = st.sampled_from(_DURING)
    charges += [
        Fine(
            ref="F",
            amount=draw(_money(0, 800)),
            trigger=draw(trigger),
            in_democratic_rules=draw(st.booleans()),
        ),
        Penalty(ref="P", amount=draw(_money(0, 800)), trigger=draw(trigger)),
        PerItemCharge(ref="X", amount=draw(_money(0, 80)), trigger=draw(trigger)),
        LossCompensation(ref="L", trigger=draw(trigger)),
        NonCompete(
            ref="NC",
            penalty=draw(_money(0, 20000)),
            months=draw(st.integers(1, 36)),
            monthly_compensation=draw(st.one_of(st.none(), _money(0, 5000))),
        ),
    ]
    charges = draw(st.permutations(charges))[: draw(st.integers(0, len(charges)))]
    agreement = ChargeAgreement(id="A", signed_on=_START, charges=tuple(charges))
    end_of_work = left_on or as_of
    incidents = []
    for index in range(draw(st.integers(0, 3))):
        after = left_on is not None and draw(st.booleans())
        on = (
            draw(st.dates(left_on + timedelta(days=1), left_on + timedelta(days=800)))
            if after and left_on is not None
            else draw(st.dates(_START, max(_START, end_of_work)))
        )
        incidents.append(
            Incident(
                id=f"I{index}",
                trigger=Trigger.COMPETITOR_AFTER if after else draw(trigger),
                on=on,
                items=draw(st.integers(1, 5)),
                proven_loss=draw(st.one_of(st.none(), _money(0, 3000))),
                liability=Rate.parse(f"{draw(st.integers(0, 100))}%"),
            )
        )
    takings = []
    refs = [c.ref for c in charges]
    deposits_held = Decimal(0)
    if "D" in refs:
        for index in range(draw(st.integers(0, 2))):
            period = draw(st.sampled_from(periods))
            amount = draw(_money(0, 1000))
            returned = draw(st.sampled_from([Decimal(0), amount]))
            deposits_held += amount - returned
            takings.append(
                Taking(
                    id=f"TD{index}",
                    clause="D",
                    amount=amount,
                    means=draw(st.sampled_from([Means.PAID, Means.DEDUCTED_FROM_WAGES])),
                    on=draw(st.dates(period.start, period.end)),
                    returned=returned,
                )
            )
    others = [r for r in refs if r != "D"]
    drawable = deposits_held
    for index in range(draw(st.integers(0, 4)) if others else 0):
        period = draw(st.sampled_from(periods))
        means = draw(st.sampled_from(Means))
        amount = draw(_money(0, 1500))
        if means is Means.FROM_DEPOSIT:
            amount = min(amount, drawable)
            drawable -= amount
        takings.append(
            Taking(
                id=f"T{index}",
                clause=draw(st.sampled_from(others)),
                amount=amount,
                means=means,
                on=draw(st.dates(period.start, period.end)),
                incident=draw(st.sampled_from(["", *(i.id for i in incidents)])),
                returned=draw(st.sampled_from([Decimal(0), amount])),
            )
        )
    policy = ChargePolicy(
        fines=draw(st.sampled_from(FineRule)),
        penalty_and_loss=draw(st.sampled_from(PenaltyAndLoss)),
        excessive_above_loss=Rate.parse(f"{draw(st.integers(0, 100))}%"),
        region=draw(st.sampled_from(Region)),
    )
    return ChargeCase(
        worker=worker,
        agreement=agreement,
        as_of=as_of,
        incidents=tuple(incidents),
        takings=tuple(takings),
        pay_periods=tuple(periods),
        non_compete=NonCompetePay(
            average_monthly_wage=draw(_money(0, 30000)), minimum_wage=draw(_money(0, 3000))
        ),
        policy=policy,
    )


def _floor(case: ChargeCase, period: PayPeriod) -> Decimal:
    if case.worker.relationship is Relationship.PART_TIME:
        assert period.hours is not None
        assert period.hourly_minimum_wage is not None
        fen = period.hours * period.hourly_minimum_wage * 100
        return Decimal(int(fen.to_integral_value(rounding="ROUND_CEILING"))).scaleb(-2)
    assert period.minimum_wage is not None
    return period.minimum_wage


@settings(max_examples=300)
@given(charge_cases())
def test_nothing_is_recovered_from_a_pay_period_beyond_its_cap(case: ChargeCase) -> None:
    settled = case.settle()
    if not case.worker.relationship.is_labour:
        assert settled.recovery is None
        assert not settled.scheduled
        assert not settled.carried
        return
    outcomes = {o.taking: o for o in settled.takings}
    for period in case.pay_periods:
        cap = recovery_cap(period.wage, _floor(case, period))
        applied = money_sum(
            outcomes[t.id].applied
            for t in case.takings
            if t.means is Means.DEDUCTED_FROM_WAGES and period.covers(t.on)
        )
        assert applied <= cap
    if settled.recovery is not None:
        for row in settled.recovery.months:
            assert money_sum((row.already_deducted, row.recovered)) <= row.cap


@settings(max_examples=300)
@given(charge_cases())
def test_deposits_always_come_back_in_full_under_a_labour_relationship(case: ChargeCase) -> None:
    settled = case.settle()
    if not case.worker.relationship.is_labour:
        return
    deposits = [t for t in case.takings if t.clause == "D"]
    draws = [t for t in case.takings if t.means is Means.FROM_DEPOSIT]
    held = money_sum(t.amount - t.returned for t in deposits)
    given_back_from_draws = money_sum(t.returned for t in draws)
    assert settled.deposits_to_return == money_sum((held, -given_back_from_draws))
    outcomes = {o.taking: o for o in settled.takings}
    assert all(outcomes[t.id].applied == 0 for t in deposits + draws)


@settings(max_examples=200)
@given(charge_cases(), st.randoms(use_true_random=False))
def test_the_order_of_clauses_incidents_takings_and_pay_periods_changes_nothing(
    case: ChargeCase, rng: random.Random
) -> None:
    def shuffled(items: tuple[Any, ...]) -> tuple[Any, ...]:
        copy = list(items)
        rng.shuffle(copy)
        return tuple(copy)

    other = attrs.evolve(
        case,
        agreement=attrs.evolve(case.agreement, charges=shuffled(case.agreement.charges)),
        incidents=shuffled(case.incidents),
        takings=shuffled(case.takings),
        pay_periods=shuffled(case.pay_periods),
    )
    # Everything but the case it holds (given in another order) is the same.
    assert attrs.evolve(other.settle(), case=case) == case.settle()


def _conserved(settled: ChargeSettlement, case: ChargeCase) -> None:
    assert settled.outstanding == money_sum((settled.scheduled, settled.carried, settled.claim))
    assert settled.to_return == money_sum((settled.deposits_to_return, settled.unlawful_to_return))
    assert settled.outstanding == money_sum((settled.claimable, -settled.applied))
    assert settled.outstanding >= 0
    assert settled.to_return == money_sum(o.to_return for o in settled.takings)
    assert settled.applied == money_sum(o.applied for o in settled.takings)
    assert settled.claimable == money_sum(c.claimable for c in settled.claims)
    for taking, outcome in zip(
        sorted(case.takings, key=lambda t: (t.on, t.id)), settled.takings, strict=True
    ):
        assert outcome.taking == taking.id
        assert outcome.applied >= 0
        assert outcome.to_return >= 0
        assert money_sum((outcome.applied, outcome.to_return)) <= taking.amount - taking.returned


@settings(max_examples=300)
@given(charge_cases())
def test_money_is_conserved_outstanding_is_scheduled_carried_or_claimed(case: ChargeCase) -> None:
    settled = case.settle()
    _conserved(settled, case)
    for claim in settled.claims:
        if claim.rule is PenaltyAndLoss.NOT_CUMULATED:
            assert claim.claimable == max(claim.penalties_allowed, claim.loss_allowed)
        else:
            assert claim.claimable == claim.penalties_allowed + claim.loss_allowed
    assert settled.to_text("en")
    assert settled.to_text("zh_CN")
    assert [len(t) for t in settled.tables().values()]


@settings(max_examples=300)
@given(charge_cases())
def test_wages_answer_only_for_a_loss_and_only_until_the_worker_leaves(case: ChargeCase) -> None:
    settled = case.settle()
    if not case.worker.relationship.is_labour:
        return
    outcomes = {o.taking: o for o in settled.takings}
    penalties = {"F", "P", "X", "NC"}
    for taking in case.takings:
        if taking.means is Means.DEDUCTED_FROM_WAGES and taking.clause in penalties:
            assert outcomes[taking.id].applied == 0
            assert outcomes[taking.id].to_return == taking.amount - taking.returned
    assert settled.scheduled <= money_sum(c.loss_allowed for c in settled.claims)
    left_on = case.worker.left_on
    if left_on is not None and left_on < case.as_of:
        assert settled.recovery is None
        assert settled.scheduled == settled.carried == 0
