"""The group of each row of a RACI table as its heading rows give it: a row with only its
first cell filled heads the rows below it, a run of such rows nests (``Milestone 1``
then ``Client`` is the group "Milestone 1 › Client"), and a row that repeats the header's
labels under another first cell (``DESIGN | Ann | Bo`` under ``ANALYSIS | Ann | Bo``)
starts a section."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

#: What joins a heading to the heading it is nested in.
NESTED = " › "


def repeats_header(cells: Sequence[str], header: Sequence[str]) -> bool:
    """Whether a row's cells after the first repeat the header's labels (any case)."""
    labels = [h.casefold() for h in header[1:]]
    return any(labels) and [c.casefold() for c in cells[1 : len(header)]] == labels


@attrs.define
class Headings:
    """The headings above the row being read: the section (a repeated header row's first
    cell) and the path of heading rows within it.

    A run of k heading rows in a row replaces the last k headings of the path, so a table
    whose headings come one at a time stays flat, and one that gives two at a time nests
    them.
    """

    section: str | None = None
    path: list[str] = attrs.Factory(list)
    _before: list[str] = attrs.Factory(list)
    _run: list[str] = attrs.Factory(list)

    def start_section(self, text: str) -> None:
        """A repeated header row: its first cell heads the rows below, outside any path."""
        self.section, self.path, self._run = text, [], []

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
        parts = [*([self.section] if self.section else []), *self.path]
        return NESTED.join(parts) if parts else None
