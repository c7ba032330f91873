"""The role legend as a Graphviz HTML-like table: one swatch per role, its letter and
name written on its colour."""

from __future__ import annotations

from collections.abc import Sequence

from raci.render.dot import esc
from raci.render.palette import TEXT, RoleColour, legend
from raci.schemes import Scheme
from raci.words import is_rtl


def _font(text: str, size: int) -> str:
    return f'<FONT POINT-SIZE="{size}" COLOR="{TEXT}">{text}</FONT>'


def swatch(colour: RoleColour, text: str, size: int) -> str:
    """One cell of the legend: ``text`` (already escaped) on ``colour``."""
    return (
        f'<TD BGCOLOR="{colour.fill}" COLOR="{colour.strong}" BORDER="1" CELLPADDING="4">'
        f"{_font(text, size)}</TD>"
    )


def legend_dot(
    scheme: Scheme,
    language: str | None,
    size: int = 10,
    extra: Sequence[tuple[RoleColour, str]] = (),
    caption: str = "",
) -> str:
    """The legend as a one-row table: an optional ``caption``, a swatch per role, then
    ``extra`` (colour, escaped text) swatches; from the right in a language read right to
    left."""
    cells = [f"<TD>{_font(esc(caption), size)}</TD>"] if caption else []
    cells += [
        swatch(row.colour, f"<B>{esc(row.letter)}</B> {esc(row.name)}", size)
        for row in legend(scheme, language)
    ]
    cells += [swatch(colour, text, size) for colour, text in extra]
    row = "".join(reversed(cells) if is_rtl(language) else cells)
    return f'<TABLE BORDER="0" CELLSPACING="4"><TR>{row}</TR></TABLE>'
