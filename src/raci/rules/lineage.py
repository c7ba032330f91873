"""Rules about ``formerly``: lineage that names a live party, roles carried over."""

from __future__ import annotations

from collections.abc import Iterator

from raci.findings import Finding, Severity
from raci.rules._util import Held
from raci.rules.registry import Context, rule

WARNING, INFO = Severity.WARNING, Severity.INFO


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
                        f"{party.kind} `{party.id}` lists itself in `formerly`",
                        party.where("formerly"),
                        "`formerly` names earlier ids; a unit that kept its id needs no entry.",
                    )
                elif old in org.parties:
                    yield ctx.finding(
                        party.id,
                        f"{party.kind} `{party.id}` says it continues `{old}`, but `{old}` is"
                        " still a party of this model, so roles given to it stay with it",
                        party.where("formerly"),
                        f"If `{old}` is gone, delete it from the model; if `{party.id}` was"
                        f" split off a `{old}` that goes on, drop `{old}` from `formerly`.",
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
            names = ", ".join(f"`{h}`" for h in heirs)
            many = len(heirs) > 1
            yield ctx.finding(
                d.id,
                f"role `{role}` of `{d.id}` names `{old}`, which {names}"
                f" {'continue' if many else 'continues'} (`formerly`): it is carried over to"
                f" {'each of them' if many else 'it'}",
                places[(role, old)],
                f"Write {'the one that holds it' if many else names} instead of `{old}`.",
            )
