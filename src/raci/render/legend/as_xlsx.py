"""Role colours and the role legend in XLSX workbooks."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from raci.render.palette import combined_sample, lead_colour, legend, role_colours, second
from raci.schemes import Scheme

_BOLD = Font(bold=True)
_CENTER = Alignment(horizontal="center", vertical="center")


def _argb(colour: str) -> str:
    return colour.lstrip("#").upper()


def role_style(scheme: Scheme, letters: Sequence[str]) -> dict[str, object]:
    """The style of a cell holding ``letters``: its lead role's fill and a thick bottom
    border in its second role's colour; plain and centred when no letter is the scheme's."""
    first, other = lead_colour(scheme, letters), second(scheme, letters)
    if first is None:
        return {"alignment": _CENTER}
    style: dict[str, object] = {
        "fill": PatternFill("solid", fgColor=_argb(first.fill)),
        "alignment": _CENTER,
        "font": _BOLD,
    }
    if other is not None:
        style["border"] = Border(
            bottom=Side("thick", color=_argb(role_colours(scheme)[other].strong))
        )
    return style


def legend_rows(
    scheme: Scheme, language: str | None, combined: str = ""
) -> list[tuple[str, str, dict[str, object]]]:
    """A row per role (its letter, its name, the style of the letter's cell), followed,
    when ``combined`` says how, by a sample two-role cell."""
    rows = [
        (row.letter, row.name, role_style(scheme, (row.letter,)))
        for row in legend(scheme, language)
    ]
    sample = combined_sample(scheme)
    if combined and sample:
        rows.append(("/".join(sample), combined, role_style(scheme, sample)))
    return rows
