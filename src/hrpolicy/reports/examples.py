"""A weekly-report policy and two scoring cards companies use, as data.

Figures the companies' rules leave open are chosen and named in each docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import attrs

from hrpolicy.core.approvals import AWARD, GENERAL_MANAGER, ApprovalRule, Holds, SignOff
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.deadlines import BeforeHoliday, DayOfNextMonth
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import argument, require
from hrpolicy.core.money import Rate
from hrpolicy.core.period import PeriodKind
from hrpolicy.core.runs import Comparison, Repeat, RunPolicy, RunRule, Threshold
from hrpolicy.core.workcal import (
    Holiday,
    NamedHoliday,
    TableCalendar,
    WorkCalendar,
    check_calendar,
    is_workday,
    next_workday,
)
from hrpolicy.reports.awards import (
    AwardPolicy,
    DevelopedCustomer,
    GrowthAward,
    GrowthBasis,
    GrowthPays,
    MajorCustomerAward,
    MemberYear,
    RankAward,
    TeamYear,
    Ties,
)
from hrpolicy.reports.cadence import (
    Ahead,
    AtLeast,
    ByNextMonth,
    CadencePolicy,
    CadenceUnit,
    Every,
    Within,
)
from hrpolicy.reports.cards import (
    Combine,
    Indicator,
    KpiCard,
    Measured,
    PayPart,
    Quota,
    QuotaPolicy,
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
    "after_sales_cadences",
    "awards_calendar_2026",
    "bid_documents_cadence",
    "delivery_revisit_cadences",
    "domain_report_policy",
    "example_report",
    "example_team_week",
    "handbook_cadences",
    "mentoring_cadence",
    "misconduct_demotion_rules",
    "project_revisit_cadences",
    "promotion_and_demotion_rules",
    "promotion_notice_cadences",
    "quarterly_kpi_card",
    "regional_manager_card",
    "sales_team_awards",
    "sales_team_year",
    "salesperson_card",
    "score_sheet_cadence",
    "visit_and_closing_quotas",
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


def sales_team_awards() -> AwardPolicy:
    """The sales team's year-end awards (年终奖励).

    Handbook rule, restated in both languages: 年终奖按团队综合排名发放，另对毛利较上年增长者及
    独立开发大客户者给予奖励，于春节前发放 — the year-end bonus is paid by overall ranking
    across the team, with extra awards for the growth of gross margin over the year before
    and for major customers developed independently, paid before the Lunar New Year.

    Chosen (the handbook states none of these figures): ranked by the annual score (at
    least 60 to be ranked), the pool split 50 % / 30 % / 20 % among the first three, tied
    members sharing their ranks' awards equally; growth of gross margin under 10 % earns
    nothing, 10 % to under 30 % earns 2,000 yuan, 30 % or more 5,000 yuan; 3,000 yuan for
    each customer developed alone in the year whose sales that year reached 200,000 yuan;
    a member's awards above 10,000 yuan in all need the general manager's approval and are
    held back until it is given; "paid before the Lunar New Year" is read as the last
    workday before the Spring Festival holiday that follows the award year."""
    growth = BandTable.from_rows(
        [[0, "0.10", 0], ["0.10", "0.30", 2000], ["0.30", 5000]],
        closed=Side.LOWER,
        semantics=Semantics.WHOLE,
        name="gross-margin growth",
    )
    return AwardPolicy(
        policy_id="year-end-awards",
        ranking=RankAward(
            measure="年度考核得分",
            shares=(Rate.parse("50%"), Rate.parse("30%"), Rate.parse("20%")),
            ties=Ties.SHARE,
            minimum=Decimal(60),
            clause="年终奖励办法 第2条",
        ),
        growth=GrowthAward(
            basis=GrowthBasis.RATE,
            pays=GrowthPays.AWARD,
            table=growth,
            clause="年终奖励办法 第3条",
        ),
        major_customers=MajorCustomerAward(
            per_customer=Decimal(3000),
            minimum_sales=Decimal(200000),
            clause="年终奖励办法 第4条",
        ),
        approvals=(
            ApprovalRule(
                kind=AWARD,
                approvers=(GENERAL_MANAGER,),
                above=Decimal(10000),
                holds=Holds.AWARD,
                reference="年终奖励办法 第5条",
            ),
        ),
        pay_by=BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL),
        clause="年终奖励办法",
    )


def awards_calendar_2026() -> TableCalendar:
    """The work calendar of January to March 2026 in mainland China, written as data: the
    State Council's arrangement for that year as the ``chinesecalendar`` 1.11.0 data records
    it — New Year's Day 1 to 3 January (Sunday 4 January worked), the Spring Festival 15 to
    23 February (Saturdays 14 and 28 February worked). It dates the 2025 year-end awards
    (due before the 2026 Spring Festival) without the ``cn-calendar`` extra; a date outside
    these three months is :class:`~hrpolicy.core.errors.NotCoveredError`.

    >>> calendar = awards_calendar_2026()
    >>> calendar.day_kind(date(2026, 2, 14)).value, calendar.day_kind(date(2026, 2, 16)).value
    ('makeup_workday', 'statutory_holiday')
    """
    return TableCalendar(
        name="mainland China, January to March 2026",
        first_year=2026,
        last_year=2026,
        first_day=date(2026, 1, 1),
        last_day=date(2026, 3, 31),
        holidays=(
            date(2026, 1, 1),
            date(2026, 1, 3),
            *(date(2026, 2, day) for day in (15, 16, 17, 18, 19, 21, 22)),
        ),
        rest_days=(date(2026, 1, 2), date(2026, 2, 20), date(2026, 2, 23)),
        makeup_workdays=(date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28)),
        named_holidays=(
            NamedHoliday(
                holiday=Holiday.NEW_YEARS_DAY, first_day=date(2026, 1, 1), last_day=date(2026, 1, 3)
            ),
            NamedHoliday(
                holiday=Holiday.SPRING_FESTIVAL,
                first_day=date(2026, 2, 15),
                last_day=date(2026, 2, 23),
            ),
        ),
        source="the State Council's holiday arrangement for 2026, "
        "as chinesecalendar 1.11.0 records it",
    )


def sales_team_year() -> TeamYear:
    """The East China sales team's 2025 under :func:`sales_team_awards`, with a pool of
    60,000 yuan: Li scored 92.5 (gross margin 1,200,000 against 1,000,000; customer K-01
    developed alone on 2025-04-10 with sales of 350,000, and K-02 developed with the
    manager); Wang and Zhao tied on 88 (Wang: 800,000 against 600,000, and K-03 developed
    alone with sales of 150,000; Zhao: 500,000 against 520,000); Chen scored 80 in his
    first year (gross margin 400,000, no year before; K-04 developed alone on 2025-06-15
    with sales of 420,000, and K-05 developed in 2024); Sun scored 55 (300,000 against
    290,000). The general manager signed Li's and Zhao's awards (GM-2026-007 and
    GM-2026-008, 2026-01-20), not yet Wang's; Li was paid on 2026-02-13, Chen on
    2026-02-14 and Zhao on 2026-02-27."""
    signed = {
        employee: (
            SignOff(approver="general_manager", reference=reference, signed_on=date(2026, 1, 20)),
        )
        for employee, reference in (("li", "GM-2026-007"), ("zhao", "GM-2026-008"))
    }
    return TeamYear(
        team="华东销售一组",
        year=2025,
        pool=Decimal(60000),
        members=(
            MemberYear(
                employee="li",
                measure=Decimal("92.5"),
                sign_offs=signed["li"],
                paid_on=date(2026, 2, 13),
                gross_margin=Decimal(1200000),
                prior_gross_margin=Decimal(1000000),
                customers=(
                    DevelopedCustomer(
                        customer="K-01",
                        developed_on=date(2025, 4, 10),
                        independently=True,
                        sales=Decimal(350000),
                    ),
                    DevelopedCustomer(
                        customer="K-02",
                        developed_on=date(2025, 8, 3),
                        independently=False,
                        sales=Decimal(500000),
                    ),
                ),
            ),
            MemberYear(
                employee="wang",
                measure=Decimal(88),
                gross_margin=Decimal(800000),
                prior_gross_margin=Decimal(600000),
                customers=(
                    DevelopedCustomer(
                        customer="K-03",
                        developed_on=date(2025, 9, 1),
                        independently=True,
                        sales=Decimal(150000),
                    ),
                ),
            ),
            MemberYear(
                employee="zhao",
                measure=Decimal(88),
                sign_offs=signed["zhao"],
                paid_on=date(2026, 2, 27),
                gross_margin=Decimal(500000),
                prior_gross_margin=Decimal(520000),
            ),
            MemberYear(
                employee="chen",
                measure=Decimal(80),
                paid_on=date(2026, 2, 14),
                gross_margin=Decimal(400000),
                customers=(
                    DevelopedCustomer(
                        customer="K-04",
                        developed_on=date(2025, 6, 15),
                        independently=True,
                        sales=Decimal(420000),
                    ),
                    DevelopedCustomer(
                        customer="K-05",
                        developed_on=date(2024, 11, 20),
                        independently=True,
                        sales=Decimal(260000),
                    ),
                ),
            ),
            MemberYear(
                employee="sun",
                measure=Decimal(55),
                gross_margin=Decimal(300000),
                prior_gross_margin=Decimal(290000),
            ),
        ),
    )


# --- KPI cards, quotas and rules over runs of periods (reports/cards.py) -------------------


def _steps(rows: Sequence[Sequence[int | str]], name: str) -> BandTable:
    """A lookup table of steps: each row [lower, upper, value] holds from its lower bound
    up to (not including) its upper bound; the last row [lower, value] is open above."""
    return BandTable.from_rows(rows, closed=Side.LOWER, semantics=Semantics.WHOLE, name=name)


def quarterly_kpi_card() -> KpiCard:
    """A salesperson's quarterly KPI card.

    Handbook rule, restated in both languages:
    「业绩考核表按季度（或年度）考核，指标包括销售额、利润、客户满意度、新客户数、
    销售增长率，各按权重计分，考核结果与奖金、晋升挂钩，低于标准的须制定改进计划。」 ("A KPI card
    with weighted indicators — sales, profit, customer satisfaction, new customers, growth of
    sales — assessed quarterly or yearly, feeding rewards (bonus, promotion) and an
    improvement plan.")

    Chosen (the rule gives no figures): weights sales 30 %, profit 25 %, satisfaction 15 %,
    new customers 15 %, growth 15 %. Sales, profit and new customers score by completion
    (actual ÷ target): under 60 % 0 points, from 60 % 60, from 80 % 80, from 100 % 100.
    A band table has a lowest bound, so the "under" bands start somewhere: sales and new
    customers from 0 % (they are never negative); profit from −1,000 % (a loss of up to ten
    times the profit target scores 0; a larger loss is refused as not covered, never read
    as 0, so that such a quarter is looked at). Satisfaction (a survey score) scores by its
    value: under 80 0, from 80 80, from 90 100 (scores from 0). Growth over the same quarter
    a year before: under 0 % 0 (from −100 %, which sales of 0 give, so every quarter with
    sales of 0 or more is covered), from 0 % 60, from 10 % 80, from 20 % 100. Bonus
    coefficient on the card score: under 60 0, from 60 0.6, from 80 1.0, from 90 1.2; an
    improvement plan under 70."""
    completion: list[list[int | str]] = [[0, 60, 0], [60, 80, 60], [80, 100, 80], [100, 100]]
    return KpiCard(
        card_id="quarterly-sales",
        assessed=PeriodKind.QUARTER,
        indicators=(
            Indicator(
                indicator_id="sales",
                zh_CN="销售额",
                en="sales",
                weight=Rate.parse("30%"),
                bands=_steps(completion, "sales completion"),
                clause="业绩考核表 第1项",
            ),
            Indicator(
                indicator_id="profit",
                zh_CN="利润",
                en="profit",
                weight=Rate.parse("25%"),
                bands=_steps([[-1000, 60, 0], *completion[1:]], "profit completion"),
                clause="业绩考核表 第2项",
            ),
            Indicator(
                indicator_id="satisfaction",
                zh_CN="客户满意度",
                en="customer satisfaction",
                weight=Rate.parse("15%"),
                bands=_steps([[0, 80, 0], [80, 90, 80], [90, 100]], "satisfaction"),
                measured=Measured.ACTUAL,
                clause="业绩考核表 第3项",
            ),
            Indicator(
                indicator_id="new_customers",
                zh_CN="新客户数",
                en="new customers",
                weight=Rate.parse("15%"),
                bands=_steps(completion, "new customers completion"),
                clause="业绩考核表 第4项",
            ),
            Indicator(
                indicator_id="growth",
                zh_CN="销售增长率",
                en="growth of sales",
                weight=Rate.parse("15%"),
                bands=_steps([[-100, 0, 0], [0, 10, 60], [10, 20, 80], [20, 100]], "growth"),
                measured=Measured.GROWTH,
                clause="业绩考核表 第5项",
            ),
        ),
        bonus_coefficient=_steps(
            [[0, 60, 0], [60, 80, "0.6"], [80, 90, "1.0"], [90, "1.2"]], "bonus coefficient"
        ),
        improvement_below=Decimal(70),
        clause="销售人员业绩考核办法",
    )


def visit_and_closing_quotas() -> QuotaPolicy:
    """Monthly targets for customers visited and customers closed, tied to pay.

    Handbook rule, restated in both languages:
    「每月拜访客户数、成交客户数须达到月度指标，与绩效工资和提成挂钩。」 ("Monthly
    targets for customers visited and customers closed, tied to pay and commission.")

    Chosen: 80 visits a month (the weekly quota of 20 visits, four weeks) and 5 customers
    closed. Visits set the performance-pay coefficient: under 80 % of target 0.8, from 80 %
    0.9, from 100 % 1.0. Customers closed set a coefficient on both performance pay and
    commission: under 60 % 0.8, from 60 % 0.9, from 100 % 1.0. Coefficients on one part
    multiply."""
    return QuotaPolicy(
        policy_id="monthly-quotas",
        quotas=(
            Quota(
                quota_id="visits",
                zh_CN="拜访客户数",
                en="customers visited",
                target=80,
                bands=_steps([[0, 80, "0.8"], [80, 100, "0.9"], [100, "1.0"]], "visits"),
                applies_to=(PayPart.PERFORMANCE_PAY,),
                clause="销售人员月度指标 第1条",
            ),
            Quota(
                quota_id="closed",
                zh_CN="成交客户数",
                en="customers closed",
                target=5,
                bands=_steps([[0, 60, "0.8"], [60, 100, "0.9"], [100, "1.0"]], "closed"),
                applies_to=(PayPart.PERFORMANCE_PAY, PayPart.COMMISSION),
                clause="销售人员月度指标 第2条",
            ),
        ),
        combine=Combine.PRODUCT,
        clause="销售人员月度指标",
    )


def promotion_and_demotion_rules() -> RunPolicy:
    """Promotion after consecutive months of plan completion and gross margin; demotion for
    low completion.

    Handbook rule, restated in both languages:
    「连续数月完成计划且毛利率达到标准者予以晋升；完成率低者予以降级。」
    ("Promotion after several consecutive months of plan completion and gross margin above a
    standard; demotion for low completion.")

    Chosen: three consecutive months of completion ≥ 100 % and gross margin ≥ 25 %
    (measures ``completion`` and ``margin``, in percent, named 计划完成率 / plan completion
    and 毛利率 / gross margin) → promotion, once per run; three consecutive months of
    completion under 60 % → demotion, at each full run of three (the two consequences
    differ, so a month completing both runs — impossible with these figures — would report
    both). Demotion for serious misconduct or a major loss caused is
    :func:`misconduct_demotion_rules`: the facts established by the employer, recorded per
    month."""
    return RunPolicy(
        name="promotion and demotion",
        rules=(
            RunRule(
                rule_id="promotion",
                when=(
                    Threshold(
                        measure="completion",
                        comparison=Comparison.AT_LEAST,
                        value=Decimal(100),
                        zh_CN="计划完成率",
                        en="plan completion",
                    ),
                    Threshold(
                        measure="margin",
                        comparison=Comparison.AT_LEAST,
                        value=Decimal(25),
                        zh_CN="毛利率",
                        en="gross margin",
                    ),
                ),
                periods=3,
                repeat=Repeat.ONCE_PER_RUN,
                consequence="promotion",
                zh_CN="晋升",
                en="promotion",
                clause="销售人员晋升办法 第1条",
            ),
            RunRule(
                rule_id="demotion",
                when=(
                    Threshold(
                        measure="completion",
                        comparison=Comparison.BELOW,
                        value=Decimal(60),
                        zh_CN="计划完成率",
                        en="plan completion",
                    ),
                ),
                periods=3,
                consequence="demotion",
                zh_CN="降级",
                en="demotion",
                clause="销售人员晋升办法 第2条",
            ),
        ),
    )


def misconduct_demotion_rules() -> RunPolicy:
    """Demotion for serious misconduct or a major loss caused.

    Handbook rule, restated in both languages:
    「严重违反公司规章制度或给公司造成重大损失者予以降级。」 ("Demotion for serious
    misconduct or a major loss caused to the company.")

    As data: whether there was misconduct, and whether a loss was major, are facts the
    employer establishes (an investigation, a record, the employee heard) — the library
    does not judge them. What it reads is their record: per month, ``serious_misconduct``
    (the number of serious breaches of the rules established in the month, named
    查实的严重违纪 / established serious misconduct) and ``major_loss`` (the number of major
    losses established as caused, 查实的重大损失 / established major losses). One month with
    either at 1 or more → demotion (a ``demotion_due`` finding, which says what a lawful
    demotion needs: rules adopted through the democratic procedure and made known for a
    demotion for misconduct). Misconduct is checked first: a month with both is one demotion
    (the same consequence counts once a period)."""
    return RunPolicy(
        name="demotion for misconduct or a major loss",
        rules=(
            RunRule(
                rule_id="serious_misconduct",
                when=(
                    Threshold(
                        measure="serious_misconduct",
                        zh_CN="查实的严重违纪",
                        en="established serious misconduct",
                        comparison=Comparison.AT_LEAST,
                        value=Decimal(1),
                    ),
                ),
                consequence="demotion",
                zh_CN="降级",
                en="demotion",
                clause="销售人员晋升办法 第3条",
            ),
            RunRule(
                rule_id="major_loss",
                when=(
                    Threshold(
                        measure="major_loss",
                        zh_CN="查实的重大损失",
                        en="established major losses",
                        comparison=Comparison.AT_LEAST,
                        value=Decimal(1),
                    ),
                ),
                consequence="demotion",
                zh_CN="降级",
                en="demotion",
                clause="销售人员晋升办法 第3条",
            ),
        ),
    )


# --- activity cadences (DOMAIN §5 "Activity deadlines and cadences") -----------------------


def project_revisit_cadences() -> CadencePolicy:
    """Project revisits by stage.

    Handbook: “处于初步设计阶段的项目至少每周回访一次，其他阶段至少每两周回访一次。”
    (“Projects in early design are revisited at least weekly, other stages at least every
    two weeks.”)

    As data: a ``visit`` at least every 7 days while a project is in ``early_design``, at
    least every 14 days while it is in any other stage but ``won``, ``lost`` and
    ``closed`` (chosen: "other stages" is every stage a project log may name, known or
    not, so a stage spelled otherwise still asks for visits; a project that is won, lost
    or closed asks for none). The clock starts the day a project enters these stages (a
    :class:`~hrpolicy.reports.cadence.Stage` record), restarts at each visit and carries
    across a change from one stage to another: moving from early design to tendering,
    the next visit is due two weeks after the last one, not after the change.
    """
    return CadencePolicy(
        policy_id="project-revisits",
        rules=(
            Every(
                rule_id="early-design-weekly",
                zh_CN="初步设计阶段每周至少回访一次",
                en="revisit at least weekly in early design",
                activity="visit",
                every=7,
                stages=("early_design",),
                clause="项目跟进制度 第1条",
            ),
            Every(
                rule_id="other-stages-fortnightly",
                zh_CN="其他阶段每两周至少回访一次",
                en="revisit at least every two weeks in other stages",
                activity="visit",
                every=14,
                except_stages=("early_design", "won", "lost", "closed"),
                clause="项目跟进制度 第1条",
            ),
        ),
        clause="项目跟进制度",
    )


def bid_documents_cadence() -> CadencePolicy:
    """Bid documents ahead of the bid.

    Handbook: “投标文件须在投标日前两天送达承包商。” (“Bid documents reach the
    contractor two days before the bid date.”)

    As data: a ``bid_documents`` delivery for the project on or before the day two
    calendar days before each ``bid`` (chosen: calendar days, as the handbook counts; a
    company counting working days sets ``unit="workdays"``).
    """
    return CadencePolicy(
        policy_id="bid-documents",
        rules=(
            Ahead(
                rule_id="bid-documents-two-days-ahead",
                zh_CN="投标文件提前两天送达承包商",
                en="bid documents with the contractor two days before the bid",
                before="bid",
                activity="bid_documents",
                lead=2,
                clause="投标管理制度",
            ),
        ),
    )


def after_sales_cadences() -> CadencePolicy:
    """After-sales service: the customer file and two follow-up calls.

    Handbook: “服务或咨询后两日内建立客户档案；第一次回访电话在服务后3天至一周内，第二次在
    此后一周内。” (“The customer file is created within two days of a service visit or
    consultation; the first follow-up call falls 3 days to a week after it, the second
    within the 7 days after that week.”)

    As data, counted in calendar days from each ``service`` activity (a service visit or a
    consultation: the log names both ``service``): a ``customer_file`` on days 0 to 2; a
    ``follow_up_call`` on days 3 to 7; another ``follow_up_call`` on days 8 to 14 (chosen:
    "the 7 days after that week" are the days after the seventh). The three rules read
    one call log: a call serves one of the two call rules, never both, so a single call
    on day 10 meets the second and leaves the first missing.
    """
    return CadencePolicy(
        policy_id="after-sales",
        rules=(
            Within(
                rule_id="customer-file",
                zh_CN="服务后两日内建立客户档案",
                en="customer file within two days of the service",
                after="service",
                activity="customer_file",
                latest=2,
                clause="售后服务制度",
            ),
            Within(
                rule_id="first-follow-up",
                zh_CN="服务后3天至一周内第一次回访电话",
                en="first follow-up call 3 days to a week after the service",
                after="service",
                activity="follow_up_call",
                earliest=3,
                latest=7,
                clause="售后服务制度",
            ),
            Within(
                rule_id="second-follow-up",
                zh_CN="此后一周内第二次回访电话",
                en="second follow-up call in the week after that",
                after="service",
                activity="follow_up_call",
                earliest=8,
                latest=14,
                clause="售后服务制度",
            ),
        ),
    )


def promotion_notice_cadences() -> CadencePolicy:
    """Telling customers of a promotion.

    Handbook: “促销活动提前两周电话通知客户，并在电话后两日内寄出促销函。” (“Customers
    hear of a promotion two weeks ahead by phone and get the letter within two days
    after.”)

    As data, per customer: a ``promotion_call`` on or before the day 14 days before the
    customer's ``promotion`` (the promotion's start, logged for each customer it is
    offered to); a ``promotion_letter`` within 2 days of the call (chosen: the two days
    are counted from the call, not from the promotion).
    """
    return CadencePolicy(
        policy_id="promotion-notice",
        rules=(
            Ahead(
                rule_id="promotion-call-two-weeks-ahead",
                zh_CN="促销提前两周电话通知客户",
                en="promotion call two weeks ahead",
                before="promotion",
                activity="promotion_call",
                lead=14,
            ),
            Within(
                rule_id="promotion-letter",
                zh_CN="电话后两日内寄出促销函",
                en="promotion letter within two days of the call",
                after="promotion_call",
                activity="promotion_letter",
                latest=2,
            ),
        ),
    )


def delivery_revisit_cadences() -> CadencePolicy:
    """Revisits after delivery.

    Handbook: “交货后按一个月、三个月的间隔回访。” (“Revisits at intervals after delivery:
    one month, three months.”)

    As data: a ``revisit`` from one month to two months after each ``delivery``, and
    another from three months to four months after it (chosen: the handbook gives no
    tolerance, so a revisit counts from its anniversary up to the next month's). A revisit
    serves one of the two rules: a single revisit at three and a half months meets the
    three-month rule and leaves the one-month revisit missing.
    """
    return CadencePolicy(
        policy_id="delivery-revisits",
        rules=(
            Within(
                rule_id="revisit-one-month",
                zh_CN="交货后一个月回访",
                en="revisit one month after delivery",
                after="delivery",
                activity="revisit",
                earliest=1,
                latest=2,
                unit=CadenceUnit.MONTHS,
            ),
            Within(
                rule_id="revisit-three-months",
                zh_CN="交货后三个月回访",
                en="revisit three months after delivery",
                after="delivery",
                activity="revisit",
                earliest=3,
                latest=4,
                unit=CadenceUnit.MONTHS,
            ),
        ),
    )


def score_sheet_cadence(subjects: tuple[str, ...] = ("sales-department",)) -> CadencePolicy:
    """Score sheets to HR.

    Handbook: “考核表于次月8日前报人力资源部。” (“Scores go to HR by the 8th of the next
    month.”)

    As data: each of ``subjects`` (who sends them; default the sales department) logs a
    ``score_sheet`` for each month (its ``period``) by the 8th of the next month, moved to
    the next workday when the 8th is a day off: the shared deadline rule
    ``DayOfNextMonth(day=8)`` (the same day :func:`~hrpolicy.reports.hr_due_date` gives for
    the monthly score).
    """
    return CadencePolicy(
        policy_id="score-sheets",
        rules=(
            ByNextMonth(
                rule_id="score-sheets-by-the-8th",
                zh_CN="考核表次月8日前报人力资源部",
                en="score sheets to HR by the 8th of the next month",
                activity="score_sheet",
                due=DayOfNextMonth(day=8),
                subjects=subjects,
                clause="销售人员考核办法",
            ),
        ),
    )


def mentoring_cadence() -> CadencePolicy:
    """A mentor's sessions with a new hire.

    Handbook: “师傅带新人寻找客户、电话沟通、上门洽谈，不少于5次。” (“A mentor takes a
    new hire through finding customers, calling and presenting at least 5 times.”)

    As data: at least 5 ``mentoring_session`` activities for the new hire within 3 months
    of the ``mentoring_start`` (chosen: the three months of a usual probation; the handbook
    names no window; a company reading "5 times each" writes three rules, one per kind).
    """
    return CadencePolicy(
        policy_id="mentoring",
        rules=(
            AtLeast(
                rule_id="five-sessions",
                zh_CN="师傅带教不少于5次",
                en="at least 5 mentoring sessions",
                after="mentoring_start",
                activity="mentoring_session",
                times=5,
                within=3,
                unit=CadenceUnit.MONTHS,
            ),
        ),
    )


def handbook_cadences() -> CadencePolicy:
    """Every cadence of the handbooks in one policy: :func:`project_revisit_cadences`,
    :func:`bid_documents_cadence`, :func:`after_sales_cadences`,
    :func:`promotion_notice_cadences`, :func:`delivery_revisit_cadences`,
    :func:`score_sheet_cadence` and :func:`mentoring_cadence`, in that order."""
    parts = (
        project_revisit_cadences(),
        bid_documents_cadence(),
        after_sales_cadences(),
        promotion_notice_cadences(),
        delivery_revisit_cadences(),
        score_sheet_cadence(),
        mentoring_cadence(),
    )
    return CadencePolicy(
        policy_id="handbook-cadences",
        rules=tuple(rule for part in parts for rule in part.rules),
        clause="销售管理手册",
    )


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
