"""Policy documents: policies and case inputs read from, and written to, TOML, YAML and
JSON text in the compact shape an analyst writes by hand.

:mod:`hrpolicy.documents.text` parses and writes the text (:func:`parse`, :func:`dump`,
:func:`loads`, :func:`dumps`); :mod:`hrpolicy.documents.cases` reads, runs and checks
case files — one engine's inputs and the outputs they must give (:func:`loads_case`,
:func:`check_case`); PyYAML and tomli-w come with the extra:
``pip install 'hrpolicy[documents]'``. The library reads no files: it is handed text.

:mod:`hrpolicy.documents.schema` gives the JSON Schema (draft 2020-12) of every policy
and case type (:func:`schema_of`, :func:`schema_named`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hrpolicy import _lazy

if TYPE_CHECKING:
    from hrpolicy.documents.cases import (
        CaseFile,
        CaseReport,
        check_case,
        dumps_case,
        expected_of,
        loads_case,
        read_case,
        run_case,
    )
    from hrpolicy.documents.schema import schema_named, schema_of
    from hrpolicy.documents.text import (
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

#: Where each name lives: the room loads a module (and the engines' core) only when one
#: of its names is first used, so the pytest plugin beside it starts without them.
_HOMES: dict[str, str] = {
    "CaseFile": "hrpolicy.documents.cases",
    "CaseReport": "hrpolicy.documents.cases",
    "check_case": "hrpolicy.documents.cases",
    "dumps_case": "hrpolicy.documents.cases",
    "expected_of": "hrpolicy.documents.cases",
    "loads_case": "hrpolicy.documents.cases",
    "read_case": "hrpolicy.documents.cases",
    "run_case": "hrpolicy.documents.cases",
    "MAX_DEPTH": "hrpolicy.documents.text",
    "SYNTAXES": "hrpolicy.documents.text",
    "DocumentError": "hrpolicy.documents.text",
    "Syntax": "hrpolicy.documents.text",
    "dump": "hrpolicy.documents.text",
    "dumps": "hrpolicy.documents.text",
    "loads": "hrpolicy.documents.text",
    "parse": "hrpolicy.documents.text",
    "syntax_of": "hrpolicy.documents.text",
    "schema_named": "hrpolicy.documents.schema",
    "schema_of": "hrpolicy.documents.schema",
}


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, globals(), _HOMES, name)


def __dir__() -> list[str]:
    return _lazy.names(globals(), _HOMES)


__all__ = [
    "MAX_DEPTH",
    "SYNTAXES",
    "CaseFile",
    "CaseReport",
    "DocumentError",
    "Syntax",
    "check_case",
    "dump",
    "dumps",
    "dumps_case",
    "expected_of",
    "loads",
    "loads_case",
    "parse",
    "read_case",
    "run_case",
    "schema_named",
    "schema_of",
    "syntax_of",
]
