"""Compute commission statements: one person, a team, or two plans side by side.

The rules, in the order the engine applies them:

1. **Deals.** Deal ids are unique; every deal credits the person; deals are dated in the
   period's calendar year (for a season running into the next year, from its first
   year's 1 January to its last day) and not after the period (earlier ones are *late
   deals*, credited now and reported). Deals are processed in (signing date, deal id) order, so
   the order they are passed in never matters.
2. **Credit.** A person's share of a deal is their credit's share, or the plan's standard
   share for their role; a split that does not add up to 100 % is reported and each
   person is credited as listed.
3. **Deal-level components** (commission tables, over-list shares) use the version in
   force on each deal's signing date; **period-level** ones the version in force on the
   period's last day.
4. **Commission.** The measure accumulates over the period (or, for year windows, from
   the carried year-to-date measure). A deal earns the increase it causes in the table's
   payout, times its multipliers and, if settled on collection, its collected share. The
   component's amount is rounded **once**, half up, and shared out over the deal lines by
   the largest-remainder rule, so the lines add up to it exactly. Then come the
   carried-in amount, the cap or floor, and the year-to-date true-up.
5. **Expense overspend** is deducted from the named bonus components, never below zero;
   **draws** top covered commission up to the draw, and recover earlier top-ups.
6. **Checks.** Deals below list without approval, and pay below the local minimum wage
   (LL Art. 48; MWP Art. 12), are reported as findings; nothing is adjusted silently.
   A version's approval rules (a sale on credit needs the general manager …) are checked
   for each deal they apply to: a missing sign-off is a finding naming the approver, and
   where the rule says so the deal's commission lines are paid 0 until it is given (held
   before caps, floors, deductions and draws, so approvals never raise pay).

A deal's facts (its amount, units, named values such as the list price, costs, cash
collected) are read only by the components that need them, and only where they can change
an amount: the basis of a deal that falls wholly in bands paying 0, and the collection of a
deal that earns nothing, are not read. A fact read and missing is an error naming the
deal, the fact and the component.
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

from hrpolicy.commission.approvals import DealApproval, deal_approval
from hrpolicy.commission.messages import CATALOG
from hrpolicy.commission.model import (
    Carry,
    Deal,
    Measure,
    Period,
    PersonInputs,
    reading_label,
)
from hrpolicy.commission.plan import (
    Commission,
    Component,
    Condition,
    DealerCount,
    Draw,
    ExpenseAllowance,
    FixedPay,
    Frequency,
    OverListShare,
    Plan,
    PlanVersion,
    ProfitPool,
    Proration,
    TaskBase,
    Window,
)
from hrpolicy.commission.results import (
    Comparison,
    ComparisonRow,
    Line,
    LineKind,
    Statement,
    TeamStatement,
)
from hrpolicy.core.bands import BandApplication, BandTable, Semantics
from hrpolicy.core.compiled import CompiledTable
from hrpolicy.core.convert import FORMAT_KEY, from_dict
from hrpolicy.core.errors import HRPolicyError, InvalidTypeError, InvalidValueError, prefixed
from hrpolicy.core.explain import Finding, Label, Step, StepValue, formatted_label
from hrpolicy.core.explain import step_of as _step
from hrpolicy.core.fields import argument, arguments, require, require_unique
from hrpolicy.core.label import label
from hrpolicy.core.money import (
    EXACT,
    ZERO,
    Rate,
    allocate,
    exact_ratio,
    format_exact,
    money_sum,
    parse_money,
    round_money,
)
from hrpolicy.core.statement import apply_paid

__all__ = [
    "compare",
    "evaluate",
    "evaluate_team",
    "statement_from_dict",
]


class _Work:
    """The statement being built: lines, steps and findings in order."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.steps: list[Step] = []
        self.findings: list[Finding] = []
        self._found: set[Finding] = set()
        self.carries: list[Carry] = []
        self.checks: list[Step] = []
        self.deducts: dict[str, tuple[str, ...]] = {}  # allowance → the bonuses it reduces
        self._variable: dict[int, tuple[Component, bool]] = {}  # by component, once

    def find(self, code: str, subject: str = "", **params: Any) -> None:
        """Record a finding once (two components may find the same thing of a deal)."""
        self.record(CATALOG.finding(code, subject=subject, **params))

    def record(self, finding: Finding) -> None:
        """Record a finding built elsewhere (from another catalog), once."""
        if finding not in self._found:
            self._found.add(finding)
            self.findings.append(finding)

    def add(  # noqa: PLR0917 - a line is described by all of these
        self,
        component: Component,
        kind: LineKind,
        suffix: str,
        amount: Decimal,
        text: Label,
        steps: Iterable[Step],
        *,
        deal_id: str | None = None,
        clause: str | None = None,
    ) -> Line:
        cid = component.component_id
        if not suffix:
            line_id = cid
        elif kind is LineKind.DEAL:
            line_id = f"{cid}/{suffix}"
        else:
            line_id = f"{cid}#{suffix}"
        if kind is LineKind.DEAL:  # a deal's line, one per deal: its fields are checked
            variable = self._variable.get(id(component))
            if variable is None or variable[0] is not component:
                variable = self._variable[id(component)] = (component, _is_variable(component))
            line = Line.of_checked(
                line_id,
                cid,
                kind,
                amount,
                text,
                component.clause if clause is None else clause,
                variable[1],
                tuple(steps),
                deal_id,
            )
            self.lines.append(line)
            return line
        line = Line(
            line_id=line_id,
            component=cid,
            kind=kind,
            amount=amount,
            label=text,
            clause=component.clause if clause is None else clause,
            variable=_is_variable(component),
            steps=tuple(steps),
            deal_id=deal_id,
        )
        self.lines.append(line)
        return line

    def total_of(self, component_ids: Iterable[str]) -> Decimal:
        wanted = set(component_ids)
        return money_sum(line.amount for line in self.lines if line.component in wanted)


def _is_variable(component: Component) -> bool:
    if isinstance(component, FixedPay):
        return component.score_linked
    return not isinstance(component, TaskBase)


# --- deals and credits --------------------------------------------------------------------


class _Credited:
    """A deal as credited to the person: the deal, the version in force on its date and
    the person's exact share."""

    __slots__ = ("approval", "deal", "late", "share", "version")

    def __init__(
        self,
        deal: Deal,
        version: PlanVersion,
        share: Fraction,
        *,
        late: bool,
        approval: DealApproval | None = None,
    ) -> None:
        self.deal = deal
        self.version = version
        self.share = share
        self.late = late
        self.approval = approval

    def hold(
        self, component_id: str, amount: Decimal, steps: Iterable[Step]
    ) -> tuple[Decimal, tuple[Step, ...]]:
        """The deal's line of ``component_id``: its amount and steps after the deal's
        approval rules (a missing sign-off may hold its commission back: see
        :mod:`hrpolicy.commission.approvals`)."""
        if self.approval is None:
            return amount, tuple(steps)
        return self.approval.hold(f"{component_id}/{self.deal.deal_id}", amount, steps)


def _share_of(
    deal: Deal, version: PlanVersion, employee: str, exact: dict[int, tuple[Rate, Fraction]]
) -> tuple[Fraction, Fraction]:
    """The person's share of ``deal`` and the total of all shares (``exact``: each share
    given as a rate, exactly, by the rate's id: deals mostly share a few rates)."""
    mine: Fraction | None = None
    total: Fraction | None = None
    for index, credit in enumerate(deal.credits):
        rate = credit.share or version.role_share(credit.role)
        if rate is None:
            raise InvalidValueError(
                f"Deal({deal.deal_id}).split[{index}].share",
                f"a share, or a role the plan version {version.version} gives a standard "
                f"share to ({', '.join(r.role for r in version.roles) or 'none defined'})",
                credit.role,
            )
        known = exact.get(id(rate))
        if known is None or known[0] is not rate:
            value = rate.exact
            known = exact[id(rate)] = (rate, _ONE if value == 1 else value)
        total = known[1] if total is None else total + known[1]
        if credit.employee == employee:
            mine = known[1]
    if mine is None or total is None:
        raise InvalidValueError(
            f"Deal({deal.deal_id}).split",
            f"a credit for employee {employee!r}",
            ", ".join(c.employee for c in deal.credits),
        )
    return mine, total


def _credit_deals(
    plan: Plan, period: Period, deals: Iterable[Deal], inputs: PersonInputs, work: _Work
) -> list[_Credited]:
    employee = inputs.employee
    paid = {p.line_id: p.amount for p in inputs.paid}
    given = arguments(deals, Deal, "deals")
    require_unique([d.deal_id for d in given], "deals", "deal_id")
    credited = []
    exact: dict[int, tuple[Rate, Fraction]] = {}
    versions: dict[date, PlanVersion] = {}  # deals are signed on a few days each
    first_day, last_day, year = period.first_day, period.last_day, period.year
    for deal in sorted(given, key=lambda d: (d.signed_on, d.deal_id)):
        day = deal.signed_on
        if day > last_day or day.year < year:
            within = (
                f"a date in {period.year}"
                if period.last_day.year == period.year
                else f"a date from {period.year}-01-01"
            )
            raise InvalidValueError(
                f"Deal({deal.deal_id}).signed_on",
                f"{within} not after the period's last day {period.last_day}",
                day,
            )
        version = versions.get(day)
        if version is None:
            version = versions[day] = plan.version_on(day)
        share, total = _share_of(deal, version, employee, exact)
        late = day < first_day
        if late:
            work.find(
                "late_deal",
                deal.deal_id,
                deal=deal.deal_id,
                signed_on=day,
                period_start=period.first_day,
            )
        if total != 1:
            work.find(
                "split_not_100",
                deal.deal_id,
                deal=deal.deal_id,
                total=f"{format_exact(total * 100)}%",
                share_total=total,
                credits=len(deal.credits),
            )
        approval = deal_approval(plan.plan_id, version, deal, work.find, paid)
        credited.append(_Credited(deal, version, share, late=late, approval=approval))
    return credited


def _record_approvals(credited: list[_Credited], work: _Work) -> None:
    """For each deal an approval rule applies to, the check's step and findings, with what
    the deal's lines put at stake (:mod:`hrpolicy.commission.approvals`)."""
    for item in credited:
        if item.approval is None:
            continue
        outcome = item.approval.outcome()
        work.steps.extend(outcome.steps)
        for finding in outcome.findings:
            work.record(finding)


# --- commission ---------------------------------------------------------------------------


class _Memo:
    """The band applications of one statement's commission: a deal starts where the
    previous deal ended, so the two most recent are kept and each accumulated measure is
    applied once (the breakdown's figures come from the table's compiled integers, and its
    text is rendered only when read)."""

    __slots__ = ("_earlier", "_integers", "_latest", "_names")

    def __init__(self) -> None:
        self._names: dict[int, tuple[Commission, str]] = {}
        self._latest: tuple[BandTable, Fraction, BandApplication] | None = None
        self._earlier: tuple[BandTable, Fraction, BandApplication] | None = None
        # The last deal's end on integers: (compiled table, units, payout, scaled payout).
        self._integers: tuple[CompiledTable, int, Fraction, int] | None = None

    def measure_name(self, component: Commission) -> str:
        """The English name of what ``component`` measures, as a deal's step names it."""
        known = self._names.get(id(component))
        if known is None or known[0] is not component:
            known = self._names[id(component)] = (component, reading_label(component.measure).en)
        return known[1]

    def increase(
        self, table: BandTable, before: Fraction, key: Fraction
    ) -> tuple[Fraction, Fraction, Fraction, Fraction, str] | None:
        """A deal adding ``key`` to the accumulated ``before``, on the table's compiled
        integers: (accumulated after, payout before, payout after, the increase, the
        band breakdown after). ``None`` for a table or a measure that is not paid on
        integers (an interpolated or mixed table, a share such as 1/3): then the deal is
        paid on Fractions, with the same figures."""
        if table.semantics is not Semantics.MARGINAL and table.semantics is not Semantics.WHOLE:
            return None
        compiled = table._compiled_for(math.lcm(before.denominator, key.denominator))
        if compiled is None:
            return None
        unit = compiled.unit
        units_before = before.numerator * (unit // before.denominator)
        units_after = units_before + key.numerator * (unit // key.denominator)
        denominator = compiled.denominator
        last = self._integers
        if last is not None and last[0] is compiled and last[1] == units_before:
            payout_before, scaled_before = last[2], last[3]
        else:
            scaled_before = compiled.reached(units_before, before)[1]
            payout_before = exact_ratio(scaled_before, denominator)
        after = exact_ratio(units_after, unit)
        index, scaled_after = compiled.reached(units_after, after)
        payout_after = exact_ratio(scaled_after, denominator)
        self._integers = (compiled, units_after, payout_after, scaled_after)
        return (
            after,
            payout_before,
            payout_after,
            exact_ratio(scaled_after - scaled_before, denominator),
            compiled.describe(index, units_after),
        )

    def applied(self, table: BandTable, measure: Fraction) -> BandApplication:
        """``table.apply(measure)``, reused when one of the last two asked the same."""
        for kept in (self._latest, self._earlier):
            if kept is not None and kept[0] is table and kept[1] == measure:
                return kept[2]
        found = table.apply(measure)
        self._earlier, self._latest = self._latest, (table, measure, found)
        return found


def _applied(table: BandTable, measure: Fraction, memo: _Memo) -> BandApplication:
    """``table.apply(measure)``, remembered for the statement being computed (a deal's
    starting point is the previous deal's end point)."""
    return memo.applied(table, measure)


def _slice(
    table: BandTable, before: Fraction, after: Fraction, memo: _Memo
) -> list[tuple[int, Fraction]]:
    """How the measure from ``before`` to ``after`` falls into bands (marginal)."""

    def portions(x: Fraction) -> dict[int, Fraction]:
        pieces = _applied(table, x, memo).pieces
        return {p.band_index: p.portion for p in pieces if not p.lump}

    start, end = portions(before), portions(after)
    return [
        (index, end.get(index, Fraction(0)) - start.get(index, Fraction(0)))
        for index in sorted(set(start) | set(end))
        if end.get(index, Fraction(0)) != start.get(index, Fraction(0))
    ]


def _read(deal: Deal, which: Measure | str, component_id: str) -> Fraction:
    """``deal.read(which)``: the contract amount (what most tables accumulate) straight
    from the deal as an exact Fraction, anything else — and a missing amount, refused by
    name — through :meth:`Deal.read`."""
    if which is Measure.SALES and deal.amount is not None:
        return exact_ratio(*deal.amount.as_integer_ratio())
    return deal.read(which, component=component_id)


def _deal_commission(
    component: Commission, item: _Credited, before: Fraction, memo: _Memo
) -> tuple[Fraction, Fraction, Fraction, Step]:
    """What one deal earns under the version's component, starting from the accumulated
    measure ``before``: (earned, settled now, accumulated after, the step)."""
    deal = item.deal
    table = component.table
    cid = component.component_id
    share = item.share
    key = _read(deal, component.measure, cid)
    if share is not _ONE and share != 1:
        key *= share
    basis_value: StepValue = None
    bands: str | Label
    payouts: tuple[StepValue, StepValue] = (None, None)
    on_measure = component.basis is None or component.basis == component.measure
    on_integers = memo.increase(table, before, key) if on_measure else None
    if on_integers is not None:
        after, payout_before, payout_after, increase, bands = on_integers
        payouts = (payout_before, payout_after)
    elif on_measure:
        after = before + key
        start, end = _applied(table, before, memo), _applied(table, after, memo)
        payouts = (start.total, end.total)
        increase = end.total - start.total
        bands = end.describe()
    else:
        after = before + key
        increase, bands, basis_value = _on_basis(component, item, before, after, key, memo)
    factor, why = _factor_of(component, deal)
    unit_factor = factor is _ONE or factor == 1
    earned = increase if unit_factor else increase * factor
    ratio: Fraction | None = None
    if component.settle_on_collection and earned:
        # A contract of 0 has nothing left to collect: it counts as fully collected.
        collected = deal.measure(Measure.COLLECTED, component=cid)
        amount = deal.measure(Measure.SALES, component=cid)
        ratio = collected / amount if amount else Fraction(1)
    settled = earned if ratio is None else earned * ratio
    # The inputs that apply, in order (as step_of keeps them), with no citation.
    inputs: list[tuple[str, StepValue]] = [
        ("share", share),
        (memo.measure_name(component), key),
        ("accumulated_before", before),
        ("accumulated_after", after),
        ("bands", bands),
    ]
    if payouts[0] is not None:
        inputs += (("payout_before", payouts[0]), ("payout_after", payouts[1]))
    if basis_value is not None:
        inputs += (("basis", reading_label(component.paid_on)), ("paid_on", basis_value))
    if not unit_factor:
        inputs.append(("multiplier", factor))
    if why is not None:
        inputs.append(("multiplier_reason", why))
    if ratio is not None:
        inputs.append(("collected_share", ratio))
    step = Step(
        f"commission.{cid}.deal",
        formatted_label(
            f"{component.name}：合同{deal.deal_id}（{item.version.version}版）",
            f"{component.name}: deal {deal.deal_id} (version {item.version.version})",
        ),
        tuple(inputs),
        settled,
    )
    return earned, settled, after, step


def _on_basis(  # noqa: PLR0917 - the deal's place in the accumulated measure
    component: Commission,
    item: _Credited,
    before: Fraction,
    after: Fraction,
    key: Fraction,
    memo: _Memo,
) -> tuple[Fraction, Label | str, StepValue]:
    """A deal paid on a basis other than its measure: the increase, the bands its measure
    falls in (each with its rate and the part of the measure in it) and the basis read."""
    table = component.table
    deal = item.deal
    # Lump sums are paid once a band is reached, whatever the basis.
    lumps = _applied(table, after, memo).lumps - _applied(table, before, memo).lumps
    # (rate, part of the basis paid at it) for each band the deal's measure falls in.
    bands: Label | str
    if key == 0:
        parts = [(table.value_at(before), Fraction(1))]
        bands = table.band_for(before).describe()
    else:
        sliced = _slice(table, before, after, memo)
        parts = [(Fraction(table.bands[i].value), part / key) for i, part in sliced]
        pieces = [
            (
                table.bands[i].describe(),
                format(table.bands[i].value, "f"),
                format_exact(p / key),
            )
            for i, p in sliced
        ]
        bands = label(
            "；".join(f"{band}：其中{part}按{rate}" for band, rate, part in pieces),
            "; ".join(f"{band} at {rate} on {part} of it" for band, rate, part in pieces),
        )
    if any(rate for rate, _ in parts):
        basis = deal.read(component.paid_on, component=component.component_id) * item.share
        return (
            lumps + sum((rate * basis * part for rate, part in parts), Fraction(0)),
            bands,
            basis,
        )
    # Every band it falls in pays 0: what it is paid on cannot matter.
    return lumps, bands, _NOT_READ


def _factor_of(component: Commission, deal: Deal) -> tuple[Fraction, Label | None]:
    """The multiplier a deal's commission gets, and why (the override's reference, or the
    conditions met; ``None`` when no multiplier applies)."""
    if deal.customer is not None:
        for override in component.overrides:
            if override.customer == deal.customer:
                ref = override.reference
                return Fraction(override.factor), label(f"客户特批 {ref}", f"override {ref}")
    if not component.multipliers:
        return _ONE, None
    flags = {
        Condition.NEW_CUSTOMER: deal.new_customer,
        Condition.SELF_DEVELOPED_MARKET: deal.self_developed_market,
        Condition.COMPANY_NEGOTIATED: deal.company_negotiated,
    }
    factor = Fraction(1)
    reasons = []
    for multiplier in component.multipliers:
        if flags[multiplier.condition]:
            factor *= Fraction(multiplier.factor)
            reasons.append((_CONDITIONS[multiplier.condition], f"×{multiplier.factor}"))
    if not reasons:
        return factor, None
    return factor, label(
        "，".join(f"{name.zh_CN} {times}" for name, times in reasons),
        ", ".join(f"{name.en} {times}" for name, times in reasons),
    )


_ONE: Final = Fraction(1)

#: The conditions of multipliers, for explanations (in English by their values).
_CONDITIONS: Final = {
    Condition.NEW_CUSTOMER: Label("新客户", Condition.NEW_CUSTOMER.value),
    Condition.SELF_DEVELOPED_MARKET: Label("自主开发市场", Condition.SELF_DEVELOPED_MARKET.value),
    Condition.COMPANY_NEGOTIATED: Label("公司谈判", Condition.COMPANY_NEGOTIATED.value),
}


#: What a deal's step shows for a basis it did not need.
_NOT_READ: Final = Label("未读取：所在各档比例为0", "not read: the bands it falls in pay 0")


def _commission(
    component: Commission,
    credited: list[_Credited],
    period: Period,
    inputs: PersonInputs,
    work: _Work,
) -> None:
    cid = component.component_id
    carry = inputs.carry_for(cid)
    year_window = component.window is Window.YEAR and not period.is_year
    if year_window and not period.opens_year and carry is None:
        raise InvalidValueError(
            f"PersonInputs({inputs.employee}).carries",
            f"a Carry for '{cid}' with the year-to-date measure (it accumulates over the "
            "year; pass the previous statement's carry_out)",
            None,
        )
    opening = Fraction(carry.measure_to_date) if carry is not None else Fraction(0)
    if opening and not (year_window and not period.opens_year):
        raise InvalidValueError(
            f"Carry({cid}).measure_to_date",
            "0: the measure starts afresh in this period",
            carry.measure_to_date if carry else None,
        )
    accumulator = opening
    memo = _Memo()
    parts: list[tuple[_Credited, Commission, Fraction, tuple[Step, ...]]] = []
    earned_total = Fraction(0)
    for item in credited:
        version_component = item.version.component(cid)
        if not isinstance(version_component, Commission):
            continue
        earned, settled, after, step = _deal_commission(version_component, item, accumulator, memo)
        if component.settle_on_collection:  # only then is the total compared
            earned_total += earned
        accumulator = after
        parts.append((item, version_component, settled, (step,)))
    amounts = []
    before_holds = []
    for (item, source, _, given), allocated in zip(
        parts, _allocate([settled for _, _, settled, _ in parts]), strict=True
    ):
        amount, steps = item.hold(cid, allocated, given)
        amounts.append(amount)
        before_holds.append(allocated)
        work.add(
            component,
            LineKind.DEAL,
            item.deal.deal_id,
            amount,
            formatted_label(  # one per deal: not worth sharing through label()
                f"{source.name}：合同{item.deal.deal_id}",
                f"{source.name}: deal {item.deal.deal_id}",
            ),
            steps,
            deal_id=item.deal.deal_id,
            clause=source.clause,
        )
    settled_total = money_sum(amounts)  # what is paid: the limits read it
    if component.settle_on_collection and earned_total != sum(
        (settled for _, _, settled, _ in parts), Fraction(0)
    ):
        collected = money_sum(before_holds)  # approval holds are not awaiting collection
        work.find(
            "collection_withheld",
            cid,
            component=component.name,
            component_id=cid,
            earned=round_money(earned_total),
            settled=collected,
            withheld=round_money(earned_total) - collected,
        )
    carried_out = _limits(component, carry, settled_total, work)
    payable_before_true_up = work.total_of([cid])
    true_up = ZERO
    if carry is not None and carry.paid_to_date is not None:
        assert carry.earned_to_date is not None  # Carry requires both together
        true_up = money_sum((carry.earned_to_date, -carry.paid_to_date))
    if true_up:
        assert carry is not None
        work.add(
            component,
            LineKind.TRUE_UP,
            "true-up",
            true_up,
            label(f"{component.name}：年累计差额", f"{component.name}: year-to-date true-up"),
            [
                _step(
                    f"commission.{cid}.true_up",
                    label("年累计应发 − 已发", "earned to date − already paid"),
                    {"earned_to_date": carry.earned_to_date, "paid_to_date": carry.paid_to_date},
                    true_up,
                )
            ],
        )
    if year_window:
        earned_before = carry.earned_to_date if carry and carry.earned_to_date else ZERO
        paid_before = (
            carry.paid_to_date if carry and carry.paid_to_date is not None else earned_before
        )
        earned_after = money_sum((earned_before, payable_before_true_up))
        work.carries.append(
            Carry(
                component=cid,
                measure_to_date=_decimal(accumulator, f"Carry({cid}).measure_to_date"),
                earned_to_date=earned_after,
                paid_to_date=money_sum((paid_before, payable_before_true_up, true_up)),
                carried=carried_out,
            )
        )
    elif component.carry_forward:
        work.carries.append(Carry(component=cid, carried=carried_out))


#: The largest common denominator :func:`_allocate` computes with (beyond it: Fractions).
_ALLOCATE_DENOMINATOR: Final = 10**40


def _allocate(parts: list[Fraction]) -> tuple[Decimal, ...]:
    """:func:`~hrpolicy.core.money.allocate` of a commission's deal amounts, on integers:
    every amount over one common denominator (a power of ten when the table's rates are
    decimals), so the floors, the remainders and the rounded total are integer
    arithmetic. The same rule and the same result (tested); amounts whose common
    denominator would be huge, or that ``allocate`` refuses, go to ``allocate``."""
    if not parts:
        return ()
    common = math.lcm(*(part.denominator for part in parts))
    if common > _ALLOCATE_DENOMINATOR:
        return allocate(parts)
    hundredths = [part.numerator * (common // part.denominator) * 100 for part in parts]
    limit = 10**20 * common  # |part| < 10^18, in hundredths of 1 / common
    if max(hundredths) >= limit or min(hundredths) <= -limit:
        return allocate(parts)
    floors = [h // common for h in hundredths]
    total = sum(hundredths)
    rounded = (abs(total) * 2 + common) // (common * 2)  # half up, ties away from zero
    target = rounded if total >= 0 else -rounded
    missing = target - sum(floors)
    # Largest remainder first; among equal remainders, the earlier part first.
    remainders = [h - f * common for h, f in zip(hundredths, floors, strict=True)]
    order = sorted(range(len(parts)), key=lambda i: (-remainders[i], i))
    for index in order[:missing]:
        floors[index] += 1
    return tuple(ZERO if f == 0 else Decimal(f).scaleb(-2, context=EXACT) for f in floors)


def _decimal(value: Fraction, field: str) -> Decimal:
    """An exact Fraction as a Decimal; measures are sums of decimals times shares, so a
    non-terminating value can only come from a share such as 1/3."""
    try:
        return EXACT.divide(Decimal(value.numerator), Decimal(value.denominator))
    except decimal.Inexact:
        raise InvalidValueError(
            field, "a measure with a finite decimal expansion (use shares such as 25%)", value
        ) from None


def _limits(component: Commission, carry: Carry | None, settled: Decimal, work: _Work) -> Decimal:
    """Carried-in amount, then cap or floor; returns what is carried forward."""
    cid = component.component_id
    carried_in = round_money(carry.carried) if carry is not None else ZERO
    if carried_in:
        work.add(
            component,
            LineKind.CARRIED_IN,
            "carried-in",
            carried_in,
            label(f"{component.name}：上期结转", f"{component.name}: carried in"),
            [
                _step(
                    f"commission.{cid}.carried_in",
                    label("上期结转", "carried from the previous statement"),
                    {"carried": carried_in},
                    carried_in,
                )
            ],
        )
    available = money_sum((settled, carried_in))
    payable = available
    if component.cap is not None and available > component.cap:
        payable = component.cap
    if component.floor is not None and available < component.floor:
        payable = component.floor
    if payable == available:
        return ZERO
    adjustment = money_sum((payable, -available))
    capped = adjustment < 0
    kind = LineKind.CAP if capped else LineKind.FLOOR
    excess_or_top_up = abs(adjustment)
    suffix = "cap" if capped else "floor"
    work.add(
        component,
        kind,
        suffix,
        adjustment,
        label(
            f"{component.name}：{'封顶' if capped else '保底'}",
            f"{component.name}: {'cap' if capped else 'floor'}",
        ),
        [
            _step(
                f"commission.{cid}.{suffix}",
                label("封顶 / 保底", "cap / floor"),
                {
                    "available": available,
                    "cap": component.cap,
                    "floor": component.floor,
                    "carry_forward": component.carry_forward,
                },
                payable,
            )
        ],
    )
    if capped:
        code = "cap_excess_carried" if component.carry_forward else "cap_excess_forfeited"
        work.find(
            code,
            cid,
            component=component.name,
            component_id=cid,
            cap=component.cap,
            excess=excess_or_top_up,
        )
    else:
        recovery = (
            Label("，结转下期扣回", ", to be recovered from later periods")
            if component.carry_forward
            else Label("，不予扣回", ", not recovered")
        )
        work.find(
            "floor_top_up",
            cid,
            component=component.name,
            component_id=cid,
            floor=component.floor,
            top_up=excess_or_top_up,
            recovery=recovery,
        )
    return money_sum((-adjustment,)) if component.carry_forward else ZERO


# --- other components ---------------------------------------------------------------------


def _fixed_pay(component: FixedPay, inputs: PersonInputs, work: _Work) -> None:
    amount = Fraction(component.amount)
    factor: Fraction | None = None
    if component.score_linked:
        score = inputs.needed("score", component.component_id)
        assert isinstance(score, Decimal)
        factor = Fraction(score) / Fraction(component.reference_score)
        amount *= factor
    value = round_money(amount)
    work.add(
        component,
        LineKind.PAY,
        "",
        value,
        label(component.name, component.name),
        [
            _step(
                f"fixed_pay.{component.component_id}",
                label(
                    "固定金额 × 考核分 ÷ 基准分" if factor is not None else "固定金额",
                    "amount × score ÷ reference score" if factor is not None else "fixed amount",
                ),
                {
                    "amount": component.amount,
                    "score": inputs.score if factor is not None else None,
                    "reference_score": component.reference_score if factor is not None else None,
                },
                value,
            )
        ],
    )


def _task_base(
    component: TaskBase, credited: list[_Credited], inputs: PersonInputs, work: _Work
) -> None:
    cid = component.component_id
    sales = sum(
        (c.deal.measure(Measure.SALES, component=cid) * c.share for c in credited), Fraction(0)
    )
    attainments = (
        {"sales": sales / Fraction(component.sales_target)} if component.sales_target else {}
    )
    dealers: int | None = None
    signed = component.dealers_counted is DealerCount.SIGNED
    if component.dealer_target:
        # Which dealers count is the plan's reading: only new ones, or every one signed.
        found = inputs.needed("signed_dealers" if signed else "new_dealers", cid)
        assert isinstance(found, int)
        dealers = found
        attainments["dealers"] = Fraction(dealers, component.dealer_target)
    met = all(value >= 1 for value in attainments.values())
    if met:
        ratio = Fraction(1)
    elif component.proration is Proration.SALES:
        ratio = min(Fraction(1), attainments["sales"])
    elif component.proration is Proration.LOWEST:
        ratio = min(Fraction(1), *attainments.values())
    else:
        ratio = Fraction(0)
    value = round_money(Fraction(component.amount) * ratio)
    literal = component.literal_sales_proration
    if literal and attainments["dealers"] < 1:
        work.find(
            "task_base_literal_reading",
            cid,
            component=component.name,
            dealers=dealers,
            dealer_target=component.dealer_target,
            paid_share=ratio,
            amount=value,
            lowest_amount=round_money(
                Fraction(component.amount) * min(Fraction(1), *attainments.values())
            ),
        )
    work.add(
        component,
        LineKind.PAY,
        "",
        value,
        label(component.name, component.name),
        [
            _step(
                f"task_base.{component.component_id}",
                label(
                    "任务底薪：达标全额，未达标按方案折算",
                    "task base: in full on target, otherwise as the plan prorates",
                ),
                {
                    "sales": sales,
                    "sales_target": component.sales_target,
                    "new_dealers": None if signed else dealers,
                    "signed_dealers": dealers if signed else None,
                    "dealer_target": component.dealer_target or None,
                    # The readings the plan chose, named where they decide the figure.
                    "dealers_counted": component.dealers_counted.value
                    if component.dealer_target
                    else None,
                    "literal_sales_proration": True if literal else None,
                    "target_met": met,
                    "proration": component.proration.value,
                    "paid_share": ratio,
                },
                value,
            )
        ],
    )


def _over_list(component: OverListShare, credited: list[_Credited], work: _Work) -> None:
    cid = component.component_id
    parts: list[tuple[_Credited, Fraction, Step]] = []
    for item in credited:
        version_component = item.version.component(cid)
        if not isinstance(version_component, OverListShare):
            continue
        deal = item.deal
        contract = deal.measure(Measure.SALES, component=cid)
        list_amount = deal.read(version_component.above, component=cid)
        excess = max(Fraction(0), contract - list_amount) * item.share
        if not excess:
            continue
        vat = version_component.vat_rate
        net = excess / (1 + vat.exact) if vat is not None else excess
        amount = Fraction(0) if deal.company_negotiated else net * version_component.share.exact
        if deal.company_negotiated:
            work.find("company_negotiated", deal.deal_id, deal=deal.deal_id)
        above = reading_label(version_component.above)
        step = _step(
            f"over_list.{cid}",
            label(
                f"{version_component.name}：合同{deal.deal_id}超出{above.zh_CN}的部分",
                f"{version_component.name}: deal {deal.deal_id} above {version_component.above}",
            ),
            {
                "contract": deal.amount,
                "above": version_component.above,
                "above_value": deal.value(version_component.above),
                "credit_share": item.share,
                "excess": excess,
                "vat_rate": vat,
                "excess_after_tax": net,
                "share": version_component.share,
                "company_negotiated": deal.company_negotiated,
            },
            amount,
        )
        parts.append((item, amount, step))
    for (item, _, step), allocated in zip(parts, allocate([a for _, a, _ in parts]), strict=True):
        value, steps = item.hold(component.component_id, allocated, [step])
        work.add(
            component,
            LineKind.DEAL,
            item.deal.deal_id,
            value,
            label(
                f"{component.name}：合同{item.deal.deal_id}",
                f"{component.name}: deal {item.deal.deal_id}",
            ),
            steps,
            deal_id=item.deal.deal_id,
        )


def _profit_pool(component: ProfitPool, inputs: PersonInputs, work: _Work) -> None:
    cid = component.component_id
    profit = inputs.needed("branch_profit", cid)
    role = inputs.needed("pool_role", cid)
    assert isinstance(profit, Decimal)
    assert isinstance(role, str)
    index = component.role_index(role)
    pool = round_money(max(Fraction(0), Fraction(profit)) * component.share.exact)
    if profit <= 0:
        work.find("pool_no_profit", cid, profit=profit, component_id=cid)
    shares = allocate([Fraction(pool) * s.share.exact for s in component.shares])
    split = "; ".join(
        f"{s.role} {s.share}={amount}" for s, amount in zip(component.shares, shares, strict=True)
    )
    work.add(
        component,
        LineKind.PAY,
        "",
        shares[index],
        label(f"{component.name}（{role}）", f"{component.name} ({role})"),
        [
            _step(
                f"profit_pool.{cid}",
                label(
                    "利润池 = 利润 × 比例，按角色分配（最大余额法，分毫不差）",
                    "pool = profit × share, split by role (largest remainder: no fen lost)",
                ),
                {
                    "branch_profit": profit,
                    "pool_share": component.share,
                    "pool": pool,
                    "split": split,
                    "role": role,
                },
                shares[index],
            )
        ],
    )


def _expense_allowance(
    component: ExpenseAllowance, credited: list[_Credited], inputs: PersonInputs, work: _Work
) -> None:
    cid = component.component_id
    units = sum(
        (c.deal.measure(Measure.UNITS, component=cid) * c.share for c in credited), Fraction(0)
    )
    spent = inputs.needed("expenses", cid)
    assert isinstance(spent, Decimal)
    allowance = Fraction(component.per_unit) * units
    overspend = round_money(max(Fraction(0), Fraction(spent) - allowance))
    available = max(ZERO, work.total_of(component.deduct_from))
    work.deducts[cid] = component.deduct_from
    deducted = min(overspend, available)
    work.add(
        component,
        LineKind.DEDUCTION,
        "",
        -deducted if deducted else ZERO,
        label(f"{component.name}：超支扣回", f"{component.name}: overspend deducted"),
        [
            _step(
                f"expense_allowance.{cid}",
                label(
                    "额度 = 单台额度 × 数量；超支从奖金扣回，以奖金为限",
                    "allowance = per unit × units; overspend comes off the bonus, at most "
                    "the bonus",
                ),
                {
                    "per_unit": component.per_unit,
                    "units": units,
                    "allowance": allowance,
                    "spent": spent,
                    "overspend": overspend,
                    "bonus_available": available,
                },
                -deducted if deducted else ZERO,
            )
        ],
    )
    rest = money_sum((overspend, -deducted))
    if rest:
        work.find(
            "overspend_unrecovered",
            cid,
            component_id=cid,
            overspend=overspend,
            deducted=deducted,
            rest=rest,
        )


def _draw(component: Draw, inputs: PersonInputs, work: _Work) -> None:
    cid = component.component_id
    carry = inputs.carry_for(cid)
    balance = carry.carried if carry is not None else ZERO
    covered = set(component.covers)
    deductions = [aid for aid, targets in work.deducts.items() if covered & set(targets)]
    earned = work.total_of([*component.covers, *deductions])
    draw = component.amount
    if component.recoverable:
        pay = max(draw, money_sum((earned, -balance)))
        new_balance = money_sum((balance, pay, -earned))
    else:
        pay = max(draw, earned)
        new_balance = ZERO
    adjustment = money_sum((pay, -earned))
    work.add(
        component,
        LineKind.DRAW,
        "",
        adjustment,
        label(f"{component.name}", f"{component.name}"),
        [
            _step(
                f"draw.{cid}",
                label(
                    "可收回：max(保障额, 提成 − 余额)；不可收回：max(保障额, 提成)",
                    "recoverable: max(draw, commission − balance); otherwise max(draw, commission)",
                ),
                {
                    "commission": earned,
                    "draw": draw,
                    "recoverable": component.recoverable,
                    "balance_before": balance,
                    "balance_after": new_balance,
                },
                adjustment,
            )
        ],
    )
    if adjustment > 0:
        recovery = (
            Label("，结转以后从提成中收回", ", to be recovered from later commission")
            if component.recoverable
            else Label("，不予收回", ", not recovered")
        )
        work.find(
            "draw_top_up",
            cid,
            component=component.name,
            component_id=cid,
            earned=earned,
            draw=draw,
            top_up=adjustment,
            recovery=recovery,
        )
    elif adjustment < 0:
        work.find(
            "draw_recovered",
            cid,
            component=component.name,
            component_id=cid,
            recovered=-adjustment,
            balance=new_balance,
        )
    if component.recoverable:
        work.carries.append(Carry(component=cid, carried=new_balance))


# --- one statement ------------------------------------------------------------------------


def _components(
    period_version: PlanVersion, period: Period, credited: list[_Credited]
) -> list[Component]:
    """The components settled in this statement, in the period-end version's order, then
    those only earlier versions have."""
    frequency = Frequency.of(period)
    chosen: dict[str, Component] = {}
    for component in period_version.components:
        if component.frequency is frequency:
            chosen[component.component_id] = component
    for item in credited:
        for component in item.version.components:
            if component.frequency is frequency and isinstance(
                component, (Commission, OverListShare)
            ):
                chosen.setdefault(component.component_id, component)
    return list(chosen.values())


def _carrying(component: Component, period: Period) -> bool:
    """Whether ``component`` reads a carry in a statement for ``period``."""
    if isinstance(component, Commission):
        year_window = component.window is Window.YEAR and not period.is_year
        return year_window or component.carry_forward
    return isinstance(component, Draw) and component.recoverable


def _check_carries(
    plan: Plan, period: Period, components: list[Component], inputs: PersonInputs
) -> None:
    """Every carry is read by a component of this statement, and is consistent with it."""
    readers = {c.component_id: c for c in components if _carrying(c, period)}
    where = f"PersonInputs({inputs.employee}).carries"
    for carry in inputs.carries:
        component = readers.get(carry.component)
        require(
            component is not None,
            where,
            f"carries only for components of plan {plan.plan_id} that this "
            f"{period.kind.value}'s statement carries "
            f"({', '.join(sorted(readers)) or 'none'})",
            carry.component,
        )
        path = f"Carry({carry.component})"
        if isinstance(component, Draw):
            require(
                carry.carried >= 0,
                f"{path}.carried",
                "a balance of 0 or more (what the draw advanced and has not yet recovered)",
                carry.carried,
            )
        if not isinstance(component, Commission):
            continue
        if period.opens_year and not period.is_year and component.window is Window.YEAR:
            require(
                carry.earned_to_date is None and carry.paid_to_date is None,
                f"{path}.earned_to_date",
                "None in January: the year starts afresh (settle last year's difference "
                "in its own statements)",
                carry.earned_to_date,
            )
        if carry.carried > 0:
            require(
                component.cap is not None and component.carry_forward,
                f"{path}.carried",
                "0 or less: only a capped component carries an excess forward",
                carry.carried,
            )
        if carry.carried < 0:
            require(
                component.floor is not None and component.carry_forward,
                f"{path}.carried",
                "0 or more: only a component with a floor carries a top-up to recover",
                carry.carried,
            )


_ORDER: Final = (Commission, OverListShare, TaskBase, FixedPay, ProfitPool, ExpenseAllowance, Draw)

_FREQUENCIES: Final = {
    Frequency.MONTHLY: Label("按月", "monthly"),
    Frequency.YEARLY: Label("按年", "yearly"),
    Frequency.QUARTERLY: Label("按季度", "quarterly"),
    Frequency.SEASONAL: Label("按销售季", "by season"),
}


def _check_settles(plan: Plan, period: Period) -> None:
    """A period whose last day no plan version covers is the
    :class:`~hrpolicy.core.errors.NotCoveredError` of :meth:`Plan.version_on` (the
    period-level components are those of that version). A season must be one the
    version in force on its last day names, with the same dates. A year, quarter or
    season statement of a plan with no component of that frequency in force in it is
    refused: it could only ever be empty, and is almost surely meant as the sum of the
    months."""
    version = plan.version_on(period.last_day)
    if period.season is not None and period.season not in version.seasons:
        named = ", ".join(f"{s.name} {s.first_day} to {s.last_day}" for s in version.seasons)
        raise InvalidValueError(
            "period",
            f"a season of plan {plan.plan_id} version {version.version} "
            f"({named or 'it names none'})",
            f"{period} {period.first_day} to {period.last_day}",
        )
    if period.is_month:
        return
    frequency = Frequency.of(period)
    versions = plan.versions_between(period.first_day, period.last_day)
    components = [c for v in versions for c in v.components]
    if any(c.frequency is frequency for c in components):
        return
    listed = ", ".join(dict.fromkeys(c.component_id for c in components))
    if period.is_year and all(c.frequency is Frequency.MONTHLY for c in components):
        raise InvalidValueError(
            "period",
            f"a month: plan {plan.plan_id} has no component settled yearly in {period.year} "
            f"({listed}: all settled monthly), so a year statement would have nothing to "
            "settle; evaluate each month",
            str(period),
        )
    settled = ", ".join(dict.fromkeys(f"{c.component_id} {c.frequency.value}" for c in components))
    raise InvalidValueError(
        "period",
        f"a period the plan settles something in: plan {plan.plan_id} has no component "
        f"settled {frequency.value} in {period} ({settled}), so the {period.kind.value}'s "
        "statement would have nothing to settle",
        str(period),
    )


def _nothing_to_settle(
    plan: Plan, period: Period, period_version: PlanVersion, work: _Work
) -> None:
    """Report a statement with no component of its frequency (a month of a plan paid
    only at year end, or by quarter or season): the plan's components are all settled in
    other statements."""
    frequency = Frequency.of(period)
    others = [
        _FREQUENCIES[f]
        for f in Frequency
        if f is not frequency and any(c.frequency is f for c in period_version.components)
    ]
    other = Label("、".join(o.zh_CN for o in others), ", ".join(o.en for o in others))
    work.find(
        "nothing_to_settle",
        plan.plan_id,
        plan=plan.plan_id,
        period=str(period),
        period_start=period.first_day,
        period_end=period.last_day,
        frequency=_FREQUENCIES[frequency],
        components=", ".join(c.component_id for c in period_version.components),
        other=other,
    )


def evaluate(plan: Plan, period: Period, deals: Sequence[Deal], inputs: PersonInputs) -> Statement:
    """The statement of ``inputs.employee`` for ``period`` under ``plan``.

    A month statement of a plan paid only at year end has no lines and reports the
    ``nothing_to_settle`` finding.

    Args:
        plan: the :class:`Plan`; each deal is computed under the version in force on its
            signing date, the period-level components under the version in force on the
            period's last day.
        period: a month (``Period(year=2024, month=3)``), whose statement settles the
            monthly components; a quarter (``Period(year=2024, quarter=1)``), whose
            statement settles the quarterly ones; a season the plan version names
            (``Period(year=2025, season=...)``), whose statement settles the seasonal
            ones; or a year (``Period(year=2024)``), whose statement settles the yearly
            ones (a year-end bonus) and nothing else. The minimum-wage check is made on
            month statements only.
        deals: a list or tuple of the :class:`Deal` objects crediting the person, signed
            in the period's year and not after the period (earlier ones are late deals,
            credited now and reported); their order never matters.
        inputs: the person's other facts (:class:`PersonInputs`): score, new dealers,
            expenses, branch profit, the minimum wage, the carries from the previous
            statement and the lines already paid.

    Returns:
        The person's :class:`Statement`: its lines (each with a stable id, its amount and
        the steps that explain it), the statement's steps and checks, the findings, and
        the carries to pass to the next period's statement.

    Raises:
        InvalidTypeError: an argument is of the wrong type (``deals`` one deal rather
            than a list of them, ``period`` text rather than a :class:`Period`…).
        InvalidValueError: a fact a component reads and the deal or inputs lack (naming
            the deal or person, the fact and the component); facts that contradict each
            other (a deal id twice, a deal that does not credit the person or is dated
            outside the period's year, a carry no component reads); a year, quarter or
            season statement of a plan with no component of that frequency in force in
            it (it could only be empty: evaluate the months); a season the plan version
            in force on its last day does not name.
        NotCoveredError: the period's last day or a deal's signing date is a date no plan
            version covers, or a measure falls outside a table's bands.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.commission import Deal, Period, PersonInputs, evaluate
        >>> from hrpolicy.commission.examples import pay_mix_plan
        >>> deal = Deal(
        ...     deal_id="C-1", owner="li", signed_on=date(2024, 3, 4), amount=Decimal(100000)
        ... )
        >>> march = evaluate(pay_mix_plan(), Period(year=2024, month=3), [deal],
        ...                  PersonInputs(employee="li", score=Decimal(90)))
        >>> [(line.line_id, line.amount) for line in march.lines]
        [('commission/C-1', Decimal('3000.00')), ('base', Decimal('3000.00')),
         ('performance', Decimal('4500.00'))]
        >>> march.total
        Decimal('10500.00')
        >>> evaluate(pay_mix_plan(), Period(year=2024, month=3), [deal],
        ...          PersonInputs(employee="li"))
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: PersonInputs(li).score: expected a value:
        component 'performance' needs it, got None
        >>> evaluate(pay_mix_plan(), Period(year=2024), [deal], PersonInputs(employee="li"))
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: period: expected a month: plan pay-mix has
        no component settled yearly in 2024 ...
        >>> evaluate(pay_mix_plan(), Period(year=2023), [], PersonInputs(employee="li"))
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.NotCoveredError: Plan(pay-mix): expected a date on which a
        version is in force (2024: 2024-01-01 to open), got date 2023-12-31
    """
    argument(plan, Plan, "plan")
    argument(period, Period, "period")
    argument(inputs, PersonInputs, "inputs")
    _check_settles(plan, period)
    work = _Work()
    credited = _credit_deals(plan, period, deals, inputs, work)
    period_version = plan.version_on(period.last_day)
    components = _components(period_version, period, credited)
    if not components:
        _nothing_to_settle(plan, period, period_version, work)
    _check_carries(plan, period, components, inputs)
    _deals_outside_components(period, components, credited, work)
    work.steps.append(
        _step(
            "plan.versions",
            label(
                "方案版本：按合同签订日与期末日确定",
                "plan versions: by signing date and by the period's last day",
            ),
            {
                "period": str(period),
                "season_first_day": period.first_day if period.season else None,
                "season_last_day": period.last_day if period.season else None,
                "period_version": period_version.version,
                "reference": period_version.reference or None,
                "deal_versions": ", ".join(
                    f"{c.deal.deal_id}@{c.version.version}" for c in credited
                )
                or None,
                "components": ", ".join(c.component_id for c in components),
            },
            period_version.version,
        )
    )
    for kind in _ORDER:
        for component in components:
            if not isinstance(component, kind):
                continue
            if isinstance(component, Commission):
                _commission(component, credited, period, inputs, work)
            elif isinstance(component, OverListShare):
                _over_list(component, credited, work)
            elif isinstance(component, TaskBase):
                _task_base(component, credited, inputs, work)
            elif isinstance(component, FixedPay):
                _fixed_pay(component, inputs, work)
            elif isinstance(component, ProfitPool):
                _profit_pool(component, inputs, work)
            elif isinstance(component, ExpenseAllowance):
                _expense_allowance(component, credited, inputs, work)
            else:
                _draw(component, inputs, work)
    _record_approvals(credited, work)
    _minimum_wage(period, inputs, work)
    _already_paid(inputs, work)
    return Statement(
        plan=plan,
        period=period,
        employee=inputs.employee,
        deals=tuple(c.deal for c in credited),
        inputs=inputs,
        lines=tuple(work.lines),
        steps=tuple(work.steps),
        checks=tuple(work.checks),
        findings=tuple(work.findings),
        carry_out=tuple(sorted(work.carries, key=lambda c: c.component)),
    )


def _deals_outside_components(
    period: Period, components: list[Component], credited: list[_Credited], work: _Work
) -> None:
    """A quarter or season statement credits each deal under the version in force on its
    signing day: a deal whose version lacks a deal component the statement settles earns
    nothing from it — reported, never silently."""
    if period.is_month or period.is_year:
        return
    for component in components:
        if not isinstance(component, (Commission, OverListShare)):
            continue
        for item in credited:
            if item.version.component(component.component_id) is None:
                work.find(
                    "deal_version_lacks_component",
                    item.deal.deal_id,
                    deal=item.deal.deal_id,
                    signed_on=item.deal.signed_on,
                    version=item.version.version,
                    component=component.component_id,
                )


def _already_paid(inputs: PersonInputs, work: _Work) -> None:
    """Set each line's ``already_paid``; a paid line that no longer arises is kept as a
    withdrawn line of 0, so its payment is recovered rather than forgotten."""
    if not inputs.paid:
        return

    def withdrawn(line_id: str, amount: Decimal, text: Label, step: Step) -> Line:
        component, _, deal = line_id.partition("/")
        work.find(
            "line_withdrawn",
            line_id,
            line=line_id,
            amount=amount,
            component_id=component.partition("#")[0],
        )
        return Line(
            line_id=line_id,
            component=component.partition("#")[0],
            kind=LineKind.WITHDRAWN,
            amount=ZERO,
            label=text,
            clause="",
            variable=True,
            steps=(step,),
            deal_id=deal or None,
            already_paid=amount,
        )

    work.lines = apply_paid(work.lines, {p.line_id: p.amount for p in inputs.paid}, withdrawn)


def _minimum_wage(period: Period, inputs: PersonInputs, work: _Work) -> None:
    if inputs.minimum_wage is None or not period.is_month:
        return
    pay = money_sum((*(line.amount for line in work.lines), inputs.other_pay))
    work.checks.append(
        _step(
            "minimum_wage",
            label(
                "最低工资核对（不含加班费、特殊津贴、法定福利）",
                "minimum-wage check (excluding overtime, special allowances and statutory welfare)",
            ),
            {"pay": pay, "other_pay": inputs.other_pay, "minimum_wage": inputs.minimum_wage},
            pay >= inputs.minimum_wage,
            "LL 48",
            "MWP 12",
        )
    )
    if pay < inputs.minimum_wage:
        work.find(
            "below_minimum_wage",
            inputs.employee,
            pay=pay,
            minimum=inputs.minimum_wage,
            shortfall=money_sum((inputs.minimum_wage, -pay)),
            other_pay=inputs.other_pay,
        )


# --- teams, what-ifs and plain data -------------------------------------------------------


def evaluate_team(
    plan: Plan,
    period: Period,
    deals: Sequence[Deal],
    inputs: Sequence[PersonInputs] = (),
) -> TeamStatement:
    """Every credited person's statement, ordered by employee.

    People are those the deals credit and those ``inputs`` list (someone with inputs and
    no deal still gets fixed pay); a person with deals but no inputs is evaluated with
    empty :class:`PersonInputs`.

    Args:
        plan: the :class:`Plan`, as for :func:`evaluate`.
        period: the month or year (:class:`Period`), as for :func:`evaluate`.
        deals: a list or tuple of every :class:`Deal` of the team, each given once however
            many people it credits (a deal split between a salesperson and a service
            manager goes to both).
        inputs (optional): a list or tuple of :class:`PersonInputs`, at most one per
            employee; none by default.

    Returns:
        A :class:`TeamStatement`: each person's :class:`Statement`, ordered by employee,
        and the team's total.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: what :func:`evaluate` refuses for a person, its path prefixed
            ``team(<employee>).`` to name the person; two inputs of one employee; in one
            branch, two holders of one profit-pool role or two different branch profits.
        NotCoveredError: a date no plan version covers (the period's last day, even with
            no one to evaluate, or a deal's signing date) or a measure outside a table's
            bands, prefixed as above when it comes from one person's statement.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.commission import Credit, Deal, Period, evaluate_team
        >>> from hrpolicy.commission.examples import gross_margin_plan
        >>> shared = Deal(deal_id="G-1", owner="li", signed_on=date(2024, 3, 8),
        ...               amount=Decimal(100000), product_cost=Decimal(60000),
        ...               customer_expenses=Decimal(0), internal_allocation=Decimal(0),
        ...               split=(Credit(employee="li", role="sales"),
        ...                      Credit(employee="wang", role="service")))
        >>> team = evaluate_team(gross_margin_plan(), Period(year=2024, month=3), [shared])
        >>> [(s.employee, s.total) for s in team], team.total
        ([('li', Decimal('1400.00')), ('wang', Decimal('600.00'))], Decimal('2000.00'))
        >>> import attrs
        >>> evaluate_team(gross_margin_plan(), Period(year=2024, month=3),
        ...               [attrs.evolve(shared, product_cost=None)])
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: team(li).Deal(G-1).product_cost: expected
        a value: component 'margin' reads it (gross margin), got None
    """
    argument(plan, Plan, "plan")
    argument(period, Period, "period")
    _check_settles(plan, period)
    people = arguments(inputs, PersonInputs, "inputs")
    require_unique([i.employee for i in people], "inputs", "employee")
    _check_pools(people)
    by_person: dict[str, list[Deal]] = {i.employee: [] for i in people}
    for deal in arguments(deals, Deal, "deals"):
        for credit in deal.credits:
            by_person.setdefault(credit.employee, []).append(deal)
    given = {i.employee: i for i in people}
    statements = []
    person = ""
    try:  # one handler around the loop; an error names the person it came from
        for person in sorted(by_person):
            inputs_of = given.get(person) or PersonInputs(employee=person)
            statements.append(evaluate(plan, period, by_person[person], inputs_of))
    except HRPolicyError as error:
        raise prefixed(error, f"team({person}).") from error
    return TeamStatement(plan=plan, period=period, statements=tuple(statements))


def _check_pools(people: Sequence[PersonInputs]) -> None:
    """In one branch, a profit pool is one amount shared by distinct roles: refuse two
    holders of one role (they would each get the role's whole share) and differing
    profits."""
    branches: dict[str | None, list[PersonInputs]] = {}
    for person in people:
        if person.pool_role is not None:
            branches.setdefault(person.branch, []).append(person)
    for branch, holders in branches.items():
        where = f"inputs (branch {branch or 'not named'})"
        require_unique([h.pool_role or "" for h in holders], f"{where}.pool_role", "pool role")
        profits = sorted({str(h.branch_profit) for h in holders})
        require(
            len(profits) == 1,
            f"{where}.branch_profit",
            "one branch profit for everyone sharing the pool (name each branch with "
            "PersonInputs.branch)",
            ", ".join(profits),
        )


def compare(
    baseline: Plan,
    candidate: Plan,
    period: Period,
    deals: Sequence[Deal],
    inputs: Sequence[PersonInputs] = (),
) -> Comparison:
    """A what-if: the same deals and inputs under ``baseline`` and ``candidate``, per
    person and in total.

    Args:
        baseline: the :class:`Plan` in force, or the one compared against.
        candidate: the :class:`Plan` proposed.
        period: the month or year (:class:`Period`), as for :func:`evaluate_team`.
        deals: a list or tuple of every :class:`Deal` of the team, as for
            :func:`evaluate_team`, used unchanged under both plans.
        inputs (optional): a list or tuple of :class:`PersonInputs`, as for
            :func:`evaluate_team`, used unchanged under both plans; none by default.

    Returns:
        A :class:`Comparison`: both team runs, one row per person (baseline, candidate,
        difference) and the totals and their difference.

    Raises:
        InvalidTypeError: an argument is of the wrong type, its path prefixed
            ``baseline.`` or ``candidate.`` when a plan's run refuses it.
        InvalidValueError: what :func:`evaluate_team` refuses under either plan, its path
            prefixed ``baseline.`` or ``candidate.`` to name the plan it came from.
        NotCoveredError: a date or a measure one of the plans does not cover, prefixed
            the same way.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from hrpolicy.commission import Deal, Period, compare
        >>> from hrpolicy.commission.examples import magazine_plan
        >>> deals = [
        ...     Deal(deal_id="M-1", owner="li", signed_on=date(2024, 3, 5), units=Decimal(25)),
        ...     Deal(deal_id="M-2", owner="wang", signed_on=date(2024, 3, 6), units=Decimal(10)),
        ... ]
        >>> what_if = compare(magazine_plan("marginal"), magazine_plan("whole"),
        ...                   Period(year=2024, month=3), deals)
        >>> for row in what_if.to_records("people"):
        ...     print(row["employee"], row["baseline"], row["candidate"], row["difference"])
        li 525.00 625.00 100.00
        wang 200.00 200.00 0.00
        >>> what_if.difference
        Decimal('100.00')
    """
    before = _side("baseline", baseline, period, deals, inputs)
    after = _side("candidate", candidate, period, deals, inputs)
    rows = tuple(
        ComparisonRow(employee=a.employee, baseline=a.total, candidate=b.total)
        for a, b in zip(before.statements, after.statements, strict=True)
    )
    return Comparison(baseline=before, candidate=after, rows=rows)


def _side(
    name: str,
    plan: Plan,
    period: Period,
    deals: Sequence[Deal],
    inputs: Sequence[PersonInputs],
) -> TeamStatement:
    """One side of a comparison; an error names the side it came from."""
    try:
        return evaluate_team(plan, period, deals, inputs)
    except HRPolicyError as error:
        raise prefixed(error, f"{name}.") from error


def statement_from_dict(data: Mapping[str, Any]) -> Statement:
    """Rebuild a statement from :meth:`Statement.to_dict` data by recomputing it; raises
    :class:`~hrpolicy.core.errors.InvalidValueError` if the stored lines or total differ
    from the recomputation (the data was edited, or computed under different rules).

    A whole statement written by :func:`~hrpolicy.core.convert.to_dict` (it has a
    ``"format"`` key) is read by ``from_dict(data, Statement)``, which recomputes it too
    and raises :class:`~hrpolicy.core.errors.ConversionError` for a figure that differs."""
    if not isinstance(data, Mapping):
        raise InvalidTypeError("statement", "a mapping from Statement.to_dict()", data)
    if FORMAT_KEY in data:
        return from_dict(data, Statement)
    keys = ("plan", "period", "deals", "inputs", "lines", "total")
    missing = [key for key in keys if key not in data]
    require(not missing, "statement", f"the keys {', '.join(keys)}", missing)
    statement = evaluate(
        from_dict(data["plan"], Plan),
        from_dict(data["period"], Period),
        from_dict(data["deals"], tuple[Deal, ...]),
        from_dict(data["inputs"], PersonInputs),
    )
    lines = data["lines"]
    if isinstance(lines, (str, bytes)) or not isinstance(lines, (list, tuple)):
        raise InvalidTypeError("statement.lines", "a list of {line_id, amount}", lines)
    stored = []
    for index, line in enumerate(lines):
        if not isinstance(line, Mapping) or set(line) != {"line_id", "amount"}:
            raise InvalidValueError(
                f"statement.lines[{index}]", "a mapping with line_id and amount", line
            )
        amount = parse_money(line["amount"], field=f"statement.lines[{index}].amount")
        stored.append((line["line_id"], amount))
    recomputed = [(x.line_id, x.amount) for x in statement.lines]
    if stored != recomputed:
        raise InvalidValueError(
            "statement.lines",
            "the recomputed lines "
            + ", ".join(f"{line_id}={amount}" for line_id, amount in recomputed),
            ", ".join(f"{line_id}={amount}" for line_id, amount in stored),
        )
    total = parse_money(data["total"], field="statement.total")
    require(total == statement.total, "statement.total", f"{statement.total}", total)
    return statement
