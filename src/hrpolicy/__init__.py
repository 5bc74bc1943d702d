"""hrpolicy: policy engines for Chinese HR and sales-compensation rules.

Pure Python, no I/O: dates, calendars, minimum wages and locales are arguments; money is
exact (``Decimal`` in CNY, never ``float``); every result explains itself step by step,
with citations, and reports findings in Chinese and English.

- :mod:`hrpolicy.bonds` — training service-period bonds (培训服务期协议);
- :mod:`hrpolicy.core` — money, rates, time spans, work calendars, band tables,
  explanations, errors and conversion, shared by every engine;
- :mod:`hrpolicy.law` — the statute the engines cite, with effective dates.
"""

from hrpolicy import bonds, core, law
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
    "core",
    "from_dict",
    "law",
    "round_money",
    "to_dict",
]
