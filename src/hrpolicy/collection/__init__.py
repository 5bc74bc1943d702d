"""Collection-linked bonuses and clawbacks (回款挂钩).

Receivables are data (:class:`Receivables` of invoices, payments, reversals, credit notes
and write-offs, with an explicit :class:`MatchingRule`); a :class:`CollectionPolicy` says
when commission is released as cash comes in; :func:`settle_month` computes one
salesperson's month — releases, clawbacks at the original rate, the risk reserve,
recovery under the wage-deduction cap, milestone awards and relationship-expense advances
— and reports every clause the law overrides.

The core types this engine's API takes and returns are exported here too, so that one
import serves a statement: :class:`Period`, :class:`PaidLine`, :class:`Rate`, the band
tables policies are built from (:class:`BandTable`, :class:`Band`, :class:`Semantics`,
:class:`Side`) and the explanation a statement carries (:class:`Explanation`,
:class:`Step`, :class:`Finding`, :class:`Severity`, :class:`Label`).
"""

from hrpolicy.collection.case import CollectionCase, CollectionMonth
from hrpolicy.collection.engine import (
    recovery_cap,
    recovery_schedule,
    settle_month,
    settle_team,
)
from hrpolicy.collection.ledger import (
    InvoicePosition,
    Ledger,
    Portion,
    carried_ledger,
    ledger,
    why_replayed,
)
from hrpolicy.collection.model import (
    Advance,
    Agreement,
    CarriedCredit,
    CarriedInvoice,
    CarriedLedger,
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
    ReserveHolding,
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
    ReserveHorizon,
    ReservePart,
    RiskReserve,
    Staged,
)
from hrpolicy.collection.results import (
    RESULT_TABLES,
    CollectionLine,
    CollectionLineKind,
    CollectionStatement,
    MatrixReading,
    OverdueReading,
    PerformanceDeduction,
    RecoveryMonth,
    RecoverySchedule,
    team_tables,
)
from hrpolicy.collection.runs import (
    CollectionRun,
    PolicyComparison,
    TeamCollectionRun,
    compare_policies,
    settle_run,
    settle_team_run,
)
from hrpolicy.collection.stored import RESULT_FORMAT, STATE_FORMAT
from hrpolicy.core.bands import Band, BandTable, Semantics, Side
from hrpolicy.core.explain import Explanation, Finding, Label, Severity, Step
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period, Season
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
from hrpolicy.core.statement import PaidLine
from hrpolicy.core.whatif import WhatIfRow

__all__ = [
    "RESULT_FORMAT",
    "RESULT_TABLES",
    "STATE_FORMAT",
    "Advance",
    "Agreement",
    "Band",
    "BandTable",
    "CarriedCredit",
    "CarriedInvoice",
    "CarriedLedger",
    "CollectionCase",
    "CollectionInputs",
    "CollectionLine",
    "CollectionLineKind",
    "CollectionMonth",
    "CollectionPolicy",
    "CollectionRun",
    "CollectionState",
    "CollectionStatement",
    "CollectionVersion",
    "Column",
    "ColumnType",
    "CompletionMatrix",
    "CreditNote",
    "DaysFrom",
    "DaysToCollect",
    "ExpenseAdvance",
    "Explanation",
    "Finding",
    "FullCollection",
    "Invoice",
    "InvoiceAccount",
    "InvoicePosition",
    "Label",
    "Layer",
    "Ledger",
    "MatchingRule",
    "MatrixReading",
    "MilestoneAward",
    "MilestoneEvent",
    "MilestoneKind",
    "OnInvoice",
    "OverdueIndex",
    "OverdueReading",
    "PaidLine",
    "Payment",
    "PerformanceDeduction",
    "Period",
    "PolicyComparison",
    "Portion",
    "Proportional",
    "Rate",
    "Receivables",
    "RecoveryMonth",
    "RecoverySchedule",
    "RelationshipExpense",
    "ReleaseRule",
    "ReserveHolding",
    "ReserveHorizon",
    "ReservePart",
    "Reversal",
    "RiskReserve",
    "Season",
    "Semantics",
    "Severity",
    "Side",
    "Staged",
    "Step",
    "Table",
    "TableSchema",
    "TeamCollectionRun",
    "WhatIfRow",
    "WriteOff",
    "carried_ledger",
    "compare_policies",
    "ledger",
    "recovery_cap",
    "recovery_schedule",
    "settle_month",
    "settle_run",
    "settle_team",
    "settle_team_run",
    "team_tables",
    "why_replayed",
]
