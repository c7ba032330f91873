"""The model file described once: every object, its keys, their kinds and meaning.

The loader checks keys (and suggests the closest) against this table, and the JSON
Schema (:func:`raci.io.schema.model_schema`) is generated from it, so the two cannot
drift apart. ``docs/format.md`` documents every key listed here (a test checks it).
"""

from __future__ import annotations

import enum

import attrs


class Kind(enum.Enum):
    """What a key's value is; each kind has one reader in the loader and one schema."""

    # Members are singletons compared by identity; the loader looks readers up by kind for
    # every value of a file, and Enum's own hash is written in Python.
    __hash__ = object.__hash__

    VERSION = "the format version, 1"
    ID = "an id: a string without whitespace (a whole number is read as a string)"
    IDS = "one id or a list of ids"
    NAME = "a text or a {language: text} mapping"
    TEXT = "a text"
    LETTER = "one letter"
    ROLE_KIND = "what a role means to the rules"
    FLAG = "true or false"
    COUNT = "a whole number, 0 or more"
    NUMBER = "a number, 0 or more (fractions such as 0.5 allowed)"
    DATE = "an ISO date such as 2020-03-31"
    MAPPING = "a free-form mapping"
    LEVELS = "level names, top first; an entry may be a list of names of equal rank"
    SCHEME = "a built-in scheme name or a custom scheme"
    RACI = "role letter to one party id or a list of them"
    RULES = "rule name to off, on, a severity or a mapping of options"
    POSTS = "a {grade: count} mapping, or a list of {grade, count, fund} (fractions allowed)"
    GRADES = "category to its list of grades, top first"
    OBJECT = "a mapping"
    LIST = "a list"


@attrs.frozen
class Field:
    """One key of an object: its kind, whether it must be given, what it means."""

    key: str
    kind: Kind
    about: str
    required: bool = False
    #: for OBJECT, SCHEME and LIST: the name of the object (in OBJECTS) it holds.
    of: str | None = None


@attrs.frozen
class Shape:
    """An object of the model file; ``what`` is how messages speak of it."""

    name: str
    what: str
    about: str
    fields: tuple[Field, ...]
    #: The keys the object may have, in documentation order.
    keys: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _by_key: dict[str, Field] = attrs.field(init=False, repr=False, eq=False)
    #: The kind of each key the object may have.
    kinds: dict[str, Kind] = attrs.field(init=False, repr=False, eq=False)

    @keys.default
    def _keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @_by_key.default
    def _index(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    @kinds.default
    def _kinds(self) -> dict[str, Kind]:
        return {f.key: f.kind for f in self.fields}

    def field(self, key: str) -> Field:
        """The field of ``key`` (KeyError for a key the object does not have)."""
        return self._by_key[key]

    @property
    def required(self) -> tuple[str, ...]:
        """The keys the object must have."""
        return tuple(f.key for f in self.fields if f.required)


F = Field
K = Kind

FILE = Shape(
    "file",
    "the file",
    "One organization at one point in time: units, positions, parties,"
    " deliverables and their roles.",
    (
        F("version", K.VERSION, "The format version: 1 (the default when absent)."),
        F(
            "organization",
            K.OBJECT,
            "The organization's name, language and levels.",
            of="organization",
        ),
        F(
            "scheme",
            K.SCHEME,
            "RACI (default), RASCI, RACI-VS, DACI, CAIRO or a custom scheme.",
            of="scheme",
        ),
        F("units", K.LIST, "The hierarchy of units, nested or flat with `parent`.", of="unit"),
        F("positions", K.LIST, "Posts inside units.", of="position"),
        F("external", K.LIST, "Parties outside the hierarchy.", of="external"),
        F("groups", K.LIST, "Headings that group deliverables.", of="group"),
        F("deliverables", K.LIST, "The work and the roles parties hold on it.", of="deliverable"),
        F(
            "grades",
            K.GRADES,
            "The grades by category, top first (default: the UN common system's).",
        ),
        F("rules", K.RULES, "Per-file rule settings, by rule name."),
    ),
)

ORGANIZATION = Shape(
    "organization",
    "`organization`",
    "The organization as a whole.",
    (
        F("name", K.NAME, "The organization's name."),
        F("language", K.TEXT, "The language of plain-text names (default `en`)."),
        F("levels", K.LEVELS, "The level names, top first."),
    ),
)

SCHEME = Shape(
    "scheme",
    "`scheme`",
    "A custom scheme: its name and its roles.",
    (
        F("name", K.TEXT, "The scheme's name."),
        F("roles", K.LIST, "The roles, at least one.", required=True, of="role"),
    ),
)

ROLE = Shape(
    "role",
    "a role",
    "A role of a custom scheme.",
    (
        F("letter", K.LETTER, "The letter used in `raci` mappings.", required=True),
        F("name", K.TEXT, "The role's name (default: its letter)."),
        F("min", K.COUNT, "The fewest parties per deliverable (default 0)."),
        F("max", K.COUNT, "The most parties per deliverable (default: no limit)."),
        F("kind", K.ROLE_KIND, "What the role means to the rules; A, R, C, I have defaults."),
    ),
)

UNIT = Shape(
    "unit",
    "a unit",
    "A unit of the hierarchy.",
    (
        F("id", K.ID, "The unit's id, unique among parties.", required=True),
        F("name", K.NAME, "The unit's name (default: its id)."),
        F("level", K.TEXT, "One of the organization's levels."),
        F("parent", K.ID, "The parent unit's id, for units listed flat."),
        F("units", K.LIST, "Child units, nested.", of="unit"),
        F("head", K.ID, "The id of the position that heads the unit."),
        F("staff", K.FLAG, "A staff office, drawn beside its parent."),
        F("headcount", K.COUNT, "The staff count when positions are not listed."),
        F("posts", K.POSTS, "The unit's establishment: its own posts by grade (and fund)."),
        F("also_reports_to", K.IDS, "Units this one also reports to (dotted line)."),
        F("formerly", K.IDS, "Earlier units this one continues (for `raci diff`)."),
        F("attributes", K.MAPPING, "Free-form data carried along."),
    ),
)

POSITION = Shape(
    "position",
    "a position",
    "A post inside a unit.",
    (
        F("id", K.ID, "The position's id, unique among parties.", required=True),
        F("title", K.NAME, "The post's title (default: its id)."),
        F("unit", K.ID, "The id of the unit the post is in.", required=True),
        F("grade", K.TEXT, "The post's grade."),
        F("holder", K.TEXT, "The name of the person holding the post."),
        F("vacant", K.FLAG, "The post is vacant."),
        F("reports_to", K.ID, "A position id (default: the head of the post's unit)."),
        F("formerly", K.IDS, "Earlier posts this one continues (for `raci diff`)."),
        F("attributes", K.MAPPING, "Free-form data carried along."),
    ),
)

EXTERNAL = Shape(
    "external",
    "an external party",
    "A party outside the hierarchy.",
    (
        F("id", K.ID, "The party's id, unique among parties.", required=True),
        F("name", K.NAME, "The party's name (default: its id)."),
    ),
)

GROUP = Shape(
    "group",
    "a group",
    "A heading for deliverables.",
    (
        F("id", K.ID, "The group's id, unique among groups.", required=True),
        F("name", K.NAME, "The group's name (default: its id)."),
    ),
)

DELIVERABLE = Shape(
    "deliverable",
    "a deliverable",
    "A piece of work and the roles parties hold on it.",
    (
        F("id", K.ID, "The deliverable's id, unique among deliverables.", required=True),
        F("name", K.NAME, "The deliverable's name (default: its id)."),
        F("group", K.ID, "The id of its group."),
        F("due", K.DATE, "The due date."),
        F("raci", K.RACI, "Role letter of the scheme to a party id or a list of them."),
    ),
)

POST = Shape(
    "post",
    "an item of `posts`",
    "Posts of one grade, and optionally one funding source, in a unit's establishment.",
    (
        F("grade", K.TEXT, "The grade, such as `P-4` or `GS-OL`.", required=True),
        F("count", K.NUMBER, "How many posts (default 1; fractions such as 0.5 allowed)."),
        F("fund", K.TEXT, "The funding source, such as `RB` or `XB`."),
    ),
)

OBJECTS: dict[str, Shape] = {
    s.name: s
    for s in (
        FILE,
        ORGANIZATION,
        SCHEME,
        ROLE,
        UNIT,
        POSITION,
        EXTERNAL,
        GROUP,
        DELIVERABLE,
        POST,
    )
}
