"""The cascade: what each post holds, directly and through its unit and the units above it.

A unit's roles reach every post inside it. :class:`Cascade` works each unit's inherited
roles out once, from the units above it that hold roles themselves (each unit knows the
nearest such unit at or above it), stopping at the first whose list is known already;
a long line keeps a few lists along it for later walks. So the sheets of every post of a
large organization cost time in proportion to what they hold, never a walk of the tree
per post, and a unit thousands of levels deep costs what it inherits, not its depth.
"""

from __future__ import annotations

from collections.abc import Iterator
from math import isqrt
from operator import itemgetter
from typing import NamedTuple

from raci._walks import Upward, nearest
from raci.exceptions import QueryError
from raci.lookup import Lookup, as_clause
from raci.model import Organization, Position

__all__ = ["Cascade", "Held", "cascade"]


class Held(NamedTuple):
    """One role a post holds on one deliverable, and where it comes from: ``via`` is the
    post itself for a role held directly, else the unit it comes through."""

    deliverable: str
    role: str
    via: str


#: Lines of holders up to this many squared are walked whole every time.
_SHORT = 8

#: A held role with its deliverable's place in sheet order.
_Ranked = tuple[int, Held]
_rank_of = itemgetter(0)


class Cascade:
    """Every post's roles in one organization, each unit's inherited roles computed once.

    Order everywhere: by group (ungrouped deliverables first, then each group where its
    first deliverable appears, as in the matrix), then deliverable in file order, then
    the nearest source first (the post itself, its unit, the parent unit...), roles in
    scheme order.
    """

    def __init__(self, org: Organization) -> None:
        if not isinstance(org, Organization):
            msg = f"org must be a raci.Organization (got {type(org).__name__})"
            raise TypeError(msg)
        self.org = org
        groups: dict[str | None, int] = {None: 0}
        for d in org.deliverables.values():
            if d.group is not None and d.group not in groups:
                groups[d.group] = len(groups)
        ordered = sorted(
            enumerate(org.deliverables.values()), key=lambda item: (groups[item[1].group], item[0])
        )
        self._rank = {d.id: i for i, (_, d) in enumerate(ordered)}
        letters = org.scheme.letters
        self._role_rank = {letter: i for i, letter in enumerate(letters)}
        #: Each holder's inherited roles, once asked for.
        self._inherited: dict[str, tuple[_Ranked, ...]] = {}
        #: Each holder's own roles, read once for every line it is on, and the next
        #: holder above it.
        self._owned: dict[str, list[_Ranked]] = {}
        self._above: dict[str, str | None] = {}
        self._lookup: Lookup | None = None
        #: The nearest unit at or above each unit that holds roles itself.
        self._holder = nearest(org.parent_of, lambda u: u if org.assignments_of(u) else None)
        #: Whether each unit is on a cycle of parents.
        self._on_cycle: Upward[bool] = Upward(
            org.parent_of, lambda u: False, lambda u, above: False, lambda ring: [True] * len(ring)
        )
        #: How many roles each unit passes down.
        count = self._own_count
        self._passed: Upward[int] = Upward(
            org.parent_of,
            count,
            lambda u, above: count(u) + above,
            lambda ring: [sum(map(count, ring))] * len(ring),
        )

    def _own_count(self, party: str) -> int:
        return len(set(self.org.assignments_of(party)))

    def rank(self, deliverable: str) -> int:
        """The deliverable's place in sheet order."""
        return self._rank[deliverable]

    # -- what a party holds itself ------------------------------------------------

    def _own(self, party: str) -> list[_Ranked]:
        """The roles ``party`` holds itself, in sheet order, as coming through ``party``."""
        roles = self._role_rank
        pairs = sorted(
            self.org.assignments_of(party),
            key=lambda pair: (self._rank[pair[0]], roles.get(pair[1], len(roles)), pair[1]),
        )
        return [(self._rank[d], Held(d, role, party)) for d, role in dict.fromkeys(pairs)]

    # -- what a unit passes down --------------------------------------------------

    def inherited(self, unit: str) -> list[Held]:
        """The roles every post in ``unit`` holds through it and the units above it."""
        return [held for _, held in self._ranked(unit)]

    def _ranked(self, unit: str) -> tuple[_Ranked, ...]:
        # A unit that holds nothing itself passes on what its nearest holder does: the
        # lists are kept by holder, and each holder's list is worked out once.
        first = self._holder(unit) if unit in self.org.units else None
        if first is None:
            return ()
        found = self._inherited.get(first)
        if found is not None:
            return found
        # The own roles of each holder on the line, nearest first, until a holder whose
        # list is known (unless it is on a cycle, whose list runs round to the holders
        # already taken); the line stops where it would repeat, as
        # ``Organization.ancestors`` stops at a cycle. sorted() is stable: on one
        # deliverable, the nearer unit's roles stay first.
        items: list[_Ranked] = []
        walked: list[tuple[str, int]] = []  # each holder taken, and where its roles start
        seen: set[str] = set()
        inherited, owned, above = self._inherited, self._owned, self._above
        at: str | None = first
        while at is not None and at not in seen:
            known = inherited.get(at)
            if known is not None and not self._on_cycle(at):
                items.extend(known)
                break
            seen.add(at)
            walked.append((at, len(items)))
            own = owned.get(at)
            if own is None:
                own = owned[at] = self._own(at)
                parent = self.org.parent_of(at)
                above[at] = self._holder(parent) if parent is not None else None
            items.extend(own)
            at = above[at]
        ranked = inherited[first] = tuple(sorted(items, key=_rank_of))
        # A long line also keeps the lists of a few holders along it, one every square
        # root of its length, so that a later walk from below stops within as many steps.
        step = isqrt(len(walked))
        if step > _SHORT:
            for holder, start in walked[step::step]:
                if holder not in inherited and not self._on_cycle(holder):
                    inherited[holder] = tuple(sorted(items[start:], key=_rank_of))
        return ranked

    def inherited_count(self, unit: str) -> int:
        """How many roles ``unit`` passes down (``len(inherited(unit))``), without
        listing them."""
        return self._passed(unit) if unit in self.org.units else 0

    # -- what a post holds ----------------------------------------------------------

    def post(self, text: str) -> Position:
        """The post with id or name ``text`` (any case); QueryError with "did you mean"."""
        if not isinstance(text, str):
            msg = f"post must be a position id or name as str (got {type(text).__name__})"
            raise TypeError(msg)
        org = self.org
        if text in org.positions:
            return org.positions[text]
        other = org.parties.get(text)
        if other is not None:
            kind = "an external party" if other.kind == "external" else "a unit"
            msg = f"`{text}` is {kind}, not a post; the cascade is of posts"
            if other.kind == "external":
                msg += " (external parties are outside the hierarchy and inherit nothing)"
            raise QueryError(msg)
        if self._lookup is None:
            self._lookup = Lookup({pid: p.names for pid, p in org.positions.items()})
        found, candidates = self._lookup.find(text)
        if found is not None:
            return org.positions[found]
        if candidates:
            names = ", ".join(f"`{c}`" for c in candidates[:5])
            msg = f"post `{text}` is ambiguous: it names {names}; give the id"
            raise QueryError(msg)
        if not org.positions:
            msg = f"no post `{text}`: the model lists no positions"
            raise QueryError(msg)
        msg = f"no post `{text}`{as_clause(self._lookup.did_you_mean(text))}"
        raise QueryError(msg)

    def direct(self, post: str) -> list[Held]:
        """The roles the post holds itself, in sheet order."""
        return [held for _, held in self._own(self.post(post).id)]

    def held_count(self, post: str) -> int:
        """How many roles the post holds (``len(of(post))``), without listing them."""
        p = self.post(post)
        return self._own_count(p.id) + self.inherited_count(p.unit)

    def of(self, post: str) -> list[Held]:
        """Everything the post holds: directly, and through its unit and each unit above."""
        p = self.post(post)
        merged = sorted([*self._own(p.id), *self._ranked(p.unit)], key=_rank_of)
        return [held for _, held in merged]

    def posts(self) -> Iterator[str]:
        """Every post in chart order: each unit's posts in file order, units top down
        (parents before children), then posts whose unit is unknown."""
        org = self.org
        by_unit: dict[str, list[str]] = {}
        for pid, p in org.positions.items():
            by_unit.setdefault(p.unit, []).append(pid)
        for uid in org.top_down():
            yield from by_unit.get(uid, ())
        for unit, pids in by_unit.items():
            if unit not in org.units:
                yield from pids


def cascade(org: Organization, post: str) -> list[Held]:
    """What ``post`` (an id, or a name in any case) holds: ``[(deliverable, role, via)]``,
    where ``via`` is the post itself for its own roles, else the unit the role comes
    through (its unit or an ancestor). Ordered by group, deliverable, nearest source.

    Raises QueryError (a LookupError) for an unknown post, with "did you mean", and for
    a unit or an external party (those are not cascaded).
    """
    return Cascade(org).of(post)
