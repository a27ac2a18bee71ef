"""The function taxonomy: loading, validating and matching names to function codes.

The taxonomy is data (``loaders/data/functions.json``), not code. Each function has
a stable ``code``, ``zh``/``en`` names, regular-expression ``patterns`` matched
against a simplified, prefix-stripped body name, a reform ``successor`` and a
``priority``. Matching picks the highest priority, then the earliest match in the
name, then the longest match, so a merged bureau (商务粮食局) takes the function of
its first-named part and 科学技术协会 beats 科学技术.

Examples
--------
>>> tax = load_taxonomy()
>>> tax.match("发改委").code, tax.match("市场监督局").code, tax.match("林水局").code
('development_reform', 'market_regulation', 'forestry')
>>> tax.lineage("quality_supervision")
['quality_supervision', 'market_regulation']
>>> tax.match("某某某") is None
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from agencynet.errors import AgencynetError

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "functions.json"
UNCLASSIFIED = "unclassified"
_REQUIRED = ("code", "zh", "en", "successor", "one_per_jurisdiction", "priority", "patterns")


class TaxonomyError(AgencynetError):
    """The taxonomy file is missing, malformed or inconsistent (message names file and field)."""


@dataclass(frozen=True)
class Function:
    code: str
    zh: str
    en: str
    successor: str | None
    reform_year: int | None
    one_per_jurisdiction: bool
    priority: int
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = ()
    vertical: bool = False
    society: bool = False      # its bodies are themselves societies (科协, 妇联, 消费者协会)
    compiled: tuple[re.Pattern, ...] = field(default=(), compare=False, repr=False)
    combined: re.Pattern | None = field(default=None, compare=False, repr=False)  # any pattern: a cheap pre-check


@dataclass
class Taxonomy:
    """A loaded, validated taxonomy. ``functions`` keeps file order."""

    version: str
    functions: list[Function]
    source: str = str(DATA_FILE)

    def __post_init__(self) -> None:
        self.by_code = {f.code: f for f in self.functions}
        self._matches: dict[str, Function | None] = {}

    def get(self, code: str) -> Function | None:
        return self.by_code.get(code)

    def match(self, name: str) -> Function | None:
        """The function whose pattern best matches ``name`` (simplified, prefix-stripped), or None."""
        if name in self._matches:
            return self._matches[name]
        if len(self._matches) > 100_000:
            self._matches.clear()
        self._matches[name] = found = self._match(name)
        return found

    def _match(self, name: str) -> Function | None:
        best = None
        best_key = None
        for order, fn in enumerate(self.functions):
            if fn.combined is not None and not fn.combined.search(name):
                continue
            for rx in fn.compiled:
                m = rx.search(name)
                if not m:
                    continue
                key = (-fn.priority, m.start(), -(m.end() - m.start()), order)
                if best_key is None or key < best_key:
                    best, best_key = fn, key
        return best

    def lineage(self, code: str) -> list[str]:
        """``code`` followed by its successors, oldest first (reform harmonisation)."""
        chain = [code]
        while (fn := self.by_code.get(chain[-1])) and fn.successor and fn.successor not in chain:
            chain.append(fn.successor)
        return chain

    def current(self, code: str) -> str:
        """Today's function for ``code`` (the end of its successor chain)."""
        return self.lineage(code)[-1]

    def rows(self) -> list[dict]:
        """``functions`` rows for a PlanGraph: code, zh, en, successor, taxonomy_version."""
        return [
            {"code": f.code, "zh": f.zh, "en": f.en, "successor": f.successor, "taxonomy_version": self.version}
            for f in self.functions
        ]


def parse_taxonomy(data: dict, source: str = "<taxonomy>") -> Taxonomy:
    """Validate a taxonomy document and build a ``Taxonomy``.

    Raises
    ------
    TaxonomyError
        naming ``source`` and the offending function/field: missing fields, duplicate
        codes, bad regexes, one pattern under two functions, unknown or cyclic successors.
    """
    if not isinstance(data, dict) or not isinstance(data.get("functions"), list):
        raise TaxonomyError(f"{source}: top level must be an object with a 'functions' list")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise TaxonomyError(f"{source}: 'version' must be a non-empty string")
    functions: list[Function] = []
    seen_codes: set[str] = set()
    pattern_owner: dict[str, str] = {}
    for i, raw in enumerate(data["functions"]):
        where = f"{source}: functions[{i}]"
        if not isinstance(raw, dict):
            raise TaxonomyError(f"{where} must be an object")
        missing = [k for k in _REQUIRED if k not in raw]
        if missing:
            raise TaxonomyError(f"{where} ({raw.get('code')}) lacks {', '.join(missing)}")
        code = raw["code"]
        if not isinstance(code, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", code) or code == UNCLASSIFIED:
            raise TaxonomyError(f"{where}: code {code!r} must be snake_case and not {UNCLASSIFIED!r}")
        if code in seen_codes:
            raise TaxonomyError(f"{where}: duplicate code {code!r}")
        seen_codes.add(code)
        patterns = raw["patterns"]
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
            raise TaxonomyError(f"{where} ({code}): 'patterns' must be a non-empty list of strings")
        compiled = []
        for p in patterns:
            try:
                compiled.append(re.compile(p))
            except re.error as exc:
                raise TaxonomyError(f"{where} ({code}): pattern {p!r} is not a valid regex: {exc}") from None
            if p in pattern_owner and pattern_owner[p] != code:
                raise TaxonomyError(f"{where} ({code}): pattern {p!r} also maps to {pattern_owner[p]!r}")
            pattern_owner[p] = code
        functions.append(Function(
            code=code, zh=str(raw["zh"]), en=str(raw["en"]), successor=raw["successor"] or None,
            reform_year=raw.get("reform_year"), one_per_jurisdiction=bool(raw["one_per_jurisdiction"]),
            priority=int(raw["priority"]), patterns=tuple(patterns),
            examples=tuple(raw.get("examples") or ()), vertical=bool(raw.get("vertical", False)),
            society=bool(raw.get("society", False)),
            compiled=tuple(compiled), combined=re.compile("|".join(f"(?:{p})" for p in patterns)),
        ))
    tax = Taxonomy(version=version, functions=functions, source=source)
    for fn in functions:
        if fn.successor and fn.successor not in tax.by_code:
            raise TaxonomyError(f"{source}: {fn.code}.successor {fn.successor!r} is not a function code")
        chain = tax.lineage(fn.code)
        last = tax.by_code[chain[-1]]
        if last.successor:
            raise TaxonomyError(f"{source}: {fn.code}: successor chain {chain} has a cycle")
    return tax


def read_taxonomy(path: Path | str) -> Taxonomy:
    """Read and validate a taxonomy JSON file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TaxonomyError(f"{path}: taxonomy file not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: not valid JSON: {exc}") from None
    return parse_taxonomy(data, str(path))


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The project's taxonomy (``loaders/data/functions.json``), read once per process."""
    return read_taxonomy(DATA_FILE)
