"""The annex's title page: what it is, of which organization, from which two files."""

from __future__ import annotations

from raci.render.annex.blocks import Blocks
from raci.restructure.report import Story, shown_path

#: Room above the title, so that it stands in the upper third of the page (points).
_ABOVE_PT = 150


def add_title_page(b: Blocks, story: Story) -> None:
    """The title, the organization's name, the files before and after."""
    from docx.shared import Pt

    w, change = story.w, story.change
    title = b.paragraph(w.annex, style="Title")
    title.paragraph_format.space_before = Pt(_ABOVE_PT)
    name = change.new.names.get(story.lang)
    if name:
        b.paragraph(name, style="Subtitle")
    before, after = w.sides()
    for side, org in ((before, change.old), (after, change.new)):
        b.paragraph(w.words.labelled(side, shown_path(org.source)))
