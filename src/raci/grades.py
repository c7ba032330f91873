"""Grades and the categories they belong to, and the posts a unit has by grade (its
establishment).

The default table is the United Nations common system's: the ungraded senior posts,
Director (D), Professional (P), National Professional Officer (NO), Field Service (FS)
and General Service (GS) categories and local-level posts. A model's ``grades:`` may
replace it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import attrs

from raci.assignments import NOWHERE
from raci.findings import SourceLocation

#: The categories of the UN common system, top first, each with its grades, top first.
UN_GRADES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("UG", ("USG", "ASG")),
    ("D", ("D-2", "D-1")),
    ("P", ("P-5", "P-4", "P-3", "P-2", "P-1")),
    ("NO", ("NO-E", "NO-D", "NO-C", "NO-B", "NO-A")),
    ("FS", ("FS-7", "FS-6", "FS-5", "FS-4", "FS-3", "FS-2", "FS-1")),
    (
        "GS",
        ("GS-PL", "GS-OL", "GS-7", "GS-6", "GS-5", "GS-4", "GS-3", "GS-2", "GS-1", "GS"),
    ),
    ("LL", ("LL",)),
)
#: The categories whose posts count as professional (for the level norms and the
#: "Professional and higher" subtotal of staffing tables).
PROFESSIONAL = frozenset({"UG", "D", "P", "NO"})
#: A grade written as letters and a number or letter, with or without a dash or a space,
#: or with a bracketed suffix: ``P4``, ``p-4``, ``GS (OL)``, ``NO-B``.
_GRADE = re.compile(r"^([A-Z]+)(?:[\s-]*([0-9]+)|(?:\s*-\s*|\s+|\s*\()([A-Z]{1,2})\)?)$")


@lru_cache(maxsize=4096)
def grade_key(text: str) -> str:
    """A grade as the tables write it: ``P4``, ``p 4`` and ``P-4`` are ``P-4``; ``GS (OL)``
    is ``GS-OL``; ``G-5`` (a local General Service grade) is ``GS-5``."""
    text = " ".join(text.split()).upper()
    match = _GRADE.match(text)
    if match is None:
        return text
    prefix, number, letters = match.groups()
    step = number or letters
    return f"{'GS' if prefix == 'G' else prefix}-{step}"


@attrs.frozen
class Grades:
    """The grades a model knows, by category, each list top first."""

    categories: tuple[tuple[str, tuple[str, ...]], ...] = UN_GRADES
    _category: dict[str, str] = attrs.field(init=False, eq=False, repr=False)
    _rank: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    _spelling: dict[str, str] = attrs.field(init=False, eq=False, repr=False)

    @_category.default
    def _categories(self) -> dict[str, str]:
        return {grade_key(g): cat for cat, grades in self.categories for g in grades}

    @_rank.default
    def _ranks(self) -> dict[str, int]:
        return {grade_key(g): i for i, g in enumerate(self.order)}

    @_spelling.default
    def _spellings(self) -> dict[str, str]:
        return {grade_key(g): g for g in self.order}

    @property
    def order(self) -> tuple[str, ...]:
        """Every grade, top first."""
        return tuple(g for _, grades in self.categories for g in grades)

    def known(self, grade: str) -> str | None:
        """The table's spelling of ``grade`` (``p4`` is ``P-4``), or None when unknown."""
        return self._spelling.get(grade_key(grade))

    def category_of(self, grade: str) -> str | None:
        """The category of a grade, or None when the table does not have it."""
        return self._category.get(grade_key(grade))

    def rank(self, grade: str) -> int:
        """Where a grade sorts, top first (unknown grades last)."""
        return self._rank.get(grade_key(grade), len(self._rank))

    def sort(self, grades: Iterable[str]) -> list[str]:
        """``grades`` top first, unknown ones last in name order."""
        return sorted(grades, key=lambda g: (self.rank(g), g))

    def is_professional(self, grade: str) -> bool:
        """Whether a post of ``grade`` is professional or higher."""
        return self.category_of(grade) in PROFESSIONAL


#: The grade table of a model that does not give its own.
UN = Grades()


@attrs.frozen
class PostLine:
    """Posts of one grade (and funding source) in a unit's establishment."""

    grade: str
    count: float
    fund: str | None = None
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)


def by_grade(lines: Iterable[PostLine]) -> dict[str, float]:
    """The posts of an establishment by grade (all funds together)."""
    out: dict[str, float] = {}
    for line in lines:
        out[line.grade] = out.get(line.grade, 0) + line.count
    return out


def total(counts: Mapping[str, float]) -> float:
    """The sum of a ``{grade: count}`` map, a whole number when it is one."""
    return tidy(sum(counts.values()))


def tidy(count: float) -> float:
    """A count as people write it: ``3`` rather than ``3.0``, at most two decimals."""
    count = round(count, 2)
    return int(count) if count == int(count) else count
