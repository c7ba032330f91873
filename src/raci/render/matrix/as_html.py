"""The matrix as one self-contained HTML page: a colour per role, sticky headers, print styles."""

from __future__ import annotations

import math

import attrs

from raci._text import escape_html as escape
from raci.render.legend.as_html import (
    LEGEND_CSS,
    LEGEND_RTL_CSS,
    cell_classes,
    legend_html,
    role_css,
)
from raci.render.matrix.table import Matrix
from raci.render.paper import A4, Paper
from raci.render.printing import html_language, page_css
from raci.words import is_rtl

#: A matrix too wide for its printed page prints in parts, each with as many party
#: columns as the page's width takes at this width (room for three lines of a party's
#: name), beside the deliverables (millimetres).
PRINT_COLUMN_MM = 8.5
PRINT_NAMES_MM = 50.0
#: The margins of the printed matrix page (top and bottom, left and right; millimetres).
PRINT_MARGIN = (14.0, 10.0)

#: A matrix printed in parts: fixed column widths, each part from a new page.
_PARTS_CSS = (
    "@media print{.raci-parts{display:block}.raci-wide{display:none}"
    "table.raci.part+table.raci.part{break-before:page}"
    f"table.raci.part col.names{{width:{PRINT_NAMES_MM:g}mm}}"
    f"table.raci.part col.party{{width:{PRINT_COLUMN_MM:g}mm}}"
    "table.raci.part caption{text-align:left;font-size:8pt;font-weight:600;padding:0 0 1mm}"
    "table.raci.part th.span{overflow-wrap:anywhere}}\n"
)
#: The table on screen (a notebook shows it with these rules alone).
SCREEN_CSS = """\
.raci-wrap{overflow:auto;max-height:calc(100vh - 8em);border:1px solid #ccc}
table.raci{border-collapse:separate;border-spacing:0;font-size:13px}
table.raci th,table.raci td{border-right:1px solid #e4e4e4;border-bottom:1px solid #e4e4e4;
  padding:2px 4px}
table.raci thead{position:sticky;top:0;z-index:2}
table.raci thead th{background:#f3f4f6;font-weight:600;vertical-align:bottom}
table.raci thead th.span{text-align:left;border-bottom:2px solid #9ca3af;font-weight:500}
table.raci th.v div{writing-mode:vertical-rl;white-space:normal;max-height:14em;
  line-height:1.15;margin:0 auto;text-align:left}
table.raci tbody th{position:sticky;left:0;z-index:1;background:#fff;text-align:left;
  font-weight:normal;min-width:18em;max-width:32em}
table.raci thead th.corner{position:sticky;left:0;z-index:3;text-align:left}
table.raci tr.group th{position:static;background:#eef2f7;font-weight:600;padding-top:.5em}
table.raci tr.group th span{position:sticky;left:.3em}
table.raci td{text-align:center;min-width:2.2em;font-weight:600}
table.raci tbody tr:hover td,table.raci tbody tr:hover th{outline:1px solid #d0d7de}
.raci-parts{display:none}
"""
_PRINT_CSS = """\
@media print{
  body{font-size:8pt;margin:0}
  .raci-wrap{overflow:visible;max-height:none;border:0}
  table.raci{font-size:7pt;table-layout:fixed;width:100%}
  table.raci col.names{width:18%}
  table.raci thead{display:table-header-group;position:static}
  table.raci thead th{font-size:6pt;line-height:1.1;padding:1px 2px}
  table.raci th.v{overflow:hidden}
  table.raci th.v div{max-height:11em}
  table.raci tbody th{min-width:0;max-width:none;overflow-wrap:anywhere}
  table.raci td{min-width:0}
  table.raci th,table.raci td{position:static;-webkit-print-color-adjust:exact;
    print-color-adjust:exact}
  table.raci tr{break-inside:avoid}
  table.raci tr.group{break-after:avoid}
}
"""
MATRIX_CSS = SCREEN_CSS + _PRINT_CSS + _PARTS_CSS
#: What changes in an element read right to left (``dir="rtl"``: the page, or a
#: notebook's matrix): the names stick to the right, where the rows start, and the
#: rules and captions follow them.
MATRIX_RTL_CSS = """\
[dir="rtl"] table.raci th,[dir="rtl"] table.raci td{border-right:0;
  border-left:1px solid #e4e4e4}
[dir="rtl"] table.raci thead th.span,[dir="rtl"] table.raci th.v div,
[dir="rtl"] table.raci.part caption{text-align:right}
[dir="rtl"] table.raci tbody th,[dir="rtl"] table.raci thead th.corner{left:auto;right:0;
  text-align:right}
[dir="rtl"] table.raci tr.group th span{left:auto;right:.3em}
"""


def matrix_legend(m: Matrix) -> str:
    """The legend above a matrix, with how a cell holding several roles is drawn."""
    return legend_html(m.scheme, m.language, combined=m.combined())


def print_parts(m: Matrix, width_mm: float, *, rows: bool = True) -> str:
    """The matrix as printed when its party columns do not fit a page ``width_mm`` wide:
    as few tables as take them all, of as many columns each, each beside the deliverables
    and the second and later each from a new page; '' when the columns fit. Without
    ``rows``, the tables hold their headers only (the report's script fills them in when
    printing)."""
    fit = max(1, int((width_mm - PRINT_NAMES_MM) // PRINT_COLUMN_MM))
    total = len(m.columns)
    if total <= fit:
        return ""
    per = math.ceil(total / math.ceil(total / fit))
    tables = []
    for start in range(0, total, per):
        stop = min(start + per, total)
        part = m.parties(start, stop)
        caption = m.part(start + 1, stop, total)
        part = part if rows else attrs.evolve(part, rows=())
        tables.append(table_html(part, part=(start, stop), caption=caption))
    return f'<div class="raci-parts">{"".join(tables)}</div>'


def table_html(m: Matrix, *, part: tuple[int, int] | None = None, caption: str = "") -> str:
    """The matrix as an HTML ``<table>`` (to be styled with :data:`MATRIX_CSS`); the
    ``part`` of a wider matrix (its first and past-last columns there) prints at fixed
    widths, under ``caption``."""
    n = len(m.columns)
    cache: dict[tuple[str, ...], str] = {(): "<td></td>"}

    def cell(letters: tuple[str, ...]) -> str:
        html = cache.get(letters)
        if html is None:
            classes = cell_classes(m.scheme, letters)
            cls = f' class="{classes}"' if classes else ""
            html = f"<td{cls}>{escape('/'.join(letters))}</td>"
            cache[letters] = html
        return html

    corner = escape(m.words.gettext("Deliverable"))
    if part is None:
        out = ['<table class="raci">']
    else:
        width = PRINT_NAMES_MM + n * PRINT_COLUMN_MM
        out = [
            f'<table class="raci part" data-from="{part[0]}" data-to="{part[1]}"'
            f' style="width:{width:g}mm">'
        ]
    if caption:
        out.append(f"<caption>{escape(caption)}</caption>")
    out.append(f'<colgroup><col class="names"><col span="{max(n, 1)}" class="party"></colgroup>')
    out.append("<thead>")
    depth = len(m.header_rows) + 1
    for k, spans in enumerate(m.header_rows):
        out.append("<tr>")
        if k == 0:
            out.append(f'<th class="corner" rowspan="{depth}">{corner}</th>')
        for span in spans:
            label = escape(span.label)
            vertical = " v" if span.size == 1 and span.label else ""
            colspan = f' colspan="{span.size}"' if span.size > 1 else ""
            out.append(
                f'<th class="span{vertical}"{colspan} title="{label}"><div>{label}</div></th>'
            )
        out.append("</tr>")
    out.append("<tr>")
    if not m.header_rows:
        out.append(f'<th class="corner">{corner}</th>')
    for c in m.columns:
        title = escape(m.words.aside(c.label, c.id))
        out.append(f'<th class="v" scope="col" title="{title}"><div>{escape(c.label)}</div></th>')
    out.append("</tr></thead><tbody>")
    for group, rows in m.sections():
        if group:
            out.append(
                f'<tr class="group"><th colspan="{n + 1}"><span>{escape(group)}</span></th></tr>'
            )
        for row in rows:
            out.append(
                f'<tr><th scope="row" title="{escape(row.id)}">{escape(row.label)}</th>'
                + "".join(cell(letters) for letters in row.cells)
                + "</tr>"
            )
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html(m: Matrix, paper: Paper = A4, *, landscape: bool = True) -> str:
    """A complete page that works offline: inline CSS, no scripts, no fetches. Printed,
    its pages are ``paper`` (landscape unless told otherwise), numbered, with the
    organization and the matrix's name at the top."""
    title = escape(m.heading)
    printed = page_css(
        paper,
        landscape=landscape,
        margin=f"{PRINT_MARGIN[0]:g}mm {PRINT_MARGIN[1]:g}mm",
        language=m.language,
        header=m.title,
        title=m.running,
    )
    parts = print_parts(m, paper.mm(landscape=landscape)[0] - 2 * PRINT_MARGIN[1])
    mirrored = LEGEND_RTL_CSS + MATRIX_RTL_CSS if is_rtl(m.language) else ""
    return f"""<!DOCTYPE html>
<html {html_language(m.language)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{printed}
body{{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;
  margin:1em;color:#111}}
h1{{font-size:1.3em;margin:0 0 .3em}}
{LEGEND_CSS}{MATRIX_CSS}{mirrored}{role_css(m.scheme)}</style>
</head>
<body>
<h1>{title}</h1>
{matrix_legend(m)}
<div class="raci-wrap{" raci-wide" if parts else ""}">
{table_html(m)}
</div>
{parts}
</body>
</html>
"""
