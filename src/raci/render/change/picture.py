"""The before/after picture of a restructuring, as DOT and as SVG, PNG or PDF.

Two styles:

- ``marked`` (the default): the new structure, each unit marked by what happened to it:
  new, continuing earlier units ("formerly ..."), moved (from under whom), relevelled;
  the abolished units stand apart in a clearly marked group, with where they were.
- ``side-by-side``: the old structure and the new one next to each other, with a
  dashed line from each old unit to the units that continue it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from raci.model import Organization
from raci.output import write_atomic
from raci.render import engine
from raci.render.dot import esc, quote, shown, wrapped
from raci.render.paper import POINTS_PER_INCH, Paper
from raci.render.paper import paper as paper_named
from raci.restructure.diff import Diff

STYLES = ("marked", "side-by-side")
#: The margin the picture keeps on its paper, in inches.
_MARGIN = 0.4
_WRAP = 26
_FONTS = "Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"

#: (fill, border, border style) by what happened to a unit.
_LOOK = {
    "new": ("#e6f4e4", "#2e7d32", "solid"),
    "continues": ("#e5eefa", "#1f5fa8", "solid"),
    "moved": ("#fff1dc", "#d46b00", "bold"),
    "same": ("#ffffff", "#8a8a8a", "solid"),
    "abolished": ("#fdeceb", "#c62828", "dashed"),
}
_LEGEND = (
    ("new", "new unit"),
    ("continues", "continues earlier units (renamed, merged, split)"),
    ("moved", "moved to another parent"),
    ("same", "unchanged"),
    ("abolished", "abolished"),
)


def _box(node: str, title: str, notes: Sequence[str], look: str) -> str:
    fill, border, style = _LOOK[look]
    rows = [f"<TR><TD><B>{wrapped(title, _WRAP)}</B></TD></TR>"]
    rows += [
        f'<TR><TD><FONT POINT-SIZE="9" COLOR="#333333">{wrapped(n, _WRAP + 8)}</FONT></TD></TR>'
        for n in notes
    ]
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
    label = f"<{table}{''.join(rows)}</TABLE>>"
    return (
        f'  {quote(node)} [label={label}, shape=box, style="rounded,filled,{style}",'
        f' fillcolor="{fill}", color="{border}", penwidth={2 if look != "same" else 1}];'
    )


def _edge(a: str, b: str, attrs: str = "") -> str:
    return f"  {quote(a)} -> {quote(b)}{f' [{attrs}]' if attrs else ''};"


def _q(text: str) -> str:
    """``text`` on one line, escaped."""
    return esc(" ".join(text.split()))


class _Picture:
    def __init__(self, change: Diff, lang: str | None) -> None:
        self.change = change
        self.lang = lang
        self.old = change.old
        self.new = change.new

    def name(self, org: Organization, ident: str | None) -> str:
        if ident is None:
            return "(top)"
        p = org.parties.get(ident)
        return shown(p.names.get(self.lang), ident) if p is not None else shown(ident)

    def title(self) -> str:
        org = self.new
        name = shown(org.names.get(self.lang)) or (
            self.name(org, org.roots[0]) if org.roots else ""
        )
        return f"{name}: before and after" if name else "Before and after"

    def header(self, title: str, size: str) -> list[str]:
        return [
            "digraph restructuring {",
            f'  graph [rankdir=TB, nodesep=0.25, ranksep=0.45, fontname="{_FONTS}",'
            f" labelloc=t, fontsize=18, label=<<B>{_q(title)}</B>>{size}];",
            f'  node [fontname="{_FONTS}", fontsize=11, margin="0.12,0.06"];',
            '  edge [color="#777777", arrowhead=none];',
        ]

    def legend(self, looks: Iterable[str], squares: bool = False) -> list[str]:
        def swatch(k: str) -> str:
            if k == "moved":
                return f'<TD><FONT COLOR="{_LOOK[k][1]}"><B>⸻</B></FONT></TD>'
            if squares:
                mark = "□" if k == "same" else "■"
                return f'<TD><FONT COLOR="{_LOOK[k][1]}">{mark}</FONT></TD>'
            fill, border, _ = _LOOK[k]
            return f'<TD BGCOLOR="{fill}" BORDER="1" COLOR="{border}" WIDTH="22"> </TD>'

        rows = "".join(
            "<TR>" + swatch(k) + f'<TD ALIGN="LEFT">{_q(text)}</TD></TR>'
            for k, text in _LEGEND
            if k in looks
        )
        table = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4">'
            f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Key</B></TD></TR>{rows}</TABLE>>'
        )
        return [f"  legend [shape=plaintext, fontsize=10, label={table}];"]

    # -- the new structure, marked -----------------------------------------

    def marked(self, size: str) -> str:
        c, new, old = self.change, self.new, self.old
        lin = c.lineage.units
        added = {e["unit"] for e in c.units_added}
        moved = {e["unit"]: e for e in c.units_moved}
        relevelled = {e["unit"]: e for e in c.units_relevelled}
        out = self.header(self.title(), size)
        used: set[str] = set()
        for uid, u in new.units.items():
            before = [o for o in lin.predecessors(uid) if o in old.units]
            notes: list[str] = []
            if uid in added:
                look = "new"
                notes.append("new")
            else:
                changed = [o for o in before if o != uid or old.units[o].names != u.names]
                look = "continues" if changed or len(before) > 1 else "same"
                if changed or len(before) > 1:
                    notes.append("formerly " + "; ".join(self.name(old, o) for o in before))
                for o in before:
                    if len(lin.successors(o)) > 1:
                        others = [n for n in lin.successors(o) if n != uid]
                        notes.append(f"split with {', '.join(self.name(new, n) for n in others)}")
            if uid in moved:
                notes.append(f"moved from under {self.name(old, moved[uid]['old_parent'])}")
            if uid in relevelled:
                e = relevelled[uid]
                notes.append(f"was a {e['old_level']}, now a {e['new_level']}")
            used.add(look)
            if uid in moved:
                used.add("moved")
            out.append(_box("n:" + uid, self.name(new, uid), notes, look))
        for uid, u in new.units.items():
            if u.parent is not None and u.parent in new.units:
                style = 'color="#d46b00", penwidth=2' if uid in moved else ""
                out.append(_edge("n:" + u.parent, "n:" + uid, style))
        removed = c.units_removed
        if removed:
            used.add("abolished")
            out.append("  subgraph cluster_abolished {")
            out.append(
                f'    label=<<B>Abolished units ({len(removed)})</B>>; fontcolor="#c62828";'
                ' color="#c62828"; style="dashed,rounded"; fontsize=13;'
            )
            for e in removed:
                where = f"was under {self.name(old, e['parent'])}" if e["parent"] else "was the top"
                out.append(
                    "  " + _box("o:" + e["unit"], self.name(old, e["unit"]), [where], "abolished")
                )
            # Rows of four, so a long list does not stretch the picture sideways.
            ids = ["o:" + e["unit"] for e in removed]
            for a, b in zip(ids, ids[4:], strict=False):
                out.append("  " + _edge(a, b, "style=invis"))
            out.append("  }")
            order = _tree_order(new)
            if order:
                deepest = max(order, key=lambda item: item[1])[0]
                for top in ids[:4]:
                    out.append(_edge("n:" + deepest, top, "style=invis"))
        out += self.legend(used)
        out.append("}")
        return "\n".join(out) + "\n"

    # -- old and new side by side ------------------------------------------

    def _column(self, org: Organization, node: str, heading: str, looks: dict[str, str]) -> str:
        """One structure as an indented list, a line per unit in tree order: a coloured
        square saying what happened to it, then its name; lineage lines attach to names."""
        rows = [
            '<TR><TD ALIGN="LEFT" CELLPADDING="6">'
            f'<FONT POINT-SIZE="15"><B>{_q(heading)}</B></FONT></TD></TR>'
        ]
        for i, (uid, depth) in enumerate(_tree_order(org)):
            look = looks.get(uid, "same")
            mark = "□" if look == "same" else "■"
            colour = _LOOK[look][1]
            indent = "&#160;" * 5 * depth
            rows.append(
                f'<TR><TD PORT="p{i}" ALIGN="LEFT">{indent}<FONT COLOR="{colour}">{mark}</FONT>'
                f"&#160;{_q(self.name(org, uid))}</TD></TR>"
            )
        table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
        return f"  {node} [shape=plain, label=<{table}{''.join(rows)}</TABLE>>];"

    def side_by_side(self, size: str) -> str:
        c, new, old = self.change, self.new, self.old
        lin = c.lineage.units
        moved = {e["unit"] for e in c.units_moved}
        old_looks = {e["unit"]: "abolished" for e in c.units_removed}
        new_looks = {e["unit"]: "new" for e in c.units_added}
        for oid, nid in _pairs(c):
            if (
                oid != nid
                or old.units[oid].names != new.units[nid].names
                or len(lin.predecessors(nid)) > 1
                or len(lin.successors(oid)) > 1
            ):
                old_looks[oid] = new_looks[nid] = "continues"
        out = self.header(self.title(), size)
        out[1] = out[1].replace("rankdir=TB", "rankdir=LR").replace("ranksep=0.45", "ranksep=2.2")
        out.append(self._column(old, "before", "Before", old_looks))
        out.append(self._column(new, "after", "After", new_looks))
        row_old = {uid: i for i, (uid, _) in enumerate(_tree_order(old))}
        row_new = {uid: i for i, (uid, _) in enumerate(_tree_order(new))}
        for oid, nid in _pairs(c):
            if oid not in row_old or nid not in row_new:
                continue
            changed = old_looks.get(oid) == "continues"
            colour = "#d46b00" if nid in moved else ("#1f5fa8" if changed else "#bbbbbb")
            width = 1.6 if changed or nid in moved else 0.8
            out.append(
                f'  before:"p{row_old[oid]}":e -> after:"p{row_new[nid]}":w'
                f' [color="{colour}", penwidth={width}, arrowhead=normal, arrowsize=0.6];'
            )
        looks = {"new", "continues", "same", "abolished", *(["moved"] if moved else [])}
        out += self.legend(looks, squares=True)
        out.append("}")
        return "\n".join(out) + "\n"


def _pairs(change: Diff) -> list[tuple[str, str]]:
    """(old unit, new unit) for each unit of NEW and each old unit it continues."""
    lin = change.lineage.units
    return [(o, n) for n in change.new.units for o in lin.predecessors(n) if o in change.old.units]


def _tree_order(org: Organization) -> list[tuple[str, int]]:
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
        todo.extend((child, depth + 1) for child in reversed(list(org.graph.successors(uid))))
    out += [(uid, 0) for uid in org.units if uid not in seen]
    return out


def picture_source(
    change: Diff,
    *,
    lang: str | None = None,
    style: str = "marked",
    paper: str | Paper | None = None,
    landscape: bool | None = None,
) -> str:
    """The DOT source of the before/after picture."""
    if style not in STYLES:
        msg = f"unknown picture style {style!r}; expected one of {', '.join(STYLES)}"
        raise ValueError(msg)
    size = ""
    page = _page(style, paper, landscape)
    if page is not None:
        w, h = (side / POINTS_PER_INCH for side in page)
        size = (
            f', page="{w:.4f},{h:.4f}", size="{w - 2 * _MARGIN:.4f},{h - 2 * _MARGIN:.4f}!",'
            f" margin={_MARGIN}, center=true"
        )
    pic = _Picture(change, lang)
    return pic.marked(size) if style == "marked" else pic.side_by_side(size)


def _page(
    style: str, paper: str | Paper | None, landscape: bool | None
) -> tuple[float, float] | None:
    """The width and height (points) of the page the picture is drawn on, landscape by
    default for the marked style and portrait for side by side; None without paper."""
    if paper is None:
        return None
    wide = landscape if landscape is not None else style == "marked"
    return paper_named(paper).points(landscape=wide)


def render_picture(
    change: Diff,
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    style: str = "marked",
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write the before/after picture to ``path`` (.svg, .png, .pdf or .dot), atomically."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in (*engine.FORMATS, "dot"):
        msg = f"cannot write a picture as .{suffix}; use .svg, .png, .pdf or .dot"
        raise ValueError(msg)
    dot = picture_source(change, lang=lang, style=style, paper=paper, landscape=landscape)
    if suffix == "dot":
        write_atomic(path, dot, inputs)
        return Path(path)
    data = engine.render(dot, suffix, engine="dot", dpi=150 if suffix == "png" else None)
    page = _page(style, paper, landscape)
    if suffix == "pdf" and page is not None:
        # Graphviz sizes a PDF page to the drawing: centre it on the paper (it already
        # keeps its margin).
        data = engine.on_paper([data], page, 0, centred=True)
    write_atomic(path, data, inputs)
    return Path(path)
