"""`raci schema`: print the JSON Schema of the model file."""

from __future__ import annotations

import json

import click

from raci.cli._common import echo, handle_errors
from raci.io.schema import model_schema
from raci.output import write_atomic


@click.command(
    "schema",
    epilog="""\b
Example (YAML language server in an editor):
  raci schema -o raci.schema.json
  # then put on the first line of org.yaml:
  # yaml-language-server: $schema=raci.schema.json""",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file.")
@handle_errors
def command(output: str | None) -> None:
    """Print the JSON Schema of the model file."""
    text = json.dumps(model_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        write_atomic(output, text)
    else:
        echo(text, nl=False)
