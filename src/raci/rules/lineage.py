"""Rules about ``formerly``: lineage that names a live party, roles carried over."""

from __future__ import annotations

from collections.abc import Iterator

from raci.findings import Field, Finding, Listed, Severity, say
from raci.rules._util import Held
from raci.rules.registry import Context, rule

WARNING, INFO = Severity.WARNING, Severity.INFO


#: The kinds of party that have a lineage, as a message names them.
_KINDS = {"unit": say("unit"), "position": say("position")}


@rule(
    "formerly-live",
    "H107",
    WARNING,
    "A unit or post says it continues (`formerly`) a party that is still in the model.",
    example="""
        units:
          - id: agency
            units:
              - {id: ops}
              - {id: operations, formerly: ops}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: [ops, operations], I: [board]}
    """,
    fix=(
        "Delete the old unit or post if the new one replaces it; if the old one goes on, drop "
        "`formerly`, since the new one is new."
    ),
)
def formerly_live(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    for table in (org.units, org.positions):
        for party in table.values():
            for old in party.formerly:
                if old == party.id:
                    yield ctx.finding(
                        party.id,
                        say(
                            "{kind} `{id}` lists itself in `{key}`",
                            kind=_KINDS[party.kind],
                            id=party.id,
                            key="formerly",
                        ),
                        party.where("formerly"),
                        say(
                            "`{key}` names earlier ids; a unit that kept its id needs no entry.",
                            key="formerly",
                        ),
                    )
                elif old in org.parties:
                    yield ctx.finding(
                        party.id,
                        say(
                            "{kind} `{id}` says it continues `{old}`, but `{old}` is still a"
                            " party of this model, so roles given to it stay with it",
                            kind=_KINDS[party.kind],
                            id=party.id,
                            old=old,
                        ),
                        party.where("formerly"),
                        say(
                            "If `{old}` is gone, delete it from the model; if `{id}` was split"
                            " off a `{old}` that goes on, drop `{old}` from `{key}`.",
                            old=old,
                            id=party.id,
                            key="formerly",
                        ),
                    )


@rule(
    "carried-over",
    "H108",
    INFO,
    "A role given to an earlier id is carried over to the units that continue it.",
    example="""
        units:
          - id: agency
            units:
              - {id: operations, formerly: ops}
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: ops, I: [board]}
    """,
    fix=(
        "Write the successor's id in the deliverable instead of the earlier one; after a split,"
        " keep the role with the part that does the work."
    ),
)
def carried_over(ctx: Context) -> Iterator[Finding]:
    held = ctx.derived(Held)
    for k in held.carried():
        d = held.deliverable(k)
        carried: dict[tuple[str, str], list[str]] = {}
        places = {}
        for a in d.assignments:
            if a.via is not None:
                carried.setdefault((a.role, a.via), []).append(a.party)
                places[(a.role, a.via)] = a.location
        for (role, old), heirs in carried.items():
            names = Listed(tuple(f"`{h}`" for h in heirs))
            fields: dict[str, Field] = {
                "letter": role,
                "id": d.id,
                "old": old,
                "names": names,
                "key": "formerly",
            }
            many = len(heirs) > 1
            yield ctx.finding(
                d.id,
                say(
                    "role `{letter}` of `{id}` names `{old}`, which {names} continue"
                    " (`{key}`): it is carried over to each of them",
                    **fields,
                )
                if many
                else say(
                    "role `{letter}` of `{id}` names `{old}`, which {names} continues"
                    " (`{key}`): it is carried over to it",
                    **fields,
                ),
                places[(role, old)],
                say("Write the one that holds it instead of `{old}`.", old=old)
                if many
                else say("Write {names} instead of `{old}`.", names=names, old=old),
            )
