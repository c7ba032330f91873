"""Where each line of a page glues to its boxes and the route written for it. The chart's
own route comes first; when it, or the route LibreOffice draws instead between the same
glue points (:mod:`~raci.render.editable.reroute`), would cross a box, the line leaves
and enters by other sides, routed round the boxes as LibreOffice routes it, a little
further out. The lines that share a trunk in the chart (a stacked column) take the same
sides, so a column hangs the same way from top to bottom. A line no glue points can
route clear of every box (the dotted line of a unit that also reports elsewhere, across
the chart) keeps a route clear of them for the file, moved to the free lanes between
the boxes; LibreOffice's own route for it is then the one that crosses fewest."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence

from raci.render.editable.drawing import Rect
from raci.render.editable.geometry import Box, Line, Page
from raci.render.editable.reroute import Edges, rerouted
from raci.render.editable.routes import (
    SIDES,
    TURN,
    Route,
    crosses,
    elbow,
    is_square,
    site,
    straight,
)

Point = tuple[float, float]
#: The sides a line of the chart may glue to instead of its own, by the side of the
#: parent it leaves: the same side (a line from the bottom may also become a bracket
#: along the side of a column, from the parent's side), in order of preference.
INSTEAD: dict[str, tuple[tuple[str, str], ...]] = {
    "bottom": (
        ("left", "left"),
        ("right", "right"),
        ("bottom", "left"),
        ("bottom", "right"),
        ("bottom", "top"),
    ),
    "right": (("right", "left"), ("right", "right"), ("right", "top"), ("right", "bottom")),
    "left": (("left", "right"), ("left", "left"), ("left", "top"), ("left", "bottom")),
}
#: Any other line (a dotted line across the chart) may glue to any sides.
ANY = INSTEAD["bottom"] + tuple(
    (s, e) for s in SIDES for e in SIDES if (s, e) not in INSTEAD["bottom"]
)
#: How many free lanes a piece of a route is tried in, nearest first.
LANES = 40
_EPS = 0.01


def wire(page: Page, *, reroutes: bool) -> dict[int, Route]:
    """The route of each line of ``page`` between two units, by the line's index; when
    ``reroutes`` (a deck LibreOffice may open), chosen so that LibreOffice's own route
    between the same glue points keeps clear of the boxes too."""
    boxes = {box.name: box for box in page.boxes}
    obstacles = [_inside(box) for box in page.boxes] + [
        _shrunk((m.x, m.y, m.x + m.width, m.y + m.height), m.line_width / 2 + 0.5)
        for drawing in page.drawings
        for m in drawing.marks
        if isinstance(m, Rect)
    ]
    wiring = _Wiring(obstacles, TURN * page.scale, reroutes)
    groups: dict[object, list[tuple[int, Line, Box, Box]]] = {}
    for i, line in enumerate(page.lines):
        tail, head = boxes.get(line.tail), boxes.get(line.head)
        if tail is None or head is None:
            continue
        groups.setdefault(_trunk(line, head) or i, []).append((i, line, tail, head))
    routes: dict[int, Route] = {}
    # The chart's own lines first: a line routed round the boxes then keeps off them.
    for members in sorted(groups.values(), key=lambda m: not is_square(m[0][1].points)):
        chosen = wiring.group(members)
        routes.update(chosen)
        wiring.drawn.extend(route.points for route in chosen.values())
    return routes


class _Wiring:
    """The choice of sides and routes among the boxes of one page (their insides as
    ``obstacles``), lines turning ``turn`` from a box."""

    def __init__(self, obstacles: list[Edges], turn: float, reroutes: bool) -> None:
        self.obstacles = obstacles
        self.turn = turn
        self.reroutes = reroutes
        #: The routes chosen so far, which a route moved to a lane keeps off.
        self.drawn: list[Sequence[Point]] = []

    def group(self, members: list[tuple[int, Line, Box, Box]]) -> dict[int, Route]:
        """The lines of a group on the first sides clear of the boxes for all of them,
        LibreOffice's routes too (a column hangs one way); else each line on its own
        best sides."""
        ways = [self.options(line, tail, head) for _, line, tail, head in members]
        # The chart's own routes first: most often they are clear, and the rest not needed.
        charts = [dict([next(w)]) for w in ways]
        if all(c["chart"][1:] == (0, 0) for c in charts):
            return {i: c["chart"][0] for (i, *_), c in zip(members, charts, strict=True)}
        options = [c | dict(w) for c, w in zip(charts, ways, strict=True)]
        for key in options[0]:
            if all(key in o and o[key][1:] == (0, 0) for o in options):
                return {i: o[key][0] for (i, *_), o in zip(members, options, strict=True)}
        return {i: self.best(list(o.values())) for (i, *_), o in zip(members, options, strict=True)}

    def options(
        self, line: Line, tail: Box, head: Box
    ) -> Iterator[tuple[object, tuple[Route, int, int]]]:
        """Each way to glue the line, by its sides (the chart's own route first): its
        route, how many boxes that route crosses and how many LibreOffice's crosses (0
        unless ``reroutes``)."""
        a, b = _rect(tail), _rect(head)
        chart = (
            elbow(a, b, line.points, self.turn)
            if is_square(line.points)
            else straight(a, b, line.points)
        )
        yield "chart", self.judged(chart, tail, head)
        trunk = _trunk(line, head)
        sides = INSTEAD.get(chart.start, ANY) if is_square(line.points) else ANY
        for start, end in sides:
            gap = self.turn
            if (start, end) == ("left", "left") and trunk is not None:
                # A column hangs from the chart's own trunk when it runs outside both.
                outside = min(tail.x, head.x) - trunk[1]
                gap = outside if outside > _EPS else gap
            glue = (site(a, start), site(b, end))
            points = rerouted(_edges(tail, gap), _edges(head, gap), start, end, glue)
            if points is not None:
                yield (start, end), self.judged(Route(start, end, points), tail, head)

    def judged(self, route: Route, tail: Box, head: Box) -> tuple[Route, int, int]:
        """The route, with what it crosses and what LibreOffice's route crosses (every
        box when LibreOffice routes it otherwise than known)."""
        drawn = self.crossed(route.points)
        if not self.reroutes:
            return route, drawn, 0
        if len(route.points) == 2 and not is_square(route.points):
            # A straight connector: LibreOffice draws it between the same glue points.
            glue = (_glue(tail, route.start), _glue(head, route.end))
            return route, drawn, self.crossed(glue)
        own = rerouted(
            _edges(tail, 0.0),
            _edges(head, 0.0),
            route.start,
            route.end,
            (_glue(tail, route.start), _glue(head, route.end)),
        )
        return route, drawn, len(self.obstacles) if own is None else self.crossed(own)

    def crossed(self, points: Sequence[Point]) -> int:
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        return sum(
            1
            for box in self.obstacles
            if box[0] < x1 and box[2] > x0 and box[1] < y1 and box[3] > y0 and crosses(points, box)
        )

    def best(self, options: list[tuple[Route, int, int]]) -> Route:
        """The first way clear of every box, LibreOffice's route too; else, of the ways
        whose route is clear (as it is, or once a piece moves to a free lane), the one
        whose LibreOffice route crosses fewest boxes, then the one running least along
        other lines, then the shortest."""
        for route, drawn, own in options:
            if drawn == own == 0:
                return route
        clear = []
        for n, (route, drawn, own) in enumerate(options):
            moved = route if drawn == 0 else self.slid(route)
            if moved is not None:
                shared = self.shared(moved.points)
                clear.append((own, round(shared), _length(moved.points), n, moved))
        return min(clear, key=lambda c: c[:4])[4] if clear else options[0][0]

    def slid(self, route: Route) -> Route | None:
        """The route with one of its inner pieces moved across to a lane where the route
        crosses no box, nearest the piece among those running least along other lines
        (None when there is none)."""
        points = list(route.points)
        found: list[tuple[float, float, tuple[Point, ...]]] = []
        for k in range(1, len(points) - 2):
            axis = 0 if abs(points[k][0] - points[k + 1][0]) < _EPS else 1
            here = points[k][axis]
            for lane in sorted(self.lanes(axis), key=lambda v: abs(v - here))[:LANES]:
                moved = list(points)
                moved[k] = _with(points[k], axis, lane)
                moved[k + 1] = _with(points[k + 1], axis, lane)
                if self.crossed(moved) == 0:
                    found.append((round(self.shared(moved)), abs(lane - here), tuple(moved)))
        if not found:
            return None
        return Route(route.start, route.end, min(found)[2])

    def shared(self, points: Sequence[Point]) -> float:
        """How far the route runs along routes already chosen."""
        return sum(
            _along(a, b, c, d)
            for other in self.drawn
            for a, b in itertools.pairwise(points)
            for c, d in itertools.pairwise(other)
        )

    def lanes(self, axis: int) -> set[float]:
        """Lines a piece may run along: a turn outside each edge of every box."""
        return {
            edge
            for box in self.obstacles
            for edge in (box[axis] - self.turn, box[axis + 2] + self.turn)
        }


def _trunk(line: Line, head: Box) -> tuple[str, float] | None:
    """The parent and the x of the chart's trunk when the line hangs ``head`` from one
    (its last piece runs across into the box's left side from a piece running down)."""
    pts = line.points
    if len(pts) < 3 or not is_square(pts):
        return None
    (ax, ay), (bx, by), (cx, cy) = pts[-3], pts[-2], pts[-1]
    across = abs(by - cy) < _EPS and cx > bx and abs(cx - head.x) < 1.0
    if across and abs(ax - bx) < _EPS and not math.isclose(ay, by):
        return line.tail, round(bx, 2)
    return None


def _rect(box: Box) -> tuple[float, float, float, float]:
    return box.x, box.y, box.width, box.height


def _edges(box: Box, gap: float) -> Edges:
    """The box's edges, ``gap`` further out."""
    return box.x - gap, box.y - gap, box.x + box.width + gap, box.y + box.height + gap


def _inside(box: Box) -> Edges:
    """The inside of a unit's box: within its border, where no line may run."""
    edges = box.x, box.y, box.x + box.width, box.y + box.height
    return _shrunk(edges, box.label.border / 2 + 0.5)


def _shrunk(edges: Edges, by: float) -> Edges:
    return edges[0] + by, edges[1] + by, edges[2] - by, edges[3] - by


def _glue(box: Box, side: str) -> Point:
    """Where a connector glues to the side of a unit's shape (drawn inside the box's
    border, half its width in)."""
    inset = box.label.border / 2
    x, y = site((box.x + inset, box.y + inset, box.width - 2 * inset, box.height - 2 * inset), side)
    return x, y


def _along(a: Point, b: Point, c: Point, d: Point) -> float:
    """How long two pieces run along each other (0 unless both run down, or across, on
    the same line)."""
    for axis in (0, 1):
        if abs(a[axis] - b[axis]) < _EPS and abs(c[axis] - d[axis]) < _EPS:
            if abs(a[axis] - c[axis]) > 0.5:
                return 0.0
            other = 1 - axis
            low = max(min(a[other], b[other]), min(c[other], d[other]))
            high = min(max(a[other], b[other]), max(c[other], d[other]))
            return max(0.0, high - low)
    return 0.0


def _length(points: Sequence[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def _with(point: Point, axis: int, value: float) -> Point:
    return (value, point[1]) if axis == 0 else (point[0], value)
