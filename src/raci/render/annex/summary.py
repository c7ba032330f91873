"""The summary of the change: a line of counts per kind of thing, then what changed, as
the diff's text tells it (units, listed positions, deliverables, orphaned
responsibilities), the figures before and after, and what could not be compared. The
post changes have a part of their own."""

from __future__ import annotations

from raci.render.annex.blocks import Blocks
from raci.restructure.report import Story, capital

#: The width of a table's first column (names, labels), and of a number's (millimetres).
LABEL_MM = 60
NUMBER_MM = 22


def add_summary(b: Blocks, story: Story) -> None:
    """The part "Summary of the change"."""
    w, change = story.w, story.change
    names = w.groups
    b.heading(w.gettext("Summary of the change"), 1)
    b.paragraph(story.files())
    if change.empty:
        b.paragraph(story.no_changes())
    else:
        sections = [(s, g) for s, g in story.sections() if any(lines for _, lines in g)]
        b.grid(
            None,
            [[names[s], story.summary(s, g)] for s, g in sections],
            [LABEL_MM, b.width_mm - LABEL_MM],
        )
        for section, groups in sections:
            if section == "post_changes":
                continue
            b.heading(names[section], 2)
            for group, lines in groups:
                if not lines:
                    continue
                if group:
                    n = story.count(group, lines)
                    b.paragraph(w.counted(capital(names[group]), n), bold=True)
                b.bullets(lines)
        b.heading(story.figures_title(), 2)
        head = ["", *(capital(h) for h in story.compared())]
        b.grid(head, story.figure_rows(), [LABEL_MM + 20, *[NUMBER_MM] * 3], numbers={1, 2, 3})
    if change.notes:
        b.heading(story.not_compared(), 2)
        b.bullets(note.said(w.words) for note in change.notes)
    if change.findings:
        b.heading(story.problems(), 2)
        b.bullets(f"{f.location}: {f.said(w.words)[0]}" for f in change.findings)
