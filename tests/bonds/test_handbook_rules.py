"""The handbook rules beyond waivers: a training cost stated as a range, a bond signed after
the course began or ended, and a living subsidy paid during off-site training.

The standard case (tests/bonds/helpers.py): recognised cost 12,000, bond signed the day
before the course, 8,000.00 owed within the caps.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy.bonds import (
    BondPolicy,
    CostCategory,
    CostRange,
    ProRata,
    Rounding,
    TimeUnit,
    review,
)
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Severity
from tests.bonds.helpers import agreement, cited, codes, cost, settle_standard, training


def _range(low: str, high: str) -> CostRange:
    return CostRange(low=Decimal(low), high=Decimal(high))


# --- a cost stated as a range (培训费用范围) ------------------------------------------------


def test_a_cost_above_the_stated_range_is_flagged_but_the_figure_rests_on_the_recognised_cost() -> (
    None
):
    result = settle_standard(agreement_=agreement(stated_cost_range=_range("8000", "10000")))
    (above,) = [f for f in result.findings if f.code == "cost_above_stated_range"]
    assert above.severity is Severity.WARNING
    assert (above.param("recognised"), above.param("high"), above.param("excess")) == (
        Decimal("12000.00"),
        Decimal("10000.00"),
        Decimal("2000.00"),
    )
    assert result.payable == Decimal("8000.00")  # 12,000 × 24/36, not 10,000 × 24/36


def test_a_stated_cost_below_the_recognised_one_lowers_a_pro_rata_figure_but_a_range_does_not() -> (
    None
):
    pro_rata = ProRata(unit=TimeUnit.MONTHS, rounding=Rounding.NEAREST)
    stated = settle_standard(agreement_=agreement(penalty=pro_rata, stated_cost=Decimal("10000")))
    ranged = settle_standard(
        agreement_=agreement(penalty=pro_rata, stated_cost_range=_range("8000", "10000"))
    )
    assert stated.payable == Decimal("6666.67")  # 10,000 × 24/36
    assert ranged.payable == Decimal("8000.00")  # 12,000 × 24/36: the range is not a figure
    (above,) = [f for f in ranged.findings if f.code == "cost_above_stated_range"]
    assert "computed on the recognised cost of 12000.00 yuan" in above.message("en")
    assert "a tribunal may hold the employer to it" in above.message("en")
    assert "本计算以认定费用12000.00元为准" in above.message("zh_CN")


def test_a_recognised_cost_below_the_stated_range_means_the_range_overstated_the_training() -> None:
    result = settle_standard(agreement_=agreement(stated_cost_range=_range("15000", "20000")))
    (below,) = [f for f in result.findings if f.code == "cost_below_stated_range"]
    assert below.severity is Severity.VIOLATION
    assert below.param("shortfall") == Decimal("3000.00")
    assert cited(result, "cost_below_stated_range") == {"Regs 16", "LCL 22(2)"}
    assert result.payable == Decimal("8000.00")


def test_a_recognised_cost_within_the_stated_range_is_recorded_and_raises_no_finding() -> None:
    result = settle_standard(agreement_=agreement(stated_cost_range=_range("12000", "12000")))
    assert not {"cost_above_stated_range", "cost_below_stated_range"} & codes(result)
    step = result.explanation.step("A2.stated_cost_range")
    assert step.label.en.endswith("within the range")
    assert step.input_map["C"] == 12000


def test_an_agreement_stating_both_a_cost_and_a_range_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        agreement(stated_cost=Decimal("12000"), stated_cost_range=_range("10000", "14000"))
    assert caught.value.path == "BondAgreement.stated_cost_range"


def test_a_range_whose_top_is_below_its_bottom_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"CostRange\.high: expected an amount at or above"):
        _range("9000", "8000")


# --- signing after the course began or ended --------------------------------------------------


def test_a_bond_signed_the_day_before_the_course_raises_no_signing_finding() -> None:
    result = settle_standard()
    assert not {"signed_after_training_started", "signed_after_training_ended"} & codes(result)
    assert result.explanation.step("A1.signing").input_map["signed_on"] == date(2020, 3, 1)


def test_a_bond_signed_a_week_into_the_course_is_flagged_but_the_figure_is_still_computed() -> None:
    result = settle_standard(agreement_=agreement(signed_on=date(2020, 3, 9)))
    (late,) = [f for f in result.findings if f.code == "signed_after_training_started"]
    assert late.severity is Severity.WARNING
    assert (late.param("days"), late.param("training_start")) == (7, date(2020, 3, 2))
    assert cited(result, "signed_after_training_started") == {"LCL 3(1)", "LCL 22(1)"}
    assert result.payable == Decimal("8000.00")


def test_the_electricians_bond_signed_three_days_after_his_course_ended_is_flagged() -> None:
    case = electrician_case()
    checked = review(case.agreements[0], case.employment)
    (late,) = [f for f in checked.findings if f.code == "signed_after_training_ended"]
    assert (late.param("signed_on"), late.param("training_end"), late.param("days")) == (
        date(2010, 11, 8),
        date(2010, 11, 5),
        3,
    )
    assert "双方是否协商一致存在争议风险" in late.message("zh_CN")
    assert "合意" not in late.message("zh_CN")


def test_a_bond_signed_on_the_first_day_of_the_course_counts_as_signed_before_it() -> None:
    result = settle_standard(agreement_=agreement(signed_on=date(2020, 3, 2)))
    assert not {"signed_after_training_started", "signed_after_training_ended"} & codes(result)


# --- a living subsidy during off-site training (生活补贴) --------------------------------------

_SUBSIDY = cost("1800", CostCategory.LIVING_SUBSIDY, item_id="subsidy")


def test_a_living_subsidy_during_off_site_training_is_not_training_cost_by_default() -> None:
    result = settle_standard(agreement_=agreement(training=training(costs=(cost(), _SUBSIDY))))
    assert result.recognised_cost == Decimal("12000.00")
    (line,) = result.review.cost.excluded  # type: ignore[union-attr]
    assert (line.item_id, line.rule) == ("subsidy", "living_subsidy")
    (excluded,) = [f for f in result.findings if f.code == "living_subsidy_excluded"]
    assert excluded.param("amount") == Decimal("1800.00")
    assert "costs_excluded" not in codes(result)  # reported once, as what it is
    assert result.payable == Decimal("8000.00")


def test_the_living_subsidy_finding_and_its_cost_line_both_speak_of_the_default_reading() -> None:
    result = settle_standard(agreement_=agreement(training=training(costs=(cost(), _SUBSIDY))))
    (line,) = result.review.cost.excluded  # type: ignore[union-attr]
    (excluded,) = [f for f in result.findings if f.code == "living_subsidy_excluded"]
    for text in (line.reason.zh_CN, excluded.message("zh_CN")):
        assert "按默认理解" in text
        assert "具有津贴性质" in text
        assert "多数" not in text
        assert "像津贴一样" not in text
    for text in (line.reason.en, excluded.message("en")):
        assert "by the default reading" in text
        assert "majority" not in text


def test_the_living_subsidy_option_counts_it_as_cost_and_flags_it_as_contested() -> None:
    option = BondPolicy(include_living_subsidy=True)
    result = settle_standard(
        agreement_=agreement(training=training(costs=(cost(), _SUBSIDY))), policy=option
    )
    assert result.recognised_cost == Decimal("13800.00")
    assert result.payable == Decimal("9200.00")  # 13,800 × 24/36
    assert "living_subsidy_included_contested" in codes(result)
    assert option.departures() == ("include_living_subsidy=true",)
    first = result.explanation.steps[0]
    assert first.input_map["include_living_subsidy"] is True


def test_a_living_subsidy_without_a_voucher_does_not_count_even_under_the_option() -> None:
    unvouchered = cost("1800", CostCategory.LIVING_SUBSIDY, item_id="subsidy", has_voucher=False)
    result = settle_standard(
        agreement_=agreement(training=training(costs=(cost(), unvouchered))),
        policy=BondPolicy(include_living_subsidy=True),
    )
    assert result.recognised_cost == Decimal("12000.00")
    assert "living_subsidy_included_contested" not in codes(result)
    assert "costs_excluded" in codes(result)
