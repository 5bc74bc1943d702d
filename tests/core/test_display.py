"""Renderings are for reading: money with its currency, thousands grouped in the locale's
symbols, numbers right-aligned, an HTML fragment with a style of its own; finding messages
and flat records keep plain numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from hrpolicy import InvalidTypeError, InvalidValueError
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.commission import compare
from hrpolicy.commission.examples import example_month
from hrpolicy.core.display import (
    Amount,
    Change,
    Displayable,
    View,
    amount,
    display_value,
    render_value,
)
from hrpolicy.core.explain import Explanation, Step
from hrpolicy.core.label import Label


class _Result(Displayable):
    def _view(self) -> View:
        step = Step(
            "c.tier",
            Label("提成", "commission"),
            (("sales", Decimal("1250000.5")), ("rate", Fraction(1, 3))),
            Decimal("3106.67"),
        )
        return View(
            Label("提成结算单", "Commission statement"),
            (
                (Label("员工", "employee"), "li"),
                (Label("提成", "commission"), Amount(Decimal("3106.67"))),
                (Label("合计", "total"), amount(Decimal("-12.5"))),
                (Label("年度", "year"), 2024),
            ),
            Explanation((step,)),
        )


def test_a_statement_in_chinese_shows_money_with_the_yuan_sign_and_thousands_grouped() -> None:
    text = _Result().to_text("zh_CN")
    assert "提成  ¥3,106.67" in text
    assert "合计    -¥12.50" in text
    assert "sales=1,250,000.5" in text
    assert "→ 3,106.67" in text


def test_an_english_statement_shows_the_currency_as_english_readers_see_it() -> None:
    text = _Result().to_text("en")
    assert "CN¥3,106.67" in text
    year = next(line for line in text.splitlines() if line.lstrip().startswith("year"))
    assert year.endswith(" 2024")


def test_money_figures_in_the_text_summary_are_right_aligned() -> None:
    lines = _Result().to_text("en").splitlines()
    commission = next(line for line in lines if "commission " in line and "CN¥" in line)
    total = next(line for line in lines if line.lstrip().startswith("total"))
    assert commission.endswith("CN¥3,106.67")
    assert len(commission) == len(total)


def test_the_html_fragment_has_a_style_of_its_own_and_right_aligns_numbers() -> None:
    page = _Result().to_html()
    assert page.startswith('<div class="hrpolicy"><style>')
    assert ".hrpolicy td.num{text-align:right" in page
    assert '<td class="num">¥3,106.67</td>' in page
    assert "<th>item / 项目</th><th>value / 数值</th>" in page
    assert "<td>li</td>" in page


def test_markdown_right_aligns_the_value_column() -> None:
    lines = _Result().to_markdown().splitlines()
    assert "| item / 项目 | value / 数值 |" in lines
    assert "|---|---:|" in lines
    assert "| commission / 提成 | ¥3,106.67 |" in lines


def test_messages_and_records_keep_plain_numbers() -> None:
    assert render_value(Decimal("3106.67")) == "3106.67"
    step = _Result().to_records("steps")[0]
    assert step["output_kind"] == "decimal"
    assert step["output_decimal"] == Decimal("3106.67")
    inputs = _Result().to_records("step_inputs")
    assert [(row["name"], row["value_kind"]) for row in inputs] == [
        ("sales", "decimal"),
        ("rate", "ratio"),
    ]
    assert inputs[0]["value_decimal"] == Decimal("1250000.5")
    assert inputs[1]["value_text"] == "1/3"
    assert inputs[1]["value_decimal"] is None


def test_asking_for_records_with_a_locale_as_the_table_says_the_locale_is_a_keyword() -> None:
    with pytest.raises(InvalidValueError, match="locale is a keyword"):
        _Result().to_records("zh_CN")


def test_displaying_in_a_language_the_library_does_not_speak_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="locale"):
        display_value(Decimal(5), "fr")


def test_a_what_if_shows_the_amount_before_and_after_with_the_difference() -> None:
    assert display_value(Change(Decimal("3000"), Decimal("2893.33")), "en") == (
        "CN¥3,000.00 → CN¥2,893.33 (-CN¥106.67)"
    )


def test_the_electricians_settlement_shows_the_refund_in_yuan_in_both_languages() -> None:
    settlement = electrician_case().settle()
    assert re.search(r"应退还 +¥1,166\.67", settlement.to_text("zh_CN"))
    assert re.search(r"refund due +CN¥1,166\.67", settlement.to_text("en"))
    assert '<td class="num">¥1,833.33</td>' in settlement.to_html()


def test_a_what_if_shows_each_person_before_and_after_in_yuan() -> None:
    plan, period, deals, inputs = example_month()
    generous = attrs.evolve(plan, plan_id="generous")
    result = compare(plan, generous, period, deals, inputs)
    assert "CN¥3,106.67 → CN¥3,106.67 (+CN¥0.00)" in result.to_text("en")


def test_display_values_and_labels_built_wrongly_name_the_missing_or_bad_field() -> None:
    with pytest.raises(InvalidTypeError, match=r"Amount\.value: expected a value for this"):
        Amount()  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match=r"Amount\.value: .*got float 1\.5"):
        Amount(1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Change\.after: expected a value"):
        Change(Decimal(1))  # type: ignore[call-arg]
    with pytest.raises(InvalidTypeError, match=r"Label\.en: expected a value"):
        Label("应付")  # type: ignore[call-arg]
    assert Label("应付", "owed") == Label(zh_CN="应付", en="owed")
