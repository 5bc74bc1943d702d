"""Markdown and HTML in one language: ``to_markdown(locale)`` and ``to_html(locale)``, which
the command line's ``--locale`` uses; with no locale they stay bilingual, as Jupyter shows
them."""

from __future__ import annotations

import pytest

from hrpolicy.bonds.examples import electrician_case
from hrpolicy.core.errors import InvalidValueError


def test_a_settlement_in_chinese_markdown_has_chinese_labels_messages_and_citations() -> None:
    text = electrician_case().settle().to_markdown("zh_CN")
    assert text.startswith("### 离职时服务期违约金结算")
    assert "| 应退还 | ¥1,166.67 |" in text
    assert "| 严重程度 | 代码 | 对象 | 说明 | 依据 |" in text
    assert "《劳动合同法》第二十五条" in text
    assert "refund due" not in text
    assert " / " not in text.split("\n", 1)[0]


def test_a_settlement_in_english_markdown_has_no_chinese_labels() -> None:
    text = electrician_case().settle().to_markdown("en")
    assert "| refund due | CN¥1,166.67 |" in text
    assert "| severity | code | subject | message | citation |" in text
    assert "应退还" not in text


def test_markdown_without_a_locale_stays_bilingual() -> None:
    text = electrician_case().settle().to_markdown()
    assert "| item / 项目 | value / 数值 |" in text
    assert "| severity | code | subject | en | zh_CN | citation |" in text


@pytest.mark.parametrize(
    ("locale", "present", "absent"),
    [("zh_CN", "应退还", "refund due"), ("en", "refund due", "应退还")],
)
def test_html_in_one_locale_speaks_only_that_language(
    locale: str, present: str, absent: str
) -> None:
    fragment = electrician_case().settle().to_html(locale)
    assert fragment.startswith('<div class="hrpolicy"><style>')
    assert present in fragment
    assert absent not in fragment


def test_markdown_in_a_locale_the_library_does_not_speak_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="locale: expected 'zh_CN' or 'en', got str 'fr'"):
        electrician_case().settle().to_markdown("fr")
