"""Cypher queries by name: ``query("load_tasks")`` is the text of ``cypher/load_tasks.cypher``.

Every Cypher statement agencynet runs lives in its own ``.cypher`` file; values
are always ``$parameters``. Nothing else belongs in this module.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from agencynet.errors import StoreError

_HERE = Path(__file__).resolve().parent
#: Where the .cypher files are looked for: the repository's ``cypher/``, then ``./cypher``.
CYPHER_DIRS = (_HERE.parent / "cypher", Path.cwd() / "cypher")


@lru_cache(maxsize=None)
def query(name: str) -> str:
    """Text of ``cypher/<name>.cypher`` (read once, cached).

    Raises
    ------
    StoreError
        When no such file exists (the message names the paths looked in).
    """
    for folder in CYPHER_DIRS:
        path = folder / f"{name}.cypher"
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
    raise StoreError(f"cypher query {name!r} not found in {', '.join(str(d) for d in CYPHER_DIRS)}")


def statements(name: str) -> list[str]:
    """The statements of a multi-statement file (``;``-separated), e.g. ``schema``."""
    return [s.strip() for s in query(name).split(";") if s.strip() and not _only_comments(s)]


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("//") for line in text.splitlines())
