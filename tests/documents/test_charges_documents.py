"""Every charges fact, clause, policy and whole case written as a document and read back
is the object written, in JSON, YAML and TOML (TOML has no null: every charges fact that
may be none is none by default, so it is left out and each document fits in TOML)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hrpolicy.strategies
from hrpolicy.charges import model
from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.examples import part_time_lost_materials_case, student_lost_materials_case
from hrpolicy.charges.model import NonCompete, Worker
from hrpolicy.charges.policy import ChargePolicy
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import ConversionError
from hrpolicy.documents import check_case, dumps, dumps_case, loads, loads_case

assert hrpolicy.strategies.REGISTERED_TYPES  # registers st.from_type for the charges types

#: Every charges type a document may hold, whole or in part.
CHARGES_TYPES = [
    *(
        getattr(model, name)
        for name in model.__all__
        if isinstance(getattr(model, name), type) and attrs.has(getattr(model, name))
    ),
    ChargePolicy,
]


def _nulls(data: Any, at: str = "$") -> list[str]:
    """The key paths of every ``None`` in plain data, as the writers name them."""
    if data is None:
        return [at]
    if isinstance(data, dict):
        return [path for key, value in data.items() for path in _nulls(value, f"{at}.{key}")]
    if isinstance(data, list):
        return [path for i, value in enumerate(data) for path in _nulls(value, f"{at}[{i}]")]
    return []


def test_every_charges_type_is_a_dataclass_of_the_room_with_a_registered_strategy() -> None:
    assert len(CHARGES_TYPES) == 15
    assert all(kind in hrpolicy.strategies.REGISTERED_TYPES for kind in CHARGES_TYPES)


@pytest.mark.parametrize("kind", CHARGES_TYPES, ids=lambda kind: kind.__name__)
@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_any_charges_object_written_as_json_or_yaml_reads_back_equal(
    kind: type, syntax: str
) -> None:
    @settings(max_examples=25, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(kind))
    def check(value: Any) -> None:
        assert loads(dumps(value, syntax=syntax), kind, syntax=syntax) == value  # type: ignore[arg-type]

    check()


@pytest.mark.parametrize("kind", CHARGES_TYPES, ids=lambda kind: kind.__name__)
def test_any_charges_object_holds_no_null_and_so_reads_back_equal_from_toml(kind: type) -> None:
    # TOML has no null: a fact that must be written as none would need JSON or YAML. Every
    # charges fact that may be none is none by default, so it is left out, never written.
    @settings(max_examples=25, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(kind))
    def check(value: Any) -> None:
        assert _nulls(to_dict(value)) == []
        assert loads(dumps(value, syntax="toml"), kind, syntax="toml") == value

    check()


@settings(max_examples=60, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(hrpolicy.strategies.charge_cases())
def test_a_whole_charges_case_reads_back_equal_in_json_yaml_and_toml(case: ChargeCase) -> None:
    for syntax in ("json", "yaml", "toml"):
        assert loads(dumps(case, syntax=syntax), ChargeCase, syntax=syntax) == case


def test_a_worker_still_working_is_written_without_a_last_day_and_so_fits_in_toml() -> None:
    worker = Worker(id="li", relationship=model.Relationship.PART_TIME, started=date(2025, 3, 1))
    written = dumps(worker, syntax="toml")
    assert "left_on" not in written
    assert loads(written, Worker, syntax="toml") == worker


def test_a_non_compete_without_agreed_compensation_is_written_without_it_in_toml() -> None:
    clause = NonCompete(ref="第9条", penalty=Decimal(50000), months=12)
    assert "monthly_compensation" not in dumps(clause, syntax="toml")
    assert loads(dumps(clause, syntax="toml"), NonCompete, syntax="toml") == clause


def test_a_case_whose_clause_kind_is_misspelt_is_refused_naming_the_clause_and_the_forms() -> None:
    data = {
        "worker": {"id": "wang", "relationship": "labour_service", "started": "2025-07-01"},
        "agreement": {
            "id": "XS-1",
            "signed_on": "2025-07-01",
            "charges": [{"kind": "deposits", "ref": "3", "amount": "500"}],
        },
        "as_of": "2025-09-30",
    }
    with pytest.raises(ConversionError) as refused:
        from_dict(data, ChargeCase)
    (error,) = refused.value.errors
    assert error.startswith("$.agreement.charges[0].kind: expected one of 'deposit', 'fine'")


def test_a_changed_sum_to_return_points_at_the_total_named_by_its_column_not_a_near_namesake() -> (
    None
):
    case = part_time_lost_materials_case()
    expected = {"totals": {"to_return": "860.01", "deposits_to_return": "800.01"}}
    report = check_case(
        loads_case(dumps_case(case, syntax="yaml", expected=expected), syntax="yaml")
    )
    steps = {m.what: m.step.rule if m.step else None for m in report.mismatches}
    assert steps == {
        "totals.to_return": "totals.to_return",
        "totals.deposits_to_return": "totals.deposits_to_return",
    }


def test_the_shipped_student_seller_case_file_is_the_engines_example_and_passes_its_check() -> None:
    text = (Path(__file__).parents[2] / "docs/files/student-seller.case.yaml").read_bytes()
    case_file = loads_case(text, syntax="yaml", source="student-seller.case.yaml")
    assert case_file.case == student_lost_materials_case()
    report = check_case(case_file)
    assert report.ok
    assert report.checked == 18
