"""Help texts speak to users: what a command does and prints, never the design papers."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from raci.cli import COMMANDS, cli


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=str)
def test_no_help_mentions_the_spec(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.stdout
    assert "SPEC" not in result.stdout
