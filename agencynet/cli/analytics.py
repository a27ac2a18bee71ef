"""CLI: placeholder until this command group is written (see the issue tracker)."""

COMMANDS: list = []
