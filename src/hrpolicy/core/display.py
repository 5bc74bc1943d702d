"""Deterministic renderings of results for terminals and notebooks.

Every result offers ``to_text(locale)``, ``_repr_markdown_``, ``_repr_html_`` and
``_repr_pretty_`` through :class:`Displayable`. The notebook renderings show both languages
side by side (they take no locale argument); the text rendering takes an explicit locale.
Nothing here reads the clock, the environment or the process locale.
"""

from __future__ import annotations

import abc
import html
import unicodedata
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from hrpolicy.core.label import Label
from hrpolicy.core.money import format_exact

if TYPE_CHECKING:
    from hrpolicy.core.explain import Explanation, StepValue

__all__ = [
    "Displayable",
    "View",
    "explanation_html",
    "explanation_markdown",
    "explanation_text",
    "render_value",
]


_YES: Final = Label("是", "yes")
_NO: Final = Label("否", "no")


def render_value(value: object, locale: str | None = None) -> str:
    """Render a step value as plain text. Numbers and dates are locale-free; a
    :class:`~hrpolicy.core.label.Label` (and yes/no) is shown in ``locale``, or in both
    languages when no locale is given.

    >>> render_value(Fraction(11000, 6)), render_value(Decimal("6000.00")), render_value(None)
    ('1833.3333333333…', '6000.00', '—')
    >>> render_value(Label("应付", "owed")), render_value(Label("应付", "owed"), "zh_CN")
    ('owed / 应付', '应付')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        value = _YES if value else _NO
    if isinstance(value, Label):
        return str(value) if locale is None else value.in_locale(locale)
    if isinstance(value, Fraction):
        return format_exact(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@attrs.frozen
class View:
    """What a result shows: a title, headline figures and its explanation."""

    title: Label
    summary: tuple[tuple[Label, StepValue], ...]
    explanation: Explanation


class Displayable(abc.ABC):
    """Base of every result: subclasses say what they show (:meth:`_view`); this class
    provides the renderings."""

    __slots__ = ()

    @abc.abstractmethod
    def _view(self) -> View:
        """The title, headline figures and explanation to render."""

    def to_records(self, locale: str = "en") -> list[dict[str, object]]:
        """The explanation's steps and findings as flat rows (for ``pandas.DataFrame``)."""
        return self._view().explanation.to_records(locale)

    def to_text(self, locale: str = "en") -> str:
        """Plain text in ``locale`` (``'en'`` or ``'zh_CN'``)."""
        return view_text(self._view(), locale)

    def to_markdown(self) -> str:
        """Markdown with both languages side by side (what Jupyter shows)."""
        return view_markdown(self._view())

    def to_html(self) -> str:
        """An HTML fragment with both languages side by side (what Jupyter shows)."""
        return view_html(self._view())

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
            shown = ", ".join(f"{k}={render_value(v, locale)}" for k, v in step.inputs)
            lines.append(f"     {'输入' if zh else 'inputs'}: {shown}")
        lines.append(
            f"     → {render_value(step.output, locale)}" + (f"   ({cite})" if cite else "")
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
    """A whole result as plain text."""
    lines = [view.title.in_locale(locale)]
    names = [label.in_locale(locale) for label, _ in view.summary]
    width = max((_width(name) for name in names), default=0)
    for name, (_, value) in zip(names, view.summary, strict=True):
        lines.append(f"  {name}{' ' * (width - _width(name))}  {render_value(value, locale)}")
    lines.append(explanation_text(view.explanation, locale))
    return "\n".join(lines)


# --- markdown ------------------------------------------------------------------------

_STEP_HEADER = ("#", "rule", "step", "inputs", "output", "citation")
_FINDING_HEADER = ("severity", "code", "subject", "en", "zh_CN", "citation")


def _rows(explanation: Explanation) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    steps: list[tuple[str, ...]] = [
        (
            str(number),
            step.rule,
            str(step.label),
            "; ".join(f"{k}={render_value(v)}" for k, v in step.inputs),
            render_value(step.output),
            "; ".join(c.cite("en") for c in step.citations),
        )
        for number, step in enumerate(explanation.steps, 1)
    ]
    findings: list[tuple[str, ...]] = [
        (
            f.severity.value,
            f.code,
            f.subject,
            f.message_en,
            f.message_zh_CN,
            "; ".join(c.cite("en") for c in f.citations),
        )
        for f in explanation.findings
    ]
    return steps, findings


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows)
    return out


def explanation_markdown(explanation: Explanation) -> str:
    """Steps and findings as two Markdown tables, both languages shown."""
    steps, findings = _rows(explanation)
    lines = ["**Steps / 步骤**", ""]
    lines += _md_table(_STEP_HEADER, steps)
    lines += ["", "**Findings / 发现**", ""]
    if findings:
        lines += _md_table(_FINDING_HEADER, findings)
    else:
        lines.append("(none / 无)")
    return "\n".join(lines)


def view_markdown(view: View) -> str:
    """A whole result as Markdown."""
    lines = [f"### {_md(str(view.title))}", ""]
    lines += _md_table(["", ""], [(str(label), render_value(v)) for label, v in view.summary])
    lines += ["", explanation_markdown(view.explanation)]
    return "\n".join(lines)


# --- HTML ----------------------------------------------------------------------------


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]], css: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def explanation_html(explanation: Explanation) -> str:
    """Steps and findings as two HTML tables, both languages shown."""
    steps, findings = _rows(explanation)
    parts = [
        "<h4>Steps / 步骤</h4>",
        _html_table(_STEP_HEADER, steps, "hrp-steps"),
        "<h4>Findings / 发现</h4>",
        _html_table(_FINDING_HEADER, findings, "hrp-findings")
        if findings
        else "<p>(none / 无)</p>",
    ]
    return "".join(parts)


def view_html(view: View) -> str:
    """A whole result as an HTML fragment."""
    summary = _html_table(
        ["", ""], [(str(label), render_value(v)) for label, v in view.summary], "hrp-summary"
    )
    return (
        f'<div class="hrpolicy"><h3>{html.escape(str(view.title))}</h3>{summary}'
        f"{explanation_html(view.explanation)}</div>"
    )
