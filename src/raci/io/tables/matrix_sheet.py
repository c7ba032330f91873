"""Read a responsibility matrix (rows of deliverables, columns of parties) into a model."""

from __future__ import annotations

from collections.abc import Sequence

from raci._text import quoted
from raci.cells import normalize_header
from raci.findings import Listed, Said, nsay, say
from raci.io.tables.data_columns import is_data_column
from raci.io.tables.headings import outline_number
from raci.io.tables.legend import Code, Legend
from raci.io.tables.long_sheet import long_columns
from raci.io.tables.merged_rows import join_carried_on
from raci.io.tables.raci_sheet import (
    ALL_ROLES,
    ID_HEADERS,
    RaciSheet,
    empty_table,
    key_columns,
)
from raci.io.tables.table import Table, parse_roles, spread_merged
from raci.io.tables.task_column import task_first
from raci.io.tables.turned import rows_name_roles, turn
from raci.lookup import is_id
from raci.model import Organization
from raci.schemes import BUILTIN_SCHEMES, DEFAULT_SCHEME, Scheme

#: Optional columns beside the row key (matched case-insensitively).
META_COLUMNS = ("name", "group", "due")


def role_cells(table: Table, scheme: Scheme) -> int:
    """How many cells below the header (outside the first column) hold role letters of
    ``scheme``, counted in the columns where they are at least as many as the cells that
    hold other text (a summary's or a history's text columns do not count)."""
    letters = set(scheme.letters)
    readable: dict[int, int] = {}
    other: dict[int, int] = {}
    for _, cells in table.rows[header_index(table, scheme) + 1 :]:
        for col, text in enumerate(cells[1:], start=1):
            found = parse_roles(text, scheme)
            if found and letters.issuperset(found):
                readable[col] = readable.get(col, 0) + 1
            elif found is None:
                other[col] = other.get(col, 0) + 1
    return sum(n for col, n in readable.items() if n >= other.get(col, 0))


def header_index(table: Table, scheme: Scheme) -> int:
    """The index of the header row.

    That is the row that starts ``id, name`` (as exports write it), else the last row with
    two or more cells above the first row that holds role letters (rows above it are
    titles; a row numbered in an outline after such a row is a heading of the body, not
    the header), else the first row with two or more cells.
    """
    for i, (_, cells) in enumerate(table.rows):
        if [normalize_header(c) for c in cells[:2]] == ["id", "name"]:
            return i
    letters = set(scheme.letters)
    candidate = None
    for i, (_, cells) in enumerate(table.rows):
        filled = sum(1 for c in cells if c.strip())
        if candidate is not None and cells and cells[0].strip():
            for text in cells[1:]:
                found = parse_roles(text, scheme)
                if found and letters.issuperset(found):
                    return candidate
        if filled >= 2 and (candidate is None or not outline_number(cells[0])):
            candidate = i
    for i, (_, cells) in enumerate(table.rows):
        if sum(1 for c in cells if c.strip()) >= 2:
            return i
    return 0


def infer_scheme(tables: list[Table], legend: Legend | None = None) -> Scheme:
    """The first built-in scheme that has every letter the cells below the headers use;
    when none does, the one ``legend`` makes if it defines them all; else RACI. Decided
    from the cells, never from the parties' names."""
    used: set[str] = set()
    for table in tables:
        for _, cells in table.rows[header_index(table, ALL_ROLES) + 1 :]:
            for text in cells[1:]:
                used.update(parse_roles(text, ALL_ROLES) or ())
    for scheme in BUILTIN_SCHEMES.values():
        if used and used.issubset(scheme.letters):
            return scheme
    return (legend.scheme(used) if legend and used else None) or DEFAULT_SCHEME


def _names_second(table: Table, start: int) -> bool:
    """Whether the second column holds the deliverables' names after a column of ids or
    numbers (``# | Task``, ``ID, Task``, ``WBS, Activity``, ``代号 | 活动``): its cells read
    as no role letters, and the first column's header says so or its cells are ids with
    digits (``1``, ``1.2``, ``T-07``)."""
    header = table.rows[start][1]
    if len(header) < 3 or normalize_header(table.clean(header[1])) in META_COLUMNS:
        return False
    body = [cells for _, cells in table.rows[start + 1 :]]
    second = [table.clean(c[1]) for c in body if len(c) > 1 and table.clean(c[1])]
    if not second or any(parse_roles(t, ALL_ROLES) is not None for t in second):
        return False
    if normalize_header(table.clean(header[0])) in ID_HEADERS:
        return True
    first = [table.clean(c[0]) for c in body if c and table.clean(c[0])]
    return bool(first) and all(is_id(t) and any(ch.isdigit() for ch in t) for t in first)


def _party_columns(
    sheet: RaciSheet, start: int, meta: dict[str, int]
) -> tuple[dict[str, int], dict[int, str]]:
    """The meta columns (name, group, due; ``meta`` holds those known already) and the
    party of each party column of the header at ``start``."""
    table = sheet.table
    row, header = table.rows[start]
    meta = dict(meta)
    named = _names_above(table, start)
    sheet.names_above = tuple(named.get(c, "") for c in range(len(header))) if named else ()
    held = bool(named) and _over_holders(table, start)
    spans = _merged_header(table, row)
    parties: dict[int, str] = {}
    first: dict[str, int] = {}
    body = [cells for r, cells in table.rows if r > row]
    for col, raw in enumerate(header[1:], start=1):
        if spans.get(col) in parties and not named.get(col):
            parties[col] = parties[spans[col]]  # under a name merged over several columns
            continue
        label = " ".join(table.clean(raw).split())  # a header's line breaks are spaces
        text = " ".join(named.get(col, "").split()) or label
        if held and label and named.get(col):
            text = f"{text} ({label})"
        key = normalize_header(text)
        if col in meta.values():
            continue
        if key in META_COLUMNS and key not in meta:
            meta[key] = col
            continue
        if not text:
            if any(len(cells) > col and cells[col].strip() for cells in body):
                sheet.unreadable(
                    row,
                    col + 1,
                    say("this column has cells but no header, so they are not read"),
                    say("Give the column a header: the party whose roles it holds."),
                )
            continue
        if label and _set_aside(sheet, (row, col, label), body):
            continue  # a column of data, also under a row of names (``Roles`` over ``Status``)
        where = (row - 1, col + 1) if named.get(col) else (row, col + 1)
        pid = sheet.party(text, *where, "column header")
        if pid is None:
            continue
        if pid in first:
            if not any(len(cells) > col and table.clean(cells[col]) for cells in body):
                continue  # an empty column that repeats a label (a template's placeholder)
            pid = _second_column(sheet, pid, (where[0], col + 1), first[pid], text)
            if pid is None:
                continue
        first[pid] = col + 1
        parties[col] = pid
    if held:
        sheet.note(
            "table-reading",
            table.file,
            row - 1,
            1,
            say(
                "row {row} names someone in several columns, so the parties are the roles of"
                " row {above} above it, each with its holder in brackets",
                row=row,
                above=row - 1,
            ),
        )
    elif named:
        sheet.note(
            "table-reading",
            table.file,
            row - 1,
            1,
            say(
                "row {above} names the parties above row {row}, whose labels are not names of"
                " their own, so row {above}'s names are read as the parties",
                row=row,
                above=row - 1,
            ),
        )
    return meta, parties


def _merged_header(table: Table, row: int) -> dict[int, int]:
    """The columns a header cell merged over several (``Luis`` over D4:H4, one person's
    R, A, C and I columns) covers past its first, each with that first column (indexes
    of the table's cells)."""
    index = {table.sheet_column(c + 1): c for c in range(len(table.rows[0][1]) + 64)}
    spans: dict[int, int] = {}
    for top, left, bottom, right in table.merged:
        if top <= row <= bottom and right > left and left in index:
            for column in range(left + 1, right + 1):
                if column in index:
                    spans[index[column]] = index[left]
    return spans


def _set_aside(sheet: RaciSheet, head: tuple[int, int, str], body: Sequence[Sequence[str]]) -> bool:
    """Set aside, with a note, the column ``head`` (its row, index and text) when it holds
    data about the deliverables (notes, status, effort) rather than a party's roles."""
    row, col, text = head
    cells = [sheet.table.clean(cells[col]) for cells in body if len(cells) > col]
    if not is_data_column(text, cells, sheet.scheme):
        return False
    sheet.note(
        "table-reading",
        sheet.table.file,
        row,
        col + 1,
        say(
            "column {name} holds data about the deliverables, not roles, so it is set aside",
            name=quoted(text),
        ),
        say(
            "raci reads roles only; keep such columns, or put role letters in them to read"
            " them as a party."
        ),
    )
    return True


def _names_above(table: Table, start: int) -> dict[int, str]:
    """The names a row right above the header gives its columns (by column), when the
    header's labels are not names of their own: it labels two columns alike (``User``,
    ``User``) and that row's first cell is empty, or it leaves blank a column of role
    letters that row names (a banner of merged cells, ``Scrum`` over ``PO`` and ``Dev``);
    not a column of names under its label merged down (``Task`` over two header rows)."""
    if start == 0:
        return {}
    row, header = table.rows[start]
    above_row, above = table.rows[start - 1]
    if above_row != row - 1:
        return {}
    body = [cells for _, cells in table.rows[start + 1 :]]
    alike = _repeats(table, header) and (
        not table.clean(above[0]) or _names_each(table, above, header)
    )
    gaps = any(
        not table.clean(header[col])
        and table.clean(above[col])
        and any(
            len(cells) > col and parse_roles(table.clean(cells[col]), ALL_ROLES) for cells in body
        )
        for col in range(1, min(len(above), len(header)))
    )
    if not (alike or gaps):
        return {}
    names = {
        col: table.clean(above[col])
        for col in range(1, min(len(above), len(header)))
        if table.clean(above[col])
    }
    return names if len(names) >= 2 else {}


def _over_holders(table: Table, start: int) -> bool:
    """Whether the header under the names above it says who holds each: the row above,
    a title in its corner, names each column differently, and the header names someone
    in several (one person in several roles), so each party is a role. Under an empty
    corner the names above are people over their role labels (``Arthur`` over ``Chef``);
    a header that labels each column as a role column (``Role``, ``RACI``) names no one."""
    above, header = table.rows[start - 1][1], table.rows[start][1]
    return (
        bool(table.clean(above[0]))
        and _repeats(table, header)
        and _names_each(table, above, header)
        and not _labels_roles(table, header)
    )


def _labels_roles(table: Table, header: Sequence[str]) -> bool:
    """Whether every label of a header past its first two cells says the column holds
    role letters (``Role``, ``RACI``), as a long table's role column is headed."""
    labels = [normalize_header(table.clean(c)) for c in header[2:] if table.clean(c)]
    return bool(labels) and all(long_columns.field_of.get(label) == "role" for label in labels)


def _repeats(table: Table, header: Sequence[str]) -> bool:
    """Whether a header labels two of its columns alike (past the first)."""
    labels = [normalize_header(table.clean(c)) for c in header[1:] if table.clean(c)]
    return len(set(labels)) < len(labels)


def _names_each(table: Table, above: Sequence[str], header: Sequence[str]) -> bool:
    """Whether a row above the header names each column the header labels, every one
    differently (roles over the people holding them)."""
    cols = [c for c in range(1, len(header)) if table.clean(header[c])]
    names = [normalize_header(table.clean(above[c])) if c < len(above) else "" for c in cols]
    return all(names) and len(set(names)) == len(names)


def _second_column(
    sheet: RaciSheet, pid: str, cell: tuple[int, int], first: int, text: str
) -> str | None:
    """The party of a second column whose header names the party of an earlier one: with
    an org, none (a problem); else a party of its own (``user-2``), with a warning."""
    row, col = cell
    where = sheet.table.ref(row, first)
    if sheet.org is not None:
        sheet.problem(row, col, f"party `{pid}` has a second column (the first at {where})")
        return None
    n = 2
    while f"{pid}-{n}" in sheet.external:
        n += 1
    second = sheet.party(f"{text} ({n})", row, col, "column header")
    sheet.note(
        "duplicate-column",
        second or pid,
        row,
        col,
        say(
            "column {name} repeats the label of cell {cell}; both are read, this one as the"
            " party `{party}`",
            name=quoted(text),
            cell=where,
            party=str(second),
        ),
        say("Give each column the name of its own party."),
    )
    return second


def read_matrix(sheet: RaciSheet) -> None:
    """Read the matrix ``sheet.table`` into ``sheet``: a cell that holds no role letters is
    noted at its place (a column none of whose cells does, once, at its header). A matrix
    whose rows are all named as roles is read turned (:mod:`turned`), and said so."""
    scheme = sheet.scheme
    start = header_index(sheet.table, scheme)
    if rows_name_roles(sheet.table, start, sure=True):
        sheet.note(
            "table-reading",
            sheet.table.file,
            sheet.table.rows[start][0],
            1,
            say(
                "this table is read turned: its columns are the deliverables, its rows the"
                " parties (every row is named as a role, no column is)"
            ),
            say("Swap rows and columns to have a row per deliverable, a column per party."),
        )
        sheet.table, start = turn(sheet.table, start), 0
    earlier = _parties_so_far(sheet)
    table = sheet.table = task_first(sheet.table, start)
    header_row, header = table.rows[start]
    lead = key_columns(table, start)
    by_id = "name" in lead or (not lead and _names_second(table, start))
    meta, parties = _party_columns(sheet, start, lead or ({"name": 1} if by_id else {}))
    join_carried_on(sheet, header_row, parties)
    own = dict(sheet.table.rows)  # each row's own texts, before merged cells are spread
    sheet.table = table = spread_merged(sheet.table, header_row, parties)
    unread: dict[int, list[tuple[int, str]]] = {col: [] for col in parties}
    coded: dict[int, list[tuple[int, Code]]] = {col: [] for col in parties}
    read: dict[int, int] = dict.fromkeys(parties, 0)
    accountable = scheme.letter_of("accountable")
    by_row: list[int] = []
    by_column: dict[int, int] = dict.fromkeys(parties, 0)
    for row, cells, did in sheet.rows(start, meta, by_id=by_id):
        by_row.append(0)
        for col, pid in parties.items():
            text = cells[col]
            if not text:
                continue
            letters = parse_roles(text, scheme)
            code = sheet.codes.get(text.strip())
            if letters is not None and code is not None:
                coded[col].append((row, code))
                continue
            if letters is None:
                unread[col].append((row, text))
                continue
            read[col] += 1
            said = col < len(own[row]) and bool(own[row][col].strip())
            for letter in letters:
                sheet.assign(did, letter, pid, row, col + 1, own=said)
            if accountable in letters:
                by_row[-1] += 1
                by_column[col] += 1
    for col, marks in unread.items():
        name = table.clean(header[col])
        _note_unread(sheet, (header_row, col, name), marks, whole=not read[col])
        whole = not read[col] and not marks
        _note_coded(sheet, (header_row, col, name), coded[col], whole=whole)
    why = (
        say("each column has one {letter}, no row has exactly one", letter=str(accountable))
        if _turned(by_row, by_column)
        else say("its rows are named as roles, its columns are not")
        if rows_name_roles(table, start)
        else None
    )
    # Columns that an earlier table of the document read as its parties are parties.
    if why and not earlier.issuperset(parties.values()):
        sheet.note(
            "turned-table",
            table.file,
            header_row,
            1,
            say(
                "this table looks turned: people as rows, deliverables as columns ({why})",
                why=why,
            ),
            say("Swap rows and columns: a row per deliverable, a column per party."),
        )


def _note_unread(
    sheet: RaciSheet, column: tuple[int, int, str], cells: list[tuple[int, str]], *, whole: bool
) -> None:
    """Note the cells of a party column (its header's row, index and text) that hold no
    role letters."""
    header_row, col, name = column
    scheme = sheet.scheme
    expected = say(
        "expected letters of {scheme} ({letters}) such as `A`, `R/A` or `-`",
        scheme=scheme.name,
        letters=Listed(tuple(scheme.letters)),
    )
    if whole and len(cells) > 1:
        sheet.unreadable(
            header_row,
            col + 1,
            nsay(
                "column {name} is read as a party, but none of its {n} cells reads as roles"
                " ({expected}), so they are not read",
                "column {name} is read as a party, but none of its {n} cells reads as roles"
                " ({expected}), so they are not read",
                len(cells),
                name=quoted(name),
                expected=expected,
            ),
            say(
                "Put the deliverable's name in the first column (or a column headed `name`),"
                " or move notes out of the table."
            ),
        )
        return
    hint = say("Write role letters of the scheme, or choose the scheme with --scheme.")
    for row, text in cells:
        sheet.unreadable(
            row,
            col + 1,
            say("cannot read {mark} as roles; {expected}", mark=quoted(text), expected=expected),
            hint,
        )


def _note_coded(
    sheet: RaciSheet, column: tuple[int, int, str], cells: list[tuple[int, Code]], *, whole: bool
) -> None:
    """Note the cells of a party column (its header's row, index and text) that hold a
    code a legend defines whole (``AI``, an AI system's work): they hold no role."""
    header_row, col, name = column
    hint = say(
        "Write the party's roles as letters of the scheme apart (`A/I` for A and I), and"
        " the code in a column of notes."
    )
    codes = {code for _, code in cells}
    if whole and len(cells) > 1 and len(codes) == 1:
        code = codes.pop()
        sheet.unreadable(
            header_row,
            col + 1,
            nsay(
                "column {name} holds {code} in its {n} cells: {defined}, so they hold no role",
                "column {name} holds {code} in its {n} cells: {defined}, so they hold no role",
                len(cells),
                name=quoted(name),
                code=quoted(code.code),
                defined=_defined(code),
            ),
            hint,
        )
        return
    for row, code in cells:
        reason = say(
            "cannot read {code} as roles: {defined}", code=quoted(code.code), defined=_defined(code)
        )
        sheet.unreadable(row, col + 1, reason, hint)


def _defined(code: Code) -> Said:
    """``the key at `Key!A7` defines `AI` as `AI System`, not as role letters``."""
    where = code.location.cell or f"line {code.location.line}"
    return say(
        "the key at {where} defines {code} as {meaning}, not as role letters",
        where=quoted(where),
        code=quoted(code.code),
        meaning=quoted(code.meaning),
    )


def _parties_so_far(sheet: RaciSheet) -> set[str]:
    """The parties that hold a role in the tables ``sheet`` has read so far."""
    return {a[3] for draft in sheet.drafts.values() for a in draft.assignments}


def _turned(by_row: list[int], by_column: dict[int, int]) -> bool:
    """Whether the Accountable marks say people are rows: every column that has one (three
    or more do) has exactly one, and no row has exactly one."""
    marked = [n for n in by_column.values() if n]
    return (
        len(by_row) >= 2
        and len(marked) >= 3
        and all(n == 1 for n in marked)
        and not any(n == 1 for n in by_row)
    )


def matrix_from_table(
    table: Table, org: Organization | None = None, scheme: Scheme | None = None
) -> Organization:
    """The model a matrix describes: ``org`` with the matrix's deliverables, or, without an
    org, the header cells as external parties and no hierarchy. ``scheme`` overrides the
    one the cells suggest (or the org's)."""
    if not table.rows:
        raise empty_table(table, "a matrix")
    scheme = scheme or (org.scheme if org is not None else infer_scheme([table]))
    sheet = RaciSheet(table, org, scheme, "matrix")
    read_matrix(sheet)
    return sheet.build()
