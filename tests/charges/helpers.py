"""Small builders for charges tests.

The standard case: a full-time salesperson under a labour contract from 2026-01-01,
paid by calendar month 3,000 yuan against a local minimum wage of 2,690 — so a month's
deduction cap is min(20 % × 3,000 = 600.00, 3,000 − 2,690 = 310.00) = 310.00 — settled
on 2026-03-20, with the pay periods March to May 2026.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hrpolicy.charges import (
    Charge,
    ChargeAgreement,
    ChargeCase,
    Incident,
    PayPeriod,
    Relationship,
    Taking,
    Worker,
)

START = date(2026, 1, 1)


def month(year: int, number: int, wage: str = "3000", minimum: str | None = "2690") -> PayPeriod:
    following = date(year + number // 12, number % 12 + 1, 1)
    return PayPeriod(
        start=date(year, number, 1),
        end=following - timedelta(days=1),
        wage=Decimal(wage),
        minimum_wage=None if minimum is None else Decimal(minimum),
    )


def worker(relationship: Relationship = Relationship.LABOUR_CONTRACT, **changes: Any) -> Worker:
    values: dict[str, Any] = {"id": "W-1", "relationship": relationship, "started": START}
    if relationship is Relationship.LABOUR_SERVICE:
        values["enrolled_student"] = True
    values.update(changes)
    return Worker(**values)


def case(
    *charges: Charge,
    relationship: Relationship = Relationship.LABOUR_CONTRACT,
    incidents: tuple[Incident, ...] = (),
    takings: tuple[Taking, ...] = (),
    pay_periods: tuple[PayPeriod, ...] | None = None,
    as_of: date = date(2026, 3, 20),
    worker_changes: dict[str, Any] | None = None,
    **changes: Any,
) -> ChargeCase:
    periods = (
        (month(2026, 3), month(2026, 4), month(2026, 5)) if pay_periods is None else pay_periods
    )
    return ChargeCase(
        worker=worker(relationship, **(worker_changes or {})),
        agreement=ChargeAgreement(id="A-1", signed_on=START, charges=charges),
        as_of=as_of,
        incidents=incidents,
        takings=takings,
        pay_periods=periods,
        **changes,
    )
