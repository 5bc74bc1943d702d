"""Settle a salesperson's collection-linked pay for a month.

The rules, in the order the engine applies them:

1. **Ledger.** Payments are matched to invoices up to the month's last day
   (:mod:`hrpolicy.collection.ledger`), going on from the ledger the state carries from
   the month before (``state.ledger``) with the month's own events — or, when it carries
   none or the receivables changed on or before its day, replaying from the first day:
   the same figures either way. ``state_out.ledger`` carries the month's ledger on.
2. **Entitlement.** For each of the salesperson's invoices, under the version in force on
   its issue date: commission × (net ÷ amount) — returns cut it at the invoice's own rate —
   × the release rule's share (on invoice: what is not written off; proportional: the share
   collected; full collection: all or nothing; staged: the stage reached) × the
   days-to-collect coefficient (the average over the collected money, weighted by amount).
3. **Change since last month.** The entitlement less what earlier statements settled.
   A rise is released times the portfolio coefficients (overdue index, completion ×
   collection matrix) of the version in force on the month's last day; what they cut is
   settled too, so it is never paid later. A fall is a **clawback** of what had been
   released on the invoice, at the same proportion. Each invoice's entitlement is kept
   to the fen (half up), so its monthly change is a whole number of fen and rounding
   never builds up across months; a cut or a clawback is rounded half up once.
4. **Reserve.** ``rate`` of the positive releases is withheld. Clawbacks beyond the
   month's release are carried to recovery; recovery takes from the reserve first, then
   from the wage — at most 20 % of the month's wage (this statement's pay included), and
   never taking pay below the minimum wage (WPP Art. 16); the rest is carried. In
   December what is left in the reserve is released. A reserve held in parts withholds
   each part's rate, recovers clawbacks from the parts that net them (in the order
   listed, the oldest withholding first) and releases each part on its own horizon (year
   end, a number of months after withholding, departure); on departure every part is
   paid (WPP Art. 9).
5. **Milestones and expenses.** Approved milestone awards within the policy's range; the
   company's share of relationship expenses, and the refund of the salesperson's advance
   once a formal agreement is signed and a sale to the customer follows.
6. **The law over the policy.** Clauses making staff bear bad debts, netting bad-debt
   principal against the reserve, or forfeiting commission on money collected after
   departure are reported as violations and not applied.

A statement's ``state_out`` is the next month's state; re-running a month with the same
state (after a late payment, a correction) recomputes it, and ``CollectionInputs.paid``
says what the first run paid, so only the difference is due.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final, NamedTuple

import attrs

from hrpolicy.collection.ledger import InvoicePosition, Ledger, carried_ledger, why_replayed
from hrpolicy.collection.messages import CATALOG
from hrpolicy.collection.model import (
    Advance,
    CarriedLedger,
    CollectionInputs,
    CollectionState,
    Invoice,
    InvoiceAccount,
    Layer,
    Receivables,
    ReserveHolding,
)
from hrpolicy.collection.policy import (
    MILESTONE_LABELS,
    SINGLE_PART,
    CollectionPolicy,
    CollectionVersion,
    DaysFrom,
    FullCollection,
    OnInvoice,
    Proportional,
    ReserveHorizon,
    ReservePart,
    RiskReserve,
    Staged,
)
from hrpolicy.collection.results import (
    CollectionLine,
    CollectionLineKind,
    CollectionStatement,
    MatrixReading,
    OverdueReading,
    PerformanceDeduction,
    _portfolio_factor,
)
from hrpolicy.core.errors import (
    HRPolicyError,
    InvalidValueError,
    NotCoveredError,
    prefixed,
)
from hrpolicy.core.explain import Label, Step, StepValue, Trail
from hrpolicy.core.explain import step_of as _step
from hrpolicy.core.fields import argument, arguments, require, require_unique
from hrpolicy.core.label import label
from hrpolicy.core.money import ZERO, allocate, money_sum, round_money
from hrpolicy.core.period import Period
from hrpolicy.core.recovery import recovery_cap, recovery_schedule
from hrpolicy.core.statement import apply_paid

__all__ = ["recovery_cap", "recovery_schedule", "settle_month", "settle_team"]


class _Work(Trail):
    """The trail of a statement, with the lines it pays."""

    def __init__(self) -> None:
        super().__init__(CATALOG)
        self.lines: list[CollectionLine] = []

    def add(
        self,
        line_id: str,
        kind: CollectionLineKind,
        amount: Decimal,
        text: Label,
        steps: Iterable[Step],
        *,
        clause: str = "",
        invoice_id: str | None = None,
    ) -> None:
        line = CollectionLine(
            line_id=line_id,
            kind=kind,
            amount=amount,
            label=text,
            clause=clause,
            steps=tuple(steps),
            invoice_id=invoice_id,
        )
        self.lines.append(line)
        self.extend(line.steps)

    @property
    def pay(self) -> Decimal:
        return money_sum(line.amount for line in self.lines)


# --- entitlement per invoice ---------------------------------------------------------------


def _days(position: InvoicePosition, version: CollectionVersion, day: date) -> Fraction:
    rule = version.days_to_collect
    assert rule is not None
    invoice = position.invoice
    start = invoice.issued_on if rule.counted_from is DaysFrom.ISSUE else invoice.due_on
    return rule.table.value_at(max(0, (day - start).days))


def _reached(position: InvoicePosition) -> list[tuple[date, Fraction]]:
    """The collected ratio after each payment, in payment order (date, then payment id)."""
    net = Fraction(position.net_amount)
    total = Fraction(0)
    steps = []
    for portion in sorted(position.portions, key=lambda p: (p.received_on, p.payment_id)):
        total += Fraction(portion.amount)
        steps.append((portion.received_on, min(total / net, Fraction(1))))
    return steps


def _release_share(
    position: InvoicePosition, version: CollectionVersion
) -> tuple[Fraction, Fraction | None]:
    """The share of the commission released, and the days coefficient applied (if any).

    With a days table, proportional release weighs each collected yuan by its own days;
    full collection uses the days to the payment that completed it; staged release weighs
    each stage's increment by the days to the payment that reached that stage. So more cash
    never lowers what earlier cash earned.
    """
    net = Fraction(position.net_amount)
    if not net:
        return Fraction(0), None
    rule = version.release
    if isinstance(rule, OnInvoice):
        return (net - Fraction(position.written_off)) / net, None
    days = version.days_to_collect is not None
    if isinstance(rule, Proportional):
        if not days or not position.portions:
            return position.ratio, None
        counted = Fraction(position.counted)
        weighted = (
            sum(
                (
                    Fraction(p.amount) * _days(position, version, p.received_on)
                    for p in position.portions
                ),
                Fraction(0),
            )
            * counted
            / Fraction(position.collected)
        )
        return counted / net, weighted / counted
    reached = _reached(position) if position.portions else []
    if isinstance(rule, FullCollection):
        done = next((day for day, ratio in reached if ratio >= 1), None)
        if done is None:
            return Fraction(0), None
        return Fraction(1), (_days(position, version, done) if days else None)
    assert isinstance(rule, Staged)
    share = rule.stages.value_at(position.ratio)
    if not days or not share:
        return share, None
    earned = Fraction(0)
    previous = Fraction(0)
    for index, band in enumerate(rule.stages.bands):
        value = Fraction(band.value)
        when = next((day for day, ratio in reached if rule.stages.index_of(ratio) >= index), None)
        if when is None or value <= previous:
            continue
        earned += (value - previous) * _days(position, version, when)
        previous = value
    return share, earned / share


def _entitlement(
    position: InvoicePosition, version: CollectionVersion
) -> tuple[Fraction, dict[str, StepValue]]:
    invoice = position.invoice
    base = Fraction(invoice.commission) * Fraction(position.net_amount) / Fraction(invoice.amount)
    share, days = _release_share(position, version)
    entitled = base * share * (days if days is not None else 1)
    return entitled, {
        "version": version.version,
        "commission": invoice.commission,
        "net_amount": position.net_amount,
        "commission_on_net": base,
        "collected": position.counted,
        "written_off": position.written_off or None,
        "release_rule": type(version.release).__name__,
        "release_share": share,
        "days_coefficient": days,
    }


# --- portfolio coefficients ----------------------------------------------------------------


def _overdue(
    version: CollectionVersion, positions: Sequence[InvoicePosition], day: date, work: _Work
) -> OverdueReading | None:
    rule = version.overdue
    if rule is None:
        return None
    overdue = sum((Fraction(p.open_balance) * p.days_overdue(day) for p in positions), Fraction(0))
    exposure = sum(
        (Fraction(p.open_balance) * p.invoice.credit_days for p in positions), Fraction(0)
    )
    index: Fraction | None
    if exposure:
        index = overdue / exposure
        multiplier = rule.table.value_at(index)
    elif overdue:
        index = None
        multiplier = Fraction(rule.table.bands[-1].value)
    else:
        index = Fraction(0)
        multiplier = rule.table.value_at(0)
    work.add_step(
        _step(
            "coefficient.overdue",
            label(
                "逾期加权系数 = Σ(逾期额×逾期天数) ÷ Σ(应收额×信用天数)",
                "overdue index = Σ(overdue × days overdue) ÷ Σ(receivable × credit days)",
            ),
            {
                "overdue_weighted": overdue,
                "receivable_weighted": exposure,
                "index": index if index is not None else "unbounded",
                "table": rule.table.band_for(index).describe() if index is not None else None,
                "clause": rule.clause or None,
            },
            multiplier,
        )
    )
    return OverdueReading(
        overdue_weighted=overdue, receivable_weighted=exposure, multiplier=multiplier
    )


def _matrix(
    version: CollectionVersion,
    positions: Sequence[InvoicePosition],
    period: Period,
    inputs: CollectionInputs,
    work: _Work,
) -> MatrixReading | None:
    rule = version.matrix
    if rule is None:
        return None
    if inputs.completion is None:
        raise InvalidValueError(
            f"CollectionInputs({inputs.employee}).completion",
            "the target completion: the policy has a completion × collection matrix",
            None,
        )
    due = [
        p
        for p in positions
        if p.invoice.due_on <= period.last_day and p.invoice.issued_on.year == period.year
    ]
    net = sum((Fraction(p.net_amount) for p in due), Fraction(0))
    rate = sum((Fraction(p.counted) for p in due), Fraction(0)) / net if net else Fraction(1)
    coefficient = Fraction(rule.coefficient(Fraction(inputs.completion), rate))
    work.add_step(
        _step(
            "coefficient.matrix",
            label("任务完成率 × 回款率系数", "completion × collection-rate coefficient"),
            {
                "completion": inputs.completion,
                "collection_rate": rate,
                "invoices_due": len(due),
                "clause": rule.clause or None,
            },
            coefficient,
        )
    )
    return MatrixReading(
        completion=inputs.completion,
        collection_rate=rate,
        invoices_due=len(due),
        coefficient=coefficient,
    )


# --- the month ------------------------------------------------------------------------------


def _check_call(policy: CollectionPolicy, period: Period, receivables: Receivables) -> None:
    argument(policy, CollectionPolicy, "policy")
    argument(period, Period, "period")
    argument(receivables, Receivables, "receivables")
    require(period.is_month, "period", "a month (collection statements are monthly)", period)


def _check_person(
    period: Period, invoices: Mapping[str, Invoice], inputs: CollectionInputs
) -> None:
    """The person's facts against the month and the receivables' ``invoices`` (by id)."""
    argument(inputs, CollectionInputs, "inputs")
    for index, account in enumerate(inputs.state.accounts):
        invoice = invoices.get(account.invoice_id)
        require(
            invoice is not None and invoice.salesperson == inputs.employee,
            f"CollectionInputs.state.accounts[{index}].invoice_id",
            f"an invoice of {inputs.employee} in the receivables (nothing is dropped)",
            account.invoice_id,
        )
    for event in inputs.milestones:
        require(
            event.achieved_on <= period.last_day,
            f"CollectionInputs.milestones({event.event_id}).achieved_on",
            f"a date on or before {period.last_day} (a milestone is paid once reached and "
            "approved)",
            event.achieved_on,
        )
    for expense in inputs.expenses:
        require(
            period.contains(expense.spent_on),
            f"CollectionInputs.expenses({expense.expense_id}).spent_on",
            f"a date in {period} (report expenses in the month they are spent)",
            expense.spent_on,
        )
    for index, account in enumerate(inputs.state.accounts):
        require(
            invoices[account.invoice_id].issued_on <= period.last_day,
            f"CollectionInputs.state.accounts[{index}].invoice_id",
            f"an invoice issued by {period.last_day} (an account for a later invoice "
            "cannot come from an earlier statement)",
            account.invoice_id,
        )


def _version_for(policy: CollectionPolicy, position: InvoicePosition) -> CollectionVersion:
    invoice = position.invoice
    try:
        return policy.version_on(invoice.issued_on)
    except NotCoveredError:
        raise NotCoveredError(
            f"Invoice({invoice.invoice_id}).issued_on",
            f"a date covered by a version of policy {policy.policy_id}",
            invoice.issued_on,
        ) from None


def _undo(layers: tuple[Layer, ...], fall: Fraction) -> tuple[Decimal, tuple[Layer, ...]]:
    """Undo ``fall`` of settled entitlement from the latest layers first; returns the
    clawback (negative, rounded once) and the layers left."""
    kept = list(layers)
    clawed = ZERO
    while fall and kept:
        layer = kept.pop()
        settled = Fraction(layer.settled)
        if fall >= settled:  # the whole layer goes, at what it released
            fall -= settled
            clawed = money_sum((clawed, layer.released))
            continue
        # Part of the layer goes, at its proportion, rounded once; the rest stays. Every
        # other layer taken is whole fen, so the layers left still add up to what was
        # released less the clawback.
        part = round_money(Fraction(layer.released) * fall / settled)
        clawed = money_sum((clawed, part))
        kept.append(
            Layer(
                settled=money_sum((layer.settled, -round_money(fall))),
                released=money_sum((layer.released, -part)),
            )
        )
        fall = Fraction(0)
    return -clawed, tuple(kept)


# An invoice's month: position, version, account before, entitlement, change, release or
# clawback, layers after, and the facts behind the entitlement.
_Row = tuple[
    InvoicePosition,
    CollectionVersion,
    InvoiceAccount | None,
    Fraction,
    Fraction,
    Decimal,
    tuple[Layer, ...],
    dict[str, StepValue],
]


def _releases(
    policy: CollectionPolicy,
    positions: Sequence[InvoicePosition],
    state: CollectionState,
    factor: Fraction,
    work: _Work,
) -> tuple[list[InvoiceAccount], Fraction]:
    """Release or claw back each invoice's change in entitlement; returns the accounts
    and the total rise in entitlement (before the portfolio factor)."""
    rows: list[_Row] = []
    known = {account.invoice_id: account for account in state.accounts}
    for position in positions:
        version = _version_for(policy, position)
        entitled, facts = _entitlement(position, version)
        account = known.get(position.invoice.invoice_id)
        settled = account.settled if account else ZERO
        layers = account.stack() if account else ()
        # Each invoice's settled entitlement is kept to the fen; its change is therefore a
        # whole number of fen, and rounding never accumulates from month to month.
        change = Fraction(money_sum((round_money(entitled), -settled)))
        if change >= 0:
            release = round_money(change * factor)
            if change:
                layers = (*layers, Layer(settled=round_money(change), released=release))
        else:
            release, layers = _undo(layers, -change)
        rows.append((position, version, account, entitled, change, release, layers, facts))
    rise = sum((row[4] for row in rows if row[4] > 0), Fraction(0))
    accounts = []
    for position, version, account, entitled, change, amount, layers, facts in rows:
        invoice = position.invoice
        before = account.released if account else ZERO
        accounts.append(
            InvoiceAccount(
                invoice_id=invoice.invoice_id,
                settled=round_money(entitled),
                released=money_sum((before, amount)),
                layers=layers,
            )
        )
        if not amount:
            continue
        clawback = amount < 0
        work.add(
            f"{'clawback' if clawback else 'release'}/{invoice.invoice_id}",
            CollectionLineKind.CLAWBACK if clawback else CollectionLineKind.RELEASE,
            amount,
            label(
                f"{'冲回' if clawback else '回款提成'}：发票{invoice.invoice_id}",
                f"{'clawback' if clawback else 'release'}: invoice {invoice.invoice_id}",
            ),
            [
                _step(
                    f"release.{invoice.invoice_id}",
                    label(
                        "应得提成 − 已结算；增加部分乘组合系数，减少部分按原比例冲回",
                        "entitled − settled; a rise times the portfolio factor, a fall "
                        "clawed back at the released proportion",
                    ),
                    {
                        **facts,
                        "entitled": entitled,
                        "settled_before": account.settled if account else ZERO,
                        "released_before": before,
                        "change": change,
                        "portfolio_factor": factor if change > 0 and factor != 1 else None,
                    },
                    amount,
                )
            ],
            clause=version.release.clause,
            invoice_id=invoice.invoice_id,
        )
    return accounts, rise


class _Terms(NamedTuple):
    """How a reserve part's holdings are treated: the version's part, or — for a part the
    version does not define, or with no reserve in the version — as the single year-end
    reserve was (netting clawbacks, released in December or on departure)."""

    part_id: str
    horizon: ReserveHorizon
    months: int | None
    nets_clawbacks: bool
    clause: str
    in_version: bool
    #: Whether the holding keeps terms it was withheld under that the version's part no
    #: longer has (or that a part the version lacks had).
    kept: bool = False


def _terms(part: ReservePart, rule: RiskReserve) -> _Terms:
    return _Terms(
        part.part_id,
        part.horizon,
        part.months,
        part.nets_clawbacks,
        part.clause or rule.clause,
        in_version=True,
    )


def _release_month(holding: ReserveHolding, terms: _Terms, path: str) -> Period | None:
    """The month a months-after holding is released in (``None`` for other parts); a
    release past the calendar is refused with the holding's ``path``."""
    if terms.horizon is not ReserveHorizon.MONTHS_AFTER or holding.withheld_in is None:
        return None
    assert terms.months is not None
    try:
        return holding.withheld_in.months_later(terms.months)
    except InvalidValueError as error:
        raise InvalidValueError(
            f"{path}.withheld_in",
            f"a month withheld whose release {terms.months} months later (part "
            f"{holding.part_id}) falls within the calendar ({error.expected})",
            holding.withheld_in,
        ) from None


class _Reserve:
    """The reserve's holdings through one month: withheld into, drawn on for clawbacks,
    released."""

    def __init__(self, rule: RiskReserve | None, holdings: tuple[ReserveHolding, ...]) -> None:
        self.rule = rule
        shares = rule.shares() if rule is not None else ()
        self.parts = {p.part_id: _terms(p, rule) for p in shares if rule is not None}
        # One reserve keeps the statement's lines and steps as they have always read.
        self.single = rule is None or not rule.in_parts
        self.holdings = list(holdings)

    @property
    def balance(self) -> Decimal:
        return money_sum(h.amount for h in self.holdings)

    def terms_of(self, part_id: str) -> _Terms:
        known = self.parts.get(part_id)
        if known is not None:
            return known
        return _Terms(
            part_id,
            ReserveHorizon.YEAR_END,
            months=None,
            nets_clawbacks=True,
            clause="",
            in_version=False,
        )

    def terms_for(self, holding: ReserveHolding) -> _Terms:
        """The terms ``holding`` is held under: those it was withheld under when it
        records them, else its part's in the version (or the single reserve's)."""
        terms = self.terms_of(holding.part_id)
        kept = holding.terms
        if kept is None or kept == (terms.horizon, terms.months):
            return terms
        return terms._replace(horizon=kept[0], months=kept[1], kept=True)

    def order(self, part_ids: Iterable[str]) -> list[str]:
        """``part_ids`` in the policy's order, then those the version lacks, by id."""
        given = set(part_ids)
        return [p for p in self.parts if p in given] + sorted(given - set(self.parts))

    def hold(self, part: ReservePart, period: Period, amount: Decimal) -> None:
        month = period if part.horizon is ReserveHorizon.MONTHS_AFTER else None
        # A part of a reserve in parts records the terms it is withheld under, so a later
        # version cannot change them; the single reserve's terms never change.
        new = ReserveHolding(
            part_id=part.part_id,
            amount=amount,
            withheld_in=month,
            rate=None if self.single else part.rate,
            horizon=None if self.single else part.horizon,
            months=None if self.single else part.months,
        )
        key = (new.part_id, new.withheld_in, new.rate, new.terms)
        for index, holding in enumerate(self.holdings):
            if (holding.part_id, holding.withheld_in, holding.rate, holding.terms) == key:
                total = money_sum((holding.amount, amount))
                self.holdings[index] = attrs.evolve(holding, amount=total)
                return
        self.holdings.append(new)

    def take(self, holding: ReserveHolding, amount: Decimal) -> None:
        """Take ``amount`` (at most the holding) out of ``holding``."""
        index = self.holdings.index(holding)
        left = money_sum((holding.amount, -amount))
        if left:
            self.holdings[index] = attrs.evolve(holding, amount=left)
        else:
            del self.holdings[index]

    def netting_order(self) -> list[tuple[_Terms, list[ReserveHolding]]]:
        """The parts clawbacks are recovered from, each with its holdings oldest first."""
        result = []
        for part_id in self.order(h.part_id for h in self.holdings):
            terms = self.terms_of(part_id)
            if not terms.nets_clawbacks:
                continue
            held = [h for h in self.holdings if h.part_id == part_id]
            held.sort(key=lambda h: h.withheld_in.first_day if h.withheld_in else date.min)
            result.append((terms, held))
        return result

    def due(self, period: Period, *, departed: bool) -> list[tuple[_Terms, Decimal]]:
        """What each part releases this month (by the terms its holdings are held
        under), taken out of the holdings."""
        released: dict[_Terms, Decimal] = {}
        for holding in list(self.holdings):
            terms = self.terms_for(holding)
            if departed:
                due = True
            elif terms.horizon is ReserveHorizon.YEAR_END:
                due = period.month == 12
            elif terms.horizon is ReserveHorizon.MONTHS_AFTER:
                month = _release_month(holding, terms, "reserve")
                assert month is not None  # a month withheld is required on entry
                due = month.first_day <= period.first_day
            else:
                due = False
            if due:
                self.take(holding, holding.amount)
                before = released.get(terms, ZERO)
                released[terms] = money_sum((before, holding.amount))
        rank = {p: i for i, p in enumerate(self.order(t.part_id for t in released))}
        return sorted(released.items(), key=lambda item: rank[item[0].part_id])


def _withhold(reserve: _Reserve, period: Period, positive: Decimal, work: _Work) -> None:
    rule = reserve.rule
    assert rule is not None
    shares = rule.shares()
    # The reserve is rounded once, on the whole release at the total rate, and shared
    # over the parts by the largest remainder: never more than the rate, and the same
    # figure as one reserve at that rate.
    in_all = round_money(Fraction(positive) * rule.total_rate.exact)
    amounts = allocate([Fraction(positive) * part.rate.exact for part in shares])
    for part, withheld in zip(shares, amounts, strict=True):
        if not withheld:
            continue
        if reserve.single:
            line_id, rule_id = "reserve#withheld", "reserve.withheld"
            text = label("风险金预留", "reserve withheld")
            inputs: dict[str, StepValue] = {"released": positive, "rate": part.rate}
        else:
            line_id = f"reserve#withheld/{part.part_id}"
            rule_id = f"reserve.withheld.{part.part_id}"
            text = label(f"风险金预留：{part.part_id}", f"reserve withheld: {part.part_id}")
            inputs = {
                "released": positive,
                "part": part.part_id,
                "rate": part.rate,
                "horizon": part.horizon.value,
                "months": part.months,
                "withheld_in_all": in_all,
            }
        work.add(
            line_id,
            CollectionLineKind.RESERVE_WITHHELD,
            -withheld,
            text,
            [
                _step(
                    rule_id,
                    label("本月发放 × 风险金比例", "this month's release × reserve rate"),
                    inputs,
                    withheld,
                )
            ],
            clause=part.clause or rule.clause,
        )
        reserve.hold(part, period, withheld)


def _recover_from_reserve(reserve: _Reserve, to_recover: Decimal, work: _Work) -> Decimal:
    """Recover ``to_recover`` from the parts that net clawbacks, in the policy's order
    and within a part the oldest withholding first; returns what is left to recover."""
    balance = reserve.balance
    start = to_recover
    used_by_part: list[tuple[_Terms, Decimal, Decimal, Decimal]] = []
    for part, held in reserve.netting_order():
        if not to_recover:
            break
        part_before = money_sum(h.amount for h in held)
        used = min(to_recover, part_before)
        left = used
        for holding in held:
            taken = min(holding.amount, left)
            reserve.take(holding, taken)
            left = money_sum((left, -taken))
            if not left:
                break
        used_by_part.append((part, part_before, to_recover, used))
        to_recover = money_sum((to_recover, -used))
    if not used_by_part:
        return to_recover
    if reserve.single:
        used = money_sum((start, -to_recover))
        work.add_step(
            _step(
                "recovery.reserve",
                label("待扣回先从风险金中抵扣", "recovery from the reserve first"),
                {"reserve_before": balance, "to_recover_before": start},
                used,
            )
        )
        work.find("clawback_from_reserve", amount=used)
        return to_recover
    for part, part_before, to_recover_before, used in used_by_part:
        work.add_step(
            _step(
                f"recovery.reserve.{part.part_id}",
                label(
                    "待扣回先从可抵扣的风险金部分中抵扣（按制度所列顺序，先扣最早预留的）",
                    "recovery from the reserve parts that net clawbacks first (in the "
                    "policy's order, the oldest withholding first)",
                ),
                {
                    "part": part.part_id,
                    "part_before": part_before,
                    "to_recover_before": to_recover_before,
                },
                used,
            )
        )
        work.find("clawback_from_reserve_part", part.part_id, part=part.part_id, amount=used)
    return to_recover


def _release_reserve(
    reserve: _Reserve, period: Period, inputs: CollectionInputs, departed: bool, work: _Work
) -> None:
    due = reserve.due(period, departed=departed)
    # One reserve pays one line for what falls due at year end or on departure, whatever
    # parts an earlier version left it holding; a holding kept on other terms (released
    # months after it was withheld) is paid on a line of its own part.
    together = [(t, a) for t, a in due if departed or t.horizon is ReserveHorizon.YEAR_END]
    if reserve.single and together:
        merged = (together[0][0], money_sum(amount for _, amount in together))
        due = [merged, *((t, a) for t, a in due if (t, a) not in together)]
    for index, (part, amount) in enumerate(due):
        if reserve.single and (index == 0 and together):
            line_id, rule_id = "reserve#released", "reserve.released"
            text = label(
                "离职结清风险金" if departed else "年末风险金返还",
                "reserve released on departure" if departed else "reserve released at year end",
            )
            inputs_: dict[str, StepValue] = {"reserve": amount, "left_on": inputs.left_on}
            why = label(
                "离职时工资一次付清：风险金抵扣冲回后余额返还"
                if departed
                else "年末：风险金抵扣冲回后余额返还",
                "on departure all wages are paid at once: the reserve left after clawbacks is paid"
                if departed
                else "year end: the reserve left after clawbacks is paid",
            )
        else:
            line_id = f"reserve#released/{part.part_id}"
            rule_id = f"reserve.released.{part.part_id}"
            horizon = _HORIZON_TEXT[part.horizon]
            text = label(
                f"离职结清风险金：{part.part_id}" if departed else f"风险金返还：{part.part_id}",
                f"reserve released on departure: {part.part_id}"
                if departed
                else f"reserve released: {part.part_id}",
            )
            inputs_ = {
                "part": part.part_id,
                "horizon": part.horizon.value,
                "months": part.months,
                "released": amount,
                "left_on": inputs.left_on,
                "not_in_version": None if part.in_version else True,
                "terms_kept": True if part.kept else None,
            }
            why = label(
                "离职时工资一次付清：各部分风险金余额一并返还"
                if departed
                else f"{horizon.zh_CN}：该部分风险金抵扣冲回后余额返还",
                "on departure all wages are paid at once: every reserve part left is paid"
                if departed
                else f"{horizon.en}: what is left of the part after clawbacks is paid",
            )
        work.add(
            line_id,
            CollectionLineKind.RESERVE_RELEASED,
            amount,
            text,
            [_step(rule_id, why, inputs_, amount, *(("WPP 9",) if departed else ()))],
            clause=part.clause,
        )


def _release_text(horizon: ReserveHorizon, months: int | None) -> Label:
    """When a holding on ``horizon`` (``months`` after withholding) is released."""
    if horizon is ReserveHorizon.MONTHS_AFTER:
        return Label(
            f"预留{months}个月后返还", f"released {months} months after the month withheld"
        )
    if horizon is ReserveHorizon.ON_DEPARTURE:
        return Label("离职时返还", "released on departure")
    return Label("年末或离职时返还", "released at year end or on departure")


_MIXED_TERMS: Final = Label(
    "各笔按预留时的条件返还", "each holding released on the terms it was withheld under"
)

_HORIZON_TEXT: Final = {
    ReserveHorizon.YEAR_END: Label("年末", "year end"),
    ReserveHorizon.MONTHS_AFTER: Label("预留期满", "the months after withholding are up"),
    ReserveHorizon.ON_DEPARTURE: Label("离职", "departure"),
}


def _reserve_and_recovery(
    version: CollectionVersion,
    period: Period,
    inputs: CollectionInputs,
    work: _Work,
) -> tuple[tuple[ReserveHolding, ...], Decimal]:
    """Withhold the reserve, carry excess clawbacks, recover from the reserve and the
    wage; returns (reserve holdings, still to recover)."""
    state = inputs.state
    positive = money_sum(
        line.amount for line in work.lines if line.kind is CollectionLineKind.RELEASE
    )
    reserve = _Reserve(version.reserve, state.reserve_parts)
    for index, holding in enumerate(state.reserve_parts):
        path = f"CollectionInputs({inputs.employee}).state.reserve_parts[{index}]"
        terms = reserve.terms_for(holding)
        if terms.horizon is ReserveHorizon.MONTHS_AFTER:
            require(
                holding.withheld_in is not None,
                f"{path}.withheld_in",
                f"the month withheld: part {holding.part_id} is released {terms.months} "
                "months after it",
                holding.withheld_in,
            )
            _release_month(holding, terms, path)
        if terms.kept and terms.in_version:
            part = reserve.parts[holding.part_id]
            work.find(
                "reserve_terms_kept",
                f"{holding.part_id}@{holding.withheld_in or ''}",
                part=holding.part_id,
                amount=holding.amount,
                withheld_under=_release_text(terms.horizon, terms.months),
                version_terms=_release_text(part.horizon, part.months),
                version=version.version,
            )
    for part_id in reserve.order(h.part_id for h in reserve.holdings):
        # The single reserve's balance under a version with no reserve is still the
        # single reserve: nothing to report.
        if part_id in reserve.parts or (part_id == SINGLE_PART and version.reserve is None):
            continue
        held_here = [h for h in reserve.holdings if h.part_id == part_id]
        kinds = {reserve.terms_for(h) for h in held_here}
        work.find(
            "reserve_part_not_in_version",
            part_id,
            part=part_id,
            amount=money_sum(h.amount for h in held_here),
            version=version.version,
            release=_release_text(*next((t.horizon, t.months) for t in kinds))
            if len(kinds) == 1
            else _MIXED_TERMS,
        )
    departed = inputs.left_on is not None and inputs.left_on <= period.last_day
    if version.reserve is not None and positive > 0 and not departed:
        _withhold(reserve, period, positive, work)
    to_recover = state.to_recover
    subtotal = work.pay
    if subtotal < 0:
        work.add(
            "clawback#to-recovery",
            CollectionLineKind.TO_RECOVERY,
            -subtotal,
            label("冲回超出部分转入待扣回", "clawbacks beyond the release, carried to recovery"),
            [
                _step(
                    "recovery.carried",
                    label(
                        "本月冲回（含风险金预留）超过发放的部分转入待扣回，按上限扣回",
                        "clawbacks (and reserve withheld) beyond this month's release go to "
                        "recovery, under the cap",
                    ),
                    {"net_this_month": subtotal},
                    -subtotal,
                )
            ],
        )
        work.find("clawback_to_recovery", amount=-subtotal)
        to_recover = money_sum((to_recover, -subtotal))
    to_recover = _recover_from_reserve(reserve, to_recover, work)
    _release_reserve(reserve, period, inputs, departed, work)
    return tuple(reserve.holdings), to_recover


_NOT_WAGES: Final = (CollectionLineKind.EXPENSE, CollectionLineKind.ADVANCE_REFUND)


def _wage_lines(work: _Work) -> Decimal:
    """This statement's pay that counts as the month's wage: not expense reimbursements or
    advance refunds (the company's money returned), and not amounts carried to recovery
    (they are owed back, not earned this month)."""
    excluded = (*_NOT_WAGES, CollectionLineKind.TO_RECOVERY)
    return money_sum(line.amount for line in work.lines if line.kind not in excluded)


def _recover_from_wage(
    to_recover: Decimal, period: Period, inputs: CollectionInputs, work: _Work
) -> Decimal:
    if not to_recover:
        return to_recover
    if inputs.left_on is not None and inputs.left_on < period.first_day:
        work.find("recovery_after_departure", amount=to_recover, left_on=inputs.left_on)
        return to_recover
    if inputs.month_wage is None or inputs.minimum_wage is None:
        raise InvalidValueError(
            f"CollectionInputs({inputs.employee}).month_wage",
            f"the month's wage and the minimum wage: {to_recover} is to be recovered, and "
            "the cap depends on them (WPP Art. 16)",
            None,
        )
    wage = money_sum((inputs.month_wage, max(ZERO, _wage_lines(work))))
    cap = recovery_cap(wage, inputs.minimum_wage)
    recovered = min(to_recover, cap)
    remaining = money_sum((to_recover, -recovered))
    if recovered:
        work.add(
            "clawback#recovery",
            CollectionLineKind.RECOVERY,
            -recovered,
            label("从本月工资中扣回", "recovered from this month's wage"),
            [
                _step(
                    "recovery.wage",
                    label(
                        "扣回 ≤ 当月工资20%，且扣后不低于最低工资",
                        "recovery ≤ 20% of the month's wage, leaving at least the minimum wage",
                    ),
                    {
                        "to_recover": to_recover,
                        "month_wage": wage,
                        "minimum_wage": inputs.minimum_wage,
                        "cap": cap,
                    },
                    recovered,
                    "WPP 16",
                )
            ],
        )
    work.find(
        "recovery_capped",
        recovered=recovered,
        cap=cap,
        remaining=remaining,
        wage=wage,
        minimum_wage=inputs.minimum_wage,
    )
    return remaining


def _milestones(
    version: CollectionVersion, inputs: CollectionInputs, work: _Work
) -> tuple[str, ...]:
    paid = list(inputs.state.milestones_paid)
    for event in sorted(inputs.milestones, key=lambda m: (m.achieved_on, m.event_id)):
        where = f"MilestoneEvent({event.event_id})"
        award = version.milestone(event.kind)
        require(
            award is not None,
            f"{where}.kind",
            f"a milestone the policy version {version.version} awards",
            event.kind,
        )
        assert award is not None
        key = f"{event.kind.value}:{event.customer}"
        require(key not in paid, where, "a milestone not already paid for this customer", key)
        zh, en = MILESTONE_LABELS[event.kind]
        if event.approved is None:
            work.find(
                "milestone_awaiting_approval",
                event.event_id,
                milestone=Label(zh, en),
                customer=event.customer,
                low=award.low,
                high=award.high,
                kind=event.kind.value,
                achieved_on=event.achieved_on,
            )
            continue
        require(
            award.low <= event.approved <= award.high,
            f"{where}.approved",
            f"an amount from {award.low} to {award.high}",
            event.approved,
        )
        paid.append(key)
        work.add(
            f"milestone/{event.event_id}",
            CollectionLineKind.MILESTONE,
            round_money(event.approved),
            label(f"{zh}：{event.customer}", f"{en}: {event.customer}"),
            [
                _step(
                    f"milestone.{event.event_id}",
                    label("审批金额，在制度范围内", "approved figure, within the policy's range"),
                    {"low": award.low, "high": award.high, "approved": event.approved},
                    event.approved,
                )
            ],
            clause=award.clause,
        )
    return tuple(paid)


def _expenses(
    version: CollectionVersion,
    positions: Sequence[InvoicePosition],
    day: date,
    inputs: CollectionInputs,
    work: _Work,
) -> tuple[Advance, ...]:
    advances = list(inputs.state.advances)
    rule = version.expense_advance
    if inputs.expenses and rule is None:
        raise InvalidValueError(
            f"CollectionInputs({inputs.employee}).expenses",
            f"none: policy version {version.version} has no relationship-expense rule",
            len(inputs.expenses),
        )
    for expense in sorted(inputs.expenses, key=lambda e: (e.spent_on, e.expense_id)):
        assert rule is not None
        reimbursed = round_money(Fraction(expense.amount) * (1 - rule.share.exact))
        held = money_sum((expense.amount, -reimbursed))
        work.add(
            f"expense/{expense.expense_id}",
            CollectionLineKind.EXPENSE,
            reimbursed,
            label(f"公关费用报销：{expense.customer}", f"relationship expense: {expense.customer}"),
            [
                _step(
                    f"expense.{expense.expense_id}",
                    label(
                        "公司承担部分报销，员工垫付部分待退",
                        "company share reimbursed; the salesperson's advance awaits refund",
                    ),
                    {"spent": expense.amount, "advance_share": rule.share, "advance": held},
                    reimbursed,
                )
            ],
            clause=rule.clause,
        )
        advances.append(
            Advance(expense_id=expense.expense_id, customer=expense.customer, amount=held)
        )
    signed: dict[str, date] = {}
    for agreement in inputs.agreements:
        if agreement.signed_on <= day:
            earlier = signed.get(agreement.customer)
            signed[agreement.customer] = min(agreement.signed_on, earlier or agreement.signed_on)
    kept = []
    for advance in advances:
        since = signed.get(advance.customer)
        sale = since is not None and any(
            p.invoice.customer == advance.customer
            and p.invoice.issued_on >= since
            and p.net_amount > 0
            for p in positions
        )
        if not sale:
            kept.append(advance)
            work.find(
                "advance_outstanding",
                advance.expense_id,
                customer=advance.customer,
                amount=advance.amount,
                expense_id=advance.expense_id,
            )
            continue
        work.add(
            f"advance/{advance.expense_id}",
            CollectionLineKind.ADVANCE_REFUND,
            advance.amount,
            label(f"退还垫付公关费用：{advance.customer}", f"advance refunded: {advance.customer}"),
            [
                _step(
                    f"advance.{advance.expense_id}",
                    label("已签正式协议并实现销售", "formal agreement signed and a sale followed"),
                    {"customer": advance.customer, "signed_on": since},
                    advance.amount,
                )
            ],
            clause=rule.clause if rule else "",
        )
    return tuple(kept)


def _law_over_policy(  # noqa: PLR0917 - the facts the checks read
    version: CollectionVersion,
    book: Ledger,
    positions: Sequence[InvoicePosition],
    period: Period,
    inputs: CollectionInputs,
    receivables: Receivables,
    work: _Work,
) -> None:
    mine = {p.invoice.invoice_id for p in positions}
    bad_debts = [w for w in receivables.write_offs if w.invoice_id in mine]
    if version.bad_debt_share is not None:
        this_month = money_sum(w.amount for w in bad_debts if period.contains(w.written_off_on))
        if this_month:
            work.find(
                "bad_debt_share_void",
                share=version.bad_debt_share,
                amount=round_money(Fraction(this_month) * version.bad_debt_share.exact),
                written_off=this_month,
            )
    if (
        version.reserve is not None
        and version.reserve.nets_bad_debt_principal
        and period.month == 12
    ):
        this_year = money_sum(w.amount for w in bad_debts if w.written_off_on.year == period.year)
        if this_year:
            work.find("reserve_principal_void", amount=this_year, year=period.year)
    # In parts, each part's clause is reported when it would take the principal: a year-end
    # part in December (the year's bad debts), any other part in the month written off.
    for part in version.reserve.parts if version.reserve is not None else ():
        if not part.nets_bad_debt_principal:
            continue
        if part.horizon is ReserveHorizon.YEAR_END:
            if period.month != 12:
                continue
            taken = money_sum(w.amount for w in bad_debts if w.written_off_on.year == period.year)
            when = str(period.year)
        else:
            taken = money_sum(w.amount for w in bad_debts if period.contains(w.written_off_on))
            when = str(period)
        if taken:
            work.find(
                "reserve_part_principal_void",
                part.part_id,
                part=part.part_id,
                amount=taken,
                written_off=when,
            )
    if version.forfeit_after_departure and inputs.left_on is not None:
        left_on = inputs.left_on
        after = ZERO
        for line in work.lines:
            if line.kind is not CollectionLineKind.RELEASE:
                continue
            portions = book.of(line.invoice_id or "").portions
            late = sum(
                (Fraction(p.amount) for p in portions if p.received_on > left_on), Fraction(0)
            )
            new = Fraction(
                money_sum(p.amount for p in portions if p.received_on >= period.first_day)
            )
            # The share of this month's release that rests on money received after leaving.
            share = min(Fraction(1), late / new) if new else Fraction(0)
            after = money_sum((after, round_money(Fraction(line.amount) * share)))
        if after:
            work.find("post_departure_forfeiture_void", left_on=inputs.left_on, amount=after)
    for customer, amount, reason in book.unapplied:
        if any(p.invoice.customer == customer for p in positions):
            work.find("unapplied_credit", customer, customer=customer, amount=amount, reason=reason)
    for position in positions:
        if position.refund_due:
            work.find(
                "refund_due",
                position.invoice.invoice_id,
                invoice=position.invoice.invoice_id,
                amount=position.refund_due,
            )


def _aging(
    version: CollectionVersion, positions: Sequence[InvoicePosition], day: date
) -> tuple[PerformanceDeduction, ...]:
    table = version.aging
    if table is None:
        return ()
    rows = []
    for position in positions:
        days = position.days_overdue(day)
        if not days:
            continue
        rate = table.value_at(days)
        rows.append(
            PerformanceDeduction(
                invoice_id=position.invoice.invoice_id,
                net_amount=position.net_amount,
                open_balance=position.open_balance,
                days_overdue=days,
                rate=rate,
                deduction=round_money(Fraction(position.open_balance) * rate),
            )
        )
    return tuple(rows)


def _apply_paid(inputs: CollectionInputs, work: _Work) -> Decimal:
    """Set what an earlier run paid on each line; returns what that run overpaid (to be
    recovered under the cap, like any clawback), or 0."""
    if not inputs.paid:
        return ZERO

    def withdrawn(line_id: str, amount: Decimal, text: Label, step: Step) -> CollectionLine:
        work.add_step(step)
        return CollectionLine(
            line_id=line_id,
            kind=CollectionLineKind.WITHDRAWN,
            amount=ZERO,
            label=text,
            clause="",
            steps=(step,),
            already_paid=amount,
        )

    work.lines = apply_paid(work.lines, {p.line_id: p.amount for p in inputs.paid}, withdrawn)
    due = money_sum(line.due for line in work.lines if line.kind not in _NOT_WAGES)
    if due >= 0:
        return ZERO
    work.add(
        "paid#to-recovery",
        CollectionLineKind.TO_RECOVERY,
        -due,
        label("此前多发部分转入待扣回", "overpaid by the earlier run, carried to recovery"),
        [
            _step(
                "paid.overpaid",
                label(
                    "重算后少于已发：差额按上限从工资中扣回，不一次扣清",
                    "the re-run pays less than was paid: the difference is recovered under "
                    "the cap, not all at once",
                ),
                {"due": due},
                -due,
                "WPP 16",
            )
        ],
    )
    return -due


def settle_month(
    policy: CollectionPolicy,
    period: Period,
    receivables: Receivables,
    inputs: CollectionInputs,
) -> CollectionStatement:
    """The collection statement of ``inputs.employee`` for the month ``period``, by the
    rules in the module documentation.

    Args:
        policy: the collection policy; each invoice is settled under the version in force
            on its issue date, portfolio rules under the one in force on the month's last
            day.
        period: the month (a :class:`~hrpolicy.core.period.Period` with a month).
        receivables: every invoice of the customers concerned, with payments, reversals,
            credit notes and write-offs; events after the month's last day are ignored.
        inputs: the salesperson's facts for the month, with ``state`` — the previous
            statement's ``state_out`` (the empty state for the first month).

    Returns:
        A :class:`~hrpolicy.collection.results.CollectionStatement`; its ``state_out``
        is the next month's ``state``.

    Raises:
        InvalidTypeError: an argument is of the wrong type.
        InvalidValueError: ``period`` is a year; facts contradict each other (a state
            account for an invoice not the salesperson's or not yet issued, a milestone
            after the month, an expense outside it, a payment above what is owed without
            a reason, a reversal above its payment…); or the policy needs a fact
            ``inputs`` lacks (the target completion for a completion × collection
            matrix, the wage and minimum wage when a clawback is to be recovered).
        NotCoveredError: no policy version covers the month or an invoice's issue date.

    Example:
        >>> from hrpolicy.collection import Invoice, MatchingRule, Payment
        >>> from hrpolicy.collection.examples import proportional_policy
        >>> receivables = Receivables(
        ...     invoices=(
        ...         Invoice(invoice_id="A-01", customer="ACME", salesperson="li",
        ...                 issued_on=date(2024, 1, 10), amount=Decimal(100000),
        ...                 commission=Decimal(3000), credit_days=30),
        ...     ),
        ...     matching=MatchingRule.BY_INVOICE,
        ...     payments=(
        ...         Payment(payment_id="P1", invoice_id="A-01",
        ...                 received_on=date(2024, 2, 5), amount=Decimal(40000)),
        ...     ),
        ... )
        >>> february = settle_month(proportional_policy(), Period(year=2024, month=2),
        ...                         receivables, CollectionInputs(employee="li"))
        >>> [(line.line_id, line.amount) for line in february.lines]  # 40 % of 3,000
        [('release/A-01', Decimal('1200.00'))]
        >>> march = settle_month(
        ...     proportional_policy(), Period(year=2024, month=3), receivables,
        ...     CollectionInputs(employee="li", state=february.state_out))
        >>> march.total, march.find_line("release/A-01")  # nothing more was collected
        (Decimal('0.00'), None)
        >>> settle_month(proportional_policy(), Period(year=2024), receivables,
        ...              CollectionInputs(employee="li"))
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: period: expected a month (collection
        statements are monthly), got Period 2024
    """
    _check_call(policy, period, receivables)
    _check_person(period, _invoices(receivables), inputs)
    book, carried = _month_ledger(receivables, period.last_day, [inputs.state])
    return _settle(policy, period, receivables, inputs, book, carried=carried)


def _month_ledger(
    receivables: Receivables, day: date, states: Sequence[CollectionState]
) -> tuple[Ledger, CarriedLedger]:
    """The ledger on ``day``, continued from the first ledger the states carry that can
    be (:func:`~hrpolicy.collection.ledger.why_replayed`), else replayed from the first
    day: the same figures either way."""
    tried: list[CarriedLedger] = []
    for state in states:
        carried = state.ledger
        if carried is None or any(carried is t for t in tried):
            continue
        tried.append(carried)
        if why_replayed(receivables, day, carried) is None:
            return carried_ledger(receivables, day, carried)
    return carried_ledger(receivables, day)


def _invoices(receivables: Receivables) -> dict[str, Invoice]:
    return {invoice.invoice_id: invoice for invoice in receivables.invoices}


def settle_team(
    policy: CollectionPolicy,
    period: Period,
    receivables: Receivables,
    inputs: Sequence[CollectionInputs],
) -> tuple[CollectionStatement, ...]:
    """Every listed salesperson's statement for ``period``, ordered by employee. The
    receivables' ledger is read once for all of them (the costly part of a month),
    going on from the first ledger carried in their states that still holds; each
    statement equals :func:`settle_month`'s for the same person.

    Args:
        policy: the collection policy, as for :func:`settle_month`.
        period: the month, as for :func:`settle_month`.
        receivables: every invoice of the customers concerned, with their events, as for
            :func:`settle_month`.
        inputs: one :class:`~hrpolicy.collection.model.CollectionInputs` per salesperson
            (a list or tuple), each with its own carried state; employees are unique.

    Returns:
        The statements as a tuple, ordered by employee.

    Raises:
        InvalidTypeError: an argument is of the wrong type, or ``inputs`` is not a list
            or tuple of :class:`~hrpolicy.collection.model.CollectionInputs`.
        InvalidValueError: an employee is listed twice (the second is named), or what
            :func:`settle_month` refuses; an error about one person's facts names the
            entry (``inputs[1](wang).…``).
        NotCoveredError: no policy version covers the month or an invoice's issue date.

    Example:
        >>> from hrpolicy.collection import Invoice, MatchingRule, Payment
        >>> from hrpolicy.collection.examples import proportional_policy
        >>> def sale(invoice_id: str, salesperson: str) -> Invoice:
        ...     return Invoice(invoice_id=invoice_id, customer="ACME",
        ...                    salesperson=salesperson, issued_on=date(2024, 1, 10),
        ...                    amount=Decimal(10000), commission=Decimal(500),
        ...                    credit_days=30)
        >>> receivables = Receivables(
        ...     invoices=(sale("A-01", "wang"), sale("A-02", "li")),
        ...     matching=MatchingRule.FIFO,
        ...     payments=(Payment(payment_id="P1", customer="ACME",
        ...                       received_on=date(2024, 2, 1), amount=Decimal(15000)),),
        ... )
        >>> team = settle_team(
        ...     proportional_policy(), Period(year=2024, month=2), receivables,
        ...     [CollectionInputs(employee="wang"), CollectionInputs(employee="li")])
        >>> [(s.employee, s.total) for s in team]  # oldest first: A-01 in full, half of A-02
        [('li', Decimal('250.00')), ('wang', Decimal('500.00'))]
        >>> settle_team(proportional_policy(), Period(year=2024, month=2), receivables,
        ...             [CollectionInputs(employee="li")] * 2)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: inputs[1]: expected a unique employee, got
        str 'li'
    """
    _check_call(policy, period, receivables)
    people = arguments(inputs, CollectionInputs, "inputs")
    require_unique([p.employee for p in people], "inputs", "employee")
    book, carried = _month_ledger(receivables, period.last_day, [p.state for p in people])
    invoices = _invoices(receivables)
    statements = {}
    index, person = 0, None
    try:  # one handler around the loop; an error names the person it came from
        for index, person in enumerate(people):  # noqa: B007 - read by the handler
            _check_person(period, invoices, person)
            statements[person.employee] = _settle(
                policy, period, receivables, person, book, carried=carried
            )
    except HRPolicyError as error:
        who = person.employee if person is not None else "?"
        raise prefixed(error, f"inputs[{index}]({who}).") from error
    return tuple(statements[name] for name in sorted(statements))


def _settle(
    policy: CollectionPolicy,
    period: Period,
    receivables: Receivables,
    inputs: CollectionInputs,
    book: Ledger,
    *,
    carried: CarriedLedger,
) -> CollectionStatement:
    day = period.last_day
    positions = book.for_salesperson(inputs.employee)
    version = policy.version_on(day)
    work = _Work()
    work.add_step(
        _step(
            "policy.version",
            label(
                "制度版本：发票按开票日，组合规则按月末",
                "policy versions: each invoice by its issue date, portfolio rules by the "
                "month's last day",
            ),
            {
                "month": str(period),
                "version": version.version,
                "reference": version.reference or None,
                "invoices": len(positions),
            },
            version.version,
        )
    )
    overdue = _overdue(version, positions, day, work)
    matrix = _matrix(version, positions, period, inputs, work)
    factor = _portfolio_factor(overdue, matrix)
    accounts, rise = _releases(policy, positions, inputs.state, factor, work)
    if factor != 1 and rise:
        gross, kept = round_money(rise), round_money(rise * factor)
        work.find(
            "coefficient_cut",
            rules=Label(
                "、".join(
                    zh
                    for zh, rule in (
                        ("逾期系数", version.overdue),
                        ("完成率×回款率矩阵", version.matrix),
                    )
                    if rule
                ),
                ", ".join(
                    en
                    for en, rule in (
                        ("the overdue index", version.overdue),
                        ("the completion × collection matrix", version.matrix),
                    )
                    if rule
                ),
            ),
            gross=gross,
            factor=factor,
            kept=kept,
            cut=money_sum((gross, -kept)),
            overdue_multiplier=overdue.multiplier if overdue is not None else None,
            matrix_coefficient=matrix.coefficient if matrix is not None else None,
        )
    holdings, to_recover = _reserve_and_recovery(version, period, inputs, work)
    milestones = _milestones(version, inputs, work)
    advances = _expenses(version, positions, day, inputs, work)
    to_recover = money_sum((to_recover, _apply_paid(inputs, work)))
    to_recover = _recover_from_wage(to_recover, period, inputs, work)
    _law_over_policy(version, book, positions, period, inputs, receivables, work)
    state_out = CollectionState(
        accounts=tuple(accounts),
        reserve=money_sum(h.amount for h in holdings),
        reserve_parts=holdings,
        to_recover=round_money(to_recover),
        milestones_paid=milestones,
        advances=advances,
        ledger=carried,
    )
    return CollectionStatement(
        policy=policy,
        period=period,
        employee=inputs.employee,
        receivables=receivables,
        inputs=inputs,
        lines=tuple(work.lines),
        steps=tuple(work.steps),
        findings=tuple(work.findings),
        performance=_aging(version, positions, day),
        state_out=state_out,
        overdue=overdue,
        matrix=matrix,
    )
