"""Typed dependencies in one place: the store, the settings, the write-token check.

The store is opened once, in the app's lifespan (``StoreHolder.start``). When it cannot be
reached at start-up or later, requests get a 503 and the holder retries on the next
request, so the service recovers without a restart when the store comes back.
"""

from __future__ import annotations

import hmac
import logging
import threading
from typing import Annotated

from fastapi import Depends, Header, Request

from agencynet.errors import AgencynetError, StoreUnavailable
from agencynet.settings import Settings
from app.errors import WriteRefused
from loaders.records import ORPHAN_CATEGORIES
from store.base import GraphStore

log = logging.getLogger("agencynet.app")


class StoreHolder:
    """Owns the process's one store (and Neo4j driver); opens lazily, retries after failures.

    Parameters
    ----------
    settings : Settings
        Chooses the store (``NEO4J_URI`` set: Neo4j, else embedded).
    store : GraphStore, optional
        An already open store to serve (tests, notebooks); the holder then never closes it.
    """

    def __init__(self, settings: Settings, store: GraphStore | None = None):
        self.settings = settings
        self._store = store
        self._owned = store is None
        self._driver = None
        self._lock = threading.Lock()
        self.last_error: StoreUnavailable | None = None
        #: Set once the first pages have been read after opening (``warm_up``), whatever came of it.
        self.warmed = threading.Event()
        self._warmer: threading.Thread | None = None

    def start(self) -> None:
        """Create the driver and try to open the store; a failure is kept, not raised."""
        if self._store is not None:
            return
        try:
            self.get()
        except StoreUnavailable as exc:
            log.warning("store not available at start-up (will retry per request): %s", exc)

    def get(self) -> GraphStore:
        """The open store, opening it now if needed; raises ``StoreUnavailable``."""
        if self._store is not None:
            return self._store
        with self._lock:
            if self._store is None:
                self._store = self._open()
            return self._store

    def _open(self) -> GraphStore:
        import store as store_pkg  # the store package picks embedded or Neo4j from settings

        where = self.settings.neo4j_uri or str(self.settings.agencynet_data_dir)
        try:
            if self.settings.store_kind == "neo4j" and self._driver is None:
                self._driver = store_pkg.make_driver(self.settings)
            opened = store_pkg.open_store(self.settings, driver=self._driver)
        except StoreUnavailable as exc:
            self.last_error = exc
            raise
        except AgencynetError as exc:
            self.last_error = StoreUnavailable(where, str(exc))
            raise self.last_error from exc
        except OSError as exc:
            self.last_error = StoreUnavailable(where, f"{type(exc).__name__}: {exc}")
            raise self.last_error from exc
        self.last_error = None
        self._warmer = threading.Thread(target=warm_up, args=(opened, self.warmed), name="agencynet-warm-up",
                                        daemon=True)
        self._warmer.start()
        return opened

    def close(self) -> None:
        """Close the store and driver this holder opened (not an injected store), once the
        warm-up reads are over: closing the embedded store's connections under a running read
        can crash the process (SQLite), so the close waits for it."""
        if self._warmer is not None:
            self._warmer.join(timeout=120)
            self._warmer = None
        if self._owned and self._store is not None:
            self._store.close()
            self._store = None
        if self._driver is not None:
            self._driver.close()
            self._driver = None


#: The first page of each read a visitor starts from (ranking, orphans, plan and agency lists).
WARM_UP_READS = (
    ("agency_totals", {"limit": 50}),
    ("flagged_page", {"categories": list(ORPHAN_CATEGORIES), "limit": 50}),
    ("plan_flags", {"limit": 50}),
    ("plans_page", {"limit": 50}),
    ("agencies_page", {"limit": 50}),
)


def warm_up(store: GraphStore, done: threading.Event | None = None) -> float:
    """Read the first pages once, in the background, just after the store opens: a Neo4j server
    that has just started answers its first calls in 0.3-1.3 s at 100k plans (its page cache is
    cold, docs/performance.md), later ones in tens of ms. A failure is only logged: requests
    report store problems themselves. Returns the seconds taken."""
    import time

    started = time.perf_counter()
    try:
        for name, kwargs in WARM_UP_READS:
            getattr(store, name)(**kwargs)
    except Exception as exc:  # noqa: BLE001 (a warm-up must never take the service down)
        log.info("warm-up read stopped: %s", exc)
    finally:
        seconds = time.perf_counter() - started
        log.info("store warm-up reads took %.2f s", seconds)
        if done is not None:
            done.set()
    return seconds


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_holder(request: Request) -> StoreHolder:
    return request.app.state.holder


def get_store(request: Request) -> GraphStore:
    return request.app.state.holder.get()


SettingsDep = Annotated[Settings, Depends(get_settings)]
HolderDep = Annotated[StoreHolder, Depends(get_holder)]
StoreDep = Annotated[GraphStore, Depends(get_store)]


def require_write_token(
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Allow the request only when writes are enabled and ``Authorization: Bearer <token>`` matches."""
    if not settings.agencynet_writes_enabled:
        raise WriteRefused("writes are disabled on this server (set AGENCYNET_WRITES_ENABLED=true "
                           "and AGENCYNET_API_TOKEN to allow uploads and deletes)", status=403)
    token = settings.agencynet_api_token or ""
    given = ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given:
        raise WriteRefused("this write needs the API token: send the header 'Authorization: Bearer <token>'")
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise WriteRefused("the API token sent in 'Authorization: Bearer ...' is not the configured one")


WriteTokenDep = Depends(require_write_token)
