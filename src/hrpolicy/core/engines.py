"""What each engine says once about itself, for the boundary (documents, case files, the
command line and the schemas) to read: its name, its case type, its policy types, its
result type, how a case runs, and a worked example as a case.

Each engine's room defines its :class:`EngineSpec` objects in its ``case`` module, as
``ENGINES``; :func:`engine` imports the room only when its engine is asked for, so
``import hrpolicy`` loads none of them.

>>> spec = engine("bonds")
>>> spec.case_type.__name__, [t.__name__ for t in spec.policy_types]
('BondCase', ['BondPolicy', 'ServiceSchedule'])
>>> type(spec.run(spec.example_case())).__name__
'SeparationSettlement'
>>> engine("payroll")
Traceback (most recent call last):
...
hrpolicy.core.errors.InvalidValueError: engine: expected one of bonds, commission, ...
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Final

import attrs

from hrpolicy.core.errors import InvalidValueError

__all__ = ["ENGINE_NAMES", "EngineSpec", "document_types", "engine", "engines"]

#: Every engine, in the order they are listed, and the module that declares it.
_MODULES: Final[dict[str, str]] = {
    "bonds": "hrpolicy.bonds.case",
    "commission": "hrpolicy.commission.case",
    "collection": "hrpolicy.collection.case",
    "reports": "hrpolicy.reports.case",
    "scoring": "hrpolicy.reports.case",
    "charges": "hrpolicy.charges.case",
    "awards": "hrpolicy.reports.case",
    "cadences": "hrpolicy.reports.cadence",
    "expenses": "hrpolicy.expenses.case",
}
#: The engines' names, as case files and the command line write them.
ENGINE_NAMES: Final = tuple(_MODULES)


@attrs.frozen(kw_only=True)
class EngineSpec:
    """One engine as the boundary sees it.

    Attributes:
        name: the engine's name in case files and on the command line (``"bonds"``).
        summary: one line saying what a case of this engine computes.
        case_type: the attrs class of one case: every input the engine needs.
        policy_types: the policy types a document may hold (plans, schedules, cards…).
        result_type: the class of what :attr:`run` returns (a tabular result).
        run: computes the result of one case.
        example_case: the engine's worked example, built from its ``examples`` module.
    """

    name: str
    summary: str
    case_type: type[Any]
    policy_types: tuple[type[Any], ...]
    result_type: type[Any]
    run: Callable[[Any], Any]
    example_case: Callable[[], Any]


def engine(name: str) -> EngineSpec:
    """The engine called ``name`` (one of :data:`ENGINE_NAMES`); another name is an
    :class:`~hrpolicy.core.errors.InvalidValueError` listing them."""
    module = _MODULES.get(name) if isinstance(name, str) else None
    if module is None:
        raise InvalidValueError("engine", "one of " + ", ".join(ENGINE_NAMES), name)
    specs: tuple[EngineSpec, ...] = importlib.import_module(module).ENGINES
    return next(spec for spec in specs if spec.name == name)


def engines() -> tuple[EngineSpec, ...]:
    """Every engine, in the order of :data:`ENGINE_NAMES` (each room imported)."""
    return tuple(engine(name) for name in ENGINE_NAMES)


def document_types() -> dict[str, type[Any]]:
    """Every type a document may hold — each engine's case type and policy types — by
    class name, in engine order (the names ``hrpolicy schema`` takes)."""
    types: dict[str, type[Any]] = {}
    for spec in engines():
        for cls in (spec.case_type, *spec.policy_types):
            types.setdefault(cls.__name__, cls)
    return types
