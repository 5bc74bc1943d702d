"""Sign-offs a company rule asks for, and what a missing one holds back, for every engine.

A handbook says which facts need whose signature: a sale on credit needs the general
manager's; selling below the list price needs the general manager's consent; a
relationship-building (公关) plan and its budget need the department manager's review and
then the general manager's approval; an expense above a threshold, an award. One
mechanism serves them all:

- an :class:`ApprovalRule` names the *fact* (its ``kind``: open text, the usual ones listed
  in :data:`KINDS`), the :class:`Approver` s who must sign, in order, an optional threshold
  (``above``: the rule applies only to a fact whose amount is strictly above it) and what a
  missing sign-off holds back (:class:`Holds`: the deal's commission, the reimbursement,
  the award …, or :attr:`Holds.NOTHING`: the miss is reported only);
- an :class:`ApprovalSubject` is the thing the facts are about (a deal, a claim, an award):
  its id, its :class:`Fact` s and ``at_stake``, what a missing sign-off would hold back;
- a :class:`SignOff` is a signature given: the approver's role, the reference of the
  signed document (签呈) and the day it was signed.

:func:`check_approvals` applies the rules to a subject and its sign-offs: it returns an
:class:`ApprovalOutcome` — the approvers required, those missing, the amount held — with one
explanation step and a finding per missing sign-off (from the catalog ``"approvals"``,
:data:`CATALOG`), each naming the approver and what it holds back, its numbers as params.

What is held is all of ``at_stake`` or nothing: a deal's commission is not paid in part
because one of two signatures is there. Approvals never raise pay: adding a rule or taking
away a sign-off can only hold back more, never less, and never more than ``at_stake``
(which is never below zero: an engine puts at stake only what the subject would pay, so a
loss still offsets). A sign-off covers every fact of its subject unless it names the facts
it covers (``covers``): the general manager's signature on the credit terms of a deal,
``covers=("on_credit",)``, is no consent to its price below list.

>>> from datetime import date
>>> from decimal import Decimal
>>> credit = ApprovalRule(kind=ON_CREDIT, approvers=(GENERAL_MANAGER,), holds=Holds.COMMISSION)
>>> deal = ApprovalSubject(subject_id="C-7", facts=(Fact(kind=ON_CREDIT),),
...                        at_stake=Decimal("360.00"))
>>> outcome = check_approvals((credit,), deal, ())
>>> outcome.held, [a.role for a in outcome.missing]
(Decimal('360.00'), ['general_manager'])
>>> print(outcome.findings[0].message("en"))  # doctest: +NORMALIZE_WHITESPACE
C-7: the general manager must approve a sale on credit, and no sign-off is recorded;
the deal's commission of 360.00 is held back until it is signed.
>>> signed = SignOff(approver="general_manager", reference="GM-2024-031",
...                  signed_on=date(2024, 3, 5))
>>> check_approvals((credit,), deal, (signed,)).held
Decimal('0.00')
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.core.explain import (
    Catalog,
    Explanation,
    Finding,
    FindingSpec,
    Severity,
    Step,
    StepValue,
)
from hrpolicy.core.fields import (
    NonNegativeMoney,
    Text,
    argument,
    arguments,
    checked,
    policy_checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label, label
from hrpolicy.core.money import ZERO, money_sum
from hrpolicy.law.provisions import provision

__all__ = [
    "AWARD",
    "BELOW_LIST",
    "BRANCH_MANAGER",
    "BUDGET_ABOVE",
    "CATALOG",
    "DEPARTMENT_MANAGER",
    "EXPENSE_ABOVE",
    "GENERAL_MANAGER",
    "KINDS",
    "ON_CREDIT",
    "RELATIONSHIP_PLAN",
    "Act",
    "ApprovalOutcome",
    "ApprovalRule",
    "ApprovalSubject",
    "Approver",
    "Fact",
    "Holds",
    "Requirement",
    "SignOff",
    "check_approvals",
    "check_sign_offs",
    "kind_label",
]

# --- the usual facts ---------------------------------------------------------------------

#: A deal priced below the company list price (its amount: how far below list).
BELOW_LIST: Final = "below_list"
#: A sale on credit (赊销: goods delivered before the price is collected).
ON_CREDIT: Final = "on_credit"
#: An expense claim (its amount: the claim).
EXPENSE_ABOVE: Final = "expense_above"
#: A budget asked for (its amount: the budget).
BUDGET_ABOVE: Final = "budget_above"
#: An award to be paid (its amount: the award).
AWARD: Final = "award"
#: A relationship-building (公关) plan and its budget.
RELATIONSHIP_PLAN: Final = "relationship_plan"

#: The usual kinds of fact and how messages name them. A rule may name any other kind
#: (open text): messages then show the kind as written.
KINDS: Final[Mapping[str, Label]] = {
    BELOW_LIST: label("低于公司价格销售", "a sale below the list price"),
    ON_CREDIT: label("赊销", "a sale on credit"),
    EXPENSE_ABOVE: label("费用报销", "an expense claim"),
    BUDGET_ABOVE: label("费用预算", "a budget"),
    AWARD: label("奖励", "an award"),
    RELATIONSHIP_PLAN: label("公关计划及预算", "a relationship-building plan and its budget"),
}


def kind_label(kind: str) -> Label:
    """How messages name a fact of ``kind``: its entry in :data:`KINDS`, or the kind as
    written (in both languages) for a kind the library does not list.

    >>> kind_label("on_credit").zh_CN, kind_label("sample_order").en
    ('赊销', 'sample_order')
    """
    found = KINDS.get(kind)
    return found if found is not None else label(kind, kind)


def _trimmed(text: str, path: str, error: type[InvalidValueError]) -> None:
    """Refuse a role or kind with spaces around it: it could never match the one it means."""
    if text != text.strip():
        what = "role" if path.endswith(("role", "approver")) else "kind"
        raise error(path, f"a {what} without spaces around it", text)


# --- approvers and rules -----------------------------------------------------------------


class Act(Choice):
    """What an approver does: ``REVIEW`` (审核: checks and passes it on), ``APPROVE``
    (批准: decides), ``SIGN`` (签字: signs it off)."""

    REVIEW = "review"
    APPROVE = "approve"
    SIGN = "sign"

    @property
    def label(self) -> Label:
        """How messages name the act."""
        return _ACTS[self]


_ACTS: Final = {
    Act.REVIEW: label("审核", "review"),
    Act.APPROVE: label("批准", "approve"),
    Act.SIGN: label("签字", "sign"),
}


class Holds(Choice):
    """What a missing sign-off holds back until it is given.

    - ``NOTHING`` — nothing: the miss is reported only;
    - ``COMMISSION`` — the deal's commission;
    - ``REIMBURSEMENT`` — the reimbursement of the expense;
    - ``ADVANCE`` — the advance (借支) asked for;
    - ``AWARD`` — the award;
    - ``PAYMENT`` — the payment the subject would bring.
    """

    NOTHING = "nothing"
    COMMISSION = "commission"
    REIMBURSEMENT = "reimbursement"
    ADVANCE = "advance"
    AWARD = "award"
    PAYMENT = "payment"

    @property
    def label(self) -> Label:
        """How messages name what is held back."""
        return _HOLDS[self]


_HOLDS: Final = {
    Holds.NOTHING: label("不暂扣任何款项", "nothing is held back"),
    Holds.COMMISSION: label("该笔提成", "the deal's commission"),
    Holds.REIMBURSEMENT: label("该笔报销", "the reimbursement"),
    Holds.ADVANCE: label("该笔借支", "the advance"),
    Holds.AWARD: label("该项奖励", "the award"),
    Holds.PAYMENT: label("该笔款项", "the payment"),
}


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Approver:
    """Someone whose sign-off a rule asks for: a ``role`` (the key sign-offs name, e.g.
    ``"general_manager"``), its ``title`` in both languages, and what they do (``act``).

    >>> Approver(role="finance_lead", title=Label("财务负责人", "finance lead"),
    ...          act=Act.REVIEW).act
    <Act.REVIEW: 'review'>
    """

    role: Text
    title: Label
    act: Act = Act.APPROVE

    def __attrs_post_init__(self) -> None:
        _trimmed(self.role, "Approver.role", PolicyDefinitionError)


#: The general manager, approving.
GENERAL_MANAGER: Final = Approver(role="general_manager", title=label("总经理", "general manager"))
#: The department manager, reviewing.
DEPARTMENT_MANAGER: Final = Approver(
    role="department_manager", title=label("部门经理", "department manager"), act=Act.REVIEW
)
#: The branch manager, approving.
BRANCH_MANAGER: Final = Approver(role="branch_manager", title=label("分公司经理", "branch manager"))


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ApprovalRule:
    """A fact of ``kind`` needs the sign-off of ``approvers``, in order (the first signs
    first: the department manager reviews, then the general manager approves).

    ``above``, when given, limits the rule to facts whose amount is strictly above it
    (an expense above 5,000); a fact without an amount under such a rule is an error, never
    a pass. ``holds`` says what a missing sign-off holds back (:attr:`Holds.NOTHING`: the
    miss is reported only). ``reference`` names the handbook clause that sets the rule; the
    step and the findings carry it.

    >>> rule = ApprovalRule(kind=EXPENSE_ABOVE, approvers=(BRANCH_MANAGER,),
    ...                     above=Decimal(5000), holds=Holds.REIMBURSEMENT,
    ...                     reference="费用管理办法第6条")
    >>> rule.applies_to(Fact(kind=EXPENSE_ABOVE, amount=Decimal(5000)), "claims[0]")
    False
    >>> rule.applies_to(Fact(kind=EXPENSE_ABOVE, amount=Decimal("5000.01")), "claims[0]")
    True
    >>> ApprovalRule(kind=ON_CREDIT, approvers=(), holds=Holds.COMMISSION)
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.PolicyDefinitionError: ApprovalRule(on_credit).approvers: expected at
    least one approver, got tuple ()
    """

    kind: Text
    approvers: tuple[Approver, ...]
    holds: Holds
    above: NonNegativeMoney | None = None
    reference: str = ""

    def __attrs_post_init__(self) -> None:
        _trimmed(self.kind, "ApprovalRule.kind", PolicyDefinitionError)
        path = f"ApprovalRule({self.kind}).approvers"
        require(bool(self.approvers), path, "at least one approver", self.approvers)
        require_unique([a.role for a in self.approvers], path, "approver role")

    def applies_to(self, fact: Fact, where: str) -> bool:
        """Whether the rule asks for sign-offs on ``fact`` (``where`` names the fact in
        an error): the kinds match, and the fact's amount is above the threshold if the
        rule has one.

        Raises:
            InvalidValueError: the rule has a threshold and the fact carries no amount.
        """
        if fact.kind != self.kind:
            return False
        if self.above is None:
            return True
        if fact.amount is None:
            raise InvalidValueError(
                f"{where}.amount",
                f"an amount: the rule for {self.kind} applies only above {self.above}",
                None,
            )
        return fact.amount > self.above


# --- subjects and sign-offs --------------------------------------------------------------


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Fact:
    """A fact about a subject that a rule may ask sign-offs for: its ``kind`` and, where a
    threshold reads it, its ``amount`` (the expense claimed, the budget asked, how far
    below list)."""

    kind: Text
    amount: NonNegativeMoney | None = None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ApprovalSubject:
    """What the facts are about: a deal, an expense claim, an award — ``subject_id`` names
    it in messages. ``at_stake`` is what a missing sign-off would hold back (the deal's
    commission, the amount to reimburse); 0 when nothing rides on it."""

    subject_id: Text
    facts: tuple[Fact, ...]
    at_stake: NonNegativeMoney = ZERO

    def __attrs_post_init__(self) -> None:
        require_unique(
            [f.kind for f in self.facts], f"ApprovalSubject({self.subject_id}).facts", "kind"
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SignOff:
    """A sign-off given: the ``approver``'s role (``"general_manager"``), the ``reference``
    of the signed document (签呈, a form number) and the day it was signed (``None``: the
    document shows no date; its order against the other sign-offs is then not checked).

    ``covers`` names the kinds of fact the signature is for (``("on_credit",)``: the
    credit terms only); empty, it covers every fact of its subject. One role may give
    several sign-offs on one subject when they cover different facts.

    >>> SignOff(approver="general_manager", reference="GM-031", covers=("on_credit",)).covers
    ('on_credit',)
    >>> SignOff(approver="general_manager ", reference="GM-031")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: SignOff.approver: expected a role without spaces
    around it, got str 'general_manager '
    """

    approver: Text
    reference: Text
    signed_on: date | None = None
    covers: tuple[Text, ...] = ()

    def __attrs_post_init__(self) -> None:
        _trimmed(self.approver, "SignOff.approver", InvalidValueError)
        for index, kind in enumerate(self.covers):
            _trimmed(kind, f"SignOff({self.approver}).covers[{index}]", InvalidValueError)
        require_unique(list(self.covers), f"SignOff({self.approver}).covers", "kind")

    def counts_for(self, kind: str) -> bool:
        """Whether the sign-off counts for a fact of ``kind``."""
        return not self.covers or kind in self.covers


def check_sign_offs(sign_offs: Iterable[SignOff], path: str) -> tuple[SignOff, ...]:
    """``sign_offs`` as a tuple, refusing two by one approver role that cover a fact in
    common (``covers`` empty: every fact), as an :class:`InvalidValueError` naming
    ``path[index].approver``.

    >>> gm = SignOff(approver="general_manager", reference="GM-1")
    >>> credit = SignOff(approver="general_manager", reference="GM-2", covers=("on_credit",))
    >>> below = SignOff(approver="general_manager", reference="GM-3", covers=("below_list",))
    >>> len(check_sign_offs([credit, below], "sign_offs"))
    2
    >>> check_sign_offs([gm, credit], "sign_offs")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: sign_offs[1].approver: expected one sign-off
    per approver role and fact (sign_offs[0] is general_manager), got str 'general_manager'
    """
    signed = arguments(sign_offs, SignOff, path)
    for index, sign_off in enumerate(signed):
        for first, earlier in enumerate(signed[:index]):
            if earlier.approver != sign_off.approver:
                continue
            if (
                earlier.covers
                and sign_off.covers
                and not set(earlier.covers) & set(sign_off.covers)
            ):
                continue
            raise InvalidValueError(
                f"{path}[{index}].approver",
                f"one sign-off per approver role and fact ({path}[{first}] is {sign_off.approver})",
                sign_off.approver,
            )
    return signed


# --- the outcome -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Requirement:
    """One sign-off a subject needs: the fact's kind, the approver, the rule asking for it,
    and the sign-off given (``None``: missing)."""

    kind: str
    approver: Approver
    rule: ApprovalRule
    sign_off: SignOff | None

    @property
    def missing(self) -> bool:
        """Whether the sign-off is missing."""
        return self.sign_off is None


@attrs.frozen(kw_only=True)
class ApprovalOutcome:
    """What :func:`check_approvals` found for one subject.

    ``required`` lists every sign-off the rules ask for, in rule order and, within a rule,
    in the approvers' order; ``held`` is what the missing ones hold back (all of the
    subject's ``at_stake`` or 0); ``holds`` what that is (:attr:`Holds.NOTHING` when nothing
    is held). ``steps`` and ``findings`` explain it; an engine appends them to its own."""

    subject: ApprovalSubject
    required: tuple[Requirement, ...]
    held: Decimal
    holds: Holds
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]

    @property
    def missing(self) -> tuple[Approver, ...]:
        """The approvers whose sign-off is missing, each once, in order."""
        found: dict[str, Approver] = {}
        for requirement in self.required:
            if requirement.missing:
                found.setdefault(requirement.approver.role, requirement.approver)
        return tuple(found.values())

    @property
    def paid(self) -> Decimal:
        """What remains payable of ``at_stake``: it less what is held."""
        return money_sum((self.subject.at_stake, -self.held))

    @property
    def explanation(self) -> Explanation:
        """The step and the findings as an :class:`~hrpolicy.core.explain.Explanation`."""
        return Explanation(self.steps, self.findings)


# --- findings ----------------------------------------------------------------------------

#: The findings :func:`check_approvals` reports; an engine's explanation may hold them
#: beside its own (each finding renders from the catalog it names). Each carries the
#: fact's ``amount`` (``None``: the fact has none), the rule's threshold ``above`` and its
#: ``reference`` (the handbook clause) as params, and shows them in its message.
CATALOG: Final = Catalog(
    "approvals",
    {
        "approval_missing_held": FindingSpec(
            Severity.VIOLATION,
            "{subject_id}：{clause}{fact}{detail}须经{approver}{act}，未见签批；"
            "{holds}{at_stake}元暂扣，签批后发放。",
            "{subject_id}: the {approver} must {act} {fact}{detail}{clause}, and no sign-off "
            "is recorded; {holds} of {at_stake} is held back until it is signed.",
            (provision("WPP-S 3"), provision("WPP 7")),
        ),
        "approval_missing_also_held": FindingSpec(
            Severity.VIOLATION,
            "{subject_id}：{clause}{fact}{detail}须经{approver}{act}，未见签批；"
            "{holds}已因上述缺少的签批暂扣。",
            "{subject_id}: the {approver} must {act} {fact}{detail}{clause}, and no sign-off "
            "is recorded; {holds} is already held back for the missing sign-off above.",
            (provision("WPP-S 3"), provision("WPP 7")),
        ),
        "approval_missing": FindingSpec(
            Severity.VIOLATION,
            "{subject_id}：{clause}{fact}{detail}须经{approver}{act}，未见签批（仅报告，{holds}）。",
            "{subject_id}: the {approver} must {act} {fact}{detail}{clause}, and no sign-off "
            "is recorded (reported only: {holds}).",
        ),
        "approval_out_of_order": FindingSpec(
            Severity.WARNING,
            "{subject_id}：{later}于{later_on}签批，早于{earlier}于{earlier_on}的"
            "{earlier_act}；规定的顺序是先{earlier}后{later}。",
            "{subject_id}: the {later} signed on {later_on}, before the {earlier} did "
            "({earlier_act}) on {earlier_on}; the rule's order is the {earlier} first, "
            "then the {later}.",
        ),
        "approval_sign_off_unused": FindingSpec(
            Severity.WARNING,
            "{subject_id}：签批{reference}的签批人“{role}”不是任何审批规则要求的签批人"
            "（{roles}），该签批不起作用；请核对签批人。",
            "{subject_id}: sign-off {reference} names the approver '{role}', whom no "
            "approval rule asks for ({roles}); it counts for nothing: check the approver.",
        ),
    },
)

_STEP_LABEL: Final = label(
    "审批：所需签批与暂扣金额", "approvals: sign-offs required and amount held"
)


def _detail(kind: str, amount: Decimal | None, above: Decimal | None) -> Label:
    """How a message shows a fact's amount and the rule's threshold: "（5000.01元，超过
    5000元）" / " of 5000.01, above 5000"; for a sale below list, how far below."""
    if amount is None:
        return label("", "")
    if kind == BELOW_LIST:
        zh, en = f"（低于公司价格{amount}元", f", {amount} below the list price"
    else:
        zh, en = f"（{amount}元", f" of {amount}"
    if above is not None:
        zh, en = f"{zh}，超过{above}元", f"{en}, above {above}"
    return label(f"{zh}）", en)


def _to_fen(amount: Decimal | None) -> Decimal | None:
    """``amount`` to the fen as messages show it (``None`` stays ``None``)."""
    return None if amount is None else money_sum((amount,))


def _clause(reference: str) -> Label:
    """How a message names the rule's clause: "按{reference}，" / " under {reference}"."""
    if not reference:
        return label("", "")
    return label(f"按{reference}，", f" under {reference}")


def check_approvals(
    rules: Iterable[ApprovalRule],
    subject: ApprovalSubject,
    sign_offs: Iterable[SignOff],
) -> ApprovalOutcome:
    """Apply ``rules`` to ``subject`` and the ``sign_offs`` given for it.

    Each rule that applies to one of the subject's facts (same kind, amount above its
    threshold if it has one) asks for a sign-off from each of its approvers; a sign-off
    counts for every rule that asks for its approver's role, on every fact it covers (all
    of them unless it names them in ``covers``). If a sign-off is missing under a rule that
    holds something back, all of ``subject.at_stake`` is held: the first such finding
    (``approval_missing_held``) carries the amount, any further one on the subject
    (``approval_missing_also_held``) says it is already held; under :attr:`Holds.NOTHING`
    rules the miss is reported only (``approval_missing``). Sign-offs given out of the
    rule's order (a later approver dated before an earlier one; undated ones are not
    compared) are reported, not held. A sign-off from a role that no rule names at all is
    reported (``approval_sign_off_unused``: a mistyped role would otherwise count for
    nothing unseen); one from a role some other rule names changes nothing. The step lists
    every sign-off given.

    Args:
        rules: the approval rules in force, in order, no two equal.
        subject: the deal, claim or award, with its facts and what is at stake.
        sign_offs: the sign-offs given for this subject, at most one per approver role and
            fact.

    Returns:
        An :class:`ApprovalOutcome`: the sign-offs required, the amount held and what it
        is, one step (``approvals.check``) and the findings: one per missing sign-off, per
        pair out of order (``approval_out_of_order``) and per unused sign-off.

    Raises:
        InvalidTypeError: ``rules`` or ``sign_offs`` is not an iterable of the right
            objects, or ``subject`` is not an :class:`ApprovalSubject`.
        InvalidValueError: two sign-offs name the same approver role for a fact in common,
            two rules are equal, or a rule with a threshold meets a fact without an amount
            — each naming the field.

    Example:
        >>> plan_rule = ApprovalRule(kind=RELATIONSHIP_PLAN,
        ...                          approvers=(DEPARTMENT_MANAGER, GENERAL_MANAGER),
        ...                          holds=Holds.ADVANCE, reference="销售管理制度第12条")
        >>> plan = ApprovalSubject(subject_id="公关计划2024-05",
        ...                        facts=(Fact(kind=RELATIONSHIP_PLAN, amount=Decimal(8000)),),
        ...                        at_stake=Decimal(8000))
        >>> reviewed = SignOff(approver="department_manager", reference="DM-17",
        ...                    signed_on=date(2024, 5, 6))
        >>> outcome = check_approvals([plan_rule], plan, [reviewed])
        >>> outcome.held, outcome.paid, [a.title.en for a in outcome.missing]
        (Decimal('8000.00'), Decimal('0.00'), ['general manager'])
        >>> outcome.findings[0].param("approver") == GENERAL_MANAGER.title
        True
        >>> outcome.findings[0].param("at_stake"), outcome.findings[0].param("amount")
        (Decimal('8000.00'), Decimal('8000.00'))
        >>> check_approvals([plan_rule], plan, [reviewed, reviewed])
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: sign_offs[1].approver: expected one sign-off
        per approver role and fact (sign_offs[0] is department_manager), got str
        'department_manager'
    """
    given_rules = arguments(rules, ApprovalRule, "rules")
    for index, rule in enumerate(given_rules):
        if rule in given_rules[:index]:
            raise InvalidValueError(
                f"rules[{index}]",
                f"rules that differ (rules[{given_rules.index(rule)}] is the same rule)",
                rule.kind,
            )
    argument(subject, ApprovalSubject, "subject")
    signed = check_sign_offs(sign_offs, "sign_offs")

    required: list[Requirement] = []
    amounts: dict[str, Decimal | None] = {}
    for rule in given_rules:
        for index, fact in enumerate(subject.facts):
            where = f"ApprovalSubject({subject.subject_id}).facts[{index}]"
            if rule.applies_to(fact, where):
                amounts[fact.kind] = fact.amount
                required.extend(
                    Requirement(
                        kind=fact.kind,
                        approver=approver,
                        rule=rule,
                        sign_off=next(
                            (
                                s
                                for s in signed
                                if s.approver == approver.role and s.counts_for(fact.kind)
                            ),
                            None,
                        ),
                    )
                    for approver in rule.approvers
                )

    holding = [r for r in required if r.missing and r.rule.holds is not Holds.NOTHING]
    holds = holding[0].rule.holds if holding else Holds.NOTHING
    at_stake = money_sum((subject.at_stake,))  # to the fen: 8000 reads 8000.00
    held = at_stake if holding else ZERO

    findings: list[Finding] = []
    stated = False
    for requirement in required:
        rule, approver = requirement.rule, requirement.approver
        if not requirement.missing:
            continue
        held_here = rule.holds is not Holds.NOTHING
        if not held_here:
            code = "approval_missing"
        elif stated:
            code = "approval_missing_also_held"
        else:
            code, stated = "approval_missing_held", True
        amount = _to_fen(amounts[requirement.kind])
        params: dict[str, Any] = {
            "subject_id": subject.subject_id,
            "fact": kind_label(requirement.kind),
            "kind": requirement.kind,
            "amount": amount,
            "above": _to_fen(rule.above),
            "detail": _detail(requirement.kind, amount, _to_fen(rule.above)),
            "approver": approver.title,
            "act": approver.act.label,
            "role": approver.role,
            "holds": rule.holds.label,
            "reference": rule.reference or None,
            "clause": _clause(rule.reference),
        }
        if code != "approval_missing_also_held":
            params["at_stake"] = at_stake if held_here else ZERO
        findings.append(CATALOG.finding(code, subject=subject.subject_id, **params))
    findings.extend(_out_of_order(subject, given_rules, required))
    named = dict.fromkeys(a.role for rule in given_rules for a in rule.approvers)
    findings.extend(
        CATALOG.finding(
            "approval_sign_off_unused",
            subject=subject.subject_id,
            subject_id=subject.subject_id,
            role=sign_off.approver,
            reference=sign_off.reference,
            roles=", ".join(named),
        )
        for sign_off in signed
        if named and sign_off.approver not in named
    )

    references = dict.fromkeys(r.rule.reference for r in required if r.rule.reference)
    facts = dict.fromkeys(r.kind for r in required)
    inputs: dict[str, StepValue] = {
        "subject": subject.subject_id,
        "facts": ", ".join(f.kind for f in subject.facts) or None,
        "amounts": ", ".join(
            f"{kind} {_to_fen(amounts[kind])}" for kind in facts if amounts[kind] is not None
        )
        or None,
        "thresholds": ", ".join(
            f"{r.kind} > {_to_fen(r.above)}"
            for r in given_rules
            if r.kind in facts and r.above is not None
        )
        or None,
        "required": _listing(required, missing=False),
        "missing": _listing(required, missing=True),
        "signed": ", ".join(_signed(s) for s in signed) or None,
        "references": ", ".join(references) or None,
        "at_stake": at_stake,
        "holds": holds.label,
    }
    step = Step(
        "approvals.check",
        _STEP_LABEL,
        tuple((name, value) for name, value in inputs.items() if value is not None),
        held,
        (provision("WPP-S 3"), provision("WPP 7")) if holding else (),
    )
    return ApprovalOutcome(
        subject=subject,
        required=tuple(required),
        held=held,
        holds=holds,
        steps=(step,),
        findings=tuple(findings),
    )


def _signed(sign_off: SignOff) -> str:
    """A sign-off as the step shows it: role, reference and date (if dated)."""
    day = f" {sign_off.signed_on}" if sign_off.signed_on is not None else ""
    covers = f" ({', '.join(sign_off.covers)})" if sign_off.covers else ""
    return f"{sign_off.approver} {sign_off.reference}{day}{covers}"


def _listing(required: list[Requirement], *, missing: bool) -> str | None:
    """The approver roles of ``required`` (those missing only, with ``missing``), each
    once, in order; ``None`` when there are none."""
    roles = dict.fromkeys(r.approver.role for r in required if not missing or r.missing)
    return ", ".join(roles) or None


def _out_of_order(
    subject: ApprovalSubject, rules: tuple[ApprovalRule, ...], required: list[Requirement]
) -> list[Finding]:
    """A finding for each applying rule's pair of consecutive sign-offs (in the rule's
    order, among those given) dated the wrong way round: the later approver signing before
    the earlier one."""
    found: list[Finding] = []
    for rule in rules:
        given = [
            (r.approver, r.sign_off.signed_on)
            for r in required
            if r.rule is rule and r.sign_off is not None and r.sign_off.signed_on is not None
        ]
        for (earlier, first), (later, second) in itertools.pairwise(given):
            if second < first:
                found.append(
                    CATALOG.finding(
                        "approval_out_of_order",
                        subject=subject.subject_id,
                        subject_id=subject.subject_id,
                        later=later.title,
                        later_on=second,
                        earlier=earlier.title,
                        earlier_on=first,
                        earlier_act=earlier.act.label,
                    )
                )
    return found
