"""Small builders for bond tests: a standard case that each test changes in one respect.

The standard case: a professional-technical course from 2020-03-02 to 2020-03-31 costing
12,000 yuan (vouchered tuition, paid by the employer); a 3-year bond silent on its start,
so service runs from 2020-04-01 to 2023-03-31 (36 months); a contract running to the end
of 2024; and a resignation whose last day is 2021-03-31 — 12 months served, 24 unserved,
so the statutory cap is 12,000 × 24 / 36 = 8,000.00.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from hrpolicy.bonds import (
    BondAgreement,
    BondPolicy,
    BondSettlement,
    CostCategory,
    CostItem,
    Employment,
    ExitGround,
    Payer,
    PerLaw,
    Provider,
    Separation,
    ServiceLength,
    Training,
    TrainingKind,
    settle_bond,
)


def cost(
    amount: str = "12000",
    category: CostCategory = CostCategory.TUITION,
    *,
    item_id: str = "tuition",
    has_voucher: bool = True,
    paid_by: Payer = Payer.EMPLOYER,
    shared_by: int = 1,
) -> CostItem:
    return CostItem(
        id=item_id,
        category=category,
        amount=Decimal(amount),
        has_voucher=has_voucher,
        paid_by=paid_by,
        shared_by=shared_by,
    )


def training(**changes: Any) -> Training:
    base = Training(
        id="T1",
        kind=TrainingKind.PROFESSIONAL_TECHNICAL,
        provider=Provider.EXTERNAL,
        start=date(2020, 3, 2),
        end=date(2020, 3, 31),
        during_probation=False,
        costs=(cost(),),
    )
    return attrs.evolve(base, **changes)


def agreement(**changes: Any) -> BondAgreement:
    base = BondAgreement(
        id="A1",
        signed_on=date(2020, 3, 1),
        length=ServiceLength(years=3),
        penalty=PerLaw(),
        training=training(),
    )
    return attrs.evolve(base, **changes)


def employment(**changes: Any) -> Employment:
    base = Employment(hire_date=date(2019, 1, 1), contract_end=date(2024, 12, 31))
    return attrs.evolve(base, **changes)


def separation(**changes: Any) -> Separation:
    base = Separation(last_day=date(2021, 3, 31), ground=ExitGround.RESIGNATION)
    return attrs.evolve(base, **changes)


def settle_standard(
    *,
    agreement_: BondAgreement | None = None,
    employment_: Employment | None = None,
    separation_: Separation | None = None,
    policy: BondPolicy | None = None,
) -> BondSettlement:
    return settle_bond(
        agreement_ or agreement(),
        employment_ or employment(),
        separation_ or separation(),
        policy or BondPolicy(),
    )


def codes(settlement: BondSettlement) -> set[str]:
    return {f.code for f in settlement.findings}


def cited(settlement: BondSettlement, code: str) -> set[str]:
    """The provision ids a finding cites."""
    return {c.id for f in settlement.findings if f.code == code for c in f.citations}
