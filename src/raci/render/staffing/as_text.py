"""The staffing table as a terminal table and as Markdown: labels on the left, numbers
right-aligned, a unit's labels on its first line only."""

from __future__ import annotations

from collections.abc import Sequence

from raci._text import display_width, one_line
from raci.render.matrix.as_text import MAX_LABEL_WIDTH, fit, md_escape
from raci.render.staffing.sheet import Sheet


def _pad(text: str, width: int, right: bool = False) -> str:
    pad = " " * (width - display_width(text))
    return pad + text if right else text + pad


def render_text(sheet: Sheet) -> str:
    """Aligned columns under the title, a rule above the totals, the note below."""
    head = [fit(one_line(t), MAX_LABEL_WIDTH) for t in sheet.labels]
    numbers_head = [one_line(c.label) for c in sheet.columns]
    body = []
    for line in sheet.lines:
        labels, numbers = sheet.printed(line)
        body.append(([fit(one_line(t), MAX_LABEL_WIDTH) for t in labels], numbers))
    # Numbers are ASCII: their width is their length.
    label_widths = [
        max(display_width(r[i]) for r in [head, *(b[0] for b in body)]) for i in range(len(head))
    ]
    number_widths = [
        max([display_width(h), *(len(b[1][i]) for b in body)]) for i, h in enumerate(numbers_head)
    ]
    widths = [*label_widths, *number_widths]
    rule = "  ".join("-" * w for w in widths)

    def text_line(labels: Sequence[str], numbers: Sequence[str]) -> str:
        cells = [_pad(t, w) for t, w in zip(labels, label_widths, strict=True)]
        cells += [n.rjust(w) for n, w in zip(numbers, number_widths, strict=True)]
        return "  ".join(cells).rstrip()

    header = [_pad(t, w) for t, w in zip(head, label_widths, strict=True)]
    header += [_pad(t, w, right=True) for t, w in zip(numbers_head, number_widths, strict=True)]
    out = [one_line(sheet.title), "", "  ".join(header).rstrip(), rule]
    ruled = False
    for line, (labels, numbers) in zip(sheet.lines, body, strict=True):
        if line.total and not ruled:
            out.append(rule)
            ruled = True
        out.append(text_line(labels, numbers))
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
