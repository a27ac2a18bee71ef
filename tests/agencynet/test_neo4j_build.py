"""The launcher build: cached after the first time, plain errors when tools are missing."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from agencynet import neo4j_build
from agencynet.errors import Neo4jLauncherError
from agencynet.neo4j_launcher import Neo4jLauncher
from agencynet.settings import Settings

HAVE_JAVA = shutil.which("java") is not None and shutil.which("javac") is not None


def _tool_dir(tmp_path: Path, *names: str) -> Path:
    """A directory holding links to only the named programs (to build a PATH without the rest)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in names:
        target = shutil.which(name)
        if target is None:
            pytest.skip(f"{name} is not installed here")
        (bin_dir / name).symlink_to(os.path.realpath(target))
    return bin_dir


@pytest.mark.neo4j
@pytest.mark.skipif(not HAVE_JAVA, reason="needs a JDK")
def test_build_is_cached_and_complete():
    cache = Neo4jLauncher.from_settings(Settings()).build_dir
    neo4j_build.build(cache)  # the first time (per cache) this runs Maven
    started = time.monotonic()
    again = neo4j_build.build(cache)
    assert again.seconds == 0.0
    assert time.monotonic() - started < 5.0
    lib = again.directory / "lib"
    assert any(p.name.startswith("neo4j-kernel-5.26.") for p in lib.glob("*.jar"))
    assert (again.directory / "classes" / "agencynet" / "launcher" / "Launcher.class").is_file()
    assert (again.directory / "classes" / "set-initial-password.cypher").is_file()
    assert neo4j_build.cached_build(cache) == again


def test_changed_sources_invalidate_the_cache(tmp_path):
    source = tmp_path / "src-copy"
    shutil.copytree(neo4j_build.SOURCE_DIR, source, ignore=shutil.ignore_patterns("target"))
    before = neo4j_build.source_hash(source)
    built = neo4j_build.build_path(tmp_path / "cache", before)
    built.mkdir(parents=True)
    (built / "stamp.json").write_text(f'{{"source_hash": "{before}"}}', encoding="utf-8")
    assert neo4j_build.cached_build(tmp_path / "cache", source).directory == built
    pom = source / "pom.xml"
    pom.write_text(pom.read_text(encoding="utf-8") + "\n<!-- changed -->\n", encoding="utf-8")
    assert neo4j_build.source_hash(source) != before
    assert neo4j_build.cached_build(tmp_path / "cache", source) is None


def test_missing_java_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(Neo4jLauncherError, match=r"Java was not found on PATH.*Java 17"):
        neo4j_build.build(tmp_path / "cache")


@pytest.mark.skipif(not HAVE_JAVA, reason="needs a JDK")
def test_missing_maven_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(_tool_dir(tmp_path, "java", "javac")))
    with pytest.raises(Neo4jLauncherError, match=r"Maven \(mvn\) was not found on PATH"):
        neo4j_build.build(tmp_path / "fresh-cache")


@pytest.mark.skipif(not HAVE_JAVA or shutil.which("mvn") is None, reason="needs a JDK and Maven")
def test_maven_failure_shows_its_error(tmp_path):
    source = tmp_path / "broken"
    shutil.copytree(neo4j_build.SOURCE_DIR, source, ignore=shutil.ignore_patterns("target"))
    pom = source / "pom.xml"
    pom.write_text(pom.read_text(encoding="utf-8").replace("<neo4j.version>5.26", "<neo4j.version>0.0.0-nonexistent-5.26"),
                   encoding="utf-8")
    with pytest.raises(Neo4jLauncherError) as info:
        neo4j_build.build(tmp_path / "cache", source)
    message = str(info.value)
    assert "Maven could not fetch the Neo4j jars" in message
    assert "0.0.0-nonexistent" in message and "[ERROR]" in message
    assert (tmp_path / "cache" / "build.log").is_file()


def test_useful_output_picks_errors_else_the_tail():
    log = "\n".join(["[INFO] Scanning", "[ERROR] Failed to resolve org.neo4j:neo4j:jar:9.9",
                     "[ERROR] ", "[ERROR] -> [Help 1]", "[INFO] done"])
    assert neo4j_build.useful_output(log) == "[ERROR] Failed to resolve org.neo4j:neo4j:jar:9.9"
    plain = "\n".join(f"line {i}" for i in range(50))
    assert neo4j_build.useful_output(plain, limit=3) == "line 47\nline 48\nline 49"
