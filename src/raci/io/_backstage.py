"""Read a Backstage software catalog (``catalog-info.yaml``, ``org.yaml``: entities parted
by ``---``) as an organization: each Group a unit (its ``spec.type`` the level), each User
a post in every group it is a member of. Other kinds are skipped, and said."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from raci._text import quoted
from raci.exceptions import LoadError
from raci.findings import Field, Finding, Said, SourceLocation, nsay, say
from raci.io._marks import Marks
from raci.io._yaml import parse_yaml_documents
from raci.lookup import is_id
from raci.model import Duplicate, Levels, Names, Organization, Position, TableNote, Unit

#: A document that starts an entity of Backstage's own API: how a catalog is told from a
#: model file (which never has an ``apiVersion``).
_ENTITY = re.compile(r"^apiVersion:[ \t]*['\"]?[\w.-]*backstage\.io/", re.M)
#: The notes' rules: how the catalog was read (info), and groups placed two ways (warning).
READING, MISMATCH = "catalog-reading", "catalog-mismatch"


#: How a problem names the type a value must have.
_KINDS: dict[type, str] = {str: "a text", dict: "a mapping", list: "a list"}


def is_catalog(text: str) -> bool:
    """Whether a YAML text holds Backstage entities (``apiVersion: backstage.io/...``)."""
    return _ENTITY.search(text) is not None


@attrs.frozen
class _Ref:
    """An entity reference, ``[kind:][namespace/]name``, compared without case."""

    kind: str
    namespace: str
    name: str
    #: The reference as written.
    text: str = attrs.field(default="", eq=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind.casefold(), self.namespace.casefold(), self.name.casefold())

    def __str__(self) -> str:
        return self.text or f"{self.kind}:{self.namespace}/{self.name}"


@attrs.define
class _Entity:
    """A Group or User as written: its reference, name and the references it makes."""

    ref: _Ref
    id: str
    name: str
    at: SourceLocation
    level: str | None = None
    attributes: dict[str, str] = attrs.Factory(dict)
    #: spec.parent, and the references listed in spec.children, spec.members or
    #: spec.memberOf, each with its place.
    parent: tuple[_Ref, SourceLocation] | None = None
    listed: list[tuple[_Ref, SourceLocation]] = attrs.Factory(list)


class _Reader:
    """Reads the entities of one catalog, collecting problems (which stop the load) and
    notes (which the rules report)."""

    def __init__(self, file: str, marks: Marks) -> None:
        self.file = file
        self.marks = marks
        self.problems: list[Finding] = list(marks.problems)
        self.notes: list[TableNote] = []

    def note(
        self,
        rule: str,
        subject: str,
        where: SourceLocation,
        message: str | Said,
        hint: str | Said = "",
    ) -> None:
        self.notes.append(TableNote(rule, subject, message, where, hint))

    def problem(self, where: SourceLocation, reason: str) -> None:
        self.problems.append(Finding.parse_error(where, reason))

    def get(self, obj: dict[Any, Any], key: str, kind: type, at: SourceLocation) -> Any:
        """``obj[key]`` when it is a ``kind`` (None when absent); a problem otherwise."""
        value = obj.get(key)
        if value is None or isinstance(value, kind):
            return value
        expected = _KINDS[kind]
        self.problem(self.marks.value(obj, key, at), f"`{key}` must be {expected}")
        return None

    def ref(self, text: Any, kind: str, namespace: str, where: SourceLocation) -> _Ref | None:
        """The reference ``text`` makes to an entity of ``kind``: ``name``,
        ``kind:name`` or ``kind:namespace/name`` (a problem when it names another kind
        or is not a reference)."""
        given, colon, rest = text.strip().partition(":") if isinstance(text, str) else ("",) * 3
        if not colon:
            given, rest = "", given
        space, _, name = rest.rpartition("/")
        if not name:
            self.problem(
                where, f"expected a reference to a {kind.title()}, such as `{kind}:a-name`"
            )
            return None
        if given and given.casefold() != kind:
            self.problem(where, f"{quoted(text)} names a {given}, not a {kind.title()}")
            return None
        return _Ref(kind, space or namespace, name, text.strip())


def read_catalog(text: str, file: str) -> Organization:
    """The organization a Backstage catalog describes (:mod:`raci.io._backstage`)."""
    documents, marks = parse_yaml_documents(text, file)
    reader = _Reader(file, marks)
    groups: dict[tuple[str, str, str], _Entity] = {}
    users: dict[tuple[str, str, str], _Entity] = {}
    duplicates: list[Duplicate] = []
    skipped: dict[str, list[tuple[str, SourceLocation]]] = {}
    for doc in documents:
        if doc is None:
            continue  # an empty document: `---` at the end
        entity = _entity(reader, doc, skipped)
        if entity is None:
            continue
        table = groups if entity.ref.kind == "group" else users
        first = table.setdefault(entity.ref.key, entity)
        if first is not entity:
            duplicates.append(Duplicate(entity.id, entity.ref.kind, entity.at, first.at))
    if reader.problems:
        raise LoadError(sorted(reader.problems, key=lambda p: p.location))
    if not groups:
        found = ", ".join(f"{len(v)} {k}" for k, v in skipped.items()) or "no entities"
        reason = (
            f"this Backstage catalog holds no Group ({found}); raci reads an organization"
            " from its Groups and Users"
        )
        raise LoadError.at(file, 1, 1, reason)
    for kind, entities in skipped.items():
        _say_skipped(reader, kind, entities)
    parents = _parents(reader, groups)
    posts = _posts(reader, groups, users)
    units = {
        g.id: Unit(
            g.id,
            Names.plain(g.name),
            level=g.level,
            parent=parents.get(key),
            attributes=g.attributes,
            location=g.at,
            spots={"parent": g.parent[1]} if g.parent else {},
        )
        for key, g in groups.items()
    }
    tops = [u for u in units.values() if u.parent is None]
    return Organization(
        names=Names.plain(tops[0].name if len(tops) == 1 else Path(file).stem),
        levels=_levels(units),
        units=units,
        positions=posts,
        duplicates=tuple(duplicates),
        notes=tuple(reader.notes),
        layout="catalog",
        source=file,
    )


def _entity(
    reader: _Reader, doc: Any, skipped: dict[str, list[tuple[str, SourceLocation]]]
) -> _Entity | None:
    """The Group or User a document describes; None for other kinds (noted in
    ``skipped``) and for a document that cannot be read (a problem)."""
    start = SourceLocation(reader.file, 1, 1)
    at = reader.marks.node(doc, start) if isinstance(doc, (dict, list)) else start
    if not isinstance(doc, dict) or not doc.get("kind") or not doc.get("apiVersion"):
        reader.problem(
            at, "this document is not a Backstage entity: it has no `apiVersion` and `kind`"
        )
        return None
    kind = reader.get(doc, "kind", str, at)
    if kind is None:
        return None
    metadata = reader.get(doc, "metadata", dict, at) or {}
    if "name" not in metadata:
        reader.problem(reader.marks.key(doc, "metadata", at), "an entity needs `metadata.name`")
        return None
    name = reader.get(metadata, "name", str, at)
    if name is None:
        return None
    if not is_id(name):
        where = reader.marks.value(metadata, "name", at)
        reader.problem(where, f"`metadata.name` {quoted(name)} must not be empty or hold spaces")
        return None
    if kind.casefold() not in ("group", "user"):
        skipped.setdefault(kind, []).append((name, at))
        return None
    kind = kind.casefold()
    namespace = reader.get(metadata, "namespace", str, at) or "default"
    spec = reader.get(doc, "spec", dict, at) or {}
    profile = reader.get(spec, "profile", dict, at) or {}
    shown = (
        reader.get(profile, "displayName", str, at)
        or reader.get(metadata, "title", str, at)
        or name
    )
    entity = _Entity(
        _Ref(kind, namespace, name),
        name if namespace.casefold() == "default" else f"{namespace}/{name}",
        shown,
        at,
    )
    for key, source in (("email", profile), ("description", metadata)):
        value = reader.get(source, key, str, at)
        if value:
            entity.attributes[key] = value
    if kind == "group":
        entity.level = reader.get(spec, "type", str, at)
        parent = spec.get("parent")
        if parent is not None:
            where = reader.marks.value(spec, "parent", at)
            found = reader.ref(parent, "group", namespace, where)
            entity.parent = (found, where) if found else None
        entity.listed = list(_listed(reader, spec, "children", "group", namespace, at))
        entity.listed += _listed(reader, spec, "members", "user", namespace, at)
    else:
        entity.listed = list(_listed(reader, spec, "memberOf", "group", namespace, at))
    return entity


def _listed(
    reader: _Reader, spec: dict[Any, Any], key: str, kind: str, namespace: str, at: SourceLocation
) -> Iterator[tuple[_Ref, SourceLocation]]:
    """The references a list of ``spec`` makes, each with its place."""
    items = reader.get(spec, key, list, at) or []
    for where, item in zip(reader.marks.item_places(items, at), items, strict=True):
        found = reader.ref(item, kind, namespace, where)
        if found is not None:
            yield found, where


def _say_skipped(reader: _Reader, kind: str, entities: list[tuple[str, SourceLocation]]) -> None:
    """The note on the entities of a kind raci does not read."""
    name, where = entities[0]
    skipped = (
        nsay(
            "{n} {kind} entities (the first {name}) are not read: raci reads Groups and Users",
            "{n} {kind} entities (the first {name}) are not read: raci reads Groups and Users",
            len(entities),
            kind=kind,
            name=quoted(name),
        )
        if len(entities) > 1
        else say(
            "the {kind} {name} is not read: raci reads Groups and Users",
            kind=kind,
            name=quoted(name),
        )
    )
    hint = (
        say(
            "raci reads the entities of this file only; read the files a Location points to"
            " one by one."
        )
        if kind.casefold() == "location"
        else say("Nothing to fix: raci reads the Groups and Users of a catalog.")
    )
    reader.note(READING, name, where, skipped, hint)


def _parents(
    reader: _Reader, groups: dict[tuple[str, str, str], _Entity]
) -> dict[tuple[str, str, str], str]:
    """Each group's parent (its id): its ``spec.parent``, else the group that lists it in
    ``spec.children``. A group placed two ways, or a reference to a group not in the
    file, is noted where it is written."""
    listers: dict[tuple[str, str, str], list[tuple[_Entity, SourceLocation]]] = {}
    for group in groups.values():
        for ref, where in group.listed:
            if ref.kind != "group":
                continue
            if ref.key in groups:
                listers.setdefault(ref.key, []).append((group, where))
            else:
                reader.note(
                    READING,
                    group.id,
                    where,
                    say(
                        "{group} lists the child group {child}, which is not in this file, so"
                        " it is not drawn",
                        group=quoted(group.id),
                        child=quoted(str(ref)),
                    ),
                    say("Add the group to this file if it belongs to the chart."),
                )
    found: dict[tuple[str, str, str], str] = {}
    for key, group in groups.items():
        others = listers.get(key, [])
        chosen: _Entity | None = None
        if group.parent is not None:
            ref, where = group.parent
            chosen = groups.get(ref.key)
            if chosen is None:
                reader.note(
                    READING,
                    group.id,
                    where,
                    say(
                        "the parent {parent} is not in this file, so {group} is placed at the top",
                        parent=quoted(str(ref)),
                        group=quoted(group.id),
                    ),
                    say("Add the parent group to this file if it belongs to the chart."),
                )
        if chosen is None and others:
            chosen = others[0][0]
        for lister, where in others:
            if lister is not chosen:
                _mismatch(reader, group, lister, chosen, where)
        if chosen is not None:
            found[key] = chosen.id
    return found


def _mismatch(
    reader: _Reader, group: _Entity, lister: _Entity, chosen: _Entity | None, where: SourceLocation
) -> None:
    """The note on a group listed among the children of a group that is not its parent."""
    fields: dict[str, Field] = {"lister": quoted(lister.id), "group": quoted(group.id)}
    if chosen is None:
        said = say(
            "{lister} lists {group} among its children, but its parent is not in this file;"
            " it is placed at the top",
            **fields,
        )
    elif group.parent is not None:
        said = say(
            "{lister} lists {group} among its children, but {group} names {parent} as its"
            " parent; it is placed under {parent}",
            parent=quoted(chosen.id),
            **fields,
        )
    else:
        said = say(
            "{lister} lists {group} among its children, but {parent} lists it too; it is"
            " placed under {parent}",
            parent=quoted(chosen.id),
            **fields,
        )
    hint = say(
        "Make `spec.parent` of {group} and the `spec.children` of its parent agree.",
        group=quoted(group.id),
    )
    reader.note(MISMATCH, group.id, where, said, hint)


def _posts(
    reader: _Reader,
    groups: dict[tuple[str, str, str], _Entity],
    users: dict[tuple[str, str, str], _Entity],
) -> dict[str, Position]:
    """A post for each user in each group it is a member of (by its ``spec.memberOf``, then
    the groups' ``spec.members``): the first keeps the user's id, others are
    ``user@group``."""
    member_of: dict[tuple[str, str, str], dict[str, None]] = {}
    for key, user in users.items():
        member_of[key] = {}
        for ref, where in user.listed:
            if ref.key in groups:
                member_of[key][groups[ref.key].id] = None
            else:
                reader.note(
                    READING,
                    user.id,
                    where,
                    say(
                        "{user} is a member of {group}, which is not in this file",
                        user=quoted(user.id),
                        group=quoted(str(ref)),
                    ),
                    say("Add the group to this file to place the user in it."),
                )
    for group in groups.values():
        members = [(ref, w) for ref, w in group.listed if ref.kind == "user"]
        missing = [(ref, w) for ref, w in members if ref.key not in users]
        for ref, _ in members:
            if ref.key in users:
                member_of[ref.key].setdefault(group.id, None)
        if missing:
            first = quoted(str(missing[0][0]))
            said = (
                nsay(
                    "{n} members of {group} (the first {first}) are not in this file, so they"
                    " are not listed",
                    "{n} members of {group} (the first {first}) are not in this file, so they"
                    " are not listed",
                    len(missing),
                    group=quoted(group.id),
                    first=first,
                )
                if len(missing) > 1
                else say(
                    "the member {first} of {group} is not in this file, so it is not listed",
                    first=first,
                    group=quoted(group.id),
                )
            )
            hint = say("Add the users to this file.")
            reader.note(READING, group.id, missing[0][1], said, hint)
    ids = {g.id.casefold() for g in groups.values()}
    posts: dict[str, Position] = {}
    for key, user in users.items():
        if not member_of[key]:
            reader.note(
                READING,
                user.id,
                user.at,
                say(
                    "the user {user} is a member of no group in this file, so it is not placed",
                    user=quoted(user.id),
                ),
                say("Give it `spec.memberOf`, or list it in a group's `spec.members`."),
            )
        base = f"user:{user.id}" if user.id.casefold() in ids else user.id
        for i, unit in enumerate(member_of[key]):
            pid = base if i == 0 else f"{base}@{unit}"
            posts[pid] = Position(
                pid, Names.plain(user.name), unit, attributes=user.attributes, location=user.at
            )
    return posts


def _levels(units: dict[str, Unit]) -> Levels:
    """The groups' types as levels, ranked by how near the top each first appears."""
    depth: dict[str, int] = {}
    for uid in units:
        chain: list[str] = []
        at = uid
        while at in units and at not in depth and at not in chain:
            chain.append(at)
            at = units[at].parent or ""
        below = depth[at] + 1 if at in depth else 0
        for step in reversed(chain):
            depth[step] = below
            below += 1
    ranks: dict[str, int] = {}
    for uid, unit in units.items():
        if unit.level:
            ranks[unit.level] = min(ranks.get(unit.level, depth[uid]), depth[uid])
    if not ranks:
        return Levels()
    order = sorted(set(ranks.values()))
    return Levels(tuple(tuple(t for t, r in ranks.items() if r == rank) for rank in order))
