"""Read the small tables a document gives under each deliverable's heading, listing its
roles: a row per role (``R - Responsável``, ``Accountable``), beside it the names of the
parties that hold it (``Rangel Gomes e Gabriel Enzo``)."""

from __future__ import annotations

import re

from raci.cells import normalize_header
from raci.io.tables.data_columns import DATA_HEADERS
from raci.io.tables.raci_sheet import RaciSheet, name_parts
from raci.io.tables.role_headers import role_of_header
from raci.io.tables.table import Table, parse_roles
from raci.schemes import Scheme

#: The most words a party's name has; a legend's descriptions have more.
_LONGEST_NAME = 4
_WORDS = re.compile(r"[^\W\d_]+")
#: What ends a heading that introduces its table (``FlowSLA Docs:``).
_HEADING_END = " \t:：-–—"


def lists_roles(table: Table, scheme: Scheme) -> bool:
    """Whether ``table`` lists the roles of the deliverable its heading names: two columns,
    each row but a header naming a role in the first and parties in the second (two rows
    at least); a legend, whose second column describes the roles, does not."""
    if table.heading is None or not deliverable_name(table) or len(table.rows[0][1]) != 2:
        return False
    rows = [(table.clean(c[0]), table.clean(c[1])) for _, c in table.rows]
    if not _role_row(*rows[0], scheme):
        rows = rows[1:]
    return len(rows) >= 2 and all(_role_row(role, names, scheme) for role, names in rows)


def deliverable_name(table: Table) -> str:
    """The name of the deliverable a table's heading names (``FlowSLA Docs:`` says
    ``FlowSLA Docs``)."""
    return table.heading[1].strip().rstrip(_HEADING_END) if table.heading else ""


def _role_row(role: str, names: str, scheme: Scheme) -> bool:
    """Whether a row names a role and, beside it, parties (or no one)."""
    return role_of_header(role, scheme) is not None and _holds_names(names, scheme)


def _holds_names(text: str, scheme: Scheme) -> bool:
    """Whether a cell holds names of parties: none (joined ones apart) longer than a few
    words, most of whose words start with a capital (``Todos da Equipe``, not ``does the
    work``); not role letters, a role or a column header of data (``Description``)."""
    if not text:
        return True
    if (
        parse_roles(text, scheme) is not None
        or role_of_header(text, scheme) is not None
        or normalize_header(text) in DATA_HEADERS
    ):
        return False
    for name in name_parts(text):
        words = _WORDS.findall(name)
        capital = sum(w[0].isupper() or not w[0].islower() for w in words)
        if not words or len(words) > _LONGEST_NAME or capital * 2 < len(words):
            return False
    return True


def read_role_rows(sheet: RaciSheet) -> None:
    """Read the table ``sheet.table`` (:func:`lists_roles`) into ``sheet``: the deliverable
    its heading names, at the heading, with the parties of each role row."""
    table = sheet.table
    assert table.heading is not None
    did = sheet.deliverable(deliverable_name(table), table.heading[0])
    for row, cells in table.rows:
        role = role_of_header(table.clean(cells[0]), sheet.scheme)
        if role is None:
            continue  # the header (``Papel | Responsável``)
        for name in sheet.names(table.clean(cells[1]), row, 2):
            pid = sheet.party(name, row, 2)
            if pid is not None:
                sheet.assign(did, role.letter, pid, row, 2)
