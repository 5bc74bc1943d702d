"""Rules over runs of consecutive periods (core.runs)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.core.period import Period, Season
from hrpolicy.core.runs import (
    Comparison,
    Repeat,
    RunPolicy,
    RunRule,
    Threshold,
    find_runs,
    following,
)


def _under(value: int, periods: int, repeat: Repeat = Repeat.EVERY_FULL_RUN) -> RunRule:
    return RunRule(
        rule_id=f"under_{value}_{periods}",
        when=(Threshold(measure="score", comparison=Comparison.BELOW, value=Decimal(value)),),
        periods=periods,
        repeat=repeat,
        consequence="retraining",
        zh_CN="培训",
        en="retraining",
    )


def _months(scores: dict[int, int], year: int = 2024) -> dict[Period, dict[str, int]]:
    return {Period(year=year, month=m): {"score": s} for m, s in scores.items()}


PROMOTION = RunRule(
    rule_id="promotion",
    when=(
        Threshold(measure="completion", comparison=Comparison.AT_LEAST, value=Decimal(1)),
        Threshold(measure="margin", comparison=Comparison.AT_LEAST, value=Decimal("0.25")),
    ),
    periods=3,
    repeat=Repeat.ONCE_PER_RUN,
    consequence="promotion",
    zh_CN="晋升",
    en="promotion",
)


def test_three_consecutive_months_under_70_make_one_run_ending_in_the_third_month() -> None:
    runs = find_runs(RunPolicy(rules=(_under(70, 3),)), _months({3: 69, 4: 65, 5: 68}))
    (match,) = runs.matches
    assert [str(p) for p in match.periods] == ["2024-03", "2024-04", "2024-05"]
    assert match.figure("score") == Decimal(68)
    step = runs.steps[0]
    assert step.rule == "runs.under_70_3"
    assert step.input_map["from"] == "2024-03"
    assert step.input_map["condition"] == "score < 70"


def test_a_missing_month_breaks_the_run_even_when_both_sides_are_under_70() -> None:
    runs = find_runs(RunPolicy(rules=(_under(70, 3),)), _months({3: 69, 4: 65, 6: 68, 7: 60}))
    assert runs.matches == ()


def test_a_month_at_70_breaks_the_run_because_under_means_strictly_below() -> None:
    runs = find_runs(RunPolicy(rules=(_under(70, 3),)), _months({3: 69, 4: 70, 5: 68}))
    assert runs.matches == ()


def test_six_months_under_70_are_two_full_runs_of_three() -> None:
    months = _months(dict.fromkeys(range(1, 7), 65))
    runs = find_runs(RunPolicy(rules=(_under(70, 3),)), months)
    assert [(str(m.first), str(m.last)) for m in runs.matches] == [
        ("2024-01", "2024-03"),
        ("2024-04", "2024-06"),
    ]


def test_a_sliding_rule_triggers_in_every_month_from_the_third_on() -> None:
    months = _months(dict.fromkeys(range(1, 6), 65))
    runs = find_runs(RunPolicy(rules=(_under(70, 3, Repeat.EVERY_PERIOD),)), months)
    assert [str(m.last) for m in runs.matches] == ["2024-03", "2024-04", "2024-05"]
    assert [m.run_length for m in runs.matches] == [3, 4, 5]


def test_a_run_once_rule_triggers_once_until_the_run_breaks() -> None:
    months = _months({1: 65, 2: 65, 3: 65, 4: 65, 5: 65, 6: 65, 7: 80, 8: 60, 9: 61, 10: 62})
    runs = find_runs(RunPolicy(rules=(_under(70, 3, Repeat.ONCE_PER_RUN),)), months)
    assert [str(m.last) for m in runs.matches] == ["2024-03", "2024-10"]


def test_runs_cross_the_year_end() -> None:
    months = {**_months({11: 65, 12: 66}, 2024), **_months({1: 67}, 2025)}
    (match,) = find_runs(RunPolicy(rules=(_under(70, 3),)), months).matches
    assert (str(match.first), str(match.last)) == ("2024-11", "2025-01")


def test_a_month_under_60_takes_precedence_over_a_run_of_three_ending_that_month() -> None:
    policy = RunPolicy(rules=(_under(60, 1), _under(70, 3)))
    runs = find_runs(policy, _months({3: 69, 4: 65, 5: 58}))
    assert [m.rule.rule_id for m in runs.matches] == ["under_60_1"]


def test_without_one_per_period_both_rules_are_reported_in_the_same_month() -> None:
    policy = RunPolicy(rules=(_under(60, 1), _under(70, 3)), one_per_period=False)
    runs = find_runs(policy, _months({3: 69, 4: 65, 5: 58}))
    assert [m.rule.rule_id for m in runs.matches] == ["under_60_1", "under_70_3"]


def test_promotion_needs_completion_and_margin_in_three_consecutive_months() -> None:
    months = {
        Period(year=2024, month=m): {"completion": c, "margin": g}
        for m, c, g in [
            (1, "1.10", "0.30"),
            (2, "1.00", "0.24"),  # margin below 25 %: the run breaks
            (3, "1.20", "0.25"),
            (4, "1.05", "0.26"),
            (5, "1.00", "0.25"),
        ]
    }
    (match,) = find_runs(RunPolicy(rules=(PROMOTION,)), months).matches
    assert (str(match.first), str(match.last)) == ("2024-03", "2024-05")
    assert match.figures == (("completion", Decimal("1.00")), ("margin", Decimal("0.25")))


def test_years_make_runs_too() -> None:
    years = {Period(year=y): {"score": s} for y, s in [(2022, 65), (2023, 66)]}
    (match,) = find_runs(RunPolicy(rules=(_under(70, 2),)), years).matches
    assert str(match.last) == "2023"


def test_the_period_after_december_is_january_and_after_a_year_the_next_year() -> None:
    assert following(Period(year=2024, month=12)) == Period(year=2025, month=1)
    assert following(Period(year=2024)) == Period(year=2025)


def test_months_and_years_cannot_be_mixed() -> None:
    figures = {Period(year=2024): {"score": 1}, Period(year=2024, month=1): {"score": 1}}
    with pytest.raises(InvalidValueError, match="periods of one kind"):
        find_runs(RunPolicy(rules=(_under(70, 1),)), figures)


def test_a_missing_measure_is_refused_not_read_as_failing() -> None:
    with pytest.raises(InvalidValueError, match=r"figures\[2024-01\]"):
        find_runs(RunPolicy(rules=(PROMOTION,)), {Period(year=2024, month=1): {"margin": 1}})


def test_a_float_figure_is_refused_naming_its_period_and_measure() -> None:
    with pytest.raises(InvalidTypeError, match=r"figures\[2024-01\]\.score"):
        find_runs(RunPolicy(rules=(_under(70, 1),)), {Period(year=2024, month=1): {"score": 6.5}})  # type: ignore[dict-item]


def test_figures_that_are_not_a_mapping_of_periods_are_refused() -> None:
    with pytest.raises(InvalidTypeError, match="figures"):
        find_runs(RunPolicy(rules=(_under(70, 1),)), [("2024-01", 60)])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="Period"):
        find_runs(RunPolicy(rules=(_under(70, 1),)), {"2024-01": {"score": 60}})  # type: ignore[dict-item]


def test_a_rule_without_a_threshold_or_a_policy_without_rules_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match="when"):
        RunRule(rule_id="x", when=(), consequence="x", zh_CN="x", en="x")
    with pytest.raises(PolicyDefinitionError, match="rules"):
        RunPolicy(rules=())
    with pytest.raises(InvalidValueError, match="unique id"):
        RunPolicy(rules=(_under(70, 1), _under(70, 1)))


_SCORES = st.dictionaries(
    st.integers(min_value=0, max_value=35), st.integers(min_value=40, max_value=100), max_size=36
)


def _by_index(scores: dict[int, int]) -> dict[Period, dict[str, int]]:
    return {Period(year=2024 + i // 12, month=i % 12 + 1): {"score": s} for i, s in scores.items()}


@given(_SCORES, st.integers(min_value=1, max_value=4))
def test_every_match_is_a_run_of_consecutive_periods_all_meeting_the_condition(
    scores: dict[int, int], periods: int
) -> None:
    rule = _under(70, periods)
    figures = _by_index(scores)
    for match in find_runs(RunPolicy(rules=(rule,)), figures).matches:
        assert len(match.periods) == periods
        for left, right in zip(match.periods, match.periods[1:], strict=False):
            assert following(left) == right
        assert all(figures[p]["score"] < 70 for p in match.periods)


@given(_SCORES, st.randoms(use_true_random=False))
def test_the_order_the_periods_are_given_in_never_matters(
    scores: dict[int, int], random: object
) -> None:
    figures = _by_index(scores)
    items = list(figures.items())
    random.shuffle(items)  # type: ignore[attr-defined]
    policy = RunPolicy(rules=(_under(60, 1), _under(70, 3)))
    assert find_runs(policy, dict(items)) == find_runs(policy, figures)


@given(_SCORES)
def test_each_full_run_rule_triggers_once_per_n_consecutive_qualifying_months(
    scores: dict[int, int],
) -> None:
    figures = _by_index(scores)
    expected, run, previous = 0, 0, None
    for index in sorted(scores):
        consecutive = previous is not None and index == previous + 1
        run = (run + 1 if consecutive else 1) if scores[index] < 70 else 0
        expected += run > 0 and run % 3 == 0
        previous = index
    assert len(find_runs(RunPolicy(rules=(_under(70, 3),)), figures).matches) == expected


def test_quarters_make_runs_across_the_year_end() -> None:
    quarters = {Period.parse(q): {"score": 65} for q in ("2024-Q3", "2024-Q4", "2025-Q1")}
    (match,) = find_runs(RunPolicy(rules=(_under(70, 3),)), quarters).matches
    assert (str(match.first), str(match.last)) == ("2024-Q3", "2025-Q1")


def test_a_missing_quarter_breaks_the_run() -> None:
    quarters = {Period.parse(q): {"score": 65} for q in ("2024-Q1", "2024-Q3", "2024-Q4")}
    assert find_runs(RunPolicy(rules=(_under(70, 2),)), quarters).of("under_70_2")[0].first == (
        Period(year=2024, quarter=3)
    )


def test_seasons_are_refused_because_a_season_has_no_next_period() -> None:
    spring = Season(name="spring", first_day=date(2025, 2, 1), last_day=date(2025, 5, 31))
    with pytest.raises(InvalidValueError, match="season"):
        find_runs(
            RunPolicy(rules=(_under(70, 1),)), {Period(year=2025, season=spring): {"score": 1}}
        )
    with pytest.raises(InvalidValueError, match="season"):
        following(Period(year=2025, season=spring))


# --- rules with different consequences, reserved names, step wording ----------------------


def test_a_once_per_run_improvement_plan_is_not_lost_when_a_month_under_60_is_its_third() -> None:
    # months 65, 65, 55, 65, 65, 65: under 60 in March (retraining); three under 70 by March
    # (an improvement plan, once per run) is another consequence, so March reports both.
    retraining = _under(60, 1)
    plan = attrs.evolve(
        _under(70, 3, Repeat.ONCE_PER_RUN), consequence="improvement_plan", zh_CN="改进计划",
        en="improvement plan",
    )  # fmt: skip
    months = _months({1: 65, 2: 65, 3: 55, 4: 65, 5: 65, 6: 65})
    runs = find_runs(RunPolicy(rules=(retraining, plan)), months)
    assert [(m.rule.rule_id, str(m.last)) for m in runs.matches] == [
        ("under_60_1", "2024-03"),
        ("under_70_3", "2024-03"),
    ]


def test_a_month_under_60_still_takes_precedence_over_three_under_70_for_the_same_consequence() -> (
    None
):
    runs = find_runs(
        RunPolicy(rules=(_under(60, 1), _under(70, 3))), _months({3: 69, 4: 65, 5: 58})
    )
    assert [m.rule.rule_id for m in runs.matches] == ["under_60_1"]


@pytest.mark.parametrize("name", ["periods", "from", "to", "run_length", "condition", "clause"])
def test_a_measure_named_like_a_step_input_is_refused(name: str) -> None:
    with pytest.raises(PolicyDefinitionError, match=r"Threshold\.measure"):
        Threshold(measure=name, comparison=Comparison.BELOW, value=Decimal(70))


def test_a_one_month_rule_reads_a_month_meeting_the_condition_in_its_step() -> None:
    runs = find_runs(
        RunPolicy(rules=(_under(60, 1), _under(70, 3))), _months({3: 59, 4: 65, 5: 69})
    )
    labels = [s.label for s in runs.steps]
    assert labels[0].en == "a month meeting the condition → retraining"
    assert labels[0].zh_CN == "一个月满足条件 → 培训"
    assert labels[1].en == "three consecutive months meeting the condition → retraining"
    assert labels[1].zh_CN == "连续三个月满足条件 → 培训"


def test_a_condition_reads_in_words_with_the_measures_names() -> None:
    rule = attrs.evolve(
        PROMOTION,
        when=tuple(
            attrs.evolve(t, zh_CN=zh, en=en)
            for t, (zh, en) in zip(
                PROMOTION.when, [("完成率", "completion"), ("毛利率", "margin")], strict=True
            )
        ),
    )
    condition = rule.condition()
    assert condition.zh_CN == "完成率不低于1且毛利率不低于0.25"
    assert condition.en == "completion at least 1 and margin at least 0.25"
