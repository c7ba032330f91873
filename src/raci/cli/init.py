"""`raci init`: write a commented starter model file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from raci._text import one_line
from raci.cli._common import echo, handle_errors
from raci.output import write_atomic


def starter_text() -> str:
    """The commented starter model file."""
    return resources.files("raci").joinpath("data/starter.yaml").read_text(encoding="utf-8")


@click.command(
    "init",
    epilog="""\b
Example:
  raci init org.yaml && raci validate org.yaml""",
)
@click.argument("path", default="raci.yaml", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@handle_errors
def command(path: str, force: bool) -> None:
    """Write a commented starter model file to PATH (default: raci.yaml)."""
    if Path(path).exists() and not force:
        raise click.UsageError(one_line(f"{path} exists; use --force to replace it"))
    write_atomic(path, starter_text())
    echo(f"wrote {path}; check it with: raci validate {path}")
