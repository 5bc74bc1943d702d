"""What a policy's options say about themselves: the ones set away from their defaults, and
a label naming them, for the step that states which reading a result was computed under."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from hrpolicy.core.label import Label

__all__ = ["departures", "options_label"]


def departures(
    policy: object, defaults: object, fields: Iterable[str], *, lower: bool = False
) -> tuple[str, ...]:
    """The ``fields`` of ``policy`` whose values differ from those of ``defaults``, as
    ``field=value`` in the order given: an enum by its value, anything else by ``str``
    (lower-cased with ``lower``, so ``True`` reads ``true``).

    >>> class Options:
    ...     def __init__(self, strict: bool = False) -> None:
    ...         self.strict = strict
    >>> departures(Options(strict=True), Options(), ["strict"])
    ('strict=True',)
    >>> departures(Options(strict=True), Options(), ["strict"], lower=True)
    ('strict=true',)
    """
    changed = []
    for field in fields:
        value = getattr(policy, field)
        if value != getattr(defaults, field):
            shown = value.value if isinstance(value, enum.Enum) else str(value)
            changed.append(f"{field}={shown.lower() if lower else shown}")
    return tuple(changed)


def options_label(changed: Iterable[str], *, name: str, default: Label) -> Label:
    """``default`` when nothing departs from it, else ``custom options: …`` (自定义选项：…),
    prefixed by the policy's ``name`` when it has one.

    >>> default = Label("默认选项", "default options")
    >>> options_label(["region=guangdong"], name="", default=default).en
    'custom options: region=guangdong'
    >>> options_label([], name="A", default=default).zh_CN
    'A（默认选项）'
    """
    listed = ", ".join(changed)
    zh = f"自定义选项：{listed}" if listed else default.zh_CN
    en = f"custom options: {listed}" if listed else default.en
    if name:
        zh, en = f"{name}（{zh}）", f"{name} ({en})"
    return Label(zh_CN=zh, en=en)
