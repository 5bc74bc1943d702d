"""Policy documents: policies and case inputs read from, and written to, TOML, YAML and
JSON text in the compact shape an analyst writes by hand.

:mod:`hrpolicy.documents.text` parses and writes the text (:func:`parse`, :func:`dump`,
:func:`loads`, :func:`dumps`); PyYAML and tomli-w come with the extra:
``pip install 'hrpolicy[documents]'``. The library reads no files: it is handed text.

:mod:`hrpolicy.documents.schema` gives the JSON Schema (draft 2020-12) of every policy
and case type (:func:`schema_of`, :func:`schema_named`).
"""

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

__all__ = [
    "MAX_DEPTH",
    "SYNTAXES",
    "DocumentError",
    "Syntax",
    "dump",
    "dumps",
    "loads",
    "parse",
    "schema_named",
    "schema_of",
    "syntax_of",
]
