"""The sign-offs a deal needs, on the one approval mechanism of :mod:`hrpolicy.core.approvals`.

A plan version's ``approvals`` rules read two facts a deal carries:

- ``below_list`` — the deal's amount is below its value named ``"list"`` (the company
  price); the fact's amount is how far below;
- ``on_credit`` — the deal is a sale on credit (``Deal.on_credit``); the fact's amount is
  the contract amount.

A rule holds back ``"nothing"`` (the missing sign-off is reported) or the deal's
``"commission"``: every deal line of the deal that would pay something (commission
tables, over-list shares) is then paid 0 in the statement, its step saying so, while the
deal still counts towards the measure the tables accumulate. A line of 0 or less (a
loss-making deal under a gross-margin table with a band below zero) is left as it is: the
loss offsets the other deals as it would if the deal were signed. Holding happens before
caps, floors, expense deductions and draws, which never fall as a component's lines fall,
so it can only ever lower pay. A hold never takes back what was paid: when a line was
already paid in an earlier run of the period (``PersonInputs.paid``) and is now held, the
part already paid stays paid and only the rest is held. Once the sign-off is given,
computing the statement again with it and the lines already paid pays the difference, and
nothing twice.

One consent counts wherever a below-list check reads it: the deal's ``approval`` (the
reference of the general manager's consent) counts as the general manager's sign-off on
the ``below_list`` fact under a version's rules, and a ``general_manager`` sign-off that
covers ``below_list`` (or every fact) counts as consent under the version flag
``approval_below_list``. The flag is the same check as the rule "below list needs the
general manager, reported only", reported, as it always was, as
``below_list_without_approval`` with the deal's amount, its list price and how far below
it the deal is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
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
    pay, a rule given twice, and a ``below_list`` rule beside the ``approval_below_list``
    flag (the flag is that check: one of them must go)."""
    for index, rule in enumerate(rules):
        if rule in rules[:index]:
            raise PolicyDefinitionError(
                f"{path}[{index}]",
                f"rules that differ ({path}[{rules.index(rule)}] is the same rule)",
                rule.kind,
            )
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
                "no below_list rule beside approval_below_list (the flag is the check "
                "'below list needs the general manager, reported only'; keep one of them)",
                rule.kind,
            )


class DealApproval:
    """A credited deal's approval rules, facts and sign-offs, and what its deal lines
    put at stake (``at_stake``: what a missing sign-off holds back of them, added to as the
    lines are computed); ``holding`` is whether a missing sign-off holds its commission
    back; ``paid`` what earlier runs of the period paid, by line id."""

    __slots__ = (
        "at_stake",
        "deal",
        "holding",
        "missing",
        "paid",
        "required",
        "rules",
        "sign_offs",
        "subject",
    )

    def __init__(
        self,
        deal: Deal,
        rules: tuple[ApprovalRule, ...],
        facts: tuple[Fact, ...],
        paid: Mapping[str, Decimal] | None = None,
    ):
        self.deal = deal
        self.rules = rules
        self.subject = ApprovalSubject(subject_id=deal.deal_id, facts=facts)
        self.sign_offs = _sign_offs(deal, facts)
        first = check_approvals(rules, self.subject, self.sign_offs)
        self.required = bool(first.required)
        self.holding = first.holds is not Holds.NOTHING
        holding_roles = {
            r.approver.role for r in first.required if r.rule.holds is not Holds.NOTHING
        }
        self.missing = ", ".join(a.role for a in first.missing if a.role in holding_roles)
        self.paid: Mapping[str, Decimal] = paid or {}
        self.at_stake = ZERO

    def hold(
        self, line_id: str, amount: Decimal, steps: Iterable[Step]
    ) -> tuple[Decimal, tuple[Step, ...]]:
        """The deal line ``line_id`` of ``amount`` explained by ``steps``, after the hold.

        A line of 0 or less is left as it is and puts nothing at stake (a loss offsets, as
        it would if signed). If the deal's commission is held, a positive line pays what an
        earlier run already paid on it (never more than ``amount``; a hold takes nothing
        back) and holds the rest, with a step saying so.
        """
        if amount <= 0:
            return amount, tuple(steps)
        if not self.holding:
            self.at_stake = money_sum((self.at_stake, amount))
            return amount, tuple(steps)
        already = self.paid.get(line_id, ZERO)
        kept = min(amount, max(already, ZERO))
        held_back = money_sum((amount, -kept))
        self.at_stake = money_sum((self.at_stake, held_back))
        inputs: dict[str, Decimal | str | None] = {"earned": amount, "missing": self.missing}
        if kept:
            inputs["already_paid"] = already
            inputs["kept"] = kept
        held = _step(
            "approvals.held",
            label(
                f"合同{self.deal.deal_id}待签批：该笔提成暂扣"
                + ("（已发放部分不追回）" if kept else ""),
                f"deal {self.deal.deal_id} awaits sign-off: its commission is held back"
                + (" (what was already paid is not taken back)" if kept else ""),
            ),
            inputs,
            kept,
            "WPP-S 3",
            "WPP 7",
        )
        return kept, (*steps, held)

    def outcome(self) -> ApprovalOutcome:
        """The check over the deal, with what its lines put at stake."""
        subject = ApprovalSubject(
            subject_id=self.deal.deal_id, facts=self.subject.facts, at_stake=self.at_stake
        )
        return check_approvals(self.rules, subject, self.sign_offs)


def _sign_offs(deal: Deal, facts: tuple[Fact, ...]) -> tuple[SignOff, ...]:
    """The deal's sign-offs, with its ``approval`` (the general manager's consent to a
    price below list) as the general manager's sign-off on the ``below_list`` fact when no
    general manager's sign-off already covers it."""
    consent = deal.approval.strip() if deal.approval else ""
    below = any(f.kind == BELOW_LIST for f in facts)
    if not consent or not below or _gm_consents(deal):
        return deal.sign_offs
    return (
        *deal.sign_offs,
        SignOff(approver=GENERAL_MANAGER.role, reference=consent, covers=(BELOW_LIST,)),
    )


def _gm_consents(deal: Deal) -> bool:
    """Whether one of the deal's sign-offs is the general manager's covering ``below_list``."""
    return any(
        s.approver == GENERAL_MANAGER.role and s.counts_for(BELOW_LIST) for s in deal.sign_offs
    )


def deal_approval(
    plan_id: str,
    version: PlanVersion,
    deal: Deal,
    find: _Find,
    paid: Mapping[str, Decimal] | None = None,
) -> DealApproval | None:
    """Check ``deal`` against its version's approval rules.

    The ``approval_below_list`` flag is checked at once (its finding, as before,
    ``below_list_without_approval``); the version's ``approvals`` rules give a
    :class:`DealApproval` when one of them applies to the deal (``None`` otherwise), whose
    outcome the statement records once the deal's lines are known. ``paid`` is what
    earlier runs of the period paid, by line id (a hold never takes it back).

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
    approval = DealApproval(deal, rules, tuple(facts), paid)
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
    consent (the deal's ``approval`` reference, or a general manager's sign-off covering
    ``below_list``) is reported; nothing is held."""
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
    signed: tuple[SignOff, ...] = (
        (SignOff(approver=GENERAL_MANAGER.role, reference=consent),) if consent else ()
    )
    if not signed and _gm_consents(deal):
        signed = tuple(s for s in deal.sign_offs if s.approver == GENERAL_MANAGER.role)[:1]
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
