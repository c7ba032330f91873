"""Ids and names: ids made from names, finding things by id or name, and "did you mean"."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from raci.exceptions import QueryError

_SLUG_DROP = re.compile(r"[^\w]+")
#: Below this many candidates, difflib looks at all of them (until it has compared
#: _FULL_BUDGET words in all); above, only at near misses.
_FULL_SEARCH = 2_000
_FULL_BUDGET = 100_000
#: Words longer than this get no suggestion: nobody mistypes a paragraph, and the search
#: would cost time and memory in proportion to the word's length squared.
_LONGEST_WORD = 100
#: Above this many spelled-out variants of a word, near misses come from an index instead.
_MOST_VARIANTS = 200_000


class _Named(Protocol):
    @property
    def texts(self) -> Mapping[str, str]: ...


def is_id(text: str) -> bool:
    """Whether ``text`` can be used as an id as it stands."""
    return bool(text) and not any(ch.isspace() for ch in text)


def slug(text: str) -> str:
    """An id made from a name: lower case, runs of other characters turned into ``-``."""
    return _SLUG_DROP.sub("-", text.casefold()).strip("-_")


class Suggestions:
    """The closest of many candidates to a mistyped word, in time independent of how many.

    The near misses of a word are the candidates that share a one-character deletion with
    it (a typo, a swapped, missing or extra letter); difflib then ranks only those. They
    are found by spelling out every such variant of the word over the candidates' letters
    and looking each up, or through an index of the candidates' deletions once spelling
    out has cost as much as building the index would (long words, many look-ups). Small
    pools are searched whole.
    """

    def __init__(self, candidates: Iterable[str]) -> None:
        self._pool = list(dict.fromkeys(candidates))
        self._index: dict[str, set[str]] | None = None
        self._lowered: dict[str, list[str]] | None = None
        self._letters = ""
        self._memo: dict[str, str | None] = {}
        # Variants spelled out so far, and what the index of deletions would cost.
        self._spent = 0
        self._index_cost = 0
        self._compared = 0

    def _near(self, word: str) -> list[str]:
        if self._lowered is None:
            self._lowered = {}
            for c in self._pool:
                if len(c) <= _LONGEST_WORD:
                    self._lowered.setdefault(c.lower(), []).append(c)
            self._letters = "".join(sorted(set("".join(self._lowered))))
            self._index_cost = sum(len(c) + 1 for c in self._lowered)
        low = word.lower()
        variants = (len(low) + 1) ** 2 * len(self._letters)
        self._spent += variants
        if self._index is not None or variants > _MOST_VARIANTS or self._spent > self._index_cost:
            return self._indexed(word)
        found: set[str] = set()
        for variant in _variants(low, self._letters):
            found.update(self._lowered.get(variant, ()))
        return sorted(found)

    def _indexed(self, word: str) -> list[str]:
        if self._index is None:
            self._index = {}
            for c in self._pool:
                if len(c) <= _LONGEST_WORD:
                    for key in _deletions(c.lower()):
                        self._index.setdefault(key, set()).add(c)
        found: set[str] = set()
        for key in _deletions(word.lower()):
            found |= self._index.get(key, set())
        return sorted(found)

    def closest(self, word: str) -> str | None:
        """The closest candidate, or None."""
        if len(word) > _LONGEST_WORD:
            return None
        if word not in self._memo:
            whole = len(self._pool) <= _FULL_SEARCH
            whole = whole and self._compared + len(self._pool) <= _FULL_BUDGET
            self._compared += len(self._pool) if whole else 0
            pool = self._pool if whole else self._near(word)
            found = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
            self._memo[word] = found[0] if found else None
        return self._memo[word]

    def did_you_mean(self, word: str) -> str:
        """'did you mean `x`?' for the closest candidate, or ''."""
        found = self.closest(word)
        return f"did you mean `{found}`?" if found else ""


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _insertions(word: str, letters: str) -> Iterator[str]:
    return (word[:i] + ch + word[i:] for i in range(len(word) + 1) for ch in letters)


def _variants(word: str, letters: str) -> set[str]:
    """Every word that shares a one-character deletion with ``word`` (itself included),
    made of its letters and ``letters``: the word with a letter deleted, inserted, or both."""
    deleted = _deletions(word)
    found = set(deleted)
    for base in deleted:
        found.update(_insertions(base, letters))
    return found


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """'did you mean `x`?' for the candidate closest to ``word``, or ''."""
    return Suggestions(candidates).did_you_mean(word)


def as_clause(phrase: str) -> str:
    """A "did you mean" phrase appended to a sentence: '; did you mean `x`?', or ''."""
    return f"; {phrase}" if phrase else ""


def _names_key(text: str) -> str:
    return " ".join(text.split()).casefold()


class Lookup:
    """Find things by id, then by name as written, then by id in any case, then by name in
    any language in any case (spacing ignored). Where two things answer at one step, the
    text is ambiguous: nothing is picked for the user."""

    def __init__(self, items: Mapping[str, _Named]) -> None:
        self.ids = dict.fromkeys(items, True)
        self.folded: dict[str, list[str]] = {}
        self.exact: dict[str, list[str]] = {}
        self.names: dict[str, list[str]] = {}
        self.spelled: dict[str, str] = {}
        for ident, names in items.items():
            self.folded.setdefault(ident.casefold(), []).append(ident)
            for text in dict.fromkeys(names.texts.values()):
                self.exact.setdefault(" ".join(text.split()), []).append(ident)
                self.names.setdefault(_names_key(text), []).append(ident)
                self.spelled.setdefault(_names_key(text), text)

    def find(self, text: str) -> tuple[str | None, list[str]]:
        """(the id, []) when found; (None, candidates) when ambiguous or unknown."""
        if text in self.ids:
            return text, []
        for hits in (
            self.exact.get(" ".join(text.split()), []),
            self.folded.get(text.casefold(), []),
            self.names.get(_names_key(text), []),
        ):
            hits = list(dict.fromkeys(hits))
            if len(hits) == 1:
                return hits[0], []
            if hits:
                return None, hits
        return None, []

    def resolve(self, text: str, what: str) -> str:
        """The id ``text`` names (an id in any case, or a name); QueryError saying why not,
        with "did you mean" when something is close."""
        found, hits = self.find(text.strip())
        if found is not None:
            return found
        if hits:
            listed = ", ".join(f"`{h}`" for h in hits[:5]) + (", …" if len(hits) > 5 else "")
            msg = f"{text!r} names {len(hits)} {what}s ({listed}); give the id instead"
        else:
            msg = f"no {what} has the id or name {text!r}" + as_clause(self.did_you_mean(text))
        raise QueryError(msg)

    def did_you_mean(self, text: str) -> str:
        """'did you mean `x`?' for the closest id or name, or ''."""
        pool = {**{i.casefold(): i for i in self.ids}, **self.spelled}
        found = Suggestions(pool).closest(_names_key(text))
        return f"did you mean `{pool[found]}`?" if found else ""
