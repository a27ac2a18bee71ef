"""docker-compose.yml, Dockerfile and .dockerignore, checked by structure.

No Docker engine runs on the test machines, so these files are parsed and cross-checked
against the repository (paths exist, settings exist, the health URL is a real route)
rather than run.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from agencynet.settings import Settings

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
IGNORED = [line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]


def _env(service: str) -> dict:
    env = COMPOSE["services"][service]["environment"]
    return env if isinstance(env, dict) else dict(item.split("=", 1) for item in env)


def test_neo4j_service():
    neo4j = COMPOSE["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert _env("neo4j")["NEO4J_AUTH"] == "neo4j/${NEO4J_PASSWORD:?set NEO4J_PASSWORD}"
    test = " ".join(neo4j["healthcheck"]["test"])
    assert re.search(r"wget .*http://localhost:7474|cypher-shell", test)
    for key in ("interval", "timeout", "retries"):
        assert key in neo4j["healthcheck"]
    volume, target = neo4j["volumes"][0].split(":")[:2]
    assert target == "/data" and volume in COMPOSE["volumes"]  # a named volume, declared
    assert "127.0.0.1:7687:7687" in neo4j["ports"]


def test_api_service_is_wired_to_neo4j():
    api = COMPOSE["services"]["api"]
    assert (ROOT / api["build"]["context"] / api["build"]["dockerfile"]).is_file()
    env = _env("api")
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["NEO4J_PASSWORD"] == "${NEO4J_PASSWORD:?set NEO4J_PASSWORD}"
    settings = {name.upper() for name in Settings.model_fields}
    assert set(env) <= settings, f"not agencynet settings: {set(env) - settings}"
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert "127.0.0.1:8000:8000" in api["ports"]


def test_api_health_check_uses_a_real_route():
    from app.main import create_app

    url = re.search(r"http://127\.0\.0\.1:8000(/[\w/]*)", " ".join(COMPOSE["services"]["api"]["healthcheck"]["test"]))
    assert url, "api healthcheck must call the API"
    paths = create_app(Settings()).openapi()["paths"]
    assert url.group(1) in paths, f"{url.group(1)} is not a route of the API"


def test_only_the_password_is_required_and_every_variable_is_documented():
    """${NEO4J_PASSWORD:?...} must be set; any other variable has a default (the local
    launcher's memory sizes) and is documented in .env.example."""
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    used = dict(re.findall(r"\$\{(\w+)(:[-?])?", text))
    assert used.pop("NEO4J_PASSWORD") == ":?"
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for name, op in used.items():
        assert op == ":-", f"{name} has no default in docker-compose.yml"
        assert re.search(rf"^#?\s*{name}=", example, re.M), f"{name} is not in .env.example"


def test_dockerfile_builds_the_app_and_runs_load_then_serve():
    assert re.search(r"^FROM python:3\.11-slim$", DOCKERFILE, re.M)
    assert re.search(r"^RUN pip install \.", DOCKERFILE, re.M)
    cmd = re.search(r"^CMD (.+)$", DOCKERFILE, re.M).group(1)
    assert cmd.index("agencynet load samples/plans") < cmd.index("agencynet serve --host 0.0.0.0 --port 8000")


def test_dockerfile_copies_exist_and_are_not_ignored():
    sources = [src for line in re.findall(r"^COPY (.+)$", DOCKERFILE, re.M) for src in line.split()[:-1]]
    assert {"pyproject.toml", "agencynet", "cypher", "samples/plans"} <= set(sources)
    for src in sources:
        assert (ROOT / src).exists(), f"Dockerfile copies {src}, which is not in the repository"
        for pattern in IGNORED:
            assert not fnmatch.fnmatch(src, pattern) and not src.startswith(pattern.rstrip("/") + "/"), \
                f"{src} is excluded by .dockerignore ({pattern})"
    packages = re.findall(r'"(\w+)\*"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert set(packages) <= set(sources), "every package in pyproject must be copied into the image"
