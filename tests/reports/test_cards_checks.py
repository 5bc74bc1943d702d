"""KPI cards, quotas and run consequences: what a card or quota cannot read is refused,
results check their own figures, findings carry their figures and read in either language,
and retraining is one consequence wherever it is found."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core.bands import Band, BandTable, Semantics, Side
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import (
    ConversionError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.core.explain import Finding, Label
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period
from hrpolicy.core.runs import Comparison, RunPolicy, RunRule, Threshold
from hrpolicy.law.provisions import provision
from hrpolicy.reports import annual_score, consequences
from hrpolicy.reports.cards import (
    CardInputs,
    CardScore,
    Indicator,
    IndicatorFigure,
    Measured,
    PayAmount,
    PayPart,
    Quota,
    QuotaCount,
    QuotaInputs,
    QuotaResult,
    apply_quotas,
    run_consequences,
    score_card,
)
from hrpolicy.reports.examples import (
    misconduct_demotion_rules,
    promotion_and_demotion_rules,
    quarterly_kpi_card,
    visit_and_closing_quotas,
)
from hrpolicy.reports.scoring import SCORE_RUNS

Q1 = Period(year=2025, quarter=1)
MARCH = Period(year=2025, month=3)


def _quarter(
    sales: int = 285000, profit: int = 60000, growth_from: int = 250000, base: int | None = 6000
) -> CardInputs:
    return CardInputs(
        employee="li",
        figures=(
            IndicatorFigure(indicator="sales", actual=Decimal(sales), target=Decimal(300000)),
            IndicatorFigure(indicator="profit", actual=Decimal(profit), target=Decimal(60000)),
            IndicatorFigure(indicator="satisfaction", actual=Decimal(88)),
            IndicatorFigure(indicator="new_customers", actual=Decimal(4), target=Decimal(5)),
            IndicatorFigure(indicator="growth", actual=Decimal(sales), prior=Decimal(growth_from)),
        ),
        bonus_base=None if base is None else Decimal(base),
    )


def _indicator(bands: BandTable) -> Indicator:
    return Indicator(
        indicator_id="sales",
        zh_CN="销售额",
        en="sales",
        weight=Rate.parse("100%"),
        bands=bands,
        measured=Measured.ACTUAL,
    )


# --- 1. a company's own score rules lead to retraining only -------------------------------


def _stars() -> RunRule:
    return RunRule(
        rule_id="stars",
        when=(Threshold(measure="score", comparison=Comparison.AT_LEAST, value=Decimal(90)),),
        periods=3,
        consequence="promotion",
        zh_CN="晋升",
        en="promotion",
    )


_TOP = {Period(year=2024, month=m): Decimal(s) for m, s in [(1, 95), (2, 96), (3, 97)]}


def test_three_months_at_90_or_more_never_send_a_top_performer_to_retraining() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"rules\.rules\[0\]\.consequence"):
        consequences(_TOP, employee="li", rules=RunPolicy(rules=(_stars(),)))
    with pytest.raises(PolicyDefinitionError, match=r"rules\.rules\[0\]\.consequence"):
        consequences(_TOP, employee="li", retrained=True, rules=RunPolicy(rules=(_stars(),)))


def test_a_retraining_rule_over_a_score_at_or_above_a_line_is_refused_as_no_low_score_rule() -> (
    None
):
    rule = attrs.evolve(_stars(), consequence="retraining_or_transfer")
    with pytest.raises(PolicyDefinitionError, match=r"rules\.rules\[0\]\.when\[0\]\.comparison"):
        consequences(_TOP, employee="li", rules=RunPolicy(rules=(rule,)))


def test_the_annual_score_takes_the_companys_own_low_score_rules_too() -> None:
    # two consecutive months under 65: April 64 and May 63 → one retraining finding
    two_under_65 = RunRule(
        rule_id="two_under_65",
        when=(Threshold(measure="score", comparison=Comparison.BELOW, value=Decimal(65)),),
        periods=2,
        consequence="retraining_or_transfer",
        zh_CN="培训或调岗",
        en="retraining or another post",
    )
    scores = dict.fromkeys(range(1, 13), 80) | {4: 64, 5: 63}
    months = {Period(year=2024, month=m): s for m, s in scores.items()}
    default = annual_score(months, employee="li")
    assert default.findings == ()  # 64 and 63 are not under 60, and only two under 70
    own = annual_score(months, employee="li", rules=RunPolicy(rules=(two_under_65,)))
    (finding,) = own.findings
    assert (finding.code, finding.param("run_from"), finding.param("month")) == (
        "retraining_or_transfer",
        "2024-04",
        "2024-05",
    )
    assert [s.rule for s in own.steps] == ["score.year", "runs.two_under_65"]
    with pytest.raises(PolicyDefinitionError, match="consequence"):
        annual_score(months, employee="li", rules=RunPolicy(rules=(_stars(),)))


# --- 2. tables a lookup cannot read are refused ---------------------------------------


def test_a_marginal_table_on_an_indicator_is_refused_naming_its_semantics() -> None:
    marginal = BandTable.from_rows([[0, 50, 1], [50, 2]], closed=Side.LOWER, semantics="marginal")
    with pytest.raises(PolicyDefinitionError, match=r"Indicator\(sales\)\.bands\.semantics"):
        _indicator(marginal)


def test_a_lump_sum_on_an_indicators_band_is_refused_instead_of_being_dropped() -> None:
    bands = (
        Band(lower=Decimal(0), upper=Decimal(50), lower_closed=True, upper_closed=False,
             value=Decimal(10)),
        Band(lower=Decimal(50), upper=None, lower_closed=True, upper_closed=False,
             value=Decimal(20), lump_sum=Decimal(900)),
    )  # fmt: skip
    table = BandTable(bands=bands, semantics=Semantics.WHOLE)
    with pytest.raises(PolicyDefinitionError, match=r"bands\.bands\[1\]\.lump_sum"):
        _indicator(table)


def test_a_mixed_bonus_coefficient_table_and_a_marginal_quota_table_are_refused() -> None:
    card = quarterly_kpi_card()
    assert card.bonus_coefficient is not None
    mixed = card.bonus_coefficient.with_semantics(Semantics.MIXED)
    with pytest.raises(PolicyDefinitionError, match=r"bonus_coefficient\.semantics"):
        attrs.evolve(card, bonus_coefficient=mixed)
    quota = visit_and_closing_quotas().quotas[0]
    with pytest.raises(PolicyDefinitionError, match=r"Quota\(visits\)\.bands\.semantics"):
        attrs.evolve(quota, bands=quota.bands.with_semantics(Semantics.MARGINAL))
    assert isinstance(quota, Quota)


# --- 3 and 4. run findings carry their figures and read in either language --------------

_MONTHS = {
    Period(year=2025, month=m): {"completion": c, "margin": g}
    for m, c, g in [(1, 105, 27), (2, 110, 26), (3, 101, 25)]
}


def test_a_promotion_finding_carries_the_figures_that_triggered_it_and_the_run_length() -> None:
    (finding,) = run_consequences(promotion_and_demotion_rules(), _MONTHS, employee="li").findings
    assert finding.param("completion") == Decimal(101)
    assert finding.param("margin") == Decimal(25)
    assert finding.param("run_length") == 3
    assert finding.param("condition") == Label(
        "计划完成率不低于100且毛利率不低于25",
        "plan completion at least 100 and gross margin at least 25",
    )


def test_the_chinese_promotion_message_is_chinese_throughout() -> None:
    (finding,) = run_consequences(promotion_and_demotion_rules(), _MONTHS, employee="li").findings
    zh = finding.message("zh_CN")
    assert zh == (
        "2025-01至2025-03连续三个月计划完成率不低于100且毛利率不低于25"
        "（2025-03：计划完成率101、毛利率25）：按制度晋升。"
    )
    assert re.search("[A-Za-z]", zh) is None


def test_quarters_are_called_quarters_in_both_languages() -> None:
    quarters = {
        Period(year=2025, quarter=q): {"completion": c, "margin": 30}
        for q, c in [(1, 100), (2, 120), (3, 101)]
    }
    (finding,) = run_consequences(promotion_and_demotion_rules(), quarters, employee="li").findings
    assert "连续三个季度" in finding.message("zh_CN")
    assert finding.message("en").startswith("three consecutive quarters with plan completion")


# --- 5. results check their own figures ---------------------------------------------


def test_a_card_result_with_an_edited_bonus_coefficient_or_points_is_refused() -> None:
    card = score_card(quarterly_kpi_card(), Q1, _quarter())
    assert card.bonus_base == Decimal(6000)
    with pytest.raises(InvalidValueError, match=r"\.bonus:"):
        attrs.evolve(card, bonus=Decimal(99999))
    with pytest.raises(InvalidValueError, match=r"\.bonus_coefficient"):
        attrs.evolve(card, bonus_coefficient=Fraction(5))
    with pytest.raises(InvalidValueError, match=r"\.bonus_base"):
        attrs.evolve(card, card=attrs.evolve(card.card, bonus_coefficient=None),
                     bonus_coefficient=None, bonus=None)  # fmt: skip
    sales = card.indicators[0]  # 95 % is in [80, 100): 80 points, not 100
    with pytest.raises(InvalidValueError, match=r"IndicatorScore\(sales\)\.points"):
        attrs.evolve(sales, points=Fraction(100), weighted=Fraction(30))
    with pytest.raises(InvalidValueError, match=r"IndicatorScore\(sales\)\.measure"):
        attrs.evolve(sales, measure=Fraction(99))


def test_a_card_result_read_back_with_an_edited_bonus_is_refused() -> None:
    card = score_card(quarterly_kpi_card(), Q1, _quarter())
    data = to_dict(card)
    assert from_dict(data, CardScore) == card
    data["bonus"] = "99999.00"
    with pytest.raises(ConversionError, match=r"bonus: expected 6000\.00"):
        from_dict(data, CardScore)


def test_the_card_totals_show_the_bonus_base() -> None:
    (row,) = score_card(quarterly_kpi_card(), Q1, _quarter()).to_records("totals")
    assert (row["bonus_base"], row["bonus"]) == (Decimal(6000), Decimal("6000.00"))


def test_a_quota_result_with_an_edited_coefficient_is_refused() -> None:
    month = apply_quotas(visit_and_closing_quotas(), MARCH, _quota_month(50, 2))
    visits = month.quotas[0]  # 50 / 80 = 62.5 % → 0.8
    with pytest.raises(InvalidValueError, match=r"QuotaScore\(visits\)\.coefficient"):
        attrs.evolve(visits, coefficient=Fraction(1))
    with pytest.raises(InvalidValueError, match=r"QuotaScore\(visits\)\.completion"):
        attrs.evolve(visits, completion=Fraction(90))
    part = month.parts[0]  # 0.8 × 0.8 = 0.64, not 0.8
    wrong = attrs.evolve(part, coefficient=Fraction(4, 5), paid=Decimal("1600.00"))
    with pytest.raises(InvalidValueError, match=r"parts\[0\]\.coefficient"):
        attrs.evolve(month, parts=(wrong, *month.parts[1:]))
    assert from_dict(to_dict(month), QuotaResult) == month


# --- 6. what a demotion needs, in law ------------------------------------------------


def test_the_demotion_finding_cites_change_by_agreement_and_says_no_never() -> None:
    months = {
        Period(year=2025, month=m): {"completion": c, "margin": 20}
        for m, c in [(5, 55), (6, 50), (7, 59)]
    }
    (finding,) = run_consequences(promotion_and_demotion_rules(), months, employee="li").findings
    assert "LCL 35" in [c.id for c in finding.citations]
    assert "never" not in finding.message("en")
    assert "不得单方径行降薪" not in finding.message("zh_CN")
    assert "reasonable change of post" in finding.message("en")
    assert "合理调整其工作岗位" in finding.message("zh_CN")
    assert provision("LCL 35").cite("zh_CN") == "《劳动合同法》第三十五条"


# --- 8. retraining is one consequence ------------------------------------------------


def test_the_score_rules_run_through_run_consequences_give_the_same_retraining_finding() -> None:
    scores = {
        Period(year=2024, month=m): Decimal(s) for m, s in [(3, "69"), (4, "68.5"), (5, "65")]
    }
    (old,) = consequences(scores, employee="li")
    figures = {month: {"score": score} for month, score in scores.items()}
    (new,) = run_consequences(SCORE_RUNS, figures, employee="li").findings
    assert old.code == new.code == "retraining_or_transfer"
    (after,) = run_consequences(SCORE_RUNS, figures, employee="li", retrained=True).findings
    assert after.code == "incompetent_after_retraining"
    assert "按制度安排培训或调整岗位" in new.message("zh_CN")
    assert "retraining or another post" in new.message("en")
    assert "已经培训或调岗" in after.message("zh_CN")
    assert "after retraining or a new post" in after.message("en")


# --- 9. a quota pay cut is a finding -----------------------------------------------


def _part(finding: Finding) -> str:
    part = finding.param("part")
    assert isinstance(part, Label)
    return part.en


def _quota_month(visits: int, closed: int) -> QuotaInputs:
    return QuotaInputs(
        employee="li",
        counts=(QuotaCount(quota="visits", done=visits), QuotaCount(quota="closed", done=closed)),
        pay=(
            PayAmount(part=PayPart.PERFORMANCE_PAY, amount=Decimal(2000)),
            PayAmount(part=PayPart.COMMISSION, amount=Decimal("3500.50")),
        ),
    )


def test_a_commission_cut_by_the_closing_quota_states_the_700_10_off_and_the_minimum_wage() -> None:
    # closed 2 / 5 = 40 % → 0.8; 3,500.50 × 0.8 = 2,800.40; 3,500.50 − 2,800.40 = 700.10
    month = apply_quotas(visit_and_closing_quotas(), MARCH, _quota_month(80, 2))
    cuts = [f for f in month.findings if f.code == "quota_pay_cut"]
    by_part = {_part(f): f for f in cuts}
    commission = by_part["commission"]
    assert commission.param("cut") == Decimal("700.10")
    assert commission.param("paid") == Decimal("2800.40")
    assert commission.param("coefficient") == Fraction(4, 5)
    assert [c.id for c in commission.citations] == ["MWP 12"]
    assert "最低工资" in commission.message("zh_CN")
    assert "minimum wage" in commission.message("en")


def test_a_month_at_every_target_cuts_nothing_and_reports_no_cut() -> None:
    month = apply_quotas(visit_and_closing_quotas(), MARCH, _quota_month(80, 5))
    assert [f.code for f in month.findings] == []


# --- 11. the example card's lowest bounds -----------------------------------------------


def test_a_loss_more_than_ten_times_the_profit_target_is_refused_as_the_card_says() -> None:
    # profit −600,000 / 60,000 = −1,000 %: the first band's lower bound, 0 points
    card = quarterly_kpi_card()
    assert score_card(card, Q1, _quarter(profit=-600000)).indicator("profit").points == 0
    with pytest.raises(NotCoveredError, match=r"figures\[profit\]"):
        score_card(card, Q1, _quarter(profit=-600001))
    assert "−1,000 %" in (quarterly_kpi_card.__doc__ or "")
    # sales of 0 against 250,000 the year before: −100 %, the growth table's start, 0 points
    nothing = score_card(card, Q1, _quarter(sales=0))
    assert nothing.indicator("growth").points == 0


# --- 12. demotion for misconduct, as data --------------------------------------------


def test_an_established_serious_misconduct_in_april_makes_the_salesperson_due_for_demotion() -> (
    None
):
    months = {
        Period(year=2025, month=m): {"serious_misconduct": a, "major_loss": b}
        for m, a, b in [(3, 0, 0), (4, 1, 0), (5, 0, 0), (6, 1, 1)]
    }
    found = run_consequences(misconduct_demotion_rules(), months, employee="li")
    assert [(f.code, f.param("last"), f.param("rule")) for f in found.findings] == [
        ("demotion_due", "2025-04", "serious_misconduct"),
        ("demotion_due", "2025-06", "serious_misconduct"),  # both in June: one demotion
    ]
    assert "LCL 4" in [c.id for c in found.findings[0].citations]
    assert "查实的严重违纪" in found.findings[0].message("zh_CN")


# --- properties -------------------------------------------------------------------


@given(
    st.integers(0, 400_000),
    st.integers(-500_000, 200_000),
    st.integers(0, 400_000),
    st.sampled_from([None, 0, 6000, 12345]),
)
def test_every_card_result_reads_back_as_itself(
    sales: int, profit: int, prior: int, base: int | None
) -> None:
    inputs = _quarter(sales=sales, profit=profit, growth_from=max(prior, 1), base=base)
    card = score_card(quarterly_kpi_card(), Q1, inputs)
    assert from_dict(to_dict(card), CardScore) == card
    assert card.bonus_base == inputs.bonus_base


@given(st.integers(0, 200), st.integers(0, 12), st.integers(0, 10**6))
def test_a_quota_never_pays_more_than_the_amount_without_a_finding_for_a_cut(
    visits: int, closed: int, cents: int
) -> None:
    inputs = attrs.evolve(
        _quota_month(visits, closed),
        pay=(
            PayAmount(part=PayPart.PERFORMANCE_PAY, amount=Decimal(cents) / 100),
            PayAmount(part=PayPart.COMMISSION, amount=Decimal(cents) / 100),
        ),
    )
    month = apply_quotas(visit_and_closing_quotas(), MARCH, inputs)
    cut = {_part(f): f.param("cut") for f in month.findings if f.code == "quota_pay_cut"}
    for part in month.parts:
        assert cut.get(part.part.label.en, Decimal(0)) == max(part.amount - part.paid, Decimal(0))
