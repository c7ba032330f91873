"""Lineage: which units and posts continue earlier ones, through their ``formerly`` lists.

A unit (or post) that says ``formerly: [old, ...]`` continues those earlier ones: a
rename (one old id), a merge (several), or part of a split (when several units name the
same old id). Deliverables that still name an old id that is no longer a party have
their roles carried over to its successors, to each of them for a split; the rules then
judge the result as usual. ``raci diff`` uses the same lineage between two models.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from raci.deliverable_table import DeliverableTable
from raci.exceptions import LoadError
from raci.findings import Finding
from raci.model import Assignment, Deliverable, Organization


def successors(org: Organization) -> dict[str, tuple[str, ...]]:
    """Each id named in a ``formerly`` list, with the units and posts that name it (units
    first, in file order)."""
    found: dict[str, list[str]] = {}
    for table in (org.units, org.positions):
        for ident, party in table.items():
            for old in party.formerly:
                ids = found.setdefault(old, [])
                if ident not in ids:
                    ids.append(ident)
    return {old: tuple(ids) for old, ids in found.items()}


def carry_over(org: Organization, most: int | None = None) -> Organization:
    """``org`` with each role given to an earlier id (one that is no longer a party, but
    that units or posts list in ``formerly``) given to those successors instead.

    A carried assignment keeps the place where the old id is written and remembers it
    in ``via``. The organization comes back unchanged (the same object) when nothing
    is carried. LoadError when the roles would pass ``most`` (a split into many units of
    an id that many deliverables name).
    """
    heirs = {old: ids for old, ids in successors(org).items() if old not in org.parties}
    if not heirs:
        return org
    changed: dict[str, Deliverable] = {}
    ids, _, parties_of = org.deliverable_columns()
    if most is not None:
        _check_fan_out(org, heirs, parties_of, most)
    for ident, parties in zip(ids, parties_of, strict=True):
        if heirs.keys().isdisjoint(parties):
            continue
        d = org.deliverables[ident]
        out: list[Assignment] = []
        held = {(a.role, a.party) for a in d.assignments if a.party not in heirs}
        for a in d.assignments:
            if a.party not in heirs:
                out.append(a)
                continue
            for heir in heirs[a.party]:
                if (a.role, heir) not in held:
                    held.add((a.role, heir))
                    out.append(Assignment(d.id, a.role, heir, a.location, via=a.party))
        changed[d.id] = attrs.evolve(d, assignments=tuple(out))
    if not changed:
        return org
    table = org.deliverables
    if isinstance(table, DeliverableTable):
        return attrs.evolve(org, deliverables=table.replaced(changed))
    return attrs.evolve(org, deliverables={**table, **changed})


def _check_fan_out(
    org: Organization,
    heirs: Mapping[str, tuple[str, ...]],
    parties_of: Sequence[Sequence[str]],
    most: int,
) -> None:
    """LoadError, at the first unit that continues the widest split, when carrying the
    roles over would give more than ``most`` roles in all."""
    width = {old: len(ids) for old, ids in heirs.items()}
    total = sum(len(parties) for parties in parties_of)
    for parties in parties_of:
        total += sum(width.get(p, 1) - 1 for p in parties)
    if total <= most:
        return
    old = max(width, key=width.__getitem__)
    first = heirs[old][0]
    party = org.units.get(first) or org.positions[first]
    msg = (
        f"`{old}` is continued by {width[old]:,} units or posts, and carrying its roles to"
        f" each gives more than {most:,} roles; name its successors in the deliverables"
        " instead"
    )
    raise LoadError([Finding.parse_error(party.where("formerly"), msg)])
