"""The matrix as plain text: a terminal table, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import shutil
import warnings
from collections.abc import Iterable, Sequence

from raci._text import display_width, one_line, printable
from raci.cells import normalize_header, safe_cell
from raci.findings import nsay
from raci.render.matrix.table import Matrix, cell_text

# -- terminal table ----------------------------------------------------------

#: Widest party header and row label in the terminal table, in terminal columns.
MAX_HEADER_WIDTH = 14
MAX_LABEL_WIDTH = 44
#: Party headers are cut to these widths in turn to make a table fit.
HEADER_WIDTHS = (MAX_HEADER_WIDTH, 12, 10)
#: Row labels are cut down to this width before party names give way to numbers, and
#: down to the smallest before a table is declared too wide.
SHORT_LABEL_WIDTH = 24
MIN_LABEL_WIDTH = 16
#: Headings above the party names narrower than this are left blank.
MIN_SPAN_WIDTH = 8


class MatrixWidthWarning(UserWarning):
    """The terminal table is wider than the terminal, even with numbered party columns."""


def _clean(text: str) -> str:
    return one_line(" ".join(text.split()))


def _head(text: str, width: int) -> str:
    """The longest start of ``text`` at most ``width`` columns wide."""
    out, used = [], 0
    for ch in text:
        used += display_width(ch)
        if used > width:
            break
        out.append(ch)
    return "".join(out)


def _tail(text: str, width: int) -> str:
    """The longest end of ``text`` at most ``width`` columns wide."""
    return _head(text[::-1], width)[::-1]


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut with ``…`` to at most ``width`` columns."""
    text = _clean(text)
    if display_width(text) <= width:
        return text
    return _head(text, width - 1) + "…"


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _around(text: str, parts: int, differs: int, width: int) -> str:
    """``text`` cut to ``width`` so that what tells it from its look-alikes stays in view:
    ``start…end`` from where the look-alikes part (``parts``) when that fits, else
    ``start…middle…`` around where it parts from its nearest look-alike (``differs``)."""
    # The end gets two thirds of the room when what tells the texts apart is in it, more
    # when it needs more.
    room = width - 1 - max(width // 3, 1)
    context = min(8, width // 4)
    for at in (parts, differs):
        start = max(at - context, 1)
        if display_width(text[start:]) <= width - 2:
            rest = _tail(text, max(room, display_width(text[start:])))
            return _head(text, width - 1 - display_width(rest)) + "…" + rest
    head = _head(text, max(width // 3, 1))
    window = width - display_width(head) - 2
    # Step back from the differing character while the window still shows it.
    start = max(differs, len(head))
    while (
        start > len(head)
        and differs - start < context
        and display_width(text[start - 1 : differs + 1]) <= window
    ):
        start -= 1
    return head + "…" + _head(text[start:], window) + "…"


def fit_all(texts: Sequence[str], width: int) -> list[str]:
    """Each text cut to ``width`` like :func:`fit`, and texts that differ still differ when
    cut: a long shared start is skipped (``Prepare…region B``) to show where they part."""
    clean = [_clean(t) for t in texts]
    out = [fit(t, width) for t in clean]

    def collisions() -> list[list[int]]:
        same: dict[str, list[int]] = {}
        for i, cut in enumerate(out):
            same.setdefault(cut, []).append(i)
        return [ix for ix in same.values() if len({clean[i] for i in ix}) > 1]

    if width < 5:
        return out
    for ix in collisions():
        # The longest start a text shares with another is shared with a neighbour in
        # sorted order: no need to compare every pair.
        distinct = sorted({clean[i] for i in ix})
        shared = _common(distinct[0], distinct[-1])
        differs: dict[str, int] = {}
        for k, text in enumerate(distinct):
            near = distinct[max(k - 1, 0) : k] + distinct[k + 1 : k + 2]
            differs[text] = max(_common(text, other) for other in near)
        for i in ix:
            out[i] = _around(clean[i], shared, differs[clean[i]], width)
    # Look-alikes that still meet: numbered, one number per text over the whole list.
    numbers: dict[str, int] = {}
    for ix in collisions():
        for i in ix:
            mark = f" #{numbers.setdefault(clean[i], len(numbers) + 1)}"
            out[i] = fit(clean[i], width - len(mark)) + mark
    return out


def _pad(text: str, width: int, align: str = "<") -> str:
    gap = max(width - display_width(text), 0)
    if align == ">":
        return " " * gap + text
    if align == "^":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def _wrap(items: Sequence[str], width: int, gap: int = 2) -> list[str]:
    """Items in aligned columns across lines at most ``width`` wide (one per line when
    even one column is too wide)."""
    if not items:
        return []
    cell = max(display_width(t) for t in items)
    per_line = max(1, (width + gap) // (cell + gap)) if width else len(items)
    lines = []
    for at in range(0, len(items), per_line):
        chunk = items[at : at + per_line]
        lines.append((" " * gap).join(_pad(t, cell) for t in chunk).rstrip())
    return lines


def terminal_width() -> int:
    """The columns of the terminal (or ``$COLUMNS``; 80 when neither is known)."""
    return shutil.get_terminal_size().columns


def render_text(m: Matrix, width: int | None = None) -> str:
    """An aligned plain-text table that fits ``width`` columns (default: the terminal's;
    0 for no limit).

    Party names head their columns while they fit; otherwise the columns are numbered and
    a key below names them. When even that is too wide, a :class:`MatrixWidthWarning`
    says so. Cut names stay distinguishable.
    """
    if width is None:
        width = terminal_width()
    cells = [[one_line(cell_text(c)) for c in r.cells] for r in m.rows]
    cell_widths = [
        max((display_width(r[i]) for r in cells), default=0) for i in range(len(m.columns))
    ]
    deliverable = one_line(m.words.gettext("Deliverable"))
    sections = m.sections()

    def first_width(cap: int) -> int:
        return max(
            [
                display_width(deliverable),
                *(min(display_width(_clean(r.label)), cap - 2) + 2 for r in m.rows),
            ]
        )

    def fits(first: int, widths: list[int], gap: int) -> bool:
        return not width or first + 3 + sum(widths) + gap * (len(widths) - 1) <= width

    # Party names over their columns, cut shorter and with shorter row labels if need be;
    # else numbered columns with a key below.
    numbered, gap = False, 2
    for cap in HEADER_WIDTHS:
        heads = fit_all([c.label for c in m.columns], cap)
        widths = [max(display_width(h), w) for h, w in zip(heads, cell_widths, strict=True)]
        columns_width = sum(widths) + gap * (len(widths) - 1)
        first = first_width(MAX_LABEL_WIDTH)
        if not fits(first, widths, gap):
            first = first_width(max(width - 3 - columns_width, SHORT_LABEL_WIDTH))
        if fits(first, widths, gap):
            break
    else:
        numbered, gap = True, 1
        heads = [str(i) for i in range(1, len(m.columns) + 1)]
        widths = [max(len(h), w) for h, w in zip(heads, cell_widths, strict=True)]
        columns_width = sum(widths) + gap * (len(widths) - 1)
        first = first_width(min(max(width - 3 - columns_width, MIN_LABEL_WIDTH), MAX_LABEL_WIDTH))
        need = first + 3 + columns_width
        if need > width:
            # Translators: {n} and {width} count the columns of the matrix and of the
            # terminal; {level}, {parties} and {page} are options, kept as written.
            said = nsay(
                "the matrix is {n} column wide and the terminal {width}: roll the columns up"
                " ({level}), choose some ({parties}), or write a page ({page})",
                "the matrix is {n} columns wide and the terminal {width}: roll the columns up"
                " ({level}), choose some ({parties}), or write a page ({page})",
                need,
                width=width,
                level="--level",
                parties="--parties",
                page="-o matrix.html",
            )
            warnings.warn(MatrixWidthWarning(said), stacklevel=3)
    labels = fit_all([r.label for r in m.rows], first - 2)
    group_names = [g for g, _ in sections]
    group_cuts = fit_all(
        group_names, max(first, min(width or 2 * MAX_LABEL_WIDTH, 2 * MAX_LABEL_WIDTH))
    )
    group_labels = dict(zip(group_names, group_cuts, strict=True))
    sep = " " * gap

    def line(first_cell: str, texts: Sequence[str], align: str = "^") -> str:
        parts = [_pad(c, w, align) for c, w in zip(texts, widths, strict=True)]
        return (_pad(first_cell, first) + " │ " + sep.join(parts)).rstrip()

    out: list[str] = []
    for spans in m.header_rows:
        parts: list[str] = []
        i = 0
        for span in spans:
            span_width = sum(widths[i : i + span.size]) + gap * (span.size - 1)
            # A heading cut to a stub says nothing: leave the space blank.
            label = fit(span.label, span_width) if span_width >= MIN_SPAN_WIDTH else ""
            parts.append(_pad(label, span_width))
            i += span.size
        if any(p.strip() for p in parts):
            out.append((" " * first + " │ " + sep.join(parts)).rstrip())
    align = ">" if numbered else "^"
    out.append(line(deliverable, heads, align))
    out.append("─" * first + "─┼─" + ("─" * gap).join("─" * w for w in widths))
    rows = iter(zip(labels, cells, strict=True))
    for group, members in sections:
        if group:
            out.append(group_labels[group])
        for _ in members:
            label, texts = next(rows)
            out.append(line(("  " if group else "") + label, texts, align))
    out.append("")
    if numbered and heads:
        digits = len(heads[-1])
        names = fit_all([c.label for c in m.columns], max((width or 80) - digits - 1, 8))
        out.append(one_line(m.words.gettext("Parties") + m.words.colon().rstrip()))
        out += _wrap([f"{n:>{digits}} {name}" for n, name in zip(heads, names, strict=True)], width)
        out.append("")
    legend = [one_line(f"{letter} {name}") for letter, name in m.legend()]
    wide = width and display_width("  ".join(legend)) > width
    out += _wrap(legend, width) if wide else ["  ".join(legend)]
    return "\n".join(out) + "\n"


# -- Markdown ----------------------------------------------------------------

_MD_SPECIAL = "\\|*_`<>[]"


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell (control characters escaped visibly)."""
    out = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in printable(text))
    return "<br>".join(out.splitlines())


def render_markdown(m: Matrix) -> str:
    """A Markdown pipe table (group names as bold rows), then a legend table."""
    n = len(m.columns)

    def row(cells: Iterable[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    words = m.words
    out = [f"# {md_escape(m.heading)}", ""]
    head = [
        md_escape(words.gettext("Deliverable")),
        *(md_escape(c.key or c.label) for c in m.columns),
    ]
    out.append(row(head))
    out.append("|" + "---|" + ":-:|" * n)
    for group, rows in m.sections():
        if group:
            out.append(row([f"**{md_escape(group)}**", *([""] * n)]))
        for r in rows:
            # "-" keeps a row without roles from reading back as a group heading.
            cells = [md_escape(cell_text(c)) for c in r.cells] if any(r.cells) else ["-"] * n
            out.append(row([md_escape(r.key), *cells]))
    legend_head = [md_escape(words.gettext("Letter")), md_escape(words.gettext("Role"))]
    out += ["", row(legend_head), "|---|---|"]
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
    writer.writerow([safe_cell(t) for t in sheet_header(m)])
    for cells in sheet_rows(m):
        writer.writerow([safe_cell(t) for t in cells])
    return buffer.getvalue()
