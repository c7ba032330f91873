"""Options that several commands share: the language, the paper size, the page
orientation, and the scheme and sheet of a RACI table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.shell_completion import CompletionItem

from raci.render.paper import PAPERS, Paper, UnknownPaperError, paper
from raci.schemes import BUILTIN_SCHEMES, UnknownSchemeError, scheme_named
from raci.words import LANGUAGES, UnknownLanguageError, language_named

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    _ParamType = click.ParamType[Paper]
else:  # click before 8.4 has no type parameters
    _ParamType = click.ParamType


class PaperType(_ParamType):
    """A paper size of :data:`raci.render.paper.PAPERS`, named in any case."""

    name = "paper"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Paper:
        try:
            return paper(value)
        except UnknownPaperError as exc:
            self.fail(str(exc), param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        start = incomplete.casefold()
        return [CompletionItem(name) for name in PAPERS if name.casefold().startswith(start)]


PAPER = PaperType()


def paper_option(what: str) -> Callable[[F], F]:
    """``--paper SIZE``, its help ``what`` it does and the sizes."""
    return click.option(
        "--paper",
        type=PAPER,
        metavar="SIZE",
        help=f"{what}: {', '.join(PAPERS)} (any case).",
    )


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return language_named(value)
    except UnknownLanguageError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def lang_option(what: str, default: str = "the model's language") -> Callable[[F], F]:
    """``--lang LANG``: the language of ``what``, one of the catalog's (or a region of
    one); unset (None) means the configuration's, else ``default``."""
    return click.option(
        "--lang",
        metavar="LANG",
        callback=_language,
        shell_complete=lambda ctx, param, incomplete: [
            CompletionItem(name) for name in LANGUAGES if name.startswith(incomplete.lower())
        ],
        help=f"Language of {what}: {', '.join(LANGUAGES)}, or one with a region (zh-TW)"
        f" (default: the configuration's, else {default}).",
    )


def orientation_option(default: str) -> Callable[[F], F]:
    """``--landscape/--portrait``; unset (None) means ``default``."""
    return click.option(
        "--landscape/--portrait",
        "landscape",
        default=None,
        help=f"Page orientation (default: {default}).",
    )


def _scheme_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return scheme_named(value).name
    except UnknownSchemeError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def scheme_option(func: F) -> F:
    """``--scheme NAME``: the scheme of a RACI table, instead of the one its cells suggest."""
    option = click.option(
        "--scheme",
        metavar="NAME",
        callback=_scheme_name,
        help=f"Scheme of a RACI table ({', '.join(BUILTIN_SCHEMES)}, any case; default: the"
        " one whose letters the cells use).",
    )
    return option(func)


def sheet_option(func: F) -> F:
    """``--sheet NAME``: the sheet of an XLSX workbook to read."""
    option = click.option(
        "--sheet",
        metavar="NAME",
        help="The sheet of an XLSX workbook to read (default: the sheet it opens at, or the"
        " one sheet that holds a table).",
    )
    return option(func)
