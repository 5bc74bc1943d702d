"""Charges cases read from a spreadsheet: a case per row, the agreement's clauses, the
incidents, the takings, the pay periods and the non-compete compensation as child tables
keyed by case id; every cell that does not fit named by table, row and column."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.model import (
    ChargeAgreement,
    CompensationPayment,
    Deposit,
    DepositBasis,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    NonCompetePay,
    PayPeriod,
    PerItemCharge,
    Relationship,
    Role,
    Taking,
    Trigger,
    Worker,
)
from hrpolicy.charges.policy import ChargePolicy, FineRule
from hrpolicy.core.errors import InvalidTypeError
from hrpolicy.core.money import Rate
from hrpolicy.tables import TableError, read_charge_cases


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str)


CASES = _csv(
    "case_id,worker.id,worker.relationship,worker.started,worker.left_on,"
    "worker.enrolled_student,agreement.id,agreement.signed_on,agreement.ends_on,as_of\n"
    "S-1,wang,labour_service,2025-07-01,2025-08-31,true,XS-1,2025-07-01,2025-08-31,2025-09-30\n"
    "P-1,li,part_time,2025-03-01,,,JZ-1,2025-03-01,,2025-06-30\n"
)
CHARGES = _csv(
    "case_id,kind,ref,amount,trigger,basis,refund_within_days\n"
    "S-1,deposit,第3条,500,,cash,7\n"
    "S-1,per_item,第5条,30,lost_or_damaged,,\n"
    "P-1,deposit,第2条,800,,goods,\n"
    "P-1,loss_compensation,第6条,,competitor_during,,\n"
)
INCIDENTS = _csv(
    "case_id,id,trigger,on,items,proven_loss,liability\n"
    "S-1,lost-1,lost_or_damaged,2025-08-10,1,100,\n"
    "P-1,rival,competitor_during,2025-05-20,,,50%\n"
)
TAKINGS = _csv(
    "case_id,id,clause,amount,means,on,incident,returned\n"
    "S-1,dep,第3条,500,paid,2025-07-01,,\n"
    "P-1,dep,第2条,800,deducted_from_wages,2025-03-15,,\n"
)
PAY_PERIODS = _csv(
    "case_id,start,end,wage,hours,hourly_minimum_wage\n"
    "P-1,2025-03-01,2025-03-15,1200,48,25.3\n"
    "P-1,2025-03-16,2025-03-31,1150,46,25.3\n"
)


def _student_seller() -> ChargeCase:
    return ChargeCase(
        worker=Worker(
            id="wang",
            relationship=Relationship.LABOUR_SERVICE,
            started=date(2025, 7, 1),
            left_on=date(2025, 8, 31),
            enrolled_student=True,
        ),
        agreement=ChargeAgreement(
            id="XS-1",
            signed_on=date(2025, 7, 1),
            ends_on=date(2025, 8, 31),
            charges=(
                Deposit(ref="第3条", amount=Decimal(500), refund_within_days=7),
                PerItemCharge(ref="第5条", amount=Decimal(30), trigger=Trigger.LOST_OR_DAMAGED),
            ),
        ),
        as_of=date(2025, 9, 30),
        incidents=(
            Incident(
                id="lost-1",
                trigger=Trigger.LOST_OR_DAMAGED,
                on=date(2025, 8, 10),
                proven_loss=Decimal(100),
            ),
        ),
        takings=(
            Taking(
                id="dep",
                clause="第3条",
                amount=Decimal(500),
                means=Means.PAID,
                on=date(2025, 7, 1),
            ),
        ),
    )


def test_a_spreadsheet_of_two_cases_reads_each_case_with_its_clauses_incidents_and_wages() -> None:
    cases = read_charge_cases(
        CASES, charges=CHARGES, incidents=INCIDENTS, takings=TAKINGS, pay_periods=PAY_PERIODS
    )
    assert list(cases) == ["S-1", "P-1"]
    assert cases["S-1"] == _student_seller()
    part_timer = cases["P-1"]
    assert part_timer.worker.left_on is None
    assert part_timer.agreement.charges == (
        Deposit(ref="第2条", amount=Decimal(800), basis=DepositBasis.GOODS),
        LossCompensation(ref="第6条", trigger=Trigger.COMPETITOR_DURING),
    )
    assert part_timer.incidents[0].liability == Rate.parse("50%")
    assert part_timer.incidents[0].items == 1
    assert part_timer.takings[0].means is Means.DEDUCTED_FROM_WAGES
    assert [p.label for p in part_timer.pay_periods] == [
        "2025-03-01..2025-03-15",
        "2025-03-16..2025-03-31",
    ]
    assert part_timer.pay_periods[0] == PayPeriod(
        start=date(2025, 3, 1),
        end=date(2025, 3, 15),
        wage=Decimal(1200),
        hours=Decimal(48),
        hourly_minimum_wage=Decimal("25.3"),
    )
    assert part_timer.non_compete is None
    assert part_timer.policy == ChargePolicy()


def test_the_policy_given_applies_to_every_case_and_anything_else_is_refused_by_type() -> None:
    contested = ChargePolicy(fines=FineRule.CONTESTED_IN_DEMOCRATIC_RULES)
    cases = read_charge_cases(CASES, charges=CHARGES, policy=contested)
    assert {case.policy for case in cases.values()} == {contested}
    with pytest.raises(InvalidTypeError, match="policy: expected a ChargePolicy"):
        read_charge_cases(CASES, policy="contested")  # type: ignore[arg-type]


def test_a_non_compete_reads_its_wage_facts_from_the_case_and_its_payments_from_their_table() -> (
    None
):
    cases = _csv(
        "case_id,worker.id,worker.relationship,worker.started,worker.left_on,worker.role,"
        "agreement.id,agreement.signed_on,as_of,non_compete.average_monthly_wage,"
        "non_compete.minimum_wage\n"
        "N-1,zhao,labour_contract,2022-01-01,2025-01-31,senior_technical,LC-1,2022-01-01,"
        "2025-06-30,12000,2690\n"
    )
    charges = _csv(
        "case_id,kind,ref,penalty,months,monthly_compensation\nN-1,non_compete,第9条,50000,12,\n"
    )
    payments = _csv("case_id,on,amount\nN-1,2025-02-28,3600\nN-1,2025-03-31,3600\n")
    (case,) = read_charge_cases(cases, charges=charges, compensation_payments=payments).values()
    assert case.worker.role is Role.SENIOR_TECHNICAL
    assert case.agreement.charges == (
        NonCompete(ref="第9条", penalty=Decimal(50000), months=12, monthly_compensation=None),
    )
    assert case.non_compete == NonCompetePay(
        average_monthly_wage=Decimal(12000),
        minimum_wage=Decimal(2690),
        payments=(
            CompensationPayment(on=date(2025, 2, 28), amount=Decimal(3600)),
            CompensationPayment(on=date(2025, 3, 31), amount=Decimal(3600)),
        ),
    )


def test_a_case_with_payments_but_no_wage_facts_still_holds_the_payments() -> None:
    payments = [{"case_id": "S-1", "on": "2025-09-15", "amount": "100"}]
    cases = read_charge_cases(CASES, compensation_payments=payments)
    assert cases["S-1"].non_compete == NonCompetePay(
        payments=(CompensationPayment(on=date(2025, 9, 15), amount=Decimal(100)),)
    )
    assert cases["P-1"].non_compete is None


def _problems(error: pytest.ExceptionInfo[TableError]) -> list[tuple[str, int | None, str | None]]:
    return [(p.table, p.row, p.column) for p in error.value.problems]


def test_a_deposit_row_with_a_trigger_is_refused_at_that_cell_because_deposits_have_none() -> None:
    charges = CHARGES.copy()
    charges.loc[0, "trigger"] = "lost_or_damaged"
    with pytest.raises(TableError) as error:
        read_charge_cases(CASES, charges=charges)
    assert _problems(error) == [("charges", 0, "trigger")]
    assert "an empty cell for the form 'deposit' (it has no such field)" in str(error.value)


def test_a_clause_of_an_unknown_kind_is_refused_at_its_kind_listing_the_forms() -> None:
    charges = CHARGES.copy()
    charges.loc[1, "kind"] = "bond"
    with pytest.raises(TableError) as error:
        read_charge_cases(CASES, charges=charges)
    assert _problems(error) == [("charges", 1, "kind")]
    (problem,) = error.value.problems
    assert problem.expected == (
        "one of 'deposit', 'fine', 'penalty', 'per_item', 'loss_compensation', "
        "'non_compete' (the form of a row of charges)"
    )
    assert problem.actual == "bond"


def test_a_clause_table_without_its_kind_or_ref_column_is_refused_naming_each() -> None:
    with pytest.raises(TableError) as error:
        read_charge_cases(CASES, charges=CHARGES.drop(columns=["kind", "ref"]))
    assert _problems(error) == [("charges", None, "kind"), ("charges", None, "ref")]


def test_a_per_item_charge_without_its_trigger_is_refused_at_that_cell() -> None:
    charges = [{"case_id": "S-1", "kind": "per_item", "ref": "第5条", "amount": "30"}]
    with pytest.raises(TableError) as error:
        read_charge_cases(CASES, charges=charges)
    assert _problems(error) == [("charges", 0, "trigger")]
    assert "expected a value for this required field (Trigger), got nothing" in str(error.value)


def test_every_problem_of_every_table_is_reported_at_once_at_its_row_and_column() -> None:
    incidents = INCIDENTS.copy()
    incidents.loc[1, "liability"] = "150%"
    periods = PAY_PERIODS.copy()
    periods.loc[1, "end"] = "2025-03-10"
    takings = TAKINGS.copy()
    takings.loc[0, "case_id"] = "S-9"
    with pytest.raises(TableError) as error:
        read_charge_cases(
            CASES,
            charges=CHARGES,
            incidents=incidents,
            takings=takings,
            pay_periods=periods,
        )
    assert sorted(_problems(error), key=str) == sorted(
        [
            ("incidents", 1, "liability"),
            ("takings", 0, "case_id"),
            ("pay_periods", 1, "end"),
        ],
        key=str,
    )


def test_two_cases_with_one_id_are_refused_at_the_second() -> None:
    with pytest.raises(TableError) as error:
        read_charge_cases(pd.concat([CASES.iloc[:1], CASES.iloc[:1]], ignore_index=True))
    assert ("cases", 1, "case_id") in _problems(error)


def test_two_clauses_of_one_agreement_with_one_ref_are_refused_at_the_second_ones_ref() -> None:
    charges = CHARGES.copy()
    charges.loc[1, "ref"] = "第3条"
    with pytest.raises(TableError) as error:
        read_charge_cases(CASES, charges=charges)
    assert _problems(error) == [("charges", 1, "ref")]
    assert "expected a unique clause ref, got str '第3条'" in str(error.value)
