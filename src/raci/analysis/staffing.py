"""The staffing table as data: posts by category and grade against units.

Rows are units in chart order, each with its own posts by grade
(:func:`raci.analysis.establishment.unit_grades`, the one count of posts). ``by`` rolls
each unit into its nearest ancestor-or-self at that level; ``fund`` splits each row by
funding source. With ``before`` (an earlier version of the model) the rows follow the
units' lineage (:func:`raci.analysis.successors.successors`): old and new units
linked by kept ids and ``formerly`` make one row, so a rename, a merge or a split is one
row with its posts before and after. :meth:`Staffing.to_dict` is the JSON of
``raci staffing --format json`` (docs/staffing.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from raci.analysis.establishment import NO_GRADE, PostKey, unit_grades
from raci.analysis.levels import level_rank
from raci.analysis.successors import successors
from raci.exceptions import QueryError
from raci.grades import tidy
from raci.model import Organization, require_organization

__all__ = ["NO_CATEGORY", "NO_GRADE_KEY", "Counts", "Row", "Staffing", "staffing"]

#: The category of grades that the model's grade table does not have.
NO_CATEGORY = "(no category)"
#: The JSON key of posts of no grade.
NO_GRADE_KEY = "(no grade)"
#: Posts by grade (:data:`~raci.analysis.establishment.NO_GRADE` for those of no grade),
#: zero counts left out.
Counts = Mapping[str, float]
#: Units' names in a row of several units are joined with this.
JOIN = " / "


def add(*counts: Counts) -> dict[str, float]:
    """Posts by grade added up, zero counts left out."""
    out: dict[str, float] = defaultdict(float)
    for one in counts:
        for grade, n in one.items():
            out[grade] += n
    return {g: tidy(n) for g, n in out.items() if tidy(n)}


def total(counts: Counts) -> float:
    """All the posts of ``counts``."""
    return tidy(sum(counts.values()))


@attrs.frozen
class Row:
    """One row: the units it stands for and their posts (``after``, the only ones of a
    table that compares nothing; ``before`` too when two versions are compared), of one
    fund when the table is split by fund.

    ``units`` label the row: new units, or the old ones for an ``abolished`` row;
    ``formerly`` holds the old units whose posts ``before`` counts.
    """

    units: tuple[str, ...]
    after: Counts
    before: Counts | None = None
    formerly: tuple[str, ...] = ()
    level: str | None = None
    fund: str | None = None
    abolished: bool = False

    @property
    def change(self) -> dict[str, float]:
        """After less before, by grade; zero changes left out."""
        before = self.before or {}
        return add(self.after, {g: -n for g, n in before.items()})


@attrs.frozen
class Staffing:
    """The staffing table: its rows, and its columns (the grades used, in the grade
    table's order, grouped by category; whether any post has no grade); the funds when
    rows are split by fund, the earlier version compared with, the level rolled up to."""

    org: Organization = attrs.field(eq=False, repr=False)
    rows: tuple[Row, ...]
    categories: tuple[tuple[str, tuple[str, ...]], ...]
    no_grade: bool
    funds: tuple[str | None, ...] | None = None
    before: Organization | None = attrs.field(default=None, eq=False, repr=False)
    by: str | None = None

    @property
    def compared(self) -> bool:
        """Whether the table compares two versions (before and after)."""
        return self.before is not None

    @property
    def grades(self) -> tuple[str, ...]:
        """The grade columns, in order (posts of no grade are not among them)."""
        return tuple(g for _, grades in self.categories for g in grades)

    def by_category(self, counts: Counts) -> dict[str, float]:
        """The posts of each category of the table's columns, zero ones left out."""
        out = {cat: tidy(sum(counts.get(g, 0) for g in grades)) for cat, grades in self.categories}
        return {cat: n for cat, n in out.items() if n}

    def totals(self) -> Row:
        """The rows added up."""
        return self._sum(self.rows, None)

    def fund_totals(self, fund: str | None) -> Row:
        """The rows of one fund added up (``None``: posts of no fund)."""
        return self._sum([r for r in self.rows if r.fund == fund], fund)

    def _sum(self, rows: Sequence[Row], fund: str | None) -> Row:
        before = add(*(r.before or {} for r in rows)) if self.compared else None
        return Row((), add(*(r.after for r in rows)), before, fund=fund)

    def name(self, row: Row, lang: str | None = None) -> str:
        """The row's units by name in ``lang`` (the old names for an abolished row)."""
        org = self.before if row.abolished and self.before is not None else self.org
        return JOIN.join(org.display_name(u, lang) for u in row.units)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The table as JSON: the columns, the rows and the totals (names in ``lang``)."""

        def counts(c: Counts) -> dict[str, Any]:
            grades = {g: c[g] for g in self.grades if g in c}
            if c.get(NO_GRADE):
                grades[NO_GRADE_KEY] = c[NO_GRADE]
            return {"grades": grades, "categories": self.by_category(c), "total": total(c)}

        def sides(row: Row) -> dict[str, Any]:
            if not self.compared:
                return {"posts": counts(row.after)}
            before = row.before or {}
            return {
                "before": counts(before),
                "after": counts(row.after),
                "change": counts(row.change),
            }

        def fund(row: Row) -> dict[str, Any]:
            return {"fund": row.fund} if self.funds is not None else {}

        rows = []
        for row in self.rows:
            item: dict[str, Any] = {"unit": list(row.units), "name": self.name(row, lang)}
            item["level"] = row.level
            if self.compared:
                item |= {"formerly": list(row.formerly), "abolished": row.abolished}
            rows.append(item | fund(row) | sides(row))
        out: dict[str, Any] = {
            "organization": self.org.names.get(lang),
            "grades": [*self.grades, *([NO_GRADE_KEY] if self.no_grade else [])],
            "categories": {cat: list(grades) for cat, grades in self.categories},
            "rows": rows,
            "totals": sides(self.totals()),
        }
        if self.funds is not None:
            out["funds"] = [{"fund": f} | sides(self.fund_totals(f)) for f in self.funds]
        return out


def _rank(orgs: Sequence[Organization], by: str) -> list[int | None]:
    """The rank of level ``by`` in each model; QueryError when no model has a unit there."""
    ranks: list[int | None] = []
    problem: QueryError | None = None
    for org in orgs:
        try:
            ranks.append(level_rank(org, by))
        except QueryError as exc:
            problem = problem or exc
            ranks.append(None)
    if problem is not None and all(r is None for r in ranks):
        raise problem
    return ranks


def _rolled(org: Organization, rank: int | None) -> dict[str, str]:
    """The unit each unit's posts count for: its nearest ancestor-or-self at level
    ``rank``; itself when it is above that level, or no unit above it is at the level."""
    levels = org.levels
    target: dict[str, str] = {}
    for uid in org.top_down():  # a parent before its children
        unit = org.units[uid]
        here = levels.rank(unit.level)
        up = target.get(unit.parent) if unit.parent is not None else None
        below = rank is not None and (here is None or here > rank)
        if below and up is not None and levels.rank(org.units[up].level) == rank:
            target[uid] = up
        else:
            target[uid] = uid
    return target


def _posts(
    grades: Mapping[str, Mapping[PostKey, float]], members: Iterable[str]
) -> dict[str | None, dict[str, float]]:
    """The posts of ``members`` by fund and grade."""
    by_fund: dict[str | None, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for uid in members:
        for (grade, fund), n in grades.get(uid, {}).items():
            by_fund[fund][grade] += n
    return {fund: add(counts) for fund, counts in by_fund.items()}


def _fund_order(funds: Iterable[str | None]) -> list[str | None]:
    """Funds by name, posts of no fund last."""
    return sorted(set(funds), key=lambda f: (f is None, f or ""))


@attrs.frozen
class _Side:
    """One version of the model, its units rolled up: each row unit and its members."""

    org: Organization
    grades: Mapping[str, Mapping[PostKey, float]]
    members: Mapping[str, list[str]]
    order: Mapping[str, int]

    @classmethod
    def of(cls, org: Organization, rank: int | None) -> _Side:
        members: dict[str, list[str]] = defaultdict(list)
        for uid, target in _rolled(org, rank).items():
            members[target].append(uid)
        order = {uid: i for i, uid in enumerate(org.top_down())}
        return cls(org, unit_grades(org), dict(members), order)

    def posts(self, units: Iterable[str]) -> dict[str | None, dict[str, float]]:
        return _posts(self.grades, (m for u in units for m in self.members[u]))


def _lineage(old: _Side, new: _Side) -> list[tuple[list[str], list[str], list[str]]]:
    """The rows of a comparison, each its new row units, the earlier units whose posts it
    had, and the earlier row units it continues: a row per new row unit, in the new
    chart's order, holding the earlier units it continues (each earlier unit counts in
    the row of the first unit that continues it, so a split unit's posts stay whole), then
    a row per earlier row unit whose units no one continues, in the old chart's order."""
    rolled_old = {m: u for u, ms in old.members.items() for m in ms}
    rolled_new = {m: u for u, ms in new.members.items() for m in ms}
    lineage = successors(old.org, new.org).units
    forward = lineage.forward
    had: dict[str, list[str]] = {u: [] for u in new.members}
    gone: dict[str, list[str]] = {}
    for m in sorted(rolled_old, key=lambda m: old.order.get(m, len(old.order))):
        heirs = [n for n in forward.get(m, ()) if n in rolled_new]
        if heirs:
            had[rolled_new[heirs[0]]].append(m)
        else:
            gone.setdefault(rolled_old[m], []).append(m)
    backward = lineage.backward
    rows = []
    for u in sorted(new.members, key=new.order.__getitem__):
        continued = {o for m in new.members[u] for o in backward.get(m, ()) if o in rolled_old}
        olds = sorted({rolled_old[o] for o in continued}, key=old.order.__getitem__)
        rows.append(([u], had[u], olds))
    for u in sorted(gone, key=old.order.__getitem__):
        rows.append(([], gone[u], [u]))
    return rows


def staffing(
    org: Organization,
    *,
    before: Organization | None = None,
    by: str | None = None,
    fund: bool = False,
) -> Staffing:
    """The staffing table of ``org``: each unit's own posts by grade, in chart order.

    ``by`` names a level to roll units up to (QueryError for a level no unit is at);
    ``fund`` splits each row by funding source (posts without one under ``None``);
    ``before`` is an earlier version of the model to compare with.
    """
    require_organization(org, "staffing")
    if before is not None:
        require_organization(before, "staffing")
    orgs = [org] if before is None else [org, before]
    ranks = _rank(orgs, by) if by is not None else [None] * len(orgs)
    new = _Side.of(org, ranks[0])
    old = None
    groups: list[tuple[list[str], list[str], list[str]]]
    if before is None:
        groups = [([u], [], []) for u in sorted(new.members, key=new.order.__getitem__)]
    else:
        old = _Side.of(before, ranks[1])
        groups = _lineage(old, new)
    rows: list[Row] = []
    for news, had, olds in groups:
        after = new.posts(news)
        earlier = _posts(old.grades, had) if old is not None else {}
        side = new if news or old is None else old
        units = news or olds
        level = side.org.units[units[0]].level
        if not fund:
            after, earlier = {None: add(*after.values())}, {None: add(*earlier.values())}
        for f in _fund_order([*after, *earlier]) or [None]:
            rows.append(
                Row(
                    tuple(units),
                    after.get(f, {}),
                    earlier.get(f, {}) if old is not None else None,
                    tuple(olds),
                    level,
                    f,
                    abolished=not news,
                )
            )
    used = {g for r in rows for counts in (r.after, r.before or {}) for g in counts}
    grades = org.grades
    categories: dict[str, list[str]] = {}
    for g in grades.sort(used - {NO_GRADE}):
        categories.setdefault(grades.category_of(g) or NO_CATEGORY, []).append(g)
    return Staffing(
        org,
        tuple(rows),
        tuple((cat, tuple(gs)) for cat, gs in categories.items()),
        NO_GRADE in used,
        tuple(_fund_order(r.fund for r in rows)) if fund else None,
        before,
        by,
    )
