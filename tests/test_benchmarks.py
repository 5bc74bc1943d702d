"""The benchmark scripts still run against the library as it is (each timing runs once:
speed is measured by running the scripts, never in the tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("*.py") if not p.name.startswith("_"))


def test_there_is_a_script_per_engine_and_the_side_by_side_run() -> None:
    assert SCRIPTS == [
        "bench_bonds.py",
        "bench_collection.py",
        "bench_commission.py",
        "bench_documents.py",
        "bench_reports.py",
        "bench_tables.py",
        "run.py",
    ]


@pytest.mark.parametrize("script", SCRIPTS)
def test_each_benchmark_script_runs_to_the_end(script: str) -> None:
    command = [sys.executable, str(BENCHMARKS / script)]
    if script == "run.py":
        command.append("--quick")
    result = subprocess.run(
        command,
        env={**os.environ, "HRPOLICY_BENCH_SMOKE": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "µs" in result.stdout


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", *arguments],
        env={**os.environ, "HRPOLICY_BENCH_SMOKE": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_side_by_side_run_names_the_interpreter_and_the_machine() -> None:
    result = _run("--only", "G7")
    assert result.returncode == 0, result.stderr
    for label in ("python:", "compiler:", "debug build:", "free-threaded:", "cpu:", "cores:"):
        assert label in result.stdout
    assert "G7" in result.stdout
    assert "G1:" not in result.stdout


def test_a_smoke_run_does_not_judge_a_goal_even_with_check() -> None:
    result = _run("--only", "G2,G6", "--check")
    assert result.returncode == 0, result.stderr
    assert "not judged" in result.stdout


def test_an_unknown_goal_name_is_refused_naming_it() -> None:
    result = _run("--only", "G99")
    assert result.returncode != 0
    assert "G99" in result.stderr
