"""Worked cases, as ready-made inputs.

``electrician_case()`` is the seed case: an electrician sent on a one-month professional
course in October 2010 (about 6,000 yuan, salary excluded) who signed a 3-year bond on his
return and resigned in December 2012. The agreement asked for the cost plus "losses to
production", and waived everything if he trained a replacement who could do the job
(Art. 6); the employer demanded 3,666 yuan and took 3,000. He spent two months training two
repairmen and still paid: the company treated the condition as unmet, and so do the facts
here (``Separation.waivers_met`` is empty). ``electrician_case(successor_trained=True)`` is
the variant in which the condition is met. The source gives months, not days, so the exact
dates below are chosen to fit it and are stated in the docs:

- course 2010-10-08 to 2010-11-05 (after the National Day holidays); bond signed on
  return, 2010-11-08, silent on when service starts;
- resignation on 30 days' notice, last day 2012-12-07.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrpolicy.bonds.case import BondCase
from hrpolicy.bonds.model import (
    BondAgreement,
    Clause,
    ClauseKind,
    Collection,
    CollectionMethod,
    CostCategory,
    CostItem,
    CostMultiple,
    Employment,
    ExitGround,
    Payer,
    Provider,
    Separation,
    ServiceLength,
    Training,
    TrainingKind,
    Waiver,
    WaiverCondition,
    WaiverEffect,
)

__all__ = ["electrician_case"]


def electrician_case(*, successor_trained: bool = False) -> BondCase:
    """The electrician's case (see the module documentation for the dates).

    Args:
        successor_trained: whether the replacement he trained counts as able to take over
            the job, meeting the waiver of Art. 6 (default ``False``: as the company
            treated it, so the existing figures stand).

    Returns:
        The case, ready to :meth:`~hrpolicy.bonds.BondCase.settle`.

    Example:
        >>> electrician_case().settle().total_payable
        Decimal('1833.33')
        >>> met = electrician_case(successor_trained=True).settle()
        >>> met.total_payable, met.refund_due
        (Decimal('0.00'), Decimal('3000.00'))
    """
    training = Training(
        id="T-2010-10",
        title="Electrical equipment maintenance course (one month, external provider)",
        kind=TrainingKind.PROFESSIONAL_TECHNICAL,
        provider=Provider.EXTERNAL,
        start=date(2010, 10, 8),
        end=date(2010, 11, 5),
        during_probation=False,
        costs=(
            CostItem(
                id="tuition",
                category=CostCategory.TUITION,
                amount=Decimal("4800"),
                has_voucher=True,
                paid_by=Payer.EMPLOYER,
                description="course fee invoice",
            ),
            CostItem(
                id="travel",
                category=CostCategory.TRAVEL,
                amount=Decimal("560"),
                has_voucher=True,
                paid_by=Payer.EMPLOYER,
                description="train tickets",
            ),
            CostItem(
                id="lodging",
                category=CostCategory.LODGING,
                amount=Decimal("640"),
                has_voucher=True,
                paid_by=Payer.EMPLOYER,
                description="hotel invoice",
            ),
        ),
    )
    agreement = BondAgreement(
        id="SP-2010-017",
        signed_on=date(2010, 11, 8),
        length=ServiceLength(years=3),
        training=training,
        penalty=CostMultiple(multiple=Decimal(1), clause_ref="Art. 4"),
        clauses=(
            Clause(
                kind=ClauseKind.LOSS_PENALTY,
                ref="Art. 5",
                text="The employee also compensates the losses to production caused by leaving.",
            ),
        ),
        waivers=(
            Waiver(
                condition=WaiverCondition.TRAINED_SUCCESSOR,
                clause_ref="Art. 6",
                effect=WaiverEffect.WAIVE_ALL,
                text="Everything is waived if the employee trains a replacement who can do "
                "the job.",
            ),
        ),
    )
    employment = Employment(
        hire_date=date(2008, 3, 1),
        contract_start=date(2011, 3, 1),
        contract_end=date(2014, 2, 28),
        employee="electrician",
    )
    separation = Separation(
        last_day=date(2012, 12, 7),
        ground=ExitGround.RESIGNATION,
        demanded=Decimal("3666"),
        collections=(Collection(amount=Decimal("3000"), method=CollectionMethod.PAID_BY_EMPLOYEE),),
        waivers_met=("Art. 6",) if successor_trained else (),
    )
    return BondCase(agreements=(agreement,), employment=employment, separation=separation)
