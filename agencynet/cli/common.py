"""Helpers every CLI command shares: output formats and error reporting."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence

import click

from agencynet.errors import AgencynetError

FORMATS = ("table", "csv", "json")


def fail(message: str, code: int = 1) -> None:
    """Print ``error: message`` on stderr and exit with ``code`` (no traceback)."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def render_rows(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Render row dicts as a readable table, CSV, JSON (a list) or JSON lines."""
    rows = list(rows)
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _cell(r.get(k)) for k in cols})
        return buf.getvalue().rstrip("\n")
    return _table(rows, cols)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _table(rows: Iterable[dict], cols: Sequence[str]) -> str:
    body = [[_cell(r.get(c)) for c in cols] for r in rows]
    if not cols:
        return "(no rows)"
    widths = [max([_width(c)] + [_width(row[i]) for row in body]) for i, c in enumerate(cols)]

    def line(cells):
        return "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths)).rstrip()

    out = [line(cols), line(["-" * w for w in widths])]
    out += [line(row) for row in body]
    if not body:
        out.append("(no rows)")
    return "\n".join(out)


def echo_rows(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None) -> None:
    click.echo(render_rows(rows, fmt, columns))


def report_error(exc: AgencynetError) -> None:
    """Show one of the project's errors as a single line and exit 1."""
    fail(str(exc))


class ExtractRun:
    """Extract documents for a command: yields the good ones, reports each bad one on stderr.

    ``seen`` and ``failed`` count the documents once the iteration is done.
    """

    def __init__(self, paths) -> None:
        self.paths = paths
        self.seen = 0
        self.failed = 0

    def __iter__(self):
        from agencynet.errors import ExtractionError
        from loaders.extract import extract_paths

        for path, result in extract_paths(self.paths):
            self.seen += 1
            if isinstance(result, ExtractionError):
                self.failed += 1
                click.echo(f"error: {result}", err=True)
                continue
            yield path, result
