"""Every domain object survives a trip through plain data; results render the same way
every time in text, Markdown, HTML and flat records."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import from_dict, to_dict
from hrpolicy.bonds import (
    BenefitKind,
    BondAgreement,
    BondCase,
    BondPolicy,
    Clause,
    Collection,
    CostItem,
    CostRange,
    Employment,
    PenaltyClause,
    ProbationRule,
    Separation,
    ServiceLength,
    SpecialBenefit,
    Training,
    Waiver,
    review,
    settle_bond,
)
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core import BandTable, InvalidValueError, Label, Rounding, TableCalendar
from hrpolicy.strategies import (
    band_tables,
    bond_agreements,
    bond_cases,
    bond_collections,
    bond_policies,
    clauses,
    cost_items,
    cost_ranges,
    employments,
    penalty_clauses,
    separations,
    service_lengths,
    special_benefits,
    table_calendars,
    trainings,
    waivers,
)
from tests.bonds.helpers import agreement, employment, separation, settle_standard, training

_DOMAIN = [
    pytest.param(cost_items(), CostItem, id="cost item"),
    pytest.param(trainings(), Training, id="training"),
    pytest.param(bond_agreements(), BondAgreement, id="bond agreement"),
    pytest.param(bond_agreements(benefit=True), BondAgreement, id="special-benefit agreement"),
    pytest.param(
        bond_agreements(without_training=True), BondAgreement, id="agreement without a training"
    ),
    pytest.param(penalty_clauses(), PenaltyClause, id="penalty clause of every form"),
    pytest.param(employments(regime=None), Employment, id="employment"),
    pytest.param(separations(), Separation, id="separation"),
    pytest.param(
        separations(waiver_refs=("Art. 6", "A2/第7条")), Separation, id="separation, waivers met"
    ),
    pytest.param(waivers(), Waiver, id="waiver of every condition and effect"),
    pytest.param(cost_ranges(), CostRange, id="stated cost range"),
    pytest.param(bond_policies(), BondPolicy, id="bond policy"),
    pytest.param(bond_cases(), BondCase, id="whole case"),
    pytest.param(band_tables(), BandTable, id="band table"),
    pytest.param(table_calendars(), TableCalendar, id="work calendar"),
    pytest.param(service_lengths(), ServiceLength, id="service length"),
    pytest.param(clauses(), Clause, id="clause"),
    pytest.param(special_benefits(), SpecialBenefit, id="special benefit"),
    pytest.param(bond_collections(), Collection, id="collection"),
]


@pytest.mark.parametrize(("strategy", "cls"), _DOMAIN)
def test_every_domain_object_round_trips_through_json(
    strategy: st.SearchStrategy[Any], cls: Any
) -> None:
    @given(strategy)
    def check(obj: Any) -> None:
        data = json.loads(json.dumps(to_dict(obj, cls), ensure_ascii=False))
        assert from_dict(data, cls) == obj

    check()


def test_the_seed_case_as_data_names_the_penalty_form() -> None:
    data = to_dict(electrician_case())
    assert data["agreements"][0]["penalty"] == {
        "multiple": "1",
        "clause_ref": "Art. 4",
        "kind": "cost_multiple",
    }
    assert data["separation"]["last_day"] == "2012-12-07"


def test_the_options_in_force_are_the_first_step_of_every_settlement() -> None:
    step = settle_standard().explanation.steps[0]
    assert step.rule == "policy.options"
    assert step.input_map == {
        "unit": "months",
        "rounding": "nearest",
        "start_convention": "day_after_training_ends",
        "include_offjob_training_wages": False,
        "include_living_subsidy": False,
        "probation": "exempt",
        "mutual_agreement": "exempt_unless_settled",
        "region": "general",
        "schedule": None,
    }


def test_a_settlement_reads_as_tidy_tables_with_the_agreement_on_every_explanation_row() -> None:
    settlement = electrician_case().settle()
    tables = settlement.tables()
    assert list(tables) == [
        "totals",
        "bonds",
        "cost_lines",
        "steps",
        "step_inputs",
        "findings",
        "finding_params",
    ]
    steps = settlement.to_records("steps")
    assert steps[0]["agreement"] == "SP-2010-017"
    assert steps[-1]["agreement"] is None
    assert steps[0]["rule"] == "policy.options"
    chinese = settlement.to_records("findings", locale="zh_CN")
    assert any("劳动合同法" in str(row["citation"]) for row in chinese)


def test_renderings_are_deterministic_and_bilingual() -> None:
    first, second = electrician_case().settle(), electrician_case().settle()
    assert first.to_html() == second.to_html()
    assert first.to_markdown() == second.to_markdown()
    html = first._repr_html_()
    assert "<table" in html
    assert "loss_penalty_void" in html
    assert "生产损失" in html
    markdown = first._repr_markdown_()
    assert "| violation | loss_penalty_void |" in markdown
    assert "1833.33" in first.to_text("en")
    assert "应退还" in first.to_text("zh_CN")


def test_html_escapes_what_the_user_wrote() -> None:
    result = settle_standard(agreement_=agreement(id="<script>x</script>"))
    assert "<script>" not in result.to_html()
    assert "&lt;script&gt;" in result.to_html()


def test_pretty_printing_in_ipython_uses_the_text_rendering() -> None:
    class Printer:
        def __init__(self) -> None:
            self.out: list[str] = []

        def text(self, value: str) -> None:
            self.out.append(value)

    printer = Printer()
    settlement = electrician_case().settle()
    settlement._repr_pretty_(printer, cycle=False)
    assert printer.out == [settlement.to_text("en")]


def test_a_review_renders_like_a_settlement() -> None:
    result = review(agreement(), employment())
    assert "Training bond review" in result.to_text()
    assert result.to_records("steps")[0]["rule"] == "policy.options"
    assert result.to_records()[0]["agreement"] == result.agreement.id


def test_an_unknown_locale_is_rejected() -> None:
    with pytest.raises(InvalidValueError, match="locale"):
        settle_standard().to_text("fr")


def test_a_provision_not_yet_in_force_on_the_event_date_is_flagged() -> None:
    # Left 2008-06-30, before the Implementing Regulations (2008-09-18) took effect.
    early = agreement(
        signed_on=date(2008, 2, 1),
        length=ServiceLength(years=2),
        training=training(start=date(2008, 1, 7), end=date(2008, 1, 31)),
    )
    result = settle_bond(
        early, employment(hire_date=date(2007, 1, 1)), separation(last_day=date(2008, 6, 30))
    )
    flagged = {f.subject for f in result.findings if f.code == "provision_not_in_force"}
    assert "Regs 16" in flagged
    assert "LCL 22(2)" not in flagged


def test_a_review_checks_citations_on_the_signing_date_a_settlement_on_the_exit_date() -> None:
    housing = agreement(
        training=None, benefit=SpecialBenefit(kind=BenefitKind.HOUSING), signed_on=date(2020, 3, 1)
    )
    reviewed = review(housing, employment())
    assert "SPC-II 12" in {
        f.subject for f in reviewed.findings if f.code == "provision_not_in_force"
    }
    settled = settle_bond(housing, employment(), separation(last_day=date(2026, 3, 31)))
    assert "provision_not_in_force" not in {f.code for f in settled.findings}


def test_the_options_step_says_which_options_depart_from_the_statutory_defaults() -> None:
    default = settle_standard().explanation.steps[0].output
    assert isinstance(default, Label)
    assert default.en == "statutory defaults"
    custom = BondPolicy(probation=ProbationRule.CAPPED, rounding=Rounding.FLOOR, name="Plant A")
    output = settle_standard(policy=custom).explanation.steps[0].output
    assert isinstance(output, Label)
    assert output.en == "Plant A (custom options: rounding=floor, probation=capped)"
    assert output.zh_CN == "Plant A（自定义选项：rounding=floor, probation=capped）"
