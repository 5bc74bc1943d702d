"""The facts a commission statement is computed from: deals, who is credited with them,
the period, and what else the month brings (new dealers, score, expenses, branch profit,
the local minimum wage, amounts carried from the previous statement).

Every object is frozen and validated on construction; errors name the field, what was
expected and what came. Money is CNY (``Decimal``; floats are refused); every optional
fact is ``None`` until given, and an engine that needs a missing fact raises
:class:`~hrpolicy.core.errors.InvalidValueError` naming it rather than assuming zero.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.fields import (
    Money,
    NonNegativeInt,
    NonNegativeMoney,
    Quantity,
    Text,
    checked,
    enum_argument,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period
from hrpolicy.core.statement import PaidLine

__all__ = [
    "MEASURES",
    "Carry",
    "Credit",
    "Deal",
    "Measure",
    "PaidLine",
    "Period",
    "PersonInputs",
]

_WHOLE: Final = Rate.parse("100%")

#: The only currency the library computes in.
CURRENCY: Final = "CNY"


class Measure(enum.Enum):
    """What a deal contributes to a commission table.

    - ``SALES`` — the contract amount (合同金额);
    - ``UNITS`` — units sold (份, 台);
    - ``LIST_VALUE`` — the deal at the company list price (公司价格 / 设备价值);
    - ``GROSS_MARGIN`` — sales − product cost − customer-attributable expenses − internal
      allocated cost (销售毛利); it can be negative;
    - ``COLLECTED`` — cash collected on the deal, never more than the contract amount.
    """

    SALES = "sales"
    UNITS = "units"
    LIST_VALUE = "list_value"
    GROSS_MARGIN = "gross_margin"
    COLLECTED = "collected"


#: Bilingual names of the measures, for explanations.
MEASURES: Final = {
    Measure.SALES: Label("销售额", "sales"),
    Measure.UNITS: Label("数量", "units"),
    Measure.LIST_VALUE: Label("公司价格金额", "value at list price"),
    Measure.GROSS_MARGIN: Label("销售毛利", "gross margin"),
    Measure.COLLECTED: Label("回款额", "collected"),
}


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Credit:
    """One person's share of a deal: ``role`` (e.g. ``"sales"``, ``"service"``) and
    ``share``; with ``share=None`` the plan's standard share for the role applies."""

    employee: Text
    role: Text
    share: Rate | None = None

    def __attrs_post_init__(self) -> None:
        if self.share is not None:
            require(
                Decimal(0) < self.share.value <= 1,
                "Credit.share",
                "a share above 0 and at most 100%",
                self.share,
            )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deal:
    """A signed deal (one contract or order line).

    ``owner`` is credited with the whole deal unless ``split`` lists the people credited
    and their roles. ``list_amount`` is the deal at the company list price; a deal below it
    needs ``approval`` (the reference of the approving document, 签呈) where the plan says
    so. The cost fields are needed only by gross-margin tables; ``collected`` only by
    components settled on collection and by the ``COLLECTED`` measure.
    """

    deal_id: Text
    owner: Text
    signed_on: date
    amount: NonNegativeMoney
    currency: str = CURRENCY
    units: Quantity | None = None
    list_amount: NonNegativeMoney | None = None
    product_cost: NonNegativeMoney | None = None
    customer_expenses: NonNegativeMoney | None = None
    internal_allocation: NonNegativeMoney | None = None
    collected: NonNegativeMoney | None = None
    customer: str | None = None
    new_customer: bool = False
    self_developed_market: bool = False
    company_negotiated: bool = False
    approval: str | None = None
    split: tuple[Credit, ...] = ()
    _credits: tuple[Credit, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        require(
            self.currency == CURRENCY,
            "Deal.currency",
            f"'{CURRENCY}' (amounts are in yuan; convert other currencies first)",
            self.currency,
        )
        require_unique([c.employee for c in self.split], "Deal.split", "employee")
        whole = (Credit(employee=self.owner, role="sales", share=_WHOLE),)
        object.__setattr__(self, "_credits", self.split or whole)

    @property
    def credits(self) -> tuple[Credit, ...]:
        """The people credited: the split, or the owner alone at 100% in the role
        ``"sales"``."""
        return self._credits

    def measure(self, which: Measure) -> Fraction:
        """The deal's contribution to ``which``, exactly; a missing fact is an error."""
        which = enum_argument(which, Measure, "which")
        if which is Measure.SALES:
            return Fraction(self.amount)
        if which is Measure.UNITS:
            return Fraction(self._needed("units", self.units, which))
        if which is Measure.LIST_VALUE:
            return Fraction(self._needed("list_amount", self.list_amount, which))
        if which is Measure.COLLECTED:
            collected = self._needed("collected", self.collected, which)
            return Fraction(min(collected, self.amount))
        costs = (
            self._needed("product_cost", self.product_cost, which),
            self._needed("customer_expenses", self.customer_expenses, which),
            self._needed("internal_allocation", self.internal_allocation, which),
        )
        return Fraction(self.amount) - sum((Fraction(c) for c in costs), Fraction(0))

    def _needed(self, name: str, value: Decimal | None, which: Measure) -> Decimal:
        if value is None:
            raise InvalidValueError(
                f"Deal({self.deal_id}).{name}",
                f"a value: the plan measures {which.value}",
                None,
            )
        return value


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Carry:
    """What one component carries from the previous statement to the next.

    - ``measure_to_date`` — the year-to-date measure a year-accumulating table has reached;
    - ``earned_to_date`` / ``paid_to_date`` — what statements have made payable for the
      component this year, and what payroll actually paid; when both are given the
      statement adds a true-up line of ``earned_to_date − paid_to_date``;
    - ``carried`` — an amount carried forward: excess above a cap (positive) or a floor
      top-up still to be recovered (negative); for a draw, the balance still recoverable.

    A statement's ``carry_out`` gives the next statement's carries (with ``paid_to_date``
    assuming it was paid as stated; replace it with what payroll paid).
    """

    component: Text
    measure_to_date: Decimal = Decimal(0)
    earned_to_date: Money | None = None
    paid_to_date: Money | None = None
    carried: Money = Decimal(0)

    def __attrs_post_init__(self) -> None:
        if self.paid_to_date is not None:
            require(
                self.earned_to_date is not None,
                f"Carry({self.component}).earned_to_date",
                "a value whenever paid_to_date is given (the true-up compares them)",
                None,
            )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PersonInputs:
    """One person's facts for one period, besides the deals.

    ``new_dealers``: agents or dealers newly signed (task base targets); ``score``: the
    month's performance score (score-linked pay); ``expenses``: sales expenses spent
    (expense allowances); ``branch_profit``, ``pool_role`` and ``branch``: for profit pools
    (in a team run, the people of one branch share one profit and hold distinct roles);
    ``minimum_wage``: the local monthly minimum wage in force (checked, never assumed);
    ``other_pay``: other wages of the month that count towards the minimum wage (not
    overtime, special allowances or statutory welfare — MWP Art. 12); ``paid``: what earlier
    runs of this same period paid, line by line, so a re-run (after a late collection, a
    corrected deal) pays only the difference.
    """

    employee: Text
    new_dealers: NonNegativeInt | None = None
    score: Quantity | None = None
    expenses: NonNegativeMoney | None = None
    branch_profit: Money | None = None
    pool_role: str | None = None
    branch: str | None = None
    minimum_wage: NonNegativeMoney | None = None
    other_pay: NonNegativeMoney = Decimal(0)
    carries: tuple[Carry, ...] = ()
    paid: tuple[PaidLine, ...] = ()

    def __attrs_post_init__(self) -> None:
        require_unique([c.component for c in self.carries], "PersonInputs.carries", "component")
        require_unique([p.line_id for p in self.paid], "PersonInputs.paid", "line_id")

    def carry_for(self, component: str) -> Carry | None:
        """The carry given for ``component``, if any."""
        for carry in self.carries:
            if carry.component == component:
                return carry
        return None

    def needed(self, name: str, component: str) -> object:
        """The value of fact ``name``; an error naming the component that needs it."""
        value = getattr(self, name)
        if value is None:
            raise InvalidValueError(
                f"PersonInputs({self.employee}).{name}",
                f"a value: component '{component}' needs it",
                None,
            )
        return value
