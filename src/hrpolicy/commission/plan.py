"""A commission plan as data: effective-dated versions of composable components.

A :class:`Plan` is a list of :class:`PlanVersion` objects whose date ranges may not overlap.
Each version lists components, each with a stable ``component_id`` (lines and carries refer
to it), a ``name`` in the company's words and the ``clause`` of the handbook or contract
that adopts it (劳部发〔1995〕226号 Art. 3: a pay reduction is lawful only when a written
rule provides it, so every component carries its clause).

Components (tagged by ``kind`` in plain data):

- :class:`FixedPay` (``fixed_pay``) — a fixed amount per month, optionally times the
  performance-score coefficient (score ÷ reference score, 80 = 100 %, proportional);
- :class:`TaskBase` (``task_base``) — base salary paid in full when the sales target *and*
  the new-dealer target are met, otherwise as ``proration`` says;
- :class:`Commission` (``commission``) — a band table over a measure (sales, units, gross
  margin, collected, or any value the deals carry by name, such as ``"list"``),
  accumulated over the period or the calendar year, with an optional separate ``basis``
  the rates apply to, multipliers, per-customer overrides, settlement in proportion to
  collection, and caps and floors with carry-forward;
- :class:`OverListShare` (``over_list``) — a share of the price above list (the deal value
  named ``"list"``, or the one ``above`` names), optionally net of VAT, except on deals the
  company negotiated itself;
- :class:`ProfitPool` (``profit_pool``) — a share of branch profit split between roles,
  with minimum shares;
- :class:`ExpenseAllowance` (``expense_allowance``) — an allowance per unit sold;
  overspend is deducted from named bonus components;
- :class:`Draw` (``draw``) — a guaranteed amount against named commission components,
  recoverable from later excess or not.

Deal-level components (``commission``, ``over_list``) are resolved at each deal's signing
date: a new rate applies from its date and earlier deals keep theirs. Period-level
components are resolved at the period's last day. Both resolutions are reported in the
statement's steps.
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from typing import Annotated, Final

import attrs

from hrpolicy.commission.approvals import check_deal_rules
from hrpolicy.commission.model import Measure, reading, value_name
from hrpolicy.core.approvals import ApprovalRule
from hrpolicy.core.bands import BandTable, Semantics
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.fields import (
    NonNegativeMoney,
    Quantity,
    Text,
    argument,
    policy_checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.money import Rate, format_exact
from hrpolicy.core.period import Period, PeriodKind, Season
from hrpolicy.core.versions import check_dates, end_of, ordered_versions, version_on

__all__ = [
    "Commission",
    "Component",
    "Condition",
    "CustomerOverride",
    "DealerCount",
    "Draw",
    "ExpenseAllowance",
    "FixedPay",
    "Frequency",
    "Multiplier",
    "OverListShare",
    "Plan",
    "PlanVersion",
    "PoolShare",
    "ProfitPool",
    "Proration",
    "RoleShare",
    "TaskBase",
    "Window",
]

_HUNDRED_PERCENT = Decimal(1)


class Frequency(Choice):
    """How often a component is settled: in monthly, quarterly, seasonal or yearly
    statements — the statements of a month, a calendar quarter, a sales season the plan
    version names (:attr:`PlanVersion.seasons`) or a calendar year.

    >>> Frequency.of(Period(year=2025, quarter=2))
    <Frequency.QUARTERLY: 'quarterly'>
    """

    MONTHLY = "monthly"
    YEARLY = "yearly"
    QUARTERLY = "quarterly"
    SEASONAL = "seasonal"

    @classmethod
    def of(cls, period: Period) -> Frequency:
        """The frequency settled in a statement for ``period``: monthly components in a
        month's, quarterly in a quarter's, seasonal in a season's, yearly in a year's."""
        return _SETTLED_IN[period.kind]


_SETTLED_IN: Final = {
    PeriodKind.MONTH: Frequency.MONTHLY,
    PeriodKind.QUARTER: Frequency.QUARTERLY,
    PeriodKind.SEASON: Frequency.SEASONAL,
    PeriodKind.YEAR: Frequency.YEARLY,
}


class Window(Choice):
    """Over what a commission table accumulates its measure: each statement period on
    its own, or the calendar year to date (monthly or quarterly statements then carry the
    measure from one to the next; seasons, which need not tile the year, cannot)."""

    PERIOD = "period"
    YEAR = "year"


class Proration(Choice):
    """What a task base pays below target.

    - ``SALES`` — pro rata to the sales target (sales ÷ target);
    - ``LOWEST`` — pro rata to the lowest attainment of the targets;
    - ``NOTHING`` — nothing below target.
    """

    SALES = "sales"
    LOWEST = "lowest"
    NOTHING = "nothing"


class DealerCount(Choice):
    """Which dealers a task base's dealer target counts — the source says "signed", not
    necessarily new, so a plan states which:

    - ``NEW`` — dealers newly signed in the period (``PersonInputs.new_dealers``; the
      default);
    - ``SIGNED`` — every dealer signed in the period, new or renewed
      (``PersonInputs.signed_dealers``).
    """

    NEW = "new"
    SIGNED = "signed"


class Condition(Choice):
    """A deal condition a multiplier depends on."""

    NEW_CUSTOMER = "new_customer"
    SELF_DEVELOPED_MARKET = "self_developed_market"
    COMPANY_NEGOTIATED = "company_negotiated"


def _measure(value: object) -> Measure | str:
    return reading(value, "Commission.measure")


def _basis(value: object) -> Measure | str | None:
    return None if value is None else reading(value, "Commission.basis")


def _positive_factor(path: str, factor: Decimal) -> None:
    require(factor > 0, path, "a factor above 0 (e.g. 1.2 for +20%)", factor)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Multiplier:
    """Multiply a deal's commission by ``factor`` when the deal meets ``condition``.
    Several multipliers that apply are multiplied together."""

    condition: Condition
    factor: Quantity

    def __attrs_post_init__(self) -> None:
        _positive_factor("Multiplier.factor", self.factor)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CustomerOverride:
    """For one customer, ``factor`` replaces the multipliers, as approved by the document
    ``reference`` (签呈)."""

    customer: Text
    factor: Quantity
    reference: Text

    def __attrs_post_init__(self) -> None:
        _positive_factor("CustomerOverride.factor", self.factor)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FixedPay:
    """A fixed monthly amount; with ``score_linked`` it is paid times score ÷
    ``reference_score`` (80 = 100 %, proportional above and below)."""

    component_id: Text
    name: Text
    amount: NonNegativeMoney
    score_linked: bool = False
    reference_score: Quantity = Decimal(80)
    clause: str = ""
    frequency: Frequency = Frequency.MONTHLY

    def __attrs_post_init__(self) -> None:
        require(
            self.reference_score > 0,
            "FixedPay.reference_score",
            "a score above 0",
            self.reference_score,
        )
        require(
            self.frequency is Frequency.MONTHLY,
            "FixedPay.frequency",
            "'monthly' (fixed pay is monthly)",
            self.frequency,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TaskBase:
    """Task base salary (任务底薪): ``amount`` in full when the period's credited sales reach
    ``sales_target`` and the dealers counted reach ``dealer_target`` (0 to 10 000; 0: no
    dealer target);
    below target as ``proration`` says. Attainment above 100 % pays no more.

    Two readings the source leaves open are options, each defaulting to the reading the
    library has always used:

    - ``dealers_counted`` — :attr:`DealerCount.NEW` (only dealers newly signed count) or
      :attr:`DealerCount.SIGNED` (every dealer signed in the period counts);
    - ``literal_sales_proration`` — ``True`` reads "below target the base is paid pro rata
      to the target" literally: pro rata to the *sales* target even when a dealer target
      is set (``proration`` ``SALES``), so sales on target pay the full base with the
      dealer target missed (reported). ``False`` (the default) refuses ``SALES`` with a
      dealer target: prorate to the lowest attainment, or pay nothing, instead.

    >>> base = TaskBase(component_id="base", name="任务底薪", amount=Decimal(3000),
    ...                 sales_target=Decimal(30000), dealer_target=3,
    ...                 proration=Proration.SALES, literal_sales_proration=True)
    >>> base.proration.value, base.dealers_counted.value
    ('sales', 'new')
    """

    component_id: Text
    name: Text
    amount: NonNegativeMoney
    sales_target: NonNegativeMoney
    dealer_target: Annotated[int, IntSpec(min_value=0, max_value=10_000)] = 0
    proration: Proration = Proration.SALES
    clause: str = ""
    frequency: Frequency = Frequency.MONTHLY
    dealers_counted: DealerCount = DealerCount.NEW
    literal_sales_proration: bool = False

    def __attrs_post_init__(self) -> None:
        require(
            self.sales_target > 0 or self.proration is not Proration.SALES,
            "TaskBase.sales_target",
            "a target above 0 to prorate sales against",
            self.sales_target,
        )
        require(
            not (
                self.dealer_target > 0
                and self.proration is Proration.SALES
                and not self.literal_sales_proration
            ),
            "TaskBase.proration",
            "'lowest' or 'nothing' when there is a dealer target (prorating on sales alone "
            "would pay the full base with no dealers signed; set literal_sales_proration "
            "to read the plan that way)",
            self.proration,
        )
        require(
            not self.literal_sales_proration
            or (self.dealer_target > 0 and self.proration is Proration.SALES),
            "TaskBase.literal_sales_proration",
            "False unless the base is prorated on sales ('sales') with a dealer target (the "
            "literal reading decides nothing otherwise)",
            self.literal_sales_proration,
        )
        require(
            self.dealers_counted is DealerCount.NEW or self.dealer_target > 0,
            "TaskBase.dealers_counted",
            "'new' when there is no dealer target (there are no dealers to count)",
            self.dealers_counted,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Commission:
    """A commission table over a measure.

    ``table`` places the accumulated ``measure`` in bands. Its values are rates (``0.01``
    for 1 %) applied to the measure itself, or — with ``basis`` — to the same share of the
    deal's ``basis`` (e.g. units decide the band, contract value is paid on: then the
    table must be marginal). For a ``UNITS`` measure the values are yuan per unit.
    ``measure`` and ``basis`` are each a :class:`~hrpolicy.commission.Measure` or the name
    of a value the deals carry (``"list"``, ``"equipment"``; see
    :class:`~hrpolicy.commission.Deal`). A deal's basis is read only where it is paid on:
    a deal that falls wholly in bands paying 0 needs none.

    Each deal earns the increase it causes in the table's payout on the accumulated
    measure (under the version in force on its signing date), so per-deal lines always add
    up to the period-end amount; the deal's increase is then multiplied by the multipliers
    (or the customer's override) and, with ``settle_on_collection``, by the share of the
    contract collected (a contract of 0 counts as fully collected; a deal that earns
    nothing needs no collection figure). The period amount is then limited by ``cap`` /
    ``floor``; with ``carry_forward`` the excess or the top-up is carried to the next
    statement.
    """

    component_id: Text
    name: Text
    measure: Measure | str = attrs.field(converter=_measure)
    table: BandTable
    basis: Measure | str | None = attrs.field(default=None, converter=_basis)
    window: Window = Window.PERIOD
    frequency: Frequency = Frequency.MONTHLY
    multipliers: tuple[Multiplier, ...] = ()
    overrides: tuple[CustomerOverride, ...] = ()
    settle_on_collection: bool = False
    cap: NonNegativeMoney | None = None
    floor: NonNegativeMoney | None = None
    carry_forward: bool = False
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"Commission({self.component_id})"
        for index, band in enumerate(self.table.bands):
            for name, value in (("value", band.value), ("end_value", band.end_value)):
                if value is not None and value < 0:
                    raise PolicyDefinitionError(
                        f"{path}.table.bands[{index}].{name}", "a rate of 0 or more", value
                    )
            if band.lump_sum < 0:
                raise PolicyDefinitionError(
                    f"{path}.table.bands[{index}].lump_sum", "0 or more", band.lump_sum
                )
        if self.basis is not None and self.basis != self.measure:
            require(
                self.table.semantics is Semantics.MARGINAL,
                f"{path}.table.semantics",
                "'marginal' when a separate basis is paid on",
                self.table.semantics,
            )
        if self.settle_on_collection:
            require(
                Measure.COLLECTED not in (self.measure, self.basis),
                f"{path}.settle_on_collection",
                "False when the table already measures collected cash (it would discount "
                "collection twice)",
                self.settle_on_collection,
            )
        require(
            not (self.window is Window.YEAR and self.frequency is Frequency.SEASONAL),
            f"{path}.window",
            "'period' for a seasonal component (seasons need not tile the year, so there is "
            "no year to date to carry from one season to the next)",
            self.window,
        )
        if self.cap is not None and self.floor is not None:
            require(self.floor <= self.cap, f"{path}.floor", "at most the cap", self.floor)
        require(
            not self.carry_forward or self.cap is not None or self.floor is not None,
            f"{path}.carry_forward",
            "False unless there is a cap or a floor to carry from",
            self.carry_forward,
        )
        require_unique([o.customer for o in self.overrides], f"{path}.overrides", "customer")
        require_unique(
            [m.condition.value for m in self.multipliers], f"{path}.multipliers", "condition"
        )

    @property
    def paid_on(self) -> Measure | str:
        """What the rates are applied to: the basis, or the measure itself."""
        return self.measure if self.basis is None else self.basis


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OverListShare:
    """Share of the price above list (超价提成): ``share`` × (contract − list), divided by
    (1 + ``vat_rate``) when the excess is shared after tax; nothing on deals the company
    negotiated itself.

    The list price is the deal value named ``above`` — ``"list"`` unless the plan shares
    the price above another value its deals carry (a floor price, say)."""

    component_id: Text
    name: Text
    share: Rate
    vat_rate: Rate | None = None
    above: str = "list"
    clause: str = ""
    frequency: Frequency = Frequency.MONTHLY

    def __attrs_post_init__(self) -> None:
        value_name(self.above, "OverListShare.above")
        require(
            Decimal(0) < self.share.value <= 1,
            "OverListShare.share",
            "a share above 0 and at most 100%",
            self.share,
        )
        if self.vat_rate is not None:
            require(
                Decimal(0) <= self.vat_rate.value < 1,
                "OverListShare.vat_rate",
                "a VAT rate from 0 to under 100%",
                self.vat_rate,
            )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RoleShare:
    """A role and its standard share of a deal (plan-level role allocation)."""

    role: Text
    share: Rate


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PoolShare:
    """A role's share of a profit pool and, optionally, the least it may be given."""

    role: Text
    share: Rate
    minimum: Rate | None = None

    def __attrs_post_init__(self) -> None:
        require(Decimal(0) <= self.share.value <= 1, "PoolShare.share", "0 to 100%", self.share)
        if self.minimum is not None:
            require(
                self.share >= self.minimum,
                f"PoolShare({self.role}).share",
                f"at least the minimum {self.minimum}",
                self.share,
            )


def _check_shares(path: str, shares: tuple[Rate, ...]) -> None:
    total = sum((s.value for s in shares), Decimal(0))
    if total != _HUNDRED_PERCENT:
        raise PolicyDefinitionError(
            path, "shares adding up to 100%", f"{format_exact(total * 100)}%"
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ProfitPool:
    """A share of the branch's profit (利润提成) split between roles: the pool is
    ``share`` × profit (nothing when profit is not positive), rounded once, then shared out
    by the largest-remainder rule so no fen is created or lost."""

    component_id: Text
    name: Text
    share: Rate
    shares: tuple[PoolShare, ...]
    clause: str = ""
    frequency: Frequency = Frequency.MONTHLY

    def __attrs_post_init__(self) -> None:
        path = f"ProfitPool({self.component_id})"
        require(
            Decimal(0) < self.share.value <= 1,
            f"{path}.share",
            "a share above 0 and at most 100%",
            self.share,
        )
        require(bool(self.shares), f"{path}.shares", "at least one role", self.shares)
        require_unique([s.role for s in self.shares], f"{path}.shares", "role")
        _check_shares(f"{path}.shares", tuple(s.share for s in self.shares))

    def role_index(self, role: str) -> int:
        """The position of ``role`` in :attr:`shares`."""
        for index, entry in enumerate(self.shares):
            if entry.role == role:
                return index
        raise InvalidValueError(
            "PersonInputs.pool_role",
            f"a role of profit pool '{self.component_id}' "
            f"({', '.join(s.role for s in self.shares)})",
            role,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ExpenseAllowance:
    """Sales-expense allowance of ``per_unit`` yuan per unit credited in the period;
    spending above it is deducted from the components ``deduct_from`` (never below zero —
    what they cannot absorb is reported, not taken from wages)."""

    component_id: Text
    name: Text
    per_unit: NonNegativeMoney
    deduct_from: tuple[str, ...]
    clause: str = ""
    frequency: Frequency = Frequency.MONTHLY

    def __attrs_post_init__(self) -> None:
        require(
            bool(self.deduct_from),
            f"ExpenseAllowance({self.component_id}).deduct_from",
            "at least one component to deduct overspend from",
            self.deduct_from,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Draw:
    """A draw against commission (底薪保障 / 预支): when the ``covers`` components pay less
    than ``amount``, the draw tops them up to it. A ``recoverable`` draw carries the top-up
    as a balance recovered from later commission above the draw; a non-recoverable one is
    a guarantee."""

    component_id: Text
    name: Text
    amount: NonNegativeMoney
    covers: tuple[str, ...]
    recoverable: bool
    clause: str = ""
    frequency: Frequency = Frequency.MONTHLY

    def __attrs_post_init__(self) -> None:
        require(
            bool(self.covers),
            f"Draw({self.component_id}).covers",
            "at least one component",
            self.covers,
        )


#: The components a plan version is built from.
Component = FixedPay | TaskBase | Commission | OverListShare | ProfitPool | ExpenseAllowance | Draw

register_tagged_union(
    Component,
    {
        FixedPay: "fixed_pay",
        TaskBase: "task_base",
        Commission: "commission",
        OverListShare: "over_list",
        ProfitPool: "profit_pool",
        ExpenseAllowance: "expense_allowance",
        Draw: "draw",
    },
)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PlanVersion:
    """The plan as in force from ``effective_from`` to ``effective_to`` (inclusive; ``None``:
    until replaced, i.e. up to the day before the plan's next version starts). ``roles``:
    the standard split of a deal between roles (adding up to 100 %), used by credits that
    give no share. With ``approval_below_list`` a deal below the list price needs the
    general manager's consent — the deal's ``approval`` reference, or a
    ``general_manager`` sign-off covering ``below_list`` — reported as
    ``below_list_without_approval`` (with the deal's amount, its list price and how far
    below it is) when missing: the same check as the rule
    ``ApprovalRule(kind="below_list", approvers=(GENERAL_MANAGER,), holds="nothing")``,
    which in turn counts the deal's ``approval`` as the general manager's sign-off on the
    price. An ``approval`` of only spaces is no consent (it is reported). No two of
    ``approvals`` may be equal. ``approvals`` are the version's other
    approval rules (:class:`~hrpolicy.core.approvals.ApprovalRule`) over the facts a deal
    carries — ``below_list`` (its amount: how far below the value named ``"list"``) and
    ``on_credit`` (its amount: the contract amount) — each holding back ``"nothing"`` or
    the deal's ``"commission"`` while a sign-off is missing; a deal follows the rules of
    the version in force on its signing date. ``reference`` names the document that adopts
    the version (a handbook edition, a board resolution); the explanation of every period
    it settles cites it.

    ``seasons`` are the sales seasons the version settles its ``seasonal`` components in:
    explicit date ranges (:class:`~hrpolicy.core.period.Season`), no two overlapping, each
    ending while the version is in force (a season statement is settled under the
    version in force on the season's last day, and only for a season that version
    names)."""

    version: Text
    effective_from: date
    components: tuple[Component, ...]
    effective_to: date | None = None
    seasons: tuple[Season, ...] = ()
    reference: str = ""
    roles: tuple[RoleShare, ...] = ()
    approval_below_list: bool = False
    approvals: tuple[ApprovalRule, ...] = ()

    def __attrs_post_init__(self) -> None:
        path = f"PlanVersion({self.version})"
        check_dates(path, self)
        check_deal_rules(
            f"{path}.approvals", self.approvals, below_list_flag=self.approval_below_list
        )
        require(bool(self.components), f"{path}.components", "at least one", self.components)
        ids = [c.component_id for c in self.components]
        require_unique(ids, f"{path}.components", "component_id")
        for component_id in ids:
            require(
                "/" not in component_id and "#" not in component_id,
                f"{path}.components",
                "component ids without '/' or '#' (line ids are built from them)",
                component_id,
            )
        by_id = {c.component_id: c for c in self.components}
        deducted: list[str] = [
            target
            for c in self.components
            if isinstance(c, ExpenseAllowance)
            for target in c.deduct_from
        ]
        require_unique(deducted, f"{path}.deduct_from", "bonus (one allowance per bonus)")
        for component in self.components:
            targets: tuple[str, ...] = ()
            if isinstance(component, ExpenseAllowance):
                targets = component.deduct_from
            elif isinstance(component, Draw):
                targets = component.covers
            for target in targets:
                other = by_id.get(target)
                if other is None or isinstance(other, (Draw, ExpenseAllowance)):
                    raise PolicyDefinitionError(
                        f"{path}.{component.component_id}",
                        "references to pay components of this version "
                        f"({', '.join(i for i in ids if i != component.component_id)})",
                        target,
                    )
                if isinstance(component, ExpenseAllowance) and isinstance(
                    other, (FixedPay, TaskBase)
                ):
                    raise PolicyDefinitionError(
                        f"{path}.{component.component_id}.deduct_from",
                        "bonus components (commission, over-list share, profit pool): "
                        "overspend may not be taken from base pay",
                        target,
                    )
                if other.frequency is not component.frequency:
                    raise PolicyDefinitionError(
                        f"{path}.{component.component_id}",
                        f"components settled {component.frequency.value}",
                        f"{target} ({other.frequency.value})",
                    )
        if self.roles:
            require_unique([r.role for r in self.roles], f"{path}.roles", "role")
            _check_shares(f"{path}.roles", tuple(r.share for r in self.roles))
        _check_seasons(path, self)

    def component(self, component_id: str) -> Component | None:
        """The component with ``component_id``, if this version has it."""
        for candidate in self.components:
            if candidate.component_id == component_id:
                return candidate
        return None

    def role_share(self, role: str) -> Rate | None:
        """The standard share of ``role``, if the version defines one."""
        for entry in self.roles:
            if entry.role == role:
                return entry.share
        return None


def _check_seasons(path: str, version: PlanVersion) -> None:
    """The version's seasons: each named once a year, none overlapping another, each
    ending while the version is in force; and some season when a component is seasonal."""
    seasons = sorted(version.seasons, key=lambda s: s.first_day)
    require_unique(
        [f"{s.first_day.year}-{s.name}" for s in seasons], f"{path}.seasons", "season of a year"
    )
    for before, after in itertools.pairwise(seasons):
        require(
            after.first_day > before.last_day,
            f"{path}.seasons",
            f"seasons that do not overlap ({before.name} ends {before.last_day})",
            f"{after.name} from {after.first_day}",
        )
    for season in seasons:
        ends_in_force = season.last_day >= version.effective_from and (
            version.effective_to is None or season.last_day <= version.effective_to
        )
        require(
            ends_in_force,
            f"{path}.seasons",
            f"seasons ending while the version is in force (from {version.effective_from}"
            + (f" to {version.effective_to})" if version.effective_to else ")"),
            f"{season.name} ending {season.last_day}",
        )
    seasonal = [c.component_id for c in version.components if c.frequency is Frequency.SEASONAL]
    require(
        not seasonal or bool(seasons),
        f"{path}.seasons",
        f"at least one season for the seasonal components ({', '.join(seasonal)})",
        version.seasons,
    )


def _identity(component: Component) -> tuple[object, ...]:
    """What must stay the same when a component id reappears in a later version."""
    if isinstance(component, Commission):
        return (Commission, component.measure, component.window, component.frequency)
    return (type(component), component.frequency)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Plan:
    """A commission plan: an id, a name and its effective-dated versions. A version without
    ``effective_to`` runs until the next one starts; one with an end date may not run into
    the next, and a gap after it means no plan is in force, so evaluating a date in it
    raises :class:`~hrpolicy.core.errors.NotCoveredError` (see
    :mod:`hrpolicy.core.versions`)."""

    plan_id: Text
    name: Text
    versions: tuple[PlanVersion, ...]
    _ordered: tuple[PlanVersion, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        path = f"Plan({self.plan_id}).versions"
        ordered = ordered_versions(path, self.versions)
        seen: dict[str, tuple[object, ...]] = {}
        for version in ordered:
            for component in version.components:
                identity = _identity(component)
                previous = seen.setdefault(component.component_id, identity)
                if previous != identity:
                    raise PolicyDefinitionError(
                        f"{path}[{version.version}].{component.component_id}",
                        "the same kind, measure, window and frequency as in earlier versions",
                        component,
                    )
        object.__setattr__(self, "_ordered", ordered)

    def version_on(self, day: date) -> PlanVersion:
        """The version in force on ``day``."""
        return version_on(f"Plan({self.plan_id})", self._ordered, day)

    def versions_between(self, first: date, last: date) -> tuple[PlanVersion, ...]:
        """The versions in force on some day from ``first`` to ``last`` (inclusive), in
        date order."""
        argument(first, date, "first")
        argument(last, date, "last")
        found = []
        for index, version in enumerate(self._ordered):
            end = end_of(self._ordered, index)
            if version.effective_from <= last and (end is None or end >= first):
                found.append(version)
        return tuple(found)
