"""KPI cards, monthly visit and closing quotas, and consequences of runs of months, on the
handbook's examples, with the figures worked by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.convert import to_dict
from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.core.money import Rate
from hrpolicy.core.period import Period, PeriodKind
from hrpolicy.core.runs import Comparison, RunPolicy, RunRule, Threshold
from hrpolicy.reports import consequences
from hrpolicy.reports.cards import (
    CardInputs,
    Combine,
    Indicator,
    IndicatorFigure,
    KpiCard,
    PayAmount,
    PayPart,
    QuotaCount,
    QuotaInputs,
    apply_quotas,
    run_consequences,
    score_card,
)
from hrpolicy.reports.examples import (
    promotion_and_demotion_rules,
    quarterly_kpi_card,
    visit_and_closing_quotas,
)
from tests.helpers import json_roundtrip

Q1 = Period(year=2025, quarter=1)
MARCH = Period(year=2025, month=3)


def _figures(
    sales: int = 300000,
    profit: int = 60000,
    satisfaction: int = 90,
    new_customers: int = 5,
    growth_from: int = 250000,
) -> tuple[IndicatorFigure, ...]:
    """Li's quarter: sales against a 300,000 target, profit against 60,000, a satisfaction
    score, new customers against 5, and sales growth over the same quarter last year."""
    return (
        IndicatorFigure(indicator="sales", actual=Decimal(sales), target=Decimal(300000)),
        IndicatorFigure(indicator="profit", actual=Decimal(profit), target=Decimal(60000)),
        IndicatorFigure(indicator="satisfaction", actual=Decimal(satisfaction)),
        IndicatorFigure(
            indicator="new_customers", actual=Decimal(new_customers), target=Decimal(5)
        ),
        IndicatorFigure(indicator="growth", actual=Decimal(sales), prior=Decimal(growth_from)),
    )


def _card(**figures: int) -> CardInputs:
    return CardInputs(employee="li", figures=_figures(**figures), bonus_base=Decimal(6000))


# --- KPI cards -----------------------------------------------------------------------------


def test_a_salesperson_at_95_percent_of_the_sales_target_scores_85_and_keeps_the_full_bonus() -> (
    None
):
    # sales 285,000 / 300,000 = 95 % → 80 × 30 % = 24; profit 100 % → 100 × 25 % = 25;
    # satisfaction 88 → 80 × 15 % = 12; new customers 4 / 5 = 80 % → 80 × 15 % = 12;
    # growth (285,000 − 250,000) / 250,000 = 14 % → 80 × 15 % = 12; 24+25+12+12+12 = 85
    # → bonus coefficient 1.0 (80 to 90) → 6,000 × 1.0 = 6,000.00.
    result = score_card(
        quarterly_kpi_card(), Q1, _card(sales=285000, satisfaction=88, new_customers=4)
    )
    assert [(s.indicator.indicator_id, s.measure, s.points) for s in result.indicators] == [
        ("sales", Fraction(95), Fraction(80)),
        ("profit", Fraction(100), Fraction(100)),
        ("satisfaction", Fraction(88), Fraction(80)),
        ("new_customers", Fraction(80), Fraction(80)),
        ("growth", Fraction(14), Fraction(80)),
    ]
    assert result.score == Decimal("85.00")
    assert (result.bonus_coefficient, result.bonus) == (Fraction(1), Decimal("6000.00"))
    assert not result.improvement_plan
    assert result.findings == ()
    assert result.explanation.step("card.sales").input_map["band"] == "[80, 100)"


def test_a_salesperson_who_beats_every_target_scores_100_and_earns_120_percent_of_the_bonus() -> (
    None
):
    # every indicator in its top band: 100 points × (30+25+15+15+15) % = 100 → 1.2 → 7,200.00
    result = score_card(quarterly_kpi_card(), Q1, _card(sales=360000, growth_from=300000))
    assert result.score == Decimal("100.00")
    assert result.bonus == Decimal("7200.00")


def test_a_card_score_of_42_earns_no_bonus_and_calls_for_an_improvement_plan() -> None:
    # sales 150,000 / 300,000 = 50 % → 0; profit 42,000 / 60,000 = 70 % → 60 × 25 % = 15;
    # satisfaction 85 → 80 × 15 % = 12; new customers 5 / 5 → 100 × 15 % = 15;
    # growth (150,000 − 160,000) / 160,000 = −6.25 % → 0; total 42 < 60 → coefficient 0.
    result = score_card(
        quarterly_kpi_card(),
        Q1,
        _card(sales=150000, profit=42000, satisfaction=85, growth_from=160000),
    )
    assert result.indicator("growth").measure == Fraction(-25, 4)
    assert result.score == Decimal("42.00")
    assert (result.bonus_coefficient, result.bonus) == (Fraction(0), Decimal("0.00"))
    assert result.improvement_plan
    (finding,) = result.findings
    assert finding.code == "kpi_improvement_plan"
    assert (finding.param("score"), finding.param("standard")) == (Decimal("42.00"), Decimal(70))
    assert finding.param("period") == "2025-Q1"
    assert "improvement plan" in finding.message("en")
    assert "绩效改进计划" in finding.message("zh_CN")
    assert [c.id for c in finding.citations] == ["LCL 40"]


def test_an_interpolated_indicator_scores_between_its_bands() -> None:
    # completion 80 % → 60 points rising to 100 % → 100 points: 90 % → 80 points.
    bands = BandTable.from_rows(
        [
            {"lower": 0, "upper": 80, "value": 0, "end_value": 0},
            {"lower": 80, "upper": 100, "value": 60, "end_value": 100},
            [100, 100],
        ],
        closed=Side.LOWER,
        semantics=Semantics.INTERPOLATED,
    )
    card = KpiCard(
        card_id="sales-only",
        assessed=PeriodKind.YEAR,
        indicators=(
            Indicator(
                indicator_id="s", zh_CN="销售", en="sales", weight=Rate.parse("100%"), bands=bands
            ),
        ),
    )
    figure = IndicatorFigure(indicator="s", actual=Decimal(900), target=Decimal(1000))
    result = score_card(card, Period(year=2025), CardInputs(employee="li", figures=(figure,)))
    assert result.score == Decimal("80.00")
    assert result.bonus_coefficient is None
    assert result.bonus is None


def test_a_quarterly_card_refuses_a_month_and_a_yearly_card_a_quarter() -> None:
    with pytest.raises(InvalidValueError, match="quarter"):
        score_card(quarterly_kpi_card(), MARCH, _card())
    yearly = attrs.evolve(quarterly_kpi_card(), assessed=PeriodKind.YEAR)
    with pytest.raises(InvalidValueError, match="year"):
        score_card(yearly, Q1, _card())
    assert score_card(yearly, Period(year=2025), _card()).score == Decimal("100.00")


def test_weights_that_do_not_add_up_to_100_percent_are_refused() -> None:
    card = quarterly_kpi_card()
    with pytest.raises(InvalidValueError, match="weights adding up to 100%"):
        attrs.evolve(card, indicators=card.indicators[:-1])


def test_negative_points_in_a_band_table_are_refused() -> None:
    bands = BandTable.from_rows([[0, 50, -10], [50, 100]], closed=Side.LOWER, semantics="whole")
    with pytest.raises(PolicyDefinitionError, match=r"bands\[0\]\.value"):
        Indicator(indicator_id="s", zh_CN="销售", en="sales", weight=Rate.parse("1"), bands=bands)


def test_each_indicator_needs_exactly_its_figures() -> None:
    card = quarterly_kpi_card()
    figures = _figures()
    with pytest.raises(InvalidValueError, match="every indicator"):
        score_card(card, Q1, CardInputs(employee="li", figures=figures[:-1]))
    extra = IndicatorFigure(indicator="calls", actual=Decimal(1))
    with pytest.raises(InvalidValueError, match="indicators only"):
        score_card(card, Q1, CardInputs(employee="li", figures=(*figures, extra)))
    no_target = attrs.evolve(figures[0], target=None)
    with pytest.raises(InvalidValueError, match=r"figures\[sales\]\.target"):
        score_card(card, Q1, CardInputs(employee="li", figures=(no_target, *figures[1:])))
    with_target = attrs.evolve(figures[2], target=Decimal(90))
    with pytest.raises(InvalidValueError, match=r"figures\[satisfaction\]\.target"):
        score_card(
            card, Q1, CardInputs(employee="li", figures=(*figures[:2], with_target, *figures[3:]))
        )
    zero_prior = attrs.evolve(figures[4], prior=Decimal(0))
    with pytest.raises(InvalidValueError, match=r"figures\[growth\]\.prior"):
        score_card(card, Q1, CardInputs(employee="li", figures=(*figures[:4], zero_prior)))


def test_a_measure_outside_the_bands_is_not_covered_and_names_the_indicator() -> None:
    # a satisfaction score below 0 is under the table's first band
    figures = list(_figures())
    figures[2] = IndicatorFigure(indicator="satisfaction", actual=Decimal(-1))
    with pytest.raises(NotCoveredError, match=r"figures\[satisfaction\]"):
        score_card(quarterly_kpi_card(), Q1, CardInputs(employee="li", figures=tuple(figures)))


def test_a_bonus_base_without_a_coefficient_table_is_refused() -> None:
    card = attrs.evolve(quarterly_kpi_card(), bonus_coefficient=None)
    with pytest.raises(InvalidValueError, match="bonus_base"):
        score_card(card, Q1, _card())


def test_a_float_figure_is_refused() -> None:
    with pytest.raises(InvalidTypeError, match="actual"):
        IndicatorFigure(indicator="sales", actual=285000.0)  # type: ignore[arg-type]


def test_a_card_score_reads_as_tables_and_text() -> None:
    result = score_card(quarterly_kpi_card(), Q1, _card(sales=285000))
    (totals,) = result.to_records("totals")
    assert (totals["period"], totals["score"], totals["bonus"]) == (
        "2025-Q1",
        result.score,
        Decimal("7200.00"),
    )
    rows = result.to_records("indicators")
    assert [r["indicator"] for r in rows] == [
        "sales",
        "profit",
        "satisfaction",
        "new_customers",
        "growth",
    ]
    assert rows[0]["measure"] == Decimal("95.00")
    assert "KPI card" in result.to_text("en")
    assert "考核得分" in result.to_text("zh_CN")


# --- quotas --------------------------------------------------------------------------------


def _month(
    visits: int, closed: int, *, commission: str = "3500.50", visits_target: int | None = None
) -> QuotaInputs:
    return QuotaInputs(
        employee="li",
        counts=(
            QuotaCount(quota="visits", done=visits, target=visits_target),
            QuotaCount(quota="closed", done=closed),
        ),
        pay=(
            PayAmount(part=PayPart.PERFORMANCE_PAY, amount=Decimal(2000)),
            PayAmount(part=PayPart.COMMISSION, amount=Decimal(commission)),
        ),
    )


def test_72_visits_of_80_cut_the_performance_pay_to_90_percent_and_leave_the_commission() -> None:
    # visits 72 / 80 = 90 % → 0.9; closed 5 / 5 = 100 % → 1.0;
    # performance pay 2,000 × 0.9 × 1.0 = 1,800.00; commission 3,500.50 × 1.0 = 3,500.50.
    result = apply_quotas(visit_and_closing_quotas(), MARCH, _month(72, 5))
    assert result.part("performance_pay").paid == Decimal("1800.00")
    assert result.part(PayPart.PERFORMANCE_PAY).change == Decimal("-200.00")
    assert result.part("commission").paid == Decimal("3500.50")
    finding, cut = result.findings
    assert cut.code == "quota_pay_cut"  # 2,000.00 − 1,800.00 = 200.00
    assert (cut.param("amount"), cut.param("paid"), cut.param("cut")) == (
        Decimal(2000),
        Decimal("1800.00"),
        Decimal("200.00"),
    )
    assert finding.code == "quota_missed"
    assert (finding.param("done"), finding.param("target")) == (72, 80)
    assert finding.param("completion") == Decimal("90.00")
    assert finding.message("en") == (
        "customers visited: 72 of 80 (90.00%), short of the monthly target: coefficient 0.9 "
        "on performance pay."
    )


def test_50_visits_and_2_customers_closed_cut_both_parts_and_multiply_on_performance_pay() -> None:
    # visits 50 / 80 = 62.5 % → 0.8; closed 2 / 5 = 40 % → 0.8;
    # performance pay 2,000 × 0.8 × 0.8 = 1,280.00; commission 3,500.50 × 0.8 = 2,800.40.
    result = apply_quotas(visit_and_closing_quotas(), MARCH, _month(50, 2))
    assert [(p.part.value, p.coefficient, p.paid) for p in result.parts] == [
        ("performance_pay", Fraction(16, 25), Decimal("1280.00")),
        ("commission", Fraction(4, 5), Decimal("2800.40")),
    ]
    assert [f.code for f in result.findings] == [
        "quota_missed",
        "quota_missed",
        "quota_pay_cut",
        "quota_pay_cut",
    ]


def test_with_the_lowest_coefficient_rule_the_two_cuts_do_not_compound() -> None:
    # min(0.8, 0.8) = 0.8 → 2,000 × 0.8 = 1,600.00
    policy = attrs.evolve(visit_and_closing_quotas(), combine=Combine.LOWEST)
    assert apply_quotas(policy, MARCH, _month(50, 2)).part("performance_pay").paid == Decimal(
        "1600.00"
    )


def test_a_commission_of_3333_33_at_90_percent_is_rounded_once_to_3000_00() -> None:
    # closed 3 / 5 = 60 % → 0.9; 3,333.33 × 0.9 = 2,999.997 → 3,000.00
    result = apply_quotas(visit_and_closing_quotas(), MARCH, _month(80, 3, commission="3333.33"))
    assert result.part("commission").paid == Decimal("3000.00")


def test_a_personal_target_replaces_the_policys_monthly_target() -> None:
    # a new hire's 60-visit target: 60 / 60 = 100 % → 1.0
    result = apply_quotas(visit_and_closing_quotas(), MARCH, _month(60, 5, visits_target=60))
    assert result.part("performance_pay").paid == Decimal("2000.00")
    assert result.findings == ()


def test_quotas_are_monthly_and_need_every_count_and_pay_part() -> None:
    policy = visit_and_closing_quotas()
    with pytest.raises(InvalidValueError, match="a month"):
        apply_quotas(policy, Q1, _month(80, 5))
    inputs = _month(80, 5)
    with pytest.raises(InvalidValueError, match="a count for every quota"):
        apply_quotas(policy, MARCH, attrs.evolve(inputs, counts=inputs.counts[:1]))
    with pytest.raises(InvalidValueError, match="an amount for every part"):
        apply_quotas(policy, MARCH, attrs.evolve(inputs, pay=inputs.pay[:1]))
    with pytest.raises(InvalidValueError, match="unique quota"):
        attrs.evolve(inputs, counts=(inputs.counts[0], inputs.counts[0]))


def test_a_quota_month_reads_as_tables() -> None:
    result = apply_quotas(visit_and_closing_quotas(), MARCH, _month(72, 5))
    assert [r["quota"] for r in result.to_records("quotas")] == ["visits", "closed"]
    assert [r["paid"] for r in result.to_records("pay")] == [Decimal("1800.00"), Decimal("3500.50")]
    assert "customers visited" in result.to_text("en")


# --- consequences of runs of months --------------------------------------------------------


def _completion(*months: tuple[int, int, int]) -> dict[Period, dict[str, int]]:
    return {Period(year=2025, month=m): {"completion": c, "margin": g} for m, c, g in months}


def test_three_months_at_plan_with_a_25_percent_margin_make_the_salesperson_due_for_promotion() -> (
    None
):
    months = _completion((1, 105, 27), (2, 110, 26), (3, 101, 25), (4, 120, 30))
    found = run_consequences(promotion_and_demotion_rules(), months, employee="li")
    (finding,) = found.findings  # once per run: April extends the run, no second promotion
    assert finding.code == "promotion_due"
    assert (finding.param("first"), finding.param("last"), finding.param("periods")) == (
        "2025-01",
        "2025-03",
        3,
    )
    assert finding.message("en").startswith(
        "three consecutive months with plan completion at least 100 and gross margin at least "
        "25, 2025-01 to 2025-03 (2025-03: plan completion 101, gross margin 25)"
    )


def test_a_month_with_a_24_percent_margin_breaks_the_promotion_run() -> None:
    months = _completion((1, 105, 27), (2, 110, 24), (3, 101, 25), (4, 120, 30))
    assert run_consequences(promotion_and_demotion_rules(), months, employee="li").findings == ()


def test_three_months_under_60_percent_completion_make_the_salesperson_due_for_demotion() -> None:
    months = _completion((5, 55, 20), (6, 50, 18), (7, 59, 22))
    found = run_consequences(promotion_and_demotion_rules(), months, employee="li")
    (finding,) = found.findings
    assert finding.code == "demotion_due"
    assert [c.id for c in finding.citations] == ["LCL 35", "LCL 40", "LCL 4"]
    assert "agreement" in finding.message("en")
    (row,) = found.to_records("consequences")
    assert (row["rule"], row["first"], row["last"]) == ("demotion", "2025-05", "2025-07")


def test_a_missing_month_breaks_the_demotion_run() -> None:
    months = _completion((5, 55, 20), (7, 50, 18), (8, 59, 22))
    assert run_consequences(promotion_and_demotion_rules(), months, employee="li").findings == ()


def test_a_run_rule_with_an_unknown_consequence_is_refused() -> None:
    rule = RunRule(
        rule_id="x",
        when=(Threshold(measure="completion", comparison=Comparison.BELOW, value=Decimal(60)),),
        consequence="dismissal",
        zh_CN="辞退",
        en="dismissal",
    )
    with pytest.raises(InvalidValueError, match="consequence"):
        run_consequences(RunPolicy(rules=(rule,)), _completion((1, 50, 0)), employee="li")


def test_a_companys_own_rule_of_two_months_under_65_sends_to_retraining_through_consequences() -> (
    None
):
    rule = RunRule(
        rule_id="two_under_65",
        when=(Threshold(measure="score", comparison=Comparison.BELOW, value=Decimal(65)),),
        periods=2,
        consequence="retraining_or_transfer",
        zh_CN="培训或调岗",
        en="retraining or another post",
    )
    scores = {Period(year=2024, month=m): Decimal(s) for m, s in [(4, 64), (5, 63), (6, 80)]}
    (finding,) = consequences(scores, employee="li", rules=RunPolicy(rules=(rule,)))
    assert finding.message("en") == (
        "two consecutive months under 65 (2024-04 to 2024-05): retraining or another post, "
        "as the policy provides."
    )
    assert finding.message("zh_CN").startswith("2024-04至2024-05连续两个月低于65分")
    wrong = RunPolicy(rules=(attrs.evolve(rule, when=(attrs.evolve(rule.when[0], measure="x"),)),))
    with pytest.raises(InvalidValueError, match="score"):
        consequences(scores, employee="li", rules=wrong)


# --- properties ----------------------------------------------------------------------------

_AMOUNTS = st.integers(min_value=0, max_value=10**7)


@given(
    st.integers(0, 10**6),
    st.integers(-(10**4), 10**5),
    st.integers(0, 100),
    st.integers(0, 20),
    st.integers(1, 10**6),
)
def test_a_card_score_stays_between_0_and_100_and_matches_its_weighted_points(
    sales: int, profit: int, satisfaction: int, new_customers: int, prior: int
) -> None:
    inputs = _card(
        sales=sales,
        profit=profit,
        satisfaction=satisfaction,
        new_customers=new_customers,
        growth_from=prior,
    )
    result = score_card(quarterly_kpi_card(), Q1, inputs)
    assert Decimal(0) <= result.score <= Decimal(100)
    exact = sum((s.points * s.indicator.weight.exact for s in result.indicators), Fraction(0))
    assert abs(Fraction(result.score) - exact) <= Fraction(1, 200)


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_more_sales_never_lower_the_card_score(low: int, extra: int) -> None:
    card = quarterly_kpi_card()
    before = score_card(card, Q1, _card(sales=low)).score
    after = score_card(card, Q1, _card(sales=low + extra)).score
    assert after >= before


@given(st.integers(0, 200), st.integers(0, 200), st.integers(0, 20), _AMOUNTS)
def test_more_visits_never_lower_pay_and_the_quotas_never_pay_above_the_amount(
    visits: int, extra: int, closed: int, cents: int
) -> None:
    policy = visit_and_closing_quotas()
    commission = str(Decimal(cents).scaleb(-2))
    before = apply_quotas(policy, MARCH, _month(visits, closed, commission=commission))
    after = apply_quotas(policy, MARCH, _month(visits + extra, closed, commission=commission))
    for part in before.parts:
        assert Decimal(0) <= part.paid <= part.amount
        assert after.part(part.part).paid >= part.paid


# --- plain data ----------------------------------------------------------------------------


def test_the_example_card_quotas_and_rules_read_back_from_json_unchanged() -> None:
    for policy in (
        quarterly_kpi_card(),
        visit_and_closing_quotas(),
        promotion_and_demotion_rules(),
    ):
        assert json_roundtrip(policy) == policy


def test_a_scored_card_and_a_quota_month_read_back_from_json_unchanged() -> None:
    card = score_card(quarterly_kpi_card(), Q1, _card(sales=150000, growth_from=160000))
    month = apply_quotas(visit_and_closing_quotas(), MARCH, _month(50, 2))
    runs = run_consequences(
        promotion_and_demotion_rules(),
        _completion((5, 55, 20), (6, 50, 18), (7, 59, 22)),
        employee="li",
    )
    for result in (card, month, runs):
        assert json_roundtrip(result) == result
    assert to_dict(card)["indicators"][0]["prior"] is None  # parts are written in full


def test_the_example_card_quotas_and_rules_are_valid_against_their_generated_json_schemas() -> None:
    import json  # noqa: PLC0415 - only this test reads JSON text

    import jsonschema  # noqa: PLC0415 - a test dependency

    from hrpolicy.documents.schema import schema_of  # noqa: PLC0415 - the boundary room

    for policy in (
        quarterly_kpi_card(),
        visit_and_closing_quotas(),
        promotion_and_demotion_rules(),
    ):
        data = json.loads(json.dumps(to_dict(policy)))
        jsonschema.validate(data, schema_of(type(policy)))
        data["format"] = 99
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema_of(type(policy)))


def test_a_card_score_or_a_paid_part_that_disagrees_with_its_figures_is_refused() -> None:
    card = score_card(quarterly_kpi_card(), Q1, _card(sales=285000))
    with pytest.raises(InvalidValueError, match=r"CardScore\(li 2025-Q1\)\.score"):
        attrs.evolve(card, score=Decimal(99))
    with pytest.raises(InvalidValueError, match="improvement_plan"):
        attrs.evolve(card, improvement_plan=True)
    part = apply_quotas(visit_and_closing_quotas(), MARCH, _month(72, 5)).parts[0]
    with pytest.raises(InvalidValueError, match=r"PaidPart\(performance_pay\)\.paid"):
        attrs.evolve(part, paid=Decimal(2000))
