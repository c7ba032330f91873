"""Tables read from spreadsheets (CSV, XLSX) with the place of each cell, and role letters
typed in cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from raci._text import quoted, shorten
from raci.cells import column_letter, unguard_formula
from raci.exceptions import LoadError
from raci.findings import Finding, SourceLocation
from raci.io._files import check_readable, read_text, too_large
from raci.io.tables.marks import plain_marks
from raci.io.tables.region import Block, find_region
from raci.model import TableNote
from raci.schemes import Scheme

_BLANK_CELLS = frozenset({"", "-", "–", "—", "n/a", "na", ".", "none", "tbd", "nobody"})
#: What people put between role letters in one cell: ``R/A``, ``R, A``, ``R+A``, ``R & A``,
#: ``R·A``, ``R (A)``.
_SEPARATORS = re.compile(r"[\s/,;+&|\-–—·•()]+")
#: Words for "and" between two letters (``R et A``, ``R y A``, ``R 和 A``); not ``i`` or
#: ``a`` ("and" in some languages), which are letters of the scheme.
_CONJUNCTIONS = frozenset({"and", "et", "und", "y", "e", "en", "og", "och", "и", "和", "及", "と"})
#: A note in brackets after a letter: ``R (if needed)``, ``A (sign-off)``; kept when it
#: holds letters (``R (A)``).
_NOTE = re.compile(r"\(([^()]*)\)")
#: The mark for "not involved", read as no role where the scheme has no such letter.
_NOT_INVOLVED = "N"


@attrs.frozen
class Table:
    """The non-empty rows of one table, each with its row (or line) number in the source.

    Columns count from 1. ``sheet`` names the XLSX sheet, whose cells are then located
    as ``Sheet1!D7``.
    """

    file: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    sheet: str | None = None
    #: Whether cells may carry the ``'`` that spreadsheet exports put before formula starts.
    guarded: bool = True
    #: The line and text of the Markdown heading above the table.
    heading: tuple[int, str] | None = None
    #: For text tables: the character column where each cell of a row starts, by row.
    starts: Mapping[int, tuple[int, ...]] = attrs.field(factory=dict, eq=False, repr=False)
    #: The sheet's column of each column of the table, when the table does not start in
    #: the first column (or its row names take two columns).
    columns: tuple[int, ...] = attrs.field(default=(), eq=False, repr=False)
    #: What was set aside around the table, and which sheet was read.
    notes: tuple[TableNote, ...] = attrs.field(default=(), eq=False, repr=False)
    #: The names of the workbook's sheets (XLSX).
    sheets: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False)

    def clean(self, text: str) -> str:
        """A cell's text as the model takes it: trimmed, formula guard removed."""
        text = text.strip()
        return unguard_formula(text) if self.guarded else text

    def sheet_column(self, column: int) -> int:
        """The sheet's column of a column of the table (both from 1)."""
        if not self.columns or column < 1:
            return column
        if column <= len(self.columns):
            return self.columns[column - 1]
        return self.columns[-1] + column - len(self.columns)

    def at(self, row: int, column: int) -> SourceLocation:
        """The location of a cell, given by its row and its column counted in cells: in a
        text table, at the character column where the cell's text starts."""
        column = self.sheet_column(column)
        if self.sheet is not None:
            return SourceLocation(self.file, row, column, cell=self.cell_name(row, column))
        starts = self.starts.get(row, ())
        char = starts[column - 1] if 0 < column <= len(starts) else column
        return SourceLocation(self.file, row, char, cell_column=column)

    def problem(self, row: int, column: int, reason: str) -> Finding:
        """A problem at a cell."""
        return Finding.parse_error(self.at(row, column), reason)

    def ref(self, row: int, column: int) -> str:
        """``D7``: a cell's name on its sheet (row and column of the table, from 1)."""
        return f"{column_letter(self.sheet_column(column))}{row}"

    def cell_name(self, row: int, column: int) -> str:
        """``Sheet1!D7``: an XLSX cell's name (its column counted on the sheet)."""
        return f"{self.sheet}!{column_letter(column)}{row}"


def is_blank(text: str) -> bool:
    """Whether a cell says "no one, no role": empty, a dash, ``N/A``, ``none``..."""
    return text.strip().casefold() in _BLANK_CELLS


def parse_roles(text: str, scheme: Scheme) -> tuple[str, ...] | None:
    """The role letters typed in a cell, or None when the text is not role letters.

    Accepts ``A``, ``R/A``, ``A,R``, ``AR``, ``r / a``, ``R+A``, ``R·A``, ``(R)``,
    ``R (A)``, ``R and A`` (``et``, ``und``, ``y``, ``и``, ``和``...), ``R、A``, ``Ｒ``,
    Cyrillic or Greek letters that look like the scheme's (``А``, ``С``; ``Р`` is R),
    ``A*`` (a footnote mark), ``R (if needed)`` (a note in brackets), ``-``, ``N`` (not
    involved, unless the scheme has an N) and blanks. Letters run
    together count only in capitals (``AR``): ``Ida`` or ``Cara`` is a name. A single
    letter outside the scheme is kept (the rules report it); longer unknown words are not
    roles.
    """
    if is_blank(text):
        return ()
    known = {letter.upper(): letter for letter in scheme.letters}
    text = plain_marks(text.strip(), er_is_r="P" not in known).replace("*", "")
    text = _NOTE.sub(lambda m: m[0] if parse_roles(m[1], scheme) else " ", text)
    found: list[str] = []
    tokens = [t for t in _SEPARATORS.split(text) if t]
    for i, token in enumerate(tokens):
        key = token.upper()
        if key == _NOT_INVOLVED and key not in known:
            continue
        if 0 < i < len(tokens) - 1 and _conjunction(token):
            continue
        if key in known:
            found.append(known[key])
        elif token.isupper() and all(ch in known for ch in key):
            found.extend(known[ch] for ch in key)
        elif len(key) == 1 and key.isalpha():
            found.append(key)
        else:
            return None
    return tuple(dict.fromkeys(found))


def _conjunction(token: str) -> bool:
    """Whether a word between two letters means "and" (a capital ``Y`` is a letter)."""
    return token.casefold() in _CONJUNCTIONS and not (len(token) == 1 and token.isupper())


#: Lines looked at to tell the delimiter (a title row above the table has few or none).
_SNIFFED_LINES = 30


#: The delimiters a CSV text may use.
_DELIMITERS = ",;\t|"


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV text: comma, semicolon, tab or bar, as :class:`csv.Sniffer`
    tells it from the first lines (quoted fields do not count); when it cannot tell, the
    one those lines use most."""
    lines = text.splitlines()[:_SNIFFED_LINES]
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sum(line.count(d) for line in lines) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _cell_starts(line: str, delimiter: str) -> tuple[int, ...]:
    """The 1-based character column where each field of a one-line CSV record starts
    (at its first character after leading spaces and an opening quote)."""
    starts = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] == " ":
            i += 1
        if i < n and line[i] == '"':
            starts.append(i + 2)
            i += 1
            while i < n:
                if line[i] == '"' and i + 1 < n and line[i + 1] == '"':
                    i += 2
                elif line[i] == '"':
                    i += 1
                    break
                else:
                    i += 1
        else:
            starts.append(i + 1)
        while i < n and line[i] != delimiter:
            i += 1
        if i >= n:
            return tuple(starts)
        i += 1


def table_from_csv(text: str, file: str) -> Table:
    """The table in a CSV text (comma, semicolon, tab or bar separated), with the character
    column of each cell; titles, legends and notes around it set aside (:func:`placed`)."""
    delimiter = csv_delimiter(text)
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, tuple[str, ...]]] = []
    records: list[int] = []
    starts: dict[int, tuple[int, ...]] = {}
    start = 1
    try:
        for number, record in enumerate(reader):
            if any(cell.strip() for cell in record):
                rows.append((start, tuple(record)))
                records.append(number)
                if reader.line_num == start and start <= len(lines):
                    starts[start] = _cell_starts(lines[start - 1], delimiter)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise LoadError.at(file, reader.line_num, 0, f"not a readable CSV file: {exc}") from None
    return placed(Table(file, tuple(rows), starts=starts), records) or Table(
        file, tuple(rows), starts=starts
    )


#: What a block set aside is called in a note.
_KINDS = {"legend": "a legend", "note": "a title or note", "table": "a block of cells"}


def placed(table: Table, records: Sequence[int]) -> Table | None:
    """The table found among the rows of ``table`` (read from column 1; ``records``
    numbers them so that an empty row leaves a gap), cut to its rows and columns, with a
    note for each block set aside; None when no block of two rows and columns is found."""
    region = find_region([(n, cells) for n, (_, cells) in zip(records, table.rows, strict=True)])
    if region is None:
        return None
    line = {n: row for n, (row, _) in zip(records, table.rows, strict=True)}
    by_record = {n: cells for n, (_, cells) in zip(records, table.rows, strict=True)}
    left, right, k = region.left, region.right, region.label_columns
    rows = []
    for n in region.rows:
        cells = by_record[n]
        label = next((c for c in cells[left - 1 : left - 1 + k] if c.strip()), "")
        rows.append((line[n], (label, *cells[left - 1 + k : right])))
    columns = (left, *range(left + k, right + 1))
    found = attrs.evolve(table, rows=tuple(rows), columns=columns)
    notes = [_set_aside(table, found, block, line, by_record) for block in region.skipped]
    return attrs.evolve(found, notes=tuple(notes))


def reading_note(where: SourceLocation, message: str, hint: str = "") -> TableNote:
    """A note on how a table was read (rule ``table-reading``): what was set aside around
    it, which sheet was read, a row placed at the top."""
    return TableNote("table-reading", where.file, message, where, hint)


def _set_aside(
    raw: Table,
    found: Table,
    block: Block,
    line: Mapping[int, int],
    cells: Mapping[int, tuple[str, ...]],
) -> TableNote:
    """The note on a block of cells set aside beside a table."""
    first = next(c for c in cells[block.top][block.left - 1 : block.right] if c.strip())
    size = block.filled
    where = raw.at(line[block.top], block.left)
    header = found.at(found.rows[0][0], 1)
    place = header.cell.partition("!")[2] if header.cell else f"line {header.line}"
    message = (
        f"{_KINDS[block.kind]} ({size} cell{'s' if size != 1 else ''}, starting"
        f" {quoted(shorten(first.strip()))}) is outside the table that starts at {place},"
        " so it is not read"
    )
    hint = (
        "If these cells belong to the table, remove the empty row or column that parts"
        " them from it."
    )
    return reading_note(where, message, hint)


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


#: The most cells read from one sheet; a larger sheet is refused rather than padded out.
MAX_CELLS = 5_000_000
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


#: The most a workbook's parts may take unpacked, as its zip directory declares them
#: (reading stops there even when a part holds more).
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024


def _check_workbook(path: Path) -> None:
    """LoadError unless ``path`` is a regular file whose parts unpack to at most
    :data:`MAX_UNPACKED_BYTES`: a small zip can declare gigabytes."""
    check_readable(path)
    with zipfile.ZipFile(path) as zf:
        unpacked = sum(info.file_size for info in zf.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise too_large(str(path), MAX_UNPACKED_BYTES, "the workbook unpacked")


def _has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula (read in chunks, never whole)."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            with zf.open(name) as fh:
                tail = b""
                while chunk := fh.read(1 << 20):
                    if _FORMULA.search(tail + chunk):
                        return True
                    tail = chunk[-8:]
    return False


@contextmanager
def _quiet() -> Iterator[None]:
    """openpyxl's own warnings (a workbook feature it does not read) silenced: they say
    nothing about the table."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"openpyxl(\.|$)")
        yield


def _rows_of(ws: Any, file: str) -> list[tuple[int, tuple[object, ...]]]:
    """The rows (number, values) of one sheet that hold a value."""
    # The sheet's declared size may be huge (a stray cell at XFD1048576): read the
    # cells it holds instead of a grid padded to that size.
    ws.reset_dimensions()
    rows = []
    cells = 0
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        cells += len(values)
        if cells > MAX_CELLS:
            reason = f"the sheet holds more than {MAX_CELLS:,} cells; raci reads smaller sheets"
            raise LoadError.at(file, 0, 0, reason)
        if any(v is not None and v != "" for v in values):
            rows.append((number, values))
    return rows


def _sheet_table(ws: Any, file: str, sheets: tuple[str, ...]) -> tuple[Table, bool]:
    """The table on one sheet, and whether it holds one (two rows of two cells or more)."""
    rows = tuple((n, tuple(_cell_text(v) for v in values)) for n, values in _rows_of(ws, file))
    raw = Table(file, rows, sheet=ws.title, sheets=sheets)
    found = placed(raw, [n for n, _ in rows])
    if found is None:
        return raw, False
    filled = sum(1 for _, cells in found.rows if sum(1 for c in cells if c.strip()) >= 2)
    return found, filled >= 2


def _choose(book: Any, file: str, sheet: str | None) -> Table:
    """The table on the sheet named ``sheet``; else on the sheet the workbook opens at, or
    on the one visible sheet that holds a table when that one holds none."""
    sheets = tuple(book.sheetnames)
    if sheet is not None:
        if sheet not in sheets:
            folded = [n for n in sheets if n.casefold() == sheet.casefold()]
            if len(folded) != 1:
                names = ", ".join(quoted(n) for n in sheets)
                reason = f"no sheet named {quoted(sheet)}; the workbook's sheets are {names}"
                raise LoadError.at(file, 0, 0, reason)
            sheet = folded[0]
        return _sheet_table(book[sheet], file, sheets)[0]
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"] or book.worksheets
    active = book.active if book.active in visible else visible[0]
    table, holds = _sheet_table(active, file, sheets)
    if holds or len(visible) == 1:
        return table
    holding = [t for t, h in (_sheet_table(ws, file, sheets) for ws in visible) if h]
    if len(holding) == 1:
        chosen = holding[0]
        note = reading_note(
            chosen.at(chosen.rows[0][0], 1),
            f"read sheet {quoted(chosen.sheet or '')}: the workbook opens at"
            f" {quoted(active.title)}, which holds no table",
            "Name the sheet with `--sheet NAME` to read another one.",
        )
        return attrs.evolve(chosen, notes=(*chosen.notes, note))
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
        _check_workbook(path)
        with _quiet():
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                table = _choose(book, file, sheet)
            finally:
                book.close()
            problems = _formulas(path, table) if _has_formulas(path) else []
        raise_problems(problems)
    except LoadError:
        raise
    except Exception as exc:  # openpyxl or the XML parser on a damaged or hostile file
        reason = f"not a readable XLSX workbook: {type(exc).__name__}: {shorten(str(exc))}"
        raise LoadError.at(file, 0, 0, reason) from None
    return table


def _formulas(path: Path, table: Table) -> list[Finding]:
    """The cells of the table that hold a formula without its value."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        values = dict(_rows_of(book[table.sheet], str(path)))
    finally:
        book.close()
    problems = []
    for number, cells in table.rows:
        row = values.get(number, ())
        for col, text in enumerate(cells, start=1):
            at = table.sheet_column(col)
            value = row[at - 1] if at <= len(row) else None
            if isinstance(value, str) and value.startswith("=") and not text:
                reason = (
                    f"this cell holds a formula ({quoted(value)}) whose value the"
                    " workbook does not hold; open and save it in a spreadsheet"
                    " program, or type the value"
                )
                problems.append(table.problem(number, col, reason))
    return problems


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table in a CSV file, or on one sheet of an XLSX workbook."""
    if path.suffix.lower() == ".xlsx":
        return table_from_xlsx(path, sheet)
    return table_from_csv(read_text(path), str(path))


def raise_problems(problems: Iterable[Finding]) -> None:
    """Raise one LoadError with every problem, in row and column order (if any)."""
    found = sorted(problems, key=lambda p: (p.location.line, p.location.column))
    if found:
        raise LoadError(found)
