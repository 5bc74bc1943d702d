"""Tables in and out: rows and data frames to the engines' inputs, results to typed
frames.

The frame libraries (pandas, polars, pyarrow) are optional extras, never imported by
``import hrpolicy`` nor by any engine, and imported here only when a conversion is called.
See ``docs/tables.md``.

Tables in: :func:`read_deals`, :func:`read_person_inputs` (commission),
:func:`read_receivables`, :func:`read_collection_inputs` (collection),
:func:`read_weekly_reports`, :func:`read_references` (reports), :func:`read_bond_cases`
(bonds), :func:`read_charge_cases` (charges), :func:`read_expense_cases` (expenses),
and :func:`read_inputs` for any input an engine declares in its ``tabular`` module.
Problems are a :class:`TableError` listing every :class:`TableProblem`.

Tables out: :func:`to_arrow`, :func:`to_pandas`, :func:`to_polars` build frames of a
result's tables from their schemas (:func:`arrow_schema`), never by inference; and
:func:`from_arrow`, :func:`from_pandas`, :func:`from_polars` read them back as exact
tables (:mod:`hrpolicy.tables.outputs`).
"""

from __future__ import annotations

from hrpolicy.tables.errors import TableError, TableProblem
from hrpolicy.tables.inputs import (
    ENGINES,
    FLOAT_LIMIT,
    Floats,
    read_bond_cases,
    read_charge_cases,
    read_collection_inputs,
    read_deals,
    read_expense_cases,
    read_inputs,
    read_person_inputs,
    read_receivables,
    read_references,
    read_weekly_reports,
)
from hrpolicy.tables.libraries import require_library
from hrpolicy.tables.outputs import (
    DECIMAL_PRECISION,
    MONEY_PRECISION,
    HasTables,
    TableSource,
    arrow_schema,
    from_arrow,
    from_pandas,
    from_polars,
    to_arrow,
    to_pandas,
    to_polars,
)

__all__ = [
    "DECIMAL_PRECISION",
    "ENGINES",
    "FLOAT_LIMIT",
    "MONEY_PRECISION",
    "Floats",
    "HasTables",
    "TableError",
    "TableProblem",
    "TableSource",
    "arrow_schema",
    "from_arrow",
    "from_pandas",
    "from_polars",
    "read_bond_cases",
    "read_charge_cases",
    "read_collection_inputs",
    "read_deals",
    "read_expense_cases",
    "read_inputs",
    "read_person_inputs",
    "read_receivables",
    "read_references",
    "read_weekly_reports",
    "require_library",
    "to_arrow",
    "to_pandas",
    "to_polars",
]
