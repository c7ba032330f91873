"""`raci staffing`: posts by category and grade against units, and against an earlier
version."""

from __future__ import annotations

import click

from raci.analysis.staffing import staffing
from raci.cli._common import (
    InputError,
    check_suffix,
    configuration,
    echo,
    handle_errors,
    load_model,
    load_version,
)
from raci.cli._config import config_options
from raci.cli._console import wrote_line
from raci.cli._options import lang_option, orientation_option, paper_option
from raci.render.paper import Paper
from raci.render.staffing.writer import PRINTED, SUFFIXES, render_staffing
from raci.restructure.revision import split_revision

#: What --format prints; a file's format follows its suffix.
FORMATS = ("text", "json", "markdown")


@click.command(
    "staffing",
    epilog="""\b
Examples:
  raci staffing org.yaml
  raci staffing org.yaml --by division --fund
  raci staffing new.yaml --before old.yaml --format json
  raci staffing org.yaml --before HEAD~1:org.yaml -o staffing.xlsx
  raci staffing org.yaml -o staffing.docx --paper A3

OLD is a model file or REV:PATH, the file as committed at a git revision.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--before",
    "old",
    metavar="OLD",
    help="Compare with this earlier version: approved (OLD), proposed (FILE) and change;"
    " units renamed, merged or split (`formerly`) share a row with those they continue.",
)
@click.option(
    "--by",
    metavar="LEVEL",
    help="Roll each unit up into its unit at this level (e.g. division); units above it,"
    " or on a branch without it, keep their own rows.",
)
@click.option(
    "--fund", is_flag=True, help="A row per unit and funding source, with totals per fund."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="How to print the table (default: text; with -o, the file's suffix decides).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to this file (.txt .md .json .csv .xlsx .tex .docx).",
)
@lang_option("names and headings")
@click.option("--ids", is_flag=True, help="Show units by id instead of by name (JSON has both).")
@paper_option("LaTeX and DOCX: the paper size of the pages (default A4)")
@orientation_option("landscape")
@config_options
@handle_errors
def command(
    file: str,
    old: str | None,
    by: str | None,
    fund: bool,
    fmt: str | None,
    output: str | None,
    lang: str | None,
    ids: bool,
    paper: Paper | None,
    landscape: bool | None,
) -> None:
    """Print or write the staffing table: each unit's posts by grade, grouped by category
    with a subtotal per category, posts of no grade and the total; with --before, the
    approved and proposed posts and the change."""
    if output is not None:
        suffix = check_suffix(output, SUFFIXES, "a staffing table")
        printed = SUFFIXES[suffix] in PRINTED
    else:
        printed = False
    if not printed and (paper is not None or landscape is not None):
        raise InputError("--paper, --landscape and --portrait are for -o FILE.tex or FILE.docx")
    model = load_model(file)
    settings = configuration(file)
    lang = lang or settings.lang
    if printed:
        paper, landscape = settings.page(paper, landscape)
    before = load_version(old) if old is not None else None
    table = staffing(model, before=before, by=by, fund=fund)
    inputs = [p for p in (file, old) if p is not None and split_revision(p) is None]
    try:
        data = render_staffing(
            table,
            output,
            format=fmt,
            lang=lang,
            ids=ids,
            paper=paper,
            landscape=landscape,
            inputs=inputs,
        )
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if output is None:
        echo(str(data), nl=False)
    else:
        echo(wrote_line(output), err=True)
