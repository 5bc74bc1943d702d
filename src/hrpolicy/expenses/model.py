"""The facts of an expense month: what the salesperson spent, the approved weekly visit
plans and the advances drawn against them, the month's base-target outcome, and the
wages an advance balance is recovered from — and the whole month as one object,
:class:`ExpenseCase`.

Every object is frozen, validated on construction (errors name the field, what was
expected and what came) and converts to and from plain data with
:func:`hrpolicy.to_dict` / :func:`hrpolicy.from_dict`.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import attrs

from hrpolicy.core.approvals import SignOff
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.fields import (
    NonNegativeMoney,
    Quantity,
    Text,
    checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.money import ZERO, money_sum
from hrpolicy.core.period import Period
from hrpolicy.core.recovery import recovery_cap
from hrpolicy.expenses.policy import ExpensePolicy

if TYPE_CHECKING:
    from hrpolicy.expenses.results import ExpenseStatement

__all__ = [
    "Advance",
    "Expense",
    "ExpenseCase",
    "HeldClaim",
    "PayMonth",
    "Reimbursed",
    "RelationshipPlan",
    "VisitPlan",
    "iso_week_end",
]

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def iso_week_end(week: str, path: str = "week") -> date:
    """The Sunday an ISO week (``"2026-W19"``) ends on.

    Raises:
        InvalidValueError: ``week`` is not ``YYYY-Www`` or names a week the year lacks.

    >>> iso_week_end("2026-W19")
    datetime.date(2026, 5, 10)
    >>> iso_week_end("W19")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: week: expected an ISO week 'YYYY-Www' (2026-W19),
    got str 'W19'
    """
    match = _ISO_WEEK.match(week)
    if match is None:
        raise InvalidValueError(path, "an ISO week 'YYYY-Www' (2026-W19)", week)
    year, number = int(match.group(1)), int(match.group(2))
    try:
        return date.fromisocalendar(year, number, 7)
    except ValueError:
        raise InvalidValueError(
            path, f"an ISO week of {year} (week 01 to {_weeks_in(year):02d})", week
        ) from None


def _weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


def _unique_sign_offs(sign_offs: tuple[SignOff, ...], path: str) -> None:
    require_unique([s.approver for s in sign_offs], path, "approver role (one sign-off each)")


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

    def __attrs_post_init__(self) -> None:
        _unique_sign_offs(self.sign_offs, "Expense.sign_offs")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class HeldClaim:
    """A claim an earlier statement held for the base target (its claim line's ``held``
    amount, status ``held_for_target``), brought into a later month's case to be paid:
    the ``expense`` id, its ``category`` and day ``on``, the month it was ``held_in`` and
    the ``amount`` still due. It was settled to its standards (and counted against its
    caps) when it was held, so it is paid as it stands, once; the same id may not come
    back as an :class:`Expense` too."""

    expense: Text
    category: Text
    on: date
    held_in: Period
    amount: NonNegativeMoney


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Reimbursed:
    """What earlier statements reimbursed (or held for the target) for ``category``'s
    claims dated in ``month``: counted against a monthly cap of the category, so a claim
    submitted late never gets that month's cap afresh."""

    category: Text
    month: Period
    amount: NonNegativeMoney

    def __attrs_post_init__(self) -> None:
        require(
            self.month.is_month,
            "Reimbursed.month",
            "a month (a Period with a month)",
            str(self.month),
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RelationshipPlan:
    """A relationship-building (公关) plan and its ``budget``: the expenses charged to it
    are reimbursed up to the budget, once the sign-offs the policy's approval rules ask
    for (the department manager's review, the general manager's approval) are given.
    ``charged_before`` is what earlier statements already charged to the plan (a plan
    running over several months has one budget, not one a month)."""

    id: Text
    budget: NonNegativeMoney
    sign_offs: tuple[SignOff, ...] = ()
    charged_before: NonNegativeMoney = ZERO
    description: str = ""

    def __attrs_post_init__(self) -> None:
        _unique_sign_offs(self.sign_offs, "RelationshipPlan.sign_offs")
        require(
            self.charged_before <= self.budget,
            "RelationshipPlan.charged_before",
            f"at most the budget {self.budget}",
            self.charged_before,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class VisitPlan:
    """A weekly visit plan (拜访计划) for the ISO ``week`` (``"2026-W19"``) and its
    expense ``budget``; ``approved_by`` names the manager who approved it (``""``: not
    approved). The approved plan is the basis for advances and reimbursement."""

    week: Text
    budget: NonNegativeMoney
    approved_by: str = ""

    def __attrs_post_init__(self) -> None:
        iso_week_end(self.week, "VisitPlan.week")

    @property
    def ends_on(self) -> date:
        """The Sunday the plan's week ends on."""
        return iso_week_end(self.week)

    @property
    def approved(self) -> bool:
        """Whether a manager approved the plan."""
        return bool(self.approved_by.strip())


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Advance:
    """An advance (借支) drawn against the visit plan of ``plan_week``: the ``amount``,
    what of it the salesperson has already ``repaid`` in cash, and what earlier
    statements already ``accounted_before`` — set off against claims, or scheduled for
    recovery from wages (an advance line's ``accounted``; see
    :meth:`~hrpolicy.expenses.results.ExpenseStatement.next_advances`). An advance
    restated in a later month's case is so never recovered twice."""

    id: Text
    on: date
    amount: NonNegativeMoney
    plan_week: Text
    repaid: NonNegativeMoney = ZERO
    accounted_before: NonNegativeMoney = ZERO

    def __attrs_post_init__(self) -> None:
        require(
            self.repaid <= self.amount,
            "Advance.repaid",
            f"at most the amount advanced {self.amount}",
            self.repaid,
        )
        require(
            self.repaid + self.accounted_before <= self.amount,
            "Advance.accounted_before",
            f"at most the amount advanced {self.amount} less what was repaid {self.repaid}",
            self.accounted_before,
        )

    @property
    def outstanding(self) -> Decimal:
        """What is left of the advance to account for."""
        return money_sum((self.amount, -self.repaid, -self.accounted_before))


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
        cap = recovery_cap(self.wage, self.minimum_wage)
        require(
            self.already_deducted <= cap,
            "PayMonth.already_deducted",
            f"at most the month's deduction cap {cap} (20 % of the wage, never leaving less "
            "than the minimum wage: WPP 16)",
            self.already_deducted,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ExpenseCase:
    """One salesperson's expenses for one month (``period``), under ``policy``.

    - ``expenses`` — what was spent, never after the month: claims at cost may be for
      earlier days (submitted late); an expense of a lump sum's category dated outside
      the month counts against no lump sum (a finding says so); a claim for an earlier
      month under a monthly cap needs that month's ``reimbursed_before`` row;
    - ``held_claims`` — claims earlier statements held for the base target, to be paid
      now (each once);
    - ``reimbursed_before`` — what earlier statements reimbursed per category and month,
      counted against the monthly caps;
    - ``units_sold`` — the month's units sold (for a lump sum per unit);
    - ``base_target_met`` — whether the month's task base target was met (for a policy
      paying reimbursement only then: take it from the commission statement of the
      month); ``None`` when not stated;
    - ``visit_plans`` and ``advances`` — the weekly plans and the advances against them
      (each stating what earlier statements accounted for);
    - ``relationship_plans`` — the relationship-building plans expenses are charged to;
    - ``pay_months`` — the wages, from this month on, an advance balance is recovered
      from under the deduction cap, in calendar order.
    """

    salesperson: Text
    period: Period
    policy: ExpensePolicy
    expenses: tuple[Expense, ...] = ()
    held_claims: tuple[HeldClaim, ...] = ()
    reimbursed_before: tuple[Reimbursed, ...] = ()
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
        ids = {e.id for e in self.expenses}
        for index, held in enumerate(self.held_claims):
            require(
                held.expense not in ids,
                f"ExpenseCase.held_claims[{index}].expense",
                "a claim not also among the expenses (a held claim is paid once: as held)",
                held.expense,
            )
            require(
                held.held_in.first_day < self.period.first_day,
                f"ExpenseCase.held_claims[{index}].held_in",
                f"a month before {self.period}",
                str(held.held_in),
            )
        require_unique(
            [h.expense for h in self.held_claims], "ExpenseCase.held_claims", "expense id"
        )
        require_unique(
            [f"{r.category}/{r.month}" for r in self.reimbursed_before],
            "ExpenseCase.reimbursed_before",
            "(category, month) pair",
        )
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
