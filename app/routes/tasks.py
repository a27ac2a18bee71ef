"""``/tasks``: tasks across plans (filter by plan or orphan category) and one task."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app import data
from app.routes.plans import TASK_COLUMNS
from app.schemas import Page, TaskPublic
from app.tables import FormatQ, LimitQ, OffsetQ, csv_response, page, wants_csv
from app.deps import StoreDep

router = APIRouter(prefix="/tasks", tags=["tasks"])
OrphanQ = Annotated[str | None, Query(pattern="^(unassigned|collective_only|leaderless|lead_is_collective|none)$",
                                      description="orphan category, or none for tasks with a lead")]


@router.get("", response_model=Page[TaskPublic])
def list_tasks(store: StoreDep, request: Request, plan: str | None = None, orphan: OrphanQ = None,
               limit: LimitQ = 100, offset: OffsetQ = 0, format: FormatQ = None):
    """Tasks in (plan, seq) order; ``plan`` a plan id, ``orphan`` a category."""
    rows = data.tasks(store, plan, orphan)
    if wants_csv(request, format):
        return csv_response(rows, "tasks.csv", TASK_COLUMNS)
    return page(rows, limit, offset)


@router.get("/{task_id}", response_model=TaskPublic)
def get_task(task_id: str, store: StoreDep):
    """One task with its text, clause, source span and responsible agencies."""
    return data.task(store, task_id)
