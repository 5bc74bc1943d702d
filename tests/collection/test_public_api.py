"""What a user builds a month from comes from ``hrpolicy.collection`` alone: the engine's
own types and the core types its functions take and return."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from hrpolicy import collection, core
from tests.helpers import core_types


def _annotated(function: Callable[..., Any]) -> set[type]:
    return set().union(*map(core_types, typing.get_type_hints(function).values()))


def _used_by_the_api() -> set[type]:
    """The core types in the annotations of everything the engine exports: functions,
    fields, and the methods, class methods and properties of its classes (what they take
    and what they return)."""
    used: set[type] = set()
    for name in collection.__all__:
        obj = getattr(collection, name)
        if inspect.isfunction(obj):
            used |= _annotated(obj)
        if not inspect.isclass(obj) or not obj.__module__.startswith("hrpolicy.collection"):
            continue
        if attrs.has(obj):
            hints = typing.get_type_hints(obj)
            used |= set().union(*(core_types(hints[f.name]) for f in attrs.fields(obj)))
        for member_name, member in inspect.getmembers(obj):
            if member_name.startswith("_"):
                continue
            if isinstance(member, property) and member.fget is not None:
                used |= _annotated(member.fget)
            elif inspect.isfunction(member) or inspect.ismethod(member):
                used |= _annotated(member)
    return used


def test_every_core_type_the_collection_api_takes_or_returns_imports_from_the_engine() -> None:
    used = _used_by_the_api()
    # Among them those a month is written with: Staged's table, the reserve's rate…
    assert {c.__name__ for c in used} >= {
        "BandTable",
        "Explanation",
        "Finding",
        "Label",
        "PaidLine",
        "Period",
        "Rate",
        "Step",
    }
    missing = sorted(t.__name__ for t in used if getattr(collection, t.__name__, None) is not t)
    assert missing == []
    assert {t.__name__ for t in used} <= set(collection.__all__)
    # And what a band table or a finding is built or read with.
    for name in ("Band", "Semantics", "Severity", "Side"):
        assert getattr(collection, name) is getattr(core, name), name
        assert name in collection.__all__, name


def test_a_staged_month_with_a_reserve_and_a_rerun_is_built_from_the_engine_module_only() -> None:
    c = collection
    stages = c.BandTable.from_thresholds(
        [0, "0.5", 1], [0, "0.5", 1], closed=c.Side.LOWER, semantics=c.Semantics.WHOLE
    )
    policy = c.CollectionPolicy(
        policy_id="p",
        name="p",
        versions=(
            c.CollectionVersion(
                version="2024",
                effective_from=date(2024, 1, 1),
                release=c.Staged(stages=stages),
                reserve=c.RiskReserve(rate=c.Rate.parse("10%")),
            ),
        ),
    )
    receivables = c.Receivables(
        invoices=(
            c.Invoice(
                invoice_id="I1",
                customer="ACME",
                salesperson="li",
                issued_on=date(2024, 1, 10),
                amount=Decimal(100000),
                commission=Decimal(3000),
            ),
        ),
        matching=c.MatchingRule.FIFO,
        payments=(
            c.Payment(
                payment_id="P1",
                customer="ACME",
                received_on=date(2024, 2, 1),
                amount=Decimal(60000),
            ),
        ),
    )
    period = c.Period(year=2024, month=2)
    first = c.settle_month(policy, period, receivables, c.CollectionInputs(employee="li"))
    assert first.line("release/I1").amount == 1500
    paid = tuple(c.PaidLine(line_id=x.line_id, amount=x.amount) for x in first.lines)
    again = c.settle_month(
        policy, period, receivables, c.CollectionInputs(employee="li", paid=paid)
    )
    assert again.due == 0
