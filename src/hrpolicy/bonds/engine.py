"""The training-bond engine: plan, review and settle bonds.

:func:`review` checks an agreement against the law before anyone leaves: whether it can
carry a penalty at all (LCL 22(1)), the recognised cost C (Regs 16), the service period
and the labour contract's extension (Regs 17), and a finding for every void or unlawful
clause (LCL Art. 25). :func:`plan_bonds` applies a company schedule to each training on its
own cost.

:func:`settle_bond` settles one agreement at a separation and :func:`settle` settles every
bond of one employee separately and totals them:

    payable = min(what the clause asks at the exit date, C × unserved ÷ total)   (LCL 22(2))

or 0 with the reason when the exit ground exempts the employee (Regs 26), or
no number at all when only a court can assess damages (housing / car / hukou benefits,
SPC Interpretation II Art. 12) or the regime is out of scope. Time is counted and rounded
as the :class:`~hrpolicy.bonds.policy.BondPolicy` says; money is exact until one half-up
rounding to 0.01 per bond; the total is the sum of the bonds' rounded amounts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

from hrpolicy.bonds import clauses, rules
from hrpolicy.bonds.counting import fen, measure, years_after
from hrpolicy.bonds.model import (
    BondAgreement,
    ClauseKind,
    CollectionMethod,
    Employment,
    ExitGround,
    PenaltyClause,
    Separation,
    ServiceLength,
    SpecialBenefit,
    StartRule,
    Training,
)
from hrpolicy.bonds.policy import BondPolicy, ServiceSchedule
from hrpolicy.bonds.results import (
    OUTCOMES,
    BondPlan,
    BondReview,
    BondSettlement,
    Eligibility,
    EligibilityStatus,
    Outcome,
    RecognisedCost,
    SeparationSettlement,
    ServicePeriod,
)
from hrpolicy.bonds.trail import BondTrail
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, NotCoveredError
from hrpolicy.core.explain import Explanation, Label, Step, Trail
from hrpolicy.core.fields import argument, arguments, require, require_unique
from hrpolicy.core.label import label
from hrpolicy.core.money import EXACT, ZERO, ZERO_EXACT, exact, money_sum, round_money
from hrpolicy.core.span import Rounding, through
from hrpolicy.law.provisions import provision as p

__all__ = ["plan_bonds", "review", "settle", "settle_bond"]

_DEFAULT_POLICY: Final = BondPolicy()
_LCL_IN_FORCE: Final = date(2008, 1, 1)
_COLLECTION_METHODS: Final = tuple(CollectionMethod)
_EXPIRY: Final = frozenset(
    {ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING, ExitGround.EXPIRY_EMPLOYEE_REFUSES}
)


# --- A4, A5: the service period -------------------------------------------------------------

_START_RULES: Final = {
    StartRule.DAY_AFTER_TRAINING_ENDS: label("培训结束次日", "the day after training ends"),
    StartRule.TRAINING_START: label("培训开始之日", "the first day of training"),
    StartRule.SIGNING: label("签订协议之日", "the signing date"),
    StartRule.CONTRACT_START: label("劳动合同起始日", "the contract start"),
}


def _service_start(
    agreement: BondAgreement, employment: Employment, policy: BondPolicy
) -> tuple[date, Label, bool]:
    """The first day of service, how it was chosen, and whether a default was applied."""
    if agreement.start_date is not None:
        return agreement.start_date, label("协议约定的日期", "the date the agreement states"), False
    training = agreement.training
    rule = agreement.start_rule
    defaulted = rule is None
    if rule is None:
        # Without a training there is nothing to count from; when silent, count from signing.
        rule = policy.start_convention if training is not None else StartRule.SIGNING
    if rule is StartRule.CONTRACT_START:
        if employment.contract_start is None:
            raise InvalidValueError(
                "Employment.contract_start",
                f"the current contract's first day (agreement {agreement.id} counts service "
                "from the contract start)",
                None,
            )
        start = employment.contract_start
    elif rule is StartRule.SIGNING:
        start = agreement.signed_on
    else:
        assert training is not None  # BondAgreement refuses training rules without one
        start = training.start if rule is StartRule.TRAINING_START else through(training.end)
    how = _START_RULES[rule]
    if defaulted:
        how = label(f"协议未约定，按默认：{how.zh_CN}", f"agreement silent, default: {how.en}")
    else:
        how = label(f"协议约定：{how.zh_CN}", f"as agreed: {how.en}")
    return start, how, defaulted


def _binds(eligibility: Eligibility) -> bool:
    """Whether the agreement sets a service period the law recognises: a training bond
    that can carry a penalty, or a special-benefit bond (for a court to weigh)."""
    return eligibility.eligible or eligibility.status is EligibilityStatus.SPECIAL_BENEFIT


def _service_period(
    agreement: BondAgreement,
    employment: Employment,
    policy: BondPolicy,
    eligibility: Eligibility,
    trail: Trail,
) -> ServicePeriod:
    start, how, defaulted = _service_start(agreement, employment, policy)
    training = agreement.training
    inputs: dict[str, Any] = {"start_rule": how, "signed_on": agreement.signed_on}
    if training is not None:
        inputs |= {"training_start": training.start, "training_end": training.end}
    trail.step(
        "A4.service_start",
        label("服务期起算日", "service period starts"),
        inputs,
        start,
        *((p("Practice-Service"),) if defaulted else ()),
    )
    try:
        last_day = agreement.length.end_after(start) - timedelta(days=1)
    except (OverflowError, ValueError):
        raise InvalidValueError(
            f"BondAgreement({agreement.id}).length",
            "a service period that ends before the year 9999",
            agreement.length.describe(),
        ) from None
    if last_day < agreement.signed_on:
        raise InvalidValueError(
            f"BondAgreement({agreement.id})",
            f"a service period that ends on or after signing ({agreement.signed_on.isoformat()})",
            f"{start.isoformat()} to {last_day.isoformat()}",
        )
    if start < employment.hire_date:
        raise InvalidValueError(
            f"BondAgreement({agreement.id})",
            f"a service period that starts on or after the hire date "
            f"{employment.hire_date.isoformat()} (time before employment is not service)",
            start,
        )
    trail.step(
        "A4.service_end",
        label("服务期届满日", "service period ends (last day)"),
        {"start": start, "length": agreement.length.to_label()},
        last_day,
    )
    extended_to = None
    inputs = {"contract_end": employment.contract_end, "service_last_day": last_day}
    if not _binds(eligibility):
        # A service period with nothing lawful behind it (A1, A2) extends no contract.
        trail.step(
            "A5.contract_extension",
            label(
                "劳动合同不续延：该服务期约定不能成立",
                "no contract extension: the bond cannot carry a service period",
            ),
            {**inputs, "eligibility": eligibility.status.value},
            None,
            p("Regs 17"),
            *eligibility.citations,
        )
        return ServicePeriod(start, last_day, how.en, employment.contract_end, None)
    if employment.contract_end is not None and employment.contract_end < last_day:
        extended_to = last_day
        trail.find("contract_extended", contract_end=employment.contract_end, service_end=last_day)
    trail.step(
        "A5.contract_extension",
        label("劳动合同续延至服务期满", "labour contract extended to the service period's end"),
        inputs,
        extended_to,
        p("Regs 17"),
    )
    return ServicePeriod(start, last_day, how.en, employment.contract_end, extended_to)


# --- company schedules ----------------------------------------------------------------------


def _schedule_years(schedule: ServiceSchedule, cost: Fraction, trail: Trail) -> int | None:
    """The years the company schedule gives for ``cost``, or ``None`` (with a finding)."""
    try:
        years = schedule.years_for(cost)
    except NotCoveredError:
        trail.find("schedule_does_not_cover_cost", cost=fen(cost), domain=schedule.table.domain())
        return None
    trail.step(
        "policy.schedule",
        label("公司服务期标准", "company service schedule"),
        {"schedule": schedule.name, "clause": schedule.clause or None, "training_cost": cost},
        years,
    )
    return years


def _audit_schedule(
    agreement: BondAgreement,
    cost: Fraction,
    service: ServicePeriod,
    policy: BondPolicy,
    trail: Trail,
) -> int | None:
    if policy.schedule is None:
        return None
    years = _schedule_years(policy.schedule, cost, trail)
    if years is not None and service.end_exclusive > years_after(service.start, years):
        trail.find(
            "length_exceeds_schedule",
            length=agreement.length.to_label(),
            years=years,
            cost=fen(cost),
        )
    return years


def _plan_items(trainings: object) -> list[Training | BondAgreement]:
    """The items to plan: trainings or draft agreements, each training and agreement id
    given once."""
    expected = "a list or tuple of Training or BondAgreement"
    if isinstance(trainings, (str, bytes, Mapping)) or not isinstance(trainings, Iterable):
        raise InvalidTypeError("trainings", expected, trainings)
    items: list[Training | BondAgreement] = []
    training_ids: set[str] = set()
    agreement_ids: set[str] = set()
    for index, item in enumerate(trainings):
        path = f"trainings[{index}]"
        if not isinstance(item, (Training, BondAgreement)):
            raise InvalidTypeError(path, "a Training or a BondAgreement", item)
        if isinstance(item, BondAgreement):
            require(item.id not in agreement_ids, path, "a unique agreement id", item.id)
            agreement_ids.add(item.id)
        course = item if isinstance(item, Training) else item.training
        if course is not None:
            require(course.id not in training_ids, path, "a unique training id", course.id)
            training_ids.add(course.id)
        items.append(item)
    return items


def plan_bonds(
    trainings: Iterable[Training | BondAgreement],
    employment: Employment,
    schedule: ServiceSchedule,
    policy: BondPolicy = _DEFAULT_POLICY,
) -> tuple[BondPlan, ...]:
    """Draft the bonds a company schedule allows: for each training **on its own** —
    never merged with another, even in the same year — whether it can carry a bond, its
    recognised cost C, and the service length the schedule gives for C.

    Args:
        trainings: the trainings to plan (a list or tuple). A draft
            :class:`BondAgreement` may stand in for its training; a draft for a special
            benefit, or for neither a training nor a benefit (a promotion bond), is
            planned as what it is: the schedule sets no length, and the plan says why.
        employment: the employment (its regime decides the scope; its last day of
            probation, when given, whether each training was in probation).
        schedule: the company's cost → years schedule, e.g. ``DOMAIN_COST_SCHEDULE``.
        policy: the options in force (what counts as cost, the Shanghai switch).

    Returns:
        One :class:`BondPlan` per item, in the order given: eligibility, recognised cost
        C, the length the schedule gives (``None`` when no bond may be agreed or the
        schedule does not cover C), and the steps and findings.

    Raises:
        InvalidTypeError: ``trainings`` is not a list of trainings or agreements, or
            another argument is of the wrong type.
        InvalidValueError: a training id or agreement id is given twice; a training's
            ``during_probation`` contradicts the employment's last day of probation, or is
            needed and neither says.

    Example:
        >>> from hrpolicy.bonds import DOMAIN_COST_SCHEDULE
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case = electrician_case()
        >>> training = case.agreements[0].training
        >>> assert training is not None
        >>> [plan] = plan_bonds([training], case.employment, DOMAIN_COST_SCHEDULE)
        >>> assert plan.length is not None  # an eligible training gets a length
        >>> plan.eligibility.status.value, plan.cost.amount, plan.length.describe()
        ('eligible', Decimal('6000.00'), '3 years')
        >>> from hrpolicy import InvalidTypeError
        >>> try:
        ...     one = training  # one training, not a list of them
        ...     plan_bonds(one, case.employment, DOMAIN_COST_SCHEDULE)  # type: ignore[arg-type]
        ... except InvalidTypeError as error:
        ...     print(error.path, "|", error.expected)
        trainings | a list or tuple of Training or BondAgreement
    """
    items = _plan_items(trainings)
    argument(employment, Employment, "employment")
    argument(schedule, ServiceSchedule, "schedule")
    argument(policy, BondPolicy, "policy")
    plans = []
    for item in items:
        draft = item if isinstance(item, BondAgreement) else None
        training = item if isinstance(item, Training) else item.training
        benefit = draft.benefit if draft is not None else None
        trail = BondTrail()
        cost = RecognisedCost((), Fraction(0))
        eligibility = rules.scope(employment, trail)
        if eligibility is None:
            if benefit is not None:
                eligibility = rules.benefit_eligibility(benefit, trail)
            elif training is None:
                eligibility = rules.no_training(trail)
            else:
                eligibility = rules.training_eligibility(
                    training,
                    policy,
                    trail,
                    in_probation=_in_probation(training, employment, trail),
                )
        if training is not None:
            cost = rules.recognise_cost(training, policy, trail)
            if eligibility.eligible and cost.total == 0:
                eligibility = rules.no_real_spend(trail)
        _eligibility_step(training, benefit, eligibility, trail)
        length = None
        if eligibility.eligible:
            years = _schedule_years(schedule, cost.total, trail)
            length = ServiceLength(years=years) if years else None
        trail.step(
            "plan.length",
            label("可约定的服务期", "service period that may be agreed"),
            {"eligibility": eligibility.status.value, "training_cost": cost.total},
            length.to_label() if length else None,
            *eligibility.citations,
        )
        plans.append(BondPlan(training, eligibility, cost, length, trail.explanation(), draft))
    return tuple(plans)


# --- review -----------------------------------------------------------------------------------


#: The options step of each policy seen lately, by the policy's identity (the policy is
#: kept with it: a policy is immutable, so its step is the same every time).
_POLICY_STEPS: Final[dict[int, tuple[BondPolicy, Step]]] = {}
_POLICY_STEPS_KEPT: Final = 64


def _policy_step(policy: BondPolicy, trail: Trail) -> None:
    known = _POLICY_STEPS.get(id(policy))
    if known is None or known[0] is not policy:
        if len(_POLICY_STEPS) >= _POLICY_STEPS_KEPT:
            _POLICY_STEPS.clear()
        scratch = BondTrail()
        _options_step(policy, scratch)
        known = _POLICY_STEPS[id(policy)] = (policy, scratch.steps[0])
    trail.add_step(known[1])


def _options_step(policy: BondPolicy, trail: Trail) -> None:
    trail.step(
        "policy.options",
        label("适用的选项", "options in force"),
        {
            "unit": policy.unit.value,
            "rounding": policy.rounding.value,
            "start_convention": policy.start_convention.value,
            "include_offjob_training_wages": policy.include_offjob_training_wages,
            "include_living_subsidy": policy.include_living_subsidy,
            "probation": policy.probation.value,
            "mutual_agreement": policy.mutual_agreement.value,
            "region": policy.region.value,
            "schedule": policy.schedule.name if policy.schedule else None,
        },
        policy.summary(),
    )


def _eligibility_step(
    training: Training | None,
    benefit: SpecialBenefit | None,
    eligibility: Eligibility,
    trail: Trail,
) -> None:
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


def review(
    agreement: BondAgreement, employment: Employment, policy: BondPolicy = _DEFAULT_POLICY
) -> BondReview:
    """Check an agreement against the law before any separation: whether it can carry a
    penalty at all (LCL 22(1), 25), the recognised cost C (Regs 16), the service period
    and the contract's extension (Regs 17), the penalty clause against the caps (LCL
    22(2)) and a finding for every void or unlawful clause.

    Citations are checked against the signing date: a provision not yet in force when the
    agreement was signed is flagged.

    Args:
        agreement: the service-period agreement, for a training, a special benefit, or
            neither.
        employment: the employment (hire date, contract, probation, regime).
        policy: the options in force (see :class:`~hrpolicy.bonds.policy.BondPolicy`).

    Returns:
        A :class:`BondReview` with the eligibility, C (``None`` without a training), the
        service period (``None`` out of scope), the schedule's years if the policy has a
        schedule, and the steps and findings.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: facts that contradict each other — the contract ended before the
            agreement was signed; the service period starts before the hire date or ends
            before signing; it counts from the contract start and
            ``Employment.contract_start`` is not given; the training's
            ``during_probation`` contradicts the last day of probation, or is needed and
            neither says.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case = electrician_case()
        >>> checked = review(case.agreements[0], case.employment)
        >>> checked.eligibility.status.value, checked.recognised_cost, checked.service_last_day
        ('eligible', Decimal('6000.00'), datetime.date(2013, 11, 5))
        >>> [f.code for f in checked.findings]
        ['signed_after_training_ended', 'penalty_not_prorated', 'loss_penalty_void']
        >>> [(v.ref, v.verdict.value) for v in checked.clause_verdicts]
        [('Art. 5', 'void')]
    """
    argument(agreement, BondAgreement, "agreement")
    argument(employment, Employment, "employment")
    argument(policy, BondPolicy, "policy")
    return _review(agreement, employment, policy, in_force_on=agreement.signed_on)


def _in_probation(training: Training, employment: Employment, trail: Trail) -> bool | None:
    """Whether ``training`` started in probation, and a step saying how that was known:
    derived from the last day of probation when the employment gives it (a contradicting
    ``Training.during_probation`` is refused), else as the training states; ``None`` when
    neither says."""
    end, stated = employment.probation_end, training.during_probation
    if end is None:
        if stated is None:
            return None
        trail.step(
            "A1.probation",
            label(
                "培训是否在试用期内：按培训所述（未提供试用期截止日）",
                "training in probation: as stated (the last day of probation is not given)",
            ),
            {"training_start": training.start, "probation_end": None, "stated": stated},
            stated,
            p("Practice-Probation"),
        )
        return stated
    derived = employment.hire_date <= training.start <= end
    if stated is not None and stated != derived:
        where = "within" if derived else "outside"
        raise InvalidValueError(
            "Training.during_probation",
            f"{derived} or None (the training starts on {training.start.isoformat()}, "
            f"{where} probation ending {end.isoformat()})",
            stated,
        )
    trail.step(
        "A1.probation",
        label(
            "培训是否在试用期内：按培训开始日与试用期截止日推定",
            "training in probation: derived from its start and the last day of probation",
        ),
        {
            "training_start": training.start,
            "hire_date": employment.hire_date,
            "probation_end": end,
            "stated": stated,
        },
        derived,
        p("Practice-Probation"),
    )
    return derived


def _review(
    agreement: BondAgreement,
    employment: Employment,
    policy: BondPolicy,
    *,
    in_force_on: date | None,
) -> BondReview:
    if employment.contract_end is not None and employment.contract_end < agreement.signed_on:
        raise InvalidValueError(
            "Employment.contract_end",
            f"the current contract's last day, on or after agreement {agreement.id} was signed "
            f"({agreement.signed_on.isoformat()})",
            employment.contract_end,
        )
    trail = BondTrail()
    _policy_step(policy, trail)
    training = agreement.training
    cost: RecognisedCost | None = None
    eligibility = rules.scope(employment, trail)
    if eligibility is None:
        if agreement.benefit is not None:
            eligibility = rules.benefit_eligibility(agreement.benefit, trail)
        elif training is None:
            eligibility = rules.no_training(trail)
        else:
            in_probation = _in_probation(training, employment, trail)
            rules.check_signing(agreement, training, trail)
            eligibility = rules.training_eligibility(
                training, policy, trail, in_probation=in_probation
            )
            cost = rules.recognise_cost(training, policy, trail)
            rules.check_cost_range(agreement, cost.total, trail)
            if agreement.stated_cost is not None and exact(agreement.stated_cost) > cost.total:
                trail.find(
                    "stated_cost_above_recognised",
                    stated=round_money(agreement.stated_cost),
                    recognised=fen(cost.total),
                    excess=fen(exact(agreement.stated_cost) - cost.total),
                )
            if eligibility.eligible and cost.total == 0:
                eligibility = rules.no_real_spend(trail)
    _eligibility_step(training, agreement.benefit, eligibility, trail)
    service = schedule_years = None
    if eligibility.status is not EligibilityStatus.OUT_OF_SCOPE:
        service = _service_period(agreement, employment, policy, eligibility, trail)
        if eligibility.eligible and cost is not None:
            schedule_years = _audit_schedule(agreement, cost.total, service, policy, trail)
            clauses.audit_penalty(agreement, cost.total, service, trail)
    verdicts = clauses.audit_clauses(agreement, trail)
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
        verdicts,
    )


# --- settlement ---------------------------------------------------------------------------------


def _check_signed(agreement: BondAgreement, separation: Separation) -> None:
    """Refuse a separation before the agreement was signed."""
    if separation.last_day < agreement.signed_on:
        raise InvalidValueError(
            "separation.last_day",
            f"a date on or after the agreement {agreement.id} was signed "
            f"({agreement.signed_on.isoformat()})",
            separation.last_day,
        )


def _check_exit(employment: Employment, separation: Separation) -> None:
    """Refuse exit facts that contradict each other or the employment rather than settle
    them silently (whatever the agreement)."""
    last_day, ground = separation.last_day, separation.ground
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
    if ground in _EXPIRY:
        if employment.contract_end is None:
            raise InvalidValueError(
                "separation.ground",
                "a ground other than contract expiry for an open-ended contract",
                ground.value,
            )
        if last_day != employment.contract_end:
            raise InvalidValueError(
                "separation.last_day",
                f"the contract's last day {employment.contract_end.isoformat()} for an exit "
                "at contract expiry",
                last_day,
            )
    for index, collection in enumerate(separation.collections):
        if collection.on is not None and collection.on < employment.hire_date:
            raise InvalidValueError(
                f"separation.collections[{index}].on",
                f"a date on or after the hire date {employment.hire_date.isoformat()}",
                collection.on,
            )
    if ground is ExitGround.DISMISSAL_FAILED_PROBATION and (
        employment.probation_end is None or last_day > employment.probation_end
    ):
        raise InvalidValueError(
            "separation.ground",
            "a dismissal for failed probation only during probation (Employment.probation_end "
            f"is {employment.probation_end})",
            ground.value,
        )


def _settled(
    review_: BondReview,
    outcome: Outcome,
    trail: Trail,
    separation: Separation,
    payable: Decimal | None = ZERO,
    **figures: Any,
) -> BondSettlement:
    if payable is not None and outcome is not Outcome.PAYABLE:
        trail.step(
            "A3.payable",
            label("应付金额", "amount payable"),
            {"outcome": OUTCOMES[outcome]},
            payable,
        )
    _check_in_force(trail, separation.last_day, earlier=review_.explanation)
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
        capped=figures.get("capped"),
        waived=figures.get("waived"),
    )


def settle_bond(
    agreement: BondAgreement,
    employment: Employment,
    separation: Separation,
    policy: BondPolicy = _DEFAULT_POLICY,
) -> BondSettlement:
    """Settle one bond at a separation:

        payable = min(what the clause asks at the exit date, C × unserved ÷ total)

    or 0 with the reason (the bond cannot carry a penalty, it was served out or not yet
    begun, the exit ground exempts the employee, no penalty was agreed), or no number
    when a court must assess damages or the regime is out of scope. See the module
    documentation for the rule; :func:`settle` settles several bonds and weighs what was
    demanded and collected.

    Args:
        agreement: the service-period agreement.
        employment: the employment (hire date, contract, probation, regime).
        separation: the end of employment: last day (counted as served) and ground.
        policy: the options in force (see :class:`~hrpolicy.bonds.policy.BondPolicy`).

    Returns:
        A :class:`BondSettlement`: outcome, ``payable`` (``None`` only without a number),
        the agreed amount and both caps, time served, the service figures, and the steps
        and findings of the review and the settlement.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: the facts contradict each other — the last day is before the
            hire date, before 2008-01-01 or before the agreement was signed; an exit at
            contract expiry on another day than the contract's last, or of an open-ended
            contract; a dismissal for failed probation after probation; money collected
            before the hire date; and every contradiction :func:`review` refuses.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case = electrician_case()
        >>> bond = settle_bond(case.agreements[0], case.employment, case.separation)
        >>> bond.outcome.value, bond.payable, bond.cap2, bond.unserved_units
        ('payable', Decimal('1833.33'), Decimal('1833.33'), Fraction(11, 1))
        >>> import attrs
        >>> early = attrs.evolve(case.separation, last_day=date(2010, 11, 1))
        >>> from hrpolicy import InvalidValueError
        >>> try:
        ...     settle_bond(case.agreements[0], case.employment, early)
        ... except InvalidValueError as error:
        ...     print(error.path, "|", error.expected)
        separation.last_day | a date on or after the agreement SP-2010-017 was signed (2010-11-08)
    """
    argument(agreement, BondAgreement, "agreement")
    argument(employment, Employment, "employment")
    argument(separation, Separation, "separation")
    argument(policy, BondPolicy, "policy")
    _check_exit(employment, separation)
    _check_signed(agreement, separation)
    others = rules.check_waivers_met([agreement], separation, alone=True)
    return _settle_bond(agreement, employment, separation, policy, others=others)


def _settle_bond(
    agreement: BondAgreement,
    employment: Employment,
    separation: Separation,
    policy: BondPolicy,
    *,
    others: tuple[str, ...] = (),
) -> BondSettlement:
    """:func:`settle_bond` on checked arguments; ``others``: the ``waivers_met`` entries
    qualified by another agreement's id (settled alone), reported as warnings."""
    # Citations are checked once, against the separation date, when the settlement ends.
    checked = _review(agreement, employment, policy, in_force_on=None)
    trail = BondTrail()
    rules.report_other_agreements_waivers(agreement, others, trail)
    status = checked.eligibility.status
    if status is EligibilityStatus.OUT_OF_SCOPE:
        return _settled(checked, Outcome.OUT_OF_SCOPE, trail, separation, payable=None)
    if not _binds(checked.eligibility):
        return _settled(checked, Outcome.VOID, trail, separation)
    service = checked.service
    assert service is not None  # set for every agreement in scope
    if separation.last_day >= service.last_day:
        trail.find("service_completed", end=service.last_day)
        return _settled(checked, Outcome.NOT_BREACHED, trail, separation)
    if separation.last_day < service.start:
        trail.find("left_before_service_start", start=service.start)
        return _settled(checked, Outcome.NOT_BREACHED, trail, separation)
    if not rules.liability(employment, separation, policy, trail):
        return _settled(checked, Outcome.EXEMPT, trail, separation)
    if status is EligibilityStatus.SPECIAL_BENEFIT:
        return _settled(checked, Outcome.JUDICIAL_ASSESSMENT, trail, separation, payable=None)
    clause = agreement.penalty
    if clause is None:
        return _settled(checked, Outcome.NO_PENALTY_CLAUSE, trail, separation)
    cost = checked.cost
    assert cost is not None  # set for every eligible training bond
    return _capped(
        checked,
        clause=clause,
        c=cost.total,
        service=service,
        separation=separation,
        policy=policy,
        trail=trail,
    )


def _capped(
    checked: BondReview,
    *,
    clause: PenaltyClause,
    c: Fraction,
    service: ServicePeriod,
    separation: Separation,
    policy: BondPolicy,
    trail: Trail,
) -> BondSettlement:
    """A3: what the clause asks at the exit date, cut to the two statutory caps."""
    left_through = through(separation.last_day)
    total = measure(service.start, service.end_exclusive, policy.unit, Rounding.EXACT).value
    served = measure(service.start, left_through, policy.unit, policy.rounding)
    unserved = max(total - served.value, ZERO_EXACT)
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
    cap2 = c * unserved / total
    agreed, inputs = clauses.clause_amount(
        clause,
        cost_basis=clauses.basis(checked.agreement, c),
        start=service.start,
        end=service.end_exclusive,
        left_through=left_through,
        statutory_cap=cap2,
    )
    name = clauses.clause_name(clause)
    trail.step(
        "A3.agreed",
        label("按协议条款计算的金额", "what the clause asks at this exit"),
        {"clause": name, **inputs},
        agreed,
    )
    trail.step(
        "A3.cap1",
        label("上限一：违约金不得超过培训费用C", "cap 1: the penalty may not exceed the cost C"),
        {"agreed": agreed, "C": c},
        min(agreed, c),
        p("LCL 22(2)"),
    )
    trail.step(
        "A3.cap2",
        label(
            "上限二：不得超过未履行服务期分摊的培训费用 C × 未履行 ÷ 总期限",
            "cap 2: at most the cost allocated to the unserved period, C × unserved ÷ total",
        ),
        {"C": c, "unserved": unserved, "total": total},
        cap2,
        p("LCL 22(2)"),
    )
    capped = min(agreed, cap2)
    if agreed > cap2:
        trail.find(
            "penalty_cut_to_cap",
            subject=clause.clause_ref,
            agreed=fen(agreed),
            cap=fen(cap2),
        )
    agreement = checked.agreement
    waived: Fraction | None = None
    if agreement.waivers:
        # The company's waivers come after the caps: they can only lower the figure.
        waived = rules.apply_waivers(agreement, separation, capped, trail)
        payable = fen(capped - waived)
        trail.step(
            "A3.payable",
            label(
                "应付 = min(约定金额, 上限二) − 豁免，四舍五入到分（仅此一次）",
                "payable = min(agreed, cap 2) − waived, rounded half up to the fen (once)",
            ),
            {"agreed": agreed, "cap2": cap2, "waived": waived},
            payable,
            p("LCL 22(2)"),
        )
    else:
        payable = fen(capped)
        trail.step(
            "A3.payable",
            label(
                "应付 = min(约定金额, 上限二)，四舍五入到分（仅此一次）",
                "payable = min(agreed, cap 2), rounded half up to the fen (once)",
            ),
            {"agreed": agreed, "cap2": cap2},
            payable,
            p("LCL 22(2)"),
        )
    return _settled(
        checked,
        Outcome.PAYABLE,
        trail,
        separation,
        payable=payable,
        agreed=fen(agreed),
        cap1=fen(c),
        cap2=fen(cap2),
        capped=fen(capped),
        waived=None if waived is None else fen(capped) - payable,
        served=served,
        total_units=total,
        unserved_units=unserved,
    )


def settle(
    agreements: Iterable[BondAgreement],
    employment: Employment,
    separation: Separation,
    policy: BondPolicy = _DEFAULT_POLICY,
) -> SeparationSettlement:
    """Settle every bond of one employee at one separation, each on its own, and total
    them; then weigh what the employer demanded and took against the lawful total.

    The result does not depend on the order the agreements are given in. Two agreements
    for the same training are refused: a training carries one bond (an amended agreement
    replaces the original).

    Args:
        agreements: every bond agreement of the employee (a list or tuple), each settled
            as :func:`settle_bond` does.
        employment: the employment (hire date, contract, probation, regime).
        separation: the end of employment: last day, ground, what the employer demanded
            and what it already collected, and how.
        policy: the options in force (see :class:`~hrpolicy.bonds.policy.BondPolicy`).

    Returns:
        A :class:`SeparationSettlement`: the bonds ordered by agreement id, the lawful
        total, the refund due, what is still owed, the demand beyond the law, wages to pay
        back and deposits to return (the first three ``None`` while a court must assess a
        bond), and the steps and findings.

    Raises:
        InvalidTypeError: ``agreements`` is not a list of agreements (one agreement or
            ``None`` is refused), or another argument is of the wrong type.
        InvalidValueError: an agreement id is given twice; two agreements bond the same
            training; more is drawn from deposits than the agreements name; and every
            contradiction :func:`settle_bond` refuses.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> case = electrician_case()
        >>> result = settle(case.agreements, case.employment, case.separation)
        >>> result.total_payable, result.refund_due, result.excess_demand
        (Decimal('1833.33'), Decimal('1166.67'), Decimal('1832.67'))
        >>> from hrpolicy import InvalidValueError
        >>> try:
        ...     settle(case.agreements * 2, case.employment, case.separation)
        ... except InvalidValueError as error:
        ...     print(error)
        agreements[1]: expected a unique agreement id, got str 'SP-2010-017'
    """
    given = arguments(agreements, BondAgreement, "agreements")
    argument(employment, Employment, "employment")
    argument(separation, Separation, "separation")
    argument(policy, BondPolicy, "policy")
    _check_exit(employment, separation)
    require_unique([a.id for a in given], "agreements", "agreement id")
    bonded: dict[str, str] = {}
    for index, agreement in enumerate(given):
        if agreement.training is None:
            continue
        earlier = bonded.setdefault(agreement.training.id, agreement.id)
        if earlier != agreement.id:
            raise InvalidValueError(
                f"agreements[{index}].training.id",
                f"a training no other agreement bonds (agreement {earlier} already bonds it; "
                "an amended agreement replaces the original)",
                agreement.training.id,
            )
    for agreement in given:
        _check_signed(agreement, separation)
    rules.check_waivers_met(given, separation)
    bonds = tuple(
        sorted(
            (_settle_bond(a, employment, separation, policy) for a in given),
            key=lambda b: b.agreement_id,
        )
    )
    return _weigh(given, bonds, separation)


def _weigh(
    given: Sequence[BondAgreement], bonds: tuple[BondSettlement, ...], separation: Separation
) -> SeparationSettlement:
    """The separation's totals over its settled ``bonds`` (of the agreements ``given``):
    the lawful total, what was collected and how, the refund and the demand beyond it."""
    trail = BondTrail()
    numberless = [b.agreement_id for b in bonds if b.payable is None]
    total = money_sum(b.payable for b in bonds if b.payable is not None)
    trail.step(
        "total.payable",
        label("各服务期分别结算后合计", "bonds settled separately, then totalled"),
        {b.agreement_id: b.payable if b.payable is not None else b.outcome.value for b in bonds},
        total,
        p("LCL 22(2)"),
    )
    by_method = dict.fromkeys(_COLLECTION_METHODS, ZERO)
    for collected in separation.collections:
        by_method[collected.method] = EXACT.add(by_method[collected.method], collected.amount)
    paid = by_method[CollectionMethod.PAID_BY_EMPLOYEE]
    wages = by_method[CollectionMethod.DEDUCTED_FROM_WAGES]
    from_deposit = by_method[CollectionMethod.TAKEN_FROM_DEPOSIT]
    named_deposits = money_sum(
        c.amount
        for a in given
        for c in a.clauses
        if c.kind is ClauseKind.DEPOSIT and c.amount is not None
    )
    if named_deposits > 0 and from_deposit > named_deposits:
        raise InvalidValueError(
            "separation.collections",
            f"draws on deposits of at most the {named_deposits} yuan the agreements name",
            from_deposit,
        )
    deposits = max(named_deposits, from_deposit)
    if wages > 0:
        trail.find("collected_from_wages", amount=wages)
    if from_deposit > 0:
        trail.find("collected_from_deposit", amount=from_deposit)
    trail.step(
        "total.unlawful_means",
        label(
            "从工资中扣收的须作为工资支付；押金须全额退还",
            "wage deductions are owed as wages; deposits are returned in full",
        ),
        {"deducted_from_wages": wages, "taken_from_deposit": from_deposit},
        wages + deposits,
        p("WPP 15"),
        p("LCL 84(2)"),
    )
    refund = still_owed = excess = None
    for outcome, code in (
        (Outcome.JUDICIAL_ASSESSMENT, "assessment_outside_total"),
        (Outcome.OUT_OF_SCOPE, "regime_outside_total"),
    ):
        ids = [b.agreement_id for b in bonds if b.outcome is outcome]
        if ids:
            trail.find(code, ids=", ".join(ids), count=len(ids))
    if not numberless:
        refund = max(paid - total, ZERO)
        still_owed = max(total - paid, ZERO)
        trail.step(
            "total.refund",
            label("员工已支付超出法定合计的部分应退还", "paid beyond the lawful total is refunded"),
            {"paid_by_employee": paid, "lawful_total": total},
            refund,
            p("LCL 22(2)"),
        )
        if refund > 0:
            trail.find("refund_due", paid=paid, lawful=total, refund=refund)
        if separation.demanded is not None:
            excess = max(separation.demanded - total, ZERO)
            trail.step(
                "total.demand",
                label("要求金额超出法定合计的部分", "demand beyond the lawful total"),
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
    return SeparationSettlement(
        separation=separation,
        bonds=bonds,
        total_payable=total,
        collected=paid + wages + from_deposit,
        paid=paid,
        refund_due=refund,
        still_owed=still_owed,
        excess_demand=excess,
        wages_to_pay=wages,
        deposits_to_return=deposits,
        explanation=trail.explanation(),
    )


# --- helpers ------------------------------------------------------------------------------------


def _check_in_force(trail: Trail, day: date, earlier: Explanation | None = None) -> None:
    """Flag, once each, the cited provisions that did not yet apply on ``day`` (those of
    ``earlier`` first)."""
    seen: set[str] = set()
    for citation in trail.provisions(earlier):
        if citation.in_force_on(day) or citation.id in seen:
            continue
        seen.add(citation.id)
        trail.find(
            "provision_not_in_force",
            subject=citation.id,
            citation=Label(zh_CN=citation.cite("zh_CN"), en=citation.cite("en")),
            since=citation.in_force_from,
            day=day,
        )
