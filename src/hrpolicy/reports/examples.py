"""A weekly-report policy and two scoring cards companies use, as data.

Figures the companies' rules leave open are chosen and named in each docstring.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

import attrs

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import argument, require
from hrpolicy.core.money import Rate
from hrpolicy.core.workcal import (
    TableCalendar,
    WorkCalendar,
    check_calendar,
    is_workday,
    next_workday,
)
from hrpolicy.reports.model import (
    CallDay,
    Expense,
    IsoWeek,
    Item,
    ItemEntry,
    NextWeekPlan,
    PlannedVisit,
    Reference,
    Visit,
    WeeklyReport,
)
from hrpolicy.reports.scoring import (
    Assessed,
    Card,
    DeductionRule,
    Deductions,
    OnTime,
    ReviewShare,
    ScoreCard,
    Training,
    WeeklyReports,
)
from hrpolicy.reports.validation import (
    Deadline,
    Deduction,
    ItemRule,
    Need,
    ReportCheck,
    ReportPolicy,
    Tolerance,
    UntrueContent,
    Weekday,
    validate,
)

__all__ = [
    "domain_report_policy",
    "example_report",
    "example_team_week",
    "regional_manager_card",
    "salesperson_card",
    "whole_summary_truth_policy",
]


def domain_report_policy() -> ReportPolicy:
    """The weekly report companies require: the ten summary items and the plan's local
    policy changes are required (figures for sales, collections, visits and expenses; the
    key customers named; at least 5 characters of text elsewhere); 30 calls each workday
    and 20 visits a week; the report is worth 40 points, the summary 10 of them.

    Chosen: due Monday 12:00 after the week, with 60 minutes' grace; sales may differ
    from the CRM by 1 % or 100 yuan, collections and expenses not at all, and every visit
    must be in the CRM; 80 % of last week's approved plan must be visited; each quota,
    plan or plan-item failure costs 5 points."""
    return ReportPolicy(
        policy_id="weekly-report",
        required=(
            ItemRule(item=Item.SALES_VOLUME, need=Need.AMOUNT),
            ItemRule(item=Item.COLLECTIONS, need=Need.AMOUNT),
            ItemRule(item=Item.CUSTOMER_VISITS, need=Need.COUNT),
            ItemRule(item=Item.SALES_EXPENSES, need=Need.AMOUNT),
            ItemRule(item=Item.PROMOTION_EFFECT, min_chars=5),
            ItemRule(item=Item.KEY_CUSTOMERS, need=Need.CUSTOMERS),
            ItemRule(item=Item.NEW_CUSTOMERS, min_chars=1),
            ItemRule(item=Item.ABNORMAL_CUSTOMERS, min_chars=1),
            ItemRule(item=Item.PROSPECTS, min_chars=5),
            ItemRule(item=Item.COMPETITOR_MOVES, min_chars=5),
            ItemRule(item=Item.LOCAL_POLICY_CHANGES, min_chars=2),
        ),
        deadline=Deadline(weekday=Weekday.MONDAY, hour=12, weeks_after=1),
        grace_minutes=60,
        calls_per_workday=30,
        visits_per_week=20,
        tolerances=(
            Tolerance(item=Item.SALES_VOLUME, absolute=Decimal(100), relative=Rate.parse("1%")),
        ),
        plan_share=Rate.parse("80%"),
        points=40,
        summary_points=10,
        deductions=(
            Deduction(code="calls_quota_missed", points=5),
            Deduction(code="visits_quota_missed", points=5),
            Deduction(code="plan_not_followed", points=5),
            Deduction(code="plan_item_missing", points=5),
        ),
        clause="销售人员周报制度",
    )


def salesperson_card() -> ScoreCard:
    """The salesperson's daily-work card: dealer management 30, less 5 once a month for
    each of the six failures (terminal daily sales report after 16:00 the same day;
    monthly network plan not met; a dealer's end-user problem unsolved; commercial policy
    not followed or stock levels unknown; a special dealer problem not reported; rebate
    forms after the 25th); salesperson management 70 = weekly reports 40 + the manager's
    assessment of the rest 30 (chosen: the rules do not split the other 30)."""
    failures = (
        (
            "terminal_report_late",
            "终端日销售报表未在当天16:00前报送",
            "terminal daily sales report not in by 16:00",
        ),
        (
            "network_plan_not_met",
            "月度网络开发计划未完成",
            "monthly network-development plan not met",
        ),
        (
            "end_user_problem_unsolved",
            "经销商遗留终端用户问题未解决",
            "a dealer left an end-user problem unsolved",
        ),
        (
            "policy_not_followed",
            "未执行公司商务政策或不清楚库存",
            "commercial policy not followed or stock levels unknown",
        ),
        (
            "special_problem_not_reported",
            "经销商特殊问题未上报",
            "a special dealer problem not reported",
        ),
        ("rebate_forms_late", "返利表格未在25日前报送", "rebate forms not in by the 25th"),
    )
    return ScoreCard(
        card_id="salesperson",
        card=Card.SALESPERSON,
        components=(
            Deductions(
                component_id="dealer-management",
                name="经销商管理",
                points=30,
                rules=tuple(
                    DeductionRule(code=code, zh_CN=zh, en=en, points=5) for code, zh, en in failures
                ),
                clause="销售人员考核办法 第2条",
            ),
            WeeklyReports(
                component_id="weekly-reports",
                name="周报",
                points=40,
                clause="销售人员考核办法 第3条",
            ),
            Assessed(
                component_id="other-management",
                name="其他业务员管理",
                points=30,
                clause="销售人员考核办法 第3条",
            ),
        ),
        clause="销售人员考核办法",
    )


def regional_manager_card() -> ScoreCard:
    """The regional manager's card: monthly report 60 (summary 20, plan 20, an actionable
    local proposal 20, assessed); reviewing the salespeople's weekly reports 10 (by the
    share reviewed); at least one recorded training a month 10; the monthly report in by
    the 30th 10 (missed two months running: deducted double); accountability for the
    salespeople's deductions 10 (assessed)."""
    return ScoreCard(
        card_id="regional-manager",
        card=Card.REGIONAL_MANAGER,
        components=(
            Assessed(component_id="monthly-summary", name="月报：总结", points=20),
            Assessed(component_id="monthly-plan", name="月报：计划", points=20),
            Assessed(component_id="local-proposal", name="月报：可行的地方建议", points=20),
            ReviewShare(component_id="weekly-review", name="审阅业务员周报", points=10),
            Training(component_id="training", name="每月培训并记录", points=10),
            OnTime(component_id="report-on-time", name="月报30日前提交", points=10, due_day=30),
            Assessed(component_id="accountability", name="对业务员扣分负责", points=10),
        ),
        clause="区域经理考核办法",
    )


def example_report(
    employee: str,
    week: IsoWeek,
    calendar: WorkCalendar,
    *,
    visits: int = 20,
    sales: Decimal = Decimal(120000),
    competitors: str = "竞品降价百分之五",
    late_by_minutes: int = 0,
) -> WeeklyReport:
    """A complete report for ``week`` that follows the work calendar: 30 calls on each
    workday of the week (a make-up weekend workday included, a holiday left out),
    ``visits`` visits spread over the workdays, one travel expense with its report on the
    first workday, every item filled in, and a plan with local policy changes and a visit
    on the first workday of the next week. It is submitted at 09:00 on the first workday
    after the week, plus ``late_by_minutes``. ``visits`` is at most 1 000 and
    ``late_by_minutes`` at most a month (31 × 24 × 60 minutes).

    ``calendar`` is the one the reports are validated on (for mainland China's statutory
    holidays, :class:`~hrpolicy.core.workcal.ChineseStatutoryCalendar` from the
    ``cn-calendar`` extra). A week without a workday is refused.

    >>> from datetime import date
    >>> from hrpolicy.reports import TableCalendar
    >>> calendar = TableCalendar(
    ...     name="2026–27", first_year=2026, last_year=2027, holidays=(date(2027, 1, 1),)
    ... )
    >>> report = example_report("li", IsoWeek(year=2026, week=53), calendar)
    >>> [str(c.on) for c in report.calls]  # Friday 1 January 2027 is a holiday
    ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']
    >>> report.submitted_at
    datetime.datetime(2027, 1, 4, 9, 0)
    """
    check_calendar(calendar)
    argument(week, IsoWeek, "week")
    for name, value, most in (
        ("visits", visits, 1000),
        ("late_by_minutes", late_by_minutes, 31 * 24 * 60),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidTypeError(name, "an int", value)
        require(0 <= value <= most, name, f"an int from 0 to {most}", value)
    workdays = [day for day in week.days if is_workday(calendar, day)]
    if not workdays:
        raise InvalidValueError(
            "week", f"a week with a workday in calendar {_name(calendar)}", str(week)
        )
    following = week.next()
    planned = [day for day in following.days if is_workday(calendar, day)][:1]
    first_after = next_workday(calendar, week.last_day + timedelta(days=1))
    submitted = datetime.combine(first_after, time(9)) + timedelta(minutes=late_by_minutes)
    return WeeklyReport(
        report_id=f"{employee}-{week}",
        employee=employee,
        week=week,
        submitted_at=submitted,
        summary=(
            ItemEntry(item=Item.SALES_VOLUME, text="本周销售", amount=sales),
            ItemEntry(item=Item.COLLECTIONS, text="本周回款", amount=Decimal(80000)),
            ItemEntry(item=Item.CUSTOMER_VISITS, text="拜访客户", count=visits),
            ItemEntry(item=Item.SALES_EXPENSES, text="差旅", amount=Decimal(1200)),
            ItemEntry(item=Item.PROMOTION_EFFECT, text="促销带来三个询盘"),
            ItemEntry(item=Item.KEY_CUSTOMERS, text="跟进重点客户", customers=("K1",)),
            ItemEntry(item=Item.NEW_CUSTOMERS, text="无"),
            ItemEntry(item=Item.ABNORMAL_CUSTOMERS, text="无"),
            ItemEntry(item=Item.PROSPECTS, text="C30 样品测试中"),
            ItemEntry(item=Item.COMPETITOR_MOVES, text=competitors),
        ),
        plan=NextWeekPlan(
            visits=tuple(PlannedVisit(customer="K1", on=day) for day in planned),
            local_policy_changes="下周起货车限行",
        ),
        visits=tuple(
            Visit(customer=f"C{n}", on=workdays[n % len(workdays)]) for n in range(visits)
        ),
        calls=tuple(CallDay(on=day, calls=30) for day in workdays),
        expenses=(
            Expense(
                expense_id="X1",
                on=workdays[0],
                amount=Decimal(1200),
                category="差旅",
                travel=True,
            ),
        ),
        travel_report_attached=True,
    )


def _name(calendar: WorkCalendar) -> str:
    name = getattr(calendar, "name", None)
    return name if isinstance(name, str) else type(calendar).__name__


def example_team_week() -> tuple[ReportCheck, ...]:
    """Week 10 of 2024 for Li (complete: 40 points) and Wang (in the grace hour, 18
    visits, "无" for competitors, sales of 95,000 the CRM records as 120,000: 33 points),
    under :func:`domain_report_policy` on a 2024 calendar with weekends off."""
    week = IsoWeek(year=2024, week=10)
    calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
    li = example_report("li", week, calendar)
    wang = example_report(
        "wang",
        week,
        calendar,
        visits=18,
        sales=Decimal(95000),
        competitors="无",
        late_by_minutes=220,
    )
    crm = [
        Reference(employee=r.employee, week=week, sales=Decimal(120000), visits=r.visits)
        for r in (li, wang)
    ]
    return validate([li, wang], domain_report_policy(), calendar, references=crm)


def whole_summary_truth_policy() -> ReportPolicy:
    """:func:`domain_report_policy` read the strict way: "内容必须真实，经核查内容不符的，
    该部分计0分" — "content must be truthful; where content is found not to match, that
    part scores zero" — with "that part" taken as the whole 10-point last-week summary
    (:attr:`~hrpolicy.reports.UntrueContent.SUMMARY`) rather than the single item found
    untrue (the default reading). Everything else is as in :func:`domain_report_policy`.

    >>> whole_summary_truth_policy().untrue_zeroes
    <UntrueContent.SUMMARY: 'summary'>
    """
    return attrs.evolve(domain_report_policy(), untrue_zeroes=UntrueContent.SUMMARY)
