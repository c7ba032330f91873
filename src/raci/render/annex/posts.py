"""The post changes: a table per kind of change (established, abolished, redeployed,
reclassified, converted), units and listed positions by name, then the posts by unit
with the total of all units."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from raci.render.annex.blocks import Blocks
from raci.render.staffing.sheet import number
from raci.restructure.posts import KINDS, Entry
from raci.restructure.report import Story, capital

#: The width of a column of counts, and of a column of the posts by unit (millimetres).
COUNT_MM, SUMMARY_MM = 18, 24


@attrs.frozen
class _Column:
    """A column of a kind's table: its header, how an entry fills it, and whether it is
    left out when no entry fills it (funds, listed positions)."""

    head: str
    show: Callable[[Entry], str]
    optional: bool = False
    count: bool = False


def _columns(story: Story, kind: str) -> list[_Column]:
    w = story.w

    def named(key: str, show: Callable[[str], str]) -> Callable[[Entry], str]:
        return lambda e: show(str(e[key])) if e.get(key) is not None else ""

    def graded(key: str) -> Callable[[Entry], str]:
        return lambda e: story.grade(e.get(key))

    words = story.words
    unit = _Column(capital(words.gettext("unit")), named("unit", story.unit))
    grade = _Column(capital(words.gettext("grade")), graded("grade"))
    fund = _Column(capital(story.words.gettext("fund")), named("fund", story.text), True)
    # Translators: the headings of what posts were before a change, and are after it.
    before, after = capital(words.gettext("from")), capital(words.gettext("to"))
    middle = {
        "redeployed": [
            _Column(before, named("from", story.unit)),
            _Column(after, named("to", story.new)),
            grade,
            fund,
        ],
        "reclassified": [unit, _Column(before, graded("from")), _Column(after, graded("to"))],
        "converted": [
            unit,
            grade,
            _Column(before, named("from", story.text)),
            _Column(after, named("to", story.text)),
        ],
    }.get(kind, [unit, grade, fund])
    count = _Column(
        capital(w.figure("posts")), lambda e: number(e["count"], story.words), count=True
    )
    position = _Column(
        capital(words.gettext("listed position")), named("position", story.new), True
    )
    return [*middle, count, position]


def _table(b: Blocks, story: Story, kind: str, entries: Sequence[Entry]) -> None:
    """One kind's table, the count of posts right-aligned, a fund or a listed position
    only when an entry has one."""
    columns = [
        c for c in _columns(story, kind) if not c.optional or any(c.show(e) for e in entries)
    ]
    texts = sum(not c.count for c in columns)
    wide = (b.width_mm - COUNT_MM) / texts
    b.grid(
        [c.head for c in columns],
        [[c.show(e) for c in columns] for e in entries],
        [COUNT_MM if c.count else wide for c in columns],
        numbers={i for i, c in enumerate(columns) if c.count},
    )


def add_post_changes(b: Blocks, story: Story) -> None:
    """The part "Post changes"."""
    w, posts = story.w, story.change.posts
    b.heading(w.groups["post_changes"], 1)
    if not posts.shown:
        none = w.gettext("Neither version gives its establishment (the posts of its units).")
        b.paragraph(none)
        return
    if not posts:
        b.paragraph(w.gettext("No posts change."))
    for kind in KINDS:
        entries = posts.of(kind)
        if entries:
            group = f"post_{kind}"
            b.heading(w.counted(capital(w.groups[group]), story.count(group, [])), 2)
            _table(b, story, kind, entries)
    rows = story.post_rows()
    if rows:
        b.heading(story.posts_by_unit(), 2)
        heads = story.post_headings()
        widths = [b.width_mm - (len(heads) - 1) * SUMMARY_MM] + [SUMMARY_MM] * (len(heads) - 1)
        b.grid(heads, rows, widths, numbers=set(range(1, len(heads))), bold_last=True)
