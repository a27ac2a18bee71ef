"""CLI: ``agencynet generate OUT_DIR --plans N [--seed S]``, a synthetic corpus for benchmarks.

The corpus is for scale runs and sanity checks, never for accuracy claims: its text is
assembled from pools, not taken from real plans.
"""

from __future__ import annotations

import json
import sys

import click
from tqdm import tqdm

from agencynet.cli.common import fail, report_error
from agencynet.errors import AgencynetError
from agencynet.settings import PROJECT_ROOT


def _load_generator():
    """``benchmarks.synthetic.generate_corpus``; the benchmarks live beside the package in a
    source checkout (they are not installed), so the project root is put on the path."""
    root = str(PROJECT_ROOT)
    if (PROJECT_ROOT / "benchmarks" / "synthetic" / "__init__.py").exists() and root not in sys.path:
        sys.path.insert(0, root)
    try:
        from benchmarks.synthetic import generate_corpus
    except ImportError as exc:
        fail(f"the synthetic generator needs a source checkout of agencynet ({exc})")
    return generate_corpus


@click.command("generate")
@click.argument("out_dir", type=click.Path(file_okay=False, writable=True))
@click.option("--plans", "n_plans", type=click.IntRange(min=1), required=True, help="number of plans to write")
@click.option("--seed", type=int, default=0, show_default=True, help="same seed, same bytes")
@click.option("--traditional-share", type=click.FloatRange(0, 1), default=0.08, show_default=True,
              help="share of plans converted to traditional script (OpenCC s2t)")
@click.option("--quiet", is_flag=True, help="no progress bar")
def generate(out_dir: str, n_plans: int, seed: int, traditional_share: float, quiet: bool) -> None:
    """Write N synthetic plan documents and OUT_DIR/manifest.jsonl (the generator's truth).

    Jurisdictions at every level with parents, agency name variants (before and after the
    2018 reform), the responsibility-clause shapes of real plans, unassigned and
    collective-only tasks, traditional-script and GB18030/UTF-16 files.
    """
    generate_corpus = _load_generator()
    try:
        with tqdm(total=n_plans, unit="plan", disable=quiet, desc="generate") as bar:
            summary = generate_corpus(out_dir, n_plans, seed, progress=bar.update,
                                      traditional_share=traditional_share)
    except AgencynetError as exc:
        report_error(exc)
        return
    click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))


COMMANDS = [generate]
