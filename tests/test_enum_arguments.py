"""Every function and method that takes an enum takes a member or its value, and refuses
anything else naming the argument and the allowed values — as enum fields do."""

from __future__ import annotations

import enum
import importlib
import pkgutil
from datetime import date
from decimal import Decimal

import pytest

import hrpolicy
from hrpolicy import InvalidValueError
from hrpolicy.collection import MilestoneKind
from hrpolicy.collection.examples import key_account_policy
from hrpolicy.commission import Deal, Measure
from hrpolicy.commission.examples import magazine_plan
from hrpolicy.core.bands import Semantics
from hrpolicy.reports import Item
from hrpolicy.reports.examples import domain_report_policy


def test_the_magazine_plan_is_chosen_by_reading_written_as_text() -> None:
    assert magazine_plan("whole") == magazine_plan(Semantics.WHOLE)
    with pytest.raises(InvalidValueError, match="reading: expected one of 'marginal'"):
        magazine_plan("retroactive")


def test_a_deal_measure_is_asked_for_by_name() -> None:
    deal = Deal(deal_id="D1", owner="li", signed_on=date(2024, 3, 1), amount=Decimal(500))
    assert deal.measure("sales") == deal.measure(Measure.SALES) == 500
    with pytest.raises(InvalidValueError, match="which: expected one of 'sales', 'units'"):
        deal.measure("revenue")


def test_a_milestone_and_a_summary_item_are_asked_for_by_name() -> None:
    version = key_account_policy().versions[0]
    kind = MilestoneKind.SUPPLIER_LISTED
    assert version.milestone(kind.value) == version.milestone(kind)
    policy = domain_report_policy()
    item = Item.SALES_VOLUME
    assert policy.rule(item.value) == policy.rule(item)
    with pytest.raises(InvalidValueError, match="item: expected one of 'sales_volume'"):
        policy.tolerance("sales")


def test_every_enum_of_the_library_built_from_an_unknown_value_lists_the_allowed_ones() -> None:
    seen = 0
    for info in pkgutil.walk_packages(hrpolicy.__path__, "hrpolicy."):
        if info.name in ("hrpolicy.strategies", "hrpolicy.__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum) and len(value):
                if value.__module__ != info.name:
                    continue
                seen += 1
                with pytest.raises(InvalidValueError, match=rf"^{value.__name__}: expected one of"):
                    value("no such value")
    assert seen >= 30
