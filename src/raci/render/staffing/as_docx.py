"""The staffing table as a Word document (python-docx, the ``office`` extra): a real table
whose header row repeats on every page, numbers right-aligned, on the paper asked for."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from xml.sax.saxutils import escape

from raci._text import strip_controls
from raci.exceptions import OutputError
from raci.render.paper import Paper
from raci.render.staffing.sheet import Sheet

#: The install line named when python-docx is missing.
INSTALL = "pip install 'raci[office]'"
#: Characters XML cannot hold that the control characters leave out.
_NOT_XML = re.compile("[\ufffe\uffff]")
_MARGIN_MM = 15
_FONT_PT = 8
#: Rows parsed at a time.
_BATCH = 500


def _text(text: str) -> str:
    """A name as a cell holds it: one line, nothing XML refuses."""
    return " ".join(_NOT_XML.sub("", strip_controls(text)).split())


def _cell(text: str, *, bold: bool, right: bool) -> str:
    """A table cell's WordprocessingML: one paragraph, right-aligned for a number."""
    align = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    if not text:
        return f"<w:tc><w:p>{align}</w:p></w:tc>"
    style = f'{"<w:b/>" if bold else ""}<w:sz w:val="{2 * _FONT_PT}"/>'
    run = f'<w:r><w:rPr>{style}</w:rPr><w:t xml:space="preserve">{escape(_text(text))}</w:t></w:r>'
    return f"<w:tc><w:p>{align}{run}</w:p></w:tc>"


def _rows(sheet: Sheet) -> Iterator[str]:
    """The table's rows as markup, the header first (marked to repeat on each page)."""
    n = len(sheet.labels)
    head = [*sheet.labels, *(c.label for c in sheet.columns)]
    cells = "".join(_cell(t, bold=True, right=i >= n) for i, t in enumerate(head))
    yield f'<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>{cells}</w:tr>'
    for line in sheet.lines:
        labels, numbers = sheet.printed(line)
        cells = "".join(_cell(t, bold=line.total, right=False) for t in labels)
        cells += "".join(_cell(t, bold=line.total, right=True) for t in numbers)
        yield f"<w:tr>{cells}</w:tr>"


def render_docx(sheet: Sheet, paper: Paper, *, landscape: bool = True) -> bytes:
    """The document's bytes: the title, the table (its header row marked to repeat on
    each page), the note; the organization and the page's name in the page header."""
    try:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls
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

    table = doc.add_table(rows=0, cols=len(sheet.labels) + len(sheet.columns))
    table.style = "Table Grid"
    # Rows written as markup and parsed a batch at a time: python-docx adds rows one by
    # one far slower.
    rows = _rows(sheet)
    while batch := "".join(itertools.islice(rows, _BATCH)):
        table._tbl.extend(list(parse_xml(f"<w:tbl {nsdecls('w')}>{batch}</w:tbl>")))
    doc.add_paragraph(_text(sheet.note))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
