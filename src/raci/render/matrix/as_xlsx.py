"""The matrix as an XLSX workbook: a colour per role, frozen panes, a legend sheet; and
what every workbook shares (safe cells, worksheets read right to left)."""

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
from raci.render.dot import wrap
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


def new_sheet(book: Workbook, title: str, *, rtl: bool) -> WriteOnlyWorksheet:
    """A new worksheet ``title`` of ``book``, read right to left when ``rtl`` (column A on
    the right, as a spreadsheet in Arabic is)."""
    ws: WriteOnlyWorksheet = book.create_sheet(title)
    if rtl:
        ws.sheet_view.rightToLeft = True
    return ws


#: What one worksheet can hold (column XFD, row 1,048,576).
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576


#: The widest a column of names or groups grows (characters) before its cells wrap, and
#: the height of a line of text (points).
_WIDEST_TEXT, _LINE = 60, 15.0
#: The tallest the row of rotated party names grows (points; Excel allows 409) before the
#: longest names wrap, and the height a character of a rotated name takes.
_TALLEST_HEADER, _CHAR = 300.0, 6.0
_WRAPPED = Alignment(wrap_text=True)
_ROTATED_WRAPPED = Alignment(
    text_rotation=90, horizontal="center", vertical="bottom", wrap_text=True
)


def _width(texts: list[str], low: int, high: int) -> float:
    return float(min(max([low, *(display_width(t) + 2 for t in texts)]), high))


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` wide (with its margin)."""
    return len(wrap(text, int(width) - 2)) if display_width(text) + 2 > width else 1


def _party_header(names: list[str]) -> tuple[float, list[int]]:
    """The height of the row of rotated party names, and the lines each name takes: one,
    unless it is longer than the tallest row holds."""
    most = int((_TALLEST_HEADER - 10) / _CHAR)
    lines = [wrap(name, most) if display_width(name) > most else [name] for name in names]
    longest = max((display_width(line) for ls in lines for line in ls), default=0)
    return min(max(_CHAR * longest + 10, 15.0), _TALLEST_HEADER), [len(ls) for ls in lines]


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
    ws = new_sheet(book, "Matrix", rtl=m.words.rtl)
    first_party = len(header) - len(m.columns) + 1
    body = list(sheet_rows(m))

    names = _width([r.label for r in m.rows], 12, _WIDEST_TEXT)
    groups = _width(["group", *(r.group_key for r in m.rows)], 12, _WIDEST_TEXT)
    ws.column_dimensions["A"].width = _width([r.id for r in m.rows], 6, 30)
    ws.column_dimensions["B"].width = names
    for i, name in enumerate(header[2 : first_party - 1], start=3):
        ws.column_dimensions[column_letter(i)].width = groups if name == "group" else 12
    high, header_lines = _party_header(header[first_party - 1 :])
    for i, lines in enumerate(header_lines):
        texts = [cell_text(r.cells[i]) for r in m.rows]
        # A wrapped name's lines stand side by side: about 3 characters wide each.
        wide = max(_width(texts, 5, 12), 3.0 * lines + 1 if lines > 1 else 0)
        ws.column_dimensions[column_letter(first_party + i)].width = wide

    top = len(m.header_rows)
    ws.row_dimensions[top + 1].height = high
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
            styled_cell(
                ws,
                t,
                font=_BOLD,
                fill=_HEAD_FILL,
                alignment=_ROTATED_WRAPPED if lines > 1 else _ROTATED,
            )
            for t, lines in zip(header[first_party - 1 :], header_lines, strict=True)
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

    wrapped = {1: names, 2: groups}  # the columns of names and groups, and their widths
    for n, (r, values) in enumerate(zip(m.rows, body, strict=True), start=top + 2):
        taken = {k: _lines(values[k], wide) for k, wide in wrapped.items()}
        if max(taken.values()) > 1:
            ws.row_dimensions[n].height = _LINE * max(taken.values())
        ws.append(
            [
                styled_cell(ws, v, alignment=_WRAPPED)
                if taken.get(k, 1) > 1
                else (safe(v) if v else None)
                for k, v in enumerate(values[: first_party - 1])
            ]
            + [role_cell(ws, c) if c else None for c in r.cells]
        )

    legend = new_sheet(book, "Legend", rtl=m.words.rtl)
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
