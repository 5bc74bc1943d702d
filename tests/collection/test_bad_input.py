"""Bad receivables, bad policies and bad inputs are refused with the item, what was
expected and what came; nothing is silently dropped."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hrpolicy import (
    ConversionError,
    InvalidTypeError,
    InvalidValueError,
    PolicyDefinitionError,
    from_dict,
    to_dict,
)
from hrpolicy.collection import (
    BandTable,
    CollectionInputs,
    CollectionPolicy,
    CollectionState,
    CollectionVersion,
    CompletionMatrix,
    CreditNote,
    DaysToCollect,
    FullCollection,
    InvoiceAccount,
    Layer,
    MatchingRule,
    MilestoneEvent,
    MilestoneKind,
    OnInvoice,
    Payment,
    Period,
    Proportional,
    Rate,
    Receivables,
    RelationshipExpense,
    Reversal,
    RiskReserve,
    Semantics,
    Side,
    Staged,
    WriteOff,
    recovery_schedule,
    settle_month,
)
from hrpolicy.collection.examples import (
    DAYS_TO_COLLECT,
    EXAMPLE_POLICIES,
    key_account_policy,
    matrix_policy,
    proportional_policy,
)
from tests.collection.helpers import books, invoice, month, payment


def test_a_payment_dated_before_the_invoice_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Payment\(P1\)\.received_on"):
        month(
            proportional_policy(), books(invoice(), payments=(payment("P1", 100, "2024-01-05"),)), 1
        )


def test_a_payment_named_for_an_invoice_not_yet_issued_is_refused() -> None:
    receivables = books(
        invoice(),
        payments=(payment("P1", 100, "2024-01-05", invoice_id="I1"),),
        matching=MatchingRule.BY_INVOICE,
    )
    with pytest.raises(InvalidValueError, match="on or after invoice I1 was issued"):
        month(proportional_policy(), receivables, 1)


def test_collecting_more_than_is_owed_needs_a_reason() -> None:
    too_much = books(invoice(), payments=(payment("P1", 100001, "2024-02-05"),))
    with pytest.raises(InvalidValueError, match=r"at most the 100000\.00 customer ACME owes"):
        month(proportional_policy(), too_much, 2)
    explained = books(
        invoice(), payments=(payment("P1", 100001, "2024-02-05", excess_reason="预收款"),)
    )
    statement = month(proportional_policy(), explained, 2)
    assert statement.total == Decimal("3000.00")
    assert [f.code for f in statement.findings] == ["unapplied_credit"]


def test_a_float_amount_is_refused() -> None:
    with pytest.raises(InvalidTypeError, match=r"Payment\.amount: .*float"):
        Payment(payment_id="P", customer="ACME", received_on=date(2024, 2, 1), amount=100.5)  # type: ignore[arg-type]


def test_a_matching_rule_that_cannot_apply_is_refused() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"Receivables\.payments\[0\]\(P1\)\.invoice_id: expected the invoice the "
        r"payment settles \(the by_invoice rule matches by it\), got None",
    ):
        books(
            invoice(),
            payments=(payment("P1", 100, "2024-02-05"),),
            matching=MatchingRule.BY_INVOICE,
        )
    with pytest.raises(InvalidValueError, match="None under the fifo rule"):
        books(invoice(), payments=(payment("P1", 100, "2024-02-05", invoice_id="I1"),))
    with pytest.raises(InvalidValueError, match="an invoice of customer BETA"):
        books(
            invoice(),
            invoice("I2", customer="BETA"),
            payments=(payment("P1", 100, "2024-02-05", customer="BETA", invoice_id="I1"),),
            matching=MatchingRule.BY_INVOICE,
        )


def test_a_payment_from_a_customer_without_invoices_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="a customer with invoices"):
        books(invoice(), payments=(payment("P1", 100, "2024-02-05", customer="NOBODY"),))


def test_reversals_credit_notes_and_write_offs_must_fit_what_they_undo() -> None:
    reversal = Reversal(
        reversal_id="R1", payment_id="P1", reversed_on=date(2024, 3, 1), amount=Decimal(200)
    )
    with pytest.raises(InvalidValueError, match=r"at most the 100\.00 left of payment P1"):
        month(
            proportional_policy(),
            books(invoice(), payments=(payment("P1", 100, "2024-02-05"),), reversals=(reversal,)),
            3,
        )
    early = Reversal(
        reversal_id="R1", payment_id="P1", reversed_on=date(2024, 2, 1), amount=Decimal(1)
    )
    with pytest.raises(InvalidValueError, match="on or after the payment's 2024-02-05"):
        books(invoice(), payments=(payment("P1", 100, "2024-02-05"),), reversals=(early,))
    note = CreditNote(
        note_id="C1",
        invoice_id="I1",
        issued_on=date(2024, 2, 1),
        amount=Decimal(100001),
        reason="退货",
    )
    with pytest.raises(InvalidValueError, match="remaining value 100000"):
        month(proportional_policy(), books(invoice(), credit_notes=(note,)), 2)
    write_off = WriteOff(
        write_off_id="W1",
        invoice_id="I1",
        written_off_on=date(2024, 3, 1),
        amount=Decimal(60001),
        reason="坏账",
    )
    with pytest.raises(InvalidValueError, match=r"at most the open balance 60000\.00"):
        month(
            proportional_policy(),
            books(
                invoice(), payments=(payment("P1", 40000, "2024-02-05"),), write_offs=(write_off,)
            ),
            3,
        )


def test_an_account_for_an_invoice_not_in_the_receivables_is_refused() -> None:
    state = CollectionState(
        accounts=(InvoiceAccount(invoice_id="GONE", settled=Decimal(1), released=Decimal(1)),)
    )
    with pytest.raises(InvalidValueError, match="nothing is dropped"):
        month(proportional_policy(), books(invoice()), 2, state)


def test_milestones_not_yet_reached_or_not_awarded_by_the_policy_are_refused() -> None:
    late = MilestoneEvent(
        event_id="M1",
        kind=MilestoneKind.SAMPLE_CERTIFIED,
        customer="ACME",
        achieved_on=date(2024, 4, 1),
    )
    with pytest.raises(InvalidValueError, match="a milestone is paid once reached"):
        month(EXAMPLE_POLICIES["key-account"], books(invoice()), 3, milestones=(late,))
    now = attrs.evolve(late, achieved_on=date(2024, 3, 3))
    with pytest.raises(InvalidValueError, match="a milestone the policy version 2024 awards"):
        month(proportional_policy(), books(invoice()), 3, milestones=(now,))


def test_expenses_need_an_expense_rule_in_the_policy() -> None:
    spent = RelationshipExpense(
        expense_id="E1", customer="ACME", spent_on=date(2024, 3, 2), amount=Decimal(100)
    )
    with pytest.raises(InvalidValueError, match="no relationship-expense rule"):
        month(proportional_policy(), books(invoice()), 3, expenses=(spent,))


def test_a_matrix_policy_needs_the_target_completion() -> None:
    with pytest.raises(InvalidValueError, match="completion: expected the target completion"):
        month(matrix_policy(), books(invoice()), 3)


def test_collection_statements_are_monthly() -> None:
    with pytest.raises(InvalidValueError, match="a month"):
        settle_month(
            proportional_policy(),
            Period(year=2024),
            books(invoice()),
            CollectionInputs(employee="li"),
        )


def test_stages_that_fall_exceed_100_percent_or_never_reach_it_are_refused() -> None:
    def stages(values: list[str]) -> BandTable:
        return BandTable.from_thresholds(
            [0, "0.5", "0.9", 1], values, closed=Side.LOWER, semantics=Semantics.WHOLE
        )

    with pytest.raises(InvalidValueError, match="at least the previous stage"):
        Staged(stages=stages(["0", "0.5", "0.4", "1"]))
    with pytest.raises(InvalidValueError, match="at most 1"):
        Staged(stages=stages(["0", "1.2", "1.2", "1.2"]))
    with pytest.raises(InvalidValueError, match="100 % released at 100 % collected"):
        Staged(stages=stages(["0", "0.5", "0.9", "0.9"]))
    with pytest.raises(InvalidValueError, match="nothing is released before any money"):
        Staged(stages=stages(["0.1", "0.5", "0.9", "1"]))


def test_a_days_table_must_start_at_zero_and_cover_every_day() -> None:
    bounded = BandTable.from_thresholds(
        [0, 30], ["1"], closed=Side.UPPER, semantics=Semantics.WHOLE
    )
    with pytest.raises(InvalidValueError, match="cover every larger value"):
        DaysToCollect(table=bounded)
    with pytest.raises(PolicyDefinitionError, match="nothing waits for cash"):
        CollectionVersion(
            version="v",
            effective_from=date(2024, 1, 1),
            release=OnInvoice(),
            days_to_collect=DaysToCollect(table=DAYS_TO_COLLECT),
        )


def test_a_matrix_of_the_wrong_shape_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="2 values"):
        CompletionMatrix(
            completion=(Decimal(0),),
            collection=(Decimal(0), Decimal("0.5")),
            coefficients=((Decimal(1),),),
        )


def test_a_reserve_of_100_percent_and_overlapping_versions_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="below 100%"):
        RiskReserve(rate=Rate.parse("100%"))
    version = CollectionVersion(
        version="a",
        effective_from=date(2024, 1, 1),
        effective_to=date(2024, 6, 30),
        release=Proportional(),
    )
    other = CollectionVersion(version="b", effective_from=date(2024, 6, 1), release=Proportional())
    with pytest.raises(PolicyDefinitionError, match="do not overlap"):
        CollectionPolicy(policy_id="p", name="p", versions=(version, other))


def test_an_open_collection_version_runs_until_the_next_one_starts() -> None:
    first = CollectionVersion(version="a", effective_from=date(2024, 1, 1), release=Proportional())
    later = CollectionVersion(
        version="b", effective_from=date(2024, 6, 1), release=FullCollection()
    )
    policy = CollectionPolicy(policy_id="p", name="p", versions=(later, first))
    assert policy.version_on(date(2024, 5, 31)).version == "a"
    assert policy.version_on(date(2024, 6, 1)).version == "b"
    assert policy.version_on(date(2030, 1, 1)).version == "b"


def test_policies_and_receivables_convert_to_plain_data_and_back() -> None:
    for policy in EXAMPLE_POLICIES.values():
        assert from_dict(to_dict(policy), CollectionPolicy) == policy
    receivables = books(invoice(), payments=(payment("P1", 100, "2024-02-05"),))
    assert from_dict(to_dict(receivables), Receivables) == receivables
    data = to_dict(receivables)
    data["matching"] = "lifo"
    with pytest.raises(ConversionError, match="lifo"):
        from_dict(data, Receivables)


def test_a_layer_or_an_account_that_released_without_settling_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Layer\.settled: expected more than 0"):
        Layer(settled=Decimal(0), released=Decimal(0))
    with pytest.raises(
        InvalidValueError, match=r"InvoiceAccount\(I1\)\.released: expected 0 while"
    ):
        InvoiceAccount(invoice_id="I1", settled=Decimal(0), released=Decimal(5))


def test_a_staged_table_that_stops_at_100_percent_is_refused_saying_how_to_cover_it() -> None:
    stages = BandTable.from_thresholds(
        [0, "0.8", "0.95", 1], [0, "0.5", "0.8"], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    with pytest.raises(
        PolicyDefinitionError,
        match=r"Staged.stages.bands\[-1\]: expected a last band that includes 100 % collected "
        r"\(give a value for a last band from 1 on\), got str '\[0.95, 1\)'",
    ):
        Staged(stages=stages)


@pytest.mark.parametrize(
    ("stages", "error", "message"),
    [
        ("0.8", InvalidTypeError, r"^stages: expected a list of \(share collected"),
        ([], PolicyDefinitionError, r"^stages: expected at least one stage"),
        ([("0.8", "0.5", "1")], InvalidTypeError, r"^stages\[0\]: expected a \(share"),
        (
            [(0, "0.5")],
            PolicyDefinitionError,
            r"^stages\[0\]\[0\]: expected a share collected above 0",
        ),
        (
            [("0.9", "0.5"), ("0.8", 1)],
            PolicyDefinitionError,
            r"^stages\[1\]\[0\]: expected a share collected above 0.9",
        ),
        (
            [("0.8", "0.5"), ("120%", 1)],
            PolicyDefinitionError,
            r"^stages\[1\]\[0\]: expected a share collected of at most 1 \(100 %\), got str '120%'",
        ),
        ([("0.8", 0.5)], InvalidTypeError, r"^stages\[0\]\[1\]: expected a rate such as"),
        ([("80 percent", 1)], PolicyDefinitionError, r"^stages\[0\]\[0\]: expected a rate"),
        (
            [("0.8", "0.5"), (1, "0.9")],
            PolicyDefinitionError,
            r"^stages\[1\]\[1\]: expected 100 % released at 100 % collected, got str '0.9'$",
        ),
        (
            [("0.8", "0.9"), (1, "0.5")],
            PolicyDefinitionError,
            r"^stages\[1\]\[1\]: expected at least the previous stage's 0.9, got str '0.5'$",
        ),
        (
            [("0.5", "-10%"), (1, 1)],
            PolicyDefinitionError,
            r"^stages\[0\]\[1\]: expected 0 or more, got str '-10%'$",
        ),
        (
            [("0.5", "150%"), (1, 1)],
            PolicyDefinitionError,
            r"^stages\[0\]\[1\]: expected at most 1 \(100 %\), got str '150%'$",
        ),
        (
            {"80%": "50%", "95%": "40%", "100%": "100%"},
            PolicyDefinitionError,
            r"^stages\['95%'\]: expected at least the previous stage's 0.5, got str '40%'$",
        ),
    ],
)
def test_bad_stages_are_refused_naming_the_stage_as_written(
    stages: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Staged.from_stages(stages)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("months", "error", "message"),
    [
        ("2024-05", InvalidTypeError, r"^months: expected a list of \(label, wage"),
        (["2024-05"], InvalidTypeError, r"^months\[0\]: expected a \(label, wage"),
        ([["2024-05", 5000]], InvalidValueError, r"^months\[0\]: expected 3 or 4 items"),
        ([[None, 5000, 2690]], InvalidTypeError, r"^months\[0\].month: expected a str or a Period"),
        ([[" ", 5000, 2690]], InvalidValueError, r"^months\[0\].month: expected a non-empty label"),
        ([["2024-05", 5000.0, 2690]], InvalidTypeError, r"^months\[0\].wage: expected"),
        ([["2024-05", 5000, "-1"]], InvalidValueError, r"^months\[0\].minimum_wage: expected"),
        (
            [{"month": "2024-05", "wage": 5000}],
            InvalidValueError,
            r"^months\[0\]: expected the keys month, wage and minimum_wage "
            r"\(and already_deducted\), got list",
        ),
    ],
)
def test_a_bad_recovery_month_is_refused_naming_the_row(
    months: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        recovery_schedule(Decimal(100), months)  # type: ignore[arg-type]


def test_a_milestone_asked_for_by_an_unknown_name_is_refused_listing_the_kinds() -> None:
    version = key_account_policy().versions[0]
    with pytest.raises(
        InvalidValueError,
        match=r"^kind: expected one of 'sample_certified', 'capability_audit', "
        r"'supplier_listed', got str 'sample'$",
    ):
        version.milestone("sample")
