"""A short text in both languages the library speaks."""

from __future__ import annotations

import functools

import attrs

from hrpolicy.core.checked import value_checked
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError

__all__ = ["Label", "is_chinese", "label"]


def is_chinese(locale: str) -> bool:
    """Whether ``locale`` asks for Chinese (``zh_CN``) rather than English (``en``).

    Only these two are supported; anything else is an error, never a silent fallback.
    """
    if locale in ("zh_CN", "zh", "zh_Hans", "zh_Hans_CN"):
        return True
    if locale in ("en", "en_US", "en_GB"):
        return False
    raise InvalidValueError("locale", "'zh_CN' or 'en'", locale)


@value_checked
@attrs.frozen
class Label:
    """A short text in zh_CN and en."""

    zh_CN: str
    en: str

    def __attrs_post_init__(self) -> None:
        for name in ("zh_CN", "en"):
            if not isinstance(getattr(self, name), str):
                raise InvalidTypeError(f"Label.{name}", "a str", getattr(self, name))

    def in_locale(self, locale: str) -> str:
        """The text for ``locale`` (``'zh_CN'`` or ``'en'``)."""
        return self.zh_CN if is_chinese(locale) else self.en

    def __str__(self) -> str:
        return self.en if self.en == self.zh_CN else f"{self.en} / {self.zh_CN}"


@functools.lru_cache(maxsize=4096)
def label(zh: str, en: str) -> Label:
    """A bilingual label, shared between calls with the same texts (labels are immutable,
    and engines build the same step labels again and again)."""
    return Label(zh_CN=zh, en=en)
