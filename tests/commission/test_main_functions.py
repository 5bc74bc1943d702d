"""The main functions say what they take, what they raise and how they are called, and a
what-if names the plan an error came from."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hrpolicy import InvalidValueError
from hrpolicy.commission import PersonInputs, compare
from hrpolicy.commission.examples import over_list_plan, task_base_plan
from tests.commission.helpers import MARCH, deal


def test_a_what_if_names_the_candidate_plan_when_only_it_cannot_compute_the_month() -> None:
    # The task-base plan needs no list price below target; the over-list share always does.
    below_target = [deal("D1", 20000)]
    li = [PersonInputs(employee="li", new_dealers=3)]
    assert compare(task_base_plan(), task_base_plan(), MARCH, below_target, li).difference == (
        Decimal("0.00")
    )
    with pytest.raises(
        InvalidValueError,
        match=r"^candidate\.team\(li\)\.Deal\(D1\)\.values\['list'\]: expected a value: "
        r"component 'over-list' reads it",
    ):
        compare(task_base_plan(), over_list_plan(), MARCH, below_target, li)
