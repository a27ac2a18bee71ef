"""Run Neo4j's import tool (``neo4j-admin database import full``) on a local data directory.

The launcher's build already holds the tool (``org.neo4j.cli.AdminTool`` and the import jars
come with ``org.neo4j:neo4j``), so no Neo4j distribution is needed. The tool writes the store
files of a NEW database directly, far faster than transactions, and works only while no
server has the directory open. ``store.neo4j_bulk.BulkFiles`` writes its input;
``agencynet neo4j import`` (agencynet/cli/neo4j_import.py) drives the whole job.

Users of the docker-compose Neo4j can feed the same CSV files to the image's own
``neo4j-admin database import full`` (README, "Bulk import").
"""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from agencynet import neo4j_build
from agencynet.errors import Neo4jLauncherError
from store.neo4j_csv import ARRAY_DELIMITER

DATABASE = "neo4j"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"


def database_dir(data_dir: Path, database: str = DATABASE) -> Path:
    """Where the launcher's server keeps ``database``'s store files under ``data_dir``."""
    return Path(data_dir) / "data" / "databases" / database


def check_target(data_dir: Path, replace: bool = False) -> Path:
    """The database directory the import writes; raises ``Neo4jLauncherError`` if it already
    holds a database and ``replace`` is false."""
    target = database_dir(data_dir)
    if target.exists() and not replace:
        raise Neo4jLauncherError(
            f"{target} already holds a database: a bulk import builds a new one. Add plans to it with "
            "`agencynet load`, or import with --replace to delete it first")
    return target


def tool_args(files: dict, report: str | Path, replace: bool = False, database: str = DATABASE,
              where: str | None = None) -> list[str]:
    """The ``neo4j-admin`` arguments importing ``files`` (``BulkFiles.finish()``'s
    ``{"nodes": [(label, path)], "relationships": [(type, path)]}``); ``where``: the directory the
    tool reads them from when it is not theirs (a container's mount point)."""
    def at(path: Path) -> str:
        return f"{where.rstrip('/')}/{Path(path).name}" if where else str(path)

    args = ["database", "import", "full"]
    args += [f"--nodes={label}={at(path)}" for label, path in files["nodes"]]
    args += [f"--relationships={kind}={at(path)}" for kind, path in files["relationships"]]
    args += [f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--multiline-fields=true",
             "--bad-tolerance=0", f"--report-file={report}", "--id-type=string", "--verbose"]
    if replace:
        args.append("--overwrite-destination=true")
    return args + [database]


def command(files: dict, classpath: str, java: str, heap_mb: int, report: Path,
            replace: bool = False, database: str = DATABASE) -> list[str]:
    """The ``java ... AdminTool`` command line: ``tool_args`` run by the launcher's own jars."""
    return [java, f"-Xmx{heap_mb}m", "-cp", classpath, ADMIN_CLASS, *tool_args(files, report, replace, database)]


def run(files: dict, data_dir: Path, build_dir: Path, heap_mb: int, work_dir: Path,
        replace: bool = False, echo=None) -> float:
    """Import ``files`` into ``data_dir`` (the launcher's ``--data-dir``); returns the seconds taken.

    ``echo``: called with each output line of the tool (its progress); default: stderr.

    Raises
    ------
    Neo4jLauncherError
        The database exists and ``replace`` is false, Java or the build is missing, or the tool
        failed (its last lines and the report file are in the message; the partial database
        it leaves is removed).
    """
    target = check_target(data_dir, replace)
    java = neo4j_build.find_java()
    build = neo4j_build.build(build_dir)
    conf = Path(work_dir) / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    report = Path(work_dir) / "import.report"
    env = dict(os.environ, NEO4J_HOME=str(Path(data_dir).resolve()), NEO4J_CONF=str(conf))
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    echo = echo or (lambda text: print(text, file=sys.stderr))
    tail: collections.deque = collections.deque(maxlen=12)
    causes: list[str] = []
    started = time.monotonic()
    with subprocess.Popen(command(files, build.classpath, java, heap_mb, report, replace),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                          env=env, cwd=work_dir, text=True, encoding="utf-8", errors="replace") as proc:
        for text in proc.stdout:
            text = text.rstrip("\n")
            if text.startswith("Caused by:"):
                causes.append(text)
            if text.lstrip().startswith(("at ", "... ", "Caused by:", "Suppressed:")):
                continue  # --verbose stack traces: only the causes go into the error
            tail.append(text)
            echo(text)
    if proc.returncode != 0:
        # The tool leaves its half-written store files behind ("likely in an unusable state"):
        # remove them, so nothing half-imported is ever started and the same command can run again.
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(Path(data_dir) / "data" / "transactions" / DATABASE, ignore_errors=True)
        detail = "\n".join([t for t in tail if t.strip() and not t.lstrip().startswith("at ")]
                           + causes[:3])
        extra = report.read_text(encoding="utf-8", errors="replace")[:2000] if report.exists() else ""
        raise Neo4jLauncherError(f"the Neo4j import tool failed (exit {proc.returncode}) importing into "
                                 f"{target}; nothing was imported (its partial files are removed):\n{detail}" + (f"\nreport {report}:\n{extra}" if extra else ""))
    return time.monotonic() - started


def complete(driver, database: str = DATABASE) -> None:
    """Make a just-imported database what ``load_many`` would have left: ``Neo4jStore.setup``
    builds the constraints and indexes from the imported nodes and fills in what CSV cannot say
    (``cypher/bulk_finish.cypher``; any later ``setup`` would do it too, e.g. a server imported
    with the Docker image's own ``neo4j-admin``)."""
    from store.neo4j_store import Neo4jStore

    Neo4jStore(driver, database).setup()
