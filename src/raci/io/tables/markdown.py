"""Pipe tables in Markdown text (GitHub-flavoured), as plain cell texts with their places."""

from __future__ import annotations

import html
import re

from raci.io.tables.table import Table

_DELIMITER_CELL = re.compile(r"^\s*:?-+:?\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_IMAGE_OR_LINK = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\\]|\\.)*\)")
_CODE = re.compile(r"(`+)(.+?)\1")
#: Escaped punctuation is set aside as private-use characters while markup is undone.
_SHELTER = 0xF0000
#: Emphasis needs a visible character inside each end (not a space, not an escaped mark).
_EDGE = "[^\\s" + "".join(chr(_SHELTER + ord(c)) for c in "*_~") + "]"
#: An emphasised span is at most this long, and emphasis is unwrapped at most this many
#: levels deep: an opening mark that is never closed then costs a bounded look ahead, not
#: the rest of the cell (`_a ` written 30,000 times took half a minute).
_LONGEST_EMPHASIS = 300
_DEEPEST_EMPHASIS = 4
_EMPHASIS = re.compile(
    rf"(\*\*|\*|~~)(?={_EDGE})(.{{1,{_LONGEST_EMPHASIS}}}?)(?<={_EDGE})\1"
    # Underscores emphasise only outside words: snake_case stays as written.
    rf"|(?<!\w)(__|_)(?={_EDGE})(.{{1,{_LONGEST_EMPHASIS}}}?)(?<={_EDGE})\3(?!\w)"
)
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _raw_cells(line: str) -> list[tuple[str, int]]:
    """A row's cells with escapes left in, split at unescaped pipes, each with the
    1-based character column where its text starts."""
    cells: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line):
            current.append(line[i : i + 2])
            i += 2
            continue
        if ch == "|":
            cells.append(("".join(current), start))
            current, start = [], i + 1
        else:
            current.append(ch)
        i += 1
    cells.append(("".join(current), start))
    placed = []
    for text, begin in cells:
        lead = len(text) - len(text.lstrip())
        placed.append((text, begin + lead + 1))
    stripped = line.strip()
    if stripped.startswith("|"):
        placed = placed[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and placed:
        placed = placed[:-1]
    return placed


def _shelter_escapes(text: str) -> str:
    return re.sub(
        r"\\(.)",
        lambda m: chr(_SHELTER + ord(m.group(1))) if m.group(1) in _PUNCTUATION else m.group(0),
        text,
    )


def _restore_escapes(text: str) -> str:
    return re.sub("[\U000f0000-\U000f007f]", lambda m: chr(ord(m.group()) - _SHELTER), text)


def _unshelter_literally(text: str) -> str:
    return re.sub("[\U000f0000-\U000f007f]", lambda m: "\\" + chr(ord(m.group()) - _SHELTER), text)


def cell_text(raw: str) -> str:
    """The text of a cell as a reader sees it: a link or image is its text, code spans
    and emphasis are unwrapped, HTML tags dropped (``<br>`` is a line break), entities
    and backslash escapes undone."""
    spans: list[str] = []

    def keep(m: re.Match[str]) -> str:
        # Code spans are literal (backslashes too): set them aside untouched.
        spans.append(_unshelter_literally(m.group(2)).strip())
        return f"\x00{len(spans) - 1}\x00"

    text = _shelter_escapes(raw.strip())
    text = _BREAK.sub("\n", _CODE.sub(keep, text))
    text = _IMAGE_OR_LINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    for _ in range(_DEEPEST_EMPHASIS):
        previous, text = text, _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
        if text == previous:
            break
    text = html.unescape(_restore_escapes(text))
    for i, span in enumerate(spans):
        text = text.replace(f"\x00{i}\x00", span)
    return text.strip()


#: How a cell emphasised as a whole looks, by its marks.
_LOOKS = {"**": "bold", "__": "bold", "*": "italic", "_": "italic", "~~": "struck"}


def _look(raw: str) -> str | None:
    """How a cell looks: ``bold`` when its text is emphasised as a whole (``**Phase 1**``),
    ``italic``, ``struck``, or ``""`` (plain); None when it is empty."""
    text = raw.strip()
    if not text:
        return None
    whole = _EMPHASIS.fullmatch(_shelter_escapes(text))
    return _LOOKS[whole.group(1) or whole.group(3)] if whole else ""


def _is_delimiter(line: str, width: int) -> bool:
    cells = _raw_cells(line)
    return len(cells) == width and all(_DELIMITER_CELL.match(c) for c, _ in cells)


def markdown_tables(text: str, file: str) -> list[Table]:
    """Every pipe table in the text (header row first), skipping fenced code blocks; each
    with the heading above it. Rows keep every cell, also those beyond the header's."""
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
        rows = [(i + 1, tuple(cell_text(c) for c, _ in header))]
        starts = {i + 1: tuple(s for _, s in header)}
        looks = {}
        j = i + 2
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            raw = _raw_cells(lines[j])
            cells = [cell_text(c) for c, _ in raw]
            cells += [""] * (len(header) - len(cells))
            if any(cells):
                rows.append((j + 1, tuple(cells)))
                starts[j + 1] = tuple(s for _, s in raw)
                looks[j + 1] = tuple(_look(c) for c, _ in raw)
            j += 1
        tables.append(
            Table(file, tuple(rows), guarded=False, heading=heading, starts=starts, looks=looks)
        )
        i = j
    return tables
