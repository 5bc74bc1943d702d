"""The sign-offs a deal needs, on the one approval mechanism of :mod:`hrpolicy.core.approvals`.

A plan version's ``approvals`` rules read two facts a deal carries:

- ``below_list`` — the deal's amount is below its value named ``"list"`` (the company
  price); the fact's amount is how far below;
- ``on_credit`` — the deal is a sale on credit (``Deal.on_credit``); the fact's amount is
  the contract amount.

A rule holds back ``"nothing"`` (the missing sign-off is reported) or the deal's
``"commission"``: every deal line of the deal (commission tables, over-list shares) is
then paid 0 in the statement, its step saying so, while the deal still counts towards the
measure the tables accumulate. Holding happens before caps, floors, expense deductions
and draws, so it can only ever lower pay. Once the sign-off is given, computing the
statement again with it and the lines already paid (``PersonInputs.paid``) pays the
difference, and nothing twice.

The version flag ``approval_below_list`` is the rule "below list needs the general
manager's consent, reported only", checked here by the same mechanism and reported, as it
always was, as ``below_list_without_approval`` (the deal's ``approval`` is the
reference of the general manager's consent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hrpolicy.commission.model import Deal
from hrpolicy.core.approvals import (
    BELOW_LIST,
    GENERAL_MANAGER,
    ON_CREDIT,
    ApprovalOutcome,
    ApprovalRule,
    ApprovalSubject,
    Fact,
    Holds,
    SignOff,
    check_approvals,
)
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.explain import Step
from hrpolicy.core.explain import step_of as _step
from hrpolicy.core.label import Label, label
from hrpolicy.core.money import ZERO, money_sum

__all__ = [
    "DEAL_FACTS",
    "DEAL_HOLDS",
    "DealApproval",
    "check_deal_rules",
    "deal_approval",
]

#: The kinds of fact a deal carries, which a plan version's approval rules may name.
DEAL_FACTS: Final = (BELOW_LIST, ON_CREDIT)
#: What a missing sign-off on a deal may hold back.
DEAL_HOLDS: Final = (Holds.NOTHING, Holds.COMMISSION)

if TYPE_CHECKING:  # plan.py checks its rules here: import it only for the types
    from hrpolicy.commission.plan import PlanVersion

_Find = Callable[..., None]
#: The name of the company list price among a deal's values.
_LIST: Final = "list"


def check_deal_rules(path: str, rules: tuple[ApprovalRule, ...], *, below_list_flag: bool) -> None:
    """Refuse, as a :class:`~hrpolicy.core.errors.PolicyDefinitionError` naming the rule,
    a rule over a fact deals do not carry, one holding back something a deal does not
    pay, and a ``below_list`` rule beside the ``approval_below_list`` flag (the flag is
    that rule: one of them must go)."""
    for index, rule in enumerate(rules):
        if rule.kind not in DEAL_FACTS:
            raise PolicyDefinitionError(
                f"{path}[{index}].kind",
                f"a fact a deal carries ({', '.join(DEAL_FACTS)})",
                rule.kind,
            )
        if rule.holds not in DEAL_HOLDS:
            raise PolicyDefinitionError(
                f"{path}[{index}].holds",
                "'nothing' or 'commission' (what a deal's missing sign-off can hold back)",
                rule.holds.value,
            )
        if below_list_flag and rule.kind == BELOW_LIST:
            raise PolicyDefinitionError(
                f"{path}[{index}]",
                "no below_list rule beside approval_below_list (the flag is the rule "
                "'below list needs the general manager, reported only'; keep one of them)",
                rule.kind,
            )


class DealApproval:
    """A credited deal's approval rules, facts and sign-offs, and what its deal lines
    would pay (``at_stake``, added to as the lines are computed); ``holding`` is whether a
    missing sign-off holds its commission back."""

    __slots__ = ("at_stake", "deal", "holding", "missing", "required", "rules", "subject")

    def __init__(self, deal: Deal, rules: tuple[ApprovalRule, ...], facts: tuple[Fact, ...]):
        self.deal = deal
        self.rules = rules
        self.subject = ApprovalSubject(subject_id=deal.deal_id, facts=facts)
        first = check_approvals(rules, self.subject, deal.sign_offs)
        self.required = bool(first.required)
        self.holding = first.holds is not Holds.NOTHING
        self.missing = ", ".join(a.role for a in first.missing)
        self.at_stake = ZERO

    def hold(self, amount: Decimal, steps: Iterable[Step]) -> tuple[Decimal, tuple[Step, ...]]:
        """A deal line of ``amount`` explained by ``steps``: added to what is at stake,
        and, if the deal's commission is held, paid 0 with a step saying why."""
        self.at_stake = money_sum((self.at_stake, amount))
        if not self.holding:
            return amount, tuple(steps)
        held = _step(
            "approvals.held",
            label(
                f"合同{self.deal.deal_id}待签批：该笔提成暂扣",
                f"deal {self.deal.deal_id} awaits sign-off: its commission is held back",
            ),
            {"earned": amount, "missing": self.missing},
            ZERO,
            "WPP-S 3",
        )
        return ZERO, (*steps, held)

    def outcome(self) -> ApprovalOutcome:
        """The check over the deal, with what its lines put at stake."""
        subject = ApprovalSubject(
            subject_id=self.deal.deal_id, facts=self.subject.facts, at_stake=self.at_stake
        )
        return check_approvals(self.rules, subject, self.deal.sign_offs)


def deal_approval(
    plan_id: str, version: PlanVersion, deal: Deal, find: _Find
) -> DealApproval | None:
    """Check ``deal`` against its version's approval rules.

    The ``approval_below_list`` flag is checked at once (its finding, as before,
    ``below_list_without_approval``); the version's ``approvals`` rules give a
    :class:`DealApproval` when one of them applies to the deal (``None`` otherwise), whose
    outcome the statement records once the deal's lines are known.

    Raises:
        InvalidValueError: a below-list check meets a deal with a list price and no
            amount, or a threshold rule on sales on credit a deal without an amount —
            naming the deal, the fact and the version.
    """
    if version.approval_below_list:
        _below_list_flag(plan_id, version, deal, find)
    rules: tuple[ApprovalRule, ...] = version.approvals
    if not rules:
        return None
    facts: list[Fact] = []
    if any(rule.kind == BELOW_LIST for rule in rules):
        below = _below_list(version, deal, "approvals")
        if below is not None:
            facts.append(Fact(kind=BELOW_LIST, amount=below[1]))
    if deal.on_credit:
        if deal.amount is None and any(
            rule.kind == ON_CREDIT and rule.above is not None for rule in rules
        ):
            raise InvalidValueError(
                f"Deal({deal.deal_id}).amount",
                f"a value: plan version {version.version} asks sign-offs for sales on credit "
                "above an amount",
                None,
            )
        facts.append(Fact(kind=ON_CREDIT, amount=deal.amount))
    approval = DealApproval(deal, rules, tuple(facts))
    return approval if approval.required else None


def _below_list(version: PlanVersion, deal: Deal, by: str) -> tuple[Decimal, Decimal] | None:
    """The list price of ``deal`` and how far below it the deal is (``None``: no list
    price, or not below it)."""
    list_amount = deal.value(_LIST)
    if list_amount is None:
        return None
    if deal.amount is None:
        raise InvalidValueError(
            f"Deal({deal.deal_id}).amount",
            f"a value: plan version {version.version} checks deals against their list price ({by})",
            None,
        )
    if deal.amount >= list_amount:
        return None
    return list_amount, money_sum((list_amount, -deal.amount))


def _below_list_flag(plan_id: str, version: PlanVersion, deal: Deal, find: _Find) -> None:
    """The ``approval_below_list`` flag: a deal below list without the general manager's
    consent (the deal's ``approval`` reference) is reported; nothing is held."""
    found = _below_list(version, deal, "approval_below_list")
    if found is None:
        return
    list_amount, below = found
    rule = ApprovalRule(
        kind=BELOW_LIST,
        approvers=(GENERAL_MANAGER,),
        holds=Holds.NOTHING,
        reference=f"{plan_id} {version.version}",
    )
    consent = deal.approval.strip() if deal.approval else ""
    signed = (SignOff(approver=GENERAL_MANAGER.role, reference=consent),) if consent else ()
    subject = ApprovalSubject(subject_id=deal.deal_id, facts=(Fact(kind=BELOW_LIST, amount=below),))
    if check_approvals((rule,), subject, signed).missing:
        assert deal.amount is not None  # _below_list refuses a deal without one
        find(
            "below_list_without_approval",
            deal.deal_id,
            deal=deal.deal_id,
            amount=deal.amount,
            list_amount=list_amount,
            below_list=below,
            version=version.version,
            clause=Label(
                f"方案{plan_id}（{version.version}版）",
                f"plan {plan_id}, version {version.version},",
            ),
        )
