"""Cascade sheets as an XLSX workbook: one worksheet per division, a row per post and
deliverable, the roles held directly coloured; a last worksheet is the legend."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from raci import progress
from raci.render.cascade.book import WRITING, Book, Line, Sheet
from raci.render.legend.as_xlsx import legend_rows, role_style
from raci.render.matrix.as_xlsx import safe, styled_cell

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="F3F4F6")
#: Characters a worksheet's name may not hold, and its longest length.
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_TITLE_LIMIT = 31
_WIDTHS = (14, 30, 18, 28, 26, 16, 40, 10, 40, 11)
#: The column of the roles a post holds directly, coloured as in every other output.
_DIRECT = 7


def _title(name: str, taken: set[str]) -> str:
    """A worksheet name: without the characters Excel refuses (nor those XLSX cannot store),
    short enough, unique."""
    base = " ".join(_BAD_TITLE.sub(" ", safe(name)).split()).strip("'") or "Sheet"
    title = base[:_TITLE_LIMIT]
    n = 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title = base[: _TITLE_LIMIT - len(suffix)] + suffix
        n += 1
    taken.add(title.casefold())
    return title


def _rows(book: Book, sheet: Sheet) -> list[list[str]]:
    """One row per deliverable: the roles held directly, and those inherited with the
    unit each comes through."""
    by_deliverable: dict[str, list[Line]] = {}
    for line in sorted([*sheet.direct, *sheet.inherited], key=lambda x: x.order):
        by_deliverable.setdefault(line.deliverable, []).append(line)
    rows = []
    for lines in by_deliverable.values():
        first = lines[0]
        direct = "/".join(r for x in lines if not x.via for r in x.roles)
        inherited = book.words.listed(
            (book.words.aside(x.letters, x.via_name) for x in lines if x.via), clauses=True
        )
        rows.append(
            [
                sheet.post,
                sheet.title,
                sheet.holder_text(book.language),
                sheet.unit_path[-1] if sheet.unit_path else sheet.unit,
                first.group_label,
                first.deliverable,
                first.name,
                direct,
                inherited,
                first.due,
            ]
        )
    return rows


def _header_cells(ws: WriteOnlyWorksheet, texts: list[str]) -> list[WriteOnlyCell]:
    return [styled_cell(ws, text, font=_BOLD, fill=_HEAD_FILL) for text in texts]


def _header(ws: WriteOnlyWorksheet, book: Book) -> list[WriteOnlyCell]:
    words = book.words
    texts = [
        "id",
        words.gettext("Post"),
        words.gettext("Holder"),
        words.gettext("Unit"),
        words.gettext("Group"),
        words.gettext("Deliverable"),
        words.gettext("Name"),
        # Translators: the roles a post holds itself, and those it holds through its units.
        words.gettext("direct"),
        words.gettext("inherited"),
        words.gettext("Due"),
    ]
    return _header_cells(ws, texts)


def render_xlsx(book: Book) -> bytes:
    """The workbook's bytes: a worksheet per division, in chart order."""
    by_division: dict[str, list[Sheet]] = {}
    names: dict[str, str] = {}
    for sheet in book.sheets:
        by_division.setdefault(sheet.division, []).append(sheet)
        names.setdefault(sheet.division, sheet.division_name or sheet.division)
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    written = 0
    for division, sheets in by_division.items():
        ws = workbook.create_sheet(_title(names[division] or book.words.gettext("Unit"), taken))
        for i, width in enumerate(_WIDTHS):
            ws.column_dimensions[chr(65 + i)].width = width
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToHeight = 0
        ws.append(_header(ws, book))
        # Plain values, and one styled cell per combination of roles held directly,
        # reused: a styled cell each would cost ten times as much.
        styled: dict[str, WriteOnlyCell] = {}
        for sheet in sheets:
            progress.step(WRITING, written, len(book.sheets), "posts")
            written += 1
            for row in _rows(book, sheet):
                values: list[WriteOnlyCell | str | None] = [safe(t) if t else None for t in row]
                direct = row[_DIRECT]
                if direct:
                    if direct not in styled:
                        style = role_style(book.scheme, direct.split("/"))
                        styled[direct] = styled_cell(ws, direct, **style)
                    values[_DIRECT] = styled[direct]
                ws.append(values)
    progress.step(WRITING, written, written, "posts")
    if not by_division:
        workbook.create_sheet(book.words.gettext("Post")).append([safe(book.nothing)])
    legend = workbook.create_sheet(_title(book.words.gettext("Roles"), taken))
    legend.column_dimensions["B"].width = 40
    legend.append(_header_cells(legend, [book.words.gettext("Role"), book.words.gettext("Name")]))
    for letter, name, style in legend_rows(book.scheme, book.language):
        legend.append([styled_cell(legend, letter, **style), safe(name)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
