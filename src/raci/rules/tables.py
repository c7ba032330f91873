"""Rules about how a table was laid out, for models read from spreadsheets or Markdown."""

from __future__ import annotations

from collections.abc import Iterator

from raci._text import quoted, shorten
from raci.findings import Finding, Severity
from raci.rules.registry import Context, rule


@rule(
    "stray-cell",
    "T101",
    Severity.WARNING,
    "A table row has a cell beyond its header's last column, which is not read.",
    example="""
        | Task   | Lead | Team | Board |
        |--------|------|------|-------|
        | Budget | A    | R    | I     | C |
    """,
    example_file="RACI.md",
    fix="Add a header for the extra column, or remove the extra cell (often a stray `|`).",
)
def stray_cell(ctx: Context) -> Iterator[Finding]:
    for cell in ctx.org.stray_cells:
        yield ctx.finding(
            shorten(cell.text),
            f"cell {quoted(cell.text)} is beyond the header's last column (the header has"
            f" {cell.width} columns), so it is not read",
            cell.location,
            "Give the column a header, or move the text into a column that has one.",
        )


@rule(
    "table-reading",
    "T102",
    Severity.INFO,
    "How a table was read: titles, legends and notes set aside around it, the sheet read,"
    " a row whose manager is outside the sheet placed at the top.",
    example="""
        Task,Lead,Team
        Budget,A,R

        R: Responsible
        A: Accountable
    """,
    example_file="RACI.csv",
    fix="Nothing to fix when raci read the table as meant; else move the table to a sheet"
    " of its own, or name the sheet with `--sheet`.",
)
def table_reading(ctx: Context) -> Iterator[Finding]:
    for note in ctx.org.notes:
        yield ctx.finding(ctx.org.source, note.message, note.location, note.hint)
