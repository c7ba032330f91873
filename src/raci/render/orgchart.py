"""Org charts: the hierarchy as a Graphviz graph, top-down, one colour family per division."""

from __future__ import annotations

import itertools
import math
import os
import re
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import graphviz
import networkx as nx

from raci.exceptions import QueryError
from raci.model import Deliverable, Organization
from raci.output import write_atomic
from raci.render import _graphviz
from raci.render._chart_labels import esc, wrap
from raci.render._chart_style import (
    DARK_TEXT,
    FONT_SIZES,
    NEUTRAL,
    Box,
    Words,
    level_ranks,
    role_colour,
    unit_box,
)
from raci.render._graphviz import FontWarning

__all__ = ["SUFFIXES", "ChartOptions", "FontWarning", "chart_sources", "render_chart"]

SUFFIXES = (".svg", ".png", ".pdf", ".dot")
#: A row of children wider than this many points stacks those it can.
WIDE_ROW = 1500.0
#: The width given to a box (and the space beside it) when planning, in points.
BOX_WIDTH = 190.0
#: Grids aim to be this many times as wide as they are high; grids of nested grids
#: pack less tightly than planned, so they aim wider.
GRID_ASPECT = 1.5
NESTED_ASPECT = 4.0
_SAFE_NAME = re.compile(r"[A-Za-z0-9_.\-]+")


def _typed(types: type | tuple[type, ...], what: str) -> Any:
    """An attrs validator: the value is one of ``types`` (or None when ``what`` says so)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and "or None" in what:
            return
        _expect(attribute.name, value, types, what)

    return check


@attrs.frozen
class ChartOptions:
    """What to draw: see :func:`render_chart`."""

    root: str | None = attrs.field(default=None, validator=_typed(str, "a unit id or None"))
    depth: int | None = attrs.field(default=None, validator=_typed(int, "an int or None"))
    lang: str | None = attrs.field(
        default=None, validator=_typed(str, "a language code such as 'zh', or None")
    )
    positions: bool = attrs.field(default=False, validator=_typed(bool, "True or False"))
    highlight: str | None = attrs.field(
        default=None, validator=_typed(str, "a deliverable id or None")
    )
    split_by: str | int | None = attrs.field(
        default=None, validator=_typed((str, int), "a level name, a depth, or None")
    )
    title: str | None = attrs.field(default=None, validator=_typed(str, "a string or None"))
    heads: bool = attrs.field(default=True, validator=_typed(bool, "True or False"))
    headcount: bool = attrs.field(default=True, validator=_typed(bool, "True or False"))
    stack: int = attrs.field(default=3, validator=_typed(int, "an int"))


def render_chart(
    org: Organization,
    path: str | os.PathLike[str],
    *,
    root: str | None = None,
    depth: int | None = None,
    lang: str | None = None,
    positions: bool = False,
    highlight: str | None = None,
    split_by: str | int | None = None,
    title: str | None = None,
    heads: bool = True,
    headcount: bool = True,
    stack: int = 3,
) -> list[Path]:
    """Draw the org chart to ``path``; the format follows its suffix (.svg, .png, .pdf, .dot).

    ``root`` (unit id), ``depth`` (levels below the root), ``lang``, ``positions`` (list
    posts in their units), ``highlight`` (deliverable id: colour by role), ``split_by``
    (level name or depth: one page per subtree), ``title``, ``heads`` and ``headcount``
    (show them), ``stack`` (the most leaf children drawn side by side; more stack in
    columns). With ``split_by`` a PDF gets one page per subtree and other formats one
    file per subtree, numbered ``chart-1.svg``, ``chart-2.svg``... Returns the paths
    written.
    """
    opts = ChartOptions(
        root=root,
        depth=depth,
        lang=lang,
        positions=positions,
        highlight=highlight,
        split_by=split_by,
        title=title,
        heads=heads,
        headcount=headcount,
        stack=stack,
    )
    _expect("org", org, Organization, "an Organization")
    _expect("path", path, (str, os.PathLike), "a file path")
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        what = suffix or "a file without suffix"
        msg = f"cannot write a chart as {what!r}; use one of {', '.join(SUFFIXES)}"
        raise ValueError(msg)
    pages = _sources(org, opts)
    inputs = [org.source] if Path(org.source).exists() else []
    fmt = suffix[1:]
    needs_cjk = fmt in ("png", "pdf") and any(_graphviz.has_cjk(p) for p in pages)
    if needs_cjk and not _graphviz.cjk_font_available():
        warnings.warn(_graphviz.CJK_FONT_HINT, FontWarning, stacklevel=2)
    rendered = [
        p.encode("utf-8")
        if fmt == "dot"
        else _graphviz.render(p, fmt, engine="dot", dpi=150 if fmt == "png" else None)
        for p in pages
    ]
    if fmt == "pdf" and len(rendered) > 1:
        rendered = [_graphviz.merge_pdfs(rendered)]
    if len(rendered) == 1 and (fmt == "pdf" or split_by is None):
        write_atomic(target, rendered[0], inputs)
        return [target]
    digits = len(str(len(rendered)))
    written = [
        target.with_name(f"{target.stem}-{i:0{digits}d}{target.suffix}")
        for i in range(1, len(rendered) + 1)
    ]
    for file, data in zip(written, rendered, strict=True):
        write_atomic(file, data, inputs)
    return written


def chart_sources(
    org: Organization,
    *,
    root: str | None = None,
    depth: int | None = None,
    lang: str | None = None,
    positions: bool = False,
    highlight: str | None = None,
    split_by: str | int | None = None,
    title: str | None = None,
    heads: bool = True,
    headcount: bool = True,
    stack: int = 3,
) -> list[str]:
    """The DOT text of each page of the chart (one page unless ``split_by`` is given);
    the options are those of :func:`render_chart`."""
    opts = ChartOptions(
        root=root,
        depth=depth,
        lang=lang,
        positions=positions,
        highlight=highlight,
        split_by=split_by,
        title=title,
        heads=heads,
        headcount=headcount,
        stack=stack,
    )
    _expect("org", org, Organization, "an Organization")
    return _sources(org, opts)


def _sources(org: Organization, opts: ChartOptions) -> list[str]:
    _check(org, opts)
    if opts.split_by is None:
        tops = [opts.root] if opts.root is not None else _tops(org)
        return [_Chart(org, opts, tops).source()]
    return [_Chart(org, opts, [top]).source() for top in _split_roots(org, opts)]


def _expect(name: str, value: object, types: type | tuple[type, ...], what: str) -> None:
    """Raise TypeError unless ``value`` is an instance of ``types``."""
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        msg = f"{name} must be {what} (got {type(value).__name__} {value!r:.60})"
        raise TypeError(msg)


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _tops(org: Organization) -> list[str]:
    roots = org.roots
    if not roots:
        msg = "nothing to chart: the model has no units"
        raise QueryError(msg)
    return roots


def _check(org: Organization, opts: ChartOptions) -> None:
    if opts.root is not None and opts.root not in org.units:
        hint = " (it is a position)" if opts.root in org.positions else ""
        msg = f"no unit with id {opts.root!r}{hint}; --root must name a unit"
        raise QueryError(msg)
    if opts.depth is not None and opts.depth < 0:
        msg = f"depth must be 0 or more (got {opts.depth})"
        raise ValueError(msg)
    if opts.highlight is not None and opts.highlight not in org.deliverables:
        msg = f"no deliverable with id {opts.highlight!r} to highlight"
        raise QueryError(msg)
    if opts.stack < 1:
        msg = f"stack must be 1 or more (got {opts.stack})"
        raise ValueError(msg)


def _split_roots(org: Organization, opts: ChartOptions) -> list[str]:
    """The units that head a page: those at the split level (a name, or a depth) in scope."""
    depths: dict[str, int] = {}
    for top in [opts.root] if opts.root is not None else _tops(org):
        depths.update(_depths(org, top))
    split = opts.split_by
    if isinstance(split, int) or (isinstance(split, str) and split.isdigit()):
        found = [u for u, d in depths.items() if d == int(split)]
    else:
        rank = org.levels.rank(split)
        if rank is None:
            msg = f"unknown level {split!r}; the levels are {', '.join(org.levels.names)}"
            raise QueryError(msg)
        found = [u for u in depths if org.levels.rank(org.units[u].level) == rank]
    if not found:
        msg = f"no unit at level {split!r} to split the chart by"
        raise QueryError(msg)
    return found


def _depths(org: Organization, top: str, limit: int | None = None) -> dict[str, int]:
    """The units under ``top`` (down to ``limit``) in pre-order, with their distance from it;
    a cycle is followed once round."""
    out: dict[str, int] = {}
    todo = [(top, 0)]
    while todo:
        uid, depth = todo.pop()
        if uid in out:
            continue
        out[uid] = depth
        if limit is None or depth < limit:
            todo.extend((c, depth + 1) for c in reversed(org.children(uid)))
    return out


class _Chart:
    """One page: the units under ``tops``, as DOT."""

    def __init__(self, org: Organization, opts: ChartOptions, tops: Sequence[str]) -> None:
        self.org = org
        self.opts = opts
        self.words = Words.for_lang(opts.lang)
        self.tops = list(tops)
        self.names: dict[str, str] = {}
        self.ports: dict[str, str] = {}
        #: The units drawn, with their distance from their page's top.
        self.level: dict[str, int] = {}
        self.counter = itertools.count(1)
        self.sizes: dict[str, tuple[float, float]] = {}
        self.direct, self.total = _headcounts(org)
        self.ranks = level_ranks(org)
        self.posts: dict[str, list[str]] = {}
        for pid, post in org.positions.items():
            self.posts.setdefault(post.unit, []).append(pid)
        self.deliverable = org.deliverables[opts.highlight] if opts.highlight else None
        fonts = _graphviz.font_families(opts.lang)
        self.dot = graphviz.Digraph(
            "orgchart",
            graph_attr={
                "rankdir": "TB",
                "nodesep": "0.25",
                "ranksep": "0.5",
                "bgcolor": "white",
                "pad": "0.25",
                "fontname": fonts,
                "newrank": "true",
            },
            node_attr={"shape": "plain", "fontname": fonts, "fontsize": "10"},
            edge_attr={"arrowhead": "none", "color": "#4d4d4d", "penwidth": "1.2"},
        )

    def source(self) -> str:
        """The page as DOT text."""
        for top in self.tops:
            self.level.update(_depths(self.org, top, self.opts.depth))
        self.dot.graph_attr["splines"] = "ortho" if len(self.level) <= 300 else "polyline"
        label = self._graph_label()
        if label:
            self.dot.graph_attr.update(label=label, labelloc="t", labeljust="c")
        for top in self.tops:
            self._node(top)
            self._descend(top)
        for uid in self.level:
            for other in self.org.units[uid].also_reports_to:
                if other in self.level and other != uid:
                    self.dot.edge(
                        self.ports[other],
                        self.ports[uid],
                        style="dotted",
                        penwidth="1.8",
                        color="#666666",
                        constraint="false",
                    )
        return str(self.dot.source)

    # -- structure ---------------------------------------------------------

    def _descend(self, top: str) -> None:
        """Draw the units under ``top``: staff beside their parent, stacked children in a
        grid (see ``_plan``), the others as a tree."""
        stacks = self._plan(top)
        todo = [top]
        while todo:
            uid = todo.pop()
            kids = [c for c in self.org.children(uid) if c in self.level and c not in self.names]
            staff = [c for c in kids if self.org.units[c].staff]
            line = [c for c in kids if c not in staff]
            stacked = [c for c in line if c in stacks.get(uid, ())]
            for child in staff:
                self._node(child)
                with self.dot.subgraph() as same:
                    same.attr(rank="same")
                    same.node(self.names[uid])
                    same.node(self.names[child])
                self.dot.edge(self.names[uid], self.names[child], penwidth="1.6")
            for child in line:
                if child not in stacked:
                    self._node(child)
                    self.dot.edge(self.names[uid], self.names[child])
            if stacked:
                name = f"#stack-{next(self.counter)}"
                self.dot.node(name, f"<{self._grid(name, stacked)}>")
                self.dot.edge(self.names[uid], name)
            todo.extend(reversed([*staff, *line]))

    def _drawn_children(self, uid: str) -> list[str]:
        return [c for c in self.org.children(uid) if c in self.level]

    def _plan(self, top: str) -> dict[str, set[str]]:
        """Which children of each unit stack in a grid, decided bottom-up so that the upper
        levels stay a tree: more than ``stack`` leaves stack; and when a row is still
        wider than ``WIDE_ROW`` points, its children without staff offices below them
        stack too, each with its whole subtree nested under its box. Sizes are kept
        for ``_grid``."""
        order = [u for u in nx.dfs_preorder_nodes(self.org.graph, top) if u in self.level]
        size: dict[str, tuple[float, float]] = {}
        nestable: dict[str, bool] = {}
        stacks: dict[str, set[str]] = {}
        for uid in reversed(order):
            kids = [c for c in self._drawn_children(uid) if c in size]
            line = [c for c in kids if not self.org.units[c].staff]
            nestable[uid] = len(line) == len(kids) and all(nestable[c] for c in kids)
            leaves = [c for c in line if not self._drawn_children(c)]
            stacked = set(leaves) if len(leaves) > self.opts.stack else set()
            if _row(size, line, stacked, nested=False)[0] > WIDE_ROW:
                stacked |= {c for c in line if nestable[c]}
            if stacked:
                stacks[uid] = stacked
            nested = any(self._drawn_children(c) for c in stacked)
            width, height = _row(size, line, stacked, nested)
            own = self._box_size(uid)
            size[uid] = (max(own[0], width), own[1] + height)
        self.sizes.update(size)
        return stacks

    def _box_size(self, uid: str) -> tuple[float, float]:
        """A unit's box, roughly, in points, with the space around it."""
        return BOX_WIDTH, _estimate_lines(self, uid) * 14.0 + 22.0

    def _name(self, uid: str) -> str:
        name = uid if _SAFE_NAME.fullmatch(uid) else f"#{next(self.counter)}"
        self.names[uid] = name
        self.ports[uid] = name
        return name

    def _node(self, uid: str) -> None:
        self.dot.node(self._name(uid), f"<{self._unit_table(uid)}>")

    def _grid(self, node: str, units: Sequence[str], ports: Iterator[int] | None = None) -> str:
        """Units in a grid, column by column, about half again as wide as it is high; a
        unit with children here brings them along in a grid under its own box."""
        ports = itertools.count() if ports is None else ports
        sizes = [self.sizes.get(u) or self._box_size(u) for u in units]
        area = sum(w * h for w, h in sizes)
        average = sum(w for w, _ in sizes) / len(units)
        aspect = NESTED_ASPECT if any(self._drawn_children(u) for u in units) else GRID_ASPECT
        cols = max(1, min(len(units), round(math.sqrt(aspect * area) / average)))
        rows = math.ceil(len(units) / cols)
        cells = [[""] * cols for _ in range(rows)]
        for i, uid in enumerate(units):
            port = f"p{next(ports)}"
            self.names[uid] = node
            self.ports[uid] = f"{node}:{port}"
            box = f'<TD PORT="{port}" VALIGN="TOP">{self._unit_table(uid)}</TD>'
            kids = [c for c in self._drawn_children(uid) if c not in self.names]
            if kids:
                grid = self._grid(node, kids, ports)
                box = (
                    '<TD VALIGN="TOP"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">'
                    f'<TR><TD PORT="{port}" ALIGN="LEFT">{self._unit_table(uid)}</TD></TR>'
                    f'<TR><TD BORDER="1" SIDES="L" COLOR="#8c8c8c" ALIGN="LEFT">{grid}</TD></TR>'
                    "</TABLE></TD>"
                )
            cells[i % rows][i // rows] = box
        body = "".join(f"<TR>{''.join(c for c in row if c)}</TR>" for row in cells)
        return f'<TABLE BORDER="0" CELLSPACING="8" CELLPADDING="0">{body}</TABLE>'

    # -- labels --------------------------------------------------------------

    def _unit_table(self, uid: str) -> str:
        """A unit's box: name, head, headcount, roles and posts, each a row."""
        unit = self.org.units[uid]
        roles = self._roles(uid) if self.deliverable else None
        box = unit_box(self.org, unit, self.ranks[uid], roles)
        width = 36 if box.rank == 0 else 26
        name = _lines(wrap(unit.names.get(self.opts.lang), width))
        cells = [_cell(_font(f"<B>{name}</B>", FONT_SIZES[min(box.rank, 3)], box.text))]
        head = self.org.positions.get(unit.head or "")
        if self.opts.heads and head is not None:
            letters = self._letters(head.id) if self.opts.positions else []
            fill = role_colour(self.org.scheme, letters) if letters else None
            tag = f" <B>{esc(' '.join(letters))}</B>" if letters else ""
            title, *holder = self._post_text(head.id, 9, _legible(box, letters))
            cells.append(_cell(title + tag, fill))
            cells.extend(_cell(h, fill) for h in holder)
        rows = []
        if self.opts.headcount:
            count = self.words.headcount(
                self.direct.get(uid), self.total.get(uid), bool(self.org.children(uid))
            )
            if count:
                rows.append(_font(esc(count), 8, box.muted))
        if self.level.get(uid) == self.opts.depth and self.org.children(uid):
            hidden = len(self.org.subtree(uid)) - 1
            rows.append(_font(esc(self.words.below(hidden)), 8, box.muted))
        if self.deliverable is not None:
            rows.extend(self._role_lines(uid, box))
        cells.extend(_cell(r) for r in rows)
        if self.opts.positions:
            cells.extend(self._post_rows(uid, box))
        style = ' STYLE="rounded"' if box.rounded else ""
        return (
            f'<TABLE BORDER="{box.border}"{style} CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"'
            f' BGCOLOR="{box.fill}" COLOR="{box.line}">{"".join(cells)}</TABLE>'
        )

    def _post_text(self, pid: str, size: int, box: Box) -> list[str]:
        """A post's title and, as a line of its own, its holder or 'vacant'."""
        post = self.org.positions[pid]
        lines = [_font(_lines(wrap(post.names.get(self.opts.lang), 32)), size, box.text)]
        if post.vacant:
            lines.append(_font(f"<I>{esc(self.words.vacant)}</I>", size, "#b2182b"))
        elif post.holder:
            lines.append(_font(f"<I>{esc(post.holder)}</I>", size, box.text))
        return lines

    def _post_rows(self, uid: str, box: Box) -> list[str]:
        """One row per post of the unit (the head is already in the box's header)."""
        head = self.org.units[uid].head if self.opts.heads else None
        rows = []
        for pid in self.posts.get(uid, []):
            if pid == head:
                continue
            letters = self._letters(pid)
            fill = role_colour(self.org.scheme, letters) if letters else box.fill
            tag = f" <B>{esc(' '.join(letters))}</B>" if letters else ""
            text = " ".join(self._post_text(pid, 8, _legible(box, letters))) + tag
            rows.append(f'<TR><TD BGCOLOR="{fill}" ALIGN="LEFT">{text}</TD></TR>')
        return ["<HR/>", *rows] if rows else []

    def _letters(self, party: str) -> list[str]:
        return self.deliverable.roles_of(party) if self.deliverable is not None else []

    def _roles(self, uid: str) -> list[str]:
        """The roles that colour the unit: its own, and its posts' when posts are not drawn."""
        letters = self._letters(uid)
        if not self.opts.positions:
            for pid in self.posts.get(uid, []):
                letters += self._letters(pid)
        return self.org.scheme.order(set(letters))

    def _role_lines(self, uid: str, box: Box) -> list[str]:
        """The unit's letters on the highlighted deliverable, then those of its undrawn posts."""
        lines = []
        own = self._letters(uid)
        if own:
            lines.append(_font(f"<B>{esc(' '.join(own))}</B>", 11, box.text))
        for pid in [] if self.opts.positions else self.posts.get(uid, []):
            letters = self._letters(pid)
            if letters:
                title = esc(self.org.positions[pid].names.get(self.opts.lang))
                lines.append(_font(f"<B>{esc(' '.join(letters))}</B>: {title}", 8, box.text))
        return lines

    def _graph_label(self) -> str:
        """The title and, when a deliverable is highlighted, the legend."""
        rows = []
        if self.opts.title:
            rows.append(_font(f"<B>{_lines(wrap(self.opts.title, 80))}</B>", 16, "#000000"))
        if self.deliverable is not None:
            rows.extend(self._legend(self.deliverable))
        if not rows:
            return ""
        body = "".join(f"<TR><TD>{r}</TD></TR>" for r in rows)
        return f'<<TABLE BORDER="0" CELLSPACING="2">{body}</TABLE>>'

    def _legend(self, d: Deliverable) -> list[str]:
        scheme = self.org.scheme
        lang = self.opts.lang
        swatches = [
            (role_colour(scheme, [r.letter]), f"<B>{esc(r.letter)}</B> {esc(r.name)}")
            for r in scheme.roles
        ]
        swatches.append((NEUTRAL[0], esc(self.words.no_role)))
        cells = "".join(
            f'<TD BGCOLOR="{fill}" BORDER="1" COLOR="#7f7f7f" CELLPADDING="4">'
            f"{_font(text, 10, '#000000')}</TD>"
            for fill, text in swatches
        )
        rows = [
            _font(f"<B>{esc(self.words.roles_on(d.names.get(lang)))}</B>", 12, "#000000"),
            f'<TABLE BORDER="0" CELLSPACING="4"><TR>{cells}</TR></TABLE>',
        ]
        outside = [
            f"{self.org.display_name(p, lang)} ({' '.join(d.roles_of(p))})"
            for p in dict.fromkeys(a.party for a in d.assignments)
            if p in self.org.external
        ]
        if outside:
            rows.append(_font(esc(self.words.outside(outside)), 10, "#000000"))
        return rows


def _legible(box: Box, letters: Sequence[str]) -> Box:
    """The box's colours for a post row: dark text on a role's fill, whatever the box."""
    return attrs.evolve(box, text=DARK_TEXT) if letters else box


def _cell(inner: str, fill: str | None = None) -> str:
    bg = f' BGCOLOR="{fill}"' if fill else ""
    return f"<TR><TD{bg}>{inner}</TD></TR>"


def _font(inner: str, size: int, colour: str) -> str:
    return f'<FONT POINT-SIZE="{size}" COLOR="{colour}">{inner}</FONT>'


def _lines(lines: Sequence[str]) -> str:
    return "<BR/>".join(esc(ln) for ln in lines)


def _row(
    size: dict[str, tuple[float, float]], line: Sequence[str], stacked: set[str], nested: bool
) -> tuple[float, float]:
    """Width and height, in points, of a row of children: the tree ones side by side,
    the stacked ones in a grid about half again as wide as it is high."""
    tree = [size[c] for c in line if c not in stacked]
    grid = [size[c] for c in line if c in stacked]
    width = sum(w for w, _ in tree)
    height = max((h for _, h in tree), default=0.0)
    if grid:
        area = sum(w * h for w, h in grid)
        aspect = NESTED_ASPECT if nested else GRID_ASPECT
        grid_width = max(max(w for w, _ in grid), math.sqrt(aspect * area))
        width += grid_width
        height = max(height, area / grid_width)
    return width, height


def _estimate_lines(chart: _Chart, uid: str) -> int:
    unit = chart.org.units[uid]
    lines = len(wrap(unit.names.get(chart.opts.lang), 26)) + 1
    if chart.opts.heads and unit.head in chart.org.positions:
        lines += 2
    if chart.opts.positions:
        lines += 2 * len(chart.posts.get(uid, []))
    return lines


def _headcounts(org: Organization) -> tuple[dict[str, int], dict[str, int]]:
    """Each unit's own headcount (given, else its listed posts) and its subtree's total."""
    posts: dict[str, int] = {}
    for p in org.positions.values():
        posts[p.unit] = posts.get(p.unit, 0) + 1
    direct: dict[str, int] = {}
    for uid, unit in org.units.items():
        count = unit.headcount if unit.headcount is not None else posts.get(uid)
        if count is not None:
            direct[uid] = count
    total: dict[str, int] = {}
    for top in org.roots:
        for uid in reversed(_depths(org, top)):
            parts = [total[c] for c in org.children(uid) if c in total]
            if uid in direct or parts:
                total[uid] = direct.get(uid, 0) + sum(parts)
    return direct, total
