"""Roles written out in a matrix's cells (``Take order | Responsible | Accountable``), as
some RACI tools save them: read as their letters when the whole table writes its roles
so, and said in an info."""

from __future__ import annotations

import attrs

from raci.findings import say
from raci.io.tables.raci_sheet import ALL_ROLES as _ANY
from raci.io.tables.role_headers import role_named
from raci.io.tables.table import Table, parse_roles, reading_note

#: The fewest written-out roles that make a table one that writes its roles so.
LEAST = 4


def _letters(text: str) -> str | None:
    """The letters of a cell that writes its roles out (``Responsible, Consulted`` gives
    ``R/C``); None for anything else."""
    parts = [p.strip() for p in text.replace("/", ",").replace(";", ",").split(",")]
    roles = [role_named(p, _ANY) for p in parts if p]
    if not roles or any(r is None for r in roles):
        return None
    return "/".join(dict.fromkeys(r.letter for r in roles if r is not None))


def letters_for_words(table: Table) -> Table:
    """``table`` with its written-out roles as letters, when its rows (those that name a
    task in their first cell) write roles out in four cells or more, in two rows or more,
    and no cell past the first column holds role letters; else ``table`` as it is."""
    found: dict[tuple[int, int], str] = {}
    rows_with: set[int] = set()
    for i, (_, cells) in enumerate(table.rows):
        first = cells[0].strip() if cells else ""
        if not first or parse_roles(first, _ANY) is not None or role_named(first, _ANY):
            continue  # a legend's line or a header of roles, not a task's row
        for k, text in enumerate(cells[1:], start=1):
            if not text.strip():
                continue
            letters = _letters(text)
            if letters is not None:
                found[i, k] = letters
                rows_with.add(i)
            elif parse_roles(text, _ANY):
                return table  # a table of letters: words in it are names or notes
    if len(found) < LEAST or len(rows_with) < 2:
        return table
    rows = tuple(
        (number, tuple(found.get((i, k), text) for k, text in enumerate(cells)))
        for i, (number, cells) in enumerate(table.rows)
    )
    (i, k) = min(found)
    note = reading_note(
        table.at(table.rows[i][0], k + 1),
        say(
            "the cells write the roles out (`Responsible`, `Accountable`...), so each is read"
            " as its letter"
        ),
    )
    return attrs.evolve(table, rows=rows, notes=(*table.notes, note))
