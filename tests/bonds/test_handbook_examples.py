"""The handbook rules on bonds, as the ready cases of ``hrpolicy.bonds.examples``: each a
variant of the electrician's case, its figure worked by hand in a comment.

His case, by hand: recognised cost C = 4,800 + 560 + 640 = 6,000; 3 years = 36 months of
service from 2010-11-06 (the day after the course); 25 months served by 2012-12-07, so 11
unserved; the clause asks 1 × C = 6,000, cut to cap 2 = 6,000 × 11/36 = 1,833.33; he paid
3,000 of the 3,666 demanded.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrpolicy.bonds import SeparationSettlement
from hrpolicy.bonds.examples import (
    electrician_cost_range_case,
    electrician_living_subsidy_case,
    electrician_revenue_waiver_case,
    electrician_signed_mid_course_case,
)
from hrpolicy.core.explain import Finding, Severity


def _only(result: SeparationSettlement, code: str) -> Finding:
    (found,) = [f for f in result.findings if f.code == code]
    return found


def _codes(result: SeparationSettlement) -> set[str]:
    return {f.code for f in result.findings}


def test_the_electrician_gets_40_percent_off_once_his_skill_has_brought_in_120000_yuan() -> None:
    # Art. 7 waives 40 % once the skill brings in 100,000; it brought 120,000: met.
    # reduction = 6,000 × 11/36 × 40 % = 2,200/3 = 733.33
    # payable = 5,500/3 − 2,200/3 = 3,300/3 = 1,100.00 (rounded once)
    # refund = 3,000 − 1,100.00 = 1,900.00; excess demand = 3,666 − 1,100.00 = 2,566.00
    result = electrician_revenue_waiver_case().settle()
    bond = result.bond("SP-2010-017")
    assert (bond.capped, bond.waived, bond.payable) == (
        Decimal("1833.33"),
        Decimal("733.33"),
        Decimal("1100.00"),
    )
    assert (result.refund_due, result.excess_demand) == (Decimal("1900.00"), Decimal("2566.00"))
    applied = _only(result, "waiver_applied")
    assert applied.subject == "Art. 7"
    assert (applied.param("reduction"), applied.param("owed")) == (
        Decimal("733.33"),
        Decimal("1833.33"),
    )
    assert _only(result, "waiver_not_met").subject == "Art. 6"  # the successor waiver, unmet
    # A fen short of the threshold, nothing is waived: 1,833.33 stands, refund 1,166.67.
    short = electrician_revenue_waiver_case(revenue_produced=Decimal("99999.99")).settle()
    assert (short.total_payable, short.refund_due) == (Decimal("1833.33"), Decimal("1166.67"))
    assert {f.subject for f in short.findings if f.code == "waiver_not_met"} == {"Art. 6", "Art. 7"}


def test_a_cost_stated_as_4000_to_5000_is_flagged_1000_short_but_he_owes_1833_33_on_6000() -> None:
    # recognised C = 6,000 > the top of the range 5,000: excess = 6,000 − 5,000 = 1,000.00
    # payable rests on C, not the range: 6,000 × 11/36 = 1,833.33; refund 3,000 − 1,833.33
    result = electrician_cost_range_case().settle()
    above = _only(result, "cost_above_stated_range")
    assert above.severity is Severity.WARNING
    assert (
        above.param("recognised"),
        above.param("low"),
        above.param("high"),
        above.param("excess"),
    ) == (Decimal("6000.00"), Decimal("4000.00"), Decimal("5000.00"), Decimal("1000.00"))
    assert "cost_below_stated_range" not in _codes(result)
    assert (result.total_payable, result.refund_due) == (Decimal("1833.33"), Decimal("1166.67"))


def test_a_bond_signed_a_week_into_the_course_is_flagged_and_he_still_owes_1833_33() -> None:
    # signed 2010-10-15, course began 2010-10-08: 15 − 8 = 7 days late.
    # service still starts 2010-11-06 (the day after the course), so 11 of 36 months
    # unserved: 6,000 × 11/36 = 1,833.33, as in his own case.
    result = electrician_signed_mid_course_case().settle()
    late = _only(result, "signed_after_training_started")
    assert late.severity is Severity.WARNING
    assert (late.param("signed_on"), late.param("training_start"), late.param("days")) == (
        date(2010, 10, 15),
        date(2010, 10, 8),
        7,
    )
    assert "signed_after_training_ended" not in _codes(result)
    assert result.total_payable == Decimal("1833.33")


def test_his_870_yuan_living_subsidy_is_left_out_by_default_and_counted_only_under_the_option() -> (
    None
):
    # subsidy = 30 yuan × 29 days (2010-10-08 to 2010-11-05: 24 in October + 5 in November)
    #         = 870.00
    # default: C = 6,000, payable 6,000 × 11/36 = 1,833.33, refund 3,000 − 1,833.33 = 1,166.67
    default = electrician_living_subsidy_case().settle()
    assert default.bond("SP-2010-017").recognised_cost == Decimal("6000.00")
    assert _only(default, "living_subsidy_excluded").param("amount") == Decimal("870.00")
    assert (default.total_payable, default.refund_due) == (Decimal("1833.33"), Decimal("1166.67"))
    # option: C = 6,000 + 870 = 6,870; payable 6,870 × 11/36 = 75,570/36 = 2,099.1666… → 2,099.17
    # refund = 3,000 − 2,099.17 = 900.83; excess demand = 3,666 − 2,099.17 = 1,566.83
    counted = electrician_living_subsidy_case(include_living_subsidy=True).settle()
    assert counted.bond("SP-2010-017").recognised_cost == Decimal("6870.00")
    contested = _only(counted, "living_subsidy_included_contested")
    assert (contested.severity, contested.param("amount")) == (Severity.WARNING, Decimal("870.00"))
    assert (counted.total_payable, counted.refund_due, counted.excess_demand) == (
        Decimal("2099.17"),
        Decimal("900.83"),
        Decimal("1566.83"),
    )
    cut = _only(counted, "penalty_cut_to_cap")
    assert (cut.param("agreed"), cut.param("cap")) == (Decimal("6870.00"), Decimal("2099.17"))
    assert (
        counted.bond("SP-2010-017").explanation.steps[0].input_map["include_living_subsidy"] is True
    )
