"""What-ifs for bonds: the same cases settled under two policies, or under two company
service schedules, case by case.

A :class:`BondComparison` read back from plain data (``from_dict(data, BondComparison)``)
has its rows checked against the settlements it holds: a row whose figure is not its
case's total payable is refused, naming the row."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from hrpolicy.bonds.case import BondCase
from hrpolicy.bonds.policy import BondPolicy, ServiceSchedule
from hrpolicy.bonds.results import SeparationSettlement
from hrpolicy.core.display import Displayable, View
from hrpolicy.core.errors import HRPolicyError, InvalidTypeError, prefixed
from hrpolicy.core.fields import arguments, checked, require, typed_fields
from hrpolicy.core.label import Label
from hrpolicy.core.statement import register_recomputed
from hrpolicy.core.whatif import WhatIfRow, WhatIfRows, whatif_view

__all__ = ["BondComparison", "compare_policies"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BondComparison(WhatIfRows, Displayable):
    """A what-if: the same bond cases settled under two policies (or service schedules),
    one row per case — the total payable under each and the difference — and the totals.
    ``baseline`` and ``candidate`` hold every case's settlement, in case order, for the
    steps and findings behind each figure."""

    baseline_name: str
    candidate_name: str
    baseline: tuple[SeparationSettlement, ...]
    candidate: tuple[SeparationSettlement, ...]
    rows: tuple[WhatIfRow, ...]

    def __attrs_post_init__(self) -> None:
        require(
            len(self.baseline) == len(self.candidate) == len(self.rows),
            "BondComparison.rows",
            f"one row per case ({len(self.baseline)})",
            len(self.rows),
        )

    def _view(self) -> View:
        return whatif_view(
            Label("服务期违约金方案对比", "Bond policy comparison"),
            self.baseline_name,
            self.candidate_name,
            self.rows,
        )


def _under(case: BondCase, choice: BondPolicy | ServiceSchedule) -> BondCase:
    if isinstance(choice, ServiceSchedule):
        return attrs.evolve(case, policy=attrs.evolve(case.policy, schedule=choice))
    return attrs.evolve(case, policy=choice)


def _name(choice: BondPolicy | ServiceSchedule, side: str) -> str:
    if isinstance(choice, ServiceSchedule):
        return choice.name
    return choice.name or side


def _choice(value: object, name: str) -> BondPolicy | ServiceSchedule:
    if not isinstance(value, (BondPolicy, ServiceSchedule)):
        raise InvalidTypeError(name, "a BondPolicy or a ServiceSchedule", value)
    return value


def _subject(case: BondCase, index: int) -> str:
    who = case.employment.employee
    return f"cases[{index}] {who}" if who.strip() else f"cases[{index}]"


def compare_policies(
    cases: Sequence[BondCase],
    baseline: BondPolicy | ServiceSchedule,
    candidate: BondPolicy | ServiceSchedule,
) -> BondComparison:
    """A what-if: every case settled under ``baseline`` and under ``candidate``, with the
    total payable of each case under both and the difference.

    A :class:`BondPolicy` replaces the case's own policy; a :class:`ServiceSchedule`
    replaces only the schedule of the case's policy (a schedule changes no amount, only
    the findings on lengths it does not allow — the settlements hold them).

    Args:
        cases: the cases (a list or tuple of :class:`BondCase`).
        baseline: the policy or schedule in force, or the one compared against.
        candidate: the policy or schedule proposed.

    Returns:
        A :class:`BondComparison`: both settlements of every case, one row per case
        (subject ``cases[<index>] <employee>``) and the totals.

    Raises:
        InvalidTypeError: ``cases`` is not a list of cases, or ``baseline`` or
            ``candidate`` is neither a policy nor a schedule.
        HRPolicyError: whatever settling a case raises, its path prefixed with the side
            and the case (``candidate.cases[3].separation.last_day: …``).

    Example:
        >>> from hrpolicy.bonds import BondPolicy, TimeUnit, compare_policies
        >>> from hrpolicy.bonds.examples import electrician_case
        >>> what_if = compare_policies([electrician_case()], BondPolicy(),
        ...                            BondPolicy(unit=TimeUnit.DAYS, name="by day"))
        >>> row = what_if.rows[0]  # 11 of 36 months unserved; by day, 333 of 1,096
        >>> row.subject, row.baseline, row.candidate, row.difference
        ('cases[0] electrician', Decimal('1833.33'), Decimal('1822.99'), Decimal('-10.34'))
        >>> compare_policies([electrician_case()], BondPolicy(), "floor")
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidTypeError: candidate: expected a BondPolicy or a
        ServiceSchedule, got str 'floor'
    """
    given = arguments(cases, BondCase, "cases")
    before, after = _choice(baseline, "baseline"), _choice(candidate, "candidate")
    sides: list[tuple[SeparationSettlement, ...]] = []
    for side, choice in (("baseline", before), ("candidate", after)):
        settled = []
        index = 0
        try:  # one handler around the loop: an error names the side and the case
            for index, case in enumerate(given):  # noqa: B007 - read by the handler
                settled.append(_under(case, choice).settle())
        except HRPolicyError as error:
            raise prefixed(error, f"{side}.cases[{index}].") from error
        sides.append(tuple(settled))
    rows = tuple(
        WhatIfRow(
            subject=_subject(case, index), baseline=a.total_payable, candidate=b.total_payable
        )
        for index, (case, a, b) in enumerate(zip(given, sides[0], sides[1], strict=True))
    )
    return BondComparison(
        baseline_name=_name(before, "baseline"),
        candidate_name=_name(after, "candidate"),
        baseline=sides[0],
        candidate=sides[1],
        rows=rows,
    )


def _checked_rows(stored: BondComparison) -> BondComparison:
    """``stored`` with every row's figures those of the settlements it holds."""
    rows = tuple(
        attrs.evolve(
            row,
            subject=_stored_subject(row.subject, index, a),
            baseline=a.total_payable,
            candidate=b.total_payable,
        )
        for index, (row, a, b) in enumerate(
            zip(stored.rows, stored.baseline, stored.candidate, strict=True)
        )
    )
    return attrs.evolve(stored, rows=rows)


def _stored_subject(subject: str, index: int, settled: SeparationSettlement) -> str:
    """The subject of case ``index`` as :func:`compare_policies` names it: from the
    employment a bond of the settlement holds; a settlement with no bond holds none, so
    only its ``cases[<index>]`` part can be checked."""
    if settled.bonds:
        employee = settled.bonds[0].review.employment.employee
        return f"cases[{index}] {employee}" if employee.strip() else f"cases[{index}]"
    head = f"cases[{index}]"
    return subject if subject == head or subject.startswith(head + " ") else head


register_recomputed(BondComparison, _checked_rows, "the stored settlements")
