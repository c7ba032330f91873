"""A restructuring as a notebook shows it: the summary of each kind of change (the details
folded under it), the figures before and after, and the marked picture when it is small
enough to read in a notebook."""

from __future__ import annotations

from raci._text import escape_html
from raci.exceptions import RaciError
from raci.render.change.picture import render_picture
from raci.render.notebook.chart import MOST_UNITS, figure
from raci.render.notebook.style import LEFT, NOTE, RIGHT
from raci.render.notebook.tables import numbers, table
from raci.restructure.diff import Diff
from raci.restructure.report import Story, capital
from raci.restructure.words import ChangeWords
from raci.words import Words, words_for


def _sections(story: Story, w: ChangeWords) -> list[str]:
    """Each kind of change that has any: its line of counts, its groups folded below."""
    out = []
    for section, groups in story.sections():
        if not any(lines for _, lines in groups):
            continue
        details = []
        for group, lines in groups:
            if not lines:
                continue
            if group:
                heading = story.heading(section, group, story.count(group, lines))
                details.append(f"<p><b>{escape_html(heading)}</b></p>")
            details.append("<ul>" + "".join(f"<li>{escape_html(x)}</li>" for x in lines) + "</ul>")
        line = w.words.labelled(w.groups[section], story.summary(section, groups))
        out.append(f"<details><summary>{escape_html(line)}</summary>{''.join(details)}</details>")
    return out


def too_large(words: Words, units: int) -> str:
    """What a notebook says of a change's picture of ``units`` units, too many to show."""
    return words.ngettext(
        "The picture of this change has {units} unit, more than a notebook shows;"
        " draw it with {call}.",
        "The picture of this change has {units} units, more than a notebook shows;"
        " draw it with {call}.",
        units,
    ).format(
        units=words.number(units), call='raci.render_picture(change, "change.pdf", paper="A3")'
    )


def _picture(change: Diff) -> str:
    """The marked picture, or a caption saying how to draw one too large for a notebook;
    nothing when no unit is drawn (two matrices without units)."""
    units = len(change.new.units) + len(change.units_removed)
    if not units:
        return ""
    if units > MOST_UNITS:
        caption = too_large(words_for(change.new.language), units)
        return f'<p style="{NOTE}">{escape_html(caption)}</p>'
    try:
        return figure(str(render_picture(change)))
    except RaciError as exc:
        return f'<p style="{NOTE}">{escape_html(str(exc))}</p>'


def diff_html(change: Diff) -> str:
    """The diff for a notebook: its title, the changes by kind, figures, notes and problems,
    then the picture."""
    w = ChangeWords.for_lang(None)
    story = Story(change, None, lambda text, ident: text or ident, str)
    out = [f"<p><b>{escape_html(story.files())}</b></p>"]
    if change.empty:
        out.append(f"<p>{escape_html(story.no_changes())}</p>")
    else:
        out += _sections(story, w)
        posts = story.post_rows()
        if posts:
            out.append(table(story.posts_by_unit(), story.post_headings(), posts, numbers))
        head = [""] + [
            capital(w.words.pgettext("figures before and after", k))
            for k in ("before", "after", "change")
        ]
        figures = story.figure_rows()
        rows = [(label.strip(), *values) for label, *values in figures]

        def style(row: int, column: int) -> str:
            if column:
                return RIGHT
            inner = row >= 0 and figures[row][0].startswith(" ")  # a level under the units
            return f"{LEFT};padding-left:1.5em" if inner else LEFT

        out.append(table(story.figures_title(), head, rows, style))
    for title, items in (
        (story.not_compared(), [note.said(story.words) for note in change.notes]),
        (story.problems(), [f"{f.location}: {f.said(story.words)[0]}" for f in change.findings]),
    ):
        if items:
            listed = "".join(f"<li>{escape_html(item)}</li>" for item in items)
            out.append(f"<p><b>{escape_html(title)}</b></p><ul>{listed}</ul>")
    if not change.empty:
        out.append(_picture(change))
    return "".join(out)
