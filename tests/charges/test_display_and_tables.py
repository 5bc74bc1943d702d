"""A settlement reads as tables, text and data: the tables hold the figures of the
result, the texts both languages, and every finding's message its numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrpolicy.charges import CATALOG, RESULT_TABLES, ChargeSettlement
from hrpolicy.charges.examples import part_time_lost_materials_case, student_lost_materials_case
from hrpolicy.charges.results import CHARGE_RECOVERY
from hrpolicy.core.convert import to_dict
from hrpolicy.core.engines import engine
from hrpolicy.core.recovery import RECOVERY_MONTHS


def test_a_settlements_tables_are_the_declared_ones_in_order_keyed_by_the_worker() -> None:
    settled = part_time_lost_materials_case().settle()
    tables = settled.tables()
    assert [s.name for s in RESULT_TABLES[ChargeSettlement]] == list(tables)
    for schema in RESULT_TABLES[ChargeSettlement]:
        assert tables[schema.name].schema == schema
    (totals,) = settled.to_records("totals")
    assert (totals["worker"], totals["to_return"], totals["scheduled"]) == (
        "PT-01",
        Decimal("860.00"),
        Decimal("45.00"),
    )
    takings = {r["taking"]: r["reason"] for r in settled.to_records("takings")}
    assert takings == {"T-DEP": "deposit", "T-SETS": "unlawful_charge"}
    recovery = settled.to_records("recovery")
    assert recovery[0]["minimum_wage"] == Decimal("1012.00")
    assert {r["worker"] for r in settled.to_records("findings")} == {"PT-01"}


def test_the_recovery_table_has_the_recovery_schedules_columns_keyed_by_the_worker() -> None:
    # The same names as a collection schedule's months, with the worker first; the
    # part-timer's half-month periods keep their own first and last day. Floor 40 × 25.30
    # = 1,012.00; cap min(240.00, 1,200 − 1,012 = 188.00) = 188.00; 45.00 recovered.
    settled = part_time_lost_materials_case().settle()
    assert CHARGE_RECOVERY.names == ("worker", *RECOVERY_MONTHS.names)
    first, second = settled.to_records("recovery")
    assert (first["worker"], first["month"], first["period_start"], first["period_end"]) == (
        "PT-01",
        "2026-04-13..2026-04-26",
        date(2026, 4, 13),
        date(2026, 4, 26),
    )
    assert (first["cap"], first["already_deducted"], first["recovered"]) == (
        Decimal("188.00"),
        Decimal("0.00"),
        Decimal("45.00"),
    )
    assert (second["period_start"], second["recovered"], second["remaining"]) == (
        date(2026, 4, 27),
        Decimal("0.00"),
        Decimal("0.00"),
    )


def test_a_settlement_reads_in_both_languages_with_each_findings_numbers() -> None:
    settled = student_lost_materials_case().settle()
    english, chinese = settled.to_text("en"), settled.to_text("zh_CN")
    assert "Charges on a worker settled" in english
    assert "CN¥470.00" in english
    assert "劳动者费用与扣款结算" in chinese
    assert "¥470.00" in chinese
    flagged = next(f for f in settled.findings if f.code == "penalty_excessive")
    assert "26.00" in flagged.message("en")
    assert "26.00" in flagged.message("zh_CN")
    assert settled.to_markdown()
    assert settled.to_html()


def test_every_catalog_finding_has_both_languages_and_the_clause_findings_cite_an_article() -> None:
    for code in CATALOG:
        spec = CATALOG[code]
        assert spec.zh_CN
        assert spec.en
    for code in ("deposit_unlawful", "fine_unlawful", "penalty_void", "per_item_charge_void"):
        assert CATALOG[code].citations


def test_a_settlement_writes_to_data_in_full() -> None:
    data = to_dict(part_time_lost_materials_case().settle())
    assert data["to_return"] == "860.00"
    assert data["clauses"][0]["ref"] == "1"
    assert data["takings"][1]["reason"] == "unlawful_charge"


def test_the_charges_engine_runs_its_example_case_as_the_boundary_sees_it() -> None:
    spec = engine("charges")
    result = spec.run(spec.example_case())
    assert type(result) is spec.result_type is ChargeSettlement
    assert result.outstanding == Decimal("45.00")
