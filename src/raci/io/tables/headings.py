"""The group of each row of a RACI table as its heading rows give it: a row with only its
first cell filled heads the rows below it, a run of such rows nests (``Milestone 1``
then ``Client`` is the group "Milestone 1 › Client"), and a row that repeats the header's
labels under another first cell (``DESIGN | Ann | Bo`` under ``ANALYSIS | Ann | Bo``)
starts a section."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from itertools import pairwise

import attrs

#: What indents a name: spaces (no-break ones too) and tabs, not a line break.
_INDENT = " \t\xa0\u3000"
#: An outline number that starts a name: ``2.2``, ``2.2.1``, ``1.``.
_OUTLINE = re.compile(r"(\d+(?:\.\d+)*)\.?\s")
#: A cell that holds an outline number alone: ``1``, ``1.3.2``, ``2.``.
_NUMBER = re.compile(r"(\d+(?:\.\d+)*)\.?")
#: What joins a heading to the heading it is nested in.
NESTED = " › "


def repeats_header(
    cells: Sequence[str], header: Sequence[str], keys: Collection[int] = (0,)
) -> str | None:
    """The text that heads a row repeating the header's labels (any case) outside the key
    columns (the first; the name column after an id column): its first key cell that
    differs from the header's, or ``""`` when none does (the header repeated whole); None
    when the row repeats no header."""
    rest = [i for i in range(len(header)) if i not in keys]
    labels = [header[i].casefold() for i in rest]
    if not any(labels) or [cells[i].casefold() if i < len(cells) else "" for i in rest] != labels:
        return None
    differ = (
        cells[i]
        for i in sorted(keys)
        if i < len(cells) and cells[i].casefold() != header[i].casefold()
    )
    return next((text for text in differ if text), "")


def own_heads(headers: Sequence[Sequence[str]]) -> list[str | None]:
    """For the headers of several tables, the one cell each has of its own among its first
    two (``Part 1`` in ``ID | Part 1 | Ann | Bo``) when another header is the same but for
    it; None for a header that has none."""
    rows = [list(h) for h in headers]
    for row in rows:
        while row and not row[-1]:
            row.pop()
    return [
        _own_head(row, [other for j, other in enumerate(rows) if j != i])
        for i, row in enumerate(rows)
    ]


def _own_head(row: Sequence[str], others: Sequence[Sequence[str]]) -> str | None:
    for other in others:
        if len(other) != len(row):
            continue
        differ = [k for k, text in enumerate(row) if text.casefold() != other[k].casefold()]
        if len(differ) == 1 and differ[0] <= 1 and row[differ[0]]:
            return row[differ[0]]
    return None


def not_parents(names: Sequence[tuple[int, str]], filled: Collection[int]) -> set[int]:
    """Of the rows (number, first cell as written) of a table whose names carry
    indentation (leading spaces in two rows or more, at two depths or more), those
    followed by a row at the same or a lower indentation: a sibling of what follows, not
    its parent, so a row of them without letters is a deliverable with no roles yet (a
    milestone), not a heading. None when the names carry no indentation, or only rows
    with nothing past their first cell (not in ``filled``) do: headings set off by spaces
    (``  ▶  BRAND``), not an outline."""
    depths = [(row, len(text) - len(text.lstrip(_INDENT))) for row, text in names if text.strip()]
    if (
        len({depth for _, depth in depths}) < 2
        or sum(1 for r, d in depths if d and r in filled) < 2
    ):
        return set()
    return {row for (row, depth), (_, after) in pairwise(depths) if after <= depth}


def outline_parents(names: Sequence[tuple[int, str]]) -> set[int]:
    """Of the rows (number, first cell), those whose outline number the next row's carries
    on (``2.2 Requirements`` over ``2.2.1 Gather them``): parents of what follows, so a
    row of them without letters is a heading, however it looks."""
    return parents_by_number(
        [
            (row, found[1] if (found := _OUTLINE.match(text.strip())) else "")
            for row, text in names
            if text.strip()
        ]
    )


def outline_number(text: str) -> str:
    """The outline number a cell holds alone (``1.3.2``; ``2.`` is ``2``), else ``""``."""
    found = _NUMBER.fullmatch(text.strip())
    return found[1] if found else ""


def parents_by_number(numbers: Sequence[tuple[int, str]]) -> set[int]:
    """Of the rows (number, outline number or ``""``), those whose number the next row's
    carries on (``2.2`` over ``2.2.1``)."""
    return {
        row
        for (row, number), (_, after) in pairwise(numbers)
        if number and after.startswith(number + ".")
    }


def in_tasks_look(candidates: Mapping[int, Hashable], tasks: Iterable[Hashable]) -> set[int]:
    """The rows of ``candidates`` (rows with only their first cell filled, each with how
    that cell looks) that look like the task rows' first cells (``tasks``), when other
    candidates are set off by a look no task row has (bold 14 pt phases over 11 pt
    tasks): those are tasks with no roles yet, not headings. A look is the tasks' when
    more task rows than candidates have it: a summary row that holds letters in the
    headings' bold does not make the headings tasks. None when looks are not known, or
    when no candidate is set off so."""
    held, heads = Counter(tasks), Counter(candidates.values())
    body = {look for look, n in held.items() if look is not None and n > heads[look]}
    if not any(look is not None and look not in body for look in candidates.values()):
        return set()
    return {row for row, look in candidates.items() if look in body}


def unlike_the_others(headings: Mapping[int, Hashable]) -> list[int]:
    """The heading rows (each with how it looks) whose look no other heading row has,
    when two or more others share one: a heading not set off as the others are."""
    counts = Counter(look for look in headings.values() if look is not None)
    if not counts or max(counts.values()) < 2:
        return []
    return [row for row, look in headings.items() if look is not None and counts[look] == 1]


@attrs.define
class Headings:
    """The headings above the row being read: the table's heading, the section (a repeated
    header row's first cell) and the path of heading rows within it.

    A run of k heading rows in a row replaces the last k headings of the path, so a table
    whose headings come one at a time stays flat, and one that gives two at a time nests
    them.
    """

    #: The table's own heading (in a document of several tables), outside every other.
    outer: str | None = None
    section: str | None = None
    path: list[str] = attrs.Factory(list)
    _before: list[str] = attrs.Factory(list)
    _run: list[str] = attrs.Factory(list)
    #: The outline number of each heading of the path, when the rows are numbered.
    _numbers: list[str] = attrs.Factory(list)

    def start_section(self, text: str) -> None:
        """A repeated header row: its first cell heads the rows below, outside any path."""
        self.section, self.path, self._run, self._numbers = text, [], [], []

    def numbered(self, number: str, heading: str | None = None) -> bool:
        """A row numbered in an outline (``1.3.2``): the headings whose numbers it does
        not carry on end before it, and a ``heading`` row nests in those left. Whether
        the path changed."""
        keep = 0
        while keep < len(self._numbers) and number.startswith(self._numbers[keep] + "."):
            keep += 1
        before = self.path
        self.path, self._numbers = self.path[:keep], self._numbers[:keep]
        if heading is not None:
            self.path, self._numbers = [*self.path, heading], [*self._numbers, number]
        return self.path != before

    def heading(self, text: str) -> bool:
        """A heading row; whether it nests in the one right above it."""
        if not self._run:
            self._before = self.path
        self._run.append(text)
        keep = max(len(self._before) - len(self._run), 0)
        self.path = [*self._before[:keep], *self._run]
        return len(self._run) > 1

    def row(self) -> None:
        """A deliverable row: the next heading row starts a new run."""
        self._run = []

    @property
    def text(self) -> str | None:
        """The group the headings give (None when there are none)."""
        parts = [*(p for p in (self.outer, self.section) if p), *self.path]
        return NESTED.join(parts) if parts else None
