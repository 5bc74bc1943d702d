"""Year-end awards: the policy's approval and pay-by rules are ones the engine applies,
payments are checked against the sign-offs and the award year, tied members under the
higher-rank reading earn equal awards, and loss-making years can be entered."""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from hrpolicy import InvalidValueError, PolicyDefinitionError
from hrpolicy.core import calendar_examples
from hrpolicy.core.approvals import AWARD, GENERAL_MANAGER, ON_CREDIT, ApprovalRule, Holds, SignOff
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.deadlines import DayOfNextMonth, Roll
from hrpolicy.core.money import Rate
from hrpolicy.core.workcal import ChineseStatutoryCalendar
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
    year_end_awards,
)
from hrpolicy.reports.examples import sales_team_awards, sales_team_year

CALENDAR = ChineseStatutoryCalendar()
PER_CUSTOMER = MajorCustomerAward(per_customer=Decimal(100))


def with_member(
    case: TeamYear,
    employee: str,
    *,
    sign_offs: tuple[SignOff, ...] | None = None,
    paid_on: date | None = None,
) -> TeamYear:
    def changed(m: MemberYear) -> MemberYear:
        if sign_offs is not None:
            m = attrs.evolve(m, sign_offs=sign_offs)
        if paid_on is not None:
            m = attrs.evolve(m, paid_on=paid_on)
        return m

    members = tuple(changed(m) if m.employee == employee else m for m in case.members)
    return attrs.evolve(case, members=members)


def one_customer_year(year: int, paid_on: date | None) -> TeamYear:
    customer = DevelopedCustomer(
        customer="K", developed_on=date(year, 3, 1), independently=True, sales=Decimal(1)
    )
    return TeamYear(
        team="T",
        year=year,
        members=(MemberYear(employee="a", customers=(customer,), paid_on=paid_on),),
    )


# --- the approval rules an award policy holds -----------------------------------------------


def test_an_award_policy_refuses_an_approval_rule_for_a_sale_on_credit_that_would_never_apply() -> (
    None
):
    rule = ApprovalRule(kind=ON_CREDIT, approvers=(GENERAL_MANAGER,), holds=Holds.AWARD)
    with pytest.raises(PolicyDefinitionError, match=r"approvals\[0\]\.kind: expected 'award'"):
        attrs.evolve(sales_team_awards(), approvals=(rule,))
    typo = ApprovalRule(kind="awrd", approvers=(GENERAL_MANAGER,), holds=Holds.AWARD)
    with pytest.raises(PolicyDefinitionError, match=r"approvals\[0\]\.kind.*got str 'awrd'"):
        AwardPolicy(policy_id="x", major_customers=PER_CUSTOMER, approvals=(typo,))


def test_an_award_rule_that_holds_back_a_commission_is_refused_it_can_only_hold_the_award() -> None:
    rule = ApprovalRule(
        kind=AWARD, approvers=(GENERAL_MANAGER,), holds=Holds.COMMISSION, above=Decimal(10000)
    )
    with pytest.raises(PolicyDefinitionError, match=r"approvals\[0\]\.holds: expected 'award'"):
        attrs.evolve(sales_team_awards(), approvals=(rule,))
    reported_only = attrs.evolve(rule, holds=Holds.NOTHING)
    assert attrs.evolve(sales_team_awards(), approvals=(reported_only,)).approvals == (
        reported_only,
    )


# --- pay-by: a pay day on a day off moves earlier (WPP 7) -----------------------------------


def test_awards_due_on_the_1st_of_the_next_month_must_roll_to_the_workday_before() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"pay_by\.roll: expected previous_workday"):
        AwardPolicy(policy_id="p", major_customers=PER_CUSTOMER, pay_by=DayOfNextMonth(day=1))
    with pytest.raises(PolicyDefinitionError, match=r"pay_by\.roll"):
        AwardPolicy(
            policy_id="p",
            major_customers=PER_CUSTOMER,
            pay_by=DayOfNextMonth(day=1, roll=Roll.NONE),
        )


def test_2024_awards_due_on_1_january_are_due_on_31_december_and_paid_2_january_two_days_late() -> (
    None
):
    policy = AwardPolicy(
        policy_id="p",
        major_customers=PER_CUSTOMER,
        pay_by=DayOfNextMonth(day=1, roll=Roll.PREVIOUS_WORKDAY),
    )
    result = year_end_awards(policy, one_customer_year(2024, date(2025, 1, 2)), calendar=CALENDAR)
    # 1 January 2025 is New Year's Day; the workday before is Tuesday 31 December 2024.
    # Paid on 2 January 2025: 31 December → 2 January is 2 days late.
    assert result.due_on == date(2024, 12, 31)
    assert result.member("a").paid_late is True
    (late,) = [f for f in result.findings if f.code == "paid_late"]
    assert late.param("days") == 2
    step = result.explanation.step("awards.pay_by")
    assert step.input_map["roll"] == "previous_workday"
    assert [c.id for c in step.citations] == ["WPP 7"]


def test_the_pay_by_step_of_the_spring_festival_rule_states_the_earlier_roll() -> None:
    result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=CALENDAR)
    assert result.explanation.step("awards.pay_by").input_map["roll"] == "previous_workday"


# --- payments against sign-offs ---------------------------------------------------------


def test_li_s_award_paid_six_weeks_before_the_general_manager_signed_it_is_a_violation() -> None:
    late_sign = SignOff(
        approver="general_manager", reference="GM-2026-007", signed_on=date(2026, 3, 30)
    )
    case = with_member(sales_team_year(), "li", sign_offs=(late_sign,))
    result = year_end_awards(sales_team_awards(), case, calendar=CALENDAR)
    # Li's 35,000 is above 10,000 and needs the GM; paid 2026-02-13, signed 2026-03-30.
    assert result.member("li").held == Decimal("0.00")
    (found,) = [f for f in result.findings if f.code == "paid_before_sign_off"]
    assert (found.subject, found.param("amount")) == ("li", Decimal("35000.00"))
    assert (found.param("paid_on"), found.param("signed_on")) == (
        date(2026, 2, 13),
        date(2026, 3, 30),
    )
    assert "before they were signed" in found.message("en")


def test_wang_s_held_20000_paid_anyway_without_the_general_manager_s_sign_off_is_a_violation() -> (
    None
):
    case = with_member(sales_team_year(), "wang", paid_on=date(2026, 2, 13))
    result = year_end_awards(sales_team_awards(), case, calendar=CALENDAR)
    assert result.member("wang").held == Decimal("20000.00")
    (found,) = [f for f in result.findings if f.code == "paid_before_sign_off"]
    assert found.subject == "wang"
    assert found.param("approver") == GENERAL_MANAGER.title
    assert found.param("signed_on").en == "not signed"  # type: ignore[union-attr]


def test_the_example_team_s_sign_offs_all_come_before_the_payments() -> None:
    result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=CALENDAR)
    assert not result.explanation.has("paid_before_sign_off")


# --- payment days the engine cannot judge -------------------------------------------------


def test_a_payment_day_for_sun_who_earned_nothing_is_refused() -> None:
    case = with_member(sales_team_year(), "sun", paid_on=date(2026, 5, 1))
    with pytest.raises(InvalidValueError, match=r"MemberYear\(sun\)\.paid_on: expected no payment"):
        year_end_awards(sales_team_awards(), case, calendar=CALENDAR)


def test_a_2025_award_paid_on_1_january_2020_is_refused_as_before_the_award_year() -> None:
    case = with_member(sales_team_year(), "li", paid_on=date(2020, 1, 1))
    with pytest.raises(InvalidValueError, match=r"MemberYear\(li\)\.paid_on: expected a day on"):
        year_end_awards(sales_team_awards(), case, calendar=CALENDAR)


def test_a_2025_award_paid_on_20_december_2025_is_flagged_as_paid_before_the_year_ended() -> None:
    case = with_member(sales_team_year(), "li", paid_on=date(2025, 12, 20))
    result = year_end_awards(sales_team_awards(), case, calendar=CALENDAR)
    (found,) = [f for f in result.findings if f.code == "paid_before_year_end"]
    assert (found.subject, found.param("year"), found.param("paid_on")) == (
        "li",
        2025,
        date(2025, 12, 20),
    )


# --- ties taking the higher rank ------------------------------------------------------------


def test_two_tied_firsts_of_a_33333_33_pool_taking_the_higher_rank_each_earn_16666_67() -> None:
    award = RankAward(
        shares=(Rate.parse("50%"), Rate.parse("30%"), Rate.parse("20%")), ties=Ties.HIGHER
    )
    case = TeamYear(
        team="T",
        year=2025,
        pool=Decimal("33333.33"),
        members=tuple(
            MemberYear(employee=e, measure=Decimal(m))
            for e, m in (("li", 90), ("wang", 90), ("zhao", 80))
        ),
    )
    result = year_end_awards(AwardPolicy(policy_id="p", ranking=award), case)
    # Rank 1: 50 % × 33,333.33 = 16,666.665 → 16,666.67 for each of Li and Wang.
    # Rank 3: 20 % × 33,333.33 = 6,666.666 → 6,666.67 for Zhao.
    # Pool left: 33,333.33 − (2 × 16,666.67 + 6,666.67) = 33,333.33 − 40,000.01 = −6,666.68.
    assert [(m.employee, m.rank, m.ranking) for m in result.members] == [
        ("li", 1, Decimal("16666.67")),
        ("wang", 1, Decimal("16666.67")),
        ("zhao", 3, Decimal("6666.67")),
    ]
    assert result.pool_left == Decimal("-6666.68")
    (over,) = [f for f in result.findings if f.code == "pool_exceeded"]
    assert over.param("over") == Decimal("6666.68")


# --- gross margins of a loss-making year ------------------------------------------------------


def loss_to_profit() -> TeamYear:
    return TeamYear(
        team="T",
        year=2025,
        members=(
            MemberYear(
                employee="li",
                gross_margin=Decimal(100000),
                prior_gross_margin=Decimal(-50000),
            ),
        ),
    )


def test_growth_from_a_50000_yuan_loss_to_a_100000_margin_earns_the_150000_band_s_3000() -> None:
    table = BandTable.from_rows(
        [[0, 100000, 1000], [100000, 3000]], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    growth = GrowthAward(basis=GrowthBasis.AMOUNT, pays=GrowthPays.AWARD, table=table)
    result = year_end_awards(AwardPolicy(policy_id="g", growth=growth), loss_to_profit())
    # 100,000 − (−50,000) = 150,000 of growth, in the band from 100,000: 3,000.
    assert result.member("li").growth == Decimal("3000.00")


def test_no_growth_rate_can_be_taken_over_a_prior_loss_and_it_is_said() -> None:
    table = BandTable.from_rows(
        [[0, "0.1", 0], ["0.1", 2000]], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    growth = GrowthAward(basis=GrowthBasis.RATE, pays=GrowthPays.AWARD, table=table)
    result = year_end_awards(AwardPolicy(policy_id="g", growth=growth), loss_to_profit())
    assert result.member("li").growth == Decimal("0.00")
    (found,) = [f for f in result.findings if f.code == "no_growth_base"]
    assert found.param("prior") == Decimal("-50000")


# --- what the examples and the docs claim -------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_award_example_restates_the_handbook_and_lists_the_10000_yuan_threshold_as_chosen() -> (
    None
):
    doc = inspect.getdoc(sales_team_awards) or ""
    assert "restated" in doc
    assert "as the handbook writes" not in doc
    assert "奖金超过一万元" not in doc  # no threshold put in the handbook's mouth
    rule, chosen = doc.split("Chosen", 1)
    assert "10,000" in chosen
    assert "10,000" not in rule
    assert '"年终奖' not in doc


def test_the_calendar_examples_restate_the_handbook_rather_than_quote_it() -> None:
    assert "quoting" not in (calendar_examples.__doc__ or "")
    for rule in (calendar_examples.year_end_bonus_paid_by, calendar_examples.score_sheets_due):
        doc = inspect.getdoc(rule) or ""
        assert doc.startswith("Handbook rule, restated")
        assert "Chosen:" in doc
        assert '"' not in doc.split("Chosen:")[0]


def test_the_awards_docs_claim_findings_only_for_what_has_one() -> None:
    text = (DOCS / "reports.md").read_text(encoding="utf-8")
    assert "Every one of these is a" not in text
    result = year_end_awards(sales_team_awards(), sales_team_year(), calendar=CALENDAR)
    ranking_codes = {f.code for f in result.findings if f.code in ("not_ranked", "rank_tie")}
    assert ranking_codes == {"not_ranked", "rank_tie"}
    assert not [f for f in result.findings if f.subject in ("li", "chen") and "rank" in f.code]
