"""Waivers: the company's own generosity on top of the law. A waiver whose condition is met
waives or reduces what the bond owes after the statutory caps; it never raises it.

The standard case (tests/bonds/helpers.py) owes 8,000.00 within the caps.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from hrpolicy import from_dict, to_dict
from hrpolicy.bonds import (
    ExitGround,
    Outcome,
    Rate,
    SeparationSettlement,
    Waiver,
    WaiverCondition,
    WaiverEffect,
    settle,
    settle_bond,
)
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core.errors import ConversionError, InvalidValueError
from tests.bonds.helpers import agreement, employment, separation, settle_standard, training

SUCCESSOR = Waiver(condition=WaiverCondition.TRAINED_SUCCESSOR, clause_ref="Art. 6")


def _revenue(threshold: str, **changes: object) -> Waiver:
    return Waiver(
        condition=WaiverCondition.REVENUE_PRODUCED,
        clause_ref="Art. 7",
        threshold=Decimal(threshold),
        **changes,  # type: ignore[arg-type]
    )


def test_the_electrician_still_owes_1833_33_as_the_company_held_the_waiver_unmet() -> None:
    result = electrician_case().settle()
    bond = result.bond("SP-2010-017")
    assert (bond.capped, bond.waived, bond.payable) == (
        Decimal("1833.33"),
        Decimal("0.00"),
        Decimal("1833.33"),
    )
    (unmet,) = [f for f in result.findings if f.code == "waiver_not_met"]
    assert unmet.subject == "Art. 6"
    assert bond.explanation.step("waiver.condition").output is False
    assert result.refund_due == Decimal("1166.67")


def test_the_electrician_owes_nothing_and_gets_3000_back_once_his_replacement_counts() -> None:
    result = electrician_case(successor_trained=True).settle()
    bond = result.bond("SP-2010-017")
    assert (bond.capped, bond.waived, bond.payable) == (
        Decimal("1833.33"),
        Decimal("1833.33"),
        Decimal("0.00"),
    )
    assert bond.outcome is Outcome.PAYABLE
    assert (result.total_payable, result.refund_due, result.still_owed) == (
        Decimal("0.00"),
        Decimal("3000.00"),
        Decimal("0.00"),
    )
    (applied,) = [f for f in result.findings if f.code == "waiver_applied"]
    assert (applied.param("reduction"), applied.param("owed")) == (
        Decimal("1833.33"),
        Decimal("1833.33"),
    )
    assert result.excess_demand == Decimal("3666.00")


def test_a_waiver_of_a_quarter_takes_a_quarter_off_the_capped_figure_not_the_agreed_one() -> None:
    quarter = Waiver(
        condition=WaiverCondition.TRAINED_SUCCESSOR,
        clause_ref="Art. 6",
        effect=WaiverEffect.REDUCE_BY_SHARE,
        share=Rate.parse("25%"),
    )
    result = settle_standard(
        agreement_=agreement(waivers=(quarter,)), separation_=separation(waivers_met=("Art. 6",))
    )
    assert (result.capped, result.waived, result.payable) == (
        Decimal("8000.00"),
        Decimal("2000.00"),
        Decimal("6000.00"),
    )
    assert result.explanation.step("waiver.reduction").output == 2000


@pytest.mark.parametrize(
    ("amount", "payable"),
    [
        pytest.param("2000", "6000.00", id="a 2,000-yuan reduction leaves 6,000 of 8,000"),
        pytest.param(
            "10000", "0.00", id="a reduction above what is owed leaves nothing, never less"
        ),
    ],
)
def test_a_waiver_by_an_amount_lowers_the_capped_figure_by_that_amount_and_never_below_zero(
    amount: str, payable: str
) -> None:
    fixed = Waiver(
        condition=WaiverCondition.OTHER,
        clause_ref="Art. 8",
        effect=WaiverEffect.REDUCE_BY_AMOUNT,
        amount=Decimal(amount),
        text="stays on as a trainer for six months",
    )
    result = settle_standard(
        agreement_=agreement(waivers=(fixed,)), separation_=separation(waivers_met=("Art. 8",))
    )
    assert result.payable == Decimal(payable)
    assert result.waived == Decimal("8000.00") - Decimal(payable)


@pytest.mark.parametrize(
    ("revenue", "payable"),
    [
        pytest.param(None, "8000.00", id="revenue not stated: the condition is not shown"),
        pytest.param("99999.99", "8000.00", id="a fen short of the threshold: not met"),
        pytest.param("100000", "0.00", id="exactly the threshold: met"),
    ],
)
def test_a_revenue_waiver_applies_only_once_the_revenue_reaches_its_threshold(
    revenue: str | None, payable: str
) -> None:
    result = settle_standard(
        agreement_=agreement(waivers=(_revenue("100000"),)),
        separation_=separation(revenue_produced=None if revenue is None else Decimal(revenue)),
    )
    assert result.payable == Decimal(payable)
    step = result.explanation.step("waiver.condition")
    assert step.input_map["threshold"] == Decimal("100000")


def test_two_waivers_met_together_never_take_off_more_than_is_owed() -> None:
    half = Waiver(
        condition=WaiverCondition.OTHER,
        clause_ref="Art. 8",
        effect=WaiverEffect.REDUCE_BY_SHARE,
        share=Rate.parse("60%"),
    )
    result = settle_standard(
        agreement_=agreement(
            waivers=(
                half,
                _revenue("1", effect=WaiverEffect.REDUCE_BY_SHARE, share=Rate.parse("60%")),
            )
        ),
        separation_=separation(waivers_met=("Art. 8",), revenue_produced=Decimal("5")),
    )
    assert result.payable == Decimal("0.00")
    assert result.waived == Decimal("8000.00")
    assert result.explanation.step("waiver.total").input_map["reductions"] == 9600


def test_a_waiver_does_nothing_when_the_exit_ground_already_means_nothing_is_owed() -> None:
    result = settle_standard(
        agreement_=agreement(waivers=(SUCCESSOR,)),
        separation_=separation(
            ground=ExitGround.RESIGNATION_EMPLOYER_FAULT, waivers_met=("Art. 6",)
        ),
    )
    assert (result.outcome, result.payable, result.waived) == (
        Outcome.EXEMPT,
        Decimal("0.00"),
        None,
    )


def test_a_waiver_listed_as_met_that_no_agreement_has_is_refused_naming_the_entry() -> None:
    with pytest.raises(InvalidValueError) as caught:
        settle([agreement(waivers=(SUCCESSOR,))], employment(), separation(waivers_met=("Art. 9",)))
    assert caught.value.path == "separation.waivers_met[0]"
    assert "Art. 6" in caught.value.expected


def test_a_revenue_waiver_cannot_be_listed_as_met_because_the_revenue_decides_it() -> None:
    with pytest.raises(InvalidValueError, match=r"separation\.waivers_met\[0\].*revenue_produced"):
        settle(
            [agreement(waivers=(_revenue("100000"),))],
            employment(),
            separation(waivers_met=("Art. 7",)),
        )


def test_a_waiver_ref_two_agreements_share_must_be_qualified_by_the_agreement_id() -> None:
    first = agreement(waivers=(SUCCESSOR,))
    second = agreement(id="A2", training=training(id="T2"), waivers=(SUCCESSOR,))
    with pytest.raises(InvalidValueError, match=r"A1 and A2 both have a waiver Art\. 6"):
        settle([first, second], employment(), separation(waivers_met=("Art. 6",)))
    result = settle([first, second], employment(), separation(waivers_met=("A2/Art. 6",)))
    assert [b.payable for b in result.bonds] == [Decimal("8000.00"), Decimal("0.00")]


def test_one_bond_settled_alone_accepts_another_agreements_qualified_waiver_only() -> None:
    alone = settle_bond(
        agreement(waivers=(SUCCESSOR,)), employment(), separation(waivers_met=("A2/Art. 6",))
    )
    assert alone.payable == Decimal("8000.00")
    with pytest.raises(InvalidValueError, match="another agreement's"):
        settle_bond(agreement(), employment(), separation(waivers_met=("Art. 6",)))


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        pytest.param(
            {"effect": WaiverEffect.WAIVE_ALL, "share": Rate.parse("50%")},
            "Waiver.share",
            id="a share on a waiver that waives in full",
        ),
        pytest.param(
            {"effect": WaiverEffect.REDUCE_BY_SHARE},
            "Waiver.share",
            id="a reduction by a share without the share",
        ),
        pytest.param(
            {"effect": WaiverEffect.REDUCE_BY_SHARE, "share": Rate.parse("120%")},
            "Waiver.share",
            id="a share above 100 %",
        ),
        pytest.param(
            {"effect": WaiverEffect.REDUCE_BY_AMOUNT, "amount": Decimal("0")},
            "Waiver.amount",
            id="a reduction of nothing",
        ),
        pytest.param(
            {"threshold": Decimal("5000")},
            "Waiver.threshold",
            id="a revenue threshold on a trained-successor waiver",
        ),
    ],
)
def test_a_waiver_that_cannot_mean_anything_is_refused_naming_its_field(
    fields: dict[str, object], path: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Waiver(condition=WaiverCondition.TRAINED_SUCCESSOR, clause_ref="Art. 6", **fields)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_a_revenue_waiver_without_its_threshold_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Waiver\.threshold"):
        Waiver(condition=WaiverCondition.REVENUE_PRODUCED, clause_ref="Art. 7")


def test_two_waivers_with_one_clause_ref_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"BondAgreement\.waivers\[1\]"):
        agreement(waivers=(SUCCESSOR, SUCCESSOR))


def test_a_settlement_read_back_with_an_edited_waived_figure_is_refused() -> None:
    result = electrician_case(successor_trained=True).settle()
    data = to_dict(result)
    assert data["bonds"][0]["waived"] == "1833.33"
    assert from_dict(data, SeparationSettlement) == result
    data["bonds"][0]["waived"] = "0.00"
    with pytest.raises(ConversionError, match=r"bonds\[0\]\.waived: expected 1833\.33"):
        from_dict(data, SeparationSettlement)


def test_the_bonds_table_shows_the_capped_figure_what_was_waived_and_what_is_payable() -> None:
    (row,) = electrician_case(successor_trained=True).settle().to_records("bonds")
    assert (row["capped"], row["waived"], row["payable"]) == (
        Decimal("1833.33"),
        Decimal("1833.33"),
        Decimal("0.00"),
    )


def test_two_1500_yuan_waivers_on_1833_33_owed_report_1500_and_the_333_33_that_was_left() -> None:
    fixed = tuple(
        Waiver(
            condition=WaiverCondition.OTHER,
            clause_ref=ref,
            effect=WaiverEffect.REDUCE_BY_AMOUNT,
            amount=Decimal("1500"),
        )
        for ref in ("Art. 8", "Art. 9")
    )
    case = electrician_case()
    result = settle(
        [attrs.evolve(case.agreements[0], waivers=fixed)],
        case.employment,
        attrs.evolve(case.separation, waivers_met=("Art. 8", "Art. 9")),
    )
    bond = result.bond("SP-2010-017")
    applied = [f for f in result.findings if f.code == "waiver_applied"]
    assert [(f.subject, f.param("reduction"), f.param("left")) for f in applied] == [
        ("Art. 8", Decimal("1500.00"), Decimal("1833.33")),
        ("Art. 9", Decimal("333.33"), Decimal("333.33")),
    ]
    assert (bond.waived, bond.payable) == (Decimal("1833.33"), Decimal("0.00"))
    assert "333.33" in applied[1].message("en")


def test_a_waiver_met_after_an_earlier_one_waived_everything_reports_that_it_took_off_nothing() -> (
    None
):
    other = Waiver(condition=WaiverCondition.OTHER, clause_ref="Art. 8")
    result = settle_standard(
        agreement_=agreement(waivers=(SUCCESSOR, other)),
        separation_=separation(waivers_met=("Art. 6", "Art. 8")),
    )
    reductions = [
        (f.subject, f.param("reduction"))
        for f in result.explanation.findings
        if f.code == "waiver_applied"
    ]
    assert reductions == [("Art. 6", Decimal("8000.00")), ("Art. 8", Decimal("0.00"))]
    assert result.waived == Decimal("8000.00")


def test_a_bond_settled_alone_warns_that_another_agreements_waiver_takes_nothing_off_it() -> None:
    alone = settle_bond(
        agreement(waivers=(SUCCESSOR,)),
        employment(),
        separation(waivers_met=("A1-typo/Art. 6",)),
    )
    assert alone.payable == Decimal("8000.00")
    (warning,) = [
        f for f in alone.explanation.findings if f.code == "waiver_listed_for_another_agreement"
    ]
    assert (warning.param("owner"), warning.param("ref"), warning.param("agreement")) == (
        "A1-typo",
        "Art. 6",
        "A1",
    )
    assert "'A1/Art. 6'" in warning.message("en")


def test_the_electricians_bond_settled_alone_flags_a_mistyped_agreement_id_on_his_waiver() -> None:
    case = electrician_case()
    typo = attrs.evolve(case.separation, waivers_met=("SP-2010-071/Art. 6",))
    bond = settle_bond(case.agreements[0], case.employment, typo)
    assert "waiver_listed_for_another_agreement" in bond.explanation.codes()
    assert bond.payable == Decimal("1833.33")


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param("Art. 6/typo", id="a clause ref of this agreement where the id belongs"),
        pytest.param("/Art. 6", id="no agreement id before the slash"),
        pytest.param("A2/", id="no clause ref after the slash"),
    ],
)
def test_a_bond_settled_alone_refuses_a_waivers_met_entry_that_cannot_name_any_agreements_waiver(
    entry: str,
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        settle_bond(agreement(waivers=(SUCCESSOR,)), employment(), separation(waivers_met=(entry,)))
    assert caught.value.path == "separation.waivers_met[0]"
    assert caught.value.actual == entry
