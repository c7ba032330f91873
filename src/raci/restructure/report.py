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
from raci.words import words_for

if TYPE_CHECKING:
    from raci.restructure.diff import Diff, Entry

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _signed(before: float | None, after: float | None) -> str:
    if before is None or after is None:
        return ""
    change = after - before
    if change == 0:
        return "0"
    text = f"{abs(change):g}"
    return f"+{text}" if change > 0 else f"−{text}"


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


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
        self.w = ChangeWords.for_lang(lang)
        #: The fixed words of the language.
        self.words = words_for(lang)
        #: name(text, id) -> how a named thing is shown
        self.name = name
        #: text(word) -> how a word of the model (a grade, a fund) is shown
        self.text = text
        #: The posts each group of post changes counts.
        self.post_counts = {
            f"post_{kind}": tidy(sum(e["count"] for e in change.posts.of(kind))) for kind in KINDS
        }

    def party(self, org: Organization, ident: str | None) -> str:
        if ident is None:
            return self.w("none")
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
            return self.w("under", what=what, parent=self.party(org, parent))
        return self.w("at_top", what=what)

    # -- sections: (heading, [(group, lines)]) ---------------------------------

    def sections(self) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        c, w = self.change, self.w
        units = [
            (
                "created",
                [
                    w(
                        "unit_where",
                        name=self.new(e["unit"]),
                        where=self.where(c.new, e["parent"], e["level"]),
                    )
                    for e in c.units_added
                ],
            ),
            (
                "abolished",
                [
                    w(
                        "unit_where",
                        name=self.old(e["unit"]),
                        where=self.where(c.old, e["parent"], e["level"]),
                    )
                    for e in c.units_removed
                ],
            ),
            (
                "merged",
                [
                    w("merges", name=self.new(e["unit"]), olds=self.olds(e["formerly"]))
                    for e in c.units_merged
                ],
            ),
            (
                "split",
                [
                    w("split_into", old=self.old(e["unit"]), news=self.news(e["into"]))
                    for e in c.units_split
                ],
            ),
            (
                "renamed",
                [
                    w("is_now", old=self.old(e["formerly"]), new=self.new(e["unit"]))
                    for e in c.units_renamed
                    if self.one_to_one(e)
                ],
            ),
            (
                "moved",
                [
                    w(
                        "moved_line",
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
                    w(
                        "relevelled_line",
                        name=self.new(e["unit"]),
                        old=w.level(e["old_level"]),
                        new=w.level(e["new_level"]),
                    )
                    for e in c.units_relevelled
                ],
            ),
        ]
        posts = [
            (
                "created",
                [
                    w("post_in", name=self.new(e["position"]), unit=self.new(e["unit"]))
                    for e in c.positions_added
                ],
            ),
            (
                "abolished",
                [
                    w("post_in", name=self.old(e["position"]), unit=self.old(e["unit"]))
                    for e in c.positions_removed
                ],
            ),
            (
                "moved",
                [
                    w(
                        "post_moved",
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
                    w(
                        "accountable_line",
                        work=self.work(e["deliverable"]),
                        old=self.olds(e["old_parties"]) or w("none"),
                        new=self.news(e["new_parties"]) or w("none"),
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
        return [
            (
                "",
                [
                    w(
                        "orphaned_line",
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
        groups: list[tuple[str, tuple[Entry, ...], Callable[[Entry], str]]] = [
            (
                "post_established",
                p.established,
                lambda e: w("posts_in", unit=self.new(e["unit"]), posts=self.of(e)),
            ),
            (
                "post_abolished",
                p.abolished,
                lambda e: w("posts_in", unit=self.unit(e["unit"]), posts=self.of(e)),
            ),
            (
                "post_redeployed",
                p.redeployed,
                lambda e: w(
                    "posts_redeployed",
                    posts=self.of(e),
                    old=self.unit(e["from"]),
                    new=self.new(e["to"]),
                ),
            ),
            (
                "post_reclassified",
                p.reclassified,
                lambda e: w(
                    "posts_reclassified",
                    unit=self.new(e["unit"]),
                    posts=self.posts(e["count"], e["from"]),
                    grade=self.grade(e["to"]),
                ),
            ),
            (
                "post_converted",
                p.converted,
                lambda e: w(
                    "posts_converted",
                    unit=self.new(e["unit"]),
                    posts=self.posts(e["count"], e["grade"]),
                    old=self.text(e["from"]),
                    new=self.text(e["to"]),
                ),
            ),
        ]
        return [(group, [self.named(e, line(e)) for e in found]) for group, found, line in groups]

    def grade(self, grade: str | None) -> str:
        return self.text(grade) if grade else self.w("no_grade")

    def posts(self, count: float, grade: str | None, fund: str | None = None) -> str:
        """'2 P-4', '2 P-4 (RB)'."""
        shown = self.w("posts_of", n=_number(count), grade=self.grade(grade))
        return self.w("posts_funded", posts=shown, fund=self.text(fund)) if fund else shown

    def of(self, e: Entry) -> str:
        """The posts of an entry, with their fund."""
        return self.posts(e["count"], e["grade"], e["fund"])

    def named(self, e: Entry, line: str) -> str:
        """A line, with the listed position that tells it."""
        if "position" not in e:
            return line
        return self.w("post_named", line=line, name=self.new(e["position"]))

    def count(self, group: str, lines: Sequence[str]) -> str:
        """What a group's heading counts: posts for post changes, else its lines."""
        return _number(self.post_counts[group]) if group in self.post_counts else str(len(lines))

    def post_rows(self) -> list[list[str]]:
        """The summary of post changes: a row per unit whose posts changed, and the total
        of all units; empty when nothing changed."""
        p = self.change.posts
        if not p.shown or not p:
            return []
        changed = [r for r in p.summary if any(r[k] for k in COLUMNS[2:])]
        kinds = {k: tidy(sum(r[k] for r in p.summary)) for k in COLUMNS[3:]}
        rows = [[self.unit(r["unit"]), *self._post_cells(r)] for r in changed]
        return [*rows, [self.w("all_units"), *self._post_cells({**p.totals, **kinds})]]

    def post_headings(self) -> list[str]:
        keys = ["unit", "before", "after", "change", "post_established", "post_abolished"]
        keys += ["redeployed_in", "redeployed_out", "post_reclassified", "post_converted"]
        return [self.w(k)[:1].upper() + self.w(k)[1:] for k in keys]

    @staticmethod
    def _post_cells(row: Mapping[str, Any]) -> list[str]:
        before, after = row["before"], row["after"]
        kinds = [_number(row[k]) if row[k] else "–" for k in COLUMNS[3:]]
        return [_number(tidy(before)), _number(tidy(after)), _signed(before, after), *kinds]

    def one_to_one(self, e: Entry) -> bool:
        """A rename not already told as part of a merge or a split."""
        lin = self.change.lineage.units
        return len(lin.successors(e["formerly"])) == 1 and len(lin.predecessors(e["unit"])) == 1

    def figure_rows(self) -> list[tuple[str, str, str, str]]:
        before, after = self.change.figures["before"], self.change.figures["after"]
        w = self.w
        rows: list[tuple[str, str, str, str]] = []

        def row(label: str, a: Any, b: Any) -> None:
            label = label[:1].upper() + label[1:]
            rows.append((label, _number(a), _number(b), _signed(a, b)))

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
        for key in ("min", "median", "max"):
            row(
                w("figure_part", figure=w.figure("span_of_control"), part=w(key)),
                before["span_of_control"][key],
                after["span_of_control"][key],
            )
        named("deliverables")
        return rows

    def summary(self, section: str, groups: list[tuple[str, list[str]]]) -> str:
        """A section's line of counts: '2 created, 3 abolished'."""
        if section == "orphaned":
            return self.w.orphaned_count(len(groups[0][1]))
        return self.w("comma").join(
            self.w("count_accountable", n=len(lines))
            if group == "accountable"
            else self.w("count", n=self.count(group, lines), group=self.w(group))
            for group, lines in groups
            if lines
        )

    def heading(self, section: str, group: str, n: str) -> str:
        """A group's heading, with its count: 'Units: created (2)'."""
        text = (
            self.w("heading", section=self.w(section), group=self.w(group))
            if group
            else self.w(section)
        )
        return self.w("counted", text=text, n=n)

    def files(self) -> str:
        """The title: the two files, as given, relative to the current folder when under it."""
        return self.w(
            "title", old=shown_path(self.change.old.source), new=shown_path(self.change.new.source)
        )


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
    w = ChangeWords.for_lang(lang)

    def name(text: str, ident: str) -> str:
        if not text or text == ident:
            return ident
        return w("with_id", name=text, id=ident) if ids else text

    story = Story(change, lang, name, str)
    out = [story.files()]
    if change.empty:
        out.append(w("no_changes"))
    else:
        for section, groups in story.sections():
            if not any(lines for _, lines in groups):
                continue
            out += ["", w("summary", section=w(section), counts=story.summary(section, groups))]
            for group, lines in groups:
                if not lines:
                    continue
                if group:
                    label = w(group)
                    n = story.count(group, lines)
                    out.append("  " + w("counted", text=label[:1].upper() + label[1:], n=n))
                out += [f"    {line}" if group else f"  {line}" for line in lines]
        posts = story.post_rows()
        if posts:
            out += ["", w("posts_by_unit"), *_table([["", *story.post_headings()[1:]], *posts])]
        out += ["", w("figures")]
        out += _table([("", w("before"), w("after"), w("change")), *story.figure_rows()])
    if change.notes:
        out += ["", w("not_compared")]
        out += [f"  {note}" for note in change.notes]
    if change.findings:
        out += ["", w("problems")]
        out += [
            f"  {f.location}: {f.severity.value} {f.rule}: {f.message}" for f in change.findings
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
    w = ChangeWords.for_lang(lang)

    def name(text: str, ident: str) -> str:
        code = f"`{ident}`" if "`" not in ident else _md(ident)
        if not text or text == ident:
            return code
        return w("with_id", name=_md(text), id=code) if ids else _md(text)

    story = Story(change, lang, name, _md)
    out = [f"## {_md(story.files())}", ""]
    if change.empty:
        out += [w("no_changes"), ""]
    else:
        summary = []
        for section, groups in story.sections():
            if any(lines for _, lines in groups):
                summary.append(
                    f"- **{w(section)}{w('colon').rstrip()}** {story.summary(section, groups)}"
                )
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
            out += [f"### {w('posts_by_unit')}", "", f"| {' | '.join(story.post_headings())} |"]
            out.append("|---" + "|---:" * 9 + "|")
            out += [f"| {' | '.join(row)} |" for row in posts]
            out.append("")
        head = " | ".join(w(k)[:1].upper() + w(k)[1:] for k in ("before", "after", "change"))
        out += [f"### {w('figures')}", "", f"| | {head} |", "|---|---:|---:|---:|"]
        for label, a, b, d in story.figure_rows():
            shown = f"&emsp;{_md(label.strip())}" if label.startswith("  ") else _md(label)
            out.append(f"| {shown} | {a} | {b} | {d} |")
        out.append("")
    if change.notes:
        out += [f"### {w('not_compared')}", ""]
        out += [f"- {_md(note)}" for note in change.notes]
        out.append("")
    if change.findings:
        out += [f"### {w('problems')}", ""]
        out += [f"- {_md(str(f.location))}: {_md(f.message)}" for f in change.findings]
        out.append("")
    return _lines(out)
