"""Bad input raises the library's typed errors, naming the field, what was expected and
what came. Nothing is clamped or defaulted silently."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from hrpolicy import (
    ConversionError,
    HRPolicyError,
    InvalidTypeError,
    InvalidValueError,
    from_dict,
    to_dict,
)
from hrpolicy.bonds import (
    DOMAIN_COST_SCHEDULE,
    BenefitKind,
    BondAgreement,
    BondCase,
    Clause,
    ClauseKind,
    Collection,
    CollectionMethod,
    CostCategory,
    CostItem,
    Employment,
    ExitGround,
    FlatSum,
    Payer,
    Separation,
    ServiceLength,
    SpecialBenefit,
    StartRule,
    Training,
    plan_bonds,
    review,
    settle,
    settle_bond,
)
from hrpolicy.bonds.examples import electrician_case
from tests.bonds.helpers import agreement, cost, employment, separation, training


def test_a_negative_cost_is_rejected() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"CostItem\.amount: expected an amount of zero or more, got Decimal -5",
    ):
        cost("-5")


def test_a_float_amount_is_rejected_with_a_type_error() -> None:
    with pytest.raises(
        InvalidTypeError,
        match=r"CostItem\.amount: .*no floats|CostItem\.amount: .*floats are not accepted",
    ):
        CostItem(
            id="x",
            category=CostCategory.TUITION,
            amount=6000.0,  # type: ignore[arg-type]
            has_voucher=True,
            paid_by=Payer.EMPLOYER,
        )


def test_the_typed_errors_are_also_the_matching_builtins() -> None:
    with pytest.raises(TypeError):
        FlatSum(amount=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="zero or more"):
        FlatSum(amount=Decimal("-1"))
    with pytest.raises(HRPolicyError):
        FlatSum(amount=Decimal("0.001"))


def test_a_training_that_ends_before_it_starts_is_rejected() -> None:
    with pytest.raises(
        InvalidValueError, match=r"Training\.end: expected a date on or after start 2020-03-02"
    ):
        training(end=date(2020, 3, 1))


def test_a_separation_before_the_hire_date_is_rejected() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"separation\.last_day: expected a date on or after the hire date 2019-01-01",
    ):
        settle_bond(agreement(), employment(), separation(last_day=date(2018, 12, 31)))


def test_a_separation_before_the_agreement_was_signed_is_rejected() -> None:
    with pytest.raises(InvalidValueError, match="was signed"):
        settle_bond(agreement(signed_on=date(2021, 6, 1)), employment(), separation())


def test_a_separation_before_the_labour_contract_law_is_rejected() -> None:
    with pytest.raises(InvalidValueError, match="2008-01-01"):
        settle_bond(
            agreement(
                signed_on=date(2006, 1, 1),
                training=training(start=date(2005, 12, 1), end=date(2005, 12, 20)),
            ),
            employment(hire_date=date(2005, 1, 1)),
            separation(last_day=date(2007, 6, 30)),
        )


def test_an_unknown_exit_ground_is_rejected_with_the_list_of_grounds() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"Separation\.ground: expected one of 'resignation', .*got str 'fired'",
    ):
        Separation(last_day=date(2021, 1, 1), ground="fired")  # type: ignore[arg-type]


def test_an_exit_ground_may_be_given_by_its_value() -> None:
    assert Separation(last_day=date(2021, 1, 1), ground="layoff").ground is ExitGround.LAYOFF  # type: ignore[arg-type]


def test_a_cost_item_without_the_voucher_flag_is_rejected() -> None:
    with pytest.raises(
        InvalidTypeError, match=r"CostItem\.has_voucher: expected a value for this required field"
    ):
        CostItem(id="x", category=CostCategory.TUITION, amount=Decimal(1), paid_by=Payer.EMPLOYER)  # type: ignore[call-arg]


def test_a_voucher_flag_that_is_not_a_boolean_is_rejected() -> None:
    with pytest.raises(
        InvalidTypeError, match=r"CostItem\.has_voucher: expected True or False, got str 'yes'"
    ):
        CostItem(
            id="x",
            category=CostCategory.TUITION,
            amount=Decimal(1),
            has_voucher="yes",  # type: ignore[arg-type]
            paid_by=Payer.EMPLOYER,
        )


def test_an_unknown_keyword_is_rejected() -> None:
    with pytest.raises(InvalidTypeError, match=r"Separation\.reason: expected one of the fields"):
        Separation(last_day=date(2021, 1, 1), ground=ExitGround.LAYOFF, reason="x")  # type: ignore[call-arg]


def test_a_datetime_is_not_a_date() -> None:
    with pytest.raises(
        InvalidTypeError,
        match=r"Separation\.last_day: expected a datetime\.date \(not a datetime\)",
    ):
        Separation(last_day=datetime(2021, 1, 1, 9, 0), ground=ExitGround.LAYOFF)


def test_a_service_length_of_zero_is_rejected() -> None:
    with pytest.raises(InvalidValueError, match="at least one day"):
        ServiceLength()


def test_an_agreement_is_for_a_training_or_a_benefit_not_both() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"BondAgreement\.benefit: expected None when the agreement is for a training",
    ):
        agreement(benefit=SpecialBenefit(kind=BenefitKind.CAR))


def test_an_agreement_without_a_training_cannot_count_service_from_one() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"BondAgreement\.start_rule: expected signing or contract_start for an agreement "
        "without a training",
    ):
        agreement(training=None, start_rule=StartRule.TRAINING_START)


def test_an_agreement_cannot_give_both_a_start_rule_and_a_start_date() -> None:
    with pytest.raises(InvalidValueError, match="either start_rule or start_date"):
        agreement(start_rule=StartRule.SIGNING, start_date=date(2020, 4, 1))


def test_duplicate_cost_item_ids_are_rejected() -> None:
    with pytest.raises(
        InvalidValueError, match=r"Training\.costs\[1\]: expected a unique cost item id"
    ):
        training(costs=(cost(), cost()))


def test_an_expiry_ground_on_an_open_ended_contract_is_rejected() -> None:
    with pytest.raises(InvalidValueError, match="open-ended"):
        settle_bond(
            agreement(),
            employment(contract_end=None),
            separation(ground=ExitGround.EXPIRY_EMPLOYEE_REFUSES),
        )


def test_settles_bond_only_makes_sense_for_a_mutual_agreement() -> None:
    with pytest.raises(InvalidValueError, match="settles_bond"):
        separation(settles_bond=True)


def test_engine_arguments_of_the_wrong_type_are_rejected() -> None:
    with pytest.raises(InvalidTypeError, match="agreement: expected a BondAgreement"):
        review({"id": "A1"}, employment())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"agreements\[0\]: expected a BondAgreement"):
        settle(["A1"], employment(), separation())  # type: ignore[list-item]


def test_settling_no_bonds_still_checks_the_employment_the_exit_and_the_policy() -> None:
    with pytest.raises(InvalidTypeError, match="employment: expected an Employment"):
        settle([], "not an employment", separation())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="policy: expected a BondPolicy"):
        settle([], employment(), separation(), "not a policy")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="on or after the hire date"):
        settle([], employment(), separation(last_day=date(2000, 1, 1)))
    assert settle([], employment(), separation()).total_payable == Decimal("0.00")


def test_a_tuple_field_given_a_single_object_is_rejected() -> None:
    with pytest.raises(
        InvalidTypeError, match=r"Training\.costs: expected a list or tuple of CostItem"
    ):
        training(costs=cost())


def test_a_malformed_dict_reports_every_problem_with_its_path() -> None:
    data = to_dict(electrician_case())
    data["agreements"][0]["training"]["costs"][0]["amount"] = 4800.5
    del data["agreements"][0]["training"]["costs"][1]["has_voucher"]
    data["separation"]["ground"] = "fired"
    data["employment"]["colour"] = "blue"
    with pytest.raises(ConversionError) as caught:
        from_dict(data, BondCase)
    errors = caught.value.errors
    assert (
        "$.agreements[0].training.costs[0].amount: expected a number written as str or int "
        "(no floats), got float 4800.5" in errors
    )
    assert (
        "$.agreements[0].training.costs[1].has_voucher: expected this required key, got nothing"
        in errors
    )
    assert any(e.startswith("$.separation.ground: expected one of 'resignation'") for e in errors)
    assert "$.employment: expected only known keys, got unknown colour" in errors
    assert isinstance(caught.value, ValueError)


def test_a_rule_broken_inside_an_object_is_reported_at_the_field_path() -> None:
    data = to_dict(electrician_case())
    data["agreements"][0]["training"]["costs"][0]["amount"] = "-4800"
    with pytest.raises(ConversionError) as caught:
        from_dict(data, BondCase)
    assert caught.value.errors == (
        "$.agreements[0].training.costs[0].amount: expected an amount of zero or more, "
        "got Decimal -4800",
    )


def test_booleans_and_integers_written_as_strings_are_rejected_in_dicts() -> None:
    bad = {
        "id": "x",
        "category": "tuition",
        "amount": "1",
        "has_voucher": "true",
        "paid_by": "employer",
        "shared_by": "2",
    }
    with pytest.raises(ConversionError) as caught:
        from_dict(bad, CostItem)
    assert caught.value.errors == (
        "$.has_voucher: expected True or False, got str 'true'",
        "$.shared_by: expected an int, got str '2'",
    )


def test_an_unknown_penalty_clause_kind_is_rejected() -> None:
    data = to_dict(agreement())
    data["penalty"] = {"kind": "double_everything"}
    with pytest.raises(ConversionError, match="penalty"):
        from_dict(data, BondAgreement)


def test_a_cross_field_rule_is_reported_from_dicts_too() -> None:
    data = to_dict(training())
    data["end"] = "2020-01-01"
    with pytest.raises(ConversionError) as caught:
        from_dict(data, Training)
    assert caught.value.errors == (
        "$.end: expected a date on or after start 2020-03-02, got date 2020-01-01",
    )


def test_a_service_length_beyond_fifty_years_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"ServiceLength\.years: expected at most 50"):
        ServiceLength(years=8000)
    with pytest.raises(InvalidValueError, match=r"ServiceLength\.days"):
        ServiceLength(days=10**9)


def test_dates_outside_the_supported_range_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="a date from 1900-01-01 to 2199-12-31"):
        training(end=date(9999, 12, 31))


def test_a_contract_cannot_start_after_it_ends() -> None:
    with pytest.raises(InvalidValueError, match=r"Employment\.contract_start"):
        employment(contract_start=date(2025, 1, 1), contract_end=date(2024, 12, 31))


def test_a_training_marked_in_probation_must_start_in_probation() -> None:
    late = agreement(training=training(during_probation=True))
    with pytest.raises(
        InvalidValueError,
        match=r"False or None \(the training starts on 2020-03-02, outside probation ending",
    ):
        review(late, employment(probation_end=date(2019, 6, 30)))


def test_the_engines_want_a_list_of_agreements_not_one_or_none() -> None:
    with pytest.raises(InvalidTypeError, match="agreements: expected a list or tuple"):
        settle(agreement(), employment(), separation())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="agreements: expected a list or tuple"):
        settle(None, employment(), separation())  # type: ignore[arg-type]


def test_dicts_must_use_lists_iso_dates_and_known_clause_kinds() -> None:
    data = to_dict(electrician_case())
    data["agreements"][0]["penalty"] = {"kind": "double"}
    data["agreements"][0]["training"]["costs"] = None
    data["separation"]["last_day"] = "20121207"
    with pytest.raises(ConversionError) as caught:
        from_dict(data, BondCase)
    assert caught.value.errors == (
        "$.agreements[0].penalty.kind: expected one of 'flat_sum', 'cost_multiple', 'pro_rata', "
        "'per_unserved_unit', 'served_time_schedule', 'per_law', got str 'double'",
        "$.agreements[0].training.costs: expected a list, got None",
        "$.separation.last_day: expected a date written YYYY-MM-DD, got str '20121207'",
    )
    with pytest.raises(ConversionError, match=r"\$\.agreements: expected a list, got str 'abc'"):
        from_dict({**data, "agreements": "abc"}, BondCase)


def test_a_contract_that_ended_before_the_bond_was_signed_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Employment\.contract_end: expected the current"):
        review(agreement(), employment(hire_date=date(2015, 1, 1), contract_end=date(2017, 12, 31)))


def test_service_cannot_start_before_the_hire_date() -> None:
    early = agreement(start_date=date(2018, 6, 1))
    with pytest.raises(InvalidValueError, match="time before employment is not service"):
        review(early, employment())


def test_more_cannot_be_drawn_from_deposits_than_the_agreements_name() -> None:
    with_deposit = agreement(clauses=(Clause(kind=ClauseKind.DEPOSIT, amount=Decimal("1000")),))
    draw = Collection(amount=Decimal("5000"), method=CollectionMethod.TAKEN_FROM_DEPOSIT)
    with pytest.raises(InvalidValueError, match=r"at most the 1000\.00 yuan"):
        settle([with_deposit], employment(), separation(collections=(draw,)))


def test_money_cannot_be_collected_before_the_hire_date() -> None:
    early = Collection(
        amount=Decimal("100"), method=CollectionMethod.PAID_BY_EMPLOYEE, on=date(2018, 1, 1)
    )
    with pytest.raises(InvalidValueError, match=r"collections\[0\]\.on"):
        settle([agreement()], employment(), separation(collections=(early,)))


def test_a_plan_checks_the_probation_flag_too() -> None:
    with pytest.raises(InvalidValueError, match="during_probation"):
        plan_bonds(
            [training(during_probation=True)],
            employment(probation_end=date(2019, 3, 31)),
            DOMAIN_COST_SCHEDULE,
        )


def test_leaving_out_the_contract_end_says_how_to_state_an_open_ended_contract() -> None:
    with pytest.raises(
        InvalidTypeError,
        match=r"Employment\.contract_end: expected the labour contract's last day, or "
        r"contract_end=None \(null in data\) for an open-ended contract .* got nothing$",
    ):
        Employment(hire_date=date(2019, 1, 1))  # type: ignore[call-arg]
    open_ended = Employment(hire_date=date(2019, 1, 1), contract_end=None)
    assert open_ended.contract_end is None
    assert review(agreement(), open_ended).contract_extended_to is None


def test_a_case_file_without_the_contract_end_says_to_write_null_and_reports_the_rest() -> None:
    data = to_dict(electrician_case())
    del data["employment"]["contract_end"]
    data["employment"]["regime"] = "pilot"
    with pytest.raises(ConversionError) as caught:
        from_dict(data, BondCase)
    assert caught.value.errors == (
        "$.employment.contract_end: expected the labour contract's last day, or "
        "contract_end=None (null in data) for an open-ended contract (whether it is "
        "fixed-term decides its extension under Regs 17, so it is never assumed), got nothing",
        "$.employment.regime: expected one of 'general', 'civil_aviation_pilot', "
        "'public_institution', got str 'pilot'",
    )
    data["employment"]["contract_end"] = None
    data["employment"]["regime"] = "general"
    assert from_dict(data, BondCase).employment.contract_end is None
