"""Rows of a workbook that carry on the row above: a deliverable whose role cells are
merged down over two rows, its name written in two cells of its own (``Start test runs
within 12 months and`` over ``reach full production by month 18.``), is one deliverable."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence

import attrs

from raci._text import quoted, shorten
from raci.findings import say
from raci.io.tables.raci_sheet import RaciSheet

#: How a name broken over two cells ends its first part: a comma, a dash, ``and``, ``of``.
_JOINING = re.compile(
    r"(?:[,;:&+/–—-]|\b(?:and|or|of|to|the|with|by|for|in|on|at|et|ou|de|und|oder|y|o)\b)\s*$",
    re.IGNORECASE,
)

#: Merged ranges that reach down from a row: by first row, (left, right, bottom) on the sheet.
_Down = dict[int, list[tuple[int, int, int]]]


def join_carried_on(sheet: RaciSheet, below: int, parties: Collection[int]) -> None:
    """Join into the row above each row of ``sheet.table`` (below row ``below``) that
    carries on its name: the row's one cell of text goes on from the text above it, and
    its role cells are the lower half of the cells merged down from the row above."""
    table = sheet.table
    down: _Down = {}
    for top, left, bottom, right in table.merged:
        if bottom > top > below:
            down.setdefault(top, []).append((left, right, bottom))
    if not down or not parties:
        return
    for reach in down.values():
        reach.sort()
    spots = {col: table.sheet_column(col + 1) for col in parties}
    rows: list[tuple[int, tuple[str, ...]]] = []
    for row, cells in table.rows:
        col = _carried_on(rows[-1] if rows else None, (row, cells), spots, down, below)
        if col is None:
            rows.append((row, cells))
            continue
        above, before = rows[-1]
        name = f"{before[col].strip()} {cells[col].strip()}"
        rows[-1] = (above, (*before[:col], name, *before[col + 1 :]))
        sheet.note(
            "table-reading",
            table.file,
            row,
            col + 1,
            say(
                "row {row} carries on the name in row {above} (its role cells are merged with"
                " row {above}'s), so the two rows are read as one deliverable, {name}",
                row=row,
                above=above,
                name=quoted(shorten(name)),
            ),
        )
    if len(rows) < len(table.rows):
        sheet.table = attrs.evolve(table, rows=tuple(rows))


def _carried_on(
    above: tuple[int, Sequence[str]] | None,
    here: tuple[int, Sequence[str]],
    spots: dict[int, int],
    down: _Down,
    below: int,
) -> int | None:
    """The column of the one text of row ``here`` when it carries on the row ``above``;
    else None."""
    if above is None or above[0] <= below:
        return None
    (top, before), (row, cells) = above, here
    texts = [i for i, text in enumerate(cells) if text.strip()]
    if len(texts) != 1 or texts[0] in spots:
        return None
    col = texts[0]
    first = before[col].strip() if col < len(before) else ""
    rest = cells[col].strip()
    if not first or not (rest[:1].islower() or _JOINING.search(first)):
        return None
    roles = [spots[c] for c in spots if c < len(before) and before[c].strip()]
    reach = down.get(top, [])
    lefts = [left for left, _, _ in reach]
    for spot in roles:
        i = bisect_right(lefts, spot) - 1
        if i < 0 or reach[i][1] < spot or reach[i][2] < row:
            return None
    return col if roles else None
