"""The organigrams before and after: each side's org chart drawn by the chart's own
renderer, one picture per page, on pages of their own (narrower margins, the side named
in the page header).

Each side opens with a page that holds its heading and its chart's key, drawn once;
then come its chart's pages, each the size of a page's text, cut wherever the text
would come out under 6 pt (the chart's book: a small organization keeps one page, a
large one has as many as it needs), each with its running head and its number in the
book, which the boxes marked "continued on page N" refer to.
"""

from __future__ import annotations

import re
import warnings

import attrs

from raci.model import Organization
from raci.render import engine
from raci.render.annex.blocks import Blocks
from raci.render.chart.options import AUTO, ChartOptions
from raci.render.chart.orgchart import ChartPage, chart_key, chart_pages
from raci.render.chart.words import ChartWords
from raci.render.engine import FontWarning
from raci.render.pages import header
from raci.restructure.report import Story

#: The margins of an organigram's pages, and what a picture leaves of the page's width
#: and height so that rounding never pushes it beyond (millimetres).
MARGIN_MM, SLACK_MM = 10, 4
#: The resolution of the PNG of a picture: for print while the organigrams have at most
#: BOOK_PAGES pages; in a larger book a preview, so that the file and the time to write
#: it stay in bounds (Word 2016 and later draw the SVG, sharp at any size; the PDF is
#: made from the SVG too).
PRINT_DPI, PREVIEW_DPI, BOOK_PAGES = 150, 48, 12
_MM_PER_POINT = 25.4 / 72
_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def add_organigrams(b: Blocks, story: Story, running: str) -> None:
    """The part "Organigrams": for each side, a section whose first page holds its
    heading and key (the part's heading and a note on the pages' numbers before the
    first), then the chart's pages."""
    w, change, lang = story.w, story.change, story.lang
    before, after = w.sides()
    sides = [(before, change.old), (after, change.new)]
    width, height = (side - 2 * MARGIN_MM for side in b.paper.mm(landscape=True))
    # A paper's sides are given portrait; its pages are drawn landscape.
    frame = attrs.evolve(b.paper, width_mm=height - SLACK_MM, height_mm=width - SLACK_MM)
    options = ChartOptions(lang=lang, paper=frame, landscape=True, split_by=AUTO, key=False)
    books = [(side, org, chart_pages(org, options)) for side, org in sides]
    pages = [page for *_, book in books for page in book]
    dpi = PRINT_DPI if len(pages) <= BOOK_PAGES else PREVIEW_DPI
    for hint in engine.missing_fonts(p.source for p in pages):
        warnings.warn(FontWarning(hint), stacklevel=2)
    for i, (side, org, book) in enumerate(books):
        b.new_section(header([running, side]), landscape=True, margin_mm=MARGIN_MM)
        if i == 0:
            b.heading(w.gettext("Organigrams"), 1)
            mark = ChartWords.for_lang(lang).continued("N")
            # Translators: {mark} is how a page refers to another: "continued on page N".
            note = w.words.gettext(
                "Each organigram is numbered on its own pages: “{mark}” means page N of the"
                " same organigram."
            )
            b.paragraph(note.format(mark=mark))
        b.heading(side, 2)
        _key(b, org, options)
        for page in book:
            _page(b, page, dpi)


def _key(b: Blocks, org: Organization, options: ChartOptions) -> None:
    """The key of a side's chart, drawn once at its natural size."""
    source = chart_key(org, options)
    svg = engine.render(source, "svg", engine="dot")
    png = None if b.vector else engine.render(source, "png", engine="dot", dpi=PRINT_DPI)
    size = _SIZE.search(svg)
    width, height = (float(size[1]), float(size[2])) if size else (400.0, 100.0)
    b.picture(svg, png, width * _MM_PER_POINT, height * _MM_PER_POINT)


def _page(b: Blocks, page: ChartPage, dpi: float) -> None:
    """One page of a chart, as large as it was drawn, on a page of its own."""
    svg = engine.render(page.source, "svg")
    png = None if b.vector else engine.render(page.source, "png", dpi=dpi)
    width, height = page.width * _MM_PER_POINT, page.height * _MM_PER_POINT
    b.picture(svg, png, width, height, new_page=True)
