"""The identity test set (``tests/fixtures/identity/mentions.jsonl``): realistic unit mentions.

Each line gives a plan context (jurisdiction, level, parent), a mention as written and
what it should resolve to: ``kind`` (agency or collective), ``function``, and for some
of them the jurisdiction (name and level) and the branch / vertical / party flags. The
expectations were written by hand before the resolver was run on them. The bar:
at least 98% of agency mentions get the right function, no collective entry becomes
an agency, and the stated jurisdictions and flags hold.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from loaders.identity.resolve import PlanContext, resolve_mention

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "identity" / "mentions.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=None)
def _ctx(name: str, level: str, parent: str | None) -> PlanContext:
    return PlanContext.of(name, level, parent)


def _resolve(row: dict):
    plan = row["plan"]
    return resolve_mention(row["mention"], _ctx(plan["jurisdiction"], plan["level"], plan["parent"]))


def _label(row: dict) -> str:
    return f"{row['plan']['jurisdiction']}:{row['mention']}"


def test_the_set_is_large_and_varied():
    assert len(ROWS) >= 500
    assert len({r["plan"]["level"] for r in ROWS}) >= 5
    assert sum(r["kind"] == "collective" for r in ROWS) >= 40


def test_at_least_98_percent_of_agency_mentions_get_the_right_function():
    agencies = [r for r in ROWS if r["kind"] == "agency"]
    wrong = [(_label(r), r["function"], _resolve(r).function) for r in agencies if _resolve(r).function != r["function"]]
    share = 1 - len(wrong) / len(agencies)
    assert share >= 0.98, f"{share:.1%} right; wrong: {wrong}"


def test_every_agency_mention_resolves_to_an_agency():
    wrong = [_label(r) for r in ROWS if r["kind"] == "agency" and _resolve(r).kind != "agency"]
    assert not wrong


def test_no_collective_entry_becomes_an_agency():
    wrong = [_label(r) for r in ROWS if r["kind"] == "collective" and _resolve(r).kind != "collective"]
    assert not wrong


@pytest.mark.parametrize("row", [r for r in ROWS if "jurisdiction" in r or "jurisdiction_level" in r], ids=_label)
def test_stated_jurisdiction(row):
    j = _resolve(row).jurisdiction
    if "jurisdiction" in row:
        assert j.name == row["jurisdiction"]
    if "jurisdiction_level" in row:
        assert j.level == row["jurisdiction_level"]


@pytest.mark.parametrize("row", [r for r in ROWS if {"branch", "vertical", "party"} & set(r)], ids=_label)
def test_stated_flags(row):
    ref = _resolve(row)
    for flag in ("branch", "vertical", "party"):
        if flag in row:
            assert getattr(ref, flag) is row[flag], flag
