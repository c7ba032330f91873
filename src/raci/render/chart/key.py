"""The key of a chart page: what its lines, boxes and colours mean, holding only what the
page shows (the roles of a highlighted deliverable come from :mod:`raci.render.legend`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    sample and a word for each thing shown, a few to a row; empty when there is nothing.
    In a language read right to left it is mirrored: each row starts on the right."""
    words = chart.words
    rtl = words.rtl
    entries = []
    if shown.reporting:
        entries.append((_line(REPORTING_LINE, rtl=rtl), words.gettext("Reporting line")))
    if shown.dotted:
        entries.append(
            (
                _line(DOTTED_LINE, arrow=True, rtl=rtl),
                words.gettext("Also reports to (arrow: to whom)"),
            )
        )
    if shown.staff:
        entries.append(
            (
                _line({**REPORTING_LINE, "penwidth": STAFF_PEN}, rtl=rtl),
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
        swatches = [
            f'<TD BGCOLOR="{shades[0]}" COLOR="{line}" BORDER="1" WIDTH="9" HEIGHT="9"></TD>'
            for shades, line in FAMILIES[:3]
        ]
        entries.append(
            (
                f"<TD>{_inline(_ordered(swatches, rtl))}</TD>",
                words.gettext("Colour: one per division, lighter further down"),
            )
        )
    key = words.gettext("Key")
    title = _font(f"<B>{esc(key)}</B>")
    levels = _ordered([_level(label, box) for label, box in shown.levels], rtl)
    if not entries and not levels:
        return ""
    side = "RIGHT" if rtl else "LEFT"
    head = [f'<TD ALIGN="{side}">{title}</TD>']
    if levels:
        head.append(f'<TD COLSPAN="{2 * PER_ROW - 1}" ALIGN="{side}">{_inline(levels)}</TD>')
    rows = [(head, 2 * PER_ROW if levels else 1)]
    for start in range(0, len(entries), PER_ROW):
        chunk = entries[start : start + PER_ROW]
        cells = [c for sample, text in chunk for c in (sample, _text(side, text))]
        rows.append((cells, 2 * len(chunk)))
    columns = max(width for _cells, width in rows)
    lines = []
    for cells, width in rows:
        # A mirrored row leaves the columns it does not fill on the left.
        pad = [f'<TD COLSPAN="{columns - width}"></TD>'] if rtl and width < columns else []
        lines.append(f"<TR>{''.join(pad)}{_ordered(cells, rtl)}</TR>")
    return f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1">{"".join(lines)}</TABLE>'


def _text(side: str, text: str) -> str:
    """An entry's words, in a cell that keeps them to the side a line starts on."""
    return f'<TD ALIGN="{side}">{_font(esc(text))}</TD>'


def _ordered(cells: Sequence[str], rtl: bool) -> str:
    """Cells as Graphviz sets them, left to right: reversed in a mirrored key."""
    return "".join(reversed(cells) if rtl else cells)


def _font(text: str, colour: str = TEXT) -> str:
    return f'<FONT POINT-SIZE="{SIZE}" COLOR="{colour}">{text}</FONT>'


def _inline(cells: str) -> str:
    """Cells side by side, as a table to put in a cell."""
    return f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="2"><TR>{cells}</TR></TABLE>'


def _line(attrs_: Mapping[str, str], *, arrow: bool = False, rtl: bool = False) -> str:
    """A short line as drawn on the chart: the lower border of an empty cell (its width
    rounded to whole points), with an arrowhead when the line has one (pointing left in
    a mirrored key)."""
    width = max(1, round(float(attrs_["penwidth"])))
    style = ' STYLE="dashed"' if attrs_.get("style") == "dashed" else ""
    tip = _font("◀" if rtl else "▶", attrs_["color"])
    head = [f'<TD VALIGN="BOTTOM" CELLPADDING="0">{tip}</TD>'] if arrow else []
    line = (
        f'<TD SIDES="B" BORDER="{width}" COLOR="{attrs_["color"]}"{style} WIDTH="30" HEIGHT="7">'
        "</TD>"
    )
    return (
        '<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f"{_ordered([line, *head], rtl)}</TR></TABLE></TD>"
    )


def _level(label: str, box: Box) -> str:
    """A small box in the style of a level, its name in it."""
    style = ' STYLE="rounded"' if box.rounded else ""
    return (
        f'<TD BORDER="{box.border}"{style} COLOR="{box.line}" BGCOLOR="{box.fill}"'
        f' CELLPADDING="3">{_font(esc(label), box.text)}</TD>'
    )
