"""Commission settled by sales season and by calendar quarter: the farm-supply plan's
seasons, a quarterly bonus, and what a plan must say for a season to be settled."""

from __future__ import annotations

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.commission import (
    Carry,
    Commission,
    CommissionCase,
    Component,
    Deal,
    FixedPay,
    Frequency,
    Period,
    PersonInputs,
    Plan,
    PlanVersion,
    Season,
    Window,
    evaluate,
    evaluate_year,
    statement_from_dict,
)
from hrpolicy.commission.examples import FARM_SEASONS, farm_supply_plan, quarterly_bonus_plan
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import InvalidValueError, PolicyDefinitionError
from hrpolicy.documents import loads
from tests.commission.helpers import amounts, commission, deal, plan, run

SPRING_2025, AUTUMN_2025 = FARM_SEASONS[2025]
SPRING = Period(year=2025, season=SPRING_2025)
AUTUMN = Period(year=2025, season=AUTUMN_2025)


def farm_deal(deal_id: str, amount: int, day: str) -> Deal:
    return deal(deal_id, amount, day)


def test_a_farm_supply_salesperson_earns_1800_on_140000_of_spring_season_sales() -> None:
    # 60,000 + 80,000 = 140,000 in the spring season: 100,000 × 1 % = 1,000, then
    # 40,000 × 2 % = 800, so 1,800. F1 (0 → 60,000) earns 600; F2 (60,000 → 140,000) earns
    # 40,000 × 1 % + 40,000 × 2 % = 400 + 800 = 1,200.
    statement = run(
        farm_supply_plan(),
        [farm_deal("F1", 60000, "2025-03-03"), farm_deal("F2", 80000, "2025-04-10")],
        SPRING,
    )
    assert amounts(statement) == {
        "season-commission/F1": Decimal("600.00"),
        "season-commission/F2": Decimal("1200.00"),
    }
    assert statement.total == Decimal("1800.00")
    assert statement.findings == ()


def test_the_spring_statement_names_the_season_and_its_dates_in_its_explanation() -> None:
    statement = run(farm_supply_plan(), [farm_deal("F1", 60000, "2025-03-03")], SPRING)
    versions = statement.steps[0]
    assert dict(versions.inputs)["period"] == "2025-spring"
    assert dict(versions.inputs)["season_first_day"] == date(2025, 2, 1)
    assert dict(versions.inputs)["season_last_day"] == date(2025, 5, 31)
    assert dict(versions.inputs)["reference"] == "农资销售提成办法（2025年版）"


def test_an_autumn_season_of_120000_earns_1400() -> None:
    # 100,000 × 1 % = 1,000 + 20,000 × 2 % = 400 → 1,400.
    statement = run(farm_supply_plan(), [farm_deal("A1", 120000, "2025-10-08")], AUTUMN)
    assert statement.total == Decimal("1400.00")


def test_the_march_wage_of_the_farm_plan_is_the_base_alone_the_season_pays_the_commission() -> None:
    # The seasonal commission is not part of a month's statement: March pays the 2,500 base.
    statement = run(
        farm_supply_plan(), [farm_deal("F1", 60000, "2025-03-03")], Period(year=2025, month=3)
    )
    assert amounts(statement) == {"base": Decimal("2500.00")}


def test_a_deal_signed_before_the_season_opens_is_credited_to_it_and_reported() -> None:
    # Signed 20 January, before spring opens on 1 February: credited (600) and reported.
    statement = run(farm_supply_plan(), [farm_deal("F0", 60000, "2025-01-20")], SPRING)
    assert statement.total == Decimal("600.00")
    assert [(f.code, f.subject) for f in statement.findings] == [("late_deal", "F0")]


def test_a_deal_signed_after_the_season_closes_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Deal\(F9\)\.signed_on: expected a date in 2025"):
        run(farm_supply_plan(), [farm_deal("F9", 60000, "2025-06-01")], SPRING)


def test_a_season_the_plan_version_does_not_name_is_refused_with_the_seasons_it_names() -> None:
    summer = Season(name="summer", first_day=date(2025, 6, 1), last_day=date(2025, 8, 31))
    with pytest.raises(InvalidValueError, match="expected a season of plan farm-supply version"):
        run(farm_supply_plan(), [], Period(year=2025, season=summer))
    # The same name with other dates is not the plan's spring either.
    moved = Season(name="spring", first_day=date(2025, 2, 2), last_day=date(2025, 5, 31))
    with pytest.raises(InvalidValueError, match="spring 2025-02-01 to 2025-05-31"):
        run(farm_supply_plan(), [], Period(year=2025, season=moved))


def test_the_2026_spring_season_runs_on_the_dates_its_version_announces() -> None:
    # 2026's spring is 15 February to 10 June: a deal on 5 June is in the season.
    seasons = farm_supply_plan().version_on(date(2026, 1, 1)).seasons
    spring_2026 = Period.parse("2026-spring", seasons=seasons)
    assert (spring_2026.first_day, spring_2026.last_day) == (date(2026, 2, 15), date(2026, 6, 10))
    statement = run(farm_supply_plan(), [farm_deal("G1", 50000, "2026-06-05")], spring_2026)
    assert statement.total == Decimal("500.00")  # 50,000 × 1 %


def test_a_year_statement_of_the_farm_plan_is_refused_as_it_settles_nothing_yearly() -> None:
    with pytest.raises(InvalidValueError, match="no component settled yearly in 2025"):
        run(farm_supply_plan(), [], Period(year=2025))


def test_a_quarterly_bonus_on_350000_of_second_quarter_sales_is_3750() -> None:
    # 300,000 × 1 % = 3,000 + 50,000 × 1.5 % = 750 → 3,750. A (0 → 200,000) 2,000;
    # B (200,000 → 350,000) 100,000 × 1 % + 50,000 × 1.5 % = 1,000 + 750 = 1,750.
    statement = run(
        quarterly_bonus_plan(),
        [deal("A", 200000, "2025-04-15"), deal("B", 150000, "2025-06-20")],
        Period(year=2025, quarter=2),
    )
    assert amounts(statement) == {
        "quarter-bonus/A": Decimal("2000.00"),
        "quarter-bonus/B": Decimal("1750.00"),
    }


def test_a_quarter_statement_makes_no_minimum_wage_check_a_month_does() -> None:
    q2 = run(quarterly_bonus_plan(), [], Period(year=2025, quarter=2), minimum_wage=Decimal(2690))
    assert q2.checks == ()
    may = run(quarterly_bonus_plan(), [], Period(year=2025, month=5), minimum_wage=Decimal(2690))
    assert [c.rule for c in may.checks] == ["minimum_wage"]


def test_a_month_of_a_quarterly_only_plan_reports_that_it_is_settled_quarterly() -> None:
    quarterly = plan(commission(frequency=Frequency.QUARTERLY))
    statement = run(quarterly, [deal("D1", 10000, "2024-03-10")])
    finding = statement.findings[-1]
    assert finding.code == "nothing_to_settle"
    assert "settled quarterly" in finding.message("en")
    assert "按季度" in finding.message("zh_CN")


def test_a_year_to_date_quarterly_table_starts_afresh_in_the_first_quarter_only() -> None:
    # 1 % to 30,000 and 2 % above, accumulated over the year: Q2 carries Q1's 25,000, so a
    # 10,000 deal in Q2 earns 5,000 × 1 % + 5,000 × 2 % = 50 + 100 = 150.
    ytd = plan(commission(frequency=Frequency.QUARTERLY, window=Window.YEAR))
    q1 = run(ytd, [deal("D1", 25000, "2024-02-10")], Period(year=2024, quarter=1))
    assert q1.total == Decimal("250.00")
    (carry,) = q1.carry_out
    q2 = run(ytd, [deal("D2", 10000, "2024-05-10")], Period(year=2024, quarter=2), carries=[carry])
    assert q2.total == Decimal("150.00")
    with pytest.raises(InvalidValueError, match="a Carry for 'c'"):
        run(ytd, [deal("D2", 10000, "2024-05-10")], Period(year=2024, quarter=2))
    with pytest.raises(InvalidValueError, match="None in January"):
        run(
            ytd,
            [],
            Period(year=2024, quarter=1),
            carries=[
                Carry(
                    component="c",
                    measure_to_date=Decimal(0),
                    earned_to_date=Decimal(1),
                    paid_to_date=Decimal(1),
                )
            ],
        )


# --- what a plan must say --------------------------------------------------------------


def _version(**changes: object) -> PlanVersion:
    fields: dict[str, object] = {
        "version": "v1",
        "effective_from": date(2025, 1, 1),
        "components": (commission(frequency=Frequency.SEASONAL),),
        "seasons": (SPRING_2025,),
    }
    fields.update(changes)
    return PlanVersion(**fields)  # type: ignore[arg-type]


def test_a_seasonal_component_needs_a_season_of_the_plan_while_its_version_is_in_force() -> None:
    with pytest.raises(
        PolicyDefinitionError, match=r"versions\[v1\]\.seasons: expected a season of the plan"
    ):
        Plan(plan_id="p", name="n", versions=(_version(seasons=()),))


# --- a season spanning a plan revision ----------------------------------------------------

_BASE = FixedPay(component_id="b", name="底薪", amount=Decimal(1000))


def _seasonal(rate: str) -> Commission:
    return commission([0], [rate], frequency=Frequency.SEASONAL)


def _revised_in_april(earlier: tuple[Component, ...]) -> Plan:
    """Revised on 1 April 2025, in the middle of spring (1 February to 31 May), which the
    April version names."""
    return Plan(
        plan_id="p",
        name="n",
        versions=(
            PlanVersion(version="v1", effective_from=date(2025, 1, 1), components=earlier),
            PlanVersion(
                version="v2",
                effective_from=date(2025, 4, 1),
                components=(_BASE, _seasonal("0.02")),
                seasons=(SPRING_2025,),
            ),
        ),
    )


def test_a_plan_revised_mid_season_pays_march_deals_the_old_rate_and_april_deals_the_new() -> None:
    # Spring is settled under v2 (in force on 31 May); each deal keeps its signing-day
    # version: F1 (3 March, v1 at 1 %) 20,000 × 1 % = 200; F2 (3 April, v2 at 2 %)
    # 20,000 × 2 % = 400; the season's commission 600.
    revised = _revised_in_april((_BASE, _seasonal("0.01")))
    deals = [farm_deal("F1", 20000, "2025-03-03"), farm_deal("F2", 20000, "2025-04-03")]
    statement = evaluate(revised, SPRING, deals, PersonInputs(employee="li"))
    assert amounts(statement) == {"c/F1": Decimal("200.00"), "c/F2": Decimal("400.00")}
    assert dict(statement.steps[0].inputs)["deal_versions"] == "F1@v1, F2@v2"
    assert "deal_version_lacks_component" not in [f.code for f in statement.findings]


def test_a_deal_signed_under_a_version_without_the_seasonal_commission_is_reported() -> None:
    # v1 had no seasonal commission: F1 (3 March) earns none of it, and the statement
    # says so; F2 (3 April, v2) earns 20,000 × 2 % = 400.
    revised = _revised_in_april((_BASE,))
    deals = [farm_deal("F1", 20000, "2025-03-03"), farm_deal("F2", 20000, "2025-04-03")]
    statement = evaluate(revised, SPRING, deals, PersonInputs(employee="li"))
    assert amounts(statement) == {"c/F2": Decimal("400.00")}
    (finding,) = [f for f in statement.findings if f.code == "deal_version_lacks_component"]
    assert (finding.param("deal"), finding.param("version"), finding.param("component")) == (
        "F1",
        "v1",
        "c",
    )


def test_seasons_of_two_versions_may_not_overlap() -> None:
    autumn = Season(name="autumn", first_day=date(2024, 9, 1), last_day=date(2024, 11, 30))
    winter = Season(name="winter", first_day=date(2024, 11, 15), last_day=date(2025, 2, 10))
    versions = (
        PlanVersion(
            version="2024",
            effective_from=date(2024, 1, 1),
            components=(_seasonal("0.01"),),
            seasons=(autumn,),
        ),
        PlanVersion(
            version="2025",
            effective_from=date(2025, 1, 1),
            components=(_seasonal("0.01"),),
            seasons=(winter,),
        ),
    )
    with pytest.raises(
        PolicyDefinitionError,
        match=r"versions\[2025\]\.seasons: expected seasons that do not overlap those of other "
        r"versions \(autumn 2024-09-01 to 2024-11-30 of version 2024\)",
    ):
        Plan(plan_id="p", name="n", versions=versions)


def test_two_versions_may_name_the_same_season() -> None:
    # v1 (from 1 January, open-ended) and its April revision both name spring: one season.
    both = Plan(
        plan_id="p",
        name="n",
        versions=(_version(), _version(version="v2", effective_from=date(2025, 4, 1))),
    )
    assert both.version_on(date(2025, 5, 31)).seasons == (SPRING_2025,)


def test_two_seasons_of_a_version_may_not_overlap() -> None:
    late_spring = Season(name="late", first_day=date(2025, 5, 1), last_day=date(2025, 6, 30))
    with pytest.raises(PolicyDefinitionError, match="seasons that do not overlap"):
        _version(seasons=(SPRING_2025, late_spring))


def test_a_season_must_end_while_its_version_is_in_force() -> None:
    with pytest.raises(PolicyDefinitionError, match="seasons ending while the version is in force"):
        _version(effective_to=date(2025, 4, 30))


def test_a_season_is_named_once_a_year() -> None:
    again = Season(name="spring", first_day=date(2025, 9, 1), last_day=date(2025, 9, 30))
    with pytest.raises(PolicyDefinitionError, match="season of a year"):
        _version(seasons=(SPRING_2025, again))


def test_a_seasonal_table_may_not_accumulate_over_the_year() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"window: expected 'period' for a seasonal"):
        commission(frequency=Frequency.SEASONAL, window=Window.YEAR)


# --- plain data ---------------------------------------------------------------------------


def test_the_farm_plan_and_a_season_statement_round_trip_through_json() -> None:
    the_plan = farm_supply_plan()
    assert from_dict(json.loads(json.dumps(to_dict(the_plan))), Plan) == the_plan
    statement = run(the_plan, [farm_deal("F1", 60000, "2025-03-03")], SPRING)
    back = statement_from_dict(json.loads(json.dumps(to_dict(statement))))
    assert back.total == statement.total
    assert back.period == SPRING


def test_a_case_file_names_a_quarter_by_its_text_and_a_season_by_its_dates() -> None:
    plan_data = to_dict(quarterly_bonus_plan())
    plan_data.pop("format")
    text = json.dumps({"plan": plan_data, "period": "2025-Q2", "deals": []})
    case = loads(text, CommissionCase, syntax="json")
    assert case.period == Period(year=2025, quarter=2)
    farm = to_dict(farm_supply_plan())
    farm.pop("format")
    season = {"name": "spring", "first_day": "2025-02-01", "last_day": "2025-05-31"}
    text = json.dumps({"plan": farm, "period": {"year": 2025, "season": season}, "deals": []})
    assert loads(text, CommissionCase, syntax="json").period == SPRING


# --- properties ---------------------------------------------------------------------------

_days = st.dates(min_value=date(2025, 2, 1), max_value=date(2025, 5, 31))
_sales = st.integers(0, 300_000)


@given(st.lists(st.tuples(_days, _sales), min_size=1, max_size=8))
def test_a_seasons_commission_is_the_farm_table_applied_to_the_seasons_total_sales(
    signed: list[tuple[date, int]],
) -> None:
    deals = [deal(f"F{i}", amount, day.isoformat()) for i, (day, amount) in enumerate(signed)]
    statement = run(farm_supply_plan(), deals, SPRING)
    total = Decimal(sum(amount for _, amount in signed))
    # The farm table by hand: 1 % of the first 100,000, 2 % of the rest, rounded once.
    expected = (
        min(total, Decimal(100000)) * Decimal("0.01")
        + max(total - 100000, Decimal(0)) * Decimal("0.02")
    ).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert statement.total == expected
    assert sum(line.amount for line in statement.lines) == expected


@given(st.lists(st.tuples(_days, _sales), min_size=1, max_size=8))
def test_splitting_a_season_from_its_months_never_moves_the_monthly_base_into_it(
    signed: list[tuple[date, int]],
) -> None:
    deals = [deal(f"F{i}", amount, day.isoformat()) for i, (day, amount) in enumerate(signed)]
    season = run(farm_supply_plan(), deals, SPRING)
    assert {line.component for line in season.lines} <= {"season-commission"}
    for month in SPRING.months:
        mine = [d for d in deals if month.first_day <= d.signed_on <= month.last_day]
        statement = run(farm_supply_plan(), mine, month)
        assert {line.component for line in statement.lines} == {"base"}


@given(st.sampled_from([2, 3, 4]), st.lists(_sales, min_size=1, max_size=6))
def test_a_quarters_bonus_depends_only_on_its_sales_not_on_which_quarter(
    quarter: int, sales: list[int]
) -> None:
    def bonus(period: Period) -> Decimal:
        deals = [
            Deal(deal_id=f"Q{i}", owner="li", signed_on=period.last_day, amount=Decimal(amount))
            for i, amount in enumerate(sales)
        ]
        statement = evaluate(quarterly_bonus_plan(), period, deals, PersonInputs(employee="li"))
        return statement.component_total("quarter-bonus")

    assert bonus(Period(year=2025, quarter=quarter)) == bonus(Period(year=2025, quarter=1))


def test_a_year_run_of_a_plan_settled_by_quarter_is_refused_rather_than_run_without_it() -> None:
    with pytest.raises(InvalidValueError, match="quarter-bonus quarterly: evaluate each quarter"):
        evaluate_year(quarterly_bonus_plan(), Period(year=2025), [], "li")
    with pytest.raises(InvalidValueError, match="season-commission seasonal"):
        evaluate_year(farm_supply_plan(), Period(year=2025, quarter=1), [], "li")
