"""The organization model: units, positions, external parties, deliverables and their roles.

Everything here is a frozen value object, and an organization's tables are read-only
mappings (change a model with :func:`attrs.evolve`). The model tolerates broken input
(dangling ids, cycles, duplicates) so that the rules can report every problem
at once; queries that need a well-formed model raise :class:`QueryError`.
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Union

import attrs

from raci._text import counted, strip_controls
from raci._walks import breadth_first, preorder
from raci.assignments import EMPTY
from raci.assignments import NOWHERE as NOWHERE
from raci.assignments import Assignment as Assignment
from raci.assignments import Assignments as Assignments
from raci.cells import normalize_header
from raci.exceptions import QueryError
from raci.findings import Said, SourceLocation, saying_of
from raci.grades import UN, Grades, PostLine
from raci.schemes import DEFAULT_SCHEME, Scheme

if TYPE_CHECKING:
    import networkx


@attrs.frozen
class _TableOf:
    kind: type

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, DeliverableColumns):
            return  # made by a loader, of deliverables only
        if not isinstance(value, Mapping):
            msg = f"`{attribute.name}` must be a mapping of ids to {self.kind.__name__}"
            msg += f" (got {type(value).__name__})"
            raise TypeError(msg)
        for key, item in value.items():
            if not isinstance(key, str) or not isinstance(item, self.kind):
                msg = (
                    f"`{attribute.name}` must map id strings to {self.kind.__name__} objects"
                    f" (got {key!r}: {type(item).__name__})"
                )
                raise TypeError(msg)


def _table_of(kind: type) -> _TableOf:
    """A validator: a mapping of string ids to ``kind`` objects (says what was got)."""
    return _TableOf(kind)


def _read_only(table: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy of ``table``, so that derived state (the graph) cannot go stale
    (anything else is left for the validator to refuse)."""
    return MappingProxyType(dict(table)) if isinstance(table, Mapping) else table


def _deliverables(table: Mapping[str, Any]) -> Mapping[str, Any]:
    """A loader's table of deliverables as it is, any other mapping as :func:`_read_only`."""
    return table if isinstance(table, DeliverableColumns) else _read_only(table)


DEFAULT_LEVELS: tuple[tuple[str, ...], ...] = (
    ("organization",),
    ("department",),
    ("office", "division"),
    ("branch", "service"),
    ("section",),
    ("unit",),
    ("team",),
)


@attrs.frozen
class Names:
    """A name in one or more languages; ``default`` is the language of plain-string names."""

    texts: Mapping[str, str]
    default: str = "en"

    @classmethod
    def plain(cls, text: str, language: str = "en") -> Names:
        """A name given in one language only."""
        return cls({language: text}, language)

    def get(self, lang: str | None = None) -> str:
        """The text in ``lang``, falling back to the default language, then to any."""
        if lang is not None and lang in self.texts:
            return self.texts[lang]
        if self.default in self.texts:
            return self.texts[self.default]
        return next(iter(self.texts.values()), "")

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this name is given in."""
        return tuple(self.texts)

    def __str__(self) -> str:
        return self.get()


@attrs.frozen
class Levels:
    """Ordered level names, top first; names in one tuple share a rank."""

    ranks: tuple[tuple[str, ...], ...] = DEFAULT_LEVELS

    def rank(self, level: str | None) -> int | None:
        """0 for the top level, larger below; None for an unknown or absent level."""
        if level is None:
            return None
        for i, names in enumerate(self.ranks):
            if level in names:
                return i
        return None

    @property
    def names(self) -> tuple[str, ...]:
        """Every level name, top first."""
        return tuple(n for names in self.ranks for n in names)


class _Located:
    """Mixin: where a field's value is written (``spots``), else where the object starts."""

    location: SourceLocation
    spots: Mapping[str, SourceLocation]

    def where(self, field: str) -> SourceLocation:
        """The location of ``field``'s value, or of the object when unknown."""
        return self.spots.get(field, self.location)


#: Attribute names (compared without case, spaces, ``_`` and ``-``) that give a person's
#: job title, as people sheets name the column.
TITLE_ATTRIBUTES = (
    "title",
    "jobtitle",
    "employeetitle",
    "businesstitle",
    "position",
    "positionname",
    "positiontitle",
    "designation",
)


def _posts(value: Iterable[PostLine] | None) -> tuple[PostLine, ...] | None:
    """An establishment as a tuple (None stays None: no establishment given)."""
    return None if value is None else tuple(value)


@attrs.frozen
class Unit(_Located):
    """A node of the hierarchy: a division, branch, section, unit..."""

    id: str
    names: Names
    level: str | None = None
    parent: str | None = None
    head: str | None = None
    staff: bool = False
    headcount: int | None = None
    also_reports_to: tuple[str, ...] = ()
    formerly: tuple[str, ...] = ()
    attributes: Mapping[str, Any] = attrs.field(factory=dict)
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)
    spots: Mapping[str, SourceLocation] = attrs.field(factory=dict, eq=False, repr=False)
    #: The unit's establishment: its own posts by grade (and fund); None when not given.
    posts: tuple[PostLine, ...] | None = attrs.field(default=None, converter=_posts)

    kind = "unit"

    @property
    def name(self) -> str:
        """The name in the default language."""
        return self.names.get()

    @property
    def title(self) -> str:
        """The job title a people sheet gives this row (its `title`, `job title` or
        `position` attribute, in that order of preference), or ''."""
        found = {
            normalize_header(str(key)): value
            for key, value in self.attributes.items()
            if isinstance(value, str)
        }
        return next((found[key] for key in TITLE_ATTRIBUTES if key in found), "")


@attrs.frozen
class Position(_Located):
    """A post inside a unit, possibly held by a named person."""

    id: str
    names: Names
    unit: str
    grade: str | None = None
    holder: str | None = None
    vacant: bool = False
    reports_to: str | None = None
    formerly: tuple[str, ...] = ()
    attributes: Mapping[str, Any] = attrs.field(factory=dict)
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)
    spots: Mapping[str, SourceLocation] = attrs.field(factory=dict, eq=False, repr=False)

    kind = "position"

    @property
    def name(self) -> str:
        """The post's title in the default language."""
        return self.names.get()

    @property
    def title(self) -> str:
        """The post's title in the default language (same as ``name``)."""
        return self.names.get()


@attrs.frozen
class External:
    """A party outside the hierarchy: a board, a partner, a client."""

    id: str
    names: Names
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)

    kind = "external"

    @property
    def name(self) -> str:
        """The name in the default language."""
        return self.names.get()


Party = Union[Unit, Position, External]  # noqa: UP007 - a runtime alias on Python 3.10


@attrs.frozen
class Group:
    """A heading under which deliverables are listed."""

    id: str
    names: Names
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)

    @property
    def name(self) -> str:
        """The name in the default language."""
        return self.names.get()


def _as_columns(items: Iterable[Assignment]) -> Assignments:
    """A deliverable's assignments as columns (a converter: mypy takes named functions)."""
    return Assignments.of(items)


@attrs.frozen
class Deliverable(_Located):
    """A piece of work and the roles parties hold on it, in file order."""

    id: str
    names: Names
    group: str | None = None
    due: dt.date | None = None
    #: Given as any sequence of Assignment objects; kept as columns.
    assignments: Assignments = attrs.field(default=EMPTY, converter=_as_columns)
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)
    spots: Mapping[str, SourceLocation] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def name(self) -> str:
        """The name in the default language."""
        return self.names.get()

    def parties(self, role: str) -> list[str]:
        """The parties holding ``role``, in file order, without repeats."""
        roles, parties = self.assignments.roles, self.assignments.parties
        n = roles.count(role)
        if n < 2:
            return [parties[roles.index(role)]] if n else []
        return list(dict.fromkeys(p for r, p in zip(roles, parties, strict=True) if r == role))

    def roles_of(self, party: str) -> list[str]:
        """The roles ``party`` holds here, in file order, without repeats."""
        roles, parties = self.assignments.roles, self.assignments.parties
        return list(dict.fromkeys(r for r, p in zip(roles, parties, strict=True) if p == party))


class DeliverableColumns(Mapping[str, Deliverable]):
    """A read-only mapping of ids to deliverables that also keeps each deliverable's role
    letters and party ids as columns, in file order (as a loader makes it, see
    ``raci.deliverable_table``); an :class:`Organization` keeps it as it is."""

    __slots__ = ()

    @property
    @abstractmethod
    def ids(self) -> list[str]:
        """The deliverables' ids."""

    @property
    @abstractmethod
    def roles(self) -> list[tuple[str, ...]]:
        """Each deliverable's role letters."""

    @property
    @abstractmethod
    def parties(self) -> list[tuple[str, ...]]:
        """Each deliverable's party ids (the i-th holds the i-th role letter)."""


@attrs.frozen
class Duplicate:
    """An id defined a second time; the first definition is the one kept."""

    id: str
    kind: str
    location: SourceLocation
    first: SourceLocation


@attrs.frozen
class StrayCell:
    """A table cell beyond its header's last column: kept out of the model, and reported."""

    location: SourceLocation
    text: str
    #: How many columns the header has.
    width: int


@attrs.frozen(init=False)
class TableNote:
    """What a table (or catalog) reader noticed at a place (a cell it could not read, a
    repeated row, a table or an entity it skipped), reported by the rule named ``rule``.

    ``message`` and ``hint`` are English; given as messages made with
    :func:`raci.findings.say`, they are kept in ``saying`` too, for the finding to say
    them in another language."""

    rule: str
    subject: str
    message: str
    location: SourceLocation
    hint: str = ""
    saying: tuple[Said, Said | None] | None = attrs.field(default=None, eq=False, repr=False)

    def __init__(
        self,
        rule: str,
        subject: str,
        message: str | Said,
        location: SourceLocation,
        hint: str | Said = "",
    ) -> None:
        saying = saying_of(message, hint)
        self.__attrs_init__(rule, subject, str(message), location, str(hint), saying)


@attrs.frozen
class RuleSetting:
    """A file's setting for one rule: ``off``, a severity, or options."""

    rule: str
    value: Any
    location: SourceLocation = attrs.field(default=NOWHERE, eq=False)


@attrs.frozen
class Organization:
    """One organization at one point in time."""

    names: Names = attrs.field(factory=lambda: Names.plain(""))
    language: str = "en"
    levels: Levels = attrs.field(factory=Levels)
    scheme: Scheme = DEFAULT_SCHEME
    #: The grades by category (the UN common system's unless the model gives its own).
    grades: Grades = UN
    units: Mapping[str, Unit] = attrs.field(
        factory=dict, converter=_read_only, validator=_table_of(Unit)
    )
    positions: Mapping[str, Position] = attrs.field(
        factory=dict, converter=_read_only, validator=_table_of(Position)
    )
    external: Mapping[str, External] = attrs.field(
        factory=dict, converter=_read_only, validator=_table_of(External)
    )
    groups: Mapping[str, Group] = attrs.field(
        factory=dict, converter=_read_only, validator=_table_of(Group)
    )
    deliverables: Mapping[str, Deliverable] = attrs.field(
        factory=dict, converter=_deliverables, validator=_table_of(Deliverable)
    )
    rule_settings: Mapping[str, RuleSetting] = attrs.field(
        factory=dict, converter=_read_only, validator=_table_of(RuleSetting)
    )
    duplicates: tuple[Duplicate, ...] = ()
    stray_cells: tuple[StrayCell, ...] = attrs.field(default=(), eq=False)
    notes: tuple[TableNote, ...] = attrs.field(default=(), eq=False)
    #: How the source lays the model out: ``model`` (a model file), ``matrix``,
    #: ``roles-by-column``, ``roles-by-row``, ``long``, ``org-sheet``, ``people-sheet`` or
    #: ``org-paths`` (tables), ``catalog`` (a Backstage catalog).
    layout: str = attrs.field(default="model", eq=False)
    source: str = attrs.field(default="<memory>", eq=False)
    parties: Mapping[str, Party] = attrs.field(init=False, eq=False, repr=False)
    # Each unit's child units, in file order; the graph of them, made when asked for.
    _children: dict[str, list[str]] = attrs.field(init=False, eq=False, repr=False)
    _graph: networkx.DiGraph | None = attrs.field(init=False, default=None, eq=False, repr=False)
    _by_party: dict[str, list[tuple[str, str]]] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )
    _columns: tuple[list[str], list[str]] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )

    def __repr__(self) -> str:
        """One line, as networkx's graphs have: the name, the file and how much it holds."""
        name = self.names.get() if self.names.texts else ""
        where = f" ({self.source})" if self.source != "<memory>" else ""
        levels = len({u.level for u in self.units.values() if u.level})
        parts = [
            counted(len(self.units), "unit")
            + (f" on {counted(levels, 'level')}" if levels else ""),
            counted(len(self.positions), "position"),
            counted(len(self.external), "external party", "external parties"),
            counted(len(self.deliverables), "deliverable") + f" ({self.scheme.name})",
        ]
        return f"<Organization {name or 'without a name'!r}{where}: {', '.join(parts)}>"

    def _repr_html_(self) -> str | None:
        """The chart, as a notebook shows it: no wider than the cell, the top levels only
        of a large organization (a caption says how to draw the rest)."""
        from raci._display import html

        return html(self)

    def __attrs_post_init__(self) -> None:
        children: dict[str, list[str]] = {uid: [] for uid in self.units}
        for uid, unit in self.units.items():
            if unit.parent is not None and unit.parent in self.units:
                children[unit.parent].append(uid)
        parties: dict[str, Party] = {}
        for table in (self.external, self.positions, self.units):
            parties.update(table)
        # Derived once from the read-only tables (attrs' way for a frozen class).
        object.__setattr__(self, "_children", children)
        object.__setattr__(self, "parties", MappingProxyType(parties))

    @property
    def graph(self) -> networkx.DiGraph:
        """The units as a frozen networkx graph: an edge from each unit to each of its
        child units (made when first asked for; each node's ``unit`` is the Unit)."""
        if self._graph is None:
            import networkx

            graph = networkx.DiGraph()
            for uid, unit in self.units.items():
                graph.add_node(uid, unit=unit)
            for parent, children in self._children.items():
                for uid in children:
                    graph.add_edge(parent, uid)
            object.__setattr__(self, "_graph", networkx.freeze(graph))
        return self._graph

    def deliverable_columns(
        self,
    ) -> tuple[list[str], list[tuple[str, ...]], list[tuple[str, ...]]]:
        """Each deliverable's id, role letters and party ids, in file order (the i-th
        party holds the i-th role): read from the columns of a loaded file without making
        its deliverable objects."""
        table = self.deliverables
        if isinstance(table, DeliverableColumns):
            return table.ids, table.roles, table.parties
        held = [d.assignments for d in table.values()]
        return list(table), [h.roles for h in held], [h.parties for h in held]

    def role_columns(self) -> tuple[list[str], list[str]]:
        """Every assignment's role letter and party id, deliverable by deliverable in file
        order: two columns, made when first asked for, for questions over all of them."""
        if self._columns is None:
            _, roles_of, parties_of = self.deliverable_columns()
            roles = list(chain.from_iterable(roles_of))
            parties = list(chain.from_iterable(parties_of))
            object.__setattr__(self, "_columns", (roles, parties))
            return roles, parties
        return self._columns

    def _held(self) -> dict[str, list[tuple[str, str]]]:
        """Each party's (deliverable id, role letter) pairs, worked out when first asked
        for (validation does not need them)."""
        if self._by_party is None:
            by_party: dict[str, list[tuple[str, str]]] = {}
            for ident, roles, parties in zip(*self.deliverable_columns(), strict=True):
                for role, party in zip(roles, parties, strict=True):
                    by_party.setdefault(party, []).append((ident, role))
            object.__setattr__(self, "_by_party", by_party)
            return by_party
        return self._by_party

    @property
    def name(self) -> str:
        """The organization's name in its default language."""
        return self.names.get()

    # -- hierarchy -------------------------------------------------------

    @property
    def roots(self) -> list[str]:
        """Units without a parent, in file order."""
        return [uid for uid, u in self.units.items() if u.parent is None]

    @property
    def root(self) -> str:
        """The one top unit; raises QueryError when there is not exactly one."""
        roots = self.roots
        if len(roots) != 1:
            msg = f"the organization has {len(roots)} top units, expected exactly 1"
            raise QueryError(msg)
        return roots[0]

    def top_down(self) -> Iterator[str]:
        """Every unit once, in chart order: each top unit and the units below it (children
        in file order, depth first), then the units no top reaches (on a cycle)."""
        seen: set[str] = set()
        for top in [*self.roots, *self.units]:
            if top in seen:
                continue
            for uid in preorder(self._children, top):
                if uid not in seen:
                    seen.add(uid)
                    yield uid

    def children(self, unit: str) -> list[str]:
        """The unit's child units, in file order."""
        self._unit(unit)
        return list(self._children[unit])

    def parent_of(self, unit: str) -> str | None:
        """The unit's parent, when the model has it; None for a top unit (or one whose
        parent is not among the units)."""
        parent = self._unit(unit).parent
        return parent if parent is not None and parent in self.units else None

    def ancestors(self, unit: str) -> list[str]:
        """The unit's ancestors, nearest first (stops at a cycle)."""
        chain: list[str] = []
        seen = {unit}
        parent = self._unit(unit).parent
        while parent is not None and parent in self.units and parent not in seen:
            chain.append(parent)
            seen.add(parent)
            parent = self.units[parent].parent
        return chain

    def subtree(self, unit: str) -> list[str]:
        """The unit and every unit below it, in breadth-first order."""
        self._unit(unit)
        return list(breadth_first(self._children, unit))

    def depth_of(self, unit: str) -> int:
        """Edges between the unit and its root."""
        return len(self.ancestors(unit))

    def unit_of(self, party: str) -> str | None:
        """The unit a party sits in: itself for a unit, its unit for a post, None otherwise."""
        p = self.party(party)
        if isinstance(p, Unit):
            return p.id
        if isinstance(p, Position):
            return p.unit if p.unit in self.units else None
        return None

    def positions_in(self, unit: str) -> list[str]:
        """The posts whose unit is ``unit``, in file order."""
        return [pid for pid, p in self.positions.items() if p.unit == unit]

    def reports_to(self, position: str) -> str | None:
        """The post a post reports to: its ``reports_to``, else the head of its unit
        (or, for the head itself, the nearest head above it)."""
        pos = self.positions.get(position)
        if pos is None:
            msg = f"no position with id {position!r}"
            raise QueryError(msg)
        if pos.reports_to is not None:
            return pos.reports_to
        seen: set[str] = set()
        uid: str | None = pos.unit
        while uid is not None and uid in self.units and uid not in seen:
            head = self.units[uid].head
            if head is not None and head != position and head in self.positions:
                return head
            seen.add(uid)
            uid = self.units[uid].parent
        return None

    # -- parties and roles -------------------------------------------------

    def party(self, party: str) -> Party:
        """The unit, position or external party with this id."""
        try:
            return self.parties[party]
        except KeyError:
            msg = f"no party with id {party!r}"
            raise QueryError(msg) from None

    def display_name(self, party: str, lang: str | None = None) -> str:
        """A party's name in ``lang``; its id when the party is unknown or its name has
        nothing to show (blank, or only control characters)."""
        p = self.parties.get(party)
        name = p.names.get(lang) if p is not None else ""
        return name if strip_controls(name).strip() else party

    def deliverable(self, deliverable: str) -> Deliverable:
        """The deliverable with this id."""
        try:
            return self.deliverables[deliverable]
        except KeyError:
            msg = f"no deliverable with id {deliverable!r}"
            raise QueryError(msg) from None

    def accountable(self, deliverable: str) -> Party:
        """The one Accountable party (DACI: Approver); raises QueryError unless exactly one."""
        d = self.deliverable(deliverable)
        letter = self.scheme.letter_of("accountable")
        found = d.parties(letter) if letter else []
        if len(found) != 1:
            msg = f"deliverable {deliverable!r} has {len(found)} Accountable parties, expected 1"
            raise QueryError(msg)
        return self.party(found[0])

    def assignments_of(self, party: str) -> list[tuple[str, str]]:
        """The (deliverable id, role letter) pairs a party holds, in file order."""
        return list(self._held().get(party, ()))

    def holders(self) -> Iterator[str]:
        """Every party id that holds a role on some deliverable, once each."""
        return iter(self._held())

    def assignments(self) -> Iterator[Assignment]:
        """Every assignment, deliverable by deliverable, in file order."""
        for d in self.deliverables.values():
            yield from d.assignments

    def _unit(self, unit: str) -> Unit:
        try:
            return self.units[unit]
        except KeyError:
            msg = f"no unit with id {unit!r}"
            raise QueryError(msg) from None


def require_organization(value: object, function: str) -> Organization:
    """``value`` when it is an Organization; a TypeError naming ``function`` otherwise (a
    script that passes a path or None learns what to pass)."""
    if not isinstance(value, Organization):
        hint = "; load the file first: raci.load(path)" if isinstance(value, str) else ""
        msg = f"{function}() takes a raci.Organization (got {type(value).__name__}){hint}"
        raise TypeError(msg)
    return value
