"""The two sales agreements of the source material, as data, and cases built on them.

**A part-time salesperson's agreement** (:func:`part_time_salesperson_agreement`): a
deposit equal to the goods taken out to show customers (800 yuan of samples), refunded
within 7 days of their return; 30 yuan per set of promotional material lost or badly
damaged; a 500-yuan fine plus "compensate all losses" for working for a competitor
during the agreement.

**A student subscription-seller's labour-service agreement**
(:func:`student_seller_agreement`): a 500-yuan cash deposit refunded when the agreement
ends; 30 yuan a set of material lost; a 500-yuan penalty plus "compensate all losses"
for working for a competitor during the agreement.

Each has a case for an ordinary exit and one for a lost set of materials with a proven
loss, under its own relationship or, with ``relationship=``, the same clauses under a
labour contract (or any other). The figures the source leaves open are chosen here and
stated:

- the part-time salesperson starts on Monday 2026-03-02, works 20 hours a week, is paid
  every two weeks (40 hours, 1,200 yuan; hourly minimum wage 25.30 yuan, so the floor of
  a period is 1,012.00 yuan); under a labour contract, monthly: 4,000 yuan against a
  minimum wage of 2,500 yuan;
- the student starts on 2026-03-01 under an agreement that ends on 2026-06-30, paid
  1,500 yuan a month (a service fee: no floor under labour service);
- the ordinary exit: the salesperson's last day is 2026-04-30, settled on 2026-05-11;
  the student's is 2026-06-30, settled that day;
- the lost materials: two sets lost by the salesperson on 2026-04-08 (a proven loss of
  45.00 yuan; 60 yuan deducted from wages on 2026-04-10 under the per-set clause),
  settled on 2026-04-15 while still employed; one set lost by the student on 2026-05-12
  (a proven loss of 20.00 yuan), settled at the end of the agreement.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.model import (
    ChargeAgreement,
    Deposit,
    DepositBasis,
    Fine,
    Incident,
    LossCompensation,
    Means,
    PayPeriod,
    Penalty,
    PerItemCharge,
    Relationship,
    Taking,
    Trigger,
    Worker,
)
from hrpolicy.core.period import Period

__all__ = [
    "part_time_exit_case",
    "part_time_lost_materials_case",
    "part_time_salesperson_agreement",
    "pay_periods",
    "student_exit_case",
    "student_lost_materials_case",
    "student_seller_agreement",
]

_PT_START = date(2026, 3, 2)
_ST_START = date(2026, 3, 1)
_ST_END = date(2026, 6, 30)


def part_time_salesperson_agreement() -> ChargeAgreement:
    """The part-time salesperson's agreement: clauses 1 (goods deposit, 800 yuan,
    refunded within 7 days), 2 (30 yuan a set of material lost or badly damaged), 3 (a
    500-yuan fine for working for a competitor during the agreement) and 4 ("compensate
    all losses" for it)."""
    return ChargeAgreement(
        id="PT-AGR",
        title="Part-time sales agreement",
        signed_on=_PT_START,
        charges=(
            Deposit(
                ref="1",
                amount=Decimal("800"),
                basis=DepositBasis.GOODS,
                refund_within_days=7,
                text=(
                    "A deposit equal to the price of the goods taken out, refunded within 7 days "
                    "of their return."
                ),
            ),
            PerItemCharge(
                ref="2",
                amount=Decimal("30"),
                trigger=Trigger.LOST_OR_DAMAGED,
                text="30 yuan per set of promotional material lost or badly damaged.",
            ),
            Fine(
                ref="3",
                amount=Decimal("500"),
                trigger=Trigger.COMPETITOR_DURING,
                text="A 500-yuan fine for working for a competitor during the agreement.",
            ),
            LossCompensation(
                ref="4",
                trigger=Trigger.COMPETITOR_DURING,
                text="And compensate all losses.",
            ),
        ),
    )


def student_seller_agreement() -> ChargeAgreement:
    """The student subscription-seller's agreement: clauses 1 (a 500-yuan cash deposit
    refunded when the agreement ends), 2 (30 yuan a set lost), 3 (a 500-yuan penalty for
    working for a competitor during the agreement) and 4 ("compensate all losses")."""
    return ChargeAgreement(
        id="ST-AGR",
        title="Subscription sales labour-service agreement",
        signed_on=_ST_START,
        ends_on=_ST_END,
        charges=(
            Deposit(
                ref="1",
                amount=Decimal("500"),
                basis=DepositBasis.CASH,
                refund_within_days=0,
                text="A 500-yuan cash deposit, refunded when the agreement ends.",
            ),
            PerItemCharge(
                ref="2",
                amount=Decimal("30"),
                trigger=Trigger.LOST_OR_DAMAGED,
                text="30 yuan per set of material lost.",
            ),
            Penalty(
                ref="3",
                amount=Decimal("500"),
                trigger=Trigger.COMPETITOR_DURING,
                text="A 500-yuan penalty for working for a competitor during the agreement.",
            ),
            LossCompensation(
                ref="4",
                trigger=Trigger.COMPETITOR_DURING,
                text="And compensate all losses.",
            ),
        ),
    )


def pay_periods(relationship: Relationship, start: date, last: date) -> tuple[PayPeriod, ...]:
    """The example pay periods from ``start`` until one covers ``last``: two-week periods
    for part-time labour (40 hours, 1,200 yuan, hourly minimum 25.30), calendar months of
    4,000 yuan (minimum wage 2,500) under a labour contract, and months of 1,500 yuan
    with no floor under labour service.

    >>> months = pay_periods(Relationship.LABOUR_CONTRACT, date(2026, 3, 1), date(2026, 4, 2))
    >>> [p.label for p in months]
    ['2026-03', '2026-04']
    """
    periods: list[PayPeriod] = []
    begin = start
    while begin <= last:
        if relationship is Relationship.PART_TIME:
            end = begin + timedelta(days=13)
            periods.append(
                PayPeriod(
                    start=begin,
                    end=end,
                    wage=Decimal("1200"),
                    hours=Decimal(40),
                    hourly_minimum_wage=Decimal("25.30"),
                )
            )
        else:
            end = Period(year=begin.year, month=begin.month).last_day
            if relationship is Relationship.LABOUR_CONTRACT:
                periods.append(
                    PayPeriod(
                        start=begin, end=end, wage=Decimal("4000"), minimum_wage=Decimal("2500")
                    )
                )
            else:
                periods.append(PayPeriod(start=begin, end=end, wage=Decimal("1500")))
        begin = end + timedelta(days=1)
    return tuple(periods)


def _part_time_worker(relationship: Relationship, left_on: date | None) -> Worker:
    return Worker(
        id="PT-01",
        name="Part-time salesperson",
        relationship=relationship,
        started=_PT_START,
        left_on=left_on,
        weekly_hours=Decimal(20),
        drawing_pension=False,
    )


def _deposit_paid(on: date, amount: str) -> Taking:
    return Taking(id="T-DEP", clause="1", amount=Decimal(amount), means=Means.PAID, on=on)


def part_time_exit_case(relationship: Relationship = Relationship.PART_TIME) -> ChargeCase:
    """The part-time salesperson leaves on 2026-04-30 after returning the samples, with
    nothing lost; settled on 2026-05-11. The 800-yuan goods deposit was paid on the first
    day."""
    left_on = date(2026, 4, 30)
    start = _PT_START if relationship is Relationship.PART_TIME else date(2026, 3, 1)
    return ChargeCase(
        worker=_part_time_worker(relationship, left_on),
        agreement=part_time_salesperson_agreement(),
        as_of=date(2026, 5, 11),
        takings=(_deposit_paid(_PT_START, "800"),),
        pay_periods=pay_periods(relationship, start, left_on),
    )


def part_time_lost_materials_case(
    relationship: Relationship = Relationship.PART_TIME,
) -> ChargeCase:
    """The part-time salesperson loses two sets of promotional material on 2026-04-08 (a
    proven loss of 45.00 yuan); 60 yuan (2 × 30) is deducted from wages on 2026-04-10
    under clause 2; settled on 2026-04-15, still employed."""
    as_of = date(2026, 4, 15)
    start = _PT_START if relationship is Relationship.PART_TIME else date(2026, 3, 1)
    return ChargeCase(
        worker=_part_time_worker(relationship, None),
        agreement=part_time_salesperson_agreement(),
        as_of=as_of,
        incidents=(
            Incident(
                id="LOST-1",
                trigger=Trigger.LOST_OR_DAMAGED,
                on=date(2026, 4, 8),
                items=2,
                proven_loss=Decimal("45.00"),
                description="Two sets of brochures lost at a customer visit.",
            ),
        ),
        takings=(
            _deposit_paid(_PT_START, "800"),
            Taking(
                id="T-SETS",
                clause="2",
                amount=Decimal("60"),
                means=Means.DEDUCTED_FROM_WAGES,
                on=date(2026, 4, 10),
                incident="LOST-1",
            ),
        ),
        pay_periods=pay_periods(relationship, start, date(2026, 5, 10)),
    )


def _student(relationship: Relationship) -> Worker:
    return Worker(
        id="ST-01",
        name="Student subscription seller",
        relationship=relationship,
        started=_ST_START,
        left_on=_ST_END,
        enrolled_student=True,
    )


def student_exit_case(relationship: Relationship = Relationship.LABOUR_SERVICE) -> ChargeCase:
    """The student's agreement ends on 2026-06-30 with nothing lost; settled that day.
    The 500-yuan cash deposit was paid on the first day."""
    return ChargeCase(
        worker=_student(relationship),
        agreement=student_seller_agreement(),
        as_of=_ST_END,
        takings=(_deposit_paid(_ST_START, "500"),),
        pay_periods=pay_periods(relationship, _ST_START, _ST_END),
    )


def student_lost_materials_case(
    relationship: Relationship = Relationship.LABOUR_SERVICE,
) -> ChargeCase:
    """The student loses one set of material on 2026-05-12 (a proven loss of 20.00
    yuan); the agreement ends on 2026-06-30 and is settled that day."""
    return ChargeCase(
        worker=_student(relationship),
        agreement=student_seller_agreement(),
        as_of=_ST_END,
        incidents=(
            Incident(
                id="LOST-1",
                trigger=Trigger.LOST_OR_DAMAGED,
                on=date(2026, 5, 12),
                proven_loss=Decimal("20.00"),
                description="One set of subscription material lost.",
            ),
        ),
        takings=(_deposit_paid(_ST_START, "500"),),
        pay_periods=pay_periods(relationship, _ST_START, _ST_END),
    )
