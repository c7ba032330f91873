"""`raci matrix`: the responsibility matrix as a terminal table or a file."""

from __future__ import annotations

import click

from raci.cli._common import (
    InputError,
    check_suffix,
    configuration,
    echo,
    handle_errors,
    load_source,
    path_separator_option,
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
from raci.render.matrix.writer import FORMATS, render_matrix
from raci.render.paper import Paper


@click.command(
    "matrix",
    epilog="""\b
Examples:
  raci matrix org.yaml
  raci matrix org.yaml -o matrix.html --lang zh
  raci matrix org.yaml -o matrix.html --paper letter --portrait
  raci matrix org.yaml -o matrix.xlsx --level division
  raci matrix RACI.md --org org.yaml --parties gsd,erski --group item3-finance""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to this file (.txt .md .html .csv .xlsx .tex); default: print a table.",
)
@click.option("--level", metavar="LEVEL", help="Roll columns up to this level (e.g. division).")
@lang_option("names and headings")
@click.option("--parties", multiple=True, metavar="ID,...", help="Show these columns, in order.")
@click.option("--group", "groups", multiple=True, metavar="ID,...", help="Show these groups' rows.")
@click.option(
    "--org", type=click.Path(dir_okay=False), help="Model file that FILE's parties are in."
)
@sheet_option
@path_separator_option
@scheme_option
@paper_option("HTML printed: the paper size of the pages (default A4)")
@orientation_option("landscape")
@config_options
@handle_errors
def command(
    file: str,
    output: str | None,
    level: str | None,
    lang: str | None,
    parties: tuple[str, ...],
    groups: tuple[str, ...],
    org: str | None,
    sheet: str | None,
    path_separator: str | None,
    scheme: str | None,
    paper: Paper | None,
    landscape: bool | None,
) -> None:
    """Print or write the responsibility matrix: deliverables by row, parties by column.

    FILE is a model file, or a matrix (.csv, .xlsx, .md) or org sheet on its own.
    Without -o the table fits the terminal: party names cut shorter, or numbered
    columns with a key below.
    """
    suffix = check_suffix(output, FORMATS, "a matrix") if output is not None else None
    if FORMATS.get(suffix or "") != "html" and (paper is not None or landscape is not None):
        raise InputError("--paper, --landscape and --portrait are for HTML output (-o FILE.html)")
    model = load_source(file, org, sheet, path_separator, scheme)
    settings = configuration(file)
    lang = lang or settings.lang
    if FORMATS.get(suffix or "") == "html":
        paper, landscape = settings.page(paper, landscape)
    if not model.deliverables:
        words = console_words()
        # Translators: {file} is a model file or a table; `deliverables:` is a key, kept.
        text = words.gettext(
            "{file} has no deliverables, so the matrix has no rows; list them under"
            " `deliverables:` in a model file, or give a matrix sheet (one row per deliverable)"
        )
        echo(warning_line(text.format(file=file), words), err=True)
        if output is None:
            return
    data = showing_warnings(
        lambda: render_matrix(
            model,
            output,
            level=level,
            lang=lang,
            parties=split_list(parties) or None,
            groups=split_list(groups) or None,
            inputs=[file, *([org] if org else [])],
            paper=paper,
            landscape=landscape,
        )
    )
    if output is None:
        echo(str(data), nl=False)
    else:
        echo(wrote_line(output), err=True)
