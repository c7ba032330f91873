"""What the annex is built of, on a python-docx document: headings that its contents
list, paragraphs and bullet lists, tables of a built-in style whose header rows repeat
on each page, pictures, and sections on paper. Every text passes through
:func:`raci.render.wordml.clean`."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from raci.render.paper import Paper
from raci.render.printing import page_number_pieces
from raci.render.wordml import (
    MARGIN_MM,
    Cell,
    add_rows,
    append_runs,
    clean,
    field,
    fixed_widths,
    parsed,
    row,
    run,
    set_page,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.text.paragraph import Paragraph

#: The size of the page header's and footer's text (points).
MARGIN_TEXT_PT = 8
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

    def __init__(self, doc: Document, paper: Paper, lang: str, *, vector: bool) -> None:
        self.doc = doc
        self.paper = paper
        self.lang = lang
        self.vector = vector
        self.landscape = False
        self.margin_mm: float = MARGIN_MM
        self.headings: list[Heading] = []
        self._pictures = 0

    # -- the page -----------------------------------------------------------------

    @property
    def width_mm(self) -> float:
        """The width a line takes on the current section's pages."""
        return self.paper.mm(landscape=self.landscape)[0] - 2 * self.margin_mm

    @property
    def height_mm(self) -> float:
        """The height of the text on the current section's pages."""
        return self.paper.mm(landscape=self.landscape)[1] - 2 * self.margin_mm

    def first_section(self, running: str) -> None:
        """The first section: portrait, its first page (the title page) without header
        and footer, the others with ``running`` at the top and the page number below."""
        section = self.doc.sections[0]
        set_page(section, self.paper, landscape=False)
        section.different_first_page_header_footer = True
        self._head_and_foot(section, running)

    def new_section(self, running: str, *, landscape: bool, margin_mm: float = MARGIN_MM) -> None:
        """Start a section on a new page, ``landscape`` or portrait, with margins of
        ``margin_mm``, ``running`` at the top of its pages and their number below."""
        from docx.enum.section import WD_SECTION

        self.landscape, self.margin_mm = landscape, margin_mm
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        # A new section copies the last one's settings; only the title page is different.
        section.different_first_page_header_footer = False
        set_page(section, self.paper, landscape=landscape, margin_mm=margin_mm)
        self._head_and_foot(section, running)

    def _head_and_foot(self, section: Section, running: str) -> None:
        """The section's own page header (``running``) and footer (the page number of the
        total, which Word and LibreOffice count)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for part in (section.header, section.footer):
            part.is_linked_to_previous = False
        append_runs(section.header.paragraphs[0]._p, run(clean(running), size_pt=MARGIN_TEXT_PT))
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fields = {"{n}": "PAGE", "{total}": "NUMPAGES"}
        number = "".join(
            field(fields[piece], "1", size_pt=MARGIN_TEXT_PT)
            if piece in fields
            else run(piece, size_pt=MARGIN_TEXT_PT)
            for piece in page_number_pieces(self.lang)
        )
        append_runs(foot._p, number)

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
        self,
        text: str = "",
        *,
        style: str | None = None,
        bold: bool = False,
        new_page: bool = False,
    ) -> Paragraph:
        """A paragraph of ``text`` in ``style`` (Normal by default), starting a
        ``new_page`` when asked."""
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            paragraph.add_run(clean(text)).bold = bold or None
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def bullets(self, lines: Iterable[str]) -> None:
        """A bulleted list (Word's *List Bullet*), a paragraph per line."""
        style = self.doc.styles["List Bullet"].style_id
        body = self.doc.element.body
        end = body.sectPr
        for line in lines:
            paragraph = parsed(
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run(clean(line))}</w:p>'
            )
            if end is None:
                body.append(paragraph)
            else:
                end.addprevious(paragraph)

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

    def picture(
        self,
        svg: bytes,
        png: bytes | None,
        width_mm: float,
        height_mm: float,
        *,
        new_page: bool = False,
    ) -> None:
        """A picture in a paragraph of its own (starting a ``new_page``), ``width_mm`` by
        ``height_mm``: its PNG with the SVG as Word 2016's extension, or (``png`` None)
        its SVG alone."""
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from docx.oxml import parse_xml
        from docx.oxml.shape import CT_Inline
        from docx.shared import Mm

        self._pictures += 1
        n = self._pictures
        part = self.doc.part

        def media(suffix: str, content_type: str, blob: bytes) -> str:
            # A part of its own per picture: python-docx's images are looked up by a hash
            # worked out again for each image already there, which a book of pages outgrows.
            name = PackURI(f"/word/media/chart{n}.{suffix}")
            target = Part(name, content_type, blob, part.package)
            return str(part.relate_to(target, RELATIONSHIP_TYPE.IMAGE))

        svg_id = media("svg", "image/svg+xml", svg)
        main = svg_id if png is None else media("png", "image/png", png)
        inline = CT_Inline.new_pic_inline(n, main, f"chart{n}", Mm(width_mm), Mm(height_mm))
        if png is not None:
            extension = (
                f'<a:extLst xmlns:a="{_A_NS}"><a:ext uri="{_SVG_EXTENSION}">'
                f'<asvg:svgBlip xmlns:asvg="{_SVG_NS}" xmlns:r="{_R_NS}" r:embed="{svg_id}"/>'
                "</a:ext></a:extLst>"
            )
            inline.graphic.graphicData.pic.blipFill.blip.append(parse_xml(extension))
        paragraph = self.doc.add_paragraph()
        layout = paragraph.paragraph_format
        layout.page_break_before = new_page or None
        layout.space_before = layout.space_after = Mm(0)
        paragraph.add_run()._r.add_drawing(inline)
