"""One settings object, read from environment variables (and an optional ``.env``).

Nothing here connects to anything: ``get_settings()`` only reads the environment.
See ``.env.example`` for every variable with its meaning and default.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """agencynet settings; each field maps to the upper-case environment variable."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Store selection: Neo4j when NEO4J_URI is set, the embedded SQLite store otherwise.
    neo4j_uri: str | None = Field(default=None, description="Bolt URI of Neo4j; unset = embedded store")
    neo4j_user: str = Field(default="neo4j", description="Neo4j user name")
    neo4j_password: str = Field(default="", description="Neo4j password")
    neo4j_database: str = Field(default="neo4j", description="Neo4j database name")
    agencynet_data_dir: Path = Field(default=PROJECT_ROOT / "var" / "data", description="directory of the embedded store")

    # Local embedded Neo4j launcher (agencynet neo4j start|stop|status).
    agencynet_neo4j_home: Path = Field(default=PROJECT_ROOT / "var" / "neo4j", description="launcher build and data directory")
    agencynet_neo4j_port: int = Field(default=7687, description="Bolt port of the local Neo4j launcher")
    agencynet_neo4j_build_dir: Path | None = Field(default=None, description="launcher build cache; unset = <AGENCYNET_NEO4J_HOME>/build")
    agencynet_neo4j_heap_mb: int = Field(default=2048, ge=256, description="Java heap of the local Neo4j launcher, MB")
    agencynet_neo4j_pagecache_mb: int = Field(default=4096, ge=16, description="page cache of the local Neo4j launcher, MB")

    # Web service.
    agencynet_host: str = Field(default="127.0.0.1", description="address agencynet serve binds")
    agencynet_port: int = Field(default=8000, description="port agencynet serve binds")
    agencynet_env: str = Field(default="development", description="development or production")
    agencynet_writes_enabled: bool = Field(default=False, description="allow POST/DELETE /plans")
    agencynet_api_token: str | None = Field(default=None, description="bearer token required for writes")
    agencynet_max_upload_mb: float = Field(default=10.0, description="largest accepted upload, in MB")
    agencynet_view_max_nodes: int = Field(default=300, description="cap on nodes drawn in one network view")

    @property
    def store_kind(self) -> str:
        """``"neo4j"`` when NEO4J_URI is set, else ``"embedded"``."""
        return "neo4j" if self.neo4j_uri else "embedded"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process (tests build ``Settings(...)`` directly)."""
    return Settings()
