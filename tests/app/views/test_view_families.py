"""Function families: every taxonomy code has one, colours are distinct, unknown codes are 'other'."""

from __future__ import annotations

import json
from pathlib import Path

from app.views.families import FAMILIES, FAMILY_OF, OTHER, UNCLASSIFIED, family, family_spec

TAXONOMY = Path(__file__).resolve().parents[3] / "loaders" / "data" / "functions.json"


def test_every_taxonomy_code_has_exactly_one_family():
    codes = [f["code"] for f in json.loads(TAXONOMY.read_text(encoding="utf-8"))["functions"]]
    missing = sorted(set(codes) - set(FAMILY_OF))
    assert not missing, f"give these new function codes a family in app/views/families.py: {missing}"
    listed = [c for spec in FAMILIES.values() for c in spec["codes"]]
    assert len(listed) == len(set(listed)), "a code is in two families"


def test_family_colours_are_distinct_and_few():
    colours = [spec["colour"] for spec in FAMILIES.values()] + [OTHER["colour"], UNCLASSIFIED["colour"]]
    assert len(colours) == len(set(colours)) <= 12


def test_family_of_codes():
    assert family("market_regulation") == family("food_drug") == "market"
    assert family(None) == family("") == family("unclassified") == "unclassified"
    assert family("no_such_code") == "other" and family_spec("other") is OTHER
