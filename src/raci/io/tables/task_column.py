"""A matrix whose task column is not the first (``Priority | Status | Task | PO | Dev``):
the table as read with that column moved first, each cell keeping its place."""

from __future__ import annotations

import re

import attrs

from raci.cells import normalize_header
from raci.io.tables.raci_sheet import ALL_ROLES, TASK_HEADERS, key_columns
from raci.io.tables.table import Table, parse_roles

_WORDS = re.compile(r"[^\W\d_]+")


def task_first(table: Table, start: int) -> Table:
    """``table`` with the task column moved first, when a column after the first is headed
    as the tasks (``Task``, ``Actividad``, ``Resultado/Actividad del proyecto``) and no
    column before it holds role letters; else ``table`` itself."""
    if key_columns(table, start):
        return table
    header = [table.clean(c) for c in table.rows[start][1]]
    task = next((c for c, text in enumerate(header) if c and _names_tasks(text)), None)
    if task is None or _names_tasks(header[0]) or _holds_roles(table, start, task):
        return table
    width = max(len(cells) for _, cells in table.rows)
    order = [task, *range(task), *range(task + 1, width)]
    rows = tuple(
        (row, tuple(cells[c] if c < len(cells) else "" for c in order)) for row, cells in table.rows
    )
    columns = tuple(table.sheet_column(c + 1) for c in order)
    return attrs.evolve(table, rows=rows, columns=columns)


def _names_tasks(text: str) -> bool:
    """Whether a header names the tasks: a word of it is a task header."""
    return normalize_header(text) in TASK_HEADERS or any(
        w.casefold() in TASK_HEADERS for w in _WORDS.findall(text)
    )


def _holds_roles(table: Table, start: int, before: int) -> bool:
    """Whether a column before ``before`` holds role letters below the header."""
    return any(
        parse_roles(cells[c], ALL_ROLES)
        for _, cells in table.rows[start + 1 :]
        for c in range(min(before, len(cells)))
        if table.clean(cells[c])
    )
