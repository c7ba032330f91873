"""A model's deliverables kept as columns, each :class:`raci.Deliverable` made when asked for.

A file of 150,000 deliverables would otherwise hold 150,000 deliverable objects, each
with its name, its place in the file and its assignments as objects of their own, most
of which no one asks for: the rules read the columns (role letters and party ids), and
only the deliverables they report on are made. The table reads like any read-only
mapping of ids to deliverables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

from raci.assignments import Assignments
from raci.findings import SourceLocation
from raci.model import Deliverable, DeliverableColumns, Names

#: The spots of a deliverable whose values are all placed where it starts.
NOWHERE_ELSE: Mapping[str, SourceLocation] = MappingProxyType({})

# Where a plain deliverable starts: its offset in the text until asked for, then its place.
Place = int | SourceLocation


class DeliverableRows:
    """The deliverables of a file as a loader reads them, in file order: a deliverable
    object, or the columns of a plain one (a name in the file's language, no spots).

    The k-th deliverable is ``ids[k]`` (``index`` gives k for an id), holding
    ``roles[k]`` and ``parties[k]``; ``made[k]`` is its object once there is one, and
    ``plain[k]`` the name, group, due date and place of a plain one (its place is an
    offset for ``locate`` until it is asked for). A loader appends to all of them.
    """

    def __init__(self, language: str, locate: Callable[[int], SourceLocation]) -> None:
        """``locate``: the place of a text offset."""
        self.language = language
        self.locate = locate
        self.ids: list[str] = []
        self.index: dict[str, int] = {}
        self.roles: list[tuple[str, ...]] = []
        self.parties: list[tuple[str, ...]] = []
        self.made: list[Deliverable | None] = []
        # Of plain deliverables (None for the others): name, group, due and place.
        self.plain: list[tuple[str, str | None, dt.date | None, Place] | None] = []

    def copy(self) -> DeliverableRows:
        """A copy that can be changed apart from this one."""
        rows = DeliverableRows(self.language, self.locate)
        rows.ids, rows.index = self.ids, self.index  # the same deliverables, in the same order
        rows.roles, rows.parties = list(self.roles), list(self.parties)
        rows.made, rows.plain = list(self.made), list(self.plain)
        return rows

    def add(self, deliverable: Deliverable) -> None:
        """Add a deliverable object (its id is new)."""
        self.index[deliverable.id] = len(self.ids)
        self.ids.append(deliverable.id)
        self.roles.append(deliverable.assignments.roles)
        self.parties.append(deliverable.assignments.parties)
        self.made.append(deliverable)
        self.plain.append(None)

    def location(self, k: int) -> SourceLocation:
        """Where the k-th deliverable starts."""
        made = self.made[k]
        if made is not None:
            return made.location
        name, group, due, place = self.plain[k]  # type: ignore[misc]
        if isinstance(place, int):
            place = self.locate(place)
            self.plain[k] = (name, group, due, place)
        return place


class DeliverableTable(DeliverableColumns):
    """A read-only mapping of ids to deliverables, kept as columns (see the module)."""

    __slots__ = ("_rows",)

    def __init__(self, rows: DeliverableRows) -> None:
        self._rows = rows

    @property
    def ids(self) -> list[str]:
        """The deliverables' ids, in file order (do not change the list)."""
        return self._rows.ids

    @property
    def roles(self) -> list[tuple[str, ...]]:
        """Each deliverable's role letters, in file order (see :class:`raci.Assignments`)."""
        return self._rows.roles

    @property
    def parties(self) -> list[tuple[str, ...]]:
        """Each deliverable's party ids, in file order (see :class:`raci.Assignments`)."""
        return self._rows.parties

    @property
    def made(self) -> list[Deliverable | None]:
        """The deliverable objects made so far, in file order (None for a plain deliverable
        not asked for yet: it carries no roles over, see :meth:`replaced`)."""
        return self._rows.made

    def replaced(self, changed: Mapping[str, Deliverable]) -> DeliverableTable:
        """A copy with some of its deliverables (by id) replaced, in their places."""
        rows = self._rows.copy()
        for ident, d in changed.items():
            k = rows.index[ident]
            rows.roles[k], rows.parties[k] = d.assignments.roles, d.assignments.parties
            rows.made[k], rows.plain[k] = d, None
        return DeliverableTable(rows)

    def groups(self) -> list[str | None]:
        """Each deliverable's group, in file order."""
        rows = self._rows
        return [
            d.group if d is not None else p[1]  # type: ignore[index]
            for d, p in zip(rows.made, rows.plain, strict=True)
        ]

    def at(self, k: int) -> Deliverable:
        """The k-th deliverable."""
        rows = self._rows
        made = rows.made[k]
        if made is None:
            where = rows.location(k)
            name, group, due, _ = rows.plain[k]  # type: ignore[misc]
            ident = rows.ids[k]
            made = rows.made[k] = Deliverable(
                id=ident,
                names=Names.plain(name, rows.language),
                group=group,
                due=due,
                assignments=Assignments(ident, rows.roles[k], rows.parties[k], where),
                location=where,
                spots=NOWHERE_ELSE,
            )
        return made

    def location(self, k: int) -> SourceLocation:
        """Where the k-th deliverable starts."""
        return self._rows.location(k)

    def assignment_location(self, k: int, j: int) -> SourceLocation:
        """Where the j-th assignment of the k-th deliverable is written."""
        rows = self._rows
        made = rows.made[k]
        return made.assignments.location(j) if made is not None else rows.location(k)

    def __getitem__(self, ident: str) -> Deliverable:
        return self.at(self._rows.index[ident])

    def __contains__(self, ident: object) -> bool:
        return ident in self._rows.index

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows.ids)

    def __len__(self) -> int:
        return len(self._rows.ids)

    def __repr__(self) -> str:
        return f"DeliverableTable({len(self)} deliverables)"
