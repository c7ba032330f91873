"""Cascade sheets as a PDF on paper (A4 unless told otherwise), ready to hand out.

Each sheet starts a page; a sheet longer than a page goes on to the next one, its
table's header repeated. Every page carries a running header (the organization, the
book's name) and its number. Tables span the text width with the same columns on
every page. The book is drawn by Graphviz some pages at a time (the engine bundled with
the ``pygraphviz`` wheel lays out its HTML-like tables, with CJK fonts when the language
needs them) and cut into pages afterwards; every drawing first draws each of the book's
texts, out of any page, so that all embed the same fonts and each font is embedded once
per file. In a language read right to left every page is mirrored: text keeps to the
right, and a table's first column is on the right.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Sequence

import attrs

from raci import progress
from raci._text import scripts
from raci.render.cascade.as_text import sheet_facts
from raci.render.cascade.book import Book, Line, Sheet
from raci.render.cascade.pdf_pages import Block, Page, Piece, Table, paginate
from raci.render.dot import esc, shown, wrapped
from raci.render.engine import FontWarning, font_families, measure, missing_fonts, render
from raci.render.legend.as_dot import legend_dot
from raci.render.pages import page_number
from raci.render.palette import lead_colour
from raci.render.paper import A4, Paper
from raci.render.paper import paper as paper_named
from raci.render.pdf import PAGE_MARK, cut_pages

#: The margin kept around the text on every page, in points.
MARGIN = 42.0
#: Room above the text for the running header, and below it for the page number.
HEADER = 28.0
FOOTER = 22.0
#: Space between the blocks of a sheet.
GAP = 6.0
#: The body text size, and the width of one column of text at that size (a CJK
#: character takes two), kept wide so that wrapped text never outgrows its cell.
SIZE = 10
_COLUMN = 6.0
#: Padding inside a table cell; its border adds one point on each side.
_PAD = 4
#: Pages drawn at a time, so that Graphviz and the PDF reader are given drawings of a
#: bounded size (the drawings of a book share their fonts: see :func:`every_glyph`).
CHUNK = 60
#: Labels measured in one Graphviz run.
MEASURE_BATCH = 2000
#: The tags and texts of a label; a run of digits in a text, or an entity.
_PIECES = re.compile(r"(<[^>]*>)")
_DIGITS = re.compile(r"(&#?\w+;)|\d+")


def _side(rtl: bool) -> str:
    """The side text keeps to: the left, or the right in a language read right to left."""
    return "RIGHT" if rtl else "LEFT"


def _start(rtl: bool) -> str:
    """A cell's text, and each of its lines, to the side text keeps to."""
    side = _side(rtl)
    return f'ALIGN="{side}" BALIGN="{side}"'


def _ordered(cells: Sequence[str], rtl: bool) -> str:
    """A row's cells as Graphviz sets them, left to right: reversed read right to left."""
    return "".join(reversed(cells) if rtl else cells)


def _text(value: str, width: float, fallback: str = "", *, rtl: bool = False) -> str:
    """Text for a cell ``width`` points wide: escaped, wrapped to fit, its lines aligned
    to the side text keeps to; ``fallback`` (an id) when nothing of ``value`` would show."""
    columns = max(4, int((width - 2 * _PAD - 2) / _COLUMN))
    return wrapped(shown(value, fallback), columns, br=f'<BR ALIGN="{_side(rtl)}"/>')


def _columns(width: float, inherited: bool) -> tuple[float, ...]:
    """The widths of a table's columns (deliverable, role, [through,] due) filling ``width``."""
    role, due = 52.0, 74.0
    through = round(width * 0.27) if inherited else 0.0
    name = width - role - due - through
    return (name, role, through, due) if inherited else (name, role, due)


def _cell(width: float, body: str, attrs: str) -> str:
    return f'<TD WIDTH="{width:g}" FIXEDSIZE="FALSE" {attrs}>{body}</TD>'


def _table(book: Book, lines: Sequence[Line], inherited: bool, width: float) -> Table:
    rtl = book.words.rtl
    start = _start(rtl)
    widths = _columns(width, inherited)
    head = book.table_head(inherited)
    header = "<TR>" + _ordered(
        [
            _cell(w, f"<B>{esc(h)}</B>", f'BGCOLOR="#f3f4f6" {start}')
            for w, h in zip(widths, head, strict=True)
        ],
        rtl,
    )
    rows: list[str] = []
    group = None
    for line in lines:
        if line.group != group:
            group = line.group
            if line.group_label:
                label = _text(line.group_label, width, line.group, rtl=rtl)
                rows.append(
                    f'<TR><TD COLSPAN="{len(widths)}" BGCOLOR="#eef2f7" {start}>'
                    f"<B>{label}</B></TD></TR>"
                )
        lead = lead_colour(book.scheme, line.roles)
        colour = f'BGCOLOR="{lead.fill}" ' if lead is not None else ""
        cells = [
            _cell(widths[0], _text(line.name, widths[0], line.deliverable, rtl=rtl), start),
            _cell(widths[1], esc(line.letters), f'{colour}ALIGN="CENTER" VALIGN="MIDDLE"'),
        ]
        if inherited:
            via = _text(line.via_name, widths[2], line.via, rtl=rtl)
            cells.append(_cell(widths[2], via, start))
        cells.append(_cell(widths[-1], esc(line.due), 'ALIGN="CENTER"'))
        rows.append("<TR>" + _ordered(cells, rtl) + "</TR>")
    return Table(header + "</TR>", tuple(rows))


def _pieces(book: Book, sheet: Sheet, width: float) -> list[Piece]:
    """A sheet as the blocks and tables that go down its pages."""
    rtl = book.words.rtl
    start = _start(rtl)
    title = _text(sheet.title, width * SIZE / 18, sheet.post, rtl=rtl)
    facts = "".join(
        "<TR>"
        + _ordered(
            [
                f'<TD WIDTH="110" VALIGN="TOP" {start}><FONT COLOR="#555555">{esc(label)}'
                "</FONT></TD>",
                f'<TD WIDTH="{width - 110:g}" VALIGN="TOP" {start}>'
                f"{_text(value, width - 110, rtl=rtl)}</TD>",
            ],
            rtl,
        )
        + "</TR>"
        for label, value in sheet_facts(book, sheet)
    )
    pieces: list[Piece] = [
        Block(f'<FONT POINT-SIZE="18"><B>{title}</B></FONT>'),
        Block(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{facts}</TABLE>'),
    ]
    held, through = book.part_titles()
    for heading, lines, inherited, empty in (
        (held, sheet.direct, False, book.nothing),
        (through, sheet.inherited, True, book.nothing_inherited),
    ):
        pieces.append(Block(f'<FONT POINT-SIZE="13"><B>{esc(heading)}</B></FONT>', keep=True))
        if lines:
            pieces.append(_table(book, lines, inherited, width))
        else:
            pieces.append(Block(f"<I>{esc(empty)}</I>"))
    legend = legend_dot(book.scheme, book.language, size=9, caption=book.roles_caption)
    pieces.append(Block(legend))
    return pieces


def _framed(body: str, width: float, height: float, sides: str) -> str:
    """A line of the page's frame: ``body`` in a box of exactly ``width`` × ``height``
    points, with a rule on ``sides``."""
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" COLOR="#9ca3af">'
        f'<TR><TD WIDTH="{width:g}" HEIGHT="{height:g}" FIXEDSIZE="TRUE" BORDER="1"'
        f' SIDES="{sides}">{body}</TD></TR></TABLE>'
    )


def _frame(book: Book, width: float, number: int, total: int) -> tuple[str, str]:
    """The running header and the page number of one page, as HTML-like labels: the
    organization where lines start, what the book is at the other end."""
    rtl = book.words.rtl
    title = shown(book.title)
    first = f'<FONT POINT-SIZE="9">{esc(title)}</FONT>' if title else ""
    last = f'<FONT POINT-SIZE="9" COLOR="#555555">{esc(book.running)}</FONT>'
    inner = width - 2
    number_text = page_number(number, total, book.language)
    # A line with Arabic letters, whose fonts stand taller than Latin ones, needs more room.
    tall = "arabic" in scripts(title + book.running + number_text)
    line, high = (20, 18) if tall else (18, 14)
    cells = [
        f'<TD ALIGN="{_side(rtl)}" WIDTH="{inner * 0.6:g}" FIXEDSIZE="TRUE" HEIGHT="{high}">'
        f"{first}</TD>",
        f'<TD ALIGN="{_side(not rtl)}" WIDTH="{inner * 0.4:g}" FIXEDSIZE="TRUE"'
        f' HEIGHT="{high}">{last}</TD>',
    ]
    header = (
        f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{_ordered(cells, rtl)}</TR></TABLE>'
    )
    footer = f'<FONT POINT-SIZE="9" COLOR="#555555">{esc(number_text)}</FONT>'
    return _framed(header, width, line, "B"), _framed(footer, width, line, "T")


def _continued(book: Book, sheet: Sheet) -> str:
    """The line that opens a page a sheet goes on to: its title, continued."""
    # Translators: the title of a sheet that goes on from the page before.
    continued = book.words.gettext("{title} (continued)")
    return continued.format(title=shown(sheet.title, sheet.post))


def _node(name: str, label: str, x: float, y: float) -> str:
    return f'  {name} [pos="{x:.2f},{y:.2f}", label=<{label}>];\n'


def _graph(book: Book, body: str) -> str:
    font = font_families(book.language, body).replace('"', "")
    return (
        "digraph book {\n"
        f'  graph [margin=0, pad=0, fontname="{font}"];\n'
        "  node [shape=plaintext, margin=0, width=0, height=0,"
        f' fontname="{font}", fontsize={SIZE}];\n'
        f"{body}}}\n"
    )


def _page_label(page: Page, rtl: bool) -> str:
    side = _side(rtl)
    rows = "".join(f'<TR><TD ALIGN="{side}">{block}</TD></TR>' for block in page.blocks)
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{GAP:g}" CELLPADDING="0">{rows}</TABLE>'


def _measured(book: Book, labels: Sequence[str]) -> list[float]:
    """The height in points of each label, measured by Graphviz (each distinct label
    once, a batch of them at a time)."""
    distinct = list(dict.fromkeys(labels))
    height: dict[str, float] = {}
    for start in range(0, len(distinct), MEASURE_BATCH):
        batch = distinct[start : start + MEASURE_BATCH]
        body = "".join(_node(f"n{i}", label, 0, 0) for i, label in enumerate(batch))
        sizes = measure(_graph(book, body))
        height.update((label, sizes[f"n{i}"][1]) for i, label in enumerate(batch))
    return [height[label] for label in labels]


def book_pages(book: Book, size: tuple[float, float]) -> list[Page]:
    """The book's pages on paper of ``size`` (points)."""
    page_w, page_h = size
    width = page_w - 2 * MARGIN
    room = page_h - 2 * MARGIN - HEADER - FOOTER
    sheets = [_pieces(book, sheet, width) for sheet in book.sheets]
    rtl = book.words.rtl
    continued = [
        f'<FONT COLOR="#555555"><I>{_text(_continued(book, sheet), width, rtl=rtl)}</I></FONT>'
        for sheet in book.sheets
    ]
    return paginate(sheets, continued, room, GAP, lambda labels: _measured(book, labels))


def book_dot(
    book: Book,
    size: tuple[float, float],
    pages: Sequence[Page],
    first: int = 1,
    total: int = 0,
    glyphs: str = "",
) -> str:
    """The DOT text of ``pages`` (numbered from ``first``, of ``total``), one below the
    other, each with a mark at its top left corner for
    :func:`~raci.render.pdf.cut_pages`; ``glyphs`` (see :func:`every_glyph`) is drawn
    before the first mark, on no page."""
    page_w, page_h = size
    width = page_w - 2 * MARGIN
    total = total or len(pages)
    rtl = book.words.rtl
    mark = (
        f'shape=box, style=filled, fillcolor="{PAGE_MARK}", color="{PAGE_MARK}",'
        ' width=0.02, height=0.02, fixedsize=true, label=""'
    )
    centre = MARGIN + width / 2
    body = [_node("glyphs", glyphs, centre, len(pages) * page_h - page_h / 2)] if glyphs else []
    # Graphviz draws in the order of the text: each page's mark, then what is on it.
    for number, page in enumerate(pages):
        top = (len(pages) - number) * page_h
        header, footer = _frame(book, width, first + number, total)
        body.append(f'  mark{number} [{mark}, pos="0.72,{top - 0.72:.2f}"];\n')
        body.append(_node(f"head{number}", header, centre, top - MARGIN - 9))
        middle = top - MARGIN - HEADER - page.height / 2
        body.append(_node(f"page{number}", _page_label(page, rtl), centre, middle))
        body.append(_node(f"foot{number}", footer, centre, top - page_h + MARGIN + 9))
    return _graph(book, "".join(body))


def sheet_dot(book: Book, sheet: Sheet, size: tuple[float, float] = A4.points()) -> str:
    """The DOT text of one post's sheet, on as many pages of ``size`` as it takes."""
    one = attrs.evolve(book, sheets=(sheet,))
    return book_dot(one, size, book_pages(one, size))


def render_pdf(book: Book, paper: str | Paper = A4, *, landscape: bool | None = None) -> bytes:
    """The book on ``paper`` (portrait unless ``landscape``). Warns with
    :class:`FontWarning` when the sheets hold letters of a script (Chinese, Arabic...)
    that no installed font has."""
    size = paper_named(paper).points(landscape=bool(landscape))
    pages = book_pages(book, size)
    starts = range(0, len(pages), CHUNK)
    frames = _frame(book, size[0] - 2 * MARGIN, 1, len(pages))
    labels = [*frames, *(label for page in pages for label in page.blocks)]
    for hint in missing_fonts(labels):
        warnings.warn(FontWarning(hint), stacklevel=3)
    # Drawings that all draw every glyph of the book first embed the same fonts, once.
    glyphs = every_glyph(labels) if len(starts) > 1 else ""
    drawings = (
        render(book_dot(book, size, pages[s : s + CHUNK], s + 1, len(pages), glyphs), "pdf")
        for s in _drawn(starts, len(pages))
    )
    return cut_pages(drawings, size)


def _drawn(starts: range, total: int) -> Iterator[int]:
    """The first page of each drawing, saying before each how many pages are drawn."""
    for start in starts:
        progress.step("drawing the cascade sheets", start, total, "pages")
        yield start
    progress.step("drawing the cascade sheets", total, total, "pages")


def every_glyph(labels: Iterable[str]) -> str:
    """A label that draws each text of ``labels`` (HTML-like labels) once, in its style
    (plain, bold or italic), each run of digits as all ten digits. A drawing that draws
    it first starts each font's subset with every glyph the labels draw, in one order,
    so that the drawings of one book embed the same fonts."""
    texts: set[tuple[bool, bool, str]] = set()
    for label in labels:
        bold = italic = False
        for piece in _PIECES.split(label):
            if piece.startswith("<"):
                tag = piece.upper()
                bold = tag == "<B>" or (bold and tag != "</B>")
                italic = tag == "<I>" or (italic and tag != "</I>")
            elif piece.strip():
                texts.add((bold, italic, _DIGITS.sub(lambda m: m[1] or "0123456789", piece)))
    lines = []
    for bold, italic, text in sorted(texts):
        text = f"<I>{text}</I>" if italic else text
        lines.append(f"<B>{text}</B>" if bold else text)
    return "<BR/>".join(lines)
