"""The staffing table as an XLSX workbook: one worksheet, the header frozen and printed on
every page, numbers as numbers (change signed), subtotals and totals in bold."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from raci._text import display_width
from raci.cells import column_letter
from raci.grades import tidy
from raci.render.matrix.as_xlsx import new_sheet, safe, styled_cell
from raci.render.staffing.as_csv import sheet_header
from raci.render.staffing.sheet import GRADE, Sheet

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="F3F4F6")
#: The numbers and their headings keep to one side: the right, or the left in a worksheet
#: read right to left (set on each number there: LibreOffice keeps numbers on the right).
_NUMBERS = {False: Alignment(horizontal="right"), True: Alignment(horizontal="left")}
#: Changes show their sign: +2, -1, and 0 for none.
_SIGNED = "+General;-General;0"


def render_xlsx(sheet: Sheet) -> bytes:
    """The workbook's bytes: worksheet "Staffing", its header on row 1."""
    book = Workbook(write_only=True)
    rtl = sheet.words.rtl
    ws = new_sheet(book, "Staffing", rtl=rtl)
    header = sheet_header(sheet)
    labels = 1 + len(sheet.labels)
    ws.column_dimensions["A"].width = min(max(6, *(len(x.ids) + 2 for x in sheet.lines)), 30)
    widest = max(display_width(x.unit) for x in sheet.lines)
    ws.column_dimensions["B"].width = min(max(12, widest + 2), 60)
    for i in range(3, labels + 1):
        ws.column_dimensions[column_letter(i)].width = 12
    for i, column in enumerate(sheet.columns, start=labels + 1):
        ws.column_dimensions[column_letter(i)].width = max(7, display_width(column.label) + 2)
    ws.freeze_panes = f"{column_letter(labels + 1)}2"
    ws.print_title_rows = "1:1"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToHeight = 0

    head = [styled_cell(ws, t, font=_BOLD, fill=_HEAD_FILL) for t in header[:labels]]
    head += [
        styled_cell(ws, t, font=_BOLD, fill=_HEAD_FILL, alignment=_NUMBERS[rtl])
        for t in header[labels:]
    ]
    ws.append(head)
    for line in sheet.lines:
        font = _BOLD if line.total else None
        cells: list[WriteOnlyCell | str | None] = [
            styled_cell(ws, t, font=font) if font else (safe(t) or None)
            for t in (line.ids, *sheet.cells(line))
        ]
        for column, value in zip(sheet.columns, line.values, strict=True):
            cell = WriteOnlyCell(ws, value=tidy(value))
            if line.change:
                cell.number_format = _SIGNED
            if line.total or column.kind != GRADE:
                cell.font = _BOLD
            if rtl:
                cell.alignment = _NUMBERS[rtl]
            cells.append(cell)
        ws.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
