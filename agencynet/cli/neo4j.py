"""CLI: ``agencynet neo4j start|stop|status|import``, the local embedded Neo4j."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from agencynet import neo4j_build
from agencynet.cli.common import report_error
from agencynet.cli.neo4j_import import import_command
from agencynet.errors import AgencynetError
from agencynet.neo4j_launcher import Neo4jLauncher, check_bolt
from agencynet.settings import get_settings


@click.group("neo4j")
def neo4j() -> None:
    """Run a local Neo4j (embedded Community 5.26, needs Java 17+ and Maven) in the background."""


@neo4j.command("start")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Bolt port on 127.0.0.1 [default: AGENCYNET_NEO4J_PORT, 7687]")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="database directory [default: AGENCYNET_NEO4J_HOME/data]")
@click.option("--password", default=None,
              help="turn authentication on for user neo4j with this password "
                   "[default: NEO4J_PASSWORD; empty = no authentication]")
@click.option("--timeout", type=float, default=180.0, show_default=True,
              help="seconds to wait for the server to answer")
def start(port: int | None, data_dir: Path | None, password: str | None, timeout: float) -> None:
    """Build on first use, start in the background, wait until the driver connects."""
    settings = get_settings()
    launcher = Neo4jLauncher.from_settings(settings)
    password = settings.neo4j_password if password is None else password
    try:
        info = launcher.status()
        if info["running"]:
            click.echo(f"the local Neo4j is already running at {info['uri']} (pid {info['pid']})")
            _print_export(info["uri"])
            return
        neo4j_build.find_java()
        if neo4j_build.cached_build(launcher.build_dir) is None:
            click.echo(f"building the launcher into {launcher.build_dir} (first use: Maven downloads "
                       "about 130 MB of jars; this takes a few minutes) ...", err=True)
            build = launcher.build()
            click.echo(f"built in {build.seconds:.0f} s", err=True)
        started = time.monotonic()
        uri = launcher.start(port=port, data_dir=data_dir, password=password or None, timeout=timeout)
    except AgencynetError as exc:
        report_error(exc)
        return
    info = launcher.status()
    auth = "on (user neo4j)" if info["auth"] else "off"
    click.echo(f"Neo4j is running at {uri} (pid {info['pid']}, ready in {time.monotonic() - started:.1f} s, "
               f"auth {auth})")
    click.echo(f"data: {info['data_dir']}\nlog:  {info['log_file']}")
    _print_export(uri)


def _print_export(uri: str) -> None:
    click.echo("use it with:")
    click.echo(f"export NEO4J_URI={uri}")


@neo4j.command("stop")
@click.option("--timeout", type=float, default=60.0, show_default=True,
              help="seconds to wait for a clean stop before killing it")
def stop(timeout: float) -> None:
    """Stop the local Neo4j cleanly (SIGTERM; SIGKILL after the timeout)."""
    launcher = Neo4jLauncher.from_settings()
    try:
        info = launcher.status()
        stopped = launcher.stop(timeout=timeout)
    except AgencynetError as exc:
        report_error(exc)
        return
    if stopped:
        click.echo(f"stopped the local Neo4j at {info['uri']} (pid {info['pid']})")
    else:
        click.echo(f"the local Neo4j is not running (home {launcher.home})")


@neo4j.command("status")
@click.option("--json", "as_json", is_flag=True, help="print the status as JSON")
def status(as_json: bool) -> None:
    """Say whether the local Neo4j runs and answers (exit 0 yes, 1 runs but refuses, 3 not running)."""
    settings = get_settings()
    launcher = Neo4jLauncher.from_settings(settings)
    info = launcher.status()
    info["bolt"] = None
    if info["running"]:
        try:
            check_bolt(info["uri"], settings.neo4j_user, settings.neo4j_password, timeout=5.0)
            info["bolt"] = "ok"
        except AgencynetError as exc:
            info["bolt"] = str(exc)
    code = 3 if not info["running"] else (0 if info["bolt"] == "ok" else 1)
    if as_json:
        click.echo(json.dumps(info, indent=2))
    elif not info["running"]:
        click.echo(f"the local Neo4j is not running (home {launcher.home})")
    else:
        click.echo(f"running at {info['uri']} (pid {info['pid']}, auth {'on' if info['auth'] else 'off'})")
        click.echo(f"data: {info['data_dir']}\nlog:  {info['log_file']}")
        if info["bolt"] == "ok":
            click.echo("bolt: the driver connects")
        else:
            click.echo(f"error: {info['bolt']}", err=True)
    sys.exit(code)


neo4j.add_command(import_command)

COMMANDS = [neo4j]
