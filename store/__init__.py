"""Stores: where plan graphs live. ``open_store(settings)`` picks one.

- ``store.embedded.EmbeddedStore``: SQLite file in ``AGENCYNET_DATA_DIR`` (default).
- ``store.neo4j_store.Neo4jStore``: Neo4j over Bolt, used when ``NEO4J_URI`` is set.

Both satisfy ``store.base.GraphStore`` and answer every read identically.
Nothing here connects at import time: call ``open_store`` once at start-up.

Examples
--------
>>> from agencynet.settings import Settings
>>> import tempfile
>>> store = open_store(Settings(neo4j_uri=None, agencynet_data_dir=tempfile.mkdtemp()))
>>> store.kind
'embedded'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agencynet.errors import StoreUnavailable
from store.base import GraphStore, LoadResult

if TYPE_CHECKING:  # pragma: no cover
    from neo4j import Driver

    from agencynet.settings import Settings

__all__ = ["GraphStore", "LoadResult", "make_driver", "open_store"]


def make_driver(settings: "Settings", timeout: float = 10.0) -> "Driver":
    """Create the process's one Neo4j driver and check that it connects.

    Transient failures (deadlocks between concurrent loads, a server that has just gone
    away) are retried for up to 10 seconds before the error is raised.

    Raises
    ------
    StoreUnavailable
        Neo4j is down, the URI is malformed or the credentials are refused; the
        message names ``settings.neo4j_uri`` and the cause.
    """
    import neo4j
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    uri = settings.neo4j_uri
    auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password else None
    try:
        # UNRECOGNIZED notifications ("property key not in the database") are what every
        # read of an empty or older database gets, and INFORMATION ones ("index already
        # exists") what every re-run of the schema gets: expected here, not for the log.
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=timeout,
                                            max_transaction_retry_time=10.0,
                                            notifications_min_severity="WARNING",
                                            notifications_disabled_categories=["UNRECOGNIZED"])
    except (ValueError, DriverError) as exc:
        raise StoreUnavailable(uri, f"bad Neo4j URI ({exc})") from None
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise StoreUnavailable(uri, f"credentials refused for user {settings.neo4j_user!r} ({exc.message or exc})") from None
    except (DriverError, Neo4jError, OSError) as exc:
        driver.close()
        raise StoreUnavailable(uri, f"cannot connect ({connect_cause(exc)})") from None
    return driver


def connect_cause(exc: Exception) -> str:
    """The useful part of a driver's connection error, e.g. ``[Errno 111] Connection refused``."""
    from neo4j.exceptions import Neo4jError

    text = (exc.message if isinstance(exc, Neo4jError) else None) or str(exc) or type(exc).__name__
    reasons = re.findall(r"\(reason ([^)]*)\)", text)
    return reasons[-1] if reasons else " ".join(text.split())


def open_store(settings: "Settings", driver: "Driver | None" = None) -> GraphStore:
    """The store the settings choose, with its schema set up.

    Neo4j when ``settings.neo4j_uri`` is set (``driver`` if given, else
    ``make_driver(settings)``), else ``EmbeddedStore(settings.agencynet_data_dir)``.
    The caller owns the driver: close the store, then ``store.driver.close()``.
    """
    if settings.neo4j_uri or driver is not None:
        from store.neo4j_store import Neo4jStore

        store = Neo4jStore(driver or make_driver(settings), settings.neo4j_database, uri=settings.neo4j_uri)
    else:
        from store.embedded import EmbeddedStore

        store = EmbeddedStore(settings.agencynet_data_dir)
    store.setup()
    return store
