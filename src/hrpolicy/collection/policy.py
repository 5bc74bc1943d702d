"""A collection policy as data: when commission is released as cash comes in, what cuts
it, what is held in reserve, what milestones pay, and the clauses the law overrides.

A :class:`CollectionPolicy` has effective-dated :class:`CollectionVersion` objects (no
overlaps). An invoice's **release rule** and **days-to-collect table** are those of the
version in force on the invoice's issue date (the terms it was sold under); the
**portfolio coefficients**, the **reserve**, **milestones**, the **expense advance** and
the clauses checked against the law are those of the version in force on the statement's
last day.

Release rules (the share of an invoice's commission released, by ``kind``):

- :class:`OnInvoice` (``on_invoice``) — all of it on invoicing; returns and bad debts
  claw it back;
- :class:`Proportional` (``proportional``) — in proportion to the share collected
  (按回款率结算);
- :class:`FullCollection` (``full_collection``) — nothing until the invoice is fully
  collected (全款回笼);
- :class:`Staged` (``staged``) — a band table from the share collected to the share
  released (e.g. 80 % → 50 %, 95 % → 80 %, 100 % → 100 %).

Coefficients:

- :class:`DaysToCollect` — each collected portion times the coefficient for its days from
  issue (or from the due date) to payment, e.g. ≤ 15 days ×1.1 … > 150 days ×0.1;
- :class:`OverdueIndex` — a multiplier for the salesperson's weighted overdue index
  Σ(overdue amount × days overdue) ÷ Σ(receivable × credit days), a band at 0 above a
  threshold zeroing the release;
- :class:`CompletionMatrix` — target completion × collection rate → coefficient.

Every rule carries the ``clause`` of the company rule that adopts it (劳部发〔1995〕226号
Art. 3: a reduction is lawful only when a written rule provides it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Final, cast

import attrs

from hrpolicy.core.bands import BandTable, Semantics, Side, band_value
from hrpolicy.core.checked import IntSpec
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import register_tagged_union
from hrpolicy.core.errors import InvalidTypeError, PolicyDefinitionError
from hrpolicy.core.fields import (
    NonNegativeMoney,
    Text,
    enum_argument,
    parse_date,
    policy_checked,
    policy_errors,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label
from hrpolicy.core.money import EXACT, Rate
from hrpolicy.core.versions import check_dates, ordered_versions, version_on

__all__ = [
    "MILESTONE_LABELS",
    "SINGLE_PART",
    "CollectionPolicy",
    "CollectionVersion",
    "CompletionMatrix",
    "DaysFrom",
    "DaysToCollect",
    "ExpenseAdvance",
    "FullCollection",
    "MilestoneAward",
    "MilestoneKind",
    "OnInvoice",
    "OverdueIndex",
    "Proportional",
    "ReleaseRule",
    "ReserveHorizon",
    "ReservePart",
    "RiskReserve",
    "Staged",
]


def _check_table(path: str, table: BandTable, *, start: Decimal, unbounded: bool) -> None:
    """A coefficient table must start at ``start`` (inclusive), pay no negative values,
    and, when ``unbounded``, cover every larger value."""
    first = table.bands[0]
    require(
        first.lower == start and first.lower_closed,
        f"{path}.bands[0]",
        f"a first band starting at {start} (included)",
        first.describe(),
    )
    if unbounded:
        require(
            table.bands[-1].upper is None,
            f"{path}.bands[-1].upper",
            "None: the table must cover every larger value",
            table.bands[-1].upper,
        )
    for index, band in enumerate(table.bands):
        require(band.value >= 0, f"{path}.bands[{index}].value", "0 or more", band.value)
        require(band.lump_sum == 0, f"{path}.bands[{index}].lump_sum", "0", band.lump_sum)


def _share(value: object, field: str) -> Decimal:
    """A share written as a number or a rate (``"0.8"``, ``"80%"``), in its shortest form
    (``"50%"`` reads as 0.5, ``"100%"`` as 1)."""
    share = band_value(value, field)
    if share == share.to_integral_value():
        return share.quantize(Decimal(1), context=EXACT)
    return share.normalize(EXACT)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OnInvoice:
    """Release the whole commission on invoicing; credit notes and write-offs claw back
    the commission on the money they remove, at the invoice's rate."""

    clause: str = ""


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Proportional:
    """Release in proportion to the share of the invoice collected (按回款率结算)."""

    clause: str = ""


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FullCollection:
    """Release nothing until the invoice is fully collected (全款回笼), then all of it."""

    clause: str = ""


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Staged:
    """Release by stages of collection: ``stages`` maps the share collected (0 to 1) to
    the share released; values must not fall and may not exceed 1, and 100 % collected
    must release 100 %.

    Half the commission once 80 % is collected, 80 % of it at 95 %, all of it at 100 %
    (each threshold included). The table needs a last band from 1 on — one value per
    threshold — so that 100 % collected is covered:

    >>> stages = BandTable.from_thresholds(
    ...     [0, "0.8", "0.95", 1], [0, "0.5", "0.8", 1], closed=Side.LOWER,
    ...     semantics=Semantics.WHOLE)
    >>> rule = Staged(stages=stages, clause="回款管理办法 第4条")
    >>> [str(rule.stages.value_at(Decimal(share))) for share in ("0.79", "0.8", "0.95", "1")]
    ['0', '1/2', '4/5', '1']

    :meth:`from_stages` builds the same rule from the stages alone:

    >>> Staged.from_stages([("0.8", "0.5"), ("0.95", "0.8"), (1, 1)],
    ...                    clause="回款管理办法 第4条") == rule
    True

    A table that stops at 1 leaves 100 % collected uncovered, and is refused:

    >>> Staged(stages=BandTable.from_thresholds(
    ...     [0, "0.8", "0.95", 1], [0, "0.5", "0.8"], closed=Side.LOWER,
    ...     semantics=Semantics.WHOLE))
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.PolicyDefinitionError: Staged.stages.bands[-1]: expected a last band
    that includes 100 % collected (give a value for a last band from 1 on), got str '[0.95, 1)'
    """

    stages: BandTable
    clause: str = ""

    @classmethod
    def from_stages(
        cls,
        stages: Sequence[Sequence[Decimal | int | str]]
        | Mapping[Decimal | int | str, Decimal | int | str],
        *,
        clause: str = "",
    ) -> Staged:
        """The staged release of ``stages``: ``(share collected, share released)`` pairs
        (a list of pairs, as loaded from JSON, or a mapping) with ascending shares
        collected above 0 and at most 1; from each share collected on (included) its share
        is released, and below the first nothing. The last share released must be 1.
        Shares are numbers (``"0.8"``) or rates (``"80%"``), as band values are.

        >>> rule = Staged.from_stages({"50%": "40%", 1: 1})
        >>> [(band.describe(), str(band.value)) for band in rule.stages.bands]
        [('[0, 0.5)', '0'), ('[0.5, 1)', '0.4'), ('[1, ∞)', '1')]

        An error names the stage as written (``stages[1]`` is the second pair, the
        second item of a pair the share released):

        >>> Staged.from_stages([("80%", "90%"), (1, "50%")])
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.PolicyDefinitionError: stages[1][1]: expected at least the
        previous stage's 0.9, got str '50%'
        """
        path = "stages"
        # Per stage: where its share collected and its share released were written, and
        # both as given. A mapping's entry is named by its key (the share collected).
        entries: list[tuple[str, str, object, object]] = []
        if isinstance(stages, Mapping):
            for key, value in stages.items():
                where = f"{path}[{key!r}]"
                entries.append((where, where, key, value))
        elif isinstance(stages, (list, tuple)):
            for index, pair in enumerate(stages):
                where = f"{path}[{index}]"
                if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                    raise InvalidTypeError(where, "a (share collected, share released) pair", pair)
                entries.append((f"{where}[0]", f"{where}[1]", pair[0], pair[1]))
        else:
            raise InvalidTypeError(
                path, "a list of (share collected, share released) pairs or a mapping", stages
            )
        collected: list[Decimal] = []
        released: list[Decimal] = []
        with policy_errors():
            require(bool(entries), path, "at least one stage", stages)
            for at_share, at_release, given_share, given_release in entries:
                share = _share(given_share, at_share)
                floor = collected[-1] if collected else Decimal(0)
                require(
                    share > floor,
                    at_share,
                    f"a share collected above {floor} (shares collected ascend from above 0)",
                    given_share,
                )
                require(share <= 1, at_share, "a share collected of at most 1 (100 %)", given_share)
                collected.append(share)
                released.append(_share(given_release, at_release))
        table = BandTable.from_thresholds(
            [Decimal(0), *collected],
            [Decimal(0), *released],
            closed=Side.LOWER,
            semantics=Semantics.WHOLE,
        )
        try:
            return cls(stages=table, clause=clause)
        except PolicyDefinitionError as error:
            # Band k + 1 of the table is the user's stage k; the rule that 100 % collected
            # releases 100 % is about the last stage's share released.
            band = re.fullmatch(r"Staged\.stages\.bands\[(\d+)\]\.value", error.path)
            if band is None and error.path != "Staged.stages":
                raise
            stage = int(band.group(1)) - 1 if band else len(entries) - 1
            _, at_release, _, given_release = entries[stage]
            raise PolicyDefinitionError(at_release, error.expected, given_release) from None

    def __attrs_post_init__(self) -> None:
        path = "Staged.stages"
        _check_table(path, self.stages, start=Decimal(0), unbounded=False)
        require(
            self.stages.semantics is Semantics.WHOLE,
            f"{path}.semantics",
            "'whole' (a lookup of the share released)",
            self.stages.semantics,
        )
        last = self.stages.bands[-1]
        require(
            last.upper is None or (last.upper >= 1 and last.upper_closed),
            f"{path}.bands[-1]",
            "a last band that includes 100 % collected (give a value for a last band from 1 on)",
            last.describe(),
        )
        values = [b.value for b in self.stages.bands]
        require(
            values[0] == 0,
            f"{path}.bands[0].value",
            "0: nothing is released before any money is collected (use OnInvoice for that)",
            values[0],
        )
        for index, value in enumerate(values):
            require(value <= 1, f"{path}.bands[{index}].value", "at most 1 (100 %)", value)
            if index:
                require(
                    value >= values[index - 1],
                    f"{path}.bands[{index}].value",
                    f"at least the previous stage's {values[index - 1]}",
                    value,
                )
        require(
            self.stages.value_at(1) == 1,
            f"{path}",
            "100 % released at 100 % collected",
            self.stages.value_at(1),
        )


#: How an invoice's commission is released.
ReleaseRule = OnInvoice | Proportional | FullCollection | Staged

#: Each release rule's kind, as plain data names it.
_RELEASE_KINDS: Final[dict[type, str]] = {
    OnInvoice: "on_invoice",
    Proportional: "proportional",
    FullCollection: "full_collection",
    Staged: "staged",
}

register_tagged_union(ReleaseRule, _RELEASE_KINDS)


class DaysFrom(Choice):
    """Where days to collect are counted from: the issue date, or the due date (a payment
    before the due date counts as 0 days)."""

    ISSUE = "issue"
    DUE = "due"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DaysToCollect:
    """Each collected portion of an invoice weighs by the coefficient for its days to
    collect; the invoice's release is multiplied by the weighted average coefficient of
    its collected money. ``table`` must start at 0 days and cover every larger number."""

    table: BandTable
    counted_from: DaysFrom = DaysFrom.ISSUE
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        _check_table("DaysToCollect.table", self.table, start=Decimal(0), unbounded=True)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OverdueIndex:
    """Multiply the period's release by ``table``'s value for the salesperson's weighted
    overdue index Σ(overdue amount × days overdue) ÷ Σ(open receivable × credit days); a
    last band of 0 is the zeroing threshold. With nothing open on credit terms but money
    overdue, the index is unbounded and the last band applies."""

    table: BandTable
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        _check_table("OverdueIndex.table", self.table, start=Decimal(0), unbounded=True)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CompletionMatrix:
    """Target completion × collection rate → coefficient on the period's release.

    ``completion`` and ``collection`` are ascending thresholds starting at 0 (the bands
    are ``[t0, t1)``, ``[t1, t2)`` … with the last unbounded); ``coefficients[r][c]`` is
    the value for completion band ``r`` and collection band ``c``.
    """

    completion: tuple[Decimal, ...]
    collection: tuple[Decimal, ...]
    coefficients: tuple[tuple[Decimal, ...], ...]
    clause: str = ""
    _rows: BandTable = attrs.field(init=False, eq=False, repr=False)
    _columns: BandTable = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        path = "CompletionMatrix"
        for name, points in (("completion", self.completion), ("collection", self.collection)):
            require(
                bool(points) and points[0] == 0,
                f"{path}.{name}",
                "thresholds starting at 0",
                points,
            )
        require(
            len(self.coefficients) == len(self.completion),
            f"{path}.coefficients",
            f"{len(self.completion)} rows (one per completion band)",
            len(self.coefficients),
        )
        for index, row in enumerate(self.coefficients):
            require(
                len(row) == len(self.collection),
                f"{path}.coefficients[{index}]",
                f"{len(self.collection)} values (one per collection band)",
                len(row),
            )
            for value in row:
                require(value >= 0, f"{path}.coefficients[{index}]", "values of 0 or more", value)

        def bands(points: tuple[Decimal, ...], name: str) -> BandTable:
            return BandTable.from_thresholds(
                list(points),
                list(range(len(points))),
                closed=Side.LOWER,
                semantics=Semantics.WHOLE,
                name=f"{path}.{name}",
            )

        object.__setattr__(self, "_rows", bands(self.completion, "completion"))
        object.__setattr__(self, "_columns", bands(self.collection, "collection"))

    def coefficient(
        self, completion: Decimal | Fraction, collection_rate: Decimal | Fraction
    ) -> Decimal:
        """The coefficient for a completion and a collection rate (both as fractions)."""
        row = int(self._rows.value_at(completion))
        column = int(self._columns.value_at(collection_rate))
        return self.coefficients[row][column]


class ReserveHorizon(Choice):
    """When a reserve part is released (on departure every part is released at once:
    all wages are paid when the contract ends, WPP Art. 9):

    - ``YEAR_END`` — what is left in December (the single reserve's horizon);
    - ``MONTHS_AFTER`` — each month's withholding ``months`` calendar months after the
      month it was withheld (withheld in March, 6 months: released in September), across
      year ends;
    - ``ON_DEPARTURE`` — held until the salesperson leaves.
    """

    YEAR_END = "year_end"
    MONTHS_AFTER = "months_after"
    ON_DEPARTURE = "on_departure"


#: The id of the one part a reserve written with a single ``rate`` has, and the part a
#: carried balance recorded without parts belongs to.
SINGLE_PART: Final = "reserve"

#: A release horizon in months: up to ten years.
_HorizonMonths = Annotated[int, IntSpec(min_value=1, max_value=120)]


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReservePart:
    """One share of a risk reserve held in parts: ``rate`` of each month's positive
    release is withheld into it and released on its ``horizon`` (``months``: 1 to 120,
    given exactly when the horizon is ``MONTHS_AFTER``).

    Bad-debt netting is per part. ``nets_clawbacks``: commission clawed back (on a bad debt
    written off, a return, a reversed payment) is recovered from this part before the
    wage — lawful, the commission was never earned. ``nets_bad_debt_principal`` records a
    clause that would also take the *principal* of bad debts from the part: that makes
    staff bear bad debts (Chengdu intermediate court, 2025), so it is reported and never
    applied.

    >>> part = ReservePart(part_id="quality", rate=Rate.parse("5%"),
    ...                    horizon=ReserveHorizon.MONTHS_AFTER, months=6)
    >>> part.describe().en
    'quality: 5% of each release, released 6 months after the month withheld'
    >>> ReservePart(part_id="q", rate=Rate.parse("5%"), horizon=ReserveHorizon.MONTHS_AFTER)
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.PolicyDefinitionError: ReservePart(q).months: expected a number of
    months (1 to 120) for a months_after horizon, got None
    """

    part_id: Text
    rate: Rate
    horizon: ReserveHorizon = ReserveHorizon.YEAR_END
    months: _HorizonMonths | None = None
    nets_clawbacks: bool = True
    nets_bad_debt_principal: bool = False
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"ReservePart({self.part_id})"
        require(
            Decimal(0) < self.rate.value < 1,
            f"{path}.rate",
            "a share above 0 and below 100%",
            self.rate,
        )
        if self.horizon is ReserveHorizon.MONTHS_AFTER:
            require(
                self.months is not None,
                f"{path}.months",
                "a number of months (1 to 120) for a months_after horizon",
                self.months,
            )
        else:
            require(
                self.months is None,
                f"{path}.months",
                f"None for a {self.horizon.value} horizon (months count only after withholding)",
                self.months,
            )

    def describe(self) -> Label:
        """The part in words: its id, rate and horizon."""
        rate = str(self.rate)
        if self.horizon is ReserveHorizon.MONTHS_AFTER:
            return Label(
                f"{self.part_id}：每次发放的{rate}，预留月后第{self.months}个月返还",
                f"{self.part_id}: {rate} of each release, released {self.months} months "
                "after the month withheld",
            )
        if self.horizon is ReserveHorizon.ON_DEPARTURE:
            return Label(
                f"{self.part_id}：每次发放的{rate}，离职时返还",
                f"{self.part_id}: {rate} of each release, released on departure",
            )
        return Label(
            f"{self.part_id}：每次发放的{rate}，年末返还",
            f"{self.part_id}: {rate} of each release, released at year end",
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RiskReserve:
    """Withhold a share of each period's positive release (风险金), as one reserve or in
    parts. Clawbacks are recovered from the reserve before wages.

    One reserve: ``rate`` of each release, released in December (what is left after
    clawbacks), with ``nets_bad_debt_principal`` recording a company clause that would
    also take the principal of bad debts from it — it makes staff bear bad debts, which a
    court struck down (Chengdu, 2025), so it is reported and never applied.

    In parts: ``parts`` (instead of ``rate``), each a :class:`ReservePart` with its own
    rate, release horizon and bad-debt netting; their rates add up to less than 100 %.
    Clawbacks are recovered from the parts that net them, in the order listed (within a
    part, the oldest withholding first).

    >>> two = RiskReserve(parts=(
    ...     ReservePart(part_id="year", rate=Rate.parse("6%")),
    ...     ReservePart(part_id="quality", rate=Rate.parse("4%"),
    ...                 horizon=ReserveHorizon.MONTHS_AFTER, months=6, nets_clawbacks=False),
    ... ), clause="提成制度 第8条")
    >>> [part.part_id for part in two.shares()], str(two.total_rate)
    (['year', 'quality'], '10%')

    A single reserve is one part, released at year end and netting clawbacks:

    >>> (only,) = RiskReserve(rate=Rate.parse("10%")).shares()
    >>> only.part_id, only.horizon.value, only.nets_clawbacks
    ('reserve', 'year_end', True)
    """

    rate: Rate | None = None
    nets_bad_debt_principal: bool = False
    clause: str = ""
    parts: tuple[ReservePart, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not self.parts:
            require(
                self.rate is not None,
                "RiskReserve.rate",
                "a rate, or parts (a reserve withholds something)",
                self.rate,
            )
            assert self.rate is not None
            require(
                Decimal(0) < self.rate.value < 1,
                "RiskReserve.rate",
                "a share above 0 and below 100%",
                self.rate,
            )
            return
        require(
            self.rate is None,
            "RiskReserve.rate",
            "None when the reserve is held in parts (each part has its rate)",
            self.rate,
        )
        require(
            not self.nets_bad_debt_principal,
            "RiskReserve.nets_bad_debt_principal",
            "False when the reserve is held in parts (each part states its own netting)",
            self.nets_bad_debt_principal,
        )
        require_unique([p.part_id for p in self.parts], "RiskReserve.parts", "part_id")
        for index, part in enumerate(self.parts):
            require(
                part.part_id != SINGLE_PART,
                f"RiskReserve.parts[{index}].part_id",
                f"an id other than {SINGLE_PART!r} (the single reserve's, which balances "
                "carried without parts belong to)",
                part.part_id,
            )
        total = sum((part.rate.value for part in self.parts), Decimal(0))
        require(
            total < 1,
            "RiskReserve.parts",
            "rates adding up to less than 100%",
            f"{total.normalize(EXACT) * 100}%",
        )

    @property
    def in_parts(self) -> bool:
        """Whether the reserve is held in parts (``False``: one reserve, one rate)."""
        return bool(self.parts)

    @property
    def total_rate(self) -> Rate:
        """The share of each release withheld in all, every part together."""
        if self.rate is not None:
            return self.rate
        total = sum((part.rate.value for part in self.parts), Decimal(0))
        return Rate.parse(f"{(total * 100).normalize(EXACT):f}%")

    def shares(self) -> tuple[ReservePart, ...]:
        """The parts withheld into, in order: the listed parts, or for one reserve the
        single part :data:`SINGLE_PART`, released at year end and netting clawbacks."""
        if self.parts:
            return self.parts
        assert self.rate is not None
        return (
            ReservePart(
                part_id=SINGLE_PART,
                rate=self.rate,
                nets_bad_debt_principal=self.nets_bad_debt_principal,
                clause=self.clause,
            ),
        )


class MilestoneKind(Choice):
    """Milestones of a key-account sale."""

    SAMPLE_CERTIFIED = "sample_certified"  # 样品通过客户认证
    CAPABILITY_AUDIT = "capability_audit"  # 能力评估 / 体系审核通过
    SUPPLIER_LISTED = "supplier_listed"  # 进入合格供应商名录


MILESTONE_LABELS = {
    MilestoneKind.SAMPLE_CERTIFIED: ("样品通过客户认证", "sample certified by the customer"),
    MilestoneKind.CAPABILITY_AUDIT: ("能力评估/体系审核通过", "capability / system audit passed"),
    MilestoneKind.SUPPLIER_LISTED: ("进入合格供应商名录", "admitted to the supplier list"),
}


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MilestoneAward:
    """A one-off award for a milestone, in a range; the figure paid is approved case by
    case within it."""

    kind: MilestoneKind
    low: NonNegativeMoney
    high: NonNegativeMoney
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            self.low <= self.high,
            f"MilestoneAward({self.kind.value}).high",
            f"at least low {self.low}",
            self.high,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ExpenseAdvance:
    """Relationship-building expenses (公关费用) are the company's, but the salesperson
    advances ``share`` of each until a formal agreement with the customer is signed and a
    sale to it follows; then the advance is refunded."""

    share: Rate
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            Decimal(0) < self.share.value < 1,
            "ExpenseAdvance.share",
            "a share above 0 and below 100%",
            self.share,
        )


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectionVersion:
    """The collection policy as in force from ``effective_from`` to ``effective_to``
    (inclusive; ``None``: until replaced, i.e. up to the day before the policy's next
    version starts). ``reference`` names the document that adopts the version (a handbook
    edition, a board resolution); the explanation of every month it settles cites it.

    ``bad_debt_share`` and ``forfeit_after_departure`` record company clauses the law does
    not allow (staff bearing a share of bad-debt principal; no commission on money
    collected after the salesperson leaves): statements report them as violations and
    compute what the law allows.
    """

    version: Text
    effective_from: date
    release: ReleaseRule
    effective_to: date | None = None
    reference: str = ""
    days_to_collect: DaysToCollect | None = None
    overdue: OverdueIndex | None = None
    matrix: CompletionMatrix | None = None
    aging: BandTable | None = None
    reserve: RiskReserve | None = None
    milestones: tuple[MilestoneAward, ...] = ()
    expense_advance: ExpenseAdvance | None = None
    bad_debt_share: Rate | None = None
    forfeit_after_departure: bool = False

    def __attrs_post_init__(self) -> None:
        path = f"CollectionVersion({self.version})"
        check_dates(path, self)
        if self.days_to_collect is not None and isinstance(self.release, OnInvoice):
            raise PolicyDefinitionError(
                f"{path}.days_to_collect",
                "None when commission is released on invoicing (nothing waits for cash)",
                self.days_to_collect,
            )
        if self.aging is not None:
            _check_table(f"{path}.aging", self.aging, start=Decimal(0), unbounded=True)
            for index, band in enumerate(self.aging.bands):
                require(
                    band.value <= 1,
                    f"{path}.aging.bands[{index}].value",
                    "a deduction of at most 100%",
                    band.value,
                )
        require_unique(
            [m.kind.value for m in self.milestones], f"{path}.milestones", "milestone kind"
        )
        if self.bad_debt_share is not None:
            require(
                Decimal(0) < self.bad_debt_share.value <= 1,
                f"{path}.bad_debt_share",
                "a share above 0 and at most 100%",
                self.bad_debt_share,
            )

    def milestone(self, kind: MilestoneKind | str) -> MilestoneAward | None:
        """The award for ``kind``, if the version has one."""
        kind = enum_argument(kind, MilestoneKind, "kind")
        for award in self.milestones:
            if award.kind is kind:
                return award
        return None


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectionPolicy:
    """A collection policy: an id, a name and its effective-dated versions (see
    :mod:`hrpolicy.core.versions`: an open version runs until the next one starts; a gap
    after a closed one means no policy is in force)."""

    policy_id: Text
    name: Text
    versions: tuple[CollectionVersion, ...]
    _ordered: tuple[CollectionVersion, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        ordered = ordered_versions(f"CollectionPolicy({self.policy_id}).versions", self.versions)
        object.__setattr__(self, "_ordered", ordered)

    @classmethod
    def of(
        cls,
        release: ReleaseRule,
        *,
        effective_from: date,
        policy_id: str | None = None,
        name: str | None = None,
        version: str | None = None,
        days_to_collect: DaysToCollect | None = None,
        overdue: OverdueIndex | None = None,
        matrix: CompletionMatrix | None = None,
        aging: BandTable | None = None,
        reserve: RiskReserve | None = None,
        milestones: Sequence[MilestoneAward] = (),
        expense_advance: ExpenseAdvance | None = None,
        bad_debt_share: Rate | None = None,
        forfeit_after_departure: bool = False,
    ) -> CollectionPolicy:
        """A policy of one version, in force from ``effective_from`` until replaced, that
        releases commission by ``release``; the other keywords are the options of
        :class:`CollectionVersion`, checked as there. ``policy_id`` defaults to the release
        rule's kind (``"proportional"``), ``name`` to the id and ``version`` to the start
        date in ISO form.

        >>> policy = CollectionPolicy.of(
        ...     Proportional(clause="回款管理办法 第2条"),
        ...     effective_from=date(2024, 1, 1),
        ...     reserve=RiskReserve(rate=Rate.parse("10%"), clause="第8条"),
        ... )
        >>> policy.policy_id, policy.name, policy.versions[0].version
        ('proportional', 'proportional', '2024-01-01')
        >>> reserve = policy.version_on(date(2030, 6, 30)).reserve
        >>> assert reserve is not None
        >>> reserve.rate
        Rate('10%')

        Raises :class:`~hrpolicy.core.errors.InvalidTypeError` for a ``release`` that is
        not a release rule (or an option of the wrong type), and
        :class:`~hrpolicy.core.errors.PolicyDefinitionError` for options the version
        refuses (days to collect under release on invoicing, an aging table above 100 %…).
        """
        if not isinstance(release, tuple(_RELEASE_KINDS)):
            raise InvalidTypeError(
                "release",
                "a release rule (OnInvoice, Proportional, FullCollection or Staged)",
                release,
            )
        with policy_errors():
            start = parse_date(effective_from, field="effective_from")
        kind = _RELEASE_KINDS[type(release)]
        given = cast("tuple[MilestoneAward, ...]", milestones)
        only = CollectionVersion(
            version=start.isoformat() if version is None else version,
            effective_from=start,
            release=release,
            days_to_collect=days_to_collect,
            overdue=overdue,
            matrix=matrix,
            aging=aging,
            reserve=reserve,
            milestones=given,
            expense_advance=expense_advance,
            bad_debt_share=bad_debt_share,
            forfeit_after_departure=forfeit_after_departure,
        )
        identifier = kind if policy_id is None else policy_id
        return cls(
            policy_id=identifier,
            name=identifier if name is None else name,
            versions=(only,),
        )

    def version_on(self, day: date) -> CollectionVersion:
        """The version in force on ``day``."""
        return version_on(f"CollectionPolicy({self.policy_id})", self._ordered, day)
