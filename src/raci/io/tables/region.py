"""Where the table is on a sheet: the block of cells that holds it, found among titles,
legends and notes above, beside or below it, which are set aside and said.

A sheet is cut at its empty rows and empty columns, again and again, into blocks (as a
reader sees them). The largest block that is neither a legend nor a lone column of notes
is the table; blocks below it that continue its columns are its rows too. Every other
such block with rows of its own (another table above or below, under its own header) is
found the same way, for the reader to read or set aside.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

import attrs

from raci.io.tables.marks import plain_marks
from raci.io.tables.role_headers import role_of_header
from raci.schemes import BUILTIN_LETTERS, BUILTIN_SCHEMES

#: A legend's entry in one cell: ``R: Responsible``, ``A = Accountable``, ``C - Consulted``,
#: ``Р — исполнитель``, ``R：负责``, ``AI  AI System`` (two spaces or more).
_ENTRY = re.compile(r"^\(?([^\W\d_]{1,2})\)?(?:\s*[:：=]|\s+[–—-]|[ \t]{2,})\s*(\w.*)$", re.DOTALL)
#: What marks a cell holds: a letter or two, or a few of them, separated or bracketed.
_MARKS = re.compile(r"^[\s(]*[A-Za-z]{1,2}[\s)]*(?:[\s/,;+&·.()-]+[A-Za-z]{1,2}[\s)]*)*$")
#: The header of a legend table: ``Symbol | Meaning``, ``Code | Role | Definition``, or
#: its title (``Legend``) alone.
_LEGEND_HEADS = frozenset(
    {
        "symbol",
        "code",
        "letter",
        "key",
        "abbreviation",
        "legend",
        "legende",
        "kürzel",
        "leyenda",
        "símbolo",
        "légende",
        "обозначение",
        "условные обозначения",
        "图例",
        "代码",
    }
)
_LEGEND_MEANINGS = frozenset(
    {
        "meaning",
        "role",
        "description",
        "definition",
        "bedeutung",
        "rolle",
        "significado",
        "signification",
        "значение",
        "роль",
        "含义",
        "角色",
        "说明",
    }
)


def is_mark(text: str) -> bool:
    """Whether a cell holds marks (``R``, ``A/R``, ``R,A,C``, ``(R)``) rather than words."""
    return bool(_MARKS.match(plain_marks(text.strip())))


def is_capital_mark(text: str) -> bool:
    """Whether a cell holds marks in capitals (``R``, ``A/R``): a name of two letters
    (``Bo``) is not one."""
    return is_mark(text) and text.upper() == text


@attrs.frozen
class Block:
    """A rectangle of a sheet: its first and last row (as counted in the grid given) and
    first and last column (from 1)."""

    top: int
    bottom: int
    left: int
    right: int
    #: What it is: ``table``, ``legend`` or ``note``.
    kind: str = "table"
    filled: int = 0


@attrs.frozen
class Region:
    """The table's place on a sheet and what was set aside around it."""

    #: The rows (as counted in the grid given) that belong to the table.
    rows: tuple[int, ...]
    left: int
    right: int
    #: How many columns from ``left`` hold the row names (names indented into a column of
    #: their own under one header): they are read as one.
    label_columns: int
    skipped: tuple[Block, ...]
    #: The sheet's other tables (blocks under a header of their own), top to bottom.
    others: tuple[Region, ...] = ()


Grid = Sequence[tuple[int, tuple[str, ...]]]

#: The most blocks a sheet may be cut into for each to be looked at as a table of its
#: own; past it (no sheet people write has so many) only the largest table is read.
MOST_TABLE_BLOCKS = 200


def legend_blocks(grid: Grid) -> list[Block]:
    """The blocks of ``grid`` (numbered as :func:`find_region` takes it) that are legends."""
    cells = {
        (row, col): text.strip()
        for row, texts in grid
        for col, text in enumerate(texts, start=1)
        if text.strip()
    }
    blocks = [_classify(b, cells) for b in _cut(list(cells))] if cells else []
    return [b for b in blocks if b.kind == "legend"]


def find_region(grid: Grid) -> Region | None:
    """The table in ``grid`` (rows numbered so that an empty row leaves a gap, each row's
    cells from column 1), or None when it holds no block of two rows and two columns; the
    other tables of the sheet in its ``others``."""
    cells = {
        (row, col): text.strip()
        for row, texts in grid
        for col, text in enumerate(texts, start=1)
        if text.strip()
    }
    if not cells:
        return None
    blocks = [_classify(b, cells) for b in _cut(list(cells))]
    tables = [b for b in blocks if b.kind == "table"]
    if not tables:
        return None
    first = _first_block(tables, cells)
    if _head_of_letters(first, cells):
        # A row of letters heads no table: start at the heaviest block with a header.
        headed = [b for b in tables if not _head_of_letters(b, cells)]
        first = _first_block(headed, cells) if headed else first
    blocks.sort(key=lambda b: (b.top, b.left))
    numbers = sorted({r for r, _ in cells})
    main = _grown(first, blocks, cells, numbers, set())
    if main is None:
        return None
    found = [main]
    claimed = set(main.kept)
    for block in blocks if len(tables) <= MOST_TABLE_BLOCKS else ():
        if (
            block.kind != "table"
            or block in claimed
            or _summary(block, cells)
            or _head_of_letters(block, cells)
            or _read_within(block, found)
        ):
            continue
        other = _grown(block, blocks, cells, numbers, claimed)
        if other is not None and len(other.region.rows) >= 2:
            found.append(other)
            claimed.update(other.kept)
    on_row: dict[int, list[_Grown]] = {}
    for grown in found:
        for r in grown.read:
            on_row.setdefault(r, []).append(grown)
    skipped = [b for b in blocks if b not in claimed and not _read_within(b, on_row.get(b.top, []))]
    skipped.sort(key=lambda b: (b.top, b.left))
    others = sorted((g.region for g in found[1:]), key=lambda r: r.rows[0])
    return attrs.evolve(
        main.region,
        skipped=tuple(sorted((*main.region.skipped, *skipped), key=lambda b: (b.top, b.left))),
        others=tuple(others),
    )


def _first_block(tables: list[Block], cells: dict[tuple[int, int], str]) -> Block:
    """The block the table starts at: the one that most looks like it, or the block it
    carries on past an empty spacer column or below empty rows."""
    first = max(tables, key=lambda b: (_weight(b, cells, len(tables) > 1), -b.top))
    # A block of party columns past an empty spacer column: the table starts at the block
    # on its left that holds the row names.
    while left := _spaced_from(first, tables, cells):
        first = left
    # The table starts at the first of the blocks that carry on one another's columns.
    while above := [b for b in tables if _continues(first, b, cells)]:
        first = max(above, key=lambda b: b.bottom)
    return first


@attrs.frozen
class _Grown:
    """A table grown from its first block: its region, the blocks it takes in, and the
    rectangle its rows fill."""

    region: Region
    kept: tuple[Block, ...]
    area: Block
    read: frozenset[int]


def _grown(
    first: Block,
    blocks: list[Block],
    cells: dict[tuple[int, int], str],
    numbers: list[int],
    claimed: set[Block],
) -> _Grown | None:
    """The table that starts at block ``first``: with the blocks beside its header and
    those below that carry on its columns (of ``blocks``, top to bottom, none of
    ``claimed``), its titles and legend lines set aside; None when no row is left.
    ``numbers`` are the sheet's rows."""
    kept = [first] + [b for b in blocks if b not in claimed and _beside(b, first, cells)]
    main = attrs.evolve(first, right=max(b.right for b in kept))
    inside = [r for r in numbers if main.top <= r <= main.bottom]
    rows = _trim(inside, main, cells)
    if not rows:
        return None
    read = set(rows)
    skipped = _rows_as_blocks([r for r in inside if r not in read], main, cells)
    main = _narrowed(main, rows, cells)
    main, legend = _legend_at_right(main, rows, cells)
    skipped += legend
    for block in blocks:
        if block not in claimed and _continues(block, main, cells):
            kept.append(block)
            more = [r for r in numbers if block.top <= r <= block.bottom]
            end = _legend_end(more, main, cells, 0)
            rows += more[:end]
            skipped += _rows_as_blocks(more[end:], main, cells)
            main = attrs.evolve(main, bottom=block.bottom)
    skipped.sort(key=lambda b: (b.top, b.left))
    region = Region(
        tuple(rows), main.left, main.right, _label_columns(rows, main, cells), tuple(skipped)
    )
    return _Grown(region, tuple(kept), main, frozenset(rows))


def _read_within(block: Block, found: list[_Grown]) -> bool:
    """Whether a block lies within a table found, starting on one of its rows."""
    return any(_inside(block, g.area) and block.top in g.read for g in found)


def _weight(block: Block, texts: dict[tuple[int, int], str], compare: bool) -> int:
    """How much a block looks like the table: its cells, counted more in a wider block and
    in cells that hold marks (a page of two-column notes does not outweigh a matrix)."""
    if not compare:
        return block.filled
    marks = sum(
        is_mark(texts.get((r, c), ""))
        for r in range(block.top, block.bottom + 1)
        for c in range(block.left + 1, block.right + 1)
    )
    return block.filled * min(block.right - block.left + 1, 4) + 2 * marks


def _inside(block: Block, main: Block) -> bool:
    return (
        main.top <= block.top
        and block.bottom <= main.bottom
        and main.left <= block.left
        and block.right <= main.right
    )


def _beside(block: Block, main: Block, texts: dict[tuple[int, int], str]) -> bool:
    """Whether a block right of the main one carries on its header past an empty column:
    it starts on the main block's first row and ends within its rows, and is no table of
    its own (names under its own header, letters beside them: a second matrix)."""
    return (
        block.kind != "legend"
        and block.left > main.right
        and block.top == main.top
        and block.bottom <= main.bottom
        and not (_own_header(block, texts) and not _marks_first(block, texts))
    )


def _spaced_from(
    block: Block, tables: list[Block], texts: dict[tuple[int, int], str]
) -> Block | None:
    """The block left of ``block`` that it carries on past an empty spacer column: on the
    same header row, with a header label either side of the gap, and names in that
    block's first column where ``block``'s holds marks; None when there is none."""
    if not _marks_first(block, texts):
        return None
    beside = [
        b
        for b in tables
        if b.right < block.left
        and b.top == block.top
        and b.bottom >= block.bottom
        and texts.get((b.top, b.right))
        and texts.get((block.top, block.left))
        and not _marks_first(b, texts)
        and not any(texts.get((r, c)) for r in _rows(b) for c in range(b.right + 1, block.left))
    ]
    return max(beside, key=lambda b: b.right, default=None)


def _rows(block: Block) -> range:
    return range(block.top, block.bottom + 1)


def _marks_first(block: Block, texts: dict[tuple[int, int], str]) -> bool:
    """Whether a block's first column holds marks under its header, not names."""
    below = [texts[(r, block.left)] for r in _rows(block)[1:] if texts.get((r, block.left))]
    return sum(map(is_mark, below)) * 2 > len(below)


def _cut(cells: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The blocks of cells: cut at every empty row, then every empty column, until no cut
    is left."""
    for axis in (0, 1):
        parts = _split(cells, axis)
        if len(parts) > 1:
            return [block for part in parts for block in _cut(part)]
    return [cells]


def _split(cells: list[tuple[int, int]], axis: int) -> list[list[tuple[int, int]]]:
    """The cells in runs along ``axis`` (0 rows, 1 columns) that an empty line separates."""
    values = sorted({c[axis] for c in cells})
    runs: list[tuple[int, int]] = []
    for v in values:
        if runs and v == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], v)
        else:
            runs.append((v, v))
    if len(runs) < 2:
        return [cells]
    starts = [lo for lo, _ in runs]
    parts: list[list[tuple[int, int]]] = [[] for _ in runs]
    for cell in cells:
        parts[bisect_right(starts, cell[axis]) - 1].append(cell)
    return parts


def _classify(cells: list[tuple[int, int]], texts: dict[tuple[int, int], str]) -> Block:
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    block = Block(rows[0], rows[-1], cols[0], cols[-1], filled=len(cells))
    if len(cols) == 1 or (len(rows) == 1 and len(cells) <= 2):
        kind = "legend" if all(_is_entry(texts[c]) for c in cells) else "note"
        return attrs.evolve(block, kind=kind)
    lines = [_row(texts, r, block) for r in rows]
    legend_rows = sum(1 for cells in lines if _is_legend_row(cells))
    # Also a legend: every row a letter, its name and a description merged across.
    if legend_rows * 2 >= len(rows) or all(_is_legend_row(_once(cells)) for cells in lines):
        return attrs.evolve(block, kind="legend")
    return block


def _row(texts: dict[tuple[int, int], str], row: int, block: Block) -> list[str]:
    """The filled cells of a row within a block, left to right."""
    return [texts[(row, c)] for c in range(block.left, block.right + 1) if texts.get((row, c), "")]


def legend_entry(text: str) -> tuple[str, str] | None:
    """The letter and the words a cell that is a legend's entry gives (``R: Responsible``
    and ``Responsible (R)`` are ``R`` and ``Responsible``); None for any other cell,
    letters joined by a dash (``R - A``) among them."""
    found = _ENTRY.match(text.strip())
    if found is None or len(text) >= 200 or is_capital_mark(found.group(2)):
        return _role_then_letter(text)
    return found.group(1), found.group(2)


#: A role's name with its letter in brackets after it: ``Responsible (R)``.
_ROLE_THEN_LETTER = re.compile(r"^([^\W\d_][^()]{2,40}?)\s*\(([^\W\d_])\)$")


def _role_then_letter(text: str) -> tuple[str, str] | None:
    """The letter and the role's name of a cell that names a built-in scheme's role with
    its letter after it (``Accountable (A)``); None for any other cell (``Build (UI)``)."""
    found = _ROLE_THEN_LETTER.match(text.strip())
    if found is None:
        return None
    name, letter = found.group(1), found.group(2).upper()
    named = any(
        (role := role_of_header(name, scheme)) is not None and role.letter == letter
        for scheme in BUILTIN_SCHEMES.values()
    )
    return (letter, name) if named else None


def _is_entry(text: str) -> bool:
    return legend_entry(text) is not None


def _is_legend_row(cells: list[str]) -> bool:
    """A legend's row: entries (``R: Responsible``) only, an entry and its explanation, a
    letter and its meaning, or a legend's header (``Symbol | Meaning``)."""
    if not cells:
        return False
    if all(_is_entry(c) for c in cells) or (_is_entry(cells[0]) and len(cells) <= 3):
        return True
    heads = [c.strip("*: ").casefold() for c in cells[:2]]
    if heads[0] in _LEGEND_HEADS and (len(cells) == 1 or heads[1] in _LEGEND_MEANINGS):
        return True
    letter, meaning = cells[0].strip("*()"), cells[1] if len(cells) > 1 else ""
    return (
        len(cells) in (2, 3)
        and len(letter) == 1
        and letter.isalpha()
        and len(meaning) > 2
        and meaning[0].isalpha()
    )


def _trim(rows: list[int], main: Block, texts: dict[tuple[int, int], str]) -> list[int]:
    """The block's rows without the titles and legend lines at its top (before its first
    row of two or more cells) and the legend lines at its bottom, with their title."""
    start = 0
    while start < len(rows):
        cells = _once(_row(texts, rows[start], main))
        if len(cells) >= 2 and not _is_legend_row(cells):
            break
        start += 1
    return rows[start : _legend_end(rows, main, texts, start + 1)]


def _legend_end(rows: list[int], main: Block, texts: dict[tuple[int, int], str], least: int) -> int:
    """Where the legend lines at the bottom of ``rows`` begin (with their title above
    them, and notes of one cell below them), never before index ``least``; ``len(rows)``
    when there are none."""

    def cells(i: int) -> list[str]:
        return _once(_row(texts, rows[i], main))

    below = len(rows)
    while below > least and len(cells(below - 1)) == 1 and not _legend_line(cells(below - 1)):
        below -= 1
    end = below
    while end > least and _legend_line(cells(end - 1)):
        end -= 1
    if end == below:
        return len(rows)
    # A legend under the table keeps its title (``Definitions``, ``Key``) with it.
    if end > least and len(cells(end - 1)) == 1:
        end -= 1
    return end


def _legend_line(cells: list[str]) -> bool:
    """Whether a row under a table is a line of its legend: entries only (``R =
    Responsible``), or a letter and the name of the role it stands for in a built-in
    scheme (``A | Accountable | Answers for the result``)."""
    if cells and all(_is_entry(c) for c in cells):
        return True
    letter = cells[0].strip("*() ").upper() if cells else ""
    if len(cells) < 2 or is_mark(cells[1]):
        return False
    # The role's name may lead a description: ``Responsible — performs the work``.
    named = _DESCRIBED.split(cells[1], maxsplit=1)[0]
    return any(
        (role := role_of_header(named, scheme)) is not None and role.letter == letter
        for scheme in BUILTIN_SCHEMES.values()
    )


#: What parts a role's name from its description in a legend line.
_DESCRIBED = re.compile(r"\s+[—–-]\s+|\s*[:=]\s*")


def _narrowed(main: Block, rows: list[int], texts: dict[tuple[int, int], str]) -> Block:
    """The block cut to the columns its rows fill: a title above it that reaches further
    left or right (``RACI`` in A1 over a table at B2) widens none of them."""
    cols = [c for r in rows for c in range(main.left, main.right + 1) if (r, c) in texts]
    return attrs.evolve(main, left=min(cols), right=max(cols))


def _once(cells: list[str]) -> list[str]:
    """A row's cells with a text written across several (a merged cell) counted once: a
    legend's description merged over B:L is one cell."""
    return [text for i, text in enumerate(cells) if i == 0 or text != cells[i - 1]]


def _rows_as_blocks(rows: list[int], main: Block, texts: dict[tuple[int, int], str]) -> list[Block]:
    """Rows trimmed off the main block as blocks: a run of rows of one kind (the lines of a
    legend) is one block."""
    out: list[Block] = []
    for r in rows:
        cells = [c for c in range(main.left, main.right + 1) if texts.get((r, c), "")]
        once = _once(_row(texts, r, main))
        kind = "legend" if _is_legend_row(once) else "note"
        block = Block(r, r, cells[0], cells[-1], kind=kind, filled=len(once))
        last = out[-1] if out else None
        if last is not None and last.bottom == r - 1 and last.kind == kind:
            block = Block(
                last.top,
                r,
                min(last.left, block.left),
                max(last.right, block.right),
                kind=kind,
                filled=last.filled + block.filled,
            )
            out[-1] = block
        else:
            out.append(block)
    return out


def _legend_at_right(
    main: Block, rows: list[int], texts: dict[tuple[int, int], str]
) -> tuple[Block, list[Block]]:
    """The block without a legend written against its right side (``R - Responsible``
    beside the last party column, no empty column between): the columns past the header's
    last cell, when every row that fills them holds legend entries there."""
    header = [c for c in range(main.left, main.right + 1) if texts.get((rows[0], c))]
    last = header[-1] if header else main.right
    if last >= main.right:
        return main, []
    past = range(last + 1, main.right + 1)
    filled = [r for r in rows if any(texts.get((r, c)) for c in past)]
    if not filled or not all(
        _is_legend_row([texts[(r, c)] for c in past if texts.get((r, c))]) for r in filled
    ):
        return main, []
    legend = Block(filled[0], filled[-1], last + 1, main.right, kind="legend")
    filled_cells = sum(1 for r in filled for c in past if texts.get((r, c)))
    return attrs.evolve(main, right=last), [attrs.evolve(legend, filled=filled_cells)]


def _summary(block: Block, texts: dict[tuple[int, int], str]) -> bool:
    """Whether a block holds counts under a header (a totals table: ``| R | A | C |``
    over a number per cell), not more rows of the table."""
    body = [
        texts[(r, c)]
        for r in range(block.top + 1, block.bottom + 1)
        for c in range(block.left + 1, block.right + 1)
        if texts.get((r, c))
    ]
    numbers = sum(1 for t in body if t.replace(".", "", 1).replace("%", "").isdigit())
    return bool(body) and numbers * 2 > len(body)


def _head_row(block: Block, texts: dict[tuple[int, int], str]) -> int | None:
    """The row a block's header would be: its first of two cells or more (a phase's title
    merged across it, ``2.0 Planning`` over A:H, is not); None when it has none."""
    top = _trim([r for r in _rows(block) if _row(texts, r, block)], block, texts)
    return top[0] if top else None


def _head_of_letters(block: Block, texts: dict[tuple[int, int], str]) -> bool:
    """Whether the row a block's header would be holds role letters past its first column
    (``2.1.1 Surveys | Consultants | A | R``): rows of a table, never its header."""
    first = _head_row(block, texts)
    if first is None:
        return False
    # Letters of a built-in scheme's roles: a party named in capitals (``HR``) heads a table.
    return any(
        is_capital_mark(text) and set(filter(str.isalpha, text)) <= BUILTIN_LETTERS
        for c in range(block.left + 1, block.right + 1)
        if (text := texts.get((first, c)))
    )


def _own_header(block: Block, texts: dict[tuple[int, int], str]) -> bool:
    """Whether a block starts with a header of its own (another table below the first:
    ``Task | Ana | Bo`` over rows of letters): words, not capital letters, in the row its
    header would be past the first column, and letters in the rows below."""
    first = _head_row(block, texts)
    if first is None or _head_of_letters(block, texts):
        return False
    head = [texts.get((first, c), "") for c in range(block.left + 1, block.right + 1)]
    below = any(
        is_mark(texts.get((r, c), ""))
        for r in range(first + 1, block.bottom + 1)
        for c in range(block.left + 1, block.right + 1)
    )
    return any(head) and below


def _continues(block: Block, main: Block, texts: dict[tuple[int, int], str]) -> bool:
    """Whether a table block below the main one carries on its rows: within its columns,
    with marks in its cells or as wide as it, and not a table of counts."""
    if block.kind != "table" or block.top <= main.bottom:
        return False
    if (
        block.left < main.left
        or block.right > main.right
        or _summary(block, texts)
        or _own_header(block, texts)
    ):
        return False
    marks = any(
        is_mark(texts.get((r, c), ""))
        for r in range(block.top, block.bottom + 1)
        for c in range(block.left + 1, block.right + 1)
    )
    return marks or (block.left, block.right) == (main.left, main.right)


def _label_columns(rows: list[int], main: Block, texts: dict[tuple[int, int], str]) -> int:
    """How many columns from the left hold row names under one header: columns whose
    header cell is empty (but for one) and whose cells are words, not marks, no row
    filling two of them (names indented, not an id and a name)."""
    header = rows[0]
    count, named = 0, False
    for col in range(main.left, main.right + 1):
        head = texts.get((header, col), "")
        words = [t for t in (texts.get((r, col), "") for r in rows[1:]) if t]
        if (head and named) or sum(map(is_mark, words)) * 2 > len(words):
            break
        named = named or bool(head)
        count += 1
    zone = range(main.left, main.left + count)
    if not named or any(sum(1 for c in zone if texts.get((r, c))) > 1 for r in rows[1:]):
        return 1
    return max(count, 1)
