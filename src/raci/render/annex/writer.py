"""Writing the annex: a Word document (``.docx``) or, through LibreOffice, a PDF."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from raci.output import refuse_inputs, write_atomic
from raci.render.annex.document import build_annex
from raci.render.paper import A4, Paper
from raci.render.paper import paper as paper_named

if TYPE_CHECKING:
    from raci.restructure.diff import Diff

__all__ = ["SUFFIXES", "render_annex"]

#: What the annex is written as, by the file's suffix.
SUFFIXES = (".docx", ".pdf")


def render_annex(
    change: Diff,
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    paper: str | Paper | None = None,
    inputs: Collection[str | os.PathLike[str]] = (),
) -> bytes:
    """Write the restructuring annex of ``change`` to ``path`` atomically (never over one
    of ``inputs`` or the models' own files), as Word (``.docx``) or as a PDF that
    LibreOffice makes of the same document (``.pdf``); return its bytes.

    Every fixed word and name is in ``lang`` (default: NEW's language), the pages are
    ``paper`` (A4 by default). ValueError for another suffix; OutputError when python-docx
    or, for a PDF, LibreOffice is missing.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        what = suffix or "a file without suffix"
        msg = f"cannot write an annex as {what!r}; use one of {', '.join(SUFFIXES)}"
        raise ValueError(msg)
    models = [m.source for m in (change.old, change.new) if Path(m.source).exists()]
    refuse_inputs(path, [*inputs, *models])
    pdf = suffix == ".pdf"
    language = lang or change.new.language
    data = build_annex(change, lang=language, paper=paper_named(paper or A4), vector=pdf)
    if pdf:
        from raci.render.annex.pdf import to_pdf

        data = to_pdf(data)
    write_atomic(path, data, [*inputs, *models])
    return data
