"""CLI: ``agencynet neo4j import PATH...``, a new local Neo4j database built by the import tool.

For a first load of many documents into the local Neo4j (``agencynet neo4j start``): the
documents are extracted on every core, written as CSV files (``store.neo4j_bulk``), and
Neo4j's own import tool builds the database offline (``agencynet.neo4j_import``); then the
server starts on it, constraints and indexes are built, and it is left running. It needs the
local Neo4j stopped and no database in its data directory yet (``--replace`` deletes it).
Later documents go in with ``agencynet load``, as usual.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

import click
from tqdm import tqdm

from agencynet.cli.common import fail
from agencynet.cli.store import expand_paths
from agencynet.errors import AgencynetError
from agencynet.settings import get_settings


def _part(path: Path):
    """In a worker: extract ``path`` and build its CSV part; (path, Part) or (path, error text)."""
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph
    from store.neo4j_bulk import plan_part

    try:
        return path, plan_part(build_plan_graph(extract_document(path.read_bytes(), path.name)))
    except OSError as exc:
        return path, f"cannot read ({exc.strerror or exc})"
    except AgencynetError as exc:
        return path, str(exc)
    except Exception as exc:  # noqa: BLE001 (a bug in one file must not stop the rest)
        return path, f"unexpected {type(exc).__name__}: {exc}"


def write_csv(files: list[Path], csv_dir: Path, workers: int):
    """Extract ``files`` on ``workers`` processes into ``BulkFiles(csv_dir)``, a progress bar on
    stderr and one result line per file on stdout. Returns (BulkFiles, failed count)."""
    from store.neo4j_bulk import BulkFiles

    bulk, failed = BulkFiles(csv_dir), 0
    with get_context("spawn").Pool(workers) as pool, \
            tqdm(total=len(files), desc="extracting", unit="file", file=sys.stderr) as bar:
        for path, part in pool.imap(_part, files, chunksize=8):
            bar.update()
            result = part if isinstance(part, str) else bulk.add_part(part)
            if isinstance(result, str) or result.status == "failed":
                failed += 1
                bar.write(f"failed     {path}: {result if isinstance(result, str) else result.error}",
                          file=sys.stdout)
            else:
                bar.write(f"{result.status:<10} {path}  {result.plan_id}  "
                          f"{result.tasks} tasks, {result.edges} edges", file=sys.stdout)
    return bulk, failed


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="database directory [default: AGENCYNET_NEO4J_HOME/data]")
@click.option("--replace", is_flag=True, help="delete the database already in the data directory first")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="extraction processes [default: the number of cores]")
@click.option("--keep-csv", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="write the CSV files here and keep them (default: a temporary directory, removed)")
@click.option("--csv-only", is_flag=True,
              help="only write the CSV files (into --keep-csv) and print the neo4j-admin command that "
                   "imports them into the docker compose Neo4j; no local Neo4j needed")
def import_command(paths: tuple[Path, ...], data_dir: Path | None, replace: bool, workers: int | None,
                   keep_csv: Path | None, csv_only: bool) -> None:
    """Build a NEW local Neo4j database from documents with Neo4j's import tool (fast first load).

    The local Neo4j must be stopped; it is started on the new database at the end.
    """
    if csv_only:
        if keep_csv is None:
            fail("--csv-only needs --keep-csv DIR (where the CSV files go)")
        _csv_only(paths, keep_csv.resolve(), workers)
        return
    from agencynet import neo4j_import
    from agencynet.neo4j_launcher import Neo4jLauncher
    from store import make_driver

    settings = get_settings()
    launcher = Neo4jLauncher.from_settings(settings)
    data_dir = (data_dir or launcher.home / "data").resolve()
    running = launcher.status()
    if running["running"]:
        fail(f"the local Neo4j is running at {running['uri']} (pid {running['pid']}); the import tool "
             "needs it stopped: `agencynet neo4j stop`, then import again")
    try:
        neo4j_import.check_target(data_dir, replace)
    except AgencynetError as exc:
        fail(str(exc))
    files, failed_paths = _documents(paths)
    launcher.home.mkdir(parents=True, exist_ok=True)
    csv_dir = keep_csv or Path(tempfile.mkdtemp(prefix="import-", dir=launcher.home))
    started = time.monotonic()
    try:
        bulk, failed = write_csv(files, csv_dir, workers or os.cpu_count() or 1)
        failed += failed_paths
        if not bulk.plans:
            fail(f"no plan to import ({failed} file(s) failed)")
        written = bulk.finish()
        click.echo(f"{bulk.plans} plan(s) written as CSV in {csv_dir}; running the Neo4j import tool ...", err=True)
        neo4j_import.run(written, data_dir, launcher.build_dir, launcher.heap_mb, csv_dir, replace=replace)
        uri = launcher.start(data_dir=data_dir, password=settings.neo4j_password or None, timeout=300.0)
        driver = make_driver(settings.model_copy(update={"neo4j_uri": uri}))
        try:
            click.echo("building constraints and indexes ...", err=True)
            neo4j_import.complete(driver, settings.neo4j_database)
        finally:
            driver.close()
    except AgencynetError as exc:
        fail(str(exc))
    finally:
        if keep_csv is None:
            shutil.rmtree(csv_dir, ignore_errors=True)
    rows = sum(r.tasks + r.edges for r in bulk.results if r.status == "loaded")
    click.echo(f"{bulk.plans} plan(s) imported ({rows} task+edge rows) in {time.monotonic() - started:.0f} s, "
               f"{failed} failed; Neo4j is running at {uri} on {data_dir}", err=True)
    click.echo(f"export NEO4J_URI={uri}")
    if failed:
        sys.exit(1)


def _documents(paths) -> tuple[list[Path], int]:
    """Documents under ``paths`` and how many paths are missing (each reported)."""
    files, missing = expand_paths(paths)
    for path, reason in missing:
        click.echo(f"failed     {path}: {reason}")
    if not files:
        fail("no documents found in " + ", ".join(map(str, paths)))
    return files, len(missing)


def _csv_only(paths, csv_dir: Path, workers: int | None) -> None:
    """``--csv-only``: the CSV files, and the commands that import them with docker compose."""
    from agencynet import neo4j_import

    files, failed = _documents(paths)
    bulk, bad = write_csv(files, csv_dir, workers or os.cpu_count() or 1)
    if not bulk.plans:
        fail(f"no plan to write ({failed + bad} file(s) failed)")
    args = neo4j_import.tool_args(bulk.finish(), "/tmp/import.report", replace=True, where="/import")
    click.echo(f"{bulk.plans} plan(s) written as CSV in {csv_dir}. To import them into the docker compose "
               "Neo4j (this REPLACES its database):", err=True)
    click.echo("docker compose stop neo4j")
    click.echo(f'docker compose run --rm --no-deps -v "{csv_dir}:/import:ro" neo4j neo4j-admin {" ".join(args)}')
    click.echo("docker compose up -d   # the api's first start completes the database (indexes, totals)")
    if failed + bad:
        sys.exit(1)
