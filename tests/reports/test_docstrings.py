"""The engine's main functions document every parameter, what they raise, and show an
example that runs (the doctests run with the suite)."""

from __future__ import annotations

import doctest
import inspect
from collections.abc import Callable
from typing import Any

import pytest

from hrpolicy.reports import annual_score, consequences, score_component, score_month, validate

MAIN = [validate, score_month, score_component, annual_score, consequences]


@pytest.mark.parametrize("function", MAIN, ids=[f.__name__ for f in MAIN])
def test_a_main_function_documents_its_parameters_errors_and_an_example(
    function: Callable[..., Any],
) -> None:
    text = inspect.getdoc(function) or ""
    for name in inspect.signature(function).parameters:
        assert f":param {name}:" in text, name
    assert ":returns:" in text
    assert ":raises InvalidTypeError:" in text
    assert ":raises InvalidValueError:" in text
    examples = doctest.DocTestParser().get_examples(text)
    assert len(examples) >= 3
    assert any(e.exc_msg for e in examples), "an example of an error"
