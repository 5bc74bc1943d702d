"""What the bond engine returns: immutable snapshots that explain themselves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.bonds.model import (
    BondAgreement,
    CostCategory,
    Employment,
    ExitGround,
    Separation,
    ServiceLength,
    Training,
)
from hrpolicy.bonds.policy import BondPolicy
from hrpolicy.core.choice import Choice
from hrpolicy.core.clauses import VERDICT_COLUMNS, ClauseVerdict
from hrpolicy.core.convert import write_in_full
from hrpolicy.core.display import Displayable, SummaryValue, View, amount
from hrpolicy.core.errors import InvalidTypeError, NotCoveredError
from hrpolicy.core.explain import Explanation, Finding, Label
from hrpolicy.core.fields import arguments
from hrpolicy.core.money import round_money
from hrpolicy.core.records import (
    FINDING_PARAMS,
    FINDINGS,
    STEP_INPUTS,
    STEPS,
    Column,
    ColumnType,
    Table,
    TableSchema,
    exact_columns,
    exact_text,
    explanation_tables,
    merge_tables,
    tables_of,
)
from hrpolicy.core.span import Span
from hrpolicy.law.provisions import Provision

__all__ = [
    "BATCH_KEYS",
    "BONDS",
    "BOND_TOTALS",
    "CLAUSES",
    "COST_LINES",
    "GROUNDS",
    "OUTCOMES",
    "PLAN_TOTALS",
    "RESULT_TABLES",
    "REVIEW_TOTALS",
    "STATUSES",
    "TOTALS",
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
    "batch_tables",
]


class EligibilityStatus(Choice):
    """Whether the agreement can carry a bond penalty at all (LCL Art. 22(1); Regs Art. 16)."""

    ELIGIBLE = "eligible"
    STATUTORY_TRAINING = "statutory_training"  # the employer's duty: onboarding, transfer, safety
    NOT_PROFESSIONAL_TECHNICAL = "not_professional_technical"  # management, brand, mentoring
    NOT_HELD = "not_held"
    NO_RECOGNISED_COST = "no_recognised_cost"  # nothing vouchered paid by the employer
    NO_TRAINING = "no_training"  # a service period for a promotion or a pay rise
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
    """One cost item as recognised: its share for this employee, whether it counts, and
    the rule that decided (``rule``: ``vouchered_direct_cost``, ``group_share``,
    ``offjob_wages_option``, ``wage_like``, ``trainer_time``, ``lost_production``,
    ``not_paid_by_employer`` or ``no_voucher``)."""

    item_id: str
    category: CostCategory
    amount: Decimal
    share: Fraction
    recognised: bool
    rule: str
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
    does not cover the cost).

    ``agreement`` is the draft agreement planned, when one was given instead of a
    training; ``training`` is ``None`` for a draft with no training behind it (a
    special benefit, a promotion), whose recognised cost is then 0.
    """

    training: Training | None
    eligibility: Eligibility
    cost: RecognisedCost
    length: ServiceLength | None
    explanation: Explanation
    agreement: BondAgreement | None = None

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row: the plan), ``cost_lines``, then the explanation tables
        under the plan's agreement and training ids. See :data:`RESULT_TABLES`."""
        training = self.training.id if self.training else None
        agreement = self.agreement.id if self.agreement else None
        return {
            "totals": Table.build(PLAN_TOTALS, [_plan_row(self)]),
            "cost_lines": Table.build(COST_LINES, _lines(self.cost, agreement, training, locale)),
            **explanation_tables(
                self.explanation,
                keys=(_AGREEMENT, _TRAINING),
                values=(agreement, training),
                locale=locale,
            ),
        }

    def _view(self) -> View:
        rows: tuple[tuple[Label, SummaryValue], ...] = (
            (Label("协议", "agreement"), self.agreement.id if self.agreement else None),
            (Label("培训", "training"), self.training.id if self.training else None),
            (Label("资格", "eligibility"), STATUSES[self.eligibility.status]),
            (Label("认定培训费用", "recognised cost"), amount(self.cost.amount)),
            (Label("服务期", "service period"), self.length.to_label() if self.length else None),
        )
        return View(Label("服务期方案", "Bond plan"), rows, self.explanation)


class Outcome(Choice):
    """How a bond settled."""

    PAYABLE = "payable"  # a capped amount is owed (it may be below the cap)
    EXEMPT = "exempt"  # the exit ground means nothing is owed
    VOID = "void"  # the bond cannot carry a penalty (A1 / A2)
    NOT_BREACHED = "not_breached"  # served in full, or left before the service began
    NO_PENALTY_CLAUSE = "no_penalty_clause"  # nothing was agreed to pay
    JUDICIAL_ASSESSMENT = "judicial_assessment"  # a court assesses damages; no number
    OUT_OF_SCOPE = "out_of_scope"  # another legal regime; no number


_NO_NUMBER = (Outcome.JUDICIAL_ASSESSMENT, Outcome.OUT_OF_SCOPE)

#: How outcomes, eligibility and exit grounds read in each language.
OUTCOMES: Final[Mapping[Outcome, Label]] = {
    Outcome.PAYABLE: Label("应付（受法定上限限制）", "payable (capped by law)"),
    Outcome.EXEMPT: Label("因离职原因免除", "nothing owed on this exit ground"),
    Outcome.VOID: Label("服务期约定无效", "the bond cannot carry a penalty"),
    Outcome.NOT_BREACHED: Label("未违反服务期", "the bond was not breached"),
    Outcome.NO_PENALTY_CLAUSE: Label("未约定违约金", "no penalty was agreed"),
    Outcome.JUDICIAL_ASSESSMENT: Label("由法院评估", "for a court to assess"),
    Outcome.OUT_OF_SCOPE: Label("特别制度，不在范围内", "special regime, out of scope"),
}
STATUSES: Final[Mapping[EligibilityStatus, Label]] = {
    EligibilityStatus.ELIGIBLE: Label("可以约定", "can carry a penalty"),
    EligibilityStatus.STATUTORY_TRAINING: Label("法定义务培训", "the employer's statutory duty"),
    EligibilityStatus.NOT_PROFESSIONAL_TECHNICAL: Label(
        "非专业技术培训", "not professional-technical training"
    ),
    EligibilityStatus.NOT_HELD: Label("培训未进行", "training never held"),
    EligibilityStatus.NO_RECOGNISED_COST: Label("无可认定费用", "no recognisable spend"),
    EligibilityStatus.NO_TRAINING: Label("无专项培训", "no special training"),
    EligibilityStatus.SPECIAL_BENEFIT: Label("特殊待遇", "special benefit"),
    EligibilityStatus.OUT_OF_SCOPE: Label("特别制度", "special regime"),
}
GROUNDS: Final[Mapping[ExitGround, Label]] = {
    ExitGround.RESIGNATION: Label("提前通知辞职", "resignation on notice"),
    ExitGround.ABSCONDED: Label("擅自离职", "walked out"),
    ExitGround.RESIGNATION_EMPLOYER_FAULT: Label(
        "因用人单位过错辞职", "resignation for employer fault"
    ),
    ExitGround.DISMISSAL_MISCONDUCT: Label("过错性解除", "dismissal for misconduct"),
    ExitGround.DISMISSAL_FAILED_PROBATION: Label("试用期不符合录用条件", "failed probation"),
    ExitGround.DISMISSAL_NO_FAULT: Label("无过失性辞退", "no-fault dismissal"),
    ExitGround.LAYOFF: Label("经济性裁员", "layoff"),
    ExitGround.UNLAWFUL_DISMISSAL: Label("违法解除", "unlawful dismissal"),
    ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING: Label(
        "到期不续延（用人单位）", "expiry, employer did not continue"
    ),
    ExitGround.EXPIRY_EMPLOYEE_REFUSES: Label(
        "到期员工拒绝续延", "expiry, employee refused to continue"
    ),
    ExitGround.MUTUAL_AGREEMENT: Label("协商一致", "mutual agreement"),
    ExitGround.RETIREMENT: Label("退休", "retirement"),
    ExitGround.DEATH: Label("死亡", "death"),
    ExitGround.EMPLOYER_BANKRUPTCY: Label("用人单位破产", "employer bankruptcy"),
    ExitGround.EMPLOYER_CLOSURE: Label("用人单位关闭", "employer closure"),
}


@attrs.frozen
class BondReview(Displayable):
    """An agreement checked against the law before any separation: eligibility, the
    recognised cost, the service period and every finding on its clauses.

    ``clause_verdicts`` is the audit of the agreement's other clauses as data, one
    :class:`~hrpolicy.core.clauses.ClauseVerdict` per clause, in the agreement's order
    (the ``clauses`` table)."""

    agreement: BondAgreement
    employment: Employment
    policy: BondPolicy
    eligibility: Eligibility
    cost: RecognisedCost | None
    service: ServicePeriod | None
    schedule_years: int | None
    explanation: Explanation
    clause_verdicts: tuple[ClauseVerdict, ...] = ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, in order."""
        return self.explanation.findings

    @property
    def recognised_cost(self) -> Decimal | None:
        """The recognised training cost C, rounded to 0.01 (``None`` without a training)."""
        return self.cost.amount if self.cost is not None else None

    @property
    def service_start(self) -> date | None:
        """The first day of the service period (``None`` out of scope)."""
        return self.service.start if self.service is not None else None

    @property
    def service_last_day(self) -> date | None:
        """The last day of the service period (``None`` out of scope)."""
        return self.service.last_day if self.service is not None else None

    @property
    def contract_extended_to(self) -> date | None:
        """The date the labour contract is extended to under Regs 17, or ``None`` when it
        is not extended (it outlasts the service period, is open-ended, or the bond cannot
        carry a service period)."""
        return self.service.contract_extended_to if self.service is not None else None

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row: the review), ``cost_lines``, ``clauses`` (one row per
        other clause), then the explanation tables under the agreement id. See
        :data:`RESULT_TABLES`."""
        return {
            "totals": Table.build(REVIEW_TOTALS, [_review_row(self)]),
            "cost_lines": Table.build(COST_LINES, _cost_rows(self, locale)),
            "clauses": Table.build(CLAUSES, _clause_rows(self, locale)),
            **_explained(self.explanation, self.agreement.id, locale),
        }

    def _view(self) -> View:
        rows: list[tuple[Label, SummaryValue]] = [
            (Label("协议", "agreement"), self.agreement.id),
            (Label("资格", "eligibility"), STATUSES[self.eligibility.status]),
            (
                Label("认定培训费用", "recognised cost"),
                amount(self.cost.amount if self.cost else None),
            ),
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
    ``cap1`` the training cost, ``cap2`` the cost allocated to the unserved period,
    ``capped`` what the law allows, min(agreed, cap 2); all rounded half up to 0.01 for
    display — ``payable`` is rounded once from exact values. ``waived`` is what the
    agreement's waivers took off (``capped`` − ``payable``; ``None`` when the agreement
    has no waiver or no capped amount was computed).
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
    capped: Decimal | None = None
    waived: Decimal | None = None

    @property
    def agreement_id(self) -> str:
        """The id of the settled agreement."""
        return self.review.agreement.id

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The review's findings followed by the settlement's."""
        return self.explanation.findings

    @property
    def eligibility(self) -> Eligibility:
        """Whether the agreement can carry a penalty at all, and why (from the review)."""
        return self.review.eligibility

    @property
    def recognised_cost(self) -> Decimal | None:
        """The recognised training cost C, rounded to 0.01 (``None`` without a training)."""
        return self.review.recognised_cost

    @property
    def service_start(self) -> date | None:
        """The first day of the service period (``None`` out of scope)."""
        return self.review.service_start

    @property
    def service_last_day(self) -> date | None:
        """The last day of the service period (``None`` out of scope)."""
        return self.review.service_last_day

    @property
    def contract_extended_to(self) -> date | None:
        """The date the labour contract is extended to under Regs 17 (``None`` when it is
        not extended)."""
        return self.review.contract_extended_to

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row: the bond), ``cost_lines``, ``clauses`` (one row per other
        clause), then the explanation tables under the agreement id. See
        :data:`RESULT_TABLES`."""
        return {
            "totals": Table.build(BOND_TOTALS, [_bond_row(self)]),
            "cost_lines": Table.build(COST_LINES, _cost_rows(self.review, locale)),
            "clauses": Table.build(CLAUSES, _clause_rows(self.review, locale)),
            **_explained(self.explanation, self.agreement_id, locale),
        }

    def _view(self) -> View:
        rows: tuple[tuple[Label, SummaryValue], ...] = (
            (Label("协议", "agreement"), self.agreement_id),
            (Label("结果", "outcome"), OUTCOMES[self.outcome]),
            (Label("服务期止", "service ends"), self.service_last_day),
            (Label("合同续延至", "contract extended to"), self.contract_extended_to),
            (Label("约定金额", "agreed amount"), amount(self.agreed)),
            (Label("上限一（培训费用）", "cap 1 (training cost)"), amount(self.cap1)),
            (Label("上限二（未履行部分分摊）", "cap 2 (unserved share)"), amount(self.cap2)),
            (Label("豁免减少", "waived"), amount(self.waived)),
            (Label("应付", "payable"), amount(self.payable)),
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
    def contract_extended_to(self) -> date | None:
        """The latest date any bond extends the labour contract to (Regs 17), or ``None``
        when none extends it."""
        dates = [b.contract_extended_to for b in self.bonds if b.contract_extended_to]
        return max(dates) if dates else None

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

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``bonds`` (one row per bond), ``cost_lines``, then the
        explanation tables: each bond's steps and findings under its agreement id, then
        the separation's own under ``agreement`` ``None``. See :data:`RESULT_TABLES`."""
        own = {
            "totals": Table.build(TOTALS, [_separation_row(self)]),
            "bonds": Table.build(BONDS, [_bond_row(b) for b in self.bonds]),
            "cost_lines": Table.build(
                COST_LINES, [row for b in self.bonds for row in _cost_rows(b.review, locale)]
            ),
        }
        explained = merge_tables(
            [
                *(_explained(b.explanation, b.agreement_id, locale) for b in self.bonds),
                _explained(self.explanation, None, locale),
            ]
        )
        return tables_of(own, explained)

    def _view(self) -> View:
        merged = Explanation(
            steps=tuple(s for b in self.bonds for s in b.explanation.steps)
            + self.explanation.steps,
            findings=self.findings,
        )
        rows: tuple[tuple[Label, SummaryValue], ...] = (
            (Label("离职日", "last day"), self.separation.last_day),
            (Label("离职原因", "ground"), GROUNDS[self.separation.ground]),
            *(
                (
                    Label(f"协议 {b.agreement_id}", f"bond {b.agreement_id}"),
                    amount(b.payable) if b.payable is not None else OUTCOMES[b.outcome],
                )
                for b in self.bonds
            ),
            (Label("合计应付", "total payable"), amount(self.total_payable)),
            (Label("合同续延至", "contract extended to"), self.contract_extended_to),
            (Label("用人单位要求", "demanded"), amount(self.separation.demanded)),
            (Label("超出法定的要求", "demanded beyond the law"), amount(self.excess_demand)),
            (Label("已收取（各种方式）", "collected (by any means)"), amount(self.collected)),
            (Label("员工已支付", "paid by the employee"), amount(self.paid)),
            (Label("应退还", "refund due"), amount(self.refund_due)),
            (Label("仍可主张", "still owed"), amount(self.still_owed)),
            (Label("应补发工资", "wages to pay back"), amount(self.wages_to_pay)),
            (Label("应退押金", "deposits to return"), amount(self.deposits_to_return)),
        )
        return View(
            Label("离职时服务期违约金结算", "Training bonds settled at separation"), rows, merged
        )


# --- tables ----------------------------------------------------------------------------


def _rounded(value: Fraction | None) -> Decimal | None:
    return None if value is None else round_money(value)


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else exact_text(value)


_AGREEMENT: Final = Column("agreement", ColumnType.TEXT, "the agreement's id")
_TRAINING: Final = Column("training", ColumnType.TEXT, "the training's id (None: no training)")
_CASE: Final = Column("case", ColumnType.INT, "the case's place in the batch (from 0)")
_EMPLOYEE: Final = Column("employee", ColumnType.TEXT, "the employee (Employment.employee)")


def _money(name: str, doc: str) -> Column:
    return Column(name, ColumnType.MONEY, doc)


def _day(name: str, doc: str) -> Column:
    return Column(name, ColumnType.DATE, doc)


def _text(name: str, doc: str) -> Column:
    return Column(name, ColumnType.TEXT, doc)


_ELIGIBILITY: Final = (
    _text("eligibility", "the EligibilityStatus value"),
    Column("eligible", ColumnType.BOOL, "whether the agreement can carry a penalty"),
)
_SERVICE: Final = (
    _day("service_start", "the service period's first day (None out of scope)"),
    _day("service_last_day", "the service period's last day (None out of scope)"),
    _day("contract_extended_to", "the day the labour contract is extended to (Regs 17)"),
)
_BOND_COLUMNS: Final = (
    _AGREEMENT,
    _TRAINING,
    _text("outcome", "the Outcome value"),
    *_ELIGIBILITY,
    _money("recognised_cost", "the recognised training cost C, to 0.01"),
    *_SERVICE,
    _money("agreed", "what the clause asks at the exit date"),
    _money("cap1", "cap 1: the training cost"),
    _money("cap2", "cap 2: the cost allocated to the unserved period"),
    _money("capped", "what the law allows: min(agreed, cap 2), before any waiver"),
    _money("waived", "what the agreement's waivers took off (None: no waiver applies)"),
    _money("payable", "what is owed (None: a court assesses, or out of scope)"),
    _text("unit", "the unit service is counted in (a TimeUnit value)"),
    _day("served_from", "the first day counted as served"),
    _day("served_to", "the day after the last day served (exclusive end)"),
    *exact_columns("served_units", "units served, after rounding"),
    *exact_columns("total_units", "units of the whole service period"),
    *exact_columns("unserved_units", "units left unserved"),
)

#: A bond settled on its own: one row.
BOND_TOTALS: Final = TableSchema("totals", _BOND_COLUMNS, "one row: the bond settled")
#: The bonds of a separation: one row per bond, ordered by agreement id.
BONDS: Final = TableSchema("bonds", _BOND_COLUMNS, "one row per bond, by agreement id")
#: The totals of a separation: one row.
TOTALS: Final = TableSchema(
    "totals",
    (
        _day("last_day", "the last day of employment"),
        _text("ground", "the ExitGround value"),
        Column("bond_count", ColumnType.INT, "how many bonds were settled"),
        _money("total_payable", "the sum of the bonds that have a number"),
        _money("demanded", "what the employer demanded (None: not given)"),
        _money(
            "excess_demand",
            "demanded beyond the lawful total (None: no demand, or a court must assess)",
        ),
        _money("collected", "everything the employer took, by any means"),
        _money("paid", "what the employee paid directly"),
        _money("refund_due", "paid beyond the lawful total (None: a court must assess)"),
        _money("still_owed", "what may still lawfully be claimed (None: a court must assess)"),
        _money("wages_to_pay", "penalty deducted from wages, owed back as wages"),
        _money("deposits_to_return", "deposits taken, returned in full"),
        _day("contract_extended_to", "the latest day any bond extends the contract to"),
        Column("needs_judicial_assessment", ColumnType.BOOL, "whether a bond needs a court"),
    ),
    "one row: the separation's totals",
)
#: Each cost item as recognised (or not) for the training cost C.
COST_LINES: Final = TableSchema(
    "cost_lines",
    (
        _AGREEMENT,
        _TRAINING,
        _text("item_id", "the cost item's id"),
        _text("category", "the CostCategory value"),
        _money("amount", "the item's amount"),
        *exact_columns("share", "this employee's share of the amount (amount ÷ shared_by)"),
        Column("recognised", ColumnType.BOOL, "whether it counts in C"),
        _text("rule", "the rule that decided"),
        _text("reason", "why, in the locale"),
        _text("citation", "the articles cited, in the locale"),
    ),
    "one row per cost item of the training",
)
#: The audit of each other clause of an agreement (core.clauses).
CLAUSES: Final = TableSchema(
    "clauses",
    (
        _AGREEMENT,
        _text("ref", "the clause's ref in the agreement (#n: its place when it has none)"),
        *VERDICT_COLUMNS,
    ),
    "one row per other clause of the agreement",
)
#: A review: one row.
REVIEW_TOTALS: Final = TableSchema(
    "totals",
    (
        _AGREEMENT,
        _TRAINING,
        *_ELIGIBILITY,
        _money("recognised_cost", "the recognised training cost C, to 0.01"),
        _text("recognised_cost_exact", "C exactly"),
        *_SERVICE,
        _text("start_source", "how the service start was found"),
        _day("contract_end", "the labour contract's last day (None: open-ended)"),
        Column("schedule_years", ColumnType.INT, "the years the company schedule allows"),
    ),
    "one row: the agreement reviewed",
)
#: A plan: one row.
PLAN_TOTALS: Final = TableSchema(
    "totals",
    (
        _AGREEMENT,
        _TRAINING,
        *_ELIGIBILITY,
        _money("recognised_cost", "the recognised training cost C, to 0.01"),
        _text("recognised_cost_exact", "C exactly"),
        Column("length_years", ColumnType.INT, "the service length's years (None: no bond)"),
        Column("length_months", ColumnType.INT, "its months"),
        Column("length_days", ColumnType.INT, "its days"),
    ),
    "one row: what the schedule allows",
)


def _keyed(*keys: Column) -> tuple[TableSchema, ...]:
    return tuple(s.keyed(keys) for s in (STEPS, STEP_INPUTS, FINDINGS, FINDING_PARAMS))


#: Every table of every result, in the order :meth:`tables` gives them: enough to build
#: an empty frame with the right columns.
RESULT_TABLES: Final[Mapping[type, tuple[TableSchema, ...]]] = {
    BondPlan: (PLAN_TOTALS, COST_LINES, *_keyed(_AGREEMENT, _TRAINING)),
    BondReview: (REVIEW_TOTALS, COST_LINES, CLAUSES, *_keyed(_AGREEMENT)),
    BondSettlement: (BOND_TOTALS, COST_LINES, CLAUSES, *_keyed(_AGREEMENT)),
    SeparationSettlement: (TOTALS, BONDS, COST_LINES, *_keyed(_AGREEMENT)),
}
#: The key columns :func:`batch_tables` puts first.
BATCH_KEYS: Final = (_CASE, _EMPLOYEE)


def _explained(explanation: Explanation, agreement: str | None, locale: str) -> Mapping[str, Table]:
    return explanation_tables(explanation, keys=(_AGREEMENT,), values=(agreement,), locale=locale)


def _lines(
    cost: RecognisedCost | None, agreement: str | None, training: str | None, locale: str
) -> list[tuple[object, ...]]:
    if cost is None:
        return []
    return [
        (
            agreement,
            training,
            line.item_id,
            line.category.value,
            line.amount,
            round_money(line.share),
            exact_text(line.share),
            line.recognised,
            line.rule,
            line.reason.in_locale(locale),
            "; ".join(c.cite(locale) for c in line.citations) or None,
        )
        for line in cost.lines
    ]


def _cost_rows(review: BondReview, locale: str) -> list[tuple[object, ...]]:
    training = review.agreement.training
    return _lines(review.cost, review.agreement.id, training.id if training else None, locale)


def _clause_rows(review: BondReview, locale: str) -> list[tuple[object, ...]]:
    return [
        (review.agreement.id, verdict.ref, *verdict.cells(locale))
        for verdict in review.clause_verdicts
    ]


def _review_row(review: BondReview) -> tuple[object, ...]:
    training = review.agreement.training
    service = review.service
    return (
        review.agreement.id,
        training.id if training else None,
        review.eligibility.status.value,
        review.eligibility.eligible,
        review.recognised_cost,
        _exact(review.cost.total) if review.cost else None,
        review.service_start,
        review.service_last_day,
        review.contract_extended_to,
        service.start_source if service else None,
        review.employment.contract_end,
        review.schedule_years,
    )


def _plan_row(plan: BondPlan) -> tuple[object, ...]:
    length = plan.length
    return (
        plan.agreement.id if plan.agreement else None,
        plan.training.id if plan.training else None,
        plan.eligibility.status.value,
        plan.eligibility.eligible,
        plan.cost.amount,
        exact_text(plan.cost.total),
        length.years if length else None,
        length.months if length else None,
        length.days if length else None,
    )


def _bond_row(bond: BondSettlement) -> tuple[object, ...]:
    training = bond.review.agreement.training
    served = bond.served
    return (
        bond.agreement_id,
        training.id if training else None,
        bond.outcome.value,
        bond.eligibility.status.value,
        bond.eligibility.eligible,
        bond.recognised_cost,
        bond.service_start,
        bond.service_last_day,
        bond.contract_extended_to,
        bond.agreed,
        bond.cap1,
        bond.cap2,
        bond.capped,
        bond.waived,
        bond.payable,
        served.unit.value if served else None,
        served.start if served else None,
        served.end if served else None,
        _rounded(served.value if served else None),
        _exact(served.value if served else None),
        _rounded(bond.total_units),
        _exact(bond.total_units),
        _rounded(bond.unserved_units),
        _exact(bond.unserved_units),
    )


def _separation_row(settlement: SeparationSettlement) -> tuple[object, ...]:
    separation = settlement.separation
    return (
        separation.last_day,
        separation.ground.value,
        len(settlement.bonds),
        settlement.total_payable,
        separation.demanded,
        settlement.excess_demand,
        settlement.collected,
        settlement.paid,
        settlement.refund_due,
        settlement.still_owed,
        settlement.wages_to_pay,
        settlement.deposits_to_return,
        settlement.contract_extended_to,
        bool(settlement.needs_judicial_assessment),
    )


def batch_tables(
    results: Sequence[SeparationSettlement | BondPlan], locale: str = "en"
) -> Mapping[str, Table]:
    """The tables of many results of one type (what :func:`~hrpolicy.bonds.settle_cases`
    or :func:`~hrpolicy.bonds.plan_bonds` return) stacked, each row starting with
    ``case`` (the result's place, from 0) and ``employee``.

    Args:
        results: settlements or plans, all of one type (a list or tuple).
        locale: the language of text cells (``'en'`` or ``'zh_CN'``).

    Returns:
        The tables of :data:`RESULT_TABLES` for that type, by name, under
        :data:`BATCH_KEYS` (an empty batch has no tables).

    Raises:
        InvalidTypeError: ``results`` is not a list of settlements or of plans.

    Example:
        >>> from hrpolicy.bonds import settle_cases
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> tables = batch_tables(settle_cases([electrician_case(), electrician_case()]))
        >>> [(row["case"], row["total_payable"]) for row in tables["totals"].to_records()]
        [(0, Decimal('1833.33')), (1, Decimal('1833.33'))]
    """
    if isinstance(results, (str, bytes, Mapping)) or not isinstance(results, Iterable):
        raise InvalidTypeError("results", "a list or tuple of SeparationSettlement", results)
    items = tuple(results)
    kind = BondPlan if items and isinstance(items[0], BondPlan) else SeparationSettlement
    given: tuple[SeparationSettlement | BondPlan, ...] = arguments(items, kind, "results")
    return merge_tables(
        {
            name: table.keyed(BATCH_KEYS, (case, _employee_of(result)))
            for name, table in result.tables(locale).items()
        }
        for case, result in enumerate(given)
    )


def _employee_of(result: SeparationSettlement | BondPlan) -> str | None:
    if isinstance(result, SeparationSettlement):
        bonds = result.bonds
        return bonds[0].review.employment.employee or None if bonds else None
    return None


# Parts of results: written with every field, null where missing.
write_in_full(Eligibility, CostLine, RecognisedCost, ServicePeriod, ClauseVerdict)
