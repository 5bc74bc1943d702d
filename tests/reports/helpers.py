"""Builders for report tests: a complete, punctual, truthful report that each test changes
in one respect.

The standard report is Li's for ISO week 2024-W10 (Monday 4 to Sunday 10 March 2024),
submitted on Monday 11 March at 09:00 (due 12:00): every required item filled in, 30
calls on each of the five workdays, 20 visits, two expense lines with the travel report,
and a plan for week 11 with local policy changes. The calendar is 2024 with weekends off
and the Qingming holiday (4–6 April) and a make-up workday on Sunday 7 April.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs

from hrpolicy.reports import (
    CallDay,
    Expense,
    IsoWeek,
    Item,
    ItemEntry,
    NextWeekPlan,
    PlannedVisit,
    Reference,
    TableCalendar,
    Visit,
    WeeklyReport,
)

CALENDAR = TableCalendar(
    name="2024",
    first_year=2024,
    last_year=2024,
    holidays=(date(2024, 4, 4), date(2024, 4, 5)),
    rest_days=(),
    makeup_workdays=(date(2024, 4, 7),),
)
WEEK = IsoWeek(year=2024, week=10)
CUSTOMERS = tuple(f"C{n:02d}" for n in range(20))


def visits(week: IsoWeek = WEEK, count: int = 20) -> tuple[Visit, ...]:
    """``count`` visits, four a workday."""
    return tuple(
        Visit(customer=CUSTOMERS[n % 20], on=week.first_day + timedelta(days=n // 4 % 5))
        for n in range(count)
    )


def summary(week_visits: int = 20) -> tuple[ItemEntry, ...]:
    """A complete summary."""
    return (
        ItemEntry(item=Item.SALES_VOLUME, text="本周销售", amount=Decimal(120000)),
        ItemEntry(item=Item.COLLECTIONS, text="本周回款", amount=Decimal(80000)),
        ItemEntry(item=Item.CUSTOMER_VISITS, text="拜访客户", count=week_visits),
        ItemEntry(item=Item.SALES_EXPENSES, text="差旅与招待", amount=Decimal(1800)),
        ItemEntry(item=Item.PROMOTION_EFFECT, text="促销活动带来新询盘三个"),
        ItemEntry(item=Item.KEY_CUSTOMERS, text="重点客户跟进", customers=("C00", "C01")),
        ItemEntry(item=Item.NEW_CUSTOMERS, text="无"),
        ItemEntry(item=Item.ABNORMAL_CUSTOMERS, text="无"),
        ItemEntry(item=Item.PROSPECTS, text="C30 样品测试中"),
        ItemEntry(item=Item.COMPETITOR_MOVES, text="竞品降价百分之五"),
    )


def report(week: IsoWeek = WEEK, **changes: Any) -> WeeklyReport:
    """Li's complete, punctual report for ``week`` (submitted Monday 09:00 after it)."""
    fields: dict[str, Any] = {
        "report_id": f"R-li-{week}",
        "employee": "li",
        "week": week,
        "submitted_at": datetime.combine(week.last_day + timedelta(days=1), datetime.min.time())
        + timedelta(hours=9),
        "summary": summary(),
        "plan": NextWeekPlan(
            visits=tuple(PlannedVisit(customer=c, on=week.next().first_day) for c in CUSTOMERS[:5]),
            local_policy_changes="本市下周起货车限行",
        ),
        "visits": visits(week),
        "calls": tuple(CallDay(on=week.first_day + timedelta(days=n), calls=30) for n in range(5)),
        "expenses": (
            Expense(
                expense_id="X1",
                on=week.first_day,
                amount=Decimal(1200),
                category="差旅",
                travel=True,
            ),
            Expense(
                expense_id="X2",
                on=week.first_day + timedelta(days=2),
                amount=Decimal(600),
                category="招待",
            ),
        ),
        "travel_report_attached": True,
    }
    fields.update(changes)
    return WeeklyReport(**fields)


def reference(week: IsoWeek = WEEK, **changes: Any) -> Reference:
    """What the CRM recorded, agreeing with the standard report."""
    fields: dict[str, Any] = {
        "employee": "li",
        "week": week,
        "sales": Decimal(120000),
        "collections": Decimal(80000),
        "visits": visits(week),
        "expenses": Decimal(1800),
    }
    fields.update(changes)
    return Reference(**fields)


def replace_item(
    entries: tuple[ItemEntry, ...], item: Item, **changes: Any
) -> tuple[ItemEntry, ...]:
    """The summary with one item changed (``None`` removes it)."""
    if changes.get("remove"):
        return tuple(e for e in entries if e.item is not item)
    return tuple(attrs.evolve(e, **changes) if e.item is item else e for e in entries)
