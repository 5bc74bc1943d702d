"""The calendar rules of the handbooks, written as data: each function returns the rule,
its docstring restating the handbook's rule in Chinese and English (a restatement, not a
quotation) and saying which readings are chosen.

>>> from datetime import date
>>> from hrpolicy.core.period import Period
>>> from hrpolicy.core.workcal import StatutoryCalendar
>>> from hrpolicy.core.deadlines import due_date
>>> due_date(year_end_bonus_paid_by(), period=Period(year=2025), calendar=StatutoryCalendar())
datetime.date(2026, 2, 14)
"""

from __future__ import annotations

from hrpolicy.core.deadlines import BeforeHoliday, DayOfNextMonth
from hrpolicy.core.workcal import Holiday

__all__ = ["score_sheets_due", "year_end_bonus_paid_by"]


def year_end_bonus_paid_by() -> BeforeHoliday:
    """Handbook rule, restated in both languages: 年终奖于春节前发放 — the year-end bonus by
    team ranking is paid before the Lunar New Year.

    Chosen: due on the last workday before the Spring Festival days off (one workday
    before). Asked for a year's bonus with ``period=Period(year=…)``, it is the first
    Spring Festival after that year.

    >>> year_end_bonus_paid_by()
    BeforeHoliday(holiday=<Holiday.SPRING_FESTIVAL: 'spring_festival'>, workdays_before=1)
    """
    return BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL, workdays_before=1)


def score_sheets_due() -> DayOfNextMonth:
    """Handbook rule, restated in both languages: 考核结果于次月8日前报人力资源部 — scores go
    to HR by the 8th of the next month.

    Chosen: the 8th of the month after the month scored, moved to the next workday when it
    is a day off (the handbook does not say which way a day off moves it).

    >>> score_sheets_due()
    DayOfNextMonth(day=8, roll=<Roll.NEXT_WORKDAY: 'next_workday'>)
    """
    return DayOfNextMonth(day=8)
