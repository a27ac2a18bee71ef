"""``agencynet extract PATH... [--format jsonl|csv] [--plans]``: documents → task or plan records.

No database. One JSON object per task (jsonl) or one CSV row per task; with
``--plans`` one object per plan instead. A directory means every document in it.
A file that cannot be extracted is reported on stderr as ``error: FILE: reason``
and the run goes on; the exit status is 1 when any file failed. Per-plan
warnings are shown on stderr as ``warning: FILE: ...``.
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
PLAN_COLUMNS = ["file", "plan_id", "title", "jurisdiction", "level", "parent_jurisdiction", "issuer", "doc_number",
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
    run = ExtractRun(paths)
    for path, result in run:
        if not quiet:
            for w in result.plan.warnings:
                click.echo(f"warning: {path}: {w}", err=True)
        if plans:
            out.write(result.plan.as_dict())
        else:
            for task in result.tasks:
                out.write(task.as_dict())
    if not run.seen:
        click.echo("error: no documents found in the paths given", err=True)
        sys.exit(1)
    if run.failed:
        sys.exit(1)


COMMANDS = [extract]
