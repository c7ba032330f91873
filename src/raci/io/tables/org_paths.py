"""Read an org sheet whose hierarchy is a path: one column (``Department/Agency/Office``)
or ``Level 1, Level 2, ...`` columns, as HR systems export."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import attrs

from raci._text import quoted
from raci.cells import normalize_header
from raci.io.tables.org_sheet import org_columns
from raci.io.tables.raci_sheet import empty_table
from raci.io.tables.table import Table, raise_problems
from raci.lookup import is_id, slug
from raci.model import Duplicate, Names, Organization, Unit

#: Header spellings of a path column (compared without case, spaces, ``_`` and ``-``).
PATH_ALIASES = frozenset(
    {
        "path",
        "orgpath",
        "unitpath",
        "fullpath",
        "hierarchy",
        "hierarchypath",
        "orgunitpath",
        "departmentpath",
        "organizationpath",
        "organisationpath",
        "orgstructure",
        "structure",
    }
)
_LEVEL = re.compile(r"(?:level|lvl|tier|l)(\d+)")
#: Separators tried when none is given (docs/format.md says how one is chosen).
SEPARATORS = ("/", " > ", ">", "\\", "|", "»", "::")


def path_columns(header: tuple[str, ...]) -> tuple[int | None, list[int]]:
    """The path column (or None) and the level columns, ordered by level number."""
    path = None
    levels: list[tuple[int, int]] = []
    for col, text in enumerate(header):
        key = normalize_header(text)
        if key in PATH_ALIASES and path is None:
            path = col
        found = _LEVEL.fullmatch(key)
        if found:
            levels.append((int(found.group(1)), col))
    return path, [col for _, col in sorted(levels)]


def looks_like_paths(header: tuple[str, ...]) -> bool:
    """Whether a header row has a path column or two or more level columns."""
    path, levels = path_columns(header)
    return path is not None or len(levels) >= 2


def sniff_separator(texts: list[str]) -> str:
    """The separator the path cells use: the candidate found in the most cells, then the
    most often (``/`` when none is found)."""
    scores = [
        (sum(1 for t in texts if sep in t), sum(t.count(sep) for t in texts), -i, sep)
        for i, sep in enumerate(SEPARATORS)
    ]
    best = max(scores)
    return best[3] if best[0] else "/"


def split_path(text: str, separator: str) -> tuple[str, ...]:
    """A path's names: split at every separator, trimmed, empty names dropped."""
    return tuple(p for p in (part.strip() for part in text.split(separator)) if p)


class _Splitter:
    """Splits paths, taking a unit's own name whole when a name column gives it: in
    ``Port Authority/SAFE PORTS C/O HASAK`` with that name, the ``/`` inside the name does
    not make a unit (nor does it in the paths of the units below)."""

    def __init__(self, separator: str, names: dict[str, str]) -> None:
        self.separator = separator
        self.mark = separator.strip() or separator
        self.names = names
        self.done: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> tuple[str, ...]:
        text = text.strip()
        if text not in self.done:
            self.done[text] = self._split(text)
        return self.done[text]

    def _split(self, text: str) -> tuple[str, ...]:
        name = self.names.get(text, "")
        if name and text == name:
            return (name,)
        if name and text.endswith(name):
            head = text[: -len(name)].rstrip()
            if head.endswith(self.mark) and head[: -len(self.mark)].strip():
                return (*self(head[: -len(self.mark)]), name)
        return split_path(text, self.separator)


@attrs.define
class _Node:
    path: tuple[str, ...]
    row: int
    id: str = ""
    name: str = ""
    attributes: dict[str, str] = attrs.Factory(dict)
    #: Whether a row of the sheet gives this unit (not only a path through it).
    listed: bool = False


#: The most names an id made from a path joins: a deep path of one repeated name
#: (`a/a/…/a`) would otherwise be qualified once per level, each time in full.
_MOST_PARTS = 5


def path_ids(
    paths: Iterable[tuple[str, ...]], taken: Iterable[str] = ()
) -> dict[tuple[str, ...], str]:
    """An id for each path, none of them ``taken``: the slug of its last name, qualified by
    the names above it (``agency.office-of-the-director``) until no other path's is the
    same, by at most :data:`_MOST_PARTS` names; then numbered (``-2``)."""
    used = Counter(taken)
    todo = list(dict.fromkeys(paths))
    depth = dict.fromkeys(todo, 1)
    made: dict[tuple[str, ...], str] = {}

    def candidate(path: tuple[str, ...]) -> str:
        return ".".join(slug(p) or "unit" for p in path[-depth[path] :])

    while todo:
        counts = Counter(candidate(p) for p in todo)
        again = []
        for path in todo:
            text = candidate(path)
            deeper = depth[path] < min(len(path), _MOST_PARTS)
            if (counts[text] > 1 or used[text]) and deeper:
                depth[path] += 1
                again.append(path)
                continue
            unique, k = text, 2
            while used[unique]:
                unique, k = f"{text}-{k}", k + 1
            made[path] = unique
            used[unique] += 1
        todo = again
    return made


def _ids(nodes: dict[tuple[str, ...], _Node]) -> None:
    """Give each unit without an id from the sheet one made from its path (:func:`path_ids`)."""
    made = path_ids(
        (p for p, n in nodes.items() if not n.id), (n.id for n in nodes.values() if n.id)
    )
    for path, ident in made.items():
        nodes[path].id = ident


def org_from_paths(table: Table, separator: str | None = None) -> Organization:
    """The units an org-path sheet lists (a unit for every path and every prefix of one);
    several top names are placed under one top unit named after the file."""
    if not table.rows:
        raise empty_table(table, "an org sheet")
    header_row, header = table.rows[0]
    path_col, level_cols = path_columns(header)
    columns = org_columns(header)
    used = {path_col, *level_cols, columns.get("id"), columns.get("name")}
    extra = {
        col: table.clean(text)
        for col, text in enumerate(header)
        if col not in used and table.clean(text)
    }
    body = table.rows[1:]
    if path_col is not None and separator is None:
        separator = sniff_separator([c[path_col] for _, c in body if path_col < len(c)])
    name_col = columns.get("name")
    split = _Splitter(
        separator or "/",
        {
            table.clean(c[path_col]): table.clean(c[name_col])
            for _, c in body
            if path_col is not None and name_col is not None and max(path_col, name_col) < len(c)
        },
    )
    problems = []
    nodes: dict[tuple[str, ...], _Node] = {}
    duplicates: list[Duplicate] = []
    for row, raw in body:
        cells = [table.clean(c) for c in raw]

        def cell(col: int | None, cells: list[str] = cells) -> str:
            return cells[col] if col is not None and col < len(cells) else ""

        if path_col is not None:
            path = split(cell(path_col))
        else:
            path = tuple(cell(c) for c in level_cols if cell(c))
        if not path:
            where = (path_col if path_col is not None else level_cols[0]) + 1
            problems.append(table.problem(row, where, "this row gives no path"))
            continue
        for i in range(1, len(path)):
            nodes.setdefault(path[:i], _Node(path[:i], row))
        node = nodes.setdefault(path, _Node(path, row))
        if node.listed:
            first = table.at(node.row, 1)
            repeated = node.id or " / ".join(path)
            duplicates.append(Duplicate(repeated, "unit", table.at(row, 1), first))
            continue
        node.row, node.listed = row, True
        ident = cell(columns.get("id"))
        if ident and not is_id(ident):
            reason = f"id {quoted(ident)} must not contain spaces"
            problems.append(table.problem(row, columns["id"] + 1, reason))
        node.id = ident if is_id(ident) else ""
        node.name = cell(columns.get("name"))
        node.attributes = {extra[c]: cells[c] for c in extra if c < len(cells) and cells[c]}
    raise_problems(problems)
    _ids(nodes)
    tops = [n for p, n in nodes.items() if len(p) == 1]
    units: dict[str, Unit] = {}
    parent_of: dict[tuple[str, ...], str | None] = {}
    if len(tops) > 1:
        stem = Path(table.file).stem
        top_id = slug(stem) or "organization"
        while any(n.id == top_id for n in nodes.values()):
            top_id += "-top"
        units[top_id] = Unit(top_id, Names.plain(stem), location=table.at(header_row, 1))
        parent_of[()] = top_id
    else:
        parent_of[()] = None
    for path, node in nodes.items():
        parent = parent_of[path[:-1]] if len(path) == 1 else nodes[path[:-1]].id
        parent_of[path] = node.id
        units[node.id] = Unit(
            node.id,
            Names.plain(node.name or path[-1]),
            parent=parent,
            attributes=node.attributes,
            location=table.at(node.row, 1),
        )
    return Organization(
        names=Names.plain(Path(table.file).stem),
        units=units,
        duplicates=tuple(duplicates),
        layout="org-paths",
        source=table.file,
    )
