"""Writing the responsibility matrix: a terminal table, Markdown, CSV, HTML, XLSX or LaTeX
(one private module per kind of output, each rendering a :class:`Matrix`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from raci.model import Organization, require_organization
from raci.output import write_atomic
from raci.render.formats import choose_format
from raci.render.matrix.as_html import render_html
from raci.render.matrix.as_tex import render_tex
from raci.render.matrix.as_text import (
    MatrixWidthWarning,
    render_csv,
    render_markdown,
    render_text,
)
from raci.render.matrix.as_xlsx import render_xlsx
from raci.render.matrix.table import Matrix, build_matrix
from raci.render.paper import A4, Paper
from raci.render.paper import paper as paper_named

__all__ = ["FORMATS", "RENDERERS", "MatrixWidthWarning", "check_choices", "render_matrix"]

#: Output formats by file suffix.
FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".tex": "tex",
}
#: The renderer of each format.
RENDERERS: dict[str, Callable[[Matrix], str | bytes]] = {
    "txt": render_text,
    "md": render_markdown,
    "csv": render_csv,
    "html": render_html,
    "xlsx": render_xlsx,
    "tex": render_tex,
}


def check_choices(
    org: Organization,
    caller: str,
    level: str | None,
    lang: str | None,
    parties: Sequence[str] | None,
    groups: Sequence[str] | None,
) -> None:
    """TypeError unless ``org`` is an Organization and the matrix's choices are of their
    types: ``level`` and ``lang`` a str, ``parties`` and ``groups`` lists of them."""
    require_organization(org, caller)
    for name, value in (("level", level), ("lang", lang)):
        if value is not None and not isinstance(value, str):
            msg = f"{name} must be a str (got {type(value).__name__})"
            raise TypeError(msg)
    for name, items in (("parties", parties), ("groups", groups)):
        if items is not None and (
            isinstance(items, str) or not all(isinstance(i, str) for i in items)
        ):
            msg = f"{name} must be a list of ids or names (got {items!r:.60})"
            raise TypeError(msg)


def render_matrix(
    org: Organization,
    path: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    level: str | None = None,
    lang: str | None = None,
    parties: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
    width: int | None = None,
    paper: str | Paper | None = None,
    landscape: bool | None = None,
) -> str | bytes:
    """Render the matrix of ``org`` and, given a ``path``, write it there atomically.

    The format follows the path's suffix (``.txt .md .html .csv .xlsx .tex``) unless
    ``format`` names one; without either it is the terminal table. Returns the output
    (bytes for XLSX). ``inputs`` are files the output must not overwrite. ``width`` is
    the columns the terminal table may take: by default the terminal's when there is no
    ``path``, no limit in a file; 0 for no limit. A table that cannot fit warns with
    :class:`MatrixWidthWarning`. An HTML page prints on ``paper`` (A4 by default),
    landscape unless ``landscape`` is False.
    """
    check_choices(org, "render_matrix", level, lang, parties, groups)
    if width is not None and (isinstance(width, bool) or not isinstance(width, int)):
        msg = f"width must be an int (got {type(width).__name__})"
        raise TypeError(msg)
    if width is not None and width < 0:
        msg = f"width must be 0 (no limit) or more (got {width})"
        raise ValueError(msg)
    format = choose_format(path, format, FORMATS, RENDERERS, "a matrix", ".txt")
    if format != "html" and (paper is not None or landscape is not None):
        msg = f"paper and landscape are for an HTML matrix, not {format.upper()}"
        raise ValueError(msg)
    matrix = build_matrix(org, level=level, lang=lang, parties=parties, groups=groups)
    if format == "txt":
        data: str | bytes = render_text(
            matrix, width if width is not None else (0 if path is not None else None)
        )
    elif format == "html":
        data = render_html(matrix, paper_named(paper or A4), landscape=landscape is not False)
    else:
        data = RENDERERS[format](matrix)
    if path is not None:
        write_atomic(
            path, data, inputs=[*inputs, *([org.source] if Path(org.source).exists() else [])]
        )
    return data
