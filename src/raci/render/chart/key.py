"""The key of a chart page: what its lines, boxes and colours mean, holding only what the
page shows (the roles of a highlighted deliverable come from :mod:`raci.render.legend`)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from raci.render.chart.style import (
    DOTTED_LINE,
    FAMILIES,
    REPORTING_LINE,
    STAFF_PEN,
    VACANT,
    Box,
)
from raci.render.chart.words import ChartWords
from raci.render.dot import esc
from raci.render.palette import TEXT

#: The key's text size (points) and the most entries in one of its rows.
SIZE = 9
PER_ROW = 3


@attrs.frozen
class Shown:
    """What a page shows that its key explains: reporting lines, dotted lines, staff
    offices, vacant posts, division colours, and a sample box (with its label) for each
    level drawn, top first."""

    reporting: bool = False
    dotted: bool = False
    staff: bool = False
    vacant: bool = False
    colours: bool = False
    levels: tuple[tuple[str, Box], ...] = ()

    def entries(self) -> list[str]:
        """The names of the entries the key holds, in its order (for tests and readers)."""
        flags = attrs.asdict(self, recurse=False)
        names = [name for name, on in flags.items() if name != "levels" and on]
        return [*names, *(["levels"] if self.levels else [])]


def key_table(shown: Shown, chart: ChartWords) -> str:
    """The key as an HTML-like table: its heading and the levels' sample boxes, then a
    sample and a word for each thing shown, a few to a row; empty when there is nothing."""
    words = chart.words
    entries = []
    if shown.reporting:
        entries.append((_line(REPORTING_LINE), words.gettext("Reporting line")))
    if shown.dotted:
        entries.append(
            (_line(DOTTED_LINE, arrow=True), words.gettext("Also reports to (arrow: to whom)"))
        )
    if shown.staff:
        entries.append(
            (
                _line({**REPORTING_LINE, "penwidth": STAFF_PEN}),
                words.gettext("Staff office, beside the unit it serves"),
            )
        )
    if shown.vacant:
        sample = (
            f'<TD BORDER="1" STYLE="dashed" COLOR="{VACANT}" CELLPADDING="2">'
            f"{_font(f'<I>{esc(chart.vacant)}</I>', VACANT)}</TD>"
        )
        entries.append((sample, words.gettext("Vacant post")))
    if shown.colours:
        swatches = "".join(
            f'<TD BGCOLOR="{shades[0]}" COLOR="{line}" BORDER="1" WIDTH="9" HEIGHT="9"></TD>'
            for shades, line in FAMILIES[:3]
        )
        entries.append(
            (
                f"<TD>{_inline(swatches)}</TD>",
                words.gettext("Colour: one per division, lighter further down"),
            )
        )
    key = words.gettext("Key")
    title = _font(f"<B>{esc(key)}</B>")
    levels = "".join(_level(label, box) for label, box in shown.levels)
    if not entries and not levels:
        return ""
    rest = f'<TD COLSPAN="{2 * PER_ROW - 1}" ALIGN="LEFT">{_inline(levels)}</TD>' if levels else ""
    rows = [f'<TR><TD ALIGN="LEFT">{title}</TD>{rest}</TR>']
    for start in range(0, len(entries), PER_ROW):
        cells = "".join(
            f'{sample}<TD ALIGN="LEFT">{_font(esc(text))}</TD>'
            for sample, text in entries[start : start + PER_ROW]
        )
        rows.append(f"<TR>{cells}</TR>")
    return f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1">{"".join(rows)}</TABLE>'


def _font(text: str, colour: str = TEXT) -> str:
    return f'<FONT POINT-SIZE="{SIZE}" COLOR="{colour}">{text}</FONT>'


def _inline(cells: str) -> str:
    """Cells side by side, as a table to put in a cell."""
    return f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="2"><TR>{cells}</TR></TABLE>'


def _line(attrs_: Mapping[str, str], *, arrow: bool = False) -> str:
    """A short line as drawn on the chart: the lower border of an empty cell (its width
    rounded to whole points), with an arrowhead when the line has one."""
    width = max(1, round(float(attrs_["penwidth"])))
    style = ' STYLE="dashed"' if attrs_.get("style") == "dashed" else ""
    head = (
        f'<TD VALIGN="BOTTOM" CELLPADDING="0">{_font("▶", attrs_["color"])}</TD>' if arrow else ""
    )
    return (
        '<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD SIDES="B" BORDER="{width}" COLOR="{attrs_["color"]}"{style} WIDTH="30" HEIGHT="7">'
        f"</TD>{head}</TR></TABLE></TD>"
    )


def _level(label: str, box: Box) -> str:
    """A small box in the style of a level, its name in it."""
    style = ' STYLE="rounded"' if box.rounded else ""
    return (
        f'<TD BORDER="{box.border}"{style} COLOR="{box.line}" BGCOLOR="{box.fill}"'
        f' CELLPADDING="3">{_font(esc(label), box.text)}</TD>'
    )
