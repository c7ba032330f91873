"""Which layout a spreadsheet or Markdown table has, and the model it describes.

RACI tables come as a matrix (letters under party columns), by role (names under role
columns), long (one assignment per row) or, in a document, as a list of roles under each
deliverable's heading (names beside role rows); org sheets with a parent column or with paths.
A table that is none of these gets one message naming its columns and the layouts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs

from raci._text import quoted
from raci.cells import normalize_header
from raci.exceptions import LoadError
from raci.findings import Field, Listed, Said, SourceLocation, nsay, say
from raci.io._files import read_table_text, read_text
from raci.io.tables.contacts import contact_columns
from raci.io.tables.data_columns import holds_numbers
from raci.io.tables.headings import own_heads
from raci.io.tables.legend import Legend, legend_of
from raci.io.tables.long_layout import long_layout
from raci.io.tables.long_sheet import long_scheme, read_long
from raci.io.tables.markdown import markdown_tables
from raci.io.tables.matrix_sheet import (
    header_index,
    infer_scheme,
    matrix_from_table,
    read_matrix,
    role_cells,
)
from raci.io.tables.org_paths import looks_like_paths, org_from_paths
from raci.io.tables.org_sheet import looks_like_org, org_columns, org_from_table
from raci.io.tables.org_units import people_in_units
from raci.io.tables.raci_sheet import ALL_ROLES, RaciSheet, names_column, names_known
from raci.io.tables.role_columns import holds_names, read_roles, role_cell_texts, role_columns
from raci.io.tables.role_headers import begins_with_role_name, role_of_header, scheme_of_headers
from raci.io.tables.role_rows import lists_roles, read_role_rows
from raci.io.tables.spelled_out import letters_for_words
from raci.io.tables.table import Table, not_read, parse_roles, reading_note, table_from_csv
from raci.io.tables.xlsx import table_from_xlsx
from raci.model import Organization
from raci.schemes import BUILTIN_SCHEMES, DEFAULT_SCHEME, Scheme

#: Suffixes of the files read as tables.
#: Rows above a header (titles) that are skipped in looking for it.
TITLE_ROWS = 5
#: The layouts a table may have, as the message for a table that has none says them.
ACCEPTED = (
    "a matrix (a row per deliverable, a column per party, role letters such as `R` or"
    " `A/R` in the cells)",
    "roles by column (Responsible, Accountable, Consulted, Informed columns holding names)",
    "one assignment per row (deliverable, party and role columns)",
    "an org sheet (id or name, and parent columns)",
    "an org path sheet (a path column such as `Department/Agency/Office`, or Level 1,"
    " Level 2... columns)",
)


def _org_sheet(table: Table) -> Table | None:
    """The table from its header on when it lists units rather than a RACI table, else None.

    A header like an org sheet's still means a matrix when its "parent" column is empty or
    holds role letters that name no row, and other columns hold role letters (a party may
    well be called "Manager" or "Parent").
    """
    start = _header(table, looks_like_org)
    if start is None:
        return None
    table = attrs.evolve(table, rows=table.rows[start:])
    columns = org_columns(table.rows[0][1])
    body = [cells for _, cells in table.rows[1:]]

    def values(col: int | None) -> list[str]:
        return [table.clean(c[col]).casefold() for c in body if col is not None and col < len(c)]

    parents = [v for v in values(columns["parent"]) if v]
    rows = set(values(columns.get("id"))) | set(values(columns.get("name")))
    if any(v in rows for v in parents) or not all(parse_roles(v, ALL_ROLES) for v in parents):
        return table
    others = set(range(len(table.rows[0][1]))) - set(columns.values())
    letters = any(parse_roles(v, ALL_ROLES) for col in others for v in values(col) if v)
    return None if letters or parents else table


def _header(table: Table, test: Callable[[tuple[str, ...]], bool]) -> int | None:
    """The index of the header row when it passes ``test``: the first row with two or more
    cells filled (the rows above are titles; one, in a one-column table), among the
    first few."""
    width = max((sum(1 for c in cells if c.strip()) for _, cells in table.rows), default=0)
    for i, (_, cells) in enumerate(table.rows[:TITLE_ROWS]):
        if sum(1 for c in cells if c.strip()) >= min(2, width):
            return i if test(cells) else None
    return None


@attrs.frozen
class _Found:
    """A RACI layout recognised in a table: its kind, header row and scheme."""

    kind: str
    start: int
    scheme: Scheme
    table: Table
    #: The long table's column of each field.
    columns: Mapping[str, int] | None = None


#: How a note names the legacy encodings a CSV file may be read in.
_ENCODING_NAMES = {"cp1252": "Windows-1252 (Western)", "mac_roman": "Mac OS Roman"}
#: The layout name (``Organization.layout``) of each kind of RACI table.
_LAYOUTS = {
    "matrix": "matrix",
    "roles": "roles-by-column",
    "long": "long",
    "role-rows": "roles-by-row",
}
#: A legend cell: ``R = Responsible``, ``R: Responsible``, ``R - Responsible``.
_LETTER_IS = re.compile(r"^\(?[A-Za-z]\)?\s*[=:–—-]\s*([^\W\d_].*)$")


def _names_role(text: str) -> bool:
    """Whether a cell names a role as a legend does: ``Responsible``, ``R = Responsible``,
    ``R (Responsible)``; a bare letter does not."""
    text = text.strip()
    said = _LETTER_IS.match(text)
    if said:
        text = said.group(1)
    return len(text) > 1 and role_of_header(text, ALL_ROLES) is not None


def is_legend(table: Table) -> bool:
    """Whether a table explains the role letters rather than assigning them: its header
    names roles from its first cell on (``| R = Responsible | A = Accountable |``), or two
    or more of its rows, and half of them at least, name a role (``| R | Responsible |``)."""
    if table.rows and _legend_header(table.rows[0][1]):
        return True
    rows = sum(any(map(_explains, cells)) for _, cells in table.rows)
    return rows >= 2 and rows * 2 >= len(table.rows)


def _legend_header(header: tuple[str, ...]) -> bool:
    """Whether a header names roles from its first cell on, as a legend laid out across
    does (a table of roles by column starts with its deliverable column)."""
    return bool(header) and _names_role(header[0]) and sum(map(_names_role, header)) >= 2


def _explains(cell: str) -> bool:
    """Whether a cell explains a letter: ``Responsible``, ``Responsible: does the work``,
    ``R = Responsible``; not letters joined by a dash (``R-A``, ``R-I-A``)."""
    cell = cell.strip()
    said = _LETTER_IS.match(cell)
    if said:
        return parse_roles(said.group(1), ALL_ROLES) is None
    return begins_with_role_name(cell)


def _recognise(table: Table, org: Organization | None) -> _Found | None:
    """The RACI layout of a table, or None."""
    scheme = org.scheme if org is not None else ALL_ROLES
    if any(_starts_id_name(cells) for _, cells in table.rows[:TITLE_ROWS]):
        return _Found("matrix", 0, scheme, table)  # as matrix exports write it
    start = _header(table, lambda cells: True)
    if start is not None:
        header = table.rows[start][1]
        layout = long_layout(table, start)
        if layout is not None:
            return _Found("long", start, org.scheme if org else DEFAULT_SCHEME, table, layout)
        if _legend_header(header):
            return None
        roles, named = scheme_of_headers(list(header[1:]), org)
        columns = role_columns(header, roles)
        if named >= 2 and holds_names(table, start, columns, roles):
            return _Found("roles", start, roles, table)
    if is_legend(table):
        return None
    if role_cells(table, scheme):
        return _Found("matrix", 0, scheme, table)
    body = [c for _, cells in table.rows[1:] for c in cells[1:] if table.clean(c)]
    if not body and len(table.rows) > 1 and not contact_columns(table.rows[0][1]):
        return _Found("matrix", 0, scheme, table)  # an empty template: deliverables, no roles
    return None


def _role_rows(table: Table, org: Organization | None) -> _Found | None:
    """A document's table that lists the roles of the deliverable its heading names
    (:mod:`role_rows`), or None."""
    scheme, _ = scheme_of_headers([cells[0] for _, cells in table.rows if cells], org)
    return _Found("role-rows", 0, scheme, table) if lists_roles(table, scheme) else None


def _starts_id_name(cells: tuple[str, ...]) -> bool:
    return [normalize_header(c) for c in cells[:2]] == ["id", "name"]


def _exported_matrix(table: Table) -> bool:
    """Whether the table is a matrix as raci exports it: ``id, name, group`` first (after
    the heading rows), whatever its parties are called."""
    return any(
        [normalize_header(c) for c in cells[:3]] == ["id", "name", "group"]
        for _, cells in table.rows[:TITLE_ROWS]
    )


def _no_layout(table: Table) -> LoadError:
    header = next((cells for _, cells in table.rows if any(c.strip() for c in cells)), ())
    names = [quoted(table.clean(c)) for c in header if table.clean(c)]
    shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
    reason = (
        f"this table is not one raci reads (columns found: {shown or 'none'}); expected "
        + "; or ".join(ACCEPTED)
    )
    if len(table.sheets) > 1:
        sheets = ", ".join(quoted(s) for s in table.sheets)
        reason += f"; the workbook's sheets are {sheets}: choose one with `--sheet NAME`"
    row = table.rows[0][0] if table.rows else 0
    return LoadError([table.problem(row, 1, reason)])


def _scheme(found: list[_Found], org: Organization | None, legend: Legend | None) -> Scheme:
    """The scheme of the RACI tables found: the org's, else what the matrices' cells use
    (or the ``legend``, when it defines letters no built-in scheme has together), else
    what the role columns or role cells name."""
    if org is not None:
        return org.scheme
    matrices = [f.table for f in found if f.kind == "matrix"]
    if matrices:
        return infer_scheme(matrices, legend)
    first = found[0]
    if first.kind == "long":
        return long_scheme(first.table, first.start, None, (first.columns or {}).get("role"))
    return first.scheme


def _read_raci(
    found: list[_Found],
    org: Organization | None,
    scheme: Scheme | None,
    legend: Legend | None = None,
) -> RaciSheet:
    """The sheet of the RACI tables found (one, or a document's several: the same party in
    two tables is one party; each table's rows belong to the group of its heading), with
    the scheme given, else the one they use (:func:`_scheme`, ``legend`` beside them)."""
    chosen = scheme or _scheme(found, org, legend)
    sheet = RaciSheet(found[0].table, org, chosen, _LAYOUTS[found[0].kind], sections=len(found) > 1)
    if legend is not None:
        sheet.codes = {code.code: code for code in legend.codes}
    if (
        legend is not None
        and chosen not in BUILTIN_SCHEMES.values()
        and chosen == legend.scheme(chosen.letters)
    ):
        sheet.notes.append(
            reading_note(
                legend.location,
                say(
                    "no built-in scheme has every letter the table uses, and this legend"
                    " defines them all ({entries}), so its letters are read as the table's"
                    " scheme, {scheme}",
                    entries=legend.said(),
                    scheme=chosen.name,
                ),
                say("Name a built-in scheme with --scheme to read the letters otherwise."),
            )
        )
    sheet.known_names = names_known(
        [
            *(
                text
                for f in found
                if f.kind == "roles"
                for text in role_cell_texts(f.table, f.start, sheet.scheme)
            ),
            *(cells[1] for f in found if f.kind == "role-rows" for _, cells in f.table.rows),
        ]
    )
    for f in found:
        sheet.table = f.table
        if f.kind == "long":
            read_long(sheet, f.start, f.columns)
        elif f.kind == "roles":
            read_roles(sheet, f.start)
        elif f.kind == "role-rows":
            read_role_rows(sheet)
        else:
            read_matrix(sheet)
    return sheet


def _markdown(path: Path, org: Organization | None, scheme: Scheme | None) -> Organization:
    """Every RACI table of a Markdown document, read as one; the tables that are not
    (legends, histories, summaries) are skipped, with a note of each."""
    tables = [letters_for_words(t) for t in markdown_tables(read_text(path), str(path))]
    if not tables:
        raise LoadError.at(str(path), 0, 0, "no table found; expected a Markdown pipe table")
    recognised = [(t, _role_rows(t, org) or _recognise(t, org)) for t in tables]
    found = [f for _, f in recognised if f is not None]
    if not found:
        raise _no_layout(max(tables, key=lambda t: len(t.rows)))
    legends = [t for t, f in recognised if f is None and is_legend(t)]
    legend = (
        legend_of(
            (
                [(text, t.at(n, k)) for k, text in enumerate(cells, start=1)]
                for t in legends
                for n, cells in t.rows
            ),
            legends[0].at(legends[0].rows[0][0], 1),
        )
        if legends
        else None
    )
    sheet = _read_raci(found, org, scheme, legend)
    lines = [f.table.rows[f.start][0] for f in found]
    for table, f in recognised:
        sheet.table = table
        if f is None:
            why = _why_skipped(table, org)
            skipped = say("table skipped: {why}", why=why)
            sheet.note("tables-read", table.file, table.rows[0][0], 1, skipped)
        elif len(found) > 1 and f is found[0]:
            how = (
                say("each lists the roles of the deliverable its heading names")
                if all(f.kind == "role-rows" for f in found)
                else say("each table's rows are grouped under its heading")
            )
            read = nsay(
                "{n} tables read as one (at lines {lines}); {how}",
                "{n} tables read as one (at lines {lines}); {how}",
                len(found),
                lines=Listed(tuple(lines)),
                how=how,
            )
            sheet.note("tables-read", table.file, lines[0], 1, read)
    org = sheet.build()
    notes = [note for t in tables for note in t.notes]
    return attrs.evolve(org, notes=(*notes, *org.notes)) if notes else org


def _why_skipped(table: Table, org: Organization | None) -> Said:
    """Why a table of a document is not read as a RACI table."""
    if is_legend(table):
        return say("it explains the role letters (a legend)")
    header = table.rows[0][1]
    contacts = contact_columns(header)
    if contacts:
        named = Listed(tuple(quoted(table.clean(text)) for text in contacts))
        if not any(table.clean(c) for _, cells in table.rows[1:] for c in cells[1:]):
            return say(
                "its columns ({columns}) are contact details, not parties or roles, and are"
                " empty (a contact list, not a responsibility table)",
                columns=named,
            )
        return say(
            "its columns ({columns}) are contact details, not parties or roles (a contact"
            " list, not a responsibility table)",
            columns=named,
        )
    spots = role_columns(header, scheme_of_headers(list(header[1:]), org)[0])
    texts = [table.clean(c[k]) for _, c in table.rows[1:] for k in spots if k < len(c)]
    if holds_numbers(texts):
        columns = [quoted(table.clean(header[k])) for k in spots]
        named = Listed((*columns[:4], "…") if len(columns) > 4 else tuple(columns))
        return say(
            "its columns named for roles ({columns}) hold numbers, and no cell reads as a"
            " name or role letters (hours or counts per role, not a responsibility table)",
            columns=named,
        )
    return say("it holds no role letters and names no roles (not a responsibility table)")


def read_tables(
    path: Path,
    org: Organization | None = None,
    sheet: str | None = None,
    path_separator: str | None = None,
    scheme: Scheme | None = None,
    group_by: str | None = None,
) -> Organization:
    """The model in a CSV, XLSX or Markdown file: a RACI table (matrix, by role, long) or
    an org sheet (parent column, or paths).

    ``org`` resolves a RACI table's parties (by id or name); an org sheet does not need it.
    ``sheet`` names the XLSX sheet to read (default: the first); ``path_separator``
    splits an org path column (default: the separator most cells use, else ``/``);
    ``scheme`` is the RACI table's scheme (default: the org's, else what the cells use);
    ``group_by`` places the people of an org sheet in units named by that column.
    """
    if sheet is not None and path.suffix.lower() != ".xlsx":
        raise LoadError.at(str(path), 0, 0, "only an XLSX workbook has sheets to choose from")
    if path.suffix.lower() in (".md", ".markdown"):
        return _markdown(path, org, scheme)
    if path.suffix.lower() == ".xlsx":
        table = table_from_xlsx(path, sheet)
    else:
        text, encoding = read_table_text(path)
        table = table_from_csv(text, str(path))
        if encoding not in ("utf-8", "utf-16"):
            note = reading_note(
                SourceLocation(str(path), 1, 1),
                say(
                    "the file is not UTF-8 text; it is read as {encoding}",
                    encoding=_ENCODING_NAMES[encoding],
                ),
                say("Save it as CSV UTF-8 to be sure of its accented letters."),
            )
            table = attrs.evolve(table, notes=(note, *table.notes))
    table = letters_for_words(table)
    org = _read_sheet(table, org, path_separator, scheme, group_by)
    return attrs.evolve(org, notes=(*table.notes, *org.notes)) if table.notes else org


def _read_sheet(
    table: Table,
    org: Organization | None,
    path_separator: str | None,
    scheme: Scheme | None,
    group_by: str | None = None,
) -> Organization:
    """The model in the table of a spreadsheet."""
    units, start = _org_like(table)
    if group_by is not None and units is None:
        reason = (
            "grouping people into units takes an org sheet with a parent column (a person"
            " a row), and this table is not one"
        )
        raise LoadError([table.problem(table.rows[0][0] if table.rows else 0, 1, reason)])
    if units is not None or start is not None:
        if org is not None:
            reason = "this is an org sheet (it lists units), not a RACI table"
            header = units.rows[0][0] if units is not None else table.rows[start or 0][0]
            raise LoadError([table.problem(header, 1, reason)])
        if units is not None and group_by is not None:
            return people_in_units(units, group_by)
        if units is not None:
            model = org_from_table(units)
        else:
            model = org_from_paths(attrs.evolve(table, rows=table.rows[start:]), path_separator)
        unread = tuple(n for t in table.others for n in (*t.notes, not_read(t, table)))
        return attrs.evolve(model, notes=(*model.notes, *unread)) if unread else model
    if not table.rows:
        return matrix_from_table(table, org)
    return _read_blocks(table, org, scheme)


def _org_like(table: Table) -> tuple[Table | None, int | None]:
    """The table from its header on when it lists units, else None; else the index of its
    header when it is an org path sheet, else None."""
    if _exported_matrix(table):
        return None, None
    units = _org_sheet(table)
    return units, _header(table, looks_like_paths) if units is None else None


def _read_blocks(table: Table, org: Organization | None, scheme: Scheme | None) -> Organization:
    """Every RACI table of a sheet (``table``, the largest, and its ``others``), read as
    one; the others that are not (a list, a register) set aside, with a note of each."""
    tables = sorted((table, *table.others), key=lambda t: t.rows[0][0])
    recognised = [
        (t, None if t is not table and _org_like(t) != (None, None) else _recognise(t, org))
        for t in tables
    ]
    found = [f for _, f in recognised if f is not None]
    if not found:
        raise _no_layout(table)
    if len(found) > 1:
        found = _headed(found)
    sheet = _read_raci(found, org, scheme, table.legend)
    read = table if any(t is table for t, f in recognised if f) else found[0].table
    for t, f in recognised:
        if t is not table:
            sheet.notes.extend(t.notes)
        if f is None:
            sheet.notes.append(not_read(t, read))
    if len(found) > 1:
        first = found[0].table
        places = [f.table.at(f.table.rows[0][0], 1) for f in found]
        at: Field = (
            Listed(tuple(p.cell.partition("!")[2] for p in places))
            if first.sheet is not None
            else say("lines {lines}", lines=Listed(tuple(p.line for p in places)))
        )
        heads = Listed(tuple(quoted(f.table.heading[1]) for f in found if f.table.heading))
        as_one = (
            nsay(
                "{n} tables of the sheet read as one (at {at}); each table's rows are grouped"
                " under the cell its header has of its own ({heads})",
                "{n} tables of the sheet read as one (at {at}); each table's rows are grouped"
                " under the cell its header has of its own ({heads})",
                len(found),
                at=at,
                heads=heads,
            )
            if heads.items
            else nsay(
                "{n} tables of the sheet read as one (at {at})",
                "{n} tables of the sheet read as one (at {at})",
                len(found),
                at=at,
            )
        )
        sheet.table = first
        sheet.note("tables-read", first.file, first.rows[0][0], 1, as_one)
    return sheet.build()


def _headed(found: list[_Found]) -> list[_Found]:
    """The tables of a sheet, each headed by the one cell its header has of its own when
    another table's header is the same but for it (``ID | Part 1 | Ann | Bo`` over one,
    ``ID | Part 2 | Ann | Bo`` over the next)."""
    headers = []
    for f in found:
        start = header_index(f.table, f.scheme) if f.kind == "matrix" else f.start
        row, cells = f.table.rows[start]
        headers.append((row, [f.table.clean(c) for c in cells]))
    heads = own_heads([labels for _, labels in headers])
    return [
        attrs.evolve(f, table=attrs.evolve(f.table, heading=(row, head)))
        if head and not names_column(head)
        else f
        for f, (row, _), head in zip(found, headers, heads, strict=True)
    ]
