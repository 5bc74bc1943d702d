"""Batch calls give exactly what one-at-a-time calls give."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import InvalidValueError
from hrpolicy.bonds import BondCase, settle_cases
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.collection import CollectionInputs, Receivables, settle_month, settle_team
from hrpolicy.collection.examples import reserve_policy
from hrpolicy.commission import Period
from hrpolicy.strategies import bond_cases, collection_receivables


@settings(max_examples=25)
@given(st.lists(bond_cases(eligible_only=True, max_bonds=2), max_size=5))
def test_settling_many_bond_cases_equals_settling_each(cases: list[BondCase]) -> None:
    assert settle_cases(cases) == tuple(case.settle() for case in cases)


def test_an_error_in_a_batch_of_bond_cases_names_the_case() -> None:
    good = electrician_case()
    bad = attrs.evolve(good, separation=attrs.evolve(good.separation, last_day=date(2000, 1, 1)))
    with pytest.raises(InvalidValueError, match=r"^cases\[1\]\."):
        settle_cases([good, bad])


@settings(max_examples=25)
@given(collection_receivables(), st.integers(1, 12))
def test_a_team_month_equals_each_salespersons_month(receivables: Receivables, month: int) -> None:
    shared = attrs.evolve(
        receivables,
        invoices=(
            *receivables.invoices,
            *(
                attrs.evolve(i, invoice_id=f"W-{i.invoice_id}", salesperson="wang")
                for i in receivables.invoices
            ),
        ),
    )
    people = [
        CollectionInputs(employee=name, month_wage=Decimal(6000), minimum_wage=Decimal(2690))
        for name in ("wang", "li")
    ]
    period = Period(year=2024, month=month)
    team = settle_team(reserve_policy(), period, shared, people)
    assert [s.employee for s in team] == ["li", "wang"]
    assert team == tuple(
        settle_month(reserve_policy(), period, shared, p)
        for p in sorted(people, key=lambda p: p.employee)
    )
