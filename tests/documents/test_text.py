"""Policy documents as text: what each syntax reads, what it refuses, and where it says
the problem is."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hrpolicy.documents import DocumentError, dump, parse


def test_a_yaml_no_is_read_as_the_text_no_not_as_false() -> None:
    assert parse("active: no\n", "yaml") == {"active": "no"}


def test_a_decimal_reads_exactly_from_its_text_in_every_syntax() -> None:
    assert parse('{"rate": 0.1}', "json") == {"rate": Decimal("0.1")}
    assert parse("rate = 0.1\n", "toml") == {"rate": Decimal("0.1")}
    assert parse("rate: 0.1\n", "yaml") == {"rate": Decimal("0.1")}


def test_a_yaml_alias_bomb_is_refused_at_its_first_anchor() -> None:
    with pytest.raises(DocumentError, match="anchors and aliases are not read") as caught:
        parse('a: &a ["lol", "lol"]\nb: &b [*a, *a]\n', "yaml")
    assert caught.value.line == 1


def test_what_is_written_in_each_syntax_reads_back_the_same() -> None:
    data = {"rate": Decimal("0.05"), "active": "no", "ids": [1, 2], "name": "李"}
    for syntax in ("json", "toml", "yaml"):
        assert parse(dump(data, syntax), syntax) == data
