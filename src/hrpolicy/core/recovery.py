"""Recovering money from wages under the wage-deduction cap, for every engine.

The Interim Provisions on Wage Payment (WPP) Art. 16: a loss the worker caused may be
deducted from wages, at most 20 % of the period's wage, and never leaving less than the
local minimum wage. :func:`recovery_cap` is that cap for one pay period;
:func:`recovery_schedule` recovers an amount over pay periods in order, each at most its
cap (less what was already deducted in it), carrying the rest forward — one step per period
citing WPP Art. 16.

The floor is what the period must leave: the local monthly minimum wage for a month of
full-time work; for part-time labour, the hours worked times the local hourly minimum wage
(LCL 72(1), MWP Art. 5), a period being at most 15 days (LCL 72(2)). The collection engine
recovers clawbacks this way and the charges engine a worker's proven loss.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.core.convert import register_format, write_in_full
from hrpolicy.core.display import Amount, Displayable, SummaryValue, View
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import Explanation, Label, Step
from hrpolicy.core.explain import step_of as _step
from hrpolicy.core.fields import NonNegativeMoney, Text, checked, typed_fields
from hrpolicy.core.label import label
from hrpolicy.core.money import ZERO, exact, fen_to_money, money_sum, parse_money
from hrpolicy.core.period import Period
from hrpolicy.core.records import (
    FINDING_PARAMS,
    FINDINGS,
    STEP_INPUTS,
    STEPS,
    Column,
    ColumnType,
    Table,
    TableSchema,
    explanation_tables,
)
from hrpolicy.core.statement import key_steps, register_recomputed

__all__ = [
    "RECOVERY_MONTHS",
    "RECOVERY_TABLES",
    "RECOVERY_TOTALS",
    "RecoveryMonth",
    "RecoverySchedule",
    "recovery_cap",
    "recovery_schedule",
]

_TWENTY_PERCENT: Final = Fraction(1, 5)
_MONEY: Final = ColumnType.MONEY
_INT: Final = ColumnType.INT
_TEXT: Final = ColumnType.TEXT


# --- the cap ---


def recovery_cap(wage: Decimal, minimum_wage: Decimal) -> Decimal:
    """The most that may be deducted from a month's ``wage``: 20 % of it (rounded down to
    the fen, so never above 20 %), and never so much that less than ``minimum_wage``
    remains (WPP Art. 16).

    Args:
        wage: the month's wage before the deduction, in CNY (``Decimal``, ``int`` or
            numeric text).
        minimum_wage: the local monthly minimum wage, in CNY.

    Returns:
        The cap in CNY, 0 when the wage is at or below the minimum wage.

    Raises:
        InvalidTypeError: an amount is not a ``Decimal``, ``int`` or numeric text (a
            ``float`` included).
        InvalidValueError: an amount is negative or has more than two decimal places.

    Example:
        >>> recovery_cap(Decimal("5000"), Decimal("2690"))
        Decimal('1000.00')
        >>> recovery_cap(Decimal("3000"), Decimal("2690"))
        Decimal('310.00')
        >>> recovery_cap(Decimal("2500"), Decimal("2690"))
        Decimal('0.00')
        >>> recovery_cap(5000.0, Decimal("2690"))
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidTypeError: wage: expected an amount in CNY as Decimal,
        ..., got float 5000.0
    """
    return _cap(*_wages(wage, minimum_wage))


def _wages(wage: object, minimum_wage: object, where: str = "") -> tuple[Decimal, Decimal]:
    return (
        parse_money(wage, field=f"{where}wage", non_negative=True),
        parse_money(minimum_wage, field=f"{where}minimum_wage", non_negative=True),
    )


def _cap(wage: Decimal, minimum_wage: Decimal) -> Decimal:
    # 20 % rounded down to the fen, exactly, whatever the caller's decimal context.
    fifth = fen_to_money(math.floor(exact(wage) * _TWENTY_PERCENT * 100))
    room = max(ZERO, money_sum((wage, -minimum_wage)))
    return min(fifth, room)


def recovery_schedule(
    amount: Decimal,
    months: Sequence[Sequence[object] | Mapping[str, object]],
) -> RecoverySchedule:
    """Recover ``amount`` over ``months``, taking in each month at most
    :func:`recovery_cap` and carrying the rest forward; each month is a step citing
    WPP Art. 16.

    Args:
        amount: what is to be recovered, in CNY (0 or more).
        months: the pay periods to recover in, in order, each once; each a ``(label,
            wage, minimum_wage)`` list or tuple, or a mapping with the keys ``month``,
            ``wage`` and ``minimum_wage`` (rows as JSON gives them) — ``minimum_wage`` being
            the floor the period must leave. A fourth item (or the key
            ``already_deducted``) is what was already deducted in the period under the
            same cap: the period recovers at most the cap less it. The label is text or a
            :class:`~hrpolicy.core.period.Period` of a month; ``YYYY-MM`` months (and
            periods) come in calendar order.

    Returns:
        A :class:`RecoverySchedule`: per period the cap, what was already deducted, what
        is recovered and what remains after it.

    Raises:
        InvalidTypeError: ``months`` is not a list or tuple, a month is neither a row nor
            a mapping, a label is not text or a ``Period``, or an amount is not a
            ``Decimal``, ``int`` or numeric text.
        InvalidValueError: a row has not three or four items (or a mapping not those
            keys), a label is blank, more was already deducted than the cap, a month is
            listed twice (the cap applies once a month), ``YYYY-MM`` months (or periods)
            are out of calendar order, a year is given for a month, or an amount is
            negative or has more than two decimal places — each naming the month
            (``months[1].wage``).

    Example:
        >>> plan = recovery_schedule(
        ...     Decimal(1500),
        ...     [("2024-05", Decimal(5000), Decimal(2690)),
        ...      ("2024-06", Decimal(3000), Decimal(2690))],
        ... )
        >>> [(m.month, str(m.recovered), str(m.remaining)) for m in plan.months]
        [('2024-05', '1000.00', '500.00'), ('2024-06', '310.00', '190.00')]
        >>> import json
        >>> rows = json.loads('[{"month": "2024-05", "wage": "5000", "minimum_wage": "2690"}]')
        >>> recovery_schedule(Decimal(1500), rows).remaining
        Decimal('500.00')
        >>> recovery_schedule(Decimal(1500), [("2024-05", 5000, 2690, 400)]).remaining
        Decimal('900.00')
        >>> recovery_schedule(Decimal(1500), [("2024-05", Decimal(5000))])
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: months[0]: expected 3 or 4 items: label,
        wage, minimum_wage and already_deducted, got int 2
        >>> recovery_schedule(Decimal(1500), [("2024-05", 5000, 2690)] * 2)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: months[1].month: expected a month not
        already in the schedule (months[0] is 2024-05: the cap applies once a month), got
        str '2024-05'
    """
    amount = parse_money(amount, field="amount", non_negative=True)
    remaining = amount
    checked: object = months
    if not isinstance(checked, (list, tuple)):
        raise InvalidTypeError("months", "a list of (label, wage, minimum_wage) rows", months)
    rows = []
    steps = []
    seen: dict[str, int] = {}
    calendar: tuple[int, str] | None = None  # the latest YYYY-MM month so far, and its label
    for index, month in enumerate(months):
        where = f"months[{index}]"
        given, name, given_wage, given_minimum, given_before = _month_row(month, where)
        # The cap is per month: a month listed twice would be capped twice.
        key = name.strip()
        if key in seen:
            raise InvalidValueError(
                f"{where}.month",
                f"a month not already in the schedule (months[{seen[key]}] is {key}: the "
                "cap applies once a month)",
                given,
            )
        seen[key] = index
        number = _calendar_month(key)
        if number is not None:
            if calendar is not None and number <= calendar[0]:
                raise InvalidValueError(
                    f"{where}.month",
                    f"a month after {calendar[1]} (months in calendar order)",
                    given,
                )
            calendar = (number, key)
        wage, minimum = _wages(given_wage, given_minimum, f"{where}.")
        cap = _cap(wage, minimum)
        before = parse_money(given_before, field=f"{where}.already_deducted", non_negative=True)
        if before > cap:
            raise InvalidValueError(
                f"{where}.already_deducted",
                f"at most the period's cap {cap} (20 % of the wage {wage}, leaving at least "
                f"{minimum}: WPP Art. 16)",
                given_before,
            )
        recovered = min(remaining, money_sum((cap, -before)))
        remaining = money_sum((remaining, -recovered))
        rows.append(
            RecoveryMonth(
                month=name,
                wage=wage,
                minimum_wage=minimum,
                cap=cap,
                recovered=recovered,
                remaining=remaining,
                already_deducted=before,
            )
        )
        steps.append(
            _step(
                "recovery.month",
                label(f"{name}：扣回不超过上限", f"{name}: recover up to the cap"),
                {
                    "wage": wage,
                    "minimum_wage": minimum,
                    "cap": cap,
                    "already_deducted": before or None,
                    "to_recover_before": money_sum((remaining, recovered)),
                },
                recovered,
                "WPP 16",
            )
        )
    return RecoverySchedule(amount=amount, months=tuple(rows), steps=tuple(steps))


_ROW_KEYS: Final = ("month", "wage", "minimum_wage")
_OPTIONAL_KEY: Final = "already_deducted"
_CALENDAR_MONTH: Final = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def _calendar_month(name: str) -> int | None:
    """The month a ``YYYY-MM`` label names, counted from year 0 (to order months), or
    ``None`` for a label that names no calendar month."""
    found = _CALENDAR_MONTH.fullmatch(name)
    return int(found[1]) * 12 + int(found[2]) - 1 if found else None


def _month_row(month: object, where: str) -> tuple[object, str, object, object, object]:
    """A month of a recovery schedule: a ``(label, wage, minimum_wage[, already_deducted])``
    list or tuple, or a mapping with those keys (a JSON object); returns the label as given
    and as text, the wage, the floor and what was already deducted as given."""
    if isinstance(month, Mapping):
        keys = set(month)
        if not set(_ROW_KEYS) <= keys <= {*_ROW_KEYS, _OPTIONAL_KEY}:
            raise InvalidValueError(
                where,
                "the keys month, wage and minimum_wage (and already_deducted)",
                sorted(map(str, keys)),
            )
        row: tuple[object, ...] = tuple(month[key] for key in _ROW_KEYS)
        if _OPTIONAL_KEY in keys:
            row += (month[_OPTIONAL_KEY],)
    elif isinstance(month, (list, tuple)):
        row = tuple(month)
    else:
        raise InvalidTypeError(
            where, "a (label, wage, minimum_wage) list or tuple, or a mapping", month
        )
    if len(row) not in (3, 4):
        raise InvalidValueError(
            where, "3 or 4 items: label, wage, minimum_wage and already_deducted", len(row)
        )
    given = name = row[0]
    if isinstance(name, Period):
        if not name.is_month:
            raise InvalidValueError(f"{where}.month", "a month (a Period with a month)", name)
        name = str(name)
    if not isinstance(name, str):
        raise InvalidTypeError(f"{where}.month", "a str or a Period", name)
    if not name.strip():
        raise InvalidValueError(f"{where}.month", "a non-empty label", name)
    return given, name, row[1], row[2], row[3] if len(row) == 4 else ZERO


# --- the schedule as a result ---


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RecoveryMonth:
    """One pay period of a recovery schedule: its label, the wage and the floor given
    (``minimum_wage``: the local monthly minimum, or for part-time labour the hours times
    the hourly minimum), the cap they allow, what was already deducted in the period, what
    it recovers and what remains after it."""

    month: Text
    wage: NonNegativeMoney
    minimum_wage: NonNegativeMoney
    cap: NonNegativeMoney
    recovered: NonNegativeMoney
    remaining: NonNegativeMoney
    already_deducted: NonNegativeMoney = ZERO


_SCHEDULE_TITLE: Final = Label("扣回计划", "Recovery schedule")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RecoverySchedule(Displayable):
    """How an amount is recovered from wages period by period under WPP Art. 16."""

    amount: NonNegativeMoney
    months: tuple[RecoveryMonth, ...]
    steps: tuple[Step, ...]

    @property
    def recovered(self) -> Decimal:
        """What the months recover in total."""
        return money_sum(m.recovered for m in self.months)

    @property
    def remaining(self) -> Decimal:
        """What is left after the last month."""
        return self.months[-1].remaining if self.months else self.amount

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """The schedule as tables: ``totals`` (one row), ``months`` (one row per month),
        then the explanation tables, whose ``steps`` and ``step_inputs`` name the month of
        each step.

        >>> from hrpolicy.core.recovery import recovery_schedule
        >>> plan = recovery_schedule(Decimal(1500), [("2024-05", Decimal(5000), Decimal(2690))])
        >>> row, = plan.to_records("months")
        >>> row["period_start"], row["cap"], row["remaining"]
        (datetime.date(2024, 5, 1), Decimal('1000.00'), Decimal('500.00'))
        """
        totals = Table.build(
            RECOVERY_TOTALS, [(self.amount, self.recovered, self.remaining, len(self.months))]
        )
        months = Table.build(
            RECOVERY_MONTHS,
            [
                (
                    m.month,
                    *_month_days(m.month),
                    m.wage,
                    m.minimum_wage,
                    m.cap,
                    m.already_deducted,
                    m.recovered,
                    m.remaining,
                )
                for m in self.months
            ],
        )
        explanation = explanation_tables(Explanation(self.steps), locale=locale)
        # One step per month, in order.
        labels = [m.month for m in self.months]
        return {
            "totals": totals,
            "months": months,
            **key_steps(explanation, 0, _MONTH, labels),
        }

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (Label("应扣回", "to recover"), Amount(self.amount)),
            *((Label(m.month, m.month), Amount(m.recovered)) for m in self.months),
            (Label("尚余", "remaining"), Amount(self.remaining)),
        )
        return View(_SCHEDULE_TITLE, summary, Explanation(self.steps))


_MONTH: Final = Column("month", _TEXT, "the month's label")
_YEAR_MONTH: Final = re.compile(r"(\d{4})-(\d{2})")


def _month_days(name: str) -> tuple[date | None, date | None]:
    """The first and last day of a ``YYYY-MM`` label; ``None`` for another label."""
    match = _YEAR_MONTH.fullmatch(name.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return (None, None)
    period = Period(year=int(match.group(1)), month=int(match.group(2)))
    return (period.first_day, period.last_day)


#: ``totals`` of a recovery schedule: one row.
RECOVERY_TOTALS: Final = TableSchema(
    "totals",
    (
        Column("amount", _MONEY, "what is to be recovered"),
        Column("recovered", _MONEY, "what the months recover"),
        Column("remaining", _MONEY, "what is left after the last month"),
        Column("months", _INT, "how many months"),
    ),
    "one row: the schedule's totals",
)
#: ``months`` of a recovery schedule: one row per month.
RECOVERY_MONTHS: Final = TableSchema(
    "months",
    (
        _MONTH,
        Column("period_start", ColumnType.DATE, "its first day (None: not a YYYY-MM label)"),
        Column("period_end", ColumnType.DATE, "its last day (None: not a YYYY-MM label)"),
        Column("wage", _MONEY, "the month's wage"),
        Column("minimum_wage", _MONEY, "the floor: the local minimum wage for the period"),
        Column("cap", _MONEY, "the most the period may deduct (WPP Art. 16)"),
        Column("already_deducted", _MONEY, "what was already deducted in the period"),
        Column("recovered", _MONEY, "what the month recovers"),
        Column("remaining", _MONEY, "what remains after it"),
    ),
    "one row per month, in order",
)


#: The tables of a recovery schedule, in the order its ``tables()`` gives them.
RECOVERY_TABLES: Final = (
    RECOVERY_TOTALS,
    RECOVERY_MONTHS,
    STEPS.keyed((_MONTH,)),
    STEP_INPUTS.keyed((_MONTH,)),
    FINDINGS,
    FINDING_PARAMS,
)

#: The format version a recovery schedule is written in.
_FORMAT: Final = 1


def _recomputed(stored: RecoverySchedule) -> RecoverySchedule:
    months = [(m.month, m.wage, m.minimum_wage, m.already_deducted) for m in stored.months]
    return recovery_schedule(stored.amount, months)


# Parts of results: written with every field, null where missing.
write_in_full(RecoveryMonth)
register_format(RecoverySchedule, _FORMAT)
register_format(RecoveryMonth, _FORMAT)
register_recomputed(RecoverySchedule, _recomputed, "the stored amount and months")
