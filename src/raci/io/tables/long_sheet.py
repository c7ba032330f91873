"""Read a RACI table in long format: one assignment per row (deliverable, party, role), the
shape databases and BI tools export."""

from __future__ import annotations

from collections.abc import Mapping

from raci._text import quoted
from raci.cells import HeaderFields, normalize_header
from raci.findings import Listed, say
from raci.io.tables.raci_sheet import (
    GROUP_HEADERS,
    TASK_HEADERS,
    RaciSheet,
    empty_table,
    split_names,
)
from raci.io.tables.role_headers import role_of_header
from raci.io.tables.table import Table, parse_roles
from raci.model import Organization
from raci.schemes import BUILTIN_SCHEMES, Scheme

#: Header spellings of each column (compared without case, spaces, ``_`` and ``-``).
ALIASES: dict[str, tuple[str, ...]] = {
    "deliverable": (
        *sorted(TASK_HEADERS - {"description"}),
        "deliverableid",
        "taskid",
        "item",
        "process",
        "decision",
        "output",
    ),
    "party": (
        "party",
        "partyid",
        "person",
        "personname",
        "owner",
        "who",
        "assignee",
        "stakeholder",
        "member",
        "employee",
        "resource",
        "team",
        "unit",
        "position",
        "post",
    ),
    "role": ("role", "raci", "racirole", "racicode", "letter", "responsibility", "assignment"),
    "name": ("name", "deliverablename", "title", "description"),
    "group": GROUP_HEADERS,
    "due": ("due", "duedate", "deadline"),
}
#: The column of each field a header row names.
long_columns = HeaderFields(ALIASES)


def letters_of(text: str, scheme: Scheme) -> tuple[str, ...] | None:
    """The role letters a role cell gives: letters (``R/A``) or role names
    (``Accountable``), or None."""
    letters = parse_roles(text, scheme)
    if letters is not None:
        return letters
    found = []
    for word in split_names(text):
        role = role_of_header(word, scheme)
        if role is None:
            return None
        found.append(role.letter)
    return tuple(dict.fromkeys(found))


def scheme_of_long(table: Table, start: int, role_column: int) -> Scheme:
    """The first built-in scheme that reads every role cell (RACI if none does)."""
    cells = [c[role_column] for _, c in table.rows[start + 1 :] if role_column < len(c)]
    texts = [table.clean(c) for c in cells if table.clean(c)]
    for scheme in BUILTIN_SCHEMES.values():
        if all(
            (found := letters_of(t, scheme)) is not None and set(found) <= set(scheme.letters)
            for t in texts
        ):
            return scheme
    return BUILTIN_SCHEMES["RACI"]


def read_long(sheet: RaciSheet, start: int, columns: Mapping[str, int] | None = None) -> None:
    """Read ``sheet.table``, one assignment per row below its header (at ``start``), into
    ``sheet``; a row that cannot be read is noted at its place. ``columns`` gives the
    column of each field when the header's words do not."""
    table = sheet.table
    _, header = table.rows[start]
    if columns is None:
        columns = long_columns(header)
        role_columns = long_columns.columns_of(header, "role")
    elif {"deliverable", "party", "role"} <= set(long_columns(header)):
        role_columns = long_columns.columns_of(header, "role")
    else:
        role_columns = [columns["role"]]
        _say_columns(sheet, table.rows[start][0], header, columns)
    scheme = sheet.scheme
    by_id = normalize_header(header[columns["deliverable"]]).endswith("id")
    for row, raw in table.rows[start + 1 :]:
        cells = [table.clean(c) for c in raw[: len(header)]]
        sheet.stray_cells(row, raw, len(header))
        if not any(cells):
            continue

        def cell(field: str, cells: list[str] = cells) -> str:
            col = columns.get(field)
            return cells[col] if col is not None and col < len(cells) else ""

        key, party = cell("deliverable"), cell("party")
        # A sheet may have two role columns (a role and a second one): each is read.
        roles = [(c, cells[c]) for c in role_columns if c < len(cells) and cells[c]]
        if not key:
            sheet.unreadable(
                row,
                columns["deliverable"] + 1,
                say("this row names no deliverable, so it is not read"),
                say("Write the deliverable in the row."),
            )
            continue
        group_text = cell("group")
        group = sheet.group(group_text, row, columns["group"] + 1) if group_text else None
        due_text = cell("due")
        due = sheet.due(due_text, row, columns["due"] + 1) if due_text else None
        did = sheet.deliverable(
            key, row, by_id=by_id, name=cell("name"), group=group, due=due, again=True
        )
        if not party and not roles:
            continue
        if not roles:
            sheet.unreadable(
                row,
                role_columns[0] + 1,
                say("this row gives a party but no role, so it is not read"),
                say("Write the role the party holds."),
            )
            continue
        held: list[tuple[int, tuple[str, ...]]] = []
        for col, role in roles:
            found = letters_of(role, scheme)
            if found is None or (party and not found):
                sheet.unreadable(
                    row,
                    col + 1,
                    say(
                        "cannot read {role} as a role; expected a letter of {scheme} ({letters})"
                        " or a role's name such as `Accountable`",
                        role=quoted(role),
                        scheme=scheme.name,
                        letters=Listed(tuple(scheme.letters)),
                    ),
                    say(
                        "Write a role letter or a role's name, or choose the scheme with --scheme."
                    ),
                )
                break
            held.append((col, found))
        if len(held) < len(roles):
            continue
        if not party:
            sheet.unreadable(
                row,
                columns["party"] + 1,
                say("this row gives a role but no party, so it is not read"),
                say("Write who holds the role."),
            )
            continue
        # One party per row: a name such as "Smith, Jane" is not split.
        pid = sheet.party(party, row, columns["party"] + 1)
        if pid is not None:
            for col, letters in held:
                for letter in letters:
                    sheet.assign(did, letter, pid, row, col + 1)


def _say_columns(
    sheet: RaciSheet, row: int, header: tuple[str, ...], columns: Mapping[str, int]
) -> None:
    """Note how the columns of a long table were read when its header did not say."""
    said = {
        "deliverable": say("the deliverable in {column}"),
        "name": say("its name in {column}"),
        "party": say("the party in {column}"),
        "role": say("the role letters in {column}"),
        "group": say("the group in {column}"),
    }
    parts = tuple(
        what.with_fields(column=quoted(sheet.table.clean(header[columns[field]])))
        for field, what in said.items()
        if field in columns
    )
    sheet.note(
        "table-reading",
        sheet.table.file,
        row,
        1,
        say("read as one assignment per row, as the cells show: {parts}", parts=Listed(parts)),
        say("Head the columns `deliverable`, `party` and `role` to say so yourself."),
    )


def long_from_table(
    table: Table, start: int, org: Organization | None = None, scheme: Scheme | None = None
) -> Organization:
    """The model of a table with one assignment per row, its header row at ``start``;
    ``scheme`` overrides the one the role cells suggest (or the org's)."""
    if not table.rows:
        raise empty_table(table, "a RACI table")
    sheet = RaciSheet(table, org, scheme or long_scheme(table, start, org), "long")
    read_long(sheet, start)
    return sheet.build()


def long_scheme(
    table: Table, start: int, org: Organization | None, role: int | None = None
) -> Scheme:
    """The org's scheme, else the one the role cells (in column ``role``) suggest."""
    if org is not None:
        return org.scheme
    if role is None:
        role = long_columns(table.rows[start][1])["role"]
    return scheme_of_long(table, start, role)
