"""`raci annex`: the restructuring annex, one Word document (or PDF) that tells the change."""

from __future__ import annotations

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
from raci.cli._options import lang_option, paper_option, scheme_option, sheet_option
from raci.render.paper import Paper
from raci.restructure import diff
from raci.restructure.revision import split_revision

#: What the annex is written as.
SUFFIXES = (".docx", ".pdf")


@click.command(
    "annex",
    epilog="""\b
Examples:
  raci annex before.yaml after.yaml -o annex.docx
  raci annex before.yaml after.yaml -o annex.pdf --lang zh
  raci annex HEAD~1:org.yaml org.yaml -o annex.docx --paper Letter

OLD and NEW are model files or REV:PATH, the file as committed at a git
revision (PATH relative to the current folder). A .pdf is the same document
converted by LibreOffice (soffice on PATH).

Exit status: 0 written, 2 an input could not be read, the command line is
wrong or the annex could not be written.""",
)
@click.argument("old")
@click.argument("new")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT",
    help="Write the annex here: .docx (Word) or .pdf (the same, through LibreOffice).",
)
@lang_option("the names and of every fixed word", "NEW's language")
@paper_option("The paper size of the pages (default A4)")
@scheme_option
@sheet_option
@config_options
@handle_errors
def command(
    old: str,
    new: str,
    output: str,
    lang: str | None,
    paper: Paper | None,
    scheme: str | None,
    sheet: str | None,
) -> None:
    """Write the restructuring annex of OLD to NEW: a title page, the contents, the
    summary of the change, the organigrams before and after, the staffing table
    (approved, proposed, change), the post changes and the responsibility matrix after
    the change, with page numbers, in one language."""
    check_suffix(output, SUFFIXES, "an annex")
    sheets = sheets_for((old, new), sheet)
    before = load_version(old, scheme, sheets[old])
    after = load_version(new, scheme, sheets[new])
    change = diff(before, after)
    settings = configuration(version_file(new))
    lang = lang or settings.lang
    paper = paper if paper is not None else settings.paper
    for f in change.findings:
        echo(finding_line(f), err=True)
    inputs = [p for p in (old, new) if split_revision(p) is None]
    from raci.render.annex.writer import render_annex

    try:
        showing_warnings(
            lambda: render_annex(change, output, lang=lang, paper=paper, inputs=inputs)
        )
    except ValueError as exc:
        raise InputError(str(exc)) from None
    echo(wrote_line(output), err=True)
