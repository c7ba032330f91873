"""Small helpers shared by the rules."""

from __future__ import annotations

from collections.abc import Iterable

from raci.model import Organization


def kind_name(org: Organization, ident: str) -> str:
    """'unit', 'position', 'external party', 'deliverable', 'group' or 'id'."""
    party = org.parties.get(ident)
    if party is not None:
        return {"unit": "unit", "position": "position", "external": "external party"}[party.kind]
    if ident in org.deliverables:
        return "deliverable"
    if ident in org.groups:
        return "group"
    return "id"


class Lineage:
    """Ancestry in constant time: each unit's span in one pre-order walk of the hierarchy
    (a unit is within another when its entry falls inside the other's span), so chain
    checks stay linear even for a hierarchy 100,000 levels deep."""

    def __init__(self, org: Organization) -> None:
        self.org = org
        self.enter: dict[str, int] = {}
        self.exit: dict[str, int] = {}
        clock = 0
        for root in org.roots:
            stack: list[tuple[str, bool]] = [(root, False)]
            while stack:
                unit, done = stack.pop()
                if done:
                    self.exit[unit] = clock
                    continue
                if unit in self.enter:
                    continue
                self.enter[unit] = clock
                clock += 1
                stack.append((unit, True))
                stack.extend((c, False) for c in reversed(org.children(unit)))

    def within(self, unit: str, ancestor: str) -> bool:
        """Whether ``unit`` is ``ancestor`` or lies below it."""
        if unit == ancestor:
            return True
        start, inner = self.enter.get(ancestor), self.enter.get(unit)
        return start is not None and inner is not None and start < inner < self.exit[ancestor]

    def upward(self, units: Iterable[str]) -> set[str]:
        """The units and all their ancestors (each climb stops where an earlier one
        passed, so the cost is the number of units, whatever the depth)."""
        found: set[str] = set()
        for unit in units:
            while unit not in found and unit in self.org.units:
                found.add(unit)
                parent = self.org.units[unit].parent
                if parent is None:
                    break
                unit = parent
        return found
