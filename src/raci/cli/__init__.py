"""The `raci` command line: a click group whose commands live in one module each."""

from __future__ import annotations

import click

from raci import __version__

EPILOG = "Docs: https://github.com/raci-org/raci/tree/main/docs"


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.version_option(__version__, prog_name="raci")
def main() -> None:
    """Model an organization and its RACI matrix: validate, chart, tabulate.

    \b
    Example:
      raci validate examples/un-habitat-2020/org.yaml
    """


def _register() -> None:
    from raci.cli import init, schema, validate

    for module in (validate, init, schema):
        main.add_command(module.command)


_register()
