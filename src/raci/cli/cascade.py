"""`raci cascade`: per-post responsibility sheets, what each post holds and through what."""

from __future__ import annotations

import click

from raci.cli._common import (
    InputError,
    check_suffix,
    configuration,
    echo,
    handle_errors,
    load_source,
    showing_warnings,
    split_list,
)
from raci.cli._config import config_options
from raci.cli._console import console_words, warning_line, wrote_line
from raci.cli._options import (
    lang_option,
    orientation_option,
    paper_option,
    scheme_option,
    sheet_option,
)
from raci.exceptions import QueryError
from raci.render.cascade.sheets import FORMATS, render_cascade
from raci.render.paper import Paper


@click.command(
    "cascade",
    epilog="""\b
Examples:
  raci cascade org.yaml
  raci cascade org.yaml -o sheets.html
  raci cascade org.yaml --post gender-fp -o gender-fp.pdf
  raci cascade org.yaml --unit gsd -o gsd.xlsx
  raci cascade org.yaml -o sheets.pdf --paper letter --landscape
  raci cascade org.yaml --post "Gender focal point" --lang zh
  raci cascade org.yaml -o sheets.xlsx""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--post",
    "posts",
    multiple=True,
    metavar="ID|NAME",
    help="Only this post's sheet (an id or a title, any case; repeat or comma-separate"
    " for several). Default: every post.",
)
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="ID|NAME",
    help="Only the sheets of the posts in this unit and the units below it (an id or a"
    " name; repeat or comma-separate for several).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to this file (.md .html .csv .xlsx .pdf); default: print Markdown.",
)
@lang_option("names and headings")
@paper_option("PDF: the paper size of the pages (default A4)")
@orientation_option("portrait")
@scheme_option
@sheet_option
@config_options
@handle_errors
def command(
    file: str,
    posts: tuple[str, ...],
    units: tuple[str, ...],
    output: str | None,
    lang: str | None,
    paper: Paper | None,
    landscape: bool | None,
    scheme: str | None,
    sheet: str | None,
) -> None:
    """Print or write one sheet per post: its title, holder (or vacant), unit, reporting
    line, and what it holds, directly and through its unit and each unit above it. Sheets
    that would outgrow one file (docs/limits.md) stop with a message: choose --post or
    --unit.

    \b
    HTML: one page with a table of contents, a printed page per post.
    XLSX: a worksheet per division, a row per post and deliverable.
    PDF:  each post from a new page, numbered, A4 unless --paper says otherwise.
    """
    suffix = check_suffix(output, FORMATS, "cascade sheets") if output is not None else None
    if FORMATS.get(suffix or "") != "pdf" and (paper is not None or landscape is not None):
        raise InputError("--paper, --landscape and --portrait are for PDF output (-o FILE.pdf)")
    model = load_source(file, scheme=scheme, sheet=sheet)
    settings = configuration(file)
    lang = lang or settings.lang
    if FORMATS.get(suffix or "") == "pdf":
        paper, landscape = settings.page(paper, landscape)
    wanted = split_list(posts) if posts else None
    within = split_list(units) if units else None
    if wanted is None and within is None and not model.positions:
        words = console_words()
        # Translators: {file} is a model file; `positions:` and `unit:` are its keys, kept.
        text = words.gettext(
            "{file} lists no positions, so there are no sheets; list the posts under"
            " `positions:` (each with its `unit:`)"
        )
        echo(warning_line(text.format(file=file), words), err=True)
    try:
        data = showing_warnings(
            lambda: render_cascade(
                model,
                output,
                posts=wanted,
                units=within,
                lang=lang,
                paper=paper,
                landscape=landscape,
                inputs=[file],
            )
        )
    except QueryError as exc:
        named = [name for name, given in (("'--post'", wanted), ("'--unit'", within)) if given]
        raise click.BadParameter(str(exc), param_hint=" / ".join(named) or None) from None
    if output is None:
        echo(str(data), nl=False)
    else:
        echo(wrote_line(output), err=True)
