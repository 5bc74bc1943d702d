"""What the charges engine cites and says: one source for a rule's articles, the article
each finding rests on, and the words a lawyer reads — checked clause by clause, with the
part-time hourly minimum worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hrpolicy.charges import (
    CATALOG,
    CLAUSE_RULES,
    ChargePolicy,
    Fine,
    FineRule,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    NonCompetePay,
    PayPeriod,
    PerItemCharge,
    Relationship,
    Role,
    Taking,
    Trigger,
)
from hrpolicy.charges.examples import part_time_lost_materials_case
from tests.charges.helpers import case


def _part_time_period(
    wage: str, hours: str | None = "40", minimum: str | None = "25.30"
) -> PayPeriod:
    return PayPeriod(
        start=date(2026, 3, 1),
        end=date(2026, 3, 15),
        wage=Decimal(wage),
        hours=None if hours is None else Decimal(hours),
        hourly_minimum_wage=None if minimum is None else Decimal(minimum),
    )


def _part_timer(*periods: PayPeriod) -> list[str]:
    settled = case(
        relationship=Relationship.PART_TIME,
        pay_periods=periods,
        worker_changes={"weekly_hours": Decimal(20)},
    ).settle()
    return [f.code for f in settled.findings]


# --- one source for a rule's articles --------------------------------------------------------


@pytest.mark.parametrize("key", [k for k, rule in CLAUSE_RULES.items() if rule.finding], ids=str)
def test_a_clause_rule_that_reports_a_finding_cites_exactly_what_the_finding_cites(
    key: tuple[str, bool, str],
) -> None:
    rule = CLAUSE_RULES[key]
    assert rule.finding is not None
    assert rule.citations == CATALOG[rule.finding].citations


def test_a_non_compete_over_24_months_cites_lcl_24_and_23_2_in_its_verdict_and_its_finding() -> (
    None
):
    clause = NonCompete(
        ref="9", penalty=Decimal(10000), months=30, monthly_compensation=Decimal(3000)
    )
    settled = case(clause, worker_changes={"role": Role.SENIOR_TECHNICAL}).settle()
    (finding,) = [f for f in settled.findings if f.code == "non_compete_too_long"]
    assert settled.clause("9").articles == ("LCL 24", "LCL 23(2)")
    assert tuple(c.id for c in finding.citations) == ("LCL 24", "LCL 23(2)")


def test_the_rule_table_cannot_be_changed_by_a_caller() -> None:
    with pytest.raises(TypeError):
        CLAUSE_RULES[("fine", True, "")] = CLAUSE_RULES[("fine", False, "")]  # type: ignore[index]


def test_the_non_compete_compensation_cites_the_30_percent_default_and_its_minimum_wage_floor() -> (
    None
):
    # SPC-I 36(1): 30 % of the average wage; SPC-I 36(2): not below the minimum wage.
    # Average 5,000: 30 % = 1,500 < minimum 2,690, so 2,690 a month; one month has run
    # (left 31 January, settled 28 February) and nothing is paid.
    clause = NonCompete(ref="9", penalty=Decimal(10000), months=12)
    settled = case(
        clause,
        worker_changes={"role": Role.SENIOR_TECHNICAL, "left_on": date(2026, 1, 31)},
        pay_periods=(),
        as_of=date(2026, 2, 28),
        non_compete=NonCompetePay(
            average_monthly_wage=Decimal(5000),
            minimum_wage=Decimal(2690),
            payments=(),
        ),
    ).settle()
    step = settled.explanation.step("non_compete.compensation")
    assert step.input_map["monthly"] == Decimal("2690.00")
    assert {"SPC-I 36(1)", "SPC-I 36(2)"} <= {c.id for c in step.citations}
    (unpaid,) = [f for f in settled.findings if f.code == "non_compete_compensation_unpaid"]
    assert unpaid.param("unpaid") == Decimal("2690.00")
    assert {"SPC-I 36(1)", "SPC-I 36(2)"} <= {c.id for c in unpaid.citations}


# --- the relationship -------------------------------------------------------------------------


def test_labour_service_with_no_student_or_pension_cites_lcl_7_and_the_two_exceptions() -> None:
    # LCL 7: a labour relationship arises from the day the labour is used; the exceptions
    # that make it labour service are MOL-309 12 (a student) and SPC-I 32(1) (a pensioner).
    settled = case(
        relationship=Relationship.LABOUR_SERVICE, worker_changes={"enrolled_student": False}
    ).settle()
    (finding,) = [f for f in settled.findings if f.code == "labour_service_unsupported"]
    cited = [c.id for c in finding.citations]
    assert cited[:3] == ["LCL 7", "MOL-309 12", "SPC-I 32(1)"]
    assert "LCL 68" not in cited


def test_a_student_under_a_labour_contract_is_told_of_work_in_spare_time_while_studying() -> None:
    # MOL-309 Art. 12: 在校生利用业余时间勤工助学 — in spare time, not "in term time".
    settled = case(worker_changes={"enrolled_student": True}).settle()
    (finding,) = [f for f in settled.findings if f.code == "student_in_labour_relationship"]
    assert "spare time while studying" in finding.message("en")
    assert "term time" not in finding.message("en")
    assert "利用业余时间勤工助学" in finding.message("zh_CN")


# --- the wording of clauses and takings -------------------------------------------------------


def test_a_contested_fine_is_said_to_stand_by_the_option_chosen_not_as_a_valid_penalty() -> None:
    fine = Fine(ref="F", amount=Decimal(200), trigger=Trigger.RULE_BREACH, in_democratic_rules=True)
    settled = case(fine, policy=ChargePolicy(fines=FineRule.CONTESTED_IN_DEMOCRATIC_RULES)).settle()
    (finding,) = [f for f in settled.findings if f.code == "fine_contested"]
    assert "stands by the option chosen (contested)" in finding.message("en")
    assert "按所选选项视为有效（有争议）" in finding.message("zh_CN")
    assert "视为有效的违约责任" not in finding.message("zh_CN")


def test_loss_compensation_under_a_labour_contract_is_capped_by_month_and_monthly_minimum() -> None:
    settled = case(LossCompensation(ref="L", trigger=Trigger.LOST_OR_DAMAGED)).settle()
    (finding,) = [f for f in settled.findings if f.code == "loss_compensation_limited"]
    assert "每月不得超过当月工资的20%" in finding.message("zh_CN")
    assert "a month's wage" in finding.message("en")


def test_loss_compensation_for_a_part_timer_is_capped_by_pay_period_and_hours_at_the_minimum() -> (
    None
):
    settled = part_time_lost_materials_case().settle()
    (finding,) = [f for f in settled.findings if f.code.startswith("loss_compensation_limited")]
    assert finding.code == "loss_compensation_limited_part_time"
    zh = finding.message("zh_CN")
    assert "每个计薪周期不得超过本期工资的20%" in zh
    assert "本期工作小时数乘以当地小时最低工资标准" in zh
    assert "每月" not in zh
    assert "当月" not in zh


def test_a_wage_deduction_under_a_void_clause_is_called_a_deduction_in_chinese() -> None:
    # The part-timer's 60 yuan (2 × 30 a set) was deducted from her wages: 扣款, not 收取.
    settled = part_time_lost_materials_case().settle()
    (finding,) = [f for f in settled.findings if f.code == "wage_deduction_unlawful"]
    assert finding.message("zh_CN").startswith("扣款T-SETS：")


def test_a_sum_paid_under_a_void_clause_is_called_a_payment_in_chinese() -> None:
    charge = PerItemCharge(ref="P", amount=Decimal(30), trigger=Trigger.LOST_OR_DAMAGED)
    lost = Incident(id="I-1", trigger=Trigger.LOST_OR_DAMAGED, on=date(2026, 3, 2))
    paid = Taking(
        id="T-1",
        clause="P",
        amount=Decimal(30),
        means=Means.PAID,
        on=date(2026, 3, 3),
        incident="I-1",
    )
    settled = case(charge, incidents=(lost,), takings=(paid,)).settle()
    (finding,) = [f for f in settled.findings if f.code == "unlawful_charge_returned"]
    assert finding.message("zh_CN").startswith("收款T-1：")


# --- part-time hourly pay against the hourly minimum -------------------------------------------


def test_a_part_timer_paid_900_for_40_hours_against_a_25_30_minimum_is_paid_112_yuan_short() -> (
    None
):
    # 900 / 40 = 22.50 an hour < 25.30; the minimum requires 40 × 25.30 = 1,012.00, so the
    # period is 1,012.00 − 900.00 = 112.00 short.
    settled = case(
        relationship=Relationship.PART_TIME,
        pay_periods=(_part_time_period("900"),),
        worker_changes={"weekly_hours": Decimal(20)},
    ).settle()
    (finding,) = [f for f in settled.findings if f.code == "part_time_below_hourly_minimum"]
    assert finding.severity.value == "violation"
    assert finding.subject == "2026-03-01..2026-03-15"
    assert (
        finding.param("wage"),
        finding.param("hours"),
        finding.param("hourly"),
        finding.param("minimum"),
        finding.param("floor"),
        finding.param("shortfall"),
    ) == (
        Decimal("900.00"),
        Decimal(40),
        Decimal("22.50"),
        Decimal("25.30"),
        Decimal("1012.00"),
        Decimal("112.00"),
    )
    assert [c.id for c in finding.citations] == ["LCL 72(1)", "MWP 5"]
    assert "part_time_hourly_pay_not_checked" not in [f.code for f in settled.findings]


def test_a_part_timer_paid_exactly_the_hourly_minimum_is_not_flagged_nor_said_to_be_unchecked() -> (
    None
):
    # 1,012.00 for 40 hours is 25.30 an hour: at the minimum, not below it.
    codes = _part_timer(_part_time_period("1012"))
    assert "part_time_below_hourly_minimum" not in codes
    assert "part_time_hourly_pay_not_checked" not in codes


def test_a_part_timer_one_fen_below_the_minimum_pay_for_fractional_hours_is_flagged() -> None:
    # 40.5 hours × 25.30 = 1,024.65 exactly; 1,024.64 is one fen short: 25.2997… an hour,
    # shown rounded down to 25.29 so it never shows at the minimum.
    settled = case(
        relationship=Relationship.PART_TIME,
        pay_periods=(_part_time_period("1024.64", hours="40.5"),),
        worker_changes={"weekly_hours": Decimal(20)},
    ).settle()
    (finding,) = [f for f in settled.findings if f.code == "part_time_below_hourly_minimum"]
    assert finding.param("hourly") == Decimal("25.29")
    assert finding.param("shortfall") == Decimal("0.01")


def test_a_part_time_period_without_hours_is_said_to_be_unchecked_for_that_period_only() -> None:
    later = attrs.evolve(
        _part_time_period("1012", hours=None), start=date(2026, 3, 16), end=date(2026, 3, 31)
    )
    settled = case(
        relationship=Relationship.PART_TIME,
        pay_periods=(_part_time_period("1012"), later),
        worker_changes={"weekly_hours": Decimal(20)},
    ).settle()
    unchecked = [f for f in settled.findings if f.code == "part_time_hourly_pay_not_checked"]
    assert [f.subject for f in unchecked] == ["2026-03-16..2026-03-31"]
    assert "hours worked" in unchecked[0].message("en")
    assert "工作小时数" in unchecked[0].message("zh_CN")


def test_a_part_time_period_without_the_hourly_minimum_is_said_to_be_unchecked() -> None:
    codes = _part_timer(_part_time_period("900", minimum=None))
    assert codes.count("part_time_hourly_pay_not_checked") == 1
    assert "part_time_below_hourly_minimum" not in codes
