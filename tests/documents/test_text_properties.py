"""What is written in a syntax reads back as the same data, for any data of JSON's model."""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hrpolicy.documents import dump, parse

# fmt: off
#: Text a reader could take for something else, or that is awkward to write.
TRICKY = [
    "no", "yes", "on", "off", "No", "NO", "y", "n", "true", "False", "null", "Null", "~",
    "", " ", "  lead", "trail ", "1e3", "1E+3", "1.5", ".5", "1.", "-0.5", "12", "-7",
    "0x10", "0o17", "017", "0b11", "1_000", "1:30", ".inf", "-.inf", ".nan", "NaN", "inf",
    "2024-01-01", "2024-01-01T08:00:00", "08:00", "<<", "=", "- a", "a: b", "#x", "a #b",
    "[", "{}", "'", '"', "\\", "!tag", "&a", "*a", "%", "@", "`", "|", ">", "?", ":", "\t",
    "a\tb", "\n", "a\nb", "a\n", "\r\n", "\x85", "\u2028", "\ufeff", "\x00", "\x7f", "提成",
    "回款 5‰", "é", "😀", "a" * 200,
]
# fmt: on

texts = st.one_of(st.sampled_from(TRICKY), st.text())
limit = sys.get_int_max_str_digits() or 4300
integers = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**limit) + 1, max_value=10**limit - 1),
    st.sampled_from([10**limit - 1, -(10**limit - 1), 2**63, -(2**63) - 1]),
)
decimals = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal(t) for t in ("0.1", "1E+3", "3000", "-0", "0E-10", "-0.0")]),
)


def _data(scalars: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)
        ),
        max_leaves=20,
    )


json_scalars = st.one_of(st.none(), st.booleans(), integers, decimals, texts)
toml_scalars = st.one_of(st.booleans(), integers, decimals, texts)


def same(a: Any, b: Any, *, ordered: bool = True) -> bool:
    """Equal and of the same types all through (a Decimal stays a Decimal, an int an
    int), with keys in the same order unless ``ordered`` is false (TOML writes tables
    after the other keys)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        if (list(a) if ordered else sorted(a)) != (list(b) if ordered else sorted(b)):
            return False
        return all(same(a[k], b[k], ordered=ordered) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(
            same(x, y, ordered=ordered) for x, y in zip(a, b, strict=True)
        )
    return bool(a == b)


@settings(max_examples=300)
@given(_data(json_scalars))
def test_any_data_written_as_json_reads_back_the_same(data: Any) -> None:
    assert same(parse(dump(data, "json"), "json"), data)


@settings(max_examples=300)
@given(_data(json_scalars))
def test_any_data_written_as_yaml_reads_back_the_same(data: Any) -> None:
    assert same(parse(dump(data, "yaml"), "yaml"), data)


@settings(max_examples=300)
@given(st.dictionaries(texts, _data(toml_scalars), max_size=5))
def test_any_mapping_without_none_written_as_toml_reads_back_the_same(data: Any) -> None:
    assert same(parse(dump(data, "toml"), "toml"), data, ordered=False)


@given(_data(json_scalars))
def test_any_data_written_as_utf8_bytes_reads_back_the_same_in_every_syntax(data: Any) -> None:
    for syntax in ("json", "yaml"):
        assert same(parse(dump(data, syntax).encode(), syntax), data)


@given(decimals)
def test_a_decimal_written_in_any_syntax_reads_back_as_a_decimal_of_the_same_value(
    number: Decimal,
) -> None:
    for syntax in ("json", "toml", "yaml"):
        back = parse(dump({"n": number}, syntax), syntax)["n"]
        assert type(back) is Decimal
        assert back == number
        assert back.is_signed() == number.is_signed()


@given(
    st.recursive(
        texts,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_text_written_as_yaml_is_read_as_the_same_text_by_a_yaml_1_1_reader_too(
    data: Any,
) -> None:
    assert same(yaml.safe_load(dump(data, "yaml")), data)
