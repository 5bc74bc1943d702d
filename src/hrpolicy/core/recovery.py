"""Recovery from wages under the deduction cap (WPP Art. 16), for every engine.

Interim copy on the charges branch, with the API the shared module states: what
:func:`deduction_cap` allows in one pay period, and :func:`recovery_schedule` spreading an
amount over pay periods under it, the room in a period being its cap less what was
already deducted in it. Replaced by the shared module when it lands on main.

>>> deduction_cap(Decimal("5000"), Decimal("2690"))
Decimal('1000.00')
>>> plan = recovery_schedule(
...     Decimal(1500),
...     [{"month": "2024-05", "wage": "5000", "minimum_wage": "2690", "already_deducted": "200"}],
... )
>>> [(m.month, m.cap, m.recovered, m.remaining) for m in plan.months]
[('2024-05', Decimal('1000.00'), Decimal('800.00'), Decimal('700.00'))]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Step, step_of
from hrpolicy.core.label import label
from hrpolicy.core.money import ZERO, exact, fen_to_money, money_sum, parse_money

__all__ = ["RecoveryMonth", "RecoverySchedule", "deduction_cap", "recovery_schedule"]

_TWENTY_PERCENT: Final = Fraction(1, 5)


def deduction_cap(wage: Decimal, floor: Decimal) -> Decimal:
    """The most one pay period's ``wage`` may lose to deductions: 20 % of it rounded down
    to the fen, and never so much that less than ``floor`` remains (WPP Art. 16); 0 when
    the wage is at or below the floor.

    >>> deduction_cap(Decimal("3000"), Decimal("2690"))
    Decimal('310.00')
    """
    wage = parse_money(wage, field="wage", non_negative=True)
    floor = parse_money(floor, field="floor", non_negative=True)
    fifth = fen_to_money(math.floor(exact(wage) * _TWENTY_PERCENT * 100))
    return min(fifth, max(ZERO, money_sum((wage, -floor))))


@attrs.frozen
class RecoveryMonth:
    """One pay period of a schedule: its label, wage, floor, what was already deducted in
    it, the cap, what it recovers and what remains after it."""

    month: str
    wage: Decimal
    minimum_wage: Decimal
    cap: Decimal
    recovered: Decimal
    remaining: Decimal
    already_deducted: Decimal = ZERO


@attrs.frozen
class RecoverySchedule:
    """An amount recovered period by period under the cap."""

    amount: Decimal
    months: tuple[RecoveryMonth, ...]
    steps: tuple[Step, ...]

    @property
    def recovered(self) -> Decimal:
        """What the periods recover in total."""
        return money_sum(m.recovered for m in self.months)

    @property
    def remaining(self) -> Decimal:
        """What is left after the last period."""
        return self.months[-1].remaining if self.months else self.amount


def recovery_schedule(
    amount: Decimal, months: Sequence[Sequence[object] | Mapping[str, object]]
) -> RecoverySchedule:
    """Recover ``amount`` over ``months`` (rows ``(label, wage, minimum_wage)`` or
    mappings with ``month``, ``wage``, ``minimum_wage`` and optionally
    ``already_deducted``), each taking at most its cap less what was already deducted.

    >>> recovery_schedule(Decimal(100), [("2024-05", Decimal(5000), Decimal(2690))]).recovered
    Decimal('100.00')
    """
    remaining = parse_money(amount, field="amount", non_negative=True)
    total = remaining
    if not isinstance(months, (list, tuple)):
        raise InvalidTypeError("months", "a list of (label, wage, minimum_wage) rows", months)
    rows, steps = [], []
    for index, row in enumerate(months):
        where = f"months[{index}]"
        if isinstance(row, Mapping):
            name, wage_in, floor_in = row["month"], row["wage"], row["minimum_wage"]
            done_in = row.get("already_deducted", 0)
        elif isinstance(row, (list, tuple)) and len(row) == 3:
            name, wage_in, floor_in = row
            done_in = 0
        else:
            raise InvalidValueError(where, "a (label, wage, minimum_wage) row", row)
        wage = parse_money(wage_in, field=f"{where}.wage", non_negative=True)
        floor = parse_money(floor_in, field=f"{where}.minimum_wage", non_negative=True)
        done = parse_money(done_in, field=f"{where}.already_deducted", non_negative=True)
        cap = deduction_cap(wage, floor)
        room = max(ZERO, money_sum((cap, -done)))
        recovered = min(remaining, room)
        remaining = money_sum((remaining, -recovered))
        rows.append(RecoveryMonth(str(name), wage, floor, cap, recovered, remaining, done))
        steps.append(
            step_of(
                "recovery.month",
                label(f"{name}：扣回不超过上限", f"{name}: recover up to the cap"),
                {"wage": wage, "minimum_wage": floor, "cap": cap, "already_deducted": done},
                recovered,
                "WPP 16",
            )
        )
    return RecoverySchedule(amount=total, months=tuple(rows), steps=tuple(steps))
