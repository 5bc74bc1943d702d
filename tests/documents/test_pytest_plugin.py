"""The pytest plugin: a downstream project runs its hrpolicy case files with its own tests.

Each test copies ``tests/downstream/`` (a project with its own ``pytest.ini`` enabling
the plugin) and runs pytest on the copy in a subprocess, under the copy's configuration
only, as the downstream system's CI would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_DOWNSTREAM = Path(__file__).parent.parent / "downstream"
_BOND = "cases/electrician-bond.case.toml"
_PASSING = 5  # four case files and the project's own test


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the downstream project."""
    copy = tmp_path / "downstream"
    shutil.copytree(_DOWNSTREAM, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """pytest run in ``project`` under its own pytest.ini, never this repository's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    command = [sys.executable, "-m", "pytest", "-p", "no:randomly", "-p", "no:cacheprovider"]
    command += ["-q", "-c", str(project / "pytest.ini"), "--rootdir", str(project), *args]
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=600, env=env, check=False
    )


def _change(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_downstream_projects_case_files_pass_with_its_own_tests(project: Path) -> None:
    run = _pytest(project, "-rA")
    assert run.returncode == 0, run.stdout + run.stderr
    for name in (
        "PASSED cases/electrician-bond.case.toml::case",
        "PASSED cases/li-march-commission.case.yaml::case",
        "PASSED cases/bad-debt-clawback.case.toml::case",
        "PASSED cases/li-march-score.case.yaml::case",
        "PASSED test_payroll.py::test_the_payroll_books_the_refund_hrpolicy_computes_for_the_"
        "electrician",
    ):
        assert name in run.stdout
    assert f"{_PASSING} passed" in run.stdout


def test_a_case_file_with_one_figure_changed_fails_showing_expected_got_and_the_step(
    project: Path,
) -> None:
    _change(project / _BOND, 'total_payable = "1833.33"', 'total_payable = "1833.34"')
    run = _pytest(project)
    assert run.returncode == 1
    assert f"1 failed, {_PASSING - 1} passed" in run.stdout
    assert (
        "FAIL cases/electrician-bond.case.toml (bonds): 1 of 14 figures differs\n"
        "  An electrician resigns 25 months into a 36-month bond after a 6,000 yuan course\n"
        "  totals.total_payable\n"
        "  - expected 1833.34\n"
        "  + got      1833.33\n"
        "    step total.payable: bonds settled separately, then totalled\n"
    ) in run.stdout
    assert "Traceback" not in run.stdout


def test_a_figure_changed_in_a_yaml_case_names_its_place_and_step(project: Path) -> None:
    _change(project / "cases/li-march-score.case.yaml", "score: '82.70'", "score: '82.7'")
    assert _pytest(project).returncode == 0  # the same value, written with fewer places
    _change(project / "cases/li-march-score.case.yaml", "score: '82.7'", "score: '83'")
    run = _pytest(project)
    assert run.returncode == 1
    assert "  totals.score\n  - expected 83\n  + got      82.70\n" in run.stdout
    assert "    step score.month: monthly score = daily work × 70% + attendance × 30%" in (
        run.stdout
    )


def test_the_failure_report_speaks_chinese_when_the_locale_is_zh_cn(project: Path) -> None:
    _change(project / _BOND, 'total_payable = "1833.33"', 'total_payable = "1833.34"')
    run = _pytest(project, "-o", "hrpolicy_locale=zh_CN")
    assert run.returncode == 1
    assert "  - 预期 1833.34\n  + 实得 1833.33\n    步骤 total.payable：" in run.stdout


def test_an_unreadable_or_invalid_case_file_fails_its_own_item_and_the_others_still_run(
    project: Path,
) -> None:
    (project / "cases/payroll.case.yaml").write_text(
        "format: 1\nengine: payroll\ncase: {}\n", encoding="utf-8"
    )
    (project / "cases/latin1.case.json").write_bytes(b'{"title": "caf\xe9"}')
    (project / "cases/empty.case.toml").write_text("", encoding="utf-8")
    run = _pytest(project)
    assert run.returncode == 1
    assert f"3 failed, {_PASSING} passed" in run.stdout
    for line in (
        "cases/payroll.case.yaml: cannot build from the data given: line 2: $.engine: "
        "expected one of bonds, commission, collection, reports, scoring, charges, "
        "awards, cadences, expenses, got str 'payroll'",
        "cases/latin1.case.json, line 1, column 15: the byte 0xe9 at offset 14 is not UTF-8",
        "cases/empty.case.toml: cannot build from the data given: $.format: expected the "
        "case-file format 1, got nothing; $.engine: expected one of",
    ):
        assert line in run.stdout
    assert "Traceback" not in run.stdout
    assert "error" not in run.stdout.splitlines()[-1]  # failures, not collection errors


def test_case_files_are_not_collected_unless_the_plugin_is_enabled(project: Path) -> None:
    _change(project / "pytest.ini", "hrpolicy_cases = true", "hrpolicy_cases = false")
    run = _pytest(project, "-rA")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
    assert ".case." not in run.stdout
    enabled = _pytest(project, "--hrpolicy-cases")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    assert f"{_PASSING} passed" in enabled.stdout


def test_an_unknown_report_language_is_a_usage_error(project: Path) -> None:
    run = _pytest(project, "-o", "hrpolicy_locale=fr")
    assert run.returncode == 4
    assert "hrpolicy_locale: expected one of en, zh_CN, got 'fr'" in run.stderr


def test_loading_the_plugin_imports_no_engine() -> None:
    code = (
        "import sys, hrpolicy.documents.pytest_plugin\n"
        "rooms = tuple(f'hrpolicy.{e}' for e in ('bonds', 'commission', 'collection', 'reports'))\n"
        "print(sorted(m for m in sys.modules if m.startswith(rooms)))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def _own_run(*args: str) -> subprocess.CompletedProcess[str]:
    """pytest run at this repository's root under its own configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:randomly", "-p", "no:cacheprovider", *args],
        cwd=_DOWNSTREAM.parent.parent,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )


def test_this_repositorys_own_run_collects_neither_the_downstream_tests_nor_its_cases() -> None:
    # The tests directory as the whole suite collects it, but only tests/d* (quick).
    run = _own_run("--collect-only", "-q", "tests", "--ignore-glob=tests/[!d]*")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "tests/documents/test_cases.py::" in run.stdout
    assert "tests/downstream" not in run.stdout
    # Named outright, the case files are still not tests here: the plugin is off.
    cases = _own_run("--collect-only", "-q", "-c", "pyproject.toml", "tests/downstream/cases")
    assert cases.returncode == 5, cases.stdout + cases.stderr
    assert "no tests collected" in cases.stdout
