"""Results as frames: Arrow tables, pandas and polars data frames typed from the tables'
schemas (:mod:`hrpolicy.tables.outputs`). pyarrow, pandas and polars are imported only
when a conversion is called."""

from __future__ import annotations

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
    "MONEY_PRECISION",
    "HasTables",
    "TableSource",
    "arrow_schema",
    "from_arrow",
    "from_pandas",
    "from_polars",
    "to_arrow",
    "to_pandas",
    "to_polars",
]
