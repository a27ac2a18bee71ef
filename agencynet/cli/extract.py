"""``agencynet extract PATH... [--format jsonl|csv] [--plans]``: documents → task or plan records.

No database. One JSON object per task (jsonl) or one CSV row per task; with
``--plans`` one object per plan instead. A directory means every document in it.
A file that cannot be extracted is reported on stderr as ``error: FILE: reason``
and the run goes on; the exit status is 1 when any file failed. Per-plan
warnings are shown on stderr as ``warning: FILE: ...``. A file in a directory that
is not a supported document is named on stderr as ``skipped: FILE: reason`` (hidden
files and folders are only counted). The run ends with one ``summary:`` line on
stderr (documents, tasks, failed, skipped), left out with ``--quiet``.
"""

from __future__ import annotations

import csv
import io
import json
import sys

import click

from agencynet.cli.common import ExtractRun

TASK_COLUMNS = ["plan", "seq", "path", "heading", "clause", "units", "lead", "support", "collective", "open_list",
                "lead_basis", "orphan", "text", "span", "clause_span", "section", "units_simplified", "units_normalised"]
PLAN_COLUMNS = ["file", "plan_id", "title", "jurisdiction", "level", "parent_jurisdiction", "issuer", "issuers", "doc_number",
                "date", "script", "lead_convention", "task_count", "format", "encoding", "source_hash", "warnings"]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    return str(value)


class _Out:
    """Writes rows to stdout as jsonl or csv (header once)."""

    def __init__(self, fmt: str, columns: list[str]):
        self.fmt, self.columns, self.header_done = fmt, columns, False

    def write(self, row: dict) -> None:
        if self.fmt == "jsonl":
            click.echo(json.dumps(row, ensure_ascii=False))
            return
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        if not self.header_done:
            writer.writerow(self.columns)
            self.header_done = True
        writer.writerow([_csv_cell(row.get(c)) for c in self.columns])
        click.echo(buf.getvalue(), nl=False)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="Output format.")
@click.option("--plans", is_flag=True, help="Print one record per plan (facts and warnings) instead of tasks.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print per-plan warnings on stderr.")
def extract(paths: tuple[str, ...], fmt: str, plans: bool, quiet: bool) -> None:
    """Extract plans and tasks from documents (.txt, .html, .docx, .pdf) or directories of them."""
    out = _Out(fmt, PLAN_COLUMNS if plans else TASK_COLUMNS)
    skipped, hidden = _report_skipped(paths)
    run = ExtractRun(paths)
    tasks = 0
    for path, result in run:
        tasks += len(result.tasks)
        if not quiet:
            for w in result.plan.warnings:
                click.echo(f"warning: {path}: {w}", err=True)
        if plans:
            out.write(result.plan.as_dict())
        else:
            for task in result.tasks:
                out.write(task.as_dict())
    if not run.seen:
        passed = f" ({skipped} skipped, {hidden} hidden)" if skipped + hidden else ""
        click.echo(f"error: no documents found in the paths given{passed}", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(_summary(run.seen - run.failed, tasks, run.failed, skipped, hidden), err=True)
    if run.failed:
        sys.exit(1)


def _report_skipped(paths: tuple[str, ...]) -> tuple[int, int]:
    """Name each file a directory holds that is not extracted; return (skipped, hidden) counts."""
    from loaders.extract import walk_paths

    skipped = hidden = 0
    for path, reason in walk_paths(paths):
        if reason == "hidden":
            hidden += 1
        elif reason is not None:
            skipped += 1
            click.echo(f"skipped: {path}: {reason}", err=True)
    return skipped, hidden


def _summary(done: int, tasks: int, failed: int, skipped: int, hidden: int) -> str:
    def n(k: int, word: str) -> str:
        return f"{k} {word}{'' if k == 1 else 's'}"

    line = f"summary: {n(done, 'document')} extracted ({n(tasks, 'task')}), {failed} failed, {skipped} skipped"
    return line + (f", {n(hidden, 'hidden file')} passed over" if hidden else "")


COMMANDS = [extract]
