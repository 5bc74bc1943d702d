"""hrpolicy: policy engines for Chinese HR and sales-compensation rules.

Engines load on first use (``hrpolicy.commission`` or ``import hrpolicy.commission``).

Pure Python, no I/O: dates, calendars, minimum wages and locales are arguments; money is
exact (``Decimal`` in CNY, never ``float``); every result explains itself step by step,
with citations, and reports findings in Chinese and English.

- :mod:`hrpolicy.bonds` — training service-period bonds (培训服务期协议);
- :mod:`hrpolicy.commission` — commission plans and statements (提成);
- :mod:`hrpolicy.collection` — collection-linked pay and clawbacks (回款挂钩);
- :mod:`hrpolicy.reports` — weekly report validation and scoring (周报 / 考核);
- :mod:`hrpolicy.charges` — deposits, fines, penalties, loss compensation and non-competes
  on workers, under the relationship they work in (押金 / 罚款 / 违约金 / 赔偿);
- :mod:`hrpolicy.expenses` — sales expenses: lump sums, reimbursement to standards,
  advances against the visit plan (费用包干 / 报销 / 借支);
- :mod:`hrpolicy.core` — money, rates, time spans, work calendars, band tables,
  explanations, errors and conversion, shared by every engine;
- :mod:`hrpolicy.law` — the statute the engines cite, with effective dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrpolicy import _lazy

if TYPE_CHECKING:
    from hrpolicy import bonds, charges, collection, commission, core, expenses, law, reports
    from hrpolicy.core import (
        ConversionError,
        HRPolicyError,
        InvalidTypeError,
        InvalidValueError,
        MissingDependencyError,
        NotCoveredError,
        PolicyDefinitionError,
        Rate,
        from_dict,
        round_money,
        to_dict,
    )

__version__ = "0.1.0.dev0"

#: Engines load on first use, so ``import hrpolicy`` stays quick.
_LAZY = ("bonds", "charges", "collection", "commission", "core", "expenses", "law", "reports")

#: Names re-exported from :mod:`hrpolicy.core`, each loaded with its module on first use.
_FROM_CORE: dict[str, str] = {
    "ConversionError": "hrpolicy.core.errors",
    "HRPolicyError": "hrpolicy.core.errors",
    "InvalidTypeError": "hrpolicy.core.errors",
    "InvalidValueError": "hrpolicy.core.errors",
    "MissingDependencyError": "hrpolicy.core.errors",
    "NotCoveredError": "hrpolicy.core.errors",
    "PolicyDefinitionError": "hrpolicy.core.errors",
    "Rate": "hrpolicy.core.money",
    "round_money": "hrpolicy.core.money",
    "from_dict": "hrpolicy.core.convert",
    "to_dict": "hrpolicy.core.convert",
}

#: Where each name loads from: an engine is its own subpackage.
_HOMES: dict[str, str] = {**{name: f"hrpolicy.{name}" for name in _LAZY}, **_FROM_CORE}


def __getattr__(name: str) -> object:
    return _lazy.load(__name__, globals(), _HOMES, name)


def __dir__() -> list[str]:
    return _lazy.names(globals(), _HOMES)


__all__ = [
    "ConversionError",
    "HRPolicyError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingDependencyError",
    "NotCoveredError",
    "PolicyDefinitionError",
    "Rate",
    "__version__",
    "bonds",
    "charges",
    "collection",
    "commission",
    "core",
    "expenses",
    "from_dict",
    "law",
    "reports",
    "round_money",
    "to_dict",
]
