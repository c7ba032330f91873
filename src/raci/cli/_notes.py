"""Notes on stderr: warnings that tell a user something about the run, one line each."""

from __future__ import annotations

import warnings
from typing import Any, TextIO

import click

from raci._text import one_line
from raci.exceptions import SlowParserWarning


def _show(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
    *,
    shown: Any = warnings.showwarning,
) -> None:
    """Warnings as Python shows them, except a slow parser's: one line, ``note: ...``."""
    if issubclass(category, SlowParserWarning):
        click.echo(one_line(f"note: {message}"), err=True)
    else:
        shown(message, category, filename, lineno, file, line)


def show_notes() -> None:
    """Show the warnings meant as notes (a slow parser) as one ``note:`` line on stderr."""
    warnings.showwarning = _show
