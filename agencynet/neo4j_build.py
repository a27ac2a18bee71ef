"""Build the local Neo4j launcher (``neo4j-embedded/``) with Maven and javac, once, and cache it.

The build never writes into the source tree. Maven copies the runtime jars of
``org.neo4j:neo4j`` into ``<cache>/lib`` (downloading them into ``~/.m2`` on first use),
then ``javac`` compiles ``Launcher.java`` into ``<cache>/classes``. A stamp file records a
hash of the sources: a later call with unchanged sources returns at once; a changed
``pom.xml`` or ``Launcher.java`` rebuilds. A file lock makes concurrent builds (two test
sessions, two terminals) wait for one another instead of racing.

Nothing here runs at import time.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from agencynet.errors import Neo4jLauncherError
from agencynet.settings import PROJECT_ROOT

SOURCE_DIR = PROJECT_ROOT / "neo4j-embedded"
MAIN_CLASS = "agencynet.launcher.Launcher"
MAVEN_TIMEOUT = 1800.0  # first build downloads ~150 MB of jars

JAVA_HINT = "install a Java 17 or 21 JDK (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless) or put its bin/ on PATH"
MAVEN_HINT = "install Maven 3.8+ (Debian/Ubuntu: apt-get install maven) or put mvn on PATH"


@dataclass(frozen=True)
class Build:
    """A finished launcher build: ``classpath`` is what ``java -cp`` needs."""

    directory: Path
    classpath: str
    seconds: float  # 0.0 when it came from the cache


def find_java() -> str:
    """Path of a ``java`` (17 or newer) on PATH.

    Raises
    ------
    Neo4jLauncherError
        Java is missing or older than 17.
    """
    java = shutil.which("java")
    if java is None:
        raise Neo4jLauncherError(f"Java was not found on PATH; the local Neo4j needs Java 17+: {JAVA_HINT}")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Neo4jLauncherError(f"{java} -version failed: {exc}") from exc
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if match:
        major = int(match.group(1))
        if major == 1 and match.group(2):  # "1.8" style
            major = int(match.group(2))
        if major < 17:
            raise Neo4jLauncherError(f"{java} is Java {major}; the local Neo4j needs Java 17+: {JAVA_HINT}")
    return java


def source_hash(source_dir: Path = SOURCE_DIR) -> str:
    """SHA-256 over the launcher sources (pom.xml and everything under src/)."""
    files = [source_dir / "pom.xml", *sorted(p for p in (source_dir / "src").rglob("*") if p.is_file())]
    digest = hashlib.sha256()
    for path in files:
        if not path.is_file():
            raise Neo4jLauncherError(f"{path}: launcher source file is missing")
        digest.update(str(path.relative_to(source_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cached_build(cache_dir: Path, source_dir: Path = SOURCE_DIR) -> Build | None:
    """The cached build when it matches the current sources, else None."""
    directory = build_path(cache_dir, source_hash(source_dir))
    try:
        recorded = json.loads((directory / "stamp.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if recorded.get("source_hash") != source_hash(source_dir):
        return None
    return _build_at(directory, 0.0)


def build_path(cache_dir: Path, digest: str) -> Path:
    """Where the build of sources with this hash lives (one directory per source version,
    so a rebuild never pulls jars from under a server that is still running)."""
    return cache_dir / f"launcher-{digest[:16]}"


def build(cache_dir: Path, source_dir: Path = SOURCE_DIR, force: bool = False) -> Build:
    """Build the launcher into ``cache_dir`` unless an up-to-date build is cached there.

    Parameters
    ----------
    cache_dir : Path
        Where builds are kept (``<cache_dir>/launcher-<source hash>``); created if missing.
    source_dir : Path
        The Maven project (``neo4j-embedded/``).
    force : bool
        Rebuild even when the cache is current.

    Raises
    ------
    Neo4jLauncherError
        Java, javac or Maven is missing, or Maven/javac failed (the useful part of
        their output is in the message; the whole log is in ``<cache_dir>/build.log``).
    """
    find_java()
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building: wait for it
        if not force and (done := cached_build(cache_dir, source_dir)) is not None:
            return done
        return _run_build(cache_dir, source_dir)


def _run_build(cache_dir: Path, source_dir: Path) -> Build:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jLauncherError(f"Maven (mvn) was not found on PATH; it builds the local Neo4j on first use: {MAVEN_HINT}")
    javac = shutil.which("javac")
    if javac is None:
        raise Neo4jLauncherError(f"javac was not found on PATH (a JRE alone is not enough): {JAVA_HINT}")
    started = time.monotonic()
    work = cache_dir / f"tmp-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    (work / "classes").mkdir(parents=True)
    log = cache_dir / "build.log"
    maven = [mvn, "-B", "-f", str(source_dir / "pom.xml"), "dependency:copy-dependencies",
             "-DincludeScope=runtime", f"-DoutputDirectory={work / 'lib'}"]
    _run(maven, log, "Maven could not fetch the Neo4j jars")
    sources = sorted(str(p) for p in (source_dir / "src" / "main" / "java").rglob("*.java"))
    _run([javac, "--release", "17", "-encoding", "UTF-8", "-nowarn", "-d", str(work / "classes"),
          "-cp", str(work / "lib" / "*"), *sources], log, "javac could not compile the launcher", append=True)
    resources = source_dir / "src" / "main" / "resources"
    if resources.is_dir():
        shutil.copytree(resources, work / "classes", dirs_exist_ok=True)
    seconds = time.monotonic() - started
    digest = source_hash(source_dir)
    stamp = {"source_hash": digest, "seconds": round(seconds, 1), "built_at": time.time()}
    (work / "stamp.json").write_text(json.dumps(stamp), encoding="utf-8")
    target = build_path(cache_dir, digest)
    _prune(cache_dir, keep=target)
    shutil.rmtree(target, ignore_errors=True)  # an incomplete one (no stamp) from a killed build
    work.rename(target)
    return _build_at(target, seconds)


def _prune(cache_dir: Path, keep: Path, age: float = 86400.0) -> None:
    """Delete builds of older sources untouched for ``age`` seconds (servers run from them)."""
    for old in [*cache_dir.glob("launcher-*"), *cache_dir.glob("tmp-*")]:
        try:
            if old != keep and time.time() - old.stat().st_mtime > age:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue


def _build_at(directory: Path, seconds: float) -> Build:
    classpath = os.pathsep.join([str(directory / "classes"), str(directory / "lib" / "*")])
    return Build(directory=directory, classpath=classpath, seconds=seconds)


def _run(cmd: list[str], log: Path, what: str, append: bool = False) -> None:
    with log.open("a" if append else "w", encoding="utf-8") as fh:
        fh.write("$ " + " ".join(cmd) + "\n")
        fh.flush()
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  timeout=MAVEN_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise Neo4jLauncherError(f"{what}: no result after {MAVEN_TIMEOUT:.0f} s (log: {log})") from exc
        except OSError as exc:
            raise Neo4jLauncherError(f"{what}: {exc}") from exc
        fh.write(proc.stdout)
    if proc.returncode != 0:
        raise Neo4jLauncherError(f"{what} (exit {proc.returncode}; full log: {log}):\n{useful_output(proc.stdout)}")


def useful_output(output: str, limit: int = 20) -> str:
    """The lines of a Maven/javac log worth showing: its errors, else its last lines."""
    lines = [line for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("[ERROR]") or ": error:" in line]
    errors = [line for line in errors if not re.match(r"\[ERROR\]\s*(-> \[Help|Re-run Maven|For more information|$|To see the full)", line)]
    chosen = errors or lines[-limit:]
    return "\n".join(chosen[:limit])
