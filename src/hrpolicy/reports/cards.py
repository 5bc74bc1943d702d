"""KPI cards, visit and closing quotas, and what runs of periods lead to.

**A KPI card** (:class:`KpiCard`) weighs indicators — sales, profit, customer
satisfaction, new customers, growth of sales … — each scored against its target through a
band table (:class:`~hrpolicy.core.bands.BandTable`, read by lookup: the band the measure
falls in gives the indicator's points; an interpolated table gives points in between). A
table that a lookup cannot read as written — ``marginal`` or ``mixed``, or a band with a
lump sum — is refused (:func:`~hrpolicy.core.bands.require_lookup`), on indicators, the
bonus coefficient and quotas alike.
An :class:`Indicator` says what its bands measure (:class:`Measured`):

- ``COMPLETION`` — actual ÷ target, in percent (95 for 95 %);
- ``GROWTH`` — (actual − the prior period's) ÷ the prior period's, in percent;
- ``ACTUAL`` — the actual figure itself (a satisfaction score, a count of customers).

The weights add up to 100 %. The card score is Σ weight × points, rounded half up to 0.01
once. A card is assessed over one kind of period (a quarter, a year, a month or a season:
:class:`~hrpolicy.core.period.PeriodKind`). Its consequences are data too: a bonus
coefficient looked up on the card score in a band table (times a bonus base when the
inputs give one, rounded to the fen), and an improvement plan below a standard score (a
finding).

**Quotas** (:class:`QuotaPolicy`): monthly targets for customers visited and customers
closed. Each :class:`Quota` scores completion (done ÷ target, in percent) through a band
table to a pay coefficient and names the pay parts it applies to (:class:`PayPart`:
performance pay, commission). A pay part under several quotas takes their coefficients
combined as the policy says (:class:`Combine`: the product, or the lowest). Each part's
amount — the performance pay of the month, the commission the commission engine computed
— is an input; what is paid is amount × coefficient, rounded half up to the fen. A part
paid less is a finding with the amount taken off, noting that the month's pay after the
cut may not fall below the local minimum wage (checked on the payroll, which holds the
whole wage).

**Runs of periods** (:func:`run_consequences`): "N consecutive months of plan completion
≥ 100 % and margin ≥ 25 % → promotion", "three months of completion under 60 % →
demotion" are :class:`~hrpolicy.core.runs.RunRule` s, found by
:func:`hrpolicy.core.runs.find_runs`; each match is a finding naming the consequence
(:class:`Consequence`), its params the rule, the periods, the run's length, the condition
(in words) and the figures of the period it triggered on, each under its measure's name.
Retraining is the consequence the monthly-score rules of
:func:`hrpolicy.reports.scoring.consequences` lead to, with the same findings.

Results check their own figures when built or read back: an indicator's measure, band and
points, the card score, coefficient and bonus (from the ``bonus_base`` kept on the result),
a quota's completion, band and coefficient, and each pay part's combined coefficient.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from hrpolicy.core.bands import BandTable, require_lookup
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import write_in_full
from hrpolicy.core.display import Displayable, SummaryValue, View
from hrpolicy.core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NotCoveredError,
    PolicyDefinitionError,
)
from hrpolicy.core.explain import Explanation, Finding, Label, Step, step_of
from hrpolicy.core.fields import (
    NonNegativeInt,
    NonNegativeMoney,
    PositiveInt,
    Quantity,
    Text,
    argument,
    checked,
    enum_argument,
    policy_checked,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import label
from hrpolicy.core.money import Rate, format_exact, round_money
from hrpolicy.core.period import Period, PeriodKind
from hrpolicy.core.records import (
    Column,
    ColumnType,
    Table,
    TableSchema,
    exact_columns,
    exact_text,
    explanation_tables,
)
from hrpolicy.core.runs import Figures, RunMatch, RunPolicy, find_runs, span_words
from hrpolicy.reports.messages import CATALOG
from hrpolicy.reports.scoring import _exact, _exact_fields

__all__ = [
    "CARD_INDICATORS",
    "CARD_TOTALS",
    "CONSEQUENCE_ROWS",
    "QUOTA_LINES",
    "QUOTA_PAY",
    "CardInputs",
    "CardScore",
    "Combine",
    "Consequence",
    "Indicator",
    "IndicatorFigure",
    "IndicatorScore",
    "KpiCard",
    "Measured",
    "PaidPart",
    "PayAmount",
    "PayPart",
    "Quota",
    "QuotaCount",
    "QuotaInputs",
    "QuotaPolicy",
    "QuotaResult",
    "QuotaScore",
    "RunConsequences",
    "apply_quotas",
    "run_consequences",
    "score_card",
]


def _check_bands(table: BandTable, path: str, what: str) -> None:
    """A table read by lookup (``whole`` or ``interpolated``, no lump sums:
    :func:`~hrpolicy.core.bands.require_lookup`), every value (and end value) at least 0:
    points and coefficients are never negative."""
    require_lookup(table, path, why=f"a lookup reads {what} from one band")
    for index, band in enumerate(table.bands):
        for name in ("value", "end_value"):
            value = getattr(band, name)
            if value is not None and value < 0:
                raise PolicyDefinitionError(
                    f"{path}.bands[{index}].{name}", f"{what} of 0 or more", value
                )


def _optional_exact(path: str, value: object) -> Fraction | None:
    return None if value is None else _exact(path, value)


def _result_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The scoring results' field checks, and an optional exact number (``Fraction |
    None``) taken as ``None`` or as an exact ``Fraction``."""
    optional = [
        field.evolve(converter=functools.partial(_optional_exact, f"{cls.__name__}.{field.name}"))
        if field.type in ("Fraction | None", Fraction | None) and field.converter is None
        else field
        for field in fields
    ]
    return _exact_fields(cls, optional)


# --- KPI cards -------------------------------------------------------------------------


class Measured(Choice):
    """What an indicator's bands measure. See the module documentation."""

    COMPLETION = "completion"
    GROWTH = "growth"
    ACTUAL = "actual"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Indicator:
    """One weighted indicator of a card: its name (``zh_CN``, ``en``), its ``weight``
    (a share of 100 %), what its ``bands`` measure (``measured``) and the points they give
    (lookup; 0 or more)."""

    indicator_id: Text
    zh_CN: Text
    en: Text
    weight: Rate
    bands: BandTable
    measured: Measured = Measured.COMPLETION
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"Indicator({self.indicator_id})"
        require(
            Decimal(0) < self.weight.value <= 1, f"{path}.weight", "above 0 up to 100%", self.weight
        )
        _check_bands(self.bands, f"{path}.bands", "points")

    @property
    def name(self) -> Label:
        """The indicator's name in both languages."""
        return label(self.zh_CN, self.en)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class KpiCard:
    """A KPI card: indicators whose weights add up to 100 %, the kind of period it is
    assessed over, and its consequences — a ``bonus_coefficient`` band table on the card
    score (lookup) and ``improvement_below``, the score under which an improvement plan is
    due (0 to 100)."""

    card_id: Text
    indicators: tuple[Indicator, ...]
    assessed: PeriodKind = PeriodKind.QUARTER
    bonus_coefficient: BandTable | None = None
    improvement_below: Quantity | None = None
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"KpiCard({self.card_id})"
        require(bool(self.indicators), f"{path}.indicators", "at least one indicator", ())
        require_unique(
            [i.indicator_id for i in self.indicators], f"{path}.indicators", "indicator id"
        )
        total = sum((i.weight.value for i in self.indicators), Decimal(0))
        require(
            total == 1,
            f"{path}.indicators",
            "weights adding up to 100%",
            f"{format_exact(total * 100)}%",
        )
        if self.bonus_coefficient is not None:
            _check_bands(self.bonus_coefficient, f"{path}.bonus_coefficient", "a coefficient")
        if self.improvement_below is not None:
            require(
                self.improvement_below <= 100,
                f"{path}.improvement_below",
                "a score from 0 to 100",
                self.improvement_below,
            )

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator ``indicator_id``."""
        for candidate in self.indicators:
            if candidate.indicator_id == indicator_id:
                return candidate
        known = ", ".join(i.indicator_id for i in self.indicators)
        raise InvalidValueError("indicator_id", f"one of {known}", indicator_id)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class IndicatorFigure:
    """One indicator's figures for the period: the ``actual`` figure, and the ``target``
    (for a completion indicator; above 0) or the ``prior`` period's figure (for a growth
    indicator; above 0) — only what the indicator measures."""

    indicator: Text
    actual: Decimal
    target: Decimal | None = None
    prior: Decimal | None = None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CardInputs:
    """One person's figures for a card: one :class:`IndicatorFigure` per indicator, and
    the ``bonus_base`` the coefficient multiplies (optional: without it only the
    coefficient is given)."""

    employee: Text
    figures: tuple[IndicatorFigure, ...]
    bonus_base: NonNegativeMoney | None = None

    def __attrs_post_init__(self) -> None:
        require_unique(
            [f.indicator for f in self.figures], f"CardInputs({self.employee}).figures", "indicator"
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class IndicatorScore:
    """An indicator scored: the figures, the ``measure`` its bands read (exact), the band
    it fell in, its ``points`` (exact) and ``weighted`` = points × weight (exact). One
    built by hand or read back is checked: the measure must follow from the figures, the
    band and points be the indicator's table's at that measure."""

    indicator: Indicator
    actual: Decimal
    target: Decimal | None
    prior: Decimal | None
    measure: Fraction
    band: str
    points: Fraction
    weighted: Fraction

    def __attrs_post_init__(self) -> None:
        path = f"IndicatorScore({self.indicator.indicator_id})"
        figure = IndicatorFigure(
            indicator=self.indicator.indicator_id,
            actual=self.actual,
            target=self.target,
            prior=self.prior,
        )
        measure = _measure(self.indicator, figure, path)
        require(
            self.measure == measure,
            f"{path}.measure",
            f"{format_exact(measure)} (what the figures give: "
            f"{_MEASURE_TEXT[self.indicator.measured][1]})",
            self.measure,
        )
        try:
            band = self.indicator.bands.band_for(measure).describe()
        except NotCoveredError as error:
            raise error.at(f"{path}.measure") from None
        require(self.band == band, f"{path}.band", f"{band} (the band of the measure)", self.band)
        points = self.indicator.bands.value_at(measure)
        require(
            self.points == points,
            f"{path}.points",
            f"{format_exact(points)} (the band's points at the measure)",
            self.points,
        )
        expected = self.points * self.indicator.weight.exact
        require(
            self.weighted == expected,
            f"IndicatorScore({self.indicator.indicator_id}).weighted",
            f"{format_exact(expected)} (points × weight {self.indicator.weight})",
            self.weighted,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class CardScore(Displayable):
    """A card scored for one person and period: the indicators, the card ``score``
    (Σ weighted points, rounded half up to 0.01 once), the bonus coefficient and bonus (when
    the card and the inputs give them; ``bonus_base`` is the base the inputs gave), whether
    an improvement plan is due, and the steps and findings. Built by :func:`score_card`;
    one built by hand (or read back) agrees with itself: the indicators must be the card's,
    in order, and a score, coefficient, bonus or improvement flag other than they give is
    refused."""

    card: KpiCard
    period: Period
    employee: Text
    indicators: tuple[IndicatorScore, ...]
    score: Quantity
    bonus_coefficient: Fraction | None
    bonus: NonNegativeMoney | None
    improvement_plan: bool
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]
    bonus_base: NonNegativeMoney | None = None

    def __attrs_post_init__(self) -> None:
        path = f"CardScore({self.employee} {self.period})"
        wanted = [i.indicator_id for i in self.card.indicators]
        require(
            [s.indicator for s in self.indicators] == list(self.card.indicators),
            f"{path}.indicators",
            f"the card's indicators, in order ({', '.join(wanted)})",
            [s.indicator.indicator_id for s in self.indicators],
        )
        total = sum((s.weighted for s in self.indicators), Fraction(0))
        require(
            self.score == round_money(total),
            f"{path}.score",
            f"{round_money(total)} (the indicators' weighted points, rounded half up to 0.01)",
            self.score,
        )
        table = self.card.bonus_coefficient
        if table is None:
            require(
                self.bonus_coefficient is None,
                f"{path}.bonus_coefficient",
                f"none (card {self.card.card_id} has no bonus coefficient table)",
                self.bonus_coefficient,
            )
            require(
                self.bonus_base is None,
                f"{path}.bonus_base",
                f"none (card {self.card.card_id} has no bonus coefficient table)",
                self.bonus_base,
            )
        else:
            try:
                coefficient = table.value_at(self.score)
            except NotCoveredError as error:
                raise error.at(f"{path}.score") from None
            require(
                self.bonus_coefficient == coefficient,
                f"{path}.bonus_coefficient",
                f"{format_exact(coefficient)} (the card table's value at the score)",
                self.bonus_coefficient,
            )
        if self.bonus_base is None or self.bonus_coefficient is None:
            require(
                self.bonus is None,
                f"{path}.bonus",
                "no bonus without a bonus base and a bonus coefficient",
                self.bonus,
            )
        else:
            bonus = round_money(Fraction(self.bonus_base) * self.bonus_coefficient)
            require(
                self.bonus == bonus,
                f"{path}.bonus",
                f"{bonus} (bonus base × coefficient, rounded half up to the fen)",
                self.bonus,
            )
        require(
            self.improvement_plan
            == (
                self.card.improvement_below is not None and self.score < self.card.improvement_below
            ),
            f"{path}.improvement_plan",
            f"whether the score is under the card's standard ({self.card.improvement_below})",
            self.improvement_plan,
        )

    @property
    def explanation(self) -> Explanation:
        """The steps and findings."""
        return Explanation(self.steps, self.findings)

    def indicator(self, indicator_id: str) -> IndicatorScore:
        """One indicator's score."""
        self.card.indicator(indicator_id)  # refuses an unknown id, listing the known ones
        return next(s for s in self.indicators if s.indicator.indicator_id == indicator_id)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``totals`` (one row: :data:`CARD_TOTALS`), ``indicators`` (one row each:
        :data:`CARD_INDICATORS`), then the explanation tables, every row keyed by employee
        and period."""
        keys = _keys(self.employee, self.period)
        totals = (
            *keys,
            self.card.card_id,
            self.score,
            *_optional(self.bonus_coefficient),
            self.bonus_base,
            self.bonus,
            self.improvement_plan,
        )
        rows = [
            (
                *keys,
                s.indicator.indicator_id,
                s.indicator.name.in_locale(locale),
                s.indicator.measured.value,
                s.actual,
                s.target,
                s.prior,
                *_rational(s.measure),
                s.band,
                *_rational(s.points),
                s.indicator.weight.value,
                *_rational(s.weighted),
            )
            for s in self.indicators
        ]
        return {
            "totals": Table.build(CARD_TOTALS, [totals]),
            "indicators": Table.build(CARD_INDICATORS, rows),
            **explanation_tables(self.explanation, keys=_KEYS, values=keys, locale=locale),
        }

    def _view(self) -> View:
        summary: list[tuple[Label, SummaryValue]] = [
            (label("员工", "employee"), self.employee),
            (label("期间", "period"), str(self.period)),
            *(
                (s.indicator.name, f"{round_money(s.points)} × {s.indicator.weight}")
                for s in self.indicators
            ),
            (label("考核得分", "card score"), self.score),
        ]
        if self.bonus_coefficient is not None:
            summary.append((label("奖金系数", "bonus coefficient"), self.bonus_coefficient))
        if self.bonus_base is not None:
            summary.append((label("奖金基数", "bonus base"), self.bonus_base))
        if self.bonus is not None:
            summary.append((label("奖金", "bonus"), self.bonus))
        return View(label("KPI考核", "KPI card"), tuple(summary), self.explanation)


def _measure(indicator: Indicator, figure: IndicatorFigure, path: str) -> Fraction:
    """What the indicator's bands read, exactly; the figures it needs checked."""
    kind = indicator.measured
    needs_target, needs_prior = kind is Measured.COMPLETION, kind is Measured.GROWTH
    for name, needed in (("target", needs_target), ("prior", needs_prior)):
        value = getattr(figure, name)
        if needed:
            require(
                value is not None and value > 0,
                f"{path}.{name}",
                f"a {name} above 0 (indicator {indicator.indicator_id} measures {kind.value})",
                value,
            )
        else:
            require(
                value is None,
                f"{path}.{name}",
                f"no {name} (indicator {indicator.indicator_id} measures {kind.value})",
                value,
            )
    actual = Fraction(figure.actual)
    if needs_target:
        assert figure.target is not None
        return actual / Fraction(figure.target) * 100
    if needs_prior:
        assert figure.prior is not None
        prior = Fraction(figure.prior)
        return (actual - prior) / prior * 100
    return actual


_MEASURE_TEXT: Final = {
    Measured.COMPLETION: ("完成率 = 实际 ÷ 目标 × 100", "completion = actual ÷ target × 100"),
    Measured.GROWTH: (
        "增长率 = (实际 − 上期) ÷ 上期 × 100",
        "growth = (actual − prior) ÷ prior × 100",
    ),
    Measured.ACTUAL: ("按实际值", "the actual figure"),
}


def score_card(card: KpiCard, period: Period, inputs: CardInputs) -> CardScore:
    """Score one person's KPI card for a period.

    Each indicator's measure (completion or growth in percent, or the actual figure) is
    looked up in its band table for its points; the card score is Σ points × weight,
    rounded half up to 0.01 once. With a ``bonus_coefficient`` table the coefficient is
    looked up on that score, and with a ``bonus_base`` the bonus is base × coefficient,
    rounded half up to the fen; under ``improvement_below`` an improvement plan is due (a
    finding).

    Args:
        card: the :class:`KpiCard`.
        period: the period assessed, of the card's kind (``Period(year=2025, quarter=1)``
            for a quarterly card).
        inputs: the person's figures (:class:`CardInputs`): one per indicator of the card,
            no other.

    Returns:
        The :class:`CardScore`, with a step per indicator, the card score, the coefficient
        and bonus, and the findings.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: a period of another kind than the card's, an indicator's
            figures missing or unknown, a target or prior missing (or not above 0) where
            the indicator needs it, or given where it does not.
        NotCoveredError: a measure (or the card score) outside its band table.

    Example:
        >>> from decimal import Decimal
        >>> from hrpolicy.reports.examples import quarterly_kpi_card
        >>> card = quarterly_kpi_card()
        >>> f = IndicatorFigure
        >>> result = score_card(card, Period(year=2025, quarter=1), CardInputs(
        ...     employee="li",
        ...     figures=(
        ...         f(indicator="sales", actual=Decimal(285000), target=Decimal(300000)),
        ...         f(indicator="profit", actual=Decimal(60000), target=Decimal(60000)),
        ...         f(indicator="satisfaction", actual=Decimal(88)),
        ...         f(indicator="new_customers", actual=Decimal(4), target=Decimal(5)),
        ...         f(indicator="growth", actual=Decimal(285000), prior=Decimal(250000)),
        ...     ),
        ...     bonus_base=Decimal(6000),
        ... ))
        >>> result.score, result.bonus_coefficient, result.bonus  # 24 + 25 + 12 + 12 + 12
        (Decimal('85.00'), Fraction(1, 1), Decimal('6000.00'))
        >>> score_card(card, Period(year=2025, month=3), CardInputs(employee="li", figures=()))
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: period: expected a quarter (card quarterly-sales ...
    """
    argument(card, KpiCard, "card")
    argument(period, Period, "period")
    argument(inputs, CardInputs, "inputs")
    require(
        period.kind is card.assessed,
        "period",
        f"a {card.assessed.value} (card {card.card_id} is assessed by {card.assessed.value})",
        str(period),
    )
    path = f"CardInputs({inputs.employee}).figures"
    given = {f.indicator: f for f in inputs.figures}
    wanted = [i.indicator_id for i in card.indicators]
    unknown = [name for name in given if name not in wanted]
    require(
        not unknown, path, f"figures of the card's indicators only ({', '.join(wanted)})", unknown
    )
    missing = [name for name in wanted if name not in given]
    require(not missing, path, f"figures for every indicator ({', '.join(wanted)})", missing)
    steps: list[Step] = []
    scores = []
    for indicator in card.indicators:
        figure = given[indicator.indicator_id]
        where = f"{path}[{indicator.indicator_id}]"
        measure = _measure(indicator, figure, where)
        try:
            band = indicator.bands.band_for(measure)
        except NotCoveredError as error:
            raise error.at(where) from None
        points = indicator.bands.value_at(measure)
        weighted = points * indicator.weight.exact
        zh, en = _MEASURE_TEXT[indicator.measured]
        steps.append(
            step_of(
                f"card.{indicator.indicator_id}",
                label(
                    f"{indicator.zh_CN}：{zh}，按分档表取分 × 权重{indicator.weight}",
                    f"{indicator.en}: {en}, points from the bands × weight {indicator.weight}",
                ),
                {
                    "actual": figure.actual,
                    "target": figure.target,
                    "prior": figure.prior,
                    "measure": measure,
                    "band": band.describe(),
                    "points": points,
                    "weight": indicator.weight,
                    "clause": indicator.clause or None,
                },
                weighted,
            )
        )
        scores.append(
            IndicatorScore(
                indicator=indicator,
                actual=figure.actual,
                target=figure.target,
                prior=figure.prior,
                measure=measure,
                band=band.describe(),
                points=points,
                weighted=weighted,
            )
        )
    total = sum((s.weighted for s in scores), Fraction(0))
    score = round_money(total)
    steps.append(
        step_of(
            "card.score",
            label(
                "考核得分 = Σ 各项得分 × 权重（四舍五入至0.01）",
                "card score = Σ points × weight (rounded half up to 0.01)",
            ),
            {"weighted_points": total, "clause": card.clause or None},
            score,
        )
    )
    coefficient: Fraction | None = None
    bonus: Decimal | None = None
    if card.bonus_coefficient is not None:
        try:
            coefficient = card.bonus_coefficient.value_at(score)
            band_text = card.bonus_coefficient.band_for(score).describe()
        except NotCoveredError as error:
            raise error.at(f"KpiCard({card.card_id}).bonus_coefficient") from None
        steps.append(
            step_of(
                "card.bonus_coefficient",
                label("奖金系数：按考核得分查分档表", "bonus coefficient: the card score's band"),
                {"score": score, "band": band_text},
                coefficient,
            )
        )
        if inputs.bonus_base is not None:
            bonus = round_money(Fraction(inputs.bonus_base) * coefficient)
            steps.append(
                step_of(
                    "card.bonus",
                    label(
                        "奖金 = 奖金基数 × 奖金系数（四舍五入至分）",
                        "bonus = bonus base × coefficient (rounded half up to the fen)",
                    ),
                    {"bonus_base": inputs.bonus_base, "coefficient": coefficient},
                    bonus,
                )
            )
    else:
        require(
            inputs.bonus_base is None,
            f"CardInputs({inputs.employee}).bonus_base",
            f"no bonus base (card {card.card_id} has no bonus coefficient table)",
            inputs.bonus_base,
        )
    findings = []
    improvement = card.improvement_below is not None and score < card.improvement_below
    if improvement:
        findings.append(
            CATALOG.finding(
                "kpi_improvement_plan",
                subject=inputs.employee,
                card=card.card_id,
                period=str(period),
                score=score,
                standard=card.improvement_below,
            )
        )
    return CardScore(
        card=card,
        period=period,
        employee=inputs.employee,
        indicators=tuple(scores),
        score=score,
        bonus_coefficient=coefficient,
        bonus=bonus,
        improvement_plan=improvement,
        steps=tuple(steps),
        findings=tuple(findings),
        bonus_base=inputs.bonus_base if coefficient is not None else None,
    )


# --- visit and closing quotas ------------------------------------------------------------


class PayPart(Choice):
    """A part of the month's pay a quota's coefficient applies to."""

    PERFORMANCE_PAY = "performance_pay"
    COMMISSION = "commission"

    @property
    def label(self) -> Label:
        """The part's name in zh_CN and en."""
        return _PART_LABELS[self]


_PART_LABELS: Final = {
    PayPart.PERFORMANCE_PAY: label("绩效工资", "performance pay"),
    PayPart.COMMISSION: label("提成", "commission"),
}


class Combine(Choice):
    """How the coefficients of several quotas on one pay part combine."""

    PRODUCT = "product"
    LOWEST = "lowest"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Quota:
    """A monthly target (``target`` customers visited, closed …) whose completion (done ÷
    target, in percent) gives a pay coefficient through ``bands`` (lookup; 0 or more),
    applied to the pay parts ``applies_to``."""

    quota_id: Text
    zh_CN: Text
    en: Text
    target: PositiveInt
    bands: BandTable
    applies_to: tuple[PayPart, ...]
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"Quota({self.quota_id})"
        require(bool(self.applies_to), f"{path}.applies_to", "at least one pay part", ())
        require_unique([p.value for p in self.applies_to], f"{path}.applies_to", "pay part")
        _check_bands(self.bands, f"{path}.bands", "a coefficient")

    @property
    def name(self) -> Label:
        """The quota's name in both languages."""
        return label(self.zh_CN, self.en)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class QuotaPolicy:
    """Monthly quotas and how their coefficients combine on a pay part."""

    policy_id: Text
    quotas: tuple[Quota, ...]
    combine: Combine = Combine.PRODUCT
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"QuotaPolicy({self.policy_id}).quotas"
        require(bool(self.quotas), path, "at least one quota", ())
        require_unique([q.quota_id for q in self.quotas], path, "quota id")

    @property
    def parts(self) -> tuple[PayPart, ...]:
        """The pay parts the quotas apply to, in the order first named."""
        return tuple(dict.fromkeys(p for q in self.quotas for p in q.applies_to))


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class QuotaCount:
    """How many were done against a quota in the month (``done``); ``target`` overrides
    the policy's monthly target for this person (optional)."""

    quota: Text
    done: NonNegativeInt
    target: PositiveInt | None = None


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PayAmount:
    """The month's amount of a pay part before the quotas (the performance pay due at full
    completion; the commission from the commission statement)."""

    part: PayPart
    amount: NonNegativeMoney


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class QuotaInputs:
    """One person's month under a quota policy: a count per quota and the amount of each
    pay part the quotas apply to."""

    employee: Text
    counts: tuple[QuotaCount, ...]
    pay: tuple[PayAmount, ...]

    def __attrs_post_init__(self) -> None:
        require_unique(
            [c.quota for c in self.counts], f"QuotaInputs({self.employee}).counts", "quota"
        )
        require_unique(
            [p.part.value for p in self.pay], f"QuotaInputs({self.employee}).pay", "pay part"
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class QuotaScore:
    """A quota's month: done, the target, completion (exact, in percent), the band and
    the coefficient. One built by hand or read back is checked: completion must be done ÷
    target × 100, the band and coefficient the quota's table's at that completion."""

    quota: Quota
    done: NonNegativeInt
    target: PositiveInt
    completion: Fraction
    band: str
    coefficient: Fraction

    def __attrs_post_init__(self) -> None:
        path = f"QuotaScore({self.quota.quota_id})"
        completion = Fraction(self.done, self.target) * 100
        require(
            self.completion == completion,
            f"{path}.completion",
            f"{format_exact(completion)} (done ÷ target × 100)",
            self.completion,
        )
        try:
            band = self.quota.bands.band_for(completion).describe()
        except NotCoveredError as error:
            raise error.at(f"{path}.completion") from None
        require(
            self.band == band, f"{path}.band", f"{band} (the band of the completion)", self.band
        )
        coefficient = self.quota.bands.value_at(completion)
        require(
            self.coefficient == coefficient,
            f"{path}.coefficient",
            f"{format_exact(coefficient)} (the band's coefficient at the completion)",
            self.coefficient,
        )


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class PaidPart:
    """A pay part after the quotas: the amount, the combined coefficient and what is paid
    (amount × coefficient, rounded half up to the fen)."""

    part: PayPart
    amount: NonNegativeMoney
    coefficient: Fraction
    paid: NonNegativeMoney

    def __attrs_post_init__(self) -> None:
        expected = round_money(Fraction(self.amount) * self.coefficient)
        require(
            self.paid == expected,
            f"PaidPart({self.part.value}).paid",
            f"{expected} (amount × coefficient, rounded half up to the fen)",
            self.paid,
        )

    @property
    def change(self) -> Decimal:
        """Paid − amount: negative when the quotas cut the part, positive when they raise
        it."""
        return self.paid - self.amount


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class QuotaResult(Displayable):
    """A month under a quota policy: each quota scored, each pay part paid, the steps and
    findings. One built by hand or read back is checked: the quotas and parts must be the
    policy's, in order, and each part's coefficient the combination (product or lowest) of
    the coefficients of the quotas that apply to it."""

    policy: QuotaPolicy
    period: Period
    employee: Text
    quotas: tuple[QuotaScore, ...]
    parts: tuple[PaidPart, ...]
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]

    def __attrs_post_init__(self) -> None:
        path = f"QuotaResult({self.employee} {self.period})"
        require(
            [q.quota for q in self.quotas] == list(self.policy.quotas),
            f"{path}.quotas",
            "the policy's quotas, in order ("
            + ", ".join(q.quota_id for q in self.policy.quotas)
            + ")",
            [q.quota.quota_id for q in self.quotas],
        )
        require(
            [p.part for p in self.parts] == list(self.policy.parts),
            f"{path}.parts",
            "the parts the quotas apply to, in order ("
            + ", ".join(p.value for p in self.policy.parts)
            + ")",
            [p.part.value for p in self.parts],
        )
        for index, paid in enumerate(self.parts):
            factors = [q.coefficient for q in self.quotas if paid.part in q.quota.applies_to]
            combined = _combine(self.policy.combine, factors)
            require(
                paid.coefficient == combined,
                f"{path}.parts[{index}].coefficient",
                f"{format_exact(combined)} (the {self.policy.combine.value} of the quotas' "
                "coefficients)",
                paid.coefficient,
            )

    @property
    def explanation(self) -> Explanation:
        """The steps and findings."""
        return Explanation(self.steps, self.findings)

    def part(self, part: PayPart | str) -> PaidPart:
        """One pay part after the quotas."""
        wanted = enum_argument(part, PayPart, "part")
        for candidate in self.parts:
            if candidate.part is wanted:
                return candidate
        known = ", ".join(p.part.value for p in self.parts)
        raise InvalidValueError("part", f"one of {known}", part)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``quotas`` (:data:`QUOTA_LINES`), ``pay`` (:data:`QUOTA_PAY`), then the
        explanation tables, every row keyed by employee and month."""
        keys = _keys(self.employee, self.period)
        quotas = [
            (
                *keys,
                q.quota.quota_id,
                q.quota.name.in_locale(locale),
                q.done,
                q.target,
                *_rational(q.completion),
                q.band,
                *_rational(q.coefficient),
            )
            for q in self.quotas
        ]
        pay = [
            (*keys, p.part.value, p.amount, *_rational(p.coefficient), p.paid, p.change)
            for p in self.parts
        ]
        return {
            "quotas": Table.build(QUOTA_LINES, quotas),
            "pay": Table.build(QUOTA_PAY, pay),
            **explanation_tables(self.explanation, keys=_KEYS, values=keys, locale=locale),
        }

    def _view(self) -> View:
        summary: list[tuple[Label, SummaryValue]] = [
            (label("员工", "employee"), self.employee),
            (label("月份", "month"), str(self.period)),
            *((q.quota.name, f"{q.done} / {q.target}") for q in self.quotas),
            *((p.part.label, p.paid) for p in self.parts),
        ]
        return View(label("月度指标", "Monthly quotas"), tuple(summary), self.explanation)


def _combine(combine: Combine, factors: list[Fraction]) -> Fraction:
    """The coefficients of the quotas on one part combined: their product, or the lowest."""
    if combine is Combine.PRODUCT:
        combined = Fraction(1)
        for factor in factors:
            combined *= factor
        return combined
    return min(factors)


def apply_quotas(policy: QuotaPolicy, month: Period, inputs: QuotaInputs) -> QuotaResult:
    """Score a month's visit and closing quotas and apply their coefficients to pay.

    Each quota's completion (done ÷ target × 100) is looked up in its band table for a
    coefficient; each pay part takes the coefficients of the quotas that apply to it,
    combined as the policy says (product or lowest), and is paid amount × coefficient,
    rounded half up to the fen once. A quota short of its target is a finding with its
    figures; a part paid less than its amount is a finding (``quota_pay_cut``) with the
    amount, the coefficient, what is paid and the cut, citing the minimum-wage rule: the
    month's pay after the cut may not fall below the local minimum wage, which the payroll
    (holding the whole wage) must check.

    Args:
        policy: the :class:`QuotaPolicy`.
        month: the month (a :class:`~hrpolicy.core.period.Period` with a month).
        inputs: the month's counts (one per quota, no other) and the amounts of the pay
            parts the quotas apply to (each of them, no other).

    Returns:
        The :class:`QuotaResult`.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: a period that is not a month; a count or pay amount missing or
            unknown.
        NotCoveredError: a completion outside a quota's band table.

    Example:
        >>> from decimal import Decimal
        >>> from hrpolicy.reports.examples import visit_and_closing_quotas
        >>> inputs = QuotaInputs(
        ...     employee="li",
        ...     counts=(QuotaCount(quota="visits", done=72), QuotaCount(quota="closed", done=5)),
        ...     pay=(
        ...         PayAmount(part=PayPart.PERFORMANCE_PAY, amount=Decimal(2000)),
        ...         PayAmount(part=PayPart.COMMISSION, amount=Decimal("3500.50")),
        ...     ),
        ... )
        >>> result = apply_quotas(visit_and_closing_quotas(), Period(year=2025, month=3), inputs)
        >>> [(p.part.value, p.coefficient, p.paid) for p in result.parts]  # 72 of 80 visits: 90 %
        [('performance_pay', Fraction(9, 10), Decimal('1800.00')),
         ('commission', Fraction(1, 1), Decimal('3500.50'))]
        >>> apply_quotas(visit_and_closing_quotas(), Period(year=2025, quarter=1), inputs)
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: month: expected a month (quotas are monthly), ...
    """
    argument(policy, QuotaPolicy, "policy")
    argument(month, Period, "month")
    argument(inputs, QuotaInputs, "inputs")
    require(month.kind is PeriodKind.MONTH, "month", "a month (quotas are monthly)", str(month))
    who = f"QuotaInputs({inputs.employee})"
    counts = {c.quota: c for c in inputs.counts}
    wanted = [q.quota_id for q in policy.quotas]
    unknown = [name for name in counts if name not in wanted]
    require(
        not unknown,
        f"{who}.counts",
        f"counts of the policy's quotas only ({', '.join(wanted)})",
        unknown,
    )
    missing = [name for name in wanted if name not in counts]
    require(not missing, f"{who}.counts", f"a count for every quota ({', '.join(wanted)})", missing)
    amounts = {p.part: p.amount for p in inputs.pay}
    parts = policy.parts
    names = ", ".join(p.value for p in parts)
    extra = [p.value for p in amounts if p not in parts]
    require(
        not extra, f"{who}.pay", f"amounts of the parts the quotas apply to only ({names})", extra
    )
    absent = [p.value for p in parts if p not in amounts]
    require(
        not absent, f"{who}.pay", f"an amount for every part the quotas apply to ({names})", absent
    )
    steps: list[Step] = []
    findings: list[Finding] = []
    scored = []
    for quota in policy.quotas:
        count = counts[quota.quota_id]
        target = count.target or quota.target
        completion = Fraction(count.done, target) * 100
        try:
            band = quota.bands.band_for(completion).describe()
        except NotCoveredError as error:
            raise error.at(f"{who}.counts[{quota.quota_id}]") from None
        coefficient = quota.bands.value_at(completion)
        steps.append(
            step_of(
                f"quota.{quota.quota_id}",
                label(
                    f"{quota.zh_CN}：完成率 = 完成数 ÷ 月度目标 × 100，按分档表取系数",
                    f"{quota.en}: completion = done ÷ monthly target × 100, coefficient "
                    "from the bands",
                ),
                {
                    "done": count.done,
                    "target": target,
                    "completion": completion,
                    "band": band,
                    "clause": quota.clause or None,
                },
                coefficient,
            )
        )
        if count.done < target:
            findings.append(
                CATALOG.finding(
                    "quota_missed",
                    subject=inputs.employee,
                    quota=quota.name,
                    done=count.done,
                    target=target,
                    completion=round_money(completion),
                    parts=Label(
                        "、".join(p.label.zh_CN for p in quota.applies_to),
                        ", ".join(p.label.en for p in quota.applies_to),
                    ),
                    coefficient=coefficient,
                )
            )
        scored.append(
            QuotaScore(
                quota=quota,
                done=count.done,
                target=target,
                completion=completion,
                band=band,
                coefficient=coefficient,
            )
        )
    paid = []
    for part in parts:
        applying = [s for s in scored if part in s.quota.applies_to]
        factors = [s.coefficient for s in applying]
        combined = _combine(policy.combine, factors)
        amount = amounts[part]
        result = round_money(Fraction(amount) * combined)
        rule = "×" if policy.combine is Combine.PRODUCT else "min"
        steps.append(
            step_of(
                f"quota.pay.{part.value}",
                label(
                    f"{part.label.zh_CN} = 金额 × 系数（{'各项相乘' if rule == '×' else '取最低'}"
                    "，四舍五入至分）",
                    f"{part.label.en} = amount × coefficient ("
                    f"{'the product' if rule == '×' else 'the lowest'} of the quotas', rounded "
                    "half up to the fen)",
                ),
                {
                    "amount": amount,
                    "quotas": ", ".join(s.quota.quota_id for s in applying),
                    "coefficients": ", ".join(format_exact(f) for f in factors),
                    "coefficient": combined,
                    "clause": policy.clause or None,
                },
                result,
            )
        )
        if result < amount:
            findings.append(
                CATALOG.finding(
                    "quota_pay_cut",
                    subject=inputs.employee,
                    part=part.label,
                    amount=round_money(amount),
                    coefficient=combined,
                    paid=result,
                    cut=amount - result,
                    clause=policy.clause or label("制度", "the policy"),
                )
            )
        paid.append(PaidPart(part=part, amount=amount, coefficient=combined, paid=result))
    return QuotaResult(
        policy=policy,
        period=month,
        employee=inputs.employee,
        quotas=tuple(scored),
        parts=tuple(paid),
        steps=tuple(steps),
        findings=tuple(findings),
    )


# --- consequences of runs of periods -------------------------------------------------------


class Consequence(Choice):
    """What a run rule leads to (the rule's ``consequence`` code), each its own finding.

    ``RETRAINING`` (``retraining_or_transfer``) is the consequence of the monthly-score
    rules too (:data:`hrpolicy.reports.scoring.SCORE_RUNS`), with the same findings:
    ``retraining_or_transfer``, or ``incompetent_after_retraining`` once the person was
    retrained or moved to another post."""

    PROMOTION = "promotion"
    DEMOTION = "demotion"
    RETRAINING = "retraining_or_transfer"
    IMPROVEMENT_PLAN = "improvement_plan"


_CONSEQUENCE_CODES: Final = {
    Consequence.PROMOTION: "promotion_due",
    Consequence.DEMOTION: "demotion_due",
    Consequence.RETRAINING: "retraining_or_transfer",
    Consequence.IMPROVEMENT_PLAN: "improvement_plan_due",
}


@checked
@attrs.frozen(kw_only=True, field_transformer=_result_fields)
class RunConsequences(Displayable):
    """What one person's runs of periods lead to: the matches, a finding and a step each."""

    employee: Text
    rules: RunPolicy
    matches: tuple[RunMatch, ...]
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]

    @property
    def explanation(self) -> Explanation:
        """The steps and findings."""
        return Explanation(self.steps, self.findings)

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """``consequences`` (:data:`CONSEQUENCE_ROWS`, one row per match), then the
        explanation tables, every row keyed by employee."""
        rows = [
            (
                self.employee,
                m.rule.rule_id,
                m.rule.consequence,
                str(m.first),
                str(m.last),
                m.first.first_day,
                m.last.last_day,
                m.rule.periods,
                m.run_length,
                m.rule.describe(),
            )
            for m in self.matches
        ]
        return {
            "consequences": Table.build(CONSEQUENCE_ROWS, rows),
            **explanation_tables(
                self.explanation, keys=(_EMPLOYEE,), values=(self.employee,), locale=locale
            ),
        }

    def _view(self) -> View:
        summary: tuple[tuple[Label, SummaryValue], ...] = (
            (label("员工", "employee"), self.employee),
            *((label(m.rule.zh_CN, m.rule.en), f"{m.first} – {m.last}") for m in self.matches),
        )
        return View(label("连续期间规则", "Rules over runs of periods"), summary, self.explanation)


def _run_trigger(match: RunMatch) -> Label:
    """What the run did, in words of each language: the condition with the measures'
    names, the period words of the kind (months, quarters, years) and the figures of the
    period it triggered on."""
    rule = match.rule
    condition = rule.condition()
    names = {t.measure: t.name for t in rule.when}
    zh = "、".join(f"{names[m].zh_CN}{format_exact(v)}" for m, v in match.figures)
    en = ", ".join(f"{names[m].en} {format_exact(v)}" for m, v in match.figures)
    if rule.periods == 1:
        return Label(
            f"{match.last}{condition.zh_CN}（{zh}）",
            f"{match.last}: {condition.en} ({en})",
        )
    span = span_words(rule.periods, match.last.kind)
    return Label(
        f"{match.first}至{match.last}{span.zh_CN}{condition.zh_CN}（{match.last}：{zh}）",
        f"{span.en} with {condition.en}, {match.first} to {match.last} ({match.last}: {en})",
    )


def _figure_params(match: RunMatch) -> dict[str, Any]:
    """The figures of the period a run triggered on, each under its measure's name (no
    measure takes a name of the finding's own params: core.runs.RESERVED_MEASURES)."""
    return dict(match.figures)


def _finding_code(consequence: Consequence, *, retrained: bool) -> str:
    if consequence is Consequence.RETRAINING and retrained:
        return "incompetent_after_retraining"
    return _CONSEQUENCE_CODES[consequence]


def run_consequences(
    rules: RunPolicy, figures: Figures, *, employee: str, retrained: bool = False
) -> RunConsequences:
    """What one person's runs of periods lead to: promotion, demotion, retraining or an
    improvement plan, by rules over consecutive periods.

    Args:
        rules: the :class:`~hrpolicy.core.runs.RunPolicy`; each rule's ``consequence`` is a
            :class:`Consequence` value (``promotion``, ``demotion``,
            ``retraining_or_transfer``, ``improvement_plan``).
        figures: each period's figures (a mapping of
            :class:`~hrpolicy.core.period.Period` to a mapping of measure to number), as
            :func:`~hrpolicy.core.runs.find_runs` reads them; a missing period breaks a run.
        employee: whose figures they are.
        retrained (optional): whether the person was already retrained or moved to another
            post: a retraining match is then ``incompetent_after_retraining``, as in
            :func:`hrpolicy.reports.scoring.consequences`.

    Returns:
        The :class:`RunConsequences`: a finding per match (its code says the consequence:
        ``promotion_due``, ``demotion_due``, ``retraining_or_transfer`` or
        ``incompetent_after_retraining``, ``improvement_plan_due``; its params the
        ``rule``, the ``first`` and ``last`` period, ``periods`` (the rule's N),
        ``run_length``, the ``condition`` in words, and each figure of the period it
        triggered on under its measure's name) and a step per match.

    Raises:
        InvalidTypeError: an argument of the wrong type, a float figure, a ``retrained``
            that is not a bool.
        InvalidValueError: a rule whose consequence is not a :class:`Consequence`, an
            empty employee, a measure missing for a period, periods of different kinds.

    Example:
        >>> from hrpolicy.reports.examples import promotion_and_demotion_rules
        >>> months = {
        ...     Period(year=2025, month=m): {"completion": c, "margin": g}
        ...     for m, c, g in [(1, 105, 27), (2, 110, 26), (3, 101, 25), (4, 55, 20)]
        ... }
        >>> found = run_consequences(promotion_and_demotion_rules(), months, employee="li")
        >>> [(f.code, f.param("first"), f.param("last")) for f in found.findings]
        [('promotion_due', '2025-01', '2025-03')]
        >>> found.findings[0].param("completion"), found.findings[0].param("run_length")
        (Decimal('101'), 3)
    """
    argument(rules, RunPolicy, "rules")
    argument(employee, str, "employee")
    if not isinstance(retrained, bool):
        raise InvalidTypeError("retrained", "a bool", retrained)
    require(bool(employee.strip()), "employee", "a non-empty text", employee)
    known = [c.value for c in Consequence]
    for index, rule in enumerate(rules.rules):
        require(
            rule.consequence in known,
            f"rules.rules[{index}].consequence",
            f"one of {', '.join(known)}",
            rule.consequence,
        )
    found = find_runs(rules, figures)
    findings = tuple(
        CATALOG.finding(
            _finding_code(Consequence(m.rule.consequence), retrained=retrained),
            subject=employee,
            trigger=_run_trigger(m),
            consequence=label(m.rule.zh_CN, m.rule.en),
            rule=m.rule.rule_id,
            first=str(m.first),
            last=str(m.last),
            periods=m.rule.periods,
            run_length=m.run_length,
            condition=m.rule.condition(),
            **_figure_params(m),
        )
        for m in found.matches
    )
    return RunConsequences(
        employee=employee,
        rules=rules,
        matches=found.matches,
        steps=found.steps,
        findings=findings,
    )


# --- tables ------------------------------------------------------------------------------


def _col(name: str, kind: ColumnType, doc: str) -> Column:
    return Column(name, kind, doc)


def _rational(value: Fraction) -> tuple[Decimal, str]:
    return round_money(value), exact_text(value)


def _optional(value: Fraction | None) -> tuple[Decimal | None, str | None]:
    return (None, None) if value is None else _rational(value)


_EMPLOYEE: Final = _col("employee", ColumnType.TEXT, "whose result it is")
_KEYS: Final = (
    _EMPLOYEE,
    _col("period", ColumnType.TEXT, "the month (2025-03), quarter (2025-Q1), season or year"),
    _col("period_start", ColumnType.DATE, "its first day"),
    _col("period_end", ColumnType.DATE, "its last day"),
)


def _keys(employee: str, period: Period) -> tuple[object, ...]:
    return (employee, str(period), period.first_day, period.last_day)


#: A KPI card scored: one row.
CARD_TOTALS: Final = TableSchema(
    "totals",
    (
        *_KEYS,
        _col("card", ColumnType.TEXT, "the KPI card's id"),
        _col("score", ColumnType.DECIMAL, "the card score, rounded half up to 0.01"),
        *exact_columns(
            "bonus_coefficient", "the bonus coefficient (none without a table)", "'100/3'"
        ),
        _col("bonus_base", ColumnType.DECIMAL, "the bonus base the inputs gave (none without)"),
        _col(
            "bonus",
            ColumnType.DECIMAL,
            "bonus base × coefficient, to the fen (none without a base)",
        ),
        _col("improvement_plan", ColumnType.BOOL, "whether an improvement plan is due"),
    ),
    "one row: the card scored",
)
#: Each indicator of a KPI card.
CARD_INDICATORS: Final = TableSchema(
    "indicators",
    (
        *_KEYS,
        _col("indicator", ColumnType.TEXT, "the indicator's id"),
        _col("name", ColumnType.TEXT, "its name"),
        _col("measured", ColumnType.TEXT, "the Measured value: completion, growth or actual"),
        _col("actual", ColumnType.DECIMAL, "the actual figure"),
        _col("target", ColumnType.DECIMAL, "the target (completion indicators)"),
        _col("prior", ColumnType.DECIMAL, "the prior period's figure (growth indicators)"),
        *exact_columns("measure", "what the bands read (percent, or the actual figure)"),
        _col("band", ColumnType.TEXT, "the band it fell in"),
        *exact_columns("points", "the points the band gives"),
        _col("weight", ColumnType.DECIMAL, "the indicator's weight (a fraction of 1)"),
        *exact_columns("weighted", "points × weight"),
    ),
    "one row per indicator of the card",
)
#: Each quota of a month.
QUOTA_LINES: Final = TableSchema(
    "quotas",
    (
        *_KEYS,
        _col("quota", ColumnType.TEXT, "the quota's id"),
        _col("name", ColumnType.TEXT, "its name"),
        _col("done", ColumnType.INT, "how many were done"),
        _col("target", ColumnType.INT, "the monthly target"),
        *exact_columns("completion", "done ÷ target × 100"),
        _col("band", ColumnType.TEXT, "the band it fell in"),
        *exact_columns("coefficient", "the coefficient the band gives"),
    ),
    "one row per quota",
)
#: Each pay part after the quotas.
QUOTA_PAY: Final = TableSchema(
    "pay",
    (
        *_KEYS,
        _col("part", ColumnType.TEXT, "the PayPart value"),
        _col("amount", ColumnType.DECIMAL, "the amount before the quotas"),
        *exact_columns("coefficient", "the quotas' combined coefficient"),
        _col("paid", ColumnType.DECIMAL, "amount × coefficient, rounded half up to the fen"),
        _col("change", ColumnType.DECIMAL, "paid − amount"),
    ),
    "one row per pay part the quotas apply to",
)
#: Each consequence of a run of periods.
CONSEQUENCE_ROWS: Final = TableSchema(
    "consequences",
    (
        _EMPLOYEE,
        _col("rule", ColumnType.TEXT, "the run rule's id"),
        _col("consequence", ColumnType.TEXT, "the Consequence value"),
        _col("first", ColumnType.TEXT, "the first period of the run"),
        _col("last", ColumnType.TEXT, "the period the run triggered on"),
        _col("run_start", ColumnType.DATE, "the first day of the run"),
        _col("run_end", ColumnType.DATE, "the last day of the run"),
        _col("periods", ColumnType.INT, "how many consecutive periods the rule needs"),
        _col("run_length", ColumnType.INT, "how long the run was by then"),
        _col("condition", ColumnType.TEXT, "the rule's condition"),
    ),
    "one row per consequence triggered",
)

# Parts of results: written with every field, null where missing.
write_in_full(IndicatorScore, QuotaScore, PaidPart)
