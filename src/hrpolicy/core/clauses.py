"""One way to audit a clause of an agreement against the law, for every engine.

A :class:`ClauseRule` says what the law makes of one kind of clause in one setting (a bond
agreement; a labour contract, part-time labour or labour service): its :class:`Verdict`,
the finding to report, what the law allows instead and the articles. :func:`audit_clause`
applies a rule to a clause of an agreement: it records one explanation step (the clause,
its kind, the verdict, the articles), reports the rule's finding about the clause, and
returns a :class:`ClauseVerdict` — the audit as data, one row per clause.

The bond engine audits the other clauses of a bond agreement this way, and the charges
engine every charge an agreement puts on a worker.

>>> from hrpolicy.core.explain import Catalog, FindingSpec, Severity, Trail
>>> from hrpolicy.core.label import label
>>> from hrpolicy.law.provisions import provision as p
>>> spec = FindingSpec(Severity.VIOLATION, "第{ref}条押金违法", "clause {ref}: deposit unlawful")
>>> trail = Trail(Catalog("demo.clauses", {"deposit_unlawful": spec}))
>>> rule = ClauseRule(
...     Verdict.UNLAWFUL,
...     "deposit_unlawful",
...     label("全额退还", "returned in full"),
...     (p("LCL 9"), p("LCL 84(2)")),
... )
>>> verdict = audit_clause("4", "deposit", rule, trail)
>>> verdict.verdict.value, verdict.articles, trail.explanation().codes()
('unlawful', ('LCL 9', 'LCL 84(2)'), ('deposit_unlawful',))
"""

from __future__ import annotations

from typing import Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.explain import FindingValue, Trail
from hrpolicy.core.label import Label, label
from hrpolicy.core.records import Column, ColumnType
from hrpolicy.law.provisions import Provision

__all__ = [
    "VERDICT_COLUMNS",
    "VERDICT_LABELS",
    "ClauseRule",
    "ClauseVerdict",
    "Verdict",
    "audit_clause",
]


class Verdict(Choice):
    """What the law makes of a clause.

    - ``LAWFUL`` — it stands as agreed;
    - ``LIMITED`` — lawful in itself, but what it yields is limited by law (to the loss
      actually proven, to the wage-deduction cap, to the statutory caps of a bond);
    - ``CONTESTED`` — practice is split and an explicit option let it stand;
    - ``VOID`` — it has no effect (a penalty LCL 25 forbids, a termination condition
      Regs 13 forbids);
    - ``UNLAWFUL`` — it is prohibited: what was taken under it is given back, and the
      employer may be sanctioned (a deposit, holding documents, a fine).
    """

    LAWFUL = "lawful"
    LIMITED = "limited"
    CONTESTED = "contested"
    VOID = "void"
    UNLAWFUL = "unlawful"

    @property
    def stands(self) -> bool:
        """Whether the clause has any effect (lawful, limited or contested)."""
        return self in (Verdict.LAWFUL, Verdict.LIMITED, Verdict.CONTESTED)


#: Each verdict in both languages.
VERDICT_LABELS: Final = {
    Verdict.LAWFUL: label("有效", "lawful"),
    Verdict.LIMITED: label("有效但受法定限制", "lawful, limited by law"),
    Verdict.CONTESTED: label("有争议（按选项有效）", "contested (stands by option)"),
    Verdict.VOID: label("无效", "void"),
    Verdict.UNLAWFUL: label("违法", "unlawful"),
}


@attrs.frozen
class ClauseRule:
    """What the law makes of one kind of clause in one setting: the ``verdict``, the
    catalog ``finding`` to report (``None`` when there is nothing to say), what the law
    allows ``instead`` and the ``citations`` that decide it."""

    verdict: Verdict
    finding: str | None
    instead: Label
    citations: tuple[Provision, ...]


@attrs.frozen
class ClauseVerdict:
    """The audit of one clause: its ``ref`` in the agreement, its ``kind``, the verdict,
    the finding reported, what the law allows instead and the articles."""

    ref: str
    kind: str
    verdict: Verdict
    finding: str | None
    instead: Label
    citations: tuple[Provision, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the provisions that decide the verdict."""
        return tuple(c.id for c in self.citations)

    def cells(self, locale: str = "en") -> tuple[object, ...]:
        """The verdict as the cells of :data:`VERDICT_COLUMNS`, in ``locale``: the kind,
        the verdict, whether the clause stands, the finding, what the law allows instead
        and the articles."""
        cited = "; ".join(c.cite(locale) for c in self.citations) or None
        return (
            self.kind,
            self.verdict.value,
            self.verdict.stands,
            self.finding,
            self.instead.in_locale(locale),
            cited,
        )


#: The columns of a clause-audit table after its own keys (the agreement or worker, the
#: clause's ref): one row per :class:`ClauseVerdict`, filled by :meth:`ClauseVerdict.cells`.
VERDICT_COLUMNS: Final = (
    Column("kind", ColumnType.TEXT, "the clause's kind"),
    Column("verdict", ColumnType.TEXT, "the Verdict value (lawful, limited, contested, void…)"),
    Column("stands", ColumnType.BOOL, "whether the clause has any effect"),
    Column("finding", ColumnType.TEXT, "the code of the finding reported on it (None: none)"),
    Column("instead", ColumnType.TEXT, "what the law allows instead, in the locale"),
    Column("citation", ColumnType.TEXT, "the articles that decide it, in the locale"),
)


def audit_clause(
    ref: str, kind: str, rule: ClauseRule, trail: Trail, **params: FindingValue
) -> ClauseVerdict:
    """Apply ``rule`` to the clause ``ref`` of kind ``kind``: record the step
    ``clause.<kind>`` (inputs: the clause and its kind; output: the verdict; the rule's
    citations), report the rule's finding about the clause with ``ref`` and ``params``,
    and return the verdict as data."""
    shown = VERDICT_LABELS[rule.verdict]
    trail.step(
        f"clause.{kind}",
        label(f"条款{ref}：{shown.zh_CN}", f"clause {ref}: {shown.en}"),
        {"clause": ref, "kind": kind, "instead": rule.instead},
        rule.verdict.value,
        *rule.citations,
    )
    if rule.finding is not None:
        trail.find(rule.finding, subject=ref, ref=ref, **params)
    return ClauseVerdict(ref, kind, rule.verdict, rule.finding, rule.instead, rule.citations)
