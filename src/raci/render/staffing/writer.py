"""Writing the staffing table: text, Markdown, JSON, CSV, XLSX, LaTeX or DOCX, chosen by
name or by the file's suffix."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from raci.analysis.staffing import Staffing
from raci.output import write_atomic
from raci.render.formats import choose_format
from raci.render.paper import A4, Paper
from raci.render.paper import paper as paper_named
from raci.render.staffing.as_csv import render_csv
from raci.render.staffing.as_tex import render_tex
from raci.render.staffing.as_text import render_markdown, render_text
from raci.render.staffing.sheet import build_sheet

__all__ = ["FORMATS", "PRINTED", "SUFFIXES", "render_staffing"]

#: Output formats by file suffix.
SUFFIXES = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".tex": "tex",
    ".docx": "docx",
}
FORMATS = tuple(dict.fromkeys(SUFFIXES.values()))
#: The formats printed on pages, which take a paper size and an orientation.
PRINTED = ("tex", "docx")


def render_staffing(
    table: Staffing,
    path: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    lang: str | None = None,
    ids: bool = False,
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> str | bytes:
    """Render ``table`` and, given a ``path``, write it there atomically (never over one
    of ``inputs`` or the models' own files).

    The format follows the path's suffix unless ``format`` names one (text without
    either). Names are in ``lang`` (default: the model's language), or ids with ``ids``;
    the JSON always has both. LaTeX and DOCX print on ``paper`` (A4 by default),
    landscape unless ``landscape`` is False. Returns the output (bytes for XLSX and DOCX).
    """
    format = choose_format(path, format, SUFFIXES, FORMATS, "a staffing table", ".txt")
    if format not in PRINTED and (paper is not None or landscape is not None):
        msg = f"paper and landscape are for LaTeX and DOCX, not {format.upper()}"
        raise ValueError(msg)
    data: str | bytes
    if format == "json":
        data = json.dumps(table.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
    else:
        sheet = build_sheet(table, lang=lang, ids=ids)
        page, wide = paper_named(paper or A4), landscape is not False
        if format == "text":
            data = render_text(sheet)
        elif format == "markdown":
            data = render_markdown(sheet)
        elif format == "csv":
            data = render_csv(sheet)
        elif format == "tex":
            data = render_tex(sheet, page, landscape=wide)
        elif format == "xlsx":
            from raci.render.staffing.as_xlsx import render_xlsx

            data = render_xlsx(sheet)
        else:
            from raci.render.staffing.as_docx import render_docx

            data = render_docx(sheet, page, landscape=wide)
    if path is not None:
        models = [m.source for m in (table.org, table.before) if m is not None]
        write_atomic(path, data, [*inputs, *(m for m in models if Path(m).exists())])
    return data
