"""How every result explains itself: ordered steps and findings.

A :class:`Step` records one rule applied: its id, the legal citation (if any), the inputs it
read and the output it produced, with a short label in Chinese and English. A
:class:`Finding` records something a reader must know — a void clause, a contested point, a
demand above what the law allows — with a stable code, a :class:`Severity`, a message in
zh_CN and en, and the citations.

Findings are built from a :class:`Catalog` of :class:`FindingSpec` entries, so every code
has both languages and its citations in one place, and a message's placeholders are checked
when the catalog is built.

:class:`Explanation` holds both lists and renders them (``to_records(table)`` for pandas,
``_repr_html_`` / ``_repr_markdown_`` / ``_repr_pretty_`` for Jupyter) — deterministically,
with no clock, locale or environment read.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, PolicyDefinitionError
from hrpolicy.core.formatting import render_value
from hrpolicy.core.label import Label, is_chinese
from hrpolicy.core.money import Rate
from hrpolicy.law.provisions import Provision, provision

__all__ = [
    "Catalog",
    "Explanation",
    "Finding",
    "FindingSpec",
    "FindingValue",
    "Label",
    "Severity",
    "Step",
    "StepValue",
    "Trail",
    "catalog_named",
    "formatted_label",
    "render_value",
    "step_of",
]

#: What a step may record as an input or an output.
StepValue = Decimal | Fraction | int | str | bool | date | Rate | Label | None


class Severity(Choice):
    """How much a finding matters.

    - ``INFO`` — context a reader should see (a separate damages claim remains open…);
    - ``WARNING`` — a contested point or a risk (probation, a clause that may be cut);
    - ``VIOLATION`` — a clause or a demand that breaks the law and is void or cut.
    """

    INFO = "info"
    WARNING = "warning"
    VIOLATION = "violation"


@attrs.frozen
class Step:
    """One rule applied: ``rule`` id, ``citations``, ``inputs`` (ordered), ``output``."""

    rule: str
    label: Label
    inputs: tuple[tuple[str, StepValue], ...]
    output: StepValue
    citations: tuple[Provision, ...] = ()

    @property
    def input_map(self) -> dict[str, StepValue]:
        """The inputs as a dict (insertion-ordered)."""
        return dict(self.inputs)


#: What a finding may carry as a parameter: the same kinds of value a step records.
FindingValue = StepValue


@attrs.frozen
class Finding:
    """Something the reader must know, with a stable ``code``, its data and both languages.

    A finding is data first: ``params`` holds the typed values its message templates use
    (amounts as ``Decimal``, dates, counts, the clause or invoice it is about), in order,
    so an application can act on a shortfall without parsing text. The messages are
    rendered from the catalog the finding came from (``catalog``) when someone reads
    them, never stored.

    >>> from decimal import Decimal
    >>> from hrpolicy.core.explain import Catalog, FindingSpec, Severity
    >>> spec = FindingSpec(Severity.WARNING, "短缺{gap}元", "short by {gap}")
    >>> found = Catalog("demo.finding", {"x.short": spec}).finding("x.short", gap=Decimal("860.00"))
    >>> found.param("gap"), found.message("en"), found.message("zh_CN")
    (Decimal('860.00'), 'short by 860.00', '短缺860.00元')
    """

    code: str
    severity: Severity
    params: tuple[tuple[str, FindingValue], ...] = ()
    citations: tuple[Provision, ...] = ()
    subject: str = ""
    catalog: str = ""

    @property
    def param_map(self) -> dict[str, FindingValue]:
        """The parameters as a dict (insertion-ordered)."""
        return dict(self.params)

    def param(self, name: str) -> FindingValue:
        """The parameter ``name``; an unknown name is an
        :class:`~hrpolicy.core.errors.InvalidValueError` listing the names it has."""
        for key, value in self.params:
            if key == name:
                return value
        known = ", ".join(key for key, _ in self.params) or "no parameters"
        raise InvalidValueError("name", f"one of {known}", name)

    def spec(self) -> FindingSpec:
        """The catalog entry this finding was built from."""
        return catalog_named(self.catalog)[self.code]

    def message(self, locale: str) -> str:
        """The message in ``locale`` (``'zh_CN'`` or ``'en'``), rendered from the catalog."""
        spec = self.spec()
        zh = is_chinese(locale)
        values = {
            name: (value.zh_CN if zh else value.en)
            if isinstance(value, Label)
            else render_value(value)
            for name, value in self.params
        }
        return (spec.zh_CN if zh else spec.en).format(**values)

    @property
    def message_zh_CN(self) -> str:  # noqa: N802 - named after the locale
        """The message in Chinese."""
        return self.message("zh_CN")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")


#: A step as :meth:`Trail.step` records it: the arguments of its :class:`Step`, the
#: inputs as a mapping the trail owns.
_StepRecord = tuple[str, Label, Mapping[str, StepValue], StepValue, tuple[Provision, ...]]
#: A finding as :meth:`Trail.find` records it: its :class:`Finding`'s code, severity,
#: parameters (the keyword dict the finding was reported with), citations, subject and
#: catalog.
_FindingRecord = tuple[str, Severity, dict[str, Any], tuple[Provision, ...], str, str]
#: What an explanation made from records holds until it is read.
_Recorded = tuple[
    "Explanation | None",
    tuple[Step | _StepRecord, ...],
    tuple[Finding | _FindingRecord, ...],
]


@attrs.frozen
class FindingSpec:
    """A catalog entry: severity, message templates in both languages, citations."""

    severity: Severity
    zh_CN: str
    en: str
    citations: tuple[Provision, ...] = ()

    def placeholders(self, template: str) -> frozenset[str]:
        """The ``{name}`` placeholders a template uses."""
        return frozenset(
            name for _, name, _, _ in string.Formatter().parse(template) if name is not None
        )


class Catalog:
    """The findings one engine can report, keyed by code.

    Building the catalog checks that both languages use the same placeholders; asking for
    an unknown code or leaving a placeholder unfilled raises
    :class:`~hrpolicy.core.errors.InvalidValueError`.

    >>> from hrpolicy.core.explain import Catalog, FindingSpec, Severity
    >>> spec = FindingSpec(Severity.WARNING, "迟交{days}天", "{days} days late")
    >>> cat = Catalog("demo", {"x.late": spec})
    >>> cat.finding("x.late", days=3).message("en")
    '3 days late'
    """

    def __init__(self, name: str, specs: Mapping[str, FindingSpec]) -> None:
        for code, spec in specs.items():
            if spec.placeholders(spec.zh_CN) != spec.placeholders(spec.en):
                raise PolicyDefinitionError(
                    f"{name}.{code}", "the same placeholders in zh_CN and en messages", spec
                )
        registered = _CATALOGS.get(name)
        if registered is not None and registered._specs != dict(specs):
            raise PolicyDefinitionError(
                "Catalog.name",
                "a name no other catalog uses (findings find their text by it)",
                name,
            )
        self.name: str = name
        self._specs: dict[str, FindingSpec] = dict(specs)
        self._placeholders: dict[str, frozenset[str]] = {
            code: spec.placeholders(spec.en) for code, spec in self._specs.items()
        }
        _CATALOGS[name] = self

    def __contains__(self, code: object) -> bool:
        return code in self._specs

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __getitem__(self, code: str) -> FindingSpec:
        return self._specs[code]

    def finding(
        self,
        code: str,
        *,
        subject: str = "",
        extra_citations: Iterable[Provision] = (),
        **params: Any,
    ) -> Finding:
        """Build the finding ``code`` with its message placeholders filled from ``params``.

        A :class:`Label` parameter fills each language's message with its own text; any
        other value is rendered the same way in both.
        """
        if code not in self._specs:
            raise InvalidValueError(f"{self.name} finding code", "a code in the catalog", code)
        spec = self._specs[code]
        missing = sorted(self._placeholders[code] - params.keys())
        if missing:
            raise InvalidValueError(f"{self.name}.{code}", "a value for every placeholder", missing)
        for name, value in params.items():
            if not isinstance(value, _FINDING_VALUE_TYPES) or isinstance(value, datetime):
                raise InvalidTypeError(
                    f"{self.name}.{code}.{name}", "a step value (Decimal, int, date, text…)", value
                )
        return Finding(
            code=code,
            severity=spec.severity,
            params=tuple(params.items()),
            citations=(*spec.citations, *extra_citations),
            subject=subject,
            catalog=self.name,
        )

    def _recorded(
        self, code: str, subject: str, params: dict[str, Any]
    ) -> Finding | _FindingRecord:
        """What :meth:`Trail.find` keeps: the finding's fields, checked as :meth:`finding`
        checks them but built only when read — or, for anything short of a known code, every
        placeholder filled and values of the plain step types, the built finding (or its
        error) from :meth:`finding`. ``params`` is the caller's own keyword dict."""
        placeholders = self._placeholders.get(code)
        if placeholders is not None and placeholders <= params.keys():
            for value in params.values():
                if type(value) not in _PLAIN_VALUE_TYPES:
                    break
            else:
                spec = self._specs[code]
                return (code, spec.severity, params, spec.citations, subject, self.name)
        return self.finding(code, subject=subject, **params)


_FINDING_VALUE_TYPES: Final = (Decimal, Fraction, int, str, bool, date, Rate, Label, type(None))
#: The exact types a finding value mostly has (a ``date`` here is never a ``datetime``).
_PLAIN_VALUE_TYPES: Final = frozenset(_FINDING_VALUE_TYPES)
_CATALOGS: dict[str, Catalog] = {}


def catalog_named(name: str) -> Catalog:
    """The catalog registered under ``name`` (each engine's catalog registers itself when
    its messages module is imported)."""
    found = _CATALOGS.get(name)
    if found is None:
        known = ", ".join(sorted(_CATALOGS)) or "none loaded"
        raise InvalidValueError("catalog", f"one of {known}", name)
    return found


@attrs.frozen
class Explanation:
    """Ordered steps and findings, renderable in notebooks and as flat records.

    An explanation a :class:`Trail` made (:meth:`Trail.explanation`) holds what the trail
    recorded and builds its :class:`Step` and :class:`Finding` objects the first time
    ``steps`` or ``findings`` is read — equality, hashing, rendering and writing all read
    them — so an engine that explains every figure pays for the objects only when someone
    looks. The values are the same either way:

    >>> trail = Trail(Catalog("demo.deferred", {}))
    >>> trail.step("x.total", Label("合计", "total"), {"a": 1}, 1)
    >>> made = trail.explanation()
    >>> made == Explanation((Step("x.total", Label("合计", "total"), (("a", 1),), 1),))
    True
    """

    steps: tuple[Step, ...] = ()
    findings: tuple[Finding, ...] = ()
    #: What a trail recorded, until ``steps`` or ``findings`` is first read: the
    #: explanation it continues, and its own steps and findings as recorded.
    _recorded: _Recorded | None = attrs.field(
        default=None, init=False, eq=False, order=False, hash=False, repr=False
    )

    @classmethod
    def _of_records(
        cls,
        before: Explanation | None,
        steps: tuple[Step | _StepRecord, ...],
        findings: tuple[Finding | _FindingRecord, ...],
    ) -> Explanation:
        """The explanation of a trail's records (after ``before``), built when read."""
        made = object.__new__(cls)
        object.__setattr__(made, "_recorded", (before, steps, findings))
        return made

    if not TYPE_CHECKING:  # to a type checker, ``steps`` and ``findings`` are plain fields

        def __getattr__(self, name: str) -> Any:
            # Reached only for an attribute not set: ``steps`` and ``findings`` of an
            # explanation made from records, before they are first read.
            recorded = self._recorded if name != "_recorded" else None
            if recorded is None or name not in ("steps", "findings"):
                raise AttributeError(f"'Explanation' object has no attribute {name!r}")
            before, step_records, finding_records = recorded
            steps, findings = _built_steps(step_records), _built_findings(finding_records)
            if before is not None:
                steps, findings = before.steps + steps, before.findings + findings
            object.__setattr__(self, "steps", steps)
            object.__setattr__(self, "findings", findings)
            object.__setattr__(self, "_recorded", None)
            return steps if name == "steps" else findings

    @classmethod
    def joined(cls, parts: Iterable[Explanation]) -> Explanation:
        """The steps and then the findings of ``parts``, each in order: how one person's
        run over months explains itself by the months' explanations.

        >>> a = Explanation((), (Finding("x", Severity.INFO, catalog="bonds"),))
        >>> Explanation.joined([a, Explanation(), a]).codes()
        ('x', 'x')
        """
        explanations = tuple(parts)
        return cls(
            tuple(step for e in explanations for step in e.steps),
            tuple(finding for e in explanations for finding in e.findings),
        )

    def provisions(self) -> tuple[Provision, ...]:
        """The provisions cited, each once, in the order first cited (the steps', then the
        findings'), read without building the steps and findings of an explanation not
        yet read.

        >>> from hrpolicy.law.provisions import provision
        >>> step = Step("x", Label("合计", "total"), (), 0, (provision("LCL 22(2)"),))
        >>> [c.id for c in Explanation((step, step)).provisions()]
        ['LCL 22(2)']
        """
        cited: dict[int, Provision] = {}
        self._cite_all(cited)
        return tuple(cited.values())

    def _cite_all(self, cited: dict[int, Provision]) -> None:
        """Add the provisions the steps, then the findings, cite to ``cited``."""
        self._cite_into(cited, steps=True)
        self._cite_into(cited, steps=False)

    def _cite_into(self, cited: dict[int, Provision], *, steps: bool) -> None:
        """Add the provisions the steps (or the findings) cite to ``cited``, by identity."""
        recorded = self._recorded
        if recorded is None:
            _cite_into(cited, self.steps if steps else (), () if steps else self.findings)
            return
        before, step_records, finding_records = recorded
        if before is not None:
            before._cite_into(cited, steps=steps)
        _cite_into(cited, step_records if steps else (), () if steps else finding_records)

    def codes(self) -> tuple[str, ...]:
        """The finding codes, in order."""
        return tuple(f.code for f in self.findings)

    def step(self, rule: str) -> Step:
        """The first step with rule id ``rule``."""
        for candidate in self.steps:
            if candidate.rule == rule:
                return candidate
        raise InvalidValueError("rule", f"one of {', '.join(s.rule for s in self.steps)}", rule)

    def has(self, code: str) -> bool:
        """Whether a finding with ``code`` was reported."""
        return any(f.code == code for f in self.findings)

    def to_records(self, table: str = "steps", *, locale: str = "en") -> list[dict[str, Any]]:
        """The rows of one of the explanation's tidy tables (``steps``, ``step_inputs``,
        ``findings`` or ``finding_params``; layouts in :mod:`hrpolicy.core.records`)."""
        from hrpolicy.core.records import explanation_tables  # noqa: PLC0415 - records imports explain

        tables = explanation_tables(self, locale=locale)
        if table not in tables:
            raise InvalidValueError("table", f"one of {', '.join(tables)}", table)
        return tables[table].to_records()

    def to_text(self, locale: str = "en") -> str:
        """A plain-text rendering."""
        from hrpolicy.core.display import explanation_text  # noqa: PLC0415 - display imports explain

        return explanation_text(self, locale)

    def _repr_markdown_(self) -> str:
        from hrpolicy.core.display import explanation_markdown  # noqa: PLC0415

        return explanation_markdown(self)

    def _repr_html_(self) -> str:
        from hrpolicy.core.display import explanation_html  # noqa: PLC0415

        return explanation_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text("Explanation(...)" if cycle else self.to_text("en"))


class Trail:
    """A builder for an :class:`Explanation`: engines append steps and findings in the
    order they apply rules, then freeze the result.

    A step or finding is checked when it is recorded (a finding's code, its placeholders
    and its values, as :meth:`Catalog.finding` checks them) and built as an object only
    when read: through :attr:`steps` and :attr:`findings`, or through the explanation.

    >>> late = FindingSpec(Severity.INFO, "迟{d}天", "{d} days late")
    >>> catalog = Catalog("demo.trail", {"late": late})
    >>> trail = Trail(catalog)
    >>> trail.step("x.total", Label("合计", "total"), {"a": 1, "b": 2}, 3)
    >>> trail.find("late", d=2)
    >>> trail.explanation().codes(), trail.explanation().steps[0].output
    (('late',), 3)
    >>> trail.find("early", d=2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: demo.trail finding code: expected a code in ...
    """

    #: Whether :meth:`step` keeps each inputs mapping as given rather than a copy: for an
    #: engine whose every step is given a mapping made for it and never changed after.
    keeps_inputs: bool = False

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._steps: list[Step | _StepRecord] = []
        self._findings: list[Finding | _FindingRecord] = []

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps so far, in order."""
        built = _built_steps(self._steps)
        self._steps[:] = built
        return built

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings so far, in order."""
        built = _built_findings(self._findings)
        self._findings[:] = built
        return built

    def step(
        self,
        rule: str,
        text: Label,
        inputs: Mapping[str, StepValue],
        output: StepValue,
        *citations: Provision,
    ) -> None:
        """Record a rule applied, with its inputs (in order), output and citations.

        The inputs are copied as they are now, unless the trail's engine keeps them as
        given (:attr:`keeps_inputs`)."""
        kept = inputs if self.keeps_inputs else dict(inputs)
        self._steps.append((rule, text, kept, output, citations))

    def find(self, code: str, subject: str = "", **params: Any) -> None:
        """Record the catalog's finding ``code`` with its message parameters."""
        self._findings.append(self.catalog._recorded(code, subject, params))

    def add_step(self, step: Step) -> None:
        """Record a step already built (one an engine keeps and reuses)."""
        self._steps.append(step)

    def add_finding(self, finding: Finding) -> None:
        """Record a finding already built (one with citations besides its catalog's)."""
        self._findings.append(finding)

    def extend(self, steps: Iterable[Step] = (), findings: Iterable[Finding] = ()) -> None:
        """Record the steps and findings of another part, in order, after those so far."""
        self._steps.extend(steps)
        self._findings.extend(findings)

    def provisions(self, before: Explanation | None = None) -> tuple[Provision, ...]:
        """The provisions cited so far, each once, in the order first cited (the steps',
        then the findings'); after those of ``before`` if given, as in
        :meth:`explanation`."""
        cited: dict[int, Provision] = {}
        if before is not None:
            before._cite_all(cited)
        _cite_into(cited, self._steps, self._findings)
        return tuple(cited.values())

    def explanation(self, before: Explanation | None = None) -> Explanation:
        """The steps and findings so far, after those of ``before`` if given."""
        return Explanation._of_records(before, tuple(self._steps), tuple(self._findings))


def _cite_into(
    cited: dict[int, Provision],
    steps: Iterable[Step | _StepRecord],
    findings: Iterable[Finding | _FindingRecord],
) -> None:
    # Keyed by identity: a repeated key keeps its first place in the dict.
    for item in steps:
        for citation in item.citations if isinstance(item, Step) else item[4]:
            cited[id(citation)] = citation
    for found in findings:
        for citation in found.citations if isinstance(found, Finding) else found[3]:
            cited[id(citation)] = citation


def _built_steps(items: Iterable[Step | _StepRecord]) -> tuple[Step, ...]:
    return tuple(
        item
        if isinstance(item, Step)
        else Step(item[0], item[1], tuple(item[2].items()), item[3], item[4])
        for item in items
    )


def _built_findings(items: Iterable[Finding | _FindingRecord]) -> tuple[Finding, ...]:
    return tuple(
        item
        if isinstance(item, Finding)
        else Finding(item[0], item[1], tuple(item[2].items()), item[3], item[4], item[5])
        for item in items
    )


def step_of(
    rule: str, text: Label, inputs: Mapping[str, StepValue], output: StepValue, *cites: str
) -> Step:
    """A :class:`Step` citing provisions by id; inputs that do not apply (``None``) are
    left out.

    >>> step_of("r", Label("合计", "total"), {"a": 1, "b": None}, 1, "WPP 16").inputs
    (('a', 1),)
    """
    kept = tuple((name, value) for name, value in inputs.items() if value is not None)
    return Step(rule, text, kept, output, tuple(provision(c) for c in cites))


def formatted_label(zh_CN: str, en: str) -> Label:  # noqa: N803 - named after the locale
    """The :class:`Label` of two texts the caller formatted itself (f-strings: both are
    ``str``), made without the constructor's argument checks — for an engine labelling
    each deal's step and line with the deal's own id, thousands of times a statement.

    >>> formatted_label("合同D1", "deal D1") == Label("合同D1", "deal D1")
    True
    """
    made = object.__new__(Label)
    object.__setattr__(made, "zh_CN", zh_CN)
    object.__setattr__(made, "en", en)
    return made
