"""Turn parsed model data (YAML, JSON, TOML) into an Organization, collecting every problem."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from raci import progress
from raci.deliverable_table import NOWHERE_ELSE, DeliverableRows, DeliverableTable
from raci.exceptions import LoadError
from raci.findings import Finding, SourceLocation
from raci.grades import UN
from raci.io import _values
from raci.io._establishment import read_grades, read_posts
from raci.io._marks import Marks
from raci.io._plain import read_deliverables, read_positions, read_units
from raci.io._values import READERS, Wrong, kind_of, written
from raci.io.fields import (
    DELIVERABLE,
    EXTERNAL,
    FILE,
    GROUP,
    ORGANIZATION,
    POSITION,
    ROLE,
    SCHEME,
    UNIT,
    Kind,
    Shape,
)
from raci.lookup import as_clause, did_you_mean
from raci.model import (
    Assignments,
    Deliverable,
    Duplicate,
    External,
    Group,
    Levels,
    Names,
    Organization,
    Position,
    RuleSetting,
    Unit,
)
from raci.schemes import BUILTIN_SCHEMES, DEFAULT_KINDS, KINDS, Role, Scheme

FORMAT_VERSION = 1
#: A list is read this many items at a time, saying how far it has got after each part.
ITEMS_PER_STEP = 10_000


def suggest(word: str, known: Iterable[str]) -> str:
    """'; did you mean `x`?' for the closest known word, or ''."""
    return as_clause(did_you_mean(word, known))


class _Builder:
    """Walks parsed data once, building model objects and noting every problem."""

    def __init__(self, marks: Marks, most_assignments: int | None = None) -> None:
        self.marks = marks
        # Aliases (YAML's `*name`) can give a small file millions of roles: reading stops
        # at this many, which a file written out in full never reaches.
        self.most_assignments = most_assignments
        self.assignment_count = 0
        self.file = marks.file
        self.problems: list[Finding] = list(marks.problems)
        self.language = "en"
        self.seen: dict[str, tuple[str, SourceLocation]] = {}
        self.duplicates: list[Duplicate] = []
        self.units: dict[str, Unit] = {}
        self.positions: dict[str, Position] = {}
        self.external: dict[str, External] = {}
        self.groups: dict[str, Group] = {}
        self.deliverables = DeliverableRows(self.language, marks.locator())
        self.level_names: tuple[str, ...] = ()
        self.scheme = BUILTIN_SCHEMES["RACI"]
        self.grades = UN
        self.walked: set[int] = set()
        # Each party id string already read, as read: checked once, and kept once in memory.
        self.known_ids: dict[str, str] = {}
        # Each role letter already read, as written and as read.
        self.known_letters: dict[str, str] = {}
        # Each party id met that reads as written, and the one string kept for it.
        self.bare_ids: dict[str, str] = {}

    # -- helpers -----------------------------------------------------------

    def problem(self, where: SourceLocation, reason: str) -> None:
        self.problems.append(Finding.parse_error(where, reason))

    def at(self, obj: object, key: Any, here: SourceLocation) -> SourceLocation:
        """The location of a mapping value (or of the mapping when unknown)."""
        if not self.marks.inside(obj):
            return self.marks.node(obj, here)
        return self.marks.value(obj, key, self.marks.node(obj, here))

    def check_keys(self, obj: Mapping[Any, Any], shape: Shape, here: SourceLocation) -> None:
        """An error for each key that the field table does not list for the object."""
        known = shape.keys
        for key in obj:
            if key not in known:
                where = self.marks.key(obj, key, here)
                self.problem(
                    where,
                    f"unknown key `{key}` in {shape.what}" + suggest(str(key), known),
                )

    def read(self, obj: dict[Any, Any], shape: Shape, key: str, here: SourceLocation) -> Any:
        """The value of ``key``, read as its kind in the field table says.

        None when the key is absent, null (unless required: then null is an error at
        its place) or wrong. Names are read by :meth:`names`, which needs a fallback.
        """
        value = obj.get(key)
        if value is None and (key not in obj or not shape.field(key).required):
            return None
        kind = shape.field(key).kind
        if kind is Kind.IDS:
            return self.ids(value, f"`{key}`", self.at(obj, key, here))
        try:
            return READERS[kind](value)
        except Wrong as exc:
            label = f"{shape.what}'s `id`" if key == "id" else f"`{key}`"
            self.problem(self.at(obj, key, here), f"{label} {exc}")
            return None

    def mapping(self, value: object, what: str, where: SourceLocation) -> dict[Any, Any] | None:
        if isinstance(value, dict):
            return value
        self.problem(where, f"{what} must be a mapping (got {kind_of(value)})")
        return None

    def listing(self, value: object, what: str, where: SourceLocation) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.problem(where, f"`{what}` must be a list (got {kind_of(value)})")
        return []

    def ident(self, value: object, what: str, where: SourceLocation) -> str | None:
        """An id, or None (noted) for a value that is not one."""
        try:
            return _values.ident(value)
        except Wrong as exc:
            self.problem(where, f"{what} {exc}")
            return None

    def ids(self, value: object, what: str, where: SourceLocation) -> tuple[str, ...]:
        """One id or a list of ids."""
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            loc = self.marks.item(value, i, where) if isinstance(value, list) else where
            ident = self.ident(item, what, loc)
            if ident is not None:
                out.append(ident)
        return tuple(out)

    def names(self, obj: dict[Any, Any], key: str, here: SourceLocation, *, fallback: str) -> Names:
        value = obj.get(key)
        if value is None:
            return Names.plain(fallback, self.language)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = written(value).strip()
            if not text:
                self.problem(self.at(obj, key, here), f"`{key}` must not be empty")
                return Names.plain(fallback, self.language)
            return Names.plain(text, self.language)
        where = self.at(obj, key, here)
        if isinstance(value, dict):
            texts: dict[str, str] = {}
            for lang, text in value.items():
                loc = self.marks.value(value, lang, where)
                if not isinstance(lang, str) or not lang.strip():
                    self.problem(loc, f"a language code in `{key}` must be text (got {lang!r})")
                elif not isinstance(text, (str, int, float)) or isinstance(text, bool):
                    self.problem(
                        loc, f"`{key}` in language `{lang}` must be text (got {kind_of(text)})"
                    )
                elif written(text).strip():
                    texts[lang.strip()] = written(text).strip()
            if not texts:
                self.problem(where, f"`{key}` must give a text in at least one language")
                return Names.plain(fallback, self.language)
            return Names(texts, self.language)
        self.problem(
            where,
            f"`{key}` must be text or a {{language: text}} mapping (got {kind_of(value)})",
        )
        return Names.plain(fallback, self.language)

    def register(self, ident: str, kind: str, where: SourceLocation) -> bool:
        """Note a party id; False (and a Duplicate) when it was defined before."""
        if ident in self.seen:
            _first_kind, first = self.seen[ident]
            self.duplicates.append(Duplicate(ident, kind, where, first))
            return False
        self.seen[ident] = (kind, where)
        return True

    # -- sections ----------------------------------------------------------

    def organization(self, value: object, here: SourceLocation) -> tuple[Names, Levels]:
        levels = Levels()
        if value is None:
            return Names.plain("", self.language), levels
        obj = self.mapping(value, "`organization`", here)
        if obj is None:
            return Names.plain("", self.language), levels
        here = self.marks.node(obj, here)
        self.check_keys(obj, ORGANIZATION, here)
        lang = self.read(obj, ORGANIZATION, "language", here)
        if lang:
            self.language = lang
        name = self.names(obj, "name", here, fallback="")
        if obj.get("levels") is not None:
            levels = self.levels(obj["levels"], self.at(obj, "levels", here))
        return name, levels

    def levels(self, value: object, where: SourceLocation) -> Levels:
        ranks: list[tuple[str, ...]] = []
        seen: set[str] = set()
        for i, entry in enumerate(self.listing(value, "levels", where)):
            loc = self.marks.item(value, i, where)
            group = entry if isinstance(entry, list) else [entry]
            names = []
            for name in group:
                if not isinstance(name, str) or not name.strip():
                    self.problem(loc, f"a level must be a name (got {kind_of(name)})")
                elif name in seen:
                    self.problem(loc, f"level `{name}` is listed twice")
                else:
                    seen.add(name)
                    names.append(name.strip())
            if names:
                ranks.append(tuple(names))
        if not ranks:
            self.problem(where, "`levels` must list at least one level")
            return Levels()
        return Levels(tuple(ranks))

    def scheme_of(self, value: object, here: SourceLocation) -> Scheme:
        if value is None:
            return BUILTIN_SCHEMES["RACI"]
        if isinstance(value, str):
            key = value.strip().upper()
            if key in BUILTIN_SCHEMES:
                return BUILTIN_SCHEMES[key]
            self.problem(
                here,
                f"unknown scheme `{value}`; expected one of {', '.join(BUILTIN_SCHEMES)}"
                " or a custom {name, roles} mapping" + suggest(key, list(BUILTIN_SCHEMES)),
            )
            return BUILTIN_SCHEMES["RACI"]
        obj = self.mapping(value, "`scheme`", here)
        if obj is None:
            return BUILTIN_SCHEMES["RACI"]
        here = self.marks.node(obj, here)
        self.check_keys(obj, SCHEME, here)
        name = self.read(obj, SCHEME, "name", here) or "custom"
        roles: list[Role] = []
        raw = self.listing(obj.get("roles"), "roles", self.at(obj, "roles", here))
        for i, item in enumerate(raw):
            role = self.role(item, roles, self.marks.item(raw, i, here))
            if role is not None:
                roles.append(role)
        if not roles:
            self.problem(here, "a custom scheme needs at least one role under `roles`")
            return BUILTIN_SCHEMES["RACI"]
        return Scheme(name, tuple(roles))

    def role(self, value: object, before: list[Role], here: SourceLocation) -> Role | None:
        """A role of a custom scheme, or None (noted) when it has no usable letter."""
        obj = self.mapping(value, "a role", here)
        if obj is None:
            return None
        here = self.marks.node(obj, here)
        self.check_keys(obj, ROLE, here)
        letter = self.read(obj, ROLE, "letter", here)
        if not letter or len(letter) != 1 or not letter.isalpha():
            self.problem(here, "a role needs a `letter`: one letter such as `A`")
            return None
        # In capitals where that is still one letter (`ß` would become `SS`).
        letter = letter.upper() if len(letter.upper()) == 1 else letter
        if any(r.letter == letter for r in before):
            self.problem(here, f"role letter `{letter}` is defined twice")
            return None
        low = self.read(obj, ROLE, "min", here) or 0
        high = self.read(obj, ROLE, "max", here)
        if high is not None and high < low:
            self.problem(here, f"role `{letter}` has max {high} below min {low}")
        kind = self.read(obj, ROLE, "kind", here) or DEFAULT_KINDS.get(letter, "other")
        if kind not in KINDS:
            self.problem(
                self.at(obj, "kind", here),
                f"unknown role kind `{kind}`; expected one of {', '.join(KINDS)}"
                + suggest(kind, KINDS),
            )
            kind = "other"
        return Role(letter, self.read(obj, ROLE, "name", here) or letter, low, high, kind)

    def unit(
        self, value: object, parent: str | None, here: SourceLocation
    ) -> tuple[str | None, list[tuple[object, SourceLocation]]]:
        """Read one unit: its id, and the units nested in it with their places (read by
        the caller, so that no depth of nesting runs out of stack)."""
        obj = self.mapping(value, "a unit", here)
        if obj is None:
            return None, []
        here = self.marks.node(obj, here)
        if id(obj) in self.walked:
            # A YAML alias (`*name`) can repeat a unit, or nest a list inside itself.
            self.problem(here, "this unit is repeated through a YAML alias; write each unit once")
            return None, []
        self.walked.add(id(obj))
        self.check_keys(obj, UNIT, here)
        if "id" not in obj:
            self.problem(here, "a unit needs an `id`")
        ident = self.read(obj, UNIT, "id", here)
        declared = self.read(obj, UNIT, "parent", here)
        if parent is not None and declared is not None and declared != parent:
            self.problem(
                self.at(obj, "parent", here),
                f"unit `{ident}` is nested under `{parent}` but says `parent: {declared}`;"
                " keep one of the two",
            )
        level = self.read(obj, UNIT, "level", here)
        if level and self.level_names and level not in self.level_names:
            self.problem(
                self.at(obj, "level", here),
                f"unknown level `{level}`; expected one of {', '.join(self.level_names)}"
                + suggest(level, self.level_names),
            )
        posts = read_posts(self, obj.get("posts"), self.at(obj, "posts", here), self.grades)
        headcount = self.read(obj, UNIT, "headcount", here)
        if posts is not None and headcount is not None:
            self.problem(
                self.at(obj, "headcount", here),
                f"unit `{ident}` gives both `headcount` and `posts`; `posts` counts its staff"
                " by grade, so keep only `posts`",
            )
        if ident is not None:
            unit = Unit(
                id=ident,
                names=self.names(obj, "name", here, fallback=ident),
                level=level or None,
                parent=parent if parent is not None else declared,
                head=self.read(obj, UNIT, "head", here),
                staff=bool(self.read(obj, UNIT, "staff", here)),
                headcount=headcount,
                posts=posts,
                also_reports_to=self.read(obj, UNIT, "also_reports_to", here) or (),
                formerly=self.read(obj, UNIT, "formerly", here) or (),
                attributes=self.read(obj, UNIT, "attributes", here) or {},
                location=here,
                spots=self.spots(
                    obj, ("parent", "head", "level", "also_reports_to", "formerly", "posts"), here
                ),
            )
            if self.register(ident, "unit", here):
                self.units[ident] = unit
        children = obj.get("units")
        where = self.at(obj, "units", here)
        nested = self.listing(children, "units", where)
        return ident, [(c, self.marks.item(children, i, where)) for i, c in enumerate(nested)]

    def spots(
        self, obj: dict[Any, Any], keys: tuple[str, ...], here: SourceLocation
    ) -> Mapping[str, SourceLocation]:
        """Where the values of ``keys`` are written, for findings that point at them (those
        written where the object starts are left out: ``where`` falls back to it)."""
        if not self.marks.inside(obj):
            return NOWHERE_ELSE
        found = {k: self.at(obj, k, here) for k in keys if k in obj}
        return {k: loc for k, loc in found.items() if loc != here} if found else found

    def position(self, value: object, here: SourceLocation) -> None:
        obj = self.mapping(value, "a position", here)
        if obj is None:
            return
        here = self.marks.node(obj, here)
        self.check_keys(obj, POSITION, here)
        ident = self.read(obj, POSITION, "id", here)
        unit = self.read(obj, POSITION, "unit", here)
        if "id" not in obj:
            self.problem(here, "a position needs an `id`")
        if "unit" not in obj:
            self.problem(
                here, f"position `{ident}` needs a `unit`" if ident else "a position needs a `unit`"
            )
        if ident is None or unit is None:
            return
        position = Position(
            id=ident,
            names=self.names(obj, "title", here, fallback=ident),
            unit=unit,
            grade=self.read(obj, POSITION, "grade", here),
            holder=self.read(obj, POSITION, "holder", here),
            vacant=bool(self.read(obj, POSITION, "vacant", here)),
            reports_to=self.read(obj, POSITION, "reports_to", here),
            formerly=self.read(obj, POSITION, "formerly", here) or (),
            attributes=self.read(obj, POSITION, "attributes", here) or {},
            location=here,
            spots=self.spots(obj, ("unit", "reports_to", "formerly"), here),
        )
        if self.register(ident, "position", here):
            self.positions[ident] = position

    def named(
        self, value: object, here: SourceLocation, shape: Shape
    ) -> tuple[str, Names, SourceLocation] | None:
        """The id, name and place of an object that has only those (external, group)."""
        obj = self.mapping(value, shape.what, here)
        if obj is None:
            return None
        here = self.marks.node(obj, here)
        self.check_keys(obj, shape, here)
        if "id" not in obj:
            self.problem(here, f"{shape.what} needs an `id`")
            return None
        ident = self.read(obj, shape, "id", here)
        if ident is None:
            return None
        return ident, self.names(obj, "name", here, fallback=ident), here

    def deliverable(self, value: object, here: SourceLocation) -> None:
        obj = self.mapping(value, "a deliverable", here)
        if obj is None:
            return
        here = self.marks.node(obj, here)
        self.check_keys(obj, DELIVERABLE, here)
        if "id" not in obj:
            self.problem(here, "a deliverable needs an `id`")
            return
        ident = self.read(obj, DELIVERABLE, "id", here)
        if ident is None:
            return
        deliverable = Deliverable(
            id=ident,
            names=self.names(obj, "name", here, fallback=ident),
            group=self.read(obj, DELIVERABLE, "group", here),
            due=self.read(obj, DELIVERABLE, "due", here),
            assignments=self.assignments(ident, obj.get("raci"), self.at(obj, "raci", here)),
            location=here,
            spots=self.spots(obj, ("group", "raci"), here),
        )
        first = self.deliverables.index.get(ident)
        if first is not None:
            self.duplicates.append(
                Duplicate(ident, "deliverable", here, self.deliverables.location(first))
            )
        else:
            self.deliverables.add(deliverable)

    def assignments(self, deliverable: str, raci: object, here: SourceLocation) -> Assignments:
        """The roles of a deliverable's ``raci`` mapping: letter to party id(s)."""
        table = self.mapping(raci, "`raci`", here) if raci is not None else None
        if table is not None and not self.marks.inside(table):
            plain = self.plain_roles(table)
            if plain is not None:
                self.count_assignments(len(plain[1]), here)
                return Assignments(deliverable, *plain, here)
        roles: list[str] = []
        parties: list[str] = []
        places: list[SourceLocation] = []
        for letter, value in (table or {}).items():
            where = self.marks.key(table, letter, here)
            if not isinstance(letter, str) or not letter.strip():
                self.problem(where, f"a role in `raci` must be a letter (got {letter!r})")
                continue
            role = self.known_letters[letter] = letter.strip()
            if isinstance(value, list):
                items, spots = value, self.marks.item_places(value, where)
            else:
                items = [] if value is None else [value]
                spots = [self.marks.value(table, letter, where)] if items else []
            ids = [self.party_id(p) for p in items]
            if None not in ids:  # every party is an id string
                roles += [role] * len(ids)
                parties += ids  # type: ignore[arg-type]
                places += spots
                continue
            for party, loc in zip(items, spots, strict=True):
                pid = self.party_id(party)
                if pid is None:
                    pid = self.ident(party, f"a party in `{role}`", loc)
                    if pid is None:
                        continue
                roles.append(role)
                parties.append(pid)
                places.append(loc)
        self.count_assignments(len(parties), here)
        first = places[0] if places else here
        shared = places.count(first) == len(places)
        return Assignments(
            deliverable, tuple(roles), tuple(parties), first if shared else tuple(places)
        )

    def count_assignments(self, count: int, here: SourceLocation) -> None:
        """Count roles read; LoadError at once past ``most_assignments``."""
        self.assignment_count += count
        if self.most_assignments is not None and self.assignment_count > self.most_assignments:
            msg = (
                f"the file gives more than {self.most_assignments:,} roles once its aliases are"
                " written out; write the roles out, or split the file"
            )
            raise LoadError([Finding.parse_error(here, msg)])

    def party_id(self, value: object) -> str | None:
        """The id a party string reads as (remembered for the next time it is met), or None
        for any value that is not a string that reads as an id."""
        if type(value) is not str:
            return None
        pid = self.known_ids.get(value)
        if pid is None:
            try:
                pid = self.known_ids[value] = _values.ident(value)
            except Wrong:
                return None
        return pid

    def plain_roles(
        self, table: dict[Any, Any], retry: bool = True
    ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The role letters and party ids of a ``raci`` mapping placed as a whole, when every
        letter in it was read before and every party is an id as written; else None (it is
        then read item by item, noting each problem).

        Each party id is the one string kept for it (``bare_ids``), not the parser's copy:
        the model holds one string per party rather than one per role, and the rules, which
        look each of them up again and again, find it in the memory caches."""
        roles: list[str] = []
        parties: list[str] = []
        letters, kept = self.known_letters, self.bare_ids.__getitem__
        try:
            for letter, value in table.items():
                role = letters[letter]
                if type(value) is list:
                    parties += map(kept, value)
                    roles += [role] * len(value)
                else:
                    parties.append(kept(value))
                    roles.append(role)
        except KeyError:  # a letter not read before, or a party not met as written yet
            if retry and all(self.bare(v if type(v) is list else (v,)) for v in table.values()):
                return self.plain_roles(table, retry=False)
            return None
        except TypeError:  # a party that is a list or mapping
            return None
        return tuple(roles), tuple(parties)

    def bare(self, values: Iterable[object]) -> bool:
        """Whether each value is a party id as written (no space to strip): noted in
        ``bare_ids`` for the next time."""
        for value in values:
            if type(value) is not str:
                return False
            if value not in self.bare_ids:
                pid = self.party_id(value)
                if pid != value:
                    return False
                self.bare_ids[value] = pid
        return True

    def rules(self, value: object, here: SourceLocation) -> dict[str, RuleSetting]:
        if value is None:
            return {}
        obj = self.mapping(value, "`rules`", here)
        settings: dict[str, RuleSetting] = {}
        for name, setting in (obj or {}).items():
            where = self.marks.key(obj, name, here)
            settings[str(name)] = RuleSetting(str(name), setting, where)
        return settings

    # -- whole file --------------------------------------------------------

    def build(self, data: object) -> Organization:
        top = SourceLocation(self.file, 1, 1)
        if data is None:
            self.problem(top, "the file is empty; expected a mapping with `version` and `units`")
            raise LoadError(self.problems)
        root = self.mapping(data, "the file", top)
        if root is None:
            raise LoadError(self.problems)
        self.check_keys(root, FILE, top)
        version = root.get("version", FORMAT_VERSION)
        if isinstance(version, bool) or version != FORMAT_VERSION:
            self.problem(
                self.at(root, "version", top),
                f"unsupported format version {version!r}; this raci reads version 1",
            )
        names, levels = self.organization(
            root.get("organization"), self.at(root, "organization", top)
        )
        if isinstance(root.get("organization"), dict) and "levels" in root["organization"]:
            self.level_names = levels.names
        self.deliverables.language = self.language
        self.scheme = self.scheme_of(root.get("scheme"), self.at(root, "scheme", top))
        self.grades = read_grades(self, root.get("grades"), self.at(root, "grades", top))
        sections: list[tuple[str, Callable[[list[Any], list[SourceLocation]], None]]] = [
            ("units", lambda items, places: read_units(self, items, places)),
            ("positions", lambda items, places: read_positions(self, items, places)),
            ("external", self.each(self.external_party)),
            ("groups", self.each(self.group)),
            ("deliverables", lambda items, places: read_deliverables(self, items, places)),
        ]
        for key, read in sections:
            value = root.get(key)
            where = self.at(root, key, top)
            items = self.listing(value, key, where)
            places = self.marks.item_places(items, where)
            # A long list is read a part at a time, saying how far it has got.
            parts = range(0, len(items), ITEMS_PER_STEP)
            unit = "external parties" if key == "external" else key
            for start in parts:
                if len(parts) > 1:
                    progress.step("building the model", start, len(items), unit)
                end = start + ITEMS_PER_STEP
                read(items[start:end], places[start:end])
            if len(parts) > 1:
                progress.step("building the model", len(items), len(items), unit)
        settings = self.rules(root.get("rules"), self.at(root, "rules", top))
        if self.problems:
            raise LoadError(
                sorted(self.problems, key=lambda p: (p.location.line, p.location.column))
            )
        return Organization(
            names=names,
            language=self.language,
            levels=levels,
            scheme=self.scheme,
            grades=self.grades,
            units=self.units,
            positions=self.positions,
            external=self.external,
            groups=self.groups,
            deliverables=DeliverableTable(self.deliverables),
            rule_settings=settings,
            duplicates=tuple(self.duplicates),
            source=self.file,
        )

    @staticmethod
    def each(
        read: Callable[[object, SourceLocation], None],
    ) -> Callable[[list[Any], list[SourceLocation]], None]:
        """A reader of a list that reads its items one by one."""

        def read_all(items: list[Any], places: list[SourceLocation]) -> None:
            for item, place in zip(items, places, strict=True):
                read(item, place)

        return read_all

    def external_party(self, value: object, here: SourceLocation) -> None:
        found = self.named(value, here, EXTERNAL)
        if found is not None and self.register(found[0], "external", found[2]):
            self.external[found[0]] = External(*found)

    def group(self, value: object, here: SourceLocation) -> None:
        found = self.named(value, here, GROUP)
        if found is None:
            return
        ident, names, where = found
        if ident in self.groups:
            self.duplicates.append(Duplicate(ident, "group", where, self.groups[ident].location))
        else:
            self.groups[ident] = Group(ident, names, where)


def build_organization(
    data: object, marks: Marks, most_assignments: int | None = None
) -> Organization:
    """The organization described by parsed data; LoadError listing every problem, or at
    once when the roles pass ``most_assignments``."""
    return _Builder(marks, most_assignments).build(data)
