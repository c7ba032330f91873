"""Cascade sheets as Markdown, CSV and one self-contained HTML page."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from raci import progress
from raci._text import escape_html
from raci.cells import safe_cell
from raci.render.cascade.book import WRITING, Book, Line, Sheet
from raci.render.legend.as_html import LEGEND_CSS, cell_classes, legend_html, role_css
from raci.render.matrix.as_text import md_escape
from raci.render.paper import A4

# -- Markdown ------------------------------------------------------------------


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_table(
    book: Book, lines: Sequence[Line], inherited: bool, rows: dict[int, str]
) -> list[str]:
    """A table of lines; ``rows`` keeps each line's row, written once for every sheet."""
    head = [book.words.gettext("Group"), *book.table_head(inherited)]
    out = [_md_row([md_escape(h) for h in head]), "|" + "---|" * len(head)]
    for line in lines:
        row = rows.get(id(line))
        if row is None:
            cells = [line.group_label, line.name, line.letters]
            if inherited:
                cells.append(line.via_name)
            cells.append(line.due)
            row = rows[id(line)] = _md_row([md_escape(c) for c in cells])
        out.append(row)
    return out


def render_markdown(book: Book) -> str:
    """A heading per post, its facts as a list, then the two tables."""
    words = book.words
    out = [f"# {md_escape(book.heading)}", ""]
    legend = words.listed(md_escape(f"{letter} {name}") for letter, name in book.legend)
    out += [words.labelled(md_escape(words.gettext("Roles")), legend), ""]
    direct, through = book.part_titles()
    # Every post of a unit inherits the same lines: their table is built once.
    inherited: dict[str, list[str]] = {}
    rows: dict[int, str] = {}
    for sheet in progress.each(WRITING, book.sheets, "posts"):
        out += [f"## {words.aside(md_escape(sheet.title), md_escape(sheet.post))}", ""]
        for label, value in sheet_facts(book, sheet):
            label = md_escape(label) + words.colon().rstrip()
            out.append(f"- **{label}** {md_escape(value)}")
        out += ["", f"### {md_escape(direct)}", ""]
        out += _md_table(book, sheet.direct, False, rows) if sheet.direct else [book.nothing]
        out += ["", f"### {md_escape(through)}", ""]
        if sheet.unit not in inherited:
            inherited[sheet.unit] = (
                _md_table(book, sheet.inherited, True, rows)
                if sheet.inherited
                else [book.nothing_inherited]
            )
        out += inherited[sheet.unit]
        out.append("")
    return "\n".join(out)


def sheet_facts(book: Book, sheet: Sheet) -> list[tuple[str, str]]:
    """(label, value) of the facts at the head of a sheet, its holder first."""
    words = book.words
    facts = [(words.gettext("Holder"), sheet.holder_text(book.language))]
    if sheet.grade:
        facts.append((words.gettext("Grade"), sheet.grade))
    facts.append((words.gettext("Unit"), " › ".join(sheet.unit_path) or sheet.unit))
    # Translators: the posts above a post, nearest first; "nobody above" for the top one.
    above = " → ".join(sheet.reports) or words.gettext("nobody above")
    facts.append((words.gettext("Reports to"), above))
    return facts


# -- CSV -----------------------------------------------------------------------

CSV_HEADER = (
    "post",
    "title",
    "holder",
    "vacant",
    "unit",
    "group",
    "deliverable",
    "name",
    "roles",
    "source",
    "through",
    "due",
)


def _csv_text(cells: Sequence[str]) -> str:
    """Cells as one CSV line without its end, formula-like cells guarded."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([safe_cell(c) for c in cells])
    return out.getvalue()


def render_csv(book: Book) -> str:
    """One row per post, deliverable and source; formula-like cells are prefixed with
    ``'``. The text starts with a byte-order mark, which is how Excel tells UTF-8 apart."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    # Every post of a unit shares its inherited lines: each line is encoded once, and a
    # row is the post's cells followed by the line's (a direct line names the post).
    tails: dict[tuple[int, str], str] = {}
    for sheet in progress.each(WRITING, book.sheets, "posts"):
        head = _csv_text(
            (sheet.post, sheet.title, sheet.holder or "", "yes" if sheet.vacant else "", sheet.unit)
        )
        for source, lines in (("direct", sheet.direct), ("inherited", sheet.inherited)):
            for line in lines:
                key = (id(line), line.via or sheet.post)
                tail = tails.get(key)
                if tail is None:
                    tail = tails[key] = _csv_text(
                        (
                            line.group,
                            line.deliverable,
                            line.name,
                            line.letters,
                            source,
                            line.via or sheet.post,
                            line.due,
                        )
                    )
                buffer.write(f"{head},{tail}\r\n")
    return buffer.getvalue()


# -- HTML ----------------------------------------------------------------------

#: Printed, on A4.
CSS = (
    A4.page_rule(margin="1.5cm")
    + """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;
  margin:1.5em auto;max-width:60em;color:#111;line-height:1.35}
h1{font-size:1.4em;margin:0 0 .3em}
h2{font-size:1.2em;margin:0 0 .4em;border-bottom:2px solid #9ca3af;padding-bottom:.2em}
h2 small{font-weight:normal;color:#555;font-size:.75em}
h3{font-size:1em;margin:1em 0 .3em}
nav.toc ol{columns:2;column-gap:2em;padding-left:1.5em}
nav.toc li{break-inside:avoid;margin-bottom:.2em}
nav.toc .who{color:#555;font-size:.9em}
section.sheet{margin-top:2.5em}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;margin:.5em 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.vacant{color:#b91c1c;font-weight:600}
table.held{border-collapse:collapse;width:100%;font-size:.92em}
table.held th,table.held td{border-bottom:1px solid #e4e4e4;padding:3px 6px;text-align:left;
  vertical-align:top}
table.held thead th{background:#f3f4f6}
table.held tr.group th{background:#eef2f7;font-weight:600}
table.held td.role{text-align:center;font-weight:600;width:4em}
table.held td.due{white-space:nowrap;width:7em}
p.none{color:#555;font-style:italic}
@media print{
  body{margin:0;max-width:none;font-size:10pt}
  nav.toc a{color:inherit;text-decoration:none}
  section.sheet{break-before:page;page-break-before:always;margin-top:0}
  table.held tr{break-inside:avoid}
  table.held thead{display:table-header-group}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""
)


def _anchor(post: str) -> str:
    return escape_html(f"post-{post}")


def _html_table(book: Book, lines: Sequence[Line], inherited: bool, rows: dict[int, str]) -> str:
    """A table of lines; ``rows`` keeps each line's row, written once for every sheet."""
    columns = 4 if inherited else 3
    head = book.table_head(inherited)
    out = [
        f'<table class="held {"inherited" if inherited else "direct"}"><thead><tr>'
        + "".join(f'<th scope="col">{escape_html(h)}</th>' for h in head)
        + "</tr></thead><tbody>"
    ]
    group = None
    for line in lines:
        if line.group != group:
            group = line.group
            if line.group_label:
                out.append(
                    f'<tr class="group"><th colspan="{columns}">'
                    f"{escape_html(line.group_label)}</th></tr>"
                )
        row = rows.get(id(line))
        if row is None:
            cls = f"role {cell_classes(book.scheme, line.roles)}".rstrip()
            cells = [
                f'<td title="{escape_html(line.deliverable)}">{escape_html(line.name)}</td>',
                f'<td class="{cls}">{escape_html(line.letters)}</td>',
            ]
            if inherited:
                cells.append(
                    f'<td title="{escape_html(line.via)}">{escape_html(line.via_name)}</td>'
                )
            cells.append(f'<td class="due">{escape_html(line.due)}</td>')
            row = rows[id(line)] = "<tr>" + "".join(cells) + "</tr>"
        out.append(row)
    out.append("</tbody></table>")
    return "\n".join(out)


def _html_sheet(book: Book, sheet: Sheet, inherited: str, rows: dict[int, str]) -> list[str]:
    """A post's section as pieces, the unit's ``inherited`` table kept whole (not copied
    into every section of the unit's posts)."""
    facts = []
    for i, (label, value) in enumerate(sheet_facts(book, sheet)):
        text = escape_html(value)
        if i == 0 and sheet.vacant:
            text = f'<span class="vacant">{text}</span>'
        facts.append(f"<dt>{escape_html(label)}</dt><dd>{text}</dd>")
    direct = (
        _html_table(book, sheet.direct, False, rows)
        if sheet.direct
        else f'<p class="none">{escape_html(book.nothing)}</p>'
    )
    held, through = (escape_html(title) for title in book.part_titles())
    return [
        f'<section class="sheet" id="{_anchor(sheet.post)}">\n'
        f"<h2>{escape_html(sheet.title)} <small>{escape_html(sheet.post)}</small></h2>\n"
        f'<dl class="facts">{"".join(facts)}</dl>\n'
        f"<h3>{held}</h3>\n{direct}\n"
        f"<h3>{through}</h3>\n",
        inherited,
        "\n</section>",
    ]


def render_html(book: Book) -> str:
    """One page that works offline (inline CSS, no scripts, no fetches): a table of
    contents, then a section per post; printed, each post starts a new A4 page."""
    title = escape_html(book.heading)
    toc = []
    for sheet in book.sheets:
        about = [sheet.unit_path[-1] if sheet.unit_path else sheet.unit]
        if sheet.holder or sheet.vacant:
            about.insert(0, sheet.holder_text(book.language))
        toc.append(
            f'<li><a href="#{_anchor(sheet.post)}">{escape_html(sheet.title)}</a>'
            f' <span class="who">{escape_html(" · ".join(about))}</span></li>'
        )
    # Every post of a unit inherits the same lines: their table is built once.
    tables: dict[str, str] = {}
    rows: dict[int, str] = {}
    sections: list[str] = []
    for sheet in progress.each(WRITING, book.sheets, "posts"):
        if sheet.unit not in tables:
            tables[sheet.unit] = (
                _html_table(book, sheet.inherited, True, rows)
                if sheet.inherited
                else f'<p class="none">{escape_html(book.nothing_inherited)}</p>'
            )
        if sections:
            sections.append("\n")
        sections += _html_sheet(book, sheet, tables[sheet.unit], rows)
    words, n = book.words, len(book.sheets)
    posts = escape_html(words.ngettext("{n} post", "{n} posts", n).format(n=words.number(n)))
    contents = escape_html(words.gettext("Contents"))
    head = f"""<!DOCTYPE html>
<html lang="{escape_html(book.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{CSS}{LEGEND_CSS}{role_css(book.scheme)}</style>
</head>
<body>
<header>
<h1>{title}</h1>
{legend_html(book.scheme, book.language, caption=book.roles_caption)}
</header>
<nav class="toc">
<h2>{contents} <small>{posts}</small></h2>
<ol>
{chr(10).join(toc)}
</ol>
</nav>
"""
    return "".join([head, *sections, "\n</body>\n</html>\n"])
