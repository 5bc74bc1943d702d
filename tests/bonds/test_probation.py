"""Whether a training started in probation: derived from the employment's last day of
probation when it is known, as the training says when it is not, and asked for only when a
rule needs it."""

from __future__ import annotations

from datetime import date

import pytest

from hrpolicy import from_dict, to_dict
from hrpolicy.bonds import (
    DOMAIN_COST_SCHEDULE,
    BondAgreement,
    Outcome,
    TrainingKind,
    plan_bonds,
    review,
    settle_bond,
)
from hrpolicy.core import InvalidValueError
from tests.bonds.helpers import agreement, employment, separation, training

#: Hired 2020-01-01 with six months' probation: the standard course (March 2020) is in it.
IN_PROBATION = employment(hire_date=date(2020, 1, 1), probation_end=date(2020, 6, 30))


def test_a_training_in_probation_is_known_from_the_employments_last_day_of_probation() -> None:
    unflagged = agreement(training=training(during_probation=None))
    result = review(unflagged, IN_PROBATION)
    step = result.explanation.step("A1.probation")
    assert step.output is True
    assert step.label.en == (
        "training in probation: derived from its start and the last day of probation"
    )
    assert step.input_map["probation_end"] == date(2020, 6, 30)
    assert step.input_map["stated"] is None
    assert "probation_training_contested" in result.explanation.codes()


def test_a_training_after_probation_is_known_to_be_outside_it() -> None:
    after = employment(hire_date=date(2019, 1, 1), probation_end=date(2019, 6, 30))
    result = review(agreement(training=training(during_probation=None)), after)
    assert result.explanation.step("A1.probation").output is False
    assert "probation_training_contested" not in result.explanation.codes()


def test_a_value_that_agrees_with_the_dates_is_accepted() -> None:
    result = review(agreement(training=training(during_probation=True)), IN_PROBATION)
    step = result.explanation.step("A1.probation")
    assert (step.output, step.input_map["stated"]) == (True, True)


def test_without_a_last_day_of_probation_the_training_says_and_the_step_says_so() -> None:
    result = review(agreement(training=training(during_probation=True)), employment())
    step = result.explanation.step("A1.probation")
    assert step.output is True
    assert step.label.en == (
        "training in probation: as stated (the last day of probation is not given)"
    )
    assert step.label.zh_CN == "培训是否在试用期内：按培训所述（未提供试用期截止日）"
    assert [c.id for c in step.citations] == ["Practice-Probation"]


def test_without_either_a_professional_course_asks_whether_it_was_in_probation() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"Training\.during_probation: expected True or False for training T1 \(it starts "
        r"on 2020-03-02 and Employment\.probation_end is not given",
    ):
        review(agreement(training=training(during_probation=None)), employment())


def test_a_management_course_needs_no_probation_flag_where_no_rule_asks() -> None:
    course = training(kind=TrainingKind.MANAGEMENT, during_probation=None)
    result = settle_bond(agreement(training=course), employment(), separation())
    assert result.outcome is Outcome.VOID
    assert "A1.probation" not in [s.rule for s in result.explanation.steps]


def test_a_probationer_charged_for_onboarding_is_found_without_a_flag() -> None:
    onboarding = training(kind=TrainingKind.ONBOARDING, during_probation=None)
    result = review(agreement(training=onboarding), IN_PROBATION)
    assert "probation_onboarding_charge" in result.explanation.codes()


def test_a_plan_derives_the_probation_flag_too() -> None:
    [plan] = plan_bonds([training(during_probation=None)], IN_PROBATION, DOMAIN_COST_SCHEDULE)
    assert plan.explanation.step("A1.probation").output is True
    assert "probation_training_contested" in plan.explanation.codes()


def test_a_settlement_derives_it_and_an_unflagged_training_round_trips() -> None:
    unflagged = agreement(training=training(during_probation=None))
    result = settle_bond(unflagged, IN_PROBATION, separation())
    assert result.explanation.step("A1.probation").output is True
    data = to_dict(unflagged)
    assert "during_probation" not in data["training"]  # the default is left out
    assert from_dict(data, BondAgreement) == unflagged
    data["training"]["during_probation"] = None
    assert from_dict(data, BondAgreement) == unflagged
