"""The figures of an organization: its size and shape, and who carries the work.

This module is the one definition of each figure that an output shows: posts, filled
posts and vacant posts (:func:`unit_posts`, :func:`subtree_posts`), depth
(:func:`unit_depths`), span of control (:func:`spans`) and units by level
(:func:`units_by_level`). :func:`structure` gathers the structure figures that a
restructuring compares; :func:`stats` returns a :class:`Figures`, a read-only mapping
whose JSON (:meth:`Figures.to_dict`) is the object of ``raci stats --format json``
(docs/stats.md).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from raci.analysis.cascade import Cascade
from raci.analysis.establishment import unit_grades
from raci.grades import tidy
from raci.model import Organization
from raci.words import pgettext_noop

__all__ = [
    "HEADCOUNT_COUNTS",
    "NAMES",
    "NARROW_SPAN",
    "TOP_PARTIES",
    "WIDE_SPAN",
    "Figures",
    "Posts",
    "spans",
    "stats",
    "structure",
    "subtree_posts",
    "unit_depths",
    "unit_posts",
    "units_by_level",
]

#: A unit with at most this many child units has a narrow span of control.
NARROW_SPAN = 2
#: A unit with at least this many child units has a wide span of control.
WIDE_SPAN = 15
#: How many parties the lists of those carrying the most A and R name.
TOP_PARTIES = 5
#: The key of ``by_level`` for units without a level.
NO_LEVEL = "(no level)"
#: What the per-unit ``headcount`` of ``raci stats`` counts (its ``headcount_counts``).
HEADCOUNT_COUNTS = "posts"
#: The name every English output gives a figure of :func:`structure`, so that a table of
#: ``raci stats``, ``raci diff`` and a chart box call one count by one name; the catalog
#: holds them in the context "figure" (:func:`raci.analysis.names.figure_name`).
NAMES = {
    "units": pgettext_noop("figure", "units"),
    "positions": pgettext_noop("figure", "positions listed"),
    "posts": pgettext_noop("figure", "posts"),
    "filled": pgettext_noop("figure", "filled posts"),
    "vacant": pgettext_noop("figure", "vacant posts"),
    "depth": pgettext_noop("figure", "depth (levels below the top unit)"),
    "span_of_control": pgettext_noop("figure", "span of control"),
    "deliverables": pgettext_noop("figure", "deliverables"),
}


@attrs.frozen
class Posts:
    """Posts, and how many of them are filled and vacant."""

    posts: float = 0
    filled: float = 0
    vacant: float = 0

    def __add__(self, other: Posts) -> Posts:
        return Posts(
            self.posts + other.posts, self.filled + other.filled, self.vacant + other.vacant
        )


def unit_posts(org: Organization) -> dict[str, Posts]:
    """The posts of each unit itself (not its children), for the units where they are known
    (:func:`raci.analysis.establishment.unit_grades` counts them). A listed position marked
    ``vacant`` is a vacant post; every other post is filled.
    """
    vacant: Counter[str] = Counter()
    for p in org.positions.values():
        vacant[p.unit] += p.vacant
    out: dict[str, Posts] = {}
    for uid, grades in unit_grades(org).items():
        posts = tidy(sum(grades.values()))
        out[uid] = Posts(posts, tidy(posts - vacant[uid]), vacant[uid])
    return out


def subtree_posts(org: Organization) -> dict[str, Posts]:
    """The posts of each unit and every unit below it (:func:`unit_posts`); units where
    nothing is known, and units in a cycle, are left out."""
    own = unit_posts(org)
    total: dict[str, Posts] = {}
    # Children before parents: reverse breadth-first order from each top unit.
    order = [u for top in org.roots for u in org.subtree(top)]
    for uid in reversed(order):
        known = [total[c] for c in org.children(uid) if c in total]
        if uid in own or known:
            total[uid] = sum(known, own.get(uid, Posts()))
    return {uid: total[uid] for uid in org.units if uid in total}


def unit_depths(org: Organization) -> dict[str, int]:
    """Edges from each unit's top unit, found top down once; a unit no top reaches counts
    from where its line of parents stops (a parent that does not exist, or the first unit
    met again on a cycle). The organization's depth is the largest."""
    depth: dict[str, int] = {}
    for top in org.roots:
        depth[top] = 0
        for uid in org.subtree(top):  # breadth first: a parent before its children
            for child in org.children(uid):
                depth.setdefault(child, depth[uid] + 1)
    units = org.units
    for uid in units:
        if uid in depth:
            continue
        # Climb to a unit whose depth is known, or to where the line stops (a parent that
        # does not exist, or a unit met again on a cycle); then number the climb down.
        chain: list[str] = []
        on_chain: set[str] = set()
        at: str | None = uid
        while at is not None and at in units and at not in depth and at not in on_chain:
            chain.append(at)
            on_chain.add(at)
            at = units[at].parent
        base = depth[at] + 1 if at is not None and at in depth else 0
        for i, unit in enumerate(reversed(chain)):
            depth[unit] = base + i
    return depth


def spans(org: Organization) -> dict[str, int]:
    """Child units of each unit that has any."""
    return {uid: n for uid in org.units if (n := org.graph.out_degree(uid))}


def units_by_level(org: Organization) -> dict[str, int]:
    """Units per level, in rank order; units without a level under ``(no level)``, last."""
    by_level = Counter(u.level or NO_LEVEL for u in org.units.values())
    ranked = [*org.levels.names, *sorted(set(by_level) - set(org.levels.names))]
    return {level: by_level[level] for level in ranked if by_level[level]}


def _span_summary(values: list[int]) -> dict[str, float | int | None]:
    values = sorted(values)
    return {
        "min": values[0] if values else None,
        "median": statistics.median(values) if values else None,
        "max": values[-1] if values else None,
        "mean": round(statistics.fmean(values), 2) if values else None,
    }


def structure(org: Organization) -> dict[str, Any]:
    """The structure figures: ``units``, ``by_level``, ``positions`` (listed), ``posts``,
    ``filled``, ``vacant``, ``depth``, ``span_of_control`` and ``deliverables``."""
    total = sum(unit_posts(org).values(), Posts())
    return {
        "units": len(org.units),
        "by_level": units_by_level(org),
        "positions": len(org.positions),
        **attrs.asdict(total),
        "depth": max(unit_depths(org).values(), default=0),
        "span_of_control": _span_summary(list(spans(org).values())),
        "deliverables": len(org.deliverables),
    }


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

    def _repr_html_(self) -> str | None:
        """The figures as a notebook shows them: the structure and the units by level."""
        from raci._display import html

        return html(self)

    def to_dict(self) -> dict[str, Any]:
        """A plain dict for ``json.dumps`` (a copy: changing it changes nothing here)."""
        import copy

        return copy.deepcopy(self._figures)


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
    """The figures of ``org``: (``units``, ``positions``, ``deliverables``,
    ``depth``, ``by_level``, ``span_of_control``, ``headcount``, ``workload``); the
    ``posts``, ``filled`` and ``vacant`` totals (``headcount`` is each unit's subtree
    total of posts, as ``headcount_counts`` says); ``narrow_spans`` / ``wide_spans``,
    ``most_accountable`` / ``most_responsible``, ``deliverables_per_group``,
    ``vacant_posts`` and ``post_load``."""
    if not isinstance(org, Organization):
        msg = f"org must be a raci.Organization (got {type(org).__name__})"
        raise TypeError(msg)
    shape = structure(org)
    span_of = spans(org)
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
        "units": shape["units"],
        "positions": shape["positions"],
        "posts": shape["posts"],
        "filled": shape["filled"],
        "vacant": shape["vacant"],
        "external": len(org.external),
        "deliverables": shape["deliverables"],
        "assignments": sum(len(d.assignments) for d in org.deliverables.values()),
        "depth": shape["depth"],
        "by_level": shape["by_level"],
        "span_of_control": shape["span_of_control"],
        "narrow_spans": [
            {"unit": u, "children": n} for u, n in span_of.items() if n <= NARROW_SPAN
        ],
        "wide_spans": [{"unit": u, "children": n} for u, n in span_of.items() if n >= WIDE_SPAN],
        "headcount": {uid: p.posts for uid, p in subtree_posts(org).items()},
        "headcount_counts": HEADCOUNT_COUNTS,
        "workload": workload,
        "most_accountable": _top(workload, org.scheme.letter_of("accountable")),
        "most_responsible": _top(workload, org.scheme.letter_of("responsible")),
        "deliverables_per_group": groups,
        "vacant_posts": [pid for pid, p in org.positions.items() if p.vacant],
        "post_load": _post_load(org),
    }
    return Figures(figures)
