"""The frame libraries are extras: importing the library and its engines loads none of them."""

from __future__ import annotations

import subprocess
import sys


def test_importing_hrpolicy_and_every_engine_loads_no_frame_library() -> None:
    code = (
        "import sys, hrpolicy, hrpolicy.bonds, hrpolicy.commission, hrpolicy.collection, "
        "hrpolicy.reports, hrpolicy.commission.fast, hrpolicy.bonds.tabular, "
        "hrpolicy.commission.tabular, hrpolicy.collection.tabular, hrpolicy.reports.tabular\n"
        "loaded = [m for m in ('pandas', 'polars', 'pyarrow', 'numpy', 'yaml', 'tomli_w')"
        " if m in sys.modules]\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_importing_the_tables_room_loads_no_frame_library_until_a_frame_is_read() -> None:
    code = (
        "import sys, hrpolicy.tables\n"
        "hrpolicy.tables.read_deals([{'deal_id': 'C-1', 'owner': 'li', "
        "'signed_on': '2024-03-04', 'amount': '5'}])\n"
        "print(','.join(m for m in ('pandas', 'polars', 'pyarrow', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
