"""The frame libraries behind the extras, imported only when a conversion needs one.

>>> require_library("decimal", "pandas").__name__
'decimal'
>>> require_library("no_such_frame_library", "polars")
Traceback (most recent call last):
...
hrpolicy.core.errors.MissingDependencyError: hrpolicy.tables: expected the no_such_frame_library
library, installed with the extra: pip install 'hrpolicy[polars]'
"""

from __future__ import annotations

from types import ModuleType

from hrpolicy.core import libraries

__all__ = ["require_library"]


def require_library(module: str, extra: str, feature: str = "hrpolicy.tables") -> ModuleType:
    """Import ``module``, or raise :class:`~hrpolicy.core.errors.MissingDependencyError`
    naming the extra that installs it (``pandas``, ``polars``, ``arrow``).

    Args:
        module: the module to import (``"pandas"``, ``"polars"``, ``"pyarrow"``).
        extra: the extra of hrpolicy that installs it.
        feature (optional): what needs it, named in the error.

    Returns:
        The module.

    Raises:
        MissingDependencyError: the module cannot be imported.
    """
    return libraries.require_library(module, extra, feature)
