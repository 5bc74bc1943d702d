"""Charges on workers beyond the training bond (押金 / 罚款 / 违约金 / 赔偿): deposits,
fines, agreed penalties, fixed charges per item, "compensate all losses" and
post-employment non-competes, under a labour contract, part-time labour or labour
service.

Build the facts (:class:`Worker`, :class:`ChargeAgreement` and its clauses,
:class:`Incident`, :class:`Taking`, :class:`PayPeriod`) into a :class:`ChargeCase`, then
:func:`settle_charges` it. :class:`ChargePolicy` holds every switchable reading.
"""

from hrpolicy.charges import stored as _stored  # noqa: F401 - checked reading of settlements
from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.engine import CLAUSE_RULES, settle_charges
from hrpolicy.charges.messages import CATALOG
from hrpolicy.charges.model import (
    Charge,
    ChargeAgreement,
    CompensationPayment,
    Deposit,
    DepositBasis,
    Fine,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    NonCompetePay,
    PayPeriod,
    Penalty,
    PerItemCharge,
    Relationship,
    Role,
    Taking,
    Trigger,
    Worker,
)
from hrpolicy.charges.policy import ChargePolicy, FineRule, PenaltyAndLoss, Region
from hrpolicy.charges.results import (
    RESULT_TABLES,
    ChargeLine,
    ChargeSettlement,
    IncidentClaim,
    ReturnReason,
    TakingOutcome,
)
from hrpolicy.core.clauses import ClauseVerdict, Verdict
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate

__all__ = [
    "CATALOG",
    "CLAUSE_RULES",
    "RESULT_TABLES",
    "Charge",
    "ChargeAgreement",
    "ChargeCase",
    "ChargeLine",
    "ChargePolicy",
    "ChargeSettlement",
    "ClauseVerdict",
    "CompensationPayment",
    "Deposit",
    "DepositBasis",
    "Fine",
    "FineRule",
    "Incident",
    "IncidentClaim",
    "Label",
    "LossCompensation",
    "Means",
    "NonCompete",
    "NonCompetePay",
    "PayPeriod",
    "Penalty",
    "PenaltyAndLoss",
    "PerItemCharge",
    "Rate",
    "Region",
    "Relationship",
    "ReturnReason",
    "Role",
    "Taking",
    "TakingOutcome",
    "Trigger",
    "Verdict",
    "Worker",
    "settle_charges",
]
