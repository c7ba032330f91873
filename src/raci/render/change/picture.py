"""The before/after picture of a restructuring, as DOT and as SVG, PNG or PDF.

Two styles:

- ``marked`` (the default): the new structure laid out as the org chart is, each unit
  marked by what happened to it (new, merged, split, renamed, moved, relevelled: a mark,
  a colour and a border each), the abolished units in a group of their own, and a key
  of the kinds shown (:mod:`raci.render.change.marked`).
- ``side-by-side``: the old structure and the new one next to each other, with a line
  from each old unit to the units that continue it
  (:mod:`raci.render.change.side_by_side`).

On paper, each page is exactly the paper's size, with a running header and its number;
a marked picture that would not read on one page is cut into pages as the chart is.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import overload

from raci.findings import number, say
from raci.output import in_memory, numbered, write_atomic
from raci.render import engine
from raci.render.change.marked import NOTE_SIZE, Marked
from raci.render.change.sheet import Drawn, Sheet
from raci.render.change.side_by_side import ROW_SIZE, SideBySide
from raci.render.chart.orgchart import LEGIBLE, ChartWarning
from raci.render.editable.writer import SUFFIXES as EDITABLE
from raci.render.editable.writer import write_editable
from raci.render.pages import RunningHead
from raci.render.paper import Paper
from raci.render.paper import paper as paper_named
from raci.render.pdf import merge_pdfs, on_paper
from raci.restructure.diff import Diff

__all__ = [
    "STYLES",
    "SUFFIXES",
    "ChartWarning",
    "picture_source",
    "picture_sources",
    "render_picture",
]

STYLES = ("marked", "side-by-side")
SUFFIXES = (".svg", ".png", ".pdf", ".dot", *EDITABLE)


def picture_sources(
    change: Diff,
    *,
    lang: str | None = None,
    style: str = "marked",
    paper: str | Paper | None = None,
    landscape: bool | None = None,
) -> list[str]:
    """The DOT text of each page of the picture (one without paper), every node and line
    at its place (render with Graphviz's ``nop2`` layout, which the text names)."""
    return [page.source for page in _pages(change, lang, style, paper, landscape)]


def picture_source(
    change: Diff,
    *,
    lang: str | None = None,
    style: str = "marked",
    paper: str | Paper | None = None,
    landscape: bool | None = None,
) -> str:
    """The DOT text of the picture's first page (the whole picture without paper)."""
    return picture_sources(change, lang=lang, style=style, paper=paper, landscape=landscape)[0]


def _pages(
    change: Diff,
    lang: str | None,
    style: str,
    paper: str | Paper | None,
    landscape: bool | None,
) -> list[Drawn]:
    """Each page: its DOT text, its paper and the scale it is drawn at on it."""
    if style not in STYLES:
        msg = f"unknown picture style {style!r}; expected one of {', '.join(STYLES)}"
        raise ValueError(msg)
    sheets = Sheet.choices(paper_named(paper), landscape) if paper is not None else []
    if style == "marked":
        return Marked(change, lang, sheets).pages()
    picture = SideBySide(change, lang)
    canvas, width, height = picture.draft()
    if not sheets:
        return [canvas.source(width, height, picture.fonts)]
    # Portrait unless landscape draws the lists larger.
    sheet = max(reversed(sheets), key=lambda s: s.scale(width, height))
    head = RunningHead(picture.title(), 1, 1, "", lang or change.new.language)
    return [canvas.source(width, height, picture.fonts, sheet, head)]


@overload
def render_picture(
    change: Diff,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    lang: str | None = None,
    style: str = "marked",
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> list[Path]: ...


@overload
def render_picture(
    change: Diff,
    path: None = None,
    *,
    format: str | None = None,
    lang: str | None = None,
    style: str = "marked",
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> str | bytes: ...


def render_picture(
    change: Diff,
    path: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    lang: str | None = None,
    style: str = "marked",
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> list[Path] | str | bytes:
    """Write the before/after picture to ``path`` (.svg, .png, .pdf or .dot, or an editable
    figure: .pptx, .drawio), atomically, and return the files written: one, or on paper,
    when the picture takes several pages, one PDF, PPTX or draw.io file of them all or a
    file per page of other formats (``change-1.svg``...). Without ``path``, returns the
    picture itself in ``format`` (``svg`` by default): text for SVG, DOT and draw.io,
    bytes for PNG, PDF and PPTX. Warns with a :class:`ChartWarning` when text comes out
    under 6 pt on the paper."""
    if path is None:
        fmt = (format or "svg").lower().lstrip(".")
        if f".{fmt}" not in SUFFIXES:
            msg = f"cannot draw a picture as {fmt!r}; use one of {', '.join(SUFFIXES)}"
            raise ValueError(msg)
        return in_memory(
            lambda target: _write(change, target, lang, style, paper, landscape, []),
            f"change.{fmt}",
            text=fmt in ("svg", "dot", "drawio"),
            what="picture",
        )
    if not isinstance(path, (str, os.PathLike)):
        msg = f"path must be a file path (got {type(path).__name__})"
        raise TypeError(msg)
    target = Path(path)
    suffix = target.suffix.lower().lstrip(".")
    if format is not None and format.lower().lstrip(".") != suffix:
        msg = f"format {format!r} does not match the path's suffix {target.suffix!r}"
        raise ValueError(msg)
    if f".{suffix}" not in SUFFIXES:
        msg = f"cannot write a picture as .{suffix}; use {', '.join(SUFFIXES)}"
        raise ValueError(msg)
    return _write(change, target, lang, style, paper, landscape, list(inputs))


def _write(
    change: Diff,
    target: Path,
    lang: str | None,
    style: str,
    paper: str | Paper | None,
    landscape: bool | None,
    inputs: list[str | os.PathLike[str]],
) -> list[Path]:
    """Draw the picture's pages and write them to ``target`` (numbered beside it)."""
    suffix = target.suffix.lower().lstrip(".")
    pages = _pages(change, lang, style, paper, landscape)
    smallest = NOTE_SIZE if style == "marked" else ROW_SIZE
    worst = min(page.scale for page in pages)
    if paper is not None and smallest * worst < LEGIBLE:
        # Translators: {paper} is a paper size (A4); {percent} is followed by the percent
        # sign, {size} and {legible} by "pt" (typographic points); {option} is an option.
        said = say(
            "on {paper} paper the picture is scaled to {percent}%, so its smallest text is"
            " {size} pt (under {legible} pt); choose a larger {option}",
            paper=paper_named(paper).name,
            percent=round(worst * 100),
            size=number(smallest * worst, 1),
            legible=number(LEGIBLE),
            option="--paper",
        )
        warnings.warn(ChartWarning(said), stacklevel=2)
    if f".{suffix}" in EDITABLE:
        note = write_editable([page.editable() for page in pages], target, inputs)
        if note is not None:
            warnings.warn(ChartWarning(note), stacklevel=2)
        return [target]
    if suffix == "dot":
        data = [page.source.encode("utf-8") for page in pages]
    else:
        dpi = 150 if suffix == "png" else None
        data = [engine.render(page.source, suffix, dpi=dpi) for page in pages]
    sheet = pages[0].sheet
    if suffix == "pdf" and sheet is not None:
        # Every page exactly the paper's size, whatever Graphviz rounds it to.
        data = [on_paper(data, (sheet.width, sheet.height), 0, centred=True)]
    elif suffix == "pdf" and len(data) > 1:
        data = [merge_pdfs(data)]
    if len(data) == 1:
        write_atomic(target, data[0], inputs)
        return [target]
    written = numbered(target, len(data))
    for file, payload in zip(written, data, strict=True):
        write_atomic(file, payload, inputs)
    return written
