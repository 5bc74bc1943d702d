"""Invariants of the year-end awards, on generated teams and award tables."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

from hrpolicy.core.approvals import AWARD, GENERAL_MANAGER, ApprovalRule, Holds, SignOff
from hrpolicy.core.money import Rate
from hrpolicy.reports.awards import (
    AwardPolicy,
    MemberYear,
    RankAward,
    TeamYear,
    Ties,
    YearEndAwards,
    year_end_awards,
)

FEN = Decimal("0.01")


@st.composite
def rank_shares(draw: st.DrawFn) -> tuple[Rate, ...]:
    """1 to 6 shares in whole per-mille, non-increasing, adding up to 100 %."""
    count = draw(st.integers(1, 6))
    cuts = sorted(draw(st.lists(st.integers(1, 999), min_size=count - 1, max_size=count - 1)))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, 1000], strict=True)]
    if any(part == 0 for part in parts):
        parts = [1000 // count] * count
        parts[0] += 1000 - sum(parts)
    parts.sort(reverse=True)
    return tuple(Rate.parse(f"{part}‰") for part in parts)


@st.composite
def fixed_amounts(draw: st.DrawFn) -> tuple[Decimal, ...]:
    fen = draw(st.lists(st.integers(1, 10**7), min_size=1, max_size=6))
    return tuple(Decimal(f).scaleb(-2) for f in sorted(fen, reverse=True))


@st.composite
def teams(draw: st.DrawFn) -> TeamYear:
    """A team of 1 to 9 with scores from a few values (so that ties are common) and a
    pool up to a million yuan, in fen."""
    size = draw(st.integers(1, 9))
    scores = draw(
        st.lists(
            st.sampled_from(["55", "60", "72.5", "80", "88", "95"]), min_size=size, max_size=size
        )
    )
    pool = Decimal(draw(st.integers(0, 10**8))).scaleb(-2)
    members = tuple(
        MemberYear(employee=f"e{index}", measure=Decimal(score))
        for index, score in enumerate(scores)
    )
    return TeamYear(team="T", year=2025, pool=pool, members=members)


def by_shares(shares: tuple[Rate, ...], ties: Ties, minimum: Decimal | None = None) -> AwardPolicy:
    return AwardPolicy(policy_id="p", ranking=RankAward(shares=shares, ties=ties, minimum=minimum))


def ranking(result: YearEndAwards) -> dict[str, Decimal]:
    return {m.employee: m.ranking for m in result.members}


@given(rank_shares(), teams(), st.sampled_from([None, Decimal(60), Decimal(90)]))
def test_with_shared_ties_the_awards_and_what_is_left_add_up_to_the_pool_to_the_fen(
    shares: tuple[Rate, ...], case: TeamYear, minimum: Decimal | None
) -> None:
    result = year_end_awards(by_shares(shares, Ties.SHARE, minimum), case)
    assert case.pool is not None
    assert result.pool_left is not None
    assert sum(ranking(result).values(), Decimal(0)) + result.pool_left == case.pool
    assert result.pool_left >= 0
    ranked = sum(1 for m in result.members if m.rank is not None)
    if ranked >= len(shares):
        assert result.pool_left == 0


@given(rank_shares(), teams(), st.sampled_from(list(Ties)))
def test_no_award_moves_a_fen_or_more_from_its_exact_share(
    shares: tuple[Rate, ...], case: TeamYear, ties: Ties
) -> None:
    award = RankAward(shares=shares, ties=ties)
    result = year_end_awards(AwardPolicy(policy_id="p", ranking=award), case)
    assert case.pool is not None
    for member in result.members:
        assert member.ranking >= 0
        if member.rank is None:
            continue
        group = [m for m in result.members if m.rank == member.rank]
        ranks = (
            range(member.rank, member.rank + len(group)) if ties is Ties.SHARE else [member.rank]
        )
        exact = sum((award.slot(r, case.pool) for r in ranks), Fraction(0)) / (
            len(group) if ties is Ties.SHARE else 1
        )
        assert abs(Fraction(member.ranking) - exact) < Fraction(1, 100)


@given(rank_shares(), teams(), st.sampled_from(list(Ties)))
def test_a_higher_measure_never_earns_a_smaller_ranking_award_beyond_the_odd_fen(
    shares: tuple[Rate, ...], case: TeamYear, ties: Ties
) -> None:
    result = year_end_awards(by_shares(shares, ties), case)
    for high in result.members:
        for low in result.members:
            assert high.measure is not None
            assert low.measure is not None
            if high.measure > low.measure:
                assert high.ranking >= low.ranking - FEN
            if high.measure == low.measure:
                if ties is Ties.HIGHER:  # one rank, one award
                    assert high.ranking == low.ranking
                else:
                    assert abs(high.ranking - low.ranking) <= FEN


@given(rank_shares(), teams())
def test_taking_the_higher_rank_for_ties_never_gives_a_member_less_than_sharing(
    shares: tuple[Rate, ...], case: TeamYear
) -> None:
    shared = ranking(year_end_awards(by_shares(shares, Ties.SHARE), case))
    higher = ranking(year_end_awards(by_shares(shares, Ties.HIGHER), case))
    for employee, amount in shared.items():
        assert higher[employee] >= amount - FEN


@given(rank_shares(), teams(), st.sampled_from(list(Ties)), st.randoms(use_true_random=False))
def test_the_order_the_members_are_listed_in_never_changes_an_award(
    shares: tuple[Rate, ...], case: TeamYear, ties: Ties, rng: random.Random
) -> None:
    members = list(case.members)
    rng.shuffle(members)
    shuffled = attrs.evolve(case, members=tuple(members))
    policy = by_shares(shares, ties)
    assert ranking(year_end_awards(policy, shuffled)) == ranking(year_end_awards(policy, case))


@given(fixed_amounts(), teams(), st.sampled_from(list(Ties)))
def test_fixed_amounts_shared_by_ties_add_up_to_the_amounts_of_the_ranks_filled(
    amounts: tuple[Decimal, ...], case: TeamYear, ties: Ties
) -> None:
    award = RankAward(amounts=amounts, ties=ties)
    result = year_end_awards(
        AwardPolicy(policy_id="p", ranking=award), attrs.evolve(case, pool=None)
    )
    total = sum(ranking(result).values(), Decimal(0))
    if ties is Ties.SHARE:
        filled = min(len(case.members), len(amounts))
        assert total == sum(amounts[:filled], Decimal(0))
    else:
        # each ranked member earns their own rank's amount (nothing beyond the list)
        assert total == sum(
            (amounts[m.rank - 1] for m in result.members if m.rank and m.rank <= len(amounts)),
            Decimal(0),
        )


@given(
    rank_shares(),
    teams(),
    st.sets(st.integers(0, 8)),
    st.sampled_from([None, Decimal(0), Decimal(10000)]),
)
def test_approval_rules_never_raise_what_is_paid_and_signing_never_lowers_it(
    shares: tuple[Rate, ...], case: TeamYear, signed: set[int], above: Decimal | None
) -> None:
    rule = ApprovalRule(kind=AWARD, approvers=(GENERAL_MANAGER,), above=above, holds=Holds.AWARD)
    free = by_shares(shares, Ties.SHARE)
    checked = attrs.evolve(free, approvals=(rule,))
    sign = SignOff(approver="general_manager", reference="GM-1", signed_on=date(2026, 1, 20))
    with_signs = attrs.evolve(
        case,
        members=tuple(
            attrs.evolve(m, sign_offs=(sign,)) if index in signed else m
            for index, m in enumerate(case.members)
        ),
    )
    unchecked = {m.employee: m.payable for m in year_end_awards(free, case).members}
    unsigned = {m.employee: m.payable for m in year_end_awards(checked, case).members}
    some_signed = {m.employee: m.payable for m in year_end_awards(checked, with_signs).members}
    for employee, paid in unchecked.items():
        assert unsigned[employee] <= some_signed[employee] <= paid
