"""Cascade sheets as a PDF: one page per post (A4 unless told otherwise), ready to hand out.

Each sheet is laid out as a Graphviz HTML-like table (the engine bundled with the
``pygraphviz`` wheel renders it, with CJK fonts when the language needs them), then
placed at the top of a page, scaled down only when it would not fit.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from raci._text import has_cjk
from raci.render.cascade.as_text import sheet_facts
from raci.render.cascade.book import Book, Line, Sheet
from raci.render.dot import esc, shown, wrapped
from raci.render.engine import (
    CJK_FONT_HINT,
    FontWarning,
    cjk_font_available,
    font_families,
    on_paper,
    render,
)
from raci.render.legend.as_dot import legend_dot
from raci.render.palette import lead_colour
from raci.render.paper import A4, Paper
from raci.render.paper import paper as paper_named

#: The margin kept around a sheet on its page, in points.
MARGIN = 42.0
#: Widest text, in columns, before a cell wraps its text onto the next line.
_WRAP = {"name": 52, "via": 26, "group": 80, "fact": 70}


def _text(value: str, width: int, fallback: str = "") -> str:
    """Text for an HTML-like label: escaped, wrapped, its lines aligned left; ``fallback``
    (an id) when nothing of ``value`` would show."""
    return wrapped(shown(value, fallback), width, br='<BR ALIGN="LEFT"/>')


def _table(book: Book, lines: Sequence[Line], inherited: bool) -> list[str]:
    head = [book.word("deliverable"), book.word("role")]
    if inherited:
        head.append(book.word("through"))
    head.append(book.word("due"))
    columns = len(head)
    out = [
        "<TR>"
        + "".join(f'<TD BGCOLOR="#f3f4f6" ALIGN="LEFT"><B>{esc(h)}</B></TD>' for h in head)
        + "</TR>"
    ]
    group = None
    for line in lines:
        if line.group != group:
            group = line.group
            if line.group_label:
                out.append(
                    f'<TR><TD COLSPAN="{columns}" BGCOLOR="#eef2f7" ALIGN="LEFT" BALIGN="LEFT"><B>'
                    f"{_text(line.group_label, _WRAP['group'], line.group)}</B></TD></TR>"
                )
        lead = lead_colour(book.scheme, line.roles)
        colour = f' BGCOLOR="{lead.fill}"' if lead is not None else ""
        name = _text(line.name, _WRAP["name"], line.deliverable)
        cells = [
            f'<TD ALIGN="LEFT" BALIGN="LEFT">{name}</TD>',
            f"<TD{colour}><B>{esc(line.letters)}</B></TD>",
        ]
        if inherited:
            via = _text(line.via_name, _WRAP["via"], line.via)
            cells.append(f'<TD ALIGN="LEFT" BALIGN="LEFT">{via}</TD>')
        cells.append(f"<TD>{esc(line.due)}</TD>")
        out.append("<TR>" + "".join(cells) + "</TR>")
    return out


def _inner(rows: list[str]) -> str:
    return (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" COLOR="#d1d5db">'
        + "".join(rows)
        + "</TABLE>"
    )


def sheet_dot(book: Book, sheet: Sheet) -> str:
    """The DOT text of one post's sheet: a single HTML-like table."""
    rows = [
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="18"><B>'
        f"{_text(sheet.title, 48, sheet.post)}</B></FONT>"
        f'<BR ALIGN="LEFT"/><FONT COLOR="#555555">{_text(sheet.post, 80)}</FONT></TD></TR>'
    ]
    facts = "".join(
        f'<TR><TD ALIGN="LEFT"><B>{esc(book.word(key))}</B></TD>'
        f'<TD ALIGN="LEFT" BALIGN="LEFT">{_text(value, _WRAP["fact"])}</TD></TR>'
        for key, value in sheet_facts(book, sheet)
    )
    rows.append(
        '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0"'
        f' CELLPADDING="2">{facts}</TABLE></TD></TR>'
    )
    for key, lines, inherited, empty in (
        ("direct", sheet.direct, False, "nothing"),
        ("inherited", sheet.inherited, True, "no-inherited"),
    ):
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="13"><B>{esc(book.word(key))}'
            "</B></FONT></TD></TR>"
        )
        body = (
            _inner(_table(book, lines, inherited)) if lines else f"<I>{esc(book.word(empty))}</I>"
        )
        rows.append(f'<TR><TD ALIGN="LEFT">{body}</TD></TR>')
    legend = legend_dot(book.scheme, book.language, size=9, caption=book.word("legend"))
    rows.append(f'<TR><TD ALIGN="LEFT">{legend}</TD></TR>')
    label = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>"
    )
    font = font_families(book.language).replace('"', "")
    return (
        "digraph sheet {\n"
        f'  graph [margin=0, pad=0, fontname="{font}"];\n'
        f'  node [shape=plaintext, margin=0, fontname="{font}", fontsize=10];\n'
        f"  sheet [label=<{label}>];\n"
        "}\n"
    )


def render_pdf(book: Book, paper: str | Paper = A4, *, landscape: bool | None = None) -> bytes:
    """One page per post, in the book's order, on ``paper`` (portrait unless
    ``landscape``). Warns with :class:`FontWarning` when the sheets hold Chinese,
    Japanese or Korean text and no font has those glyphs."""
    size = paper_named(paper).points(landscape=bool(landscape))
    dots = [sheet_dot(book, sheet) for sheet in book.sheets]
    if any(has_cjk(dot) for dot in dots) and not cjk_font_available():
        warnings.warn(CJK_FONT_HINT, FontWarning, stacklevel=3)
    return on_paper([render(dot, "pdf", engine="dot") for dot in dots], size, MARGIN)
