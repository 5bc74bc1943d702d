"""A pytest plugin that runs hrpolicy case files as tests, so another system's suite checks
its hrpolicy cases — these inputs, these outputs — with its own tests.

It is installed with hrpolicy (the ``pytest11`` entry point ``hrpolicy``) and does
nothing unless enabled, by the option or the ini setting::

    pytest --hrpolicy-cases

    # pytest.ini (or [tool.pytest.ini_options] in pyproject.toml)
    [pytest]
    hrpolicy_cases = true
    hrpolicy_locale = zh_CN   # the failure reports' language: en (the default) or zh_CN

Once enabled, every file whose name ends in ``.case.toml``, ``.case.yaml``,
``.case.yml`` or ``.case.json`` under the paths pytest collects is one test item, named
``<file>::case``: it reads the file, runs the case
(:func:`hrpolicy.documents.cases.check_case`) and passes when every expected figure
matches. A mismatch fails the item with the report's diff (expected, got and the step
that produced the figure); a file that cannot be read, does not parse or is not a valid
case fails the item with its one-line error, and the other files are still collected
and run.

The plugin reads files (the library does not); it imports hrpolicy's engines only when a
case file is run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import pytest

if TYPE_CHECKING:
    from hrpolicy.documents.cases import CaseReport

__all__ = ["CaseFileCollector", "CaseFileError", "CaseItem", "CaseMismatchError"]

#: How a case file's name ends (as :data:`hrpolicy.documents.cases.CASE_SUFFIXES`: the
#: plugin does not import the library until it is enabled).
_SUFFIXES: Final = (".case.toml", ".case.yaml", ".case.yml", ".case.json")
_LOCALES: Final = ("en", "zh_CN")
_ENABLED: Final = pytest.StashKey[bool]()
_LOCALE: Final = pytest.StashKey[str]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ``--hrpolicy-cases`` option and the ``hrpolicy_cases`` and ``hrpolicy_locale``
    ini settings."""
    group = parser.getgroup("hrpolicy", "hrpolicy case files")
    group.addoption(
        "--hrpolicy-cases",
        action="store_true",
        default=False,
        dest="hrpolicy_cases",
        help="run hrpolicy case files (*.case.toml, *.case.yaml, *.case.yml, *.case.json) as tests",
    )
    parser.addini(
        "hrpolicy_cases",
        type="bool",
        default=False,
        help="run hrpolicy case files (*.case.toml, *.case.yaml, *.case.yml, *.case.json) as tests",
    )
    parser.addini(
        "hrpolicy_locale",
        default="en",
        help="the language of hrpolicy case-file failure reports: en or zh_CN",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Read once whether case files are collected, and in which language they report."""
    enabled = bool(config.getoption("hrpolicy_cases")) or bool(config.getini("hrpolicy_cases"))
    config.stash[_ENABLED] = enabled
    locale = str(config.getini("hrpolicy_locale"))
    if enabled and locale not in _LOCALES:
        raise pytest.UsageError(
            f"hrpolicy_locale: expected one of {', '.join(_LOCALES)}, got {locale!r}"
        )
    config.stash[_LOCALE] = locale


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A case file, when case files are enabled, as one :class:`CaseFileCollector`."""
    if not parent.config.stash.get(_ENABLED, False) or not file_path.name.endswith(_SUFFIXES):
        return None
    collector: pytest.Collector = CaseFileCollector.from_parent(parent, path=file_path)
    return collector


class CaseFileError(Exception):
    """A case file that cannot be read or run: its one-line error."""


class CaseMismatchError(Exception):
    """A case file whose result differs from what it expects: the report."""

    def __init__(self, report: CaseReport) -> None:
        super().__init__(report.render("en"))
        self.report = report


class CaseFileCollector(pytest.File):
    """One case file: it holds one :class:`CaseItem`. The file is read when the item
    runs, so a file that cannot be read fails its own item, not the collection."""

    def collect(self) -> Iterator[pytest.Item]:
        """The file's one test item."""
        yield CaseItem.from_parent(self, name="case")


class CaseItem(pytest.Item):
    """Reads the case file, runs it and compares the result with what it expects."""

    def _source(self) -> str:
        try:
            return self.path.relative_to(self.config.rootpath).as_posix()
        except ValueError:
            return self.path.as_posix()

    def runtest(self) -> None:
        """Pass when every expected figure matches; fail with the report's diff or the
        file's one-line error otherwise."""
        from hrpolicy.core.errors import HRPolicyError  # noqa: PLC0415 - only once enabled
        from hrpolicy.documents.cases import check_case, loads_case  # noqa: PLC0415
        from hrpolicy.documents.text import syntax_of  # noqa: PLC0415

        source = self._source()
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise CaseFileError(f"{source}: cannot read the file ({error.strerror})") from None
        try:
            report = check_case(loads_case(data, syntax=syntax_of(self.path.name), source=source))
        except HRPolicyError as error:
            raise CaseFileError(str(error)) from None
        if not report.ok:
            raise CaseMismatchError(report)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """The report's diff for a mismatch, the one-line error for a bad file."""
        if isinstance(excinfo.value, CaseMismatchError):
            return excinfo.value.report.render(self.config.stash.get(_LOCALE, "en"))
        if isinstance(excinfo.value, CaseFileError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the item is: the case file."""
        return self.path, None, f"hrpolicy case {self._source()}"
