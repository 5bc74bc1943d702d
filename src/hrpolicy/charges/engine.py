"""The charges engine: what the law makes of every charge an agreement puts on a worker.

:func:`settle_charges` settles one :class:`~hrpolicy.charges.case.ChargeCase` as of its
day. The relationship — a labour contract, part-time labour or labour service — is an
input, checked against the facts that decide it; everything else follows from it
(LAW.md §C):

1. every clause is audited against one rule table keyed by (kind of charge, labour
   relationship or not), through :func:`hrpolicy.core.clauses.audit_clause`;
2. every incident gets what the clauses due for it ask, what the law allows under each,
   and a claim: the proven loss × the worker's liability, the lawful penalties, and
   their larger (or their sum, by option);
3. every sum taken is given back, applied to a claim, or set off, each with its reason —
   under a labour relationship only a loss may be deducted from wages (WPP 15, 16): a
   deduction for a penalty or a fine comes back, even when the penalty stands;
4. under a labour relationship the loss still outstanding is recovered from the pay
   periods ending after the settlement day, up to the one holding the last day worked,
   under the deduction cap (:mod:`hrpolicy.core.recovery`); nothing is scheduled once
   the worker left before the settlement day (all wages were due on leaving, WPP 9). A
   penalty that stands is never deducted from wages. What remains is carried while the
   worker is employed, and is a claim once the worker has left or under labour service.

Clauses are taken by ref, incidents by (day, id) and takings by (day, id), so the order
they are given in changes nothing. Money is exact: amounts are given to the fen, and the
only rounding is the loss × liability (half up), the default non-compete compensation
(half up), the threshold of an excessive penalty (half up), the part-time floor (up) and
the cap (20 % down).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final

import attrs

from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.messages import CATALOG
from hrpolicy.charges.model import (
    Charge,
    Deposit,
    Fine,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    PayPeriod,
    Penalty,
    PerItemCharge,
    Relationship,
    Role,
    Taking,
    Trigger,
)
from hrpolicy.charges.policy import ChargePolicy, FineRule, PenaltyAndLoss, Region
from hrpolicy.charges.results import (
    ChargeLine,
    ChargeSettlement,
    IncidentClaim,
    ReturnReason,
    TakingOutcome,
)
from hrpolicy.core.clauses import ClauseRule, ClauseVerdict, Verdict, audit_clause
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import FindingValue, Label, StepValue, Trail
from hrpolicy.core.fields import argument
from hrpolicy.core.label import label
from hrpolicy.core.money import EXACT, ZERO, exact, fen_to_money, money_sum, round_money
from hrpolicy.core.recovery import RecoverySchedule, recovery_cap, recovery_schedule
from hrpolicy.core.span import TimeUnit, add_units
from hrpolicy.law.provisions import Provision
from hrpolicy.law.provisions import provision as p

__all__ = ["CLAUSE_RULES", "settle_charges"]

#: The longest a non-compete may run after leaving, in months (LCL 24).
_NON_COMPETE_LIMIT: Final = 24
#: The default monthly non-compete compensation: 30 % of the average monthly wage (SPC-I 36(1)).
_DEFAULT_COMPENSATION: Final = Fraction(3, 10)
#: Months of unpaid compensation that let the worker end the restriction (SPC-I 38).
_RELEASE_MONTHS: Final = 3
#: The longest pay period part-time labour may have, in days (LCL 72(2)).
_PART_TIME_PAY_DAYS: Final = 15
#: Every amount stays below this (the bound on the numbers the library reads and writes).
_MONEY_LIMIT: Final = Decimal(10**18)
#: The labour authority's fine for a deposit, per worker (LCL 84(2)).
_DEPOSIT_FINE: Final = (Decimal(500), Decimal(2000))

_KINDS: Final[dict[type, str]] = {
    Deposit: "deposit",
    Fine: "fine",
    Penalty: "penalty",
    PerItemCharge: "per_item",
    LossCompensation: "loss_compensation",
    NonCompete: "non_compete",
}
_PENALTY_KINDS: Final = frozenset({"fine", "penalty", "per_item", "non_compete"})


# --- the rule table -----------------------------------------------------------------------


def _rule(verdict: Verdict, finding: str, zh: str, en: str) -> ClauseRule:
    """A rule that reports a finding: its articles are those the finding's catalog entry
    cites (one source for both)."""
    return ClauseRule(verdict, finding, label(zh, en), CATALOG[finding].citations)


def _quiet(verdict: Verdict, zh: str, en: str, *articles: str) -> ClauseRule:
    """A rule that reports no finding, with the articles that decide it."""
    return ClauseRule(verdict, None, label(zh, en), tuple(p(a) for a in articles))


#: What the law makes of each kind of clause, keyed by (kind, labour relationship, variant):
#: the variant is ``""`` for the rule itself, or names the facts or option that change it.
CLAUSE_RULES: Final[Mapping[tuple[str, bool, str], ClauseRule]] = MappingProxyType(
    {
        # A deposit of any basis under a labour relationship is prohibited (LCL 9): the labour
        # authority orders it returned and may fine 500–2,000 yuan per worker (LCL 84(2)).
        ("deposit", True, ""): _rule(
            Verdict.UNLAWFUL,
            "deposit_unlawful",
            "全额退还，不得抵扣",
            "returned in full; nothing offset",
        ),
        # Under labour service a deposit is a matter of contract (CC 585(1), 577): returned when
        # the agreement ends, less what is set off against a lawful claim (CC 568(1)).
        ("deposit", False, ""): _quiet(
            Verdict.LAWFUL,
            "协议终止时退还，可与到期的合法请求抵销",
            "returned when the agreement ends, less a lawful claim set off",
            "CC 585(1)",
            "CC 577",
            "CC 568(1)",
        ),
        # No fine has a legal basis since the Rewards and Penalties Regulations were repealed.
        ("fine", True, ""): _rule(
            Verdict.UNLAWFUL,
            "fine_unlawful",
            "不得罚款；可据实际损失主张赔偿",
            "no fine; a proven loss may be claimed",
        ),
        # Guangdong sanctions rules providing for fines, whatever the option (GD-LSS 51).
        ("fine", True, "guangdong"): _rule(
            Verdict.UNLAWFUL,
            "fine_unlawful_guangdong",
            "不得罚款；可据实际损失主张赔偿",
            "no fine; a proven loss may be claimed",
        ),
        # By option, a fine in democratically adopted rules stands, contested (LCL 4).
        ("fine", True, "contested"): _rule(
            Verdict.CONTESTED,
            "fine_contested",
            "按选项作为违约责任主张（有争议）",
            "claimed as a penalty, by option (contested)",
        ),
        # Under labour service a fine is an agreed penalty (CC 585(1)).
        ("fine", False, ""): _quiet(
            Verdict.LAWFUL,
            "作为约定违约金有效，过分高于损失的可调减",
            "stands as an agreed penalty; an excessive one may be reduced",
            "CC 585(1)",
            "CC 585(2)",
        ),
        # Only a training bond or a non-compete may carry a penalty (LCL 25).
        ("penalty", True, ""): _rule(
            Verdict.VOID,
            "penalty_void",
            "无效；可据实际损失主张赔偿",
            "void; the proven loss may be claimed",
        ),
        # Working for a competitor during the contract may justify dismissal (LCL 39 item 4)
        # or a claim for the loss (LCL 90), never a penalty (LCL 25).
        ("penalty", True, "competitor"): _rule(
            Verdict.VOID,
            "penalty_void_competitor",
            "无效；可依法解除劳动合同或据实际损失主张赔偿",
            "void; it may justify dismissal or a claim for the proven loss",
        ),
        # A part-time worker may work for other employers (LCL 69(2)).
        ("penalty", True, "competitor_part_time"): _rule(
            Verdict.VOID,
            "penalty_void_competitor_part_time",
            "无效；非全日制劳动者可以为其他用人单位工作",
            "void; a part-time worker may work for other employers",
        ),
        ("penalty", False, ""): _quiet(
            Verdict.LAWFUL,
            "约定违约金有效，过分高于损失的可调减",
            "an agreed penalty stands; an excessive one may be reduced",
            "CC 585(1)",
            "CC 585(2)",
        ),
        # A fixed charge per item is a predetermined penalty (LCL 25); the item's proven loss
        # may be claimed instead (WPP 16, LL 102, LCL 90).
        ("per_item", True, ""): _rule(
            Verdict.VOID,
            "per_item_charge_void",
            "无效；可据物品实际损失主张赔偿",
            "void; the item's proven loss may be claimed",
        ),
        ("per_item", False, ""): _quiet(
            Verdict.LAWFUL,
            "作为约定损害赔偿有效，过分高于损失的可调减",
            "stands as agreed damages; an excessive sum may be reduced",
            "CC 585(1)",
            "CC 585(2)",
        ),
        # "Compensate all losses": limited to the proven loss, from wages under the cap.
        ("loss_compensation", True, ""): _rule(
            Verdict.LIMITED,
            "loss_compensation_limited",
            "以实际证明的损失为限；从工资扣除每期不超过上限",
            "limited to the proven loss; from wages at most the cap a pay period",
        ),
        # Part-time labour: the floor of a pay period is its hours at the hourly minimum wage.
        ("loss_compensation", True, "part_time"): _rule(
            Verdict.LIMITED,
            "loss_compensation_limited_part_time",
            "以实际证明的损失为限；从工资扣除每期不超过上限（底线为工时乘以小时最低工资）",
            "limited to the proven loss; from wages at most the cap a pay period (the floor: "
            "its hours at the hourly minimum wage)",
        ),
        ("loss_compensation", False, ""): _rule(
            Verdict.LIMITED,
            "loss_compensation_civil",
            "以实际证明的损失为限",
            "limited to the proven loss",
        ),
        # A non-compete binds only the roles LCL 24 names, for at most 24 months, and only
        # against monthly compensation (LCL 23(2)).
        ("non_compete", True, ""): _quiet(
            Verdict.LAWFUL,
            "离职后按月支付经济补偿方可约束",
            "binds only while monthly compensation is paid after leaving",
            "LCL 23(2)",
            "LCL 24",
        ),
        ("non_compete", True, "role"): _rule(
            Verdict.VOID,
            "non_compete_role",
            "无效：该劳动者不属于可以约定竞业限制的人员",
            "void: the worker's role cannot be bound",
        ),
        ("non_compete", True, "too_long"): _rule(
            Verdict.LIMITED,
            "non_compete_too_long",
            "限制期以24个月为限，在此范围内有效",
            "the restriction runs at most 24 months and stands for them",
        ),
        # Under labour service LCL 23/24 do not apply: a civil penalty (CC 585).
        ("non_compete", False, ""): _quiet(
            Verdict.LAWFUL,
            "作为民事违约金有效，过分高于损失的可调减",
            "stands as a civil penalty; an excessive one may be reduced",
            "CC 585(1)",
            "CC 585(2)",
        ),
    }
)


# --- the entry point ---------------------------------------------------------------------


def settle_charges(case: ChargeCase, policy: ChargePolicy | None = None) -> ChargeSettlement:
    """Settle every charge the agreement puts on the worker, as of ``case.as_of``.

    Args:
        case: the worker, the agreement, the incidents, the takings, the pay periods and
            the non-compete facts.
        policy: options to settle under instead of ``case.policy`` (a what-if).

    Returns:
        A :class:`~hrpolicy.charges.results.ChargeSettlement`: each clause's verdict,
        each incident's claim, what becomes of each taking, the totals owed back now and
        still claimable, and how the rest is recovered.

    Raises:
        InvalidTypeError: ``case`` is not a ``ChargeCase`` or ``policy`` not a
            ``ChargePolicy``.
        InvalidValueError: an input contradicts another, naming it — an incident before
            the first day of work (``incidents[0].on``), a competitor incident on the
            wrong side of leaving, a taking under a clause the agreement lacks
            (``takings[0].clause``) or for an unknown incident, a draw on a deposit under
            a deposit clause or beyond the deposits paid, a wage deduction in no pay
            period given (``takings[0].on``), pay periods that overlap or start after
            leaving, a floor or a non-compete fact the rule needs and the case lacks.

    Example:
        >>> from hrpolicy.charges.examples import part_time_lost_materials_case
        >>> settled = settle_charges(part_time_lost_materials_case())
        >>> settled.deposits_to_return, settled.claimable, settled.outstanding
        (Decimal('800.00'), Decimal('45.00'), Decimal('45.00'))
    """
    argument(case, ChargeCase, "case")
    chosen = case.policy if policy is None else argument(policy, ChargePolicy, "policy")
    return _Settlement(case, chosen).run()


# --- helpers ----------------------------------------------------------------------------


def _kind(charge: Charge) -> str:
    return _KINDS[type(charge)]


def _month_end(left_on: date, months: int) -> date:
    """The last day of the ``months``-th whole month of a restriction that starts the day
    after ``left_on``: the day of ``left_on`` ``months`` calendar months on, clamped to the
    month's end (left on 30 March: the first month runs 31 March to 30 April) — the one
    month arithmetic of the library, :func:`hrpolicy.core.span.add_units`."""
    return add_units(left_on, TimeUnit.MONTHS, months)


def _fen(value: Decimal) -> Decimal:
    """An amount given to the fen, written with two places (``500`` → ``500.00``)."""
    return money_sum((value,))


def _ceil_fen(value: Fraction) -> Decimal:
    return fen_to_money(math.ceil(value * 100))


@attrs.define
class _NonCompeteState:
    """One lawful non-compete of a worker who has left: the monthly compensation, the
    restriction's first and last day, and the day the worker may end it (if reached)."""

    clause: NonCompete
    monthly: Decimal
    start: date
    end: date
    release: date | None
    payments: tuple[tuple[date, Decimal], ...]
    unpaid: Decimal = ZERO

    def paid_by(self, day: date) -> Decimal:
        return money_sum(amount for on, amount in self.payments if on <= day)


@attrs.define
class _Claim:
    """One incident's claim while the takings are applied: the clauses due for it, what is
    left of it, the loss part of it (what wages may answer for) and the whole claim."""

    incident: Incident
    due: frozenset[str]
    left: Decimal
    loss: Decimal
    claimable: Decimal

    @property
    def loss_left(self) -> Decimal:
        """The loss part still outstanding: what was applied to the claim counts against
        the loss first (the reading that leaves the least to take from wages)."""
        applied = money_sum((self.claimable, -self.left))
        return min(self.left, max(ZERO, money_sum((self.loss, -applied))))


class _Settlement:
    """One settlement in progress: the case, the options and the trail."""

    def __init__(self, case: ChargeCase, policy: ChargePolicy) -> None:
        self.case = case
        self.policy = policy
        self.worker = case.worker
        self.relationship = case.worker.relationship
        self.labour = self.relationship.is_labour
        self.trail = Trail(CATALOG)
        self.clauses = sorted(case.agreement.charges, key=lambda c: c.ref)
        self.incidents = sorted(enumerate(case.incidents), key=lambda x: (x[1].on, x[1].id))
        self.takings = sorted(enumerate(case.takings), key=lambda x: (x[1].on, x[1].id))
        self.periods = sorted(enumerate(case.pay_periods), key=lambda x: (x[1].start, x[1].end))
        # Wage deductions per pay period (by the period's index in the case): the cap's
        # room left, what was kept (applied to a claim), all deducted, what of it was
        # given back before, and the excess over the cap still held.
        self.room: dict[int, Decimal] = {}
        self.kept_in_period: dict[int, Decimal] = {}
        self.deducted: dict[int, Decimal] = {}
        self.given_back: dict[int, Decimal] = {}
        self.excess: dict[int, Decimal] = {}

    # --- the run ---------------------------------------------------------------------------

    def run(self) -> ChargeSettlement:
        self._policy_step()
        self._check_relationship()
        self._check_periods()
        self._check_incidents()
        self._check_takings()
        self._check_payments()
        verdicts = self._audit()
        competitor_after = self._non_competes(verdicts)
        lines, claims, pools = self._claims(verdicts, competitor_after)
        outcomes = self._takings(verdicts, pools)
        return self._totals(
            verdicts=verdicts,
            lines=lines,
            claims=claims,
            outcomes=outcomes,
            states=competitor_after,
            pools=pools,
        )

    def _policy_step(self) -> None:
        policy = self.policy
        self.trail.step(
            "policy.options",
            label("适用的选项", "options in force"),
            {
                "fines": policy.fines.value,
                "penalty_and_loss": policy.penalty_and_loss.value,
                "excessive_above_loss": policy.excessive_above_loss,
                "region": policy.region.value,
            },
            policy.summary(),
        )

    # --- the relationship -------------------------------------------------------------------

    def _check_relationship(self) -> None:
        """The relationship is an input. Refusals (a pension drawn under a labour
        relationship; part-time over 24 hours a week) are the worker's own checks; here:
        a student under a labour relationship is flagged (MOL-309 Art. 12: a student
        working in spare time while studying is not employed — the input stands), labour
        service with neither a student nor a pension is flagged (a labour relationship
        arises from the day the labour is used, LCL 7: a tribunal may find one), a
        part-time pay period longer than 15 days is a violation (LCL 72(2)), and so is a
        part-time period whose wage over its hours falls below the hourly minimum wage
        (LCL 72(1), MWP 5; :meth:`_check_hourly_pay`)."""
        worker = self.worker
        cites: tuple[Provision, ...]
        if self.relationship is Relationship.LABOUR_SERVICE:
            cites = tuple(
                p(a)
                for a, fact in (
                    ("MOL-309 12", worker.enrolled_student),
                    ("SPC-I 32(1)", worker.drawing_pension),
                )
                if fact
            )
        elif self.relationship is Relationship.PART_TIME:
            cites = (p("LCL 68"), p("LCL 69(2)"), p("LCL 70"), p("LCL 72(1)"))
        else:
            cites = (p("LCL 3(1)"),)
        self.trail.step(
            "relationship",
            label("用工关系（输入）", "the relationship (an input)"),
            {
                "enrolled_student": worker.enrolled_student,
                "drawing_pension": worker.drawing_pension,
                "weekly_hours": worker.weekly_hours,
                "role": worker.role.value,
            },
            self.relationship.value,
            *cites,
        )
        if self.labour and worker.enrolled_student:
            self.trail.find("student_in_labour_relationship", subject=worker.id)
        if (
            self.relationship is Relationship.LABOUR_SERVICE
            and not worker.enrolled_student
            and not worker.drawing_pension
        ):
            self.trail.find("labour_service_unsupported", subject=worker.id)
        if self.relationship is Relationship.PART_TIME:
            for _, period in self.periods:
                days = (period.end - period.start).days + 1
                if days > _PART_TIME_PAY_DAYS:
                    self.trail.find(
                        "part_time_pay_interval",
                        subject=period.label,
                        period=period.label,
                        days=days,
                        limit=_PART_TIME_PAY_DAYS,
                    )
                self._check_hourly_pay(period)

    def _check_hourly_pay(self, period: PayPeriod) -> None:
        """Part-time hourly pay may not fall below the local hourly minimum wage (LCL
        72(1), MWP 5): a period whose wage is below its hours at the hourly minimum — the
        exact product; the pay the minimum requires is that product rounded up to the fen,
        as the period's floor is — is a violation carrying the wage, the hours, the hourly
        pay (rounded down to the fen, so it never shows at the minimum when below it),
        the minimum, the pay it requires and the shortfall. A period that gives no hours
        or no hourly minimum is not checked, and a finding says so."""
        missing = [
            name
            for name, value in (
                (label("工作小时数", "hours worked"), period.hours),
                (
                    label("当地小时最低工资标准", "local hourly minimum wage"),
                    period.hourly_minimum_wage,
                ),
            )
            if value is None
        ]
        if missing:
            both = label(
                "工作小时数和当地小时最低工资标准", "hours worked or local hourly minimum wage"
            )
            self.trail.find(
                "part_time_hourly_pay_not_checked",
                subject=period.label,
                period=period.label,
                missing=missing[0] if len(missing) == 1 else both,
            )
            return
        assert period.hours is not None
        assert period.hourly_minimum_wage is not None
        required = _ceil_fen(exact(period.hours) * exact(period.hourly_minimum_wage))
        if period.wage >= required:
            return
        hourly = fen_to_money(math.floor(exact(period.wage) / exact(period.hours) * 100))
        self.trail.find(
            "part_time_below_hourly_minimum",
            subject=period.label,
            period=period.label,
            wage=_fen(period.wage),
            hours=period.hours,
            hourly=hourly,
            minimum=_fen(period.hourly_minimum_wage),
            floor=required,
            shortfall=money_sum((required, -period.wage)),
        )

    # --- checks of the facts ------------------------------------------------------------------

    def _check_periods(self) -> None:
        """Pay periods may not overlap (the cap applies once per period) and may not start
        after the last day worked (there is no wage after it)."""
        left_on = self.worker.left_on
        previous: PayPeriod | None = None
        for index, period in self.periods:
            if previous is not None and period.start <= previous.end:
                raise InvalidValueError(
                    f"pay_periods[{index}].start",
                    f"a day after {previous.end.isoformat()}, the end of the period "
                    f"{previous.label} (pay periods may not overlap)",
                    period.start,
                )
            if left_on is not None and period.start > left_on:
                raise InvalidValueError(
                    f"pay_periods[{index}].start",
                    f"a day on or before the last day worked {left_on.isoformat()}",
                    period.start,
                )
            previous = period

    def _check_incidents(self) -> None:
        """An incident falls within the work: not before the first day; working for a
        competitor *during* the agreement not after the last day worked; working for one
        *after* leaving only after it."""
        worker = self.worker
        for index, incident in enumerate(self.case.incidents):
            where = f"incidents[{index}].on"
            if incident.on < worker.started:
                raise InvalidValueError(
                    where,
                    f"a day on or after the first day of work {worker.started.isoformat()}",
                    incident.on,
                )
            if (
                incident.trigger is Trigger.COMPETITOR_DURING
                and worker.left_on is not None
                and incident.on > worker.left_on
            ):
                raise InvalidValueError(
                    where,
                    f"a day on or before the last day worked {worker.left_on.isoformat()} "
                    "(working for a competitor during the agreement)",
                    incident.on,
                )
            if incident.trigger is Trigger.COMPETITOR_AFTER and (
                worker.left_on is None or incident.on <= worker.left_on
            ):
                shown = (
                    worker.left_on.isoformat()
                    if worker.left_on
                    else "none: the worker has not left"
                )
                raise InvalidValueError(
                    where,
                    f"a day after the last day worked ({shown}) for working for a competitor "
                    "after leaving",
                    incident.on,
                )

    def _check_takings(self) -> None:
        """A taking names a clause of the agreement and, if any, an incident of the case;
        a draw on a deposit is not itself under a deposit clause, and no more is drawn
        from deposits (or given back from them) than the deposits paid; a deduction from
        wages falls in a pay period given."""
        agreement = self.case.agreement
        incidents = {i.id for i in self.case.incidents}
        for index, taking in enumerate(self.case.takings):
            where = f"takings[{index}]"
            clause = agreement.charge(taking.clause)
            if clause is None:
                refs = (
                    ", ".join(c.ref for c in self.clauses) or "none: the agreement has no clauses"
                )
                raise InvalidValueError(
                    f"{where}.clause", f"a clause of the agreement ({refs})", taking.clause
                )
            if taking.incident and taking.incident not in incidents:
                known = ", ".join(sorted(incidents)) or "none"
                raise InvalidValueError(
                    f"{where}.incident",
                    f"an incident of the case ({known}) or empty",
                    taking.incident,
                )
            if taking.means is Means.FROM_DEPOSIT and isinstance(clause, Deposit):
                raise InvalidValueError(
                    f"{where}.means",
                    "paid or deducted_from_wages for a deposit (a deposit is not drawn from "
                    "a deposit)",
                    taking.means.value,
                )
            if taking.means is Means.DEDUCTED_FROM_WAGES and self._period_of(taking.on) is None:
                raise InvalidValueError(
                    f"{where}.on",
                    "a day in one of the pay periods given (a deduction from wages is made "
                    "from a period's wage)",
                    taking.on,
                )
        held = money_sum(t.amount - t.returned for _, t in self.takings if self._is_deposit(t))
        drawn = ZERO
        for index, taking in self.takings:
            if taking.means is Means.FROM_DEPOSIT:
                drawn = money_sum((drawn, taking.amount))
                if drawn > held:
                    raise InvalidValueError(
                        f"takings[{index}].amount",
                        f"at most {money_sum((held, -drawn, taking.amount))} yuan: the deposits "
                        f"paid and not given back ({held} yuan) less what was drawn before",
                        taking.amount,
                    )

    def _check_payments(self) -> None:
        """Non-compete compensation is paid after leaving (LCL 23(2)): a payment on or
        before the last day worked (money paid with the wage during employment is no
        compensation for a restriction not yet running), or with the worker not having
        left, is refused; so is a payment after the settlement day (a fact not yet
        known)."""
        facts = self.case.non_compete
        left_on = self.worker.left_on
        for index, payment in enumerate(facts.payments if facts else ()):
            where = f"non_compete.payments[{index}].on"
            if left_on is None or payment.on <= left_on:
                shown = left_on.isoformat() if left_on else "none: the worker has not left"
                raise InvalidValueError(
                    where,
                    f"a day after the last day worked ({shown}): non-compete compensation "
                    "is paid after leaving",
                    payment.on,
                )
            if payment.on > self.case.as_of:
                raise InvalidValueError(
                    where,
                    f"a day on or before the settlement day {self.case.as_of.isoformat()}",
                    payment.on,
                )

    def _is_deposit(self, taking: Taking) -> bool:
        return taking.means is not Means.FROM_DEPOSIT and isinstance(
            self.case.agreement.charge(taking.clause), Deposit
        )

    def _period_of(self, day: date) -> tuple[int, PayPeriod] | None:
        return next(((i, pp) for i, pp in self.periods if pp.covers(day)), None)

    def _floor(self, index: int, period: PayPeriod) -> Decimal:
        """The floor a deduction may not break in one pay period: the local monthly
        minimum wage under a labour contract; for part-time labour the hours worked at
        the hourly minimum wage, rounded up to the fen (protective: it can only shrink
        the cap)."""
        where = f"pay_periods[{index}]"
        if self.relationship is Relationship.PART_TIME:
            if period.hours is None:
                raise InvalidValueError(
                    f"{where}.hours",
                    "the hours worked in the period (part-time labour: the floor is hours × "
                    "the hourly minimum wage)",
                    None,
                )
            if period.hourly_minimum_wage is None:
                raise InvalidValueError(
                    f"{where}.hourly_minimum_wage",
                    "the local hourly minimum wage (part-time labour: the floor is hours × it)",
                    None,
                )
            return _ceil_fen(exact(period.hours) * exact(period.hourly_minimum_wage))
        if period.minimum_wage is None:
            raise InvalidValueError(
                f"{where}.minimum_wage",
                "the local monthly minimum wage (the floor a deduction may not break, WPP 16)",
                None,
            )
        return period.minimum_wage

    # --- the clauses --------------------------------------------------------------------------

    def _audit(self) -> dict[str, ClauseVerdict]:
        """Each clause by the rule table (see :data:`CLAUSE_RULES`): under a labour
        relationship a deposit is unlawful, a fine unlawful (contested only by option
        for one in democratically adopted rules outside Guangdong), every penalty and
        per-item charge void, loss compensation limited to the proven loss, a
        non-compete lawful only for the roles LCL 24 names (more than 24 months: it runs
        24); under labour service everything stands as agreed, loss compensation limited
        to the proven loss."""
        verdicts: dict[str, ClauseVerdict] = {}
        for clause in self.clauses:
            kind = _kind(clause)
            variant, params = self._variant(clause)
            rule = CLAUSE_RULES[(kind, self.labour, variant)]
            verdicts[clause.ref] = audit_clause(clause.ref, kind, rule, self.trail, **params)
        return verdicts

    def _variant(self, clause: Charge) -> tuple[str, dict[str, FindingValue]]:
        if not self.labour:
            return "", {}
        if isinstance(clause, Deposit):
            low, high = _DEPOSIT_FINE
            return "", {"amount": _fen(clause.amount), "fine_low": low, "fine_high": high}
        if isinstance(clause, Fine):
            if self.policy.region is Region.GUANGDONG:
                return "guangdong", {"amount": _fen(clause.amount)}
            if (
                self.policy.fines is FineRule.CONTESTED_IN_DEMOCRATIC_RULES
                and clause.in_democratic_rules
            ):
                return "contested", {"amount": _fen(clause.amount)}
            return "", {"amount": _fen(clause.amount)}
        if isinstance(clause, Penalty):
            if clause.trigger is Trigger.COMPETITOR_DURING:
                if self.relationship is Relationship.PART_TIME:
                    return "competitor_part_time", {"amount": _fen(clause.amount)}
                return "competitor", {"amount": _fen(clause.amount)}
            return "", {"amount": _fen(clause.amount)}
        if isinstance(clause, PerItemCharge):
            return "", {"amount": _fen(clause.amount)}
        if isinstance(clause, LossCompensation) and self.relationship is Relationship.PART_TIME:
            return "part_time", {}
        if isinstance(clause, NonCompete):
            if self.worker.role is Role.OTHER:
                return "role", {}
            if clause.months > _NON_COMPETE_LIMIT:
                return "too_long", {"months": clause.months, "limit": _NON_COMPETE_LIMIT}
        return "", {}

    # --- the non-compete -----------------------------------------------------------------------

    def _non_competes(self, verdicts: dict[str, ClauseVerdict]) -> dict[str, _NonCompeteState]:
        """Each non-compete that stands under a labour relationship, once the worker has
        left: the monthly compensation (as agreed, or — when the agreement sets none, or
        sets 0, which is none in substance — 30 % of the average monthly wage of the last
        12 months and not below the minimum wage, SPC-I 36(1), rounded half up), the
        months elapsed (whole months of the restriction, which starts the day after
        leaving, by the settlement: left on 30 March, the first month ends on 30 April; at
        most the restriction of min(months, 24)), what is due and paid; the day three
        months' compensation is unpaid, from which the worker may end it (SPC-I 38) —
        looked for only when the monthly compensation is more than 0."""
        left_on = self.worker.left_on
        states: dict[str, _NonCompeteState] = {}
        if not self.labour or left_on is None:
            return states
        facts = self.case.non_compete
        payments = tuple(sorted((pay.on, pay.amount) for pay in (facts.payments if facts else ())))
        for clause in self.clauses:
            if not isinstance(clause, NonCompete) or not verdicts[clause.ref].verdict.stands:
                continue
            monthly = self._monthly(clause)
            start = left_on + timedelta(days=1)
            restriction = min(clause.months, _NON_COMPETE_LIMIT)
            elapsed = 0
            while elapsed < restriction and _month_end(left_on, elapsed + 1) <= self.case.as_of:
                elapsed += 1
            state = _NonCompeteState(
                clause, monthly, start, _month_end(left_on, restriction), None, payments
            )
            # With no compensation at all there is nothing to fall three months behind on.
            months = range(1, elapsed + 1) if monthly else range(0)
            for month in months:
                end = _month_end(left_on, month)
                unpaid = money_sum((monthly * month, -state.paid_by(end)))
                if unpaid >= monthly * _RELEASE_MONTHS:
                    state.release = end
                    break
            due = monthly * elapsed
            paid = state.paid_by(self.case.as_of)
            unpaid = max(ZERO, money_sum((due, -paid)))
            state.unpaid = unpaid
            self.trail.step(
                "non_compete.compensation",
                label(
                    f"条款{clause.ref}：竞业限制经济补偿",
                    f"clause {clause.ref}: non-compete compensation",
                ),
                {
                    "monthly": monthly,
                    "restriction_months": restriction,
                    "months_elapsed": elapsed,
                    "due": due,
                    "paid": paid,
                },
                unpaid,
                p("LCL 23(2)"),
                p("SPC-I 36(1)"),
                p("SPC-I 36(2)"),
            )
            if unpaid:
                self.trail.find(
                    "non_compete_compensation_unpaid",
                    subject=clause.ref,
                    ref=clause.ref,
                    months=elapsed,
                    monthly=monthly,
                    due=due,
                    paid=paid,
                    unpaid=unpaid,
                )
            if state.release is not None:
                self.trail.find(
                    "non_compete_may_end", subject=clause.ref, ref=clause.ref, on=state.release
                )
            states[clause.ref] = state
        return states

    def _monthly(self, clause: NonCompete) -> Decimal:
        """The monthly compensation: as agreed when more than 0; else the SPC-I 36(1)
        default (an agreed 0 is no compensation in substance, and says so)."""
        agreed = clause.monthly_compensation
        if agreed:
            return _fen(agreed)
        monthly = self._default_monthly(clause)
        if agreed is not None:
            self.trail.find(
                "non_compete_compensation_zero",
                subject=clause.ref,
                ref=clause.ref,
                monthly=monthly,
            )
        return monthly

    def _default_monthly(self, clause: NonCompete) -> Decimal:
        facts = self.case.non_compete
        average = facts.average_monthly_wage if facts else None
        minimum = facts.minimum_wage if facts else None
        if average is None:
            raise InvalidValueError(
                "non_compete.average_monthly_wage",
                f"the average monthly wage of the 12 months before leaving (clause {clause.ref} "
                "sets no compensation, or 0: 30 % of it applies, SPC-I Art. 36)",
                None,
            )
        if minimum is None:
            raise InvalidValueError(
                "non_compete.minimum_wage",
                f"the local monthly minimum wage (clause {clause.ref} sets no compensation, "
                "or 0: it may not be below the minimum wage, SPC-I Art. 36)",
                None,
            )
        return max(round_money(exact(average) * _DEFAULT_COMPENSATION), minimum)

    def _non_compete_allowed(
        self, clause: NonCompete, incident: Incident, state: _NonCompeteState
    ) -> tuple[Decimal, bool]:
        """What a lawful non-compete lets the employer claim for working for a competitor
        after leaving, and whether the restriction was breached: a breach owes the
        penalty, unless it falls after the restriction ends or on or after the day the
        worker may end it for unpaid compensation (SPC-I 38), or no compensation at all
        was paid up to it (the restriction binds only against compensation, LCL 23(2)) —
        then the restriction did not bind and nothing is owed under it."""
        reason: Label | None = None
        if incident.on > state.end:
            reason = label(
                f"竞业限制期已于{state.end.isoformat()}届满",
                f"the restriction ended on {state.end.isoformat()}",
            )
        elif state.release is not None and incident.on >= state.release:
            reason = label(
                f"自{state.release.isoformat()}起劳动者可因未付补偿解除竞业限制",
                f"from {state.release.isoformat()} the worker may end the restriction for "
                "unpaid compensation",
            )
        if reason is not None:
            self.trail.find(
                "non_compete_not_breached",
                subject=incident.id,
                incident=incident.id,
                on=incident.on,
                reason=reason,
            )
            return ZERO, False
        if not state.paid_by(incident.on):
            self.trail.find(
                "non_compete_unpaid_penalty",
                subject=incident.id,
                incident=incident.id,
                clause=clause.ref,
            )
            return ZERO, False
        return _fen(clause.penalty), True

    # --- the incidents -------------------------------------------------------------------------

    def _due(self, clause: Charge, incident: Incident) -> bool:
        if isinstance(clause, Deposit):
            return False
        if isinstance(clause, NonCompete):
            return incident.trigger is Trigger.COMPETITOR_AFTER
        return clause.trigger is incident.trigger

    def _claims(
        self, verdicts: dict[str, ClauseVerdict], states: dict[str, _NonCompeteState]
    ) -> tuple[list[ChargeLine], list[IncidentClaim], dict[str, _Claim]]:
        """Per incident: loss_allowed = proven loss × liability, half up to the fen (0
        with no loss proven). Under a labour relationship the employer may claim the
        loss whatever the clauses say (WPP 16, LCL 90, LL 102) — except for working for a
        competitor after leaving, which is lawful unless it breaches a non-compete that
        binds (LCL 23(2), 24): the loss is claimable only then (LCL 90); the penalties
        allowed are only a lawful non-compete's and a contested fine. Under labour
        service the agreed penalties, fines and per-item charges due stand (CC 585(1));
        together they are flagged when more than the option's share above a proven loss
        (CC 585(2), SPC-Contract 65(2)). The claim is the larger of penalties and loss,
        or their sum by option."""
        lines: list[ChargeLine] = []
        claims: list[IncidentClaim] = []
        pools: dict[str, _Claim] = {}
        for index, incident in self.incidents:
            proven = None if incident.proven_loss is None else _fen(incident.proven_loss)
            loss = ZERO if proven is None else round_money(exact(proven) * incident.liability.exact)
            due: list[tuple[Charge, ClauseVerdict, Decimal | None, Decimal]] = []
            breached = False
            for clause in self.clauses:
                if not self._due(clause, incident):
                    continue
                verdict = verdicts[clause.ref]
                asked, allowed, breach = self._line(
                    index,
                    clause=clause,
                    incident=incident,
                    verdict=verdict,
                    loss=loss,
                    states=states,
                )
                breached = breached or breach
                due.append((clause, verdict, asked, allowed))
            inputs: dict[str, StepValue] = {
                "incident": incident.id,
                "proven_loss": proven,
                "liability": incident.liability,
            }
            if self.labour and incident.trigger is Trigger.COMPETITOR_AFTER:
                # Competing after leaving is lawful unless a binding non-compete forbids
                # it: no loss is owed for lawful conduct (LCL 23(2), 24, 90).
                inputs["non_compete_breached"] = breached
                if not breached:
                    self.trail.find(
                        "competition_after_leaving_lawful",
                        subject=incident.id,
                        incident=incident.id,
                        on=incident.on,
                        loss=loss,
                    )
                    loss = ZERO
            penalties: list[Decimal] = []
            asked_penalties: list[tuple[str, Decimal]] = []
            for clause, verdict, asked, given in due:
                kind = _kind(clause)
                allowed = loss if isinstance(clause, LossCompensation) else given
                lines.append(
                    ChargeLine(clause.ref, kind, incident.id, asked, allowed, verdict.verdict)
                )
                self.trail.step(
                    f"line.{kind}",
                    label(
                        f"条款{clause.ref}用于事件{incident.id}：依法可主张",
                        f"clause {clause.ref} for incident {incident.id}: allowed by law",
                    ),
                    {"asked": asked, "verdict": verdict.verdict.value},
                    allowed,
                    *verdict.citations,
                )
                if kind in _PENALTY_KINDS:
                    penalties.append(allowed)
                    if asked:
                        asked_penalties.append((clause.ref, asked))
                if proven is None and (
                    isinstance(clause, LossCompensation)
                    or (isinstance(clause, PerItemCharge) and not verdict.verdict.stands)
                ):
                    self._find(
                        "loss_not_proven",
                        incident.id,
                        ("WPP 16", "LCL 90", "LL 102") if self.labour else ("CC 577", "CC 584"),
                        incident=incident.id,
                        clause=clause.ref,
                    )
            if not self.labour and proven is not None:
                self._excessive(incident, proven, asked_penalties)
            penalty_total = money_sum(penalties)
            rule = self.policy.penalty_and_loss
            claimable = (
                max(penalty_total, loss)
                if rule is PenaltyAndLoss.NOT_CUMULATED
                else money_sum((penalty_total, loss))
            )
            cites = (
                ("CC 585(2)", "CC 577", "CC 584")
                if not self.labour
                else ("WPP 16", "LCL 90", "LL 102")
            )
            self.trail.step(
                "claim.incident",
                label(
                    f"事件{incident.id}：可主张的金额",
                    f"incident {incident.id}: what may be claimed",
                ),
                {
                    **inputs,
                    "loss_allowed": loss,
                    "penalties_allowed": penalty_total,
                    "rule": rule.value,
                },
                claimable,
                *(p(c) for c in cites),
            )
            claims.append(
                IncidentClaim(
                    incident.id, proven, incident.liability, loss, penalty_total, claimable, rule
                )
            )
            refs = frozenset(clause.ref for clause, *_ in due)
            pools[incident.id] = _Claim(incident, refs, claimable, loss, claimable)
        return lines, claims, pools

    def _excessive(
        self, incident: Incident, proven: Decimal, asked: list[tuple[str, Decimal]]
    ) -> None:
        """Under labour service, the penalties, fines and per-item charges due for one
        incident together, against the proven loss: more than the option's share above it
        is flagged (CC 585(2), SPC-Contract 65(2)) — tested once per incident, as a court
        weighs what the breach costs the worker in all."""
        total = money_sum(amount for _, amount in asked)
        share = self.policy.excessive_above_loss
        threshold = round_money(exact(proven) * (1 + share.exact))
        if total and total > threshold:
            self.trail.find(
                "penalty_excessive",
                subject=incident.id,
                incident=incident.id,
                clauses=", ".join(ref for ref, _ in asked),
                penalty=total,
                loss=proven,
                share=share,
                threshold=threshold,
                excess=money_sum((total, -proven)),
            )

    def _line(
        self,
        index: int,
        *,
        clause: Charge,
        incident: Incident,
        verdict: ClauseVerdict,
        loss: Decimal,
        states: dict[str, _NonCompeteState],
    ) -> tuple[Decimal | None, Decimal, bool]:
        """What the clause asks for the incident, what the law allows under it, and
        whether it is a non-compete that binds and was breached. A per-item charge asks
        its amount × the items, refused at 10^18 yuan or more (``incidents[i].items``)."""
        if isinstance(clause, LossCompensation):
            proven = incident.proven_loss
            return (None if proven is None else _fen(proven)), loss, False
        if isinstance(clause, PerItemCharge):
            asked = _fen(EXACT.multiply(clause.amount, Decimal(incident.items)))
            if asked >= _MONEY_LIMIT:
                raise InvalidValueError(
                    f"incidents[{index}].items",
                    f"fewer items: clause {clause.ref} charges {_fen(clause.amount)} yuan an "
                    "item, and the charge must stay below 10^18 yuan",
                    incident.items,
                )
        elif isinstance(clause, NonCompete):
            asked = _fen(clause.penalty)
        else:
            assert isinstance(clause, (Fine, Penalty))
            asked = _fen(clause.amount)
        if not verdict.verdict.stands:
            return asked, ZERO, False
        if isinstance(clause, NonCompete) and self.labour:
            state = states.get(clause.ref)
            if state is None:  # pragma: no cover - a breach after leaving implies a state
                return asked, ZERO, False
            allowed, breached = self._non_compete_allowed(clause, incident, state)
            return asked, allowed, breached
        return asked, asked, False

    def _find(self, code: str, subject: str, cites: Sequence[str], **params: FindingValue) -> None:
        self.trail.add_finding(
            CATALOG.finding(
                code, subject=subject, extra_citations=tuple(p(c) for c in cites), **params
            )
        )

    # --- the takings ----------------------------------------------------------------------------

    def _takings(
        self, verdicts: dict[str, ClauseVerdict], pools: dict[str, _Claim]
    ) -> list[TakingOutcome]:
        """What becomes of each sum taken, by (day, id).

        Under a labour relationship a deposit comes back whole, less only what was
        already given back (LCL 9, 84(2)); a draw on it is an unlawful offset that
        neither reduces the deposit returned nor the claim. A sum taken under a void or
        unlawful clause comes back in full (a wage deduction under one is withheld wages,
        WPP 15, LCL 30/85). A wage deduction under a clause that stands counts against
        its pay period's cap (WPP 16): beyond the cap it comes back. What remains of a sum
        under a clause that stands is applied to the claim of its incident, if the clause
        is due for it, up to what is left of that claim; the rest comes back.

        Under labour service every clause stands: sums are applied the same way with no
        cap; draws on a deposit are set-offs already made; what is left of the deposits
        is then set off against the claims still outstanding (CC 568(1)) and the rest
        comes back."""
        outcomes: dict[str, TakingOutcome] = {}
        deposits: list[Taking] = []
        draws: list[Taking] = []
        for _, taking in self.takings:
            held = money_sum((taking.amount, -taking.returned))
            if self._is_deposit(taking):
                deposits.append(taking)
                continue
            if taking.means is Means.FROM_DEPOSIT:
                draws.append(taking)
            if self.labour and taking.means is Means.FROM_DEPOSIT:
                outcomes[taking.id] = self._outcome(taking, ZERO, ZERO, ReturnReason.DEPOSIT)
                self.trail.find(
                    "deposit_offset",
                    subject=taking.id,
                    taking=taking.id,
                    amount=_fen(taking.amount),
                )
                continue
            verdict = verdicts[taking.clause]
            if not verdict.verdict.stands:
                outcomes[taking.id] = self._outcome(
                    taking, ZERO, held, ReturnReason.UNLAWFUL_CHARGE
                )
                code = (
                    "wage_deduction_unlawful"
                    if taking.means is Means.DEDUCTED_FROM_WAGES
                    else "unlawful_charge_returned"
                )
                self._find(
                    code,
                    taking.id,
                    () if taking.means is Means.DEDUCTED_FROM_WAGES else verdict.articles,
                    taking=taking.id,
                    clause=taking.clause,
                    amount=_fen(taking.amount),
                    to_return=held,
                )
                continue
            if (
                self.labour
                and taking.means is Means.DEDUCTED_FROM_WAGES
                and verdict.kind in _PENALTY_KINDS
            ):
                # Only a loss may be deducted from wages (WPP 16); a penalty or a fine
                # deducted is wages withheld (WPP 15), even when the penalty stands.
                outcomes[taking.id] = self._outcome(
                    taking, ZERO, held, ReturnReason.UNLAWFUL_CHARGE
                )
                self.trail.find(
                    "penalty_deducted_from_wages",
                    subject=taking.id,
                    taking=taking.id,
                    clause=taking.clause,
                    amount=_fen(taking.amount),
                    to_return=held,
                )
                continue
            outcomes[taking.id] = self._apply(taking, held, pools)
        self._report_over_cap()
        outcomes.update(self._deposits(deposits, draws, pools))
        return [outcomes[t.id] for _, t in self.takings]

    def _over_cap(self, taking: Taking, held: Decimal) -> Decimal:
        """Under a labour relationship, the part of a wage deduction still held (net of
        what was given back) beyond what is left of its pay period's cap (WPP 16); the
        deductions in one period count together, in (day, id) order, each using the room
        only by what is applied to a claim (:meth:`_keep`)."""
        if not self.labour or taking.means is not Means.DEDUCTED_FROM_WAGES:
            return ZERO
        found = self._period_of(taking.on)
        assert found is not None  # checked: a deduction falls in a pay period
        index, period = found
        if index not in self.room:
            self.room[index] = recovery_cap(period.wage, self._floor(index, period))
        over = max(ZERO, money_sum((held, -self.room[index])))
        self.deducted[index] = money_sum((self.deducted.get(index, ZERO), taking.amount))
        self.given_back[index] = money_sum((self.given_back.get(index, ZERO), taking.returned))
        self.excess[index] = money_sum((self.excess.get(index, ZERO), over))
        return over

    def _keep(self, taking: Taking, applied: Decimal) -> None:
        """A wage deduction applied to a claim stays deducted: it uses its period's cap
        and is what the schedule finds already deducted there."""
        if not self.labour or taking.means is not Means.DEDUCTED_FROM_WAGES:
            return
        found = self._period_of(taking.on)
        assert found is not None
        index = found[0]
        self.room[index] = money_sum((self.room[index], -applied))
        self.kept_in_period[index] = money_sum((self.kept_in_period.get(index, ZERO), applied))

    def _report_over_cap(self) -> None:
        """One finding per pay period, in calendar order, where money deducted beyond the
        cap is still held: what was deducted, what of it was given back, the cap, and the
        excess owed back now."""
        for index, period in self.periods:
            excess = self.excess.get(index, ZERO)
            if excess:
                self.trail.find(
                    "deduction_over_cap",
                    subject=period.label,
                    period=period.label,
                    deducted=self.deducted[index],
                    returned=self.given_back[index],
                    cap=recovery_cap(period.wage, self._floor(index, period)),
                    excess=excess,
                )

    def _apply(self, taking: Taking, held: Decimal, pools: dict[str, _Claim]) -> TakingOutcome:
        """A sum under a clause that stands, net of what was already given back: the part
        of a wage deduction over the cap comes back; the rest is applied to the claim of
        its incident (if the clause is due for it) up to what is left of it; beyond it
        comes back."""
        over = self._over_cap(taking, held)
        available = money_sum((held, -over))
        pool = pools.get(taking.incident)
        applied = ZERO
        if pool is not None and taking.clause in pool.due:
            applied = min(available, pool.left)
            pool.left = money_sum((pool.left, -applied))
        self._keep(taking, applied)
        beyond = money_sum((available, -applied))
        reason = ReturnReason.APPLIED
        if over:
            reason = ReturnReason.OVER_CAP
        elif beyond:
            reason = ReturnReason.BEYOND_CLAIM
        if beyond:
            self._find(
                "taken_beyond_claim",
                taking.id,
                ("WPP 16", "LCL 90") if self.labour else ("CC 585(2)", "CC 584"),
                taking=taking.id,
                clause=taking.clause,
                amount=_fen(taking.amount),
                to_return=beyond,
            )
        return self._outcome(taking, applied, money_sum((over, beyond)), reason)

    def _deposits(
        self, deposits: list[Taking], draws: list[Taking], pools: dict[str, _Claim]
    ) -> dict[str, TakingOutcome]:
        outcomes: dict[str, TakingOutcome] = {}
        if self.labour:
            # The deposit comes back whole; what of a draw was given back reached the
            # worker already and is counted against it.
            given_back = money_sum(d.returned for d in draws)
            for taking in deposits:
                held = money_sum((taking.amount, -taking.returned))
                counted = min(held, given_back)
                given_back = money_sum((given_back, -counted))
                outcomes[taking.id] = self._outcome(
                    taking, ZERO, money_sum((held, -counted)), ReturnReason.DEPOSIT
                )
            return outcomes
        drawn = money_sum(d.amount for d in draws)
        paid = money_sum(money_sum((t.amount, -t.returned)) for t in deposits)
        balances: list[tuple[Taking, Decimal]] = []
        for taking in deposits:
            held = money_sum((taking.amount, -taking.returned))
            used = min(held, drawn)
            drawn = money_sum((drawn, -used))
            balances.append((taking, money_sum((held, -used))))
        total = money_sum(b for _, b in balances)
        outstanding = money_sum(pool.left for pool in pools.values())
        set_off = min(total, outstanding)
        if deposits:
            self.trail.step(
                "deposit.set_off",
                label("押金与合法请求抵销", "deposits set off against lawful claims"),
                {
                    "deposits_paid": paid,
                    "drawn": money_sum((paid, -total)),
                    "deposits_held": total,
                    "outstanding": outstanding,
                },
                set_off,
                p("CC 568(1)"),
            )
        remaining = set_off
        for taking, balance in balances:
            applied = min(balance, remaining)
            remaining = money_sum((remaining, -applied))
            reason = (
                ReturnReason.DEPOSIT if balance > applied or not applied else ReturnReason.APPLIED
            )
            outcomes[taking.id] = self._outcome(
                taking, applied, money_sum((balance, -applied)), reason
            )
        left = set_off
        for pool in pools.values():
            used = min(pool.left, left)
            pool.left = money_sum((pool.left, -used))
            left = money_sum((left, -used))
        if set_off or paid != total:
            self.trail.find(
                "deposit_set_off",
                subject=self.worker.id,
                paid=paid,
                drawn=money_sum((paid, -total)),
                set_off=set_off,
                to_return=money_sum((total, -set_off)),
            )
        self._overdue(outcomes)
        return outcomes

    def _overdue(self, outcomes: dict[str, TakingOutcome]) -> None:
        """Under labour service a deposit clause that sets a refund period is overdue when
        the settlement falls more than that many days after the agreement ended — on its
        end date, or on the last day worked when the worker left before it — and money is
        still held."""
        ends = [d for d in (self.case.agreement.ends_on, self.worker.left_on) if d is not None]
        if not ends:
            return
        ended = min(ends)
        for clause in self.clauses:
            if not isinstance(clause, Deposit) or clause.refund_within_days is None:
                continue
            due_on = ended + timedelta(days=clause.refund_within_days)
            held = money_sum(o.to_return for o in outcomes.values() if o.clause == clause.ref)
            if self.case.as_of > due_on and held:
                self.trail.find(
                    "deposit_refund_overdue",
                    subject=clause.ref,
                    clause=clause.ref,
                    due_on=due_on,
                    held=held,
                )

    @staticmethod
    def _outcome(
        taking: Taking, applied: Decimal, to_return: Decimal, reason: ReturnReason
    ) -> TakingOutcome:
        return TakingOutcome(
            taking=taking.id,
            clause=taking.clause,
            means=taking.means,
            amount=_fen(taking.amount),
            returned_before=_fen(taking.returned),
            applied=applied,
            to_return=to_return,
            reason=reason,
        )

    # --- totals and recovery ----------------------------------------------------------------------

    def _recover(
        self, outstanding: Decimal, from_wages: Decimal
    ) -> tuple[RecoverySchedule | None, Decimal, Decimal, Decimal]:
        """How the outstanding claim is recovered; ``from_wages`` is its loss part, all
        that wages may answer for (WPP 16).

        Under a labour relationship the loss part is recovered from the pay periods ending
        after the settlement day and starting on or before the last day worked (the period
        holding the last day is included: its wage is still to be paid), each under its
        cap less the lawful deductions already in it (WPP 16). A penalty that stands is
        never deducted from wages (WPP 15). When the worker left before the settlement
        day nothing is scheduled: all wages were due on leaving (WPP 9). What remains is
        carried while the worker is still employed after the last period, and is a claim
        once the worker has left (LCL 90, LL 102). Under labour service no wage rule
        applies: all of it is a civil claim (CC 577, 584)."""
        if not outstanding:
            return None, ZERO, ZERO, ZERO
        if not self.labour:
            self.trail.find("civil_claim", subject=self.worker.id, amount=outstanding)
            return None, ZERO, ZERO, outstanding
        penalties = money_sum((outstanding, -from_wages))
        self.trail.step(
            "recovery.from_wages",
            label(
                "可从工资中扣回的部分：尚未收回的损失",
                "what wages may answer for: the loss outstanding",
            ),
            {"outstanding": outstanding, "penalties": penalties},
            from_wages,
            p("WPP 16"),
            p("WPP 15"),
        )
        if penalties:
            self.trail.find("penalty_not_from_wages", subject=self.worker.id, amount=penalties)
        left_on = self.worker.left_on
        as_of = self.case.as_of
        if left_on is not None and left_on < as_of:
            self.trail.find(
                "claim_after_departure",
                subject=self.worker.id,
                amount=outstanding,
                left_on=left_on,
            )
            return None, ZERO, ZERO, outstanding
        # Pay periods never start after the last day worked (checked).
        coming = [(i, pp) for i, pp in self.periods if pp.end > as_of]
        schedule = None
        scheduled = ZERO
        last = coming[-1][1].end if coming else as_of
        if coming and from_wages:
            rows = [
                {
                    "month": pp.label,
                    "wage": pp.wage,
                    "minimum_wage": self._floor(i, pp),
                    "already_deducted": self.kept_in_period.get(i, ZERO),
                }
                for i, pp in coming
            ]
            schedule = recovery_schedule(from_wages, rows)
            self.trail.extend(schedule.steps)
            scheduled = schedule.recovered
        rest = money_sum((outstanding, -scheduled))
        if not rest:
            return schedule, scheduled, ZERO, ZERO
        if left_on is None or left_on > last:
            loss_rest = money_sum((from_wages, -scheduled))
            if loss_rest:
                self.trail.find("recovery_carried", subject=self.worker.id, amount=loss_rest)
            return schedule, scheduled, rest, ZERO
        self.trail.find(
            "claim_after_departure", subject=self.worker.id, amount=rest, left_on=left_on
        )
        return schedule, scheduled, ZERO, rest

    def _totals(
        self,
        *,
        verdicts: dict[str, ClauseVerdict],
        lines: list[ChargeLine],
        claims: list[IncidentClaim],
        outcomes: list[TakingOutcome],
        states: dict[str, _NonCompeteState],
        pools: dict[str, _Claim],
    ) -> ChargeSettlement:
        deposits = money_sum(
            o.to_return for o in outcomes if self._is_deposit(self._taking(o.taking))
        )
        unlawful = money_sum((money_sum(o.to_return for o in outcomes), -deposits))
        to_return = money_sum((deposits, unlawful))
        compensation = money_sum(s.unpaid for s in states.values())
        claimable = money_sum(c.claimable for c in claims)
        applied = money_sum(o.applied for o in outcomes)
        outstanding = money_sum((claimable, -applied))
        deposit_cite = ("LCL 84(2)", "LCL 9") if self.labour else ("CC 568(1)",)
        self._total(
            "deposits_to_return", "应退押金", "deposits to return", {}, deposits, *deposit_cite
        )
        self._total(
            "unlawful_to_return",
            "应退违法收取的款项",
            "unlawfully taken, to return",
            {},
            unlawful,
            "LCL 84(2)",
        )
        self._total(
            "to_return",
            "现应退还合计",
            "owed back now",
            {"deposits_to_return": deposits, "unlawful_to_return": unlawful},
            to_return,
        )
        if states:
            self._total(
                "compensation_due",
                "未付竞业限制补偿",
                "non-compete compensation unpaid",
                {},
                compensation,
                "LCL 23(2)",
            )
        self._total("claimable", "可主张合计", "claimable", {}, claimable)
        self._total("applied", "已抵充合法请求", "applied to lawful claims", {}, applied)
        self._total(
            "outstanding",
            "尚未收回",
            "outstanding",
            {"claimable": claimable, "applied": applied},
            outstanding,
        )
        from_wages = money_sum(pool.loss_left for pool in pools.values())
        schedule, scheduled, carried, claim = self._recover(outstanding, from_wages)
        self._total("scheduled", "从工资扣回", "scheduled from wages", {}, scheduled, "WPP 16")
        self._total("carried", "结转", "carried", {}, carried, "WPP 16")
        self._total("claim", "另行主张", "to claim", {}, claim)
        return ChargeSettlement(
            case=self.case,
            relationship=self.relationship,
            policy=self.policy,
            as_of=self.case.as_of,
            worker_id=self.worker.id,
            clauses=tuple(verdicts[c.ref] for c in self.clauses),
            lines=tuple(lines),
            claims=tuple(claims),
            takings=tuple(outcomes),
            recovery=schedule,
            deposits_to_return=deposits,
            unlawful_to_return=unlawful,
            to_return=to_return,
            compensation_due=compensation,
            claimable=claimable,
            applied=applied,
            outstanding=outstanding,
            scheduled=scheduled,
            carried=carried,
            claim=claim,
            explanation=self.trail.explanation(),
        )

    def _taking(self, taking_id: str) -> Taking:
        return next(t for _, t in self.takings if t.id == taking_id)

    def _total(
        self,
        name: str,
        zh: str,
        en: str,
        inputs: dict[str, Decimal],
        value: Decimal,
        *cites: str,
    ) -> None:
        self.trail.step(
            f"totals.{name}", label(zh, en), dict(inputs), value, *(p(c) for c in cites)
        )
