"""Rules about the structure: ids, references, cycles, roots, levels, idle units."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import compress, count, filterfalse
from operator import not_
from typing import Any

from raci._walks import Successors, breadth_first, cycles
from raci.findings import Field, Finding, Said, Severity, SourceLocation, nsay, say
from raci.lookup import Suggestions
from raci.rules._util import Held, a_level_word, kind_name, units_of
from raci.rules.registry import Context, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@rule(
    "duplicate-id",
    "H101",
    ERROR,
    "An id is used twice.",
    example="""
        units:
          - id: agency
            units:
              - {id: ops, name: Operations}
              - {id: ops, name: Operations Division}
    """,
    fix="Rename one of the two, or delete the copy; only the first definition is used.",
)
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    for dup in ctx.org.duplicates:
        scope = say("deliverables") if dup.kind == "deliverable" else say("groups")
        if dup.kind in ("unit", "position", "external"):
            scope = say("units, positions and external parties")
        yield ctx.finding(
            dup.id,
            say(
                "id `{id}` is used twice (first at {first}); ids must be unique across {scope}",
                id=dup.id,
                first=str(dup.first),
                scope=scope,
            ),
            dup.location,
            say("Rename one of the two, or delete the copy; only the first definition is used."),
        )


@rule(
    "invisible-id",
    "H109",
    ERROR,
    "An id holds a character that does not show (a zero-width space, a control or a bidi"
    " character), so it looks like another id.",
    example="""
        units:
          - id: agency
            units:
              - {id: "ops\\u200b", name: Operations}
    """,
    fix="Retype the id with visible characters only.",
)
def invisible_id(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    tables: tuple[Mapping[str, Any], ...] = (
        org.units,
        org.positions,
        org.external,
        org.groups,
        org.deliverables,
    )
    for table in tables:
        if "".join(table).isprintable():
            continue  # one test over all the ids, for a million deliverables
        for ident in filterfalse(str.isprintable, table):
            # Spaces are refused when loading; what is left does not show.
            hidden = next(c for c in ident if not c.isprintable())
            yield ctx.finding(
                ident,
                say(
                    "id `{id}` holds the invisible character {code}; it looks like another id",
                    id=_visible(ident),
                    code=_code_point(hidden),
                ),
                table[ident].location,
                say("Retype the id with visible characters only."),
            )


@rule(
    "unknown-reference",
    "H102",
    ERROR,
    "A parent, head, unit, reports_to, group or party id does not exist.",
    example="""
        units:
          - id: agency
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: agency, I: [bord]}
    """,
    fix=(
        "Correct the id (the hint suggests the closest one), or add the party, unit or group it"
        " means."
    ),
)
def unknown_reference(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    suggestions: dict[str, Suggestions] = {}
    pools: dict[str, Iterable[str]] = {
        "unit": org.units,
        "position": org.positions,
        "group": org.groups,
        "party": org.parties,
    }

    def missing(
        subject: str, field: str | Said, ref: str, expected: str, where: SourceLocation
    ) -> Finding:
        if expected not in suggestions:
            suggestions[expected] = Suggestions(pools[expected])
        found = kind_name(org, ref)
        if found == "id":
            got = _NONE_HAS[expected].with_fields(ref=ref)
        else:
            got = say(
                "`{ref}` is {found}, not {expected}",
                ref=ref,
                found=_A[found],
                expected=_A[expected],
            )
        closest = suggestions[expected].closest(ref)
        return ctx.finding(
            subject,
            say(
                "{field} of `{subject}` refers to `{ref}`, but {got}",
                field=field,
                subject=subject,
                ref=ref,
                got=got,
            ),
            where,
            _USE[expected].with_fields(
                mean=say("Did you mean `{id}`? ", id=closest) if closest else ""
            ),
        )

    for u in org.units.values():
        if u.parent is not None and u.parent not in org.units:
            yield missing(u.id, "`parent`", u.parent, "unit", u.where("parent"))
        if u.head is not None and u.head not in org.positions:
            yield missing(u.id, "`head`", u.head, "position", u.where("head"))
        for other in u.also_reports_to:
            if other not in org.units:
                yield missing(u.id, "`also_reports_to`", other, "unit", u.where("also_reports_to"))
    for p in org.positions.values():
        if p.unit not in org.units:
            yield missing(p.id, "`unit`", p.unit, "unit", p.where("unit"))
        if p.reports_to is not None and p.reports_to not in org.positions:
            yield missing(p.id, "`reports_to`", p.reports_to, "position", p.where("reports_to"))
    held = ctx.derived(Held)
    unknown = held.distinct().difference(org.parties)
    groups = held.groups()
    stray = set(groups).difference(org.groups)
    stray.discard(None)
    # Deliverable by deliverable: a group that is not one, then each party that is none
    # (looked for only in the deliverables that name one).
    named: dict[int, list[int]] = {}
    if stray:
        named.update((k, []) for k in compress(count(), map(stray.__contains__, groups)))
    if unknown:
        for k in compress(count(), map(not_, map(unknown.isdisjoint, held.parties_of))):
            start = held.first[k]
            parties = held.parties_of[k]
            named.setdefault(k, []).extend(
                start + j for j, party in enumerate(parties) if party in unknown
            )
    for k in sorted(named):
        d = held.deliverable(k)
        if d.group is not None and d.group not in org.groups:
            yield missing(d.id, "`group`", d.group, "group", d.where("group"))
        for i in named[k]:
            role = held.roles[i]
            field = say("role `{letter}`", letter=role)
            yield missing(d.id, field, held.parties[i], "party", held.location(i))


def _code_point(char: str) -> str:
    """``U+200B``."""
    return f"U+{ord(char):04X}"


def _visible(ident: str) -> str:
    """``ident`` with what does not show written as ``\\uXXXX``."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in ident)


#: Each kind of thing as a sentence names one ('a unit'), for `unknown-reference`.
_A = {
    "unit": say("a unit"),
    "position": say("a position"),
    "external party": say("an external party"),
    "deliverable": say("a deliverable"),
    "group": say("a group"),
    "party": say("a party"),
}
#: That no thing of a kind has the id ``ref``.
_NONE_HAS = {
    "unit": say("no unit has id `{ref}`"),
    "position": say("no position has id `{ref}`"),
    "group": say("no group has id `{ref}`"),
    "party": say("no party has id `{ref}`"),
}
#: The hint of `unknown-reference` by the kind expected; ``mean`` is a "Did you mean"
#: sentence, or ''.
_USE = {
    "unit": say("{mean}Use the id of an existing unit, or add it."),
    "position": say("{mean}Use the id of an existing position, or add it."),
    "group": say("{mean}Use the id of an existing group, or add it."),
    "party": say("{mean}Use the id of an existing party, or add it."),
}


def _cycles(successors: Successors, order: list[str]) -> Iterator[list[str]]:
    """Each cycle of a graph as its members, sorted and started by file order."""
    rank = {node: i for i, node in enumerate(order)}
    for members in cycles(successors):
        yield sorted(members, key=rank.__getitem__)


@rule(
    "hierarchy-cycle",
    "H103",
    ERROR,
    "Units (or reports_to lines) form a cycle.",
    example="""
        units:
          - id: agency
          - {id: ops, parent: finance}
          - {id: finance, parent: ops}
    """,
    fix=(
        "Change one `parent` (or `reports_to`) in the cycle so that the chain ends at the top unit."
    ),
)
def hierarchy_cycle(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    children = {uid: org.children(uid) for uid in org.units}
    for members in _cycles(children, list(org.units)):
        unit = org.units[members[0]]
        yield ctx.finding(
            unit.id,
            say(
                "units form a cycle through their parents: {cycle}",
                cycle=" → ".join([*members, members[0]]),
            ),
            unit.where("parent"),
            say(
                "Each unit needs a parent above it; change one `{key}` so the chain ends at"
                " the root.",
                key="parent",
            ),
        )
    for unit in org.units.values():
        if unit.id in unit.also_reports_to:
            yield ctx.finding(
                unit.id,
                say(
                    "unit `{id}` reports to itself by a dotted line (`{key}`)",
                    id=unit.id,
                    key="also_reports_to",
                ),
                unit.where("also_reports_to"),
                say("Name the unit it also reports to, or drop the line."),
            )
    reporting: dict[str, list[str]] = {}
    for p in org.positions.values():
        if p.reports_to is not None and p.reports_to in org.positions:
            reporting.setdefault(p.reports_to, []).append(p.id)
    for members in _cycles(reporting, list(org.positions)):
        post = org.positions[members[0]]
        yield ctx.finding(
            post.id,
            say(
                "positions form a cycle through `{key}`: {cycle}",
                key="reports_to",
                cycle=" → ".join([*members, members[0]]),
            ),
            post.where("reports_to"),
            say(
                "Change one `{key}` so the reporting line ends at the top post.",
                key="reports_to",
            ),
        )


@rule(
    "multiple-roots",
    "H104",
    ERROR,
    "More than one top unit.",
    example="""
        units:
          - id: agency
          - id: liaison-office
    """,
    fix="Give the extra top unit a `parent`, or nest it under the unit it belongs to.",
)
def multiple_roots(ctx: Context) -> Iterator[Finding]:
    roots = ctx.org.roots
    for uid in roots[1:]:
        yield ctx.finding(
            uid,
            nsay(
                "unit `{id}` has no parent, so the organization has {n} top units"
                " (`{first}` is the first); expected exactly 1",
                "unit `{id}` has no parent, so the organization has {n} top units"
                " (`{first}` is the first); expected exactly 1",
                len(roots),
                id=uid,
                first=roots[0],
            ),
            ctx.org.units[uid].location,
            say(
                "Give `{id}` a `{key}` (perhaps `{first}`), or nest it under its parent.",
                id=uid,
                key="parent",
                first=roots[0],
            ),
        )


@rule(
    "level-order",
    "H105",
    WARNING,
    "A unit ranks above or equal to its parent's level.",
    example="""
        organization:
          levels: [organization, division, section]
        units:
          - id: agency
            level: organization
            units:
              - id: budget-section
                level: section
                units:
                  - {id: ops, level: division}
    """,
    fix="Move the unit under a parent of a higher level, or correct one of the two `level` values.",
)
def level_order(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    for u in org.units.values():
        parent = org.units.get(u.parent) if u.parent is not None else None
        if parent is None:
            continue
        mine, theirs = org.levels.rank(u.level), org.levels.rank(parent.level)
        if mine is None or theirs is None or mine > theirs:
            continue
        fields: dict[str, Field] = {
            "id": u.id,
            "parent": parent.id,
            "level": a_level_word(u.level or "", f"a {u.level}"),
            "parent_level": a_level_word(parent.level or "", f"a {parent.level}"),
        }
        message = (
            say(
                "unit `{id}` is {level} under `{parent}`, {parent_level}: {level} ranks the"
                " same as {parent_level}, expected a level below it",
                **fields,
            )
            if mine == theirs
            else say(
                "unit `{id}` is {level} under `{parent}`, {parent_level}: {level} ranks above"
                " {parent_level}, expected a level below it",
                **fields,
            )
        )
        yield ctx.finding(
            u.id,
            message,
            u.where("level"),
            say(
                "Fix the `{key}` of one of the two, or move the unit under a unit of a higher"
                " level.",
                key="level",
            ),
        )


@rule(
    "idle-unit",
    "H106",
    INFO,
    "A unit that holds no role and has no descendant that does.",
    example="""
        units:
          - id: agency
            units:
              - {id: ops}
              - {id: archive}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: ops, I: [board]}
    """,
    fix=(
        "Give the unit the work it does, or check whether it is still needed (`idle-unit: off` "
        "under `rules:` where idle units are expected)."
    ),
)
def idle_unit(ctx: Context) -> Iterator[Finding]:
    """Only the topmost unit of an idle subtree: everything below it is idle too. (Units
    in an idle cycle have no top: the cycle's first unit in the file stands for them.)"""
    org = ctx.org
    if not org.deliverables:
        return
    busy: set[str] = set()
    unit_of = ctx.derived(units_of)
    for party in ctx.derived(Held).distinct():
        unit = unit_of.get(party)
        while unit is not None and unit not in busy:
            busy.add(unit)
            parent = org.units[unit].parent
            unit = parent if parent in org.units else None
    children: dict[str, list[str]] = {}
    for u in org.units.values():
        if u.parent is not None and u.parent in org.units and u.parent != u.id:
            children.setdefault(u.parent, []).append(u.id)
    posts: dict[str, int] = {}
    for post in org.positions.values():
        posts[post.unit] = posts.get(post.unit, 0) + 1

    def parent_of(uid: str) -> str | None:
        parent = org.units[uid].parent
        return parent if parent is not None and parent in org.units else None

    tops = [
        uid
        for uid in org.units
        if uid not in busy and (parent_of(uid) is None or parent_of(uid) in busy)
    ]
    covered: set[str] = set()
    for uid in tops:
        covered |= set(breadth_first(children, uid))
    # Idle units no top reaches hang in or under a cycle of idle units.
    walked: dict[str, str] = {}
    order = {uid: i for i, uid in enumerate(org.units)}
    for uid in org.units:
        if uid in busy or uid in covered or uid in walked:
            continue
        path: list[str] = []
        at: str | None = uid
        while at is not None and at not in walked:
            walked[at] = uid
            path.append(at)
            at = parent_of(at)
        if at is not None and walked[at] == uid:  # closed a new cycle
            first = min(path[path.index(at) :], key=order.__getitem__)
            tops.append(first)
            covered |= set(breadth_first(children, first))

    for uid in tops:
        inner = set(breadth_first(children, uid)) - {uid}
        n_posts = sum(posts.get(x, 0) for x in (uid, *inner))
        units = nsay("{n} unit", "{n} units", len(inner))
        staff = nsay("{n} post", "{n} posts", n_posts)
        inside = (
            say("{units} and {posts}", units=units, posts=staff)
            if inner and n_posts
            else units
            if inner
            else staff
        )
        u = org.units[uid]
        message = (
            say(
                "unit `{id}` holds no role on any deliverable, nor does any unit or post in"
                " it ({inside}, not reported one by one)",
                id=u.id,
                inside=inside,
            )
            if inner or n_posts
            else say(
                "unit `{id}` holds no role on any deliverable, nor does any unit or post in it",
                id=u.id,
            )
        )
        yield ctx.finding(
            u.id,
            message,
            u.location,
            say("Assign it the work it does, or check whether the unit is still needed."),
        )
