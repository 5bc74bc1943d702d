"""What a user reaches from ``hrpolicy.bonds`` alone: every core type its constructors and
functions take, and the figures a settlement is asked about as direct attributes."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from hrpolicy.bonds import (
    BandTable,
    EligibilityStatus,
    PerUnservedUnit,
    Rate,
    Rounding,
    Semantics,
    ServedTimeSchedule,
    ServiceLength,
    Side,
    TimeUnit,
    settle,
)
from tests.bonds.helpers import agreement, employment, separation, settle_standard, training


def test_the_penalty_forms_and_schedules_are_built_from_one_import() -> None:
    per_year = PerUnservedUnit(rate=Rate.parse("20%"), unit=TimeUnit.YEARS, rounding=Rounding.FLOOR)
    stepped = ServedTimeSchedule(
        table=BandTable.from_thresholds(
            [0, 12, 24], [1, "0.6", "0.2"], closed=Side.LOWER, semantics=Semantics.WHOLE
        ),
        unit=TimeUnit.MONTHS,
        rounding=Rounding.FLOOR,
    )
    # 12 months served: 1 complete year, 2 unserved × 20 % × 12,000; 60 % after a year.
    assert settle_standard(agreement_=agreement(penalty=per_year)).payable == Decimal("4800.00")
    assert settle_standard(agreement_=agreement(penalty=stepped)).payable == Decimal("7200.00")


def test_a_settlement_tells_the_contract_extension_date_and_service_period_directly() -> None:
    short_contract = employment(contract_end=date(2021, 12, 31))
    result = settle_standard(
        employment_=short_contract, separation_=separation(last_day=date(2021, 6, 30))
    )
    assert result.contract_extended_to == date(2023, 3, 31)
    assert result.contract_extended_to == result.review.service.contract_extended_to  # type: ignore[union-attr]
    assert (result.service_start, result.service_last_day) == (date(2020, 4, 1), date(2023, 3, 31))
    assert result.recognised_cost == Decimal("12000.00")
    assert result.eligibility.status is EligibilityStatus.ELIGIBLE
    assert result.review.contract_extended_to == date(2023, 3, 31)
    assert re.search(r"contract extended to +2023-03-31", result.to_text("en"))


def test_the_separation_tells_the_latest_date_any_bond_extends_the_contract_to() -> None:
    short_contract = employment(contract_end=date(2021, 12, 31))
    longer = agreement(id="A2", length=ServiceLength(years=4), training=training(id="T2"))
    result = settle([agreement(), longer], short_contract, separation())
    assert [b.contract_extended_to for b in result.bonds] == [date(2023, 3, 31), date(2024, 3, 31)]
    assert result.contract_extended_to == date(2024, 3, 31)
    assert settle([agreement()], employment(), separation()).contract_extended_to is None
