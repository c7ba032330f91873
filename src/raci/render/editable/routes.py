"""Where a line joins its boxes in an editable figure: office tools glue a connector to
one of four points of a box (the middle of each side), so a reporting line's route is
moved to start and end there, square as the chart draws it."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import attrs

Point = tuple[float, float]
#: The glue points of a box, as fractions of its width and height, in the order office
#: tools number them (PowerPoint's connection sites of a rectangle: 0 to 3).
SIDES = {"top": (0.5, 0.0), "left": (0.0, 0.5), "bottom": (0.5, 1.0), "right": (1.0, 0.5)}
#: How far below (or beside) a box a line turns when it must move over to where the
#: chart's line ran (points of the chart).
TURN = 9.0
_EPS = 0.01


@attrs.frozen
class Route:
    """A line glued to two boxes: the side it leaves the first by, the side it enters the
    second by, and its points from glue point to glue point."""

    start: str
    end: str
    points: tuple[Point, ...]


Box = tuple[float, float, float, float]


def site(box: Box, side: str) -> Point:
    """The glue point in the middle of ``side`` of ``box`` (left, top, width, height)."""
    fx, fy = SIDES[side]
    return box[0] + fx * box[2], box[1] + fy * box[3]


def elbow(tail: Box, head: Box, points: Sequence[Point], turn: float = TURN) -> Route:
    """A square route from ``tail`` to ``head`` that follows the square line ``points``:
    it leaves and enters by the sides the line does, at their glue points, turning
    ``turn`` from the box when it must move over to the line's own path. A line that
    hangs a column of boxes from a trunk near the left of its parent becomes a bracket
    from the parent's left side to each box's, the route any office tool draws between
    those sides, so that it stays one when a box is moved."""
    pts = _tidy(points)
    start = _leaving(pts[0], pts[1])
    end = _leaving(pts[-1], pts[-2])
    if len(pts) == 3 and (start, end) == ("bottom", "left"):
        centre = site(tail, "bottom")[0]
        if pts[0][0] < centre - _EPS and head[0] >= tail[0]:
            a, b = site(tail, "left"), site(head, "left")
            x = min(a[0], b[0]) - turn
            return Route("left", "left", (a, (x, a[1]), (x, b[1]), b))
    pts = _fitted(pts, site(tail, start), turn)
    pts = list(reversed(_fitted(list(reversed(pts)), site(head, end), turn)))
    return Route(start, end, tuple(_tidy(pts)))


def straight(tail: Box, head: Box, points: Sequence[Point]) -> Route:
    """A straight route between the glue points nearest the ends of ``points``."""
    start = _nearest(tail, points[0])
    end = _nearest(head, points[-1])
    return Route(start, end, (site(tail, start), site(head, end)))


def crosses(points: Sequence[Point], edges: tuple[float, float, float, float]) -> bool:
    """Whether the line through ``points`` runs inside the box of ``edges`` (left, top,
    right, bottom); along an edge is not inside."""
    left, top, right, bottom = edges
    if right <= left or bottom <= top:
        return False
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if max(x0, x1) <= left or min(x0, x1) >= right:
            continue
        if max(y0, y1) <= top or min(y0, y1) >= bottom:
            continue
        # Clip the piece to the box (Liang-Barsky): it crosses if some of it is left.
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for step, room in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
            if step == 0:
                if room <= 0:
                    low, high = 1.0, 0.0
                continue
            t = room / step
            if step < 0:
                low = max(low, t)
            else:
                high = min(high, t)
        if low < high:
            return True
    return False


def is_square(points: Sequence[Point]) -> bool:
    """Whether the line ``points`` has pieces that run only across or down."""
    pts = _tidy(points)
    return len(pts) >= 2 and all(
        abs(a[0] - b[0]) < _EPS or abs(a[1] - b[1]) < _EPS for a, b in itertools.pairwise(pts)
    )


def _leaving(end: Point, nxt: Point) -> str:
    """The side of a box that a line leaves by when it runs from ``end`` to ``nxt``."""
    dx, dy = nxt[0] - end[0], nxt[1] - end[1]
    if abs(dy) >= abs(dx):
        return "bottom" if dy > 0 else "top"
    return "right" if dx > 0 else "left"


def _fitted(pts: list[Point], start: Point, turn: float) -> list[Point]:
    """``pts`` starting at ``start`` instead, still square: the first bend slides along
    its piece when the piece after it keeps its direction, else the line turns ``turn``
    after the start and moves over to where it ran."""
    first, nxt = pts[0], pts[1]
    down = abs(nxt[0] - first[0]) < _EPS  # the first piece runs down (or up)
    axis = 0 if down else 1  # the coordinate the start may differ in
    if abs(start[axis] - first[axis]) < _EPS:
        return [start, *pts[1:]]
    if len(pts) >= 3:
        after = pts[2]
        before = after[axis] - nxt[axis]
        moved = after[axis] - start[axis]
        if abs(moved) > _EPS and math.copysign(1, before) == math.copysign(1, moved):
            bend = (start[0], nxt[1]) if down else (nxt[0], start[1])
            return [start, bend, *pts[2:]]
    other = 1 - axis
    gap = nxt[other] - start[other]
    step = math.copysign(min(abs(gap) / 2, turn), gap)
    if down:
        corner, over = (start[0], start[1] + step), (first[0], start[1] + step)
    else:
        corner, over = (start[0] + step, start[1]), (start[0] + step, first[1])
    return [start, corner, over, *pts[1:]]


def _nearest(box: Box, point: Point) -> str:
    return min(SIDES, key=lambda side: math.dist(site(box, side), point))


def _tidy(points: Sequence[Point]) -> list[Point]:
    """The points without repeats and without points in the middle of a straight piece."""
    out: list[Point] = []
    for p in points:
        if out and math.dist(out[-1], p) < _EPS:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < _EPS and abs(bx - p[0]) < _EPS) or (
                abs(ay - by) < _EPS and abs(by - p[1]) < _EPS
            ):
                out[-1] = p
                continue
        out.append(p)
    return out
