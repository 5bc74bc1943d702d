"""Policy documents as text: what each syntax reads, what it refuses, and where it says
the problem is."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs
import pytest
import yaml

from hrpolicy import ConversionError, HRPolicyError, InvalidTypeError, InvalidValueError
from hrpolicy.bonds import BondCase, BondPolicy, TimeUnit
from hrpolicy.bonds.examples import electrician_case
from hrpolicy.bonds.policy import DOMAIN_COST_SCHEDULE
from hrpolicy.commission import Plan
from hrpolicy.core.bands import Band
from hrpolicy.core.errors import MissingDependencyError
from hrpolicy.documents import (
    MAX_DEPTH,
    SYNTAXES,
    DocumentError,
    Syntax,
    dump,
    dumps,
    loads,
    parse,
    syntax_of,
)
from hrpolicy.documents import text as text_module

LIMIT = sys.get_int_max_str_digits()

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def refusal(text: str | bytes, syntax: Any, **kwargs: Any) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse(text, syntax, **kwargs)
    return caught.value


# --------------------------------------------------------------------------- YAML scalars


def test_a_yaml_no_is_read_as_the_text_no_not_as_false() -> None:
    data = parse("a: no\nb: yes\nc: on\nd: off\ne: No\nf: Y\n", "yaml")
    assert data == {"a": "no", "b": "yes", "c": "on", "d": "off", "e": "No", "f": "Y"}


def test_only_true_and_false_in_any_of_their_three_spellings_are_yaml_booleans() -> None:
    data = parse("[true, True, TRUE, false, False, FALSE, tRUE]", "yaml")
    assert data == [True, True, True, False, False, False, "tRUE"]


def test_a_yaml_null_a_tilde_and_an_empty_value_are_none_but_quoted_null_is_text() -> None:
    assert parse("a: null\nb: ~\nc:\nd: NULL\ne: 'null'\nf: ''\n", "yaml") == {
        "a": None,
        "b": None,
        "c": None,
        "d": None,
        "e": "null",
        "f": "",
    }


def test_yaml_integers_are_decimal_0o_octal_or_0x_hex_and_other_forms_stay_text() -> None:
    data = parse("[12, -7, +3, 017, 0o17, 0x1F, 1_000, 0b11, '12', 1:30]", "yaml")
    assert data == [12, -7, 3, 17, 15, 31, "1_000", "0b11", "12", "1:30"]
    assert all(type(value) is int for value in data[:6])


def test_every_yaml_core_float_form_reads_as_the_decimal_of_its_text() -> None:
    data = parse("[1e3, 1.5, -0.5, .5, 1., +2.5E-3, 0.1]", "yaml")
    # 1e3 reads as Decimal("1E+3"): the exact value of its text, equal to 1000.
    assert data == [
        Decimal("1E+3"),
        Decimal("1.5"),
        Decimal("-0.5"),
        Decimal("0.5"),
        Decimal("1"),
        Decimal("0.0025"),
        Decimal("0.1"),
    ]
    assert all(type(value) is Decimal for value in data)
    assert str(data[0]) == "1E+3"
    assert data[0] == 1000


def test_a_yaml_date_and_a_timestamp_stay_text() -> None:
    assert parse("on: 2024-03-01\nat: 2024-03-01T08:00:00Z\n", "yaml") == {
        "on": "2024-03-01",
        "at": "2024-03-01T08:00:00Z",
    }


@pytest.mark.parametrize("number", [".inf", "-.Inf", "+.INF", ".nan", ".NaN"])
def test_a_yaml_infinity_or_nan_is_refused_with_its_line(number: str) -> None:
    error = refusal(f"rate: 1\ncap: {number}\n", "yaml", source="plan.yaml")
    assert (error.line, error.column, error.path) == (2, 6, "$.cap")
    assert "not a number a document may hold" in str(error)


def test_the_core_tags_are_read_when_the_text_fits_them() -> None:
    data = parse("[!!str 12, !!int '12', !!float 1, !!bool 'true', !!null '', ! 12]", "yaml")
    assert data == ["12", 12, Decimal("1"), True, None, "12"]
    assert type(data[2]) is Decimal


def test_a_core_tag_on_text_that_does_not_fit_it_is_refused() -> None:
    error = refusal("a: !!int twelve\n", "yaml")
    assert (error.line, error.path) == (1, "$.a")
    assert "'twelve' is not a YAML core !!int" in error.reason


@pytest.mark.parametrize(
    "document",
    [
        "a: !!python/object/apply:os.system ['echo hi']\n",
        "a: !!python/name:os.system ''\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!timestamp 2024-03-01\n",
        "a: !!set {x: null}\n",
        "a: !custom 1\n",
        "a: !!str [1]\n",
    ],
)
def test_a_python_tag_or_any_tag_outside_the_core_schema_is_refused(document: str) -> None:
    error = refusal(document, "yaml")
    assert (error.line, error.path) == (1, "$.a")
    assert "is not read (only YAML's core schema" in error.reason


# --------------------------------------------------------------------------- YAML structure


def test_a_yaml_alias_bomb_is_refused_at_its_first_anchor() -> None:
    error = refusal(BILLION_LAUGHS, "yaml", source="bomb.yaml")
    assert str(error) == "bomb.yaml, line 1, column 4: YAML anchors and aliases are not read"


def test_a_yaml_anchor_on_a_scalar_and_an_alias_to_it_are_refused_too() -> None:
    assert refusal("a: &x 1\nb: 2\n", "yaml").line == 1
    assert refusal("a: *x\n", "yaml").reason == "YAML anchors and aliases are not read"


def test_a_yaml_merge_key_is_an_ordinary_text_key() -> None:
    assert parse("<<: 1\n", "yaml") == {"<<": 1}


@pytest.mark.parametrize(
    ("document", "shown"),
    [("1: a\n", "int 1"), ("true: a\n", "bool True"), ("null: a\n", "None"), ("1.5: a\n", "")],
)
def test_a_yaml_key_that_is_not_text_is_refused_with_its_line(document: str, shown: str) -> None:
    error = refusal("x: 1\n" + document, "yaml")
    assert (error.line, error.column) == (2, 1)
    assert f"is read as {shown}" in error.reason
    assert "keys are text" in error.reason


def test_a_yaml_key_that_is_a_list_is_refused() -> None:
    error = refusal("? [a, b]\n: 1\n", "yaml")
    assert "a key that is a list or a mapping" in error.reason


def test_a_second_yaml_document_is_refused() -> None:
    error = refusal("a: 1\n---\nb: 2\n", "yaml")
    assert error.line == 2
    assert "expected a single document" in error.reason


def test_a_yaml_control_character_is_refused_with_its_line_and_column() -> None:
    error = refusal("a: 1\nb: x\x01\n", "yaml")
    assert (error.line, error.column) == (2, 5)
    assert "U+0001" in error.reason


# --------------------------------------------------------------------------- every syntax


def test_a_decimal_reads_exactly_from_its_text_in_every_syntax() -> None:
    documents: list[tuple[str, Syntax]] = [
        ('{"rate": 0.1}', "json"),
        ("rate = 0.1", "toml"),
        ("rate: 0.1", "yaml"),
    ]
    for text, syntax in documents:
        rate = parse(text, syntax)["rate"]
        assert type(rate) is Decimal
        assert rate == Decimal("0.1")


def test_a_json_or_toml_exponent_reads_as_the_decimal_of_its_text() -> None:
    assert parse("[1e3, 2.50]", "json") == [Decimal("1E+3"), Decimal("2.50")]
    assert str(parse("[2.50]", "json")[0]) == "2.50"
    assert parse("a = 1e3", "toml") == {"a": Decimal("1E+3")}


@pytest.mark.parametrize(
    ("text", "syntax"),
    [
        ('{"a": NaN}', "json"),
        ('{"a": -Infinity}', "json"),
        ("a = nan", "toml"),
        ("a = -inf", "toml"),
    ],
)
def test_nan_and_infinity_in_json_or_toml_are_refused_with_their_key_path(
    text: str, syntax: str
) -> None:
    error = refusal(text, syntax)
    assert error.path == "$.a"
    assert "is not a number a document may hold" in error.reason


@pytest.mark.parametrize(
    ("text", "syntax"),
    [
        ('{"a": [1, 1e9999999999999999999]}', "json"),
        ("a = [1, 1e9999999999999999999]", "toml"),
        ("a: [1, -1e-9999999999999999999]", "yaml"),
    ],
)
def test_a_number_whose_exponent_no_decimal_holds_is_refused_with_its_key_path(
    text: str, syntax: str
) -> None:
    error = refusal(text, syntax)
    assert error.path == "$.a[1]"
    assert "has an exponent beyond what a decimal holds" in error.reason


def test_toml_dates_datetimes_and_times_become_iso_text() -> None:
    document = (
        "day = 2024-03-01\nlocal = 2024-03-01T08:30:00\n"
        "offset = 2024-03-01T08:30:00+08:00\nutc = 2024-03-01 08:30:00Z\nat = 08:30:00\n"
        "list = [2024-03-01]\n"
    )
    assert parse(document, "toml") == {
        "day": "2024-03-01",
        "local": "2024-03-01T08:30:00",
        "offset": "2024-03-01T08:30:00+08:00",
        "utc": "2024-03-01T08:30:00+00:00",
        "at": "08:30:00",
        "list": ["2024-03-01"],
    }


@pytest.mark.parametrize(
    ("text", "syntax"),
    [("{digits}", "json"), ('{{"a": [{digits}]}}', "json"), ("a = {digits}", "toml"),
     ("a: {digits}", "yaml"), ("a: 0x{hex}", "yaml")],
)  # fmt: skip
def test_a_5000_digit_integer_is_refused_in_every_syntax_without_a_traceback(
    text: str, syntax: str
) -> None:
    error = refusal(text.format(digits="7" * 5000, hex="f" * 5000), syntax)
    assert f"is longer than Python reads as text (at most {LIMIT} digits)" in error.reason


def test_an_integer_of_as_many_digits_as_python_reads_is_read_in_every_syntax() -> None:
    number = int("9" * LIMIT)
    documents: list[tuple[str, Syntax]] = [
        (f"[{number}]", "json"),
        (f"a = [{number}]", "toml"),
        (f"[{number}]", "yaml"),
    ]
    for text, syntax in documents:
        data = parse(text, syntax)
        assert (data["a"] if syntax == "toml" else data) == [number]


def test_bytes_that_are_not_utf8_are_refused_naming_the_byte_its_offset_and_line() -> None:
    for syntax in SYNTAXES:
        error = refusal(b'a = "x"\nb = "caf\xe9"\n', syntax, source="plan.txt")
        assert str(error) == (
            "plan.txt, line 2, column 9: the byte 0xe9 at offset 16 is not UTF-8 text"
        )


def test_a_utf8_byte_order_mark_is_allowed_before_bytes_or_text() -> None:
    assert parse(b'\xef\xbb\xbf{"a": 1}', "json") == {"a": 1}
    assert parse("\ufeffa = 1", "toml") == {"a": 1}
    assert parse("\ufeff".encode() + "名称: 提成".encode(), "yaml") == {"名称": "提成"}


@pytest.mark.parametrize(
    ("text", "syntax"),
    [("[" * 100_000, "json"), ("[" * 100_000, "yaml"), ("a = " + "[" * 100_000, "toml"),
     ('{"a":' * 100_000, "json"), ("{a: " * 100_000, "yaml"), ("a = " + "{b = " * 100_000, "toml"),
     ("- " * 100_000, "yaml")],
)  # fmt: skip
def test_100000_nested_brackets_are_refused_in_every_syntax_without_a_traceback(
    text: str, syntax: str
) -> None:
    assert f"nests deeper than {MAX_DEPTH} levels" in refusal(text, syntax).reason


def test_nesting_as_deep_as_the_limit_is_read_and_one_level_more_is_refused() -> None:
    for syntax in ("json", "yaml"):
        deepest = "[" * MAX_DEPTH + "]" * MAX_DEPTH
        assert parse(deepest, syntax) == parse(deepest, "json")
        error = refusal("[" + deepest + "]", syntax)
        assert "nests deeper" in error.reason
    assert refusal("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "json").path == "$" + (
        "[0]" * MAX_DEPTH
    )
    assert refusal("[[[" * 22 + "]]]" * 22, "yaml").line == 1


def test_a_top_level_null_parses_as_none_and_loads_refuses_it_as_not_a_mapping() -> None:
    assert parse("null", "json") is None
    assert parse("null\n", "yaml") is None
    both: list[Syntax] = ["json", "yaml"]
    for syntax in both:
        with pytest.raises(ConversionError, match=r"\$: expected a mapping"):
            loads("null", BondPolicy, syntax=syntax)


def test_a_top_level_list_parses_and_loads_refuses_it_as_not_a_mapping() -> None:
    assert parse("[1, 2]", "json") == [1, 2]
    with pytest.raises(ConversionError) as caught:
        loads("- unit: days\n", BondPolicy, syntax="yaml", source="bond.yaml")
    assert caught.value.errors[0].startswith("bond.yaml, line 1: $: expected a mapping")


@pytest.mark.parametrize(
    ("text", "syntax"),
    [("", "json"), (" \n\t\n", "json"), (b"", "json"), ("", "yaml"), ("# a comment\n\n", "yaml")],
)
def test_an_empty_json_or_yaml_document_is_refused_as_an_empty_document(
    text: str | bytes, syntax: str
) -> None:
    error = refusal(text, syntax, source="empty.txt")
    assert str(error) == "empty.txt: an empty document (nothing but white space or comments)"


def test_an_empty_toml_document_is_an_empty_table_and_loads_names_every_key_it_lacks() -> None:
    assert parse("", "toml") == {}
    assert parse("# only a comment\n", "toml") == {}
    with pytest.raises(ConversionError) as caught:
        loads("", Band, syntax="toml", source="band.toml")
    assert "band.toml: $.lower: expected this required key, got nothing" in caught.value.errors


def test_a_key_given_twice_is_refused_in_every_syntax() -> None:
    json_error = refusal('{"a": {"b": [1, {"c": 1, "c": 2}]}}', "json")
    assert (json_error.path, json_error.reason) == ("$.a.b[1]", "the key 'c' is given twice")
    yaml_error = refusal("a: 1\nb:\n  c: 1\n  c: 2\n", "yaml")
    assert (yaml_error.line, yaml_error.column, yaml_error.path) == (4, 3, "$.b")
    assert yaml_error.reason == "the key 'c' is given twice"
    assert refusal("'a': 1\na: 2\n", "yaml").line == 2  # the same text, quoted or not
    toml_error = refusal("a = 1\na = 2\nb = 3\n", "toml")
    assert (toml_error.line, toml_error.column) == (2, 6)


@pytest.mark.parametrize(
    ("text", "syntax", "line", "column"),
    [("a:\n\tb: 1\n", "yaml", 2, 1), ("a: [1, 2\nb: 3\n", "yaml", 2, 2),
     ('{"a": 1,\n  oops}', "json", 2, 3), ("garbage", "json", 1, 1),
     ("a = 1\nb = \x07\n", "toml", 2, 5), ("a = 1\n[b\n", "toml", 2, 3)],
)  # fmt: skip
def test_tabs_and_garbage_are_refused_with_the_line_and_column_the_parser_gives(
    text: str, syntax: str, line: int, column: int
) -> None:
    error = refusal(text, syntax, source="x")
    assert (error.line, error.column) == (line, column)
    assert str(error).startswith(f"x, line {line}, column {column}: ")


def test_a_lone_surrogate_is_refused_in_every_syntax() -> None:
    assert refusal('["\\ud800"]', "json").path == "$[0]"
    assert "lone surrogate" in refusal('a: "\\ud800"', "yaml").reason
    assert "not a Unicode scalar value" in refusal('a = "\\ud800"', "toml").reason  # tomllib's
    with pytest.raises(DocumentError, match=r"\$\.a: text holding a lone surrogate"):
        dump({"a": "\ud800"}, "yaml")


def test_text_that_is_neither_str_nor_bytes_and_an_unknown_syntax_are_refused_by_type() -> None:
    with pytest.raises(InvalidTypeError, match="text: expected the document's text"):
        parse({"a": 1}, "json")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="syntax: expected one of 'json', 'toml', 'yaml'"):
        parse("a: 1", "yml")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="source"):
        parse("a: 1", "yaml", source=None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- names and errors


def test_the_syntax_of_a_file_name_is_read_from_its_suffix_in_any_case() -> None:
    assert [syntax_of(n) for n in ("a.json", "b.TOML", "c.yaml", "d/e.Yml", "f\\g.yml")] == [
        "json",
        "toml",
        "yaml",
        "yaml",
        "yaml",
    ]


@pytest.mark.parametrize("name", ["plan.txt", "plan", ".yaml", "plans.yaml/plan", "plan.yaml~"])
def test_a_file_name_with_another_suffix_is_refused_listing_the_suffixes(name: str) -> None:
    with pytest.raises(InvalidValueError, match=r"ending in \.json, \.toml, \.yaml or \.yml"):
        syntax_of(name)


def test_a_document_error_is_one_line_with_source_line_column_path_and_reason() -> None:
    error = refusal("a: 1\nb: [1, .inf]\n", "yaml", source="plan.yaml")
    assert (
        str(error)
        == "plan.yaml, line 2, column 8: $.b[1]: .inf is not a number a document may hold"
    )
    assert (error.source, error.line, error.column, error.path) == ("plan.yaml", 2, 8, "$.b[1]")
    assert isinstance(error, HRPolicyError)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.line, copy.path) == (DocumentError, str(error), 2, "$.b[1]")
    moved = error.at("$.c")
    assert isinstance(moved, DocumentError)
    assert (
        str(moved) == "plan.yaml, line 2, column 8: $.c: .inf is not a number a document may hold"
    )


def test_a_key_that_is_not_a_name_is_written_in_brackets_in_a_path() -> None:
    assert refusal('{"提成 rate": [NaN]}', "json").path == "$['提成 rate'][0]"


# --------------------------------------------------------------------------- writing


def test_json_is_written_with_two_space_indentation_and_unicode_as_it_is() -> None:
    assert (
        dump({"名称": "提成", "ids": [1]}, "json")
        == '{\n  "名称": "提成",\n  "ids": [\n    1\n  ]\n}\n'
    )


def test_a_decimal_is_written_as_its_exact_text_and_reads_back_as_a_decimal() -> None:
    data = {"rate": Decimal("0.050"), "big": Decimal("1E+3"), "whole": Decimal("3000")}
    assert dump(data, "json") == '{\n  "rate": 0.050,\n  "big": 1E+3,\n  "whole": 3000.0\n}\n'
    assert dump(data, "yaml") == "rate: 0.050\nbig: 1E+3\nwhole: 3000.0\n"
    assert dump(data, "toml") == "rate = 0.050\nbig = 1e+3\nwhole = 3000.0\n"
    for syntax in SYNTAXES:
        back = parse(dump(data, syntax), syntax)
        assert back == data
        assert str(back["rate"]) == "0.050"
        assert all(type(value) is Decimal for value in back.values())


@pytest.mark.parametrize(
    "text",
    ["1e3", "true", "True", "null", "~", "", "12", "0x10", "0o17", "1.5", ".inf", ".nan",
     "2024-01-01", "no", "yes", "on", "off", "1_000", "1:30", "<<", "="],
)  # fmt: skip
def test_text_a_yaml_reader_would_take_for_something_else_is_written_quoted(text: str) -> None:
    written = dump({"a": text}, "yaml")
    assert written in (f"a: '{text}'\n", f'a: "{text}"\n')
    assert parse(written, "yaml") == {"a": text}
    assert yaml.safe_load(written) == {"a": text}  # a YAML 1.1 reader reads it as text too


def test_ordinary_text_is_written_plain_in_yaml() -> None:
    assert dump({"name": "提成 plan", "rate": "5%", "code": "LCL-22"}, "yaml") == (
        "name: 提成 plan\nrate: 5%\ncode: LCL-22\n"
    )


def test_text_on_several_lines_is_written_in_double_quotes_and_reads_back() -> None:
    assert dump({"note": "first\nsecond "}, "yaml") == 'note: "first\\nsecond "\n'


def test_a_short_row_of_plain_values_is_written_on_one_line_in_yaml() -> None:
    written = dump({"rows": [["0", "2000", "1"], ["2000", Decimal("0.05")]], "ids": []}, "yaml")
    assert written == "rows:\n- ['0', '2000', '1']\n- ['2000', 0.05]\nids: []\n"


def test_a_long_row_or_a_list_of_mappings_is_written_one_item_a_line_in_yaml() -> None:
    assert dump({"a": ["x" * 70]}, "yaml") == "a:\n- " + "x" * 70 + "\n"
    assert dump([{"a": 1}, {"b": 2}], "yaml") == "- a: 1\n- b: 2\n"


def test_yaml_output_never_has_an_anchor_even_for_a_list_given_twice() -> None:
    shared = [{"a": 1}]
    written = dump({"x": shared, "y": shared}, "yaml")
    assert "&" not in written
    assert "*" not in written
    assert parse(written, "yaml") == {"x": [{"a": 1}], "y": [{"a": 1}]}


def test_a_none_in_toml_output_is_refused_naming_its_key_path() -> None:
    with pytest.raises(DocumentError) as caught:
        dump({"a": [{"b": 1}, {"c": None}]}, "toml")
    assert caught.value.path == "$.a[1].c"
    assert "TOML has no null" in caught.value.reason


def test_a_toml_document_to_write_must_be_a_mapping() -> None:
    with pytest.raises(DocumentError, match="a TOML document is a mapping of keys, not list"):
        dump([1, 2], "toml")


@pytest.mark.parametrize("value", [1.5, date(2024, 3, 1), {1, 2}, b"x", object()])
def test_a_value_outside_the_data_model_to_write_is_a_type_error_naming_its_path(
    value: object,
) -> None:
    with pytest.raises(InvalidTypeError, match=r"^\$\.a\[0\]: expected a value a document holds"):
        dump({"a": [value]}, "json")


def test_a_key_that_is_not_text_to_write_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match=r"\$\.a key: expected a key that is text"):
        dump({"a": {1: "x"}}, "yaml")


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN")])
def test_a_decimal_that_is_not_finite_is_not_written(value: Decimal) -> None:
    for syntax in SYNTAXES:
        with pytest.raises(DocumentError, match=r"\$\.a: .* is not a number a document may hold"):
            dump({"a": value}, syntax)


def test_an_integer_longer_than_python_writes_is_not_written() -> None:
    for syntax in SYNTAXES:
        with pytest.raises(DocumentError, match=r"\$\.a: an integer is longer than Python"):
            dump({"a": 10**LIMIT}, syntax)


def test_data_nested_deeper_than_the_limit_is_not_written() -> None:
    data: Any = 1
    for _ in range(100_000):
        data = [data]
    for syntax in ("json", "yaml"):
        with pytest.raises(DocumentError, match="nests deeper than"):
            dump(data, syntax)


def test_any_mapping_and_tuple_are_written_as_a_mapping_and_a_list() -> None:
    assert parse(dump(MappingProxyType({"a": (1, 2)}), "yaml"), "yaml") == {"a": [1, 2]}


# --------------------------------------------------------------------------- objects


BOND_YAML = """\
format: 1
unit: weeks
schedule:
  table:
    rows:
    - ['0', '2000', '1']
    - ['2000', '5000', 'x']
    - [5000, 10000, 3]
    closed: upper
    semantics: whole
  name: cost schedule
"""


def test_a_conversion_error_from_yaml_names_the_source_and_the_line_of_each_key() -> None:
    with pytest.raises(ConversionError) as caught:
        loads(BOND_YAML, BondPolicy, syntax="yaml", source="bond.yaml")
    errors = caught.value.errors
    assert errors[0] == (
        "bond.yaml, line 2: $.unit: expected one of 'days', 'months', 'years', got str 'weeks'"
    )
    assert errors[1].startswith("bond.yaml, line 7: $.schedule.table.rows[1]")
    assert errors[1].endswith("got str 'x'")
    assert caught.value.path == "BondPolicy"
    assert str(caught.value).startswith("BondPolicy: cannot build from the data given: bond.yaml")


def test_a_key_missing_in_yaml_is_placed_at_the_line_of_the_mapping_lacking_it() -> None:
    document = "format: 1\nschedule:\n  name: cost schedule\n"
    with pytest.raises(ConversionError) as caught:
        loads(document, BondPolicy, syntax="yaml", source="bond.yaml")
    assert caught.value.errors == (
        "bond.yaml, line 2: $.schedule.table: expected this required key, got nothing",
    )


def test_a_conversion_error_from_json_or_toml_names_the_source_and_no_line() -> None:
    documents: list[tuple[str, Syntax]] = [
        ('{"unit": "weeks"}', "json"),
        ('unit = "weeks"', "toml"),
    ]
    for text, syntax in documents:
        with pytest.raises(ConversionError) as caught:
            loads(text, BondPolicy, syntax=syntax, source=f"bond.{syntax}")
        assert caught.value.errors == (
            f"bond.{syntax}: $.unit: expected one of 'days', 'months', 'years', got str 'weeks'",
        )


def test_a_document_error_in_loads_stays_a_document_error() -> None:
    with pytest.raises(DocumentError, match="anchors"):
        loads("unit: &u days\n", BondPolicy, syntax="yaml")


def test_a_policy_written_with_dumps_reads_back_equal_with_loads() -> None:
    policy = BondPolicy(unit=TimeUnit.DAYS, schedule=DOMAIN_COST_SCHEDULE)
    for syntax in SYNTAXES:
        assert loads(dumps(policy, syntax=syntax), BondPolicy, syntax=syntax) == policy
    band = Band(
        lower=Decimal("0"),
        upper=Decimal("2000"),
        lower_closed=False,
        upper_closed=True,
        value=Decimal("1"),
    )
    for syntax in SYNTAXES:
        assert loads(dumps(band, syntax=syntax), Band, syntax=syntax) == band


# --------------------------------------------------------------------------- dependencies


@pytest.fixture
def without(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def hide(module: str) -> None:
        monkeypatch.setitem(sys.modules, module, None)

    text_module._yaml.cache_clear()
    yield hide
    monkeypatch.undo()
    text_module._yaml.cache_clear()


def test_yaml_without_pyyaml_is_a_missing_dependency_naming_the_documents_extra(
    without: Any,
) -> None:
    without("yaml")
    with pytest.raises(
        MissingDependencyError, match=r"PyYAML .*pip install 'hrpolicy\[documents\]'"
    ):
        parse("a: 1", "yaml")
    with pytest.raises(MissingDependencyError, match="PyYAML"):
        dump({"a": 1}, "yaml")
    assert parse('{"a": 1}', "json") == {"a": 1}


def test_toml_output_without_tomli_w_is_a_missing_dependency_naming_the_documents_extra(
    without: Any,
) -> None:
    without("tomli_w")
    with pytest.raises(MissingDependencyError, match=r"tomli-w .*hrpolicy\[documents\]"):
        dump({"a": 1}, "toml")
    assert parse("a = 1", "toml") == {"a": 1}


def test_importing_the_documents_room_loads_no_yaml_or_toml_library_until_one_is_used() -> None:
    code = (
        "import sys, hrpolicy.documents\n"
        "names = ('yaml', 'tomli_w', 'tomllib', 'tomli')\n"
        "print(','.join(m for m in names if m in sys.modules))\n"
        "hrpolicy.documents.parse('{}', 'json')\n"
        "print(','.join(m for m in names if m in sys.modules))\n"
        "hrpolicy.documents.parse('a: 1', 'yaml')\n"
        "print(','.join(m for m in names if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["", "", "yaml"]


def test_a_component_kind_written_as_a_list_in_yaml_is_named_as_a_wrong_kind_at_its_line() -> None:
    document = (
        "plan_id: p\nname: p\nversions:\n- version: '1'\n  effective_from: 2024-01-01\n"
        "  components:\n  - kind: [fixed_pay]\n    component_id: a\n    name: a\n"
        "    amount: 1\n"
    )
    with pytest.raises(ConversionError) as caught:
        loads(document, Plan, syntax="yaml", source="plan.yaml")
    (message,) = caught.value.errors
    assert message.startswith(
        "plan.yaml, line 7: $.versions[0].components[0].kind: expected one of 'fixed_pay', "
    )
    assert message.endswith("got list ['fixed_pay']")


def test_an_open_ended_contract_is_refused_in_toml_with_advice_and_round_trips_in_yaml() -> None:
    case = electrician_case()
    open_ended = attrs.evolve(case, employment=attrs.evolve(case.employment, contract_end=None))
    with pytest.raises(DocumentError, match=r"\$\.employment\.contract_end: TOML has no null"):
        dumps(open_ended, syntax="toml")
    assert loads(dumps(open_ended, syntax="yaml"), BondCase, syntax="yaml") == open_ended
