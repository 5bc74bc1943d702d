"""Explanations and findings, statute as data, errors, and conversion to plain data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from hrpolicy import ConversionError, HRPolicyError, from_dict, to_dict
from hrpolicy.bonds import CATALOG, PenaltyClause, PerLaw
from hrpolicy.core import (
    Catalog,
    Explanation,
    FindingSpec,
    InvalidTypeError,
    InvalidValueError,
    Label,
    MissingDependencyError,
    NotCoveredError,
    PolicyDefinitionError,
    Rate,
    Severity,
    Step,
    format_date,
    format_money,
    format_rate,
)
from hrpolicy.law import PROVISIONS, SOURCES, chinese_numeral, provision


def test_every_error_is_both_an_hrpolicy_error_and_the_matching_builtin() -> None:
    assert issubclass(InvalidValueError, ValueError)
    assert issubclass(InvalidTypeError, TypeError)
    assert issubclass(PolicyDefinitionError, ValueError)
    assert issubclass(NotCoveredError, LookupError)
    assert issubclass(MissingDependencyError, ImportError)
    assert issubclass(ConversionError, ValueError)
    for error in (
        InvalidValueError,
        InvalidTypeError,
        PolicyDefinitionError,
        NotCoveredError,
        MissingDependencyError,
        ConversionError,
    ):
        assert issubclass(error, HRPolicyError)


def test_an_error_names_the_path_the_expectation_and_what_came() -> None:
    err = InvalidValueError("Training.end", "a date on or after start 2020-03-02", date(2020, 3, 1))
    assert (err.path, err.expected, err.actual) == (
        "Training.end",
        "a date on or after start 2020-03-02",
        date(2020, 3, 1),
    )
    assert (
        str(err) == "Training.end: expected a date on or after start 2020-03-02, "
        "got date 2020-03-01"
    )


def test_a_catalog_refuses_messages_whose_languages_use_different_placeholders() -> None:
    with pytest.raises(PolicyDefinitionError, match="same placeholders"):
        Catalog("x", {"bad": FindingSpec(Severity.INFO, "{a}", "{b}")})


def test_a_finding_must_fill_every_placeholder_and_use_a_known_code() -> None:
    with pytest.raises(InvalidValueError, match="placeholder"):
        CATALOG.finding("refund_due", collected=1)
    with pytest.raises(InvalidValueError, match="code"):
        CATALOG.finding("no_such_code")


def test_every_bond_finding_has_both_languages_and_its_citations_exist() -> None:
    for code in CATALOG:
        spec = CATALOG[code]
        assert spec.zh_CN.strip()
        assert spec.en.strip()
        for citation in spec.citations:
            assert PROVISIONS[citation.id] is citation


def test_an_explanation_renders_its_values_plainly() -> None:
    explanation = Explanation(
        steps=(
            Step(
                "x.1",
                Label("测试", "test"),
                (("C", Fraction(10, 3)), ("day", date(2020, 1, 2))),
                Decimal("3.33"),
                (provision("LCL 22(2)"),),
            ),
        ),
    )
    record = explanation.to_records()[0]
    assert record["citation"] == "LCL Art. 22(2)"
    inputs = explanation.to_records("step_inputs", locale="zh_CN")
    assert [(row["name"], row["value_text"], row["value_date"]) for row in inputs] == [
        ("C", "10/3", None),
        ("day", None, date(2020, 1, 2)),
    ]
    assert "《劳动合同法》第二十二条第二款" in explanation.to_text("zh_CN")
    assert "(none)" in explanation.to_text("en")
    assert explanation.step("x.1").output == Decimal("3.33")
    with pytest.raises(InvalidValueError):
        explanation.step("missing")


def test_every_provision_cites_in_both_languages_and_has_an_effective_date() -> None:
    for ident, item in PROVISIONS.items():
        assert item.id == ident
        assert item.cite("en")
        assert item.cite("zh_CN")
        assert item.summary_en
        assert item.summary_zh_CN
        assert item.source.code in SOURCES
        assert item.in_force_on(date(2026, 1, 1))


def test_citations_read_as_statutes_number_them() -> None:
    assert provision("LCL 39 item 2-6").cite("en") == "LCL Art. 39 items 2–6"
    assert (
        provision("LCL 39 item 2-6").cite("zh_CN") == "《劳动合同法》第三十九条第（二）至（六）项"
    )
    assert provision("Regs 26(1)").cite("zh_CN") == "《劳动合同法实施条例》第二十六条第一款"
    assert provision("SPC-II 12").in_force_on(date(2025, 8, 31)) is False
    assert provision("SPC-II 12").in_force_on(date(2025, 9, 1)) is True
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 101, 1000, 1010)] == [
        "一",
        "十",
        "十一",
        "二十",
        "一百零一",
        "一千",
        "一千零一十",
    ]


def test_an_unknown_provision_is_an_error() -> None:
    with pytest.raises(NotCoveredError, match="LCL 99"):
        provision("LCL 99")


def test_money_rates_and_dates_are_formatted_for_an_explicit_locale() -> None:
    assert format_money(Decimal("1166.665"), locale="zh_CN") == "¥1,166.67"
    assert format_money(Decimal("-3000"), locale="en") == "-CN¥3,000.00"
    assert format_rate(Rate.parse("1.5%"), locale="en") == "1.5%"
    assert format_rate("5‰", locale="zh_CN") == "5‰"
    assert format_date(date(2012, 12, 7), locale="zh_CN") == "2012年12月7日"
    with pytest.raises(InvalidValueError, match="locale"):
        format_money(Decimal(1), locale="xx_YY")


def test_a_union_member_is_written_with_its_tag_when_asked() -> None:
    assert to_dict(PerLaw(clause_ref="7"), PenaltyClause) == {
        "format": 1,
        "clause_ref": "7",
        "kind": "per_law",
    }
    assert from_dict({"kind": "per_law", "clause_ref": "7"}, PenaltyClause) == PerLaw(
        clause_ref="7"
    )


def test_conversion_of_non_mapping_data_is_a_conversion_error() -> None:
    with pytest.raises(ConversionError):
        from_dict(["not", "a", "dict"], PerLaw)


def test_a_rate_built_directly_gets_the_same_checks_as_a_parsed_one() -> None:
    with pytest.raises(InvalidTypeError, match=r"Rate\.value"):
        Rate(value=0.5, notation="50%")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Rate\.value"):
        Rate(value=Decimal("NaN"), notation="x")
    with pytest.raises(TypeError):
        _ = Rate.parse("5%") < 1


def test_formatting_checks_its_arguments() -> None:
    with pytest.raises(InvalidValueError, match="currency"):
        format_money(Decimal(1), locale="en", currency="rmb")
    with pytest.raises(InvalidTypeError, match="locale"):
        format_money(Decimal(1), locale=["en"])  # type: ignore[arg-type]
