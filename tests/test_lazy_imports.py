"""Importing a package loads none of the modules its names come from until one is used."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

import hrpolicy
import hrpolicy.core
import hrpolicy.documents


def _loaded_after(code: str) -> list[str]:
    """The hrpolicy modules a fresh interpreter holds after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return [name for name in json.loads(out) if name.startswith("hrpolicy")]


def test_import_hrpolicy_loads_neither_the_core_nor_an_engine() -> None:
    assert _loaded_after("import hrpolicy") == ["hrpolicy", "hrpolicy._lazy"]


def test_a_core_name_loads_its_own_module_and_what_it_needs_not_the_whole_core() -> None:
    loaded = _loaded_after("from hrpolicy.core import Period")
    assert "hrpolicy.core.period" in loaded
    assert "hrpolicy.core.workcal" not in loaded
    assert "hrpolicy.core.recovery" not in loaded


def test_every_listed_name_of_the_core_and_the_top_level_loads_and_is_listed_by_dir() -> None:
    for package in (hrpolicy, hrpolicy.core, hrpolicy.documents):
        for name in package.__all__:
            assert getattr(package, name) is not None
            assert name in dir(package)


def test_the_core_label_function_is_the_function_even_after_its_module_is_imported() -> None:
    import hrpolicy.core.label  # noqa: PLC0415 - the submodule shares the function's name

    found: object = hrpolicy.core.label
    assert not isinstance(found, types.ModuleType)
    assert hrpolicy.core.label is sys.modules["hrpolicy.core.label"].label


def test_an_unknown_name_is_an_attribute_error_naming_the_package() -> None:
    with pytest.raises(AttributeError, match=r"module 'hrpolicy.core' has no attribute 'Nope'"):
        _ = hrpolicy.core.Nope
    with pytest.raises(AttributeError, match=r"module 'hrpolicy' has no attribute 'nope'"):
        _ = hrpolicy.nope
