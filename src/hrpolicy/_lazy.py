"""A package's names loaded with their modules on first use (PEP 562), so importing the
package loads none of them.

A package maps each name to the module that defines it and forwards its module-level
``__getattr__`` and ``__dir__`` here. A name mapped to the package's own submodule of the
same name (``"commission": "hrpolicy.commission"``) is that submodule.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, MutableMapping


def load(
    package: str, namespace: MutableMapping[str, object], homes: Mapping[str, str], name: str
) -> object:
    """``name`` of ``package`` loaded from its home module and kept in ``namespace``;
    :class:`AttributeError` for a name the package does not have."""
    home = homes.get(name)
    if home is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    module = importlib.import_module(home)
    value: object = module if home == f"{package}.{name}" else getattr(module, name)
    namespace[name] = value
    return value


def names(namespace: Mapping[str, object], homes: Mapping[str, str]) -> list[str]:
    """What ``dir()`` of the package lists: what it holds and what it can load."""
    return sorted(set(namespace) | set(homes))
