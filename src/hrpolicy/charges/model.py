"""The facts of a charges case: the worker and the relationship, the agreement's charge
clauses, what happened, what was taken and how, and the wages to recover from — and the
whole case as one object, :class:`ChargeCase`.

Every object is frozen, validated on construction (errors name the field, what was
expected and what came) and converts to and from plain data with :func:`hrpolicy.to_dict`
/ :func:`hrpolicy.from_dict`. Dates are inclusive (``PayPeriod.end`` is the period's last
day; ``Worker.left_on`` is the last day worked).

The relationship is an input, never guessed: :class:`Worker` states it together with the
facts that decide it (an enrolled student, a pension drawn, the hours worked), and the
engine refuses or flags a contradiction between them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import attrs

from hrpolicy.charges.policy import ChargePolicy
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.fields import (
    NonNegativeMoney,
    PositiveInt,
    Quantity,
    Text,
    checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period

if TYPE_CHECKING:
    from hrpolicy.charges.results import ChargeSettlement

__all__ = [
    "Charge",
    "ChargeAgreement",
    "ChargeCase",
    "CompensationPayment",
    "Deposit",
    "DepositBasis",
    "Fine",
    "Incident",
    "LossCompensation",
    "Means",
    "NonCompete",
    "NonCompetePay",
    "PayPeriod",
    "Penalty",
    "PerItemCharge",
    "Relationship",
    "Role",
    "Taking",
    "Trigger",
    "Worker",
]

#: Hours in a week: the most a worker's weekly hours can be.
_WEEK_HOURS = Decimal(168)
#: The most hours a week part-time labour may have at one employer (LCL 68).
_PART_TIME_WEEK = Decimal(24)


# --- the worker and the relationship ---------------------------------------------------


class Relationship(Choice):
    """The legal relationship under which the worker works.

    - ``LABOUR_CONTRACT`` — full-time employment (全日制): the Labour Contract Law in full;
    - ``PART_TIME`` — part-time labour (非全日制用工, LCL 68–72): still a labour
      relationship (LCL 9 and 25 apply), paid at least every 15 days, the local *hourly*
      minimum wage;
    - ``LABOUR_SERVICE`` — a labour-service agreement (劳务关系) with a student working
      in spare time while studying (MOL-309 Art. 12) or a worker drawing a pension (SPC-I
      Art. 32): the Civil Code governs.
    """

    LABOUR_CONTRACT = "labour_contract"
    PART_TIME = "part_time"
    LABOUR_SERVICE = "labour_service"

    @property
    def is_labour(self) -> bool:
        """Whether the Labour Contract Law governs (a labour contract or part-time labour)."""
        return self is not Relationship.LABOUR_SERVICE


class Role(Choice):
    """The worker's role, as LCL 24 names those a non-compete may bind: senior managers,
    senior technical staff and others bound to confidentiality — or ``OTHER``."""

    SENIOR_MANAGER = "senior_manager"
    SENIOR_TECHNICAL = "senior_technical"
    CONFIDENTIALITY = "confidentiality"
    OTHER = "other"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Worker:
    """The worker, the relationship claimed, and the facts that decide it.

    ``started`` is the first day of work under the agreement and ``left_on`` the last
    (``None`` while the agreement runs). ``enrolled_student`` — a full-time student
    working in spare time while studying; ``drawing_pension`` — already drawing a basic pension or
    retirement benefits; ``weekly_hours`` — the average hours worked a week, if known.
    """

    id: Text
    relationship: Relationship
    started: date
    left_on: date | None = None
    enrolled_student: bool = False
    drawing_pension: bool = False
    weekly_hours: Quantity | None = None
    role: Role = Role.OTHER
    name: str = ""

    def __attrs_post_init__(self) -> None:
        if self.left_on is not None:
            require(
                self.left_on >= self.started,
                "Worker.left_on",
                f"a date on or after the first day of work {self.started.isoformat()}",
                self.left_on,
            )
        if self.weekly_hours is not None:
            require(
                self.weekly_hours <= _WEEK_HOURS,
                "Worker.weekly_hours",
                "at most 168 hours (the hours in a week)",
                self.weekly_hours,
            )
        # Facts that decide the relationship by law are never overridden by the label.
        if self.drawing_pension and self.relationship.is_labour:
            raise InvalidValueError(
                "Worker.relationship",
                "labour_service for a worker already drawing a pension (SPC-I Art. 32: "
                "treated as labour service)",
                self.relationship.value,
            )
        if (
            self.relationship is Relationship.PART_TIME
            and self.weekly_hours is not None
            and self.weekly_hours > _PART_TIME_WEEK
        ):
            raise InvalidValueError(
                "Worker.weekly_hours",
                "at most 24 hours a week for part-time labour (LCL 68); more is a labour contract",
                self.weekly_hours,
            )


# --- the agreement's charge clauses -------------------------------------------------------


class Trigger(Choice):
    """The event a charge clause is due for."""

    LOST_OR_DAMAGED = "lost_or_damaged"  # materials or goods lost or badly damaged
    COMPETITOR_DURING = "competitor_during"  # working for a competitor during the agreement
    COMPETITOR_AFTER = "competitor_after"  # working for a competitor after leaving
    EARLY_EXIT = "early_exit"  # leaving before the agreed term
    RULE_BREACH = "rule_breach"  # breaking a work rule (lateness, a missed report…)
    OTHER = "other"


class DepositBasis(Choice):
    """What a deposit clause takes: cash, a sum equal to the goods taken out to show
    customers, or a guarantee or other property as security."""

    CASH = "cash"
    GOODS = "goods"
    GUARANTEE = "guarantee"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deposit:
    """A deposit (押金): ``amount`` to be held, returned ``refund_within_days`` after the
    agreement ends (or the goods come back), if the clause says."""

    ref: Text
    amount: NonNegativeMoney
    basis: DepositBasis = DepositBasis.CASH
    refund_within_days: Annotated[int, IntSpec(min_value=0, max_value=3660)] | None = None
    text: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Fine:
    """A fine (罚款) of ``amount`` for ``trigger``; ``in_democratic_rules`` — the fine is in
    work rules adopted through the democratic procedure and made known (LCL 4)."""

    ref: Text
    amount: NonNegativeMoney
    trigger: Trigger
    in_democratic_rules: bool = False
    text: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Penalty:
    """An agreed penalty (违约金) of ``amount`` for ``trigger``."""

    ref: Text
    amount: NonNegativeMoney
    trigger: Trigger
    text: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PerItemCharge:
    """A fixed charge of ``amount`` per item (or per breach) for ``trigger`` — "30 yuan a
    set of promotional material lost"."""

    ref: Text
    amount: NonNegativeMoney
    trigger: Trigger
    text: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LossCompensation:
    """ "Compensate all losses" for ``trigger``: the clause names no figure."""

    ref: Text
    trigger: Trigger
    text: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NonCompete:
    """A post-employment non-compete (竞业限制): ``months`` after leaving, a ``penalty`` for
    breaking it, and ``monthly_compensation`` (``None`` when the agreement sets none)."""

    ref: Text
    penalty: NonNegativeMoney
    months: Annotated[int, IntSpec(min_value=1, max_value=1200)]
    monthly_compensation: NonNegativeMoney | None = None
    text: str = ""


#: The charge clauses an agreement may put on a worker.
Charge = Deposit | Fine | Penalty | PerItemCharge | LossCompensation | NonCompete

register_tagged_union(
    Charge,
    {
        Deposit: "deposit",
        Fine: "fine",
        Penalty: "penalty",
        PerItemCharge: "per_item",
        LossCompensation: "loss_compensation",
        NonCompete: "non_compete",
    },
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ChargeAgreement:
    """The agreement (a labour contract, a part-time agreement, a labour-service agreement)
    and its charge clauses, each with a ``ref`` unique in the agreement."""

    id: Text
    signed_on: date
    charges: tuple[Charge, ...]
    ends_on: date | None = None
    title: str = ""

    def __attrs_post_init__(self) -> None:
        require_unique([c.ref for c in self.charges], "ChargeAgreement.charges", "clause ref")
        if self.ends_on is not None:
            require(
                self.ends_on >= self.signed_on,
                "ChargeAgreement.ends_on",
                f"a date on or after signing {self.signed_on.isoformat()}",
                self.ends_on,
            )

    def charge(self, ref: str) -> Charge | None:
        """The clause ``ref``, or ``None``."""
        return next((c for c in self.charges if c.ref == ref), None)


# --- what happened, what was taken, the wages ---------------------------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Incident:
    """An event a clause may be due for: ``items`` lost (for a per-item charge), the loss
    actually proven (``None`` when none is proven), and ``liability`` — the share of the
    proven loss the worker answers for, as a tribunal weighs fault (100 % unless stated)."""

    id: Text
    trigger: Trigger
    on: date
    items: PositiveInt = 1
    proven_loss: NonNegativeMoney | None = None
    liability: Rate = attrs.field(factory=lambda: Rate.parse("100%"))
    description: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            Decimal(0) <= self.liability.value <= 1,
            "Incident.liability",
            "a share from 0 % to 100 %",
            self.liability,
        )


class Means(Choice):
    """How money was taken: paid by the worker, deducted from wages, or drawn from a
    deposit the employer holds."""

    PAID = "paid"
    DEDUCTED_FROM_WAGES = "deducted_from_wages"
    FROM_DEPOSIT = "from_deposit"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Taking:
    """Money the employer took under clause ``clause`` (for ``incident``, if any): the
    amount, how, on which day, and what of it has already been given back."""

    id: Text
    clause: Text
    amount: NonNegativeMoney
    means: Means
    on: date
    incident: str = ""
    returned: NonNegativeMoney = Decimal(0)

    def __attrs_post_init__(self) -> None:
        require(
            self.returned <= self.amount,
            "Taking.returned",
            f"at most the amount taken {self.amount}",
            self.returned,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PayPeriod:
    """One pay period, ``start`` to ``end``: the wage before any deduction, and the floor a
    deduction may not break — ``minimum_wage`` (the local monthly minimum) for a labour
    contract; ``hours`` worked and ``hourly_minimum_wage`` for part-time labour."""

    start: date
    end: date
    wage: NonNegativeMoney
    minimum_wage: NonNegativeMoney | None = None
    hours: Quantity | None = None
    hourly_minimum_wage: NonNegativeMoney | None = None

    def __attrs_post_init__(self) -> None:
        require(
            self.end >= self.start,
            "PayPeriod.end",
            f"a date on or after the start {self.start.isoformat()}",
            self.end,
        )

    @property
    def label(self) -> str:
        """The period as text, ``2026-03`` for a calendar month, else ``start..end``."""
        if (
            self.start.day == 1
            and self.end == Period(year=self.start.year, month=self.start.month).last_day
        ):
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CompensationPayment:
    """Non-compete compensation paid to the worker after leaving."""

    on: date
    amount: NonNegativeMoney


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NonCompetePay:
    """The facts that fix non-compete compensation: the worker's average monthly wage over
    the 12 months before leaving and the local monthly minimum wage (needed when the
    agreement sets no compensation, SPC-I Art. 36), and what was paid."""

    average_monthly_wage: NonNegativeMoney | None = None
    minimum_wage: NonNegativeMoney | None = None
    payments: tuple[CompensationPayment, ...] = ()


# --- the whole case --------------------------------------------------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ChargeCase:
    """Everything needed to settle the charges an agreement puts on one worker, as of one
    day (``as_of``: the day of the settlement; pay periods ending after it are still to
    come, so recovery from wages is scheduled over them).

    Ids of incidents and takings are unique; the engine refuses a taking under a clause
    the agreement lacks, a deduction in no pay period given, and pay periods that overlap.
    """

    worker: Worker
    agreement: ChargeAgreement
    as_of: date
    incidents: tuple[Incident, ...] = ()
    takings: tuple[Taking, ...] = ()
    pay_periods: tuple[PayPeriod, ...] = ()
    non_compete: NonCompetePay | None = None
    policy: ChargePolicy = attrs.field(factory=ChargePolicy)

    def __attrs_post_init__(self) -> None:
        require_unique([i.id for i in self.incidents], "ChargeCase.incidents", "incident id")
        require_unique([t.id for t in self.takings], "ChargeCase.takings", "taking id")

    def settle(self, policy: ChargePolicy | None = None) -> ChargeSettlement:
        """Settle the case (see :func:`hrpolicy.charges.settle_charges`); ``policy``
        overrides :attr:`policy`, for a what-if."""
        from hrpolicy.charges.engine import settle_charges  # noqa: PLC0415 - the engine imports this module

        return settle_charges(self, policy)
