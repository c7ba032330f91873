"""The annex's table of contents: a line per heading, each a link to its heading with
the page number as a page reference, which Word and LibreOffice work out.

In a Word document the lines are the result of a ``TOC`` field, which Word fills again
when it opens the document (the settings ask it to) and a reader can update; LibreOffice
keeps such a result as it is, so the document made for its PDF has the same lines
without the field around them, and LibreOffice then numbers the pages itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from raci.render.annex.blocks import Heading
from raci.render.wordml import append_runs, field, parsed, run

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

#: The field Word fills with the headings of levels 1 and 2, as links.
TOC = 'TOC \\o "1-2" \\h \\z \\u'
#: The switch that makes a page reference a link too.
_LINK = "\\h"
#: How far a level-2 line is indented (millimetres).
_INDENT_MM = 6


def add_styles(doc: Document, width_mm: float) -> None:
    """The styles of the contents' lines, ``TOC 1`` and ``TOC 2`` (Word's own names, so
    that Word's update keeps them): the page number at the right, dots leading to it."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Mm, Pt

    names = {s.name for s in doc.styles}
    for level in (1, 2):
        name = f"TOC {level}"
        if name in names:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.paragraph_format.left_indent = Mm(_INDENT_MM * (level - 1))
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.tab_stops.add_tab_stop(
            Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )


def fill_contents(place: Paragraph, headings: Sequence[Heading], *, as_field: bool) -> None:
    """Put a line per heading where ``place`` stands (an empty paragraph, which goes),
    the lines inside a ``TOC`` field when ``as_field``."""
    for i, heading in enumerate(headings):
        line = place.insert_paragraph_before(style=f"TOC {heading.level}")
        if as_field and i == 0:
            _open_field(line)
        page = field(f"PAGEREF {heading.bookmark} {_LINK}")
        link = (
            f'<w:hyperlink w:anchor={quoteattr(heading.bookmark)} w:history="1">'
            f"{run(heading.text)}<w:r><w:tab/></w:r>{page}</w:hyperlink>"
        )
        append_runs(line._p, link)
        if as_field and i == len(headings) - 1:
            append_runs(line._p, '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    place._p.getparent().remove(place._p)


def _open_field(line: Paragraph) -> None:
    """The start of the ``TOC`` field, at the start of its first line."""
    append_runs(
        line._p,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {TOC} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    )


def ask_to_update(doc: Document) -> None:
    """Have Word offer to update the document's fields (the contents) when it opens it."""
    from docx.oxml.ns import qn

    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    # The schema puts it before the compatibility settings.
    element = parsed('<w:updateFields w:val="true"/>')
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(element)
    else:
        settings.append(element)
