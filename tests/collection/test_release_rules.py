"""Each release rule and coefficient, month by month, with figures checked by hand."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

from hrpolicy.collection import (
    BandTable,
    CreditNote,
    MatchingRule,
    Reversal,
    Semantics,
    Side,
    Staged,
)
from hrpolicy.collection.examples import (
    aging_policy,
    days_to_collect_policy,
    full_collection_policy,
    matrix_policy,
    overdue_policy,
    proportional_policy,
    staged_policy,
)
from tests.collection.helpers import books, invoice, month, months, payment, totals


def test_commission_is_released_in_proportion_to_the_money_collected() -> None:
    # 40 % collected in February releases 1,200 of 3,000; the rest in March releases 1,800.
    receivables = books(
        invoice(),
        payments=(payment("P1", 40000, "2024-02-05"), payment("P2", 60000, "2024-03-05")),
    )
    assert totals(months(proportional_policy(), receivables, 4)) == [
        Decimal("0.00"),
        Decimal("1200.00"),
        Decimal("1800.00"),
        Decimal("0.00"),
    ]


def test_under_full_collection_nothing_is_released_until_the_last_yuan_arrives() -> None:
    receivables = books(
        invoice(),
        payments=(payment("P1", "99999.99", "2024-02-05"), payment("P2", "0.01", "2024-03-05")),
    )
    assert totals(months(full_collection_policy(), receivables, 3)) == [
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("3000.00"),
    ]


def test_staged_release_pays_half_at_80_percent_then_80_percent_at_95_then_the_rest() -> None:
    receivables = books(
        invoice(),
        payments=(
            payment("P1", "79999.99", "2024-02-05"),
            payment("P2", "0.01", "2024-03-05"),
            payment("P3", 15000, "2024-04-05"),
            payment("P4", 5000, "2024-05-05"),
        ),
    )
    assert totals(months(staged_policy(), receivables, 5)) == [
        Decimal("0.00"),
        Decimal("0.00"),  # 79,999.99 is below the 80 % stage
        Decimal("1500.00"),  # 80 % collected: 50 % of 3,000
        Decimal("900.00"),  # 95 %: 80 % = 2,400, of which 1,500 already released
        Decimal("600.00"),  # 100 %
    ]


def test_quick_money_earns_more_and_slow_money_less_by_days_to_collect() -> None:
    # Half paid after 10 days (×1.1): 3,000 × 50 % × 1.1 = 1,650 in January. The other
    # half after exactly 90 days (×0.7): the year's total is 3,000 × (0.55 + 0.35) = 2,700.
    receivables = books(
        invoice(issued="2024-01-10"),
        payments=(payment("P1", 50000, "2024-01-20"), payment("P2", 50000, "2024-04-09")),
    )
    statements = months(days_to_collect_policy(), receivables, 4)
    assert totals(statements) == [
        Decimal("1650.00"),
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("1050.00"),
    ]


def test_the_weighted_overdue_index_cuts_the_months_release_by_its_band() -> None:
    # On 31 March: I1 has 40,000 open, 29 days past its 2 March due date; I2 has 25,000
    # open on 60-day terms, not yet due. Index = 40,000 × 29 ÷ (40,000 × 30 + 25,000 × 60)
    # = 0.4296…, in the ×0.8 band. March releases 1,800 + 750 = 2,550 × 0.8 = 2,040.
    receivables = books(
        invoice("I1", issued="2024-02-01"),
        invoice("I2", 50000, 1500, issued="2024-03-01", credit_days=60),
        payments=(
            payment("P1", 60000, "2024-03-01", invoice_id="I1"),
            payment("P2", 25000, "2024-03-15", invoice_id="I2"),
        ),
        matching=MatchingRule.BY_INVOICE,
    )
    statement = month(overdue_policy(), receivables, 3)
    assert statement.total == Decimal("2040.00")
    assert [f.code for f in statement.findings] == ["coefficient_cut"]
    assert "2550.00 is multiplied by 0.8: 2040.00 is released" in statement.findings[0].message_en


def test_an_overdue_index_above_the_threshold_releases_nothing_and_never_pays_it_later() -> None:
    # Nothing collected on I1 (100,000, 29 days overdue on 31 March): index 2,900,000 ÷
    # (3,000,000 + 1,500,000) = 0.644…, above 0.5. I2's 750 is settled at zero.
    receivables = books(
        invoice("I1", issued="2024-02-01"),
        invoice("I2", 50000, 1500, issued="2024-03-01", credit_days=60),
        payments=(payment("P1", 25000, "2024-03-15", invoice_id="I2"),),
        matching=MatchingRule.BY_INVOICE,
    )
    first = month(overdue_policy(), receivables, 3)
    assert first.total == Decimal("0.00")
    april = month(overdue_policy(), receivables, 4, first.state_out)
    assert april.total == Decimal("0.00")
    assert first.state_out.accounts[1].settled == Decimal("750.00")


def test_money_overdue_more_than_120_days_cuts_80_percent_of_its_credited_performance() -> None:
    # Issued 1 January on 30 days, due 31 January; 80,000 still open on 31 May is 121 days
    # overdue, in the >120 band: 80 % of 80,000.
    receivables = books(
        invoice("I1", issued="2024-01-01"),
        payments=(payment("P1", 20000, "2024-01-15"),),
    )
    statement = month(aging_policy(), receivables, 5)
    (row,) = statement.performance
    assert (row.days_overdue, row.rate, row.deduction) == (121, Fraction(4, 5), Decimal("64000.00"))
    assert statement.performance_deduction == Decimal("64000.00")


def test_completion_and_collection_rate_pick_the_coefficient_from_the_matrix() -> None:
    # 75 % collected of the invoice due by 31 March (70–90 % column), completion 85 %
    # (80–100 % row): ×0.8. Release 3,000 × 75 % = 2,250 × 0.8 = 1,800.
    receivables = books(
        invoice(issued="2024-01-10"), payments=(payment("P1", 75000, "2024-03-01"),)
    )
    statement = month(matrix_policy(), receivables, 3, completion=Decimal("0.85"))
    assert statement.total == Decimal("1800.00")


def test_a_bounced_payment_claws_back_what_it_released() -> None:
    receivables = books(
        invoice(),
        payments=(payment("P1", 40000, "2024-02-05"),),
        reversals=(
            Reversal(
                reversal_id="R1",
                payment_id="P1",
                reversed_on=date(2024, 3, 3),
                amount=Decimal(40000),
            ),
        ),
    )
    statements = months(
        proportional_policy(),
        receivables,
        3,
        month_wage=Decimal(6000),
        minimum_wage=Decimal(2690),
    )
    march = statements[2]
    # 1,200 released in February is clawed back: the month's release is −1,200, carried
    # to recovery and recovered from a 6,000 wage (cap 1,200).
    assert march.line("clawback/I1").amount == Decimal("-1200.00")
    assert march.line("clawback#recovery").amount == Decimal("-1200.00")
    assert march.total == Decimal("-1200.00")
    assert march.state_out.to_recover == Decimal("0.00")


def test_a_return_after_payment_leaves_a_refund_due_and_claws_back_at_the_invoice_rate() -> None:
    receivables = books(
        invoice(),
        payments=(payment("P1", 100000, "2024-02-05"),),
        credit_notes=(
            CreditNote(
                note_id="C1",
                invoice_id="I1",
                issued_on=date(2024, 3, 1),
                amount=Decimal(10000),
                reason="退货",
            ),
        ),
    )
    statements = months(
        proportional_policy(), receivables, 3, month_wage=Decimal(6000), minimum_wage=Decimal(2690)
    )
    # 3,000 on 100,000 is 3 %: the 10,000 return takes back 300.
    assert statements[2].line("clawback/I1").amount == Decimal("-300.00")
    assert "refund_due" in [f.code for f in statements[2].findings]


def test_the_staged_table_of_the_docstring_builds_a_rule_that_releases_half_at_80_percent() -> None:
    stages = BandTable.from_thresholds(
        [0, "0.8", "0.95", 1], [0, "0.5", "0.8", 1], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    rule = Staged(stages=stages)
    assert [rule.stages.value_at(Decimal(x)) for x in ("0.79", "0.8", "0.95", "1")] == [
        0,
        Fraction(1, 2),
        Fraction(4, 5),
        1,
    ]
    assert staged_policy().versions[0].release == Staged(stages=stages, clause="回款管理办法 第4条")


def test_stages_loaded_from_json_build_the_same_rule_as_the_table() -> None:
    loaded = json.loads('[["0.8", "0.5"], ["0.95", "0.8"], [1, 1]]')
    rule = Staged.from_stages(loaded, clause="回款管理办法 第4条")
    assert rule == staged_policy().versions[0].release
    as_mapping = Staged.from_stages({"0.8": "0.5", "0.95": "0.8", "1": "1"})
    assert as_mapping.stages == rule.stages
    # 80 % collected in February releases half of the 3,000.
    receivables = books(invoice(), payments=(payment("P1", 80000, "2024-02-05"),))
    assert month(staged_policy(), receivables, 2).total == Decimal("1500.00")


def test_stages_written_in_percentages_build_the_same_rule_as_stages_written_in_fractions() -> None:
    in_percent = Staged.from_stages(
        [("80%", "50%"), ("95%", "80%"), ("100%", "100%")], clause="回款管理办法 第4条"
    )
    assert in_percent == staged_policy().versions[0].release
    assert [band.describe() for band in in_percent.stages.bands] == [
        "[0, 0.8)",
        "[0.8, 0.95)",
        "[0.95, 1)",
        "[1, ∞)",
    ]
    assert Staged.from_stages({"80%": "0.5", "0.95": "80%", 1: "100%"}) == Staged.from_stages(
        [("0.8", "0.5"), ("0.95", "0.8"), (1, 1)]
    )
