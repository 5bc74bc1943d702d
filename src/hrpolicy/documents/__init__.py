"""Policy documents: policies and case inputs read from, and written to, TOML, YAML and
JSON text in the compact shape an analyst writes by hand.

:mod:`hrpolicy.documents.text` parses and writes the text (:func:`parse`, :func:`dump`,
:func:`loads`, :func:`dumps`); :mod:`hrpolicy.documents.cases` reads, runs and checks
case files — one engine's inputs and the outputs they must give (:func:`loads_case`,
:func:`check_case`); PyYAML and tomli-w come with the extra:
``pip install 'hrpolicy[documents]'``. The library reads no files: it is handed text.
"""

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
    "syntax_of",
]
