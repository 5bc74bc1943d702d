"""The facts of a training bond: the training and its costs, the agreement and its clauses,
the employment, and the separation.

All objects are frozen, validated on construction (errors name the field, what was expected
and what came) and convert to and from plain data with :func:`hrpolicy.to_dict` /
:func:`hrpolicy.from_dict`. Dates of a period are **inclusive** (``Training.end`` is the
last day of the course; ``Separation.last_day`` is the last day of employment and counts as
served).
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Annotated, Final, TypeVar

import attrs

from hrpolicy.bonds.counting import end_after
from hrpolicy.core.bands import BandTable
from hrpolicy.core.checked import MISSING_HINT, IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union
from hrpolicy.core.errors import (
    InvalidValueError,
    PolicyDefinitionError,
)
from hrpolicy.core.fields import (
    NonNegativeInt,
    NonNegativeMoney,
    Quantity,
    Text,
    checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label, label
from hrpolicy.core.money import Rate
from hrpolicy.core.span import Rounding, TimeUnit

__all__ = [
    "BenefitKind",
    "BondAgreement",
    "Clause",
    "ClauseKind",
    "Collection",
    "CollectionMethod",
    "CostCategory",
    "CostItem",
    "CostMultiple",
    "CostRange",
    "Employment",
    "ExitGround",
    "FlatSum",
    "Payer",
    "PenaltyClause",
    "PerLaw",
    "PerUnservedUnit",
    "ProRata",
    "Provider",
    "Regime",
    "Separation",
    "ServedTimeSchedule",
    "ServiceLength",
    "SpecialBenefit",
    "StartRule",
    "Training",
    "TrainingKind",
    "Waiver",
    "WaiverCondition",
    "WaiverEffect",
]


_T = TypeVar("_T")

# --- training ------------------------------------------------------------------------


class TrainingKind(Choice):
    """What the training was. Only ``PROFESSIONAL_TECHNICAL`` (and, in Shanghai,
    ``SPECIAL_OPERATION_CERTIFICATE``) can carry a bond (LCL 22(1)). Onboarding,
    job-transfer and safety training are the employer's own statutory duty (Labour Law 68;
    Work Safety Law 28); management or team-leader courses, brand or service standards and
    in-house mentoring are not professional-technical training."""

    PROFESSIONAL_TECHNICAL = "professional_technical"  # 专业技术培训
    SPECIAL_OPERATION_CERTIFICATE = "special_operation_certificate"  # 特种作业安全资格证
    ONBOARDING = "onboarding"  # 入职 / 岗前 / 上岗培训
    JOB_TRANSFER = "job_transfer"  # 转岗 / 轮岗培训
    SAFETY_HYGIENE = "safety_hygiene"  # 安全卫生教育
    MANAGEMENT = "management"  # general management / team-leader courses
    BRAND_SERVICE_STANDARDS = "brand_service_standards"  # brand or service standards
    MENTORING = "mentoring"  # in-house master–apprentice (师带徒)


class Provider(Choice):
    """Who ran the training."""

    EXTERNAL = "external"
    IN_HOUSE = "in_house"


class Payer(Choice):
    """Who bore a cost."""

    EMPLOYER = "employer"
    EMPLOYEE = "employee"
    THIRD_PARTY = "third_party"  # a customer, a supplier, a government subsidy
    PARENT_COMPANY = "parent_company"  # another entity of the group


class CostCategory(Choice):
    """What a cost item paid for. The first eight are direct training costs (Regs 16); the
    rest are never training cost (wages only under the contested option), except the
    living subsidy paid during off-site training (生活补贴), which sits between a direct
    cost and a wage: in the nature of an allowance, it is not training cost by the
    default reading, and counts only under the contested option
    :attr:`~hrpolicy.bonds.BondPolicy.include_living_subsidy`."""

    TUITION = "tuition"
    TRAVEL = "travel"
    LODGING = "lodging"
    MEALS = "meals"
    VISA = "visa"
    EXAM_CERTIFICATION = "exam_certification"
    MATERIALS = "materials"
    OTHER_DIRECT = "other_direct"
    WAGES = "wages"
    SOCIAL_INSURANCE = "social_insurance"
    ALLOWANCES = "allowances"
    TRAINER_TIME = "trainer_time"  # in-house trainer or mentor time
    LOST_PRODUCTION = "lost_production"  # opportunity cost
    LIVING_SUBSIDY = "living_subsidy"  # 生活补贴 paid during off-site training


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CostItem:
    """One cost of a training. ``has_voucher`` (有凭证) and ``paid_by`` must always be
    stated. ``shared_by`` is the number of trainees a group invoice is shared among (1 to
    10 000)."""

    id: Text
    category: CostCategory
    amount: NonNegativeMoney
    has_voucher: bool
    paid_by: Payer
    shared_by: Annotated[int, IntSpec(min_value=1, max_value=10_000)] = 1
    description: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Training:
    """A training course: what it was, who ran it, when (``start`` to ``end`` inclusive),
    and what it cost.

    ``during_probation`` says whether the training started in probation. Leave it ``None``
    when :attr:`Employment.probation_end` is given: the engines derive it from the
    training's start (a value that contradicts the dates is refused). Without the last day
    of probation it cannot be derived, so give it whenever a rule needs it (onboarding and
    professional-technical training); every result records in a step which it was.
    """

    id: Text
    kind: TrainingKind
    provider: Provider
    start: date
    end: date
    costs: tuple[CostItem, ...]
    during_probation: bool | None = None
    took_place: bool = True
    full_time_off_job: bool = False
    title: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            self.end >= self.start,
            "Training.end",
            f"a date on or after start {self.start.isoformat()}",
            self.end,
        )
        require_unique([c.id for c in self.costs], "Training.costs", "cost item id")


# --- the agreement -------------------------------------------------------------------

#: The longest service period the library accepts: far beyond any agreement seen, and
#: short enough that date arithmetic never leaves the calendar.
_MAX_YEARS = 50


class StartRule(Choice):
    """When the service period starts."""

    DAY_AFTER_TRAINING_ENDS = "day_after_training_ends"  # the default when silent
    TRAINING_START = "training_start"  # the training period then counts as service
    SIGNING = "signing"
    CONTRACT_START = "contract_start"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ServiceLength:
    """The agreed length of service, e.g. ``ServiceLength(years=3)``."""

    years: NonNegativeInt = 0
    months: NonNegativeInt = 0
    days: NonNegativeInt = 0

    def __attrs_post_init__(self) -> None:
        require(
            bool(self.years or self.months or self.days),
            "ServiceLength",
            "a length of at least one day",
            (self.years, self.months, self.days),
        )
        longest = _MAX_YEARS * 366
        for name, value, limit in (
            ("years", self.years, _MAX_YEARS),
            ("months", self.months, _MAX_YEARS * 12),
            ("days", self.days, longest),
        ):
            require(
                value <= limit,
                f"ServiceLength.{name}",
                f"at most {limit} ({_MAX_YEARS} years)",
                value,
            )
        require(
            self.years * 366 + self.months * 31 + self.days <= longest,
            "ServiceLength",
            f"a length of at most {_MAX_YEARS} years in all",
            (self.years, self.months, self.days),
        )

    def end_after(self, start: date) -> date:
        """The exclusive end of a period of this length from ``start`` (month-end
        clipping as in :mod:`hrpolicy.core.span`)."""
        return end_after(start, self.years, self.months, self.days)

    def describe(self) -> str:
        """E.g. ``'3 years'``, ``'1 year 6 months'``."""
        parts = []
        for count, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if count:
                parts.append(f"{count} {unit}{'s' if count != 1 else ''}")
        return " ".join(parts)

    def to_label(self) -> Label:
        """The length in both languages, e.g. ``3年6个月`` / ``3 years 6 months``."""
        zh = "".join(
            f"{count}{unit}"
            for count, unit in ((self.years, "年"), (self.months, "个月"), (self.days, "天"))
            if count
        )
        return label(zh, self.describe())


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FlatSum:
    """A flat sum: "pay ``amount`` if you leave early", whatever the time served."""

    amount: NonNegativeMoney
    clause_ref: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CostMultiple:
    """A multiple of the cost: "repay ``multiple`` × the training cost" (1 = the full cost
    whatever the time served; 2 or 4 = the multiples some agreements demand). The cost is
    the recognised cost, or the agreement's ``stated_cost`` when that is lower."""

    multiple: Quantity
    clause_ref: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ProRata:
    """The agreement's own proration: cost × unserved ÷ total, counting time in ``unit`` and
    rounding a partial unit served as ``rounding`` says (e.g. by month, complete months
    only: ``ProRata(unit=MONTHS, rounding=FLOOR)``)."""

    unit: TimeUnit
    rounding: Rounding
    clause_ref: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PerUnservedUnit:
    """A rate per unserved unit: "each unserved year costs 20 % of the training cost":
    cost × ``rate`` × unserved units, time served counted in ``unit`` and rounded as
    ``rounding`` says."""

    rate: Rate
    unit: TimeUnit
    rounding: Rounding
    clause_ref: str = ""

    def __attrs_post_init__(self) -> None:
        require(self.rate.value > 0, "PerUnservedUnit.rate", "a rate above zero", self.rate)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ServedTimeSchedule:
    """A stepped schedule: the share of the cost owed, looked up by time served (counted
    in ``unit``, rounded as ``rounding`` says) in ``table``, e.g. "leave in the first year:
    100 %; in the second: 60 %; in the third: 20 %". The table must cover all time from 0
    and may not rise with time served."""

    table: BandTable
    unit: TimeUnit
    rounding: Rounding
    clause_ref: str = ""

    def __attrs_post_init__(self) -> None:
        first, last = self.table.bands[0], self.table.bands[-1]
        if first.lower != 0 or not first.lower_closed or last.upper is not None:
            raise PolicyDefinitionError(
                "ServedTimeSchedule.table",
                "bands covering [0, ∞) of time served",
                self.table.domain(),
            )
        shares = []
        for band in self.table.bands:
            shares.append(band.value)
            if band.end_value is not None:
                shares.append(band.end_value)
        if any(share < 0 for share in shares):
            raise PolicyDefinitionError(
                "ServedTimeSchedule.table", "shares of zero or more", shares
            )
        if any(later > earlier for earlier, later in itertools.pairwise(shares)):
            raise PolicyDefinitionError(
                "ServedTimeSchedule.table", "shares that do not rise with time served", shares
            )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PerLaw:
    """Repayment "pro rata / as the law provides": the statutory cap itself."""

    clause_ref: str = ""


#: The forms a penalty (违约金) clause takes.
PenaltyClause = FlatSum | CostMultiple | ProRata | PerUnservedUnit | ServedTimeSchedule | PerLaw

register_tagged_union(
    PenaltyClause,
    {
        FlatSum: "flat_sum",
        CostMultiple: "cost_multiple",
        ProRata: "pro_rata",
        PerUnservedUnit: "per_unserved_unit",
        ServedTimeSchedule: "served_time_schedule",
        PerLaw: "per_law",
    },
)


class ClauseKind(Choice):
    """Other clauses found in bond agreements, each unlawful or void (LCL Art. 25)."""

    CERTIFICATE_WITHHOLDING = "certificate_withholding"  # ID, diploma, qualification held
    DEPOSIT = "deposit"  # training deposit, cash bond, guarantor
    DOCUMENT_WITHHOLDING = "document_withholding"  # separation certificate, file, belongings
    LOSS_PENALTY = "loss_penalty"  # lost production, recruitment cost, "damage", rule breaches
    WAGE_DEDUCTION = "wage_deduction"  # the penalty deducted from final wages
    NO_RESIGNATION = "no_resignation"  # no resignation / resignation needs approval
    PENALTY_ON_ANY_EXIT = "penalty_on_any_exit"  # also due on employer-fault or no-fault exits
    WAGES_AS_COST = "wages_as_cost"  # wages, allowances or social insurance counted as cost
    PAY_FREEZE = "pay_freeze"  # no pay raises during the bond
    EXAM_FAILURE_TERMINATION = "exam_failure_termination"  # "contract ends if you fail"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Clause:
    """Another clause of the agreement. ``ref`` is its number in the agreement (for the
    finding); ``amount`` a sum it names (a deposit taken, a loss figure)."""

    kind: ClauseKind
    ref: str = ""
    amount: NonNegativeMoney | None = None
    text: str = ""


class BenefitKind(Choice):
    """Special benefits sometimes tied to a service period. They are not training bonds."""

    HOUSING = "housing"
    CAR = "car"
    HUKOU = "hukou"  # household registration / settling-in


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SpecialBenefit:
    """A housing, car or hukou benefit given for a service period."""

    kind: BenefitKind
    value: NonNegativeMoney | None = None
    description: str = ""


class WaiverCondition(Choice):
    """The condition under which an agreement waives or reduces what is owed (a company
    handbook rule, on top of the law):

    - ``TRAINED_SUCCESSOR`` — the trainee trained a colleague who can take over the job;
    - ``REVENUE_PRODUCED`` — the skill learnt produced at least a stated revenue for the
      company (decided by :attr:`Separation.revenue_produced` against the threshold);
    - ``OTHER`` — any other condition the agreement states (its ``text`` says which).
    """

    TRAINED_SUCCESSOR = "trained_successor"
    REVENUE_PRODUCED = "revenue_produced"
    OTHER = "other"


class WaiverEffect(Choice):
    """What a waiver does once its condition is met: waive everything owed
    (``WAIVE_ALL``), or reduce it by a share of it (``REDUCE_BY_SHARE``) or by an amount
    (``REDUCE_BY_AMOUNT``)."""

    WAIVE_ALL = "waive_all"
    REDUCE_BY_SHARE = "reduce_by_share"
    REDUCE_BY_AMOUNT = "reduce_by_amount"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Waiver:
    """A clause that waives or reduces what the bond owes when a condition is met.

    ``clause_ref`` names the clause (it is how :attr:`Separation.waivers_met` says the
    condition was met). ``effect`` is what it does: waive in full (the default), reduce by
    ``share`` of what is owed (a rate above 0 and at most 100 %), or reduce by ``amount``
    (above 0). A ``REVENUE_PRODUCED`` waiver needs the revenue ``threshold`` (above 0);
    no other condition takes one. A waiver is applied after the statutory caps and can
    only ever lower the figure: payable = max(0, capped − reduction), or 0 when waived.
    """

    condition: WaiverCondition
    clause_ref: Text
    effect: WaiverEffect = WaiverEffect.WAIVE_ALL
    share: Rate | None = None
    amount: NonNegativeMoney | None = None
    threshold: NonNegativeMoney | None = None
    text: str = ""

    def __attrs_post_init__(self) -> None:
        by_share = self.effect is WaiverEffect.REDUCE_BY_SHARE
        by_amount = self.effect is WaiverEffect.REDUCE_BY_AMOUNT
        require(
            (self.share is not None) == by_share,
            "Waiver.share",
            "a share for a reduce_by_share waiver, and None otherwise",
            self.share,
        )
        if self.share is not None:
            require(
                0 < self.share.value <= 1,
                "Waiver.share",
                "a share above 0 and at most 100 %",
                self.share,
            )
        require(
            (self.amount is not None) == by_amount,
            "Waiver.amount",
            "an amount for a reduce_by_amount waiver, and None otherwise",
            self.amount,
        )
        if self.amount is not None:
            require(self.amount > 0, "Waiver.amount", "an amount above 0", self.amount)
        revenue = self.condition is WaiverCondition.REVENUE_PRODUCED
        require(
            (self.threshold is not None) == revenue,
            "Waiver.threshold",
            "the revenue threshold for a revenue_produced waiver, and None otherwise",
            self.threshold,
        )
        if self.threshold is not None:
            require(self.threshold > 0, "Waiver.threshold", "a threshold above 0", self.threshold)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CostRange:
    """A training cost the agreement states as a range (培训费用范围), ``low`` to ``high``
    inclusive. What is owed rests on the cost actually recognised (Regs 16), never on the
    range; a recognised cost outside it is a finding."""

    low: NonNegativeMoney
    high: NonNegativeMoney

    def __attrs_post_init__(self) -> None:
        require(
            self.high >= self.low,
            "CostRange.high",
            f"an amount at or above low {self.low}",
            self.high,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BondAgreement:
    """A service-period agreement (服务期协议) for one training — or, exceptionally, for a
    special benefit (then ``training`` is ``None`` and ``benefit`` is set), or for neither:
    a service period tied to a promotion or a pay rise (both ``None``). Only a training
    bond can carry a penalty (LCL 22, 25); the engines say so for the others.

    ``start_rule`` / ``start_date`` record an explicit start; leave both ``None`` when the
    agreement is silent (the policy's convention then applies; without a training, service
    counts from signing). ``penalty`` is ``None`` when the agreement has no penalty or
    repayment clause. ``stated_cost`` is the training cost the agreement itself names, if
    any; ``stated_cost_range`` the range it names instead (not both). ``waivers`` are the
    clauses that waive or reduce what is owed when a condition is met (each clause ref
    once).
    """

    id: Text
    signed_on: date
    length: ServiceLength
    penalty: PenaltyClause | None
    training: Training | None = None
    benefit: SpecialBenefit | None = None
    start_rule: StartRule | None = None
    start_date: date | None = None
    clauses: tuple[Clause, ...] = ()
    stated_cost: NonNegativeMoney | None = None
    stated_cost_range: CostRange | None = None
    waivers: tuple[Waiver, ...] = ()

    def __attrs_post_init__(self) -> None:
        require(
            self.stated_cost is None or self.stated_cost_range is None,
            "BondAgreement.stated_cost_range",
            "None when stated_cost is given (the agreement states a cost or a range, not both)",
            self.stated_cost_range,
        )
        require_unique(
            [w.clause_ref for w in self.waivers], "BondAgreement.waivers", "waiver clause_ref"
        )
        require(
            self.training is None or self.benefit is None,
            "BondAgreement.benefit",
            "None when the agreement is for a training (one agreement, one training or "
            "one benefit)",
            self.benefit,
        )
        require(
            self.start_rule is None or self.start_date is None,
            "BondAgreement.start_date",
            "either start_rule or start_date, not both",
            self.start_date,
        )
        if self.training is None and self.start_rule is not None:
            require(
                self.start_rule in (StartRule.SIGNING, StartRule.CONTRACT_START),
                "BondAgreement.start_rule",
                "signing or contract_start for an agreement without a training",
                self.start_rule.value,
            )


# --- employment and separation -------------------------------------------------------


class Regime(Choice):
    """The legal regime of the employment. Only ``GENERAL`` is in scope."""

    GENERAL = "general"
    CIVIL_AVIATION_PILOT = "civil_aviation_pilot"
    PUBLIC_INSTITUTION = "public_institution"  # LCL 96 appointment contracts


#: What ``Employment.contract_end`` expects when it is left out (in code or in data).
_CONTRACT_END_MISSING: Final = (
    "the labour contract's last day, or contract_end=None (null in data) for an open-ended "
    "contract (whether it is fixed-term decides its extension under Regs 17, so it is never "
    "assumed)"
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Employment:
    """The employment relation: hire date, the labour contract's start and last day and
    the last day of probation.

    ``contract_end`` is always stated: the last day of a fixed-term contract, or ``None``
    for an open-ended one (无固定期限) — it decides whether the contract is extended to
    the service period's end (Regs 17), so it is never assumed.
    """

    hire_date: date
    contract_end: date | None = attrs.field(metadata={MISSING_HINT: _CONTRACT_END_MISSING})
    probation_end: date | None = None
    contract_start: date | None = None
    regime: Regime = Regime.GENERAL
    employee: str = ""

    def __attrs_post_init__(self) -> None:
        for name in ("contract_end", "probation_end", "contract_start"):
            value = getattr(self, name)
            require(
                value is None or value >= self.hire_date,
                f"Employment.{name}",
                f"a date on or after hire_date {self.hire_date.isoformat()}",
                value,
            )
        if self.contract_end is not None:
            for name in ("probation_end", "contract_start"):
                value = getattr(self, name)
                require(
                    value is None or value <= self.contract_end,
                    f"Employment.{name}",
                    f"a date on or before contract_end {self.contract_end.isoformat()}",
                    value,
                )


class ExitGround(Choice):
    """Why the employment ended (Regs Art. 26)."""

    RESIGNATION = "resignation"  # LCL 37, no employer fault
    ABSCONDED = "absconded"  # walked out without notice
    RESIGNATION_EMPLOYER_FAULT = "resignation_employer_fault"  # LCL 38
    DISMISSAL_MISCONDUCT = "dismissal_misconduct"  # LCL 39 items 2–6
    DISMISSAL_FAILED_PROBATION = "dismissal_failed_probation"  # LCL 39 item 1
    DISMISSAL_NO_FAULT = "dismissal_no_fault"  # LCL 40
    LAYOFF = "layoff"  # LCL 41
    UNLAWFUL_DISMISSAL = "unlawful_dismissal"  # LCL 48 / 87
    EXPIRY_EMPLOYER_NOT_RENEWING = "expiry_employer_not_renewing"
    EXPIRY_EMPLOYEE_REFUSES = "expiry_employee_refuses"
    MUTUAL_AGREEMENT = "mutual_agreement"  # LCL 36
    RETIREMENT = "retirement"  # LCL 44(2)
    DEATH = "death"  # LCL 44(3)
    EMPLOYER_BANKRUPTCY = "employer_bankruptcy"  # LCL 44(4)
    EMPLOYER_CLOSURE = "employer_closure"  # LCL 44(5)


class CollectionMethod(Choice):
    """How the employer took money towards a bond penalty."""

    PAID_BY_EMPLOYEE = "paid_by_employee"
    DEDUCTED_FROM_WAGES = "deducted_from_wages"
    TAKEN_FROM_DEPOSIT = "taken_from_deposit"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Collection:
    """Money the employer already took towards the penalty."""

    amount: NonNegativeMoney
    method: CollectionMethod
    on: date | None = None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Separation:
    """The end of employment: the last day (counted as served), the ground, whether a
    mutual separation agreement expressly settles the bond, what the employer demanded and
    what it already collected.

    ``waivers_met`` lists the waiver clauses whose condition was met, by clause ref
    (``"Art. 6"``; ``"<agreement id>/Art. 6"`` when two agreements settled together use
    the same ref); a ``revenue_produced`` waiver is never listed: it is decided by
    ``revenue_produced``, the revenue the skill produced, against its threshold.
    """

    last_day: date
    ground: ExitGround
    settles_bond: bool = False
    demanded: NonNegativeMoney | None = None
    collections: tuple[Collection, ...] = ()
    waivers_met: tuple[Text, ...] = ()
    revenue_produced: NonNegativeMoney | None = None

    def __attrs_post_init__(self) -> None:
        require_unique(list(self.waivers_met), "Separation.waivers_met", "clause ref")
        if self.settles_bond and self.ground is not ExitGround.MUTUAL_AGREEMENT:
            raise InvalidValueError(
                "Separation.settles_bond",
                "False unless the ground is mutual_agreement "
                "(only a separation agreement settles a bond)",
                self.settles_bond,
            )
