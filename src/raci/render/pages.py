"""Running heads of printed pages: the header (organization, figure title, and the model's
version or date when it has one), the breadcrumb of a continuation page, and the page
number, in the output's language.

A running head is drawn by Graphviz, so that any script gets its glyphs: a picture drawn
with Graphviz takes :func:`head_nodes` into its own DOT text, and any other paged PDF is
given its heads afterwards with :func:`stamp_pdf`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import attrs

from raci._text import display_width
from raci.render import engine
from raci.render.dot import shown, wrapped
from raci.render.printing import page_number as page_number_words
from raci.words import words_for

__all__ = [
    "BAND",
    "HEAD_SIZE",
    "RunningHead",
    "breadcrumb",
    "head_nodes",
    "header",
    "node_statement",
    "page_number",
    "stamp_pdf",
]

#: The size of a running head's text, and the height of the band it takes at the top
#: and at the bottom of a page, inside the page's margin (points).
HEAD_SIZE = 8.0
BAND = 14.0
#: The distance of a running head's lines from the paper's edge (points): well inside
#: the part of a page that office printers print.
EDGE = 24.0
_COLOUR = "#404040"

#: What joins the parts of a header and the steps of a breadcrumb (in every language).
_PARTS, _CRUMB = " · ", " › "


def page_number(n: int, total: int, lang: str | None = None) -> str:
    """'Page 3 of 107', in ``lang`` ('第 3 页 共 107 页')."""
    words = words_for(lang)
    return page_number_words(lang).format(n=words.number(n), total=words.number(total))


def header(parts: Sequence[str | None], lang: str | None = None) -> str:
    """The header line: the organization, the figure's title, the version or date, as far
    as given, one after the other."""
    return _PARTS.join(p for p in parts if p and p.strip())


def breadcrumb(names: Sequence[str], lang: str | None = None) -> str:
    """Where a continuation page sits: the units above it, top first ('Division › Branch')."""
    return _CRUMB.join(names)


@attrs.frozen
class RunningHead:
    """What one page carries at its top and bottom: the header, the breadcrumb (empty on a
    first page) and its number of how many, in ``lang``."""

    header: str
    number: int
    total: int
    breadcrumb: str = ""
    lang: str | None = None

    def number_text(self) -> str:
        """The page number as printed."""
        return page_number(self.number, self.total, self.lang)


def head_nodes(
    head: RunningHead, width: float, height: float, scale: float = 1.0
) -> list[tuple[str, str, dict[str, str]]]:
    """The running head of a page ``width`` x ``height`` (in the DOT text's units, which
    print at ``scale`` points each) as DOT nodes: (name, HTML-like label, attributes: its
    place and its font size, which a label's POINT-SIZE, a whole number, cannot give
    exactly). The header stands at the top left, the breadcrumb at the top right, the
    number at the bottom."""
    size = HEAD_SIZE / scale
    edge = EDGE / scale
    half = width / 2 - 2 * edge
    # Lines are wrapped to the columns that half a page holds at this size (a column is
    # about half the text size wide), so header and breadcrumb never run into each other.
    columns = max(30, int(half * scale / (HEAD_SIZE * 0.55)))

    def node(
        name: str, text: str, x: float, y: float, align: str, wide: int = columns
    ) -> tuple[str, str, dict[str, str]]:
        body = wrapped(shown(text, " "), wide)
        label = (
            f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" WIDTH="{half:.1f}">'
            f'<TR><TD ALIGN="{align}" BALIGN="{align}" WIDTH="{half:.1f}">'
            f'<FONT COLOR="{_COLOUR}">{body}</FONT></TD></TR></TABLE>'
        )
        return name, label, {"pos": f"{x:.2f},{y:.2f}", "fontsize": f"{size:.4f}"}

    top = height - edge
    nodes = [node("#head", head.header, edge + half / 2, top, "LEFT")]
    if head.breadcrumb:
        nodes.append(node("#crumb", head.breadcrumb, width - edge - half / 2, top, "RIGHT"))
    number = head.number_text()
    nodes.append(node("#page", number, width / 2, edge, "CENTER", display_width(number)))
    return nodes


def node_statement(name: str, label: str, attributes: dict[str, str]) -> str:
    """A DOT statement of the node ``name`` with the HTML-like ``label`` and ``attributes``."""
    listed = "".join(f' {key}="{value}"' for key, value in attributes.items())
    return f'"{name}" [label=<{label}>{listed}]'


def stamp_pdf(pdf: bytes, heads: Sequence[RunningHead], lang: str | None = None) -> bytes:
    """``pdf`` with each page's running head (one per page, in order) drawn over it; the
    page sizes stay as they are. Fonts are those of ``lang``, as in every picture."""
    from pypdf import PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(pdf))
    if len(heads) != len(reader.pages):
        msg = f"{len(heads)} running heads for {len(reader.pages)} pages"
        raise ValueError(msg)
    writer = PdfWriter()
    fonts = engine.font_families(lang)
    for page, head in zip(reader.pages, heads, strict=True):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        lines = [
            f'digraph stamp {{ layout={engine.PINNED} pad="0" margin="0" bgcolor="transparent"',
            f'node [shape=plain fontname="{fonts}"]',
            # Two invisible corners give the stamp the page's size, so that their centres meet.
            '"#c0" [shape=point style=invis width=0.01 height=0.01 pos="0,0"]',
            f'"#c1" [shape=point style=invis width=0.01 height=0.01'
            f' pos="{width:.2f},{height:.2f}"]',
        ]
        lines += [node_statement(*node) for node in head_nodes(head, width, height)]
        lines.append("}")
        stamp = PdfReader(io.BytesIO(engine.render("\n".join(lines), "pdf"))).pages[0]
        box = stamp.mediabox
        dx = float(page.mediabox.left) + (width - float(box.width)) / 2 - float(box.left)
        dy = float(page.mediabox.bottom) + (height - float(box.height)) / 2 - float(box.bottom)
        writer.add_page(page).merge_transformed_page(stamp, Transformation().translate(dx, dy))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
