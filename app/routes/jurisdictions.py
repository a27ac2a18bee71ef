"""``/jurisdictions``: places with plans, their level and parent."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app import data
from app.deps import StoreDep
from app.schemas import JurisdictionPublic, Page
from app.tables import FormatQ, LimitQ, OffsetQ, csv_response, page, wants_csv

router = APIRouter(prefix="/jurisdictions", tags=["jurisdictions"])


@router.get("", response_model=Page[JurisdictionPublic])
def list_jurisdictions(store: StoreDep, request: Request, limit: LimitQ = 100, offset: OffsetQ = 0,
                       format: FormatQ = None):
    """Jurisdictions in id order with plan and agency counts."""
    rows = data.jurisdictions(store)
    if wants_csv(request, format):
        return csv_response(rows, "jurisdictions.csv", ["id", "name", "level", "parent_id", "plans", "agencies"])
    return page(rows, limit, offset)
