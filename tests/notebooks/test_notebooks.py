"""Each notebook runs top to bottom (nbclient, python3 kernel of this interpreter) on the
embedded store, shows what it promises, and is committed without outputs."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

EXPECTED = {
    # notebook: texts that must appear in its outputs (facts of the samples, column names)
    "01_researcher_walkthrough.ipynb": ["leads 13 of 22 tasks in Jiaxing", "hhi", "pagerank", "image/png"],
    "02_coordinator_orphan_review.ipynb": ["unassigned", "leaderless tasks in the Weihai zone plan", "image/png"],
    "03_cross_jurisdiction_comparison.ipynb": ["as_named", "harmonised", "difference", "image/png"],
}


def test_every_notebook_is_covered():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(EXPECTED)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_notebook_runs_top_to_bottom(name, monkeypatch, tmp_path):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel then uses its inline backend
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not c.get("outputs") for c in book.cells if c.cell_type == "code"), "commit notebooks without outputs"
    client = NotebookClient(book, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    text = []
    for cell in book.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error"
            text.append(out.get("text", ""))
            data = out.get("data", {})
            text.extend(str(v) for v in data.values())
            text.extend(data.keys())
    joined = "\n".join(text)
    for expected in EXPECTED[name]:
        assert expected in joined, f"{name}: {expected!r} not in the outputs"
    assert os.environ.get("NEO4J_URI") is None
