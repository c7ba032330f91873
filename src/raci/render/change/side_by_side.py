"""The side-by-side picture: the old structure and the new one as two indented lists, a
line from each old unit to each unit that continues it, each unit marked by what
happened to it; the key under the shorter list, so that no corner of the page is left
empty."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from raci.model import Organization
from raci.render import engine
from raci.render.change.marks import LOOKS, key, marks, new_kinds, old_kinds
from raci.render.change.sheet import Canvas, measure
from raci.render.dot import esc, shown
from raci.restructure.diff import Diff
from raci.restructure.words import ChangeWords

#: Space between the two lists (where the lines run), and above the key.
LANE = 150.0
GAP = 24.0
TITLE_SIZE = 18
#: A list's rows: the size of a name, and the indent per level (spaces).
ROW_SIZE = 11
INDENT = 5


class SideBySide:
    """The side-by-side picture of one diff, in one language."""

    def __init__(self, change: Diff, lang: str | None) -> None:
        self.change = change
        self.lang = lang
        self.words = ChangeWords.of(change, lang)
        self.fonts = engine.font_families(lang)
        self.new_kinds = new_kinds(change)
        self.old_kinds = old_kinds(change, self.new_kinds)

    def name(self, org: Organization, uid: str) -> str:
        unit = org.units.get(uid)
        return shown(unit.names.get(self.lang) if unit else None, uid)

    def column(self, org: Organization, heading: str, kinds: Mapping[str, Sequence[str]]) -> str:
        """One structure as a list, a row per unit in tree order: its marks, then its name
        in the colour of what happened to it; lines attach to a row's port."""
        rows = [
            f'<TR><TD ALIGN="LEFT" CELLPADDING="6"><FONT POINT-SIZE="15"><B>{esc(heading)}</B>'
            "</FONT></TD></TR>"
        ]
        for i, (uid, depth) in enumerate(tree_order(org)):
            look = kinds.get(uid, ["same"])
            mark = marks(look)
            colour = LOOKS[look[0]].line if look[0] != "same" else "#222222"
            name = esc(" ".join(self.name(org, uid).split()))
            rows.append(
                f'<TR><TD PORT="p{i}" ALIGN="LEFT">{"&#160;" * INDENT * depth}'
                f'<FONT POINT-SIZE="{ROW_SIZE}" COLOR="{colour}">{name}</FONT>'
                f"{'&#160;' + mark if mark else ''}</TD></TR>"
            )
        table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
        return f"{table}{''.join(rows)}</TABLE>"

    def title(self) -> str:
        org = self.change.new
        name = shown(org.names.get(self.lang))
        if not name and org.roots:
            name = self.name(org, org.roots[0])
        return self.words.picture_title(name)

    def draft(self) -> tuple[Canvas, float, float]:
        """What is drawn where, and the size of the drawing."""
        c = self.change
        before, after = self.words.sides()
        old_label = self.column(c.old, before, self.old_kinds)
        new_label = self.column(c.new, after, self.new_kinds)
        shown_kinds = {k for ks in (*self.old_kinds.values(), *self.new_kinds.values()) for k in ks}
        key_label = key(shown_kinds, self.words)
        title = f'<FONT POINT-SIZE="{TITLE_SIZE}"><B>{esc(self.title())}</B></FONT>'
        sizes = measure([old_label, new_label, key_label, title], self.fonts)
        (ow, oh), (nw, nh), (kw, kh), (tw, th) = sizes
        canvas = Canvas()
        top = th + GAP
        canvas.node("#title", title, 0.0, th / 2)  # centred below, once the width is known
        canvas.node("before", old_label, ow / 2, top + oh / 2)
        canvas.node("after", new_label, ow + LANE + nw / 2, top + nh / 2)
        # The key goes under the shorter list (the other one still runs there).
        under_old = oh <= nh
        kx = ow / 2 if under_old else ow + LANE + nw / 2
        ky = top + (oh if under_old else nh) + GAP + kh / 2
        canvas.node("#key", key_label, kx, ky)
        width = max(ow + LANE + nw, tw, kx + kw / 2)
        height = max(top + max(oh, nh), ky + kh / 2)
        name, _, _, attrs = canvas.nodes[0]
        canvas.nodes[0] = (name, width / 2, th / 2, attrs)
        self.lines(canvas)
        return canvas, width, height

    def lines(self, canvas: Canvas) -> None:
        """A line from each old unit's row to the row of each unit that continues it, in the
        colour of what happened (grey when nothing did)."""
        c = self.change
        lin = c.lineage.units
        row_old = {uid: i for i, (uid, _) in enumerate(tree_order(c.old))}
        row_new = {uid: i for i, (uid, _) in enumerate(tree_order(c.new))}
        for nid in c.new.units:
            for oid in lin.predecessors(nid):
                if oid not in row_old or nid not in row_new:
                    continue
                kind = self.new_kinds[nid][0]
                colour = LOOKS[kind].line if kind != "same" else "#bbbbbb"
                width = 0.8 if kind == "same" else 1.6
                canvas.edge(
                    f'before:"p{row_old[oid]}":e',
                    f'after:"p{row_new[nid]}":w',
                    f' [color="{colour}", penwidth={width}, arrowhead=normal, arrowsize=0.6]',
                )


def tree_order(org: Organization) -> list[tuple[str, int]]:
    """Every unit with its depth, depth-first from the roots in file order (units caught
    in a cycle come last, at depth 0)."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    todo = [(r, 0) for r in reversed(org.roots)]
    while todo:
        uid, depth = todo.pop()
        if uid in seen:
            continue
        seen.add(uid)
        out.append((uid, depth))
        todo.extend((child, depth + 1) for child in reversed(org.children(uid)))
    out += [(uid, 0) for uid in org.units if uid not in seen]
    return out
