"""Year-end team awards (年终奖励): a ranking award, a gross-margin growth award and an
award per major customer developed independently, and the day they are due.

An :class:`AwardPolicy` is data; it holds any of three awards:

- :class:`RankAward` — the team is ranked by one overall measure (an annual score, the
  year's sales…), highest first; rank *n* earns the *n*-th share of a pool (the shares
  add up to 100 %) or the *n*-th fixed amount. A rank beyond the list earns nothing; a
  member below the ``minimum`` measure is not ranked. Ties are stated by :class:`Ties`:
  ``SHARE`` — the tied members occupy as many ranks as they are and share those ranks'
  awards equally (the awards add up to the pool); ``HIGHER`` — each tied member earns the
  higher rank's award and the next member takes the rank after the tied ones (1, 1, 3):
  the awards may then exceed the pool, and how much by is a finding. Under ``SHARE``
  shares of a pool are rounded to the fen by the largest remainder
  (:func:`~hrpolicy.core.money.allocate`, in rank order, then by employee), so the awards
  and what is left of the pool add up to the pool exactly; under ``HIGHER`` each rank's
  award is rounded half up once and every member holding the rank earns it.
- :class:`GrowthAward` — the growth of the member's gross margin over the year before,
  as a rate (this year − last year) ÷ last year or as an amount, looked up in a band
  table whose value is the award in yuan (:attr:`GrowthPays.AWARD`) or a rate of the
  growth amount (:attr:`GrowthPays.SHARE`). Margins may be negative (a loss-making year):
  an amount basis measures from a prior loss. No growth (or a fall) earns nothing; a
  member with no prior year, or a rate over a prior margin of zero or less, earns nothing
  and it is said (a finding).
- :class:`MajorCustomerAward` — a fixed amount for each customer the member developed
  alone in the award year whose sales that year reached the policy's minimum.

A policy may also ask for sign-offs (``approvals``: :mod:`hrpolicy.core.approvals` rules
for the fact ``"award"``; a missing one holds the member's whole award back) and state
when the awards are due (``pay_by``: a :mod:`hrpolicy.core.deadlines` rule applied on the
work calendar to the award year; a payment after it is a finding).

Every amount is rounded half up to the fen once; each rule applied is a step and each
award's reason a finding. :func:`year_end_awards` computes a team's year (a
:class:`TeamYear`).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Final

import attrs

from hrpolicy.core.approvals import (
    AWARD,
    ApprovalRule,
    ApprovalSubject,
    Fact,
    Holds,
    Requirement,
    SignOff,
    check_approvals,
)
from hrpolicy.core.bands import BandTable, require_lookup
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import write_in_full
from hrpolicy.core.deadlines import DayOfNextMonth, DeadlineRule, Roll, deadline
from hrpolicy.core.display import Displayable, SummaryValue, View, amount
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.explain import (
    Catalog,
    Explanation,
    Finding,
    FindingSpec,
    FindingValue,
    Severity,
    Step,
    StepValue,
    Trail,
)
from hrpolicy.core.fields import (
    FIRST_DATE,
    LAST_DATE,
    Money,
    NonNegativeMoney,
    Text,
    argument,
    checked,
    policy_checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label, label
from hrpolicy.core.money import ZERO, Rate, allocate, format_exact, money_sum, round_money
from hrpolicy.core.period import Period
from hrpolicy.core.records import (
    FINDING_PARAMS,
    FINDINGS,
    STEP_INPUTS,
    STEPS,
    Column,
    ColumnType,
    Table,
    TableSchema,
    explanation_tables,
    tables_of,
)
from hrpolicy.core.workcal import WorkCalendar, check_calendar
from hrpolicy.law.provisions import provision as p

__all__ = [
    "AWARD_MEMBERS",
    "AWARD_RESULT_TABLES",
    "AWARD_TOTALS",
    "CATALOG",
    "AwardPolicy",
    "DevelopedCustomer",
    "GrowthAward",
    "GrowthBasis",
    "GrowthPays",
    "MajorCustomerAward",
    "MemberAward",
    "MemberYear",
    "RankAward",
    "TeamYear",
    "Ties",
    "YearEndAwards",
    "year_end_awards",
]

#: The most ranks an award lists, members a team has, customers a member lists.
_MOST: Final = 1000
_Year = Annotated[int, IntSpec(min_value=FIRST_DATE.year, max_value=LAST_DATE.year - 1)]


CATALOG: Final = Catalog(
    "reports.awards",
    {
        "rank_tie": FindingSpec(
            Severity.INFO,
            "{employees}并列（{measure}），占第{first_rank}至{last_rank}名：{reading}。",
            "{employees} tie on {measure} for ranks {first_rank} to {last_rank}: {reading}.",
        ),
        "not_ranked": FindingSpec(
            Severity.INFO,
            "{employee}的排名指标{measure}低于{minimum}，不参加排名。",
            "{employee}'s ranking measure {measure} is below {minimum}: not ranked.",
        ),
        "pool_left": FindingSpec(
            Severity.INFO,
            "获奖名次未排满，奖金池{pool}元中{left}元未发放。",
            "Fewer members ranked than award ranks: {left} of the {pool} yuan pool is not awarded.",
        ),
        "pool_exceeded": FindingSpec(
            Severity.WARNING,
            "按并列取较高名次的规定，排名奖合计{awarded}元，超出奖金池{pool}元{over}元。",
            "Ties taking the higher rank's award bring the ranking awards to {awarded} yuan, "
            "{over} over the {pool} yuan pool.",
        ),
        "no_prior_year": FindingSpec(
            Severity.INFO,
            "{employee}没有上年毛利，无从计算增长，不发毛利增长奖。",
            "{employee} has no gross margin for the year before: no growth to measure, "
            "no growth award.",
        ),
        "no_growth_base": FindingSpec(
            Severity.WARNING,
            "{employee}上年毛利为{prior}元（不大于0），无法计算增长率，不发毛利增长奖。",
            "{employee}'s gross margin the year before was {prior} yuan (not above 0): "
            "no growth rate can be taken, no growth award.",
        ),
        "no_growth": FindingSpec(
            Severity.INFO,
            "{employee}毛利{margin}元，未高于上年{prior}元，不发毛利增长奖。",
            "{employee}'s gross margin of {margin} yuan is not above the {prior} yuan of "
            "the year before: no growth award.",
        ),
        "customer_not_independent": FindingSpec(
            Severity.INFO,
            "客户{customer}非{employee}独立开发，不计大客户奖。",
            "Customer {customer} was not developed by {employee} alone: no major-customer award.",
        ),
        "customer_other_year": FindingSpec(
            Severity.INFO,
            "客户{customer}于{developed_on}开发，不在{year}年度内，不计大客户奖。",
            "Customer {customer} was developed on {developed_on}, outside {year}: "
            "no major-customer award.",
        ),
        "paid_late": FindingSpec(
            Severity.VIOLATION,
            "{employee}的年终奖励{amount}元应于{due}前发放（{rule}），实际{paid_on}发放，迟延{days}天。",
            "{employee}'s year-end awards of {amount} yuan were due by {due} ({rule}) and were "
            "paid on {paid_on}, {days} days late.",
            (p("LCL 30"), p("WPP 7")),
        ),
        "paid_before_sign_off": FindingSpec(
            Severity.VIOLATION,
            "{employee}的年终奖励{amount}元须经{approver}签批，于{paid_on}发放（签批：{signed_on}），"
            "发放时未经签批。",
            "{employee}'s year-end awards of {amount} yuan need the {approver}'s sign-off and "
            "were paid on {paid_on}, before they were signed (signed: {signed_on}).",
            (p("WPP-S 3"),),
        ),
        "paid_before_year_end": FindingSpec(
            Severity.WARNING,
            "{employee}的{year}年度奖励{amount}元于{paid_on}发放，早于该年度结束，"
            "年度数据尚未确定。",
            "{employee}'s awards of {amount} yuan for {year} were paid on {paid_on}, before "
            "the year ended and its figures were final.",
        ),
        "customer_not_major": FindingSpec(
            Severity.INFO,
            "客户{customer}年度销售额{sales}元，未达大客户标准{minimum}元，不计大客户奖。",
            "Customer {customer}'s sales of {sales} yuan in the year are below the {minimum} "
            "yuan that makes a major customer: no award.",
        ),
    },
)


class Ties(Choice):
    """How a ranking award treats members tied on the measure.

    - ``SHARE`` — 并列者平分所占名次的奖金: tied members occupy as many ranks as they
      are and share those ranks' awards equally;
    - ``HIGHER`` — 并列者均得较高名次的奖金，其后名次顺延: each earns the higher rank's
      award, and the next member takes the rank after them (1, 1, 3).
    """

    SHARE = "share"
    HIGHER = "higher"


class GrowthBasis(Choice):
    """What a growth award measures: ``RATE`` — (this year's gross margin − last year's) ÷
    last year's; ``AMOUNT`` — this year's − last year's, in yuan."""

    RATE = "rate"
    AMOUNT = "amount"


class GrowthPays(Choice):
    """What a growth award's band value is: ``AWARD`` — the award in yuan; ``SHARE`` — a
    rate of the growth amount (for an amount basis, paid through the table's semantics,
    so a marginal table pays each slice of the growth at its band's rate)."""

    AWARD = "award"
    SHARE = "share"


_READINGS: Final = {
    Ties.SHARE: label("平分所占名次的奖金", "they share those ranks' awards equally"),
    Ties.HIGHER: label(
        "均得较高名次的奖金，其后名次顺延",
        "each earns the higher rank's award, the next rank follows them",
    ),
}


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RankAward:
    """A year-end award by overall ranking across the team.

    Exactly one of ``shares`` (rank 1, 2, … as shares of the case's pool, each above 0,
    adding up to 100 %) and ``amounts`` (rank 1, 2, … as fixed amounts, each above 0) is
    given, and a lower rank never earns more than a higher one. ``measure`` names what
    the team is ranked by (highest first); ``minimum``, if given, is the least measure a
    member must reach to be ranked. ``ties`` states how ties are treated (:class:`Ties`).

    >>> award = RankAward(shares=(Rate.parse("50%"), Rate.parse("30%"), Rate.parse("20%")))
    >>> award.ranks, award.ties
    (3, <Ties.SHARE: 'share'>)
    >>> RankAward(shares=(Rate.parse("50%"), Rate.parse("30%")))
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.PolicyDefinitionError: RankAward.shares: expected shares adding up
    to 100%, got ...
    """

    name: Text = "年终综合排名奖"
    measure: Text = "综合得分"
    shares: tuple[Rate, ...] = ()
    amounts: tuple[NonNegativeMoney, ...] = ()
    ties: Ties = Ties.SHARE
    minimum: Decimal | None = None
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            bool(self.shares) != bool(self.amounts),
            "RankAward",
            "either shares of a pool or fixed amounts per rank (one of them, not both)",
            {"shares": len(self.shares), "amounts": len(self.amounts)},
        )
        values: tuple[Fraction, ...]
        if self.shares:
            field = "RankAward.shares"
            values = tuple(share.exact for share in self.shares)
            total = sum(values, Fraction(0))
            require(total == 1, field, "shares adding up to 100%", [str(s) for s in self.shares])
        else:
            field = "RankAward.amounts"
            values = tuple(Fraction(a) for a in self.amounts)
        require(len(values) <= _MOST, field, f"at most {_MOST} ranks", len(values))
        for index, value in enumerate(values):
            require(value > 0, f"{field}[{index}]", "an award above 0 for each rank", value)
            if index:
                require(
                    value <= values[index - 1],
                    f"{field}[{index}]",
                    f"no more than rank {index}'s award (a lower rank never earns more)",
                    format_exact(value),
                )

    @property
    def ranks(self) -> int:
        """How many ranks earn an award."""
        return len(self.shares) or len(self.amounts)

    def slot(self, rank: int, pool: Decimal | None) -> Fraction:
        """The exact award of ``rank`` (from 1): its share of ``pool`` or its amount; 0
        beyond the listed ranks."""
        if rank > self.ranks:
            return Fraction(0)
        if self.shares:
            assert pool is not None  # the engine checks a pool is given with shares
            return self.shares[rank - 1].exact * Fraction(pool)
        return Fraction(self.amounts[rank - 1])


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class GrowthAward:
    """An award for the growth of gross margin over the year before (毛利增长奖).

    ``basis`` says what is measured (:class:`GrowthBasis`) and ``pays`` what the band
    value is (:class:`GrowthPays`). A rate basis's bounds are fractions (0.1 for 10 %). A
    lookup (an ``AWARD`` table, or a ``SHARE`` of a rate) reads one band, so its table
    is ``WHOLE`` or ``INTERPOLATED``; an ``AWARD`` table's values are amounts in yuan (at
    most two decimals, zero or more); only a ``SHARE`` of an amount pays through the
    table's semantics (and its lump sums).

    >>> from hrpolicy.core.bands import Semantics, Side
    >>> table = BandTable.from_rows([[0, "0.1", 0], ["0.1", 2000]], closed=Side.LOWER,
    ...                             semantics=Semantics.WHOLE)
    >>> GrowthAward(basis=GrowthBasis.RATE, pays=GrowthPays.AWARD, table=table).name
    '毛利增长奖'
    """

    basis: GrowthBasis
    pays: GrowthPays
    table: BandTable
    name: Text = "毛利增长奖"
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        field = "GrowthAward.table"
        through_semantics = self.basis is GrowthBasis.AMOUNT and self.pays is GrowthPays.SHARE
        if not through_semantics:
            require_lookup(
                self.table,
                field,
                why="the award is looked up in one band",
                lump_why="only a share of the growth amount pays lump sums",
            )
        for index, band in enumerate(self.table.bands):
            where = f"{field}.bands[{index}]"
            for name in ("value", "end_value"):
                value = getattr(band, name)
                if value is None:
                    continue
                require(value >= 0, f"{where}.{name}", "a value of zero or more", value)
                if self.pays is GrowthPays.AWARD:
                    require(
                        value == round_money(value),
                        f"{where}.{name}",
                        "an award in yuan with at most 2 decimal places",
                        value,
                    )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MajorCustomerAward:
    """An award per major customer developed independently (独立开发大客户奖):
    ``per_customer`` yuan (above 0) for each customer the member developed alone in the
    award year whose sales that year were at least ``minimum_sales``.

    >>> MajorCustomerAward(per_customer=Decimal(3000), minimum_sales=Decimal(200000)).per_customer
    Decimal('3000')
    """

    per_customer: NonNegativeMoney
    minimum_sales: NonNegativeMoney = Decimal(0)
    name: Text = "独立开发大客户奖"
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            self.per_customer > 0,
            "MajorCustomerAward.per_customer",
            "an award above 0",
            self.per_customer,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AwardPolicy:
    """A team's year-end awards: any of a ranking award, a growth award and a
    major-customer award (at least one), and the sign-offs an award needs before it is
    paid (``approvals``: rules of :mod:`hrpolicy.core.approvals` for the fact
    ``"award"``, whose amount is the member's awards added up; a missing sign-off holds
    back what the rule says), and the day they are due (``pay_by``: a
    :mod:`hrpolicy.core.deadlines` rule, applied to the award year — "paid before the
    Lunar New Year" is ``BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL)``, the last
    workday before the first Spring Festival holiday after the year ends).

    Every approval rule is for the fact ``"award"`` and holds back the award or nothing
    (a rule of another kind would never apply); a :class:`~hrpolicy.core.deadlines.DayOfNextMonth`
    pay-by rule rolls to the workday before a day off (``Roll.PREVIOUS_WORKDAY``: wages
    due on a rest day or holiday are paid earlier, WPP 7). Anything else is a
    :class:`~hrpolicy.core.errors.PolicyDefinitionError`.

    >>> AwardPolicy(policy_id="none")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.PolicyDefinitionError: AwardPolicy(none): expected at least one award ...
    """

    policy_id: Text
    ranking: RankAward | None = None
    growth: GrowthAward | None = None
    major_customers: MajorCustomerAward | None = None
    approvals: tuple[ApprovalRule, ...] = ()
    pay_by: DeadlineRule | None = None
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            any(a is not None for a in (self.ranking, self.growth, self.major_customers)),
            f"AwardPolicy({self.policy_id})",
            "at least one award (ranking, growth or major_customers)",
            None,
        )
        for index, rule in enumerate(self.approvals):
            where = f"AwardPolicy({self.policy_id}).approvals[{index}]"
            if rule.kind != AWARD:
                raise PolicyDefinitionError(
                    f"{where}.kind",
                    f"{AWARD!r}: the awards raise only the fact {AWARD!r} (a rule of another "
                    "kind would never apply)",
                    rule.kind,
                )
            if rule.holds not in (Holds.AWARD, Holds.NOTHING):
                raise PolicyDefinitionError(
                    f"{where}.holds",
                    "'award' or 'nothing' (a missing sign-off holds the award back, or is "
                    "reported only)",
                    rule.holds.value,
                )
        if (
            isinstance(self.pay_by, DayOfNextMonth)
            and self.pay_by.roll is not Roll.PREVIOUS_WORKDAY
        ):
            raise PolicyDefinitionError(
                f"AwardPolicy({self.policy_id}).pay_by.roll",
                "previous_workday: wages due on a day off are paid the workday before (WPP 7)",
                self.pay_by.roll.value,
            )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DevelopedCustomer:
    """A customer the member developed: when, whether alone, and its sales in the award
    year (CNY)."""

    customer: Text
    developed_on: date
    independently: bool
    sales: NonNegativeMoney


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MemberYear:
    """One team member's year, as far as the awards need it: the ranking ``measure``, the
    gross margin of the year and of the year before (either may be negative, a loss;
    ``None`` for the year before: the member has no prior year), the customers
    developed, the sign-offs given for the member's awards, and the day they were paid
    (``None``: not paid, or not recorded)."""

    employee: Text
    measure: Decimal | None = None
    gross_margin: Money | None = None
    prior_gross_margin: Money | None = None
    customers: tuple[DevelopedCustomer, ...] = ()
    sign_offs: tuple[SignOff, ...] = ()
    paid_on: date | None = None

    def __attrs_post_init__(self) -> None:
        path = f"MemberYear({self.employee}).customers"
        require(
            len(self.customers) <= _MOST, path, f"at most {_MOST} customers", len(self.customers)
        )
        require_unique([c.customer for c in self.customers], path, "customer")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TeamYear:
    """A team's award year: the team, the ``year``, its members and, for a ranking award
    by shares, the ``pool`` to split."""

    team: Text
    year: _Year
    members: tuple[MemberYear, ...]
    pool: NonNegativeMoney | None = None

    def __attrs_post_init__(self) -> None:
        path = f"TeamYear({self.team} {self.year}).members"
        require(bool(self.members), path, "at least one member", self.members)
        require(len(self.members) <= _MOST, path, f"at most {_MOST} members", len(self.members))
        require_unique([m.employee for m in self.members], path, "employee")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MemberAward:
    """One member's awards (CNY, rounded to the fen): ``ranking``, ``growth``,
    ``customers`` and their ``total``; ``held``, what a missing sign-off holds back, and
    :attr:`payable`; ``rank`` is ``None`` when the member was not ranked; ``paid_late``
    whether the awards were paid after the policy's due day (``None``: no award, no pay-by
    rule, or no payment recorded)."""

    employee: Text
    measure: Decimal | None
    rank: Annotated[int, IntSpec(min_value=1, max_value=_MOST)] | None
    ranking: NonNegativeMoney
    growth: NonNegativeMoney
    customers: NonNegativeMoney
    major_customers: Annotated[int, IntSpec(min_value=0, max_value=_MOST)]
    total: NonNegativeMoney
    held: NonNegativeMoney = ZERO
    paid_on: date | None = None
    paid_late: bool | None = None

    def __attrs_post_init__(self) -> None:
        total = money_sum((self.ranking, self.growth, self.customers))
        require(
            self.total == total,
            f"MemberAward({self.employee}).total",
            f"{total} (ranking + growth + customers)",
            self.total,
        )
        require(
            self.held in (ZERO, self.total),
            f"MemberAward({self.employee}).held",
            f"0 or the whole award {self.total} (a missing sign-off holds all of it)",
            self.held,
        )

    @property
    def payable(self) -> Decimal:
        """What may be paid now: the awards less what a missing sign-off holds back."""
        return money_sum((self.total, -self.held))


@checked
@attrs.frozen(kw_only=True)
class YearEndAwards(Displayable):
    """A team's year-end awards: each member's, the pool and what is left of it
    (``pool_left``: negative when ties took the awards over the pool), the day they are due
    (``due_on``: ``None`` without a pay-by rule), the steps and the findings. ``total`` is
    every award added up."""

    policy: AwardPolicy
    case: TeamYear
    members: tuple[MemberAward, ...]
    pool_left: Decimal | None
    due_on: date | None
    explanation: Explanation

    @property
    def total(self) -> Decimal:
        """Every member's awards added up."""
        return money_sum(m.total for m in self.members)

    @property
    def held(self) -> Decimal:
        """What missing sign-offs hold back, added up."""
        return money_sum(m.held for m in self.members)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps, in order."""
        return self.explanation.steps

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, in order."""
        return self.explanation.findings

    def member(self, employee: str) -> MemberAward:
        """One member's awards; another name is an
        :class:`~hrpolicy.core.errors.InvalidValueError` listing the members."""
        for candidate in self.members:
            if candidate.employee == employee:
                return candidate
        raise InvalidValueError(
            "employee", "one of " + ", ".join(m.employee for m in self.members), employee
        )

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``members`` (one row each), then the explanation tables,
        every row keyed by team and year (layouts in :data:`AWARD_RESULT_TABLES`)."""
        case = self.case
        keys = (case.team, case.year)
        totals = (
            *keys,
            self.policy.policy_id,
            case.pool,
            self.pool_left,
            self.total,
            self.held,
            self.due_on,
        )
        members = [
            (
                *keys,
                m.employee,
                m.measure,
                m.rank,
                m.ranking,
                m.growth,
                m.major_customers,
                m.customers,
                m.total,
                m.held,
                m.payable,
                m.paid_on,
                m.paid_late,
            )
            for m in self.members
        ]
        own = {
            "totals": Table.build(AWARD_TOTALS, [totals]),
            "members": Table.build(AWARD_MEMBERS, members),
        }
        explained = explanation_tables(self.explanation, keys=_KEYS, values=keys, locale=locale)
        return tables_of(own, explained)

    def _view(self) -> View:
        rows: list[tuple[Label, SummaryValue]] = [
            (Label("团队", "team"), self.case.team),
            (Label("年度", "year"), self.case.year),
        ]
        if self.case.pool is not None:
            rows.append((Label("奖金池", "pool"), amount(self.case.pool)))
        rows += [(Label(m.employee, m.employee), amount(m.total)) for m in self.members]
        rows.append((Label("奖励合计", "awards in total"), amount(self.total)))
        if self.held:
            rows.append((Label("待签批暂扣", "held for sign-offs"), amount(self.held)))
        return View(Label("年终奖励", "Year-end awards"), tuple(rows), self.explanation)


write_in_full(MemberAward)

_KEYS: Final = (
    Column("team", ColumnType.TEXT, "the team"),
    Column("year", ColumnType.INT, "the award year"),
)
#: The team's year: one row.
AWARD_TOTALS: Final = TableSchema(
    "totals",
    (
        *_KEYS,
        Column("policy", ColumnType.TEXT, "the award policy's id"),
        Column("pool", ColumnType.MONEY, "the ranking pool (empty: none)"),
        Column("pool_left", ColumnType.MONEY, "the pool not awarded (negative: exceeded)"),
        Column("total", ColumnType.MONEY, "every award added up"),
        Column("held", ColumnType.MONEY, "held back for missing sign-offs"),
        Column("due_on", ColumnType.DATE, "the day the awards are due (empty: no rule)"),
    ),
    "one row: the team's year",
)
#: Each member's awards.
AWARD_MEMBERS: Final = TableSchema(
    "members",
    (
        *_KEYS,
        Column("employee", ColumnType.TEXT, "the member"),
        Column("measure", ColumnType.DECIMAL, "the ranking measure (empty: not given)"),
        Column("rank", ColumnType.INT, "the rank (empty: not ranked)"),
        Column("ranking", ColumnType.MONEY, "the ranking award"),
        Column("growth", ColumnType.MONEY, "the gross-margin growth award"),
        Column("major_customers", ColumnType.INT, "major customers developed alone"),
        Column("customers", ColumnType.MONEY, "the major-customer award"),
        Column("total", ColumnType.MONEY, "the member's awards added up"),
        Column("held", ColumnType.MONEY, "held back for a missing sign-off"),
        Column("payable", ColumnType.MONEY, "what may be paid now"),
        Column("paid_on", ColumnType.DATE, "the day the awards were paid (empty: not recorded)"),
        Column("paid_late", ColumnType.BOOL, "paid after the due day (empty: not judged)"),
    ),
    "one row per member, in the case's order",
)
#: The tables of a :class:`YearEndAwards`, in the order ``tables()`` gives them.
AWARD_RESULT_TABLES: Final[Mapping[type, tuple[TableSchema, ...]]] = {
    YearEndAwards: (
        AWARD_TOTALS,
        AWARD_MEMBERS,
        *(s.keyed(_KEYS) for s in (STEPS, STEP_INPUTS, FINDINGS, FINDING_PARAMS)),
    )
}


# --- computing -----------------------------------------------------------------------------


def year_end_awards(
    policy: AwardPolicy, case: TeamYear, *, calendar: WorkCalendar | None = None
) -> YearEndAwards:
    """A team's year-end awards under ``policy``, and whether they were paid in time.

    Args:
        policy: the awards (:class:`AwardPolicy`).
        case: the team's year (:class:`TeamYear`): its members' ranking measures, gross
            margins, customers developed, sign-offs and payment days, and the pool when
            ranking shares split one.
        calendar (keyword, optional): the work calendar the policy's ``pay_by`` rule is
            applied on (for a holiday, one that names its holidays, such as
            :class:`~hrpolicy.core.workcal.ChineseStatutoryCalendar`); required with a
            ``pay_by`` rule, refused without one.

    Returns:
        The :class:`YearEndAwards`: each member's awards, the pool left, steps and
        findings.

    Raises:
        InvalidTypeError: a policy or case of the wrong type.
        InvalidValueError: a fact an award needs is missing — the pool for ranking shares
            (or a pool given with fixed amounts), a member's ranking measure, a member's
            gross margin for a growth award, the calendar for a pay-by rule — or a fact
            nothing reads is given (a calendar or a payment day without a pay-by rule, a
            payment day for a member whose awards total 0), or a payment day before the
            award year begins.
        NotCoveredError: a positive growth the growth table does not cover, or a due day
            the calendar has no data for.

    Example:
        >>> from hrpolicy.core.workcal import ChineseStatutoryCalendar
        >>> from hrpolicy.reports.examples import sales_team_awards, sales_team_year
        >>> calendar = ChineseStatutoryCalendar()
        >>> result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=calendar)
        >>> [(m.employee, m.rank, m.total) for m in result.members]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('li', 1, Decimal('35000.00')), ('wang', 2, Decimal('20000.00')),
         ('zhao', 2, Decimal('15000.00')), ('chen', 4, Decimal('3000.00')),
         ('sun', None, Decimal('0.00'))]
        >>> result.due_on, result.member("zhao").paid_late  # the Saturday make-up workday
        (datetime.date(2026, 2, 14), True)
    """
    argument(policy, AwardPolicy, "policy")
    argument(case, TeamYear, "case")
    _check_pay_by(policy, case, calendar)
    trail = Trail(CATALOG)
    due_on = _due_on(policy, case, calendar, trail)
    ranking, ranks, pool_left = _rankings(policy.ranking, case, trail)
    awards = []
    for member in case.members:
        growth = _growth(policy.growth, member, trail)
        customers, count = _customers(policy.major_customers, member, case.year, trail)
        rank_award = ranking.get(member.employee, ZERO)
        total = money_sum((rank_award, growth, customers))
        _step(
            trail,
            "awards.total",
            label(
                "年终奖励合计 = 排名奖 + 毛利增长奖 + 大客户奖",
                "awards = ranking + growth + customers",
            ),
            {
                "employee": member.employee,
                "ranking": rank_award,
                "growth": growth,
                "customers": customers,
            },
            total,
        )
        _check_paid_on(member, case.year, total, trail)
        held, required = _held(policy, member, case.year, total, trail)
        _paid_before_sign_off(member, total, held, required, trail)
        late = _paid_late(policy, member, due_on, total, trail)
        awards.append(
            MemberAward(
                employee=member.employee,
                measure=member.measure,
                rank=ranks.get(member.employee),
                ranking=rank_award,
                growth=growth,
                customers=customers,
                major_customers=count,
                total=total,
                held=held,
                paid_on=member.paid_on,
                paid_late=late,
            )
        )
    return YearEndAwards(
        policy=policy,
        case=case,
        members=tuple(awards),
        pool_left=pool_left,
        due_on=due_on,
        explanation=trail.explanation(),
    )


def _rankings(
    award: RankAward | None, case: TeamYear, trail: Trail
) -> tuple[dict[str, Decimal], dict[str, int], Decimal | None]:
    """Each ranked member's award and rank, and the pool left (``None`` without a pool)."""
    path = f"TeamYear({case.team} {case.year})"
    if award is None:
        return {}, {}, None
    if award.shares:
        require(
            case.pool is not None,
            f"{path}.pool",
            "the pool the ranking shares split (the award gives shares of a pool)",
            None,
        )
    else:
        require(
            case.pool is None,
            f"{path}.pool",
            "no pool: the ranking award gives fixed amounts per rank",
            case.pool,
        )
    ranked: list[MemberYear] = []
    for member in case.members:
        require(
            member.measure is not None,
            f"MemberYear({member.employee}).measure",
            f"the member's {award.measure} (the team is ranked by it)",
            None,
        )
        assert member.measure is not None
        if award.minimum is not None and member.measure < award.minimum:
            trail.find(
                "not_ranked",
                subject=member.employee,
                employee=member.employee,
                measure=member.measure,
                minimum=award.minimum,
            )
            continue
        ranked.append(member)
    ranked.sort(key=lambda m: (-(m.measure or 0), m.employee))
    exact: dict[str, Fraction] = {}
    ranks: dict[str, int] = {}
    position = 1
    for measure, grouped in itertools.groupby(ranked, key=lambda m: m.measure):
        group = [m.employee for m in grouped]
        last = position + len(group) - 1
        if award.ties is Ties.SHARE:
            each = sum(
                (award.slot(r, case.pool) for r in range(position, last + 1)), Fraction(0)
            ) / len(group)
        else:
            each = award.slot(position, case.pool)
        if len(group) > 1:
            trail.find(
                "rank_tie",
                subject=", ".join(group),
                employees=", ".join(group),
                measure=measure,
                first_rank=position,
                last_rank=last,
                reading=_READINGS[award.ties],
            )
        for employee in group:
            exact[employee] = each
            ranks[employee] = position
            _step(
                trail,
                "awards.rank",
                label(
                    "排名奖：按名次取奖金池份额或定额", "ranking award: the rank's share or amount"
                ),
                {
                    "employee": employee,
                    "measure": measure,
                    "measure_name": award.measure,
                    "rank": position,
                    "tied_ranks": f"{position}-{last}" if len(group) > 1 else None,
                    "ties": award.ties.value if len(group) > 1 else None,
                    "pool": case.pool,
                    "clause": award.clause or None,
                },
                each,
            )
        position = last + 1
    awards, left = _to_the_fen(award, case.pool, exact, ranks, trail)
    return awards, ranks, left


def _to_the_fen(
    award: RankAward,
    pool: Decimal | None,
    exact: Mapping[str, Fraction],
    ranks: Mapping[str, int],
    trail: Trail,
) -> tuple[dict[str, Decimal], Decimal | None]:
    """The ranking awards rounded to the fen and the pool left. Under ``Ties.SHARE``:
    shares of a pool with the pool left as one more part, so that they add up to the
    pool; fixed amounts tie group by tie group, so that each group gets its ranks'
    amounts; the odd fen goes by the largest remainder, in rank order, then by employee.
    Under ``Ties.HIGHER`` every member of a rank earns the same award: the rank's exact
    award rounded half up to the fen once, and the pool left is the pool less the awards
    (the pool is not the constraint: the awards may exceed it)."""
    awards: dict[str, Decimal] = {}
    order = sorted(exact, key=lambda e: (ranks[e], e))
    if award.ties is Ties.HIGHER:
        awards = {e: round_money(exact[e]) for e in order}
        left: Decimal | None = (
            None if pool is None else money_sum((pool, -money_sum(awards.values())))
        )
    elif pool is not None:  # shares of a pool (fixed amounts have none)
        given = sum(exact.values(), Fraction(0))
        rounded = allocate([*(exact[e] for e in order), Fraction(pool) - given])
        awards = dict(zip(order, rounded[:-1], strict=True))
        left = rounded[-1]
    else:
        for _, tied in itertools.groupby(order, key=lambda e: ranks[e]):
            names = list(tied)
            awards |= dict(zip(names, allocate([exact[e] for e in names]), strict=True))
        left = None
    awarded = money_sum(awards.values())
    if awards and any(Fraction(awards[e]) != exact[e] for e in order):
        _step(
            trail,
            "awards.rank.fen",
            label(
                "排名奖四舍五入到分，同一名次金额相同",
                "ranking awards rounded half up to the fen, the same for each member of a rank",
            )
            if award.ties is Ties.HIGHER
            else label(
                "排名奖四舍五入到分，按最大余额法分配尾差",
                "ranking awards to the fen, the odd fen by the largest remainder",
            ),
            {e: awards[e] for e in order},
            awarded,
        )
    if left is not None:
        _step(
            trail,
            "awards.rank.pool",
            label("奖金池余额 = 奖金池 − 排名奖合计", "pool left = pool − ranking awards"),
            {"pool": pool, "awarded": awarded},
            left,
        )
        if left > 0:
            trail.find("pool_left", pool=pool, left=left)
        elif left < 0:
            trail.find("pool_exceeded", pool=pool, awarded=awarded, over=-left)
    return awards, left


def _growth(award: GrowthAward | None, member: MemberYear, trail: Trail) -> Decimal:
    """The member's growth award, rounded to the fen."""
    if award is None:
        return ZERO
    who = member.employee
    require(
        member.gross_margin is not None,
        f"MemberYear({who}).gross_margin",
        "the year's gross margin (the growth award measures it)",
        None,
    )
    margin, prior = member.gross_margin, member.prior_gross_margin
    assert margin is not None
    rule = label("毛利增长奖", "gross-margin growth award")
    inputs: dict[str, StepValue] = {
        "employee": who,
        "gross_margin": margin,
        "prior_gross_margin": prior,
        "basis": award.basis.value,
        "clause": award.clause or None,
    }
    if prior is None:
        trail.find("no_prior_year", subject=who, employee=who)
        _step(trail, "awards.growth", rule, inputs, ZERO)
        return ZERO
    growth = Fraction(margin) - Fraction(prior)
    inputs["growth"] = growth
    if award.basis is GrowthBasis.RATE and prior <= 0:
        trail.find("no_growth_base", subject=who, employee=who, prior=prior)
        _step(trail, "awards.growth", rule, inputs, ZERO)
        return ZERO
    if growth <= 0:
        trail.find("no_growth", subject=who, employee=who, margin=margin, prior=prior)
        _step(trail, "awards.growth", rule, inputs, ZERO)
        return ZERO
    table = award.table
    measure = growth / Fraction(prior) if award.basis is GrowthBasis.RATE else growth
    if award.basis is GrowthBasis.RATE:
        inputs["growth_rate"] = measure
    band = table.band_for(measure)
    inputs["band"] = band.describe()
    if award.pays is GrowthPays.AWARD:
        value = table.value_at(measure)
        inputs["band_award"] = value
        exact_award = value
    elif award.basis is GrowthBasis.RATE:
        value = table.value_at(measure)
        inputs["band_rate"] = value
        exact_award = value * growth
    else:
        applied = table.apply(measure)
        inputs["pieces"] = applied.describe()
        exact_award = applied.total
    result = round_money(exact_award)
    _step(trail, "awards.growth", rule, inputs, result)
    return result


def _customers(
    award: MajorCustomerAward | None, member: MemberYear, year: int, trail: Trail
) -> tuple[Decimal, int]:
    """The member's major-customer award and how many customers earned it."""
    if award is None:
        return ZERO, 0
    who = member.employee
    year_period = Period(year=year)
    counted = 0
    for customer in member.customers:
        name = customer.customer
        earned = False
        if not customer.independently:
            trail.find("customer_not_independent", subject=who, customer=name, employee=who)
        elif not year_period.contains(customer.developed_on):
            trail.find(
                "customer_other_year",
                subject=who,
                customer=name,
                developed_on=customer.developed_on,
                year=year,
            )
        elif customer.sales < award.minimum_sales:
            trail.find(
                "customer_not_major",
                subject=who,
                customer=name,
                sales=customer.sales,
                minimum=award.minimum_sales,
            )
        else:
            earned = True
            counted += 1
        _step(
            trail,
            "awards.customer",
            label("独立开发大客户", "a major customer developed alone"),
            {
                "employee": who,
                "customer": name,
                "developed_on": customer.developed_on,
                "independently": customer.independently,
                "sales": customer.sales,
                "minimum_sales": award.minimum_sales,
            },
            earned,
        )
    total = round_money(Fraction(award.per_customer) * counted)
    _step(
        trail,
        "awards.customers",
        label("大客户奖 = 大客户数 × 每户奖金", "customer award = major customers × award each"),
        {
            "employee": who,
            "major_customers": counted,
            "per_customer": award.per_customer,
            "clause": award.clause or None,
        },
        total,
    )
    return total, counted


def _check_pay_by(policy: AwardPolicy, case: TeamYear, calendar: WorkCalendar | None) -> None:
    """A calendar with a pay-by rule, and neither a calendar nor payment days without."""
    if policy.pay_by is not None:
        require(
            calendar is not None,
            "calendar",
            "the work calendar the policy's pay-by rule is applied on",
            calendar,
        )
        check_calendar(calendar)
        return
    require(
        calendar is None,
        "calendar",
        f"no calendar: policy {policy.policy_id} has no pay-by rule to apply it to",
        calendar,
    )
    for member in case.members:
        require(
            member.paid_on is None,
            f"MemberYear({member.employee}).paid_on",
            f"no payment day: policy {policy.policy_id} has no pay-by rule to judge it by",
            member.paid_on,
        )


def _due_on(
    policy: AwardPolicy, case: TeamYear, calendar: WorkCalendar | None, trail: Trail
) -> date | None:
    """The day the awards are due under the policy's pay-by rule, with its step."""
    if policy.pay_by is None:
        return None
    assert calendar is not None  # checked by _check_pay_by
    due = deadline(policy.pay_by, period=Period(year=case.year), calendar=calendar)
    # Wages due on a day off are paid on the workday before (WPP 7): a day-of-month rule
    # rolls so (the policy refuses any other roll), and the last workday before a
    # holiday lies before it by its nature; the step says so either way.
    inputs = due.input_map()
    inputs["roll"] = Roll.PREVIOUS_WORKDAY.value
    trail.step("awards.pay_by", due.label, inputs, due.due, p("WPP 7"))
    return due.due


def _paid_late(
    policy: AwardPolicy, member: MemberYear, due_on: date | None, total: Decimal, trail: Trail
) -> bool | None:
    """Whether the member's awards were paid after the due day (``None``: nothing to judge:
    no rule, no award, or no payment recorded), with its step and finding."""
    if due_on is None or total == 0 or member.paid_on is None:
        return None
    assert policy.pay_by is not None
    late = member.paid_on > due_on
    trail.step(
        "awards.paid",
        label("年终奖励发放日是否晚于应发日", "year-end awards paid after the due day?"),
        {"employee": member.employee, "due": due_on, "paid_on": member.paid_on, "amount": total},
        late,
        p("LCL 30"),
        p("WPP 7"),
    )
    if late:
        rule = next(s for s in reversed(trail.steps) if s.rule == "awards.pay_by").label
        trail.find(
            "paid_late",
            subject=member.employee,
            employee=member.employee,
            amount=total,
            due=due_on,
            rule=rule,
            paid_on=member.paid_on,
            days=(member.paid_on - due_on).days,
        )
    return late


def _held(
    policy: AwardPolicy, member: MemberYear, year: int, total: Decimal, trail: Trail
) -> tuple[Decimal, tuple[Requirement, ...]]:
    """What the award rules' missing sign-offs hold back of the member's awards (all or
    nothing) and the sign-offs the rules require, their step and findings added to the
    trail."""
    if not policy.approvals or total == 0:
        return ZERO, ()  # no award, nothing to sign for
    subject = ApprovalSubject(
        subject_id=f"{member.employee} {year}",
        facts=(Fact(kind=AWARD, amount=total),),
        at_stake=total,
    )
    outcome = check_approvals(policy.approvals, subject, member.sign_offs)
    trail.extend(outcome.steps, outcome.findings)
    return outcome.held, outcome.required


def _check_paid_on(member: MemberYear, year: int, total: Decimal, trail: Trail) -> None:
    """Refuse a payment day for a member with no award, or one before the award year
    begins; a payment inside the award year is a finding (its figures were not final)."""
    if member.paid_on is None:
        return
    where = f"MemberYear({member.employee}).paid_on"
    require(
        total != 0,
        where,
        f"no payment day: the member's awards for {year} total {total} (nothing to pay)",
        member.paid_on,
    )
    require(
        member.paid_on >= date(year, 1, 1),
        where,
        f"a day on or after {date(year, 1, 1).isoformat()} (the awards are for {year})",
        member.paid_on,
    )
    if member.paid_on <= date(year, 12, 31):
        trail.find(
            "paid_before_year_end",
            subject=member.employee,
            employee=member.employee,
            amount=total,
            year=year,
            paid_on=member.paid_on,
        )


_NOT_SIGNED: Final = label("未签批", "not signed")


def _paid_before_sign_off(
    member: MemberYear,
    total: Decimal,
    held: Decimal,
    required: tuple[Requirement, ...],
    trail: Trail,
) -> None:
    """A finding for each sign-off the member's awards need that was not given by the day
    they were paid: missing while the awards are held, or dated after the payment
    (undated sign-offs are not compared)."""
    paid_on = member.paid_on
    if paid_on is None:
        return
    seen: set[str] = set()
    for requirement in required:
        role = requirement.approver.role
        if role in seen:
            continue
        signed = requirement.sign_off
        if signed is None:
            if held == 0:
                continue  # reported only (approval_missing), nothing held back
            signed_on: FindingValue = _NOT_SIGNED
        elif signed.signed_on is not None and signed.signed_on > paid_on:
            signed_on = signed.signed_on
        else:
            continue
        seen.add(role)
        trail.find(
            "paid_before_sign_off",
            subject=member.employee,
            employee=member.employee,
            amount=total,
            paid_on=paid_on,
            signed_on=signed_on,
            approver=requirement.approver.title,
            role=role,
        )


def _step(
    trail: Trail,
    rule: str,
    text: Label,
    inputs: Mapping[str, StepValue],
    output: StepValue,
) -> None:
    """Record a step, leaving out the inputs that do not apply (``None``)."""
    trail.step(rule, text, {k: v for k, v in inputs.items() if v is not None}, output)
