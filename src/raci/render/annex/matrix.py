"""The responsibility matrix after the change: deliverables as rows, parties as columns,
each role on its role's colour, the header rows repeated on each page, and the key of
the letters. When the page cannot hold a column per party, the columns are rolled up
to the lowest level whose columns it holds; when it cannot hold even those, the
columns come in parts, each a table of its own."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

from raci.model import Organization
from raci.render.annex.blocks import Blocks
from raci.render.legend.as_docx import legend_cells, role_cell
from raci.render.matrix.table import Matrix, Span, build_matrix
from raci.render.wordml import Cell, row
from raci.restructure.words import ChangeWords

#: The deliverables' column, and the narrowest and widest column of a party (a cell with
#: more letters than the widest holds on one line takes two) (millimetres).
LABEL_MM = 60.0
NARROWEST_MM, WIDEST_MM = 6.0, 10.0
#: The size of the matrix's text (points), and the width of one of its characters.
SIZE_PT = 7.0
_CHAR_MM = SIZE_PT * 0.5 * 25.4 / 72
#: The tallest header row of party names, written upwards (millimetres).
TALLEST_MM = 45.0
#: The widest column of a party whose name is written across (millimetres).
WIDEST_ACROSS_MM = 24.0


def _column_mm(m: Matrix) -> float:
    """The width of a party's column: its widest cell (``A/R/C``) with some room; read
    right to left, where the party names are written across, their longest word too."""
    most = max((len(c) for r in m.rows for c in r.cells), default=1)
    chars = most * max(map(len, m.scheme.letters), default=1) + most - 1
    fits = min(WIDEST_MM, max(NARROWEST_MM, chars * _CHAR_MM * 1.4 + 2.5))
    if not m.words.rtl:
        return fits
    word = max((len(w) for c in m.columns for w in c.label.split()), default=1)
    return min(WIDEST_ACROSS_MM, max(fits, word * _CHAR_MM * 1.1 + 4))


def _levels_up(org: Organization) -> list[str]:
    """For each rank below the top that some unit is at, the level most of its units are
    at; lowest first."""
    used = Counter(u.level for u in org.units.values() if u.level is not None)
    found = []
    for names in org.levels.ranks[1:]:
        at = [n for n in names if used[n]]
        if at:
            found.append(max(at, key=lambda n: used[n]))
    return found[::-1]


def fitting_matrix(org: Organization, lang: str, width_mm: float) -> tuple[Matrix, str | None]:
    """The matrix of ``org`` whose columns a line ``width_mm`` wide holds: a column per
    party, else rolled up to the lowest level that fits (the highest level when none
    does), and that level (None when not rolled up)."""
    room = width_mm - LABEL_MM
    # A column per party, when there is room for the parties held at the narrowest width.
    if len(set(org.role_columns()[1])) * NARROWEST_MM <= room:
        matrix = build_matrix(org, lang=lang)
        if len(matrix.columns) * _column_mm(matrix) <= room:
            return matrix, None
    levels = _levels_up(org)
    for up in levels:
        matrix = build_matrix(org, lang=lang, level=up)
        if up == levels[-1] or (
            len(matrix.columns) * NARROWEST_MM <= room
            and len(matrix.columns) * _column_mm(matrix) <= room
        ):
            return matrix, up
    return build_matrix(org, lang=lang), None


def _cut(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The header spans over columns ``start`` to ``end`` (not included)."""
    out, at = [], 0
    for span in spans:
        first, last = max(at, start), min(at + span.size, end)
        if first < last:
            out.append(Span(span.label, last - first))
        at += span.size
    return out


def _rows(m: Matrix, start: int, end: int, column_mm: float) -> Iterator[str]:
    """The rows of the table of columns ``start`` to ``end``: the header rows (each
    repeated on every page), then a row per deliverable under its group's row."""
    for spans in m.header_rows:
        cells = [Cell(size_pt=SIZE_PT)]
        cells += [
            Cell(s.label, bold=True, center=True, span=s.size, size_pt=SIZE_PT)
            for s in _cut(spans, start, end)
        ]
        yield row(cells, header=True)
    columns = m.columns[start:end]
    head = [Cell(m.words.gettext("Deliverable"), bold=True, size_pt=SIZE_PT)]
    if m.words.rtl:
        # Across: LibreOffice draws upright cells outside a table read right to left.
        head += [Cell(c.label, center=True, size_pt=SIZE_PT) for c in columns]
        yield row(head, header=True)
    else:
        lines = max(1, math.floor((column_mm - 1) / (SIZE_PT * 1.2 * 25.4 / 72)))
        longest = max(len(c.label) for c in columns)
        height = min(TALLEST_MM, max(15.0, longest / lines * _CHAR_MM * 1.1 + 3))
        head += [Cell(c.label, upright=True, size_pt=SIZE_PT) for c in columns]
        yield row(head, header=True, height_mm=height)
    for group, found in m.sections():
        if group:
            yield row([Cell(group, bold=True, span=1 + end - start, size_pt=SIZE_PT)])
        for r in found:
            cells = [Cell(r.label, size_pt=SIZE_PT)]
            cells += [
                role_cell(m.scheme, letters, size_pt=SIZE_PT) if letters else Cell()
                for letters in r.cells[start:end]
            ]
            yield row(cells)


def add_matrix(b: Blocks, org: Organization, w: ChangeWords) -> None:
    """The part "Responsibility matrix": the key, what a column is, the table (in parts
    when it must be)."""
    lang = w.lang
    matrix, level = fitting_matrix(org, lang, b.width_mm)
    b.heading(matrix.running, 1)
    if not matrix.rows:
        b.paragraph(w.gettext("The model has no deliverables."))
        return
    b.paragraph(w.gettext("Key"), bold=True)
    key = legend_cells(matrix.scheme, lang, matrix.combined(), size_pt=SIZE_PT)
    b.table((row(cells) for cells in key), [12, b.width_mm - 12])
    if level is not None:
        # Translators: {what} is a unit of the level the columns roll up to: "a division".
        text = w.words.gettext(
            "Each column is {what} with its posts and the units below it, whose roles count"
            " as its own."
        )
        b.paragraph(text.format(what=w.a_level(level)))
    column_mm = _column_mm(matrix)
    total = len(matrix.columns)
    per_part = max(1, math.floor((b.width_mm - LABEL_MM) / column_mm))
    for start in range(0, total, per_part):
        end = min(start + per_part, total)
        if per_part < total:
            n = w.words.number
            part = w.words.pgettext("annex", "Parties {first}–{last} of {total}")
            text = part.format(first=n(start + 1), last=n(end), total=n(total))
            b.paragraph(text, bold=True, new_page=start > 0)
        widths = [b.width_mm - (end - start) * column_mm, *[column_mm] * (end - start)]
        b.table(_rows(matrix, start, end, column_mm), widths)
