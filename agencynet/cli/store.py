"""``agencynet load PATH...`` and ``agencynet reset``: write to / empty the configured store.

The store is chosen by settings (``NEO4J_URI`` set: Neo4j; else the embedded store in
``AGENCYNET_DATA_DIR``). ``load`` extracts each document, builds its graph rows and
loads it in one transaction; a progress bar goes to stderr and one result line per
file to stdout. A file that fails does not stop the others; the exit code is 1 if
any failed. If the store itself goes away midway, the command stops, says how far it
got, and the same command resumes (plans already loaded report ``unchanged``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from agencynet.cli.common import fail
from agencynet.errors import AgencynetError, StoreUnavailable
from agencynet.settings import get_settings

#: File types ``load`` picks up when given a directory.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


def expand_paths(paths) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to load (directories expanded, sorted) and (path, reason) for paths that are missing."""
    files, missing = [], []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            missing.append((path, "no such file or directory"))
    return files, missing


def _open(settings):
    from store import open_store

    try:
        return open_store(settings)
    except AgencynetError as exc:
        fail(str(exc))


def _close(store) -> None:
    store.close()
    driver = getattr(store, "driver", None)
    if driver is not None:
        driver.close()


def load_file(store, path: Path):
    """Extract ``path``, build its graph rows and load them: a ``LoadResult``."""
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AgencynetError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return store.load(build_plan_graph(extract_document(data, path.name)))


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def load(paths: tuple[Path, ...]) -> None:
    """Extract documents (files or directories) and load them into the configured store."""
    files, missing = expand_paths(paths)
    for path, reason in missing:
        click.echo(f"failed     {path}: {reason}")
    if not files and not missing:
        fail("no documents found in " + ", ".join(map(str, paths)))
    store = _open(get_settings())
    failed, done = len(missing), 0
    try:
        with tqdm(files, desc="loading", unit="file", file=sys.stderr, disable=not files) as bar:
            for path in bar:
                try:
                    result = load_file(store, path)
                except StoreUnavailable as exc:
                    bar.close()
                    left = len(files) - done
                    fail(f"{exc}\n{done} file(s) done, {left} not loaded (from {path}); "
                         "run the same command again to resume")
                except AgencynetError as exc:
                    failed += 1
                    bar.write(f"failed     {path}: {exc}", file=sys.stdout)
                except Exception as exc:  # noqa: BLE001 (a bug in one file must not stop the rest)
                    failed += 1
                    bar.write(f"failed     {path}: unexpected {type(exc).__name__}: {exc}", file=sys.stdout)
                else:
                    bar.write(f"{result.status:<10} {path}  {result.plan_id}  "
                              f"{result.tasks} tasks, {result.edges} edges", file=sys.stdout)
                done += 1
    finally:
        _close(store)
    summary = f"{len(files) + len(missing) - failed} loaded or up to date, {failed} failed ({store.kind} store)"
    click.echo(summary, err=True)
    if failed:
        sys.exit(1)


@click.command()
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def reset(yes: bool) -> None:
    """Empty the configured store (asks first unless --yes)."""
    settings = get_settings()
    where = settings.neo4j_uri or str(settings.agencynet_data_dir)
    if not yes:
        click.confirm(f"Delete every plan from the {settings.store_kind} store at {where}?", abort=True)
    store = _open(settings)
    try:
        store.reset()
    except AgencynetError as exc:
        fail(str(exc))
    finally:
        _close(store)
    click.echo(f"emptied the {store.kind} store at {where}")


COMMANDS = [load, reset]
