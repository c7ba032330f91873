"""What the commands share: loading with clean errors, writing outputs, exit codes."""

from __future__ import annotations

import functools
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from raci._text import one_line, printable
from raci.cli._config import configured
from raci.cli._console import given_language, note_line, remember_language
from raci.cli._exit import EXIT_INPUT, EXIT_INTERRUPTED
from raci.cli._notes import notice
from raci.cli._progress import clear_progress, progress_shown
from raci.cli._rule_settings import setting_warnings
from raci.config import Configuration
from raci.exceptions import LoadError, OutputError, QueryError, RaciError
from raci.io import TABLE_SUFFIXES, load
from raci.model import Organization
from raci.words import words_for

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
#: The notes of a table or catalog reader that every command prints: what it could not read
#: as it is.
UNREAD_NOTES = frozenset({"unreadable-cell", "duplicate-row", "turned-table", "catalog-mismatch"})
#: The notes on how a file was read, said as notes.
READING_NOTES = frozenset({"table-reading", "catalog-reading"})


class InputError(click.ClickException):
    """The input could not be read or parsed, or an option names nothing: exit 2."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        click.echo(one_line(f"error: {self.format_message()}"), err=True)


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print text that may carry names from a file, its control characters (terminal escape
    sequences among them) escaped visibly, never sent to the terminal. A line (``nl``, the
    default) stays one line, its line breaks shown as ``\\n``; a text printed as it is
    (``nl=False``, a report ending in its own newline) keeps its line breaks."""
    clear_progress()
    click.echo(one_line(text) if nl else printable(text), err=err, nl=nl)


def showing_warnings(call: Callable[[], T]) -> T:
    """Run ``call`` and print each warning it raises once, as one line on stderr
    (``warning: ...``, without Python's category and source line), even when it fails.
    Warnings meant for programmers go on to Python's own filters."""
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            return call()
    finally:
        lines: dict[str, None] = {}
        for w in caught:
            line = notice(w.message, w.category)
            if line is None:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            else:
                lines[line] = None
        if lines:
            clear_progress()
        for line in lines:
            click.echo(line, err=True)


def input_error(exc: LoadError) -> InputError:
    """Print each problem of a LoadError on its own line; the error that exits 2."""
    for finding in exc.findings:
        echo(str(finding), err=True)
    n = len(exc.findings)
    return InputError(f"{exc.file}: {n} problem{'s' if n != 1 else ''}; the file was not loaded")


def configuration(path: str) -> Configuration:
    """The configuration of the input ``path`` (``--config``, ``--isolated``, else the one
    found above it); a problem in it is one line per problem and exit 2."""
    try:
        return configured(path)
    except LoadError as exc:
        raise input_error(exc) from None


def load_model(path: str | os.PathLike[str]) -> Organization:
    """Load a model file, turning a LoadError into one line per problem and exit 2."""
    try:
        org = load(path)
    except LoadError as exc:
        raise input_error(exc) from None
    say_as_read(org, os.fspath(path))
    return org


def version_file(spec: str) -> str:
    """The file of a version: itself, or the PATH of ``REV:PATH``."""
    from raci.restructure.revision import split_revision

    revision = split_revision(spec)
    return spec if revision is None else revision[1]


def load_version(spec: str, scheme: str | None = None, sheet: str | None = None) -> Organization:
    """One version of a model: a file, or ``REV:PATH`` (the file as committed at a git
    revision), read as :func:`load_model` reads a file; a table with the scheme of the
    configuration found for its path unless ``scheme`` is given."""
    from raci.restructure.revision import load_revision, split_revision

    if scheme is None:
        revision = split_revision(spec)
        scheme = configuration(spec if revision is None else revision[1]).scheme
    try:
        org = load_revision(spec, scheme, sheet=sheet)
    except LoadError as exc:
        raise input_error(exc) from None
    say_as_read(org, version_file(spec))
    return org


def path_separator_option(func: F) -> F:
    """The ``--path-separator`` option of commands that read org sheets."""
    option = click.option(
        "--path-separator",
        metavar="SEP",
        help="What splits the paths of an org path sheet (default: the one most cells use,"
        " else /).",
    )
    return option(func)


def group_by_option(func: F) -> F:
    """The ``--group-by`` option of commands that read org sheets of people."""
    option = click.option(
        "--group-by",
        metavar="COLUMN",
        help="Place the people of an org sheet in units named by this column: `department`"
        " takes the department column (Department, Organization Name, DEPT...), under the"
        " division column when there is one.",
    )
    return option(func)


def split_list(values: tuple[str, ...]) -> list[str]:
    """Comma-separated option values (repeatable options), flattened."""
    return [t.strip() for v in values for t in v.split(",") if t.strip()]


def handle_errors(func: F) -> F:
    """Map raci's own errors to clean messages and exit 2 (never a traceback); show the
    progress of long work on a terminal."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with progress_shown():
                return func(*args, **kwargs)
        except (OutputError, QueryError, LoadError, RaciError) as exc:
            raise InputError(str(exc)) from None
        except KeyboardInterrupt:  # pragma: no cover
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)

    return wrapper  # type: ignore[return-value]


def check_suffix(path: str, allowed: Iterable[str], what: str) -> str:
    """The lower-case suffix of ``path``; a usage error (exit 2) unless it is allowed."""
    suffix = Path(path).suffix.lower()
    allowed = tuple(allowed)
    if suffix not in allowed:
        raise click.BadParameter(
            f"cannot write {what} as {suffix or 'a file without suffix'!r};"
            f" use one of {', '.join(allowed)}",
            param_hint="'-o' / '--output'",
        )
    return suffix


def sheets_for(paths: Iterable[str], sheet: str | None) -> dict[str, str | None]:
    """The ``--sheet`` of each input: the sheet named for a workbook, None for other files;
    a usage error (exit 2) when a sheet is named and no input is a workbook."""
    chosen = {p: sheet if p.lower().endswith(".xlsx") else None for p in paths}
    if sheet is not None and not any(chosen.values()):
        raise click.BadParameter("names the sheet of an XLSX workbook", param_hint="'--sheet'")
    return chosen


def load_source(
    path: str,
    org: str | None = None,
    sheet: str | None = None,
    path_separator: str | None = None,
    scheme: str | None = None,
    group_by: str | None = None,
) -> Organization:
    """A model file, or a table (RACI table or org sheet) read against the model ``org``;
    a table read on its own takes the configuration's scheme unless ``scheme`` is given."""
    table_only = (org, sheet, path_separator, scheme)
    if any(v is not None for v in table_only) and not path.lower().endswith(TABLE_SUFFIXES):
        raise click.BadParameter(
            f"--org, --sheet, --path-separator and --scheme apply to a table"
            f" ({', '.join(TABLE_SUFFIXES)}), not to"
            f" {Path(path).suffix or 'a file without suffix'!r}",
            param_hint="'--org' / '--sheet' / '--path-separator' / '--scheme'",
        )
    if group_by is not None and not path.lower().endswith(TABLE_SUFFIXES):
        raise click.BadParameter(
            f"places the people of an org sheet ({', '.join(TABLE_SUFFIXES)}) in units, not"
            f" those of a {Path(path).suffix or 'file without suffix'!r} file",
            param_hint="'--group-by'",
        )
    base = load_model(org) if org is not None else None
    if scheme is None and base is None and path.lower().endswith(TABLE_SUFFIXES):
        scheme = configuration(path).scheme
    try:
        model = load(
            path,
            org=base,
            sheet=sheet,
            path_separator=path_separator,
            scheme=scheme,
            group_by=group_by,
        )
    except LoadError as exc:
        raise input_error(exc) from None
    say_as_read(model, path)
    return model


def say_as_read(model: Organization, path: str) -> None:
    """Print on stderr what the file ``path``'s reader and rule settings want said:
    settings that name no rule, and how a table was read (cells set aside, the sheet
    chosen), which `validate` reports as findings and the other commands say here. The
    notes are said in the command's language (``--lang``, the configuration's, the
    model's), which the lines printed after them keep."""
    lang = given_language() or configuration(path).lang or model.language
    remember_language(lang)
    words = words_for(lang)
    for line in setting_warnings(model):  # parse errors: English, as validate says them
        echo(line, err=True)
    for note in model.notes:
        if note.rule not in UNREAD_NOTES and note.rule not in READING_NOTES:
            continue
        said = words if note.saying else words_for(None)  # a note in English only: all English
        line = f"{note.location}: {note.saying[0].said(said) if note.saying else note.message}"
        echo(line if note.rule in UNREAD_NOTES else note_line(line, said), err=True)
