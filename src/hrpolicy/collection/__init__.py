"""Collection-linked bonuses and clawbacks (回款挂钩).

Receivables are data (:class:`Receivables` of invoices, payments, reversals, credit notes
and write-offs, with an explicit :class:`MatchingRule`); a :class:`CollectionPolicy` says
when commission is released as cash comes in; :func:`settle_month` computes one
salesperson's month — releases, clawbacks at the original rate, the risk reserve,
recovery under the wage-deduction cap, milestone awards and relationship-expense advances
— and reports every clause the law overrides.
"""

from hrpolicy.collection.engine import (
    recovery_cap,
    recovery_schedule,
    settle_month,
    settle_team,
)
from hrpolicy.collection.ledger import InvoicePosition, Ledger, Portion, ledger
from hrpolicy.collection.model import (
    Advance,
    Agreement,
    CollectionInputs,
    CollectionState,
    CreditNote,
    Invoice,
    InvoiceAccount,
    Layer,
    MatchingRule,
    MilestoneEvent,
    Payment,
    Receivables,
    RelationshipExpense,
    Reversal,
    WriteOff,
)
from hrpolicy.collection.policy import (
    CollectionPolicy,
    CollectionVersion,
    CompletionMatrix,
    DaysFrom,
    DaysToCollect,
    ExpenseAdvance,
    FullCollection,
    MilestoneAward,
    MilestoneKind,
    OnInvoice,
    OverdueIndex,
    Proportional,
    ReleaseRule,
    RiskReserve,
    Staged,
)
from hrpolicy.collection.results import (
    CollectionLine,
    CollectionLineKind,
    CollectionStatement,
    PerformanceDeduction,
    RecoveryMonth,
    RecoverySchedule,
)

__all__ = [
    "Advance",
    "Agreement",
    "CollectionInputs",
    "CollectionLine",
    "CollectionLineKind",
    "CollectionPolicy",
    "CollectionState",
    "CollectionStatement",
    "CollectionVersion",
    "CompletionMatrix",
    "CreditNote",
    "DaysFrom",
    "DaysToCollect",
    "ExpenseAdvance",
    "FullCollection",
    "Invoice",
    "InvoiceAccount",
    "InvoicePosition",
    "Layer",
    "Ledger",
    "MatchingRule",
    "MilestoneAward",
    "MilestoneEvent",
    "MilestoneKind",
    "OnInvoice",
    "OverdueIndex",
    "Payment",
    "PerformanceDeduction",
    "Portion",
    "Proportional",
    "Receivables",
    "RecoveryMonth",
    "RecoverySchedule",
    "RelationshipExpense",
    "ReleaseRule",
    "Reversal",
    "RiskReserve",
    "Staged",
    "WriteOff",
    "ledger",
    "recovery_cap",
    "recovery_schedule",
    "settle_month",
    "settle_team",
]
