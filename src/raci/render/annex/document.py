"""The annex put together: a portrait part (title page, contents, summary) and a landscape
part (organigrams, staffing table, post changes, responsibility matrix), real Word
headings, styles and tables throughout, the organization in the page header and the
page number in the footer, every fixed word in one language."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from raci.analysis.staffing import staffing
from raci.render.annex.blocks import Blocks
from raci.render.annex.contents import add_styles, ask_to_update, fill_contents
from raci.render.annex.matrix import add_matrix
from raci.render.annex.organigrams import add_organigrams
from raci.render.annex.posts import add_post_changes
from raci.render.annex.summary import add_summary
from raci.render.annex.title import add_title_page
from raci.render.pages import header
from raci.render.paper import Paper
from raci.render.staffing.as_docx import add_staffing_table
from raci.render.staffing.sheet import build_sheet
from raci.render.wordml import clean, new_document, parsed, saved
from raci.restructure.report import Story
from raci.words import primary_language

if TYPE_CHECKING:
    from docx.document import Document

    from raci.restructure.diff import Diff

#: The language tags Word is told the text is in, for its fonts and spelling.
_WORD_LANGUAGES = {
    "ar": "ar-SA",
    "en": "en-US",
    "es": "es-ES",
    "fr": "fr-FR",
    "ru": "ru-RU",
    "zh": "zh-CN",
}
_EAST_ASIAN = ("zh", "ja", "ko")


def build_annex(change: Diff, *, lang: str, paper: Paper, vector: bool = False) -> bytes:
    """The annex of ``change`` as a Word document, every fixed word and name in ``lang``,
    on ``paper``. With ``vector`` it is made for LibreOffice to print: pictures as SVG
    alone, the contents as page references it numbers itself (see
    :mod:`raci.render.annex.contents`)."""
    doc = new_document()
    story = Story(change, lang, lambda text, ident: text or ident, str)
    _styles(doc, lang)
    b = Blocks(doc, paper, lang, vector=vector)
    running = header([change.new.names.get(lang), story.w.annex])
    b.first_section(running)
    add_styles(doc, b.width_mm)

    add_title_page(b, story)
    b.paragraph(story.words.gettext("Contents"), style="TOC Heading", new_page=True)
    place = b.paragraph()
    add_summary(b, story)
    add_organigrams(b, story, running)
    b.new_section(running, landscape=True)
    b.heading(story.words.gettext("Staffing"), 1)
    sheet = build_sheet(staffing(change.new, before=change.old), lang=lang)
    add_staffing_table(doc, sheet, b.width_mm)
    add_post_changes(b, story)
    add_matrix(b, change.new, story.w)

    fill_contents(place, b.headings, as_field=not vector)
    if not vector:
        ask_to_update(doc)
    doc.core_properties.title = clean(story.w.annex)
    base = primary_language(lang)
    doc.core_properties.language = _WORD_LANGUAGES.get(base, base)
    return saved(doc)


def _styles(doc: Document, lang: str) -> None:
    """Each part starts on a new page; the text is in ``lang``."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    first = doc.styles["Heading 1"].paragraph_format
    first.page_break_before = True
    first.space_before = Pt(0)
    base = primary_language(lang)
    tag = quoteattr(_WORD_LANGUAGES.get(base, base))
    east = f" w:eastAsia={tag}" if base in _EAST_ASIAN else ""
    normal = doc.styles["Normal"].element.get_or_add_rPr()
    normal.append(parsed(f"<w:lang w:val={tag}{east}/>"))
    # python-docx's template asks Word for the compatibility mode of Word 2010; the annex
    # is laid out as Word 2013 and later lay out their own documents.
    for setting in doc.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
