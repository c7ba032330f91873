"""What the annex is built of, on a python-docx document: headings that its contents
list, paragraphs and bullet lists, tables of a built-in style whose header rows repeat
on each page, pictures, and sections on paper. Every text passes through
:func:`raci.render.wordml.clean`."""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from raci.render.paper import Paper
from raci.render.wordml import MARGIN_MM, Cell, add_rows, clean, fixed_widths, parsed, row, set_page

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

#: The table style every table of the annex takes (one of Word's built-in styles).
TABLE_STYLE = "Table Grid"
#: The extension of a picture's blip that holds its SVG (Word 2016 and later draw it; older
#: readers draw the PNG the blip itself names).
_SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
_SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


@attrs.frozen
class Heading:
    """A heading the contents list: its text, its level (1 or 2) and its bookmark."""

    text: str
    level: int
    bookmark: str


class Blocks:
    """Writes the annex's blocks one after the other into ``doc``, on ``paper``.

    With ``vector``, a picture is its SVG alone (LibreOffice draws it, and the PDF keeps
    its text as text); else its PNG, with the SVG beside it for Word 2016 and later.
    """

    def __init__(self, doc: Document, paper: Paper, *, vector: bool) -> None:
        self.doc = doc
        self.paper = paper
        self.vector = vector
        self.landscape = False
        self.headings: list[Heading] = []
        self._pictures = 0

    # -- the page -----------------------------------------------------------------

    @property
    def width_mm(self) -> float:
        """The width a line takes on the current section's pages."""
        return self.paper.mm(landscape=self.landscape)[0] - 2 * MARGIN_MM

    @property
    def height_mm(self) -> float:
        """The height of the text on the current section's pages."""
        return self.paper.mm(landscape=self.landscape)[1] - 2 * MARGIN_MM

    def new_section(self, *, landscape: bool) -> None:
        """Start a section on a new page, ``landscape`` or portrait."""
        from docx.enum.section import WD_SECTION

        self.landscape = landscape
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        # A new section copies the last one's settings; only the title page is different.
        section.different_first_page_header_footer = False
        set_page(section, self.paper, landscape=landscape)

    def page_break(self) -> None:
        """Go on on the next page."""
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- text ---------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        """A heading (Heading 1 or 2), bookmarked for the contents."""
        paragraph = self.doc.add_heading("", level)
        n = len(self.headings)
        name = f"_Toc{n + 1:09d}"
        paragraph._p.append(parsed(f'<w:bookmarkStart w:id="{n}" w:name="{name}"/>'))
        paragraph.add_run(clean(text))
        paragraph._p.append(parsed(f'<w:bookmarkEnd w:id="{n}"/>'))
        self.headings.append(Heading(clean(text), level, name))

    def paragraph(
        self, text: str = "", *, style: str | None = None, bold: bool = False
    ) -> Paragraph:
        """A paragraph of ``text`` in ``style`` (Normal by default)."""
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            paragraph.add_run(clean(text)).bold = bold or None
        return paragraph

    def bullets(self, lines: Iterable[str]) -> None:
        """A bulleted list, a paragraph per line."""
        for line in lines:
            self.paragraph(line, style="List Bullet")

    # -- tables -------------------------------------------------------------------

    def table(
        self,
        rows: Iterable[str],
        widths_mm: Sequence[float],
    ) -> None:
        """A table of ``rows`` (markup from :func:`raci.render.wordml.row`) in columns of
        ``widths_mm``."""
        table = self.doc.add_table(rows=0, cols=len(widths_mm))
        table.style = TABLE_STYLE
        fixed_widths(table, widths_mm)
        add_rows(table, rows)

    def grid(
        self,
        head: Sequence[str] | None,
        body: Iterable[Sequence[str]],
        widths_mm: Sequence[float],
        *,
        numbers: Collection[int] = (),
        bold_last: bool = False,
    ) -> None:
        """A table of text: its header row (bold, repeated on each page) unless ``head``
        is None, then ``body``; the columns ``numbers`` hold numbers, right-aligned;
        ``bold_last`` sets the last row (a total) in bold."""
        lines = list(body)

        def cells(texts: Sequence[str], bold: bool) -> list[Cell]:
            return [Cell(t, bold=bold, right=i in numbers) for i, t in enumerate(texts)]

        rows = [row(cells(head, True), header=True)] if head is not None else []
        rows += [row(cells(t, bold_last and i == len(lines) - 1)) for i, t in enumerate(lines)]
        self.table(rows, widths_mm)

    # -- pictures -----------------------------------------------------------------

    def picture(self, svg: bytes, png: bytes | None, width_mm: float, height_mm: float) -> None:
        """A picture in a paragraph of its own, ``width_mm`` by ``height_mm``: its PNG with
        the SVG as Word 2016's extension, or (``png`` None) its SVG alone."""
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from docx.oxml.shape import CT_Inline
        from docx.shared import Mm

        self._pictures += 1
        n = self._pictures
        part = self.doc.part
        name = PackURI(f"/word/media/chart{n}.svg")
        svg_id = part.relate_to(
            Part(name, "image/svg+xml", svg, part.package), RELATIONSHIP_TYPE.IMAGE
        )
        main = svg_id if png is None else part.get_or_add_image(io.BytesIO(png))[0]
        inline = CT_Inline.new_pic_inline(n, main, f"chart{n}", Mm(width_mm), Mm(height_mm))
        if png is not None:
            extension = (
                f'<a:extLst xmlns:a="{_A_NS}"><a:ext uri="{_SVG_EXTENSION}">'
                f'<asvg:svgBlip xmlns:asvg="{_SVG_NS}" xmlns:r="{_R_NS}" r:embed="{svg_id}"/>'
                "</a:ext></a:extLst>"
            )
            inline.graphic.graphicData.pic.blipFill.blip.append(_parsed_drawing(extension))
        self.doc.add_paragraph().add_run()._r.add_drawing(inline)


def _parsed_drawing(markup: str) -> object:
    """DrawingML markup that declares its own namespaces."""
    from docx.oxml import parse_xml

    return parse_xml(markup)
