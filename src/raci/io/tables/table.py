"""Tables read from spreadsheets with the place of each cell (CSV here, XLSX in
:mod:`raci.io.tables.xlsx`), and role letters typed in cells."""

from __future__ import annotations

import csv
import functools
import io
import re
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable, Mapping, Sequence

import attrs

from raci._text import quoted, shorten
from raci.cells import column_letter, unguard_formula
from raci.exceptions import LoadError
from raci.findings import Field, Finding, Said, SourceLocation, nsay, say
from raci.io.tables.legend import Legend, legend_of
from raci.io.tables.marks import plain_marks
from raci.io.tables.region import Block, Region, find_region, is_mark, legend_blocks
from raci.model import TableNote
from raci.schemes import BUILTIN_LETTERS, BUILTIN_SCHEMES, Scheme

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
#: A letter hyphened before another (``P-R``: a planned R, as a legend may say).
_QUALIFIED = re.compile(r"([^\W\d_])\s*[-–]\s*([^\W\d_])")


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
    #: The line (or row) and text of the table's heading: the Markdown heading above it,
    #: or the cell its header has of its own among the tables of a sheet.
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
    #: The sheet's merged ranges (XLSX): first row and column, last row and column, on
    #: the sheet; the value is the first cell's.
    merged: tuple[tuple[int, int, int, int], ...] = attrs.field(default=(), eq=False, repr=False)
    #: The sheet's other tables (each in a block of its own, under its own header), top to
    #: bottom; their ``notes`` say what was set aside around each.
    others: tuple[Table, ...] = attrs.field(default=(), eq=False, repr=False)
    #: What a legend set aside on the sheet says the role letters mean.
    legend: Legend | None = attrs.field(default=None, eq=False, repr=False)
    #: How each filled cell looks, by row and then by the sheet's column (from 1): its
    #: font and fill in a workbook, its emphasis in Markdown; None for an empty cell.
    looks: Mapping[int, tuple[Hashable, ...]] = attrs.field(factory=dict, eq=False, repr=False)
    #: When the table is read turned (its rows are the source's columns, numbered as the
    #: source's columns are): the source's row of each of its columns.
    turned_from: tuple[int, ...] = attrs.field(default=(), eq=False, repr=False)

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

    def source(self, row: int, column: int) -> tuple[int, int]:
        """The row and the sheet's column in the source of a cell of the table (row and
        column of the table, from 1): swapped back when the table is read turned."""
        if self.turned_from:
            rows = self.turned_from
            at = rows[column - 1] if 0 < column <= len(rows) else rows[-1] + column - len(rows)
            row, column = at, row
        return row, self.sheet_column(column)

    def look(self, row: int, column: int) -> Hashable:
        """How a cell (row and column of the table, from 1) looks; None when unknown."""
        row, column = self.source(row, column)
        looks = self.looks.get(row, ())
        return looks[column - 1] if 0 < column <= len(looks) else None

    def merged_down(self, row: int, cells: Sequence[str]) -> int:
        """The last row the cells of row ``row`` (``cells``, the header) reach together
        when each of its filled cells past the first is merged down over the rows below
        (``Lead`` over B1:B2, ``Team`` over C1:C2): row ``row`` itself when one is not."""
        spots = {self.sheet_column(c + 1) for c, text in enumerate(cells) if c and text.strip()}
        bottoms = {
            left: bottom for top, left, bottom, _ in self.merged if top == row and left in spots
        }
        return min(bottoms.values()) if spots and len(bottoms) == len(spots) else row

    def merged_down_below(self, row: int, column: int) -> bool:
        """Whether a cell of the sheet's ``column`` below ``row`` is merged down over
        several rows (``Core Security Services`` over A5:A8: a group written once beside
        its rows)."""
        return any(left == column and bottom > top > row for top, left, bottom, _ in self.merged)

    def at(self, row: int, column: int) -> SourceLocation:
        """The location of a cell, given by its row and its column counted in cells: in a
        text table, at the character column where the cell's text starts."""
        row, column = self.source(row, column)
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
        row, column = self.source(row, column)
        return f"{column_letter(column)}{row}"

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
    roles, nor is a letter outside the scheme hyphened before one of it (``P-R``: a mark
    of its own, such as a planned R, which gives no R).
    """
    if is_blank(text):
        return ()
    known = _known_letters(scheme)
    text = plain_marks(text.strip(), er_is_r="P" not in known).replace("*", "")
    text = _NOTE.sub(lambda m: m[0] if parse_roles(m[1], scheme) else " ", text)
    qualified = _QUALIFIED.fullmatch(text)
    if qualified and qualified[1].upper() not in known and qualified[2].upper() in known:
        return None
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
        elif token.isupper() and all(ch in known for ch in key) and _of_one_scheme(key, known):
            found.extend(known[ch] for ch in key)
        elif len(key) == 1 and key.isalpha():
            found.append(key)
        else:
            return None
    return tuple(dict.fromkeys(found))


def _of_one_scheme(run: str, known: Mapping[str, str]) -> bool:
    """Whether letters run together (``AR``, ``RASCI``) are all letters of one built-in
    scheme, or of a scheme of its own: ``CODIR`` (a committee's name) mixes DACI's D with
    CAIRO's O, so it is no run of letters even where every scheme's letters are read."""
    letters = {known[ch] for ch in run}
    if not letters <= BUILTIN_LETTERS:
        return True
    return any(letters <= set(s.letters) for s in BUILTIN_SCHEMES.values())


@functools.lru_cache(maxsize=64)
def _known_letters(scheme: Scheme) -> dict[str, str]:
    """The scheme's letters by their capital."""
    return {letter.upper(): letter for letter in scheme.letters}


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


def spread_merged(table: Table, below: int, columns: Iterable[int]) -> Table:
    """``table`` with the text of each merged range that starts in one of ``columns``
    (cell indexes, from 0) below row ``below`` written in every cell it covers there:
    a spreadsheet keeps it in the first cell only. Merged titles above are left alone."""
    by_sheet = {table.sheet_column(col + 1): col for col in columns}
    if not table.merged or not by_sheet:
        return table
    spots = sorted(by_sheet)
    numbers = [row for row, _ in table.rows if row > below]
    index = {row: i for i, (row, _) in enumerate(table.rows)}
    # Ranges do not overlap in a sound workbook: together they cover each cell once.
    budget = len(numbers) * len(spots)
    filled: dict[int, list[str]] = {}
    for top, left, bottom, right in table.merged:
        first = by_sheet.get(left)
        if first is None or top <= below or top not in index:
            continue
        cells = table.rows[index[top]][1]
        text = cells[first] if first < len(cells) else ""
        if not text.strip():
            continue
        spanned = spots[bisect_left(spots, left) : bisect_right(spots, right)]
        covered = [by_sheet[s] for s in spanned]
        down = numbers[bisect_left(numbers, top) : bisect_right(numbers, bottom)]
        budget -= len(covered) * len(down)
        if budget < 0:
            break
        for row in down:
            target = filled.get(row)
            if target is None:
                target = filled[row] = list(table.rows[index[row]][1])
            target.extend([""] * (max(covered) + 1 - len(target)))
            for col in covered:
                if not target[col].strip():
                    target[col] = text
    if not filled:
        return table
    rows = tuple((row, tuple(filled[row]) if row in filled else cells) for row, cells in table.rows)
    return attrs.evolve(table, rows=rows)


def _across_merges(table: Table) -> list[tuple[int, tuple[str, ...]]]:
    """The rows with the text of each cell merged across columns in every cell it covers
    (``Khalil`` over I4:M4), so that finding the table does not cut it at a column that
    only the merged cell fills."""
    if not table.merged:
        return list(table.rows)
    index = {row: i for i, (row, _) in enumerate(table.rows)}
    rows = [list(cells) for _, cells in table.rows]
    for top, left, bottom, right in table.merged:
        if right <= left or top not in index:
            continue
        text = rows[index[top]][left - 1] if left <= len(rows[index[top]]) else ""
        if not text.strip():
            continue
        for r in range(top, bottom + 1):
            if r in index:
                cells = rows[index[r]]
                cells.extend([""] * (right - len(cells)))
                for c in range(left, right):
                    cells[c] = cells[c] or text
    return [(row, tuple(cells)) for (row, _), cells in zip(table.rows, rows, strict=True)]


def placed(table: Table, records: Sequence[int]) -> Table | None:
    """The table found among the rows of ``table`` (read from column 1; ``records``
    numbers them so that an empty row leaves a gap), cut to its rows and columns, with a
    note for each block set aside and the sheet's other tables in ``others``; None when
    no block of two rows and columns is found."""
    across = _across_merges(table)
    region = find_region([(n, cells) for n, (_, cells) in zip(records, across, strict=True)])
    if region is None:
        return None
    line = {n: row for n, (row, _) in zip(records, table.rows, strict=True)}
    # Each row's own cells, as wide as the cells merged across it reach.
    by_record = {
        n: cells + ("",) * (len(wide) - len(cells))
        for n, (_, cells), (_, wide) in zip(records, table.rows, across, strict=True)
    }
    found = _cut_out(table, _merged_label(table, region, line, by_record), line, by_record)
    others = tuple(
        _cut_out(table, _merged_label(table, other, line, by_record), line, by_record)
        for other in region.others
    )
    legends = [b for r in (region, *region.others) for b in r.skipped if b.kind == "legend"]
    return attrs.evolve(found, others=others, legend=_legend(table, legends, line, by_record))


def legend_alone(table: Table, records: Sequence[int]) -> Legend | None:
    """What the legends on a sheet that holds no table say (a sheet of definitions),
    its rows numbered by ``records`` as :func:`placed` takes them; None when it holds none."""
    grid = [(n, cells) for n, (_, cells) in zip(records, _across_merges(table), strict=True)]
    blocks = legend_blocks(grid)
    line = {n: row for n, (row, _) in zip(records, table.rows, strict=True)}
    return _legend(table, blocks, line, dict(grid)) if blocks else None


def _legend(
    raw: Table,
    blocks: Sequence[Block],
    line: Mapping[int, int],
    by_record: Mapping[int, tuple[str, ...]],
) -> Legend | None:
    """What the legends set aside on a sheet say the letters mean, the first one's place
    given."""
    if not blocks:
        return None
    first = min(blocks, key=lambda b: (b.top, b.left))
    rows = [
        [
            (text, raw.at(line[n], b.left + k))
            for k, text in enumerate(by_record[n][b.left - 1 : b.right])
        ]
        for b in blocks
        for n in range(b.top, b.bottom + 1)
        if n in by_record
    ]
    return legend_of(rows, raw.at(line[first.top], first.left))


def _merged_label(
    table: Table, region: Region, line: Mapping[int, int], by_record: Mapping[int, tuple[str, ...]]
) -> Region:
    """The region with its row names read from every column that the header's first cell
    is merged over (``Task`` over A2:B2; a name written in B31 alone is the row's name),
    when no row below writes role marks in them."""
    tops = {line[n] for n in region.rows[:2]}
    widths = [
        right - left + 1
        for top, left, _, right in table.merged
        if top in tops and left == region.left and right < region.right
    ]
    span = max(widths, default=1)
    # A first column merged down over rows groups them; it holds no part of their names.
    if span <= region.label_columns or table.merged_down_below(line[region.rows[0]], region.left):
        return region
    covered = range(region.left, region.left + span - 1)
    for n in region.rows[1:]:
        cells = by_record[n]
        if any(c < len(cells) and is_mark(cells[c]) for c in covered):
            return region
    return attrs.evolve(region, label_columns=span)


def _cut_out(
    raw: Table, region: Region, line: Mapping[int, int], by_record: Mapping[int, tuple[str, ...]]
) -> Table:
    """The table of one region of the sheet, with a note for each block it sets aside."""
    left, right, k = region.left, region.right, region.label_columns
    reach = _merged_into(raw, region, line)
    rows = []
    for n in region.rows:
        cells = by_record[n]
        cells += ("",) * (min(reach.get(line[n], 0), right) - len(cells))
        # One name column keeps its text as written: its indentation shows the outline.
        names = cells[left - 1 : left - 1 + k]
        label = names[0] if k == 1 else " ".join(c.strip() for c in names if c.strip())
        rows.append((line[n], (label, *cells[left - 1 + k : right])))
    columns = (left, *range(left + k, right + 1))
    found = attrs.evolve(raw, rows=tuple(rows), columns=columns)
    notes = [_set_aside(raw, found, block, line, by_record) for block in region.skipped]
    return attrs.evolve(found, notes=tuple(notes))


def _merged_into(raw: Table, region: Region, line: Mapping[int, int]) -> dict[int, int]:
    """How far right (a sheet column) each row of the region reaches under cells merged
    down into it from above: ``Data Engineer`` over E7:E8 gives row 8 a cell E8 however
    the file wrote that row."""
    rows = sorted(line[n] for n in region.rows)
    reach: dict[int, int] = {}
    for top, left, bottom, right in raw.merged:
        if bottom <= top or right < region.left or left > region.right:
            continue
        for row in rows[bisect_right(rows, top) : bisect_right(rows, bottom)]:
            reach[row] = max(reach.get(row, 0), right)
    return reach


def reading_note(where: SourceLocation, message: str | Said, hint: str | Said = "") -> TableNote:
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
    where = raw.at(line[block.top], block.left)
    return _outside(where, block.kind, block.filled, first, found)


def not_read(table: Table, read: Table) -> TableNote:
    """The note on another table of the sheet that is not read (not a responsibility
    table), outside ``read``."""
    texts = [c for _, cells in table.rows for c in cells if c.strip()]
    return _outside(table.at(table.rows[0][0], 1), "table", len(texts), texts[0], read)


def _outside(where: SourceLocation, kind: str, size: int, first: str, found: Table) -> TableNote:
    """The note on a block of ``kind`` (a legend, a note, a table) set aside beside the
    table ``found``."""
    header = found.at(found.rows[0][0], 1)
    place = header.cell.partition("!")[2] if header.cell else say("line {line}", line=header.line)
    fields: dict[str, Field] = {"first": quoted(shorten(first.strip())), "place": place}
    if kind == "legend":
        message = nsay(
            "a legend ({n} cell, starting {first}) is outside the table that starts at"
            " {place}, so it is not read",
            "a legend ({n} cells, starting {first}) is outside the table that starts at"
            " {place}, so it is not read",
            size,
            **fields,
        )
    elif kind == "note":
        message = nsay(
            "a title or note ({n} cell, starting {first}) is outside the table that starts"
            " at {place}, so it is not read",
            "a title or note ({n} cells, starting {first}) is outside the table that starts"
            " at {place}, so it is not read",
            size,
            **fields,
        )
    else:
        message = nsay(
            "a block of cells ({n} cell, starting {first}) is outside the table that starts"
            " at {place}, so it is not read",
            "a block of cells ({n} cells, starting {first}) is outside the table that"
            " starts at {place}, so it is not read",
            size,
            **fields,
        )
    hint = say(
        "If these cells belong to the table, remove the empty row or column that parts"
        " them from it."
    )
    return reading_note(where, message, hint)


def raise_problems(problems: Iterable[Finding]) -> None:
    """Raise one LoadError with every problem, in row and column order (if any)."""
    found = sorted(problems, key=lambda p: (p.location.line, p.location.column))
    if found:
        raise LoadError(found)
