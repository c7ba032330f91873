"""Which layout a spreadsheet or Markdown table has, and the model it describes."""

from __future__ import annotations

from pathlib import Path

import attrs

from raci.exceptions import LoadError
from raci.io._files import read_text
from raci.io._markdown import markdown_tables
from raci.io._matrix_sheet import markdown_matrix, matrix_from_table
from raci.io._org_sheet import looks_like_org, org_columns, org_from_table
from raci.io._tables import Table, parse_roles, read_table
from raci.model import Organization
from raci.schemes import DEFAULT_SCHEME

#: Suffixes of the files read as tables.
TABLE_SUFFIXES = (".csv", ".xlsx", ".md", ".markdown")
#: Rows above an org sheet's header (titles) that are skipped in looking for it.
TITLE_ROWS = 5


def _org_sheet(table: Table) -> Table | None:
    """The table from its header on when it lists units rather than a matrix, else None.

    A header like an org sheet's still means a matrix when its "parent" column holds
    role letters that name no row (a party may well be called "Manager").
    """
    start = next(
        (i for i, (_, cells) in enumerate(table.rows[:TITLE_ROWS]) if looks_like_org(cells)),
        None,
    )
    if start is None:
        return None
    table = attrs.evolve(table, rows=table.rows[start:])
    columns = org_columns(table.rows[0][1])
    body = [cells for _, cells in table.rows[1:]]

    def values(col: int | None) -> list[str]:
        return [table.clean(c[col]).casefold() for c in body if col is not None and col < len(c)]

    parents = [v for v in values(columns["parent"]) if v]
    rows = set(values(columns.get("id"))) | set(values(columns.get("name")))
    if (
        not parents
        or any(v in rows for v in parents)
        or not all(parse_roles(v, DEFAULT_SCHEME) for v in parents)
    ):
        return table
    return None


def read_tables(
    path: Path, org: Organization | None = None, sheet: str | None = None
) -> Organization:
    """The model in a CSV, XLSX or Markdown file: a matrix or an org sheet.

    ``org`` resolves a matrix's parties (by id or name); an org sheet does not need it.
    ``sheet`` names the XLSX sheet to read (default: the first).
    """
    if sheet is not None and path.suffix.lower() != ".xlsx":
        raise LoadError.at(str(path), 0, 0, "only an XLSX workbook has sheets to choose from")
    if path.suffix.lower() in (".md", ".markdown"):
        tables = markdown_tables(read_text(path), str(path))
        if not tables:
            raise LoadError.at(str(path), 0, 0, "no table found; expected a Markdown pipe table")
        return matrix_from_table(markdown_matrix(tables, org), org)
    table = read_table(path, sheet)
    units = _org_sheet(table)
    if units is None:
        return matrix_from_table(table, org)
    if org is not None:
        reason = "this is an org sheet (id or name, and parent columns), not a matrix"
        raise LoadError([units.problem(units.rows[0][0], 1, reason)])
    return org_from_table(units)
