"""Read a responsibility matrix (rows of deliverables, columns of parties) into a model."""

from __future__ import annotations

from raci._text import quoted
from raci.cells import normalize_header
from raci.io.tables.raci_sheet import ALL_ROLES, RaciSheet, empty_table
from raci.io.tables.table import Table, parse_roles
from raci.model import Organization
from raci.schemes import BUILTIN_SCHEMES, DEFAULT_SCHEME, Scheme

#: Optional columns beside the row key (matched case-insensitively).
META_COLUMNS = ("name", "group", "due")


def role_cells(table: Table, scheme: Scheme) -> int:
    """How many cells (outside the first column) hold role letters of ``scheme``."""
    letters = set(scheme.letters)
    count = 0
    for _, cells in table.rows:
        for text in cells[1:]:
            found = parse_roles(text, scheme)
            if found and letters.issuperset(found):
                count += 1
    return count


def is_legend(table: Table, scheme: Scheme) -> bool:
    """Whether a table explains the letters: two or more rows name a role of the scheme."""
    names = {r.name.casefold() for r in scheme.roles}
    return sum(any(c.strip().casefold() in names for c in cells) for _, cells in table.rows) >= 2


def _header_index(table: Table, scheme: Scheme) -> int:
    """The index of the header row.

    That is the row that starts ``id, name`` (as exports write it), else the last row with
    two or more cells above the first row that holds role letters (rows above it are
    titles), else the first row with two or more cells.
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
        if filled >= 2:
            candidate = i
    for i, (_, cells) in enumerate(table.rows):
        if sum(1 for c in cells if c.strip()) >= 2:
            return i
    return 0


def _infer_scheme(table: Table) -> Scheme:
    """The first built-in scheme that has every letter the cells use (RACI if none does)."""
    used: set[str] = set()
    for _, cells in table.rows:
        for text in cells[1:]:
            used.update(parse_roles(text, ALL_ROLES) or ())
    for scheme in BUILTIN_SCHEMES.values():
        if used and used.issubset(scheme.letters):
            return scheme
    return DEFAULT_SCHEME


def _party_columns(
    sheet: RaciSheet, header: tuple[str, ...], row: int
) -> tuple[dict[str, int], dict[int, str]]:
    """The meta columns (name, group, due) and the party of each party column."""
    table = sheet.table
    meta: dict[str, int] = {}
    parties: dict[int, str] = {}
    first: dict[str, int] = {}
    body = [cells for r, cells in table.rows if r > row]
    for col, raw in enumerate(header[1:], start=1):
        text = table.clean(raw)
        key = normalize_header(text)
        if key in META_COLUMNS and key not in meta:
            meta[key] = col
            continue
        if not text:
            if any(len(cells) > col and cells[col].strip() for cells in body):
                sheet.problem(row, col + 1, "this column has cells but no header")
            continue
        pid = sheet.party(text, row, col + 1, "column header")
        if pid is None:
            continue
        if pid in first:
            sheet.problem(
                row, col + 1, f"party `{pid}` has a second column (first in column {first[pid]})"
            )
            continue
        first[pid] = col + 1
        parties[col] = pid
    return meta, parties


def matrix_from_table(table: Table, org: Organization | None = None) -> Organization:
    """The model a matrix describes: ``org`` with the matrix's deliverables, or, without an
    org, the header cells as external parties and no hierarchy."""
    if not table.rows:
        raise empty_table(table, "a matrix")
    scheme = org.scheme if org is not None else _infer_scheme(table)
    sheet = RaciSheet(table, org, scheme, "matrix")
    start = _header_index(table, scheme)
    header_row, header = table.rows[start]
    meta, parties = _party_columns(sheet, header, header_row)
    for row, cells, did in sheet.rows(start, meta):
        for col, pid in parties.items():
            text = cells[col]
            if not text:
                continue
            letters = parse_roles(text, scheme)
            if letters is None:
                sheet.problem(
                    row,
                    col + 1,
                    f"cannot read {quoted(text)} as roles; expected letters of"
                    f" {scheme.name} ({', '.join(scheme.letters)}) such as `A`, `R/A` or `-`",
                )
                continue
            if did is not None:
                for letter in letters:
                    sheet.assign(did, letter, pid, row, col + 1)
    return sheet.build()


def _header_key(table: Table) -> tuple[str, ...]:
    return tuple(normalize_header(c) for c in table.rows[0][1])


def join_sections(tables: list[Table]) -> Table:
    """Tables with the same columns (one per section of a document) as one table;
    without a group column, each table's heading becomes the group of its rows."""
    header = tables[0].rows[0]
    headings = "group" not in _header_key(tables[0])
    rows = [header]
    for t in tables:
        if headings and t.heading is not None:
            rows.append((t.heading[0], (t.heading[1],)))
        rows.extend(t.rows[1:])
    starts = {row: cols for t in tables for row, cols in t.starts.items()}
    return Table(tables[0].file, tuple(rows), guarded=False, starts=starts)
