"""WordprocessingML that every Word document raci writes shares (python-docx, the
``office`` extra): text a paragraph can hold, table cells and rows written as markup and
added a batch at a time, header rows that repeat on each page, fields (the page number,
page references), a section's paper and margins, and a whole document turned right to
left.

Markup is built as text: python-docx adds rows and cells one by one far slower, and a
document of thousands of rows would take minutes.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import attrs

from raci._text import scripts, strip_controls
from raci.exceptions import OutputError
from raci.render.paper import Paper

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.table import Table

__all__ = [
    "INSTALL",
    "MARGIN_MM",
    "Cell",
    "W",
    "add_rows",
    "append_runs",
    "clean",
    "field",
    "fixed_widths",
    "new_document",
    "parsed",
    "right_to_left",
    "row",
    "run",
    "saved",
    "set_page",
    "twips",
]

#: The install line named when python-docx is missing.
INSTALL = "pip install 'raci[office]'"
#: The margins of a page, all round (millimetres).
MARGIN_MM = 15
#: The WordprocessingML namespace, declared on each piece of markup parsed alone.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
#: Characters XML cannot hold that the control characters leave out.
_NOT_XML = re.compile("[\ufffe\uffff]")
#: Rows parsed at a time.
_BATCH = 500
_TWIPS_PER_MM = 1440 / 25.4
_FIRST_TAG = re.compile(r"^(<w:\w+)")


def new_document() -> Document:
    """An empty document of python-docx's default template; OutputError, naming the
    install line, without python-docx."""
    try:
        from docx import Document
    except ImportError:
        msg = f"writing DOCX needs python-docx: {INSTALL}"
        raise OutputError(msg) from None
    return Document()


def saved(doc: Document, *, rtl: bool = False) -> bytes:
    """The document's bytes; read right to left when ``rtl`` (:func:`right_to_left`)."""
    if rtl:
        right_to_left(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


#: Where a property goes among its siblings: the elements the schema puts after it.
_AFTER = {
    "bidi": (
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap"
        " jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr"
        " sectPr pPrChange"
    ),
    "sectPr": "rtlGutter docGrid printerSettings sectPrChange",
    "bCs": (
        "i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid"
        " vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd"
        " fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
    ),
    "iCs": (
        "caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish"
        " webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText"
        " vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
    ),
    "szCs": (
        "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout"
        " specVanish oMath rPrChange"
    ),
    "rtl": "cs em lang eastAsianLayout specVanish oMath rPrChange",
    "bidiVisual": (
        "tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd"
        " tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"
    ),
}


def right_to_left(doc: Document) -> None:
    """Turn ``doc`` (its body, headers and footers) right to left, as Word writes a
    document in Arabic: every paragraph and section ``w:bidi``, every run of
    right-to-left text ``w:rtl``, and bold, italic and sizes given for such text too
    (``w:bCs``...), and every table ``w:bidiVisual``: its columns kept in their order,
    the first drawn on the right."""
    from docx.oxml.ns import qn

    def add(parent: Any, tag: str, before: str, name: str | None = None) -> Any:
        """``parent``'s ``w:tag`` (a copy of its ``w:name`` when given), added where the
        schema wants it if missing."""
        found = parent.find(qn(f"w:{tag}"))
        if found is None:
            found = parsed(f"<w:{tag}/>")
            if name is not None:
                for key, value in parent.find(qn(f"w:{name}")).attrib.items():
                    found.set(key, value)
            parent.insert_element_before(found, *(f"w:{t}" for t in before.split()))
        return found

    parts = [doc.part, *(r.target_part for r in doc.part.rels.values() if not r.is_external)]
    roots = [part.element for part in parts if hasattr(part, "element")]
    for root in roots:
        for paragraph in root.iter(qn("w:p")):
            add(paragraph.get_or_add_pPr(), "bidi", _AFTER["bidi"])
        for table in root.iter(qn("w:tbl")):
            add(table.tblPr, "bidiVisual", _AFTER["bidiVisual"])
        for section in root.iter(qn("w:sectPr")):
            add(section, "bidi", _AFTER["sectPr"])
        for run in root.iter(qn("w:r")):
            props = run.find(qn("w:rPr"))
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            held = scripts(text) & {"arabic", "hebrew"}
            if props is None and not held:
                continue
            props = run.get_or_add_rPr()
            for plain, complex_ in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
                if props.find(qn(f"w:{plain}")) is not None:
                    add(props, complex_, _AFTER[complex_], plain)
            if held:
                add(props, "rtl", _AFTER["rtl"])


def clean(text: str) -> str:
    """A name as a paragraph or a cell holds it: one line, nothing XML refuses, no
    control or bidi character."""
    return " ".join(_NOT_XML.sub("", strip_controls(text)).split())


def twips(mm: float) -> int:
    """A length in millimetres as twentieths of a point, Word's unit for widths."""
    return round(mm * _TWIPS_PER_MM)


def parsed(markup: str) -> Any:
    """One element of WordprocessingML, its ``w`` namespace declared here."""
    from docx.oxml import parse_xml

    return parse_xml(_FIRST_TAG.sub(rf"\1 {W}", markup, count=1))


def set_page(
    section: Section, paper: Paper, *, landscape: bool, margin_mm: float = MARGIN_MM
) -> None:
    """Put ``section`` on ``paper`` with margins of ``margin_mm`` all round (the page
    header and footer inside them)."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    width, height = paper.mm(landscape=landscape)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(margin_mm))
    section.header_distance = section.footer_distance = Mm(margin_mm / 2)


def _size(size_pt: float | None) -> str:
    return f'<w:sz w:val="{round(2 * size_pt)}"/>' if size_pt else ""


def run(text: str, *, bold: bool = False, size_pt: float | None = None) -> str:
    """A run of text, its spaces kept (a line break is a space, a control character
    goes), bold or of a size when asked."""
    props = ("<w:b/>" if bold else "") + _size(size_pt)
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    shown = _NOT_XML.sub("", strip_controls(text)).replace("\n", " ").replace("\t", " ")
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(shown)}</w:t></w:r>'


def append_runs(paragraph: Any, markup: str) -> None:
    """Append runs (and fields, links) given as markup to a paragraph's ``<w:p>``."""
    from docx.oxml import parse_xml

    paragraph.extend(list(parse_xml(f"<w:p {W}>{markup}</w:p>")))


def field(instruction: str, shown: str = "", *, size_pt: float | None = None) -> str:
    """The runs of a field (``PAGE``, ``NUMPAGES``, ``PAGEREF name \\h``): Word and
    LibreOffice work out its value; ``shown`` is what it shows until they do."""
    size = f"<w:rPr>{_size(size_pt)}</w:rPr>" if size_pt else ""
    return (
        f'<w:r>{size}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{size}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        f'<w:r>{size}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r>{size}<w:t xml:space="preserve">{escape(shown)}</w:t></w:r>'
        f'<w:r>{size}<w:fldChar w:fldCharType="end"/></w:r>'
    )


@attrs.frozen
class Cell:
    """A table cell: its text and how it is set. ``fill`` shades it and ``stripe`` draws
    a thick line under it (colours as ``#rrggbb``); ``span`` columns wide; ``upright``
    text reads from the bottom up (a narrow column's header)."""

    text: str = ""
    bold: bool = False
    right: bool = False
    center: bool = False
    fill: str | None = None
    stripe: str | None = None
    span: int = 1
    upright: bool = False
    size_pt: float = 8

    def markup(self) -> str:
        """The cell as ``<w:tc>`` (its properties in the order the schema asks)."""
        props = f'<w:gridSpan w:val="{self.span}"/>' if self.span > 1 else ""
        if self.stripe:
            line = f'w:val="single" w:sz="24" w:color="{self.stripe.lstrip("#")}"'
            props += f"<w:tcBorders><w:bottom {line}/></w:tcBorders>"
        if self.fill:
            props += f'<w:shd w:val="clear" w:color="auto" w:fill="{self.fill.lstrip("#")}"/>'
        if self.upright:
            props += '<w:textDirection w:val="btLr"/><w:vAlign w:val="bottom"/>'
        tcpr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
        align = "right" if self.right else "center" if self.center else ""
        ppr = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
        body = run(clean(self.text), bold=self.bold, size_pt=self.size_pt) if self.text else ""
        return f"<w:tc>{tcpr}<w:p>{ppr}{body}</w:p></w:tc>"


def row(cells: Iterable[Cell], *, header: bool = False, height_mm: float | None = None) -> str:
    """A table row as ``<w:tr>``; a ``header`` row repeats at the top of each page."""
    props = '<w:tblHeader w:val="true"/>' if header else ""
    if height_mm:
        props = f'<w:trHeight w:val="{twips(height_mm)}" w:hRule="atLeast"/>' + props
    trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{trpr}{''.join(c.markup() for c in cells)}</w:tr>"


def add_rows(table: Table, rows: Iterable[str]) -> None:
    """Append rows (``<w:tr>`` markup) to ``table``, parsed a batch at a time."""
    from docx.oxml import parse_xml

    rows = iter(rows)
    while batch := "".join(itertools.islice(rows, _BATCH)):
        table._tbl.extend(list(parse_xml(f"<w:tbl {W}>{batch}</w:tbl>")))


def fixed_widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Give ``table`` columns of these widths, kept as they are (a fixed layout), so that
    Word and LibreOffice set it alike however long its words."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:w"), str(twips(sum(widths_mm))))
    width.set(qn("w:type"), "dxa")
