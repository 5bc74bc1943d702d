"""The notebooks in docs/notebooks run top to bottom in a real Jupyter kernel, are kept in
git without outputs, and the results they show render as rich HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((Path(__file__).parent.parent / "docs" / "notebooks").glob("*.ipynb"))


def test_there_is_a_notebook_for_each_engine() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "bond_repayment_curve.ipynb",
        "collection_year.ipynb",
        "commission_what_if.ipynb",
        "tables_pandas_year.ipynb",
        "team_scoring_month.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_notebook_is_stored_without_outputs(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_notebook_runs_in_a_kernel_and_shows_rich_results(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        book,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    outputs = [o for cell in book.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    rich = [o for o in outputs if o.output_type == "execute_result" and "text/html" in o.data]
    assert rich, "the results a notebook ends cells with render as HTML"
    assert any("<table" in o.data["text/html"] for o in rich)
    assert any(o.output_type == "display_data" and "image/png" in o.data for o in outputs)
