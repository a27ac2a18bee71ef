"""What leaves the API: ``...Public`` models per entity, one page envelope, one error shape."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Public(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable code, e.g. not_found, bad_filter, store_unavailable")
    message: str = Field(description="what went wrong and what to do about it")
    detail: dict | list | str | None = None


class ErrorPublic(BaseModel):
    """The one error shape: ``{"error": {"code", "message", "detail"}}``."""

    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    """A slice of a stably ordered list: ``items`` from ``offset``, ``total`` overall."""

    items: list[T]
    total: int
    limit: int
    offset: int


class PlanPublic(_Public):
    id: str
    file: str
    title: str | None = None
    jurisdiction_id: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    parent_jurisdiction: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    year: int | None = None
    script: str | None = None
    lead_convention: str | None = None
    source_hash: str | None = None
    task_count: int = 0
    format: str | None = None
    encoding: str | None = None
    warnings: list[str] = []


class TaskPublic(_Public):
    id: str
    plan_id: str
    seq: int
    path: str | None = None
    heading: str | None = None
    text: str | None = None
    clause: str | None = None
    lead_basis: str | None = None
    open_list: bool = False
    orphan: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    clause_start: int | None = None
    clause_end: int | None = None
    section: str | None = None
    leads: list[str] = Field(default=[], description="names of the leading agencies")
    supports: list[str] = Field(default=[], description="names of the supporting agencies")
    collectives: list[str] = Field(default=[], description="vague entries named on the task")


class AgencyPublic(_Public):
    id: str
    name: str
    name_simplified: str | None = None
    jurisdiction_id: str | None = None
    jurisdiction: str | None = None
    function: str | None = None
    kind: str = "agency"
    aliases: list[str] = []
    mentions: int = 0
    leads: int = 0
    supports: int = 0


class DutyPublic(_Public):
    task_id: str
    plan_id: str
    seq: int
    path: str | None = None
    heading: str | None = None
    clause: str | None = None
    lead_basis: str | None = None
    role: str = Field(description="LEADS or SUPPORTS")
    mention: str | None = None


class AgencyDetailPublic(AgencyPublic):
    led: list[DutyPublic] = []
    supported: list[DutyPublic] = []


class PlanDetailPublic(PlanPublic):
    orphans: dict[str, int] = Field(default={}, description="task count per orphan category")
    agencies: int = 0
    edges: int = 0


class JurisdictionPublic(_Public):
    id: str
    name: str
    level: str | None = None
    parent_id: str | None = None
    plans: int = 0
    agencies: int = 0


class FunctionPublic(_Public):
    code: str
    zh: str | None = None
    en: str | None = None
    successor: str | None = None
    taxonomy_version: str | None = None
    agencies: int = 0


class HealthPublic(_Public):
    status: str = Field(description="ok or unavailable")
    store: str
    ok: bool
    where: str | None = None
    plans: int | None = None
    detail: str | None = None


class LoadResultPublic(_Public):
    plan_id: str
    status: str
    tasks: int
    edges: int
    warnings: list[str] = []


class DeletedPublic(_Public):
    plan_id: str
    deleted: bool


class AnalyticsPublic(_Public):
    """Rows of one analytics measure plus the notes the measure attaches (e.g. sample size)."""

    measure: str
    filters: dict
    columns: list[str]
    rows: list[dict]
    total: int
    notes: dict = {}


class NetworkViewPublic(_Public):
    """A network view's data (the JSON twin of a view page)."""

    model_config = ConfigDict(extra="allow")
    view: str
    title: str
    nodes: list[dict]
    edges: list[dict]
    legend: dict
    cap: dict = Field(description="shown, total, capped: nodes drawn against nodes in the full graph")
    exports: dict[str, str] = {}


class PageDataPublic(_Public):
    """The dict an HTML page is rendered from (its JSON twin); keys depend on the page."""

    model_config = ConfigDict(extra="allow")
    page: str
    title: str
