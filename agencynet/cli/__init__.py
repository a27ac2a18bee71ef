"""The ``agencynet`` command line: one small module per command group.

``agencynet extract``  documents -> task records (no database)
``agencynet agencies`` agencies from documents or from the store
``agencynet load|reset`` write to / empty the configured store
``agencynet neo4j start|stop|status`` the local embedded Neo4j
``agencynet rank|centrality|overload|orphans|compare`` analytics
``agencynet serve``    the API and pages
``agencynet generate`` a synthetic corpus for benchmarks
"""

from __future__ import annotations

import click

from agencynet import __version__
from agencynet.cli import agencies, analytics, extract, generate, neo4j, serve, store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="agencynet")
def cli() -> None:
    """agencynet: agency responsibility networks from Chinese policy documents."""


for module in (extract, agencies, store, neo4j, analytics, serve, generate):
    for command in module.COMMANDS:
        cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli()
