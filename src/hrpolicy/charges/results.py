"""What the charges engine returns: one worker's charges settled as of one day — every
clause's verdict, what each incident lets the employer claim, what becomes of each sum
taken, what must be given back now and how the rest may be recovered — an immutable
snapshot that explains itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from hrpolicy.charges.model import ChargeCase, Means, Relationship
from hrpolicy.charges.policy import ChargePolicy, PenaltyAndLoss
from hrpolicy.core.choice import Choice
from hrpolicy.core.clauses import VERDICT_COLUMNS, VERDICT_LABELS, ClauseVerdict, Verdict
from hrpolicy.core.convert import write_in_full
from hrpolicy.core.display import Displayable, SummaryValue, View, amount
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.explain import Explanation, Finding
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.records import (
    FINDING_PARAMS,
    FINDINGS,
    STEP_INPUTS,
    STEPS,
    Column,
    ColumnType,
    Table,
    TableSchema,
    explanation_tables,
    tables_of,
)
from hrpolicy.core.recovery import RECOVERY_MONTHS, RecoverySchedule

__all__ = [
    "CHARGE_CLAIMS",
    "CHARGE_CLAUSES",
    "CHARGE_LINES",
    "CHARGE_RECOVERY",
    "CHARGE_TAKINGS",
    "CHARGE_TOTALS",
    "RELATIONSHIPS",
    "RESULT_TABLES",
    "RETURN_REASONS",
    "ChargeLine",
    "ChargeSettlement",
    "IncidentClaim",
    "ReturnReason",
    "TakingOutcome",
]


class ReturnReason(Choice):
    """What became of a sum the employer took.

    - ``DEPOSIT`` — a deposit, or a draw on one: under a labour relationship the deposit
      comes back whole (LCL 9, 84(2)); under labour service it comes back less what is
      set off against a lawful claim (CC 568(1));
    - ``UNLAWFUL_CHARGE`` — taken under a void or unlawful clause: given back in full;
    - ``OVER_CAP`` — deducted from wages beyond the pay period's cap (WPP 16): the
      excess is given back;
    - ``BEYOND_CLAIM`` — taken under a lawful clause beyond what the incident lets the
      employer claim (or for no incident the clause is due for): the excess is given back;
    - ``APPLIED`` — all of it applied to a lawful claim.
    """

    DEPOSIT = "deposit"
    UNLAWFUL_CHARGE = "unlawful_charge"
    OVER_CAP = "over_cap"
    BEYOND_CLAIM = "beyond_claim"
    APPLIED = "applied"


#: Each reason in both languages.
RETURN_REASONS: Final[Mapping[ReturnReason, Label]] = {
    ReturnReason.DEPOSIT: Label("押金", "deposit"),
    ReturnReason.UNLAWFUL_CHARGE: Label(
        "违法或无效条款下收取", "taken under a void or unlawful clause"
    ),
    ReturnReason.OVER_CAP: Label("超过工资扣除上限", "deducted beyond the cap"),
    ReturnReason.BEYOND_CLAIM: Label("超过可主张的金额", "taken beyond the lawful claim"),
    ReturnReason.APPLIED: Label("抵充合法请求", "applied to a lawful claim"),
}
#: Each relationship in both languages.
RELATIONSHIPS: Final[Mapping[Relationship, Label]] = {
    Relationship.LABOUR_CONTRACT: Label("劳动合同（全日制）", "labour contract (full-time)"),
    Relationship.PART_TIME: Label("非全日制用工", "part-time labour"),
    Relationship.LABOUR_SERVICE: Label("劳务关系", "labour service"),
}


@attrs.frozen
class ChargeLine:
    """One clause due for one incident: the clause's ``ref`` and ``kind``, the incident's
    id, what the clause ``asked`` (``None``: "compensate all losses" with no loss
    proven), what the law lets the employer claim under it (``allowed``) and the
    clause's ``verdict``."""

    clause: str
    kind: str
    incident: str
    asked: Decimal | None
    allowed: Decimal
    verdict: Verdict


@attrs.frozen
class IncidentClaim:
    """What one incident lets the employer claim: the loss proven (``None``: none) and
    the worker's ``liability`` share of it, ``loss_allowed`` (proven × liability, to the
    fen), ``penalties_allowed`` (the lawful penalties due for it), and ``claimable`` —
    their larger or their sum, as ``rule`` says."""

    incident: str
    proven_loss: Decimal | None
    liability: Rate
    loss_allowed: Decimal
    penalties_allowed: Decimal
    claimable: Decimal
    rule: PenaltyAndLoss


@attrs.frozen
class TakingOutcome:
    """What becomes of one sum taken: its id, clause and means, the ``amount`` taken and
    what was already given back (``returned_before``), what of it is ``applied`` to a
    lawful claim (a deposit set off, under labour service, included), what is owed back
    now (``to_return``) and why (``reason``: the reason for the sum owed back, or
    ``applied`` when nothing is)."""

    taking: str
    clause: str
    means: Means
    amount: Decimal
    returned_before: Decimal
    applied: Decimal
    to_return: Decimal
    reason: ReturnReason


@attrs.frozen
class ChargeSettlement(Displayable):
    """One worker's charges settled as of ``as_of``.

    - ``case`` — the case settled (read back from plain data, the settlement is computed
      afresh from it and its ``policy``, and refused where a stored figure differs);
      ``relationship``, ``as_of`` and ``worker_id`` are the case's, ``policy`` the options
      settled under (the case's own, or a what-if's);
    - ``clauses`` — one verdict per clause of the agreement, by ref;
    - ``lines`` — each clause due for each incident, with what it asks and what the law
      allows under it; ``claims`` — per incident what may be claimed;
    - ``takings`` — per sum taken what becomes of it;
    - ``recovery`` — how the outstanding claim is recovered from pay periods still to
      come while a labour relationship runs (``None`` under labour service, with nothing
      outstanding, or with no pay period to come).

    Totals (CNY): ``deposits_to_return`` and ``unlawful_to_return`` (fines, void charges,
    over-cap deductions, money beyond the claim) make ``to_return``, owed back now;
    ``compensation_due`` — non-compete compensation unpaid; ``claimable`` the incidents'
    claims, ``applied`` what was taken and applied to them, ``outstanding`` their
    difference, which is ``scheduled`` (recovered by the schedule) + ``carried`` (left
    after it while employed) + ``claim`` (to pursue as a claim: the worker has left, or
    labour service).
    """

    case: ChargeCase
    relationship: Relationship
    policy: ChargePolicy
    as_of: date
    worker_id: str
    clauses: tuple[ClauseVerdict, ...]
    lines: tuple[ChargeLine, ...]
    claims: tuple[IncidentClaim, ...]
    takings: tuple[TakingOutcome, ...]
    recovery: RecoverySchedule | None
    deposits_to_return: Decimal
    unlawful_to_return: Decimal
    to_return: Decimal
    compensation_due: Decimal
    claimable: Decimal
    applied: Decimal
    outstanding: Decimal
    scheduled: Decimal
    carried: Decimal
    claim: Decimal
    explanation: Explanation

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, in order."""
        return self.explanation.findings

    def clause(self, ref: str) -> ClauseVerdict:
        """The verdict on clause ``ref``; another ref is a
        :class:`~hrpolicy.core.errors.InvalidValueError` listing the refs."""
        for verdict in self.clauses:
            if verdict.ref == ref:
                return verdict
        raise InvalidValueError("ref", "one of " + ", ".join(c.ref for c in self.clauses), ref)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row), ``clauses``, ``lines``, ``claims``, ``takings``,
        ``recovery`` (one row per pay period of the schedule), then the explanation
        tables, every row starting with the worker's id. See :data:`RESULT_TABLES`."""
        worker = self.worker_id
        own = {
            "totals": Table.build(CHARGE_TOTALS, [_totals_row(self)]),
            "clauses": Table.build(
                CHARGE_CLAUSES,
                [(worker, c.ref, *c.cells(locale)) for c in self.clauses],
            ),
            "lines": Table.build(
                CHARGE_LINES,
                [
                    (
                        worker,
                        ln.clause,
                        ln.kind,
                        ln.incident,
                        ln.asked,
                        ln.allowed,
                        ln.verdict.value,
                    )
                    for ln in self.lines
                ],
            ),
            "claims": Table.build(
                CHARGE_CLAIMS,
                [
                    (
                        worker,
                        c.incident,
                        c.proven_loss,
                        c.liability.value,
                        c.loss_allowed,
                        c.penalties_allowed,
                        c.claimable,
                        c.rule.value,
                    )
                    for c in self.claims
                ],
            ),
            "takings": Table.build(
                CHARGE_TAKINGS,
                [
                    (
                        worker,
                        t.taking,
                        t.clause,
                        t.means.value,
                        t.amount,
                        t.returned_before,
                        t.applied,
                        t.to_return,
                        t.reason.value,
                    )
                    for t in self.takings
                ],
            ),
            "recovery": Table.build(CHARGE_RECOVERY, self._recovery_rows()),
        }
        explained = explanation_tables(
            self.explanation, keys=(_WORKER,), values=(worker,), locale=locale
        )
        return tables_of(own, explained)

    def _recovery_rows(self) -> list[tuple[object, ...]]:
        """The schedule's months as the recovery schedule writes them, keyed by the
        worker, each with its pay period's first and last day."""
        if self.recovery is None:
            return []
        periods = {period.label: period for period in self.case.pay_periods}
        rows: list[tuple[object, ...]] = []
        for m in self.recovery.months:
            period = periods[m.month]
            rows.append(
                (
                    self.worker_id,
                    m.month,
                    period.start,
                    period.end,
                    m.wage,
                    m.minimum_wage,
                    m.cap,
                    m.already_deducted,
                    m.recovered,
                    m.remaining,
                )
            )
        return rows

    def _view(self) -> View:
        rows: list[tuple[Label, SummaryValue]] = [
            (Label("劳动者", "worker"), self.worker_id),
            (Label("关系", "relationship"), RELATIONSHIPS[self.relationship]),
            (Label("结算日", "as of"), self.as_of),
            *(
                (
                    Label(f"条款 {c.ref}", f"clause {c.ref}"),
                    VERDICT_LABELS[c.verdict],
                )
                for c in self.clauses
            ),
            (Label("应退押金", "deposits to return"), amount(self.deposits_to_return)),
            (Label("应退违法收取", "unlawfully taken, to return"), amount(self.unlawful_to_return)),
            (Label("现应退还合计", "to return now"), amount(self.to_return)),
        ]
        if self.compensation_due:
            rows.append(
                (
                    Label("未付竞业限制补偿", "non-compete compensation unpaid"),
                    amount(self.compensation_due),
                )
            )
        rows += [
            (Label("可主张", "claimable"), amount(self.claimable)),
            (Label("已抵充", "applied"), amount(self.applied)),
            (Label("尚未收回", "outstanding"), amount(self.outstanding)),
            (Label("从工资扣回计划", "scheduled from wages"), amount(self.scheduled)),
            (Label("结转", "carried"), amount(self.carried)),
            (Label("另行主张", "to claim"), amount(self.claim)),
        ]
        return View(
            Label("劳动者费用与扣款结算", "Charges on a worker settled"),
            tuple(rows),
            self.explanation,
        )


# --- tables ----------------------------------------------------------------------------


_WORKER: Final = Column("worker", ColumnType.TEXT, "the worker's id")


def _money(name: str, doc: str) -> Column:
    return Column(name, ColumnType.MONEY, doc)


def _text(name: str, doc: str) -> Column:
    return Column(name, ColumnType.TEXT, doc)


#: The totals of a settlement: one row.
CHARGE_TOTALS: Final = TableSchema(
    "totals",
    (
        _WORKER,
        _text("relationship", "the Relationship value"),
        Column("as_of", ColumnType.DATE, "the day of the settlement"),
        _text("policy", "the options in force (their summary, in English)"),
        _money("deposits_to_return", "deposits owed back now"),
        _money(
            "unlawful_to_return", "fines, void charges, over-cap deductions, money beyond the claim"
        ),
        _money("to_return", "owed back now: deposits + unlawfully taken"),
        _money("compensation_due", "non-compete compensation unpaid"),
        _money("claimable", "what the incidents let the employer claim"),
        _money("applied", "what was taken and applied to those claims"),
        _money("outstanding", "claimable − applied"),
        _money("scheduled", "recovered from pay periods to come, under the cap"),
        _money("carried", "left after the schedule while employed"),
        _money("claim", "to pursue as a claim (the worker has left, or labour service)"),
    ),
    "one row: the settlement's totals",
)
#: The verdict on each clause, by ref.
CHARGE_CLAUSES: Final = TableSchema(
    "clauses",
    (
        _WORKER,
        _text("clause", "the clause's ref"),
        *VERDICT_COLUMNS,
    ),
    "one row per clause, by ref",
)
#: Each clause due for each incident.
CHARGE_LINES: Final = TableSchema(
    "lines",
    (
        _WORKER,
        _text("clause", "the clause's ref"),
        _text("kind", "the clause's kind"),
        _text("incident", "the incident's id"),
        _money("asked", "what the clause asks (None: all losses, none proven)"),
        _money("allowed", "what the law lets the employer claim under it"),
        _text("verdict", "the clause's Verdict value"),
    ),
    "one row per clause due for an incident, incidents by day then id",
)
#: What each incident lets the employer claim.
CHARGE_CLAIMS: Final = TableSchema(
    "claims",
    (
        _WORKER,
        _text("incident", "the incident's id"),
        _money("proven_loss", "the loss proven (None: none)"),
        Column("liability", ColumnType.DECIMAL, "the worker's share of the loss (0.5: half)"),
        _money("loss_allowed", "proven loss × liability, to the fen"),
        _money("penalties_allowed", "the lawful penalties due for the incident"),
        _money("claimable", "what may be claimed for it"),
        _text("rule", "not_cumulated (the larger) or cumulated (the sum)"),
    ),
    "one row per incident, by day then id",
)
#: What becomes of each sum taken.
CHARGE_TAKINGS: Final = TableSchema(
    "takings",
    (
        _WORKER,
        _text("taking", "the taking's id"),
        _text("clause", "the clause it was taken under"),
        _text("means", "the Means value"),
        _money("amount", "the amount taken"),
        _money("returned_before", "what was already given back"),
        _money("applied", "what is applied to a lawful claim"),
        _money("to_return", "what is owed back now"),
        _text("reason", "the ReturnReason value"),
    ),
    "one row per taking, by day then id",
)
#: What the recovery schedule's columns hold for a pay period of the charges engine.
_RECOVERY_DOCS: Final = {
    "month": "the pay period's label (2026-03 for a calendar month, else start..end)",
    "period_start": "the pay period's first day",
    "period_end": "the pay period's last day",
    "minimum_wage": "the floor a deduction may not break: the monthly minimum wage, or for "
    "part-time labour the period's hours at the hourly minimum wage (rounded up to the fen)",
    "already_deducted": "lawful deductions already made in the period and applied to a claim",
}
#: The recovery schedule: one row per pay period still to come — the columns of
#: :data:`hrpolicy.core.recovery.RECOVERY_MONTHS`, keyed by the worker.
CHARGE_RECOVERY: Final = TableSchema(
    "recovery",
    (
        _WORKER,
        *(attrs.evolve(c, doc=_RECOVERY_DOCS.get(c.name, c.doc)) for c in RECOVERY_MONTHS.columns),
    ),
    "one row per pay period of the schedule, in order",
)

#: Every table of the result, in the order :meth:`ChargeSettlement.tables` gives them.
RESULT_TABLES: Final[Mapping[type, tuple[TableSchema, ...]]] = {
    ChargeSettlement: (
        CHARGE_TOTALS,
        CHARGE_CLAUSES,
        CHARGE_LINES,
        CHARGE_CLAIMS,
        CHARGE_TAKINGS,
        CHARGE_RECOVERY,
        *(s.keyed((_WORKER,)) for s in (STEPS, STEP_INPUTS, FINDINGS, FINDING_PARAMS)),
    ),
}


def _totals_row(s: ChargeSettlement) -> tuple[object, ...]:
    return (
        s.worker_id,
        s.relationship.value,
        s.as_of,
        s.policy.summary().en,
        s.deposits_to_return,
        s.unlawful_to_return,
        s.to_return,
        s.compensation_due,
        s.claimable,
        s.applied,
        s.outstanding,
        s.scheduled,
        s.carried,
        s.claim,
    )


# Parts of results: written with every field, null where missing.
write_in_full(ChargeLine, IncidentClaim, TakingOutcome, ClauseVerdict)
