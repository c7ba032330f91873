"""Assignments: one party holding one role on one deliverable, and a deliverable's list of
them kept as columns.

A model of a million assignments would otherwise hold a million objects, each with its
place in the file. :class:`Assignments` keeps the role letters and party ids as two
tuples (ids shared with the rest of the model) and one place for all of them when they
share it (as in a JSON file, where roles are placed by their deliverable); it makes
:class:`Assignment` objects only when they are asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import attrs

from raci.findings import SourceLocation

NOWHERE = SourceLocation("<memory>")


@attrs.frozen
class Assignment:
    """One party holding one role on one deliverable."""

    deliverable: str
    role: str
    party: str
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)
    #: The earlier id the file wrote, when the role was carried over from a unit (or post)
    #: that ``party`` continues through its ``formerly`` (docs/restructuring.md).
    via: str | None = attrs.field(default=None, eq=False)


class Assignments(Sequence[Assignment]):
    """A deliverable's assignments in file order, as columns: ``roles`` and ``parties``
    (the i-th assignment is ``parties[i]`` holding ``roles[i]``), and where each is written.

    It compares equal to the tuple of its :class:`raci.Assignment` objects.
    """

    __slots__ = ("_deliverables", "_places", "_vias", "parties", "roles")

    def __init__(
        self,
        deliverable: str | tuple[str, ...],
        roles: tuple[str, ...],
        parties: tuple[str, ...],
        places: SourceLocation | tuple[SourceLocation, ...] = NOWHERE,
        vias: tuple[str | None, ...] | None = None,
    ) -> None:
        """``deliverable``: one id for all, or one per assignment; ``places``: one place for
        all, or one per assignment; ``vias``: the earlier id each role was carried over
        from (docs/restructuring.md), or None when none was."""
        self._deliverables = deliverable
        self.roles = roles
        self.parties = parties
        self._places = places
        self._vias = vias

    @classmethod
    def of(cls, items: Iterable[Assignment]) -> Assignments:
        """The columns of some Assignment objects (kept as they are when already columns)."""
        if isinstance(items, Assignments):
            return items
        found = tuple(items)
        if not found:
            return EMPTY
        deliverables = tuple(a.deliverable for a in found)
        places = tuple(a.location for a in found)
        vias = tuple(a.via for a in found)
        return cls(
            deliverables[0] if len(set(deliverables)) == 1 else deliverables,
            tuple(a.role for a in found),
            tuple(a.party for a in found),
            places[0] if all(p is places[0] for p in places) else places,
            vias if any(v is not None for v in vias) else None,
        )

    def location(self, index: int) -> SourceLocation:
        """Where the ``index``-th assignment is written."""
        places = self._places
        return places if isinstance(places, SourceLocation) else places[index]

    def via(self, index: int) -> str | None:
        """The earlier id the ``index``-th role was carried over from, or None."""
        return None if self._vias is None else self._vias[index]

    @property
    def carried(self) -> bool:
        """Whether any role here was carried over from an earlier id."""
        return self._vias is not None

    def _deliverable(self, index: int) -> str:
        ids = self._deliverables
        return ids if isinstance(ids, str) else ids[index]

    def _make(self, index: int) -> Assignment:
        return Assignment(
            self._deliverable(index),
            self.roles[index],
            self.parties[index],
            self.location(index),
            self.via(index),
        )

    def __len__(self) -> int:
        return len(self.roles)

    @overload
    def __getitem__(self, index: int) -> Assignment: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Assignment, ...]: ...

    def __getitem__(self, index: int | slice) -> Assignment | tuple[Assignment, ...]:
        if isinstance(index, slice):
            return tuple(self._make(i) for i in range(len(self.roles))[index])
        if not -len(self.roles) <= index < len(self.roles):
            raise IndexError("assignment index out of range")
        return self._make(index % len(self.roles))

    def __iter__(self) -> Iterator[Assignment]:
        return (self._make(i) for i in range(len(self.roles)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Assignments, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


EMPTY = Assignments("", (), ())
