"""Tables read from spreadsheets (CSV, XLSX) with the place of each cell, and role letters
typed in cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import attrs

from raci.cells import column_letter, unguard_formula
from raci.exceptions import LoadError
from raci.findings import Finding, SourceLocation
from raci.io._files import read_text
from raci.schemes import Scheme

_BLANK_CELLS = frozenset({"", "-", "–", "—", "n/a", "."})
_SEPARATORS = re.compile(r"[\s/,;+&|\-–—]+")


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

    def clean(self, text: str) -> str:
        """A cell's text as the model takes it: trimmed, formula guard removed."""
        text = text.strip()
        return unguard_formula(text) if self.guarded else text

    def at(self, row: int, column: int) -> SourceLocation:
        """The location of a cell."""
        if self.sheet is None:
            return SourceLocation(self.file, row, column)
        return SourceLocation(self.file, row, column, cell=self.cell_name(row, column))

    def problem(self, row: int, column: int, reason: str) -> Finding:
        """A problem at a cell."""
        return Finding.parse_error(self.at(row, column), reason)

    def cell_name(self, row: int, column: int) -> str:
        """``Sheet1!D7``: an XLSX cell's name."""
        return f"{self.sheet}!{column_letter(column)}{row}"


def parse_roles(text: str, scheme: Scheme) -> tuple[str, ...] | None:
    """The role letters typed in a cell, or None when the text is not role letters.

    Accepts ``A``, ``R/A``, ``A,R``, ``AR``, ``r / a``, ``-`` and blanks. A single letter
    outside the scheme is kept (the rules report it); longer unknown words are not roles.
    """
    text = text.strip()
    if text.casefold() in _BLANK_CELLS:
        return ()
    known = {letter.upper(): letter for letter in scheme.letters}
    found: list[str] = []
    for token in _SEPARATORS.split(text):
        key = token.upper()
        if not key:
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


def _csv_delimiter(text: str) -> str:
    """The delimiter used on the first line: comma, semicolon or tab."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def table_from_csv(text: str, file: str) -> Table:
    """The rows of a CSV text (comma, semicolon or tab separated)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_csv_delimiter(text))
    rows: list[tuple[int, tuple[str, ...]]] = []
    start = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                rows.append((start, tuple(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise LoadError.at(file, reader.line_num, 0, f"not a readable CSV file: {exc}") from None
    return Table(file, tuple(rows))


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


def table_from_xlsx(path: Path, sheet: str | None = None) -> Table:
    """The rows of one sheet of a workbook (the first, unless ``sheet`` names another)."""
    import openpyxl

    file = str(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LoadError.at(file, 0, 0, f"not a readable XLSX workbook: {exc}") from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            names = ", ".join(book.sheetnames)
            raise LoadError.at(file, 0, 0, f"no sheet named {sheet!r}; the sheets are {names}")
        rows: list[tuple[int, tuple[str, ...]]] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            texts = tuple(_cell_text(v) for v in values)
            if any(t.strip() for t in texts):
                rows.append((number, texts))
        title = ws.title
    finally:
        book.close()
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
