"""Read an org chart kept as a spreadsheet (one unit per row) into a model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from raci._text import quoted
from raci.cells import HeaderFields, normalize_header
from raci.exceptions import LoadError
from raci.findings import Alternatives, Field, SourceLocation, nsay, number, say
from raci.io.tables.org_people import (
    NAME_PARTS,
    NameColumns,
    made_of,
    name_columns,
    part_columns,
    says_vacant,
    vacant_post,
)
from raci.io.tables.org_prefix import without_table_name
from raci.io.tables.table import Table, raise_problems, reading_note
from raci.lookup import is_id, slug
from raci.model import (
    TITLE_ATTRIBUTES,
    Duplicate,
    Levels,
    Names,
    Organization,
    Position,
    TableNote,
    Unit,
)

#: Header spellings of each field (compared without case, spaces, ``_`` and ``-``), with
#: those of the org-chart importers (Visio, OrgPlus, OrgChart Now) and of HR systems'
#: exports (BambooHR, Workday, SAP SuccessFactors' position import).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "personid",
        "uniqueidentifier",
        "positioncode",
        "unitid",
        "uniqueid",
        "employeeid",
        "employeenumber",
        "workerid",
        "staffid",
        "nodeid",
        "email",
        "shortname",
        "code",
        "unitcode",
        "orgcode",
        "teamcode",
        "departmentcode",
        "deptcode",
        "key",
        "slug",
        "username",
        "código",
        "codigo",
    ),
    "name": (
        "name",
        "unitname",
        "teamname",
        "displayname",
        "fullname",
        "employeename",
        "workername",
        "worker",
        "preferredname",
        # edge lists: `from,to` and `manager,report`
        "to",
        "report",
        "directreport",
        "subordinate",
        "child",
        # Spanish (`nombre` alone is a first name: org_people)
        "denominacion",
        "denominación",
    ),
    "parent": (
        "from",
        "parent",
        "parentid",
        "pid",
        "manager",
        "managerid",
        "managername",
        "manageremail",
        "reportsto",
        "reportstoid",
        "supervisorid",
        "supervisor",
        "managerpos",
        "managerposition",
        "managerpositioncode",
        "parentposition",
        "parentpositioncode",
        # Spanish, Portuguese, French: the parent, the unit above, the one depended on
        "padre",
        "idpadre",
        "padreid",
        "pai",
        "idpai",
        "superior",
        "superiorid",
        "idsuperior",
        "dependencia",
        "dependede",
        "supérieur",
        "superieur",
    ),
    "level": ("level",),
    "head": ("head",),
    "headcount": ("headcount",),
    "also_reports_to": (
        "alsoreportsto",
        "altreportsto",
        "matrixmanager",
        "matrixmanagerpos",
        "matrixmanagerposition",
        "dottedlinemanager",
        "dottedline",
    ),
    "staff": ("staff", "isassistant", "assistant"),
    # Visio's wizard: the shape each row is drawn with (`Assistant`, `Manager`...).
    "shape": ("mastershape", "shapetype"),
}
#: Parent spellings that give way to any other parent column: Workday's `Manager` is the
#: manager of the worker's own team, so a manager's row names themself there.
_WEAK_PARENTS = frozenset({"manager", "managername", "supervisor"})


class _OrgFields(HeaderFields):
    """:class:`HeaderFields` that reads headers without the table's name before the field
    (:func:`without_table_name`), prefers a parent column other than ``Manager``, finds
    the parts of a name split into columns (:func:`part_columns`), and takes the job
    title column for the name when there is no name (a position import lists posts, not
    people)."""

    def __call__(self, header: Sequence[str]) -> dict[str, int]:
        found = super().__call__(header)
        if "parent" not in found:
            fields = without_table_name(header)
            if fields is not None and "parent" in super().__call__(fields):
                header, found = fields, super().__call__(fields)
        keys = [normalize_header(text) for text in header]
        strong = [c for c in self.columns_of(header, "parent") if keys[c] not in _WEAK_PARENTS]
        if strong:
            found["parent"] = strong[0]
        parts = part_columns(keys, found)
        if parts:
            found.pop("name", None)
            found.update(parts)
        elif "name" not in found:
            taken = set(found.values())
            titles = [c for t in TITLE_ATTRIBUTES for c, k in enumerate(keys) if k == t]
            title = next((c for c in titles if c not in taken), None)
            if title is not None:
                found["name"] = title
        return found


#: The column of each field a header row names.
org_columns = _OrgFields(ALIASES)
_TRUE = frozenset({"true", "yes", "y", "1", "x"})
_FALSE = frozenset({"false", "no", "n", "0", ""})


def looks_like_org(header: tuple[str, ...]) -> bool:
    """Whether a header row is an org sheet's: a parent column and an id or name column
    (or the columns of a name's parts)."""
    columns = org_columns(header)
    return "parent" in columns and any(f in columns for f in ("id", "name", *NAME_PARTS))


def org_from_table(table: Table, people: bool = False) -> Organization:
    """The units listed in an org sheet; every bad cell is reported, none is repaired.

    A row whose parent is not in the sheet (a manager outside the export) is placed at the
    top, and a note says so; in an edge list (``from,to``, ``manager,report``: a name and
    a parent column only), a parent that no row lists is a unit of its own. A second
    header row (labels under technical names) is skipped, and said. A name split into
    first- and last-name columns is joined, and a note says which columns made it; a row
    whose name says the post is vacant (`VACANT`, `TBD`) is a unit whose head is that
    post, vacant (:mod:`raci.io.tables.org_people`), and a note counts them. ``people``
    says the rows are people whom :mod:`raci.io.tables.org_units` places in units (so no
    one is placed at the top).
    """
    if not table.rows:
        raise LoadError.at(table.file, 0, 0, "the table is empty; expected an org sheet")
    header_row, header = table.rows[0]
    if not looks_like_org(header):
        raise LoadError(
            [
                table.problem(
                    header_row, 1, "an org sheet needs an id or name column and a parent column"
                )
            ]
        )
    columns = org_columns(header)
    naming = name_columns([normalize_header(h) for h in header], columns)
    name_at = (naming.columns[0] if naming else columns.get("name", 0)) + 1
    extra = {
        col: table.clean(text)
        for col, text in enumerate(header)
        if col not in columns.values() and table.clean(text)
    }
    levels = Levels()
    problems = []
    notes: list[TableNote] = []
    body = table.rows[1:]
    if body and org_columns(body[0][1]) == columns:
        notes.append(_labels_skipped(table, body[0][0]))
        body = body[1:]
    rows: list[tuple[int, dict[str, str], dict[str, str]]] = []
    for row, raw in body:
        cells = [table.clean(c) for c in raw]
        values = {f: cells[c] if c < len(cells) else "" for f, c in columns.items()}
        if naming:
            values["name"] = naming.join(cells)
        attributes = {extra[c]: cells[c] for c in extra if c < len(cells) and cells[c]}
        rows.append((row, values, attributes))
    if naming:
        notes.append(_name_made(table, header_row, header, naming, rows))
    vacant = {row for row, values, _ in rows if says_vacant(values.get("name", ""))}

    # Ids first, so that parents may be written as ids or as (unique) names.
    ids: dict[int, str] = {}
    by_name: dict[str, list[str]] = {}
    vacancies: Counter[str] = Counter()
    for row, values, _ in rows:
        if values.get("id"):
            ident = values["id"]
            if not is_id(ident):
                problems.append(
                    table.problem(row, columns["id"] + 1, f"id `{ident}` must not contain spaces")
                )
                continue
        elif values.get("name"):
            ident = slug(values["name"])
            if not ident:
                problems.append(table.problem(row, name_at, "cannot make an id from this name"))
                continue
            if row in vacant:  # `Vacant`, `Vacant-2`...: each row a post of its own
                vacancies[ident] += 1
                ident += f"-{vacancies[ident]}" if vacancies[ident] > 1 else ""
        else:
            problems.append(table.problem(row, 1, "this row has neither an id nor a name"))
            continue
        ids[row] = ident
        if values.get("name"):
            by_name.setdefault(" ".join(values["name"].split()).casefold(), []).append(ident)
    known = set(ids.values())
    edges = set(columns) == {"name", "parent"} and not extra
    #: Parents that no row lists, with the first row naming each.
    outside: dict[str, int] = {}

    def reference(text: str, row: int, field: str) -> str | None:
        if text in known or not text:
            return text or None
        hits = by_name.get(" ".join(text.split()).casefold(), [])
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(hits[:5]) + (f" and {len(hits) - 5:,} more" if len(hits) > 5 else "")
            reason = f"{quoted(text)} names {len(hits):,} units ({listed}); write the id instead"
        elif field == "parent":
            outside.setdefault(text, row)
            return _edge_id(text) if edges else None
        elif is_id(text):
            return text  # an unknown id: the rules report it
        else:
            reason = f"`{text}` is neither the id nor the name of a unit in this sheet"
        problems.append(table.problem(row, columns[field] + 1, reason))
        return None

    units: dict[str, Unit] = {}
    duplicates: list[Duplicate] = []
    said_vacant: dict[str, int] = {}
    for row, values, attributes in rows:
        if row not in ids:
            continue
        ident = ids[row]
        where = table.at(row, 1)
        level = values.get("level") or None
        if level is not None and levels.rank(level.casefold()) is None:
            problems.append(
                table.problem(
                    row,
                    columns["level"] + 1,
                    f"unknown level `{level}`; expected one of {', '.join(levels.names)}",
                )
            )
        headcount = None
        if values.get("headcount"):
            text = values["headcount"]
            # ASCII digits only (int() refuses `²`), and not thousands of them.
            if text.isascii() and text.isdigit() and len(text) <= 18:
                headcount = int(text)
            else:
                problems.append(
                    table.problem(
                        row,
                        columns["headcount"] + 1,
                        f"`headcount` must be a whole number, 0 or more (got {quoted(text)})",
                    )
                )
        staff = values.get("staff", "").casefold()
        if not staff and values.get("shape", "").casefold() == "assistant":
            staff = "true"
        if staff not in _TRUE | _FALSE:
            problems.append(
                table.problem(
                    row, columns["staff"] + 1, f"`staff` must be true or false (got {staff!r})"
                )
            )
        also = [
            reference(t.strip(), row, "also_reports_to")
            for t in values.get("also_reports_to", "").replace(",", ";").split(";")
            if t.strip()
        ]
        unit = Unit(
            id=ident,
            names=Names.plain(values.get("name") or ident),
            level=level.casefold() if level else None,
            parent=reference(values.get("parent", ""), row, "parent"),
            head=values.get("head") or None,
            staff=staff in _TRUE,
            headcount=headcount,
            also_reports_to=tuple(a for a in also if a),
            attributes=attributes,
            location=where,
        )
        if ident in units:
            duplicates.append(Duplicate(ident, "unit", where, units[ident].location))
        else:
            units[ident] = unit
            if row in vacant:
                said_vacant[ident] = row
        parent = values.get("parent", "")
        if not edges and parent in outside and not people:
            notes.append(_placed_at_top(table, row, columns["parent"] + 1, parent, unit))
    raise_problems(problems)
    if edges:
        for text, row in outside.items():
            ident = _edge_id(text)
            units.setdefault(ident, Unit(ident, Names.plain(text), location=table.at(row, 1)))
    # A sheet with job titles lists people (one per row), not units.
    layout = "people-sheet" if any(u.title for u in units.values()) else "org-sheet"
    positions: dict[str, Position] = {}
    for ident in said_vacant:
        units[ident], post = vacant_post(units[ident], units.keys() | positions.keys())
        positions[post.id] = post
    if said_vacant:
        first = table.at(next(iter(said_vacant.values())), name_at)
        words = [v["name"] for r, v, _ in rows if r in said_vacant.values()]
        notes.append(_vacant_read(first, words))
    return Organization(
        names=Names.plain(Path(table.file).stem),
        levels=levels,
        units=units,
        positions=positions,
        duplicates=tuple(duplicates),
        notes=tuple(notes),
        layout=layout,
        source=table.file,
    )


def _labels_skipped(table: Table, row: int) -> TableNote:
    """The note on a second header row, which names the same columns in other words."""
    return reading_note(
        table.at(row, 1),
        say(
            "this row names the header's columns again in other words (a second header row),"
            " so it is not read as a unit"
        ),
        say("Remove one of the two header rows if this is not what you meant."),
    )


def _name_made(
    table: Table,
    header_row: int,
    header: Sequence[str],
    naming: NameColumns,
    rows: Iterable[tuple[int, dict[str, str], dict[str, str]]],
) -> TableNote:
    """The note on a name made of first- and last-name columns, with the first name made
    of two parts or more as an example."""
    joined = (v["name"] for _, v, _ in rows if sum(bool(v.get(f)) for f in NAME_PARTS) > 1)
    example = next(joined, "")
    return reading_note(
        table.at(header_row, naming.columns[0] + 1),
        made_of(header, naming, example),
        say("Rename a column that holds something other than a part of the name."),
    )


def _vacant_read(where: SourceLocation, names: list[str]) -> TableNote:
    """The note on the rows whose name says the post is vacant (``names``: those names)."""
    said = [quoted(n) for n in dict.fromkeys(names)]
    listed: Field = Alternatives(tuple(said)) if len(said) < 4 else f"{', '.join(said[:3])}..."
    return reading_note(
        where,
        nsay(
            "{n} row named {names} is read as vacant posts, each with the row's title",
            "{n} rows named {names} are read as vacant posts, each with the row's title",
            len(names),
            names=listed,
        ).with_fields(n=number(len(names))),
        say("Write the holder's name there once the post is filled."),
    )


def _placed_at_top(table: Table, row: int, column: int, parent: str, unit: Unit) -> TableNote:
    """The note on a row whose parent is not in the sheet."""
    return reading_note(
        table.at(row, column),
        say(
            "{parent} is not in this sheet, so {name} is placed at the top",
            parent=quoted(parent),
            name=quoted(unit.name),
        ),
        say("Add a row for it if it belongs to the chart."),
    )


def _edge_id(text: str) -> str:
    """The id of a unit that an edge list names only as a parent."""
    return text if is_id(text) else slug(text)
