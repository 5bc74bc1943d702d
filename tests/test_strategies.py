"""Every public strategy generates objects the library accepts, and they round-trip
through plain data: what downstream test suites rely on."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import typing
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from hrpolicy import from_dict, strategies, to_dict
from hrpolicy.charges import ChargeCase
from hrpolicy.collection import Receivables, ledger
from hrpolicy.commission import Deal, Period, evaluate_team
from hrpolicy.commission.examples import magazine_plan
from hrpolicy.core.errors import MissingDependencyError
from hrpolicy.reports import TableCalendar, validate
from hrpolicy.reports.examples import domain_report_policy
from hrpolicy.strategies import TeamMonth, TeamWeek

#: Strategies whose objects are domain types that convert to plain data and back.
ROUND_TRIPS = [
    "award_policies",
    "band_tables",
    "bond_agreements",
    "bond_cases",
    "bond_policies",
    "charge_agreements",
    "charge_cases",
    "charge_clauses",
    "charge_policies",
    "charge_workers",
    "collection_inputs",
    "collection_policies",
    "collection_receivables",
    "commission_components",
    "invoice_sets",
    "commission_deals",
    "commission_plans",
    "cost_items",
    "cost_ranges",
    "credits",
    "employments",
    "iso_weeks",
    "kpi_cards",
    "periods",
    "person_inputs",
    "quota_policies",
    "report_policies",
    "run_policies",
    "score_cards",
    "separations",
    "service_lengths",
    "table_calendars",
    "named_holidays",
    "layered_calendars",
    "team_years",
    "trainings",
    "waivers",
    "expense_cases",
    "expense_policies",
]


def test_every_public_strategy_is_listed_here_or_generates_plain_values() -> None:
    plain = {
        "amounts",
        "dates",
        "rates",
        "clauses",
        "penalty_clauses",
        "special_benefits",
        "bond_collections",
        "consistent_separation",
        "weekly_reports",
        "deal_lists",
        "team_months",
        "team_weeks",
    }
    not_strategies = {"REGISTERED_TYPES", "TeamMonth", "TeamWeek"}
    assert set(strategies.__all__) == set(ROUND_TRIPS) | plain | not_strategies


@pytest.mark.parametrize("name", ROUND_TRIPS)
def test_each_strategy_generates_objects_that_round_trip(name: str) -> None:
    strategy: st.SearchStrategy[Any] = getattr(strategies, name)()

    @settings(max_examples=15)
    @given(strategy)
    def check(value: Any) -> None:
        assert from_dict(to_dict(value), type(value)) == value

    check()


@settings(max_examples=15)
@given(strategies.weekly_reports())
def test_generated_reports_and_references_round_trip(case: tuple[Any, Any]) -> None:
    report, reference = case
    assert from_dict(to_dict(report), type(report)) == report
    assert from_dict(to_dict(reference), type(reference)) == reference


# --- st.from_type for every input and policy type ------------------------------------------

ENGINES = ("bonds", "charges", "commission", "collection", "reports", "core", "expenses")

#: What the engines compute (statements, checks, scores, explanations, ledger positions):
#: outputs, not inputs, so no strategy is registered for them.
OUTPUTS = {
    "AnnualScore",
    "ApprovalOutcome",
    "MemberAward",
    "YearEndAwards",
    "BandApplication",
    "CardScore",
    "IndicatorScore",
    "PaidPart",
    "QuotaResult",
    "QuotaScore",
    "RunConsequences",
    "ClauseRule",  # statute as data inside an engine, not a fact or a policy
    "ClauseVerdict",
    "ComponentScore",
    "DueDate",
    "Explanation",
    "Finding",
    "FindingSpec",
    "InvoicePosition",
    "Ledger",
    "MonthlyScore",
    "Piece",
    "Portion",
    "RecoveryMonth",
    "RecoverySchedule",
    "ReportCheck",
    "ReportChecks",
    "Span",
    "Step",
    "CadenceCheck",
    "Obligation",
}


def _input_and_policy_types() -> list[type]:
    found: dict[str, type] = {}
    for engine in ENGINES:
        module = importlib.import_module(f"hrpolicy.{engine}")
        for name in module.__all__:
            value = getattr(module, name)
            if (
                isinstance(value, type)
                and attrs.has(value)
                and not value.__module__.endswith((".results", ".runs", ".whatif", ".records"))
                and value.__name__ not in OUTPUTS
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


INPUT_TYPES = _input_and_policy_types()


def test_every_input_and_policy_type_of_every_engine_has_a_registered_strategy() -> None:
    missing = [t.__name__ for t in INPUT_TYPES if t not in strategies.REGISTERED_TYPES]
    assert missing == []
    assert len(INPUT_TYPES) > 80


@pytest.mark.parametrize("kind", INPUT_TYPES, ids=lambda t: f"{t.__module__}.{t.__name__}")
def test_from_type_builds_valid_instances_of_each_input_and_policy_type(kind: type) -> None:
    @settings(max_examples=10, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(kind))
    def check(value: object) -> None:
        assert type(value) is kind
        # What was built is a valid object: rebuilding it from its fields gives it back.
        assert attrs.evolve(typing.cast(Any, value)) == value

    check()


# --- collections the engines accept as a whole ---------------------------------------------


@settings(max_examples=60, database=None)
@given(strategies.charge_cases())
def test_a_generated_charges_case_is_settled_by_the_engine_without_a_refusal(
    case: ChargeCase,
) -> None:
    settlement = case.settle()
    assert settlement.outstanding == settlement.scheduled + settlement.carried + settlement.claim


@settings(max_examples=25, database=None)
@given(strategies.deal_lists(min_size=2, max_size=30, owners=["li", "wang"]))
def test_a_list_of_generated_deals_has_unique_ids_one_period_and_the_team_as_owners(
    deals: list[Deal],
) -> None:
    assert len({d.deal_id for d in deals}) == len(deals)
    assert {d.owner for d in deals} <= {"li", "wang"}
    assert len({(d.signed_on.year, d.signed_on.month) for d in deals}) <= 1


def test_a_list_of_generated_deals_is_accepted_by_the_team_evaluation() -> None:
    plan = magazine_plan()
    march = Period(year=2024, month=3)

    @settings(max_examples=15, database=None)
    @given(strategies.deal_lists(period=march, max_size=15, owner="zhao"))
    def check(deals: list[Deal]) -> None:
        team = evaluate_team(plan, march, deals)
        assert [s.employee for s in team.statements] == (["zhao"] if deals else [])

    check()


@settings(max_examples=10, database=None)
@given(strategies.team_months(owners=["li", "wang", "zhao"], period=Period(year=2025, month=6)))
def test_a_generated_team_month_gives_every_member_a_statement(month: TeamMonth) -> None:
    team = evaluate_team(magazine_plan(), *month)
    assert [s.employee for s in team.statements] == ["li", "wang", "zhao"]
    assert len({d.deal_id for d in month.deals}) == len(month.deals)


@settings(max_examples=15, database=None)
@given(strategies.invoice_sets(salesperson="wang", customers=["ACME", "BETA"], max_size=6))
def test_generated_invoice_sets_have_unique_ids_and_one_salesperson(books: Receivables) -> None:
    assert {i.salesperson for i in books.invoices} == {"wang"}
    for ids in (
        [i.invoice_id for i in books.invoices],
        [p.payment_id for p in books.payments],
        [c.note_id for c in books.credit_notes],
        [w.write_off_id for w in books.write_offs],
    ):
        assert len(set(ids)) == len(ids)
    assert ledger(books, date(2024, 12, 31)).positions.keys() == {
        i.invoice_id for i in books.invoices
    }


@settings(max_examples=10, database=None)
@given(strategies.team_weeks(employees=["li", "wang"]))
def test_a_generated_team_week_validates_to_one_check_per_member(team: TeamWeek) -> None:
    calendar = TableCalendar(name="2024-25", first_year=2024, last_year=2025)
    checks = validate(team.reports, domain_report_policy(), calendar, references=team.references)
    assert sorted(c.report.employee for c in checks) == ["li", "wang"]
    assert all(r.week == team.week for r in team.reports)


@pytest.mark.parametrize(
    ("call", "option"),
    [
        (lambda: strategies.deal_lists(min_size=5, max_size=2), "min_size=5"),
        (lambda: strategies.deal_lists(max_size=10**6), "max_size=1000000"),
        (lambda: strategies.deal_lists(owner="li", owners=["wang"]), "not both"),
        (lambda: strategies.deal_lists(owners=["li", "li"]), "owners"),
        (lambda: strategies.deal_lists(period="2024-03"), "period='2024-03'"),  # type: ignore[arg-type]
        (lambda: strategies.team_months(period=Period(year=2024)), "must be a month"),
        (lambda: strategies.team_months(owners=[]), "owners=[]"),
        (lambda: strategies.invoice_sets(min_size=0), "min_size=0"),
        (lambda: strategies.invoice_sets(customers="ACME"), "customers='ACME'"),
        (lambda: strategies.invoice_sets(salesperson=" "), "salesperson=' '"),
        (lambda: strategies.team_weeks(compliant="yes"), "compliant='yes'"),  # type: ignore[arg-type]
        (lambda: strategies.amounts(min_value=10, max_value=5), "min_value=Decimal('10')"),
        (lambda: strategies.amounts(max_value=1.5), "max_value=1.5"),  # type: ignore[arg-type]
        (lambda: strategies.band_tables(min_bands=0), "min_bands=0"),
        (lambda: strategies.bond_cases(max_bonds=0), "max_bonds=0"),
        (lambda: strategies.bond_agreements(benefit=True, without_training=True), "benefit"),
        (lambda: strategies.commission_components(kind="bonus"), "kind='bonus'"),
        (lambda: strategies.charge_clauses(kinds=["bond"]), "kinds=['bond']"),
        (lambda: strategies.charge_clauses(ref=""), "ref=''"),
        (lambda: strategies.charge_agreements(max_clauses=13), "max_clauses=13"),
        (lambda: strategies.charge_workers(relationship="labour"), "relationship='labour'"),  # type: ignore[arg-type]
        (lambda: strategies.charge_cases(max_takings=-1), "max_takings=-1"),
        (lambda: strategies.charge_cases(policy=1), "policy=1"),  # type: ignore[arg-type]
        (lambda: strategies.collection_receivables(max_invoices=11), "max_invoices=11"),
        (lambda: strategies.weekly_reports(week=3), "week=3"),  # type: ignore[arg-type]
        (lambda: strategies.service_lengths(max_years=-1), "max_years=-1"),
        (lambda: strategies.dates(min_value=date(1800, 1, 1)), "min_value"),
    ],
)
def test_a_strategy_given_a_bad_option_raises_invalid_argument_when_called(
    call: Any, option: str
) -> None:
    with pytest.raises(InvalidArgument, match=re.escape(option)):
        call()


def test_importing_the_strategies_without_hypothesis_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "from hrpolicy.core.errors import MissingDependencyError\n"
        "try:\n"
        "    import hrpolicy.strategies\n"
        "except MissingDependencyError as error:\n"
        "    print(type(error).__name__, isinstance(error, ImportError), error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("MissingDependencyError True hrpolicy.strategies:")
    assert 'pip install "hrpolicy[strategies]"' in result.stdout


def test_importing_the_strategies_without_hypothesis_in_process_raises_the_typed_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "hrpolicy.strategies")
    with pytest.raises(MissingDependencyError, match=r"hrpolicy\[strategies\]"):
        importlib.import_module("hrpolicy.strategies")
    # monkeypatch puts the real modules back, so later imports see the loaded module.
