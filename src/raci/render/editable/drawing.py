"""What Graphviz draws for a node that is not a unit (the key, a title, a running head, a
frame), read from its SVG: rectangles, open lines and lines of text, in the SVG's own
coordinates (points, y growing downwards)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import attrs

from raci._text import display_width
from raci.render.editable.label import BLACK, Run, colour, xml_text

SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
Point = tuple[float, float]


@attrs.frozen
class Rect:
    """A rectangle: left, top, width, height; fill and border colours (None: none), the
    border's width, its style (solid, dashed, dotted) and whether its corners are round."""

    x: float
    y: float
    width: float
    height: float
    fill: str | None = None
    line: str | None = None
    line_width: float = 1.0
    dash: str = "solid"
    rounded: bool = False


@attrs.frozen
class Stroke:
    """An open line through ``points``."""

    points: tuple[Point, ...]
    line: str = BLACK
    line_width: float = 1.0
    dash: str = "solid"


@attrs.frozen
class Text:
    """A line of text whose baseline starts, centres or ends (``anchor``) at (x, y)."""

    x: float
    y: float
    anchor: str
    run: Run


Mark = Rect | Stroke | Text


def text_box(text: Text) -> tuple[float, float, float, float]:
    """The box (left, top, width, height) a line of text takes in an editable figure:
    about its width (a column is about 0.6 of the size), a line high, round its baseline."""
    size = text.run.size
    wide = (display_width(text.run.text) * 0.62 + 1.0) * size
    left = {"middle": text.x - wide / 2, "end": text.x - wide}.get(text.anchor, text.x)
    return left, text.y - size * 1.05, wide, size * 1.4


def node_drawings(svg: bytes) -> dict[str, list[Mark]]:
    """What the SVG draws for each node, by the node's name (its ``<title>``)."""
    root = ET.fromstring(svg)
    out: dict[str, list[Mark]] = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        name = group.findtext(f"{SVG}title") or ""
        out[name] = _merged(list(_marks(group)))
    return out


def _marks(group: ET.Element) -> Iterator[Mark]:
    for el in group:
        tag = el.tag.removeprefix(SVG)
        if tag in ("polygon", "path"):
            rect = _rect(el, rounded=tag == "path")
            if rect is not None:
                yield rect
        elif tag == "polyline":
            points = _points(el.get("points", ""))
            line = colour(el.get("stroke"))
            if len(points) >= 2 and line:
                yield Stroke(tuple(points), line, _width(el), _dash(el))
        elif tag == "text":
            text = xml_text("".join(el.itertext()))
            if text.strip():
                yield Text(
                    float(el.get("x", "0")),
                    float(el.get("y", "0")),
                    el.get("text-anchor", "start"),
                    Run(
                        text,
                        float(el.get("font-size", "14")),
                        colour(el.get("fill")) or BLACK,
                        bold=el.get("font-weight") == "bold",
                        italic=el.get("font-style") == "italic",
                    ),
                )
        elif tag == "g":
            yield from _marks(el)


def _rect(el: ET.Element, *, rounded: bool) -> Rect | None:
    """A polygon or a closed path as the rectangle round it (Graphviz draws boxes, and
    rounded boxes as paths of curves); None when it is neither filled nor outlined."""
    points = _points(el.get("points") or el.get("d") or "")
    fill, line = colour(el.get("fill")), colour(el.get("stroke"))
    if len(points) < 3 or not (fill or line):
        return None
    xs, ys = [x for x, _ in points], [y for _, y in points]
    left, top = min(xs), min(ys)
    return Rect(
        left,
        top,
        max(xs) - left,
        max(ys) - top,
        fill,
        line,
        _width(el),
        _dash(el),
        rounded,
    )


def _merged(marks: list[Mark]) -> list[Mark]:
    """The marks with each border drawn after its fill (Graphviz draws a table's border
    inside the filled area, half its width in) joined to that fill."""
    out: list[Mark] = []
    for mark in marks:
        if isinstance(mark, Rect) and mark.fill is None:
            for i, seen in enumerate(out):
                if isinstance(seen, Rect) and seen.line is None and _around(seen, mark):
                    out[i] = attrs.evolve(
                        seen,
                        line=mark.line,
                        line_width=mark.line_width,
                        dash=mark.dash,
                        rounded=seen.rounded or mark.rounded,
                    )
                    break
            else:
                out.append(mark)
        else:
            out.append(mark)
    return out


def _around(fill: Rect, border: Rect) -> bool:
    """Whether ``border`` runs round the edge of ``fill``."""
    slack = border.line_width + 0.5
    return (
        abs(fill.x - border.x) <= slack
        and abs(fill.y - border.y) <= slack
        and abs(fill.x + fill.width - border.x - border.width) <= slack
        and abs(fill.y + fill.height - border.y - border.height) <= slack
    )


def _points(text: str) -> list[Point]:
    numbers = [float(n) for n in _NUMBER.findall(text)]
    return list(zip(numbers[0::2], numbers[1::2], strict=False))


def _width(el: ET.Element) -> float:
    return float(el.get("stroke-width", "1"))


def _dash(el: ET.Element) -> str:
    """The line's style from its dash pattern: Graphviz dashes 5,2 and dots 1,5."""
    pattern = _NUMBER.findall(el.get("stroke-dasharray", ""))
    if not pattern:
        return "solid"
    return "dotted" if float(pattern[0]) <= 1 else "dashed"
