"""How chart boxes look: colour families per division, box style per level, a party's
role colour (from :mod:`raci.render.palette`) when a deliverable is highlighted, and the
posts a box counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from raci.analysis.figures import Posts, subtree_posts, unit_depths
from raci.model import Organization
from raci.render.palette import TEXT as DARK_TEXT
from raci.render.palette import RoleColour, lead_colour
from raci.schemes import Scheme

#: Point size of a unit's name by the rank of its level.
FONT_SIZES = (14, 12, 11, 10)

#: Fill shades (darkest first: the division, then each level below it) and line colour.
FAMILIES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("#9ecae1", "#c6dbef", "#deebf7", "#f1f7fc"), "#2171b5"),
    (("#a1d99b", "#c7e9c0", "#e5f5e0", "#f5fbf3"), "#238b45"),
    (("#fdae6b", "#fdd0a2", "#fee6ce", "#fff5eb"), "#d94801"),
    (("#bcbddc", "#dadaeb", "#efedf5", "#f8f7fb"), "#6a51a3"),
    (("#fc9272", "#fcbba1", "#fee0d2", "#fff5f0"), "#cb181d"),
    (("#8fd1c5", "#c0e6de", "#e0f3ef", "#f2faf8"), "#1b7f73"),
    (("#fed976", "#ffeda0", "#fff5c4", "#fffbe5"), "#b8860b"),
    (("#bdbdbd", "#d9d9d9", "#ececec", "#f7f7f7"), "#525252"),
)
#: The colours of a party whose letters are none of the scheme's.
UNKNOWN_ROLE = RoleColour("#d9d9d9", "#404040")
#: A reporting line, and a dotted (``also_reports_to``) line: another colour, dashed, with
#: an arrowhead at the unit reported to, so that it never reads as a reporting line.
REPORTING_LINE = {"arrowhead": "none", "color": "#4d4d4d", "penwidth": "1.2"}
STAFF_PEN = "1.6"
DOTTED_LINE = {"style": "dashed", "color": "#7b3294", "penwidth": "1.6", "arrowhead": "vee"}
#: A vacant post: its word and the dashed border round it (seen without colour too).
VACANT = "#b2182b"
#: Room added on each side of a box's text, beyond the cell's padding (points).
SIDE_PAD = 4.0


@attrs.frozen
class Box:
    """The look of one unit's box."""

    rank: int
    border: int
    rounded: bool
    fill: str
    line: str
    text: str = DARK_TEXT
    muted: str = "#404040"


#: Colours (fill, line, and optionally text and muted text) of the top unit and of
#: units without a role on a highlighted deliverable.
ROOT = ("#dde5ee", "#1f2d3d")
NEUTRAL = ("#ffffff", "#b0b0b0", "#8a8a8a", "#9a9a9a")


@attrs.frozen
class Family:
    """Where a unit sits: its depth below its top unit, and which child of the top unit
    it descends from (None for a top unit), which gives it its colours."""

    depth: int
    branch: int | None


def families(org: Organization) -> dict[str, Family]:
    """Each unit's family, worked out in one walk down from the top units (a unit that
    no top reaches, on a cycle, climbs its own chain)."""
    depth = unit_depths(org)
    found: dict[str, Family] = {}
    for root in org.roots:
        found[root] = Family(0, None)
        for i, child in enumerate(org.children(root)):
            for uid in org.subtree(child):
                found.setdefault(uid, Family(depth[uid], i))
    for uid in org.units:
        found.setdefault(uid, Family(depth[uid], 0))
    return found


def level_ranks(org: Organization, family: Mapping[str, Family]) -> dict[str, int]:
    """Each unit's rank among the levels the organization uses (0 at the top), so that
    unused levels leave no gap; a unit without a level ranks by its depth."""
    used = sorted({r for u in org.units.values() if (r := org.levels.rank(u.level)) is not None})
    dense = {r: i for i, r in enumerate(used)}
    ranks = {}
    for uid, unit in org.units.items():
        rank = org.levels.rank(unit.level)
        ranks[uid] = dense[rank] if rank is not None else family[uid].depth
    return ranks


def unit_box(org: Organization, family: Family, rank: int, roles: Sequence[str] | None) -> Box:
    """The box of a unit of ``family`` at ``rank``: coloured by division, or by its roles
    when a deliverable is highlighted (``roles`` is then a list, maybe empty)."""
    if roles is not None:
        colour = role_colour(org.scheme, roles) if roles else None
        colours = (colour.fill, colour.strong) if colour else NEUTRAL
    elif family.branch is None:
        colours = ROOT
    else:
        shades, line = FAMILIES[family.branch % len(FAMILIES)]
        colours = (shades[min(family.depth - 1, len(shades) - 1)], line)
    fill, line, *text = colours
    border = 3 if rank == 0 else 2 if rank == 1 else 1
    return Box(rank, border, rank >= 3, fill, line, *text)


def box_posts(org: Organization, headcount: bool) -> dict[str, Posts]:
    """The posts each unit's box counts, its own and those below (:func:`subtree_posts`):
    none unless ``headcount``, nor in a people sheet, whose boxes are people (the posts it
    lists are the rows that say a post is vacant, not everyone's)."""
    if not headcount or org.layout == "people-sheet":
        return {}
    return subtree_posts(org)


def role_colour(scheme: Scheme, letters: Sequence[str]) -> RoleColour:
    """The colour of a party holding ``letters``: its lead role's (the Accountable wins,
    then the Responsible), as in every output."""
    return lead_colour(scheme, letters) or UNKNOWN_ROLE
