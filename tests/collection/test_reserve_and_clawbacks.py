"""The risk reserve, clawbacks at the original rate, and recovery under the wage cap."""

from __future__ import annotations

import decimal
import json
from datetime import date
from decimal import Decimal

import pytest

from hrpolicy import InvalidValueError
from hrpolicy.collection import (
    CollectionLineKind,
    CreditNote,
    Period,
    WriteOff,
    recovery_cap,
    recovery_schedule,
)
from hrpolicy.collection.examples import reserve_policy
from tests.collection.helpers import books, invoice, month, months

WAGES = {"month_wage": Decimal(5000), "minimum_wage": Decimal(2690)}


def _bad_debt(amount: int, day: str) -> WriteOff:
    return WriteOff(
        write_off_id=f"W-{day}",
        invoice_id="I1",
        written_off_on=date.fromisoformat(day),
        amount=Decimal(amount),
        reason="客户破产",
    )


def test_ten_percent_of_each_release_is_withheld_in_the_reserve() -> None:
    january = month(reserve_policy(), books(invoice()), 1)
    assert january.line("release/I1").amount == Decimal("3000.00")
    assert january.line("reserve#withheld").amount == Decimal("-300.00")
    assert (january.total, january.state_out.reserve) == (Decimal("2700.00"), Decimal("300.00"))


def test_a_return_claws_back_commission_at_the_invoices_rate_from_the_reserve_first() -> None:
    # The 20,000 return takes back 600 (3 %); the reserve pays 300 of it, the wage the other
    # 300 (cap: 20 % of 5,000 = 1,000, leaving more than 2,690).
    receivables = books(
        invoice(),
        credit_notes=(
            CreditNote(
                note_id="C1",
                invoice_id="I1",
                issued_on=date(2024, 3, 1),
                amount=Decimal(20000),
                reason="退货",
            ),
        ),
    )
    march = months(reserve_policy(), receivables, 3, **WAGES)[2]
    assert [(x.line_id, x.amount) for x in march.lines] == [
        ("clawback/I1", Decimal("-600.00")),
        ("clawback#to-recovery", Decimal("600.00")),
        ("clawback#recovery", Decimal("-300.00")),
    ]
    assert (march.state_out.reserve, march.state_out.to_recover) == (
        Decimal("0.00"),
        Decimal("0.00"),
    )


def test_a_bad_debt_clawback_beyond_the_cap_is_carried_to_later_months() -> None:
    # Half written off in June: 1,500 clawed back; the reserve covers 300; a 3,000 wage with
    # a 2,690 minimum allows only 310; 890 is carried and recovered in July from 8,000.
    receivables = books(invoice(), write_offs=(_bad_debt(50000, "2024-06-15"),))
    statements = months(reserve_policy(), receivables, 5, **WAGES)
    june = month(
        reserve_policy(),
        receivables,
        6,
        statements[-1].state_out,
        month_wage=Decimal(3000),
        minimum_wage=Decimal(2690),
    )
    assert june.line("clawback#recovery").amount == Decimal("-310.00")
    assert june.state_out.to_recover == Decimal("890.00")
    july = month(
        reserve_policy(),
        receivables,
        7,
        june.state_out,
        month_wage=Decimal(8000),
        minimum_wage=Decimal(2690),
    )
    assert july.line("clawback#recovery").amount == Decimal("-890.00")
    assert july.state_out.to_recover == Decimal("0.00")


def test_what_is_left_in_the_reserve_is_released_in_december() -> None:
    december = months(reserve_policy(), books(invoice()), 12)[-1]
    assert december.line("reserve#released").amount == Decimal("300.00")
    assert december.state_out.reserve == Decimal("0.00")


def test_money_released_reserved_and_clawed_back_adds_up_over_the_year() -> None:
    receivables = books(
        invoice(),
        invoice("I2", 50000, 2000, issued="2024-04-01"),
        write_offs=(_bad_debt(50000, "2024-06-15"),),
    )
    statements = months(reserve_policy(), receivables, 12, **WAGES)
    paid = sum((s.total for s in statements), Decimal(0))
    end = statements[-1].state_out
    released = sum((a.released for a in end.accounts), Decimal(0))
    # 3,000 − 1,500 + 2,000 = 3,500 released; all of it paid by December.
    assert released == Decimal("3500.00")
    assert paid + end.reserve - end.to_recover == released


def test_the_recovery_cap_is_20_percent_of_the_wage_and_never_below_the_minimum_wage() -> None:
    assert recovery_cap(Decimal(5000), Decimal(2690)) == Decimal("1000.00")
    assert recovery_cap(Decimal(3000), Decimal(2690)) == Decimal("310.00")
    assert recovery_cap(Decimal(2500), Decimal(2690)) == Decimal("0.00")
    assert recovery_cap(Decimal("1000.04"), Decimal(0)) == Decimal("200.00")  # rounded down


def test_the_recovery_cap_is_exact_whatever_the_callers_decimal_precision() -> None:
    with decimal.localcontext() as context:
        context.prec = 6
        assert recovery_cap(Decimal("123456789.99"), Decimal(0)) == Decimal("24691357.99")


def test_a_recovery_schedule_keeps_the_checked_wages_it_was_given() -> None:
    schedule = recovery_schedule(Decimal(1500), [("2024-07", "5000", "2690")])
    month = schedule.months[0]
    assert (month.wage, month.minimum_wage) == (Decimal("5000"), Decimal("2690"))


def test_a_recovery_schedule_carries_what_a_month_cannot_take() -> None:
    schedule = recovery_schedule(
        Decimal(2500),
        [
            ("2024-07", Decimal(5000), Decimal(2690)),
            ("2024-08", Decimal(2800), Decimal(2690)),
            ("2024-09", Decimal(10000), Decimal(2690)),
        ],
    )
    assert [m.recovered for m in schedule.months] == [
        Decimal("1000.00"),
        Decimal("110.00"),
        Decimal("1390.00"),
    ]
    assert schedule.remaining == Decimal("0.00")
    assert "Recovery schedule" in schedule.to_text()


def test_a_clawback_needs_the_months_wage_and_minimum_wage_to_be_recovered() -> None:
    receivables = books(invoice(), write_offs=(_bad_debt(100000, "2024-02-15"),))
    january = month(reserve_policy(), receivables, 1)
    with pytest.raises(InvalidValueError, match="month_wage: expected the month's wage"):
        month(reserve_policy(), receivables, 2, january.state_out)


def test_after_departure_a_clawback_is_not_taken_from_wages_and_is_reported() -> None:
    receivables = books(invoice(), write_offs=(_bad_debt(100000, "2024-03-15"),))
    february = months(reserve_policy(), receivables, 2, **WAGES)[-1]
    march = month(
        reserve_policy(),
        receivables,
        3,
        february.state_out,
        left_on=date(2024, 2, 29),
    )
    assert CollectionLineKind.RECOVERY not in [x.kind for x in march.lines]
    assert march.state_out.to_recover == Decimal("2700.00")  # 3,000 less the 300 reserve
    (finding,) = [f for f in march.findings if f.code == "recovery_after_departure"]
    assert "the 2700.00 still to recover can no longer be deducted" in finding.message_en


def test_a_recovery_schedule_takes_months_loaded_from_json_as_lists_or_objects() -> None:
    rows = json.loads('[["2024-05", "5000", "2690"], ["2024-06", 3000, 2690]]')
    objects = json.loads(
        '[{"month": "2024-05", "wage": "5000", "minimum_wage": "2690"},'
        ' {"month": "2024-06", "wage": 3000, "minimum_wage": 2690}]'
    )
    given = [("2024-05", Decimal(5000), Decimal(2690)), ("2024-06", Decimal(3000), Decimal(2690))]
    expected = recovery_schedule(Decimal(1500), given)
    assert recovery_schedule(Decimal(1500), rows) == expected
    assert recovery_schedule(Decimal(1500), objects) == expected
    assert [(m.recovered, m.remaining) for m in expected.months] == [
        (Decimal("1000.00"), Decimal("500.00")),
        (Decimal("310.00"), Decimal("190.00")),
    ]


def test_a_recovery_schedule_month_may_be_labelled_by_its_period() -> None:
    schedule = recovery_schedule(Decimal(100), [(Period(year=2024, month=7), 5000, 2690)])
    assert schedule.months[0].month == "2024-07"


def test_a_recovery_schedule_that_lists_a_month_twice_is_refused_naming_the_second_row() -> None:
    # Twice 20 % of May's 5,000 would take 2,000 from one month's wage.
    with pytest.raises(
        InvalidValueError,
        match=r"^months\[1\]\.month: expected a month not already in the schedule "
        r"\(months\[0\] is 2024-05: the cap applies once a month\), got str '2024-05'$",
    ):
        recovery_schedule(Decimal(5000), [("2024-05", 5000, 2690)] * 2)
    with pytest.raises(InvalidValueError, match=r"^months\[2\]\.month: .* \(months\[0\] is"):
        recovery_schedule(
            Decimal(5000),
            [
                (Period(year=2024, month=5), 5000, 2690),
                ("2024-06", 5000, 2690),
                (" 2024-05", 5000, 2690),
            ],
        )


def test_a_recovery_schedule_with_months_out_of_calendar_order_is_refused() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"^months\[1\]\.month: expected a month after 2024-06 \(months in calendar "
        r"order\), got Period 2024-05$",
    ):
        recovery_schedule(
            Decimal(5000), [("2024-06", 5000, 2690), (Period(year=2024, month=5), 5000, 2690)]
        )
    with pytest.raises(InvalidValueError, match=r"^months\[0\]\.month: expected a month \(a"):
        recovery_schedule(Decimal(5000), [(Period(year=2024), 60000, 2690)])


def test_a_recovery_schedule_takes_free_month_labels_in_the_order_given() -> None:
    plan = recovery_schedule(Decimal(1500), [("六月", 5000, 2690), ("五月", 3000, 2690)])
    assert [(m.month, m.recovered) for m in plan.months] == [
        ("六月", Decimal("1000.00")),
        ("五月", Decimal("310.00")),
    ]
    # Gaps between calendar months are fine: a month without wage is simply not listed.
    gaps = recovery_schedule(Decimal(1500), [("2024-05", 5000, 2690), ("2024-09", 5000, 2690)])
    assert gaps.remaining == Decimal("0.00")
