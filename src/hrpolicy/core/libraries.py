"""Optional libraries behind the extras, imported only when a feature needs one.

>>> require_library("decimal", "numpy", "hrpolicy.core.vector").__name__
'decimal'
>>> require_library("no_such_library", "numpy", "hrpolicy.core.vector")
Traceback (most recent call last):
...
hrpolicy.core.errors.MissingDependencyError: hrpolicy.core.vector: expected the no_such_library
library, installed with the extra: pip install 'hrpolicy[numpy]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from hrpolicy.core.errors import MissingDependencyError

__all__ = ["require_library"]


def require_library(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module``, or raise :class:`~hrpolicy.core.errors.MissingDependencyError`
    naming ``feature`` and the extra that installs it (``numpy``, ``pandas``, ``polars``,
    ``arrow``)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            feature,
            f"the {module} library, installed with the extra: pip install 'hrpolicy[{extra}]'",
        ) from None
