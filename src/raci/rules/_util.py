"""Small helpers shared by the rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from raci.model import Organization

#: Below this many candidates, difflib looks at all of them; above, only at near misses.
_FULL_SEARCH = 2_000


class Suggestions:
    """'Did you mean' for unknown ids, in time independent of the number of candidates.

    Candidates are indexed by their one-character deletions, so an id one edit
    away (a typo, a swapped or missing letter) is found by a few dictionary
    lookups; difflib then ranks only those.
    """

    def __init__(self, candidates: Iterable[str]) -> None:
        self._pool = list(candidates)
        self._index: dict[str, set[str]] | None = None
        self._memo: dict[str, str | None] = {}

    def _near(self, word: str) -> list[str]:
        if self._index is None:
            self._index = {}
            for c in self._pool:
                for key in _deletions(c.lower()):
                    self._index.setdefault(key, set()).add(c)
        found: set[str] = set()
        for key in _deletions(word.lower()):
            found |= self._index.get(key, set())
        return sorted(found)

    def closest(self, word: str) -> str | None:
        """The closest candidate, or None."""
        if word not in self._memo:
            pool = self._pool if len(self._pool) <= _FULL_SEARCH else self._near(word)
            found = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
            self._memo[word] = found[0] if found else None
        return self._memo[word]

    def hint(self, word: str) -> str:
        """'Did you mean `x`? ' or ''."""
        found = self.closest(word)
        return f"Did you mean `{found}`? " if found else ""


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


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
