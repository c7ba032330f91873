"""`raci chart`: draw the org chart with Graphviz."""

from __future__ import annotations

import click

from raci.cli._common import (
    InputError,
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
from raci.render.chart.options import AUTO, LEAST_PIXELS, MOST_PIXELS, ChartOptions
from raci.render.chart.orgchart import DATA, SUFFIXES, render_chart
from raci.render.paper import Paper


@click.command(
    "chart",
    epilog="""\b
Examples:
  raci chart org.yaml -o chart.svg
  raci chart org.yaml -o chart.zh.png --lang zh
  raci chart org.yaml -o gsd.pdf --root gsd --depth 2 --positions
  raci chart org.yaml -o fs.svg --highlight fs-2019
  raci chart org.yaml -o divisions.pdf --split-by division
  raci chart org.yaml -o chart.pdf --paper A3
  raci chart org.yaml -o pages.pdf --paper A4 --split-by division
  raci chart org.yaml -o book.pdf --paper A4 --split-by auto
  raci chart org.csv -o chart.png --dpi 300
  raci chart org.yaml -o chart.mmd --depth 2
  raci chart org.yaml -o org.graphml --positions

With --split-by, a PDF gets one page per subtree; SVG, PNG and DOT get one
file per subtree: chart-1.svg, chart-2.svg... With --paper as well, the first
page is an overview whose boxes say on which page each subtree continues.
--split-by auto --paper A4 makes as many pages as it takes for the text to
stay 6 pt or larger, each box where a page stops saying where it continues.
A .mmd chart is a Mermaid flowchart, which GitHub draws in Markdown; .graphml
(yEd) and .gexf (Gephi) hold the units as a graph, with their figures.

Exit status: 0 written, 2 the file could not be read or the command line is wrong.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT",
    help=(
        "The chart file: .svg, .png, .pdf or .dot, .pptx or .drawio to edit, .mmd (Mermaid),"
        " .graphml or .gexf (the format follows the suffix)."
    ),
)
@click.option("--root", metavar="ID", help="Draw only this unit and what is below it.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="Draw N levels below the root (0: the root alone).",
)
@lang_option("the names and the chart's words")
@click.option("--positions", is_flag=True, help="List the posts in their units.")
@click.option(
    "--highlight",
    metavar="DELIVERABLE",
    help="Colour each unit and post by its role on this deliverable, with a legend.",
)
@click.option(
    "--split-by",
    metavar="LEVEL",
    help=(
        "One page per subtree at this level (a level name, or a depth below the root);"
        " 'auto' with --paper: cut wherever the paper needs, so every page reads."
    ),
)
@click.option("--title", help="A title above the chart.")
@click.option(
    "--stack",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    metavar="N",
    help="Draw at most N leaf units side by side; more stack in columns.",
)
@paper_option("Pages of this paper size, the chart scaled to fit")
@orientation_option("with --paper, whichever fits the chart better")
@click.option(
    "--dpi",
    type=click.FloatRange(1, 2400),
    metavar="N",
    help="Resolution of a PNG, in dots per inch (default 150).",
)
@click.option(
    "--max-pixels",
    type=click.IntRange(min=LEAST_PIXELS, max=MOST_PIXELS),
    metavar="N",
    help=(
        "The most pixels a PNG may have (default 50000000, at most 250000000); a larger one"
        " is scaled down. For a chart larger still, SVG and PDF stay sharp at any size."
    ),
)
@click.option("--heads/--no-heads", default=True, show_default=True, help="Show the head's post.")
@click.option(
    "--headcount/--no-headcount", default=True, show_default=True, help="Show headcounts."
)
@click.option(
    "--key/--no-key",
    default=True,
    show_default=True,
    help="Explain the lines, boxes and colours the chart uses in a key above it.",
)
@sheet_option
@path_separator_option
@group_by_option
@scheme_option
@config_options
@handle_errors
def command(
    file: str,
    output: str,
    root: str | None,
    depth: int | None,
    lang: str | None,
    positions: bool,
    highlight: str | None,
    split_by: str | None,
    title: str | None,
    stack: int,
    paper: Paper | None,
    landscape: bool | None,
    dpi: float | None,
    max_pixels: int | None,
    heads: bool,
    headcount: bool,
    key: bool,
    sheet: str | None,
    path_separator: str | None,
    group_by: str | None,
    scheme: str | None,
) -> None:
    """Draw the organization chart of FILE (a model file or an org sheet: parent column,
    path column or Level columns; a people sheet shows each person's title)."""
    suffix = check_suffix(output, SUFFIXES, "a chart")
    drawn_only = {"--paper": paper, "--split-by": split_by, "--highlight": highlight}
    given = [flag for flag, value in drawn_only.items() if value is not None]
    if suffix in DATA and given:
        named = " and ".join([", ".join(given[:-1]), given[-1]] if len(given) > 1 else given)
        raise InputError(
            f"{named} {'is' if len(given) == 1 else 'are'} for drawn charts; a {suffix} chart"
            " is drawn by the tool that opens it: choose its units with --root and --depth"
        )
    if landscape is not None and paper is None:
        raise InputError("--landscape and --portrait need --paper")
    if split_by == AUTO and paper is None:
        raise InputError("--split-by auto needs --paper: it cuts the chart where that paper needs")
    if split_by == AUTO and depth is not None:
        raise InputError("--split-by auto chooses how deep each page goes; leave out --depth")
    if (dpi is not None or max_pixels is not None) and not output.lower().endswith(".png"):
        raise InputError("--dpi and --max-pixels are for PNG output")
    options = ChartOptions(
        root=root,
        depth=depth,
        lang=lang or configuration(file).lang,
        positions=positions,
        highlight=highlight,
        split_by=split_by,
        title=title,
        stack=stack,
        heads=heads,
        headcount=headcount,
        key=key,
        paper=paper,
        landscape=landscape,
        dpi=dpi,
        max_pixels=max_pixels,
    )
    org = load_source(
        file, sheet=sheet, path_separator=path_separator, scheme=scheme, group_by=group_by
    )
    if not org.units and org.deliverables:
        raise InputError(
            f"there are no units to chart in {file}: a RACI table names parties, not the"
            f" units they belong to; see it with `raci matrix {file}`"
        )
    try:
        written = showing_warnings(lambda: render_chart(org, output, options))
    except ValueError as exc:
        raise InputError(str(exc)) from None
    for path in written:
        echo(wrote_line(path))
