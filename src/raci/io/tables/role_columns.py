"""Read a RACI table laid out by role: a column per role (Responsible, Accountable...),
each cell holding the names of the parties that hold it, a row per deliverable."""

from __future__ import annotations

from raci._text import quoted
from raci.cells import normalize_header
from raci.findings import nsay, say
from raci.io.tables.data_columns import holds_numbers, is_quantity
from raci.io.tables.raci_sheet import (
    ID_HEADERS,
    RaciSheet,
    empty_table,
    key_columns,
    names_known,
)
from raci.io.tables.role_headers import role_of_header
from raci.io.tables.table import Table, parse_roles
from raci.model import Organization
from raci.schemes import Scheme

#: Optional columns beside the row key (matched case-insensitively).
META_COLUMNS = ("name", "group", "due")


def role_columns(header: tuple[str, ...], scheme: Scheme) -> dict[int, str]:
    """The role letter of each column (after the first) whose header names a role."""
    found: dict[int, str] = {}
    for col, text in enumerate(header[1:], start=1):
        if normalize_header(text) in META_COLUMNS:
            continue
        role = role_of_header(text, scheme)
        if role is not None:
            found[col] = role.letter
    return found


def holds_names(table: Table, start: int, columns: dict[int, str], scheme: Scheme) -> bool:
    """Whether the cells under the role columns hold names rather than role letters (a
    matrix whose parties are called "Support" or "A" holds letters) or numbers (hours or
    counts per role, :func:`is_quantity`); a table with rows but all those cells empty (a
    template) holds names too."""
    body = table.rows[start + 1 :]
    if not body:
        return False
    letters = names = numbers = 0
    for _, cells in body:
        for col in columns:
            text = table.clean(cells[col]) if col < len(cells) else ""
            if not text:
                continue
            if parse_roles(text, scheme):
                letters += 1
            elif is_quantity(text):
                numbers += 1
            elif parse_roles(text, scheme) is None:
                names += 1
    return names > letters or names == letters == numbers == 0


def read_roles(sheet: RaciSheet, start: int) -> None:
    """Read the table ``sheet.table``, its header row (at ``start``) naming roles, into
    ``sheet``. After a first column of ids or numbers, a column that names no role holds
    the deliverables' names."""
    table = sheet.table
    _, header = table.rows[start]
    roles = role_columns(header, sheet.scheme)
    meta = key_columns(table, start) if 1 not in roles else {}
    for col, text in enumerate(header[1:], start=1):
        key = normalize_header(table.clean(text))
        if col not in roles and key in META_COLUMNS and key not in meta:
            meta[key] = col
    by_id = "name" in meta or normalize_header(table.clean(header[0])) in ID_HEADERS
    if by_id and 1 not in roles and "name" not in meta and len(header) > 2:
        meta["name"] = 1
    counts = _numbers_only(sheet, start, roles)
    _note_unread_columns(sheet, start, {*roles, *counts, *meta.values()})
    for col in counts:
        del roles[col]
    for row, cells, did in sheet.rows(start, meta, by_id=by_id):
        for col, letter in roles.items():
            for name in sheet.names(cells[col], row, col + 1):
                pid = sheet.party(name, row, col + 1)
                if pid is not None:
                    sheet.assign(did, letter, pid, row, col + 1)


def _numbers_only(sheet: RaciSheet, start: int, roles: dict[int, str]) -> list[int]:
    """The role columns whose cells are all numbers (hours or counts per role, never
    names), each noted as set aside."""
    table = sheet.table
    row, header = table.rows[start]
    found = []
    for col in roles:
        if holds_numbers([table.clean(c[col]) for _, c in table.rows[start + 1 :] if col < len(c)]):
            found.append(col)
            sheet.note(
                "table-reading",
                table.file,
                row,
                col + 1,
                say(
                    "column {name} holds numbers, not names, so it is set aside",
                    name=quoted(table.clean(header[col])),
                ),
                say("raci reads the names of the parties that hold each role."),
            )
    return found


def _note_unread_columns(sheet: RaciSheet, start: int, read: set[int]) -> None:
    """Note each column after the first that names no role and is not read, when it has
    cells (a column of notes beside the role columns)."""
    table = sheet.table
    row, header = table.rows[start]
    for col in range(1, len(header)):
        filled = sum(
            1
            for _, cells in table.rows[start + 1 :]
            if col < len(cells) and table.clean(cells[col])
        )
        if col not in read and filled:
            sheet.note(
                "table-reading",
                table.file,
                row,
                col + 1,
                nsay(
                    "column {name} names no role, so its {n} cell are not read",
                    "column {name} names no role, so its {n} cells are not read",
                    filled,
                    name=quoted(table.clean(header[col])),
                ),
                say("Head the column with a role (`Consulted`, `C`) if it holds names of parties."),
            )


def role_cell_texts(table: Table, start: int, scheme: Scheme) -> list[str]:
    """The texts of the cells under the role columns of a table whose header (at
    ``start``) names roles."""
    columns = role_columns(table.rows[start][1], scheme)
    return [cells[c] for _, cells in table.rows[start + 1 :] for c in columns if c < len(cells)]


def roles_from_table(
    table: Table, start: int, scheme: Scheme, org: Organization | None = None
) -> Organization:
    """The model of a table whose header row (at ``start``) names roles."""
    if not table.rows:
        raise empty_table(table, "a RACI table")
    sheet = RaciSheet(table, org, scheme, "roles-by-column")
    sheet.known_names = names_known(role_cell_texts(table, start, scheme))
    read_roles(sheet, start)
    return sheet.build()
