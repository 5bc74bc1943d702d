"""What may come from wages, what a non-compete binds and how the findings state their
figures, on the standard case (tests/charges/helpers.py: a labour contract from
2026-01-01, monthly pay periods March to May 2026 at 3,000 against a minimum of 2,690, so
each month's cap is min(600.00, 310.00) = 310.00; settled 2026-03-20), with the figures
worked by hand in each test's comment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from hrpolicy.charges import (
    ChargePolicy,
    CompensationPayment,
    Deposit,
    Fine,
    FineRule,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    NonCompetePay,
    PayPeriod,
    PerItemCharge,
    Region,
    Relationship,
    ReturnReason,
    Role,
    Taking,
    Trigger,
    settle_charges,
)
from hrpolicy.core.errors import InvalidValueError
from tests.charges.helpers import case, month

_CONTESTED = ChargePolicy(fines=FineRule.CONTESTED_IN_DEMOCRATIC_RULES)
_LOSS = LossCompensation(ref="L", trigger=Trigger.LOST_OR_DAMAGED)
_ENGINEER: dict[str, Any] = {"left_on": date(2026, 1, 31), "role": Role.SENIOR_TECHNICAL}


def _lost(amount: int, on: date = date(2026, 3, 5), id: str = "I-1") -> Incident:
    return Incident(id=id, trigger=Trigger.LOST_OR_DAMAGED, on=on, proven_loss=Decimal(amount))


def _deducted(
    amount: int, on: date, *, clause: str = "L", incident: str = "I-1", **more: Any
) -> Taking:
    return Taking(
        id=more.pop("id", "T-1"),
        clause=clause,
        amount=Decimal(amount),
        means=Means.DEDUCTED_FROM_WAGES,
        on=on,
        incident=incident,
        **more,
    )


def _monthly_payments(*months: int, amount: int = 3000) -> NonCompetePay:
    return NonCompetePay(
        payments=tuple(
            CompensationPayment(on=date(2026, m, 28), amount=Decimal(amount)) for m in months
        )
    )


# --- only a loss comes from wages (WPP 15, 16) ------------------------------------------------


def test_a_lawful_non_compete_penalty_deducted_from_wages_comes_back_and_stands_as_a_claim() -> (
    None
):
    # Left 2026-05-10; 1,000 compensation paid on 05-12; joined a rival on 05-15, so the
    # 300 penalty stands. 300 was deducted from May's wage for it: a penalty may never be
    # deducted from wages (WPP 15), so all 300 comes back; the penalty stays claimable,
    # 300, and as the worker left before the settlement (05-20) it is a claim.
    non_compete = NonCompete(
        ref="NC", penalty=Decimal(300), months=12, monthly_compensation=Decimal(1000)
    )
    rival = Incident(id="RIVAL", trigger=Trigger.COMPETITOR_AFTER, on=date(2026, 5, 15))
    settled = case(
        non_compete,
        incidents=(rival,),
        takings=(_deducted(300, date(2026, 5, 18), clause="NC", incident="RIVAL"),),
        as_of=date(2026, 5, 20),
        worker_changes={"left_on": date(2026, 5, 10), "role": Role.SENIOR_TECHNICAL},
        non_compete=NonCompetePay(
            payments=(CompensationPayment(on=date(2026, 5, 12), amount=Decimal(1000)),)
        ),
    ).settle()
    (taking,) = settled.takings
    assert (taking.applied, taking.to_return, taking.reason) == (
        Decimal("0.00"),
        Decimal("300.00"),
        ReturnReason.UNLAWFUL_CHARGE,
    )
    assert settled.explanation.has("penalty_deducted_from_wages")
    assert (settled.claimable, settled.scheduled, settled.claim) == (
        Decimal("300.00"),
        Decimal("0.00"),
        Decimal("300.00"),
    )


def test_a_contested_fine_deducted_from_wages_comes_back_and_is_carried_not_scheduled() -> None:
    # By option the 200 fine stands (contested), but 200 deducted from March's wage for it
    # is wages withheld (WPP 15): it comes back. The 200 still owed is not a loss, so no
    # wage answers for it: nothing is scheduled and 200 is carried while employed.
    fine = Fine(ref="F", amount=Decimal(200), trigger=Trigger.RULE_BREACH, in_democratic_rules=True)
    late = Incident(id="I-1", trigger=Trigger.RULE_BREACH, on=date(2026, 3, 5))
    settled = case(
        fine,
        incidents=(late,),
        takings=(_deducted(200, date(2026, 3, 10), clause="F"),),
        policy=_CONTESTED,
    ).settle()
    assert settled.to_return == settled.unlawful_to_return == Decimal("200.00")
    assert (settled.outstanding, settled.scheduled, settled.carried) == (
        Decimal("200.00"),
        Decimal("0.00"),
        Decimal("200.00"),
    )
    assert settled.recovery is None
    carried = next(f for f in settled.findings if f.code == "penalty_not_from_wages")
    assert carried.param("amount") == Decimal("200.00")


def test_only_the_loss_part_of_a_contested_fine_claim_is_scheduled_from_wages() -> None:
    # A contested 200 fine for a breach that also cost a proven 150: claimable max(200,
    # 150) = 200. The worker paid 100 towards it, counted against the loss first: 150 −
    # 100 = 50 of loss is left of the 100 outstanding. March (cap 310.00) recovers the 50;
    # the other 50 is the fine, carried, never taken from wages.
    fine = Fine(ref="F", amount=Decimal(200), trigger=Trigger.RULE_BREACH, in_democratic_rules=True)
    breach = Incident(
        id="I-1", trigger=Trigger.RULE_BREACH, on=date(2026, 3, 5), proven_loss=Decimal(150)
    )
    paid = Taking(
        id="T-1",
        clause="F",
        amount=Decimal(100),
        means=Means.PAID,
        on=date(2026, 3, 6),
        incident="I-1",
    )
    settled = case(fine, incidents=(breach,), takings=(paid,), policy=_CONTESTED).settle()
    assert (settled.claimable, settled.applied, settled.outstanding) == (
        Decimal("200.00"),
        Decimal("100.00"),
        Decimal("100.00"),
    )
    assert settled.explanation.step("recovery.from_wages").output == Decimal("50.00")
    assert (settled.scheduled, settled.carried, settled.claim) == (
        Decimal("50.00"),
        Decimal("50.00"),
        Decimal("0.00"),
    )


# --- the pay periods a schedule runs over (WPP 9, 16) ---------------------------------------


def test_nothing_is_scheduled_from_wages_once_the_worker_left_before_the_settlement_day() -> None:
    # Last day worked 2026-05-10, settled 2026-05-20: every wage was due on leaving (WPP 9),
    # so May's pay period is past; the proven loss of 500 is a claim, nothing scheduled.
    settled = case(
        _LOSS,
        incidents=(_lost(500, date(2026, 4, 8)),),
        as_of=date(2026, 5, 20),
        worker_changes={"left_on": date(2026, 5, 10)},
    ).settle()
    assert settled.recovery is None
    assert (settled.scheduled, settled.carried, settled.claim) == (
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("500.00"),
    )
    departed = next(f for f in settled.findings if f.code == "claim_after_departure")
    assert departed.param("amount") == Decimal("500.00")


def test_a_half_month_period_holding_the_last_day_is_not_scheduled_after_the_worker_left() -> None:
    # One pay period 04-16..05-15 holds the last day worked (04-30) and ends after the
    # settlement (05-11), but the worker left before the settlement: the 500 is a claim.
    period = PayPeriod(
        start=date(2026, 4, 16),
        end=date(2026, 5, 15),
        wage=Decimal(3000),
        minimum_wage=Decimal(2000),
    )
    settled = case(
        _LOSS,
        incidents=(_lost(500, date(2026, 4, 8)),),
        pay_periods=(period,),
        as_of=date(2026, 5, 11),
        worker_changes={"left_on": date(2026, 4, 30)},
    ).settle()
    assert (settled.scheduled, settled.claim) == (Decimal("0.00"), Decimal("500.00"))


def test_the_pay_period_of_the_last_day_worked_is_scheduled_when_the_worker_leaves_later() -> None:
    # Settled 2026-04-20, leaving 2026-05-10: April (ends after the settlement) and May
    # (holds the last day) are the schedule, 310.00 each of the loss of 1,000; 380.00 is a
    # claim after departure.
    settled = case(
        _LOSS,
        incidents=(_lost(1000),),
        as_of=date(2026, 4, 20),
        worker_changes={"left_on": date(2026, 5, 10)},
    ).settle()
    assert settled.recovery is not None
    assert [(m.month, m.recovered) for m in settled.recovery.months] == [
        ("2026-04", Decimal("310.00")),
        ("2026-05", Decimal("310.00")),
    ]
    assert (settled.scheduled, settled.claim) == (Decimal("620.00"), Decimal("380.00"))


# --- non-compete compensation (LCL 23(2), SPC-I 36, 38) -------------------------------------

_NON_COMPETE = NonCompete(
    ref="NC", penalty=Decimal(50000), months=24, monthly_compensation=Decimal(3000)
)


def test_compensation_paid_with_the_wage_before_leaving_is_refused_as_non_compete_pay() -> None:
    # Left 2026-01-31; 3,000 "compensation" paid on 2025-07-28, while still employed, is no
    # compensation for a restriction not yet running (LCL 23(2)): refused, naming it.
    paid_while_employed = NonCompetePay(
        payments=(CompensationPayment(on=date(2025, 7, 28), amount=Decimal(3000)),)
    )
    with pytest.raises(InvalidValueError) as raised:
        case(
            _NON_COMPETE,
            pay_periods=(),
            as_of=date(2026, 6, 30),
            worker_changes=_ENGINEER,
            non_compete=paid_while_employed,
        ).settle()
    assert raised.value.path == "non_compete.payments[0].on"
    assert "2026-01-31" in raised.value.expected


def test_compensation_paid_after_the_settlement_day_is_refused() -> None:
    later = _monthly_payments(2, 7)
    with pytest.raises(InvalidValueError) as raised:
        case(
            _NON_COMPETE,
            pay_periods=(),
            as_of=date(2026, 6, 30),
            worker_changes=_ENGINEER,
            non_compete=later,
        ).settle()
    assert raised.value.path == "non_compete.payments[1].on"


def test_an_agreed_non_compete_compensation_of_0_is_none_and_the_30_percent_default_applies() -> (
    None
):
    # 0 agreed is no compensation in substance: max(30 % × 12,000 = 3,600.00, 2,690) =
    # 3,600.00 a month. Left 2026-01-31, settled 2026-03-31: two months ran (to 02-28 and
    # 03-31), due 7,200.00, nothing paid; only two months unpaid, so the worker may not
    # end the restriction yet.
    zero = NonCompete(ref="NC", penalty=Decimal(50000), months=24, monthly_compensation=Decimal(0))
    facts = NonCompetePay(average_monthly_wage=Decimal(12000), minimum_wage=Decimal(2690))
    settled = case(
        zero, pay_periods=(), as_of=date(2026, 3, 31), worker_changes=_ENGINEER, non_compete=facts
    ).settle()
    step = settled.explanation.step("non_compete.compensation")
    assert (step.input_map["monthly"], step.input_map["months_elapsed"]) == (Decimal("3600.00"), 2)
    assert settled.compensation_due == Decimal("7200.00")
    assert not settled.explanation.has("non_compete_may_end")
    found = next(f for f in settled.findings if f.code == "non_compete_compensation_zero")
    assert found.param("monthly") == Decimal("3600.00")


def test_a_non_compete_month_runs_to_the_same_day_of_leaving_a_month_on() -> None:
    # Left 2026-03-30: the restriction starts 03-31 and its first month ends on 04-30
    # (30 March a month on), so on 04-29 no month has run and on 04-30 one has (3,000).
    def elapsed(as_of: date) -> object:
        settled = case(
            _NON_COMPETE,
            pay_periods=(),
            as_of=as_of,
            worker_changes={"left_on": date(2026, 3, 30), "role": Role.SENIOR_TECHNICAL},
        ).settle()
        return settled.explanation.step("non_compete.compensation").input_map["months_elapsed"]

    assert elapsed(date(2026, 4, 29)) == 0
    assert elapsed(date(2026, 4, 30)) == 1


# --- competing after leaving (LCL 23(2), 24, 90) ----------------------------------------------


def _rival(on: date, loss: int = 8000) -> Incident:
    return Incident(id="RIVAL", trigger=Trigger.COMPETITOR_AFTER, on=on, proven_loss=Decimal(loss))


def test_competing_after_a_non_compete_ended_is_lawful_and_no_loss_may_be_claimed() -> None:
    # A 12-month restriction from 2026-02-01 ends on 2027-01-31, every month paid; joining a
    # rival on 2027-06-01 breaches nothing, so the loss of 8,000 proven cannot be claimed.
    twelve = NonCompete(
        ref="NC", penalty=Decimal(50000), months=12, monthly_compensation=Decimal(3000)
    )
    paid = NonCompetePay(
        payments=tuple(
            CompensationPayment(on=date(2026 + m // 12, m % 12 + 1, 28), amount=Decimal(3000))
            for m in range(1, 13)
        )
    )
    settled = case(
        twelve,
        incidents=(_rival(date(2027, 6, 1)),),
        pay_periods=(),
        as_of=date(2027, 6, 30),
        worker_changes=_ENGINEER,
        non_compete=paid,
    ).settle()
    (claim,) = settled.claims
    assert (claim.proven_loss, claim.loss_allowed, claim.claimable) == (
        Decimal("8000.00"),
        Decimal("0.00"),
        Decimal("0.00"),
    )
    lawful = next(f for f in settled.findings if f.code == "competition_after_leaving_lawful")
    assert lawful.param("loss") == Decimal("8000.00")


def test_competing_after_leaving_with_no_non_compete_gives_no_claim_for_the_loss() -> None:
    # "Compensate all losses" is no restriction on working elsewhere after leaving: the
    # 8,000 proven is not claimable.
    settled = case(
        _LOSS,
        incidents=(_rival(date(2026, 3, 1)),),
        pay_periods=(),
        as_of=date(2026, 6, 30),
        worker_changes={"left_on": date(2026, 1, 31)},
    ).settle()
    assert settled.claimable == Decimal("0.00")
    assert settled.explanation.has("competition_after_leaving_lawful")


def test_competing_before_any_compensation_was_paid_gives_no_claim_for_the_loss() -> None:
    # Nothing was paid by the breach on 2026-04-15, so the restriction did not bind: no
    # penalty, and no claim for the 8,000 lost either. Three months' 3,000 (9,000) are owed.
    settled = case(
        _NON_COMPETE,
        incidents=(_rival(date(2026, 4, 15)),),
        pay_periods=(),
        as_of=date(2026, 4, 30),
        worker_changes=_ENGINEER,
    ).settle()
    assert (settled.claimable, settled.compensation_due) == (Decimal("0.00"), Decimal("9000.00"))


def test_the_loss_of_breaching_a_binding_non_compete_is_claimable_when_above_the_penalty() -> None:
    # February's 3,000 was paid on 02-28; the breach on 03-10 breaks a binding restriction:
    # the penalty 50,000 and the proven loss 60,000 are not cumulated, the claim is the
    # larger, 60,000.
    settled = case(
        _NON_COMPETE,
        incidents=(_rival(date(2026, 3, 10), loss=60000),),
        pay_periods=(),
        as_of=date(2026, 3, 20),
        worker_changes=_ENGINEER,
        non_compete=_monthly_payments(2),
    ).settle()
    (claim,) = settled.claims
    assert (claim.loss_allowed, claim.penalties_allowed, claim.claimable) == (
        Decimal("60000.00"),
        Decimal("50000.00"),
        Decimal("60000.00"),
    )
    assert not settled.explanation.has("competition_after_leaving_lawful")


# --- labour service: an incident's penalties weighed together (CC 585(2)) ------------------


def test_a_fine_and_a_per_item_charge_for_one_lost_set_are_weighed_together_against_the_loss() -> (
    None
):
    # Labour service: 25 + 25 = 50 for one set whose loss is 20. Each alone (25) is under
    # the threshold 20 × 1.3 = 26.00; together 50 exceed it by 50 − 20 = 30.00.
    fine = Fine(ref="3", amount=Decimal(25), trigger=Trigger.LOST_OR_DAMAGED)
    per_set = PerItemCharge(ref="2", amount=Decimal(25), trigger=Trigger.LOST_OR_DAMAGED)
    settled = case(
        fine,
        per_set,
        relationship=Relationship.LABOUR_SERVICE,
        incidents=(_lost(20),),
        pay_periods=(),
    ).settle()
    found = [f for f in settled.findings if f.code == "penalty_excessive"]
    assert [f.param_map for f in found] == [
        {
            "incident": "I-1",
            "clauses": "2, 3",
            "penalty": Decimal("50.00"),
            "loss": Decimal("20.00"),
            "share": found[0].param("share"),
            "threshold": Decimal("26.00"),
            "excess": Decimal("30.00"),
        }
    ]


# --- the cap's room in a pay period (WPP 16) --------------------------------------------------


def test_a_deduction_given_back_in_full_leaves_its_months_cap_free_for_the_schedule() -> None:
    # 500 deducted in March for a loss of 1,000 and all of it given back: nothing is
    # applied, so March still has its whole cap of 310.00; March, April and May recover
    # 930.00 and 70.00 is carried.
    settled = case(
        _LOSS,
        incidents=(_lost(1000, date(2026, 3, 2)),),
        takings=(_deducted(500, date(2026, 3, 10), returned=Decimal(500)),),
    ).settle()
    assert settled.recovery is not None
    march = settled.recovery.months[0]
    assert (march.already_deducted, march.recovered) == (Decimal("0.00"), Decimal("310.00"))
    assert (settled.scheduled, settled.carried) == (Decimal("930.00"), Decimal("70.00"))


def test_money_deducted_beyond_the_claim_and_given_back_does_not_use_the_months_cap() -> None:
    # 300 deducted in March for incident A, whose loss is 50: 50 is applied and 250 comes
    # back. March has 310 − 50 = 260.00 left for incident B's 300; 40.00 is carried.
    settled = case(
        _LOSS,
        incidents=(_lost(50, date(2026, 3, 2), "A"), _lost(300, date(2026, 3, 3), "B")),
        takings=(_deducted(300, date(2026, 3, 10), incident="A"),),
        pay_periods=(month(2026, 3),),
    ).settle()
    assert settled.takings[0].to_return == Decimal("250.00")
    assert settled.recovery is not None
    (march,) = settled.recovery.months
    assert (march.already_deducted, march.recovered) == (Decimal("50.00"), Decimal("260.00"))
    assert settled.carried == Decimal("40.00")


def test_the_over_cap_finding_counts_what_was_already_given_back() -> None:
    # 500 deducted in March (cap 310.00). With 100 given back, 400 is still held and
    # 90.00 of it is over the cap: owed back, as the finding says. With 190 given back,
    # 310 is held, nothing is over the cap, and nothing is reported owed back.
    def settle(returned: int) -> Any:
        return case(
            _LOSS,
            incidents=(_lost(1000, date(2026, 3, 2)),),
            takings=(_deducted(500, date(2026, 3, 10), returned=Decimal(returned)),),
        ).settle()

    partly = settle(100)
    found = next(f for f in partly.findings if f.code == "deduction_over_cap")
    assert (
        found.param("deducted"),
        found.param("returned"),
        found.param("cap"),
        found.param("excess"),
    ) == (Decimal("500.00"), Decimal("100.00"), Decimal("310.00"), Decimal("90.00"))
    assert partly.takings[0].to_return == Decimal("90.00")
    cured = settle(190)
    assert not cured.explanation.has("deduction_over_cap")
    assert cured.to_return == Decimal("0.00")


def test_over_cap_findings_come_in_calendar_order_whatever_order_the_periods_are_given() -> None:
    # 400 deducted in March and 500 in April, each over the cap of 310.00: the findings
    # name March then April however the pay periods are listed.
    periods = (month(2026, 3), month(2026, 4), month(2026, 5))
    takings = (
        _deducted(400, date(2026, 3, 10)),
        _deducted(500, date(2026, 4, 10), id="T-2"),
    )

    def subjects(order: tuple[PayPeriod, ...]) -> list[str]:
        settled = case(
            _LOSS,
            incidents=(_lost(2000, date(2026, 3, 2)),),
            takings=takings,
            pay_periods=order,
            as_of=date(2026, 4, 20),
        ).settle()
        return [f.subject for f in settled.findings if f.code == "deduction_over_cap"]

    assert (
        subjects(periods)
        == subjects((periods[1], periods[0], periods[2]))
        == [
            "2026-03",
            "2026-04",
        ]
    )


# --- a per-item charge of many items ----------------------------------------------------------


def test_a_per_item_charge_is_its_amount_times_the_items_however_many() -> None:
    # 30 yuan a set × 1,000,000,000 sets = 30,000,000,000.00 asked (void under a labour
    # contract: allowed 0).
    per_set = PerItemCharge(ref="X", amount=Decimal(30), trigger=Trigger.LOST_OR_DAMAGED)
    lost = Incident(id="I-1", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 5), items=10**9)
    settled = case(per_set, incidents=(lost,)).settle()
    assert settled.lines[0].asked == Decimal("30000000000.00")


def test_a_per_item_charge_of_10_to_the_18_yuan_or_more_is_refused_naming_the_items() -> None:
    # 999,999,999,999,999 × 100,000 ≈ 10^20: beyond any amount a result can hold.
    huge = PerItemCharge(ref="X", amount=Decimal(999999999999999), trigger=Trigger.LOST_OR_DAMAGED)
    lost = Incident(id="I-1", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 5), items=100000)
    with pytest.raises(InvalidValueError) as raised:
        settle_charges(
            case(huge, relationship=Relationship.LABOUR_SERVICE, incidents=(lost,), pay_periods=())
        )
    assert raised.value.path == "incidents[0].items"


# --- deposits under labour service (CC 568(1)) ------------------------------------------------

_DEPOSIT = Deposit(ref="1", amount=Decimal(500), refund_within_days=7)
_DEPOSIT_PAID = Taking(
    id="D", clause="1", amount=Decimal(500), means=Means.PAID, on=date(2026, 1, 2)
)


def test_the_set_off_finding_states_the_deposit_paid_what_was_drawn_and_what_is_set_off() -> None:
    # Labour service: a 500 fine for working for a rival; 200 drawn from the 500 deposit
    # towards it, and the other 300 set off against the 300 still owed: 0 comes back.
    fine = Fine(ref="3", amount=Decimal(500), trigger=Trigger.COMPETITOR_DURING)
    rival = Incident(id="R", trigger=Trigger.COMPETITOR_DURING, on=date(2026, 3, 5))
    draw = Taking(
        id="F",
        clause="3",
        amount=Decimal(200),
        means=Means.FROM_DEPOSIT,
        on=date(2026, 3, 6),
        incident="R",
    )
    settled = case(
        _DEPOSIT,
        fine,
        relationship=Relationship.LABOUR_SERVICE,
        incidents=(rival,),
        takings=(_DEPOSIT_PAID, draw),
        pay_periods=(),
        as_of=date(2026, 5, 20),
        worker_changes={"left_on": date(2026, 4, 30)},
        policy=ChargePolicy(region=Region.GUANGDONG),
    ).settle()
    found = next(f for f in settled.findings if f.code == "deposit_set_off")
    assert (
        found.param("paid"),
        found.param("drawn"),
        found.param("set_off"),
        found.param("to_return"),
    ) == (Decimal("500.00"), Decimal("200.00"), Decimal("300.00"), Decimal("0.00"))


def test_a_deposit_refund_is_overdue_from_the_last_day_worked_when_the_worker_left_early() -> None:
    # The agreement runs to 2026-06-30 but the student left on 2026-04-30: the refund
    # within 7 days fell due on 2026-05-07, so on 2026-05-20 the 500 held is overdue.
    given = case(
        _DEPOSIT,
        relationship=Relationship.LABOUR_SERVICE,
        takings=(_DEPOSIT_PAID,),
        pay_periods=(),
        as_of=date(2026, 5, 20),
        worker_changes={"left_on": date(2026, 4, 30)},
    )
    runs_to_june = attrs.evolve(given.agreement, ends_on=date(2026, 6, 30))
    settled = attrs.evolve(given, agreement=runs_to_june).settle()
    found = next(f for f in settled.findings if f.code == "deposit_refund_overdue")
    assert (found.param("due_on"), found.param("held")) == (date(2026, 5, 7), Decimal("500.00"))


# --- part-time labour (LCL 68–72) ---------------------------------------------------------------

_PART_TIME_MARCH = PayPeriod(
    start=date(2026, 3, 1),
    end=date(2026, 3, 31),
    wage=Decimal(2400),
    hours=Decimal(80),
    hourly_minimum_wage=Decimal("25.30"),
)


def test_a_part_time_loss_clause_names_the_hourly_floor_not_the_monthly_minimum() -> None:
    settled = case(
        _LOSS,
        relationship=Relationship.PART_TIME,
        pay_periods=(_PART_TIME_MARCH,),
        worker_changes={"weekly_hours": Decimal(20)},
    ).settle()
    assert settled.clause("L").finding == "loss_compensation_limited_part_time"
    found = next(f for f in settled.findings if f.subject == "L")
    assert "hourly minimum wage" in found.message("en")
    assert "小时最低工资" in found.message("zh_CN")


def test_the_part_time_pay_interval_finding_carries_the_15_day_limit() -> None:
    # March runs 31 days, beyond the 15 LCL 72(2) allows.
    settled = case(
        _LOSS,
        relationship=Relationship.PART_TIME,
        pay_periods=(_PART_TIME_MARCH,),
        worker_changes={"weekly_hours": Decimal(20)},
    ).settle()
    found = next(f for f in settled.findings if f.code == "part_time_pay_interval")
    assert (found.param("days"), found.param("limit")) == (31, 15)
    assert "15" in found.message("en")
    assert "15" in found.message("zh_CN")
