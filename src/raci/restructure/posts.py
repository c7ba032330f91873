"""Post changes between two versions of a model: posts established, abolished,
redeployed, reclassified and converted, and the summary of them by unit that budget
documents carry (docs/restructuring.md, "Post changes").

The posts of a unit are those :func:`raci.analysis.establishment.unit_grades` counts, by
grade and fund. Units are compared in lineage groups: the old units and the new units
that continue them, linked through ids kept and ``formerly`` (a rename, a merge, a
split). The posts of each group are matched in steps, each taking only what the steps
before it left:

1. in each group, posts of the same grade and fund are unchanged;
2. each listed position kept (by id or ``formerly``) takes its post on both sides, when
   both are left: moved to a unit of another group it is redeployed, with another grade
   reclassified (so a position tells only of a change that the counts show);
3. in each group, posts of the same grade and another fund are converted; of another
   grade, reclassified, nearest grades first (then the higher grades first; of two
   grades, the same fund first); posts of no grade match posts of any grade;
4. across groups, posts of one grade lost in one group and gained in another are
   redeployed (same fund first, then OLD's and NEW's file order);
5. what is left was abolished (lost) or established (gained).

A change is told in the unit of NEW that has the post; a post lost is told in the first
unit of NEW that continues its old unit, or in the old unit when nothing continues it.
That unit is the post's row in the summary, so each row's ``before`` is the old posts
that went into it. A post reclassified or redeployed from one fund to another is
converted too; a post with no fund given has none to convert.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from raci.analysis.establishment import NO_GRADE, unit_grades
from raci.analysis.successors import Lineage
from raci.grades import tidy
from raci.model import Organization, Position

#: The kinds of post change, in the order the readable forms tell them.
KINDS = ("established", "abolished", "redeployed", "reclassified", "converted")
#: The columns of a summary row that count posts.
COLUMNS = (
    "before",
    "after",
    "change",
    "established",
    "abolished",
    "redeployed_in",
    "redeployed_out",
    "reclassified",
    "converted",
)
#: Less than this is nothing left (counts are sums of fractions).
_EPSILON = 1e-9

Entry = dict[str, Any]
#: Posts of one unit, grade and fund.
_Key = tuple[str, str, str | None]


def _no_totals() -> dict[str, float]:
    return {"before": 0, "after": 0, "change": 0}


@attrs.frozen
class PostChanges:
    """The post changes of a diff, each kind a tuple of JSON-ready entries (unit ids;
    counts of posts), the ``summary`` by unit and the ``totals``.

    ``shown`` says whether either version gives an establishment (``posts``): the text
    and Markdown tell post changes only then.
    """

    established: tuple[Entry, ...] = ()
    abolished: tuple[Entry, ...] = ()
    redeployed: tuple[Entry, ...] = ()
    reclassified: tuple[Entry, ...] = ()
    converted: tuple[Entry, ...] = ()
    summary: tuple[Entry, ...] = ()
    totals: Mapping[str, float] = attrs.field(factory=_no_totals)
    shown: bool = False

    def __bool__(self) -> bool:
        return any(getattr(self, kind) for kind in KINDS)

    def of(self, kind: str) -> tuple[Entry, ...]:
        """The entries of one kind: ``established``, ``abolished``, ``redeployed``,
        ``reclassified`` or ``converted``."""
        entries: tuple[Entry, ...] = getattr(self, kind)
        return entries

    def to_dict(self) -> dict[str, Any]:
        """The ``posts`` object of ``raci diff --format json``."""
        out: dict[str, Any] = {kind: [dict(e) for e in self.of(kind)] for kind in KINDS}
        out["summary"] = [dict(row) for row in self.summary]
        out["totals"] = dict(self.totals)
        return out


def has_establishment(org: Organization) -> bool:
    """Whether any unit of ``org`` gives its ``posts``."""
    return any(u.posts is not None for u in org.units.values())


def post_totals(before: float, after: float) -> dict[str, float]:
    """The ``totals`` of post changes: the posts before and after (the figures' count,
    :func:`raci.analysis.figures.structure`) and the change."""
    return {"before": before, "after": after, "change": tidy(after - before)}


def post_changes(
    old: Organization,
    new: Organization,
    units: Lineage,
    positions: Lineage,
    totals: Mapping[str, float],
) -> PostChanges:
    """The post changes from ``old`` to ``new``, with the lineages of their units and of
    their positions (:func:`raci.analysis.successors.successors`) and the
    :func:`post_totals`."""
    return attrs.evolve(_Matching(old, new, units).run(positions), totals=totals)


def _pool(grades: Mapping[str, Mapping[tuple[str, str | None], float]]) -> dict[_Key, float]:
    return {
        (uid, grade, fund): count
        for uid, posts in grades.items()
        for (grade, fund), count in posts.items()
    }


def _places(pool: Mapping[_Key, float]) -> dict[tuple[str, str], list[_Key]]:
    """The keys of a pool by unit and grade."""
    out: dict[tuple[str, str], list[_Key]] = {}
    for key in pool:
        out.setdefault(key[:2], []).append(key)
    return out


def _post_of(
    org: Organization,
    post: Position,
    pool: Mapping[_Key, float],
    places: Mapping[tuple[str, str], list[_Key]],
) -> _Key | None:
    """The whole post of ``pool`` that a listed position fills: its unit's first of its
    grade (any fund) with one left; None for a position without a grade or beyond its
    unit's posts."""
    if not post.grade:
        return None
    grade = org.grades.known(post.grade) or post.grade
    keys = places.get((post.unit, grade), ())
    return next((key for key in keys if pool[key] >= 1 - _EPSILON), None)


class _Matching:
    def __init__(self, old: Organization, new: Organization, units: Lineage) -> None:
        self.old, self.new = old, new
        before, after = unit_grades(old), unit_grades(new)
        self.lost, self.gained = _pool(before), _pool(after)
        self.grades = new.grades
        self.group_old, self.group_new = _groups(old, new, units)
        #: The summary row a post lost from an old unit is told in.
        self.row_of = {
            uid: next((n for n in units.successors(uid) if n in new.units), uid)
            for uid in old.units
        }
        order = [*new.units, *(u for u in old.units if u not in new.units)]
        self.index = {uid: i for i, uid in enumerate(order)}
        self.rows: dict[str, dict[str, float]] = {}
        for uid in [*(self.row_of[u] for u in before), *after]:
            self.rows.setdefault(uid, dict.fromkeys(COLUMNS, 0.0))
        self.entries: dict[str, dict[tuple[Any, ...], Entry]] = {kind: {} for kind in KINDS}

    def run(self, positions: Lineage) -> PostChanges:
        groups: dict[int, tuple[list[_Key], list[_Key]]] = {}
        for key in self.lost:
            groups.setdefault(self.group_old[key[0]], ([], []))[0].append(key)
        for key in self.gained:
            groups.setdefault(self.group_new[key[0]], ([], []))[1].append(key)
        for losses, gains in groups.values():
            self._pour(losses, gains, lambda key: key[1:])
        self._positions(positions)
        for losses, gains in groups.values():
            if self._left(self.lost, losses) and self._left(self.gained, gains):
                self._within(losses, gains)
        self._across()
        for key in self._left(self.lost):
            self._lose(key, self.lost.pop(key))
        for key in self._left(self.gained):
            self._gain(key, self.gained.pop(key))
        return self._result()

    # -- the steps -----------------------------------------------------------

    def _positions(self, positions: Lineage) -> None:
        """Each listed position of NEW that continues one of OLD takes its post on both
        sides, when both are left."""
        places_old, places_new = _places(self.lost), _places(self.gained)
        old_units = {key[0] for key in self._left(self.lost)}
        new_units = {key[0] for key in self._left(self.gained)}
        used: set[str] = set()
        for qid, q in self.new.positions.items():
            if q.unit not in new_units:
                continue
            pid = next((p for p in positions.predecessors(qid) if p in self.old.positions), None)
            if pid is None or pid in used or self.old.positions[pid].unit not in old_units:
                continue
            used.add(pid)
            lost = _post_of(self.old, self.old.positions[pid], self.lost, places_old)
            gained = _post_of(self.new, q, self.gained, places_new)
            if lost is not None and gained is not None:
                self.lost[lost] -= 1
                self.gained[gained] -= 1
                self._pair(lost, gained, 1, qid)

    def _within(self, losses: list[_Key], gains: list[_Key]) -> None:
        """Match what is left of one group's posts: converted (same grade), reclassified
        (nearest grades first, then the higher; same fund first), of no grade."""
        self._pour(losses, gains, lambda key: key[1])
        lost, gained = self._by_rank(losses), self._by_rank(gains)
        for a, b in sorted(
            ((a, b) for a in lost for b in gained), key=lambda p: (abs(p[0] - p[1]), *p)
        ):
            self._pour(lost[a], gained[b], lambda key: key[2])
            self._pour(lost[a], gained[b], lambda key: None)
        self._pour([k for k in losses if k[1] == NO_GRADE], gains, lambda key: None)
        self._pour(losses, [k for k in gains if k[1] == NO_GRADE], lambda key: None)

    def _by_rank(self, keys: list[_Key]) -> dict[int, list[_Key]]:
        """Posts of a grade by the grade's rank (grades the table lacks share the last)."""
        out: dict[int, list[_Key]] = {}
        for key in keys:
            if key[1] != NO_GRADE:
                out.setdefault(self.grades.rank(key[1]), []).append(key)
        return out

    def _across(self) -> None:
        """Redeploy posts of one grade lost in one group and gained in another (a group
        that still lost posts of a grade gained none of it): same fund first."""
        losses, gains = self._left(self.lost), self._left(self.gained)
        self._pour(losses, gains, lambda key: key[1:])
        self._pour(losses, gains, lambda key: key[1])

    def _pour(
        self, losses: Iterable[_Key], gains: Iterable[_Key], by: Callable[[_Key], object]
    ) -> None:
        """Match each post lost, in order, with the posts gained that are alike ``by``, in
        order, as far as both last."""
        queues: dict[object, deque[_Key]] = {}
        for gk in gains:
            if self.gained[gk] > _EPSILON:
                queues.setdefault(by(gk), deque()).append(gk)
        for lk in losses:
            queue = queues.get(by(lk))
            while queue and self.lost[lk] > _EPSILON:
                gk = queue[0]
                n = min(self.lost[lk], self.gained[gk])
                self.lost[lk] -= n
                self.gained[gk] -= n
                self._pair(lk, gk, n)
                if self.gained[gk] <= _EPSILON:
                    queue.popleft()

    # -- what the steps record -------------------------------------------------

    def _pair(self, lost: _Key, gained: _Key, n: float, position: str | None = None) -> None:
        """Posts of ``lost`` that continue as posts of ``gained``."""
        (old_unit, old_grade, old_fund), (unit, grade, fund) = lost, gained
        source, row = self.row_of[old_unit], self.rows[unit]
        extra = {} if position is None else {"position": position}
        if self.group_old[old_unit] != self.group_new[unit]:
            self._add(
                "redeployed",
                {"from": source, "to": unit, "grade": old_grade, "fund": old_fund},
                n,
                extra,
            )
            self.rows[source]["before"] += n
            self.rows[source]["redeployed_out"] += n
            row["redeployed_in"] += n
        else:
            row["before"] += n
        row["after"] += n
        if NO_GRADE not in (old_grade, grade) and old_grade != grade:
            self._add("reclassified", {"unit": unit, "from": old_grade, "to": grade}, n, extra)
            row["reclassified"] += n
        if old_fund and fund and old_fund != fund:
            self._add(
                "converted", {"unit": unit, "grade": grade, "from": old_fund, "to": fund}, n, extra
            )
            row["converted"] += n

    def _lose(self, key: _Key, n: float) -> None:
        unit = self.row_of[key[0]]
        self._add("abolished", {"unit": unit, "grade": key[1], "fund": key[2]}, n, {})
        self.rows[unit]["before"] += n
        self.rows[unit]["abolished"] += n

    def _gain(self, key: _Key, n: float) -> None:
        self._add("established", {"unit": key[0], "grade": key[1], "fund": key[2]}, n, {})
        self.rows[key[0]]["after"] += n
        self.rows[key[0]]["established"] += n

    def _add(self, kind: str, entry: Entry, n: float, extra: Entry) -> None:
        """One entry, or more posts on the entry that says the same."""
        key = (*entry.values(), *extra.values())
        entries = self.entries[kind]
        if key in entries:
            entries[key]["count"] += n
        else:
            entries[key] = {**entry, "count": n, **extra}

    @staticmethod
    def _left(pool: dict[_Key, float], keys: Iterable[_Key] | None = None) -> list[_Key]:
        """The keys of ``pool`` (or those of ``keys``) with posts left, in order."""
        return [key for key in (pool if keys is None else keys) if pool[key] > _EPSILON]

    # -- the result ------------------------------------------------------------

    def _result(self) -> PostChanges:
        rank, index = self.grades.rank, self.index
        order: dict[str, Callable[[Entry], tuple[Any, ...]]] = {
            "established": lambda e: (index[e["unit"]], rank(e["grade"]), str(e["fund"])),
            "abolished": lambda e: (index[e["unit"]], rank(e["grade"]), str(e["fund"])),
            "redeployed": lambda e: (index[e["from"]], index[e["to"]], rank(e["grade"])),
            "reclassified": lambda e: (index[e["unit"]], rank(e["from"]), rank(e["to"])),
            "converted": lambda e: (index[e["unit"]], rank(e["grade"]), e["from"], e["to"]),
        }
        kinds = [
            tuple(
                _shown(e)
                for e in sorted(self.entries[kind].values(), key=_then_position(order[kind]))
            )
            for kind in KINDS
        ]
        summary = tuple(
            self._summary_row(uid, row)
            for uid, row in sorted(self.rows.items(), key=lambda item: index[item[0]])
        )
        established, abolished, redeployed, reclassified, converted = kinds
        return PostChanges(
            established,
            abolished,
            redeployed,
            reclassified,
            converted,
            summary=summary,
            shown=has_establishment(self.old) or has_establishment(self.new),
        )

    def _summary_row(self, uid: str, row: dict[str, float]) -> Entry:
        unit = self.new.units.get(uid) or self.old.units[uid]
        counts = {k: tidy(v) for k, v in row.items()}
        counts["change"] = tidy(row["after"] - row["before"])
        return {"unit": uid, "name": unit.name, **counts}


def _then_position(
    order: Callable[[Entry], tuple[Any, ...]],
) -> Callable[[Entry], tuple[Any, ...]]:
    """``order``, then entries of a listed position after those of counts."""
    return lambda e: (*order(e), e.get("position", ""))


def _shown(entry: Entry) -> Entry:
    """An entry as the JSON gives it: its count tidied, no grade as null."""
    out = {**entry, "count": tidy(entry["count"])}
    if out.get("grade") == NO_GRADE:
        out["grade"] = None
    return out


def _groups(
    old: Organization, new: Organization, units: Lineage
) -> tuple[dict[str, int], dict[str, int]]:
    """The lineage group of each old and each new unit: old and new units linked through
    ``formerly`` and ids kept, numbered in the order met."""
    group_old: dict[str, int] = {}
    group_new: dict[str, int] = {}
    for start in old.units:
        if start in group_old:
            continue
        number = len(group_old) + len(group_new)
        todo = [("old", start)]
        while todo:
            side, uid = todo.pop()
            seen, links = (
                (group_old, units.successors(uid))
                if side == "old"
                else (group_new, units.predecessors(uid))
            )
            if uid in seen:
                continue
            seen[uid] = number
            other, table = ("new", new.units) if side == "old" else ("old", old.units)
            todo += [(other, u) for u in links if u in table]
    for uid in new.units:
        group_new.setdefault(uid, len(group_old) + len(group_new))
    return group_old, group_new
