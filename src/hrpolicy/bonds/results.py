"""What the bond engine returns: immutable snapshots that explain themselves."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from hrpolicy.bonds.model import (
    BondAgreement,
    CostCategory,
    Employment,
    Separation,
    ServiceLength,
    Training,
)
from hrpolicy.bonds.policy import BondPolicy
from hrpolicy.core.display import Displayable, View
from hrpolicy.core.errors import NotCoveredError
from hrpolicy.core.explain import Explanation, Finding, Label, StepValue
from hrpolicy.core.money import round_money
from hrpolicy.core.span import Span
from hrpolicy.law.provisions import Provision

__all__ = [
    "BondPlan",
    "BondReview",
    "BondSettlement",
    "CostLine",
    "Eligibility",
    "EligibilityStatus",
    "Outcome",
    "RecognisedCost",
    "SeparationSettlement",
    "ServicePeriod",
]


class EligibilityStatus(enum.Enum):
    """Whether the agreement can carry a bond penalty at all (LAW.md A1, A2)."""

    ELIGIBLE = "eligible"
    STATUTORY_TRAINING = "statutory_training"  # onboarding, safety, management, mentoring…
    NOT_HELD = "not_held"
    NO_RECOGNISED_COST = "no_recognised_cost"  # nothing vouchered paid by the employer
    SPECIAL_BENEFIT = "special_benefit"  # housing / car / hukou: a court assesses damages
    OUT_OF_SCOPE = "out_of_scope"  # pilots, public-institution appointments


@attrs.frozen
class Eligibility:
    """The eligibility verdict with its reason and citations."""

    status: EligibilityStatus
    reason: Label
    citations: tuple[Provision, ...]

    @property
    def eligible(self) -> bool:
        """Whether a penalty can be owed under this agreement."""
        return self.status is EligibilityStatus.ELIGIBLE


@attrs.frozen
class CostLine:
    """One cost item as recognised: its share for this employee and whether it counts."""

    item_id: str
    category: CostCategory
    amount: Decimal
    share: Fraction
    recognised: bool
    reason: Label
    citations: tuple[Provision, ...]


@attrs.frozen
class RecognisedCost:
    """The training cost C (Regs 16): the lines, and the exact total of the recognised ones."""

    lines: tuple[CostLine, ...]
    total: Fraction

    @property
    def amount(self) -> Decimal:
        """C rounded half up to 0.01 (for display; the engine computes with ``total``)."""
        return round_money(self.total)

    @property
    def excluded(self) -> tuple[CostLine, ...]:
        """The lines that do not count, each with its reason."""
        return tuple(line for line in self.lines if not line.recognised)


@attrs.frozen
class ServicePeriod:
    """The service period: first and last day, and the labour contract's extension."""

    start: date
    last_day: date
    start_source: str
    contract_end: date | None
    contract_extended_to: date | None

    @property
    def end_exclusive(self) -> date:
        """The day after the last day."""
        return date.fromordinal(self.last_day.toordinal() + 1)


@attrs.frozen
class BondPlan(Displayable):
    """What a company schedule allows for one training: eligibility, recognised cost and
    the service length for that cost (``None`` when no bond may be agreed, or the schedule
    does not cover the cost)."""

    training: Training
    eligibility: Eligibility
    cost: RecognisedCost
    length: ServiceLength | None
    explanation: Explanation

    def _view(self) -> View:
        rows: tuple[tuple[Label, StepValue], ...] = (
            (Label("培训", "training"), self.training.id),
            (Label("资格", "eligibility"), self.eligibility.status.value),
            (Label("认定培训费用", "recognised cost"), self.cost.amount),
            (Label("服务期", "service period"), self.length.describe() if self.length else None),
        )
        return View(Label("服务期方案", "Bond plan"), rows, self.explanation)


class Outcome(enum.Enum):
    """How a bond settled."""

    PAYABLE = "payable"  # a capped amount is owed (it may be below the cap)
    EXEMPT = "exempt"  # the exit ground means nothing is owed
    VOID = "void"  # the bond cannot carry a penalty (A1 / A2)
    NOT_BREACHED = "not_breached"  # served in full, or left before the service began
    NO_PENALTY_CLAUSE = "no_penalty_clause"  # nothing was agreed to pay
    JUDICIAL_ASSESSMENT = "judicial_assessment"  # a court assesses damages; no number
    OUT_OF_SCOPE = "out_of_scope"  # another legal regime; no number


_NO_NUMBER = (Outcome.JUDICIAL_ASSESSMENT, Outcome.OUT_OF_SCOPE)


@attrs.frozen
class BondReview(Displayable):
    """An agreement checked against the law before any separation: eligibility, the
    recognised cost, the service period and every finding on its clauses."""

    agreement: BondAgreement
    employment: Employment
    policy: BondPolicy
    eligibility: Eligibility
    cost: RecognisedCost | None
    service: ServicePeriod | None
    schedule_years: int | None
    explanation: Explanation

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, in order."""
        return self.explanation.findings

    def _view(self) -> View:
        rows: list[tuple[Label, StepValue]] = [
            (Label("协议", "agreement"), self.agreement.id),
            (Label("资格", "eligibility"), self.eligibility.status.value),
            (Label("认定培训费用", "recognised cost"), self.cost.amount if self.cost else None),
        ]
        if self.service is not None:
            rows += [
                (Label("服务期起", "service starts"), self.service.start),
                (Label("服务期止", "service ends"), self.service.last_day),
                (Label("合同续延至", "contract extended to"), self.service.contract_extended_to),
            ]
        return View(Label("服务期协议审查", "Training bond review"), tuple(rows), self.explanation)


@attrs.frozen
class BondSettlement(Displayable):
    """One bond settled at a separation.

    ``payable`` is ``None`` only when no number may be given (a court assesses damages, or
    the regime is out of scope). ``agreed`` is what the clause computes at the exit date,
    ``cap1`` the training cost, ``cap2`` the cost allocated to the unserved period; all
    rounded half up to 0.01 for display — ``payable`` is rounded once from exact values.
    """

    review: BondReview
    outcome: Outcome
    payable: Decimal | None
    agreed: Decimal | None
    cap1: Decimal | None
    cap2: Decimal | None
    served: Span | None
    total_units: Fraction | None
    unserved_units: Fraction | None
    explanation: Explanation

    @property
    def agreement_id(self) -> str:
        """The id of the settled agreement."""
        return self.review.agreement.id

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The review's findings followed by the settlement's."""
        return self.explanation.findings

    def _view(self) -> View:
        rows: tuple[tuple[Label, StepValue], ...] = (
            (Label("协议", "agreement"), self.agreement_id),
            (Label("结果", "outcome"), self.outcome.value),
            (Label("约定金额", "agreed amount"), self.agreed),
            (Label("上限一（培训费用）", "cap 1 (training cost)"), self.cap1),
            (Label("上限二（未履行部分分摊）", "cap 2 (unserved share)"), self.cap2),
            (Label("应付", "payable"), self.payable),
        )
        return View(Label("服务期违约金结算", "Training bond settlement"), rows, self.explanation)


@attrs.frozen
class SeparationSettlement(Displayable):
    """All bonds of one employee settled at one separation, separately, then totalled.

    ``bonds`` are ordered by agreement id whatever order they were given in.

    - ``total_payable`` — the sum of the bonds that have a number (each rounded on its own);
    - ``collected`` — everything the employer took, by any means;
    - ``paid`` — what the employee paid towards it directly;
    - ``refund_due`` — what was paid beyond the lawful total;
    - ``still_owed`` — what the employer may still lawfully claim (by lawful means);
    - ``excess_demand`` — what the employer demanded beyond the lawful total;
    - ``wages_to_pay`` — penalty taken by deducting wages: owed back as wages in full
      (工资支付暂行规定 Art. 15; LCL 30, 85), whatever the lawful total;
    - ``deposits_to_return`` — deposits taken (named in the agreements or drawn on), all to
      be returned (LCL 84(2)).

    ``refund_due``, ``still_owed`` and ``excess_demand`` are ``None`` when a bond needs a
    court's assessment (the money cannot be weighed without it); ``excess_demand`` is also
    ``None`` when no demand was given.
    """

    separation: Separation
    bonds: tuple[BondSettlement, ...]
    total_payable: Decimal
    collected: Decimal
    paid: Decimal
    refund_due: Decimal | None
    still_owed: Decimal | None
    excess_demand: Decimal | None
    wages_to_pay: Decimal
    deposits_to_return: Decimal
    explanation: Explanation

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: each bond's, then the separation's own."""
        return tuple(f for b in self.bonds for f in b.findings) + self.explanation.findings

    @property
    def needs_judicial_assessment(self) -> tuple[str, ...]:
        """Ids of agreements for which only a court can set an amount."""
        return tuple(b.agreement_id for b in self.bonds if b.outcome in _NO_NUMBER)

    def bond(self, agreement_id: str) -> BondSettlement:
        """The settlement of one agreement, by id."""
        for settled in self.bonds:
            if settled.agreement_id == agreement_id:
                return settled
        known = ", ".join(b.agreement_id for b in self.bonds)
        raise NotCoveredError("agreement_id", f"one of {known}", agreement_id)

    def to_records(self, locale: str = "en") -> list[dict[str, object]]:
        """Flat rows: every bond's steps and findings (tagged with the agreement id), then
        the separation's own."""
        rows = [
            {"agreement": settled.agreement_id, **row}
            for settled in self.bonds
            for row in settled.explanation.to_records(locale)
        ]
        rows += [{"agreement": "", **row} for row in self.explanation.to_records(locale)]
        return rows

    def _view(self) -> View:
        merged = Explanation(
            steps=tuple(s for b in self.bonds for s in b.explanation.steps)
            + self.explanation.steps,
            findings=self.findings,
        )
        rows: tuple[tuple[Label, StepValue], ...] = (
            (Label("离职日", "last day"), self.separation.last_day),
            (Label("离职原因", "ground"), self.separation.ground.value),
            *(
                (
                    Label(f"协议 {b.agreement_id}", f"bond {b.agreement_id}"),
                    b.payable if b.payable is not None else b.outcome.value,
                )
                for b in self.bonds
            ),
            (Label("合计应付", "total payable"), self.total_payable),
            (Label("员工已支付", "paid by the employee"), self.paid),
            (Label("应退还", "refund due"), self.refund_due),
            (Label("仍可主张", "still owed"), self.still_owed),
            (Label("应补发工资", "wages to pay back"), self.wages_to_pay),
            (Label("应退押金", "deposits to return"), self.deposits_to_return),
        )
        return View(
            Label("离职时服务期违约金结算", "Training bonds settled at separation"), rows, merged
        )
