"""One colour per role, the same in every output that colours roles, and the legend
that names them.

A role takes its colour from what it means (Accountable, Responsible, Consulted,
Informed, whatever its letter: DACI's Approver is coloured as Accountable, its Driver
as Responsible), then from its name (Support, Verifier, Signatory, Out of the loop),
then, for the other roles of a custom scheme, from a further list in scheme order.
The four main fills come from the Okabe–Ito set and differ in lightness, so that they
stay apart under protanopia, deuteranopia, tritanopia and in greyscale; dark text
(#1a1a1a) reads on every fill, and every output prints the letter beside its colour.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs

from raci.analysis.names import role_name
from raci.schemes import Scheme

#: The text colour every fill is chosen to carry.
TEXT = "#1a1a1a"
#: The colour of each severity's word in HTML (the report, a notebook's findings).
SEVERITY = {"error": "#b42318", "warning": "#b54708", "info": "#175cd3"}


@attrs.frozen
class RoleColour:
    """A role's ``fill`` (light, for cells and boxes, under dark text) and its ``strong``
    shade (for borders, stripes and swatch outlines)."""

    fill: str
    strong: str


#: By what a role means to the rules.
BY_KIND = {
    "accountable": RoleColour("#d9642c", "#9c3c0c"),
    "responsible": RoleColour("#5db0ec", "#0b5f9e"),
    "consulted": RoleColour("#86dab4", "#127a52"),
    "informed": RoleColour("#f8f09a", "#877800"),
}
#: Further colours, for roles of kind "other": the named roles of the built-in schemes
#: take theirs by name, the others the first one still free, in scheme order.
OTHERS = (
    RoleColour("#e3a7c9", "#9b3f72"),
    RoleColour("#bcb3f2", "#5443b0"),
    RoleColour("#d9bd8c", "#7d5a1e"),
    RoleColour("#c6e27a", "#5a7a0a"),
    RoleColour("#f5bf8a", "#a05a14"),
    RoleColour("#a6d8e6", "#1d6f86"),
    RoleColour("#dddddd", "#6b6b6b"),
)
BY_NAME = {
    "Support": OTHERS[0],
    "Verifier": OTHERS[1],
    "Signatory": OTHERS[2],
    "Out of the loop": OTHERS[-1],
}


@functools.cache
def role_colours(scheme: Scheme) -> Mapping[str, RoleColour]:
    """Each letter of ``scheme`` and its colour, in scheme order; no two roles of one
    scheme share a colour while there are colours left."""
    taken: dict[str, RoleColour] = {}
    for role in scheme.roles:
        used = set(taken.values())
        for choice in (BY_KIND.get(role.kind), BY_NAME.get(role.name)):
            if choice is not None and choice not in used:
                taken[role.letter] = choice
                break
        else:
            free = [c for c in OTHERS if c not in used]
            taken[role.letter] = free[0] if free else OTHERS[len(taken) % len(OTHERS)]
    return taken


def lead(scheme: Scheme, letters: Sequence[str]) -> str | None:
    """The letter whose fill a cell or box holding ``letters`` takes: the Accountable
    (DACI: Approver), else the Responsible (DACI: Driver), else the first in scheme
    order; None when no letter is the scheme's."""
    known = [r for r in scheme.roles if r.letter in letters]
    for kind in ("accountable", "responsible"):
        for role in known:
            if role.kind == kind:
                return role.letter
    return known[0].letter if known else None


def lead_colour(scheme: Scheme, letters: Sequence[str]) -> RoleColour | None:
    """The colour of the lead role among ``letters`` (None when none is the scheme's)."""
    first = lead(scheme, letters)
    return role_colours(scheme)[first] if first is not None else None


def second(scheme: Scheme, letters: Sequence[str]) -> str | None:
    """The letter drawn as a stripe under the lead's fill: the next role in scheme order."""
    first = lead(scheme, letters)
    return next((r.letter for r in scheme.roles if r.letter in letters and r.letter != first), None)


def combined_sample(scheme: Scheme) -> tuple[str, ...]:
    """The letters of a cell with two roles, in scheme order, to show in a legend how such
    cells look: the Accountable and the first other role (the first two without one)."""
    letters = scheme.letters
    if len(letters) < 2:
        return ()
    accountable = scheme.letter_of("accountable")
    if accountable is None:
        return letters[:2]
    other = next(x for x in letters if x != accountable)
    return tuple(x for x in letters if x in (other, accountable))


@attrs.frozen
class LegendRow:
    """One line of a legend: a role's letter, its name in the legend's language, its colour."""

    letter: str
    name: str
    colour: RoleColour


def legend(scheme: Scheme, language: str | None) -> tuple[LegendRow, ...]:
    """The legend of ``scheme`` in ``language``: a row per role, in scheme order."""
    colours = role_colours(scheme)
    return tuple(
        LegendRow(r.letter, role_name(scheme, r, language), colours[r.letter]) for r in scheme.roles
    )
