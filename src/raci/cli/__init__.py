"""The `raci` command line: a click group whose commands live in one module each."""

from __future__ import annotations

import os
import sys

import click

from raci._signals import stop_on_interrupt
from raci._text import printable
from raci._version import __version__
from raci.cli._notes import show_notes

EPILOG = (
    "Documentation: the docs/ folder of raci's source (start with docs/tutorial.md);"
    " nox -s docs builds it as a site."
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.version_option(__version__, prog_name="raci")
def cli() -> None:
    """Model an organization and its RACI matrix: validate, chart, tabulate.

    \b
    Example:
      raci validate examples/un-habitat-2020/org.yaml
    """
    show_notes()


def _register() -> None:
    from raci.cli import (
        cascade,
        chart,
        diff,
        import_,
        init,
        matrix,
        report,
        schema,
        stats,
        validate,
    )

    commands = (validate, chart, matrix, diff, stats, cascade, report, import_, init, schema)
    for module in commands:
        cli.add_command(module.command)


_register()


def main(args: list[str] | None = None, prog_name: str = "raci") -> None:
    """Run the command line: exit 130 when interrupted (Ctrl-C, which also stops a Graphviz
    render at once); an unexpected failure is one line on stderr and exit 2."""
    try:
        with stop_on_interrupt():
            code = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except click.exceptions.Abort:  # Ctrl-C or end of input at a prompt
        click.echo("\ninterrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("\ninterrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:
        if os.environ.get("RACI_DEBUG"):
            raise
        click.echo(
            printable(
                f"raci: internal error: {type(exc).__name__}: {exc}"
                " (set RACI_DEBUG=1 for details and please report it)"
            ),
            err=True,
        )
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
