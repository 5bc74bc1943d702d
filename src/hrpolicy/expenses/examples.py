"""The expense rules of the source handbooks, as data, and worked months built on them.

Each policy function quotes the rule it writes down. The figures the sources leave open
are chosen here and stated: a salesperson (``S-WANG``) in 2026; a monthly lump sum of
1,000 yuan (the handbook's range is 800–1,000); the standards of :func:`at_cost_policy`
(lodging 200 yuan a night, meals 50 yuan a day, fares 300 yuan a trip, the phone half
reimbursed up to 100 yuan a month); a local minimum wage of 2,690 yuan a month and a
wage of 3,000 yuan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrpolicy.core.approvals import (
    BRANCH_MANAGER,
    DEPARTMENT_MANAGER,
    EXPENSE_ABOVE,
    GENERAL_MANAGER,
    RELATIONSHIP_PLAN,
    ApprovalRule,
    Holds,
    SignOff,
)
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period
from hrpolicy.expenses.model import (
    Advance,
    Expense,
    ExpenseCase,
    PayMonth,
    RelationshipPlan,
    VisitPlan,
)
from hrpolicy.expenses.policy import Basis, ExpensePolicy, LumpSum, Per, Standard, UnmetTarget

__all__ = [
    "advance_reconciled_case",
    "at_cost_case",
    "at_cost_policy",
    "monthly_lump_sum_case",
    "monthly_lump_sum_policy",
    "per_unit_lump_sum_case",
    "per_unit_lump_sum_policy",
    "relationship_plan_case",
    "relationship_plan_policy",
    "target_gated_policy",
    "target_not_met_case",
]

_WHO = "S-WANG"
#: The categories a lump sum covers in the handbook: fares, phone, travel allowance.
_LUMP_CATEGORIES = ("fares", "phone", "travel")


def monthly_lump_sum_policy(amount: Decimal = Decimal(1000)) -> ExpensePolicy:
    """业务员费用实行包干，每月800–1,000元，包括车费、电话费、出差补助，节余归己，超支自负。

    "Salespeople's expenses are a lump sum of 800–1,000 yuan a month covering fares,
    phone and travel allowance; the salesperson keeps what is saved and bears any
    overspend." (``amount``: the month's sum, 1,000 unless given.)

    >>> monthly_lump_sum_policy().lump_sums[0].covers
    ('fares', 'phone', 'travel')
    """
    return ExpensePolicy(
        name="monthly lump sum",
        lump_sums=(
            LumpSum(
                ref="L1",
                basis=Basis.MONTH,
                amount=amount,
                covers=_LUMP_CATEGORIES,
                text="每月包干，节余归己，超支自负 / saving kept, overspend borne",
            ),
        ),
    )


def per_unit_lump_sum_policy() -> ExpensePolicy:
    """按销售量包干费用，每公斤0.3元，节余归己，超支自负。

    "Expenses are a lump sum of 0.3 yuan per kg sold, used the same way: the saving
    kept, the overspend borne."
    """
    return ExpensePolicy(
        name="lump sum per kg",
        lump_sums=(
            LumpSum(
                ref="L-KG",
                basis=Basis.UNIT,
                amount=Decimal("0.3"),
                unit="kg",
                covers=_LUMP_CATEGORIES,
                text="每公斤0.3元包干 / 0.3 yuan per kg sold",
            ),
        ),
    )


def at_cost_policy(phone_share: str = "50%") -> ExpensePolicy:
    """费用按标准实报实销：住宿每晚200元、伙食每天50元、车费每趟300元以内；电话费按一定
    比例报销，每月不超过100元。

    "Expenses are reimbursed at cost to a standard: lodging up to 200 yuan a night,
    meals 50 yuan a day, fares 300 yuan a trip; phone costs reimbursed in part (50 %, or
    ``phone_share``), at most 100 yuan a month." (Reimbursement once the branch manager
    approves: the sign-off is a case fact checked by the approvals rules.)
    """
    return ExpensePolicy(
        name="at cost to standards",
        standards=(
            Standard(category="lodging", limit=Decimal(200), per=Per.DAY),
            Standard(category="meals", limit=Decimal(50), per=Per.DAY),
            Standard(category="fares", limit=Decimal(300), per=Per.TRIP),
            Standard(
                category="phone",
                limit=Decimal(100),
                per=Per.MONTH,
                share=Rate.parse(phone_share),
            ),
        ),
    )


def target_gated_policy(unmet: UnmetTarget = UnmetTarget.HELD) -> ExpensePolicy:
    """完成任务底薪目标的月份，方可报销费用。

    "Expenses are reimbursed only in a month the task base target is met" — the
    standards of :func:`at_cost_policy`; in a month the target is missed the
    reimbursement is held (or, with ``unmet=FORFEITED``, lost)."""
    base = at_cost_policy()
    return ExpensePolicy(
        name="reimbursed in a target month",
        standards=base.standards,
        needs_base_target=True,
        unmet_target=unmet,
    )


def _march() -> Period:
    return Period(year=2026, month=3)


def monthly_lump_sum_case(amount: Decimal = Decimal(1000)) -> ExpenseCase:
    """March 2026 under the monthly lump sum: fares 430.00, phone 150.00 and a trip's
    travel costs 300.00 — 880.00 spent of 1,000.00, a saving of 120.00 kept."""
    return ExpenseCase(
        salesperson=_WHO,
        period=_march(),
        policy=monthly_lump_sum_policy(amount),
        expenses=(
            Expense(id="E1", category="fares", on=date(2026, 3, 4), amount=Decimal("430.00")),
            Expense(id="E2", category="phone", on=date(2026, 3, 31), amount=Decimal("150.00")),
            Expense(id="E3", category="travel", on=date(2026, 3, 18), amount=Decimal("300.00")),
        ),
    )


def per_unit_lump_sum_case() -> ExpenseCase:
    """March 2026 under the lump sum per kg: 3,250 kg sold, so 975.00 yuan; fares
    520.00, phone 150.00 and travel 350.00 — 1,020.00 spent, 45.00 overspent."""
    return ExpenseCase(
        salesperson=_WHO,
        period=_march(),
        policy=per_unit_lump_sum_policy(),
        units_sold=Decimal(3250),
        expenses=(
            Expense(id="E1", category="fares", on=date(2026, 3, 6), amount=Decimal("520.00")),
            Expense(id="E2", category="phone", on=date(2026, 3, 31), amount=Decimal("150.00")),
            Expense(id="E3", category="travel", on=date(2026, 3, 20), amount=Decimal("350.00")),
        ),
    )


def _april_claims() -> tuple[Expense, ...]:
    return (
        Expense(
            id="E1",
            category="lodging",
            on=date(2026, 4, 8),
            amount=Decimal("460.00"),
            quantity=2,
            description="two nights in Wuxi",
        ),
        Expense(id="E2", category="meals", on=date(2026, 4, 8), amount=Decimal(80), quantity=2),
        Expense(id="E3", category="fares", on=date(2026, 4, 8), amount=Decimal(260)),
        Expense(id="E4", category="phone", on=date(2026, 4, 30), amount=Decimal(268)),
        Expense(id="E5", category="gifts", on=date(2026, 4, 9), amount=Decimal(500)),
        Expense(
            id="E6",
            category="lodging",
            on=date(2026, 4, 15),
            amount=Decimal(180),
            receipt=False,
        ),
    )


def at_cost_case() -> ExpenseCase:
    """April 2026 at cost: lodging 460.00 for two nights (400.00 to the standard), meals
    80.00 for two days, fares 260.00, the phone 268.00 (half is 134.00, capped at
    100.00), gifts 500.00 (no standard) and a night without a receipt (180.00) —
    840.00 reimbursable."""
    return ExpenseCase(
        salesperson=_WHO,
        period=Period(year=2026, month=4),
        policy=at_cost_policy(),
        expenses=_april_claims(),
    )


def target_not_met_case(unmet: UnmetTarget = UnmetTarget.HELD) -> ExpenseCase:
    """The claims of :func:`at_cost_case` in a month whose task base target was missed:
    840.00 held (or forfeited)."""
    return ExpenseCase(
        salesperson=_WHO,
        period=Period(year=2026, month=4),
        policy=target_gated_policy(unmet),
        expenses=_april_claims(),
        base_target_met=False,
    )


def advance_reconciled_case() -> ExpenseCase:
    """May 2026: the approved plans for weeks 19 (budget 1,200) and 20 (budget 1,000);
    1,200.00 and 1,000.00 advanced against them; claims reimbursable to 1,430.00
    (lodging 600.00, fares 420.00 and meals 150.00 in week 19, fares 180.00 and the phone
    80.00 in week 20). 770.00 is owed back: at most 310.00 a month from a wage of
    3,000.00 over a minimum wage of 2,690.00 — 310.00 in May, 310.00 in June, 150.00 in
    July."""
    manager = "branch manager Zhao"
    return ExpenseCase(
        salesperson=_WHO,
        period=Period(year=2026, month=5),
        policy=at_cost_policy(),
        visit_plans=(
            VisitPlan(week="2026-W19", budget=Decimal(1200), approved_by=manager),
            VisitPlan(week="2026-W20", budget=Decimal(1000), approved_by=manager),
        ),
        advances=(
            Advance(id="A1", on=date(2026, 5, 4), amount=Decimal(1200), plan_week="2026-W19"),
            Advance(id="A2", on=date(2026, 5, 11), amount=Decimal(1000), plan_week="2026-W20"),
        ),
        expenses=(
            Expense(
                id="E1",
                category="lodging",
                on=date(2026, 5, 5),
                amount=Decimal(600),
                quantity=3,
                plan_week="2026-W19",
            ),
            Expense(
                id="E2",
                category="fares",
                on=date(2026, 5, 5),
                amount=Decimal(420),
                quantity=2,
                plan_week="2026-W19",
            ),
            Expense(
                id="E3",
                category="meals",
                on=date(2026, 5, 7),
                amount=Decimal(150),
                quantity=3,
                plan_week="2026-W19",
            ),
            Expense(
                id="E4",
                category="fares",
                on=date(2026, 5, 12),
                amount=Decimal(180),
                plan_week="2026-W20",
            ),
            Expense(id="E5", category="phone", on=date(2026, 5, 31), amount=Decimal(160)),
        ),
        pay_months=tuple(
            PayMonth(
                period=Period(year=2026, month=month),
                wage=Decimal(3000),
                minimum_wage=Decimal(2690),
            )
            for month in (5, 6, 7)
        ),
    )


def relationship_plan_policy() -> ExpensePolicy:
    """公关计划及预算须经部门经理审核、总经理批准；费用报销须经分公司经理批准，单笔超过
    2,000元的须经总经理批准。

    "A relationship-building plan and its budget need the department manager's review and
    the general manager's approval; every expense claim needs the branch manager's
    approval, and one above 2,000 yuan the general manager's too." The standards of
    :func:`at_cost_policy`; what is charged to a plan is reimbursed at cost up to its
    budget."""
    return ExpensePolicy(
        name="approvals",
        standards=at_cost_policy().standards,
        approvals=(
            ApprovalRule(
                kind=EXPENSE_ABOVE,
                approvers=(BRANCH_MANAGER,),
                holds=Holds.REIMBURSEMENT,
                reference="费用报销须经分公司经理批准",
            ),
            ApprovalRule(
                kind=EXPENSE_ABOVE,
                approvers=(GENERAL_MANAGER,),
                above=Decimal(2000),
                holds=Holds.REIMBURSEMENT,
                reference="单笔超过2,000元须经总经理批准",
            ),
            ApprovalRule(
                kind=RELATIONSHIP_PLAN,
                approvers=(DEPARTMENT_MANAGER, GENERAL_MANAGER),
                holds=Holds.REIMBURSEMENT,
                reference="公关计划及预算须经部门经理审核、总经理批准",
            ),
        ),
    )


def relationship_plan_case(*, general_manager_signed: bool = False) -> ExpenseCase:
    """June 2026: a relationship-building plan ``PR-1`` with a budget of 3,000 yuan,
    reviewed by the department manager on 2 June (and, with ``general_manager_signed``,
    approved by the general manager on 3 June); a dinner of 1,800.00 and gifts of
    1,500.00 charged to it (3,300.00, so 3,000.00 up to the budget), each approved by the
    branch manager; fares of 260.00 the branch manager has not signed. Without the
    general manager's approval of the plan, the 3,000.00 of it is held back; the fares'
    260.00 are held for the branch manager."""
    branch = SignOff(approver="branch_manager", reference="BM-0610", signed_on=date(2026, 6, 10))
    plan_signs = [
        SignOff(approver="department_manager", reference="DM-0602", signed_on=date(2026, 6, 2))
    ]
    if general_manager_signed:
        plan_signs.append(
            SignOff(approver="general_manager", reference="GM-0603", signed_on=date(2026, 6, 3))
        )
    return ExpenseCase(
        salesperson=_WHO,
        period=Period(year=2026, month=6),
        policy=relationship_plan_policy(),
        relationship_plans=(
            RelationshipPlan(id="PR-1", budget=Decimal(3000), sign_offs=tuple(plan_signs)),
        ),
        expenses=(
            Expense(
                id="E1",
                category="entertainment",
                on=date(2026, 6, 5),
                amount=Decimal(1800),
                relationship_plan="PR-1",
                sign_offs=(branch,),
            ),
            Expense(
                id="E2",
                category="gifts",
                on=date(2026, 6, 8),
                amount=Decimal(1500),
                relationship_plan="PR-1",
                sign_offs=(branch,),
            ),
            Expense(id="E3", category="fares", on=date(2026, 6, 9), amount=Decimal(260)),
        ),
    )
