"""The units, positions and deliverables of a JSON or TOML file, the plain ones read in
tight loops; anything else goes to the builder's key-by-key reading.

A plain object is one the parser placed as a whole (by its ``id``): every key is known,
every value reads without a problem, and its id is new. A million-assignment file is
almost all plain objects, so this loop is most of the time spent building the model;
it gives exactly what the key-by-key reading would give.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from raci.deliverable_table import NOWHERE_ELSE
from raci.findings import SourceLocation
from raci.io._marks import IdMarks
from raci.io._values import Wrong, date
from raci.model import Names, Position, Unit

if TYPE_CHECKING:
    from raci.io._build import _Builder

#: A key's value when the key is absent.
_ABSENT: Any = object()
_UNIT_KEYS = frozenset(("id", "name", "level", "head", "staff", "units"))
_POSITION_KEYS = frozenset(("id", "title", "unit", "grade", "holder", "vacant", "reports_to"))
_DELIVERABLE_KEYS = frozenset(("id", "name", "group", "due", "raci"))


def _name(value: object) -> str | None:
    """A name given as one non-empty text, stripped; None for anything else."""
    if type(value) is str:
        text = value.strip()
        if text:
            return text
    return None


def _date(value: object, dates: dict[str, dt.date]) -> dt.date | None:
    """A due date (remembered in ``dates`` when written as text), or None when it is not one."""
    try:
        found = date(value)
    except Wrong:
        return None
    if type(value) is str:
        dates[value] = found
    return found


def read_units(b: _Builder, items: list[Any], places: list[SourceLocation]) -> None:
    """Read a `units` list and the units nested in it, depth first in file order: plain
    units here, the others by ``b.unit``."""
    # What is left to read: each unit with its parent's id and its place.
    stack: list[tuple[Any, str | None, SourceLocation]] = [
        (obj, None, here) for obj, here in zip(reversed(items), reversed(places), strict=True)
    ]
    while stack:
        obj, parent, here = stack.pop()
        found = _plain_unit(b, obj, parent, here)
        ident, nested = b.unit(obj, parent, here) if found is None else found
        stack += ((child, ident, place) for child, place in reversed(nested))


def _plain_unit(
    b: _Builder, obj: Any, parent: str | None, here: SourceLocation
) -> tuple[str, list[tuple[Any, SourceLocation]]] | None:
    """Read a plain unit of a JSON or TOML file: its id and the units nested in it with
    their places; None (nothing read) for any other."""
    marks = b.marks
    if (
        not isinstance(marks, IdMarks)
        or type(obj) is not dict
        or id(obj) in marks.marked
        or id(obj) in b.walked
        or not obj.keys() <= _UNIT_KEYS
    ):
        return None
    get = obj.get
    ident, name, level = get("id"), get("name", _ABSENT), get("level", _ABSENT)
    head, staff, children = get("head", _ABSENT), get("staff", False), get("units", [])
    if type(level) is str:
        level = level.strip() or None
    if (
        type(ident) is not str
        or ident.split() != [ident]
        or ident in b.seen
        or (name is not _ABSENT and _name(name) is None)
        or (level is not None and level is not _ABSENT and type(level) is not str)
        or (level and b.level_names and level not in b.level_names)
        or (head is not _ABSENT and (type(head) is not str or head.split() != [head]))
        or type(staff) is not bool
        or type(children) is not list
        or id(children) in marks.marked
    ):
        return None
    loc = marks.node(obj, here)
    b.walked.add(id(obj))
    b.register(ident, "unit", loc)
    # By position, in the order of Unit's fields (faster than by keyword).
    b.units[ident] = Unit(
        ident,
        Names.plain(ident if name is _ABSENT else name.strip(), b.language),
        None if level is _ABSENT else level,
        parent,
        None if head is _ABSENT else head,
        staff,
        None,
        (),
        (),
        {},
        loc,
        NOWHERE_ELSE,
    )
    return ident, [(child, loc) for child in children]


def read_positions(b: _Builder, items: list[Any], places: list[SourceLocation]) -> None:
    """Read a `positions` list: plain positions here, the others by ``b.position``."""
    marks = b.marks
    if not isinstance(marks, IdMarks):
        for obj, here in zip(items, places, strict=True):
            b.position(obj, here)
        return
    seen, table, claim = b.seen, b.positions, marks.claim
    marked, placed, known = marks.marked, marks.placed, b.known_ids
    ident_of, language = b.party_id, b.language
    # Titles as read: posts of the same title share their name.
    titles: dict[str, Names] = {}
    for obj, here in zip(items, places, strict=True):
        if type(obj) is not dict or id(obj) in marked or not obj.keys() <= _POSITION_KEYS:
            b.position(obj, here)
            continue
        get = obj.get
        ident, title = get("id"), get("title", _ABSENT)
        grade, holder = get("grade", _ABSENT), get("holder", _ABSENT)
        vacant, boss = get("vacant", False), get("reports_to", _ABSENT)
        unit = ident_of(get("unit"))
        chief = None if boss is _ABSENT else ident_of(boss)
        if (
            type(ident) is not str
            or ident.split() != [ident]
            or ident in seen
            or unit is None
            or (title is not _ABSENT and _name(title) is None)
            or (grade is not _ABSENT and type(grade) is not str)
            or (holder is not _ABSENT and type(holder) is not str)
            or type(vacant) is not bool
            or (chief is None and boss is not _ABSENT)
        ):
            b.position(obj, here)
            continue
        known[ident] = ident
        # Placed as `marks.node` would place it, without remembering it: no one asks again.
        loc = placed.get(id(obj))
        if loc is None:
            offset = claim(ident)
            loc = here if offset is None else marks.locate(offset)
        seen[ident] = ("position", loc)
        if title is _ABSENT:
            names = Names.plain(ident, language)
        else:
            title = title.strip()
            shared = titles.get(title)
            if shared is None:
                shared = titles[title] = Names.plain(title, language)
            names = shared
        # By position, in the order of Position's fields (faster than by keyword).
        table[ident] = Position(
            ident,
            names,
            unit,
            None if grade is _ABSENT else grade.strip(),
            None if holder is _ABSENT else holder.strip(),
            vacant,
            chief,
            (),
            {},
            loc,
            NOWHERE_ELSE,
        )


def read_deliverables(b: _Builder, items: list[Any], places: list[SourceLocation]) -> None:
    """Read a `deliverables` list: plain deliverables whose roles read as a whole
    (``b.plain_roles``) here, the others by ``b.deliverable``."""
    marks = b.marks
    if not isinstance(marks, IdMarks):
        for obj, here in zip(items, places, strict=True):
            b.deliverable(obj, here)
        return
    rows, marked, placed, claim = b.deliverables, marks.marked, marks.placed, marks.claim
    seen = rows.index
    # A plain deliverable's row (see DeliverableRows), added in place.
    add_id, add_roles, add_parties = rows.ids.append, rows.roles.append, rows.parties.append
    add_made, add_plain = rows.made.append, rows.plain.append
    read_roles = b.plain_roles
    # Due dates as written, read once each.
    dates: dict[str, dt.date] = {}
    for obj, here in zip(items, places, strict=True):
        if type(obj) is not dict or id(obj) in marked or not obj.keys() <= _DELIVERABLE_KEYS:
            b.deliverable(obj, here)
            continue
        get = obj.get
        ident = get("id")
        if type(ident) is not str or ident.split() != [ident] or ident in seen:
            b.deliverable(obj, here)
            continue
        name = get("name", ident)
        if type(name) is str:
            name = name.strip()
        group = get("group")
        if group is not None:
            group = b.party_id(group)
        due = get("due")
        if due is not None:
            due = (dates.get(due) if type(due) is str else None) or _date(due, dates)
        raci = get("raci", {})
        if (
            not name
            or type(name) is not str
            or (group is None and "group" in obj)
            or (due is None and "due" in obj)
            or type(raci) is not dict
            or id(raci) in marked
        ):
            b.deliverable(obj, here)
            continue
        columns = read_roles(raci)
        if columns is None:
            b.deliverable(obj, here)
            continue
        place: int | SourceLocation | None = placed.get(id(obj))
        if place is None:
            place = claim(ident)
            if place is None:
                place = here
        seen[ident] = len(seen)
        add_id(ident)
        add_roles(columns[0])
        add_parties(columns[1])
        add_made(None)
        add_plain((name, group, due, place))
