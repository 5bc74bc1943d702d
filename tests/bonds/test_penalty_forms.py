"""The two caps (LCL Art. 22(2), Regs Art. 16), and each real form of penalty clause.

Standard case: C = 12,000; 36-month bond; 12 months served, 24 unserved; cap 2 = 8,000.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hrpolicy.bonds import (
    CostMultiple,
    FlatSum,
    Outcome,
    PerLaw,
    PerUnservedUnit,
    ProRata,
    ServedTimeSchedule,
    ServiceLength,
)
from hrpolicy.core import BandTable, Rate, Rounding, Semantics, Side, TimeUnit
from tests.bonds.helpers import agreement, codes, cost, separation, settle_standard, training


def test_an_agreed_amount_below_the_cap_stands() -> None:
    result = settle_standard(agreement_=agreement(penalty=FlatSum(amount=Decimal("3000"))))
    assert result.payable == Decimal("3000.00")
    assert "penalty_cut_to_cap" not in codes(result)


def test_a_bond_without_a_penalty_clause_owes_nothing_and_is_flagged() -> None:
    result = settle_standard(agreement_=agreement(penalty=None))
    assert result.outcome is Outcome.NO_PENALTY_CLAUSE
    assert result.payable == Decimal("0.00")
    assert "no_penalty_clause" in codes(result)


def test_repay_per_law_means_the_statutory_cap() -> None:
    result = settle_standard(agreement_=agreement(penalty=PerLaw()))
    assert result.agreed == result.cap2 == result.payable == Decimal("8000.00")


def test_cap_one_is_the_training_cost_and_cap_two_its_unserved_share() -> None:
    result = settle_standard()
    assert result.cap1 == Decimal("12000.00")
    assert result.cap2 == Decimal("8000.00")


def test_a_company_formula_counting_only_complete_months_is_capped_by_the_statutory_count() -> None:
    # Left 2021-04-20: 12 months 20 days. The company counts 12 months served (floor),
    # the statute rounds to 13 (nearest): agreed 8,000, cap 12,000 × 23/36 = 7,666.67.
    result = settle_standard(
        agreement_=agreement(penalty=ProRata(unit=TimeUnit.MONTHS, rounding=Rounding.FLOOR)),
        separation_=separation(last_day=date(2021, 4, 19)),
    )
    assert result.agreed == Decimal("8000.00")
    assert result.cap2 == Decimal("7666.67")
    assert result.payable == Decimal("7666.67")
    assert "penalty_cut_to_cap" in codes(result)


def test_twenty_percent_per_unserved_year_on_a_five_year_bond() -> None:
    # Served 1 year 0 months: 4 unserved years × 20 % × 12,000 = 9,600; statutory cap by
    # months: 12,000 × 48/60 = 9,600. They agree.
    result = settle_standard(
        agreement_=agreement(
            length=ServiceLength(years=5),
            penalty=PerUnservedUnit(
                rate=Rate.parse("20%"), unit=TimeUnit.YEARS, rounding=Rounding.FLOOR
            ),
        ),
    )
    assert result.agreed == Decimal("9600.00")
    assert result.cap2 == Decimal("9600.00")
    assert result.payable == Decimal("9600.00")


def test_twenty_percent_per_unserved_year_counting_whole_years_only_is_cut_by_months() -> None:
    # Left after 1 year 5 months of 5 years: the clause counts 1 year served (floor) →
    # 4 × 20 % × 12,000 = 9,600; the statute counts 17 of 60 months → 12,000 × 43/60 = 8,600.
    result = settle_standard(
        agreement_=agreement(
            length=ServiceLength(years=5),
            penalty=PerUnservedUnit(
                rate=Rate.parse("20%"), unit=TimeUnit.YEARS, rounding=Rounding.FLOOR
            ),
        ),
        separation_=separation(last_day=date(2021, 8, 31)),
    )
    assert result.agreed == Decimal("9600.00")
    assert result.payable == Decimal("8600.00")


def test_a_stepped_schedule_by_year_served() -> None:
    schedule = ServedTimeSchedule(
        table=BandTable.from_thresholds(
            [0, 1, 2, 3], ["1", "0.6", "0.2", "0"], closed=Side.LOWER, semantics=Semantics.WHOLE
        ),
        unit=TimeUnit.YEARS,
        rounding=Rounding.FLOOR,
    )
    # One whole year served → 60 % of 12,000 = 7,200, below the cap of 8,000.
    result = settle_standard(agreement_=agreement(penalty=schedule))
    assert result.agreed == Decimal("7200.00")
    assert result.payable == Decimal("7200.00")


def test_a_cost_multiple_uses_the_stated_cost_when_the_agreement_names_one() -> None:
    result = settle_standard(
        agreement_=agreement(
            penalty=CostMultiple(multiple=Decimal("0.5")), stated_cost=Decimal("10000")
        )
    )
    assert result.agreed == Decimal("5000.00")
    assert result.payable == Decimal("5000.00")


def test_money_is_rounded_half_up_once_at_the_end() -> None:
    # C = 1,000.01; 13 of 36 months unserved: 1000.01 × 13 / 36 = 361.114722… → 361.11.
    odd = agreement(training=training(costs=(cost("1000.01"),)))
    result = settle_standard(agreement_=odd, separation_=separation(last_day=date(2022, 2, 28)))
    assert result.unserved_units == 13
    assert result.payable == Decimal("361.11")
    # The cap is carried as an exact fraction; only the payable amount is rounded.
    assert result.explanation.step("A3.cap2").output == Fraction(100001, 100) * 13 / 36


def test_a_stepped_schedule_asking_everything_whatever_the_time_served_is_flagged() -> None:
    everything = ServedTimeSchedule(
        table=BandTable.from_thresholds([0], ["1"], closed=Side.LOWER, semantics=Semantics.WHOLE),
        unit=TimeUnit.MONTHS,
        rounding=Rounding.FLOOR,
    )
    result = settle_standard(agreement_=agreement(penalty=everything))
    assert {"penalty_not_prorated", "penalty_cut_to_cap"} <= codes(result)
    assert result.payable == Decimal("8000.00")


def test_a_pro_rata_clause_is_not_flagged_as_ignoring_time_served() -> None:
    prorated = agreement(penalty=ProRata(unit=TimeUnit.MONTHS, rounding=Rounding.NEAREST))
    assert "penalty_not_prorated" not in codes(settle_standard(agreement_=prorated))
