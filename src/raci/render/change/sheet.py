"""Where a picture's boxes and lines go on its page: every node and line pinned, the page
exactly the paper asked for (or the drawing's own size without paper), with a running
header and a page number on paper."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

import attrs

from raci.render import engine
from raci.render.dot import quote
from raci.render.editable.geometry import Source
from raci.render.pages import RunningHead, head_nodes, node_statement
from raci.render.paper import Paper

#: The white border of a paper page, and the bands its running head takes (points on
#: paper; the head itself is drawn by :mod:`raci.render.pages`).
MARGIN = 28.0
BAND = 18.0
#: The white border round a drawing without paper (points).
PAD = 18.0

Point = tuple[float, float]


@attrs.frozen
class Sheet:
    """A page of paper, in points."""

    width: float
    height: float

    @classmethod
    def choices(cls, paper: Paper, landscape: bool | None) -> list[Sheet]:
        """The orientations allowed: ``landscape``, else both (landscape first)."""
        wanted = (True, False) if landscape is None else (landscape,)
        return [cls(*paper.points(landscape=w)) for w in wanted]

    def scale(self, width: float, height: float) -> float:
        """The scale a drawing of ``width`` × ``height`` takes to fit inside the margins and
        bands (never enlarged)."""
        room_w = self.width - 2 * MARGIN
        room_h = self.height - 2 * MARGIN - 2 * BAND
        return min(1.0, room_w / max(width, 1.0), room_h / max(height, 1.0))


@attrs.frozen
class Drawn:
    """A page as DOT text, the scale it is drawn at, its paper (None without), the units
    drawn on it (DOT node name: unit id and level), and whether it is drawn mirrored."""

    source: str
    scale: float = 1.0
    sheet: Sheet | None = None
    units: Mapping[str, tuple[str, str | None]] = attrs.field(factory=dict)
    rtl: bool = False

    def editable(self) -> Source:
        """The page as an editable figure takes it."""
        size = (self.sheet.width, self.sheet.height) if self.sheet is not None else None
        return Source(self.source, self.units, size, self.scale, self.rtl)


@attrs.define
class Canvas:
    """Nodes and lines at positions in points, y growing downwards; ``mirrored`` (for a
    language read right to left) draws them seen in a mirror, x growing leftwards."""

    mirrored: bool = False
    nodes: list[tuple[str, float, float, str]] = attrs.field(factory=list)
    lines: list[tuple[str, str, list[Point], str]] = attrs.field(factory=list)
    edges: list[str] = attrs.field(factory=list)
    units: dict[str, tuple[str, str | None]] = attrs.field(factory=dict)

    def node(
        self,
        name: str,
        label: str,
        x: float,
        y: float,
        attrs: str = "",
        unit: tuple[str, str | None] | None = None,
    ) -> None:
        """A node ``name`` with the HTML-like ``label`` centred on (x, y); ``unit`` is the
        id and level of the unit it draws, when it draws one."""
        self.nodes.append((name, x, y, f"label=<{label}>{attrs}"))
        if unit is not None:
            self.units[name] = unit

    def shape(self, name: str, x: float, y: float, attrs: str) -> None:
        """A node drawn by its attributes alone (a frame), centred on (x, y)."""
        self.nodes.append((name, x, y, attrs))

    def line(self, a: str, b: str, points: Sequence[Point], attrs: str = "") -> None:
        """A line from node ``a`` to node ``b`` along the polyline ``points``."""
        self.lines.append((a, b, list(points), attrs))

    def edge(self, a: str, b: str, attrs: str = "") -> None:
        """A line Graphviz routes from ``a`` to ``b`` (DOT node names, with their ports)."""
        self.edges.append(f"  {a} -> {b}{attrs};")

    def source(
        self,
        width: float,
        height: float,
        fonts: str,
        sheet: Sheet | None = None,
        head: RunningHead | None = None,
    ) -> Drawn:
        """The DOT text of a drawing of ``width`` × ``height`` points, centred on
        ``sheet`` (with its running ``head``: header, breadcrumb, page number) or alone."""
        if sheet is None:
            scale, frame_w, frame_h = 1.0, width + 2 * PAD, height + 2 * PAD
            ox, oy = PAD, PAD
        else:
            # Graphviz draws the page in whole points, inside the paper.
            paper_w, paper_h = math.floor(sheet.width), math.floor(sheet.height)
            scale = sheet.scale(width, height)
            frame_w, frame_h = paper_w / scale, paper_h / scale
            ox = (frame_w - width) / 2
            oy = (MARGIN + BAND) / scale + ((paper_h - 2 * MARGIN - 2 * BAND) / scale - height) / 2

        def at(x: float, y: float) -> str:
            return f"{frame_w - x if self.mirrored else x:.2f},{frame_h - y:.2f}"

        graph = f'layout={engine.PINNED}, bgcolor=white, outputorder=edgesfirst, fontname="{fonts}"'
        if sheet is None:
            graph += ", pad=0, margin=0"
        else:
            graph += f', pad=0, margin=0, size="{paper_w / 72:.4f},{paper_h / 72:.4f}"'
        out = [
            "digraph picture {",
            f"  graph [{graph}];",
            f'  node [shape=plain, fontname="{fonts}", fontsize=10];',
            '  edge [arrowhead=none, color="#4d4d4d", penwidth=1.2];',
        ]
        for name, x, y, attrs_ in self.nodes:
            out.append(f'  {quote(name)} [{attrs_}, pos="{at(ox + x, oy + y)}"];')
        if sheet is not None:
            if head is not None:
                nodes = head_nodes(head, frame_w, frame_h, scale)
                out += [f"  {node_statement(*node)};" for node in nodes]
            side = engine.CORNER / 72
            for i, (x, y) in enumerate(engine.corners(frame_w, frame_h)):
                out.append(
                    f'  "#corner{i}" [shape=point, style=invis, width={side:g}, height={side:g},'
                    f' pos="{x:.4f},{y:.4f}"];'
                )
        for a, b, points, attrs_ in self.lines:
            moved = [(ox + x, oy + y) for x, y in points]
            # Each straight piece as a Bezier curve whose control points sit on its ends.
            spline = [moved[0], *(p for s, e in pairwise(moved) for p in (s, e, e))]
            pos = " ".join(at(x, y) for x, y in spline)
            out.append(f'  {quote(a)} -> {quote(b)} [pos="{pos}"{attrs_}];')
        out += self.edges
        out.append("}")
        return Drawn("\n".join(out) + "\n", scale, sheet, dict(self.units), self.mirrored)


def measure(
    labels: Sequence[str], fonts: str, known: dict[str, tuple[float, float]] | None = None
) -> list[tuple[float, float]]:
    """Each HTML-like label's size in points as Graphviz draws it; ``known`` keeps the
    sizes already measured, so that each label is measured once."""
    known = {} if known is None else known
    new = [label for label in dict.fromkeys(labels) if label not in known]
    if new:
        lines = [f'digraph {{ node [shape=plain fontname="{fonts}" fontsize=10]']
        lines += [f'm{i} [label=<{label}> pos="0,0"]' for i, label in enumerate(new)]
        lines.append("}")
        sizes = engine.measure("\n".join(lines))
        known.update((label, sizes[f"m{i}"]) for i, label in enumerate(new))
    return [known[label] for label in labels]
