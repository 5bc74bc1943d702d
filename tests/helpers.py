"""Builders shared by tests of several engines."""

from __future__ import annotations

import typing
from decimal import Decimal
from fractions import Fraction

from hrpolicy.core.bands import Band
from hrpolicy.core.records import Table, TableSchema

T = typing.TypeVar("T")


def band(
    lower: int,
    upper: int | None,
    value: str,
    *,
    lower_closed: bool = True,
    upper_closed: bool = False,
    **extra: object,
) -> Band:
    return Band(
        lower=Decimal(lower),
        upper=None if upper is None else Decimal(upper),
        lower_closed=lower_closed,
        upper_closed=upper_closed,
        value=Decimal(value),
        **extra,  # type: ignore[arg-type]
    )


def core_types(annotation: object) -> set[type]:
    """The hrpolicy.core classes an annotation mentions, however nested."""
    found: set[type] = set()
    if isinstance(annotation, type) and annotation.__module__.startswith("hrpolicy.core"):
        found.add(annotation)
    for arg in typing.get_args(annotation):
        found |= core_types(arg)
    return found


def json_roundtrip(result: T) -> T:
    """``result`` written with ``to_dict``, through JSON text, and read back as its type."""
    import json  # noqa: PLC0415 - kept beside the helper that needs it

    from hrpolicy.core.convert import from_dict, to_dict  # noqa: PLC0415

    back: T = from_dict(json.loads(json.dumps(to_dict(result))), type(result))
    return back


def assert_typed(tables: typing.Mapping[str, Table]) -> None:
    """Every column of every table holds one Python type (or None); no float or Fraction."""
    for table in tables.values():
        for name in table.schema.names:
            kinds = {type(cell) for cell in table.column(name) if cell is not None}
            assert len(kinds) <= 1, (table.name, name, kinds)
            assert not kinds & {float, Fraction}, (table.name, name)


def assert_tidy(
    result: typing.Any, declared: typing.Mapping[type, tuple[TableSchema, ...]]
) -> None:
    """The result's tables are laid out as ``declared`` says for its type, in both
    locales, each rebuilds cell by cell, and each column holds one type."""
    for locale in ("en", "zh_CN"):
        tables: dict[str, Table] = result.tables(locale)
        assert tuple(t.schema for t in tables.values()) == declared[type(result)]
        for table in tables.values():
            assert Table.build(table.schema, table.rows) == table
        assert_typed(tables)


def what_if_plan(plan_id: str, second_band_from: int) -> typing.Any:
    """A marginal 1 % / 2 % / 3 % sales commission plan whose second band starts as given:
    the two plans of the cluster what-ifs differ only there."""
    from datetime import date  # noqa: PLC0415

    from hrpolicy.commission import Commission, Measure, Plan, PlanVersion  # noqa: PLC0415
    from hrpolicy.core import BandTable, Semantics, Side  # noqa: PLC0415

    table = BandTable.from_thresholds(
        [0, second_band_from, 100000],
        ["0.01", "0.02", "0.03"],
        closed=Side.UPPER,
        semantics=Semantics.MARGINAL,
    )
    component = Commission(component_id="c", name="提成", measure=Measure.SALES, table=table)
    version = PlanVersion(version="v", effective_from=date(2024, 1, 1), components=(component,))
    return Plan(plan_id=plan_id, name=plan_id, versions=(version,))
