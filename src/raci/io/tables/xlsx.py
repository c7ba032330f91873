"""Tables read from XLSX workbooks, each cell located as ``Sheet1!D7``.

The workbook passes :func:`~raci.io.tables.xlsx_scan.scan_workbook` (its size unpacked,
its cells) before openpyxl parses it; openpyxl then reads it read-only, one sheet at a
time.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Hashable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from raci._text import quoted, shorten
from raci.exceptions import LoadError
from raci.findings import Finding, Listed, nsay, say
from raci.io.tables.legend import Legend
from raci.io.tables.region import is_capital_mark
from raci.io.tables.role_headers import scheme_of_headers
from raci.io.tables.table import Table, legend_alone, placed, raise_problems, reading_note
from raci.io.tables.xlsx_scan import MAX_CELL_CHARS, MAX_CELLS, SheetScan, scan_workbook

__all__ = ["table_from_xlsx"]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@contextmanager
def _quiet() -> Iterator[None]:
    """openpyxl's own warnings (a workbook feature it does not read) silenced: they say
    nothing about the table."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"openpyxl(\.|$)")
        yield


class _Cells:
    """The cells read from one workbook so far: a row counts every cell up to its last,
    so a sheet padded out to a far cell is refused rather than read."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0

    def take(self, n: int) -> None:
        self.count += n
        if self.count > MAX_CELLS:
            reason = (
                f"the workbook's sheets hold more than {MAX_CELLS:,} cells (counted up to"
                " the last cell of each row), the most raci reads; move the table to a"
                " sheet of its own, or save it as CSV"
            )
            raise LoadError.at(self.file, 0, 0, reason)


class _Looks:
    """How the cells of a workbook look (bold or not, font size, fill), each look made
    once per font and fill of the workbook's styles."""

    def __init__(self) -> None:
        self.seen: dict[tuple[int, int], Hashable] = {}

    def of(self, cell: Any) -> Hashable:
        style = cell.style_array
        key = (style.fontId, style.fillId)
        look = self.seen.get(key)
        if look is None:
            font, fill = cell.font, cell.fill
            colour = getattr(fill, "fgColor", None)
            shade = (colour.type, colour.value, colour.tint) if colour is not None else None
            kind = getattr(fill, "fill_type", None) or getattr(fill, "type", None)
            look = self.seen[key] = (bool(font.b), font.sz, (kind, shade) if kind else None)
        return look


def _rows_of(
    ws: Any, file: str, cells: _Cells, looks: dict[int, tuple[Hashable, ...]] | None = None
) -> list[tuple[int, tuple[object, ...]]]:
    """The rows (number, values) of one sheet that hold a value, and in ``looks`` how
    each of their filled cells looks; LoadError at a cell whose text is longer than a
    spreadsheet cell holds."""
    # The sheet's declared size may be huge (a stray cell at XFD1048576): read the
    # cells it holds instead of a grid padded to that size.
    ws.reset_dimensions()
    rows = []
    style = _Looks()
    for number, row in enumerate(ws.iter_rows(), start=1):
        values = tuple(cell.value for cell in row)
        cells.take(len(values))
        if not any(v is not None and v != "" for v in values):
            continue
        if looks is not None:
            looks[number] = tuple(
                None if v is None or v == "" else style.of(cell)
                for cell, v in zip(row, values, strict=True)
            )
        for col, value in enumerate(values, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                reason = (
                    f"this cell holds {len(value):,} characters, more than the"
                    f" {MAX_CELL_CHARS:,} a spreadsheet cell holds"
                )
                raise LoadError([Table(file, (), sheet=ws.title).problem(number, col, reason)])
        rows.append((number, values))
    return rows


def _sheet_table(
    ws: Any, file: str, sheets: tuple[str, ...], scan: SheetScan, cells: _Cells
) -> tuple[Table, bool]:
    """The table on one sheet, and whether it holds one (two rows of two cells or more)."""
    looks: dict[int, tuple[Hashable, ...]] = {}
    rows = tuple(
        (n, tuple(_cell_text(v) for v in values)) for n, values in _rows_of(ws, file, cells, looks)
    )
    raw = Table(file, rows, sheet=ws.title, sheets=sheets, merged=scan.merged, looks=looks)
    found = placed(raw, [n for n, _ in rows])
    if found is None:
        return attrs.evolve(raw, legend=legend_alone(raw, [n for n, _ in rows])), False
    filled = sum(1 for _, cells in found.rows if sum(1 for c in cells if c.strip()) >= 2)
    return found, filled >= 2


def _holds_marks(table: Table) -> bool:
    """Whether a table has role letters (``R``, ``A/R``) in a cell past its first column."""
    return any(
        is_capital_mark(text) for _, cells in table.rows[1:] for text in cells[1:] if text.strip()
    )


def _holds_raci(table: Table) -> bool:
    """Whether a table, or another of its sheet, looks like a responsibility table: role
    letters in its cells, or roles named in its header."""
    return any(
        _holds_marks(t) or scheme_of_headers(list(t.rows[0][1][1:]), None)[1] >= 2
        for t in (table, *table.others)
        if t.rows
    )


def _glance(
    others: list[Any], file: str, sheets: tuple[str, ...], scans: Mapping[str, SheetScan]
) -> list[tuple[Table, bool]]:
    """The tables on the workbook's other sheets, and whether each holds one, looked at
    within the cells raci reads from a workbook (the sheets past them are not)."""
    glanced = []
    budget = _Cells(file)
    for ws in others:
        try:
            glanced.append(_sheet_table(ws, file, sheets, scans.get(ws.title, SheetScan()), budget))
        except LoadError:
            break
    return glanced


def _also_held(table: Table, glanced: list[tuple[Table, bool]]) -> Table:
    """``table`` with a note naming the workbook's other visible sheets that hold a
    responsibility table too."""
    holding = [found.sheet or "" for found, holds in glanced if holds and _holds_raci(found)]
    if not holding:
        return table
    also = nsay(
        "sheet {sheets} also holds a table, which raci does not read with this one: it reads"
        " one sheet, the one the workbook opens at ({opened})",
        "sheets {sheets} also hold tables, which raci does not read with this one: it reads"
        " one sheet, the one the workbook opens at ({opened})",
        len(holding),
        sheets=Listed(tuple(quoted(n) for n in holding)),
        opened=quoted(table.sheet or ""),
    )
    hint = say("Read another sheet with `--sheet {sheet}`.", sheet=holding[0])
    note = reading_note(table.at(table.rows[0][0], 1), also, hint)
    return attrs.evolve(table, notes=(*table.notes, note))


def _keyed(table: Table, glanced: list[tuple[Table, bool]]) -> Table:
    """``table`` with the codes that legends on the workbook's other sheets define whole
    (``AI  AI System`` on a sheet of definitions), after those of its own sheet's."""
    codes = [c for found, _ in glanced if found.legend for c in found.legend.codes]
    if not codes:
        return table
    own = table.legend or Legend((), codes[0].location)
    legend = attrs.evolve(own, codes=(*own.codes, *codes))
    return attrs.evolve(table, legend=legend)


def _sheet_named(sheet: str, sheets: tuple[str, ...], file: str) -> str:
    """The workbook's sheet named ``sheet``, in any case; LoadError when none is."""
    if sheet in sheets:
        return sheet
    folded = [n for n in sheets if n.casefold() == sheet.casefold()]
    if len(folded) != 1:
        names = ", ".join(quoted(n) for n in sheets)
        reason = f"no sheet named {quoted(sheet)}; the workbook's sheets are {names}"
        raise LoadError.at(file, 0, 0, reason)
    return folded[0]


def _choose(book: Any, file: str, sheet: str | None, scans: Mapping[str, SheetScan]) -> Table:
    """The table on the sheet named ``sheet``; else on the sheet the workbook opens at, or
    on the one visible sheet that holds a table when that one holds none."""
    sheets = tuple(book.sheetnames)
    cells = _Cells(file)

    def table_on(ws: Any) -> tuple[Table, bool]:
        return _sheet_table(ws, file, sheets, scans.get(ws.title, SheetScan()), cells)

    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"] or book.worksheets
    if sheet is not None:
        named = _sheet_named(sheet, sheets, file)
        others = [ws for ws in visible if ws.title != named]
        return _keyed(table_on(book[named])[0], _glance(others, file, sheets, scans))
    active = book.active if book.active in visible else visible[0]
    table, holds = table_on(active)
    if holds:
        glanced = _glance([ws for ws in visible if ws is not active], file, sheets, scans)
        return _keyed(_also_held(table, glanced), glanced)
    if len(visible) == 1:
        return table
    glanced = [table_on(ws) for ws in visible if ws is not active]
    holding = [t for t, h in glanced if h]
    # Of several, the one sheet whose table holds role letters (a register beside it
    # holds words).
    marked = [t for t in holding if _holds_marks(t)]
    if len(holding) == 1 or len(marked) == 1:
        chosen = holding[0] if len(holding) == 1 else marked[0]
        note = reading_note(
            chosen.at(chosen.rows[0][0], 1),
            say(
                "read sheet {sheet}: the workbook opens at {opened}, which holds no table",
                sheet=quoted(chosen.sheet or ""),
                opened=quoted(active.title),
            ),
            say("Name the sheet with `--sheet NAME` to read another one."),
        )
        others = [(table, holds), *((t, h) for t, h in glanced if t is not chosen)]
        return _keyed(attrs.evolve(chosen, notes=(*chosen.notes, note)), others)
    if holding:
        tables = ", ".join(quoted(t.sheet or "") for t in holding)
        reason = (
            f"sheets {tables} each hold a table and the sheet the workbook opens at"
            f" ({quoted(active.title)}) holds none; choose one with `--sheet NAME`"
        )
        raise LoadError.at(file, 0, 0, reason)
    return table


def table_from_xlsx(path: Path, sheet: str | None = None) -> Table:
    """The table on one sheet of a workbook: the sheet named ``sheet``, else the sheet it
    opens at, unless that one holds no table and one other sheet does.

    Titles, legends and notes around the table are set aside (:func:`placed`). A formula
    in the table whose value the workbook does not hold (a file written by a program,
    never opened in a spreadsheet) is an error at its cell: its value cannot be known.
    """
    import openpyxl

    file = str(path)
    try:
        with _quiet():
            scans = scan_workbook(path)
            book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
            try:
                table = _choose(book, file, sheet, scans)
            finally:
                book.close()
            scan = scans.get(table.sheet or "")
            problems = _formulas(path, table) if scan is None or scan.formulas else []
        raise_problems(problems)
    except LoadError:
        raise
    except Exception as exc:  # openpyxl or the XML parser on a damaged or hostile file
        reason = f"not a readable XLSX workbook: {type(exc).__name__}: {shorten(str(exc))}"
        raise LoadError.at(file, 0, 0, reason) from None
    return table


def _formulas(path: Path, table: Table) -> list[Finding]:
    """The cells of the table (and of the sheet's other tables) that hold a formula
    without its value."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        values = dict(_rows_of(book[table.sheet], str(path), _Cells(str(path))))
    finally:
        book.close()
    problems = []
    for part in (table, *table.others):
        for number, cells in part.rows:
            row = values.get(number, ())
            for col, text in enumerate(cells, start=1):
                at = part.sheet_column(col)
                value = row[at - 1] if at <= len(row) else None
                if isinstance(value, str) and value.startswith("=") and not text:
                    reason = (
                        f"this cell holds a formula ({quoted(value)}) whose value the"
                        " workbook does not hold; open and save it in a spreadsheet"
                        " program, or type the value"
                    )
                    problems.append(part.problem(number, col, reason))
    return problems
