"""Where each box of an org chart goes: a tidy tree, top-down, whose wide families stack.

Every box keeps the size its own text needs (the caller gives the sizes); nothing is
stretched to a neighbour. A parent's children go side by side under it, joined by an
elbow connector, unless they do not fit: then they stack in one or more vertical
columns under the parent, each column hanging from a trunk line with a short tick to
each box (the "stacked" or "compact" layout of Visio, OrgPlus and d3-org-chart).
More than ``stack`` leaves always stack. For the rest, each subtree's widths are
worked out from the bottom up (all families side by side, and all stacked), then the
width of the chart is handed down from the top: a family that fits its share, if need
be with its subtrees squeezed to their narrowest, stays a row and passes the width on;
only a family that cannot fit stacks. So the upper levels stay a tree and stacking
happens low down, where the many small families are. Staff offices sit beside their
parent. Coordinates are points, y growing downwards. A chart read right to left is the
same layout seen in a mirror (:func:`mirrored`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence

import attrs

#: Space between neighbouring blocks in a row, and from a parent to its row.
HGAP = 16.0
VGAP = 30.0
#: Space between the boxes of a column, between columns, and from a trunk to its boxes.
STACK_GAP = 8.0
COLUMN_GAP = 20.0
INDENT = 14.0
#: Where a single column's trunk leaves its parent, from the parent's left side.
TRUNK_IN = 14.0
#: Space between a unit and its staff offices.
STAFF_GAP = 28.0
#: A row of subtrees may be this wide at least before it stacks (points); on paper, rows
#: may be squeezed down to the narrower width.
WIDE_ROW = 1200.0
PAPER_ROW = 400.0
#: Charts of at most this many boxes try twice as many widths (it is cheap for them).
FINE_SEARCH = 600
#: Charts aim for the proportions of a landscape page.
PAGE_ASPECT = 1.41
#: Columns of leaves aim to be about as wide, all together, as they are high.
STACK_ASPECT = 1.0

Point = tuple[float, float]


@attrs.frozen
class Link:
    """A reporting line: the polyline from the parent's box to the child's box."""

    parent: str
    child: str
    points: tuple[Point, ...]
    staff: bool = False


@attrs.frozen
class Placed:
    """The boxes (left, top, width, height) and the lines that join them."""

    boxes: dict[str, tuple[float, float, float, float]]
    links: list[Link]
    width: float
    height: float


class _Block:
    """A subtree laid out in its own frame: its root's box, the blocks below, the links."""

    __slots__ = ("box", "height", "links", "parts", "uid", "width")

    def __init__(
        self,
        uid: str,
        width: float,
        height: float,
        box: tuple[float, float, float, float],
        parts: list[tuple[_Block, float, float]],
        links: list[tuple[str, str, list[Point], bool]],
    ) -> None:
        self.uid = uid
        self.width = width
        self.height = height
        self.box = box
        self.parts = parts
        self.links = links


@attrs.frozen
class _Group:
    """Children stacked in columns under their parent."""

    members: tuple[str, ...]


_Item = str | _Group


class _Layout:
    def __init__(
        self,
        children: Mapping[str, Sequence[str]],
        sizes: Mapping[str, tuple[float, float]],
        staff: Collection[str],
        stack: int,
    ) -> None:
        self.children = children
        self.sizes = sizes
        self.staff = staff
        self.stack = stack
        #: How wide each subtree is with every family side by side, and at its narrowest.
        self.widest: dict[str, float] = {}
        self.least: dict[str, float] = {}
        self.budget: dict[str, float] = {}
        self.plans: dict[str, list[_Item]] = {}
        self.centred: dict[str, _Block] = {}
        self.lefted: dict[str, _Block] = {}
        self.draft = False
        #: The size of each draft already made, by top and (clamped) width.
        self.drafts: dict[tuple[str, float], tuple[float, float]] = {}

    def run(self, top: str, width: float, *, draft: bool = False) -> _Block:
        """The tree under ``top`` laid out to be about ``width`` points wide (a ``draft``
        has the sizes right but no lines)."""
        self.draft = draft
        order = [top]
        i = 0
        while i < len(order):
            order.extend(self.children.get(order[i], ()))
            i += 1
        if top not in self.widest:
            for uid in reversed(order):
                self._extent(uid)
        self.budget[top] = width
        for uid in order:
            self._decide(uid)
        self.lefted.clear()
        for uid in reversed(order):
            self.centred[uid] = self._compose(uid, left=False)
        return self.centred[top]

    def extent(self, top: str, width: float) -> tuple[float, float]:
        """The width and height of :meth:`run`'s draft at ``width``. A width beyond the
        tree's widest gives the same layout as that widest, so it is drafted once."""
        if top in self.widest:
            width = min(width, self.widest[top])
        if (top, width) not in self.drafts:
            block = self.run(top, width, draft=True)
            width = min(width, self.widest[top])
            self.drafts[top, width] = (block.width, block.height)
        return self.drafts[top, width]

    def _line(self, uid: str) -> list[str]:
        return [c for c in self.children.get(uid, ()) if c not in self.staff]

    def _leaves(self, line: Sequence[str]) -> set[str]:
        leaves = {c for c in line if not self.children.get(c)}
        return leaves if len(leaves) > self.stack else set()

    def _staff_width(self, uid: str, key: dict[str, float]) -> float:
        staff = [c for c in self.children.get(uid, ()) if c in self.staff]
        return max((STAFF_GAP + key[c] for c in staff), default=0.0)

    def _extent(self, uid: str) -> None:
        """Bottom-up: the subtree's width with its families in rows, and at its narrowest
        (every family stacked in one column)."""
        w, _h = self.sizes[uid]
        line = self._line(uid)
        leaves = self._leaves(line)
        row = -HGAP
        for child in line:
            if child not in leaves:
                row += HGAP + self.widest[child]
        if leaves:
            heights = [self.sizes[c][1] for c in line if c in leaves]
            widths = [self.sizes[c][0] for c in line if c in leaves]
            row += HGAP + _leaf_group_width(widths, heights)
        narrow = max((INDENT + TRUNK_IN + self.least[c] for c in line), default=0.0)
        self.widest[uid] = max(w, row) + self._staff_width(uid, self.widest)
        self.least[uid] = max(w, narrow) + self._staff_width(uid, self.least)

    def _decide(self, uid: str) -> None:
        """Top-down: side by side when the children fit the unit's width (squeezed if need
        be), else stacked; the children's widths follow."""
        budget = self.budget[uid] - self._staff_width(uid, self.least)
        line = self._line(uid)
        leaves = self._leaves(line)
        trees = [c for c in line if c not in leaves]
        group = self._group_width(uid, [c for c in line if c in leaves])
        gaps = HGAP * max(len(trees) + (1 if leaves else 0) - 1, 0)
        widest = sum(self.widest[c] for c in trees) + group + gaps
        least = sum(self.least[c] for c in trees) + group + gaps
        # A unit whose only children are staff offices (wider than its budget) has no
        # line to stack.
        if not line or widest <= budget:
            for child in trees:
                self.budget[child] = self.widest[child]
            self.plans[uid] = self._items(line, leaves)
        elif least <= budget:
            spare = budget - least
            wanted = sum(self.widest[c] - self.least[c] for c in trees) or 1.0
            for child in trees:
                share = (self.widest[child] - self.least[child]) / wanted
                self.budget[child] = self.least[child] + spare * share
            self.plans[uid] = self._items(line, leaves)
        else:
            # Stacked in about the square root of their number of columns, each child
            # gets a column's width (a child too wide for it takes one column alone).
            narrowest = max(self.least[c] for c in line) + INDENT + COLUMN_GAP
            fit = max(1, int((budget + COLUMN_GAP) // narrowest))
            columns = max(1, min(fit, round(math.sqrt(len(line)))))
            share = (budget + COLUMN_GAP) / columns - COLUMN_GAP - INDENT
            for child in line:
                self.budget[child] = max(self.least[child], share)
            self.plans[uid] = self._items(line, set(line))
        for child in self.children.get(uid, ()):
            if child in self.staff or child in leaves:
                self.budget[child] = self.widest[child]

    def _group_width(self, uid: str, leaves: Sequence[str]) -> float:
        if not leaves:
            return 0.0
        widths = [self.sizes[c][0] for c in leaves]
        heights = [self.sizes[c][1] for c in leaves]
        return _leaf_group_width(widths, heights)

    def _items(self, line: Sequence[str], stacked: set[str]) -> list[_Item]:
        items: list[_Item] = []
        members = [c for c in line if c in stacked]
        for child in line:
            if child not in stacked:
                items.append(child)
            elif child == members[0]:
                items.append(_Group(tuple(members)))
        return items

    def _columns(self, group: _Group, budget: float) -> list[list[str]]:
        """The group's members in columns: as many as its width allows, and for a group
        of leaves no more than makes it about as wide as high."""
        members = group.members
        blocks = [self._member_block(m) for m in members]
        heights = [b.height for b in blocks]
        leaves = all(not self.children.get(m) for m in members)
        best: tuple[float, list[list[str]]] | None = None
        for k in range(1, len(members) + 1):
            columns = _balance(members, heights, k)
            width, height = self._group_size(columns)
            if k > 1 and width > budget:
                break
            score = abs(math.log(width / height / STACK_ASPECT)) if leaves else -k
            if best is not None and leaves and score > best[0]:
                break
            if best is None or score < best[0]:
                best = (score, columns)
        assert best is not None
        return best[1]

    def _member_block(self, uid: str) -> _Block:
        if uid not in self.lefted:
            self.lefted[uid] = (
                self._compose(uid, left=True) if self.children.get(uid) else self.centred[uid]
            )
        return self.lefted[uid]

    def _group_size(self, columns: Sequence[Sequence[str]]) -> tuple[float, float]:
        width = -COLUMN_GAP
        height = 0.0
        for column in columns:
            blocks = [self._member_block(m) for m in column]
            width += COLUMN_GAP + INDENT + max(b.width for b in blocks)
            height = max(height, sum(b.height for b in blocks) + STACK_GAP * (len(blocks) - 1))
        return width, height

    # -- composing ---------------------------------------------------------------

    def _compose(self, uid: str, *, left: bool) -> _Block:
        w, h = self.sizes[uid]
        items = self.plans.get(uid, [])
        budget = self.budget.get(uid, math.inf)
        columns_of = {
            item: self._columns(item, budget) for item in items if isinstance(item, _Group)
        }
        lone = len(items) == 1 and len(columns_of.get(items[0], ())) == 1  # type: ignore[arg-type]
        top = h + (VGAP * 0.6 if lone else VGAP)
        bus = h + VGAP / 2
        parts: list[tuple[_Block, float, float]] = []
        #: (child, trunk or anchor x, child's box, whether it hangs from a trunk)
        targets: list[tuple[str, float, tuple[float, float, float, float], bool]] = []
        anchors: list[float] = []
        x = 0.0
        for item in items:
            if isinstance(item, _Group):
                for i, column in enumerate(columns_of[item]):
                    if i:
                        x += COLUMN_GAP
                    blocks = [self._member_block(m) for m in column]
                    trunk = x
                    anchors.append(trunk)
                    y = top
                    for member, block in zip(column, blocks, strict=True):
                        bx, by, bw, bh = block.box
                        parts.append((block, x + INDENT, y))
                        targets.append((member, trunk, (x + INDENT + bx, y + by, bw, bh), True))
                        y += block.height + STACK_GAP
                    x += INDENT + max(b.width for b in blocks)
            else:
                block = self.centred[item]
                bx, by, bw, bh = block.box
                parts.append((block, x, top))
                anchors.append(x + bx + bw / 2)
                targets.append((item, x + bx + bw / 2, (x + bx, top + by, bw, bh), False))
                x += block.width
            x += HGAP
        if not anchors:
            box_x = 0.0
        elif lone:
            box_x = anchors[0] - min(TRUNK_IN, w / 2)
        elif left and len(anchors) > 1:
            box_x = min(0.0, anchors[0] - w / 2)
        else:
            box_x = (anchors[0] + anchors[-1]) / 2 - w / 2
        links: list[tuple[str, str, list[Point], bool]] = []
        out_x = anchors[0] if lone else box_x + w / 2
        for child, ax, (cx, cy, _cw, ch), hanging in targets:
            if hanging:
                mid = cy + ch / 2
                points = [(out_x, h), (out_x, bus), (ax, bus), (ax, mid), (cx, mid)]
            else:
                points = [(out_x, h), (out_x, bus), (ax, bus), (ax, cy)]
            if not self.draft:
                links.append((uid, child, _tidy(points), False))
        row_right = x - HGAP if items else box_x + w
        row_bottom = max((py + b.height for b, _px, py in parts), default=h)
        right = max(box_x + w, row_right)
        staff = [c for c in self.children.get(uid, ()) if c in self.staff]
        if staff:
            blocks = [self._member_block(s) for s in staff]
            column_height = sum(b.height for b in blocks) + STAFF_GAP * (len(blocks) - 1)
            sx = box_x + w + STAFF_GAP
            if column_height > top - VGAP / 2 and items:
                sx = max(sx, row_right + STAFF_GAP)
            trunk = sx - STAFF_GAP / 2
            y = 0.0
            for member, block in zip(staff, blocks, strict=True):
                bx, by, bw, bh = block.box
                parts.append((block, sx, y))
                if len(staff) == 1:
                    mid = (max(0.0, y + by) + min(h, y + by + bh)) / 2
                    points = [(box_x + w, mid), (sx + bx, mid)]
                else:
                    mid = y + by + bh / 2
                    points = [(box_x + w, h / 2), (trunk, h / 2), (trunk, mid), (sx + bx, mid)]
                if not self.draft:
                    links.append((uid, member, _tidy(points), True))
                y += block.height + STAFF_GAP
                right = max(right, sx + block.width)
                row_bottom = max(row_bottom, y - STAFF_GAP)
        shift = -min(box_x, 0.0)
        if shift:
            parts = [(b, px + shift, py) for b, px, py in parts]
            links = [(p, c, [(a + shift, b) for a, b in pts], s) for p, c, pts, s in links]
        return _Block(uid, right + shift, row_bottom, (box_x + shift, 0.0, w, h), parts, links)


def _leaf_group_width(widths: Sequence[float], heights: Sequence[float]) -> float:
    """About how wide a stack of leaf boxes comes out: columns about as wide as high."""
    area = sum(
        (w + INDENT + COLUMN_GAP) * (h + STACK_GAP) for w, h in zip(widths, heights, strict=True)
    )
    column = INDENT + max(widths)
    k = max(1, min(len(widths), round(math.sqrt(area * STACK_ASPECT) / (column + COLUMN_GAP))))
    return k * column + (k - 1) * COLUMN_GAP


def _balance(members: Sequence[str], heights: Sequence[float], k: int) -> list[list[str]]:
    """``members`` cut, in order, into ``k`` columns of about equal height."""
    total = sum(heights) + STACK_GAP * len(heights)
    columns: list[list[str]] = [[]]
    filled = 0.0
    for i, (member, height) in enumerate(zip(members, heights, strict=True)):
        left = len(members) - i
        room = len(columns) < k
        wants_new = filled + (height + STACK_GAP) / 2 > total / k * len(columns)
        if columns[-1] and room and (wants_new or left <= k - len(columns)):
            columns.append([])
        columns[-1].append(member)
        filled += height + STACK_GAP
    return columns


def _tidy(points: Sequence[Point]) -> list[Point]:
    """The polyline without repeated points or points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        if out and math.isclose(out[-1][0], p[0]) and math.isclose(out[-1][1], p[1]):
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (math.isclose(ax, bx) and math.isclose(bx, p[0])) or (
                math.isclose(ay, by) and math.isclose(by, p[1])
            ):
                out[-1] = p
                continue
        out.append(p)
    return out


def layout(
    tops: Sequence[str],
    children: Mapping[str, Sequence[str]],
    sizes: Mapping[str, tuple[float, float]],
    staff: Collection[str] = (),
    *,
    stack: int = 3,
    pages: Sequence[tuple[float, float]] = (),
) -> Placed:
    """Place the boxes of the trees under ``tops`` (side by side when there are several).

    ``children`` lists each unit's children to draw, in order; ``sizes`` gives each box's
    width and height; ``staff`` names the units drawn beside their parent. The layout
    is tried at a few widths: without ``pages`` the one whose proportions come closest
    to a landscape page is kept; with ``pages`` (the areas, in points, that the chart
    may be scaled to fit) the one drawn largest on one of them, the widest of those
    that need no scaling.
    """
    engine = _Layout(children, sizes, staff, stack)
    # More than ``stack`` tops with nothing below them stand in columns, after the trees.
    alone = [top for top in tops if not children.get(top)]
    alone = alone if len(alone) > stack else []
    trees = [top for top in tops if top not in set(alone)]
    columns = _grid(alone, sizes)
    grid_w, grid_h = _grid_size(columns, sizes)
    area = sum((w + HGAP) * (h + VGAP) for w, h in sizes.values())
    least = PAPER_ROW if pages else WIDE_ROW
    best: tuple[tuple[float, float], float] | None = None
    tried: set[float] = set()
    steps = 7 if len(sizes) > FINE_SEARCH else 15
    for factor in [2.8 * 0.1 ** (i / (steps - 1)) for i in range(steps)]:
        width = max(least, math.sqrt(area * PAGE_ASPECT) * factor)
        if width in tried:
            continue
        tried.add(width)
        share = width / max(len(trees), 1)
        extents = [engine.extent(top, share) for top in trees]
        if columns:
            extents.append((grid_w, grid_h))
        total_w = sum(w for w, _h in extents) + HGAP * 2 * (len(extents) - 1)
        total_h = max(h for _w, h in extents)
        if pages:
            scale = max(min(1.0, pw / total_w, ph / total_h) for pw, ph in pages)
            score = (-round(scale, 3), 0.0)
        else:
            score = (abs(math.log(total_w / total_h / PAGE_ASPECT)), 0.0)
        if best is None or score < best[0]:
            best = (score, width)
    assert best is not None
    share = best[1] / max(len(trees), 1)
    blocks = [engine.run(top, share) for top in trees]
    boxes: dict[str, tuple[float, float, float, float]] = {}
    links: list[Link] = []
    x = 0.0
    height = 0.0
    for block in blocks:
        _flatten(block, x, 0.0, boxes, links)
        x += block.width + HGAP * 2
        height = max(height, block.height)
    for column in columns:
        y = 0.0
        for uid in column:
            w, h = sizes[uid]
            boxes[uid] = (x, y, w, h)
            y += h + STACK_GAP
        x += max(sizes[uid][0] for uid in column) + COLUMN_GAP
        height = max(height, y - STACK_GAP)
    if columns:
        x += HGAP * 2 - COLUMN_GAP
    return Placed(boxes, links, max(x - HGAP * 2, 0.0), height)


def mirrored(placed: Placed) -> Placed:
    """``placed`` seen in a mirror, for a chart read right to left: the first child on the
    right, staff offices left of their unit, stacked columns hanging left of their trunk."""
    right = placed.width
    boxes = {uid: (right - x - w, y, w, h) for uid, (x, y, w, h) in placed.boxes.items()}
    links = [
        attrs.evolve(link, points=tuple((right - x, y) for x, y in link.points))
        for link in placed.links
    ]
    return Placed(boxes, links, placed.width, placed.height)


def _grid(units: Sequence[str], sizes: Mapping[str, tuple[float, float]]) -> list[list[str]]:
    """``units`` (boxes with nothing below) in columns of about equal height, together
    about as wide as a landscape page."""
    if not units:
        return []
    area = sum((sizes[u][0] + COLUMN_GAP) * (sizes[u][1] + STACK_GAP) for u in units)
    column = max(sizes[u][0] for u in units) + COLUMN_GAP
    k = max(1, min(len(units), round(math.sqrt(area * PAGE_ASPECT) / column)))
    return _balance(units, [sizes[u][1] for u in units], k)


def _grid_size(
    columns: Sequence[Sequence[str]], sizes: Mapping[str, tuple[float, float]]
) -> tuple[float, float]:
    width = sum(max(sizes[u][0] for u in column) for column in columns)
    width += COLUMN_GAP * max(len(columns) - 1, 0)
    height = max(
        (sum(sizes[u][1] for u in column) + STACK_GAP * (len(column) - 1) for column in columns),
        default=0.0,
    )
    return width, height


def _flatten(
    block: _Block,
    x: float,
    y: float,
    boxes: dict[str, tuple[float, float, float, float]],
    links: list[Link],
) -> None:
    todo = [(block, x, y)]
    while todo:
        current, ox, oy = todo.pop()
        bx, by, bw, bh = current.box
        boxes[current.uid] = (ox + bx, oy + by, bw, bh)
        for parent, child, points, staff in current.links:
            moved = tuple((px + ox, py + oy) for px, py in points)
            links.append(Link(parent, child, moved, staff))
        todo.extend((part, ox + px, oy + py) for part, px, py in reversed(current.parts))
