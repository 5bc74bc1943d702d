"""The statute's rules for bonds, as data and small functions, each citing its article.

- A1: which agreements can carry a penalty at all (:func:`scope`, :func:`benefit_eligibility`,
  :func:`no_training`, :func:`training_eligibility`);
- A1: an agreement signed after its training began or ended (:func:`check_signing`);
- A2: what counts as training cost (:func:`recognise_cost`), and a cost the agreement
  states as a range (:func:`check_cost_range`);
- A6: which exit grounds leave the capped penalty owed (:data:`GROUNDS`, :func:`liability`);
- the company's own waivers, applied after the caps (:func:`check_waivers_met`,
  :func:`apply_waivers`).

Every function records its steps and findings on the :class:`~hrpolicy.core.explain.Trail`
it is given.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.bonds.counting import fen
from hrpolicy.bonds.model import (
    BenefitKind,
    BondAgreement,
    CostCategory,
    CostItem,
    Employment,
    ExitGround,
    Payer,
    Provider,
    Regime,
    Separation,
    SpecialBenefit,
    Training,
    TrainingKind,
    Waiver,
    WaiverCondition,
    WaiverEffect,
)
from hrpolicy.bonds.policy import BondPolicy, MutualAgreementRule, ProbationRule, Region
from hrpolicy.bonds.results import CostLine, Eligibility, EligibilityStatus, RecognisedCost
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Label, Trail
from hrpolicy.core.label import label
from hrpolicy.core.money import ZERO_EXACT, exact, exact_ratio, round_money
from hrpolicy.core.span import Rounding, TimeUnit
from hrpolicy.law.provisions import Provision
from hrpolicy.law.provisions import provision as p

__all__ = [
    "GROUNDS",
    "ROUNDINGS",
    "UNITS",
    "GroundRule",
    "apply_waivers",
    "benefit_eligibility",
    "check_cost_range",
    "check_signing",
    "check_waivers_met",
    "liability",
    "no_real_spend",
    "no_training",
    "recognise_cost",
    "report_other_agreements_waivers",
    "scope",
    "training_eligibility",
    "waiver_condition",
    "waiver_met",
]

UNITS: Final[Mapping[TimeUnit, Label]] = {
    TimeUnit.DAYS: label("日", "day"),
    TimeUnit.MONTHS: label("月", "month"),
    TimeUnit.YEARS: label("年", "year"),
}
ROUNDINGS: Final[Mapping[Rounding, Label]] = {
    Rounding.NEAREST: label("满半计整", "nearest"),
    Rounding.FLOOR: label("不足不计", "complete units only"),
    Rounding.CEIL: label("不足按整", "any part counts"),
    Rounding.EXACT: label("按实际比例", "exact"),
}

# --- A1: which agreements can carry a penalty -------------------------------------------

_BENEFITS: Final[Mapping[BenefitKind, Label]] = {
    BenefitKind.HOUSING: label("住房", "housing"),
    BenefitKind.CAR: label("车辆", "car"),
    BenefitKind.HUKOU: label("落户", "hukou"),
}
#: Training the employer owes by law (vocational training, Labour Law Art. 68).
_STATUTORY_KINDS: Final[Mapping[TrainingKind, Label]] = {
    TrainingKind.ONBOARDING: label("入职/岗前", "Onboarding / pre-job"),
    TrainingKind.JOB_TRANSFER: label("转岗/轮岗", "Job-transfer"),
}
#: Training that is not professional-technical training (LCL Art. 22(1)).
_NOT_TECHNICAL_KINDS: Final[Mapping[TrainingKind, Label]] = {
    TrainingKind.MANAGEMENT: label("通用管理/班组长", "General management / team-leader"),
    TrainingKind.BRAND_SERVICE_STANDARDS: label("品牌/服务规范", "Brand or service-standards"),
    TrainingKind.MENTORING: label("内部师带徒", "In-house mentoring"),
}


def scope(employment: Employment, trail: Trail) -> Eligibility | None:
    """``OUT_OF_SCOPE`` for pilots and public-institution appointments, else ``None``."""
    if employment.regime is Regime.GENERAL:
        return None
    if employment.regime is Regime.CIVIL_AVIATION_PILOT:
        regime, citation = label("民航飞行员", "civil-aviation pilot"), p("Regime-Pilots")
    else:
        regime, citation = label("事业单位聘用制", "public-institution appointment"), p("LCL 96")
    trail.find("out_of_scope_regime", regime=regime, extra_citations=(citation,))
    return Eligibility(
        EligibilityStatus.OUT_OF_SCOPE,
        label("特别法律制度，不在范围内", "special legal regime, out of scope"),
        (citation,),
    )


def benefit_eligibility(benefit: SpecialBenefit, trail: Trail) -> Eligibility:
    """A housing, car or hukou bond: damages are for a court (SPC Interpretation II 12)."""
    trail.find("special_benefit_requires_court", benefit=_BENEFITS[benefit.kind])
    return Eligibility(
        EligibilityStatus.SPECIAL_BENEFIT,
        label(
            "特殊待遇服务期，由法院评估赔偿", "special-benefit bond, damages assessed by a court"
        ),
        (p("SPC-II 12"),),
    )


def _probation_needed(training: Training, in_probation: bool | None) -> bool:
    """``in_probation``, refused when unknown: the rule being applied needs it."""
    if in_probation is None:
        raise InvalidValueError(
            "Training.during_probation",
            f"True or False for training {training.id} (it starts on "
            f"{training.start.isoformat()} and Employment.probation_end is not given, so "
            "whether it was in probation cannot be derived)",
            None,
        )
    return in_probation


def training_eligibility(
    training: Training, policy: BondPolicy, trail: Trail, *, in_probation: bool | None
) -> Eligibility:
    """Eligibility (LCL Art. 22(1)) for one training: can it carry a bond at all?

    ``in_probation`` is whether the training started in probation (``None`` if neither
    the employment nor the training says); it is needed only for onboarding and for
    training that can carry a bond."""
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
        if kind is TrainingKind.ONBOARDING and _probation_needed(training, in_probation):
            trail.find("probation_onboarding_charge")
        return Eligibility(
            EligibilityStatus.STATUTORY_TRAINING,
            label("法定义务培训，不能约定服务期", "statutory-duty training cannot carry a bond"),
            (p("LCL 22(1)"), p("LL 68")),
        )
    if kind in _NOT_TECHNICAL_KINDS:
        trail.find("bond_on_non_technical_training", kind=_NOT_TECHNICAL_KINDS[kind])
        return Eligibility(
            EligibilityStatus.NOT_PROFESSIONAL_TECHNICAL,
            label(
                "不属于专业技术培训，不能约定服务期",
                "not professional-technical training, so it cannot carry a bond",
            ),
            (p("LCL 22(1)"), p("LCL 25")),
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
    if _probation_needed(training, in_probation):
        trail.find("probation_training_contested")
    return Eligibility(
        EligibilityStatus.ELIGIBLE,
        label("用人单位出资的专业技术培训", "employer-funded professional-technical training"),
        (p("LCL 22(1)"),),
    )


def no_training(trail: Trail) -> Eligibility:
    """An agreement with neither a training nor a special benefit behind it (a promotion
    or pay-rise bond): no special training funds, so no penalty (LCL Art. 22(1), 25)."""
    trail.find("bond_without_training")
    return Eligibility(
        EligibilityStatus.NO_TRAINING,
        label("用人单位未出资进行专项培训", "no special training funded by the employer"),
        (p("LCL 22(1)"), p("LCL 25")),
    )


def no_real_spend(trail: Trail) -> Eligibility:
    """An otherwise eligible training with no recognisable spend cannot carry a penalty."""
    trail.find("no_recognised_cost")
    return Eligibility(
        EligibilityStatus.NO_RECOGNISED_COST,
        label("没有可认定的培训支出", "no recognisable training spend"),
        (p("Regs 16"), p("LCL 22(1)")),
    )


# --- A2: the recognised cost C -------------------------------------------------------------

_PAYERS: Final[Mapping[Payer, Label]] = {
    Payer.EMPLOYER: label("用人单位", "the employer"),
    Payer.EMPLOYEE: label("员工本人", "the employee"),
    Payer.THIRD_PARTY: label("第三方", "a third party"),
    Payer.PARENT_COMPANY: label("母公司或关联公司", "the parent or a related company"),
}
_WAGE_LIKE: Final = frozenset(
    {CostCategory.WAGES, CostCategory.SOCIAL_INSURANCE, CostCategory.ALLOWANCES}
)


#: How a cost item was decided: the rule, its reason, the label of the item's step, the
#: citations.
_CostRule = tuple[str, Label, Label, tuple[Provision, ...]]


def _cost_rule(rule: str, zh: str, en: str, *citations: Provision) -> _CostRule:
    return (
        rule,
        label(zh, en),
        label(f"费用项目：{zh}", f"cost item: {en}"),
        citations or (p("Regs 16"),),
    )


_WAGE_LIKE_RULE: Final = _cost_rule(
    "wage_like",
    "工资、津贴、社会保险费不是培训费用",
    "wages, allowances and social insurance are not training cost",
)
_LIVING_SUBSIDY_RULE: Final = _cost_rule(
    "living_subsidy",
    "异地培训期间的生活补贴具有津贴性质，按默认理解不是培训费用",
    "a living subsidy during off-site training is in the nature of an allowance "
    "and, by the default reading, is not training cost",
)
_TRAINER_TIME_RULE: Final = _cost_rule(
    "trainer_time",
    "内部讲师或师傅工时不是为该员工支付的费用",
    "in-house trainer or mentor time is not spent on this employee",
)
_LOST_PRODUCTION_RULE: Final = _cost_rule(
    "lost_production",
    "机会成本和生产损失不是培训费用",
    "opportunity cost and lost production are not training cost",
    p("Regs 16"),
    p("LCL 25"),
)
_NO_VOUCHER_RULE: Final = _cost_rule("no_voucher", "没有凭证", "no voucher (有凭证 is required)")
_SUBSIDY_OPTION_RULE: Final = _cost_rule(
    "living_subsidy_option",
    "异地培训期间的生活补贴（争议选项）",
    "living subsidy during off-site training (contested option)",
)
_OFFJOB_WAGES_RULE: Final = _cost_rule(
    "offjob_wages_option",
    "全脱产培训期间工资（争议选项）",
    "wages of full-time off-job training (contested option)",
)
_DIRECT_COST_RULE: Final = _cost_rule(
    "vouchered_direct_cost", "有凭证的直接培训费用", "vouchered direct training cost"
)
#: The rules that count an item as training cost.
_RECOGNISING: Final = frozenset(
    {"living_subsidy_option", "offjob_wages_option", "group_share", "vouchered_direct_cost"}
)


def _cost_rule_for(training: Training, item: CostItem, policy: BondPolicy) -> _CostRule:
    """The rule that decides whether one cost item is training cost under Regs 16."""
    category = item.category
    offjob_wages = (
        category is CostCategory.WAGES
        and policy.include_offjob_training_wages
        and training.full_time_off_job
    )
    if category in _WAGE_LIKE and not offjob_wages:
        return _WAGE_LIKE_RULE
    subsidy = category is CostCategory.LIVING_SUBSIDY
    if subsidy and not policy.include_living_subsidy:
        return _LIVING_SUBSIDY_RULE
    if category is CostCategory.TRAINER_TIME:
        return _TRAINER_TIME_RULE
    if category is CostCategory.LOST_PRODUCTION:
        return _LOST_PRODUCTION_RULE
    if item.paid_by is not Payer.EMPLOYER:
        payer = _PAYERS[item.paid_by]
        return _cost_rule(
            "not_paid_by_employer",
            f"由{payer.zh_CN}承担，并非用人单位支出",
            f"borne by {payer.en}, not by the employer",
            p("LCL 22(1)"),
            p("Regs 16"),
        )
    if not item.has_voucher:
        return _NO_VOUCHER_RULE
    if subsidy:
        return _SUBSIDY_OPTION_RULE
    if offjob_wages:
        return _OFFJOB_WAGES_RULE
    if item.shared_by > 1:
        return _cost_rule(
            "group_share",
            f"集体培训费用按{item.shared_by}人分摊",
            f"group cost shared among {item.shared_by} trainees",
        )
    return _DIRECT_COST_RULE


def _cost_line(training: Training, item: CostItem, policy: BondPolicy) -> tuple[CostLine, Label]:
    """One cost item as recognised (Regs 16), and the label of its step."""
    rule, reason, step_label, citations = _cost_rule_for(training, item, policy)
    # Fraction(amount) / shared_by, normalised once.
    numerator, denominator = item.amount.as_integer_ratio()
    line = CostLine(
        item_id=item.id,
        category=item.category,
        amount=item.amount,
        share=exact_ratio(numerator, denominator * item.shared_by),
        recognised=rule in _RECOGNISING,
        rule=rule,
        reason=reason,
        citations=citations,
    )
    return line, step_label


def _sum(lines: Sequence[CostLine]) -> Fraction:
    """The lines' shares added up exactly (over their least common denominator)."""
    if not lines:
        return ZERO_EXACT
    common = math.lcm(*(line.share.denominator for line in lines))
    return exact_ratio(
        sum(line.share.numerator * (common // line.share.denominator) for line in lines), common
    )


def recognise_cost(training: Training, policy: BondPolicy, trail: Trail) -> RecognisedCost:
    """The recognised training cost C, item by item (Regs 16)."""
    decided = [_cost_line(training, item, policy) for item in training.costs]
    lines = tuple(line for line, _ in decided)
    for line, step_label in decided:
        trail.step(
            "A2.cost_item",
            step_label,
            {
                "item": line.item_id,
                "rule": line.rule,
                "category": line.category.value,
                "amount": line.amount,
                "share_for_this_employee": line.share,
            },
            line.share if line.recognised else ZERO_EXACT,
            *line.citations,
        )
    cost = RecognisedCost(lines, _sum([line for line in lines if line.recognised]))
    excluded = [line for line in lines if not line.recognised]
    trail.step(
        "A2.cost",
        label("认定培训费用C", "recognised training cost C"),
        {
            "items": len(lines),
            "recognised_items": len(lines) - len(excluded),
            "excluded_amount": fen(_sum(excluded)),
        },
        cost.total,
        p("Regs 16"),
    )
    wage_lines = [line for line in excluded if line.rule == "wage_like"]
    subsidy_lines = [line for line in excluded if line.rule == "living_subsidy"]
    other_lines = [line for line in excluded if line.rule not in ("wage_like", "living_subsidy")]
    if wage_lines:
        trail.find("wages_counted_as_cost", amount=fen(_sum(wage_lines)))
    if subsidy_lines:
        trail.find("living_subsidy_excluded", amount=fen(_sum(subsidy_lines)))
    included_wages = [ln for ln in lines if ln.rule == "offjob_wages_option"]
    if included_wages:
        trail.find("offjob_wages_included_contested", amount=fen(_sum(included_wages)))
    included_subsidy = [ln for ln in lines if ln.rule == "living_subsidy_option"]
    if included_subsidy:
        trail.find("living_subsidy_included_contested", amount=fen(_sum(included_subsidy)))
    if other_lines:
        trail.find("costs_excluded", count=len(other_lines), amount=fen(_sum(other_lines)))
    if training.provider is Provider.IN_HOUSE:
        trail.find("in_house_provider")
    return cost


def check_cost_range(agreement: BondAgreement, cost: Fraction, trail: Trail) -> None:
    """The cost range the agreement states (培训费用范围), against the recognised cost C.

    What is owed rests on C (Regs 16), never on the range, so the range changes no
    figure (a single stated cost below C does lower the figure, see
    :func:`hrpolicy.bonds.clauses.basis`; a range is not read as one): a C above the
    range's top is a warning (``cost_above_stated_range``: the figure is computed on C,
    and the risk is that the employee agreed to a cost of at most the top and a tribunal
    may hold the employer to it), a C below its bottom a violation
    (``cost_below_stated_range``: the range overstated the training). A step records
    where C falls.
    """
    stated = agreement.stated_cost_range
    if stated is None:
        return
    low, high = Fraction(stated.low), Fraction(stated.high)
    if cost > high:
        where = label("高于范围上限", "above the range's top")
    elif cost < low:
        where = label("低于范围下限", "below the range's bottom")
    else:
        where = label("在范围之内", "within the range")
    trail.step(
        "A2.stated_cost_range",
        label(
            f"协议载明的费用范围与认定费用C：{where.zh_CN}",
            f"the cost range the agreement states, against C: {where.en}",
        ),
        {"low": stated.low, "high": stated.high, "C": cost},
        where,
        p("Regs 16"),
    )
    shown = {
        "recognised": fen(cost),
        "low": round_money(stated.low),
        "high": round_money(stated.high),
    }
    if cost > high:
        trail.find(
            "cost_above_stated_range",
            subject=agreement.id,
            excess=fen(cost - high),
            **shown,
        )
    elif cost < low:
        trail.find(
            "cost_below_stated_range",
            subject=agreement.id,
            shortfall=fen(low - cost),
            **shown,
        )


def check_signing(agreement: BondAgreement, training: Training, trail: Trail) -> None:
    """When the agreement was signed, against its training's dates.

    A bond should be signed before the trainee leaves for the course: signed after the
    training began (``signed_after_training_started``) or after it ended
    (``signed_after_training_ended``) it is a warning citing LCL 3(1) (an agreement rests
    on consent) and LCL 22(1) (the service period is agreed *for* the training the
    employer pays for): the employee's knowledge and consent are at risk. The figure is
    still computed.
    """
    signed = agreement.signed_on
    code: str | None = None
    since: date | None = None
    if signed > training.end:
        code, since = "signed_after_training_ended", training.end
        when = label("培训结束后签订", "signed after the training ended")
    elif signed > training.start:
        code, since = "signed_after_training_started", training.start
        when = label("培训开始后签订", "signed after the training began")
    else:
        when = label("培训开始前或当日签订", "signed before the training began, or that day")
    trail.step(
        "A1.signing",
        label(f"协议签订时间：{when.zh_CN}", f"when the agreement was signed: {when.en}"),
        {"signed_on": signed, "training_start": training.start, "training_end": training.end},
        when,
        p("LCL 3(1)"),
        p("LCL 22(1)"),
    )
    if code is not None and since is not None:
        trail.find(
            code,
            subject=agreement.id,
            signed_on=signed,
            training_start=training.start,
            training_end=training.end,
            days=(signed - since).days,
        )


# --- waivers (the company's own rules, on top of the law) -------------------------------

_CONDITIONS: Final[Mapping[WaiverCondition, Label]] = {
    WaiverCondition.TRAINED_SUCCESSOR: label(
        "培训出可以接替岗位的同事", "trained a colleague who can take over the job"
    ),
    WaiverCondition.REVENUE_PRODUCED: label(
        "所学技能为公司创造了约定的收入", "the skill produced the stated revenue"
    ),
    WaiverCondition.OTHER: label("协议约定的其他条件", "another condition the agreement states"),
}


def waiver_condition(waiver: Waiver) -> Label:
    """The waiver's condition in both languages (a revenue waiver with its threshold, an
    ``other`` waiver with its text when given)."""
    if waiver.condition is WaiverCondition.REVENUE_PRODUCED:
        return label(
            f"所学技能为公司创造收入不少于{waiver.threshold}元",
            f"the skill produced revenue of at least {waiver.threshold} yuan",
        )
    if waiver.condition is WaiverCondition.OTHER and waiver.text:
        return label(f"其他条件：{waiver.text}", f"other condition: {waiver.text}")
    return _CONDITIONS[waiver.condition]


def _named(agreement: BondAgreement, waiver: Waiver, entry: str) -> bool:
    return entry in (waiver.clause_ref, f"{agreement.id}/{waiver.clause_ref}")


def check_waivers_met(
    agreements: Sequence[BondAgreement], separation: Separation, *, alone: bool = False
) -> tuple[str, ...]:
    """Refuse a ``separation.waivers_met`` entry that names no waiver of ``agreements``,
    that names a waiver in two agreements (write ``"<agreement id>/<clause ref>"``), or
    that names a ``revenue_produced`` waiver (decided by ``revenue_produced`` against its
    threshold, never by listing).

    ``alone``: one agreement of the employee's is settled on its own, so an entry
    qualified by another agreement's id (``"A2/Art. 6"``) may name that agreement's
    waiver: it is accepted and returned, to be reported (finding
    ``waiver_listed_for_another_agreement``), since a mistyped id cannot be told from
    another agreement's. An entry whose agreement part or clause ref is empty
    (``"/Art. 6"``), or whose agreement part is the clause ref of one of this
    agreement's waivers (``"Art. 6/typo"``), is refused.

    Args:
        agreements: the agreements settled together (one when ``alone``).
        separation: the separation whose ``waivers_met`` is checked.
        alone: whether one agreement of several is settled on its own.

    Returns:
        The entries qualified by another agreement's id, in order (``alone`` only).

    Raises:
        InvalidValueError: an entry refused, naming ``separation.waivers_met[<index>]``.

    >>> from hrpolicy.bonds.examples import electrician_case
    >>> import attrs
    >>> case = electrician_case()
    >>> other = attrs.evolve(case.separation, waivers_met=("SP-2010-071/Art. 6",))
    >>> check_waivers_met(case.agreements, other, alone=True)
    ('SP-2010-071/Art. 6',)
    """
    ids = {a.id for a in agreements}
    refs = {w.clause_ref for a in agreements for w in a.waivers}
    foreign: list[str] = []
    for index, entry in enumerate(separation.waivers_met):
        path = f"separation.waivers_met[{index}]"
        named = [(a, w) for a in agreements for w in a.waivers if _named(a, w, entry)]
        if not named:
            owner, slash, ref = entry.partition("/")
            if alone and slash and owner not in ids:
                if not owner.strip() or not ref.strip():
                    raise InvalidValueError(
                        path,
                        "'<agreement id>/<clause ref>' with both parts given",
                        entry,
                    )
                if owner in refs:
                    raise InvalidValueError(
                        path,
                        f"'<agreement id>/<clause ref>' ({owner!r} is the clause ref of a "
                        f"waiver of agreement {', '.join(sorted(ids))}, not an agreement id)",
                        entry,
                    )
                foreign.append(entry)
                continue  # another agreement's waiver, qualified by its id: reported
            known = sorted(refs)
            hint = ", or '<agreement id>/<clause ref>' for another agreement's" if alone else ""
            raise InvalidValueError(
                path,
                "the clause ref of a waiver in the agreements settled "
                f"({', '.join(known) if known else 'they have none'}){hint}",
                entry,
            )
        owners = sorted({a.id for a, _ in named})
        if len(owners) > 1:
            raise InvalidValueError(
                path,
                f"'<agreement id>/{entry}' (agreements {' and '.join(owners)} both have a "
                f"waiver {entry})",
                entry,
            )
        if any(w.condition is WaiverCondition.REVENUE_PRODUCED for _, w in named):
            raise InvalidValueError(
                path,
                "the ref of a trained_successor or other waiver (a revenue_produced waiver "
                "is met when separation.revenue_produced reaches its threshold)",
                entry,
            )
    return tuple(foreign)


def report_other_agreements_waivers(
    agreement: BondAgreement, entries: Sequence[str], trail: Trail
) -> None:
    """A warning (``waiver_listed_for_another_agreement``) for each ``waivers_met`` entry
    qualified by another agreement's id when ``agreement`` is settled alone: it takes
    nothing off this bond, and a mistyped id would look the same."""
    for entry in entries:
        owner, _, ref = entry.partition("/")
        trail.find(
            "waiver_listed_for_another_agreement",
            subject=entry,
            entry=entry,
            owner=owner,
            ref=ref,
            agreement=agreement.id,
        )


def waiver_met(agreement: BondAgreement, waiver: Waiver, separation: Separation) -> bool:
    """Whether the separation's facts meet ``waiver``'s condition: the revenue produced
    reaches the threshold (a revenue waiver; unknown revenue does not), or the waiver is
    listed in ``separation.waivers_met``."""
    if waiver.condition is WaiverCondition.REVENUE_PRODUCED:
        revenue, threshold = separation.revenue_produced, waiver.threshold
        return revenue is not None and threshold is not None and revenue >= threshold
    return any(_named(agreement, waiver, entry) for entry in separation.waivers_met)


def _reduction(waiver: Waiver, owed: Fraction) -> Fraction:
    if waiver.effect is WaiverEffect.WAIVE_ALL:
        return owed
    if waiver.share is not None:
        return owed * waiver.share.exact
    assert waiver.amount is not None  # Waiver requires it for reduce_by_amount
    return exact(waiver.amount)


def apply_waivers(
    agreement: BondAgreement, separation: Separation, owed: Fraction, trail: Trail
) -> Fraction:
    """What the agreement's waivers take off ``owed`` (the figure after the statutory
    caps, exact). A waiver is company generosity on top of the law (the caps of LCL 22(2)
    are a ceiling, not a floor): it can only lower the figure, so payable =
    max(0, owed − reductions).

    Each waiver whose condition is met is measured on ``owed`` (all of it, a share of
    it or an amount) and takes off at most what the waivers before it left, in the
    order the agreement lists its waivers; so the waivers together take off at most
    ``owed``, and each ``waiver_applied`` finding reports what that waiver took off.
    The findings' reductions are in fen: each is what is left before the waiver,
    rounded, less what is left after it, rounded, so they add up to the fen to what is
    waived in all.

    Records a step per waiver (was its condition met), a step per reduction and the
    total; findings ``waiver_applied`` (with the reduction and what was left before it)
    and ``waiver_not_met``.

    Args:
        agreement: the bond agreement, with its waivers.
        separation: the facts of the exit (``waivers_met``, ``revenue_produced``).
        owed: what is owed within the caps, exact.
        trail: where the steps and findings are recorded.

    Returns:
        What the waivers take off ``owed`` in all, exact (0 to ``owed``).

    >>> from hrpolicy.bonds.examples import electrician_case
    >>> from hrpolicy.core.explain import Trail
    >>> from hrpolicy.bonds.messages import CATALOG
    >>> case = electrician_case(successor_trained=True)
    >>> trail = Trail(CATALOG)
    >>> apply_waivers(case.agreements[0], case.separation, Fraction(1000), trail)
    Fraction(1000, 1)
    >>> [(f.code, f.param("reduction")) for f in trail.findings]
    [('waiver_applied', Decimal('1000.00'))]
    """
    measured_total = ZERO_EXACT
    left = owed
    for waiver in agreement.waivers:
        met = waiver_met(agreement, waiver, separation)
        condition = waiver_condition(waiver)
        facts: dict[str, Decimal | bool | str | None] = {
            "condition": waiver.condition.value,
            "clause": waiver.clause_ref,
        }
        if waiver.condition is WaiverCondition.REVENUE_PRODUCED:
            facts["threshold"] = waiver.threshold
            facts["revenue_produced"] = separation.revenue_produced
        else:
            facts["listed_as_met"] = met
        shown = label("满足", "met") if met else label("未满足", "not met")
        trail.step(
            "waiver.condition",
            label(
                f"豁免条款{waiver.clause_ref}的条件（{condition.zh_CN}）：{shown.zh_CN}",
                f"waiver {waiver.clause_ref} ({condition.en}): {shown.en}",
            ),
            facts,
            met,
        )
        if not met:
            extra = (
                {"threshold": waiver.threshold, "revenue": separation.revenue_produced}
                if waiver.condition is WaiverCondition.REVENUE_PRODUCED
                else {}
            )
            trail.find(
                "waiver_not_met",
                subject=waiver.clause_ref,
                ref=waiver.clause_ref,
                condition=condition,
                **extra,
            )
            continue
        measured = _reduction(waiver, owed)
        applied = min(measured, left)
        trail.step(
            "waiver.reduction",
            label(
                f"豁免条款{waiver.clause_ref}减少的金额：按应付金额计算，不超过此前豁免后剩余的金额",
                f"what waiver {waiver.clause_ref} takes off: measured on what is owed, "
                "at most what the waivers before it left",
            ),
            {
                "owed": owed,
                "left": left,
                "effect": waiver.effect.value,
                "share": waiver.share,
                "amount": waiver.amount,
                "measured": measured,
            },
            applied,
        )
        trail.find(
            "waiver_applied",
            subject=waiver.clause_ref,
            ref=waiver.clause_ref,
            condition=condition,
            reduction=fen(left) - fen(left - applied),
            owed=fen(owed),
            left=fen(left),
        )
        measured_total += measured
        left -= applied
    waived = owed - left
    trail.step(
        "waiver.total",
        label(
            "豁免合计，不超过法定上限内的应付金额",
            "waived in all, at most what is owed within the caps",
        ),
        {"owed": owed, "reductions": measured_total},
        waived,
        p("LCL 22(2)"),
    )
    return waived


# --- A6: exit grounds ---------------------------------------------------------------------


@attrs.frozen
class GroundRule:
    """One exit ground (Regs Art. 26): whether the capped penalty is owed, why, and the articles."""

    liable: bool
    text: Label
    citations: tuple[Provision, ...]


def _owes(zh: str, en: str, *citations: Provision) -> GroundRule:
    return GroundRule(liable=True, text=label(zh, en), citations=citations)


def _exempt(zh: str, en: str, *citations: Provision) -> GroundRule:
    return GroundRule(liable=False, text=label(zh, en), citations=citations)


_NOT_LISTED = p("Regs 26(2)")  # employer-initiated exits not listed there owe nothing
_LCL_44 = p("LCL 44 item 2-5")

#: Exit grounds, one by one (Regs Art. 26).
GROUNDS: Final[Mapping[ExitGround, GroundRule]] = {
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
        "试用期不符合录用条件被解除（实施条例第二十六条第二款未列）",
        "dismissed for failing probation (not listed in Regs 26(2))",
        p("LCL 39 item 1"),
        _NOT_LISTED,
    ),
    ExitGround.DISMISSAL_NO_FAULT: _exempt(
        "无过失性辞退（实施条例第二十六条第二款未列）",
        "no-fault dismissal (not listed in Regs 26(2))",
        p("LCL 40"),
        _NOT_LISTED,
    ),
    ExitGround.LAYOFF: _exempt(
        "经济性裁员（实施条例第二十六条第二款未列）",
        "economic layoff (not listed in Regs 26(2))",
        p("LCL 41"),
        _NOT_LISTED,
    ),
    ExitGround.UNLAWFUL_DISMISSAL: _exempt(
        "违法解除", "unlawful dismissal", p("LCL 48"), p("LCL 87"), _NOT_LISTED
    ),
    ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING: _exempt(
        "合同到期用人单位不续延（合同依法应续延至服务期满）",
        "contract expiry, employer did not continue (the contract should have been extended)",
        p("Regs 17"),
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
_OWED: Final = label("应按上限承担违约金", "the capped penalty is owed")
_NOT_OWED: Final = label("不承担违约金", "nothing is owed")


def liability(
    employment: Employment, separation: Separation, policy: BondPolicy, trail: Trail
) -> bool:
    """Whether the exit ground leaves the capped penalty owed (Regs Art. 26 and the policy's
    probation and mutual-agreement options)."""
    ground = separation.ground
    rule = GROUNDS[ground]
    liable, note, citations = rule.liable, rule.text, rule.citations
    if ground is ExitGround.MUTUAL_AGREEMENT:
        if policy.mutual_agreement is MutualAgreementRule.CAPPED:
            liable = True
            note = label("协商一致解除（选项：按上限计算）", "mutual agreement (option: capped)")
        elif separation.settles_bond:
            liable = True
            note = label(
                "离职协议明确处理服务期违约金", "the separation agreement settles the bond"
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
            liable = False
            note = label(
                "试用期内离职（选项：不支付）", "left during probation (option: nothing owed)"
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
        _OWED if liable else _NOT_OWED,
        *citations,
    )
    if not liable:
        trail.find("exempt_ground", subject=ground.value, ground=note, extra_citations=citations)
    return liable
