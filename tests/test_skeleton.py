"""The CLI group starts and lists its commands."""

from click.testing import CliRunner

from agencynet.cli import cli


def test_cli_help_lists_usage():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "agencynet" in result.output
