"""The core every engine shares: money and rates, time measurement, work calendars, band
tables, explanations and findings, errors, conversion to and from plain data, display."""

from hrpolicy.core.approvals import (
    ApprovalRule,
    ApprovalSubject,
    Approver,
    Holds,
    SignOff,
    check_approvals,
)
from hrpolicy.core.bands import Band, BandApplication, BandTable, Piece, Semantics, Side
from hrpolicy.core.clauses import ClauseRule, ClauseVerdict, Verdict, audit_clause
from hrpolicy.core.compiled import CompiledTable
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import (
    ConversionError,
    HRPolicyError,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.core.explain import (
    Catalog,
    Explanation,
    Finding,
    FindingSpec,
    Label,
    Severity,
    Step,
    Trail,
)
from hrpolicy.core.formatting import format_date, format_money, format_rate
from hrpolicy.core.label import label
from hrpolicy.core.money import (
    Rate,
    allocate,
    format_exact,
    money_sum,
    parse_money,
    round_money,
)
from hrpolicy.core.period import Period
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema, ValueKind, exact_text
from hrpolicy.core.recovery import RecoveryMonth, RecoverySchedule, recovery_cap, recovery_schedule
from hrpolicy.core.span import Rounding, Span, TimeUnit, add_units, measure, through
from hrpolicy.core.statement import PaidLine
from hrpolicy.core.workcal import (
    ChineseStatutoryCalendar,
    DayKind,
    TableCalendar,
    WorkCalendar,
    add_workdays,
    count_workdays,
    is_workday,
    next_workday,
    previous_workday,
)

__all__ = [
    "ApprovalRule",
    "ApprovalSubject",
    "Approver",
    "Band",
    "BandApplication",
    "BandTable",
    "Catalog",
    "ChineseStatutoryCalendar",
    "ClauseRule",
    "ClauseVerdict",
    "Column",
    "ColumnType",
    "CompiledTable",
    "ConversionError",
    "DayKind",
    "Explanation",
    "Finding",
    "FindingSpec",
    "HRPolicyError",
    "Holds",
    "InvalidTypeError",
    "InvalidValueError",
    "Label",
    "MissingDependencyError",
    "NotCoveredError",
    "PaidLine",
    "Period",
    "Piece",
    "PolicyDefinitionError",
    "Rate",
    "RecoveryMonth",
    "RecoverySchedule",
    "Rounding",
    "Semantics",
    "Severity",
    "Side",
    "SignOff",
    "Span",
    "Step",
    "Table",
    "TableCalendar",
    "TableSchema",
    "TimeUnit",
    "Trail",
    "ValueKind",
    "Verdict",
    "WorkCalendar",
    "add_units",
    "add_workdays",
    "allocate",
    "audit_clause",
    "check_approvals",
    "count_workdays",
    "exact_text",
    "format_date",
    "format_exact",
    "format_money",
    "format_rate",
    "from_dict",
    "is_workday",
    "label",
    "measure",
    "money_sum",
    "next_workday",
    "parse_money",
    "previous_workday",
    "recovery_cap",
    "recovery_schedule",
    "round_money",
    "through",
    "to_dict",
]
