"""The base of every enum of the library: a value read from text that names no member is
the library's typed error, listing the allowed values, wherever the enum is called.

>>> from hrpolicy.core.bands import Side
>>> Side("upper")
<Side.UPPER: 'upper'>
>>> Side("top")
Traceback (most recent call last):
...
hrpolicy.core.errors.InvalidValueError: Side: expected one of 'lower', 'upper', got str 'top'
"""

from __future__ import annotations

import enum
from typing import NoReturn

from hrpolicy.core.errors import InvalidValueError

__all__ = ["Choice"]


class Choice(enum.Enum):
    """An enum whose call with a value that names no member (``Item("sales")``) raises
    :class:`~hrpolicy.core.errors.InvalidValueError` — a ``ValueError`` — naming the enum
    and listing the allowed values, as enum fields and arguments do.

    A member equals only itself, as every plain enum member does, so it hashes by its
    identity (in C) rather than by hashing its name in Python at every lookup: the engines
    key many small tables by member.
    """

    __hash__ = object.__hash__

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise InvalidValueError(cls.__name__, f"one of {allowed}", value)
