"""Pipe tables in Markdown text (GitHub-flavoured), as plain cell texts."""

from __future__ import annotations

import re

from raci.io._tables import Table

_DELIMITER_CELL = re.compile(r"^\s*:?-+:?\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_WRAPPERS = ("**", "__", "*", "`")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _raw_cells(line: str) -> list[str]:
    """A row's cells with escapes left in, split at unescaped pipes."""
    text = line.strip()
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current))
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|") and cells:
        cells = cells[:-1]
    return cells


def _unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _PUNCTUATION:
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def cell_text(raw: str) -> str:
    """The text of a cell: emphasis or code around the whole cell dropped, escapes undone,
    ``<br>`` read as a line break."""
    text = raw.strip()
    for mark in _WRAPPERS:
        n = len(mark)
        if len(text) > 2 * n and text.startswith(mark) and text.endswith(mark):
            inner = text[n:-n]
            # An odd run of backslashes before the closing mark escapes it.
            if (len(inner) - len(inner.rstrip("\\"))) % 2 == 0:
                text = inner.strip()
            break
    return _unescape(_BREAK.sub("\n", text))


def _is_delimiter(line: str, width: int) -> bool:
    cells = _raw_cells(line)
    return len(cells) == width and all(_DELIMITER_CELL.match(c) for c in cells)


def markdown_tables(text: str, file: str) -> list[Table]:
    """Every pipe table in the text (header row first), skipping fenced code blocks; each
    with the heading above it."""
    lines = text.splitlines()
    tables: list[Table] = []
    fenced = False
    heading: tuple[int, str] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
            i += 1
            continue
        found = None if fenced else _HEADING.match(line)
        if found:
            heading = (i + 1, cell_text(found.group(1)))
        if fenced or "|" not in line or i + 1 >= len(lines):
            i += 1
            continue
        header = _raw_cells(line)
        if not _is_delimiter(lines[i + 1], len(header)):
            i += 1
            continue
        rows = [(i + 1, tuple(cell_text(c) for c in header))]
        j = i + 2
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            cells = [cell_text(c) for c in _raw_cells(lines[j])][: len(header)]
            cells += [""] * (len(header) - len(cells))
            if any(cells):
                rows.append((j + 1, tuple(cells)))
            j += 1
        tables.append(Table(file, tuple(rows), guarded=False, heading=heading))
        i = j
    return tables
