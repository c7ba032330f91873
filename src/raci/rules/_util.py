"""Small helpers shared by the rules."""

from __future__ import annotations

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


class AncestorSets:
    """Memoised sets of a unit and its ancestors (for chain checks in linear time)."""

    def __init__(self, org: Organization) -> None:
        self.org = org
        self._memo: dict[str, frozenset[str]] = {}

    def __call__(self, unit: str) -> frozenset[str]:
        found = self._memo.get(unit)
        if found is None:
            found = frozenset((unit, *self.org.ancestors(unit)))
            self._memo[unit] = found
        return found
