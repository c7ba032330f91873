"""The summary of the change: a line of counts per kind of thing, then what changed, as
the diff's text tells it (units, listed positions, deliverables, orphaned
responsibilities), the figures before and after, and what could not be compared. The
post changes have a part of their own."""

from __future__ import annotations

from raci.render.annex.blocks import Blocks
from raci.restructure.report import Story

#: The width of a table's first column (names, labels), and of a number's (millimetres).
LABEL_MM = 60
NUMBER_MM = 22


def capital(text: str) -> str:
    """``text`` with a capital first letter, as a heading or a header cell shows a word."""
    return text[:1].upper() + text[1:]


def add_summary(b: Blocks, story: Story) -> None:
    """The part "Summary of the change"."""
    w, change = story.w, story.change
    b.heading(w("summary_of"), 1)
    b.paragraph(story.files())
    if change.empty:
        b.paragraph(w("no_changes"))
    else:
        sections = [(s, g) for s, g in story.sections() if any(lines for _, lines in g)]
        b.grid(
            None,
            [[w(s), story.summary(s, g)] for s, g in sections],
            [LABEL_MM, b.width_mm - LABEL_MM],
        )
        for section, groups in sections:
            if section == "post_changes":
                continue
            b.heading(w(section), 2)
            for group, lines in groups:
                if not lines:
                    continue
                if group:
                    n = story.count(group, lines)
                    b.paragraph(w("counted", text=capital(w(group)), n=n), bold=True)
                b.bullets(lines)
        b.heading(w("figures"), 2)
        head = ["", *(capital(w(k)) for k in ("before", "after", "change"))]
        b.grid(head, story.figure_rows(), [LABEL_MM + 20, *[NUMBER_MM] * 3], numbers={1, 2, 3})
    if change.notes:
        b.heading(w("not_compared"), 2)
        b.bullets(change.notes)
    if change.findings:
        b.heading(w("problems"), 2)
        b.bullets(f"{f.location}: {f.message}" for f in change.findings)
