"""Effective-dated versions: an open version runs until the next one starts; a version
with an end date may not run into the next; a gap is a question no version answers."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import NotCoveredError, PolicyDefinitionError
from hrpolicy.core.versions import end_of, ordered_versions, version_on


@attrs.frozen
class V:
    version: str
    effective_from: date
    effective_to: date | None = None


def test_a_version_with_no_end_date_is_replaced_by_the_next_one() -> None:
    ordered = ordered_versions("plan", [V("2024", date(2024, 1, 1)), V("2025", date(2025, 1, 1))])
    assert version_on("plan", ordered, date(2024, 12, 31)).version == "2024"
    assert version_on("plan", ordered, date(2025, 1, 1)).version == "2025"
    assert end_of(ordered, 0) == date(2024, 12, 31)
    assert end_of(ordered, 1) is None


def test_a_version_that_ends_after_the_next_one_starts_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"2024 .from 2024-01-01 to 2025-03-31. runs"):
        ordered_versions(
            "plan",
            [V("2024", date(2024, 1, 1), date(2025, 3, 31)), V("2025", date(2025, 1, 1))],
        )


def test_two_versions_starting_on_the_same_day_are_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="both start on 2024-01-01"):
        ordered_versions("plan", [V("a", date(2024, 1, 1)), V("b", date(2024, 1, 1))])


def test_a_day_in_a_gap_after_a_closed_version_is_not_answered() -> None:
    ordered = ordered_versions(
        "plan", [V("a", date(2024, 1, 1), date(2024, 3, 31)), V("b", date(2024, 7, 1))]
    )
    with pytest.raises(NotCoveredError, match="a: 2024-01-01 to 2024-03-31, b: 2024-07-01 to open"):
        version_on("plan", ordered, date(2024, 5, 1))


@given(
    st.lists(st.dates(date(2000, 1, 1), date(2100, 1, 1)), min_size=1, max_size=8, unique=True),
    st.dates(date(1999, 1, 1), date(2101, 1, 1)),
)
def test_open_versions_cover_every_day_from_the_first_start_with_the_latest_started(
    starts: list[date], day: date
) -> None:
    ordered = ordered_versions("plan", [V(str(s), s) for s in starts])
    started = [s for s in starts if s <= day]
    if not started:
        with pytest.raises(NotCoveredError):
            version_on("plan", ordered, day)
    else:
        assert version_on("plan", ordered, day).effective_from == max(started)
