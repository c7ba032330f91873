"""Small helpers shared by the rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, chain, compress, count, repeat
from operator import eq
from typing import TYPE_CHECKING

from raci.deliverable_table import DeliverableTable
from raci.findings import Said, SourceLocation, Word, say
from raci.model import Deliverable, Organization
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

if TYPE_CHECKING:
    from raci.words import Words


def kind_name(org: Organization, ident: str) -> str:
    """'unit', 'position', 'external party', 'deliverable', 'group' or 'id'."""
    party = org.parties.get(ident)
    if party is not None:
        return {"unit": "unit", "position": "position", "external": "external party"}[party.kind]
    if ident in org.deliverables:
        return "deliverable"
    if ident in org.groups:
        return "group"
    return "id"


def role_word(scheme: Scheme, role: Role | None, letter: str = "") -> Word:
    """A role's title in a message: the catalog's word for a built-in scheme's role, the
    file's for a custom scheme's; ``letter`` stands in for a role the scheme lacks."""
    if role is None:
        return Word(letter, lambda words: letter)

    def said(words: Words) -> str:
        from raci.analysis.names import role_name

        return role_name(scheme, role, words.language)

    return Word(role.name, said)


def raci_role(title: str) -> Word:
    """A role of the RACI scheme by its title, as a message names it whatever the file's
    scheme (the roles to move others to, the load a party carries)."""
    raci = BUILTIN_SCHEMES["RACI"]
    return role_word(raci, next(r for r in raci.roles if r.name == title))


def level_word(level: str) -> Word:
    """A level's name in a message ('division'), the catalog's word where it has one."""

    def said(words: Words) -> str:
        from raci.analysis.names import level_name

        return level_name(level, words.language)

    return Word(level, said)


def a_level_word(level: str, english: str) -> Word:
    """A unit of a level as a sentence puts it: ``english`` ('a division') in English, the
    catalog's words (with the language's article) in another."""

    def said(words: Words) -> str:
        from raci.analysis.names import a_level

        return a_level(level, words.language)

    return Word(english, said)


def configured(rule: str) -> Said:
    """Where a table's rule settings go, since a table has no `rules:`: the configuration."""
    table, tool = f"[rules.{rule}]", f"[tool.raci.rules.{rule}]"
    return say("under `{table}` in raci.toml (`{tool}` in pyproject.toml)", table=table, tool=tool)


class Lineage:
    """Ancestry in constant time: each unit's span in one pre-order walk of the hierarchy
    (a unit is within another when its entry falls inside the other's span), so chain
    checks stay linear even for a hierarchy 100,000 levels deep."""

    def __init__(self, org: Organization) -> None:
        self.org = org
        self.enter: dict[str, int] = {}
        self.exit: dict[str, int] = {}
        clock = 0
        for root in org.roots:
            stack: list[tuple[str, bool]] = [(root, False)]
            while stack:
                unit, done = stack.pop()
                if done:
                    self.exit[unit] = clock
                    continue
                if unit in self.enter:
                    continue
                self.enter[unit] = clock
                clock += 1
                stack.append((unit, True))
                stack.extend((c, False) for c in reversed(org.children(unit)))

    def within(self, unit: str, ancestor: str) -> bool:
        """Whether ``unit`` is ``ancestor`` or lies below it."""
        if unit == ancestor:
            return True
        start, inner = self.enter.get(ancestor), self.enter.get(unit)
        return start is not None and inner is not None and start < inner < self.exit[ancestor]

    def upward(self, units: Iterable[str]) -> set[str]:
        """The units and all their ancestors (each climb stops where an earlier one
        passed, so the cost is the number of units, whatever the depth)."""
        found: set[str] = set()
        for unit in units:
            while unit not in found and unit in self.org.units:
                found.add(unit)
                parent = self.org.units[unit].parent
                if parent is None:
                    break
                unit = parent
        return found


def units_of(org: Organization) -> dict[str, str]:
    """The unit of each party that sits in one (``Organization.unit_of`` for all at once)."""
    units = {uid: u.id for uid, u in org.units.items()}
    for pid, p in org.positions.items():
        if org.parties.get(pid) is p and p.unit in org.units:
            units[pid] = p.unit
    return units


class Held:
    """Every assignment of the organization as flat columns, deliverable by deliverable in
    file order (the i-th is ``parties[i]`` holding ``roles[i]`` on deliverable
    ``owner[i]``), for rules that look at all of them at once. Deliverables are known by
    their index; their objects are made only for those a rule reports on."""

    def __init__(self, org: Organization) -> None:
        self.table = org.deliverables
        self.ids, self.roles_of, self.parties_of = org.deliverable_columns()
        self.roles, self.parties = org.role_columns()
        sizes = list(map(len, self.roles_of))
        self.owner = list(chain.from_iterable(map(repeat, range(len(sizes)), sizes)))
        self.first = list(accumulate(sizes, initial=0))
        self._at: dict[str, list[int]] = {}
        self._counts: dict[str, Counter[int]] = {}
        self._distinct: set[str] | None = None

    def distinct(self) -> set[str]:
        """The parties that hold any role."""
        if self._distinct is None:
            self._distinct = set(self.parties)
        return self._distinct

    def deliverable(self, k: int) -> Deliverable:
        """The k-th deliverable."""
        table = self.table
        return table.at(k) if isinstance(table, DeliverableTable) else table[self.ids[k]]

    def groups(self) -> list[str | None]:
        """Each deliverable's group."""
        table = self.table
        if isinstance(table, DeliverableTable):
            return table.groups()
        return [d.group for d in table.values()]

    def carried(self) -> list[int]:
        """The deliverables (by index) with roles carried over from an earlier id."""
        table = self.table
        made = table.made if isinstance(table, DeliverableTable) else table.values()
        return [k for k, d in enumerate(made) if d is not None and d.assignments.carried]

    def at(self, letter: str) -> list[int]:
        """The flat indices of the assignments of role ``letter``, in order."""
        found = self._at.get(letter)
        if found is None:
            found = self._at[letter] = list(compress(count(), map(eq, self.roles, repeat(letter))))
        return found

    def location(self, i: int) -> SourceLocation:
        """Where the i-th assignment is written."""
        k = self.owner[i]
        j = i - self.first[k]
        table = self.table
        if isinstance(table, DeliverableTable):
            return table.assignment_location(k, j)
        return table[self.ids[k]].assignments.location(j)

    def count(self, letter: str) -> Counter[int]:
        """How many times role ``letter`` is held on each deliverable (by index) that has it."""
        found = self._counts.get(letter)
        if found is None:
            found = self._counts[letter] = Counter(map(self.owner.__getitem__, self.at(letter)))
        return found

    def sole(self, letter: str) -> dict[int, str]:
        """The deliverables (by index) on which exactly one party holds role ``letter``,
        with that party."""
        at = self.at(letter)
        owners = map(self.owner.__getitem__, at)
        found = dict(zip(owners, map(self.parties.__getitem__, at), strict=True))
        for k in [k for k, n in self.count(letter).items() if n > 1]:
            letters, parties = self.roles_of[k], self.parties_of[k]
            if len({p for x, p in zip(letters, parties, strict=True) if x == letter}) > 1:
                del found[k]
        return found
