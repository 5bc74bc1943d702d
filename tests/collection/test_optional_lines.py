"""A statement answers for a line that may be absent: ``find_line`` gives ``None``, while
``line`` still refuses an id the statement does not have — for collection and commission
statements alike, which share the lookup."""

from __future__ import annotations

import pytest

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.collection.examples import proportional_policy
from hrpolicy.commission import evaluate
from hrpolicy.commission.examples import example_month
from tests.collection.helpers import books, invoice, month, payment


def test_asking_a_collection_statement_for_a_release_it_does_not_have_gives_none() -> None:
    receivables = books(invoice(), payments=(payment("P1", 50000, "2024-02-10"),))
    january = month(proportional_policy(), receivables, 1)
    february = month(proportional_policy(), receivables, 2)
    assert january.find_line("release/I1") is None
    found = february.find_line("release/I1")
    assert found is not None
    assert found == february.line("release/I1")
    assert found.amount == 1500
    with pytest.raises(InvalidValueError, match="line_id: expected one of "):
        january.line("release/I1")


def test_asking_a_commission_statement_for_an_absent_line_gives_none() -> None:
    plan, period, deals, people = example_month()
    statement = evaluate(plan, period, deals, people[0])
    first = statement.lines[0]
    assert statement.find_line(first.line_id) is first
    assert statement.find_line("no-such-line") is None
    with pytest.raises(InvalidValueError, match="line_id: expected one of "):
        statement.line("no-such-line")


def test_a_line_id_that_is_not_text_is_a_type_error_for_both_lookups() -> None:
    plan, period, deals, people = example_month()
    statement = evaluate(plan, period, deals, people[0])
    for lookup in (statement.find_line, statement.line):
        with pytest.raises(InvalidTypeError, match="line_id: expected a str, got int 3"):
            lookup(3)  # type: ignore[arg-type]
