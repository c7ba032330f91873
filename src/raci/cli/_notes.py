"""Notes on stderr: warnings that tell a user something about the run, one line each."""

from __future__ import annotations

import warnings
from typing import Any, TextIO

import click

from raci._text import one_line
from raci.exceptions import SlowParserWarning


def notice(message: Warning | str, category: type[Warning]) -> str | None:
    """The one line a user sees for a warning: ``note: ...`` for a slow parser,
    ``warning: ...`` for any other :class:`UserWarning`; None for the warnings meant
    for programmers (deprecations and the like), which Python's filters handle."""
    if not issubclass(category, UserWarning):
        return None
    kind = "note" if issubclass(category, SlowParserWarning) else "warning"
    return one_line(f"{kind}: {' '.join(str(message).split())}")


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
        click.echo(notice(message, category), err=True)
    else:
        shown(message, category, filename, lineno, file, line)


def show_notes() -> None:
    """Show the warnings meant as notes (a slow parser) as one ``note:`` line on stderr."""
    warnings.showwarning = _show
