"""``/plans``: list, one plan, its tasks; upload (POST) and delete, both behind the write token."""

from __future__ import annotations

from fastapi import APIRouter, Request, UploadFile

from app import data
from app.deps import SettingsDep, StoreDep, WriteTokenDep
from app.ingest import ingest_upload
from app.schemas import DeletedPublic, LoadResultPublic, Page, PlanDetailPublic, PlanPublic, TaskPublic
from app.tables import FormatQ, LimitQ, OffsetQ, csv_response, page, wants_csv
from agencynet.errors import NotFound

router = APIRouter(prefix="/plans", tags=["plans"])
PLAN_COLUMNS = ["id", "file", "title", "jurisdiction", "level", "issuer", "doc_number", "date", "task_count"]
TASK_COLUMNS = ["id", "plan_id", "seq", "path", "heading", "clause", "lead_basis", "orphan", "open_list",
                "leads", "supports", "collectives"]


@router.get("", response_model=Page[PlanPublic])
def list_plans(store: StoreDep, request: Request, limit: LimitQ = 50, offset: OffsetQ = 0, format: FormatQ = None):
    """Plans in id order. CSV with ``?format=csv`` or ``Accept: text/csv`` (all rows)."""
    if wants_csv(request, format):
        return csv_response(data.plans(store), "plans.csv", PLAN_COLUMNS)
    return data.plans_page(store, limit, offset)


@router.get("/{plan_id}", response_model=PlanDetailPublic)
def get_plan(plan_id: str, store: StoreDep):
    """One plan's facts with its orphan counts, agency and edge totals."""
    return data.plan_detail(store, plan_id)


@router.get("/{plan_id}/tasks", response_model=Page[TaskPublic])
def plan_tasks(plan_id: str, store: StoreDep, request: Request, limit: LimitQ = 200, offset: OffsetQ = 0,
               format: FormatQ = None):
    """The plan's tasks in document order with lead and support names."""
    rows = data.tasks(store, plan_id)
    if wants_csv(request, format):
        return csv_response(rows, f"{plan_id}-tasks.csv", TASK_COLUMNS)
    return page(rows, limit, offset)


@router.post("", response_model=LoadResultPublic, status_code=201, dependencies=[WriteTokenDep])
async def upload_plan(file: UploadFile, store: StoreDep, settings: SettingsDep):
    """Extract and load one document (txt/html/docx/pdf). Needs ``Authorization: Bearer <token>``.

    Over ``AGENCYNET_MAX_UPLOAD_MB``: 413. Unreadable or task-less documents: 422 with the
    extractor's message. A failed upload changes nothing in the store.
    """
    return await ingest_upload(file, store, settings)


@router.delete("/{plan_id}", response_model=DeletedPublic, dependencies=[WriteTokenDep])
def delete_plan(plan_id: str, store: StoreDep):
    """Remove a plan, its tasks and edges (and agencies no other plan uses)."""
    if store.plan(plan_id) is None:
        raise NotFound(f"no plan with id '{plan_id}' to delete (list them at /plans)")
    return {"plan_id": plan_id, "deleted": bool(store.delete_plan(plan_id))}
