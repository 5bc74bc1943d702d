"""The generated charges cases (hrpolicy.strategies.charge_cases) reach the situations the
engine's rules turn on: a worker settled while still at work before a known last day, and a
pay period still to be paid that a lawful loss deduction has already partly used."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, find, settings

from hrpolicy.charges import ChargeCase, Relationship
from hrpolicy.strategies import charge_cases

_SEARCH = settings(
    max_examples=2000,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _already_part_deducted(case: ChargeCase) -> bool:
    schedule = case.settle().recovery
    return schedule is not None and any(m.already_deducted for m in schedule.months)


def test_generated_cases_include_a_worker_settled_while_at_work_before_a_known_last_day() -> None:
    found = find(
        charge_cases(),
        lambda c: c.worker.left_on is not None and c.as_of < c.worker.left_on,
        settings=_SEARCH,
    )
    assert found.worker.left_on is not None
    assert found.as_of < found.worker.left_on


def test_generated_labour_contracts_include_a_period_to_come_already_part_deducted_for_a_loss() -> (
    None
):
    found = find(
        charge_cases(relationship=Relationship.LABOUR_CONTRACT),
        _already_part_deducted,
        settings=_SEARCH,
    )
    schedule = found.settle().recovery
    assert schedule is not None
    month = next(m for m in schedule.months if m.already_deducted)
    assert month.already_deducted + month.recovered <= month.cap
