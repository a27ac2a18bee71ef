"""Typed records that leave the loaders.

``TaskRecord`` and ``PlanRecord`` serialise (``as_dict``) to exactly the JSON
objects ``agencynet extract`` prints, the fields of ``shared/gold`` plus
provenance. Field meanings follow ``samples/gold/CONVENTIONS.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LEAD_BASES = ("explicit", "declared_first", "convention_first", "single", "joint", "collective_only", "none")
LEVELS = ("province", "city", "district", "county", "development_zone")
ORPHAN_CATEGORIES = ("unassigned", "collective_only", "leaderless", "lead_is_collective")


@dataclass
class TaskRecord:
    """One task: the smallest block of text carrying its own responsibility clause."""

    plan: str                      # source file name
    seq: int                       # 1-based order in the document (main text, then annexes)
    path: str                      # numbering as written joined by " > " (annexes start with 附件N)
    heading: str                   # short title, up to the first 。
    clause: str | None             # exact source text of the clause, brackets included, or None
    units: list[str]               # list entries in order, as written (source script kept)
    lead: list[str]                # [] or [lead unit as written]
    support: list[str]             # specific units other than the lead, de-duplicated, in order
    collective: list[str]          # entries of units that are not one specific body
    open_list: bool                # 等 follows the last unit
    lead_basis: str                # one of LEAD_BASES
    text: str                      # the task's full text (heading, body and clause)
    span: tuple[int, int]          # [start, end) character offsets of text in the decoded source
    clause_span: tuple[int, int] | None = None  # offsets of the clause, when there is one
    section: str = ""              # heading of the action part the task sits in
    units_simplified: list[str] = field(default_factory=list)  # units in simplified script, for matching
    units_normalised: list[str] = field(default_factory=list)  # units with prefix shorthand resolved (市发改委、国土局 -> 市国土局)

    @property
    def orphan(self) -> str | None:
        """Orphan category for coordinators, or None when the task has a specific lead.

        ``unassigned`` no clause; ``collective_only`` only vague entries;
        ``lead_is_collective`` several units but the first (lead position) is collective;
        ``leaderless`` several specific units and none leads (joint).
        """
        if self.lead:
            return None
        if self.lead_basis == "none" or not self.units:
            return "unassigned"
        if self.lead_basis == "collective_only":
            return "collective_only"
        if self.units and self.units[0] in self.collective:
            return "lead_is_collective"
        return "leaderless"

    def as_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        d["clause_span"] = list(self.clause_span) if self.clause_span else None
        d["orphan"] = self.orphan
        return d


@dataclass
class PlanRecord:
    """Plan-level facts. Facts not found are None and named in ``warnings``."""

    file: str
    title: str | None
    jurisdiction: str | None
    level: str | None              # one of LEVELS
    parent_jurisdiction: str | None
    issuer: str | None
    doc_number: str | None         # e.g. 威高管办发〔2017〕22号
    date: str | None               # YYYY-MM-DD, the issue date (not the web page's)
    script: str                    # "simplified" or "traditional"
    lead_convention: str | None    # e.g. 列第一位的为牵头单位,下同
    source_hash: str               # sha256 of the source bytes
    task_count: int
    format: str = "txt"            # txt | html | docx | pdf
    encoding: str | None = None    # detected encoding of text sources
    warnings: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)  # every issuing body, as written (joint issuers: 中共X县委, X县人民政府)

    @property
    def plan_id(self) -> str:
        """Stable id across versions: from jurisdiction + title, else from the file name."""
        from loaders.ids import plan_id

        return plan_id(self)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["plan_id"] = self.plan_id
        return d


@dataclass
class ExtractedDocument:
    """Everything the extractor learns from one document."""

    plan: PlanRecord
    tasks: list[TaskRecord]
    text: str                      # the decoded, cleaned source text that spans point into


# ---------------------------------------------------------------------------
# Graph rows: what a store writes for one plan (built by ``loaders.graph``).
# Plain dicts of str/int/float/bool/None/list[str] so both stores take them as is.
# ---------------------------------------------------------------------------


@dataclass
class PlanGraph:
    """All rows for one plan, written by a store in one transaction.

    Row keys (every key always present):

    - ``plan``: id, file, title, jurisdiction_id, jurisdiction, level, parent_jurisdiction,
      issuer, doc_number, date, year (int|None), script, lead_convention, source_hash,
      task_count, format, encoding, warnings (list[str]), text (decoded source)
    - ``jurisdictions``: id, name, level, parent_id (None at the top); the plan's own and its parents
    - ``tasks``: id, plan_id, seq, path, heading, text, clause, lead_basis, open_list,
      orphan (category or None), span_start, span_end, clause_start, clause_end, section
    - ``agencies``: id, name (canonical, source script), name_simplified, jurisdiction_id,
      function (code or "unclassified"), kind ("agency")
    - ``collectives``: id, name, jurisdiction_id, kind ("collective")
    - ``functions``: code, zh, en, successor (code or None), taxonomy_version
    - ``edges``: source_id (agency or collective id), task_id, type ("LEADS" | "SUPPORTS" |
      "NAMED_ON"), mention (as written), position (0-based index in the clause's unit list)
    """

    plan: dict
    jurisdictions: list[dict]
    tasks: list[dict]
    agencies: list[dict]
    collectives: list[dict]
    functions: list[dict]
    edges: list[dict]
