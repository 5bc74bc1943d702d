"""A company's expense rules as data: lump sums, reimbursement standards and caps, the
base-target condition and the options where practice splits.

:class:`ExpensePolicy` holds them. A lump sum (:class:`LumpSum`) is paid whatever is
spent on the categories it covers: the salesperson keeps the saving and bears the
overspend. Every other category is reimbursed at cost to its standards
(:class:`Standard`): a share of the cost, at most a limit per claim, per day, per trip
or per month. A category is covered by one lump sum at most, and never both by a lump
sum and by standards.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Final

import attrs

from hrpolicy.core.approvals import (
    BUDGET_ABOVE,
    EXPENSE_ABOVE,
    RELATIONSHIP_PLAN,
    ApprovalRule,
    Holds,
)
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import PolicyDefinitionError
from hrpolicy.core.fields import (
    NonNegativeMoney,
    Quantity,
    Text,
    policy_checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.options import departures, options_label

__all__ = [
    "APPROVAL_HOLDS",
    "APPROVAL_KINDS",
    "Basis",
    "ExpensePolicy",
    "LumpSum",
    "Per",
    "Standard",
    "UnmetTarget",
]

#: The kinds of approval rule the expenses engine applies: to each claim, and to a
#: relationship-building plan (its plan and its budget).
APPROVAL_KINDS: Final = (EXPENSE_ABOVE, RELATIONSHIP_PLAN, BUDGET_ABOVE)
#: What an expenses approval rule may hold back: nothing (reported only) or the
#: reimbursement.
APPROVAL_HOLDS: Final = (Holds.NOTHING, Holds.REIMBURSEMENT)


class Basis(Choice):
    """What a lump sum is paid for: ``MONTH`` — a fixed sum each month (800–1,000 yuan
    for fares, phone and travel allowance); ``UNIT`` — a sum per unit sold (0.3 yuan per
    kg)."""

    MONTH = "month"
    UNIT = "unit"


class Per(Choice):
    """What a standard's limit applies to: each ``CLAIM``; each ``DAY`` or ``TRIP`` the
    claim covers (its ``quantity``); or each calendar ``MONTH``, across the category's
    claims dated in it."""

    CLAIM = "claim"
    DAY = "day"
    TRIP = "trip"
    MONTH = "month"


class UnmetTarget(Choice):
    """What becomes of reimbursement due in a month whose base target is not met, when
    the policy pays reimbursement only in a month the target is met. ``HELD`` (the
    default): it is held and paid in the next month the target is met; ``FORFEITED``: it
    is lost, and a finding says the salesperson then bears a cost of the employer's
    business."""

    HELD = "held"
    FORFEITED = "forfeited"


def _full() -> Rate:
    return Rate.parse("100%")


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LumpSum:
    """A lump sum (包干) of ``amount`` yuan a month (``basis=MONTH``, to the fen) or per
    unit sold (``basis=UNIT``, ``unit`` naming it: ``"kg"``; an exact rate such as
    ``0.025``, the allowance rounded half up to the fen once), covering the expense
    categories in ``covers`` (``"fares"``, ``"phone"``, ``"travel_allowance"``): the
    salesperson keeps what is saved and bears any overspend."""

    ref: Text
    basis: Basis
    amount: Quantity
    covers: tuple[Text, ...]
    unit: str = ""
    text: str = ""

    def __attrs_post_init__(self) -> None:
        require(bool(self.covers), "LumpSum.covers", "at least one expense category", self.covers)
        require_unique(list(self.covers), "LumpSum.covers", "category")
        if self.basis is Basis.UNIT:
            require(
                bool(self.unit.strip()),
                "LumpSum.unit",
                "the unit a per-unit lump sum is paid for ('kg', 'set')",
                self.unit,
            )
        else:
            require(
                not self.unit.strip(),
                "LumpSum.unit",
                "no unit for a lump sum by the month (a unit is for basis='unit')",
                self.unit,
            )
            require(
                self.amount == self.amount.quantize(Decimal("0.01")),
                "LumpSum.amount",
                "a monthly sum in CNY with at most 2 decimal places",
                self.amount,
            )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Standard:
    """A reimbursement standard for ``category``: ``share`` of the cost is reimbursed
    (100 %, or a part: "phone costs reimbursed in part"), at most ``limit`` yuan ``per``
    claim, day, trip or month."""

    category: Text
    limit: NonNegativeMoney
    per: Per = Per.CLAIM
    share: Rate = attrs.field(factory=_full)
    text: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            Decimal(0) <= self.share.value <= 1,
            "Standard.share",
            "a share from 0 % to 100 %",
            self.share,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ExpensePolicy:
    """A company's expense rules.

    - ``lump_sums`` — lump sums by month or per unit sold, each covering categories;
    - ``standards`` — at-cost reimbursement standards by category (one per category and
      ``per``; several for one category all apply, the lowest binding);
    - ``receipts_required`` — a claim without a receipt (发票 / 凭证) is not reimbursed
      at cost (default ``True``);
    - ``needs_base_target`` — reimbursement is paid only in a month the task base target
      is met (the case states whether it was); ``unmet_target`` says what becomes of it
      otherwise (held, the default, or forfeited);
    - ``approvals`` — the sign-offs claims and relationship-building plans need
      (:class:`~hrpolicy.core.approvals.ApprovalRule`: kind ``expense_above`` for each
      claim, its amount the sum spent; ``relationship_plan`` or ``budget_above`` for a
      plan, its amount the budget; holding ``reimbursement`` or ``nothing``); a missing
      sign-off under a rule that holds the reimbursement holds the claim (or every claim
      charged to the plan) back;
    - ``reconcile_within_days`` — an advance falls due for reconciliation this many days
      after its plan's week ends (default 0: the Sunday the week ends); an advance not
      yet due is carried, never recovered from wages;
    - ``lump_sum_settles_advances`` — an advance balance due is set against the lump
      sums paid in the month before anything is recovered from wages (default
      ``True``; ``False``: the lump sums are paid in full and the balance recovered from
      wages under the cap);
    - ``name`` — the policy's name, shown in its summary.
    """

    lump_sums: tuple[LumpSum, ...] = ()
    standards: tuple[Standard, ...] = ()
    receipts_required: bool = True
    needs_base_target: bool = False
    unmet_target: UnmetTarget = UnmetTarget.HELD
    approvals: tuple[ApprovalRule, ...] = ()
    reconcile_within_days: Annotated[int, IntSpec(min_value=0, max_value=366)] = 0
    lump_sum_settles_advances: bool = True
    name: str = ""

    def __attrs_post_init__(self) -> None:
        for index, rule in enumerate(self.approvals):
            where = f"ExpensePolicy.approvals[{index}]"
            if rule.kind not in APPROVAL_KINDS:
                raise PolicyDefinitionError(
                    f"{where}.kind",
                    "a kind the expenses engine applies (" + ", ".join(APPROVAL_KINDS) + ")",
                    rule.kind,
                )
            if rule.holds not in APPROVAL_HOLDS:
                raise PolicyDefinitionError(
                    f"{where}.holds",
                    "what an expense approval can hold back: "
                    + ", ".join(h.value for h in APPROVAL_HOLDS),
                    rule.holds.value,
                )
        if self.unmet_target is not UnmetTarget.HELD and not self.needs_base_target:
            raise PolicyDefinitionError(
                "ExpensePolicy.unmet_target",
                "the default 'held' unless needs_base_target is True (the option says what "
                "becomes of reimbursement in a month the target is missed)",
                self.unmet_target.value,
            )
        require_unique([s.ref for s in self.lump_sums], "ExpensePolicy.lump_sums", "ref")
        covered: dict[str, str] = {}
        for index, lump in enumerate(self.lump_sums):
            for category in lump.covers:
                if category in covered:
                    raise PolicyDefinitionError(
                        f"ExpensePolicy.lump_sums[{index}].covers",
                        f"a category no other lump sum covers ({category!r} is covered by "
                        f"{covered[category]!r})",
                        category,
                    )
                covered[category] = lump.ref
        require_unique(
            [f"{s.category}/{s.per.value}" for s in self.standards],
            "ExpensePolicy.standards",
            "(category, per) pair",
        )
        for index, standard in enumerate(self.standards):
            if standard.category in covered:
                raise PolicyDefinitionError(
                    f"ExpensePolicy.standards[{index}].category",
                    "a category no lump sum covers (a lump sum covers its categories "
                    f"whatever is spent; {standard.category!r} is in lump sum "
                    f"{covered[standard.category]!r})",
                    standard.category,
                )

    def lump_sum_for(self, category: str) -> LumpSum | None:
        """The lump sum covering ``category``, or ``None``."""
        return next((s for s in self.lump_sums if category in s.covers), None)

    def standards_for(self, category: str) -> tuple[Standard, ...]:
        """The standards of ``category``, in the order given."""
        return tuple(s for s in self.standards if s.category == category)

    def departures(self) -> tuple[str, ...]:
        """The options set away from their defaults, as ``option=value``."""
        return departures(self, _DEFAULTS, _OPTIONS)

    def summary(self) -> Label:
        """``default options``, or the options that depart from them, in both languages."""
        default = Label(zh_CN="默认选项", en="default options")
        return options_label(self.departures(), name=self.name, default=default)


_DEFAULTS = ExpensePolicy()
#: The options :meth:`ExpensePolicy.departures` reports (the rest is the company's data).
_OPTIONS: Final = (
    "receipts_required",
    "needs_base_target",
    "unmet_target",
    "reconcile_within_days",
    "lump_sum_settles_advances",
)
