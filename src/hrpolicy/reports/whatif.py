"""What-ifs for scoring: the same month's facts scored on two cards, person by person.

A :class:`CardComparison` read back from plain data (``from_dict(data, CardComparison)``)
has its rows and card ids checked against the monthly scores it holds (each of which
checks itself against its card): a row whose score is not its person's is refused, naming
the row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import attrs

from hrpolicy.core.display import Displayable, View
from hrpolicy.core.errors import HRPolicyError, prefixed
from hrpolicy.core.fields import argument, arguments, checked, require, require_unique, typed_fields
from hrpolicy.core.label import Label
from hrpolicy.core.period import Period
from hrpolicy.core.records import ColumnType
from hrpolicy.core.statement import register_recomputed
from hrpolicy.core.whatif import WhatIfRow, WhatIfRows, whatif_view
from hrpolicy.core.workcal import WorkCalendar, check_calendar
from hrpolicy.reports.scoring import MonthInputs, MonthlyScore, ScoreCard, score_month

__all__ = ["CardComparison", "compare_cards"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CardComparison(WhatIfRows, Displayable):
    """A what-if: one month's facts scored on two cards, one row per person — the monthly
    score on each card and the difference — and the totals. ``baseline`` and
    ``candidate`` hold every person's :class:`MonthlyScore`, ordered by employee, with the
    components and steps behind each score."""

    figure_type: ClassVar[ColumnType] = ColumnType.DECIMAL

    baseline: tuple[MonthlyScore, ...]
    candidate: tuple[MonthlyScore, ...]
    rows: tuple[WhatIfRow, ...]
    baseline_card: str
    candidate_card: str

    def __attrs_post_init__(self) -> None:
        require(
            len(self.baseline) == len(self.candidate) == len(self.rows),
            "CardComparison.rows",
            f"one row per person ({len(self.baseline)})",
            len(self.rows),
        )

    def _view(self) -> View:
        return whatif_view(
            Label("考核表对比", "Score card comparison"),
            self.baseline_card,
            self.candidate_card,
            self.rows,
            money=False,
        )


def _side(
    name: str,
    card: ScoreCard,
    month: Period,
    people: Sequence[MonthInputs],
    calendar: WorkCalendar,
) -> tuple[MonthlyScore, ...]:
    scores = []
    index = 0
    try:  # one handler around the loop: an error names the card's side and the person
        for index, person in enumerate(people):  # noqa: B007 - read by the handler
            scores.append(score_month(card, month, person, calendar))
    except HRPolicyError as error:
        raise prefixed(error, f"{name}.inputs[{index}]({people[index].employee}).") from error
    return tuple(scores)


def compare_cards(
    baseline: ScoreCard,
    candidate: ScoreCard,
    month: Period,
    inputs: Sequence[MonthInputs],
    calendar: WorkCalendar,
) -> CardComparison:
    """A what-if: every person's ``month`` scored on ``baseline`` and on ``candidate``
    (each as :func:`~hrpolicy.reports.score_month` scores it), with both monthly scores
    and the difference.

    Args:
        baseline: the :class:`ScoreCard` in force, or the one compared against.
        candidate: the :class:`ScoreCard` proposed.
        month: the month (a :class:`Period` with a month).
        inputs: a list or tuple of :class:`MonthInputs`, one per employee, used unchanged
            on both cards (so every fact given must be read by both cards' components).
        calendar: the work calendar, as for :func:`~hrpolicy.reports.score_month`.

    Returns:
        A :class:`CardComparison`: both cards' scores, one row per person (ordered by
        employee) and the totals.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: an employee listed twice; what
            :func:`~hrpolicy.reports.score_month` refuses on either card, its path
            prefixed with the side and the person (``candidate.inputs[1](wang).``).
        NotCoveredError: a day the calendar does not cover, prefixed the same way.

    Example:
        >>> import attrs
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.reports import (Absence, MonthInputs, Period, Rate,
        ...     TableCalendar, compare_cards)
        >>> from hrpolicy.reports.examples import salesperson_card
        >>> card = salesperson_card()
        >>> heavier = attrs.evolve(card, card_id="daily-80", daily_weight=Rate.parse("80%"),
        ...                        attendance_weight=Rate.parse("20%"))
        >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
        >>> people = [
        ...     MonthInputs(employee="li", daily_work=Decimal(90),
        ...                 absences=(Absence(on=date(2024, 3, 19)),)),
        ...     MonthInputs(employee="wang", daily_work=Decimal(70)),
        ... ]
        >>> what_if = compare_cards(card, heavier, Period(year=2024, month=3), people,
        ...                         calendar)
        >>> for row in what_if.rows:  # 90 × 70 % + 96 × 30 % against 90 × 80 % + 96 × 20 %
        ...     print(row.subject, row.baseline, row.candidate, row.difference)
        li 91.80 91.20 -0.60
        wang 79.00 76.00 -3.00
    """
    argument(baseline, ScoreCard, "baseline")
    argument(candidate, ScoreCard, "candidate")
    argument(month, Period, "month")
    check_calendar(calendar)
    people = arguments(inputs, MonthInputs, "inputs")
    require_unique([p.employee for p in people], "inputs", "employee")
    order = sorted(range(len(people)), key=lambda i: people[i].employee)
    before = _side("baseline", baseline, month, people, calendar)
    after = _side("candidate", candidate, month, people, calendar)
    before, after = tuple(before[i] for i in order), tuple(after[i] for i in order)
    return CardComparison(
        baseline=before,
        candidate=after,
        rows=_rows(before, after),
        baseline_card=baseline.card_id,
        candidate_card=candidate.card_id,
    )


def _rows(before: Sequence[MonthlyScore], after: Sequence[MonthlyScore]) -> tuple[WhatIfRow, ...]:
    return tuple(
        WhatIfRow(period=a.month, subject=a.employee, baseline=a.score, candidate=b.score)
        for a, b in zip(before, after, strict=True)
    )


def _checked_rows(stored: CardComparison) -> CardComparison:
    """``stored`` with its rows and card ids those of the scores it holds."""
    fresh = attrs.evolve(stored, rows=_rows(stored.baseline, stored.candidate))
    if stored.baseline:
        fresh = attrs.evolve(
            fresh,
            baseline_card=stored.baseline[0].card.card_id,
            candidate_card=stored.candidate[0].card.card_id,
        )
    return fresh


register_recomputed(CardComparison, _checked_rows, "the stored monthly scores")
