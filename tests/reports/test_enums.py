"""The engine's enums and enum arguments: a value that names no member is the library's
typed error listing the allowed values, wherever it comes in."""

from __future__ import annotations

import enum
import inspect
import typing
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from hrpolicy import InvalidValueError, reports
from hrpolicy.reports import Item, ItemStatus, validate
from hrpolicy.reports import examples as report_examples
from hrpolicy.reports.examples import domain_report_policy
from tests.reports.helpers import CALENDAR, report

ENUMS = [
    value
    for name in reports.__all__
    if isinstance(value := getattr(reports, name), type)
    and issubclass(value, enum.Enum)
    and value.__module__.startswith("hrpolicy.reports")  # not the core's, exported too
]


def test_the_engine_has_sixteen_enums() -> None:
    assert sorted(e.__name__ for e in ENUMS) == [
        "CadenceUnit",
        "Card",
        "Combine",
        "Consequence",
        "GrowthBasis",
        "GrowthPays",
        "Item",
        "ItemStatus",
        "Measured",
        "Need",
        "ObligationStatus",
        "PayPart",
        "Per",
        "Ties",
        "UntrueContent",
        "Weekday",
    ]


def test_an_item_built_from_an_unknown_name_is_refused_listing_the_items() -> None:
    with pytest.raises(InvalidValueError) as raised:
        Item("missing_item")
    message = str(raised.value)
    assert message.startswith("Item: expected one of 'sales_volume', 'collections'")
    assert message.endswith("got str 'missing_item'")
    assert all(repr(item.value) in message for item in Item)
    assert isinstance(raised.value, ValueError)
    assert Item("collections") is Item.COLLECTIONS


@pytest.mark.parametrize("kind", ENUMS, ids=[e.__name__ for e in ENUMS])
def test_every_enum_of_the_engine_built_from_an_unknown_value_lists_the_allowed_ones(
    kind: type[enum.Enum],
) -> None:
    allowed = ", ".join(repr(member.value) for member in kind)
    with pytest.raises(InvalidValueError, match=f"^{kind.__name__}: expected one of ") as raised:
        kind("no such value")
    assert raised.value.expected == f"one of {allowed}"
    assert raised.value.actual == "no such value"
    for member in kind:
        assert kind(member.value) is member


def _enum_parameters(function: Callable[..., Any]) -> Iterator[str]:
    hints = typing.get_type_hints(function)
    for name in inspect.signature(function).parameters:
        hint = hints.get(name)
        found = {hint, *typing.get_args(hint)}
        if any(isinstance(h, type) and h in ENUMS for h in found):
            yield name


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    for module in (reports, report_examples):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value):
                yield name, value
            elif isinstance(value, type) and not issubclass(value, enum.Enum):
                for attr, member in vars(value).items():
                    if inspect.isfunction(member) and not attr.startswith("_"):
                        yield f"{name}.{attr}", member


def test_every_public_function_taking_an_engine_enum_is_known_here() -> None:
    found = {
        f"{name}({parameter})"
        for name, function in _public_callables()
        for parameter in _enum_parameters(function)
    }
    assert found == {
        "WeeklyReport.entry(item)",
        "ReportPolicy.rule(item)",
        "ReportPolicy.tolerance(item)",
        "ReportCheck.status(item)",
        "QuotaResult.part(part)",
    }


def test_each_enum_argument_takes_a_value_and_refuses_others_naming_the_argument() -> None:
    policy = domain_report_policy()
    (check,) = validate([report()], policy, CALENDAR)
    calls: dict[str, Callable[[Any], object]] = {
        "WeeklyReport.entry": report().entry,
        "ReportPolicy.rule": policy.rule,
        "ReportPolicy.tolerance": policy.tolerance,
        "ReportCheck.status": check.status,
    }
    for name, call in calls.items():
        assert call("sales_volume") == call(Item.SALES_VOLUME), name
        with pytest.raises(InvalidValueError, match=r"^item: expected one of 'sales_volume'"):
            call("sales")
    assert check.status("sales_volume") is ItemStatus.PASSED
