"""The readable forms of a diff: plain text for a terminal, Markdown for a paper.

Both tell the same story in the same order: units, posts, deliverables, orphaned
responsibilities, the figures before and after, what could not be compared, and any
problem with the lineage. Names are shown in the chosen language, with their ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from raci._text import one_line
from raci.analysis.figures import NAMES
from raci.model import Organization

if TYPE_CHECKING:
    from raci.restructure.diff import Diff, Entry

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    if word.endswith("y"):
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}s"


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


class _Story:
    """Sentences about one diff, built with a way to show a name (plain or Markdown)."""

    def __init__(self, change: Diff, lang: str | None, name: Callable[[str, str], str]) -> None:
        self.change = change
        self.lang = lang
        #: name(text, id) -> how a named thing is shown
        self.name = name

    def party(self, org: Organization, ident: str | None) -> str:
        if ident is None:
            return "(none)"
        p = org.parties.get(ident)
        return self.name(p.names.get(self.lang) if p else "", ident)

    def old(self, ident: str | None) -> str:
        return self.party(self.change.old, ident)

    def new(self, ident: str | None) -> str:
        return self.party(self.change.new, ident)

    def work(self, ident: str) -> str:
        d = self.change.new.deliverables.get(ident) or self.change.old.deliverables.get(ident)
        return self.name(d.names.get(self.lang) if d else "", ident)

    def olds(self, ids: Sequence[str]) -> str:
        return _join([self.old(i) for i in ids])

    def news(self, ids: Sequence[str]) -> str:
        return _join([self.new(i) for i in ids])

    def where(self, org: Organization, parent: str | None, level: str | None) -> str:
        lead = f"a {level}" if level else "a unit"
        if level and level[:1] in "aeiou":
            lead = f"an {level}"
        return f"{lead} under {self.party(org, parent)}" if parent else f"{lead} at the top"

    # -- sections: (heading, summary, [lines]) ------------------------------

    def sections(self) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        c = self.change
        units = [
            (
                "Created",
                [
                    f"{self.new(e['unit'])}, {self.where(c.new, e['parent'], e['level'])}"
                    for e in c.units_added
                ],
            ),
            (
                "Abolished",
                [
                    f"{self.old(e['unit'])}, {self.where(c.old, e['parent'], e['level'])}"
                    for e in c.units_removed
                ],
            ),
            (
                "Merged",
                [
                    f"{self.new(e['unit'])} merges {self.olds(e['formerly'])}"
                    for e in c.units_merged
                ],
            ),
            (
                "Split",
                [
                    f"{self.old(e['unit'])} is split into {self.news(e['into'])}"
                    for e in c.units_split
                ],
            ),
            ("Renamed", [self.renamed(e) for e in c.units_renamed if self.one_to_one(e)]),
            (
                "Moved",
                [
                    f"{self.new(e['unit'])}: from under {self.old(e['old_parent'])}"
                    f" to under {self.new(e['new_parent'])}"
                    for e in c.units_moved
                ],
            ),
            (
                "Relevelled",
                [
                    f"{self.new(e['unit'])}: {e['old_level']} → {e['new_level']}"
                    for e in c.units_relevelled
                ],
            ),
        ]
        posts = [
            (
                "Created",
                [f"{self.new(e['position'])}, in {self.new(e['unit'])}" for e in c.positions_added],
            ),
            (
                "Abolished",
                [
                    f"{self.old(e['position'])}, in {self.old(e['unit'])}"
                    for e in c.positions_removed
                ],
            ),
            (
                "Moved",
                [
                    f"{self.new(e['position'])}: from {self.old(e['old_unit'])}"
                    f" to {self.new(e['new_unit'])}"
                    for e in c.positions_moved
                ],
            ),
        ]
        work = [
            ("Added", [self.work(e["deliverable"]) for e in c.deliverables_added]),
            ("Removed", [self.work(e["deliverable"]) for e in c.deliverables_removed]),
            (
                "New Accountable",
                [
                    f"{self.work(e['deliverable'])}: {self.olds(e['old_parties']) or '(none)'}"
                    f" → {self.news(e['new_parties']) or '(none)'}"
                    for e in c.accountable_changed
                ],
            ),
        ]
        orphaned = [
            (
                "",
                [
                    f"{self.work(e['deliverable'])}: {self.role(e['role'])},"
                    f" held by {self.old(e['party'])}"
                    for e in c.orphaned
                ],
            )
        ]
        return [
            ("Units", units),
            ("Posts", posts),
            ("Deliverables", work),
            ("Orphaned responsibilities", orphaned),
        ]

    def role(self, letter: str) -> str:
        """A role letter of OLD's scheme with its name: 'Consulted (C)'."""
        role = self.change.old.scheme.role(letter)
        return f"{role.name} ({letter})" if role is not None and role.name != letter else letter

    def one_to_one(self, e: Entry) -> bool:
        """A rename not already told as part of a merge or a split."""
        lin = self.change.lineage.units
        return len(lin.successors(e["formerly"])) == 1 and len(lin.predecessors(e["unit"])) == 1

    def renamed(self, e: Entry) -> str:
        return f"{self.old(e['formerly'])} is now {self.new(e['unit'])}"

    def figure_rows(self) -> list[tuple[str, str, str, str]]:
        before, after = self.change.figures["before"], self.change.figures["after"]
        rows: list[tuple[str, str, str, str]] = []

        def row(label: str, a: Any, b: Any) -> None:
            label = label[:1].upper() + label[1:]
            rows.append((label, _number(a), _number(b), _signed(a, b)))

        def named(key: str) -> None:
            row(NAMES[key], before[key], after[key])

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
            row(f"  {level}", before["by_level"].get(level, 0), after["by_level"].get(level, 0))
        for key in ("positions", "posts", "filled", "vacant", "depth"):
            named(key)
        for key in ("min", "median", "max"):
            row(
                f"{NAMES['span_of_control']}, {key}",
                before["span_of_control"][key],
                after["span_of_control"][key],
            )
        named("deliverables")
        return rows

    def headline(self, title: str, groups: list[tuple[str, list[str]]]) -> str:
        parts = [
            f"{len(lines)} with a new Accountable"
            if label == "New Accountable"
            else f"{len(lines)} {label.lower()}"
            for label, lines in groups
            if lines
        ]
        if title == "Orphaned responsibilities":
            n = len(groups[0][1])
            return f"{_plural(n, 'role')} whose holder is gone, with no successor"
        return ", ".join(parts)


def _join(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lines(out: Sequence[str]) -> str:
    """The lines of a report, each kept on its line: a name's line break or terminal
    escape is shown escaped (``\\n``), so it cannot start a line of its own."""
    return "\n".join(one_line(line) for line in out)


def _files(change: Diff) -> str:
    return f"{change.old.source} → {change.new.source}"


def render_text(change: Diff, lang: str | None = None) -> str:
    """The diff as plain text: a heading per kind of thing, entries indented below."""

    def name(text: str, ident: str) -> str:
        return f"{text} ({ident})" if text and text != ident else ident

    story = _Story(change, lang, name)
    out = [f"Restructuring: {_files(change)}"]
    if change.empty:
        out.append("No changes: the two versions have the same units, posts and roles.")
    else:
        for title, groups in story.sections():
            if not any(lines for _, lines in groups):
                continue
            out += ["", f"{title}: {story.headline(title, groups)}"]
            for label, lines in groups:
                if not lines:
                    continue
                if label:
                    out.append(f"  {label} ({len(lines)})")
                out += [f"    {line}" if label else f"  {line}" for line in lines]
        out += ["", "Figures"]
        rows = [("", "before", "after", "change"), *story.figure_rows()]
        width = max(len(r[0]) for r in rows)
        for label, a, b, d in rows:
            out.append(f"  {label:<{width}}  {a:>7}  {b:>7}  {d:>7}".rstrip())
    if change.notes:
        out += ["", "Not compared"]
        out += [f"  {note}" for note in change.notes]
    if change.findings:
        out += ["", "Problems with `formerly`"]
        out += [
            f"  {f.location}: {f.severity.value} {f.rule}: {f.message}" for f in change.findings
        ]
    return _lines(out) + "\n"


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(change: Diff, lang: str | None = None) -> str:
    """The diff as Markdown to paste into a paper: sections, bullet lists, a figures table."""

    def name(text: str, ident: str) -> str:
        code = f"`{ident}`" if "`" not in ident else _md(ident)
        return f"{_md(text)} ({code})" if text and text != ident else code

    story = _Story(change, lang, name)
    out = [f"## Restructuring: {_md(_files(change))}", ""]
    if change.empty:
        out += ["No changes: the two versions have the same units, posts and roles.", ""]
    else:
        summary = []
        for title, groups in story.sections():
            if any(lines for _, lines in groups):
                summary.append(f"- **{title}:** {story.headline(title, groups)}")
        out += [*summary, ""]
        for title, groups in story.sections():
            for label, lines in groups:
                if not lines:
                    continue
                heading = f"{title}: {label[:1].lower()}{label[1:]}" if label else title
                out += [f"### {heading} ({len(lines)})", ""]
                out += [f"- {line}" for line in lines]
                out.append("")
        out += ["### Figures", "", "| | Before | After | Change |", "|---|---:|---:|---:|"]
        for label, a, b, d in story.figure_rows():
            shown = f"&emsp;{_md(label.strip())}" if label.startswith("  ") else _md(label)
            out.append(f"| {shown} | {a} | {b} | {d} |")
        out.append("")
    if change.notes:
        out += ["### Not compared", ""]
        out += [f"- {_md(note)}" for note in change.notes]
        out.append("")
    if change.findings:
        out += ["### Problems with `formerly`", ""]
        out += [f"- {_md(str(f.location))}: {_md(f.message)}" for f in change.findings]
        out.append("")
    return _lines(out)
