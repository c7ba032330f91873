"""`raci report`: one self-contained HTML page with the findings, chart, matrix and figures."""

from __future__ import annotations

import click

from raci.cli._common import (
    check_suffix,
    configuration,
    echo,
    group_by_option,
    handle_errors,
    load_source,
    path_separator_option,
    showing_warnings,
)
from raci.cli._config import config_options
from raci.cli._console import wrote_line
from raci.cli._options import (
    lang_option,
    orientation_option,
    paper_option,
    scheme_option,
    sheet_option,
)
from raci.render.paper import Paper
from raci.render.report.page import SUFFIXES, render_report


@click.command(
    "report",
    epilog="""\b
Examples:
  raci report org.yaml -o report.html
  raci report org.yaml -o report.zh.html --lang zh
  raci report RACI.md --org org.yaml -o report.html
  raci report org.yaml -o report.html --paper letter --portrait

The page works offline and alone: its style, script and charts are inside it,
and it fetches nothing. Print it (or save it as PDF) for a clean annex: A4
landscape pages unless --paper or --portrait say otherwise, numbered, the chart
on pages of its own.

Exit status: 0 written, 2 the file could not be read or the command line is wrong.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, metavar="OUT", help="The report file (.html).")
@lang_option("names and of the page's words")
@click.option(
    "--org", type=click.Path(dir_okay=False), help="Model file that FILE's parties are in."
)
@sheet_option
@path_separator_option
@group_by_option
@scheme_option
@paper_option("Printed: the paper size of the pages (default A4)")
@orientation_option("landscape")
@config_options
@handle_errors
def command(
    file: str,
    output: str,
    lang: str | None,
    org: str | None,
    sheet: str | None,
    path_separator: str | None,
    group_by: str | None,
    scheme: str | None,
    paper: Paper | None,
    landscape: bool | None,
) -> None:
    """Write a report: summary, findings, org chart, searchable matrix and workload.

    FILE is a model file, or a matrix (.csv, .xlsx, .md) or org sheet on its own.
    Findings link to the matrix row or the chart box they are about; a click on a
    unit or a matrix column shows what it holds.
    """
    check_suffix(output, SUFFIXES, "a report")
    model = load_source(file, org, sheet, path_separator, scheme, group_by)
    settings = configuration(file)
    paper, landscape = settings.page(paper, landscape)
    select, ignore = settings.selection()
    showing_warnings(
        lambda: render_report(
            settings.applied_to(model),
            output,
            lang=lang or settings.lang,
            paper=paper,
            landscape=landscape,
            inputs=[file, *([org] if org else [])],
            select=select,
            ignore=ignore,
        )
    )
    echo(wrote_line(output), err=True)
