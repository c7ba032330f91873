"""Notes on stderr: warnings that tell a user something about the run, one line each."""

from __future__ import annotations

import re
import warnings
from typing import Any, TextIO

import click

from raci._text import one_line
from raci.cli._console import console_words, note_line, warning_line
from raci.exceptions import SlowParserWarning
from raci.findings import Said
from raci.words import words_for

#: The runs of spaces and line breaks a warning's line is made of one space each; the
#: no-break spaces a language writes (French before a colon) stay.
_SPACES = re.compile(r"[^\S\xa0\u2007\u202f]+")


def notice(message: Warning | str, category: type[Warning]) -> str | None:
    """The one line a user sees for a warning: ``note: ...`` for a slow parser,
    ``warning: ...`` for any other :class:`UserWarning`; None for the warnings meant
    for programmers (deprecations and the like), which Python's filters handle. A warning
    made of a message to say (:func:`raci.findings.say`) is said in the command's
    language, any other in English."""
    if not issubclass(category, UserWarning):
        return None
    said = _said(message)
    words = console_words() if said is not None else words_for(None)
    text = _SPACES.sub(" ", str(message) if said is None else said.said(words)).strip()
    line = note_line if issubclass(category, SlowParserWarning) else warning_line
    return one_line(line(text, words))


def _said(message: Warning | str) -> Said | None:
    """The message to say that ``message`` was made of, if any."""
    args: tuple[object, ...] = getattr(message, "args", ())
    return args[0] if len(args) == 1 and isinstance(args[0], Said) else None


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
