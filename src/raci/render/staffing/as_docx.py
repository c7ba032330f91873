"""The staffing table as a Word document (python-docx, the ``office`` extra): a real table
whose header row repeats on every page, numbers right-aligned, on the paper asked for; or
the same table added to a document being written (the restructuring annex)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.render.paper import Paper
from raci.render.staffing.sheet import Sheet
from raci.render.wordml import (
    MARGIN_MM,
    Cell,
    add_rows,
    clean,
    fixed_widths,
    new_document,
    row,
    saved,
    set_page,
)

if TYPE_CHECKING:
    from docx.document import Document

#: The widths of the unit's column, at most, and of the other label columns (mm).
UNIT_MM, LABEL_MM = 60.0, 18.0


def _rows(sheet: Sheet) -> Iterator[str]:
    """The table's rows as markup, the header first (marked to repeat on each page)."""
    n = len(sheet.labels)
    head = [*sheet.labels, *(c.label for c in sheet.columns)]
    yield row((Cell(t, bold=True, right=i >= n) for i, t in enumerate(head)), header=True)
    for line in sheet.lines:
        labels, numbers = sheet.printed(line)
        cells = [Cell(t, bold=line.total) for t in labels]
        cells += [Cell(t, bold=line.total, right=True) for t in numbers]
        yield row(cells)


def _widths(sheet: Sheet, width_mm: float) -> list[float]:
    """The columns' widths on a line ``width_mm`` wide: the unit's name the widest, the
    other labels narrower, the numbers sharing what is left."""
    others = len(sheet.labels) - 1
    unit = min(UNIT_MM, width_mm / 4)
    number = (width_mm - unit - others * LABEL_MM) / len(sheet.columns)
    return [unit, *[LABEL_MM] * others, *[number] * len(sheet.columns)]


def add_staffing_table(doc: Document, sheet: Sheet, width_mm: float) -> None:
    """Add the table, ``width_mm`` wide (its header row marked to repeat on each page),
    and its note to ``doc``."""
    table = doc.add_table(rows=0, cols=len(sheet.labels) + len(sheet.columns))
    table.style = "Table Grid"
    fixed_widths(table, _widths(sheet, width_mm))
    add_rows(table, _rows(sheet))
    doc.add_paragraph(clean(sheet.note))


def render_docx(sheet: Sheet, paper: Paper, *, landscape: bool = True) -> bytes:
    """The document's bytes: the title, the table, the note; the organization and the
    page's name in the page header."""
    doc = new_document()
    section = doc.sections[0]
    set_page(section, paper, landscape=landscape)
    section.header.paragraphs[0].text = clean(f"{sheet.organization} — {sheet.running}")
    doc.add_heading(clean(sheet.title), level=1)
    add_staffing_table(doc, sheet, paper.mm(landscape=landscape)[0] - 2 * MARGIN_MM)
    return saved(doc)
