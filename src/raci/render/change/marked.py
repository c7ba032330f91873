"""The marked picture: the new structure laid out as the org chart lays out its tree
(square lines, the top unit at the top centre), each unit marked by what happened to it,
the abolished units in a group of their own, and a key of the kinds shown. On paper, a
structure that does not read on one page is cut into pages as the chart cuts its own."""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence

import attrs

from raci.render import engine
from raci.render.change.marks import LOOKS, MOVED_LINE, Captions, box, key
from raci.render.change.sheet import BAND, MARGIN, Canvas, Drawn, Sheet, measure
from raci.render.chart.layout import VGAP, Placed, layout
from raci.render.chart.orgchart import LEGIBLE
from raci.render.chart.pages import PLACEHOLDER_PAGE, Planner, depths
from raci.render.chart.words import ChartWords
from raci.render.dot import esc, wrapped
from raci.render.pages import RunningHead, breadcrumb
from raci.restructure.diff import Diff

#: Point sizes: a unit's name, its notes (the smallest text), the title.
NAME_SIZE = 11
NOTE_SIZE = 9
TITLE_SIZE = 18
#: Columns a name, and a note, wrap at.
WRAP = 24
NOTE_WRAP = 30
#: Space between the title, the tree and the row of the abolished units and the key.
GAP = 28.0
#: Inside the frame of the abolished units: its padding and its heading's height.
INSET = 12.0


@attrs.frozen
class Draft:
    """A page laid out: what is drawn where, its size, the paper and the scale on it."""

    canvas: Canvas
    width: float
    height: float
    scale: float
    sheet: Sheet | None


@attrs.frozen
class Group:
    """The abolished units, in columns inside a dashed frame under a heading: the frame's
    size, the heading, and each box (label, left, top, width, height, unit id) inside the
    frame."""

    width: float = 0.0
    height: float = 0.0
    heading: str = ""
    heading_height: float = 0.0
    boxes: tuple[tuple[str, float, float, float, float, str], ...] = ()


class Marked(Captions):
    """The marked picture of one diff, in one language, on paper or not."""

    def __init__(self, change: Diff, lang: str | None, sheets: Sequence[Sheet]) -> None:
        super().__init__(change, lang)
        self.pages_words = ChartWords(self.words.words)
        self.sheets = list(sheets)
        self.fonts = engine.font_families(lang)
        self.measured: dict[str, tuple[float, float]] = {}
        new = change.new
        self.depth = {u: d for top in new.roots for u, d in depths(new, top).items()}

    # -- boxes ---------------------------------------------------------------------

    def label(self, uid: str, refs: Sequence[str] = (), width: float | None = None) -> str:
        new = self.change.new
        notes = [wrapped(n, NOTE_WRAP) for n in self.notes(uid)]
        notes += [f"<B>{esc(r)}</B>" for r in refs]
        return box(self.kinds[uid], wrapped(self.name(new, uid), WRAP), notes, width=width)

    def abolished_label(self, e: Mapping[str, str | None], width: float | None = None) -> str:
        note = [wrapped(self.was(e), NOTE_WRAP)]
        name = wrapped(self.name(self.change.old, e["unit"]), WRAP)
        return box(["abolished"], name, note, width=width)

    def measure(self, labels: Sequence[str]) -> list[tuple[float, float]]:
        """Each label's size in points (each measured once)."""
        return measure(labels, self.fonts, self.measured)

    # -- pages ---------------------------------------------------------------------

    def pages(self) -> list[Drawn]:
        """The DOT text of each page: one, unless on paper the picture does not read on one
        (then cut as the chart is cut, the abolished units on the last page or their own)."""
        new = self.change.new
        tops = list(new.roots)
        whole = None
        choices: list[Sheet | None] = [*self.sheets] or [None]
        for choice in choices:
            draft = self.page(tops, {}, {}, None, choice, abolished=True, title=True)
            if whole is None or draft.scale > whole.scale:
                whole = draft
        assert whole is not None
        sheet = whole.sheet
        if sheet is None or whole.scale * NOTE_SIZE >= LEGIBLE or not tops:
            return [self.stamped(whole, tops, 1, 1)]
        most = math.ceil(max(sheet.width, sheet.height) / (LEGIBLE / NOTE_SIZE) / VGAP)

        def hidden(uid: str) -> int:
            return len(depths(new, uid)) - 1

        plans = Planner(new, functools.partial(self.reads, sheet), hidden, most).plan(tops)
        drafts = [
            self.page(p.tops, p.cut, p.origin, p.family, sheet, title=i == 0)
            for i, p in enumerate(plans)
        ]
        tops_of = [p.tops for p in plans]
        if self.change.units_removed:
            last = plans[-1]
            with_group = self.page(
                last.tops,
                last.cut,
                last.origin,
                last.family,
                sheet,
                abolished=True,
                title=len(plans) == 1,
            )
            if with_group.scale * NOTE_SIZE >= LEGIBLE:
                drafts[-1] = with_group
            else:
                drafts.append(self.page([], {}, {}, None, sheet, abolished=True))
                tops_of.append([])
        total = len(drafts)
        return [
            self.stamped(d, t, i, total)
            for i, (d, t) in enumerate(zip(drafts, tops_of, strict=True), 1)
        ]

    def reads(
        self,
        sheet: Sheet,
        tops: list[str],
        cut: Sequence[str],
        origin: Sequence[str],
        part: tuple[str, list[str]] | None,
    ) -> bool:
        """Whether a page the planner proposes reads on ``sheet`` (its smallest text at
        6 pt or more); only the first page, which continues from none, has the title."""
        page = PLACEHOLDER_PAGE
        family = (part[0], part[1], page) if part else None
        marks, came = dict.fromkeys(cut, page), dict.fromkeys(origin, page)
        drawn = self.page(tops, marks, came, family, sheet, title=not origin)
        return drawn.scale * NOTE_SIZE >= LEGIBLE

    def stamped(self, draft: Draft, tops: Sequence[str], n: int, total: int) -> Drawn:
        """The page's DOT text, on paper with its running header (the title, and on a
        page that continues another, the chain of units above its top) and its number."""
        if draft.sheet is None:
            return draft.canvas.source(draft.width, draft.height, self.fonts)
        head = RunningHead(self.title(), n, total, self.breadcrumb(tops), self.words.lang)
        return draft.canvas.source(draft.width, draft.height, self.fonts, draft.sheet, head)

    def breadcrumb(self, tops: Sequence[str]) -> str:
        """Where a page that continues another sits: the units above its top, top first."""
        new = self.change.new
        chain: list[str] = []
        parent = new.units[tops[0]].parent if tops and tops[0] in new.units else None
        while parent is not None and parent in new.units and parent not in chain:
            chain.append(parent)
            parent = new.units[parent].parent
        return breadcrumb([self.name(new, u) for u in reversed(chain)], self.lang)

    def page(
        self,
        tops: Sequence[str],
        cut: Mapping[str, int],
        origin: Mapping[str, int],
        family: tuple[str, Sequence[str], int | None] | None,
        sheet: Sheet | None,
        *,
        abolished: bool = False,
        title: bool = False,
    ) -> Draft:
        """A page: the units under ``tops`` (down to the ``cut`` units, and of a
        ``family``'s parent only the children it names), with the page references of the
        chart, the title and the abolished units when asked, and the key."""
        new = self.change.new
        only = {family[0]: family[1]} if family else None
        level: dict[str, int] = {}
        for top in tops:
            level.update(depths(new, top, None, cut, only))
        refs: dict[str, list[str]] = {}
        for uid, n in origin.items():
            refs.setdefault(uid, []).append(self.pages_words.continued_from(n))
        if family is not None and family[2] is not None:
            refs.setdefault(family[0], []).append(self.pages_words.more_on(family[2]))
        for uid, n in cut.items():
            refs.setdefault(uid, []).append(self.pages_words.continued(n))
        labels = {uid: self.label(uid, refs.get(uid, ())) for uid in level}
        widths: dict[int, float] = {}
        sizes: dict[str, tuple[float, float]] = {}
        for uid, (w, h) in zip(labels, self.measure(list(labels.values())), strict=True):
            d = self.depth.get(uid, 0)
            widths[d] = max(widths.get(d, 0.0), math.ceil(w))
            sizes[uid] = (0.0, h)
        sizes = {uid: (widths[self.depth.get(uid, 0)], h) for uid, (_, h) in sizes.items()}
        kinds = {k for uid in level for k in self.kinds[uid]}
        removed = self.change.units_removed if abolished else ()
        if removed:
            kinds.add("abolished")
        canvas = Canvas()
        title_label = f'<FONT POINT-SIZE="{TITLE_SIZE}"><B>{wrapped(self.title(), 70)}</B></FONT>'
        key_label = key(kinds, self.words, columns=2 if len(kinds) > 4 else 1)
        title_size, key_size = self.measure([title_label, key_label])
        group = self.group(removed)
        reserve = (title_size[1] + GAP if title else 0.0) + max(group.height, key_size[1]) + GAP
        areas = [
            (s.width - 2 * MARGIN, s.height - 2 * (MARGIN + BAND) - reserve) for s in [sheet] if s
        ]
        children = self.tree(tops, level)
        staff = {uid for uid in level if new.units[uid].staff}
        placed = layout(tops, children, sizes, staff, pages=areas) if level else None
        tree_w = placed.width if placed else 0.0
        bottom_w = group.width + key_size[0] + (GAP if group.width else 0.0)
        width = max(tree_w, bottom_w, title_size[0] if title else 0.0)
        y = 0.0
        if title:
            canvas.node("#title", title_label, width / 2, title_size[1] / 2)
            y += title_size[1] + GAP
        if placed is not None:
            self.draw_tree(canvas, placed, refs, (width - tree_w) / 2, y)
            y += placed.height + GAP
        x = (width - bottom_w) / 2
        if removed:
            self.draw_group(canvas, group, x, y)
            x += group.width + GAP
        canvas.node("#key", key_label, x + key_size[0] / 2, y + key_size[1] / 2)
        height = y + max(group.height, key_size[1])
        scale = sheet.scale(width, height) if sheet else 1.0
        return Draft(canvas, width, height, scale, sheet)

    def tree(self, tops: Sequence[str], level: Mapping[str, int]) -> dict[str, list[str]]:
        """Each drawn unit's drawn children; a unit reached twice (a cycle) hangs only under
        the first."""
        new = self.change.new
        children: dict[str, list[str]] = {uid: [] for uid in level}
        seen = set(tops)
        todo = list(reversed(tops))
        while todo:
            uid = todo.pop()
            kids = [c for c in new.children(uid) if c in level and c not in seen]
            seen.update(kids)
            children[uid] = kids
            todo.extend(reversed(kids))
        return children

    def draw_tree(
        self,
        canvas: Canvas,
        placed: Placed,
        refs: Mapping[str, Sequence[str]],
        left: float,
        top: float,
    ) -> None:
        """The tree's boxes and lines, its top left corner at (left, top); the line to a
        unit that moved is drawn in the colour of its mark."""
        new = self.change.new
        for uid, (x, y, w, h) in placed.boxes.items():
            label = self.label(uid, refs.get(uid, ()), width=w)
            unit = (uid, new.units[uid].level)
            canvas.node(f"u:{uid}", label, left + x + w / 2, top + y + h / 2, unit=unit)
        moved = ", ".join(f'{k}="{v}"' for k, v in MOVED_LINE.items())
        for link in placed.links:
            extra = f", {moved}" if "moved" in self.kinds[link.child] else ""
            points = [(left + x, top + y) for x, y in link.points]
            canvas.line(f"u:{link.parent}", f"u:{link.child}", points, extra)

    def group(self, removed: Sequence[Mapping[str, str | None]]) -> Group:
        """The abolished units laid out in columns under their heading."""
        if not removed:
            return Group()
        plain = [self.abolished_label(e) for e in removed]
        natural = self.measure(plain)
        width = max(math.ceil(w) for w, _h in natural)
        # Rows about twice as wide as the group is high.
        across = min(len(removed), math.ceil(math.sqrt(2 * len(removed))))
        rows = [natural[i : i + across] for i in range(0, len(natural), across)]
        heights = [max(h for _w, h in row) for row in rows]
        tops = [sum(heights[:r]) + INSET / 2 * r for r in range(len(rows))]
        grid_w = across * width + (across - 1) * INSET
        grid_h = tops[-1] + heights[-1]
        text = self.words.abolished_units(len(removed))
        colour = LOOKS["abolished"].line
        heading = f'<FONT POINT-SIZE="13" COLOR="{colour}"><B>{esc(text)}</B></FONT>'
        head_w, head_h = self.measure([heading])[0]
        below = INSET + head_h + INSET / 2
        boxes = []
        for i, (e, (_w, h)) in enumerate(zip(removed, natural, strict=True)):
            row, col = divmod(i, across)
            x, y = INSET + col * (width + INSET), below + tops[row]
            uid = e["unit"] or ""
            boxes.append((self.abolished_label(e, width), x, y, float(width), h, uid))
        return Group(
            max(grid_w, head_w) + 2 * INSET,
            below + grid_h + INSET,
            heading,
            head_h,
            tuple(boxes),
        )

    def draw_group(self, canvas: Canvas, group: Group, left: float, top: float) -> None:
        """The abolished units' frame, heading and boxes, the frame's top left at (left, top)."""
        colour = LOOKS["abolished"].line
        canvas.shape(
            "#abolished",
            left + group.width / 2,
            top + group.height / 2,
            f'shape=box, style="dashed,rounded", color="{colour}", label="",'
            f" width={group.width / 72:.4f}, height={group.height / 72:.4f}, fixedsize=true",
        )
        canvas.node(
            "#abolished-heading",
            group.heading,
            left + group.width / 2,
            top + INSET + group.heading_height / 2,
        )
        old = self.change.old
        for i, (label, x, y, w, h, uid) in enumerate(group.boxes):
            unit = (uid, old.units[uid].level if uid in old.units else None)
            canvas.node(f"a{i}", label, left + x + w / 2, top + y + h / 2, unit=unit)
