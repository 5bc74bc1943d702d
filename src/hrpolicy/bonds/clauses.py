"""What a penalty clause asks, and the audit of every clause of an agreement.

The statute: LCL Art. 22(2) and Art. 25.

:func:`clause_amount` computes what a clause asks for a given time served, in the clause's
own terms (its unit, its rounding, the cost figure the agreement uses); the engine then caps
it by statute. :func:`audit_penalty` and :func:`audit_clauses` report what is wrong with the
clauses before anyone leaves: every other clause goes through the one clause-audit
mechanism of :mod:`hrpolicy.core.clauses`, by the rule :data:`CLAUSE_RULES` gives its kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Final

from hrpolicy.bonds.counting import fen, measure
from hrpolicy.bonds.messages import CATALOG
from hrpolicy.bonds.model import (
    BondAgreement,
    ClauseKind,
    CostMultiple,
    FlatSum,
    PenaltyClause,
    PerLaw,
    PerUnservedUnit,
    ProRata,
    ServedTimeSchedule,
)
from hrpolicy.bonds.results import ServicePeriod
from hrpolicy.bonds.rules import ROUNDINGS, UNITS
from hrpolicy.core.clauses import ClauseRule, ClauseVerdict, Verdict, audit_clause
from hrpolicy.core.explain import Label, StepValue, Trail
from hrpolicy.core.label import label
from hrpolicy.core.money import ZERO_EXACT, exact
from hrpolicy.core.span import Rounding
from hrpolicy.law.provisions import provision as p

__all__ = [
    "CLAUSE_RULES",
    "audit_clauses",
    "audit_penalty",
    "basis",
    "clause_amount",
    "clause_name",
]


def _rule(verdict: Verdict, finding: str, zh: str, en: str) -> ClauseRule:
    """A rule whose articles are those its catalog finding cites (one source for both)."""
    return ClauseRule(verdict, finding, label(zh, en), CATALOG[finding].citations)


#: What the law makes of each other clause of a bond agreement: every one is unlawful
#: (prohibited: what was taken under it is given back, the employer may be sanctioned) or
#: void (it has no effect), with what the law allows instead.
CLAUSE_RULES: Final[Mapping[ClauseKind, ClauseRule]] = {
    ClauseKind.CERTIFICATE_WITHHOLDING: _rule(
        Verdict.UNLAWFUL,
        "certificate_withholding",
        "证件立即退还本人",
        "the documents are returned to the employee at once",
    ),
    ClauseKind.DEPOSIT: _rule(
        Verdict.UNLAWFUL,
        "deposit_or_guarantee",
        "所收财物全额退还，不得抵扣违约金；担保无效",
        "what was taken is returned in full, nothing set off against the penalty; no "
        "guarantee binds",
    ),
    ClauseKind.DOCUMENT_WITHHOLDING: _rule(
        Verdict.UNLAWFUL,
        "separation_documents_withheld",
        "离职时出具离职证明，十五日内转移档案和社会保险关系",
        "the separation certificate when employment ends; the file and social insurance "
        "transferred within 15 days",
    ),
    ClauseKind.LOSS_PENALTY: _rule(
        Verdict.VOID,
        "loss_penalty_void",
        "只能另行主张经证明的实际损失",
        "only proven actual loss, claimed separately as damages",
    ),
    ClauseKind.WAGE_DEDUCTION: _rule(
        Verdict.UNLAWFUL,
        "penalty_deducted_from_wages",
        "工资足额支付，违约金以合法方式另行主张",
        "wages paid in full; the capped penalty claimed by lawful means",
    ),
    ClauseKind.NO_RESIGNATION: _rule(
        Verdict.VOID,
        "resignation_restricted",
        "员工可依法辞职，只承担受上限限制的违约金",
        "the employee may resign and owes at most the capped penalty",
    ),
    ClauseKind.PENALTY_ON_ANY_EXIT: _rule(
        Verdict.VOID,
        "penalty_on_exempt_exits",
        "违约金只在实施条例第二十六条所列的离职情形下承担",
        "the penalty is owed only on the exits Regs 26 lists",
    ),
    ClauseKind.WAGES_AS_COST: _rule(
        Verdict.VOID,
        "wages_as_cost_clause",
        "培训费用只计有凭证的直接费用",
        "training cost counts only vouchered direct costs",
    ),
    ClauseKind.PAY_FREEZE: _rule(
        Verdict.UNLAWFUL,
        "pay_raise_frozen",
        "服务期内正常调薪照常进行",
        "normal pay raises continue during the bond",
    ),
    ClauseKind.EXAM_FAILURE_TERMINATION: _rule(
        Verdict.VOID,
        "exam_failure_termination",
        "劳动合同只能依法定情形终止",
        "the contract ends only on the statutory grounds",
    ),
}


def clause_name(clause: PenaltyClause) -> Label:
    """The clause described in both languages, e.g. ``1 × cost Art. 4``."""
    ref = f" {clause.clause_ref}" if clause.clause_ref else ""
    if isinstance(clause, FlatSum):
        zh, en = f"固定金额{clause.amount}元", f"flat sum of {clause.amount}"
    elif isinstance(clause, CostMultiple):
        zh, en = f"培训费用的{clause.multiple}倍", f"{clause.multiple} × cost"
    elif isinstance(clause, (ProRata, PerUnservedUnit, ServedTimeSchedule)):
        unit, rounding = UNITS[clause.unit], ROUNDINGS[clause.rounding]
        if isinstance(clause, ProRata):
            zh = f"按{unit.zh_CN}分摊（{rounding.zh_CN}）"
            en = f"pro rata by {unit.en} ({rounding.en})"
        elif isinstance(clause, PerUnservedUnit):
            zh = f"每未服务一{unit.zh_CN}{clause.rate}（{rounding.zh_CN}）"
            en = f"{clause.rate} per unserved {unit.en} ({rounding.en})"
        else:
            zh = f"按已服务{unit.zh_CN}数分档（{rounding.zh_CN}）"
            en = f"stepped by {unit.en}s served ({rounding.en})"
    else:
        zh, en = "依法按比例返还", "repay per law"
    return label(zh + ref, en + ref)


def basis(agreement: BondAgreement, cost: Fraction) -> Fraction:
    """The cost figure a clause computes on: the recognised cost C, or the agreement's
    stated cost when that is lower (a lower agreed figure stands; a higher one is not
    training cost, Regs 16)."""
    if agreement.stated_cost is None:
        return cost
    return min(exact(agreement.stated_cost), cost)


def clause_amount(
    clause: PenaltyClause,
    *,
    cost_basis: Fraction,
    start: date,
    end: date,
    left_through: date,
    statutory_cap: Fraction,
) -> tuple[Fraction, dict[str, StepValue]]:
    """What ``clause`` asks of someone whose service ran ``[start, left_through)`` of
    ``[start, end)``, exactly; also the inputs it used."""
    if isinstance(clause, FlatSum):
        return exact(clause.amount), {"amount": clause.amount}
    if isinstance(clause, CostMultiple):
        amount = cost_basis * exact(clause.multiple)
        return amount, {"multiple": clause.multiple, "cost_basis": cost_basis}
    if isinstance(clause, PerLaw):
        return statutory_cap, {"statutory_cap": statutory_cap}
    served = measure(start, left_through, clause.unit, clause.rounding)
    total = measure(start, end, clause.unit, Rounding.EXACT).value
    unserved = max(total - served.value, ZERO_EXACT)
    inputs: dict[str, StepValue] = {
        "cost_basis": cost_basis,
        "unit": clause.unit.value,
        "rounding": clause.rounding.value,
        "served": served.value,
        "total": total,
    }
    if isinstance(clause, ProRata):
        return cost_basis * unserved / total, inputs
    if isinstance(clause, PerUnservedUnit):
        inputs["rate"] = clause.rate
        return cost_basis * clause.rate.exact * unserved, inputs
    share = clause.table.value_at(served.value)
    inputs["share"] = share
    return cost_basis * share, inputs


def audit_penalty(
    agreement: BondAgreement, cost: Fraction, service: ServicePeriod, trail: Trail
) -> None:
    """Findings on the penalty clause itself: missing, not prorated, above the cost."""
    clause = agreement.penalty
    if clause is None:
        trail.find("no_penalty_clause", subject=agreement.id)
        return
    name = clause_name(clause)
    cost_basis = basis(agreement, cost)
    start, end = service.start, service.end_exclusive

    def asks(left_through: date) -> Fraction:
        # Only a clause that repays per law asks the statutory cap.
        cap = (
            cost * (end - left_through).days / (end - start).days
            if isinstance(clause, PerLaw)
            else cost
        )
        amount, _ = clause_amount(
            clause,
            cost_basis=cost_basis,
            start=start,
            end=end,
            left_through=left_through,
            statutory_cap=cap,
        )
        return amount

    # No clause rises with time served: the most it asks is on the first day, the least
    # on the last day of service. The same amount on both is repayment whatever the time
    # served.
    most, least = asks(service.start), asks(service.last_day)
    if most > 0 and most == least:
        trail.find("penalty_not_prorated", subject=clause.clause_ref, clause=name)
    trail.step(
        "A3.clause_maximum",
        label(
            "条款可主张的最高金额（第一天离职时）", "most the clause can ask (leaving on day one)"
        ),
        {"clause": name, "training_cost": cost},
        most,
        p("LCL 22(2)"),
    )
    if most > cost:
        trail.find(
            "penalty_above_cost",
            subject=clause.clause_ref,
            clause=name,
            amount=fen(most),
            cost=fen(cost),
        )


def audit_clauses(agreement: BondAgreement, trail: Trail) -> tuple[ClauseVerdict, ...]:
    """Audit every other clause of ``agreement`` by its kind's rule in
    :data:`CLAUSE_RULES` (all are unlawful or void): a step ``clause.<kind>`` and the
    rule's finding, with its articles, per clause; a clause without a ref is named by its
    place (``#1``). A deposit or loss figure the clause names is the finding's ``amount``.

    Returns:
        One :class:`~hrpolicy.core.clauses.ClauseVerdict` per clause, in the agreement's
        order.

    Example:
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> [agreement] = electrician_case().agreements
        >>> trail = Trail(CATALOG)
        >>> [(v.ref, v.kind, v.verdict.value, v.articles) for v in audit_clauses(agreement, trail)]
        [('Art. 5', 'loss_penalty', 'void', ('LCL 25', 'LCL 90', 'LL 102'))]
    """
    verdicts = []
    for index, clause in enumerate(agreement.clauses):
        ref = clause.ref or f"#{index + 1}"
        rule = CLAUSE_RULES[clause.kind]
        extra = {} if clause.amount is None else {"amount": clause.amount}
        verdicts.append(audit_clause(ref, clause.kind.value, rule, trail, **extra))
    return tuple(verdicts)
