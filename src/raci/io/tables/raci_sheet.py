"""What the RACI table layouts share: parties, deliverables, groups and dates read from
cells with one rule for ids, every problem at its cell, and the model they make."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from raci._text import quoted
from raci.cells import normalize_header
from raci.exceptions import LoadError
from raci.findings import Field, Finding, Listed, Said, SourceLocation, nsay, say
from raci.io.tables.bullets import listed, unbulleted
from raci.io.tables.headings import (
    Headings,
    in_tasks_look,
    not_parents,
    outline_number,
    outline_parents,
    parents_by_number,
    repeats_header,
    unlike_the_others,
)
from raci.io.tables.legend import Code
from raci.io.tables.region import is_mark
from raci.io.tables.table import Table, is_blank, raise_problems
from raci.lookup import Lookup, as_clause, is_id, slug
from raci.model import (
    Assignment,
    Deliverable,
    External,
    Group,
    Names,
    Organization,
    StrayCell,
    TableNote,
)
from raci.schemes import BUILTIN_SCHEMES, Scheme

#: Every role of every built-in scheme, for reading letters before the scheme is known.
ALL_ROLES = Scheme("any", tuple(r for s in BUILTIN_SCHEMES.values() for r in s.roles))

#: What people put between names in a cell: commas, semicolons, line breaks, `` and ``,
#: a slash with spaces around it (outside brackets).
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;\n]|\s/\s|\band\b)\s*", re.IGNORECASE)
#: What may join two names or be part of one name: a bare ``/``, ``&`` or ``+`` ("R&D",
#: "Product/Tech"), or a whole word for "and" in another language between two names
#: (``Cauan e Celso``; ``Recursos y Personal`` may be one name).
_JOINERS = re.compile(r"\s*[/&+]\s*|\s+(?:e|y|i|et|en|ja|og|och|und|и)\s+", re.IGNORECASE)
_NOTE = re.compile(r"\s*\([^()]*\)")
_WORDS = re.compile(r"[^\W\d_]+")
#: Header cells of a column of row numbers or ids before the deliverable's name.
ID_HEADERS = frozenset(
    {
        "#",
        "id",
        "no",
        "no.",
        "nr",
        "nr.",
        "num",
        "number",
        "wbs",
        "step",
        "seq",
        "ref",
        "key",
        "code",
        "n°",
        "nº",
        "№",
        "núm",
        "nummer",
        "код",
        "шаг",
        "№п/п",
        "代号",
        "编号",
        "序号",
    }
)


#: Header cells of a column of the deliverables' names after a first column of ids or
#: groups (``Wave | Task``, ``Phase | Aufgabe``), compared as ``normalize_header`` leaves them.
TASK_HEADERS = frozenset(
    {
        "task",
        "taskname",
        "activity",
        "activityname",
        "deliverable",
        "workitem",
        "description",
        "aufgabe",
        "tätigkeit",
        "tarea",
        "actividad",
        "tâche",
        "tache",
        "activité",
        "tarefa",
        "atividade",
        "souslot",
        "souslots",
        "задача",
        "работа",
        "任务",
        "任務",
        "活动",
        "タスク",
        "作業",
    }
)
#: Header cells of a column that groups the rows.
GROUP_HEADERS = (
    "group",
    "category",
    "phase",
    "stage",
    "area",
    "keyarea",
    "keymanagementarea",
    "managementarea",
    "lot",
    "lots",
    "workstream",
    "milestone",
    "fase",
    "etapa",
    "étape",
    "etappe",
    "этап",
    "阶段",
    "フェーズ",
)


def key_columns(table: Table, start: int) -> dict[str, int]:
    """Where a row's task is when the second column holds it, in the table whose header is
    at ``start``: ``{"group": 0, "key": 1}`` after a column of groups, else ``{"name": 1}``
    (the first column keeps the id); ``{}`` otherwise.

    The second column holds the task when its header says so (:data:`TASK_HEADERS`, or
    ``Step`` after a group's header) or when the first column groups the rows
    (:func:`_groups_rows`). The first column holds groups when its header says so
    (:func:`_heads_groups`) or when it groups the rows.
    """
    header = [table.clean(c) for c in table.rows[start][1]]
    if len(header) < 3:
        return {}
    second = normalize_header(header[1])
    body = [[table.clean(c) for c in cells[:2]] for _, cells in table.rows[start + 1 :]]
    merged_down = table.merged_down_below(table.rows[start][0], table.sheet_column(1))
    heads_groups = _heads_groups(header[0])
    grouped = heads_groups or _groups_rows(body, merged_down)
    if second in TASK_HEADERS or (heads_groups and second == "step") or grouped:
        return {"group": 0, "key": 1} if grouped else {"name": 1}
    return {}


def _heads_groups(text: str) -> bool:
    """Whether a header cell heads a column of groups: a group's word (``Phase``), alone
    or after what it groups (``Task Category``, ``Project Phase``)."""
    words = _WORDS.findall(text.casefold())
    return normalize_header(text) in GROUP_HEADERS or (
        len(words) > 1 and words[-1] in GROUP_HEADERS
    )


def names_column(text: str) -> bool:
    """Whether a header cell names a column (``Task``, ``ID``, ``Phase``), or is empty,
    rather than heading the rows below it (``ANALYSIS``, ``Part 1``)."""
    key = normalize_header(text)
    return not key or key in TASK_HEADERS or key in ID_HEADERS or key in GROUP_HEADERS


def labels_tasks(text: str) -> bool:
    """Whether a cell is the label of a deliverable column (``Task/Deliverable``,
    ``Activity``, ``Tâche``): each of its words heads the tasks."""
    words = _WORDS.findall(text.casefold())
    return normalize_header(text) in TASK_HEADERS or (
        bool(words) and all(w in TASK_HEADERS for w in words)
    )


def _groups_rows(body: Sequence[Sequence[str]], merged_down: bool = False) -> bool:
    """Whether a first column groups the rows: blank in most of them (a heading written
    once for several rows, as a merged cell leaves it), or in some when its cells are
    merged down over several rows (``merged_down``), but not all, while the second
    column has words, not role letters, in every row."""
    rows = [cells for cells in body if any(cells)]
    if len(rows) < 2 or any(len(cells) < 2 or not cells[1] or is_mark(cells[1]) for cells in rows):
        return False
    blank = sum(1 for cells in rows if not cells[0])
    return (blank > 0 if merged_down else len(rows) / 2 <= blank) and blank < len(rows)


def split_names(text: str, known: Collection[str] = ()) -> list[str]:
    """The names in a cell, each without its notes in brackets (``Editor (review)`` is
    ``Editor``); none in a blank cell (``-``, ``N/A``).

    A cell splits at what people put between names (:data:`_NAME_SEPARATORS`) outside
    brackets; a name joined by a bare ``/``, ``&`` or ``+`` (``Product/Tech Lead``,
    ``R&D Manager``) or by "and" in another language (``Ana e Rui``, ``Ana y Rui``)
    splits only when every part is in ``known`` (as :func:`slug` makes
    ids), that is, names a party elsewhere.
    """
    if is_blank(text):
        return []
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
    names: list[str] = []
    for piece in pieces:
        name = _NOTE.sub("", piece).strip(" \t.:-–—*")
        if not name or is_blank(name):
            continue
        parts = [p for p in _JOINERS.split(name) if p]
        if len(parts) > 1 and all(slug(p) in known for p in parts):
            names.extend(parts)
        else:
            names.append(name)
    return list(dict.fromkeys(names))


def name_parts(text: str) -> list[str]:
    """Every part the names in a cell may split into: each name, split at its joiners too
    (``Ana e Rui`` gives ``Ana`` and ``Rui``)."""
    return [part for name in split_names(text) for part in _JOINERS.split(name) if part]


def names_known(cells: Iterable[str]) -> frozenset[str]:
    """The ids of the names that cells give whole (without a joiner, :data:`_JOINERS`): the
    parties a joined name may be split into."""
    return frozenset(
        slug(name) for text in cells for name in split_names(text) if not _JOINERS.search(name)
    )


@attrs.define
class _Draft:
    """A deliverable being read: what is known of it so far."""

    id: str
    names: Names
    group: str | None
    due: dt.date | None
    location: SourceLocation
    #: (letter's order, sequence, letter, party, place, whether the cell says it itself
    #: rather than a merged cell written over it).
    assignments: list[tuple[int, int, str, str, SourceLocation, bool]] = attrs.Factory(list)


@attrs.define
class RaciSheet:
    """Collects the deliverables and assignments of one or more RACI tables (``table`` is
    the one being read), resolving names against ``org`` when one is given (else each name
    is an external party of its own, one party however many tables name it)."""

    table: Table
    org: Organization | None
    scheme: Scheme
    layout: str
    problems: list[Finding] = attrs.Factory(list)
    notes: list[TableNote] = attrs.Factory(list)
    groups: dict[str, Group] = attrs.Factory(dict)
    external: dict[str, External] = attrs.Factory(dict)
    drafts: dict[str, _Draft] = attrs.Factory(dict)
    stray: list[StrayCell] = attrs.Factory(list)
    #: The ids of the names given whole somewhere (:func:`names_known`).
    known_names: frozenset[str] = frozenset()
    #: Whether the tables are sections of one document, each heading the group of its rows.
    sections: bool = False
    #: The names written above the header of the table being read (by column, ``""`` in
    #: the key columns), when they name its parties.
    names_above: tuple[str, ...] = ()
    #: The codes a legend defines whole (``AI``), which cells hold instead of roles.
    codes: Mapping[str, Code] = attrs.Factory(dict)
    _parties: Lookup | None = None
    _known: Lookup | None = None
    _sequence: int = 0

    def problem(self, row: int, column: int, reason: str) -> None:
        """Note a problem at a cell that keeps the table from loading."""
        self.problems.append(self.table.problem(row, column, reason))

    def note(
        self,
        rule: str,
        subject: str,
        row: int,
        column: int,
        message: str | Said,
        hint: str | Said = "",
    ) -> None:
        """Note, for the table rule ``rule``, something at a cell; the table still loads."""
        self.notes.append(TableNote(rule, subject, message, self.table.at(row, column), hint))

    def unreadable(self, row: int, column: int, message: str | Said, hint: str | Said = "") -> None:
        """Note a cell (or row) that is not read (rule ``unreadable-cell``)."""
        self.note("unreadable-cell", self.table.file, row, column, message, hint)

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

    def names(self, text: str, row: int, column: int) -> list[str]:
        """The names in a cell of names; an ``info`` when a joined name is split."""
        found = split_names(text, self.known_names)
        whole = split_names(text)
        if found != whole:
            joined = [n for n in whole if n not in found]
            split = nsay(
                "{joined} is read as {n} parties ({names}), as each part names a party"
                " elsewhere in the table",
                "{joined} is read as {n} parties ({names}), as each part names a party"
                " elsewhere in the table",
                len(found),
                joined=Listed(tuple(quoted(n) for n in joined)),
                names=Listed(tuple(quoted(n) for n in found)),
            )
            hint = say(
                "Write {names} to say so plainly, or give the joined name to no party on its"
                " own if it is one party.",
                names=quoted(", ".join(found)),
            )
            self.note("names-split", text, row, column, split, hint)
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
    ) -> str:
        """The id of the deliverable a row names in its first cell (an id when ``by_id``,
        else an id or a name); a new one unless the org or an earlier row has it.

        A row that repeats a deliverable (unless ``again``: one row per assignment) is kept
        as a deliverable of its own: under its section's id when it is in another section,
        else with a number and a ``duplicate-row`` note.
        """
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
        if draft is not None and again:
            draft.group = draft.group or group
            draft.due = draft.due or due
            return did
        if draft is not None and group is not None and draft.group != group:
            did = f"{group}-{did}"
            draft = self.drafts.get(did)
            if draft is None:
                did = self._free(did)
        if draft is not None:
            first, did = draft.location, self._free(did)
            fields: dict[str, Field] = {"key": quoted(key), "first": str(first), "id": did}
            repeated = (
                say(
                    "this row names {key} again (named {name} here) (first at {first}); both"
                    " rows are kept, this one as `{id}`",
                    name=quoted(name),
                    **fields,
                )
                if name and name != key
                else say(
                    "this row names {key} again (first at {first}); both rows are kept, this"
                    " one as `{id}`",
                    **fields,
                )
            )
            hint = say("Merge the two rows, or give this one a name of its own.")
            self.note("duplicate-row", did, row, 1, repeated, hint)
        self.drafts[did] = _Draft(did, names, group, due, self.table.at(row, 1))
        return did

    def _free(self, did: str) -> str:
        """``did``, or ``did-2``, ``did-3``... the first that no deliverable has."""
        n, free = 1, did
        while free in self.drafts:
            n += 1
            free = f"{did}-{n}"
        return free

    def assign(
        self, did: str, letter: str, pid: str, row: int, column: int, *, own: bool = True
    ) -> None:
        """Note that ``pid`` holds ``letter`` on ``did``, as the cell at row, column says
        (``own``: in its own text, not as part of a cell merged over several)."""
        order = self.scheme.letters.index(letter) if letter in self.scheme.letters else 99
        self._sequence += 1
        where = self.table.at(row, column)
        self.drafts[did].assignments.append((order, self._sequence, letter, pid, where, own))

    def group_rows(self, start: int) -> bool:
        """Whether a row with only its first cell filled is a group heading: not in a table
        where every row is so (a template listing the deliverables only)."""
        return any(any(c.strip() for c in cells[1:]) for _, cells in self.table.rows[start + 1 :])

    def rows(
        self, start: int, meta: dict[str, int], *, by_id: bool = False
    ) -> Iterator[tuple[int, list[str], str]]:
        """The rows below the header at ``start`` of a table with a deliverable per row:
        (row, cells, deliverable id). Stray cells, heading rows (:mod:`headings`), repeated
        header rows and the ``name``, ``group`` and ``due`` columns in ``meta`` are taken
        care of here (``key``: the column naming the deliverable, else the first); rows that
        name no deliverable are noted. ``by_id``: the first column holds ids (or numbers)."""
        header = self.table.rows[start][1]
        labels = [self.table.clean(c) for c in header]
        by_id = by_id or normalize_header(header[0]) == "id"
        key_col = meta.get("key", 0)
        keys = {0, key_col, *([meta["name"]] if by_id and "name" in meta else [])}
        headings = "group" not in meta and self.group_rows(start)
        start_row = self.table.rows[start][0]
        heading = self.table.heading if self.sections and self.table.heading else None
        above = Headings(
            outer=heading[1] if heading and heading[1] else None,
            section=self._header_heads(start, labels, keys),
        )
        first = (heading[0] if heading and not above.section else start_row, 1)
        current_group = self.group(above.text, *first) if above.text else None
        last_group: str | None = None
        nested = False
        # Rows of one cell after the last row of several are notes under the table.
        last = max(
            (
                r
                for r, raw in self.table.rows[start + 1 :]
                if any(c.strip() for c in raw[1 : len(header)])
            ),
            default=start_row,
        )
        header_end = self.table.merged_down(start_row, header)
        tasks = self._tasks_without_roles(start, len(header), last) if headings else set()
        in_list = listed(raw[key_col] for _, raw in self.table.rows[start + 1 :] if raw[key_col:])
        if headings:
            names = [
                (r, unbulleted(raw[0], in_list)) for r, raw in self.table.rows[start + 1 :] if raw
            ]
            filled = {
                r for r, raw in self.table.rows[start + 1 :] if any(c.strip() for c in raw[1:])
            }
            tasks = (tasks | not_parents(names, filled)) - outline_parents(names)
        heading_rows: dict[int, Hashable] = {}
        numbers = self._outline(start, meta) if by_id and headings else {}
        parents = parents_by_number(list(numbers.items()))
        for row, raw in self.table.rows[start + 1 :]:
            cells = [self.table.clean(c) for c in raw[: len(header)]]
            for k in {0, key_col} & set(range(len(cells))):
                cells[k] = unbulleted(cells[k], in_list)
            self.stray_cells(row, raw, len(header))
            if not any(cells):
                continue  # its only cells are beyond the header
            if row <= header_end:
                self._header_label(row, cells, start_row)
                continue

            def cell(field: str, cells: list[str] = cells) -> str:
                col = meta.get(field)
                return cells[col] if col is not None and col < len(cells) else ""

            if self._repeats_names(row, cells, keys):
                continue
            head = repeats_header(cells, labels, keys)
            if head is not None:
                if head:
                    above.start_section(head)
                    current_group = self.group(above.text or head, row, 1)
                else:
                    self.note(
                        "table-reading",
                        self.table.file,
                        row,
                        1,
                        say(
                            "row {row} repeats the header (of row {start}), so it is not read"
                            " as a deliverable",
                            row=row,
                            start=start_row,
                        ),
                    )
                continue
            if cells[0] and not any(cells[1:]) and labels_tasks(cells[0]):
                self.note(
                    "table-reading",
                    self.table.file,
                    row,
                    1,
                    say(
                        "row {row} holds only {label}, the label of the deliverable column, so"
                        " it is read as a label, not as a deliverable or a group",
                        row=row,
                        label=quoted(cells[0]),
                    ),
                )
                continue
            if numbers.get(row):
                name = meta["name"]
                parent = row in parents and not any(cells[name + 1 :])
                if above.numbered(numbers[row], cells[name] if parent else None):
                    current_group = self.group(above.text, row, name + 1) if above.text else None
                if parent:
                    heading_rows[row] = self.table.look(row, name + 1)
                    continue
            if headings and cells[0] and not any(cells[1:]) and row not in tasks:
                if row > last:
                    self.note(
                        "table-reading",
                        self.table.file,
                        row,
                        1,
                        say(
                            "row {row} holds only {label}, below the table's last deliverable,"
                            " so it is read as a note, not as a group",
                            row=row,
                            label=quoted(cells[0]),
                        ),
                        say("Leave an empty row between the table and notes under it."),
                    )
                    continue
                if above.heading(cells[0]) and not nested:
                    nested = True
                    self.note(
                        "table-reading",
                        self.table.file,
                        row,
                        1,
                        say(
                            "heading rows follow one another: {label} is read as nested in the"
                            " heading above it (group {group})",
                            label=quoted(cells[0]),
                            group=quoted(above.text or ""),
                        ),
                        say("Put a deliverable between heading rows that are not nested."),
                    )
                current_group = self.group(above.text or cells[0], row, 1)
                heading_rows[row] = self.table.look(row, 1)
                continue
            above.row()
            key = (cells[key_col] if key_col < len(cells) else "") or (
                cell("name") if by_id else ""
            )
            if not key:
                self.unreadable(
                    row,
                    key_col + 1,
                    say(
                        "this row has cells but names no deliverable (cell {cell} is empty), so"
                        " it is not read",
                        cell=self.table.ref(row, key_col + 1),
                    ),
                    say("Write the deliverable's name in the row's first cell."),
                )
                continue
            group = current_group
            if "group" in meta:
                text = cell("group")
                if text:
                    group = self.group(text, row, meta["group"] + 1)
                else:  # a merged cell of the first column carries its group down
                    group = last_group if meta["group"] == 0 else None
                last_group = group
            due = self.due(cell("due"), row, meta["due"] + 1) if cell("due") else None
            did = self.deliverable(
                key,
                row,
                by_id=by_id and bool(cells[0]) and key_col == 0,
                name=cell("name"),
                group=group,
                due=due,
            )
            cells += [""] * (len(header) - len(cells))
            yield row, cells, did
        for row in unlike_the_others(heading_rows):
            self.note(
                "table-reading",
                self.table.file,
                row,
                1,
                say(
                    "row {row} holds only its first cell and is read as a heading, but it does"
                    " not look like the other heading rows",
                    row=row,
                ),
                say(
                    "If it is a deliverable, give it its roles; if a heading, set it off as the"
                    " others are."
                ),
            )

    def _outline(self, start: int, meta: Mapping[str, int]) -> dict[int, str]:
        """The outline number of each row below the header at ``start`` when its first
        column numbers an outline (``1``, ``1.1``, ``1.1.1``) before the name column, and
        a row of it heads the next; empty otherwise."""
        if meta.get("name") != 1:
            return {}
        numbers = {
            row: outline_number(self.table.clean(raw[0]))
            for row, raw in self.table.rows[start + 1 :]
            if raw and any(c.strip() for c in raw)
        }
        return numbers if parents_by_number(list(numbers.items())) else {}

    def _tasks_without_roles(self, start: int, width: int, last: int) -> set[int]:
        """The rows after the header at ``start`` (up to row ``last``) with only their
        first cell filled that are tasks without roles rather than headings, as their look
        says (:func:`in_tasks_look`): none when the table's looks are not known."""
        if not self.table.looks:
            return set()
        candidates: dict[int, Hashable] = {}
        tasks: list[Hashable] = []
        for row, raw in self.table.rows[start + 1 :]:
            if row > last or not raw or not raw[0].strip():
                continue
            if any(c.strip() for c in raw[1:width]):
                tasks.append(self.table.look(row, 1))
            else:
                candidates[row] = self.table.look(row, 1)
        return in_tasks_look(candidates, tasks)

    def _header_label(self, row: int, cells: list[str], start_row: int) -> None:
        """Note the text of a row that the header's cells are merged down over: the
        header's label (a title in its corner), not a deliverable or a group."""
        label = say(
            "row {row} is part of the header (its cells are merged down from row {start}), so"
            " {texts} is read as the header's label, not as a deliverable or a group",
            row=row,
            start=start_row,
            texts=Listed(tuple(quoted(text) for text in cells if text)),
        )
        self.note("table-reading", self.table.file, row, 1, label)

    def _header_heads(self, start: int, labels: list[str], keys: Collection[int]) -> str | None:
        """The header's cell that heads the rows below it: a key cell that names no column
        (``ANALYSIS``, not ``Task``; ``Part 1`` after ``ID``) when a later row repeats the
        header with a text of its own there (``DESIGN``)."""
        own = [labels[k] for k in sorted(keys) if k < len(labels) and not names_column(labels[k])]
        if not own or not any(
            repeats_header([self.table.clean(c) for c in cells], labels, keys)
            for _, cells in self.table.rows[start + 1 :]
        ):
            return None
        return own[0]

    def _repeats_names(self, row: int, cells: list[str], keys: Collection[int]) -> bool:
        """Whether a row repeats the names written above the header (a two-row header
        written again over the next part of the table); noted, as it is not read."""
        names = self.names_above
        if not names or any(cells[k] for k in keys if k < len(cells)):
            return False
        rest = range(len(names))
        if any(
            (cells[i] if i < len(cells) else "").casefold() != names[i].casefold() for i in rest
        ):
            return False
        self.note(
            "table-reading",
            self.table.file,
            row,
            1,
            say(
                "row {row} repeats the names above the header, so it is not read as a deliverable",
                row=row,
            ),
        )
        return True

    def _once(self, draft: _Draft) -> Iterator[Assignment]:
        """The assignments of a deliverable in scheme order, each role of a party once: a
        second cell that gives it again (a party's two columns) is noted; a cell merged
        over two columns of one party gives it once, without a word."""
        first: dict[tuple[str, str], SourceLocation] = {}
        for _, _, letter, pid, where, own in sorted(draft.assignments, key=lambda a: a[:2]):
            there = first.setdefault((letter, pid), where)
            if there is where:
                yield Assignment(draft.id, letter, pid, where)
            elif own:
                self.notes.append(
                    TableNote(
                        "table-reading",
                        draft.id,
                        say(
                            "this cell gives `{party}` the role `{letter}` on `{id}` again"
                            " (first at {first}), so it is read once",
                            party=pid,
                            letter=letter,
                            id=draft.id,
                            first=_cell_of(there),
                        ),
                        where,
                        say("Give each role of a party once in a row."),
                    )
                )

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
            assignments = tuple(self._once(d))
            deliverables[d.id] = Deliverable(d.id, d.names, d.group, d.due, assignments, d.location)
        notes = tuple(sorted(self.notes, key=lambda n: (n.location.line, n.location.column)))
        org = self.org
        if org is not None:
            return attrs.evolve(
                org,
                scheme=self.scheme,
                groups={**org.groups, **self.groups},
                deliverables=deliverables,
                stray_cells=tuple(self.stray),
                notes=notes,
                layout=self.layout,
                source=self.table.file,
            )
        return Organization(
            names=Names.plain(Path(self.table.file).stem),
            scheme=self.scheme,
            external=self.external,
            groups=self.groups,
            deliverables=deliverables,
            stray_cells=tuple(self.stray),
            notes=notes,
            layout=self.layout,
            source=self.table.file,
        )


def _cell_of(where: SourceLocation) -> str:
    """A cell's place as a message names it within its table: ``B2``, ``line 2, cell 3``."""
    return where.sheet_cell[1] or f"line {where.line}, cell {where.cell_column}"


def empty_table(table: Table, what: str) -> LoadError:
    """The error for a table with no rows."""
    return LoadError.at(table.file, 0, 0, f"the table is empty; expected {what}")
