"""The facts of an expense month: what the salesperson spent, the approved weekly visit
plans and the advances drawn against them, the month's base-target outcome, and the
wages an advance balance is recovered from — and the whole month as one object,
:class:`ExpenseCase`.

Every object is frozen, validated on construction (errors name the field, what was
expected and what came) and converts to and from plain data with
:func:`hrpolicy.to_dict` / :func:`hrpolicy.from_dict`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import attrs

from hrpolicy.core.approvals import SignOff
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.fields import (
    NonNegativeMoney,
    Quantity,
    Text,
    checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.money import ZERO
from hrpolicy.core.period import Period
from hrpolicy.expenses.policy import ExpensePolicy

if TYPE_CHECKING:
    from hrpolicy.expenses.results import ExpenseStatement

__all__ = ["Advance", "Expense", "ExpenseCase", "PayMonth", "RelationshipPlan", "VisitPlan"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Expense:
    """One expense the salesperson paid: its ``category`` (as the policy names it:
    ``"phone"``, ``"lodging"``), the day, the ``amount`` paid, the ``quantity`` of days or
    trips it covers (for a standard per day or per trip), whether a receipt backs it, the
    week of the visit plan it was spent under (``""``: none), the relationship-building
    plan it is charged to (``""``: none) and the sign-offs given on the claim (the branch
    manager's approval, checked against the policy's approval rules)."""

    id: Text
    category: Text
    on: date
    amount: NonNegativeMoney
    quantity: Annotated[int, IntSpec(min_value=1, max_value=366)] = 1
    receipt: bool = True
    plan_week: str = ""
    relationship_plan: str = ""
    sign_offs: tuple[SignOff, ...] = ()
    description: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RelationshipPlan:
    """A relationship-building (公关) plan and its ``budget``: the expenses charged to it
    are reimbursed up to the budget, once the sign-offs the policy's approval rules ask
    for (the department manager's review, the general manager's approval) are given."""

    id: Text
    budget: NonNegativeMoney
    sign_offs: tuple[SignOff, ...] = ()
    description: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class VisitPlan:
    """A weekly visit plan (拜访计划) and its expense ``budget``; ``approved_by`` names the
    manager who approved it (``""``: not approved). The approved plan is the basis for
    advances and reimbursement."""

    week: Text
    budget: NonNegativeMoney
    approved_by: str = ""

    @property
    def approved(self) -> bool:
        """Whether a manager approved the plan."""
        return bool(self.approved_by.strip())


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Advance:
    """An advance (借支) drawn against the visit plan of ``plan_week``: the ``amount`` and
    what of it the salesperson has already ``repaid`` in cash."""

    id: Text
    on: date
    amount: NonNegativeMoney
    plan_week: Text
    repaid: NonNegativeMoney = ZERO

    def __attrs_post_init__(self) -> None:
        require(
            self.repaid <= self.amount,
            "Advance.repaid",
            f"at most the amount advanced {self.amount}",
            self.repaid,
        )

    @property
    def outstanding(self) -> Decimal:
        """What is left of the advance to account for."""
        return self.amount - self.repaid


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PayMonth:
    """A month's wage an advance balance may be recovered from: the ``wage`` before the
    deduction, the local monthly ``minimum_wage`` it may not leave less than, and what
    was ``already_deducted`` in it under the same cap (WPP 16)."""

    period: Period
    wage: NonNegativeMoney
    minimum_wage: NonNegativeMoney
    already_deducted: NonNegativeMoney = ZERO

    def __attrs_post_init__(self) -> None:
        require(
            not self.period.is_year,
            "PayMonth.period",
            "a month (a Period with a month)",
            str(self.period),
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ExpenseCase:
    """One salesperson's expenses for one month (``period``), under ``policy``.

    - ``expenses`` — what was spent: in a lump sum's categories, only days in the month;
      claims at cost may be for earlier days (submitted late), never for later ones;
    - ``units_sold`` — the month's units sold (for a lump sum per unit);
    - ``base_target_met`` — whether the month's task base target was met (for a policy
      paying reimbursement only then: take it from the commission statement of the
      month); ``None`` when not stated;
    - ``visit_plans`` and ``advances`` — the weekly plans and the advances against them;
    - ``relationship_plans`` — the relationship-building plans expenses are charged to;
    - ``pay_months`` — the wages, from this month on, an advance balance is recovered
      from under the deduction cap, in calendar order.
    """

    salesperson: Text
    period: Period
    policy: ExpensePolicy
    expenses: tuple[Expense, ...] = ()
    units_sold: Quantity | None = None
    base_target_met: bool | None = None
    visit_plans: tuple[VisitPlan, ...] = ()
    advances: tuple[Advance, ...] = ()
    relationship_plans: tuple[RelationshipPlan, ...] = ()
    pay_months: tuple[PayMonth, ...] = ()

    def __attrs_post_init__(self) -> None:
        require(
            not self.period.is_year,
            "ExpenseCase.period",
            "a month (a Period with a month)",
            str(self.period),
        )
        require_unique([e.id for e in self.expenses], "ExpenseCase.expenses", "expense id")
        require_unique([a.id for a in self.advances], "ExpenseCase.advances", "advance id")
        require_unique([v.week for v in self.visit_plans], "ExpenseCase.visit_plans", "week")
        require_unique(
            [r.id for r in self.relationship_plans], "ExpenseCase.relationship_plans", "plan id"
        )
        require_unique([str(m.period) for m in self.pay_months], "ExpenseCase.pay_months", "month")

    def settle(self, policy: ExpensePolicy | None = None) -> ExpenseStatement:
        """Settle the month (see :func:`hrpolicy.expenses.settle_expenses`); ``policy``
        overrides :attr:`policy`, for a what-if."""
        from hrpolicy.expenses.engine import settle_expenses  # noqa: PLC0415 - the engine imports this module

        return settle_expenses(self, policy)
