"""Uploads: bounded read, extraction, graph building, one all-or-nothing load."""

from __future__ import annotations

from fastapi import UploadFile
from starlette.concurrency import run_in_threadpool

from agencynet.errors import ExtractionError
from agencynet.settings import Settings
from app.errors import UploadRefused
from loaders.extract import extract_document
from loaders.graph import build_plan_graph
from store.base import GraphStore

CHUNK = 64 * 1024


async def read_bounded(file: UploadFile, max_bytes: int) -> bytes:
    """The upload's bytes, refusing (413) as soon as more than ``max_bytes`` arrive."""
    name = file.filename or "upload"
    parts, size = [], 0
    while True:
        chunk = await file.read(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise UploadRefused(f"{name}: larger than the upload limit of {max_bytes / 1_000_000:g} MB "
                                "(AGENCYNET_MAX_UPLOAD_MB); nothing was loaded", status=413)
        parts.append(chunk)
    if size == 0:
        raise UploadRefused(f"{name}: the file is empty; nothing was loaded")
    return b"".join(parts)


def extract_and_load(data: bytes, name: str, store: GraphStore) -> dict:
    """Extract ``data`` and load it as one plan; raises before writing anything on bad input."""
    try:
        doc = extract_document(data, name)
    except ExtractionError:
        raise
    except (ValueError, UnicodeError, LookupError, OSError) as exc:  # a malformed file the extractor did not name
        raise ExtractionError(name, f"could not be read as a policy document ({type(exc).__name__}: {exc}); "
                                    "nothing was loaded") from exc
    if not doc.tasks:
        raise ExtractionError(name, "no tasks found: expected a plan with action sections "
                                    "(主要任务, 重点工作 ...) and numbered items; nothing was loaded")
    graph = build_plan_graph(doc)
    result = store.load(graph)
    return {"plan_id": result.plan_id, "status": result.status, "tasks": result.tasks, "edges": result.edges,
            "warnings": list(doc.plan.warnings)}


async def ingest_upload(file: UploadFile, store: GraphStore, settings: Settings) -> dict:
    if file is None or not file.filename:
        raise UploadRefused("send the document as multipart form field 'file' (with a file name)")
    max_bytes = int(settings.agencynet_max_upload_mb * 1_000_000)
    data = await read_bounded(file, max_bytes)
    return await run_in_threadpool(extract_and_load, data, file.filename, store)
