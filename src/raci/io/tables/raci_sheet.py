"""What the RACI table layouts share: parties, deliverables, groups and dates read from
cells with one rule for ids, every problem at its cell, and the model they make."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from raci._text import quoted
from raci.cells import normalize_header
from raci.exceptions import LoadError
from raci.findings import Finding
from raci.io.tables.table import Table, is_blank, raise_problems
from raci.lookup import Lookup, as_clause, is_id, slug
from raci.model import (
    Assignment,
    Deliverable,
    Duplicate,
    External,
    Group,
    Names,
    Organization,
    StrayCell,
)
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

#: Every role of every built-in scheme, for reading letters before the scheme is known.
ALL_ROLES = Scheme("any", tuple(r for s in BUILTIN_SCHEMES.values() for r in s.roles))

#: Where a cell of names is split: commas, semicolons, slashes, ``&``, ``+``, `` and ``,
#: line breaks (outside brackets).
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;/&+\n]|\band\b)\s*", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def split_names(text: str) -> list[str]:
    """The names in a cell, split at separators outside brackets, each without a trailing
    note in brackets (``Editor (review)`` is ``Editor``); none in a blank cell (``-``,
    ``N/A``)."""
    if is_blank(text):
        return []
    names: list[str] = []
    depth, start = 0, 0
    pieces: list[str] = []
    for m in re.finditer(r"[()]|" + _NAME_SEPARATORS.pattern, text, re.IGNORECASE):
        token = m.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append(text[start : m.start()])
            start = m.end()
    pieces.append(text[start:])
    for piece in pieces:
        name = _TRAILING_NOTE.sub("", piece).strip(" \t.:-–—*")
        if name and not is_blank(name):
            names.append(name)
    return list(dict.fromkeys(names))


@attrs.define
class _Draft:
    """A deliverable being read: what is known of it so far."""

    id: str
    names: Names
    group: str | None
    due: dt.date | None
    location_row: int
    location_column: int
    assignments: list[tuple[int, int, str, str, int, int]] = attrs.Factory(list)


@attrs.define
class RaciSheet:
    """Collects a RACI table's deliverables and assignments, resolving names against
    ``org`` when one is given (else each name is an external party of its own)."""

    table: Table
    org: Organization | None
    scheme: Scheme
    layout: str
    problems: list[Finding] = attrs.Factory(list)
    groups: dict[str, Group] = attrs.Factory(dict)
    external: dict[str, External] = attrs.Factory(dict)
    drafts: dict[str, _Draft] = attrs.Factory(dict)
    duplicates: list[Duplicate] = attrs.Factory(list)
    stray: list[StrayCell] = attrs.Factory(list)
    _parties: Lookup | None = None
    _known: Lookup | None = None
    _sequence: int = 0

    def problem(self, row: int, column: int, reason: str) -> None:
        """Note a problem at a cell."""
        self.problems.append(self.table.problem(row, column, reason))

    @property
    def language(self) -> str:
        return self.org.language if self.org is not None else "en"

    def party(self, text: str, row: int, column: int, what: str = "name") -> str | None:
        """The id of the party a cell (or header) names; None, and a problem, when an org
        is given and no party of it has that id or name."""
        if self.org is None:
            pid = slug(text) or f"party-{len(self.external) + 1}"
            if pid not in self.external:
                self.external[pid] = External(
                    pid, Names.plain(text, self.language), self.table.at(row, column)
                )
            return pid
        if self._parties is None:
            self._parties = Lookup({p.id: p.names for p in self.org.parties.values()})
        found, hits = self._parties.find(text)
        if found is None:
            if hits:
                listed = ", ".join(hits[:5]) + (", …" if len(hits) > 5 else "")
                why = f"names {len(hits)} parties ({listed}); write the id instead"
            else:
                why = f"is not the id or name of any party of {self.org.source}" + as_clause(
                    self._parties.did_you_mean(text)
                )
            self.problem(row, column, f"{what} {quoted(text)} {why}")
        return found

    def group(self, text: str, row: int, column: int) -> str:
        """The id of the group a cell names; a new group when none matches."""
        known = {**(self.org.groups if self.org else {}), **self.groups}
        gid, _ = Lookup({g.id: g.names for g in known.values()}).find(text)
        if gid is not None:
            return gid
        gid = slug(text) or f"group-{len(known) + 1}"
        self.groups[gid] = Group(gid, Names.plain(text, self.language), self.table.at(row, column))
        return gid

    def due(self, text: str, row: int, column: int) -> dt.date | None:
        """The date a `due` cell gives, or None and a problem."""
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.problem(row, column, f"`due` must be a date like 2020-03-31 (got {quoted(text)})")
        return None

    def deliverable(
        self,
        key: str,
        row: int,
        *,
        by_id: bool = False,
        name: str = "",
        group: str | None = None,
        due: dt.date | None = None,
        again: bool = False,
    ) -> str | None:
        """The id of the deliverable a row names in its first cell (an id when ``by_id``,
        else an id or a name); a new one unless the org or an earlier row has it. A row
        that repeats a deliverable is a duplicate, unless ``again`` (one row per
        assignment)."""
        known = self.org.deliverables if self.org is not None else {}
        if self._known is None:
            self._known = Lookup({d.id: d.names for d in known.values()})
        found, _ = self._known.find(key)
        if found is not None:
            base = known[found]
            did, names = base.id, base.names
            group, due = group or base.group, due or base.due
        else:
            did = key if by_id and is_id(key) else slug(key) or f"row-{row}"
            names = Names.plain(key, self.language)
        if name and name not in names.texts.values():
            names = Names.plain(name, self.language)
        draft = self.drafts.get(did)
        if draft is None:
            self.drafts[did] = _Draft(did, names, group, due, row, 1)
            return did
        if again:
            draft.group = draft.group or group
            draft.due = draft.due or due
            return did
        first = self.table.at(draft.location_row, draft.location_column)
        self.duplicates.append(Duplicate(did, "deliverable", self.table.at(row, 1), first))
        return None

    def assign(self, did: str, letter: str, pid: str, row: int, column: int) -> None:
        """Note that ``pid`` holds ``letter`` on ``did``, as the cell at row, column says."""
        order = self.scheme.letters.index(letter) if letter in self.scheme.letters else 99
        self._sequence += 1
        self.drafts[did].assignments.append((order, self._sequence, letter, pid, row, column))

    def group_rows(self, start: int) -> bool:
        """Whether a row with only its first cell filled is a group heading: not in a table
        where every row is so (a template listing the deliverables only)."""
        return any(any(c.strip() for c in cells[1:]) for _, cells in self.table.rows[start + 1 :])

    def rows(self, start: int, meta: dict[str, int]) -> Iterator[tuple[int, list[str], str | None]]:
        """The rows below the header at ``start`` of a table with a deliverable per row:
        (row, cells, deliverable id or None when the row repeats one). Stray cells, group
        heading rows and the ``name``, ``group`` and ``due`` columns in ``meta`` are taken
        care of here; rows that name no deliverable are problems."""
        header = self.table.rows[start][1]
        by_id = normalize_header(header[0]) == "id"
        headings = "group" not in meta and self.group_rows(start)
        current_group: str | None = None
        for row, raw in self.table.rows[start + 1 :]:
            cells = [self.table.clean(c) for c in raw[: len(header)]]
            self.stray_cells(row, raw, len(header))
            if not any(cells):
                continue  # its only cells are beyond the header

            def cell(field: str, cells: list[str] = cells) -> str:
                col = meta.get(field)
                return cells[col] if col is not None and col < len(cells) else ""

            if headings and cells[0] and not any(cells[1:]):
                current_group = self.group(cells[0], row, 1)
                continue
            if not cells[0]:
                self.problem(row, 1, "this row has cells but names no deliverable in column 1")
                continue
            group = current_group
            if "group" in meta:
                text = cell("group")
                group = self.group(text, row, meta["group"] + 1) if text else None
            due = self.due(cell("due"), row, meta["due"] + 1) if cell("due") else None
            did = self.deliverable(
                cells[0], row, by_id=by_id, name=cell("name"), group=group, due=due
            )
            cells += [""] * (len(header) - len(cells))
            yield row, cells, did

    def stray_cells(self, row: int, cells: tuple[str, ...], width: int) -> None:
        """Note the non-empty cells beyond the header's last column (they are not read)."""
        for col in range(width, len(cells)):
            text = self.table.clean(cells[col])
            if text:
                self.stray.append(StrayCell(self.table.at(row, col + 1), text, width))

    def build(self) -> Organization:
        """The model read; LoadError listing every problem."""
        raise_problems(self.problems)
        deliverables = {}
        for d in self.drafts.values():
            assignments = tuple(
                Assignment(d.id, letter, pid, self.table.at(row, col))
                for _, _, letter, pid, row, col in sorted(d.assignments)
            )
            where = self.table.at(d.location_row, d.location_column)
            deliverables[d.id] = Deliverable(d.id, d.names, d.group, d.due, assignments, where)
        org = self.org
        if org is not None:
            return attrs.evolve(
                org,
                groups={**org.groups, **self.groups},
                deliverables=deliverables,
                duplicates=(*org.duplicates, *self.duplicates),
                stray_cells=tuple(self.stray),
                layout=self.layout,
                source=self.table.file,
            )
        return Organization(
            names=Names.plain(Path(self.table.file).stem),
            scheme=self.scheme,
            external=self.external,
            groups=self.groups,
            deliverables=deliverables,
            duplicates=tuple(self.duplicates),
            stray_cells=tuple(self.stray),
            layout=self.layout,
            source=self.table.file,
        )


def role_of_header(text: str, scheme: Scheme) -> Role | None:
    """The role a column header names: ``Responsible``, ``R``, ``R (Responsible)``,
    ``Accountable party``, any case; None when it names none of the scheme's roles."""
    found = re.findall(r"[^\W\d_]+", text.casefold())
    if not found:
        return None
    # Plurals name the role too: "Contributors", "Approvers".
    words = " ".join(found)
    singular = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found)
    for role in scheme.roles:
        name = f" {role.name.casefold()} "
        if name in f" {words} " or name in f" {singular} ":
            return role
    return scheme.role(words.upper()) if len(words) == 1 else None


def scheme_of_headers(headers: list[str], org: Organization | None) -> tuple[Scheme, int]:
    """The scheme whose roles the headers name (the org's, else the first built-in scheme
    that names the most of them), and how many headers name a role."""
    candidates = [org.scheme] if org is not None else list(BUILTIN_SCHEMES.values())
    best, count = candidates[0], -1
    for scheme in candidates:
        n = sum(1 for h in headers if role_of_header(h, scheme) is not None)
        if n > count:
            best, count = scheme, n
    return best, max(count, 0)


def empty_table(table: Table, what: str) -> LoadError:
    """The error for a table with no rows."""
    return LoadError.at(table.file, 0, 0, f"the table is empty; expected {what}")
