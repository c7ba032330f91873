"""`raci chart`: draw the org chart with Graphviz."""

from __future__ import annotations

import warnings
from typing import Any

import click

from raci.cli._common import (
    InputError,
    check_suffix,
    echo,
    handle_errors,
    load_source,
    path_separator_option,
)
from raci.render.chart.orgchart import PAPERS, SUFFIXES, paper_size, render_chart


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

With --split-by, a PDF gets one page per subtree; SVG, PNG and DOT get one
file per subtree: chart-1.svg, chart-2.svg... With --paper as well, the first
page is an overview whose boxes say on which page each subtree continues.
--split-by auto --paper A4 makes as many pages as it takes for the text to
stay 6 pt or larger, each box where a page stops saying where it continues.

Exit status: 0 written, 2 the file could not be read or the command line is wrong.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT",
    help="The chart file: .svg, .png, .pdf or .dot (the format follows the suffix).",
)
@click.option("--root", metavar="ID", help="Draw only this unit and what is below it.")
@click.option(
    "--depth",
    type=int,
    metavar="N",
    help="Draw N levels below the root (0: the root alone).",
)
@click.option("--lang", metavar="LANG", help="Language of the names (default: the model's).")
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
@click.option(
    "--paper",
    metavar="SIZE",
    help=f"Pages of this paper size ({', '.join(PAPERS)}), the chart scaled to fit.",
)
@click.option(
    "--landscape/--portrait",
    "landscape",
    default=None,
    help="Page orientation with --paper (default: whichever fits the chart better).",
)
@click.option(
    "--dpi",
    metavar="N",
    help="Resolution of a PNG, in dots per inch (default 150).",
)
@click.option(
    "--max-pixels",
    metavar="N",
    help="The most pixels a PNG may have (default 50000000); a larger one is scaled down.",
)
@click.option("--heads/--no-heads", default=True, show_default=True, help="Show the head's post.")
@click.option(
    "--headcount/--no-headcount", default=True, show_default=True, help="Show headcounts."
)
@click.option("--sheet", metavar="NAME", help="Sheet of an XLSX FILE to read (default: the first).")
@path_separator_option
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
    paper: str | None,
    landscape: bool | None,
    dpi: str | None,
    max_pixels: str | None,
    heads: bool,
    headcount: bool,
    sheet: str | None,
    path_separator: str | None,
) -> None:
    """Draw the organization chart of FILE (a model file or an org sheet: parent column,
    path column or Level columns; a people sheet shows each person's title)."""
    check_suffix(output, SUFFIXES, "a chart")
    if depth is not None and depth < 0:
        raise click.BadParameter(f"must be 0 or more (got {depth})", param_hint="'--depth'")
    if paper is not None and paper_size(paper) is None:
        raise InputError(
            f"unknown paper size {paper!r} for --paper; use one of {', '.join(PAPERS)}"
        )
    if landscape is not None and paper is None:
        raise InputError("--landscape and --portrait need --paper")
    if split_by == "auto" and paper is None:
        raise InputError("--split-by auto needs --paper: it cuts the chart where that paper needs")
    if split_by == "auto" and depth is not None:
        raise InputError("--split-by auto chooses how deep each page goes; leave out --depth")
    dots = _number(dpi, "--dpi", float, 1, 2400)
    pixels = _number(max_pixels, "--max-pixels", int, 10_000, None)
    if (dots is not None or pixels is not None) and not output.lower().endswith(".png"):
        raise InputError("--dpi and --max-pixels are for PNG output")
    org = load_source(file, sheet=sheet, path_separator=path_separator)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            written = render_chart(
                org,
                output,
                root=root,
                depth=depth,
                lang=lang,
                positions=positions,
                highlight=highlight,
                split_by=split_by,
                title=title,
                stack=stack,
                heads=heads,
                headcount=headcount,
                paper=paper,
                orientation=None if landscape is None else "landscape" if landscape else "portrait",
                dpi=dots,
                max_pixels=pixels,
            )
        except ValueError as exc:
            raise InputError(str(exc)) from None
    for w in caught:
        echo(f"warning: {w.message}", err=True)
    for path in written:
        echo(f"wrote {path}")


def _number(
    text: str | None, option: str, kind: type[float] | type[int], low: float, high: float | None
) -> Any:
    """The option's value as a number within bounds; a one-line error (exit 2) otherwise."""
    if text is None:
        return None
    try:
        value = kind(text.replace("_", "").replace(",", ""))
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise InputError(f"{option} must be {what} (got {text!r})") from None
    if value < low or (high is not None and value > high):
        bounds = f"between {low:,g} and {high:,g}" if high is not None else f"{low:,g} or more"
        raise InputError(f"{option} must be {bounds} (got {text})")
    return value
