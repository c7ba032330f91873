"""Whether a matrix is turned (parties as rows, deliverables as columns), told by the
names in its first column: job titles and roles (``Product Owner``, ``Ops Manager``)."""

from __future__ import annotations

import re

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


def rows_name_roles(table: Table, start: int) -> bool:
    """Whether the rows below the header at ``start`` are named as roles or jobs (the last
    word of most first cells is one, ``Scrum Master``), and the header's cells are not."""
    first = [_last_word(table.clean(cells[0])) for _, cells in table.rows[start + 1 :] if cells]
    first = [w for w in first if w]
    header = [_last_word(table.clean(c)) for c in table.rows[start][1][1:]]
    header = [w for w in header if w]
    return (
        len(first) >= _AT_LEAST
        and sum(w in _ROLE_NOUNS for w in first) >= _SHARE * len(first)
        and sum(w in _ROLE_NOUNS for w in header) < (1 - _SHARE) * len(header)
    )


def _last_word(text: str) -> str:
    words = _WORDS.findall(text.casefold())
    return words[-1] if words else ""
