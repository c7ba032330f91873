"""The readable forms of a diff: plain text for a terminal, Markdown for a paper.

Both tell the same story in the same order: units, listed positions, post changes and
the posts by unit (when either version gives an establishment), deliverables, orphaned
responsibilities, the figures before and after, what could not be compared, and any
problem with the lineage, every fixed word in the chosen language
(:mod:`raci.restructure.words`). Names are shown in that language; their ids only
when asked for, since people read names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from raci._text import display_width, one_line
from raci.grades import tidy
from raci.model import Organization
from raci.restructure.posts import COLUMNS, KINDS
from raci.restructure.words import ChangeWords

if TYPE_CHECKING:
    from raci.restructure.diff import Diff, Entry

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


class Story:
    """Sentences about one diff in the words of a language, built with a way to show a
    name and a word of the model such as a grade (plain or Markdown)."""

    def __init__(
        self,
        change: Diff,
        lang: str | None,
        name: Callable[[str, str], str],
        text: Callable[[str], str],
    ) -> None:
        self.change = change
        self.lang = lang
        self.w = ChangeWords.of(change, lang)
        #: The fixed words of the language.
        self.words = self.w.words
        #: name(text, id) -> how a named thing is shown
        self.name = name
        #: text(word) -> how a word of the model (a grade, a fund) is shown
        self.text = text
        #: The posts each group of post changes counts.
        self.post_counts = {
            f"post_{kind}": tidy(sum(e["count"] for e in change.posts.of(kind))) for kind in KINDS
        }

    def number(self, value: Any) -> str:
        """A count as the language writes it; '–' for none."""
        if value is None:
            return "–"
        if isinstance(value, (int, float)):
            return self.words.number(int(value) if value == int(value) else value)
        return str(value)

    def signed(self, before: float | None, after: float | None) -> str:
        """The change from ``before`` to ``after``: '+2', '−1', '0'."""
        if before is None or after is None:
            return ""
        change = after - before
        if change == 0:
            return "0"
        text = self.number(abs(change))
        return f"+{text}" if change > 0 else f"−{text}"

    @property
    def nobody(self) -> str:
        """In place of a party: none."""
        return self.words.gettext("(none)")

    def party(self, org: Organization, ident: str | None) -> str:
        if ident is None:
            return self.nobody
        p = org.parties.get(ident)
        return self.name(p.names.get(self.lang) if p else "", ident)

    def old(self, ident: str | None) -> str:
        return self.party(self.change.old, ident)

    def new(self, ident: str | None) -> str:
        return self.party(self.change.new, ident)

    def work(self, ident: str) -> str:
        d = self.change.new.deliverables.get(ident) or self.change.old.deliverables.get(ident)
        return self.name(d.names.get(self.lang) if d else "", ident)

    def unit(self, ident: str) -> str:
        """A unit of NEW, or of OLD when NEW has no unit of that id."""
        return self.new(ident) if ident in self.change.new.units else self.old(ident)

    def olds(self, ids: Sequence[str]) -> str:
        return self.w.join([self.old(i) for i in ids])

    def news(self, ids: Sequence[str]) -> str:
        return self.w.join([self.new(i) for i in ids])

    def where(self, org: Organization, parent: str | None, level: str | None) -> str:
        what = self.w.a_level(level)
        if parent:
            # Translators: where a unit is: {what} is "a division", {parent} a unit's name.
            return self.w.gettext(
                "{what} under {parent}", what=what, parent=self.party(org, parent)
            )
        return self.w.gettext("{what} at the top", what=what)

    # -- sections: (heading, [(group, lines)]) ---------------------------------

    def sections(self) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        c, w = self.change, self.w
        # Translators: a unit and where it is: "Urban Lab, a unit under Global Solutions".
        unit_where = w.words.gettext("{name}, {where}")
        # Translators: a unit that changes, and how: its level, or who is accountable.
        changed = w.words.gettext("{name}: {old} → {new}")
        units = [
            (
                "created",
                [
                    unit_where.format(
                        name=self.new(e["unit"]), where=self.where(c.new, e["parent"], e["level"])
                    )
                    for e in c.units_added
                ],
            ),
            (
                "abolished",
                [
                    unit_where.format(
                        name=self.old(e["unit"]), where=self.where(c.old, e["parent"], e["level"])
                    )
                    for e in c.units_removed
                ],
            ),
            (
                "merged",
                [
                    w.gettext(
                        "{name} merges {olds}",
                        name=self.new(e["unit"]),
                        olds=self.olds(e["formerly"]),
                    )
                    for e in c.units_merged
                ],
            ),
            (
                "split",
                [
                    w.gettext(
                        "{old} is split into {news}",
                        old=self.old(e["unit"]),
                        news=self.news(e["into"]),
                    )
                    for e in c.units_split
                ],
            ),
            (
                "renamed",
                [
                    w.gettext(
                        "{old} is now {new}", old=self.old(e["formerly"]), new=self.new(e["unit"])
                    )
                    for e in c.units_renamed
                    if self.one_to_one(e)
                ],
            ),
            (
                "moved",
                [
                    w.gettext(
                        "{name}: from under {old} to under {new}",
                        name=self.new(e["unit"]),
                        old=self.old(e["old_parent"]),
                        new=self.new(e["new_parent"]),
                    )
                    for e in c.units_moved
                ],
            ),
            (
                "relevelled",
                [
                    changed.format(
                        name=self.new(e["unit"]),
                        old=w.level(e["old_level"]),
                        new=w.level(e["new_level"]),
                    )
                    for e in c.units_relevelled
                ],
            ),
        ]
        # Translators: a listed position and its unit.
        post_in = w.words.gettext("{name}, in {unit}")
        posts = [
            (
                "created",
                [
                    post_in.format(name=self.new(e["position"]), unit=self.new(e["unit"]))
                    for e in c.positions_added
                ],
            ),
            (
                "abolished",
                [
                    post_in.format(name=self.old(e["position"]), unit=self.old(e["unit"]))
                    for e in c.positions_removed
                ],
            ),
            (
                "moved",
                [
                    w.gettext(
                        "{name}: from {old} to {new}",
                        name=self.new(e["position"]),
                        old=self.old(e["old_unit"]),
                        new=self.new(e["new_unit"]),
                    )
                    for e in c.positions_moved
                ],
            ),
        ]
        work = [
            ("added", [self.work(e["deliverable"]) for e in c.deliverables_added]),
            ("removed", [self.work(e["deliverable"]) for e in c.deliverables_removed]),
            (
                "accountable",
                [
                    changed.format(
                        name=self.work(e["deliverable"]),
                        old=self.olds(e["old_parties"]) or self.nobody,
                        new=self.news(e["new_parties"]) or self.nobody,
                    )
                    for e in c.accountable_changed
                ],
            ),
        ]
        return [
            ("units", units),
            ("posts", posts),
            *([("post_changes", self.post_changes())] if self.change.posts.shown else []),
            ("deliverables", work),
            ("orphaned", self.orphaned()),
        ]

    def orphaned(self) -> list[tuple[str, list[str]]]:
        c, w = self.change, self.w
        # Translators: a role left without a holder: the deliverable, the role, its holder.
        line = w.words.gettext("{work}: {role}, held by {party}")
        return [
            (
                "",
                [
                    line.format(
                        work=self.work(e["deliverable"]),
                        role=w.role(c.old.scheme, e["role"]),
                        party=self.old(e["party"]),
                    )
                    for e in c.orphaned
                ],
            )
        ]

    # -- post changes --------------------------------------------------------------

    def post_changes(self) -> list[tuple[str, list[str]]]:
        p, w = self.change.posts, self.w
        labelled = w.words.labelled
        # Translators: posts moved from one unit to another ({posts} is "2 P-4").
        redeployed = w.words.gettext("{posts}: from {old} to {new}")
        # Translators: posts given another grade ({posts} is "2 P-4", {grade} the new one).
        reclassified = w.words.gettext("{unit}: {posts} → {grade}")
        # Translators: posts given another funding source.
        converted = w.words.gettext("{unit}: {posts}, {old} → {new}")
        groups: list[tuple[str, tuple[Entry, ...], Callable[[Entry], str]]] = [
            (
                "post_established",
                p.established,
                lambda e: labelled(self.new(e["unit"]), self.of(e)),
            ),
            (
                "post_abolished",
                p.abolished,
                lambda e: labelled(self.unit(e["unit"]), self.of(e)),
            ),
            (
                "post_redeployed",
                p.redeployed,
                lambda e: redeployed.format(
                    posts=self.of(e), old=self.unit(e["from"]), new=self.new(e["to"])
                ),
            ),
            (
                "post_reclassified",
                p.reclassified,
                lambda e: reclassified.format(
                    unit=self.new(e["unit"]),
                    posts=self.posts(e["count"], e["from"]),
                    grade=self.grade(e["to"]),
                ),
            ),
            (
                "post_converted",
                p.converted,
                lambda e: converted.format(
                    unit=self.new(e["unit"]),
                    posts=self.posts(e["count"], e["grade"]),
                    old=self.text(e["from"]),
                    new=self.text(e["to"]),
                ),
            ),
        ]
        return [(group, [self.named(e, line(e)) for e in found]) for group, found, line in groups]

    def grade(self, grade: str | None) -> str:
        return self.text(grade) if grade else self.w.words.gettext("(no grade)")

    def posts(self, count: float, grade: str | None, fund: str | None = None) -> str:
        """'2 P-4', '2 P-4 (RB)'."""
        # Translators: a count of posts of a grade: "2 P-4".
        posts = self.w.words.ngettext("{n} {grade}", "{n} {grade}", count)
        shown = posts.format(n=self.number(count), grade=self.grade(grade))
        return self.w.words.aside(shown, self.text(fund)) if fund else shown

    def of(self, e: Entry) -> str:
        """The posts of an entry, with their fund."""
        return self.posts(e["count"], e["grade"], e["fund"])

    def named(self, e: Entry, line: str) -> str:
        """A line, with the listed position that tells it."""
        if "position" not in e:
            return line
        return self.w.words.aside(line, self.new(e["position"]))

    def count(self, group: str, lines: Sequence[str]) -> str:
        """What a group's heading counts: posts for post changes, else its lines."""
        n = self.post_counts[group] if group in self.post_counts else len(lines)
        return self.number(n)

    def group_count(self, group: str, lines: Sequence[str]) -> float:
        """The count of a group's summary: its posts for post changes, else its lines."""
        return self.post_counts[group] if group in self.post_counts else len(lines)

    def post_rows(self) -> list[list[str]]:
        """The summary of post changes: a row per unit whose posts changed, and the total
        of all units; empty when nothing changed."""
        p = self.change.posts
        if not p.shown or not p:
            return []
        changed = [r for r in p.summary if any(r[k] for k in COLUMNS[2:])]
        kinds = {k: tidy(sum(r[k] for r in p.summary)) for k in COLUMNS[3:]}
        rows = [[self.unit(r["unit"]), *self._post_cells(r)] for r in changed]
        total = self.w.words.gettext("Total (all units)")
        return [*rows, [total, *self._post_cells({**p.totals, **kinds})]]

    def post_headings(self) -> list[str]:
        w = self.w
        groups = w.groups
        before, after, change = self.compared()
        heads = [w.words.gettext("unit"), before, after, change]
        heads += [groups["post_established"], groups["post_abolished"]]
        # Translators: posts moved into a unit, and out of it.
        heads += [w.words.gettext("redeployed in"), w.words.gettext("redeployed out")]
        heads += [groups["post_reclassified"], groups["post_converted"]]
        return [capital(h) for h in heads]

    def compared(self) -> tuple[str, str, str]:
        """The headings of the figures before and after, and of their change."""
        words = self.w.words
        return (
            words.pgettext("figures before and after", "before"),
            words.pgettext("figures before and after", "after"),
            words.pgettext("figures before and after", "change"),
        )

    def _post_cells(self, row: Mapping[str, Any]) -> list[str]:
        before, after = row["before"], row["after"]
        kinds = [self.number(row[k]) if row[k] else "–" for k in COLUMNS[3:]]
        return [
            self.number(tidy(before)),
            self.number(tidy(after)),
            self.signed(before, after),
            *kinds,
        ]

    def one_to_one(self, e: Entry) -> bool:
        """A rename not already told as part of a merge or a split."""
        lin = self.change.lineage.units
        return len(lin.successors(e["formerly"])) == 1 and len(lin.predecessors(e["unit"])) == 1

    def figure_rows(self) -> list[tuple[str, str, str, str]]:
        before, after = self.change.figures["before"], self.change.figures["after"]
        w = self.w
        rows: list[tuple[str, str, str, str]] = []

        def row(label: str, a: Any, b: Any) -> None:
            rows.append((capital(label), self.number(a), self.number(b), self.signed(a, b)))

        def named(key: str) -> None:
            row(w.figure(key), before[key], after[key])

        named("units")
        order = {
            name: i
            for i, name in enumerate(
                dict.fromkeys([*self.change.old.levels.names, *self.change.new.levels.names])
            )
        }
        levels = sorted(
            {*before["by_level"], *after["by_level"]},
            key=lambda level: (order.get(level, len(order)), level),
        )
        for level in levels:
            row(
                f"  {w.figure(level)}",
                before["by_level"].get(level, 0),
                after["by_level"].get(level, 0),
            )
        for key in ("positions", "posts", "filled", "vacant", "depth"):
            named(key)
        stats = {
            "min": w.words.gettext("min"),
            "median": w.words.gettext("median"),
            "max": w.words.gettext("max"),
        }
        # Translators: a figure and one of its statistics: "span of control, median".
        part = w.words.gettext("{figure}, {stat}")
        for key, stat in stats.items():
            row(
                part.format(figure=w.figure("span_of_control"), stat=stat),
                before["span_of_control"][key],
                after["span_of_control"][key],
            )
        named("deliverables")
        return rows

    def summary(self, section: str, groups: list[tuple[str, list[str]]]) -> str:
        """A section's line of counts: '2 created, 3 abolished'."""
        if section == "orphaned":
            return self.w.orphaned_count(len(groups[0][1]))
        return self.w.words.listed(
            self.w.count(section, group, self.group_count(group, lines))
            for group, lines in groups
            if lines
        )

    def heading(self, section: str, group: str, n: str) -> str:
        """A group's heading, with its count: 'Units: created (2)'."""
        names = self.w.groups
        text = self.w.words.labelled(names[section], names[group]) if group else names[section]
        return self.w.counted(text, n)

    def files(self) -> str:
        """The title: the two files, as given, relative to the current folder when under it."""
        old, new = shown_path(self.change.old.source), shown_path(self.change.new.source)
        # Translators: the title of a restructuring: the files of the two versions.
        return self.w.gettext("Restructuring: {old} → {new}", old=old, new=new)

    def figures_title(self) -> str:
        """The heading of the figures before and after."""
        return self.w.words.pgettext("figures before and after", "Figures")

    def not_compared(self) -> str:
        """The heading of what could not be compared."""
        return self.w.words.gettext("Not compared")

    def problems(self) -> str:
        """The heading of the problems with the lineage."""
        return self.w.words.gettext("Problems with `formerly`")

    def no_changes(self) -> str:
        """What a diff of two versions alike says."""
        return self.w.words.gettext(
            "No changes: the two versions have the same units, posts and roles."
        )

    def posts_by_unit(self) -> str:
        """The heading of the summary of post changes by unit."""
        return self.w.words.gettext("Posts by unit")


def capital(text: str) -> str:
    """``text`` with its first letter in upper case (a heading or a table's row)."""
    return text[:1].upper() + text[1:]


def shown_path(source: str) -> str:
    """A file's path as a reader wants it: relative to the current folder when it is
    under it, else as given (never a temporary absolute path of a folder one is in)."""
    path = Path(source)
    if path.is_absolute():
        here = Path.cwd()
        for folder in dict.fromkeys((here, here.resolve())):
            if path.is_relative_to(folder):
                return str(path.relative_to(folder))
    return source


def _lines(out: Sequence[str]) -> str:
    """The lines of a report, each kept on its line: a name's line break or terminal
    escape is shown escaped (``\\n``), so it cannot start a line of its own."""
    return "\n".join(one_line(line) for line in out)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (CJK counts two)."""
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as indented text columns: the first left-aligned, the others right-aligned and
    at least seven columns wide."""
    width = max(display_width(r[0]) for r in rows)
    columns = [max(7, *(display_width(r[i]) for r in rows)) for i in range(1, len(rows[0]))]
    out = []
    for row in rows:
        cells = [_pad(v, n, right=True) for v, n in zip(row[1:], columns, strict=True)]
        out.append(f"  {_pad(row[0], width)}  {'  '.join(cells)}".rstrip())
    return out


def render_text(change: Diff, lang: str | None = None, *, ids: bool = False) -> str:
    """The diff as plain text: a heading per kind of thing, entries indented below; names
    in ``lang``, followed by their ids when ``ids``."""
    words = ChangeWords.of(change, lang).words

    def name(text: str, ident: str) -> str:
        if not text or text == ident:
            return ident
        return words.aside(text, ident) if ids else text

    story = Story(change, lang, name, str)
    names = story.w.groups
    out = [story.files()]
    if change.empty:
        out.append(story.no_changes())
    else:
        for section, groups in story.sections():
            if not any(lines for _, lines in groups):
                continue
            out += ["", words.labelled(names[section], story.summary(section, groups))]
            for group, lines in groups:
                if not lines:
                    continue
                if group:
                    n = story.count(group, lines)
                    out.append("  " + story.w.counted(capital(names[group]), n))
                out += [f"    {line}" if group else f"  {line}" for line in lines]
        posts = story.post_rows()
        if posts:
            heads = ["", *story.post_headings()[1:]]
            out += ["", story.posts_by_unit(), *_table([heads, *posts])]
        out += ["", story.figures_title()]
        out += _table([("", *story.compared()), *story.figure_rows()])
    if change.notes:
        out += ["", story.not_compared()]
        out += [f"  {note.said(words)}" for note in change.notes]
    if change.findings:
        out += ["", story.problems()]
        out += [
            f"  {f.location}: {f.severity.value} {f.rule}: {f.said(words)[0]}"
            for f in change.findings
        ]
    return _lines(out) + "\n"


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(
    change: Diff, lang: str | None = None, *, ids: bool = False, diagram: str = ""
) -> str:
    """The diff as Markdown to paste into a paper: sections, bullet lists, a figures table;
    names in ``lang``, followed by their ids in code spans when ``ids``. ``diagram`` (a
    picture of the change as Markdown: a fenced Mermaid block) comes after the summary."""
    words = ChangeWords.of(change, lang).words

    def name(text: str, ident: str) -> str:
        code = f"`{ident}`" if "`" not in ident else _md(ident)
        if not text or text == ident:
            return code
        return words.aside(_md(text), code) if ids else _md(text)

    story = Story(change, lang, name, _md)
    names = story.w.groups
    out = [f"## {_md(story.files())}", ""]
    if change.empty:
        out += [story.no_changes(), ""]
    else:
        summary = []
        colon = words.colon().rstrip()
        for section, groups in story.sections():
            if any(lines for _, lines in groups):
                summary.append(f"- **{names[section]}{colon}** {story.summary(section, groups)}")
        out += [*summary, ""]
        if diagram:
            out += [*diagram.rstrip("\n").split("\n"), ""]
        for section, groups in story.sections():
            for group, lines in groups:
                if lines:
                    out += [f"### {story.heading(section, group, story.count(group, lines))}", ""]
                    out += [f"- {line}" for line in lines]
                    out.append("")
        posts = story.post_rows()
        if posts:
            out += [f"### {story.posts_by_unit()}", "", f"| {' | '.join(story.post_headings())} |"]
            out.append("|---" + "|---:" * 9 + "|")
            out += [f"| {' | '.join(row)} |" for row in posts]
            out.append("")
        head = " | ".join(capital(h) for h in story.compared())
        out += [f"### {story.figures_title()}", "", f"| | {head} |", "|---|---:|---:|---:|"]
        for label, a, b, d in story.figure_rows():
            shown = f"&emsp;{_md(label.strip())}" if label.startswith("  ") else _md(label)
            out.append(f"| {shown} | {a} | {b} | {d} |")
        out.append("")
    if change.notes:
        out += [f"### {story.not_compared()}", ""]
        out += [f"- {_md(note.said(words))}" for note in change.notes]
        out.append("")
    if change.findings:
        out += [f"### {story.problems()}", ""]
        out += [f"- {_md(str(f.location))}: {_md(f.said(words)[0])}" for f in change.findings]
        out.append("")
    return _lines(out)
