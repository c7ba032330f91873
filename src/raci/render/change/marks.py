"""What happened to each unit, and how a picture shows it: a mark, a colour and a border
per kind of change (so that it reads in greyscale too), and the key that explains the
kinds a picture shows."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import attrs

from raci.model import Organization
from raci.render.dot import esc, shown
from raci.restructure.diff import Diff
from raci.restructure.words import ChangeWords

#: The kinds of change, in the order a unit's marks and the key list them.
KINDS = ("new", "merged", "split", "renamed", "moved", "relevelled", "same", "abolished")


@attrs.frozen
class Look:
    """How a kind of change is drawn: its mark, the box's fill, line colour, border style
    and border width (points)."""

    mark: str
    fill: str
    line: str
    style: str = "solid"
    border: int = 2


LOOKS = {
    "new": Look("★", "#e3f2e1", "#2e7d32", "solid", 3),
    "merged": Look("▼", "#e4ecfa", "#1f4e96"),
    "split": Look("▲", "#f2e8f8", "#7b3294", "dotted"),
    "renamed": Look("◆", "#e3f4f6", "#0f6e80"),
    "moved": Look("→", "#fff1dc", "#b85400"),
    "relevelled": Look("↕", "#fbf4d2", "#7d6300"),
    "same": Look("", "#ffffff", "#8a8a8a", "solid", 1),
    "abolished": Look("×", "#fdeceb", "#c62828", "dashed"),
}
#: The colour and width of a reporting line to a unit that moved, and of the others.
MOVED_LINE = {"color": LOOKS["moved"].line, "penwidth": "2.4"}


def new_kinds(change: Diff) -> dict[str, list[str]]:
    """Each unit of NEW with what happened to it (``same`` when nothing did), in
    :data:`KINDS` order."""
    lin = change.lineage.units
    added = {e["unit"] for e in change.units_added}
    merged = {e["unit"] for e in change.units_merged}
    split = {n for e in change.units_split for n in e["into"]}
    renamed = {
        e["unit"]
        for e in change.units_renamed
        if len(lin.successors(e["formerly"])) == 1 and len(lin.predecessors(e["unit"])) == 1
    }
    moved = {e["unit"] for e in change.units_moved}
    relevelled = {e["unit"] for e in change.units_relevelled}
    sets = {
        "new": added,
        "merged": merged,
        "split": split,
        "renamed": renamed,
        "moved": moved,
        "relevelled": relevelled,
    }
    out: dict[str, list[str]] = {}
    for uid in change.new.units:
        kinds = [k for k, members in sets.items() if uid in members]
        out[uid] = kinds or ["same"]
    return out


def old_kinds(change: Diff, new: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Each unit of OLD with what happened to it: abolished, or what happened to the units
    that continue it (a unit split in two is split)."""
    lin = change.lineage.units
    out: dict[str, list[str]] = {}
    for uid in change.old.units:
        after = [n for n in lin.successors(uid) if n in new]
        found = {k for n in after for k in new[n]}
        out[uid] = ([k for k in KINDS if k in found] or ["same"]) if after else ["abolished"]
    return out


class Captions:
    """The words every picture of one change shows, in one language: names, the title, and
    what each unit of NEW says happened to it."""

    def __init__(self, change: Diff, lang: str | None) -> None:
        self.change = change
        self.lang = lang
        self.words = ChangeWords.of(change, lang)
        self.kinds = new_kinds(change)

    def name(self, org: Organization, ident: str | None) -> str:
        """A party's name in the language, its id when it has none; the top for None."""
        if ident is None:
            # Translators: in place of a parent unit: the unit is at the top.
            return self.words.words.gettext("(top)")
        p = org.parties.get(ident)
        return shown(p.names.get(self.lang), ident) if p is not None else shown(ident)

    def title(self) -> str:
        """'UN-Habitat: before and after', named after NEW (or its top unit)."""
        org = self.change.new
        name = shown(org.names.get(self.lang)) or (
            self.name(org, org.roots[0]) if org.roots else ""
        )
        return self.words.picture_title(name)

    def notes(self, uid: str) -> list[str]:
        """What a unit's box says happened to it, one note a line."""
        c, w = self.change, self.words
        lin = c.lineage.units
        kinds = self.kinds[uid]
        before = [o for o in lin.predecessors(uid) if o in c.old.units]
        out: list[str] = []
        if "new" in kinds:
            # Translators: what a new unit's box says.
            out.append(w.gettext("new"))
        elif {"merged", "split", "renamed"} & set(kinds):
            names = w.join([self.name(c.old, o) for o in before])
            out.append(w.gettext("formerly {names}", names=names))
        for o in before:
            others = [n for n in lin.successors(o) if n != uid]
            if others:
                names = w.join([self.name(c.new, n) for n in others])
                out.append(w.gettext("split with {names}", names=names))
        for e in c.units_moved:
            if e["unit"] == uid:
                name = self.name(c.old, e["old_parent"])
                out.append(w.gettext("moved from under {name}", name=name))
        for e in c.units_relevelled:
            if e["unit"] == uid:
                old, new = w.a_level(e["old_level"]), w.a_level(e["new_level"])
                # Translators: a unit's level before and after: "was a branch, now a
                # division"; {old} and {new} as the context "a unit of the level" has them.
                out.append(w.gettext("was {old}, now {new}", old=old, new=new))
        return out

    def was(self, e: Mapping[str, str | None]) -> str:
        """Where an abolished unit was: under its parent, or at the top."""
        parent = e["parent"]
        if parent:
            name = self.name(self.change.old, parent)
            return self.words.gettext("was under {name}", name=name)
        return self.words.gettext("was the top")


def marks(kinds: Iterable[str]) -> str:
    """The marks of ``kinds``, each in its colour (HTML-like label text)."""
    return "&#160;".join(
        f'<FONT COLOR="{LOOKS[k].line}"><B>{LOOKS[k].mark}</B></FONT>'
        for k in kinds
        if LOOKS[k].mark
    )


def box(
    kinds: Sequence[str],
    title: str,
    notes: Sequence[str],
    *,
    size: int = 11,
    width: float | None = None,
) -> str:
    """A unit's box: its marks and name (``title`` is label text, already escaped), a
    line per note, in the colours and border of its first kind."""
    look = LOOKS[kinds[0]]
    mark = marks(kinds)
    # Graphviz leaves a cell its natural width in a wider table: each cell is widened too.
    td = f'<TD WIDTH="{width - 2 * look.border:.0f}">' if width else "<TD>"
    rows = [f'<TR>{td}<FONT POINT-SIZE="{size}"><B>{title}</B></FONT></TD></TR>']
    if mark:
        rows.insert(0, f'<TR>{td}<FONT POINT-SIZE="{size}">{mark}</FONT></TD></TR>')
    rows += [
        f'<TR>{td}<FONT POINT-SIZE="{size - 2}" COLOR="#333333">{note}</FONT></TD></TR>'
        for note in notes
    ]
    wide = f' WIDTH="{width:.0f}"' if width else ""
    return (
        f'<TABLE BORDER="{look.border}" STYLE="rounded,{look.style}" COLOR="{look.line}"'
        f' BGCOLOR="{look.fill}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"{wide}>'
        f"{''.join(rows)}</TABLE>"
    )


def key(kinds: Iterable[str], words: ChangeWords, *, columns: int = 1) -> str:
    """The key: an entry for each kind in ``kinds`` (and only those), with its mark and a
    swatch of its box, in ``columns`` columns; mirrored in a language read right to left."""
    shown = set(kinds)
    rtl = words.words.rtl
    side = "RIGHT" if rtl else "LEFT"
    entries = []
    for k in KINDS:
        if k not in shown:
            continue
        look = LOOKS[k]
        mark = marks([k]) or "&#160;"
        swatch = (
            f'<TD BGCOLOR="{look.fill}" BORDER="{look.border}" COLOR="{look.line}"'
            f' STYLE="rounded,{look.style}" WIDTH="30">{mark}</TD>'
        )
        text = f'<TD ALIGN="{side}">{esc(words.key_entries[k])}</TD>'
        entries.append(text + swatch if rtl else swatch + text)
    title = words.words.gettext("Key")
    down = math.ceil(len(entries) / columns)
    gap = '<TD WIDTH="12"></TD>'
    rows = []
    for r in range(down):
        row = entries[r::down]
        # A mirrored row starts on the right: its first column is the last cell, and a
        # short row is filled on the left.
        if rtl:
            row = [*(["<TD></TD><TD></TD>"] * (columns - len(row))), *reversed(row)]
        rows.append("<TR>" + gap.join(row) + "</TR>")
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4">'
        f'<TR><TD COLSPAN="{3 * columns}" ALIGN="{side}"><B>{esc(title)}</B></TD></TR>'
        f"{''.join(rows)}</TABLE>"
    )
