"""Laid-out pages as a PowerPoint deck (python-pptx): a slide per page, each unit a
shape named by its unit id with its text editable inside, each reporting line an elbow
connector glued to both boxes, the key, titles and running heads as shapes and text.

python-pptx makes the deck, the slides and the shapes; what it has no words for is
written into the shapes' XML here: each connector's glue (``stCxn``, ``endCxn``: what
``begin_connect``/``end_connect`` write, without their moving the ends, since the whole
route is set), its preset for the number of pieces (``bentConnector2`` to
``bentConnector5``), its turn (``rot``, ``flipH``, ``flipV``), where it bends (the ``adj``
guides) and its arrowhead; fills, lines and text properties are written the same way, as
python-pptx would, only faster. PowerPoint shows the route until a glued box moves, then
routes the line anew between the same sides; LibreOffice (7.4) routes every glued
connector by its own rules when it opens the file, so each line glues to the sides where
both routes keep clear of the boxes (:mod:`~raci.render.editable.wiring`)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.connector import Connector
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Emu

from raci.render.editable.drawing import Mark, Rect, Stroke, Text, text_box
from raci.render.editable.geometry import Box, Line, Page
from raci.render.editable.label import Label, Paragraph, Run, attribute
from raci.render.editable.routes import SIDES, Route, is_square
from raci.render.editable.wiring import wire

#: PowerPoint's units: English Metric Units per point; the largest and smallest slide side.
EMU = 12700
LARGEST = 56 * 72.0
SMALLEST = 72.0
#: The line spacing of text, in sizes of its font (Graphviz sets lines about this far
#: apart), and the least it is made to fit a box's text in the box.
LEADING = 1.2
TIGHTEST = 1.0
_SITE = {side: i for i, side in enumerate(SIDES)}
_ALIGN = {"left": "l", "center": "ctr", "right": "r", "start": "l", "middle": "ctr", "end": "r"}
#: The DrawingML tags text is written with, qualified once.
_A = {
    tag: qn(f"a:{tag}")
    for tag in (
        *("p", "pPr", "lnSpc", "spcBef", "spcPts", "r", "rPr", "t", "br", "endParaRPr"),
        *("solidFill", "highlight", "srgbClr", "latin", "ea", "cs"),
        *("xfrm", "prstGeom", "off", "ext", "avLst", "gd", "ln", "tailEnd", "noFill"),
        *("prstDash", "bodyPr", "noAutofit", "spAutoFit", "normAutofit", "stCxn", "endCxn"),
    )
}
_P = {tag: qn(f"p:{tag}") for tag in ("style", "nvCxnSpPr", "cNvCxnSpPr")}
_DASH = {"dashed": "dash", "dotted": "sysDot"}
#: An elbow connector's preset by its number of pieces (a straight one has a middle turn).
_PRESETS = {
    1: "bentConnector3",
    2: "bentConnector2",
    3: "bentConnector3",
    4: "bentConnector4",
    5: "bentConnector5",
}
#: Fonts: Latin and East Asian text names the chart's first family (the CJK family of its
#: language, which covers Latin too); Arabic and Hebrew text the one of its families that
#: office systems have with those scripts.
COMPLEX_SCRIPT = "Arial"


def pptx_bytes(pages: Sequence[Page]) -> tuple[bytes, float]:
    """The deck, and the scale its slides had to take to stay within PowerPoint's largest
    slide (56 inches a side; 1 when they fit)."""
    deck = Presentation()
    width = max(p.width for p in pages)
    height = max(p.height for p in pages)
    fit = min(1.0, LARGEST / width, LARGEST / height)
    deck.slide_width = Emu(_emu(max(SMALLEST, width * fit)))
    deck.slide_height = Emu(_emu(max(SMALLEST, height * fit)))
    blank = deck.slide_layouts[6]
    for page in pages:
        slide = deck.slides.add_slide(blank)
        dx = (max(SMALLEST, width * fit) - page.width * fit) / 2
        dy = (max(SMALLEST, height * fit) - page.height * fit) / 2
        _Slide(slide.shapes, page, fit, dx, dy).draw()
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue(), fit


def _emu(points: float) -> int:
    return round(points * EMU)


class _Slide:
    """One page drawn on a slide, scaled by ``fit`` and moved by (dx, dy) points."""

    def __init__(self, shapes: SlideShapes, page: Page, fit: float, dx: float, dy: float):
        self.shapes = shapes
        self.page = page
        self.fit = fit
        self.dx, self.dy = dx, dy
        fonts = page.fonts or ("Arial",)
        self.fonts = (fonts[0], fonts[0], COMPLEX_SCRIPT if COMPLEX_SCRIPT in fonts else fonts[0])

    def x(self, value: float) -> Emu:
        return Emu(_emu(self.dx + value * self.fit))

    def y(self, value: float) -> Emu:
        return Emu(_emu(self.dy + value * self.fit))

    def length(self, value: float) -> Emu:
        return Emu(_emu(value * self.fit))

    def draw(self) -> None:
        self.shapes.turbo_add_enabled = True
        for drawing in self.page.drawings:
            name = drawing.name
            if len(drawing.marks) == 1:
                self.mark(drawing.marks[0], name)
                continue
            # The marks of a node (the key) move as one: a group made once they are drawn.
            group = self.shapes.add_group_shape([self.mark(m, "") for m in drawing.marks])
            group.name = attribute(name)
        boxes = {box.name: (box, self.box(box)) for box in self.page.boxes}
        routes = wire(self.page, reroutes=True)
        tree = self.shapes.element
        for i, line in enumerate(self.page.lines):
            drawn = self.line(line, boxes, routes.get(i))
            # Lines go under the boxes, as in the chart (after the tree's own properties).
            tree.remove(drawn.element)
            tree.insert(2, drawn.element)

    # -- units ------------------------------------------------------------------------

    def box(self, box: Box) -> Shape:
        """A unit's shape: square or rounded, its border inside the box as Graphviz draws
        it, its label as paragraphs."""
        label = box.label
        inset = label.border / 2
        shape = self.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE if box.radius else MSO_SHAPE.RECTANGLE,
            self.x(box.x + inset),
            self.y(box.y + inset),
            self.length(box.width - 2 * inset),
            self.length(box.height - 2 * inset),
        )
        shape.name = attribute(box.unit)
        if box.radius:
            shape.adjustments[0] = box.radius / max(1.0, min(box.width, box.height))
        border = label.line if label.border else None
        _paint(shape, label.fill, border, self.length(label.border), label.dash)
        # The chart's own line breaks, never others: office fonts measure a little wider.
        side, edge = self.length(inset + label.padding), self.length(inset)
        body = _text_body(shape, anchor="ctr", lIns=side, rIns=side, tIns=edge, bIns=edge)
        leading = _leading(label, box.height - 2 * label.border)
        for i, paragraph in enumerate(label.paragraphs):
            gap = 2 * label.padding * leading / LEADING if i else 0.0
            body.append(self.paragraph(paragraph, label.fill, gap, leading))
        if not label.paragraphs:
            etree.SubElement(body, _A["p"])
        return shape

    def paragraph(
        self, paragraph: Paragraph, fill: str | None, gap: float, leading: float = LEADING
    ) -> etree._Element:
        """A cell as a paragraph: a line break between its lines; a cell coloured unlike
        its box keeps its colour as the highlight of its text."""
        p = etree.Element(_A["p"])
        ppr = etree.SubElement(p, _A["pPr"], algn=_ALIGN.get(paragraph.align, "ctr"))
        if _right_to_left(paragraph.text):
            ppr.set("rtl", "1")
        size = _largest(paragraph)
        spacing = etree.SubElement(etree.SubElement(ppr, _A["lnSpc"]), _A["spcPts"])
        spacing.set("val", str(max(0, round(size * self.fit * leading * 100))))
        before = etree.SubElement(etree.SubElement(ppr, _A["spcBef"]), _A["spcPts"])
        before.set("val", str(max(0, round(gap * self.fit * 100))))
        mark = paragraph.fill if paragraph.fill not in (None, fill) else None
        for i, line in enumerate(paragraph.lines):
            if i:
                br = etree.SubElement(p, _A["br"])
                br.append(self.run_properties(line[0] if line else Run("", size), None))
            for run in line:
                r = etree.SubElement(p, _A["r"])
                r.append(self.run_properties(run, mark))
                etree.SubElement(r, _A["t"]).text = run.text
        p.append(self.run_properties(Run("", size), None, tag="endParaRPr"))
        return p

    def run_properties(self, run: Run, highlight: str | None, tag: str = "rPr") -> etree._Element:
        """A run's size, weight, slant, colour, highlight and fonts (Latin, East Asian,
        complex scripts), in the order the schema sets."""
        rpr = etree.Element(_A[tag], lang="en-US", sz=str(_size(run.size * self.fit)))
        if run.bold:
            rpr.set("b", "1")
        if run.italic:
            rpr.set("i", "1")
        _colour(etree.SubElement(rpr, _A["solidFill"]), run.colour)
        if highlight:
            _colour(etree.SubElement(rpr, _A["highlight"]), highlight)
        for slot, family in zip(("latin", "ea", "cs"), self.fonts, strict=True):
            etree.SubElement(rpr, _A[slot], typeface=family)
        return rpr

    # -- lines --------------------------------------------------------------------------

    def line(
        self, line: Line, boxes: dict[str, tuple[Box, Shape]], route: Route | None
    ) -> BaseShape:
        """A line: between two units, a connector glued to both along ``route`` (an
        elbow, or straight when the route is); otherwise a line along its own points."""
        tail, head = boxes.get(line.tail), boxes.get(line.head)
        if tail is None or head is None or route is None:
            return self.polyline(line.points, line.colour, line.width, line.dash, line.arrow)
        connector = self.shapes.add_connector(MSO_CONNECTOR.ELBOW, Emu(0), Emu(0), Emu(1), Emu(1))
        glue = connector.element.find(_P["nvCxnSpPr"]).find(_P["cNvCxnSpPr"])
        for tag, shape, side in (("stCxn", tail[1], route.start), ("endCxn", head[1], route.end)):
            etree.SubElement(glue, _A[tag], id=str(shape.shape_id), idx=str(_SITE[side]))
        self.place(connector, route, square=is_square(route.points))
        _paint(connector, None, line.colour, self.length(line.width), line.dash, line.arrow)
        connector.name = attribute(f"{tail[0].unit} → {head[0].unit}")
        return connector

    def place(self, connector: Connector, route: Route, *, square: bool) -> None:
        """Where the connector goes and how it bends: straight, or the elbow preset for
        its number of pieces, turned a quarter when its first piece runs down, flipped to
        start where it does, each bend at its place as a fraction of the connector's
        extent (the ``adj`` guides)."""
        pts = [(self.x(px), self.y(py)) for px, py in route.points]
        (sx, sy), (ex, ey) = pts[0], pts[-1]
        pieces = len(pts) - 1
        down = square and abs(pts[1][0] - sx) < abs(pts[1][1] - sy)
        spr = connector.element.spPr
        xfrm, geometry = spr.find(_A["xfrm"]), spr.find(_A["prstGeom"])
        for key in ("rot", "flipH", "flipV"):
            xfrm.attrib.pop(key, None)
        if down:
            # A quarter turn clockwise: the preset's first piece, across, runs down.
            xfrm.set("rot", "5400000")
            w, h = abs(ey - sy), abs(ex - sx)
            flips = {"flipH": ey < sy, "flipV": ex > sx}
        else:
            w, h = abs(ex - sx), abs(ey - sy)
            flips = {"flipH": ex < sx, "flipV": ey < sy}
        for key in (k for k, on in flips.items() if on):
            xfrm.set(key, "1")
        off, ext = xfrm.find(_A["off"]), xfrm.find(_A["ext"])
        off.set("x", str(round((sx + ex - w) / 2)))
        off.set("y", str(round((sy + ey - h) / 2)))
        ext.set("cx", str(w))
        ext.set("cy", str(h))
        guides = geometry.find(_A["avLst"])
        if guides is None:
            guides = etree.SubElement(geometry, _A["avLst"])
        for child in list(guides):
            guides.remove(child)
        if not square or pieces > 5:
            geometry.set("prst", "straightConnector1" if not square else "bentConnector3")
            return
        geometry.set("prst", _PRESETS[pieces])
        first, second = (1, 0) if down else (0, 1)
        for i, axis in enumerate([first, second, first][: max(0, pieces - 2)], 1):
            span = (ex, ey)[axis] - (sx, sy)[axis]
            at = pts[i][axis] - (sx, sy)[axis]
            value = round(at / span * 100000) if abs(span) >= EMU else 50000
            etree.SubElement(guides, _A["gd"], name=f"adj{i}", fmla=f"val {value}")

    # -- other nodes -------------------------------------------------------------------

    def mark(self, mark: Mark, name: str) -> BaseShape:
        """A mark of the key, a title or a running head as a shape."""
        if isinstance(mark, Rect):
            shape: BaseShape = self.rect(mark)
        elif isinstance(mark, Stroke):
            shape = self.polyline(mark.points, mark.line, mark.line_width, mark.dash, False)
        else:
            shape = self.text(mark)
        if name:
            shape.name = attribute(name)
        return shape

    def rect(self, mark: Rect) -> Shape:
        inset = mark.line_width / 2 if mark.fill and mark.line else 0.0
        shape = self.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE if mark.rounded else MSO_SHAPE.RECTANGLE,
            self.x(mark.x + inset),
            self.y(mark.y + inset),
            self.length(max(0.0, mark.width - 2 * inset)),
            self.length(max(0.0, mark.height - 2 * inset)),
        )
        _paint(shape, mark.fill, mark.line, self.length(mark.line_width), mark.dash)
        return shape

    def text(self, mark: Text) -> Shape:
        """A line of text in a box of its own, its baseline where Graphviz put it."""
        x, y, w, h = text_box(mark)
        box = self.shapes.add_textbox(self.x(x), self.y(y), self.length(w), self.length(h))
        _text_body(box, lIns=0, rIns=0, tIns=0, bIns=0).append(
            self.paragraph(Paragraph(((mark.run,),), mark.anchor), None, 0.0)
        )
        return box

    def polyline(
        self,
        points: Sequence[tuple[float, float]],
        line: str,
        width: float,
        dash: str,
        arrow: bool,
    ) -> BaseShape:
        """An open line through ``points``."""
        (x0, y0), *rest = [(self.x(x), self.y(y)) for x, y in points]
        builder = self.shapes.build_freeform(x0, y0, scale=1.0)
        builder.add_line_segments(rest, close=False)
        shape: Shape = builder.convert_to_shape()
        _paint(shape, None, line, self.length(width), dash, arrow)
        return shape


def _text_body(shape: Shape, **body: int | str) -> etree._Element:
    """The shape's text body, set as ``body`` says (insets, anchor), wrapping only at the
    chart's own line breaks and never resized to its text, without the empty paragraph it
    starts with."""
    text = shape.element.txBody
    assert text is not None
    properties = text.find(_A["bodyPr"])
    properties.set("wrap", "none")
    for key, value in body.items():
        properties.set(key, str(value))
    for fit in ("noAutofit", "spAutoFit", "normAutofit"):
        for old in properties.findall(_A[fit]):
            properties.remove(old)
    etree.SubElement(properties, _A["noAutofit"])
    for p in text.findall(_A["p"]):
        text.remove(p)
    return text


def _leading(label: Label, room: float) -> float:
    """The line spacing that fits the label's lines, and the space between its cells, in
    ``room`` points: :data:`LEADING`, closer (down to :data:`TIGHTEST`) when they need it."""
    lines = sum(len(p.lines) * _largest(p) for p in label.paragraphs)
    gaps = 2 * label.padding * max(0, len(label.paragraphs) - 1)
    need = lines * LEADING + gaps
    if need <= room or need <= 0:
        return LEADING
    return max(TIGHTEST, LEADING * room / need)


def _largest(paragraph: Paragraph) -> float:
    """The size of the paragraph's largest text, which spaces its lines."""
    return max((r.size for line in paragraph.lines for r in line), default=10.0)


def _size(points: float) -> int:
    """A text size as PowerPoint keeps it: hundredths of a point, 1 to 4,000 points."""
    return min(400000, max(100, round(points * 100)))


def _paint(
    shape: BaseShape,
    fill: str | None,
    line: str | None,
    width: int,
    dash: str,
    arrow: bool = False,
) -> None:
    """The shape's fill (none for a line), its outline (colour, width in EMU, style, an
    open arrowhead at its end) and nothing of the theme's style (no shadow, no colours
    but these)."""
    element = shape.element
    style = element.find(_P["style"])
    if style is not None:
        element.remove(style)
    properties = element.spPr
    for tag in ("noFill", "solidFill", "ln"):
        for old in properties.findall(_A[tag]):
            properties.remove(old)
    if not isinstance(shape, Connector):
        if fill:
            _colour(etree.SubElement(properties, _A["solidFill"]), fill)
        else:
            etree.SubElement(properties, _A["noFill"])
    outline = etree.SubElement(properties, _A["ln"])
    if not line or width <= 0:
        etree.SubElement(outline, _A["noFill"])
        return
    outline.set("w", str(width))
    _colour(etree.SubElement(outline, _A["solidFill"]), line)
    if dash in _DASH:
        etree.SubElement(outline, _A["prstDash"], val=_DASH[dash])
    if arrow:
        etree.SubElement(outline, _A["tailEnd"], type="arrow", w="med", len="med")


def _colour(parent: etree._Element, colour: str) -> None:
    etree.SubElement(parent, _A["srgbClr"], val=colour[1:].upper())


def _right_to_left(text: str) -> bool:
    """Whether ``text`` starts, in its first letter with a direction, right to left."""
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
