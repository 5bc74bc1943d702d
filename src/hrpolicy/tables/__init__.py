"""Tables in and out: rows and data frames to the engines' inputs (and, later, results
to frames).

The frame libraries (pandas, polars, pyarrow) are optional extras, never imported by
``import hrpolicy`` nor by any engine; reading a frame uses only that frame's own methods.
See ``docs/tables.md``.

Tables in: :func:`read_deals`, :func:`read_person_inputs` (commission),
:func:`read_receivables`, :func:`read_collection_inputs` (collection),
:func:`read_weekly_reports`, :func:`read_references` (reports), :func:`read_bond_cases`
(bonds), and :func:`read_inputs` for any input an engine declares in its ``tabular``
module. Problems are a :class:`TableError` listing every :class:`TableProblem`.
"""

from hrpolicy.tables.errors import TableError, TableProblem
from hrpolicy.tables.inputs import (
    ENGINES,
    FLOAT_LIMIT,
    Floats,
    read_bond_cases,
    read_collection_inputs,
    read_deals,
    read_inputs,
    read_person_inputs,
    read_receivables,
    read_references,
    read_weekly_reports,
)
from hrpolicy.tables.libraries import require_library

__all__ = [
    "ENGINES",
    "FLOAT_LIMIT",
    "Floats",
    "TableError",
    "TableProblem",
    "read_bond_cases",
    "read_collection_inputs",
    "read_deals",
    "read_inputs",
    "read_person_inputs",
    "read_receivables",
    "read_references",
    "read_weekly_reports",
    "require_library",
]
