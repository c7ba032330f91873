"""Read a responsibility matrix (rows of deliverables, columns of parties) into a model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from raci.cells import normalize_header
from raci.exceptions import LoadError
from raci.findings import Finding
from raci.io._tables import Table, parse_roles, raise_problems
from raci.lookup import Lookup, as_clause, is_id, slug
from raci.model import (
    Assignment,
    Deliverable,
    Duplicate,
    External,
    Group,
    Names,
    Organization,
)
from raci.schemes import BUILTIN_SCHEMES, DEFAULT_SCHEME, Scheme

#: Optional columns beside the row key (matched case-insensitively).
META_COLUMNS = ("name", "group", "due")

_ALL_LETTERS = Scheme("any", tuple(r for s in BUILTIN_SCHEMES.values() for r in s.roles))


def role_cells(table: Table, scheme: Scheme) -> int:
    """How many cells (outside the first column) hold role letters of ``scheme``."""
    letters = set(scheme.letters)
    count = 0
    for _, cells in table.rows:
        for text in cells[1:]:
            found = parse_roles(text, scheme)
            if found and letters.issuperset(found):
                count += 1
    return count


def _is_legend(table: Table, scheme: Scheme) -> bool:
    """Whether a table explains the letters: two or more rows name a role of the scheme."""
    names = {r.name.casefold() for r in scheme.roles}
    return sum(any(c.strip().casefold() in names for c in cells) for _, cells in table.rows) >= 2


def _header_index(table: Table, scheme: Scheme) -> int:
    """The index of the header row.

    That is the row that starts ``id, name`` (as exports write it), else the last row with
    two or more cells above the first row that holds role letters (rows above it are
    titles), else the first row with two or more cells.
    """
    for i, (_, cells) in enumerate(table.rows):
        if [normalize_header(c) for c in cells[:2]] == ["id", "name"]:
            return i
    letters = set(scheme.letters)
    candidate = None
    for i, (_, cells) in enumerate(table.rows):
        filled = sum(1 for c in cells if c.strip())
        if candidate is not None and cells and cells[0].strip():
            for text in cells[1:]:
                found = parse_roles(text, scheme)
                if found and letters.issuperset(found):
                    return candidate
        if filled >= 2:
            candidate = i
    for i, (_, cells) in enumerate(table.rows):
        if sum(1 for c in cells if c.strip()) >= 2:
            return i
    return 0


def _infer_scheme(table: Table) -> Scheme:
    """The first built-in scheme that has every letter the cells use (RACI if none does)."""
    used: set[str] = set()
    for _, cells in table.rows:
        for text in cells[1:]:
            used.update(parse_roles(text, _ALL_LETTERS) or ())
    for scheme in BUILTIN_SCHEMES.values():
        if used and used.issubset(scheme.letters):
            return scheme
    return DEFAULT_SCHEME


@attrs.define
class _Reader:
    table: Table
    org: Organization | None
    scheme: Scheme
    problems: list[Finding] = attrs.Factory(list)
    groups: dict[str, Group] = attrs.Factory(dict)
    external: dict[str, External] = attrs.Factory(dict)

    def problem(self, row: int, column: int, reason: str) -> None:
        self.problems.append(self.table.problem(row, column, reason))

    @property
    def language(self) -> str:
        return self.org.language if self.org is not None else "en"

    def parties(self, header: tuple[str, ...], row: int, columns: list[int]) -> dict[int, str]:
        """The party of each party column."""
        org = self.org
        lookup = Lookup({p.id: p.names for p in org.parties.values()}) if org else None
        found: dict[int, str] = {}
        first: dict[str, int] = {}
        for col in columns:
            text = self.table.clean(header[col])
            if org is not None and lookup is not None:
                pid, hits = lookup.find(text)
                if pid is None:
                    listed = ", ".join(hits[:5]) + (", …" if len(hits) > 5 else "")
                    why = (
                        f"names {len(hits)} parties ({listed}); write the id instead"
                        if hits
                        else f"is not the id or name of any party of {org.source}"
                        + as_clause(lookup.did_you_mean(text))
                    )
                    self.problem(row, col + 1, f"column header `{text}` {why}")
                    continue
            else:
                pid = text if is_id(text) else slug(text) or f"column-{col + 1}"
                self.external.setdefault(
                    pid, External(pid, Names.plain(text), self.table.at(row, col + 1))
                )
            if pid in first:
                self.problem(
                    row,
                    col + 1,
                    f"party `{pid}` has a second column (first in column {first[pid]})",
                )
                continue
            first[pid] = col + 1
            found[col] = pid
        return found

    def group(self, text: str, where: tuple[int, int]) -> str:
        """The id of the group a cell names; a new group when none matches."""
        known = {**(self.org.groups if self.org else {}), **self.groups}
        gid, _ = Lookup({g.id: g.names for g in known.values()}).find(text)
        if gid is not None:
            return gid
        gid = text if is_id(text) else slug(text) or f"group-{len(known) + 1}"
        self.groups[gid] = Group(gid, Names.plain(text, self.language), self.table.at(*where))
        return gid

    def due(self, text: str, row: int, column: int) -> dt.date | None:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.problem(row, column, f"`due` must be a date like 2020-03-31 (got {text!r})")
        return None

    def read(self) -> tuple[dict[str, Deliverable], list[tuple[str, int, int]]]:
        rows = self.table.rows
        start = _header_index(self.table, self.scheme)
        header_row, header = rows[start]
        meta: dict[str, int] = {}
        party_columns: list[int] = []
        for col, text in enumerate(header[1:], start=1):
            key = normalize_header(self.table.clean(text))
            if key in META_COLUMNS and key not in meta:
                meta[key] = col
            elif self.table.clean(text):
                party_columns.append(col)
            elif any(len(cells) > col and cells[col].strip() for _, cells in rows[start + 1 :]):
                self.problem(header_row, col + 1, "this column has cells but no header")
        parties = self.parties(header, header_row, party_columns)
        known = self.org.deliverables if self.org is not None else {}
        lookup = Lookup({d.id: d.names for d in known.values()})
        order = {letter: i for i, letter in enumerate(self.scheme.letters)}
        deliverables: dict[str, Deliverable] = {}
        repeated: list[tuple[str, int, int]] = []
        current_group: str | None = None
        for row, raw in rows[start + 1 :]:
            cells = [self.table.clean(c) for c in raw]

            def cell(col: int | None, cells: list[str] = cells) -> str:
                return cells[col] if col is not None and col < len(cells) else ""

            others = [c for c in cells[1:] if c]
            if "group" not in meta and cells[0] and not others:
                current_group = self.group(cells[0], (row, 1))
                continue
            if not cells[0]:
                self.problem(row, 1, "this row has cells but names no deliverable in column 1")
                continue
            key = cells[0]
            found_id, _ = lookup.find(key)
            if found_id is not None:
                base = known[found_id]
                did, names, group, due = base.id, base.names, base.group, base.due
            else:
                did = key if is_id(key) else slug(key) or f"row-{row}"
                names, group, due = Names.plain(key, self.language), None, None
            name = cell(meta.get("name"))
            if name and name not in names.texts.values():
                names = Names.plain(name, self.language)
            if "group" in meta:
                text = cell(meta["group"])
                group = self.group(text, (row, meta["group"] + 1)) if text else None
            elif current_group is not None:
                group = current_group
            if cell(meta.get("due")):
                due = self.due(cell(meta["due"]), row, meta["due"] + 1)
            found: list[tuple[int, int, str]] = []
            for col in parties:
                text = cell(col)
                if not text:
                    continue
                letters = parse_roles(text, self.scheme)
                if letters is None:
                    self.problem(
                        row,
                        col + 1,
                        f"cannot read `{text}` as roles; expected letters of"
                        f" {self.scheme.name} ({', '.join(self.scheme.letters)})"
                        " such as `A`, `R/A` or `-`",
                    )
                    continue
                found += [(order.get(letter, len(order)), col, letter) for letter in letters]
            assignments = tuple(
                Assignment(did, letter, parties[col], self.table.at(row, col + 1))
                for _, col, letter in sorted(found)
            )
            if did in deliverables:
                repeated.append((did, row, 1))
                continue
            deliverables[did] = Deliverable(
                did, names, group, due, assignments, self.table.at(row, 1)
            )
        return deliverables, repeated


def matrix_from_table(table: Table, org: Organization | None = None) -> Organization:
    """The model a matrix describes: ``org`` with the matrix's deliverables, or, without an
    org, the header cells as external parties and no hierarchy."""
    if not table.rows:
        raise LoadError.at(table.file, 0, 0, "the table is empty; expected a matrix")
    scheme = org.scheme if org is not None else _infer_scheme(table)
    reader = _Reader(table, org, scheme)
    deliverables, repeated = reader.read()
    raise_problems(reader.problems)
    duplicates = tuple(
        Duplicate(did, "deliverable", table.at(row, col), deliverables[did].location)
        for did, row, col in repeated
    )
    if org is not None:
        return attrs.evolve(
            org,
            groups={**org.groups, **reader.groups},
            deliverables=deliverables,
            duplicates=(*org.duplicates, *duplicates),
            source=table.file,
        )
    return Organization(
        names=Names.plain(Path(table.file).stem),
        scheme=scheme,
        external=reader.external,
        groups=reader.groups,
        deliverables=deliverables,
        duplicates=duplicates,
        source=table.file,
    )


def _header_key(table: Table) -> tuple[str, ...]:
    return tuple(normalize_header(c) for c in table.rows[0][1])


def _joined(tables: list[Table]) -> Table:
    """Matrix tables with the same columns (one per section of a document) as one table;
    without a group column, each table's heading becomes the group of its rows."""
    header = tables[0].rows[0]
    headings = "group" not in _header_key(tables[0])
    rows = [header]
    for t in tables:
        if headings and t.heading is not None:
            rows.append((t.heading[0], (t.heading[1],)))
        rows.extend(t.rows[1:])
    return Table(tables[0].file, tuple(rows), guarded=False)


def markdown_matrix(tables: list[Table], org: Organization | None) -> Table:
    """The matrix among a Markdown document's tables: the one with the most cells holding
    role letters, leaving out legend tables (those that name the roles); several matrix
    tables with the same columns are read as one, each under its heading as a group."""
    scheme = org.scheme if org is not None else _ALL_LETTERS
    matrices = [t for t in tables if not _is_legend(t, scheme) and role_cells(t, scheme)]
    if len(matrices) > 1 and len({_header_key(t) for t in matrices}) == 1:
        return _joined(matrices)
    return max(tables, key=lambda t: (not _is_legend(t, scheme), role_cells(t, scheme)))
