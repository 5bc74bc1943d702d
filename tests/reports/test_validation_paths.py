"""The shortcuts :func:`hrpolicy.reports.validate` takes, against the long way round.

A batch asks the calendar once per week and builds each :class:`ReportCheck` without
re-checking values it computed itself; a report's points are rounded in integers. Each
must give exactly what the long way gives: the report validated alone (a fresh calendar
cache), the check rebuilt through the public, checking constructor, the points rounded by
:func:`~hrpolicy.core.money.round_money`.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core.money import round_money
from hrpolicy.reports import ReportCheck, ReportPolicy, validate
from hrpolicy.reports.validation import _round_points
from hrpolicy.strategies import TeamWeek, report_policies, team_weeks
from tests.reports.helpers import CALENDAR


@given(team_weeks(), report_policies())
def test_a_batch_checks_each_report_as_it_alone_is_checked(
    team: TeamWeek, policy: ReportPolicy
) -> None:
    batch = validate(team.reports, policy, CALENDAR, references=team.references)
    by_id = {check.report.report_id: check for check in batch}
    for report, reference in zip(team.reports, team.references, strict=True):
        (alone,) = validate([report], policy, CALENDAR, references=[reference])
        assert by_id[report.report_id] == alone
        assert by_id[report.report_id].to_text() == alone.to_text()


@given(team_weeks(), report_policies())
def test_a_check_is_what_its_checking_constructor_builds_of_the_same_fields(
    team: TeamWeek, policy: ReportPolicy
) -> None:
    for check in validate(team.reports, policy, CALENDAR, references=team.references):
        rebuilt = ReportCheck(**attrs.asdict(check, recurse=False))
        assert rebuilt == check
        assert [type(value) for value in attrs.astuple(rebuilt, recurse=False)] == [
            type(value) for value in attrs.astuple(check, recurse=False)
        ]


@given(
    st.integers(0, 100),
    st.integers(0, 100),
    st.integers(1, 12),
    st.integers(0, 100),
)
def test_points_round_in_integers_as_round_money_rounds_them(
    points: int, passed: int, items: int, rest: int
) -> None:
    summary = Fraction(points * min(passed, items), items)
    rounded = _round_points(summary, rest)
    expected = round_money(summary + rest)
    assert rounded == expected
    assert rounded.as_tuple() == expected.as_tuple()
