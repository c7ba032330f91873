"""The `raci` command line: a click group whose commands live in one module each."""

from __future__ import annotations

import importlib
import os
import sys

import click

from raci._signals import stop_on_interrupt
from raci._text import one_line
from raci._version import __version__
from raci.cli._exit import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK
from raci.cli._notes import show_notes

EPILOG = (
    "Documentation: the docs/ folder of raci's source (start with docs/tutorial.md);"
    " nox -s docs builds it as a site."
)


#: Each command and the module of ``raci.cli`` that defines it.
COMMANDS = {
    "validate": "validate",
    "chart": "chart",
    "matrix": "matrix",
    "diff": "diff",
    "annex": "annex",
    "stats": "stats",
    "staffing": "staffing",
    "cascade": "cascade",
    "report": "report",
    "import": "import_",
    "init": "init",
    "schema": "schema",
}


class _Commands(click.Group):
    """A group that imports a command's module only when that command is asked for, so
    that `raci validate` does not load the renderers (nor `raci --version` anything)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(f"raci.cli.{module}").command
        return command


@click.group(
    cls=_Commands,
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


def main(args: list[str] | None = None, prog_name: str = "raci") -> None:
    """Run the command line: exit 130 when interrupted (Ctrl-C, which also stops a Graphviz
    render at once); an unexpected failure is one line on stderr and exit 2."""
    try:
        with stop_on_interrupt():
            code = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except click.exceptions.Abort:  # Ctrl-C or end of input at a prompt
        click.echo("\ninterrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        click.echo("\ninterrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:
        if os.environ.get("RACI_DEBUG"):
            raise
        click.echo(
            one_line(
                f"raci: internal error: {type(exc).__name__}: {exc}"
                " (set RACI_DEBUG=1 for details and please report it)"
            ),
            err=True,
        )
        sys.exit(EXIT_INPUT)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
