"""A year of releases from columns equals settle_run's, month by month, to the fen."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.collection import (
    CollectionPolicy,
    Invoice,
    MatchingRule,
    Payment,
    Receivables,
    settle_run,
)
from hrpolicy.collection.examples import (
    days_to_collect_policy,
    full_collection_policy,
    proportional_policy,
    reserve_policy,
)
from hrpolicy.collection.fast import FastRelease, release_columns
from hrpolicy.collection.policy import CollectionVersion, OnInvoice
from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.core.money import fen_to_money
from hrpolicy.core.period import Period

PEOPLE = ("li", "wang")
START = date(2024, 1, 1)


def _on_invoice_policy() -> CollectionPolicy:
    return CollectionPolicy(
        policy_id="on-invoice",
        name="开票即发",
        versions=(
            CollectionVersion(
                version="2024", effective_from=START, release=OnInvoice(clause="第1条")
            ),
        ),
    )


POLICIES = st.sampled_from([proportional_policy, full_collection_policy, _on_invoice_policy])


@st.composite
def _year(draw: st.DrawFn) -> tuple[list[tuple[int, date, int, int]], list[tuple[int, date, int]]]:
    """Invoices (salesperson, issued, amount fen, commission fen) and payments (invoice
    row, received, fen) never above an invoice's amount, some after the year."""
    invoices = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(PEOPLE) - 1),
                st.dates(START, date(2025, 1, 31)),
                st.integers(1, 10**9),
                st.integers(0, 10**8),
            ),
            min_size=1,
            max_size=8,
        )
    )
    payments = []
    for row, (_, issued, amount, _) in enumerate(invoices):
        left = amount
        for _ in range(draw(st.integers(0, 3))):
            if not left:
                break
            fen = draw(st.integers(1, left))
            left -= fen
            day = issued + timedelta(days=draw(st.integers(0, 400)))
            payments.append((row, day, fen))
    return invoices, draw(st.permutations(payments))


def _receivables(
    invoices: list[tuple[int, date, int, int]], payments: list[tuple[int, date, int]]
) -> Receivables:
    return Receivables(
        invoices=tuple(
            Invoice(
                invoice_id=f"I{row}",
                customer="ACME",
                salesperson=PEOPLE[who],
                issued_on=issued,
                amount=fen_to_money(amount),
                commission=fen_to_money(commission),
            )
            for row, (who, issued, amount, commission) in enumerate(invoices)
        ),
        matching=MatchingRule.BY_INVOICE,
        payments=tuple(
            Payment(
                payment_id=f"P{n}", invoice_id=f"I{row}", received_on=day, amount=fen_to_money(fen)
            )
            for n, (row, day, fen) in enumerate(payments)
        ),
    )


def _columns(
    invoices: list[tuple[int, date, int, int]], payments: list[tuple[int, date, int]]
) -> tuple[dict[str, object], dict[str, object]]:
    return (
        {
            "salesperson": np.array([PEOPLE[i[0]] for i in invoices]),
            "issued_on": np.array([i[1] for i in invoices], "datetime64[D]"),
            "amount_fen": np.array([i[2] for i in invoices], dtype=np.int64),
            "commission_fen": np.array([i[3] for i in invoices], dtype=np.int64),
        },
        {
            "invoice": np.array([p[0] for p in payments], dtype=np.int64),
            "received_on": np.array([p[1] for p in payments], "datetime64[D]"),
            "amount_fen": np.array([p[2] for p in payments], dtype=np.int64),
        },
    )


@settings(max_examples=60, deadline=None)
@given(POLICIES, _year())
def test_each_salespersons_month_releases_from_columns_what_settle_run_releases(
    make_policy: object, year: tuple[list[tuple[int, date, int, int]], list[tuple[int, date, int]]]
) -> None:
    policy = make_policy()  # type: ignore[operator]
    invoices, payments = year
    bills, cash = _columns(invoices, payments)
    fast = release_columns(policy, 2024, invoices=bills, payments=cash)
    receivables = _receivables(invoices, payments)
    for who in sorted({PEOPLE[i[0]] for i in invoices}):
        run = settle_run(policy, Period(year=2024), receivables, who)
        assert [fast.month(who, m) for m in range(1, 13)] == [s.total for s in run.statements]


def test_the_same_year_from_lists_a_frame_or_arrays_releases_the_same() -> None:
    invoices = [(0, date(2024, 1, 10), 10_000_000, 300_000), (1, date(2024, 2, 1), 500, 15)]
    payments = [(0, date(2024, 2, 5), 4_000_000), (1, date(2024, 2, 9), 250)]
    bills, cash = _columns(invoices, payments)
    arrays = release_columns(proportional_policy(), 2024, invoices=bills, payments=cash)
    listed = release_columns(
        proportional_policy(),
        2024,
        invoices={name: column.tolist() for name, column in bills.items()},  # type: ignore[attr-defined]
        payments=pd.DataFrame(cash),
    )
    assert listed == arrays
    assert arrays.month("wang", 2) == Decimal("0.08")  # half of 15 fen: 7.5 rounds up to 8
    assert arrays.to_records("people") == [
        {"employee": "li", "released": Decimal("1200.00")},
        {"employee": "wang", "released": Decimal("0.08")},
    ]
    assert len(arrays.to_records("months")) == 24


def test_rules_a_vectorised_path_cannot_follow_are_refused_with_the_field_named() -> None:
    bills, cash = _columns([(0, date(2024, 1, 10), 100, 3)], [])
    with pytest.raises(PolicyDefinitionError, match=r"\[2024\]\.days_to_collect: expected no"):
        release_columns(days_to_collect_policy(), 2024, invoices=bills, payments=cash)
    with pytest.raises(PolicyDefinitionError, match=r"\[2024\]\.reserve: expected no reserve"):
        release_columns(reserve_policy(), 2024, invoices=bills, payments=cash)


def test_bad_rows_are_refused_naming_the_column_and_row() -> None:
    invoices = [(0, date(2024, 1, 10), 10_000, 300), (1, date(2024, 2, 1), 500, 15)]
    good_bills, good_cash = _columns(invoices, [(0, date(2024, 2, 5), 4_000)])
    policy = proportional_policy()

    def refused(bills: dict[str, object], cash: dict[str, object]) -> str:
        with pytest.raises((InvalidValueError, InvalidTypeError)) as error:
            release_columns(policy, 2024, invoices=bills, payments=cash)
        return str(error.value)

    early = {**good_cash, "received_on": np.array(["2024-01-09"], "datetime64[D]")}
    assert refused(good_bills, early).startswith("payments.received_on[0]: expected a day on")
    assert refused(good_bills, {**good_cash, "invoice": np.array([2])}).startswith(
        "payments.invoice[0]: expected the row of an invoice, 0 to 1"
    )
    over = {**good_cash, "amount_fen": np.array([10_001])}
    assert refused(good_bills, over).startswith("payments (invoice row 0): expected payments")
    zero = {**good_bills, "amount_fen": np.array([10_000, 0])}
    assert refused(zero, good_cash).startswith("invoices.amount_fen[1]: expected an amount above")
    assert refused({**good_bills, "salesperson": ["li", ""]}, good_cash).startswith(
        "invoices.salesperson[1]: expected an employee id"
    )
    assert refused({**good_bills, "commission_fen": [300, 1.5]}, good_cash).startswith(
        "invoices.commission_fen[1]: expected a whole number of fen"
    )
    short = {k: v for k, v in good_bills.items() if k != "issued_on"}
    assert refused(short, good_cash).startswith("invoices.issued_on: expected a column")
    with pytest.raises(InvalidValueError, match=r"^year: expected a year"):
        release_columns(policy, 24.0, invoices=good_bills, payments=good_cash)  # type: ignore[arg-type]


def test_an_invoice_issued_before_any_version_is_refused_as_settle_run_refuses_it() -> None:
    bills, cash = _columns([(0, date(2023, 12, 20), 100, 3)], [])
    with pytest.raises(NotCoveredError, match=r"^CollectionPolicy\(proportional\)"):
        release_columns(proportional_policy(), 2024, invoices=bills, payments=cash)
    with pytest.raises(NotCoveredError, match=r"^CollectionPolicy\(proportional\)"):
        release_columns(proportional_policy(), 2023, invoices=bills, payments=cash)


def test_a_release_run_built_by_hand_checks_its_months() -> None:
    with pytest.raises(InvalidTypeError, match=r"^FastRelease\.months\[\('li', 13\)\]"):
        FastRelease(policy=proportional_policy(), year=2024, months={("li", 13): 5})
    run = FastRelease(policy=proportional_policy(), year=2024, months={("li", 1): 5})
    assert run.total == Decimal("0.05")
    with pytest.raises(InvalidValueError, match=r"^year: expected the run's year 2024"):
        run.month("li", 1, 2025)


def test_a_salespersons_total_beyond_int64_is_released_exactly_as_settle_run_does() -> None:
    invoices = [(0, date(2024, 3, day), 1, 4 * 10**18) for day in (1, 2, 3)]
    bills, cash = _columns(invoices, [])
    fast = release_columns(_on_invoice_policy(), 2024, invoices=bills, payments=cash)
    run = settle_run(_on_invoice_policy(), Period(year=2024), _receivables(invoices, []), "li")
    assert fast.month("li", 3) == run.statements[2].total == Decimal(12 * 10**16)


def test_unused_categories_are_no_salespeople_and_later_payments_do_not_count() -> None:
    invoices = [(0, date(2024, 3, 1), 1_000, 30)]
    payments = [(0, date(2024, 6, 1), 600), (0, date(2025, 2, 1), 600)]
    bills, cash = _columns(invoices, payments)
    bills["salesperson"] = pd.Series(["li"]).astype(pd.CategoricalDtype(["li", "ghost"]))
    fast = release_columns(proportional_policy(), 2024, invoices=bills, payments=cash)
    assert [row["employee"] for row in fast.to_records("people")] == ["li"]
    assert fast.month("li", 6) == Decimal("0.18")  # 600 of 1,000 collected: 60 % of 0.30


def test_an_arrow_table_of_payments_and_a_bad_invoice_row_are_read_by_name() -> None:
    bills, cash = _columns([(0, date(2024, 3, 1), 1_000, 30)], [(0, date(2024, 6, 1), 500)])
    table = pa.table({name: pa.array(column) for name, column in cash.items()})
    fast = release_columns(proportional_policy(), 2024, invoices=bills, payments=table)
    assert fast.month("li", 6) == Decimal("0.15")
    with pytest.raises(InvalidValueError, match=r"^payments\.invoice\[0\]: expected the row"):
        release_columns(
            proportional_policy(), 2024, invoices=bills, payments={**cash, "invoice": [-1]}
        )
    masked = np.ma.masked_array([30], mask=[True])
    with pytest.raises(InvalidValueError, match=r"^invoices\.commission_fen\[0\]"):
        release_columns(
            proportional_policy(),
            2024,
            invoices={**bills, "commission_fen": masked},
            payments=cash,
        )
