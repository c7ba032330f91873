"""Place the people of an org sheet in units: one unit for each value of a column
(``Department``), under the unit of a ``Division`` column when there is one; each person
becomes a post of their unit, reporting to their manager's post."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import attrs

from raci._text import quoted
from raci.cells import normalize_header
from raci.exceptions import LoadError
from raci.findings import Finding, SourceLocation
from raci.io.tables.org_paths import path_ids
from raci.io.tables.org_people import without_title
from raci.io.tables.org_sheet import org_columns, org_from_table
from raci.io.tables.table import Table
from raci.lookup import slug
from raci.model import Names, Organization, Position, Unit

#: The word ``--group-by`` takes for a department column by any of its names.
DEPARTMENT = "department"
#: Headers of a department column, in order of preference (compared as
#: :func:`normalize_header` leaves them): BambooHR's and Visio's `Department`, Workday's
#: `Organization Name` and `Supervisory Organization`, SuccessFactors' `DEPT`.
DEPARTMENT_HEADERS = (
    "department",
    "dept",
    "departmentname",
    "deptname",
    "organizationname",
    "organisationname",
    "supervisoryorganization",
    "supervisoryorg",
    "orgunit",
    "organizationalunit",
    "organisationalunit",
)
#: Headers of a division column, which holds departments (SuccessFactors' `DIV`).
DIVISION_HEADERS = ("division", "div", "divisionname", "businessunit")

Path = tuple[str, ...]


def group_columns(headers: Sequence[str], group_by: str) -> list[str] | None:
    """The headers whose values name a person's unit, outermost first: for
    ``department``, the department column under the division column (if any); else the
    column headed ``group_by``. None when the sheet has no such column."""
    keys: dict[str, str] = {}
    for header in headers:
        keys.setdefault(normalize_header(header), header)
    if normalize_header(group_by) == DEPARTMENT:
        department = next((keys[k] for k in DEPARTMENT_HEADERS if k in keys), None)
        division = next((keys[k] for k in DIVISION_HEADERS if k in keys), None)
        if department is None:
            return None
        return [division, department] if division is not None else [department]
    column = keys.get(normalize_header(group_by))
    return None if column is None else [column]


def people_in_units(table: Table, group_by: str) -> Organization:
    """The people of an org sheet (a person a row) as posts of units named by the
    ``group_by`` column (:func:`group_columns`).

    A person whose cells name no unit is placed in their manager's. A top unit goes
    under the unit its people's managers are in (``Engineering`` under ``Executive``,
    where the CTO's manager sits), else at the top; several tops go under one unit named
    after the file. A unit's head is the one person in it whose manager is not; a person's
    dotted-line manager in another unit draws a dotted line between the two units.
    """
    org = org_from_table(table, people=True)
    header = table.rows[0][1]
    fields = set(org_columns(header).values())
    headers = [table.clean(h) for c, h in enumerate(header) if c not in fields and table.clean(h)]
    where = table.at(table.rows[0][0], 1)
    columns = group_columns(headers, group_by)
    if columns is None:
        listed = ", ".join(quoted(h) for h in headers) or "none"
        reason = (
            f"there is no {quoted(group_by)} column to group the people by (other columns:"
            f" {listed})"
        )
        raise LoadError([Finding.parse_error(where, reason)])
    people = org.units
    units, unit_of = _units(org, _paths(org, columns), where)
    heads = _heads(org, unit_of)
    dotted = _dotted(org, unit_of)
    for uid, unit in units.items():
        if uid in heads or uid in dotted:
            extra = tuple(u for u in dotted.get(uid, ()) if u != unit.parent)
            units[uid] = attrs.evolve(unit, head=heads.get(uid), also_reports_to=extra)
    vacant = {p.unit for p in org.positions.values() if p.vacant}
    positions = {
        pid: _post(person, unit_of[pid], columns, people, pid in vacant)
        for pid, person in people.items()
    }
    return attrs.evolve(
        org,
        units=units,
        positions=positions,
        duplicates=tuple(attrs.evolve(d, kind="position") for d in org.duplicates),
        layout="org-sheet",
    )


def _units(
    org: Organization, paths: dict[str, Path], where: SourceLocation
) -> tuple[dict[str, Unit], dict[str, str]]:
    """The units the people's ``paths`` name (a unit for every path and every part of
    one), and each person's unit."""
    people = org.units
    ids = path_ids(
        sorted({p[:i] for p in paths.values() for i in range(1, len(p) + 1)}, key=_first(paths)),
        people,
    )
    parents: dict[Path, Path | None] = {p: p[:-1] or None for p in ids}
    parents.update(_tops_above(org, paths))
    tops = [p for p in ids if parents[p] is None]
    root = _root_id(org, {*ids.values(), *people}) if len(tops) != 1 else None
    unit_of = {pid: ids[path] if path else (root or ids[tops[0]]) for pid, path in paths.items()}
    units: dict[str, Unit] = {}
    if root is not None:
        units[root] = Unit(root, org.names, location=where)
    # A unit's place: the row of the first person in it (or below it).
    first_row = {
        path[:i]: people[pid].location
        for pid, path in reversed(paths.items())
        for i in range(1, len(path) + 1)
    }
    for path, uid in ids.items():
        above = parents[path]
        units[uid] = Unit(
            uid,
            Names.plain(path[-1]),
            parent=ids[above] if above else root,
            location=first_row.get(path, where),
        )
    return units, unit_of


def _first(paths: dict[str, Path]) -> Callable[[Path], int]:
    """A sort key: units in the order the sheet first names them."""
    order: dict[Path, int] = {}
    for path in paths.values():
        for i in range(1, len(path) + 1):
            order.setdefault(path[:i], len(order))
    return lambda path: order[path]


def _paths(org: Organization, columns: Sequence[str]) -> dict[str, Path]:
    """Each person's unit, as the names in their ``columns``: their own, else their
    manager's (and so on up), else ``()``."""
    people = org.units
    own = {
        pid: tuple(v for c in columns if (v := str(p.attributes.get(c, "")).strip()))
        for pid, p in people.items()
    }
    found: dict[str, Path] = {}
    for pid in people:
        chain: list[str] = []
        at = pid
        while at in people and at not in found and at not in chain:
            if own[at]:
                found[at] = own[at]
                break
            chain.append(at)
            at = people[at].parent or ""
        path = found.get(at, ())
        for member in chain:
            found[member] = path
    return found


def _tops_above(org: Organization, paths: dict[str, Path]) -> dict[Path, Path | None]:
    """The top unit each top unit goes under: the one where most of the managers of its
    people (those whose manager is outside it) sit; none when one of them has no manager
    in the sheet, or to break a loop."""
    people = org.units
    votes: dict[Path, Counter[Path]] = {}
    topmost: set[Path] = set()
    for pid, path in paths.items():
        if not path:
            continue
        top = path[:1]
        votes.setdefault(top, Counter())
        boss = people[pid].parent
        above = paths.get(boss or "", ())[:1] if boss in people else ()
        if not above:
            topmost.add(top)
        elif above != top:
            votes[top][above] += 1
    chosen: dict[Path, Path | None] = {
        top: None if top in topmost or not count else count.most_common(1)[0][0]
        for top, count in votes.items()
    }
    for top in chosen:
        seen = [top]
        at = chosen[top]
        while at is not None and at not in seen:
            seen.append(at)
            at = chosen[at]
        if at is not None:
            chosen[top] = None  # a loop: the first unit of it (in the sheet) goes to the top
    return chosen


def _root_id(org: Organization, taken: set[str]) -> str:
    """The id of the unit that holds several top units: the file's name."""
    ident = slug(org.names.get()) or "organization"
    while ident in taken:
        ident += "-top"
    return ident


def _heads(org: Organization, unit_of: dict[str, str]) -> dict[str, str]:
    """Each unit's head: the one person in it whose manager is not (units with two or
    more such people have none)."""
    people = org.units
    found: dict[str, list[str]] = {}
    for pid, uid in unit_of.items():
        boss = people[pid].parent
        if boss not in unit_of or unit_of[boss] != uid:
            found.setdefault(uid, []).append(pid)
    return {uid: pids[0] for uid, pids in found.items() if len(pids) == 1}


def _dotted(org: Organization, unit_of: dict[str, str]) -> dict[str, list[str]]:
    """The units each unit also reports to: those of its people's dotted-line managers."""
    found: dict[str, dict[str, None]] = {}
    for pid, person in org.units.items():
        for other in person.also_reports_to:
            if other in unit_of and unit_of[other] != unit_of[pid]:
                found.setdefault(unit_of[pid], {})[unit_of[other]] = None
    return {uid: list(others) for uid, others in found.items()}


def _post(
    person: Unit, unit: str, columns: Sequence[str], people: Mapping[str, Unit], vacant: bool
) -> Position:
    """A person as a post: their job title held by them (or their name, without a
    title), reporting to their manager's post; a ``vacant`` post (its row said so, and
    :func:`raci.io.tables.org_people.vacant_post` named it by its title) has no holder."""
    title = person.title
    keep = {k: v for k, v in without_title(person.attributes, title).items() if k not in columns}
    return Position(
        person.id,
        Names.plain(title) if title else person.names,
        unit,
        holder=person.name if title else None,
        vacant=vacant,
        reports_to=person.parent if person.parent in people else None,
        attributes=keep,
        location=person.location,
        spots=person.spots,
    )
