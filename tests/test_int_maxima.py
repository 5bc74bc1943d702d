"""Every int a field or an engine's argument takes has a stated maximum: a figure above it
is refused with the library's typed error naming the field, and the largest figure
allowed still runs through the engines without an ``OverflowError``."""

from __future__ import annotations

import importlib
import re
import types
import typing
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrpolicy import from_dict, strategies, to_dict
from hrpolicy.bonds import CostCategory, CostItem, Payer
from hrpolicy.collection import Receivables, ledger
from hrpolicy.commission import Proration, TaskBase
from hrpolicy.core.checked import MAX_COUNT, IntSpec, split_annotated
from hrpolicy.core.errors import HRPolicyError, InvalidValueError, PolicyDefinitionError
from hrpolicy.core.workcal import TableCalendar, add_workdays
from hrpolicy.reports import IsoWeek, validate
from hrpolicy.reports.examples import domain_report_policy, example_report
from hrpolicy.reports.model import CallDay

CALENDAR = TableCalendar(name="2026", first_year=2026, last_year=2026)


def test_a_report_policy_with_a_grace_period_of_a_billion_minutes_is_refused_naming_the_field() -> (
    None
):
    with pytest.raises(
        PolicyDefinitionError,
        match=r"ReportPolicy\.grace_minutes: expected an int from 0 to 10080, got int 1000000000",
    ):
        attrs.evolve(domain_report_policy(), grace_minutes=10**9)


def test_a_report_policy_with_a_grace_period_of_10_to_the_18_minutes_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"ReportPolicy\.grace_minutes"):
        attrs.evolve(domain_report_policy(), grace_minutes=10**18)


def test_a_week_of_grace_validates_a_report_a_month_late_without_overflow() -> None:
    policy = attrs.evolve(domain_report_policy(), grace_minutes=7 * 24 * 60)
    week = IsoWeek(year=2026, week=10)
    report = example_report("li", week, CALENDAR, late_by_minutes=31 * 24 * 60)
    (check,) = validate([report], policy, CALENDAR)
    assert check.late


def test_a_report_policy_with_a_quota_of_a_million_calls_a_day_is_refused() -> None:
    with pytest.raises(
        PolicyDefinitionError, match=r"calls_per_workday: expected an int from 0 to 1000"
    ):
        attrs.evolve(domain_report_policy(), calls_per_workday=10**6)


def test_a_report_worth_more_than_the_cards_100_points_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"ReportPolicy\.points: expected an int"):
        attrs.evolve(domain_report_policy(), points=101)


def test_an_example_report_late_by_10_to_the_18_minutes_is_refused_naming_the_argument() -> None:
    with pytest.raises(InvalidValueError, match=r"late_by_minutes: expected an int from 0 to"):
        example_report("li", IsoWeek(year=2026, week=10), CALENDAR, late_by_minutes=10**18)


def test_an_example_report_with_a_billion_visits_is_refused_instead_of_filling_memory() -> None:
    with pytest.raises(InvalidValueError, match=r"visits: expected an int from 0 to 1000"):
        example_report("li", IsoWeek(year=2026, week=10), CALENDAR, visits=10**9)


def test_a_cost_shared_by_10_to_the_18_trainees_is_refused_naming_the_field() -> None:
    with pytest.raises(
        InvalidValueError, match=r"CostItem\.shared_by: expected an int from 1 to 10000"
    ):
        CostItem(
            id="c",
            category=CostCategory.TUITION,
            amount=Decimal(1000),
            has_voucher=True,
            paid_by=Payer.EMPLOYER,
            shared_by=10**18,
        )


def test_a_task_base_with_a_dealer_target_of_10_to_the_18_is_refused() -> None:
    with pytest.raises(
        PolicyDefinitionError, match=r"TaskBase\.dealer_target: expected an int from 0 to 10000"
    ):
        TaskBase(
            component_id="t",
            name="任务底薪",
            amount=Decimal(1000),
            sales_target=Decimal(0),
            dealer_target=10**18,
            proration=Proration.LOWEST,
        )


def test_a_count_above_a_billion_is_refused_where_no_smaller_maximum_is_stated() -> None:
    CallDay(on=date(2026, 3, 2), calls=MAX_COUNT)
    with pytest.raises(
        InvalidValueError, match=rf"CallDay\.calls: expected an int from 0 to {MAX_COUNT}"
    ):
        CallDay(on=date(2026, 3, 2), calls=MAX_COUNT + 1)


def test_a_calendar_for_the_year_a_billion_is_refused_naming_the_field() -> None:
    with pytest.raises(
        InvalidValueError, match=r"TableCalendar\.last_year: expected an int from 1900 to 2199"
    ):
        TableCalendar(name="x", first_year=2026, last_year=10**9)


def test_adding_10_to_the_18_workdays_is_refused_instead_of_running_off_the_calendar() -> None:
    with pytest.raises(InvalidValueError, match=r"count: expected an int from 1 to"):
        add_workdays(CALENDAR, date(2026, 1, 5), 10**18)


# --- properties: for every engine, no int reaches anything but the library's typed error ----

ENGINES = ("bonds", "commission", "collection", "reports")
HUGE = (10**9 + 1, 10**18, -(10**18), 10**100)


def _int_fields(kind: type) -> list[tuple[str, IntSpec]]:
    hints = typing.get_type_hints(kind, include_extras=True)
    found = []
    for field in attrs.fields(kind):
        if not field.init:
            continue
        annotation = hints[field.name]
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and options:
            annotation = options[0]
        _, spec = split_annotated(annotation)
        if isinstance(spec, IntSpec):
            found.append((field.alias, spec))
    return found


def _types_with_int_fields(engine: str) -> list[type]:
    module = importlib.import_module(f"hrpolicy.{engine}")
    kinds = {
        getattr(module, name) for name in module.__all__ if isinstance(getattr(module, name), type)
    }
    return sorted(
        (k for k in kinds if k in strategies.REGISTERED_TYPES and _int_fields(k)),
        key=lambda k: k.__name__,
    )


def test_every_int_field_of_every_input_and_policy_type_states_a_maximum() -> None:
    for kind in strategies.REGISTERED_TYPES:
        hints = typing.get_type_hints(kind, include_extras=True)
        for field in attrs.fields(kind):
            base, spec = split_annotated(hints[field.name])
            if field.init and base is int:
                assert isinstance(spec, IntSpec), f"{kind.__name__}.{field.name}"
                assert spec.max_value <= MAX_COUNT


@pytest.mark.parametrize("engine", ENGINES)
def test_a_huge_int_in_any_field_of_an_engine_raises_the_librarys_typed_error(engine: str) -> None:
    kinds = _types_with_int_fields(engine)
    assert kinds

    @settings(max_examples=60, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(kinds))
        value = data.draw(st.from_type(kind))
        alias, spec = data.draw(st.sampled_from(_int_fields(kind)))
        huge = data.draw(st.sampled_from([spec.max_value + 1, spec.min_value - 1, *HUGE]))
        with pytest.raises(HRPolicyError, match=re.escape(f".{alias}")):
            attrs.evolve(value, **{alias: huge})
        plain = to_dict(value)
        plain[alias] = huge
        with pytest.raises(HRPolicyError):
            from_dict(plain, kind)

    check()


@pytest.mark.parametrize("engine", ENGINES)
def test_the_largest_int_any_field_of_an_engine_allows_builds_or_is_refused_by_type(
    engine: str,
) -> None:
    kinds = _types_with_int_fields(engine)

    @settings(max_examples=60, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(kinds))
        value = data.draw(st.from_type(kind))
        alias, spec = data.draw(st.sampled_from(_int_fields(kind)))
        try:
            built = attrs.evolve(value, **{alias: spec.max_value})
        except HRPolicyError:
            return  # another field's rule (a share of a total, a cross-field bound)
        assert getattr(built, alias) == spec.max_value

    check()


@settings(max_examples=30, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    strategies.team_weeks(employees=["li", "wang"]),
    st.integers(0, 7 * 24 * 60),
    st.integers(0, 1000),
    st.integers(0, 1000),
)
def test_report_policies_at_any_allowed_grace_and_quota_validate_without_crashing(
    team: strategies.TeamWeek, grace: int, calls: int, visits: int
) -> None:
    policy = attrs.evolve(
        domain_report_policy(),
        grace_minutes=grace,
        calls_per_workday=calls,
        visits_per_week=visits,
    )
    calendar = TableCalendar(name="2024-25", first_year=2024, last_year=2025)
    checks = validate(team.reports, policy, calendar, references=team.references)
    assert len(checks) == 2


@settings(max_examples=30, database=None)
@given(strategies.invoice_sets(max_size=4), st.integers(0, 3650))
def test_invoices_due_up_to_ten_years_after_issue_replay_without_crashing(
    books: Receivables, credit_days: int
) -> None:
    books = attrs.evolve(
        books, invoices=tuple(attrs.evolve(i, credit_days=credit_days) for i in books.invoices)
    )
    assert ledger(books, date(2199, 12, 31)).positions
