"""Commission plans and statements (提成).

A plan is data (:class:`Plan` of effective-dated :class:`PlanVersion` objects built from
components); :func:`evaluate` computes one person's :class:`Statement` for a month or a
year, :func:`evaluate_team` a whole team's, and :func:`compare` the same deals under two
plans. Every line has a stable id and explains itself; findings flag deals below list
without approval, credit splits that do not add up, and pay below the minimum wage.
"""

from hrpolicy.commission.engine import compare, evaluate, evaluate_team, statement_from_dict
from hrpolicy.commission.model import (
    Carry,
    Credit,
    Deal,
    DealValues,
    Measure,
    PaidLine,
    Period,
    PersonInputs,
)
from hrpolicy.commission.plan import (
    Commission,
    Component,
    Condition,
    CustomerOverride,
    Draw,
    ExpenseAllowance,
    FixedPay,
    Frequency,
    Multiplier,
    OverListShare,
    Plan,
    PlanVersion,
    PoolShare,
    ProfitPool,
    Proration,
    RoleShare,
    TaskBase,
    Window,
)
from hrpolicy.commission.results import (
    Comparison,
    ComparisonRow,
    Line,
    LineKind,
    Statement,
    TeamStatement,
)

__all__ = [
    "Carry",
    "Commission",
    "Comparison",
    "ComparisonRow",
    "Component",
    "Condition",
    "Credit",
    "CustomerOverride",
    "Deal",
    "DealValues",
    "Draw",
    "ExpenseAllowance",
    "FixedPay",
    "Frequency",
    "Line",
    "LineKind",
    "Measure",
    "Multiplier",
    "OverListShare",
    "PaidLine",
    "Period",
    "PersonInputs",
    "Plan",
    "PlanVersion",
    "PoolShare",
    "ProfitPool",
    "Proration",
    "RoleShare",
    "Statement",
    "TaskBase",
    "TeamStatement",
    "Window",
    "compare",
    "evaluate",
    "evaluate_team",
    "statement_from_dict",
]
