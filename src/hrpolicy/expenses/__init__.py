"""Sales expenses (费用): lump sums by the month or per unit sold, reimbursement at cost
to standards and caps, reimbursement paid only in a month the base target is met, and
advances (借支) against the approved weekly visit plan, reconciled against the claims —
a balance owed recovered from wages under the deduction cap.

Build the facts (:class:`Expense`, :class:`VisitPlan`, :class:`Advance`,
:class:`PayMonth`) and the company's rules (:class:`ExpensePolicy`, its
:class:`LumpSum` and :class:`Standard` entries) into an :class:`ExpenseCase`, then
:func:`settle_expenses` it.
"""

from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period
from hrpolicy.expenses import stored as _stored  # noqa: F401 - checked reading of statements
from hrpolicy.expenses.case import ExpenseCase
from hrpolicy.expenses.engine import settle_expenses
from hrpolicy.expenses.messages import CATALOG
from hrpolicy.expenses.model import Advance, Expense, PayMonth, RelationshipPlan, VisitPlan
from hrpolicy.expenses.policy import Basis, ExpensePolicy, LumpSum, Per, Standard, UnmetTarget
from hrpolicy.expenses.results import (
    CLAIM_STATUSES,
    RESULT_TABLES,
    ClaimLine,
    ClaimStatus,
    ExpenseStatement,
    LumpSumLine,
    PlanLine,
)

__all__ = [
    "CATALOG",
    "CLAIM_STATUSES",
    "RESULT_TABLES",
    "Advance",
    "Basis",
    "ClaimLine",
    "ClaimStatus",
    "Expense",
    "ExpenseCase",
    "ExpensePolicy",
    "ExpenseStatement",
    "LumpSum",
    "LumpSumLine",
    "PayMonth",
    "Per",
    "Period",
    "PlanLine",
    "Rate",
    "RelationshipPlan",
    "Standard",
    "UnmetTarget",
    "VisitPlan",
    "settle_expenses",
]
