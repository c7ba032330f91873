"""Tables read from spreadsheets (CSV, XLSX) with the place of each cell, and role letters
typed in cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from raci._text import quoted, shorten
from raci.cells import column_letter, unguard_formula
from raci.exceptions import LoadError
from raci.findings import Finding, SourceLocation
from raci.io._files import check_readable, read_text, too_large
from raci.schemes import Scheme

_BLANK_CELLS = frozenset({"", "-", "–", "—", "n/a", "na", ".", "none", "tbd", "nobody"})
#: What people put between role letters in one cell: ``R/A``, ``R, A``, ``R+A``, ``R & A``,
#: ``R·A``, ``R (A)``.
_SEPARATORS = re.compile(r"[\s/,;+&|\-–—·•()]+")
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

    def clean(self, text: str) -> str:
        """A cell's text as the model takes it: trimmed, formula guard removed."""
        text = text.strip()
        return unguard_formula(text) if self.guarded else text

    def at(self, row: int, column: int) -> SourceLocation:
        """The location of a cell, given by its row and its column counted in cells: in a
        text table, at the character column where the cell's text starts."""
        if self.sheet is not None:
            return SourceLocation(self.file, row, column, cell=self.cell_name(row, column))
        starts = self.starts.get(row, ())
        char = starts[column - 1] if 0 < column <= len(starts) else column
        return SourceLocation(self.file, row, char, cell_column=column)

    def problem(self, row: int, column: int, reason: str) -> Finding:
        """A problem at a cell."""
        return Finding.parse_error(self.at(row, column), reason)

    def cell_name(self, row: int, column: int) -> str:
        """``Sheet1!D7``: an XLSX cell's name."""
        return f"{self.sheet}!{column_letter(column)}{row}"


def is_blank(text: str) -> bool:
    """Whether a cell says "no one, no role": empty, a dash, ``N/A``, ``none``..."""
    return text.strip().casefold() in _BLANK_CELLS


def parse_roles(text: str, scheme: Scheme) -> tuple[str, ...] | None:
    """The role letters typed in a cell, or None when the text is not role letters.

    Accepts ``A``, ``R/A``, ``A,R``, ``AR``, ``r / a``, ``R+A``, ``R·A``, ``(R)``,
    ``R (A)``, ``-``, ``N`` (not involved, unless the scheme has an N) and blanks. A single
    letter outside the scheme is kept (the rules report it); longer unknown words are not
    roles.
    """
    text = text.strip()
    if is_blank(text):
        return ()
    known = {letter.upper(): letter for letter in scheme.letters}
    found: list[str] = []
    for token in _SEPARATORS.split(text):
        key = token.upper()
        if not key or (key == _NOT_INVOLVED and key not in known):
            continue
        if key in known:
            found.append(known[key])
        elif all(ch in known for ch in key):
            found.extend(known[ch] for ch in key)
        elif len(key) == 1 and key.isalpha():
            found.append(key)
        else:
            return None
    return tuple(dict.fromkeys(found))


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
    """The rows of a CSV text (comma, semicolon, tab or bar separated), with the character
    column of each cell."""
    delimiter = csv_delimiter(text)
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, tuple[str, ...]]] = []
    starts: dict[int, tuple[int, ...]] = {}
    start = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                rows.append((start, tuple(record)))
                if reader.line_num == start and start <= len(lines):
                    starts[start] = _cell_starts(lines[start - 1], delimiter)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise LoadError.at(file, reader.line_num, 0, f"not a readable CSV file: {exc}") from None
    return Table(file, tuple(rows), starts=starts)


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


def _sheet_rows(
    path: Path, sheet: str | None, data_only: bool
) -> tuple[str, list[tuple[int, tuple[object, ...]]]]:
    """The title and the rows (number, values) of one sheet, only the cells it holds."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            names = ", ".join(book.sheetnames)
            raise LoadError.at(str(path), 0, 0, f"no sheet named {sheet!r}; the sheets are {names}")
        # The sheet's declared size may be huge (a stray cell at XFD1048576): read the
        # cells it holds instead of a grid padded to that size.
        ws.reset_dimensions()
        rows = []
        cells = 0
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells += len(values)
            if cells > MAX_CELLS:
                reason = f"the sheet holds more than {MAX_CELLS:,} cells; raci reads smaller sheets"
                raise LoadError.at(str(path), 0, 0, reason)
            if any(v is not None and v != "" for v in values):
                rows.append((number, values))
        return ws.title, rows
    finally:
        book.close()


def table_from_xlsx(path: Path, sheet: str | None = None) -> Table:
    """The rows of one sheet of a workbook (the first, unless ``sheet`` names another).

    A formula whose value the workbook does not hold (a file written by a program, never
    opened in a spreadsheet) is an error at its cell: its value cannot be known.
    """
    file = str(path)
    try:
        _check_workbook(path)
        title, values = _sheet_rows(path, sheet, data_only=True)
        rows = [(number, tuple(_cell_text(v) for v in row)) for number, row in values]
        problems = []
        if _has_formulas(path):
            table = Table(file, (), sheet=title)
            texts = dict(rows)
            for number, row in _sheet_rows(path, sheet, data_only=False)[1]:
                for col, value in enumerate(row, start=1):
                    cached = texts.get(number, ())
                    if (
                        isinstance(value, str)
                        and value.startswith("=")
                        and (col > len(cached) or not cached[col - 1])
                    ):
                        reason = (
                            f"this cell holds a formula ({quoted(value)}) whose value the"
                            " workbook does not hold; open and save it in a spreadsheet"
                            " program, or type the value"
                        )
                        problems.append(table.problem(number, col, reason))
        raise_problems(problems)
    except LoadError:
        raise
    except Exception as exc:  # openpyxl or the XML parser on a damaged or hostile file
        reason = f"not a readable XLSX workbook: {type(exc).__name__}: {shorten(str(exc))}"
        raise LoadError.at(file, 0, 0, reason) from None
    return Table(file, tuple(rows), sheet=title)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table in a CSV file, or in one sheet of an XLSX workbook."""
    if path.suffix.lower() == ".xlsx":
        return table_from_xlsx(path, sheet)
    return table_from_csv(read_text(path), str(path))


def raise_problems(problems: Iterable[Finding]) -> None:
    """Raise one LoadError with every problem, in row and column order (if any)."""
    found = sorted(problems, key=lambda p: (p.location.line, p.location.column))
    if found:
        raise LoadError(found)
