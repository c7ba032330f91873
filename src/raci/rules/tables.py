"""Rules about how a table was laid out, for models read from spreadsheets or Markdown."""

from __future__ import annotations

from collections.abc import Iterator

from raci._text import quoted, shorten
from raci.findings import Finding, Severity, nsay, say
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
            nsay(
                "cell {text} is beyond the header's last column (the header has {n} columns),"
                " so it is not read",
                "cell {text} is beyond the header's last column (the header has {n} columns),"
                " so it is not read",
                cell.width,
                text=quoted(cell.text),
            ),
            cell.location,
            say("Give the column a header, or move the text into a column that has one."),
        )


def reader_notes(ctx: Context) -> Iterator[Finding]:
    """The notes the file's reader (of a table or a catalog) made for this rule, as its
    findings."""
    for note in ctx.org.notes:
        if note.rule == ctx.rule.name:
            message, hint = note.saying or (note.message, None)
            yield ctx.finding(note.subject, message, note.location, hint or note.hint)


@rule(
    "unreadable-cell",
    "T102",
    Severity.ERROR,
    "A table cell (or row) that cannot be read: a mark that is no role letter, a row without"
    " a deliverable; the rest of the table is read.",
    example="""
        | Task   | Lead | Ops |
        |--------|------|-----|
        | Budget | A    | OPS |
    """,
    example_file="RACI.md",
    fix="Write role letters of the scheme in the cell (`R`, `A/R`, `-`), or give the row its"
    " deliverable.",
)
def unreadable_cell(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)


@rule(
    "duplicate-row",
    "T103",
    Severity.WARNING,
    "A table names the same deliverable in two rows; both rows are kept.",
    example="""
        | Task   | Lead | Ops |
        |--------|------|-----|
        | Budget | A    | R   |
        | Budget | R    | A   |
    """,
    example_file="RACI.md",
    fix="Merge the two rows, or give the second its own name.",
)
def duplicate_row(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)


@rule(
    "duplicate-column",
    "T108",
    Severity.WARNING,
    "A matrix has two party columns with the same label; both are read, the second as a"
    " party of its own.",
    example="""
        | Task  | User | Sponsor | User |
        |-------|------|---------|------|
        | Build | R    | A       | I    |
    """,
    example_file="RACI.md",
    fix="Give each column the name of its own party (a row of names above the labels will do).",
)
def duplicate_column(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)


@rule(
    "tables-read",
    "T104",
    Severity.INFO,
    "Which tables of a document were read, and which were skipped and why.",
    example="""
        | R = Responsible | A = Accountable |
        |-----------------|-----------------|
        | does the work   | signs it off    |

        | Task   | Lead | Ops |
        |--------|------|-----|
        | Budget | A    | R   |
    """,
    example_file="RACI.md",
    fix="Nothing to fix; a table skipped by mistake needs a deliverable column and role"
    " letters (or role columns).",
)
def tables_read(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)


@rule(
    "names-split",
    "T105",
    Severity.INFO,
    'A cell of names was split at a `/`, `&`, `+` or a word for "and" (`Ana e Rui`)'
    " because both sides name parties elsewhere in the table.",
    example="""
        | Task   | Responsible | Accountable |
        |--------|-------------|-------------|
        | Budget | Ann/Bo      | Ann         |
        | Audit  | Bo          | Ann         |
    """,
    example_file="RACI.md",
    fix="Separate names with commas (`Ann, Bo`) to say so plainly.",
)
def names_split(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)


@rule(
    "turned-table",
    "T106",
    Severity.WARNING,
    "A matrix that looks turned: people as rows, deliverables as columns.",
    example="""
        | Person | Budget | Audit | Plan |
        |--------|--------|-------|------|
        | Ann    | A      | A     | A    |
        | Bo     | R      | R     | R    |
    """,
    example_file="RACI.md",
    fix="Swap rows and columns: a row per deliverable, a column per party.",
)
def turned_table(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)


@rule(
    "table-reading",
    "T107",
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
    yield from reader_notes(ctx)
