"""Who continues whom between two versions of a model: ids kept, and ``formerly`` lists."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from raci.model import Organization, Position, Unit


@attrs.frozen
class Lineage:
    """Old ids to the new ids that continue them, and back, for one kind (units or posts).

    A new unit continues an old one when it keeps its id or lists it in ``formerly``;
    ``unknown`` holds the ``formerly`` entries that name nothing of that kind in OLD.
    """

    forward: Mapping[str, tuple[str, ...]]
    backward: Mapping[str, tuple[str, ...]]
    unknown: tuple[tuple[str, str], ...]

    def successors(self, old: str) -> tuple[str, ...]:
        """The new ids that continue ``old`` (empty when it was removed)."""
        return self.forward.get(old, ())

    def predecessors(self, new: str) -> tuple[str, ...]:
        """The old ids that ``new`` continues (empty when it is new)."""
        return self.backward.get(new, ())


def lineage(
    old: Mapping[str, Unit] | Mapping[str, Position],
    new: Mapping[str, Unit] | Mapping[str, Position],
    elsewhere: Mapping[str, object] | None = None,
) -> Lineage:
    """The lineage between two tables of one kind (units, or positions).

    ``elsewhere`` holds OLD's other party ids: a ``formerly`` entry naming one of them
    (a post that became a unit) is linked too, so its roles are carried.
    """
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    unknown: list[tuple[str, str]] = []

    def link(o: str, n: str) -> None:
        if n not in forward.setdefault(o, []):
            forward[o].append(n)
        if o not in backward.setdefault(n, []):
            backward[n].append(o)

    for ident, item in new.items():
        if ident in old:
            link(ident, ident)
        for o in item.formerly:
            if o in old or (elsewhere is not None and o in elsewhere):
                link(o, ident)
            else:
                unknown.append((ident, o))
    return Lineage(
        {k: tuple(v) for k, v in forward.items()},
        {k: tuple(v) for k, v in backward.items()},
        tuple(unknown),
    )


@attrs.frozen
class Successors:
    """The lineage of units and of posts between OLD and NEW."""

    units: Lineage
    positions: Lineage

    def of_party(self, old: str) -> tuple[str, ...]:
        """The new units and posts that continue an old unit or post."""
        return (*self.units.successors(old), *self.positions.successors(old))


def successors(old: Organization, new: Organization) -> Successors:
    """Who in NEW continues whom in OLD, for units and for posts."""
    return Successors(
        lineage(old.units, new.units, old.parties),
        lineage(old.positions, new.positions, old.parties),
    )
