"""Writing per-post responsibility sheets: Markdown, HTML, CSV, XLSX or PDF (one private
module per kind of output, each rendering a :class:`~raci.render.cascade.book.Book`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from raci.analysis.cascade import Cascade
from raci.model import Organization
from raci.output import write_atomic
from raci.render.cascade.as_pdf import render_pdf
from raci.render.cascade.as_text import render_csv, render_html, render_markdown
from raci.render.cascade.as_xlsx import render_xlsx
from raci.render.cascade.book import Book, choose_posts, make_book
from raci.render.cascade.limits import check_characters, check_roles
from raci.render.engine import FontWarning
from raci.render.formats import choose_format
from raci.render.paper import A4, Paper

__all__ = ["FORMATS", "RENDERERS", "FontWarning", "render_cascade"]

#: Output formats by file suffix.
FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
}
#: The renderer of each format.
RENDERERS: dict[str, Callable[[Book], str | bytes]] = {
    "md": render_markdown,
    "html": render_html,
    "csv": render_csv,
    "xlsx": render_xlsx,
    "pdf": render_pdf,
}


def render_cascade(
    org: Organization,
    path: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    posts: Sequence[str] | None = None,
    units: Sequence[str] | None = None,
    lang: str | None = None,
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> str | bytes:
    """Render the sheets of ``posts`` and of the posts in ``units`` and the units below
    them (default: every post) and, given a ``path``, write them there atomically. The
    format follows the path's suffix (``.md .html .csv .xlsx .pdf``) unless ``format``
    names one; without either it is Markdown. A PDF's pages are ``paper`` (A4 by
    default), portrait unless ``landscape``. Returns the output (bytes for XLSX and PDF).
    ``inputs`` are files the output must not overwrite.

    Raises QueryError for an unknown post or unit, and OutputError, before anything is
    written, when the sheets would hold more than a file of the format holds
    (:data:`~raci.render.cascade.limits.LIMITS`).
    """
    format = choose_format(path, format, FORMATS, RENDERERS, "cascade sheets", ".md")
    if format != "pdf" and (paper is not None or landscape is not None):
        msg = f"paper and landscape are for PDF cascade sheets, not {format.upper()}"
        raise ValueError(msg)
    cascade = Cascade(org)
    chosen = choose_posts(cascade, posts, units)
    check_roles(sum(cascade.held_count(p) for p in chosen), len(chosen), format)
    book = make_book(cascade, chosen, lang)
    check_characters(book.characters(), len(chosen), format)
    if format == "pdf":
        data: str | bytes = render_pdf(book, paper or A4, landscape=landscape)
    else:
        data = RENDERERS[format](book)
    if path is not None:
        write_atomic(
            path, data, inputs=[*inputs, *([org.source] if Path(org.source).exists() else [])]
        )
    return data
