"""Statute as data: the provisions hrpolicy cites, with effective dates.

See :mod:`hrpolicy.law.provisions`.
"""

from hrpolicy.law.provisions import (
    PROVISIONS,
    SOURCES,
    Provision,
    Source,
    SourceKind,
    chinese_numeral,
    provision,
)

__all__ = [
    "PROVISIONS",
    "SOURCES",
    "Provision",
    "Source",
    "SourceKind",
    "chinese_numeral",
    "provision",
]
