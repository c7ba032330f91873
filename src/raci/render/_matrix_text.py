"""The matrix as plain text: a terminal table, Markdown and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from raci._text import display_width, printable
from raci.cells import guard_formula, normalize_header
from raci.render.matrix_table import Matrix, cell_text

# -- terminal table ----------------------------------------------------------

#: Widest party header and row label in the terminal table, in terminal columns.
MAX_HEADER_WIDTH = 14
MAX_LABEL_WIDTH = 44


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut with ``…`` to at most ``width`` columns."""
    text = printable(" ".join(text.split()))
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _pad(text: str, width: int, align: str = "<") -> str:
    gap = max(width - display_width(text), 0)
    if align == "^":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def render_text(m: Matrix) -> str:
    """An aligned plain-text table for the terminal."""
    heads = [fit(c.label, MAX_HEADER_WIDTH) for c in m.columns]
    widths = [
        max([display_width(h), *(display_width(cell_text(r.cells[i])) for r in m.rows)])
        for i, h in enumerate(heads)
    ]
    labels = [fit(r.label, MAX_LABEL_WIDTH - 2) for r in m.rows]
    first = max(
        [
            display_width("Deliverable"),
            *(display_width(s) + 2 for s in labels),
            *(display_width(fit(s, MAX_LABEL_WIDTH)) for s, _ in m.sections()),
        ]
    )

    def line(first_cell: str, cells: Sequence[str], align: str = "^") -> str:
        parts = [_pad(c, w, align) for c, w in zip(cells, widths, strict=True)]
        return (_pad(first_cell, first) + " │ " + "  ".join(parts)).rstrip()

    out: list[str] = []
    for spans in m.header_rows:
        parts: list[str] = []
        i = 0
        for span in spans:
            width = sum(widths[i : i + span.size]) + 2 * (span.size - 1)
            parts.append(_pad(fit(span.label, width), width))
            i += span.size
        out.append((" " * first + " │ " + "  ".join(parts)).rstrip())
    out.append(line("Deliverable", heads))
    out.append("─" * first + "─┼─" + "──".join("─" * w for w in widths))
    labels_iter = iter(labels)
    for group, rows in m.sections():
        if group:
            out.append(fit(group, MAX_LABEL_WIDTH))
        for row in rows:
            label = next(labels_iter)
            out.append(line(("  " if group else "") + label, [cell_text(c) for c in row.cells]))
    out.append("")
    out.append("  ".join(f"{letter} {name}" for letter, name in m.legend()))
    return "\n".join(out) + "\n"


# -- Markdown ----------------------------------------------------------------

_MD_SPECIAL = "\\|*_`<>[]"


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    out = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
    return "<br>".join(out.splitlines())


def render_markdown(m: Matrix) -> str:
    """A Markdown pipe table (group names as bold rows), then a legend table."""
    n = len(m.columns)

    def row(cells: Iterable[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    out = [f"# Responsibility matrix: {md_escape(m.title)}", ""]
    out.append(row(["Deliverable", *(md_escape(c.key or c.label) for c in m.columns)]))
    out.append("|" + "---|" + ":-:|" * n)
    for group, rows in m.sections():
        if group:
            out.append(row([f"**{md_escape(group)}**", *([""] * n)]))
        for r in rows:
            # "-" keeps a row without roles from reading back as a group heading.
            cells = [cell_text(c) for c in r.cells] if any(r.cells) else ["-"] * n
            out.append(row([md_escape(r.key), *cells]))
    out += ["", row(["Letter", "Role"]), "|---|---|"]
    out += [row([md_escape(letter), md_escape(name)]) for letter, name in m.legend()]
    return "\n".join(out) + "\n"


# -- CSV ---------------------------------------------------------------------


def _dated(m: Matrix) -> bool:
    # A party column headed "due" would otherwise be read back as the due-date column.
    return any(r.due for r in m.rows) or any(normalize_header(c.key) == "due" for c in m.columns)


def sheet_header(m: Matrix) -> list[str]:
    """The header row of CSV and XLSX exports: id, name, group, [due,] then the parties.

    The group column is always there, so that a row without roles never reads back as
    a group heading.
    """
    return ["id", "name", "group", *(["due"] if _dated(m) else []), *(c.key for c in m.columns)]


def sheet_rows(m: Matrix) -> Iterable[list[str]]:
    """The body rows of CSV and XLSX exports, in the order of :func:`sheet_header`."""
    dated = _dated(m)
    for r in m.rows:
        head = [r.id, r.label, r.group_key, *([r.due] if dated else [])]
        yield head + [cell_text(c) for c in r.cells]


def render_csv(m: Matrix) -> str:
    """CSV with one row per deliverable; formula-like cells are prefixed with ``'``.

    The text starts with a byte-order mark, which is how Excel tells UTF-8 apart.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([guard_formula(t) for t in sheet_header(m)])
    for cells in sheet_rows(m):
        writer.writerow([guard_formula(t) for t in cells])
    return buffer.getvalue()
