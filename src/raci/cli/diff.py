"""`raci diff`: what a restructuring changes between two versions of a model."""

from __future__ import annotations

import json
from pathlib import Path

import click

from raci.cli._common import (
    InputError,
    check_suffix,
    configuration,
    echo,
    handle_errors,
    load_version,
    sheets_for,
    showing_warnings,
    version_file,
)
from raci.cli._config import config_options
from raci.cli._console import finding_line, wrote_line
from raci.cli._options import (
    lang_option,
    orientation_option,
    paper_option,
    scheme_option,
    sheet_option,
)
from raci.output import write_atomic
from raci.render.editable.writer import SUFFIXES as EDITABLE
from raci.render.paper import Paper
from raci.restructure import Diff, diff
from raci.restructure.report import render_markdown, render_text
from raci.restructure.revision import split_revision

FORMATS = ("text", "json", "markdown")
#: Output suffixes: the report in a format, or a before/after picture.
REPORT_SUFFIXES = {".txt": "text", ".json": "json", ".md": "markdown"}
PICTURE_SUFFIXES = (".svg", ".png", ".pdf", ".dot", *EDITABLE)


def _report(change: Diff, fmt: str, lang: str | None, ids: bool, mermaid: bool = False) -> str:
    """The diff in ``fmt``: JSON always with ids, text and Markdown with names (and ids
    when asked for); Markdown with the change drawn as a Mermaid diagram when asked for."""
    if fmt == "json":
        return json.dumps(change.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        diagram = ""
        if mermaid:
            from raci.render.change.as_mermaid import change_diagram

            diagram = showing_warnings(lambda: change_diagram(change, lang))
        return render_markdown(change, lang, ids=ids, diagram=diagram)
    return render_text(change, lang, ids=ids)


@click.command(
    "diff",
    epilog="""\b
Examples:
  raci diff before.yaml after.yaml
  raci diff before.yaml after.yaml --format markdown --lang zh
  raci diff before.yaml after.yaml --ids
  raci diff HEAD~1:org.yaml org.yaml --format json
  raci diff before.yaml after.yaml -o change.png --paper A4
  raci diff before.yaml after.yaml -o change.md
  raci diff main:org.yaml org.yaml --format markdown --mermaid

OLD and NEW are model files or REV:PATH, the file as committed at a git
revision (PATH relative to the current folder). A unit of NEW that lists old
ids under `formerly` continues them (renamed, merged or split). With --mermaid,
the Markdown draws the change as a Mermaid diagram, which GitHub shows in a
pull request's comment.

Exit status: 0 compared (with or without changes), 2 an input could not be
read or the command line is wrong.""",
)
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="How to print the changes (default: text; with -o, the file's suffix decides).",
)
@lang_option("the names and of every fixed word", "NEW's language")
@click.option(
    "--ids",
    is_flag=True,
    help="Follow each name with its id in the text and Markdown (JSON always has ids).",
)
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Write to OUT: a before/after picture (.svg .png .pdf .dot, or .pptx .drawio to"
    " edit) or the report (.md .txt .json).",
)
@paper_option("Fit the picture to a page of this size")
@orientation_option("landscape for --style marked, portrait for side-by-side")
@click.option(
    "--style",
    type=click.Choice(["marked", "side-by-side"]),
    default="marked",
    show_default=True,
    help="Picture: the new structure with changes marked, or old and new side by side.",
)
@click.option(
    "--mermaid",
    is_flag=True,
    help="With the Markdown report: draw the change as a Mermaid diagram after the summary.",
)
@scheme_option
@sheet_option
@config_options
@handle_errors
def command(
    old: str,
    new: str,
    output_format: str | None,
    lang: str | None,
    ids: bool,
    output: str | None,
    paper: Paper | None,
    landscape: bool | None,
    style: str,
    mermaid: bool,
    scheme: str | None,
    sheet: str | None,
) -> None:
    """Show what changes from OLD to NEW: units created, abolished, merged, split,
    renamed, moved and relevelled; listed positions; posts established, abolished,
    redeployed, reclassified and converted, with a summary by unit; deliverables;
    changes of Accountable; responsibilities that no one holds any more; and the
    figures before and after."""
    suffix = None
    if output is not None:
        suffix = check_suffix(output, [*PICTURE_SUFFIXES, *REPORT_SUFFIXES], "a diff")
    markdown = output_format or REPORT_SUFFIXES.get(suffix or "", "text")
    if mermaid and markdown != "markdown":
        raise InputError("--mermaid draws the change in the Markdown report: add --format markdown")
    sheets = sheets_for((old, new), sheet)
    before = load_version(old, scheme, sheets[old])
    after = load_version(new, scheme, sheets[new])
    change = diff(before, after)
    lang = lang or configuration(version_file(new)).lang
    for f in change.findings:
        echo(finding_line(f), err=True)
    inputs = [p for p in (old, new) if split_revision(p) is None]
    if output is None:
        echo(_report(change, output_format or "text", lang, ids, mermaid), nl=False)
        return
    written = [Path(output)]
    if suffix in REPORT_SUFFIXES:
        fmt = output_format or REPORT_SUFFIXES[suffix]
        write_atomic(output, _report(change, fmt, lang, ids, mermaid), inputs)
    else:
        from raci.render.change.picture import render_picture

        try:
            written = showing_warnings(
                lambda: render_picture(
                    change,
                    output,
                    lang=lang,
                    paper=paper,
                    landscape=landscape,
                    style=style,
                    inputs=inputs,
                )
            )
        except ValueError as exc:
            raise InputError(str(exc)) from None
        if output_format is not None:
            echo(_report(change, output_format, lang, ids, mermaid), nl=False)
    for path in written:
        echo(wrote_line(path), err=True)
