"""An organization's chart as a notebook shows it: no wider than the cell, and for a large
organization its top levels only, with a caption saying how to draw the rest."""

from __future__ import annotations

import re

from raci._text import escape_html
from raci.exceptions import RaciError
from raci.model import Organization
from raci.render import engine
from raci.render.chart.orgchart import render_chart
from raci.render.notebook.style import NOTE
from raci.words import Words, words_for

#: The most units, and levels below the top, that a notebook's chart shows whole.
MOST_UNITS = 60
MOST_DEPTH = 3


def units_by_depth(org: Organization) -> list[int]:
    """How many units each level holds: the top units, the units below them, and so on."""
    counts: list[int] = []
    level = list(org.roots)
    seen = set(level)
    while level:
        counts.append(len(level))
        below = [c for uid in level for c in org.children(uid) if c not in seen]
        seen.update(below)
        level = below
    return counts


def shown_depth(counts: list[int]) -> int | None:
    """The depth a notebook draws the chart to (None: all of it): the deepest that keeps
    to :data:`MOST_UNITS` and :data:`MOST_DEPTH`, one level below the top at least."""
    if sum(counts) <= MOST_UNITS and len(counts) - 1 <= MOST_DEPTH:
        return None
    depth = min(MOST_DEPTH, len(counts) - 1)
    while depth > 1 and sum(counts[: depth + 1]) > MOST_UNITS:
        depth -= 1
    return depth


def fitted(svg: str) -> str:
    """Graphviz's SVG inside HTML, no wider than its container (its height follows), without
    ids that a second drawing on the page would repeat."""
    svg = re.sub(r'\sid="[^"]*"', "", engine.inline_svg(svg))
    return svg.replace("<svg ", '<svg style="max-width:100%;height:auto" ', 1)


def figure(svg: str, caption: str = "") -> str:
    """A drawing and its caption, as a notebook's HTML output."""
    below = f'<figcaption style="{NOTE}">{escape_html(caption)}</figcaption>' if caption else ""
    return f'<figure style="margin:0">{fitted(svg)}{below}</figure>'


def chart_html(org: Organization) -> str | None:
    """The chart of ``org`` for a notebook, in the model's language; None without units."""
    if not org.units:
        return None
    counts = units_by_depth(org)
    depth = shown_depth(counts)
    words = words_for(org.language)
    try:
        svg = render_chart(org, depth=depth)
    except RaciError as exc:
        none = words.gettext("No chart: {reason}").format(reason=exc)
        return f"<p>{escape_html(none)}</p>"
    caption = ""
    if depth is not None:
        caption = cut_chart(words, depth + 1, len(counts), sum(counts[: depth + 1]), len(org.units))
    return figure(str(svg), caption)


def cut_chart(words: Words, shown: int, levels: int, units: int, total: int) -> str:
    """The caption of a chart cut to its top ``shown`` of ``levels`` levels, ``units`` of
    its ``total`` units: each count with its noun in the form that goes with it."""
    # Translators: the chart shows its top {shown} levels of {levels}; the form goes with
    # {levels}.
    top = words.npgettext(
        "a chart's levels shown",
        "The top {shown} of {levels} level",
        "The top {shown} of {levels} levels",
        levels,
    ).format(shown=words.number(shown), levels=words.number(levels))
    # Translators: the chart shows {units} of its {total} units; the form goes with {total}.
    drawn = words.npgettext(
        "a chart's units shown", "{units} of {total} unit", "{units} of {total} units", total
    ).format(units=words.number(units), total=words.number(total))
    return words.gettext(
        "{levels_shown}: {units_shown}. Draw a part with {part}, or the whole chart on"
        " pages with {whole}."
    ).format(
        levels_shown=top,
        units_shown=drawn,
        part="raci.render_chart(org, root=ID, depth=N)",
        whole='raci.render_chart(org, "chart.pdf", paper="A3", split_by="auto")',
    )
