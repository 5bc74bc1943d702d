"""Training service-period bonds (培训服务期协议) under LCL 22 and the Regulations.

Build the facts (:class:`Training`, :class:`BondAgreement`, :class:`Employment`,
:class:`Separation`), then :func:`review` an agreement or :func:`settle` the bonds at a
separation. :class:`BondPolicy` holds every switchable default.

The core types these take are exported here too, so one import is enough: :class:`Rate`,
:class:`TimeUnit` and :class:`Rounding` (the penalty forms and the policy), and
:class:`BandTable`, :class:`Band`, :class:`Semantics` and :class:`Side` (stepped schedules
and company service schedules).
"""

from hrpolicy.bonds import loading as _loading  # noqa: F401 - checked loading of results
from hrpolicy.bonds.case import BondCase, settle_cases
from hrpolicy.bonds.engine import plan_bonds, review, settle, settle_bond
from hrpolicy.bonds.messages import CATALOG
from hrpolicy.bonds.model import (
    BenefitKind,
    BondAgreement,
    Clause,
    ClauseKind,
    Collection,
    CollectionMethod,
    CostCategory,
    CostItem,
    CostMultiple,
    CostRange,
    Employment,
    ExitGround,
    FlatSum,
    Payer,
    PenaltyClause,
    PerLaw,
    PerUnservedUnit,
    ProRata,
    Provider,
    Regime,
    Separation,
    ServedTimeSchedule,
    ServiceLength,
    SpecialBenefit,
    StartRule,
    Training,
    TrainingKind,
    Waiver,
    WaiverCondition,
    WaiverEffect,
)
from hrpolicy.bonds.policy import (
    DOMAIN_COST_SCHEDULE,
    BondPolicy,
    MutualAgreementRule,
    ProbationRule,
    Region,
    ServiceSchedule,
)
from hrpolicy.bonds.results import (
    RESULT_TABLES,
    BondPlan,
    BondReview,
    BondSettlement,
    CostLine,
    Eligibility,
    EligibilityStatus,
    Outcome,
    RecognisedCost,
    SeparationSettlement,
    ServicePeriod,
    batch_tables,
)
from hrpolicy.bonds.whatif import BondComparison, compare_policies
from hrpolicy.core.bands import Band, BandTable, Semantics, Side
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period, Season
from hrpolicy.core.records import Column, ColumnType, Table, TableSchema
from hrpolicy.core.span import Rounding, TimeUnit
from hrpolicy.core.whatif import WhatIfRow

__all__ = [
    "CATALOG",
    "DOMAIN_COST_SCHEDULE",
    "RESULT_TABLES",
    "Band",
    "BandTable",
    "BenefitKind",
    "BondAgreement",
    "BondCase",
    "BondComparison",
    "BondPlan",
    "BondPolicy",
    "BondReview",
    "BondSettlement",
    "Clause",
    "ClauseKind",
    "Collection",
    "CollectionMethod",
    "Column",
    "ColumnType",
    "CostCategory",
    "CostItem",
    "CostLine",
    "CostMultiple",
    "CostRange",
    "Eligibility",
    "EligibilityStatus",
    "Employment",
    "ExitGround",
    "FlatSum",
    "MutualAgreementRule",
    "Outcome",
    "Payer",
    "PenaltyClause",
    "PerLaw",
    "PerUnservedUnit",
    "Period",
    "ProRata",
    "ProbationRule",
    "Provider",
    "Rate",
    "RecognisedCost",
    "Regime",
    "Region",
    "Rounding",
    "Season",
    "Semantics",
    "Separation",
    "SeparationSettlement",
    "ServedTimeSchedule",
    "ServiceLength",
    "ServicePeriod",
    "ServiceSchedule",
    "Side",
    "SpecialBenefit",
    "StartRule",
    "Table",
    "TableSchema",
    "TimeUnit",
    "Training",
    "TrainingKind",
    "Waiver",
    "WaiverCondition",
    "WaiverEffect",
    "WhatIfRow",
    "batch_tables",
    "compare_policies",
    "plan_bonds",
    "review",
    "settle",
    "settle_bond",
    "settle_cases",
]
