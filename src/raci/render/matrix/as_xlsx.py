"""The matrix as an XLSX workbook: a colour per role, frozen panes, a legend sheet."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from raci._text import display_width
from raci.cells import column_letter, guard_formula
from raci.exceptions import OutputError
from raci.render.legend.as_xlsx import legend_rows, role_style
from raci.render.matrix.as_text import sheet_header, sheet_rows
from raci.render.matrix.table import Matrix, cell_text

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet


_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="F3F4F6")
_SPAN_BORDER = Border(bottom=Side("thin", color="9CA3AF"))
_ROTATED = Alignment(text_rotation=90, horizontal="center", vertical="bottom")


def safe(text: str) -> str:
    """A cell text that neither runs as a formula nor holds characters XLSX cannot store."""
    return guard_formula(ILLEGAL_CHARACTERS_RE.sub("", text))


def styled_cell(ws: WriteOnlyWorksheet, value: str, **style: object) -> WriteOnlyCell:
    """A write-only cell holding ``value`` made safe, with ``style`` (font, fill...) set."""
    cell = WriteOnlyCell(ws, value=safe(value) if value else None)
    for key, item in style.items():
        setattr(cell, key, item)
    return cell


#: What one worksheet can hold (column XFD, row 1,048,576).
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576


def _width(texts: list[str], low: int, high: int) -> float:
    return float(min(max([low, *(display_width(t) + 2 for t in texts)]), high))


def render_xlsx(m: Matrix) -> bytes:
    """The workbook's bytes: sheet "Matrix" (first, so it reads back), sheet "Legend"."""
    header = sheet_header(m)
    if len(header) > MAX_COLUMNS or len(m.rows) + len(m.header_rows) + 1 > MAX_ROWS:
        msg = (
            f"a worksheet holds at most {MAX_COLUMNS:,} columns and {MAX_ROWS:,} rows; this"
            f" matrix has {len(header):,} columns and {len(m.rows):,} rows: roll parties up"
            " with --level, choose some with --parties, or write CSV"
        )
        raise OutputError(msg)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Matrix")
    first_party = len(header) - len(m.columns) + 1
    body = list(sheet_rows(m))

    ws.column_dimensions["A"].width = _width([r.id for r in m.rows], 6, 30)
    ws.column_dimensions["B"].width = _width([r.label for r in m.rows], 12, 60)
    for i, name in enumerate(header[2 : first_party - 1], start=3):
        ws.column_dimensions[column_letter(i)].width = 30 if name == "group" else 12
    for i in range(len(m.columns)):
        texts = [cell_text(r.cells[i]) for r in m.rows]
        ws.column_dimensions[column_letter(first_party + i)].width = _width(texts, 5, 12)

    top = len(m.header_rows)
    # Rotated party names need a tall header row (about 6 points per character).
    longest = max((display_width(c.key) for c in m.columns), default=0)
    ws.row_dimensions[top + 1].height = min(max(6.0 * longest + 10, 15.0), 240.0)
    ws.freeze_panes = f"{column_letter(first_party)}{top + 2}"
    ws.print_title_rows = f"1:{top + 1}"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToHeight = 0

    for k, spans in enumerate(m.header_rows, start=1):
        row: list[WriteOnlyCell | None] = [None] * (first_party - 1)
        col = first_party
        for span in spans:
            row.append(
                styled_cell(ws, span.label, font=_BOLD, fill=_HEAD_FILL, border=_SPAN_BORDER)
            )
            row += [styled_cell(ws, "", fill=_HEAD_FILL, border=_SPAN_BORDER)] * (span.size - 1)
            if span.size > 1 and span.label:
                end = column_letter(col + span.size - 1)
                ws.merged_cells.add(f"{column_letter(col)}{k}:{end}{k}")
            col += span.size
        ws.append(row)
    ws.append(
        [styled_cell(ws, t, font=_BOLD, fill=_HEAD_FILL) for t in header[: first_party - 1]]
        + [
            styled_cell(ws, t, font=_BOLD, fill=_HEAD_FILL, alignment=_ROTATED)
            for t in header[first_party - 1 :]
        ]
    )

    styled: dict[tuple[str, ...], WriteOnlyCell] = {}

    def role_cell(sheet: WriteOnlyWorksheet, letters: tuple[str, ...]) -> WriteOnlyCell:
        """A cell coloured as its roles (one styled cell per combination, reused)."""
        if letters not in styled:
            styled[letters] = styled_cell(
                sheet, cell_text(letters), **role_style(m.scheme, letters)
            )
        return styled[letters]

    for r, values in zip(m.rows, body, strict=True):
        ws.append(
            [safe(v) if v else None for v in values[: first_party - 1]]
            + [role_cell(ws, c) if c else None for c in r.cells]
        )

    legend = book.create_sheet("Legend")
    legend.column_dimensions["A"].width = 14
    legend.column_dimensions["B"].width = 40
    legend.column_dimensions["C"].width = 60
    words = m.words
    heads = [words.gettext("Letter"), words.gettext("Role")]
    legend.append([styled_cell(legend, text, font=_BOLD) for text in heads])
    for letters, name, style in legend_rows(m.scheme, m.language, m.combined()):
        legend.append([styled_cell(legend, letters, **style), safe(name)])
    legend.append([])
    heads = [words.gettext("Column"), words.gettext("Party"), words.gettext("Name")]
    legend.append([styled_cell(legend, text, font=_BOLD) for text in heads])
    for i, column in enumerate(m.columns):
        legend.append([column_letter(first_party + i), safe(column.id), safe(column.label)])

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
