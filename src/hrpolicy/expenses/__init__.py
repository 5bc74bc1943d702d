"""Sales expenses (费用): lump sums by the month or per unit sold, reimbursement at cost
to standards and caps, reimbursement paid only in a month the base target is met, and
advances (借支) against the approved weekly visit plan, reconciled against the claims —
a balance owed recovered from wages under the deduction cap.

Build the facts (:class:`Expense`, :class:`VisitPlan`, :class:`Advance`,
:class:`PayMonth`) and the company's rules (:class:`ExpensePolicy`, its
:class:`LumpSum` and :class:`Standard` entries) into an :class:`ExpenseCase`, then
:func:`settle_expenses` it. Sign-offs are checked through :mod:`hrpolicy.core.approvals`,
whose rules, approvers and sign-offs are exported here too.
"""

from hrpolicy.core.approvals import (
    BRANCH_MANAGER,
    BUDGET_ABOVE,
    DEPARTMENT_MANAGER,
    EXPENSE_ABOVE,
    GENERAL_MANAGER,
    RELATIONSHIP_PLAN,
    Act,
    ApprovalRule,
    Approver,
    Holds,
    SignOff,
)
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period, Season
from hrpolicy.expenses import stored as _stored  # noqa: F401 - checked reading of statements
from hrpolicy.expenses.case import ExpenseCase
from hrpolicy.expenses.engine import settle_expenses
from hrpolicy.expenses.messages import CATALOG
from hrpolicy.expenses.model import (
    Advance,
    Expense,
    HeldClaim,
    PayMonth,
    Reimbursed,
    RelationshipPlan,
    VisitPlan,
)
from hrpolicy.expenses.policy import Basis, ExpensePolicy, LumpSum, Per, Standard, UnmetTarget
from hrpolicy.expenses.results import (
    CLAIM_STATUSES,
    RESULT_TABLES,
    AdvanceLine,
    ClaimLine,
    ClaimStatus,
    ExpenseStatement,
    LumpSumLine,
    PlanLine,
)

__all__ = [
    "BRANCH_MANAGER",
    "BUDGET_ABOVE",
    "CATALOG",
    "CLAIM_STATUSES",
    "DEPARTMENT_MANAGER",
    "EXPENSE_ABOVE",
    "GENERAL_MANAGER",
    "RELATIONSHIP_PLAN",
    "RESULT_TABLES",
    "Act",
    "Advance",
    "AdvanceLine",
    "ApprovalRule",
    "Approver",
    "Basis",
    "ClaimLine",
    "ClaimStatus",
    "Expense",
    "ExpenseCase",
    "ExpensePolicy",
    "ExpenseStatement",
    "HeldClaim",
    "Holds",
    "Label",
    "LumpSum",
    "LumpSumLine",
    "PayMonth",
    "Per",
    "Period",
    "PlanLine",
    "Rate",
    "Reimbursed",
    "RelationshipPlan",
    "Season",
    "SignOff",
    "Standard",
    "UnmetTarget",
    "VisitPlan",
    "settle_expenses",
]
