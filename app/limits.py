"""Request body limit for writes: refuse oversized uploads before they are read or spooled.

Starlette parses a multipart body before the route runs, so the route's own size check
(``app.ingest.read_bounded``, which names the file) only sees what was already received.
``BodyLimit`` stops a request whose body is far over the limit at the door: by its
``Content-Length`` at once, or while streaming once the count passes the limit.
"""

from __future__ import annotations

from starlette.responses import JSONResponse

from app.errors import UploadRefused

OVERHEAD = 64 * 1024  # multipart boundaries and part headers


class BodyLimit:
    """ASGI middleware: bodies of POST/PUT/PATCH requests may not exceed ``max_bytes``."""

    def __init__(self, app, max_bytes: int, limit_mb: float):
        self.app = app
        self.max_bytes = max_bytes
        self.message = (f"upload larger than the limit of {limit_mb:g} MB (AGENCYNET_MAX_UPLOAD_MB); "
                        "nothing was loaded")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(scope, send)
            return
        seen, exceeded, answered = 0, False, False

        async def counted():
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    exceeded = True
                    raise UploadRefused(self.message, status=413)
            return message

        async def guarded(message):
            # once the limit is passed, whatever the app answers (the body parser turns any
            # error into a 400) is replaced by the 413
            nonlocal answered
            if not exceeded:
                await send(message)
            elif not answered and message["type"] == "http.response.start":
                answered = True
                await self._refuse(scope, send)

        try:
            await self.app(scope, counted, guarded)
        except UploadRefused:
            if not answered:
                await self._refuse(scope, send)

    async def _refuse(self, scope, send) -> None:
        body = {"error": {"code": "upload_too_large", "message": self.message, "detail": None}}

        async def nothing():
            return {"type": "http.disconnect"}

        await JSONResponse(body, status_code=413, headers={"Connection": "close"})(scope, nothing, send)


def body_limit(max_upload_mb: float) -> int:
    """Bytes allowed in a request body: twice the upload limit plus multipart overhead, so the
    route's own check (which names the file) answers for moderately oversized files."""
    return int(2 * max_upload_mb * 1_000_000) + OVERHEAD
