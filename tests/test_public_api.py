"""What every engine promises the same way: the core types its API takes are exported
from it, and its main functions document each parameter, what they return and raise,
with an example that runs (the doctests run with the suite)."""

from __future__ import annotations

import doctest
import enum
import inspect
import re
import typing
from collections.abc import Callable
from types import ModuleType
from typing import Any

import attrs
import pytest

from hrpolicy import bonds, charges, collection, commission, expenses, reports
from hrpolicy.core import errors
from hrpolicy.core.display import Displayable
from tests.helpers import core_types

ENGINES = [bonds, charges, collection, commission, reports, expenses]

MAIN: list[Callable[..., Any]] = [
    bonds.settle,
    bonds.review,
    bonds.plan_bonds,
    bonds.settle_bond,
    bonds.settle_cases,
    charges.settle_charges,
    expenses.settle_expenses,
    commission.evaluate,
    commission.evaluate_team,
    commission.compare,
    collection.settle_month,
    collection.settle_team,
    collection.recovery_schedule,
    collection.recovery_cap,
    reports.validate,
    reports.score_month,
    reports.score_component,
    reports.annual_score,
    reports.consequences,
    reports.year_end_awards,
    reports.score_card,
    reports.apply_quotas,
    reports.run_consequences,
]


def _taken(engine: ModuleType) -> set[type]:
    """The core types the engine's exported constructors and functions take."""
    taken: set[type] = set()
    for name in engine.__all__:
        obj = getattr(engine, name)
        if inspect.isclass(obj) and (
            issubclass(obj, Displayable) or obj.__module__.endswith(".results")
        ):
            continue  # what the engine returns, not what it takes
        if inspect.isclass(obj) and attrs.has(obj) and not issubclass(obj, enum.Enum):
            hints = typing.get_type_hints(obj)
            for field in attrs.fields(obj):
                if field.init:
                    taken |= core_types(hints[field.name])
        elif inspect.isfunction(obj):
            hints = typing.get_type_hints(obj)
            for parameter in inspect.signature(obj).parameters:
                taken |= core_types(hints.get(parameter))
    return taken


@pytest.mark.parametrize("engine", ENGINES, ids=lambda e: e.__name__)
def test_every_core_type_an_engine_takes_is_exported_from_the_engine(engine: ModuleType) -> None:
    taken = _taken(engine)
    assert taken, "the engine takes some core type"
    missing = sorted(t.__name__ for t in taken if getattr(engine, t.__name__, None) is not t)
    assert missing == []
    assert {t.__name__ for t in taken} <= set(engine.__all__)


_ERRORS = {name for name in errors.__all__ if name.endswith("Error")}


@pytest.mark.parametrize("function", MAIN, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_a_main_function_documents_its_arguments_result_errors_and_an_example(
    function: Callable[..., Any],
) -> None:
    doc = inspect.getdoc(function) or ""
    sections = re.findall(r"^(Args|Returns|Raises|Example|Examples):$", doc, re.MULTILINE)
    assert sections[:3] == ["Args", "Returns", "Raises"], sections
    args = doc.split("Args:\n", 1)[1].split("\nReturns:", 1)[0]
    for name in inspect.signature(function).parameters:
        assert re.search(rf"^    {name}( \([^)]*\))?: \S", args, re.MULTILINE), name
    raises = doc.split("\nRaises:\n", 1)[1]
    named = set(re.findall(r"^    (\w+Error):", raises, re.MULTILINE))
    assert "InvalidTypeError" in named
    assert named <= _ERRORS, named - _ERRORS
    examples = doctest.DocTestParser().get_examples(doc)
    assert any(function.__name__ + "(" in example.source for example in examples)
