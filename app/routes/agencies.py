"""``/agencies``: filter by jurisdiction, function and name; one agency with its duties."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app import data
from app.deps import StoreDep
from app.schemas import AgencyDetailPublic, AgencyPublic, Page
from app.tables import FormatQ, LimitQ, OffsetQ, csv_response, wants_csv

router = APIRouter(prefix="/agencies", tags=["agencies"])
DUTY_COLUMNS = ["role", "plan_id", "task_id", "seq", "path", "heading", "clause", "lead_basis", "mention"]
COLUMNS = ["id", "name", "jurisdiction", "function", "leads", "supports", "mentions", "aliases"]


@router.get("", response_model=Page[AgencyPublic])
def list_agencies(store: StoreDep, request: Request, jurisdiction: str | None = None, function: str | None = None,
                  q: str | None = None, limit: LimitQ = 100, offset: OffsetQ = 0, format: FormatQ = None):
    """Agencies in id order. ``jurisdiction`` id or name, ``function`` code, ``q`` part of a name."""
    if wants_csv(request, format):
        return csv_response(data.agencies(store, jurisdiction, function, q), "agencies.csv", COLUMNS)
    return data.agencies_page(store, jurisdiction, function, q, limit, offset)


@router.get("/{agency_id}", response_model=AgencyDetailPublic)
def get_agency(agency_id: str, store: StoreDep, request: Request, format: FormatQ = None):
    """One agency with the tasks it leads (``led``) and supports (``supported``); CSV: its duties."""
    detail = data.agency_detail(store, agency_id)
    if wants_csv(request, format):
        return csv_response(detail["led"] + detail["supported"], f"{agency_id}-duties.csv", DUTY_COLUMNS)
    return detail
