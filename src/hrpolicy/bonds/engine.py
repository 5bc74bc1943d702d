"""The training-bond engine: review an agreement, settle it at a separation.

:func:`review` checks an agreement against the law before anyone leaves: whether the
training can carry a bond (LCL 22(1)), the recognised cost C (Regs 16), the service period
and the labour contract's extension (Regs 17), and a finding for every void or unlawful
clause (LAW.md A7).

:func:`settle_bond` settles one agreement at a separation and :func:`settle` settles every
bond of one employee separately and totals them, with the refund due when the employer
already collected more than the law allows:

    payable = min(agreed amount at the exit date, C × unserved ÷ total)   (LCL 22(2))

or 0 with the reason when the exit ground exempts the employee (Regs 26; LAW.md A6), or
no number at all when only a court can assess damages (housing / car / hukou benefits,
SPC Interpretation II Art. 12) or the regime is out of scope. Time is counted and rounded
as the :class:`~hrpolicy.bonds.policy.BondPolicy` says; money is exact until one half-up
rounding to 0.01 at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from hrpolicy.bonds.messages import CATALOG, label
from hrpolicy.bonds.model import (
    BenefitKind,
    BondAgreement,
    ClauseKind,
    CollectionMethod,
    CostCategory,
    CostMultiple,
    Employment,
    ExitGround,
    FlatSum,
    Payer,
    PenaltyClause,
    PerLaw,
    PerUnservedUnit,
    ProRata,
    Provider,
    Regime,
    Separation,
    ServedTimeSchedule,
    ServiceLength,
    StartRule,
    Training,
    TrainingKind,
)
from hrpolicy.bonds.policy import (
    BondPolicy,
    MutualAgreementRule,
    ProbationRule,
    Region,
    ServiceSchedule,
)
from hrpolicy.bonds.results import (
    BondPlan,
    BondReview,
    BondSettlement,
    CostLine,
    Eligibility,
    EligibilityStatus,
    Outcome,
    RecognisedCost,
    SeparationSettlement,
    ServicePeriod,
)
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, NotCoveredError
from hrpolicy.core.explain import Explanation, Finding, Label, Step, StepValue
from hrpolicy.core.fields import require_unique
from hrpolicy.core.money import ZERO, money_sum, round_money
from hrpolicy.core.span import Rounding, TimeUnit, add_units, measure, through
from hrpolicy.law.provisions import Provision
from hrpolicy.law.provisions import provision as p

__all__ = ["plan_bonds", "review", "settle", "settle_bond"]

_DEFAULT_POLICY: Final = BondPolicy()
_LCL_IN_FORCE: Final = date(2008, 1, 1)


class _Trail:
    """Collects explanation steps and findings in order."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.findings: list[Finding] = []

    def step(
        self,
        rule: str,
        text: Label,
        inputs: Mapping[str, StepValue],
        output: StepValue,
        *citations: Provision,
    ) -> None:
        self.steps.append(Step(rule, text, tuple(inputs.items()), output, citations))

    def find(self, code: str, subject: str = "", **params: Any) -> None:
        self.findings.append(CATALOG.finding(code, subject=subject, **params))

    def explanation(self, before: Explanation | None = None) -> Explanation:
        steps = tuple(self.steps)
        findings = tuple(self.findings)
        if before is not None:
            steps = before.steps + steps
            findings = before.findings + findings
        return Explanation(steps, findings)


# --- A1: which training can carry a bond -------------------------------------------------

_REGIMES: Final[Mapping[Regime, Label]] = {
    Regime.GENERAL: label("一般", "general"),
    Regime.CIVIL_AVIATION_PILOT: label("民航飞行员", "civil-aviation pilot"),
    Regime.PUBLIC_INSTITUTION: label("事业单位聘用制", "public-institution appointment (LCL 96)"),
}
_BENEFITS: Final[Mapping[BenefitKind, Label]] = {
    BenefitKind.HOUSING: label("住房", "housing"),
    BenefitKind.CAR: label("车辆", "car"),
    BenefitKind.HUKOU: label("落户", "hukou"),
}

_STATUTORY_KINDS: Final[Mapping[TrainingKind, Label]] = {
    TrainingKind.ONBOARDING: label("入职/岗前", "Onboarding / pre-job"),
    TrainingKind.JOB_TRANSFER: label("转岗/轮岗", "Job-transfer"),
    TrainingKind.MANAGEMENT: label("通用管理/班组长", "General management / team-leader"),
    TrainingKind.BRAND_SERVICE_STANDARDS: label("品牌/服务规范", "Brand or service-standards"),
    TrainingKind.MENTORING: label("内部师带徒", "In-house mentoring"),
}


def _eligibility(
    agreement: BondAgreement, employment: Employment, policy: BondPolicy, trail: _Trail
) -> Eligibility:
    out_of_scope = _scope(employment, trail)
    if out_of_scope is not None:
        return out_of_scope
    if agreement.benefit is not None:
        trail.find("special_benefit_requires_court", benefit=_BENEFITS[agreement.benefit.kind])
        return Eligibility(
            EligibilityStatus.SPECIAL_BENEFIT,
            label(
                "特殊待遇服务期，由法院评估赔偿",
                "special-benefit bond, damages assessed by a court",
            ),
            (p("SPC-II 12"),),
        )
    training = agreement.training
    assert training is not None  # BondAgreement guarantees training xor benefit
    return _training_eligibility(training, policy, trail)


def _scope(employment: Employment, trail: _Trail) -> Eligibility | None:
    if employment.regime is not Regime.GENERAL:
        trail.find("out_of_scope_regime", regime=_REGIMES[employment.regime])
        return Eligibility(
            EligibilityStatus.OUT_OF_SCOPE,
            label("特别法律制度，不在范围内", "special legal regime, out of scope"),
            (p("LCL 96"),),
        )
    return None


def _training_eligibility(training: Training, policy: BondPolicy, trail: _Trail) -> Eligibility:
    """LAW.md A1 for one training: can it carry a bond at all?"""
    if not training.took_place:
        trail.find("training_not_held")
        return Eligibility(
            EligibilityStatus.NOT_HELD,
            label("培训未实际进行", "the training never took place"),
            (p("LCL 22(1)"),),
        )
    kind = training.kind
    if kind in _STATUTORY_KINDS:
        trail.find("bond_on_statutory_training", kind=_STATUTORY_KINDS[kind])
        if training.during_probation and kind is TrainingKind.ONBOARDING:
            trail.find("probation_onboarding_charge")
        return Eligibility(
            EligibilityStatus.STATUTORY_TRAINING,
            label("法定义务培训，不能约定服务期", "statutory-duty training cannot carry a bond"),
            (p("LCL 22(1)"), p("LL 68")),
        )
    if kind is TrainingKind.SAFETY_HYGIENE or (
        kind is TrainingKind.SPECIAL_OPERATION_CERTIFICATE and policy.region is not Region.SHANGHAI
    ):
        trail.find("bond_on_safety_training")
        return Eligibility(
            EligibilityStatus.STATUTORY_TRAINING,
            label("安全生产培训是法定义务", "safety training is a statutory duty"),
            (p("WSL 28"), p("WSL 47")),
        )
    if kind is TrainingKind.SPECIAL_OPERATION_CERTIFICATE:
        trail.find("shanghai_special_operation")
    if training.during_probation:
        trail.find("probation_training_contested")
    return Eligibility(
        EligibilityStatus.ELIGIBLE,
        label("用人单位出资的专业技术培训", "employer-funded professional-technical training"),
        (p("LCL 22(1)"),),
    )


# --- A2: the recognised cost C -----------------------------------------------------------

_PAYERS: Final[Mapping[Payer, Label]] = {
    Payer.EMPLOYER: label("用人单位", "the employer"),
    Payer.EMPLOYEE: label("员工本人", "the employee"),
    Payer.THIRD_PARTY: label("第三方", "a third party"),
    Payer.PARENT_COMPANY: label("母公司或关联公司", "the parent or a related company"),
}

_WAGE_LIKE: Final = frozenset(
    {CostCategory.WAGES, CostCategory.SOCIAL_INSURANCE, CostCategory.ALLOWANCES}
)


def _cost_line(training: Training, index: int, policy: BondPolicy) -> CostLine:
    """Whether one cost item is training cost under Regs 16, and why."""
    item = training.costs[index]
    share = Fraction(item.amount) / item.shared_by

    def line(zh: str, en: str, *citations: Provision, recognised: bool) -> CostLine:
        return CostLine(
            item_id=item.id,
            category=item.category,
            amount=item.amount,
            share=share,
            recognised=recognised,
            reason=label(zh, en),
            citations=citations or (p("Regs 16"),),
        )

    def excluded(zh: str, en: str, *citations: Provision) -> CostLine:
        return line(zh, en, *citations, recognised=False)

    def included(zh: str, en: str) -> CostLine:
        return line(zh, en, recognised=True)

    category = item.category
    offjob_wages = (
        category is CostCategory.WAGES
        and policy.include_offjob_training_wages
        and training.full_time_off_job
    )
    if category in _WAGE_LIKE and not offjob_wages:
        return excluded(
            "工资、津贴、社会保险费不是培训费用",
            "wages, allowances and social insurance are not training cost",
        )
    if category is CostCategory.TRAINER_TIME:
        return excluded(
            "内部讲师或师傅工时不是为该员工支付的费用",
            "in-house trainer or mentor time is not spent on this employee",
        )
    if category is CostCategory.LOST_PRODUCTION:
        return excluded(
            "机会成本和生产损失不是培训费用",
            "opportunity cost and lost production are not training cost",
            p("Regs 16"),
            p("LCL 25"),
        )
    if item.paid_by is not Payer.EMPLOYER:
        payer = _PAYERS[item.paid_by]
        return excluded(
            f"由{payer.zh_CN}承担，并非用人单位支出",
            f"borne by {payer.en}, not by the employer",
            p("LCL 22(1)"),
            p("Regs 16"),
        )
    if not item.has_voucher:
        return excluded("没有凭证", "no voucher (有凭证 is required)")
    if offjob_wages:
        return included(
            "全脱产培训期间工资（争议选项）",
            "wages of full-time off-job training (contested option)",
        )
    if item.shared_by > 1:
        return included(
            f"集体培训费用按{item.shared_by}人分摊",
            f"group cost shared among {item.shared_by} trainees",
        )
    return included("有凭证的直接培训费用", "vouchered direct training cost")


def _recognise_cost(training: Training, policy: BondPolicy, trail: _Trail) -> RecognisedCost:
    lines = tuple(_cost_line(training, i, policy) for i in range(len(training.costs)))
    total = sum((line.share for line in lines if line.recognised), Fraction(0))
    cost = RecognisedCost(lines, total)
    excluded = cost.excluded
    trail.step(
        "A2.cost",
        label("认定培训费用C", "recognised training cost C"),
        {
            "items": len(lines),
            "recognised_items": len(lines) - len(excluded),
            "excluded_amount": round_money(sum((line.share for line in excluded), Fraction(0))),
        },
        total,
        p("Regs 16"),
    )
    wage_lines = [line for line in excluded if line.category in _WAGE_LIKE]
    other_lines = [line for line in excluded if line.category not in _WAGE_LIKE]
    if wage_lines:
        trail.find(
            "wages_counted_as_cost",
            amount=round_money(sum((ln.share for ln in wage_lines), Fraction(0))),
        )
    included_wages = [ln for ln in lines if ln.recognised and ln.category is CostCategory.WAGES]
    if included_wages:
        trail.find(
            "offjob_wages_included_contested",
            amount=round_money(sum((ln.share for ln in included_wages), Fraction(0))),
        )
    if other_lines:
        trail.find(
            "costs_excluded",
            count=len(other_lines),
            amount=round_money(sum((ln.share for ln in other_lines), Fraction(0))),
        )
    if training.provider is Provider.IN_HOUSE:
        trail.find("in_house_provider")
    return cost


# --- A4, A5: the service period -----------------------------------------------------------


def _service_period(
    agreement: BondAgreement,
    training: Training,
    employment: Employment,
    policy: BondPolicy,
    trail: _Trail,
) -> ServicePeriod:
    if agreement.start_date is not None:
        start, source = agreement.start_date, "agreement: explicit date"
        rule_name = "explicit date"
    else:
        rule = agreement.start_rule or policy.start_convention
        source = (
            f"agreement: {rule.value}" if agreement.start_rule else f"policy default: {rule.value}"
        )
        rule_name = rule.value
        start = {
            StartRule.DAY_AFTER_TRAINING_ENDS: through(training.end),
            StartRule.TRAINING_START: training.start,
            StartRule.SIGNING: agreement.signed_on,
            StartRule.CONTRACT_START: employment.contract_started,
        }[rule]
    trail.step(
        "A4.service_start",
        label("服务期起算日", "service period starts"),
        {
            "rule": rule_name,
            "source": source,
            "training_start": training.start,
            "training_end": training.end,
        },
        start,
        p("Practice-Service"),
    )
    last_day = date.fromordinal(agreement.length.end_after(start).toordinal() - 1)
    trail.step(
        "A4.service_end",
        label("服务期届满日", "service period ends (last day)"),
        {"start": start, "length": agreement.length.describe()},
        last_day,
    )
    extended_to = None
    if employment.contract_end is not None and employment.contract_end < last_day:
        extended_to = last_day
        trail.find("contract_extended", contract_end=employment.contract_end, service_end=last_day)
    trail.step(
        "A5.contract_extension",
        label("劳动合同续延至服务期满", "labour contract extended to the service period's end"),
        {"contract_end": employment.contract_end, "service_last_day": last_day},
        extended_to,
        p("Regs 17"),
    )
    return ServicePeriod(start, last_day, source, employment.contract_end, extended_to)


# --- A3: the penalty clause ----------------------------------------------------------------

_CLAUSE_FINDINGS: Final[Mapping[ClauseKind, str]] = {
    ClauseKind.CERTIFICATE_WITHHOLDING: "certificate_withholding",
    ClauseKind.DEPOSIT: "deposit_or_guarantee",
    ClauseKind.DOCUMENT_WITHHOLDING: "separation_documents_withheld",
    ClauseKind.LOSS_PENALTY: "loss_penalty_void",
    ClauseKind.WAGE_DEDUCTION: "penalty_deducted_from_wages",
    ClauseKind.NO_RESIGNATION: "resignation_restricted",
    ClauseKind.PENALTY_ON_ANY_EXIT: "penalty_on_exempt_exits",
    ClauseKind.WAGES_AS_COST: "wages_as_cost_clause",
    ClauseKind.PAY_FREEZE: "pay_raise_frozen",
    ClauseKind.EXAM_FAILURE_TERMINATION: "exam_failure_termination",
}


_UNITS: Final[Mapping[TimeUnit, Label]] = {
    TimeUnit.DAYS: label("日", "day"),
    TimeUnit.MONTHS: label("月", "month"),
    TimeUnit.YEARS: label("年", "year"),
}
_ROUNDINGS: Final[Mapping[Rounding, Label]] = {
    Rounding.NEAREST: label("满半计整", "nearest"),
    Rounding.FLOOR: label("不足不计", "complete units only"),
    Rounding.CEIL: label("不足按整", "any part counts"),
    Rounding.EXACT: label("按实际比例", "exact"),
}


def _clause_name(clause: PenaltyClause) -> Label:
    """The clause described in both languages, e.g. "1 × cost (Art. 4)"."""
    ref = f" {clause.clause_ref}" if clause.clause_ref else ""
    if isinstance(clause, FlatSum):
        zh, en = f"固定金额{clause.amount}元", f"flat sum of {clause.amount}"
    elif isinstance(clause, CostMultiple):
        zh, en = f"培训费用的{clause.multiple}倍", f"{clause.multiple} × cost"
    elif isinstance(clause, (ProRata, PerUnservedUnit, ServedTimeSchedule)):
        unit, rounding = _UNITS[clause.unit], _ROUNDINGS[clause.rounding]
        if isinstance(clause, ProRata):
            zh = f"按{unit.zh_CN}分摊（{rounding.zh_CN}）"
            en = f"pro rata by {unit.en} ({rounding.en})"
        elif isinstance(clause, PerUnservedUnit):
            zh = f"每未服务一{unit.zh_CN}{clause.rate}（{rounding.zh_CN}）"
            en = f"{clause.rate} per unserved {unit.en} ({rounding.en})"
        else:
            zh = f"按已服务{unit.zh_CN}数分档（{rounding.zh_CN}）"
            en = f"stepped by {unit.en}s served ({rounding.en})"
    else:
        zh, en = "依法按比例返还", "repay per law"
    return label(zh + ref, en + ref)


def _basis(agreement: BondAgreement, cost: Fraction) -> Fraction:
    return Fraction(agreement.stated_cost) if agreement.stated_cost is not None else cost


def _clause_amount(
    clause: PenaltyClause,
    *,
    basis: Fraction,
    start: date,
    end: date,
    left_through: date,
    statutory_cap: Fraction,
) -> tuple[Fraction, dict[str, StepValue]]:
    """What ``clause`` asks for someone whose service ran ``[start, left_through)`` of
    ``[start, end)``; also the inputs it used."""
    if isinstance(clause, FlatSum):
        return Fraction(clause.amount), {"amount": clause.amount}
    if isinstance(clause, CostMultiple):
        return basis * Fraction(clause.multiple), {"multiple": clause.multiple, "cost_basis": basis}
    if isinstance(clause, PerLaw):
        return statutory_cap, {"statutory_cap": statutory_cap}
    served = measure(start, left_through, clause.unit, clause.rounding)
    total = measure(start, end, clause.unit, Rounding.EXACT).value
    unserved = max(total - served.value, Fraction(0))
    inputs: dict[str, StepValue] = {
        "cost_basis": basis,
        "unit": clause.unit.value,
        "rounding": clause.rounding.value,
        "served": served.value,
        "total": total,
    }
    if isinstance(clause, ProRata):
        return basis * unserved / total, inputs
    if isinstance(clause, PerUnservedUnit):
        inputs["rate"] = clause.rate
        return basis * clause.rate.exact * unserved, inputs
    share = clause.table.value_at(served.value)
    inputs["share"] = share
    return basis * share, inputs


def _audit_penalty(
    agreement: BondAgreement, cost: Fraction, service: ServicePeriod, trail: _Trail
) -> None:
    clause = agreement.penalty
    if clause is None:
        trail.find("no_penalty_clause", subject=agreement.id)
        return
    name = _clause_name(clause)
    if isinstance(clause, (FlatSum, CostMultiple)):
        trail.find("penalty_not_prorated", subject=clause.clause_ref, clause=name)
    # The most a clause can ask is what it asks on the first day (no clause rises with time).
    most, _ = _clause_amount(
        clause,
        basis=_basis(agreement, cost),
        start=service.start,
        end=service.end_exclusive,
        left_through=service.start,
        statutory_cap=cost,
    )
    trail.step(
        "A3.clause_maximum",
        label("条款可主张的最高金额", "most the clause can ask"),
        {"clause": name.en, "training_cost": cost},
        most,
        p("LCL 22(2)"),
    )
    if most > cost:
        trail.find(
            "penalty_above_cost",
            subject=clause.clause_ref,
            clause=name,
            amount=round_money(most),
            cost=round_money(cost),
        )


def _audit_clauses(agreement: BondAgreement, trail: _Trail) -> None:
    for index, clause in enumerate(agreement.clauses):
        ref = clause.ref or f"#{index + 1}"
        trail.find(_CLAUSE_FINDINGS[clause.kind], subject=ref, ref=ref)


def _audit_schedule(
    agreement: BondAgreement,
    cost: Fraction,
    service: ServicePeriod,
    policy: BondPolicy,
    trail: _Trail,
) -> int | None:
    if policy.schedule is None:
        return None
    years = _schedule_years(policy.schedule, cost, trail)
    if years is None:
        return None
    if service.end_exclusive > add_units(service.start, TimeUnit.YEARS, years):
        trail.find(
            "length_exceeds_schedule",
            length=agreement.length.describe(),
            years=years,
            cost=round_money(cost),
        )
    return years


def _schedule_years(schedule: ServiceSchedule, cost: Fraction, trail: _Trail) -> int | None:
    """The years the company schedule gives for ``cost``, or ``None`` (with a finding)."""
    try:
        years = schedule.years_for(cost)
    except NotCoveredError:
        trail.find(
            "schedule_does_not_cover_cost", cost=round_money(cost), domain=schedule.table.domain()
        )
        return None
    trail.step(
        "policy.schedule",
        label("公司服务期标准", "company service schedule"),
        {"schedule": schedule.name, "training_cost": cost},
        years,
    )
    return years


# --- planning ---------------------------------------------------------------------------------


def plan_bonds(
    trainings: Iterable[Training],
    employment: Employment,
    schedule: ServiceSchedule,
    policy: BondPolicy = _DEFAULT_POLICY,
) -> tuple[BondPlan, ...]:
    """Draft the bonds a company schedule allows: for each training **on its own** —
    never merged with another, even in the same year — whether it can carry a bond, its
    recognised cost C, and the service length the schedule gives for C.

    Plans come back in the order the trainings were given; ids must be unique.
    """
    given = tuple(trainings)
    for index, training in enumerate(given):
        _check_type(training, Training, f"trainings[{index}]")
    _check_type(employment, Employment, "employment")
    _check_type(schedule, ServiceSchedule, "schedule")
    _check_type(policy, BondPolicy, "policy")
    require_unique([t.id for t in given], "trainings", "training id")
    plans = []
    for training in given:
        trail = _Trail()
        eligibility = _scope(employment, trail) or _training_eligibility(training, policy, trail)
        cost = _recognise_cost(training, policy, trail)
        length = None
        if eligibility.eligible and cost.total == 0:
            trail.find("no_recognised_cost")
            eligibility = Eligibility(
                EligibilityStatus.NO_RECOGNISED_COST,
                label("没有可认定的培训支出", "no recognisable training spend"),
                (p("Regs 16"), p("LCL 22(1)")),
            )
        if eligibility.eligible:
            years = _schedule_years(schedule, cost.total, trail)
            length = ServiceLength(years=years) if years else None
        trail.step(
            "plan.length",
            label("可约定的服务期", "service period that may be agreed"),
            {"eligibility": eligibility.status.value, "training_cost": cost.total},
            length.describe() if length else None,
            *eligibility.citations,
        )
        plans.append(BondPlan(training, eligibility, cost, length, trail.explanation()))
    return tuple(plans)


# --- review -----------------------------------------------------------------------------------


def _eligibility_step(agreement: BondAgreement, eligibility: Eligibility, trail: _Trail) -> None:
    training, benefit = agreement.training, agreement.benefit
    trail.step(
        "A1.eligibility",
        label(
            f"能否约定服务期违约金：{eligibility.reason.zh_CN}",
            f"can the bond carry a penalty: {eligibility.reason.en}",
        ),
        {
            "training": training.kind.value if training else None,
            "benefit": benefit.kind.value if benefit else None,
        },
        eligibility.status.value,
        *eligibility.citations,
    )


def _policy_step(policy: BondPolicy, trail: _Trail) -> None:
    trail.step(
        "policy.options",
        label("适用的选项", "options in force"),
        {
            "unit": policy.unit.value,
            "rounding": policy.rounding.value,
            "start_convention": policy.start_convention.value,
            "include_offjob_training_wages": policy.include_offjob_training_wages,
            "probation": policy.probation.value,
            "mutual_agreement": policy.mutual_agreement.value,
            "region": policy.region.value,
            "schedule": policy.schedule.name if policy.schedule else None,
        },
        policy.name,
    )


def review(
    agreement: BondAgreement, employment: Employment, policy: BondPolicy = _DEFAULT_POLICY
) -> BondReview:
    """Check an agreement against the law before any separation.

    Citations are checked against the signing date: a provision not yet in force when the
    agreement was signed is flagged.
    """
    _check_type(agreement, BondAgreement, "agreement")
    _check_type(employment, Employment, "employment")
    _check_type(policy, BondPolicy, "policy")
    return _review(agreement, employment, policy, in_force_on=agreement.signed_on)


def _review(
    agreement: BondAgreement,
    employment: Employment,
    policy: BondPolicy,
    *,
    in_force_on: date | None,
) -> BondReview:
    trail = _Trail()
    _policy_step(policy, trail)
    eligibility = _eligibility(agreement, employment, policy, trail)
    cost = service = None
    schedule_years = None
    training = agreement.training
    if training is not None and eligibility.status is not EligibilityStatus.OUT_OF_SCOPE:
        probation_end = employment.probation_end
        if (
            probation_end is not None
            and training.start <= probation_end
            and not training.during_probation
        ):
            raise InvalidValueError(
                "Training.during_probation",
                f"True: the training starts on {training.start.isoformat()}, "
                f"within probation ending {probation_end.isoformat()}",
                training.during_probation,
            )
        cost = _recognise_cost(training, policy, trail)
        if agreement.stated_cost is not None and Fraction(agreement.stated_cost) > cost.total:
            trail.find(
                "stated_cost_above_recognised",
                stated=agreement.stated_cost,
                recognised=round_money(cost.total),
            )
        if eligibility.eligible and cost.total == 0:
            trail.find("no_recognised_cost")
            eligibility = Eligibility(
                EligibilityStatus.NO_RECOGNISED_COST,
                label("没有可认定的培训支出", "no recognisable training spend"),
                (p("Regs 16"), p("LCL 22(1)")),
            )
        _eligibility_step(agreement, eligibility, trail)
        service = _service_period(agreement, training, employment, policy, trail)
        if eligibility.eligible:
            schedule_years = _audit_schedule(agreement, cost.total, service, policy, trail)
            _audit_penalty(agreement, cost.total, service, trail)
    if training is None or eligibility.status is EligibilityStatus.OUT_OF_SCOPE:
        _eligibility_step(agreement, eligibility, trail)
    _audit_clauses(agreement, trail)
    if in_force_on is not None:
        _check_in_force(trail, in_force_on)
    return BondReview(
        agreement,
        employment,
        policy,
        eligibility,
        cost,
        service,
        schedule_years,
        trail.explanation(),
    )


# --- A6: exit grounds --------------------------------------------------------------------------


@attrs.frozen
class _GroundRule:
    liable: bool
    text: Label
    citations: tuple[Provision, ...]


def _owes(zh: str, en: str, *citations: Provision) -> _GroundRule:
    return _GroundRule(liable=True, text=label(zh, en), citations=citations)


def _exempt(zh: str, en: str, *citations: Provision) -> _GroundRule:
    return _GroundRule(liable=False, text=label(zh, en), citations=citations)


_LCL_44 = p("LCL 44 item 2-5")

#: LAW.md A6, row by row.
_GROUNDS: Final[Mapping[ExitGround, _GroundRule]] = {
    ExitGround.RESIGNATION: _owes(
        "员工提前通知辞职，无用人单位过错",
        "employee resigned on notice, no employer fault",
        p("LCL 37"),
        p("LCL 22(2)"),
    ),
    ExitGround.ABSCONDED: _owes("员工擅自离职", "employee walked out", p("LCL 22(2)"), p("LCL 90")),
    ExitGround.RESIGNATION_EMPLOYER_FAULT: _exempt(
        "因用人单位过错辞职", "resigned for the employer's fault", p("Regs 26(1)"), p("LCL 38")
    ),
    ExitGround.DISMISSAL_MISCONDUCT: _owes(
        "因严重过错被解除", "dismissed for misconduct", p("Regs 26(2)"), p("LCL 39 item 2-6")
    ),
    ExitGround.DISMISSAL_FAILED_PROBATION: _exempt(
        "试用期不符合录用条件被解除（实施条例第二十六条未列）",
        "dismissed for failing probation (not listed in Regs 26)",
        p("LCL 39 item 1"),
        p("Regs 26(2)"),
    ),
    ExitGround.DISMISSAL_NO_FAULT: _exempt("无过失性辞退", "no-fault dismissal", p("LCL 40")),
    ExitGround.LAYOFF: _exempt("经济性裁员", "economic layoff", p("LCL 41")),
    ExitGround.UNLAWFUL_DISMISSAL: _exempt(
        "违法解除", "unlawful dismissal", p("LCL 48"), p("LCL 87")
    ),
    ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING: _exempt(
        "合同到期用人单位不续延", "contract expiry, employer did not continue", p("Regs 17")
    ),
    ExitGround.EXPIRY_EMPLOYEE_REFUSES: _owes(
        "服务期内合同到期员工拒绝续延",
        "contract expiry, employee refused to continue in the service period",
        p("Regs 17"),
        p("LCL 22(2)"),
    ),
    ExitGround.MUTUAL_AGREEMENT: _exempt("协商一致解除", "mutual agreement", p("LCL 36")),
    ExitGround.RETIREMENT: _exempt("退休", "retirement", _LCL_44),
    ExitGround.DEATH: _exempt("死亡", "death", _LCL_44),
    ExitGround.EMPLOYER_BANKRUPTCY: _exempt("用人单位破产", "employer bankruptcy", _LCL_44),
    ExitGround.EMPLOYER_CLOSURE: _exempt("用人单位关闭、解散", "employer closure", _LCL_44),
}

_PROBATION_RULES: Final[Mapping[ProbationRule, Label]] = {
    ProbationRule.EXEMPT: label("不支付", "nothing is owed"),
    ProbationRule.CAPPED: label("按法定上限计算", "the capped amount is owed"),
}

_EMPLOYEE_INITIATED: Final = frozenset({ExitGround.RESIGNATION, ExitGround.ABSCONDED})


def _liability(
    employment: Employment, separation: Separation, policy: BondPolicy, trail: _Trail
) -> bool:
    ground = separation.ground
    rule = _GROUNDS[ground]
    liable = rule.liable
    note = rule.text
    citations = rule.citations
    if ground is ExitGround.MUTUAL_AGREEMENT:
        if policy.mutual_agreement is MutualAgreementRule.CAPPED:
            liable, note = (
                True,
                label("协商一致解除（选项：按上限计算）", "mutual agreement (option: capped)"),
            )
        elif separation.settles_bond:
            liable, note = (
                True,
                label("离职协议明确处理服务期违约金", "the separation agreement settles the bond"),
            )
            trail.find("mutual_agreement_settles_bond")
    in_probation = (
        ground in _EMPLOYEE_INITIATED
        and employment.probation_end is not None
        and separation.last_day <= employment.probation_end
    )
    if in_probation:
        trail.find("contested_probation", rule=_PROBATION_RULES[policy.probation])
        citations = (*citations, p("Practice-Probation"))
        if policy.probation is ProbationRule.EXEMPT:
            liable, note = (
                False,
                label(
                    "试用期内离职（选项：不支付）", "left during probation (option: nothing owed)"
                ),
            )
        else:
            note = label(
                "试用期内离职（选项：按上限计算）", "left during probation (option: capped)"
            )
    if ground is ExitGround.ABSCONDED:
        trail.find("damages_claim_separate")
    trail.step(
        "A6.exit_ground",
        label(f"离职原因：{note.zh_CN}", f"exit ground: {note.en}"),
        {"ground": ground.value, "last_day": separation.last_day},
        liable,
        *citations,
    )
    if not liable:
        trail.find("exempt_ground", subject=ground.value, ground=note, extra_citations=citations)
    return liable


# --- settlement ---------------------------------------------------------------------------------


def _check_separation(
    agreement: BondAgreement, employment: Employment, separation: Separation
) -> None:
    _check_type(separation, Separation, "separation")
    last_day = separation.last_day
    if last_day < employment.hire_date:
        raise InvalidValueError(
            "separation.last_day",
            f"a date on or after the hire date {employment.hire_date.isoformat()}",
            last_day,
        )
    if last_day < _LCL_IN_FORCE:
        raise InvalidValueError(
            "separation.last_day",
            "a date on or after 2008-01-01, when the Labour Contract Law took effect",
            last_day,
        )
    if last_day < agreement.signed_on:
        raise InvalidValueError(
            "separation.last_day",
            f"a date on or after the agreement {agreement.id} was signed "
            f"({agreement.signed_on.isoformat()})",
            last_day,
        )
    if (
        separation.ground
        in (ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING, ExitGround.EXPIRY_EMPLOYEE_REFUSES)
        and employment.contract_end is None
    ):
        raise InvalidValueError(
            "separation.ground",
            "a ground other than contract expiry for an open-ended contract",
            separation.ground.value,
        )


def _settled(
    review_: BondReview,
    outcome: Outcome,
    trail: _Trail,
    payable: Decimal | None = ZERO,
    **figures: Any,
) -> BondSettlement:
    if payable is not None:
        trail.step(
            "A3.payable",
            label("应付金额", "amount payable"),
            {"outcome": outcome.value},
            payable,
        )
    return BondSettlement(
        review=review_,
        outcome=outcome,
        payable=payable,
        agreed=figures.get("agreed"),
        cap1=figures.get("cap1"),
        cap2=figures.get("cap2"),
        served=figures.get("served"),
        total_units=figures.get("total_units"),
        unserved_units=figures.get("unserved_units"),
        explanation=trail.explanation(review_.explanation),
    )


def settle_bond(
    agreement: BondAgreement,
    employment: Employment,
    separation: Separation,
    policy: BondPolicy = _DEFAULT_POLICY,
) -> BondSettlement:
    """Settle one bond at a separation. See the module documentation for the rule."""
    _check_type(agreement, BondAgreement, "agreement")
    _check_type(employment, Employment, "employment")
    _check_separation(agreement, employment, separation)
    _check_type(policy, BondPolicy, "policy")
    # Citations are checked once, against the separation date, when the settlement ends.
    checked_review = _review(agreement, employment, policy, in_force_on=None)
    trail = _Trail()
    status = checked_review.eligibility.status
    if status is EligibilityStatus.OUT_OF_SCOPE:
        return _finish(checked_review, Outcome.OUT_OF_SCOPE, trail, separation, payable=None)
    if status is EligibilityStatus.SPECIAL_BENEFIT:
        return _finish(checked_review, Outcome.JUDICIAL_ASSESSMENT, trail, separation, payable=None)
    if not checked_review.eligibility.eligible:
        return _finish(checked_review, Outcome.VOID, trail, separation)

    service, cost = checked_review.service, checked_review.cost
    # Both are set for every eligible training bond.
    assert service is not None
    assert cost is not None
    if separation.last_day >= service.last_day:
        trail.find("service_completed", end=service.last_day)
        return _finish(checked_review, Outcome.NOT_BREACHED, trail, separation)
    if separation.last_day < service.start:
        trail.find("left_before_service_start", start=service.start)
        return _finish(checked_review, Outcome.NOT_BREACHED, trail, separation)
    if not _liability(employment, separation, policy, trail):
        return _finish(checked_review, Outcome.EXEMPT, trail, separation)
    clause = agreement.penalty
    if clause is None:
        return _finish(checked_review, Outcome.NO_PENALTY_CLAUSE, trail, separation)

    left_through = through(separation.last_day)
    total = measure(service.start, service.end_exclusive, policy.unit, Rounding.EXACT).value
    served = measure(service.start, left_through, policy.unit, policy.rounding)
    unserved = max(total - served.value, Fraction(0))
    trail.step(
        "A4.served",
        label("已服务时间", "time served"),
        {
            "start": service.start,
            "last_day": separation.last_day,
            "unit": policy.unit.value,
            "rounding": policy.rounding.value,
            "whole": served.whole,
            "remainder_days": served.remainder_days,
        },
        served.value,
        p("Practice-Service"),
    )
    trail.step(
        "A4.unserved",
        label("未履行服务期", "unserved time"),
        {"total": total, "served": served.value},
        unserved,
        p("LCL 22(2)"),
    )
    c = cost.total
    cap2 = c * unserved / total
    agreed, inputs = _clause_amount(
        clause,
        basis=_basis(agreement, c),
        start=service.start,
        end=service.end_exclusive,
        left_through=left_through,
        statutory_cap=cap2,
    )
    name = _clause_name(clause)
    trail.step(
        "A3.agreed",
        label("按协议计算的金额", "amount the clause computes at exit"),
        {"clause": name.en, **inputs},
        agreed,
    )
    trail.step(
        "A3.cap1",
        label("上限一：违约金不超过培训费用", "cap 1: penalty at most the training cost"),
        {"C": c},
        c,
        p("LCL 22(2)"),
    )
    trail.step(
        "A3.cap2",
        label("上限二：未履行部分分摊的培训费用", "cap 2: cost allocated to the unserved period"),
        {"C": c, "unserved": unserved, "total": total},
        cap2,
        p("LCL 22(2)"),
    )
    if agreed > cap2:
        trail.find(
            "penalty_cut_to_cap",
            subject=clause.clause_ref,
            agreed=round_money(agreed),
            cap=round_money(cap2),
        )
    return _finish(
        checked_review,
        Outcome.PAYABLE,
        trail,
        separation,
        payable=round_money(min(agreed, cap2)),
        agreed=round_money(agreed),
        cap1=round_money(c),
        cap2=round_money(cap2),
        served=served,
        total_units=total,
        unserved_units=unserved,
    )


def _finish(
    review_: BondReview, outcome: Outcome, trail: _Trail, separation: Separation, **kwargs: Any
) -> BondSettlement:
    _check_in_force(trail, separation.last_day, earlier=review_.explanation)
    return _settled(review_, outcome, trail, **kwargs)


def settle(
    agreements: Iterable[BondAgreement],
    employment: Employment,
    separation: Separation,
    policy: BondPolicy = _DEFAULT_POLICY,
) -> SeparationSettlement:
    """Settle every bond of one employee at one separation, each on its own, and total
    them. The result does not depend on the order the agreements are given in."""
    given = tuple(agreements)
    for index, agreement in enumerate(given):
        _check_type(agreement, BondAgreement, f"agreements[{index}]")
    require_unique([a.id for a in given], "agreements", "agreement id")
    bonds = tuple(
        sorted(
            (settle_bond(a, employment, separation, policy) for a in given),
            key=lambda b: b.agreement_id,
        )
    )
    trail = _Trail()
    numbered = [b for b in bonds if b.payable is not None]
    total = money_sum(b.payable for b in numbered if b.payable is not None)
    trail.step(
        "total.payable",
        label("各服务期分别结算后合计", "bonds settled separately, then totalled"),
        {b.agreement_id: b.payable if b.payable is not None else b.outcome.value for b in bonds},
        total,
        p("LCL 22(2)"),
    )
    if len(numbered) < len(bonds):
        trail.find(
            "assessment_outside_total",
            ids=", ".join(b.agreement_id for b in bonds if b.payable is None),
        )
    collected = money_sum(c.amount for c in separation.collections)
    refund = max(collected - total, ZERO)
    trail.step(
        "total.refund",
        label("已收取超出部分应退还", "collected beyond the lawful total is refunded"),
        {"collected": collected, "lawful_total": total},
        refund,
        p("LCL 22(2)"),
    )
    if refund > 0:
        trail.find("refund_due", collected=collected, lawful=total, refund=refund)
    for method, code in (
        (CollectionMethod.DEDUCTED_FROM_WAGES, "collected_from_wages"),
        (CollectionMethod.TAKEN_FROM_DEPOSIT, "collected_from_deposit"),
    ):
        amount = money_sum(c.amount for c in separation.collections if c.method is method)
        if amount > 0:
            trail.find(code, amount=amount)
    excess = None
    if separation.demanded is not None:
        excess = max(separation.demanded - total, ZERO)
        trail.step(
            "total.demand",
            label("要求金额超出法定部分", "demand beyond the lawful total"),
            {"demanded": separation.demanded, "lawful_total": total},
            excess,
            p("LCL 22(2)"),
        )
        if excess > 0:
            trail.find(
                "demand_exceeds_lawful",
                demanded=round_money(separation.demanded),
                lawful=total,
                excess=excess,
            )
    deposits = money_sum(
        c.amount
        for a in given
        for c in a.clauses
        if c.kind is ClauseKind.DEPOSIT and c.amount is not None
    )
    return SeparationSettlement(
        separation=separation,
        bonds=bonds,
        total_payable=total,
        collected=collected,
        refund_due=refund,
        excess_demand=excess,
        deposits_to_return=deposits,
        explanation=trail.explanation(),
    )


# --- helpers ------------------------------------------------------------------------------------


def _check_type(value: object, expected: type, name: str) -> None:
    if not isinstance(value, expected):
        raise InvalidTypeError(name, f"a {expected.__name__}", value)


def _check_in_force(trail: _Trail, day: date, earlier: Explanation | None = None) -> None:
    """Flag, once each, the cited provisions that did not yet apply on ``day``."""
    explanations = [Explanation(tuple(trail.steps), tuple(trail.findings))]
    if earlier is not None:
        explanations.insert(0, earlier)
    seen: set[str] = set()
    for explanation in explanations:
        cited = [c for step in explanation.steps for c in step.citations]
        cited += [c for finding in explanation.findings for c in finding.citations]
        for citation in cited:
            if citation.id in seen or citation.in_force_on(day):
                continue
            seen.add(citation.id)
            trail.find(
                "provision_not_in_force",
                subject=citation.id,
                citation=citation.id,
                since=citation.in_force_from,
                day=day,
            )
