"""A first pass over an XLSX workbook, before openpyxl parses it.

A workbook is a zip: a file of a few kilobytes can unpack to gigabytes of XML, and
openpyxl spends microseconds on each cell, row and text it parses. This pass checks the
sizes the zip declares (reading stops there even when a part holds more), then streams
each sheet and the shared strings once, counting what they hold, so a workbook past
raci's limits is refused before any of it is parsed. The same pass finds each sheet's
merged cells and whether it holds formulas, which openpyxl's read-only sheets do not say.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs

from raci._text import quoted
from raci.exceptions import LoadError
from raci.io._files import check_readable, too_large

__all__ = ["MAX_CELLS", "MAX_CELL_CHARS", "MAX_UNPACKED_BYTES", "SheetScan", "scan_workbook"]

#: The most a workbook's parts may take unpacked, together, as its zip directory declares
#: them: a RACI workbook of 300,000 cells takes about 12 MB.
MAX_UNPACKED_BYTES = 16 * 1024 * 1024
#: The most cells raci reads from a workbook, its sheets together; the rows, merged ranges
#: and shared texts the parser reads count as cells too (a sheet padded out to a far
#: cell counts every cell up to it). At the limit a workbook reads in a few seconds.
MAX_CELLS = 500_000
#: The longest text of one cell: the most a spreadsheet cell holds.
MAX_CELL_CHARS = 32_767

#: What the parser reads one by one: a cell, a row, a merged range, a shared text.
_ITEM = re.compile(rb"<(?:\w{1,32}:)?(?:c|row|mergeCell|si)[\s/>]")
_FORMULA = re.compile(rb"<(?:\w{1,32}:)?f[\s/>]")
_MERGED = re.compile(
    rb"<(?:\w{1,32}:)?mergeCell\s[^>]{0,256}?\bref=\"([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})\""
)
#: Bytes kept from one chunk to the next: longer than any match.
_OVERLAP = 512
_CHUNK = 1 << 20

#: A merged range: its first row and column, its last row and column (from 1).
Span = tuple[int, int, int, int]


@attrs.frozen
class SheetScan:
    """What the first pass found on one sheet."""

    formulas: bool = False
    merged: tuple[Span, ...] = ()


def _column(letters: bytes) -> int:
    """The number of a column given by its letters (``A`` is 1, ``AA`` is 27)."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _chunks(zf: zipfile.ZipFile, part: str) -> Iterator[tuple[bytes, int]]:
    """The part's bytes in chunks, each with how far into it a match may start (the rest
    comes again at the head of the next chunk)."""
    with zf.open(part) as fh:
        tail = b""
        while True:
            chunk = fh.read(_CHUNK)
            buffer = tail + chunk
            end = len(buffer) - _OVERLAP if chunk else len(buffer)
            if end > 0:
                yield buffer, end
                tail = buffer[end:]
            else:
                tail = buffer
            if not chunk:
                return


class _Counter:
    """The items read so far across the workbook, refused past :data:`MAX_CELLS`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0

    def add(self, buffer: bytes, end: int, where: str) -> None:
        for match in _ITEM.finditer(buffer):
            if match.start() >= end:
                return
            self.count += 1
            if self.count > MAX_CELLS:
                reason = (
                    f"{where}: the workbook holds more than {MAX_CELLS:,} cells, the most raci"
                    " reads (its rows, merged ranges and shared texts count as cells); save"
                    " the table as CSV, or copy it to a smaller workbook"
                )
                raise LoadError.at(self.file, 0, 0, reason)


def _scan_sheet(zf: zipfile.ZipFile, part: str, counter: _Counter, where: str) -> SheetScan:
    formulas = False
    merged: list[Span] = []
    for buffer, end in _chunks(zf, part):
        counter.add(buffer, end, where)
        if not formulas:
            found = _FORMULA.search(buffer)
            formulas = found is not None and found.start() < end
        for m in _MERGED.finditer(buffer):
            if m.start() >= end:
                break
            top, bottom = int(m[2]), int(m[4])
            left, right = _column(m[1]), _column(m[3])
            merged.append((min(top, bottom), min(left, right), max(top, bottom), max(left, right)))
    return SheetScan(formulas, tuple(merged))


def _parts(path: Path) -> tuple[list[tuple[str, str]], str | None]:
    """(sheet name, part) of every sheet, and the shared strings' part, as the workbook's
    own small parts name them."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    reader = ExcelReader(str(path), read_only=True, keep_links=False)
    try:
        reader.read_manifest()
        reader.read_workbook()
        sheets = [(sheet.name, rel.target) for sheet, rel in reader.parser.find_sheets()]
        strings = reader.package.find(SHARED_STRINGS)
    finally:
        reader.archive.close()
    return sheets, strings.PartName[1:] if strings is not None else None


def scan_workbook(path: Path) -> dict[str, SheetScan]:
    """What each sheet of the workbook at ``path`` holds, by sheet name.

    Raises LoadError naming the file (and the sheet) when the workbook unpacks to more
    than :data:`MAX_UNPACKED_BYTES` or holds more than :data:`MAX_CELLS` cells.
    """
    file = str(path)
    check_readable(path)
    with zipfile.ZipFile(path) as zf:
        if sum(info.file_size for info in zf.infolist()) > MAX_UNPACKED_BYTES:
            raise too_large(file, MAX_UNPACKED_BYTES, "the workbook unpacked")
    sheets, strings = _parts(path)
    counter = _Counter(file)
    found: dict[str, SheetScan] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        if strings in names:
            for buffer, end in _chunks(zf, strings):
                counter.add(buffer, end, "its shared strings")
        for name, part in sheets:
            if part in names:
                found[name] = _scan_sheet(zf, part, counter, f"sheet {quoted(name)}")
    return found
