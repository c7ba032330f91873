"""The language of the lines a command prints for people besides its outputs.

A command speaks the language of its outputs: ``--lang``, else the configuration's
``lang``, else the language of the first model it reads, which that read remembers here
(:func:`remember_language`) for the lines printed after it (``wrote ...``, warnings).
"""

from __future__ import annotations

import click

from raci.findings import Finding
from raci.render.reporters import finding_text
from raci.words import Words, words_for

#: Where a command keeps the language its first model was read in (click's ``meta``).
_LANGUAGE = "raci.console-language"


def _context() -> click.Context | None:
    return click.get_current_context(silent=True)


def given_language() -> str | None:
    """The command's ``--lang``, when it has one and it was given."""
    ctx = _context()
    return None if ctx is None else ctx.params.get("lang")


def remember_language(lang: str) -> None:
    """Keep ``lang`` as the command's console language, unless one is kept already."""
    ctx = _context()
    if ctx is not None:
        ctx.meta.setdefault(_LANGUAGE, lang)


def console_words() -> Words:
    """The words of the command's console lines: ``--lang``, else the language remembered
    from its first model, else English."""
    ctx = _context()
    return words_for(given_language() or (None if ctx is None else ctx.meta.get(_LANGUAGE)))


def warning_line(text: str, words: Words | None = None) -> str:
    """``warning: text`` in the console's language."""
    words = words or console_words()
    # Translators: the start of a line that warns on the console (stderr).
    return words.pgettext("console", "warning: {text}").format(text=text)


def note_line(text: str, words: Words | None = None) -> str:
    """``note: text`` in the console's language."""
    words = words or console_words()
    # Translators: the start of a line that notes something on the console (stderr).
    return words.pgettext("console", "note: {text}").format(text=text)


def wrote_line(path: object) -> str:
    """``wrote PATH`` in the console's language: the line a command prints once it has
    written an output."""
    # Translators: printed on the console once an output file is written; {path} is its name.
    return console_words().pgettext("console", "wrote {path}").format(path=path)


def finding_line(finding: Finding) -> str:
    """A finding as ``raci validate`` prints it, its message in the console's language."""
    return finding_text(finding, finding.said(console_words())[0])
