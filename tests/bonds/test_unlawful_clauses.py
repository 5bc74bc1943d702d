"""Unlawful bond clauses, one by one: every void or unlawful clause is flagged with its article, and
the engine computes what the law allows instead."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrpolicy import from_dict, to_dict
from hrpolicy.bonds import (
    BondReview,
    Clause,
    ClauseKind,
    Collection,
    CollectionMethod,
    CostCategory,
    CostMultiple,
    EligibilityStatus,
    FlatSum,
    Outcome,
    Payer,
    TrainingKind,
    review,
    settle,
)
from hrpolicy.core.clauses import Verdict
from hrpolicy.core.errors import ConversionError
from hrpolicy.core.explain import Severity
from tests.bonds.helpers import (
    agreement,
    cited,
    codes,
    cost,
    employment,
    separation,
    settle_standard,
    training,
)

CAPPED = Decimal("8000.00")


@pytest.mark.parametrize(
    ("kind", "code", "articles"),
    [
        pytest.param(
            ClauseKind.CERTIFICATE_WITHHOLDING,
            "certificate_withholding",
            {"LCL 9", "LCL 84(1)"},
            id="holding ID, diploma or certificates until the bond is served is unlawful",
        ),
        pytest.param(
            ClauseKind.DEPOSIT,
            "deposit_or_guarantee",
            {"LCL 9", "LCL 84(2)"},
            id="a training deposit, cash bond or guarantor is unlawful",
        ),
        pytest.param(
            ClauseKind.DOCUMENT_WITHHOLDING,
            "separation_documents_withheld",
            {"LCL 50", "LCL 84(3)", "LCL 89"},
            id="withholding the separation certificate or file until paid is unlawful",
        ),
        pytest.param(
            ClauseKind.LOSS_PENALTY,
            "loss_penalty_void",
            {"LCL 25", "LCL 90", "LL 102"},
            id="a penalty for lost production or recruitment cost is void",
        ),
        pytest.param(
            ClauseKind.WAGES_AS_COST,
            "wages_as_cost_clause",
            {"Regs 16"},
            id="counting wages or social insurance as training cost is not allowed",
        ),
        pytest.param(
            ClauseKind.WAGE_DEDUCTION,
            "penalty_deducted_from_wages",
            {"WPP 15", "WPP 16", "LCL 30", "LCL 85"},
            id="deducting the penalty from final wages is unlawful",
        ),
        pytest.param(
            ClauseKind.NO_RESIGNATION,
            "resignation_restricted",
            {"LCL 37", "LCL 26(1)"},
            id="forbidding resignation during the bond is void",
        ),
        pytest.param(
            ClauseKind.PENALTY_ON_ANY_EXIT,
            "penalty_on_exempt_exits",
            {"Regs 26(1)", "Regs 26(2)", "LCL 26(1)"},
            id="a penalty also due on employer-fault or no-fault exits is void",
        ),
        pytest.param(
            ClauseKind.EXAM_FAILURE_TERMINATION,
            "exam_failure_termination",
            {"Regs 13"},
            id="ending the contract automatically on a failed exam is void",
        ),
        pytest.param(
            ClauseKind.PAY_FREEZE,
            "pay_raise_frozen",
            {"LCL 22(3)"},
            id="freezing pay raises during the bond is unlawful",
        ),
    ],
)
def test_each_unlawful_clause_is_flagged_with_its_article_and_the_lawful_amount_still_computed(
    kind: ClauseKind, code: str, articles: set[str]
) -> None:
    result = settle_standard(agreement_=agreement(clauses=(Clause(kind=kind, ref="Art. 9"),)))
    flagged = [f for f in result.findings if f.code == code]
    assert len(flagged) == 1
    assert flagged[0].severity is Severity.VIOLATION
    assert flagged[0].subject == "Art. 9"
    assert {c.id for c in flagged[0].citations} == articles
    assert result.payable == CAPPED


def test_an_unnumbered_clause_is_named_by_its_position() -> None:
    result = review(
        agreement(clauses=(Clause(kind=ClauseKind.PAY_FREEZE), Clause(kind=ClauseKind.DEPOSIT))),
        employment(),
    )
    assert [
        f.subject for f in result.findings if f.code in ("pay_raise_frozen", "deposit_or_guarantee")
    ] == ["#1", "#2"]


def test_a_deposit_named_in_the_agreement_must_be_returned_in_full() -> None:
    result = settle(
        [agreement(clauses=(Clause(kind=ClauseKind.DEPOSIT, amount=Decimal("2000")),))],
        employment(),
        separation(),
    )
    assert result.deposits_to_return == Decimal("2000")


def test_a_penalty_above_the_training_cost_is_flagged_and_cut_to_the_cap() -> None:
    result = settle_standard(agreement_=agreement(penalty=FlatSum(amount=Decimal("20000"))))
    assert {"penalty_above_cost", "penalty_not_prorated", "penalty_cut_to_cap"} <= codes(result)
    assert result.agreed == Decimal("20000.00")
    assert result.payable == CAPPED


def test_a_double_cost_multiple_is_cut_to_the_cap() -> None:
    result = settle_standard(agreement_=agreement(penalty=CostMultiple(multiple=Decimal(2))))
    assert "penalty_above_cost" in codes(result)
    assert result.agreed == Decimal("24000.00")
    assert result.payable == CAPPED


def test_full_repayment_whatever_the_time_served_is_unlawful_and_cut_to_the_unserved_share() -> (
    None
):
    result = settle_standard(agreement_=agreement(penalty=CostMultiple(multiple=Decimal(1))))
    [flag] = [f for f in result.findings if f.code == "penalty_not_prorated"]
    assert flag.severity is Severity.VIOLATION
    assert {"penalty_not_prorated", "penalty_cut_to_cap"} <= codes(result)
    assert "penalty_above_cost" not in codes(result)
    assert result.payable == CAPPED


def test_wages_listed_as_training_cost_are_excluded_and_flagged() -> None:
    costs = (
        cost(),
        cost("5000", CostCategory.WAGES, item_id="salary"),
        cost("800", CostCategory.SOCIAL_INSURANCE, item_id="si"),
    )
    result = settle_standard(agreement_=agreement(training=training(costs=costs)))
    flagged = [f for f in result.findings if f.code == "wages_counted_as_cost"]
    assert len(flagged) == 1
    assert "5800.00" in flagged[0].message_en
    assert result.cap1 == Decimal("12000.00")
    assert result.payable == CAPPED


def test_a_penalty_taken_out_of_final_wages_must_be_paid_back_as_wages() -> None:
    result = settle(
        [agreement(clauses=(Clause(kind=ClauseKind.WAGE_DEDUCTION),))],
        employment(),
        separation(
            collections=(
                Collection(amount=Decimal("9000"), method=CollectionMethod.DEDUCTED_FROM_WAGES),
            )
        ),
    )
    found = {f.code for f in result.findings}
    assert {"penalty_deducted_from_wages", "collected_from_wages"} <= found
    # The deduction is owed back as wages in full; the lawful 8,000 is still owed by
    # lawful means, not by keeping the deduction.
    assert result.wages_to_pay == Decimal("9000.00")
    assert result.paid == Decimal("0.00")
    assert result.refund_due == Decimal("0.00")
    assert result.still_owed == Decimal("8000.00")


def test_a_deposit_drawn_on_for_the_penalty_is_still_returned_in_full() -> None:
    result = settle(
        [agreement(clauses=(Clause(kind=ClauseKind.DEPOSIT, amount=Decimal("2000")),))],
        employment(),
        separation(
            collections=(
                Collection(amount=Decimal("2000"), method=CollectionMethod.TAKEN_FROM_DEPOSIT),
            )
        ),
    )
    assert result.deposits_to_return == Decimal("2000.00")
    assert result.collected == Decimal("2000.00")
    assert result.paid == Decimal("0.00")
    assert result.still_owed == Decimal("8000.00")


def test_money_taken_from_a_deposit_is_flagged() -> None:
    result = settle(
        [agreement()],
        employment(),
        separation(
            collections=(
                Collection(amount=Decimal("500"), method=CollectionMethod.TAKEN_FROM_DEPOSIT),
            )
        ),
    )
    assert "collected_from_deposit" in {f.code for f in result.findings}


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(TrainingKind.ONBOARDING, id="onboarding"),
        pytest.param(TrainingKind.JOB_TRANSFER, id="job transfer"),
    ],
)
def test_a_bond_on_training_the_employer_owes_by_law_is_void_and_nothing_is_payable(
    kind: TrainingKind,
) -> None:
    result = settle_standard(agreement_=agreement(training=training(kind=kind)))
    assert result.outcome is Outcome.VOID
    assert result.payable == Decimal("0.00")
    assert result.review.eligibility.status is EligibilityStatus.STATUTORY_TRAINING
    assert "bond_on_statutory_training" in codes(result)
    assert "bond_on_non_technical_training" not in codes(result)
    assert {"LCL 22(1)", "LL 68"} <= cited(result, "bond_on_statutory_training")


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        pytest.param(TrainingKind.MANAGEMENT, "General management / team-leader", id="management"),
        pytest.param(
            TrainingKind.BRAND_SERVICE_STANDARDS, "Brand or service-standards", id="brand standards"
        ),
        pytest.param(TrainingKind.MENTORING, "In-house mentoring", id="in-house apprenticeship"),
    ],
)
def test_a_bond_on_a_management_brand_or_mentoring_course_is_void_as_not_professional_technical(
    kind: TrainingKind, named: str
) -> None:
    result = settle_standard(agreement_=agreement(training=training(kind=kind)))
    assert result.outcome is Outcome.VOID
    assert result.payable == Decimal("0.00")
    assert result.review.eligibility.status is EligibilityStatus.NOT_PROFESSIONAL_TECHNICAL
    assert "bond_on_statutory_training" not in codes(result)
    [finding] = [f for f in result.findings if f.code == "bond_on_non_technical_training"]
    assert finding.message("en").startswith(f"{named} training is not professional-technical")
    assert "statutory" not in finding.message("en")
    assert "法定义务" not in finding.message("zh_CN")
    assert {c.id for c in finding.citations} == {"LCL 22(1)", "LCL 25"}


def test_a_bond_on_safety_training_is_void_under_the_work_safety_law() -> None:
    result = settle_standard(
        agreement_=agreement(training=training(kind=TrainingKind.SAFETY_HYGIENE))
    )
    assert result.outcome is Outcome.VOID
    assert {"WSL 28", "WSL 47"} <= cited(result, "bond_on_safety_training")


def test_a_bond_with_no_real_spend_is_void() -> None:
    unvouchered = training(costs=(cost(has_voucher=False),))
    result = settle_standard(agreement_=agreement(training=unvouchered))
    assert result.outcome is Outcome.VOID
    assert "no_recognised_cost" in codes(result)


def test_charging_a_probationer_for_onboarding_training_is_always_unlawful() -> None:
    result = review(
        agreement(training=training(kind=TrainingKind.ONBOARDING, during_probation=True)),
        employment(hire_date=date(2020, 2, 1), probation_end=date(2020, 7, 31)),
    )
    assert "probation_onboarding_charge" in {f.code for f in result.findings}


def test_charging_a_probationer_for_professional_training_is_flagged_as_contested() -> None:
    result = review(
        agreement(training=training(during_probation=True)),
        employment(hire_date=date(2020, 2, 1), probation_end=date(2020, 7, 31)),
    )
    found = [f for f in result.findings if f.code == "probation_training_contested"]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING


def test_costs_borne_by_the_parent_company_cannot_ground_a_bond() -> None:
    paid_by_parent = training(costs=(cost(paid_by=Payer.PARENT_COMPANY),))
    result = settle_standard(agreement_=agreement(training=paid_by_parent))
    assert result.outcome is Outcome.VOID
    assert result.review.cost is not None
    reason = result.review.cost.excluded[0].reason
    assert reason.en == "borne by the parent or a related company, not by the employer"
    assert reason.zh_CN == "由母公司或关联公司承担，并非用人单位支出"


# --- the clause audit as data (hrpolicy.core.clauses) ----------------------------------------


@pytest.mark.parametrize("kind", list(ClauseKind), ids=[k.value for k in ClauseKind])
def test_every_other_clause_kind_is_unlawful_or_void_citing_the_articles_its_finding_cites(
    kind: ClauseKind,
) -> None:
    checked = review(agreement(clauses=(Clause(kind=kind, ref="Art. 9"),)), employment())
    (verdict,) = checked.clause_verdicts
    assert verdict.verdict in (Verdict.UNLAWFUL, Verdict.VOID)
    assert not verdict.verdict.stands
    (finding,) = [f for f in checked.findings if f.code == verdict.finding]
    assert set(verdict.articles) == {c.id for c in finding.citations}
    assert verdict.instead.zh_CN
    assert verdict.instead.en
    step = checked.explanation.step(f"clause.{kind.value}")
    assert (step.input_map["clause"], step.output) == ("Art. 9", verdict.verdict.value)


def test_a_review_lists_each_clause_verdict_in_its_clauses_table_in_both_languages() -> None:
    checked = review(
        agreement(
            clauses=(
                Clause(kind=ClauseKind.LOSS_PENALTY, ref="Art. 5"),
                Clause(kind=ClauseKind.DEPOSIT, amount=Decimal("2000")),
            )
        ),
        employment(),
    )
    rows = checked.to_records("clauses")
    assert [(r["ref"], r["kind"], r["verdict"], r["finding"]) for r in rows] == [
        ("Art. 5", "loss_penalty", "void", "loss_penalty_void"),
        ("#2", "deposit", "unlawful", "deposit_or_guarantee"),
    ]
    assert rows[0]["citation"] == "LCL Art. 25; LCL Art. 90; LL Art. 102"
    chinese = checked.to_records("clauses", locale="zh_CN")
    assert chinese[1]["instead"].startswith("所收财物全额退还")


def test_a_deposit_clause_naming_an_amount_carries_it_in_its_finding() -> None:
    checked = review(
        agreement(clauses=(Clause(kind=ClauseKind.DEPOSIT, ref="Art. 7", amount=Decimal("2000")),)),
        employment(),
    )
    (deposit,) = [f for f in checked.findings if f.code == "deposit_or_guarantee"]
    assert deposit.param("amount") == Decimal("2000")


def test_a_single_bond_settled_shows_its_clause_verdicts_too() -> None:
    result = settle_standard(agreement_=agreement(clauses=(Clause(kind=ClauseKind.PAY_FREEZE),)))
    assert [r["verdict"] for r in result.to_records("clauses")] == ["unlawful"]
    assert result.review.clause_verdicts[0].ref == "#1"


def test_a_review_read_back_from_data_with_an_edited_clause_verdict_is_refused() -> None:
    checked = review(
        agreement(clauses=(Clause(kind=ClauseKind.LOSS_PENALTY, ref="5"),)), employment()
    )
    data = to_dict(checked)
    assert data["clause_verdicts"][0]["verdict"] == "void"
    assert from_dict(data, BondReview) == checked
    data["clause_verdicts"][0]["verdict"] = "lawful"
    with pytest.raises(ConversionError, match=r"clause_verdicts\[0\]\.verdict"):
        from_dict(data, BondReview)
