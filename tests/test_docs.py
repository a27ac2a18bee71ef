"""Docs are tested: every setting and every CLI command is documented.

A new setting must appear in ``.env.example`` and the README's configuration
table; a new command must appear in the README's CLI reference; the README's
two set-up commands must be the ones the Makefile and CI run.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from agencynet.cli import cli
from agencynet.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV_EXAMPLE = (ROOT / ".env.example").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "agencynet") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        names.append(full)
        if isinstance(command, click.Group):
            names.extend(_commands(command, full))
    return names


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_setting_is_documented(field):
    env = field.upper()
    assert re.search(rf"^{env}=", ENV_EXAMPLE, re.M), f"{env} missing from .env.example"
    assert env in README, f"{env} missing from the README configuration table"


@pytest.mark.parametrize("command", _commands(cli))
def test_command_is_documented(command):
    assert command in README, f"`{command}` missing from the README CLI reference"


def test_readme_commands_are_what_ci_runs():
    assert "make demo" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M), ".ci/run must call the README's test command"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
