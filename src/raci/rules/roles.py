"""Rules about each deliverable's roles: cardinality, known letters, chain, overlaps."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count, groupby, repeat
from operator import ne

from raci.findings import Field, Finding, Listed, Said, Severity, SourceLocation, nsay, say
from raci.model import Deliverable, Organization
from raci.rules._util import Held, Lineage, configured, raci_role, role_word, units_of
from raci.rules.options import role_limits, whole_number
from raci.rules.registry import Context, Option, rule
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _first(d: Deliverable, letter: str) -> SourceLocation:
    """Where the role is first assigned, else where the deliverable starts."""
    held = d.assignments
    if letter in held.roles:
        return held.location(held.roles.index(letter))
    return d.where("raci")


#: Hints that say where a role is written, by the layout of the source (docs/format.md):
#: a model file, or a table laid out as a matrix, by role column, one row per role, or
#: a table per deliverable with a row per role. Their fields: ``key`` (``A:``), ``letter``,
#: ``title``, ``party``, ``configured``, ``rules`` and ``ignore`` (the code to write).
_HINTS: dict[str, dict[str, Said]] = {
    "no-accountable": {
        "model": say("Name the one party answerable for it under `{key}`."),
        "matrix": say("Put `{letter}` in exactly one cell of this row."),
        "roles-by-column": say("Name exactly one party in the {title} column of this row."),
        "long": say("Add one row giving this deliverable's {title} (role `{letter}`)."),
        "roles-by-row": say(
            "Name exactly one party in the {title} row of this deliverable's table."
        ),
    },
    "many-accountable": {
        "model": say("Keep one {title}; make the others {responsible} or {consulted}."),
        "matrix": say(
            "Put `{letter}` in exactly one cell of this row; make the others `{r}` or `{c}`."
        ),
        "roles-by-column": say(
            "Keep one party in the {title} column of this row; move the"
            " others to {responsible} or {consulted}."
        ),
        "long": say(
            "Keep one row with role `{letter}` for this deliverable; make the others"
            " {responsible} or {consulted}."
        ),
        "roles-by-row": say(
            "Keep one party in the {title} row of this deliverable's table;"
            " move the others to {responsible} or {consulted}."
        ),
    },
    "no-responsible": {
        "model": say("Name who does the work under `{key}`."),
        "matrix": say("Put `{letter}` in the cell of whoever does the work, in this row."),
        "roles-by-column": say("Name who does the work in the {title} column of this row."),
        "long": say("Add a row giving who does the work (role `{letter}`)."),
        "roles-by-row": say(
            "Name who does the work in the {title} row of this deliverable's table."
        ),
    },
    "cardinality": {
        "model": say("Adjust the `{key}` list, or the limit under `{rules}`."),
        "matrix": say(
            "Adjust the `{letter}` cells of this row, or the limit {configured}, or"
            " leave the check out with `{ignore}`."
        ),
        "roles-by-column": say(
            "Adjust the {title} column of this row, or the limit {configured},"
            " or leave the check out with `{ignore}`."
        ),
        "long": say(
            "Adjust this deliverable's rows with role `{letter}`, or the limit {configured},"
            " or leave the check out with `{ignore}`."
        ),
        "roles-by-row": say(
            "Adjust the {title} row of this deliverable's table, or the limit"
            " {configured}, or leave the check out with `{ignore}`."
        ),
    },
    "redundant": {
        "model": say("Drop `{party}` from `{key}`."),
        "matrix": say("Drop `{letter}` from `{party}`'s cell in this row."),
        "roles-by-column": say("Drop `{party}` from the {title} column of this row."),
        "long": say("Drop the row that gives `{party}` role `{letter}` here."),
        "roles-by-row": say("Drop `{party}` from the {title} row of this deliverable's table."),
    },
}


def _hint(org: Organization, key: str, letter: str, party: str = "") -> Said:
    """The hint ``key`` in the words of the source's layout."""
    scheme = org.scheme
    texts = _HINTS[key]
    hint = texts.get(org.layout, texts["model"])
    fields: dict[str, Field] = {
        "key": f"{letter}:",
        "letter": letter,
        "title": role_word(scheme, scheme.role(letter), letter),
        "party": party,
        "configured": configured("role-cardinality"),
        "rules": "rules: role-cardinality",
        "ignore": "--ignore role-cardinality",
        "r": "R",
        "c": "C",
        "responsible": raci_role("Responsible"),
        "consulted": raci_role("Consulted"),
    }
    return hint.with_fields(**{k: v for k, v in fields.items() if "{" + k + "}" in hint.text})


def _names(parties: list[str]) -> Listed:
    return Listed(tuple(f"`{p}`" for p in parties))


def _carried(org: Organization, d: Deliverable, letter: str) -> Said | str:
    """For roles carried over through ``formerly``: which old id each came from, and where
    each successor says so."""
    if not d.assignments.carried:
        return ""
    notes: list[Said] = []
    for a in d.assignments:
        if a.role == letter and a.via is not None:
            heir = org.units.get(a.party) or org.positions.get(a.party)
            if heir is not None:
                notes.append(
                    say(
                        "`{party}` continues `{old}`, formerly at {place}",
                        party=a.party,
                        old=a.via,
                        place=str(heir.where("formerly")),
                    )
                )
            else:
                notes.append(say("`{party}` continues `{old}`", party=a.party, old=a.via))
    if not notes:
        return ""
    return say("; carried over: {notes}", notes=Listed(tuple(notes)))


@rule(
    "single-accountable",
    "M101",
    ERROR,
    "A deliverable has zero or more than one Accountable (DACI: Approver).",
    example="""
        units:
          - id: agency
            units:
              - {id: ops}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: [agency, ops], R: ops, I: [board]}
    """,
    fix="Keep exactly one Accountable; make the others Responsible or Consulted.",
)
def single_accountable(ctx: Context) -> Iterator[Finding]:
    scheme = ctx.org.scheme
    letter = scheme.letter_of("accountable")
    if letter is None:
        return
    title = role_word(scheme, scheme.role(letter), letter)
    held = ctx.derived(Held)
    counts = held.count(letter)
    # The deliverables with more than one Accountable, or with none (not counted).
    odd = set(compress(counts, map(ne, counts.values(), repeat(1))))
    if len(counts) < len(held.ids):
        odd.update(set(range(len(held.ids))).difference(counts))
    for k in sorted(odd):
        d = held.deliverable(k)
        found = d.parties(letter)
        if len(found) == 1:
            continue
        if not found:
            yield ctx.finding(
                d.id,
                say(
                    "deliverable `{id}` has no {title} ({letter}); expected exactly one",
                    id=d.id,
                    title=title,
                    letter=letter,
                ),
                d.where("raci"),
                _hint(ctx.org, "no-accountable", letter),
            )
        else:
            yield ctx.finding(
                d.id,
                nsay(
                    "deliverable `{id}` has {n} {title} parties ({letter}: {names});"
                    " expected exactly one{carried}",
                    "deliverable `{id}` has {n} {title} parties ({letter}: {names});"
                    " expected exactly one{carried}",
                    len(found),
                    id=d.id,
                    title=title,
                    letter=letter,
                    names=_names(found),
                    carried=_carried(ctx.org, d, letter),
                ),
                _first(d, letter),
                _hint(ctx.org, "many-accountable", letter),
            )


@rule(
    "responsible-present",
    "M102",
    ERROR,
    "A deliverable has no Responsible (DACI: no Driver).",
    example="""
        units:
          - id: agency
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, I: [board]}
    """,
    fix="Name at least one party that does the work as Responsible.",
)
def responsible_present(ctx: Context) -> Iterator[Finding]:
    scheme = ctx.org.scheme
    letter = scheme.letter_of("responsible")
    if letter is None:
        return
    title = role_word(scheme, scheme.role(letter), letter)
    held = ctx.derived(Held)
    for k in [k for k, roles in enumerate(held.roles_of) if letter not in roles]:
        d = held.deliverable(k)
        yield ctx.finding(
            d.id,
            say(
                "deliverable `{id}` has no {title} ({letter}); expected at least one",
                id=d.id,
                title=title,
                letter=letter,
            ),
            d.where("raci"),
            _hint(ctx.org, "no-responsible", letter),
        )


def _roles(ctx: Context) -> list[Role]:
    """The scheme's roles with the file's min/max overrides applied."""
    roles = []
    for r in ctx.org.scheme.roles:
        limits = ctx.options.get(r.letter) or {}
        roles.append(
            Role(r.letter, r.name, limits.get("min", r.min), limits.get("max", r.max), r.kind)
        )
    return roles


@rule(
    "role-cardinality",
    "M103",
    ERROR,
    "A role other than Accountable breaks its scheme's min/max.",
    extra=role_limits(),
    example="""
        units:
          - id: agency
            units:
              - {id: ops}
              - {id: finance}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: [ops, finance], I: [board]}
        rules:
          role-cardinality: {R: {max: 1}}
    """,
    fix=(
        "Add or remove parties in that role, or change the limit under `rules:` (for a table,"
        " in the configuration file) or in the custom scheme."
    ),
)
def role_cardinality(ctx: Context) -> Iterator[Finding]:
    # A role no count can break is not counted (C and I of the built-in schemes).
    roles = [
        r
        for r in _roles(ctx)
        if r.kind != "accountable"
        and not (r.max is None and (r.min == 0 or (r.min == 1 and r.kind == "responsible")))
    ]
    if not roles:
        return
    held = ctx.derived(Held)
    for k, (letters, parties) in enumerate(zip(held.roles_of, held.parties_of, strict=True)):
        for r in roles:
            n = len({p for x, p in zip(letters, parties, strict=True) if x == r.letter})
            if r.admits(n) or (n == 0 and r.kind == "responsible"):
                continue
            d = held.deliverable(k)
            yield ctx.finding(
                d.id,
                nsay(
                    "deliverable `{id}` has {n} {title} ({letter}); expected {expected}",
                    "deliverable `{id}` has {n} {title} ({letter}); expected {expected}",
                    n,
                    id=d.id,
                    title=role_word(ctx.org.scheme, r),
                    letter=r.letter,
                    expected=_cardinality(r),
                ),
                _first(d, r.letter),
                _hint(ctx.org, "cardinality", r.letter),
            )


def _cardinality(role: Role) -> Said:
    """How many parties the role takes: 'exactly 1', 'at least 1', 'at most 3', 'between 1
    and 3' or 'any number'."""
    least, most = role.min, role.max
    if most is None:
        return say("at least {n}", n=least) if least else say("any number")
    if least == most:
        return say("exactly {n}", n=least)
    if least == 0:
        return say("at most {n}", n=most)
    return say("between {least} and {most}", least=least, most=most)


def _other_scheme(scheme: Scheme, letter: str, used: list[str], model: bool) -> Said:
    """The hint for ``letter``, outside ``scheme``: use one of its letters, or a scheme that
    has every letter ``used``: a custom one in a model file; for a table, a built-in one
    that has them all, or when none has, a legend in the table or a custom scheme in a
    model (a built-in scheme with one letter but not the others would reject those)."""
    own = Listed(scheme.letters)
    if model:
        return say("Use one of {letters}, or declare a custom scheme.", letters=own)
    having = [name for name, s in BUILTIN_SCHEMES.items() if set(used) <= set(s.letters)]
    letters = Listed(tuple(f"`{each}`" for each in used))
    if having:
        return say(
            "Use one of {letters}, or choose a scheme that has {used} with `{option}`"
            " ({schemes}), or with `{key}` in the configuration file.",
            letters=own,
            used=letters,
            option="--scheme",
            schemes=Listed(tuple(having)),
            key="scheme",
        )
    legend = f"{letter} = …"
    return say(
        "Use one of {letters}. No built-in scheme has every letter the table uses ({used}):"
        " a legend in the table that says what each letter means (`{legend}`) is read as its"
        " scheme when `{option}` names none; or import the table (`{command}`) and"
        " declare a custom scheme in the model.",
        letters=own,
        used=letters,
        legend=legend,
        option="--scheme",
        command="raci import",
    )


@rule(
    "unknown-role",
    "M104",
    ERROR,
    "A role letter that is not in the scheme.",
    example="""
        units:
          - id: agency
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: agency, I: [board], X: [board]}
    """,
    fix="Use a letter of the scheme, in capitals, or declare a scheme that has the role.",
)
def unknown_role(ctx: Context) -> Iterator[Finding]:
    scheme = ctx.org.scheme
    letters = set(scheme.letters)
    held = ctx.derived(Held)
    if letters.issuperset(held.roles):
        return
    used = scheme.order({role.upper() for role in set(held.roles)})
    for k in [k for k, roles in enumerate(held.roles_of) if not letters.issuperset(roles)]:
        d = held.deliverable(k)
        for a in d.assignments:
            if a.role not in letters:
                upper = a.role.upper()
                hint = (
                    say("Write `{letter}` in capitals.", letter=upper)
                    if upper in letters
                    else _other_scheme(scheme, upper, used, ctx.org.layout == "model")
                )
                yield ctx.finding(
                    d.id,
                    say(
                        "role `{letter}` on `{id}` is not a role of scheme {scheme}"
                        " (roles: {letters})",
                        letter=a.role,
                        id=d.id,
                        scheme=scheme.name,
                        letters=Listed(scheme.letters),
                    ),
                    a.location,
                    hint,
                )


@rule(
    "accountable-outside-chain",
    "M105",
    WARNING,
    "The Accountable's unit is neither the same as nor above a Responsible party's unit.",
    example="""
        units:
          - id: agency
            units:
              - {id: ops}
              - {id: finance}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: ops, R: finance, I: [board]}
    """,
    fix=(
        "Make Accountable a party at or above the Responsible's unit (the head of a common "
        "parent), or turn the rule off in a matrix organization."
    ),
)
def accountable_outside_chain(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    a_letter = org.scheme.letter_of("accountable")
    r_letter = org.scheme.letter_of("responsible")
    if a_letter is None or r_letter is None:
        return
    a_title, r_title = raci_role("Accountable"), raci_role("Responsible")
    held = ctx.derived(Held)
    lineage = ctx.derived(Lineage)
    unit_of = ctx.derived(units_of)
    enter, leave = lineage.enter, lineage.exit  # Lineage.within, taken apart below
    sole = held.sole(a_letter)
    top_of = dict(zip(sole, map(unit_of.get, sole.values()), strict=True))
    owner, parties, r_at = held.owner, held.parties, held.at(r_letter)
    # The unit of each Responsible party and of its deliverable's Accountable, side by side;
    # looked at only where they differ (most Responsible parties sit in the Accountable's).
    tops = list(map(top_of.get, map(owner.__getitem__, r_at)))
    units = list(map(unit_of.get, map(parties.__getitem__, r_at)))
    for i, top, unit in compress(zip(r_at, tops, units, strict=True), map(ne, tops, units)):
        if top is None or unit is None:
            continue
        start, inner = enter.get(top), enter.get(unit)
        if start is not None and inner is not None and start < inner < leave[top]:
            continue
        accountable, party = sole[owner[i]], parties[i]
        ident = held.ids[owner[i]]
        yield ctx.finding(
            ident,
            say(
                "on `{id}`, {accountable} `{party}` (in `{unit}`) is not in the line"
                " above {responsible} `{other}` (in `{other_unit}`)",
                id=ident,
                accountable=a_title,
                party=accountable,
                unit=top,
                responsible=r_title,
                other=party,
                other_unit=unit,
            ),
            held.location(i),
            say(
                "Make someone who oversees the {responsible} party {accountable}, or move"
                " the work.",
                responsible=r_title,
                accountable=a_title,
            ),
        )


@rule(
    "too-many-consulted",
    "M106",
    WARNING,
    "More than `max` Consulted parties on one deliverable.",
    options={"max": Option(5, whole_number(), "the most Consulted parties on one deliverable")},
    example="""
        units:
          - id: agency
        external:
          - {id: board}
          - {id: audit}
          - {id: donors}
          - {id: staff-union}
          - {id: press}
          - {id: partners}
        deliverables:
          - id: budget
            raci: {A: agency, R: agency, C: [board, audit, donors, staff-union, press, partners]}
    """,
    fix="Consult the few whose input is needed and inform the others, or raise `max`.",
)
def too_many_consulted(ctx: Context) -> Iterator[Finding]:
    letter = ctx.org.scheme.letter_of("consulted")
    if letter is None:
        return
    limit = ctx.options["max"]
    held = ctx.derived(Held)
    for k in [k for k, roles in enumerate(held.roles_of) if roles.count(letter) > limit]:
        d = held.deliverable(k)
        consulted = d.parties(letter)
        if len(consulted) > limit:
            yield ctx.finding(
                d.id,
                nsay(
                    "deliverable `{id}` has {n} {consulted} parties; at most {limit}"
                    " keeps decisions moving",
                    "deliverable `{id}` has {n} {consulted} parties; at most {limit}"
                    " keeps decisions moving",
                    len(consulted),
                    id=d.id,
                    consulted=raci_role("Consulted"),
                    limit=limit,
                ),
                _first(d, letter),
                say(
                    "Move the parties who only need to know to {informed}.",
                    informed=raci_role("Informed"),
                ),
            )


_REDUNDANT = (("consulted", "informed"), ("accountable", "informed"), ("responsible", "informed"))


@rule(
    "redundant-roles",
    "M107",
    WARNING,
    "One party holds roles that say the same thing twice on one deliverable.",
    example="""
        units:
          - id: agency
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: agency, C: [board], I: [board]}
    """,
    fix="Keep the stronger role: drop the party from `I` when it is already A, R or C.",
)
def redundant_roles(ctx: Context) -> Iterator[Finding]:
    scheme = ctx.org.scheme
    pairs = [
        (strong, weak)
        for strong, weak in ((scheme.letter_of(x), scheme.letter_of(y)) for x, y in _REDUNDANT)
        if strong is not None and weak is not None
    ]
    is_weak, is_strong = {w for _, w in pairs}.__contains__, {s for s, _ in pairs}.__contains__
    every = ctx.derived(Held)
    # Only where some party holds two roles: a weak one and a strong one.
    repeats = [k for k, parties in enumerate(every.parties_of) if len(set(parties)) != len(parties)]
    for k in repeats:
        letters, parties = every.roles_of[k], every.parties_of[k]
        weakly = set(compress(parties, map(is_weak, letters)))
        if weakly.isdisjoint(compress(parties, map(is_strong, letters))):
            continue
        ident, first = every.ids[k], every.first[k]
        # Each party's roles here, with where each is first given.
        held: dict[str, dict[str, int]] = {}
        for i, (role, party) in enumerate(zip(letters, parties, strict=True)):
            held.setdefault(party, {}).setdefault(role, i)
        for party, roles in held.items():
            if len(roles) < 2:
                continue
            for strong, weak_letter in pairs:
                if strong in roles and weak_letter in roles:
                    places = (
                        every.location(first + roles[strong]),
                        every.location(first + roles[weak_letter]),
                    )
                    yield ctx.finding(
                        ident,
                        say(
                            "`{party}` is both {strong} and {weak} on `{id}`; {strong}"
                            " already implies being informed",
                            party=party,
                            strong=strong,
                            weak=weak_letter,
                            id=ident,
                        ),
                        max(places),
                        _hint(ctx.org, "redundant", weak_letter, party),
                    )


@rule(
    "silo",
    "M108",
    INFO,
    "A deliverable with no Consulted and no Informed party.",
    example="""
        units:
          - id: agency
        deliverables:
          - id: budget
            raci: {A: agency, R: agency}
    """,
    fix="Say who should be asked (C) or told (I).",
)
def silo(ctx: Context) -> Iterator[Finding]:
    scheme = ctx.org.scheme
    letters = {scheme.letter_of("consulted"), scheme.letter_of("informed")} - {None}
    if not letters:
        return
    held = ctx.derived(Held)
    for k in list(compress(count(), map(letters.isdisjoint, held.roles_of))):
        d = held.deliverable(k)
        yield ctx.finding(
            d.id,
            say(
                "deliverable `{id}` has no {consulted} and no {informed} party",
                id=d.id,
                consulted=raci_role("Consulted"),
                informed=raci_role("Informed"),
            ),
            d.where("raci"),
            say("Say who should be asked or told, so the work is not done in isolation."),
        )


@rule(
    "vacant-accountable",
    "M109",
    WARNING,
    "The Accountable is a vacant post.",
    example="""
        units:
          - id: agency
        positions:
          - {id: director, unit: agency, vacant: true}
          - {id: officer, unit: agency}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: director, R: officer, I: [board]}
    """,
    fix=(
        "Name an acting holder's post as Accountable until the post is filled, or record the "
        "holder and drop `vacant: true`."
    ),
)
def vacant_accountable(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    letter = org.scheme.letter_of("accountable")
    vacant = {pid: p.id for pid, p in org.positions.items() if p.vacant and org.parties[pid] is p}
    if letter is None or not vacant:
        return
    title = raci_role("Accountable")
    held = ctx.derived(Held)
    parties, at = held.parties, held.at(letter)
    for i in compress(at, map(vacant.__contains__, map(parties.__getitem__, at))):
        ident = held.ids[held.owner[i]]
        yield ctx.finding(
            ident,
            say(
                "{accountable} for `{id}` is `{post}`, a vacant post",
                accountable=title,
                id=ident,
                post=vacant[parties[i]],
            ),
            held.location(i),
            say(
                "Name an acting holder's post as {accountable} until the post is filled.",
                accountable=title,
            ),
        )


@rule(
    "not-cascaded",
    "M110",
    INFO,
    "A Responsible unit lists posts, none of which is Responsible for the deliverable.",
    example="""
        units:
          - id: agency
            units:
              - {id: ops}
        positions:
          - {id: analyst, unit: ops}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: ops, I: [board, analyst]}
    """,
    fix="Add the post that does the work inside the unit to `R`.",
)
def not_cascaded(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    letter = org.scheme.letter_of("responsible")
    if letter is None or not org.positions:
        return
    title = raci_role("Responsible")
    lineage = ctx.derived(Lineage)
    staffed = lineage.upward(p.unit for p in org.positions.values())
    # The posts listed in each unit, for the hints: made when first needed.
    posts_in: dict[str, list[str]] = {}
    # The unit of each post in a known unit; the staffed units, as units.
    post_unit = {
        pid: p.unit
        for pid, p in org.positions.items()
        if org.parties[pid] is p and p.unit in org.units
    }
    staffed_units = {uid for uid, u in org.units.items() if u.id in staffed}
    # The hint of each unit reported (its posts that could take the work).
    hints: dict[str, Said] = {}
    held = ctx.derived(Held)
    owner, parties, r_at = held.owner, held.parties, held.at(letter)
    # The Responsible staffed units, deliverable by deliverable.
    found = list(compress(r_at, map(staffed_units.__contains__, map(parties.__getitem__, r_at))))
    # The units of the Responsible posts of each deliverable that has such a unit.
    named = set(map(owner.__getitem__, found))
    posts_at = list(compress(r_at, map(post_unit.__contains__, map(parties.__getitem__, r_at))))
    posts_of: dict[int, list[str]] = {}
    for i in compress(posts_at, map(named.__contains__, map(owner.__getitem__, posts_at))):
        posts_of.setdefault(owner[i], []).append(post_unit[parties[i]])
    within, where, finding = lineage.within, held.location, ctx.finding
    for k, at in groupby(found, owner.__getitem__):
        ident = held.ids[k]
        posts = posts_of.get(k)
        for i in at:
            unit = parties[i]
            if posts and (unit in posts or any(within(post, unit) for post in posts)):
                continue
            hint = hints.get(unit)
            if hint is None:
                hint = hints[unit] = say(
                    "Name the post that does the work as {responsible} too (the cascade to"
                    " staff): {posts}.",
                    responsible=title,
                    posts=_listed(_could_take(org, unit, posts_in)),
                )
            yield finding(
                ident,
                say(
                    "`{unit}` is {responsible} for `{id}`, but none of the posts in it is",
                    unit=unit,
                    responsible=title,
                    id=ident,
                ),
                where(i),
                hint,
            )


#: How many posts the hint of `not-cascaded` names.
_TAKERS = 3


def _could_take(org: Organization, unit: str, posts_in: dict[str, list[str]]) -> list[str]:
    """The posts that could take a unit's work: the heads of the unit and of the units
    below it, nearest first; without any head, the posts listed in them (``posts_in``,
    filled in here when first needed), nearest first."""
    below = org.subtree(unit)
    heads = [
        head for uid in below if (head := org.units[uid].head) is not None and head in org.positions
    ]
    if heads:
        return list(dict.fromkeys(heads))
    if not posts_in:
        for p in org.positions.values():
            if p.unit in org.units:
                posts_in.setdefault(p.unit, []).append(p.id)
    return [pid for uid in below for pid in posts_in.get(uid, ())]


def _listed(posts: list[str]) -> Field:
    shown = Listed(tuple(f"`{p}`" for p in posts[:_TAKERS]))
    more = len(posts) - _TAKERS
    if more > 0:
        return nsay(
            "for instance {posts} (or one of {n} more)",
            "for instance {posts} (or one of {n} more)",
            more,
            posts=shown,
        )
    if len(posts) > 1:
        return say("for instance {posts}", posts=shown)
    return shown
