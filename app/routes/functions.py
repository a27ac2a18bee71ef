"""``/functions``: the function taxonomy agencies are classified by."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app import data
from app.deps import StoreDep
from app.schemas import FunctionPublic, Page
from app.tables import FormatQ, LimitQ, OffsetQ, csv_response, page, wants_csv

router = APIRouter(prefix="/functions", tags=["functions"])


@router.get("", response_model=Page[FunctionPublic])
def list_functions(store: StoreDep, request: Request, limit: LimitQ = 200, offset: OffsetQ = 0,
                   format: FormatQ = None):
    """Function codes in code order with zh/en names, reform successor and agency counts."""
    rows = data.functions(store)
    if wants_csv(request, format):
        return csv_response(rows, "functions.csv", ["code", "zh", "en", "successor", "agencies"])
    return page(rows, limit, offset)
