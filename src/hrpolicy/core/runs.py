"""Rules over runs of periods: "N consecutive periods meeting a condition → a consequence".

One mechanism serves every rule of the kind: three consecutive months scoring under 70
(retraining), one month under 60, three months of plan completion at 100 % or more *and*
a gross margin at or above a standard (promotion), three months of completion under 60 %
(demotion). A :class:`RunRule` is data:

- ``when``: one or more :class:`Threshold` tests on named measures of a period
  (``score < 70``; ``completion ≥ 100 %`` and ``margin ≥ 25 %``), all of which must hold;
- ``periods``: how many consecutive periods (1 for "one month under 60");
- ``repeat``: what a longer run triggers (:class:`Repeat`) — each full run of N (at N, 2N,
  3N …; the default), once per run (at N only), or every period from the Nth on;
- the consequence it leads to (a code and its text in zh_CN and en) and the clause.

Periods are consecutive when each is the one right after the last (the month after
2024-12 is 2025-01, the quarter after 2024-Q4 is 2025-Q1, the year after 2024 is 2025): a
period missing from the figures breaks every run, and so does a period that does not meet
the condition. All the periods given must be of one kind (all months, all quarters or all
years); named seasons, which have no next period, are refused.

:func:`find_runs` reads a :class:`RunPolicy` (rules in order) against each period's
figures and returns the :class:`RunMatch` es in period order, with one step each. With
``one_per_period`` (the default) a period that completes runs of several rules *leading
to the same consequence* counts only for the first of them in the policy's order — how
"one month under 60" takes precedence over "three months under 70" when both land on the
same month, both sending the person to retraining; runs keep counting either way. Rules
leading to different consequences are never folded into one another: each reports its
match, so no consequence is lost (a once-per-run promotion is not swallowed by a demotion
rule listed before it).

A measure is named in both languages on its :class:`Threshold` (``zh_CN`` / ``en``;
the measure id when not given), so a condition reads in words in either language
(:meth:`RunRule.condition`). The names the steps and findings of runs use for their own
inputs (:data:`RESERVED_MEASURES`) cannot name a measure.

The figures are exact numbers (``Decimal``, ``int`` or numeric text; floats are
refused); a period lacking a measure a rule tests is refused, never read as failing the
test.

>>> from decimal import Decimal
>>> from hrpolicy.core.period import Period, PeriodKind
>>> retraining = RunRule(
...     rule_id="three_under_70",
...     when=(Threshold(measure="score", comparison=Comparison.BELOW, value=Decimal(70)),),
...     periods=3,
...     consequence="retraining",
...     zh_CN="培训或调岗",
...     en="retraining or another post",
... )
>>> scores = {Period(year=2024, month=m): {"score": s} for m, s in [(3, 69), (4, 65), (5, 68)]}
>>> (match,) = find_runs(RunPolicy(rules=(retraining,)), scores).matches
>>> str(match.first), str(match.last), match.run_length
('2024-03', '2024-05', 3)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.core.explain import Explanation, Label, Step, step_of
from hrpolicy.core.fields import (
    PositiveInt,
    Text,
    argument,
    policy_checked,
    require_unique,
    typed_fields,
)
from hrpolicy.core.money import format_exact, parse_decimal
from hrpolicy.core.period import Period, PeriodKind

__all__ = [
    "RESERVED_MEASURES",
    "Comparison",
    "Figures",
    "Repeat",
    "RunMatch",
    "RunPolicy",
    "RunRule",
    "Runs",
    "Threshold",
    "find_runs",
    "following",
    "number_words",
    "span_words",
]


class Comparison(Choice):
    """How a measure is compared with a threshold's value."""

    BELOW = "below"  # <
    AT_MOST = "at_most"  # ≤
    AT_LEAST = "at_least"  # ≥
    ABOVE = "above"  # >


#: Each comparison's symbol and its words in zh_CN and en.
_WORDS: Final[Mapping[Comparison, tuple[str, str, str]]] = {
    Comparison.BELOW: ("<", "低于", "under"),
    Comparison.AT_MOST: ("≤", "不高于", "at most"),
    Comparison.AT_LEAST: ("≥", "不低于", "at least"),
    Comparison.ABOVE: (">", "高于", "above"),
}


#: Names a measure may not take: the inputs of a run's step (``from``, ``to``,
#: ``periods``, ``run_length``, ``condition``, ``clause``) and the params of a
#: consequence finding (``subject``, ``trigger``, ``consequence``, ``rule``, ``first``,
#: ``last``), which carry the figures next to them.
RESERVED_MEASURES: Final = frozenset(
    {
        "from",
        "to",
        "periods",
        "run_length",
        "condition",
        "clause",
        "subject",
        "trigger",
        "consequence",
        "rule",
        "first",
        "last",
    }
)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Threshold:
    """A test on one measure of a period: ``measure`` compared with ``value``; ``zh_CN``
    and ``en`` name the measure in words (the measure id when not given). A measure may
    not be named like a step input or a finding param (:data:`RESERVED_MEASURES`).

    >>> t = Threshold(measure="completion", comparison=Comparison.AT_LEAST, value=Decimal(1),
    ...               zh_CN="完成率", en="plan completion")
    >>> t.holds(Decimal("1.05")), t.holds(Decimal("0.99")), t.describe()
    (True, False, 'completion ≥ 1')
    >>> t.sentence()
    Label(zh_CN='完成率不低于1', en='plan completion at least 1')
    >>> Threshold(measure="periods", comparison=Comparison.BELOW, value=Decimal(1))
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.PolicyDefinitionError: Threshold.measure: expected a name other than ...
    """

    measure: Text
    comparison: Comparison
    value: Decimal
    zh_CN: str = ""
    en: str = ""

    def __attrs_post_init__(self) -> None:
        if self.measure in RESERVED_MEASURES:
            raise PolicyDefinitionError(
                "Threshold.measure",
                "a name other than those of a run's step inputs and finding params ("
                + ", ".join(sorted(RESERVED_MEASURES))
                + ")",
                self.measure,
            )

    @property
    def name(self) -> Label:
        """The measure's name in zh_CN and en (the measure id where not given)."""
        return Label(self.zh_CN or self.measure, self.en or self.measure)

    def holds(self, figure: Decimal | Fraction) -> bool:
        """Whether ``figure`` passes the test."""
        value = Fraction(self.value)
        given = Fraction(figure)
        if self.comparison is Comparison.BELOW:
            return given < value
        if self.comparison is Comparison.AT_MOST:
            return given <= value
        if self.comparison is Comparison.AT_LEAST:
            return given >= value
        return given > value

    def describe(self) -> str:
        """The test in symbols, e.g. ``score < 70``."""
        return f"{self.measure} {_WORDS[self.comparison][0]} {format_exact(self.value)}"

    def words(self) -> Label:
        """The comparison with its value in words, e.g. 低于70 / under 70."""
        _, zh, en = _WORDS[self.comparison]
        value = format_exact(self.value)
        return Label(f"{zh}{value}", f"{en} {value}")

    def sentence(self) -> Label:
        """The test in words with the measure's name, e.g. 完成率不低于100 / completion at
        least 100."""
        name, words = self.name, self.words()
        return Label(f"{name.zh_CN}{words.zh_CN}", f"{name.en} {words.en}")


class Repeat(Choice):
    """What a run longer than the rule's ``periods`` (N) triggers.

    - ``EVERY_FULL_RUN`` — a match at the Nth, 2Nth, 3Nth … period of the run (six months
      under 70 are two runs of three);
    - ``ONCE_PER_RUN`` — one match, at the Nth period; the run must break before another;
    - ``EVERY_PERIOD`` — a match at every period from the Nth on (a sliding window).
    """

    EVERY_FULL_RUN = "every_full_run"
    ONCE_PER_RUN = "once_per_run"
    EVERY_PERIOD = "every_period"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RunRule:
    """``periods`` consecutive periods (1 to 120) passing every test in ``when`` lead to the
    consequence ``consequence`` (a code; ``zh_CN`` / ``en`` say it in words)."""

    rule_id: Text
    when: tuple[Threshold, ...]
    consequence: Text
    zh_CN: Text
    en: Text
    periods: PositiveInt = 1
    repeat: Repeat = Repeat.EVERY_FULL_RUN
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        path = f"RunRule({self.rule_id})"
        if not self.when:
            raise PolicyDefinitionError(f"{path}.when", "at least one threshold", self.when)
        if self.periods > 120:
            raise PolicyDefinitionError(f"{path}.periods", "1 to 120 periods", self.periods)

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures the rule tests, in order, each once."""
        return tuple(dict.fromkeys(t.measure for t in self.when))

    def holds(self, figures: Mapping[str, Decimal]) -> bool:
        """Whether one period's figures pass every test."""
        return all(t.holds(figures[t.measure]) for t in self.when)

    def describe(self) -> str:
        """The condition in symbols, e.g. ``completion ≥ 1 and margin ≥ 0.25``."""
        return " and ".join(t.describe() for t in self.when)

    def condition(self) -> Label:
        """The condition in words in both languages, each test with its measure's name:
        完成率不低于100且毛利率不低于25 / completion at least 100 and margin at least 25."""
        words = [t.sentence() for t in self.when]
        return Label("且".join(w.zh_CN for w in words), " and ".join(w.en for w in words))


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RunPolicy:
    """Run rules in order; with ``one_per_period`` a period completing runs of several rules
    with the same consequence counts for the first of them only (rules with different
    consequences each report their match; see the module documentation)."""

    rules: tuple[RunRule, ...]
    one_per_period: bool = True
    name: Text = "runs"

    def __attrs_post_init__(self) -> None:
        if not self.rules:
            raise PolicyDefinitionError(f"RunPolicy({self.name}).rules", "at least one rule", ())
        require_unique([r.rule_id for r in self.rules], f"RunPolicy({self.name}).rules", "id")

    @property
    def measures(self) -> tuple[str, ...]:
        """Every measure the rules test, in order, each once."""
        return tuple(dict.fromkeys(m for r in self.rules for m in r.measures))


#: Each period's figures: a mapping of period to a mapping of measure to number, e.g.
#: ``{Period(year=2024, month=3): {"score": Decimal("68.5")}}``.
Figures = Mapping[Period, Mapping[str, Decimal | int | str]]


@attrs.frozen
class RunMatch:
    """A run that triggered its rule: the rule, the last ``rule.periods`` periods of the
    run (``periods``), how long the run was by then (``run_length``) and the figures of the
    period it completed on (``figures``: measure and value, in the rule's order)."""

    rule: RunRule
    periods: tuple[Period, ...]
    run_length: int
    figures: tuple[tuple[str, Decimal], ...]

    @property
    def first(self) -> Period:
        """The first period of the run that triggered."""
        return self.periods[0]

    @property
    def last(self) -> Period:
        """The period the run triggered on."""
        return self.periods[-1]

    def figure(self, measure: str) -> Decimal:
        """The figure ``measure`` of the period the run triggered on."""
        return dict(self.figures)[measure]


@attrs.frozen
class Runs:
    """What :func:`find_runs` found: the matches in period order (within a period, in the
    policy's rule order) and one step per match."""

    matches: tuple[RunMatch, ...]
    steps: tuple[Step, ...]

    @property
    def explanation(self) -> Explanation:
        """The steps as an explanation (findings are the engines' to make)."""
        return Explanation(self.steps, ())

    def of(self, rule_id: str) -> tuple[RunMatch, ...]:
        """The matches of one rule."""
        return tuple(m for m in self.matches if m.rule.rule_id == rule_id)


def following(period: Period) -> Period:
    """The period right after ``period``, of the same kind: the next month, quarter or
    year. A named season has no next period of its own (seasons are explicit date
    ranges), so it is refused.

    >>> [str(following(Period.parse(p))) for p in ["2024-12", "2024-Q4", "2024"]]
    ['2025-01', '2025-Q1', '2025']
    """
    argument(period, Period, "period")
    return period.following()


_ZH: Final = "一两三四五六七八九十"  # 两 before a measure word: 两个月
_EN: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


#: Each period kind's measure word for a count: 三个月 / three months.
_UNITS: Final = {
    PeriodKind.MONTH: ("个月", "month", "months"),
    PeriodKind.QUARTER: ("个季度", "quarter", "quarters"),
    PeriodKind.YEAR: ("年", "year", "years"),
    PeriodKind.SEASON: ("个季", "season", "seasons"),
}


def span_words(count: int, kind: PeriodKind) -> Label:
    """A run of ``count`` periods of ``kind`` in words: 连续三个月 / three consecutive
    months; one period is 一个月 / a month.

    >>> span_words(3, PeriodKind.MONTH)
    Label(zh_CN='连续三个月', en='three consecutive months')
    >>> span_words(1, PeriodKind.QUARTER)
    Label(zh_CN='一个季度', en='a quarter')
    """
    zh, one, many = _UNITS[kind]
    if count == 1:
        return Label(f"一{zh}", f"a {one}")
    words = number_words(count)
    return Label(f"连续{words.zh_CN}{zh}", f"{words.en} consecutive {many}")


def number_words(count: int) -> Label:
    """A count of periods in words, one to ten (三 / three); digits from 11 on.

    >>> number_words(3), number_words(12)
    (Label(zh_CN='三', en='three'), Label(zh_CN='12', en='12'))
    """
    if 1 <= count <= 10:
        return Label(_ZH[count - 1], _EN[count - 1])
    return Label(str(count), str(count))


def _figures(figures: object, measures: tuple[str, ...]) -> list[tuple[Period, dict[str, Decimal]]]:
    """The periods and their exact figures, in period order, checked."""
    if not isinstance(figures, Mapping):
        raise InvalidTypeError(
            "figures", "a mapping of period (Period) to a mapping of measure to number", figures
        )
    rows = []
    for key, values in figures.items():
        if not isinstance(key, Period):
            raise InvalidTypeError("figures", "a Period for each key", key)
        path = f"figures[{key}]"
        if not isinstance(values, Mapping):
            raise InvalidTypeError(path, "a mapping of measure to number", values)
        missing = [m for m in measures if m not in values]
        if missing:
            raise InvalidValueError(
                path, f"a figure for every measure the rules test ({', '.join(measures)})", missing
            )
        rows.append((key, {m: parse_decimal(values[m], field=f"{path}.{m}") for m in measures}))
    kinds = sorted({p.kind.value for p, _ in rows})
    if len(kinds) > 1:
        raise InvalidValueError(
            "figures", "periods of one kind (all months, all quarters or all years)", kinds
        )
    if kinds == [PeriodKind.SEASON.value]:
        raise InvalidValueError(
            "figures",
            "months, quarters or years (a season has no next period to make a run)",
            [str(p) for p, _ in rows],
        )
    rows.sort(key=lambda row: row[0].first_day)
    return rows


def find_runs(policy: RunPolicy, figures: Figures) -> Runs:
    """The runs of consecutive periods meeting each rule's condition, and what they trigger.

    Args:
        policy: the :class:`RunPolicy` (its rules in order).
        figures: each period's figures — a mapping of
            :class:`~hrpolicy.core.period.Period` to a mapping of measure name to number
            (``Decimal``, ``int`` or numeric text); every measure a rule tests must be
            given for every period. Periods in any order, all of one kind; a period
            missing from the mapping breaks every run.

    Returns:
        :class:`Runs`: the :class:`RunMatch` es in period order, one step each (rule id
        ``runs.<rule_id>``, inputs: the first and last period, the run's length, the
        condition and the figures).

    Raises:
        InvalidTypeError: figures that are not a mapping of ``Period`` to a mapping, or a
            float figure.
        InvalidValueError: a measure a rule tests missing for a period, text that is not a
            number, or periods of different kinds.

    Example:
        >>> from hrpolicy.core.period import Period, PeriodKind
        >>> at_least = Comparison.AT_LEAST
        >>> promotion = RunRule(
        ...     rule_id="promotion",
        ...     when=(
        ...         Threshold(measure="completion", comparison=at_least, value=Decimal(1)),
        ...         Threshold(measure="margin", comparison=at_least, value=Decimal("0.25")),
        ...     ),
        ...     periods=3,
        ...     repeat=Repeat.ONCE_PER_RUN,
        ...     consequence="promotion",
        ...     zh_CN="晋升",
        ...     en="promotion",
        ... )
        >>> months = {
        ...     Period(year=2024, month=m): {"completion": c, "margin": "0.26"}
        ...     for m, c in [(1, "1.1"), (2, "1.0"), (4, "1.2"), (5, "1.3"), (6, "1.05")]
        ... }
        >>> [str(m.last) for m in find_runs(RunPolicy(rules=(promotion,)), months).matches]
        ['2024-06']
        >>> find_runs(RunPolicy(rules=(promotion,)), {Period(year=2024, month=1): {"margin": 1}})
        Traceback (most recent call last):
        ...
        hrpolicy.core.errors.InvalidValueError: figures[2024-01]: expected a figure for every ...
    """
    argument(policy, RunPolicy, "policy")
    rows = _figures(figures, policy.measures)
    runs: dict[str, list[Period]] = {r.rule_id: [] for r in policy.rules}
    matches: list[RunMatch] = []
    steps: list[Step] = []
    previous: Period | None = None
    for period, values in rows:
        consecutive = previous is not None and following(previous) == period
        previous = period
        taken: set[str] = set()  # the consequences reported for the period
        for rule in policy.rules:
            run = runs[rule.rule_id]
            if not rule.holds(values):
                run.clear()
                continue
            if not consecutive:
                run.clear()
            run.append(period)
            length, n = len(run), rule.periods
            if rule.repeat is Repeat.EVERY_FULL_RUN:
                triggered = length % n == 0
            elif rule.repeat is Repeat.ONCE_PER_RUN:
                triggered = length == n
            else:
                triggered = length >= n
            if not triggered or (rule.consequence in taken and policy.one_per_period):
                continue
            taken.add(rule.consequence)
            match = RunMatch(
                rule=rule,
                periods=tuple(run[-n:]),
                run_length=length,
                figures=tuple((m, values[m]) for m in rule.measures),
            )
            matches.append(match)
            steps.append(_step(match))
    return Runs(matches=tuple(matches), steps=tuple(steps))


def _step(match: RunMatch) -> Step:
    rule = match.rule
    span = span_words(rule.periods, match.last.kind)
    return step_of(
        f"runs.{rule.rule_id}",
        Label(
            f"{span.zh_CN}满足条件 → {rule.zh_CN}",
            f"{span.en} meeting the condition → {rule.en}",
        ),
        {
            "from": str(match.first),
            "to": str(match.last),
            "periods": rule.periods,
            "run_length": match.run_length,
            "condition": rule.describe(),
            **dict(match.figures),
            "clause": rule.clause or None,
        },
        rule.consequence,
    )
