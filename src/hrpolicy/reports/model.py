"""The weekly work report (周工作汇报表) as typed data, and the reference data it is checked
against.

A report covers one ISO week (Monday to Sunday). Its last-week summary has ten required
items and its next-week plan an eleventh (local policy changes); it carries the week's
visit log, daily call counts and expenses. Every date in it must fall in the week it
reports on (plan dates in the week after); the report refuses anything else when built.
Times are naive local wall-clock times.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Final

import attrs

from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.fields import (
    NonNegativeInt,
    NonNegativeMoney,
    Text,
    checked,
    enum_argument,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label

__all__ = [
    "ITEMS",
    "SUMMARY_ITEMS",
    "CallDay",
    "Expense",
    "IsoWeek",
    "Item",
    "ItemEntry",
    "NextWeekPlan",
    "PlannedVisit",
    "Reference",
    "Visit",
    "WeeklyReport",
]


class Item(Choice):
    """The contents a weekly report must cover: ten in the last-week
    summary, and local policy changes in the next-week plan."""

    SALES_VOLUME = "sales_volume"
    COLLECTIONS = "collections"
    CUSTOMER_VISITS = "customer_visits"
    SALES_EXPENSES = "sales_expenses"
    PROMOTION_EFFECT = "promotion_effect"
    KEY_CUSTOMERS = "key_customers"
    NEW_CUSTOMERS = "new_customers"
    ABNORMAL_CUSTOMERS = "abnormal_customers"
    PROSPECTS = "prospects"
    COMPETITOR_MOVES = "competitor_moves"
    LOCAL_POLICY_CHANGES = "local_policy_changes"


#: Bilingual names of the items.
ITEMS: Final = {
    Item.SALES_VOLUME: Label("销售量", "sales volume"),
    Item.COLLECTIONS: Label("回款", "collections"),
    Item.CUSTOMER_VISITS: Label("客户拜访", "customer visits"),
    Item.SALES_EXPENSES: Label("销售费用（含差旅报告）", "sales expenses (with the travel report)"),
    Item.PROMOTION_EFFECT: Label("广告与促销效果", "effect of advertising and promotions"),
    Item.KEY_CUSTOMERS: Label("重点客户", "key customers"),
    Item.NEW_CUSTOMERS: Label("新客户", "new customers"),
    Item.ABNORMAL_CUSTOMERS: Label("异常或信用不良客户", "abnormal or poor-credit customers"),
    Item.PROSPECTS: Label("待开发客户及进展", "prospects and their status"),
    Item.COMPETITOR_MOVES: Label("竞争对手动态", "competitor moves"),
    Item.LOCAL_POLICY_CHANGES: Label("影响销售的地方政策变化", "local policy changes"),
}

#: The ten items of the last-week summary, in the order companies' rules list them.
SUMMARY_ITEMS: Final = tuple(item for item in Item if item is not Item.LOCAL_POLICY_CHANGES)


#: The most characters of a mapping key an error path shows.
_KEY_CHARS: Final = 30


def _key_text(key: object) -> str:
    """A mapping key as an error path shows it, briefly: text quoted, a number or date as
    written (cut short past 30 characters), anything else by its type name — the error's
    value describes it.

    >>> _key_text("2024-03"), _key_text(7), _key_text("x" * 40), _key_text(object())
    ("'2024-03'", '7', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'", 'object')
    """
    if isinstance(key, str):
        return repr(key) if len(key) <= _KEY_CHARS else repr(key[: _KEY_CHARS - 1] + "…")
    if isinstance(key, (int, Decimal, date)) and not isinstance(key, bool):
        text = str(key)
        return text if len(text) <= _KEY_CHARS else text[: _KEY_CHARS - 1] + "…"
    return type(key).__name__


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class IsoWeek:
    """An ISO 8601 week: ``week`` 1–52 (or 53 in long years) of ``year``, Monday to Sunday.

    >>> IsoWeek(year=2024, week=10).first_day, IsoWeek(year=2024, week=10).last_day
    (datetime.date(2024, 3, 4), datetime.date(2024, 3, 10))
    """

    year: Annotated[int, IntSpec(min_value=2000, max_value=2100)]
    week: Annotated[int, IntSpec(min_value=1, max_value=53)]
    _monday: date = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        require(2000 <= self.year <= 2100, "IsoWeek.year", "a year from 2000 to 2100", self.year)
        try:
            monday = date.fromisocalendar(self.year, self.week, 1)
        except ValueError:
            raise InvalidValueError(
                "IsoWeek.week", f"a week of {self.year} (1 to 52, or 53 in long years)", self.week
            ) from None
        object.__setattr__(self, "_monday", monday)

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        """The ISO week ``day`` falls in."""
        year, week, _ = day.isocalendar()
        return cls(year=year, week=week)

    @property
    def first_day(self) -> date:
        """The Monday."""
        return self._monday

    @property
    def last_day(self) -> date:
        """The Sunday."""
        return self._monday + timedelta(days=6)

    @property
    def days(self) -> tuple[date, ...]:
        """Monday to Sunday."""
        return tuple(self._monday + timedelta(days=n) for n in range(7))

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the week."""
        return self.first_day <= day <= self.last_day

    def next(self) -> IsoWeek:
        """The following week."""
        return IsoWeek.of(self.last_day + timedelta(days=1))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ItemEntry:
    """What the report says on one item: ``text``, and where the item is a figure, the
    ``amount`` (sales, collections, expenses) or ``count`` (visits, new customers).
    ``customers`` names the customers an item lists (key, new, abnormal, prospects)."""

    item: Item
    text: str
    amount: NonNegativeMoney | None = None
    count: NonNegativeInt | None = None
    customers: tuple[Text, ...] = ()


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Visit:
    """A customer visit made during the week."""

    customer: Text
    on: date
    purpose: str = ""


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CallDay:
    """Calls made on one day."""

    on: date
    calls: NonNegativeInt


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Expense:
    """A sales expense of the week; ``travel`` marks travel costs, which need the travel
    expense report."""

    expense_id: Text
    on: date
    amount: NonNegativeMoney
    category: Text
    travel: bool = False


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PlannedVisit:
    """A visit planned for next week."""

    customer: Text
    on: date


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NextWeekPlan:
    """The plan for next week: visits, and local policy changes that affect sales."""

    visits: tuple[PlannedVisit, ...]
    local_policy_changes: str


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class WeeklyReport:
    """One salesperson's weekly report for ``week``, submitted at ``submitted_at``."""

    report_id: Text
    employee: Text
    week: IsoWeek
    submitted_at: datetime
    summary: tuple[ItemEntry, ...]
    plan: NextWeekPlan
    visits: tuple[Visit, ...] = ()
    calls: tuple[CallDay, ...] = ()
    expenses: tuple[Expense, ...] = ()
    travel_report_attached: bool = False

    def __attrs_post_init__(self) -> None:
        where = f"WeeklyReport({self.report_id})"
        items = [entry.item for entry in self.summary]
        require_unique([i.value for i in items], f"{where}.summary", "item")
        require(
            Item.LOCAL_POLICY_CHANGES not in items,
            f"{where}.summary",
            "summary items only (local policy changes belong to the plan)",
            Item.LOCAL_POLICY_CHANGES.value,
        )
        week = self.week
        for name, days in (
            ("visits", [v.on for v in self.visits]),
            ("calls", [c.on for c in self.calls]),
            ("expenses", [e.on for e in self.expenses]),
        ):
            for index, day in enumerate(days):
                require(
                    week.contains(day),
                    f"{where}.{name}[{index}].on",
                    f"a date in {week} ({week.first_day} to {week.last_day})",
                    day,
                )
        require_unique([str(c.on) for c in self.calls], f"{where}.calls", "day")
        require_unique([e.expense_id for e in self.expenses], f"{where}.expenses", "id")
        following = week.next()
        for index, planned in enumerate(self.plan.visits):
            require(
                following.contains(planned.on),
                f"{where}.plan.visits[{index}].on",
                f"a date in the following week {following}",
                planned.on,
            )
        require(
            self.submitted_at.date() >= week.first_day,
            f"{where}.submitted_at",
            f"a time on or after the week's first day {week.first_day}",
            self.submitted_at,
        )

    def entry(self, item: Item | str) -> ItemEntry | None:
        """The summary entry for ``item``, if the report has one."""
        item = enum_argument(item, Item, "item")
        for entry in self.summary:
            if entry.item is item:
                return entry
        return None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Reference:
    """What the company's systems recorded for ``employee`` in ``week`` (CRM sales,
    collections, visits, expense claims); ``None`` where nothing is known, and that item is
    not checked."""

    employee: Text
    week: IsoWeek
    sales: NonNegativeMoney | None = None
    collections: NonNegativeMoney | None = None
    visits: tuple[Visit, ...] | None = None
    expenses: NonNegativeMoney | None = None
