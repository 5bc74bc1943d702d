"""hrpolicy: policy engines for Chinese HR and sales-compensation rules.

Pure Python, no I/O: dates, calendars, minimum wages and locales are arguments; money is
exact (``Decimal`` in CNY, never ``float``); every result explains itself step by step,
with citations, and reports findings in Chinese and English.

- :mod:`hrpolicy.bonds` — training service-period bonds (培训服务期协议);
- :mod:`hrpolicy.commission` — commission plans and statements (提成);
- :mod:`hrpolicy.collection` — collection-linked pay and clawbacks (回款挂钩);
- :mod:`hrpolicy.reports` — weekly report validation and scoring (周报 / 考核);
- :mod:`hrpolicy.core` — money, rates, time spans, work calendars, band tables,
  explanations, errors and conversion, shared by every engine;
- :mod:`hrpolicy.law` — the statute the engines cite, with effective dates.
"""

from hrpolicy import bonds, collection, commission, core, law, reports
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
    "collection",
    "commission",
    "core",
    "from_dict",
    "law",
    "reports",
    "round_money",
    "to_dict",
]
