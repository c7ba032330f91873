"""The staffing table as a terminal table and as Markdown: labels on the left, numbers
right-aligned, a unit's labels on its first line only."""

from __future__ import annotations

from collections.abc import Sequence

from raci._text import display_width, one_line
from raci.render.matrix.as_text import MAX_LABEL_WIDTH, fit, md_escape
from raci.render.staffing.sheet import Sheet


def render_text(sheet: Sheet) -> str:
    """Aligned columns under the title, a rule above the totals, the note below."""
    n = len(sheet.labels)
    rows = [[*sheet.labels, *(c.label for c in sheet.columns)]]
    rows += [[*labels, *numbers] for labels, numbers in map(sheet.printed, sheet.lines)]
    rows = [[one_line(c) for c in r[:n]] + r[n:] for r in rows]
    rows = [[fit(c, MAX_LABEL_WIDTH) for c in r[:n]] + r[n:] for r in rows]
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, text in enumerate(cells):
            pad = " " * (widths[i] - display_width(text))
            out.append(text + pad if i < n else pad + text)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [one_line(sheet.title), "", line(rows[0]), rule]
    ruled = False
    for data, cells in zip(sheet.lines, rows[1:], strict=True):
        if data.total and not ruled:
            out.append(rule)
            ruled = True
        out.append(line(cells))
    out += ["", one_line(sheet.note)]
    return "\n".join(out) + "\n"


def render_markdown(sheet: Sheet) -> str:
    """A heading, one pipe table (numbers right-aligned, totals in bold), the note."""

    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    n = len(sheet.labels)
    out = [f"# {md_escape(sheet.title)}", ""]
    out.append(row([md_escape(t) for t in (*sheet.labels, *(c.label for c in sheet.columns))]))
    out.append("|" + "---|" * n + "--:|" * len(sheet.columns))
    for line in sheet.lines:
        labels, numbers = sheet.printed(line)
        cells = [md_escape(t) for t in labels] + numbers
        if line.total and cells[0]:
            cells[0] = f"**{cells[0]}**"
        out.append(row(cells))
    out += ["", md_escape(sheet.note)]
    return "\n".join(out) + "\n"
