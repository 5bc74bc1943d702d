"""What-ifs of two bond policies or service schedules over the same cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.bonds import (
    DOMAIN_COST_SCHEDULE,
    BandTable,
    BondCase,
    BondPolicy,
    Semantics,
    ServiceSchedule,
    Side,
    TimeUnit,
    compare_policies,
)
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.strategies import bond_cases, bond_policies

CASE = electrician_case()


def test_counting_service_by_day_instead_of_by_month_changes_what_the_electrician_owes() -> None:
    what_if = compare_policies([CASE], BondPolicy(), BondPolicy(unit=TimeUnit.DAYS, name="by day"))
    (row,) = what_if.rows
    assert (row.subject, row.baseline, row.candidate) == (
        "cases[0] electrician",
        Decimal("1833.33"),
        Decimal("1822.99"),
    )
    assert row.difference == Decimal("-10.34")
    assert what_if.baseline[0].bonds[0].total_units == 36
    assert what_if.candidate[0].bonds[0].total_units == 1096
    assert what_if.candidate_name == "by day"
    assert what_if.baseline_name == "baseline"


def test_each_case_gets_its_own_row_in_the_order_given() -> None:
    anonymous = attrs.evolve(CASE, employment=attrs.evolve(CASE.employment, employee=""))
    what_if = compare_policies([CASE, anonymous], BondPolicy(), BondPolicy(unit=TimeUnit.YEARS))
    assert [r.subject for r in what_if.rows] == ["cases[0] electrician", "cases[1]"]
    assert what_if.baseline_total == Decimal("3666.66")
    assert what_if.candidate_total == Decimal("4000.00")
    assert what_if.to_records("rows")[1]["period"] is None
    assert what_if.to_records()[0]["changed"] == 2


def test_a_stricter_service_schedule_changes_the_findings_but_not_the_amount() -> None:
    strict = ServiceSchedule(
        table=BandTable.from_thresholds(
            [0, 50000], [1], closed=Side.UPPER, first_closed=False, semantics=Semantics.WHOLE
        ),
        name="one year for any cost",
    )
    what_if = compare_policies([CASE], DOMAIN_COST_SCHEDULE, strict)
    assert what_if.changed == ()
    assert what_if.candidate_name == "one year for any cost"
    codes = {f.code for f in what_if.candidate[0].findings}
    assert "length_exceeds_schedule" in codes
    assert "length_exceeds_schedule" not in {f.code for f in what_if.baseline[0].findings}


def test_a_comparison_names_the_side_and_the_case_that_could_not_be_settled() -> None:
    before_hire = attrs.evolve(
        CASE, separation=attrs.evolve(CASE.separation, last_day=date(2008, 1, 31))
    )
    with pytest.raises(InvalidValueError) as refused:
        compare_policies([CASE, before_hire], BondPolicy(), BondPolicy())
    assert refused.value.path == "baseline.cases[1].separation.last_day"


def test_one_case_or_a_policy_given_as_text_is_refused_by_name() -> None:
    with pytest.raises(InvalidTypeError) as one:
        compare_policies(CASE, BondPolicy(), BondPolicy())  # type: ignore[arg-type]
    assert one.value.path == "cases"
    with pytest.raises(InvalidTypeError) as text:
        compare_policies([CASE], "statutory", BondPolicy())  # type: ignore[arg-type]
    assert text.value.path == "baseline"


@settings(max_examples=30)
@given(st.lists(bond_cases(), min_size=1, max_size=3), bond_policies())
def test_a_what_if_of_a_policy_against_itself_has_zero_differences(
    cases: list[BondCase], policy: BondPolicy
) -> None:
    what_if = compare_policies(cases, policy, policy)
    assert len(what_if.rows) == len(cases)
    assert all(row.difference == 0 for row in what_if.rows)
    assert what_if.baseline == what_if.candidate
