"""The staffing table as a Word document (python-docx, the ``office`` extra): a real table
whose header row repeats on every page, numbers right-aligned, on the paper asked for."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from raci._text import strip_controls
from raci.exceptions import OutputError
from raci.render.paper import Paper
from raci.render.staffing.sheet import Sheet

if TYPE_CHECKING:
    from docx.table import _Cell

#: The install line named when python-docx is missing.
INSTALL = "pip install 'raci[office]'"
#: Characters XML cannot hold that the control characters leave out.
_NOT_XML = re.compile("[\ufffe\uffff]")
_MARGIN_MM = 15
_FONT_PT = 8


def _text(text: str) -> str:
    """A name as a cell holds it: one line, nothing XML refuses."""
    return " ".join(_NOT_XML.sub("", strip_controls(text)).split())


def _fill(cell: _Cell, text: str, *, bold: bool = False, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if text:
        run = paragraph.add_run(_text(text))
        run.bold = bold
        run.font.size = Pt(_FONT_PT)


def render_docx(sheet: Sheet, paper: Paper, *, landscape: bool = True) -> bytes:
    """The document's bytes: the title, the table (its header row marked to repeat on
    each page), the note; the organization and the page's name in the page header."""
    try:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm
    except ImportError:
        msg = f"writing DOCX needs python-docx: {INSTALL}"
        raise OutputError(msg) from None

    doc = Document()
    section = doc.sections[0]
    width, height = paper.mm(landscape=landscape)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(_MARGIN_MM))
    section.header.paragraphs[0].text = _text(f"{sheet.organization} — {sheet.word('running')}")
    doc.add_heading(_text(sheet.title), level=1)

    n = len(sheet.labels)
    table = doc.add_table(rows=1, cols=n + len(sheet.columns))
    table.style = "Table Grid"
    head = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(repeat)
    labels = [*sheet.labels, *(c.label for c in sheet.columns)]
    for i, (cell, text) in enumerate(zip(head.cells, labels, strict=True)):
        _fill(cell, text, bold=True, right=i >= n)
    for line in sheet.lines:
        shown, numbers = sheet.printed(line)
        cells = table.add_row().cells
        for i, text in enumerate(shown):
            _fill(cells[i], text, bold=line.total)
        for i, text in enumerate(numbers, start=n):
            _fill(cells[i], text, bold=line.total, right=True)
    doc.add_paragraph(_text(sheet.note))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
