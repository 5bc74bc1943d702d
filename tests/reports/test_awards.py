"""Year-end team awards: worked examples, each figure computed by hand in a comment."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError, NotCoveredError, PolicyDefinitionError
from hrpolicy.core.approvals import AWARD, GENERAL_MANAGER, ApprovalRule, Holds, SignOff
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.deadlines import BeforeHoliday
from hrpolicy.core.engines import engine
from hrpolicy.core.money import Rate
from hrpolicy.core.workcal import ChineseStatutoryCalendar, Holiday, holiday_of
from hrpolicy.reports.awards import (
    AWARD_RESULT_TABLES,
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
    YearEndAwards,
    year_end_awards,
)
from hrpolicy.reports.examples import awards_calendar_2026, sales_team_awards, sales_team_year

CALENDAR = ChineseStatutoryCalendar()
TOP_THREE = (Rate.parse("50%"), Rate.parse("30%"), Rate.parse("20%"))


def ranking_only(award: RankAward) -> AwardPolicy:
    return AwardPolicy(policy_id="ranking", ranking=award)


def team(scores: dict[str, str | int], pool: int | None = None) -> TeamYear:
    return TeamYear(
        team="T",
        year=2025,
        pool=None if pool is None else Decimal(pool),
        members=tuple(MemberYear(employee=e, measure=Decimal(s)) for e, s in scores.items()),
    )


def margins(this: int, prior: int | None) -> TeamYear:
    return TeamYear(
        team="T",
        year=2025,
        members=(
            MemberYear(
                employee="li",
                gross_margin=Decimal(this),
                prior_gross_margin=None if prior is None else Decimal(prior),
            ),
        ),
    )


def awards_of(result: YearEndAwards) -> dict[str, Decimal]:
    return {m.employee: m.total for m in result.members}


# --- the handbook's example -----------------------------------------------------------------


def test_the_east_china_team_s_2025_awards_are_35000_20000_15000_3000_and_nothing_for_sun() -> None:
    result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=CALENDAR)
    # Li: rank 1 = 50 % × 60,000 = 30,000; growth (1.2m − 1m) ÷ 1m = 20 % → 2,000;
    #     K-01 developed alone, 350,000 ≥ 200,000 → 3,000 (K-02 not alone): 35,000.
    # Wang and Zhao tie on 88 for ranks 2 and 3: (30 % + 20 %) × 60,000 ÷ 2 = 15,000 each;
    #     Wang's growth 200,000 ÷ 600,000 = 33.3 % → 5,000 (K-03 below 200,000): 20,000;
    #     Zhao's margin fell: 15,000.
    # Chen: rank 4 earns nothing; no year before; K-04 → 3,000 (K-05 was 2024): 3,000.
    # Sun: 55 is below 60, not ranked; growth 10,000 ÷ 290,000 = 3.4 % → 0: nothing.
    assert awards_of(result) == {
        "li": Decimal("35000.00"),
        "wang": Decimal("20000.00"),
        "zhao": Decimal("15000.00"),
        "chen": Decimal("3000.00"),
        "sun": Decimal("0.00"),
    }
    assert [m.rank for m in result.members] == [1, 2, 2, 4, None]
    assert result.pool_left == Decimal("0.00")
    assert result.total == Decimal("73000.00")
    assert set(result.explanation.codes()) >= {
        "not_ranked",
        "rank_tie",
        "customer_not_independent",
        "customer_not_major",
        "customer_other_year",
        "no_growth",
        "no_prior_year",
    }


def test_wang_s_20000_yuan_award_is_held_until_the_general_manager_signs_it() -> None:
    result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=CALENDAR)
    wang = result.member("wang")
    assert (wang.held, wang.payable) == (Decimal("20000.00"), Decimal("0.00"))
    # Chen's 3,000 is not above the 10,000 the rule starts at: nothing to sign.
    assert result.member("chen").held == Decimal("0.00")
    (missing,) = [f for f in result.findings if f.code == "approval_missing_held"]
    assert missing.param("approver").en == "general manager"  # type: ignore[union-attr]
    assert missing.param("at_stake") == Decimal("20000.00")
    signed = SignOff(
        approver="general_manager", reference="GM-2026-011", signed_on=date(2026, 1, 22)
    )
    case = sales_team_year()
    members = tuple(
        attrs.evolve(m, sign_offs=(signed,)) if m.employee == "wang" else m for m in case.members
    )
    after = year_end_awards(
        sales_team_awards(), attrs.evolve(case, members=members), calendar=CALENDAR
    )
    assert after.member("wang").payable == Decimal("20000.00")


# --- ranking --------------------------------------------------------------------------------


def test_three_tied_firsts_share_a_10000_pool_and_the_odd_fen_goes_to_the_first_by_name() -> None:
    award = RankAward(shares=TOP_THREE)
    result = year_end_awards(ranking_only(award), team({"wang": 90, "li": 90, "chen": 90}, 10000))
    # 10,000 ÷ 3 = 3,333.333…: three floors of 3,333.33 leave one fen, which goes to the
    # largest remainder — all equal, so to the first in rank then name order: chen.
    assert awards_of(result) == {
        "wang": Decimal("3333.33"),
        "li": Decimal("3333.33"),
        "chen": Decimal("3333.34"),
    }
    assert result.pool_left == Decimal("0.00")


def test_ties_taking_the_higher_rank_give_two_firsts_30000_each_and_exceed_the_pool_by_12000() -> (
    None
):
    award = RankAward(shares=TOP_THREE, ties=Ties.HIGHER)
    result = year_end_awards(ranking_only(award), team({"li": 95, "wang": 95, "zhao": 80}, 60000))
    # li and wang both take rank 1: 50 % × 60,000 = 30,000 each; zhao takes rank 3:
    # 20 % × 60,000 = 12,000. Awarded 72,000 of a 60,000 pool: 12,000 over.
    assert awards_of(result) == {
        "li": Decimal("30000.00"),
        "wang": Decimal("30000.00"),
        "zhao": Decimal("12000.00"),
    }
    assert [m.rank for m in result.members] == [1, 1, 3]
    assert result.pool_left == Decimal("-12000.00")
    (over,) = [f for f in result.findings if f.code == "pool_exceeded"]
    assert over.param("over") == Decimal("12000.00")


def test_two_members_tied_second_share_the_fixed_6000_and_3000_as_4500_each() -> None:
    award = RankAward(amounts=(Decimal(10000), Decimal(6000), Decimal(3000)))
    result = year_end_awards(
        ranking_only(award), team({"li": 99, "wang": 90, "zhao": 90, "sun": 70})
    )
    # li: 10,000; wang and zhao: (6,000 + 3,000) ÷ 2 = 4,500; sun: rank 4, nothing.
    assert awards_of(result) == {
        "li": Decimal("10000.00"),
        "wang": Decimal("4500.00"),
        "zhao": Decimal("4500.00"),
        "sun": Decimal("0.00"),
    }
    assert result.pool_left is None


def test_a_team_of_two_leaves_the_third_rank_s_12000_of_the_pool_unawarded() -> None:
    result = year_end_awards(
        ranking_only(RankAward(shares=TOP_THREE)), team({"li": 90, "wang": 85}, 60000)
    )
    # 30,000 + 18,000 awarded; 20 % × 60,000 = 12,000 left.
    assert awards_of(result) == {"li": Decimal("30000.00"), "wang": Decimal("18000.00")}
    assert result.pool_left == Decimal("12000.00")
    assert result.explanation.has("pool_left")


# --- growth ---------------------------------------------------------------------------------


def test_a_250000_yuan_growth_paid_5_percent_up_to_100000_and_8_percent_above_earns_17000() -> None:
    table = BandTable.from_rows(
        [[0, 100000, "5%"], [100000, "8%"]], closed=Side.UPPER, semantics=Semantics.MARGINAL
    )
    growth = GrowthAward(basis=GrowthBasis.AMOUNT, pays=GrowthPays.SHARE, table=table)
    result = year_end_awards(AwardPolicy(policy_id="g", growth=growth), margins(1250000, 1000000))
    # 100,000 × 5 % + 150,000 × 8 % = 5,000 + 12,000 = 17,000.
    assert result.member("li").growth == Decimal("17000.00")


def test_a_30_percent_growth_paid_3_percent_of_the_300000_growth_earns_9000() -> None:
    table = BandTable.from_rows(
        [[0, "0.2", "2%"], ["0.2", "3%"]], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    growth = GrowthAward(basis=GrowthBasis.RATE, pays=GrowthPays.SHARE, table=table)
    result = year_end_awards(AwardPolicy(policy_id="g", growth=growth), margins(1300000, 1000000))
    # (1,300,000 − 1,000,000) ÷ 1,000,000 = 30 % → 3 % × 300,000 = 9,000.
    assert result.member("li").growth == Decimal("9000.00")


def test_no_growth_rate_can_be_taken_over_a_prior_margin_of_zero_and_it_is_said() -> None:
    result = year_end_awards(sales_team_awards_growth_only(), margins(300000, 0))
    assert result.member("li").growth == Decimal("0.00")
    assert result.explanation.has("no_growth_base")


def test_a_growth_the_award_table_does_not_cover_is_refused_not_paid_as_zero() -> None:
    table = BandTable.from_rows([[0, "0.5", 1000]], closed=Side.LOWER, semantics=Semantics.WHOLE)
    growth = GrowthAward(basis=GrowthBasis.RATE, pays=GrowthPays.AWARD, table=table)
    with pytest.raises(NotCoveredError, match=r"\[0, 0.5\)"):
        year_end_awards(AwardPolicy(policy_id="g", growth=growth), margins(2000000, 1000000))


def sales_team_awards_growth_only() -> AwardPolicy:
    policy = sales_team_awards()
    return AwardPolicy(policy_id="growth", growth=policy.growth)


# --- major customers ------------------------------------------------------------------------


def test_two_major_customers_developed_alone_in_the_year_earn_6000() -> None:
    award = MajorCustomerAward(per_customer=Decimal(3000), minimum_sales=Decimal(200000))
    customers = (
        DevelopedCustomer(
            customer="A", developed_on=date(2025, 1, 1), independently=True, sales=Decimal(200000)
        ),
        DevelopedCustomer(
            customer="B", developed_on=date(2025, 12, 31), independently=True, sales=Decimal(900000)
        ),
        DevelopedCustomer(
            customer="C", developed_on=date(2026, 1, 1), independently=True, sales=Decimal(900000)
        ),
    )
    case = TeamYear(team="T", year=2025, members=(MemberYear(employee="li", customers=customers),))
    result = year_end_awards(AwardPolicy(policy_id="c", major_customers=award), case)
    # A (exactly 200,000) and B count; C was developed in 2026: 2 × 3,000 = 6,000.
    assert (result.member("li").customers, result.member("li").major_customers) == (
        Decimal("6000.00"),
        2,
    )


# --- bad input ------------------------------------------------------------------------------


def test_ranking_shares_without_a_pool_are_refused_naming_the_pool() -> None:
    with pytest.raises(InvalidValueError, match=r"TeamYear\(T 2025\)\.pool: expected the pool"):
        year_end_awards(ranking_only(RankAward(shares=TOP_THREE)), team({"li": 90}))


def test_a_member_without_a_ranking_measure_is_refused() -> None:
    case = TeamYear(team="T", year=2025, pool=Decimal(1000), members=(MemberYear(employee="li"),))
    with pytest.raises(InvalidValueError, match=r"MemberYear\(li\)\.measure"):
        year_end_awards(ranking_only(RankAward(shares=TOP_THREE)), case)


def test_a_growth_award_without_the_year_s_gross_margin_is_refused() -> None:
    case = TeamYear(team="T", year=2025, members=(MemberYear(employee="li"),))
    with pytest.raises(InvalidValueError, match=r"MemberYear\(li\)\.gross_margin"):
        year_end_awards(sales_team_awards_growth_only(), case)


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"shares": ("50%", "30%")}, r"RankAward\.shares: expected shares adding up to 100%"),
        ({"shares": ("30%", "70%")}, r"RankAward\.shares\[1\]: expected no more than rank 1"),
        ({"amounts": (1000, 0)}, r"RankAward\.amounts\[1\]: expected an award above 0"),
        ({"shares": ("100%",), "amounts": (1000,)}, r"RankAward: expected either shares"),
        ({}, r"RankAward: expected either shares"),
        ({"shares": ("100%",), "ties": "lowest"}, r"RankAward\.ties: expected one of"),
    ],
)
def test_a_ranking_award_that_cannot_be_applied_is_refused(
    fields: dict[str, object], path: str
) -> None:
    with pytest.raises(PolicyDefinitionError, match=path):
        RankAward(**fields)  # type: ignore[arg-type]


def test_a_growth_award_table_read_as_a_lookup_must_read_one_band() -> None:
    table = BandTable.from_rows([[0, 1000]], closed=Side.LOWER, semantics=Semantics.MARGINAL)
    with pytest.raises(PolicyDefinitionError, match=r"GrowthAward\.table\.semantics"):
        GrowthAward(basis=GrowthBasis.RATE, pays=GrowthPays.AWARD, table=table)


def test_a_growth_award_in_yuan_finer_than_a_fen_is_refused() -> None:
    table = BandTable.from_rows([[0, "1000.005"]], closed=Side.LOWER, semantics=Semantics.WHOLE)
    with pytest.raises(PolicyDefinitionError, match=r"bands\[0\]\.value: expected an award"):
        GrowthAward(basis=GrowthBasis.AMOUNT, pays=GrowthPays.AWARD, table=table)


def test_a_float_pool_and_a_member_named_twice_are_refused() -> None:
    with pytest.raises(InvalidTypeError, match=r"TeamYear\.pool"):
        TeamYear(
            team="T",
            year=2025,
            pool=60000.0,  # type: ignore[arg-type]
            members=(MemberYear(employee="li"),),
        )
    with pytest.raises(InvalidValueError, match=r"members\[1\]: expected a unique employee"):
        TeamYear(
            team="T", year=2025, members=(MemberYear(employee="li"), MemberYear(employee="li"))
        )


def test_a_policy_with_no_award_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="at least one award"):
        AwardPolicy(policy_id="empty")


# --- tables and data ------------------------------------------------------------------------


def test_the_members_table_gives_each_member_s_rank_awards_and_what_is_held() -> None:
    result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=CALENDAR)
    rows = {r["employee"]: r for r in result.to_records("members")}
    assert rows["wang"]["rank"] == 2
    assert rows["wang"]["ranking"] == Decimal("15000.00")
    assert rows["wang"]["held"] == Decimal("20000.00")
    assert rows["sun"]["rank"] is None
    (totals,) = result.to_records("totals")
    assert (totals["pool"], totals["total"], totals["held"]) == (
        Decimal(60000),
        Decimal("73000.00"),
        Decimal("20000.00"),
    )
    names = [schema.name for schema in AWARD_RESULT_TABLES[YearEndAwards]]
    assert list(result.tables()) == names


def test_the_policy_and_the_case_read_back_from_plain_data_give_the_same_awards() -> None:
    policy, case = sales_team_awards(), sales_team_year()
    policy_back = from_dict(to_dict(policy), AwardPolicy)
    case_back = from_dict(to_dict(case), TeamYear)
    assert (policy_back, case_back) == (policy, case)
    assert awards_of(year_end_awards(policy_back, case_back, calendar=CALENDAR)) == awards_of(
        year_end_awards(policy, case, calendar=CALENDAR)
    )


def test_the_award_rule_is_the_approvals_mechanism_s_award_fact() -> None:
    (rule,) = sales_team_awards().approvals
    assert rule == ApprovalRule(
        kind=AWARD,
        approvers=(GENERAL_MANAGER,),
        above=Decimal(10000),
        holds=Holds.AWARD,
        reference="年终奖励办法 第5条",
    )


# --- paid before the Lunar New Year ---------------------------------------------------------


def test_zhao_s_15000_paid_on_27_february_2026_is_13_days_after_the_due_workday() -> None:
    result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=CALENDAR)
    # The 2026 Spring Festival holiday runs 15-23 February; Saturday 14 February is a
    # make-up workday, so it is the last workday before the holiday: the due day.
    # Zhao was paid on 27 February: 27 − 14 = 13 days late. Li (13 February) and Chen
    # (14 February) were paid in time; Wang's payment is not recorded; Sun has no award.
    assert result.due_on == date(2026, 2, 14)
    assert {m.employee: m.paid_late for m in result.members} == {
        "li": False,
        "wang": None,
        "zhao": True,
        "chen": False,
        "sun": None,
    }
    (late,) = [f for f in result.findings if f.code == "paid_late"]
    assert (late.param("amount"), late.param("due"), late.param("days")) == (
        Decimal("15000.00"),
        date(2026, 2, 14),
        13,
    )
    assert [c.id for c in late.citations] == ["LCL 30", "WPP 7"]
    step = result.explanation.step("awards.pay_by")
    assert step.input_map["holiday_first_day"] == date(2026, 2, 15)
    assert "Spring Festival" in late.message("en")


def test_due_two_workdays_before_the_holiday_chen_s_payment_on_the_14th_is_one_day_late() -> None:
    policy = attrs.evolve(
        sales_team_awards(),
        pay_by=BeforeHoliday(holiday=Holiday.SPRING_FESTIVAL, workdays_before=2),
    )
    result = year_end_awards(policy, sales_team_year(), calendar=CALENDAR)
    # Two workdays before 15 February: Saturday 14th, then Friday 13th.
    assert result.due_on == date(2026, 2, 13)
    assert result.member("chen").paid_late is True
    assert result.member("li").paid_late is False
    (chen,) = [f for f in result.findings if f.code == "paid_late" and f.subject == "chen"]
    assert chen.param("days") == 1


def test_a_pay_by_rule_needs_a_calendar_and_payment_days_need_a_pay_by_rule() -> None:
    with pytest.raises(InvalidValueError, match="calendar: expected the work calendar"):
        year_end_awards(sales_team_awards(), sales_team_year())
    no_rule = attrs.evolve(sales_team_awards(), pay_by=None)
    with pytest.raises(InvalidValueError, match=r"MemberYear\(li\)\.paid_on: expected no payment"):
        year_end_awards(no_rule, sales_team_year())
    with pytest.raises(InvalidValueError, match="calendar: expected no calendar"):
        year_end_awards(no_rule, margins(100, 50), calendar=CALENDAR)


def test_the_awards_example_calendar_agrees_day_by_day_with_the_statutory_data() -> None:
    pytest.importorskip("chinese_calendar")
    written, statutory = awards_calendar_2026(), ChineseStatutoryCalendar()
    day = date(2026, 1, 1)
    while day <= date(2026, 3, 31):
        assert written.day_kind(day) == statutory.day_kind(day), day
        assert holiday_of(written, day) == holiday_of(statutory, day), day
        day += timedelta(days=1)


def test_the_awards_engines_example_runs_without_the_calendar_extra_and_is_due_on_14_february() -> (
    None
):
    awards = engine("awards")
    result = awards.run(awards.example_case())
    # The 2026 Spring Festival days off run 15-23 February; Saturday the 14th is worked.
    assert str(result.due_on) == "2026-02-14"
    assert str(result.total) == "73000.00"
