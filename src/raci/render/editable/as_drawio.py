"""Laid-out pages as a draw.io file (diagrams.net, and its VS Code extension): an
``mxfile`` with a ``diagram`` per page, each unit a vertex in the chart's style whose
object keeps the unit's id and level, each line an edge from its ``source`` to its
``target`` (square reporting lines leave and enter by the sides the chart's do, through
its bends), the key, titles and running heads as groups of shapes and text.

draw.io measures in units of 1/100 inch (an A4 page is 827 x 1169), so points are
scaled by 100/72, text sizes with them. The file is written uncompressed."""

from __future__ import annotations

import html
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence

from raci.render.editable.drawing import Mark, Rect, Stroke, text_box
from raci.render.editable.geometry import Box, Line, Page
from raci.render.editable.label import Paragraph, Run, attribute
from raci.render.editable.routes import SIDES, Route, is_square
from raci.render.editable.wiring import wire

#: draw.io units per point.
UNIT = 100 / 72
_DASH = {"dashed": "dashed=1;", "dotted": "dashed=1;dashPattern=1 4;"}
_ALIGN = {"start": "left", "middle": "center", "end": "right"}
Point = tuple[float, float]


def drawio_bytes(pages: Sequence[Page]) -> bytes:
    """The draw.io file of ``pages``: one diagram page each."""
    root = ET.Element("mxfile", {"host": "raci", "type": "device"})
    for n, page in enumerate(pages, 1):
        diagram = _add(root, "diagram", id=f"page-{n}", name=f"Page {n}")
        model = _add(
            diagram,
            "mxGraphModel",
            grid="0",
            gridSize="10",
            guides="1",
            tooltips="1",
            connect="1",
            arrows="1",
            fold="1",
            page="1",
            pageScale="1",
            pageWidth=_n(page.width * UNIT),
            pageHeight=_n(page.height * UNIT),
            math="0",
            shadow="0",
        )
        cells = _add(model, "root")
        _add(cells, "mxCell", id=f"{n}-0")
        _add(cells, "mxCell", id=f"{n}-1", parent=f"{n}-0")
        cells.extend(_Diagram(page, f"{n}-").cells())
    ET.indent(root, space=" ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _add(under: ET.Element | None, tag: str, /, **attrib: str) -> ET.Element:
    """An element with ``attrib`` (``as_`` for draw.io's ``as``), under ``under`` when
    given."""
    if "as_" in attrib:
        attrib["as"] = attrib.pop("as_")
    if under is None:
        return ET.Element(tag, attrib)
    return ET.SubElement(under, tag, attrib)


def _n(value: float) -> str:
    """A number as draw.io writes it: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


class _Diagram:
    """The cells of one page, their ids starting with ``prefix``."""

    def __init__(self, page: Page, prefix: str) -> None:
        self.page = page
        self.prefix = prefix
        self.layer = f"{prefix}1"
        self.count = 0
        self.font = f"fontFamily={','.join(page.fonts)};" if page.fonts else ""

    def ident(self) -> str:
        self.count += 1
        return f"{self.prefix}n{self.count}"

    def cells(self) -> Iterator[ET.Element]:
        ids = {box.name: self.ident() for box in self.page.boxes}
        routes = wire(self.page, reroutes=False)
        # Lines first: draw.io draws cells in order, and the chart draws lines under boxes.
        for i, line in enumerate(self.page.lines):
            yield self.line(line, ids, routes.get(i))
        for box in self.page.boxes:
            yield self.box(box, ids[box.name])
        for drawing in self.page.drawings:
            yield from self.drawing(drawing.marks)

    def box(self, box: Box, ident: str) -> ET.Element:
        """A unit as a vertex: an object with its id and level, its text as HTML (the
        chart's line breaks, none added)."""
        label = box.label
        obj = _add(None, "object", id=ident, label=_html(label.paragraphs, label.fill))
        obj.set("unit", attribute(box.unit))
        if box.level is not None:
            obj.set("level", attribute(box.level))
        style = (
            f"rounded={int(bool(box.radius))};html=1;{_fill_line(label.fill, label.line)}"
            f"strokeWidth={_n(label.border * UNIT)};{_DASH.get(label.dash, '')}"
            f"verticalAlign=middle;align=center;spacing={_n(label.padding * UNIT)};{self.font}"
        )
        if box.radius:
            style += f"arcSize={_n(box.radius * 2 * UNIT)};absoluteArcSize=1;"
        cell = _add(obj, "mxCell", style=style, vertex="1", parent=self.layer)
        inset = label.border / 2
        _geometry(cell, box.x + inset, box.y + inset, box.width - 2 * inset, box.height - 2 * inset)
        return obj

    def line(self, line: Line, ids: dict[str, str], route: Route | None) -> ET.Element:
        """A line as an edge: between two units, attached to both along ``route``
        (leaving and entering by its sides, through its bends; a straight route from box
        to box); otherwise free, along its own points."""
        style = _stroke(line.colour, line.width, line.dash) + (
            "endArrow=open;endFill=0;" if line.arrow else "endArrow=none;"
        )
        if route is None:
            return self.path(line.points, f"edgeStyle=none;{style}", self.layer, (0.0, 0.0))
        cell = _add(None, "mxCell", id=self.ident(), edge="1", parent=self.layer)
        cell.set("source", ids[line.tail])
        cell.set("target", ids[line.head])
        bends: Sequence[Point] = ()
        if is_square(route.points):
            (ex, ey), (nx, ny) = SIDES[route.start], SIDES[route.end]
            style = (
                f"edgeStyle=orthogonalEdgeStyle;exitX={_n(ex)};exitY={_n(ey)};exitDx=0;exitDy=0;"
                f"entryX={_n(nx)};entryY={_n(ny)};entryDx=0;entryDy=0;{style}"
            )
            bends = route.points[1:-1]
            if len(bends) == 2 and math.dist(*bends) * UNIT < 1:
                # draw.io's router drops waypoints closer than a unit and would join the
                # ends to what is left slanted: a jog that small it makes itself.
                bends = ()
        else:
            style = f"edgeStyle=none;{style}"
        cell.set("style", style)
        geometry = _add(cell, "mxGeometry", relative="1", as_="geometry")
        _waypoints(geometry, bends, (0.0, 0.0))
        return cell

    def path(self, points: Sequence[Point], style: str, parent: str, origin: Point) -> ET.Element:
        """A free line along ``points``, relative to ``origin``."""
        cell = _add(None, "mxCell", id=self.ident(), style=style, edge="1", parent=parent)
        geometry = _add(cell, "mxGeometry", relative="1", as_="geometry")
        for (x, y), end in ((points[0], "sourcePoint"), (points[-1], "targetPoint")):
            _add(
                geometry,
                "mxPoint",
                x=_n((x - origin[0]) * UNIT),
                y=_n((y - origin[1]) * UNIT),
                as_=end,
            )
        _waypoints(geometry, points[1:-1], origin)
        return cell

    def drawing(self, marks: Sequence[Mark]) -> Iterator[ET.Element]:
        """A node other than a unit: its marks, in a group when there are several (so that
        the key moves as one)."""
        if len(marks) == 1:
            yield self.mark(marks[0], self.layer, (0.0, 0.0))
            return
        xs, ys = zip(*(corner for m in marks for corner in _corners(m)), strict=True)
        left, top = min(xs), min(ys)
        group = self.ident()
        cell = _add(
            None,
            "mxCell",
            id=group,
            value="",
            style="group",
            vertex="1",
            connectable="0",
            parent=self.layer,
        )
        _geometry(cell, left, top, max(xs) - left, max(ys) - top)
        yield cell
        for mark in marks:
            yield self.mark(mark, group, (left, top))

    def mark(self, mark: Mark, parent: str, origin: Point) -> ET.Element:
        """A mark as a cell of ``parent``, placed relative to its ``origin``."""
        ox, oy = origin
        if isinstance(mark, Stroke):
            style = f"endArrow=none;html=1;{_stroke(mark.line, mark.line_width, mark.dash)}"
            return self.path(mark.points, style, parent, origin)
        if isinstance(mark, Rect):
            inset = mark.line_width / 2 if mark.fill and mark.line else 0.0
            style = (
                f"rounded={int(mark.rounded)};html=1;{_fill_line(mark.fill, mark.line)}"
                f"strokeWidth={_n(mark.line_width * UNIT)};{_DASH.get(mark.dash, '')}"
            )
            cell = _add(None, "mxCell", id=self.ident(), value="", style=style, vertex="1")
            cell.set("parent", parent)
            x, y = mark.x + inset - ox, mark.y + inset - oy
            _geometry(cell, x, y, mark.width - 2 * inset, mark.height - 2 * inset)
            return cell
        x, y, w, h = text_box(mark)
        align = _ALIGN.get(mark.anchor, "left")
        style = (
            "text;html=1;strokeColor=none;fillColor=none;"
            f"align={align};verticalAlign=middle;spacing=0;{self.font}"
        )
        value = _html([Paragraph(((mark.run,),), align)], None)
        cell = _add(None, "mxCell", id=self.ident(), value=value, style=style, vertex="1")
        cell.set("parent", parent)
        _geometry(cell, x - ox, y - oy, w, h)
        return cell


def _fill_line(fill: str | None, line: str | None) -> str:
    return f"fillColor={fill or 'none'};strokeColor={line or 'none'};"


def _stroke(colour: str, width: float, dash: str) -> str:
    return f"rounded=0;strokeColor={colour};strokeWidth={_n(width * UNIT)};{_DASH.get(dash, '')}"


def _geometry(cell: ET.Element, x: float, y: float, w: float, h: float) -> None:
    _add(
        cell,
        "mxGeometry",
        x=_n(x * UNIT),
        y=_n(y * UNIT),
        width=_n(max(w, 0.0) * UNIT),
        height=_n(max(h, 0.0) * UNIT),
        as_="geometry",
    )


def _waypoints(geometry: ET.Element, points: Sequence[Point], origin: Point) -> None:
    """The points a line passes through between its ends."""
    if not points:
        return
    array = _add(geometry, "Array", as_="points")
    for x, y in points:
        _add(array, "mxPoint", x=_n((x - origin[0]) * UNIT), y=_n((y - origin[1]) * UNIT))


def _corners(mark: Mark) -> Iterator[Point]:
    if isinstance(mark, Rect):
        yield mark.x, mark.y
        yield mark.x + mark.width, mark.y + mark.height
    elif isinstance(mark, Stroke):
        yield from mark.points
    else:
        x, y, w, h = text_box(mark)
        yield x, y
        yield x + w, y + h


def _html(paragraphs: Sequence[Paragraph], fill: str | None) -> str:
    """The paragraphs as the HTML of a draw.io label: a block each (in its cell's colour
    and dashed frame, when it has them), a line break between lines, each run's size (in
    draw.io units), colour, weight and slant; text escaped."""
    blocks = []
    for paragraph in paragraphs:
        lines = "<br>".join("".join(_run(r) for r in line) for line in paragraph.lines)
        shade = paragraph.fill if paragraph.fill not in (None, fill) else None
        style = f"text-align:{paragraph.align};"
        if shade:
            style += f"background-color:{shade};"
        if paragraph.frame:
            style += f"border:1px dashed {paragraph.frame};"
        blocks.append(f'<div style="{style}">{lines}</div>')
    return "".join(blocks)


def _run(run: Run) -> str:
    text = html.escape(run.text, quote=False)
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    return f'<span style="font-size:{_n(run.size * UNIT)}px;color:{run.colour};">{text}</span>'
