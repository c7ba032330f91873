"""Rules about how much each party carries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from raci.findings import Finding, Severity, nsay, say
from raci.rules._util import Held, configured, raci_role
from raci.rules.options import whole_number
from raci.rules.registry import Context, Option, rule


@rule(
    "overloaded",
    "W101",
    Severity.WARNING,
    "A party is Accountable or Responsible for more deliverables than the limit.",
    options={
        "max_accountable": Option(
            10, whole_number(), "the most deliverables one party may be Accountable for"
        ),
        "max_responsible": Option(
            20, whole_number(), "the most deliverables one party may be Responsible for"
        ),
    },
    example="""
        units:
          - id: agency
        external:
          - id: board
        deliverables:
          - id: budget
            raci: {A: agency, R: agency, I: [board]}
          - id: report
            raci: {A: agency, R: agency, I: [board]}
        rules:
          overloaded: {max_accountable: 1}
    """,
    fix=(
        "Delegate some of the deliverables, or raise the limit under `rules:` (for a table, in"
        " the configuration file) if the load is intended."
    ),
)
def overloaded(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    limits = (
        ("accountable", "Accountable", ctx.options["max_accountable"], "max_accountable"),
        ("responsible", "Responsible", ctx.options["max_responsible"], "max_responsible"),
    )
    for kind, role, limit, option in limits:
        title = raci_role(role)
        letter = org.scheme.letter_of(kind)
        if letter is None:
            continue
        held = ctx.derived(Held)
        counts = Counter(map(held.parties.__getitem__, held.at(letter)))
        for party, n in counts.items():
            if n <= limit or party not in org.parties:
                continue
            yield ctx.finding(
                party,
                nsay(
                    "`{party}` is {title} for {n} deliverables; the limit is {limit}",
                    "`{party}` is {title} for {n} deliverables; the limit is {limit}",
                    n,
                    party=party,
                    title=title,
                    limit=limit,
                ),
                org.parties[party].location,
                say(
                    "Delegate some of them, or raise `{option}` under `{rules}`.",
                    option=option,
                    rules="rules: overloaded",
                )
                if org.layout == "model"
                else say(
                    "Delegate some of them, or raise `{option}` {configured}, or leave the"
                    " check out with `{ignore}`.",
                    option=option,
                    configured=configured("overloaded"),
                    ignore="--ignore overloaded",
                ),
            )
