"""Lists as pages (limit/offset with totals) and tables as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

LimitQ = Annotated[int, Query(ge=1, le=1000, description="rows per page (1-1000)")]
OffsetQ = Annotated[int, Query(ge=0, description="rows to skip (0 or more)")]
FormatQ = Annotated[str | None, Query(pattern="^(json|csv|html)$", description="json (default), csv or html")]


def page(rows: Sequence[dict], limit: int, offset: int) -> dict:
    """``{"items", "total", "limit", "offset"}`` for rows already in their stable order."""
    return {"items": list(rows[offset:offset + limit]), "total": len(rows), "limit": limit, "offset": offset}


def wants_csv(request: Request, fmt: str | None) -> bool:
    """CSV when ``?format=csv`` or the client accepts ``text/csv`` (and not JSON explicitly)."""
    if fmt:
        return fmt == "csv"
    return "text/csv" in request.headers.get("accept", "")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(rows: Sequence[dict], columns: Sequence[str] | None = None) -> str:
    """Rows as CSV text with a header (lists joined with 、)."""
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for r in rows:
        writer.writerow([cell(r.get(c)) for c in cols])
    return buf.getvalue()


def csv_response(rows: Sequence[dict], filename: str, columns: Sequence[str] | None = None) -> Response:
    """A CSV download (UTF-8 with BOM so spreadsheet programs read the Chinese names)."""
    body = "\ufeff" + to_csv(rows, columns)
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
