"""Deterministic renderings of results for terminals and notebooks.

Every result offers ``to_text(locale)``, ``_repr_markdown_``, ``_repr_html_`` and
``_repr_pretty_`` through :class:`Displayable`. The notebook renderings show both languages
side by side (they take no locale argument); the text rendering takes an explicit locale.
Nothing here reads the clock, the environment or the process locale.

Renderings are for reading: amounts of money in a summary (:class:`Amount`) carry the
currency (``¥3,106.67``, in English ``CN¥3,106.67``), decimals in steps are grouped by
thousands in the locale's symbols (``30,000``, ``3,106.67``), exact fractions too; whole
numbers (years, counts) are left as they are. :func:`render_value` is the plain form
(``3106.67``, the same in both languages) that finding messages, flat records and JSON
use, so they can be searched and compared. Both are exact: nothing is rounded here but an
:class:`Amount`, half up to the fen, as :func:`~hrpolicy.core.formatting.format_money`
does.
"""

from __future__ import annotations

import abc
import html
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Union

import attrs

from hrpolicy.core.checked import value_checked
from hrpolicy.core.explain import Explanation, StepValue
from hrpolicy.core.formatting import render_value
from hrpolicy.core.label import Label, is_chinese
from hrpolicy.core.money import format_exact, money_sum, parse_decimal
from hrpolicy.core.records import Table, Tabular, explanation_tables

__all__ = [
    "Amount",
    "Change",
    "Displayable",
    "SummaryValue",
    "View",
    "amount",
    "display_value",
    "explanation_html",
    "explanation_markdown",
    "explanation_text",
    "render_value",
]


@value_checked
@attrs.frozen
class Amount:
    """An amount of money in a result's summary, shown with its currency."""

    value: Decimal

    def __attrs_post_init__(self) -> None:
        parse_decimal(self.value, field="Amount.value")


@value_checked
@attrs.frozen
class Change:
    """An amount of money before and after (a what-if), shown as ``¥3,000.00 → ¥3,106.67
    (+¥106.67)``; with ``money=False`` a number that is not money (a score), shown as
    ``91.80 → 91.20 (-0.60)``."""

    before: Decimal
    after: Decimal
    money: bool = True

    def __attrs_post_init__(self) -> None:
        for name in ("before", "after"):
            parse_decimal(getattr(self, name), field=f"Change.{name}")


def amount(value: Decimal | None) -> Amount | None:
    """``value`` marked as money for a summary (``None`` stays ``None``: not given)."""
    return None if value is None else Amount(value)


#: What a summary row may show: a step value, an amount of money, or a change of one.
SummaryValue = Union["StepValue", Amount, Change]

_PLAIN_SYMBOLS: Final = (",", ".")


def _symbols(locale: str | None) -> tuple[str, str]:
    """The group and decimal symbols of ``locale`` (babel's CLDR data)."""
    if locale is None:
        return _PLAIN_SYMBOLS
    is_chinese(locale)  # refuses a locale the library does not speak
    from babel.numbers import get_decimal_symbol, get_group_symbol  # noqa: PLC0415 - deferred

    return get_group_symbol(locale), get_decimal_symbol(locale)


def _grouped(text: str, locale: str | None) -> str:
    """``text`` (a plain number such as ``-1234567.50`` or ``1666.66…``) with its whole
    part grouped by thousands, in the locale's symbols. Grouping the text keeps every
    digit as it is: babel's ``format_decimal`` drops trailing zeros (``6000.00`` →
    ``6,000``), quantizes in the caller's decimal context and fails on long numbers, so
    only its symbols are used."""
    group, point = _symbols(locale)
    sign = "-" if text.startswith("-") else ""
    whole, dot, rest = text.removeprefix("-").partition(".")
    if not whole.isdigit():
        return text
    head = len(whole) % 3 or 3
    parts = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
    return sign + group.join(parts) + (point + rest if dot else "")


def display_value(value: object, locale: str | None = None) -> str:
    """Render a value for reading in ``locale`` (both languages when ``None``): money with
    its currency (with no locale, as Chinese readers write it, ``¥``, which English
    readers read too), decimals and fractions grouped by thousands; everything else as
    :func:`render_value` does.

    >>> display_value(Amount(Decimal("3106.666")), "zh_CN")
    '¥3,106.67'
    >>> display_value(Amount(Decimal("5")), "en"), display_value(Decimal("-30000"))
    ('CN¥5.00', '-30,000')
    >>> display_value(Fraction(10000, 3), "en"), display_value(2024)
    ('3,333.3333333333…', '2024')
    >>> display_value(Change(Decimal("3000"), Decimal("3106.67")), "zh_CN")
    '¥3,000.00 → ¥3,106.67 (+¥106.67)'
    >>> display_value(Change(Decimal("91.80"), Decimal("91.20"), money=False), "en")
    '91.80 → 91.20 (-0.60)'

    """
    if isinstance(value, Amount):
        from hrpolicy.core.formatting import format_money  # noqa: PLC0415 - babel is deferred

        return format_money(value.value, locale=locale or "zh_CN")
    if isinstance(value, Change):
        shown = Amount if value.money else Decimal
        before, after = (display_value(shown(v), locale) for v in (value.before, value.after))
        difference = display_value(shown(money_sum((value.after, -value.before))), locale)
        return f"{before} → {after} ({'' if difference.startswith('-') else '+'}{difference})"
    if isinstance(value, Decimal):
        return _grouped(format(value, "f"), locale)
    if isinstance(value, Fraction):
        return _grouped(format_exact(value), locale)
    return render_value(value, locale)


def _is_number(value: object) -> bool:
    return isinstance(value, (Amount, Change, Decimal, Fraction, int)) and not isinstance(
        value, bool
    )


@attrs.frozen
class View:
    """What a result shows: a title, headline figures and its explanation."""

    title: Label
    summary: tuple[tuple[Label, SummaryValue], ...]
    explanation: Explanation


class Displayable(Tabular):
    """Base of every result: subclasses say what they show (:meth:`_view`); this class
    provides the renderings."""

    __slots__ = ()

    @abc.abstractmethod
    def _view(self) -> View:
        """The title, headline figures and explanation to render."""

    def tables(self, locale: str = "en") -> Mapping[str, Table]:
        """Every table of this result, by name, in a stated order: the result's own
        (``totals``, ``lines``… — see its class) first, then ``steps``, ``step_inputs``,
        ``findings`` and ``finding_params`` (layouts in :mod:`hrpolicy.core.records`).
        Text cells (labels, messages, citations) are in ``locale``."""
        return explanation_tables(self._view().explanation, locale=locale)

    def to_text(self, locale: str = "en") -> str:
        """Plain text in ``locale`` (``'en'`` or ``'zh_CN'``)."""
        return view_text(self._view(), locale)

    def to_markdown(self, locale: str | None = None) -> str:
        """Markdown in ``locale`` (``'en'`` or ``'zh_CN'``); with no locale, both
        languages side by side (what Jupyter shows)."""
        return view_markdown(self._view(), locale)

    def to_html(self, locale: str | None = None) -> str:
        """An HTML fragment in ``locale`` (``'en'`` or ``'zh_CN'``); with no locale, both
        languages side by side (what Jupyter shows)."""
        return view_html(self._view(), locale)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(f"{type(self).__name__}(...)" if cycle else self.to_text("en"))


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- text ----------------------------------------------------------------------------


def explanation_text(explanation: Explanation, locale: str) -> str:
    """The steps and findings as numbered plain-text lines."""
    zh = locale.startswith("zh")
    lines = ["步骤:" if zh else "Steps:"]
    for number, step in enumerate(explanation.steps, 1):
        cite = "; ".join(c.cite(locale) for c in step.citations)
        lines.append(f"  {number}. [{step.rule}] {step.label.in_locale(locale)}")
        if step.inputs:
            shown = ", ".join(f"{k}={display_value(v, locale)}" for k, v in step.inputs)
            lines.append(f"     {'输入' if zh else 'inputs'}: {shown}")
        lines.append(
            f"     → {display_value(step.output, locale)}" + (f"   ({cite})" if cite else "")
        )
    lines.append("发现:" if zh else "Findings:")
    if not explanation.findings:
        lines.append("  （无）" if zh else "  (none)")
    for finding in explanation.findings:
        cite = "; ".join(c.cite(locale) for c in finding.citations)
        subject = f" <{finding.subject}>" if finding.subject else ""
        lines.append(
            f"  - {finding.severity.value.upper()} {finding.code}{subject}: "
            f"{finding.message(locale)}" + (f" ({cite})" if cite else "")
        )
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def view_text(view: View, locale: str) -> str:
    """A whole result as plain text: the title, the summary as two columns (numbers
    right-aligned), then the explanation."""
    lines = [view.title.in_locale(locale)]
    names = [label.in_locale(locale) for label, _ in view.summary]
    values = [display_value(value, locale) for _, value in view.summary]
    width = max((_width(name) for name in names), default=0)
    figures = max(
        (_width(text) for text, (_, v) in zip(values, view.summary, strict=True) if _is_number(v)),
        default=0,
    )
    for name, text, (_, value) in zip(names, values, view.summary, strict=True):
        pad = " " * (figures - _width(text)) if _is_number(value) else ""
        lines.append(f"  {name}{' ' * (width - _width(name))}  {pad}{text}".rstrip())
    lines.append(explanation_text(view.explanation, locale))
    return "\n".join(lines)


# --- markdown ------------------------------------------------------------------------

_STEP_HEADER = ("#", "rule", "step", "inputs", "output", "citation")
_FINDING_HEADER = ("severity", "code", "subject", "en", "zh_CN", "citation")
_SUMMARY_HEADER = ("item / 项目", "value / 数值")
#: The headers in one language, when a locale is given: (English, Chinese).
_STEP_HEADERS: Final = (
    ("#", "rule", "step", "inputs", "output", "citation"),
    ("#", "规则", "步骤", "输入", "结果", "依据"),
)
_FINDING_HEADERS: Final = (
    ("severity", "code", "subject", "message", "citation"),
    ("严重程度", "代码", "对象", "说明", "依据"),
)
_SUMMARY_HEADERS: Final = (("item", "value"), ("项目", "数值"))
_HEADINGS: Final = (("Steps", "Findings", "(none)"), ("步骤", "发现", "（无）"))


def _headers(locale: str | None) -> tuple[Sequence[str], Sequence[str], Sequence[str]]:
    """The summary, step and finding headers: bilingual with no locale, else in it."""
    if locale is None:
        return _SUMMARY_HEADER, _STEP_HEADER, _FINDING_HEADER
    zh = int(is_chinese(locale))
    return _SUMMARY_HEADERS[zh], _STEP_HEADERS[zh], _FINDING_HEADERS[zh]


def _headings(locale: str | None) -> tuple[str, str, str]:
    """The headings of the steps and the findings, and the text for no findings."""
    if locale is None:
        return "Steps / 步骤", "Findings / 发现", "(none / 无)"
    return _HEADINGS[int(is_chinese(locale))]


def _in(label: Label, locale: str | None) -> str:
    """``label`` in ``locale``; both languages with no locale."""
    return str(label) if locale is None else label.in_locale(locale)


#: Which columns of each table hold numbers (right-aligned).
_STEP_NUMBERS = (True, False, False, False, True, False)
_SUMMARY_NUMBERS = (False, True)


def _rows(
    explanation: Explanation, locale: str | None = None
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    cite = locale or "en"
    steps: list[tuple[str, ...]] = [
        (
            str(number),
            step.rule,
            _in(step.label, locale),
            "; ".join(f"{k}={display_value(v, locale)}" for k, v in step.inputs),
            display_value(step.output, locale),
            "; ".join(c.cite(cite) for c in step.citations),
        )
        for number, step in enumerate(explanation.steps, 1)
    ]
    findings: list[tuple[str, ...]] = [
        (
            f.severity.value,
            f.code,
            f.subject,
            *((f.message_en, f.message_zh_CN) if locale is None else (f.message(locale),)),
            "; ".join(c.cite(cite) for c in f.citations),
        )
        for f in explanation.findings
    ]
    return steps, findings


def _md_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numbers: Sequence[bool] = ()
) -> list[str]:
    rules = [
        "---:" if index < len(numbers) and numbers[index] else "---" for index in range(len(header))
    ]
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(rules) + "|"]
    out.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows)
    return out


def explanation_markdown(explanation: Explanation, locale: str | None = None) -> str:
    """Steps and findings as two Markdown tables, in ``locale`` (both languages shown
    when ``None``)."""
    steps, findings = _rows(explanation, locale)
    _, step_header, finding_header = _headers(locale)
    steps_heading, findings_heading, none = _headings(locale)
    lines = [f"**{steps_heading}**", ""]
    lines += _md_table(step_header, steps, _STEP_NUMBERS)
    lines += ["", f"**{findings_heading}**", ""]
    if findings:
        lines += _md_table(finding_header, findings)
    else:
        lines.append(none)
    return "\n".join(lines)


def view_markdown(view: View, locale: str | None = None) -> str:
    """A whole result as Markdown, in ``locale`` (both languages when ``None``)."""
    lines = [f"### {_md(_in(view.title, locale))}", ""]
    rows = [(_in(label, locale), display_value(v, locale)) for label, v in view.summary]
    lines += _md_table(_headers(locale)[0], rows, _SUMMARY_NUMBERS)
    lines += ["", explanation_markdown(view.explanation, locale)]
    return "\n".join(lines)


# --- HTML ----------------------------------------------------------------------------

#: The fragment's own style, scoped to it, so it reads the same in Jupyter, a browser or
#: an e-mail: ruled tables, a shaded header, numbers right-aligned in even figures.
_STYLE: Final = (
    "<style>"
    ".hrpolicy table{border-collapse:collapse;margin:0.4em 0 1em}"
    ".hrpolicy th,.hrpolicy td{border:1px solid #d0d0d0;padding:2px 8px;"
    "text-align:left;vertical-align:top}"
    ".hrpolicy th{background:#f2f2f2;font-weight:600}"
    ".hrpolicy td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    ".hrpolicy h3,.hrpolicy h4{margin:0.6em 0 0.2em}"
    "</style>"
)


def _html_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    css: str,
    numbers: Sequence[Sequence[bool]] = (),
) -> str:
    """A table; ``numbers`` marks, row by row, the cells that hold numbers."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{html.escape(cell)}</td>'
            if r < len(numbers) and numbers[r][c]
            else f"<td>{html.escape(cell)}</td>"
            for c, cell in enumerate(row)
        )
        + "</tr>"
        for r, row in enumerate(rows)
    )
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _explanation_parts(explanation: Explanation, locale: str | None = None) -> str:
    steps, findings = _rows(explanation, locale)
    _, step_header, finding_header = _headers(locale)
    steps_heading, findings_heading, none = _headings(locale)
    outputs = [
        (True, False, False, False, _is_number(step.output), False) for step in explanation.steps
    ]
    parts = [
        f"<h4>{html.escape(steps_heading)}</h4>",
        _html_table(step_header, steps, "hrp-steps", outputs),
        f"<h4>{html.escape(findings_heading)}</h4>",
        _html_table(finding_header, findings, "hrp-findings")
        if findings
        else f"<p>{html.escape(none)}</p>",
    ]
    return "".join(parts)


def explanation_html(explanation: Explanation, locale: str | None = None) -> str:
    """Steps and findings as two HTML tables, with their style, in ``locale`` (both
    languages shown when ``None``)."""
    return f'<div class="hrpolicy">{_STYLE}{_explanation_parts(explanation, locale)}</div>'


def view_html(view: View, locale: str | None = None) -> str:
    """A whole result as an HTML fragment with a style of its own, in ``locale`` (both
    languages when ``None``)."""
    summary = _html_table(
        _headers(locale)[0],
        [(_in(label, locale), display_value(v, locale)) for label, v in view.summary],
        "hrp-summary",
        [(False, _is_number(v)) for _, v in view.summary],
    )
    title = html.escape(_in(view.title, locale))
    return (
        f'<div class="hrpolicy">{_STYLE}<h3>{title}</h3>{summary}'
        f"{_explanation_parts(view.explanation, locale)}</div>"
    )
