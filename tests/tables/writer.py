"""Objects written back as the tables an engine's ``tabular`` spec declares: the inverse
of :func:`hrpolicy.tables.read_inputs`, for round-trip tests (objects → rows → objects)."""

from __future__ import annotations

import csv
import enum
import importlib
import io
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from hrpolicy.core.money import Rate

_MISSING = object()


def _get(obj: Any, path: str) -> Any:
    for segment in path.split("."):
        if obj is None:
            return _MISSING
        obj = getattr(obj, segment)
    return obj


def text(value: Any) -> Any:
    """A cell as a CSV file holds it."""
    if value is None or value is _MISSING:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Rate):
        return value.notation
    return str(value)


def native(value: Any) -> Any:
    """A cell as a typed frame holds it (enums and rates as their text)."""
    if value is _MISSING:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Rate):
        return value.notation
    return value


def write(engine: str, table: str, objects: Sequence[Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``table`` and of its child tables for ``objects`` (native values)."""
    module = importlib.import_module(f"hrpolicy.{engine}.tabular")
    tables: dict[str, list[dict[str, Any]]] = {}
    _write(module.TABLES, table, objects, [{} for _ in objects], tables)
    return tables


def _write(
    spec: dict[str, Any],
    name: str,
    objects: Sequence[Any],
    keys: list[dict[str, Any]],
    tables: dict[str, list[dict[str, Any]]],
) -> None:
    table = spec[name]
    rows = tables.setdefault(name, [])
    choices = table.get("choices", {})
    for position, (obj, key) in enumerate(zip(objects, keys, strict=True)):
        row = dict(key)
        if isinstance(table.get("key"), str):
            row[table["key"]] = f"K{position}"
        if table["type"] is str:
            row[table["columns"][0]] = obj
            rows.append(row)
            continue
        forms = table.get("forms")
        if forms:  # a row of one of several forms, named by its kind
            row["kind"] = next(tag for tag, form in forms.items() if type(obj) is form)
            fields = attrs.fields_dict(type(obj))
            row.update({c: getattr(obj, c) for c in table["columns"] if c in fields})
            rows.append(row)
            continue
        for column in table["columns"]:
            prefix = column.rsplit(".", 1)[0] if "." in column else None
            if column.endswith(".*"):
                for value_name, amount in _get(obj, column[:-2]).items():
                    row[f"{column[:-2]}.{value_name}"] = amount
            elif prefix is not None and prefix in choices:
                form = _get(obj, prefix)
                if form is None:
                    continue
                if column.endswith(".kind"):
                    row[column] = next(t for t, c in choices[prefix].items() if type(form) is c)
                elif column.rsplit(".", 1)[1] in attrs.fields_dict(type(form)):
                    row[column] = _get(form, column.rsplit(".", 1)[1])
            else:
                value = _get(obj, column)
                if value is not _MISSING:
                    row[column] = value
        rows.append(row)
        for child_name, child in spec.items():
            if child.get("parent") != name:
                continue
            items = _get(obj, child["field"])
            if items is _MISSING or items is None:
                continue
            child_keys = [{c: row[p] for c, p in child["key"].items()} for _ in items]
            _write(spec, child_name, list(items), child_keys, tables)


def as_text(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Every cell as text, as ``csv.DictReader`` would give it back."""
    return {
        name: [{c: text(v) for c, v in row.items()} for row in rows]
        for name, rows in tables.items()
    }


def as_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV text (empty cells for missing values)."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow({c: text(row.get(c)) for c in columns})
    return out.getvalue()
