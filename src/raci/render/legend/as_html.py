"""The role legend and role colours in HTML: classes ``x0``, ``x1``... fill a cell with
a role's colour in scheme order, ``y0``, ``y1``... draw the stripe of its second role."""

from __future__ import annotations

from collections.abc import Sequence

from raci._text import escape_html
from raci.render.palette import combined_sample, lead, legend, role_colours, second
from raci.schemes import Scheme

LEGEND_CSS = """\
.raci-legend{margin:.5em 0 1em;display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center}
.raci-legend b{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;
  padding:.1em .3em;margin-right:.3em;color:#1a1a1a;
  -webkit-print-color-adjust:exact;print-color-adjust:exact}
"""


def role_css(scheme: Scheme, scope: str = "") -> str:
    """One rule per role giving its fill (``x0``...) and one giving its stripe (``y0``...);
    within the element ``scope`` selects when given (``#matrix-1``), so that matrices of
    different schemes can share a page."""
    inside = f"{scope} " if scope else ""
    return "".join(
        f"{inside}.x{i}{{background:{c.fill}}}\n"
        f"{inside}.y{i}{{box-shadow:inset 0 -4px 0 {c.strong}}}\n"
        for i, c in enumerate(role_colours(scheme).values())
    )


def cell_classes(scheme: Scheme, letters: Sequence[str]) -> str:
    """The classes of a cell holding ``letters``: its lead role's fill, and the stripe of
    its second role when it holds several."""
    index = {letter: i for i, letter in enumerate(scheme.letters)}
    first, other = lead(scheme, letters), second(scheme, letters)
    if first is None:
        return ""
    return f"x{index[first]} y{index[other]}" if other is not None else f"x{index[first]}"


def legend_html(scheme: Scheme, language: str | None, caption: str = "", combined: str = "") -> str:
    """The legend: each role's letter on its colour, then its name; after an optional
    ``caption``, and followed, when ``combined`` says how, by a sample two-role cell."""
    items = [f"<span>{escape_html(caption)}</span>"] if caption else []
    items += [
        f'<span><b class="x{i}">{escape_html(row.letter)}</b>{escape_html(row.name)}</span>'
        for i, row in enumerate(legend(scheme, language))
    ]
    sample = combined_sample(scheme)
    if combined and sample:
        items.append(
            f'<span><b class="{cell_classes(scheme, sample)}">{escape_html("/".join(sample))}</b>'
            f"{escape_html(combined)}</span>"
        )
    return f'<div class="raci-legend">{"".join(items)}</div>'
