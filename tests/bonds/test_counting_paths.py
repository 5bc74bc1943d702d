"""The bond engine's integer paths against the originals they stand in for.

:mod:`hrpolicy.bonds.counting` counts months with year and month arithmetic
(:func:`hrpolicy.core.span.shift_months`) and measures without re-checking its
arguments; :class:`~hrpolicy.bonds.trail.BondTrail` reads each finding's placeholders
once; the engine builds each policy's options step once. Each must give exactly what
:func:`hrpolicy.core.span.measure`, ``relativedelta`` and
:meth:`hrpolicy.core.explain.Catalog.finding` give, errors included.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import HRPolicyError, InvalidValueError
from hrpolicy.bonds import BondCase, BondPolicy, ServiceLength, settle
from hrpolicy.bonds.counting import end_after, measure, months_after, years_after
from hrpolicy.bonds.messages import CATALOG
from hrpolicy.bonds.trail import BondTrail
from hrpolicy.core import span
from hrpolicy.core.explain import Finding
from hrpolicy.core.label import Label
from hrpolicy.core.span import Rounding, TimeUnit
from hrpolicy.strategies import bond_cases, bond_policies, dates

DAYS = dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
#: Month ends and leap days, where clipping happens, drawn more often than chance would.
EDGES = st.builds(
    lambda year, month, day: date(year, month, min(day, 28 if month == 2 else 30)),
    st.integers(1900, 2199),
    st.integers(1, 12),
    st.sampled_from([28, 29, 30, 31]),
) | st.builds(lambda year: date(year, 2, 29), st.sampled_from([1904, 2000, 2012, 2024, 2196]))
STARTS = DAYS | EDGES


@given(STARTS, st.integers(0, 1200))
def test_months_after_is_relativedelta_months(start: date, months: int) -> None:
    assert months_after(start, months) == start + relativedelta(months=months)


@given(STARTS, st.integers(0, 60))
def test_years_after_is_add_units_in_years(start: date, years: int) -> None:
    assert years_after(start, years) == span.add_units(start, TimeUnit.YEARS, years)


@given(STARTS, st.integers(0, 50), st.integers(0, 11), st.integers(0, 400))
def test_end_after_is_relativedelta_of_the_length(
    start: date, years: int, months: int, days: int
) -> None:
    assert end_after(start, years, months, days) == start + relativedelta(
        years=years, months=months, days=days
    )


@given(STARTS, st.integers(0, 20_000), st.sampled_from(TimeUnit), st.sampled_from(Rounding))
def test_measure_is_span_measure(
    start: date, days: int, unit: TimeUnit, rounding: Rounding
) -> None:
    end = min(start + timedelta(days=days), date(2199, 12, 31))
    assert measure(start, end, unit, rounding) == span.measure(start, end, unit, rounding)


@given(STARTS, st.integers(1, 400), st.sampled_from(TimeUnit), st.sampled_from(Rounding))
def test_measure_refuses_an_end_before_the_start_as_span_measure_does(
    start: date, back: int, unit: TimeUnit, rounding: Rounding
) -> None:
    end = start - timedelta(days=back)
    with pytest.raises(InvalidValueError) as expected:
        span.measure(start, end, unit, rounding)
    with pytest.raises(InvalidValueError) as refused:
        measure(start, end, unit, rounding)
    assert str(refused.value) == str(expected.value)


def _outcome(compute: Callable[[], object]) -> object:
    """What ``compute`` returns, or the type and text of the library error it raises."""
    try:
        return compute()
    except HRPolicyError as error:
        return type(error), str(error)


@pytest.mark.parametrize("unit", [TimeUnit.MONTHS, TimeUnit.YEARS])
@pytest.mark.parametrize("rounding", list(Rounding))
def test_measure_at_the_end_of_the_calendar_is_span_measure(
    unit: TimeUnit, rounding: Rounding
) -> None:
    start, end = date(9998, 1, 31), date(9999, 12, 31)
    assert _outcome(lambda: measure(start, end, unit, rounding)) == _outcome(
        lambda: span.measure(start, end, unit, rounding)
    )


VALUES = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.fractions(max_denominator=1000),
    st.integers(),
    st.text(max_size=5),
    st.booleans(),
    dates(),
    st.none(),
    st.builds(Label, st.text(max_size=3), st.text(max_size=3)),
    st.just(datetime(2020, 1, 1, 9, 30)),
    st.just(1.5),
)


@given(
    st.sampled_from(sorted(CATALOG)) | st.just("no_such_code"),
    st.text(max_size=4),
    st.dictionaries(
        st.sampled_from(
            ["amount", "cost", "end", "start", "ids", "count", "subject_", "clause", "ref", "x"]
        ),
        VALUES,
        max_size=6,
    ),
)
def test_a_bond_trail_finds_what_the_catalog_finds(
    code: str, subject: str, params: dict[str, Any]
) -> None:
    trail = BondTrail()
    expected = _outcome(lambda: CATALOG.finding(code, subject=subject, **params))
    found = _outcome(lambda: trail.find(code, subject, **params))
    if isinstance(expected, Finding):
        assert found is None
        assert trail.findings == (expected,)
    else:
        assert found == expected
        assert trail.findings == ()


@given(bond_cases(), bond_policies())
def test_a_policy_explains_its_options_the_same_way_every_time(
    case: BondCase, policy: BondPolicy
) -> None:
    first = settle(case.agreements, case.employment, case.separation, policy)
    again = settle(case.agreements, case.employment, case.separation, policy)
    assert first == again
    for bond in first.bonds:
        options = bond.explanation.step("policy.options")
        assert options.output == policy.summary()
        assert options.input_map["unit"] == policy.unit.value


def test_a_service_length_ends_as_relativedelta_ends_it() -> None:
    length = ServiceLength(years=2, months=1, days=3)
    start = date(2012, 1, 31)
    assert length.end_after(start) == start + relativedelta(years=2, months=1, days=3)
