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

The handbook rules on bonds are written as variants of his case, one function each, every
other fact as above:

- ``electrician_revenue_waiver_case()``: a waiver when the skill produced a stated revenue;
- ``electrician_cost_range_case()``: a training cost stated as a range;
- ``electrician_signed_mid_course_case()``: a bond signed after the training started (his
  own case is the one signed after it ended);
- ``electrician_living_subsidy_case()``: a living subsidy during off-site training, by the
  default reading and, with ``include_living_subsidy=True``, by the option.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

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
    CostRange,
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
from hrpolicy.bonds.policy import BondPolicy
from hrpolicy.core.money import Rate

__all__ = [
    "electrician_case",
    "electrician_cost_range_case",
    "electrician_living_subsidy_case",
    "electrician_revenue_waiver_case",
    "electrician_signed_mid_course_case",
]


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


def electrician_revenue_waiver_case(
    *, revenue_produced: Decimal | None = Decimal("120000")
) -> BondCase:
    """The electrician's case with a waiver for the revenue his new skill produced.

    The rule, restated: 技能为公司创造了约定数额的收入的，免除或减少应付的违约金；减免是公司
    在法律之上的让步，只能降低应付数额。 / When the skill learnt produced a stated revenue for
    the company, the repayment is waived or reduced; a waiver is the company's generosity on
    top of the law and can only lower what is owed.

    The figures chosen: his agreement gains an Art. 7 alongside Art. 6 (still unmet, as the
    company held it): 40 % of what is owed is waived once the maintenance work he does with
    the skill has brought the company at least 100,000 yuan; by his last day it had brought
    120,000 yuan (``revenue_produced``).

    Args:
        revenue_produced: the revenue the skill produced by his last day (default 120,000
            yuan, which meets the threshold; ``None`` when it is not stated, so the
            condition is not shown).

    Returns:
        The case, ready to :meth:`~hrpolicy.bonds.BondCase.settle`.

    Example:
        >>> r = electrician_revenue_waiver_case().settle()
        >>> r.total_payable, r.refund_due
        (Decimal('1100.00'), Decimal('1900.00'))
        >>> short = electrician_revenue_waiver_case(revenue_produced=Decimal("99999.99"))
        >>> short.settle().total_payable
        Decimal('1833.33')
    """
    case = electrician_case()
    (agreement,) = case.agreements
    revenue = Waiver(
        condition=WaiverCondition.REVENUE_PRODUCED,
        clause_ref="Art. 7",
        effect=WaiverEffect.REDUCE_BY_SHARE,
        share=Rate.parse("40%"),
        threshold=Decimal("100000"),
        text="40 % of the repayment is waived once the skill has brought the company "
        "revenue of 100,000 yuan.",
    )
    return attrs.evolve(
        case,
        agreements=(attrs.evolve(agreement, waivers=(*agreement.waivers, revenue)),),
        separation=attrs.evolve(case.separation, revenue_produced=revenue_produced),
    )


def electrician_cost_range_case() -> BondCase:
    """The electrician's case with the training cost stated as a range (培训费用范围).

    The rule, restated: 协议可以约定培训费用的范围；应付数额以实际认定的培训费用为准（《实施
    条例》第十六条），不以约定的范围为准。 / An agreement may state the training cost as a
    range; what is owed rests on the cost actually recognised (Regs 16), never on the range.

    The figures chosen: the agreement states the cost as 4,000 to 5,000 yuan (it quoted
    the course fee, 4,800, and left out the travel and lodging); the vouchered cost
    recognised is 6,000 yuan, as in his case.

    Returns:
        The case, ready to :meth:`~hrpolicy.bonds.BondCase.settle`.

    Example:
        >>> r = electrician_cost_range_case().settle()
        >>> r.total_payable
        Decimal('1833.33')
        >>> [f.param("excess") for f in r.findings if f.code == "cost_above_stated_range"]
        [Decimal('1000.00')]
    """
    case = electrician_case()
    (agreement,) = case.agreements
    stated = CostRange(low=Decimal("4000"), high=Decimal("5000"))
    return attrs.evolve(case, agreements=(attrs.evolve(agreement, stated_cost_range=stated),))


def electrician_signed_mid_course_case() -> BondCase:
    """The electrician's case with the bond signed a week into the course.

    The rule, restated: 服务期协议应在受训人出发参加培训之前签订；培训开始（或结束）之后才签订
    的，应作为一项提示指出（双方是否协商一致、是否知情存在风险），不能默默通过。 / The
    agreement should be signed before the trainee leaves for the course; a bond signed after
    the training started (or ended) is a finding, as consent and knowledge are at risk, not a
    silent pass.

    The figures chosen: signed on 2010-10-15, seven days after the course began on
    2010-10-08 (his own case, signed on 2010-11-08 after the course ended on 2010-11-05, is
    :func:`electrician_case`). The agreement is silent on when service starts, so it starts
    the day after the training ends whatever the signing date, and the figure is his.

    Returns:
        The case, ready to :meth:`~hrpolicy.bonds.BondCase.settle`.

    Example:
        >>> r = electrician_signed_mid_course_case().settle()
        >>> [f.param("days") for f in r.findings if f.code == "signed_after_training_started"]
        [7]
        >>> r.total_payable
        Decimal('1833.33')
    """
    case = electrician_case()
    (agreement,) = case.agreements
    return attrs.evolve(case, agreements=(attrs.evolve(agreement, signed_on=date(2010, 10, 15)),))


def electrician_living_subsidy_case(*, include_living_subsidy: bool = False) -> BondCase:
    """The electrician's case with a living subsidy (生活补贴) paid during his course.

    The rule, restated: 异地培训期间发放的生活补贴介于直接培训费用和工资之间；按默认理解不计入
    培训费用，也可以选择计入（有争议）。 / A living subsidy paid during off-site training sits
    between a direct cost and a wage: by the default reading it is not training cost, and an
    option counts it (contested).

    The figures chosen: 30 yuan a day for the 29 days of the course (2010-10-08 to
    2010-11-05), 870 yuan, paid by the employer with a payroll voucher.

    Args:
        include_living_subsidy: the option
            (:attr:`~hrpolicy.bonds.BondPolicy.include_living_subsidy`); default ``False``,
            the default reading.

    Returns:
        The case, ready to :meth:`~hrpolicy.bonds.BondCase.settle`.

    Example:
        >>> default = electrician_living_subsidy_case().settle()
        >>> default.bond("SP-2010-017").recognised_cost, default.total_payable
        (Decimal('6000.00'), Decimal('1833.33'))
        >>> counted = electrician_living_subsidy_case(include_living_subsidy=True).settle()
        >>> counted.bond("SP-2010-017").recognised_cost, counted.total_payable
        (Decimal('6870.00'), Decimal('2099.17'))
    """
    case = electrician_case()
    (agreement,) = case.agreements
    course = agreement.training
    assert course is not None  # the electrician's course is part of his case
    subsidy = CostItem(
        id="subsidy",
        category=CostCategory.LIVING_SUBSIDY,
        amount=Decimal("870"),
        has_voucher=True,
        paid_by=Payer.EMPLOYER,
        description="living subsidy, 30 yuan a day for 29 days (payroll voucher)",
    )
    fed = attrs.evolve(course, costs=(*course.costs, subsidy))
    return attrs.evolve(
        case,
        agreements=(attrs.evolve(agreement, training=fed),),
        policy=BondPolicy(include_living_subsidy=include_living_subsidy),
    )
