"""The one approval mechanism: which facts need whose sign-off, and what a missing one
holds back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hrpolicy.core.approvals import (
    AWARD,
    BELOW_LIST,
    BRANCH_MANAGER,
    CATALOG,
    DEPARTMENT_MANAGER,
    EXPENSE_ABOVE,
    GENERAL_MANAGER,
    ON_CREDIT,
    RELATIONSHIP_PLAN,
    Act,
    ApprovalRule,
    ApprovalSubject,
    Approver,
    Fact,
    Holds,
    SignOff,
    check_approvals,
    check_sign_offs,
    kind_label,
)
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.errors import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    PolicyDefinitionError,
)
from hrpolicy.core.explain import Severity
from hrpolicy.core.label import Label

CREDIT_SALES = ApprovalRule(
    kind=ON_CREDIT,
    approvers=(GENERAL_MANAGER,),
    holds=Holds.COMMISSION,
    reference="销售管理制度第8条",
)
RELATIONSHIP_BUDGET = ApprovalRule(
    kind=RELATIONSHIP_PLAN,
    approvers=(DEPARTMENT_MANAGER, GENERAL_MANAGER),
    holds=Holds.ADVANCE,
    reference="销售管理制度第12条",
)
LARGE_EXPENSES = ApprovalRule(
    kind=EXPENSE_ABOVE,
    approvers=(GENERAL_MANAGER,),
    holds=Holds.REIMBURSEMENT,
    above=Decimal(5000),
)


def gm(day: str = "2024-03-05", reference: str = "GM-2024-031") -> SignOff:
    return SignOff(
        approver="general_manager", reference=reference, signed_on=date.fromisoformat(day)
    )


def dm(day: str = "2024-03-04") -> SignOff:
    return SignOff(
        approver="department_manager", reference="DM-17", signed_on=date.fromisoformat(day)
    )


def credit_sale(commission: str = "360.00") -> ApprovalSubject:
    return ApprovalSubject(
        subject_id="C-7", facts=(Fact(kind=ON_CREDIT),), at_stake=Decimal(commission)
    )


def relationship_plan(budget: int = 8000) -> ApprovalSubject:
    return ApprovalSubject(
        subject_id="公关计划2024-05",
        facts=(Fact(kind=RELATIONSHIP_PLAN, amount=Decimal(budget)),),
        at_stake=Decimal(budget),
    )


# --- example tests ------------------------------------------------------------------------


def test_a_sale_on_credit_without_the_general_managers_signature_holds_back_its_commission() -> (
    None
):
    outcome = check_approvals([CREDIT_SALES], credit_sale(), [])
    assert outcome.held == Decimal("360.00")
    assert outcome.paid == Decimal("0.00")
    assert outcome.holds is Holds.COMMISSION
    (finding,) = outcome.findings
    assert finding.code == "approval_missing_held"
    assert finding.severity is Severity.VIOLATION
    assert finding.subject == "C-7"
    assert finding.param("approver") == Label("总经理", "general manager")
    assert finding.param("role") == "general_manager"
    assert finding.param("at_stake") == Decimal("360.00")
    assert finding.param("reference") == "销售管理制度第8条"
    assert [c.id for c in finding.citations] == ["WPP-S 3", "WPP 7"]
    assert "总经理批准" in finding.message("zh_CN")
    assert "360.00" in finding.message("zh_CN")


def test_a_sale_on_credit_the_general_manager_signed_pays_its_commission_and_reports_nothing() -> (
    None
):
    outcome = check_approvals([CREDIT_SALES], credit_sale(), [gm()])
    assert outcome.held == Decimal("0.00")
    assert outcome.paid == Decimal("360.00")
    assert outcome.missing == ()
    assert outcome.findings == ()
    (requirement,) = outcome.required
    assert requirement.sign_off == gm()


def test_a_relationship_plan_reviewed_but_not_approved_holds_the_advance_and_names_the_gm() -> None:
    outcome = check_approvals([RELATIONSHIP_BUDGET], relationship_plan(), [dm()])
    assert [a.role for a in outcome.missing] == ["general_manager"]
    assert [r.approver.role for r in outcome.required] == ["department_manager", "general_manager"]
    assert outcome.held == Decimal("8000.00")
    (finding,) = outcome.findings
    assert finding.param("act") == Label("批准", "approve")
    assert finding.message("en") == (
        "公关计划2024-05: the general manager must approve a relationship-building plan and "
        "its budget of 8000.00 under 销售管理制度第12条, and no sign-off is recorded; the "
        "advance of 8000.00 is held back until it is signed."
    )


def test_a_relationship_plan_missing_both_signatures_names_the_reviewer_and_the_approver() -> None:
    outcome = check_approvals([RELATIONSHIP_BUDGET], relationship_plan(), [])
    assert [f.param("role") for f in outcome.findings] == ["department_manager", "general_manager"]
    assert [f.param("act") for f in outcome.findings] == [Act.REVIEW.label, Act.APPROVE.label]
    # Held once, not once per missing signature.
    assert outcome.held == Decimal("8000.00")


def test_a_general_manager_approving_before_the_department_manager_reviewed_is_reported() -> None:
    outcome = check_approvals(
        [RELATIONSHIP_BUDGET], relationship_plan(), [dm("2024-05-08"), gm("2024-05-06")]
    )
    assert outcome.held == Decimal("0.00")
    (finding,) = outcome.findings
    assert finding.code == "approval_out_of_order"
    assert finding.severity is Severity.WARNING
    assert finding.param("later_on") == date(2024, 5, 6)
    assert finding.param("earlier_on") == date(2024, 5, 8)
    assert "先部门经理后总经理" in finding.message("zh_CN")


def test_an_expense_of_exactly_the_threshold_needs_no_approval_but_one_fen_more_does() -> None:
    at_threshold = ApprovalSubject(
        subject_id="claim-1",
        facts=(Fact(kind=EXPENSE_ABOVE, amount=Decimal(5000)),),
        at_stake=Decimal(5000),
    )
    above = ApprovalSubject(
        subject_id="claim-2",
        facts=(Fact(kind=EXPENSE_ABOVE, amount=Decimal("5000.01")),),
        at_stake=Decimal("5000.01"),
    )
    assert check_approvals([LARGE_EXPENSES], at_threshold, []).required == ()
    assert check_approvals([LARGE_EXPENSES], at_threshold, []).held == Decimal("0.00")
    assert check_approvals([LARGE_EXPENSES], above, []).held == Decimal("5000.01")


def test_a_below_list_rule_that_holds_nothing_only_reports_the_missing_consent() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    deal = ApprovalSubject(
        subject_id="C-103",
        facts=(Fact(kind=BELOW_LIST, amount=Decimal(1000)),),
        at_stake=Decimal(180),
    )
    outcome = check_approvals([below], deal, [])
    assert outcome.held == Decimal("0.00")
    assert outcome.paid == Decimal("180.00")
    assert outcome.holds is Holds.NOTHING
    (finding,) = outcome.findings
    assert finding.code == "approval_missing"
    assert finding.param("at_stake") == Decimal("0.00")
    assert "reported only: nothing is held back" in finding.message("en")


def test_a_deal_below_list_and_on_credit_is_held_once_by_the_general_managers_one_signature() -> (
    None
):
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    deal = ApprovalSubject(
        subject_id="C-9",
        facts=(Fact(kind=BELOW_LIST, amount=Decimal(500)), Fact(kind=ON_CREDIT)),
        at_stake=Decimal(200),
    )
    missing = check_approvals([below, CREDIT_SALES], deal, [])
    assert [f.code for f in missing.findings] == ["approval_missing", "approval_missing_held"]
    assert missing.held == Decimal("200.00")
    assert [a.role for a in missing.missing] == ["general_manager"]
    signed = check_approvals([below, CREDIT_SALES], deal, [gm()])
    assert signed.held == Decimal("0.00")
    assert signed.findings == ()


def test_the_step_lists_the_facts_the_sign_offs_required_and_missing_and_the_amount_held() -> None:
    outcome = check_approvals([RELATIONSHIP_BUDGET], relationship_plan(), [dm()])
    (step,) = outcome.steps
    assert step.rule == "approvals.check"
    inputs = step.input_map
    assert inputs["facts"] == "relationship_plan"
    assert inputs["required"] == "department_manager, general_manager"
    assert inputs["missing"] == "general_manager"
    assert inputs["signed"] == "department_manager DM-17 2024-03-04"
    assert inputs["references"] == "销售管理制度第12条"
    assert inputs["at_stake"] == Decimal("8000.00")
    assert step.output == Decimal("8000.00")
    assert [c.id for c in step.citations] == ["WPP-S 3", "WPP 7"]
    assert outcome.explanation.codes() == ("approval_missing_held",)


def test_a_sign_off_from_someone_no_rule_asks_for_changes_nothing() -> None:
    stray = SignOff(approver="finance_lead", reference="F-1", signed_on=date(2024, 3, 1))
    outcome = check_approvals([CREDIT_SALES], credit_sale(), [stray])
    assert outcome.held == Decimal("360.00")
    assert "finance_lead F-1" in str(outcome.steps[0].input_map["signed"])


def test_a_subject_with_no_fact_a_rule_names_needs_no_sign_off() -> None:
    award = ApprovalSubject(subject_id="award-1", facts=(Fact(kind=AWARD),), at_stake=Decimal(900))
    outcome = check_approvals([CREDIT_SALES], award, [])
    assert outcome.required == ()
    assert outcome.held == Decimal("0.00")
    assert outcome.steps[0].output == Decimal("0.00")


def test_a_kind_the_library_does_not_list_is_named_as_written() -> None:
    rule = ApprovalRule(kind="sample_order", approvers=(BRANCH_MANAGER,), holds=Holds.PAYMENT)
    subject = ApprovalSubject(
        subject_id="S-1", facts=(Fact(kind="sample_order"),), at_stake=Decimal(50)
    )
    (finding,) = check_approvals([rule], subject, []).findings
    assert (
        finding.param("fact") == kind_label("sample_order") == Label("sample_order", "sample_order")
    )
    assert "分公司经理" in finding.message("zh_CN")


# --- bad input ----------------------------------------------------------------------------


def test_a_rule_without_approvers_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"ApprovalRule\(on_credit\).approvers"):
        ApprovalRule(kind=ON_CREDIT, approvers=(), holds=Holds.COMMISSION)


def test_a_rule_naming_one_approver_twice_is_refused() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"approvers\[1\]: expected a unique"):
        ApprovalRule(
            kind=ON_CREDIT, approvers=(GENERAL_MANAGER, GENERAL_MANAGER), holds=Holds.COMMISSION
        )


def test_a_rule_must_say_what_a_missing_sign_off_holds_back() -> None:
    with pytest.raises(InvalidTypeError, match=r"ApprovalRule\.holds: expected a value"):
        ApprovalRule(kind=ON_CREDIT, approvers=(GENERAL_MANAGER,))  # type: ignore[call-arg]


def test_a_threshold_rule_meeting_a_fact_without_an_amount_is_an_error_not_a_pass() -> None:
    claim = ApprovalSubject(subject_id="claim-3", facts=(Fact(kind=EXPENSE_ABOVE),))
    with pytest.raises(
        InvalidValueError,
        match=r"ApprovalSubject\(claim-3\).facts\[0\].amount: expected an amount: the rule for "
        r"expense_above applies only above 5000",
    ):
        check_approvals([LARGE_EXPENSES], claim, [])


def test_two_sign_offs_by_the_same_approver_are_refused_naming_the_second() -> None:
    with pytest.raises(InvalidValueError, match=r"sign_offs\[1\].approver"):
        check_approvals([CREDIT_SALES], credit_sale(), [gm(), gm(reference="GM-2")])


def test_a_negative_amount_at_stake_or_a_float_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"ApprovalSubject\.at_stake"):
        ApprovalSubject(subject_id="x", facts=(), at_stake=Decimal(-1))
    with pytest.raises(InvalidTypeError, match=r"Fact\.amount"):
        Fact(kind=AWARD, amount=1.5)  # type: ignore[arg-type]


def test_a_subject_with_one_kind_of_fact_twice_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"facts\[1\]"):
        ApprovalSubject(subject_id="x", facts=(Fact(kind=AWARD), Fact(kind=AWARD)))


def test_rules_and_sign_offs_of_the_wrong_type_are_refused_naming_the_argument() -> None:
    with pytest.raises(InvalidTypeError, match=r"rules\[0\]"):
        check_approvals(["on_credit"], credit_sale(), [])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match="sign_offs"):
        check_approvals([CREDIT_SALES], credit_sale(), gm())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="subject"):
        check_approvals([CREDIT_SALES], "C-7", [])  # type: ignore[arg-type]


def test_an_unknown_hold_in_plain_data_is_refused_listing_the_allowed_ones() -> None:
    data = {
        "kind": "on_credit",
        "approvers": [{"role": "gm", "title": {"zh_CN": "总经理", "en": "general manager"}}],
        "holds": "commision",
    }
    with pytest.raises(ConversionError, match=r"\$.holds: expected one of 'nothing'"):
        from_dict(data, ApprovalRule)


def test_rules_and_sign_offs_round_trip_through_plain_data() -> None:
    for value in (RELATIONSHIP_BUDGET, LARGE_EXPENSES, gm(), credit_sale()):
        assert from_dict(to_dict(value), type(value)) == value


def test_every_catalog_message_renders_in_both_languages_with_its_placeholders_filled() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    deal = ApprovalSubject(subject_id="C-1", facts=(Fact(kind=BELOW_LIST, amount=Decimal(1)),))
    both = ApprovalSubject(
        subject_id="C-2",
        facts=(Fact(kind=BELOW_LIST, amount=Decimal(1)), Fact(kind=ON_CREDIT)),
        at_stake=Decimal(10),
    )
    held_below = attrs.evolve(below, holds=Holds.COMMISSION)
    stray = SignOff(approver="finance_lead", reference="F-1")
    findings = (
        *check_approvals([CREDIT_SALES], credit_sale(), []).findings,
        *check_approvals([held_below, CREDIT_SALES], both, [stray]).findings,
        *check_approvals([below], deal, []).findings,
        *check_approvals(
            [RELATIONSHIP_BUDGET], relationship_plan(), [dm("2024-05-08"), gm("2024-05-06")]
        ).findings,
    )
    assert {f.code for f in findings} == set(CATALOG)
    for finding in findings:
        for locale in ("zh_CN", "en"):
            text = finding.message(locale)
            assert text, (finding.code, locale)
            assert "{" not in text, (finding.code, locale, text)


def test_an_expense_of_5000_01_says_its_amount_the_5000_threshold_and_the_clause() -> None:
    rule = attrs.evolve(LARGE_EXPENSES, reference="费用管理办法第6条")
    claim = ApprovalSubject(
        subject_id="claim-2",
        facts=(Fact(kind=EXPENSE_ABOVE, amount=Decimal("5000.01")),),
        at_stake=Decimal("5000.01"),
    )
    outcome = check_approvals([rule], claim, [])
    (finding,) = outcome.findings
    assert (finding.param("amount"), finding.param("above"), finding.param("kind")) == (
        Decimal("5000.01"),
        Decimal("5000.00"),
        EXPENSE_ABOVE,
    )
    assert finding.message("en") == (
        "claim-2: the general manager must approve an expense claim of 5000.01, above "
        "5000.00 under 费用管理办法第6条, and no sign-off is recorded; the reimbursement of "
        "5000.01 is held back until it is signed."
    )
    assert finding.message("zh_CN") == (
        "claim-2：按费用管理办法第6条，费用报销（5000.01元，超过5000.00元）须经总经理批准，"
        "未见签批；该笔报销5000.01元暂扣，签批后发放。"
    )
    inputs = outcome.steps[0].input_map
    assert inputs["amounts"] == "expense_above 5000.01"
    assert inputs["thresholds"] == "expense_above > 5000.00"


def test_a_sale_1000_below_list_says_how_far_below_the_list_price_it_is() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    deal = ApprovalSubject(subject_id="D1", facts=(Fact(kind=BELOW_LIST, amount=Decimal(1000)),))
    (finding,) = check_approvals([below], deal, []).findings
    assert finding.message("en") == (
        "D1: the general manager must approve a sale below the list price, 1000.00 below the "
        "list price, and no sign-off is recorded (reported only: nothing is held back)."
    )


def test_the_gms_signature_on_the_credit_terms_is_no_consent_to_a_price_below_list() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.COMMISSION)
    deal = ApprovalSubject(
        subject_id="D1",
        facts=(Fact(kind=BELOW_LIST, amount=Decimal(1000)), Fact(kind=ON_CREDIT)),
        at_stake=Decimal(90),
    )
    credit_only = SignOff(approver="general_manager", reference="GM-赊销-031", covers=(ON_CREDIT,))
    outcome = check_approvals([CREDIT_SALES, below], deal, [credit_only])
    assert outcome.held == Decimal("90.00")
    assert [(f.code, f.param("kind")) for f in outcome.findings] == [
        ("approval_missing_held", BELOW_LIST)
    ]
    consent = SignOff(approver="general_manager", reference="GM-价格-032", covers=(BELOW_LIST,))
    assert check_approvals([CREDIT_SALES, below], deal, [credit_only, consent]).held == 0
    whole = SignOff(approver="general_manager", reference="GM-033")
    assert check_approvals([CREDIT_SALES, below], deal, [whole]).held == 0


def test_two_missing_signatures_on_one_deal_state_the_90_yuan_held_once() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.COMMISSION)
    deal = ApprovalSubject(
        subject_id="D1",
        facts=(Fact(kind=BELOW_LIST, amount=Decimal(1000)), Fact(kind=ON_CREDIT)),
        at_stake=Decimal(90),
    )
    outcome = check_approvals([CREDIT_SALES, below], deal, [])
    assert outcome.held == Decimal("90.00")
    assert [f.code for f in outcome.findings] == [
        "approval_missing_held",
        "approval_missing_also_held",
    ]
    assert "at_stake" not in dict(outcome.findings[1].params)
    assert "already held back" in outcome.findings[1].message("en")


def test_sign_offs_are_required_in_rule_order_whatever_the_order_of_the_facts() -> None:
    below = ApprovalRule(kind=BELOW_LIST, approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    deal = ApprovalSubject(
        subject_id="D1", facts=(Fact(kind=BELOW_LIST, amount=Decimal(1)), Fact(kind=ON_CREDIT))
    )
    outcome = check_approvals([CREDIT_SALES, below], deal, [])
    assert [r.kind for r in outcome.required] == [ON_CREDIT, BELOW_LIST]


def test_the_same_rule_given_twice_is_refused_not_reported_twice() -> None:
    with pytest.raises(InvalidValueError, match=r"rules\[1\]: expected rules that differ"):
        check_approvals([CREDIT_SALES, CREDIT_SALES], credit_sale(), [])
    copy = from_dict(to_dict(RELATIONSHIP_BUDGET), ApprovalRule)
    with pytest.raises(InvalidValueError, match=r"rules\[1\]"):
        check_approvals([RELATIONSHIP_BUDGET, copy], relationship_plan(), [])


def test_a_sign_off_by_a_role_no_rule_names_is_reported_as_counting_for_nothing() -> None:
    typo = SignOff(approver="General_Manager", reference="GM-9")
    outcome = check_approvals([CREDIT_SALES], credit_sale(), [typo])
    assert outcome.held == Decimal("360.00")
    assert [f.code for f in outcome.findings] == [
        "approval_missing_held",
        "approval_sign_off_unused",
    ]
    unused = outcome.findings[1]
    assert (unused.param("role"), unused.param("reference")) == ("General_Manager", "GM-9")
    assert unused.param("roles") == "general_manager"


def test_a_role_or_kind_with_spaces_around_it_is_refused_as_it_could_never_match() -> None:
    with pytest.raises(InvalidValueError, match=r"SignOff\.approver: expected a role without"):
        SignOff(approver="general_manager ", reference="GM-1")
    with pytest.raises(PolicyDefinitionError, match=r"ApprovalRule\.kind: expected a kind"):
        ApprovalRule(kind=" on_credit", approvers=(GENERAL_MANAGER,), holds=Holds.NOTHING)
    with pytest.raises(PolicyDefinitionError, match=r"Approver\.role"):
        Approver(role=" gm", title=Label("总经理", "general manager"))


def test_one_role_may_sign_twice_for_different_facts_but_not_twice_for_one() -> None:
    credit = SignOff(approver="general_manager", reference="GM-1", covers=(ON_CREDIT,))
    below = SignOff(approver="general_manager", reference="GM-2", covers=(BELOW_LIST,))
    assert check_sign_offs([credit, below], "sign_offs") == (credit, below)
    with pytest.raises(InvalidValueError, match=r"deal\.sign_offs\[1\]\.approver"):
        check_sign_offs([credit, attrs.evolve(below, covers=(ON_CREDIT,))], "deal.sign_offs")


def test_rules_given_as_a_generator_are_read() -> None:
    assert check_approvals((r for r in [CREDIT_SALES]), credit_sale(), []).held == Decimal("360.00")


# --- properties ---------------------------------------------------------------------------

_ROLES = ("general_manager", "department_manager", "branch_manager", "finance_lead")
_KINDS = (ON_CREDIT, BELOW_LIST, EXPENSE_ABOVE, AWARD)
_money = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False)


@st.composite
def _approvers(draw: st.DrawFn) -> tuple[Approver, ...]:
    roles = draw(st.lists(st.sampled_from(_ROLES), min_size=1, max_size=3, unique=True))
    return tuple(
        Approver(role=r, title=Label(r, r), act=draw(st.sampled_from(list(Act)))) for r in roles
    )


_rules = st.builds(
    ApprovalRule,
    kind=st.sampled_from(_KINDS),
    approvers=_approvers(),
    holds=st.sampled_from(list(Holds)),
    above=st.none() | _money,
)


@st.composite
def _subjects(draw: st.DrawFn) -> ApprovalSubject:
    kinds = draw(st.lists(st.sampled_from(_KINDS), max_size=4, unique=True))
    facts = tuple(Fact(kind=k, amount=draw(_money)) for k in kinds)
    return ApprovalSubject(subject_id="S", facts=facts, at_stake=draw(_money))


_sign_off_sets = st.lists(st.sampled_from(_ROLES), unique=True).map(
    lambda roles: [
        SignOff(approver=r, reference=f"{r}-1", signed_on=date(2024, 1, 2)) for r in roles
    ]
)


@given(st.lists(_rules, max_size=4, unique=True), _rules, _subjects(), _sign_off_sets)
def test_adding_a_rule_never_raises_what_is_paid(
    rules: list[ApprovalRule], extra: ApprovalRule, subject: ApprovalSubject, signed: list[SignOff]
) -> None:
    assume(extra not in rules)
    before = check_approvals(rules, subject, signed)
    after = check_approvals([*rules, extra], subject, signed)
    assert after.paid <= before.paid
    assert after.held >= before.held


@given(st.lists(_rules, max_size=4, unique=True), _subjects(), _sign_off_sets, st.data())
def test_taking_away_a_sign_off_never_raises_what_is_paid(
    rules: list[ApprovalRule], subject: ApprovalSubject, signed: list[SignOff], data: st.DataObject
) -> None:
    kept = [s for s in signed if data.draw(st.booleans())]
    assert (
        check_approvals(rules, subject, kept).paid <= check_approvals(rules, subject, signed).paid
    )


@given(st.lists(_rules, max_size=4, unique=True), _subjects(), _sign_off_sets)
def test_what_is_held_is_all_at_stake_or_nothing_and_only_for_a_missing_holding_sign_off(
    rules: list[ApprovalRule], subject: ApprovalSubject, signed: list[SignOff]
) -> None:
    outcome = check_approvals(rules, subject, signed)
    assert outcome.held in (Decimal(0), subject.at_stake)
    holding = [r for r in outcome.required if r.missing and r.rule.holds is not Holds.NOTHING]
    assert (outcome.held == subject.at_stake) == bool(holding) or subject.at_stake == 0
    assert {a.role for a in outcome.missing} <= {r.approver.role for r in outcome.required}
    missing_findings = [f for f in outcome.findings if f.code.startswith("approval_missing")]
    assert len(missing_findings) == sum(r.missing for r in outcome.required)
    assert outcome.steps[0].output == outcome.held


@given(st.lists(_rules, max_size=4, unique=True), _subjects())
def test_every_required_sign_off_given_holds_nothing_back(
    rules: list[ApprovalRule], subject: ApprovalSubject
) -> None:
    named = {a.role for rule in rules for a in rule.approvers}
    everyone = [
        SignOff(approver=r, reference="ok", signed_on=date(2024, 1, 2))
        for r in _ROLES
        if r in named
    ]
    outcome = check_approvals(rules, subject, everyone)
    assert outcome.held == 0
    assert outcome.findings == ()


def test_an_undated_sign_off_counts_but_its_order_is_not_checked() -> None:
    undated = SignOff(approver="general_manager", reference="GM-7")
    outcome = check_approvals([RELATIONSHIP_BUDGET], relationship_plan(), [dm(), undated])
    assert outcome.held == Decimal("0.00")
    assert outcome.findings == ()
    assert (
        outcome.steps[0].input_map["signed"]
        == "department_manager DM-17 2024-03-04, general_manager GM-7"
    )
