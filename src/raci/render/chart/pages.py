"""Where the pages of a chart cut with ``split_by='auto'`` start and stop.

The planner only asks whether a page (its tops, the units where it stops, the tops that
say where they come from, and perhaps part of a family) reads on the paper; the chart
lays such a page out to answer. The first page holds the tops and as many levels below
as read; each unit where it stops continues on a later page, planned the same way;
subtrees small enough share a page, and a family too large for one page is spread over
several, in the order the units are in.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from raci import progress
from raci.model import Organization

#: The most subtrees with units below them side by side on one page.
SHARED_PAGE = 6
#: What planning the pages is called as it reports how far it is.
PLANNING = "planning the chart's pages"
#: The page number a page's last units are measured with before pages are numbered.
PLACEHOLDER_PAGE = 999

#: Whether a page reads: (tops, units where it stops, tops that say where they come
#: from, a family's parent and the part of its children drawn, or None).
Reads = Callable[[list[str], Sequence[str], Sequence[str], "tuple[str, list[str]] | None"], bool]


@attrs.frozen
class PagePlan:
    """One page: its tops, the units where it stops (with the page each continues on), the
    tops that continue from an earlier page (with its number), and for a family spread
    over pages, its parent, the children drawn here and the page the rest continue on."""

    tops: list[str]
    cut: dict[str, int]
    origin: dict[str, int]
    family: tuple[str, list[str], int | None] | None = None


@attrs.define
class _Planned:
    tops: list[str]
    cut: list[str]
    part: tuple[str, list[str]] | None = None


def depths(
    org: Organization,
    top: str,
    limit: int | None = None,
    cut: Mapping[str, int] | None = None,
    only: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, int]:
    """The units under ``top`` (down to ``limit``, not below the ``cut`` units, and under
    a unit in ``only`` just the children it names) in pre-order, with their distance
    from it; a cycle is followed once round."""
    out: dict[str, int] = {}
    todo = [(top, 0)]
    while todo:
        uid, depth = todo.pop()
        if uid in out:
            continue
        out[uid] = depth
        if (limit is None or depth < limit) and (cut is None or uid not in cut):
            below = only[uid] if only is not None and uid in only else org.children(uid)
            todo.extend((c, depth + 1) for c in reversed(below))
    return out


class Planner:
    """Plans the pages of one chart; ``reads`` answers for a page, ``hidden`` counts the
    units under a unit, and no page goes more than ``most`` levels deep."""

    def __init__(
        self, org: Organization, reads: Reads, hidden: Callable[[str], int], most: int
    ) -> None:
        self.org = org
        self.reads = reads
        self.hidden = hidden
        self.most = most
        #: Where each page stops, by its tops.
        self.cuts: dict[tuple[str, ...], list[str]] = {}

    def plan(self, tops: list[str]) -> list[PagePlan]:
        """The pages under ``tops``, numbered from 1 in the order they come."""
        org = self.org
        plan: list[_Planned] = []
        todo = collections.deque([tops])
        with_below = [t for t in tops if org.children(t)]
        if len(tops) > 1 and not self.reads(tops, with_below, [], None):
            # Too many tops for one page (an export whose leavers have no manager): each
            # top starts a page of its own, and those small enough share one.
            todo = collections.deque([top] for top in tops)
        # How far the plan is: the units drawn whole (not left for a later page) so far.
        total, settled = self._size(tops), 0
        while todo:
            page_tops = todo.popleft()
            origin = page_tops if plan else []
            kids = [k for k in org.children(page_tops[0]) if org.children(k)]
            if len(page_tops) == 1 and not self.reads(page_tops, kids, origin, None):
                parts = self._family_parts(page_tops[0], bool(origin))
                plan.extend(_Planned(page_tops, cut, (page_tops[0], part)) for part, cut in parts)
                todo.extend([uid] for _part, cut in parts for uid in cut)
                settled += self._size(page_tops) - self._size(c for _, cut in parts for c in cut)
            else:
                cut = self._fitting_cut(page_tops, first=not plan)
                if not cut and len(page_tops) == 1:
                    page_tops += self._sharing(page_tops[0], todo)
                    for _ in page_tops[1:]:
                        todo.popleft()
                plan.append(_Planned(page_tops, cut))
                todo.extend([uid] for uid in cut)
                settled += self._size(page_tops) - self._size(cut)
            progress.step(PLANNING, min(settled, total - 1) if todo else total, total, "units")
        return _numbered(plan)

    def _size(self, units: Iterable[str]) -> int:
        """How many units ``units`` and the units under them are."""
        return sum(1 + self.hidden(uid) for uid in units)

    def _family_parts(self, parent: str, continued: bool) -> list[tuple[list[str], list[str]]]:
        """A family too large for one page in parts that each read: the children drawn (and
        those of them with units below, where the page stops) on each page."""
        org = self.org
        kids = list(org.children(parent))
        parts: list[tuple[list[str], list[str]]] = []
        while kids:
            origin = [parent] if continued or parts else []

            def fits(n: int, rest: list[str] = kids, origin: list[str] = origin) -> bool:
                cut = [k for k in rest[:n] if org.children(k)]
                return self.reads([parent], cut, origin, (parent, rest[:n]))

            n = max(1, _most(kids, fits))
            parts.append((kids[:n], [k for k in kids[:n] if org.children(k)]))
            kids = kids[n:]
        return parts

    def _fitting_cut(self, tops: list[str], *, first: bool = False) -> list[str]:
        """The units where the page under ``tops`` stops, in page order: the units with
        units below at the deepest level that keeps the page legible (at least the level
        under ``tops``), then deeper wherever it still reads, and small subtrees drawn
        whole. The tops of any page but the ``first`` say which page they continue from."""
        key = tuple(tops)
        if key not in self.cuts:
            self.cuts[key] = self._find_cut(tops, first)
        return self.cuts[key]

    def _find_cut(self, tops: list[str], first: bool) -> list[str]:
        org, most = self.org, self.most
        origin = [] if first else tops
        levels: dict[str, int] = {}
        for top in tops:
            levels.update(depths(org, top, most))

        def reads(cut: Sequence[str]) -> bool:
            return self.reads(tops, cut, origin, None)

        def cut_at(depth: int) -> list[str]:
            return [u for u, d in levels.items() if d == depth and org.children(u)]

        deepest = max(levels.values(), default=0)
        depth = 1 + _most(list(range(2, deepest + 1)), lambda n: reads(cut_at(n + 1)))
        cut = cut_at(depth)
        # Then the smallest subtrees where it stops are drawn whole, while it reads (only
        # those smaller than what the page already holds)...
        drawn = len(levels) - sum(self.hidden(u) for u in cut)
        small = sorted((u for u in cut if self.hidden(u) < drawn), key=self.hidden)
        cut = _without(cut, small[: _most(small, lambda n: reads(_without(cut, small[:n])))])
        # ...and, round by round, the units with the fewest units right below them go one
        # level deeper, as many as keep the page legible.
        while cut:
            ahead = sorted((u for u in cut if levels[u] < most), key=lambda u: len(org.children(u)))

            def fits(n: int, cut: list[str] = cut, ahead: list[str] = ahead) -> bool:
                return reads(_deeper(org, levels, cut, ahead[:n]))

            n = _most(ahead, fits)
            if not n:
                break
            cut = _deeper(org, levels, cut, ahead[:n])
        return cut

    def _sharing(self, top: str, todo: Sequence[list[str]]) -> list[str]:
        """The units at the head of ``todo`` that join ``top``'s page: its next siblings
        whose whole subtree fits a page, as many as keep the page legible (at most
        :data:`SHARED_PAGE` subtrees with units below; tops with nothing below stand in
        columns, so more of them fit)."""
        org = self.org
        parent = org.units[top].parent
        trees = 1 if org.children(top) else 0
        whole: list[str] = []
        for page_tops in todo:
            uid = page_tops[0]
            if len(page_tops) != 1 or org.units[uid].parent != parent:
                break
            if org.children(uid):
                if trees == SHARED_PAGE or self._fitting_cut(page_tops):
                    break
                trees += 1
            whole.append(uid)

        def fits(n: int) -> bool:
            tops = [top, *whole[:n]]
            return self.reads(tops, (), tops, None)

        return whole[: _most(whole, fits)]


def _numbered(plan: Sequence[_Planned]) -> list[PagePlan]:
    """The planned pages with the numbers of the pages they refer to."""
    number: dict[str, int] = {}
    origin_of: dict[str, int] = {}
    for i, page in enumerate(plan, 1):
        for top in page.tops:
            number.setdefault(top, i)
        origin_of.update(dict.fromkeys(page.cut, i))

    def parent_of(i: int) -> str | None:
        """The family spread over page ``i`` (counting from 1), if any."""
        part = plan[i - 1].part if 1 <= i <= len(plan) else None
        return part[0] if part else None

    pages = []
    for i, page in enumerate(plan, 1):
        family = None
        came = {top: origin_of[top] for top in page.tops if top in origin_of}
        if page.part is not None:
            parent, part = page.part
            if parent_of(i - 1) == parent:
                came[parent] = i - 1
            family = (parent, part, i + 1 if parent_of(i + 1) == parent else None)
        marks = {uid: number[uid] for uid in page.cut}
        pages.append(PagePlan(page.tops, marks, came, family))
    return pages


def _without(items: Sequence[str], gone: Sequence[str]) -> list[str]:
    left_out = set(gone)
    return [item for item in items if item not in left_out]


def _deeper(
    org: Organization, levels: Mapping[str, int], cut: Sequence[str], units: Sequence[str]
) -> list[str]:
    """Where a page stops (in page order) when its ``cut`` units ``units`` show the units
    right below them, cut in turn where they have units below."""
    out = set(cut).difference(units)
    out.update(c for u in units for c in org.children(u) if org.children(c))
    return [uid for uid in levels if uid in out]


def _most(items: Sequence[str] | Sequence[int], fits: Callable[[int], bool]) -> int:
    """The largest n (0 to ``len(items)``) for which ``fits(n)`` holds, trying 1, 2, 4...
    then bisecting: ``fits(0)`` is taken to hold and ``fits`` to turn false only once."""
    low, high = 0, len(items)
    step = 1
    while low < high:
        n = min(low + step, high)
        if not fits(n):
            high = n
            break
        low, step = n, step * 2
    while low < high - 1:
        mid = (low + high) // 2
        if fits(mid):
            low = mid
        else:
            high = mid
    return low
