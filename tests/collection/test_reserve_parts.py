"""A risk reserve held in parts: each share with its own horizon and bad-debt netting."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Final

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy import InvalidValueError, PolicyDefinitionError
from hrpolicy.collection import (
    CollectionInputs,
    CollectionPolicy,
    CollectionState,
    CollectionStatement,
    CollectionVersion,
    OnInvoice,
    Period,
    Rate,
    Receivables,
    ReserveHolding,
    ReserveHorizon,
    ReservePart,
    RiskReserve,
    WriteOff,
    settle_month,
)
from hrpolicy.collection.examples import (
    example_reserve_in_parts,
    reserve_in_parts_policy,
    reserve_policy,
)
from hrpolicy.core.convert import from_dict, to_dict
from hrpolicy.core.label import Label
from hrpolicy.core.money import round_money
from hrpolicy.strategies import collection_receivables
from hrpolicy.tables import read_collection_inputs
from tests.collection.helpers import books, invoice, month, months
from tests.tables.writer import write


def _policy(*parts: ReservePart) -> CollectionPolicy:
    return CollectionPolicy.of(
        OnInvoice(clause="提成制度 第2条"),
        effective_from=date(2024, 1, 1),
        reserve=RiskReserve(parts=parts, clause="提成制度 第8条"),
    )


def _bad_debt(amount: int, day: str) -> WriteOff:
    return WriteOff(
        write_off_id=f"W-{day}",
        invoice_id="I1",
        written_off_on=date.fromisoformat(day),
        amount=Decimal(amount),
        reason="客户破产",
    )


def _lines(statement: CollectionStatement) -> dict[str, Decimal]:
    return {line.line_id: line.amount for line in statement.lines}


# --- the worked example -------------------------------------------------------------------


def test_six_percent_for_the_year_and_four_percent_for_quality_are_withheld_in_january() -> None:
    # 3,000 released on invoicing: 3,000 × 6 % = 180 and 3,000 × 4 % = 120; 2,700 paid.
    january = example_reserve_in_parts()[0]
    assert _lines(january) == {
        "release/A-01": Decimal("3000.00"),
        "reserve#withheld/year": Decimal("-180.00"),
        "reserve#withheld/quality": Decimal("-120.00"),
    }
    assert january.total == Decimal("2700.00")
    assert january.state_out.reserve == Decimal("300.00")
    assert january.state_out.reserve_parts == (
        ReserveHolding(
            part_id="year",
            amount=Decimal("180.00"),
            rate=Rate.parse("6%"),
            horizon=ReserveHorizon.YEAR_END,
        ),
        _QUALITY_JANUARY,
    )
    step = january.line("reserve#withheld/quality").steps[0]
    assert step.input_map["horizon"] == "months_after"
    assert step.input_map["months"] == 6


#: The quality deposit withheld in January: 120, on the terms of the quality part then.
_QUALITY_JANUARY: Final = ReserveHolding(
    part_id="quality",
    amount=Decimal("120.00"),
    withheld_in=Period(year=2024, month=1),
    rate=Rate.parse("4%"),
    horizon=ReserveHorizon.MONTHS_AFTER,
    months=6,
)


def test_a_bad_debt_is_netted_against_the_year_part_only_and_the_rest_comes_from_wages() -> None:
    # Half the invoice written off: 1,500 clawed back. The year part pays its 180; the
    # quality part does not net clawbacks. 3,500 × 20 % = 700 from the wage (3,500 − 700 =
    # 2,800 ≥ 2,690); 1,500 − 180 − 700 = 620 carried.
    march = example_reserve_in_parts()[2]
    assert march.total == Decimal("-700.00")
    assert march.state_out.to_recover == Decimal("620.00")
    assert march.state_out.reserve_parts == (_QUALITY_JANUARY,)
    netted = next(f for f in march.findings if f.code == "clawback_from_reserve_part")
    assert (netted.param("part"), netted.param("amount")) == ("year", Decimal("180.00"))


def test_a_clause_taking_bad_debt_principal_from_the_quality_part_is_reported_not_applied() -> None:
    march = example_reserve_in_parts()[2]
    finding = next(f for f in march.findings if f.code == "reserve_part_principal_void")
    assert finding.severity.value == "violation"
    assert finding.param("amount") == Decimal("50000.00")
    assert finding.param("written_off") == "2024-03"
    assert march.state_out.reserve == Decimal("120.00")  # nothing taken from it


def test_the_quality_deposit_withheld_in_january_is_released_in_july() -> None:
    statements = example_reserve_in_parts()
    # April recovers the 620 left (under the 700 cap); May and June pay nothing.
    assert [s.total for s in statements[3:6]] == [Decimal("-620.00"), Decimal(0), Decimal(0)]
    july = statements[6]
    assert _lines(july) == {"reserve#released/quality": Decimal("120.00")}
    assert july.state_out.reserve == 0
    assert july.state_out.reserve_parts == ()


def test_a_months_after_part_spans_the_year_end_while_the_year_part_is_released_in_december() -> (
    None
):
    # An invoice in November: 3,000 released; 5 % each way = 150 + 150. December releases
    # the year part (150); the 3-month part withheld in November is released in February.
    policy = _policy(
        ReservePart(part_id="year", rate=Rate.parse("5%")),
        ReservePart(
            part_id="later", rate=Rate.parse("5%"), horizon=ReserveHorizon.MONTHS_AFTER, months=3
        ),
    )
    receivables = books(invoice(issued="2024-11-05"))
    november = month(policy, receivables, 11)
    december = month(policy, receivables, 12, november.state_out)
    assert _lines(december) == {"reserve#released/year": Decimal("150.00")}
    state = december.state_out
    for number in (1, 2):
        statement = _next_year(policy, receivables, number, state)
        state = statement.state_out
    assert _lines(statement) == {"reserve#released/later": Decimal("150.00")}
    assert state.reserve == 0


def _next_year(
    policy: CollectionPolicy, receivables: Receivables, number: int, state: CollectionState
) -> CollectionStatement:
    return settle_month(
        policy,
        Period(year=2025, month=number),
        receivables,
        CollectionInputs(employee="li", state=state),
    )


def test_a_departure_part_is_held_past_the_year_end_and_every_part_is_paid_on_leaving() -> None:
    # 3,000 released in January: 150 to the year part, 90 to the departure part (3 %).
    # December pays the year part only; Li leaves on 15 March 2025: all wages at once, so
    # the 90 is paid then.
    policy = _policy(
        ReservePart(part_id="year", rate=Rate.parse("5%")),
        ReservePart(part_id="stay", rate=Rate.parse("3%"), horizon=ReserveHorizon.ON_DEPARTURE),
    )
    receivables = books(invoice())
    year = months(policy, receivables, 12)
    assert _lines(year[-1]) == {"reserve#released/year": Decimal("150.00")}
    assert year[-1].state_out.reserve == Decimal("90.00")
    leaving = settle_month(
        policy,
        Period(year=2025, month=3),
        receivables,
        CollectionInputs(employee="li", state=year[-1].state_out, left_on=date(2025, 3, 15)),
    )
    line = leaving.line("reserve#released/stay")
    assert line.amount == Decimal("90.00")
    assert [c.id for c in line.steps[0].citations] == ["WPP 9"]
    assert leaving.state_out.reserve == 0


# --- one reserve as today -----------------------------------------------------------------


def test_one_reserve_written_as_a_rate_reads_and_settles_exactly_as_before() -> None:
    january = month(reserve_policy(), books(invoice()), 1)
    assert _lines(january) == {
        "release/I1": Decimal("3000.00"),
        "reserve#withheld": Decimal("-300.00"),
    }
    assert january.state_out.reserve_parts == (
        ReserveHolding(part_id="reserve", amount=Decimal("300.00")),
    )


@settings(max_examples=40, deadline=None)
@given(collection_receivables())
def test_one_part_of_ten_percent_at_year_end_pays_what_one_ten_percent_reserve_pays(
    receivables: Receivables,
) -> None:
    wages = {"month_wage": Decimal(6000), "minimum_wage": Decimal(2690)}
    single = months(reserve_policy(), receivables, 12, **wages)
    parts = months(
        _policy(ReservePart(part_id="all", rate=Rate.parse("10%"))), receivables, 12, **wages
    )
    assert [s.total for s in single] == [s.total for s in parts]
    assert [s.state_out.reserve for s in single] == [s.state_out.reserve for s in parts]
    assert [s.state_out.to_recover for s in single] == [s.state_out.to_recover for s in parts]


# --- invariants ---------------------------------------------------------------------------

PART_SETS = st.sampled_from(
    [
        (
            ReservePart(part_id="year", rate=Rate.parse("6%")),
            ReservePart(
                part_id="quality",
                rate=Rate.parse("4%"),
                horizon=ReserveHorizon.MONTHS_AFTER,
                months=6,
                nets_clawbacks=False,
            ),
        ),
        (
            ReservePart(
                part_id="soon", rate=Rate.parse("5%"), horizon=ReserveHorizon.MONTHS_AFTER, months=2
            ),
            ReservePart(part_id="stay", rate=Rate.parse("5%"), horizon=ReserveHorizon.ON_DEPARTURE),
        ),
    ]
)


@settings(max_examples=40, deadline=None)
@given(PART_SETS, collection_receivables(), st.booleans())
def test_money_released_is_paid_held_in_parts_or_still_to_recover_every_month(
    parts: tuple[ReservePart, ...], receivables: Receivables, principal: bool
) -> None:
    if principal:  # a principal clause is reported only: it never changes a figure
        parts = tuple(attrs.evolve(p, nets_bad_debt_principal=True) for p in parts)
    wages = {"month_wage": Decimal(6000), "minimum_wage": Decimal(2690)}
    statements = months(_policy(*parts), receivables, 12, **wages)
    plain = months(
        _policy(*(attrs.evolve(p, nets_bad_debt_principal=False) for p in parts)),
        receivables,
        12,
        **wages,
    )
    assert [s.total for s in statements] == [s.total for s in plain]
    paid = Decimal(0)
    for statement in statements:
        paid += statement.total
        end = statement.state_out
        released = sum((a.released for a in end.accounts), Decimal(0))
        assert paid + end.reserve - end.to_recover == released
        assert end.reserve == sum((h.amount for h in end.reserve_parts), Decimal(0))
        assert all(h.part_id in {p.part_id for p in parts} for h in end.reserve_parts)


# --- reading and bad input ----------------------------------------------------------------


def test_a_format_1_state_and_statement_read_their_reserve_as_the_single_reserves() -> None:
    old_state = {"format": 1, "reserve": "300.00", "to_recover": "0.00"}
    state = from_dict(old_state, CollectionState)
    assert state.reserve_parts == (ReserveHolding(part_id="reserve", amount=Decimal("300.00")),)
    january = month(reserve_policy(), books(invoice()), 1)
    data = json.loads(json.dumps(to_dict(january)))
    assert data["format"] == 3
    assert data["state_out"]["reserve_parts"] == [{"part_id": "reserve", "amount": "300.00"}]
    del data["state_out"]["reserve_parts"]
    del data["state_out"]["ledger"]  # format 1 states carried no ledger either
    data["format"] = 1
    without_ledger = attrs.evolve(january, state_out=attrs.evolve(january.state_out, ledger=None))
    assert from_dict(data, CollectionStatement) == without_ledger


def test_a_policy_held_in_parts_round_trips_through_plain_data() -> None:
    policy = reserve_in_parts_policy()
    data = json.loads(json.dumps(to_dict(policy)))
    assert from_dict(data, CollectionPolicy) == policy
    statement = example_reserve_in_parts()[0]
    assert from_dict(json.loads(json.dumps(to_dict(statement))), CollectionStatement) == statement


def test_a_reserve_that_is_both_one_rate_and_parts_or_neither_is_refused() -> None:
    part = ReservePart(part_id="year", rate=Rate.parse("5%"))
    with pytest.raises(PolicyDefinitionError, match=r"^RiskReserve\.rate: expected None when"):
        RiskReserve(rate=Rate.parse("10%"), parts=(part,))
    with pytest.raises(PolicyDefinitionError, match=r"^RiskReserve\.rate: expected a rate, or"):
        RiskReserve()
    with pytest.raises(PolicyDefinitionError, match=r"nets_bad_debt_principal: expected False"):
        RiskReserve(parts=(part,), nets_bad_debt_principal=True)


def test_parts_taking_100_percent_or_sharing_an_id_are_refused() -> None:
    half = ReservePart(part_id="a", rate=Rate.parse("50%"))
    with pytest.raises(PolicyDefinitionError) as raised:
        RiskReserve(parts=(half, attrs.evolve(half, part_id="b")))
    assert str(raised.value) == (
        "RiskReserve.parts: expected rates adding up to less than 100%, got str '100%'"
    )
    with pytest.raises(PolicyDefinitionError, match=r"^RiskReserve\.parts\[1\]"):
        RiskReserve(parts=(half, attrs.evolve(half, rate=Rate.parse("10%"))))


def test_months_are_given_exactly_for_a_months_after_part() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"^ReservePart\(y\)\.months: expected None"):
        ReservePart(part_id="y", rate=Rate.parse("5%"), months=6)
    with pytest.raises(PolicyDefinitionError, match=r"ReservePart\.months"):
        ReservePart(
            part_id="y", rate=Rate.parse("5%"), horizon=ReserveHorizon.MONTHS_AFTER, months=121
        )


def test_a_state_whose_parts_do_not_add_up_to_its_reserve_is_refused() -> None:
    with pytest.raises(InvalidValueError) as raised:
        CollectionState(
            reserve=Decimal(300),
            reserve_parts=(ReserveHolding(part_id="year", amount=Decimal(200)),),
        )
    assert str(raised.value) == (
        "CollectionState.reserve_parts: expected holdings adding up to the reserve of 300, "
        "got Decimal 200.00"
    )


def test_a_holding_of_a_part_the_version_lacks_is_held_as_the_single_reserve_and_reported() -> None:
    # A 300 balance carried from the single-reserve days, under the policy in parts:
    # reported, netted against clawbacks, and released in December with the year part.
    state = CollectionState(reserve=Decimal(300))
    receivables = books(invoice(issued="2024-12-02"))
    december = month(reserve_in_parts_policy(), receivables, 12, state)
    finding = next(f for f in december.findings if f.code == "reserve_part_not_in_version")
    assert (finding.param("part"), finding.param("amount")) == ("reserve", Decimal("300.00"))
    lines = _lines(december)
    # 3,000 released: 180 to the year part and 120 to quality; December pays the year
    # part's 180 and the old 300.
    assert lines["reserve#released/year"] == Decimal("180.00")
    assert lines["reserve#released/reserve"] == Decimal("300.00")
    # 3,000 − 180 − 120 withheld + 180 + 300 released = 3,180.
    assert december.total == Decimal("3180.00")
    step = december.line("reserve#released/reserve").steps[0]
    assert step.input_map["not_in_version"] is True


def test_a_clawback_takes_the_oldest_withholding_of_a_part_first() -> None:
    # 10 % held for 3 months: 300 withheld in January (I1) and 300 in February (I2).
    # March: 10,000 of I1 written off claws back 3 % = 300, taken from January's holding.
    # April (January + 3) then releases nothing; May (February + 3) releases 300.
    policy = _policy(
        ReservePart(
            part_id="soon", rate=Rate.parse("10%"), horizon=ReserveHorizon.MONTHS_AFTER, months=3
        )
    )
    receivables = books(
        invoice(),
        invoice("I2", issued="2024-02-05"),
        write_offs=(_bad_debt(10000, "2024-03-20"),),
    )
    statements = months(policy, receivables, 5)
    march = statements[2]
    assert march.state_out.reserve_parts == (
        ReserveHolding(
            part_id="soon",
            amount=Decimal("300.00"),
            withheld_in=Period(year=2024, month=2),
            rate=Rate.parse("10%"),
            horizon=ReserveHorizon.MONTHS_AFTER,
            months=3,
        ),
    )
    assert [s.total for s in statements[3:]] == [Decimal(0), Decimal("300.00")]
    assert _lines(statements[4]) == {"reserve#released/soon": Decimal("300.00")}


def test_parts_carried_into_a_single_reserve_are_paid_in_one_december_line() -> None:
    # A state left by a policy in parts (180 for the year, 120 quality withheld in
    # October), settled under the single 10 % reserve: December pays 180 + 120 = 300.
    state = CollectionState(
        reserve=Decimal(300),
        reserve_parts=(
            ReserveHolding(part_id="year", amount=Decimal(180)),
            ReserveHolding(
                part_id="quality", amount=Decimal(120), withheld_in=Period(year=2024, month=10)
            ),
        ),
    )
    december = month(reserve_policy(), books(invoice(issued="2024-12-02", commission=0)), 12, state)
    assert _lines(december) == {"reserve#released": Decimal("300.00")}
    assert december.state_out.reserve_parts == ()


def test_a_months_after_holding_without_its_month_withheld_is_refused() -> None:
    state = CollectionState(
        reserve=Decimal(120),
        reserve_parts=(ReserveHolding(part_id="quality", amount=Decimal(120)),),
    )
    with pytest.raises(InvalidValueError) as raised:
        month(reserve_in_parts_policy(), books(invoice()), 2, state)
    assert str(raised.value) == (
        "CollectionInputs(li).state.reserve_parts[0].withheld_in: expected the month "
        "withheld: part quality is released 6 months after it, got None"
    )


# --- holdings keep their terms; rounding once; a month withheld ---------------------------


def _versions(*reserves: tuple[str, date, RiskReserve | None]) -> CollectionPolicy:
    return CollectionPolicy(
        policy_id="p",
        name="n",
        versions=tuple(
            CollectionVersion(version=v, effective_from=start, release=OnInvoice(), reserve=r)
            for v, start, r in reserves
        ),
    )


_QUALITY_YEAR_END = ReservePart(part_id="q", rate=Rate.parse("4%"))
_QUALITY_6 = ReservePart(
    part_id="q", rate=Rate.parse("4%"), horizon=ReserveHorizon.MONTHS_AFTER, months=6
)


def test_year_end_money_stays_year_end_when_a_july_version_holds_the_part_six_months() -> None:
    # January: 3,000 released, 4 % = 120 withheld into q, then released at year end. From
    # July q is released 6 months after the month withheld; January's 120 keeps its terms:
    # still held in July (reported), paid in December.
    policy = _versions(
        ("v1", date(2024, 1, 1), RiskReserve(parts=(_QUALITY_YEAR_END,))),
        ("v2", date(2024, 7, 1), RiskReserve(parts=(_QUALITY_6,))),
    )
    statements = months(policy, books(invoice()), 12)
    july, december = statements[6], statements[11]
    kept = next(f for f in july.findings if f.code == "reserve_terms_kept")
    assert (kept.param("part"), kept.param("amount")) == ("q", Decimal("120.00"))
    assert kept.param("withheld_under") == Label(
        "年末或离职时返还", "released at year end or on departure"
    )
    assert july.state_out.reserve == Decimal("120.00")
    assert _lines(december) == {"reserve#released/q": Decimal("120.00")}
    assert december.line("reserve#released/q").steps[0].input_map["terms_kept"] is True


def test_a_3_month_deposit_kept_under_a_single_reserve_is_paid_in_april_and_reported() -> None:
    # January: 3,000 × 4 % = 120 held for 3 months; from March one 10 % reserve. The
    # deposit keeps its terms: paid in April (January + 3), not in December, and reported.
    quality_3 = attrs.evolve(_QUALITY_6, part_id="quality", months=3)
    policy = _versions(
        ("v1", date(2024, 1, 1), RiskReserve(parts=(quality_3,))),
        ("v2", date(2024, 3, 1), RiskReserve(rate=Rate.parse("10%"))),
    )
    statements = months(policy, books(invoice()), 12)
    april, december = statements[3], statements[11]
    assert _lines(april) == {"reserve#released/quality": Decimal("120.00")}
    (found,) = [f for f in april.findings if f.code == "reserve_part_not_in_version"]
    assert found.param("release") == Label(
        "预留3个月后返还", "released 3 months after the month withheld"
    )
    assert "reserve_part_not_in_version" in [f.code for f in statements[2].findings]
    assert _lines(december) == {}


def test_a_part_may_not_take_the_single_reserves_id() -> None:
    with pytest.raises(PolicyDefinitionError, match=r"parts\[1\]\.part_id: expected an id other"):
        RiskReserve(
            parts=(_QUALITY_YEAR_END, ReservePart(part_id="reserve", rate=Rate.parse("5%")))
        )


def test_a_quarter_is_not_a_month_withheld() -> None:
    with pytest.raises(InvalidValueError, match=r"withheld_in: expected a month"):
        ReserveHolding(part_id="q", amount=Decimal(120), withheld_in=Period(year=2024, quarter=1))


def test_two_fen_released_into_three_25_percent_parts_withholds_two_fen_like_one_reserve() -> None:
    # 0.02 × 75 % = 0.015, rounded once, half up: 0.02 withheld in all (as one 75 %
    # reserve would), shared by largest remainder (0.005 each, ties to the earlier part):
    # p0 and p1 take a fen each, p2 none. Nothing is carried to recovery.
    policy = _policy(*(ReservePart(part_id=f"p{i}", rate=Rate.parse("25%")) for i in range(3)))
    january = month(policy, books(invoice(commission="0.02")), 1)
    assert _lines(january) == {
        "release/I1": Decimal("0.02"),
        "reserve#withheld/p0": Decimal("-0.01"),
        "reserve#withheld/p1": Decimal("-0.01"),
    }
    assert "clawback_to_recovery" not in [f.code for f in january.findings]


def test_a_months_after_release_past_the_calendar_is_refused_naming_the_holding() -> None:
    policy = _policy(attrs.evolve(_QUALITY_6, months=120))
    held = ReserveHolding(
        part_id="q",
        amount=Decimal(120),
        withheld_in=Period(year=2197, month=1),
        rate=Rate.parse("4%"),
        horizon=ReserveHorizon.MONTHS_AFTER,
        months=120,
    )
    state = CollectionState(reserve=Decimal(120), reserve_parts=(held,))
    with pytest.raises(
        InvalidValueError,
        match=r"state\.reserve_parts\[0\]\.withheld_in: expected a month withheld whose "
        r"release 120 months later \(part q\) falls within the calendar",
    ):
        settle_month(
            policy,
            Period(year=2197, month=2),
            books(invoice(issued="2197-01-10")),
            CollectionInputs(employee="li", state=state),
        )


_DRAWN_PARTS = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=30),
        st.sampled_from(list(ReserveHorizon)),
        st.integers(min_value=1, max_value=6),
    ),
    min_size=1,
    max_size=3,
).map(
    lambda drawn: tuple(
        ReservePart(
            part_id=f"p{i}",
            rate=Rate.parse(f"{rate}%"),
            horizon=horizon,
            months=months_ if horizon is ReserveHorizon.MONTHS_AFTER else None,
        )
        for i, (rate, horizon, months_) in enumerate(drawn)
    )
)


@settings(max_examples=60, deadline=None)
@given(_DRAWN_PARTS, st.integers(min_value=1, max_value=500000))
def test_parts_withhold_together_exactly_what_one_reserve_at_their_total_rate_would(
    parts: tuple[ReservePart, ...], fen: int
) -> None:
    # Any rates, down to a release of one fen: the parts' withholdings add up to the
    # release × total rate rounded once, never more than the rate.
    commission = Decimal(fen).scaleb(-2)
    parts_month = month(_policy(*parts), books(invoice(commission=str(commission))), 1)
    withheld = -sum(
        (line.amount for line in parts_month.lines if line.line_id.startswith("reserve#withheld")),
        Decimal(0),
    )
    total = RiskReserve(parts=parts).total_rate
    assert withheld == round_money(commission * total.value)
    assert withheld <= commission * total.value + Decimal("0.005")
    assert "clawback_to_recovery" not in [f.code for f in parts_month.findings]


def test_a_state_held_in_parts_reads_back_from_tables_as_it_was_written() -> None:
    # January's state: 180 in the year part, 120 of quality withheld in January for 6
    # months. Written as tables and read back, nothing turns into the single reserve.
    january = example_reserve_in_parts()[0]
    inputs = CollectionInputs(employee="li", state=january.state_out)
    tables = write("collection", "salespeople", [inputs])
    assert [row["part_id"] for row in tables["reserve_parts"]] == ["year", "quality"]
    (read,) = read_collection_inputs(
        tables["salespeople"],
        accounts=tables.get("accounts"),
        reserve_parts=tables["reserve_parts"],
    )
    assert read.state.reserve_parts == january.state_out.reserve_parts


def test_a_statement_writes_the_reserve_it_carries_by_part() -> None:
    january = example_reserve_in_parts()[0]
    rows = january.to_records("reserve_parts")
    assert [(r["part_id"], r["amount"], r["withheld_in.month"], r["months"]) for r in rows] == [
        ("year", Decimal("180.00"), None, None),
        ("quality", Decimal("120.00"), 1, 6),
    ]
