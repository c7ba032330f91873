"""Paper sizes: the one table every paged output takes its pages from, in millimetres."""

from __future__ import annotations

import attrs

from raci.lookup import as_clause, did_you_mean

__all__ = ["A4", "PAPERS", "POINTS_PER_INCH", "Paper", "UnknownPaperError", "mm_to_points", "paper"]

POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4


def mm_to_points(mm: float) -> float:
    """A length in millimetres as PostScript points (1/72 inch)."""
    return mm / MM_PER_INCH * POINTS_PER_INCH


@attrs.frozen
class Paper:
    """A paper size: its name as printed and its sides in millimetres, portrait."""

    name: str
    width_mm: float
    height_mm: float

    def mm(self, *, landscape: bool = False) -> tuple[float, float]:
        """Width and height in millimetres, the long side across when ``landscape``."""
        return (self.height_mm, self.width_mm) if landscape else (self.width_mm, self.height_mm)

    def points(self, *, landscape: bool = False) -> tuple[float, float]:
        """Width and height in points."""
        width, height = self.mm(landscape=landscape)
        return mm_to_points(width), mm_to_points(height)

    def page_rule(self, *, landscape: bool = False, margin: str) -> str:
        """A CSS ``@page`` rule that prints on this paper with ``margin`` (a CSS length)."""
        width, height = self.mm(landscape=landscape)
        return f"@page{{size:{width:g}mm {height:g}mm;margin:{margin}}}"


#: Every paper size raci prints on, by name (ISO 216 A and B series, and the ANSI sizes).
PAPERS = {
    p.name: p
    for p in (
        Paper("A0", 841, 1189),
        Paper("A1", 594, 841),
        Paper("A2", 420, 594),
        Paper("A3", 297, 420),
        Paper("A4", 210, 297),
        Paper("A5", 148, 210),
        Paper("B4", 250, 353),
        Paper("B5", 176, 250),
        Paper("Letter", 215.9, 279.4),
        Paper("Legal", 215.9, 355.6),
        Paper("Tabloid", 279.4, 431.8),
    )
}
A4 = PAPERS["A4"]


class UnknownPaperError(ValueError):
    """A paper size that is not in :data:`PAPERS`."""


def paper(name: str | Paper) -> Paper:
    """The paper called ``name`` (any case, spaces around ignored); a :class:`Paper` is
    returned as it is. Raises :class:`UnknownPaperError`, with the closest name, for a
    size that is not in the table, and TypeError for what is not a name."""
    if isinstance(name, Paper):
        return name
    if not isinstance(name, str):
        msg = f"paper must be a name such as 'A4' (got {type(name).__name__} {name!r:.60})"
        raise TypeError(msg)
    by_key = {key.casefold(): p for key, p in PAPERS.items()}
    found = by_key.get(name.strip().casefold())
    if found is None:
        hint = as_clause(did_you_mean(name.strip(), PAPERS))
        msg = f"unknown paper size {name!r}; use one of {', '.join(PAPERS)}{hint}"
        raise UnknownPaperError(msg)
    return found
