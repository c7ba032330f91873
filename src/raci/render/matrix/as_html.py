"""The matrix as one self-contained HTML page: a colour per role, sticky headers, print styles."""

from __future__ import annotations

import html

from raci._text import strip_controls
from raci.render.matrix.table import Matrix


def escape(text: str) -> str:
    """Text safe in HTML content and attributes: markup escaped, control characters
    (terminal escape sequences among them) dropped."""
    return html.escape(strip_controls(text), quote=True)


#: Background colours given to roles in scheme order (light enough for black text).
PALETTE = (
    "#9fd8a4",  # R
    "#f4a3a3",  # A
    "#a9c8f0",  # C
    "#e2e2e2",  # I
    "#f7d88b",
    "#d4b8ee",
    "#9fe0dc",
    "#f2c0a0",
)
#: Darker shades of the same colours, for the stripe of a cell's second role.
STRIPES = (
    "#3f9a48",
    "#c0392b",
    "#3b6fb6",
    "#8a8a8a",
    "#c79a1e",
    "#8450b5",
    "#2a9d96",
    "#c0703a",
)

MATRIX_CSS = """\
.raci-legend{margin:.5em 0 1em;display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center}
.raci-legend b{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;
  padding:.1em .3em;margin-right:.3em}
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
@media print{
  @page{size:landscape;margin:1cm}
  body{font-size:8pt;margin:0}
  .raci-wrap{overflow:visible;max-height:none;border:0}
  table.raci{font-size:7pt}
  table.raci thead{display:table-header-group;position:static}
  table.raci th,table.raci td{position:static;-webkit-print-color-adjust:exact;
    print-color-adjust:exact}
  table.raci tr{break-inside:avoid}
}
"""


def role_css(m: Matrix) -> str:
    """One rule per role colouring its cells (classes ``x0``, ``x1``... in scheme order),
    and one drawing the stripe of a cell's second role (``y0``, ``y1``...)."""
    return "".join(
        f"table.raci td.x{i},.raci-legend b.x{i}{{background:{PALETTE[i % len(PALETTE)]}}}\n"
        f"table.raci td.y{i},.raci-legend b.y{i}"
        f"{{box-shadow:inset 0 -4px 0 {STRIPES[i % len(STRIPES)]}}}\n"
        for i in range(len(m.scheme.roles))
    )


def cell_classes(m: Matrix, letters: tuple[str, ...]) -> str:
    """The classes of a cell: the colour of its lead role (the Accountable when it holds
    it), and the stripe of the next role when it holds several."""
    index = {r.letter: i for i, r in enumerate(m.scheme.roles)}
    lead = m.lead(letters)
    classes = [f"x{index[lead]}"] if lead in index else []
    rest = [x for x in letters if x != lead and x in index]
    if classes and rest:
        classes.append(f"y{index[rest[0]]}")
    return " ".join(classes)


def combined_sample(m: Matrix) -> tuple[str, ...]:
    """Letters of a cell with two roles, to show in the legend how such cells look."""
    letters = m.scheme.letters
    accountable = m.scheme.letter_of("accountable")
    if len(letters) < 2:
        return ()
    if accountable is None:
        return letters[:2]
    other = next(x for x in letters if x != accountable)
    return tuple(x for x in letters if x in (other, accountable))


def legend_html(m: Matrix) -> str:
    """The role letters and their names, coloured as in the table, and how a cell with
    several roles is drawn."""
    items = "".join(
        f'<span><b class="x{i}">{escape(letter)}</b>{escape(name)}</span>'
        for i, (letter, name) in enumerate(m.legend())
    )
    sample = combined_sample(m)
    if sample:
        items += (
            f'<span><b class="{cell_classes(m, sample)}">{escape("/".join(sample))}</b>'
            f"{escape(m.combined())}</span>"
        )
    return f'<div class="raci-legend">{items}</div>'


def table_html(m: Matrix) -> str:
    """The matrix as an HTML ``<table>`` (to be styled with :data:`MATRIX_CSS`)."""
    n = len(m.columns)
    cache: dict[tuple[str, ...], str] = {(): "<td></td>"}

    def cell(letters: tuple[str, ...]) -> str:
        html = cache.get(letters)
        if html is None:
            classes = cell_classes(m, letters)
            cls = f' class="{classes}"' if classes else ""
            html = f"<td{cls}>{escape('/'.join(letters))}</td>"
            cache[letters] = html
        return html

    corner = escape(m.word("deliverable"))
    out = ['<table class="raci"><thead>']
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
        title = escape(f"{c.label} ({c.id})")
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


def render_html(m: Matrix) -> str:
    """A complete page that works offline: inline CSS, no scripts, no fetches."""
    title = escape(m.word("title").format(title=m.title))
    return f"""<!DOCTYPE html>
<html lang="{escape(m.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body{{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;
  margin:1em;color:#111}}
h1{{font-size:1.3em;margin:0 0 .3em}}
{MATRIX_CSS}{role_css(m)}</style>
</head>
<body>
<h1>{title}</h1>
{legend_html(m)}
<div class="raci-wrap">
{table_html(m)}
</div>
</body>
</html>
"""
