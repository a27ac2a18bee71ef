"""``/health``: which store, where, and whether it answers (503 when it does not)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from agencynet.errors import StoreUnavailable
from app.deps import HolderDep
from app.schemas import HealthPublic

router = APIRouter(prefix="/health", tags=["health"])


@router.get("", response_model=HealthPublic, responses={503: {"model": HealthPublic}})
def health(holder: HolderDep):
    """The store kind, its location and state; 503 (same shape) while it is unavailable."""
    settings = holder.settings
    where = settings.neo4j_uri or str(settings.agencynet_data_dir)
    try:
        info = holder.get().health()
    except StoreUnavailable as exc:
        body = HealthPublic(status="unavailable", store=settings.store_kind, ok=False, where=where,
                            detail=str(exc))
        return JSONResponse(body.model_dump(), status_code=503)
    ok = bool(info.get("ok"))
    body = HealthPublic(status="ok" if ok else "unavailable", store=info.get("store", settings.store_kind),
                        ok=ok, where=info.get("where", where), plans=info.get("plans"), detail=info.get("detail"))
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
