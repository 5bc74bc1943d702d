"""The electrician's 6,000-yuan course: the worked seed case.

Dates (chosen to fit the source, which gives only months): course 2010-10-08 to
2010-11-05, 3-year bond silent on its start, so service runs 2010-11-06 to 2013-11-05;
resignation with last day 2012-12-07. Served: 25 months and 2 days → 25 months (2 days is
under half a month). Unserved: 11 of 36 months. Cap: 6,000 × 11 / 36 = 1,833.33.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from hrpolicy.bonds import Outcome, settle
from hrpolicy.bonds.examples import electrician_case


def test_the_electrician_owes_at_most_the_cost_of_the_eleven_unserved_months() -> None:
    settlement = electrician_case().settle()
    bond = settlement.bond("SP-2010-017")
    assert bond.outcome is Outcome.PAYABLE
    assert bond.cap1 == Decimal("6000.00")
    assert bond.served is not None
    assert (bond.served.whole, bond.served.remainder_days) == (25, 2)
    assert bond.unserved_units == Fraction(11)
    assert bond.total_units == Fraction(36)
    assert bond.cap2 == Decimal("1833.33")
    assert bond.payable == Decimal("1833.33")
    assert settlement.total_payable == Decimal("1833.33")


def test_the_loss_of_production_clause_is_flagged_as_void_under_lcl_25() -> None:
    settlement = electrician_case().settle()
    loss = [f for f in settlement.findings if f.code == "loss_penalty_void"]
    assert len(loss) == 1
    assert loss[0].subject == "Art. 5"
    assert {c.id for c in loss[0].citations} >= {"LCL 25", "LCL 90"}
    assert "生产损失" in loss[0].message_zh_CN


def test_the_full_cost_clause_is_cut_to_the_statutory_cap() -> None:
    settlement = electrician_case().settle()
    codes = [f.code for f in settlement.findings]
    assert "penalty_not_prorated" in codes
    assert "penalty_cut_to_cap" in codes
    assert settlement.bond("SP-2010-017").agreed == Decimal("6000.00")


def test_the_employer_must_refund_what_it_took_beyond_the_lawful_figure() -> None:
    settlement = electrician_case().settle()
    assert settlement.collected == Decimal("3000.00")
    assert settlement.refund_due == Decimal("1166.67")
    assert settlement.excess_demand == Decimal("1832.67")
    assert {"refund_due", "demand_exceeds_lawful"} <= {f.code for f in settlement.findings}


def test_counting_service_from_the_signing_date_changes_the_figure_only_by_the_rule() -> None:
    case = electrician_case()
    agreement = attrs.evolve(case.agreements[0], start_date=date(2010, 11, 8))
    settlement = settle([agreement], case.employment, case.separation)
    bond = settlement.bond("SP-2010-017")
    # 2010-11-08 to 2012-12-07 inclusive is exactly 25 months: the figure is unchanged.
    assert bond.served is not None
    assert (bond.served.whole, bond.served.remainder_days) == (25, 0)
    assert bond.payable == Decimal("1833.33")


def test_leaving_in_late_december_counts_the_half_month_and_lowers_the_figure() -> None:
    case = electrician_case()
    later = attrs.evolve(case.separation, last_day=date(2012, 12, 21))
    bond = settle(case.agreements, case.employment, later).bond("SP-2010-017")
    # 25 months 16 days → 26 months; 10 unserved → 6,000 × 10 / 36.
    assert bond.payable == Decimal("1666.67")
