"""The figures of an organization: its size and shape, and who carries the work.

:func:`stats` returns a :class:`Figures`, a read-only mapping whose JSON
(:meth:`Figures.to_dict`) is the object of ``raci stats --format json`` (docs/stats.md).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from raci.analysis.cascade import Cascade
from raci.model import Organization

__all__ = ["NARROW_SPAN", "TOP_PARTIES", "WIDE_SPAN", "Figures", "stats"]

#: A unit with at most this many child units has a narrow span of control.
NARROW_SPAN = 2
#: A unit with at least this many child units has a wide span of control.
WIDE_SPAN = 15
#: How many parties the lists of those carrying the most A and R name.
TOP_PARTIES = 5
#: The key of ``by_level`` for units without a level.
NO_LEVEL = "(no level)"


class Figures(Mapping[str, Any]):
    """The figures, by name (``units``, ``depth``, ``span_of_control``...)."""

    def __init__(self, figures: dict[str, Any]) -> None:
        self._figures = figures

    def __getitem__(self, key: str) -> Any:
        return self._figures[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._figures)

    def __len__(self) -> int:
        return len(self._figures)

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={self._figures[k]!r}" for k in ("units", "positions", "depth"))
        return f"Figures({shown}, ...)"

    def to_dict(self) -> dict[str, Any]:
        """A plain dict for ``json.dumps`` (a copy: changing it changes nothing here)."""
        import copy

        return copy.deepcopy(self._figures)


def _depths(org: Organization) -> dict[str, int]:
    """Edges from each unit's top unit, found top down once (a unit in a cycle: as far as
    ``Organization.ancestors`` goes)."""
    depth: dict[str, int] = {}
    for top in org.roots:
        depth[top] = 0
        for parent, child in nx.bfs_edges(org.graph, top):
            depth[child] = depth[parent] + 1
    for uid in org.units:
        if uid not in depth:
            depth[uid] = org.depth_of(uid)
    return depth


def _spans(org: Organization) -> dict[str, int]:
    """Child units of each unit that has any."""
    return {uid: n for uid in org.units if (n := org.graph.out_degree(uid))}


def _headcounts(org: Organization) -> dict[str, int]:
    """Each unit's subtree total: a unit counts its ``headcount`` when given, else the
    posts listed in it; units where nothing is known are left out."""
    posts = Counter(p.unit for p in org.positions.values())
    own: dict[str, int | None] = {
        uid: u.headcount if u.headcount is not None else posts.get(uid)
        for uid, u in org.units.items()
    }
    total: dict[str, int | None] = {}
    # Children before parents: reverse breadth-first order from each top unit.
    order = [u for top in org.roots for u in org.subtree(top)]
    for uid in reversed(order):
        known = [v for c in org.graph.successors(uid) if (v := total.get(c)) is not None]
        mine = own[uid]
        total[uid] = None if mine is None and not known else (mine or 0) + sum(known)
    return {uid: n for uid in org.units if (n := total.get(uid)) is not None}


def _workload(org: Organization) -> dict[str, dict[str, int]]:
    letters = org.scheme.letters
    counts: dict[str, Counter[str]] = {}
    for d in org.deliverables.values():
        for party, role in dict.fromkeys((a.party, a.role) for a in d.assignments):
            counts.setdefault(party, Counter())[role] += 1
    order = {letter: i for i, letter in enumerate(letters)}
    return {
        party: {r: c[r] for r in sorted(c, key=lambda r: (order.get(r, len(order)), r))}
        for party, c in counts.items()
    }


def _top(workload: dict[str, dict[str, int]], letter: str | None) -> list[dict[str, Any]]:
    if letter is None:
        return []
    ranked = sorted(
        ((party, roles[letter]) for party, roles in workload.items() if roles.get(letter)),
        key=lambda item: (-item[1], item[0]),
    )
    return [{"party": party, "count": n} for party, n in ranked[:TOP_PARTIES]]


def _counts(held: list[tuple[str, str]], letters: tuple[str, ...]) -> dict[str, int]:
    """Deliverables per role letter, each (deliverable, role) counted once, scheme order."""
    c = Counter(role for _, role in dict.fromkeys(held))
    order = {letter: i for i, letter in enumerate(letters)}
    return {r: c[r] for r in sorted(c, key=lambda r: (order.get(r, len(order)), r))}


def _post_load(org: Organization) -> dict[str, dict[str, dict[str, int]]]:
    """For each post: the deliverables it holds per role, directly and inherited."""
    cascade = Cascade(org)
    letters = org.scheme.letters
    by_unit: dict[str, dict[str, int]] = {}
    out: dict[str, dict[str, dict[str, int]]] = {}
    for pid in cascade.posts():
        unit = org.positions[pid].unit
        if unit not in by_unit:
            held = [(h.deliverable, h.role) for h in cascade.inherited(unit)]
            by_unit[unit] = _counts(held, letters)
        out[pid] = {
            "direct": _counts(org.assignments_of(pid), letters),
            "inherited": dict(by_unit[unit]),
        }
    return out


def stats(org: Organization) -> Figures:
    """The figures of ``org``: ``units``, ``positions``, ``deliverables``,
    ``depth``, ``by_level``, ``span_of_control``, ``headcount``, ``workload``, and
    ``narrow_spans`` / ``wide_spans``, ``most_accountable`` / ``most_responsible``,
    ``deliverables_per_group``, ``vacant_posts`` and ``post_load``."""
    if not isinstance(org, Organization):
        msg = f"org must be a raci.Organization (got {type(org).__name__})"
        raise TypeError(msg)
    depth = _depths(org)
    by_level: Counter[str] = Counter(u.level or NO_LEVEL for u in org.units.values())
    ranked_levels = [*org.levels.names, *sorted(set(by_level) - set(org.levels.names))]
    spans = _spans(org)
    values = sorted(spans.values())
    span: dict[str, float | int | None] = {
        "min": values[0] if values else None,
        "median": statistics.median(values) if values else None,
        "max": values[-1] if values else None,
        "mean": round(statistics.fmean(values), 2) if values else None,
    }
    workload = _workload(org)
    per_group: Counter[str | None] = Counter(d.group for d in org.deliverables.values())
    groups = [
        {
            "group": g,
            "name": org.groups[g].name if g is not None and g in org.groups else (g or ""),
            "deliverables": n,
        }
        for g, n in per_group.items()
    ]
    figures: dict[str, Any] = {
        "units": len(org.units),
        "positions": len(org.positions),
        "external": len(org.external),
        "deliverables": len(org.deliverables),
        "assignments": sum(len(d.assignments) for d in org.deliverables.values()),
        "depth": max(depth.values(), default=0),
        "by_level": {lv: by_level[lv] for lv in ranked_levels if by_level[lv]},
        "span_of_control": span,
        "narrow_spans": [{"unit": u, "children": n} for u, n in spans.items() if n <= NARROW_SPAN],
        "wide_spans": [{"unit": u, "children": n} for u, n in spans.items() if n >= WIDE_SPAN],
        "headcount": _headcounts(org),
        "workload": workload,
        "most_accountable": _top(workload, org.scheme.letter_of("accountable")),
        "most_responsible": _top(workload, org.scheme.letter_of("responsible")),
        "deliverables_per_group": groups,
        "vacant_posts": [pid for pid, p in org.positions.items() if p.vacant],
        "post_load": _post_load(org),
    }
    return Figures(figures)
