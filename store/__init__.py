"""Stores: where plan graphs live. ``open_store(settings)`` picks one.

- ``store.embedded.EmbeddedStore``: SQLite file in ``AGENCYNET_DATA_DIR`` (default).
- ``store.neo4j_store.Neo4jStore``: Neo4j over Bolt, used when ``NEO4J_URI`` is set.

Both satisfy ``store.base.GraphStore`` and answer every read identically.
"""
