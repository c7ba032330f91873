"""A page of a chart as data: the DOT text a chart or a change picture makes for the page,
laid out by Graphviz (:func:`raci.render.engine.laid_out`), read back as the unit boxes
(with their labels), the lines between nodes and every other node's drawing, in points
on the page (y growing downwards), the chart scaled to the paper as on paper."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from raci.render import engine
from raci.render.editable.drawing import Mark, Rect, Stroke, Text, node_drawings
from raci.render.editable.label import BLACK, Label, Run, colour, read_label

Point = tuple[float, float]
#: Graphviz rounds a box's corners with a radius of 12 points, at most a third of a side.
CORNER = 12.0
#: Graphviz's margin round a drawing when the DOT text sets no ``pad`` (inches).
DEFAULT_PAD = 0.0555


@attrs.frozen
class Source:
    """A page as a chart or a change picture makes it: its DOT text (every node pinned),
    the units drawn (DOT node name: unit id and level), the page's size in points (None:
    the drawing's own size), the scale the drawing is printed at on it, and whether it is
    read right to left (its labels' lines then hold their pieces right to left)."""

    dot: str
    units: Mapping[str, tuple[str, str | None]]
    size: tuple[float, float] | None = None
    scale: float = 1.0
    rtl: bool = False


@attrs.frozen
class Box:
    """A unit's box: its DOT node, unit id and level, left, top, width and height, its
    label (text sizes and border in points on the page) and the radius of its corners
    (0 when they are square)."""

    name: str
    unit: str
    level: str | None
    x: float
    y: float
    width: float
    height: float
    label: Label
    radius: float = 0.0


@attrs.frozen
class Line:
    """A line from node ``tail`` to node ``head`` (DOT names) along ``points``: its colour,
    width, style (solid, dashed, dotted), and whether an arrowhead ends it at ``head``."""

    tail: str
    head: str
    points: tuple[Point, ...]
    colour: str = BLACK
    width: float = 1.0
    dash: str = "solid"
    arrow: bool = False


@attrs.frozen
class Drawing:
    """A node other than a unit, as Graphviz draws it: its name and its marks."""

    name: str
    marks: tuple[Mark, ...]


@attrs.frozen
class Page:
    """A laid-out page: its size, the scale of the chart on it, the unit boxes, the lines,
    the other nodes' drawings, and the font families the chart names, in order."""

    width: float
    height: float
    scale: float
    boxes: tuple[Box, ...]
    lines: tuple[Line, ...]
    drawings: tuple[Drawing, ...]
    fonts: tuple[str, ...]


def lay_out(source: Source) -> Page:
    """The page of ``source``, laid out by Graphviz."""
    data, svg = engine.laid_out(source.dot)
    graph = json.loads(data)
    x0, y0, x1, y1 = (float(v) for v in graph.get("bb", "0,0,0,0").split(","))
    s = source.scale
    pad = float(graph.get("pad", DEFAULT_PAD)) * 72.0
    width, height = source.size or ((x1 - x0) * s + 2 * pad, (y1 - y0) * s + 2 * pad)
    ox, oy = (width - (x1 - x0) * s) / 2, (height - (y1 - y0) * s) / 2

    def at(x: float, y: float) -> Point:
        """A point of the layout (y growing upwards) on the page."""
        return ox + (x - x0) * s, oy + (y1 - y) * s

    nodes = [o for o in graph.get("objects", []) if "nodes" not in o]
    names = {o["_gvid"]: o["name"] for o in nodes}
    drawn = node_drawings(svg)
    boxes, drawings = [], []
    for node in nodes:
        if "invis" in node.get("style", "") or "pos" not in node:
            continue
        name = node["name"]
        if name in source.units:
            cx, cy = (float(v) for v in node["pos"].split(","))
            w, h = float(node["width"]) * 72.0, float(node["height"]) * 72.0
            left, top = at(cx - w / 2, cy + h / 2)
            uid, level = source.units[name]
            size = float(node.get("fontsize", 14))
            label = read_label(node.get("label", ""), size, rtl=source.rtl)
            radius = min(CORNER, w / 3, h / 3) * s if label.rounded else 0.0
            boxes.append(Box(name, uid, level, left, top, w * s, h * s, _scaled(label, s), radius))
        else:
            marks = tuple(_placed(m, at, s) for m in drawn.get(name, []))
            if marks:
                drawings.append(Drawing(name, marks))
    lines = [
        line for edge in graph.get("edges", []) if (line := _line(edge, names, at, s)) is not None
    ]
    fonts = tuple(f.strip() for f in str(graph.get("fontname", "")).split(",") if f.strip())
    return Page(width, height, s, tuple(boxes), tuple(lines), tuple(drawings), fonts)


def _line(
    edge: Mapping[str, Any], names: Mapping[int, str], at: Callable[[float, float], Point], s: float
) -> Line | None:
    """An edge of the layout as a line on the page (None when it is not drawn)."""
    style = edge.get("style", "")
    if "invis" in style or "pos" not in edge:
        return None
    points = [at(x, y) for x, y in _route(edge["pos"])]
    if len(points) < 2:
        return None
    arrow = edge.get("arrowhead", "normal") != "none" and edge.get("dir", "forward") in (
        "forward",
        "both",
    )
    return Line(
        names[edge["tail"]],
        names[edge["head"]],
        tuple(points),
        colour(str(edge.get("color", "")).split(":")[0]) or BLACK,
        float(edge.get("penwidth", 1.0)) * s,
        "dashed" if "dashed" in style else "dotted" if "dotted" in style else "solid",
        arrow,
    )


def _route(pos: str) -> list[Point]:
    """A line's route from its ``pos``: the ends of its Bezier pieces, then the tip of
    its arrowhead when it has one (an ``e,x,y`` point)."""
    tip: Point | None = None
    control: list[Point] = []
    for token in pos.split(";")[0].split():
        if token.startswith("e,"):
            tip = _point(token[2:])
        elif not token.startswith("s,"):
            control.append(_point(token))
    points = control[0::3]
    if tip is not None:
        points.append(tip)
    return points


def _point(text: str) -> Point:
    x, y = text.split(",")[:2]
    return float(x), float(y)


def _placed(mark: Mark, at: Callable[[float, float], Point], s: float) -> Mark:
    """A mark from SVG coordinates (the layout's, y negated) on the page."""
    if isinstance(mark, Rect):
        x, y = at(mark.x, -mark.y)
        return attrs.evolve(
            mark,
            x=x,
            y=y,
            width=mark.width * s,
            height=mark.height * s,
            line_width=mark.line_width * s,
        )
    if isinstance(mark, Stroke):
        return attrs.evolve(
            mark,
            points=tuple(at(x, -y) for x, y in mark.points),
            line_width=mark.line_width * s,
        )
    x, y = at(mark.x, -mark.y)
    return Text(x, y, mark.anchor, attrs.evolve(mark.run, size=mark.run.size * s))


def _scaled(label: Label, s: float) -> Label:
    """``label`` with its sizes scaled by ``s``."""
    if s == 1.0:
        return label
    return attrs.evolve(
        label,
        paragraphs=tuple(
            attrs.evolve(p, lines=tuple(tuple(_run(r, s) for r in line) for line in p.lines))
            for p in label.paragraphs
        ),
        border=label.border * s,
        padding=label.padding * s,
    )


def _run(run: Run, s: float) -> Run:
    return attrs.evolve(run, size=run.size * s)
