"""Policy documents: policies and case inputs read from, and written to, TOML, YAML and
JSON text in the compact shape an analyst writes by hand.

:mod:`hrpolicy.documents.text` parses and writes the text (:func:`parse`, :func:`dump`,
:func:`loads`, :func:`dumps`); PyYAML and tomli-w come with the extra:
``pip install 'hrpolicy[documents]'``. The library reads no files: it is handed text.
"""

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
    "syntax_of",
]
