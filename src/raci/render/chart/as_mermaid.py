"""The org chart as a Mermaid flowchart (``.mmd``), which GitHub draws in Markdown: a node
per unit holding what the chart's box holds (name, head, posts), reporting lines and
dotted lines (each from the unit reported to), each unit in its division's colours, staff
offices and units whose head post is vacant in classes of their own, and the
organization's name as the title."""

from __future__ import annotations

from collections.abc import Sequence

from raci.findings import Said, say
from raci.model import Organization
from raci.render.chart.options import ChartOptions
from raci.render.chart.pages import depths
from raci.render.chart.style import (
    DOTTED_LINE,
    REPORTING_LINE,
    STAFF_PEN,
    VACANT,
    Box,
    box_posts,
    families,
    level_ranks,
    unit_box,
)
from raci.render.chart.words import ChartWords
from raci.render.dot import shown
from raci.render.mermaid import (
    class_def,
    fits,
    front_matter,
    label,
    link_style,
    members,
    node_id,
    too_large,
)

#: The classes of a staff office (drawn as a stadium, its outline heavier) and of a unit
#: whose head post is vacant (a dashed outline in the chart's colour for vacancy).
STAFF = {"stroke-width": "3px"}
VACANT_HEAD = {"stroke": VACANT, "stroke-dasharray": "5 3"}


def mermaid_chart(
    org: Organization, opts: ChartOptions, tops: Sequence[str]
) -> tuple[str, Said | None]:
    """The chart of the units under ``tops`` as Mermaid text, and what to tell the user
    when GitHub would not draw it (too much text or too many lines), with the ``--depth``
    that makes a chart it draws (None when it draws this one)."""
    chart = _Flowchart(org, opts)
    text, edges = chart.text(tops, opts.depth)
    if fits(text, edges):
        return text, None
    deepest = max((d for top in tops for d in depths(org, top, opts.depth).values()), default=0)
    shallower = next(
        (d for d in range(deepest - 1, -1, -1) if fits(*chart.text(tops, d))),
        None,
    )
    over = too_large(text, edges)
    if shallower is None:
        # Translators: {size} says how large the chart is; {root} is an option, kept.
        return text, say(
            "the Mermaid chart has {size}: GitHub draws none; {root} makes one it draws",
            size=over,
            root="--root UNIT",
        )
    depth = f"--depth {shallower}"
    # Translators: {size} says how large the chart is; {depth} and {root} are options, kept.
    return text, say(
        "the Mermaid chart has {size}: GitHub draws none; {depth} or {root} makes one it draws",
        size=over,
        depth=depth,
        root="--root UNIT",
    )


class _Flowchart:
    """What every depth of one Mermaid chart shares: words, colours, posts."""

    def __init__(self, org: Organization, opts: ChartOptions) -> None:
        self.org = org
        self.opts = opts
        self.words = ChartWords.for_lang(opts.lang or org.language)
        self.family = families(org)
        self.ranks = level_ranks(org, self.family)
        self.total = box_posts(org, opts.headcount)
        self.posts: dict[str, list[str]] = {}
        if opts.positions:
            for pid, post in org.positions.items():
                self.posts.setdefault(post.unit, []).append(pid)

    def text(self, tops: Sequence[str], depth: int | None) -> tuple[str, int]:
        """The flowchart of the units under ``tops`` down to ``depth``, and its lines."""
        org, lang = self.org, self.opts.lang
        level: dict[str, int] = {}
        for top in tops:
            level.update(depths(org, top, depth))
        title = self.opts.title or org.names.get(lang)
        lines = [*front_matter(title), "flowchart TB"]
        styles: dict[tuple[tuple[str, str], ...], list[str]] = {}
        staff: list[str] = []
        vacant: list[str] = []
        for uid in level:
            unit = org.units[uid]
            node = node_id(uid)
            text = label(self._lines(uid, level[uid] == depth))
            box = unit_box(org, self.family[uid], self.ranks[uid], None)
            styles.setdefault(tuple(_style(box).items()), []).append(node)
            if unit.staff:
                staff.append(node)
                lines.append(f"    {node}([{text}])")
            else:
                lines.append(f"    {node}({text})" if box.rounded else f"    {node}[{text}]")
            head = org.positions.get(unit.head or "")
            if self.opts.heads and head is not None and head.vacant:
                vacant.append(node)
        reporting = [(p, c) for p in level for c in org.children(p) if c in level]
        # A dotted line points, as a reporting line does, from the unit reported to: so
        # that it lays the units out as the hierarchy does, never above their parents.
        dotted = [
            (other, uid)
            for uid in level
            for other in dict.fromkeys(org.units[uid].also_reports_to)
            if other in level and other != uid
        ]
        lines += [f"    {node_id(p)} --> {node_id(c)}" for p, c in reporting]
        lines += [f"    {node_id(o)} -.-> {node_id(u)}" for o, u in dotted]
        for i, (css, nodes) in enumerate(styles.items(), 1):
            lines.append(class_def(f"c{i}", dict(css)))
            lines += members(f"c{i}", nodes)
        for name, extra, nodes in (("staff", STAFF, staff), ("vacant", VACANT_HEAD, vacant)):
            if nodes:
                lines.append(class_def(name, extra))
                lines += members(name, nodes)
        if reporting or dotted:
            line = _line(REPORTING_LINE["color"], REPORTING_LINE["penwidth"])
            lines += link_style(["default"], line)
        to_staff = [i for i, (_, c) in enumerate(reporting) if org.units[c].staff]
        lines += link_style(to_staff, _line(REPORTING_LINE["color"], STAFF_PEN))
        first = len(reporting)
        dotted_style = _line(DOTTED_LINE["color"], DOTTED_LINE["penwidth"])
        lines += link_style(range(first, first + len(dotted)), dotted_style)
        return "\n".join(lines) + "\n", len(reporting) + len(dotted)

    def _lines(self, uid: str, at_depth: bool) -> list[str]:
        """What a unit's node says, a line each: as the chart's box (name, job title, head
        post and its holder, posts, the units hidden below, and listed posts)."""
        org, opts, words = self.org, self.opts, self.words
        unit = org.units[uid]
        out = [shown(unit.names.get(opts.lang), uid)]
        if unit.title:
            out.append(unit.title)
        head = org.positions.get(unit.head or "") if opts.heads else None
        if head is not None:
            post = self._post(head.id)
            # A head post named as its unit (a people sheet's vacancy) is named once.
            out += post[1:] if post[0] == out[0] else post
        if uid in self.total:
            out.append(words.posts(self.total[uid].posts, self.total[uid].filled))
        if at_depth and org.children(uid):
            hidden = len(depths(org, uid)) - 1
            out.append(words.below(hidden, people=org.layout == "people-sheet"))
        for pid in self.posts.get(uid, []):
            if head is None or pid != head.id:
                out += self._post(pid)
        return out

    def _post(self, pid: str) -> list[str]:
        """A post's title and, as a line of its own, its holder or 'vacant'."""
        post = self.org.positions[pid]
        out = [shown(post.names.get(self.opts.lang), pid)]
        if post.vacant:
            out.append(self.words.vacant)
        elif post.holder:
            out.append(post.holder)
        return out


def _style(box: Box) -> dict[str, str]:
    """A unit's colours and outline as CSS, those of its box in the chart."""
    return {
        "fill": box.fill,
        "stroke": box.line,
        "stroke-width": f"{box.border}px",
        "color": box.text,
    }


def _line(colour: str, width: str) -> dict[str, str]:
    return {"stroke": colour, "stroke-width": f"{width}px"}
