"""The responsibility matrix as a table ready to render: deliverables as rows, parties as
columns (grouped under their division, optionally rolled up to a level), role letters in
cells. Every matrix format renders a :class:`Matrix`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from raci.analysis.levels import level_rank
from raci.analysis.names import role_name
from raci.lookup import Lookup
from raci.model import External, Names, Organization
from raci.render.palette import legend
from raci.schemes import Scheme
from raci.words import Words, words_for

#: Header rows above the party names: at most this many levels of enclosing units.
MAX_GROUP_ROWS = 2


@attrs.frozen
class Column:
    """A party column; ``groups`` are the (id, name) of enclosing units, top first."""

    id: str
    label: str
    groups: tuple[tuple[str, str], ...] = ()
    #: The header text that reads back as this party (its name, or its id when the name
    #: would be ambiguous).
    key: str = ""


@attrs.frozen
class Row:
    """A deliverable and the letters in each column, in scheme order."""

    id: str
    label: str
    group: str | None
    group_label: str
    due: str
    cells: tuple[tuple[str, ...], ...]
    #: The group text that reads back as this group (name, or id when ambiguous).
    group_key: str = ""
    #: The text that reads back as this deliverable (its name, or its id when ambiguous).
    key: str = ""


@attrs.frozen
class Span:
    """A header cell over ``size`` adjacent columns (empty ``label`` over ungrouped ones)."""

    label: str
    size: int


@attrs.frozen
class Matrix:
    """A responsibility matrix ready to render."""

    title: str
    scheme: Scheme
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    header_rows: tuple[tuple[Span, ...], ...]
    language: str

    def sections(self) -> list[tuple[str, list[Row]]]:
        """Consecutive rows of one group, with the group's name ('' for no group)."""
        out: list[tuple[str, list[Row]]] = []
        for row in self.rows:
            if not out or out[-1][1][-1].group != row.group:
                out.append((row.group_label, []))
            out[-1][1].append(row)
        return out

    def parties(self, start: int, stop: int) -> Matrix:
        """The matrix of the party columns ``start`` to ``stop`` alone: every row, with its
        cells of those columns, under their own header rows."""
        columns = self.columns[start:stop]
        rows = tuple(attrs.evolve(r, cells=r.cells[start:stop]) for r in self.rows)
        headers = _header_rows(columns, together=True)
        return attrs.evolve(self, columns=columns, rows=rows, header_rows=headers)

    def legend(self) -> list[tuple[str, str]]:
        """(letter, role name) for every role of the scheme, in the matrix's language."""
        return [(row.letter, row.name) for row in legend(self.scheme, self.language)]

    @property
    def words(self) -> Words:
        """The fixed words of the matrix's language."""
        return words_for(self.language)

    @property
    def heading(self) -> str:
        """The title of the matrix's page: 'Responsibility matrix: UN-Habitat'."""
        return self.words.gettext("Responsibility matrix: {title}").format(title=self.title)

    @property
    def running(self) -> str:
        """What the document is, in its running header."""
        return self.words.gettext("Responsibility matrix")

    def part(self, first: int, last: int, total: int) -> str:
        """The caption of a part of a wide matrix: 'Parties 1–30 of 125'."""
        n = self.words.number
        text = self.words.gettext("Parties {first}–{last} of {total}")
        return text.format(first=n(first), last=n(last), total=n(total))

    def combined(self) -> str:
        """How a cell holding several roles is coloured, for the legend."""
        accountable = self.scheme.letter_of("accountable")
        role = self.scheme.role(accountable) if accountable else None
        words = self.words
        if role is None:
            return words.gettext("A cell with several roles takes the colour of its first role.")
        name = role_name(self.scheme, role, self.language)
        # Translators: {role} is a role's name (Accountable), {letter} its letter (A).
        combined = words.gettext(
            "A cell with several roles takes the colour of {role} ({letter}) when it holds it,"
            " else of its first role; the stripe is the colour of the next role."
        )
        return combined.format(role=name, letter=role.letter)


def cell_text(letters: Sequence[str]) -> str:
    """The letters of one cell as people write them: ``R/A``."""
    return "/".join(letters)


# -- building the table ------------------------------------------------------


def _tree_order(org: Organization) -> list[str]:
    """Parties in chart order: each unit, its posts, then the units below; externals last."""
    order: list[str] = []
    posts: dict[str, list[str]] = {}
    for pid, post in org.positions.items():
        posts.setdefault(post.unit, []).append(pid)

    for uid in org.top_down():
        order.append(uid)
        order.extend(posts.get(uid, ()))
    placed = set(order)
    order += [p for p in org.positions if p not in placed]
    order += list(org.external)
    return order


_T = TypeVar("_T")


def _fold_down(org: Organization, base: _T, step: Callable[[str, _T], _T]) -> Callable[[str], _T]:
    """``value(unit)`` = ``step(unit, value(parent))`` (``base`` above a top unit), each unit
    computed once: the whole hierarchy is walked once, however deep.

    A unit in a cycle folds over the cycle's other units, the way ``org.ancestors`` stops.
    """
    memo: dict[str, _T] = {}

    def direct(uid: str) -> _T:
        value = base
        for u in [*reversed(org.ancestors(uid)), uid]:
            value = step(u, value)
        return value

    def value(uid: str) -> _T:
        if uid in memo:
            return memo[uid]
        path: list[str] = []
        on_path: set[str] = set()
        at: str | None = uid
        while at is not None and at in org.units and at not in memo and at not in on_path:
            path.append(at)
            on_path.add(at)
            at = org.units[at].parent
        if at is not None and at in on_path:
            cycle = path[path.index(at) :]
            for u in cycle:
                memo[u] = direct(u)
            path = path[: len(path) - len(cycle)]
        below = memo[at] if at is not None and at in memo else base
        for u in reversed(path):
            below = memo[u] = step(u, below)
        return memo[uid]

    return value


def _rollup(org: Organization, level: str | None) -> dict[str, str]:
    """The column each party's roles count for: itself, or its ancestor at ``level``."""
    if level is None:
        return {p: p for p in org.parties}
    rank = level_rank(org, level)

    # Walking up from a unit: ("found", u) at the first unit at the level; ("above", u)
    # when a unit above the level comes first, u being the unit just below it (None when
    # the walk starts above the level); ("end", None) when no level is met.
    def step(uid: str, above: tuple[str, str | None]) -> tuple[str, str | None]:
        here = org.levels.rank(org.units[uid].level)
        if here == rank:
            return ("found", uid)
        if here is not None and here < rank:
            return ("above", None)
        return ("above", uid) if above == ("above", None) else above

    start: tuple[str, str | None] = ("end", None)
    walk = _fold_down(org, start, step)
    target: dict[str, str] = {}
    for pid in org.parties:
        unit = org.unit_of(pid)
        target[pid] = pid
        if unit is not None:
            # No ancestor at the level (a section right under a division, rolled up to
            # branches): the topmost unit below the level stands for it.
            found = walk(unit)[1]
            if found is not None:
                target[pid] = found
    return target


def _group_chains(org: Organization) -> Callable[[str], tuple[str, ...]]:
    """The units enclosing a unit, below the top unit: at most MAX_GROUP_ROWS + 1 ids."""

    def step(uid: str, chain: tuple[str, ...]) -> tuple[str, ...]:
        return chain if len(chain) > MAX_GROUP_ROWS else (*chain, uid)

    return _fold_down(org, (), step)


def _groups_of(
    org: Organization, pid: str, lang: str | None, chains: Callable[[str], tuple[str, ...]]
) -> tuple[tuple[str, str], ...]:
    party = org.parties.get(pid)
    if isinstance(party, External):
        return (("", words_for(lang or org.language).gettext("External parties")),)
    unit = org.unit_of(pid) if party is not None else None
    if unit is None:
        return ()
    chain = chains(unit)[1:]
    return tuple((u, org.units[u].names.get(lang)) for u in chain[:MAX_GROUP_ROWS])


def _header_rows(
    columns: Sequence[Column], *, together: bool = False
) -> tuple[tuple[Span, ...], ...]:
    """One row of spans per level of grouping that puts two or more columns together (and
    does not put them all together, unless ``together``: the columns are a part of a
    wider matrix, and the group says where the part sits)."""
    rows: list[tuple[Span, ...]] = []
    depth = max((len(c.groups) for c in columns), default=0)
    for k in range(depth):
        runs: list[tuple[tuple[str, str] | None, int]] = []
        for c in columns:
            key = c.groups[k] if len(c.groups) > k else None
            if runs and key is not None and runs[-1][0] == key:
                runs[-1] = (key, runs[-1][1] + 1)
            else:
                runs.append((key, 1))
        if (len(runs) > 1 or together) and any(key is not None and n > 1 for key, n in runs):
            spans, i = [], 0
            for key, n in runs:
                # A unit alone under its own name needs no heading above its column.
                alone = n == 1 and key is not None and key[0] == columns[i].id
                spans.append(Span(key[1] if key and not alone else "", n))
                i += n
            rows.append(tuple(spans))
    return tuple(rows)


def _keys(labels: Mapping[str, str], names: Mapping[str, Names]) -> dict[str, str]:
    """For each id, the text that reads back as it: its label when unambiguous, else the id."""
    lookup = Lookup(names)
    return {i: label if lookup.find(label)[0] == i else i for i, label in labels.items()}


def _choose(wanted: Iterable[str], known: Mapping[str, Names], what: str) -> list[str]:
    """Resolve ids or names (any case); QueryError naming the first unknown one, with
    "did you mean"."""
    lookup = Lookup(known)
    return list(dict.fromkeys(lookup.resolve(text, what) for text in wanted))


def build_matrix(
    org: Organization,
    *,
    level: str | None = None,
    lang: str | None = None,
    parties: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
) -> Matrix:
    """The matrix of ``org``: rows by group in file order, columns in chart order.

    ``level`` rolls columns up to that level (a unit's and its posts' roles count for
    their ancestor at that level); ``parties`` chooses the columns (ids or names, in that
    order); ``groups`` keeps only the rows of those groups. Raises QueryError for an
    unknown level, party or group.
    """
    target = _rollup(org, level)
    deliverables = list(org.deliverables.values())
    if groups is not None:
        known_groups = {d.group: Names.plain(d.group) for d in deliverables if d.group}
        known_groups.update({g.id: g.names for g in org.groups.values()})
        chosen_groups = set(_choose(groups, known_groups, "group"))
        deliverables = [d for d in deliverables if d.group in chosen_groups]
    # Ungrouped rows first, then each group where its first row appears.
    group_order = {None: -1} | {
        g: i for i, g in enumerate(dict.fromkeys(d.group for d in deliverables if d.group))
    }
    deliverables.sort(key=lambda d: group_order[d.group])

    def column_of(pid: str) -> str:
        return target.get(pid, pid)

    held = {column_of(a.party) for d in deliverables for a in d.assignments}
    order = _tree_order(org)
    candidates = list(dict.fromkeys(column_of(p) for p in order))
    candidates += sorted(held - set(candidates))  # ids the model does not define
    if parties is not None:
        known = {
            c: org.parties[c].names if c in org.parties else Names.plain(c) for c in candidates
        }
        what = f"party column at level {level!r}" if level else "party"
        column_ids = _choose(parties, known, what)
    else:
        column_ids = [c for c in candidates if c in held]

    labels = {c: org.display_name(c, lang) for c in column_ids}
    party_keys = _keys(labels, {p.id: p.names for p in org.parties.values()})
    chains = _group_chains(org)
    columns = tuple(
        Column(
            c,
            labels[c],
            _groups_of(org, c, lang, chains),
            party_keys[c],
        )
        for c in column_ids
    )
    index = {c: i for i, c in enumerate(column_ids)}
    group_names = {g.id: g.names.get(lang) for g in org.groups.values()}
    group_keys = _keys(
        {d.group: group_names.get(d.group, d.group) for d in deliverables if d.group},
        {g.id: g.names for g in org.groups.values()},
    )
    row_keys = _keys(
        {d.id: d.names.get(lang) for d in deliverables},
        {d.id: d.names for d in org.deliverables.values()},
    )
    rows = []
    # Rows are sparse: fill in the few cells a deliverable's roles touch, not one per column.
    blank: tuple[tuple[str, ...], ...] = ((),) * len(column_ids)
    for d in deliverables:
        held_here: dict[int, set[str]] = {}
        for a in d.assignments:
            i = index.get(column_of(a.party))
            if i is not None:
                held_here.setdefault(i, set()).add(a.role)
        cells = list(blank)
        for i, letters in held_here.items():
            cells[i] = tuple(org.scheme.order(letters))
        rows.append(
            Row(
                d.id,
                d.names.get(lang),
                d.group,
                group_names.get(d.group, d.group) if d.group else "",
                d.due.isoformat() if d.due else "",
                tuple(cells),
                group_keys.get(d.group, "") if d.group else "",
                row_keys[d.id],
            )
        )
    title = org.names.get(lang) or Path(org.source).stem
    return Matrix(
        title,
        org.scheme,
        columns,
        tuple(rows),
        _header_rows(columns),
        lang or org.language,
    )
