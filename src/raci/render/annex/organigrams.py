"""The organigrams before and after: each side's org chart, drawn by the chart's own
renderer on pages the size of the space a landscape page leaves for a picture, cut
wherever the text would come out under 6 pt (the chart's book: a small organization
keeps one page, a large one has as many as it needs), one picture per page."""

from __future__ import annotations

import warnings

import attrs

from raci._text import has_cjk
from raci.render import engine
from raci.render.annex.blocks import Blocks
from raci.render.chart.orgchart import chart_pages
from raci.render.chart.words import Words
from raci.render.engine import FontWarning
from raci.restructure.report import Story

#: Room kept above a picture for the headings and the note that start its page (mm).
HEADINGS_MM = 24
#: The resolution of the PNG of a picture: for print while the organigrams have at most
#: BOOK_PAGES pages, for the screen in a larger book (Word 2016 and later draw the SVG,
#: which stays sharp; the PDF is made from the SVG too).
PRINT_DPI, BOOK_DPI, BOOK_PAGES = 150, 96, 12
_MM_PER_POINT = 25.4 / 72


def add_organigrams(b: Blocks, story: Story) -> None:
    """The part "Organigrams": a note on the pages' numbers, then each side's pages."""
    w, change, lang = story.w, story.change, story.lang
    b.heading(w("organigrams"), 1)
    mark = Words.for_lang(lang).word("continued", page="N")
    b.paragraph(w("organigrams_note", mark=mark))
    width, height = b.width_mm, b.height_mm - HEADINGS_MM
    # A paper's sides are given portrait; its pages are drawn landscape.
    frame = attrs.evolve(b.paper, width_mm=height, height_mm=width)
    books = [
        (
            title,
            chart_pages(org, lang=lang, paper=frame, landscape=True, split_by="auto", title=title),
        )
        for title, org in ((w("old_side"), change.old), (w("new_side"), change.new))
    ]
    pages = [page for _, book in books for page in book]
    dpi = PRINT_DPI if len(pages) <= BOOK_PAGES else BOOK_DPI
    if any(has_cjk(p.source) for p in pages) and not engine.cjk_font_available():
        warnings.warn(engine.CJK_FONT_HINT, FontWarning, stacklevel=2)
    for title, book in books:
        b.heading(title, 2)
        for page in book:
            svg = engine.render(page.source, "svg")
            png = None if b.vector else engine.render(page.source, "png", dpi=dpi)
            b.picture(svg, png, page.width * _MM_PER_POINT, page.height * _MM_PER_POINT)
