"""Deterministic ids shared by the loaders and both stores."""

from __future__ import annotations

import hashlib
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from loaders.records import PlanRecord


def short_hash(*parts: str | None, length: int = 12) -> str:
    """A short, stable hex digest of the given parts (None counts as empty)."""
    joined = "\x1f".join(unicodedata.normalize("NFKC", p or "") for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def plan_id(plan: "PlanRecord") -> str:
    """``p-`` + hash of jurisdiction and title, so a new version of a plan keeps its id.

    Falls back to the file name when either fact is missing.
    """
    if plan.jurisdiction and plan.title:
        return "p-" + short_hash(plan.jurisdiction, plan.title)
    return "p-" + short_hash("file", plan.file)


def task_id(plan_id_: str, seq: int) -> str:
    """``<plan id>-t<seq>``."""
    return f"{plan_id_}-t{seq}"
