"""The app factory. ``create_app(settings)`` only checks settings and includes routers;
the lifespan opens the one store (and Neo4j driver) at start-up and closes it at shutdown.

Serve with ``agencynet serve`` or ``uvicorn app.main:create_app --factory``.
Nothing here runs or connects at import time.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from agencynet import __version__
from agencynet.settings import Settings, get_settings
from app.deps import StoreHolder
from app.errors import AppConfigError, install_handlers
from app.limits import BodyLimit, body_limit
from app.routes import agencies, analytics, docs, functions, health, jurisdictions, pages, plans, tasks, views
from app.views.network import VENDOR_DIR
from store.base import GraphStore

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_SECRETS = {"", "changeme", "change-me", "secret", "token", "password", "neo4j", "test", "admin"}
ROUTERS = (health.router, plans.router, tasks.router, agencies.router, jurisdictions.router,
           functions.router, analytics.router, views.router, pages.router, docs.router)


def check_settings(settings: Settings) -> None:
    """Refuse unsafe settings: writes without a token; default/empty secrets outside development.

    Raises
    ------
    AppConfigError
        naming the setting to change.
    """
    token = settings.agencynet_api_token
    if settings.agencynet_writes_enabled and not token:
        raise AppConfigError("AGENCYNET_WRITES_ENABLED is true but AGENCYNET_API_TOKEN is empty: "
                             "set a token (e.g. `python -c 'import secrets;print(secrets.token_urlsafe(32))'`) "
                             "or disable writes")
    if settings.agencynet_env != "development":
        if settings.agencynet_writes_enabled and (token.strip().lower() in DEFAULT_SECRETS or len(token) < 16):
            raise AppConfigError(f"AGENCYNET_API_TOKEN is a default or short secret; AGENCYNET_ENV="
                                 f"{settings.agencynet_env} needs a random token of 16+ characters")
        if settings.neo4j_uri and settings.neo4j_password.strip().lower() in DEFAULT_SECRETS:
            raise AppConfigError(f"NEO4J_PASSWORD is empty or a default; AGENCYNET_ENV="
                                 f"{settings.agencynet_env} needs a real password for {settings.neo4j_uri}")


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """Build the FastAPI app.

    Parameters
    ----------
    settings : Settings, optional
        Defaults to ``get_settings()`` (the environment).
    store : GraphStore, optional
        Serve this already open store instead of opening one from settings (tests, notebooks);
        the app then leaves closing it to the caller.
    """
    settings = settings or get_settings()
    check_settings(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        holder = StoreHolder(settings, store=store)
        holder.start()
        app.state.holder = holder
        try:
            yield
        finally:
            holder.close()

    app = FastAPI(title="agencynet", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Agency responsibility networks from Chinese local-government policy documents.")
    app.state.settings = settings
    install_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=body_limit(settings.agencynet_max_upload_mb),
                       limit_mb=settings.agencynet_max_upload_mb)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount(docs.SWAGGER_URL, StaticFiles(directory=docs.SWAGGER_DIR), name="swagger-ui")
    app.mount("/vendor", StaticFiles(directory=VENDOR_DIR), name="vendor")
    for router in ROUTERS:
        app.include_router(router)
    return app


def __getattr__(name: str):
    """``app.main:app`` builds the app on first access (PEP 562), never at import time."""
    if name == "app":
        return create_app()
    raise AttributeError(f"module 'app.main' has no attribute {name!r}")
