"""Whether a matrix is turned (parties as rows, deliverables as columns), told by the
names in its first column: job titles and roles (``Product Owner``, ``Ops Manager``);
and the matrix turned back, each cell keeping its place."""

from __future__ import annotations

import re

import attrs

from raci.io.tables.table import Table

#: Last words of a role's or a job's name.
_ROLE_NOUNS = frozenset(
    {
        "admin",
        "administrator",
        "analyst",
        "architect",
        "board",
        "champion",
        "committee",
        "consultant",
        "coordinator",
        "designer",
        "developer",
        "director",
        "engineer",
        "executive",
        "head",
        "lead",
        "leader",
        "manager",
        "master",
        "member",
        "officer",
        "owner",
        "specialist",
        "sponsor",
        "steward",
        "tester",
    }
)
_WORDS = re.compile(r"[^\W\d_]+")
#: How many rows at least, and the share of them, must be named as roles.
_AT_LEAST, _SHARE = 3, 0.8


def rows_name_roles(table: Table, start: int, *, sure: bool = False) -> bool:
    """Whether the rows below the header at ``start`` are named as roles or jobs (the last
    word of most first cells is one, ``Scrum Master``), and the header's cells are not;
    ``sure``: every row is so named and no header cell is."""
    first = [_last_word(table.clean(cells[0])) for _, cells in table.rows[start + 1 :] if cells]
    first = [w for w in first if w]
    header = [_last_word(table.clean(c)) for c in table.rows[start][1][1:]]
    header = [w for w in header if w]
    roles = sum(w in _ROLE_NOUNS for w in first)
    heads = sum(w in _ROLE_NOUNS for w in header)
    if sure:
        return len(first) >= _AT_LEAST and roles == len(first) and heads == 0 and bool(header)
    return (
        len(first) >= _AT_LEAST
        and roles >= _SHARE * len(first)
        and heads < (1 - _SHARE) * len(header)
    )


def turn(table: Table, start: int) -> Table:
    """The matrix whose header is at ``start`` turned: a row per column of the source (the
    header's cell, its line breaks read as spaces, first), a column per row; every cell
    keeps its place in the source (:meth:`Table.source`)."""
    rows = table.rows[start:]
    width = max(len(cells) for _, cells in rows)
    turned = tuple(
        (col + 1, tuple(_cell(cells, col, head=i == 0) for i, (_, cells) in enumerate(rows)))
        for col in range(width)
    )
    return attrs.evolve(
        table,
        rows=tuple((n, cells) for n, cells in turned if any(c.strip() for c in cells)),
        merged=(),
        turned_from=tuple(r for r, _ in rows),
    )


def _cell(cells: tuple[str, ...], col: int, *, head: bool) -> str:
    text = cells[col] if col < len(cells) else ""
    return " ".join(text.split()) if head else text


def _last_word(text: str) -> str:
    words = _WORDS.findall(text.casefold())
    return words[-1] if words else ""
