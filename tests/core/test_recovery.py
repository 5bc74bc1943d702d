"""Recovering money from wages under WPP Art. 16, shared by the collection and charges
engines."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import InvalidValueError, from_dict, to_dict
from hrpolicy.core.recovery import RecoverySchedule, recovery_cap, recovery_schedule

_money = st.decimals(min_value=0, max_value=100_000, places=2)


def test_what_was_already_deducted_in_a_month_leaves_only_the_rest_of_its_cap() -> None:
    # 20 % of 5,000 is 1,000; 400 already deducted leaves 600 of room.
    plan = recovery_schedule(Decimal(1500), [("2026-03", 5000, 2690, 400)])
    (month,) = plan.months
    assert (month.cap, month.already_deducted, month.recovered, month.remaining) == (
        Decimal("1000.00"),
        Decimal("400"),
        Decimal("600.00"),
        Decimal("900.00"),
    )
    assert plan.steps[0].input_map["already_deducted"] == Decimal("400")


def test_a_month_with_more_already_deducted_than_its_cap_is_refused_naming_it() -> None:
    with pytest.raises(
        InvalidValueError, match=r"^months\[0\]\.already_deducted: expected at most"
    ):
        recovery_schedule(
            Decimal(100),
            [{"month": "2026-03", "wage": 3000, "minimum_wage": 2690, "already_deducted": 311}],
        )


def test_a_part_time_pay_period_is_floored_at_its_hours_times_the_hourly_minimum() -> None:
    # 60 hours at 25 yuan is a floor of 1,500: a 1,800 wage leaves 300, under 20 % (360).
    assert recovery_cap(Decimal(1800), Decimal(60 * 25)) == Decimal("300.00")


def test_a_recovery_schedule_reads_back_from_its_data_and_is_recomputed() -> None:
    plan = recovery_schedule(Decimal(1500), [("2026-03", 5000, 2690, 400), ("2026-04", 3000, 2690)])
    assert from_dict(to_dict(plan), RecoverySchedule) == plan


@given(
    amount=_money,
    rows=st.lists(st.tuples(_money, _money, st.integers(0, 100)), min_size=1, max_size=6),
)
def test_no_period_ever_gives_up_more_than_its_cap_less_what_was_already_taken(
    amount: Decimal, rows: list[tuple[Decimal, Decimal, int]]
) -> None:
    months = []
    for index, (wage, floor, share) in enumerate(rows):
        cap = recovery_cap(wage, floor)
        before = (cap * share / 100).quantize(Decimal("0.01"), rounding="ROUND_FLOOR")
        months.append((f"P{index}", wage, floor, before))
    plan = recovery_schedule(amount, months)
    for month in plan.months:
        assert month.recovered + month.already_deducted <= month.cap
        assert month.wage - month.recovered - month.already_deducted >= min(
            month.wage, month.minimum_wage
        )
    assert plan.recovered + plan.remaining == amount
