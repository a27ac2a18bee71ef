"""A regular (non-editable) ``pip install`` ships every file the code reads at run time:
the Cypher statements, the taxonomy and gazetteer data, the page templates and assets."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_DIRS = ("cypher", "loaders/data", "app/templates", "app/static")
PACKAGES = ("agencynet", "loaders", "store", "queries", "app", "cypher")


def _tracked(folder: str) -> set[str]:
    out = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=True)
    return {line for line in out.stdout.splitlines() if not line.endswith(".py")}


@pytest.mark.slow
def test_wheel_holds_every_runtime_file(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the git checkout to know the tracked files")
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, src / name)
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wheel, = (tmp_path / "dist").glob("agencynet-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = set().union(*(_tracked(d) for d in RUNTIME_DIRS))
    assert any(w.endswith(".cypher") for w in wanted) and "loaders/data/divisions.csv" in wanted
    assert sorted(wanted - names) == []
