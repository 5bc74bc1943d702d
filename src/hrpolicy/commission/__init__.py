"""Commission plans and statements (提成).

A plan is data (:class:`Plan` of effective-dated :class:`PlanVersion` objects built from
components); :func:`evaluate` computes one person's :class:`Statement` for a month or a
year, :func:`evaluate_team` a whole team's, and :func:`compare` the same deals under two
plans. Every line has a stable id and explains itself; findings flag deals below list
without approval, credit splits that do not add up, and pay below the minimum wage.

A plan version's approval rules say which deals need whose sign-off (a sale on credit
needs the general manager's) and whether a missing one holds the deal's commission back
(:mod:`hrpolicy.commission.approvals`, on :mod:`hrpolicy.core.approvals`).

The core types these take are exported here too, so one import is enough:
:class:`BandTable`, :class:`Band`, :class:`Semantics` and :class:`Side` (commission
tables), :class:`Rate` (shares, VAT rates, role splits), :class:`Period` and
:class:`PaidLine` (the period and what earlier runs paid), and :class:`Label`,
:class:`Step`, :class:`Finding` and :class:`Severity` (what a statement's lines and
explanations hold), and :class:`ApprovalRule`, :class:`Approver`, :class:`Act`,
:class:`Holds`, :class:`SignOff` and :data:`GENERAL_MANAGER` (approval rules and the
sign-offs deals carry).
"""

from hrpolicy.commission.case import CommissionCase
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
    RESULT_TABLES,
    Comparison,
    ComparisonRow,
    Line,
    LineKind,
    Statement,
    TeamStatement,
)
from hrpolicy.commission.runs import (
    TeamYearRun,
    YearComparison,
    YearRun,
    compare_year,
    evaluate_team_year,
    evaluate_year,
)
from hrpolicy.commission.stored import RESULT_FORMAT
from hrpolicy.core.approvals import (
    GENERAL_MANAGER,
    Act,
    ApprovalRule,
    Approver,
    Holds,
    SignOff,
)
from hrpolicy.core.bands import Band, BandTable, Semantics, Side
from hrpolicy.core.explain import Finding, Severity, Step
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
from hrpolicy.core.whatif import WhatIfRow

__all__ = [
    "GENERAL_MANAGER",
    "RESULT_FORMAT",
    "RESULT_TABLES",
    "Act",
    "ApprovalRule",
    "Approver",
    "Band",
    "BandTable",
    "Carry",
    "Column",
    "ColumnType",
    "Commission",
    "CommissionCase",
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
    "Finding",
    "FixedPay",
    "Frequency",
    "Holds",
    "Label",
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
    "Rate",
    "RoleShare",
    "Semantics",
    "Severity",
    "Side",
    "SignOff",
    "Statement",
    "Step",
    "Table",
    "TableSchema",
    "TaskBase",
    "TeamStatement",
    "TeamYearRun",
    "WhatIfRow",
    "Window",
    "YearComparison",
    "YearRun",
    "compare",
    "compare_year",
    "evaluate",
    "evaluate_team",
    "evaluate_team_year",
    "evaluate_year",
    "statement_from_dict",
]
