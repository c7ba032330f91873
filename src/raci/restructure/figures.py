"""The net figures of one model that a restructuring paper compares before and after.

Kept small and private to the diff: ``net_figures`` is the one function to switch to
the structure figures of ``raci stats`` once they exist.
"""

from __future__ import annotations

import statistics
from typing import Any

from raci.model import Organization


def net_figures(org: Organization) -> dict[str, Any]:
    """Units per level, posts, vacant posts, headcount, depth and span of control.

    ``headcount`` adds each unit's ``headcount`` where given, else the filled posts
    listed in it; ``depth`` counts edges from a root to the deepest unit; the span of
    control is the number of child units of each unit that has at least one (None when
    no unit has any). Units without a level count under ``(none)``.
    """
    by_level: dict[str, int] = {}
    rank = {name: i for i, name in enumerate(org.levels.names)}
    for u in org.units.values():
        key = u.level or "(none)"
        by_level[key] = by_level.get(key, 0) + 1
    ordered = dict(sorted(by_level.items(), key=lambda kv: rank.get(kv[0], len(rank))))
    filled: dict[str, int] = {}
    for p in org.positions.values():
        if not p.vacant:
            filled[p.unit] = filled.get(p.unit, 0) + 1
    headcount = sum(
        u.headcount if u.headcount is not None else filled.get(uid, 0)
        for uid, u in org.units.items()
    )
    spans = [n for n in (org.graph.out_degree(uid) for uid in org.units) if n > 0]
    return {
        "units": len(org.units),
        "units_by_level": ordered,
        "positions": len(org.positions),
        "vacant_positions": sum(1 for p in org.positions.values() if p.vacant),
        "headcount": headcount,
        "depth": _depth(org),
        "span_of_control": {
            "min": min(spans) if spans else None,
            "median": statistics.median(spans) if spans else None,
            "max": max(spans) if spans else None,
        },
        "deliverables": len(org.deliverables),
    }


def _depth(org: Organization) -> int:
    """Edges from a root to the deepest unit (units in a cycle are left out)."""
    deepest = 0
    todo = [(r, 0) for r in org.roots]
    while todo:
        uid, d = todo.pop()
        deepest = max(deepest, d)
        todo.extend((child, d + 1) for child in org.graph.successors(uid))
    return deepest
