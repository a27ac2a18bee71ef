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


def jurisdiction_id(name: str, level: str | None, parent_name: str | None = None) -> str:
    """``j-`` + hash of the name; below city level the parent's name is part of the key.

    Provinces and prefecture-level cities are unique by name, so 杭州市 gets one id
    whether it is met in its own plan or as the parent of 余杭区. Districts, counties,
    zones and towns are not (朝阳区), so their parent's name is included.
    """
    if level in ("province", "city"):
        return "j-" + short_hash(name)
    return "j-" + short_hash(name, parent_name or "")


def agency_id(jurisdiction_id_: str, key: str) -> str:
    """``a-`` + hash of the agency's jurisdiction id and its canonical key.

    The key (``loaders.identity.resolve``) is ``fn:<function>:<body kind>`` for bodies
    of which a jurisdiction has one (so 市发改委 and 市发展和改革委员会 are one agency)
    and ``nm:<simplified, prefix-stripped name>`` otherwise.
    """
    return "a-" + short_hash(jurisdiction_id_, key)


def collective_id(jurisdiction_id_: str, name_simplified: str) -> str:
    """``c-`` + hash of the plan's jurisdiction id and the entry's simplified text."""
    return "c-" + short_hash(jurisdiction_id_, name_simplified)
