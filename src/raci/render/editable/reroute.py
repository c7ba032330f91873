"""The route LibreOffice draws for a glued elbow connector. LibreOffice (7.4) keeps
nothing of the route a PowerPoint file stores: it routes the connector anew from the two
glue points, around the two glued boxes only (at no distance from them), each bend where
its own rules put it: halfway across the space between the boxes, or along the edge of
the box furthest out. Routes are worked out for a start on the bottom side and turned to
the others; a case it routes otherwise, or that this does not know, gives None."""

from __future__ import annotations

from collections.abc import Callable

from raci.render.editable.routes import crosses

Point = tuple[float, float]
#: A box as its left, top, right and bottom edges.
Edges = tuple[float, float, float, float]
_Turn = Callable[[Point], Point]
#: Each start side turned to the bottom (and back), and the end sides as they turn.
_TO_BOTTOM: dict[str, tuple[_Turn, _Turn, dict[str, str]]] = {
    "bottom": (lambda p: p, lambda p: p, {}),
    "top": (lambda p: (p[0], -p[1]), lambda p: (p[0], -p[1]), {"top": "bottom", "bottom": "top"}),
    "right": (
        lambda p: (p[1], p[0]),
        lambda p: (p[1], p[0]),
        {"right": "bottom", "bottom": "right", "left": "top", "top": "left"},
    ),
    "left": (
        lambda p: (p[1], -p[0]),
        lambda p: (-p[1], p[0]),
        {"left": "bottom", "right": "top", "top": "left", "bottom": "right"},
    ),
}


def rerouted(
    tail: Edges, head: Edges, start: str, end: str, glue: tuple[Point, Point]
) -> tuple[Point, ...] | None:
    """The route from the glue point on side ``start`` of ``tail`` to the one on side
    ``end`` of ``head`` (``glue``: the two points), around the boxes' edges; None for a
    case LibreOffice routes otherwise."""
    forward, back, sides = _TO_BOTTOM[start]
    a, b = _turned(tail, forward), _turned(head, forward)
    p, q = forward(glue[0]), forward(glue[1])
    points = _from_bottom(a, b, sides.get(end, end), p, q)
    if points is None:
        return None
    route = tuple(back(pt) for pt in points)
    # The glue points lie inside the boxes' edges by half a border: so may the ends.
    depth = max(_inset(glue[0], tail), _inset(glue[1], head)) + 0.5
    inside = [_shrunk(box, depth) for box in (tail, head)]
    return route if not any(crosses(route, box) for box in inside) else None


def _from_bottom(a: Edges, b: Edges, end: str, p: Point, q: Point) -> list[Point] | None:
    """The route when it leaves ``a`` downwards from ``p``, into side ``end`` of ``b`` at
    ``q``."""
    if end == "right":  # mirrored, it enters a left side
        flip: _Turn = lambda pt: (-pt[0], pt[1])  # noqa: E731
        mirrored = _from_bottom(_turned(a, flip), _turned(b, flip), "left", flip(p), flip(q))
        return None if mirrored is None else [flip(pt) for pt in mirrored]
    (x, _), (u, v) = p, q
    _, _, right, bottom = a
    left2, top2, _, bottom2 = b
    if end == "bottom":
        low = max(bottom, bottom2)
        return [p, (x, low), (u, low), q]
    if end == "top":
        if top2 >= bottom:
            middle = (bottom + top2) / 2
            return [p, (x, middle), (u, middle), q]
        across = _between(a, b)
        if across is None:
            return None
        return [p, (x, bottom), (across, bottom), (across, top2), (u, top2), q]
    # It enters the left side.
    if x <= left2 and v >= bottom:
        return [p, (x, v), q]
    if top2 >= bottom:
        middle = (bottom + top2) / 2
        return [p, (x, middle), (left2, middle), (left2, v), q]
    if left2 >= right:
        across = (right + left2) / 2
        return [p, (x, bottom), (across, bottom), (across, v), q]
    return None


def _between(a: Edges, b: Edges) -> float | None:
    """The middle of the space between two boxes side by side (None when they overlap
    across)."""
    if b[0] >= a[2]:
        return (a[2] + b[0]) / 2
    if b[2] <= a[0]:
        return (b[2] + a[0]) / 2
    return None


def _turned(box: Edges, turn: _Turn) -> Edges:
    (x0, y0), (x1, y1) = turn((box[0], box[1])), turn((box[2], box[3]))
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _inset(point: Point, box: Edges) -> float:
    """How far inside the box's nearest edge the point lies."""
    x, y = point
    return max(0.0, min(x - box[0], box[2] - x, y - box[1], box[3] - y))


def _shrunk(box: Edges, by: float) -> Edges:
    return box[0] + by, box[1] + by, box[2] - by, box[3] - by
