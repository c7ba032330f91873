"""Role colours and the role legend in Word tables: a cell holding roles takes its lead
role's fill, and a thick line under it in its second role's colour."""

from __future__ import annotations

from collections.abc import Sequence

from raci.render.palette import combined_sample, lead_colour, legend, role_colours, second
from raci.render.wordml import Cell
from raci.schemes import Scheme


def role_cell(scheme: Scheme, letters: Sequence[str], *, size_pt: float = 8) -> Cell:
    """The cell of ``letters`` (``R/A``): bold and centred on its lead role's fill, with
    the stripe of its second role; plain and centred when no letter is the scheme's."""
    text = "/".join(letters)
    first, other = lead_colour(scheme, letters), second(scheme, letters)
    if first is None:
        return Cell(text, center=True, size_pt=size_pt)
    stripe = role_colours(scheme)[other].strong if other is not None else None
    return Cell(text, bold=True, center=True, fill=first.fill, stripe=stripe, size_pt=size_pt)


def legend_cells(
    scheme: Scheme, language: str | None, combined: str = "", *, size_pt: float = 8
) -> list[tuple[Cell, Cell]]:
    """A row per role (the letter's cell, its name), followed, when ``combined`` says how,
    by a sample two-role cell."""
    rows = [
        (role_cell(scheme, (r.letter,), size_pt=size_pt), Cell(r.name, size_pt=size_pt))
        for r in legend(scheme, language)
    ]
    sample = combined_sample(scheme)
    if combined and sample:
        rows.append((role_cell(scheme, sample, size_pt=size_pt), Cell(combined, size_pt=size_pt)))
    return rows
