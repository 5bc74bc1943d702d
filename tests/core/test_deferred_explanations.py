"""A trail records its steps and findings and builds them only when read: what is read
must be exactly what building them at once would have given."""

from __future__ import annotations

import copy
import pickle
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy import from_dict, to_dict
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.explain import (
    Catalog,
    Explanation,
    Finding,
    FindingSpec,
    Label,
    Severity,
    Step,
    StepValue,
    Trail,
)
from hrpolicy.law.provisions import PROVISIONS, Provision, provision

CATALOG = Catalog(
    "test.deferred",
    {
        "late": FindingSpec(
            Severity.WARNING, "迟{days}天", "{days} days late", (provision("WPP 7"),)
        ),
        "short": FindingSpec(Severity.VIOLATION, "短缺{gap}元", "short by {gap}"),
        "note": FindingSpec(Severity.INFO, "备注", "note", (provision("LCL 22(2)"),)),
    },
)
_CITATIONS = st.lists(st.sampled_from(sorted(PROVISIONS)).map(provision), max_size=3).map(tuple)
_VALUES: st.SearchStrategy[StepValue] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.decimals(-(10**12), 10**12, places=2),
    st.fractions(max_denominator=1000),
    st.dates(date(1900, 1, 1), date(2199, 12, 31)),
    st.text(max_size=4),
    st.builds(Label, st.text(max_size=3), st.text(max_size=3)),
)
_NAMES = st.text("abcdefg", min_size=1, max_size=3)


@st.composite
def _entries(draw: st.DrawFn) -> tuple[str, tuple[Any, ...]]:
    """One thing an engine records: a step, a finding, or a step or finding already built."""
    kind = draw(st.sampled_from(["step", "find", "built step", "built finding"]))
    if kind in ("step", "built step"):
        inputs = draw(st.dictionaries(_NAMES, _VALUES, max_size=4))
        text = Label(draw(st.text(max_size=3)), draw(st.text(max_size=3)))
        return kind, (draw(_NAMES), text, inputs, draw(_VALUES), draw(_CITATIONS))
    code = draw(st.sampled_from(["late", "short", "note"]))
    params: dict[str, StepValue] = {}
    if code == "late":
        params["days"] = draw(st.integers(0, 99))
    elif code == "short":
        params["gap"] = draw(_VALUES)
    return kind, (code, draw(st.text(max_size=3)), params)


def _record(trail: Trail, entries: list[tuple[str, tuple[Any, ...]]]) -> Explanation:
    """``entries`` recorded on ``trail``; returns what building each at once gives."""
    steps: list[Step] = []
    findings: list[Finding] = []
    for kind, args in entries:
        if kind in ("step", "built step"):
            rule, text, inputs, output, citations = args
            built = Step(rule, text, tuple(inputs.items()), output, citations)
            if kind == "step":
                trail.step(rule, text, inputs, output, *citations)
            else:
                trail.add_step(built)
            steps.append(built)
        else:
            code, subject, params = args
            found = CATALOG.finding(code, subject=subject, **params)
            if kind == "find":
                trail.find(code, subject, **params)
            else:
                trail.add_finding(found)
            findings.append(found)
    return Explanation(tuple(steps), tuple(findings))


_RECORDS = st.lists(_entries(), max_size=8)


def _once(*explanations: Explanation) -> tuple[Provision, ...]:
    """The provisions each explanation's steps and then findings cite, each once."""
    cited: dict[int, Provision] = {}
    for explanation in explanations:
        holders: list[Step | Finding] = [*explanation.steps, *explanation.findings]
        for holder in holders:
            for citation in holder.citations:
                cited.setdefault(id(citation), citation)
    return tuple(cited.values())


@given(_RECORDS, _RECORDS)
def test_an_explanation_built_when_read_equals_one_built_at_once(
    before_entries: list[tuple[str, tuple[Any, ...]]],
    entries: list[tuple[str, tuple[Any, ...]]],
) -> None:
    first = Trail(CATALOG)
    before_expected = _record(first, before_entries)
    before = first.explanation()
    second = Trail(CATALOG)
    expected = _record(second, entries)
    joined = Explanation(
        before_expected.steps + expected.steps, before_expected.findings + expected.findings
    )
    made = second.explanation(before)
    # The provisions cited are read from the records before anything is built ...
    assert second.provisions(before) == _once(before_expected, expected)
    assert made.provisions() == joined.provisions()
    # ... and the built explanation is the same in every respect a reader can see.
    assert made == joined
    assert hash(made) == hash(joined)
    assert repr(made) == repr(joined)
    assert made.steps == joined.steps
    assert made.findings == joined.findings
    assert made.provisions() == joined.provisions() == _once(joined)
    assert before == before_expected
    assert second.steps == expected.steps
    assert second.findings == expected.findings


@given(_RECORDS)
def test_an_explanation_not_yet_read_copies_pickles_and_converts_as_its_contents(
    entries: list[tuple[str, tuple[Any, ...]]],
) -> None:
    trail = Trail(CATALOG)
    expected = _record(trail, entries)
    assert pickle.loads(pickle.dumps(trail.explanation())) == expected
    assert copy.deepcopy(trail.explanation()) == expected
    assert attrs.evolve(trail.explanation()) == expected
    assert to_dict(trail.explanation()) == to_dict(expected)
    assert from_dict(to_dict(trail.explanation()), Explanation) == expected


def test_a_trail_read_part_way_goes_on_recording_in_order() -> None:
    trail = Trail(CATALOG)
    trail.step("a", Label("甲", "a"), {"x": 1}, 1)
    assert [s.rule for s in trail.steps] == ["a"]
    trail.step("b", Label("乙", "b"), {}, 2)
    trail.find("late", days=3)
    made = trail.explanation()
    trail.step("c", Label("丙", "c"), {}, 3)
    assert [s.rule for s in made.steps] == ["a", "b"]
    assert [s.rule for s in trail.steps] == ["a", "b", "c"]
    assert made.findings[0].param("days") == 3


def test_the_inputs_of_a_step_are_taken_when_the_step_is_recorded() -> None:
    trail = Trail(CATALOG)
    inputs: dict[str, StepValue] = {"amount": Decimal("1.00")}
    trail.step("a", Label("甲", "a"), inputs, 1)
    inputs["amount"] = Decimal("2.00")
    inputs["later"] = 5
    assert trail.explanation().steps[0].inputs == (("amount", Decimal("1.00")),)


def test_a_finding_is_checked_when_it_is_recorded_not_when_it_is_read() -> None:
    trail = Trail(CATALOG)
    with pytest.raises(InvalidValueError, match="a code in the catalog"):
        trail.find("unknown")
    with pytest.raises(InvalidValueError, match="a value for every placeholder"):
        trail.find("late")
    with pytest.raises(InvalidTypeError, match=r"test\.deferred\.late\.days"):
        trail.find("late", days=1.5)
    with pytest.raises(InvalidTypeError, match=r"test\.deferred\.short\.gap"):
        trail.find("short", gap=datetime(2024, 1, 1, 9, 30))
    assert trail.findings == ()


def test_a_value_of_a_subclass_of_a_step_type_is_kept_as_the_catalog_keeps_it() -> None:
    class Days(int):
        pass

    trail = Trail(CATALOG)
    trail.find("late", days=Days(4))
    assert trail.findings == (CATALOG.finding("late", days=Days(4)),)
    assert type(trail.findings[0].param("days")) is Days


def test_an_explanation_has_no_attributes_beyond_its_fields() -> None:
    made = Trail(CATALOG).explanation()
    with pytest.raises(AttributeError, match="no attribute 'stepz'"):
        made.stepz  # type: ignore[attr-defined]  # noqa: B018
    assert made == Explanation()
