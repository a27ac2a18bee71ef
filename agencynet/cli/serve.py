"""CLI: ``agencynet serve`` runs the API and pages with uvicorn (the app factory)."""

from __future__ import annotations

import click

from agencynet.cli.common import fail
from agencynet.errors import AgencynetError
from agencynet.settings import get_settings


@click.command()
@click.option("--host", default=None, help="address to bind (default AGENCYNET_HOST, 127.0.0.1)")
@click.option("--port", default=None, type=click.IntRange(1, 65535), help="port (default AGENCYNET_PORT, 8000)")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(host: str | None, port: int | None, log_level: str) -> None:
    """Serve the API (OpenAPI at /docs), pages and network views on http://HOST:PORT."""
    import uvicorn

    from app.main import check_settings

    settings = get_settings()
    try:
        check_settings(settings)
    except AgencynetError as exc:
        fail(str(exc))
    host = host or settings.agencynet_host
    port = port or settings.agencynet_port
    click.echo(f"agencynet: serving the {settings.store_kind} store on http://{host}:{port}", err=True)
    try:
        uvicorn.run("app.main:create_app", factory=True, host=host, port=port, log_level=log_level)
    except OSError as exc:
        fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}")


COMMANDS = [serve]
