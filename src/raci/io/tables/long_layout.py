"""Which columns of a table in long format (one assignment per row) hold the deliverable,
the party, the role and the group: from the header's words, or, for an export whose
headers are its own (``action_id, action_name, role_name, raci``), from the cells.

From the cells: the role column is the one column of role letters; the deliverable's and
the group's values come in runs of rows, a deliverable's run inside its group's; the
party's values come back run after run. A column of ids beside a column of names
(``action_id``, ``action_name``) is one column, read as the id and the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from raci.cells import normalize_header
from raci.io.tables.long_sheet import long_columns
from raci.io.tables.raci_sheet import ALL_ROLES
from raci.io.tables.table import Table, parse_roles

#: The fewest rows a table needs before its cells say how it is laid out.
_FEWEST_ROWS = 4
#: An id or name column's header: a base word and ``id``, ``name``, ``title``, ``code``.
_PART = re.compile(r"^(.*?)[\s_-]*(id|name|title|code|key)$", re.IGNORECASE)

#: Columns by field: ``deliverable``, ``party``, ``role``, and maybe ``name``, ``group``.
Layout = dict[str, int]


def long_layout(table: Table, start: int) -> Layout | None:
    """The columns of a long table whose header is at ``start``, or None when it is not one."""
    header = table.rows[start][1]
    fields = long_columns(header)
    if {"deliverable", "party", "role"} <= set(fields):
        return _name_beside_id(dict(fields), header)
    return _from_cells(table, start)


def _name_beside_id(fields: Layout, header: Sequence[str]) -> Layout:
    """``fields`` with a second deliverable column (``task_id, task``) read as the name
    when the first holds ids, or as the id when the second does."""
    both = long_columns.columns_of(header, "deliverable")
    if len(both) < 2 or "name" in fields:
        return fields
    first, second = both[:2]
    if normalize_header(header[second]).endswith("id"):
        first, second = second, first
    fields["deliverable"], fields["name"] = first, second
    return fields


def _from_cells(table: Table, start: int) -> Layout | None:
    header = [table.clean(c) for c in table.rows[start][1]]
    body = [
        [table.clean(c) for c in cells[: len(header)]]
        for _, cells in table.rows[start + 1 :]
        if any(c.strip() for c in cells)
    ]
    if len(body) < _FEWEST_ROWS:
        return None
    columns = [[row[c] if c < len(row) else "" for row in body] for c in range(len(header))]
    letters = [c for c, cells in enumerate(columns) if _letters(cells)]
    if len(letters) != 1:
        return None
    role = letters[0]
    full = [c for c, cells in enumerate(columns) if c != role and all(cells)]
    logical = _pairs(header, full, columns)
    recurring = {key: _recurring(columns[key[0]]) for key in logical}
    party = max(logical, key=lambda k: recurring[k], default=None)
    if party is None or not recurring[party]:
        return None
    runs = [k for k in logical if k != party and not recurring[k]]
    distinct = {k: len(set(columns[k[0]])) for k in runs}
    task = max(runs, key=lambda k: distinct[k], default=None)
    if task is None or not 1 < distinct[task] < len(body):
        return None
    layout: Layout = {"deliverable": task[0], "party": party[-1], "role": role}
    if len(task) == 2:
        layout["name"] = task[1]
    groups = [k for k in runs if k != task and 1 < distinct[k] < distinct[task]]
    if groups:
        layout["group"] = max(groups, key=lambda k: distinct[k])[-1]
    return layout


def _letters(cells: list[str]) -> bool:
    """Whether a column holds role letters: in nine of ten rows at least, every filled
    cell reading as letters."""
    filled = [c for c in cells if c]
    return len(filled) * 10 >= len(cells) * 9 and all(parse_roles(c, ALL_ROLES) for c in filled)


def _pairs(header: list[str], full: list[int], columns: list[list[str]]) -> list[tuple[int, ...]]:
    """The columns as read: a column of ids and the column of names beside it (same base
    word, values that go together one to one) as one ``(id, name)``; others alone."""
    parts = {c: _PART.match(header[c]) for c in full}
    paired: set[int] = set()
    out: list[tuple[int, ...]] = []
    for c in full:
        match = parts[c]
        if c in paired or match is None or normalize_header(match.group(2)) != "id":
            continue
        base = normalize_header(match.group(1))
        for other in full:
            found = parts[other]
            if (
                other != c
                and other not in paired
                and found is not None
                and normalize_header(found.group(1)) == base
                and normalize_header(found.group(2)) != "id"
                and _one_to_one(columns[c], columns[other])
            ):
                out.append((c, other))
                paired.update((c, other))
                break
    out.extend((c,) for c in full if c not in paired)
    return sorted(out)


def _one_to_one(ids: list[str], names: list[str]) -> bool:
    """Whether each id goes with one name and each name with one id."""
    pairs = set(zip(ids, names, strict=True))
    return len(pairs) == len(set(ids)) == len(set(names))


def _recurring(cells: list[str]) -> int:
    """How many values come back after another value came between (a party's column)."""
    seen: set[str] = set()
    back: set[str] = set()
    last = None
    for value in cells:
        if value != last and value in seen:
            back.add(value)
        seen.add(value)
        last = value
    return len(back)
